"""Secrets never leave the process: the one step between the engine's findings and every
output format.

The secrets of a document are the spans of its secret findings (passwords, codes, keys,
ID, phone and bank numbers), also of those not reported (FileReport.secrets: a finding a
baseline accepted, a secret rule the configuration switched off). Every string
a reporter can print is then rebuilt from a masked copy of the document: the match of
*any* finding (the learned offensive check's match is a whole sentence, which may hold a
CCCD), its message and suggestion, and the source text itself, which the text report
shows as context lines. A reporter needs no knowledge of secrets: it prints what it gets.

The masked text keeps every offset and line of the original (reporters compute lines,
columns and ends from it): a secret's characters are replaced by its mask, then PAD up
to the secret's length. Printers drop PAD (terminal_safe.printable), so a mask never
tells a password's length.
"""
from __future__ import annotations

from bisect import bisect_left

import ahocorasick
from dataclasses import dataclass, replace

from .findings import FileReport, Finding

HIDDEN = "******"  # passwords, codes, keys: nothing of them, not even their length
PAD = "\ufdd0"  # a Unicode noncharacter: never meaningful text, so printers can drop it
NUMBER_ENDS_FROM = 10  # digits: shorter numbers are hidden whole
LINE_BREAKS = "\n\r"
MASK_CHAR = "x"  # a fix's hidden digit: "*" would start emphasis in a Markdown draft


@dataclass(frozen=True)
class Secret:
    start: int
    end: int
    style: str  # "hidden", or "number": a long number keeps its first and last two digits


def mask(value: str, style: str = "hidden") -> str:
    """How a secret is shown: ``******``, or ``00********67`` for a number of 10+ digits
    (enough to recognise one's own number, too little to use it)."""
    if style == "number":
        chars = [c for c in value if c.isalnum()]
        if len(chars) >= NUMBER_ENDS_FROM:
            return "".join(chars[:2]) + "*" * (len(chars) - 4) + "".join(chars[-2:])
    return HIDDEN


def masked_number(value: str, keep_ends: bool) -> str:
    """A number's fix (checks/fixes.py): every letter and digit shown as x, the rest (spaces,
    dots, dashes, "+") kept so the text still reads as a number; with `keep_ends`, one of 10+
    letters and digits keeps its first and last two, exactly what mask() shows of it."""
    positions = [i for i, c in enumerate(value) if c.isalnum()]
    shown = set(positions[:2] + positions[-2:]) if keep_ends and len(positions) >= NUMBER_ENDS_FROM else set()
    return "".join(c if (not c.isalnum() or i in shown) else MASK_CHAR for i, c in enumerate(value))


def secrets_of(report: FileReport) -> list[Secret]:
    """The report's secret spans (those of its findings, and those it was given: found by a
    rule switched off, or by a finding a baseline accepted), sorted, overlapping ones merged
    (hidden wins)."""
    # a rule's `secret` is True or "number": two rules can mark the same span each way,
    # so the style is made a string before the spans are sorted
    given = {(f.start, f.end, f.secret) for f in report.findings if f.hides_span} | set(report.secrets)
    spans = sorted({(start, end, "number" if style == "number" else "hidden")
                    for start, end, style in given if end > start})
    merged: list[Secret] = []
    for start, end, style in spans:
        if merged and start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Secret(last.start, max(last.end, end),
                                "number" if last.style == style == "number" else "hidden")
        else:
            merged.append(Secret(start, end, style))
    return merged


def masked_text(text: str, secrets: list[Secret]) -> str:
    """`text` with every secret replaced by its mask then PAD, line breaks kept in place."""
    out, pos = [], 0
    for s in secrets:
        original = text[s.start:s.end]
        shown = iter(mask(original, s.style))
        out.append(text[pos:s.start])
        out.append("".join(c if c in LINE_BREAKS else next(shown, PAD) for c in original))
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


def _masked_slice(text: str, secrets: list[Secret], starts: list[int], start: int, end: int) -> str:
    """text[start:end] with each secret it touches shown as its mask, whole and on one line
    (a finding's match is printed inside a message, where a PEM block's line breaks and
    padding have no place)."""
    out, pos = [], start
    for s in secrets[max(0, bisect_left(starts, start) - 1):bisect_left(starts, end)]:
        if s.end <= start:
            continue
        out.append(text[pos:max(pos, s.start)])
        out.append(mask(text[s.start:s.end], s.style))
        pos = max(pos, s.end)
    out.append(text[pos:end] if pos < end else "")
    return "".join(out)


