"""The default report: one entry per sentence (entries.py) in reading order, file by
file, each naming its clause (`5.2`), showing the line with the matches highlighted and
every reason found in the sentence; or, with group="clause", the same entries under
each clause's heading (how the report read before issue 16: compliance reviewers who
read by clause keep that). Plain text when the output is not a terminal or NO_COLOR is
set: no colour and no bold, underline or reverse either.

Lines are fitted to the terminal's width (fit.py) when it is known, so a terminal never
breaks one mid-word; into a pipe they are not wrapped, so grep finds a whole message.

Findings are written as lines of (text, style) pieces, not through rich's Text and
print(): rich spends about 0.4 ms laying out each line, so a file with 83 K findings took
17 s to report (JSON: 1.8 s). The pieces are styled with rich's own Style.render, so the
bytes are the ones rich would write; only a legacy Windows console, which rich drives
through the Win32 API instead of escape codes, still gets them through console.print."""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict

from rich.console import COLOR_SYSTEMS, Console
from rich.control import strip_control_codes
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..clauses import CLAUSES
from ..entries import Entry, entries
from ..findings import FileReport, Finding
from ..terminal_safe import printable
from ..textmap import LineIndex
from .fit import ELLIPSIS, window, wrap

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABEL = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý", "suggest": "gợi ý", "fix": "Sửa thành",
           "none": "Không phát hiện vấn đề nào", "clause": "điều khoản", "rule": "quy tắc",
           "count": "số lượng", "reasons": "{n} vấn đề trong câu này:"},
    "en": {"error": "error", "warning": "warning", "info": "info", "suggest": "suggestion", "fix": "Fix",
           "none": "No problems found", "clause": "clause", "rule": "rule", "count": "count",
           "reasons": "{n} problems in this sentence:"},
}
INDENT = "    "
GROUPS = ("file", "clause")


def clause_key(clause: str) -> tuple[int, ...]:
    return tuple(int(x) for x in clause.split("."))


Line = list  # of (text, style name or None) pieces
_CONTROL = re.compile("[\x07\x08\x0b\x0c\r]")


def render(reports: list[FileReport], lang: str, console: Console, *, quiet: bool = False,
           statistics: bool = False, group: str = "file", width: int | None = None) -> None:
    """`reports` as text on `console`. Reports of files that could not be read count in the
    summary (their errors are printed by the caller). `width`: cells to fit lines into, or
    None not to wrap (a pipe)."""
    words = dict(LABEL[lang], lang=lang)
    readable = [r for r in reports if r.error is None]
    write = _Writer(console)
    if not quiet:
        indexes = {id(r): LineIndex(r.text) for r in readable if r.text is not None}
        if group == "clause":
            by_clause: dict[str, list[tuple[FileReport, Entry]]] = defaultdict(list)
            for report in readable:
                per_clause = defaultdict(list)
                for f in report.findings:
                    per_clause[f.clause].append(f)
                for clause, found in per_clause.items():
                    by_clause[clause] += [(report, e) for e in entries(report, found)]
            for clause in sorted(by_clause, key=clause_key):
                write([(CLAUSES[clause].heading(lang), "bold underline")])
                for report, entry in by_clause[clause]:
                    _entry(write, report, indexes.get(id(report)), entry, words, width)
                write([])
        else:
            for report in readable:
                for entry in entries(report):
                    _entry(write, report, indexes.get(id(report)), entry, words, width)
                    write([])
        write.flush()
    if statistics:
        _statistics(console, readable, words)
        _waived(write, readable, lang, width)
    for line in wrap(summary(reports, lang), width, ""):
        write(line)
    write.flush()


def console(**kwargs) -> Console:
    """A console for postcheck's output (the report, and the CLI's other commands)."""
    if os.environ.get("NO_COLOR"):
        # no colour system at all: rich's own no_color keeps bold, underline and reverse
        kwargs["color_system"] = None
    return Console(highlight=False, soft_wrap=True, **kwargs)


