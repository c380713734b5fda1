"""The default report: findings grouped by clause, each with its line and the match
highlighted; plain text when the output is not a terminal or NO_COLOR is set.

Findings are written as lines of (text, style) pieces, not through rich's Text and
print(): rich spends about 0.4 ms laying out each line, so a file with 83 K findings took
17 s to report (JSON: 1.8 s). The pieces are styled with rich's own Style.render, so the
bytes are the ones rich would write; only a legacy Windows console, which rich drives
through the Win32 API instead of escape codes, still gets them through console.print."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from rich.console import COLOR_SYSTEMS, Console
from rich.control import strip_control_codes
from rich.style import Style
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


Line = list  # of (text, style name or None) pieces
_CONTROL = re.compile("[\x07\x08\x0b\x0c\r]")


def render(reports: list[FileReport], lang: str, console: Console, *, quiet: bool = False,
           statistics: bool = False) -> None:
    words = LABEL[lang]
    readable = [r for r in reports if r.error is None]
    write = _Writer(console)
    if not quiet:
        by_clause: dict[str, list[tuple[FileReport, Finding]]] = defaultdict(list)
        for report in readable:
            for f in report.findings:
                by_clause[f.clause].append((report, f))
        indexes = {id(r): LineIndex(r.text) for r in readable if r.text is not None}
        for clause in sorted(by_clause, key=clause_key):
            write([(CLAUSES[clause].heading(lang), "bold underline")])
            for report, f in by_clause[clause]:
                for line in _finding(report, indexes.get(id(report)), f, words):
                    write(line)
            write([])
        write.flush()
    if statistics:
        _statistics(console, readable, words)
    counts = Counter(f.severity for r in readable for f in r.findings)
    if not sum(counts.values()):
        summary = [(f"{words['none']} ({len(readable)} {words['files']}).", "green")]
    else:
        summary = [(", ".join(f"{counts[s]} {words[s]}" for s in ("error", "warning", "info") if counts[s]), None),
                   (f" — {len(readable)} {words['files']}", None)]
    write(summary)
    write.flush()


class _Writer:
    """Writes lines of pieces to the console's file as rich would (see the module docstring),
    a few thousand lines at a time."""

    BATCH = 2000

    def __init__(self, console: Console):
        self.console = console
        self.rich = console.legacy_windows  # styles through the Win32 API: only rich can
        self.system = COLOR_SYSTEMS.get(console.color_system) if console.color_system else None
        self.styles: dict[str, Style] = {}
        self.pending: list[str] = []

    def _styled(self, text: str, name: str | None) -> str:
        if not name or self.system is None or not text:
            return text
        style = self.styles.get(name)
        if style is None:
            style = Style.parse(name)
            style = self.styles[name] = style.without_color if self.console.no_color else style
        return style.render(text, color_system=self.system)

    def __call__(self, line: Line) -> None:
        # rich drops these control characters (BEL, BS, VT, FF, CR) from every Text; its
        # str.translate costs more than the rest of a line, so only where there is one
        line = [(strip_control_codes(text) if _CONTROL.search(text) else text, style) for text, style in line]
        if self.rich:
            self.console.print(Text.assemble(*line))
            return
        self.pending.append("".join(self._styled(text, style) for text, style in line) + "\n")
        if len(self.pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.console.file.write("".join(self.pending))
            self.pending = []


def _finding(report: FileReport, index: LineIndex | None, f: Finding, words: dict) -> list[Line]:
    """The lines that show one finding."""
    # draft text and file names may hold control sequences (terminal_safe.py)
    lines = [[(f"  {printable(report.path)}:{f.line}:{f.column} ", None), (words[f.severity], STYLE[f.severity]),
              (f" [{f.rule}] ", "dim"), (printable(f.message), None)]]
    if f.place is not None:  # a .docx: the line number is ours, the part and paragraph are Word's
        lines.append([(f"      ¶ {printable(f.place.part)} {f.place.paragraph}: “{printable(f.place.opening)}”", "dim")])
    if index is not None:
        lines.append(_excerpt(index, f))
    if f.suggestion:
        lines.append([(f"      → {words['suggest']}: {printable(f.suggestion)}", "green")])
    return lines


def _excerpt(index: LineIndex, f: Finding) -> Line:
    # secrets are masked in the report's text already (masking.py)
    line = index.line_text(f.line)
    start = f.column - 1
    end = min(start + (f.end - f.start), len(line))
    # long lines are cut around the match so the terminal stays readable
    left = max(0, start - 60)
    right = min(len(line), max(end, start) + 60)
    return [("    │ " + ("…" if left else ""), None), (printable(line[left:start]), None),
            (printable(line[start:end]), "bold reverse"),
            (printable(line[end:right]) + ("…" if right < len(line) else ""), None)]


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
