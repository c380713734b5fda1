"""Scores of texts outside the training drafts, post level, as the learned rules would
judge them: published news, the other writers' labelled sets, the other rules' miss
examples. Used by train_drafts_model.py to measure and to set thresholds; nothing here is
trained on."""
from __future__ import annotations

import json
from pathlib import Path

from drafts_units import news_units

THRESHOLDS = [t / 100 for t in range(10, 100)]


def flagged(maxima: tuple[float, float], th: float, formal_th: float | None) -> bool:
    loose, formal = maxima
    return loose >= th or (formal_th is not None and formal >= formal_th)


def text_maxima(book, scorer, text: str, families) -> dict[str, tuple[float, float]]:
    """family → (best score of a comment/plain unit, best of a formal-prose unit); the voice
    is asked only of units some label scores high, as the rule does."""
    best = {f: [0.0, 0.0] for f in families}
    for features, voice_of in news_units(book, text):
        sc = scorer.scores(features)
        if max(sc.values()) < THRESHOLDS[0]:
            continue
        v = voice_of()
        if v is None:
            continue
        k = 1 if v == "formal" else 0
        for f in families:
            best[f][k] = max(best[f][k], sc[f])
    return {f: tuple(b) for f, b in best.items()}


def news_maxima(book, scorer, path: Path, families) -> tuple[list, set[int], set[int]]:
    """Per article, family → (best loose score, best formal score); and the articles that
    the other rules already flag by a clause other than 5.7, and by 5.1/5.2/5.5/5.6."""
    posts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    others = [r for r in book.rules if not (r.kind == "classifier" and r.model_path.name.startswith("drafts"))]
    already, own = set(), set()
    maxima = []
    for n, post in enumerate(posts):
        for finding in book.check_text(post["text"], rules=others):
            if finding.severity in ("error", "warning") and finding.clause != "5.7":
                already.add(n)
                if finding.clause in ("5.1", "5.2", "5.5", "5.6"):
                    own.add(n)
        maxima.append(text_maxima(book, scorer, post["text"], families))
    return maxima, already, own


def set_maxima(book, scorer, path: Path, families) -> tuple[list[dict], list[dict]]:
    """(posts, per post family → (best loose score, best formal score)) of a labelled set."""
    posts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return posts, [text_maxima(book, scorer, post["text"], families) for post in posts]


def lookalike_maxima(book, scorer, families) -> tuple[list[dict], list[dict]]:
    """The miss examples of the other rules (rules/*.yaml) that no rule but a learned one
    flags: clean look-alikes written by the rules' authors (a classified stamp on a menu, a
    Ministry's stance reported by its spokesperson), read by the backstop as a clean set."""
    learned = {r.id for r in book.rules if r.kind == "classifier"}
    texts = sorted({e.text for r in book.rules if r.id not in learned for e in r.examples["miss"]})
    clean = [t for t in texts if not any(f.severity in ("error", "warning") and f.rule not in learned
                                          for f in book.check_text(t))]
    posts = [{"text": text, "expect": []} for text in clean]
    maxima = [text_maxima(book, scorer, text, families) for text in clean]
    print(f"rule look-alikes: {len(clean)} miss examples of other rules that no other rule flags")
    return posts, maxima


def false_flags(sets, f: str, th: float, formal_th: float | None) -> int:
    """Posts of the other writers' sets that the family flags without the clause."""
    return sum(1 for posts, maxima in sets for p, m in zip(posts, maxima)
               if f not in p["expect"] and flagged(m[f], th, formal_th))


def measure(name: str, posts, maxima, families, picks: dict) -> None:
    """The model alone, post level, on a set labelled by other writers (cross-writer recall)."""
    hits = [{f for f in families if flagged(m[f], *picks[f])} for m in maxima]
    print(f"\n{name} (model alone, chosen thresholds): {len(posts)} posts")
    for f in families:
        pos = [h for p, h in zip(posts, hits) if f in p["expect"]]
        fp = sum(1 for p, h in zip(posts, hits) if f in h and f not in p["expect"])
        print(f"  {f}: R {sum(f in h for h in pos) / max(1, len(pos)):.2f} ({len(pos)} posts), flagged without it {fp}")
    clean = [h for p, h in zip(posts, hits) if not p["expect"]]
    print(f"  clean flagged: {sum(1 for h in clean if h)}/{len(clean)}")


