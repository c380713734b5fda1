"""Insults reported without quotation marks: someone else called someone a name.

"ông hàng xóm chửi con mình là đồ mất dạy, tức ghê", "có đứa trên mạng gọi người vùng lũ là
lũ ăn bám", "bị khách mắng là ngu, buồn cả ngày": a post tells of, and mostly deplores,
another person's insult. The words after "là" are named, as a quotation would name them
('bị gọi là "…"'): tone's own gate `reported_name` lowers them, set only on the insult,
profanity and contempt-label rules, and language.offensive-learned (`reported_names: true`)
scores the sentence without the report (checks/named_words.py). Defamation, threats, calls,
rumours, slurs and group hate told this way stay the writer's: no `mention` reaches them.
A name is a noun or adjective phrase (đồ, lũ, thằng …, ngu, hèn …); "là ăn cắp", "là liệu hồn",
"là xuống đường" are a claim, a threat, a call. Not a frame either: "mày" as the one insulted,
"mày bị chửi", "đáng bị", "đứa nào bị", the writer among the subjects ("tao với mấy đứa bạn",
"vợ chồng mình"), the consensus ("nhiều người", "cả xóm"); an endorsement in the sentence or
the one before or after ("là phải", "còn nhẹ", "chẳng oan", "đồng ý", "mình cũng gọi thế").

A naming frame, within one clause (no punctuation inside it):
- active: a third party (người ta, có đứa, ông X, hàng xóm, khách, họ, bọn nó …) as the
  subject, a verb of scolding or saying (chửi, mắng, gọi, bảo, nói, chê …), the one insulted,
  then "là" or "rằng" and the name;
- passive: "bị (ai) chửi/mắng/gọi/chê/nói là …" ("bị chửi ngu" too, for chửi/mắng/chê),
  the agent not the writer.
Not a frame: the writer as the subject or the agent ("mình chửi nó là …", "bị tao chửi là"),
no subject at all ("chửi nó là đồ ngu đi"), the consensus ("ai cũng gọi nó là …"), readers
urged ("mọi người cứ gọi nó là …"), an act named rather than a person ("người ta gọi thế là
ngu"). A frame the writer endorses ("…, chuẩn luôn", "gọi thế là đúng", "đáng đời") is the
writer's word again.
"""
from __future__ import annotations

import re

from . import endorse

_W = r"[^\W\d_]+"  # a word (letters only: a digit or a mark ends the clause)

# a verb of scolding or naming: what follows "là" is a name, however long
_NAMING_VERB = (r"chửi(?:\s+bới|\s+rủa)?|mắng(?:\s+chửi|\s+mỏ|\s+nhiếc)?|gọi(?!\s+(?:điện|món|xe|vốn|cửa|thấy))|chê|rủa|réo|"
                r"xỉ\s+vả|sỉ\s+nhục|nhục\s+mạ|miệt\s+thị|lăng\s+mạ|xúc\s+phạm|chế\s+giễu|khịa|cà\s+khịa")
# a verb of saying: after "là" a claim may follow as well as a name ("nói … là đầu tháng
# sau sẽ đổi tiền"), so only a short name that ends its clause is one
_SAYING_VERB = (r"bảo(?!\s+(?:vệ|hiểm|đảm|quản|tàng|lãnh|hành|trì|dưỡng|mật|an|toàn|hộ|lưu))|nói(?!\s+chuyện)|"
                r"kêu(?!\s+gọi)|phán(?!\s+(?:quyết|xét|đoán))|viết|comment|cmt|bình\s+luận(?!\s+viên)|nhắn(?:\s+tin)?")
