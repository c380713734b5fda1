"""What a rule kind is written with: the error it raises, the context it compiles in, the
keys every rule has, and localized texts.

This module is the bottom of the rule engine: checks/ and rulebook.py import it, and it
imports neither of them, so that no module reaches upwards into the loader.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..messages import LANGS
from ..lang.teencode import teencode_table
from ..terms import Matcher, TermMaker, TermSet

__all__ = ["LANGS", "Context", "RuleError", "described", "localized", "read_wordlist"]


class RuleError(Exception):
    """A rule file or word list is wrong; the message names the path and the key."""


@dataclass
class Context:
    """What rules need while they compile: word lists, and the matcher to register terms with."""

    wordlist_dirs: list[Path]
    extra_terms: dict[str, list[str]] = field(default_factory=dict)
    matcher: Matcher = field(default_factory=Matcher)
    used_wordlists: set[str] = field(default_factory=set)
    trusted: bool = True  # the rule file being loaded is a shipped one (see load_rulebook)
    # what the rules of one kind share across a rulebook (the semantic rules: one another,
    # to embed a document's units in one batch for all of them)
    shared: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, list[str]] = field(default_factory=dict)

    @cached_property
    def make_term(self) -> TermMaker:
        return TermMaker(teencode_table())

    def wordlist(self, name: str, where: str) -> list[str]:
        if name not in self._cache:
            for folder in self.wordlist_dirs:
                path = folder / f"{name}.txt"
                if path.is_file():
                    self._cache[name] = read_wordlist(path)
                    break
            else:
                raise RuleError(f"{where}: word list '{name}' not found in {', '.join(map(str, self.wordlist_dirs))}")
            self._cache[name] = self._cache[name] + self.extra_terms.get(name, [])
        self.used_wordlists.add(name)
        return self._cache[name]

    def termset(self, spec, where: str, key: str, name: str, fold: bool = True) -> TermSet:
        """A term set from a decoded spec's `terms` and `wordlists` (schema.Terms), found
        under the rule's `key`, registered with the matcher."""
        raw = list(spec.terms)
        for wl in spec.wordlists:
            raw.extend(self.wordlist(wl, f"{where}: key '{key}.wordlists'" if key else f"{where}: key 'wordlists'"))
        if not raw:
            raise RuleError(f"{where}: {f'key {key!r}: ' if key else ''}no terms (give 'terms' or 'wordlists')")
        termset = TermSet.build(name, raw, fold, self.make_term)
        self.matcher.add(termset)
        return termset


def read_wordlist(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read word list: {exc}") from None
    terms = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    terms = [t for t in terms if t]
    if not terms:
        raise RuleError(f"{path}: word list is empty")
    return terms


def described(spec: Any, where: str) -> dict[str, str]:
    """A rule's description: {vi, en} in the shipped rules, or one text in a user's own rule
    (a team writes in one language; `rules` and `explain` then show that text in both)."""
    if isinstance(spec, str) and spec.strip():
        return {lang: spec for lang in LANGS}
    if isinstance(spec, dict):
        return localized(spec, where)
    raise RuleError(f"{where}: expected a text, or the keys 'vi' and 'en', each a non-empty text")


def localized(spec: Any, where: str) -> dict[str, str]:
    if isinstance(spec, str):
        raise RuleError(f"{where}: give both 'vi' and 'en' texts")
    if not isinstance(spec, dict) or set(spec) != set(LANGS) or not all(
        isinstance(spec[k], str) and spec[k].strip() for k in LANGS
    ):
        raise RuleError(f"{where}: expected exactly the keys 'vi' and 'en', each a non-empty text")
    return dict(spec)
