"""Issue 16: one message catalogue, both languages complete; Vietnamese by default, English
with --lang en or an English locale."""
from __future__ import annotations

import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from postcheck import cli
from postcheck.messages import CATALOGUE, LANGS, NOUNS, args_lang, count, locale_lang, text

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_exists_in_both_languages_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert _fields(entry["vi"]) == _fields(entry["en"])


def test_english_counts_have_plurals():
    assert [count("en", n, "error") for n in (1, 2)] == ["1 error", "2 errors"]
    assert count("en", 1, "file") == "1 file" and count("en", 0, "file") == "0 files"
    assert count("vi", 2, "warning") == "2 cảnh báo"
    assert all(len(forms) == 3 for forms in NOUNS.values())


def test_every_help_text_of_every_command_is_in_the_catalogue():
    vietnamese = {v["vi"] for k, v in CATALOGUE.items() if k.startswith("help.")}
    vietnamese.add(text("vi", "help.max-size", limit=cli.MAX_SIZE_LIMIT))
    for app in (cli.check_app, cli.tools_app):
        command = typer.main.get_command(app)
        for cmd in [command, *getattr(command, "commands", {}).values()]:
            helps = [cmd.help] + [p.help for p in cmd.params if getattr(p, "help", None)]
            assert set(helps) <= vietnamese, cmd.name


@pytest.mark.parametrize("environ, lang", [
    ({}, "vi"), ({"LANG": "C.UTF-8"}, "vi"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "vi_VN"}, "vi"), ({"LC_ALL": "en_US", "LC_MESSAGES": "vi_VN"}, "en"),
])
def test_locale_lang(environ, lang):
    assert locale_lang(environ) == lang


def test_args_lang():
    assert args_lang(["--lang", "en", "x"]) == "en" and args_lang(["--lang=vi"]) == "vi"
    assert args_lang(["x.txt"]) is None and args_lang(["--lang", "fr"]) is None


def _run(*args, **env):
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    environ.update(PYTHONPATH=SRC, NO_COLOR="1", LANG="C.UTF-8", **env)
    return subprocess.run([sys.executable, "-m", "postcheck", *args], capture_output=True, text=True,
                          encoding="utf-8", env=environ, timeout=120)


def test_help_is_vietnamese_by_default_and_english_on_request():
    assert "Kiểm tra bản nháp tiếng Việt" in _run("-h").stdout
    assert "Check Vietnamese drafts" in _run("--lang", "en", "--help").stdout
    assert "Check Vietnamese drafts" in _run("-h", LC_MESSAGES="en_US.UTF-8").stdout
    assert "Liệt kê mọi quy tắc" in _run("rules", "-h").stdout


def test_errors_follow_the_language():
    vi = _run("--max-size", "0", "x.txt")
    en = _run("--lang", "en", "--max-size", "0", "x.txt")
    assert vi.returncode == en.returncode == 2
    assert "cần một số MB lớn hơn 0" in vi.stderr and "expected a number of MB" in en.stderr


def test_english_locale_gives_an_english_report(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Mình gửi kèm bản báo cáo mật.\n", encoding="utf-8")
    out = _run(str(draft), LC_MESSAGES="en_US.UTF-8").stdout
    assert out.rstrip().endswith("1 error — 1 file checked.")


def test_init_speaks_the_language(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "postcheck", "init"], capture_output=True, text=True,
                          encoding="utf-8", cwd=tmp_path, timeout=120,
                          env={**os.environ, "PYTHONPATH": SRC})
    assert proc.returncode == 0 and "đã tạo .postcheck.yaml" in proc.stdout


def test_the_learned_check_states_confidence_in_words_not_a_decimal(check):
    from postcheck.checks.classifier import HIGH_CONFIDENCE, confidence

    sentence = "Mấy ông bên phòng kế toán đúng là lũ ăn hại, đm."
    [vi] = [f for f in check(sentence) if f.rule == "language.offensive-learned"]
    [en] = [f for f in check(sentence, "en") if f.rule == "language.offensive-learned"]
    assert "(độ tin cậy: " in vi.message and "(confidence: " in en.message
    assert not any(c.isdigit() for c in vi.message + en.message)
    assert confidence(HIGH_CONFIDENCE) == {"vi": "cao", "en": "high"}
    assert confidence(0.75) == {"vi": "trung bình", "en": "medium"}


