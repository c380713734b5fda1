"""Checking many drafts: reading, markup, the rulebook, and parallel workers.

Workers are separate processes (the matcher and underthesea are CPU-bound Python), each
compiling the rulebook once; results come back in the order the paths were given, so
the output does not depend on --jobs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from . import inline_control
from .config import Config
from .findings import FileReport
from .inputs import InputError, Source
from .messages import say
from .readers import ReadOptions, prose_view, read
from .textmap import LineIndex, MappedText, lf_line_ends


@dataclass(frozen=True)
class RulebookSpec:
    """How to build the rulebook: picklable, so that every worker builds the same one."""

    rule_dirs: tuple[Path, ...] | None = None
    wordlist_dirs: tuple[Path, ...] | None = None
    extra_terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    config: Config = field(default_factory=Config)

    def build(self):
        from .rulebook import load_rulebook

        book = load_rulebook(list(self.rule_dirs) if self.rule_dirs else None,
                             list(self.wordlist_dirs) if self.wordlist_dirs else None,
                             {k: list(v) for k, v in self.extra_terms})
        self.config.check_names(book.rules, book.used_wordlists)
        book.configure(self.config)
        return book


_worker_book = None
_worker_lang = "vi"
_worker_read = ReadOptions()


def _init_worker(spec: RulebookSpec, lang: str, options: ReadOptions) -> None:
    global _worker_book, _worker_lang, _worker_read
    # before the encoder loads (libgomp reads it then): the pool already has one process
    # per core, and each engine would otherwise spread every batch over all of them
    os.environ["OMP_NUM_THREADS"] = "1"
    # forked workers inherit the parent's compiled rulebook; spawned ones compile their own
    if _worker_book is None:
        _worker_book = spec.build()
    _worker_lang, _worker_read = lang, options


def check_one(rulebook, path: str, lang: str, options: ReadOptions = ReadOptions()) -> FileReport:
    try:
        source = read(path, encoding=options.encoding, max_size=options.max_size)
    except InputError as exc:
        return FileReport(path, (), say(exc, lang))
    return check_source(rulebook, source, lang)


def check_source(rulebook, source: Source, lang: str) -> FileReport:
    """The report on a draft already read: from a file, or pasted into `postcheck serve`."""
    # markup's patterns know only LF as a line end; the report keeps the text as read
    markup = prose_view(source.path, lf_line_ends(source.text))
    if markup is None:
        findings = rulebook.check_text(source.text, lang)
        secrets = [f for f in findings if f.hides_span]
        if rulebook.maskers:
            secrets += rulebook.check_text(source.text, lang, rules=rulebook.maskers)
    else:
        findings, secrets = _markup_findings(rulebook, markup, source.text, lang)
    # after the secrets are taken: a waived secret stays masked
    findings, waived = inline_control.apply(source.path, source.text, findings,
                                            {r.id: r.clause for r in rulebook.rules}, lang, source.comment_anchors)
    if source.places:  # a .docx: each line is a paragraph Word can show
        findings = [replace(f, place=source.places[f.line - 1]) for f in findings]
        waived = tuple(replace(w, finding=replace(w.finding, place=source.places[w.finding.line - 1]))
                       for w in waived)
    notice = say(source.encoding_notice, lang) if source.encoding_notice else None
    return FileReport(source.path, tuple(findings), text=source.text, notice=notice,
                      secrets=tuple((f.start, f.end, f.secret) for f in secrets), waived=waived)


def _located(findings: list, mapped: MappedText, lines: LineIndex) -> list:
    """Findings in a reader's prose, placed at the source characters they came from."""
    out = []
    for f in findings:
        start, end = mapped.original_span(f.start, f.end)
        line, column = lines.line_col(start)
        out.append(replace(f, start=start, end=end, line=line, column=column))
    return out


def _markup_findings(rulebook, markup, source: str, lang: str) -> tuple[list, list]:
    """(findings, secrets) in Markdown or HTML, in source positions. The secret and
    personal-data rules also read the code (`markup.code`); language rules do not."""
    lines = LineIndex(source)
    findings = _located(rulebook.check_text(markup.text.text, lang), markup.text, lines)
    seen = {(f.rule, f.start, f.end) for f in findings}
    readable = markup.code or markup.text
    if markup.code is not None:
        extra = [f for f in _located(rulebook.check_text(markup.code.text, lang, rules=rulebook.code_rules()),
                                     markup.code, lines) if (f.rule, f.start, f.end) not in seen]
        findings = _model_guesses_last(sorted(findings + extra, key=lambda f: (f.start, f.end, f.clause, f.rule)),
                                       source)
    secrets = [f for f in findings if f.hides_span]
    if rulebook.maskers:
        secrets += _located(rulebook.check_text(readable.text, lang, rules=rulebook.maskers), readable, lines)
    return findings, secrets


def _model_guesses_last(findings: list, source: str) -> list:
    """The prose pass does not see the code: a sentence encoder's guess at a sentence whose
    value sits in inline code ("Mật khẩu là `…`") is said better by the rule that read the
    code there, and the guess quotes the sentence as it stands in the source."""
    named = [(f.clause, f.start, f.end) for f in findings if f.mechanism != "semantic" and f.severity != "info"]
    out = []
    for f in findings:
        if f.mechanism == "semantic":
            if any(c == f.clause and s < f.end and f.start < e for c, s, e in named):
                continue
            f = replace(f, match=source[f.start:f.end])
        out.append(f)
    return out


def _check_in_worker(path: str) -> FileReport:
    return check_one(_worker_book, path, _worker_lang, _worker_read)


def check_paths(paths: list[str], spec: RulebookSpec, lang: str, jobs: int | None = None,
                options: ReadOptions = ReadOptions(), rulebook=None,
                on_done: Callable[[], None] | None = None) -> list[FileReport]:
    """Reports for `paths`, in the same order. Standard input is always read here."""
    jobs = jobs or os.cpu_count() or 1
    parallel = jobs > 1 and sum(1 for p in paths if p != "-") > 1
    if not parallel:
        book = rulebook or spec.build()
        out = []
        for p in paths:
            out.append(check_one(book, p, lang, options))
            if on_done:
                on_done()
        return out
    reports: dict[int, FileReport] = {}
    files = [(i, p) for i, p in enumerate(paths) if p != "-"]
    global _worker_book
    _worker_book = rulebook or spec.build()
    from .segment import preload

    preload()  # import underthesea once here, not once per forked worker
    from concurrent.futures import ProcessPoolExecutor  # 10 ms of imports a single-process run never needs

    from . import encoder

    # libgomp's threads do not survive fork(): a worker forked after this process ran the
    # encoder could not run it (its files would lose their semantic verdicts); a spawned
    # one starts afresh and compiles its own rulebook
    context = None
    if encoder.ran_here():
        import multiprocessing

        context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_init_worker,
                             initargs=(spec, lang, options), mp_context=context) as pool:
        chunk = max(1, len(files) // (jobs * 8))
        for (i, _), report in zip(files, pool.map(_check_in_worker, [p for _, p in files], chunksize=chunk)):
            reports[i] = report
            if on_done:
                on_done()
    # standard input is checked here, after the workers: a process that has run the
    # sentence encoder (encoder.py) cannot fork workers that run it again
    for i in (i for i, p in enumerate(paths) if p == "-"):
        reports[i] = check_one(_worker_book, "-", lang, options)
    return [reports[i] for i in range(len(paths))]


def without_excluded(paths: Iterable[str], config: Config) -> list[str]:
    return [p for p in paths if p == "-" or not config.excludes(p)]
