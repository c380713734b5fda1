"""`postcheck fix draft.docx` (fixing_docx.py): fixes made inside the Word runs that hold the
match, in draft.fixed.docx; the original byte-identical; the copy opens and passes."""
from __future__ import annotations

import json
import zipfile

import pytest

from test_fixes import PASSWORD, run

docx = pytest.importorskip("docx")

ADDRESS = "thu.le@mofa.gov.vn"
FOOTER_PHONE = "0912 345 678"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / ".postcheck.yaml").write_text("", encoding="utf-8")  # no config from a parent folder
    return tmp_path


def make_draft(path) -> None:
    document = docx.Document()
    document.add_paragraph(f"Mật khẩu wifi phòng họp: {PASSWORD} nhé.")
    across = document.add_paragraph("Gọi chị Thu số ")
    bold = across.add_run("0987 65")  # the number runs over a bold run and a plain one
    bold.bold = True
    across.add_run("4 321 để lấy chìa khoá.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Liên hệ"
    table.cell(0, 1).text = f"Đặt hàng qua {ADDRESS} nhé."
    document.add_paragraph("Trả lời gì mà láo toét thế.")
    document.sections[0].footer.paragraphs[0].text = f"Gọi chị Lan số {FOOTER_PHONE} nhé."
    document.save(str(path))


def all_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels")))


def test_fixes_are_made_in_the_runs_and_the_copy_passes(folder):
    draft = folder / "draft.docx"
    make_draft(draft)
    original = draft.read_bytes()
    proc = run("fix", "draft.docx", cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert draft.read_bytes() == original  # byte for byte
    fixed = folder / "draft.fixed.docx"
    document = docx.Document(str(fixed))
    first, across, last = document.paragraphs
    # one run: edited where it stands
    assert [r.text for r in first.runs] == ["Mật khẩu wifi phòng họp: [đã xoá] nhé."]
    # across runs: the replacement in the first (bold) run, the second trimmed and still plain
    assert [(r.text, r.bold) for r in across.runs] == [("Gọi chị Thu số ", None), ("09xx xxx x21", True),
                                                       (" để lấy chìa khoá.", None)]
    assert last.text == "Trả lời gì mà vô lễ thế."
    assert document.tables[0].cell(0, 1).text == "Đặt hàng qua [email cá nhân] nhé."
    assert document.tables[0].cell(0, 0).text == "Liên hệ"
    assert document.sections[0].footer.paragraphs[0].text == "Gọi chị Lan số 09xx xxx x78 nhé."
    # what it says: counts and rule ids, never what it replaced
    said = proc.stdout + proc.stderr
    assert "draft.fixed.docx" in said and "account.password 1" in said and "personal.phone 2" in said
    assert PASSWORD not in said and "0987" not in said and "mofa" not in said
    # the replaced texts are nowhere in the copy, and the copy passes
    xml = all_xml(fixed)
    assert PASSWORD not in xml and ADDRESS not in xml and FOOTER_PHONE not in xml
    again = run("--format", "json", "draft.fixed.docx", cwd=folder)
    assert again.returncode == 0, again.stdout
    assert json.loads(again.stdout)["files"][0]["findings"] == []


def test_force_and_in_place_as_for_text(folder):
    draft = folder / "draft.docx"
    make_draft(draft)
    fixed = folder / "draft.fixed.docx"
    fixed.write_bytes(b"my own copy")
    proc = run("fix", "draft.docx", cwd=folder)
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert "draft.fixed.docx" in line and "--force" in line
    assert fixed.read_bytes() == b"my own copy"
    assert run("fix", "--force", "draft.docx", cwd=folder).returncode == 0
    assert "[đã xoá]" in docx.Document(str(fixed)).paragraphs[0].text
    proc = run("fix", "--in-place", "--lang", "en", "draft.docx", cwd=folder)
    assert proc.returncode == 0 and "5 fixed" in proc.stdout, proc.stdout + proc.stderr
    assert docx.Document(str(draft)).paragraphs[0].text == docx.Document(str(fixed)).paragraphs[0].text
    assert not [p.name for p in folder.iterdir() if "postcheck-tmp" in p.name]


def _mail_link(document, paragraph, address: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = document.part.relate_to("mailto:" + address, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    r, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.text = address
    r.append(t)
    link.append(r)
    paragraph._p.append(link)


def test_a_mail_link_to_a_replaced_address_goes_and_a_copy_left_elsewhere_is_counted(folder):
    document = docx.Document()
    paragraph = document.add_paragraph("Đặt hàng qua ")
    _mail_link(document, paragraph, ADDRESS)  # Word makes a link of every address typed
    paragraph.add_run(" nhé.")
    document.save(str(folder / "link.docx"))
    proc = run("fix", "link.docx", cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    xml = all_xml(folder / "link.fixed.docx")
    assert ADDRESS not in xml and "mailto:" not in xml
    assert docx.Document(str(folder / "link.fixed.docx")).paragraphs[0].text == "Đặt hàng qua [email cá nhân] nhé."

    document.core_properties.comments = f"gửi {ADDRESS}"  # where no reader looks
    document.save(str(folder / "props.docx"))
    proc = run("fix", "--lang", "en", "props.docx", cwd=folder)
    assert proc.returncode == 1  # something is left to do by hand
    [warning] = [x for x in proc.stderr.splitlines() if "props.fixed.docx" in x]
    assert "1 replaced texts" in warning and "mofa" not in proc.stdout + proc.stderr


def test_a_match_over_a_tab_is_left_whole():
    from postcheck.fixing_docx import _replace

    paragraph = docx.Document().add_paragraph("Số 0987")
    paragraph.runs[0].add_tab()
    paragraph.add_run("654 321 nhé")
    before = paragraph._p.xml
    # no run holds a tab as text: the edit is refused, nothing is cut
    assert not _replace(paragraph._p, 3, 15, "0987 654 321", "09xx xxx x21")
    assert paragraph._p.xml == before
    assert not _replace(paragraph._p, 3, 7, "0988", "x")  # the text is not what the finding saw
    assert _replace(paragraph._p, 8, 15, "654 321", "xxx x21")
    assert paragraph.text == "Số 0987\txxx x21 nhé"


def test_a_damaged_word_file_is_one_line(folder):
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    proc = run("fix", "broken.docx", cwd=folder)
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("postcheck: error: broken.docx") and "Traceback" not in proc.stderr
    assert not (folder / "broken.fixed.docx").exists()


def test_footnotes_comments_and_tracked_insertions_are_fixed_too(folder):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from test_docx_documents import W_NS, _change

    document = docx.Document()
    tracked = document.add_paragraph("Gọi chị Thu số ")
    tracked._p.append(_change("ins", "0987 654 321", "1"))  # a tracked insertion Word shows
    tracked._p.append(_change("del", "cho nhanh", "2"))
    tracked.add_run(" để lấy chìa khoá.")
    noted = document.add_paragraph("Hẹn cả nhà thứ Hai.")
    document.add_comment(noted.runs, text=f"Mật khẩu máy in: {PASSWORD} nhé.", author="Hùng")
    footnotes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>'
                 f'Đặt hàng qua {ADDRESS} nhé.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                footnotes.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(folder / "parts.docx"))
    proc = run("fix", "--lang", "en", "parts.docx", cwd=folder)
    assert proc.returncode == 0 and "3 fixed" in proc.stdout, proc.stdout + proc.stderr
    xml = all_xml(folder / "parts.fixed.docx")
    assert PASSWORD not in xml and ADDRESS not in xml and "0987 654 321" not in xml
    assert "[email cá nhân]" in xml and "cho nhanh" in xml  # the deletion stays a deletion
    fixed = docx.Document(str(folder / "parts.fixed.docx"))
    assert fixed.paragraphs[0]._p.xpath("string(.//w:ins)") == "09xx xxx x21"
    assert run("parts.fixed.docx", cwd=folder).returncode == 0