_VERB = f"{_NAMING_VERB}|{_SAYING_VERB}"
_PASSIVE_VERB = _VERB
_SAYING = re.compile(rf"(?:{_SAYING_VERB})$", re.I)
_SAYING_NAME_WORDS = 3
# after a verb of saying, a "name" that opens with a tense, a modal or a verb is a claim
_CLAIM_OPENS = re.compile(r"\s*(?:sắp|sẽ|đã|đang|vừa|mới|bị|được|phải|không|chưa|chẳng|có|cần|nên|đi|về|hết|tăng|giảm)(?!\w)", re.I)
_MANNER = r"(?:\s+(?:thẳng\s+mặt|vào\s+mặt|ngay\s+trước\s+mặt|thẳng|luôn|lại|cả|công\s+khai))*"

# the frame up to "là"/"rằng"; the name follows (NAME_WORDS at most, to the clause's end)
_FRAME = re.compile(
    rf"(?<!\w)(?:"
    rf"(?P<passive>bị)(?P<agent>(?:\s+{_W}){{0,4}}?)\s+(?P<pverb>{_PASSIVE_VERB}){_MANNER}(?P<pla>\s+(?:là|rằng))?"
    rf"|(?P<verb>{_VERB}){_MANNER}(?:\s+rằng)?(?P<target>(?:\s+(?!(?:{_VERB})(?!\w)){_W}){{1,6}}?)\s+(?:là|rằng)"
    rf")(?=\s+{_W})", re.I)
_NAME_WORDS = 6
_NAME_REACH = 80  # characters read after "là" for the name's words
_WORD = re.compile(rf"\s+({_W})")
_BARE_NAME_WORDS = 3  # "bị chửi ngu" without "là": the name right after the verb
_BARE_PASSIVE = re.compile(r"(?:chửi|mắng)", re.I)

_ME = r"(?:tôi|tao|mình|tớ|tui|ta|bọn\s+tao|bọn\s+tôi|bọn\s+mình|tụi\s+tao|tụi\s+mình|chúng\s+tôi|chúng\s+tao|chúng\s+mình)"
# someone other than the writer, as a subject: a person, a group, an account
_THIRD = re.compile(
    r"(?<!\w)(?:người\s+ta|ai\s+đó|kẻ|đứa|thằng|mụ|gã|hắn|nó|họ|bọn|tụi|lũ|mấy|ông|bà|anh|chị|cô|chú|bác|cậu|dì|"
    r"thím|mợ|dượng|hàng\s+xóm|khách|sếp|người|dân\s+mạng|cư\s+dân\s+mạng|antifan|anti|fan|page|trang|"
    r"tài\s+khoản|nick|acc|admin|ad|thầy|giáo\s+viên|bạn|đồng\s+nghiệp|vợ|chồng|bố|mẹ|ba|má|cha|tài\s+xế|"
    r"shipper|bảo\s+vệ|nhân\s+viên|chủ|quản\s+lý|hội|nhóm|ảnh|ổng|bả|chỉ|ẻm|ả|tên|lão|con\s+mẹ|con\s+bé|"
    r"thằng\s+bé|cháu|em\s+ấy|cư\s+dân|netizen|hater|troll)(?!\w)", re.I)
# the writer as the subject: a first person, then at most three words that name no one else
_OTHER_HEAD = (r"(?:người|đứa|thằng|mụ|gã|hắn|nó|họ|bọn|tụi|ông|bà|anh|chị|cô|chú|bác|hàng|khách|sếp|bạn|"
               r"thấy|nghe|đọc|xem|kể|bị)(?!\w)")
