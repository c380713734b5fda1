"""`postcheck fix FILE…`: the rules' fix-its (checks/fixes.py) applied, in a copy beside the draft.

draft.txt becomes draft.fixed.txt (draft.md, draft.fixed.md): the draft's bytes with each
fixed span replaced, everything else as it was (line ends, a byte-order mark). The original
is only read, unless `in_place`; an existing copy is never replaced unless `force`, and
nothing is written through a symbolic link. Fixes that overlap an earlier one are skipped
(the first in the text wins; two rules offering the same edit of the same span are one),
so every applied edit replaced exactly the text its finding saw.

Markdown and HTML: a finding's span holds source characters (entities, tags, emphasis); a
fix is applied only where that span is plain text, the match as a reader sees it, so no
markup is ever cut in half. In HTML the replacement is escaped. Word files: fixing_docx.py,
inside the runs that hold the match (draft.docx becomes draft.fixed.docx).

What is said about a fix is counts and rule ids, never the text replaced: that text may be
a password. A replaced secret, number or address may still be in the copy where no finding
was (said twice, a link's target): the copy is searched for it, and how many is said.
"""
from __future__ import annotations

import codecs
import html
import os
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from .files import reason
from .findings import FileReport
from .inputs import DEFAULT_MAX_SIZE, InputError, Source, read_regular_bounded
from .messages import Said
from .readers import ReadOptions, reader_for
from .runner import check_source

MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",) + MARKUP_SUFFIXES
FIXED_SUFFIXES = TEXT_SUFFIXES + (".docx",)
INFIX = ".fixed"
ROUNDS = 4  # checks of a text being fixed; each finds what the last one's fixes uncovered
# the byte-order marks a draft may start with, and the codec that writes what follows
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


@dataclass(frozen=True)
class Fixed:
    path: str
    target: Path | None  # None: nothing to fix, nothing written
    applied: Counter  # rule id -> edits applied
    skipped: int  # fixes not applied (overlapping another, or markup inside the span)
    remaining: FileReport  # the fixed text checked again
    utf8_note: bool = False  # a legacy-encoded draft was written back as UTF-8
    elsewhere: int = 0  # replaced texts a Word file still holds where no fix reaches (fixing_docx.py)


def fixed_path(path: Path) -> Path:
    """draft.txt -> draft.fixed.txt; a name without a suffix gets .fixed at its end."""
    suffix = path.suffix
    stem = path.name[:-len(suffix)] if suffix else path.name
    return path.with_name(stem + INFIX + suffix)


def is_fixed_copy(path: str) -> bool:
    name = Path(path).name.lower()
    return any(name.endswith(INFIX + s) for s in FIXED_SUFFIXES)


def plan(report: FileReport, text: str, path: str) -> tuple[list[Edit], int]:
    """The edits to make (in text order, none overlapping) and how many fixes were left out."""
    markup = path.lower().endswith(MARKUP_SUFFIXES)
    escape = path.lower().endswith(HTML_SUFFIXES)
    # a draft saved decomposed (macOS, some phone keyboards) gets its fixes decomposed too:
    # a composed word in a decomposed file would be a change nobody asked for
    decomposed = not unicodedata.is_normalized("NFC", text) and unicodedata.is_normalized("NFD", text)
    edits: list[Edit] = []
    skipped = 0
    for f in sorted((f for f in report.findings if f.fix is not None), key=lambda f: (f.start, -f.end)):
        if markup and not _plain(text[f.start:f.end], f.match, escape):
            skipped += 1
            continue
        # quotes escaped too: the span may be an attribute's value (title="…")
        replacement = html.escape(f.fix) if escape else f.fix
        if decomposed:
            replacement = unicodedata.normalize("NFD", replacement)
        if edits and f.start < edits[-1].end:
            last = edits[-1]
            if (last.start, last.end, last.replacement) != (f.start, f.end, replacement):
                skipped += 1
            continue
        edits.append(Edit(f.start, f.end, replacement, f.rule))
    return edits, skipped


def _plain(span: str, match: str, escape: bool) -> bool:
    """Is the source span the match as a reader sees it, with no markup to cut in half? In
    HTML a span without a tag may hold character references ("0987&nbsp;654", "l&aacute;o"):
    it is text all the same, and replacing it whole leaves every tag as it was."""
    if span == match:
        return True
    return escape and "<" not in span and html.unescape(span).replace("\xa0", " ") == match


