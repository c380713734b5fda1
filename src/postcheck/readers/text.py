"""Plain text: bytes to text, whatever encoding a Vietnamese draft was saved in.

Bytes become text in this order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else
NUL bytes mean a binary file; else UTF-8; else, only when it is clear, a legacy Vietnamese
encoding (Windows-1258, TCVN3/ABC, VNI: see lang/encodings.py) is detected from how many words
read as Vietnamese syllables, converted, and reported in `Source.encoding_notice`. Anything
else is refused with a message that suggests --encoding. `encoding=` forces one.

Markdown and HTML are decoded the same way (markup.py and html.py give their prose).
"""
from __future__ import annotations

import codecs

from ..inputs import InputError, Source
from ..messages import Said
from .base import ReadOptions, Reader

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_LABELS = {"cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI Windows"}


def decode(data: bytes, name: str, *, encoding: str | None = None) -> str:
    """The text in `data` (see the module docstring); `name` is used in error messages."""
    return decode_with_notice(data, name, encoding=encoding)[0]


def decode_with_notice(data: bytes, name: str, *, encoding: str | None = None) -> tuple[str, str | None]:
    """(text, notice): the notice says which legacy encoding was detected, else None."""
    if encoding:
        return _decode_as(data, name, encoding), None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                raise InputError(Said("input.bad-after-bom", f"{name}: ", codec=codec.upper())) from None
    if b"\x00" in data[:8192]:
        raise InputError(Said("input.binary", f"{name}: "))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    from ..lang import encodings  # legacy encodings are rare: their tables load only for them

    legacy = encodings.guess(data)
    if legacy is not None:
        try:
            text = encodings.decode_legacy(data, legacy)
        except encodings.LegacyDecodeError:
            pass
        else:
            return text, Said("input.legacy-read", f"{name}: ", label=_LABELS[legacy])
    raise InputError(Said("input.not-utf8", f"{name}: ", byte=f"{data[bad]:02x}", offset=bad)) from None


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    from ..lang import encodings

    legacy = encodings.legacy_name(encoding)
    if legacy:
        try:
            return encodings.decode_legacy(data, legacy)
        except encodings.LegacyDecodeError as exc:
            raise InputError(Said("input.not-legacy", f"{name}: ", label=_LABELS[legacy], byte=f"{exc.byte:02x}",
                                  offset=exc.offset)) from None
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(Said("input.unknown-encoding", "", encoding=encoding)) from None
    if codec == "utf-8":
        codec = "utf-8-sig"  # a BOM is not text
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(Said("input.not-encoding", f"{name}: ", encoding=encoding, byte=f"{data[exc.start]:02x}", offset=exc.start)) from None
    except Exception as exc:  # codecs that are not text encodings (base64, zlib…)
        raise InputError(Said("input.cannot-decode", f"{name}: ", encoding=encoding)) from None


def decode_source(data: bytes, name: str, options: ReadOptions) -> Source:
    text, notice = decode_with_notice(data, name, encoding=options.encoding)
    return Source(name, text, notice)


READER = Reader("text", (".txt",), decode_source)
