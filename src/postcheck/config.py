"""Project configuration: `.postcheck.yaml` (in the current folder or a parent),
`[tool.postcheck]` in pyproject.toml, or a file named with --config.

    disable: ["5.7", "language.insult"]    # rule ids, or prefixes of ids or clauses
    enable: ["5.2"]                         # if given, only these run (then disable applies)
    severity: {"5.3": info, "hate.defamation": error}
    terms: {profanity: ["..."]}             # extra terms appended to shipped word lists
    official_domains: ["example.gov.vn"]   # more official e-mail domains (clause 5.6)
    wordlists: path/to/folder               # word lists looked up here before the shipped ones
    exclude: ["drafts/archive/**"]          # paths (globs) never checked
    fail_on: warning
    lang: vi

Unknown keys are errors naming the key, so a typo never silently does nothing.
"""
from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .findings import SEVERITIES
from .rulebook import RuleError

CONFIG_NAME = ".postcheck.yaml"
KEYS = {"disable", "enable", "severity", "terms", "official_domains", "wordlists", "exclude", "fail_on", "lang"}

STARTER = """\
# postcheck configuration (https://… see README, "Configuration").
# Every key is optional; unknown keys are errors.

# Rules or clauses to switch off: rule ids, or prefixes of ids or clauses.
# disable: ["5.3", "language.insult"]

# Run only these (then `disable` applies):
# enable: ["5.2", "5.6"]

# Change severities (error, warning, info) by rule id or clause prefix:
# severity:
#   "5.5": info

# Extra terms for shipped word lists, and more official e-mail domains:
# terms:
#   classified_marks: ["mật lệnh"]
# official_domains: ["mission.example.gov.vn"]

# A folder of your own word lists, looked up before the shipped ones:
# wordlists: wordlists/

# Paths never checked (globs, relative to this file):
# exclude: ["archive/**", "**/*.draft.md"]

# fail_on: warning   # error | warning | info | never
# lang: vi           # vi | en
"""


class ConfigError(RuleError):
    """A configuration file is wrong; the message names the file and the key."""


@dataclass
class Config:
    path: Path | None = None
    disable: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    terms: dict[str, list[str]] = field(default_factory=dict)
    official_domains: list[str] = field(default_factory=list)
    wordlists: Path | None = None
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    lang: str | None = None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def selects(self, rule_id: str, clause: str) -> bool:
        def hit(prefixes: list[str]) -> bool:
            return any(_prefix_match(p, rule_id) or _prefix_match(p, clause) for p in prefixes)

        if self.enable and not hit(self.enable):
            return False
        return not hit(self.disable)

    def severity_for(self, rule_id: str, clause: str, default: str) -> str:
        # the longest matching key wins, so "5.5.x" beats "5"
        best, best_len = default, -1
        for key, level in self.severity.items():
            if (_prefix_match(key, rule_id) or _prefix_match(key, clause)) and len(key) > best_len:
                best, best_len = level, len(key)
        return best

    def excludes(self, path: str) -> bool:
        """fnmatch-style globs against the path relative to the config's folder (where `*`
        also crosses folders, so "archive/*" covers everything below archive/) or the name."""
        if not self.exclude:
            return False
        p = Path(path)
        try:
            rel = p.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a link loop (reading it says so)
            rel = p.as_posix()
        return any(fnmatch(rel, g) or fnmatch(p.name, g) for g in self.exclude)


def _prefix_match(prefix: str, name: str) -> bool:
    """"5" selects 5.x; "5.2" selects 5.2; "language" selects language.*; ids match exactly."""
    return name == prefix or name.startswith(prefix + ".") or (prefix.endswith(".") and name.startswith(prefix))


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


def _pyproject_section(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return data.get("tool", {}).get("postcheck")


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("postcheck", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: malformed TOML: {exc}") from None
        where = f"{path} [tool.postcheck]"
    else:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such configuration file") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ConfigError(f"{path}{f':{mark.line + 1}' if mark else ''}: malformed YAML") from None
        where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of settings")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known: {', '.join(sorted(KEYS))})")
    cfg = Config(path=path)
    for key in ("disable", "enable", "official_domains", "exclude"):
        if key in data:
            setattr(cfg, key, _strings(data[key], where, key))
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict) or not all(v in SEVERITIES for v in sev.values()):
            raise ConfigError(f"{where}: key 'severity': expected a mapping of rule or clause to {', '.join(SEVERITIES)}")
        cfg.severity = {str(k): v for k, v in sev.items()}
    if "terms" in data:
        terms = data["terms"]
        if not isinstance(terms, dict):
            raise ConfigError(f"{where}: key 'terms': expected a mapping of word-list name to terms")
        cfg.terms = {str(k): _strings(v, where, f"terms.{k}") for k, v in terms.items()}
    if "wordlists" in data:
        cfg.wordlists = (cfg.root / str(data["wordlists"])).resolve()
        if not cfg.wordlists.is_dir():
            raise ConfigError(f"{where}: key 'wordlists': {cfg.wordlists} is not a folder")
    if "fail_on" in data:
        if data["fail_on"] not in (*SEVERITIES, "never"):
            raise ConfigError(f"{where}: key 'fail_on': expected error, warning, info or never")
        cfg.fail_on = data["fail_on"]
    if "lang" in data:
        if data["lang"] not in ("vi", "en"):
            raise ConfigError(f"{where}: key 'lang': expected vi or en")
        cfg.lang = data["lang"]
    return cfg


def _strings(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ConfigError(f"{where}: key '{key}': expected a list of texts")
    return [str(v) for v in value]
