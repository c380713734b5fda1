"""Tone and attribution (src/postcheck/tone.py, the rule key `tone` and the
learned check's gate): whose words a finding is, and in what voice. Examples written for
these tests."""
from __future__ import annotations

import textwrap

import pytest

from postcheck import RuleError, load_rulebook
from postcheck import tone
from postcheck.resources import resource_dir

INFLAMMATORY = {"4.1", "5.3", "5.4"}

# a long, well-formed report: formal prose by tone.formal()
ARTICLE = (
    "Sáng 12/3, Sở Y tế tỉnh tổ chức hội nghị tổng kết công tác phòng chống dịch bệnh năm qua. "
    "Theo báo cáo, toàn tỉnh ghi nhận số ca sốt xuất huyết giảm mạnh so với cùng kỳ. "
    "Ông Trần Minh, Giám đốc Sở, cho biết ngành y tế sẽ tiếp tục tăng cường giám sát tại cơ sở. "
    "{middle} "
    "Hội nghị cũng khen thưởng mười hai tập thể có thành tích xuất sắc trong năm. "
    "Các đại biểu thống nhất kế hoạch tiêm chủng mở rộng cho quý tới."
)


def severities(check, text, rule_id):
    return [f.severity for f in check(text) if f.rule == rule_id]


def flagged(check, text):
    return {f.rule for f in check(text) if f.severity != "info" and f.clause in INFLAMMATORY}


# -- the voice of a comment ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Bọn mày biết gì mà nói.",
    "ko biet j het tron",
    "Hay ghê =))",
    "Thế mà cũng đòi làm trưởng nhóm à",
    "thang nay noi nhu dung roi",
    "Cái gì vậy trời??",
])
def test_informal_sentences(text):
    assert tone.informal(text)


@pytest.mark.parametrize("text", [
    "Ông Ng Eng Hen phát biểu tại hội nghị.",
    "Cán bộ, công chức (CB, CC) trực bộ phận một cửa.",
    "Đoạn đê dài 12,4 m được gia cố trước mùa mưa.",
    "Mưa lũ gây thiệt hại nặng cho các huyện miền núi.",
    "Hội nghị diễn ra tại Bồ Đào Nha",
])
def test_formal_sentences(text):
    assert not tone.informal(text)


def test_a_long_report_is_formal_and_a_comment_is_not(rulebook):
    assert tone.formal(rulebook.document(ARTICLE.format(middle="Nhiều địa phương đã chủ động.")))
    assert not tone.formal(rulebook.document("Mày ngu thế. Nói mãi không hiểu. Thôi nghỉ đi."))


# -- the rule key `tone` on word-list rules ----------------------------------------------------

def test_a_plain_sentence_of_an_article_is_not_the_authors_insult(check):
    text = ARTICLE.format(middle="Một số ý kiến phê phán cách làm vô văn hóa ở một vài cơ sở.")
    assert "language.insult" not in flagged(check, text)
    assert "info" in severities(check, text, "language.insult")


def test_an_insult_in_a_comments_voice_inside_an_article_still_counts(check):
    text = ARTICLE.format(middle="Thằng phụ trách kho đúng là đồ ngu, mày nghe rõ chưa.")
    assert "language.insult" in flagged(check, text)


def test_quoted_speech_is_reported_not_used(check):
    text = 'Chị Lan kể lại: "Nó chửi tôi là đồ mất dạy ngay trước mặt khách."'
    assert "language.insult" not in flagged(check, text)


def test_a_word_named_in_quotation_marks_is_a_mention(check):
    text = "Cô giáo giải thích từ “ngáo” là tiếng lóng, không nên dùng trong bài văn."
    assert "language.insult" not in flagged(check, text)


def test_a_quoted_message_is_a_mention_only_where_the_post_turns_against_it_nearby(check):
    # the disapproval in the quotation's sentence or the next clears it ...
    assert "language.insult" not in flagged(check, "Có người comment 'thằng ngu' dưới ảnh anh ấy. "
                                                   "Thật đáng buồn, mình đã báo admin.")
    # ... a "đừng" or "buồn" about something else, a sentence away, does not
    assert "language.insult" in flagged(check, "Đừng đi đâu hết nhé. Có đứa nhắn 'đồ óc lợn' cho sếp, haha.")
    assert "language.insult" in flagged(check, "Hôm nay buồn quá. Có đứa nhắn 'đồ óc lợn' cho sếp mình, chuẩn luôn.")


