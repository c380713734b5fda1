"""Every finding postcheck gives on a JSONL corpus, one line each, for diffing two versions.

    python scripts/findings_snapshot.py ../shared/corpus/dev.jsonl > before.txt
    (change the engine)
    python scripts/findings_snapshot.py ../shared/corpus/dev.jsonl > after.txt
    diff before.txt after.txt     # empty when a refactoring kept behaviour

Lines hold the post id, rule, severity and span only: no draft text is printed.
Also takes the rules' own examples with --examples."""
from __future__ import annotations

import argparse
import json
import sys

from postcheck import load_rulebook


def _texts(paths: list[str], examples: bool, book):
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if line.strip():
                    row = json.loads(line)
                    yield f"{path.rsplit('/', 1)[-1]}:{row.get('id', n)}", row["text"]
    if examples:
        for rule in book.rules:
            for kind in ("hit", "miss"):
                for n, ex in enumerate(rule.examples[kind]):
                    yield f"example:{rule.id}:{kind}{n}", ex.text


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*")
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args()
    book = load_rulebook()
    for key, text in _texts(args.corpus, args.examples, book):
        for f in book.check_text(text):
            print(f"{key}\t{f.rule}\t{f.severity}\t{f.start}-{f.end}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
