"""Fitting report lines to the terminal's width.

The text report is written with soft wrapping off (terminal.py writes lines itself), so a
line longer than the terminal would be broken by the terminal wherever the edge falls,
mid-word. Here messages are wrapped at spaces, and a draft's line is cut around its
matches at word boundaries, so that no line is longer than the width. Widths are terminal
cells (rich's cell_len), not characters: a CJK character takes two.
"""
from __future__ import annotations

import re

from rich.cells import cell_len

Piece = tuple  # (text, style name or None)
_TOKEN = re.compile(r"\s+|\S+")
ELLIPSIS = "…"
CONTEXT = 60  # characters either side of the match when the width is not known (a pipe)


def wrap(pieces: list[Piece], width: int | None, indent: str) -> list[list[Piece]]:
    """`pieces` as lines of at most `width` cells, broken at spaces; lines after the first
    start with `indent`. A single word wider than the line is left whole (a URL cut in two
    is worse than one long line). `width` None: one line, as given."""
    if width is None:
        return [pieces]
    lines: list[list[Piece]] = [[]]
    used = 0
    pending_space: list[Piece] = []
    for text, style in pieces:
        for token in _TOKEN.findall(text):
            if token.isspace():
                pending_space.append((token, style))
                continue
            size = cell_len(token)
            space = sum(cell_len(t) for t, _ in pending_space)
            if used and used + space + size > width:
                lines.append([(indent, None)])
                used = cell_len(indent)
            else:
                lines[-1].extend(pending_space)
                used += space
            pending_space = []
            lines[-1].append((token, style))
            used += size
    lines[-1].extend(pending_space)
    return lines


def window(line: str, spans: list[tuple[int, int]], width: int | None) -> tuple[int, int]:
    """[left, right) of `line` to show: all of it when it fits, otherwise a stretch around
    the matches (`spans`, sorted, columns from 0) that fits in `width` cells with an
    ellipsis at each cut end, cut at spaces where there is one to cut at."""
    first, last = spans[0][0], max(e for _, e in spans)
    if width is None:
        return max(0, first - CONTEXT), min(len(line), max(last, first) + CONTEXT)
    if cell_len(line) <= width:
        return 0, len(line)
    room = max(width - 2 * cell_len(ELLIPSIS), 10)
    if cell_len(line[first:last]) > room:  # matches far apart: the first one leads
        last = first + 1
    # centre the matches, then cut back to whole words
    spare = room - cell_len(line[first:last])
    left = max(0, first - spare // 3)
    right = last
    while right < len(line) and cell_len(line[left:right + 1]) <= room:
        right += 1
    while left > 0 and cell_len(line[left - 1:right]) <= room:
        left -= 1
    if left > 0:
        cut = line.find(" ", left, first)
        left = cut + 1 if cut != -1 else left
    if right < len(line):
        cut = line.rfind(" ", last, right)
        right = cut if cut != -1 else right
    return left, right
