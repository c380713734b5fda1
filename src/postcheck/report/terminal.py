"""The default report: findings grouped by clause, each with its line and the match
highlighted; plain text when the output is not a terminal or NO_COLOR is set."""
from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..clauses import CLAUSES
from ..findings import FileReport, Finding
from ..terminal_safe import printable
from ..textmap import LineIndex

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABEL = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý", "suggest": "gợi ý",
           "none": "Không phát hiện vấn đề nào", "files": "tệp", "clause": "điều khoản", "rule": "quy tắc",
           "count": "số lượng"},
    "en": {"error": "error", "warning": "warning", "info": "info", "suggest": "suggestion",
           "none": "No problems found", "files": "file(s)", "clause": "clause", "rule": "rule",
           "count": "count"},
}


def clause_key(clause: str) -> tuple[int, ...]:
    return tuple(int(x) for x in clause.split("."))


def render(reports: list[FileReport], lang: str, console: Console, *, quiet: bool = False,
           statistics: bool = False) -> None:
    words = LABEL[lang]
    readable = [r for r in reports if r.error is None]
    if not quiet:
        by_clause: dict[str, list[tuple[FileReport, Finding]]] = defaultdict(list)
        for report in readable:
            for f in report.findings:
                by_clause[f.clause].append((report, f))
        indexes = {id(r): LineIndex(r.text) for r in readable if r.text is not None}
        for clause in sorted(by_clause, key=clause_key):
            console.print(Text(CLAUSES[clause].heading(lang), style="bold underline"))
            for report, f in by_clause[clause]:
                _finding(console, report, indexes.get(id(report)), f, words)
            console.print()
    if statistics:
        _statistics(console, readable, words)
    counts = Counter(f.severity for r in readable for f in r.findings)
    if not sum(counts.values()):
        summary = Text(f"{words['none']} ({len(readable)} {words['files']}).", style="green")
    else:
        summary = Text(", ".join(f"{counts[s]} {words[s]}" for s in ("error", "warning", "info") if counts[s]))
        summary.append(f" — {len(readable)} {words['files']}")
    console.print(summary)


def _finding(console: Console, report: FileReport, index: LineIndex | None, f: Finding, words: dict) -> None:
    # draft text and file names may hold control sequences (terminal_safe.py)
    head = Text(f"  {printable(report.path)}:{f.line}:{f.column} ")
    head.append(words[f.severity], style=STYLE[f.severity])
    head.append(f" [{f.rule}] ", style="dim")
    head.append(printable(f.message))
    console.print(head)
    if index is not None:
        console.print(_excerpt(index, f))
    if f.suggestion:
        console.print(Text(f"      → {words['suggest']}: {printable(f.suggestion)}", style="green"))


def _excerpt(index: LineIndex, f: Finding) -> Text:
    # secrets are masked in the report's text already (masking.py)
    line = index.line_text(f.line)
    start = f.column - 1
    end = min(start + (f.end - f.start), len(line))
    # long lines are cut around the match so the terminal stays readable
    left = max(0, start - 60)
    right = min(len(line), max(end, start) + 60)
    text = Text("    │ " + ("…" if left else ""))
    text.append(printable(line[left:start]))
    text.append(printable(line[start:end]), style="bold reverse")
    text.append(printable(line[end:right]) + ("…" if right < len(line) else ""))
    return text


def _statistics(console: Console, reports: list[FileReport], words: dict) -> None:
    per_rule = Counter((f.clause, f.rule) for r in reports for f in r.findings)
    table = Table(show_edge=False, box=None)
    table.add_column(words["clause"])
    table.add_column(words["rule"])
    table.add_column(words["count"], justify="right")
    per_clause = Counter()
    for (clause, _), n in per_rule.items():
        per_clause[clause] += n
    for clause in sorted(per_clause, key=clause_key):
        table.add_row(clause, "", str(per_clause[clause]), style="bold")
        for (c, rule), n in sorted(per_rule.items()):
            if c == clause:
                table.add_row("", rule, str(n))
    console.print(table)
