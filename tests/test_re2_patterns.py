"""Pattern rules run on RE2 only (checks/re2_pattern.py): what RE2 cannot compile is refused
at load with one line, the Unicode classes mean what Python's do, the guards that replace
look-arounds keep the neighbours of a refused candidate, and the fast path finds what the
exhaustive one (tests/reference.py) finds."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import re2

from postcheck import load_rulebook
from postcheck.checks.pattern import PatternRule
from postcheck.checks.re2_pattern import compile_re2
from postcheck.rulebook import RuleError
from reference import exhaustive_findings

RULEBOOK = load_rulebook()
PATTERN_RULES = [r for r in RULEBOOK.rules if isinstance(r, PatternRule)]


def test_every_shipped_pattern_and_repeat_is_compiled_by_re2():
    assert len(PATTERN_RULES) >= 25
    for rule in PATTERN_RULES:
        assert isinstance(rule.regex, re2._Regexp), rule.id
        if rule.repeat is not None:
            assert isinstance(rule.repeat.regex, re2._Regexp), rule.id


@pytest.mark.parametrize("pattern,says", [
    (r"(?<![\w.])x", "look-behind"), (r"(?<=ab)x", "look-behind"), (r"x(?=y)", "look-ahead"),
    (r"x(?!y)", "look-ahead"), (r"(?P<s>:)?(?(s)a|b)", "conditional"), (r"(a)\1", "back-reference"),
    (r"(?>ab)c", "atomic"), (r"a++", "possessive"), (r"\bpass", r"\b"), (r"pass\B", r"\B"),
    (r"[\W\d]", r"\W inside"), (r"(unclosed", "invalid regular expression"), (r"a{2000}", "invalid regular"),
])
def test_what_re2_cannot_compile_is_refused_naming_where_and_key(pattern, says):
    with pytest.raises(RuleError) as caught:
        compile_re2(pattern, "r.yaml: rule 't.x'", "pattern")
    message = str(caught.value)
    assert message.startswith("r.yaml: rule 't.x': key 'pattern': ") and "\n" not in message
    assert says in message and "RE2" in message


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a|a)*b", r"(\w+\s?)*!", r"(?:[\w.]+)*@"])
def test_shapes_that_backtrack_in_python_compile_and_run_in_linear_time(pattern):
    rx = compile_re2(pattern, "r.yaml", "pattern")
    assert rx.search(("a" * 50_000).encode()) is None or pattern == r"(a+)+$"


CLASSES = [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[\w.@-]", r"[^\s:=]", r"[^\d\s]", r"[\d.,]"]


@pytest.fixture(scope="module")
def every_character() -> str:
    """Every assigned code point of the Basic Multilingual Plane (surrogates aside) and
    every fifth one beyond it."""
    return "".join(chr(c) for c in list(range(0x10000)) + list(range(0x10000, 0x110000, 5))
                   if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn")


@pytest.mark.parametrize("pattern", CLASSES)
def test_unicode_classes_match_what_pythons_match(every_character, pattern):
    runs = f"(?:{pattern})+"  # runs of matching characters: far fewer match objects
    python = [m.span() for m in re.finditer(runs, every_character)]
    linear = [m.span() for m in compile_re2(runs, "r.yaml", "pattern").finditer(every_character)]
    # RE2 and Python read different Unicode versions: a handful of newer characters differ
    assert len(set(python) ^ set(linear)) <= 0.01 * len(python) + 20
    vietnamese = "aăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    sample = vietnamese + vietnamese.upper() + "0123456789٠١\u00a0\u3000 \t\n.,:;@_-"
    assert ([m.span() for m in re.finditer(runs, sample)]
            == [m.span() for m in compile_re2(runs, "r.yaml", "pattern").finditer(sample)])


# --- a rule file with its own patterns -----------------------------------------------------------

RULE = """rules:
  - id: t.x
    clause: "5.2"
    severity: error
    kind: pattern
    description: d
{body}
    message: {{vi: a, en: b}}
    examples: {{hit: [x], miss: [y]}}
