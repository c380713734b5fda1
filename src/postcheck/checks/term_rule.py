"""`terms`: words and phrases, matched on word boundaries from the segmentation."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..rulebook import Context, RuleError
from ..register import in_title
from .base import Hit, Rule, SpanSet


class TermRule(Rule):
    KEYS = frozenset({"terms", "wordlists", "exceptions", "fold", "words", "in_titles"})

    def __init__(self, spec: dict, where: str, ctx: Context):
        super().__init__(spec, where, ctx)
        fold = spec.get("fold", True)
        words = spec.get("words", True)
        for key, value in (("fold", fold), ("words", words)):
            if not isinstance(value, bool):
                raise RuleError(f"{where}: key '{key}': expected true or false")
        self.need_words = words
        # in_titles: false — a match that is a word of a Title Case name or title (a film, a
        # book: "Confidential Assignment") is not the term (register.in_title)
        self.in_titles = spec.get("in_titles", True)
        if not isinstance(self.in_titles, bool):
            raise RuleError(f"{where}: key 'in_titles': expected true or false")
        self.termset = ctx.termset(
            {k: spec[k] for k in ("terms", "wordlists") if k in spec}, where, self.id, fold
        )
        self.exceptions = (
            ctx.termset(spec["exceptions"], f"{where}: key 'exceptions'", f"{self.id}#exceptions")
            if "exceptions" in spec else None
        )

    def hits(self, doc: Document) -> Iterator[Hit]:
        matches = doc.matches.get(self.termset.name, ())
        if not matches:
            return
        excluded = SpanSet((m.start, m.end) for m in doc.matches.get(self.exceptions.name, ())) if self.exceptions else None
        for m in matches:
            if m.weak and not doc.in_evasion(m):
                continue  # a bare folded syllable counts only where the word was split on purpose
            if excluded and excluded.overlaps(m.start, m.end):
                continue
            if not (doc.is_word(m) if self.need_words else doc.plausible_unaccented(m)):
                continue
            start, end = doc.original_span(m.start, m.end)
            if not self.in_titles and in_title(doc.original, start, end):
                continue
            yield Hit(start, end)
