"""Waiving one occurrence in the draft itself, as Vale and textlint users expect.

Markdown and HTML (in a comment, which readers never see):

    <!-- postcheck-disable 5.7 -- trích dẫn phát biểu chính thức -->
    …
    <!-- postcheck-enable -->
    <!-- postcheck: bỏ qua 5.7 -- one line: the line form below, inside a comment -->

Plain text, Word documents and standard input (a line of its own, or the end of a line;
in a Word comment, it waives the paragraphs the comment is on, and the comment itself):

    postcheck: bỏ qua 5.7 — trích dẫn phát biểu chính thức
    postcheck: ignore 5.7 — quoting the official statement

A directive names clauses (5.7), articles (5) or rule ids (language.insult), or nothing
(every rule), then a reason after "--", "—", "–" or ":". The line form waives its own
line, or the next line with text when it stands alone on its line; a disable comment runs to the
matching enable comment (one naming the same targets, or a bare one) or the end of file.

A waiver must say why: a directive without a reason waives nothing, and is reported as a
warning of its own (so is one naming no known rule or clause), because an unexplained
waiver is exactly what a reviewer needs to see. Waived findings are kept on the report
(FileReport.waived) and listed by --statistics and counted in the summary.

This runs after checking, on the findings and the original text (runner.check_one), so
no rule needs to know about it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import CLAUSES
from .findings import Finding
from .textmap import LineIndex

MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm")
RULE_ID = "postcheck.directive"
_REASON_SEP = r"(?:--|—|–|:)"
# a number takes all its dotted parts: "5.2.1" read as 5.2 left ".1 — reason" unread, so the
# directive warned of a missing reason instead of naming the clause that does not exist
_TARGET = r"(?:\d+(?:\.\d+)*|[a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)+)"
_TARGETS = rf"(?P<targets>{_TARGET}(?:\s*,?\s*{_TARGET})*)?"
# in Markdown and HTML, a comment holds either a disable/enable or the one-line form
_COMMENT = re.compile(
    rf"<!--\s*postcheck(?:-(?P<verb>disable|enable)|:[ \t]*(?P<ignore>bỏ qua|bo qua|ignore))\b[ \t]*{_TARGETS}[ \t]*"
    rf"(?:{_REASON_SEP}\s*(?P<reason>.*?))?\s*-->", re.S | re.I)
_LINE = re.compile(
    rf"postcheck:[ \t]*(?:bỏ qua|bo qua|ignore)\b[ \t]*{_TARGETS}[ \t]*"
    rf"(?:{_REASON_SEP}[ \t]*(?P<reason>[^\r\n]*))?", re.I)


@dataclass(frozen=True)
class Waiver:
    """A finding a directive waived, and the directive's reason and line."""

    finding: Finding
    reason: str
    directive_line: int


@dataclass(frozen=True)
class _Region:
    start: int  # offsets into the text; findings starting in [start, end) are waived
    end: int
    targets: tuple[str, ...]  # () = every rule
    reason: str
    line: int


def _targets(m: re.Match) -> tuple[str, ...]:
    return tuple(t.lower() for t in re.split(r"[\s,]+", m.group("targets") or "") if t)


def _applies(targets: tuple[str, ...], f: Finding) -> bool:
    if not targets:
        return True
    article = f.clause.split(".")[0]
    return any(t in (f.clause, f.rule, article) for t in targets)


def _known(target: str, rule_clauses: dict[str, str]) -> bool:
    if target in rule_clauses:
        return True
    return any(c == target or c.split(".")[0] == target for c in rule_clauses.values())


def _directive_finding(index: LineIndex, m: re.Match, targets, rule_clauses, lang: str, problem: str) -> Finding:
    from .messages import text

    line, column = index.line_col(m.start())
    # a real clause only: a misspelt target ("9.9", "langauge.insult") is no heading to
    # file the warning under; 4.2, control of one's posts, when it names none
    clause = next((c for c in (rule_clauses.get(t) or t for t in targets) if c in CLAUSES), "4.2")
    return Finding(RULE_ID, clause, "warning", line, column, m.start(), m.end(), m.group(0).strip(),
                   text(lang, f"directive.{problem}"), text(lang, "directive.how"), mechanism="directive")


