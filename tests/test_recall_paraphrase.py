"""Recall by class of wording (issue 14, second round): each class of violation written many
ways, with and without diacritics, next to look-alikes that share its words but not its
meaning. The texts are written for these tests.
"""
from __future__ import annotations

import subprocess
import sys

import pytest


def clauses(check, text, severities=("error", "warning")):
    return {f.clause for f in check(text) if f.severity in severities}


def rules(check, text, severities=("error", "warning")):
    return {f.rule for f in check(text) if f.severity in severities}


# ---------------------------------------------------------------- 5.3: a claim passed on

@pytest.mark.parametrize("text", [
    "Nghe đồn bên xuất nhập cảnh sắp thu thêm phí ngầm, share cho mọi người biết nhé.",
    "Người làm bên đó kể là cả phòng chia tiền phí hồ sơ. Chuyển tiếp cho bà con cùng biết!",
    "Sự thật là quỹ từ thiện của hội đã bị ém tin. Mọi người truyền tay nhau đọc trước khi bị gỡ.",
    "Ông chánh văn phòng đi nghỉ dưỡng bằng tiền công quỹ, phải cho dư luận biết chuyện này.",
    "Lãnh đạo bộ toàn ngồi mát ăn bát vàng, like share cho các ông ấy đọc.",
    "nghe bao ben do lam visa toan an tien, chia se rong rai giup minh",
    "tin nong: nguon tin noi bo noi so lieu da bi giau nhem, share di moi nguoi",
    "Chắc chắn 100% là thật, người trong cuộc kể hết rồi. Đăng lại cho mọi người cùng biết.",
])
def test_a_call_to_spread_a_rumour_or_an_accusation_is_5_3(check, text):
    assert "5.3" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Thư viện tỉnh mở cửa miễn phí cuối tuần, share cho mọi người biết nhé.",
    "Cảnh báo lừa đảo: có kẻ giả danh cán bộ đại sứ quán gọi điện xin tiền, chia sẻ cho bà con biết.",
    "Nghe đồn quán bún chả mới mở ở đầu phố ngon lắm.",
    "Bài phân tích về phòng chống tham nhũng rất sâu sắc, mọi người chia sẻ nhé.",
    "Đây là tin giả, Bộ đã bác bỏ, đừng ai chuyển tiếp cho bà con.",
    "Chị Mai nói: “Ai đồn là trường sắp đóng cửa thì đó là tin sai sự thật, đừng share.”",
])
def test_a_call_to_share_news_or_a_warning_is_not(check, text):
    assert "5.3" not in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Chiều mai ai rảnh thì ra cổng ủy ban phản đối, mang loa đi cho to.",
    "Tối nay tất cả đến chặn cổng công ty, không trả lương thì không về!",
    "Thứ bảy này tất cả mọi người ra đứng chắn cửa cửa hàng đó để phản đối nhé.",
    "ai ranh thi keo ra dau ngo chan duong, lam cho ra le voi ong to truong",
])
def test_a_call_to_turn_up_and_block_is_5_3(check, text):
    assert "5.3" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Chiều mai ai rảnh thì ra công viên đá bóng với bọn mình nhé.",
    "Tất cả mọi người tập trung ở sảnh lúc 8 giờ để chụp ảnh tập thể.",
    "Xe tải đỗ chắn cửa hàng cả buổi sáng, phiền quá.",
])
def test_an_invitation_to_meet_is_not(check, text):
    assert "5.3" not in clauses(check, text)


# ---------------------------------------------------------------- 5.4: threats, groups, sites

