r"""`pattern`: regular expressions with Unicode-aware boundaries, optionally checked by a
validator (ID numbers, phones), a domain list (official e-mail) or nearby context terms.

Patterns are written in Python's syntax and mean what Python's `re` says, but they must
never hang on a hostile draft. The policy, decided when the rule file is loaded:

1. The pattern is parsed with Python's own parser. If every construct in it has an exact
   equivalent in RE2 (google-re2, a linear-time engine), it is translated and run there.
   The translation keeps Python's meaning: \w is [\p{L}\p{N}_], \d is \p{Nd}, \s is
   Python's own list of white space, `ignorecase` letters become the explicit classes
   Python's case folding matches (ı İ ſ K included), `.` `^` `$` follow the flags in scope.
2. What RE2 cannot do exactly — look-behind and look-ahead, back-references, conditionals,
   atomic groups and possessive repeats, \b and \B (ASCII-only in RE2), `$` without
   `multiline` (Python's also matches before a final newline), repeat counts over 1000,
   and a negated class (\W \S \D-like) mixed with other items in one [...] — keeps
   the pattern on Python's backtracking engine, after a check of its shape. The load stops
   with a RuleError naming the file and the key 'pattern' if a repetition (of two or more,
   bounded or not) holds
   * a body that can match the empty string and varies in length, like (a*)* or (a?b?)+;
   * alternatives that can begin with the same character (an empty one: with what
     follows it), or two that can both be empty, like (a|ab|b)* or (a|a)*;
   * a repeat of varying length whose characters can also come right after it, within the
     same iteration or at the start of the next, like (a+)+, (\w+\s?)*, (x\w*y)+.
   These are the shapes that make backtracking exponential. Repeats that are separated
   by a character they cannot match, like (?:[\w-]+\.)+ or (?:\s+\S+){1,4}, are
   accepted. Polynomial backtracking (\s*:?\s* on a long run of spaces) is not rejected:
   the shipped rules bound their repeats ({0,40}) and anchor their starts with
   look-behinds, and the robustness tests run them on long hostile inputs.

Every shipped rule loads under this policy (tests/test_robustness.py); `PatternRule.engine`
says which engine a rule got.

On the fast path (not `exhaustive`), a rule first asks cheap questions of a draft, and skips
it when an answer is no: is there any (strong) match of its `context` terms at all, does the
rule's *gate* match anywhere in the draft, and does the folded lower case hold one of the
rule's `trigger` texts. The gate is an RE2 pattern searched over the draft's UTF-8 bytes
(encoded once for all rules): the rule's own pattern for an RE2 rule, and for a rule on
Python's engine a translation that matches wherever the pattern can (see `_Superset`), so
that a draft the gate rejects holds no match. It is compiled at the first draft of
GATE_MIN_CHARS or more characters; shorter drafts go without.
"""
from __future__ import annotations

import fnmatch
import re
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterator

from ..document import Document
from ..normalize import fold
from ..rulebook import Context, RuleError
from ..validators import VALIDATORS
from .base import Hit, Rule

try:  # Python 3.11+
    from re import _constants as _c, _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

try:
    import re2
except ImportError:  # pragma: no cover - a dependency; without it every pattern is shape-checked
    re2 = None

FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE}
RE2_MAX_REPEAT = 1000
GATE_MIN_CHARS = 1000  # a gate costs about a millisecond to compile: worth it from long drafts on
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r"\S+")


# --- translation to RE2 -------------------------------------------------------------------

class _Unsupported(Exception):
    """The construct has no exact RE2 equivalent."""


def _hex(cp: int) -> str:
    return f"\\x{{{cp:x}}}"


@lru_cache(maxsize=1)
def _python_spaces() -> str:
    """Python's \\s for str patterns: str.isspace(), as RE2 class items."""
    spaces = [cp for cp in range(0x3001) if chr(cp).isspace()]
    runs: list[list[int]] = []
    for cp in spaces:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(_hex(a) if a == b else f"{_hex(a)}-{_hex(b)}" for a, b in runs)


