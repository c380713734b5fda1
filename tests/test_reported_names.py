"""Insults reported without quotation marks (src/postcheck/reported_names.py, tone.mention,
checks/named_words.py): someone else called someone a name, and the post tells of it. The
name is lowered to info and the learned rule scores the sentence without the report; the
writer's own name-calling, a frame with no one else as its subject and a reported name the
writer endorses still count. Examples written for these tests."""
from __future__ import annotations

import pytest

from postcheck import reported_names

INFLAMMATORY = {"4.1", "5.3", "5.4"}


def flagged(check, text):
    return {f.rule for f in check(text) if f.severity != "info" and f.clause in INFLAMMATORY}


REPORTED = [
    # a third party scolds someone "là …"
    "Ông hàng xóm chửi thằng bé nhà mình là đồ mất dạy, tức ghê.",
    "Có đứa trên mạng gọi bà con vùng lũ là lũ ăn bám, thật không chấp nhận được.",
    "Bà chủ nhà trọ mắng cậu sinh viên là đồ vô học chỉ vì trả tiền muộn một hôm.",
    "Người ta gọi mấy chị lao công là lũ ăn hại, nghe mà xót.",
    "Sếp cũ từng chửi cả phòng là lũ ngu, giờ nghĩ lại vẫn thấy ấm ức.",
    "Có người comment bảo mẹ mình là đồ nhà quê, mình chặn luôn.",
    "Thằng cha kia nhắn tin chửi em gái mình là con điên, cả nhà lo quá.",
    "Anh ta xúc phạm đồng nghiệp là đồ ăn bám ngay giữa cuộc họp.",
    "Một tài khoản ảo bình luận rằng nhân viên y tế là lũ vô dụng, thật đáng buồn.",
    "Ông khách say rượu mắng cô phục vụ là đồ mất dạy, cả quán im lặng.",
    "Hôm qua thằng bạn nói mình là đồ hèn, mình không cãi.",
    "Mình đọc được có người bình luận rằng dân vùng lũ là lũ ăn bám, buồn thật.",
    "Bà ấy bảo con dâu là đồ lười biếng, hàng xóm ai cũng bênh cô dâu.",
    # the passive: someone "bị (ai) chửi/mắng/gọi là …", or "bị chửi ngu"
    "Bị khách mắng là ngu, buồn cả ngày.",
    "Con bé đi học về khóc vì bị bạn cùng lớp gọi là đồ đần.",
    "Mình bị một ông tài xế chửi là đồ ngu chỉ vì xin xuống sớm một trạm.",
    "Cô giáo bị phụ huynh chửi là đồ vô dụng trên nhóm Zalo, thương cô quá.",
    "Đồng nghiệp bị sếp chửi thẳng mặt là đồ ăn hại, ai cũng ái ngại.",
    "Cô ấy kể bị chồng mắng là đồ ăn bám suốt mười năm.",
    "Bé nhà mình bị bạn chửi ngu, về mách mẹ.",
    # what the learned rule read as abuse: "chửi", "bị mắng", the one who said it
    "Tụi nó gọi con bé là con điên, cô giáo phải vào can.",
    "Mụ hàng xóm chửi con mình là đồ mất dạy, tức ghê.",
    "Bị thằng cha say rượu chửi là đồ mất dạy, ức không chịu được.",
    "Bọn nó bảo con mình là đồ ngốc, con về khóc suốt.",
]


@pytest.mark.parametrize("text", REPORTED)
def test_a_reported_insult_is_lowered(check, text):
    assert not flagged(check, text)


@pytest.mark.parametrize("text", REPORTED[:6])
def test_the_reported_name_is_still_noted(check, text):
    assert any(f.severity == "info" for f in check(text))


