"""A pattern's literals without diacritics, for drafts typed without them.

A rule written "sinh ngày" must also find "sinh ngay" where the writer dropped every mark, as
word-list terms do (terms.py). The pattern is compiled a second time with its literals folded
(lang/vi.fold) and run on the folded copy of its view, which has the same length, so spans
carry over; checks/pattern.py keeps a folded match only where the matched text and the text
around it carry no marks, so accented text behaves as before.

Only literals are folded. A character class is not rewritten in place, since folding a range's
ends or a negated class would change what it means ([^ă] folded is [^a]): a plain class gains
an alternative holding the folded forms of its single letters ([Đđ] → (?:[Đđ]|[Dd])); a
negated class and range ends are left as written.
"""
from __future__ import annotations

from ..lang.vi import fold


def fold_literals(pattern: str) -> str:
    """`pattern` with its literal letters outside classes folded, and plain classes widened."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            j = _escape_end(pattern, i)
            out.append(pattern[i:j])
            i = j
        elif ch == "[":
            j = _class_end(pattern, i)
            out.append(_widened(pattern[i:j]))
            i = j
        else:
            out.append(fold(ch))
            i += 1
    return "".join(out)


def _escape_end(pattern: str, i: int) -> int:
    """The end of the escape at `i` (\\p{..}, \\x{..}, or a backslash and one character)."""
    j = i + 2
    if pattern[i + 1:i + 2] in ("p", "P", "x") and pattern[j:j + 1] == "{":
        close = pattern.find("}", j)
        return close + 1 if close >= 0 else len(pattern)
    return min(j, len(pattern))


def _class_end(pattern: str, i: int) -> int:
    """The end of the class opening at `i`: a ] first (after ^) is a member, [:name:] nests."""
    j = i + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":
        j += 1
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j = _escape_end(pattern, j)
        elif pattern.startswith("[:", j):
            close = pattern.find(":]", j + 2)
            j = close + 2 if close >= 0 else j + 1
        elif ch == "]":
            return j + 1
        else:
            j += 1
    return len(pattern)  # unterminated: the compiler reports it


def _widened(cls: str) -> str:
    if cls.startswith("[^") or not cls.endswith("]"):
        return cls
    body, members = cls[1:-1], []
    j = 0
    while j < len(body):
        ch = body[j]
        if ch == "\\":
            j = _escape_end(body, j)
            continue
        if body.startswith("[:", j):
            close = body.find(":]", j + 2)
            j = close + 2 if close >= 0 else j + 1
            continue
        in_range = body[j + 1:j + 2] == "-" and j + 2 < len(body) or (j >= 2 and body[j - 1] == "-")
        if not in_range and fold(ch) != ch and fold(ch) not in members:
            members.append(fold(ch))
        j += 1
    if not members:
        return cls
    return f"(?:{cls}|[{''.join(members)}])"
