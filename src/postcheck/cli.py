"""The command line: a thin layer that reads drafts, calls the library, prints, exits.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error,
3 rule or configuration error.
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from . import __version__
from .findings import SEVERITY_RANK, FileReport

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_RULES = 0, 1, 2, 3


class Format(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int) -> None:
    _stderr().print(f"postcheck: error: {message}", markup=False)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"postcheck {__version__}")
        raise typer.Exit()


def _load(rules_dir: Optional[Path], wordlists_dir: Optional[Path]):
    from .resources import resource_dir
    from .rulebook import RuleError, load_rulebook

    try:
        wordlist_dirs = ([wordlists_dir] if wordlists_dir else []) + [resource_dir("wordlists")]
        return load_rulebook([rules_dir] if rules_dir else None, wordlist_dirs)
    except RuleError as exc:
        _fail(str(exc), EXIT_RULES)


check_app = typer.Typer(add_completion=False, rich_markup_mode=None)


@check_app.command(
    help="Check Vietnamese drafts against the Ministry of Foreign Affairs' social-network code "
         "of conduct (Decision 722/QĐ-BNG). Give files or folders (.txt, .md, .html), '-' for "
         "standard input, or pipe text in. Other commands: 'postcheck rules', "
         "'postcheck explain CLAUSE|RULE_ID'.")
def check(
    paths: List[str] = typer.Argument(None, help="Files or folders to check; '-' reads standard input."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="Language of messages."),
    fail_on: FailOn = typer.Option(FailOn.warning, "--fail-on",
                                   help="Lowest severity that makes the exit code 1."),
    rules_dir: Optional[Path] = typer.Option(None, "--rules", help="Use the rule files in this folder instead."),
    wordlists_dir: Optional[Path] = typer.Option(None, "--wordlists",
                                                 help="Look for word lists in this folder first."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    from .inputs import InputError, expand, read
    from .markup import prose

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail("nothing to check: give a file or folder, or pipe text in (see --help)", EXIT_INPUT)
        paths = ["-"]
    rulebook = _load(rules_dir, wordlists_dir)
    reports: list[FileReport] = []
    texts: dict[str, str] = {}
    input_errors = 0
    for path in expand(paths):
        try:
            source = read(path)
        except InputError as exc:
            input_errors += 1
            _stderr().print(f"postcheck: error: {exc}", markup=False)
            reports.append(FileReport(path, (), str(exc)))
            continue
        findings = rulebook.check_text(prose(source.path, source.text), lang.value)
        reports.append(FileReport(source.path, tuple(findings)))
        texts[source.path] = source.text

    if fmt is Format.json:
        from .report.json_format import render as render_json

        sys.stdout.write(render_json(reports) + "\n")
    else:
        from .report.terminal import render as render_terminal

        console = Console(highlight=False, soft_wrap=True, no_color=bool(os.environ.get("NO_COLOR")))
        render_terminal([r for r in reports if r.error is None], texts, lang.value, console)

    if input_errors:
        raise typer.Exit(EXIT_INPUT)
    if fail_on is not FailOn.never:
        threshold = SEVERITY_RANK[fail_on.value]
        if any(SEVERITY_RANK[f.severity] >= threshold for r in reports for f in r.findings):
            raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


tools_app = typer.Typer(add_completion=False, rich_markup_mode=None, help="postcheck's rule tools.")


@tools_app.command("rules", help="List every rule: id, clause, severity, description.")
def list_rules(
    rules_dir: Optional[Path] = typer.Option(None, "--rules", help="Rule folder to list instead."),
) -> None:
    rulebook = _load(rules_dir, None)
    console = Console(highlight=False, soft_wrap=True)
    for rule in sorted(rulebook.rules, key=lambda r: (r.clause, r.id)):
        console.print(f"{rule.clause}  {rule.id:<28} {rule.severity:<8} {rule.description}", markup=False)


@tools_app.command("explain", help="Show a clause's text and the rules enforcing it, or one rule.")
def explain(
    target: str = typer.Argument(..., help="A clause such as 5.2, or a rule id."),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="Language of the summary and messages."),
) -> None:
    from .clauses import CLAUSES, clause_text

    rulebook = _load(None, None)
    console = Console(highlight=False, soft_wrap=True)
    if target in CLAUSES:
        clause = CLAUSES[target]
        console.print(clause.heading(lang.value), style="bold", markup=False)
        console.print(clause_text(target), markup=False)
        console.print(f"English summary: {clause.title_en}.", markup=False)
        rules = [r for r in rulebook.rules if r.clause == target]
    elif target in rulebook.by_id:
        rules = [rulebook.by_id[target]]
    else:
        _fail(f"'{target}' is neither a clause (4.1 … 5.7) nor a rule id (see 'postcheck rules')", EXIT_INPUT)
    for rule in rules:
        console.print(f"\n{rule.id} ({rule.clause}, {rule.severity}, {rule.kind}): {rule.description}", markup=False)
        console.print(f"  message: {rule.messages[lang.value]}", markup=False)
        console.print(f"  example: {rule.examples['hit'][0]}", markup=False)


SUBCOMMANDS = {"rules", "explain"}


def main(argv: Optional[list[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    # a folder that happens to be called "rules" is checked as ./rules
    if args and args[0] in SUBCOMMANDS:
        tools_app(args=args, prog_name="postcheck")
    else:
        check_app(args=args, prog_name="postcheck")
