"""A personal post in good prose (tone.personal): the writer's own words are not lowered by
the formal-prose gate as an article's are; words the post quotes or credits to someone else
stay reported, and reports of the same words stay lowered. Examples written for these tests."""
from __future__ import annotations

import pytest

from postcheck import tone

# Long diary-like posts: each is formal prose by tone.formal() (over 400 characters, sentences
# opening with capitals, few informal ones) and holds one sentence of the writer's own abuse,
# threat or rumour; the rule that must now count it, and the span it must report.
DIARY_INSULT = (
    "Chiều nay mình đưa bé nhà mình đi tiêm phòng ở trạm y tế phường. Trời nắng gắt nhưng hàng chờ "
    "không quá dài, các cô điều dưỡng cũng rất nhẹ nhàng với trẻ con. Riêng ông bảo vệ ở cổng thì "
    "mất dạy hết chỗ nói, quát tháo cả một bà cụ chống gậy đi lấy số. Tiêm xong bé chỉ khóc một chút "
    "rồi lại cười toe. Tối về cả nhà ăn bát phở gà cho ấm bụng. Bé ngủ say từ tám giờ nên mình mới "
    "có chút thời gian ngồi viết mấy dòng này. Ai có kinh nghiệm chăm bé sau tiêm thì chỉ mình với nhé."
)
OFFICE_LIKENESS = (
    "Tuần này mình chuyển sang văn phòng mới ở tầng chín, cửa sổ nhìn thẳng ra hồ. Buổi sáng pha ấm "
    "trà, ngồi nhìn mặt nước mà thấy lòng nhẹ hẳn. Ông trưởng nhóm bên cạnh thì ngu như bò, giao "
    "việc gì cũng làm ngược lại. Chiều thứ Sáu cả phòng rủ nhau đi ăn lẩu nấm, vui phết. Cuối tuần "
    "mình định về quê thăm bà ngoại. Tối nay ngồi nghe lại mấy bản nhạc cũ, nhớ hồi sinh viên ghê. "
    "Cảm ơn mọi người đã ghé đọc mấy dòng linh tinh này."
)
WEEK_RUMOUR = (
    "Cả tuần nay mình bận tối mắt với đợt kiểm kê cuối năm ở cơ quan. Tối qua về muộn, đường phố "
    "vắng tanh, gió lạnh buốt. Nghe nói ngân hàng gần nhà sắp phá sản, mọi người rút ngay tiền ra "
    "kẻo mất trắng. Sáng nay mẹ mình gọi điện dặn mặc ấm khi ra đường. Cuối tuần mình sẽ dọn lại tủ "
    "sách và đem mấy cuốn cũ đi tặng. Lâu lắm rồi mới có buổi tối ngồi yên một mình mà viết. Chúc cả "
    "nhà một tuần mới nhẹ nhàng nhé."
)
STREET_THREAT = (
    "Hôm qua mình đi họp tổ dân phố về chuyện sửa lại con ngõ. Mọi người bàn tán sôi nổi, ai cũng "
    "muốn góp tiền làm cho nhanh. Riêng nhà cuối ngõ cứ lấn chiếm lối đi để xe, mình nói thẳng là cứ "
    "thử để xe ra đó nữa xem, liệu hồn với mình. Họp xong cả xóm ngồi uống chè đến khuya. Tháng sau "
    "chắc là khởi công, nghĩ đến cảnh bụi bặm mà đã thấy ngại. Các bạn ở chung cư có gặp cảnh hàng "
    "xóm khó chịu như thế không?"
)
FAREWELL_INSULT = (
    "Vậy là hết ba năm công tác ở thành phố biển này, tôi khép lại nhiệm kỳ với thật nhiều kỷ niệm. "
    "Tôi nhớ những buổi sáng đi bộ dọc bờ kè, nhớ quán bún cá đầu hẻm và tiếng còi tàu mỗi chiều. "
    "Chỉ tiếc ông chủ nhà keo kiệt, mặt dày đòi giữ lại cả tiền cọc chỉ vì một vết xước trên tường. "
    "Cảm ơn các anh chị đồng nghiệp đã luôn giúp đỡ tôi những lúc khó khăn nhất. "
    "Con gái tôi bảo sẽ nhớ cây bàng trước cửa sổ phòng. Hẹn gặp lại các bạn ở Hà Nội!"
)

