"""What tone.py's gates read of a whole document, made once a document (Document.memo):
the original text of each sentence, which sentences are informal, whether the post is formal
prose, and where quotations are."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from .comment_voice import informal


FORMAL_MIN_CHARS = 400
FORMAL_MIN_SENTENCES = 4
LONG_ARTICLE = 1500
FORMAL_MAX_INFORMAL = 0.25  # an article may quote some dialogue; a comment thread is all of it
_ENDS_WITH_INITIAL = re.compile(r"(?:^|[\s(.])[A-ZĐ][a-zđ]?\.[\s\"”’)]*$")


def ends_with_initial(text: str) -> bool:
    """Does the text end with an initial ("bà M.", "Th.", "N.T.L.")? The sentence splitter
    breaks there, though the sentence goes on."""
    return bool(_ENDS_WITH_INITIAL.search(text.rstrip()))


def sentence_texts(doc) -> list[str]:
    """The original text of each sentence of the document, cached."""
    def texts() -> list[str]:
        spans = (doc.view.original_span(s, e) for s, e in doc.sentences)
        return [doc.original[os_:oe] for os_, oe in spans]

    return doc.memo("tone.sentence_texts", texts)


def informal_sentence(doc, index: int) -> bool:
    def judge() -> bool:
        texts = sentence_texts(doc)
        return informal(texts[index], weak=False) if 0 <= index < len(texts) else False

    return doc.memo(("tone.informal", index), judge)


def formal(doc) -> bool:
    """Is the post long, well-formed prose (an article, a statement, a report)? At least
    FORMAL_MIN_SENTENCES sentences and FORMAL_MIN_CHARS characters, at most one sentence
    in four informal, and most sentences opening with a capital, a digit or a quotation."""
    return doc.memo("tone.formal", lambda: _formal(doc))


def _formal(doc) -> bool:
    result = False
    texts = sentence_texts(doc)
    if len(doc.original) >= FORMAL_MIN_CHARS and len(texts) >= FORMAL_MIN_SENTENCES:
        stripped = [t.strip() for t in texts if t.strip()]
        # a sentence that goes on after an initial opens in lower case: it is still prose
        capital = sum(1 for k, t in enumerate(stripped)
                      if _opens_like_prose(t) or (k and ends_with_initial(stripped[k - 1])))
        if capital >= 0.8 * len(stripped):
            loose = sum(1 for i in range(len(texts)) if informal_sentence(doc, i))
            # a long article may hold a story told in dialogue
            share = FORMAL_MAX_INFORMAL if len(doc.original) < LONG_ARTICLE else 2 * FORMAL_MAX_INFORMAL
            result = loose <= share * len(texts)
    return result


def _opens_like_prose(t: str) -> bool:
    for ch in t:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return True


# -- quotations and per-sentence verdicts ----------------------------------------------------

_QUOTE_PAIRS = {"“": "”", "\"": "\"", "«": "»", "‘": "’", "'": "'", "„": "“"}
_QUOTE_OPEN = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(set(_QUOTE_PAIRS) | set(_QUOTE_PAIRS.values())))) + "]")
_LINE_BREAK = re.compile("\n")


def quoted_spans(doc) -> list[tuple[int, int]]:
    """[start, end) of the inside of each pair of quotation marks in the original, cached.
    A straight quote opens only where a word does not end just before it (it's, 'tis)."""
    return doc.memo("tone.quoted_spans", lambda: _quoted_spans(doc.original))


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    # every mark and line break is found once and looked up by position: a find() to the
    # end of the text for each unpaired mark is quadratic in a draft full of them
    if not _QUOTE_OPEN.search(text):
        return []
    marks: dict[str, list[int]] = {}
    for m in _QUOTE_MARK.finditer(text):
        marks.setdefault(m.group(), []).append(m.start())
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]

    def after(where: list[int], i: int) -> int:
        k = bisect_right(where, i)
        return where[k] if k < len(where) else -1

    spans = []
    pos = 0
    for i in sorted(k for mark, where in marks.items() if mark in _QUOTE_PAIRS for k in where):
        if i < pos:
            continue
        ch = text[i]
        if ch in "'\"" and i > 0 and text[i - 1].isalnum():
            continue
        j = after(marks.get(_QUOTE_PAIRS[ch], []), i)
        nl = after(breaks, i)
        if j != -1 and (nl == -1 or j < nl or ch == "“"):
            spans.append((i + 1, j))
            pos = j + 1
    return spans


def unquoted(doc, s: int, e: int) -> str:
    """The original text of [s, e) with what is inside quotation marks blanked out."""
    chars = list(doc.original[s:e])
    for qs, qe in quoted_spans(doc):
        for k in range(max(qs, s), min(qe, e)):
            chars[k - s] = " "
    return "".join(chars)


def quote_around(doc, s: int, e: int) -> tuple[int, int] | None:
    spans = quoted_spans(doc)
    k = bisect_right(spans, (s, float("inf"))) - 1
    if k >= 0 and spans[k][0] <= s and e <= spans[k][1]:
        return spans[k]
    return None


def sentence_text_at(doc, s: int) -> str:
    texts = sentence_texts(doc)
    i = doc.sentence_of_original(s)
    return texts[i] if 0 <= i < len(texts) else ""


def of_sentence(doc, s: int, judge) -> object:
    """judge(sentence text) for the sentence holding offset `s`, once per sentence and judge:
    a long sentence with many hits must not be read again for each (quadratic)."""
    return doc.memo(("tone.sentence", judge, doc.sentence_of_original(s)), lambda: judge(sentence_text_at(doc, s)))


# -- a personal post in good prose ---------------------------------------------------------------
#
# formal() reads the shape of prose; a diary post, a rant or a farewell letter written with
# care has that shape too. personal() reads whose voice the prose is in: the writer's own life
# and opinion told to friends (the first person, the writer's family, readers addressed, the
# particles and marks of a post) and none of the apparatus of published reporting (a headline,
# sources credited, named people with titles, dates, datelines, figures). Read outside
# quotation marks: a quoted "tôi" is someone else's.

PERSONAL_MIN_MARKS = 2
PERSONAL_MAX_REPORTING = 1
_PERSONAL_MARKS = tuple(re.compile(p, re.M) for p in (
    # the writer as "mình" (not the reflexive "của mình", "chính mình", "tự mình")
    r"(?<!\w)(?<!của )(?<!chính )(?<!tự )(?<!thân )(?<!lấy )[Mm]ình(?!\w)",
    r"(?<!\w)[Tt]ôi(?! luyện| rèn)(?!\w)",
    r"(?<!\w)(?:[Tt]ớ|[Tt]ui|[Tt]ao|[Mm]k)(?!\w)",
    # the writer's family and home: "nhà mình", "con tôi", "vợ mình"
    r"(?<!\w)(?:[Nn]hà|[Vv]ợ|[Cc]hồng|[Cc]on(?: trai| gái)?|[Mm]ẹ|[Bb]ố|[Bb]a|[Mm]á|[Aa]nh|[Cc]hị|[Ee]m|[Ss]ếp|"
    r"[Bb]ạn|[Đđ]ồng nghiệp|[Hh]àng xóm)\s+(?:mình|tôi|tớ|tui)(?!\w)",
    # readers addressed
    r"(?<!\w)(?:[Cc]ác bạn|[Mm]ọi người|[Cc]ả nhà|[Aa]nh chị em|[Aa]nh chị ơi|[Aa]nh em|[Bb]à con|[Aa]e|[Mm]n)(?!\w)",
    # a particle closing a clause, said to the reader
    r"(?<!\w)(?:nhé|nha|nhỉ|ạ|nhen|hen)(?=\s*[.!?,…)]|\s*$)",
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|[:;=]\)+|<3|\^\^",
    r"(?<![\w&])#[^\W\d_]",
    # a sentence opened by the writer: "Mình vẫn nhớ …", "Tôi nghĩ …"
    r"(?:^|[.!?…]\s+)(?:[Mm]ình|[Tt]ôi|[Tt]ớ|[Tt]ui)\s",
))
# what published reporting writes and a personal post seldom does
_REPORTING_MARKS = re.compile(
    r"(?<!\w)(?:cho biết|cho hay|nói rằng|phát biểu|khẳng định|nhấn mạnh|dẫn lời|trả lời phỏng vấn|"
    r"đưa tin|nêu rõ)(?!\w)"
    r"|(?<!\w)[Tt]heo\s+(?:[A-ZĐ]|báo|hãng|thông tin|số liệu|thống kê|đại diện|ông|bà)"
    r"|(?<!\w)(?:[Ôô]ng|[Bb]à)\s+[A-ZĐ]\w*"
    r"|(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm)\s+\d{1,2}[/-]\d{1,2}"
    r"|^\s*[A-ZĐ]{2,}[^\n]{0,20}\s[-–—]\s|\((?:TTXVN|PV|VOV|VTV|Chinhphu\.vn)[^)]*\)"
    r"|\d\s?%|(?<!\w)(?:tỷ|triệu) đồng(?!\w)|(?<!\w)USD(?!\w)", re.M)


def personal(doc) -> bool:
    """Is the post the writer's own, told to friends: at least PERSONAL_MIN_MARKS different
    marks of a personal post outside quotations, at most PERSONAL_MAX_REPORTING marks of
    published reporting, and no headline?"""
    return doc.memo("tone.personal", lambda: _personal(doc))


def _personal(doc) -> bool:
    if doc.register.sentences and doc.register.heading():
        return False
    own = unicodedata.normalize("NFC", unquoted(doc, 0, len(doc.original)))
    if len(_REPORTING_MARKS.findall(own)) > PERSONAL_MAX_REPORTING:
        return False
    return sum(1 for p in _PERSONAL_MARKS if p.search(own)) >= PERSONAL_MIN_MARKS
