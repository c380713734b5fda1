"""The pre-commit hook hands postcheck every file it can read, .docx included, in one run."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from postcheck.readers import SUFFIXES

HOOKS = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"


def _hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "postcheck")


def test_hook_selects_every_format_postcheck_reads():
    hook = _hook()
    # a type filter would drop files by content: .docx is "binary", never "text"
    assert "types_or" not in hook and hook.get("types", ["file"]) == ["file"]
    pattern = re.compile(hook["files"])
    for suffix in SUFFIXES:
        assert pattern.search(f"press/thong-cao{suffix}"), suffix
        assert pattern.search(f"press/THONG-CAO{suffix.upper()}"), suffix
    for other in ("logo.png", "script.py", "notes.docx.bak", "README"):
        assert not pattern.search(other), other


def test_hook_runs_once_so_one_summary_speaks_for_all_files():
    hook = _hook()
    assert hook["require_serial"] is True
    assert hook["entry"] == "postcheck" and hook.get("pass_filenames", True)


def test_readme_example_names_the_hook():
    readme = (HOOKS.parent / "README.md").read_text(encoding="utf-8")
    example = readme[readme.index("**pre-commit.**"):readme.index("## Configuration")]
    assert "id: postcheck" in example and "<tag>" not in example
