r"""Which engine runs a pattern rule's regular expression, and the RE2 gate in front of it.

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

3. Polynomial backtracking passes that check (\b\w*\w*\w*\w*\w*\w*! takes 79 s on 150
   letters), and no cheap shape check is both sound and lenient. So Python's engine is for
   the reviewed shipped rules only: a pattern in the user's own rule files (--rules) must
   translate to RE2, else the load stops with a RuleError naming the file, the rule and the
   key 'pattern', and saying which construct (\b, a look-around, ...) is in the way.

Every shipped rule loads under this policy (tests/test_robustness.py); `PatternRule.engine`
says which engine a rule got.

The gate (used by checks/pattern.py on the fast path) is an RE2 pattern that matches
wherever a Python pattern can: see `_Superset`.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from .sdk import RuleError

try:  # Python 3.11+
    from re import _constants as _c, _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

try:
    import re2
except ImportError:  # pragma: no cover - a dependency; without it every pattern is shape-checked
    re2 = None

RE2_MAX_REPEAT = 1000


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
        if op is _c.GROUPREF_EXISTS:  # (?(group)yes|no): whichever branch runs, one of them matches
            _, yes, no = av
            return "(?:" + self.seq(yes, flags) + "|" + (self.seq(no, flags) if no else "") + ")"
        if op in _REPEATS:
            lo, hi, body = av
            if hi is not _c.MAXREPEAT and hi > max(lo, 4):
                hi = _c.MAXREPEAT
            return super().node(_c.MAX_REPEAT, (lo, hi, body), flags)
        return super().node(op, av, flags)  # back-references: _Unsupported

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
    (see `_Superset`), or None (back-references, repeat counts over 1000)."""
    return _translate(_Superset, pattern, flags)


def compile_gate(pattern: str, flags: int = 0):
    """`superset_re2` compiled with RE2, or None."""
    return _compile_translated(superset_re2(pattern, flags) if re2 is not None else None)


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


def compile_pattern(pattern: str, flags: int, where: str, trusted: bool = True):
    """(engine name, compiled pattern) under the policy in the module docstring.
    `trusted` is False for a pattern from the user's own rule files: it must run on RE2."""
    try:
        python = re.compile(pattern, flags)
    except (re.error, RecursionError, OverflowError) as exc:
        raise RuleError(f"{where}: key 'pattern': invalid regular expression: {str(exc)[:200]}") from None
    linear = compile_re2(pattern, flags)
    if linear is not None:
        return "re2", linear
    risk = None if pattern_digest(pattern, flags) in checked_patterns() else backtracking_risk(pattern, flags)
    if risk:
        raise RuleError(f"{where}: key 'pattern': can take exponential time on some texts: {risk}; "
                        "rewrite it so that repeats cannot match the same characters")
    if not trusted:
        # the shape check only rejects exponential shapes: polynomial ones such as
        # \b\w*\w*\w*\w*\w*\w*! (79 s on 150 letters) pass it, and no cheap check is
        # both sound and lenient. Only the reviewed shipped rules may use Python's engine.
        raise RuleError(f"{where}: key 'pattern': patterns in your own rule files must run on RE2, the "
                        f"linear-time engine, and this one uses {re2_obstacle(pattern, flags)}; rewrite it "
                        "without (for \\b: (?:^|\\W) before and (?:\\W|\\Z) after a group named 'match')")
    return "re", python


_OBSTACLES = {
    "AT_BOUNDARY": "\\b", "AT_NON_BOUNDARY": "\\B", "AT_END": "$ without the multiline flag (\\Z is fine)",
    "ASSERT": "a look-ahead or look-behind", "ASSERT_NOT": "a look-ahead or look-behind",
    "GROUPREF": "a back-reference", "GROUPREF_EXISTS": "a conditional group", "GROUPREF_IGNORE": "a back-reference",
    "ATOMIC_GROUP": "an atomic group", "POSSESSIVE_REPEAT": "a possessive repeat",
    "repeat count": f"a repeat count over {RE2_MAX_REPEAT}",
    "negated category in a class": "\\W, \\S or \\D together with other items in one [...]",
}


def re2_obstacle(pattern: str, flags: int = 0) -> str:
    """What in `pattern` RE2 cannot run with Python's meaning, in a few words."""
    parsed = _sre_parse.parse(pattern, flags)
    try:
        _Translator(parsed).seq(parsed, parsed.state.flags)
    except _Unsupported as exc:
        return _OBSTACLES.get(str(exc), f"a construct RE2 lacks ({str(exc)[:40]})")
    return "a construct RE2 refuses (too large a pattern?)"


# The shipped rules' Python-engine patterns pass the shape check (tests/test_robustness.py
# checks them all); their digests are kept in data/checked_patterns.txt so that a start-up
# does not repeat that work (~20 ms). Any other pattern, or a shipped one edited since the
# file was made, is checked at load as before. scripts/make_checked_patterns.py rebuilds it.
CHECKED_PATTERNS = "checked_patterns.txt"


def pattern_digest(pattern: str, flags: int) -> str:
    return hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=1)
def checked_patterns() -> frozenset[str]:
    from ..resources import data_file

    path = data_file(CHECKED_PATTERNS)
    if not path.is_file():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))



def shipped_checked_digests() -> list[str]:
    """The digests data/checked_patterns.txt should hold: every shipped pattern rule on
    Python's engine whose pattern passes the shape check, checked afresh."""
    from .. import load_rulebook
    from .pattern import PatternRule

    return sorted({pattern_digest(r.pattern, r.flags) for r in load_rulebook().rules
                   if isinstance(r, PatternRule) and r.engine == "re" and not backtracking_risk(r.pattern, r.flags)})
