"""The year each sentence of a draft is set in, and whether it is history: a past event told
("phong trào tẩy chay năm 1919"), not news or a call for today. Its own module so that both
centrality (a post's topic) and tone (the `history` gate) read it without importing each other."""
from __future__ import annotations

import re

from .tone_doc import sentence_texts

SETTLED_YEARS = 20  # a sentence set this long before the text's latest year is history
_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d,.]\d)")


def settled(doc, index: int) -> bool:
    """Is sentence `index` history: set, by its own year or the last year named before it
    in its paragraph, SETTLED_YEARS or more before the latest year the text names?"""
    years, latest = doc.memo("narrative_years", lambda: _years_and_latest(doc))
    return years[index] is not None and years[index] <= latest - SETTLED_YEARS


# a short post that names only an old year ("phong trào năm 1908") has no later year to be
# measured against: it is measured against the Decision's year. The cut-off is
# SETTLED_YEARS before the later of the two, max(latest year, 2019) - 20: 1999 for a text
# that names no year after 2019, later for one that does (naming 2025 makes 2005 history)
REFERENCE_YEAR = 2019


def historical(doc, index: int) -> bool:
    """Is sentence `index` set SETTLED_YEARS or more before the later of the latest year the
    text names and REFERENCE_YEAR (a past event told as history, not news or a call for today)?"""
    years, latest = doc.memo("narrative_years", lambda: _years_and_latest(doc))
    return years[index] is not None and years[index] <= max(latest, REFERENCE_YEAR) - SETTLED_YEARS


def _years_and_latest(doc) -> tuple[list, int]:
    years = _narrative_years(doc)
    return years, max((y for y in years if y is not None), default=0)


def _narrative_years(doc) -> list:
    """Each sentence's year: the latest it names, or the one its paragraph last named."""
    out, current = [], None
    texts = sentence_texts(doc)
    for k, text in enumerate(texts):
        if k and "\n\n" in doc.original[doc.register.sentences[k - 1][1]:doc.register.sentences[k][0] + 1]:
            current = None  # a new paragraph: a new time
        named = [int(y) for y in _YEAR.findall(text)]
        if named:
            current = max(named)
        out.append(current)
    return out
