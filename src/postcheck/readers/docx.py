"""Word .docx drafts: everything Word shows and prints, one paragraph a line.

The body in document order (paragraphs and tables as they stand, text boxes after the
paragraph that anchors them), with tracked insertions read and deletions skipped, then the
headers, footers, footnotes, endnotes and comments. Each line remembers its part and its
paragraph number in that part, so a finding is placed where a Word user can find it
("chân trang 1, đoạn 2: “Liên hệ: lan…”").

A .docx is a zip archive, and a small one can expand enormously (3.6 MB of zip held 1.5 GB
of document.xml, which took 259 s and 7 GB to parse). So --max-size bounds the file
itself (readers/__init__.py reads it no further), then, from the archive's directory and before anything is decompressed, each
part's uncompressed size, all parts' together and their number; python-docx then reads
the archive from the bytes already checked. The sizes the directory declares are also
what Python's zipfile stops decompressing at (and a part that holds more fails its CRC),
so a lying directory cannot get past the bound either.
"""
from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from dataclasses import dataclass

from ..inputs import InputError, Source, over_limit
from ..messages import Said
from .base import ReadOptions, Reader

MAX_PARTS = 1000  # a long report with pictures has about a hundred parts
# an OLE compound file: a Word 97-2003 .doc, or a .docx that Word encrypted with a password
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_archive(data: bytes, path: str, max_size: int | None) -> None:
    """InputError unless the zip directory of the file's bytes is within the limits."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # an exception's class name ("BadZipFile") tells a user nothing: say what the file is
        key = "input.docx-old-format" if data.startswith(_OLE_MAGIC) else "input.docx-not-zip"
        raise InputError(Said(key, f"{path}: ")) from None
    if len(parts) > MAX_PARTS:
        raise InputError(Said("input.docx-too-many-parts", f"{path}: ", count=len(parts), limit=MAX_PARTS))
    if max_size is not None:
        for part in parts:
            if part.file_size > max_size:
                raise InputError(Said("input.docx-part-too-big", f"{path}: ", part=repr(part.filename[:80]),
                                      reason=over_limit(part.file_size, max_size)))
        total = sum(p.file_size for p in parts)
        if total > max_size:
            raise InputError(Said("input.docx-parts-too-big", f"{path}: ", reason=over_limit(total, max_size)))


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# runs Word does not show as text: deleted and moved-away text, field codes, and the
# fallback copy of a text box (its content is also in the mc:Choice shown); and paragraph
# properties, whose tab-stop definitions (w:tabs/w:tab) are no tab characters
_SKIPPED = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", MC_FALLBACK,
            W + "txbxContent", W + "p", W + "pPr"}
# the parts read after the body, in this order: (relationship type's last word, part name)
PARTS = (("header", "header"), ("footer", "footer"), ("footnotes", "footnotes"),
         ("endnotes", "endnotes"), ("comments", "comments"))


@dataclass(frozen=True)
class Place:
    """Where a line of the read text stands in Word's terms."""
    part: str  # body, header1, footer1, footnotes, endnotes, comments
    paragraph: int  # 1-based, in document order within the part
    opening: str  # the paragraph's first words


def place_name(place: Place, lang: str) -> str:
    """Where a line stands as a Word user says it: "chân trang 1, đoạn 2" ("footer 1,
    paragraph 2"); JSON keeps the part's id (footer1) for programs."""
    from ..messages import text

    kind = place.part.rstrip("0123456789")
    number = place.part[len(kind):]
    part = text(lang, f"place.{kind}", n=number) if number else text(lang, f"place.{kind}")
    return text(lang, "place.paragraph", part=part, n=place.paragraph)


def paragraph_pieces(p) -> list[tuple[str, object]]:
    """(text, element) in the order Word shows them: the w:t, w:tab… each piece comes from
    (review.py anchors comments on them, fixing_docx.py edits them)."""
    out: list[tuple[str, object]] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue  # a nested paragraph (text box) is a paragraph of its own
            if tag == W + "t":
                out.append((child.text or "", child))
            elif tag in (W + "tab", W + "br", W + "cr"):
                out.append((" ", child))
            elif tag == W + "noBreakHyphen":
                out.append(("-", child))
            else:
                walk(child)

    walk(p)
    return out


