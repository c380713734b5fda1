"""Baselines that give nothing away and fail cleanly (issue 11, items 5, 17 and 18).

Fingerprints are HMACs under a random key kept beside the baseline: knowing the rule, the
path, the occurrence and the hashing scheme, an attacker holding only the baseline file
still cannot test guesses of the secret. Unreadable or malformed baselines are one-line
errors with exit 2, never a traceback or a hang."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

OTP = "550821"
DRAFT = f"Mã OTP là {OTP} nhé.\n"


def postcheck(*args: str, cwd: Path, env: dict | None = None, timeout: float = 60):
    full_env = {k: v for k, v in os.environ.items() if k != "POSTCHECK_BASELINE_KEY"}
    full_env.update(PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"), NO_COLOR="1", **(env or {}))
    return subprocess.run([sys.executable, "-m", "postcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=full_env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def guesses(prints: set[str], digest) -> list[str]:
    """The OTPs near the real one whose fingerprint `digest(raw bytes)` gives, as an attacker
    who knows the scheme (rule, normalized match, path, occurrence) would try them."""
    return [otp for otp in (f"{n:06d}" for n in range(550000, 552000))
            if digest("\x1f".join(("account.otp", otp, "d.txt", "1")).encode()) in prints]


def test_a_baseline_fingerprint_cannot_be_recomputed_without_the_key(repo):
    assert postcheck("--write-baseline", "b.json", "d.txt", cwd=repo).returncode == 0
    prints = set(json.loads((repo / "b.json").read_text())["fingerprints"])
    key = bytes.fromhex((repo / "b.json.key").read_text().strip())
    # with the key, the brute force succeeds: the scheme is the one described, so the
    # failures below are the key's doing
    assert guesses(prints, lambda raw: hmac.new(key, raw, hashlib.sha256).hexdigest()) == [OTP]
    # without it, unkeyed SHA-256 (the old scheme) and HMAC under any other key find nothing
    assert guesses(prints, lambda raw: hashlib.sha256(raw).hexdigest()) == []
    for other in (b"", bytes(32), os.urandom(32)):
        assert guesses(prints, lambda raw: hmac.new(other, raw, hashlib.sha256).hexdigest()) == []


def test_the_key_is_random_private_and_not_in_the_baseline(repo, tmp_path_factory):
    written = postcheck("--write-baseline", "b.json", "d.txt", cwd=repo)
    assert written.returncode == 0 and "b.json.key" in written.stderr  # where the key is
    key = (repo / "b.json.key").read_text().strip()
    assert len(bytes.fromhex(key)) == 32
    assert key not in (repo / "b.json").read_text() and OTP not in (repo / "b.json").read_text()
    if os.name == "posix":
        assert stat.S_IMODE((repo / "b.json.key").stat().st_mode) == 0o600
    other = tmp_path_factory.mktemp("other")
    (other / "d.txt").write_text(DRAFT, encoding="utf-8")
    assert postcheck("--write-baseline", "b.json", "d.txt", cwd=other).returncode == 0
    assert (other / "b.json.key").read_text() != (repo / "b.json.key").read_text()
    assert (other / "b.json").read_text() != (repo / "b.json").read_text()


def test_rewriting_a_baseline_keeps_its_key_and_the_baseline_still_accepts(repo):
    assert postcheck("--write-baseline", "b.json", "d.txt", cwd=repo).returncode == 0
    key = (repo / "b.json.key").read_text()
    assert postcheck("--write-baseline", "b.json", "d.txt", cwd=repo).returncode == 0
    assert (repo / "b.json.key").read_text() == key
    assert postcheck("--baseline", "b.json", "d.txt", cwd=repo).returncode == 0
    (repo / "d.txt").write_text(DRAFT + "Mã OTP mới là 771204 nhé.\n", encoding="utf-8")
    result = postcheck("--baseline", "b.json", "--format", "json", "d.txt", cwd=repo)
    assert result.returncode == 1
    assert [f["line"] for f in json.loads(result.stdout)["files"][0]["findings"]] == [2]


def test_the_key_may_come_from_the_environment(repo):
    key = os.urandom(32).hex()
    env = {"POSTCHECK_BASELINE_KEY": key}
    assert postcheck("--write-baseline", "b.json", "d.txt", cwd=repo, env=env).returncode == 0
    assert not (repo / "b.json.key").exists()
    assert postcheck("--baseline", "b.json", "d.txt", cwd=repo, env=env).returncode == 0
    wrong = postcheck("--baseline", "b.json", "d.txt", cwd=repo, env={"POSTCHECK_BASELINE_KEY": "zz"})
    assert wrong.returncode == 2 and "zz" not in wrong.stderr  # the value is never echoed


def one_line_error(result, name: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("postcheck: error:") and name in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["folder", "missing/b.json", "/dev/full"])
def test_write_baseline_errors(repo, target):
    (repo / "folder").mkdir()
    if target.startswith("/dev") and not Path(target).exists():
        pytest.skip(f"no {target} here")
    one_line_error(postcheck("--write-baseline", target, "d.txt", cwd=repo), target)
    assert not Path("/dev/full.key").exists()


def test_write_baseline_error_on_a_full_disk(repo, monkeypatch, tmp_path):
    # ENOSPC while writing (what /dev/full gives a regular write) is one line too
    import errno

    from postcheck import baseline
    from postcheck.findings import FileReport
    from postcheck.inputs import InputError

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd, *a, **k):
            self.stream = real_fdopen(fd, *a, **k)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, text):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(baseline.os, "fdopen", Full)
    with pytest.raises(InputError, match="No space left"):
        baseline.write_baseline(tmp_path / "b.json", [FileReport("d.txt")])


def _fifo(repo: Path) -> str:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(repo / "fifo")
    return "fifo"


BAD_BASELINES = {
    "folder": lambda repo: (repo / "folder").mkdir() or "folder",
    "fifo": _fifo,
    "/dev/zero": lambda repo: "/dev/zero" if Path("/dev/zero").exists() else pytest.skip("no /dev/zero"),
    "list of lists": lambda repo: _file(repo, '{"version": 2, "fingerprints": [[1]]}'),
    "numbers": lambda repo: _file(repo, '{"version": 2, "fingerprints": [1, 2]}'),
    "deeply nested": lambda repo: _file(repo, "[" * 200_000),
    "version 1": lambda repo: _file(repo, '{"version": 1, "fingerprints": []}'),
    "not JSON": lambda repo: _file(repo, "\xff\xfe garbage"),
    "too large": lambda repo: _sparse(repo),
}


def _file(repo: Path, text: str) -> str:
    (repo / "bad.json").write_text(text, encoding="latin-1")
    return "bad.json"


def _sparse(repo: Path) -> str:
    with open(repo / "big.json", "wb") as f:
        f.truncate(65 * 1024 * 1024)  # sparse: no disk used
    return "big.json"


@pytest.mark.parametrize("kind", sorted(BAD_BASELINES))
def test_bad_baselines_are_one_line_errors(repo, kind):
    name = BAD_BASELINES[kind](repo)
    one_line_error(postcheck("--baseline", name, "d.txt", cwd=repo, timeout=30), name)


@pytest.mark.parametrize("text, reason, vietnamese", [
    ("\xff\xfe garbage", "not UTF-8 text: byte 0xff at offset 0", "byte 0xff ở vị trí 0"),
    ('{"version": 2,\n "fingerprints": [}', "not JSON at line 2, column 19", "không phải JSON hợp lệ ở dòng 2, cột 19"),
    ("[" * 200_000, "nested too deeply", "JSON lồng quá sâu"),
], ids=["bytes", "syntax", "nesting"])
def test_a_broken_baseline_says_what_is_wrong_in_words(repo, text, reason, vietnamese):
    # a Python exception name ("JSONDecodeError") tells a desk officer nothing
    result = postcheck("--lang", "en", "--baseline", _file(repo, text), "d.txt", cwd=repo, timeout=30)
    one_line_error(result, "bad.json")
    assert reason in result.stderr and "Error)" not in result.stderr, result.stderr
    result = postcheck("--lang", "vi", "--baseline", "bad.json", "d.txt", cwd=repo, timeout=30)
    one_line_error(result, "bad.json")
    assert vietnamese in result.stderr, result.stderr


def test_a_baseline_without_its_key_says_where_the_key_belongs(repo):
    assert postcheck("--write-baseline", "b.json", "d.txt", cwd=repo).returncode == 0
    (repo / "b.json.key").unlink()
    result = postcheck("--baseline", "b.json", "d.txt", cwd=repo)
    one_line_error(result, "b.json.key")


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on Linux")
def test_write_baseline_over_a_folder_with_a_non_utf8_file_name(repo):
    posts = repo / "posts"
    posts.mkdir()
    with open(os.path.join(os.fsencode(posts), b"caf\xe9.txt"), "w", encoding="utf-8") as f:
        f.write(DRAFT)
    result = postcheck("--write-baseline", "b.json", "posts", cwd=repo)
    assert "Traceback" not in result.stderr and result.returncode in (0, 2), result.stderr
    if result.returncode == 0:
        assert len(json.loads((repo / "b.json").read_text())["fingerprints"]) == 1
        assert postcheck("--baseline", "b.json", "posts", cwd=repo).returncode == 0
