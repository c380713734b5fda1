#!/usr/bin/env python3
"""Where the learned check's thresholds sit: how many news articles, clean comments and
offensive comments it flags at each pair (threshold for a sentence in a comment's voice,
plain_threshold for any other sentence of a short post), with the tone gates of
checks/classifier.py applied. Reads the shared corpora, writes nothing.

    python scripts/calibrate_tone.py [--shared ../shared]

news: ../shared/corpus/news/news.jsonl (published prose: every flag is a false alarm);
ViHOS dev split (../shared/data/vihos/dev_spans.csv; the model is trained on the train split):
rows without a span are clean comments, rows with one offensive.
"""
from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from postcheck import load_rulebook  # noqa: E402
from postcheck.checks.classifier import ClassifierRule, ModelInputs, _score, units  # noqa: E402

PAIRS = [(0.66, 0.8), (0.7, 0.8), (0.72, 0.8), (0.74, 0.8), (0.76, 0.8), (0.74, 0.76), (0.74, 0.85), (0.8, 0.8)]


def gated(book, rule, text: str) -> list[tuple[float, str]]:
    """(score, 'informal'|'plain') of each unit the gate lets through, whatever its score."""
    doc = book.document(text)
    sentences, whole = units(doc, rule.scope, rule.min_chars)
    inputs = ModelInputs.of_document(doc)
    out = []
    for s, e in sentences + ([whole] if whole else []):
        needed = rule.gate(doc, s, e)
        if needed is not None:
            out.append((_score(rule.model(), inputs.of(s, e)), "informal" if needed == rule.threshold else "plain"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    a = ap.parse_args()
    book = load_rulebook()
    rule = next(r for r in book.rules if isinstance(r, ClassifierRule))
    sets: dict[str, list] = {"news": [], "clean comments": [], "offensive comments": []}
    for line in (a.shared / "corpus" / "news" / "news.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            sets["news"].append(gated(book, rule, json.loads(line)["text"]))
    with open(a.shared / "data" / "vihos" / "dev_spans.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = "offensive comments" if ast.literal_eval(row["index_spans"]) else "clean comments"
            sets[key].append(gated(book, rule, row["content"]))
    print(f"shipped: threshold {rule.threshold}, plain_threshold {rule.plain_threshold}, min_syllables {rule.min_syllables}")
    print(f"{'threshold':>9} {'plain':>6}  " + "  ".join(f"{k} (n={len(v)})" for k, v in sets.items()))
    for th, plain in PAIRS:
        counts = []
        for docs in sets.values():
            hit = sum(any(sc >= (th if kind == "informal" else plain) for sc, kind in d) for d in docs)
            counts.append(f"{hit:5d} {hit / max(1, len(docs)):6.1%}")
        print(f"{th:9.2f} {plain:6.2f}  " + "      ".join(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
