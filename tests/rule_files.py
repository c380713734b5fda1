"""Helpers shared by test files: a one-rule `classifier` file for schema tests (the keys
under test on top of defaults), and the hit/miss tests of a file of slot-rule cases."""
from __future__ import annotations

import re
import textwrap

import pytest


def classifier_rule_file(tmp_path, rule_id: str, clause: str, body: dict):
    extra = "\n".join(f"    {k}: {v}" for k, v in body.items())
    (tmp_path / "r.yaml").write_text(textwrap.dedent(f"""\
        rules:
          - id: {rule_id}
            clause: "{clause}"
            severity: warning
            kind: classifier
            description: test
            message: {{vi: "x", en: "x"}}
            examples: {{hit: ["a"], miss: ["b"]}}
        """) + extra + "\n", encoding="utf-8")
    return tmp_path / "r.yaml"


def marked(text: str) -> tuple[str, list[str]]:
    """A test text with the spans a rule must report in [brackets]: the plain text and those spans."""
    plain, spans, at = "", [], 0
    for m in re.finditer(r"\[([^\]]*)\]", text):
        plain += text[at:m.start()]
        spans.append(m.group(1))
        plain += m.group(1)
        at = m.end()
    return plain + text[at:], spans


def counted(check, text):
    """(rule, reported text) of each error and warning."""
    return {(f.rule, text[f.start:f.end]) for f in check(text) if f.severity in ("error", "warning")}


def slot_rule_tests(cases: dict):
    """The two tests of a slot-rule file, from {rule: ([hits with spans marked], [misses])}:
    each hit reports exactly its marked spans for the rule; no miss draws the rule."""
    @pytest.mark.parametrize("rule,text", [(r, t) for r, (hits, _) in cases.items() for t in hits])
    def test_a_slot_pair_in_new_words_is_found(check, rule, text):
        plain, spans = marked(text)
        assert spans, "mark the spans the rule reports"
        assert {s for r, s in counted(check, plain) if r == rule} == set(spans)

    @pytest.mark.parametrize("rule,text", [(r, t) for r, (_, misses) in cases.items() for t in misses])
    def test_one_slot_alone_or_a_look_alike_is_not(check, rule, text):
        assert rule not in {r for r, _ in counted(check, text)}

    return test_a_slot_pair_in_new_words_is_found, test_one_slot_alone_or_a_look_alike_is_not
