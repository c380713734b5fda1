"""Fix-its (issue 16): the replacement a rule offers for its finding (checks/fixes.py), in
every output format, and `postcheck fix`, which applies them in a copy (fixing.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck.masking import masked_number
from postcheck.findings import FileReport
from postcheck.fixing import apply, fixed_path, plan

SRC = str(Path(__file__).resolve().parents[1] / "src")
PASSWORD = "Kx9#mBq2vL"  # made up for these tests; never to appear in any output
DRAFT = (f"Mật khẩu wifi phòng họp: {PASSWORD} nhé.\n"
         "Gọi chị Thu số 0987 654 321 để lấy chìa khoá.\n"
         "Đặt hàng qua thu.le@mofa.gov.vn nhé. Trả lời gì mà láo toét thế.\n")
FIXED_RULES = {"account.password", "personal.phone", "identity.official-email", "language.insult"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": SRC, "PYTHONIOENCODING": "utf-8"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "postcheck", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env=env, cwd=cwd)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / ".postcheck.yaml").write_text("", encoding="utf-8")  # no config from a parent folder
    return tmp_path


# --- the replacements ------------------------------------------------------------------------

def test_every_fixable_hit_example_is_fixed_and_nothing_new_appears(rulebook):
    """Each shipped rule's hit examples: applying the fixes leaves no finding that had a fix
    and makes no rule fire that did not fire before (a replacement that is itself a problem)."""
    fixed = 0
    for rule in (r for r in rulebook.rules if r.fixer):
        for example in rule.examples["hit"]:
            text = example.text
            found = rulebook.check_text(text)
            edits, _ = plan(FileReport("x.txt", tuple(found), text=text), text, "x.txt")
            if not any(e.rule == rule.id for e in edits):
                continue
            after = rulebook.check_text(apply(text, edits))
            assert not [f for f in after if f.fix is not None], (rule.id, example.text)
            assert {f.rule for f in after} <= {f.rule for f in found}, (rule.id, example.text)
            fixed += 1
    assert fixed >= 100  # every kind of fix is exercised, not a handful


def test_numbers_keep_their_layout_and_no_more_than_reports_show():
    assert masked_number("0987 654 321", keep_ends=True) == "09xx xxx x21"
    assert masked_number("+84 987.654.321", keep_ends=True) == "+84 xxx.xxx.x21"
    assert masked_number("001189012345", keep_ends=True) == "00xxxxxxxx45"
    assert masked_number("C1234567", keep_ends=False) == "xxxxxxxx"  # a passport shows nothing, as in reports
    assert masked_number("123456789", keep_ends=True) == "xxxxxxxxx"  # under 10 digits: nothing either


@pytest.mark.parametrize("text,match,fix", [
    ("Trả lời gì mà láo toét thế.", "láo toét", "vô lễ"),
    ("Láo toét thật, ai dạy thế.", "Láo toét", "Vô lễ"),  # capitalised at a sentence's start
    ("SHIPPER GÌ MÀ MẤT DẠY THẾ.", "MẤT DẠY", "THIẾU LỊCH SỰ"),
    ("Số tài khoản của chị Thu: 0451 0003 8127 6 Vietcombank, chuyển giúp.", None, None),
])
def test_polite_and_masked_fixes_follow_the_match(check, text, match, fix):
    found = {f.rule: f for f in check(text)}
    if match is None:  # a bank account: masked, the rest of the sentence untouched
        f = found["personal.bank-account"]
        assert f.fix == masked_number(text[f.start:f.end], keep_ends=True) and f.fix[:2] == "04"
        return
    f = found["language.insult"]
    assert (text[f.start:f.end], f.fix) == (match, fix)


def test_no_polite_swap_for_words_that_are_not_the_writers_own(check):
    # a negation lowered to a note: "không mất dạy" -> "không thiếu lịch sự" would change nothing
    # wrong into something else; a quoted word is someone's words
    for text in ("Anh ấy không hề mất dạy, chỉ hơi vụng về.", "Cô ấy dùng từ “mất dạy” để tả hành vi đó, báo đưa tin."):
        found = [f for f in check(text) if f.rule == "language.insult"]
        assert found and all(f.severity == "info" and f.fix is None for f in found), text


def test_fix_spans_point_into_the_original_text(check):
    text = "🙂🙂 Gọi em\r\nsố 0987 654 321 nhé."  # astral characters and a CRLF before the match
    [f] = [f for f in check(text) if f.rule == "personal.phone"]
    assert text[f.start:f.end] == "0987 654 321"
    assert (f.line, f.column) == (2, 4)


# --- every format ---------------------------------------------------------------------------

def test_fixes_in_json_sarif_and_text(folder):
    draft = folder / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    data = json.loads(run("--format", "json", "draft.txt", cwd=folder).stdout)
    found = data["files"][0]["findings"]
    with_fix = {f["rule"]: f for f in found if "fixes" in f}
    assert set(with_fix) == FIXED_RULES
    for f in with_fix.values():
        [edit] = f["fixes"]
        assert (edit["start"], edit["end"], edit["line"], edit["column"]) == (f["start"], f["end"], f["line"], f["column"])
    assert with_fix["account.password"]["fixes"][0]["replacement"] == "[đã xoá]"
    assert with_fix["personal.phone"]["fixes"][0]["replacement"] == "09xx xxx x21"

    sarif = run("--format", "sarif", "draft.txt", cwd=folder).stdout
    results = json.loads(sarif)["runs"][0]["results"]
    [phone] = [r for r in results if r["ruleId"] == "personal.phone"]
    [change] = phone["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "draft.txt"
    [edit] = change["replacements"]
    region = phone["locations"][0]["physicalLocation"]["region"]
    assert edit["deletedRegion"]["charOffset"] == region["charOffset"]
    assert edit["deletedRegion"]["charLength"] == region["charLength"]
    assert edit["insertedContent"]["text"] == "09xx xxx x21"

    vi = run("draft.txt", cwd=folder).stdout
    en = run("--lang", "en", "draft.txt", cwd=folder).stdout
    assert "→ Sửa thành: “[đã xoá]”" in vi and "→ Sửa thành: “vô lễ”" in vi
    assert "→ Fix: “[email cá nhân]”" in en
    for out in (sarif, vi, en, json.dumps(data, ensure_ascii=False)):
        assert PASSWORD not in out and "0987 654 321" not in out


def test_github_annotations_mention_the_fix_and_no_secret(folder):
    (folder / "draft.txt").write_text(DRAFT, encoding="utf-8")
    vi = run("--format", "github", "draft.txt", cwd=folder).stdout.splitlines()
    en = run("--format", "github", "--lang", "en", "draft.txt", cwd=folder).stdout.splitlines()
    [password] = [x for x in vi if "account.password" in x]
    assert password.endswith(" Sửa thành “[đã xoá]”.")
    [phone] = [x for x in en if "personal.phone" in x]
    assert phone.endswith(" Replace with “09xx xxx x21”.")
    for out in (vi, en):
        assert sum("Sửa thành" in x or "Replace with" in x for x in out) == len(FIXED_RULES)
        assert PASSWORD not in "\n".join(out) and "0987 654 321" not in "\n".join(out)


# --- postcheck fix ---------------------------------------------------------------------------

def test_fix_writes_a_copy_that_passes_and_leaves_the_original(folder):
    draft = folder / "draft.txt"
    original = DRAFT.replace("\n", "\r\n").encode("utf-8")  # CRLF line ends survive the fix
    draft.write_bytes(original)
    proc = run("fix", "draft.txt", cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert draft.read_bytes() == original  # byte for byte
    fixed = folder / "draft.fixed.txt"
    out = fixed.read_bytes().decode("utf-8")
    assert out == ("Mật khẩu wifi phòng họp: [đã xoá] nhé.\r\n"
                   "Gọi chị Thu số 09xx xxx x21 để lấy chìa khoá.\r\n"
                   "Đặt hàng qua [email cá nhân] nhé. Trả lời gì mà vô lễ thế.\r\n")
    # what it says: counts and rule ids, never what it replaced
    assert "draft.fixed.txt" in proc.stdout and "4" in proc.stdout and "account.password 1" in proc.stdout
    assert PASSWORD not in proc.stdout + proc.stderr and "0987" not in proc.stdout + proc.stderr
    assert "mofa" not in proc.stdout + proc.stderr
    # and the fixed copy passes
    again = run("--format", "json", "draft.fixed.txt", cwd=folder)
    assert again.returncode == 0, again.stdout
    assert json.loads(again.stdout)["files"][0]["findings"] == []


def test_fix_never_replaces_a_copy_without_force_and_in_place_changes_the_draft(folder):
    draft = folder / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    fixed = folder / "draft.fixed.txt"
    fixed.write_text("bản sửa tay của mình\n", encoding="utf-8")
    proc = run("fix", "draft.txt", cwd=folder)
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert "draft.fixed.txt" in line and "--force" in line
    assert fixed.read_text(encoding="utf-8") == "bản sửa tay của mình\n"
    assert run("fix", "--force", "draft.txt", cwd=folder).returncode == 0
    assert "[đã xoá]" in fixed.read_text(encoding="utf-8")

    proc = run("fix", "--in-place", "--lang", "en", "draft.txt", cwd=folder)
    assert proc.returncode == 0 and "4 fixed" in proc.stdout, proc.stdout + proc.stderr
    assert draft.read_text(encoding="utf-8") == fixed.read_text(encoding="utf-8")
    assert not [p.name for p in folder.iterdir() if "postcheck-tmp" in p.name]


def test_fix_leaves_what_it_cannot_fix_and_says_so(folder):
    draft = folder / "draft.txt"
    draft.write_text("Đây là báo cáo mật, đừng chia sẻ.\n", encoding="utf-8")
    proc = run("fix", "draft.txt", cwd=folder)
    assert proc.returncode == 1  # a finding is left, and no copy is written
    assert not (folder / "draft.fixed.txt").exists()
    assert "không có chỗ nào sửa tự động được" in proc.stdout


def test_fix_keeps_markup_whole(folder):
    md = folder / "post.md"
    md.write_text("# Tin vui\n\nMật khẩu: `Qz7#kP9!wR2` nhé, và gọi **0987 654 321**.\n\n"
                  "Email: thu.**le**@mofa.gov.vn\n", encoding="utf-8")
    proc = run("fix", "post.md", cwd=folder)
    out = (folder / "post.fixed.md").read_text(encoding="utf-8")
    assert "`[đã xoá]`" in out and "**09xx xxx x21**" in out
    # emphasis inside the address: replacing the span would cut the markup, so it is left
    assert "thu.**le**@mofa.gov.vn" in out and "1 cách sửa không áp dụng" in proc.stdout
    html = folder / "post.html"
    html.write_text("<p>Liên hệ <b>thu.le@mofa.gov.vn</b> nhé.</p>\n", encoding="utf-8")
    run("fix", "post.html", cwd=folder)
    assert (folder / "post.fixed.html").read_text(encoding="utf-8") == "<p>Liên hệ <b>[email cá nhân]</b> nhé.</p>\n"


def test_fix_refuses_stdin_in_one_line(folder):
    proc = run("fix", "-", cwd=folder)
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("postcheck: error:") and "Traceback" not in proc.stderr
    assert "standard input" in run("fix", "--lang", "en", "-", cwd=folder).stderr


def test_fixed_path_names():
    assert fixed_path(Path("a/draft.txt")) == Path("a/draft.fixed.txt")
    assert fixed_path(Path("bai.viet.md")) == Path("bai.viet.fixed.md")
    assert fixed_path(Path("notes")) == Path("notes.fixed")


def test_fix_keeps_a_byte_order_mark_and_writes_a_legacy_draft_as_utf8(folder):
    from postcheck.lang.encodings import encode_legacy

    line = "Cả nhà ơi, gọi chị Thu số 0987 654 321 nhé, mình đang bận họp ở cơ quan.\n"
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8"))
    (folder / "cu.txt").write_bytes(encode_legacy(line, "tcvn3"))
    proc = run("fix", "bom.txt", "cu.txt", cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fixed = line.replace("0987 654 321", "09xx xxx x21")
    assert (folder / "bom.fixed.txt").read_bytes() == b"\xef\xbb\xbf" + fixed.encode("utf-8")
    assert (folder / "cu.fixed.txt").read_bytes() == fixed.encode("utf-8")
    [note] = [x for x in proc.stderr.splitlines() if "cu.fixed.txt" in x]
    assert "UTF-8" in note


def test_a_fix_never_shows_digits_the_report_hides():
    from postcheck.findings import Finding
    from postcheck.masking import mask_report

    text = "Số 0987654321 nhé"
    phone = Finding("personal.phone", "5.1", "warning", 1, 4, 3, 13, "0987654321", "m", secret="number",
                    fix="09xxxxxx21")
    assert mask_report(FileReport("x", (phone,), text=text)).findings[0].fix == "09xxxxxx21"
    # the same digits hidden whole by another rule (a code, say): the fix shows none either
    hidden = FileReport("x", (phone,), text=text, secrets=((3, 13, True),))
    assert mask_report(hidden).findings[0].fix == "xxxxxxxxxx"


# --- review of the fix-its (what a user ran into) ----------------------------------------------

def test_html_fixes_go_through_character_references(folder):
    """HTML from an editor writes &nbsp; in a phone number and &aacute; in a word: the span
    is still text (no tag in it), so it is fixed whole; the tags and other references stay."""
    page = folder / "post.html"
    page.write_text("<p>Gọi chị Thu số 0987&nbsp;654&nbsp;321 &amp; đừng l&aacute;o toét thế.</p>\n"
                    "<p title=\"x\">Mật khẩu wifi: A&lt;b&gt;c9#xyz12</p>\n", encoding="utf-8")
    proc = run("fix", "post.html", cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (folder / "post.fixed.html").read_text(encoding="utf-8") == (
        "<p>Gọi chị Thu số 09xx xxx x21 &amp; đừng vô lễ thế.</p>\n"
        "<p title=\"x\">Mật khẩu wifi: [đã xoá]</p>\n")
    assert "c9#xyz12" not in proc.stdout + proc.stderr


def test_a_secret_said_again_where_no_rule_looks_is_counted_never_shown(folder):
    """The first password is the finding; the same password repeated later is not: the copy
    would still hold it, so fix says so (without the text) and exits 1, not 'nothing left'."""
    (folder / "wifi.txt").write_text(f"Mật khẩu wifi: {PASSWORD} nhé. Ai quên thì đây: {PASSWORD}\n",
                                     encoding="utf-8")
    (folder / "post.md").write_text("Mail: [thu.le@mofa.gov.vn](mailto:thu.le@mofa.gov.vn)\n", encoding="utf-8")
    for name, target in (("wifi.txt", "wifi.fixed.txt"), ("post.md", "post.fixed.md")):
        proc = run("fix", name, cwd=folder)
        assert proc.returncode == 1, (name, proc.stdout, proc.stderr)
        [warning] = proc.stderr.strip().splitlines()
        assert warning.startswith("postcheck: warning: " + target + ": 1 đoạn đã thay")
        assert PASSWORD not in proc.stdout + proc.stderr and "mofa" not in warning


def test_counting_what_is_left_is_linear_in_the_fixes():
    from postcheck.fixing import left_in
    import time

    text = "".join(f"dòng {i}: đã sửa\n" for i in range(100_000))
    replaced = {f"Kx{i}#mBq2vL" for i in range(50_000)}
    began = time.perf_counter()
    assert left_in([text + "Kx7#mBq2vL"], replaced) == 1
    assert left_in([text.replace("dòng 5:", "Kx&lt;1")], {"Kx<1"}) == 1  # as HTML writes it
    assert time.perf_counter() - began < 5  # a `str in` per fix took minutes on 5 MB


def test_a_decomposed_draft_gets_decomposed_fixes(folder):
    """NFD text (macOS, some keyboards): the copy stays NFD throughout, fixes included."""
    import unicodedata

    draft = unicodedata.normalize("NFD", "Trả lời gì mà láo toét thế.\nMật khẩu wifi: " + PASSWORD + "\n")
    (folder / "nfd.txt").write_text(draft, encoding="utf-8")
    assert run("fix", "nfd.txt", cwd=folder).returncode == 0
    out = (folder / "nfd.fixed.txt").read_text(encoding="utf-8")
    assert out == unicodedata.normalize("NFD", "Trả lời gì mà vô lễ thế.\nMật khẩu wifi: [đã xoá]\n")
