"""`postcheck review draft.docx`: the findings as Word comments, in a copy beside the draft.

draft.reviewed.docx is the draft with one comment per finding, anchored on the words the
finding is about and authored "postcheck", so a Word user sees the review in the margin as
from a colleague. The original is only read. Positions come from the .docx reader's text
(readers/docx.py: one paragraph a line); each line is mapped back to its w:p and each character
to the w:t (or w:tab…) it came from. A comment can only span whole runs, so a run is split
where a finding starts or ends inside it (both halves keep the run's formatting); a finding
across several runs (a word half bold) anchors on all of them.

Word anchors comments only in the body. A finding in a header, footer, footnote, endnote or
existing comment is anchored on the body's first words, and its comment says where it is.
Secrets are masked in comments as in every report (masking.py).
"""
from __future__ import annotations

import io
import os
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from .clauses import CLAUSES
from .files import reason
from .findings import FileReport
from .inputs import DEFAULT_MAX_SIZE, InputError, read_regular_bounded
from .masking import mask_report
from .messages import Said, text as say
from .readers import ReadOptions
from .readers.docx import (W, decode_docx, line_of, line_starts, paragraph_elements, paragraph_pieces, place_name,
                           run_of)
from .runner import check_source

AUTHOR, INITIALS = "postcheck", "PC"
SUFFIX = ".reviewed.docx"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class Reviewed:
    report: FileReport  # masked, as printed
    path: Path  # the reviewed copy written
    comments: int


def reviewed_path(path: Path) -> Path:
    name = path.name[:-len(".docx")] if path.name.lower().endswith(".docx") else path.name
    return path.with_name(name + SUFFIX)


def review(path: Path, rulebook, lang: str, force: bool = False,
           max_size: int | None = DEFAULT_MAX_SIZE) -> Reviewed:
    """Check `path` and write its reviewed copy. InputError: the draft is not a readable
    .docx, or the copy exists (without `force`) or cannot be written."""
    import docx

    if not path.name.lower().endswith(".docx"):
        raise InputError(Said("review.not-docx", f"{path}: "))
    target = reviewed_path(path)
    if target.exists() and not force:
        raise InputError(Said("review.exists", "", path=target))
    try:
        data = read_regular_bounded(str(path), max_size)  # read once: checked and commented alike
    except (OSError, ValueError) as exc:
        raise InputError(reason(exc).after(f"{path}: ")) from None
    source = decode_docx(data, str(path), ReadOptions(None, max_size))
    report = check_source(rulebook, source, lang)
    shown = mask_report(report)
    document = docx.Document(io.BytesIO(data))
    count = _comment(document, source.text, shown, lang)
    out = io.BytesIO()
    document.save(out)
    _write(target, out.getvalue(), force)
    return Reviewed(shown, target, count)


def _write(target: Path, data: bytes, force: bool) -> None:
    # never through a symbolic link, and never over a file unless asked (O_EXCL)
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    flags |= os.O_TRUNC if force else os.O_EXCL
    if target.is_symlink():
        raise InputError(Said("review.symlink", f"{target}: "))
    try:
        with os.fdopen(os.open(target, flags, 0o644), "wb") as f:
            f.write(data)
    except FileExistsError:
        raise InputError(Said("review.exists", "", path=target)) from None
    except OSError as exc:
        raise InputError(Said("review.cannot-write", f"{target}: ", reason=exc.strerror or exc.__class__.__name__)) from None


def _comment(document, text: str, report: FileReport, lang: str) -> int:
    body = paragraph_elements(document.element.body)
    starts = line_starts(text)
    count = 0
    for f in report.findings:
        first, last = line_of(starts, f.start), line_of(starts, max(f.start, f.end - 1))
        words = _comment_text(f, lang)
        if last < len(body) and f.end > f.start:
            runs = _anchor(body[first], f.start - starts[first], body[last], f.end - starts[last])
        else:
            runs = None
        if runs is None:  # outside the body (or nothing to anchor on): on the body's first words
            runs = _first_run(body)
            if runs is None:
                continue
            if f.place is not None:
                words = f"[{place_name(f.place, lang)}] " + words
        document.add_comment(runs, text=words, author=AUTHOR, initials=INITIALS)
        count += 1
    return count


def _comment_text(f, lang: str) -> str:
    clause = CLAUSES.get(f.clause)
    lines = [clause.heading(lang) if clause else f.clause, f"“{f.match}”: {f.message}" if f.match not in f.message
             else f.message]
    if f.suggestion:
        lines.append(say(lang, "review.suggestion", suggestion=f.suggestion))
    if f.fix is not None:  # what the words would become: Word users make the edit themselves
        lines.append(say(lang, "fix.describe", replacement=f.fix))
    lines.append(f"({f.rule})")
    return "\n".join(lines)


def _boundary(p, offset: int, at_end: bool):
    """The run that starts at `offset` of paragraph `p` (or, `at_end`, the run that ends
    there), splitting the run the offset falls inside."""
    position = 0
    pieces = paragraph_pieces(p)
    for n, (piece, element) in enumerate(pieces):
        end = position + len(piece)
        if not at_end and position <= offset < end or at_end and position < offset <= end:
            run = run_of(element)
            if run is None:  # a piece outside any run (a tab stop): the next piece's run
                rest = pieces[n + 1:]
                return next((run_of(e) for _, e in rest if run_of(e) is not None), None)
            cut = offset - position
            if element.getparent() is not run:  # not a run's own child: anchor on the whole run
                return run
            if at_end:
                if cut < len(piece):
                    _split(run, element, cut)
                elif element.getnext() is not None:  # more of the run follows the match
                    _split(run, element.getnext(), 0)
                return run
            if cut == 0:
                return _split(run, element, 0) if _before(run, element) else run
            return _split(run, element, cut)
        position = end
    return None


def _before(run, element) -> bool:
    """The run holds content before `element`."""
    for child in run:
        if child is element:
            return False
        if child.tag != W + "rPr":
            return True
    return False


def _split(run, element, cut: int):
    """Split `run` at character `cut` of its child `element` (0: before it): `run` keeps
    what comes before, the new run after it (returned) the rest, both with the run's
    formatting."""
    second = deepcopy(run)
    kids, twins = list(run), list(second)
    k = kids.index(element)
    for child in kids[k + 1:]:
        run.remove(child)
    for child in twins[:k]:
        if child.tag != W + "rPr":
            second.remove(child)
    if cut:
        element.text, twins[k].text = element.text[:cut], element.text[cut:]
        element.set(XML_SPACE, "preserve")
        twins[k].set(XML_SPACE, "preserve")
    else:
        run.remove(element)
    run.addnext(second)
    return second


def _anchor(p_first, start: int, p_last, end: int):
    from docx.text.run import Run

    # the start first: a split at the end keeps its first half as the element it was, so a
    # run that begins the match and is then cut at its end is still the anchor's first run
    first = _boundary(p_first, start, at_end=False)
    last = _boundary(p_last, end, at_end=True)
    if first is None or last is None:
        return None
    return [Run(first, None), Run(last, None)]


def _first_run(body):
    from docx.text.run import Run

    for p in body:
        for piece, element in paragraph_pieces(p):
            run = run_of(element)
            if piece.strip() and run is not None:
                return [Run(run, None)]
    return None
