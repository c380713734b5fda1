"""Output formats behind --format: one Reporter protocol, one registry (REPORTERS).

Every format is written the same way, `write(reports, options, out)`: the file reports,
the run's ReportOptions (each format reads what it needs of them) and a text stream. The
CLI picks the stream (output.py) from `for_people`: the text report goes to a stream that
is switched to UTF-8 or folded to ASCII, the machine formats to one that always writes
UTF-8 bytes. A new format is a module with a `write` function and one line in REPORTERS;
--format offers whatever REPORTERS holds.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, Sequence, TextIO

if TYPE_CHECKING:
    from ..findings import FileReport


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "vi"
    rules: Sequence = ()  # the rulebook's rules: sarif describes each rule it reports
    quiet: bool = False  # text: the summary only
    statistics: bool = False  # text: findings per clause and rule, and what was waived
    group: str = "file"  # text: entries by file ("file") or under each clause ("clause")


class Reporter(Protocol):
    # written for people on a console: a stream that may fold to ASCII, a progress bar
    for_people: bool

    def write(self, reports: list[FileReport], options: ReportOptions, out: TextIO) -> None: ...


@dataclass(frozen=True)
class _Module:
    """The reporter that a module's `write` function is, imported when first used: the
    text report needs rich, which a JSON run should not pay to import."""

    module: str
    for_people: bool = False

    def write(self, reports: list[FileReport], options: ReportOptions, out: TextIO) -> None:
        import_module(f"{__name__}.{self.module}").write(reports, options, out)


REPORTERS: dict[str, Reporter] = {
    "text": _Module("terminal", for_people=True),
    "json": _Module("json_format"),
    "sarif": _Module("sarif"),
    "github": _Module("github"),
}
