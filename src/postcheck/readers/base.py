"""What every reader shares: how it is called (Reader), what it is given (ReadOptions)
and the prose view markup readers give (Prose)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..inputs import DEFAULT_MAX_SIZE, Source
from ..textmap import MappedText


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # forced by --encoding; None: detected (text.py)
    max_size: int | None = DEFAULT_MAX_SIZE  # bytes; None: no limit


@dataclass(frozen=True)
class Prose:
    text: MappedText  # what language rules read
    code: MappedText | None = None  # prose and code, for secret and personal-data rules


def no_prose(source: str) -> Prose | None:
    """Plain text is its own prose."""
    return None


@dataclass(frozen=True)
class Reader:
    """One input format. `decode`: the file's bytes (already bounded by max_size) as the
    draft's text; `prose`: the prose a reader of that text sees, mapped back to it, or
    None when that is the text itself. `prose` is given the text with LF line ends."""

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot
    decode: Callable[[bytes, str, ReadOptions], Source]
    prose: Callable[[str], Prose | None] = no_prose