_CATEGORY_ITEMS = {  # (unicode, ascii) class items for the positive categories
    _c.CATEGORY_DIGIT: (lambda: "\\p{Nd}", lambda: "0-9"),
    _c.CATEGORY_WORD: (lambda: "\\p{L}\\p{N}_", lambda: "0-9A-Za-z_"),
    _c.CATEGORY_SPACE: (_python_spaces, lambda: "\\x{9}-\\x{d} "),
}
_NEGATED = {_c.CATEGORY_NOT_DIGIT: _c.CATEGORY_DIGIT, _c.CATEGORY_NOT_WORD: _c.CATEGORY_WORD,
            _c.CATEGORY_NOT_SPACE: _c.CATEGORY_SPACE}


@lru_cache(maxsize=1)
def _cased() -> str:
    """Every character Python's case-insensitive matching may pair with another one.

    Scanning all code points costs 0.15 s at every start, so the list ships precomputed
    for one Unicode version (data/cased_chars.txt) and is recomputed only under another."""
    import unicodedata

    from ..resources import data_file

    try:
        version, escaped = data_file("cased_chars.txt").read_text(encoding="ascii").split("\n")[:2]
        if version == unicodedata.unidata_version:
            return escaped.encode("ascii").decode("unicode_escape")
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    return _scan_cased()


def _scan_cased() -> str:
    from re import _casefix

    chars = {chr(cp) for cp in range(0x20000) if chr(cp).lower() != chr(cp) or chr(cp).upper() != chr(cp)}
    for k, v in _casefix._EXTRA_CASES.items():
        chars.add(chr(k))
        chars.update(map(chr, v))
    return "".join(sorted(chars))


@lru_cache(maxsize=4096)
def _case_partners(item: str, flags: int) -> frozenset[str]:
    """The characters Python's `re` matches with the one-character pattern `item` (a
    literal or a [range]) under IGNORECASE and `flags`, beyond the item's own."""
    rx = re.compile(item, flags | re.IGNORECASE)
    return frozenset(m.group() for m in rx.finditer(_cased()))


