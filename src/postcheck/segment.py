"""Sentences and Vietnamese words, as character spans of the text they came from.

Sentences are split here, by punctuation and line breaks, so that a draft with no
candidate term never needs underthesea. Words come from underthesea's bundled
word_tokenize model (no download, no network), imported only when a sentence needs it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lang.vi import fold

_BREAK = re.compile(r"\n+|[!?…]+|\.+")
_CLOSERS = "\"'”’)]"
# a period after these abbreviations does not end a sentence ("No. B123", "TS. Lan")
_ABBREVIATION_WORDS = frozenset("no mr ms dr st tp ts ths pgs gs bs mrs".split())
_MAX_GAP = 40
_SURROGATE = re.compile("[\ud800-\udfff]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence: split after . ! ? … (and closing quotes or brackets)
    followed by white space, and at line breaks; not after abbreviations ("No.", "TS.")."""
    spans = []
    start = 0
    n = len(text)
    # a scan of the few punctuation marks, not a regular expression tried at every character
    for m in _BREAK.finditer(text):
        end = m.end()
        mark = text[m.start()]
        if mark != "\n":
            while end < n and text[end] in _CLOSERS:
                end += 1
            if end >= n or not text[end].isspace():
                continue
            if mark == ".":
                k = m.start()
                while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
                    k -= 1
                if text[k:m.start()].lower() in _ABBREVIATION_WORDS:
                    continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, n))
    return spans


@lru_cache(maxsize=1)
def _word_tokenize():
    from .lang.word_segmenter import load_word_tokenize  # only when a sentence needs words

    return load_word_tokenize()


def preload() -> None:
    """Import the segmenter now (before forking workers, so they share it)."""
    _word_tokenize()


@lru_cache(maxsize=4096)
def word_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of underthesea's words in `sentence` (a compound like "mật ong" is one word)."""
    # underthesea's tagger encodes to UTF-8, which has no lone surrogates (a str from
    # Python code may hold them): one U+FFFD each keeps every offset
    sentence = _SURROGATE.sub("\ufffd", sentence)
    tokens = _word_tokenize()(sentence)
    return align(sentence, tokens)


def align(text: str, tokens: list[str]) -> tuple[tuple[int, int], ...]:
    """Locate each token's syllables in `text`, comparing diacritic-folded lower case,
    because the tokenizer may respell tone marks or casing."""
    folded = fold(text.lower())
    spans = []
    cursor = 0
    for token in tokens:
        start = end = None
        for syllable in token.split():
            key = fold(syllable.lower())
            found = folded.find(key, cursor, cursor + len(key) + _MAX_GAP)
            if found == -1:
                # the tokenizer respelled or dropped this syllable: skip it, keep the rest
                continue
            if start is None:
                start = found
            end = found + len(key)
            cursor = end
        if start is not None:
            spans.append((start, end))
    return tuple(spans)

