r"""`pattern`: a regular expression in RE2 syntax (checks/re2_pattern.py: Unicode \w \d \s,
guards for what look-arounds said), optionally checked by a validator (ID numbers, phones),
a domain list (official e-mail) or nearby context terms.

A rule first asks cheap questions of a draft (PatternRule.prefilter), and skips
it when an answer is no: is there any (strong) match of its `context` terms at all, does the
pattern match anywhere (RE2 over the draft's UTF-8 bytes, encoded once for all rules: the
search is its own gate), and does the folded lower case hold one of the rule's `trigger`
texts.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Iterator, Literal

from ..document import Document
from ..lang.vi import fold
from ..validators import VALIDATORS
from .base import Hit, Rule, RuleKeys
from .folded_pattern import fold_literals
from .re2_pattern import GuardedPattern, Utf8Text
from .schema import Terms, key
from .scope import SENTENCE, Scope, terms_present
from .sdk import Context, RuleError

FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE}
_SPELLED_DOT = re.compile(r"\s*[\[(]\s*(?:dot|chấm|cham)\s*[\])]\s*")


def _utf8_text(doc: Document, name: str, text: str) -> Utf8Text:
    """`text` (a view of `doc` called `name`) in UTF-8, encoded once a document for every rule."""
    return doc.memo(("pattern.utf8", name), lambda: Utf8Text(text))



# Python's case-insensitive matching pairs ſ with s and ı and İ with i, but lower() keeps ſ and ı
# and writes İ as i + U+0307: a trigger is also looked for with those read as s and i
_CASE_ODD = ("\u017f", "\u0131", "\u0307")
_CASE_ODD_TABLE = str.maketrans({"\u017f": "s", "\u0131": "i"})


def _known_flags(flags: list[str]) -> str | None:
    unknown = [f for f in flags if f not in FLAGS]
    return f"unknown flag {unknown[0]!r} (known: {', '.join(FLAGS)})" if unknown else None


def _known_validator(name: str | None) -> str | None:
    return None if name is None or name in VALIDATORS else \
        f"unknown validator {name!r} (known: {', '.join(VALIDATORS)})"


def _nonempty(texts: list[str]) -> str | None:
    return None if all(texts) else "expected a list of non-empty texts"


@dataclass(kw_only=True)
class PatternContext(Terms):
    """Terms required near the match."""

    within: Scope = SENTENCE


@dataclass(kw_only=True)
class PatternKeys(RuleKeys):
    pattern: str  # a group named `match` is reported, one named `domain` is checked by `domains`
    flags: list[str] = key(default_factory=list, check=_known_flags)
    view: Literal["clean", "matching"] = "clean"
    validate: str | None = key(None, check=_known_validator)  # validators.py
    domains: list[str] | None = None  # word lists of domains (or sub-domains) the group `domain` must be one of
    context: PatternContext | None = None
    # a cheap gate: the pattern runs only on a text whose folded lower case holds one of
    # these strings (the tests' reference path ignores it, and compares)
    trigger: list[str] = key(default_factory=list, check=_nonempty)
    # tried right after each match, again and again, for the further values of a list ("OTP
    # 550821 và 771204", "mật khẩu: A hoặc B"), which the pattern's keyword no longer stands before;
    # the rule's `not_before` guards its values too
    repeat: str | None = None
    # guards for what look-arounds said (checks/re2_pattern.py): RE2 texts checked on a bounded
    # slice before (after, not_after) or after (not_before) the whole match, or `guard_group`'s
    after: str | None = None
    not_after: str | None = None
    not_before: str | None = None
    boundary: Literal["word", "digit"] | None = None  # no letter or digit (or: digit) touches it
    guard_group: str | None = None
    phrase_stops: list[str] | None = None  # words that end a value in a group named `phrase`


class PatternRule(Rule):
    Keys = PatternKeys
    mechanism = "pattern"

    def __init__(self, keys: PatternKeys, where: str, ctx: Context):
        super().__init__(keys, where, ctx)
        self.trigger = tuple(fold(t.lower()) for t in keys.trigger)
        flags = 0
        for name in keys.flags:
            flags |= FLAGS[name]
        self.pattern, self.flags = keys.pattern, flags
        ignorecase, multiline = bool(flags & re.IGNORECASE), bool(flags & re.MULTILINE)
        guards = {k: getattr(keys, k) for k in ("after", "not_after", "not_before", "boundary", "guard_group",
                                                "phrase_stops") if getattr(keys, k) is not None}
        spec = {"pattern": keys.pattern, **guards}
        self.matcher = GuardedPattern(spec, "pattern", where, ignorecase, multiline, lazy=ctx.trusted)
        groups = self.matcher.groupindex
        self._match_group = _match_groups(groups)
        self.repeat = rspec = None
        if keys.repeat is not None:
            # a repeat starts where the last value ended: only what may follow a value applies
            rspec = {"repeat": keys.repeat, **({"not_before": keys.not_before} if keys.not_before else {})}
            self.repeat = GuardedPattern(rspec, "repeat", where, ignorecase, multiline, lazy=ctx.trusted)
            self._repeat_group = _match_groups(self.repeat.groupindex)
            if keys.domains is not None:
                raise RuleError(f"{where}: key 'repeat': not with 'domains' (a repeated value has no domain)")
        # the same pattern for text typed without diacritics (checks/folded_pattern.py), when
        # its literals carry any; its guards are folded too, or they would never hold there
        self.unmarked = self.unmarked_repeat = None
        fspec, frspec = _folded_spec(spec), rspec and _folded_spec(rspec)
        if fspec != spec or frspec != rspec:
            self.unmarked = GuardedPattern(fspec, "pattern", where, ignorecase, multiline, lazy=ctx.trusted)
            if frspec is not None:
                self.unmarked_repeat = GuardedPattern(frspec, "repeat", where, ignorecase, multiline, lazy=ctx.trusted)
        self._domain_group = groups.get("domain")
        self.view = keys.view
        self.validate = VALIDATORS[keys.validate] if keys.validate else None
        self._validate_reads_groups = getattr(self.validate, "with_match", False)
        self.domains: frozenset[str] | None = None
        if keys.domains is not None:
            if "domain" not in groups:
                raise RuleError(f"{where}: key 'domains': the pattern needs a group named 'domain'")
            self.domains = frozenset(
                d.lower() for name in keys.domains for d in ctx.wordlist(name, f"{where}: key 'domains'"))
        self.context = None
        self.context_within = SENTENCE
        if keys.context is not None:
            self.context_within = keys.context.within
            self.context = ctx.termset(keys.context, where, "context", f"{self.id}#context")

    def scopes(self) -> list[Scope]:
        return super().scopes() + ([self.context_within] if self.context else [])

    @property
    def regex(self):
        return self.matcher.regex

    def _domain_ok(self, domain: str) -> bool:
        # "mofa [dot] gov (dot) vn", written so that scrapers miss it, is the same domain
        domain = _SPELLED_DOT.sub(".", domain.lower()).rstrip(".")
        labels = domain.split(".")
        for listed in self.domains:
            n = listed.count(".") + 1
            # the listed domain itself or any sub-domain of it; * spans one label's characters
            if len(labels) >= n and fnmatch.fnmatchcase(".".join(labels[-n:]), listed):
                return True
        return False

    def _triggered(self, doc: Document) -> bool:
        folded = doc.folded_clean if self.view == "clean" else doc.folded_view
        if any(t in folded for t in self.trigger):
            return True
        if any(ch in folded for ch in _CASE_ODD):
            folded = folded.translate(_CASE_ODD_TABLE).replace("i\u0307", "i")
            return any(t in folded for t in self.trigger)
        return False

    def prefilter(self, doc: Document, view) -> object:
        """The cheap questions of the module docstring: None when the draft surely holds no
        hit, else RE2's first match if they searched for it (False: not searched). The
        differential tests skip them (tests/reference.py) and compare."""
        if self.context is not None and not any(not m.weak for m in doc.matches.get(self.context.name, ())):
            return None  # terms_present looks among the strong matches only: it would say no to every hit
        # the trigger needs a folded copy of the view, which costs more than RE2's search:
        # unless another rule had it made, or the pattern is yet to be compiled (which
        # costs more still), the search goes first (and few drafts pass)
        folded = doc.memoized("folded_clean" if self.view == "clean" else "folded_view") \
            or not self.matcher.compiled
        if self.trigger and folded and not self._triggered(doc):
            return None
        first = self.matcher.search(_utf8_text(doc, self.view, view.text), view.text, 0)
        if first is None:
            return None
        if self.trigger and not folded and not self._triggered(doc):
            return None
        return first

    def hits(self, doc: Document) -> Iterator[Hit]:
        if self.unmarked is None:
            yield from self._marked_hits(doc)
            return
        seen: set[tuple[int, int]] = set()
        for hit in self._marked_hits(doc):
            seen.add((hit.start, hit.end))
            yield hit
        yield from self.unmarked_hits(doc, seen)

    def _marked_hits(self, doc: Document) -> Iterator[Hit]:
        view = doc.clean if self.view == "clean" else doc.view
        first = self.prefilter(doc, view)  # RE2's first match once searched
        if first is None:
            return
        yield from self._re2_hits(doc, view, view.text, self._match_group, first)

    def unmarked_hits(self, doc: Document, seen: set[tuple[int, int]]) -> Iterator[Hit]:
        """Hits of the folded pattern on the folded view, where the matched text and the text
        around it were typed without diacritics (a look-alike amid accented text is another
        word: "sinh ngây"), other than the spans in `seen`."""
        view = doc.clean if self.view == "clean" else doc.view
        if self.context is not None and not any(not m.weak for m in doc.matches.get(self.context.name, ())):
            return
        if self.trigger and not self._triggered(doc):
            return
        # same length as the view: its spans map back as they are
        text = doc.memo(("pattern.folded", self.view), lambda: fold(view.text))
        for hit in self._re2_hits(doc, view, text, self._match_group, False, self.unmarked, self.unmarked_repeat,
                                  f"{self.view}.folded"):
            if (hit.start, hit.end) not in seen:
                seen.add((hit.start, hit.end))
                yield hit

    def _re2_hits(self, doc: Document, view, text: str, group, first, matcher=None, repeat=None,
                  name=None) -> Iterator[Hit]:
        matcher, name = matcher or self.matcher, name or self.view
        repeat = repeat if matcher is not self.matcher else self.repeat
        u = _utf8_text(doc, name, text)
        unmarked = name != self.view
        pos, n = 0, len(u.data)
        while pos <= n:
            m = matcher.search(u, text, pos) if first is False else first
            first = False
            if m is None:
                return
            # on from the end of the reported group: what a pattern consumes after it stands
            # for a look-ahead, and may begin the next match
            start, end = m.byte_start, m.byte_span(_reported(m, group))[1]
            pos = end if end > start else u.next_char(start)
            hit = self._accept(doc, view, m, group)
            if hit is None or unmarked and not _typed_unmarked(doc, view, m):
                continue
            yield hit
            # each value found consumes its characters: the list is read once, in linear time
            while repeat is not None:
                more = repeat.match(u, text, pos)
                hit = self._accept(doc, view, more, self._repeat_group) if more else None
                if hit is not None and unmarked and not _typed_unmarked(doc, view, more):
                    hit = None
                if hit is None:
                    break
                yield hit
                pos = max(more.byte_span(_reported(more, self._repeat_group))[1], u.next_char(pos))

    def _accept(self, doc: Document, view, m, group) -> Hit | None:
        if isinstance(group, tuple):
            group = _reported(m, group)
        s, e = m.span(group)
        if e <= s:
            return None
        start, end = view.original_span(s, e)
        # the matching view is lower case with stretched letters shrunk: a value it joined from
        # spaced letters is judged there, a mixed-case or long one as the user wrote it
        if self.validate:
            # a validator marked `with_match` also reads the pattern's named groups (a stated digit count)
            extra = ({n: m.group(i) for n, i in self.matcher.groupindex.items()},) if self._validate_reads_groups else ()
            if not (self.validate(m.group(group), *extra) or
                    (view is not doc.clean and self.validate(doc.original[start:end], *extra))):
                return None
        if self.domains is not None and not self._domain_ok(m.group(self._domain_group) or ""):
            return None
        if self.context and not terms_present(doc, self.context.name, self.context_within, start, end):
            return None
        return Hit(start, end)


def _match_groups(groupindex) -> int | tuple[int, ...]:
    """The group whose span a finding reports: `match`, else the whole match. A pattern whose
    alternatives each need their own consumed context after the value names them `match`,
    `match_2`, `match_3`…: the first that took part is reported."""
    if "match_2" not in groupindex:
        return groupindex.get("match", 0)
    names = sorted((n for n in groupindex if n == "match" or n.startswith("match_")),
                   key=lambda n: 1 if n == "match" else int(n[6:]) if n[6:].isdigit() else 99)
    return tuple(groupindex[n] for n in names)


def _reported(m, group):
    if not isinstance(group, tuple):
        return group
    return next((g for g in group if m.span(g)[0] >= 0), 0)


_FOLDED_KEYS = ("pattern", "repeat", "after", "not_after", "not_before")


def _folded_spec(spec: dict) -> dict:
    out = {k: fold_literals(v) if k in _FOLDED_KEYS and isinstance(v, str) else v for k, v in spec.items()}
    if isinstance(spec.get("phrase_stops"), list):
        out["phrase_stops"] = [fold(w) if isinstance(w, str) else w for w in spec["phrase_stops"]]
    return out


def _typed_unmarked(doc: Document, view, m) -> bool:
    """Was the whole match, and the text around it, typed without diacritics?"""
    s, e = m.span(0)
    typed = view.text[s:e]
    if fold(typed) != typed:
        return False
    start, end = view.original_span(s, e)
    return not doc.accented_near(start, end)
