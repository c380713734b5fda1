"""Build the nearest-sentence head of the semantic backstop (issue 14): src/postcheck/models/
semantic.npz in the `bank` form read by checks/semantic.py (NearestHead).

    python scripts/build_semantic_bank.py [DIR] [--news NEWS.jsonl] [--exclude w24,w29]
                                          [--k 10] [--clean-budget 0.0005] [--cache FILE]
                                          [--ruled-cache FILE] [--out FILE]

The units and embeddings are train_semantic_head.py's (same cache): each sentence of the
labelled drafts in DIR (one file per writer, written for the purpose; never an evaluation
set, the dev corpus or news), each evidence alone, embedded by multilingual-e5-small. The
bank is every unit of the training writers with the clauses it carries (none: clean),
stored as int8 (unit vectors x 127; ~15 MB for 40,000 sentences).

A unit's score for a clause: 0.5 + 10 x (mean cosine of its k nearest bank sentences that
carry the clause - mean cosine of its k nearest clean ones). Thresholds as
train_semantic_head.py picks them, from leave-one-writer-out scores (each writer's drafts
scored by a bank without that writer's sentences): per clause the lowest at which clean
drafts the rules leave alone gain at most --clean-budget of the clean drafts, drafts of
another family at most that share, and news articles no other rule flags none (5.7: two).

Measured (2026-12-07, twelfth session; 29 training writers, w24/w29 validation): see the
printed report and rules/semantic.yaml.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

import train_semantic_head as T
from drafts_units import REPO, draft_units, read_drafts

from postcheck import load_rulebook
from postcheck.checks.semantic import NearestHead
from postcheck.encoder import ENCODER


def bank_of(X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors and their labels, one row per distinct sentence (labels joined)."""
    keys: dict[bytes, int] = {}
    rows, carries = [], []
    for x, y in zip(X, Y):
        key = np.round(x, 4).tobytes()
        at = keys.get(key)
        if at is None:
            keys[key] = len(rows)
            rows.append(x)
            carries.append(y > 0)
        else:
            carries[at] = carries[at] | (y > 0)
    V = np.stack(rows).astype(np.float32)
    return V / np.linalg.norm(V, axis=1, keepdims=True), np.stack(carries)


def head_of(X: np.ndarray, Y: np.ndarray, k: int) -> NearestHead:
    V, carries = bank_of(X, Y)
    return NearestHead(tuple(T.CLAUSES), V, carries, k)


class Scoring:
    """train_semantic_head's interface: .scores(X) -> (n, L)."""

    def __init__(self, head: NearestHead):
        self.head = head

    def scores(self, X: np.ndarray) -> np.ndarray:
        return np.concatenate([self.head.all_scores(X[i:i + 512]) for i in range(0, len(X), 512)]) \
            if len(X) else np.zeros((0, len(T.CLAUSES)), np.float32)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, default=REPO / "training" / "drafts")
    ap.add_argument("--exclude", default="w24,w29", help="validation writers (file-name prefixes): scored only")
    ap.add_argument("--news", type=Path)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--clean-budget", type=float, default=0.0005)
    ap.add_argument("--news-budget", type=int, default=0)
    ap.add_argument("--news-budget-57", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "postcheck" / "e5-units.npz")
    ap.add_argument("--ruled-cache", type=Path, help="pickle of what the other rules flag per draft (slow to make)")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "postcheck" / "models" / "semantic.npz")
    a = ap.parse_args()

    book = load_rulebook()
    emb = T.Embeddings(a.cache)
    excluded = tuple(w + "-" for w in a.exclude.split(",") if w)
    if not excluded:
        sys.exit("build_semantic_bank: --exclude: name the validation writers (scored, never in the bank)")
    if "eval" in a.dir.resolve().parts:
        sys.exit(f"build_semantic_bank: {a.dir}: an evaluation set is never trained or tuned on")
    drafts = read_drafts(a.dir)
    train_idx = [i for i, d in enumerate(drafts) if not d.writer.startswith(excluded)]
    val_idx = [i for i, d in enumerate(drafts) if d.writer.startswith(excluded)]
    unit_list = [u for i, d in enumerate(drafts) for u in draft_units(book, i, d, T.CLAUSES, evidence=True)]
    X = emb.of([u.text for u in unit_list])
    emb.save()
    Y = T.matrix(unit_list)
    writer_of = [drafts[u.draft].writer for u in unit_list]
    print(f"{len(drafts)} drafts, {len(unit_list)} units, {int(Y.any(1).sum())} violating", file=sys.stderr)
    texts = [d.text for d in drafts]
    # Keyed by the draft's text: adding a writer re-checks only its drafts; a rule change
    # needs a fresh cache (delete the file).
    known = pickle.loads(a.ruled_cache.read_bytes()) if a.ruled_cache and a.ruled_cache.is_file() else {}
    if not isinstance(known, dict) or "texts" in known:
        known = {}
    todo = [t for t in dict.fromkeys(texts) if t not in known]
    known.update(zip(todo, T.rule_clauses(book, todo)))
    if a.ruled_cache and todo:
        a.ruled_cache.write_bytes(pickle.dumps(known))
    ruled = [known[t] for t in texts]

    oof = np.zeros((len(drafts), len(T.CLAUSES)), np.float32)
    writers = sorted({drafts[i].writer for i in train_idx})
    for w in writers:
        bank_rows = [k for k, wr in enumerate(writer_of) if wr != w and not wr.startswith(excluded)]
        held = [k for k, wr in enumerate(writer_of) if wr == w]
        head = Scoring(head_of(X[bank_rows], Y[bank_rows], a.k))
        sub = T.post_scores(drafts, [unit_list[k] for k in held], head.scores(X[held]))
        mine = [i for i in train_idx if drafts[i].writer == w]
        oof[mine] = sub[mine]
        print(f"  {w} scored", file=sys.stderr)
    train_rows = [k for k, wr in enumerate(writer_of) if not wr.startswith(excluded)]
    final = head_of(X[train_rows], Y[train_rows], a.k)
    news = T.news_post_scores(book, Scoring(final), emb, a.news) if a.news else None
    emb.save()
    picks = T.pick([drafts[i] for i in train_idx], oof[train_idx], [ruled[i] for i in train_idx], news,
                   a.clean_budget, a.news_budget, a.news_budget_57)
    print("thresholds:", json.dumps(picks))
    T.report("training writers, each held out", drafts, train_idx, oof, ruled, picks)
    for w in writers:
        T.report(f"  {w} held out", drafts, [i for i in train_idx if drafts[i].writer == w], oof, ruled, picks)
    if val_idx:
        val = T.post_scores(drafts, unit_list, Scoring(final).scores(X))
        for w in sorted({drafts[i].writer for i in val_idx}):
            T.report(f"validation {w} (never in the bank)", drafts, [i for i in val_idx if drafts[i].writer == w],
                     val, ruled, picks)
    if news is not None:
        scores, already = news
        gained = sorted({n for n in range(len(scores)) for j, c in enumerate(T.CLAUSES)
                         if scores[n, j] >= picks[c] and n not in already and c != "5.7"})
        print(f"\nnews: {len(already)} articles flagged by a non-5.7 rule; the bank adds {len(gained)}")
    quantized = np.round(final.bank * 127).astype(np.int8)
    np.savez_compressed(a.out, labels=np.array(T.CLAUSES), bank=quantized, carries=final.carries,
                        k=np.array(a.k), encoder=np.array(ENCODER))
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB, {len(quantized)} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
