"""The command line: a thin layer that reads options, calls the library, prints, exits.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error,
3 rule or configuration error. When several apply the highest wins: 3 stops before any
file is read; 2 (a file could not be read, or the report not written) outranks 1, because
a run that skipped a file has not shown the draft is clean, and the findings of the files
that were read are still printed and counted in the summary.
"""
from __future__ import annotations

import math
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__, output
from .findings import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_RULES = 0, 1, 2, 3
EXIT_OUTPUT = EXIT_INPUT  # the report could not be written: 2 keeps the documented codes four
MAX_SIZE_LIMIT = 1024  # MB: --max-size cannot lift the bound on memory altogether
PROGRESS_FROM = 20  # files: fewer finish before a progress bar would help


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


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
    from rich.console import Console

    if os.environ.get("NO_COLOR"):
        # no colour system at all: rich's own no_color keeps bold, underline and reverse
        kwargs["color_system"] = None
    return Console(highlight=False, soft_wrap=True, **kwargs)


def _width(console) -> Optional[int]:
    """Cells to fit the text report into: the terminal's, or COLUMNS when set; a pipe's
    lines are not wrapped (grep should find a whole message)."""
    if console.is_terminal or os.environ.get("COLUMNS", "").isdigit():
        return console.width
    return None


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
        _say(f"postcheck {__version__}")
        raise typer.Exit()


def _max_size(mb: Optional[float]) -> Optional[int]:
    """--max-size in bytes. There is no "no limit" value: memory and time stay bounded on
    every input, so 0, negative, not-a-number and values over the ceiling are refused."""
    if mb is None:
        return None
    if not (math.isfinite(mb) and 0 < mb <= MAX_SIZE_LIMIT):
        _fail(f"--max-size: expected a number of MB above 0 and at most {MAX_SIZE_LIMIT}, got {mb:g}", EXIT_INPUT)
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
        _fail(str(exc), EXIT_RULES)


def _spec(config, rules_dir: Optional[Path], wordlists_dir: Optional[Path]):
    from .resources import resource_dir
    from .runner import RulebookSpec

    if wordlists_dir and not wordlists_dir.is_dir():
        _fail(f"--wordlists {wordlists_dir}: no such folder", EXIT_RULES)
    extra = dict(config.terms)
    if config.official_domains:
        extra["official_domains"] = extra.get("official_domains", []) + config.official_domains
    dirs = [d for d in (wordlists_dir, config.wordlists) if d] + [resource_dir("wordlists")]
    return RulebookSpec(
        rule_dirs=(rules_dir,) if rules_dir else None,
        wordlist_dirs=tuple(dirs),
        extra_terms=tuple((k, tuple(v)) for k, v in extra.items()),
        config=config,
    )


def _build(spec):
    from .rulebook import RuleError

    try:
        return spec.build()
    except RuleError as exc:
        _fail(str(exc), EXIT_RULES)


HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}  # "-h" is what people type first
check_app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings=HELP_OPTIONS)


@check_app.command(
    help="Check Vietnamese drafts against the Ministry of Foreign Affairs' social-network code "
         "of conduct (Decision 722/QĐ-BNG). Give files or folders (.txt, .md, .html, .docx), '-' "
         "for standard input, or pipe text in. Other commands: 'postcheck rules', "
         "'postcheck explain CLAUSE|RULE_ID', 'postcheck init'.")
