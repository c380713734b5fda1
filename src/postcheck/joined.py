"""Words hidden by what sits between or around their syllables, undone in the matching view:

* markup or quotes around one word: `**tuyệt** mật`, `“tuyệt” mật`, `(tuyệt) mật`;
* letters or syllables joined by punctuation or symbols: `báo-cáo-mật`, `báo.cáo.mật`,
  `tuyệt_mật`, `tuyệt🔥mật`, `t/u/y/ệ/t`, `l🙂ồ🙂n`;
* syllables written without spaces: `tuyệtmật`, `#báocáomật`.

Each pass gives edits (start, end, new) of the lower-cased view. A joined or split form is
rewritten only when its letters cut into Vietnamese syllables (lang/syllables.py), the cut
decided by the letters, not by where the separators were: so `t/u/y/ệ/t` is one word,
`báo-cáo-mật` three, and `e-mail`, `Nga-Ukraine`, `tp.hcm` or `facebook` are left alone.
"""
from __future__ import annotations

import re

from .lang.vi import fold

_L = r"[^\W\d_]"
_OPEN_CLOSE = {"**": "**", "__": "__", "*": "*", "_": "_", "~~": "~~", "“": "”", '"': '"', "'": "'",
               "‘": "’", "(": ")", "[": "]", "«": "»", "`": "`"}
_WRAP_MARK = r"\*\*|__|~~|[*_“”\"'‘’()\[\]«»`]"
# one word between an opening and a closing mark, at a word edge on both sides
# (the word edge before it is checked apart: a pattern that begins with a look-behind is
# tried at every character, one that begins with a mark only where a mark is)
_WRAPPED = re.compile(rf"({_WRAP_MARK})({_L}+)({_WRAP_MARK})(?!{_L})")

# what may join letters: ASCII punctuation used to split words, and symbols and emoji
_JOINER = r"[.*·•\-_/,|~+\u2190-\u2bff\U0001f000-\U0001faff]"
# letter runs joined by joiners, not inside an address, a path, a number or a password
# (Xuan.Ha#77: the secret rules read this view too)
_COMPOUND = re.compile(rf"(?<![\w@/:.\-#$%&]){_L}+(?:{_JOINER}+{_L}+)+(?![\w@#$%&]|{_JOINER}[\w@#$%&])")
_JOINER_RUN = re.compile(rf"{_JOINER}+")
_JOINER_CHAR = re.compile(_JOINER)
# from the start of a run only, read possessively: tried from every character of a long
# run with no letter after it, the scan is quadratic (30,000 dots took 20 s)
_JOINER_BEFORE_LETTER = re.compile(rf"(?<!{_JOINER}){_JOINER}++(?={_L})")
_STRETCH = re.compile(rf"(?:{_L}|{_JOINER})+")
# in the folded view, a vowel, consonants and a vowel: never inside one Vietnamese syllable
# (its vowels are together), so only a token holding two syllables or more has it
_TWO_NUCLEI = re.compile(r"[aeiouy][bcdfghklmnpqrstvxz]+[aeiouy]")
_TOKEN_EDGE = re.compile(rf"{_L}+")
# letters of a phrase hidden in one token: a term is at most a few syllables; a longer run
# is no phrase, and not cut (which would cost a lookup per letter and length)
_LONGEST = 48


def wrapped_edits(text: str) -> list[tuple[int, int, str]]:
    """The marks around one word dropped, when they are a matching pair."""
    edits = []
    for m in _WRAPPED.finditer(text):
        if m.start() and not text[m.start() - 1].isspace():
            continue
        if _OPEN_CLOSE.get(m.group(1)) == m.group(3):
            edits.append((m.start(1), m.end(1), ""))
            edits.append((m.start(3), m.end(3), ""))
    return edits


