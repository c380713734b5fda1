"""What every rule kind shares: identity, messages, clearing and downgrading context, and
the keys every rule has (`RuleKeys`, decoded by schema.decode)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Iterable, Iterator, Literal, NamedTuple

from ..clauses import CLAUSES
from ..document import Document
from ..findings import SEVERITIES, Finding
from ..safe_yaml import short
from ..terms import TermSet
from .examples import Example, parse_examples
from .fixes import Fixer, FixKeys
from .schema import Severity, Terms, key
from .scope import SENTENCE, Scope, terms_present
from .sdk import Context, RuleError, described, localized
from .tone_gate import ToneGate
from ..tone_doc import quote_around
from ..centrality import Centrality, CentralityKeys


@dataclass(frozen=True)
class Hit:
    """A span of the original text that a rule's kind found, with values for the message."""

    start: int
    end: int
    values: dict = field(default_factory=dict)
    term: str | None = None  # the term it matched (a terms rule's), for a fix worded per term


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


# -- the keys every rule has -----------------------------------------------------------------

@dataclass(kw_only=True)
class Unless(Terms):
    """Terms whose presence within `scope` clears a finding."""

    scope: Scope = SENTENCE
    names: bool = False  # a person's full name in the sentence also counts (register.py)
    # terms whose presence in the same sentence voids the condition: an exemption that
    # does not hold where the misuse itself is said ("ghi trong thông báo … nhận hộ")
    voided_by: Terms | None = None
    # terms that must open the finding's sentence's frame (within ten words before it), or a
    # quotation around the finding: the exemption holds only for words reported from others
    # ("Có bài đăng bảo …", "gọi họ là “…”"), never for the writer's own
    framed_by: Terms | None = None


@dataclass(kw_only=True)
class Requires(Unless):
    """Terms that must be present; with `to`, a finding without them is kept at that lower
    severity instead of dropped (a weak, single signal)."""

    to: Severity | None = None


@dataclass(kw_only=True)
class Downgrade(Unless):
    """Terms whose presence lowers a finding `to` another severity."""

    to: Severity


def _rule_id(value: Any, where: str, key: str) -> str:
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    raise RuleError(f"{where}: key '{key}': expected a text, got {short(value)}")


def _clause(value: Any, where: str, key: str) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value) in CLAUSES:
        return str(value)  # `clause: 5.2` unquoted is a float in YAML: the same clause
    raise RuleError(f"{where}: key '{key}': unknown clause {short(value)} (known: {', '.join(CLAUSES)})")


def _severity(value: Any, where: str, key: str) -> str:
    if isinstance(value, str) and value in SEVERITIES:
        return value
    raise RuleError(f"{where}: key '{key}': {short(value)} is not one of {', '.join(SEVERITIES)}")


class Voice(NamedTuple):
    """What a rule does with words reported from others: `reported` is "drop" or the
    severity they keep; `finding_speaks`: the finding made the speaker of a reporting verb
    ("Bộ Ngoại giao cho rằng …") is no source credited (register.Register.credited_besides)."""

    reported: str
    finding_speaks: bool = False
    # kept_by: terms in the finding's sentence that keep its severity though the sentence
    # credits a source: the writer's own verdict tacked on ("Theo Reuters, …, thật đáng xấu hổ")
    kept_by: Any = None


def _voice(value: Any, where: str, key: str) -> Voice | None:
    """voice: any — every finding counts (None); own — words reported from others (a sentence
    crediting a source, an attributed quotation: register.py) do not count ("drop");
    {reported: info|warning|drop} — they count at that lower severity, or not at all; with
    `finding_speaks: true`, a sentence whose only credit is the finding's own reporting verb
    is the writer's words put in the finding's mouth, not someone else's."""
    if value == "any":
        return None
    if value == "own":
        return Voice("drop")
    if isinstance(value, dict) and "reported" in set(value) <= {"reported", "finding_speaks", "kept_by"} \
            and (value["reported"] in SEVERITIES or value["reported"] == "drop") \
            and isinstance(value.get("finding_speaks", False), bool):
        from .schema import Terms, decode
        kept = decode(Terms, value["kept_by"], where, f"{key}.kept_by") if "kept_by" in value else None
        return Voice(value["reported"], value.get("finding_speaks", False), kept)
    raise RuleError(f"{where}: key '{key}': expected 'any', 'own' or "
                    f"{{reported: <severity>|drop, finding_speaks: true|false, kept_by: {{terms, wordlists}}}}")


