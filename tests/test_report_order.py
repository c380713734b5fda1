"""Issue 16, the report: reading order, one entry per sentence, lines that fit the
terminal, plain text under NO_COLOR, a summary that counts what was and was not read."""
from __future__ import annotations

import io
import json
import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from postcheck.cli import check_app
from postcheck.entries import entries
from postcheck.findings import FileReport, Finding
from postcheck.report.fit import window, wrap
from postcheck.report.terminal import render

LONG_MESSAGE = ("lời lẽ xúc phạm, thiếu tôn trọng người khác; diễn đạt lại bằng ngôn ngữ chuẩn mực, "
                "lịch sự và tôn trọng người đọc trên mạng xã hội")


def _finding(text: str, match: str, rule: str, clause: str, severity: str = "error", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(match, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(rule, clause, severity, line, column, start, start + len(match), match,
                   f"“{match}”: {LONG_MESSAGE}", "Góp ý trên tinh thần tôn trọng.")


# three hits in one sentence of line 1, one on line 3, one in the second sentence of line 1
TEXT_A = ("Bọn kế toán là lũ ăn hại, đm, đồ ngu. Tài liệu mật gửi kèm.\n"
          "Dòng này không có gì.\n"
          "Trong sáng nay, lũ ăn hại lại đến.\n")
TEXT_B = "Bản báo cáo mật đây.\n"


def _reports() -> list[FileReport]:
    a = [  # given out of order, as clause grouping once put them
        _finding(TEXT_A, "lũ ăn hại", "language.insult", "4.1", nth=1),
        _finding(TEXT_A, "Tài liệu mật", "classified.marks", "5.2"),
        _finding(TEXT_A, "đồ ngu", "language.insult", "4.1"),
        _finding(TEXT_A, "đm", "language.profanity", "4.1"),
        _finding(TEXT_A, "lũ ăn hại", "language.insult", "4.1", "warning"),
    ]
    b = [_finding(TEXT_B, "báo cáo mật", "classified.marks", "5.2")]
    return [FileReport("a.txt", tuple(a), text=TEXT_A), FileReport("b.txt", tuple(b), text=TEXT_B)]


def _render(reports, width=80, lang="vi", group="file", statistics=False, **console_options) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, highlight=False, soft_wrap=True, **console_options)
    render(reports, lang, console, width=width, group=group, statistics=statistics)
    return buffer.getvalue()


def _places(out: str) -> list[str]:
    """The line:column of every entry head and every reason, in the order printed."""
    return re.findall(r"(?m)^(?:[ab]\.txt:|    • )(\d+:\d+) ", out)


def test_entries_come_in_reading_order_file_then_position():
    out = _render(_reports())
    heads = re.findall(r"(?m)^([ab]\.txt:\d+:\d+) ", out)
    assert heads == ["a.txt:1:16", "a.txt:1:39", "a.txt:3:17", "b.txt:1:5"]
    # a merged entry's head, then its reasons, each with its own place
    assert _places(out) == ["1:16", "1:16", "1:27", "1:31", "1:39", "3:17", "1:5"]


def test_a_sentence_with_three_hits_is_one_entry_listing_each_reason():
    out = _render(_reports())
    first = out.split("\n\n")[0]
    assert first.startswith("a.txt:1:16 lỗi 4.1 — 3 vấn đề trong câu này:")
    assert first.count("    • ") == 3
    assert "[language.profanity]" in first and "Tài liệu mật" not in first.split("│")[0]
    # the advice all three share is given once
    assert first.count("gợi ý: Góp ý trên tinh thần tôn trọng.") == 1
    # a lone finding keeps the one-line form, its clause beside the severity
    assert "a.txt:1:39 lỗi 5.2 [classified.marks] “Tài liệu mật”" in out


def test_json_keeps_every_finding_and_numbers_its_sentence(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Mấy ông bên phòng kế toán đúng là lũ ăn hại, đm.\nMình gửi báo cáo mật.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(check_app, ["--format", "json", str(draft)], env={"GITHUB_ACTIONS": ""})
    found = json.loads(result.stdout)["files"][0]["findings"]
    by_line = {}
    for f in found:
        by_line.setdefault(f["line"], set()).add(f["sentence"])
    assert len([f for f in found if f["line"] == 1]) >= 2  # every finding kept ...
    assert by_line == {1: {1}, 2: {2}}  # ... each with its sentence's number


def test_clause_grouping_stays_available_with_entries_merged_per_clause():
    out = _render(_reports(), group="clause")
    headings = [line for line in out.splitlines() if line.startswith("Điều ")]
    assert headings == ["Điều 4 khoản 1 — ngôn ngữ chuẩn mực, lịch sự",
                        "Điều 5 khoản 2 — bí mật, tài liệu chưa được phép công bố, nội bộ, nhân sự"]
    clause_52 = out.split(headings[1])[1]
    assert re.findall(r"(?m)^([ab]\.txt:\d+:\d+) ", clause_52) == ["a.txt:1:39", "b.txt:1:5"]


@pytest.mark.parametrize("width", [60, 80, 160])
def test_no_line_is_wider_than_the_terminal_and_no_word_is_cut(width):
    long_line = "Mở đầu " + "rất dài " * 30 + "báo cáo mật" + " kết thúc" * 30 + ".\n"
    report = FileReport("long.txt", (_finding(long_line, "báo cáo mật", "classified.marks", "5.2"),), text=long_line)
    out = _render(_reports() + [report], width=width)
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    words = set(" ".join(TEXT_A.split() + TEXT_B.split() + long_line.split() + LONG_MESSAGE.split()).split())
    for line in lines:
        if "│" in line:  # the excerpt: whole words of the draft only, ellipses at cut ends
            shown = line.split("│ ", 1)[1].strip("…")
            assert set(shown.split()) <= words, line
    # the message's words reach the reader whole, in order
    assert " ".join(LONG_MESSAGE.split()) in " ".join(out.split())
    assert "│ …" in out and "báo cáo mật" in [line for line in lines if "│" in line][-1]


def test_a_pipe_gets_whole_lines_for_grep():
    out = _render(_reports(), width=None)
    assert any(line.endswith(LONG_MESSAGE) for line in out.splitlines())


def test_window_cuts_at_spaces_around_the_match():
    line = "một hai ba bốn năm sáu bảy tám chín mười báo cáo mật một hai ba bốn năm sáu bảy tám"
    start = line.index("báo cáo mật")
    left, right = window(line, [(start, start + 11)], 30)
    assert left <= start and right >= start + 11 and right - left <= 28
    assert (left == 0 or line[left - 1] == " ") and (right == len(line) or line[right] == " ")


def test_wrap_keeps_styles_and_indents_continuations():
    lines = wrap([("lỗi", "red"), (" một hai ba bốn năm", None)], 10, "  ")
    assert lines[0][0] == ("lỗi", "red")
    assert all(sum(cell_len(t) for t, _ in line) <= 10 for line in lines)
    assert all(line[0] == ("  ", None) for line in lines[1:])


@pytest.mark.parametrize("options", [
    {"force_terminal": True, "color_system": "truecolor", "no_color": True},
    {"force_terminal": False},
])
def test_plain_output_has_no_escape_codes_at_all(options):
    # NO_COLOR and pipes: no colour, and no bold, underline or reverse either
    out = _render(_reports(), group="clause", statistics=True, **options)
    assert "\x1b" not in out


def test_no_color_environment_makes_the_cli_console_plain(monkeypatch):
    from postcheck import cli_common

    monkeypatch.setenv("NO_COLOR", "1")
    console = cli_common._console(file=io.StringIO(), force_terminal=True)
    render(_reports(), "vi", console, statistics=True, group="clause", width=80)
    console.print("x", style="bold")  # explain and rules print through the same console
    assert "\x1b" not in console.file.getvalue()


def test_colour_terminal_still_highlights():
    assert "\x1b[" in _render(_reports(), force_terminal=True, color_system="truecolor")


def test_summary_counts_unread_files_and_never_says_no_problems():
    unread = FileReport("missing.txt", error="missing.txt: no such file")
    clean = FileReport("ok.txt", (), text="Chào buổi sáng.\n")
    out = _render([clean, unread], width=None)
    assert "Không phát hiện vấn đề nào" not in out
    assert "đã kiểm tra 1 tệp; 1 tệp không đọc được" in out
    out = _render(_reports() + [unread], lang="en", width=None)
    assert out.rstrip().endswith("5 errors, 1 warning — 2 files checked; 1 file not read, so not checked "
                                 "(see the errors above).")
    assert _render([clean]).rstrip() == "Không phát hiện vấn đề nào (đã kiểm tra 1 tệp)."


def test_a_missing_file_beside_findings_exits_2_and_still_reports_them(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Mình gửi báo cáo mật.\n", encoding="utf-8")
    result = CliRunner().invoke(check_app, [str(draft), str(tmp_path / "none.txt")],
                                env={"NO_COLOR": "1", "GITHUB_ACTIONS": ""})
    assert result.exit_code == 2  # an unread file outranks findings (cli.py, README)
    assert "[classified.marks]" in result.stdout
    assert "1 lỗi — đã kiểm tra 1 tệp; 1 tệp không đọc được" in result.stdout


def test_entries_without_text_are_one_per_finding():
    report = _reports()[0]
    bare = FileReport("a.txt", report.findings)
    assert len(entries(bare)) == len(report.findings)
    assert [e.sentence for e in entries(report)] == [1, 2, 3]


def test_a_docx_entry_names_its_word_paragraph_once(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Mình gửi kèm bản báo cáo mật, đm.")
    doc.save(tmp_path / "w.docx")
    result = CliRunner().invoke(check_app, [str(tmp_path / "w.docx")], env={"NO_COLOR": "1", "GITHUB_ACTIONS": ""})
    assert "— 2 vấn đề trong câu này:" in result.stdout
    assert result.stdout.count("¶ thân bài, đoạn 1:") == 1