_WRITER_RUN = re.compile(rf"{_ME}(?:\s+(?!{_OTHER_HEAD}){_W}){{0,3}}\s*$", re.I)
_WRITER_EM = re.compile(rf"^\s*em(?:\s+(?!{_OTHER_HEAD}){_W}){{0,2}}\s*$", re.I)
_ME_WORD = re.compile(rf"(?<!\w){_ME}(?!\w)", re.I)
_WRITER_AGENT = re.compile(rf"(?<!\w){_ME}(?!\w)|^\s*em\s*$", re.I)
# consensus, a question or readers urged: not a report of one person's insult
_NOT_A_REPORT = re.compile(r"(?<!\w)(?:ai\s+cũng|ai\s+chẳng|ai\s+mà\s+chẳng|ai\s+mà\s+không|ai\s+cũng\s+phải|"
                           r"mọi\s+người|các\s+bạn|anh\s+em|ae|cả\s+nhà|bà\s+con|chúng\s+ta|hãy|cùng\s+nhau|"
                           r"(?:người|đứa|ai|thằng|con)\s+nào\s+cũng|nhiều\s+người|bao\s+nhiêu\s+người|người\s+người|ai\s+ai|"
                           r"cả\s+(?:lớp|phòng|xóm|nước|làng|trường|công\s+ty|cơ\s+quan|khu|họ|tổ)|thiên\s+hạ)(?!\w)", re.I)
# the writer among the subjects: "tao với mấy đứa bạn", "em với mấy chị", "vợ chồng mình", "hội mình"
_WRITER_AMONG = re.compile(
    r"(?<!\w)(?:tôi|tao|mình|tớ|tui|em|bọn\s+tao|bọn\s+mình|tụi\s+mình|tụi\s+tao)\s+(?:với|và|cùng|vs)(?!\w)|"
    r"(?<!\w)(?:vợ\s+chồng|hội|nhóm|nhà|cả\s+nhà|gia\s+đình|anh\s+em|chị\s+em|bạn\s+bè|team|bọn|tụi|mấy\s+đứa)\s+(?:mình|tao|tôi|tớ|tui)(?!\w)|"
    r"(?<!\w)(?:tôi|tao|mình|tớ|tui|em)\s+cùng(?!\w)", re.I)
# what is named is an act or a thing ("gọi thế là ngu", "gọi cái đó là …"), not a person
_DEMONSTRATIVE = re.compile(r"^\s*(?:(?:cái|việc|kiểu|hành\s+động|chuyện)\s+)?(?:đó|đấy|thế|vậy|này|ấy|kia|như\s+thế|như\s+vậy|"
                            r"thế\s+này|vậy\s+đó)\s*$|^\s*(?:thật|thực|chung|thẳng\s+ra|trắng\s+ra|tóm\s+lại|thật\s+lòng)\s*$", re.I)
# words that make "là" a copula of another clause, not the name's: "… thì đúng là lũ …",
# "bình luận viên đài kia chính là …", "gọi thấy tổng đài là tin liền"
_NOT_A_TARGET = re.compile(r"(?<!\w)(?:thì|mà|đúng|chính|thật|quả|hẳn|tức|nghĩa|thấy|được|xong|cũng|vẫn|sẽ|đã|đang)(?!\w)", re.I)
# the writer approves of the insult: a clause opening with a verdict, or the verdict after
# "thế/vậy là", "gọi/chửi … là"; not negated
_APPROVE = re.compile(
    r"(?:^|[,.;:!?…\-–—(]\s*|(?<!\w)(?:thế|vậy|là|thì|quá|nói|gọi|chửi|mắng|công\s+nhận|cũng|mới|vẫn|hoàn\s+toàn)\s+)"
    r"(?:(?:quá\s+)?(?:chuẩn|đúng)(?=\s*(?:$|[,.;!?…]|(?:rồi|luôn|quá|thật|vậy|thế|lắm|mà|đấy|đó|chứ|ghê|vãi|không\s+cần\s+chỉnh)(?!\w)))|chính\s+xác|không\s+sai|chẳng\s+sai|chả\s+sai|cấm\s+sai|"
    r"có\s+sai\s+đâu|sai\s+đâu|đáng\s+đời|đáng\s+lắm|đáng\s+bị|xứng\s+đáng|chí\s+phải|chí\s+lý|hợp\s+lý|"
    r"nói\s+trúng|trúng\s+phóc|công\s+nhận|thật\s+chứ|đồng\s+ý|đồng\s+tình|\+1)(?!\w)", re.I)
