"""`near`: an entity and a topic in the same sentence, the same post, or within N words
(a foreign state near an internal-politics term). The topic's span is reported."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Iterator

from ..document import Document
from ..rulebook import Context, RuleError
from ..register import in_title, inside_name, leads_clause, names_person_after
from .base import Hit, Rule, SpanSet


_TOKEN = re.compile(r"\S+")  # the words Document.words_between counts


class NearRule(Rule):
    KEYS = frozenset({"a", "b", "within", "exceptions", "report", "in_names", "named_titles", "in_titles",
                      "leads_clause"})

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
        # {sentences: N}: the same sentence or up to N sentences apart (a short window: a
        # draft of several short exclamations); "post" must be asked for explicitly
        self.sentence_window = None
        if isinstance(within, dict):
            n = within.get("sentences")
            if set(within) != {"sentences"} or not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 3:
                raise RuleError(f"{where}: key 'within': expected {{sentences: 0..3}}")
            self.sentence_window = n
        elif not (within in ("sentence", "post") or (isinstance(within, int) and not isinstance(within, bool) and within >= 0)):
            raise RuleError(f"{where}: key 'within': expected 'sentence', 'post', {{sentences: N}} or a number of words")
        self.within = within
        # in_names: false — an `a` match that is one syllable of a longer proper name is not
        # the entity ("Đức" in "Tôn Đức Thắng", "Mỹ" in "Mỹ Tâm"); named_titles: false — an `a`
        # title followed by a person's name refers to that person, in the third person
        # ("Bộ trưởng Nguyễn Văn A"), not to the writer (register.py)
        for key in ("in_names", "named_titles"):
            if not isinstance(spec.get(key, True), bool):
                raise RuleError(f"{where}: key '{key}': expected true or false")
        # in_titles: false — a `b` match that is a word of a Title Case name ("Tổ chức Giám
        # sát Nhân quyền Syria", "Ủy ban Bầu cử") names a body, not the topic
        if not isinstance(spec.get("in_titles", True), bool):
            raise RuleError(f"{where}: key 'in_titles': expected true or false")
        self.in_titles = spec.get("in_titles", True)
        self.in_names = spec.get("in_names", True)
        # leads_clause: true — an `a` match counts only where it opens its clause or follows the
        # writer's own pronoun ("Thay mặt Đại sứ quán, mình …"), not after a subject
        if not isinstance(spec.get("leads_clause", False), bool):
            raise RuleError(f"{where}: key 'leads_clause': expected true or false")
        self.leads_clause = spec.get("leads_clause", False)
        self.named_titles = spec.get("named_titles", True)
        self.report = spec.get("report", "b")
        if self.report not in ("a", "b"):
            raise RuleError(f"{where}: key 'report': expected 'a' or 'b' (which side's span to report)")

    def _close(self, doc: Document, a, b) -> bool:
        if self.within == "post":
            return True
        if self.sentence_window is not None:
            return abs(doc.sentence_of(a.start) - doc.sentence_of(b.start)) <= self.sentence_window
        if self.within == "sentence":
            return doc.sentence_of(a.start) == doc.sentence_of(b.start)
        return doc.sentence_of(a.start) == doc.sentence_of(b.start) and doc.words_between(
            min(a.end, b.end), max(a.start, b.start)) <= self.within

    def _entity_ok(self, doc: Document, match) -> bool:
        start, end = doc.original_span(match.start, match.end)
        if not self.in_names and inside_name(doc.original, start, end):
            return False
        if self.leads_clause and not leads_clause(doc.original, start):
            return False
        return self.named_titles or not names_person_after(doc.original, end)

    def hits(self, doc: Document) -> Iterator[Hit]:
        # the side with fewer candidates first: when it has no match, the other side's
        # candidates are never verified
        first, second = sorted((self.a.name, self.b.name), key=doc.matches.candidates)
        if first not in doc.matches or second not in doc.matches:
            return
        excluded = SpanSet((m.start, m.end) for m in doc.matches.get(self.exceptions.name, ())) if self.exceptions else None
        # proximity first, word boundaries last: segmentation runs only for close pairs
        entities = doc.matches.get(self.a.name, ())
        if not (self.in_names and self.named_titles) or self.leads_clause:
            entities = [e for e in entities if self._entity_ok(doc, e)]
        topics = [t for t in doc.matches.get(self.b.name, ())
                  if not (excluded and excluded.overlaps(t.start, t.end))]
        if not self.in_titles:
            topics = [t for t in topics if not in_title(doc.original, *doc.original_span(t.start, t.end))]
        reported, others = (entities, topics) if self.report == "a" else (topics, entities)
        # Each reported match is paired with the first match of the other side (text order)
        # that is close, not the same phrase, not weak when it is weak, and a word; its own
        # word check waits until such a pair is possible. The other side is grouped (by
        # sentence, or the whole post) and, for N words, looked up by position, so that a
        # long draft does not cost reported × others comparisons.
        wide = self.within == "post" or self.sentence_window is not None
        groups: dict = {}
        for other in others:  # the matcher lists them in text order
            key = None if wide else doc.sentence_of(other.start)
            groups.setdefault(key, []).append(other)
        lookup: dict = {}  # key → _Group, made when a reported match first needs it
        for mine in reported:
            key = None if wide else doc.sentence_of(mine.start)
            group = lookup.get(key)
            if group is None:
                if key not in groups:
                    continue
                group = lookup[key] = _Group(doc, groups[key])
            if isinstance(self.within, int):
                candidates = words = [o for o in group.window(mine, self.within) if self._close(doc, mine, o)]
            elif self.sentence_window is not None:
                candidates = words = [o for o in (group.strong if mine.weak else group.all)
                                      if self._close(doc, mine, o) and group.is_word(o)]
            else:
                candidates = group.strong if mine.weak else group.all
                words = group.strong_words if mine.weak else group.words
            if _first(mine, candidates) is None or not doc.is_word(mine):
                continue
            other = _first(mine, (o for o in words if group.is_word(o)))
            if other is None:
                continue
            entity, topic = (mine, other) if self.report == "a" else (other, mine)
            a_start, a_end = doc.original_span(entity.start, entity.end)
            b_start, b_end = doc.original_span(topic.start, topic.end)
            start, end = (a_start, a_end) if self.report == "a" else (b_start, b_end)
            yield Hit(start, end, {"a": doc.original[a_start:a_end], "b": doc.original[b_start:b_end]})


def _first(mine, candidates):
    """The first candidate that is not weak alongside a weak `mine` and is not the same phrase."""
    for other in candidates:
        if (mine.weak and other.weak) or (other.start < mine.end and mine.start < other.end):
            continue
        return other
    return None


class _Group:
    """One side's matches in a sentence (or post), in text order, with their word checks
    made once each and as late as possible."""

    def __init__(self, doc: Document, matches: list):
        self.doc = doc
        self.all = matches
        self._word: dict[int, bool] = {}
        self.words = _Lazy(self.all, self.is_word)

    @cached_property
    def strong(self) -> list:
        return [m for m in self.all if not m.weak]

    @cached_property
    def strong_words(self) -> "_Lazy":
        return _Lazy(self.strong, self.is_word)

    @cached_property
    def _starts(self) -> list[int]:
        return [m.start for m in self.all]

    @cached_property
    def _longest(self) -> int:
        return max(m.end - m.start for m in self.all)

    def is_word(self, match) -> bool:
        key = id(match)
        if key not in self._word:
            self._word[key] = self.doc.is_word(match)
        return self._word[key]

    def window(self, mine, words: int) -> list:
        """The matches that can be within `words` words of `mine` (a superset, in text order)."""
        # word starts of mine's sentence only (a pair is only ever close within a sentence),
        # found once a sentence: the whole draft's words would cost more than all lookups
        doc, text = self.doc, self.doc.view.text
        index = doc.sentence_of(mine.start)
        cache = doc.__dict__.setdefault("_sentence_token_starts", {})
        starts = cache.get(index)
        if starts is None:
            s, e = doc.sentences[index] if doc.sentences else (0, len(text))
            starts = cache[index] = [m.start() for m in _TOKEN.finditer(text, s, e)]
        j = bisect_left(starts, mine.start) - words - 1
        k = bisect_right(starts, mine.end) + words
        lo = starts[j] - self._longest if j >= 0 else -1
        hi = starts[k] if k < len(starts) else len(text)
        return self.all[bisect_left(self._starts, lo):bisect_right(self._starts, hi)]


class _Lazy:
    """The items of `source` that pass `keep`, tested only as far as they are read."""

    def __init__(self, source: list, keep):
        self.source, self.keep, self.items, self.read = source, keep, [], 0

    def __iter__(self):
        k = 0
        while True:
            while k >= len(self.items):
                if self.read >= len(self.source):
                    return
                item = self.source[self.read]
                self.read += 1
                if self.keep(item):
                    self.items.append(item)
            yield self.items[k]
            k += 1
