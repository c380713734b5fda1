"""The clean view of a draft, keeping a map back to the original text: invisible characters
dropped (or read as the space they stand for between two words), look-alike letters of
other scripts folded to Latin, each letter with its combining marks composed (NFKC),
stacked marks past a Vietnamese letter's own dropped, white space and line breaks unified.

Pattern rules (e-mail addresses, ID numbers) run on this view; the matching view
(normalize.py) is built from it.
"""
from __future__ import annotations

import re
import unicodedata

from .lang.vi import CONFUSABLES, confusables
from .textmap import MappedBuilder, MappedText

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
PLAIN_RUN = re.compile("[^" + _NEEDS_CARE + "".join(re.escape(c) for c in CONFUSABLES) + "]+")


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
                run = PLAIN_RUN.match(text, i, end)
                plain_end = run.end() if run else i
            stop = plain_end
            if stop > i:
                # look-alikes sit outside plain Latin and common punctuation: only a run
                # that leaves those is searched for them, with the (slow) class of them all
                safe = _SAFE_RUN.match(text, i, stop).end()
                odd = confusables()[1].search(text, safe, stop) if safe < stop else None
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
        base = CONFUSABLES.get(ch) or (ch if ch.isascii() else confusables()[0].get(ch, ch))
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
    from .lang.syllables import inventory  # the syllable list is read only for such a draft

    joined = unicodedata.normalize("NFC", ("".join(reversed(left)) + text[j:k]).lower())
    return not inventory().could_begin_syllable(joined)
