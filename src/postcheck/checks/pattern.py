r"""`pattern`: regular expressions with Unicode-aware boundaries, optionally checked by a
validator (ID numbers, phones), a domain list (official e-mail) or nearby context terms.

Which engine runs the expression (RE2, or Python's after a shape check) is decided when
the rule file is loaded: see checks/regex_engines.py.

On the fast path (not `exhaustive`), a rule first asks cheap questions of a draft, and skips
it when an answer is no: is there any (strong) match of its `context` terms at all, does the
rule's *gate* match anywhere in the draft, and does the folded lower case hold one of the
rule's `trigger` texts. The gate is an RE2 pattern searched over the draft's UTF-8 bytes
(encoded once for all rules): the rule's own pattern for an RE2 rule, and for a rule on
Python's engine a translation that matches wherever the pattern can (regex_engines.py), so
that a draft the gate rejects holds no match. It is compiled at the first draft of
GATE_MIN_CHARS or more characters; shorter drafts go without.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Iterator, Literal

from ..document import Document
from ..normalize import fold
from ..validators import VALIDATORS
from .base import Hit, Rule, RuleKeys
from .regex_engines import compile_gate, compile_pattern
from .schema import Terms, key
from .scope import SENTENCE, Scope, terms_present
from .sdk import Context, RuleError

FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE}
GATE_MIN_CHARS = 1000  # a gate costs about a millisecond to compile: worth it from long drafts on
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPELLED_DOT = re.compile(r"\s*[\[(]\s*(?:dot|chấm|cham)\s*[\])]\s*")


def _utf8(doc: Document, name: str, text: str) -> bytes | None:
    """`text` (a view of `doc` called `name`) in UTF-8, encoded once a document for every
    rule; None when it holds lone surrogates (RE2 reads UTF-8: then no RE2 gate is asked)."""
    def encoded() -> bytes | None:
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return None

    return doc.memo(("pattern.utf8", name), encoded)


_UNCOMPILED = object()

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
    # these strings (the exhaustive reference path ignores it, and the tests compare)
    trigger: list[str] = key(default_factory=list, check=_nonempty)
    # tried right after each match, again and again, for the further values of a list ("OTP
    # 550821 và 771204", "mật khẩu: A hoặc B"), which the pattern's keyword no longer stands before
    repeat: str | None = None


class PatternRule(Rule):
    Keys = PatternKeys
    mechanism = "pattern"

    def __init__(self, keys: PatternKeys, where: str, ctx: Context):
        super().__init__(keys, where, ctx)
        self.trigger = tuple(fold(t.lower()) for t in keys.trigger)
        flags = 0
        for name in keys.flags:
            flags |= FLAGS[name]
        self.pattern, self.flags = keys.pattern, flags  # as written; self.regex may be RE2's translation
        self.engine, self.regex = compile_pattern(keys.pattern, flags, where, ctx.trusted)
        # the fast path's gate (module docstring): the pattern itself in RE2, else its superset,
        # compiled when first needed
        self._gate = self.regex if self.engine == "re2" else _UNCOMPILED
        groups = self.regex.groupindex
        self._match_group = groups.get("match", 0)  # numbers: RE2's matches take no names
        self.repeat = None
        if keys.repeat is not None:
            self.repeat = compile_pattern(keys.repeat, flags, f"{where}: key 'repeat'")[1]
            self._repeat_group = self.repeat.groupindex.get("match", 0)
            if keys.domains is not None:
                raise RuleError(f"{where}: key 'repeat': not with 'domains' (a repeated value has no domain)")
        self._domain_group = groups.get("domain")
        self.view = keys.view
        self.validate = VALIDATORS[keys.validate] if keys.validate else None
        self.domains: frozenset[str] | None = None
        if keys.domains is not None:
            if "domain" not in self.regex.groupindex:
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

    def gate(self):
        """The RE2 pattern that matches wherever this rule's pattern can, or None."""
        if self._gate is _UNCOMPILED:
            self._gate = compile_gate(self.pattern, self.flags)
        return self._gate

    def _triggered(self, doc: Document) -> bool:
        folded = doc.folded_clean if self.view == "clean" else doc.folded_view
        if any(t in folded for t in self.trigger):
            return True
        if any(ch in folded for ch in _CASE_ODD):
            folded = folded.translate(_CASE_ODD_TABLE).replace("i\u0307", "i")
            return any(t in folded for t in self.trigger)
        return False

    def hits(self, doc: Document) -> Iterator[Hit]:
        view = doc.clean if self.view == "clean" else doc.view
        if not doc.exhaustive:
            if self.context is not None and not any(not m.weak for m in doc.matches.get(self.context.name, ())):
                return  # terms_present looks among the strong matches only: it would say no to every hit
            # the trigger needs a folded copy of the view, which costs more than the gate's
            # search: unless another rule had it made, the gate goes first (and few drafts pass)
            folded = doc.memoized("folded_clean" if self.view == "clean" else "folded_view")
            if self.trigger and folded and not self._triggered(doc):
                return
            gate = self.gate() if len(view.text) >= GATE_MIN_CHARS else None
            if gate is not None:
                data = _utf8(doc, self.view, view.text)
                if data is not None and gate.search(data) is None:
                    return
            if self.trigger and not folded and not self._triggered(doc):
                return
        group = self._match_group
        text = view.text
        if self.engine == "re2" and _SURROGATE.search(text):
            # RE2 reads UTF-8, which has no lone surrogates: one U+FFFD each keeps the offsets
            # (neither is a letter, digit or space)
            text = _SURROGATE.sub("\ufffd", text)
        for m in self.regex.finditer(text):
            hit = self._accept(doc, view, m, group)
            if hit is None:
                continue
            yield hit
            pos = m.end()
            # each value found consumes its characters: the list is read once, in linear time
            while self.repeat is not None:
                more = self.repeat.match(text, pos)
                hit = self._accept(doc, view, more, self._repeat_group) if more else None
                if hit is None:
                    break
                yield hit
                pos = more.end()

    def _accept(self, doc: Document, view, m, group) -> Hit | None:
        s, e = m.span(group)
        if e <= s:
            return None
        start, end = view.original_span(s, e)
        # the matching view is lower case with stretched letters shrunk: a value it joined from
        # spaced letters is judged there, a mixed-case or long one as the user wrote it
        if self.validate and not (self.validate(m.group(group)) or
                                  (view is not doc.clean and self.validate(doc.original[start:end]))):
            return None
        if self.domains is not None and not self._domain_ok(m.group(self._domain_group) or ""):
            return None
        if self.context and not terms_present(doc, self.context.name, self.context_within, start, end):
            return None
        return Hit(start, end)
