"""Normalization of Vietnamese drafts, keeping a map back to the original text.

Two views are built from what the user gave:

* the *clean* view: invisible characters dropped, Cyrillic/Greek look-alikes folded to
  Latin, each letter with its combining marks composed (NFKC), whitespace unified.
  Pattern rules (e-mail addresses, ID numbers) run here, because e-mail addresses and
  numbers must not be touched by the word-level repairs below.
* the *matching* view: the clean view lower-cased, with evasions undone (letters split by
  dots or spaces, stretched letters, digits for letters) and teencode expanded. Term rules
  run here, and on its diacritic-folded copy, which has exactly the same length.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .clean import clean
from .lang.teencode import teencode_edits, teencode_plan
from .textmap import MappedText, apply_edits, rewrite

__all__ = ["clean", "evasion_spans", "matching_view"]  # clean is clean.py's: the two views are asked for here


# --- the matching view -------------------------------------------------------------------

_L = r"[^\W\d_]"  # a letter, any script
# letters split by dots or asterisks, one or two letters a piece (b.í m.ậ.t, đ.m)
_DOTTED = re.compile(rf"(?<![\w@./:]){_L}{{1,2}}(?:[.*·•]+{_L}{{1,2}})+(?![\w@]|[.*·•/]\w)")
# single letters split by dashes or underscores (m-ậ-t)
_DASHED = re.compile(rf"(?<![\w@./:-]){_L}(?:[-_]+{_L})+(?![\w@-])")
# three or more single letters or digits split by single spaces (t u y ệ t, 5 8 2 0 1 9).
# The run may sit against punctuation that stands apart from any word ("(5 8 2 0 1 9)," or
# "t u y ệ t."): demanding a space after the last character made the run give that character
# back ("5 8 2 0 1 9," joined as "58201 9,"). A mark glued to a word on its far side does not
# count ("2,5 3 4", "1 2 3,5", "a b c.com" keep their spaces).
_SPACED = re.compile(r"(?:(?<!\S)|(?<=(?<!\S)[(\[{“‘«\"']))[^\W_](?: [^\W_]){2,}(?=[^\w\s]*+(?!\S))")
# a letter held down at the end of a word (mậttttt, vcllll); "cccd" keeps its letters
_STRETCHED = re.compile(rf"({_L})\1{{2,}}(?!{_L})")
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
_SPACE_RUN = re.compile(r"[ ]*\n[\s]*|[ ]{2,}")


def evasion_spans(clean_view: MappedText) -> list[tuple[int, int]]:
    """Original spans of words deliberately split apart (b.í m.ậ.t, t u y ệ t): someone
    who hides a word this way means it, so a bare folded syllable found there counts."""
    text = clean_view.text.lower()
    if len(text) != len(clean_view.text):
        return []
    return sorted(clean_view.original_span(*m.span()) for p in (_DOTTED, _DASHED, _SPACED) for m in _find(p, text))


def matching_view(clean_view: MappedText, teencode: dict[str, str]) -> MappedText:
    """The lower-cased, de-evaded, teencode-expanded view used by term rules. Each pass
    finds its matches through a prefilter (below), and the straightforward way, each
    pattern's finditer over the whole text, is the reference it must agree with, in the
    text and in the original span behind every character (tests/reference.py)."""
    mt = _lowered(clean_view)
    for pattern in (_DOTTED, _DASHED, _SPACED):
        mt = apply_edits(mt, _letters_only_edits(_find(pattern, mt.text), spelled_out_cuts))
    mt = apply_edits(mt, [(m.start(), m.end(), m.group(1)) for m in _find(_STRETCHED, mt.text)])
    mt = apply_edits(mt, [(m.start(), m.start() + 1, _LEET_MAP[m.group()]) for m in _LEET_FAST.finditer(mt.text)])
    for edits in _JOINED_PASSES:
        mt = apply_edits(mt, _joined_pass(edits, mt.text))
    if teencode:
        plan = teencode_plan(tuple(teencode.items()))
        edits = teencode_edits(mt.text, teencode, plan)
        if plan.plain_expansions:
            # The teencode pass replaces whole alphanumeric tokens by expansions that begin
            # and end with a non-space and hold single spaces only: every whitespace run,
            # and the original span behind each of its characters, is the same before and
            # after it, and a single space between non-spaces is no _SPACE_RUN match. So
            # the whitespace runs are found in the same text and both edited at once.
            edits += _space_run_edits(mt.text)
            edits.sort()
            return apply_edits(mt, edits)
        mt = apply_edits(mt, edits)
    return apply_edits(mt, _space_run_edits(mt.text))


_JOINED_PASSES = ("wrapped_edits", "compound_edits", "joined_edits")


def _joined_pass(name: str, text: str) -> list[tuple[int, int, str]]:
    from . import joined  # it needs the syllable list, read only for a draft that asks

    return getattr(joined, name)(text)


# --- the fast path ----------------------------------------------------------------------
#
# Python's `re` jumps quickly only to where a pattern's first element (a literal or a
# simple character set) occurs; _DOTTED, _DASHED, _SPACED, _STRETCHED, the leet digits and the
# teencode pattern begin with a lookbehind or with "any letter" and are tried at every
# character. Each gets a *prefilter* that does begin with such an element, chosen so that
# every position where the exact pattern can match lies at a fixed offset from the start
# of a prefilter hit; the exact pattern is then tried (pattern.match, which sees the whole
# string, lookbehind and lookahead included) only at those candidate positions, in
# increasing order and never inside the previous match: exactly the matches finditer
# gives, because finditer reports, from the end of each match on, the leftmost position
# where the pattern matches, and that position is always a candidate.

_PREFILTERS: dict[re.Pattern, tuple[re.Pattern, tuple[int, ...]]] = {
    # the first run of separators of a match follows its one or two first letters and,
    # taken whole, is followed by a letter; a hit can't run into it (a letter precedes it).
    # A hit starts only where a run starts, and reads the run once (possessively): tried
    # from every character of a run, a long run without a letter after it is quadratic
    # ('.' * 64000 took 37 s)
    _DOTTED: (re.compile(rf"(?<![.*·•])[.*·•]++{_L}"), (-2, -1)),
    # likewise for the first run of dashes, which follows the first letter
    _DASHED: (re.compile(rf"(?<![-_])[-_]++{_L}"), (-1,)),
    # a match "x y z…" has " y " one character after its start; the hit is one character
    _SPACED: (re.compile(r" (?=[^\W_] )"), (-1,)),
    # a match starts where a run of three equal letters starts (a match always takes its run
    # to the end, so none starts inside a run); a hit can't run into another run's start
    _STRETCHED: (re.compile(r"(.)\1\1"), (0,)),
}
# a digit read as a letter between two letters (v3, l0n): the matches of
# (?<=letter)[013457](?=letter), the reference's pattern, but the digit comes first
_LEET_FAST = re.compile(rf"[013457](?<={_L}[013457])(?={_L})")
# The matches of _SPACE_RUN but a lone "\n" (the only one replaced by itself), found by
# two patterns that each begin with a literal: those that begin with "\n" (the first
# alternative of _SPACE_RUN with no space) and those that begin with a space (the first
# alternative with spaces, then the second). Within a run of whitespace, _SPACE_RUN.finditer
# takes the first position from which either matches; a match from "\n", or from spaces
# followed by "\n", runs to the end of the whitespace run; one of two spaces or more ends
# where the spaces do, and the search goes on from there. Each pattern's finditer reports
# exactly the positions it matches from that _SPACE_RUN reaches (it skips only the inside
# of its own matches, which _SPACE_RUN skips too), so their matches in order, each dropped
# when it starts inside the one before, are those of _SPACE_RUN.
_NEWLINE_RUN = re.compile(r"\n\s+")
_SPACES_RUN = re.compile(r"  +(?:\n\s*)?| \n\s*")


def _space_run_edits(text: str) -> list[tuple[int, int, str]]:
    edits = [(m.start(), m.end(), "\n") for m in _NEWLINE_RUN.finditer(text)]
    spaces = [(m.start(), m.end(), "\n" if "\n" in m.group() else " ") for m in _SPACES_RUN.finditer(text)]
    if not spaces:
        return edits
    edits += spaces
    edits.sort()
    kept = []
    last = 0
    for edit in edits:
        if edit[0] >= last:
            kept.append(edit)
            last = edit[1]
    return kept


def _find(pattern: re.Pattern, text: str) -> Iterable[re.Match]:
    """pattern.finditer(text), for a pattern in _PREFILTERS, trying candidates only."""
    prefilter, offsets = _PREFILTERS[pattern]
    match = pattern.match
    last = 0
    for hit in prefilter.finditer(text):
        base = hit.start()
        for offset in offsets:
            k = base + offset
            # the next hit starts further on than the spread of the offsets: candidates grow
            if k >= last:
                m = match(text, k)
                if m:
                    yield m
                    last = m.end()


def _letters_only_edits(matches: Iterable[re.Match], cuts_of=None) -> list[tuple[int, int, str]]:
    """The characters of each match that are not alphanumeric, dropped; a separator where
    `cuts_of(letters)` puts a word break made one space instead."""
    edits = []
    for m in matches:
        text, k, end = m.string, m.start(), m.end()
        cuts = cuts_of("".join(ch for ch in m.group() if ch.isalnum())) if cuts_of else ()
        seen = 0  # letters before k
        while k < end:
            if text[k].isalnum():
                k += 1
                seen += 1
                continue
            j = k + 1
            while j < end and not text[j].isalnum():
                j += 1
            edits.append((k, j, " " if seen in cuts else ""))
            k = j
    return edits


# a spelt-out run longer than this is no phrase (and not worth a syllable search)
_SPELLED_LONGEST = 48


def spelled_out_cuts(letters: str) -> frozenset[int]:
    """Where the letters of a word spelt out (t u y e t m a t, b.i.m.a.t) break into
    Vietnamese syllables, when they make two or more. Typed without diacritics, such a run
    would otherwise stay one token ("tuyetmat") that no term matches: joined_edits() does not
    cut plain letters (most plain tokens are foreign words), but letters deliberately spaced
    apart are someone hiding words."""
    if len(letters) < 4 or len(letters) > _SPELLED_LONGEST or not letters.isalpha():
        return frozenset()
    from .lang.syllables import inventory

    cuts = inventory().split(letters)
    return frozenset(cuts) if cuts else frozenset()


def _lowered(clean_view: MappedText) -> MappedText:
    text = clean_view.text
    lowered = text.lower()
    if len(lowered) == len(text):
        return MappedText(lowered, clean_view.piece_starts, clean_view.pieces, clean_view.original_length)
    return rewrite(clean_view, re.compile(r"[^\n]"), lambda m: [("put", m.start(), m.end(), m.group().lower())])