@pytest.mark.parametrize("text", [
    "Nhóm cổ phiếu DCM, DPM, LAS giảm nhẹ trong phiên chiều.",  # tickers
    "Xe có động cơ 150 cc, tiêu hao 2 lít xăng mỗi 100 km.",      # a unit
])
def test_codes_and_units_are_not_profanity(check, text):
    assert "language.profanity" not in flagged(check, text)


def test_shouted_profanity_in_capitals_still_counts(check):
    assert "language.profanity" in flagged(check, "ĐM thằng nào lấy xe tao")


def test_a_slur_inside_a_street_name_is_not_a_slur(check):
    assert "hate.slur" not in flagged(check, "Kẹt xe kéo dài từ mũi tàu Cộng Hòa đến cầu vượt.")
    assert "hate.slur" in flagged(check, "Lũ tàu khựa lại kéo sang rồi.")


@pytest.mark.parametrize("text", [
    "Con chó nhà mình ngu ghê, gọi mãi không về.",
    "Mình ngu thật, quên cả mang chìa khóa.",
    "Anh ấy không hề ngu, chỉ là chưa quen việc.",
])
def test_insult_words_said_of_animals_oneself_or_negated(check, text):
    assert "language.insult" not in flagged(check, text)


def test_insult_by_comparison_with_an_animal_still_counts(check):
    assert "language.insult" in flagged(check, "Thằng đó ngu như bò, nói mãi không hiểu.")


@pytest.mark.parametrize("text", [
    "Nó ngu lắm, thà nói với con trâu còn hơn.",
    "Giảng mãi nó vẫn ngu, thà dạy con chó còn hơn.",
])
def test_an_animal_in_better_this_than_that_is_the_comparison_not_the_subject(check, text):
    # "thà … còn hơn": better the animal than the person, an insult aimed at that person;
    # no "mày", "ông", "người" for the person-address check to find, only "nó"
    assert "language.insult" in flagged(check, text)


def test_the_idiom_leaves_the_learned_models_their_verdict_and_a_real_animal_none(rulebook):
    from postcheck.checks.classifier import voice

    for text, judged in [("Nói chuyện với nó thì thà nói với con trâu còn hơn, phí cả buổi chiều.", True),
                         ("Con trâu nhà mình hôm nay ngu ghê, cứ đứng giữa ruộng không chịu đi.", False)]:
        doc = rulebook.document(text)
        assert (voice(doc, *doc.sentences[0], 6) is not None) is judged, text


def test_a_single_list_word_in_a_plain_sentence_is_a_warning_not_an_error(check):
    assert severities(check, "Phát biểu như vậy là vô văn hóa.", "language.insult") == ["warning"]
    assert severities(check, "Mày vô văn hóa vừa thôi.", "language.insult") == ["error"]


def test_a_visit_or_a_death_wish_is_a_threat_only_when_aimed(check):
    assert not {"hate.threat", "hate.threat-addressed"} & flagged(check, "Chủ nợ đến tận nhà đòi tiền.")
    assert not {"hate.threat", "hate.threat-addressed"} & flagged(check, "Cây thiếu nước sẽ héo rồi chết đi.")
    assert "hate.threat-addressed" in flagged(check, "Tao qua tận nhà mày bây giờ.")


def test_a_states_stance_is_not_a_protest_call(check):
    assert "incitement.protest-call" not in flagged(
        check, "Việt Nam phản đối hành động này và kêu gọi các bên kiềm chế, cùng duy trì hòa bình.")
    assert "incitement.protest-call" in flagged(check, "Sáng mai bà con hãy cùng xuống đường phản đối dự án nhé.")


def test_crowd_advice_is_not_a_protest_call(check):
    assert "incitement.protest-call" not in flagged(check, "Mùa dịch, bà con nhớ tránh tụ tập đông người nhé.")


def test_certainty_alone_is_not_a_rumour(check):
    text = "Nghe nói quán mới mở ở đầu ngõ. Hàng chính hãng, chắc chắn 100%."
    assert "rumour.unverified" not in flagged(check, text)
    assert "rumour.unverified" in flagged(check, "Nghe nói công ty sắp phá sản, tin chuẩn 100% luôn.")


