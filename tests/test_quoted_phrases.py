"""A message that quotes the draft quotes what the draft says: a reader searches the draft
for the quoted words, and two phrases glued into one quotation ("toàn lũ Thái Lan" from
"Thái Lan toàn lũ") are found nowhere."""
from __future__ import annotations

import re

import pytest

DRAFTS = [
    "Bọn chính phủ Thái Lan toàn lũ ngu, đảo chính liên miên.",  # the group before the word
    "Mấy hôm nay bọn Thái Lan lại làm ồn ào trên mạng.",
    "Cuộc bầu cử ở Venezuela năm nay gian lận trắng trợn.",
    # near rules whose two phrases stand a few words apart
    "Mình gửi công văn này, bí mật đấy nhé.",
    "Tôi xin nói với tư cách là Đại sứ rằng chuyện này không đúng.",
    "Mình thay mặt cho cả Bộ Ngoại giao cảm ơn mọi người đã ủng hộ.",
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("text", DRAFTS)
def test_every_quoted_phrase_is_in_the_draft(check, text, lang):
    findings = check(text, lang)
    assert findings
    for f in findings:
        for quoted in re.findall(r"“([^”]+)”", f.message):
            assert quoted in text, (f.rule, quoted, f.message)
