"""A rule's own examples, LanguageTool-style: a hit example marks with [brackets] the exact
span the rule must report, so that a test holds the rule to that span and not merely to
"fired somewhere"; a miss example draws no finding of the rule unless it says `info`.

    hit:
      - "Gửi anh bản [báo cáo mật] nhé"              # one span; several pairs, several spans
      - {text: "Hồ sơ đóng dấu [MẬT] đây", match: "[MẬT]"}   # the text has its own brackets
      - {text: "...", matches: ["4817", "5290"]}     # several spans, in order of the text
    miss:
      - "Mật ong rừng đây"                            # plain text: brackets are literal here
      - {text: "Hôm nay mình ngu quá", info: true}   # the rule gives only an info note

A hit without brackets still loads (a user's own rule file need not pin spans); the test
of the shipped rules requires every hit to pin one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .sdk import RuleError
from ..safe_yaml import short

KINDS = ("hit", "miss")


@dataclass(frozen=True)
class Example:
    """An example draft: its plain text, and for a hit the spans the rule must report."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()  # (start, end) into text; () = not pinned
    info: bool = False  # a miss on which the rule gives an info-severity note, nothing higher

    @property
    def marked(self) -> str:
        """The text with each span in brackets (for a message; ambiguous if the text has its own)."""
        out, at = [], 0
        for start, end in self.spans:
            out += [self.text[at:start], "[", self.text[start:end], "]"]
            at = end
        return "".join(out) + self.text[at:]


def parse_examples(spec: Any, where: str) -> dict[str, list[Example]]:
    if not isinstance(spec, dict) or set(spec) != set(KINDS):
        raise RuleError(f"{where}: expected the keys 'hit' and 'miss'")
    parsed = {}
    for kind in KINDS:
        items = spec[kind]
        if not isinstance(items, list) or not items:
            raise RuleError(f"{where}.{kind}: expected a non-empty list of examples")
        parse = _hit if kind == "hit" else _miss
        parsed[kind] = [parse(item, f"{where}.{kind} #{n}") for n, item in enumerate(items, 1)]
    return parsed


def _hit(item: Any, where: str) -> Example:
    if isinstance(item, str):
        return _bracketed(item, where)
    text = _text_of(item, {"text", "match", "matches"}, where)
    if ("match" in item) == ("matches" in item):
        raise RuleError(f"{where}: give one of 'match' (a span) or 'matches' (a list of spans)")
    if "match" in item:
        wanted = [item["match"]]
    else:
        wanted = item["matches"]
        if not isinstance(wanted, list) or not wanted:
            raise RuleError(f"{where}: key 'matches': expected a non-empty list of texts")
    return Example(text, _located(text, wanted, where))


def _miss(item: Any, where: str) -> Example:
    if isinstance(item, str):
        return Example(item)
    text = _text_of(item, {"text", "info"}, where)
    info = item.get("info", False)
    if not isinstance(info, bool):
        raise RuleError(f"{where}: key 'info': expected true or false")
    return Example(text, info=info)


def _text_of(item: Any, keys: set[str], where: str) -> str:
    if not isinstance(item, dict):
        raise RuleError(f"{where}: expected a text or a mapping with 'text'")
    unknown = sorted(set(item) - keys)
    if unknown:
        raise RuleError(f"{where}: unknown key {short(unknown[0])}")
    text = item.get("text")
    if not isinstance(text, str) or not text:
        raise RuleError(f"{where}: key 'text': expected a non-empty text")
    return text


def _bracketed(marked: str, where: str) -> Example:
    """Text with [spans]: the brackets are removed, their places kept as spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    opened = -1  # start of the open span in the plain text, or -1
    size = 0
    for ch in marked:
        if ch == "[":
            if opened >= 0:
                raise RuleError(f"{where}: '[' inside a bracketed span in {short(marked)}"
                                " (a text with its own brackets uses {text: ..., match: ...})")
            opened = size
        elif ch == "]":
            if opened < 0:
                raise RuleError(f"{where}: ']' without '[' in {short(marked)}"
                                " (a text with its own brackets uses {text: ..., match: ...})")
            if opened == size:
                raise RuleError(f"{where}: empty span '[]' in {short(marked)}")
            spans.append((opened, size))
            opened = -1
        else:
            plain.append(ch)
            size += 1
    if opened >= 0:
        raise RuleError(f"{where}: '[' never closed in {short(marked)}")
    if not plain:
        raise RuleError(f"{where}: expected a non-empty text")
    return Example("".join(plain), tuple(spans))


def _located(text: str, wanted: list[Any], where: str) -> tuple[tuple[int, int], ...]:
    """The spans of `wanted` in `text`. Each text listed must be listed as many times as it
    occurs: a match that occurs more often would leave open which one is meant."""
    spans: list[tuple[int, int]] = []
    for piece in wanted:
        if not isinstance(piece, str) or not piece:
            raise RuleError(f"{where}: a match must be a non-empty text, not {short(piece)}")
        occurs, listed = _occurrences(text, piece), wanted.count(piece)
        if not occurs:
            raise RuleError(f"{where}: match {short(piece)} is not in the text {short(text)}")
        if len(occurs) != listed:
            raise RuleError(f"{where}: match {short(piece)} occurs {len(occurs)} times in the text "
                            f"but is listed {listed} times: list each occurrence")
        spans.append(occurs[wanted[:len(spans)].count(piece)])
    if len(set(spans)) != len(spans) or any(a[1] > b[0] for a, b in zip(sorted(spans), sorted(spans)[1:])):
        raise RuleError(f"{where}: matches overlap in the text {short(text)}")
    return tuple(sorted(spans))


def _occurrences(text: str, piece: str) -> list[tuple[int, int]]:
    found, at = [], text.find(piece)
    while at >= 0:
        found.append((at, at + len(piece)))
        at = text.find(piece, at + 1)
    return found