def test_generic_statements_are_not_defamation(check):
    assert "hate.defamation" not in flagged(check, "Hầu hết những thằng con trai tuổi đó đều có máu lăng nhăng.")


# -- the learned check ---------------------------------------------------------------------------

LEARNED = "language.offensive-learned"


@pytest.mark.parametrize("text", [
    "M.",                     # an initial
    "T.Hạnh",                 # a byline
    "Chị L.",
])
def test_no_verdict_on_fragments(check, text):
    assert LEARNED not in flagged(check, text)


def test_no_verdict_on_plain_sentences_of_an_article(check):
    text = ARTICLE.format(middle="Nghi phạm đã dùng dao tấn công nạn nhân rồi bỏ trốn khỏi hiện trường.")
    assert LEARNED not in flagged(check, text)


def test_a_sentence_split_at_an_initial_is_joined(rulebook):
    from postcheck.checks.classifier import units
    doc = rulebook.document("Sáng nay bà M. ra chợ mua rau rồi về nhà nấu cơm.")
    sentences, _ = units(doc, "sentence", 1)
    assert len(sentences) == 1


def test_the_learned_check_still_fires_on_a_rude_comment(check):
    assert LEARNED in flagged(check, "Loại như mày thì biết gì mà nói.")


# -- configuration -------------------------------------------------------------------------------

def _rule(tmp_path, extra: str):
    (tmp_path / "r.yaml").write_text(textwrap.dedent("""\
        rules:
          - id: test.words
            clause: "4.1"
            severity: error
            kind: terms
            description: test
            terms: [ngu]
            message: {vi: "x", en: "x"}
            examples: {hit: ["a"], miss: ["b"]}
        """) + extra, encoding="utf-8")


@pytest.mark.parametrize("extra", [
    "    tone: {sarcasm: info}\n",
    "    tone: {reported: loud}\n",
    "    tone: []\n",
])
def test_bad_tone_keys_are_errors(tmp_path, extra):
    _rule(tmp_path, extra)
    with pytest.raises(RuleError) as err:
        load_rulebook([tmp_path], [resource_dir("wordlists")])
    assert "tone" in str(err.value)


def test_tone_drop_and_lower(tmp_path):
    _rule(tmp_path, "    tone: {negated: drop, plain: warning}\n")
    book = load_rulebook([tmp_path], [resource_dir("wordlists")])
    assert [f.severity for f in book.check_text("Anh ấy không ngu.")] == []
    assert [f.severity for f in book.check_text("Cách làm đó ngu.")] == ["warning"]
    assert [f.severity for f in book.check_text("Mày ngu thế.")] == ["error"]


def test_indirect_speech_of_a_spokesperson_is_not_a_call(check):
    text = ("Trả lời phóng viên, Người Phát ngôn cho biết Việt Nam phản đối hành động này và mong "
            "các bên cùng nhau giữ gìn hòa bình.")
    assert "incitement.protest-call" not in flagged(check, text)


def test_indirect_needs_someone_else_as_the_speaker(rulebook):
    said = "Ông Minh cho biết mọi người nên cùng nhau phản đối."
    mine = "Tôi cho biết luôn, mọi người nên cùng nhau phản đối."
    assert tone.indirect(rulebook.document(said), said.index("phản"), len(said) - 1)
    assert not tone.indirect(rulebook.document(mine), mine.index("phản"), len(mine) - 1)


def test_a_reported_call_to_an_unlawful_gathering_is_not_a_call(check):
    text = "Một số đối tượng kêu gọi tụ tập trái phép, người dân không nghe theo lời kích động."
    assert "incitement.protest-call" not in flagged(check, text)


def test_a_naming_frame_names_every_quoted_word_of_its_list():
    from postcheck import load_rulebook

    book = load_rulebook()

    def counted(text):
        return {f.rule for f in book.check_text(text) if f.severity in ("error", "warning")}

    # examples of bad language held up in a training: named, not used
    assert "language.insult" not in counted(
        "Buổi tập huấn nêu các câu kiểu “đồ ngu”, “lũ ăn hại” và “đồ mất dạy” để học viên tránh dùng.")
    # the same words aimed at the reader are used, quotation marks or not
    assert "language.insult" in counted("Mày là “đồ ngu”, “đồ ăn hại”, nghe rõ chưa.")


