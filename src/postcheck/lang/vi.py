"""Vietnamese letters: folding diacritics away, keys that ignore where a tone mark sits,
and the letters of other scripts that pass for Latin ones."""
from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from .resources import read_confusables

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


@lru_cache(maxsize=1)
def confusables() -> tuple[dict[str, str], re.Pattern]:
    """Look-alikes of ASCII letters from the Unicode confusables data (through the
    confusable_homoglyphs package, read from its own file: nothing is downloaded), and the
    negative circled and squared letters (🅣), which the data and NFKC both leave alone.
    Vietnamese letters are never folded, whatever the data says (ơ looks like o). Loaded
    on first need: only a line holding a character outside plain Latin asks."""
    import json

    data = json.loads(read_confusables())
    table: dict[str, str] = {}
    for ch, entries in data.items():
        if len(ch) != 1 or ch.isascii() or not unicodedata.category(ch).startswith("L") or ch in VIETNAMESE:
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


VIETNAMESE = frozenset(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")


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


@lru_cache(maxsize=1)
def _accent_probe_table() -> str:
    # a str indexed by code point, like the fold table
    marks = range(0x300, 0x370)
    return "".join("\0" if cp in marks else fold(chr(cp)) for cp in range(0x1F00))


def accent_probe(text: str) -> str:
    """`text` with every letter that carries a diacritic changed, one character for one:
    precomposed letters folded (mật → mat) and combining marks (text typed in NFD) made
    NUL. A word differs from its probe exactly when it is written with diacritics."""
    return text.translate(_accent_probe_table())
