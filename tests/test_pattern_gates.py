"""Pattern rules on the fast path (checks/pattern.py's module docstring): the gates, the
triggers and the patterns rewritten for speed find exactly what the slow path finds."""
from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from postcheck import load_rulebook
from postcheck.checks.pattern import GATE_MIN_CHARS, PatternRule
from postcheck.checks.regex_engines import compile_gate, compile_re2

RULEBOOK = load_rulebook()
PATTERN_RULES = [r for r in RULEBOOK.rules if isinstance(r, PatternRule)]
ON_PYTHON = [r for r in PATTERN_RULES if r.engine == "re"]
FAST = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))

# The patterns as they were before they were rewritten to let Python's engine skip ahead
# (a look-behind first is tried at every character): the rewrites must find the same spans.
BEFORE_REWRITE = {
    "account.credentials": r"(?:(?<=[\w.@-]{3})|(?<=[\w.@-]{3}\s))\s?/\s*(?P<match>[^\s/,;]{6,64})",
    "account.private-key": (
        r"(?P<match>-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----(?:(?:[^-]|-(?!----))*"
        r"-----END (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:\s+[A-Za-z0-9+/=]{8,}[.…]*)*)"
        r"|\bgh[pousr]_[A-Za-z0-9]{36}\b|\bAKIA[0-9A-Z]{16}\b"
        r"|\bxox[abprs]-[A-Za-z0-9-]{10,}|\bsk-[A-Za-z0-9_-]{20,}|\bAIza[0-9A-Za-z_-]{35}\b"
        r"|(?<=private key)\s*:?\s*(?:0x)?[0-9a-fA-F]{64}\b)"),
    "personal.id-number": r"(?<![\d.,])(?P<match>\d(?:[ .-]?\d){11})(?!\d|[.,]\d|[ .-]\d\d)",
    "personal.old-id-number": r"(?<![\d.,])(?P<match>\d(?:[ .-]?\d){8})(?!\d|[.,]\d|[ .-]\d\d)",
    "personal.passport": r"(?<![A-Za-z0-9])(?P<match>[A-Z]{1,2} ?\d(?:[ .-]?\d){6})(?![A-Za-z0-9]|[ .-]\d)",
    # a number inside an amount (1.098.000.000) is no phone (issue 13)
    "personal.phone": r"(?<![\d+])(?<!\d[.,])(?P<match>(?:\+\s?84|\(\+84\)|0084|0)(?:[\s.-]?\d){9})(?![\d])(?![.,]\d)",
    "personal.home-address": (
        r"(?:\b(?:nhà|nha)\b[^.\n]{0,30}?\b(?:ở|tại|o)\b|địa\s*chỉ\s*nhà|dia\s*chi\s*nha|nhà\s*riêng|nha\s*rieng"
        r"|home\s*address|nơi\s*ở)[^.\n]{0,40}?(?P<match>(?:số\s*|so\s*)?\d+[A-Za-z]?(?:/\d+)*\s*,?\s*"
        r"(?:ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet|đường|duong|phố|pho|thôn|thon|ấp|ap|tổ|to|xóm|xom)\b"
        r"[^,.\n]{0,40})"),
}

# pieces the patterns are made of, and their neighbours
PIECES = [
    "0", "1", "2", "7", "9", "00", "001", "0912", "84", "0084", "+84", "(+84)", "+", "(", ")", ".", ",", " ", "  ",
    "\n", "/", " / ", "  /", "-", "_", ":", "@", "admin", "user.01", "Quanly@2024", "P4ss!", "abc", "XY", "C",
    "ghp_", "GHS_", "ghſ_", "AKIA", "akıa", "xoxb-", "sk-", "AIza", "-----BEGIN ", "RSA ", "PRIVATE KEY-----",
    "private key", "Private Key: ", "seed phrase", "recovery phrase", "apple ", "river ", "0x", "4f3c2a1b",
    "abcdefghijklmnopqrstuvwxyz0123456789", "0123456789ABCDEF", "nhà", "NHÀ", "nha", "ở", "tại", " o ", "số ",
    "ngõ ", "phố", "đường", "home address", "Home  address", "nơi ở", "địa chỉ nhà", "riêng", "Trần Phú",
    "đ", "İ", "ı", "ſ", "\u00a0", "\u0660", "\uff11", "\U00011f50", "\U00011f04", "😀",
]
ALPHABET = "0123456789 .,+()/-_:@\nAaBCGgHhKkSsXxYyEeZzđĐàởơ" + "İıſ\u0660\U00011f50\U00011f04"

