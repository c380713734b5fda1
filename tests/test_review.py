"""`postcheck review`: the reviewed copy holds one Word comment per finding, anchored on
exactly the finding's words (runs split where needed, a match across runs included), the
original is byte-identical afterwards, and secrets are masked in the comments."""
from __future__ import annotations

import hashlib
import re

import pytest
from typer.testing import CliRunner

from postcheck.cli import main, tools_app
from postcheck.review import review

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def make_draft(path):
    document = docx.Document()
    document.add_paragraph("Chào cả nhà, cuối tuần này cùng đi dã ngoại nhé.")
    across = document.add_paragraph("Mình gửi kèm bản báo cáo ")
    bold = across.add_run("mậ")  # the match "báo cáo mật" runs over three runs, one of them bold
    bold.bold = True
    across.add_run("t của đoàn, mọi người xem rồi góp ý.")
    document.add_paragraph("Có gì thì nhắn vào hộp thư nam.lt@mofa.gov.vn giúp mình.")
    document.add_paragraph("Mật khẩu máy in tầng 3: Qz7!mLp42x")
    document.sections[0].footer.paragraphs[0].text = "Lưu hành nội bộ: bản đánh giá nhân sự mật"
    document.save(str(path))


def anchored(document) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd."""
    out, open_ids = {}, {}
    for element in document.element.body.iter():
        if element.tag == W + "commentRangeStart":
            open_ids[element.get(W + "id")] = []
        elif element.tag == W + "commentRangeEnd":
            out[element.get(W + "id")] = "".join(open_ids.pop(element.get(W + "id")))
        elif element.tag == W + "t":
            for parts in open_ids.values():
                parts.append(element.text or "")
    return out


def test_one_comment_per_finding_on_its_words(tmp_path, rulebook):
    path = tmp_path / "bai-dang.docx"
    make_draft(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    done = review(path, rulebook, "vi")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert done.path == tmp_path / "bai-dang.reviewed.docx"

    reviewed = docx.Document(str(done.path))
    comments = {str(c.comment_id): c for c in reviewed.comments}
    findings = done.report.findings
    assert len(comments) == len(findings) == done.comments >= 4
    assert {c.author for c in comments.values()} == {"postcheck"}
    spans = anchored(reviewed)
    by_rule, footer = {}, []
    for cid, comment in comments.items():
        if comment.text.startswith("[chân trang 1"):
            footer.append(comment.text)
            continue
        rule = re.search(r"\(([\w.-]+)\)$", comment.text).group(1)
        assert rule not in by_rule
        by_rule[rule] = (spans[cid], comment.text)
    # across three runs, the bold one kept bold
    text, words = by_rule["classified.marks"]
    assert text == "báo cáo mật"
    assert words.startswith("Điều 5 khoản 2") and "Gợi ý:" in words
    runs = reviewed.paragraphs[1].runs
    assert [r.text for r in runs if r.bold] == ["mậ"]
    assert reviewed.paragraphs[1].text == "Mình gửi kèm bản báo cáo mật của đoàn, mọi người xem rồi góp ý."
    # within one run: the run is split at both ends
    assert by_rule["identity.official-email"][0] == "nam.lt@mofa.gov.vn"
    assert "Sửa thành “[email cá nhân]”" in by_rule["identity.official-email"][1]  # the fix, for the writer to make
    assert reviewed.paragraphs[2].text == "Có gì thì nhắn vào hộp thư nam.lt@mofa.gov.vn giúp mình."
    # the password: anchored on it, but never quoted in the comment
    text, words = by_rule["account.password"]
    assert text == "Qz7!mLp42x" and "Qz7!mLp42x" not in words and "******" in words
    assert "Sửa thành “[đã xoá]”" in words
    # the footer's finding: on the body's first words, saying where it is
    assert footer and all("[chân trang 1, đoạn 1]" in w for w in footer)


def test_no_overwrite_without_force_and_a_clean_draft_gets_no_comment(tmp_path, rulebook):
    path = tmp_path / "sach.docx"
    document = docx.Document()
    document.add_paragraph("Chúc mừng năm mới, chúc cả nhà sức khỏe và bình an.")
    document.save(str(path))
    done = review(path, rulebook, "en")
    assert done.comments == 0 and len(list(docx.Document(str(done.path)).comments)) == 0
    stamp = done.path.read_bytes()
    from postcheck.inputs import InputError

    with pytest.raises(InputError, match="already exists"):
        review(path, rulebook, "en")
    assert done.path.read_bytes() == stamp
    review(path, rulebook, "en", force=True)


def test_the_command_prints_the_report_and_exits_as_check_does(tmp_path, monkeypatch):
    path = tmp_path / "nhap.docx"
    make_draft(path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(tools_app, ["review", "nhap.docx"])
    assert result.exit_code == 1, result.output
    assert "classified.marks" in result.stdout and "Qz7!mLp42x" not in result.output
    assert "nhap.reviewed.docx" in result.stderr
    again = CliRunner().invoke(tools_app, ["review", "nhap.docx"])
    assert again.exit_code == 2 and "--force" in again.stderr
    (tmp_path / "ghi-chu.txt").write_text("x", encoding="utf-8")
    wrong = CliRunner().invoke(tools_app, ["review", "ghi-chu.txt"])
    assert wrong.exit_code == 2 and ".docx" in wrong.stderr


def test_review_is_a_subcommand_of_postcheck(tmp_path, monkeypatch, capsys):
    path = tmp_path / "a.docx"
    make_draft(path)
    with pytest.raises(SystemExit) as exit_:
        main(["review", str(path)])
    assert exit_.value.code == 1
    assert (tmp_path / "a.reviewed.docx").is_file()


def test_a_real_shaped_document_tracked_changes_tables_and_other_parts(tmp_path, rulebook):
    from test_docx_documents import make_document  # tracked changes, a table, a comment, a footnote

    path = tmp_path / "day-du.docx"
    make_document(path)
    done = review(path, rulebook, "vi")
    reviewed = docx.Document(str(done.path))
    ours = [c for c in reviewed.comments if c.author == "postcheck"]
    # 7: the header's "TÀI LIỆU MẬT - Lưu hành nội bộ" draws classified.marks and, for the
    # whole line, the learned 5.2 check
    assert len(ours) == len(done.report.findings) == 7
    spans = anchored(reviewed)
    body = sorted(spans[str(c.comment_id)] for c in ours if not c.text.startswith("["))
    assert body == ["bí mật nhà nước", "tài liệu mật"]  # a table cell; a tracked insertion
    elsewhere = sorted(c.text.split("]")[0] + "]" for c in ours if c.text.startswith("["))
    assert elsewhere == ["[chân trang 1, đoạn 1]", "[chú thích cuối trang, đoạn 2]", "[nhận xét, đoạn 1]",
                         "[đầu trang 1, đoạn 1]", "[đầu trang 1, đoạn 1]"]
    # the colleague's comment is still there, untouched
    assert [c.text for c in reviewed.comments if c.author == "Hùng"] == ["Đừng gửi bí mật nhà nước qua Zalo."]


def test_tab_stops_are_no_text_so_comments_and_columns_stay_on_the_words(tmp_path, rulebook):
    from docx.shared import Inches

    from postcheck.readers import read

    document = docx.Document()
    paragraph = document.add_paragraph("Mình gửi\ttài liệu mật nhé")
    paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(1))  # w:pPr/w:tabs/w:tab: a definition
    paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(2))
    path = tmp_path / "tab.docx"
    document.save(str(path))
    assert read(str(path)).text == "Mình gửi tài liệu mật nhé"  # the run's own tab is a space
    done = review(path, rulebook, "vi")
    assert list(anchored(docx.Document(str(done.path))).values()) == ["tài liệu mật"]
