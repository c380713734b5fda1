"""Term sets and the one-pass multi-pattern search over every term of every rule.

All terms are folded (lower case, no diacritics) into one Aho-Corasick automaton that
runs once over the folded matching view: that pass is both the matcher and the
prefilter, since only sentences holding a candidate are ever segmented. Each candidate
is then verified against the term's real spelling:

* text written with diacritics must carry the term's own tone marks (mật ≠ mặt ≠ mắt);
* text written without diacritics matches a multi-syllable term's folded form, unless
  a different dictionary word folds to the same letters ("tối mật" / "tối mặt");
* a single folded syllable ("mat", "my") is only a *weak* match, which a proximity rule
  may accept when the other side of the pair is strong, and a term rule never does.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from collections.abc import Iterator, Mapping
from typing import Callable, NamedTuple
from functools import cached_property, lru_cache

import ahocorasick

from .clean import PLAIN_RUN, clean
from .joined import holds_joined_syllables
from .lang.dictionary import fold_index
from .lang.frequency import rare_reading, usual_reading
from .lang.teencode import teencode_pattern
from .lang.vi import accent_probe, fold, tone_key
from .normalize import matching_view

_NOT_ALNUM = re.compile(r"[\W_]")  # str.isalnum() is exactly re's \w without "_"
# folded words that aim what follows at a person (mày, thằng, đứa, bọn, lũ), then up to three
# words: an unmarked "=ngu" after them is the insult, not "ngủ" ("con" is left out: "cho con ngủ")
_AIMED = re.compile(r"(?<![^\W_])(?:may|thang|dua|bon|lu)(?:\s+[^\W_]+){0,3}\s+\Z")


def normalize_term(raw: str) -> str:
    """A term as the matching view would spell it: clean, lower case, single spaces."""
    if (raw.isascii() and raw.isprintable()) or (PLAIN_RUN.fullmatch(raw) and unicodedata.is_normalized("NFC", raw)):
        return " ".join(raw.lower().split())  # str.split() splits at exactly what \s matches
    return " ".join(clean(raw).text.lower().split())


# what the matching view rewrites besides teencode: letters split by . * · • - _ / , | ~ +,
# marks around a word, digits read as letters, a letter held down three times, and a
# word with diacritics long enough to be syllables written together (joined.py)
_VIEW_REWRITES = re.compile(r"[.*·•_\-/,|~+“”\"'‘’()\[\]«»`]|\d|([^\W\d_])\1\1")


@dataclass(frozen=True)
class Term:
    text: str  # normalized spelling
    folded: str
    syllables: int
    accented: bool
    foldable: bool = True  # False for a term written "=term": its exact spelling only

    @cached_property
    def key(self) -> str:
        """tone_key(text), computed on first need: most terms never need it."""
        return tone_key(self.text)


_MISSING = object()


class TermMaker:
    """Makes the Term of a raw word-list line ("=term" for its exact spelling only), once
    a line for a whole rulebook: the same word lists serve many rules.

    Terms are spelt as the matching view spells text: teencode expanded, letters split by
    dots joined ("đsq" → "đại sứ quán", "u.s." → "us."). A term is compared with the view,
    so one the view would rewrite could otherwise never match."""

    def __init__(self, teencode: dict[str, str] | None = None):
        self.teencode = teencode or {}
        self._keys = frozenset(self.teencode)
        self._words = teencode_pattern(tuple(sorted(self.teencode))) if self.teencode else None
        self._made: dict[str, Term | None] = {}

    def __call__(self, raw: str) -> Term | None:
        term = self._made.get(raw, _MISSING)
        if term is _MISSING:
            exact = raw.startswith("=")
            text = self.spell(normalize_term(raw[1:] if exact else raw))
            folded = fold(text)
            term = Term(text, folded, text.count(" ") + 1, folded != text, not exact) if text else None
            self._made[raw] = term
        return term

    def spell(self, text: str) -> str:
        if _VIEW_REWRITES.search(text) or self._has_teencode(text) or (not text.isascii() and holds_joined_syllables(text)):
            return " ".join(matching_view(clean(text), self.teencode).text.split())
        return text

    def _has_teencode(self, text: str) -> bool:
        if text.replace(" ", "").isalnum():  # the usual case: words of letters, looked up at once
            return not self._keys.isdisjoint(text.split(" "))
        return self._words is not None and self._words.search(text) is not None


@dataclass
class TermSet:
    """Terms a rule refers to; `name` identifies the set inside the matcher."""

    name: str
    terms: list[Term] = field(default_factory=list)
    fold: bool = True

    @classmethod
    def build(cls, name: str, raw_terms: list[str], fold_ok: bool = True,
              make: TermMaker | None = None) -> "TermSet":
        make = make or TermMaker()
        seen: dict[str, Term] = {}
        for raw in raw_terms:
            term = make(raw)
            if term is not None and term.text not in seen:
                seen[term.text] = term
        return cls(name, list(seen.values()), fold_ok)


class Match(NamedTuple):  # a tuple: tens of thousands are made in a long draft
    start: int  # in the matching view
    end: int
    term: Term
    weak: bool  # a lone folded syllable: counts only when context confirms it


def written_with_diacritics(text: str, start: int, end: int, reach: int = 80, probe: str | None = None) -> bool:
    """Is the text around a span written with diacritics? Then a span without them is a
    name or a foreign word ("chị Loan"), not Vietnamese typed without marks ("loạn").
    `probe`: accent_probe(text), when the caller has it (one translate a document)."""
    a, b = max(0, start - reach), end + reach
    words = text[a:b].split()
    # the probe changes characters one for one and never white space: the words line up
    probe_words = (probe[a:b] if probe is not None else accent_probe(text[a:b])).split()
    accented = sum(map(str.__ne__, words, probe_words))
    return accented >= 2 and accented >= 0.25 * len(words)


def surely_unmarked(words: list[str]) -> bool:
    """Is one of the words typed without marks not a syllable written bare ("mat", "nuoc":
    a syllable ending in p, t, c or ch always carries a tone mark)? Then the marks were
    dropped, and the words beside it may be read without theirs too; "cho", "bao", "lon"
    are words of their own and prove nothing."""
    from .lang.syllables import inventory

    bare = inventory().bare
    return any(w.isascii() and w.isalpha() and w not in bare for w in words)


def unmarked_plausible(text: str, start: int, end: int, term: Term, partial: bool) -> bool:
    """A multi-syllable term found with a syllable that surely lost its marks is the term;
    otherwise one typed with some marks is not, and one typed with none is only in text
    typed without them (amid accented text it is a name or a foreign word: chị Loan)."""
    if term.syllables > 1 and surely_unmarked(_WORD.findall(text, start, end)):
        return True
    return not partial and not written_with_diacritics(text, start, end)


def word_letters(text: str) -> str:
    """`text` with every character that is not a letter or a digit made a space: the same
    length, so that offsets carry over."""
    return _NOT_ALNUM.sub(" ", text)


def _automaton(entries: dict[str, list[tuple[str, Term]]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, value in entries.items():
        automaton.add_word(key, value)
    if entries:
        automaton.make_automaton()
    return automaton


def fold_is_ambiguous(term: Term, written: list[str] | None = None) -> bool:
    """Does another dictionary word fold to the term's letters ("tối mặt" for "tối mật")?
    With `written` (the syllables as typed, some with marks), only a word that agrees with
    every marked syllable counts: "tối mat" could be tối mặt; "tuyệt mat" is no other word."""
    words = fold_index().get(term.folded, ())
    if written is None:
        # a rare other word (sử quân beside sứ quán) does not make the usual reading doubtful
        return any(tone_key(w) != term.key for w in words) and not usual_reading(term.text, term.folded)
    return any(tone_key(w) != term.key and partially_marked(written, Term(w, term.folded, term.syllables, True))
               for w in words)


_WORD = re.compile(r"[^\W_]+")


_LETTERS = re.compile(r"[a-z0-9]+")


def _neighbour_readings(folded: str, start: int, end: int, term: Term) -> Iterator[tuple[list[str], int]]:
    """The dictionary readings of the span with the word before, and with the word after
    (a reading, and where the span's syllables begin in it), for each neighbour that
    makes a dictionary word with it."""
    before = folded[max(0, start - 24):start]
    after = folded[end:end + 24]
    prev = _LETTERS.search(before[::-1]) if before.endswith(" ") and before[:-1][-1:].isalnum() else None
    nxt = _LETTERS.match(after, 1) if after.startswith(" ") else None
    index = fold_index()
    if prev is not None and prev.start() == 1:
        readings = index.get(prev.group()[::-1] + " " + term.folded)
        if readings:
            yield readings, 1
    if nxt is not None:
        readings = index.get(term.folded + " " + nxt.group())
        if readings:
            yield readings, 0


def neighbour_refutes(folded: str, start: int, end: int, term: Term) -> bool:
    """Does a dictionary word taking in the word before or after the span read the span as
    another word, whatever its marks? "su quan" is usually sứ quán, but in "lanh su quan"
    it can only be the sự quán of lãnh sự quán."""
    own = tone_key(term.text)
    n = term.syllables
    return any(all(tone_key(" ".join(w.split(" ")[at:at + n])) != own for w in readings)
               for readings, at in _neighbour_readings(folded, start, end, term))


@lru_cache(maxsize=4096)
def has_rival_reading(text: str, folded: str) -> bool:
    """Does another dictionary word fold to the term's letters (so that only how often
    each is written made the term the reading)?"""
    key = tone_key(text)
    return any(tone_key(w) != key for w in fold_index().get(folded, ()))


def neighbour_decides(folded: str, start: int, end: int, term: Term) -> bool:
    """Does a dictionary word one syllable longer than the span, taking in the word before
    or after it, read the span as the term and nothing else? Typed without marks "dai su"
    is đại sứ, đại sự or đại sư, but "dai su quan" is only đại sứ quán, and "ben do"
    (bên đó, bến đò) followed by "thi" is no longer word at all: that decides nothing."""
    own = tone_key(term.text)
    n = term.syllables
    return any(all(tone_key(" ".join(w.split(" ")[at:at + n])) == own for w in readings)
               for readings, at in _neighbour_readings(folded, start, end, term))


def partially_marked(written: list[str], term: Term) -> bool:
    """Is each syllable as typed either without marks or the term's own syllable?"""
    own = term.text.split(" ")
    if len(own) != len(written):
        return False
    return all(fold(w) == w or tone_key(w) == tone_key(o) for w, o in zip(written, own))


