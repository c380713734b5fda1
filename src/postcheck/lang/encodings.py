"""Legacy Vietnamese encodings: Windows-1258, TCVN3 (ABC) and VNI Windows, and telling
them apart.

Drafts from older offices still arrive in the encodings of the 1990s font packages:

* ``cp1258`` (Windows-1258): Python's codec. Tone marks are separate combining bytes
  (``a`` + 0xEC is á), so the result is composed to NFC.
* ``tcvn3`` (TCVN 5712:1993, the ABC fonts ``.VnTime``…): one byte a letter. Every
  lower-case letter with its tone lives in 0xA0–0xFF, capitals without a tone mark
  (Ă Â Ê Ô Ơ Ư Đ) at 0xA1–0xA7; a capital *with* a tone has no code of its own (ABC
  typed it with the lower-case code in an upper-case font), except the ones TCVN 5712 VN1
  puts in the gaps of 0xA0–0xFF and in the C0 control range (0x01 Ú, 0x02 Ụ, 0x04–0x06,
  0x11–0x17), which are read too. 0xB0–0xB4 are the standard's combining tone marks.
  0x80–0x9F are Windows-1252 punctuation (“ ” – …), as UniKey reads ABC text.
* ``vni`` (VNI Windows): a base letter followed by one byte for its marks, those bytes
  being the Windows-1252 letters ``ù ø û õ ï`` (tones), ``â`` (circumflex), ``á à å ã ä``
  (circumflex and tone), ``ê`` (breve), ``é è ú ü ë`` (breve and tone); ơ ư đ and the
  toned i, and ỵ are single bytes (ô ö ñ í ì æ ó ò î). Capitals use the upper-case bytes.

The tables follow UniKey's converter (VnConv) and TCVN 5712 as libiconv has it.
`guess` scores each candidate by how many of the words that hold non-ASCII bytes decode to
real Vietnamese syllables (from underthesea's Viet74K word list, read as a file).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .resources import read_viet74k
from .vi import tone_key

LEGACY = ("cp1258", "tcvn3", "vni")
_ALIASES = {
    "cp1258": "cp1258", "windows-1258": "cp1258", "windows1258": "cp1258", "win1258": "cp1258",
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "tcvn5712": "tcvn3", "tcvn-5712": "tcvn3",
    "vni": "vni", "vni-win": "vni", "vni-windows": "vni", "vniwin": "vni",
}


def legacy_name(encoding: str) -> str | None:
    """The canonical name of a legacy Vietnamese encoding, or None for any other name."""
    return _ALIASES.get(encoding.strip().lower().replace("_", "-"))


class LegacyDecodeError(ValueError):
    def __init__(self, encoding: str, offset: int, byte: int):
        super().__init__(f"byte 0x{byte:02x} at offset {offset} is not {encoding} text")
        self.offset = offset
        self.byte = byte


# --- TCVN3 -------------------------------------------------------------------------------

_TCVN3_HIGH = (
    # 0xA0 … 0xFF; "" = no character
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "Ổỏõóọồổỗốộờởỡớợù"
    "ỖủũúụừửữứựỳỷỹýỵỐ"
)
_TCVN3_CONTROL = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự",
                  0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}


def _tcvn3_table() -> list[str | None]:
    table: list[str | None] = [chr(b) for b in range(0x80)]
    for b, ch in _TCVN3_CONTROL.items():
        table[b] = ch
    for b in range(0x80, 0xA0):
        try:
            table.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            table.append(None)  # 0x81 0x8D 0x8F 0x90 0x9D: nothing in Windows-1252 either
    table.extend(_TCVN3_HIGH)
    assert len(table) == 256
    return table


TCVN3_TABLE = _tcvn3_table()


def decode_tcvn3(data: bytes) -> str:
    table = TCVN3_TABLE
    out = []
    for i, b in enumerate(data):
        ch = table[b]
        if ch is None:
            raise LegacyDecodeError("TCVN3", i, b)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# --- VNI Windows ---------------------------------------------------------------------------

_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
_PLAIN_TONE_BYTES = (None, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF)  # ù ø û õ ï
_CIRCUMFLEX_BYTES = (0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4)  # â á à å ã ä
_BREVE_BYTES = (0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB)  # ê é è ú ü ë
_I_BYTES = (None, 0xED, 0xEC, 0xE6, 0xF3, 0xF2)  # i í ì æ ó ò
_SINGLE = {0xF1: "đ", 0xF4: "ơ", 0xF6: "ư", 0xEE: "ỵ"}  # ñ ô ö î


def _vni_tables() -> tuple[dict[str, bytes], dict[int, str], dict[tuple[int, int], str]]:
    """(letter → VNI bytes, single byte → letter, (base byte, mark byte) → letter), lower case;
    capitals are the ASCII capital and the mark byte minus 0x20."""
    enc: dict[str, bytes] = {}
    for k, tone in enumerate(_TONES):
        nfc = lambda s: unicodedata.normalize("NFC", s + tone)  # noqa: E731
        for base in "aeouy":
            enc[nfc(base)] = base.encode() + (bytes([_PLAIN_TONE_BYTES[k]]) if k else b"")
        for base in "aeo":
            enc[nfc(base + "\u0302")] = base.encode() + bytes([_CIRCUMFLEX_BYTES[k]])
        enc[nfc("a\u0306")] = b"a" + bytes([_BREVE_BYTES[k]])
        enc[nfc("i")] = bytes([_I_BYTES[k]]) if k else b"i"
        enc[nfc("o\u031b")] = b"\xf4" + (bytes([_PLAIN_TONE_BYTES[k]]) if k else b"")
        enc[nfc("u\u031b")] = b"\xf6" + (bytes([_PLAIN_TONE_BYTES[k]]) if k else b"")
    enc["ỵ"] = b"\xee"
    enc["đ"] = b"\xf1"
    for letter, code in list(enc.items()):
        upper = bytes([code[0] - 0x20]) + bytes(c - 0x20 for c in code[1:])
        enc[letter.upper()] = upper
    singles: dict[int, str] = {}
    pairs: dict[tuple[int, int], str] = {}
    for letter, code in enc.items():
        if len(code) == 1 and code[0] >= 0x80:
            singles[code[0]] = letter
        elif len(code) == 2:
            pairs[(code[0], code[1])] = letter
    return enc, singles, pairs


VNI_ENCODE, VNI_SINGLE, VNI_PAIRS = _vni_tables()
_VNI_MARKS = frozenset(m for _, m in VNI_PAIRS)


def decode_vni(data: bytes, strict: bool = False) -> str:
    """VNI Windows bytes as text. `strict`: a mark byte that follows no letter it can mark
    is an error (for detection); otherwise it is read as its Windows-1252 character."""
    out = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if i + 1 < n and data[i + 1] >= 0x80:
            letter = VNI_PAIRS.get((b, data[i + 1]))
            if letter is None and b < 0x80 and data[i + 1] ^ 0x20 in _VNI_MARKS:
                # a capital marked with a lower-case byte, or the other way round
                swapped = VNI_PAIRS.get((b, data[i + 1] ^ 0x20))
                if swapped is not None:
                    letter = swapped.upper() if chr(b).isupper() else swapped.lower()
            if letter is not None:
                out.append(letter)
                i += 2
                continue
        if b in VNI_SINGLE:
            out.append(VNI_SINGLE[b])
        elif b < 0x80:
            out.append(chr(b))
        elif strict and b in _VNI_MARKS:
            raise LegacyDecodeError("VNI", i, b)
        else:
            try:
                out.append(bytes([b]).decode("cp1252"))
            except UnicodeDecodeError:
                raise LegacyDecodeError("VNI", i, b) from None
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


# --- all three -----------------------------------------------------------------------------

def decode_legacy(data: bytes, encoding: str, strict: bool = False) -> str:
    """Decode `data` in one of LEGACY (canonical names); raises LegacyDecodeError."""
    if encoding == "cp1258":
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError as exc:
            raise LegacyDecodeError("Windows-1258", exc.start, data[exc.start]) from None
        return unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return decode_tcvn3(data)
    if encoding == "vni":
        return decode_vni(data, strict)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def encode_legacy(text: str, encoding: str) -> bytes:
    """The inverse of decode_legacy, for tests and for users converting back. Characters the
    encoding cannot hold raise UnicodeEncodeError."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        out = bytearray()
        for pos, ch in enumerate(text):
            try:
                out += ch.encode("cp1258")
            except UnicodeEncodeError:
                # a letter with a tone: base (maybe precomposed â ê ô ơ ư ă) + combining tone byte
                decomposed = unicodedata.normalize("NFD", ch)
                tones = [c for c in decomposed if c in _TONES[1:]]
                base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
                try:
                    out += base.encode("cp1258") + "".join(tones).encode("cp1258")
                except UnicodeEncodeError:
                    raise UnicodeEncodeError("cp1258", text, pos, pos + 1, "not in Windows-1258") from None
        return bytes(out)
    if encoding == "tcvn3":
        inverse = {ch: b for b, ch in enumerate(TCVN3_TABLE) if ch is not None and len(ch) == 1}
        out = bytearray()
        for pos, ch in enumerate(text):
            if ch not in inverse:
                raise UnicodeEncodeError("tcvn3", text, pos, pos + 1, "not in TCVN3")
            out.append(inverse[ch])
        return bytes(out)
    if encoding == "vni":
        out = bytearray()
        for pos, ch in enumerate(text):
            if ch in VNI_ENCODE:
                out += VNI_ENCODE[ch]
            else:
                try:
                    out += ch.encode("cp1252")
                except UnicodeEncodeError:
                    raise UnicodeEncodeError("vni", text, pos, pos + 1, "not in VNI") from None
        return bytes(out)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