def _exemptions(value: Any, where: str, key: str) -> list[Unless]:
    """`unless`: one exemption, or a list of them, each with its own terms and scope (any one
    holding clears). A narrow one ({words: N}: the number's own "số riêng của mình") can then
    stand beside a sentence-wide one without widening either."""
    from .schema import decode
    if isinstance(value, list):
        if not value:
            raise RuleError(f"{where}: key '{key}': expected a mapping or a non-empty list of mappings")
        return [decode(Unless, v, where, f"{key}[{i}]") for i, v in enumerate(value)]
    return [decode(Unless, value, where, key)]


def _downgrades(value: Any, where: str, key: str) -> list[Downgrade]:
    """`downgrade`: one, or a list of them, each with its own terms, scope and `to` (each that
    holds lowers the finding; the lowest wins). A narrow one (one's own number "số mình" a few
    words away) can stand beside a wider one (a shop's offer in the post) without widening it."""
    from .schema import decode
    if isinstance(value, list):
        if not value:
            raise RuleError(f"{where}: key '{key}': expected a mapping or a non-empty list of mappings")
        return [decode(Downgrade, v, where, f"{key}[{i}]") for i, v in enumerate(value)]
    return [decode(Downgrade, value, where, key)]


def _requirements(value: Any, where: str, key: str) -> list[Requires]:
    """`requires`: one condition, or a list of them, each with its own terms and scope, all of
    which must hold (a writer's voice in the sentence and a word of the service beside it)."""
    from .schema import decode
    if isinstance(value, list):
        if not value:
            raise RuleError(f"{where}: key '{key}': expected a mapping or a non-empty list of mappings")
        return [decode(Requires, v, where, f"{key}[{i}]") for i, v in enumerate(value)]
    return [decode(Requires, value, where, key)]


def _localized(value: Any, where: str, key: str) -> dict[str, str]:
    return localized(value, f"{where}: key '{key}'")


def _described(value: Any, where: str, key: str) -> dict[str, str]:
    return described(value, f"{where}: key '{key}'")


_RULE_ID = re.compile(r"[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+")


def _clauses(value: list[str]) -> str | None:
    unknown = [c for c in value if c not in CLAUSES and not _RULE_ID.fullmatch(str(c))]
    return (f"unknown clause {unknown[0]!r} (known: {', '.join(CLAUSES)}, or a rule id such as "
            f"'hate.threat')") if unknown else None


def _tone(value: Any, where: str, key: str) -> ToneGate:
    return ToneGate.build(value, f"{where}: key '{key}'")


def _examples_key(value: Any, where: str, key: str) -> dict[str, list[str]]:
    return _examples(value, f"{where}: key '{key}'")


@dataclass(kw_only=True)
class RuleKeys:
    """The keys of every rule; a kind's schema adds its own (see README, "Writing a rule")."""

    id: str = key(parse=_rule_id)
    clause: str = key(parse=_clause)
    severity: str = key(parse=_severity)
    kind: str
    description: dict = key(parse=_described)  # {vi, en}; one text serves both
    message: dict = key(parse=_localized)
    examples: dict = key(parse=_examples_key)  # {hit, miss}: checks/examples.py
    suggestion: dict | None = key(None, parse=_localized)
    unless: list[Unless] | None = key(None, parse=_exemptions)  # one mapping or a list (any one clears)
    requires: list[Requires] | None = key(None, parse=_requirements)  # one mapping or a list (all must hold)
    downgrade: list[Downgrade] | None = key(None, parse=_downgrades)  # one mapping or a list
    secret: bool | Literal["number"] = False  # masked in every output; "number": ends may show
    voice: Voice | None = key(None, parse=_voice)  # what others' words become, or None
    tone: ToneGate | None = key(None, parse=_tone)  # tone.py's gates (checks/tone_gate.py)
    centrality: CentralityKeys | None = None  # in a long text, only where it is the topic (centrality.py)
    fix: FixKeys | None = None  # the replacement offered for a finding's text (checks/fixes.py)
    # backstop: true — a broad rule that only fills gaps: its finding is dropped where another
    # rule of its clause already has a counted finding in the same sentence (engine.py)
    backstop: bool = False
    # yields_to: ["5.4"] — clauses (or rule ids: "hate.threat") that name the same words as a
    # stronger offence: the rule's finding is dropped where a counted, at least as severe
    # finding of one of them overlaps its span or stands a few words from it (an insult
    # inside a threat is the threat; engine.py)
    yields_to: list[str] = key(default_factory=list, check=_clauses)


