"""`extra_rules` in the configuration: rule folders added on top of the shipped rules
(`--rules` replaces them), paths relative to the configuration file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck.config import ConfigError, load_config

RULE = """\
rules:
  - id: {id}
    clause: "5.2"
    severity: warning
    kind: terms
    description: The code name of a project that is not announced yet.
    terms: ["quả dứa xanh"]
    message: {{vi: "Tên mã dự án chưa công bố", en: "Unannounced project code name"}}
    examples: {{hit: ["Dự án [quả dứa xanh] sắp xong"], miss: ["Mình mua quả dứa chín"]}}
"""
DRAFT = "Mình gửi báo cáo mật về dự án quả dứa xanh nhé.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GITHUB_ACTIONS": ""}
    return subprocess.run([sys.executable, "-m", "postcheck", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "team-rules").mkdir()
    (tmp_path / "team-rules" / "codename.yaml").write_text(RULE.format(id="team.codename"), encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _rules(proc) -> set[str]:
    return {f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]}


def test_extra_rules_run_beside_the_shipped_ones(project):
    (project / ".postcheck.yaml").write_text("extra_rules: [team-rules]\n", encoding="utf-8")
    proc = run("--format", "json", "draft.txt", cwd=project)
    assert proc.returncode == 1, proc.stderr
    assert {"classified.marks", "team.codename"} <= _rules(proc)
    listing = run("rules", cwd=project).stdout
    assert "team.codename" in listing and "classified.marks" in listing


def test_without_the_key_only_shipped_rules_run(project):
    proc = run("--format", "json", "draft.txt", cwd=project)
    assert "classified.marks" in _rules(proc) and "team.codename" not in _rules(proc)


def test_with_rules_option_the_extra_folders_add_to_that_folder(project):
    (project / "own").mkdir()
    (project / "own" / "other.yaml").write_text(RULE.format(id="team.other"), encoding="utf-8")
    (project / "conf").mkdir()
    # relative to the configuration file, not to the current folder
    (project / "conf" / "c.yaml").write_text("extra_rules: ../team-rules\n", encoding="utf-8")
    proc = run("--format", "json", "--config", "conf/c.yaml", "--rules", "own", "draft.txt", cwd=project)
    assert proc.returncode == 1, proc.stderr
    assert _rules(proc) == {"team.codename", "team.other"}  # no shipped rule: --rules replaced them


@pytest.mark.parametrize("value,expected", [
    ("[missing-folder]", "'missing-folder' is not a folder"),
    ("[draft.txt]", "'draft.txt' is not a folder"),
    ("[empty]", "'empty' holds no rule files (*.yaml)"),
    ("{a: b}", "expected a list of texts"),
])
def test_a_bad_entry_is_one_line_naming_the_file_and_key(project, value, expected):
    (project / "empty").mkdir()
    config = project / ".postcheck.yaml"
    config.write_text(f"extra_rules: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}: key 'extra_rules': {expected}"
    proc = run("--lang", "en", "draft.txt", cwd=project)
    assert proc.returncode == 3
    assert proc.stderr.startswith(f"postcheck: error: {config}: key 'extra_rules': ")
    proc = run("--lang", "vi", "draft.txt", cwd=project)
    assert proc.stderr.startswith(f"postcheck: error: {config}: khóa 'extra_rules': "), proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_a_rule_id_the_shipped_rules_use_is_refused(project):
    (project / "team-rules" / "codename.yaml").write_text(RULE.format(id="classified.marks"), encoding="utf-8")
    (project / ".postcheck.yaml").write_text("extra_rules: [team-rules]\n", encoding="utf-8")
    proc = run("draft.txt", cwd=project)
    assert proc.returncode == 3
    assert "codename.yaml" in proc.stderr and "duplicate" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_the_starter_configuration_documents_the_key():
    from postcheck.config import STARTER, STARTER_VI

    assert "# extra_rules:" in STARTER and "# extra_rules:" in STARTER_VI
