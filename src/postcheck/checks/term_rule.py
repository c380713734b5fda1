"""`terms`: words and phrases, matched on word boundaries from the segmentation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..document import Document
from ..register import in_title
from .base import Hit, Rule, RuleKeys, SpanSet
from .schema import Terms, key
from .sdk import Context


@dataclass(kw_only=True)
class TermKeys(RuleKeys, Terms):
    exceptions: Terms | None = None  # look-alike phrases: a match inside one is not the term
    fold: bool = True  # false: never matched without diacritics
    words: bool = True  # false: no word-boundary check (reviewed lists)
    # false: a match that is a word of a Title Case name or title (a film, a book:
    # "Confidential Assignment") is not the term (register.in_title)
    in_titles: bool = key(True)


class TermRule(Rule):
    Keys = TermKeys

    def __init__(self, keys: TermKeys, where: str, ctx: Context):
        super().__init__(keys, where, ctx)
        self.need_words = keys.words
        self.in_titles = keys.in_titles
        self.termset = ctx.termset(keys, where, "", self.id, keys.fold)
        self.exceptions = (ctx.termset(keys.exceptions, where, "exceptions", f"{self.id}#exceptions")
                           if keys.exceptions else None)
        if self.fixer:
            self.fixer.check_terms({t.text for t in self.termset.terms}, where)

    def _fix_term(self, doc: Document, m) -> str | None:
        """The term, for a fix worded per term, when the match is a word of its own: a
        reviewed list (words: false) also matches the start of a longer word ("vô học" of
        "vô học thức"), where a swap would leave half a word behind."""
        polite = self.fixer.polite if self.fixer else None
        if polite is None or m.term.text not in polite:
            return m.term.text
        return m.term.text if self.need_words or doc.is_word(m) else None

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
            yield Hit(start, end, term=self._fix_term(doc, m))