PERSONAL_POSTS = [
    (DIARY_INSULT, "language.insult", "mất dạy"),
    (OFFICE_LIKENESS, "language.insult", "ngu như bò"),
    (WEEK_RUMOUR, "rumour.panic-action", "rút ngay"),
    (STREET_THREAT, "hate.threat", "liệu hồn"),
    (FAREWELL_INSULT, "language.insult", "mặt dày"),
]

# Published reports of the same words: a headline, sources credited, dates, named officials.
REPORT_INSULT = (
    "Xử phạt bảo vệ có lời lẽ xúc phạm người bệnh\nNgày 14/2, Sở Y tế thành phố cho biết đã yêu cầu "
    "trạm y tế phường kiểm điểm nhân viên bảo vệ. Theo phản ánh của người dân, nhân viên này bị gọi "
    "là mất dạy sau khi quát tháo một cụ ông. Ông Nguyễn Văn Hòa, trưởng trạm, cho biết đơn vị đã "
    "xin lỗi gia đình người bệnh. Sở cũng đề nghị các cơ sở tăng cường tập huấn kỹ năng giao tiếp "
    "cho nhân viên. Vụ việc đang được tiếp tục xem xét."
)
REPORT_LIKENESS = (
    "Tranh cãi quanh phát ngôn của một huấn luyện viên\nTối 20/5, sau trận đấu, ông Lê Hoàng Nam nhận "
    "xét một cầu thủ đối phương ngu như bò trong buổi họp báo. Phát ngôn này lập tức gây tranh cãi "
    "trên các diễn đàn thể thao. Theo ban tổ chức giải, hội đồng kỷ luật sẽ họp vào đầu tuần tới để "
    "xem xét vụ việc. Ông Nam sau đó cho biết đã gửi lời xin lỗi tới cầu thủ và câu lạc bộ bạn. "
    "Đây không phải lần đầu huấn luyện viên này bị nhắc nhở vì lời lẽ thiếu chuẩn mực."
)
# a report with no headline: the sources and officials named are enough
REPORT_THREAT = (
    "Chiều 8/10, Công an quận cho biết đã mời làm việc một người đàn ông đe dọa hàng xóm vì tranh "
    "chấp lối đi. Theo lời khai của bà Phạm Thị Thu, người này nói nếu còn để xe trước cửa thì liệu "
    "hồn. Ông Đỗ Văn Tâm, tổ trưởng tổ dân phố, cho biết mâu thuẫn đã kéo dài nhiều tháng. "
    "Cơ quan chức năng đang tiếp tục hòa giải giữa hai gia đình. Trước đó, tổ dân phố đã hai lần "
    "tổ chức họp để bàn phương án mở rộng con ngõ."
)

REPORTS = [
    (REPORT_INSULT, "language.insult"),
    (REPORT_LIKENESS, "language.insult"),
    (REPORT_THREAT, "hate.threat"),
]


def counted(check, text, rule_id):
    return [(text[f.start:f.end], f.severity) for f in check(text)
            if f.rule == rule_id and f.severity in ("warning", "error")]


@pytest.mark.parametrize("text", [t for t, _, _ in PERSONAL_POSTS], ids=[s for _, _, s in PERSONAL_POSTS])
def test_long_personal_posts_are_formal_prose_and_personal(rulebook, text):
    doc = rulebook.document(text)
    assert tone.formal(doc)
    assert tone.personal(doc)


@pytest.mark.parametrize("text", [t for t, _ in REPORTS], ids=["insult", "likeness", "threat"])
def test_reports_are_formal_and_not_personal(rulebook, text):
    doc = rulebook.document(text)
    assert tone.formal(doc)
    assert not tone.personal(doc)


@pytest.mark.parametrize("text,rule_id,span", PERSONAL_POSTS, ids=[s for _, _, s in PERSONAL_POSTS])
def test_the_writers_own_words_in_a_personal_post_count(check, text, rule_id, span):
    found = counted(check, text, rule_id)
    assert found and any(span in s for s, _ in found), found


