"""`postcheck serve`'s JSON API, driven in-process by Starlette's TestClient: the same
findings as the command line's --format json, and the guard around it (Host/Origin,
body size, malformed bodies, headers)."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from postcheck.cli import check_app  # noqa: E402
from postcheck.serve.app import create_app  # noqa: E402

DRAFTS = [
    "Tối nay cả nhóm đi ăn lẩu nhé, ai đi thì báo mình trước 5 giờ.",
    "Mình vừa xem xong công văn mật về chuyến thăm sắp tới, chưa công bố đâu nên đừng kể ai.\n"
    "Có gì gửi vào hộp thư minh.pq@mofa.gov.vn giúp mình.",
    "Đồ ngu, làm ăn thế mà cũng đòi lên chức!\nMật khẩu wifi phòng họp: Trang#2026pass",
    "Sếp mình sắp được điều động sang làm Đại sứ, tin nội bộ thôi nhé.",
]
STATIC = Path(__file__).resolve().parents[1] / "src" / "postcheck" / "serve" / "static"


@pytest.fixture(scope="module")
def client(rulebook):
    return TestClient(create_app(rulebook), base_url="http://127.0.0.1")


def cli_json(text: str, lang: str = "vi") -> dict:
    result = CliRunner().invoke(check_app, ["--format", "json", "--lang", lang, "-"], input=text)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("text", DRAFTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_returns_what_format_json_prints(client, text, lang):
    response = client.post("/api/check", json={"text": text, "lang": lang})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == cli_json(text, lang)


def test_the_drafts_hold_findings_and_a_clean_one(client):
    found = [client.post("/api/check", json={"text": t}).json()["files"][0]["findings"] for t in DRAFTS]
    assert found[0] == [] and all(found[1:])
    rules = {f["rule"] for f in found[2]}
    assert "account.password" in rules
    # the password is masked as in every report
    assert "Trang#2026pass" not in json.dumps(found[2], ensure_ascii=False)


def test_a_dropped_file_is_read_like_the_same_file_on_disk(client, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Chúc mọi người cuối tuần vui vẻ.")
    document.add_paragraph("Gửi mọi người bản báo cáo mật của đoàn.")
    path = tmp_path / "bai-viet.docx"
    document.save(str(path))
    data = path.read_bytes()
    response = client.post("/api/check-file?name=bai-viet.docx", content=data)
    assert response.status_code == 200
    got = response.json()["files"][0]
    result = CliRunner().invoke(check_app, ["--format", "json", str(path)])
    expected = json.loads(result.stdout)["files"][0]
    assert got["findings"] == expected["findings"] and got["findings"]
    [finding] = [f for f in got["findings"] if f["rule"] == "classified.marks"]
    assert got["text"][finding["start"]:finding["end"]] == finding["match"] == "báo cáo mật"
    assert finding["part"] == "body" and finding["paragraph"] == 2


def test_a_dropped_markdown_file_is_checked_as_markdown(client):
    source = "# Tin vui\n\nMình gửi tài liệu **mật** cho cả nhà xem.\n\n<!-- báo cáo mật -->\n"
    got = client.post("/api/check-file?name=tin.md", content=source.encode()).json()["files"][0]
    assert [f["match"] for f in got["findings"]] == ["tài liệu mật"]  # the comment is not prose
    f = got["findings"][0]
    assert got["text"] == source and source[f["start"]:f["end"]] == "tài liệu **mật"


def test_an_unreadable_file_is_an_error_in_the_report(client):
    got = client.post("/api/check-file?name=x.docx&lang=en", content=b"not a zip").json()["files"][0]
    assert "not a Word .docx file" in got["error"] and got["findings"] == []
    # the page shows the error as it is: in the page's language
    vi = client.post("/api/check-file?name=x.docx&lang=vi", content=b"not a zip").json()["files"][0]
    assert "không phải tệp Word .docx" in vi["error"]


@pytest.mark.parametrize("name", ["", "x.exe", "../x.txt", "a/b.txt"])
def test_a_file_name_that_is_no_draft_is_400(client, name):
    response = client.post("/api/check-file", params={"name": name}, content=b"abc")
    assert response.status_code == 400 and response.json()["error"]


@pytest.mark.parametrize("body, fragment, vietnamese", [
    (b"{not json", "must be JSON", "phải là JSON"),
    (b"\xff\xfe\x00", "must be JSON", "phải là JSON"),
    (b'["text"]', "JSON object", "đối tượng JSON"),
    (b'{"text": 5}', "JSON object", "đối tượng JSON"),
    (b'{"draft": "x"}', "JSON object", "đối tượng JSON"),
    (b'{"text": "x", "lang": "fr"}', "lang must be", "lang phải là"),
])
def test_a_malformed_body_is_400_with_a_message(client, body, fragment, vietnamese):
    response = client.post("/api/check?lang=en", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert fragment in response.json()["error"]
    # in the server's language (Vietnamese unless started with --lang en) when none is asked for
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400 and vietnamese in response.json()["error"]


def test_api_errors_follow_the_language_the_server_was_started_in(rulebook):
    english = TestClient(create_app(rulebook, lang="en"), base_url="http://127.0.0.1")
    assert "must be JSON" in english.post("/api/check", content=b"{").json()["error"]
    assert "not found" in english.get("/static/x.js").json()["error"]
    assert "không có trang này" in english.get("/static/x.js?lang=vi").json()["error"]
    assert "Host" in english.get("/", headers={"host": "evil.example"}).json()["error"]
    vietnamese = TestClient(create_app(rulebook), base_url="http://127.0.0.1")
    assert "không phải trang postcheck" in vietnamese.get("/", headers={"host": "evil.example"}).json()["error"]
    assert "tên tệp" in vietnamese.post("/api/check-file?name=a/b.txt", content=b"x").json()["error"]
    assert "không phải tệp bản nháp" in vietnamese.post("/api/check-file?name=x.exe", content=b"x").json()["error"]


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80",
                                  "192.168.1.5", ""])
def test_another_host_is_refused(rulebook, host):
    client = TestClient(create_app(rulebook, lang="en"), base_url="http://127.0.0.1")
    for request in (lambda: client.get("/", headers={"host": host}),
                    lambda: client.post("/api/check", json={"text": "x"}, headers={"host": host})):
        response = request()
        assert response.status_code == 403 and "Host" in response.json()["error"]


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "https://127.0.0.1", "http://127.0.0.1.evil.example",
                                    "http://127.0.0.1:1234"])
def test_another_origin_is_refused(rulebook, origin):
    client = TestClient(create_app(rulebook, port=8765, lang="en"), base_url="http://127.0.0.1:8765")
    response = client.post("/api/check", json={"text": "x"}, headers={"origin": origin})
    assert response.status_code == 403 and "Origin" in response.json()["error"]


def test_the_page_own_address_is_accepted(rulebook):
    client = TestClient(create_app(rulebook, port=8765), base_url="http://127.0.0.1:8765")
    for origin in ("http://127.0.0.1:8765", "http://localhost:8765"):
        assert client.post("/api/check", json={"text": "x"}, headers={"origin": origin}).status_code == 200
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"host": "127.0.0.1:9999"}).status_code == 403


def test_an_oversized_body_is_413(rulebook):
    client = TestClient(create_app(rulebook, max_body=1000, lang="en"), base_url="http://127.0.0.1")
    big = json.dumps({"text": "a" * 2000})
    response = client.post("/api/check", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "over 1000 bytes" in response.json()["error"]
    # a body sent in chunks, with no Content-Length, is cut off as it grows
    chunks = (b"x" * 300 for _ in range(10))
    response = client.post("/api/check-file?name=a.txt", content=chunks)
    assert response.status_code == 413
    assert client.post("/api/check", json={"text": "ngắn"}).status_code == 200


def test_responses_carry_a_strict_policy_and_no_cookie(client):
    for response in (client.get("/"), client.get("/static/page.js"), client.get("/static/page.css"),
                     client.post("/api/check", json={"text": "x"}), client.post("/api/check", content=b"x")):
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "set-cookie" not in response.headers
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/nothing.js").status_code == 404


def test_the_page_loads_nothing_from_elsewhere_and_runs_no_inline_script():
    html = (STATIC / "page.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html)
    assert not re.search(r"\son[a-z]+\s*=", html)  # no inline event handlers either
    for name in ("page.html", "page.js", "page.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), name
        assert "innerHTML" not in text and "localStorage" not in text and "document.cookie" not in text


def test_clauses_give_heading_and_text(client):
    clauses = {c["code"]: c for c in client.get("/api/clauses?lang=en").json()["clauses"]}
    assert clauses["5.2"]["heading"].startswith("Article 5, clause 2")
    assert clauses["5.2"]["text"].startswith("2. ")
    assert any(r["id"] == "classified.marks" for r in clauses["5.2"]["rules"])
    assert client.get("/api/clauses?lang=xx").status_code == 400


def test_a_real_server_on_loopback_answers_and_guards(rulebook):
    """Through uvicorn and a socket, as the page uses it (TestClient skips both)."""
    import http.client
    import socket
    from urllib.parse import urlsplit

    from postcheck.serve.main import HOST, InThread, listening_socket

    sock = listening_socket()
    try:
        # TCP named: asyncio then sets TCP_NODELAY on each connection (40 ms per request otherwise)
        assert sock.getsockname()[0] == HOST == "127.0.0.1" and sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
    with InThread(rulebook) as url:
        netloc = urlsplit(url).netloc
        conn = http.client.HTTPConnection(netloc, timeout=30)
        body = json.dumps({"text": DRAFTS[1]}).encode()
        conn.request("POST", "/api/check", body, {"Content-Type": "application/json", "Origin": f"http://{netloc}"})
        response = conn.getresponse()
        assert response.status == 200 and json.loads(response.read()) == cli_json(DRAFTS[1])
        assert response.getheader("server") is None or "uvicorn" not in response.getheader("server", "")
        conn.request("GET", "/", headers={"Host": "attacker.example"})
        response = conn.getresponse()
        response.read()
        assert response.status == 403


def test_the_serve_command_prints_its_address_and_serves_the_page():
    import os
    import subprocess
    import http.client
    import sys

    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-m", "postcheck", "serve", "--no-browser"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert "Ctrl+C" in line
        # http.client, not urllib: a proxy set in the environment must not be asked
        conn = http.client.HTTPConnection(url[len("http://"):-1], timeout=30)
        conn.request("GET", "/")
        assert b'<script src="/static/page.js" defer>' in conn.getresponse().read()
        marker = "Zyxwvu-bản-nháp-riêng"
        conn.request("POST", "/api/check", json.dumps({"text": f"{marker} tài liệu mật"}).encode(),
                     {"Content-Type": "application/json"})
        response = conn.getresponse()
        assert response.status == 200 and response.read()
        conn.request("POST", "/api/check", b"{broken " + marker.encode(), {"Content-Type": "application/json"})
        response = conn.getresponse()
        assert response.status == 400 and marker.encode() not in response.read()
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert "GET /" not in err and "POST" not in err  # no access log
    assert marker not in out + err  # nor the draft, checked or refused


DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.skipif(not DEV.is_file(), reason="the shared dev corpus is not beside the repository")
def test_every_dev_draft_gets_the_findings_the_command_line_gives(client, tmp_path):
    drafts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, text in enumerate(drafts):
        (tmp_path / f"{n:04d}.txt").write_text(text, encoding="utf-8", newline="")
    result = CliRunner().invoke(check_app, ["--format", "json", "--jobs", "1", str(tmp_path)])
    expected = {Path(f["path"]).name: f["findings"] for f in json.loads(result.stdout)["files"]}
    assert len(expected) == len(drafts) and sum(map(len, expected.values())) > 50
    for n, text in enumerate(drafts):
        got = client.post("/api/check", json={"text": text}).json()["files"][0]["findings"]
        assert got == expected[f"{n:04d}.txt"], n
