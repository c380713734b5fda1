"""Vietnamese syllables: which letter strings are one, and how a run of letters written
without spaces ("tuyệtmật", "#báocáomật") splits into them.

The inventory is the syllables of underthesea's Viet74K word list that have the shape of
a Vietnamese syllable (one onset, one vowel nucleus, one coda): the list also holds loan
words ("hemoglobin") that would otherwise split every English word into "syllables".
"""
from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache

from .resources import read_viet74k
from .vi import fold, tone_key

# on the folded form: onset, a nucleus of one to three vowels, coda
_SHAPE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
MAX_LETTERS = 7  # "nghiêng", "nguyệt": no syllable is longer
_MOVABLE = re.compile("oa|oe|uy")


class Inventory:
    def __init__(self, words: str):
        # words are split at spaces and hyphens (a-xít): str.split is ten times faster than
        # a regular expression over the 1 MB list
        tokens = [t for t in set(words.replace("-", " ").split()) if len(t) <= MAX_LETTERS and t.isalpha()]
        # one fold for all tokens (it keeps line breaks): a call a token costs ten times more,
        # on every run that meets a joined word, and the rule book's own terms are such runs
        flats = fold("\n".join(tokens)).split("\n") if tokens else []
        shaped = [(t, f) for t, f in zip(tokens, flats) if f.isascii() and _SHAPE.fullmatch(f)]
        self.words = frozenset(t for t, _ in shaped)
        self.bare = frozenset(t for t, f in shaped if t == f)  # written without marks: cho, bao
        self.folded = frozenset(f for _, f in shaped)
        self.folded_prefixes = frozenset(f[:k] for f in self.folded for k in range(1, len(f) + 1))
        # where the tone mark sits varies only over oa, oe, uy (hoà = hòa): those words are
        # also kept by tone_key, which is slow, so for them alone
        self._movable = [t for t, f in shaped if t != f and _MOVABLE.search(f)]

    @cached_property
    def _movable_keys(self) -> frozenset[str]:
        return frozenset(tone_key.__wrapped__("\n".join(self._movable)).split("\n"))

    def is_syllable(self, letters: str, flat: str | None = None) -> bool:
        """Written with diacritics: exactly a syllable; without: the fold of one.
        `flat`: fold(letters), when the caller has it."""
        if len(letters) > MAX_LETTERS:
            return False
        flat = fold(letters) if flat is None else flat
        if flat == letters:
            return flat in self.folded
        if letters in self.words:
            return True
        return flat in self.folded and _MOVABLE.search(flat) is not None and tone_key(letters) in self._movable_keys

    def could_begin_syllable(self, letters: str) -> bool:
        return fold(letters) in self.folded_prefixes

    def split(self, letters: str, breaks: frozenset[int] = frozenset()) -> list[int] | None:
        """Where to cut `letters` (lower case) so that every piece is a syllable: the cut
        offsets, fewest pieces first, then the most cuts where the writer put a separator
        (`breaks`); None when no such cutting exists. Linear: a piece is at most 7 letters.
        A draft that repeats a joined word is cut once for all (a list, so a copy)."""
        cuts = self._split(letters, breaks)
        return None if cuts is None else list(cuts)

    @lru_cache(maxsize=4096)
    def _split(self, letters: str, breaks: frozenset[int]) -> tuple[int, ...] | None:
        n = len(letters)
        flat = fold(letters)
        prefixes = self.folded_prefixes
        # best[i]: (pieces, -cuts at breaks) for letters[:i], and where its last piece starts
        best: list[tuple[int, int] | None] = [None] * (n + 1)
        back = [0] * (n + 1)
        best[0] = (0, 0)
        for j in range(1, n + 1):
            for i in range(max(0, j - MAX_LETTERS), j):
                if best[i] is None or flat[i:j] not in prefixes or not self.is_syllable(letters[i:j], flat[i:j]):
                    continue
                score = (best[i][0] + 1, best[i][1] - (1 if i in breaks else 0))
                if best[j] is None or score < best[j]:
                    best[j], back[j] = score, i
        if best[n] is None:
            return None
        cuts = []
        j = n
        while j > 0:
            j = back[j]
            if j:
                cuts.append(j)
        return tuple(cuts[::-1])


@lru_cache(maxsize=1)
def inventory() -> Inventory:
    """Built on first need (a draft with a joined or split word): most drafts never ask."""
    return Inventory(unicodedata.normalize("NFC", read_viet74k().lower()))