def fit_width(console: Console) -> int | None:
    """Cells to fit the text report into: the terminal's, or COLUMNS when set; a pipe's
    lines are not wrapped (grep should find a whole message)."""
    if console.is_terminal or os.environ.get("COLUMNS", "").isdigit():
        return console.width
    return None


def write(reports: list[FileReport], options, out) -> None:
    """The text report on `out` (the Reporter protocol, report/__init__.py)."""
    screen = console(file=out)
    render(reports, options.lang, screen, quiet=options.quiet, statistics=options.statistics,
           group=options.group, width=fit_width(screen))


def summary(reports: list[FileReport], lang: str) -> list[tuple[str, str | None]]:
    """The last line: findings by severity, files checked, and files that could not be read.
    It never says "no problems" when a file was not read: that file was not checked."""
    from ..messages import count, text

    checked = [r for r in reports if r.error is None]
    unread = len(reports) - len(checked)
    counts = Counter(f.severity for r in checked for f in r.findings)
    files = text(lang, "summary.checked", files=count(lang, len(checked), "file"))
    tail = text(lang, "summary.unread", files=count(lang, unread, "file")) if unread else ""
    waived = sum(len(r.waived) for r in checked)
    tail += text(lang, "summary.waived", n=waived) if waived else ""
    if not sum(counts.values()):
        if unread:
            return [(text(lang, "summary.nothing-found") + " — " + files + tail + ".", "yellow")]
        return [(f"{LABEL[lang]['none']} ({files}{tail}).", "green")]
    found = ", ".join(count(lang, counts[s], s) for s in ("error", "warning", "info") if counts[s])
    return [(found, None), (" — " + files + tail + ".", None)]


