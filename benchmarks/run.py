#!/usr/bin/env python3
"""postcheck benchmarks: every number is printed with its ratio to a reference measured in
the same run, on the same machine and the same text.

    python benchmarks/run.py [--shared ../shared] [--quick]

References:
* floor: a fresh python that imports underthesea and word_tokenizes the same text;
* textlint + textlint-rule-prh (from the npm registry; installed into a cache folder when
  node and npm are present) with a prh dictionary made of postcheck's own terms.

Text is built from ../shared/corpus/dev.jsonl and ../shared/data/vihos (repeated to size);
it is written to a temporary folder and deleted afterwards.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable


def texts_from(shared: Path) -> list[str]:
    texts = [json.loads(line)["text"] for line in (shared / "corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    for split in ("train_spans.csv", "dev_spans.csv"):
        with open(shared / "data" / "vihos" / split, encoding="utf-8") as fh:
            texts.extend(row["content"] for row in csv.DictReader(fh))
    return texts


def make_batch(texts: list[str], folder: Path, total_chars: int, article_chars: int = 4000) -> list[Path]:
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    paths, size, n = [], 0, 0
    while size < total_chars:
        parts, length = [], 0
        while length < article_chars:
            t = rng.choice(texts)
            parts.append(t)
            length += len(t)
        body = "\n\n".join(parts)
        path = folder / f"a{n:05}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
        size += len(body)
        n += 1
    return paths


# Both sides run from bytecode, as pip installs them: pip compiles underthesea's modules at
# install time, and a repository checkout gets its __pycache__ on the first (warm-up) run,
# which PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise prevent.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], repeat: int = 1, **kw) -> tuple[float, int]:
    """Median wall time of `cmd` (after one warm-up run when repeated) and the peak RSS (KiB)
    of the largest child so far."""
    times = []
    if repeat > 1:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, **kw)
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, **kw)
        times.append(time.perf_counter() - start)
    return statistics.median(times), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def peak_rss(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one command, measured by a fresh python wrapper."""
    wrapper = ("import resource,subprocess,sys,time;t=time.perf_counter();"
               "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
               "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PY, "-c", wrapper, *cmd], capture_output=True, text=True, env=ENV).stdout.split()
    return float(out[0]), int(out[1])


FLOOR = """
import sys
from pathlib import Path
from underthesea import word_tokenize
for p in sys.argv[1:]:
    for line in Path(p).read_text(encoding="utf-8").splitlines():
        if line.strip():
            word_tokenize(line)
"""


def floor_cmd(paths: list[Path]) -> list[str]:
    return [PY, "-c", FLOOR, *map(str, paths)]


def postcheck_cmd(paths: list[Path], *extra: str) -> list[str]:
    return [PY, "-m", "postcheck", "--format", "json", "--fail-on", "never", *extra, *map(str, paths)]


def textlint_setup(cache: Path, terms: list[str]) -> list[str] | None:
    if not shutil.which("npm") or not shutil.which("node"):
        return None
    if not (cache / "node_modules" / ".bin" / "textlint").exists():
        cache.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["npm", "install", "--silent", "--prefix", str(cache), "textlint", "textlint-rule-prh"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            return None
    prh = cache / "prh.yml"
    lines = ["version: 1", "rules:"]
    for term in terms:
        escaped = term.replace('"', '\\"')
        lines += [f'  - expected: "[{escaped}]"', f'    pattern: "{escaped}"']
    prh.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc = cache / ".textlintrc.json"
    rc.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(prh)]}}}), encoding="utf-8")
    return [str(cache / "node_modules" / ".bin" / "textlint"), "--config", str(rc), "--format", "json"]


def textlint_works(textlint: list[str], batch: list[Path]) -> bool:
    """textlint exits 1 both when it finds something and when a rule fails to load: only a JSON
    report covering every file counts as a real run."""
    done = subprocess.run(textlint + [str(p) for p in batch], capture_output=True, text=True)
    try:
        return len(json.loads(done.stdout)) == len(batch)
    except ValueError:
        return False


