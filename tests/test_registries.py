"""The registries at the edges: reporters behind --format, readers behind file suffixes."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from postcheck.findings import FileReport, Finding
from postcheck.report import REPORTERS, Reporter, ReportOptions

TEXT = "Mình gửi kèm bản báo cáo mật nhé.\n"


def _reports() -> list[FileReport]:
    start = TEXT.index("báo cáo mật")
    finding = Finding("classified.marks", "5.2", "error", 1, start + 1, start, start + len("báo cáo mật"),
                      "báo cáo mật", "“báo cáo mật”: tài liệu mật", "Xoá đi")
    return [FileReport("a.txt", (finding,), text=TEXT)]


def test_format_choices_are_the_registry():
    from postcheck import cli

    assert [f.value for f in cli.Format] == list(REPORTERS) == ["text", "json", "sarif", "github"]


@pytest.mark.parametrize("name", list(REPORTERS))
def test_every_reporter_writes_through_the_one_signature(name, rulebook):
    reporter: Reporter = REPORTERS[name]
    out = io.StringIO()
    reporter.write(_reports(), ReportOptions("en", tuple(rulebook.rules)), out)
    written = out.getvalue()
    assert "classified.marks" in written and written.endswith("\n")
    if name in ("json", "sarif"):
        json.loads(written)
    assert reporter.for_people is (name == "text")


def test_the_cli_writes_through_the_registry(rulebook, monkeypatch, capsys):
    from postcheck import cli

    seen = []

    class Count:
        for_people = False

        def write(self, reports, options, out):
            seen.append((len(reports), options.lang, options.group))
            out.write(f"{sum(len(r.findings) for r in reports)} finding\n")

    monkeypatch.setitem(REPORTERS, "json", Count())
    cli._print(_reports(), cli.Format.json, "en", rulebook, False, False, "clause")
    assert capsys.readouterr().out == "1 finding\n"
    assert seen == [(1, "en", "clause")]


def test_the_registry_imports_no_reporter_until_one_writes():
    # a JSON run never pays for rich, which only the text report needs
    code = ("import sys, io; from postcheck.report import REPORTERS, ReportOptions; "
            "assert 'rich' not in sys.modules and 'postcheck.report.terminal' not in sys.modules; "
            "REPORTERS['json'].write([], ReportOptions(), io.StringIO()); "
            "print('rich' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
