#!/usr/bin/env python3
"""Build src/postcheck/data/diacritics.tsv: the syllable counts the diacritic restorer
(postcheck/lang/restore.py) decodes with.

Counted in the drafts written with diacritics by the training writers (training/drafts),
lower case, NFC: every syllable (word<TAB>count) and every pair of neighbouring syllables
with only spaces between (a<TAB>b<TAB>count), a run's ends paired with <s>. Pairs seen once
are dropped (noise; they are most of the pairs). Never the dev corpus, news or eval sets,
and not the held-out writers (--exclude): their drafts typed bare measure the restorer.

    PYTHONPATH=src python3 scripts/build_diacritics.py [training/drafts] [--exclude w24,...]
        [--out FILE] [--measure FILE.jsonl ...]

--measure strips the marks of each accented draft of FILE and prints the share of its
syllables the restorer gets back exactly (only syllables that had a mark or a bare reading
to choose between count).
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from postcheck.lang.restore import SAME_RUN, WORD  # noqa: E402
from postcheck.lang.vi import fold, has_diacritics  # noqa: E402

HELD_OUT = "w24,w29,w46,w47,w49,w51,w52,w53,w54,w55,w56"
MIN_PAIR = 2


def accented(text: str) -> bool:
    words = WORD.findall(text)
    return bool(words) and sum(has_diacritics(w) for w in words) >= 0.3 * len(words)


def runs(text: str):
    """The runs of words with only spaces between, lower case."""
    run: list[str] = []
    last = None
    text = unicodedata.normalize("NFC", text).lower()
    for m in WORD.finditer(text):
        if last is not None and not SAME_RUN.fullmatch(text[last:m.start()]):
            if run:
                yield run
            run = []
        run.append(m.group())
        last = m.end()
    if run:
        yield run


def texts(folder: Path, exclude: set[str]):
    for path in sorted(folder.glob("*.jsonl")):
        if path.name.split("-")[0] in exclude:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                t = json.loads(line)["text"]
                if accented(t):
                    yield t


def vihos(path: Path, dev: Path) -> list[str]:
    """ViHOS comments typed with marks, but those the dev corpus holds (its score stays honest)."""
    import csv

    if not path.is_file():
        sys.exit(f"{path}: no such file (--vihos)")
    held = {json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()} \
        if dev.is_file() else set()
    with path.open(encoding="utf-8", newline="") as f:
        return [r["content"] for r in csv.DictReader(f) if r["content"] not in held and accented(r["content"])]


def count(all_texts) -> tuple[Counter, Counter]:
    uni, bi = Counter(), Counter()
    for t in all_texts:
        for run in runs(t):
            seq = ["<s>"] + run + ["<s>"]
            uni.update(seq)
            bi.update(zip(seq, seq[1:]))
    return uni, bi


def write(uni: Counter, bi: Counter, out: Path) -> None:
    lines = ["# syllable<TAB>count and syllable<TAB>syllable<TAB>count (scripts/build_diacritics.py)"]
    lines += [f"{w}\t{n}" for w, n in sorted(uni.items())]
    lines += [f"{a}\t{b}\t{n}" for (a, b), n in sorted(bi.items()) if n >= MIN_PAIR]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(path: Path) -> None:
    from postcheck.lang import restore as r

    right = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        t = unicodedata.normalize("NFC", json.loads(line)["text"])
        if not accented(t):
            continue
        back = r.restore(fold(t))
        for a, b in zip(WORD.findall(t), WORD.findall(back)):
            if has_diacritics(a) or fold(a.lower()) in r._model().readings:
                total += 1
                right += a.lower() == b.lower()
    print(f"{path.name}: {right}/{total} syllables restored exactly ({right / max(total, 1):.3f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(REPO / "training" / "drafts"))
    ap.add_argument("--exclude", default=HELD_OUT)
    ap.add_argument("--out", default=str(REPO / "src" / "postcheck" / "data" / "diacritics.tsv"))
    ap.add_argument("--measure", nargs="*", default=[])
    ap.add_argument("--vihos", default=str(REPO.parent / "shared" / "data" / "vihos" / "train_spans.csv"),
                    help="ViHOS comments (MIT) also counted: the register of comments, insults included")
    ap.add_argument("--dev", default=str(REPO.parent / "shared" / "corpus" / "dev.jsonl"),
                    help="the dev corpus, read only to leave its ViHOS rows out")
    a = ap.parse_args()
    uni, bi = count(list(texts(Path(a.folder), set(a.exclude.split(",")))) + vihos(Path(a.vihos), Path(a.dev)))
    write(uni, bi, Path(a.out))
    print(f"{len(uni)} syllables, {sum(1 for n in bi.values() if n >= MIN_PAIR)} pairs -> {a.out}")
    for m in a.measure:
        measure(Path(m))


if __name__ == "__main__":
    main()