class _Translator:
    def __init__(self, parsed):
        self.names = {index: name for name, index in parsed.state.groupdict.items()}

    def seq(self, nodes, flags: int) -> str:
        return "".join(self.node(op, av, flags) for op, av in nodes)

    def node(self, op, av, flags: int) -> str:
        ignore = bool(flags & re.IGNORECASE)
        if op is _c.LITERAL:
            if not ignore:
                return _hex(av)
            return "[" + self._members_literal(av, flags) + "]"
        if op is _c.NOT_LITERAL:
            return "[^" + (self._members_literal(av, flags) if ignore else _hex(av)) + "]"
        if op is _c.ANY:
            return "(?s:.)" if flags & re.DOTALL else "[^\\n]"
        if op is _c.IN:
            return self.charset(av, flags)
        if op is _c.AT:
            if av is _c.AT_BEGINNING:
                return "(?m:^)" if flags & re.MULTILINE else "\\A"
            if av is _c.AT_BEGINNING_STRING:
                return "\\A"
            if av is _c.AT_END_STRING:
                return "\\z"
            if av is _c.AT_END and flags & re.MULTILINE:
                return "(?m:$)"
            raise _Unsupported(str(av))  # \b \B (ASCII in RE2), $ before a final newline
        if op is _c.BRANCH:
            return "(?:" + "|".join(self.seq(alt, flags) for alt in av[1]) + ")"
        if op is _c.SUBPATTERN:
            group, add, delete, body = av
            inner = self.seq(body, (flags | add) & ~delete)
            if group is None:
                return "(?:" + inner + ")"
            name = self.names.get(group)
            return f"(?P<{name}>{inner})" if name else f"({inner})"
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, hi, body = av
            if lo > RE2_MAX_REPEAT or (hi is not _c.MAXREPEAT and hi > RE2_MAX_REPEAT):
                raise _Unsupported("repeat count")
            if hi is _c.MAXREPEAT:
                count = {0: "*", 1: "+"}.get(lo, f"{{{lo},}}")
            elif (lo, hi) == (0, 1):
                count = "?"
            else:
                count = f"{{{lo}}}" if lo == hi else f"{{{lo},{hi}}}"
            return "(?:" + self.seq(body, flags) + ")" + count + ("?" if op is _c.MIN_REPEAT else "")
        raise _Unsupported(str(op))  # look-arounds, back-references, atomic, possessive…

    def _members_literal(self, cp: int, flags: int) -> str:
        chars = {chr(cp)} | _case_partners(re.escape(chr(cp)), flags & re.ASCII)
        return "".join(_hex(ord(ch)) for ch in sorted(chars))

    def charset(self, items, flags: int) -> str:
        ignore = bool(flags & re.IGNORECASE)
        ascii_ = bool(flags & re.ASCII)
        negate = False
        members: list[str] = []
        negated_category = None
        for op, av in items:
            if op is _c.NEGATE:
                negate = True
            elif op is _c.LITERAL:
                members.append(self._members_literal(av, flags) if ignore else _hex(av))
            elif op is _c.RANGE:
                lo, hi = av
                members.append(f"{_hex(lo)}-{_hex(hi)}")
                if ignore:
                    item = f"[{re.escape(chr(lo))}-{re.escape(chr(hi))}]"
                    members.extend(_hex(ord(ch)) for ch in sorted(_case_partners(item, flags & re.ASCII))
                                   if not lo <= ord(ch) <= hi)
            elif op is _c.CATEGORY:
                if av in _CATEGORY_ITEMS:
                    members.append(_CATEGORY_ITEMS[av][ascii_]())
                elif av is _c.CATEGORY_NOT_DIGIT and not ascii_:
                    members.append("\\P{Nd}")
                elif av in _NEGATED:
                    negated_category = av
                else:
                    raise _Unsupported(str(av))
            else:
                raise _Unsupported(str(op))
        if negated_category is not None:
            # [\W] alone is [^\w]; mixed with other items it has no RE2 class syntax
            if members:
                raise _Unsupported("negated category in a class")
            members.append(_CATEGORY_ITEMS[_NEGATED[negated_category]][ascii_]())
            negate = not negate
        return ("[^" if negate else "[") + "".join(members) + "]"


def translate_to_re2(pattern: str, flags: int = 0) -> str | None:
    """The RE2 pattern that matches exactly what Python's re.compile(pattern, flags) does,
    or None if the pattern uses something RE2 cannot do the same way."""
    return _translate(_Translator, pattern, flags)


def compile_re2(pattern: str, flags: int = 0):
    """The pattern compiled with RE2, or None (not translatable, or RE2 refuses it)."""
    return _compile_translated(translate_to_re2(pattern, flags) if re2 is not None else None)


def _translate(translator: type, pattern: str, flags: int) -> str | None:
    parsed = _sre_parse.parse(pattern, flags)
    try:
        return translator(parsed).seq(parsed, parsed.state.flags)
    except _Unsupported:
        return None


def _compile_translated(translated: str | None):
    if re2 is None or translated is None:
        return None
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own errors on stderr
    try:
        return re2.compile(translated, options)
    except re2.error:
        return None


# --- the gate: an RE2 pattern that matches wherever a Python pattern can ---------------------

_ANY_NON_ASCII = "\\x{80}-\\x{10ffff}"
_CATEGORY_PATTERN = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_WORD: r"\w",
                     _c.CATEGORY_NOT_WORD: r"\W", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S"}


@lru_cache(maxsize=None)
def _ascii_part(category) -> str:
    """The ASCII characters in one of Python's categories (\\d \\w \\s and negations), as RE2 items."""
    if category not in _CATEGORY_PATTERN:
        raise _Unsupported(str(category))
    rx = re.compile(_CATEGORY_PATTERN[category])
    return "".join(_hex(cp) for cp in range(0x80) if rx.match(chr(cp)))


