"""How far a co-occurrence reaches, parsed once (`Scope`) and evaluated here for every kind:
the terms of an `unless`, `requires` or `downgrade`, a pattern's `context`, and the two
sides of a `near` rule.

    scope: sentence          # the default: the same sentence
    scope: {sentences: 1}    # the sentence and up to N (0..3) sentences either side
    scope: {words: 4}        # within N words, in the same sentence (`4` alone says the same)
    scope: {before: 3}       # ending at most N words before the finding, in the same sentence
                             # (a condition's frame that reads one way: "bảo vệ bí mật nhà nước")
    scope: {after: 0}        # starting at most N words after the finding ends, in the same
                             # sentence (what qualifies it: "Đại sứ quán Mỹ" is not one's own)
    scope: {next: 1}         # the same sentence and up to N (1..3) sentences after it, none
                             # before (a remark condemned once it is said: "Phát ngôn như vậy …")
    scope: post              # anywhere in the draft, asked for explicitly (tests/test_scope.py)
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any, Sequence

from ..document import Document
from ..safe_yaml import short
from .sdk import RuleError

UNITS = ("sentence", "post", "sentences", "words", "before", "after", "next")
# a near rule pairs two sides with no order between them: `before`, `after` and `next` are for conditions only
PAIR_UNITS = ("sentence", "post", "sentences", "words")
MAX_SENTENCES = 3  # a wider window is nearly the whole of a short post: say `post` then
_TOKEN = re.compile(r"\S+")  # the words counted by `words: N`


@dataclass(frozen=True)
class Scope:
    unit: str  # one of UNITS
    n: int = 0  # sentences either side, or words between

    @classmethod
    def parse(cls, value: Any, where: str, key: str, units: Sequence[str] = UNITS) -> "Scope":
        forms = [f for u, f in (("sentence", "'sentence'"), ("post", "'post'"), ("sentences", "{sentences: 0..3}"),
                                ("words", "{words: N}"), ("before", "{before: N}"),
                                ("after", "{after: N}"), ("next", "{next: 1..3}")) if u in units]
        expected = f"{where}: key '{key}': expected {', '.join(forms[:-1])} or {forms[-1]}, got {short(value)}"
        if isinstance(value, str) and value in ("sentence", "post") and value in units:
            return cls(value)
        if isinstance(value, int) and not isinstance(value, bool) and "words" in units:
            value = {"words": value}  # `within: 4`, the short form
        if isinstance(value, dict) and len(value) == 1:
            [(unit, n)] = value.items()
            if unit in ("sentences", "words", "before", "after", "next") and unit in units and isinstance(n, int) \
                    and not isinstance(n, bool):
                if 0 <= n and (unit not in ("sentences", "next") or n <= MAX_SENTENCES):
                    return cls(unit, n)
        raise RuleError(expected)

    @property
    def post(self) -> bool:
        return self.unit == "post"

    def __str__(self) -> str:
        return self.unit if self.unit in ("sentence", "post") else f"{{{self.unit}: {self.n}}}"


SENTENCE = Scope("sentence")


def terms_present(doc: Document, name: str, scope: Scope, start: int, end: int) -> bool:
    """Is a strong match of term set `name`, a word of its own, within `scope` of the
    original span [start, end)? Strong matches come grouped by sentence, once a document:
    a scan of all of them for every hit is quadratic in a long draft."""
    if scope.unit == "post":
        return doc.has_word_match(name)
    sentence = doc.sentence_of_original(start)
    grouped = doc.strong_by_sentence(name)
    here = grouped.get(sentence)
    if scope.unit in ("words", "before", "after"):
        return _words_present(doc, name, here or (), sentence, start, end, scope.n, scope.unit == "before",
                              scope.unit == "after")
    if here and any(doc.is_word(m) and not doc.waived(m) for m in here):
        return True
    if not scope.n:
        return False
    near = range(sentence if scope.unit == "next" else sentence - scope.n, sentence + scope.n + 1)
    return any(doc.is_word(m) and not doc.waived(m) for k in near if k != sentence for m in grouped.get(k, ()))


def _words_present(doc: Document, name: str, matches, sentence: int, start: int, end: int, words: int,
                   before: bool = False, after: bool = False) -> bool:
    # the sentence's matches with their original spans, sorted once, and only those near the
    # hit looked at: a scan of all of them for every hit is cubic with the word counts
    group = doc.memo(("scope.original_spans", name, sentence), lambda: sorted(
        ((*doc.original_span(m.start, m.end), m) for m in matches), key=lambda x: (x[0], x[1])))
    if not group:
        return False
    starts = doc.memo("scope.original_token_starts",
                      lambda: array("q", (m.start() for m in _TOKEN.finditer(doc.original))))
    keys = doc.memo(("scope.original_span_starts", name, sentence), lambda: [ms for ms, _, _ in group])
    longest = max(me - ms for ms, me, _ in group)
    lo, hi = word_window(starts, keys, longest, start, end, words, len(doc.original))
    for ms, me, m in group[lo:hi]:
        if before and ms >= start:
            continue  # only a frame that opens before the finding (it may run into it)
        if after and ms < end:
            continue  # only what follows the finding
        gap = doc.original[min(me, end):max(ms, start)]
        if len(gap.split()) <= words and doc.is_word(m) and not doc.waived(m):
            return True
    return False


def word_window(token_starts: Sequence[int], keys: Sequence[int], longest: int, start: int, end: int,
                words: int, limit: int) -> tuple[int, int]:
    """The slice [lo, hi) of items sorted by start (`keys`, none longer than `longest`) that
    can lie within `words` words of [start, end), given where words start (a superset:
    the caller counts the words of each)."""
    j = bisect_left(token_starts, start) - words - 1
    k = bisect_right(token_starts, end) + words
    lo = token_starts[j] - longest if j >= 0 else -1
    hi = token_starts[k] if k < len(token_starts) else limit
    return bisect_left(keys, lo), bisect_right(keys, hi)


def sentence_token_starts(doc: Document, index: int) -> list[int]:
    """Where the words of a sentence of the matching view start, once a sentence: the
    whole draft's words would cost more than all lookups."""
    def starts() -> list[int]:
        text = doc.view.text
        s, e = doc.sentences[index] if doc.sentences else (0, len(text))
        return [m.start() for m in _TOKEN.finditer(text, s, e)]

    return doc.memo(("scope.sentence_token_starts", index), starts)


def pair_close(doc: Document, scope: Scope, a, b) -> bool:
    """Are two matches (view spans) within `scope` of each other?"""
    if scope.unit == "post":
        return True
    apart = abs(doc.sentence_of(a.start) - doc.sentence_of(b.start))
    if scope.unit == "sentences":
        return apart <= scope.n
    if apart:
        return False
    return scope.unit == "sentence" or doc.words_between(min(a.end, b.end), max(a.start, b.start)) <= scope.n
