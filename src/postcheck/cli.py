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
from .lang.resources import MissingResource
from .messages import args_lang, locale_lang, say, set_ui, severity, text, ui, ui_count
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
        _say(f"postcheck {__version__}")
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
check_app = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings=HELP_OPTIONS)


@check_app.command(
    help=H("help.check"))
def check(
    paths: List[str] = typer.Argument(None, help=H("help.paths")),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help=H("help.format")),
    lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang")),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help=H("help.fail-on")),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=H("help.quiet")),
    statistics: bool = typer.Option(False, "--statistics", help=H("help.statistics")),
    group: Group = typer.Option(Group.file, "--group", help=H("help.group")),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help=H("help.jobs")),
    exclude: List[str] = typer.Option([], "--exclude", help=H("help.exclude")),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help=H("help.baseline")),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help=H("help.write-baseline")),
    show_secrets: bool = typer.Option(False, "--show-secrets", help=H("help.show-secrets")),
    config_path: Optional[Path] = typer.Option(None, "--config", help=H("help.config")),
    encoding: Optional[str] = typer.Option(None, "--encoding", help=H("help.encoding")),
    max_size: Optional[float] = typer.Option(None, "--max-size", help=H("help.max-size", limit=MAX_SIZE_LIMIT)),
    rules_dir: Optional[Path] = typer.Option(None, "--rules", help=H("help.rules")),
    wordlists_dir: Optional[Path] = typer.Option(None, "--wordlists", help=H("help.wordlists")),
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


def _print(reports, fmt: Format, lang: str, rulebook, quiet: bool, statistics: bool, group: str = "file") -> None:
    reporter = REPORTERS[fmt.value]
    out = output.text_stream() if reporter.for_people else output.machine_stream()
    reporter.write(reports, ReportOptions(lang, tuple(rulebook.rules), quiet, statistics, group), out)
    _done_with(out)


tools_app = typer.Typer(add_completion=False, rich_markup_mode=None, help=H("help.tools"),
                        context_settings=HELP_OPTIONS)


@tools_app.command("rules", help=H("help.rules-command"))
def list_rules(
    rules_dir: Optional[Path] = typer.Option(None, "--rules", help=H("help.rules-dir")),
    lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang")),
) -> None:
    config = _config(None)
    lang_code = _run_lang(lang, config)
    rulebook = _build(_spec(config, rules_dir, None))
    console, out = _stdout_console()
    for rule in sorted(rulebook.rules, key=lambda r: (r.clause, r.id)):
        console.print(f"{rule.clause}  {rule.id:<32} {severity(lang_code, rule.severity):<8} {rule.descriptions[lang_code]}",
                      markup=False)
    _done_with(out)


@tools_app.command("explain", help=H("help.explain"))
def explain(
    target: str = typer.Argument(..., metavar="CLAUSE|RULE", help=H("help.target")),
    lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang")),
) -> None:
    from .clause_names import clause_codes, close_matches
    from .clauses import CLAUSES, clause_text
    from .messages import text

    config = _config(None)
    lang_code = _run_lang(lang, config)
    rulebook = _build(_spec(config, None, None))
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
        console.print(f"\n{rule.id} ({rule.clause}, {severity(lang, rule.severity)}, {rule.kind}): {rule.descriptions[lang]}", markup=False)
        console.print(text(lang, "explain.message", message=rule.messages[lang]), markup=False)
        console.print(text(lang, "explain.example", example=rule.examples["hit"][0].text), markup=False)


