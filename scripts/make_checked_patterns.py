#!/usr/bin/env python3
"""Rebuild src/postcheck/data/checked_patterns.txt: the digests of the shipped rules'
patterns that run on Python's engine and pass the load-time shape check, so that a start-up
can skip re-checking them (checks/regex_engines.py). tests/test_robustness.py fails when the
file is out of date.

    python scripts/make_checked_patterns.py
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from postcheck.checks.regex_engines import CHECKED_PATTERNS, shipped_checked_digests  # noqa: E402
from postcheck.resources import data_file  # noqa: E402


def main() -> int:
    digests = shipped_checked_digests()
    path = data_file(CHECKED_PATTERNS)
    path.write_text("# sha256 of flags NUL pattern, for the shipped patterns that passed the shape check\n"
                    + "".join(d + "\n" for d in digests), encoding="utf-8")
    print(f"wrote {len(digests)} digests to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
