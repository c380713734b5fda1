"""The default report: findings grouped by clause, each with its line and the match
highlighted; plain text when the output is not a terminal or NO_COLOR is set."""
from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console
from rich.text import Text

from ..clauses import CLAUSES
from ..findings import FileReport, Finding
from ..textmap import LineIndex

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABEL = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý", "suggest": "gợi ý",
           "none": "Không phát hiện vấn đề nào", "files": "tệp"},
    "en": {"error": "error", "warning": "warning", "info": "info", "suggest": "suggestion",
           "none": "No problems found", "files": "file(s)"},
}


def render(reports: list[FileReport], texts: dict[str, str], lang: str, console: Console) -> None:
    words = LABEL[lang]
    by_clause: dict[str, list[tuple[FileReport, Finding]]] = defaultdict(list)
    for report in reports:
        for f in report.findings:
            by_clause[f.clause].append((report, f))
    indexes = {path: LineIndex(text) for path, text in texts.items()}
    for clause in sorted(by_clause, key=lambda c: tuple(int(x) for x in c.split("."))):
        console.print(Text(CLAUSES[clause].heading(lang), style="bold underline"))
        for report, f in by_clause[clause]:
            head = Text(f"  {report.path}:{f.line}:{f.column} ")
            head.append(words[f.severity], style=STYLE[f.severity])
            head.append(f" [{f.rule}] ", style="dim")
            head.append(f.message)
            console.print(head)
            index = indexes.get(report.path)
            if index is not None:
                console.print(_excerpt(index, f))
            if f.suggestion:
                console.print(Text(f"      → {words['suggest']}: {f.suggestion}", style="green"))
        console.print()
    counts = Counter(f.severity for r in reports for f in r.findings)
    total = sum(counts.values())
    if total == 0:
        summary = Text(f"{words['none']} ({len(reports)} {words['files']}).", style="green")
    else:
        summary = Text(", ".join(f"{counts[s]} {words[s]}" for s in ("error", "warning", "info") if counts[s]))
        summary.append(f" — {len(reports)} {words['files']}")
    console.print(summary)


def _excerpt(index: LineIndex, f: Finding) -> Text:
    line = index.line_text(f.line)
    start = f.column - 1
    end = min(start + (f.end - f.start), len(line))
    # long lines are cut around the match so the terminal stays readable
    left = max(0, start - 60)
    right = min(len(line), max(end, start) + 60)
    text = Text("    │ " + ("…" if left else ""))
    text.append(line[left:start])
    text.append(line[start:end], style="bold reverse")
    text.append(line[end:right] + ("…" if right < len(line) else ""))
    return text
