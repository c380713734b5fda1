"""Clause 5.2 said in hints (issue 14, eleventh round): seats and moves, red papers passed on,
our side's position told early, a case in hand confided. Each test pairs drafts that carry
every slot, in several wordings (marked, unmarked, teencode), with look-alikes that miss one
(announced, published, private, a club's or a school's). The texts are written for these tests.
"""
from __future__ import annotations

import pytest


def rules_52(check, text):
    return {f.rule for f in check(text) if f.clause == "5.2" and f.severity in ("error", "warning")}


# ---------------------------------------------------------------- a seat × settled above, not out

@pytest.mark.parametrize("text", [
    "Anh em trong nhà nói nhỏ: ghế Vụ phó bên Hợp tác sắp có người ngồi, bên trên chưa chốt nhưng gần như chắc là chị Ngân.",
    "e sắp nhận ghế mới ở Vụ r mn ơi, Vụ trưởng bảo giấy chưa ra nên chưa khao đc 😆",
    "ghe truong phong ben minh sap doi nguoi, tren chot roi chi con thu tuc, ae dung hoi nhe",
    "Tháng sau em về đơn vị mới rồi, quyết định còn nằm trên bàn Thứ trưởng, chưa dám nói ai ngoài mấy đứa thân.",
    "Sắp có biến ở phòng mình nha mọi người, sếp bị xuống, giấy tờ đang hoàn thiện.",
])
def test_a_seat_told_in_hints_before_it_is_out(check, text):
    assert "personnel.seat-hint" in rules_52(check, text)


@pytest.mark.parametrize("text", [
    "Mình chính thức về đơn vị mới từ hôm nay theo quyết định đã trao sáng nay, cảm ơn phòng cũ.",
    "Đội mình sắp có HLV mới, ban huấn luyện chốt rồi, chỉ còn thủ tục thôi.",
    "Cuối tuần leo lên thay bóng đèn ở hành lang, chuyện trong nhà thôi mà suýt ngã, cả nhà cẩn thận nhé.",
    "Mình nhận ghế mới ở công ty, sếp chốt rồi nhé, chỉ còn ký hợp đồng.",
    "Quán cà phê đầu ngõ có chủ mới, chốt rồi là giữ nguyên menu nhé mọi người.",
    # twelfth round: the same hints with no word of the service are someone else's seat
    "e sắp nhận ghế mới r mn ơi, giấy chưa ra nên chưa khao đc 😆",
    "Cuối tuần em về thay mẹ trông cửa hàng, đang chờ mẹ khám xong, chưa chốt ngày về nhé.",
    "Nghe đồn nhóm nhạc sắp thay trưởng nhóm, tin hot lắm, ai lên thay thì chưa chốt.",
])
def test_a_seat_announced_or_not_the_services_is_clean(check, text):
    assert "personnel.seat-hint" not in rules_52(check, text)


# ---------------------------------------------------------------- an internal paper × passed on

@pytest.mark.parametrize("text", [
    "Cầm văn bản đỏ trên tay mà run, nội dung về chuyến thăm sắp tới, mình chụp vội một tấm cho các bạn xem.",
    "Tài liệu chỉ được xem tại chỗ nhưng mình chép lại được mấy ý, gửi anh em tham khảo nhé.",
    "Van ban do ve doan cap cao, minh chup duoc 2 trang, ae xem roi xoa nha",
    "Tờ trình về biên chế sứ quán mình có bản đây, cả nhà đọc thôi đừng phát tán nhé.",
    "Dự thảo quyết định sáp nhập Vụ mình đây, mọi người đọc thôi đừng phát tán.",
])
def test_an_internal_paper_passed_on_to_readers(check, text):
    assert "classified.paper-passed-on" in rules_52(check, text)


@pytest.mark.parametrize("text", [
    "Công điện của Thủ tướng về phòng chống bão, mình chụp lại cho mọi người xem nhé.",
    "Tờ trình của Chính phủ về dự án luật đã gửi Quốc hội, mình tóm tắt mấy ý chính cho các bạn.",
    "Biên bản họp tổ dân phố tuần rồi đây, bà con đọc thôi nhé.",
    "Mình vừa chụp màn hình thông cáo báo chí Bộ đã công bố sáng nay, mọi người xem nhé.",
    "Ai cần mẫu tờ trình cho bài tập môn hành chính thì inbox mình nha.",
])
def test_a_public_or_private_paper_shared_is_clean(check, text):
    assert "classified.paper-passed-on" not in rules_52(check, text)


# ---------------------------------------------------------------- our position × not yet delivered

@pytest.mark.parametrize("text", [
    "Phương án trả lời phía bạn đang soạn, đại ý là từ chối đề nghị tăng hạn ngạch, mình kể trước nhé.",
    "ae oi, ta se tu choi de nghi cua ho, van ban chua gui di, giu kin nha",
    "Hồ sơ trọng tài chuẩn bị nộp rồi, mọi người có muốn biết lập luận của ta không?",
])
def test_our_position_told_before_it_is_delivered(check, text):
    assert "classified.position-told-early" in rules_52(check, text)


@pytest.mark.parametrize("text", [
    "Người phát ngôn cho biết ta sẽ từ chối tham gia, thông cáo báo chí đã công bố sáng nay.",
    "Chủ nhà chưa trả lời, mình định từ chối khéo nếu họ tăng tiền thuê.",
])
def test_a_position_announced_or_private_is_clean(check, text):
    assert "classified.position-told-early" not in rules_52(check, text)


# ---------------------------------------------------------------- a case in hand × confided

def test_a_case_in_hand_confided(check):
    text = "Vụ anh lái xe sứ quán bị khiếu nại, đơn khiếu nại đang xác minh, chuyện nội bộ thôi mà kể cho ae nghe."
    assert "internal.case-confided" in rules_52(check, text)


def test_ones_own_file_or_the_press_is_clean(check):
    assert "internal.case-confided" not in rules_52(
        check, "Hồ sơ xin quốc tịch của em đang xử lý, nói nhỏ thôi nhưng ai có kinh nghiệm chỉ em với.")
    assert "internal.case-confided" not in rules_52(
        check, "Theo báo Thanh Niên, vụ dẫn độ đang được hai bên xem xét, chưa có kết luận.")
