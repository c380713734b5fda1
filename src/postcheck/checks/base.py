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
from .examples import Example, parse_examples
from .tone_gate import ToneGate
from ..centrality import Centrality

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
    names: bool = False  # a person's full name in the sentence also counts (register.py)
    window: int = 0  # scope {sentences: N}: the sentence and N sentences either side
    quotations: bool = False  # an exemption also covers the quotation its sentence opens or closes

    @classmethod
    def build(cls, spec: Any, where: str, ctx: Context, name: str, with_target: bool,
              quotations: bool = False) -> "Condition":
        if not isinstance(spec, dict):
            raise RuleError(f"{where}: expected a mapping")
        scope = spec.get("scope", "sentence")
        window = 0
        if isinstance(scope, dict):
            window = scope.get("sentences")
            if set(scope) != {"sentences"} or not isinstance(window, int) or isinstance(window, bool) or not 0 <= window <= 3:
                raise RuleError(f"{where}: key 'scope': expected 'sentence', 'post' or {{sentences: 0..3}}")
            scope = "sentence"
        if scope not in SCOPES:
            raise RuleError(f"{where}: key 'scope': '{scope}' is not one of {', '.join(SCOPES)}")
        if "within" in spec:
            raise RuleError(f"{where}: unknown key 'within' (use 'scope')")
        to = spec.get("to")
        if with_target and to not in SEVERITIES:
            raise RuleError(f"{where}: key 'to': give the lowered severity, one of {', '.join(SEVERITIES)}")
        if not with_target and to is not None:
            raise RuleError(f"{where}: unknown key 'to'")
        names = spec.get("names", False)
        if not isinstance(names, bool):
            raise RuleError(f"{where}: key 'names': expected true or false")
        return cls(ctx.termset({k: v for k, v in spec.items() if k not in ("names", "scope")}, where, name),
                   scope, to, names, window, quotations)

    def holds(self, doc: Document, original_offset: int) -> bool:
        """Scope "sentence" (the default) is the sentence of the finding and, for a term in a
        sentence that opens or closes a quotation, that whole quotation (a spokesperson's
        statement quoted over several sentences); "post" is the whole draft, and a rule
        says so explicitly (tests/test_scope.py holds a long-text test for each)."""
        if self.scope == "post":
            return doc.has_word_match(self.termset.name)
        sentence = doc.sentence_of_original(original_offset)
        if any(doc.is_word(m) for m in doc.strong_by_sentence(self.termset.name).get(sentence, ())):
            return True
        if self.names and doc.register.person_named(doc.register.sentence_index(original_offset)):
            return True
        if self.window:
            near = range(sentence - self.window, sentence + self.window + 1)
            grouped = doc.strong_by_sentence(self.termset.name)
            if any(doc.is_word(m) for k in near if k != sentence for m in grouped.get(k, ())):
                return True
        if not self.quotations:
            return False
        return any(s <= original_offset < e for s, e in doc.covered_by(self.termset.name))


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
        # voice: own — words reported from others (a sentence crediting a source, an
        # attributed quotation: register.py) do not count; {reported: info|warning} — they
        # count at that lower severity
        voice = spec.get("voice", "any")
        if voice == "any":
            self.voice_reported = None
        elif voice == "own":
            self.voice_reported = "drop"
        elif isinstance(voice, dict) and set(voice) == {"reported"} and voice["reported"] in SEVERITIES:
            self.voice_reported = voice["reported"]
        else:
            raise RuleError(f"{where}: key 'voice': expected 'any', 'own' or {{reported: <severity>}}")
        if not (isinstance(self.secret, bool) or self.secret == "number"):
            raise RuleError(f"{where}: key 'secret': expected true, false or 'number'")
        self.messages = localized(spec["message"], f"{where}: key 'message'")
        self.suggestions = localized(spec["suggestion"], f"{where}: key 'suggestion'") if "suggestion" in spec else None
        self.examples = _examples(spec["examples"], f"{where}: key 'examples'")
        self.unless = (
            Condition.build(spec["unless"], f"{where}: key 'unless'", ctx, f"{self.id}#unless", False, quotations=True)
            if "unless" in spec else None
        )
        # requires: terms that must be present; with `to:`, a finding without them is kept
        # at that lower severity instead of dropped (a weak, single signal)
        self.requires = (
            Condition.build(spec["requires"], f"{where}: key 'requires'", ctx, f"{self.id}#requires",
                            isinstance(spec["requires"], dict) and "to" in spec["requires"])
            if "requires" in spec else None
        )
        self.downgrade = (
            Condition.build(spec["downgrade"], f"{where}: key 'downgrade'", ctx, f"{self.id}#downgrade", True)
            if "downgrade" in spec else None
        )
        # tone and attribution gates (see tone.py and checks/tone_gate.py)
        self.tone = ToneGate.build(spec["tone"], f"{where}: key 'tone'") if "tone" in spec else None
        # in a long text, a finding only where the text is about it (centrality.py; judged
        # over all rules' findings by engine.py)
        self.centrality = (Centrality.build(spec["centrality"], f"{where}: key 'centrality'", ctx, self.id)
                           if "centrality" in spec else None)

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
            severity = self.severity
            if self.requires and not self.requires.holds(doc, hit.start):
                if self.requires.to is None:
                    continue
                severity = self.requires.to
            if self.downgrade and self.downgrade.holds(doc, hit.start):
                severity = _lower(severity, self.downgrade.to)
            if self.voice_reported is not None and doc.register.others_words(hit.start):
                if self.voice_reported == "drop":
                    continue
                severity = _lower(severity, self.voice_reported)
            if self.tone:
                severity = self.tone.judge(doc, hit.start, hit.end, severity)
                if severity is None:
                    continue
            taken.append((hit.start, hit.end))
            reach = max(reach, hit.end)
            line, column = doc.lines.line_col(hit.start)
            matched = doc.original[hit.start:hit.end]
            # a value may be worded per language ({"vi": "cao", "en": "high"}): a check's
            # own words, such as the classifier's confidence
            values = {"match": matched, **{k: v[lang] if isinstance(v, dict) else v for k, v in hit.values.items()}}
            findings.append(Finding(
                rule=self.id, clause=self.clause, severity=severity, line=line, column=column,
                start=hit.start, end=hit.end, match=matched,
                message=_fill(self.messages[lang], values),
                suggestion=_fill(self.suggestions[lang], values) if self.suggestions else None,
                mechanism=self.mechanism, secret=self.secret,
            ))
        return findings


def _lower(severity: str, to: str) -> str:
    """The lower of two severities (a finding is never raised by a condition)."""
    return min(severity, to, key=SEVERITIES.index)


def _fill(template: str, values: dict) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def _examples(spec: Any, where: str) -> dict[str, list[Example]]:
    return parse_examples(spec, where)


def check_keys(spec: dict, allowed: frozenset[str], where: str) -> None:
    from ..rulebook import COMMON

    unknown = sorted(set(spec) - COMMON - allowed)
    if unknown:
        raise RuleError(f"{where}: unknown key '{unknown[0]}'")
