"""CRLF (Windows), LF (Unix) and a lone CR (old Mac editors) each end a line: for the
line and column of a finding in every format, and for the line the terminal shows."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck import engine
from postcheck.textmap import LineIndex, lf_line_ends

LINES = [
    "Cả nhà ơi, cuối tuần vui vẻ nhé!",
    "",
    "Mình gửi kèm bản báo cáo mật về vòng đàm phán.",
    "Ai cần thì liên hệ khoa.nd@mofa.gov.vn nhé.",
]
ENDINGS = {
    "lf": ["\n", "\n", "\n", "\n"],
    "crlf": ["\r\n", "\r\n", "\r\n", "\r\n"],
    "cr": ["\r", "\r", "\r", "\r"],
    "mixed": ["\r\n", "\r", "\n", "\r"],
}


def draft(ending: str) -> str:
    return "".join(line + end for line, end in zip(LINES, ENDINGS[ending]))


def where(needle: str) -> tuple[int, int]:
    """The expected (line, column) of `needle`, from the lines themselves."""
    [(line, col)] = [(n + 1, text.index(needle) + 1) for n, text in enumerate(LINES) if needle in text]
    return line, col


@pytest.mark.parametrize("ending", ENDINGS)
def test_line_index(ending):
    text = draft(ending)
    index = LineIndex(text)
    for n, line in enumerate(LINES, 1):
        assert index.line_text(n) == line
        start = index.line_starts[n - 1]
        assert index.line_col(start) == (n, 1)
        if line:
            assert index.line_col(start + len(line) - 1) == (n, len(line))


def test_crlf_is_one_line_end_and_lf_cr_two():
    assert LineIndex("a\r\nb").line_col(3) == (2, 1)
    assert LineIndex("a\n\rb").line_col(3) == (3, 1)
    assert LineIndex("a\r\rb").line_text(2) == ""


def test_lone_cr_becomes_lf_in_place():
    assert lf_line_ends("a\rb\r\nc\n\r") == "a\nb\r\nc\n\n"
    text = "no carriage return"
    assert lf_line_ends(text) is text


@pytest.mark.parametrize("ending", ["crlf", "cr", "mixed"])
def test_library_positions_match_the_lf_draft(check, ending):
    lf = [(f.rule, f.line, f.column, f.match) for f in check(draft("lf"))]
    assert any(rule == "classified.marks" for rule, *_ in lf)
    text = draft(ending)
    found = check(text)
    assert [(f.rule, f.line, f.column, f.match) for f in found] == lf
    for f in found:
        assert text[f.start:f.end] == f.match


def test_a_long_cr_only_draft_is_cut_into_blocks_at_its_lines(rulebook, monkeypatch):
    monkeypatch.setattr(engine, "CHUNK", 400)  # many blocks, without a 200 000-character draft
    filler = ["Hôm nay trời đẹp, cả nhà đi chơi công viên và ăn kem." for _ in range(150)]
    lines = filler + ["Mình gửi kèm bản báo cáo mật về vòng đàm phán."]
    found = [f for f in rulebook.check_text("\r".join(lines) + "\r") if f.rule == "classified.marks"]
    assert [(f.line, f.column) for f in found] == [(151, lines[-1].index("báo cáo mật") + 1)]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "postcheck", *args], capture_output=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture(params=["crlf", "cr", "mixed"])
def saved(request, tmp_path) -> Path:
    path = tmp_path / f"{request.param}.txt"
    path.write_bytes(draft(request.param).encode("utf-8"))  # bytes: no newline translation
    return path


def test_json_and_sarif_positions(saved):
    mark, email = where("báo cáo mật"), where("khoa.nd@mofa.gov.vn")
    report = json.loads(cli("--format", "json", str(saved)).stdout)
    got = {f["rule"]: (f["line"], f["column"]) for f in report["files"][0]["findings"]}
    assert got["classified.marks"] == mark and got["identity.official-email"] == email
    sarif = json.loads(cli("--format", "sarif", str(saved)).stdout)
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]}
    region = regions["classified.marks"]
    assert (region["startLine"], region["startColumn"]) == mark
    assert (region["endLine"], region["endColumn"]) == (mark[0], mark[1] + len("báo cáo mật"))


def test_github_positions(saved):
    out = cli("--format", "github", str(saved)).stdout.decode("utf-8")
    [line] = [x for x in out.splitlines() if "classified.marks" in x]
    mark = where("báo cáo mật")
    assert f"line={mark[0]},col={mark[1]},endColumn={mark[1] + len('báo cáo mật')}," in line


def test_terminal_position_and_context_line(saved):
    out = cli(str(saved)).stdout.decode("utf-8")
    mark = where("báo cáo mật")
    # the word-list finding is the only one on its line (a learned check reporting the whole
    # sentence would group it under the sentence's entry: the JSON report would show it), so
    # its entry opens at its own line:column
    report = json.loads(cli("--format", "json", str(saved)).stdout)
    on_line = [f["rule"] for f in report["files"][0]["findings"] if f["line"] == mark[0]]
    assert on_line == ["classified.marks"]
    assert f"{saved.name}:{mark[0]}:{mark[1]} lỗi 5.2 [classified.marks] “báo cáo mật”" in out.splitlines()[0]
    context = [x.strip() for x in out.splitlines() if x.strip().startswith("│")]
    assert "│ " + LINES[2] in context  # the line itself, not the whole draft
    assert "\r" not in out


def test_markdown_with_cr_only_lines_still_hides_code(tmp_path):
    md = tmp_path / "post.md"
    md.write_bytes("Tiêu đề\r\r```\rtài liệu mật trong code\r```\r\rMình gửi tài liệu mật nhé.\r".encode("utf-8"))
    report = json.loads(cli("--format", "json", str(md)).stdout)
    assert [(f["line"], f["column"]) for f in report["files"][0]["findings"]] == [(7, 10)]


def test_a_match_spanning_a_lone_cr_quotes_the_text_as_written():
    from postcheck import load_rulebook

    text = "Key: -----BEGIN RSA PRIVATE KEY-----\rMIIEowIBAAKCAQEAx1\r-----END RSA PRIVATE KEY-----\rHết."
    found = [f for f in load_rulebook().check_text(text) if f.rule == "account.private-key"]
    assert found and all(f.match == text[f.start:f.end] for f in found)
    assert "\r" in found[0].match