"""


def _rulebook(tmp_path: Path, body: str):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(RULE.format(body=body), encoding="utf-8")
    return load_rulebook([folder])


def _spans(book, text: str) -> list[str]:
    return [text[f.start:f.end] for f in book.check_text(text) if f.rule == "t.x"]


def test_a_look_behind_in_a_rule_file_stops_the_cli_with_exit_3(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(RULE.format(body="    pattern: '(?<!\\d)\\d{4}'"), encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("mã 1234\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "postcheck", "--rules", str(folder), str(draft)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 3, proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "r.yaml" in line and "'t.x'" in line and "key 'pattern'" in line
    assert "not RE2 syntax" in line and "look-behind" in line and "not_after" in line


@pytest.mark.parametrize("body,needle", [
    ("    pattern: 'x'\n    boundary: letters", "key 'boundary'"),
    ("    pattern: 'x'\n    not_before: '(?=y)'", "key 'not_before'"),
    ("    pattern: 'x'\n    not_after: '(?<=y)'", "key 'not_after'"),
    ("    pattern: 'x'\n    guard_group: nothere", "key 'guard_group'"),
    ("    pattern: 'x'\n    phrase_stops: [và]", "key 'phrase_stops'"),
    ("    pattern: 'x'\n    repeat: '(?!y)z'", "key 'repeat'"),
])
def test_bad_guard_keys_are_one_line_errors(tmp_path, body, needle):
    with pytest.raises(RuleError) as caught:
        _rulebook(tmp_path, body)
    assert needle in str(caught.value) and "r.yaml" in str(caught.value)


def test_a_candidate_a_guard_refuses_does_not_hide_its_neighbour(tmp_path):
    # "12345" is refused (a digit before it); the search goes on from the next character,
    # not from the end of the refused candidate, and finds "2345 6" no more: "345" starts
    # after a digit too, but "6789" after a space is kept
    book = _rulebook(tmp_path, "    pattern: '(?P<match>\\d{4})'\n    not_after: '\\d'\n    not_before: '\\d'")
    assert _spans(book, "x 912345 6789 y") == ["6789"]
    assert _spans(book, "mã 1234, 5678") == ["1234", "5678"]
    assert _spans(book, "mã 123456") == []


def test_after_and_not_after_look_at_the_text_before_the_match(tmp_path):
    book = _rulebook(tmp_path, "    pattern: '(?P<match>\\d{3})'\n    after: 'mã '")
    assert _spans(book, "mã 123 và số 456, mã 789") == ["123", "789"]


def test_boundary_is_unicode_aware(tmp_path):
    # RE2's \b would find a boundary between "ấ" and "n": the key does not
    book = _rulebook(tmp_path, "    pattern: 'nam'\n    boundary: word")
    assert _spans(book, "Nấnam, nam, namđ") == ["nam"]


def test_a_consumed_look_ahead_lets_the_next_match_start_on_it(tmp_path):
    # the class after the group stands for a look-ahead: the next match may begin there
    book = _rulebook(tmp_path, "    pattern: '(?P<match>[a-z]+)(?:[^a-z]|\\z)'")
    assert _spans(book, "ab1cd") == ["ab", "cd"]


def test_the_first_reported_group_that_took_part_is_the_span(tmp_path):
    book = _rulebook(tmp_path, "    pattern: 'key (?:(?P<match>\\d+)!|(?P<match_2>[a-z]+)\\?)'")
    assert _spans(book, "key 12! key ab?") == ["12", "ab"]


def test_guard_group_checks_the_edges_of_a_keyword(tmp_path):
    body = "    pattern: '(?:(?P<keyword>pass)|mk):? ?(?P<match>[0-9]+)'\n    boundary: word\n    guard_group: keyword"
    book = _rulebook(tmp_path, body)
    assert _spans(book, "pass 123, passport 456, bypass 789, mk 1011") == ["123", "1011"]


def test_phrase_stops_end_a_phrase(tmp_path):
    body = ("    pattern: 'pw: (?P<match>(?P<phrase>[^ ,.]+(?: [^ ,.]+)*))'\n"
            "    phrase_stops: [nhé, và]")
    book = _rulebook(tmp_path, body)
    assert _spans(book, "pw: song hong 2025 nhé cả nhà") == ["song hong 2025"]
    assert _spans(book, "pw: song và hong") == ["song"]
    assert _spans(book, "pw: vàng bạc và nhé") == ["vàng bạc"]  # "vàng" is no stop word


def test_offsets_stay_right_after_multibyte_letters_and_surrogates():
    text = "Chị Hằng ở đây \ud800 gửi: CCCD 001189012345 nhé, số 0912 345 678."
    found = {f.rule: text[f.start:f.end] for f in RULEBOOK.check_text(text)}
    assert found.get("personal.id-number") == "001189012345"
    assert found.get("personal.phone") == "0912 345 678"


# --- the fast path ----------------------------------------------------------------------------

def _long_drafts(examples: list[str]) -> list[str]:
    drafts, current = [], []
    for text in examples:
        current.append(text)
        if len("\n\n".join(current)) > 3000:
            drafts.append("\n\n".join(current))
            current = []
    drafts.append("\n\n".join(current + ["Chúc cả nhà cuối tuần vui vẻ. " * 40]))
    return drafts


def test_fast_path_equals_exhaustive_on_long_drafts():
    examples = [e.text for r in RULEBOOK.rules for e in r.examples["hit"] + r.examples["miss"]]
    found = 0
    for text in _long_drafts(examples) + _long_drafts(examples[::-1]):
        fast = RULEBOOK.check_text(text)
        assert fast == exhaustive_findings(RULEBOOK, text)
        found += len(fast)
    assert found


def _case_variants(text: str) -> list[str]:
    return [text.upper(), text.swapcase(), text.replace("s", "ſ"), text.replace("i", "ı"), text.replace("I", "İ")]


@pytest.mark.parametrize("rule", [r for r in PATTERN_RULES if r.trigger and r.flags & re.I], ids=lambda r: r.id)
def test_a_trigger_never_hides_a_match_of_its_pattern(rule):
    for example in (e.text for e in rule.examples["hit"]):
        for text in [example] + _case_variants(example):
            doc = RULEBOOK.document(text)
            view = doc.clean.text if rule.view == "clean" else doc.view.text
            if rule.regex.search(view):
                assert rule._triggered(doc), text


@pytest.mark.parametrize("text,rule_id", [
    ("Token: ghſ_abcdefghijklmnopqrstuvwxyz0123456789 nhé.", "account.private-key"),
    ("Key AWS AKIAIOSFODNN7EXAMPLE đừng ai lấy nhé.", "account.private-key"),
    ("Home  address: 12 đường Trần Phú, Hà Đông.", "personal.home-address"),
])
def test_case_partners_and_spaces_reach_the_pattern(text, rule_id):
    fast = RULEBOOK.check_text(text)
    assert fast == exhaustive_findings(RULEBOOK, text)
    assert rule_id in {f.rule for f in fast}
