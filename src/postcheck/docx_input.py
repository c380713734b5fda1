"""Word .docx drafts: the paragraphs and table cells, one paragraph a line, so that a
finding's line is its paragraph number in the document."""
from __future__ import annotations

from .inputs import InputError, Source


def read_docx(path: str) -> Source:
    try:
        import docx  # python-docx: parses the WordprocessingML that hand-written XML code gets wrong
    except ImportError:  # pragma: no cover - installed with postcheck
        raise InputError(f"{path}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except Exception as exc:  # python-docx raises many kinds for a damaged file: all mean the same
        raise InputError(f"{path}: not a readable Word .docx file ({exc.__class__.__name__})") from None
    paragraphs = [p.text for p in document.paragraphs]
    seen = set()
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is listed once per grid position
                    continue
                seen.add(id(cell._tc))
                paragraphs.extend(p.text for p in cell.paragraphs)
    return Source(path, "\n".join(paragraphs))
