"""Normalization of Vietnamese drafts, keeping a map back to the original text.

Two views are built from what the user gave:

* the *clean* view: invisible characters dropped, Cyrillic/Greek look-alikes folded to
  Latin, each letter with its combining marks composed (NFKC), whitespace unified.
  Pattern rules (e-mail addresses, ID numbers) run here, because e-mail addresses and
  numbers must not be touched by the word-level repairs below.
* the *matching* view: the clean view lower-cased, with evasions undone (letters split by
  dots or spaces, stretched letters, digits for letters) and teencode expanded. Term rules
  run here, and on its diacritic-folded copy, which has exactly the same length.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable

from .textmap import MappedBuilder, MappedText

# Look-alike letters seen in evasions; NFKC already folds full-width and math letters.
CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ү": "y", "һ": "h", "ԛ": "q", "ԝ": "w", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ү": "Y",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u",
    "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K",
    "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # letters mistaken for đ
    "ð": "đ", "Ð": "Đ", "ɗ": "đ",
}

_SPACES = {"\t", "\v", "\f", "\u00a0", "\u1680", "\u202f", "\u205f", "\u3000"} | {
    chr(c) for c in range(0x2000, 0x200B)
}
_LINE_BREAKS = {"\u2028", "\u2029", "\x85"}
_SIMPLE_LINE = re.compile(r"[\x20-\x7e\u00c0-\u00cf\u00d1-\u00ef\u00f1-\u024f\u1e00-\u1eff]*\Z")


def _is_invisible(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat == "Cf":  # zero-width, bidi controls, soft hyphen, BOM
        return True
    if cat == "Cc" and ch not in "\n\r\t\v\f\x85":
        return True
    return "\ufe00" <= ch <= "\ufe0f" or ch == "\u034f"


def clean(original: str) -> MappedText:
    """The clean view of `original` (see module docstring)."""
    source = MappedText.identity(original)
    out = MappedBuilder(source)
    pos = 0
    for line in original.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _SIMPLE_LINE.match(body) and unicodedata.is_normalized("NFC", body):
            out.keep(pos, pos + len(body))
        else:
            _clean_slow(original, pos, pos + len(body), out)
        brk = len(line) - len(body)
        if brk:
            out.replace(pos + len(body), pos + len(line), "\n")
        pos += len(line)
    return out.build()


# characters that need a closer look: combining marks, invisible and control characters,
# unusual spaces and line breaks, look-alike letters; runs of anything else are kept whole
# when they are already NFKC
_NEEDS_CARE = (
    "\u0000-\u001f\u007f-\u00a0\u00ad\u0300-\u036f\u034f\u0600-\u0605\u061c\u06dd\u070f\u08e2"
    "\u115f\u1160\u1680\u17b4\u17b5\u180e\u1ab0-\u1aff\u1dc0-\u1dff\u2000-\u200f\u2028-\u202f"
    "\u205f-\u206f\u20d0-\u20ff\u3000\u3164\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\uffa0\ufff0-\ufffb"
    "\U000e0000-\U000e007f"
)
_PLAIN_RUN = re.compile("[^" + _NEEDS_CARE + "".join(re.escape(c) for c in CONFUSABLES) + "]+")


def _normalized_from(text: str, i: int, stop: int) -> int:
    """The first k in [i, stop] from which text[k:stop] is already NFKC (found by halving:
    checking every k is quadratic in a long line with one odd character)."""
    if unicodedata.is_normalized("NFKC", text[i:stop]):
        return i
    lo, hi = i + 1, stop
    while lo < hi:
        mid = (lo + hi) // 2
        if unicodedata.is_normalized("NFKC", text[mid:stop]):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _clean_slow(text: str, start: int, end: int, out: MappedBuilder) -> None:
    i = start
    run_stop = run_ok = start  # the plain run being read ends at run_stop; NFKC from run_ok on
    while i < end:
        if i >= run_stop:
            run = _PLAIN_RUN.match(text, i, end)
            # the run's last character may be the base of combining marks that follow: leave it
            run_stop = run.end() - (1 if run and run.end() < end else 0) if run else i
            run_ok = _normalized_from(text, i, run_stop) if run_stop > i else run_stop
        if run_ok <= i < run_stop:
            out.keep(i, run_stop)
            i = run_stop
            continue
        ch = text[i]
        if _is_invisible(ch):
            i += 1
            continue
        if ch in _SPACES:
            out.replace(i, i + 1, " ")
            i += 1
            continue
        if ch in _LINE_BREAKS:
            out.replace(i, i + 1, "\n")
            i += 1
            continue
        # a base character with the combining marks that follow it (invisibles skipped)
        j = i + 1
        cluster = [CONFUSABLES.get(ch, ch)]
        while j < end and (unicodedata.combining(text[j]) or _is_invisible(text[j])):
            if not _is_invisible(text[j]):
                cluster.append(text[j])
            j += 1
        composed = unicodedata.normalize("NFKC", "".join(cluster))
        if j == i + 1 and composed == ch:
            out.keep(i, j)
        else:
            out.replace(i, j, composed)
        i = j


# --- diacritics -------------------------------------------------------------------------

def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base != chr(cp):
            table[cp] = base
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Remove Vietnamese diacritics character by character: the result has the same length."""
    return text.translate(_FOLD_TABLE)


_TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}


@lru_cache(maxsize=65536)
def tone_key(text: str) -> str:
    """A key equal for spellings that differ only in where the tone mark sits (hoà / hòa)."""
    out: list[str] = []
    tone = ""
    for ch in unicodedata.normalize("NFD", text):
        mark = _TONE_MARKS.get(ch)
        if mark:
            tone = mark
        elif ch.isalnum() or unicodedata.combining(ch):
            out.append(ch)
        else:
            if tone:
                out.append(tone)
                tone = ""
            out.append(ch)
    if tone:
        out.append(tone)
    return unicodedata.normalize("NFC", "".join(out))


def has_diacritics(text: str) -> bool:
    return fold(text) != text


# --- the matching view -------------------------------------------------------------------

Op = tuple  # ("keep", i, j) or ("put", i, j, text)


def rewrite(mt: MappedText, pattern: re.Pattern, ops: Callable[[re.Match], Iterable[Op]]) -> MappedText:
    """Apply `ops` to every match of `pattern`, keeping the offset map."""
    out = MappedBuilder(mt)
    pos = 0
    changed = False
    for m in pattern.finditer(mt.text):
        out.keep(pos, m.start())
        for op in ops(m):
            if op[0] == "keep":
                out.keep(op[1], op[2])
            else:
                out.replace(op[1], op[2], op[3])
        pos = m.end()
        changed = True
    if not changed:
        return mt
    out.keep(pos, len(mt.text))
    return out.build()


_L = r"[^\W\d_]"  # a letter, any script
# letters split by dots or asterisks, one or two letters a piece (b.í m.ậ.t, đ.m)
_DOTTED = re.compile(rf"(?<![\w@./:]){_L}{{1,2}}(?:[.*·•]+{_L}{{1,2}})+(?![\w@]|[.*·•/]\w)")
# single letters split by dashes or underscores (m-ậ-t)
_DASHED = re.compile(rf"(?<![\w@./:-]){_L}(?:[-_]+{_L})+(?![\w@-])")
# three or more single letters or digits split by single spaces (t u y ệ t, 5 8 2 0 1 9)
_SPACED = re.compile(r"(?<!\S)[^\W_](?: [^\W_]){2,}(?!\S)")
# a letter held down at the end of a word (mậttttt, vcllll); "cccd" keeps its letters
_STRETCHED = re.compile(rf"({_L})\1{{2,}}(?!{_L})")
_LEET = re.compile(rf"(?<={_L})[013457](?={_L})")
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
_SPACE_RUN = re.compile(r"[ ]*\n[\s]*|[ ]{2,}")


def evasion_spans(clean_view: MappedText) -> list[tuple[int, int]]:
    """Original spans of words deliberately split apart (b.í m.ậ.t, t u y ệ t): someone
    who hides a word this way means it, so a bare folded syllable found there counts."""
    text = clean_view.text.lower()
    spans = [clean_view.original_span(*m.span()) for p in (_DOTTED, _DASHED, _SPACED) for m in p.finditer(text)] \
        if len(text) == len(clean_view.text) else []
    return sorted(spans)


def _letters_only(m: re.Match) -> Iterable[Op]:
    for k in range(m.start(), m.end()):
        if m.string[k].isalnum():
            yield ("keep", k, k + 1)


def matching_view(clean_view: MappedText, teencode: dict[str, str]) -> MappedText:
    """The lower-cased, de-evaded, teencode-expanded view used by term rules."""
    text = clean_view.text
    lowered = text.lower()
    if len(lowered) == len(text):
        mt = MappedText(lowered, clean_view.piece_starts, clean_view.pieces, clean_view.original_length)
    else:  # a few characters (İ) lower-case to two: map them one by one
        mt = rewrite(clean_view, re.compile(r"[^\n]"), lambda m: [("put", m.start(), m.end(), m.group().lower())])
    mt = rewrite(mt, _DOTTED, _letters_only)
    mt = rewrite(mt, _DASHED, _letters_only)
    mt = rewrite(mt, _SPACED, _letters_only)
    mt = rewrite(mt, _STRETCHED, lambda m: [("put", m.start(), m.end(), m.group(1))])
    mt = rewrite(mt, _LEET, lambda m: [("put", m.start(), m.end(), _LEET_MAP[m.group()])])
    if teencode:
        mt = rewrite(mt, _teencode_pattern(tuple(sorted(teencode))), lambda m: _expand(m, teencode))
    mt = rewrite(mt, _SPACE_RUN, lambda m: [("put", m.start(), m.end(), "\n" if "\n" in m.group() else " ")])
    return mt


@lru_cache(maxsize=8)
def _teencode_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Only the table's own words, as whole tokens: far fewer matches than every token."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _expand(m: re.Match, teencode: dict[str, str]) -> Iterable[Op]:
    word = m.group()
    full = teencode.get(word)
    if full is None:
        return [("keep", m.start(), m.end())]
    if len(word) == 1:
        # "50 k", "3 m": a single letter after a number is a unit, not teencode
        before = m.string[max(0, m.start() - 3): m.start()].rstrip(" ")
        if before[-1:].isdigit():
            return [("keep", m.start(), m.end())]
    return [("put", m.start(), m.end(), full)]
