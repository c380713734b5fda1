"""What a check reports."""
from __future__ import annotations

from dataclasses import dataclass

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
    # the match is a secret or personal datum, masked in every output (masking.py): True,
    # or "number" for a long number whose first and last two digits may show
    secret: bool | str = False
    # .docx: where Word shows it (readers.docx.Place: part, paragraph number, first words)
    place: object | None = None
    # the text the rule offers in place of original[start:end] (checks/fixes.py), or None
    fix: str | None = None

    @property
    def hides_span(self) -> bool:
        """Does this finding hide its span of the text, in other findings' quotes too? A
        secret value's does; a `semantic` finding's span is a whole sentence guessed by a
        model, which would hide the words every other rule quotes there: only its own
        match is masked (masking.py)."""
        return bool(self.secret) and self.mechanism != "semantic"

    def where(self) -> str | None:
        """The place in Word's terms, e.g. "footer1, paragraph 2 (“Liên hệ: lan.tt@…”)"."""
        if self.place is None:
            return None
        return f"{self.place.part}, paragraph {self.place.paragraph} (“{self.place.opening}”)"

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
        if self.fix is not None:
            # a list, as SARIF has it: a finding may one day offer more than one edit
            data["fixes"] = [{"start": self.start, "end": self.end, "line": self.line, "column": self.column,
                              "replacement": self.fix}]
        if self.place is not None:
            data.update(part=self.place.part, paragraph=self.place.paragraph,
                        paragraph_opening=self.place.opening)
        return data


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # the file could not be read
    text: str | None = None  # the source as read, for showing lines; never written out
    notice: str | None = None  # e.g. a legacy encoding that was converted
    # (start, end, style) of every secret in the text, reported or not (a rule switched off,
    # a finding a baseline accepted): masking.py masks them all
    secrets: tuple[tuple[int, int, bool | str], ...] = ()
    # findings a directive in the draft waived (inline_control.Waiver): not reported as
    # findings, but listed by --statistics and counted in the summary
    waived: tuple = ()
