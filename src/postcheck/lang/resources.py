"""Where the language files are: underthesea's Viet74K word list, the Unicode confusables
data (through confusable_homoglyphs) and postcheck's own teencode table.

Every reader goes through here, and a file that is not there raises MissingResource
naming it: a checker that quietly went on with an empty word list would miss findings
without saying so.
"""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from ..messages import Said
from ..resources import MissingResource, data_file


def package_dir(name: str, needed_for: str) -> Path:
    """The folder of an installed package, read as files (the package is not imported).
    `needed_for`: what postcheck needs it for, a catalogue key after "resource."."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise MissingResource(Said("resource.no-package", name=repr(name), needed=Said(f"resource.{needed_for}"),
                                   package=name))
    return Path(list(spec.submodule_search_locations)[0])


def _file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise MissingResource(Said("resource.no-file", what=Said(f"resource.{what}"), path=path))
    return path


def viet74k_path() -> Path:
    """underthesea's bundled Viet74K word list (one word a line)."""
    root = package_dir("underthesea", "viet74k-list")
    return _file(root / "corpus" / "data" / "Viet74K.txt", "viet74k-file")


def read_viet74k() -> str:
    """The Viet74K list as it is written. Not kept: each reader keeps what it builds."""
    return viet74k_path().read_text(encoding="utf-8")


def read_confusables() -> str:
    """confusable_homoglyphs' copy of the Unicode confusables data (JSON)."""
    root = package_dir("confusable_homoglyphs", "confusables")
    return _file(root / "confusables.json", "confusables-file").read_text(
        encoding="utf-8")


def read_fold_frequencies() -> str:
    """How often each reading of an unmarked spelling is written (data/fold_frequencies.tsv)."""
    return _file(data_file("fold_frequencies.tsv"), "fold-frequencies").read_text(encoding="utf-8")


def read_teencode() -> str:
    """postcheck's teencode table (data/teencode.tsv)."""
    return _file(data_file("teencode.tsv"), "teencode").read_text(encoding="utf-8")