def shipped_terms(limit: int | None = None) -> list[str]:
    """Terms made of letters and spaces only: prh turns a pattern into a /u regular expression
    and escapes "-" as "\\-", which /u rejects, so one such term makes textlint fail on every file."""
    terms = []
    for path in sorted((REPO / "wordlists").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip().lstrip("=")
            if line and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", line):
                terms.append(line)
    return terms[:limit] if limit else terms


def scaled_wordlists(folder: Path, factor: int) -> Path:
    """A copy of the shipped word lists with (factor - 1) × as many made-up terms added."""
    rng = random.Random(factor)
    syllables = "an anh ba bao bi binh ca cam chi chung cong cu da dai dang dao dat den dien doan dong du duc gia giang ha hai ham hanh hoa hong huy khang khanh kim lam lan le linh loc long luan mai minh my nam ngoc nguyen nhan nhat phong phu quan quang son tam tan thanh thao thi thu tien toan trang trung tuan tung van viet vinh xuan yen".split()
    out = folder / f"wordlists_x{factor}"
    out.mkdir(parents=True, exist_ok=True)
    for path in (REPO / "wordlists").glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        terms = [l for l in lines if l.strip() and not l.startswith("#")]
        extra = [" ".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + " xq" for _ in range(len(terms) * (factor - 1))]
        (out / path.name).write_text("\n".join(lines + extra) + "\n", encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    args = ap.parse_args()
    texts = texts_from(args.shared)
    rng = random.Random(3)
    repeat = 3 if args.quick else 5
    total = 300_000 if args.quick else 2_000_000
    big = 2_000_000 if args.quick else 10_000_000
    rows: list[tuple[str, float, float, str]] = []

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        short_clean = tmp / "clean.txt"
        short_clean.write_text("Chúc cả nhà cuối tuần vui vẻ, hẹn gặp lại mọi người ở buổi liên hoan nhé!\n", encoding="utf-8")
        short_bad = tmp / "bad.txt"
        short_bad.write_text("Mình gửi mọi người bản báo cáo mật về vụ đàm phán, đừng nói ra nhé.\n", encoding="utf-8")

        # 1. cold start on one short post
        for name, path in (("cold start, short clean post", short_clean), ("cold start, short violating post", short_bad)):
            ref, _ = timed(floor_cmd([path]), repeat)
            ours, _ = timed(postcheck_cmd([path]), repeat)
            rows.append((name, ours, ref, "floor"))
        ref, _ = timed([PY, "-m", "postcheck", "--version"], repeat)
        rows.append(("postcheck --version", ref, timed(floor_cmd([short_clean]), repeat)[0], "floor"))

        # 2. a batch of many posts, in one process
        batch = make_batch(texts, tmp / "batch", total)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in batch)
        ref, _ = timed(floor_cmd(batch))
        one, _ = timed(postcheck_cmd(batch, "--jobs", "1"))
        two, _ = timed(postcheck_cmd(batch, "--jobs", "2"))
        rows.append((f"batch {len(batch)} files, {chars / 1e6:.1f} M chars, --jobs 1", one, ref, "floor"))
        rows.append((f"batch {len(batch)} files, {chars / 1e6:.1f} M chars, --jobs 2", two, ref, "floor"))
        textlint = textlint_setup(Path(os.environ.get("POSTCHECK_BENCH_CACHE", Path.home() / ".cache" / "postcheck-bench")),
                                  shipped_terms(428))
        if textlint and not textlint_works(textlint, batch):
            print("(textlint did not check the batch: comparison skipped)")
            textlint = None
        if textlint:
            tl, _ = timed(textlint + [str(p) for p in batch])
            rows.append(("batch vs textlint + prh (428 terms)", two, tl, "textlint"))
            rows.append(("batch --jobs 1 vs textlint + prh", one, tl, "textlint"))
        else:
            print("(node/npm not available: textlint comparison skipped)")

        # 3. word lists at 1x, 10x, 100x the terms (same batch, --jobs 1)
        base = one
        for factor in (10, 100):
            folder = scaled_wordlists(tmp, factor)
            t, _ = timed(postcheck_cmd(batch, "--jobs", "1", "--wordlists", str(folder)))
            rows.append((f"word lists x{factor} terms", t, base, "x1 terms"))

        # 4. one large file
        large = tmp / "large.txt"
        with large.open("w", encoding="utf-8") as fh:
            size = 0
            while size < big:
                t = rng.choice(texts)
                fh.write(t + "\n\n")
                size += len(t.encode("utf-8")) + 2
        t_large, rss = peak_rss(postcheck_cmd([large], "--max-size", "100"))
        rows.append((f"one {big / 1e6:.0f} MB file: time", t_large, 0.0, ""))
        rows.append((f"one {big / 1e6:.0f} MB file: peak memory (MB)", rss / 1024, 0.0, ""))

    print(f"\n{'measure':<52} {'postcheck':>10} {'reference':>10} {'ratio':>7}")
    for name, ours, ref, what in rows:
        ratio = f"{ours / ref:6.2f}x" if ref else ""
        ref_s = f"{ref:9.2f}s" if ref else ""
        unit = "" if "memory" in name else "s"
        print(f"{name:<52} {ours:9.2f}{unit:1} {ref_s:>10} {ratio:>7} {('vs ' + what) if what else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
