"""Rule keys as typed schemas, decoded in one place.

A kind declares its keys as a dataclass; `decode` turns a rule's YAML mapping into it, or
stops with a one-line RuleError naming the file, the rule and the key: a key the schema
does not have (a misspelt option, or one that belongs to another kind or another block,
which would otherwise silently do nothing), a missing one, or a value of the wrong type.
What the annotations say is what is checked:

    bool, int, float, str       true/false, a whole number, a number, a text
    list[str]                   a list of texts (one text alone is a list of one)
    Literal["a", "b"]           one of the given texts
    X | None                    X, or the key left out (its default)
    a dataclass                 a nested mapping, decoded by the same rules
    a class with parse()        parse(value, where, key) decides (Scope, for one)

and `key(..., parse=f)` hands a field's value to f(value, where, key) instead, `check=f`
adds a test after the type's (f returns a complaint, or None).
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import MISSING, dataclass, fields
from functools import lru_cache
from typing import Any, Callable, Literal, Union

from ..safe_yaml import short
from .sdk import RuleError


def key(default: Any = MISSING, *, default_factory: Any = MISSING, parse: Callable | None = None,
        check: Callable[[Any], str | None] | None = None) -> Any:
    """A schema field, with a custom parser or an extra check."""
    meta = {"parse": parse, "check": check}
    if default_factory is not MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


class _Wrong(Exception):
    """A value not of its key's type; the message says what was expected."""


def decode(schema: type, spec: Any, where: str, path: str = "") -> Any:
    """`spec` (a YAML mapping) as an instance of the dataclass `schema`; `path` is the key
    that holds it (dotted), "" for the rule itself."""
    if not isinstance(spec, dict):
        raise RuleError(f"{where}: key '{path}': expected a mapping" if path else f"{where}: a rule is a mapping")
    known = {f.name: f for f in fields(schema)}
    hints = _hints(schema)
    for name in spec:
        if name not in known:
            inside = f"in '{path}'" if path else "for this kind"
            raise RuleError(f"{where}: unknown key '{_dotted(path, str(name)[:60])}' "
                            f"(known {inside}: {', '.join(sorted(known))})")
    values = {}
    for name, f in known.items():
        dotted = _dotted(path, name)
        if name not in spec:
            if f.default is MISSING and f.default_factory is MISSING:
                raise RuleError(f"{where}: missing key '{dotted}'")
            continue
        raw = spec[name]
        parse = f.metadata.get("parse")
        try:
            value = parse(raw, where, dotted) if parse else _value(hints[name], raw, where, dotted)
        except _Wrong as exc:
            raise RuleError(f"{where}: key '{dotted}': expected {exc}, got {short(raw)}") from None
        check = f.metadata.get("check")
        problem = check(value) if check else None
        if problem:
            raise RuleError(f"{where}: key '{dotted}': {problem}")
        values[name] = value
    return schema(**values)


def _dotted(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


@lru_cache(maxsize=None)
def _hints(schema: type) -> dict[str, Any]:
    return typing.get_type_hints(schema)


def _value(hint: Any, value: Any, where: str, dotted: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        wanted = []
        for option in (h for h in typing.get_args(hint) if h is not type(None)):
            try:
                return _value(option, value, where, dotted)
            except _Wrong as exc:
                wanted.append(str(exc))
        raise _Wrong(" or ".join(wanted))
    if origin is Literal:
        choices = typing.get_args(hint)
        if isinstance(value, str) and value in choices:
            return value
        raise _Wrong(" or ".join(map(repr, choices)))
    if origin is list:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Wrong("a list of texts")
        return list(value)
    if hasattr(hint, "parse"):
        return hint.parse(value, where, dotted)
    if dataclasses.is_dataclass(hint):
        return decode(hint, value, where, dotted)
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise _Wrong("true or false")
    if hint is int or hint is float:
        if (isinstance(value, int) or (hint is float and isinstance(value, float))) and not isinstance(value, bool):
            return hint(value)
        raise _Wrong("a whole number" if hint is int else "a number")
    if hint is str:
        if isinstance(value, str) and value.strip():
            return value
        raise _Wrong("a non-empty text")
    raise TypeError(f"schema type {hint!r} of key '{dotted}' has no decoder")  # a bug in a kind, not in a rule


# -- types that several kinds share --------------------------------------------------------

Severity = Literal["info", "warning", "error"]


@dataclass(kw_only=True)
class Terms:
    """A term set: literal terms and/or word lists (wordlists/NAME.txt)."""

    terms: list[str] = key(default_factory=list)
    wordlists: list[str] = key(default_factory=list)
