#!/usr/bin/env python3
"""Fuzz the whole checking pipeline with generated hostile drafts (not run in CI).

    python scripts/fuzz.py                       # 100,000 inputs on every CPU
    python scripts/fuzz.py --count 20000 --seed 7 --jobs 2
    python scripts/fuzz.py --big 10              # time and peak memory on a 10 MB draft

Every input goes through what a file goes through: bytes are decoded (inputs.decode,
legacy encodings included), Markdown and HTML are read as prose (readers.prose) and the text is checked
(Rulebook.check_text). A crash is any exception other than an InputError for bytes that
are not text; every finding must also point into the text (0 <= start <= end <= len,
match == text[start:end], line and column agree). Inputs slower than --slow seconds are
reported too. Crashing inputs are printed (repr, cut) with their traceback; --out DIR
also saves each one whole, for a regression test.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import time
import traceback
import unicodedata
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u034f\ufe0f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0338\u20dd\u1ab0\u0336"
SPACES = " \t\v\f\x85\u2028\u2029\u00a0\u3000\u2003\u202f\u1680\r\n\r\n"
ODD = "İıßẞﬁﬀǅﬃ℡㎏ＡＺａｚ０９①Ⅻ中文한국어العربيةעברית😀👍🏽\U0001f1fb\U0001f1f3\U000e0041\x00\x1b\x7f\ud800\udfff"
PUNCT = "0123456789 .,;:!?…-_*·•/@#'\"“”()[]<>=+&%$"
HOSTILE = VIETNAMESE + VIETNAMESE.upper() + unicodedata.normalize("NFD", VIETNAMESE) + INVISIBLE + COMBINING + SPACES + ODD + PUNCT
TEENCODE = ["ko", "k", "đc", "dc", "vs", "j", "z", "ns", "mk", "bn", "ny", "r", "cx", "dm", "vl", "vcl"]
MARKUP = ["<b>{}</b>", "<!-- {} -->", "<a href=\"{}\">x</a>", "`{}`", "```\n{}\n```", "[{}](http://x/{})",
          "<img alt=\"{}\" src=x>", "# {}", "> {}", "<script>{}</script>", "<p title=\"{}\">"]

_book = None
_examples: list[str] = []
_syllables: list[str] = []


def _init() -> None:
    global _book, _examples, _syllables
    from postcheck import load_rulebook
    from postcheck.lang.encodings import syllables

    _book = load_rulebook()
    _examples = [e.text for r in _book.rules for k in ("hit", "miss") for e in r.examples[k]]
    _syllables = sorted(syllables()) or list(VIETNAMESE)
    # loads, once, before timing, what a first draft of each kind loads: underthesea, the
    # syllable list (a joined word), the confusables data (a look-alike letter)
    _book.check_text("khởi động: tài liệu mật, tuyệtmật, ᴛᴜʏệt m\u200bật")


# --- generators -------------------------------------------------------------------------------

def _random_unicode(rng: random.Random) -> str:
    n = rng.randint(0, 200)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.6:
            out.append(chr(rng.randint(0, 0x2FFF)))
        elif r < 0.9:
            out.append(chr(rng.randint(0, 0x10FFFF)))
        else:
            out.append(rng.choice(HOSTILE))
    return "".join(out)


def _hostile(rng: random.Random) -> str:
    return "".join(rng.choice(HOSTILE) for _ in range(rng.randint(0, 300)))


def _syllable_soup(rng: random.Random) -> str:
    words = [rng.choice(_syllables) for _ in range(rng.randint(1, 60))]
    seps = [" ", " ", " ", ", ", ". ", "\n", "! ", "? ", "… ", "-", ""]
    return "".join(w + rng.choice(seps) for w in words)


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(14)
        i = rng.randint(0, len(chars))
        if op == 0:
            chars.insert(i, rng.choice(INVISIBLE))
        elif op == 1:
            chars.insert(i, rng.choice(COMBINING))
        elif op == 2:
            chars.insert(i, rng.choice(SPACES))
        elif op == 3 and chars:
            from postcheck.lang.vi import CONFUSABLES

            inverse = {v: k for k, v in CONFUSABLES.items()}
            j = rng.randrange(len(chars))
            chars[j] = inverse.get(chars[j], chars[j])
        elif op == 4:
            chars = list(unicodedata.normalize(rng.choice(["NFD", "NFKD", "NFC"]), "".join(chars)))
        elif op == 5 and chars:
            j = rng.randrange(len(chars))
            chars[j:j + 1] = [chars[j]] * rng.randint(2, 12)
        elif op == 6:
            sep = rng.choice([".", " ", "-", "_", "*", "·"])
            a = rng.randint(0, len(chars))
            b = min(len(chars), a + rng.randint(1, 12))
            chars[a:b] = list(sep.join(chars[a:b]))
        elif op == 7:
            chars.insert(i, rng.choice(TEENCODE) + " ")
        elif op == 8:
            chars = list("".join(chars).upper() if rng.random() < 0.5 else "".join(chars).title())
        elif op == 9 and chars:
            del chars[i:i + rng.randint(1, 8)]
        elif op == 10:
            chars[i:i] = list(rng.choice(_examples))
        elif op == 11:
            chars.insert(i, rng.choice(ODD))
        elif op == 12 and chars:
            j = rng.randrange(len(chars))
            chars[j] = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"}.get(chars[j], chars[j])
        elif op == 13:
            chars[i:i] = list(rng.choice(["@mofa.gov.vn", " 0912 345 678", " 001189012345", " mk: Abc#12345",
                                          " OTP 123456", " stk 0123456789", " sinh 1/1/1990"]))
    return "".join(chars)


# --- red-team shapes: evasions of the matching view (issue 11) ----------------------------

# format and default-ignorable characters, fillers and blanks, used as spaces or inside words
FORMAT = ("\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u202a\u202e\u2066\u2069\u180e\u3164\u115f\u1160"
          "\u2800\u17b4\u17b5\u034f\ufe0f\uffa0\U000e0041\U0001d173\u061c")
JOINERS = [".", "-", "_", "*", "/", ",", "|", "~", "+", "·", "•", "🔥", "🙂", "👍🏽", "**", "--", "..."]
WRAPS = [("**", "**"), ("*", "*"), ("_", "_"), ("“", "”"), ('"', '"'), ("(", ")"), ("[", "]"), ("«", "»"), ("`", "`")]
LOOKALIKES = "օɑᎢꓔᴛᴜʏᴍᴀᴏɴ🅣🅤🅨🅜🅐ＴＵＹ𝐭𝐮𝐲𝗺𝗮аеорсух"


def _split_words(rng: random.Random, text: str) -> str:
    """Syllables joined by a joiner, a format character or nothing; letters split by them."""
    words = text.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < 0.3 and len(w) > 1:
            sep = rng.choice(JOINERS + list(FORMAT))
            w = sep.join(w)
        elif r < 0.45:
            a, b = rng.choice(WRAPS)
            w = a + w + b
        out.append(w)
        out.append(rng.choice([" ", " ", "", rng.choice(FORMAT), rng.choice(JOINERS)]))
    return "".join(out)


def _strip_some(rng: random.Random, text: str) -> str:
    """Partial diacritics: some syllables lose their marks, some get a stray one stacked."""
    from postcheck.lang.vi import fold

    words = text.split(" ")
    for k, w in enumerate(words):
        r = rng.random()
        if r < 0.4:
            words[k] = fold(w)
        elif r < 0.5 and w:
            words[k] = w + rng.choice("\u0300\u0301\u0303\u0309\u0323")
    return " ".join(words)


def _lookalikes(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        if chars:
            chars[rng.randrange(len(chars))] = rng.choice(LOOKALIKES)
    return "".join(chars)


def _punctuation_run(rng: random.Random) -> str:
    """Long runs of one punctuation character, or of a mix, among a few words."""
    chars = PUNCT + "•·…“”‘’–—«»" + FORMAT
    n = rng.choice([100, 1000, 8000, 30000])
    if rng.random() < 0.5:
        run = rng.choice(chars) * n
    else:
        pool = rng.sample(chars, rng.randint(2, 6)) + (["a", "ậ", "t"] if rng.random() < 0.5 else [])
        run = "".join(rng.choice(pool) for _ in range(n))
    return rng.choice(_examples)[:40] + run + rng.choice(_examples)[:40]


def _red_team(rng: random.Random) -> str:
    text = rng.choice(_examples)
    for shape in rng.sample([_split_words, _strip_some, _lookalikes], rng.randint(1, 3)):
        text = shape(rng, text)
    return text


def _example(rng: random.Random) -> str:
    text = " ".join(rng.choice(_examples) for _ in range(rng.randint(1, 4)))
    return _mutate(rng, text) if rng.random() < 0.9 else text


def _bytes(rng: random.Random) -> tuple[bytes, str]:
    from postcheck.lang.encodings import LEGACY, encode_legacy

    r = rng.random()
    if r < 0.3:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 400))), "random.txt"
    text = _example(rng)
    if r < 0.6:
        try:
            return encode_legacy(text, rng.choice(LEGACY)), "legacy.txt"
        except UnicodeEncodeError:
            pass
    codec = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le"])
    data = text.encode(codec, "surrogatepass")
    if rng.random() < 0.3 and data:  # damage it
        j = rng.randrange(len(data))
        data = data[:j] + bytes([rng.randrange(256)]) + data[j + 1:]
    return data, rng.choice(["a.txt", "b.md", "c.html"])


def _markup(rng: random.Random) -> tuple[str, str]:
    parts = []
    for _ in range(rng.randint(1, 6)):
        inner = rng.choice(_examples)
        parts.append(rng.choice(MARKUP).format(inner, inner) if rng.random() < 0.6 else inner)
    return _mutate(rng, "\n".join(parts)) if rng.random() < 0.5 else "\n".join(parts), rng.choice(["x.md", "x.html"])


def _long(rng: random.Random) -> str:
    """A long draft (2,000-40,000 characters): repeated pieces, often with no punctuation,
    so that one sentence holds hundreds of findings."""
    piece = rng.choice([_example, _hostile, _syllable_soup, _random_unicode])(rng)
    if rng.random() < 0.5:
        piece = piece.replace(".", " ").replace("\n", " ").replace("!", " ").replace("?", " ")
    target = rng.randint(2_000, 40_000)
    return (piece + " ") * (target // (len(piece) + 1) + 1)


TEXT_GENERATORS = {"unicode": _random_unicode, "hostile": _hostile, "syllables": _syllable_soup,
                   "examples": _example, "long": _long, "red-team": _red_team, "punctuation": _punctuation_run}
GENERATORS = ["unicode", "hostile", "syllables", "examples", "bytes", "markup", "red-team", "red-team",
              "punctuation"]  # in turn; "long" now and then
LONG_EVERY = 50  # one input in 50 is long


def _check(text: str) -> int:
    findings = _book.check_text(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f"offsets out of range: {f}"
        assert f.match == text[f.start:f.end], f"match is not text[start:end]: {f}"
        # CRLF, LF and a lone CR each end a line (textmap.LineIndex), counted here apart
        breaks = [m.end() for m in re.finditer(r"\r\n|\r|\n", text[:f.start])]
        line = len(breaks) + 1
        column = f.start - (breaks[-1] if breaks else 0) + 1
        assert (f.line, f.column) == (line, column), f"line/column {f.line}:{f.column} != {line}:{column}"
    return len(findings)


def _one(index: int, seed: int) -> tuple[str, object, float, str | None, int]:
    from postcheck.inputs import InputError
    from postcheck.readers import prose
    from postcheck.readers.text import decode

    rng = random.Random(seed * 1_000_003 + index)
    kind = "long" if index % LONG_EVERY == LONG_EVERY - 1 else GENERATORS[index % len(GENERATORS)]
    payload: object = None
    found = 0
    started = time.perf_counter()
    try:
        if kind in TEXT_GENERATORS:
            payload = TEXT_GENERATORS[kind](rng)
            found = _check(payload)
        elif kind == "bytes":
            payload, name = _bytes(rng)
            try:
                text = decode(payload, name)
            except InputError:
                return kind, None, time.perf_counter() - started, None, 0
            found = _check(prose(name, text))
        else:
            payload, name = _markup(rng)
            found = _check(prose(name, payload))
    except Exception:
        return kind, payload, time.perf_counter() - started, traceback.format_exc(), 0
    return kind, None, time.perf_counter() - started, None, found


def _batch(args: tuple[int, int, int]) -> tuple[Counter, list, list, tuple[float, int, str]]:
    start, stop, seed = args
    counts: Counter = Counter()
    crashes, slow = [], []
    slowest = (0.0, -1, "")
    for index in range(start, stop):
        kind, payload, elapsed, error, found = _one(index, seed)
        slowest = max(slowest, (elapsed, index, kind))
        counts[kind] += 1
        counts["findings"] += found
        if error:
            crashes.append((index, kind, payload, error))
        if elapsed > _SLOW:
            slow.append((elapsed, index, kind))
    return counts, crashes, slow, slowest


_SLOW = 1.0


def fuzz(count: int, seed: int, jobs: int, out: Path | None) -> int:
    started = time.time()
    batches = [(i, min(i + 500, count), seed) for i in range(0, count, 500)]
    totals: Counter = Counter()
    crashes, slow = [], []
    slowest = (0.0, -1, "")
    with Pool(jobs, initializer=_init) as pool:
        for n, (counts, bad, slower, batch_slowest) in enumerate(pool.imap_unordered(_batch, batches), 1):
            slowest = max(slowest, batch_slowest)
            totals.update(counts)
            crashes.extend(bad)
            slow.extend(slower)
            if n % 20 == 0 or n == len(batches):
                done = sum(v for k, v in totals.items() if k != "findings")
                print(f"  {done:>7} inputs, {len(crashes)} crashes, {time.time() - started:6.0f} s", flush=True)
    findings = totals.pop("findings", 0)
    print(f"\n{sum(totals.values())} inputs ({findings} findings) in {time.time() - started:.0f} s (seed {seed}, {jobs} processes): "
          + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    print(f"crashes: {len(crashes)}")
    for index, kind, payload, error in crashes[:50]:
        print(f"\n--- #{index} ({kind}): {payload!r:.300}\n{error}")
        if out:
            out.mkdir(parents=True, exist_ok=True)
            data = payload if isinstance(payload, bytes) else str(payload).encode("utf-8", "surrogatepass")
            (out / f"crash-{seed}-{index}.bin").write_bytes(data)
    slow.sort(reverse=True)
    print(f"slowest input: #{slowest[1]} ({slowest[2]}) {slowest[0]:.2f} s")
    print(f"slower than {_SLOW} s: {len(slow)}" + "".join(f"\n  #{i} ({k}): {t:.1f} s" for t, i, k in slow[:10]))
    return 1 if crashes else 0


# --- big drafts ---------------------------------------------------------------------------------

def big_draft(megabytes: float, seed: int = 1) -> str:
    """Vietnamese prose of about `megabytes` MB (UTF-8): the rules' own examples (about one
    sentence in six draws a finding) among sentences of dictionary syllables."""
    _init()
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    parts: list[str] = []
    size = 0
    while size < target:
        if rng.random() < 0.3:
            sentence = rng.choice(_examples)
        else:
            words = [rng.choice(_syllables) for _ in range(rng.randint(6, 24))]
            sentence = " ".join(words).capitalize() + rng.choice([".", ".", "!", "?"])
        sentence += "\n" if rng.random() < 0.2 else " "
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts)


def measure(megabytes: float) -> None:
    """Runs in its own process, so that its peak memory is this draft's alone."""
    text = big_draft(megabytes)
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    findings = _book.check_text(text)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{megabytes:g} MB draft ({len(text):,} characters, {text.count(chr(10)):,} lines): "
          f"check_text {elapsed:.1f} s, {len(findings):,} findings; peak RSS {peak:.0f} MB "
          f"(after loading the rulebook and building the draft: {rss_loaded:.0f} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--slow", type=float, default=1.0, help="report inputs slower than this (s)")
    parser.add_argument("--out", type=Path, help="save crashing inputs here")
    parser.add_argument("--big", type=float, nargs="*", help="measure drafts of these sizes (MB) instead")
    parser.add_argument("--measure-one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global _SLOW
    _SLOW = args.slow
    if args.measure_one is not None:
        _init()
        measure(args.measure_one)
        return 0
    if args.big is not None:
        for size in args.big or [10]:
            subprocess.run([sys.executable, __file__, "--measure-one", str(size)], check=True)
        return 0
    return fuzz(args.count, args.seed, args.jobs, args.out)


if __name__ == "__main__":
    sys.exit(main())
