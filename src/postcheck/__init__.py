"""postcheck: checks Vietnamese social-media drafts against Decision 722/QĐ-BNG.

    from postcheck import load_rulebook
    findings = load_rulebook().check_text("Tài liệu mật …")
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Finding", "FileReport", "RuleError", "load_rulebook", "__version__"]

_LAZY = {"Finding": "findings", "FileReport": "findings", "RuleError": "checks.sdk", "load_rulebook": "rulebook"}


def __getattr__(name: str):
    # the API is imported on first use, so that `postcheck --version` stays instant
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'postcheck' has no attribute {name!r}")
