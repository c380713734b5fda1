"""CI and everyday use: output formats, baseline, configuration, markup, parallel jobs,
masked secrets. The CLI runs in-process (typer's runner) to keep the suite quick."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postcheck.cli import check_app, tools_app

VIOLATING = "Mình gửi mọi người tài liệu mật của Vụ.\n"
SECRET = "Wifi phòng họp: mật khẩu Hoalan#2025 nhé.\nCCCD của chị Hoa là 001189012345.\n"


def run(*args: str, app=check_app, env: dict | None = None, cwd: Path | None = None):
    runner = CliRunner()
    if cwd:
        import os
        old = os.getcwd()
        os.chdir(cwd)
        try:
            return runner.invoke(app, list(args), env=env)
        finally:
            os.chdir(old)
    return runner.invoke(app, list(args), env=env)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    f = tmp_path / "post.txt"
    f.write_text(VIOLATING, encoding="utf-8")
    return f


def test_sarif_is_valid_and_located(draft):
    result = run("--format", "sarif", str(draft))
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "postcheck" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    rule = rules["classified.marks"]
    assert rule["properties"]["clause"] == "5.2"
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    # help travels in the file: no link to an address postcheck is not published at
    assert rule["fullDescription"]["text"] in rule["help"]["text"] and "Điều 5 khoản 2" in rule["help"]["markdown"]
    assert "http" not in result.stdout.replace(sarif["$schema"], "")
    [res] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "classified.marks"]
    assert res["level"] == "error" and res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("post.txt")
    region = loc["region"]
    col = VIOLATING.index("tài liệu mật") + 1
    assert (region["startLine"], region["startColumn"]) == (1, col)
    assert (region["endLine"], region["endColumn"]) == (1, col + len("tài liệu mật"))


def test_sarif_uri_of_a_vietnamese_file_name_is_a_uri_reference(tmp_path):
    # "#1 (nháp).txt" read as a URI is a fragment: the scanner looked for "báo cáo "
    from urllib.parse import unquote, urlsplit

    f = tmp_path / "báo cáo #1 (nháp) 100%.txt"
    f.write_text(VIOLATING, encoding="utf-8")
    sarif = json.loads(run("--format", "sarif", str(f)).stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    parts = urlsplit(uri)
    assert not parts.fragment and not parts.query and " " not in uri and uri.isascii(), uri
    assert unquote(parts.path) == str(f).replace("\\", "/")


def test_sarif_levels_map_info_to_note(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("Nhân danh Bộ Ngoại giao, cảm ơn cả nhà (quan điểm cá nhân).", encoding="utf-8")
    levels = {r["ruleId"]: r["level"] for r in json.loads(run("--format", "sarif", str(f)).stdout)["runs"][0]["results"]}
    assert levels["title.speaking-for"] == "note"


def test_github_annotations(draft):
    out = run("--format", "github", str(draft)).stdout.splitlines()
    [line] = [x for x in out if "classified.marks" in x]
    col = VIOLATING.index("tài liệu mật") + 1
    assert line.startswith(f"::error file={draft},line=1,col={col},endColumn={col + len('tài liệu mật')},title=5.2 classified.marks::")


def test_github_format_is_automatic_in_actions(draft):
    assert run(str(draft), env={"GITHUB_ACTIONS": "true"}).stdout.startswith("::")


def test_quiet_prints_only_the_summary(draft):
    out = run("--quiet", str(draft)).stdout.strip().splitlines()
    assert len(out) == 1 and "1 tệp" in out[0]


def test_statistics_counts_per_clause_and_rule(draft):
    out = run("--quiet", "--statistics", str(draft)).stdout
    assert "5.2" in out and "classified.marks" in out


def test_baseline_survives_moved_text_and_reports_new(tmp_path):
    f = tmp_path / "post.txt"
    f.write_text(VIOLATING, encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run("--write-baseline", str(base), str(f)).exit_code == 0
    assert "tài liệu mật" not in base.read_text(encoding="utf-8")
    # the same finding moved down two lines: still accepted
    f.write_text("Chào cả nhà.\n\n" + VIOLATING, encoding="utf-8")
    result = run("--baseline", str(base), "--format", "json", str(f))
    assert result.exit_code == 0 and json.loads(result.stdout)["files"][0]["findings"] == []
    # a new finding is still reported
    f.write_text("Chào cả nhà.\n\n" + VIOLATING + "Đây là bí mật nhà nước.\n", encoding="utf-8")
    result = run("--baseline", str(base), "--format", "json", str(f))
    found = json.loads(result.stdout)["files"][0]["findings"]
    assert result.exit_code == 1 and [x["match"] for x in found] == ["bí mật nhà nước"]


def test_baseline_missing_is_an_input_error(draft, tmp_path):
    result = run("--baseline", str(tmp_path / "none.json"), str(draft))
    assert result.exit_code == 2


def test_config_disables_by_clause_and_changes_severity(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text(VIOLATING + "Email: lan.pt@mofa.gov.vn\n", encoding="utf-8")
    cfg = tmp_path / ".postcheck.yaml"
    cfg.write_text('disable: ["5.6"]\nseverity: {"classified": info}\n', encoding="utf-8")
    result = run("--config", str(cfg), "--format", "json", str(f))
    found = json.loads(result.stdout)["files"][0]["findings"]
    assert {x["clause"] for x in found} == {"5.2"}
    assert {x["severity"] for x in found} == {"info"}
    assert result.exit_code == 0


def test_config_found_upwards_and_in_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.postcheck]\ndisable = ["5.2"]\n', encoding="utf-8")
    sub = tmp_path / "posts"
    sub.mkdir()
    (sub / "p.txt").write_text(VIOLATING, encoding="utf-8")
    result = run("--format", "json", "p.txt", cwd=sub)
    assert json.loads(result.stdout)["files"][0]["findings"] == []


def test_config_unknown_key_exits_3_naming_it(tmp_path, draft):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("disabel: ['5.2']\n", encoding="utf-8")
    result = run("--config", str(cfg), str(draft))
    assert result.exit_code == 3
    assert "'disabel'" in result.output and "c.yaml" in result.output


def test_config_adds_terms_and_official_domains(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("Gửi bản mật lệnh số 5 nhé. Liên hệ an@mission.example.org\n", encoding="utf-8")
    cfg = tmp_path / "c.yaml"
    cfg.write_text('terms: {classified_marks: ["mật lệnh"]}\nofficial_domains: ["example.org"]\n', encoding="utf-8")
    found = json.loads(run("--config", str(cfg), "--format", "json", str(f)).stdout)["files"][0]["findings"]
    assert {x["rule"] for x in found} >= {"classified.marks", "identity.official-email"}


def test_exclude_globs(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(VIOLATING, encoding="utf-8")
    (tmp_path / "new.txt").write_text("Chào buổi sáng.\n", encoding="utf-8")
    result = run("--exclude", "*archive*", "--format", "json", str(tmp_path))
    assert [Path(x["path"]).name for x in json.loads(result.stdout)["files"]] == ["new.txt"]


def test_init_writes_a_starter_config_that_loads(tmp_path):
    result = run("init", app=tools_app, cwd=tmp_path)
    assert result.exit_code == 0
    from postcheck.config import load_config
    written = tmp_path / ".postcheck.yaml"
    assert load_config(written).disable == []


def test_markdown_is_checked_as_prose_with_source_positions(tmp_path):
    f = tmp_path / "p.md"
    text = "# Tin\n\n```\ntài liệu mật trong code\n```\n\n[xem](https://x.vn/tai-lieu-mat) và đây là báo cáo mật.\n"
    f.write_text(text, encoding="utf-8")
    found = json.loads(run("--format", "json", str(f)).stdout)["files"][0]["findings"]
    assert [x["match"] for x in found] == ["báo cáo mật"]
    assert text[found[0]["start"]:found[0]["end"]] == "báo cáo mật"


def test_markdown_reference_definition_hides_only_its_own_line():
    from postcheck.readers import prose

    text = "[a]: https://x.vn/ref\nMình gửi tài liệu mật.\n"
    assert prose("p.md", text).strip() == "Mình gửi tài liệu mật."


def test_html_is_checked_as_prose_alt_text_included(tmp_path):
    f = tmp_path / "p.html"
    text = '<p class="tài liệu mật">Xin chào</p>\n<img alt="ảnh bí mật nhà nước" src="a.png">\n'
    f.write_text(text, encoding="utf-8")
    found = json.loads(run("--format", "json", str(f)).stdout)["files"][0]["findings"]
    assert [x["match"] for x in found] == ["bí mật nhà nước"]
    assert found[0]["line"] == 2 and text[found[0]["start"]:found[0]["end"]] == "bí mật nhà nước"


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Kính gửi các anh chị.")
    doc.add_paragraph("Đính kèm báo cáo mật của Vụ.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "Đây là bí mật nhà nước."
    path = tmp_path / "p.docx"
    doc.save(str(path))
    found = json.loads(run("--format", "json", str(path)).stdout)["files"][0]["findings"]
    located = {(x["match"], x["line"]) for x in found}
    assert ("báo cáo mật", 2) in located
    assert ("bí mật nhà nước", 4) in located  # the table cell after the empty first cell


def test_broken_docx_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = run(str(bad))
    assert result.exit_code == 2 and "bad.docx" in result.output


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text"])
def test_secrets_are_masked_in_every_format(tmp_path, fmt):
    f = tmp_path / "s.txt"
    f.write_text(SECRET, encoding="utf-8")
    out = run("--format", fmt, str(f), env={"NO_COLOR": "1"}).stdout
    assert "Hoalan#2025" not in out and "001189012345" not in out
    assert "00********45" in out  # masked, still recognisable by its ends


def test_show_secrets_prints_them(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text(SECRET, encoding="utf-8")
    assert "001189012345" in run("--format", "json", "--show-secrets", str(f)).stdout


def test_parallel_jobs_give_identical_output(tmp_path):
    for n in range(12):
        (tmp_path / f"p{n:02}.txt").write_text(VIOLATING if n % 3 else "Chào buổi sáng.\n", encoding="utf-8")
    one = run("--format", "json", "--jobs", "1", str(tmp_path)).stdout
    two = run("--format", "json", "--jobs", "2", str(tmp_path)).stdout
    assert one == two and json.loads(one)["files"][1]["findings"]


@pytest.mark.parametrize("hostile", ["<script>" + "a" * 400_000, "<!--" * 100_000, "](" * 200_000,
                                     "```\n" * 100_000, "<" * 400_000, "</a" * 300_000, "<b>" * 200_000,
                                     "<div>" * 300_000, "&" * 400_000, "*a " * 100_000, "> " * 200_000,
                                     "[" * 100_000, "<a " + 'b="' * 300_000], ids=lambda h: f"{h[:8]!r}x{len(h)}")
def test_hostile_markup_is_read_in_bounded_time(hostile):
    # quadratic reading would take minutes on these (html.parser takes 92 s on 900 KB of "</a")
    import time

    from postcheck.readers import prose_view
    for name in ("p.html", "p.md"):
        started = time.perf_counter()
        read = prose_view(name, hostile)
        assert time.perf_counter() - started < 15, name  # one core of two, shared
        assert read.text.original_length == len(hostile)
