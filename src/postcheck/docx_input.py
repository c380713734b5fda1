"""Word .docx drafts: the paragraphs and table cells, one paragraph a line, so that a
finding's line is its paragraph number in the document.

A .docx is a zip archive, and a small one can expand enormously (3.6 MB of zip held 1.5 GB
of document.xml, which took 259 s and 7 GB to parse). So --max-size bounds the file
itself, then, from the archive's directory and before anything is decompressed, each
part's uncompressed size, all parts' together and their number; python-docx then reads
the archive from the bytes already checked. The sizes the directory declares are also
what Python's zipfile stops decompressing at (and a part that holds more fails its CRC),
so a lying directory cannot get past the bound either.
"""
from __future__ import annotations

import io
import zipfile

from .files import reason
from .inputs import DEFAULT_MAX_SIZE, InputError, Source, over_limit, read_regular_bounded

MAX_PARTS = 1000  # a long report with pictures has about a hundred parts


def _checked_archive(path: str, max_size: int | None) -> bytes:
    """The file's bytes, once its zip directory is within the limits."""
    try:
        data = read_regular_bounded(path, max_size)
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: {reason(exc)}") from None
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{path}: not a readable Word .docx file ({exc.__class__.__name__})") from None
    if len(parts) > MAX_PARTS:
        raise InputError(f"{path}: {len(parts)} parts in the .docx archive, more than the {MAX_PARTS} allowed")
    if max_size is not None:
        for part in parts:
            if part.file_size > max_size:
                raise InputError(f"{path}: part {part.filename[:80]!r} of the .docx: "
                                 f"{over_limit(part.file_size, max_size)} (uncompressed)")
        total = sum(p.file_size for p in parts)
        if total > max_size:
            raise InputError(f"{path}: all parts of the .docx uncompressed: {over_limit(total, max_size)}")
    return data


def read_docx(path: str, max_size: int | None = DEFAULT_MAX_SIZE) -> Source:
    try:
        import docx  # python-docx: parses the WordprocessingML that hand-written XML code gets wrong
    except ImportError:  # pragma: no cover - installed with postcheck
        raise InputError(f"{path}: reading .docx needs python-docx (pip install python-docx)") from None
    data = _checked_archive(path, max_size)
    try:
        document = docx.Document(io.BytesIO(data))
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