class _Superset(_Translator):
    """The RE2 pattern that matches every text span the Python pattern matches, and maybe
    more: a match of the Python pattern is, atom for atom, a match of this one.

    * Look-arounds, \\b \\B ^ $ \\A \\Z are dropped: they consume nothing, so a match keeps
      its text when they go.
    * Groups capture nothing; atomic groups and possessive repeats become plain ones (which
      allow every path those allow); a repeat whose upper bound is over 4 loses it (which
      keeps RE2's automaton small: [^.\\n]{0,40} over Vietnamese letters needs thousands of
      states).
    * Literals, ranges and `.` translate exactly (as in `_Translator`). But \\d and \\w follow
      each engine's own copy of the Unicode database, and RE2's is another version than
      Python's (Unicode 15 digits and letters are unassigned in Python 3.11's). So in a class,
      a category (\\d \\w \\s or a negation) keeps its exact ASCII part and stands for every
      non-ASCII character besides, or, in a negated class, excludes its ASCII part only:
      either way the class can only grow.
    """

    def node(self, op, av, flags: int) -> str:
        if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            return ""
        if op is _c.SUBPATTERN:
            group, add, delete, body = av
            return "(?:" + self.seq(body, (flags | add) & ~delete) + ")"
        if op is _c.ATOMIC_GROUP:
            return "(?:" + self.seq(av, flags) + ")"
        if op in _REPEATS:
            lo, hi, body = av
            if hi is not _c.MAXREPEAT and hi > max(lo, 4):
                hi = _c.MAXREPEAT
            return super().node(_c.MAX_REPEAT, (lo, hi, body), flags)
        return super().node(op, av, flags)  # back-references and conditionals: _Unsupported

    def charset(self, items, flags: int) -> str:
        if flags & re.ASCII or not any(op is _c.CATEGORY for op, _ in items):
            return super().charset(items, flags)  # no Unicode database involved: exact
        negate = any(op is _c.NEGATE for op, _ in items)
        others = [(op, av) for op, av in items if op is not _c.CATEGORY and op is not _c.NEGATE]
        exact = super().charset(others, flags)[1:-1] if others else ""
        # under ignorecase Python tests a category on the lower case of an ASCII character:
        # still ASCII, and in the same category
        ascii_ = "".join(_ascii_part(av) for op, av in items if op is _c.CATEGORY)
        return ("[^" + exact + ascii_ if negate else "[" + exact + ascii_ + _ANY_NON_ASCII) + "]"


def superset_re2(pattern: str, flags: int = 0) -> str | None:
    """An RE2 pattern matching wherever Python's re.compile(pattern, flags) can match
    (see `_Superset`), or None (back-references, conditionals, repeat counts over 1000)."""
    return _translate(_Superset, pattern, flags)


def compile_gate(pattern: str, flags: int = 0):
    """`superset_re2` compiled with RE2, or None."""
    return _compile_translated(superset_re2(pattern, flags) if re2 is not None else None)


def _utf8(doc: Document, name: str, text: str) -> bytes | None:
    """`text` (a view of `doc` called `name`) in UTF-8, encoded once a document for every
    rule; None when it holds lone surrogates (RE2 reads UTF-8: then no RE2 gate is asked)."""
    key = "_utf8_" + name
    data = doc.__dict__.get(key, False)
    if data is False:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            data = None
        doc.__dict__[key] = data
    return data


_UNCOMPILED = object()

# Python's case-insensitive matching pairs ſ with s and ı and İ with i, but lower() keeps ſ and ı
# and writes İ as i + U+0307: a trigger is also looked for with those read as s and i
_CASE_ODD = ("\u017f", "\u0131", "\u0307")
_CASE_ODD_TABLE = str.maketrans({"\u017f": "s", "\u0131": "i"})


# --- the shape check for patterns that stay on Python's engine ------------------------------

