"""Finding and reading the drafts the user named."""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STDIN = "<stdin>"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(Exception):
    """A draft cannot be read; the message names it and says why."""


@dataclass(frozen=True)
class Source:
    path: str  # as the user named it, or <stdin>
    text: str


def expand(paths: list[str]) -> list[str]:
    """Files named, and text files found recursively in folders named, in a stable order.
    Missing paths are kept so that reading them reports the error."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            out.extend(str(f) for f in found)
        else:
            out.append(raw)
    return out


def decode(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {codec.upper()} text after its byte-order mark ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text draft")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8") from None


def read(path: str) -> Source:
    if path in ("-", STDIN):
        return Source(STDIN, decode(sys.stdin.buffer.read(), STDIN))
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory with no .txt, .md or .html files")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return Source(path, decode(data, path))
