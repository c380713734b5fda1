"""Markdown read as the prose a reader sees, mapped back to the source.

The prose is what a browser or a Markdown viewer shows: character references decoded
(`t&agrave;i&nbsp;li&#7879;u` is "tài liệu"), inline markup joined (`tài liệu **mật**` is
one phrase), alt and title text kept, code, link targets, comments, scripts and front
matter left out. It is no longer the source's length, so it is built with textmap's
MappedBuilder: every character remembers the source span it came from, and findings are
reported there (runner.py). HTML goes through html.py.

Markdown goes through markdown-it-py (CommonMark, the parser rich already depends on), whose
block tokens carry source lines; each inline piece is then found in the source from a cursor
that only moves forward, so the work stays linear.
"""
from __future__ import annotations

import re

from ..textmap import MappedBuilder, MappedText
from .base import Prose, Reader
from .html import html_into
from .text import decode_source


def read_markdown(source: str) -> Prose:
    """The prose of a Markdown `source` (LF line ends), and its prose with the code."""
    # readers see code too: a password in a code block is as public as one in a sentence
    prose_only, with_code = _MarkdownReader(source, False), _MarkdownReader(source, True)
    for tokens in _markdown_tokens(source):  # each stretch parsed once, read twice
        prose_only.read(tokens)
        with_code.read(tokens)
    return Prose(prose_only.out.build(), with_code.out.build())


READER = Reader("markdown", (".md", ".markdown"), decode_source, read_markdown)


# ---- Markdown --------------------------------------------------------------------------

def _parser():
    from markdown_it import MarkdownIt

    # text_join would merge decoded entities and escapes into the text around them; kept
    # apart, each text token is a literal slice of the source and each text_special knows
    # its source form (markup), so both can be found in the source
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


_PARSER = None


def _front_matter_end(source: str) -> int:
    """Where a YAML (---) or TOML (+++) front matter block ends, 0 when there is none."""
    for fence in ("---", "+++"):
        if source.startswith(fence + "\n"):
            close = source.find("\n" + fence + "\n", len(fence))
            if close != -1:
                return close + len(fence) + 2
            if source.endswith("\n" + fence):
                return len(source)
    return 0