class _Writer:
    """Writes lines of pieces to the console's file as rich would (see the module docstring),
    a few thousand lines at a time."""

    BATCH = 2000

    def __init__(self, console: Console):
        self.console = console
        self.rich = console.legacy_windows  # styles through the Win32 API: only rich can
        # NO_COLOR means plain: rich would keep bold, underline and reverse, which are
        # escape codes too, and which the README promises away
        plain = console.no_color or not console.color_system
        self.system = None if plain else COLOR_SYSTEMS.get(console.color_system)
        self.styles: dict[str, Style] = {}
        self.pending: list[str] = []

    def _styled(self, text: str, name: str | None) -> str:
        if not name or self.system is None or not text:
            return text
        style = self.styles.get(name)
        if style is None:
            style = self.styles[name] = Style.parse(name)
        return style.render(text, color_system=self.system)

    def __call__(self, line: Line) -> None:
        # rich drops these control characters (BEL, BS, VT, FF, CR) from every Text; its
        # str.translate costs more than the rest of a line, so only where there is one
        line = [(strip_control_codes(text) if _CONTROL.search(text) else text, style) for text, style in line]
        if self.rich:
            plain = self.system is None
            self.console.print(Text.assemble(*((t, None if plain else s) for t, s in line)))
            return
        self.pending.append("".join(self._styled(text, style) for text, style in line) + "\n")
        if len(self.pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.console.file.write("".join(self.pending))
            self.pending = []


def _reason(f: Finding, words: dict) -> Line:
    # draft text and file names may hold control sequences (terminal_safe.py)
    return [(words[f.severity], STYLE[f.severity]), (f" {f.clause} ", "bold"), (f"[{f.rule}] ", "dim"),
            (printable(f.message), None)]


def _entry(write, report: FileReport, index: LineIndex | None, entry: Entry, words: dict,
           width: int | None) -> None:
    """One entry: its place and reason (or the number of reasons), the line, the rest."""
    f = entry.first
    place = (f"{printable(report.path)}:{f.line}:{f.column} ", None)
    single = len(entry.findings) == 1
    if single:
        head = [place] + _reason(f, words)
    else:
        head = [place, (words[entry.severity], STYLE[entry.severity]), (f" {', '.join(entry.clauses)}", "bold"), (" — ", None),
                (words["reasons"].format(n=len(entry.findings)), None)]
    for line in wrap(head, width, INDENT):
        write(line)
    if f.place is not None:  # one sentence is in one paragraph: its place once
        write(_place(f, INDENT, words["lang"]))
    if index is not None:
        write(_excerpt(index, entry, width))
    suggested = set()
    for g in entry.findings:
        if not single:
            # each reason keeps its own line:column, for an editor to jump to
            for line in wrap([(f"{INDENT}• {g.line}:{g.column} ", None)] + _reason(g, words), width, INDENT + "  "):
                write(line)
        pad = INDENT + ("  " if not single else "")
        # the same advice under every reason of a sentence says nothing new
        if g.suggestion and g.suggestion not in suggested:
            suggested.add(g.suggestion)
            for line in wrap([(f"{pad}→ {words['suggest']}: {printable(g.suggestion)}", "green")], width,
                             pad + "  "):
                write(line)
        if g.fix is not None:  # this reason's own replacement: `postcheck fix` applies it
            for line in wrap([(f"{pad}→ {words['fix']}: “{printable(g.fix)}”", "green")], width, pad + "  "):
                write(line)


def _place(f: Finding, indent: str, lang: str) -> Line:
    # a .docx: the line number is ours, the part and paragraph are Word's, in Word's words
    from ..readers.docx import place_name

    return [(f"{indent}¶ {printable(place_name(f.place, lang))}: “{printable(f.place.opening)}”", "dim")]


def _excerpt(index: LineIndex, entry: Entry, width: int | None) -> Line:
    """The line of the entry's first finding, matches highlighted, cut to fit."""
    # secrets are masked in the report's text already (masking.py)
    lineno = entry.first.line
    line = index.line_text(lineno)
    spans = []
    for f in entry.findings:
        if f.line == lineno:
            start = min(f.column - 1, len(line))
            spans.append((start, min(start + (f.end - f.start), len(line))))
    spans.sort()
    prefix = INDENT + "│ "
    left, right = window(line, spans, width - len(prefix) if width else None)
    out = [(prefix + (ELLIPSIS if left else ""), None)]
    pos = left
    for start, end in spans:
        start, end = max(start, pos), min(end, right)
        if start >= right or end <= start:
            continue
        out.append((printable(line[pos:start]), None))
        out.append((printable(line[start:end]), "bold reverse"))
        pos = end
    out.append((printable(line[pos:right]) + (ELLIPSIS if right < len(line) else ""), None))
    return out


def _waived(write, reports: list[FileReport], lang: str, width: int | None) -> None:
    """What directives in the drafts waived, and why: a reviewer's list (--statistics)."""
    from ..messages import text

    waivers = [(r, w) for r in reports for w in r.waived]
    if not waivers:
        return
    write([])
    write([(text(lang, "waived.heading", n=len(waivers)), "bold")])
    for report, w in waivers:
        f = w.finding
        line = [(f"  {printable(report.path)}:{f.line}:{f.column} {f.clause} [{f.rule}] “{printable(f.match)}” — "
                 f"{text(lang, 'waived.reason')}: {printable(w.reason)}", None)]
        for part in wrap(line, width, INDENT):
            write(part)
    write([])
    write.flush()


def _statistics(console: Console, reports: list[FileReport], words: dict) -> None:
    per_rule = Counter((f.clause, f.rule) for r in reports for f in r.findings)
    # NO_COLOR: rich would still print the header and clause rows bold
    bold = "" if console.no_color or not console.color_system else "bold"
    table = Table(show_edge=False, box=None, header_style=bold)
    table.add_column(words["clause"])
    table.add_column(words["rule"])
    table.add_column(words["count"], justify="right")
    per_clause = Counter()
    for (clause, _), n in per_rule.items():
        per_clause[clause] += n
    for clause in sorted(per_clause, key=clause_key):
        table.add_row(clause, "", str(per_clause[clause]), style=bold)
        for (c, rule), n in sorted(per_rule.items()):
            if c == clause:
                table.add_row("", rule, str(n))
    console.print(table)