WRITERS_OWN = [
    # the writer as the one who scolds
    "Mình chửi nó là đồ mất dạy luôn, cho chừa.",
    "Tao gọi bọn nó là lũ ăn bám đấy, sao nào.",
    "Tôi mắng thằng đó là đồ vô học ngay trước mặt mọi người.",
    "Mình bực quá nên chửi nó là đồ mất dạy.",
    "Nó mà cãi thì tao chửi nó là đồ mất dạy.",
    "em chửi nó là đồ mất dạy luôn",
    "Thằng kia, tao bảo mày là đồ ngu.",
    "Nó bị tao chửi là đồ ngu rồi, giờ còn dám lên mặt.",
    # no one else as the subject: a call, the consensus, readers urged, an act named
    "Chửi nó là đồ ngu đi cho nó biết.",
    "Ai cũng gọi nó là thằng ngu.",
    "Mọi người cứ gọi bọn nó là lũ ăn hại đi.",
    "Phải gọi bọn nó là lũ ăn hại mới đúng.",
    "Người ta gọi thế là ngu chứ còn gì nữa.",
    # a reported name the writer endorses, in its sentence or the next
    "Có đứa trên mạng gọi bọn nó là lũ ăn bám, chuẩn luôn.",
    "Người ta gọi lão ấy là đồ vô lại, quá đúng.",
    "Ông hàng xóm chửi thằng kia là đồ mất dạy, đáng đời nó.",
    "Người ta gọi thằng đó là đồ ăn hại là đúng rồi.",
    "Bạn mình bảo ông đó là đồ mất dạy, chuẩn không cần chỉnh.",
    "Mình thấy ông ta gọi họ là lũ ăn hại cũng chẳng sai.",
    "Hàng xóm chửi nó là đồ mất dạy. Chuẩn luôn!",
    # the writer takes the name up: generalises further, tells readers to shun them
    "Bà nội bảo bọn buôn đồ cũ ấy là lũ lừa đảo, chẳng đứa nào tử tế, cứ tránh xa.",
    # "đúng là" is the writer's own verdict, not a report's "là"; "bảo vệ" a guard, not "bảo"
    "Mấy đứa comment chửi bới bên dưới thì đúng là lũ óc bã đậu.",
    "Thằng bảo vệ siêu thị đúng là đồ mất dạy, không cho ai gửi xe.",
    "Ông bình luận viên kia đúng là đồ ngu, nói sai tên cầu thủ suốt.",
    # the frame told, then the writer's own word outside it
    "Hàng xóm mắng con là đồ mất dạy, mà nó mất dạy thật.",
    "Thằng hàng xóm đúng là đồ mất dạy, chửi con mình suốt.",
]


@pytest.mark.parametrize("text", WRITERS_OWN)
def test_the_writers_own_insult_still_counts(check, text):
    assert flagged(check, text)


@pytest.mark.parametrize("text, rule", [
    ("Tụi nó gọi con bé là con điên, chuẩn luôn.", "language.offensive-learned"),
    ("Mình chửi thằng cha đó là đồ mất dạy, ức không chịu được.", "language.offensive-learned"),
    ("Tao gọi bọn nó là lũ ăn bám đấy, sao nào.", "language.insult"),
])
def test_each_rule_still_reports_the_writers_own(check, text, rule):
    assert rule in flagged(check, text)


@pytest.mark.parametrize("sentence, name", [
    ("ông hàng xóm chửi con mình là đồ mất dạy, tức ghê", "đồ mất dạy"),
    ("bị khách mắng là ngu, buồn cả ngày", "ngu"),
    ("có đứa gọi người vùng lũ là lũ ăn bám", "lũ ăn bám"),
    # the name ends where another clause opens
    ("người ta gọi gã đó là đồ ăn hại là đúng rồi", "đồ ăn hại"),
    ("bé bị bạn chửi ngu như bò nên khóc", "ngu như bò"),
])
def test_the_name_a_frame_reports(sentence, name):
    spans = reported_names.name_spans(sentence)
    assert [sentence[s:e] for _, _, s, e in spans] == [name]


@pytest.mark.parametrize("sentence", [
    "tao chửi nó là đồ mất dạy",
    "chửi nó là đồ ngu đi",
    "ai cũng bảo nó là đồ ngu",
    "nó bị tao gọi là đồ ngu",
    "người ta gọi thế là ngu",
    "bị gọi lên phòng họp",
    # after a verb of saying, a long clause after "là" is a claim passed on, not a name
    "chú ấy nói chắc nịch là tháng sau ngân hàng sẽ đổi tiền",
    "mẹ bảo bí quyết giữ dáng là đi bộ mỗi sáng",
    "chú ba bảo ngân hàng ấy là sắp phá sản",
    "nó bảo tôi là sẽ đánh cho một trận",
    "mấy đứa comment bên dưới thì đúng là lũ ngu",
    "thằng bảo vệ tòa nhà đúng là đồ mất dạy",
    "cô bị chửi mà tụi kia vẫn cười",
])
def test_no_frame_without_someone_else_saying_it(sentence):
    assert reported_names.name_spans(sentence) == []


