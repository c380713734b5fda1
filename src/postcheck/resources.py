"""Where the shipped rules, word lists and regulation text live.

In an installed wheel they sit inside the package (see pyproject's force-include); in a
source checkout or an editable install they are the repository's top-level folders.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"postcheck is installed without its {name}/ folder")


def data_file(name: str) -> Path:
    return _PACKAGE / "data" / name