class _MarkdownReader:
    def __init__(self, source: str, keep_code: bool):
        self.source = source
        # markdown-it reads NUL as U+FFFD; so does the copy that pieces are looked up in
        self.find_in = source.replace("\0", "\ufffd")
        self.out = MappedBuilder(MappedText.identity(source))
        self.keep_code = keep_code
        self.cursor = 0
        self.line_starts = [0]
        pos = source.find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = source.find("\n", pos + 1)

    def line_offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.source)

    def separate(self) -> None:
        """A block ends: a paragraph break, standing for no source character."""
        if self.out.length and not self.out.parts[-1].endswith("\n\n"):
            self.out.replace(self.cursor, self.cursor, "\n\n")

    def find(self, piece: str, end: int) -> int:
        """Where `piece` starts at or after the cursor (before `end`), -1 if not there."""
        return self.find_in.find(piece, self.cursor, end) if piece else -1

    def emit_literal(self, piece: str, end: int) -> None:
        at = self.find(piece, end)
        if at == -1:
            return
        self.out.keep(at, at + len(piece))
        self.cursor = at + len(piece)

    def skip_literal(self, piece: str, end: int) -> None:
        at = self.find(piece, end)
        if at != -1:
            self.cursor = at + len(piece)

    def read(self, tokens) -> None:
        for token in tokens:
            if token.map:
                self.cursor = max(self.cursor, self.line_offset(token.map[0]))
            kind = token.type
            if kind == "inline":
                self.inline(token.children or [], self.line_offset(token.map[1]))
                self.separate()
            elif kind in ("fence", "code_block"):
                self.code_block(token)
            elif kind == "html_block":
                start, end = self.line_offset(token.map[0]), self.line_offset(token.map[1])
                html_into(self.out, self.source, start, end)
                self.cursor = end
                self.separate()

    def code_block(self, token) -> None:
        first, last = token.map
        start, end = self.line_offset(first), self.line_offset(last)
        if token.type == "fence":
            start = self.line_offset(first + 1)  # the opening fence line with its info string
            closing = self.source[self.line_offset(last - 1):end].strip()
            if last - 1 > first and closing.startswith(token.markup):
                end = self.line_offset(last - 1)
        if self.keep_code and end > start:
            self.separate()
            self.out.keep(start, end)
            self.separate()
        self.cursor = max(self.cursor, self.line_offset(last))

    def inline(self, children, end: int) -> None:
        in_autolink = False
        for child in children:
            kind = child.type
            if kind == "text":
                if not in_autolink or child.content:  # an autolink's text is its address, shown as such
                    self.emit_literal(child.content, end)
            elif kind == "text_special":  # an entity or a backslash escape: decoded, found by its source form
                at = self.find(child.markup, end)
                if at != -1:
                    self.out.replace(at, at + len(child.markup), child.content.replace("\xa0", " "))
                    self.cursor = at + len(child.markup)
            elif kind in ("softbreak", "hardbreak"):
                at = self.find("\n", end)
                if at != -1:
                    self.out.keep(at, at + 1)
                    self.cursor = at + 1
            elif kind == "code_inline":
                if self.keep_code:
                    self.emit_literal(child.content, end)
                else:
                    self.skip_literal(child.content, end)
            elif kind == "image":
                # alt text is markup-free text in the children; the title follows the target
                self.inline(child.children or [], end)
                title = child.attrs.get("title")
                if title:
                    self.out.replace(self.cursor, self.cursor, " ")
                    self.emit_literal(str(title), end)
                self.skip_literal(")", end)
            elif kind == "link_open":
                in_autolink = child.markup == "autolink"
            elif kind == "link_close":
                in_autolink = False
                # a target such as (https://x.vn/tai-lieu-mat "title") is passed over
                if self.cursor < end and self.source.startswith("](", self.cursor):
                    close = self.source.find(")", self.cursor, end)
                    self.cursor = close + 1 if close != -1 else self.cursor
            # html_inline (a tag), emphasis and strong marks, link ends: nothing a reader sees


STRETCH = 200_000  # characters of Markdown parsed at a time

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _stretches(source: str, size: int | None = None) -> list[tuple[int, int]]:
    """[start, end) line ranges of about `size` characters, each ending at a blank line
    outside a fenced block. markdown-it-py holds about 100 bytes of tokens a character of
    input (a 10 MB file took 1.3 GB and a minute in one piece); stretches keep the tokens of
    one at a time. Only reference-style links whose definition is in another stretch are
    read differently: their brackets show, their targets still never do."""
    size = size or STRETCH
    out, start = [], 0
    fence_open = None
    pos = 0
    while len(source) - start > size:
        cut = -1
        for m in _BLANK_LINE.finditer(source, max(pos, start + size // 2)):
            # fences opened or closed before this blank line decide whether it is inside one
            for f in _FENCE.finditer(source, pos, m.start()):
                mark = f.group(1)
                if fence_open is None:
                    fence_open = mark
                elif mark[0] == fence_open[0] and len(mark) >= len(fence_open):
                    fence_open = None
            pos = m.start()
            if fence_open is None:
                cut = m.end()
                break
            if m.start() - start > 10 * size:
                break  # an endless fenced block: parsed whole, it is one token
        if cut == -1:
            break
        out.append((start, cut))
        start = cut
    out.append((start, len(source)))
    return out


def _markdown_tokens(source: str):
    """Token lists for successive stretches of `source`, their lines counted in `source`."""
    global _PARSER
    if _PARSER is None:
        _PARSER = _parser()
    skip = _front_matter_end(source)
    # front matter is blanked to the same length, so token lines still count in the source
    parsed = source if not skip else "".join(c if c == "\n" else " " for c in source[:skip]) + source[skip:]
    first_line = 0
    for start, end in _stretches(parsed):
        tokens = _PARSER.parse(parsed[start:end])
        if first_line:
            for token in tokens:
                if token.map:
                    token.map = [token.map[0] + first_line, token.map[1] + first_line]
        yield tokens
        first_line += parsed.count("\n", start, end)
