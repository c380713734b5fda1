#!/usr/bin/env python3
"""Round trip of POST /api/check for a short draft against a running `postcheck serve`:
what the page waits for after each pause in typing. Target: p95 ≤ 50 ms.

    python benchmarks/serve_latency.py [--url http://127.0.0.1:PORT/] [-n 300]

Without --url, a server is started (`python -m postcheck serve --no-browser`, in its own
process, as a user would run it) and stopped afterwards. Requests go over one keep-alive
connection, as the browser's fetch does; a few warm-up requests come first.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

# a short draft, written for this benchmark: one finding, a typical post's length
DRAFTS = {
    "short violating": "Chiều nay họp phòng lúc 3 giờ nhé mọi người. Ai chưa đọc tài liệu mật gửi hôm qua thì "
                       "đọc trước giúp mình, nhớ mang theo máy tính.",
    "short clean": "Chiều nay họp phòng lúc 3 giờ nhé mọi người, nhớ mang theo máy tính và sổ ghi chép.",
}


def start_server() -> tuple[subprocess.Popen, str]:
    src = Path(__file__).resolve().parents[1] / "src"
    env = dict(os.environ, PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-m", "postcheck", "serve", "--no-browser"], stdout=subprocess.PIPE,
                            env=env, text=True)
    line = proc.stdout.readline()
    url = next(word for word in line.split() if word.startswith("http://"))
    return proc, url


def measure(url: str, text: str, n: int, warm: int = 20) -> list[float]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.connect()
    # as browsers do: without it, Nagle's algorithm and delayed ACKs add 40 ms to a request
    # whose headers and body leave in two writes
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    body = json.dumps({"text": text, "lang": "vi"}).encode()
    headers = {"Content-Type": "application/json", "Origin": f"http://{parts.netloc}"}
    times = []
    for k in range(warm + n):
        t0 = time.perf_counter()
        conn.request("POST", "/api/check", body, headers)
        response = conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - t0
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status}: {data[:200]!r}")
        if k >= warm:
            times.append(elapsed * 1000)
    conn.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url")
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    proc = None
    url = args.url
    if not url:
        proc, url = start_server()
    try:
        print(f"{'draft':<18}{'chars':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}   (n={args.n}, {url})")
        for name, text in DRAFTS.items():
            times = sorted(measure(url, text, args.n))
            p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
            print(f"{name:<18}{len(text):>6}{statistics.median(times):>9.1f}{p95:>9.1f}{times[-1]:>9.1f}")
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
