"""Tone and attribution: whose words a finding's span is, and in what voice.

A word list finds words; it cannot tell the author's own abuse from the same word reported,
quoted, credited or written in formal prose. These judgements read the original text (case,
quotation marks and line shape are gone from the matching view) and are cached per document:

- informal(text): the sentence shows the voice of a comment rather than of published prose
  (mày/tao, teencode, chat particles closing a clause, emoticons, no diacritics at all);
- formal(doc): the post is long, well-formed prose with (almost) no informal sentence;
- personal(doc): that prose is a personal post (the writer's life and opinion told to friends:
  the first person, readers addressed, a post's particles and marks, no headline, sources or
  datelines); formal prose there does not lower the writer's own sentences, only what is
  quoted or credited to someone;
- reported(doc, s, e): the span sits in a quotation attributed to someone, in a line of
  dialogue, or in a sentence that says who said it ("... cho biết", "theo ...", "nói");
- mention(doc, s, e): the span is a short word or phrase held up in quotation marks
  ('bị gọi là “…”'), named rather than used;
- credit(doc, s, e): the span is a byline, an initial ("M.", "T.Hạnh") or a source credit;
- acronym(doc, s, e): the span is an upper-case code (a ticker, an abbreviation of a body)
  in prose that is not itself shouted in capitals;
- in_name(doc, s, e): the span cuts through a run of capitalised words (a street, a person),
  or is one capitalised word in the middle of such a run ("12 Pham Ngu Lao");
- in_address(doc, s, e): the span is inside an e-mail address, a link or an @handle;
- after_number(doc, s, e): the span is a unit after a number ("660 cc");
- negated, self_directed, animal, generic: the word is denied, said of oneself, of an animal,
  or of people in general with no one named;
- institutional: a state's or a body's stance ("Việt Nam phản đối …"), not a call to readers;
- indirect: after "X cho biết / khẳng định / tuyên bố", X someone other than the author;
- plain / formal_plain: a sentence with no mark of a comment's voice (in formal prose).

Rules ask for them with the key `tone` (GATES; see checks/tone_gate.py, hooked into
checks/base.py), and the learned check gates its verdict on them (checks/classifier.py).
They run only on a rule's hits or the model's candidate sentences, never on every sentence.
informal() lives in comment_voice.py, what is read of the whole document (sentences,
formal(), quotations) in tone_doc.py; both are re-exported here.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from . import endorse, reported_names
from .comment_voice import informal
from .lang.vi import fold
from .narrative_years import historical
from .tone_doc import (ends_with_initial, formal, informal_sentence, of_sentence, personal, quote_around, quoted_spans,
                       sentence_texts, unquoted)

_TOKEN = re.compile(r"[^\W\d_]+", re.U)  # a word, as mention() counts them

__all__ = ["GATES", "ends_with_initial", "formal", "informal", "personal", "informal_sentence", "quoted_spans", "sentence_texts"]

# -- quotation and attribution ---------------------------------------------------------------

# verbs and frames that say who said something; matched on the lower-cased original
_SAYING = re.compile(
    r"(?<!\w)(?:cho\s+biết|cho\s+rằng|cho\s+đó\s+là|nói|kể|kể\s+lại|thuật\s+lại|chia\s+sẻ|khẳng\s+định|"
    r"nhấn\s+mạnh|tuyên\s+bố|phát\s+biểu|bày\s+tỏ|thừa\s+nhận|khai|hỏi|đáp|bảo|viết|nhận\s+xét|"
    r"chỉ\s+trích|phê\s+phán|lên\s+án|gọi\s+là|bị\s+gọi\s+là|bị\s+chửi\s+là|dùng\s+từ|"
    r"theo\s+lời|dẫn\s+lời|trích\s+lời|theo\s+[A-ZĐ]|theo\s+(?:ông|bà|anh|chị|luật\s+sư|bác\s+sĩ|chuyên\s+gia|đại\s+diện|báo|tờ|hãng))(?!\w)"
)


# "mắng cậu thanh niên là '…'" names the one scolded between the verb and the word; "ví dụ
# '…'" lists a word as a sample; "câu '…'" (a film's or a song's line) holds up a line
_NAMING = re.compile(r"(?<!\w)(?:gọi(?:\s+\w+){0,5}\s+là|bị\s+chửi\s+là|(?:chửi|mắng|chê|rủa)(?:\s+\w+){0,5}\s+là|(?:chửi|mắng)(?:\s+\w+){0,3}|"
                     r"dùng\s+(?:từ|chữ|cụm\s+từ)|từ|chữ|cụm\s+từ|ví\s+dụ|vd|chẳng\s+hạn|câu(?:\s+nói|\s+thoại)?|cau(?:\s+noi|\s+thoai)?|"
                     r"tiếng|mang\s+tiếng|biệt\s+danh|nghĩa\s+là|như|kiểu)\W*$", re.I)
# a comment or a message quoted as its sender wrote it ("ai đó comment '…' dưới ảnh"): named, unless
# the writer approves of it ("…, chuẩn luôn")
_MESSAGE_VERBS = r"(?:comment|cmt|bình\s+luận|nhắn(?:\s+tin)?)"
_SCOLD_VERBS = r"(?:chửi|mắng|chê|rủa|quát|hét|" + _MESSAGE_VERBS[3:]
_MESSAGE_NAMING = re.compile(r"(?<!\w)" + _MESSAGE_VERBS + r"\W*$", re.I)


def _scolds(pronouns: str) -> re.Pattern:
    """The writer (one of `pronouns`) as the one who scolds or writes: "tôi chửi", "mình comment"
    ("tôi bị chửi" is not)."""
    return re.compile(rf"(?<!\w)(?:{pronouns})\s+(?:(?!bị\b)\w+\s+){{0,2}}{_SCOLD_VERBS}(?!\w)", re.I)


# the same frames typed without marks ("goi minh la 'x'", "kieu 'x'", "chui minh 'x'"): asked
# only of a head typed without marks, since folded "chùi", "gói" would read as "chui", "goi"
_NAMING_FOLDED = re.compile(r"(?<!\w)(?:goi(?:\s+\w+){0,5}\s+la|chui(?:\s+\w+){0,3}|mang\s+tieng|"
                            r"dung\s+(?:tu|chu|cum\s+tu)|cum\s+tu|biet\s+danh|nghia\s+la|kieu)\W*$")


def mention(doc, s: int, e: int) -> bool:
    """Is the span a word or short phrase (up to 4 syllables) in quotation marks of its own,
    named rather than used: in an article, or after a naming frame ("dùng từ", "bị gọi là")?
    (A name reported without marks is the `reported_name` gate's, not this one's.)"""
    q = quote_around(doc, s, e)
    if q is None:
        return False
    if len(_TOKEN.findall(doc.original[q[0]:q[1]])) > 4:
        return False
    return formal(doc) or _named_before(doc, q)


def reported_name(doc, s: int, e: int) -> bool:
    """Is the span, without quotation marks, inside the name someone else called someone
    ("hàng xóm chửi con mình là …", "bị khách mắng là …"; reported_names.py), not endorsed
    by the writer? A gate of its own, set only on the rules of insults, profanity and
    contempt labels: defamation, threats, calls, rumours, slurs and group hate reported this
    way stay the writer's."""
    if quote_around(doc, s, e) is not None:
        return False
    return any(ns <= s and e <= ne for _, _, ns, ne in reported_names_in(doc, s))


