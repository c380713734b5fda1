"""Precision/recall of each semantic rule's threshold and gating, from the scores that
semantic_scores.py recorded (no embedding here: seconds).

    python scripts/semantic_curve.py DRAFTS.jsonl NEWS.jsonl [--set 5.2=0.95 ...] [--min-syllables 6]
                                     [--formal] [--grid 0.80]

Prints, per clause, for each threshold from the shipped one down to --grid: what lowering
that clause alone gains over the shipped rules (family recall on violating drafts, new
flags on clean drafts, new wrong-family flags on violating drafts, news articles newly
flagged: by a clause other than 5.7, or by 5.7 where nothing flagged 5.7). With --set, the
per-writer family scores of that combination against the shipped thresholds.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
FAMILY = {"4.1": "inflammatory", "5.3": "inflammatory", "5.4": "inflammatory", "4.2": "account",
          "4.3": "account", "5.1": "personal-data", "5.2": "classified-personnel",
          "5.5": "title-misuse", "5.6": "official-identity", "5.7": "foreign-affairs"}


def shipped(path: Path = REPO / "rules" / "semantic.yaml") -> dict[str, float]:
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
    return {r["clause"]: r["threshold"] for r in rules}


def predicted(rec: dict, th: dict[str, float], min_syl: int, formal: bool) -> set[str]:
    voices = {"comment", "plain"} | ({"formal"} if formal else set())
    return set(rec["ruled"]) | {c for c, score, v, syl, _ in rec["sem"]
                                if v in voices and syl >= min_syl and score >= th[c]}


def fam(clauses) -> set[str]:
    return {FAMILY.get(c, c) for c in clauses}


def scores(recs: list[dict], th, min_syl, formal) -> tuple[int, int, int, int, int]:
    """(tp, fp, fn, clean flagged, clean) by family, as score.py counts them."""
    tp = fp = fn = cf = cn = 0
    for r in recs:
        gold, pred = fam(r["expect"]), fam(predicted(r, th, min_syl, formal))
        tp += len(gold & pred); fp += len(pred - gold); fn += len(gold - pred)
        if not r["expect"]:
            cn += 1; cf += bool(pred)
    return tp, fp, fn, cf, cn


def line(name: str, s) -> str:
    tp, fp, fn, cf, cn = s
    return (f"{name:<28} P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} "
            f"(tp {tp} fp {fp} fn {fn}) clean {cf}/{cn}")


def news_counts(news: list[dict], th, min_syl, formal) -> tuple[int, int]:
    non57 = f57 = 0
    for r in news:
        p = predicted(r, th, min_syl, formal)
        non57 += bool(p - {"5.7"}); f57 += "5.7" in p
    return non57, f57


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("drafts", type=Path)
    ap.add_argument("news", type=Path)
    ap.add_argument("--set", nargs="*", default=[])
    ap.add_argument("--min-syllables", type=int, default=6)
    ap.add_argument("--formal", action="store_true")
    ap.add_argument("--grid", type=float, default=0.80)
    ap.add_argument("--rules", type=Path, default=REPO / "rules" / "semantic.yaml",
                    help="the semantic rules the scores were made with (main's: the shipped thresholds)")
    a = ap.parse_args()
    drafts = [json.loads(l) for l in a.drafts.read_text(encoding="utf-8").splitlines() if l.strip()]
    news = [json.loads(l) for l in a.news.read_text(encoding="utf-8").splitlines() if l.strip()]
    base = shipped(a.rules)
    by_file = defaultdict(list)
    for r in drafts:
        by_file[r["file"]].append(r)

    off = [r["id"] for r in drafts + news
           if "shipsem" in r and predicted(r, base, 6, False) != set(r["ruled"]) | set(r["shipsem"])]
    print(f"texts where the recorded scores do not reproduce the shipped run: {len(off)} {off[:5]}")
    print(f"{len(drafts)} drafts, {sum(not r['expect'] for r in drafts)} clean; {len(news)} news")
    print("shipped:", base)
    print(line("all writers, shipped", scores(drafts, base, 6, False)))
    for f, recs in sorted(by_file.items()):
        print(line(f"  {f[:26]}", scores(recs, base, 6, False)))
    print("news shipped: non-5.7 %d, 5.7 %d" % news_counts(news, base, 6, False))

    base_pred = [predicted(r, base, 6, False) for r in drafts]
    base_news = [predicted(r, base, 6, False) for r in news]
    for c in sorted(base):
        print(f"\n{c} ({FAMILY[c]}) shipped {base[c]}")
        print("   t      gain  clean+ cross+  news+   (gained ids / new clean ids)")
        t = base[c]
        steps = []
        x = round(t - 0.005, 3)
        while x >= a.grid - 1e-9:
            steps.append(x); x = round(x - 0.005, 3)
        for t in [base[c]] + steps:
            th = dict(base, **{c: t})
            gain, newc, cross, ids, cids = 0, 0, 0, [], []
            for r, bp in zip(drafts, base_pred):
                p = predicted(r, th, a.min_syllables, a.formal)
                gold, bf, pf = fam(r["expect"]), fam(bp), fam(p)
                if FAMILY[c] in gold and FAMILY[c] in pf - bf:
                    gain += 1; ids.append(r["id"])
                if not r["expect"] and p and not bp:
                    newc += 1; cids.append(r["id"])
                if r["expect"] and FAMILY[c] not in gold and FAMILY[c] in pf - bf:
                    cross += 1; cids.append(r["id"] + "x")
            nn = 0
            for r, bp in zip(news, base_news):
                p = predicted(r, th, a.min_syllables, a.formal)
                nn += (bool(p - {"5.7"}) and not (bp - {"5.7"})) if c != "5.7" else ("5.7" in p and "5.7" not in bp)
            print(f"  {t:.3f}  {gain:5d}  {newc:5d}  {cross:5d}  {nn:5d}   {' '.join(ids[:8])} / {' '.join(cids[:6])}")

    if a.set:
        th = dict(base)
        for kv in a.set:
            k, v = kv.split("=")
            th[k] = float(v)
        print("\ncandidate:", th, f"min_syllables {a.min_syllables}", "formal" if a.formal else "")
        print(line("all writers", scores(drafts, th, a.min_syllables, a.formal)))
        for f, recs in sorted(by_file.items()):
            print(line(f"  {f[:26]}", scores(recs, th, a.min_syllables, a.formal)))
        print("news: non-5.7 %d, 5.7 %d" % news_counts(news, th, a.min_syllables, a.formal))


if __name__ == "__main__":
    main()