def compound_edits(text: str) -> list[tuple[int, int, str]]:
    """Joiners between letters dropped inside a syllable and made a space between two."""
    from .lang.syllables import inventory

    inv = None
    edits: list[tuple[int, int, str]] = []
    for m in _compounds(text):
        start = m.start()
        letters = []
        breaks = {}  # offset in the letters -> the joiner run there
        length = 0
        pos = start
        for j in _JOINER_RUN.finditer(text, start, m.end()):
            letters.append(text[pos:j.start()])
            length += j.start() - pos
            if length > _LONGEST:
                break
            breaks[length] = j.span()
            pos = j.end()
        letters.append(text[pos:m.end()])
        word = "".join(letters)
        if length > _LONGEST or len(word) > _LONGEST:
            continue
        inv = inv or inventory()
        cuts = inv.split(word, frozenset(breaks))
        if cuts is None:
            continue
        edits.extend(_cut_edits(text, start, word, cuts, breaks))
    return edits


def _compounds(text: str):
    """_COMPOUND's matches, tried only where a joiner stands between two letters (`re`
    jumps to a joiner; tried at every letter, the pattern costs a scan of each word), from
    the start of the letters and joiners around it: one try a stretch of them."""
    done = 0
    for hit in _JOINER_BEFORE_LETTER.finditer(text):
        k = hit.start()
        if k < done or k == 0 or not _is_letter(text[k - 1]):
            continue
        start = k
        while start > 0 and (_is_letter(text[start - 1]) or _JOINER_CHAR.match(text, start - 1)):
            start -= 1
        while start < k and not _is_letter(text[start]):
            start += 1
        m = _COMPOUND.match(text, start)
        stretch = _STRETCH.match(text, start)
        done = max(stretch.end() if stretch else k + 1, m.end() if m else 0)
        if m:
            yield m


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def joined_edits(text: str) -> list[tuple[int, int, str]]:
    """Spaces put back between syllables written together, in a token with diacritics
    (tuyệtmật) or a hashtag (#baocaomat): plain letters without either are too often a
    foreign word ("banana" cuts into ba na na)."""
    from .lang.syllables import inventory

    folded = fold(text)
    inv = None
    edits = []
    done = 0
    for hit in _TWO_NUCLEI.finditer(folded):
        if hit.start() < done:
            continue
        a = hit.start()
        while a > 0 and text[a - 1].isalpha():
            a -= 1
        token = _TOKEN_EDGE.match(text, a)
        if token is None:
            continue
        b = token.end()
        done = b
        if (b < len(text) and text[b].isalnum()) or (a > 0 and text[a - 1].isalnum()):
            continue  # letters next to digits: a code, not words
        word = text[a:b]
        if len(word) > _LONGEST:
            continue
        if folded[a:b] == word and not text[max(0, a - 1):a] == "#":
            continue
        inv = inv or inventory()
        cuts = inv.split(word)
        if cuts and (text[max(0, a - 1):a] == "#" or _reads_as_words(word, cuts)):
            edits.extend(_cut_edits(text, a, word, cuts, {}))
    return edits


def holds_joined_syllables(text: str) -> bool:
    """Could joined_edits() cut a word of `text` (one with diacritics and two vowel groups)?"""
    folded = fold(text)
    return any(not w.isascii() and _TWO_NUCLEI.search(f) for w, f in zip(text.split(), folded.split()))


def _reads_as_words(word: str, cuts: list[int]) -> bool:
    """Is a cut of a token with diacritics surely Vietnamese words run together? When every
    piece carries a mark (tuyệtmật, đồlồn): a foreign word with accents cuts into syllables
    too (côte: cô te; guaidó: gu ai dó), with pieces that carry none."""
    bounds = [0, *cuts, len(word)]
    return all(fold(word[i:j]) != word[i:j] for i, j in zip(bounds, bounds[1:]))


def _cut_edits(text: str, start: int, word: str, cuts: list[int], breaks: dict[int, tuple[int, int]]):
    """Edits that give `word`'s letters with a space at each cut: a joiner at a cut made a
    space, one elsewhere dropped, a cut with no joiner a space put before its letter."""
    cut_set = set(cuts)
    edits = []
    shift = 0  # the joiners' length before offset k: text offset = start + k + shift
    for k in sorted(cut_set | set(breaks)):
        if k in breaks:
            a, b = breaks[k]
            edits.append((a, b, " " if k in cut_set else ""))
            shift += b - a
        else:
            at = start + k + shift
            edits.append((at, at + 1, " " + text[at]))
    return edits
