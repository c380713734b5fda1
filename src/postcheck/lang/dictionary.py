"""The compound words of underthesea's Viet74K list ("mật khẩu", "báo cáo viên"): whether a
run of syllables is one, may begin one, or is one spelt otherwise than a term."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .resources import read_viet74k
from .vi import fold, has_diacritics, tone_key


@dataclass(frozen=True)
class _Dictionary:
    """underthesea's bundled Viet74K word list, multi-syllable words only, lower case, read
    as a file so that underthesea is not imported; built once a process, on first need. A lookup asks
    two sets (the words, and the leading runs of the longer words) instead of one merged
    set: merging them costs more than all the lookups a draft makes."""

    words: frozenset[str]
    folded: frozenset[str]  # the words without diacritics
    # every leading run of two or more syllables of the words of three or more ("báo cáo"
    # of "báo cáo viên"), as written and folded: with the words, where a scan may go on
    prefixes: frozenset[str]
    folded_prefixes: frozenset[str]
    longest: int  # the most syllables a word has: how far a compound can reach


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    words, folded = _words_and_folded()
    long = [w for w in words if w.count(" ") >= 2]
    runs = _leading_runs(long)
    # a leading run of a folded word is the folded leading run: one translate for all
    folded_runs = frozenset(fold("\n".join(runs)).split("\n")) if runs else frozenset()
    return _Dictionary(frozenset(words), frozenset(folded), runs, folded_runs,
                       max((w.count(" ") + 1 for w in long), default=2 if words else 1))


@lru_cache(maxsize=1)
def _words_and_folded() -> tuple[list[str], list[str]]:
    words = list(_viet74k_compounds())
    # one translate for all words, not one a word: fold() keeps length and line breaks
    return words, (fold("\n".join(words)).split("\n") if words else [])


@lru_cache(maxsize=1)
def fold_index() -> dict[str, list[str]]:
    """Folded spelling → the words that fold to it (any order); made when first needed,
    for a term found in text typed without diacritics."""
    index: dict[str, list[str]] = {}
    for word, key in zip(*_words_and_folded()):
        index.setdefault(key, []).append(word)
    return index


def _viet74k_compounds() -> set[str]:
    return {w.strip() for w in read_viet74k().lower().splitlines() if " " in w.strip()}


def _leading_runs(words) -> frozenset[str]:
    out = set()
    for word in words:
        cut = word.find(" ", word.find(" ") + 1)  # the end of the first two syllables
        while cut != -1:
            out.add(word[:cut])
            cut = word.find(" ", cut + 1)
    return frozenset(out)


def dictionary_words() -> frozenset[str]:
    """The multi-syllable words, lower case, with their marks."""
    return _dictionary().words


def could_begin_dictionary_word(prefix: str) -> bool:
    d = _dictionary()
    if prefix in d.words or prefix in d.prefixes:
        return True
    # the cheap tests first
    return (prefix in d.folded or prefix in d.folded_prefixes) and not has_diacritics(prefix)


def longest_dictionary_word() -> int:
    return _dictionary().longest


def is_dictionary_word(token: str) -> bool:
    """A multi-syllable dictionary word, written with or (folded) without diacritics."""
    d = _dictionary()
    if token in d.words:
        return True
    return token in d.folded and not has_diacritics(token)


def respelled_in_dictionary(first: str, second: str, own: str, index: int) -> bool:
    """Do the two syllables, typed without diacritics, make a dictionary word whose
    syllable at `index` is not spelt `own` (the term's syllable there)? "ngu" + "dan":
    ngư dân, yes; "ngu" + "si": only ngu si, no; "mat" + "khau": mật khẩu, against mặt, yes."""
    pair = f"{first} {second}"
    if has_diacritics(pair):
        return pair in _dictionary().words and pair.split()[index] != own
    words = fold_index().get(pair, ()) if pair in _dictionary().folded else ()
    key = tone_key(own)
    return any(tone_key(w.split()[index]) != key for w in words)
