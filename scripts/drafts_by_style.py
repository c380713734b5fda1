#!/usr/bin/env python3
"""Family recall and clean posts flagged per writing style (the `style` field of the
training drafts: teencode, unaccented, comment, long, short, formal), per writer.

Chat-register drafts (teencode, typed without diacritics) lose recall through the
normalization, not through any one clause's vocabulary: this table shows how much.

    PYTHONPATH=src python3 scripts/drafts_by_style.py training/drafts/w1*.jsonl ...
    … --json OUT.json   also writes every post's found families (to diff two runs)
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

FAMILY = {"4.1": "inflammatory", "5.3": "inflammatory", "5.4": "inflammatory", "4.2": "account", "4.3": "account",
          "5.1": "personal-data", "5.2": "classified-personnel", "5.5": "title-misuse", "5.6": "official-identity",
          "5.7": "foreign-affairs"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--styles", default="teencode,unaccented", help="comma list, or 'all'")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    from postcheck import load_rulebook

    book = load_rulebook()
    want = None if a.styles == "all" else set(a.styles.split(","))
    # (writer, style) → [tp, fn, fp, clean posts, clean flagged]
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    dump = {}
    for path in a.files:
        writer = path.name.split("-")[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            post = json.loads(line)
            style = post.get("style", "?")
            if want is not None and style not in want:
                continue
            gold = {FAMILY.get(c, c) for c in post["expect"]}
            found = {FAMILY.get(f.clause, f.clause) for f in book.check_text(post["text"]) if f.severity != "info"}
            dump[post["id"]] = sorted(found)
            for key in ((writer, style), (writer, "*"), ("all", style), ("all", "*")):
                c = cells[key]
                c[0] += len(gold & found)
                c[1] += len(gold - found)
                c[2] += len(found - gold)
                if not gold:
                    c[3] += 1
                    c[4] += bool(found)
    print(f"{'writer':<7}{'style':<12}{'R':>6}{'tp/gold':>10}{'P':>6}{'clean fl':>12}")
    for (w, s), (tp, fn, fp, n, fl) in sorted(cells.items()):
        r = tp / (tp + fn) if tp + fn else float("nan")
        p = tp / (tp + fp) if tp + fp else float("nan")
        print(f"{w:<7}{s:<12}{r:>6.2f}{f'{tp}/{tp + fn}':>10}{p:>6.2f}{f'{fl}/{n}':>12}")
    if a.json:
        a.json.write_text(json.dumps(dump, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
