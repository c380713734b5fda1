#!/usr/bin/env python3
"""How fast the diacritic restorer reads text typed bare (postcheck/lang/restore.py).

    python benchmarks/restore.py [DRAFTS.jsonl]

Strips the marks of every draft of DRAFTS (default: a training writer's long posts) and
times restore_bare_lines over them after the model is loaded; prints the load time, ms per
draft and characters per second, and the share of syllables restored exactly.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from postcheck.lang import restore  # noqa: E402
from postcheck.lang.vi import fold  # noqa: E402



def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "training" / "drafts" / "w40-longposts2.jsonl"
    marked = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    bare = [fold(t) for t in marked]
    t0 = time.perf_counter()
    restore._model()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    back = [restore.restore_bare_lines(t) for t in bare]
    spent = time.perf_counter() - t0
    chars = sum(map(len, bare))
    right = total = 0
    for m, b in zip(marked, back):
        for x, y in zip(restore.WORD.findall(m), restore.WORD.findall(b)):
            total += 1
            right += x.lower() == y.lower()
    print(f"{path.name}: {len(bare)} drafts, {chars} characters; model loaded in {load * 1000:.0f} ms; "
          f"{spent / len(bare) * 1000:.1f} ms a draft, {chars / spent / 1000:.0f}k characters/s; "
          f"{right / total:.3f} of {total} words as written")


if __name__ == "__main__":
    main()
