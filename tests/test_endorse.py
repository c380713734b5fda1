"""Endorsed reported words (src/postcheck/endorse.py, register.Register.writers_own): words
reported from others count as the writer's own when the writer approves of them or passes
them on with approval, in the same or the adjacent sentence, or says them; a rebuttal, a
warning, plain narration or news register keeps them reported. Examples written for these
tests."""
from __future__ import annotations

import pytest

from postcheck import endorse, load_rulebook

FAMILY = {"4.1", "5.3", "5.4", "5.7"}

SLUR = 'Ông cậu tôi hay nói: "bọn người Hoa đứa nào cũng gian manh, buôn bán toàn lừa lọc".'
CALL = ("Một ông trong nhóm Việt kiều khẳng định chủ nhật này cả nước sẽ xuống đường biểu tình, "
        "chặn hết các ngả đường lớn.")


@pytest.fixture(scope="module")
def check():
    return load_rulebook().check_text


def counted(check, text):
    """(rule, matched text) of each family finding that counts (warning or error), no model."""
    return {(f.rule, f.match) for f in check(text)
            if f.clause in FAMILY and f.severity != "info" and f.mechanism != "classifier"}


def test_a_relatives_slur_quoted_and_agreed_with_flags_at_the_slur(check):
    found = counted(check, SLUR + " Cậu nói chuẩn quá, ai đọc được thì share giúp.")
    assert ("hate.group-generalisation", "người Hoa") in found


@pytest.mark.parametrize("after", [
    " Tôi nghe mà thấy buồn.",                       # told, no approval
    " Nói vậy là quá đáng, đừng ai nghe theo.",      # rebutted
    " Cậu nói chuẩn quá, nhưng đừng tin, chỉ là định kiến thôi.",  # approval taken back: distance wins
])
def test_a_quoted_slur_told_or_rebutted_stays_reported(check, after):
    assert not {r for r, _ in counted(check, SLUR + after) if r.startswith("hate.")}


def test_an_indirect_call_passed_on_with_a_call_to_act_flags(check):
    found = counted(check, CALL + " Chuẩn quá, ae nên đọc và làm theo.")
    assert ("incitement.gathering-call", "xuống đường") in found


@pytest.mark.parametrize("after", [" Bịa đặt hết, ae đừng tin.", " Không biết thật hư thế nào.",
                                   " Tối nay trời mưa to.", " Mọi người cảnh giác nhé."])
def test_an_indirect_call_rebutted_or_only_told_stays_reported(check, after):
    assert ("incitement.gathering-call", "xuống đường") not in counted(check, CALL + after)


def test_the_approval_reaches_one_sentence_only(check):
    text = CALL + " Tối nay trời mưa to. Hôm qua đi chợ mua rau. Chuẩn quá, ae nên đọc và làm theo."
    assert ("incitement.gathering-call", "xuống đường") not in counted(check, text)


def test_a_spokesperson_denying_a_rumour_stays_clean(check):
    text = ("Ông Lê Văn Hòa, người phát ngôn của ngân hàng, cho biết tin đồn phong tỏa tài khoản là hoàn toàn "
            "sai sự thật. Ông khẳng định khách hàng không cần rút tiền và mọi giao dịch vẫn diễn ra bình thường.")
    assert not counted(check, text)


def test_the_writers_own_quoted_words_are_theirs():
    assert endorse.writer_says("Sáng nay cãi nhau với khách, tôi nói thẳng vào mặt: ")
    assert endorse.writer_says("mình bực quá bảo nó ")
    # someone else speaks: heard, read, or the pronoun only owns the speaker ("ba mình")
    assert not endorse.writer_says("Tôi nghe anh ấy nói: ")
    assert not endorse.writer_says("Hồi nhỏ ba mình bảo: ")
    assert not endorse.writer_says("Đồng nghiệp tôi nhắn: ")


@pytest.mark.parametrize("text, approves", [
    ("Bác ấy nói chí phải.", True),
    ("Mình thấy có lý nên share lại.", True),
    ("Anh em ủng hộ họ đi.", True),
    ("Tôi hoàn toàn đồng ý.", True),
    ("Mình không thấy có lý chút nào.", False),
    ("Tôi chưa share lại cho ai.", False),
    ("Bạn mình share lại bài này.", False),
    ("Đọc xong tôi gửi bài đó vào nhóm đồng hương luôn.", True),   # the writer forwards it
    ("Cả trăm người vào chửi, mình cũng hùa theo.", True),          # the writer joins in
    ("Tôi gửi tiền cho mẹ rồi.", False),                              # a transfer, not a post
    ("Ông ấy nói rằng kinh tế đang khó khăn.", False),
])
def test_approval_is_the_writers_and_not_negated(text, approves):
    assert endorse.approves(text) is approves