@pytest.mark.parametrize("text", [
    "Mày cứ nói nữa đi, tao biết mày làm ở đâu rồi đấy.",
    "Đứa nào còn dám bêu xếu mẹ tao thì chuẩn bị tinh thần ăn đòn.",
    "Tối nay anh em qua dằn mặt nó một trận cho chừa.",
    "Đừng để tao phải đến tận nơi, lúc đó thì muộn rồi.",
    "tao biet nha may o dau, cu doi day",
    "Thằng nào còn dám chê đội mình thì coi chừng cái mạng.",
])
def test_intimidation_is_5_4(check, text):
    assert "5.4" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Mình biết chỗ làm của bạn ấy rồi, mai qua đưa quà sinh nhật.",
    "Hồi bé trốn học đi đá bóng, về nhà bị bố cho ăn một trận đòn nhớ đời.",
    "Đội khách dằn mặt chủ nhà bằng bàn thắng sớm ở phút thứ ba.",
    "Giao hàng tận nơi, thanh toán khi nhận.",
])
def test_look_alikes_of_intimidation_are_not(check, text):
    assert "5.4" not in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Bọn dân tộc trên bản thì biết gì mà đòi làm du lịch.",
    "Mấy thằng theo đạo ở xóm dưới toàn lũ cuồng tín.",
    "Hàng xóm người Ấn hôi như cú, ngửi mà phát mệt.",
    "Dân tộc gì mà bẩn thỉu, vô văn hóa thế không biết.",
    "Đúng là cái dân tộc kém phát triển, dạy mãi không khá.",
])
def test_contempt_for_a_people_or_believers_is_5_4(check, text):
    assert "5.4" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Đồng bào dân tộc trên bản rất mến khách, mùa này lúa chín vàng.",
    "Gia đình bạn ấy theo đạo Phật, ngày rằm ăn chay.",
    "Đề án hỗ trợ các nước kém phát triển được Liên hợp quốc thông qua.",
])
def test_neutral_mentions_of_a_people_or_faith_are_not(check, text):
    assert "5.4" not in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Vào viettan.org đọc bài này đi, viết thẳng thắn lắm.",
    "Kênh của Việt Tân vừa đăng clip hay, mọi người theo dõi nhé.",
    "doc bai cua viet tan ve bien dong di, ho noi dung day",
])
def test_pointing_to_a_designated_organisation_is_5_4(check, text):
    assert "5.4" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Việt Tân đã bị Bộ Công an xác định là tổ chức khủng bố.",
    "Cảnh giác với các luận điệu xuyên tạc của Việt Tân trên mạng.",
])
def test_reporting_the_designation_is_not(check, text):
    assert "5.4" not in clauses(check, text)


def test_graft_pinned_on_another_states_politicians_is_not_defamation(check):
    assert "hate.defamation" not in rules(check, "Ở nước đó mấy ông nghị sĩ nhận hối lộ công khai, chán thật.")
    assert "hate.defamation" in rules(check, "Ông trưởng phòng nhận hối lộ của nhà thầu, ai cũng biết.")


# ---------------------------------------------------------------- 5.5: the office behind a claim

@pytest.mark.parametrize("text", [
    "Bộ mình cho rằng luật đó của nước láng giềng vi phạm luật quốc tế, ai cãi là không hiểu.",
    "Cơ quan tôi không bao giờ đồng ý với bài báo đó, sẽ yêu cầu họ gỡ.",
    "Đại sứ quán mình kiên quyết phản đối cách họ đưa tin.",
    "phia ta da xac dinh ro khong nhuong bo diem nao, moi nguoi khoi doan",
    "Tôi ngồi đúng ghế phụ trách mảng này, tôi nói để mọi người khỏi cãi: không có chuyện trục xuất ngư dân.",
    "Là người trực tiếp xử lý vụ việc ở sứ quán, tôi xác nhận anh ấy đã được thả, bà con yên tâm.",
    "Mình là cán bộ Vụ Lãnh sự, mình nói cho mà biết: visa sẽ không bị cắt đâu.",
    "Em đang ở Vụ Tổ chức Cán bộ, cứ nói là người nhà của em, em nói một câu là xong.",
])
def test_the_office_behind_a_personal_claim_is_5_5(check, text):
    assert "5.5" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Cơ quan mình tổ chức hiến máu nhân đạo sáng thứ bảy, mọi người tham gia nhé.",
    "Mình cho rằng phim này hơi dài nhưng đáng xem.",
    "Chị Hằng là người phụ trách hậu cần, mọi người yên tâm nhé.",
    "Bộ mình cho rằng cần đẩy mạnh ngoại giao kinh tế. Đây là quan điểm cá nhân, không đại diện cho cơ quan.",
    "Người phát ngôn cho biết Bộ chúng tôi phản đối mọi hành động làm phức tạp tình hình.",
])
def test_a_unit_named_without_a_stance_or_with_a_disclaimer_is_not(check, text):
    assert "5.5" not in clauses(check, text)


# ---------------------------------------------------------------- 5.2: out of sight