_PROBE_RANGES = ((0x00, 0x300), (0x370, 0x530), (0x660, 0x66A), (0x966, 0x970), (0x1E00, 0x1F00),
                 (0x2000, 0x2070), (0x3000, 0x3002), (0xFEFF, 0xFF00), (0xFF01, 0xFF5F))


_RANGE_SAMPLES: dict[tuple, frozenset[str]] = {}


@lru_cache(maxsize=1)
def _probe_alphabet() -> tuple[str, frozenset[str]]:
    chars = "".join(chr(cp) for lo, hi in _PROBE_RANGES for cp in range(lo, hi))
    return chars, frozenset(chars)


def _match_sample(op, av, flags: int, alphabet: str) -> frozenset[str]:
    probe = _sre_parse.SubPattern(_sre_parse.State(), [(op, av)])
    probe.state.flags = flags
    try:
        from re import _compiler

        rx = _compiler.compile(probe, flags)
    except Exception:  # pragma: no cover - an internal API: be conservative
        return frozenset(alphabet) | _probe_alphabet()[1]
    return frozenset(rx.findall(alphabet))  # a one-character node: each match is that character


class _Shape:
    """First characters and emptiness of sub-patterns, over a sample alphabet that holds
    every character class a pattern can tell apart (plus the pattern's own characters)."""

    def __init__(self, pattern: str):
        base = _probe_alphabet()[1]
        own = {c for c in (*pattern, *(ch.swapcase() for ch in pattern)) if len(c) == 1}
        self.extra = "".join(sorted(own - base))  # the pattern's characters outside the ranges
        self.everything = base | frozenset(self.extra)
        self._sets: dict[tuple, frozenset[str]] = {}

    def charset(self, op, av, flags: int) -> frozenset[str]:
        """The sample characters a one-character node matches: over the probe ranges (the
        same for every pattern, so kept for the process) and the pattern's own extras."""
        key = (op, repr(av), flags)
        found = self._sets.get(key)
        if found is None:
            on_ranges = _RANGE_SAMPLES.get(key)
            if on_ranges is None:
                on_ranges = _RANGE_SAMPLES[key] = _match_sample(op, av, flags, _probe_alphabet()[0])
            found = self._sets[key] = on_ranges | _match_sample(op, av, flags, self.extra) if self.extra else on_ranges
        return found

    def first(self, nodes, flags: int) -> frozenset[str]:
        out: set[str] = set()
        for op, av in nodes:
            out |= self.first_node(op, av, flags)
            if not self.nullable_node(op, av):
                break
        return frozenset(out)

    def first_node(self, op, av, flags: int) -> frozenset[str]:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            return self.charset(op, av, flags)
        if op is _c.SUBPATTERN:
            return self.first(av[3], (flags | av[1]) & ~av[2])
        if op is _c.ATOMIC_GROUP:
            return self.first(av, flags)
        if op is _c.BRANCH:
            return frozenset().union(*(self.first(alt, flags) for alt in av[1]))
        if op in _REPEATS:
            return self.first(av[2], flags)
        if op is _c.GROUPREF_EXISTS:
            return self.first(av[1], flags) | (self.first(av[2], flags) if av[2] else frozenset())
        if op is _c.GROUPREF:
            return self.everything
        return frozenset()  # AT, ASSERT, ASSERT_NOT: zero-width

    def nullable(self, nodes) -> bool:
        return all(self.nullable_node(op, av) for op, av in nodes)

    def nullable_node(self, op, av) -> bool:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            return False
        if op is _c.SUBPATTERN:
            return self.nullable(av[3])
        if op is _c.ATOMIC_GROUP:
            return self.nullable(av)
        if op is _c.BRANCH:
            return any(self.nullable(alt) for alt in av[1])
        if op in _REPEATS:
            return av[0] == 0 or self.nullable(av[2])
        if op is _c.GROUPREF_EXISTS:
            return self.nullable(av[1]) or av[2] is None or self.nullable(av[2])
        return True  # AT, look-arounds, back-references (may be empty)


_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))