def _line_span(index: LineIndex, text: str, first: int, last: int) -> tuple[int, int]:
    """Offsets of lines first..last (1-based), line ends included."""
    end = index.line_starts[last] if last < len(index.line_starts) else len(text)
    return index.line_starts[first - 1], end


def _regions(path: str, text: str, index: LineIndex, rule_clauses, lang: str, comment_anchors=()):
    """(regions, warnings) of the directives in `text`."""
    regions, warnings = [], []
    anchored = {at: (first, last) for at, first, last in comment_anchors}
    markup = path.lower().endswith(MARKUP_SUFFIXES)
    open_: dict[tuple[str, ...], tuple[int, str, int]] = {}
    for m in (_COMMENT if markup else _LINE).finditer(text):
        targets = _targets(m)
        verb = (m.groupdict().get("verb") or "disable").lower()
        if verb == "enable":
            for key in [k for k in open_ if not targets or k == targets]:
                start, reason, line = open_.pop(key)
                regions.append(_Region(start, m.start(), key, reason, line))
            continue
        reason = (m.group("reason") or "").strip()
        if not reason:
            warnings.append(_directive_finding(index, m, targets, rule_clauses, lang, "no-reason"))
            continue
        if any(not _known(t, rule_clauses) for t in targets):
            warnings.append(_directive_finding(index, m, targets, rule_clauses, lang, "unknown"))
            continue
        line = index.line_col(m.start())[0]
        if markup and not m.group("ignore"):
            open_[targets] = (m.end(), reason, line)
            continue
        if line in anchored:  # a Word comment: what it is on, and the comment itself
            for first, last in (anchored[line], (line, line)):
                regions.append(_Region(*_line_span(index, text, first, last), targets, reason, line))
            continue
        line_start = index.line_starts[line - 1]
        line_end = index.line_starts[line] if line < len(index.line_starts) else len(text)
        alone = not text[line_start:m.start()].strip() and not text[m.end():line_end].strip()
        target_line = line
        if alone:  # the next line with text: a blank line parts Markdown paragraphs
            target_line += 1
            while target_line <= len(index.line_starts) and not text[slice(*_line_span(
                    index, text, target_line, target_line))].strip():
                target_line += 1
        if target_line > len(index.line_starts):
            continue
        regions.append(_Region(*_line_span(index, text, target_line, target_line), targets, reason, line))
    for targets, (start, reason, line) in open_.items():
        regions.append(_Region(start, len(text), targets, reason, line))
    return regions, warnings


def apply(path: str, text: str | None, findings: list[Finding], rule_clauses: dict[str, str],
          lang: str = "vi", comment_anchors: tuple = ()) -> tuple[list[Finding], tuple[Waiver, ...]]:
    """(findings kept, with a warning for each directive without a reason, and the waived).
    `rule_clauses`: rule id → clause, to check what a directive names; `comment_anchors`:
    a .docx's (comment line, first line, last line it is on), readers.docx."""
    if not text or "postcheck" not in text.lower():
        return findings, ()
    index = LineIndex(text)
    regions, warnings = _regions(path, text, index, rule_clauses, lang, comment_anchors)
    if not regions and not warnings:
        return findings, ()
    kept, waived = [], []
    for f in findings:
        region = next((r for r in regions if r.start <= f.start < r.end and _applies(r.targets, f)), None)
        if region is None:
            kept.append(f)
        else:
            waived.append(Waiver(f, region.reason, region.line))
    if warnings:
        kept = sorted(kept + warnings, key=lambda f: (f.start, f.end, f.clause, f.rule))
    return kept, tuple(waived)