# --- guessing ------------------------------------------------------------------------------

_WORD = re.compile(rb"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")  # runs of letters, digits and high bytes
_LETTERS = re.compile(r"[^\W\d_]+")
MIN_WORDS = 3  # words with non-ASCII letters that must decode to Vietnamese syllables
MIN_SHARE = 0.8  # of all such words
MIN_LEAD = 0.25  # over the runner-up's share


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Vietnamese syllables (tone placement normalized) from underthesea's Viet74K list,
    read as a file so that underthesea is not imported."""
    text = unicodedata.normalize("NFC", read_viet74k().lower())
    return frozenset(tone_key(w) for w in _LETTERS.findall(text) if not w.isascii())


_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
MAX_WORDS = 5000


def _core(word: str) -> str:
    """The word without the punctuation around it (a quotation mark read from 0x93…)."""
    return _EDGES.sub("", word)


def scores(data: bytes) -> dict[str, tuple[int, int]]:
    """For each legacy encoding: (words that decode to Vietnamese syllables, words with
    non-ASCII bytes), over the first MAX_WORDS such words."""
    known = syllables()
    good = dict.fromkeys(LEGACY, 0)
    total = 0
    for m in _WORD.finditer(data):
        word = m.group()
        if max(word) < 0x80:
            continue
        cores = {}
        for encoding in LEGACY:
            try:
                cores[encoding] = _core(decode_legacy(word, encoding, strict=True)).lower()
            except LegacyDecodeError:
                cores[encoding] = ""
        if not any(cores.values()):
            continue  # punctuation only, whichever the encoding
        total += 1
        for encoding, core in cores.items():
            if core and _LETTERS.fullmatch(core) and not core.isascii() and tone_key(core) in known:
                good[encoding] += 1
        if total >= MAX_WORDS:
            break
    return {e: (good[e], total) for e in LEGACY}


def guess(data: bytes) -> str | None:
    """The legacy encoding `data` is confidently in, or None: at least MIN_WORDS words
    with non-ASCII bytes read as Vietnamese syllables, MIN_SHARE of all such words, and
    MIN_LEAD more than under any other candidate."""
    result = scores(data)
    ranked = sorted(LEGACY, key=lambda e: result[e][0], reverse=True)
    best, second = ranked[0], ranked[1]
    good, total = result[best]
    if good < MIN_WORDS:
        return None
    if good / total < MIN_SHARE or (good - result[second][0]) / total < MIN_LEAD:
        return None
    return best
