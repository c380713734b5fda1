"""Where the language files are: underthesea's Viet74K word list, the Unicode confusables
data (through confusable_homoglyphs) and postcheck's own teencode table.

Every reader goes through here, and a file that is not there raises MissingResource
naming it: a checker that quietly went on with an empty word list would miss findings
without saying so.
"""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from ..resources import data_file


class MissingResource(RuntimeError):
    """A language file postcheck needs is not installed."""


def package_dir(name: str, needed_for: str) -> Path:
    """The folder of an installed package, read as files (the package is not imported)."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise MissingResource(f"the Python package {name!r} is not installed; postcheck needs it for {needed_for} "
                              f"(pip install {name})")
    return Path(list(spec.submodule_search_locations)[0])


def _file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise MissingResource(f"{what} not found: {path}")
    return path


def viet74k_path() -> Path:
    """underthesea's bundled Viet74K word list (one word a line)."""
    root = package_dir("underthesea", "its Viet74K word list")
    return _file(root / "corpus" / "data" / "Viet74K.txt", "the Vietnamese word list Viet74K.txt (underthesea)")


def read_viet74k() -> str:
    """The Viet74K list as it is written. Not kept: each reader keeps what it builds."""
    return viet74k_path().read_text(encoding="utf-8")


def read_confusables() -> str:
    """confusable_homoglyphs' copy of the Unicode confusables data (JSON)."""
    root = package_dir("confusable_homoglyphs", "the Unicode confusables data")
    return _file(root / "confusables.json", "the Unicode confusables data (confusable_homoglyphs)").read_text(
        encoding="utf-8")


def read_teencode() -> str:
    """postcheck's teencode table (data/teencode.tsv)."""
    return _file(data_file("teencode.tsv"), "the teencode table").read_text(encoding="utf-8")