def apply(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        out += [text[pos:e.start], e.replacement]
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_file(path: str, rulebook, lang: str, *, in_place: bool = False, force: bool = False,
             encoding: str | None = None, max_size: int | None = DEFAULT_MAX_SIZE) -> Fixed:
    """Check `path`, apply its fixes, write the copy (or the file, `in_place`), and check the
    result again. InputError: not a draft this can fix, unreadable, or the copy not writable.
    A .docx is fixing_docx.fix_docx's (which builds on this module, so it is not called from
    here: the two would import each other)."""
    if path == "-":
        raise InputError(Said("fix.stdin"))
    source_path, target, data = opened(path, in_place, force, max_size)
    source = reader_for(path).decode(data, path, ReadOptions(encoding, max_size))
    text, report = source.text, check_source(rulebook, source, lang)
    applied: Counter = Counter()
    skipped = 0
    replaced: set[str] = set()  # texts a replace or mask fix took out: looked for, never shown
    # a rule that reports the first values of a list (backup codes) finds the next ones once
    # those are gone: the fixed text is checked again, a bounded number of times
    for _ in range(ROUNDS):
        edits, skipped = plan(report, text, path)
        if not edits:
            break
        applied.update(e.rule for e in edits)
        replaced.update(text[e.start:e.end] for e in edits if hides(rulebook, e.rule))
        text = apply(text, edits)
        report = check_source(rulebook, Source(str(target), text), lang)
    if not applied:
        return Fixed(path, None, applied, skipped, report)
    raw, utf8_note = _encode(data, text, encoding)
    write(source_path, target, raw, in_place=in_place, force=force)
    return Fixed(path, target, applied, skipped, report, utf8_note, elsewhere=left_in([text], replaced))


def opened(path: str, in_place: bool, force: bool, max_size: int | None) -> tuple[Path, Path, bytes]:
    """The draft's path, where its fixed text goes, and its bytes; InputError before any
    work when the copy is already there (and not `force`) or the draft cannot be read."""
    source_path = Path(path)
    target = source_path if in_place else fixed_path(source_path)
    if not in_place and target.exists() and not force:
        raise InputError(Said("fix.exists", f"{target}: "))
    try:
        return source_path, target, read_regular_bounded(path, max_size)
    except (OSError, ValueError) as exc:
        raise InputError(reason(exc).after(f"{path}: ")) from None


def hides(rulebook, rule_id: str) -> bool:
    """A replace or mask fix takes something out that must not stay; a polite swap does not."""
    rule = rulebook.by_id.get(rule_id)
    return rule is not None and rule.fixer is not None and rule.fixer.polite is None


def left_in(contents: list[str], replaced: set[str]) -> int:
    """How many replaced texts the written file still holds: the same password said again
    where no rule looked, a link's target, a Word file's properties. Counted, never shown."""
    if not replaced:
        return 0
    # one pass over the file whatever the number of fixes (`in` for each would be quadratic)
    automaton = ahocorasick.Automaton()
    for old in filter(None, replaced):
        for form in {old, html.escape(old, quote=False)}:
            automaton.add_word(form, old)
    automaton.make_automaton()
    return len({old for c in contents for _, old in automaton.iter(c)})


def _encode(data: bytes, text: str, encoding: str | None) -> tuple[bytes, bool]:
    """The fixed text in the draft's own encoding: its byte-order mark kept, UTF-8 kept; a
    legacy-encoded draft (TCVN3, VNI, cp1258) is written as UTF-8, and the caller says so."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom + text.encode(codec), False
    if encoding is None:
        try:
            data.decode("utf-8")
            return text.encode("utf-8"), False
        except UnicodeDecodeError:
            pass
    else:
        try:
            if codecs.lookup(encoding).name == "utf-8":
                return text.encode("utf-8"), False
        except LookupError:  # tcvn3 and vni are postcheck's own tables, no Python codec
            pass
    return text.encode("utf-8"), True


def write(source: Path, target: Path, data: bytes, *, in_place: bool, force: bool) -> None:
    """Never through a symbolic link; a copy never over a file unless `force` (O_EXCL); in
    place through a new file renamed over the draft, so a failed write leaves it whole."""
    if target.is_symlink():
        raise InputError(Said("fix.symlink", f"{target}: "))
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    if in_place:
        temp = target.with_name(f".{target.name}.{os.getpid()}.postcheck-tmp")
        mode = stat.S_IMODE(os.stat(source).st_mode)
        try:
            with os.fdopen(os.open(temp, flags | os.O_EXCL, mode), "wb") as f:
                f.write(data)
            os.replace(temp, target)
        except OSError as exc:
            try:
                temp.unlink()
            except OSError:
                pass
            raise InputError(Said("fix.cannot-write", f"{target}: ", reason=exc.strerror or exc.__class__.__name__)) from None
        return
    flags |= os.O_TRUNC if force else os.O_EXCL
    try:
        with os.fdopen(os.open(target, flags, 0o644), "wb") as f:
            f.write(data)
    except FileExistsError:
        raise InputError(Said("fix.exists", f"{target}: ")) from None
    except OSError as exc:
        raise InputError(Said("fix.cannot-write", f"{target}: ", reason=exc.strerror or exc.__class__.__name__)) from None
