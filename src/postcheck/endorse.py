"""Endorsed words: reported content that the writer makes their own.

register.py decides that words are someone else's (a quotation, indirect speech, a credited
source) and rules about the writer's own judgement then stay quiet. Staff also pass such
words on WITH APPROVAL: "bác ấy nói chuẩn quá", "mình thấy có lý nên share lại", "ae nên
đọc và làm theo", "anh em ủng hộ họ đi". Spreading a rumour, a slur or an exile group's call
with approval is the writer's own act, so the words count as the writer's again.

Scope is bounded: the endorsement must sit in the reported sentence or an adjacent one, in
the writer's own words (outside quotations), and not be negated ("không thấy có lý"). Any
sign of distance in that window ("đừng tin", "tin giả", "bịa đặt", "không biết thật hư",
"cảnh giác", "hơi quá") keeps the words reported: forwarding to warn is not approval. The
markers are first-person or addressed to readers, which formal news prose does not use.

A second case: a quotation whose speaker is the writer ('tôi nói thẳng: "…"', 'mình bực
quá bảo nó "…"') is the writer's own words, however it is punctuated.
"""
from __future__ import annotations

import re

_ME = r"(?:tôi|mình|tao|tớ|tui|bọn\s+tao|chúng\s+tôi|tụi\s+mình|bọn\s+mình)"
_READERS = r"(?:ae|anh\s+em|mọi\s+người|mn|các\s+bạn|cả\s+nhà|bà\s+con|các\s+bác|cô\s+chú|ace)"
_SHARE = r"(?:share|chia\s+sẻ|chuyển\s+tiếp|forward|phổ\s+biến|lan\s+tỏa|lan\s+toả|đăng\s+lại|gửi\s+lại)"

# approval of what was said or posted, in the writer's voice (lower-cased original text)
_ENDORSE = re.compile(
    r"(?<!\w)(?:"
    r"nói\s+(?:quá\s+|rất\s+|cũng\s+|hoàn\s+toàn\s+|thật\s+)?(?:đúng|chuẩn|chí\s+phải|có\s+lý|phải|hay)(?!\s+(?:không|chưa|ko|k)\b)"
    r"|(?:thấy|thấy\s+cũng|cũng\s+thấy)\s+(?:rất\s+|quá\s+|khá\s+)?(?:có\s+lý|đúng|chuẩn|hay|chí\s+lý|hợp\s+lý)(?!\s+(?:không|chưa|ko|k)\b)"
    r"|(?:đúng|chuẩn|hay)\s+quá|quá\s+(?:đúng|chuẩn)|chuẩn\s+không\s+cần\s+chỉnh|chuẩn\s+(?:luôn|đét|cmnr|vãi)|đúng\s+luôn|còn\s+nhẹ|chí\s+lý|chí\s+phải|quá\s+có\s+lý"
    r"|(?:đọc|nghe)\s+(?:mà\s+|thấy\s+)?(?:sướng|hả\s+dạ|đã\s+quá|mát\s+lòng)"
    rf"|{_ME}\s+(?:hoàn\s+toàn\s+|rất\s+|cực\s+kỳ\s+|100%\s+|cũng\s+)?(?:đồng\s+ý|đồng\s+tình|tán\s+thành|ủng\s+hộ|nhất\s+trí)"
    rf"|{_READERS}\s+(?:nên\s+|hãy\s+|cùng\s+|mau\s+|nhớ\s+)*(?:đọc|làm\s+theo|ủng\s+hộ|{_SHARE}|góp\s+tiền|góp|donate|theo\s+dõi|đăng\s+ký)"
    r"|(?:hãy|nên)\s+làm\s+theo|làm\s+theo\s+(?:ngay|đi|nhé|nha)"
    rf"|{_SHARE}\s+(?:ngay|gấp|mạnh|liền|rộng\s+rãi)"
    rf"|{_SHARE}\s+(?:lại\s+)?cho\s+{_READERS}(?:\s+(?:cùng\s+)?biết)?"
    r")(?!\w)")
# a share, a retelling, or joining in by the writer: approval only with the writer as its subject
_ME_SHARES = re.compile(
    rf"(?<!\w){_ME}\s+(?:\w+\s+){{0,8}}?(?:{_SHARE}\s+lại|share|kể\s+lại\s+cho|nhắn\s+lại\s+cho|(?:chuyển|gửi)\s+(?:bài|tin|clip|link|video|ảnh|post)(?:\s+(?:đó|này|ấy|kia))?\s+(?:cho|vào|lên)|cũng\s+(?:góp|tham\s+gia|hưởng\s+ứng|hùa|vào\s+(?:chửi|comment|cmt|bình\s+luận))|dịch\s+(?:ra\s+|lại\s+)?(?:\w+\s+){{0,3}}?(?:để\s+|rồi\s+)?(?:đăng|{_SHARE}))(?!\w)")
