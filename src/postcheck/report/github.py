"""`--format github`: GitHub Actions workflow commands, shown as annotations on the diff."""
from __future__ import annotations

from ..findings import FileReport
from ..messages import text as say
from ..textmap import LineIndex

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(reports: list[FileReport], lang: str = "vi") -> str:
    out = []
    for report in reports:
        if report.error:
            out.append(f"::error file={_escape_property(report.path)}::{_escape_data(report.error)}")
            continue
        lines = LineIndex(report.text) if report.text is not None else None
        for f in report.findings:
            end_line, end_col = lines.line_col(max(f.end - 1, f.start)) if lines else (f.line, f.column)
            props = [f"file={_escape_property(report.path)}", f"line={f.line}", f"col={f.column}"]
            if end_line == f.line:
                props.append(f"endColumn={end_col + 1}")
            else:
                props.append(f"endLine={end_line}")
            props.append(f"title={_escape_property(f'{f.clause} {f.rule}')}")
            message = f.message
            if f.fix is not None:  # the report's own fix: masked as the report is (masking.py)
                message += " " + say(lang, "fix.describe", replacement=f.fix) + "."
            out.append(f"::{COMMAND[f.severity]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(out)


def write(reports: list[FileReport], options, out) -> None:
    text = render(reports, options.lang)
    if text:  # no findings: no line at all, not an empty one
        out.write(text + "\n")
