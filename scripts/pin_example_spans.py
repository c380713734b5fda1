"""Pin each rule's hit examples to the span(s) the rule reports today, in the rule files.

    python scripts/pin_example_spans.py [rules/new_rule.yaml ...]   # default: the shipped rules

A hit written as plain text ("Gửi anh bản báo cáo mật nhé") becomes "Gửi anh bản [báo cáo mật]
nhé"; a text with brackets of its own becomes {text: "...", match: "..."} (or `matches:`).
A miss on which the rule gives only an info note becomes {text: "...", info: true}. Only the
example's own scalar changes: comments, order and the rest of the file stay as written.

This writes down what the rule DOES, not what it should do: read every pinned span (the
script prints them) and fix the rule, or the example, where the span is wrong. A hit the rule
misses, or a miss it reports as a warning or an error, is printed and left alone.

By default a hit with a bracket in it counts as pinned already and is skipped; --unpinned
treats every plain-text hit as unmarked (for a file written before spans were pinned)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from postcheck import load_rulebook
from postcheck.resources import resource_dir

_ESCAPE_SIZE = {"x": 2, "u": 4, "U": 8}


def _raw_offsets(raw: str) -> list[int] | None:
    """For a one-line double-quoted YAML scalar `raw` (quotes included): where each character
    of its value starts in `raw`, plus the closing quote's place; None for another style."""
    if len(raw) < 2 or raw[0] != '"' or raw[-1] != '"' or "\n" in raw:
        return None
    offsets, i = [], 1
    while i < len(raw) - 1:
        offsets.append(i)
        i += 2 + _ESCAPE_SIZE.get(raw[i + 1], 0) if raw[i] == "\\" else 1
    return offsets + [len(raw) - 1]


def _marked_raw(raw: str, value: str, spans: list[tuple[int, int]]) -> str:
    """`raw` with brackets around `spans` of its value, keeping the writer's escapes."""
    offsets = _raw_offsets(raw)
    if offsets is None or len(offsets) != len(value) + 1:  # another style: written anew
        raw, offsets = json.dumps(value, ensure_ascii=False), None
        offsets = _raw_offsets(raw)
    for start, end in sorted(spans, reverse=True):
        raw = raw[:offsets[end]] + "]" + raw[offsets[end]:]
        raw = raw[:offsets[start]] + "[" + raw[offsets[start]:]
    return raw


def _mapping(raw: str, value: str, spans: list[tuple[int, int]]) -> str | None:
    """{text: ..., match(es): ...}, or None when a listed text would occur more often than listed."""
    pieces = [value[s:e] for s, e in spans]
    if any(value.count(p) != pieces.count(p) for p in pieces):
        return None
    quoted = [json.dumps(p, ensure_ascii=False) for p in pieces]
    key = f"match: {quoted[0]}" if len(quoted) == 1 else f"matches: [{', '.join(quoted)}]"
    return f"{{text: {raw}, {key}}}"


def _items(root, kind: str):
    """(rule id, scalar node) for every plain-text example of `kind` in a composed rule file."""
    rules = dict((k.value, v) for k, v in root.value).get("rules")
    for rule in rules.value if rules else ():
        fields = dict((k.value, v) for k, v in rule.value)
        examples = fields.get("examples")
        if "id" not in fields or examples is None:
            continue
        listed = dict((k.value, v) for k, v in examples.value).get(kind)
        for node in listed.value if listed else ():
            if isinstance(node, yaml.ScalarNode):
                yield fields["id"].value, node


def pin_file(path: Path, book, unpinned: bool, out=sys.stdout) -> int:
    source = path.read_text(encoding="utf-8")
    root = yaml.compose(source)
    rules = {r.id: r for r in book.rules}
    edits: list[tuple[int, int, str]] = []
    for rid, node in _items(root, "hit"):
        value = node.value
        if not unpinned and ("[" in value or "]" in value):
            continue
        findings = [f for f in book.check_text(value) if f.rule == rid]
        raw = source[node.start_mark.index:node.end_mark.index]
        if not findings:
            print(f"{path}:{node.start_mark.line + 1}: {rid}: NOT REPORTED, left as is: {value!r}", file=out)
            continue
        spans = sorted({(f.start, f.end) for f in findings})
        new = (_marked_raw(raw, value, spans) if "[" not in value and "]" not in value
               else _mapping(raw, value, spans))
        if new is None:
            print(f"{path}:{node.start_mark.line + 1}: {rid}: a span's text occurs again, pin by hand", file=out)
            continue
        edits.append((node.start_mark.index, node.end_mark.index, new))
        shown = new if new.startswith("{") else yaml.safe_load(new)
        print(f"{path}:{node.start_mark.line + 1}: {rid}: {len(spans)} span(s): {shown}", file=out)
    for rid, node in _items(root, "miss"):
        severities = {f.severity for f in book.check_text(node.value) if f.rule == rid}
        if severities == {"info"}:
            raw = source[node.start_mark.index:node.end_mark.index]
            edits.append((node.start_mark.index, node.end_mark.index, f"{{text: {raw}, info: true}}"))
            print(f"{path}:{node.start_mark.line + 1}: {rid}: miss draws an info note: {node.value!r}", file=out)
        elif severities:
            print(f"{path}:{node.start_mark.line + 1}: {rid}: MISS REPORTED ({', '.join(sorted(severities))}),"
                  f" left as is: {node.value!r}", file=out)
    for start, end, new in sorted(edits, reverse=True):
        source = source[:start] + new + source[end:]
    if edits:
        path.write_text(source, encoding="utf-8")
    return len(edits)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--unpinned", action="store_true",
                    help="every plain-text hit is unmarked, even one with brackets of its own")
    args = ap.parse_args()
    shipped = Path(resource_dir("rules"))
    files = args.files or sorted(shipped.glob("*.yaml"))
    # the rules as the examples test sees them, with the folders of the files given
    folders = list(dict.fromkeys([shipped.resolve()] + [p.parent.resolve() for p in files]))
    book = load_rulebook(folders)
    total = sum(pin_file(p, book, args.unpinned) for p in files)
    print(f"{total} example(s) pinned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
