r"""Pattern rules' regular expressions: RE2 syntax only, run on RE2 (google-re2), whose
time is linear in the text whatever the pattern. A pattern RE2 refuses stops the load.

Two readings differ from plain RE2, because drafts are Vietnamese: \w \d \s (and \W \D
\S outside a [...]) mean what they mean in Python's `re` (letters and digits of every
script, Unicode spaces), not RE2's ASCII ones; \Z is \z. RE2's \b and \B are ASCII-only
(they find a boundary inside "nhà" + "ở"), so they are refused like the look-arounds RE2
lacks. What a look-around said is said instead by declared keys the kind checks around the
whole match (group 0), on a bounded slice of the text:

* `after: R` — the match comes right after text R matches (a look-behind);
* `not_after: R` — the match does not come right after text R matches (a negative one);
* `not_before: R` — the match is not followed right away by text R matches (a look-ahead);
* `boundary: word` / `digit` — no letter, digit or _ (word), or no digit, touches the match
  on either side;
* `guard_group: NAME` — the guards above check the edges of that group instead of the whole
  match's, when it takes part (a keyword inside the pattern: "pass", not "passport");
* `phrase_stops: [words]` — a value matched by a group named `phrase` (or `phrase_2`…) ends
  before the first of these words after its first one ("Song Hong 2025 nhé": "nhé" ends it).

A candidate a guard refuses does not hide its neighbours: the search goes on from the
character after the candidate's start, as Python's engine would try the next position.
A guard sees one candidate per start; where a shorter candidate at the same start could
pass it (a look-ahead after a repeat or between alternatives), write the look-ahead as a
consumed class after the `match` group instead, such as (?:[^\w*!]|\z): the kind goes on
from the end of the `match` group, so what follows it may be read again by the next match.

The text is searched as UTF-8 bytes (encoded once per view), so that a search from a
position costs nothing to set up; spans are turned back into character offsets.
"""
from __future__ import annotations

import re
from array import array
from functools import lru_cache

import re2

from .sdk import RuleError

GUARD_KEYS = frozenset({"after", "not_after", "not_before", "boundary", "guard_group", "phrase_stops"})
GUARD_CHARS = 32  # how far a guard looks: characters before the start or after the end
_BLOCK = 4096  # bytes between two checkpoints of the byte -> character map
_CONTINUATION = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))
_LOOK_BYTES = GUARD_CHARS * 4


@lru_cache(maxsize=1)
def _spaces() -> str:
    """Python's \\s for str patterns (str.isspace()), as RE2 class items."""
    spaces = [cp for cp in range(0x3001) if chr(cp).isspace()]
    runs: list[list[int]] = []
    for cp in spaces:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in runs)


def _escape(ch: str, in_class: bool) -> str | None:
    """The RE2 text for the escape \\ch with Python's Unicode meaning, or None to keep it."""
    word, digit = "\\p{L}\\p{N}_", "\\p{Nd}"
    if in_class:
        return {"w": word, "d": digit, "D": "\\P{Nd}", "s": _spaces()}.get(ch)
    return {"w": f"[{word}]", "W": f"[^{word}]", "d": digit, "D": "\\P{Nd}", "s": f"[{_spaces()}]",
            "S": f"[^{_spaces()}]", "Z": "\\z"}.get(ch)


def _unicode_classes(pattern: str, where: str, key: str) -> str:
    r"""`pattern` with \w \d \s read as Unicode classes (module docstring); \b \B refused."""
    return _lex(pattern, where, key)[0]


