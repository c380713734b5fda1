"""Put back the diacritics of a text typed without them ("nguoi hoi giao" → "người hồi giáo").

A quarter of what staff type has no marks. The word lists fold, but the learned models read
meaning from the marked words they were trained on, and a bare spelling stands for many words
("mat" is mật, mắt, mất, mặt): typed bare, the same drafts lost a fifth of their findings
(measured in training/README). The restorer picks, for each bare syllable, the marked one that
best fits its neighbours: a syllable bigram model counted in the accented drafts written for
postcheck (data/diacritics.tsv, scripts/build_diacritics.py), decoded by Viterbi over each run
of letters between punctuation. A syllable it has never seen marked (a name, a foreign word,
teencode) is left as typed.

Every marked letter of Vietnamese is one code point in NFC, as is its bare letter: the restored
text has the original's length, so a position in it is the same position in the original.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .vi import fold, has_diacritics
from ..resources import data_file

WORD = re.compile(r"[^\W\d_]+")
# a gap between two words that keeps them in one phrase: spaces only (a comma, a full stop,
# a line break or a digit ends the run; scripts/build_diacritics.py counts runs the same way)
SAME_RUN = re.compile(r"[ \t]+")
BOUNDARY = "<s>"
_FLOOR = 1e-7  # no pair is impossible: a log of zero would end the decoding


class _Model:
    def __init__(self, text: str):
        self.unigram: dict[str, int] = {}
        self.bigram: dict[tuple[str, str], int] = {}
        self.followers: dict[str, int] = {}  # distinct words seen after a word
        self.history: dict[str, int] = {}  # bigram tokens starting with a word
        self.readings: dict[str, list[str]] = {}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) == 2:
                self.unigram[parts[0]] = int(parts[1])
            elif len(parts) == 3:
                a, b, n = parts[0], parts[1], int(parts[2])
                self.bigram[(a, b)] = n
                self.followers[a] = self.followers.get(a, 0) + 1
                self.history[a] = self.history.get(a, 0) + n
        self.total = sum(self.unigram.values()) or 1
        for word, n in self.unigram.items():
            if word != BOUNDARY:
                self.readings.setdefault(fold(word), []).append(word)
        for key in self.readings:
            self.readings[key].sort(key=lambda w: -self.unigram[w])
        # bare spellings that some marked syllable has: what Vietnamese typed bare looks like
        # ("team", "with" are only ever themselves)
        self.marked = frozenset(k for k, ws in self.readings.items() if any(has_diacritics(w) for w in ws))

    def logp(self, prev: str, word: str) -> float:
        # the bigram estimate interpolated with the unigram one, Witten-Bell style: a history
        # seen often with few followers trusts its bigrams more
        uni = (self.unigram.get(word, 0) + 0.5) / (self.total + 0.5 * len(self.unigram))
        seen = self.history.get(prev, 0)
        if not seen:
            return math.log(uni)
        kinds = self.followers[prev]
        lam = seen / (seen + kinds)
        return math.log(lam * self.bigram.get((prev, word), 0) / seen + (1 - lam) * uni + _FLOOR)


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model(data_file("diacritics.tsv").read_text(encoding="utf-8"))


def _decode(model: _Model, words: list[str]) -> list[str]:
    """The likeliest marked reading of a run of lower-case words (Viterbi over the bigrams)."""
    # candidates: a word already marked stays; a bare one takes its readings (at most 8:
    # the rest are never the best); one never seen marked stays as typed
    options = []
    for w in words:
        if has_diacritics(w):
            options.append([w])
        else:
            options.append(model.readings.get(w, [w])[:8] or [w])
    # Viterbi with back-pointers: linear in the run's length (a path copied at every step
    # would make a run of n words cost n², and a line with no punctuation can be long)
    scores: dict[str, float] = {BOUNDARY: 0.0}
    back: list[dict[str, str]] = []
    for cands in options:
        step: dict[str, float] = {}
        came: dict[str, str] = {}
        for c in cands:
            prev, score = max(((p, s + model.logp(p, c)) for p, s in scores.items()), key=lambda t: t[1])
            step[c], came[c] = score, prev
        scores = step
        back.append(came)
    word = max(scores, key=lambda c: scores[c] + model.logp(c, BOUNDARY))
    path = [word]
    for came in reversed(back[1:]):
        word = came[word]
        path.append(word)
    return path[::-1]


_OPENING = " \t\n([{\"'“‘«-–—"
_CLOSING = " \t\n)]}\"'”’»-–—,;:!?…"


def _inside_token(text: str, m: re.Match) -> bool:
    """Is the word glued to something other than punctuation that ends or opens a phrase
    ("gmail.com", "a@b", "x/y", "abc123")? A full stop ends a word only before a space."""
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if before not in _OPENING:
        return True
    if after in _CLOSING:
        return False
    if after == ".":
        follow = text[m.end() + 1] if m.end() + 1 < len(text) else " "
        return not (follow.isspace() or follow == ".")
    return True


def _with_case(original: str, restored: str) -> str:
    # a letter whose capital is two letters (ŉ → ʼN) stays small: the length must not change
    return "".join(r.upper() if o.isupper() and len(r.upper()) == 1 else r for o, r in zip(original, restored))


def restore(text: str) -> str:
    """`text` with the bare syllables given the marks their neighbours make likeliest; same length."""
    model = _model()
    out = list(text)
    run: list[re.Match] = []

    def flush():
        if not run:
            return
        words = [m.group().lower() for m in run]
        for m, r in zip(run, _decode(model, words)):
            if len(r) == len(m.group()) and r != m.group().lower():
                out[m.start():m.end()] = _with_case(m.group(), r)
        run.clear()

    last_end = None
    for m in WORD.finditer(text):
        if last_end is not None and not SAME_RUN.fullmatch(text[last_end:m.start()]):
            flush()
        last_end = m.end()
        if _inside_token(text, m):
            flush()  # part of an address, a domain, a code: left as typed, and ends the run
            continue
        run.append(m)
    flush()
    restored = "".join(out)
    # positions in the restored text are positions in the original: never a different length
    return restored if len(restored) == len(text) else text


# a line is read as typed bare when under this share of its words carry a mark (typed with
# marks, about half of Vietnamese words do; a bare line with one pasted name still counts)
BARE_SHARE = 0.1
# ... and at least this share of its words are bare spellings of Vietnamese syllables: an
# English line, a URL or a line of code is not Vietnamese typed bare
SYLLABLE_SHARE = 0.6
_LINE = re.compile(r"[^\n]+")


def is_bare(line: str) -> bool:
    """Is this line Vietnamese typed without diacritics?"""
    words = WORD.findall(line)
    if sum(has_diacritics(w) for w in words) >= BARE_SHARE * len(words):
        return False
    # one-letter words ("a", "k") are as often initials or teencode as syllables
    words = [w for w in words if len(w) > 1]
    if len(words) < 2:
        return False
    marked = _model().marked
    return sum(w.lower() in marked for w in words) >= SYLLABLE_SHARE * len(words)


def restore_bare_lines(text: str) -> str:
    """`text` with each line typed bare restored (restore()); lines typed with marks, and
    lines that are not Vietnamese, as they are. Same length, same positions; the very
    object given when no line was bare."""
    out: list[str] = []
    last = 0
    for m in _LINE.finditer(text):
        if is_bare(m.group()):
            out += [text[last:m.start()], restore(m.group())]
            last = m.end()
    if not out:
        return text
    return "".join(out) + text[last:]
