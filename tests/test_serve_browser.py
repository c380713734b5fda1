"""The page itself, in headless Chromium (Debian's chromium package, driven by Playwright
at /usr/bin/chromium: no browser is downloaded). Skipped, saying why, when either is
missing; .ci/run installs chromium when it can.

Every request the page makes is recorded: none may go to any host but its own."""
from __future__ import annotations

import base64
import os
import re
import shutil
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("POSTCHECK_CHROMIUM", "/usr/bin/chromium")
if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
    pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium package: apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed "
                                                             "(pip install '.[test]')")
pytest.importorskip("uvicorn")

from postcheck.serve.main import InThread  # noqa: E402

# as the machine notes give them: no sandbox as root, and no background traffic to Google
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
VIOLATING = ("Cuối tuần này cả phòng đi Ba Vì, ai đi thì đăng ký nhé.\n"
             "Mình gửi kèm tài liệu mật của cuộc họp hôm qua để mọi người nắm.\n"
             "Ai cần thì liên hệ lan.pt@mofa.gov.vn nhé.")
CLEAN = "Chúc cả nhà một tuần làm việc hiệu quả và nhiều niềm vui!"


@pytest.fixture(scope="module")
def server(rulebook):
    with InThread(rulebook) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        except Exception as exc:  # a chromium that cannot start here (no shared libraries, say)
            pytest.skip(f"Chromium at {CHROMIUM} did not start: {str(exc).splitlines()[0]}")
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    # a Content-Security-Policy violation, a failed load or a script error shows up here
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server)
    page.wait_for_selector("body[data-ready='1']")
    yield page
    context.close()
    own = urlsplit(server).netloc
    assert requests and all(urlsplit(u).netloc == own for u in requests), requests
    assert errors == [], errors


def wait_state(page, state: str) -> None:
    page.wait_for_selector(f"#status[data-state='{state}']", timeout=15000)


def test_a_violating_draft_is_highlighted_at_its_words_and_grouped_by_clause(page):
    page.fill("#draft", VIOLATING)
    wait_state(page, "found")
    marks = page.eval_on_selector_all("mark", "ms => ms.map(m => m.textContent)")
    assert "tài liệu mật" in marks and "lan.pt@mofa.gov.vn" in marks
    # the view is the draft itself, with the marks in place
    assert page.inner_text("#view").replace("\n", "") == VIOLATING.replace("\n", "")
    clauses = page.eval_on_selector_all("section.clause", "ss => ss.map(s => s.dataset.clause)")
    assert clauses == sorted(clauses) and {"5.2", "5.6"} <= set(clauses)
    group = page.locator("section.clause[data-clause='5.2']")
    assert group.locator("h2").inner_text().startswith("Điều 5 khoản 2")
    assert "tài liệu mật" in group.locator("li").first.inner_text()
    # the clause's text is there on demand
    assert not group.locator(".clause-text").is_visible()
    group.locator("summary").click()
    assert group.locator(".clause-text").inner_text().startswith("2. ")
    # a finding and its words point at each other
    group.locator("li").first.click()
    assert page.locator("mark.focus").first.inner_text() == "tài liệu mật"
    assert "Có " in page.inner_text("#status")


def test_a_clean_draft_says_so_unmistakably(page):
    page.fill("#draft", VIOLATING)
    wait_state(page, "found")
    page.fill("#draft", CLEAN)
    wait_state(page, "clean")
    assert page.inner_text("#status") == "Đã kiểm tra: không phát hiện vấn đề nào."  # (✓ is CSS)
    assert page.locator("mark").count() == 0 and page.locator("section.clause").count() == 0
    colour = page.eval_on_selector("#status", "s => getComputedStyle(s).backgroundColor")
    assert colour == "rgb(230, 244, 234)"  # the green of .status.clean


def test_english_switch(page):
    page.click("#lang-en")
    page.fill("#draft", VIOLATING)
    wait_state(page, "found")
    # (no wait_for_function with a string: the page's CSP forbids the eval behind it)
    sync_api.expect(page.locator("section.clause h2").first).to_have_text(re.compile("^Article 5"))
    assert "to review" in page.inner_text("#status")
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("#lang-vi")
    sync_api.expect(page.locator("section.clause h2").first).to_have_text(re.compile("^Điều 5"))


def test_a_dropped_docx_shows_its_findings(page, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Thông báo lịch trực Tết của phòng.")
    document.add_paragraph("Đính kèm công văn mật số 12, đề nghị mọi người không chia sẻ.")
    path = tmp_path / "lich-truc.docx"
    document.save(str(path))
    data = base64.b64encode(path.read_bytes()).decode()
    transfer = page.evaluate_handle("""([data, name]) => {
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const t = new DataTransfer();
        t.items.add(new File([bytes], name));
        return t;
    }""", [data, path.name])
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    wait_state(page, "found")
    assert "lich-truc.docx" in page.inner_text("#source")
    assert "công văn mật" in page.eval_on_selector_all("mark", "ms => ms.map(m => m.textContent)")
    assert "thân bài, đoạn 2" in page.inner_text("section.clause[data-clause='5.2'] .where")  # Word's words


def test_a_file_that_cannot_be_read_says_why(page, tmp_path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"this is no zip")
    page.set_input_files("#file", str(path))
    wait_state(page, "failed")
    # the page speaks Vietnamese, and so does the reason (it was the English text before)
    assert "không phải tệp Word .docx" in page.inner_text("#status")


def test_applying_a_fix_changes_the_draft_and_the_finding_goes_away(page):
    # an emoji before the fix: offsets count code points, JavaScript strings UTF-16 units
    draft = "🙂 " + VIOLATING + "\nMật khẩu wifi phòng họp: Qz7#kP9!wR2 nhé."
    page.fill("#draft", draft)
    wait_state(page, "found")
    email = page.locator("li[data-rule='identity.official-email']")
    assert "Sửa thành: “[email cá nhân]”" in email.inner_text()
    # the finding without a fix has no button
    assert page.locator("li[data-rule='classified.marks'] button.apply-fix").count() == 0
    email.locator("button.apply-fix").click()
    sync_api.expect(email).to_have_count(0)
    assert page.input_value("#draft") == draft.replace("lan.pt@mofa.gov.vn", "[email cá nhân]")
    assert "lan.pt@mofa.gov.vn" not in page.eval_on_selector_all("mark", "ms => ms.map(m => m.textContent)")
    assert page.locator("li[data-rule='classified.marks']").count() == 1  # the rest stays
    # a secret: the box changes, the report never showed it
    password = page.locator("li[data-rule='account.password']")
    password.locator("button.apply-fix").click()
    sync_api.expect(password).to_have_count(0)
    assert page.input_value("#draft").endswith("Mật khẩu wifi phòng họp: [đã xoá] nhé.")
    assert "Qz7#kP9!wR2" not in page.inner_text("#view")