def reported_names_in(doc, s: int) -> tuple[tuple[int, int, int, int], ...]:
    """(start of the clause, of the one insulted, of the name, end of the name): the original offsets of the names
    reported as someone else's insult in the sentence holding offset `s` (reported_names.py),
    unless the writer endorses them; once a sentence."""
    reg = doc.register
    if not reg.sentences:
        return ()
    index = reg.sentence_index(s)
    return doc.memo(("tone.reported_names", index), lambda: _reported_names(doc, index))


def _reported_names(doc, index: int) -> tuple[tuple[int, int, int, int], ...]:
    reg = doc.register
    a, b = reg.sentences[index]
    sentence = doc.original[a:b]
    names = reported_names.name_spans(sentence)
    if not names:
        return ()
    after = doc.original[slice(*reg.sentences[index + 1])] if index + 1 < len(reg.sentences) else ""
    before = doc.original[slice(*reg.sentences[index - 1])] if index > 0 else ""
    return tuple((a + cs, a + fs, a + ns, a + ne) for cs, fs, ns, ne in names
                 if not reported_names.endorsed(sentence, (ns, ne), after, before))


# how far before a quotation its naming frame may open: "mắng một cậu thanh niên là '…'"
_NAMING_REACH = 40
# the writer as the one who scolds ("tao chửi thẳng mặt nó '…'", "tôi chê ông ta là '…'"):
# the words are the writer's own, used, not held up ("tôi bị chửi là" stays a mention)
_WRITER_SCOLDS = _scolds("tôi|tao|mình|tớ|tui|ta")
# the quoted word aimed at someone right after it: "câu '…' là dành cho ông đấy", "'…' là mày"
# ("dùng từ '…' là bạn đã xúc phạm người ta" is a lesson: the pronoun must end the clause)
_YOU = r"(?:mày|mi|ông|bà|bạn|anh|chị|cậu|chúng\s+mày|bọn\s+mày|tụi\s+mày)"
_AIMED_AFTER = re.compile(rf"^\W{{0,2}}\s*(?:(?:là\s+)?(?:dành\s+cho|nói)\s+{_YOU}(?!\w)|(?:là|chính\s+là)\s+{_YOU}"
                          r"(?:\s+(?:đấy|đó|chứ\s+ai|luôn))?\s*(?:[.,!?…]|$))", re.I)

# between two quoted words of a list: "kiểu 'đồ ngu', 'lũ ăn hại'" (the frame names them all)
_LIST_GAP = re.compile(r"^\W{0,2}\s*(?:,|và|hay|hoặc|hoặc là)?\s*\W?$", re.I)


