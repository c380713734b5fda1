#!/usr/bin/env python3
"""The README's picture of `postcheck serve`: the page with a draft whose findings include
fixes (an official address, a phone number: each with its Apply button), in headless Chromium
(Debian's /usr/bin/chromium, driven by Playwright). Writes docs/serve-page.png.

    PYTHONPATH=src python scripts/page_screenshot.py [out.png]
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from postcheck import load_rulebook
from postcheck.serve.main import InThread

# written for this picture: a post a staff member might draft after a meeting
DRAFT = ("Cả nhà ơi, hôm nay đoàn mình làm việc cả ngày, mệt nhưng vui!\n\n"
         "Tin nội bộ: nghe nói chị Hạnh sắp được bổ nhiệm làm Vụ phó, chưa công bố đâu nhé.\n"
         "Ai cần tài liệu mật của buổi họp thì nhắn mình, mình gửi qua Zalo.\n"
         "Có việc gì gấp thì gửi vào hộp thư hanh.nt@mofa.gov.vn giúp mình, "
         "hoặc gọi chị Hạnh số 0912 345 678.\n\n"
         "Cuối tuần cả nhà nghỉ ngơi, hẹn gặp lại thứ Hai!")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "serve-page.png")
    with InThread(load_rulebook()) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']")
        page.fill("#draft", DRAFT)
        page.wait_for_selector("#status[data-state='found']")
        page.wait_for_selector("button.apply-fix")  # the picture is meant to show them
        page.locator("section.clause summary").first.click()
        page.screenshot(path=str(out), full_page=True)
        browser.close()
    print(out)


if __name__ == "__main__":
    main()
