"""Click's own words in the run's language: the usage line, help headings, "[default: …]",
the help option's text, metavars, and the usage errors ("No such option", "Missing
argument", a bad --format) that click writes in English whatever the reader reads.

Typer 0.2x runs its own copy of click without gettext, and older typers run click, whose
gettext would follow the locale rather than --lang; neither can be told "Vietnamese".
So postcheck does it at click's public seams, which both share: the help formatter class
a context makes (write_usage, write_heading, write_dl), the context class a command
makes, and the usage exceptions, which the command line runs with standalone_mode=False
and says itself from their fields (option name, parameter, value), never by parsing a
whole English sentence. A message of a kind not known here is shown as click wrote it.
"""
from __future__ import annotations

import re

from .messages import CATALOGUE, text

PREFIX = "postcheck: error: "  # as every other error line: scripts look for it
MAX_MESSAGE = 500  # characters, as cli_common._fail: a value typed can be a whole file

# metavars the commands declare (cli.py, cli_tools.py), in English; said in the run's language
METAVARS = ("PATH", "N", "MB", "GLOB", "FILE", "FOLDER", "ENCODING", "PORT", "CLAUSE|RULE", "DRAFT.docx", "DRAFT")
_HEADINGS = {"Arguments": "help.heading-arguments", "Options": "help.heading-options",
             "Commands": "help.heading-commands"}
_CLICK_HELP_OPTION = "Show this message and exit."


def click_exceptions():
    """The exceptions module of the click that typer runs on (its ClickException)."""
    try:  # typer >= 0.26 carries its own copy of click
        from typer._click import exceptions
    except ImportError:
        from click import exceptions
    return exceptions


def _metavar(value: str, lang: str) -> str:
    for name in METAVARS:
        value = re.sub(rf"(?<![\w.|]){re.escape(name)}(?![\w|])", lambda _: text(lang, f"metavar.{name}"), value)
    return value


def _usage_args(args: str, lang: str) -> str:
    return _metavar(args.replace("[OPTIONS]", text(lang, "help.options-metavar")), lang)


def _extra(part: str, lang: str) -> str:
    """One of click's bracketed notes after a help text: default, required, a range."""
    if part.startswith("default: "):
        return text(lang, "help.default", value=part[len("default: "):])
    if part == "required":
        return text(lang, "help.required")
    return part  # a range such as x>=1: the same in both languages


def _help_column(value: str, lang: str) -> str:
    if value == _CLICK_HELP_OPTION:
        return text(lang, "help.help-option")
    m = re.fullmatch(r"(?s)(.*?)(?:  )?\[([^\[\]]*)\]", value)
    if not m:
        return value
    notes = "; ".join(_extra(p, lang) for p in m.group(2).split("; "))
    return f"{m.group(1)}  [{notes}]" if m.group(1) else f"[{notes}]"


def _formatter_class(base, lang: str):
    class LocalizedFormatter(base):
        def write_usage(self, prog, args="", prefix=None):
            super().write_usage(prog, _usage_args(args, lang), text(lang, "help.usage-prefix"))

        def write_heading(self, heading):
            key = _HEADINGS.get(heading)
            super().write_heading(text(lang, key) if key else heading)

        def write_dl(self, rows, *args, **kwargs):
            rows = [(_metavar(first, lang), _help_column(second, lang)) for first, second in rows]
            super().write_dl(rows, *args, **kwargs)

    return LocalizedFormatter


def localize(command, lang: str, filled: dict[str, dict] | None = None):
    """`command` (click's, built from the typer apps) speaking `lang`: its help texts (written
    in Vietnamese, looked up again here by that text; `filled`: key → values of those with
    placeholders) and click's own words."""
    context = command.context_class
    localized_context = type("LocalizedContext", (context,),
                             {"formatter_class": _formatter_class(context.formatter_class, lang)})
    by_text = {v["vi"]: v[lang] for k, v in CATALOGUE.items() if k.startswith("help.")}
    by_text.update({text("vi", key, **values): text(lang, key, **values) for key, values in (filled or {}).items()})
    for cmd in [command, *getattr(command, "commands", {}).values()]:
        cmd.context_class = localized_context
        if lang != "vi":
            cmd.help = by_text.get(cmd.help, cmd.help)
            for param in cmd.params:
                if getattr(param, "help", None):
                    param.help = by_text.get(param.help, param.help)
    return command


def _option(param) -> str:
    return " / ".join(getattr(param, "opts", None) or [param.name or "?"])


def _param_name(param, lang: str) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        return _metavar(param.metavar or (param.name or "?").upper(), lang)
    return _option(param)


_REASONS = [
    (re.compile(r"(?s)(?P<value>.*) is not one of (?P<choices>.*?)\.?"), "usage.not-one-of"),
    (re.compile(r"(?s)(?P<value>.*) is not in the range (?P<range>.*?)\.?"), "usage.out-of-range"),
    (re.compile(r"(?s)(?P<value>.*) is not a valid (?:int|integer)(?: range)?\.?"), "usage.not-whole-number"),
    (re.compile(r"(?s)(?P<value>.*) is not a valid float(?: range)?\.?"), "usage.not-number"),
]
_EXTRA_ARGS = re.compile(r"(?s)Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)")


def _reason(message: str, lang: str) -> str:
    for pattern, key in _REASONS:
        m = pattern.fullmatch(message.strip())
        if m:
            return text(lang, key, **m.groupdict())
    return message


def error_message(exc, lang: str) -> str:
    """A click usage exception's message in `lang`, from its fields."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        said = text(lang, "usage.no-such-option", option=exc.option_name)
        if exc.possibilities:
            said += text(lang, "usage.did-you-mean", names=", ".join(sorted(exc.possibilities)))
        return said
    if kind == "BadOptionUsage":
        key = "usage.takes-no-value" if "does not take" in exc.message else "usage.needs-value"
        return text(lang, key, option=exc.option_name)
    if kind == "MissingParameter" and exc.param is not None:
        argument = (exc.param_type or exc.param.param_type_name) == "argument"
        return text(lang, "usage.missing-argument" if argument else "usage.missing-option",
                    name=_param_name(exc.param, lang))
    if kind == "BadParameter":
        hint = exc.param_hint if isinstance(exc.param_hint, str) else (
            " / ".join(exc.param_hint) if exc.param_hint else (_param_name(exc.param, lang) if exc.param else ""))
        return text(lang, "usage.bad-value", param=hint, reason=_reason(exc.message, lang))
    m = _EXTRA_ARGS.fullmatch(exc.format_message().strip())
    if m:
        return text(lang, "usage.extra-arguments", args=m.group("args"))
    return exc.format_message()


def show_usage_error(exc, lang: str, write) -> None:
    """What click's UsageError.show writes, in `lang`, with postcheck's error prefix."""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        write(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            write(text(lang, "usage.try", command=ctx.command_path, option=ctx.help_option_names[0]))
        write("")
    message = " ".join(error_message(exc, lang).splitlines())  # one line, whatever was typed
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE - 1] + "…"
    write(PREFIX + message)