def _unmarked_frame(head: str) -> bool:
    """A naming frame typed without marks ends `head`: the frame itself bare, whatever the
    words before it ("Hồi đi học tụi bạn goi minh la '…'")."""
    lower = head.lower()
    folded = fold(lower)
    m = _NAMING_FOLDED.search(folded)
    return bool(m) and len(folded) == len(lower) and lower[m.start():m.end()] == folded[m.start():m.end()]


def _named_before(doc, q: tuple[int, int]) -> bool:
    """Does a naming frame open the quotation at `q`, or the list of quoted words it ends?"""
    spans = quoted_spans(doc)
    k = bisect_left(spans, q)  # sorted: a draft full of quotations is not searched once per hit
    k = k if k < len(spans) and spans[k] == q else -1
    if _AIMED_AFTER.match(doc.original[q[1] + 1:q[1] + 41]) or _taken_on_near(doc, q):
        return False
    for _ in range(8):
        head = doc.original[max(0, q[0] - _NAMING_REACH):q[0] - 1]
        if _WRITER_SCOLDS.search(head):
            return False
        if _NAMING.search(head) or _unmarked_frame(head):
            return True
        if _MESSAGE_NAMING.search(head):
            return message_disowned(doc, q[0]) and not doc.register.endorsed(doc.register.sentence_index(q[0]))
        if k <= 0:
            return False
        prev = spans[k - 1]
        if not _LIST_GAP.match(doc.original[prev[1]:q[0]]) or prev[1] - prev[0] > 40:
            return False
        q, k = prev, k - 1
    return False


def _says_who(sentence: str) -> bool:
    return bool(_SAYING.search(sentence.lower()) or _SAYING.search(sentence))


# a message or a comment quoted from its sender ("có người nhắn/bình luận/quát '…'"): someone else's
# words only where the post turns against them (fourteenth session review: a quoted insult after
# "comment" with no disapproval is as often the writer's, passed on with relish)
_MESSAGE_SAYING = re.compile(r"(?<!\w)(?:quát|hét|chửi|mắng|" + _MESSAGE_VERBS[3:] + r"(?!\w)", re.I)
_DISAPPROVAL = re.compile(
    r"(?<!\w)(?:báo\s+cáo|báo\s+công\s+an|trình\s+báo|report|xo[áa]|xó[aá]|ẩn\s+(?:bình\s+luận|comment|cmt|bài)|chặn|block|đáng\s+buồn|buồn|"
    r"không\s+(?:thể\s+)?chấp\s+nhận|phẫn\s+nộ|bức\s+xúc|góp\s+ý|lên\s+án|vào\s+cuộc|phải\s+can|can\s+ngăn|"
    r"xin\s+lỗi|tử\s+tế|thương|tổn\s+thương|xúc\s+phạm|quá\s+đáng|vô\s+văn\s+hóa|vô\s+văn\s+hoá|thiếu\s+văn\s+hóa|"
    r"thiếu\s+văn\s+hoá|không\s+giúp|không\s+nên|đừng|tôn\s+trọng|lịch\s+sự|im\s+lặng|sốc|sợ|khóc|"
    r"không\s+đồng\s+(?:ý|tình)|phản\s+cảm|kém\s+duyên|độc\s+hại|bắt\s+nạt|nhắc\s+nhở|xử\s+lý)(?!\w)", re.I)
# the writer takes the message on as their own: "như một bạn đã bình luận: '…'", "mình xin nhắc lại",
# "nói lại lần nữa", "mình cũng muốn nói y như vậy", "xin like", "thả tim", "đáng đời", "+1"
_TAKEN_ON = re.compile(
    r"(?:(?<!\w)(?:như|giống\s+như)\s+(?:\w+\s+){0,4}(?:đã\s+)?(?:nhắn|bình\s+luận|comment|cmt|nói)(?!\w)|"
    r"(?<!\w)(?:xin\s+nhắc\s+lại|nhắc\s+lại\s+(?:câu|lời)|nói\s+lại\s+lần\s+nữa|nhắc\s+lại\s+lần\s+nữa|"
    r"muốn\s+(?:nhắn|nói|comment|bình\s+luận)\s+(?:y\s+)?(?:như|y)\s+(?:vậy|thế)|nói\s+(?:vậy|thế)\s+là\s+đúng|"
    r"xin\s+like|like\s+mạnh|thả\s+tim|xứng\s+đáng|đáng\s+đời|quá\s+chuẩn|chuẩn\s+(?:vl|vcl)|chuan\s+(?:vl|vcl)|"
    r"đúng\s+(?:vl|vcl)|ủng\s+hộ(?:\s+(?:bạn|luôn|nhiệt\s+tình|hai\s+tay|2\s+tay|ý\s+kiến\s+này))?(?=\s*(?:[.,!?…]|$)))(?!\w)|(?<![\w+])\+1(?!\d))", re.I)


