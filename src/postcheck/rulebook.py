"""Loading and validating rule files (rules/*.yaml) and word lists (wordlists/*.txt).

A rule file holds `rules:`, a list of rules. Every rule has the keys in COMMON, and the
keys its kind adds (see checks/). Anything else is an error naming the file and the key,
so that a misspelt option never silently switches a check off.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .clauses import CLAUSES
from .findings import SEVERITIES
from .resources import resource_dir
from .safe_yaml import short
from .normalize import teencode_table
from .terms import Matcher, TermMaker, TermSet


# libyaml's loader, where PyYAML was built with it, parses rule files ten times faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RuleError(Exception):
    """A rule file or word list is wrong; the message names the path and the key."""


REQUIRED = {"id", "clause", "severity", "kind", "message", "description", "examples"}
COMMON = REQUIRED | {"suggestion", "unless", "requires", "downgrade", "secret", "voice", "tone", "centrality"}
LANGS = ("vi", "en")


@dataclass
class Context:
    """What rules need while they compile: word lists, and the matcher to register terms with."""

    wordlist_dirs: list[Path]
    extra_terms: dict[str, list[str]] = field(default_factory=dict)
    matcher: Matcher = field(default_factory=Matcher)
    used_wordlists: set[str] = field(default_factory=set)
    trusted: bool = True  # the rule file being loaded is a shipped one (see load_rulebook)
    _cache: dict[str, list[str]] = field(default_factory=dict)

    @cached_property
    def make_term(self) -> TermMaker:
        return TermMaker(teencode_table())

    def wordlist(self, name: str, where: str) -> list[str]:
        if name not in self._cache:
            for folder in self.wordlist_dirs:
                path = folder / f"{name}.txt"
                if path.is_file():
                    self._cache[name] = read_wordlist(path)
                    break
            else:
                raise RuleError(f"{where}: word list '{name}' not found in {', '.join(map(str, self.wordlist_dirs))}")
            self._cache[name] = self._cache[name] + self.extra_terms.get(name, [])
        self.used_wordlists.add(name)
        return self._cache[name]

    def termset(self, spec: Any, where: str, name: str, fold: bool = True) -> TermSet:
        """A term set from {terms: [...], wordlists: [...]}, registered with the matcher."""
        if not isinstance(spec, dict):
            raise RuleError(f"{where}: expected a mapping with 'terms' and/or 'wordlists'")
        unknown = set(spec) - {"terms", "wordlists", "scope", "to", "within"}
        if unknown:
            raise RuleError(f"{where}: unknown key '{sorted(unknown)[0]}'")
        raw = list(_str_list(spec.get("terms", []), f"{where}.terms"))
        for wl in _str_list(spec.get("wordlists", []), f"{where}.wordlists"):
            raw.extend(self.wordlist(wl, f"{where}.wordlists"))
        if not raw:
            raise RuleError(f"{where}: no terms (give 'terms' or 'wordlists')")
        termset = TermSet.build(name, raw, fold, self.make_term)
        self.matcher.add(termset)
        return termset


def read_wordlist(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read word list: {exc}") from None
    terms = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    terms = [t for t in terms if t]
    if not terms:
        raise RuleError(f"{path}: word list is empty")
    return terms


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where}: expected a list of strings")
    return value


def localized(spec: Any, where: str) -> dict[str, str]:
    if isinstance(spec, str):
        raise RuleError(f"{where}: give both 'vi' and 'en' texts")
    if not isinstance(spec, dict) or set(spec) != set(LANGS) or not all(
        isinstance(spec[k], str) and spec[k].strip() for k in LANGS
    ):
        raise RuleError(f"{where}: expected exactly the keys 'vi' and 'en', each a non-empty text")
    return dict(spec)


def load_rule_file(path: Path, ctx: Context) -> list:
    from .checks import build_rule  # the kinds import this module

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
        missing = sorted(REQUIRED - set(spec))
        if missing:
            raise RuleError(f"{where}: missing key '{missing[0]}'")
        if str(spec["clause"]) not in CLAUSES:
            raise RuleError(f"{where}: key 'clause': unknown clause {short(spec['clause'])} (known: {', '.join(CLAUSES)})")
        if spec["severity"] not in SEVERITIES:
            raise RuleError(f"{where}: key 'severity': {short(spec['severity'])} is not one of {', '.join(SEVERITIES)}")
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
                  extra_terms: dict[str, list[str]] | None = None):
    """Every rule in the given folders (default: the shipped ones), compiled.
    `extra_terms` appends terms to word lists by name (from the user's configuration)."""
    from .engine import Rulebook

    shipped = resource_dir("rules")
    rule_dirs = rule_dirs or [shipped]
    ctx = Context(wordlist_dirs or [resource_dir("wordlists")], dict(extra_terms or {}))
    rules = []
    seen: dict[str, Path] = {}
    for folder in rule_dirs:
        # the shipped rules are reviewed: they load fast and may use Python-only patterns
        ctx.trusted = _same_folder(folder, shipped)
        for path in _rule_files(folder):
            for rule in load_rule_file(path, ctx):
                if rule.id in seen:
                    raise RuleError(f"{path}: rule '{rule.id}': key 'id': duplicate of a rule in {seen[rule.id]}")
                seen[rule.id] = path
                rules.append(rule)
    ctx.matcher.finalize()
    return Rulebook(rules, ctx.matcher, ctx.used_wordlists)
