"""Standard output for reports, whatever encoding the console or a redirection gives it.

On Windows a redirection (`postcheck draft.txt > report.txt`), an older console or
PYTHONIOENCODING can give standard output cp1252 or ASCII, which cannot hold Vietnamese.
Machine formats (json, sarif, github) are read by programs that expect UTF-8, so they skip
the text layer and write UTF-8 bytes (LF line ends on every system). The text report is
for people: standard output is switched to UTF-8 where the stream allows it, and otherwise
the report is folded to ASCII ("mật" → "mat") when the stream cannot hold it, with a notice.

Every failure to write (a full disk, a closed pipe, a closed or unencodable stream)
becomes ReportNotWritten. It is not an OSError on purpose: rich turns a BrokenPipeError
into exit 1 (postcheck's "findings") and click does the same with an EPIPE OSError, but a
report that was not written must never look like a normal result.
"""
from __future__ import annotations

import codecs
import errno
import os
import sys
import unicodedata

from .messages import Said, say, ui

FOLD = "postcheck.fold"  # the codec error handler below
# what writing can fail with (reading files has its own errors, in inputs.py)
WRITE_ERRNOS = {getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EPIPE", "EIO") if hasattr(errno, name)}

# what NFKD cannot take apart: đ is a letter of its own; the report's box and arrow marks
_ASCII = {"đ": "d", "Đ": "D", "│": "|", "→": "->", "—": "-", "–": "-", "“": '"', "”": '"',
          "‘": "'", "’": "'", "•": "*", "…": "..."}


class ReportNotWritten(Exception):
    """The report could not be written. `closed`: the reader went away (a broken pipe),
    which the CLI reports silently, like other command-line tools."""

    def __init__(self, reason, closed: bool = False):  # reason: a str or a Said
        super().__init__(reason)
        self.closed = closed


def _fold_error(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        folded = _ASCII.get(ch)
        if folded is None:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            folded = base if base.isascii() else "?"
        out.append(folded)
    return "".join(out), exc.end


codecs.register_error(FOLD, _fold_error)


def fold(text: str) -> str:
    """`text` in ASCII: letters without their marks ("Điều" → "Dieu"), '?' for the rest."""
    return text.encode("ascii", FOLD).decode("ascii")


def _is_utf(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "").name.startswith("utf")
    except LookupError:
        return False


def failure(exc: BaseException) -> ReportNotWritten:
    if isinstance(exc, BrokenPipeError) or getattr(exc, "errno", None) == errno.EPIPE or (
            os.name == "nt" and getattr(exc, "errno", None) == errno.EINVAL):
        # Windows reports a pipe whose reader has gone as EINVAL
        return ReportNotWritten(Said("output.pipe-closed"), closed=True)
    if isinstance(exc, UnicodeEncodeError):
        return ReportNotWritten(Said("output.cannot-hold", encoding=exc.encoding))
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return ReportNotWritten(Said("output.no-space"))
    if isinstance(exc, OSError):
        return ReportNotWritten(exc.strerror or str(exc))
    return ReportNotWritten(Said("output.closed"))  # ValueError: I/O on a closed file


class _Output:
    """A write-only text stream over another; every failure surfaces as ReportNotWritten.
    isatty and fileno are passed through, so that rich still detects a terminal (colours,
    Windows console calls) exactly as it would on the stream itself."""

    def __init__(self, stream, write, encoding: str):
        self._stream = stream
        self._write = write
        self.encoding = encoding
        self.folded = False  # the text report had to drop diacritics

    def write(self, text: str) -> int:
        try:
            self._write(text)
        except (OSError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
            raise failure(exc) from None
        return len(text)

    def writelines(self, parts) -> None:
        for part in parts:
            self.write(part)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError) as exc:
            raise failure(exc) from None

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (AttributeError, ValueError):
            return False

    def fileno(self) -> int:
        return self._stream.fileno()


def _stdout():
    if sys.stdout is None:  # pythonw.exe, or a service without a console
        raise ReportNotWritten(Said("output.no-stdout"))
    return sys.stdout


def machine_stream() -> _Output:
    """Standard output for json, sarif and github: UTF-8 bytes whatever its encoding."""
    stream = _stdout()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only replacement (an IDE, a test harness): it takes str
        return _Output(stream, stream.write, getattr(stream, "encoding", None) or "utf-8")
    try:
        stream.flush()  # anything written as text before goes out first
    except (OSError, ValueError) as exc:
        raise failure(exc) from None
    return _Output(buffer, lambda text: buffer.write(text.encode("utf-8")), "utf-8")


class _Folding(_Output):
    """The text report on a stream that stays in a legacy encoding. Once one line needs
    folding, every line is folded: a report half with and half without diacritics would
    read as if the draft itself were written that way."""

    def __init__(self, stream, encoding: str):
        super().__init__(stream, self._fold_write, encoding)

    def _fold_write(self, text: str) -> None:
        if not self.folded:
            try:
                text.encode(self.encoding)
            except UnicodeEncodeError:
                self.folded = True
        self._stream.write(fold(text) if self.folded else text)


def text_stream() -> _Output:
    """Standard output for people: switched to UTF-8 where it can be, else folding."""
    stream = _stdout()
    encoding = getattr(stream, "encoding", None)
    if not _is_utf(encoding):
        try:
            stream.reconfigure(encoding="utf-8")
            encoding = "utf-8"
        except (AttributeError, OSError, ValueError):  # not a TextIOWrapper, or one that refuses
            pass
    if _is_utf(encoding):
        return _Output(stream, stream.write, "utf-8")
    try:
        encoding = codecs.lookup(encoding or "").name
    except LookupError:  # a stream that names no codec Python knows: only ASCII is safe
        encoding = "ascii"
    return _Folding(stream, encoding)


def notice(out: _Output) -> str | None:
    """The one line to print on standard error when the text report lost its diacritics."""
    if not out.folded:
        return None
    return ui("output.folded", encoding=out.encoding)


def utf8_stderr() -> None:
    """Messages on standard error in UTF-8 too: a CI log or a redirected 2> on Windows
    would otherwise show a Vietnamese file name as \\u escapes. Never fails."""
    stream = sys.stderr
    if stream is not None and not _is_utf(getattr(stream, "encoding", None)):
        try:
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
        except (AttributeError, OSError, ValueError):
            pass  # messages keep the stream's own errors="backslashreplace"


def give_up(exc: ReportNotWritten, to: str | None = "standard output") -> None:
    """Say why nothing more could be written (nothing for a closed pipe), and point standard
    output at the null device so that the exit's final flush does not fail a second time."""
    if not exc.closed:
        said = ui("output.cannot-write-stdout" if to else "output.cannot-write", reason=say(exc))
        try:
            print(f"postcheck: error: {said}", file=sys.stderr, flush=True)
        except (OSError, ValueError):
            pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no file descriptor: nothing is buffered there
        pass