def message_disowned(doc, at: int) -> bool:
    """Does the post turn against the message it quotes at offset `at` (a disapproval or an
    action in that sentence or the next), without taking it on as the writer's own anywhere?
    The disapproval is bounded: a "đừng" or "buồn" elsewhere in the post is about something
    else, and would otherwise clear every quoted insult of a long post."""
    reg = doc.register
    index = reg.sentence_index(at) if reg.sentences else 0

    def compute():
        text = doc.original
        if _TAKEN_ON.search(text):
            return False
        if not reg.sentences:
            return bool(_DISAPPROVAL.search(text))
        a = reg.sentences[index][0]
        b = reg.sentences[min(index + 1, len(reg.sentences) - 1)][1]
        return bool(_DISAPPROVAL.search(text[a:b]))
    return doc.memo(("tone.message_disowned", index), compute)


def _taken_on_near(doc, q: tuple[int, int]) -> bool:
    """Does the writer take the quotation on as their own, in its sentence or the next ("như một
    bạn đã bình luận: '…'. Mình xin nhắc lại câu đó", "…', mình cũng muốn nói y như vậy")?"""
    reg = doc.register
    if not reg.sentences:
        return False
    index = reg.sentence_index(q[0])
    a = reg.sentences[index][0]
    b = reg.sentences[min(index + 1, len(reg.sentences) - 1)][1]
    return bool(_TAKEN_ON.search(doc.original[a:b]))


def _says_who_message(sentence: str) -> bool:
    return bool(_MESSAGE_SAYING.search(sentence))


def attributed(doc, s: int) -> bool:
    """Does the sentence holding offset `s` say who said it?"""
    if of_sentence(doc, s, _says_who):
        return True
    return bool(of_sentence(doc, s, _says_who_message)) and message_disowned(doc, s)


def _opens_with_dash(head: str) -> bool:
    head = head.lstrip()
    return head[:1] in ("-", "–", "—") and (len(head) < 2 or head[1] == " " or head[1].isalpha())


def dialogue(doc, s: int) -> bool:
    """Is the offset on a line or in a sentence of dialogue (opening with a dash)?"""
    line_start = doc.original.rfind("\n", 0, s) + 1
    return _opens_with_dash(doc.original[line_start:min(s, line_start + 8)]) or bool(of_sentence(doc, s, _opens_with_dash))


def reported(doc, s: int, e: int) -> bool:
    """Are the words someone else's, reported: in a quotation or a line of dialogue in an
    article, or in a quotation of a sentence that names who said it? Not when the writer
    says them or endorses them (register.Register.writers_own)."""
    if doc.register.writers_own(s):
        return False
    q = quote_around(doc, s, e)
    if q is not None and (_writers_quote(doc, q) or _writer_scolds_before(doc, q) or _taken_on_near(doc, q)):
        return False
    if q is not None:
        return formal(doc) or attributed(doc, s) or attributed(doc, max(0, e))
    if dialogue(doc, s):
        return formal(doc)
    if not formal(doc):
        return False
    if personal(doc):
        # a personal post: any verb of saying is not enough ("hết chỗ nói", "mình đáp
        # lại"); the sentence must credit a source and not be told in the first person
        return doc.register.reported(doc.register.sentence_index(s))
    return attributed(doc, s)


def _writer_scolds_before(doc, q: tuple[int, int]) -> bool:
    """Is the writer the one scolding or writing, before the quotation in its sentence ("tôi chửi
    lão trưởng phòng là '…'", "mình comment '…'")? A verb of saying then makes it no one else's."""
    reg = doc.register
    if not reg.sentences:
        return False
    start = reg.sentences[reg.sentence_index(q[0])][0]
    if start >= q[0]:
        return False
    head = unquoted(doc, start, q[0] - 1)
    # the pronoun a subject, not a possessor or "người ta" ("bạn mình chửi", "bị người ta chửi")
    return any(endorse._subject(head, m.start()) and not re.search(r"(?i)người\s+$", head[:m.start()])
               for m in _ME_SCOLDS.finditer(head))


_ME_SCOLDS = _scolds("tôi|tao|mình|tớ|tui")


def _writers_quote(doc, q: tuple[int, int]) -> bool:
    """Is the quotation (inside [q0, q1), straight single quotes included, which register.py
    does not pair) introduced by the writer as their own words ('tôi nhắn: '…'')?"""
    reg = doc.register
    if not reg.sentences:
        return False
    start = reg.sentences[reg.sentence_index(q[0])][0]
    return start < q[0] and endorse.writer_says(unquoted(doc, start, q[0] - 1))


# a verb of formal reporting with a third party as its subject: what follows is indirect speech
_REPORTING = re.compile(r"(?<!\w)(?:cho\s+biết|khẳng\s+định|tuyên\s+bố|nhấn\s+mạnh|thông\s+báo|phát\s+biểu|"
                        r"trả\s+lời\s+phỏng\s+vấn|trả\s+lời\s+câu\s+hỏi|dẫn\s+lời|theo\s+thông\s+tin|theo\s+báo)(?!\w)")
_FIRST_PERSON_BEFORE = re.compile(r"(?i)(?<!\w)(?:tôi|mình|tao|tớ|tui|em|chúng\s+tôi|chúng\s+tao|bọn\s+tao|mày|bạn)\s+(?:\w+\s+){0,2}$")


