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


# --- readers ------------------------------------------------------------------------------

from postcheck import readers  # noqa: E402
from postcheck.inputs import InputError, Source  # noqa: E402
from postcheck.readers import Reader, expand, reader_for  # noqa: E402


def test_suffixes_come_from_the_registry_in_its_order():
    assert readers.SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
    assert [reader_for(p).name for p in ("a.TXT", "b.Md", "c.markdown", "d.htm", "e.HTML", "f.docx")] == \
        ["text", "markdown", "markdown", "html", "html", "docx"]
    # named on the command line, any other file (and standard input) is plain text
    assert reader_for("notes.rst").name == reader_for("<stdin>").name == "text"


def test_a_registered_reader_is_walked_read_and_viewed(tmp_path, monkeypatch):
    def upper(data: bytes, name: str, options) -> Source:
        return Source(name, data.decode("ascii").upper())

    rst = Reader("shout", (".shout",), upper)
    monkeypatch.setattr(readers, "READERS", readers.READERS + (rst,))
    monkeypatch.setattr(readers, "SUFFIXES", readers.SUFFIXES + rst.suffixes)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.shout").write_bytes(b"hello")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.rst").write_text("x", encoding="utf-8")  # not registered: not a draft in a folder
    found = expand([str(tmp_path)])
    assert sorted(found) == sorted([str(tmp_path / "sub" / "a.shout"), str(tmp_path / "b.txt")])
    assert readers.read(str(tmp_path / "sub" / "a.shout")).text == "HELLO"
    assert readers.prose_view("a.shout", "hello") is None  # no prose view given: the text is its own


def test_the_markup_readers_give_a_prose_view_mapped_to_the_source():
    source = "Gửi <b>tài liệu</b> mật\n"
    view = readers.prose_view("p.html", source)
    k = view.text.text.index("tài liệu mật")
    start, end = view.text.original_span(k, k + len("tài liệu mật"))
    assert source[start:end] == "tài liệu</b> mật"
    assert readers.prose("p.md", "Gửi `mã` **mật**\n").strip() == "Gửi  mật"
    assert readers.prose_view("p.txt", source) is None and readers.prose("p.txt", source) == source


def test_a_folder_with_no_drafts_is_named_so_whatever_its_suffix(tmp_path):
    for name in ("empty", "empty.docx", "empty.md"):
        (tmp_path / name).mkdir()
        with pytest.raises(InputError) as caught:
            readers.read(str(tmp_path / name))
        assert str(caught.value) == (f"{tmp_path / name}: is a folder with no drafts "
                                     "(.txt .md .markdown .html .htm .docx files)")


def test_size_bound_and_decoding_errors_are_the_readers_own(tmp_path):
    big = tmp_path / "big.docx"
    big.write_bytes(b"PK" + b"\0" * 3000)
    with pytest.raises(InputError, match=r"big\.docx: more than|big\.docx: 0\.\d+ MB is over"):
        readers.read(str(big), max_size=2048)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match=r"bad\.docx: not a Word \.docx file: a \.docx is a zip archive and this file is not one"):
        readers.read(str(bad))
    nul = tmp_path / "nul.md"
    nul.write_bytes(b"a\0b")
    with pytest.raises(InputError, match=r"nul\.md: binary file \(contains NUL bytes\)"):
        readers.read(str(nul))
