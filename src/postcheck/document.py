"""One draft under check: its views, sentences and (lazily) its words."""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from . import segment
from .normalize import clean, matching_view
from .terms import Match, Matcher
from .textmap import LineIndex, MappedText


class Document:
    def __init__(self, original: str, teencode: dict[str, str], matcher: Matcher):
        self.original = original
        self.clean: MappedText = clean(original)
        self.view: MappedText = matching_view(self.clean, teencode)
        self.matches: dict[str, list[Match]] = matcher.find(self.view.text)
        self._words: dict[int, tuple[set[int], set[int]]] = {}

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.original)

    # sentences, as spans of the matching view and of the original
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return segment.sentence_spans(self.view.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _sentence_original_starts(self) -> list[int]:
        return [self.view.original_span(s, e)[0] for s, e in self.sentences]

    def sentence_of(self, view_offset: int) -> int:
        return max(bisect_right(self._sentence_starts, view_offset) - 1, 0)

    def sentence_of_original(self, offset: int) -> int:
        return max(bisect_right(self._sentence_original_starts, offset) - 1, 0)

    def is_word(self, match: Match) -> bool:
        """Does the match start and end on underthesea word boundaries?"""
        index = self.sentence_of(match.start)
        bounds = self._words.get(index)
        if bounds is None:
            s, e = self.sentences[index] if self.sentences else (0, len(self.view.text))
            spans = segment.word_spans(self.view.text[s:e])
            bounds = ({s + a for a, _ in spans}, {s + b for _, b in spans})
            self._words[index] = bounds
        starts, ends = bounds
        return match.start in starts and match.end in ends

    def original_span(self, match_start: int, match_end: int) -> tuple[int, int]:
        return self.view.original_span(match_start, match_end)

    def words_between(self, a: int, b: int) -> int:
        """Number of whitespace-separated words between two view offsets."""
        lo, hi = min(a, b), max(a, b)
        return len(self.view.text[lo:hi].split())
