"""`postcheck fix draft.docx`: the fixes made inside the Word runs, in draft.fixed.docx.

The text the rules saw is the .docx reader's (readers/docx.py: one paragraph a line, the body
with its tables, then headers, footers, footnotes, endnotes and comments); each line is mapped
back to its w:p and each character to the w:t it came from, as review.py does to anchor its
comments. A match inside one w:t is replaced there. A match across runs (a word half bold)
gets its replacement in the first run, in that run's formatting, and the rest of the match is
trimmed from the runs after it (a run left empty goes). A match that takes in a tab or a line
break, or whose runs no longer hold its text, is left (counted as not applied).

A replaced address or number can also sit where the reader does not look: an e-mail
hyperlink's target (Word makes one of every address typed) or a field's instruction. In the
paragraph of an edit, a link whose target holds the replaced text stops being a link (its
relationship is dropped) and a field instruction has the text replaced too. Whatever copy is
still in the written file after that is counted, never shown: the caller tells the writer to
look in Word.
"""
from __future__ import annotations

import io
import zipfile
from collections import Counter
from urllib.parse import unquote

from .fixing import ROUNDS, Edit, Fixed, hides, left_in, opened, plan, write
from .inputs import DEFAULT_MAX_SIZE
from .readers import ReadOptions
from .readers.docx import W, decode_docx, line_of, line_starts, paragraph_elements, paragraph_pieces, stories
from .runner import check_source

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def fix_docx(path: str, rulebook, lang: str, *, in_place: bool = False, force: bool = False,
             max_size: int | None = DEFAULT_MAX_SIZE) -> Fixed:
    """As fixing.fix_file, for a Word file: the copy written, or the draft `in_place`."""
    import docx

    source_path, target, data = opened(path, in_place, force, max_size)
    source = decode_docx(data, path, ReadOptions(None, max_size))
    report = check_source(rulebook, source, lang)
    applied: Counter = Counter()
    skipped = 0
    replaced: set[str] = set()  # texts a replace or mask fix took out: looked for, never shown
    current = data
    for _ in range(ROUNDS):
        edits, skipped = plan(report, source.text, path)
        if not edits:
            break
        document = docx.Document(io.BytesIO(current))
        done = _edit_document(document, source.text, edits)
        skipped += len(edits) - len(done)
        if not done:
            break
        applied.update(e.rule for e in done)
        replaced.update(source.text[e.start:e.end] for e in done if hides(rulebook, e.rule))
        out = io.BytesIO()
        document.save(out)
        current = out.getvalue()
        # the file as written is what is checked again (its size is this run's own doing)
        source = decode_docx(current, str(target), ReadOptions(None, None))
        report = check_source(rulebook, source, lang)
    if not applied:
        return Fixed(path, None, applied, skipped, report)
    write(source_path, target, current, in_place=in_place, force=force)
    return Fixed(path, target, applied, skipped, report, elsewhere=left_in(_contents(current), replaced))


def _edit_document(document, text: str, edits: list[Edit]) -> list[Edit]:
    """Make `edits` (offsets into the reader's `text`) in `document`; the ones made."""
    paragraphs = [(part, root, p) for _, part, root in stories(document) for p in paragraph_elements(root)]
    starts = line_starts(text)
    done, touched = [], {}
    # from the end: an edit never moves the offsets of one before it in the same paragraph
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        line = line_of(starts, e.start)
        if e.end <= e.start or line != line_of(starts, e.end - 1) or line >= len(paragraphs):
            continue
        part, root, p = paragraphs[line]
        old = text[e.start:e.end]
        if _replace(p, e.start - starts[line], e.end - starts[line], old, e.replacement):
            _unlink(p, part, old, e.replacement)
            done.append(e)
            touched[id(root)] = (part, root)
    for part, root in touched.values():
        if getattr(part, "element", None) is None:
            # python-docx keeps a part it does not model (footnotes) as bytes: they are what is saved
            from docx.opc.oxml import serialize_part_xml

            part._blob = serialize_part_xml(root)
    return done[::-1]


def _replace(p, start: int, end: int, old: str, new: str) -> bool:
    """Replace characters start:end (which must read `old`) of paragraph `p`, inside its runs."""
    pieces, hit, position = paragraph_pieces(p), [], 0
    if "".join(piece for piece, _ in pieces)[start:end] != old:
        return False
    for piece, element in pieces:
        if position < end and position + len(piece) > start:
            hit.append((element, position))
        position += len(piece)
    if not hit or any(element.tag != W + "t" for element, _ in hit):
        return False  # a tab or a break inside the match: no run holds it as text
    for n, (element, position) in enumerate(hit):
        value = element.text or ""
        head = value[:start - position] + new if n == 0 else ""
        tail = value[end - position:] if end < position + len(value) else ""
        if head or tail:
            element.text = head + tail
            element.set(XML_SPACE, "preserve")
        else:
            _drop(element)
    return True


def _drop(t) -> None:
    """Remove an emptied w:t, and its run when nothing but formatting is left in it."""
    run = t.getparent()
    run.remove(t)
    if run.tag == W + "r" and all(child.tag == W + "rPr" for child in run) and run.getparent() is not None:
        run.getparent().remove(run)


def _unlink(p, part, old: str, new: str) -> None:
    """The replaced text out of the paragraph's link targets and field instructions too."""
    needle = old.casefold()
    for link in list(p.iter(W + "hyperlink")):
        rid = link.get(R_ID)
        rel = part.rels.get(rid) if rid else None
        if rel is None or not rel.is_external or needle not in unquote(rel.target_ref).casefold():
            continue
        parent = link.getparent()
        for child in list(link):  # the runs stay, as plain text where the link was
            link.addprevious(child)
        parent.remove(link)
        # python-docx's drop_rel expects the reference still there; this one is gone already
        if not any(element.get(R_ID) == rid for element in p.getroottree().iter()):
            del part.rels[rid]
    for instr in p.iter(W + "instrText"):
        if instr.text and old in instr.text:
            instr.text = instr.text.replace(old, new)
    for simple in p.iter(W + "fldSimple"):
        value = simple.get(W + "instr") or ""
        if old in value:
            simple.set(W + "instr", value.replace(old, new))


def _contents(data: bytes) -> list[str]:
    """Every XML part of the written file as text (document properties, fields, links…)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                if name.endswith((".xml", ".rels"))]
