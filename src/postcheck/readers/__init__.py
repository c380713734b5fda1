"""Input formats: one registry (READERS) from file suffix to Reader.

A Reader turns a file's bytes into the draft's text (bytes to text: encodings, byte-order
marks, a .docx's paragraphs) and gives the prose view of that text (Markdown and HTML: what
a reader sees, mapped back to the source; plain text is its own). Everything that depends
on the format asks here: reading (`read`), the prose view (`prose_view`), and which files
a folder holds (`expand` collects the registered suffixes). A file named on the command
line with another suffix, and standard input, are read as plain text.

A new format is a module with a Reader and one line in READERS.
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from ..files import reason
from ..messages import Said
from ..inputs import DEFAULT_MAX_SIZE, STDIN, InputError, Source, read_bounded, read_regular_bounded
from . import docx, html, markup, text
from .base import Prose, ReadOptions, Reader

__all__ = ["READERS", "SUFFIXES", "Prose", "ReadOptions", "Reader", "expand", "prose", "prose_view", "read",
           "reader_for"]

# in this order in messages ("a folder with no drafts (.txt .md … files)")
READERS: tuple[Reader, ...] = (text.READER, markup.READER, html.READER, docx.READER)
SUFFIXES: tuple[str, ...] = tuple(s for r in READERS for s in r.suffixes)


def reader_for(path: str) -> Reader:
    """The reader of `path`'s suffix (in any case); plain text for any other."""
    lower = path.lower()
    for reader in READERS:
        if lower.endswith(reader.suffixes):
            return reader
    return text.READER


def prose_view(path: str, source: str) -> Prose | None:
    """The prose of `source` (LF line ends) as the format of `path` shows it; None when
    that is the text itself."""
    return reader_for(path).prose(source)


def prose(path: str, source: str) -> str:
    """Only the prose text (tools and the fuzzer); the checker uses prose_view."""
    view = prose_view(path, source)
    return source if view is None else view.text.text


def read(path: str, *, encoding: str | None = None, max_size: int | None = DEFAULT_MAX_SIZE) -> Source:
    """The draft at `path` ("-" for standard input), read by the reader of its suffix.
    `encoding` forces one (utf-8, cp1258, tcvn3, vni or a Python codec name); `max_size` is
    in bytes (None: no limit), checked here before any reader sees the bytes. Only a
    regular file is read (files.py): a FIFO or device named here is an InputError."""
    if path in ("-", STDIN):
        if sys.stdin is None:  # started with standard input closed (`postcheck - <&-`)
            raise InputError(Said("input.stdin-closed", f"{STDIN}: "))
        try:
            data = read_bounded(sys.stdin.buffer, STDIN, max_size)
        except OSError as exc:
            raise InputError(reason(exc).after(f"{STDIN}: ")) from None
        return text.decode_source(data, STDIN, ReadOptions(encoding, max_size))
    try:
        data = read_regular_bounded(path, max_size)
    except (OSError, ValueError) as exc:
        # a folder is only read here when it held no draft or could not be listed (expand)
        raise InputError(_folder_problem(path) if _is_dir(path) else reason(exc).after(f"{path}: ")) from None
    return reader_for(path).decode(data, path, ReadOptions(encoding, max_size))


def _folder_problem(path: str) -> Said:
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return Said("input.folder-unlisted", f"{path}: ", reason=reason(exc))
    return Said("input.folder-empty", f"{path}: ", suffixes=" ".join(SUFFIXES))


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
                elif entry.name.lower().endswith(SUFFIXES) and entry.is_file():
                    found.append(Path(entry.path))
            except OSError:  # a link that loops or dangles is not a draft
                continue
    return found, unlisted
