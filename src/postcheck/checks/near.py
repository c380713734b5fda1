"""`near`: an entity and a topic in the same sentence, the same post, or within N words
(a foreign state near an internal-politics term). The topic's span is reported."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator, Literal

from ..document import Document
from ..register import in_title, inside_name, leads_clause, names_person_after
from .base import Hit, Rule, RuleKeys, SpanSet
from .schema import Terms, key
from .scope import PAIR_UNITS, SENTENCE, Scope, pair_close, sentence_token_starts, terms_present, word_window
from .sdk import Context


@dataclass(kw_only=True)
class Exceptions(Terms):
    """Phrases a `b` match inside of is not the topic; `voided_by`: terms whose presence in
    the sentence makes them count again (a verdict said of the election held)."""

    voided_by: Terms | None = None


@dataclass(kw_only=True)
class NearKeys(RuleKeys):
    a: Terms  # the entity
    b: Terms  # the topic
    # the same sentence, up to N sentences apart ({sentences: N}: a draft of several short
    # exclamations), within N words, or (asked for explicitly) the whole post
    within: Scope = key(SENTENCE, parse=lambda v, where, k: Scope.parse(v, where, k, units=PAIR_UNITS))
    exceptions: Exceptions | None = None  # a `b` match inside one of these is not the topic
    report: Literal["a", "b"] = "b"  # whose span is reported
    # in_names: false — an `a` match that is one syllable of a longer proper name is not the
    # entity ("Đức" in "Tôn Đức Thắng", "Mỹ" in "Mỹ Tâm"); named_titles: false — an `a`
    # title followed by a person's name refers to that person, in the third person ("Bộ
    # trưởng Nguyễn Văn A"), not to the writer (register.py)
    in_names: bool = True
    named_titles: bool = True
    # in_titles: false — a `b` match that is a word of a Title Case name ("Tổ chức Giám sát
    # Nhân quyền Syria", "Ủy ban Bầu cử") names a body, not the topic
    in_titles: bool = True
    # leads_clause: true — an `a` match counts only where it opens its clause or follows the
    # writer's own pronoun ("Thay mặt Đại sứ quán, mình …"), not after a subject
    leads_clause: bool = False
    # a_first: true — an `a` match counts only before its `b` match ("đồ … vô dụng", not
    # "vô dụng … đồ"): a pointer that reads one way
    a_first: bool = False
    # a_owner: an `a` match followed, at most two words on and in the same clause, by one of
    # these (another state: "Bộ trưởng Ngoại giao Ecuador", "Đại sứ quán Pháp") is that
    # owner's body, not the entity; "tại" or "ở" between ("Đại sứ quán tại Pháp") keeps it
    a_owner: Terms | None = None


# words that set a body down somewhere instead of naming its owner ("Đại sứ quán tại Pháp"),
# or name Viet Nam as the owner, folded
# (as typed: bare "tai" may be tại, so it counts too, while "tài chính" does not)
_NOT_OWNER = frozenset({"tại", "ở", "bên", "sang", "việt", "nam", "ta", "mình",
                        "tai", "o", "ben", "viet", "minh"})


class NearRule(Rule):
    Keys = NearKeys
    placeholders = Rule.placeholders | {"a", "b"}

    def __init__(self, keys: NearKeys, where: str, ctx: Context):
        super().__init__(keys, where, ctx)
        self.a = ctx.termset(keys.a, where, "a", f"{self.id}#a")
        self.b = ctx.termset(keys.b, where, "b", f"{self.id}#b")
        self.exceptions = (ctx.termset(keys.exceptions, where, "exceptions", f"{self.id}#exceptions")
                           if keys.exceptions else None)
        self.exceptions_voided = (ctx.termset(keys.exceptions.voided_by, where, "exceptions.voided_by",
                                              f"{self.id}#exceptions~voided")
                                  if keys.exceptions and keys.exceptions.voided_by else None)
        self.within = keys.within
        self.in_titles = keys.in_titles
        self.in_names = keys.in_names
        self.leads_clause = keys.leads_clause
        self.a_first = keys.a_first
        self.named_titles = keys.named_titles
        self.report = keys.report
        self.a_owner = ctx.termset(keys.a_owner, where, "a_owner", f"{self.id}#a_owner") if keys.a_owner else None

    def scopes(self) -> list[Scope]:
        return super().scopes() + [self.within]

    def _exception_voided(self, doc: Document, match) -> bool:
        if self.exceptions_voided is None:
            return False
        start, end = doc.original_span(match.start, match.end)
        return terms_present(doc, self.exceptions_voided.name, SENTENCE, start, end)

    def _entity_ok(self, doc: Document, match) -> bool:
        start, end = doc.original_span(match.start, match.end)
        if not self.in_names and inside_name(doc.original, start, end):
            return False
        if self.leads_clause and not leads_clause(doc.original, start):
            return False
        if self.a_owner is not None and self._owned(doc, match):
            return False
        return self.named_titles or not names_person_after(doc.original, end)

    def _owned(self, doc: Document, match) -> bool:
        """Is the `a` match followed closely by its owner, another state?"""
        text = doc.view.text
        for owner in doc.matches.get(self.a_owner.name, ()):
            if owner.start < match.end or owner.start - match.end > 40 or owner.weak:
                continue
            between = text[match.end:owner.start]
            words = between.split()
            if len(words) <= 2 and all(c.isalnum() or c.isspace() for c in between) \
                    and not any(w.lower() in _NOT_OWNER for w in words) and doc.is_word(owner):
                return True
        return False

    def hits(self, doc: Document) -> Iterator[Hit]:
        # the side with fewer candidates first: when it has no match, the other side's
        # candidates are never verified
        first, second = sorted((self.a.name, self.b.name), key=doc.matches.candidates)
        if first not in doc.matches or second not in doc.matches:
            return
        excluded = SpanSet((m.start, m.end) for m in doc.matches.get(self.exceptions.name, ())
                           if not self._exception_voided(doc, m)) if self.exceptions else None
        # proximity first, word boundaries last: segmentation runs only for close pairs
        entities = doc.matches.get(self.a.name, ())
        if not (self.in_names and self.named_titles) or self.leads_clause or self.a_owner is not None:
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
        wide = self.within.unit in ("post", "sentences")
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
            if self.within.unit == "words":
                candidates = words = [o for o in group.window(mine, self.within.n)
                                      if pair_close(doc, self.within, mine, o)]
            elif self.within.unit == "sentences":
                candidates = words = [o for o in (group.strong if mine.weak else group.all)
                                      if pair_close(doc, self.within, mine, o) and group.is_word(o)]
            else:
                candidates = group.strong if mine.weak else group.all
                words = group.strong_words if mine.weak else group.words
            if self.a_first:
                ordered = [o for o in candidates if (o.end <= mine.start if self.report == "b" else o.start >= mine.end)]
                candidates = ordered
                if isinstance(words, list):
                    words = [o for o in words if o in ordered]
                else:
                    words = [o for o in words if o in ordered]
            if _first(mine, candidates) is None or not doc.is_word(mine):
                continue
            if isinstance(words, list):
                # the close ones are all known: the message names the nearest, not the first
                # in the text ("sắp được bổ nhiệm", not a heading's "Bản tin nội bộ")
                other = _nearest(mine, [o for o in words if group.is_word(o)])
            else:
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


def _nearest(mine, candidates: list):
    """The candidate _first would accept that is closest to `mine` (the first of equals)."""
    best, best_gap = None, None
    for other in candidates:
        if (mine.weak and other.weak) or (other.start < mine.end and mine.start < other.end):
            continue
        gap = max(other.start - mine.end, mine.start - other.end)
        if best_gap is None or gap < best_gap:
            best, best_gap = other, gap
    return best


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
        # word starts of mine's sentence only: a pair is only ever close within a sentence
        starts = sentence_token_starts(self.doc, self.doc.sentence_of(mine.start))
        lo, hi = word_window(starts, self._starts, self._longest, mine.start, mine.end, words,
                             len(self.doc.view.text))
        return self.all[lo:hi]


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