def indirect(doc, s: int, e: int) -> bool:
    """Is the span indirect speech: after a verb of formal reporting ("cho biết", "khẳng
    định", "tuyên bố") whose subject is someone else, in the same sentence?"""
    sentence_start = doc.sentence_start_original(doc.sentence_of_original(s))
    ends = of_sentence(doc, s, _reported_from)  # where each such verb ends, in the sentence
    line_start = doc.original.rfind("\n", 0, s) + 1
    if not any(line_start <= sentence_start + end <= s for end in ends):
        return False
    return not doc.register.endorsed(doc.register.sentence_index(s))


def _reported_from(sentence: str) -> tuple[int, ...]:
    ends = []
    for m in _REPORTING.finditer(sentence.lower()):
        subject = sentence[:m.start()]
        # a verb needs a subject: "Phát biểu như vậy là …" opens with a noun
        if m.group().startswith("theo") or (_TOKEN.search(subject) and not _FIRST_PERSON_BEFORE.search(subject)):
            ends.append(m.end())
    return tuple(ends)


# -- credits, codes, names, units --------------------------------------------------------------

_INITIALS = re.compile(r"^(?:[A-ZĐ][a-zđ]?\.\s?)+(?:[A-ZĐ][\wÀ-ỹ]*)?$")


def credit(doc, s: int, e: int) -> bool:
    """Is the span a byline or a credit: a line of its own with at most three words, or an
    initial such as "M." or "T.Hạnh", or a source credit ("Theo DM", "(Ảnh CACC)")?"""
    text = doc.original
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line = text[line_start:len(text) if line_end == -1 else line_end].strip()
    if formal(doc) and len(_TOKEN.findall(line)) <= 3:
        return True
    token = _token_at(text, s, e)
    if _INITIALS.match(token):
        return True
    before = text[max(0, s - 12):s].lower()
    return bool(re.search(r"(?:theo|nguồn|ảnh|ảnh:|photo|video)\s*[:(]?\s*$", before))


def _token_at(text: str, s: int, e: int) -> str:
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return text[s:e].strip(",;()[]")


def _shouted(sentence: str) -> bool:
    words = _TOKEN.findall(sentence)
    return sum(1 for w in words if not w.isupper()) < 0.6 * len(words)


def acronym(doc, s: int, e: int) -> bool:
    """Is the span an upper-case code (DCM, CC, CACC) inside a sentence written in normal
    case: a ticker or an abbreviation, not a shouted word? A two-letter code counts only
    beside another code or inside brackets ("CB, CC", "(Ảnh CACC)")."""
    text = doc.original
    token = _token_at(text, s, e)
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    if of_sentence(doc, s, _shouted):
        return False  # shouting in capitals
    if len(letters) >= 3:
        return True
    around = text[max(0, s - 12):min(len(text), e + 12)]
    codes = [w for w in re.findall(r"[A-ZĐ]{2,}", around)]
    return len(codes) >= 2 or "(" in text[max(0, s - 8):s]


def in_name(doc, s: int, e: int) -> bool:
    """Does the span cut through a run of capitalised words (a street, a person, a title):
    written partly in lower case, its capitalised end goes on into the next or the previous
    word ("mũi tàu Cộng Hòa")? A span written all in capitals or all in lower case is not."""
    text = doc.original
    span_words = _TOKEN.findall(text[s:e])
    if len(span_words) == 1:
        return _inside_a_name(text, s, e, span_words[0])
    if not span_words:
        return False
    caps = [w[:1].isupper() for w in span_words]
    if all(caps) or not any(caps):
        return False
    after = re.match(r"\s+([^\W\d_]+)", text[e:])
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, s - 30):s])
    if caps[-1] and after and after.group(1)[:1].isupper():
        return True
    if not (caps[0] and before and before.group(1)[:1].isupper()):
        return False
    # the word before is capitalised as part of a name, not because it opens the sentence
    return not _sentence_opens_at(text, s - len(before.group(0)))


def _title(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def _inside_a_name(text: str, s: int, e: int, word: str) -> bool:
    """One word, capitalised as a name's word is (not shouted), with a capitalised word on
    each side, the one before not just opening the sentence: the middle of a name ("số 12
    Pham Ngu Lao", "anh Nguyen Ngu Binh")."""
    if not _title(word):
        return False
    after = re.match(r"[ \t]+([^\W\d_]+)", text[e:])
    before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, s - 30):s])
    if not (after and before and _title(after.group(1)) and _title(before.group(1))):
        return False
    if _title_cased_sentence(doc_sentence_text(text, s)):
        return False  # "Ông Tuấn Phòng Bên Ngu Thật, …": every word capitalised, no name run to be in
    return not _sentence_opens_at(text, s - len(before.group(0)))


def doc_sentence_text(text: str, s: int) -> str:
    """The sentence around offset s, cut at . ! ? or a line break (no document needed)."""
    left = max(text.rfind(c, 0, s) for c in ".!?\n")
    right = min((k for k in (text.find(c, s) for c in ".!?\n") if k != -1), default=len(text))
    return text[left + 1:right]


