"""Every input is checked in time linear in its length: a long run of one punctuation
character, or of a mix, once made the prefilters of normalize.py quadratic ('.' * 64000
took 37 s). The bound is generous (1 s for 64 KB, which takes well under 0.3 s): the test
is about complexity, which turns 64 KB into tens of seconds, not about machine speed."""
from __future__ import annotations

import random
import string
import time

import pytest

from postcheck import load_rulebook

RULEBOOK = load_rulebook()
SIZE = 64_000
PUNCTUATION = string.punctuation + "•·…“”‘’–—«»"
_rng = random.Random(11)
MIXED = {
    "punctuation": "".join(_rng.choice(PUNCTUATION) for _ in range(SIZE)),
    "punctuation and letters": "".join(_rng.choice(PUNCTUATION + "aậđ ") for _ in range(SIZE)),
    "letter-dot": "a." * (SIZE // 2),
    "letter-dash": "a-" * (SIZE // 2),
    "letter-underscore": "ậ_" * (SIZE // 2),
    "two letters-dot": "ab." * (SIZE // 3),
    "dotted before @": ("a." * 100 + "@") * (SIZE // 201),
    "spaced letters": "a b " * (SIZE // 4),
    "joined syllables": "tuyệtmật" * (SIZE // 8),
    "letters and emoji": "l🙂ồ🙂n" * (SIZE // 5),
    "letters and format characters": "tuyệt\u200bmật\u2060" * (SIZE // 10),
    "hashtags": "#báocáomật" * (SIZE // 10),
    # found by scripts/fuzz.py: a run of joiners after a word with no letter after the run
    # (20 s), and thousands of joiner runs between letters in one compound (1 s)
    "word then dots": "chu" + "." * SIZE,
    "word then underscores": "đồng b" + "_" * SIZE,
    "joiners between letters": "".join(_rng.choice("ậ…a/t.,-·") for _ in range(SIZE)),
    # a look-alike cuts a plain run short: the run was matched again from each one on
    # (random text of the fuzzer, 12 K characters, 0.6 s); look-alikes are read one by one,
    # so half the size keeps the bound about complexity
    # one sentence without an end holding thousands of insults: a sentence-level verdict
    # (is it said of an animal?) was read again for each hit (67 s at 72 K characters)
    "insults in one endless sentence": "mày ngu “" * (SIZE // 9),
    "look-alikes in a plain run": "".join(_rng.choice("abcօɑ中ᴛ") for _ in range(SIZE // 2)),
    # pattern guards (checks/re2_pattern.py) refuse a candidate and search again from the
    # next character: runs where every position starts a refused candidate
    "one long number": "1" * SIZE,
    "digit groups": "12 34 " * (SIZE // 6),
    "keyword then a long number": ("mã pin: " + "7" * 200 + " ") * (SIZE // 209),
    "passport after passport": "passport " * (SIZE // 9),
    "at signs": "a@b" * (SIZE // 3),
    "brackets after brackets": "[abc]" * (SIZE // 5),
    "names without end": "Nguyễn Văn A" * (SIZE // 12),
    "masked letters": "l*n" * (SIZE // 3),
}


def _timed(text: str) -> float:
    RULEBOOK.check_text("khởi động")  # imports and loads what a first check loads
    started = time.perf_counter()
    RULEBOOK.check_text(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("char", list(PUNCTUATION))
def test_a_run_of_one_punctuation_character_is_fast(char):
    assert _timed(char * SIZE) < 1.0


@pytest.mark.parametrize("name", sorted(MIXED))
def test_mixed_runs_are_fast(name):
    assert _timed(MIXED[name]) < 1.0


def test_400_kb_of_dashes_is_linear():
    # 400 KB once ran past two minutes; linear time makes it a few tenths of a second
    assert _timed("-" * 400_000) < 3.0
