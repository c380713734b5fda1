"""The library API: a compiled rulebook that checks texts.

    from postcheck import load_rulebook
    findings = load_rulebook().check_text("Tài liệu mật ...")
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .centrality import settle
from .document import Document
from .findings import Finding
from .lang.restore import restore_bare_lines
from .lang.teencode import teencode_table
from .terms import Matcher
from .textmap import lf_line_ends

# the mechanisms of a learned model's guess at a whole sentence: no narrower rule than a backstop
LEARNED = frozenset({"classifier", "semantic"})


CHUNK = 200_000  # characters checked as one document at most
CODE_CLAUSES = ("4.3", "5.1")  # account secrets and citizens' personal data


def _blocks(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) pieces of about `size` characters, each ending at a line break (a
    paragraph break when there is one near the limit). A line is only cut, at a space, when
    it alone is over ten blocks long: a phrase cut in two would be missed."""
    if len(text) <= size:
        return [(0, len(text))]
    out, start = [], 0
    while len(text) - start > size:
        limit = start + size
        cut = text.rfind("\n\n", start + size // 2, limit)
        cut = cut + 2 if cut != -1 else text.rfind("\n", start, limit) + 1
        if cut <= start:  # the block opens with one long line: end it at its line break
            brk = text.find("\n", limit)
            cut = brk + 1 if brk != -1 else len(text)
            if cut - start > 10 * size:
                space = text.rfind(" ", start + size // 2, limit)
                cut = space + 1 if space != -1 else limit
        out.append((start, cut))
        start = cut
    if start < len(text):
        out.append((start, len(text)))
    return out


def _yield(findings: list[Finding], rules: list) -> list[Finding]:
    """Drops a finding of a rule with `yields_to` (a model's guess at a whole sentence) when
    a counted finding of one of those clauses starts inside its span: the same offence,
    named more precisely. Sorted starts and a bisection keep this n log n."""
    yielding = {r.id: r.yields_to for r in rules
                if getattr(r, "yields_to", None) and r.mechanism in LEARNED}
    if not yielding:
        return findings
    wanted = frozenset().union(*yielding.values())
    starts = sorted(f.start for f in findings
                    if f.clause in wanted and f.severity != "info" and f.rule not in yielding)
    if not starts:
        return findings

    def covered(f: Finding) -> bool:
        i = bisect_left(starts, f.start)
        return i < len(starts) and starts[i] < f.end

    return [f for f in findings if not (f.rule in yielding and f.clause not in yielding[f.rule] and covered(f))]


# how many words may stand between a yielding finding and the finding it yields to: the
# same words named twice, not two offences of one long sentence
YIELD_NEAR = 4
_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_WORD = re.compile(r"\w+")


def _names(targets: frozenset, g: Finding) -> bool:
    """Does a `yields_to` list name finding g, by its clause ("5.4") or its rule id?"""
    return g.clause in targets or g.rule in targets


def _yield_in_sentence(doc: Document, findings: list[Finding], rules: list) -> list[Finding]:
    """Drops a finding of a rule-based rule (a word list, a pattern, a pair of slots) with
    `yields_to` where a counted finding that list names (a clause, or a rule id) covers the
    same words: its span overlaps the yielding span or stands within YIELD_NEAR words of it
    in the same sentence (an insult inside a threat is reported once, as the threat). The
    target must be at least as severe (an error never gives way to a warning), must be a
    rule's finding (a learned model's guess at a whole sentence names nothing more
    precisely) and must itself survive: a target that yielded in turn silences nothing, so
    the sentence never ends with less than it had. A rule that itself yields to the yielding
    rule is no target either, so two rules that name each other never silence each other.
    Within a clause only a rule named by its id is a target (a broad rule giving way to the
    narrower one that already flags the same words)."""
    yielding = {r.id: r.yields_to for r in rules
                if getattr(r, "yields_to", None) and r.mechanism not in LEARNED}
    if not yielding or not any(f.rule in yielding for f in findings):
        return findings
    yields = {r.id: r.yields_to for r in rules if getattr(r, "yields_to", None)}
    targets = [g for g in findings if g.severity != "info" and g.mechanism not in LEARNED
               and any(_names(y, g) for y in yielding.values())]
    if not targets:
        return findings
    text = doc.original

    def near(f: Finding, g: Finding) -> bool:
        if f.start < g.end and g.start < f.end:
            return True
        lo, hi = (f.end, g.start) if f.end <= g.start else (g.end, f.start)
        if doc.sentence_of_original(lo) != doc.sentence_of_original(max(lo, hi - 1)):
            return False
        return len(_WORD.findall(text[lo:hi])) <= YIELD_NEAR

    def candidates(f: Finding) -> list[Finding]:
        mine = yielding[f.rule]
        rank = _SEVERITY_RANK.get(f.severity, 0)
        return [g for g in targets if g is not f and (g.clause != f.clause or g.rule in mine) and _names(mine, g)
                and not _names(yields.get(g.rule, frozenset()), f)
                and _SEVERITY_RANK.get(g.severity, 0) >= rank and near(f, g)]

    dropped: dict[int, bool] = {}

    def gives_way(f: Finding, seen: frozenset = frozenset()) -> bool:
        if f.rule not in yielding or f.severity == "info":
            return False
        key = id(f)
        if key in dropped:
            return dropped[key]
        if key in seen:  # a ring of yields: nobody gives way
            return False
        out = any(not gives_way(g, seen | {key}) for g in candidates(f))
        dropped[key] = out
        return out

    return [f for f in findings if not gives_way(f)]


def _backstops(doc: Document, findings: list[Finding], rules: list) -> list[Finding]:
    """Drops a finding of a `backstop` rule (a broad rule that fills gaps) in a sentence where
    another rule of its clause already has a counted finding: the sentence is reported once,
    by the narrower rule, and the broad one speaks only where nothing else did. A learned
    model's guess at the whole sentence is no narrower rule: it covers nothing. The sentence
    encoder's guess (`semantic`) is the last resort: any other rule of its clause in the
    sentence, a broad one or another model, already says what it would; or one that matched
    there and was lowered to a note by a guard of its own (a tone gate, reported words, a
    `downgrade`, centrality): the guard judged the wording benign, and the encoder, which
    reads the same words and cannot tell use from mention, would overrule it. A rule that is
    a note by its own or the configuration's severity judged nothing: it does not silence."""
    backstop = {r.id for r in rules if getattr(r, "backstop", False)}
    if not backstop or not any(f.rule in backstop for f in findings):
        return findings
    covered = {(f.clause, doc.sentence_of_original(f.start)) for f in findings
               if f.rule not in backstop and f.severity != "info" and f.mechanism not in LEARNED}
    noted = {r.id for r in rules if r.severity == "info"}
    said = {(f.clause, doc.sentence_of_original(f.start)) for f in findings
            if f.mechanism != "semantic" and (f.severity != "info" or f.rule not in noted)}
    if not covered and not said:
        return findings

    def kept(f: Finding) -> bool:
        if f.rule not in backstop:
            return True
        return (f.clause, doc.sentence_of_original(f.start)) not in (said if f.mechanism == "semantic" else covered)

    return [f for f in findings if kept(f)]


def _one_per_secret(findings: list[Finding], rules: list) -> list[Finding]:
    """One finding per secret value: where two secret rules of one clause report the same
    value (the same span, or one inside the other: a password after "mật khẩu:" that a shape
    rule also takes), the rule that comes first in the rule files keeps it. A value is one
    offence and one masked span. Spans that only overlap (a login and password pair, and the
    password alone) are different findings and both stay. Findings arrive sorted by start, so
    each is compared with the few still open before it."""
    order = {r.id: i for i, r in enumerate(rules) if r.secret}
    if sum(f.rule in order for f in findings) < 2:
        return findings
    dropped: set[int] = set()
    open_: list[int] = []  # indices of secret findings whose span may still overlap
    for i, f in enumerate(findings):
        if f.rule not in order:
            continue
        open_ = [j for j in open_ if findings[j].end > f.start]
        for j in open_:
            g = findings[j]
            nested = (g.start <= f.start and f.end <= g.end) or (f.start <= g.start and g.end <= f.end)
            if g.clause != f.clause or j in dropped or not nested:
                continue
            loser = i if order[f.rule] > order[g.rule] else j
            dropped.add(loser)
            if loser == i:
                break
        open_.append(i)
    return [f for i, f in enumerate(findings) if i not in dropped] if dropped else findings


class Rulebook:
    def __init__(self, rules: list, matcher: Matcher, used_wordlists: set[str]):
        self.rules = rules
        self.matcher = matcher
        self.used_wordlists = used_wordlists
        self.by_id = {r.id: r for r in rules}
        self.maskers: list = []  # secret rules not reported (configure), run for masking only

    def document(self, text: str) -> Document:
        return Document(text, teencode_table(), self.matcher)

    def code_rules(self) -> list:
        """The rules that also read code in Markdown: secrets and personal data."""
        return [r for r in self.rules if r.secret or r.clause in CODE_CLAUSES]

    def check_text(self, text: str, lang: str = "vi", rules: list | None = None) -> list[Finding]:
        """Findings in `text`, in text order; `rules` (default: all) are the rules that run.

        A text longer than CHUNK characters is checked a block of paragraphs at a time, so
        that memory stays bounded by the block, not the file; blocks are cut at line
        breaks, which also end sentences, so only rules that look at the whole post
        ("scope: post") see one block at a time."""
        findings: list[Finding] = []
        line_offset = 0
        original, text = text, lf_line_ends(text)  # a CR-only file's lines are lines too, at the same offsets
        for start, end in _blocks(text, CHUNK):
            block = text[start:end]
            doc = self.document(block)
            # a block cut inside an enormous line starts mid-line: its first line's columns shift
            column_offset = start - (text.rfind("\n", 0, start) + 1)
            running = self.rules if rules is None else rules
            found = self._found(block, doc, running, lang)
            # a rule with `centrality` is judged against its clause's findings of every rule
            found = settle(doc, found, {r.id: r for r in running})
            found = _backstops(doc, found, running)
            found = _yield_in_sentence(doc, found, running)
            for f in found:
                findings.append(f if not start else replace(
                    f, start=f.start + start, end=f.end + start, line=f.line + line_offset,
                    column=f.column + (column_offset if f.line == 1 else 0)))
            line_offset += block.count("\n")
        if text is not original:
            findings = [_as_written(f, original) for f in findings]
        findings.sort(key=lambda f: (f.start, f.end, f.clause, f.rule))
        findings = _one_per_secret(findings, self.rules if rules is None else rules)
        return _yield(findings, self.rules if rules is None else rules)

    def _found(self, block: str, doc: Document, running: list, lang: str) -> list[Finding]:
        """Every rule's findings in `block`; the semantic rules read its bare lines restored.

        The sentence encoder learned meaning from marked words: typed bare, a sentence the
        semantic heads would flag reads as noise to it. The word lists fold and were written
        for bare text too, and the classifiers were trained on bare copies of their texts;
        a restored word is sometimes the wrong one ("ma" read as mà, not mã), so they keep
        reading what was typed. Positions are the same (the restored text has the block's
        length) and what a semantic finding quotes is put back as typed."""
        seen = restore_bare_lines(block) if any(r.mechanism == "semantic" for r in running) else block
        if seen is block:
            return [f for rule in running for f in rule.check(doc, lang)]
        restored = self.document(seen)
        return [g for rule in running for g in
                ([_as_written(f, block) for f in rule.check(restored, lang)] if rule.mechanism == "semantic"
                 else rule.check(doc, lang))]

    def configure(self, config) -> None:
        """Apply a project configuration: which rules run, at which severity."""
        kept = []
        for rule in self.rules:
            if config.selects(rule.id, rule.clause):
                rule.severity = config.severity_for(rule.id, rule.clause, rule.severity)
                kept.append(rule)
            elif rule.mechanism == "semantic":
                # a model's guess about a whole sentence finds no value to hide (the rules of
                # its clause that find values mask them), and it must not choose what is
                # embedded for the rules that run (checks/semantic.py)
                if rule in rule.peers:
                    rule.peers.remove(rule)
            elif rule.secret:
                # a secret rule switched off still finds what to mask: a password in a sentence
                # that another rule quotes is printed otherwise
                self.maskers.append(rule)
        self.rules = kept
        self.by_id = {r.id: r for r in kept}


def _as_written(finding: Finding, original: str) -> Finding:
    """The finding quoting the text as given: a lone CR that was read as LF is a CR again
    in its match and in the message and suggestion that quote it (same length, same span)."""
    written = original[finding.start:finding.end]
    if written == finding.match:
        return finding
    return replace(finding, match=written, message=finding.message.replace(finding.match, written),
                   suggestion=finding.suggestion.replace(finding.match, written) if finding.suggestion else None)