def _lex(pattern: str, where: str, key: str) -> tuple[str, dict[str, int]]:
    """(the RE2 text, its named groups' numbers): `_unicode_classes`, and the group numbers
    RE2 will give, without compiling."""
    out: list[str] = []
    names: dict[str, int] = {}
    groups = 0
    i, n, depth = 0, len(pattern), 0  # depth: inside a [...] class
    while i < n:
        ch = pattern[i]
        if ch == "(" and not depth:
            if not pattern.startswith("(?", i):
                groups += 1
            elif pattern.startswith(("(?P<", "(?<"), i) and not pattern.startswith(("(?<=", "(?<!"), i):
                groups += 1
                start = pattern.index("<", i) + 1
                names[pattern[start:pattern.find(">", start)]] = groups
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt in "bB" and not depth:
                raise RuleError(f"{where}: key '{key}': not RE2 syntax as postcheck reads it: \\{nxt} is an "
                                "ASCII-only word boundary in RE2; use the key 'boundary: word' (or "
                                "'not_after'/'not_before', or a consuming class such as (?:^|\\W))")
            if nxt in "WS" and depth:
                raise RuleError(f"{where}: key '{key}': \\{nxt} inside [...] has no RE2 form with Unicode "
                                "classes; write the class another way")
            if nxt == "p" or nxt == "P":  # \pL, \p{Greek}: copied whole
                end = pattern.find("}", i) + 1 if i + 2 < n and pattern[i + 2] == "{" else i + 3
                out.append(pattern[i:end or n])
                i = end or n
                continue
            out.append(_escape(nxt, bool(depth)) or pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not depth:
            depth = 1
            out.append(ch)
            i += 1
            # a ] right after [ or [^ is a literal
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if ch == "[" and depth and pattern.startswith("[:", i):  # [[:alpha:]]
            end = pattern.find(":]", i + 2)
            if end > 0:
                out.append(pattern[i:end + 2])
                i = end + 2
                continue
        if ch == "]" and depth:
            depth = 0
        out.append(ch)
        i += 1
    return "".join(out), names


_REFUSALS = (  # what RE2's error names -> what to write instead
    ("(?<", "look-behind is not supported; use the key 'not_after' (or a consuming class)"),
    ("(?=", "look-ahead is not supported; use the key 'not_before' (or a consuming class)"),
    ("(?!", "look-ahead is not supported; use the key 'not_before' (or a consuming class)"),
    ("(?(", "conditional groups are not supported; write the alternatives out"),
    ("(?>", "atomic groups are not supported"),
    ("++", "possessive repeats are not supported"),
    ("*+", "possessive repeats are not supported"),
    ("?+", "possessive repeats are not supported"),
)


def _options() -> "re2.Options":
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own errors on stderr
    options.max_mem = 64 << 20  # Unicode classes under counted repeats make large automata
    return options


def compile_re2(pattern: str, where: str, key: str, ignorecase: bool = False, multiline: bool = False):
    """`pattern` (RE2 syntax, read as in the module docstring) compiled, or a RuleError
    naming `where` and `key` that says why RE2 refuses it."""
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(f"{where}: key '{key}': expected a regular expression (RE2 syntax)")
    translated = _unicode_classes(pattern, where, key)
    prefix = ("i" if ignorecase else "") + ("m" if multiline else "")
    return _compile(f"(?{prefix}){translated}" if prefix else translated, where, key)


def _compile(translated: str, where: str, key: str):
    try:
        return re2.compile(translated, _options())
    except re2.error as exc:
        detail = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        why = next((say for needle, say in _REFUSALS if needle in detail), None)
        if why is None and "\\" in detail and "escape" in detail and any(c.isdigit() for c in detail):
            why = "back-references are not supported"
        if why is None:
            raise RuleError(f"{where}: key '{key}': invalid regular expression (RE2 syntax): {detail[:160]}") from None
        raise RuleError(f"{where}: key '{key}': not RE2 syntax: {why}") from None


class Utf8Text:
    """A view's text in UTF-8 with a map from byte offsets back to character offsets."""

    __slots__ = ("data", "_checkpoints", "_cont")

    def __init__(self, text: str):
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            # UTF-8 has no lone surrogates: a U+FFFD each keeps the character offsets
            # (neither is a letter, digit or space)
            data = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text).encode("utf-8")
        self.data = data
        self._cont = None
        self._checkpoints = None
        if len(data) != len(text):
            self._cont = data.translate(_CONTINUATION)
            counts = array("q", [0])
            for k in range(0, len(data), _BLOCK):
                counts.append(counts[-1] + self._cont.count(1, k, k + _BLOCK))
            self._checkpoints = counts

    def char(self, b: int) -> int:
        """The character offset of byte offset `b` (a character's first byte or the end)."""
        if self._cont is None:
            return b
        k = b // _BLOCK
        return b - self._checkpoints[k] - self._cont.count(1, k * _BLOCK, b)

    def next_char(self, b: int) -> int:
        """The byte offset of the character after the one that starts at `b`."""
        b += 1
        if self._cont is not None:
            data, n = self.data, len(self.data)
            while b < n and 0x80 <= data[b] < 0xC0:
                b += 1
        return b