def _hidden_within(secrets: list[Secret], starts: list[int], start: int, end: int) -> bool:
    """Does a secret shown as nothing at all (not a number's ends) touch text[start:end]?"""
    return any(s.style == "hidden" and s.end > start
               for s in secrets[max(0, bisect_left(starts, start) - 1):bisect_left(starts, end)])


class _Values:
    """Every secret's text and its mask, replaced in any message in one pass: a report
    with thousands of secrets asked `value in message` of each for every finding, which was
    quadratic (8,000 passwords and numbers: 11 s in this loop alone)."""

    def __init__(self, values: list[tuple[str, str]]):
        self.shown: dict[str, str] = {}
        for value, shown in values:
            self.shown.setdefault(value, shown)
        self.automaton = None
        if self.shown:
            self.automaton = ahocorasick.Automaton()
            for value in self.shown:
                self.automaton.add_word(value, len(value))
            self.automaton.make_automaton()

    def __call__(self, message: str) -> str:
        if self.automaton is None or not message:
            return message
        # leftmost first, the longest at a position (a secret that holds another is replaced whole)
        hits = sorted((end - length + 1, -length) for end, length in self.automaton.iter(message))
        out, pos = [], 0
        for start, negative in hits:
            if start < pos:
                continue
            end = start - negative
            out.append(message[pos:start])
            out.append(self.shown[message[start:end]])
            pos = end
        if not out:
            return message
        out.append(message[pos:])
        return "".join(out)


def _masked_finding(f: Finding, masked_match: str | None, values: _Values) -> Finding:
    if masked_match is not None:
        match = masked_match
    elif f.secret:  # no text to mask positionally (a library caller's report)
        match = mask(f.match, "number" if f.secret == "number" else "hidden")
    else:
        match = values(f.match)
    message, suggestion = f.message, f.suggestion
    if match != f.match and f.match:
        message = message.replace(f.match, match)
        suggestion = suggestion.replace(f.match, match) if suggestion else None
    # any other secret quoted by the message ("{a}" and "{b}" of near rules, say)
    message = values(message)
    suggestion = values(suggestion) if suggestion else None
    if (match, message, suggestion) == (f.match, f.message, f.suggestion):
        return f
    return replace(f, match=match, message=message, suggestion=suggestion)


def mask_report(report: FileReport) -> FileReport:
    """The report as outputs may show it."""
    secrets = secrets_of(report)
    if not secrets and not any(f.secret for f in report.findings):
        return replace(report, secrets=())
    text = report.text
    values: list[tuple[str, str]] = []
    if text is not None:
        values = [(text[s.start:s.end], mask(text[s.start:s.end], s.style)) for s in secrets]
    values += [(f.match, mask(f.match, "number" if f.secret == "number" else "hidden"))
               for f in report.findings if f.hides_span and f.match]
    # longest first: of two secrets with the same text, the first kept is the longer mask
    values = _Values(sorted({v for v in values if v[0].strip()}, key=lambda v: -len(v[0])))
    shown_text = masked_text(text, secrets) if text is not None else None
    starts = [s.start for s in secrets]
    findings = []
    for f in report.findings:
        # merged secrets are disjoint, so the last one starting before the finding's end
        # reaches furthest of all those
        k = bisect_left(starts, f.end)
        overlapping = text is not None and k > 0 and secrets[k - 1].end > f.start
        # a semantic finding's own sentence is hidden whole (by _masked_finding), whatever it overlaps
        masked_match = (_masked_slice(text, secrets, starts, f.start, f.end)
                        if overlapping and not (f.secret and not f.hides_span) else None)
        shown = _masked_finding(f, masked_match, values)
        if f.fix is not None and f.secret == "number" and overlapping and _hidden_within(secrets, starts, f.start, f.end):
            # another rule hides this number whole: its fix may not show the ends either
            shown = replace(shown, fix=masked_number(text[f.start:f.end], keep_ends=False))
        findings.append(shown)
    # a waived finding is shown too (--statistics), with the reason a draft gave for it
    waived = tuple(replace(w, finding=_masked_finding(w.finding, None, values), reason=values(w.reason))
                   for w in report.waived)
    return replace(report, findings=tuple(findings), text=shown_text, secrets=(), waived=waived)


def for_display(reports: list[FileReport], show_secrets: bool) -> list[FileReport]:
    """Every report as the outputs show it: secrets masked unless `show_secrets`."""
    if show_secrets:
        return reports
    return [mask_report(r) for r in reports]