def _title_cased_sentence(sentence: str) -> bool:
    """Is most of the sentence written in Title Case (a heading's or a chat's capitals on
    every word), so that a capitalised word marks no name?"""
    words = _TOKEN.findall(sentence)
    words = [w for w in words if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(_title(w) for w in words) > len(words) * 0.6


# an e-mail address, a link or a handle: a run of non-spaces with "@", "://" or "www."
_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*"
                      # or a bare domain with a path: "fb.com/dm.thang", "example.vn/tin/…"
                      r"|\S*[^\W_]\.(?:com|vn|net|org|info|io)(?:\.[a-z]{2})?/\S*")


def in_address(doc, s: int, e: int) -> bool:
    """Is the span inside an e-mail address, a web link or an @handle ("tuan.dm@mofa.gov.vn")?"""
    text = doc.original
    left = s
    while left > 0 and not text[left - 1].isspace() and s - left < 200:
        left -= 1
    right = e
    while right < len(text) and not text[right].isspace() and right - e < 200:
        right += 1
    return bool(_ADDRESS.fullmatch(text[left:right]))


def _sentence_opens_at(text: str, s: int) -> bool:
    k = s - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or text[k] in ".!?…:\n\"“"


def after_number(doc, s: int, e: int) -> bool:
    """Is the span a unit right after a number ("660 cc", "50 ml")?"""
    return bool(re.search(r"\d[\d.,]*\s?$", doc.original[max(0, s - 12):s]))


# what makes a word aimed at someone even in prose: "đồ …", "thằng …", "lũ …", "mày"
_AIMED = re.compile(r"(?<!\w)(?:đồ|thằng|con|lũ|bọn|tụi|loại|cái\s+thứ|mày|chúng\s+mày|mụ)\s+$", re.I)
# a span that opens with one of them; "con" left out: "con lợn", "con gái" open plain words too
_AIMED_OPENING = re.compile(r"(?:đồ|thằng|lũ|bọn|tụi|loại|thứ|cái\s+thứ|mụ)\s+\w", re.I)


def formal_plain(doc, s: int, e: int) -> bool:
    """Is the span in formal prose, in a sentence without a comment's voice, and not aimed
    at someone ("đồ …", "thằng …"), nor endorsed by the writer? A word list's single word
    there describes, reports or analyses; it does not address anyone."""
    if not formal(doc) or informal_sentence(doc, doc.sentence_of_original(s)):
        return False
    if doc.register.endorsed(doc.register.sentence_index(s)):
        return False  # a diary told in prose that passes the words on with approval
    if personal(doc) and not doc.register.reported(doc.register.sentence_index(s)):
        return False  # a personal post in good prose: the writer's own words, not a report
    # the classifier may open the span itself ("đồ đầu đất", a listed insult)
    return not (_AIMED.search(doc.original[max(0, s - 12):s]) or _AIMED_OPENING.match(doc.original[s:e]))


# -- who or what the word is said of ----------------------------------------------------------

_ANIMAL = re.compile(r"(?i)(?<!\w)(?:con|chú|bé|em|mấy\s+con|những\s+chú|những\s+con|"
                     r"nhà\s+mình\s+có)\s+(?:chó|mèo|lợn|heo|gà|vịt|bò|trâu|khỉ|cún|vẹt|chuột|cá|ngựa|dê)(?!\w)|"
                     r"(?<!\w)(?:thú\s+cưng|con\s+vật|boss|chó\s+nhà|mèo\s+nhà|cún\s+nhà)(?!\w)")
# the animal as the term of a comparison or an epithet: "ngu như bò", "thua cả một con chó", "đồ chó"
_COMPARED = re.compile(r"(?i)(?<!\w)(?:như|bằng|hơn|thua|kém|khác\s+gì|giống|y\s+hệt|y\s+như|đồ|thằng|loại|cái\s+thứ)"
                       r"(?:\s+(?:cả|là|một|mấy|con|những|cái))*\s*$")
# the animal inside "thà … còn hơn" ("thà nói với con trâu còn hơn", "thà nuôi con chó còn
# hơn"): better the animal than the person the sentence is about, an insult aimed at that
# person. Read within one clause: "thà" before the animal, "còn hơn" after it.
_RATHER_BEFORE = re.compile(r"(?i)(?<!\w)thà(?!\w)[^,.;:!?…]{0,40}$")
_RATHER_AFTER = re.compile(r"(?i)^[^,.;:!?…]{0,40}?(?<!\w)còn\s+hơn(?!\w)")
_PERSON_ADDRESS = re.compile(r"(?i)(?<!\w)(?:mày|chúng\s+mày|bọn\s+mày|thằng|con\s+kia|con\s+mụ|mụ|bọn|lũ|tụi|ông|bà|anh|chị|"
                             r"cô|chú|bác|sếp|admin|ad|người|đứa|hắn|gã|y)(?!\w)")


def animal(doc, s: int, e: int) -> bool:
    """Is the word said of an animal ("con chó nhà mình ngu ghê", "những chú chó … chả ai ngu
    bằng"): an animal named as the subject in the sentence or the one before, no person
    addressed or named, and the animal not the comparison ("ngu như bò")?"""
    # the verdict depends only on the sentence: once per sentence, not per hit (a long
    # sentence with many hits was read again for each: quadratic)
    i = doc.sentence_of_original(s)
    return doc.memo(("tone.sentence", animal, i), lambda: _animal_subject(doc, i))