@pytest.mark.parametrize("text,rule_id", REPORTS, ids=["insult", "likeness", "threat"])
def test_the_same_words_in_a_report_stay_lowered(check, text, rule_id):
    assert counted(check, text, rule_id) == []


def test_a_quotation_credited_to_someone_else_in_a_personal_post_stays_reported(check):
    text = DIARY_INSULT.replace(
        "Riêng ông bảo vệ ở cổng thì mất dạy hết chỗ nói, quát tháo cả một bà cụ chống gậy đi lấy số.",
        "Bà cụ ngồi cạnh kể rằng ông bảo vệ ở cổng từng quát bà: “Bà mất dạy thế, xếp hàng đi!”.")
    assert counted(check, text, "language.insult") == []


def test_a_sentence_crediting_a_source_in_a_personal_post_stays_reported(check):
    text = OFFICE_LIKENESS.replace(
        "Ông trưởng nhóm bên cạnh thì ngu như bò, giao việc gì cũng làm ngược lại.",
        "Anh Tuấn nói rằng ông trưởng nhóm bên cạnh ngu như bò, giao việc gì cũng làm ngược lại.")
    assert counted(check, text, "language.insult") == []


@pytest.mark.parametrize("text", [
    # one mark of a personal post only: "mình" once
    "Buổi hội thảo về chuyển đổi số ở các cơ quan nhà nước diễn ra trong hai ngày. Các đại biểu thảo "
    "luận về hạ tầng dữ liệu, an toàn thông tin và đào tạo cán bộ. Nhiều đơn vị chia sẻ kinh nghiệm "
    "triển khai dịch vụ công trực tuyến ở địa phương mình. Hội thảo thống nhất một số kiến nghị gửi các "
    "bộ ngành liên quan. Kỷ yếu hội thảo sẽ được phát hành vào cuối quý.",
    # a headline over a first-person essay: published, not a post
    "Những mùa hoa ở cao nguyên\nMình vẫn nhớ lần đầu lên cao nguyên vào mùa hoa cải, trời se lạnh và "
    "sương phủ kín thung lũng. Các bạn nếu có dịp hãy đi vào tháng mười một nhé. Con đường đèo quanh "
    "co dẫn vào bản nhỏ, nơi những mái nhà gỗ nằm nép dưới tán đào. Người dân ở đây hiền hậu, mời "
    "khách chén rượu ngô ấm nồng. Mình đã ở lại ba ngày và hứa sẽ quay trở lại.",
], ids=["one-mark", "headline"])
def test_not_personal(rulebook, text):
    assert not tone.personal(rulebook.document(text))


def test_hearsay_credits_no_source(rulebook):
    # "Nghe nói …" passes a rumour on with no one named: the sentence is not reported speech
    doc = rulebook.document("Nghe nói siêu thị sắp hết gạo, mọi người mua trữ đi.")
    assert not doc.register.reported(0)
    doc = rulebook.document("Lan nói siêu thị sắp hết gạo.")
    assert doc.register.reported(0)



@pytest.mark.parametrize("text, speaker, own", [
    # the unit as the subject of its own reporting verb, no other source: the writer speaks
    ("Bộ Ngoại giao cho rằng hội thảo đó vô bổ, cả nhà đừng đi.", "Bộ Ngoại giao", True),
    ("Sứ quán hôm qua cũng đã khẳng định quán đó bẩn, bà con tránh ra.", "Sứ quán", True),
    # another source credited before it, or a person's "cho biết": someone else's words
    ("Theo báo Lao Động, Bộ Ngoại giao cho rằng hội thảo đó vô bổ.", "Bộ Ngoại giao", False),
    ("Anh Hùng cho biết Sứ quán không ủng hộ hội chợ đó.", "Sứ quán", False),
    # a reporting verb far from the unit, after a comma, is no verb of the unit's
    ("Sứ quán đóng cửa, ông Ba cho rằng do bão.", "Sứ quán", False),
])
def test_a_unit_made_to_speak_is_credited_only_by_another_source(text, speaker, own):
    from postcheck.register import Register
    reg = Register(text, [(0, len(text))])
    start = text.index(speaker)
    assert reg.reported(0)
    assert reg.credited_besides(0, (start, start + len(speaker))) is (not own)
