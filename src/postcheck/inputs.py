"""What every input shares: the draft read (Source), why one cannot be (InputError), and
reading bytes within --max-size.

Files larger than `max_size` bytes are refused before they are read (no memory spent).
Which formats are read, and how their bytes become text, is the readers' business
(readers/: a registry by file suffix).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from .files import open_regular
from .messages import Number, Said

STDIN = "<stdin>"
MB = 1024 * 1024
DEFAULT_MAX_SIZE = 20 * MB  # bytes


class InputError(Exception):
    """A draft cannot be read; the message names it and says why."""


@dataclass(frozen=True)
class Source:
    path: str  # as the user named it, or <stdin>
    text: str
    encoding_notice: str | None = None  # set when a legacy encoding was detected and converted
    places: tuple | None = None  # .docx: each line's part and paragraph (readers.docx.Place)
    # .docx: (line of a Word comment's paragraph, first line, last line the comment is on)
    comment_anchors: tuple = ()

    @property
    def notice(self) -> str | None:
        return self.encoding_notice


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


def over_limit(size: int | None, max_size: int) -> Said:
    """"3.5 MB is over the --max-size limit of 2 MB" (size None: not known, only more)."""
    limit = Number(_size(max_size))
    if size and size > max_size:
        return Said("input.too-big", size=Number(_size(size, max_size / MB)), limit=limit)
    return Said("input.too-big-unknown", limit=limit)


def too_big(name: str, size: int | None, max_size: int) -> InputError:
    return InputError(over_limit(size, max_size).after(f"{name}: "))


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
