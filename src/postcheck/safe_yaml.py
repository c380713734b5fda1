"""YAML that users write (configuration and their own rule files), loaded with bounded cost.

PyYAML's safe loader is not safe against size: aliases are expanded into shared objects
that every later step walks in full (eight nested levels of `&l7 [*l6, *l6, ...]` in 408
bytes ran past 120 s and 5 GB, and the error message printed the value), and its composer
recurses once per nesting level (200,000 `[` crash libyaml's C composer outright). So the
file is first read as a stream of parser events, which costs time linear in its size and
no recursion, and refused at the first alias or at nesting deeper than MAX_DEPTH; only then
is it composed. A key given twice in one mapping is an error too (YAML says keys are unique;
PyYAML silently keeps the last, so `enable:` twice would drop the first list).

Errors name the file, the line and the key where the problem is, never the value.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .files import TooBig, read_regular, reason
from .messages import CATALOGUE, Said

MAX_DEPTH = 32  # the deepest a configuration or rule needs is four or five
MAX_BYTES = 4 * 1024 * 1024  # the shipped rule files are 150 KB together

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Problem(Exception):
    def __init__(self, line: int | None, message: Said):
        super().__init__(message)
        self.line, self.message = line, message


def short(value: Any, limit: int = 40) -> str:
    """`value` for an error message: its repr, cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


class _UniqueKeys(_BASE):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise _Problem(key_node.start_mark.line + 1, Said("yaml.twice", key=short(key_node.value)))
                seen.add(key)
        return super().construct_mapping(node, deep)


class _Path:
    """The key path of the event being read, for messages ("rules[2].pattern")."""

    def __init__(self):
        self.frames: list[list] = []  # [is_mapping, expecting_key, label]

    def enter_value(self, label_if_scalar: str | None) -> None:
        if not self.frames:
            return
        frame = self.frames[-1]
        if frame[0]:  # a mapping alternates key, value
            if frame[1] and label_if_scalar is not None:
                frame[2] = label_if_scalar
            frame[1] = not frame[1]
        else:
            frame[2] = frame[2] + 1 if isinstance(frame[2], int) else 0

    def __str__(self) -> str:
        parts = []
        for is_mapping, _, label in self.frames[:3]:
            if label is None:
                break
            parts.append(f".{label[:40]}" if is_mapping else f"[{label}]")
        return "".join(parts).lstrip(".")


def _scan(text: str) -> None:
    """Refuse aliases and deep nesting from the event stream (see the module docstring)."""
    path = _Path()
    for event in yaml.parse(text, Loader=_BASE):
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent):
            raise _Problem(line, Said("yaml.alias", at=_at(path), anchor=str(event.anchor)[:20]))
        if isinstance(event, yaml.ScalarEvent):
            path.enter_value(event.value)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            path.enter_value(None)
            if len(path.frames) >= MAX_DEPTH:
                raise _Problem(line, Said("yaml.too-deep", at=_at(path), depth=MAX_DEPTH))
            path.frames.append([isinstance(event, yaml.MappingStartEvent), True, None])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            path.frames.pop()


def _at(path: _Path):
    where = str(path)
    return Said("yaml.at", key=where) if where else ""


def load_text(text: str, where: str, error: type[Exception]) -> Any:
    """The data in `text` (from the file `where`), or `error` with a one-line message."""
    try:
        _scan(text)
        return yaml.load(text, Loader=_UniqueKeys)
    except _Problem as exc:
        raise error(exc.message.after(f"{where}{f':{exc.line}' if exc.line else ''}: ")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(Said("yaml.malformed", f"{where}{f':{mark.line + 1}' if mark else ''}: ",
                         problem=problem[:200])) from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError) as exc:
        raise error(Said("yaml.cannot-load", f"{where}: ", kind=exc.__class__.__name__)) from None


def read_text(path: Path, what: str, error: type[Exception], limit: int = MAX_BYTES) -> str:
    """A user's file as text: a regular file of at most `limit` bytes, in UTF-8."""
    try:
        data = read_regular(path, limit)
    except TooBig:
        raise error(Said("file.what-too-big", f"{path}: ", what=_what(what), limit=limit // 1024)) from None
    except (OSError, ValueError) as exc:
        raise error(Said("file.cannot-read-what", f"{path}: ", what=_what(what), reason=reason(exc))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(Said("file.what-not-utf8", f"{path}: ", what=_what(what), byte=f"{data[exc.start]:02x}",
                         offset=exc.start)) from None


def _what(what: str):
    """"configuration file" and the like, in the catalogue when it is there."""
    return Said(f"what.{what}") if f"what.{what}" in CATALOGUE else what


def load_file(path: Path, what: str, error: type[Exception]) -> Any:
    return load_text(read_text(path, what, error), str(path), error)