def check(
    paths: List[str] = typer.Argument(None, help="Files or folders to check; '-' reads standard input."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="Output format (default: text; github inside GitHub Actions)."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of messages (default vi)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                             help="Lowest severity that makes the exit code 1 (default warning)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary line."),
    statistics: bool = typer.Option(False, "--statistics", help="Print counts per clause and rule."),
    group: Group = typer.Option(Group.file, "--group",
                                help="Text report order: by file then position (default), or under each clause."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Files checked in parallel (default: CPUs)."),
    exclude: List[str] = typer.Option([], "--exclude", help="Skip paths matching this glob (repeatable)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline",
                                                  help="Record the current findings as accepted, then exit 0."),
    show_secrets: bool = typer.Option(False, "--show-secrets",
                                      help="Print passwords, ID and phone numbers unmasked."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Configuration file (default: .postcheck.yaml "
                                                                       "or [tool.postcheck] in pyproject.toml, found upwards)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read files in this encoding (utf-8, cp1258, "
                                                                    "tcvn3, vni …) instead of detecting it."),
    max_size: Optional[float] = typer.Option(None, "--max-size", help="Largest file to check, in MB (default 20, "
                                                                       f"at most {MAX_SIZE_LIMIT}); for .docx also "
                                                                       "its parts uncompressed."),
    rules_dir: Optional[Path] = typer.Option(None, "--rules", help="Use the rule files in this folder instead."),
    wordlists_dir: Optional[Path] = typer.Option(None, "--wordlists",
                                                 help="Look for word lists in this folder first."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    from .masking import for_display
    from .inputs import InputError, expand
    from .rulebook import RuleError
    from .runner import ReadOptions, check_paths, without_excluded

    limit = _max_size(max_size)
    config = _config(config_path)
    config.exclude = config.exclude + list(exclude)
    fmt = fmt or (Format.github if os.environ.get("GITHUB_ACTIONS") == "true" else Format.text)
    lang_code = (lang.value if lang else None) or config.lang or "vi"
    threshold = (fail_on.value if fail_on else None) or config.fail_on or "warning"

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail("nothing to check: give a file or folder, or pipe text in (see --help)", EXIT_INPUT)
        paths = ["-"]
    spec = _spec(config, rules_dir, wordlists_dir)
    rulebook = _build(spec)
    accepted = None
    if baseline:
        from .baseline import new_findings, read_baseline

        try:
            accepted, baseline_key = read_baseline(baseline)
        except InputError as exc:
            _fail(str(exc), EXIT_INPUT)
    files = without_excluded(expand(paths), config)
    options = ReadOptions(encoding, limit) if limit else ReadOptions(encoding)

    progress = _progress(len(files), fmt)
    try:
        if progress:
            with progress:
                task = progress.add_task("postcheck", total=len(files))
                reports = check_paths(files, spec, lang_code, jobs, options, rulebook,
                                      on_done=lambda: progress.advance(task))
        else:
            reports = check_paths(files, spec, lang_code, jobs, options, rulebook)
    except KeyboardInterrupt:
        _fail("interrupted", EXIT_INPUT)
    except RuleError as exc:  # a rule that only fails when used, such as an unreadable model
        _fail(str(exc), EXIT_RULES)

    for r in reports:
        if r.error:
            print(f"postcheck: error: {r.error}", file=sys.stderr)
        elif r.notice:
            print(f"postcheck: note: {r.notice}", file=sys.stderr)

    if write_baseline:
        from .baseline import KEY_ENV, key_path, write_baseline as save_baseline

        try:
            count = save_baseline(write_baseline, reports, _config_dir(config_path))
        except InputError as exc:
            _fail(str(exc), EXIT_INPUT)
        # the baseline is useless without its key: say where it is
        key = KEY_ENV if os.environ.get(KEY_ENV) else key_path(write_baseline)
        print(f"postcheck: wrote {count} accepted finding(s) to {write_baseline} (key: {key})", file=sys.stderr)
        raise typer.Exit(EXIT_INPUT if any(r.error for r in reports) else EXIT_OK)
    if accepted is not None:
        config_dir = _config_dir(config_path)
        reports = [new_findings(r, accepted, baseline_key, config_dir) for r in reports]

    shown = for_display(reports, show_secrets)
    _print(shown, fmt, lang_code, rulebook, quiet, statistics, group.value)

    if any(r.error for r in reports):
        raise typer.Exit(EXIT_INPUT)
    if threshold != "never":
        rank = SEVERITY_RANK[threshold]
        if any(SEVERITY_RANK[f.severity] >= rank for r in reports for f in r.findings):
            raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _progress(count: int, fmt: Format):
    if count <= PROGRESS_FROM or not sys.stderr.isatty() or fmt is not Format.text:
        return None
    from rich.progress import Progress

    return Progress(console=_stderr(), transient=True)


def _print(reports, fmt: Format, lang: str, rulebook, quiet: bool, statistics: bool, group: str = "file") -> None:
    if fmt is Format.text:
        from .report.terminal import render

        console, out = _stdout_console()
        render(reports, lang, console, quiet=quiet, statistics=statistics, group=group, width=_width(console))
        _done_with(out)
        return
    out = output.machine_stream()
    if fmt is Format.json:
        from .report.json_format import chunks

        out.writelines(chunks(reports))
    elif fmt is Format.sarif:
        from .report.sarif import render

        out.write(render(reports, rulebook.rules, lang) + "\n")
    elif fmt is Format.github:
        from .report.github import render

        text = render(reports)
        if text:
            out.write(text + "\n")
    _done_with(out)


tools_app = typer.Typer(add_completion=False, rich_markup_mode=None, help="postcheck's rule tools.",
                        context_settings=HELP_OPTIONS)


@tools_app.command("rules", help="List every rule: id, clause, severity, description.")
def list_rules(
    rules_dir: Optional[Path] = typer.Option(None, "--rules", help="Rule folder to list instead."),
) -> None:
    rulebook = _build(_spec(_config(None), rules_dir, None))
    console, out = _stdout_console()
    for rule in sorted(rulebook.rules, key=lambda r: (r.clause, r.id)):
        console.print(f"{rule.clause}  {rule.id:<32} {rule.severity:<8} {rule.description}", markup=False)
    _done_with(out)


@tools_app.command("explain", help="Show a clause's text and the rules enforcing it, or one rule. "
                                    "CLAUSE may be written 5.2, 5, 'Điều 5 khoản 2', 'điều 5' or D5K2.")
def explain(
    target: str = typer.Argument(..., metavar="CLAUSE|RULE", help="A clause (5.2, 'Điều 5 khoản 2', D5K2), an article (5), or a rule id."),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="Language of the summary and messages."),
) -> None:
    from .clause_names import clause_codes, close_matches
    from .clauses import CLAUSES, clause_text
    from .messages import text

    lang_code = lang.value
    rulebook = _build(_spec(_config(None), None, None))
    if target.strip() in rulebook.by_id:
        rule = rulebook.by_id[target.strip()]
        codes, rules = [], [rule]
    else:
        codes = clause_codes(target)
        if codes is None:
            close = close_matches(target, list(rulebook.by_id))
            hint = text(lang_code, "explain.did-you-mean", names=", ".join(close)) if close else ""
            _fail(text(lang_code, "explain.unknown", target=target) + hint, EXIT_INPUT)
        if not codes:
            _fail(text(lang_code, "explain.no-such-clause", target=target), EXIT_INPUT)
        rules = []
    console, out = _stdout_console()
    for n, code in enumerate(codes):
        clause = CLAUSES[code]
        console.print(("\n" if n else "") + clause.heading(lang_code), style="bold", markup=False)
        console.print(clause_text(code), markup=False)
        if lang_code == "en":
            console.print(text(lang_code, "explain.summary", summary=clause.title_en), markup=False)
        enforcing = [r for r in rulebook.rules if r.clause == code]
        if not enforcing:
            console.print(text(lang_code, "explain.no-rule"), markup=False)
        _print_rules(console, enforcing, lang_code)
    if rules:
        console.print(CLAUSES[rules[0].clause].heading(lang_code), style="bold", markup=False)
        _print_rules(console, rules, lang_code)
    _done_with(out)


def _print_rules(console, rules, lang: str) -> None:
    from .messages import text

    for rule in rules:
        console.print(f"\n{rule.id} ({rule.clause}, {rule.severity}, {rule.kind}): {rule.description}", markup=False)
        console.print(text(lang, "explain.message", message=rule.messages[lang]), markup=False)
        console.print(text(lang, "explain.example", example=rule.examples["hit"][0]), markup=False)


@tools_app.command("init", help="Write a commented starter .postcheck.yaml in the current folder.")
def init(force: bool = typer.Option(False, "--force", help="Overwrite an existing file.")) -> None:
    from .config import CONFIG_NAME, STARTER

    target = Path(CONFIG_NAME)
    # never write through a symbolic link (a dangling one would create its target elsewhere)
    if target.is_symlink():
        _fail(f"{CONFIG_NAME} is a symbolic link; remove it first", EXIT_INPUT)
    if target.is_dir():
        _fail(f"{CONFIG_NAME} is a folder; remove it first", EXIT_INPUT)
    if target.exists() and not force:
        _fail(f"{CONFIG_NAME} already exists (use --force to overwrite)", EXIT_INPUT)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        with os.fdopen(os.open(CONFIG_NAME, flags, 0o644), "w", encoding="utf-8") as f:
            f.write(STARTER)
    except OSError as exc:
        _fail(f"cannot write {CONFIG_NAME}: {exc.strerror or exc.__class__.__name__}", EXIT_INPUT)
    _say(f"wrote {CONFIG_NAME}")


SUBCOMMANDS = {"rules", "explain", "init"}


def main(argv: Optional[list[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    output.utf8_stderr()
    try:
        # a folder that happens to be called "rules" is checked as ./rules
        if args and args[0] in SUBCOMMANDS:
            tools_app(args=args, prog_name="postcheck")
        else:
            check_app(args=args, prog_name="postcheck")
    except output.ReportNotWritten as exc:
        output.give_up(exc)
        raise SystemExit(EXIT_OUTPUT) from None
    except OSError as exc:  # click's --help, or a file postcheck writes, on a full disk
        if exc.errno not in output.WRITE_ERRNOS:
            raise
        output.give_up(output.failure(exc), to=None)  # which file is not known here
        raise SystemExit(EXIT_OUTPUT) from None


def run() -> None:
    """The `postcheck` command: main(), then an exit that skips tearing the interpreter
    down. Freeing the dictionary sets and underthesea's model one object at a time takes
    longer than a short check itself (70 ms of a 0.6 s run); nothing needs it, because
    every file postcheck writes is closed by then and its output is flushed here."""
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError) as exc:  # what main() left unwritten cannot be written now
        output.give_up(output.failure(exc))
        code = code if code not in (EXIT_OK, EXIT_FINDINGS) else EXIT_OUTPUT
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):  # nowhere left to say anything
        code = code or EXIT_OUTPUT
    os._exit(code)

