"""Raw scores of the semantic rules (rules/semantic.yaml) per unit, for choosing their
thresholds and gating on writers the head never saw (issue 14).

    python scripts/semantic_scores.py OUT.jsonl CORPUS.jsonl... [--floor 0.5] [--min-syllables 3]
                                      [--formal]

Each text is checked twice by the whole rulebook as the engine does (the backstop, yields_to and
the `cleared_by` and history guards apply): as shipped, for what the other rules flag ("ruled";
a semantic finding of 5.2, 5.4, 5.5 or 5.7 makes rules with `yields_to` drop theirs, so the
lowered run would hide them), and with the semantic rules' thresholds lowered to --floor (and
min_syllables to --min-syllables; --formal also scores plain sentences of an article), which
then report every unit (sentence, and the whole short post even when one of its
sentences fired) with its exact score. One line per text in OUT:

    {"file", "id", "expect", "ruled": [clauses of the other rules' counted findings],
     "shipsem": [clauses of the shipped semantic findings],
     "sem": [[clause, score, voice, syllables, whole], ...]}

Texts already in OUT are skipped, so a run cut short resumes (the embedding is the slow part:
run it niced with OMP_NUM_THREADS=1; the second check of a text reuses its vectors). The
rules read are those of the postcheck on PYTHONPATH (else this worktree's): point it at a copy
of main's src/ to score against the shipped thresholds. semantic_curve.py reads OUT.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # after PYTHONPATH

from postcheck import load_rulebook  # noqa: E402
from postcheck.checks.classifier import syllables, units, voice  # noqa: E402
from postcheck.checks.semantic import SemanticRule  # noqa: E402

COUNTED = {"error", "warning"}
RECORD: dict[tuple[str, int, int], tuple[float, str | None, int, bool]] = {}


_SHIPPED_SCORED = SemanticRule.scored


def scored(self, doc):
    if not getattr(self, "lowered", False):
        yield from _SHIPPED_SCORED(self, doc)
        return
    """Every unit the rule could judge (its gate) that reaches the floor, the whole short post too."""
    sentences, whole = units(doc, self.scope, self.min_chars)
    spans = list(zip(sentences, self.unit_scores(doc, sentences)))
    if whole:
        spans.append((whole, self.whole_score(doc, whole)))
    for (s, e), score in spans:
        if score is None or score < self.threshold:
            continue
        needed = self.gate(doc, s, e)
        if needed is None or score < needed or not self._still(doc, s, e, needed):
            continue
        os_, oe = doc.view.original_span(s, e)
        RECORD[(self.id, os_, oe)] = (float(score), voice(doc, s, e, self.min_syllables),
                                      syllables(doc.original[os_:oe]), (s, e) == whole)
        yield s, e, score


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("corpora", type=Path, nargs="+")
    ap.add_argument("--floor", type=float, default=0.5)
    ap.add_argument("--min-syllables", type=int, default=3)
    ap.add_argument("--formal", action="store_true")
    a = ap.parse_args()

    SemanticRule.scored = scored
    book, low = load_rulebook(), load_rulebook()
    for rule in low.rules:
        if isinstance(rule, SemanticRule):
            rule.lowered = True
            rule.threshold = rule.plain_threshold = a.floor
            rule.formal_threshold = a.floor if a.formal else None
            rule.min_syllables = a.min_syllables
    done = set()
    if a.out.is_file():
        done = {(r["file"], r["id"]) for r in map(json.loads, a.out.read_text(encoding="utf-8").splitlines())}
    with a.out.open("a", encoding="utf-8") as out:
        for corpus in a.corpora:
            posts = [json.loads(l) for l in corpus.read_text(encoding="utf-8").splitlines() if l.strip()]
            for n, p in enumerate(posts):
                if (corpus.name, p["id"]) in done:
                    continue
                RECORD.clear()
                shipped = [f for f in book.check_text(p["text"]) if f.severity in COUNTED]
                found = low.check_text(p["text"])
                ruled = sorted({f.clause for f in shipped if f.mechanism != "semantic"})
                shipsem = sorted({f.clause for f in shipped if f.mechanism == "semantic"})
                sem = [[f.clause, *RECORD[(f.rule, f.start, f.end)]] for f in found
                       if f.mechanism == "semantic" and f.severity in COUNTED and (f.rule, f.start, f.end) in RECORD]
                out.write(json.dumps({"file": corpus.name, "id": p["id"], "expect": p.get("expect", []),
                                      "ruled": ruled,
                                      "shipsem": shipsem, "sem": sem}, ensure_ascii=False) + "\n")
                out.flush()
                print(f"  {corpus.name} {n + 1}/{len(posts)}", file=sys.stderr, end="\r")
    return 0


if __name__ == "__main__":
    sys.exit(main())