# the writer takes the name up after it: generalises further or tells readers to shun them
# ("…, chẳng đứa nào tin được, cứ tránh xa")
_TAKES_UP = re.compile(r"(?<!\w)(?:chẳng|không)\s+(?:đứa|thằng|người|ai)\s+nào|(?:đứa|thằng|con)\s+nào\s+cũng|toàn\s+(?:lũ|bọn|một\s+lũ)|"
                       r"tránh\s+xa|né\s+ra|cạch\s+mặt|đừng\s+(?:chơi|giao\s+du|dây\s+dưa|làm\s+ăn)\s+với", re.I)
# a word that opens the next clause ("… là đồ ăn hại là đúng", "… là ngu mà còn cãi")
_NAME_ENDS = re.compile(r"(?:là|mà|nhưng|thì|vì|nên|chứ|còn|khi|để|do|tại|nghe|làm|rồi|cũng|mới|vẫn|"
                        r"mày|mi|tao|cút|biến|cho|đáng|xứng|chẳng|chả|không|đúng|chuẩn)$", re.I)
# a name is a noun or adjective phrase: it opens with a head of abuse (đồ, lũ, thằng …) or is an
# insulting adjective; anything else after "là" (ăn cắp, tham nhũng, liệu hồn, xuống đường) is a
# claim, a threat or a call, the writer's to answer for
_NAME_OPENS = re.compile(
    r"(?:(?:một|cái|mấy|cả)\s+)?(?:đồ|lũ|bọn|tụi|thằng|con|loại|quân|kẻ|tên|mụ|lão|gã|thứ|giống|phường|đứa)(?!\w)"
    r"|(?:ngu|ngốc|đần|dốt|hèn|khùng|điên|hâm|dở\s+hơi|vô\s+học|mất\s+dạy|vô\s+dụng|ăn\s+hại|ăn\s+bám|lười(?:\s+biếng)?|"
    r"nhà\s+quê|quê\s+mùa|béo|xấu|óc\s+chó|vô\s+văn\s+hóa|vô\s+văn\s+hoá|láo|hỗn|mất\s+nết|bẩn|vô\s+tích\s+sự|"
    r"bất\s+tài|hãm|ngáo|khờ|chậm\s+hiểu|đểu|rác\s+rưởi|vô\s+duyên|hư|ngớ\s+ngẩn)(?!\w)", re.I)
# words a name never holds: the second person or the writer (the writer's own jab), a call
# or an urging (ngay, đi, liệu hồn), a verb of harm or of protest
_NOT_IN_NAME = re.compile(r"(?<!\w)(?:mày|mi|tao|ngay(?!\s+(?:giữa|trước|trong|tại|cả|từ|sau|lúc|khi|ở|cạnh|bên|trên|dưới|hôm|chỗ))|đi|liệu|coi\s+chừng|xuống\s+đường|biểu\s+tình|giết|đánh|chém|đâm|"
                          r"đốt|đập|xử|cút|biến|ăn\s+cắp|tham\s+nhũng|hối\s+lộ|lừa\s+đảo|ăn\s+trộm|đáng\s+bị)(?!\w)", re.I)
# the one insulted is "mày": the writer addresses them, the report is the writer's jab
_YOU = re.compile(r"(?<!\w)(?:mày|mi|bọn\s+mày|tụi\s+mày|chúng\s+mày|lũ\s+mày|chúng\s+mi)(?!\w)", re.I)
# before a passive "bị": the second person, "đáng bị", "đứa nào bị", "cứ để … bị": the writer's
# wish or verdict, not a report
_PASSIVE_NOT = re.compile(r"(?<!\w)(?:mày|mi|đáng|xứng\s+đáng|nào|cứ\s+để|để\s+cho|cho)\s*(?:\w+\s+){0,2}$|"
                          r"(?<!\w)(?:mày|mi)(?!\w)", re.I)
