"""Training units from labelled drafts, cut and read the way the `classifier` rule reads a
draft (checks/classifier.py `units`, `ModelInputs`, `voice`): used by train_drafts_model.py.

A draft is {"id", "text", "expect": [clauses], "evidence": [exact substrings], ...}, one a
line in DIR/*.jsonl, one file per writer (the file's stem names the writer, so that
cross-validation can hold a writer out).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from postcheck.checks.classifier import (  # after the path is set
    ModelInputs,
    units,
    voice,
)

MIN_CHARS = 4  # the rules' min_chars and min_syllables (rules/learned.yaml): the same units
MIN_SYLLABLES = 6  # a leak, a claim of office or a contact needs words: "bạn ạ" gets no verdict
# a sentence that shares at least this share of itself or of the evidence is the violation;
# one that shares less (but something) is left out of training rather than guessed
OVERLAP = 0.5


@dataclass
class Draft:
    id: str
    writer: str
    text: str
    expect: list[str]
    evidence: list[str]


@dataclass
class Unit:
    draft: int  # index into the draft list
    features: str  # what the model reads: ModelInputs.of(span)
    labels: frozenset[str]  # the clauses this unit carries ("" set: clean)
    voice: str | None  # classifier.voice(): how the rule would judge it, None for no verdict
    whole: bool = False  # the whole short post, not one sentence
    extra: bool = field(default=False)  # a clean comment from outside the drafts (ViHOS)
    evidence: bool = False  # the evidence alone, a training unit the rule never sees
    text: str = ""  # the unit's original text: what a sentence encoder reads (semantic rules)


def read_drafts(folder: Path) -> list[Draft]:
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        sys.exit(f"train_drafts_model: {folder}: no *.jsonl files of labelled drafts")
    drafts = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                drafts.append(Draft(str(d["id"]), path.stem, d["text"], list(d.get("expect") or []),
                                    [e for e in d.get("evidence") or [] if e]))
            except (ValueError, KeyError, TypeError) as exc:
                sys.exit(f"train_drafts_model: {path}:{n}: not a labelled draft: {exc}")
    return drafts


def evidence_spans(draft: Draft) -> list[tuple[int, int]]:
    spans = []
    for ev in draft.evidence:
        i = draft.text.find(ev)
        while i >= 0:
            spans.append((i, i + len(ev)))
            i = draft.text.find(ev, i + 1)
    return spans


def draft_units(book, index: int, draft: Draft, families: tuple[str, ...], evidence: bool = False) -> list[Unit]:
    """Its sentences (and the whole post when short): a unit that is (mostly) evidence
    carries the draft's clauses among `families`; the draft's other sentences, and every
    sentence of a clean draft, are clean. A draft that names a family but gives no evidence
    gives no units: which of its sentences is the violation is unknown."""
    doc = book.document(draft.text)
    sentences, whole = units(doc, "sentence", MIN_CHARS)
    inputs = ModelInputs.of_document(doc)
    wanted = frozenset(draft.expect) & frozenset(families)
    spans = evidence_spans(draft)
    if wanted and not spans:
        return []
    out = []
    for s, e in sentences + ([whole] if whole else []):
        os_, oe = doc.view.original_span(s, e)
        best = 0.0
        for es, ee in spans:
            shared = min(oe, ee) - max(os_, es)
            if shared > 0:
                best = max(best, shared / max(1, min(oe - os_, ee - es)))
        if 0 < best < OVERLAP:
            continue  # touches the evidence only at an edge: neither clearly it nor clearly clean
        labels = wanted if best >= OVERLAP else frozenset()
        out.append(Unit(index, inputs.of(s, e), labels, voice(doc, s, e, MIN_SYLLABLES), (s, e) == whole,
                        text=doc.original[os_:oe]))
    if evidence and wanted:
        # the violation without the chatter its sentence may hold around it
        for ev in draft.evidence:
            ev_doc = book.document(ev)
            out.append(Unit(index, ModelInputs.of_document(ev_doc).of(0, len(ev_doc.view.text)), wanted, None,
                            evidence=True, text=ev))
    return out


def extra_clean(book, path: Path, count: int, exclude: set[str]) -> list[Unit]:
    """`count` clean comments of ViHOS (no offensive span), in file order, as clean units:
    everyday social-media talk the drafts' writers cannot cover. Texts also in `exclude`
    (the dev corpus, normalized) are left out, as train_classifier.py does."""
    import ast
    import csv

    out: list[Unit] = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if len(out) >= count:
                break
            if ast.literal_eval(row["index_spans"]):
                continue
            doc = book.document(row["content"])
            if " ".join(doc.view.text.split()) in exclude:
                continue
            sentences, whole = units(doc, "sentence", MIN_CHARS)
            inputs = ModelInputs.of_document(doc)
            out += [Unit(-1, inputs.of(s, e), frozenset(), "comment", (s, e) == whole, True)
                    for s, e in sentences + ([whole] if whole else [])]
    return out


def news_units(book, text: str) -> list[tuple[str, object]]:
    """(features, voice thunk) of the units the rule would score in a text: the voice is
    asked only of the few units some model scores high, as the rule does."""
    doc = book.document(text)
    sentences, whole = units(doc, "sentence", MIN_CHARS)
    inputs = ModelInputs.of_document(doc)
    return [(inputs.of(s, e), (lambda s=s, e=e: voice(doc, s, e, MIN_SYLLABLES)))
            for s, e in sentences + ([whole] if whole else [])]
