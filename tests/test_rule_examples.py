"""Every rule's own examples: each 'hit' must draw that rule, each 'miss' must not."""
from __future__ import annotations

import collections
from pathlib import Path

import pytest

from postcheck import load_rulebook
from postcheck.resources import resource_dir

RULEBOOK = load_rulebook()
MIN_EXAMPLES = 5


def _cases(kind: str):
    for rule in RULEBOOK.rules:
        for n, text in enumerate(rule.examples[kind]):
            yield pytest.param(rule.id, text, id=f"{rule.id}-{kind}{n}")


@pytest.mark.parametrize("rule_id,text", list(_cases("hit")))
def test_example_hits(rule_id, text):
    fired = {f.rule for f in RULEBOOK.check_text(text)}
    assert rule_id in fired, f"{rule_id} did not fire on: {text}"


@pytest.mark.parametrize("rule_id,text", list(_cases("miss")))
def test_example_misses(rule_id, text):
    # an info note (a downgraded finding) is allowed on a look-alike; a warning is not
    fired = {f.rule for f in RULEBOOK.check_text(text) if f.severity != "info"}
    assert rule_id not in fired, f"{rule_id} fired on a look-alike: {text}"


def test_every_rule_has_enough_examples():
    thin = [r.id for r in RULEBOOK.rules
            if len(r.examples["hit"]) < MIN_EXAMPLES or len(r.examples["miss"]) < MIN_EXAMPLES]
    assert not thin, f"rules with fewer than {MIN_EXAMPLES} hit and miss examples: {thin}"


def test_rule_ids_are_unique():
    counts = collections.Counter(r.id for r in RULEBOOK.rules)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_word_list_is_used():
    shipped = {p.stem for p in Path(resource_dir("wordlists")).glob("*.txt")}
    assert shipped - RULEBOOK.used_wordlists == set()


def test_every_clause_family_of_the_core_has_rules():
    clauses = {r.clause for r in RULEBOOK.rules}
    assert {"4.1", "5.2", "5.3", "5.4", "5.6", "5.7"} <= clauses


def test_clause_docs_list_every_rule():
    # docs/clauses.md is what SARIF's helpUri links to: regenerate it with
    # `python scripts/make_clause_docs.py > docs/clauses.md` when rules change
    docs = (Path(__file__).resolve().parents[1] / "docs" / "clauses.md").read_text(encoding="utf-8")
    assert [r.id for r in RULEBOOK.rules if f"`{r.id}`" not in docs] == []
