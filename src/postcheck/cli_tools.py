"""The tool commands beside checking: rules, explain, init, serve, review, fix."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .cli_common import (EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, HELP_OPTIONS, Format, H, Lang, _build, _config,
                         _done_with, _fail, _print, _run_lang, _say, _spec, _stdout_console)
from .findings import SEVERITY_RANK
from .messages import CATALOGUE, locale_lang, say, set_ui, severity, text, ui, ui_count


tools_app = typer.Typer(add_completion=False, rich_markup_mode=None, help=H("help.tools"),
                        context_settings=HELP_OPTIONS)


@tools_app.command("rules", help=H("help.rules-command"))
def list_rules(
    rules_dir: Optional[Path] = typer.Option(None, "--rules", metavar="FOLDER", help=H("help.rules-dir")),
    lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang")),
) -> None:
    config = _config(None)
    lang_code = _run_lang(lang, config)
    rulebook = _build(_spec(config, rules_dir, None))
    console, out = _stdout_console()
    for rule in sorted(rulebook.rules, key=lambda r: (r.clause, r.id)):
        fixer = getattr(rule, "fixer", None)
        tag = f"  [{text(lang_code, 'fix.tag.' + fixer.kind)}]" if fixer else ""
        console.print(f"{rule.clause}  {rule.id:<32} {severity(lang_code, rule.severity):<8} {rule.descriptions[lang_code]}"
                      + tag, markup=False)
    _done_with(out)


@tools_app.command("explain", help=H("help.explain"))
def explain(
    # several words: the report's own heading, Điều 5 khoản 2, typed without quotes
    words: List[str] = typer.Argument(..., metavar="CLAUSE|RULE", help=H("help.target")),
    lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang")),
) -> None:
    from .clause_names import close_matches
    from .clauses import CLAUSES, clause_text

    target = " ".join(words)

    config = _config(None)
    lang_code = _run_lang(lang, config)
    rulebook = _build(_spec(config, None, None))
    # an entry of the report that breaks several clauses is headed "5.6, 5.1": a reader
    # copies that heading here, so a comma-separated list is each of its names in turn
    # (split at ", " when there is one: "5,2" alone is Vietnamese for 5.2)
    parts = [target]
    if _names(target, rulebook) is None and "," in target:
        parts = re.split(r",\s+", target) if re.search(r",\s", target) else target.split(",")
    shown = []
    for part in (p for p in parts if p.strip()):
        found = _names(part, rulebook)
        if found is None:
            close = close_matches(part, list(rulebook.by_id))
            hint = text(lang_code, "explain.did-you-mean", names=", ".join(close)) if close else ""
            _fail(text(lang_code, "explain.unknown", target=part.strip()) + hint, EXIT_INPUT)
        if not found:
            _fail(text(lang_code, "explain.no-such-clause", target=part.strip()), EXIT_INPUT)
        shown += [name for name in found if name not in shown]
    console, out = _stdout_console()
    for n, name in enumerate(shown):
        if name in rulebook.by_id:
            rule = rulebook.by_id[name]
            console.print(("\n" if n else "") + CLAUSES[rule.clause].heading(lang_code), style="bold", markup=False)
            _print_rules(console, [rule], lang_code)
            continue
        clause = CLAUSES[name]
        console.print(("\n" if n else "") + clause.heading(lang_code), style="bold", markup=False)
        console.print(clause_text(name), markup=False)
        if lang_code == "en":
            console.print(text(lang_code, "explain.summary", summary=clause.title_en), markup=False)
        enforcing = [r for r in rulebook.rules if r.clause == name]
        if not enforcing:
            console.print(text(lang_code, "explain.no-rule"), markup=False)
        _print_rules(console, enforcing, lang_code)
    _done_with(out)


def _names(target: str, rulebook) -> list[str] | None:
    """The rule id or clause codes `target` names ([] for an article with no clause here),
    None when it names neither."""
    from .clause_names import clause_codes

    if target.strip() in rulebook.by_id:
        return [target.strip()]
    return clause_codes(target)


def _print_rules(console, rules, lang: str) -> None:

    for rule in rules:
        kind = text(lang, f"rule-kind.{rule.kind}") if f"rule-kind.{rule.kind}" in CATALOGUE else rule.kind
        console.print(f"\n{rule.id} ({rule.clause}, {severity(lang, rule.severity)}, {kind}): {rule.descriptions[lang]}",
                      markup=False)
        # "{match}" means nothing to a reader: the words found go there
        message = re.sub(r"\{\w+\}", "…", rule.messages[lang])
        console.print(text(lang, "explain.message", message=message), markup=False)
        console.print(text(lang, "explain.example", example=rule.examples["hit"][0].text), markup=False)
        console.print(_offered(rule, lang), markup=False)


def _offered(rule, lang: str) -> str:
    """Whether the rule offers a fix, and of which kind."""
    fixer = getattr(rule, "fixer", None)
    if fixer is None:
        return text(lang, "fix.offered.none")
    if fixer.kind == "replace":
        return text(lang, "fix.offered.replace", replacement=fixer.text)
    if fixer.kind == "mask":
        # a made-up number of the longest kind, so the example shows the most a fix keeps
        return text(lang, "fix.offered.mask", example="0987 654 321 → " + fixer.replacement("0987 654 321", None))
    pairs = list(fixer.pairs.items())
    shown = ", ".join(f"{term} → {wording}" for term, wording in pairs[:3]) + (", …" if len(pairs) > 3 else "")
    return text(lang, "fix.offered.polite", pairs=shown)


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
          port: int = typer.Option(0, "--port", min=0, max=65535, metavar="PORT", help=H("help.port")),
          lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang"))) -> None:
    config = _config(None)
    lang_code = (lang.value if lang else None) or config.lang or locale_lang()
    set_ui(lang_code)
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
    run_page(rulebook, sock, not no_browser, lambda url: _say("postcheck: " + ui("serve.listening", url=url)),
             lang_code)


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
        _fail(say(exc), EXIT_INPUT)
    _print([done.report], Format.text, lang_code, rulebook, False, False)
    print("postcheck: " + ui("review.wrote", count=done.comments, path=done.path), file=sys.stderr)
    threshold = config.fail_on or "warning"
    found = threshold != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]
                                         for f in done.report.findings)
    raise typer.Exit(EXIT_FINDINGS if found else EXIT_OK)




@tools_app.command("fix", help=H("help.fix"))
def fix(paths: List[str] = typer.Argument(..., metavar="DRAFT...", help=H("help.fix-paths")),
        in_place: bool = typer.Option(False, "--in-place", help=H("help.fix-in-place")),
        force: bool = typer.Option(False, "--force", help=H("help.fix-force")),
        encoding: Optional[str] = typer.Option(None, "--encoding", metavar="ENCODING", help=H("help.encoding")),
        lang: Optional[Lang] = typer.Option(None, "--lang", help=H("help.lang"))) -> None:
    from .fixing import fix_file, is_fixed_copy
    from .inputs import InputError
    from .messages import say
    from .readers import expand

    config = _config(None)
    lang_code = _run_lang(lang, config)
    set_ui(lang_code)
    rulebook = _build(_spec(config, None, None))
    threshold = config.fail_on or "warning"
    failed = left = False
    # a folder's earlier .fixed copies are not drafts to fix again
    files = [p for p in expand(paths) if p in paths or not is_fixed_copy(p)]
    for path in files:
        try:
            if path.lower().endswith(".docx"):  # fixed inside its Word runs
                from .fixing_docx import fix_docx

                done = fix_docx(path, rulebook, lang_code, in_place=in_place, force=force)
            else:
                done = fix_file(path, rulebook, lang_code, in_place=in_place, force=force, encoding=encoding)
        except InputError as exc:
            print(f"postcheck: error: {say(exc)}", file=sys.stderr)
            failed = True
            continue
        remaining = [f for f in done.remaining.findings
                     if threshold != "never" and SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]]
        left = left or bool(remaining)
        if done.target is None:
            line = ui("fix.nothing", path=path)
            if done.skipped:
                line += ui("fix.skipped", n=done.skipped)
            if remaining:
                line += ui("fix.left", findings=ui_count(len(remaining), "finding"), target=path)
            _say(line + ".")
            continue
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(done.applied.items()))
        line = ui("fix.wrote", path=path, target=done.target, n=sum(done.applied.values()), rules=rules)
        if done.skipped:
            line += ui("fix.skipped", n=done.skipped)
        line += ui("fix.left", findings=ui_count(len(remaining), "finding"), target=done.target) if remaining else ui("fix.clean")
        _say(line + ".")
        if done.elsewhere:  # a replaced text still in the file: as much left to do as a finding
            left = True
            key = "fix.elsewhere" if done.target.suffix.lower() == ".docx" else "fix.elsewhere-text"
            print("postcheck: warning: " + ui(key, target=done.target, n=done.elsewhere), file=sys.stderr)
        if done.utf8_note:
            print("postcheck: note: " + ui("fix.utf8", target=done.target), file=sys.stderr)
    raise typer.Exit(EXIT_INPUT if failed else EXIT_FINDINGS if left else EXIT_OK)
