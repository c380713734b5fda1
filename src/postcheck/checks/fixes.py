"""Fix-its: the replacement a rule offers for the text of its finding, declared in the rule's
`fix:` key and decoded by the schema like every other key.

Exactly one of:

    fix: {replace: "[đã xoá]"}          the same text for every finding (a secret's redaction,
                                        the personal e-mail placeholder for an official address)
    fix: {mask: number}                 the matched number with its letters and digits shown as
                                        "x", its spaces, dots and dashes kept; a `secret: number`
                                        rule's number of 10+ digits keeps its first and last two
                                        ("0912 345 789" -> "09xx xxx x89"), exactly what every
                                        report already shows of it (masking.py), never more
    fix: {polite: {mất dạy: thiếu lịch sự}}
                                        a wording per term, offered only for the terms listed
                                        (a list names only the words whose swap keeps the
                                        sentence sensible; "đồ ngu" has no polite noun), and
                                        never for a finding its context lowered to `info`: a quotation, a mention
                                        or a negation is not the writer's own word to change

A replacement always covers the finding's own span, so it points into the original text as
the finding does (and Markdown and HTML findings carry it to their source positions
unchanged). It is advice a person (or `postcheck fix`) may apply; it never changes a finding.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..lang.vi import fold
from ..masking import masked_number
from ..safe_yaml import short
from ..terms import normalize_term
from .schema import key
from .sdk import Context, RuleError

def _polite(value: Any, where: str, dotted: str) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise RuleError(f"{where}: key '{dotted}': expected a mapping of term: polite wording, got {short(value)}")
    for term, wording in value.items():
        if not isinstance(term, str) or not term.strip():
            raise RuleError(f"{where}: key '{dotted}': expected texts as terms, got {short(term)}")
        if not isinstance(wording, str) or not wording.strip():
            raise RuleError(f"{where}: key '{dotted}.{term[:40]}': expected a non-empty text, got {short(wording)}")
    return dict(value)


@dataclass(kw_only=True)
class FixKeys:
    """A rule's `fix:` (one of the three; see the module docstring)."""

    replace: str | None = None
    mask: Literal["number"] | None = None
    polite: dict | None = key(None, parse=_polite)


class Fixer:
    """A rule's compiled fix: the replacement for one finding, or None where it knows none."""

    def __init__(self, keys: FixKeys, where: str, ctx: Context, secret: bool | str):
        given = [name for name in ("replace", "mask", "polite") if getattr(keys, name) is not None]
        if len(given) != 1:
            raise RuleError(f"{where}: key 'fix': give exactly one of 'replace', 'mask', 'polite'"
                            + (f" (got {', '.join(given)})" if given else ""))
        self.text = keys.replace
        self.mask = keys.mask
        self.keep_ends = secret == "number"
        # spelt as the matcher spells its terms, so that the term a match came from finds its wording
        self.polite = ({_spelling(ctx, t): w for t, w in keys.polite.items()} if keys.polite else None)
        self.pairs = dict(keys.polite or {})  # as the rule writes them, for `explain`
        self.kind = given[0]

    def check_terms(self, known: set[str], where: str) -> None:
        """A polite wording for a term the rule does not have would never be offered: a typo."""
        for term in self.polite or {}:
            if term not in known:
                raise RuleError(f"{where}: key 'fix.polite.{term[:40]}': not a term of this rule")

    def replacement(self, matched: str, term: str | None, noted: bool = False) -> str | None:
        """`noted`: the finding was lowered to a note by its context (tone, voice, conditions)."""
        if self.text is not None:
            return self.text
        if self.mask is not None:
            return masked_number(matched, self.keep_ends)
        # a finding lowered to a note is not the writer's own abuse (a quotation, a word
        # mentioned or negated: "không ngu"): rewording it would change someone's words or the meaning
        if noted:
            return None
        wording = self.polite.get(term if term is not None else normalize_term(matched))
        if wording is None:
            return None
        return _as_written(wording, matched)


def _as_written(wording: str, matched: str) -> str:
    """The wording in the match's own style: without diacritics in a post typed without them,
    in capitals after capitals, capitalised at the start of a sentence."""
    letters = [c for c in matched if c.isalpha()]
    if letters and matched.isascii():
        wording = fold(wording)
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return wording.upper()
    if letters and letters[0].isupper():
        return wording[:1].upper() + wording[1:]
    return wording


def _spelling(ctx: Context, raw: str) -> str:
    term = ctx.make_term(raw)
    return term.text if term is not None else raw
