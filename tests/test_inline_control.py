"""Issue 16: waiving one occurrence in the draft, with a reason, as Vale and textlint
users expect; waived findings stay visible to reviewers (--statistics, the summary, JSON)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from postcheck.cli import check_app
from postcheck.findings import Finding
from postcheck.inline_control import RULE_ID, apply

ELECTION = "Cuộc bầu cử ở Venezuela năm nay gian lận trắng trợn."
INSULT = "Mấy ông bên phòng kế toán đúng là lũ ăn hại, đm."
SECRET = "Mình gửi kèm bản báo cáo mật."


def run(*args: str):
    return CliRunner().invoke(check_app, list(args), env={"NO_COLOR": "1", "GITHUB_ACTIONS": ""})


def findings_of(path) -> tuple[list[dict], list[dict]]:
    data = json.loads(run("--format", "json", str(path)).stdout)["files"][0]
    return data["findings"], data.get("waived", [])


def rules(found: list[dict]) -> set[str]:
    return {f["rule"] for f in found}


def test_txt_directive_at_the_end_of_a_line_waives_that_line_only(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(f"{ELECTION} postcheck: bỏ qua 5.7 — trích dẫn bài đã đăng\n{ELECTION}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert {f["line"] for f in found if f["clause"] == "5.7"} == {2}
    assert {(w["line"], w["reason"]) for w in waived} == {(1, "trích dẫn bài đã đăng")}


def test_txt_directive_alone_on_its_line_waives_the_next_line(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(f"postcheck: ignore 4.1 -- quoting a complaint verbatim\n{INSULT}\n{INSULT}\n",
                     encoding="utf-8")
    found, waived = findings_of(draft)
    assert {f["line"] for f in found} == {3}
    assert {w["line"] for w in waived} == {2} and "language.insult" in rules(waived)


def test_a_directive_waives_only_what_it_names(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(f"postcheck: bỏ qua language.profanity — trích nguyên văn\n{INSULT}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert rules(waived) == {"language.profanity"}
    assert "language.insult" in rules(found)


@pytest.mark.parametrize("line", ["postcheck: bỏ qua 5.2", "postcheck: ignore 5.2 —", "postcheck: bỏ qua 5.2 — "])
def test_a_directive_without_a_reason_waives_nothing_and_warns(tmp_path, line):
    draft = tmp_path / "d.txt"
    draft.write_text(f"{line}\n{SECRET}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert not waived
    assert "classified.marks" in rules(found)
    [warning] = [f for f in found if f["rule"] == RULE_ID]
    assert warning["severity"] == "warning" and warning["line"] == 1 and warning["clause"] == "5.2"
    assert "không ghi lý do" in warning["message"]


def test_a_directive_naming_no_known_rule_or_clause_warns(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(f"postcheck: bỏ qua langauge.insult — gõ nhầm\n{INSULT}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert not waived and RULE_ID in rules(found) and "language.insult" in rules(found)


@pytest.mark.parametrize("target", ["9.9", "langauge.insult", "4.9"])
@pytest.mark.parametrize("fmt", [["--group", "clause"], ["--format", "sarif"], ["--format", "json"]])
def test_a_misspelt_target_files_its_warning_under_a_real_clause(tmp_path, target, fmt):
    # the warning took the misspelt target as its clause: --group clause then had no
    # heading for "9.9" and crashed with a traceback
    draft = tmp_path / "d.txt"
    draft.write_text(f"postcheck: bỏ qua {target} — gõ nhầm\n{SECRET}\n", encoding="utf-8")
    result = run(*fmt, str(draft))
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit), result.output
    found, _ = findings_of(draft)
    assert [f["clause"] for f in found if f["rule"] == RULE_ID] == ["4.2"]


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_disable_enable_comments_in_markup(tmp_path, suffix):
    draft = tmp_path / f"d{suffix}"
    draft.write_text(f"<p>{ELECTION}</p>\n<!-- postcheck-disable 5.7 -- trích dẫn phát biểu chính thức -->\n"
                     f"<p>{ELECTION}</p>\n<p>{SECRET}</p>\n<!-- postcheck-enable -->\n<p>{ELECTION}</p>\n",
                     encoding="utf-8")
    found, waived = findings_of(draft)
    assert {f["line"] for f in found if f["clause"] == "5.7"} == {1, 6}
    assert {w["line"] for w in waived} == {3}
    assert "classified.marks" in rules(found)  # 5.7 was disabled, not 5.2


def test_a_disable_without_enable_runs_to_the_end_and_bare_disable_waives_all(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(f"{SECRET}\n\n<!-- postcheck-disable — bài trích dẫn, đã được duyệt -->\n{ELECTION}\n\n{INSULT}\n",
                     encoding="utf-8")
    found, waived = findings_of(draft)
    assert [f["line"] for f in found] == [1]
    assert {w["line"] for w in waived} == {4, 6}


def test_the_txt_line_form_is_not_read_in_markup_where_readers_would_see_it(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(f"{ELECTION} postcheck: bỏ qua 5.7 — lý do\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert not waived and "foreign.internal-affairs" in rules(found)


def test_docx_paragraph_directive(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("postcheck: bỏ qua 5.7 — trích dẫn thông cáo báo chí")
    doc.add_paragraph(ELECTION)
    doc.add_paragraph(ELECTION)
    doc.save(tmp_path / "d.docx")
    found, waived = findings_of(tmp_path / "d.docx")
    assert {w["line"] for w in waived} == {2} and {f["line"] for f in found} == {3}


def test_waivers_are_listed_by_statistics_and_counted_in_the_summary(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(f"{ELECTION} postcheck: bỏ qua 5.7 — trích dẫn bài đã đăng\n", encoding="utf-8")
    out = run("--statistics", str(draft)).stdout
    assert "Đã bỏ qua theo chỉ thị trong bài (1):" in out
    assert "d.txt:1:6 5.7 [foreign.internal-affairs] “bầu cử” — lý do: trích dẫn bài đã đăng" in out
    assert "phát hiện được bỏ qua theo chỉ thị" in out.splitlines()[-1]
    assert run(str(draft)).exit_code == 0  # nothing left to fail on


def test_a_waived_secret_stays_masked(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("postcheck: bỏ qua 5.1 — số của người nhận quyên góp, đã đồng ý công khai\n"
                     "Chuyển khoản giúp chị Hạnh: CCCD 001203004567.\n", encoding="utf-8")
    result = run("--statistics", str(draft))
    assert "001203004567" not in result.stdout
    found, waived = findings_of(draft)
    assert waived and "001203004567" not in json.dumps(waived, ensure_ascii=False)


def test_apply_without_directives_returns_the_findings_untouched():
    f = Finding("x.y", "5.2", "error", 1, 1, 0, 3, "abc", "m")
    kept = [f]
    assert apply("a.txt", "Không có chỉ thị nào.", kept, {"x.y": "5.2"}) == (kept, ())


@pytest.mark.parametrize("directive", ["postcheck: bỏ qua 5.2.1 — trích dẫn văn bản gốc",
                                       "postcheck: ignore 5.2.1.4 -- quoting the source"])
def test_a_clause_with_too_many_parts_is_an_unknown_target_not_a_missing_reason(tmp_path, directive):
    # "5.2.1" was read as 5.2 followed by ".1 — …", which left the reason unread
    draft = tmp_path / "d.txt"
    draft.write_text(f"{directive}\n{SECRET}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert not waived and "classified.marks" in rules(found)
    [warning] = [f for f in found if f["rule"] == RULE_ID]
    assert "không tồn tại" in warning["message"] and "không ghi lý do" not in warning["message"]
    assert warning["clause"] == "4.2"


def test_a_clause_with_too_many_parts_in_a_markup_comment_is_unknown(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(f"<!-- postcheck-disable 5.2.1 -- trích dẫn -->\n{SECRET}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert not waived and "classified.marks" in rules(found)
    [warning] = [f for f in found if f["rule"] == RULE_ID]
    assert "không tồn tại" in warning["message"] and "không ghi lý do" not in warning["message"]


def _docx_with_comment(path, comment: str, commented: int = 1, paragraphs=(ELECTION, ELECTION)):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    added = [doc.add_paragraph(text) for text in paragraphs]
    # python-docx 1.2 anchors a comment on runs: Word shows it in the margin beside them
    doc.add_comment(added[commented].runs, text=comment, author="Lan", initials="L")
    doc.save(path)
    return path


def test_a_directive_in_a_word_comment_waives_the_paragraph_it_is_on(tmp_path):
    draft = _docx_with_comment(tmp_path / "d.docx", "postcheck: bỏ qua 5.7 — trích dẫn thông cáo báo chí")
    found, waived = findings_of(draft)
    # paragraph 2 is commented: waived; paragraph 1 is not; the comment (line 3) says nothing
    assert [(w["line"], w["reason"]) for w in waived] == [(2, "trích dẫn thông cáo báo chí")]
    assert {(f["line"], f["rule"]) for f in found} == {(1, "foreign.internal-affairs")}
    assert waived[0]["part"] == "body" and waived[0]["paragraph"] == 2


def test_a_word_comment_spanning_paragraphs_waives_each_of_them(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    paragraphs = [doc.add_paragraph(t) for t in (INSULT, ELECTION, ELECTION)]
    doc.add_comment([paragraphs[0].runs[0], paragraphs[1].runs[0]], text="postcheck: ignore — quoting a reader",
                    author="Lan")
    doc.save(tmp_path / "d.docx")
    found, waived = findings_of(tmp_path / "d.docx")
    assert {w["line"] for w in waived} == {1, 2} and {f["line"] for f in found} == {3}


def test_a_word_comment_without_a_reason_waives_nothing_and_warns_in_the_comment(tmp_path):
    draft = _docx_with_comment(tmp_path / "d.docx", "postcheck: bỏ qua 5.7")
    found, waived = findings_of(draft)
    assert not waived
    assert {f["line"] for f in found if f["rule"] == "foreign.internal-affairs"} == {1, 2}
    [warning] = [f for f in found if f["rule"] == RULE_ID]
    assert warning["part"] == "comments"


def test_an_ordinary_word_comment_waives_nothing(tmp_path):
    draft = _docx_with_comment(tmp_path / "d.docx", "Anh xem lại câu này giúp em.")
    found, waived = findings_of(draft)
    assert not waived and {f["line"] for f in found} == {1, 2}


def test_word_comment_waivers_are_counted_and_listed_by_statistics(tmp_path):
    draft = _docx_with_comment(tmp_path / "d.docx", "postcheck: bỏ qua 5.7 — trích dẫn thông cáo báo chí")
    out = run("--statistics", "--lang", "vi", str(draft)).stdout
    assert "Đã bỏ qua theo chỉ thị trong bài (1):" in out and "trích dẫn thông cáo báo chí" in out
    assert "1 phát hiện được bỏ qua theo chỉ thị" in out


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_the_one_line_form_inside_a_markup_comment(tmp_path, suffix):
    draft = tmp_path / f"d{suffix}"
    draft.write_text(f"<!-- postcheck: bỏ qua 5.7 — trích dẫn -->\n\n{ELECTION}\n\n{ELECTION}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert [w["line"] for w in waived] == [3] and {f["line"] for f in found} == {5}
    # at the end of a line it waives that line
    draft.write_text(f"{ELECTION} <!-- postcheck: ignore 5.7 -- quoting -->\n\n{ELECTION}\n", encoding="utf-8")
    found, waived = findings_of(draft)
    assert [w["line"] for w in waived] == [1] and {f["line"] for f in found} == {3}


@pytest.mark.parametrize("suffix, text", [
    (".txt", f"{ELECTION} postcheck: ignore 5.7 — quoting\n{ELECTION}\n"),
    (".md", f"<!-- postcheck-disable 5.7 -- trích dẫn -->\n{ELECTION}\n<!-- postcheck-enable -->\n\n{ELECTION}\n"),
    (".html", f"<p><!-- postcheck-disable 5 -- trích dẫn -->{ELECTION}<!-- postcheck-enable --></p>\n"
              f"<p>{ELECTION}</p>\n"),
])
def test_every_format_counts_its_waivers_in_the_summary_and_json(tmp_path, suffix, text):
    draft = tmp_path / f"d{suffix}"
    draft.write_text(text, encoding="utf-8")
    found, waived = findings_of(draft)
    assert len(waived) == 1 and len([f for f in found if f["rule"] == "foreign.internal-affairs"]) == 1
    assert "1 phát hiện được bỏ qua theo chỉ thị" in run("--lang", "vi", str(draft)).stdout