def _varies(nodes) -> bool:
    for op, av in nodes:
        if op in _REPEATS and (av[0] != av[1] or _varies(av[2])):
            return True
        if op is _c.BRANCH or op is _c.GROUPREF or op is _c.GROUPREF_EXISTS:
            return True
        if op is _c.SUBPATTERN and _varies(av[3]):
            return True
        if op is _c.ATOMIC_GROUP and _varies(av):
            return True
    return False


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """Why the pattern can backtrack exponentially on Python's engine, or None."""
    parsed = _sre_parse.parse(pattern, flags)
    shape = _Shape(pattern)

    def walk_repeats(nodes, fl):
        """Every repetition (at most twice or more) in the pattern, with its flags."""
        for op, av in nodes:
            if op in _REPEATS:
                if av[1] is _c.MAXREPEAT or av[1] >= 2:
                    yield av, fl
                yield from walk_repeats(av[2], fl)
            elif op is _c.SUBPATTERN:
                yield from walk_repeats(av[3], (fl | av[1]) & ~av[2])
            elif op is _c.BRANCH:
                for alt in av[1]:
                    yield from walk_repeats(alt, fl)
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                yield from walk_repeats(av[1], fl)
            elif op is _c.ATOMIC_GROUP:
                yield from walk_repeats(av, fl)
            elif op is _c.GROUPREF_EXISTS:
                yield from walk_repeats(av[1], fl)
                if av[2]:
                    yield from walk_repeats(av[2], fl)

    def inside(nodes, fl, cont: frozenset[str]):
        """Check alternatives and varying repeats in `nodes`, followed by `cont`."""
        for i, (op, av) in enumerate(nodes):
            rest = nodes[i + 1:]
            after = shape.first(rest, fl) | (cont if shape.nullable(rest) else frozenset())
            if op is _c.SUBPATTERN:
                inside(av[3], (fl | av[1]) & ~av[2], after)
            elif op is _c.ATOMIC_GROUP:
                inside(av, fl, after)
            elif op is _c.GROUPREF_EXISTS:
                inside(av[1], fl, after)
                if av[2]:
                    inside(av[2], fl, after)
            elif op is _c.BRANCH:
                alts = av[1]
                # what each alternative can begin with, or what follows it when it is empty
                firsts = [shape.first(alt, fl) | (after if shape.nullable(alt) else frozenset()) for alt in alts]
                for a in range(len(alts)):
                    for b in range(a + 1, len(alts)):
                        if firsts[a] & firsts[b] or (shape.nullable(alts[a]) and shape.nullable(alts[b])):
                            raise _Risk("alternatives that can match the same text inside a repetition, "
                                        "like (a|ab|b)* or (a|a)*")
                for alt in alts:
                    inside(alt, fl, after)
            elif op in _REPEATS:
                lo, hi, body = av
                own = shape.first(body, fl)
                if lo != hi and own & after:
                    raise _Risk("a repeat inside a repetition whose characters can also follow it, "
                                "like (a+)+ or (\\w+\\s?)*")
                again = own if (hi is _c.MAXREPEAT or hi >= 2) else frozenset()
                inside(body, fl, again | after)

    try:
        for (lo, hi, body), fl in walk_repeats(parsed, parsed.state.flags):
            if shape.nullable(body) and _varies(body):
                raise _Risk("a repetition of something that can match the empty string, like (a*)*")
            inside(body, fl, shape.first(body, fl))
    except _Risk as risk:
        return str(risk)
    return None


class _Risk(Exception):
    pass


def compile_pattern(pattern: str, flags: int, where: str):
    """(engine name, compiled pattern) under the policy in the module docstring."""
    try:
        python = re.compile(pattern, flags)
    except re.error as exc:
        raise RuleError(f"{where}: key 'pattern': invalid regular expression: {exc}") from None
    linear = compile_re2(pattern, flags)
    if linear is not None:
        return "re2", linear
    risk = backtracking_risk(pattern, flags)
    if risk:
        raise RuleError(f"{where}: key 'pattern': can take exponential time on some texts: {risk}; "
                        "rewrite it so that repeats cannot match the same characters")
    return "re", python


