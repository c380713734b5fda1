"""Golden outputs: examples/draft.txt checked in every --format, compared byte for byte
with tests/golden/draft.<format>.

A change to a reporter, a message or a rule shows here as a diff of the whole report,
which a reviewer reads like any other change. Only what must vary between machines is
normalized: the version number (sarif). The draft is checked from a folder of its own,
under a relative name, with an empty configuration, so neither the path nor a config
found in a parent folder shows in the output.

To regenerate after an intended change (then read the diff before committing it):

    UPDATE_GOLDEN=1 PYTHONPATH=src python -m pytest -q tests/test_golden.py
"""
from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck import __version__

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
DRAFT = ROOT / "examples" / "draft.txt"
# (golden file, arguments): every format, and the text report in both languages
CASES = {
    "draft.text": ["--format", "text", "--lang", "vi"],
    "draft.en.text": ["--format", "text", "--lang", "en"],
    "draft.json": ["--format", "json", "--lang", "vi"],
    "draft.sarif": ["--format", "sarif", "--lang", "vi"],
    "draft.github": ["--format", "github", "--lang", "vi"],
}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def normalize(out: str) -> str:
    return out.replace(f'"version": "{__version__}"', '"version": "<version>"')


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("golden")
    shutil.copyfile(DRAFT, where / "draft.txt")
    (where / ".postcheck.yaml").write_text("", encoding="utf-8")  # stops the search for a config here
    return where


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_matches_golden(folder, name):
    # a plain, unwrapped report, as into a pipe: no colours, no terminal width, no CI default
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "GITHUB_ACTIONS", "FORCE_COLOR")}
    env.update(NO_COLOR="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "postcheck", "draft.txt", *CASES[name]], cwd=folder,
                          capture_output=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")  # the draft has findings
    assert proc.stderr == b""
    out = normalize(proc.stdout.decode("utf-8"))
    golden = GOLDEN / name
    if UPDATE:
        golden.write_bytes(out.encode("utf-8"))
    expected = golden.read_text(encoding="utf-8")
    if out != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), out.splitlines(True),
                                            f"tests/golden/{name}", "now"))
        pytest.fail(f"output differs from tests/golden/{name} (UPDATE_GOLDEN=1 to accept):\n{diff}")
