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
from array import array
from bisect import bisect_left, bisect_right
from typing import Iterator

from ..document import Document
from ..normalize import fold
from ..rulebook import Context, RuleError
from ..validators import VALIDATORS
from .base import Hit, Rule
from .regex_engines import compile_gate, compile_pattern

FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE}
GATE_MIN_CHARS = 1000  # a gate costs about a millisecond to compile: worth it from long drafts on
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r"\S+")
_SPELLED_DOT = re.compile(r"\s*[\[(]\s*(?:dot|chấm|cham)\s*[\])]\s*")


def _utf8(doc: Document, name: str, text: str) -> bytes | None:
    """`text` (a view of `doc` called `name`) in UTF-8, encoded once a document for every
    rule; None when it holds lone surrogates (RE2 reads UTF-8: then no RE2 gate is asked)."""
    key = "_utf8_" + name
    data = doc.__dict__.get(key, False)
    if data is False:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            data = None
        doc.__dict__[key] = data
    return data


_UNCOMPILED = object()

# Python's case-insensitive matching pairs ſ with s and ı and İ with i, but lower() keeps ſ and ı
# and writes İ as i + U+0307: a trigger is also looked for with those read as s and i
_CASE_ODD = ("\u017f", "\u0131", "\u0307")
_CASE_ODD_TABLE = str.maketrans({"\u017f": "s", "\u0131": "i"})


class PatternRule(Rule):
    KEYS = frozenset({"pattern", "flags", "view", "validate", "domains", "context", "trigger", "repeat"})
    mechanism = "pattern"

    def __init__(self, spec: dict, where: str, ctx: Context):
        super().__init__(spec, where, ctx)
        if not isinstance(spec.get("pattern"), str):
            raise RuleError(f"{where}: key 'pattern': expected a regular expression")
        # a cheap gate: the pattern runs only on a text whose folded lower case holds one of
        # these strings (the exhaustive reference path ignores it, and the tests compare)
        trigger = spec.get("trigger", [])
        if isinstance(trigger, str):
            trigger = [trigger]
        if not isinstance(trigger, list) or not all(isinstance(t, str) and t for t in trigger):
            raise RuleError(f"{where}: key 'trigger': expected a list of non-empty texts")
        self.trigger = tuple(fold(t.lower()) for t in trigger)
        flags = 0
        for name in spec.get("flags", []):
            if name not in FLAGS:
                raise RuleError(f"{where}: key 'flags': unknown flag '{name}' (known: {', '.join(FLAGS)})")
            flags |= FLAGS[name]
        self.pattern, self.flags = spec["pattern"], flags  # as written; self.regex may be RE2's translation
        self.engine, self.regex = compile_pattern(spec["pattern"], flags, where, ctx.trusted)
        # the fast path's gate (module docstring): the pattern itself in RE2, else its superset,
        # compiled when first needed
        self._gate = self.regex if self.engine == "re2" else _UNCOMPILED
        groups = self.regex.groupindex
        self._match_group = groups.get("match", 0)  # numbers: RE2's matches take no names
        # `repeat`: tried right after each match, again and again, for the further values of
        # a list ("OTP 550821 và 771204", "mật khẩu: A hoặc B"), which the pattern's keyword
        # no longer stands before
        self.repeat = None
        if "repeat" in spec:
            if not isinstance(spec["repeat"], str):
                raise RuleError(f"{where}: key 'repeat': expected a regular expression")
            self.repeat = compile_pattern(spec["repeat"], flags, f"{where}: key 'repeat'")[1]
            self._repeat_group = self.repeat.groupindex.get("match", 0)
            if "domains" in spec:
                raise RuleError(f"{where}: key 'repeat': not with 'domains' (a repeated value has no domain)")
        self._domain_group = groups.get("domain")
        self.view = spec.get("view", "clean")
        if self.view not in ("clean", "matching"):
            raise RuleError(f"{where}: key 'view': expected 'clean' or 'matching'")
        self.validate = None
        if "validate" in spec:
            if spec["validate"] not in VALIDATORS:
                raise RuleError(f"{where}: key 'validate': unknown validator '{spec['validate']}' "
                                f"(known: {', '.join(VALIDATORS)})")
            self.validate = VALIDATORS[spec["validate"]]
        self.domains: frozenset[str] | None = None
        if "domains" in spec:
            if "domain" not in self.regex.groupindex:
                raise RuleError(f"{where}: key 'domains': the pattern needs a group named 'domain'")
            names = spec["domains"] if isinstance(spec["domains"], list) else [spec["domains"]]
            self.domains = frozenset(
                d.lower() for name in names for d in ctx.wordlist(name, f"{where}: key 'domains'"))
        self.context = None
        self.context_within: str | int = "sentence"
        if "context" in spec:
            cspec = spec["context"]
            self.context_within = cspec.get("within", "sentence") if isinstance(cspec, dict) else "sentence"
            if not (self.context_within in ("sentence", "post") or
                    (isinstance(self.context_within, int) and self.context_within > 0)):
                raise RuleError(f"{where}: key 'context.within': expected 'sentence', 'post' or a number of words")
            self.context = ctx.termset({k: v for k, v in cspec.items() if k != "within"},
                                       f"{where}: key 'context'", f"{self.id}#context")

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

    def _context_ok(self, doc: Document, start: int, end: int) -> bool:
        # the context terms' strong matches by sentence, once a document, and for "within
        # N words" only those near the hit: a scan of all of them for every hit is
        # quadratic (cubic with the word counts) in a long draft without punctuation
        name = self.context.name
        if self.context_within == "post":
            return doc.has_word_match(name)
        sentence = doc.sentence_of_original(start)
        if self.context_within == "sentence":
            return any(doc.is_word(m) for m in doc.strong_by_sentence(name).get(sentence, ()))
        # for "within N words", the sentence's matches with their original spans, sorted once
        spans = doc.__dict__.setdefault("_context_spans", {})
        group = spans.get((name, sentence))
        if group is None:
            group = spans[(name, sentence)] = sorted(
                ((*doc.original_span(m.start, m.end), m) for m in doc.strong_by_sentence(name).get(sentence, ())),
                key=lambda x: (x[0], x[1]))
        for ms, me, m in _near(doc, group, start, end, self.context_within):
            gap = doc.original[min(me, end):max(ms, start)]
            if len(gap.split()) <= self.context_within and doc.is_word(m):
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
                return  # _context_ok looks among the strong matches only: it would say no to every hit
            # the trigger needs a folded copy of the view, which costs more than the gate's
            # search: unless another rule had it made, the gate goes first (and few drafts pass)
            folded = ("folded_clean" if self.view == "clean" else "folded_view") in doc.__dict__
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
        if self.context and not self._context_ok(doc, start, end):
            return None
        return Hit(start, end)


def _near(doc: Document, group: list, start: int, end: int, words: int) -> list:
    """The (start, end, match) items of `group` (sorted) that can lie within `words`
    whitespace-separated words of doc.original[start:end] (a superset)."""
    starts = doc.__dict__.get("_original_token_starts")
    if starts is None:
        starts = doc.__dict__["_original_token_starts"] = array("q", (m.start() for m in _TOKEN.finditer(doc.original)))
    if not group:
        return []
    j = bisect_left(starts, start) - words - 1
    k = bisect_right(starts, end) + words
    longest = max(me - ms for ms, me, _ in group)
    lo = starts[j] - longest if j >= 0 else -1
    hi = starts[k] if k < len(starts) else len(doc.original)
    keys = [ms for ms, _, _ in group]
    return group[bisect_left(keys, lo):bisect_right(keys, hi)]
