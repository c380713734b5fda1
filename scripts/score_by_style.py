#!/usr/bin/env python3
"""Recall on evasive writing versus plain writing, on a labelled corpus.

A post's style is read from its note ("style: nodiac", "teencode", "caps", "spaced",
"cyrillic", "zwsp", "nfd"); posts without one are "plain". For each group the script
prints family-level recall over violating posts, and precision of the flags raised.

    python scripts/score_by_style.py ../shared/corpus/dev.jsonl
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

FAMILY = {"4.1": "inflammatory", "5.3": "inflammatory", "5.4": "inflammatory", "4.2": "account", "4.3": "account",
          "5.1": "personal-data", "5.2": "classified-personnel", "5.5": "title-misuse", "5.6": "official-identity",
          "5.7": "foreign-affairs"}


def main(corpus: Path) -> int:
    from postcheck import load_rulebook

    book = load_rulebook()
    groups: dict[str, list[tuple[set, set]]] = defaultdict(list)
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        post = json.loads(line)
        m = re.search(r"style: *([\w-]+)", post.get("note", ""))
        style = m.group(1) if m else "plain"
        gold = {FAMILY.get(c, c) for c in post["expect"]}
        found = {FAMILY.get(f.clause, f.clause) for f in book.check_text(post["text"]) if f.severity != "info"}
        groups[style].append((gold, found))
        if style != "plain":
            groups["all evasive"].append((gold, found))
    print(f"{'style':<14}{'posts':>6}{'recall':>8}{'precision':>10}")
    for style in sorted(groups, key=lambda s: (s == "plain", s == "all evasive", s)):
        rows = groups[style]
        tp = sum(len(g & f) for g, f in rows)
        fn = sum(len(g - f) for g, f in rows)
        fp = sum(len(f - g) for g, f in rows)
        recall = tp / (tp + fn) if tp + fn else 1.0
        precision = tp / (tp + fp) if tp + fp else 1.0
        print(f"{style:<14}{len(rows):>6}{recall:>8.2f}{precision:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/dev.jsonl")))