def _animal_subject(doc, i: int) -> bool:
    texts = sentence_texts(doc)
    here = texts[i] if 0 <= i < len(texts) else ""
    near = here + " " + (texts[i - 1] if i > 0 else "")
    subject = [m for m in _ANIMAL.finditer(near) if not _compared(near, m.start(), m.end())]
    if not subject:
        return False
    return not _PERSON_ADDRESS.search(here)


def _compared(text: str, s: int, e: int) -> bool:
    """Is the animal named at text[s:e] the term of a comparison, not what is talked of?"""
    if _COMPARED.search(text[max(0, s - 20):s]):
        return True
    return bool(_RATHER_BEFORE.search(text[max(0, s - 50):s]) and _RATHER_AFTER.search(text[e:e + 50]))


_SELF_BEFORE = re.compile(r"(?i)(?:^|[,.!?;:…(]\s*|(?<!\w)(?:mà|nhưng|thì|vì|tại|chắc|đúng\s+là|công\s+nhận|hôm\s+nay|hôm\s+qua|"
                          r"sáng\s+nay|tối\s+qua|chiều\s+nay|nay|giờ|lúc\s+đó|lúc\s+ấy|hồi\s+đó|ngày\s+xưa|"
                          # someone else's word for the writer, reported: "nó bảo tôi béo như con lợn"
                          r"bảo|chê|trêu|kêu|gọi|nói)\s+)(?:bản\s+thân\s+(?:tôi|mình|tớ|tui)|tôi|mình|tớ|tui|bản\s+thân|"
                          # the chat "t" (tao, tôi), lower case only: "T" is a name's initial
                          r"(?-i:t))(?:\s+(?:hôm\s+nay|hôm\s+qua|dạo\s+này|nay|giờ))?(?:\s+(?:thật|quá|đúng|thấy|cũng|hơi|đã|bị|vẫn|còn|là|đúng\s+là))?\s+(?:sự\s+)?$")
# a chat writer's own "em"/"e" to seniors, told of the day: "hôm nay e ngu quá, nộp nhầm file"
_SELF_JUNIOR = re.compile(r"(?i)(?<!\w)(?:hôm\s+nay|hôm\s+qua|sáng\s+nay|tối\s+qua|chiều\s+nay|hnay|hqua|nay)\s+"
                          r"(?:em|e)(?:\s+(?:thật|quá|đúng|thấy|cũng|hơi|đã|bị|là))?\s+$")
# a senior telling the junior ("anh đã bảo", "chị dặn ba lần"): the "em" is spoken to or of
# by that senior's sentence, no chat confession of one's own: the word is not cleared
_SENIOR_TOLD_RE = re.compile(r"(?i)(?<!\w)(?:anh|chị|sếp|a|c)\s+(?:\w+\s+){0,2}?(?:bảo|dặn|nói|nhắc)(?!\w)")


def _SENIOR_TOLD(sentence: str) -> bool:
    return bool(_SENIOR_TOLD_RE.search(sentence))


_SELF_AFTER = re.compile(r"(?i)^\s*(?:\w+\s+)?của\s+(?:mình|tôi|tớ|tui|bản\s+thân)(?!\w)")
_SELF_CAUSE = re.compile(r"(?i)(?<!\w)(?:tại|vì|do)\s+(?:\w+\s+){0,3}$")


def self_directed(doc, s: int, e: int) -> bool:
    """Does the author say it of themselves ("mình ngu thật", "sự ngu dốt của mình")?"""
    text = doc.original
    before = text[max(0, s - 30):s]
    after = text[e:e + 30]
    if _SELF_BEFORE.search(before) or _SELF_AFTER.search(after):
        return True
    if _SELF_JUNIOR.search(before) and not of_sentence(doc, s, _SENIOR_TOLD):
        return True
    # "một phần vì ngu" with the speaker as the only person of the sentence
    return bool(_SELF_CAUSE.search(before)) and bool(of_sentence(doc, s, _only_the_speaker))


def _only_the_speaker(sentence: str) -> bool:
    return bool(re.search(r"(?i)(?<!\w)(?:tôi|mình|tớ|tui)(?!\w)", sentence)) and not _PERSON_ADDRESS.search(sentence)


_NEGATED = re.compile(r"(?i)(?<!\w)(?:không|chẳng|chả|đâu\s+có|không\s+hề|chưa\s+bao\s+giờ|chẳng\s+hề|không\s+phải(?:\s+là)?|"
                      r"đừng\s+nói|không\s+ai\s+bảo)\s+(?:(?:bị|là|có)\s+)?$")


def negated(doc, s: int, e: int) -> bool:
    """Is the word negated ("anh ấy không ngu", "đâu có ngu"), not "chả ai ngu bằng"?"""
    return bool(_NEGATED.search(doc.original[max(0, s - 25):s]))


