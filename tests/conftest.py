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


# postcheck speaks English under an English locale (messages.locale_lang); the tests expect
# its default, Vietnamese, whatever locale the machine running them has. LC_ALL would win
# over LC_MESSAGES, so it goes (LANG, which sets the encoding, stays).
import os  # noqa: E402

os.environ.pop("LC_ALL", None)
os.environ["LC_MESSAGES"] = "vi_VN.UTF-8"