draft = st.one_of(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(st.sampled_from(ALPHABET), max_size=3)),
             max_size=40).map("".join),
    st.text(st.sampled_from(ALPHABET), max_size=80),
    st.text(max_size=60),  # any code point but surrogates, unassigned ones (Unicode 15 in RE2) included
)


def _spans(regex, text: str) -> list[tuple[int, int]]:
    return [m.span("match") for m in regex.finditer(text)]


@pytest.mark.parametrize("rule_id", sorted(BEFORE_REWRITE))
@FAST
@given(text=draft)
def test_rewritten_patterns_find_what_the_originals_found(rule_id, text):
    rule = RULEBOOK.by_id[rule_id]
    assert rule.engine == "re"
    before = re.compile(BEFORE_REWRITE[rule_id], rule.flags)
    assert _spans(rule.regex, text) == _spans(before, text)


# every sequence of up to a few of these pieces: the boundaries each rewrite moved
BOUNDARY_PIECES = {
    "account.credentials": (["abc", "a", " ", "\n", "/", "Pass@1", "x", ","], 6),
    "account.private-key": (["private key", "-----BEGIN ", "RSA ", "PRIVATE KEY-----", "-----END ", " MIIEowIBAAK",
                             "gHs_", "a" * 36, ": ", " ", "0x", "f" * 64, "x", "sk-", "b" * 20, "-"], 4),
    "personal.id-number": (["001", "189", "012345", "0", "12", " ", ".", ",", "-", "a"], 5),
    "personal.old-id-number": (["025", "847", "163", "0", " ", ".", ",", "-", "a"], 5),
    "personal.passport": (["A", "B", "a", "1234567", "1", " ", "("], 5),
    "personal.phone": (["+", "(", ")", "84", "0", "0084", "(+84)", "912", "345678", "912345678", " ", ".", "-", "1"],
                       4),
    "personal.home-address": (["nhà", "Nha", " ", "ở", "số ", "12", "ngõ", "Home  address", "nơi ở", "dia chi nha",
                               "Địa chỉ nhà", "x", ".", ","], 4),
}


@pytest.mark.parametrize("rule_id", sorted(BEFORE_REWRITE))
def test_rewritten_patterns_find_what_the_originals_found_around_their_boundaries(rule_id):
    rule = RULEBOOK.by_id[rule_id]
    before = re.compile(BEFORE_REWRITE[rule_id], rule.flags)
    pieces, most = BOUNDARY_PIECES[rule_id]
    for n in range(most + 1):
        for seq in itertools.product(pieces, repeat=n):
            text = "".join(seq)
            assert _spans(rule.regex, text) == _spans(before, text), text


def test_rewritten_patterns_find_what_the_originals_found_on_the_examples():
    for rule_id, pattern in BEFORE_REWRITE.items():
        before = re.compile(pattern, RULEBOOK.by_id[rule_id].flags)
        for rule in RULEBOOK.rules:
            for text in [e.text for e in rule.examples["hit"] + rule.examples["miss"]]:
                doc = RULEBOOK.document(text)
                view = doc.clean.text if RULEBOOK.by_id[rule_id].view == "clean" else doc.view.text
                assert _spans(RULEBOOK.by_id[rule_id].regex, view) == _spans(before, view), (rule_id, text)


# --- gates -----------------------------------------------------------------------------------

def test_every_shipped_pattern_has_a_gate():
    assert ON_PYTHON
    for rule in PATTERN_RULES:
        assert rule.gate() is not None, rule.id


@pytest.mark.parametrize("rule_id", [r.id for r in ON_PYTHON])
@FAST
@given(text=draft)
def test_gate_matches_wherever_the_pattern_matches(rule_id, text):
    rule = RULEBOOK.by_id[rule_id]
    if rule.regex.search(text):
        assert rule.gate().search(text) is not None


# Python 3.11 reads Unicode 14, RE2 a later version: U+11F50 (a Kawi digit) and U+11F04 (a Kawi
# letter) are unassigned for Python, a digit and a letter for RE2. An exact translation of \D or
# \W would miss them; a gate must not.
SKEWED = ["\U00011f50", "\U00011f04", "\u0660", "7", "x", " ", "_", "ß"]


