"""Baselines: accept the findings a repository already has, report only new ones.

A fingerprint is a hash of the rule id, the normalized matched text, the path and the
occurrence index of that (rule, text) pair in the file, never the line number: moving
text within a file keeps its fingerprint, and the matched text itself (which may be a
secret) is never stored.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from .findings import FileReport
from .inputs import InputError
from .terms import normalize_term

VERSION = 1


def fingerprints(report: FileReport) -> list[str]:
    seen: Counter = Counter()
    out = []
    path = Path(report.path).as_posix()
    for f in report.findings:
        text = normalize_term(f.match)
        seen[(f.rule, text)] += 1
        raw = "\x1f".join((f.rule, text, path, str(seen[(f.rule, text)])))
        out.append(hashlib.sha256(raw.encode("utf-8")).hexdigest())
    return out


def write_baseline(path: Path, reports: list[FileReport]) -> int:
    prints = sorted({fp for r in reports for fp in fingerprints(r)})
    path.write_text(json.dumps({"version": VERSION, "fingerprints": prints}, indent=1) + "\n", encoding="utf-8")
    return len(prints)


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a postcheck baseline ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("fingerprints"), list):
        raise InputError(f"{path}: not a postcheck baseline (expected version {VERSION} with 'fingerprints')")
    return set(data["fingerprints"])


def new_findings(report: FileReport, accepted: set[str]) -> FileReport:
    kept = tuple(f for f, fp in zip(report.findings, fingerprints(report)) if fp not in accepted)
    return replace(report, findings=kept)