def _paragraph_text(p) -> str:
    # a paragraph is one line: no line break of its own may split it
    return "".join(t for t, _ in paragraph_pieces(p)).replace("\n", " ").replace("\r", " ")


def paragraph_elements(root) -> list:
    """Every w:p under `root` in document order, table cells and text boxes included."""
    return [p for p in root.iter(W + "p") if not any(a.tag == MC_FALLBACK for a in p.iterancestors())]


_MARKS = (W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")


def _comment_anchors(parts) -> tuple[tuple[int, int, int], ...]:
    """(line of a comment's paragraph, first and last line it is anchored on), 1-based.

    A comment is anchored by commentRangeStart/End and its commentReference, each naming
    its w:id, inside the paragraphs it spans: its lines are those holding any of them. A
    directive written in a comment (inline_control.py) waives what the comment is on."""
    marked: dict[str, list[int]] = {}
    comment_lines: list[tuple[int, str]] = []
    line = 0
    for label, paragraphs in parts:
        for p in paragraphs:
            line += 1
            if label == "comments":
                comment = next((a for a in p.iterancestors(W + "comment")), None)
                if comment is not None:
                    comment_lines.append((line, comment.get(W + "id")))
                continue
            for mark in p.iter(*_MARKS):
                marked.setdefault(mark.get(W + "id"), []).append(line)
    return tuple((at, min(marked[cid]), max(marked[cid])) for at, cid in comment_lines if cid in marked)


def _opening(text: str, words: int = 6) -> str:
    head = text.split()
    return " ".join(head[:words]) + ("…" if len(head) > words else "")


def decode_docx(data: bytes, path: str, options: ReadOptions) -> Source:
    """The text Word shows of the .docx in `data` (bytes within --max-size already)."""
    try:
        import docx  # python-docx: the package's parts and relationships, parsed safely
    except ImportError:  # pragma: no cover - installed with postcheck
        raise InputError(Said("input.docx-needs-python-docx", f"{path}: ")) from None
    _check_archive(data, path, options.max_size)
    try:
        document = docx.Document(io.BytesIO(data))
        parts = [(label, paragraph_elements(root)) for label, _, root in stories(document)]
        anchors = _comment_anchors(parts)
        lines, places = [], []
        for label, paragraphs in parts:
            for n, p in enumerate(paragraphs, 1):
                text = _paragraph_text(p)
                lines.append(text)
                places.append(Place(label, n, _opening(text)))
    except InputError:
        raise
    except Exception:  # python-docx and lxml raise many kinds for a damaged file: all mean the same
        raise InputError(Said("input.docx-unreadable", f"{path}: ")) from None
    return Source(path, "\n".join(lines), places=tuple(places), comment_anchors=anchors)


def stories(document) -> list[tuple[str, object, object]]:
    """(label, part, XML root) of each part read, in the order its lines come in the text: the
    body, then PARTS. A part python-docx does not model is parsed from its bytes, so a caller
    that edits its root writes it back itself (fixing_docx.py)."""
    out = [("body", document.part, document.element.body)]
    related = list(document.part.rels.values())
    for kind, name in PARTS:
        found = sorted((r.target_part for r in related if not r.is_external and r.reltype.endswith("/" + kind)),
                       key=lambda part: str(part.partname))
        for n, part in enumerate(found, 1):
            label = f"{name}{n}" if kind in ("header", "footer") else name
            out.append((label, part, _element(part)))
    return out


def line_starts(text: str) -> list[int]:
    """The offset each line of the read text (one paragraph a line) starts at."""
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def run_of(element):
    """The w:r a piece's element belongs to (None for one outside any run)."""
    return next((a for a in element.iterancestors(W + "r")), None)


def _element(part):
    """The XML root of a part python-docx may not model (footnotes, comments…)."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    return parse_xml(part.blob)


READER = Reader("docx", (".docx",), decode_docx)