_CLAUSE_END = re.compile(r"[,.;:!?…()\[\]\"“”'‘’\n–—]")


def _subject(before: str) -> int | None:
    """Where the third party opens who is the subject of an active verb, or None when the
    clause is not a report of someone else's words: the writer the subject or among the
    subjects, the consensus, a call to readers?"""
    if _NOT_A_REPORT.search(before) or _WRITER_AMONG.search(before):
        return None
    for m in _ME_WORD.finditer(before):
        if _WRITER_RUN.match(before, m.start()) and endorse._subject(before, m.start()):
            return None
    if _WRITER_EM.match(before):
        return None
    # the last run of third-party words before the verb ("lão hàng xóm"): the writer's words
    # before it ("mẹ nó dạy con kiểu gì mà nghe nói …") are not the report's
    at = end = None
    for third in _THIRD.finditer(before):
        if end is None or before[end:third.start()].strip():
            at = third.start()
        end = third.end()
    return at


_SUBJECT_REACH = 80  # how far back a clause's subject is read (a long run without marks stays linear)
_APPROVAL_REACH = 160  # how far before and after a name its endorsement is read


def _clause_start(text: str, at: int) -> int:
    k, stop = at, max(0, at - _SUBJECT_REACH)
    while k > stop and not _CLAUSE_END.match(text[k - 1]):
        k -= 1
    return k


def name_spans(sentence: str) -> list[tuple[int, int, int, int]]:
    """(start of the clause, start of the one insulted, start of the name, end of the name)
    in `sentence` of each name that a naming frame reports as someone else's insult, before
    any endorsement is weighed. A rule that reports the one insulted (a group named beside its
    insult) is lowered with the name; the learned rule scores the sentence without the whole
    report (who said it, to whom, the name: "chửi" and "bị mắng" read as abuse to it)."""
    found = []
    for m in _FRAME.finditer(sentence):
        head = m.start()
        if m.group("passive"):
            agent = m.group("agent") or ""
            if _WRITER_AGENT.search(agent) or _NOT_A_REPORT.search(agent) or _WRITER_AMONG.search(agent):
                continue
            lead = sentence[_clause_start(sentence, head):head]
            if _PASSIVE_NOT.search(lead) or _NOT_A_REPORT.search(lead):
                continue  # "mày bị chửi là …", "đáng bị chửi", "đứa nào bị gọi là …": the writer's
            if not m.group("pla") and not _BARE_PASSIVE.match(m.group("pverb")):
                continue
            claim = bool(_SAYING.match(m.group("pverb")))
            limit = _BARE_NAME_WORDS if not m.group("pla") or claim else _NAME_WORDS
            insulted = m.start("pverb")
            cut = head  # the writer's words before "bị" stay
        else:
            target = m.group("target")
            if _DEMONSTRATIVE.match(target) or _CLAUSE_END.search(target) or _NOT_A_TARGET.search(target):
                continue
            if _YOU.search(target):
                continue  # "người ta chửi mày là …": the writer's jab at the reader
            clause = _clause_start(sentence, head)
            third = _subject(sentence[clause:head])
            if third is None:
                continue
            cut = clause + third  # from the third party who said it, not the clause's start
            claim = bool(_SAYING.match(m.group("verb")))
            limit = _SAYING_NAME_WORDS if claim else _NAME_WORDS
            insulted = m.start("target") + len(target) - len(target.lstrip())
        s = m.end()
        e = last = s
        words = list(_WORD.finditer(sentence, s, s + _NAME_REACH))
        for k, w in enumerate(words[:limit + 1]):
            if w.start() != last or _NAME_ENDS.match(w.group(1)):
                break  # a mark, or a word that opens another clause, ends the name
            if k == limit:
                e = s if claim else e  # after a verb of saying, a longer name is a claim
                break
            e = last = w.end()
        if e > s and claim and _CLAIM_OPENS.match(sentence, s):
            continue  # "bảo ngân hàng ấy là sắp phá sản": a claim passed on, not a name
        ns = s + len(sentence[s:e]) - len(sentence[s:e].lstrip())
        reach = min(len(sentence), s + _NAME_REACH)
        end = _CLAUSE_END.search(sentence, e, reach)
        if e <= s or not _NAME_OPENS.match(sentence, ns) or _NOT_IN_NAME.search(sentence, ns, end.start() if end else reach):
            continue  # "là ăn cắp", "là liệu hồn", "là đồ ngu mày cút đi": a claim, a threat, the writer's words
        found.append((cut, insulted, ns, e))
    return found


