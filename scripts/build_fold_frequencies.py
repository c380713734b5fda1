#!/usr/bin/env python3
"""Build src/postcheck/data/fold_frequencies.tsv: how often each reading of a spelling
without diacritics is written, counted in the accented drafts of the training writers.

Typed without marks, "dai su" is đại sứ, đại sự or đại sư, and the term matcher used to
refuse any term that another dictionary word folds to (terms.fold_is_ambiguous): a rare
word (sử quân, tham tàn) then blocked the everyday reading. With how often staff write
each reading, the matcher can take the term when it is by far the usual one.

Counted: runs of 2-4 syllables inside one sentence piece (no punctuation between) whose
folded spelling is a dictionary word's (the only ones the matcher asks about), and every
single syllable (for a lone syllable's usual reading). Only drafts written with
diacritics, outside the words a writer marked as the violation, of the development writers: never w16/w17 (validation writers, scored only),
never the dev corpus, news or eval sets. No frequency list ships with underthesea; this
is the only text we may count.

    PYTHONPATH=src python3 scripts/build_fold_frequencies.py [training/drafts] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from postcheck.lang.dictionary import dictionary_words, fold_index  # noqa: E402
from postcheck.lang.vi import fold, has_diacritics  # noqa: E402

VALIDATION = ("w16", "w17")  # scored by the measurements, never read here
_PIECE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")  # words with only spaces between
MIN_COUNT = 2  # a reading seen once is noise (a name, a typo)


def accented(text: str) -> bool:
    words = text.split()
    return sum(has_diacritics(w) for w in words) >= 0.25 * max(1, len(words))


def inside_longer_word(syl: list[str], i: int, n: int, words: frozenset[str]) -> bool:
    """Is the run syl[i:i+n] part of a dictionary word one syllable longer? "sự quán" of
    "lãnh sự quán" is no reading of "su quan" on its own (the matcher reads it with its
    neighbour: terms.neighbour_refutes)."""
    return (i > 0 and " ".join(syl[i - 1:i + n]) in words) or \
        (i + n < len(syl) and " ".join(syl[i:i + n + 1]) in words)


def count(paths: list[Path]) -> Counter:
    keys = fold_index()
    words = dictionary_words()
    counts: Counter = Counter()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            draft = json.loads(line)
            text = draft["text"]
            # the violating words themselves are cut out: the writers put the rules' own
            # vocabulary there on purpose ("dấu mật"), far more often than staff write it,
            # and it would outvote the everyday reading ("nỗi đau mất mẹ")
            for evidence in draft.get("evidence") or ():
                if evidence:
                    text = text.replace(evidence, " . ")
            text = unicodedata.normalize("NFC", text).lower()
            if not accented(text):
                continue  # a draft typed without marks says nothing about which reading
            for piece in _PIECE.findall(text):
                syl = piece.split()
                counts.update(syl)
                for n in (2, 3, 4):
                    for i in range(len(syl) - n + 1):
                        run = " ".join(syl[i:i + n])
                        if fold(run) in keys and not inside_longer_word(syl, i, n, words):
                            counts[run] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=REPO / "training" / "drafts")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "postcheck" / "data" / "fold_frequencies.tsv")
    a = ap.parse_args()
    paths = sorted(p for p in a.folder.glob("*.jsonl") if not p.name.startswith(VALIDATION))
    counts = count(paths)
    rows = sorted((w, n) for w, n in counts.items() if n >= MIN_COUNT)
    header = (f"# reading\tcount: {len(paths)} files of {a.folder.name}/ ({', '.join(p.name.split('-')[0] for p in paths)}),"
              f" made by scripts/build_fold_frequencies.py\n")
    a.out.write_text(header + "".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")
    print(f"{len(rows)} readings -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
