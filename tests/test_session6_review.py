"""Look-alikes and hits a review of the sixth session's rule changes found (own wording):
each guard or slot must stay as narrow as its mechanism."""
import pytest

from postcheck import load_rulebook

BOOK = load_rulebook()


def flagged(text: str) -> set[str]:
    return {f.rule for f in BOOK.check_text(text) if f.severity in ("error", "warning")}


@pytest.mark.parametrize("text, rule", [
    # naming the Ministry is not crediting it: the writer's verdict stays reported
    ("Ông ấy đắc cử tổng thống Mỹ nhờ gian lận, bộ ngoại giao việt nam chắc chẳng nói gì.", "foreign.internal-affairs"),
    # "như mọi lần" (as every time) is no setting-aside of the office
    ("Chị làm ở Đại sứ quán, hồ sơ của bạn em chị cho lên trước, như mọi lần thôi.", "office.claim-for-favour"),
])
def test_still_reported(text, rule):
    assert rule in flagged(text)


@pytest.mark.parametrize("text, rule", [
    ("Mã chương trình id 079203004567 hết hạn rồi, không dùng được nữa.", "personal.id-number"),
    ("Mình vừa share bài hướng dẫn thoát hiểm cho cả nhóm, nhớ đọc kỹ phần khí độc khi cháy.", "rumour.writer-spread"),
    ("Mình đăng lên nhóm bài báo về vụ buôn lậu gỗ, báo tỉnh đưa tin hôm qua.", "rumour.writer-spread"),
    ("Mình đăng ảnh con đi học lên Facebook, cả nhà khen. Nghe nói ông hàng xóm vừa bị bắt vì đánh bạc.",
     "rumour.writer-spread"),
    ("Cả nhà mình cùng tắt điện một tiếng hưởng ứng Giờ Trái Đất, mọi người cùng tham gia nhé.", "incitement.writer-call"),
    ("Mọi người nhớ đỗ xe gọn vào lề, đừng đỗ xe kín lối đi nhé.", "incitement.mass-disruption"),
    ("Con đèo nhìn từ trên cao như con rắn uốn lượn.", "language.vile-likeness"),
    ("Mạng hôm nay chậm như rùa bò, tải mãi không xong.", "language.vile-likeness"),
])
def test_look_alike_stays_clean(text, rule):
    assert rule not in flagged(text)


def test_own_passport_beside_anothers_keeps_hers_reported():
    text = "Số hộ chiếu của anh Tuấn là C7654321, còn hộ chiếu của chính mình thì để ở nhà."
    assert any(f.rule == "personal.passport" and f.severity == "error" for f in BOOK.check_text(text))


def test_a_position_quoted_from_a_notice_is_not_the_writers():
    text = "Ý kiến của Đại sứ quán là bà con nên gia hạn hộ chiếu sớm, theo thông báo trên cổng thông tin."
    assert "title.ministry-stance" not in flagged(text)
