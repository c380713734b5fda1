"""Finding and reading the drafts the user named.

Bytes become text in this order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else
NUL bytes mean a binary file; else UTF-8; else, only when it is clear, a legacy Vietnamese
encoding (Windows-1258, TCVN3/ABC, VNI: see encodings.py) is detected from how many words
read as Vietnamese syllables, converted, and reported in `Source.encoding_notice`. Anything
else is refused with a message that suggests --encoding. `encoding=` forces one.

Files larger than `max_size` bytes are refused before they are read (no memory spent).
"""
from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from .files import open_regular, reason


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
STDIN = "<stdin>"
MB = 1024 * 1024
DEFAULT_MAX_SIZE = 20 * MB  # bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_LABELS = {"cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI Windows"}
_ENCODING_HINT = "--encoding cp1258, tcvn3 or vni"


class InputError(Exception):
    """A draft cannot be read; the message names it and says why."""


@dataclass(frozen=True)
class Source:
    path: str  # as the user named it, or <stdin>
    text: str
    encoding_notice: str | None = None  # set when a legacy encoding was detected and converted
    places: tuple | None = None  # .docx: each line's part and paragraph (docx_input.Place)

    @property
    def notice(self) -> str | None:
        return self.encoding_notice


def expand(paths: list[str]) -> list[str]:
    """Files named, and text files found recursively in folders named, in a stable order.
    Missing paths are kept so that reading them reports the error; so are a folder that
    holds no draft and a folder (or sub-folder) that cannot be listed, so that neither
    reads as "no problems, 0 files". Only regular files are collected (a FIFO called
    x.txt would block the reader)."""
    out: list[str] = []
    for raw in paths:
        if raw != "-" and _is_dir(raw):
            found, unlisted = _walk(raw)
            out.extend(str(f) for f in sorted(found))
            out.extend(unlisted)
            if not found and not unlisted:
                out.append(raw)
        else:
            out.append(raw)
    return out


def _is_dir(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # missing, a link loop, a name too long: read() says which
        return False


def _walk(root: str) -> tuple[list[Path], list[str]]:
    """(regular text files under `root`, folders that could not be listed). Links to
    folders are not followed (as Path.rglob did: a link to / or back up the tree would walk
    far or forever); links to files are."""
    found: list[Path] = []
    unlisted: list[str] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                items = list(entries)
        except OSError:
            unlisted.append(folder)
            continue
        for entry in items:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.name.lower().endswith(TEXT_SUFFIXES) and entry.is_file():
                    found.append(Path(entry.path))
            except OSError:  # a link that loops or dangles is not a draft
                continue
    return found, unlisted


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
                raise InputError(f"{name}: not valid {codec.upper()} text after its byte-order mark ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text draft")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    from . import encodings  # legacy encodings are rare: their tables load only for them

    legacy = encodings.guess(data)
    if legacy is not None:
        try:
            text = encodings.decode_legacy(data, legacy)
        except encodings.LegacyDecodeError:
            pass
        else:
            return text, (f"{name}: not UTF-8; read as {_LABELS[legacy]}, recognised from its Vietnamese words "
                          f"(give --encoding to choose another)")
    raise InputError(
        f"{name}: not UTF-8 text (byte 0x{data[bad]:02x} at offset {bad}); save it as UTF-8, "
        f"or name its encoding with {_ENCODING_HINT}") from None


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    from . import encodings

    legacy = encodings.legacy_name(encoding)
    if legacy:
        try:
            return encodings.decode_legacy(data, legacy)
        except encodings.LegacyDecodeError as exc:
            raise InputError(f"{name}: not {_LABELS[legacy]} text ({exc})") from None
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding '{encoding}' for --encoding (use utf-8, cp1258, tcvn3, vni "
                         "or another Python codec name)") from None
    if codec == "utf-8":
        codec = "utf-8-sig"  # a BOM is not text
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not {encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    except Exception as exc:  # codecs that are not text encodings (base64, zlib…)
        raise InputError(f"{name}: cannot decode as '{encoding}' ({exc.__class__.__name__})") from None


def _size(n: float, above: float | None = None) -> str:
    """`n` bytes in MB, as short as it can be while still showing it is more than `above` MB."""
    value = n / MB
    if value == int(value):
        return str(int(value))
    for digits in range(1, 8):
        shown = f"{value:.{digits}f}" if value >= 0.1 else f"{value:.{digits + 1}g}"
        if above is None or float(shown) > above:
            return shown
    return repr(value)


def over_limit(size: int | None, max_size: int) -> str:
    """"3.5 MB is over the --max-size limit of 2 MB" (size None: not known, only more)."""
    limit = _size(max_size)
    actual = f"{_size(size, max_size / MB)} MB" if size and size > max_size else f"more than {limit} MB"
    return f"{actual} is over the --max-size limit of {limit} MB"


def too_big(name: str, size: int | None, max_size: int) -> InputError:
    return InputError(f"{name}: {over_limit(size, max_size)}")


def read_regular_bounded(path: str, max_size: int | None) -> bytes:
    """The bytes of the regular file `path`: InputError when over max_size (known from its
    size before reading, or found while reading); OSError or ValueError when it cannot be
    opened or is no regular file."""
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if max_size is not None and size > max_size:
            raise too_big(path, size, max_size)
        return read_bounded(f, path, max_size, size or None)


def read_bounded(stream, name: str, max_size: int | None, size: int | None = None) -> bytes:
    """At most max_size bytes, or InputError: a bigger input is never held in memory."""
    if max_size is None:
        return stream.read()
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        raise too_big(name, size, max_size)
    return data


def read(path: str, *, encoding: str | None = None, max_size: int | None = DEFAULT_MAX_SIZE) -> Source:
    """The draft at `path` ("-" for standard input). `encoding` forces one (utf-8, cp1258,
    tcvn3, vni or a Python codec name); `max_size` is in bytes (None: no limit). Only a
    regular file is read (files.py): a FIFO or device named here is an InputError."""
    if path in ("-", STDIN):
        if sys.stdin is None:  # started with standard input closed (`postcheck - <&-`)
            raise InputError(f"{STDIN}: standard input is closed")
        try:
            data = read_bounded(sys.stdin.buffer, STDIN, max_size)
        except OSError as exc:
            raise InputError(f"{STDIN}: {reason(exc)}") from None
        text, notice = decode_with_notice(data, STDIN, encoding=encoding)
        return Source(STDIN, text, notice)
    try:
        data = read_regular_bounded(path, max_size)
    except (OSError, ValueError) as exc:
        # a folder is only read here when it held no draft or could not be listed (expand)
        raise InputError(_folder_problem(path) if _is_dir(path) else f"{path}: {reason(exc)}") from None
    text, notice = decode_with_notice(data, path, encoding=encoding)
    return Source(path, text, notice)


def _folder_problem(path: str) -> str:
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return f"{path}: folder cannot be listed: {reason(exc)}"
    return f"{path}: is a folder with no drafts ({' '.join(TEXT_SUFFIXES)} files)"
