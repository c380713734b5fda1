"""Which reading of a spelling typed without diacritics staff usually mean.

Typed bare, "tham tan" is tham tán (a counsellor) or tham tàn (cruel), "dai su" đại sứ,
đại sự or đại sư. A dictionary alone says only that several readings exist, so a rare
word blocked the everyday one. data/fold_frequencies.tsv (scripts/build_fold_frequencies.py)
counts how often each reading is written in accented drafts; a reading is the usual one
when it outnumbers all others of the same letters many times over.
"""
from __future__ import annotations

from functools import lru_cache

from .resources import read_fold_frequencies
from .vi import fold, tone_key

# a reading must be seen this many times for each sighting of any other reading, plus one
# (so a reading never seen against nothing else needs RATIO sightings of its own): the
# drafts are a few thousand posts, too few to trust a closer call
RATIO = 8


@lru_cache(maxsize=1)
def _by_fold() -> dict[str, dict[str, int]]:
    """Folded spelling → {tone key of a reading: how often it is written}."""
    table: dict[str, dict[str, int]] = {}
    for line in read_fold_frequencies().splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, n = line.partition("\t")
        readings = table.setdefault(fold(word), {})
        key = tone_key(word)
        readings[key] = readings.get(key, 0) + int(n)
    return table


def usual_reading(text: str, folded: str | None = None) -> bool:
    """Is `text` (a word with its marks) what its unmarked spelling nearly always means?"""
    readings = _by_fold().get(fold(text) if folded is None else folded)
    if not readings:
        return False
    own = readings.get(tone_key(text), 0)
    return own >= RATIO * (sum(readings.values()) - own + 1)


def rare_reading(text: str, folded: str | None = None) -> bool:
    """Do staff nearly always mean something else by `text`'s unmarked letters ("sau mot"
    is sau một, not sâu mọt), even where the dictionary knows no other word of them?"""
    readings = _by_fold().get(fold(text) if folded is None else folded)
    if not readings:
        return False
    own = readings.get(tone_key(text), 0)
    return sum(readings.values()) - own >= RATIO * (own + 1)


# sightings of a dictionary word's reading that make it one staff write often
COMMON = 5


@lru_cache(maxsize=4096)
def common_readings(folded: str) -> tuple[str, ...]:
    """The tone keys of the dictionary words that the unmarked letters `folded` (two or more
    syllables) are seen written as at least COMMON times in the drafts ("lam viec": làm việc;
    none for "tien ve", whose only sightings are "tiền về", no word)."""
    from .dictionary import fold_index

    readings = _by_fold().get(folded)
    if not readings:
        return ()
    words = {tone_key(w) for w in fold_index().get(folded, ())}
    return tuple(key for key, n in readings.items() if n >= COMMON and key in words)


def written_often(folded: str) -> bool:
    """Is a reading of the unmarked letters `folded` a dictionary word staff write often?"""
    return bool(common_readings(folded))


# sightings that make a reading of two bare syllables one staff write (any phrase, not only a
# dictionary word: "mát lạnh", "mật của"); below it, a single sighting proves nothing
SEEN = 2


def seen_respelled(folded: str, at: int, key: str) -> bool:
    """Do staff write the bare pair `folded` (a neighbour and a syllable of a term) only with
    syllable `at` spelt otherwise than the tone key `key`, and at least SEEN times ("mat
    lanh": mát lạnh, never mật)? Then the neighbour takes that syllable from the term."""
    from .dictionary import fold_index

    readings = _by_fold().get(folded)
    if not readings or sum(readings.values()) < SEEN:
        return False
    if any(reading.split(" ")[at] == key for reading in readings):
        return False
    # the phrase seen must spell the syllable as a dictionary word of those letters does
    # ("mát lạnh" beside the dictionary's "mát lành"): then it is a word staff write, not two
    # words side by side ("đó bạn" beside "dơ bẩn", which leaves "bán visa" alone)
    spelt = {tone_key(w).split(" ")[at] for w in fold_index().get(folded, ())}
    return sum(n for reading, n in readings.items() if reading.split(" ")[at] in spelt) >= SEEN


def unusual_syllable(text: str) -> bool:
    """Is some syllable of the accented term `text` (two or more syllables) one the drafts
    never write for its bare letters, though they write those letters often otherwise ("sủa"
    for "sua": sữa, sửa; "phò" for "pho": phố, phở; "câm" for "cam"), while the term itself
    was never seen written? Typed bare, such a term is most likely other words ("bot sua":
    bột sữa; "con pho": con phố). A syllable written even rarely ("ngu" beside "ngủ") is a
    reading staff do type, and proves nothing."""
    key = tone_key(text)
    by_fold = _by_fold()
    whole = by_fold.get(fold(text))
    if whole and whole.get(key, 0):
        return False
    for syllable in text.split(" "):
        readings = by_fold.get(fold(syllable))
        if readings and not readings.get(tone_key(syllable), 0) and sum(readings.values()) >= RATIO:
            return True
    return False
