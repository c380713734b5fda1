"""Loading rule files (rules/*.yaml) into a Rulebook (engine.py).

A rule file holds `rules:`, a list of rules. Every rule has the keys of checks/base.RuleKeys,
and the keys its kind adds (see checks/); schema.decode checks them all, so that a misspelt
or misplaced option never silently switches a check off.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .checks.kinds import build_rule
from .checks.sdk import LANGS, Context, RuleError, localized, read_wordlist
from .engine import Rulebook
from .resources import resource_dir
from .safe_yaml import short

__all__ = ["LANGS", "Context", "RuleError", "Rulebook", "load_rule_file", "load_rulebook", "localized",
           "read_wordlist"]

# libyaml's loader, where PyYAML was built with it, parses rule files ten times faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_rule_file(path: Path, ctx: Context) -> list:
    if ctx.trusted:
        data = _load_shipped(path)
    else:  # a user's file: bounded size, no aliases, bounded nesting, unique keys
        from .safe_yaml import load_file

        data = load_file(path, "rule file", RuleError)
    if not isinstance(data, dict) or set(data) != {"rules"} or not isinstance(data["rules"], list):
        raise RuleError(f"{path}: a rule file holds one key, 'rules', with a list of rules")
    rules = []
    for n, spec in enumerate(data["rules"], 1):
        rid = spec.get("id") if isinstance(spec, dict) else None
        where = f"{path}: rule {short(rid)}" if rid else f"{path}: rule #{n}"
        if not isinstance(spec, dict):
            raise RuleError(f"{where}: a rule is a mapping")
        try:
            rules.append(build_rule(spec, where, ctx))
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            if ctx.trusted:
                raise  # a shipped rule: a bug to see in full
            # a value of a type a kind does not expect, deep in its options: still one line
            raise RuleError(f"{where}: a key holds a value of the wrong type ({exc.__class__.__name__}); "
                            "see README, 'Writing a rule'") from None
    return rules


def _load_shipped(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{where}: malformed YAML: {problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from None


def _rule_files(folder: Path) -> list[Path]:
    """The *.yaml files of a --rules folder, which must exist and hold some: a folder
    that silently held no rules would report every draft as clean."""
    try:
        if not folder.is_dir():
            raise RuleError(f"--rules {folder}: {'not a folder' if folder.exists() else 'no such folder'}")
        files = sorted(folder.glob("*.yaml"))
    except (OSError, ValueError):
        raise RuleError(f"--rules {folder}: not a readable folder") from None
    if not files:
        raise RuleError(f"--rules {folder}: no rule files (*.yaml) in this folder")
    return files


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


def load_rulebook(rule_dirs: list[Path] | None = None, wordlist_dirs: list[Path] | None = None,
                  extra_terms: dict[str, list[str]] | None = None) -> Rulebook:
    """Every rule in the given folders (default: the shipped ones), compiled.
    `extra_terms` appends terms to word lists by name (from the user's configuration)."""
    shipped = resource_dir("rules")
    rule_dirs = rule_dirs or [shipped]
    ctx = Context(wordlist_dirs or [resource_dir("wordlists")], dict(extra_terms or {}))
    rules = []
    seen: dict[str, Path] = {}
    for folder in rule_dirs:
        # the shipped rules are reviewed and tested: their patterns compile at first use (a
        # user's are compiled at load, so that a pattern RE2 refuses is a load error)
        ctx.trusted = _same_folder(folder, shipped)
        for path in _rule_files(folder):
            for rule in load_rule_file(path, ctx):
                if rule.id in seen:
                    raise RuleError(f"{path}: rule '{rule.id}': key 'id': duplicate of a rule in {seen[rule.id]}")
                seen[rule.id] = path
                rules.append(rule)
    ctx.matcher.finalize()
    return Rulebook(rules, ctx.matcher, ctx.used_wordlists)
