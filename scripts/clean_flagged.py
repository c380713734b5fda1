"""Clean drafts of a READABLE writer that some rules flag, with the rule ids and the matched
spans, to find the mechanism behind false alarms (never run it on a measure-only writer):

    python scripts/clean_flagged.py training/drafts/w16-general2.jsonl --rule foreign.
    python scripts/clean_flagged.py /work/training-data/w21-twins.jsonl --rule foreign. --text

A draft is clean when its `expect` list is empty. Only findings that count (error, warning)
are listed; --rule keeps rule ids starting with any of the given prefixes."""
from __future__ import annotations

import argparse
import json
import sys

from postcheck import load_rulebook


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--rule", action="append", default=[], help="rule id prefix (repeatable)")
    ap.add_argument("--text", action="store_true", help="print the whole draft as well")
    args = ap.parse_args()
    book = load_rulebook()
    total = flagged = 0
    for path in args.corpus:
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for row in rows:
            if row.get("expect"):
                continue
            total += 1
            text = row["text"]
            hits = [f for f in book.check_text(text)
                    if f.severity in ("error", "warning")
                    and (not args.rule or any(f.rule.startswith(p) for p in args.rule))]
            if not hits:
                continue
            flagged += 1
            print(f"{row.get('id')}\t" + "; ".join(
                f"{f.rule}@{f.start}-{f.end} «{text[f.start:f.end]}»" for f in hits))
            if args.text:
                print("    " + text.replace("\n", " "))
    print(f"# {flagged} of {total} clean drafts flagged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
