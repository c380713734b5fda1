"""A real-shaped Word file: tracked changes, a header, a footer, a footnote, a table between
paragraphs and a comment, made with python-docx (the tracked changes and the footnote part
built as WordprocessingML, which python-docx has no API for). Each violation is found in its
part at its paragraph; nothing in deleted text is reported."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from postcheck.cli import check_app

docx = pytest.importorskip("docx")
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = (f'<w:footnotes xmlns:w="{W_NS}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Nguồn: báo cáo mật của Vụ Tổng hợp.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')


def _change(kind: str, text: str, ident: str):
    element = OxmlElement(f"w:{kind}")
    for name, value in (("w:id", ident), ("w:author", "Lan"), ("w:date", "2026-01-05T09:00:00Z")):
        element.set(qn(name), value)
    run, t = OxmlElement("w:r"), OxmlElement("w:delText" if kind == "del" else "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    element.append(run)
    return element


def make_document(path):
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "TÀI LIỆU MẬT - Lưu hành nội bộ"
    doc.sections[0].footer.paragraphs[0].text = "Nhận order hàng xách tay qua lan.tt@mofa.gov.vn"
    doc.add_paragraph("Kính gửi các anh chị trong nhóm.")  # body 1
    table = doc.add_table(rows=1, cols=2)  # body 2, 3: the cells, before the next paragraph
    table.cell(0, 1).text = "Đây là bí mật nhà nước."
    tracked = doc.add_paragraph("Đính kèm ")  # body 4
    tracked._p.append(_change("ins", "tài liệu mật ", "1"))
    tracked._p.append(_change("del", "báo cáo tuyệt mật ", "2"))
    tracked.add_run("để các anh chị tham khảo.")
    commented = doc.add_paragraph("Hẹn gặp lại.")  # body 5
    doc.add_comment(commented.runs, text="Đừng gửi bí mật nhà nước qua Zalo.", author="Hùng")
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                FOOTNOTES.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    doc.save(str(path))


def test_every_part_of_a_word_file_is_read_in_place(tmp_path):
    path = tmp_path / "thongcao.docx"
    make_document(path)
    result = CliRunner().invoke(check_app, ["--format", "json", str(path)])
    found = json.loads(result.stdout)["files"][0]["findings"]
    places = {(f["match"], f["part"], f["paragraph"]) for f in found}
    assert ("bí mật nhà nước", "body", 3) in places  # the table's second cell, before paragraph 4
    assert ("tài liệu mật", "body", 4) in places  # a tracked insertion
    assert ("báo cáo mật", "footnotes", 2) in places  # after the separator's empty paragraph
    assert ("bí mật nhà nước", "comments", 1) in places
    assert ("TÀI LIỆU MẬT", "header1", 1) in places
    assert ("lan.tt@mofa.gov.vn", "footer1", 1) in places
    assert not [f for f in found if "tuyệt mật" in f["match"]]  # deleted text
    inserted = next(f for f in found if f["match"] == "tài liệu mật")
    assert inserted["paragraph_opening"].startswith("Đính kèm tài liệu mật")


def test_word_places_in_text_and_sarif(tmp_path):
    path = tmp_path / "thongcao.docx"
    make_document(path)
    text = CliRunner().invoke(check_app, [str(path)], env={"NO_COLOR": "1"}).stdout
    assert "¶ chân trang 1, đoạn 1: “Nhận order hàng xách tay qua" in text  # as Word users say it
    english = CliRunner().invoke(check_app, ["--lang", "en", str(path)], env={"NO_COLOR": "1"}).stdout
    assert "¶ footer 1, paragraph 1: “Nhận order hàng xách tay qua" in english
    sarif = json.loads(CliRunner().invoke(check_app, ["--format", "sarif", str(path)]).stdout)
    logical = [r["locations"][0]["logicalLocations"][0]["name"] for r in sarif["runs"][0]["results"]]
    assert "body/paragraph 4" in logical and "footnotes/paragraph 2" in logical


def test_a_text_box_is_read_once_after_its_anchor(tmp_path):
    from docx.oxml.parser import parse_xml

    from postcheck.readers import read

    box = ("<w:p><w:r><w:t>Hộp chữ: tài liệu mật</w:t></w:r></w:p>")
    run = parse_xml(
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<w:t>Ảnh kèm </w:t><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>{box}'
        f'</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>{box}</w:txbxContent></mc:Fallback>'
        '</mc:AlternateContent></w:r>')
    doc = docx.Document()
    doc.add_paragraph("Mở đầu.")._p.append(run)
    doc.add_paragraph("Kết thúc.")
    path = tmp_path / "box.docx"
    doc.save(str(path))
    source = read(str(path))  # the .docx reader, chosen by its suffix
    # the Fallback copy is not read twice; the anchor's own text stays in its paragraph
    assert source.text.split("\n") == ["Mở đầu.Ảnh kèm ", "Hộp chữ: tài liệu mật", "Kết thúc."]
    assert [(p.part, p.paragraph) for p in source.places] == [("body", 1), ("body", 2), ("body", 3)]


@pytest.mark.parametrize("content,vi,en", [
    # a text file renamed .docx, and a download cut short before the zip directory
    ("Báo cáo tuần, bản thô".encode(), "không phải tệp Word .docx: tệp .docx là một gói nén zip",
     "not a Word .docx file: a .docx is a zip archive and this file is not one"),
    (b"PK\x03\x04" + b"\x00" * 40, "không phải tệp Word .docx", "not a Word .docx file"),
    # what Word saves for a Word 97-2003 document or a password-protected .docx
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "là tệp Word 97–2003 (.doc) hoặc tệp .docx có đặt mật khẩu",
     "a Word 97–2003 .doc file or a password-protected .docx"),
])
def test_a_file_that_is_no_docx_is_named_in_words_not_by_an_exception_class(tmp_path, content, vi, en):
    from postcheck.inputs import InputError
    from postcheck.messages import say
    from postcheck.readers import read

    path = tmp_path / "nháp.docx"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read(str(path))
    assert say(caught.value, "vi").startswith(f"{path}: {vi}")
    assert say(caught.value, "en").startswith(f"{path}: {en}")
    assert "BadZipFile" not in say(caught.value, "vi") + say(caught.value, "en")


def test_a_zip_without_a_word_document_is_called_damaged(tmp_path):
    import zipfile

    from postcheck.inputs import InputError
    from postcheck.messages import say
    from postcheck.readers import read

    path = tmp_path / "ảnh.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("photo.txt", "không có văn bản Word")
    with pytest.raises(InputError) as caught:
        read(str(path))
    assert say(caught.value, "en") == (f"{path}: a damaged Word .docx file: its zip archive opens but the Word "
                                       "document in it cannot be read; open it in Word and save it again")
    assert say(caught.value, "vi").startswith(f"{path}: tệp Word .docx bị hỏng")
