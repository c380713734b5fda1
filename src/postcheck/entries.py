"""Findings as a reader meets them: one entry per sentence, in reading order.

One sentence often trips several rules ("bị kỷ luật, cảnh cáo … Hội đồng kỷ luật" gave
three errors); a reader wants that sentence once, with every reason under it. The text
report shows entries; JSON keeps every finding and tags it with its entry's `sentence`
number, so a program can regroup them the same way.

A sentence is segment.sentence_spans' (split at . ! ? … and line breaks); findings are
merged only when they also start on the same line, because a lone CR ends a line for
line numbers (textmap) but not for sentence_spans.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .findings import SEVERITY_RANK, FileReport, Finding


@dataclass(frozen=True)
class Entry:
    sentence: int  # 1-based, in reading order within its file
    findings: tuple[Finding, ...]  # by position

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def severity(self) -> str:
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)

    @property
    def clauses(self) -> tuple[str, ...]:
        """The clauses of its findings, each once, in the order they first appear."""
        return tuple(dict.fromkeys(f.clause for f in self.findings))


def _sentence_of(text: str | None):
    """A function from an offset to the index of the sentence holding it."""
    if not text:
        return None
    from .segment import sentence_spans

    starts = [s for s, _ in sentence_spans(text)]
    return lambda offset: bisect_right(starts, offset)


def entries(report: FileReport, findings=None) -> list[Entry]:
    """The entries of `findings` (default: the report's), in position order. Without the
    report's text (a library caller's report) every finding is its own entry."""
    found = sorted(report.findings if findings is None else findings,
                   key=lambda f: (f.start, f.end, -SEVERITY_RANK[f.severity], f.clause, f.rule))
    sentence_of = _sentence_of(report.text)
    out: list[Entry] = []
    group: list[Finding] = []
    key = None
    for f in found:
        k = (sentence_of(f.start), f.line) if sentence_of else (f.start, f.end, f.rule)
        if group and k != key:
            out.append(Entry(len(out) + 1, tuple(group)))
            group = []
        group.append(f)
        key = k
    if group:
        out.append(Entry(len(out) + 1, tuple(group)))
    return out


def sentence_numbers(report: FileReport) -> dict[int, int]:
    """id(finding) → its entry's number, for every finding of the report."""
    return {id(f): e.sentence for e in entries(report) for f in e.findings}
