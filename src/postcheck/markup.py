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


def _code_kept(m: re.Match) -> str:
    """Code's content in place, its fences and backticks blanked; other markup blanked."""
    code = m.group(0)
    if m.group(1):  # a fenced block: its first line and a closing fence line go
        first = code.find("\n")
        if first == -1:
            return _blank(code)
        body, last = code[first:], code.rfind("\n")
        closed = last > first and code[last + 1:].lstrip().startswith(m.group(1))
        if closed:
            return _blank(code[:first]) + code[first:last + 1] + _blank(code[last + 1:])
        return _blank(code[:first]) + body
    if code.startswith("`"):
        return " " + code[1:-1] + " "
    return _blank(code)


def markdown_prose(source: str, keep_code: bool = False) -> str:
    return _MD_HIDDEN.sub(_code_kept if keep_code else (lambda m: _blank(m.group(0))), source)


def prose(path: str, source: str) -> str:
    lower = path.lower()
    if lower.endswith((".html", ".htm")):
        return html_prose(source)
    if lower.endswith((".md", ".markdown")):
        return markdown_prose(source)
    return source


def with_code(path: str, source: str) -> str | None:
    """The text that secret and personal-data rules read: prose *and* code (a password in a
    code block is as visible to readers as one in a sentence; language rules do not judge
    code). None when `prose` hides no code from this format."""
    if path.lower().endswith((".md", ".markdown")):
        return markdown_prose(source, keep_code=True)
    return None
