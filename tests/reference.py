"""The exhaustive reference the fast paths must agree with: test code only.

Production takes shortcuts (plain lines kept whole, prefiltered scans, one automaton pass
for every term, a segmenter asked only where a candidate is, pattern rules that skip a
draft after a few cheap questions). Here everything is done the straightforward way, and
the differential tests (test_fast_normalize, test_prefilter, test_re2_patterns) compare:

* reference_clean / reference_matching_view / reference_evasion_spans: every line cleaned
  one by one, each pass's pattern run with finditer over the whole text and each match
  put through MappedBuilder;
* ExhaustiveMatcher: every term searched alone in the folded text;
* exhaustive_findings: a rulebook's findings with those, every sentence segmented up
  front and no pattern rule skipping a draft; each document's views are checked against
  the reference ones, character by character, on the way.
"""
from __future__ import annotations

import re
from unittest.mock import patch

from postcheck import normalize
from postcheck.checks.pattern import PatternRule
from postcheck.clean import _clean_lines
from postcheck.document import Document
from postcheck.lang.teencode import glued, teencode_pattern, teencode_table
from postcheck.lang.vi import fold
from postcheck.normalize import _DASHED, _DOTTED, _LEET_MAP, _SPACE_RUN, _SPACED, _STRETCHED
from postcheck.terms import Matcher, Matches
from postcheck.textmap import MappedBuilder, MappedText, apply_edits, rewrite

_L = r"[^\W\d_]"
_LEET = re.compile(rf"(?<={_L})[013457](?={_L})")


# --- normalization ----------------------------------------------------------------------

def reference_clean(original: str) -> MappedText:
    """normalize.clean, every line taken one by one."""
    out = MappedBuilder(MappedText.identity(original))
    _clean_lines(original, 0, len(original), out)
    return out.build()


def _letters_only(m: re.Match):
    cuts = normalize.spelled_out_cuts("".join(ch for ch in m.group() if ch.isalnum()))
    seen = 0
    for run in re.finditer(r"\w|\W+", m.group()):  # a letter, or a run of separators
        k, j = m.start() + run.start(), m.start() + run.end()
        if run.group().isalnum():
            yield ("keep", k, j)
            seen += 1
        elif seen in cuts:
            yield ("put", k, j, " ")


def _expand(m: re.Match, teencode: dict[str, str]):
    word = m.group()
    full = teencode.get(word)
    if full is None:
        return [("keep", m.start(), m.end())]
    if len(word) == 1:
        # "50 k", "3 m": a single letter after a number is a unit, not teencode
        before = m.string[max(0, m.start() - 3): m.start()].rstrip(" ")
        if before[-1:].isdigit():
            return [("keep", m.start(), m.end())]
    if glued(m.string, m.start(), m.end()):  # a piece of a password or an address
        return [("keep", m.start(), m.end())]
    return [("put", m.start(), m.end(), full)]


def reference_matching_view(clean_view: MappedText, teencode: dict[str, str]) -> MappedText:
    """normalize.matching_view, every pass the straightforward way."""
    text = clean_view.text
    lowered = text.lower()
    if len(lowered) == len(text):
        mt = MappedText(lowered, clean_view.piece_starts, clean_view.pieces, clean_view.original_length)
    else:  # a few characters (İ) lower-case to two: map them one by one
        mt = rewrite(clean_view, re.compile(r"[^\n]"), lambda m: [("put", m.start(), m.end(), m.group().lower())])
    mt = rewrite(mt, _DOTTED, _letters_only)
    mt = rewrite(mt, _DASHED, _letters_only)
    mt = rewrite(mt, _SPACED, _letters_only)
    mt = rewrite(mt, _STRETCHED, lambda m: [("put", m.start(), m.end(), m.group(1))])
    mt = rewrite(mt, _LEET, lambda m: [("put", m.start(), m.end(), _LEET_MAP[m.group()])])
    for name in normalize._JOINED_PASSES:
        mt = apply_edits(mt, normalize._joined_pass(name, mt.text))
    if teencode:
        mt = rewrite(mt, teencode_pattern(tuple(sorted(teencode))), lambda m: _expand(m, teencode))
    return rewrite(mt, _SPACE_RUN, lambda m: [("put", m.start(), m.end(), "\n" if "\n" in m.group() else " ")])


def reference_evasion_spans(clean_view: MappedText) -> list[tuple[int, int]]:
    """normalize.evasion_spans, each pattern's finditer over the whole text."""
    text = clean_view.text.lower()
    if len(text) != len(clean_view.text):
        return []
    return sorted(clean_view.original_span(*m.span()) for p in (_DOTTED, _DASHED, _SPACED) for m in p.finditer(text))


def per_character(mt: MappedText) -> tuple:
    return mt.text, list(mt.starts), list(mt.ends), mt.original_length


def same_map(fast: MappedText, reference: MappedText) -> bool:
    """The same text, and behind every character the same original span (the pieces may
    be cut differently)."""
    if fast.text != reference.text or fast.original_length != reference.original_length:
        return False
    return fast.pieces == reference.pieces or per_character(fast) == per_character(reference)


# --- matching and checking --------------------------------------------------------------

class ExhaustiveMatcher(Matcher):
    """The term sets of `matcher`, each term searched alone: what the one-pass automata
    (and their whole-syllable keys) must find."""

    def __init__(self, matcher: Matcher):
        super().__init__()
        self._sets = matcher._sets  # the automata stay unbuilt: find() never asks them

    def find(self, text: str, unmarked_ok=None, folded: str | None = None, folded_words: str | None = None) -> Matches:
        folded = fold(text)
        ends: dict[int, list] = {}
        for termset in self._sets.values():
            for term in termset.terms:
                pos = folded.find(term.folded) if term.folded else -1
                while pos != -1:
                    ends.setdefault(pos + len(term.folded) - 1, []).append((termset.name, term))
                    pos = folded.find(term.folded, pos + 1)
        return self._collect(text, folded, [(sorted(ends.items()), 1)], unmarked_ok)


class ExhaustiveDocument(Document):
    """A document whose views are proven equal to the reference ones, whose matches come
    from an ExhaustiveMatcher, and whose every sentence is segmented up front."""

    def __init__(self, original: str, teencode: dict[str, str], matcher: Matcher):
        super().__init__(original, teencode, matcher)
        clean = reference_clean(original)
        assert same_map(self.clean, clean), original
        assert same_map(self.view, reference_matching_view(clean, teencode)), original
        for index in range(len(self.sentences)):
            for piece in range(len(self._pieces(index)) - 1):
                self._segment(index, piece)


def exhaustive_findings(rulebook, text: str, lang: str = "vi") -> list:
    """rulebook.check_text(text) the slow way (module docstring)."""
    matcher = ExhaustiveMatcher(rulebook.matcher)
    teencode = teencode_table()
    with patch.object(rulebook, "document", lambda block: ExhaustiveDocument(block, teencode, matcher)), \
            patch.object(PatternRule, "prefilter", lambda self, doc, view: False):
        return rulebook.check_text(text, lang)

