"""Vietnamese syllables: which letter strings are one, and how a run of letters written
without spaces ("tuyệtmật", "#báocáomật") splits into them.

The inventory is the syllables of underthesea's Viet74K word list that have the shape of
a Vietnamese syllable (one onset, one vowel nucleus, one coda): the list also holds loan
words ("hemoglobin") that would otherwise split every English word into "syllables".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from .normalize import fold, tone_key

# on the folded form: onset, a nucleus of one to three vowels, coda
_SHAPE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_LETTERS = re.compile(r"[^\W\d_]+")
MAX_LETTERS = 7  # "nghiêng", "nguyệt": no syllable is longer


class Inventory:
    def __init__(self, words: str):
        keys: set[str] = set()
        folded: set[str] = set()
        for token in set(_LETTERS.findall(words)):
            flat = fold(token)
            if len(token) <= MAX_LETTERS and flat.isascii() and _SHAPE.fullmatch(flat):
                keys.add(tone_key(token))
                folded.add(flat)
        self.keys = frozenset(keys)  # tone placement unified (hoà = hòa)
        self.folded = frozenset(folded)
        self.folded_prefixes = frozenset(f[:k] for f in folded for k in range(1, len(f) + 1))

    def is_syllable(self, letters: str) -> bool:
        """Written with diacritics: exactly a syllable; without: the fold of one."""
        if len(letters) > MAX_LETTERS:
            return False
        flat = fold(letters)
        if flat == letters:
            return flat in self.folded
        return tone_key(letters) in self.keys

    def could_begin_syllable(self, letters: str) -> bool:
        return fold(letters) in self.folded_prefixes

    def split(self, letters: str, breaks: frozenset[int] = frozenset()) -> list[int] | None:
        """Where to cut `letters` (lower case) so that every piece is a syllable: the cut
        offsets, fewest pieces first, then the most cuts where the writer put a separator
        (`breaks`); None when no such cutting exists. Linear: a piece is at most 7 letters."""
        n = len(letters)
        # best[i]: (pieces, -cuts at breaks) for letters[:i], and where its last piece starts
        best: list[tuple[int, int] | None] = [None] * (n + 1)
        back = [0] * (n + 1)
        best[0] = (0, 0)
        for j in range(1, n + 1):
            for i in range(max(0, j - MAX_LETTERS), j):
                if best[i] is None or not self.is_syllable(letters[i:j]):
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
        return cuts[::-1]


@lru_cache(maxsize=1)
def inventory() -> Inventory:
    """Built on first need (a draft with a joined or split word): most drafts never ask."""
    spec = find_spec("underthesea")
    text = ""
    if spec is not None and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            pass
    return Inventory(unicodedata.normalize("NFC", text.lower()))