@tools_app.command("init", help=H("help.init"))
def init(force: bool = typer.Option(False, "--force", help=H("help.force")),
         lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang"))) -> None:
    from .config import CONFIG_NAME, STARTER, STARTER_VI

    lang_code = lang.value if lang else locale_lang()
    set_ui(lang_code)

    target = Path(CONFIG_NAME)
    # never write through a symbolic link (a dangling one would create its target elsewhere)
    if target.is_symlink():
        _fail(ui("init.symlink", name=CONFIG_NAME), EXIT_INPUT)
    if target.is_dir():
        _fail(ui("init.folder", name=CONFIG_NAME), EXIT_INPUT)
    if target.exists() and not force:
        _fail(ui("init.exists", name=CONFIG_NAME), EXIT_INPUT)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        with os.fdopen(os.open(CONFIG_NAME, flags, 0o644), "w", encoding="utf-8") as f:
            f.write(STARTER if lang_code == "en" else STARTER_VI)
    except OSError as exc:
        _fail(ui("init.cannot-write", name=CONFIG_NAME, reason=exc.strerror or exc.__class__.__name__), EXIT_INPUT)
    _say(ui("init.wrote", name=CONFIG_NAME))


@tools_app.command("serve", help=H("help.serve"))
def serve(no_browser: bool = typer.Option(False, "--no-browser", help=H("help.no-browser")),
          port: int = typer.Option(0, "--port", min=0, max=65535, help=H("help.port")),
          lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang"))) -> None:
    config = _config(None)
    set_ui((lang.value if lang else None) or config.lang or locale_lang())
    for name in ("starlette", "uvicorn"):
        try:
            __import__(name)
        except ImportError:
            _fail(ui("serve.missing", name=name), EXIT_INPUT)
    from .serve.main import listening_socket, run as run_page

    rulebook = _build(_spec(config, None, None))
    try:
        sock = listening_socket(port)
    except OSError as exc:
        _fail(ui("serve.port", port=port, reason=exc.strerror or exc), EXIT_INPUT)
    run_page(rulebook, sock, not no_browser, lambda url: _say("postcheck: " + ui("serve.listening", url=url)))


@tools_app.command("review", help=H("help.review"))
def review(path: Path = typer.Argument(..., metavar="DRAFT.docx", help=H("help.review-file")),
           force: bool = typer.Option(False, "--force", help=H("help.review-force")),
           lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang"))) -> None:
    from .inputs import InputError
    from .review import review as write_review

    config = _config(None)
    lang_code = (lang.value if lang else None) or config.lang or locale_lang()
    set_ui(lang_code)
    rulebook = _build(_spec(config, None, None))
    try:
        done = write_review(path, rulebook, lang_code, force)
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    _print([done.report], Format.text, lang_code, rulebook, False, False)
    print("postcheck: " + ui("review.wrote", count=done.comments, path=done.path), file=sys.stderr)
    threshold = config.fail_on or "warning"
    found = threshold != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]
                                         for f in done.report.findings)
    raise typer.Exit(EXIT_FINDINGS if found else EXIT_OK)


SUBCOMMANDS = {"rules", "explain", "init", "serve", "review"}


def _localized(command, lang: str):
    """`command` (click's, built from the apps above) with its help texts in `lang`: they
    are written in Vietnamese (H) and looked up again here by that text."""
    if lang == "vi":
        return command
    from .messages import CATALOGUE

    by_text = {v["vi"]: v["en"] for k, v in CATALOGUE.items() if k.startswith("help.")}
    by_text[H("help.max-size", limit=MAX_SIZE_LIMIT)] = text("en", "help.max-size", limit=MAX_SIZE_LIMIT)
    for cmd in [command, *getattr(command, "commands", {}).values()]:
        cmd.help = by_text.get(cmd.help, cmd.help)
        for param in cmd.params:
            if getattr(param, "help", None):
                param.help = by_text.get(param.help, param.help)
    return command


def main(argv: Optional[list[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    output.utf8_stderr()
    try:
        # a folder that happens to be called "rules" is checked as ./rules
        lang = args_lang(args) or locale_lang()
        set_ui(lang)
        app = tools_app if args and args[0] in SUBCOMMANDS else check_app
        _localized(typer.main.get_command(app), lang).main(args=args, prog_name="postcheck")
    except output.ReportNotWritten as exc:
        output.give_up(exc)
        raise SystemExit(EXIT_OUTPUT) from None
    except MissingResource as exc:  # a broken installation: say which file, not a traceback
        print(f"postcheck: error: {exc} (reinstall postcheck)", file=sys.stderr, flush=True)
        raise SystemExit(EXIT_RULES) from None
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

