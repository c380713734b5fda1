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

import itertools
import re
import unicodedata
from functools import lru_cache
from typing import Iterable, NamedTuple

from .resources import data_file
from .textmap import MappedBuilder, MappedText, apply_edits, rewrite

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
# Latin letters from U+00C0 on, but for look-alikes (ð, and those of the Unicode
# confusables data in these blocks: ı ƍ Ƅ Ɩ Ʀ ƽ ǀ ẝ ỿ, checked by a test)
_SIMPLE_CHARS = (r"\x20-\x7e\u00c0-\u00cf\u00d1-\u00ef\u00f1-\u0130\u0132-\u0183\u0185-\u018c"
                 r"\u018e-\u0195\u0197-\u01a5\u01a7-\u01bc\u01be\u01bf\u01c1-\u024f\u1e00-\u1e9c\u1e9e-\u1efe")
_SIMPLE_LINE = re.compile(rf"[{_SIMPLE_CHARS}]*\Z")
_ODD_CHAR = re.compile(rf"[^\n{_SIMPLE_CHARS}]")  # neither "\n" nor a _SIMPLE_LINE character


# Default_Ignorable_Code_Point characters that are not Cf (Python's unicodedata does not
# give the property: these are its ranges, Unicode 15), and blanks that render as nothing
# though they are letters or symbols: Hangul fillers, the braille blank, Khmer inherent vowels
_IGNORABLE = frozenset(chr(cp) for a, b in (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2800, 0x2800), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF)) for cp in range(a, b + 1))


