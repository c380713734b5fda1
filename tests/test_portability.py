"""What Windows and macOS need beyond Linux: workers started with `spawn`, set-up commands
a PowerShell user can type, and a CI workflow that runs the suite on all three systems."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# Windows and macOS start workers with spawn: a worker imports postcheck afresh and must
# build the same rulebook from the picklable spec alone, configuration included. The pool
# is watched so that the test fails if the parallel path was not taken, or not with spawn.
SPAWN = """
import multiprocessing, runpy, sys
from concurrent.futures import process
multiprocessing.set_start_method("spawn")
real = process.ProcessPoolExecutor.__init__
def watched(self, *args, **kwargs):
    context = kwargs.get("mp_context") or multiprocessing.get_context()
    sys.stderr.write(f"POOL {context.get_start_method()}\\n")
    real(self, *args, **kwargs)
process.ProcessPoolExecutor.__init__ = watched
runpy.run_module("postcheck", run_name="__main__", alter_sys=True)
"""

CONFIG = """\
severity: {"5.2": warning}
disable: ["language.insult"]
terms: {classified_marks: ["hồ sơ tuyệt mật riêng"]}
"""


def test_jobs_under_spawn_give_the_same_json_as_one_job(tmp_path):
    (tmp_path / ".postcheck.yaml").write_text(CONFIG, encoding="utf-8")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "a.txt").write_bytes((ROOT / "examples" / "draft.txt").read_bytes())
    (posts / "b.txt").write_text("Anh gửi mọi người hồ sơ tuyệt mật riêng nhé.\n", encoding="utf-8")
    (posts / "c.txt").write_text("Chúc cả nhà cuối tuần vui vẻ!\n", encoding="utf-8")
    (posts / "d.txt").write_text("Cuộc bầu cử ở Venezuela gian lận.\r\nĐm bọn nó.\r\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    args = ["--format", "json", "posts"]
    one = subprocess.run([sys.executable, "-m", "postcheck", "--jobs", "1", *args], capture_output=True,
                         cwd=tmp_path, env=env, timeout=300)
    two = subprocess.run([sys.executable, "-c", SPAWN, "--jobs", "2", *args], capture_output=True,
                         cwd=tmp_path, env=env, timeout=300)
    assert two.stderr.decode("utf-8").splitlines() == ["POOL spawn"]
    assert one.returncode == two.returncode == 1, two.stderr
    assert one.stdout == two.stdout
    files = {Path(f["path"]).name: f["findings"] for f in json.loads(two.stdout)["files"]}
    assert list(files) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    # the configuration reached the spawned workers: an added term, a severity, a disabled rule
    assert [f["match"] for f in files["b.txt"]] == ["hồ sơ tuyệt mật riêng"]
    assert {f["severity"] for f in files["a.txt"] if f["clause"] == "5.2"} == {"warning"}
    assert not any(f["rule"] == "language.insult" for f in files["a.txt"])
    assert files["c.txt"] == []


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_keeps_the_linux_commands_word_for_word():
    text = readme()
    assert ("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/postcheck examples/draft.txt\n"
            in text)
    test_command = "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest -q"
    assert test_command in text
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")  # CI runs it as written


def test_readme_gives_the_powershell_commands():
    text = readme()
    assert ("py -3.11 -m venv .venv; .venv\\Scripts\\pip install .; .venv\\Scripts\\postcheck examples\\draft.txt"
            in text)
    assert "py -3.11 -m venv .venv; .venv\\Scripts\\pip install '.[test]'; .venv\\Scripts\\python -m pytest -q" in text
    assert "chcp 65001" in text


def test_workflow_runs_the_suite_on_three_systems_and_two_pythons():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) >= {"push", "pull_request"}
    [job] = workflow["jobs"].values()
    matrix = job["strategy"]["matrix"]
    assert sorted(matrix["os"]) == ["macos-latest", "ubuntu-latest", "windows-latest"]
    assert matrix["python-version"] == ["3.11", "3.13"]  # strings: a bare 3.10 would be 3.1
    assert job["runs-on"] == "${{ matrix.os }}"
    steps = job["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    setup = [s for s in steps if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup and setup[0]["with"]["python-version"] == "${{ matrix.python-version }}"
    runs = [s["run"] for s in steps if "run" in s]
    assert runs == ["python -m pip install '.[test]'", "python -m pytest -q"]
