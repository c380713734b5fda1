"""Topic centrality (src/postcheck/centrality.py, the rule key `centrality` on the 5.7 rules):
in a long text a finding about another state's internal affairs stands only where the text
is about it or the writer comments on it in their own voice. Examples written for these
tests."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from postcheck import RuleError, load_rulebook
from postcheck import centrality
from postcheck.resources import resource_dir

COUNTED = ("error", "warning")

# a long trade report about something else; {middle} is one sentence in the middle of it
TRADE = (
    "Hội chợ thủy sản quốc tế khai mạc tại Lima với sự tham gia của hơn hai trăm doanh nghiệp.\n"
    "Các doanh nghiệp Việt Nam mang tới tôm, cá tra và mực khô, thu hút đông đảo khách tham quan.\n"
    "Theo ban tổ chức, giá trị hợp đồng ký kết trong ngày đầu đạt khoảng năm triệu USD. "
    "Nhiều nhà nhập khẩu địa phương quan tâm tới sản phẩm cá tra phi lê đông lạnh. "
    "{middle} "
    "Đại diện một công ty ở Cần Thơ cho biết đơn hàng năm nay tăng gần gấp đôi so với năm ngoái. "
    "Hội chợ kéo dài bốn ngày và dự kiến đón khoảng ba mươi nghìn lượt khách. "
    "Năm tới, ban tổ chức dự định mở rộng khu trưng bày dành cho hàng chế biến sẵn."
)

# a long personal post about a trip, in plain prose, told in the first person; {middle} is
# buried in the middle
TRIP = (
    "Tuần trước mình có dịp sang Lima công tác cùng đoàn doanh nghiệp. "
    "Thành phố đông đúc nhưng đồ ăn rất ngon, nhất là món cá sống trộn chanh. "
    "Buổi chiều cả đoàn đi dạo quanh quảng trường trung tâm và chụp rất nhiều ảnh. "
    "Tối đến, anh hướng dẫn viên dẫn mọi người đi ăn ở một quán nhỏ ven biển, giá cả khá phải chăng. "
    "{middle} "
    "Sáng hôm sau đoàn làm việc với hiệp hội nhà nhập khẩu về đơn hàng cà phê và hạt điều. "
    "Ngày cuối cả đoàn ghé chợ thủ công mua khăn len và đồ gốm làm quà. "
    "Chuyến bay về bị hoãn hai tiếng nên mọi người ngồi uống cà phê ở sân bay. "
    "Hy vọng năm sau mình sẽ có dịp quay lại khám phá thêm vùng núi."
)


def found57(check, text):
    return [(f.rule, f.severity) for f in check(text) if f.clause == "5.7"]


def flagged57(check, text):
    return {rule for rule, severity in found57(check, text) if severity in COUNTED}


# -- what must still be reported -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Cuộc bầu cử tổng thống Peru năm nay đúng là một màn kịch.",
    "Tòa án Hiến pháp Thái Lan phế truất thủ tướng như vậy là sai.",
    "Quân đội Myanmar đàn áp người biểu tình, thật man rợ.",
    "Xứ Basque sớm muộn gì cũng tách khỏi Tây Ban Nha.",
    # a short post is about what it says, even without a word of judgement
    "Hội chợ diễn ra chỉ một tuần trước cuộc bầu cử tổng thống Peru.",
])
def test_a_short_post_is_reported_as_before(check, text):
    assert flagged57(check, text)


@pytest.mark.parametrize("middle", [
    "Nói thật, cuộc bầu cử tổng thống Peru năm nay đúng là một màn kịch.",
    "Mình thấy quân đội Peru mà đảo chính thì cũng chẳng lạ.",
    "Phe đối lập Peru lại kêu gọi biểu tình lật đổ chính phủ, chán thật!",
    "Tòa án Hiến pháp Thái Lan phế truất thủ tướng như vậy là sai.",
    "Bầu cử ở Peru kiểu gì mà tổng thống nào cũng bị điều tra vậy?",
    "Nhân tiện, ở Lima phe đối lập đang biểu tình đòi tổng thống từ chức.",
    # the readers addressed: a post speaks to them, a report does not
    "Tình hình biểu tình lật đổ chính phủ ở Thái Lan đang phức tạp, đề nghị anh chị em lưu ý.",
])
@pytest.mark.parametrize("frame", [TRADE, TRIP], ids=["trade-report", "trip-post"])
def test_a_comment_buried_in_a_long_text_is_still_reported(check, rulebook, frame, middle):
    text = frame.replace("{middle}", middle)
    assert centrality.long_text(rulebook.document(text))
    assert flagged57(check, text)


@pytest.mark.parametrize("middle", [
    "Ở Lima phe đối lập đang biểu tình đòi tổng thống từ chức.",
    "Hội chợ diễn ra chỉ một tuần trước cuộc bầu cử tổng thống Peru.",
])
def test_a_personal_post_shares_what_it_mentions(check, rulebook, middle):
    # told in the first person, the post is the writer's voice throughout: a neutral line
    # about the protests is still shared by them; in a news report it is a passing mention
    mine, news = TRIP.replace("{middle}", middle), TRADE.replace("{middle}", middle)
    assert centrality.personal(rulebook.document(mine)) and not centrality.personal(rulebook.document(news))
    assert flagged57(check, mine)
    assert not flagged57(check, news)


def test_a_long_article_about_the_affair_is_reported(check):
    text = textwrap.dedent("""\
        Phe đối lập Peru tiếp tục biểu tình đòi tổng thống từ chức
        Hàng nghìn người ủng hộ phe đối lập đã xuống đường tại thủ đô Lima trong ngày thứ ba liên tiếp.
        Lực lượng cảnh sát được triển khai dày đặc quanh trụ sở quốc hội và dinh tổng thống. Các cửa hàng trên đại lộ chính đóng cửa sớm. Giao thông ở trung tâm thành phố bị ùn tắc nhiều giờ. Một số trường học cho học sinh nghỉ. Dự báo thời tiết cho biết trời sẽ mưa vào cuối tuần.
        """)
    assert "foreign.internal-affairs" in flagged57(check, text)


def test_a_topic_recurring_through_a_text_is_reported(check):
    # no headline; the affair comes back sentence after sentence
    text = (
        "Tuần này báo chí quốc tế đưa tin nhiều về Peru. "
        "Quốc hội Peru đã bỏ phiếu luận tội tổng thống vào tối thứ hai. "
        "Đây là lần thứ ba trong hai năm Peru có một tổng thống bị luận tội. "
        "Các nghị sĩ đối lập của Peru cáo buộc tổng thống tham nhũng trong các dự án công. "
        "Trong khi đó, giá đồng trên thị trường thế giới tăng nhẹ. "
        "Ngành du lịch của nước này cũng đang phục hồi sau nhiều năm khó khăn. "
        "Giới phân tích dự báo thị trường sẽ biến động mạnh trong những tuần tới."
    )
    assert flagged57(check, text)


# -- what is a passing mention -------------------------------------------------------------------

@pytest.mark.parametrize("middle", [
    "Hội chợ diễn ra chỉ một tuần trước cuộc bầu cử tổng thống Peru.",
    # someone else's judgement, reported: not the writer's comment
    "Ông Carlos, một nhà nhập khẩu, cho biết cuộc bầu cử ở Peru năm nay là một màn kịch.",
    # settled history (1992, in a text of 2024)
    "Khu hội chợ nằm gần tòa nhà quốc hội cũ, nơi tổng thống Peru giải tán quốc hội năm 1992.",
])
def test_a_passing_mention_in_a_long_report_is_lowered_to_info(check, middle):
    text = TRADE.replace("{middle}", middle).replace("năm ngoái", "năm 2023").replace("Năm tới", "Năm 2024")
    found = found57(check, text)
    assert found, "the finding stays, as a note"
    assert all(severity == "info" for _, severity in found)


def test_history_in_the_lead_is_not_what_the_text_is_about(check):
    text = textwrap.dedent("""\
        Bảo tàng Lima mở cửa trở lại sau khi tu sửa
        Tòa nhà từng là nơi làm việc của tổng thống Peru trước cuộc đảo chính năm 1968.
        Sau hai năm tu sửa, bảo tàng mở cửa đón khách từ tháng 3/2024. Khách tham quan có thể xem hơn ba nghìn hiện vật gốm cổ. Vé vào cửa được miễn cho học sinh. Bảo tàng mở cửa từ thứ ba đến chủ nhật. Quán cà phê trên tầng thượng nhìn ra quảng trường. Ban quản lý cho biết sẽ mở thêm các lớp học làm gốm cho trẻ em vào mỗi sáng thứ bảy. Khách đi theo đoàn trên hai mươi người được giảm một nửa giá vé. Nhà hàng bên cạnh bảo tàng phục vụ các món ăn truyền thống của vùng núi Andes. Bãi đỗ xe nằm ở phía sau tòa nhà.
        """)
    assert not flagged57(check, text)
    assert found57(check, text)


def test_other_clauses_in_a_long_text_are_untouched(check):
    text = TRADE.replace("{middle}", "Bản báo cáo tuyệt mật về hội chợ chưa được công bố.")
    assert any(f.clause == "5.2" and f.severity in COUNTED for f in check(text))


def test_the_reflexive_minh_of_news_is_not_the_writer(rulebook):
    said = "Tổng thống Peru mang ảnh ông mình tới cuộc tuần hành kỷ niệm."
    mine = "Mình thấy tổng thống Peru làm vậy là không nên."
    pad = " Trời hôm đó nắng đẹp." * 6
    for text, own in ((said + pad, False), (mine + pad, True)):
        doc = rulebook.document(text)
        assert centrality.own_comment(doc, 0, 5) is own


def test_the_lead_is_the_headline_and_its_paragraph(rulebook):
    doc = rulebook.document("Tiêu đề ngắn\nĐoạn mở đầu một. Đoạn mở đầu hai. Đoạn mở đầu ba.\nThân bài một. Thân bài hai. Thân bài ba.")
    assert centrality.lead_sentences(doc, 3) == 4
    # one paragraph: the first sentences
    doc = rulebook.document("Câu một. Câu hai. Câu ba. Câu bốn. Câu năm. Câu sáu. Câu bảy.")
    assert centrality.lead_sentences(doc, 3) == 3


# -- configuration -------------------------------------------------------------------------------

def _rule(tmp_path, extra: str):
    (tmp_path / "r.yaml").write_text(textwrap.dedent("""\
        rules:
          - id: test.affairs
            clause: "5.7"
            severity: error
            kind: near
            description: test
            a: {terms: [peru]}
            b: {terms: [bầu cử]}
            message: {vi: "x", en: "x"}
            examples: {hit: ["a"], miss: ["b"]}
        """) + extra, encoding="utf-8")


@pytest.mark.parametrize("extra", [
    "    centrality: {to: loud}\n",
    "    centrality: {to: info, weight: 3}\n",
    "    centrality: {to: info, lead: 0}\n",
    "    centrality: {to: info, commentary: [trò hề]}\n",
    "    centrality: info\n",
])
def test_bad_centrality_keys_are_errors(tmp_path, extra):
    _rule(tmp_path, extra)
    with pytest.raises(RuleError) as err:
        load_rulebook([tmp_path], [resource_dir("wordlists")])
    assert "centrality" in str(err.value) and "r.yaml" in str(err.value)


def test_centrality_drop_and_commentary(tmp_path):
    _rule(tmp_path, "    centrality: {to: drop, commentary: {terms: [trò hề]}}\n")
    book = load_rulebook([tmp_path], [resource_dir("wordlists")])
    passing = TRADE.replace("{middle}", "Hội chợ diễn ra một tuần trước cuộc bầu cử ở Peru.")
    judged = TRADE.replace("{middle}", "Cuộc bầu cử ở Peru lần này là một trò hề.")
    assert book.check_text(passing) == []
    assert [f.severity for f in book.check_text(judged)] == ["error"]


# -- on real published news ----------------------------------------------------------------------

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news" / "news.jsonl"
# 70 articles of 1,500 before centrality (4.7%), 25 after; most that stay are about another
# state's elections, scandals, succession or civil war in their headline
BUDGET_57 = 0.025


@pytest.mark.skipif(not NEWS.is_file(), reason="the shared news corpus is not beside the repository")
def test_5_7_flags_few_published_articles(rulebook):
    posts = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = sum(any(f.clause == "5.7" and f.severity in COUNTED for f in rulebook.check_text(p["text"]))
                  for p in posts)
    assert flagged <= BUDGET_57 * len(posts), f"5.7 flags {flagged} of {len(posts)} news articles"
