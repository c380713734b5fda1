"""Real-shaped press documents in HTML and Markdown: each violation is found where it
stands in the source file, and nothing inside code, scripts or link targets is reported."""
from __future__ import annotations

import json
import time

from typer.testing import CliRunner

from postcheck.cli import check_app
from postcheck.readers import prose_view

CMS_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>G&oacute;c chia s&#7867;</title>
<script>var note = "tài liệu mật"; if (a < b) { x = "<p>bí mật nhà nước</p>"; }</script>
<style>.mat::after { content: "báo cáo mật"; }</style></head>
<body><div class="post-body">
<p>Ch&uacute;ng t&ocirc;i g&#7917;i k&egrave;m t&agrave;i&nbsp;li&#7879;u&nbsp;<strong>m<em>&#7853;t</em></strong> c&#7911;a V&#7909;.</p>
<p>Nh&#7853;n order h&agrave;ng x&aacute;ch tay qua lan.tt&#64;mofa.gov.vn</p>
<!-- báo cáo mật: bản nháp cũ -->
<p><a href="https://example.vn/bao-cao-mat" title="Xem th&ecirc;m">Xem th&ecirc;m</a></p>
<img src="anh.jpg" alt="&#7842;nh b&iacute; m&#7853;t nh&agrave; n&#432;&#7899;c">
</div></body></html>
"""

MARKDOWN = """---
title: tài liệu mật
tags: [báo cáo mật]
---
# Thông cáo báo chí

Đính kèm tài liệu **mật** của Vụ và bản *dự thảo* Tuyên bố chung.
Xem [báo cáo](https://example.vn/bao-cao-mat) và ảnh ![Ảnh](a.png "bí mật nhà nước").

| Mục | Ghi chú |
|-----|---------|
| 1 | tài liệu *mật* |

Lệnh `grep "báo cáo mật"` không phải lời văn.

```
báo cáo mật trong ví dụ mã
```
"""


def run_json(path) -> list[dict]:
    result = CliRunner().invoke(check_app, ["--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["files"][0]["findings"]


def test_cms_html_page(tmp_path):
    page = tmp_path / "thong-cao.html"
    page.write_text(CMS_PAGE, encoding="utf-8")
    found = run_json(page)
    lines = CMS_PAGE.split("\n")
    by_rule = {}
    for f in found:
        by_rule.setdefault(f["rule"], []).append(f)
        # the position is the source's: line and column agree with the offsets
        line_start = sum(len(x) + 1 for x in lines[:f["line"] - 1])
        assert f["start"] == line_start + f["column"] - 1
    secret = [f for f in found if f["match"] == "tài liệu mật"]
    assert secret, found
    # from the first entity of "t&agrave;i" to the end of "&#7853;t" inside the nested tags
    assert CMS_PAGE[secret[0]["start"]:secret[0]["end"]] == "t&agrave;i&nbsp;li&#7879;u&nbsp;<strong>m<em>&#7853;t"
    assert secret[0]["line"] == 6
    email = [f for f in found if f["rule"] == "identity.official-email"]
    assert email and CMS_PAGE[email[0]["start"]:email[0]["end"]] == "lan.tt&#64;mofa.gov.vn"
    alt = [f for f in found if f["match"] == "bí mật nhà nước"]
    assert alt and alt[0]["line"] == 10
    # script, style, comment and link target: nothing reported there
    for f in found:
        assert f["line"] not in (3, 4, 8), f
        assert "Ch&uacute;c" not in f["message"] and "&#" not in f["match"]


def test_markdown_press_release(tmp_path):
    draft = tmp_path / "thong-cao.md"
    draft.write_text(MARKDOWN, encoding="utf-8")
    found = run_json(draft)
    lines = MARKDOWN.split("\n")
    places = {(f["match"], f["line"]) for f in found}
    assert ("tài liệu mật", 7) in places  # split by **strong**
    assert ("bí mật nhà nước", 8) in places  # an image title
    assert ("tài liệu mật", 12) in places  # a table cell, split by *emphasis*
    for f in found:
        assert f["line"] not in (1, 2, 3, 4, 14, 17), f  # front matter, inline code, code block
        assert "example.vn" not in f["match"]
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(MARKDOWN[f["start"]:f["end"]])
    # the word-list finding (the learned 5.2 check also reports the whole sentence)
    draft_hit = [f for f in found if "dự thảo" in f["match"] and f["mechanism"] != "classifier"]
    assert draft_hit and draft_hit[0]["line"] == 7, found
    assert MARKDOWN[draft_hit[0]["start"]:draft_hit[0]["end"]] == "dự thảo* Tuyên bố chung"


def test_markdown_code_is_read_by_secret_rules_only(tmp_path):
    draft = tmp_path / "note.md"
    draft.write_text("Ghi chú:\n\n```\nmật khẩu: Hanoi@2024xyz\nbáo cáo mật\n```\n", encoding="utf-8")
    found = run_json(draft)
    assert [f["rule"] for f in found] == ["account.password"]
    assert found[0]["line"] == 4


def test_entities_and_escapes_are_decoded_in_markdown():
    read = prose_view("a.md", "Gửi t&agrave;i li&#7879;u m\\&#7853;t và tài liệu mật\n")
    # a backslash keeps an entity as written (CommonMark)
    assert read.text.text.startswith("Gửi tài liệu m&#7853;t và tài liệu mật")


def test_ten_megabyte_html_is_read_in_bounded_time():
    unit = CMS_PAGE.split("<body>")[1]
    page = unit * (10_000_000 // len(unit))
    started = time.perf_counter()
    read = prose_view("big.html", page)
    elapsed = time.perf_counter() - started
    assert read.text.original_length == len(page)
    assert read.text.text.count("tài liệu mật") == page.count("t&agrave;i&nbsp;li&#7879;u")
    assert elapsed < 30, elapsed


def test_markdown_read_in_stretches_reads_as_one_piece(monkeypatch):
    import postcheck.readers.markup as markup

    # fenced blocks with blank lines inside, so that a cut inside one would show its code
    body = MARKDOWN.split("---\n", 2)[2] + "\n```\nmật khẩu: Hanoi@2024xyz\n\n\nbáo cáo mật\n```\n\n"
    doc = body * 300
    monkeypatch.setattr(markup, "STRETCH", 10**9)
    whole = prose_view("a.md", doc)
    monkeypatch.setattr(markup, "STRETCH", 2_000)
    assert len(markup._stretches(doc)) > 50
    pieces = prose_view("a.md", doc)
    assert pieces.text.text == whole.text.text and pieces.code.text == whole.code.text
    k = pieces.text.text.rindex("tài liệu mật")
    start, _ = pieces.text.original_span(k, k + 12)
    assert doc[start:].startswith("tài liệu *mật* |")  # the last table cell
