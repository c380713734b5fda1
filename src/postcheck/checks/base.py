"""What every rule kind shares: identity, messages, clearing and downgrading context."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Iterable, Iterator

from ..document import Document
from ..findings import SEVERITIES, Finding
from ..rulebook import Context, RuleError, localized
from ..terms import TermSet

SCOPES = ("sentence", "post")


@dataclass(frozen=True)
class Hit:
    """A span of the original text that a rule's kind found, with values for the message."""

    start: int
    end: int
    values: dict = field(default_factory=dict)


class SpanSet:
    """Spans (exceptions) that matches are tested against for overlap, in log time each:
    a scan of all of them for every match is quadratic in a long draft."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Does any span (s, e) have s < end and start < e?"""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


@dataclass
class Condition:
    """Terms whose presence in the same sentence (or anywhere in the post) changes a finding."""

    termset: TermSet
    scope: str
    to: str | None = None

    @classmethod
    def build(cls, spec: Any, where: str, ctx: Context, name: str, with_target: bool) -> "Condition":
        if not isinstance(spec, dict):
            raise RuleError(f"{where}: expected a mapping")
        scope = spec.get("scope", "sentence")
        if scope not in SCOPES:
            raise RuleError(f"{where}: key 'scope': '{scope}' is not one of {', '.join(SCOPES)}")
        if "within" in spec:
            raise RuleError(f"{where}: unknown key 'within' (use 'scope')")
        to = spec.get("to")
        if with_target and to not in SEVERITIES:
            raise RuleError(f"{where}: key 'to': give the lowered severity, one of {', '.join(SEVERITIES)}")
        if not with_target and to is not None:
            raise RuleError(f"{where}: unknown key 'to'")
        return cls(ctx.termset(spec, where, name), scope, to)

    def holds(self, doc: Document, original_offset: int) -> bool:
        if self.scope == "post":
            return doc.has_word_match(self.termset.name)
        sentence = doc.sentence_of_original(original_offset)
        return any(doc.is_word(m) for m in doc.strong_by_sentence(self.termset.name).get(sentence, ()))


class Rule:
    """A compiled rule. Kinds subclass it, declare KEYS and implement hits()."""

    KEYS: frozenset[str] = frozenset()
    mechanism = "terms"

    def __init__(self, spec: dict, where: str, ctx: Context):
        self.id = str(spec["id"])
        self.clause = str(spec["clause"])
        self.severity = spec["severity"]
        self.kind = spec["kind"]
        self.where = where
        self.description = spec["description"]
        self.secret = spec.get("secret", False)
        if not (isinstance(self.secret, bool) or self.secret == "number"):
            raise RuleError(f"{where}: key 'secret': expected true, false or 'number'")
        self.messages = localized(spec["message"], f"{where}: key 'message'")
        self.suggestions = localized(spec["suggestion"], f"{where}: key 'suggestion'") if "suggestion" in spec else None
        self.examples = _examples(spec["examples"], f"{where}: key 'examples'")
        self.unless = (
            Condition.build(spec["unless"], f"{where}: key 'unless'", ctx, f"{self.id}#unless", False)
            if "unless" in spec else None
        )
        self.requires = (
            Condition.build(spec["requires"], f"{where}: key 'requires'", ctx, f"{self.id}#requires", False)
            if "requires" in spec else None
        )
        self.downgrade = (
            Condition.build(spec["downgrade"], f"{where}: key 'downgrade'", ctx, f"{self.id}#downgrade", True)
            if "downgrade" in spec else None
        )

    def hits(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError

    def check(self, doc: Document, lang: str = "vi") -> list[Finding]:
        findings: list[Finding] = []
        taken: list[tuple[int, int]] = []
        reach = -1  # the furthest end of a taken span: hits come by start, so a hit overlaps
        # a taken span exactly when it starts before that (a scan of `taken` is quadratic)
        for hit in sorted(self.hits(doc), key=lambda h: (h.start, -h.end)):
            if hit.end > hit.start:
                if hit.start < reach:
                    continue
            elif any(hit.start < e and s < hit.end for s, e in taken):
                continue
            if self.unless and self.unless.holds(doc, hit.start):
                continue
            if self.requires and not self.requires.holds(doc, hit.start):
                continue
            severity = self.severity
            if self.downgrade and self.downgrade.holds(doc, hit.start):
                severity = self.downgrade.to
            taken.append((hit.start, hit.end))
            reach = max(reach, hit.end)
            line, column = doc.lines.line_col(hit.start)
            matched = doc.original[hit.start:hit.end]
            values = {"match": matched, **hit.values}
            findings.append(Finding(
                rule=self.id, clause=self.clause, severity=severity, line=line, column=column,
                start=hit.start, end=hit.end, match=matched,
                message=_fill(self.messages[lang], values),
                suggestion=_fill(self.suggestions[lang], values) if self.suggestions else None,
                mechanism=self.mechanism, secret=self.secret,
            ))
        return findings


def _fill(template: str, values: dict) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def _examples(spec: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(spec, dict) or set(spec) != {"hit", "miss"}:
        raise RuleError(f"{where}: expected the keys 'hit' and 'miss'")
    for key in ("hit", "miss"):
        items = spec[key]
        if not isinstance(items, list) or not items or not all(isinstance(x, str) for x in items):
            raise RuleError(f"{where}.{key}: expected a non-empty list of texts")
    return {"hit": list(spec["hit"]), "miss": list(spec["miss"])}


def check_keys(spec: dict, allowed: frozenset[str], where: str) -> None:
    from ..rulebook import COMMON

    unknown = sorted(set(spec) - COMMON - allowed)
    if unknown:
        raise RuleError(f"{where}: unknown key '{unknown[0]}'")