_GENERIC = re.compile(r"(?i)(?<!\w)(?:những|các|hầu\s+hết|mọi|nhiều|đa\s+số|phần\s+lớn|không\s+ít|một\s+số)\s+"
                      r"(?:thằng|gã|người|anh|ông|bà|cô|chị|đàn\s+ông|phụ\s+nữ|con\s+trai|con\s+gái|cặp|cặp\s+đôi)(?!\w)")
_SPECIFIC = re.compile(r"(?<!\w)(?:[Hh]ắn|[Ôô]ng\s+ta|[Bb]à\s+ta|[Aa]nh\s+ta|[Cc]hị\s+ta|[Cc]ô\s+ta|[Cc]on\s+mụ|[Mm]ụ|[Tt]hằng\s+[A-ZĐ]|"
                       r"(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị)\s+[A-ZĐ])")


def generic(doc, s: int, e: int) -> bool:
    """Is the sentence about people in general ("những thằng con trai lăng nhăng", "hầu hết
    đàn ông"), with no one in particular named or pointed at?"""
    return bool(of_sentence(doc, s, _about_people_in_general))


def _about_people_in_general(sentence: str) -> bool:
    return bool(_GENERIC.search(sentence)) and not _SPECIFIC.search(sentence)


# a state, a body or an organisation as the one who protests or calls (a stance, not a call
# to the reader): a run of capitalised words before the verb, or the verb's object other parties
_INSTITUTION = re.compile(r"(?:[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*)+|(?<=[\w,;] )[A-ZĐ][^\W\d_]+)"
                          r"(?:\s+(?:đã|cũng|luôn|vẫn|tiếp\s+tục|kiên\s+quyết|mạnh\s+mẽ|nhiều\s+lần|lên\s+tiếng|chính\s+thức))*"
                          r"\s+(?:phản\s+đối|kêu\s+gọi|bác\s+bỏ|lên\s+án)(?!\w)")
_CALLED_PARTIES = re.compile(r"(?i)(?<!\w)kêu\s+gọi\s+(?:các\s+bên|các\s+nước|các\s+quốc\s+gia|cộng\s+đồng\s+quốc\s+tế|"
                             r"các\s+nhà\s+lãnh\s+đạo|hai\s+bên|các\s+đối\s+tác|các\s+thành\s+viên|chính\s+phủ)(?!\w)")


_READERS = re.compile(r"(?i)(?<!\w)(?:hãy|nào|nhé|nha|mọi\s+người|bà\s+con|anh\s+em|ae|cả\s+nhà|các\s+bạn|chúng\s+ta|"
                      r"share|chia\s+sẻ|càng\s+đông)(?!\w)")


def institutional(doc, s: int, e: int) -> bool:
    """Is the sentence a stance of a state or a body ("Việt Nam phản đối …", "Bộ Ngoại giao
    kêu gọi các bên kiềm chế"), not a call to the readers to gather or protest?"""
    return bool(of_sentence(doc, s, _a_stance))


def _a_stance(sentence: str) -> bool:
    if _READERS.search(sentence):
        return False  # the readers are addressed too: a call after all
    return bool(_INSTITUTION.search(sentence) or _CALLED_PARTIES.search(sentence))


def plain(doc, s: int, e: int) -> bool:
    """Is the sentence without any mark of a comment's voice? A single list word there is
    one signal, not two: worth a warning, not an error."""
    return not of_sentence(doc, s, informal)


def history(doc, s: int, e: int) -> bool:
    """Is the sentence history: set by its year (or its paragraph's last) 20 years or more
    before the text's latest year and the Decision's ("phong trào tẩy chay năm 1919",
    "cuộc đảo chính năm 1973")? A past event told, not a call or a comment on today."""
    index = doc.sentence_of_original(s)
    if not historical(doc, index):
        return False
    # an old year named in a call for today ("tối nay xuống đường như năm 1930!") is not history
    texts = sentence_texts(doc)
    return not (0 <= index < len(texts) and _NOW.search(texts[index].lower()))


# A call for today, not history. Riskier entries: "ngay" is also "right" in "ngay cạnh",
# "ngay sau đó" (an old sentence with it loses its history reading, so a call is never
# missed); "ơi", "nào", "anh em", "mọi người", "bà con" and "!" address readers, which a
# history lesson rarely does. Kept out: "nay" alone and "năm nay" ("xưa nay", "từ đó đến
# nay", "ngày nay" sum up a past), and "hiện tại" (a narrated present in an old story).
_NOW = re.compile(r"(?<!\w)(?:hôm nay|tối nay|sáng nay|chiều nay|đêm nay|ngày mai|sáng mai|tối mai|tuần này|tuần sau|"
                  r"bây giờ|giờ này|lúc này|hiện nay|ngay|hãy|ơi|nào|đi thôi|cùng nhau|anh em|mọi người|bà con)(?!\w)|!")


GATES = {
    "reported": reported,
    "mention": mention,
    "reported_name": reported_name,
    "credit": credit,
    "acronym": acronym,
    "in_name": in_name,
    "in_address": in_address,
    "after_number": after_number,
    "formal": formal_plain,
    "animal": animal,
    "self": self_directed,
    "negated": negated,
    "generic": generic,
    "plain": plain,
    "institutional": institutional,
    "indirect": indirect,
    "history": history,
}
