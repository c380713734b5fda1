"""Reports on standard outputs that are not UTF-8 (a Windows redirection, an old console),
and standard outputs that refuse to be written (a full disk, a closed pipe).

PYTHONIOENCODING stands in for Windows: `postcheck draft.txt > report.txt` there gives
standard output the ANSI code page (cp1252 on Western systems), exactly like
PYTHONIOENCODING=cp1252 does here.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from postcheck.output import fold

DRAFT = Path(__file__).resolve().parents[1] / "examples" / "draft.txt"
CLEAN = "Chúc cả nhà cuối tuần vui vẻ!\n"
FORMATS = ["text", "json", "sarif", "github"]


def run(*args: str, env: dict | None = None, script: Path | None = None) -> subprocess.CompletedProcess:
    """postcheck in a fresh interpreter; output kept as bytes, so that nothing here decodes
    it more kindly than a program reading the report would."""
    cmd = [sys.executable, str(script)] if script else [sys.executable, "-m", "postcheck"]
    return subprocess.run([*cmd, *args], capture_output=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})})


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Error:" not in err, err


@pytest.fixture(scope="module")
def reference() -> list[dict]:
    """The draft's findings as a UTF-8 run reports them."""
    proc = run("--format", "json", str(DRAFT), env={"PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert len(findings) >= 5 and any(not f["match"].isascii() for f in findings)
    return findings


def _key(f: dict) -> tuple:
    return f["rule"], f["line"], f["column"]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_on_a_legacy_stream_is_whole_and_utf8(encoding, fmt, reference):
    proc = run("--format", fmt, str(DRAFT), env={"PYTHONIOENCODING": encoding})
    assert proc.returncode == 1, proc.stderr
    assert_no_traceback(proc)
    out = proc.stdout.decode("utf-8")  # strict: a byte in the stream's own encoding fails here
    if fmt == "json":
        findings = json.loads(out)["files"][0]["findings"]
        assert findings == reference
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results]
        assert got == [_key(f) for f in reference]
        assert [r["message"]["text"] for r in results] == [f["message"] for f in reference]
    elif fmt == "github":
        lines = out.splitlines()
        assert len(lines) == len(reference)
        for line, f in zip(lines, reference):
            assert f"line={f['line']},col={f['column']}," in line and f["rule"] in line
            said = line.split("::", 2)[2]
            if f.get("fixes"):  # an annotation ends with its fix (report/github.py)
                assert said.startswith(f["message"].replace("%", "%25"))
                assert said.endswith(f["fixes"][0]["replacement"] + "”.")
            else:
                assert said == f["message"].replace("%", "%25")
    else:
        assert "báo cáo mật" in out and "lỗi 5.2" in out  # switched to UTF-8, not folded
        for f in reference:
            assert f"{f['line']}:{f['column']} " in out  # a merged entry's reasons: "• 5:54"
            assert f["match"] in out


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_clean_draft_on_a_legacy_stream_exits_0(tmp_path, encoding, fmt):
    clean = tmp_path / "sạch.txt"  # a Vietnamese file name, echoed by every format
    clean.write_text(CLEAN, encoding="utf-8")
    proc = run("--format", fmt, str(clean), env={"PYTHONIOENCODING": encoding})
    assert proc.returncode == 0, proc.stderr
    assert_no_traceback(proc)
    out = proc.stdout.decode("utf-8")
    if fmt == "json":
        assert json.loads(out)["files"][0]["path"] == str(clean)
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
    elif fmt == "text":
        assert "Không phát hiện vấn đề nào" in out


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_an_unreadable_file_is_named_in_utf8_on_stderr(tmp_path, encoding):
    proc = run("--format", "json", str(tmp_path / "thiếu.txt"), env={"PYTHONIOENCODING": encoding})
    assert proc.returncode == 2
    [line] = proc.stderr.decode("utf-8").splitlines()
    assert "thiếu.txt" in line
    assert json.loads(proc.stdout)["files"][0]["error"]


@pytest.mark.parametrize("command", [["rules"], ["explain", "5.2"], ["--version"]])
def test_other_commands_on_an_ascii_stream(command):
    proc = run(*command, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr
    assert_no_traceback(proc)
    proc.stdout.decode("utf-8")
    if command[0] == "explain":
        assert "Điều 5 khoản 2" in proc.stdout.decode("utf-8")


# A stream that cannot be switched to UTF-8: no reconfigure(), no binary buffer, like some
# IDE consoles and embedding hosts. The text report then folds to ASCII.
LEGACY_HOST = textwrap.dedent("""\
    import sys

    class LegacyStdout:
        encoding = sys.argv.pop(1)

        def write(self, text):
            sys.__stdout__.buffer.write(text.encode(self.encoding))  # strict
            return len(text)

        def flush(self):
            sys.__stdout__.buffer.flush()

    sys.stdout = LegacyStdout()
    from postcheck.cli import run
    run()
""")


@pytest.fixture
def legacy_host(tmp_path) -> Path:
    script = tmp_path / "host.py"
    script.write_text(LEGACY_HOST, encoding="utf-8")
    return script


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_text_report_folds_to_ascii_where_the_stream_cannot_change(legacy_host, encoding, reference):
    proc = run(encoding, "--lang", "vi", str(DRAFT), script=legacy_host, env={"PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 1, proc.stderr
    assert_no_traceback(proc)
    out = proc.stdout.decode("ascii")  # every line folded, even those cp1252 could hold
    assert "loi 5.2" in out and "bao cao mat" in out
    assert "* 7:35 loi 4.1 [language.insult]" in out  # a merged entry's bullets fold too
    for f in reference:
        assert f"{f['line']}:{f['column']} " in out  # a merged entry's reasons: "• 5:54"
    [note] = proc.stderr.decode("utf-8").splitlines()
    assert note.startswith("postcheck: note:") and encoding in note and "in không dấu" in note


def test_an_english_report_that_fits_is_not_folded_and_says_nothing(legacy_host, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    proc = run("ascii", "--lang", "en", str(clean), script=legacy_host, env={"PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0
    assert proc.stdout.decode("ascii").startswith("No problems found")
    assert proc.stderr == b""


def test_json_that_a_text_only_stream_cannot_hold_is_an_error_not_half_a_report(legacy_host):
    proc = run("ascii", "--lang", "en", "--format", "json", str(DRAFT), script=legacy_host,
               env={"PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 2
    assert_no_traceback(proc)
    [line] = proc.stderr.decode("utf-8").splitlines()
    assert line.startswith("postcheck: error: cannot write to standard output:")


def test_fold_drops_marks_and_keeps_ascii():
    assert fold("Điều 5 khoản 2 — tài liệu mật “x” → y") == 'Dieu 5 khoan 2 - tai lieu mat "x" -> y'
    assert fold("mặt mật Ư ơ 中") == "mat mat U o ?"
    assert fold("plain: ASCII 123") == "plain: ASCII 123"


needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")


@needs_dev_full
@pytest.mark.parametrize("args", [["--format", f, str(DRAFT)] for f in FORMATS]
                         + [["rules"], ["explain", "5.2"], ["--version"]])
def test_a_full_disk_is_one_line_and_exit_2(args):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "postcheck", *args, "--lang", "en"], stdout=full,
                              stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 2
    [line] = proc.stderr.decode("utf-8").splitlines()
    assert line == "postcheck: error: cannot write to standard output: No space left on device"


@needs_dev_full
def test_a_clean_draft_not_written_is_not_a_success(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "postcheck", "--format", "json", str(clean)], stdout=full,
                              stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 2, proc.stderr


@needs_dev_full
def test_help_on_a_full_disk_is_one_line():
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "postcheck", "--help", "--lang", "en"], stdout=full,
                              stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 2
    [line] = proc.stderr.decode("utf-8").splitlines()
    assert line.startswith("postcheck: error: cannot write")


# run() leaves through os._exit after flushing: that flush is the last chance to notice
FINAL_FLUSH = """\
import errno, io, sys
import postcheck.cli as cli

class Full(io.StringIO):
    def flush(self):
        raise OSError(errno.ENOSPC, "No space left on device")

def main():
    sys.stdout = Full()
    sys.stdout.write("written, never flushed")
    raise SystemExit(%d)

cli.main = main
cli.run()
"""


@pytest.mark.parametrize("code", [0, 1, 3])
def test_output_left_for_the_final_flush_fails_the_exit(code):
    proc = subprocess.run([sys.executable, "-c", FINAL_FLUSH % code], capture_output=True, timeout=120)
    assert proc.returncode == (3 if code == 3 else 2)  # a rule error keeps its own code
    [line] = proc.stderr.decode("utf-8").splitlines()
    assert line == "postcheck: error: không ghi được ra đầu ra chuẩn: ổ đĩa đã đầy"  # Vietnamese unless asked


@needs_dev_full
def test_init_on_a_full_disk(tmp_path):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "postcheck", "init", "--lang", "vi"], stdout=full,
                              stderr=subprocess.PIPE, cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.decode("utf-8").splitlines() == [
        "postcheck: error: không ghi được ra đầu ra chuẩn: ổ đĩa đã đầy"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_closed_pipe_exits_non_zero_silently(fmt, tmp_path):
    clean = tmp_path / "clean.txt"  # clean, so that a swallowed failure would show as 0
    clean.write_text(CLEAN, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "postcheck", "--format", fmt, "--lang", "en", str(clean)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader goes away before postcheck writes (as `| head -0` would)
    err = proc.stderr.read()
    proc.stderr.close()
    code = proc.wait(timeout=120)
    if fmt == "github":  # nothing to write for a clean draft: nothing failed
        assert code == 0
    else:
        assert code == 2
    assert err == b""
