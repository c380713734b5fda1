"""Register and attribution: whose words a sentence is.

A draft mixes the writer's own voice with words reported from others: news sentences that
credit a source ("… cho biết", "theo Reuters, …", "Bộ trưởng X khẳng định …") and quotations
attributed to someone ('Ông A nói: “…”'). A rule that is about the writer's own judgement,
title or promise (`voice: own`) does not fire on reported words, and an exemption ("the
Ministry's spokesperson said …") clears only the sentence, or the quotation, it covers.

Everything here works on the original text (quotation marks and capitals are kept there),
with cheap regular expressions: no model, and only for drafts where a rule asks.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right

from . import endorse

# opening → closing marks; a straight double quote closes itself
_PAIRS = {"“": "”", "«": "»", "„": "“", "「": "」", "『": "』", '"': '"'}
_MAX_QUOTE = 1500  # characters: a quotation longer than this is an unpaired mark
_OPENERS = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
# the marks that may close each opening mark ("…" and “…" are both common), after a non-space
_ALLOWED = {mark: {close, '"'} if mark != '"' else {'"', "”"} for mark, close in _PAIRS.items()}
_ANY_CLOSER = re.compile("(?<=\\S)[" + re.escape("".join(set(_PAIRS.values()) | {'"', "”"})) + "]")
_BLANK = re.compile(r"\n[ \t]*\n")
# a label in square brackets that opens the draft, on its first line ("[Fanpage Cục Lãnh sự]
# …", "[Đại sứ quán … - trang chính thức] …"): where the post stands, as a headline says
_BRACKET_HEADER = re.compile(r"\s*\[[^\[\]\n]{3,150}\]")
# … when the label names the Ministry or a mission: "[Trang chính thức của shop …]" is no
# official page's (typed with or without marks)
_OFFICIAL_LABEL = re.compile(
    r"\b(?:b[ộo] ngo[ạa]i giao|(?:t[ổo]ng )?l[ãa]nh s[ựu] qu[áa]n|(?:[đd][ạa]i )?s[ứu] qu[áa]n|ph[áa]i [đd]o[àa]n"
    r"|c[ơo] quan [đd][ạa]i di[ệe]n|c[ụu]c l[ãa]nh s[ựu]|c[ụu]c l[ễe] t[âa]n|v[ụu] th[ôo]ng tin b[áa]o ch[íi]"
    r"|[đd]sq|tlsq|cq[đd]d|mofa|embassy|consulate|ministry of foreign affairs)\b", re.IGNORECASE)
# … but no label covers a post whose body is a private trade or a person's own voice: a price or
# a payment ("giá 300k", "15 đô/kg", "chuyển khoản", "cọc", "phí", "tour", "dịch vụ", "nhận may",
# "giao tận nơi", "giữ suất", "bill", "inbox", "ship"), a mailbox named after a person
# ("lan.nt@", "minh.le@"), a person to ask for ("gặp chị Hà", "hỏi gặp Long", "gặp mình"), or
# the writer speaking ("mình", "em", "nhà mình"): a fake label must not exempt it
_GIVEN = ("an|anh|binh|chi|cuong|dat|duc|dung|giang|ha|hai|hanh|hien|hieu|hoa|hoang|hong|hung|huong|huy"
          "|khanh|khoa|kien|lan|linh|loan|long|mai|minh|my|nam|nga|ngoc|nhung|oanh|phuc|phuong|quan"
          "|quang|son|tam|thang|thanh|thao|thu|thuy|tien|trang|trung|tu|tuan|tung|van|viet|vy|yen")
_HEADER_VOID = re.compile(
    r"\b(?:gi[áa]|\d+(?:[.,]\d+)?\s?(?:k|đô|do|euro|eur|usd|tri[ệe]u|ngh[ìi]n|ng[àa]n)|đô|euro|chuy[ểe]n kho[ảa]n"
    r"|c[ọo]c|ph[íi]|tour|d[ịi]ch v[ụu]|nh[ậa]n (?:may|d[ạa]y|l[àa]m|order)|giao t[ậa]n n[ơo]i|gi[ữu] su[ấa]t"
    r"|bill|inbox|ib|ship|pass l[ạa]i|thanh l[ýy]|b[áa]n|c[ầa]n mua|mua|order"
    r"|(?:" + _GIVEN + r")\.[a-z]{1,4}@"
    r"|(?:h[ỏo]i )?g[ặa]p (?:m[ìi]nh|em|t[ôo]i|anh|ch[ịi]|c[ôo]|ch[úu]|b[áa]c|[" + "A-ZĐ" + r"])"
    r"|m[ìi]nh|em|t[ôo]i|t[ớo]|nh[àa] m[ìi]nh)\b", re.IGNORECASE)

# capital letters, Vietnamese ones included (a character class, since `re` has no \p{Lu})
_U = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
_FIRST_PERSON = re.compile(
    r"(?<!\w)(?:tôi|mình|tớ|tao|bọn tao|chúng tôi|chúng mình|chúng tao|bọn mình|tụi mình|bọn tôi|tụi tôi|"
    r"chúng em|bọn em|tụi em|em|mk|t|ad|i|we|my|me)(?!\w)", re.IGNORECASE)
# a source credited for the sentence: reporting verbs, "theo <source>", "dẫn lời"
_ATTRIBUTION = re.compile(
    r"(?<!\w)(?:cho biết|cho hay|nói rằng|nói với|nói:|phát biểu|khẳng định|nhấn mạnh|bày tỏ|"
    r"nêu rõ|dẫn lời|trả lời phỏng vấn|trả lời báo chí|đưa tin|tiết lộ|"
    r"chia sẻ với|cho rằng|nhận định|kêu gọi|lưu ý|giải thích|phát đi|"
    r"according to|said|says|told)(?!\w)"
    # verbs that are also nouns ("bản tuyên bố chung", "lời cảnh báo", "thông báo số 5"): a verb
    # only after no determiner or noun of a document, and not "… chung"; a negated one ("chưa
    # thông báo") says nothing was announced: it credits no source
    r"|(?<!\w)(?<!bản )(?<!lời )(?<!các )(?<!một )(?<!những )(?<!bài )(?<!thảo )(?<!văn )(?<!tờ )(?<!theo )"
    r"(?<!chưa )(?<!không )(?<!đừng )"
    r"(?:tuyên bố|thông báo|xác nhận|khuyến cáo|cảnh báo)(?! chung)(?!\s+(?:số|này|trên|của)\b)(?!\w)"
    # "Bác nói đúng", "Anh nói chuẩn": a reply agreeing, the writer's own judgement, not a source;
    # "Nghe nói …" is hearsay the writer passes on, with no one credited
    rf"|(?!Nghe\s)[{_U}][^\W\d_]*\s+nói(?!\w)(?!\s+(?:đúng|phải|chuẩn|chí phải|quá đúng|rất đúng|hay quá)(?!\w))"
    rf"|(?<!\w)[Tt]heo\s+(?:[{_U}]|ông|bà|các|giới|nguồn|báo|hãng|đại diện|lãnh đạo|chuyên gia|"
    r"thông tin|thông báo|thông cáo|người phát ngôn|phóng viên|đặc phái viên|số liệu|thống kê)")

# what may stand between a speaker and its own reporting verb: its own words ("chúng tôi",
# "hôm qua", "cũng", "đã") up to four, no punctuation
_SPEAKER_GAP = re.compile(r"\s*(?:[^\W\d_]+\s+){0,4}")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each quotation, marks included, in text order. A straight quote opens
    only after a space or an opening bracket and before a non-space, and closes only after a
    non-space (real text mixes “…" and "…”); a mark that finds no partner within _MAX_QUOTE
    characters, or before a blank line, is left alone. Closing marks and blank lines are
    found once and looked up by position: a draft of unpaired marks costs n log n."""
    if not _OPENERS.search(text):
        return []
    n = len(text)
    closing: dict[str, list[int]] = {}
    for m in _ANY_CLOSER.finditer(text):
        closing.setdefault(m.group(), []).append(m.start())
    blanks = [m.start() for m in _BLANK.finditer(text)]
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _OPENERS.finditer(text):
        i, mark = m.start(), m.group()
        if i < pos:
            continue
        if mark == '"' and ((i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([{-–—:")) or
                            i + 1 >= n or text[i + 1].isspace()):
            continue
        end = None
        for close in _ALLOWED[mark]:
            where = closing.get(close, ())
            k = bisect_right(where, i)
            if k < len(where) and (end is None or where[k] < end):
                end = where[k]
        if end is None or end - i > _MAX_QUOTE:
            continue
        b = bisect_right(blanks, i)
        if b < len(blanks) and blanks[b] < end:
            continue
        spans.append((i, end + 1))
        pos = end + 1
    return spans


class Register:
    """Sentences (original offsets), quotations and the voice of each, for one document."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.quotes = quotation_spans(text)
        self.quote_starts = [s for s, _ in self.quotes]
        self._voice: dict[int, bool] = {}
        self._named: dict[int, bool] = {}
        self._endorsed: dict[int, bool] = {}

    def sentence_index(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def quote_of(self, offset: int) -> tuple[int, int] | None:
        k = bisect_right(self.quote_starts, offset) - 1
        if k >= 0 and self.quotes[k][0] <= offset < self.quotes[k][1]:
            return self.quotes[k]
        return None

    def _outside_quotes(self, start: int, end: int) -> str:
        """The text of [start, end) with quotations blanked."""
        parts, pos = [], start
        k = max(bisect_right(self.quote_starts, start) - 1, 0)
        for qs, qe in self.quotes[k:]:
            if qs >= end:
                break
            if qe <= start:
                continue
            parts.append(self.text[pos:max(qs, pos)])
            parts.append(" ")
            pos = max(pos, min(qe, end))
        parts.append(self.text[pos:end])
        return "".join(parts)

    def reported(self, index: int) -> bool:
        """Is sentence `index` reported speech: a source credited, and no first person
        outside its quotations?"""
        found = self._voice.get(index)
        if found is None:
            if not self.sentences:
                return False
            s, e = self.sentences[index]
            own = self._outside_quotes(s, e)
            found = bool(_ATTRIBUTION.search(own)) and not _FIRST_PERSON.search(own)
            self._voice[index] = found
        return found

    def credited_besides(self, index: int, speaker: tuple[int, int]) -> bool:
        """Is sentence `index` reported speech with a source other than `speaker` (an original
        span in it) made to say it? "Bộ Ngoại giao cho rằng …" with no channel named puts the
        words in the Ministry's mouth: the reporting verb right after the speaker credits no
        one else; "Theo báo X, Bộ Ngoại giao cho rằng …" or a person's "cho biết" still do."""
        if not self.reported(index):
            return False
        s, e = self.sentences[index]
        # the quotations blanked letter for letter: offsets stay the original's
        own = list(self.text[s:e])
        for qs, qe in self.quotes:
            if qs < e and s < qe:
                own[max(qs, s) - s:min(qe, e) - s] = " " * (min(qe, e) - max(qs, s))
        own = "".join(own)
        after = speaker[1] - s
        for m in _ATTRIBUTION.finditer(own):
            if speaker[0] - s <= m.start() and _SPEAKER_GAP.fullmatch(own, max(after, 0), m.start()):
                continue  # the speaker's own verb
            return True
        return False

    def attributed_quote(self, quote: tuple[int, int]) -> bool:
        """Is the quotation attributed to someone: a colon just before it, or a reporting
        verb or source in the sentence that opens or closes it (outside the quotation)?"""
        qs, qe = quote
        before = self.text[max(0, qs - 3):qs].rstrip()
        if before.endswith(":"):
            return True
        a = self.sentences[self.sentence_index(qs)][0] if self.sentences else 0
        b = self.sentences[self.sentence_index(max(qe - 1, qs))][1] if self.sentences else len(self.text)
        around = self.text[a:qs] + " " + self.text[qe:b]
        return bool(_ATTRIBUTION.search(around))

    def others_words(self, offset: int, speaker_end: int | None = None) -> bool:
        """Are the words at `offset` someone else's: inside an attributed quotation, or in a
        reported sentence, and neither said by the writer nor endorsed by them? With
        `speaker_end`, the span [offset, speaker_end) is what a rule reports as speaking (a
        unit made to judge: voice {finding_speaks: true}); its own reporting verb is no
        other source (credited_besides)."""
        index = self.sentence_index(offset)
        quote = self.quote_of(offset)
        if quote is not None and quote[1] - quote[0] > 12 and self.attributed_quote(quote):
            return not self.writers_own(offset)
        if speaker_end is not None:
            return self.credited_besides(index, (offset, speaker_end)) and not self.endorsed(index)
        return self.reported(index) and not self.endorsed(index)

    def endorsed(self, index: int) -> bool:
        """Does the writer approve of what sentence `index` reports, in it or in an adjacent
        sentence, with no sign of distance there (endorse.py)?"""
        found = self._endorsed.get(index)
        if found is None:
            found = False
            if self.sentences:
                near = [self._outside_quotes(*self.sentences[k])
                        for k in range(max(0, index - 1), min(len(self.sentences), index + 2))]
                found = (any(endorse.approves(t) for t in near)
                         and not any(endorse.distances(t) for t in near))
            self._endorsed[index] = found
        return found

    def writers_own(self, offset: int) -> bool:
        """Are the reported words at `offset` the writer's own after all: a quotation the
        writer says ('tôi nói thẳng: "…"'), or words the writer endorses?"""
        index = self.sentence_index(offset)
        quote = self.quote_of(offset)
        if quote is not None and self.sentences:
            s = self.sentences[index][0]
            if s <= quote[0] and endorse.writer_says(self._outside_quotes(s, quote[0])):
                return True
        return self.endorsed(index)

    def person_named(self, index: int) -> bool:
        """Does sentence `index` name a person: a Vietnamese full name (a surname and one to
        three capitalised syllables), or a kinship word or honorific before a capitalised
        given name ("chị Lan", "bé Na")?"""
        if not self.sentences:
            return False
        found = self._named.get(index)
        if found is None:  # asked once per candidate: a long sentence would be searched again each time
            s, e = self.sentences[index]
            found = _PERSON.search(self.text, s, e) is not None
            if not found and not _MARKED.search(self.text, s, e):
                found = _PERSON_PLAIN.search(self.text, s, e) is not None
            self._named[index] = found
        return found

    def opens_with_pronoun(self, index: int) -> bool:
        """Does sentence `index` open with a bare honorific or pronoun as its subject, a person
        named before ("Chị vừa …", "Anh ấy …", "Bà …"), not a name ("Chị Lan …")?"""
        if not self.sentences:
            return False
        s, e = self.sentences[index]
        # a bare honorific only before a predicate ("Chị vừa …", "Bà mắc …") or as "X ấy": a
        # compound ("Cụ thể", "Bác sĩ", "Bà con", "Chị em", "Co the") is no subject
        return _PRONOUN_SUBJECT.match(self.text, s, e) is not None

    def heading(self) -> bool:
        """Is the first sentence a headline: a short first line of its own, without a final
        period, with more text below ("Điện mừng …", "Thông cáo báo chí …")?"""
        s, e = self.sentences[0]
        line = self.text[s:e].strip()
        own_line = self.text[s:e].rstrip(" \t").endswith("\n") or self.text[e:e + 1] == "\n"
        return (len(self.sentences) > 1 and own_line and 0 < len(line) <= 160 and len(line.split()) <= 25
                and not line.endswith((".", "!", "?", "…", ":")))

    @functools.cached_property
    def _bracket_header_end(self) -> int:
        found = _BRACKET_HEADER.match(self.text)
        if not found or not _OFFICIAL_LABEL.search(found.group()):
            return 0
        return 0 if _HEADER_VOID.search(self.text, found.end()) else found.end()

    def bracket_header_end(self) -> int:
        """Where a bracketed label opening the draft and naming the Ministry or a mission ends
        ("[Fanpage Cục Lãnh sự - Bộ Ngoại giao] …"), or 0: the page the whole post stands on.
        Asked by every exemption's cover: read once per document."""
        return self._bracket_header_end

    def covered(self, offset: int) -> tuple[int, int]:
        """What an exemption at `offset` covers: its sentence, and every quotation that opens
        or closes in that sentence (a spokesperson's statement runs over several sentences)."""
        if not self.sentences:
            return (0, len(self.text))
        index = self.sentence_index(offset)
        if index == 0 and self.heading():
            return (0, len(self.text))  # a headline says what the whole text is
        if offset < self.bracket_header_end():
            return (0, len(self.text))  # so does a bracketed label that opens the post
        s, e = self.sentences[index]
        lo, hi = s, e
        k = max(bisect_right(self.quote_starts, s) - 1, 0)
        for qs, qe in self.quotes[k:]:
            if qs >= e:
                break
            if qe - qs >= 40 and (qs >= s or s < qe <= e):  # a statement, not a quoted word
                lo, hi = min(lo, qs), max(hi, qe)
        # the exemption itself inside a quotation covers the whole quotation
        quote = self.quote_of(offset)
        if quote is not None:
            lo, hi = min(lo, quote[0]), max(hi, quote[1])
        return (lo, hi)


# ---------------------------------------------------------------- person names
# A Vietnamese syllable: an onset, a vowel group, a coda (tone marks and all). Foreign words
# ("Donald", "Merkel", "Shinzo") are not, which tells a name in Vietnamese from one abroad.
_V = "aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_V}]{{1,3}}(?:ng|nh|ch|[cmnpt])?",
    re.IGNORECASE)
_SURNAMES = frozenset("""nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn
vương trịnh trương lâm mai cao đinh lưu tạ hà tô thái quách lương kiều châu doãn phùng chu hứa tăng
lại la triệu từ khúc mạc nghiêm thân tôn âu diệp giang kha lục mã ông phí quan tống văn""".split())
# words that head the name of a body or place, capitalised after a title ("Bộ trưởng Bộ …")
_BODY_HEADS = frozenset("""bộ vụ cục sở phòng ban viện ủy đại tổng trung hội tòa học trường công ngân
tập văn thành tỉnh quận huyện xã phường nhà đảng quốc liên chính ủy""".split())
# words that begin a field or department after a title ("Tham tán Thương mại", "Bộ trưởng Quốc phòng")
_FIELDS = frozenset("""thương quốc công kinh chính văn lãnh ngoại an hành tư kế tài hợp quản tổ thông báo
đối pháp hải nội kỹ khoa giáo y lao xây nông giao môi du chủ phó thứ tham""".split())
_HONORIFICS = frozenset("ông bà anh chị em cô chú bác cháu bé cậu dì thím mợ".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\S")


def _is_vn_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(word) is not None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def names_person_after(text: str, end: int, reach: int = 14) -> bool:
    """Does a person's name follow a title ending at `end`: "Bộ trưởng Nguyễn Văn A",
    "Bộ trưởng Bộ Nông nghiệp … Nguyễn Văn A", "Thủ tướng Tuấn", "Bộ trưởng Antoni M."?
    The title then names someone else, in the third person, as news does."""
    tokens = _TOKEN.findall(text[end:end + 160])[:reach]
    if not tokens:
        return False
    first = tokens[0]
    if _capitalised(first) and first.isalpha() and first.lower() not in _BODY_HEADS | _FIELDS:
        nxt = tokens[1] if len(tokens) > 1 else ""
        if first.lower() in _SURNAMES or not _is_vn_syllable(first) or not _capitalised(nxt):
            return True  # a name straight after the title
    # past the name of a body (capitalised or lower-case words, no punctuation), a name
    # that begins with a surname or is foreign
    for k, word in enumerate(tokens):
        if not word[:1].isalpha() and word not in ("&", "-"):
            return False
        if k and _capitalised(word) and k + 1 < len(tokens) and _capitalised(tokens[k + 1]):
            if word.lower() in _SURNAMES or not _is_vn_syllable(word):
                return word.lower() not in _BODY_HEADS
    return False


def inside_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end], one capitalised syllable, part of a longer proper name:
    a capitalised Vietnamese syllable right before it ("Tôn Đức Thắng", "Nguyễn Đức") that
    does not begin a sentence (or is an honorific: "Ông Đức"), or right after it ("Đức Thọ",
    "Mỹ Tâm")? "Tổng thống Mỹ Donald Trump" is not: "Donald" is no Vietnamese syllable."""
    word = text[start:end]
    if " " in word.strip() or not _capitalised(word):
        return False
    before = text[max(0, start - 30):start]
    m = re.search(r"([^\W\d_]+) $", before)
    if m:
        prev = m.group(1)
        sentence_start = re.search(r"(?:^|[.!?…:\n]\s*|[“\"(]\s*)$", before[:m.start()]) is not None
        if _capitalised(prev) and _is_vn_syllable(prev) and prev.lower() not in ("việt", "tây", "đông", "nam", "bắc") and (
                not sentence_start or prev.lower() in _HONORIFICS):
            return True
    m = re.match(r" ([^\W\d_]+)", text[end:end + 30])
    if m:
        nxt = m.group(1)
        if _capitalised(nxt) and _is_vn_syllable(nxt) and len(nxt) > 1 and nxt.lower() not in _BODY_HEADS:
            return True
    return False


_CAP = rf"[{_U}][^\W\d_]*"
# a sentence's subject given as a bare honorific or pronoun (register.opens_with_pronoun)
_PRONOUN_SUBJECT = re.compile(
    r"[\s“\"'(\-–]*(?i:chị|anh|cô|chú|bác|ông|bà|thầy|cụ|dì|cậu|mợ|thím|chi|co|chu|bac|ong|thay|nó|hắn)\s+"
    r"(?i:ấy|ay|vừa|mới|đang|bị|được|đã|mắc|sắp|cũng|vẫn|vua|moi|dang|bi|duoc|da|mac|sap|cung|van)(?![^\W\d_])|[\s“\"'(\-–]*(?i:em ấy|bạn ấy|em ay|ban ay)(?![^\W\d_])")
_PERSON = re.compile(
    r"(?<![^\W\d_])(?<!\d )(?<![Pp]hố )(?<![Đđ]ường )(?<![Qq]uận )(?<![Hh]uyện )(?!(?:Hà (?:Nội|Tĩnh|Giang|Nam|Đông)|Lâm Đồng|Cao Bằng|Hồ Chí Minh|Mai Châu|Phú Thọ|Lào Cai|Thái (?:Bình|Nguyên)|Quảng \w+|Văn phòng)(?![^\W\d_]))(?:(?i:" + "|".join(sorted(_SURNAMES)) + r")(?:\s+" + _CAP + r"){1,3}"
    r"|(?i:" + "|".join(sorted(_HONORIFICS | {"mẹ", "bố", "ba", "má", "vợ", "chồng", "con", "cu", "thằng", "con bé"})) + r")\s+" + _CAP + r")(?![^\W\d_])")
# typed without diacritics: "chi Lan", "co Hoa", "ong Tuan", the name in plain letters too; read
# only in a sentence written without marks (register.person_named), and not a province, island or
# place ("Bac Ninh", "Co To"), a branch ("Chi Nhanh") or an app ("co Zalo")
_PERSON_PLAIN = re.compile(
    r"(?<![^\W\d_])(?i:chi|co|chu|bac|ong|thay)\s+"
    r"(?!(?:Ninh|Giang|Kan|Lieu|Lieu|To|Loa|Se|Nhanh|Cuc|Zalo|Facebook|Fb|Wifi|Viber|Tiktok|Youtube|Google|Gmail|Iphone|Samsung)(?![a-z]))"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}(?![^\W\d_])")
_MARKED = re.compile(r"[à-ỹđÀ-ỸĐ]")


def in_title(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a word of a Title Case name or title ("Confidential Assignment",
    "Nhiệm Vụ Tối Mật"): written with a capital but not all in capitals (a stamp is), with a
    Title Case word right after it, or right before it where that word does not begin the
    sentence?"""
    word = text[start:end]
    if not _capitalised(word) or word.isupper():
        return False

    def title_case(w: str) -> bool:
        return len(w) > 1 and _capitalised(w) and not w.isupper()

    before = text[max(0, start - 40):start]
    at_start = re.search(r"(?:^|[.!?…:\n]\s*|[“\"(]\s*)$", before) is not None
    if at_start and not all(_capitalised(w) for w in word.split()):
        return False  # a capital that only begins the sentence ("Đảng đối lập Campuchia …")
    m = re.match(r"\s([^\W\d_]+)", text[end:end + 40])
    if m and title_case(m.group(1)):
        return True
    m = re.search(r"([^\W\d_]+)\s$", before)
    if m and title_case(m.group(1)):
        return re.search(r"(?:^|[.!?…:\n]\s*|[“\"(]\s*)$", before[:m.start()]) is None
    return False


_CLAUSE_LEAD = re.compile(
    r"(?:^|[.,;:!?…\n()“”\"'\-–—|])\s*(?:(?:tôi|mình|tớ|em|t|chúng tôi|chúng tớ|bọn mình|xin|được|cũng|nay|hôm nay|"
    r"toi|minh|i|we|và|nên|vậy|thì|xin phép|rất vui|vinh dự)\s+){0,4}$", re.IGNORECASE)


def leads_clause(text: str, start: int) -> bool:
    """Does the phrase at `start` open its clause, or follow only the writer's own pronoun
    ("Thay mặt Đại sứ quán, …", "tôi xin thay mặt …")? After a subject ("Chủ tịch X thay mặt
    …", "hiệp hội, đơn vị đại diện cho …") someone else is speaking for the body."""
    return _CLAUSE_LEAD.search(text[max(0, start - 80):start]) is not None