class PatternRule(Rule):
    KEYS = frozenset({"pattern", "flags", "view", "validate", "domains", "context", "trigger"})
    mechanism = "pattern"

    def __init__(self, spec: dict, where: str, ctx: Context):
        super().__init__(spec, where, ctx)
        if not isinstance(spec.get("pattern"), str):
            raise RuleError(f"{where}: key 'pattern': expected a regular expression")
        # a cheap gate: the pattern runs only on a text whose folded lower case holds one of
        # these strings (the exhaustive reference path ignores it, and the tests compare)
        trigger = spec.get("trigger", [])
        if isinstance(trigger, str):
            trigger = [trigger]
        if not isinstance(trigger, list) or not all(isinstance(t, str) and t for t in trigger):
            raise RuleError(f"{where}: key 'trigger': expected a list of non-empty texts")
        self.trigger = tuple(fold(t.lower()) for t in trigger)
        flags = 0
        for name in spec.get("flags", []):
            if name not in FLAGS:
                raise RuleError(f"{where}: key 'flags': unknown flag '{name}' (known: {', '.join(FLAGS)})")
            flags |= FLAGS[name]
        self.pattern, self.flags = spec["pattern"], flags  # as written; self.regex may be RE2's translation
        self.engine, self.regex = compile_pattern(spec["pattern"], flags, where)
        # the fast path's gate (module docstring): the pattern itself in RE2, else its superset,
        # compiled when first needed
        self._gate = self.regex if self.engine == "re2" else _UNCOMPILED
        groups = self.regex.groupindex
        self._match_group = groups.get("match", 0)  # numbers: RE2's matches take no names
        self._domain_group = groups.get("domain")
        self.view = spec.get("view", "clean")
        if self.view not in ("clean", "matching"):
            raise RuleError(f"{where}: key 'view': expected 'clean' or 'matching'")
        self.validate = None
        if "validate" in spec:
            if spec["validate"] not in VALIDATORS:
                raise RuleError(f"{where}: key 'validate': unknown validator '{spec['validate']}' "
                                f"(known: {', '.join(VALIDATORS)})")
            self.validate = VALIDATORS[spec["validate"]]
        self.domains: frozenset[str] | None = None
        if "domains" in spec:
            if "domain" not in self.regex.groupindex:
                raise RuleError(f"{where}: key 'domains': the pattern needs a group named 'domain'")
            names = spec["domains"] if isinstance(spec["domains"], list) else [spec["domains"]]
            self.domains = frozenset(
                d.lower() for name in names for d in ctx.wordlist(name, f"{where}: key 'domains'"))
        self.context = None
        self.context_within: str | int = "sentence"
        if "context" in spec:
            cspec = spec["context"]
            self.context_within = cspec.get("within", "sentence") if isinstance(cspec, dict) else "sentence"
            if not (self.context_within in ("sentence", "post") or
                    (isinstance(self.context_within, int) and self.context_within > 0)):
                raise RuleError(f"{where}: key 'context.within': expected 'sentence', 'post' or a number of words")
            self.context = ctx.termset({k: v for k, v in cspec.items() if k != "within"},
                                       f"{where}: key 'context'", f"{self.id}#context")

    def _domain_ok(self, domain: str) -> bool:
        domain = domain.lower().rstrip(".")
        labels = domain.split(".")
        for listed in self.domains:
            n = listed.count(".") + 1
            # the listed domain itself or any sub-domain of it; * spans one label's characters
            if len(labels) >= n and fnmatch.fnmatchcase(".".join(labels[-n:]), listed):
                return True
        return False

    def _context_ok(self, doc: Document, start: int, end: int) -> bool:
        # the context terms' strong matches by sentence, once a document, and for "within
        # N words" only those near the hit: a scan of all of them for every hit is
        # quadratic (cubic with the word counts) in a long draft without punctuation
        name = self.context.name
        if self.context_within == "post":
            return doc.has_word_match(name)
        sentence = doc.sentence_of_original(start)
        if self.context_within == "sentence":
            return any(doc.is_word(m) for m in doc.strong_by_sentence(name).get(sentence, ()))
        # for "within N words", the sentence's matches with their original spans, sorted once
        spans = doc.__dict__.setdefault("_context_spans", {})
        group = spans.get((name, sentence))
        if group is None:
            group = spans[(name, sentence)] = sorted(
                ((*doc.original_span(m.start, m.end), m) for m in doc.strong_by_sentence(name).get(sentence, ())),
                key=lambda x: (x[0], x[1]))
        for ms, me, m in _near(doc, group, start, end, self.context_within):
            gap = doc.original[min(me, end):max(ms, start)]
            if len(gap.split()) <= self.context_within and doc.is_word(m):
                return True
        return False

    def gate(self):
        """The RE2 pattern that matches wherever this rule's pattern can, or None."""
        if self._gate is _UNCOMPILED:
            self._gate = compile_gate(self.pattern, self.flags)
        return self._gate

    def _triggered(self, doc: Document) -> bool:
        folded = doc.folded_clean if self.view == "clean" else doc.folded_view
        if any(t in folded for t in self.trigger):
            return True
        if any(ch in folded for ch in _CASE_ODD):
            folded = folded.translate(_CASE_ODD_TABLE).replace("i\u0307", "i")
            return any(t in folded for t in self.trigger)
        return False

    def hits(self, doc: Document) -> Iterator[Hit]:
        view = doc.clean if self.view == "clean" else doc.view
        if not doc.exhaustive:
            if self.context is not None and not any(not m.weak for m in doc.matches.get(self.context.name, ())):
                return  # _context_ok looks among the strong matches only: it would say no to every hit
            # the trigger needs a folded copy of the view, which costs more than the gate's
            # search: unless another rule had it made, the gate goes first (and few drafts pass)
            folded = ("folded_clean" if self.view == "clean" else "folded_view") in doc.__dict__
            if self.trigger and folded and not self._triggered(doc):
                return
            gate = self.gate() if len(view.text) >= GATE_MIN_CHARS else None
            if gate is not None:
                data = _utf8(doc, self.view, view.text)
                if data is not None and gate.search(data) is None:
                    return
            if self.trigger and not folded and not self._triggered(doc):
                return
        group = self._match_group
        text = view.text
        if self.engine == "re2" and _SURROGATE.search(text):
            # RE2 reads UTF-8, which has no lone surrogates: one U+FFFD each keeps the offsets
            # (neither is a letter, digit or space)
            text = _SURROGATE.sub("\ufffd", text)
        for m in self.regex.finditer(text):
            s, e = m.span(group)
            if e <= s:
                continue
            if self.validate and not self.validate(m.group(group)):
                continue
            if self.domains is not None and not self._domain_ok(m.group(self._domain_group) or ""):
                continue
            start, end = view.original_span(s, e)
            if self.context and not self._context_ok(doc, start, end):
                continue
            yield Hit(start, end)


def _near(doc: Document, group: list, start: int, end: int, words: int) -> list:
    """The (start, end, match) items of `group` (sorted) that can lie within `words`
    whitespace-separated words of doc.original[start:end] (a superset)."""
    starts = doc.__dict__.get("_original_token_starts")
    if starts is None:
        starts = doc.__dict__["_original_token_starts"] = array("q", (m.start() for m in _TOKEN.finditer(doc.original)))
    if not group:
        return []
    j = bisect_left(starts, start) - words - 1
    k = bisect_right(starts, end) + words
    longest = max(me - ms for ms, me, _ in group)
    lo = starts[j] - longest if j >= 0 else -1
    hi = starts[k] if k < len(starts) else len(doc.original)
    keys = [ms for ms, _, _ in group]
    return group[bisect_left(keys, lo):bisect_right(keys, hi)]
