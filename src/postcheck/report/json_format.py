"""`--format json`: exactly one JSON object, {"files": [{"path", "findings": [...]}]}."""
from __future__ import annotations

import json

from ..findings import FileReport


def render(reports: list[FileReport]) -> str:
    files = []
    for r in reports:
        entry = {"path": r.path, "findings": [f.as_json() for f in r.findings]}
        if r.error:
            entry["error"] = r.error
        if r.notice:
            entry["notice"] = r.notice
        files.append(entry)
    return json.dumps({"files": files}, ensure_ascii=False, indent=2)
