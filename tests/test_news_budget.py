"""A false-alarm budget on real published news (issue 13).

Published news is text a staff member may share without breaking the code, so a finding of
any clause but 5.7 on it is almost surely a false alarm (5.7 on news about another state's
elections or coups can be right: LABELS.md). Each rule may flag at most 0.3% of the articles
with an error or a warning of a clause other than 5.7, and all rules together at most 1%.

Rules still over budget while their precision work is in progress are listed in
OVER_BUDGET: their cases are expected to fail (strict: once a rule is within budget the test
says so, and it must leave the list).
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from postcheck import load_rulebook

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news" / "news.jsonl"
RULE_BUDGET = 0.003
TOTAL_BUDGET = 0.01
COUNTED = ("error", "warning")
# every rule is within budget since issue 13's precision work on both halves of the rules;
# a rule that regresses must be fixed, not listed here
OVER_BUDGET: set[str] = set()
# the clauses of the personal-data, classified, personnel, title-misuse and official-identity rules
OWN_CLAUSES = ("5.1", "5.2", "5.5", "5.6")

pytestmark = pytest.mark.skipif(not NEWS.is_file(), reason="the shared news corpus is not beside the repository")


@pytest.fixture(scope="module")
def flagged() -> tuple[int, dict[str, set[str]], set[str]]:
    """(articles, rule → ids of the articles it flags, ids flagged by any non-5.7 rule)."""
    rulebook = load_rulebook()
    posts = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_rule: dict[str, set[str]] = {}
    any_rule: set[str] = set()
    for post in posts:
        for f in rulebook.check_text(post["text"]):
            if f.severity in COUNTED and f.clause != "5.7":
                by_rule.setdefault(f.rule, set()).add(post["id"])
                any_rule.add(post["id"])
    return len(posts), by_rule, any_rule


def _rule_ids():
    return [r.id for r in load_rulebook().rules if r.clause != "5.7"]


@pytest.mark.parametrize("rule_id", [
    pytest.param(rid, marks=pytest.mark.xfail(strict=True, reason="over budget: precision work in progress (issue 13)"))
    if rid in OVER_BUDGET else rid for rid in _rule_ids()])
def test_each_rule_within_budget(flagged, rule_id):
    total, by_rule, _ = flagged
    hits = by_rule.get(rule_id, set())
    assert len(hits) <= RULE_BUDGET * total, (
        f"{rule_id} flags {len(hits)} of {total} news articles ({len(hits) / total:.2%}), "
        f"over the {RULE_BUDGET:.1%} budget: {sorted(hits)[:10]}")


def test_own_clauses_together_within_budget(flagged):
    # personal data, classified and personnel, title misuse, official identity
    total, by_rule, _ = flagged
    rulebook = load_rulebook()
    clause = {r.id: r.clause for r in rulebook.rules}
    ids = set().union(*(v for k, v in by_rule.items() if clause.get(k) in OWN_CLAUSES))
    assert len(ids) <= RULE_BUDGET * total, f"{len(ids)} articles flagged by 5.1/5.2/5.5/5.6: {sorted(ids)}"


def test_total_within_budget(flagged):
    total, by_rule, any_rule = flagged
    top = Counter({k: len(v) for k, v in by_rule.items()}).most_common(5)
    assert len(any_rule) <= TOTAL_BUDGET * total, (
        f"{len(any_rule)} of {total} articles ({len(any_rule) / total:.1%}) flagged by a clause other "
        f"than 5.7; most: {top}")


INFLAMMATORY = ("4.1", "5.3", "5.4")


def test_inflammatory_family_within_half_a_percent(flagged):
    # profanity, insults, incitement, rumours, hate, threats, defamation: together at most 0.5%
    total, by_rule, _ = flagged
    clause = {r.id: r.clause for r in load_rulebook().rules}
    ids = set().union(*(v for k, v in by_rule.items() if clause.get(k) in INFLAMMATORY))
    assert len(ids) <= 0.005 * total, f"{len(ids)} articles flagged by 4.1/5.3/5.4: {sorted(ids)}"
