"""Privacy, proven: a check opens no socket, never makes underthesea download anything,
and writes nothing to disk. The draft's text exists only in its input file.

Each test runs the real command line in a fresh interpreter whose audit hooks (PEP 578)
watch every socket, every file opened for writing and every directory made; HOME, the
XDG folders, TMPDIR and the working directory are empty folders checked afterwards."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

VIOLATING = "Mình gửi mọi người tài liệu mật của Vụ.\nNói thật là chúng nó ngu như bò.\n"

# Runs postcheck.cli.main in-process after installing the watchers; prints what they saw
# as one JSON line on stderr, then exits with the CLI's code.
WRAPPER = r"""
import json, os, socket, sys

WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
CHANGES = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link", "os.truncate",
           "os.chmod", "os.utime", "shutil.copyfile", "shutil.move", "shutil.rmtree", "tempfile.mkstemp",
           "tempfile.mkdtemp"}


def report(event, detail):
    # written at once, so that forked workers (which inherit this hook) are watched too
    os.write(2, ("\nWATCHED " + json.dumps([event, detail]) + "\n").encode())


def hook(event, args):
    if event.startswith("socket."):
        report(event, repr(args)[:200])
        raise PermissionError(f"postcheck tried the network: {event}")
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int):
            return
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (mode is None and flags & WRITE):
            report(event, str(path))
    elif event in CHANGES:
        report(event, repr(args)[:200])


sys.addaudithook(hook)


def _probe():
    # urllib3 (imported by underthesea's optional modules, via requests) creates a socket at
    # import time to see whether the machine has IPv6 (bind to ::1, close): no traffic
    frame = sys._getframe(2)
    return frame.f_code.co_name == "_has_ipv6" and frame.f_code.co_filename.endswith(
        os.path.join("urllib3", "util", "connection.py"))


class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        report("ipv6 probe" if _probe() else "socket.socket", repr(args)[:200])
        raise PermissionError("postcheck opened a socket")


def no_connection(*args, **kwargs):
    report("socket.create_connection", repr(args)[:200])
    raise PermissionError("postcheck opened a connection")


socket.socket = NoSocket
socket.create_connection = no_connection

from postcheck.cli import main

main(sys.argv[1:])
"""


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Path]:
    places = {name: tmp_path / name for name in ("home", "cwd", "tmp", "xdg_cache", "xdg_config", "xdg_data")}
    for folder in places.values():
        folder.mkdir()
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    draft = inputs / "draft.txt"
    draft.write_text(VIOLATING, encoding="utf-8")
    places["draft"] = draft
    return places


def network(events: list) -> list:
    """The watched events that could reach the network (urllib3's import-time IPv6 probe,
    refused here like every socket, cannot)."""
    return [e for e in events if e[0] != "ipv6 probe" and (e[0].startswith("socket.") or "connection" in e[0])]


def run_watched(sandbox: dict[str, Path], *args: str, stdin: str | None = None):
    """(completed process, the watched events, stderr without them)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "UNDERTHESEA", "HF_", "HUGGINGFACE"))}
    env.update({
        "HOME": str(sandbox["home"]), "USERPROFILE": str(sandbox["home"]), "TMPDIR": str(sandbox["tmp"]),
        "XDG_CACHE_HOME": str(sandbox["xdg_cache"]), "XDG_CONFIG_HOME": str(sandbox["xdg_config"]),
        "XDG_DATA_HOME": str(sandbox["xdg_data"]), "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1",
    })
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *args], input=stdin or "", capture_output=True,
                          text=True, encoding="utf-8", cwd=sandbox["cwd"], env=env, timeout=120)
    events, errors = [], []
    for line in proc.stderr.splitlines():
        if line.startswith("WATCHED "):
            events.append(json.loads(line[len("WATCHED "):]))
        elif line.strip():
            errors.append(line)
    return proc, events, "\n".join(errors)


def leftovers(sandbox: dict[str, Path]) -> dict[str, list[str]]:
    found = {}
    for name, folder in sandbox.items():
        if name == "draft":
            continue
        files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
        if files:
            found[name] = files
    return found


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_check_opens_no_socket(sandbox, fmt):
    proc, events, errors = run_watched(sandbox, "--format", fmt, "--jobs", "1", str(sandbox["draft"]))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert network(events) == []
    assert errors == "", errors
    if fmt == "json":
        findings = json.loads(proc.stdout)["files"][0]["findings"]
        assert any(f["match"] == "tài liệu mật" for f in findings)
    else:
        assert "tài liệu mật" in proc.stdout


def test_underthesea_segments_without_downloading(sandbox):
    # "tài liệu mật" and "ngu" need word segmentation: underthesea's bundled model only
    proc, events, _ = run_watched(sandbox, "--format", "json", "--jobs", "1", str(sandbox["draft"]))
    assert proc.returncode == 1, proc.stderr
    assert leftovers(sandbox) == {}, "something was created in HOME, XDG, TMPDIR or the working directory"
    assert network(events) == []
    assert [e for e in events if e[0] != "ipv6 probe"] == []


def test_nothing_is_written_to_disk(sandbox):
    before = sandbox["draft"].read_bytes()
    proc, events, _ = run_watched(sandbox, str(sandbox["draft"]), "-", stdin=VIOLATING)
    assert proc.returncode == 1, proc.stderr
    assert [e for e in events if e[0] != "ipv6 probe"] == [], f"writes, new files or sockets: {events}"
    assert leftovers(sandbox) == {}
    # the draft is untouched and still the only file holding its text
    assert sandbox["draft"].read_bytes() == before
    assert sorted(p.name for p in sandbox["draft"].parent.iterdir()) == ["draft.txt"]


def test_parallel_workers_open_no_socket_and_write_nothing(sandbox):
    second = sandbox["draft"].parent / "second.txt"
    second.write_text(VIOLATING, encoding="utf-8")
    proc, events, errors = run_watched(sandbox, "--jobs", "2", str(sandbox["draft"]), str(second))
    assert proc.returncode == 1, proc.stderr
    assert [e for e in events if e[0] != "ipv6 probe"] == [] and errors == ""
    assert leftovers(sandbox) == {}
