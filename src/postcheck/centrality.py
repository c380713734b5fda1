"""The rule key `centrality`: in a long text, a finding stands only where the text is about
it, or where the writer comments on it in their own voice.

A word pair (a foreign state and an election, a coup, rebels) says what a sentence mentions,
not what a text is about. A short post is about what it says: every finding stands. In a long
text (an article, a long post) a passing mention inside a story about something else — the
election a business article dates itself by, the rebels of a weapons report, a UN body named
in a trade story — is not sharing or commenting on that state's internal affairs. There a
finding stands when

- the topic is central: the clause's findings (of any of its rules) are in the lead — the
  headline and the paragraph under it (at least `lead` sentences, at most twice that), which
  say what a news text is about — or recur in at least `repeated` sentences and a tenth of the text; settled
  history (a sentence set 20 years or more before the latest year the text names: a
  revolution of 1795 in a story of 2000) does not make a topic; or
- its sentence is a comment in the writer's own voice: not reported (no source credited,
  not an attributed quotation: register.py, tone.py) and marked as a judgement — a word of
  the `commentary` term set, the first person, a comment's informal voice, or an
  exclamation or a question; or
- the text is a personal post, told in the first person (in at least two of its own
  sentences and PERSONAL_SHARE of them): the writer's voice throughout, so a finding in any
  sentence not reported from others stands (a staff draft about a trip that shares the
  protests it passed); a news text speaks in the third person.

Otherwise it is lowered `to` a severity (or dropped). A comment buried in the middle of a
long post still stands: the rule is about whose voice and which topic, not about position.

    centrality:
      commentary: {wordlists: [commentary_marks]}
      to: info          # or "drop"
      lead: 3           # sentences that make the lead at least (headline included)
      repeated: 3       # sentences with a finding of the clause that make a topic central

The judgement runs once per block of text over the findings of every rule (engine.py), as
it needs the whole clause's findings; it reads only the sentences that hold a finding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from . import tone
from .checks.schema import Terms, key
from .checks.scope import SENTENCE, terms_present
from .checks.sdk import Context
from .findings import SEVERITY_RANK, Finding
from .narrative_years import settled
from .terms import TermSet

DROP = "drop"
LONG_SENTENCES = 6  # a text shorter than this, or than LONG_CHARS, is about all it says
LONG_CHARS = 600

# the writer speaking: first person outside quotations ("tôi thấy", "theo mình")
_FIRST_PERSON = re.compile(
    # written as a word of the sentence, not a name ("Hồ Chí Minh"): lower case, or a capital
    # opening the sentence; "tôi luyện", "tôi rèn" are a verb (to temper)
    r"(?<!\w)(?:[Tt]ôi(?! luyện| rèn)|[Tt]ớ|[Tt]ui|[Tt]ao|[Cc]húng tôi|[Cc]húng mình|[Bb]ọn mình|[Tt]ụi mình|"
    r"[Cc]húng ta|toi)(?!\w)"
    # "mình" is also reflexive in prose ("ông mình", "của mình": the subject's own): the
    # writer only where it opens a clause or is the subject of a verb ("mình thấy", "năm sau
    # mình sẽ"), not after "của", "tự", "bản thân"
    r"|(?:^|[,.;:!?…(\-–]\s*|(?<!\w)(?:theo|như|và|nhưng|thì|mà|chứ|nói thật)\s+)(?:[Mm]ình|minh)(?!\w)"
    r"|(?<!\w)(?<!của )(?<!tự )(?<!thân )(?:[Mm]ình|minh)\s+(?:thấy|nghĩ|tin|mong|thích|ghét|đoán|chắc|cá|thề|"
    r"ủng hộ|phản đối|có|sẽ|đã|đang|vừa|mới|cũng|vẫn|không|chẳng|chả|chưa|rất|hơi|được|muốn|cần|định|"
    r"biết|xin|đi|sang|về|ở|là|hy vọng)(?!\w)")
PERSONAL_SHARE = 0.15  # of the sentences in the first person: a personal post
SHARE = 0.1  # a recurring topic fills at least this share of the sentences
# a sentence closing on "!" or "?" (outside a quotation): an exclamation or a question the
# writer asks, which news narration does not
_EXCLAIMS = re.compile(r"[!?][\s”\"’')\]]*$")


def _sentences(n: int) -> str | None:
    return None if 1 <= n <= 20 else f"expected a number of sentences, 1..20, got {n}"


@dataclass(kw_only=True)
class CentralityKeys:
    """The rule key `centrality` (checks/schema.py decodes it)."""

    to: Literal["info", "warning", "error", "drop"]
    commentary: Terms | None = None  # words of judgement that make a sentence a comment
    lead: int = key(3, check=_sentences)
    repeated: int = key(3, check=_sentences)


@dataclass
class Centrality:
    commentary: TermSet | None  # matched in the finding's sentence (scope.terms_present)
    to: str
    lead: int = 3
    repeated: int = 3

    @classmethod
    def build(cls, keys: CentralityKeys, where: str, ctx: Context, name: str) -> "Centrality":
        commentary = (ctx.termset(keys.commentary, where, "centrality.commentary", f"{name}#commentary")
                      if keys.commentary else None)
        return cls(commentary, keys.to, keys.lead, keys.repeated)


def long_text(doc) -> bool:
    """Is the text long enough to be about more than each thing it mentions?"""
    return len(doc.sentences) >= LONG_SENTENCES and len(doc.original) >= LONG_CHARS


def settle(doc, findings: list[Finding], rules: dict) -> list[Finding]:
    """The findings of one block after every `centrality` rule's judgement (in order)."""
    gated = {rid: r.centrality for rid, r in rules.items() if getattr(r, "centrality", None)}
    if not gated or not any(f.rule in gated for f in findings) or not long_text(doc):
        return findings
    # the sentences holding a finding of each clause, as found before this judgement
    topic: dict[str, set[int]] = {}
    for f in findings:
        if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"]:
            topic.setdefault(f.clause, set()).add(doc.sentence_of_original(f.start))
    verdicts: dict = {}  # (clause, lead, repeated) → central, judged once, not once per finding
    out = []
    for f in findings:
        gate = gated.get(f.rule)
        if gate is not None:
            key = (f.clause, gate.lead, gate.repeated)
            if key not in verdicts:
                verdicts[key] = central(doc, topic.get(f.clause, set()), gate.lead, gate.repeated)
        if gate is None or verdicts[key] or _stands(doc, f, gate):
            out.append(f)
        elif gate.to != DROP:
            if SEVERITY_RANK[gate.to] < SEVERITY_RANK[f.severity]:
                f = replace(f, severity=gate.to)
            out.append(f)
    return out


