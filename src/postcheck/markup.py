"""Markdown and HTML read as the prose a reader sees.

Markup is blanked out with spaces of the same length (line breaks kept), so the prose
keeps its exact offsets, lines and columns in the source file.
"""
from __future__ import annotations

import re

# an unclosed comment, script or style runs to the end (a lazy .*? that must find a
# closing mark would rescan the rest of the file from every opening: quadratic)
_HTML_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<[^<>]*>", re.S | re.I)
_MD_HIDDEN = re.compile(
    r"^(```|~~~).*?(?:^\1[^\n]*$|\Z)"  # fenced code blocks (an unclosed one runs to the end)
    r"|`[^`\n]+`"  # inline code
    r"|(?<=\])\([^)\s(\[\]]*(?:\s+\"[^\"\n]*\")?\)"  # link and image targets: ](url "title")
    r"|^\[[^\]]+\]:\s*\S+[^\n]*$"  # reference definitions (re.S: . would run to the end)
    r"|<[^<>\n]{1,500}>",  # autolinks and inline HTML (bounded: no rescans of a long line)
    re.S | re.M,
)
_HTML_ATTR_TEXT = re.compile(r"\b(?:alt|title)\s*=\s*\"([^\"]*)\"", re.I)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def html_prose(source: str) -> str:
    def hide(m: re.Match) -> str:
        tag = m.group(0)
        out = list(_blank(tag))
        # alt and title text is read by people: keep it in place
        if not tag.startswith("<!--") and m.group(1) is None:
            for attr in _HTML_ATTR_TEXT.finditer(tag):
                s, e = attr.span(1)
                out[s:e] = tag[s:e]
        return "".join(out)

    return _HTML_HIDDEN.sub(hide, source)


def markdown_prose(source: str) -> str:
    return _MD_HIDDEN.sub(lambda m: _blank(m.group(0)), source)


def prose(path: str, source: str) -> str:
    lower = path.lower()
    if lower.endswith((".html", ".htm")):
        return html_prose(source)
    if lower.endswith((".md", ".markdown")):
        return markdown_prose(source)
    return source
