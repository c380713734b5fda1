"""The library API: a compiled rulebook that checks texts.

    from postcheck import load_rulebook
    findings = load_rulebook().check_text("Tài liệu mật ...")
"""
from __future__ import annotations

from functools import lru_cache

from .document import Document
from .findings import Finding
from .resources import data_file
from .terms import Matcher


@lru_cache(maxsize=1)
def teencode_table() -> dict[str, str]:
    table = {}
    for line in data_file("teencode.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, full = line.split("\t")
            table[short.strip()] = full.strip()
    return table


class Rulebook:
    def __init__(self, rules: list, matcher: Matcher, used_wordlists: set[str]):
        self.rules = rules
        self.matcher = matcher
        self.used_wordlists = used_wordlists
        self.by_id = {r.id: r for r in rules}

    def document(self, text: str, exhaustive: bool = False) -> Document:
        return Document(text, teencode_table(), self.matcher, exhaustive)

    def check_text(self, text: str, lang: str = "vi", exhaustive: bool = False) -> list[Finding]:
        """Findings in `text`, in text order. `exhaustive` takes the slow reference path."""
        doc = self.document(text, exhaustive)
        findings = [f for rule in self.rules for f in rule.check(doc, lang)]
        findings.sort(key=lambda f: (f.start, f.end, f.clause, f.rule))
        return findings

    def configure(self, config) -> None:
        """Apply a project configuration: which rules run, at which severity."""
        kept = []
        for rule in self.rules:
            if config.selects(rule.id, rule.clause):
                rule.severity = config.severity_for(rule.id, rule.clause, rule.severity)
                kept.append(rule)
        self.rules = kept
        self.by_id = {r.id: r for r in kept}
