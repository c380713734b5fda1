"""Project configuration: `.postcheck.yaml` (in the current folder or a parent),
`[tool.postcheck]` in pyproject.toml, or a file named with --config.

    disable: ["5.7", "language.insult"]    # rule ids, or prefixes of ids or clauses
    enable: ["5.2"]                         # if given, only these run (then disable applies)
    severity: {"5.3": info, "hate.defamation": error}
    terms: {profanity: ["..."]}             # extra terms appended to shipped word lists
    official_domains: ["example.gov.vn"]   # more official e-mail domains (clause 5.6)
    wordlists: path/to/folder               # word lists looked up here before the shipped ones
    extra_rules: [path/to/folder]           # rule folders loaded after the shipped rules (or --rules)
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

from .findings import SEVERITIES
from .checks.sdk import RuleError
from .messages import Said
from .safe_yaml import load_file, read_text, short

CONFIG_NAME = ".postcheck.yaml"
KEYS = {"disable", "enable", "severity", "terms", "official_domains", "wordlists", "extra_rules", "exclude", "fail_on",
        "lang"}

STARTER = """\
# postcheck configuration (see README.md of postcheck, and `postcheck --help`).
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

# Folders of your own rules (*.yaml), loaded on top of the shipped rules:
# extra_rules: ["rules/"]

# Paths never checked (globs, relative to this file):
# exclude: ["archive/**", "**/*.draft.md"]

# fail_on: warning   # error | warning | info | never
# lang: vi           # vi | en
"""

# what `postcheck init` writes by default: the same keys, commented in Vietnamese
STARTER_VI = """\
# Cấu hình postcheck (xem README.md của postcheck và `postcheck --help`).
# Khóa nào cũng không bắt buộc; khóa không biết là lỗi.

# Tắt quy tắc hoặc điều khoản: mã quy tắc, hoặc phần đầu của mã hay của điều khoản.
# disable: ["5.3", "language.insult"]

# Chỉ chạy các quy tắc này (sau đó mới áp dụng `disable`):
# enable: ["5.2", "5.6"]

# Đổi mức độ (error, warning, info) theo mã quy tắc hoặc điều khoản:
# severity:
#   "5.5": info

# Thêm từ vào danh sách từ có sẵn, và thêm tên miền thư điện tử chính thức:
# terms:
#   classified_marks: ["mật lệnh"]
# official_domains: ["mission.example.gov.vn"]

# Thư mục danh sách từ của riêng bạn, được tra trước danh sách có sẵn:
# wordlists: wordlists/

# Thư mục quy tắc của riêng bạn (*.yaml), chạy thêm cùng các quy tắc có sẵn:
# extra_rules: ["rules/"]

# Đường dẫn không bao giờ kiểm tra (mẫu glob, tính từ tệp này):
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
    extra_rules: list[Path] = field(default_factory=list)  # rule folders added to the base ones
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

    @property
    def where(self) -> str:
        if self.path is None:
            return "configuration"
        return f"{self.path} [tool.postcheck]" if self.path.name == "pyproject.toml" else str(self.path)

    def check_names(self, rules, used_wordlists: set[str]) -> None:
        """Every rule or clause name given must select something, and every word list
        named under `terms` must be one a rule uses: a misspelt name ("classifed.marks")
        would otherwise silently do nothing."""
        from .clauses import CLAUSES

        names = [r.id for r in rules] + [r.clause for r in rules] + list(CLAUSES)
        for key, given in (("enable", self.enable), ("disable", self.disable), ("severity", list(self.severity))):
            for name in given:
                if not any(_prefix_match(name, n) for n in names):
                    raise ConfigError(Said("config.no-such-name", f"{self.where}: ", key=key, name=short(name)))
        for name in self.terms:
            if name not in used_wordlists:
                known = ", ".join(sorted(used_wordlists)[:8])
                raise ConfigError(Said("config.unused-terms", f"{self.where}: ", name=short(name),
                                       known=known + (", …" if len(used_wordlists) > 8 else "")))

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
        if pyproject.is_file() and _mentions_postcheck(pyproject):
            return pyproject
    return None


