"""Baselines: accept the findings a repository already has, report only new ones.

A fingerprint is an HMAC-SHA256 of the rule id, the normalized matched text, the path and
the occurrence index of that (rule, text) pair in the file, never the line number: moving
text within a file keeps its fingerprint. The matched text (which may be an OTP, a CCCD or
a phone number) is never stored, and it cannot be recovered by hashing guesses either:
an OTP has a million values, a CCCD a few hundred million, which an unkeyed hash gives up
in seconds. The HMAC key is 32 random bytes made once per repository and kept *beside* the
baseline, in `<baseline>.key`, not inside it: the baseline alone (attached to an issue,
uploaded as a CI artefact, pasted in a review) then reveals nothing. The key may instead be
given in the environment variable POSTCHECK_BASELINE_KEY (a CI secret).

The path in a fingerprint is the file's path relative to its repository's root (the folder
holding `.git`), else to the configuration file's folder, else to the current folder: the
same file checked as `press/a.md` from the root, as `a.md` from inside `press/` or as
`$PWD/press/a.md` keeps its fingerprints. A baseline written from the root before this
keeps them too (the path was relative to the root then).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .files import NotRegularFile, TooBig, read_regular, reason
from .findings import FileReport
from .inputs import InputError
from .messages import Said
from .terms import normalize_term

VERSION = 2  # 1 was unkeyed SHA-256
MAX_BYTES = 64 * 1024 * 1024  # a million fingerprints take 70 MB: no real baseline is near
KEY_ENV = "POSTCHECK_BASELINE_KEY"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def key_path(baseline: Path) -> Path:
    return baseline.with_name(baseline.name + ".key")


@lru_cache(maxsize=4096)
def _repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` that holds `.git` (a folder, or a file in a
    worktree or submodule): git's toplevel, found without running git."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def fingerprint_path(path: str, config_dir: Path | None = None) -> str:
    """`path` as the baseline knows it: relative to the repository root, else to the
    configuration file's folder, else to the current folder (absolute when outside it)."""
    if path in ("-", "<stdin>"):
        return path
    try:
        full = Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop: the name as given is all there is
        return Path(path).as_posix()
    root = _repository_root(full.parent)
    if root is None:
        cwd = Path.cwd().resolve()
        root = config_dir.resolve() if config_dir and full.is_relative_to(config_dir.resolve()) else cwd
    return (full.relative_to(root) if full.is_relative_to(root) else full).as_posix()


