"""`pattern`: regular expressions with Unicode-aware boundaries, optionally checked by a
validator (ID numbers, phones), a domain list (official e-mail) or nearby context terms."""
from __future__ import annotations

import fnmatch
import re
from typing import Iterator

from ..document import Document
from ..rulebook import Context, RuleError
from ..validators import VALIDATORS
from .base import Hit, Rule, firm_words

FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE}


class PatternRule(Rule):
    KEYS = frozenset({"pattern", "flags", "view", "validate", "domains", "context"})
    mechanism = "pattern"

    def __init__(self, spec: dict, where: str, ctx: Context):
        super().__init__(spec, where, ctx)
        if not isinstance(spec.get("pattern"), str):
            raise RuleError(f"{where}: key 'pattern': expected a regular expression")
        flags = 0
        for name in spec.get("flags", []):
            if name not in FLAGS:
                raise RuleError(f"{where}: key 'flags': unknown flag '{name}' (known: {', '.join(FLAGS)})")
            flags |= FLAGS[name]
        try:
            self.regex = re.compile(spec["pattern"], flags)
        except re.error as exc:
            raise RuleError(f"{where}: key 'pattern': invalid regular expression: {exc}") from None
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
        domain = domain.lower().rstrip(".")
        labels = domain.split(".")
        for listed in self.domains:
            n = listed.count(".") + 1
            # the listed domain itself or any sub-domain of it; * spans one label's characters
            if len(labels) >= n and fnmatch.fnmatchcase(".".join(labels[-n:]), listed):
                return True
        return False

    def _context_ok(self, doc: Document, start: int, end: int) -> bool:
        for m in firm_words(doc, self.context, allow_weak=False):
            if self.context_within == "post":
                return True
            ms, me = doc.original_span(m.start, m.end)
            if doc.sentence_of_original(ms) != doc.sentence_of_original(start):
                continue
            if self.context_within == "sentence":
                return True
            gap = doc.original[min(me, end):max(ms, start)]
            if len(gap.split()) <= self.context_within:
                return True
        return False

    def hits(self, doc: Document) -> Iterator[Hit]:
        view = doc.clean if self.view == "clean" else doc.view
        group = "match" if "match" in self.regex.groupindex else 0
        for m in self.regex.finditer(view.text):
            s, e = m.span(group)
            if e <= s:
                continue
            if self.validate and not self.validate(m.group(group)):
                continue
            if self.domains is not None and not self._domain_ok(m.group("domain")):
                continue
            start, end = view.original_span(s, e)
            if self.context and not self._context_ok(doc, start, end):
                continue
            yield Hit(start, end)
