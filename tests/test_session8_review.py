"""Eighth-session review probes that exercise the `voided_by` key: an `unless` (or a
`downgrade`) that does not hold where the sentence also says the misuse, and a `near`
rule's `exceptions` that count again where the sentence gives a verdict. Each rule's own
examples pin the spans; these tests pin the mechanism."""
from __future__ import annotations

import pytest

from postcheck import load_rulebook

RULEBOOK = load_rulebook()


def _rules(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for f in RULEBOOK.check_text(text):
        found.setdefault(f.rule, f.severity)
    return found


@pytest.mark.parametrize("text,rule,severity", [
    # unless voided: the published address named, a private errand all the same
    ("Bà con gửi hàng xách tay về địa chỉ Đại sứ quán ghi trong thông báo, mình nhận hộ.",
     "identity.official-contact", "error"),
    # unless voided: the stated rule about marked papers, asking for them to be sent
    ("Văn bản đóng dấu tối mật thì phải gửi ngay cho mình qua Zalo, ảnh chụp đây.", "classified.marks", "error"),
    # exceptions voided: the election held, with a verdict on it
    ("Mỹ tổ chức bầu cử giữa kỳ, phe Dân chủ đúng là lũ lừa đảo, gian lận trắng trợn.",
     "foreign.internal-affairs", "error"),
    # downgrade voided: "inbox hoặc gọi" then someone else addressed before the number
    ("Ai hỏi thì inbox hoặc gọi chị Hà 0987 123 456, chị ấy không biết mình đăng đâu.", "personal.phone", "warning"),
])
def test_voided_condition_reports(text, rule, severity):
    assert _rules(text).get(rule) == severity


@pytest.mark.parametrize("text,rule,severity", [
    ("Muốn đăng ký lớp tiếng Việt cho con thì liên hệ theo địa chỉ của Đại sứ quán có trên website nhé.",
     "identity.official-contact", None),
    ("Công văn đóng dấu mật thì phải vào sổ khi nhận, ai quên thì bổ sung giúp.", "classified.marks", None),
    ("Mỹ tổ chức bầu cử giữa kỳ vào tháng 11.", "foreign.internal-affairs", None),
    ("Ai cần mua thì inbox hoặc gọi 0987 123 456 nhé.", "personal.phone", "info"),
])
def test_condition_holds_without_the_voiding_words(text, rule, severity):
    assert _rules(text).get(rule) == severity
