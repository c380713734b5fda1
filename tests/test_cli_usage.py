"""Issue 16: click's own words — usage line, help headings, usage errors — in the run's
language (cli_usage.py), with postcheck's error prefix, through the real entry point."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")


def run(*args: str):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update(PYTHONPATH=SRC, NO_COLOR="1", LANG="C.UTF-8", COLUMNS="100")
    return subprocess.run([sys.executable, "-m", "postcheck", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


@pytest.mark.parametrize("args, vi, en", [
    (("--nope", "x.txt"), "không có tùy chọn --nope", "no such option: --nope"),
    (("--format", "xml", "x.txt"),
     "giá trị không hợp lệ cho --format / -f: 'xml' không phải một trong 'text', 'json', 'sarif', 'github'",
     "invalid value for --format / -f: 'xml' is not one of 'text', 'json', 'sarif', 'github'"),
    (("--jobs", "0", "x.txt"), "0 nằm ngoài khoảng x>=1", "0 is not in the range x>=1"),
    (("--jobs", "many", "x.txt"), "'many' không phải số nguyên", "'many' is not a whole number"),
    (("--max-size", "lots", "x.txt"), "'lots' không phải một số", "'lots' is not a number"),
    (("--format",), "tùy chọn --format cần một giá trị đi sau", "option --format requires a value"),
    (("--quiet=yes", "x.txt"), "tùy chọn --quiet không nhận giá trị", "option --quiet does not take a value"),
    (("explain",), "thiếu đối số ĐIỀU_KHOẢN|MÃ_QUY_TẮC", "missing argument CLAUSE|RULE"),
    (("review", "a.docx", "b.docx"), "thừa đối số: b.docx", "unexpected extra arguments: b.docx"),
    (("serve", "--port", "70000"), "70000 nằm ngoài khoảng 0<=x<=65535", "70000 is not in the range 0<=x<=65535"),
])
def test_usage_errors_are_said_in_the_language_with_the_error_prefix(args, vi, en):
    said_vi, said_en = run(*args), run("--lang", "en", *args)
    assert said_vi.returncode == said_en.returncode == 2
    assert said_vi.stdout == said_en.stdout == ""
    last_vi, last_en = said_vi.stderr.splitlines()[-1], said_en.stderr.splitlines()[-1]
    assert last_vi.startswith("postcheck: error: ") and vi in last_vi, last_vi
    assert last_en.startswith("postcheck: error: ") and en in last_en, last_en
    assert "Error:" not in said_vi.stderr + said_en.stderr and "Traceback" not in said_vi.stderr


def test_a_usage_error_shows_the_usage_line_and_where_help_is():
    lines = run("--nope", "x.txt").stderr.splitlines()
    assert lines[0] == "Cách dùng: postcheck [TÙY_CHỌN] [TỆP_HOẶC_THƯ_MỤC...]"
    assert lines[1] == "Xem 'postcheck -h' để biết cách dùng."
    english = run("--lang", "en", "explain").stderr.splitlines()
    assert english[0] == "Usage: postcheck explain [OPTIONS] {CLAUSE|RULE}"
    assert english[1] == "Try 'postcheck explain -h' for help."


def test_help_headings_defaults_and_metavars_are_in_the_language():
    vi = run("-h").stdout
    for words in ("Cách dùng: postcheck", "Đối số:", "Tùy chọn:", "--jobs N", "--exclude MẪU", "--config TỆP",
                  "--encoding BẢNG_MÃ", "In phần trợ giúp này rồi thoát."):
        assert words in vi, words
    for english in ("Usage:", "Options:", "Arguments:", "Show this message", "<int range>", "<str>", "default:"):
        assert english not in vi, english
    assert "[bắt buộc]" in run("explain", "-h").stdout
    en = run("--lang", "en", "-h").stdout
    for words in ("Usage: postcheck [OPTIONS] [PATH...]", "Arguments:", "Options:", "--exclude GLOB",
                  "Show this message and exit."):
        assert words in en, words


def test_the_language_may_come_before_the_command_name():
    out = run("--lang", "en", "explain", "5.2")
    assert out.returncode == 0 and out.stdout.startswith("Article 5, clause 2")
    assert run("--lang=en", "rules").stdout.count("error") > 5
    assert "Usage: postcheck serve" in run("--lang", "en", "serve", "-h").stdout
