"""HTML read as the text a browser shows, every character mapped to its source span.

A tokenizer after the HTML5 rules that matter for prose, not a tree builder: text between
tags with character references decoded by the standard library's HTML5 table
(html.unescape), whitespace runs shown as one space, inline tags joined (`tài liệu
<b>mật</b>` is one phrase), block tags a line break, alt and title attributes kept,
comments and the content of script, style, template and code elements skipped.

Why not a parser library (measured on a 10 MB CMS page, Python 3.11.7): selectolax/lexbor
parses it in 0.3 s but gives no source positions, and took over 10 s on 300,000 nested
<div>; html5lib takes about 20 s (2.1 s a MB) and gives no positions either; the
standard html.parser gives positions (2.9 s) but is quadratic on unclosed end tags in this
Python (92 s for 900 KB of "</a"). Every pattern here is possessive or bounded, and an
unclosed construct runs to the end of the file as HTML5 says, so each character is looked
at a bounded number of times.
"""
from __future__ import annotations

import html
import re

from ..textmap import MappedBuilder, MappedText
from .base import Prose, Reader
from .text import decode_source

# what follows "<" decides (HTML5 tokenizer): a letter opens a tag, "/"+letter closes one,
# "!" and "?" open a comment, doctype or bogus comment; anything else is text
_MARKUP = re.compile(r"<(?:!--|[a-zA-Z/!?])")
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*+)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
_BOGUS = re.compile(r"<[/!?][^>]*+>")
_COMMENT_END = re.compile(r"--!?>")
_ATTR = re.compile(r"(?:^|[\s/])(alt|title)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))", re.I)
_REFERENCE = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_SPACE = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")

# elements whose content no reader sees (code is checked by secret rules in Markdown only)
_SKIPPED = {"script", "style", "template", "noscript", "code", "svg", "math"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "img", "li", "main", "nav", "ol", "option", "p", "pre", "section",
    "table", "td", "th", "title", "tr", "ul",
}


def _decoded(builder: MappedBuilder, source: str, start: int, end: int, attribute: bool = False) -> None:
    """source[start:end] as shown: references decoded, whitespace runs one space."""
    pos = start
    for m in _REFERENCE.finditer(source, start, end):
        _spaced(builder, source, pos, m.start())
        value = html.unescape(m.group(0))
        if value == m.group(0):  # not a reference HTML knows: shown as written
            builder.keep(m.start(), m.end())
        else:
            builder.replace(m.start(), m.end(), value.replace("\xa0", " "))
        pos = m.end()
    _spaced(builder, source, pos, end)


def _spaced(builder: MappedBuilder, source: str, start: int, end: int) -> None:
    pos = start
    for m in _SPACE.finditer(source, start, end):
        builder.keep(pos, m.start())
        builder.replace(m.start(), m.end(), " ")
        pos = m.end()
    builder.keep(pos, end)


def _break(builder: MappedBuilder, at: int) -> None:
    if builder.length and not builder.parts[-1].endswith("\n"):
        builder.replace(at, at, "\n")


def html_into(builder: MappedBuilder, source: str, start: int, end: int) -> None:
    """Append the shown text of source[start:end] to `builder`."""
    pos = start
    while pos < end:
        m = _MARKUP.search(source, pos, end)
        if m is None:
            _decoded(builder, source, pos, end)
            return
        _decoded(builder, source, pos, m.start())
        at = m.start()
        if source.startswith("<!--", at):
            close = _COMMENT_END.search(source, at + 4, end)
            pos = close.end() if close else end
            continue
        tag = _TAG.match(source, at, end)
        if tag is None:
            bogus = _BOGUS.match(source, at, end)
            if bogus is None and source[at + 1] not in "/!?":
                return  # a tag never closed: the rest of the file is inside it (HTML5)
            pos = bogus.end() if bogus else end
            continue
        name = tag.group(2).lower()
        if name in _BLOCK:
            _break(builder, at)
        for attr in _ATTR.finditer(tag.group(3)):
            offset = tag.start(3)
            group = next(g for g in (2, 3, 4) if attr.group(g) is not None)
            if attr.group(group).strip():
                _break(builder, at)
                _decoded(builder, source, offset + attr.start(group), offset + attr.end(group), True)
                _break(builder, at)
        pos = tag.end()
        if name in _SKIPPED and not tag.group(1) and not tag.group(3).rstrip().endswith("/"):
            close = re.compile("</" + re.escape(name), re.I).search(source, pos, end)
            pos = end if close is None else close.start()


def read_html(source: str) -> Prose:
    """The shown text of an HTML `source` (LF line ends)."""
    builder = MappedBuilder(MappedText.identity(source))
    html_into(builder, source, 0, len(source))
    return Prose(builder.build())


READER = Reader("html", (".html", ".htm"), decode_source, read_html)