def _stands(doc, f: Finding, gate: Centrality) -> bool:
    """Does a finding away from the text's topic stand, as the writer's own voice?"""
    if personal(doc) and not doc.register.others_words(f.start):
        return True
    return own_comment(doc, f.start, f.end, gate.commentary)


def personal(doc) -> bool:
    """Is the text told in the first person: in at least two sentences of the writer's own
    (outside quotations, no source credited) and PERSONAL_SHARE of all?"""
    def judge() -> bool:
        reg = doc.register
        mine = sum(1 for k, (s, e) in enumerate(reg.sentences)
                   if _FIRST_PERSON.search(reg._outside_quotes(s, e)) and not reg.reported(k))
        return mine >= max(2, PERSONAL_SHARE * len(reg.sentences))

    return doc.memo("centrality.personal", judge)


def central(doc, sentences: set[int], lead: int, repeated: int) -> bool:
    """Is the topic what the text is about: in its lead, or recurring, other than as history?"""
    live = {k for k in sentences if not settled(doc, k)}
    if len(live) >= max(repeated, SHARE * len(doc.sentences)):
        return True
    return any(k < lead_sentences(doc, lead) for k in live)


def lead_sentences(doc, least: int) -> int:
    """How many sentences make the lead: the first `least`, or more when the first two lines
    (a headline and the paragraph under it) hold more, up to twice that (longer, the lines
    are no headline and lead but the text itself)."""
    text = doc.original
    end, lines = 0, 0
    while lines < 2:
        nl = text.find("\n", end)
        if nl == -1:
            return least
        if text[end:nl].strip():
            lines += 1
        end = nl + 1
    held = doc.sentence_of_original(end)
    return held if least < held <= 2 * least else least


def own_comment(doc, start: int, end: int, commentary=None) -> bool:
    """Is the sentence at `start` a comment in the writer's own voice? Outside a quotation
    attributed to someone, a comment's marks that news narration never writes (the first
    person, a comment's informal voice, an exclamation or a question) are the writer's even
    beside a reported clause ("phe đối lập lại kêu gọi biểu tình, chán thật!"); a word of
    judgement (`commentary`) counts only where no source is credited for the sentence
    ("ông A cho biết cuộc bầu cử là một màn kịch" is A's judgement)."""
    quote = doc.register.quote_of(start)
    if quote is not None and (tone.formal(doc) or doc.register.attributed_quote(quote)):
        return False
    index = doc.sentence_of_original(start)
    if not doc.register.sentences or not 0 <= index < len(doc.register.sentences):
        return False
    marked = _marked(doc, index)
    if marked:
        return True
    if doc.register.reported(index):
        return False
    return bool(commentary and terms_present(doc, commentary.name, SENTENCE, start, end))


def _marked(doc, index: int) -> bool:
    """Does sentence `index` (outside its quotations) carry a comment's marks: the first
    person, a comment's informal voice, a closing "!" or "?"? Once per sentence: a long
    sentence with many findings must not be read again for each."""
    def judge() -> bool:
        own = doc.register._outside_quotes(*doc.register.sentences[index])
        return bool(_FIRST_PERSON.search(own) or _EXCLAIMS.search(own.rstrip()) or tone.informal(own, weak=False))

    return doc.memo(("centrality.marked", index), judge)