class Matches(Mapping[str, list[Match]]):
    """Verified matches per term-set name, in text order; a name is present only when its
    set has a match. The automaton's candidates are sorted into their sets in one pass, but
    a set's candidates are verified only when a rule first asks for it: a rule whose own
    terms are absent never pays for its `requires` or `b` terms, which are most of the
    candidates in a long draft."""

    def __init__(self, candidates: dict[str, list[tuple[int, Term]]],
                 verify: Callable[[str, list[tuple[int, Term]]], list[Match]]):
        self._candidates = candidates
        self._verify = verify
        self._verified: dict[str, list[Match]] = {}

    def candidates(self, name: str) -> int:
        """How many unverified candidates the set has: an upper bound on its matches."""
        return len(self._candidates.get(name, ()))

    def __getitem__(self, name: str) -> list[Match]:
        found = self._verified.get(name)
        if found is None:
            found = self._verified[name] = self._verify(name, self._candidates.get(name, []))
        if not found:
            raise KeyError(name)
        return found

    def __iter__(self) -> Iterator[str]:
        return (name for name in list(self._candidates) if name in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Matcher:
    """Finds every term of every registered set in a text, in one pass."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._edge_automaton = ahocorasick.Automaton()
        self._entries: dict[str, list[tuple[str, Term]]] = {}
        self._sets: dict[str, TermSet] = {}
        self._built = False

    def add(self, termset: TermSet) -> None:
        if termset.name in self._sets:
            return
        self._sets[termset.name] = termset
        for term in termset.terms:
            self._entries.setdefault(term.folded, []).append((termset.name, term))
        self._built = False

    def finalize(self) -> None:
        """Build the automata. Terms that begin and end with a letter or digit (nearly all)
        are keyed " term " with every other character a space, and searched in the text
        spelt the same way: only whole-syllable occurrences come out of the automaton,
        instead of every "ma" inside "mai" and "nam" that Python would have to reject one
        by one. The few terms with a punctuation edge ("u.s.", "opec+") have their own."""
        if self._built:
            return
        bounded: dict[str, list[tuple[str, Term]]] = {}
        edged: dict[str, list[tuple[str, Term]]] = {}
        for folded, entries in self._entries.items():
            if folded[:1].isalnum() and folded[-1:].isalnum():
                bounded.setdefault(f" {word_letters(folded)} ", []).extend(entries)
            elif folded:
                edged[folded] = entries
        self._automaton = _automaton(bounded)
        self._edge_automaton = _automaton(edged)
        self._built = True

    def find(self, text: str, unmarked_ok: Callable[[int, int, Term, bool], bool] | None = None,
             folded: str | None = None, folded_words: str | None = None) -> Matches:
        """Verified matches in `text` (the matching view), per term-set name, in text order.

        `unmarked_ok(start, end, term, partial)` decides a span typed with the marks of its
        accented term missing (in `partial`ly: in some syllables only); by default
        unmarked_plausible() on `text` itself. `folded` (fold(text)) and
        `folded_words` (word_letters(folded)) may be given when the caller has them."""
        self.finalize()
        folded = fold(text) if folded is None else folded
        sources = []
        if len(self._automaton):
            words = word_letters(folded) if folded_words is None else folded_words
            # a key " term " ends on the space after the term, which is `text` offset
            # `last - 1`: the term's own last character is `last - 2`
            sources.append((self._automaton.iter(f" {words} "), -1))
        if len(self._edge_automaton):
            sources.append((self._edge_automaton.iter(folded), 1))
        return self._collect(text, folded, sources, unmarked_ok)

    def _collect(self, text: str, folded: str, sources, unmarked_ok) -> "Matches":
        """`sources`: (candidates, shift) pairs; each candidate is (index, entries), and
        the term ends (exclusive) at index + shift."""
        unmarked_ok = unmarked_ok or (lambda s, e, term, partial: unmarked_plausible(text, s, e, term, partial))
        buckets: dict[str, list[tuple[int, Term]]] = {}
        for candidates, shift in sources:
            for last, entries in candidates:
                end = last + shift
                for set_name, term in entries:
                    bucket = buckets.get(set_name)
                    if bucket is None:
                        bucket = buckets[set_name] = []
                    bucket.append((end, term))
        n = len(text)

        def verify(set_name: str, candidates: list[tuple[int, Term]]) -> list[Match]:
            termset = self._sets[set_name]
            found = []
            # the same few words come up again and again ("là", "mình"): each spelling is
            # verified against each term once
            verdicts: dict[tuple[str, int], bool | None] = {}
            for end, term in candidates:
                start = end - len(term.folded)
                if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
                    continue  # inside a longer syllable
                span = text[start:end]
                key = (span, id(term))  # terms outlive this call: ids are stable
                if key in verdicts:
                    weak = verdicts[key]
                else:
                    weak = verdicts[key] = self._verify(span, folded[start:end], term, termset)
                if weak is None and span == folded[start:end] and term.syllables > 1 and term.accented \
                        and term.foldable and termset.fold and neighbour_decides(folded, start, end, term):
                    weak = False  # "dai su quan": the longer word around the span reads it
                if weak is None:
                    continue
                if weak is False and term.syllables > 1 and span == folded[start:end] and term.accented \
                        and has_rival_reading(term.text, term.folded) \
                        and neighbour_refutes(folded, start, end, term):
                    continue  # the usual reading, but a longer word around it reads it otherwise
                if not term.foldable and not term.accented and not written_with_diacritics(text, start, end) \
                        and not _AIMED.search(folded, max(0, start - 40), start):
                    # "=ngu" means this spelling, without marks: only text written with marks
                    # shows that it is; typed without any, "ngu" is as likely "ngủ", unless
                    # a word aiming it at a person comes just before ("may dua nay ngu")
                    continue
                if term.accented and (span == folded[start:end] or weak is False and span != term.text
                                      and tone_key(span) != term.key):
                    # typed with marks missing, in all syllables or some: is it a term whose
                    # marks were dropped, or other words (Châu Á du lịch; đồ cho bé)?
                    if not unmarked_ok(start, end, term, span != folded[start:end]):
                        continue
                found.append(Match(start, end, term, weak))
            found.sort(key=lambda m: (m.start, m.end, m.term.text))
            return found

        return Matches(buckets, verify)

    @staticmethod
    def _verify(span: str, folded_span: str, term: Term, termset: TermSet) -> bool | None:
        """None: not this term; False: a firm match; True: a weak (folded syllable) match."""
        if folded_span != term.folded:
            return None  # "kim jong un" found as " kim jong un " for the term "kim jong-un"
        if span == term.text:
            return False
        if folded_span != span:  # written with marks
            # only the term's own tone marks, wherever they sit (hoà = hòa)
            if term.accented and tone_key(span) == term.key:
                return False
            if not term.accented or not term.foldable or not termset.fold:
                return None
            # some syllables with marks, some without ("tài liệu tuyet mật"): matched like
            # text without any, if every marked syllable is the term's own
            words = _WORD.findall(span)
            if len(words) != term.syllables or not partially_marked(words, term):
                return None
            return None if fold_is_ambiguous(term, words) else False
        if not term.accented or not term.foldable or not termset.fold:
            return None
        if term.syllables == 1:
            # a lone bare syllable is weak unless staff nearly always mean the term by those
            # letters ("minh" is mình far more often than minh, "toi" is tôi, tối or tới)
            return not usual_reading(term.text, term.folded)
        return None if fold_is_ambiguous(term) or rare_reading(term.text, term.folded) else False