def fingerprints(report: FileReport, key: bytes, config_dir: Path | None = None) -> list[str]:
    seen: Counter = Counter()
    out = []
    path = fingerprint_path(report.path, config_dir)
    for f in report.findings:
        text = normalize_term(f.match)
        seen[(f.rule, text)] += 1
        raw = "\x1f".join((f.rule, text, path, str(seen[(f.rule, text)])))
        # surrogateescape: a file name that is not UTF-8 still has its own bytes
        out.append(hmac.new(key, raw.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest())
    return out


def _what(what: str) -> Said:
    return Said(f"what.{what}")


def _read_regular(path: Path, what: str, limit: int) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes: a FIFO would
    block, /dev/zero never ends, a folder cannot be read."""
    try:
        return read_regular(path, limit)
    except FileNotFoundError:
        raise InputError(Said("baseline.not-found", f"{path}: ", what=_what(what))) from None
    except TooBig:
        raise InputError(Said("baseline.too-large", f"{path}: ", what=_what(what), limit=limit)) from None
    except NotRegularFile:
        raise InputError(Said("baseline.not-regular", f"{path}: ", what=_what(what))) from None
    except (OSError, ValueError) as exc:
        raise InputError(Said("baseline.cannot-read", f"{path}: ", what=_what(what), reason=reason(exc))) from None


def _parse_key(text: str, where: str) -> bytes:
    value = text.strip()
    if not re.fullmatch(r"[0-9a-fA-F]{64}", value):
        # never echo the value: it is a secret
        raise InputError(Said("baseline.bad-key", f"{where}: "))
    return bytes.fromhex(value)


def read_key(baseline: Path) -> bytes:
    if os.environ.get(KEY_ENV):
        return _parse_key(os.environ[KEY_ENV], KEY_ENV)
    path = key_path(baseline)
    try:
        data = _read_regular(path, "baseline key", 1024)
    except InputError as exc:
        raise InputError(Said("baseline.key-hint", "", problem=exc.args[0], variable=KEY_ENV)) from None
    try:
        return _parse_key(data.decode("ascii"), str(path))
    except UnicodeDecodeError:
        raise InputError(Said("baseline.bad-key", f"{path}: ")) from None


def _write(path: Path, text: str, what: str, mode: int = 0o644) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise InputError(Said("baseline.cannot-write", f"{path}: ", what=_what(what),
                                    reason=exc.strerror or exc.__class__.__name__)) from None


def write_baseline(path: Path, reports: list[FileReport], config_dir: Path | None = None) -> int:
    """Write the baseline and, unless there is one already (or one in the environment),
    its key; errors are InputError naming the file."""
    if path.is_dir():
        raise InputError(Said("baseline.is-folder", f"{path}: "))
    if not path.parent.is_dir():
        raise InputError(Said("baseline.no-folder", f"{path}: ", folder=path.parent))
    if path.exists() and not path.is_file():
        # a device such as /dev/full, or a FIFO: and no key file is to be made beside it
        raise InputError(Said("baseline.write-not-regular", f"{path}: "))
    if os.environ.get(KEY_ENV) or key_path(path).exists():
        key = read_key(path)  # rewriting keeps the key: nobody needs a new one
    else:
        key = secrets.token_bytes(32)
        # only the owner may read it (0600); written first, so that a baseline on disk
        # always has its key
        _write(key_path(path), key.hex() + "\n", "baseline key", 0o600)
    prints = sorted({fp for r in reports for fp in fingerprints(r, key, config_dir)})
    _write(path, json.dumps({"version": VERSION, "fingerprints": prints}, indent=1) + "\n", "baseline")
    return len(prints)


def read_baseline(path: Path) -> tuple[set[str], bytes]:
    """(accepted fingerprints, key); errors are InputError naming the file."""
    data = _read_regular(path, "baseline", MAX_BYTES)
    try:
        content = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(Said("baseline.not-utf8", f"{path}: ", byte=f"{data[exc.start]:02x}",
                              offset=exc.start)) from None
    except json.JSONDecodeError as exc:
        # a reader is told where the file stops being JSON, not a Python class name
        raise InputError(Said("baseline.not-json", f"{path}: ", line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise InputError(Said("baseline.too-deep", f"{path}: ")) from None
    if not isinstance(content, dict) or not isinstance(content.get("fingerprints"), list):
        raise InputError(Said("baseline.no-fingerprints", f"{path}: ", version=VERSION))
    if content.get("version") == 1:
        raise InputError(Said("baseline.version-1", f"{path}: "))
    if content.get("version") != VERSION:
        raise InputError(Said("baseline.version", f"{path}: ", version=VERSION))
    prints = content["fingerprints"]
    if not all(isinstance(fp, str) and _HEX64.fullmatch(fp) for fp in prints):
        raise InputError(Said("baseline.bad-fingerprints", f"{path}: "))
    return set(prints), read_key(path)


def new_findings(report: FileReport, accepted: set[str], key: bytes, config_dir: Path | None = None) -> FileReport:
    kept = tuple(f for f, fp in zip(report.findings, fingerprints(report, key, config_dir))
                 if fp not in accepted)
    # an accepted secret is not reported, but it is still in the lines and sentences shown
    hidden = tuple((f.start, f.end, f.secret) for f in report.findings if f.hides_span)
    return replace(report, findings=kept, secrets=tuple(sorted(set(report.secrets) | set(hidden))))