@pytest.mark.parametrize("lang, comment", [("vi", "# Cấu hình postcheck"), ("en", "# postcheck configuration")])
def test_init_writes_its_comments_in_the_language_and_a_config_that_loads(tmp_path, lang, comment):
    from postcheck.config import load_config

    proc = subprocess.run([sys.executable, "-m", "postcheck", "init", "--lang", lang], capture_output=True,
                          text=True, encoding="utf-8", cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": SRC})
    assert proc.returncode == 0, proc.stderr
    written = (tmp_path / ".postcheck.yaml").read_text(encoding="utf-8")
    assert written.startswith(comment) and "https://…" not in written  # no placeholder address
    load_config(tmp_path / ".postcheck.yaml")


def test_write_baseline_says_what_it_wrote_in_the_language(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Mình gửi kèm bản báo cáo mật.\n", encoding="utf-8")
    vi = _run("--write-baseline", str(tmp_path / "b.json"), str(draft))
    en = _run("--lang", "en", "--write-baseline", str(tmp_path / "b.json"), str(draft))
    assert vi.returncode == en.returncode == 0, vi.stderr + en.stderr
    assert "đã ghi 1 phát hiện được chấp nhận vào" in vi.stderr
    assert "wrote 1 accepted finding to" in en.stderr


def test_every_message_the_library_says_is_in_the_catalogue():
    import re

    src = Path(SRC) / "postcheck"
    used = {m for path in src.rglob("*.py")
            for m in re.findall(r'Said\(\s*"([^"]+)"', path.read_text(encoding="utf-8"))}
    assert len(used) >= 20 and used <= set(CATALOGUE), used - set(CATALOGUE)


def test_a_library_message_is_english_as_a_str_and_said_in_either_language():
    import pickle

    from postcheck.inputs import InputError, too_big
    from postcheck.messages import Said, say

    error = too_big("big.txt", 3 * 1024 * 1024 + 512 * 1024, 1024 * 1024)
    assert str(error) == "big.txt: 3.5 MB is over the --max-size limit of 1 MB"  # the API, unchanged
    assert say(error, "vi") == "big.txt: 3,5 MB, vượt giới hạn --max-size 1 MB"
    # a worker process sends it back whole
    assert say(pickle.loads(pickle.dumps(error)), "vi") == say(error, "vi")
    nested = Said("input.folder-unlisted", "d: ", reason=Said("file.permission"))
    assert (say(nested, "vi"), say(nested, "en")) == ("d: không liệt kê được nội dung thư mục: không có quyền đọc",
                                                      "d: folder cannot be listed: permission denied")
    assert say(InputError("plain text"), "vi") == "plain text"


def test_the_errors_users_meet_are_vietnamese_by_default_and_english_with_lang_en(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "old.txt").write_bytes(b"T\xe0i li\xeau")
    (tmp_path / "big.txt").write_text("Chúc cả nhà vui vẻ!\n" * 80_000, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "c.yaml").write_text("disable: [x]\nfial_on: error\n", encoding="utf-8")
    (tmp_path / "typo.yaml").write_text('disable: ["langauge.insult"]\n', encoding="utf-8")
    (tmp_path / "renamed.docx").write_bytes("Báo cáo tuần, bản thô\n".encode())
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    cases = [
        ((str(tmp_path / "renamed.docx"),), "renamed.docx: không phải tệp Word .docx: tệp .docx là một gói nén zip",
         "renamed.docx: not a Word .docx file: a .docx is a zip archive and this file is not one"),
        ((str(tmp_path / "old.docx"),), "old.docx: là tệp Word 97–2003 (.doc) hoặc tệp .docx có đặt mật khẩu",
         "old.docx: a Word 97–2003 .doc file or a password-protected .docx"),
        ((str(tmp_path / "nope.txt"),), "nope.txt: không có tệp này", "nope.txt: no such file"),
        ((str(tmp_path / "empty"),), "empty: là thư mục không có bản nháp nào", "empty: is a folder with no drafts"),
        ((str(tmp_path / "photo.png"),), "photo.png: tệp nhị phân", "photo.png: binary file"),
        ((str(tmp_path / "old.txt"),), "old.txt: không phải văn bản UTF-8", "old.txt: not UTF-8 text"),
        (("--max-size", "1", str(tmp_path / "big.txt")), "big.txt: 2,0 MB, vượt giới hạn --max-size 1 MB",
         "big.txt: 2.0 MB is over the --max-size limit of 1 MB"),
        (("--config", str(tmp_path / "c.yaml"), "x.txt"), "c.yaml: khóa 'fial_on' không tồn tại (các khóa hợp lệ:",
         "c.yaml: unknown key 'fial_on' (known:"),
        (("--config", str(tmp_path / "typo.yaml"), "x.txt"),
         "typo.yaml: khóa 'disable': 'langauge.insult' không khớp mã quy tắc",
         "typo.yaml: key 'disable': 'langauge.insult' matches no rule id"),
        (("--config", str(tmp_path / "nope.yaml"), "x.txt"), "nope.yaml: không đọc được tệp cấu hình: không có tệp này",
         "nope.yaml: cannot read configuration file: no such file"),
    ]
    for args, vi, en in cases:
        said_vi, said_en = _run(*args), _run("--lang", "en", *args)
        assert said_vi.returncode == said_en.returncode and said_vi.returncode in (2, 3)
        [vi_line], [en_line] = said_vi.stderr.splitlines(), said_en.stderr.splitlines()
        assert vi in vi_line and en in en_line, (vi_line, en_line)


def test_a_pair_rule_quotes_the_nearest_cue_not_the_first_in_the_sentence(check):
    draft = "Theo tin nội bộ của đơn vị thì tuần sau anh Minh được bổ nhiệm làm Vụ trưởng, hiện chưa công bố."
    [finding] = [f for f in check(draft) if f.rule == "personnel.unannounced"]
    assert finding.match == "được bổ nhiệm"  # the span is the one it always was
    assert "(bài viết có “chưa công bố”)" in finding.message


def test_a_neutral_word_near_a_foreign_leader_is_not_called_a_judgement(check):
    [vi] = [f for f in check("Ông Trump thua rồi.") if f.rule == "foreign.leader-opinion"]
    [en] = [f for f in check("Ông Trump thua rồi.", "en") if f.rule == "foreign.leader-opinion"]
    assert vi.message.startswith("“thua” nói về “Trump”:") and "Nhận xét" not in vi.message
    assert en.message.startswith("“thua” said of “Trump”:") and "Judgement" not in en.message