def test_an_insult_opening_with_its_classifier_stays_aimed_in_prose(check):
    # a long post of plain prose: a listed insult that opens with "đồ"/"thằng" still names someone
    text = ARTICLE.format(middle="Riêng anh thủ kho làm mất sổ sách lần thứ ba, đúng là đồ đầu đất.")
    assert "language.insult" in flagged(check, text)
    # a plain list word in the same place stays the article's description
    text = ARTICLE.format(middle="Một số ý kiến phê phán cách làm vô văn hóa ở một vài cơ sở.")
    assert "language.insult" not in flagged(check, text)


@pytest.mark.parametrize("text", [
    "Nghe ai cũng dùng câu kiểu 'đồ mặt dày' với người bán hàng mà mình thấy không ổn chút nào.",
    "Nghe ai cung dung cau kieu 'do mat day' voi nguoi ban hang ma minh thay khong on chut nao.",
    "Hồi đi học tụi bạn goi minh la 'thang dau dat' suốt, giờ nghĩ lại thấy buồn cười.",
    "Có người chửi mình 'óc bã đậu' trên mạng, mình kệ thôi.",
])
def test_naming_frames_without_marks_or_with_an_object_make_a_mention(check, text):
    assert "language.insult" not in flagged(check, text)


def test_the_same_word_aimed_without_a_naming_frame_still_counts(check):
    assert "language.insult" in flagged(check, "Mày đúng là đồ mặt dày, biến đi cho khuất mắt.")


@pytest.mark.parametrize("text", [
    # someone scolded between the verb and the quoted word: "mắng <ai> là '…'"
    "Ở bến xe bà bán vé mắng một anh khách quê là 'đồ vô học' chỉ vì hỏi đường.",
    # the same frame typed without marks
    "doc bao thay co ong bi hang xom chui la 'do mat day' roi kien ra toa",
    # a line held up from a film or a tale, and samples in a moderation guide
    "Trong phim có câu 'thằng ngu này' của ông bố làm cả rạp cười.",
    "Nội quy nhóm: ẩn các bình luận có từ thô tục (ví dụ 'đm', 'vcl') rồi báo quản trị viên.",
    # the writer as the one scolded, and a lesson that goes on to its reader
    'Hôm qua tôi bị chửi là "đồ mất dạy" chỉ vì nhắc hàng xóm giữ trật tự.',
    'Dùng từ "đồ ngu" là bạn đã xúc phạm người khác rồi.',
    'Cô giáo dạy: ví dụ "thằng ngu" là lời lẽ xúc phạm, không nên dùng.',
])
def test_a_word_held_up_by_its_frame_is_named_not_used(check, text):
    assert not flagged(check, text) & {"language.insult", "language.profanity"}


@pytest.mark.parametrize("text", [
    "Em gái nó bảo tôi béo như con lợn sau Tết, chắc phải tập thể dục thôi.",
    "t ngu thật, lại để quên ví ở quán",
])
def test_a_name_the_writer_is_called_or_calls_themself(check, text):
    assert "language.insult" not in flagged(check, text)


@pytest.mark.parametrize("text", [
    # the writer's own word at someone, after the self-report: still theirs
    "Nó bảo tôi chậm, còn tôi thì bảo nó ngu như bò.",
    # the frame without a quotation holds nothing up: the insult is aimed
    "Hàng xóm mắng con là đồ mất dạy, mà nó mất dạy thật.",
    # an upper-case "T" is a name's initial, not the chat "t"
    "Hôm nay T ngu thật, để mất cả xe.",
    # the writer scolding with the quoted words, or aiming them right after the quotation
    'Tao chửi thẳng mặt nó "thằng mất dạy" rồi đấy, làm gì nhau.',
    'Hôm qua tôi chửi lão trưởng phòng là "đồ mất dạy", lão im luôn.',
    'Tôi chê ông ta là "đồ vô học" và tôi không rút lại lời đó.',
    'Câu "đồ ăn hại" là dành cho ông đấy.',
    'Ví dụ "thằng ngu" là mày đấy.',
])
def test_the_writers_own_insult_still_counts(check, text):
    assert "language.insult" in flagged(check, text)