@pytest.mark.parametrize("pattern,flags", [
    (r"\D\d", 0), (r"\W\w", 0), (r"[^\d\s]x", 0), (r"(?<![\d.,])\d", 0), (r"[^\W\d]+", 0), (r"\S", re.I),
    (r"x[^\w.]", re.I), (r"[\D]y", 0), (r"[^\D]", 0), (r"(?a)[^\w]x", 0), (r"(?>x\w+)\b", 0), (r"x\w++", 0),
])
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(st.sampled_from(SKEWED + ["y"]), max_size=6))
def test_gate_is_a_superset_whatever_unicode_version_each_engine_reads(pattern, flags, text):
    if re.search(pattern, text, flags):
        assert compile_gate(pattern, flags).search(text) is not None


def test_an_exact_translation_would_miss_what_the_gate_catches():
    text = "\U00011f50" + "7"  # not a digit for Python: \D\d matches
    assert re.search(r"\D\d", text)
    assert compile_re2(r"\D\d").search(text) is None  # RE2 reads the Kawi digit as \d
    assert compile_gate(r"\D\d").search(text) is not None


@pytest.mark.parametrize("pattern,flags", [
    (r"\w", 0), (r"\W", 0), (r"\d", 0), (r"\D", 0), (r"\s", 0), (r"\S", 0), (r"[^\d\s]", 0), (r"[\w.@-]", 0),
    (r"[^\w.]", re.I), (r"[^\s/,;]", 0), (r"[a-zà-ỹ\d]", re.I), (r"[^a-f\d]", re.I), (r"[^\W\d_]", 0),
])
def test_gate_classes_hold_every_character_python_matches(pattern, flags):
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    matched = "".join(re.findall(pattern, every, flags))
    assert compile_gate(f"(?:{pattern})+", flags).fullmatch(matched) is not None


def _long_drafts(texts: list[str]) -> list[str]:
    drafts, current = [], []
    for text in texts:
        current.append(text)
        if sum(map(len, current)) >= 2 * GATE_MIN_CHARS:
            drafts.append("\n\n".join(current))
            current = []
    drafts.append("\n\n".join(current + ["Chúc cả nhà cuối tuần vui vẻ. " * (GATE_MIN_CHARS // 30 + 1)]))
    return drafts


def test_fast_path_with_gates_equals_exhaustive_on_long_drafts():
    examples = [e.text for r in RULEBOOK.rules for e in r.examples["hit"] + r.examples["miss"]]
    drafts = _long_drafts(examples) + _long_drafts(examples[::-1])
    assert all(len(d) >= GATE_MIN_CHARS for d in drafts)
    found = 0
    for text in drafts:
        fast = RULEBOOK.check_text(text)
        assert fast == RULEBOOK.check_text(text, exhaustive=True)
        found += len(fast)
    assert found


def test_gate_and_context_let_a_long_draft_without_candidates_through_untouched():
    text = "Chúc cả nhà cuối tuần vui vẻ, nghe nói trời đẹp. " * 100
    assert len(text) >= GATE_MIN_CHARS
    assert RULEBOOK.check_text(text) == RULEBOOK.check_text(text, exhaustive=True) == []


# --- triggers ---------------------------------------------------------------------------------

def _case_variants(text: str) -> list[str]:
    """The text as Python's case-insensitive matching still reads it."""
    return [text.upper(), text.swapcase(), text.replace("s", "ſ"), text.replace("i", "ı"), text.replace("I", "İ"),
            text.upper().replace("I", "İ")]


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
    ("Key AWS AKİAIOSFODNN7EXAMPLE đừng ai lấy nhé.", "account.private-key"),
    ("Key AWS akıaIOSFODNN7EXAMPLE đừng ai lấy nhé.", "account.private-key"),
    ("Home  address: 12 đường Trần Phú, Hà Đông.", "personal.home-address"),
])
def test_case_partners_and_spaces_reach_the_pattern(text, rule_id):
    assert unicodedata.is_normalized("NFC", text)
    fast = RULEBOOK.check_text(text)
    assert fast == RULEBOOK.check_text(text, exhaustive=True)
    assert rule_id in {f.rule for f in fast}
