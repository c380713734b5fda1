"""Draft text as the text report may print it on a terminal.

A draft can hold control characters: ESC starts CSI and OSC sequences that erase report
lines, move the cursor or retitle the window, a carriage return overwrites the line, bidi
overrides reorder what follows. Each is shown as a visible escape (``\\x1b``, ``\\u202e``)
instead, so the report shows what the draft holds and nothing can rewrite the report.
"""
from __future__ import annotations

import re

from .masking import PAD

# C0 controls but tab, DEL, C1 controls, and the bidi embeddings, overrides and isolates
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069" + PAD + "]")


def _escape(m: re.Match) -> str:
    c = m.group(0)
    if c == PAD:  # the filler of a masked secret: never shown
        return ""
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def printable(text: str) -> str:
    return _CONTROL.sub(_escape, text)
