"""Every rule's own examples, LanguageTool-style: each 'hit' pins the exact span(s) the rule
must report ("Gửi anh bản [báo cáo mật] nhé", or {text, match(es)}), and the rule reports
those and nothing else; each 'miss' draws no finding of the rule at all, or, written
{text, info: true}, an info note and nothing higher. Pin a new rule's hits with
scripts/pin_example_spans.py, then read the spans it wrote."""
from __future__ import annotations

import collections
from pathlib import Path

import pytest

from postcheck import load_rulebook
from postcheck.checks.examples import Example, parse_examples
from postcheck.resources import resource_dir
from postcheck.rulebook import RuleError

RULEBOOK = load_rulebook()
MIN_EXAMPLES = 5


def _cases(kind: str):
    for rule in RULEBOOK.rules:
        for n, example in enumerate(rule.examples[kind]):
            yield pytest.param(rule.id, example, id=f"{rule.id}-{kind}{n}")


def _found(rule_id: str, text: str):
    return [f for f in RULEBOOK.check_text(text) if f.rule == rule_id]


@pytest.mark.parametrize("rule_id,example", list(_cases("hit")))
def test_example_hits_exactly_its_span(rule_id, example):
    assert example.spans, f"{rule_id}: a hit example must mark its span: {example.text!r}"
    found = sorted((f.start, f.end) for f in _found(rule_id, example.text))
    shown = Example(example.text, tuple(found)).marked
    assert found == list(example.spans), f"{rule_id} reports {shown!r}, the example pins {example.marked!r}"


@pytest.mark.parametrize("rule_id,example", list(_cases("miss")))
def test_example_misses_are_silent(rule_id, example):
    severities = sorted({f.severity for f in _found(rule_id, example.text)})
    expected = ["info"] if example.info else []
    assert severities == expected, f"{rule_id} on a look-alike gives {severities or 'nothing'}: {example.text!r}"


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
    # docs/clauses.md is the clauses and rules in one page (SARIF carries the same as help): regenerate it with
    # `python scripts/make_clause_docs.py > docs/clauses.md` when rules change
    docs = (Path(__file__).resolve().parents[1] / "docs" / "clauses.md").read_text(encoding="utf-8")
    assert [r.id for r in RULEBOOK.rules if f"`{r.id}`" not in docs] == []


# --- the example format ---------------------------------------------------------------------

def _parse(hit=("x",), miss=("y",)):
    return parse_examples({"hit": list(hit), "miss": list(miss)}, "r.yaml: rule 'a.b': key 'examples'")


def test_brackets_mark_spans_in_the_plain_text():
    [one, two] = _parse(hit=["Gửi anh bản [báo cáo mật] nhé", "[a] và [bc]"])["hit"]
    assert (one.text, one.spans) == ("Gửi anh bản báo cáo mật nhé", ((12, 23),))
    assert one.text[12:23] == "báo cáo mật" and one.marked == "Gửi anh bản [báo cáo mật] nhé"
    assert (two.text, two.spans) == ("a và bc", ((0, 1), (5, 7)))


def test_the_mapping_form_keeps_the_texts_own_brackets():
    [one, two] = _parse(hit=[{"text": "Dấu [MẬT] ở [trang 2]", "match": "[MẬT]"},
                             {"text": "PIN 12 và 34, lại 12", "matches": ["12", "34", "12"]}])["hit"]
    assert (one.text, one.spans) == ("Dấu [MẬT] ở [trang 2]", ((4, 9),))
    assert two.spans == ((4, 6), (10, 12), (18, 20))


def test_a_miss_is_plain_text_and_may_allow_an_info_note():
    [plain, info] = _parse(miss=["chỗ [họ và tên]", {"text": "mình ngu quá", "info": True}])["miss"]
    assert (plain.text, plain.spans, plain.info) == ("chỗ [họ và tên]", (), False)
    assert (info.text, info.info) == ("mình ngu quá", True)


@pytest.mark.parametrize("hit,miss,expected", [
    (["Gửi [báo cáo mật nhé"], ["y"], "'[' never closed"),
    (["Gửi báo cáo] mật nhé"], ["y"], "']' without '['"),
    (["Gửi [[báo] cáo] mật"], ["y"], "'[' inside a bracketed span"),
    (["Gửi [] báo cáo"], ["y"], "empty span"),
    (["Góc nhìn\n\nGửi [báo cáo"], ["y"], "'[' never closed"),
    ([{"text": "Dấu [MẬT] đây", "match": "TỐI MẬT"}], ["y"], "is not in the text"),
    ([{"text": "mật và mật", "match": "mật"}], ["y"], "occurs 2 times"),
    ([{"text": "abc", "match": "ab", "matches": ["c"]}], ["y"], "one of 'match'"),
    ([{"text": "abc"}], ["y"], "one of 'match'"),
    ([{"text": "abc", "matches": []}], ["y"], "non-empty list"),
    ([{"text": "abc", "matches": ["ab", "bc"]}], ["y"], "overlap"),
    ([{"text": "abc", "match": ""}], ["y"], "non-empty text"),
    ([{"match": "a"}], ["y"], "key 'text'"),
    ([{"text": "abc", "match": "a", "info": True}], ["y"], "unknown key 'info'"),
    ([3], ["y"], "expected a text or a mapping"),
    (["[x]"], [{"text": "y", "info": "yes"}], "key 'info'"),
    (["[x]"], [{"text": "y", "match": "y"}], "unknown key 'match'"),
    ([], ["y"], "non-empty list"),
])
def test_a_malformed_example_is_a_one_line_error_naming_it(hit, miss, expected):
    with pytest.raises(RuleError) as err:
        _parse(hit, miss)
    message = str(err.value)
    assert expected in message and "r.yaml: rule 'a.b': key 'examples'" in message
    assert "\n" not in message


def test_the_pinning_script_marks_what_the_rule_reports_and_leaves_the_rest_as_written(tmp_path):
    import importlib.util
    import io

    script = Path(__file__).resolve().parents[1] / "scripts" / "pin_example_spans.py"
    spec = importlib.util.spec_from_file_location("pin_example_spans", script)
    pin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pin)
    own = tmp_path / "own.yaml"
    head = ('rules:\n  - id: own.cake\n    clause: "5.2"\n    severity: error\n    kind: terms\n'
            '    description: d\n    terms: [bánh mật]\n    message: {vi: "a", en: "b"}\n    examples:\n')
    own.write_text(head + (
        '      hit:\n'
        '        # kept as written\n'
        '        - "Gửi anh cái bánh mật nhé, \\"ngon\\"."\n'
        '        - "Hộp [A]: bánh mật"\n'
        "        - 'bánh mật và bánh mật'\n"
        '        - "không có gì"\n'
        '      miss: ["bánh ngọt"]\n'), encoding="utf-8")
    book = load_rulebook([Path(resource_dir("rules")), tmp_path])
    log = io.StringIO()
    assert pin.pin_file(own, book, unpinned=True, out=log) == 3
    assert own.read_text(encoding="utf-8") == head + (
        '      hit:\n'
        '        # kept as written\n'
        '        - "Gửi anh cái [bánh mật] nhé, \\"ngon\\"."\n'
        '        - {text: "Hộp [A]: bánh mật", match: "bánh mật"}\n'
        '        - "[bánh mật] và [bánh mật]"\n'
        '        - "không có gì"\n'
        '      miss: ["bánh ngọt"]\n')
    assert "NOT REPORTED" in log.getvalue()
    # pinned hits are left alone on a second run
    assert pin.pin_file(own, load_rulebook([Path(resource_dir("rules")), tmp_path]), unpinned=False, out=log) == 0
