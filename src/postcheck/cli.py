"""The command line: a thin layer that reads options, calls the library, prints, exits.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error,
3 rule or configuration error. When several apply the highest wins: 3 stops before any
file is read; 2 (a file could not be read, or the report not written) outranks 1, because
a run that skipped a file has not shown the draft is clean, and the findings of the files
that were read are still printed and counted in the summary.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import output
from .cli_common import (EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_RULES, HELP_OPTIONS, MAX_SIZE_LIMIT,
                         PROGRESS_FROM, FailOn, Format, Group, H, Lang, _build, _config, _config_dir, _fail,
                         _max_size, _print, _run_lang, _spec, _stderr, _version)
from .cli_tools import tools_app
from .cli_usage import click_exceptions, localize, show_usage_error
from .findings import SEVERITY_RANK
from .lang.resources import MissingResource
from .messages import args_lang, locale_lang, say, set_ui, text, ui, ui_count
from .report import REPORTERS


check_app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings=HELP_OPTIONS)


@check_app.command(
    help=H("help.check"))
def check(
    paths: List[str] = typer.Argument(None, metavar="PATH...", help=H("help.paths")),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help=H("help.format")),
    lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang")),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help=H("help.fail-on")),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=H("help.quiet")),
    statistics: bool = typer.Option(False, "--statistics", help=H("help.statistics")),
    group: Group = typer.Option(Group.file, "--group", show_default=False, help=H("help.group")),  # said in the help
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N", help=H("help.jobs")),
    exclude: List[str] = typer.Option([], "--exclude", metavar="GLOB", help=H("help.exclude")),
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help=H("help.baseline")),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", metavar="FILE", help=H("help.write-baseline")),
    show_secrets: bool = typer.Option(False, "--show-secrets", help=H("help.show-secrets")),
    config_path: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help=H("help.config")),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="ENCODING", help=H("help.encoding")),
    max_size: Optional[float] = typer.Option(None, "--max-size", metavar="MB", help=H("help.max-size", limit=MAX_SIZE_LIMIT)),
    rules_dir: Optional[Path] = typer.Option(None, "--rules", metavar="FOLDER", help=H("help.rules")),
    wordlists_dir: Optional[Path] = typer.Option(None, "--wordlists", metavar="FOLDER", help=H("help.wordlists")),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help=H("help.version")),
) -> None:
    from .masking import for_display
    from .inputs import InputError
    from .readers import expand
    from .rulebook import RuleError
    from .runner import ReadOptions, check_paths, without_excluded

    limit = _max_size(max_size)
    config = _config(config_path)
    config.exclude = config.exclude + list(exclude)
    fmt = fmt or (Format.github if os.environ.get("GITHUB_ACTIONS") == "true" else Format.text)
    lang_code = _run_lang(lang, config)
    threshold = (fail_on.value if fail_on else None) or config.fail_on or "warning"

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail(ui("error.nothing"), EXIT_INPUT)
        paths = ["-"]
    spec = _spec(config, rules_dir, wordlists_dir)
    rulebook = _build(spec)
    accepted = None
    if baseline:
        from .baseline import new_findings, read_baseline

        try:
            accepted, baseline_key = read_baseline(baseline)
        except InputError as exc:
            _fail(say(exc), EXIT_INPUT)
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
        _fail(ui("error.interrupted"), EXIT_INPUT)
    except RuleError as exc:  # a rule that only fails when used, such as an unreadable model
        _fail(say(exc), EXIT_RULES)

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
            _fail(say(exc), EXIT_INPUT)
        # the baseline is useless without its key: say where it is
        key = KEY_ENV if os.environ.get(KEY_ENV) else key_path(write_baseline)
        print("postcheck: " + ui("baseline.wrote", findings=ui_count(count, "accepted"), path=write_baseline,
                                             keyfile=key), file=sys.stderr)
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
    if count <= PROGRESS_FROM or not sys.stderr.isatty() or not REPORTERS[fmt.value].for_people:
        return None
    from rich.progress import Progress

    return Progress(console=_stderr(), transient=True)


SUBCOMMANDS = {"rules", "explain", "init", "serve", "review", "fix"}


def _command_first(args: list[str]) -> list[str]:
    """`--lang en explain 5.2` as `explain --lang en 5.2`: every command takes --lang, and
    people put the language first. Anything else before a command name is a check's."""
    if args[:1] == ["--lang"]:
        lead = 2
    elif args and args[0].startswith("--lang="):
        lead = 1
    else:
        return args
    if len(args) > lead and args[lead] in SUBCOMMANDS:
        return [args[lead], *args[:lead], *args[lead + 1:]]
    return args


def main(argv: Optional[list[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    output.utf8_stderr()
    try:
        args = _command_first(list(args))
        lang = args_lang(args) or locale_lang()
        set_ui(lang)
        # a folder that happens to be called "rules" is checked as ./rules
        app = tools_app if args and args[0] in SUBCOMMANDS else check_app
        command = localize(typer.main.get_command(app), lang, {"help.max-size": {"limit": MAX_SIZE_LIMIT}})
        raise SystemExit(_main(command, args, lang))
    except output.ReportNotWritten as exc:
        output.give_up(exc)
        raise SystemExit(EXIT_OUTPUT) from None
    except MissingResource as exc:  # a broken installation: say which file, not a traceback
        print("postcheck: error: " + ui("error.missing-resource", problem=say(exc)), file=sys.stderr, flush=True)
        raise SystemExit(EXIT_RULES) from None
    except OSError as exc:  # click's --help, or a file postcheck writes, on a full disk
        if exc.errno not in output.WRITE_ERRNOS:
            raise
        output.give_up(output.failure(exc), to=None)  # which file is not known here
        raise SystemExit(EXIT_OUTPUT) from None


def _main(command, args: list[str], lang: str) -> int:
    """The command's exit code. click runs it without its standalone mode, so that its usage
    errors and "Aborted!" are said here, in the run's language (cli_usage.py)."""
    click_errors = click_exceptions()
    try:
        code = command.main(args=args, prog_name="postcheck", standalone_mode=False)
    except click_errors.ClickException as exc:
        show_usage_error(exc, lang, lambda line: print(line, file=sys.stderr))
        return exc.exit_code
    except typer.Abort:  # standard input ended at a prompt: click would say "Aborted!"
        print("postcheck: " + text(lang, "usage.aborted"), file=sys.stderr)
        return 1
    return code if isinstance(code, int) else EXIT_OK


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

