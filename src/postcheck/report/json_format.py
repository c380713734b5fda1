"""`--format json`: exactly one JSON object,
{"version": 1, "files": [{"path", "findings": [...]}], "summary": {...}}, described by the
JSON Schema shipped beside this package (schemas/report.schema.json; FORMAT_VERSION goes
up only when a field is removed or changes meaning: fields may be added).

Every finding is kept (the text report merges a sentence's findings into one entry);
`sentence` numbers the entry it belongs to (entries.py), 1-based within its file, so
findings with the same number are the text report's one entry.

Written out finding by finding, so that a file with tens of thousands of findings never
exists twice in memory as a list of dicts and one big string."""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..entries import sentence_numbers
from ..findings import FileReport


FORMAT_VERSION = 1


def chunks(reports: Iterable[FileReport]) -> Iterator[str]:
    counts = dict.fromkeys(("findings", "error", "warning", "info", "files_checked", "files_unread", "waived"), 0)
    yield f'{{"version": {FORMAT_VERSION}, "files": ['
    for n, r in enumerate(reports):
        counts["files_unread" if r.error else "files_checked"] += 1
        counts["findings"] += len(r.findings)
        counts["waived"] += len(r.waived)
        for f in r.findings:
            counts[f.severity] += 1
        yield (",\n" if n else "\n") + '  {"path": ' + json.dumps(r.path, ensure_ascii=False)
        if r.error:
            yield ', "error": ' + json.dumps(r.error, ensure_ascii=False)
        if r.notice:
            yield ', "notice": ' + json.dumps(r.notice, ensure_ascii=False)
        yield ', "findings": ['
        sentence = sentence_numbers(r)
        for k, f in enumerate(r.findings):
            yield (",\n    " if k else "\n    ") + json.dumps(dict(f.as_json(), sentence=sentence[id(f)]),
                                                             ensure_ascii=False)
        yield "\n  ]" if r.findings else "]"
        if r.waived:  # what directives in the draft waived, with their reasons
            yield ', "waived": ' + json.dumps([dict(w.finding.as_json(), reason=w.reason) for w in r.waived],
                                               ensure_ascii=False)
        yield "}"
    # the text report's last line, for a script that wants only the totals
    yield '\n], "summary": ' + json.dumps(counts) + "}\n"


def render(reports: list[FileReport]) -> str:
    return "".join(chunks(reports))


def write(reports: list[FileReport], options, out) -> None:
    out.writelines(chunks(reports))
