"""Recall on unseen drafts (issue 14): violations written as meanings (slots), not phrasings.

Each test pairs drafts that carry every slot of a violation with look-alikes missing one slot.
The texts are written for these tests.
"""
from __future__ import annotations

import pytest


def clauses(check, text, severities=("error", "warning")):
    return {f.clause for f in check(text) if f.severity in severities}


# ---------------------------------------------------------------- typed without diacritics

def test_long_terms_typed_without_diacritics_are_not_refused_by_a_neighbouring_word(check):
    # "chua co quyet dinh dau": "dinh dau" folds to a dictionary word (đỉnh đầu), which must
    # not veto a four-syllable term that is there in full
    text = "anh Duc se sang lam Tong lanh su, chua co quyet dinh dau"
    assert "5.2" in clauses(check, text)
    assert "5.2" in clauses(check, "anh Đức sẽ sang làm Tổng lãnh sự, chưa có quyết định đâu")


# ---------------------------------------------------------------- 5.2: move × not yet official

@pytest.mark.parametrize("text", [
    "sếp mới của phòng mình là chị Vân nhé, chưa có qđ đâu nên đừng nói ra ngoài",
    "Cuối năm anh Khánh về làm Đại sứ ở Chile, tháng sau mới có quyết định chính thức.",
    "nghe phong thanh chi Thu se len thay anh Phong, chua co quyet dinh chinh thuc",
])
def test_a_personnel_move_told_before_the_decision(check, text):
    assert "5.2" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Sếp mới của phòng mình rất dễ thương, hôm nay mời cả phòng đi ăn trưa.",
    "Chúc mừng anh Tùng được bổ nhiệm làm Vụ trưởng theo quyết định công bố sáng nay.",
    "Câu lạc bộ vừa có huấn luyện viên mới, chưa công bố lương.",
])
def test_a_move_without_secrecy_or_published_is_clean(check, text):
    assert "5.2" not in clauses(check, text)


# ---------------------------------------------------------------- 5.2: inside the negotiation

def test_a_closed_session_relayed_by_someone_inside_is_a_leak(check):
    # the content is always someone else's words: reported speech does not clear it
    text = "Trong buổi họp hẹp hôm qua, trưởng đoàn nói là ta sẽ chấp nhận mức 7% nếu phía bạn nhượng bộ."
    assert "5.2" in clauses(check, text)


def test_a_closed_session_reported_by_the_press_is_clean(check):
    assert "5.2" not in clauses(check, "Hội đồng Bảo an đã họp kín về tình hình khu vực, theo hãng tin AFP.")


def test_bracketed_wording_inside_a_sentence_about_the_text(check):
    assert "5.2" in clauses(check, "Dự thảo vẫn còn cụm [cam kết không sử dụng vũ lực] chưa thống nhất.")
    # a related-article headline in brackets opening a line is no quoted wording
    assert "5.2" not in clauses(
        check, "Tin liên quan.  [Hai nước ký thỏa thuận về đàm phán thương mại] Sáng nay đoàn tới Hà Nội.")


# ---------------------------------------------------------------- 5.5: office × private ends

@pytest.mark.parametrize("text", [
    "Chủ nhà cứ hẹn lần hẹn lữa, tôi là cán bộ Bộ Ngoại giao, không trả lại tiền cọc thì đừng trách.",
    "Chồng mình làm Tham tán ở Đại sứ quán nên tour của công ty mình đảm bảo visa nhanh.",
    "Anh chị nào mua sách của mình thì sau này cần việc gì ở Đại sứ quán cứ tìm mình.",
])
def test_the_office_named_for_private_ends(check, text):
    assert "5.5" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Chồng mình làm Phó Vụ trưởng ở Bộ Ngoại giao, hay đi công tác nên mình ở nhà với hai con.",
    "Em gái mình mở shop quần áo, mọi người ủng hộ em nhé, hàng đẹp giá tốt.",
    "Tôi là cán bộ ngoại giao đã nghỉ hưu, giờ trồng rau nuôi gà ở quê.",
])
def test_the_office_or_the_business_alone_is_clean(check, text):
    assert "5.5" not in clauses(check, text)


# ---------------------------------------------------------------- 5.6: a heading does not clear a sale

def test_a_press_release_heading_does_not_clear_an_official_email_used_to_sell(check):
    text = "THÔNG CÁO BÁO CHÍ\n\nĐêm nhạc còn ít vé, ai cần mua vé thì mail mình: thu.le@mofa.gov.vn"
    assert "5.6" in clauses(check, text)
    press = "THÔNG CÁO BÁO CHÍ\n\nBộ Ngoại giao tổ chức họp báo ngày 12/5. Phóng viên đăng ký qua press@mofa.gov.vn."
    assert "5.6" not in clauses(check, press)


def test_a_mission_domain_is_known_by_its_shape(check):
    assert "5.6" in clauses(check, "Nhận order hàng xách tay, mail mình: lan.vo@vietnamembassy.org.au")
    assert "5.6" not in clauses(check, "Nhận order hàng xách tay, mail mình: lan.vo@gmail.com")


# ---------------------------------------------------------------- 5.1 and 4.3

def test_a_republished_work_without_author_or_source(check):
    assert "5.1" in clauses(check, "Bài hay quá nên mình đăng lại nguyên văn ở đây:\n\n\"Mùa thu Hà Nội…\"")
    assert "5.1" not in clauses(
        check, "Bài hay quá nên mình đăng lại nguyên văn ở đây (tác giả: Lê Minh, nguồn: báo Văn Nghệ).")


@pytest.mark.parametrize("text", [
    "Mã xác minh của page gửi về máy mình nè: 3 9 1 – 5 0 2, ai ở nhà đăng nhập giúp.",
    "ma khoi phuc hop thu chung: 1029 3847 / 5610 2938 / 4756 0192",
    "user admin01 – pwd: Qu@nTri!2025",
])
def test_codes_and_passwords_in_any_grouping(check, text):
    assert "4.3" in clauses(check, text)
