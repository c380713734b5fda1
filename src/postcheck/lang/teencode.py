"""Teencode: the short forms of chat Vietnamese ("ko" không, "dc" được), their table, and
how its words are found in a text as whole tokens."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .resources import read_teencode


@lru_cache(maxsize=1)
def teencode_table() -> dict[str, str]:
    """The shipped teencode table (data/teencode.tsv): short form → full spelling."""
    table = {}
    for line in read_teencode().splitlines():
        if line.strip() and not line.startswith("#"):
            short, full = line.split("\t")
            table[short.strip()] = full.strip()
    return table


@lru_cache(maxsize=8)
def teencode_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Only the table's own words, as whole tokens: far fewer matches than every token."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


_ALNUM_WORD = re.compile(r"[^\W_]+")


class TeencodePlan(NamedTuple):
    pattern: re.Pattern  # teencode_pattern
    fast: re.Pattern | None  # teencode_fast_pattern
    plain_expansions: bool  # every word a token, every expansion words split by single spaces


@lru_cache(maxsize=8)
def teencode_plan(items: tuple[tuple[str, str], ...]) -> TeencodePlan:
    words = tuple(sorted(word for word, _ in items))
    fast = teencode_fast_pattern(words)
    plain = fast is not None and all(full and full == " ".join(full.split()) for _, full in items)
    return TeencodePlan(teencode_pattern(words), fast, plain)


def teencode_edits(text: str, teencode: dict[str, str], plan: TeencodePlan) -> list[tuple[int, int, str]]:
    """The edits of the teencode pass: each of teencode_pattern's matches spelt out."""
    if plan.fast is None:  # a word that is not one alphanumeric token: the plain way
        found: Iterable[tuple[int, int]] = (m.span() for m in plan.pattern.finditer(text))
    else:
        found = (m.span(1) for m in plan.fast.finditer(text))
        first = plan.pattern.match(text, 0)
        if first is not None:
            found = itertools.chain((first.span(),), found)
    edits = []
    for start, end in found:
        word = text[start:end]
        full = teencode.get(word)
        if full is None:
            continue
        if len(word) == 1 and text[max(0, start - 3):start].rstrip(" ")[-1:].isdigit():
            continue  # "50 k", "3 m": a single letter after a number is a unit, not teencode
        if glued(text, start, end):
            continue  # "Bng@2024": a piece of a password or an address (_GLUE)
        edits.append((start, end, full))
    return edits


@lru_cache(maxsize=8)
def teencode_fast_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """The table's words as whole tokens, found from the non-alphanumeric character before
    them (a character set `re` can jump to), the alternatives as a trie. The word is group 1.

    When every word is one alphanumeric token, teencode_pattern matches at s exactly when
    s starts a token (text start, or a non-alphanumeric character before it) and the whole
    token is a word: the same tokens this pattern finds, but for one at the text start. Its
    hits never overlap one another's words: each ends before a non-alphanumeric character."""
    if not words or not all(_ALNUM_WORD.fullmatch(w) for w in words):
        return None
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        branches = [re.escape(ch) + alternation(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(rf"[\W_]({alternation(trie)})(?![^\W_])")


# a word joined by one of these to letters or digits is a piece of a password, an address or
# a code ("Bng@Tang3#2025", "bng@mofa"), not teencode: spelt out it would split the value
_GLUE = frozenset("@#$%&*")


def glued(text: str, start: int, end: int) -> bool:
    return ((start > 1 and text[start - 1] in _GLUE and text[start - 2].isalnum())
            or (end + 1 < len(text) and text[end] in _GLUE and text[end + 1].isalnum())
            or (start > 0 and text[start - 1] in _GLUE and end + 1 < len(text) and text[end] in _GLUE))
