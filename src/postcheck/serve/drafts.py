"""A pasted or dropped draft → the report `--format json` would give for it.

Nothing here touches the disk: a dropped file arrives as bytes and is read from memory
by the reader of its suffix, the one the command line uses (readers/)."""
from __future__ import annotations

import json

from ..findings import FileReport
from ..inputs import STDIN, InputError, Source, too_big
from ..masking import mask_report
from ..messages import Said, say
from ..readers import SUFFIXES, ReadOptions, reader_for
from ..report.json_format import render
from ..runner import check_source


class DraftError(ValueError):
    """What the client sent cannot be checked; the message says why (a 400)."""


class Checker:
    """The warm rulebook, built once when the server starts: a short draft then takes a few
    milliseconds instead of the second a cold start costs."""

    def __init__(self, rulebook, max_size: int):
        self.rulebook = rulebook
        self.max_size = max_size

    def check_text(self, text: str, lang: str) -> str:
        """The JSON of `--format json` for a pasted draft (read as standard input is)."""
        report = check_source(self.rulebook, Source(STDIN, text), lang)
        return render([mask_report(report)])

    def check_file(self, data: bytes, name: str, lang: str) -> str:
        """The same JSON for a dropped file, plus the file's text as read ("text", secrets
        masked, offsets kept): the page has no other way to show where findings are."""
        if not name.lower().endswith(SUFFIXES):
            raise DraftError(Said("api.not-a-draft", f"{name}: ", suffixes=" ".join(SUFFIXES)))
        try:
            # as readers.read bounds a file before its reader sees the bytes
            if len(data) > self.max_size:
                raise too_big(name, len(data), self.max_size)
            source = reader_for(name).decode(data, name, ReadOptions(None, self.max_size))
        except InputError as exc:
            report = FileReport(name, (), say(exc, lang))  # the page shows it as it is
        else:
            report = mask_report(check_source(self.rulebook, source, lang))
        # rendered with its text, as the command renders it: `sentence` numbers the entries
        # of a sentence holding two findings once, not each finding apart
        out = json.loads(render([report]))
        out["files"][0]["text"] = report.text or ""
        return json.dumps(out, ensure_ascii=False)
