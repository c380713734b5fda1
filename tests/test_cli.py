"""The command line as users and CI run it: inputs, formats, exit codes, errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

VIOLATING = "Mình gửi mọi người tài liệu mật của Vụ.\n"
CLEAN = "Chúc cả nhà cuối tuần vui vẻ!\n"


def run(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "postcheck", *args], input=stdin, capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(VIOLATING, encoding="utf-8")
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_file_with_findings_exits_1_and_names_the_clause(drafts):
    proc = run(str(drafts / "bad.txt"))
    assert proc.returncode == 1
    assert "bad.txt:1:20 lỗi 5.2 [classified.marks]" in proc.stdout


def test_group_by_clause_keeps_the_headings(drafts):
    proc = run("--group", "clause", str(drafts / "bad.txt"))
    assert proc.returncode == 1
    assert proc.stdout.startswith("Điều 5 khoản 2 — ")
    assert "bad.txt:1:" in proc.stdout


def test_clean_file_exits_0(drafts):
    proc = run(str(drafts / "good.txt"))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_json_schema(drafts):
    proc = run("--format", "json", str(drafts / "bad.txt"), str(drafts / "good.txt"))
    report = json.loads(proc.stdout)
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert files["good.txt"]["findings"] == []
    [finding] = [f for f in files["bad.txt"]["findings"] if f["rule"] == "classified.marks"]
    assert set(finding) >= {"rule", "clause", "severity", "line", "column", "start", "end", "match", "message"}
    assert finding["clause"] == "5.2" and finding["severity"] == "error"
    assert VIOLATING[finding["start"]:finding["end"]] == finding["match"] == "tài liệu mật"
    assert (finding["line"], finding["column"]) == (1, VIOLATING.index("tài liệu mật") + 1)


def test_directory_is_searched_recursively_for_text_files(drafts):
    (drafts / "sub").mkdir()
    (drafts / "sub" / "post.md").write_text(VIOLATING, encoding="utf-8")
    (drafts / "sub" / "image.png").write_bytes(b"\x89PNG\x00\x00")
    report = json.loads(run("--format", "json", str(drafts)).stdout)
    names = sorted(Path(f["path"]).name for f in report["files"])
    assert names == ["bad.txt", "good.txt", "post.md"]


def test_piped_standard_input():
    proc = run("--format", "json", stdin=VIOLATING)
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "<stdin>"
    assert proc.returncode == 1


def test_dash_reads_standard_input():
    proc = run("-", stdin=CLEAN)
    assert proc.returncode == 0


def test_missing_file_is_one_line_error_exit_2_and_others_still_checked(drafts):
    proc = run("--lang", "vi", "--format", "json", str(drafts / "nope.txt"), str(drafts / "bad.txt"))
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and "nope.txt: không có tệp này" in errors[0]
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert any(f["findings"] for f in report["files"] if f["path"].endswith("bad.txt"))


def test_binary_file_is_refused(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    proc = run(str(f))
    assert proc.returncode == 2
    assert "photo.txt" in proc.stderr and "binary" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_invalid_utf8_is_refused_with_the_byte(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes(b"T\xe0i li\xeau c\xf2n l\xe0 Latin-1")
    proc = run("--lang", "vi", str(f))
    assert proc.returncode == 2
    assert "old.txt: không phải văn bản UTF-8 (byte 0xe0 ở vị trí 1)" in proc.stderr
    proc = run("--lang", "en", str(f))
    assert "old.txt: not UTF-8 text (byte 0xe0 at offset 1)" in proc.stderr


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings_are_read(tmp_path, encoding):
    f = tmp_path / "bom.txt"
    f.write_bytes(VIOLATING.encode(encoding))
    report = json.loads(run("--format", "json", str(f)).stdout)
    [finding] = [x for x in report["files"][0]["findings"] if x["rule"] == "classified.marks"]
    assert finding["match"] == "tài liệu mật"


def test_fail_on_threshold(drafts):
    assert run("--fail-on", "never", str(drafts / "bad.txt")).returncode == 0
    assert run("--fail-on", "error", str(drafts / "bad.txt")).returncode == 1


def test_english_messages(drafts):
    proc = run("--lang", "en", "--group", "clause", str(drafts / "bad.txt"))
    # the Decision numbers clauses within articles: never "Article 5.2"
    assert "Article 5, clause 2 — " in proc.stdout and "secret" in proc.stdout


def test_no_color_output_is_plain(drafts):
    proc = run(str(drafts / "bad.txt"), env={"NO_COLOR": "1"})
    assert "\x1b[" not in proc.stdout


def test_version_and_help():
    assert run("--version").stdout.startswith("postcheck ")
    assert "--format" in run("--help").stdout


def test_bad_rule_file_names_path_and_key(tmp_path, drafts):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "rules:\n  - id: x.y\n    clause: '5.2'\n    severity: error\n    kind: terms\n"
        "    description: d\n    terms: [abc]\n    colour: red\n"
        "    message: {vi: a, en: b}\n    examples: {hit: [abc], miss: [xyz]}\n", encoding="utf-8")
    proc = run("--rules", str(rules), str(drafts / "good.txt"))
    assert proc.returncode == 3
    assert "bad.yaml" in proc.stderr and "'colour'" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("body,expected", [
    ("rules:\n  - id: [unclosed\n", "malformed YAML"),
    ("rules:\n  - id: a\n    clause: '9.9'\n    severity: error\n    kind: terms\n    description: d\n"
     "    terms: [x]\n    message: {vi: a, en: b}\n    examples: {hit: [x], miss: [y]}\n", "clause"),
    ("rules:\n  - id: a\n    clause: '5.2'\n    severity: error\n    kind: magic\n    description: d\n"
     "    message: {vi: a, en: b}\n    examples: {hit: [x], miss: [y]}\n", "kind"),
    ("rules:\n  - id: a\n    clause: '5.2'\n    severity: error\n    kind: terms\n    description: d\n"
     "    wordlists: [no_such_list]\n    message: {vi: a, en: b}\n    examples: {hit: [x], miss: [y]}\n",
     "no_such_list"),
    ("rules:\n  - id: a\n    clause: '5.2'\n    severity: error\n    kind: terms\n    description: d\n"
     "    terms: [x]\n    examples: {hit: [x], miss: [y]}\n", "message"),
    # a hit example pins its span in brackets: a broken mark is named, not a traceback
    ("rules:\n  - id: a\n    clause: '5.2'\n    severity: error\n    kind: terms\n    description: d\n"
     "    terms: [x]\n    message: {vi: a, en: b}\n    examples: {hit: ['a [x b'], miss: [y]}\n", "never closed"),
])
def test_rule_errors_exit_3(tmp_path, drafts, body, expected):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text(body, encoding="utf-8")
    proc = run("--lang", "en", "--rules", str(rules), str(drafts / "good.txt"))
    assert proc.returncode == 3
    assert "r.yaml" in proc.stderr and expected in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_rules_and_explain_commands():
    listing = run("rules").stdout
    assert "classified.marks" in listing and "5.2" in listing
    explained = run("explain", "5.2").stdout
    assert "Không trao đổi, để lộ thông tin" in explained and "classified.marks" in explained
    assert run("explain", "no.such.rule").returncode == 2


def test_output_larger_than_a_pipe_buffer_arrives_whole(tmp_path):
    # the command leaves with os._exit after flushing: nothing buffered may be lost
    (tmp_path / "many.txt").write_text(VIOLATING * 600, encoding="utf-8")
    proc = run("--format", "json", str(tmp_path / "many.txt"))
    assert proc.returncode == 1
    assert len(proc.stdout) > 65536
    assert len(json.loads(proc.stdout)["files"][0]["findings"]) == 600