@pytest.mark.parametrize("text", [
    "Hôm qua có cuộc gặp kín giữa thứ trưởng với phía bạn ở nhà khách, các bạn đừng hỏi nhé.",
    "Buổi làm việc với phía họ không có trên lịch công tác đâu, hai bên ngồi cả buổi chiều.",
    "Hai bên đã thương lượng ngầm cả năm nay về thỏa thuận đó, đừng nói ra ngoài.",
    "Hồ sơ anh phó phòng bị tố cáo đang được thanh tra xác minh, kết luận chưa có.",
    "Đi họp về mới biết ông vụ trưởng bị sếp gắt trong cuộc họp kín, phương án phải làm lại.",
    "Phương án trả lời phía bạn mình được giao tổng hợp, đến giờ vẫn chưa chốt được.",
])
def test_meetings_talks_and_inquiries_out_of_sight_are_5_2(check, text):
    assert "5.2" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Theo báo chí nước ngoài, hai nhà lãnh đạo đã có cuộc gặp bí mật tại biên giới.",
    "Câu lạc bộ đang đàm phán bí mật với tiền đạo người Brazil.",
    "Bên Indonesia đồn con trai tổng thống sắp lên làm người kế nhiệm.",
    "Nghe đồn ai muốn được cử đi học cũng phải nộp tiền cho phòng tổ chức.",
])
def test_the_press_sport_and_foreign_politics_are_not_5_2(check, text):
    assert "5.2" not in clauses(check, text)


# ---------------------------------------------------------------- the model yields to a named offence

def test_the_models_rudeness_guess_yields_to_a_slur_in_its_sentence(check):
    found = check("Bọn da đen ở khu này toàn trộm cắp, đừng cho thuê nhà.")
    assert "5.4" in {f.clause for f in found if f.severity != "info"}
    assert "language.offensive-learned" not in {f.rule for f in found}


def test_the_model_still_speaks_for_a_sentence_the_slur_is_not_in(check):
    text = "Bọn da đen ở khu này toàn trộm cắp. Cái loại như mày thì ai thèm nghe, im đi cho nước nó trong."
    found = [f for f in check(text) if f.rule == "language.offensive-learned"]
    assert found and all(f.start > text.index("Cái") - 1 for f in found)


def test_yields_to_must_name_clauses(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(
        "rules:\n  - id: a\n    clause: '4.1'\n    severity: warning\n    kind: classifier\n    description: d\n"
        "    model: offensive.bin\n    threshold: 0.7\n    yields_to: [nine]\n"
        "    message: {vi: a, en: b}\n    examples: {hit: [x], miss: [y]}\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Chào cả nhà.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "postcheck", "--rules", str(folder), str(draft)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 3
    assert "r.yaml" in proc.stderr and "'yields_to'" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------- 4.3: secrets with symbols, wallet keys

@pytest.mark.parametrize("text", [
    "Wifi phòng họp tầng 2 cho khách: mật khẩu Bng@Phong2#2025. Mọi người vào trước nhé.",
    "Mật khẩu hộp thư chung của vụ: Bng@2024.",
    "pass email phòng là Dsq#Paris2025 nhé cả nhà.",
    "Private key của ví quỹ lớp: 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ, xong việc mình đổi.",
])
def test_a_password_glued_with_symbols_or_a_wallet_key_is_4_3(check, text):
    assert "4.3" in clauses(check, text)


def test_teencode_is_not_expanded_inside_a_value_glued_with_symbols(rulebook):
    # "bng" alone is "Bộ Ngoại giao"; inside "Bng@2024" it is part of a password
    doc = rulebook.document("Mật khẩu Bng@Tang3#2025. Gửi bng nhé.")
    assert "bng@tang3#2025" in doc.view.text
    assert "gửi bộ ngoại giao" in doc.view.text


# ---------------------------------------------------------------- inflammatory, more wordings

@pytest.mark.parametrize("text,clause", [
    ("Ông phó phòng đúng là cái loa phường, nói suốt mà chẳng ai nghe.", "4.1"),
    ("Gặp thằng đó ngoài phố thì nó chỉ có nằm viện thôi.", "5.4"),
    ("Thằng nào động vào xe tao thì biết hậu quả.", "5.4"),
    ("Người Hàn ở khu này toàn trốn thuế, chẳng ra gì.", "5.4"),
    ("Mai tất cả không ai đi làm, để công ty biết thế nào là đình công.", "5.3"),
    ("Cả group vào đánh giá 1 sao cho cái quán đó, cho nó sập tiệm.", "5.3"),
    ("Cán bộ lãnh sự bên đó chắc chắn nhận tiền để làm giấy tờ cho người quen.", "5.3"),
])
def test_more_inflammatory_wordings(check, text, clause):
    assert clause in clauses(check, text)


@pytest.mark.parametrize("text,clause", [
    ("Loa phường sáng nay thông báo lịch tiêm phòng cho trẻ.", "4.1"),
    ("Cả group vào đánh giá 5 sao cho quán của chị Lan nhé, đồ ăn ngon thật.", "5.3"),
    ("Hôm nay nghỉ lễ, không ai đi làm, cả nhà đi chơi công viên.", "5.3"),
])
def test_their_look_alikes(check, text, clause):
    assert clause not in clauses(check, text)


# ---------------------------------------------------------------- buried and informal

def test_a_closed_session_buried_in_a_year_in_review_is_5_2(check):
    text = ("Nhìn lại một năm 🌸\n\nNăm nay đi công tác ba nước, học được nhiều thứ từ các anh chị.\n\n"
            "Kỷ niệm nhớ nhất: trong phiên họp kín, phía bạn đồng ý lùi thời hạn mà báo chí chưa biết đâu.\n\n"
            "Cảm ơn cả nhà đã đồng hành, năm mới nhiều sức khỏe!")
    assert "5.2" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Em là Tùy viên ở sứ quán, nhà hàng của chị gái em ngon nhất khu, mọi người ủng hộ nha.",
    "Xe nhà bên cứ chắn cổng, mai tôi báo cho phường biết tôi là cán bộ ngoại giao, xem họ còn dám không.",
])
def test_the_post_leaned_on_for_family_or_a_quarrel_is_5_5(check, text):
    assert "5.5" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Nhà hàng của chị gái em khai trương, mọi người ủng hộ nha.",
    "Xe nhà bên cứ chắn cổng, mai tôi báo cho phường giải quyết.",
])
def test_without_the_post_it_is_not(check, text):
    assert "5.5" not in clauses(check, text)


