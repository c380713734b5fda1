"""Baseline fingerprints name a file by its path from the repository root (or the
configuration file's folder), so accepted findings stay accepted wherever postcheck runs."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postcheck.baseline import fingerprint_path
from postcheck.cli import check_app

VIOLATING = "Mình gửi mọi người tài liệu mật của Vụ nhé.\n"


@pytest.fixture
def chdir():
    before = os.getcwd()
    yield os.chdir
    os.chdir(before)


def _new_findings(args: list[str]) -> list:
    result = CliRunner().invoke(check_app, ["--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return [f for x in json.loads(result.stdout)["files"] for f in x["findings"]]


@pytest.mark.parametrize("marker", [".git", ".postcheck.yaml"])
def test_baseline_survives_where_the_command_is_run_from(tmp_path, chdir, marker):
    repo = tmp_path / "repo"
    (repo / "press").mkdir(parents=True)
    if marker == ".git":
        (repo / ".git").mkdir()
    else:
        (repo / marker).write_text("fail_on: warning\n", encoding="utf-8")
    (repo / "press" / "a.txt").write_text(VIOLATING, encoding="utf-8")
    base = repo / "baseline.json"
    chdir(repo)
    assert CliRunner().invoke(check_app, ["--write-baseline", str(base), "press"]).exit_code == 0
    assert _new_findings(["--baseline", str(base), "press"]) == []
    # the same files named from inside press/, by absolute path, and from outside the repository
    chdir(repo / "press")
    assert _new_findings(["--baseline", str(base), "."]) == []
    assert _new_findings(["--baseline", str(base), str(repo / "press")]) == []
    if marker == ".git":
        chdir(tmp_path)
        assert _new_findings(["--baseline", str(base), "repo/press/a.txt"]) == []
    # a new finding is still new, wherever it is run from
    (repo / "press" / "b.txt").write_text(VIOLATING, encoding="utf-8")
    chdir(repo / "press")
    assert [f["match"] for f in _new_findings(["--baseline", str(base), "."])] == ["tài liệu mật"]


def test_fingerprint_path_is_relative_to_the_repository_root(tmp_path, chdir):
    (tmp_path / "r" / ".git").mkdir(parents=True)
    (tmp_path / "r" / "d").mkdir()
    chdir(tmp_path / "r" / "d")
    assert fingerprint_path("x.md") == "d/x.md"
    assert fingerprint_path(str(tmp_path / "r" / "d" / "x.md")) == "d/x.md"
    assert fingerprint_path("-") == "-"