# a verdict read anywhere near the name, in its sentence or the one before or after, not
# negated: "là phải", "là xứng", "còn nhẹ", "chẳng oan", "cũng phải thôi", "đúng người đúng
# tội", "đồng ý", "mà/rất/cũng đúng", "chuẩn …", "mình cũng gọi thế", "cho chừa", "đáng bị",
# "thì tự hiểu"
_VERDICT = re.compile(
    r"(?<!\w)(?:(?:là|thì)\s+(?:phải|xứng|đáng)|xứng\s+(?:lắm|rồi|quá)|(?:chẳng|chả|không|đâu\s+có)\s+oan|oan\s+gì|còn\s+nhẹ|"
    r"cũng\s+phải\s+thôi|đúng\s+người\s+đúng\s+tội|đồng\s+ý|đồng\s+tình|(?:mà|rất|cũng|quá|thật|hoàn\s+toàn)\s+đúng|"
    r"đúng\s+(?:thế|vậy)(?:\s+thật)?|(?<!tiêu\s)chuẩn(?!\s+(?:bị|mực|hóa|hoá|xác|y|quốc))|"
    r"(?:tôi|tao|mình|tớ|tui|em)\s+cũng\s+(?:gọi|chửi|nghĩ|thấy|bảo|mắng)(?:\s+\w+){0,3}?\s+(?:thế|vậy|như\s+thế|như\s+vậy|y\s+vậy)|"
    r"cho\s+(?:nó\s+|chúng\s+nó\s+|bọn\s+nó\s+)?chừa|không\s+có\s+lửa|có\s+lửa\s+mới\s+có\s+khói|đáng\s+bị|tự\s+hiểu)(?!\w)", re.I)
_VERDICT_NEGATED = re.compile(r"(?<!\w)(?:không|chẳng|chả|chưa|ko|k|đâu\s+có)\s+(?:\w+\s+)?$", re.I)


def endorsed(sentence: str, name: tuple[int, int], after: str, before: str = "") -> bool:
    """Does the writer approve of the reported name, in the rest of its sentence, in the
    sentence after (`after`) or in the one before (`before`)?"""
    near = (before[-_APPROVAL_REACH:] + " . " + sentence[max(0, name[0] - _APPROVAL_REACH):name[1] + _APPROVAL_REACH]
            + " . " + after[:_APPROVAL_REACH])
    for m in _VERDICT.finditer(near):
        if not _VERDICT_NEGATED.search(near[max(0, m.start() - 20):m.start()]):
            return True
    start = _clause_start(sentence, name[0])
    rest = (sentence[max(0, start - _APPROVAL_REACH):start] + " , " + sentence[name[1]:name[1] + _APPROVAL_REACH]
            + " . " + after[:_APPROVAL_REACH])
    if _TAKES_UP.search(sentence[name[1]:name[1] + _APPROVAL_REACH] + " " + after[:_APPROVAL_REACH]):
        return True
    for m in _APPROVE.finditer(rest):
        if not re.search(r"(?<!\w)(?:không|chẳng|chả|chưa|ko|k|đâu\s+có)\s+(?:\w+\s+)?$", rest[max(0, m.start() - 20):m.start() + 1]):
            return True
    return endorse.approves(rest) and not endorse.distances(rest)