class Found:
    """One match, in character offsets of the view's text (what Python's match offers)."""

    __slots__ = ("_m", "_u", "_text", "_cut")

    def __init__(self, m, u: Utf8Text, text: str, cut: tuple[int, int] | None = None):
        self._m, self._u, self._text, self._cut = m, u, text, cut

    def byte_span(self, group=0) -> tuple[int, int]:
        s, e = self._m.span(group)
        if self._cut is not None and s >= 0 and e == self._cut[0] and s <= self._cut[1]:
            e = self._cut[1]  # a phrase cut before a stop word, and the groups it ended
        return s, e

    def span(self, group=0) -> tuple[int, int]:
        s, e = self.byte_span(group)
        if s < 0:
            return -1, -1
        return self._u.char(s), self._u.char(e)

    def group(self, group=0) -> str | None:
        s, e = self.span(group)
        return None if s < 0 else self._text[s:e]

    def end(self) -> int:
        return self._u.char(self.byte_span()[1])

    @property
    def byte_start(self) -> int:
        return self._m.start()

    @property
    def byte_end(self) -> int:
        return self.byte_span()[1]


# what may not touch a match under `boundary`, as Python's \w and \d read a character (tested
# here on the character itself: a guard's RE2 search per candidate costs more)
_BOUNDARIES = {"word": lambda c: c.isalnum() or c == "_", "digit": str.isdecimal}


