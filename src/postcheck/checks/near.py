"""`near`: an entity and a topic in the same sentence, the same post, or within N words
(a foreign state near an internal-politics term). The topic's span is reported."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..rulebook import Context, RuleError
from .base import Hit, Rule


class NearRule(Rule):
    KEYS = frozenset({"a", "b", "within", "exceptions", "report"})

    def __init__(self, spec: dict, where: str, ctx: Context):
        super().__init__(spec, where, ctx)
        for key in ("a", "b"):
            if key not in spec:
                raise RuleError(f"{where}: missing key '{key}'")
        self.a = ctx.termset(spec["a"], f"{where}: key 'a'", f"{self.id}#a")
        self.b = ctx.termset(spec["b"], f"{where}: key 'b'", f"{self.id}#b")
        self.exceptions = (
            ctx.termset(spec["exceptions"], f"{where}: key 'exceptions'", f"{self.id}#exceptions")
            if "exceptions" in spec else None
        )
        within = spec.get("within", "sentence")
        if not (within in ("sentence", "post") or (isinstance(within, int) and not isinstance(within, bool) and within >= 0)):
            raise RuleError(f"{where}: key 'within': expected 'sentence', 'post' or a number of words")
        self.within = within
        self.report = spec.get("report", "b")
        if self.report not in ("a", "b"):
            raise RuleError(f"{where}: key 'report': expected 'a' or 'b' (which side's span to report)")

    def _close(self, doc: Document, a, b) -> bool:
        if self.within == "post":
            return True
        if self.within == "sentence":
            return doc.sentence_of(a.start) == doc.sentence_of(b.start)
        return doc.sentence_of(a.start) == doc.sentence_of(b.start) and doc.words_between(
            min(a.end, b.end), max(a.start, b.start)) <= self.within

    def hits(self, doc: Document) -> Iterator[Hit]:
        if self.a.name not in doc.matches or self.b.name not in doc.matches:
            return
        excluded = [(m.start, m.end) for m in doc.matches.get(self.exceptions.name, ())] if self.exceptions else []
        # proximity first, word boundaries last: segmentation runs only for close pairs
        entities = doc.matches.get(self.a.name, ())
        topics = [t for t in doc.matches.get(self.b.name, ())
                  if not any(t.start < e and s < t.end for s, e in excluded)]
        reported, others = (entities, topics) if self.report == "a" else (topics, entities)
        for mine in reported:
            mine_ok = None
            for other in others:
                if (mine.weak and other.weak) or not self._close(doc, mine, other):
                    continue
                if other.start < mine.end and mine.start < other.end:
                    continue  # one phrase serving as both entity and topic
                if mine_ok is None:
                    mine_ok = doc.is_word(mine)
                if not mine_ok:
                    break
                if not doc.is_word(other):
                    continue
                entity, topic = (mine, other) if self.report == "a" else (other, mine)
                a_start, a_end = doc.original_span(entity.start, entity.end)
                b_start, b_end = doc.original_span(topic.start, topic.end)
                start, end = (a_start, a_end) if self.report == "a" else (b_start, b_end)
                yield Hit(start, end, {"a": doc.original[a_start:a_end], "b": doc.original[b_start:b_end]})
                break
