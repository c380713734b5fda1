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
