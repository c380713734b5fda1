"""Issue 16: `--format json` has a JSON Schema, shipped in the package, with a version
field and summary counts; real output of every kind of file validates against it."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from typer.testing import CliRunner

from postcheck.cli import check_app

jsonschema = pytest.importorskip("jsonschema")

ELECTION = "Cuộc bầu cử ở Venezuela năm nay gian lận trắng trợn."


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("postcheck").joinpath("schemas", "report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def report(*args: str) -> dict:
    result = CliRunner().invoke(check_app, ["--format", "json", *args], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    docx = pytest.importorskip("docx")
    tmp = tmp_path_factory.mktemp("schema")
    (tmp / "clean.txt").write_text("Chúc cả nhà cuối tuần vui vẻ!\n", encoding="utf-8")
    (tmp / "waived.md").write_text(f"<!-- postcheck-disable 5.7 -- trích dẫn -->\n{ELECTION}\n", encoding="utf-8")
    (tmp / "no-reason.txt").write_text(f"{ELECTION} postcheck: bỏ qua 5.7\n", encoding="utf-8")
    (tmp / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    doc = docx.Document()
    doc.add_paragraph("Mật khẩu wifi phòng họp: Trang#2026pass")
    doc.sections[0].footer.paragraphs[0].text = "Liên hệ: lan.tt@mofa.gov.vn"
    doc.save(tmp / "d.docx")
    return tmp


def test_the_shipped_example_validates_and_its_summary_counts_its_findings(validator):
    data = report("examples/draft.txt")
    validator.validate(data)
    findings = [f for file in data["files"] for f in file["findings"]]
    assert data["version"] == 1 and findings
    summary = data["summary"]
    assert summary["findings"] == len(findings) == summary["error"] + summary["warning"] + summary["info"]
    assert summary["error"] == sum(f["severity"] == "error" for f in findings)
    assert (summary["files_checked"], summary["files_unread"], summary["waived"]) == (1, 0, 0)


def test_every_kind_of_file_validates(validator, drafts):
    names = ["clean.txt", "waived.md", "no-reason.txt", "photo.png", "d.docx", "missing.txt"]
    data = report(*(str(drafts / n) for n in names))
    validator.validate(data)
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert by_name["photo.png"]["error"] and by_name["missing.txt"]["error"]
    assert by_name["waived.md"]["waived"][0]["reason"] == "trích dẫn"
    assert {f["part"] for f in by_name["d.docx"]["findings"]} == {"body", "footer1"}
    assert data["summary"]["files_checked"] == 4 and data["summary"]["files_unread"] == 2
    assert data["summary"]["waived"] == 1


def test_standard_input_and_an_empty_run_validate(validator):
    result = CliRunner().invoke(check_app, ["--format", "json", "-"], input=ELECTION)
    data = json.loads(result.stdout)
    validator.validate(data)
    assert data["files"][0]["path"] == "<stdin>" and data["summary"]["warning"] + data["summary"]["error"] >= 1


@pytest.mark.parametrize("broken", [
    lambda d: d.pop("version"),
    lambda d: d.pop("summary"),
    lambda d: d["summary"].update(error=-1),
    lambda d: d["files"][0]["findings"][0].update(clause="9.9"),
    lambda d: d["files"][0]["findings"][0].update(severity="fatal"),
    lambda d: d["files"][0]["findings"][0].pop("sentence"),
    lambda d: d["files"][0].update(error="x.txt: không có tệp này"),  # an unread file has no findings
])
def test_the_schema_refuses_what_postcheck_never_writes(validator, broken):
    data = report("examples/draft.txt")
    broken(data)
    assert not validator.is_valid(data)


def test_the_page_api_returns_what_the_schema_describes(validator, rulebook):
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from postcheck.serve.app import create_app

    client = TestClient(create_app(rulebook), base_url="http://127.0.0.1")
    validator.validate(client.post("/api/check", json={"text": ELECTION}).json())
    validator.validate(client.post("/api/check-file?name=x.docx", content=b"not a zip").json())


def test_fixes_are_described_and_validated(validator):
    data = report("examples/draft.txt")
    fixed = [f for file in data["files"] for f in file["findings"] if f.get("fixes")]
    assert fixed, "the example draft has an official address, which has a fix"
    validator.validate(data)
    fixed[0]["fixes"][0].pop("replacement")
    assert not validator.is_valid(data)