@dataclass
class Condition:
    """Terms whose presence within a scope changes a finding (unless, requires, downgrade)."""

    termset: TermSet
    scope: Scope
    to: str | None = None
    names: bool = False  # a person's full name in the sentence also counts (register.py)
    quotations: bool = False  # an exemption also covers the quotation its sentence opens or closes
    voided: TermSet | None = None  # terms in the sentence that void the condition (voided_by)
    framed: TermSet | None = None  # a reporting frame the finding's words must stand in (framed_by)

    @classmethod
    def build(cls, keys: Unless, where: str, key: str, ctx: Context, name: str,
              quotations: bool = False) -> "Condition":
        voided = (ctx.termset(keys.voided_by, where, f"{key}.voided_by", f"{name}~voided")
                  if keys.voided_by else None)
        framed = (ctx.termset(keys.framed_by, where, f"{key}.framed_by", f"{name}~framed")
                  if getattr(keys, "framed_by", None) else None)
        return cls(ctx.termset(keys, where, key, name), keys.scope, getattr(keys, "to", None), keys.names,
                   quotations, voided, framed)

    def holds(self, doc: Document, start: int, end: int) -> bool:
        """The terms within the scope of the finding (scope.terms_present) and, for an
        exemption in a sentence that opens or closes a quotation, that whole quotation (a
        spokesperson's statement quoted over several sentences)."""
        if self.voided is not None and terms_present(
                doc, self.voided.name, self.scope if self.scope.unit == "next" else SENTENCE, start, end):
            return False  # (with `{next: N}`, voided where the condemnation it looks at is: "… nhưng là sự thật")
        if self.framed is not None and not (
                terms_present(doc, self.framed.name, _FRAME, start, end) or quote_around(doc, start, end)):
            return False
        # with `names` and `{sentences: N}`, the window is the names' only (a bare "Chị …" pointing
        # back to a person named next to it); the terms (a job: "trưởng phòng", "hàng xóm") stay in
        # the finding's own sentence
        terms_scope = SENTENCE if self.names and self.scope.unit == "sentences" else self.scope
        if terms_present(doc, self.termset.name, terms_scope, start, end):
            return True
        if self.scope.unit == "post":
            return False
        if self.names:
            index = doc.register.sentence_index(start)
            if doc.register.person_named(index):
                return True
            # with `{sentences: N}`, a sentence whose subject is a bare honorific pointing back
            # ("… chị Lan bên văn thư. Chị vừa …") takes the person named around it
            reach = self.scope.n if self.scope.unit == "sentences" else 0
            if reach and doc.register.opens_with_pronoun(index):
                last = len(doc.register.sentences) - 1
                if any(doc.register.person_named(i) for i in range(max(0, index - reach), min(last, index + reach) + 1)):
                    return True
        if not self.quotations:
            return False
        spans = [(s, e) for s, e in doc.covered_by(self.termset.name) if s <= start < e]
        if spans and self.voided is not None and doc.register.bracket_header_end() \
                and all(s == 0 and e >= len(doc.original) for s, e in spans) \
                and terms_present(doc, self.voided.name, _POST, start, end):
            return False  # a label's cover reaches the whole post: so does what voids it
        return bool(spans)


_FRAME = Scope("before", 10)
_POST = Scope("post")


@dataclass
class AnyOf:
    """Exemptions of which any one clears a finding, each within its own scope."""

    conditions: list[Condition]

    def holds(self, doc: Document, start: int, end: int) -> bool:
        return any(c.holds(doc, start, end) for c in self.conditions)


