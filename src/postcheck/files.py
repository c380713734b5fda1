"""Opening what the user named, safely: only regular files are read, with a size bound.

A FIFO, a terminal device or a socket named as a draft (or as a configuration or rule
file) would block forever or never end, so it is refused; the check is made on the opened
descriptor (fstat), not on the name beforehand, so that nothing can be swapped in between.
The FIFO is opened non-blocking for that reason: a blocking open of a FIFO waits for a
writer before fstat can say what it is.

Errors are OSError subclasses or plain OSErrors; `reason()` turns any of them into the few
words a one-line message needs.
"""
from __future__ import annotations

import errno
import os
import stat

from .messages import Said

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # absent on Windows, where FIFOs are not files
_BINARY = getattr(os, "O_BINARY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class NotRegularFile(OSError):
    """The path names a FIFO, device or socket."""

    def __init__(self, kind: str):
        super().__init__(errno.EINVAL, f"a {kind}, not a regular file")
        self.kind = kind


def _kind(mode: int) -> Said:
    if stat.S_ISFIFO(mode):
        return Said("kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Said("kind.device")
    if stat.S_ISSOCK(mode):
        return Said("kind.socket")
    return Said("kind.special")


def open_regular(path: str | os.PathLike):
    """A binary file object for `path`, which must be a regular file (symbolic links are
    followed). Raises IsADirectoryError for a folder, NotRegularFile for anything else."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY | _CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if not stat.S_ISREG(mode):
            raise NotRegularFile(_kind(mode))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class TooBig(OSError):
    def __init__(self, size: int | None, limit: int):
        super().__init__(errno.EFBIG, "file too big")
        self.size, self.limit = size, limit


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file `path`, or TooBig when it holds more than `limit`
    (never more than limit + 1 bytes are read, whatever its size claims)."""
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise TooBig(size, limit)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooBig(None, limit)
    return data


_REASONS = {
    errno.ENOENT: "file.no-such-file",
    errno.EACCES: "file.permission",
    errno.EPERM: "file.permission",
    errno.ELOOP: "file.link-loop",
    errno.ENAMETOOLONG: "file.name-too-long",
    errno.ENOTDIR: "file.not-a-folder-part",
    errno.EISDIR: "file.is-folder",
}


def reason(exc: OSError | ValueError) -> Said:
    """A short description of why a file could not be opened or read (English as a str;
    messages.say gives it in the run's language)."""
    if isinstance(exc, ValueError):  # os.open refuses a path holding a NUL character
        return Said("file.bad-name")
    if isinstance(exc, NotRegularFile):
        return Said("file.not-regular", kind=exc.kind)
    if exc.errno in _REASONS:
        return Said(_REASONS[exc.errno])
    return Said("file.cannot-read", detail=exc.strerror or exc.__class__.__name__)