def _mentions_postcheck(path: Path) -> bool:
    """Does this pyproject.toml (probably) configure postcheck? A broken one that names
    [tool.postcheck] is returned too, so that loading it says what is wrong instead of
    its settings being silently ignored."""
    try:
        text = read_text(path, "pyproject.toml", ConfigError)
    except ConfigError:
        return False
    try:
        tool = tomllib.loads(text).get("tool", {})
    except (tomllib.TOMLDecodeError, RecursionError):
        return "postcheck" in text
    return not isinstance(tool, dict) or "postcheck" in tool


def _load_pyproject(path: Path) -> Any:
    text = read_text(path, "pyproject.toml", ConfigError)
    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Said("config.bad-toml", f"{path}: ", detail=str(exc)[:200])) from None
    except RecursionError:
        raise ConfigError(Said("config.toml-too-deep", f"{path}: ")) from None
    if not isinstance(tool, dict):
        raise ConfigError(Said("config.tool-table", f"{path}: "))
    return tool.get("postcheck", {})


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        data = _load_pyproject(path)
        where = f"{path} [tool.postcheck]"
    else:
        data = load_file(path, "configuration file", ConfigError)
        data = {} if data is None else data
        where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(Said("config.not-mapping", f"{where}: "))
    unknown = sorted((str(k) for k in set(data) - KEYS), key=len)
    if unknown:
        raise ConfigError(Said("config.unknown-key", f"{where}: ", key=short(unknown[0]), known=", ".join(sorted(KEYS))))
    cfg = Config(path=path)
    for key in ("disable", "enable", "official_domains", "exclude"):
        if key in data:
            setattr(cfg, key, _strings(data[key], where, key))
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict) or not all(isinstance(v, str) and v in SEVERITIES for v in sev.values()):
            raise ConfigError(Said("config.severity", f"{where}: ", severities=", ".join(SEVERITIES)))
        cfg.severity = {str(k): v for k, v in sev.items()}
    if "terms" in data:
        terms = data["terms"]
        if not isinstance(terms, dict):
            raise ConfigError(Said("config.terms", f"{where}: "))
        cfg.terms = {str(k): _strings(v, where, f"terms.{str(k)[:40]}") for k, v in terms.items()}
    if "wordlists" in data:
        cfg.wordlists = _folder(data["wordlists"], cfg.root, where, "wordlists")
    if "extra_rules" in data:
        cfg.extra_rules = [_rule_folder(v, cfg.root, where) for v in _strings(data["extra_rules"], where, "extra_rules")]
    if "fail_on" in data:
        if not isinstance(data["fail_on"], str) or data["fail_on"] not in (*SEVERITIES, "never"):
            raise ConfigError(Said("config.fail-on", f"{where}: "))
        cfg.fail_on = data["fail_on"]
    if "lang" in data:
        if not isinstance(data["lang"], str) or data["lang"] not in ("vi", "en"):
            raise ConfigError(Said("config.lang", f"{where}: "))
        cfg.lang = data["lang"]
    return cfg


def _folder(value: Any, root: Path, where: str, key: str) -> Path:
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        raise ConfigError(Said("config.folder-path", f"{where}: ", key=key))
    try:
        folder = (root / value).resolve()
        ok = folder.is_dir()
    except (OSError, RuntimeError, ValueError):  # a link loop, a name too long
        ok = False
    if not ok:
        raise ConfigError(Said("config.not-folder", f"{where}: ", key=key, value=short(value)))
    return folder


def _rule_folder(value: str, root: Path, where: str) -> Path:
    """A folder of rule files: one that held none would add nothing, silently."""
    folder = _folder(value, root, where, "extra_rules")
    try:
        found = any(folder.glob("*.yaml"))
    except OSError:
        found = False
    if not found:
        raise ConfigError(Said("config.no-rule-files", f"{where}: ", value=short(value)))
    return folder


def _strings(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ConfigError(Said("config.texts", f"{where}: ", key=key))
    return [str(v) for v in value]