def _is_invisible(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat == "Cf":  # zero-width, bidi controls, soft hyphen, BOM
        return True
    if cat == "Cc" and ch not in "\n\r\t\v\f\x85":
        return True
    return ch in _IGNORABLE


@lru_cache(maxsize=1)
def _confusables() -> tuple[dict[str, str], re.Pattern]:
    """Look-alikes of ASCII letters from the Unicode confusables data (through the
    confusable_homoglyphs package, read from its own file: nothing is downloaded), and the
    negative circled and squared letters (🅣), which the data and NFKC both leave alone.
    Vietnamese letters are never folded, whatever the data says (ơ looks like o). Loaded
    on first need: only a line holding a character outside plain Latin asks."""
    import json
    from importlib.resources import files

    data = json.loads(files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for ch, entries in data.items():
        if len(ch) != 1 or ch.isascii() or not unicodedata.category(ch).startswith("L") or ch in _VIETNAMESE:
            continue
        if unicodedata.normalize("NFKC", ch) != ch:
            continue  # NFKC reads it already, and by meaning (ſ is s, though it looks like f)
        letters = [e["c"] for e in entries if len(e["c"]) == 1 and e["c"].isascii() and e["c"].isalpha()]
        if letters:
            table[ch] = letters[0]
    for cp in itertools.chain(range(0x0250, 0x02B0), range(0x1D00, 0x1D2C), range(0xA720, 0xA800),
                              range(0x1F150, 0x1F18A)):
        name = unicodedata.name(chr(cp), "")
        if re.fullmatch(r"(?:LATIN LETTER SMALL CAPITAL|NEGATIVE (?:CIRCLED|SQUARED) LATIN CAPITAL LETTER) [A-Z]", name):
            table.setdefault(chr(cp), name[-1].lower())
    table.update(CONFUSABLES)  # the hand-made table wins (ð → đ, not d)
    return table, re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]")


_VIETNAMESE = frozenset(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")


def clean(original: str) -> MappedText:
    """The clean view of `original` (see module docstring)."""
    out = MappedBuilder(MappedText.identity(original))
    # Stretches of plain lines ("\n" and _SIMPLE_LINE characters only) are kept whole: a
    # plain line is kept and its "\n" replaced by "\n", which maps each character back to
    # itself just the same. Only the lines holding another character are taken one by one.
    pos, n = 0, len(original)
    while pos < n:
        odd = _ODD_CHAR.search(original, pos)
        stop = n if odd is None else max(pos, original.rfind("\n", pos, odd.start()) + 1)
        if stop > pos:
            # "\n" never composes with a neighbour: the stretch is NFC when each line is
            if unicodedata.is_normalized("NFC", original[pos:stop]):
                out.keep(pos, stop)
            else:
                _clean_lines(original, pos, stop, out)
            pos = stop
        if odd is None:
            break
        end = original.find("\n", odd.start())
        end = n if end == -1 else end + 1
        _clean_lines(original, pos, end, out)  # from a line start to just past a "\n"
        pos = end
    return out.build()


def _clean_lines(original: str, start: int, end: int, out: MappedBuilder) -> None:
    """Clean original[start:end], which begins at a line start and ends at a line end."""
    pos = start
    for line in original[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _SIMPLE_LINE.match(body) and unicodedata.is_normalized("NFC", body):
            out.keep(pos, pos + len(body))
        else:
            _clean_slow(original, pos, pos + len(body), out)
        brk = len(line) - len(body)
        if brk:
            out.replace(pos + len(body), pos + len(line), "\n")
        pos += len(line)



# characters that need a closer look: combining marks, invisible and control characters,
# unusual spaces and line breaks, look-alike letters; runs of anything else are kept whole
# when they are already NFKC
_NEEDS_CARE = (
    "\u0000-\u001f\u007f-\u00a0\u00ad\u0300-\u036f\u034f\u0600-\u0605\u061c\u06dd\u070f\u08e2"
    "\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u1ab0-\u1aff\u1dc0-\u1dff\u2000-\u200f\u2028-\u202f"
    "\u205f-\u206f\u20d0-\u20ff\u2800\u3000\u3164\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\uffa0\ufff0-\ufffb"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_SAFE_RUN = re.compile(rf"[{_SIMPLE_CHARS}\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*")
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
    word_start = start  # where the word being read began, for an invisible inside it
    plain_end = start  # where the plain run last matched ends: a look-alike cuts a run short,
    # and matching it again from each look-alike on would read its tail again and again
    while i < end:
        if i >= run_stop:
            if i >= plain_end:
                run = _PLAIN_RUN.match(text, i, end)
                plain_end = run.end() if run else i
            stop = plain_end
            if stop > i:
                # look-alikes sit outside plain Latin and common punctuation: only a run
                # that leaves those is searched for them, with the (slow) class of them all
                safe = _SAFE_RUN.match(text, i, stop).end()
                odd = _confusables()[1].search(text, safe, stop) if safe < stop else None
                stop = odd.start() if odd else stop
            # the run's last character may be the base of combining marks that follow: leave it
            run_stop = stop - (1 if i < stop < end else 0)
            run_ok = _normalized_from(text, i, run_stop) if run_stop > i else run_stop
        if run_ok <= i < run_stop:
            out.keep(i, run_stop)
            i = run_stop
            continue
        ch = text[i]
        if _is_invisible(ch):
            j = i + 1
            while j < end and _is_invisible(text[j]):
                j += 1
            if _splits_words(text, max(start, word_start), i, j, end):
                out.replace(i, j, " ")  # a space in disguise between two words
                word_start = j
            i = j
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
        base = CONFUSABLES.get(ch) or (ch if ch.isascii() else _confusables()[0].get(ch, ch))
        cluster = [base]
        while j < end:
            if unicodedata.combining(text[j]):
                cluster.append(text[j])
                j += 1
                continue
            # invisibles between a letter and its marks belong to it; others are read
            # apart, as a space in disguise or nothing
            k = j
            while k < end and _is_invisible(text[k]):
                k += 1
            if k == j or k == end or not unicodedata.combining(text[k]):
                break
            j = k
        composed = unicodedata.normalize("NFKC", "".join(cluster))
        if len(composed) > 1 and composed[0].isalpha() and composed[0] <= "\u1eff" and unicodedata.combining(composed[-1]):
            # marks stacked past what a Vietnamese letter takes (mậ + ◌́, zalgo): the letter
            # keeps its own marks, the extra ones go
            composed = composed[0] + "".join(c for c in composed[1:] if not unicodedata.combining(c))
        if j == i + 1 and composed == ch:
            out.keep(i, j)
        else:
            out.replace(i, j, composed)
        i = j


def _splits_words(text: str, word_start: int, i: int, j: int, end: int) -> bool:
    """Does the invisible run text[i:j] stand between two words (a space in disguise,
    tuyệt◌mật) rather than inside one (tuy◌ệt)? Between letters, it is inside a word when
    the letters joined across it still begin a Vietnamese syllable."""
    left = []
    k = i - 1
    while k >= word_start and i - k <= 12 and (text[k].isalpha() or unicodedata.combining(text[k]) or _is_invisible(text[k])):
        if not _is_invisible(text[k]):
            left.append(text[k])
        k -= 1
    if not left:
        return False
    k = j
    while k < end and k - j < 12 and (text[k].isalpha() or unicodedata.combining(text[k])):
        k += 1
    if k == j:
        return False
    from .syllables import inventory  # the syllable list is read only for such a draft

    joined = unicodedata.normalize("NFC", ("".join(reversed(left)) + text[j:k]).lower())
    return not inventory().could_begin_syllable(joined)


# --- diacritics -------------------------------------------------------------------------

def _build_fold_table() -> str:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base != chr(cp):
            table[cp] = base
    # a str indexed by code point translates twice as fast as a dict; code points past its
    # end raise IndexError, which str.translate takes as "leave the character as it is"
    return "".join(table.get(cp, chr(cp)) for cp in range(0x1F00))


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

_L = r"[^\W\d_]"  # a letter, any script
# letters split by dots or asterisks, one or two letters a piece (b.í m.ậ.t, đ.m)
_DOTTED = re.compile(rf"(?<![\w@./:]){_L}{{1,2}}(?:[.*·•]+{_L}{{1,2}})+(?![\w@]|[.*·•/]\w)")
# single letters split by dashes or underscores (m-ậ-t)
_DASHED = re.compile(rf"(?<![\w@./:-]){_L}(?:[-_]+{_L})+(?![\w@-])")
# three or more single letters or digits split by single spaces (t u y ệ t, 5 8 2 0 1 9)
_SPACED = re.compile(r"(?<!\S)[^\W_](?: [^\W_]){2,}(?!\S)")
# a letter held down at the end of a word (mậttttt, vcllll); "cccd" keeps its letters
_STRETCHED = re.compile(rf"({_L})\1{{2,}}(?!{_L})")
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
_SPACE_RUN = re.compile(r"[ ]*\n[\s]*|[ ]{2,}")


def evasion_spans(clean_view: MappedText) -> list[tuple[int, int]]:
    """Original spans of words deliberately split apart (b.í m.ậ.t, t u y ệ t): someone
    who hides a word this way means it, so a bare folded syllable found there counts."""
    text = clean_view.text.lower()
    if len(text) != len(clean_view.text):
        return []
    return sorted(clean_view.original_span(*m.span()) for p in (_DOTTED, _DASHED, _SPACED) for m in _find(p, text))


def matching_view(clean_view: MappedText, teencode: dict[str, str]) -> MappedText:
    """The lower-cased, de-evaded, teencode-expanded view used by term rules. Each pass
    finds its matches through a prefilter (below), and the straightforward way, each
    pattern's finditer over the whole text, is the reference it must agree with, in the
    text and in the original span behind every character (tests/reference.py)."""
    mt = _lowered(clean_view)
    for pattern in (_DOTTED, _DASHED, _SPACED):
        mt = apply_edits(mt, _letters_only_edits(_find(pattern, mt.text)))
    mt = apply_edits(mt, [(m.start(), m.end(), m.group(1)) for m in _find(_STRETCHED, mt.text)])
    mt = apply_edits(mt, [(m.start(), m.start() + 1, _LEET_MAP[m.group()]) for m in _LEET_FAST.finditer(mt.text)])
    for edits in _JOINED_PASSES:
        mt = apply_edits(mt, _joined_pass(edits, mt.text))
    if teencode:
        plan = _teencode_plan(tuple(teencode.items()))
        edits = _teencode_edits(mt.text, teencode, plan)
        if plan.plain_expansions:
            # The teencode pass replaces whole alphanumeric tokens by expansions that begin
            # and end with a non-space and hold single spaces only: every whitespace run,
            # and the original span behind each of its characters, is the same before and
            # after it, and a single space between non-spaces is no _SPACE_RUN match. So
            # the whitespace runs are found in the same text and both edited at once.
            edits += _space_run_edits(mt.text)
            edits.sort()
            return apply_edits(mt, edits)
        mt = apply_edits(mt, edits)
    return apply_edits(mt, _space_run_edits(mt.text))


_JOINED_PASSES = ("wrapped_edits", "compound_edits", "joined_edits")


def _joined_pass(name: str, text: str) -> list[tuple[int, int, str]]:
    from . import joined  # it needs the syllable list, read only for a draft that asks

    return getattr(joined, name)(text)


# --- the fast path ----------------------------------------------------------------------
#
# Python's `re` jumps quickly only to where a pattern's first element (a literal or a
# simple character set) occurs; _DOTTED, _DASHED, _SPACED, _STRETCHED, the leet digits and the
# teencode pattern begin with a lookbehind or with "any letter" and are tried at every
# character. Each gets a *prefilter* that does begin with such an element, chosen so that
# every position where the exact pattern can match lies at a fixed offset from the start
# of a prefilter hit; the exact pattern is then tried (pattern.match, which sees the whole
# string, lookbehind and lookahead included) only at those candidate positions, in
# increasing order and never inside the previous match: exactly the matches finditer
# gives, because finditer reports, from the end of each match on, the leftmost position
# where the pattern matches, and that position is always a candidate.

_PREFILTERS: dict[re.Pattern, tuple[re.Pattern, tuple[int, ...]]] = {
    # the first run of separators of a match follows its one or two first letters and,
    # taken whole, is followed by a letter; a hit can't run into it (a letter precedes it).
    # A hit starts only where a run starts, and reads the run once (possessively): tried
    # from every character of a run, a long run without a letter after it is quadratic
    # ('.' * 64000 took 37 s)
    _DOTTED: (re.compile(rf"(?<![.*·•])[.*·•]++{_L}"), (-2, -1)),
    # likewise for the first run of dashes, which follows the first letter
    _DASHED: (re.compile(rf"(?<![-_])[-_]++{_L}"), (-1,)),
    # a match "x y z…" has " y " one character after its start; the hit is one character
    _SPACED: (re.compile(r" (?=[^\W_] )"), (-1,)),
    # a match starts where a run of three equal letters starts (a match always takes its run
    # to the end, so none starts inside a run); a hit can't run into another run's start
    _STRETCHED: (re.compile(r"(.)\1\1"), (0,)),
}
# a digit read as a letter between two letters (v3, l0n): the matches of
# (?<=letter)[013457](?=letter), the reference's pattern, but the digit comes first
_LEET_FAST = re.compile(rf"[013457](?<={_L}[013457])(?={_L})")
# The matches of _SPACE_RUN but a lone "\n" (the only one replaced by itself), found by
# two patterns that each begin with a literal: those that begin with "\n" (the first
# alternative of _SPACE_RUN with no space) and those that begin with a space (the first
# alternative with spaces, then the second). Within a run of whitespace, _SPACE_RUN.finditer
# takes the first position from which either matches; a match from "\n", or from spaces
# followed by "\n", runs to the end of the whitespace run; one of two spaces or more ends
# where the spaces do, and the search goes on from there. Each pattern's finditer reports
# exactly the positions it matches from that _SPACE_RUN reaches (it skips only the inside
# of its own matches, which _SPACE_RUN skips too), so their matches in order, each dropped
# when it starts inside the one before, are those of _SPACE_RUN.
_NEWLINE_RUN = re.compile(r"\n\s+")
_SPACES_RUN = re.compile(r"  +(?:\n\s*)?| \n\s*")


def _space_run_edits(text: str) -> list[tuple[int, int, str]]:
    edits = [(m.start(), m.end(), "\n") for m in _NEWLINE_RUN.finditer(text)]
    spaces = [(m.start(), m.end(), "\n" if "\n" in m.group() else " ") for m in _SPACES_RUN.finditer(text)]
    if not spaces:
        return edits
    edits += spaces
    edits.sort()
    kept = []
    last = 0
    for edit in edits:
        if edit[0] >= last:
            kept.append(edit)
            last = edit[1]
    return kept


def _find(pattern: re.Pattern, text: str) -> Iterable[re.Match]:
    """pattern.finditer(text), for a pattern in _PREFILTERS, trying candidates only."""
    prefilter, offsets = _PREFILTERS[pattern]
    match = pattern.match
    last = 0
    for hit in prefilter.finditer(text):
        base = hit.start()
        for offset in offsets:
            k = base + offset
            # the next hit starts further on than the spread of the offsets: candidates grow
            if k >= last:
                m = match(text, k)
                if m:
                    yield m
                    last = m.end()


def _letters_only_edits(matches: Iterable[re.Match]) -> list[tuple[int, int, str]]:
    """The characters of each match that are not alphanumeric, dropped."""
    edits = []
    for m in matches:
        text, k, end = m.string, m.start(), m.end()
        while k < end:
            if text[k].isalnum():
                k += 1
                continue
            j = k + 1
            while j < end and not text[j].isalnum():
                j += 1
            edits.append((k, j, ""))
            k = j
    return edits


def _lowered(clean_view: MappedText) -> MappedText:
    text = clean_view.text
    lowered = text.lower()
    if len(lowered) == len(text):
        return MappedText(lowered, clean_view.piece_starts, clean_view.pieces, clean_view.original_length)
    return rewrite(clean_view, re.compile(r"[^\n]"), lambda m: [("put", m.start(), m.end(), m.group().lower())])


_ALNUM_WORD = re.compile(r"[^\W_]+")


class _TeencodePlan(NamedTuple):
    pattern: re.Pattern  # _teencode_pattern
    fast: re.Pattern | None  # _teencode_fast_pattern
    plain_expansions: bool  # every word a token, every expansion words split by single spaces


@lru_cache(maxsize=8)
def _teencode_plan(items: tuple[tuple[str, str], ...]) -> _TeencodePlan:
    words = tuple(sorted(word for word, _ in items))
    fast = _teencode_fast_pattern(words)
    plain = fast is not None and all(full and full == " ".join(full.split()) for _, full in items)
    return _TeencodePlan(_teencode_pattern(words), fast, plain)


def _teencode_edits(text: str, teencode: dict[str, str], plan: _TeencodePlan) -> list[tuple[int, int, str]]:
    """The edits of the teencode pass: each of _teencode_pattern's matches spelt out."""
    if plan.fast is None:  # a word that is not one alphanumeric token: the plain way
        found: Iterable[tuple[int, int]] = (m.span() for m in plan.pattern.finditer(text))
    else:
        found = (m.span(1) for m in plan.fast.finditer(text))
        first = plan.pattern.match(text, 0)
        if first is not None:
            found = itertools.chain((first.span(),), found)
    edits = []
    for start, end in found:
        word = text[start:end]
        full = teencode.get(word)
        if full is None:
            continue
        if len(word) == 1 and text[max(0, start - 3):start].rstrip(" ")[-1:].isdigit():
            continue  # "50 k", "3 m": a single letter after a number is a unit, not teencode
        if _glued(text, start, end):
            continue  # "Bng@2024": a piece of a password or an address (_GLUE)
        edits.append((start, end, full))
    return edits


@lru_cache(maxsize=8)
def _teencode_fast_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """The table's words as whole tokens, found from the non-alphanumeric character before
    them (a character set `re` can jump to), the alternatives as a trie. The word is group 1.

    When every word is one alphanumeric token, _teencode_pattern matches at s exactly when
    s starts a token (text start, or a non-alphanumeric character before it) and the whole
    token is a word: the same tokens this pattern finds, but for one at the text start. Its
    hits never overlap one another's words: each ends before a non-alphanumeric character."""
    if not words or not all(_ALNUM_WORD.fullmatch(w) for w in words):
        return None
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        branches = [re.escape(ch) + alternation(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(rf"[\W_]({alternation(trie)})(?![^\W_])")


@lru_cache(maxsize=1)
def teencode_table() -> dict[str, str]:
    """The shipped teencode table (data/teencode.tsv): short form → full spelling."""
    table = {}
    for line in data_file("teencode.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, full = line.split("\t")
            table[short.strip()] = full.strip()
    return table


@lru_cache(maxsize=8)
def _teencode_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Only the table's own words, as whole tokens: far fewer matches than every token."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


# a word joined by one of these to letters or digits is a piece of a password, an address or
# a code ("Bng@Tang3#2025", "bng@mofa"), not teencode: spelt out it would split the value
_GLUE = frozenset("@#$%&*")


def _glued(text: str, start: int, end: int) -> bool:
    return ((start > 1 and text[start - 1] in _GLUE and text[start - 2].isalnum())
            or (end + 1 < len(text) and text[end] in _GLUE and text[end + 1].isalnum())
            or (start > 0 and text[start - 1] in _GLUE and end + 1 < len(text) and text[end] in _GLUE))
