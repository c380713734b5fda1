from __future__ import annotations

import pytest

from postcheck import load_rulebook


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook()


@pytest.fixture(scope="session")
def check(rulebook):
    def run(text: str, lang: str = "vi"):
        return rulebook.check_text(text, lang)

    return run
