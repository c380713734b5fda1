"""Text that remembers where each of its characters came from in the user's original.

Every normalization step (dropping zero-width characters, composing NFD, expanding
teencode…) produces a new MappedText whose characters each stand for a [start, end) span
of original characters. Findings are located in the normalized text and reported
through this map, so positions always point into what the user gave.

The map is piecewise: a *linear* piece says "these characters are the original's, one
for one, from offset o"; a *fixed* piece says "each of these characters stands for the
whole original span [o, e)" (a replacement such as teencode). A text with few edits
has few pieces, so a 10 MB draft costs a few pieces, not two integers a character.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

LINEAR, FIXED = 0, 1


@dataclass(frozen=True)
class MappedText:
    text: str
    piece_starts: list[int]  # output offset where each piece begins (sorted)
    pieces: list[tuple[int, int, int, int]]  # (output end, kind, original start, original end)
    original_length: int

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        return cls(text, [0], [(len(text), LINEAR, 0, len(text))], len(text))

    def char_span(self, k: int) -> tuple[int, int]:
        """The original span behind text[k]."""
        i = bisect_right(self.piece_starts, k) - 1
        end, kind, o_start, o_end = self.pieces[i]
        if kind == LINEAR:
            pos = o_start + (k - self.piece_starts[i])
            return pos, pos + 1
        return o_start, o_end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) behind text[start:end]."""
        if not self.text:
            return 0, 0
        if end <= start:
            pos = self.char_span(start)[0] if start < len(self.text) else self.original_length
            return pos, pos
        return self.char_span(start)[0], self.char_span(end - 1)[1]

    # per-character views, for tests and tools; the checker itself never builds them
    @property
    def starts(self) -> array:
        return array("q", (self.char_span(k)[0] for k in range(len(self.text))))

    @property
    def ends(self) -> array:
        return array("q", (self.char_span(k)[1] for k in range(len(self.text))))


class MappedBuilder:
    """Accumulates output text with the original span each character stands for."""

    __slots__ = ("parts", "piece_starts", "pieces", "length", "source")

    def __init__(self, source: MappedText):
        self.source = source
        self.parts: list[str] = []
        self.piece_starts: list[int] = []
        self.pieces: list[tuple[int, int, int, int]] = []
        self.length = 0

    def _add(self, length: int, kind: int, o_start: int, o_end: int) -> None:
        if length <= 0:
            return
        if self.pieces:
            p_end, p_kind, p_start, p_oend = self.pieces[-1]
            # a linear piece that continues the previous one extends it
            if kind == LINEAR and p_kind == LINEAR and p_oend == o_start:
                self.pieces[-1] = (p_end + length, LINEAR, p_start, o_end)
                self.length += length
                return
        self.piece_starts.append(self.length)
        self.length += length
        self.pieces.append((self.length, kind, o_start, o_end))

    def keep(self, i: int, j: int) -> None:
        """Copy source characters i..j unchanged."""
        if j <= i:
            return
        src = self.source
        self.parts.append(src.text[i:j])
        p = bisect_right(src.piece_starts, i) - 1
        while i < j:
            p_start = src.piece_starts[p]
            p_end, kind, o_start, o_end = src.pieces[p]
            stop = min(j, p_end)
            if kind == LINEAR:
                offset = o_start + (i - p_start)
                self._add(stop - i, LINEAR, offset, offset + (stop - i))
            else:
                self._add(stop - i, FIXED, o_start, o_end)
            i = stop
            p += 1

    def replace(self, i: int, j: int, new: str) -> None:
        """Emit `new` as standing for source characters i..j (j > i)."""
        if not new:
            return
        o_start, o_end = self.source.original_span(i, j)
        self.parts.append(new)
        self._add(len(new), FIXED, o_start, o_end)

    def build(self) -> MappedText:
        return MappedText("".join(self.parts), self.piece_starts, self.pieces, self.source.original_length)


# Windows writes CRLF, Unix LF and old Mac editors a lone CR: each ends a line
_LINE_BREAK = re.compile(r"\r\n?|\n")
_LONE_CR = re.compile(r"\r(?!\n)")


def lf_line_ends(text: str) -> str:
    """`text` with every lone CR read as LF: the same length, so offsets stay valid, and
    sentence splitting, blocks and markup, which look for "\n", see every line end."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


class LineIndex:
    """Line and column (1-based, in characters) of offsets into one text; CRLF, LF and a
    lone CR each end a line."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0]
        if "\r" in text:
            self.line_starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
            return
        pos = text.find("\n")  # the common case, without the regular expression's cost
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        # the slice holds exactly one line break, at its end
        return self.text[start:end].rstrip("\r\n")
