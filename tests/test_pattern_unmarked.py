"""A pattern's accented literals also find their spelling in text typed without diacritics
(checks/folded_pattern.py): the span points into the original, accented text is read as
before, and a look-alike that folds to the same letters amid accented text is not the word."""
from __future__ import annotations

from pathlib import Path

import pytest

from postcheck import load_rulebook
from postcheck.checks.folded_pattern import fold_literals
from reference import exhaustive_findings

RULE = """rules:
  - id: t.x
    clause: "5.1"
    severity: warning
    kind: pattern
    description: d
    pattern: '{pattern}'
{extra}    message: {{vi: a, en: b}}
    examples: {{hit: [x], miss: [y]}}
"""


def _book(tmp_path: Path, pattern: str, extra: str = ""):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(RULE.format(pattern=pattern, extra=extra), encoding="utf-8")
    return load_rulebook([folder])


def _spans(book, text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, text[f.start:f.end]) for f in book.check_text(text) if f.rule == "t.x"]


PATTERN = r"hẹn gặp ở (?P<match>phòng \d{3})"


def test_an_unaccented_sentence_hits_with_its_span_in_the_original(tmp_path):
    book = _book(tmp_path, PATTERN)
    # invisible characters before the match: the clean view is shorter than the original
    text = "Chieu\u200b nay hen gap o phong 512 nhe, nho mang theo giay to"
    start = text.index("phong")
    assert _spans(book, text) == [(start, start + 9, "phong 512")]


def test_accented_text_behaves_as_before(tmp_path):
    book = _book(tmp_path, PATTERN)
    text = "Chiều nay hẹn gặp ở phòng 512 nhé, nhớ mang theo giấy tờ"
    start = text.index("phòng")
    assert _spans(book, text) == [(start, start + 9, "phòng 512")]
    # the same words typed bare amid accented text are a name or a slip, as for word lists
    assert _spans(book, "Chiều nay hen gap o phong 512 nhé, nhớ mang theo giấy tờ đầy đủ") == []


def test_a_look_alike_that_folds_to_the_same_letters_does_not_match(tmp_path):
    book = _book(tmp_path, PATTERN)
    assert _spans(book, "Chiều nay hẹn gặp ở phóng 512 nhé, nhớ mang theo giấy tờ") == []
    assert _spans(book, "Chieu nay hen gap o phóng 512 nhe, nho mang theo giay to") == []


def test_guards_are_folded_too(tmp_path):
    # not_before "nữa" must still hold where the writer typed "nua"
    book = _book(tmp_path, r"(?P<match>phòng \d{3})", "    not_before: ' nữa'\n")
    assert _spans(book, "Chieu nay gap o phong 512 nua nhe cac ban") == []
    assert [s for _, _, s in _spans(book, "Chieu nay gap o phong 512 nhe cac ban")] == ["phong 512"]


def test_the_fast_path_agrees_with_the_reference(tmp_path):
    book = _book(tmp_path, PATTERN)
    for text in ["Chieu nay hen gap o phong 512 nhe, nho mang theo giay to",
                 "Chiều nay hẹn gặp ở phòng 512 nhé, nhớ mang theo giấy tờ"]:
        assert book.check_text(text) == exhaustive_findings(book, text)


@pytest.mark.parametrize("pattern,folded", [
    ("sinh ngày", "sinh ngay"),
    (r"[Đđ]ơn", "(?:[Đđ]|[Dd])on"),  # a plain class gains the folded letters
    ("[^ă]x", "[^ă]x"),  # a negated class is left as written: [^a] would mean something else
    ("[a-ză]", "(?:[a-ză]|[a])"),  # a range's ends are not folded, single letters are
    ("[À-ỹ]", "[À-ỹ]"),
    (r"\p{L}ố[[:alpha:]é]", r"\p{L}o(?:[[:alpha:]é]|[e])"),
    ("(?P<match>Mật) khẩu", "(?P<match>Mat) khau"),
])
def test_fold_literals(pattern, folded):
    assert fold_literals(pattern) == folded