# reviewer's probes (issue 14, own sentences): the unquoted frame lowers only names of insult
# (its own gate, `reported_name`, on the insult, profanity and contempt-label rules and the
# learned rule of insults); a claim, a threat, a call, a slur or group hate reported this way,
# the writer's jab at "mày", a passive the writer wishes on someone, an endorsement, the
# writer among the subjects and the consensus all stay the writer's
STILL_FLAGGED = [
    # 1. defamation: a "name" that opens with a verb is a claim
    "Hàng xóm bảo ông Tư là ăn cắp.",
    "Mấy người trong tổ dân phố nói bà Hạnh là tham nhũng.",
    "Dân làng bảo ông trưởng thôn là ăn hối lộ.",
    # 2. threats and calls told as "names"
    "Anh trai nó nhắn thằng kia là liệu hồn.",
    "Họ nhắn anh em là xuống đường.",
    # 3. the second person passive, "đáng bị", the writer's verdict after it
    "Mày bị chửi là đồ ngu là còn nhẹ.",
    "Bọn mày bị gọi là lũ ăn hại cũng chẳng oan.",
    "Loại như mày đáng bị chửi là đồ súc vật.",
    "Bị chửi ngu là xứng.",
    "Tụi mày bị mắng là đồ vô dụng là phải.",
    # 4. the one insulted is "mày": the writer's own words before it count
    "Bố mẹ mày không dạy mày à người ta chửi mày là đồ mất dạy.",
    # 5. the name runs into the writer's words
    "Người ta chửi mày là đồ ăn hại mày cút đi cho khuất mắt.",
    "Cứ để nó bị chửi là đồ khốn nạn cho nó chừa.",
    # 6/8. group hate and slurs reported this way
    "Họ bảo người miền Tây là lũ lười biếng. Không có lửa làm sao có khói.",
    "Có người gọi bọn khựa là lũ xâm lược.",
    # 7. endorsements
    "Hàng xóm gọi lão ấy là đồ ăn bám, mà đúng thật.",
    "Người ta chửi thằng đó là đồ mất dạy, đúng thế thật.",
    "Có đứa gọi lão là đồ vô lại, chuẩn quá còn gì.",
    "Ông bác chửi nó là đồ ăn hại, mình cũng gọi thế.",
    "Hàng xóm chửi nó là đồ mất dạy, cũng phải thôi.",
    "Ông chủ chửi thằng kia là đồ mất dạy, đúng người đúng tội.",
    # 9. the writer among the subjects
    "Tao với mấy đứa bạn gọi nó là thằng hèn.",
    "Vợ chồng mình gọi lão ấy là đồ ăn bám.",
    "Em với mấy chị trong phòng gọi sếp là đồ ngu.",
    # 10. the consensus
    "Người nào cũng gọi lão là đồ ăn bám.",
    "Nhiều người gọi thằng đó là đồ mất dạy.",
    "Cả xóm gọi lão là đồ ăn bám.",
    # 11/12. "đáng bị" in the name, "thì tự hiểu", the endorsement in the sentence before
    "Bị gọi là đồ ngu thì tự hiểu.",
    "Mình đồng ý với hàng xóm. Họ gọi lão là đồ ăn bám.",
]


@pytest.mark.parametrize("text", STILL_FLAGGED)
def test_the_reviewers_probes_stay_flagged(check, text):
    assert flagged(check, text)


@pytest.mark.parametrize("text, rule", [
    ("Họ bảo người miền Tây là lũ lười biếng. Không có lửa làm sao có khói.", "hate.group-generalisation"),
    ("Có người gọi bọn khựa là lũ xâm lược.", "hate.slur"),
])
def test_group_hate_is_not_lowered_by_the_frame(check, text, rule):
    assert rule in flagged(check, text)


@pytest.mark.parametrize("sentence", [
    "hàng xóm bảo ông tư là ăn cắp",
    "anh trai nó nhắn thằng kia là liệu hồn",
    "họ nhắn anh em là xuống đường",
    "mày bị chửi là đồ ngu",
    "loại như mày đáng bị chửi là đồ súc vật",
    "bố mẹ mày không dạy mày à người ta chửi mày là đồ mất dạy",
    "người ta chửi mày là đồ ăn hại mày cút đi",
    "tao với mấy đứa bạn gọi nó là thằng hèn",
    "vợ chồng mình gọi lão ấy là đồ ăn bám",
    "nhiều người gọi thằng đó là đồ mất dạy",
    "đứa nào bị gọi là đồ ngu thì tự hiểu",
])
def test_no_frame_for_the_reviewers_probes(sentence):
    assert reported_names.name_spans(sentence) == []


def test_the_cut_opens_at_the_third_party():
    sentence = "Nghĩ mà tức thằng cha kia, lão hàng xóm chửi con mình là đồ mất dạy"
    [(cut, _, s, e)] = reported_names.name_spans(sentence)
    assert sentence[cut:].startswith("lão hàng xóm") and sentence[s:e] == "đồ mất dạy"
    sentence = "Mẹ nó dạy con kiểu gì mà nghe nói hàng xóm chửi con mình là đồ mất dạy"
    [(cut, _, _, _)] = reported_names.name_spans(sentence)
    assert sentence[cut:].startswith("hàng xóm")
