"""Words a sentence names rather than uses, and the learned score once they are cut out.

A word held up in quotation marks to reject it ('phản đối việc dùng từ "…"') is named, not
used: a learned rule asks whether the sentence still reaches its threshold on its own
words. The model is scored on the matching view (teencode expanded, evasions undone), as
its thresholds were picked there, so the quotations are cut out of the view, through the
view's map from the quotation's original offsets.
"""
from __future__ import annotations

import re

from .. import tone
from ..document import Document


def named_words(doc: Document, s: int, e: int, reported: bool = False) -> list[tuple[int, int]]:
    """The quotations (original spans) inside the unit (view span) that name a word rather
    than use it (tone.mention: a short quotation after "dùng từ", "gọi là", or in an article),
    and the clauses that report someone else's insult without marks (tone.reported_names_in)."""
    spans = tone.quoted_spans(doc)
    os_, oe = doc.view.original_span(s, e)
    named = [(qs, qe) for qs, qe in spans if os_ <= qs and qe <= oe and tone.mention(doc, qs, qe)]
    # names reported as someone else's insult, without marks ("hàng xóm chửi nó là …")
    # and the reports of someone else's insult without marks ("hàng xóm chửi nó là …"), whole
    if not reported:
        return named
    # (only for the rule of insults: from the third-party subject, or from the one insulted
    # in the passive, to the name's end; the writer's own words before it stay scored)
    cut = [(max(cs, os_), ne) for at in _sentence_starts(doc, os_, oe) for cs, _, _, ne in tone.reported_names_in(doc, at)
           if os_ <= ne <= oe]
    return _merged(named + cut)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, overlapping ones joined (view_pieces() cuts them in order)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _sentence_starts(doc: Document, os_: int, oe: int) -> list[int]:
    """The original start of each register sentence that overlaps [os_, oe)."""
    reg = doc.register
    if not reg.sentences:
        return []
    first, last = reg.sentence_index(os_), reg.sentence_index(max(os_, oe - 1))
    return [max(os_, reg.sentences[k][0]) for k in range(first, last + 1)]


def view_pieces(doc: Document, s: int, e: int, cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The view spans of [s, e) left when every view character that stands for original
    characters inside one of `cut` (original spans, in order) is taken out."""
    view = doc.view
    pieces, at = [], s
    k = s
    for qs, qe in cut:
        while k < e and view.char_span(k)[0] < qs:
            k += 1
        start = k
        while k < e and view.char_span(k)[1] <= qe:
            k += 1
        if k > start:  # a quotation the view dropped entirely cuts nothing
            pieces.append((at, start))
            at = k
    pieces.append((at, e))
    return [(a, b) for a, b in pieces if b > a]


def input_without(words: str, folded: str, pieces: list[tuple[int, int]]) -> str:
    """model_input() of the view pieces joined: their words, then the same words folded
    (words/folded: ModelInputs' one-space-a-character texts of the whole view)."""
    said = " ".join(" ".join(words[a:b].split()) for a, b in pieces)
    bare = " ".join(" ".join(folded[a:b].split()) for a, b in pieces)
    return f"{' '.join(said.split())} {' '.join(bare.split())}"


def still_reaches(doc: Document, s: int, e: int, inputs, score, needed: float,
                  neutral: re.Pattern | None, reported: bool = False) -> bool:
    """Does the unit (view span) reach `needed` with the neutral phrases and the words it
    only names taken out? (True when it holds none.) `inputs`: the document's ModelInputs;
    `score` maps a model input to the rule's 0..1 score, asked only when something was cut."""
    named = named_words(doc, s, e, reported)
    if named:
        features = input_without(inputs.words, inputs.folded, view_pieces(doc, s, e, named))
    elif neutral is None:
        return True
    else:
        features = inputs.of(s, e)
    left = " ".join(neutral.sub(" ", features.lower()).split()) if neutral else features
    if not named and left == features.lower():
        return True
    return bool(left) and score(left) >= needed