class GuardedPattern:
    """An RE2 pattern with the guards of the module docstring."""

    def __init__(self, spec: dict, key: str, where: str, ignorecase: bool, multiline: bool, lazy: bool = False):
        # `lazy`: a shipped rule (reviewed, and compiled by the tests) is compiled at its first
        # search: RE2 takes ~0.1 s for the largest, which a draft without its keywords never needs
        self._where, self._key = where, key
        if lazy and isinstance(spec[key], str) and spec[key]:
            translated, self.groupindex = _lex(spec[key], where, key)
            prefix = ("i" if ignorecase else "") + ("m" if multiline else "")
            self._source, self._regex = (f"(?{prefix}){translated}" if prefix else translated), None
        else:
            self._regex = compile_re2(spec[key], where, key, ignorecase, multiline)
            self.groupindex = self._regex.groupindex
        after, before = spec.get("not_after"), spec.get("not_before")
        self._edge = None
        if "boundary" in spec:
            self._edge = _BOUNDARIES.get(spec["boundary"]) if isinstance(spec["boundary"], str) else None
            if self._edge is None:
                raise RuleError(f"{where}: key 'boundary': expected one of {', '.join(_BOUNDARIES)}")
        self._group = 0  # the group whose edges the guards check: the whole match by default
        if "guard_group" in spec:
            name = spec["guard_group"]
            if not isinstance(name, str) or name not in self.groupindex:
                raise RuleError(f"{where}: key 'guard_group': expected the name of a group of the pattern")
            self._group = self.groupindex[name]
        self._stops = None
        self._phrases: tuple[int, ...] = ()
        if "phrase_stops" in spec:
            words = spec["phrase_stops"]
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise RuleError(f"{where}: key 'phrase_stops': expected a list of words")
            self._stops = compile_re2("[ \\t]+(" + "|".join(re.escape(w.strip()) for w in words)
                                      + ")(?:[\\s.,;!?]|\\z)", where, "phrase_stops", ignorecase, multiline)
            self._phrases = tuple(i for n, i in self.groupindex.items() if n == "phrase" or n.startswith("phrase_"))
            if not self._phrases:
                raise RuleError(f"{where}: key 'phrase_stops': the pattern needs a group named 'phrase'")
        self._after = self._before = self._must_follow = None
        if spec.get("after") is not None:
            compile_re2(spec["after"], where, "after")
            self._must_follow = compile_re2(f"(?:{spec['after']})\\z", where, "after", ignorecase, multiline)
        if after is not None:
            compile_re2(after, where, "not_after")  # its own errors name its own key
            self._after = compile_re2(f"(?:{after})\\z", where, "not_after", ignorecase, multiline)
        if before is not None:
            self._before = compile_re2(before, where, "not_before", ignorecase, multiline)

    @property
    def compiled(self) -> bool:
        return self._regex is not None

    @property
    def regex(self):
        if self._regex is None:
            self._regex = _compile(self._source, self._where, self._key)
        return self._regex

    def _guarded(self, u: Utf8Text, m) -> bool:
        s, e = m.span()
        data = u.data
        if self._group:
            s, e = m.span(self._group)
            if s < 0:
                return True  # the guards watch a group this match does without
        if self._edge is not None:
            if s > 0:
                lo = s - 1
                while lo > 0 and 0x80 <= data[lo] < 0xC0:
                    lo -= 1
                if self._edge(data[lo:s].decode("utf-8", "replace")):
                    return False
            if e < len(data):
                hi = e + 1
                while hi < len(data) and 0x80 <= data[hi] < 0xC0:
                    hi += 1
                if self._edge(data[e:hi].decode("utf-8", "replace")):
                    return False
        if self._after is not None or self._must_follow is not None:
            lo = max(0, s - _LOOK_BYTES)
            while lo < s and 0x80 <= data[lo] < 0xC0:
                lo += 1
            behind = data[lo:s]
            if self._after is not None and s > 0 and self._after.search(behind) is not None:
                return False
            if self._must_follow is not None and self._must_follow.search(behind) is None:
                return False
        if self._before is not None and self._before.match(data[e:e + _LOOK_BYTES]) is not None:
            return False
        return True

    def search(self, u: Utf8Text, text: str, pos: int = 0) -> Found | None:
        """The first match at or after byte offset `pos` that the guards let through."""
        data, n = u.data, len(u.data)
        while pos <= n:
            m = self.regex.search(data, pos)
            if m is None:
                return None
            if self._guarded(u, m):
                return Found(m, u, text, self._cut(u, m))
            s = m.start()
            if s >= n:
                return None
            pos = u.next_char(s)
        return None

    def match(self, u: Utf8Text, text: str, pos: int) -> Found | None:
        """A match starting at byte offset `pos` that the guards let through, or None."""
        m = self.regex.match(u.data, pos)
        return Found(m, u, text, self._cut(u, m)) if m is not None and self._guarded(u, m) else None

    def _cut(self, u: Utf8Text, m) -> tuple[int, int] | None:
        """(old end, new end) in bytes of a phrase that a stop word ends early, or None."""
        if self._stops is None:
            return None
        for g in self._phrases:
            ps, pe = m.span(g)
            if ps < 0:
                continue
            # the stop word and the character after it (an end of word), within the phrase
            for stop in self._stops.finditer(u.data[ps:pe + 4]):
                if ps + stop.end(1) <= pe:
                    return pe, ps + stop.start()
            return None
        return None
