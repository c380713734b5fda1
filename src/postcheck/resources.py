"""Where the shipped rules, word lists and regulation text live.

In an installed wheel they sit inside the package (see pyproject's force-include); in a
source checkout or an editable install they are the repository's top-level folders.
"""
from __future__ import annotations

from pathlib import Path

from .messages import Said

_PACKAGE = Path(__file__).resolve().parent


class MissingResource(RuntimeError):
    """A file postcheck needs is not installed: the command line says which, never a
    traceback (lang/resources.py raises it for the language files)."""


def resource_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise MissingResource(Said("resource.no-folder", folder=f"{name}/"))


def data_file(name: str) -> Path:
    return _PACKAGE / "data" / name