# ---------------------------------------------------------------- more ways to say "not yet" and "I know, I'm inside"

@pytest.mark.parametrize("text", [
    "Bật mí với cả nhà: tháng tới anh Khoa lên làm phó vụ, đang đợi sếp ký.",
    "Sắp tới mình chuyển sang ĐSQ ở Lima, đợi QĐ thôi, đừng nói với ai nhé.",
    "Chuyến thăm của Chủ tịch nước tới Brazil đã chốt ngày, chưa thông báo ra ngoài đâu.",
    "Trong cuộc hội đàm riêng, phía bạn ngỏ ý muốn giảm thuế cà phê, ta chưa trả lời.",
])
def test_more_ways_to_say_not_yet_public(check, text):
    assert "5.2" in clauses(check, text)


def test_a_negated_announcing_verb_credits_no_source(check):
    # "chưa thông báo" says nothing was announced: the sentence is the writer's, not a report
    found = check("Chuyến thăm của Thủ tướng tới Chile chưa thông báo đâu.")
    assert "classified.leader-trip" in {f.rule for f in found if f.severity == "warning"}


@pytest.mark.parametrize("text", [
    "Dân ngoại giao như mình nói thật: vụ đó Bộ xử lý sai rồi.",
    "Tôi từng làm Đại sứ, tôi nói rõ cho các bạn: chính sách của nước kia là sai.",
    "Người của Bộ như mình thì nắm rất rõ: hội nghị năm nay sẽ lùi sang năm sau.",
])
def test_more_ways_to_lean_on_ones_post(check, text):
    assert "5.5" in clauses(check, text)


@pytest.mark.parametrize("text,clause", [
    ("Người quen trong sứ quán kể là sắp ngừng gia hạn hộ chiếu cho lao động tự do, chắc chắn luôn.", "5.3"),
    ("Vào page của tờ báo đó report hết các bài đăng đi mọi người!", "5.3"),
    ("Họ đã giấu vụ tai nạn, giờ mới lộ ra, mọi người cần biết sự thật!", "5.3"),
    ("Việt kiều về nước toàn khoe mẽ, chẳng coi ai ra gì.", "5.4"),
    ("Đứa nào mách lẻo thì không yên với tao đâu.", "5.4"),
])
def test_last_round_of_wordings(check, text, clause):
    assert clause in clauses(check, text)


