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
from typing import Callable, Iterable

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
    """Accumulates output text with the original span each character stands for.

    The one way postcheck builds an offset map (normalization passes, markup, HTML). A
    pass reads its source forward, edit after edit: the source piece last read is kept,
    so the next is found by stepping on from it, not by a search each time (a pass with
    thousands of edits over a text of thousands of pieces would pay a bisect per call).
    A read behind it is looked up. Over an identity source no piece is looked up at all."""

    __slots__ = ("parts", "piece_starts", "pieces", "length", "source", "_p", "_identity")

    def __init__(self, source: MappedText):
        self.source = source
        self.parts: list[str] = []
        self.piece_starts: list[int] = []
        self.pieces: list[tuple[int, int, int, int]] = []
        self.length = 0
        self._p = 0  # the source piece last read
        # source character k is original character k (the first view of a text): no lookup
        self._identity = len(source.pieces) == 1 and source.pieces[0] == (len(source.text), LINEAR, 0, len(source.text))

    def _piece_at(self, i: int) -> int:
        """The index of the source piece holding source character i (i < len(text))."""
        p = self._p
        src = self.source
        if src.piece_starts[p] > i:
            return bisect_right(src.piece_starts, i) - 1
        pieces = src.pieces
        while pieces[p][0] <= i:
            p += 1
        return p

    def _add(self, length: int, kind: int, o_start: int, o_end: int) -> None:
        if length <= 0:
            return
        pieces = self.pieces
        if pieces and kind == LINEAR:
            p_end, p_kind, p_start, p_oend = pieces[-1]
            # a linear piece that continues the previous one extends it
            if p_kind == LINEAR and p_oend == o_start:
                pieces[-1] = (p_end + length, LINEAR, p_start, o_end)
                self.length += length
                return
        self.piece_starts.append(self.length)
        self.length += length
        pieces.append((self.length, kind, o_start, o_end))

    def keep(self, i: int, j: int) -> None:
        """Copy source characters i..j unchanged."""
        if j <= i:
            return
        src = self.source
        self.parts.append(src.text[i:j])
        if self._identity:
            # inline (no _add call): the first view of every text keeps most of it this way
            n = j - i
            pieces = self.pieces
            if pieces:
                last = pieces[-1]
                if last[1] == LINEAR and last[3] == i:  # continues the previous linear piece
                    pieces[-1] = (last[0] + n, LINEAR, last[2], j)
                    self.length += n
                    return
            self.piece_starts.append(self.length)
            self.length += n
            pieces.append((self.length, LINEAR, i, j))
            return
        p = self._piece_at(i)
        starts, pieces = src.piece_starts, src.pieces
        while True:
            p_end, kind, o_start, o_end = pieces[p]
            stop = j if p_end >= j else p_end
            if kind == LINEAR:
                offset = o_start + (i - starts[p])
                self._add(stop - i, LINEAR, offset, offset + (stop - i))
            else:
                self._add(stop - i, FIXED, o_start, o_end)
            if stop == j:
                break
            i = stop
            p += 1
        self._p = p

    def replace(self, i: int, j: int, new: str) -> None:
        """Emit `new` as standing for source characters i..j (for i == j: the point there)."""
        if not new:
            return
        src = self.source
        if j <= i:
            o_start, o_end = src.original_span(i, j)
        elif self._identity:
            o_start, o_end = i, j
        else:
            p = self._piece_at(i)
            pieces = src.pieces
            p_end, kind, first, last = pieces[p]
            o_start = first + (i - src.piece_starts[p]) if kind == LINEAR else first
            if j > p_end:  # the last character is in a later piece
                while pieces[p][0] < j:
                    p += 1
                _, kind, first, last = pieces[p]
            o_end = first + (j - src.piece_starts[p]) if kind == LINEAR else last
            self._p = p
        self.parts.append(new)
        self.piece_starts.append(self.length)
        self.length += len(new)
        self.pieces.append((self.length, FIXED, o_start, o_end))

    def build(self) -> MappedText:
        return MappedText("".join(self.parts), self.piece_starts, self.pieces, self.source.original_length)


def apply_edits(mt: MappedText, edits: list[tuple[int, int, str]]) -> MappedText:
    """`mt` with each edit (start, end, new) applied: `new` stands for mt's [start, end).
    Edits are sorted and do not overlap. No edit: `mt` itself."""
    if not edits:
        return mt
    out = MappedBuilder(mt)
    keep, replace = out.keep, out.replace
    pos = 0
    for start, end, new in edits:
        keep(pos, start)
        replace(start, end, new)
        pos = end
    keep(pos, len(mt.text))
    return out.build()


Op = tuple  # ("keep", i, j) or ("put", i, j, text)


def rewrite(mt: MappedText, pattern: re.Pattern, ops: Callable[[re.Match], Iterable[Op]]) -> MappedText:
    """Apply `ops` to every match of `pattern`, keeping the offset map. No match: `mt` itself."""
    out = MappedBuilder(mt)
    pos = 0
    changed = False
    for m in pattern.finditer(mt.text):
        out.keep(pos, m.start())
        for op in ops(m):
            if op[0] == "keep":
                out.keep(op[1], op[2])
            else:
                out.replace(op[1], op[2], op[3])
        pos = m.end()
        changed = True
    if not changed:
        return mt
    out.keep(pos, len(mt.text))
    return out.build()


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