_NEGATED_SHARE = re.compile(r"(?<!\w)(?:không|chẳng|chả|chưa|đừng|ko|k|định|sẽ|muốn)(?!\w)")
_NEGATION = re.compile(r"(?<!\w)(?:không|chẳng|chả|chưa|đâu\s+có|chứ\s+không|ko|k|hông|đừng)\s+(?:\w+\s+){0,2}$")

# distance from what is passed on: a warning, a denial, doubt, disapproval
_DISTANCE = re.compile(
    r"(?<!\w)(?:đừng\s+(?:có\s+)?(?:tin|nghe|share|chia\s+sẻ|lan\s+truyền|làm\s+theo)|không\s+nên\s+(?:tin|share|chia\s+sẻ)|"
    r"tin\s+giả|fake\s+news|tin\s+(?:đồn\s+)?thất\s+thiệt|bịa\s+đặt|bịa|xuyên\s+tạc|sai\s+sự\s+thật|thật\s+hư|"
    r"chưa\s+(?:được\s+|có\s+ai\s+)?(?:kiểm\s+chứng|xác\s+minh|xác\s+thực)|cảnh\s+giác|tỉnh\s+táo|lừa\s+đảo|"
    r"(?:không|chưa|chẳng)\s+(?:\w+\s+)?(?:share|chia\s+sẻ|chuyển|làm\s+theo|tin)|"
    r"hơi\s+quá|quá\s+đáng|quá\s+lời|vô\s+lý|nhảm|phản\s+cảm|không\s+(?:đồng\s+ý|đồng\s+tình)|phản\s+đối|"
    r"lên\s+án|báo\s+cáo\s+(?:lên|với|cho|vi\s+phạm)|report|tố\s+giác|phân\s+vân|không\s+hay|sai\s+trái|thấy\s+sợ|đáng\s+sợ|buồn\s+cười)(?!\w)")


def approves(own_text: str) -> bool:
    """Does the writer's own text (quotations blanked) approve of or pass on with approval
    what is reported nearby?"""
    low = own_text.lower()
    for m in _ENDORSE.finditer(low):
        if not _NEGATION.search(low[max(0, m.start() - 20):m.start()]):
            return True
    return any(not _NEGATED_SHARE.search(m.group()) and _subject(low, m.start()) for m in _ME_SHARES.finditer(low))


def distances(own_text: str) -> bool:
    """Does the writer's own text keep a distance from, warn about or rebut what is reported?"""
    return bool(_DISTANCE.search(own_text.lower()))


# the writer as the one who says the quotation: a first person, then no other person before
# a verb of saying that ends right before the quotation
_OTHER = (r"anh|chị|ông|bà|nó|họ|hắn|ảnh|chỉ|ổng|bả|cô|chú|bác|thằng|con|em|người\s+ta|ai|sếp|"
          r"mẹ|bố|ba|má|vợ|chồng|nghe|đọc|thấy|xem|kể")
_WRITER_SAYS = re.compile(
    rf"(?<!\w){_ME}\s+(?:(?!(?:{_OTHER})(?!\w))[^\W\d_]+[\s,]+){{0,12}}?"
    r"(?:nói|bảo|nhắn|nhắn\s+tin|viết|chửi|mắng|quát|hét|đáp|comment|cmt|bình\s+luận|trả\s+lời|rep|reply|gõ)"
    r"(?:\s+(?:thẳng|luôn|lại|thẳng\s+mặt|vào\s+mặt|với|nó|cho|tin|rằng|là|lên)){0,4}\s*[:,]?\s*$",
    re.IGNORECASE)


def writer_says(before: str) -> bool:
    """Is the text just before a quotation, in its sentence, the writer introducing their own
    words ("Hôm nay tôi nói thẳng:", "mình bực quá bảo nó")?"""
    text = before[-200:]
    return any(_subject(text, m.start()) for m in _WRITER_SAYS.finditer(text))


# "ba mình", "bạn tôi", "sếp tao": the pronoun is a possessor, someone else is the subject
_POSSESSED = frozenset("""ba bố mẹ má cha anh chị em vợ chồng con cháu bạn sếp nhà cô chú bác dì cậu ông bà
thằng đứa người đồng nghiệp hàng xóm lớp công ty nhóm đội phòng họ của""".split())


def _subject(text: str, at: int) -> bool:
    """Is the pronoun at `at` a subject, not a possessor after a noun ("ba mình bảo")?"""
    words = text[max(0, at - 30):at].split()
    return not words or words[-1].lower().strip(",.:;!?") not in _POSSESSED or words[-1][-1:] in ",.:;!?"