def test_an_acquaintance_recommending_a_bakery_is_not_a_rumour(check):
    assert "5.3" not in clauses(check, "Mình có người quen trong đó nên biết tiệm này làm bánh ngon, lan tỏa giúp tiệm nhé.")


@pytest.mark.parametrize("text", [
    "Ai đặt mua sách của tôi thì đợt xét cử đi học tới tôi sẽ nhớ đến.",
    "Chủ nhà đòi tăng giá, tôi nói luôn tôi làm ở Bộ Ngoại giao, xem ông ấy làm gì được tôi.",
    "Mình công tác ở Đại sứ quán, ai muốn mua hàng chính hãng giá tốt thì qua mình, mình có quen.",
    "Tôi là Tham tán công sứ, xin nói rõ quan điểm: Việt Nam không nên tham gia liên minh đó.",
])
def test_favours_disputes_and_views_in_ones_capacity_are_5_5(check, text):
    assert "5.5" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Ai đặt mua sách của tôi thì tôi ký tặng nhé.",
    "Chủ nhà đòi tăng giá, tôi sẽ tìm chỗ khác.",
    "Tôi là Tham tán công sứ, hôm nay đi dự lễ khai giảng của con.",
])
def test_the_same_without_the_lever_is_not(check, text):
    assert "5.5" not in clauses(check, text)


# ------------------------------------------- 5.2/5.5/5.6 by slots (issue 14, third round)
# Each text joins two slots in words no rule example uses; its look-alike keeps one slot and
# loses the other (not yet official → announced; a favour → none; a private use → a warning).

@pytest.mark.parametrize("text", [
    "Nghe phong thanh chị Hằng sắp hạ cánh Vụ Tổng hợp, chờ ký thôi.",
    "Anh Tâm được cất nhắc lên phó vụ trưởng rồi, tháng sau mới họp công bố nhé.",
    "Vụ mình đang có đoàn thanh tra làm việc về khoản chi hội nghị, chưa có kết luận đâu.",
    "Gửi cả nhà email nội bộ của Cục về đợt cắt giảm phụ cấp năm tới.",
    "Vừa nhận nhầm Công văn (Mật) của Vụ về phương án sơ tán, ai cần xem không.",
])
def test_a_move_a_probe_or_a_record_told_from_inside_is_5_2(check, text):
    assert "5.2" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Lễ trao quyết định bổ nhiệm chị Hằng làm Vụ trưởng đã diễn ra sáng nay.",
    "Máy bay chở đoàn sắp hạ cánh, cả nhà ra sân bay đón nhé.",
    "Theo kết luận thanh tra đã công bố, công ty xây dựng đó có nhiều sai phạm.",
    "Công ty mình vừa gửi email nội bộ về lịch nghỉ hè.",
])
def test_the_same_words_announced_or_outside_the_service_are_not(check, text):
    assert "5.2" not in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Em đưa thẻ ngành ngoại giao ra là quán cà phê giảm giá cho em ngay.",
    "Chồng chị làm ở Đại sứ quán, hồ sơ đi qua chị là được ưu tiên nhé.",
    "Ở phòng khám tôi xưng là cán bộ Bộ Ngoại giao, thế là được khám trước.",
])
def test_an_office_shown_for_a_favour_is_5_5(check, text):
    assert "5.5" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Em làm ở Đại sứ quán, tuần này bận chuẩn bị lễ Quốc khánh.",
    "Cảnh báo: kẻ giả danh cán bộ Đại sứ quán hứa ưu tiên hồ sơ để lấy tiền.",
])
def test_an_office_named_without_a_favour_is_not(check, text):
    assert "5.5" not in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Shop nến thơm của mình để số máy bàn của Tổng Lãnh sự quán cho khách gọi.",
    "Nick Tinder của anh đăng ký bằng mail công vụ luôn.",
    "Ảnh bìa trang bán hàng của chị là quốc huy và tên Đại sứ quán.",
])
def test_an_official_line_or_emblem_put_to_private_use_is_5_6(check, text):
    assert "5.6" in clauses(check, text)


@pytest.mark.parametrize("text", [
    "Đừng đăng ký Facebook bằng mail công vụ nhé, đổi sang gmail riêng đi.",
    "Công dân cần hỗ trợ khẩn cấp gọi số trực ban của Đại sứ quán.",
])
def test_the_rule_told_or_the_official_use_is_not(check, text):
    assert "5.6" not in clauses(check, text)
