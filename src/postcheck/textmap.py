"""Text that remembers where each of its characters came from in the user's original.

Every normalization step (dropping zero-width characters, composing NFD, expanding
teencode…) produces a new MappedText whose characters each carry the [start, end)
span of original characters they stand for. Findings are located in the normalized
text and reported through this map, so positions always point into what the user gave.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class MappedText:
    text: str
    starts: array  # starts[i]: original offset of the first character behind text[i]
    ends: array  # ends[i]: original offset just past the last character behind text[i]
    original_length: int

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        n = len(text)
        return cls(text, array("l", range(n)), array("l", range(1, n + 1)), n)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) behind text[start:end] (end > start)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.text) else self.original_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]


class MappedBuilder:
    """Accumulates output characters with the original span each one stands for."""

    __slots__ = ("parts", "starts", "ends", "source")

    def __init__(self, source: MappedText):
        self.source = source
        self.parts: list[str] = []
        self.starts = array("l")
        self.ends = array("l")

    def keep(self, i: int, j: int) -> None:
        """Copy source characters i..j unchanged."""
        if j <= i:
            return
        src = self.source
        self.parts.append(src.text[i:j])
        self.starts.extend(src.starts[i:j])
        self.ends.extend(src.ends[i:j])

    def replace(self, i: int, j: int, new: str) -> None:
        """Emit `new` as standing for source characters i..j (j > i)."""
        if not new:
            return
        src = self.source
        s, e = src.starts[i], src.ends[j - 1]
        self.parts.append(new)
        self.starts.extend([s] * len(new))
        self.ends.extend([e] * len(new))

    def build(self) -> MappedText:
        return MappedText("".join(self.parts), self.starts, self.ends, self.source.original_length)


class LineIndex:
    """Line and column (1-based, in characters) of offsets into one text."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")