class Rule:
    """A compiled rule. Kinds subclass it, declare their Keys (a RuleKeys dataclass) and
    implement hits()."""

    Keys: type[RuleKeys] = RuleKeys
    mechanism = "terms"
    # the {names} a kind's hits fill in its message and suggestion (NearRule adds {a}, {b})
    placeholders: frozenset[str] = frozenset({"match"})

    def __init__(self, keys: RuleKeys, where: str, ctx: Context):
        _check_placeholders(keys, self.placeholders, where)
        self.id = keys.id
        self.clause = keys.clause
        self.severity = keys.severity
        self.kind = keys.kind
        self.where = where
        self.descriptions = keys.description
        self.description = self.descriptions["en"]  # SARIF's and the API's, as before
        self.secret = keys.secret
        self.voice = keys.voice
        self.voice_kept = (ctx.termset(keys.voice.kept_by, where, "voice.kept_by", f"{self.id}#voice~kept")
                           if keys.voice is not None and keys.voice.kept_by is not None else None)
        self.messages = keys.message
        self.suggestions = keys.suggestion
        self.examples = keys.examples
        self.unless = (AnyOf([Condition.build(u, where, "unless" if len(keys.unless) == 1 else f"unless[{i}]", ctx,
                                              f"{self.id}#unless" + (str(i + 1) if i else ""),
                                              # a quotation reaches as far as its sentence: a
                                              # narrower exemption would be widened by it
                                              quotations=u.scope.unit not in ("words", "before", "after"))
                              for i, u in enumerate(keys.unless)])
                       if keys.unless else None)
        self.requires = [Condition.build(r, where, "requires" if len(keys.requires) == 1 else f"requires[{i}]", ctx,
                                         f"{self.id}#requires" + (str(i + 1) if i else ""))
                         for i, r in enumerate(keys.requires or [])]
        self.downgrades = [Condition.build(d, where, "downgrade" if len(keys.downgrade) == 1 else f"downgrade[{i}]", ctx,
                                           f"{self.id}#downgrade" + (str(i + 1) if i else ""))
                           for i, d in enumerate(keys.downgrade or [])]
        self.tone = keys.tone
        # in a long text, a finding only where the text is about it (centrality.py; judged
        # over all rules' findings by engine.py)
        self.centrality = Centrality.build(keys.centrality, where, ctx, self.id) if keys.centrality else None
        self.fixer = Fixer(keys.fix, where, ctx, keys.secret) if keys.fix else None
        self.backstop = keys.backstop
        self.yields_to = frozenset(keys.yields_to)

    def scopes(self) -> list[Scope]:
        """How far each of the rule's co-occurrences reaches."""
        unless = self.unless.conditions if self.unless else []
        return [c.scope for c in (*unless, *self.requires, *self.downgrades) if c is not None]

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
            if self.unless and self.unless.holds(doc, hit.start, hit.end):
                continue
            severity = self.severity
            unmet = [r for r in self.requires if not r.holds(doc, hit.start, hit.end)]
            if any(r.to is None for r in unmet):
                continue
            for r in unmet:
                severity = r.to if len(unmet) == 1 else _lower(severity, r.to)
            for downgrade in self.downgrades:
                if downgrade.holds(doc, hit.start, hit.end):
                    severity = _lower(severity, downgrade.to)
            if self.voice is not None and doc.register.others_words(
                    hit.start, hit.end if self.voice.finding_speaks else None) \
                    and not (self.voice_kept is not None
                             and terms_present(doc, self.voice_kept.name, SENTENCE, hit.start, hit.end)):
                if self.voice.reported == "drop":
                    continue
                severity = _lower(severity, self.voice.reported)
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
            noted = severity == "info" != self.severity
            fix = self.fixer.replacement(matched, hit.term, noted) if self.fixer else None
            findings.append(Finding(
                rule=self.id, clause=self.clause, severity=severity, line=line, column=column,
                start=hit.start, end=hit.end, match=matched,
                message=_fill(self.messages[lang], values),
                suggestion=_fill(self.suggestions[lang], values) if self.suggestions else None,
                mechanism=self.mechanism, secret=self.secret, fix=fix if fix != matched else None,
            ))
        return findings


def _lower(severity: str, to: str) -> str:
    """The lower of two severities (a finding is never raised by a condition)."""
    return min(severity, to, key=SEVERITIES.index)


_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")


def _check_placeholders(keys: RuleKeys, known: frozenset[str], where: str) -> None:
    """A misspelt {mtach} would reach every reader as the literal text '{mtach}'."""
    for name, texts in (("message", keys.message), ("suggestion", keys.suggestion or {})):
        for lang, text in texts.items():
            unknown = [n for n in _PLACEHOLDER.findall(text) if n not in known]
            if unknown:
                raise RuleError(f"{where}: key '{name}.{lang}': unknown placeholder {{{unknown[0]}}} "
                                f"(this kind fills {', '.join('{' + k + '}' for k in sorted(known))})")


def _fill(template: str, values: dict) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def _examples(spec: Any, where: str) -> dict[str, list[Example]]:
    return parse_examples(spec, where)
