"""The voice of a comment: does a sentence speak like a social-media comment (mày/tao,
teencode, chat particles closing a clause, emoticons, no diacritics at all) rather than
like published prose? Used by tone.py's gates and the learned check."""
from __future__ import annotations

import re

from .lang.vi import fold


# words of informal address and chat spelling: each is rare in published prose (measured on
# 32,000 news sentences) and common in social-media comments
_INFORMAL_WORDS = frozenset("""
mày tao tau thằng bọn tụi con_mụ bọn_mày chúng_mày tụi_mày tụi_bay ổng bả
ko j dc đc thg ng vl vcl vkl vđ vãi_l cc cmm clm đcm dcm đm dmm đkm đéo đếch
ad ae cx bh mn mng nhìu iu wa ak lm ms kbt ib kg z r k vc cl dell lun ahihi haha hihi hic
con_mẹ bỏ_mẹ chết_mẹ thấy_mẹ im_mẹ moẹ con_quỷ mụ
""".split())
_INFORMAL_WORDS = frozenset(w.replace("_", " ") for w in _INFORMAL_WORDS)
_CODES = frozenset("""ko j dc đc thg ng vl vcl vkl vđ cc cmm clm đcm dcm đm dmm đkm ad ae cx bh mn mng iu wa ak lm ms
kbt ib kg z r k vc cl""".split())
_INFORMAL_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+")
                                                   for w in sorted(_INFORMAL_WORDS, key=len, reverse=True)) + r")(?!\w)")
# "lũ" of people (contempt), not the flood ("lũ lụt", "lũ quét", "mưa lũ")
_HERD = re.compile(r"(?i)(?<![\w])(?<!mưa )(?<!nước )(?<!cơn )(?<!đỉnh )(?<!mùa )(?<!trận )(?<!thoát )(?<!chống )"
                   r"(?<!phòng )lũ\s+(?!lụt|quét|ống|lớn|về|rút|dâng|đầu|tiểu|lịch|bùn|cuốn|trên|sông|dữ|năm|đã|đang|"
                   r"và|gây|khiến|làm|ở|tại|cao|kéo|xuống|lên|qua|thượng|hạ|tràn|đổ|đi|vừa|sẽ|có|kỷ|chính|sớm|muộn)\w")
# particles that close a clause in speech, not in prose
_CLOSING_PARTICLES = frozenset("à hả nhỉ ạ ơi hử hen nha nhé nhen hông ha".split())
_EMOTICON = re.compile(r"[:;=]\)+|[:;=]\(+|[:;]v\b|=\]+|:D\b|:P\b|<3|\^\^|[\U0001F300-\U0001FAFF\u2600-\u27BF]", re.I)
_TOKEN = re.compile(r"[^\W\d_]+", re.U)
_SHOUT = re.compile(r"[!?]{2,}")


def informal(text: str, weak: bool = True) -> bool:
    """Does the sentence speak like a comment (see _INFORMAL_WORDS), not like prose?
    `weak` also counts a sentence opening in lower case, which prose split at an
    abbreviation can do too: not used to judge a whole document."""
    if _EMOTICON.search(text) or _SHOUT.search(text):
        return True
    typed = _TOKEN.findall(text)
    if not typed:
        return False
    for m in _INFORMAL_RE.finditer(text.lower()):
        # chat codes count only typed in lower case ("Ng Eng Hen", "CC" are names and codes)
        if m.group() not in _CODES or text[m.start():m.end()] == m.group():
            return True
    if weak and typed[0][:1].islower() and text.lstrip()[:1].isalpha():
        return True  # prose opens a sentence with a capital; a quick comment often does not
    if re.search(r"(?i)(?<!\w)k{3,}|(?<!\w)(?:ha|hi|he){2,}(?!\w)", text):
        return True
    if _HERD.search(text):
        return True
    words = [w.lower() for w in typed]
    # a lower-case "m"/"t" as a word: teencode for mày/tao (not an initial "M." or "T.Hạnh")
    if re.search(r"(?<![\w.])(?<!\d )[mt](?![\w.])", text):
        return True
    if typed[-1] in _CLOSING_PARTICLES:
        return True
    # typed without any diacritics: Vietnamese prose always has them
    if len(words) >= 4 and fold(" ".join(words)) == " ".join(words) and _looks_vietnamese(words):
        return True
    return False


_COMMON_BARE = frozenset("khong nguoi la cua thi ma may tao nay do con thang di duoc roi nhu ngu chet bon".split())


def _looks_vietnamese(words: list[str]) -> bool:
    """Vietnamese typed without diacritics, not English or a code: two common bare words."""
    return sum(w in _COMMON_BARE for w in words) >= 2
