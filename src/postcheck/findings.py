"""What a check reports."""
from __future__ import annotations

from dataclasses import dataclass, replace

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    rule: str
    clause: str
    severity: str
    line: int
    column: int
    start: int  # character offsets into the original text
    end: int
    match: str
    message: str
    suggestion: str | None = None
    mechanism: str = "terms"
    secret: bool = False  # the match is a secret or personal datum: masked in every output

    def masked(self) -> "Finding":
        """The finding with its matched secret masked ("0012******67") wherever it appears."""
        if not self.secret:
            return self
        shown = mask(self.match)
        return replace(
            self, match=shown, message=self.message.replace(self.match, shown),
            suggestion=self.suggestion.replace(self.match, shown) if self.suggestion else None,
        )

    def as_json(self) -> dict:
        data = {
            "rule": self.rule,
            "clause": self.clause,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "message": self.message,
            "mechanism": self.mechanism,
        }
        if self.suggestion:
            data["suggestion"] = self.suggestion
        return data


def mask(secret: str) -> str:
    """Keep a few characters at both ends so the user can recognise it: 0012******67."""
    chars = [c for c in secret if not c.isspace()]
    keep = 4 if len(chars) >= 12 else 2 if len(chars) >= 6 else 0
    tail = 2 if len(chars) >= 8 else 0
    return "".join(chars[:keep]) + "*" * max(len(chars) - keep - tail, 1) + "".join(chars[len(chars) - tail:])


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # the file could not be read
    text: str | None = None  # the source as read, for showing lines; never written out
    notice: str | None = None  # e.g. a legacy encoding that was converted


def for_display(reports: list[FileReport], show_secrets: bool) -> list[FileReport]:
    """Reports as every output format shows them: secrets masked unless asked otherwise
    (a report with no secret finding is passed through, not copied)."""
    if show_secrets:
        return reports
    return [replace(r, findings=tuple(f.masked() for f in r.findings)) if any(f.secret for f in r.findings) else r
            for r in reports]
