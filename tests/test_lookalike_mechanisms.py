"""Clean look-alikes by mechanism (issue 14's precision work), each with the violation that
must still be reported beside it. Wordings are written for this file; the rules' own
examples pin spans."""
from __future__ import annotations

import subprocess
import sys

import pytest

from postcheck import load_rulebook
from rule_files import counted


def rules_of(check, text):
    return {rule for rule, _ in counted(check, text)}


# ---------------------------------------------------------------- 4.1: the model's kin words

RUDE_RULE = ("rules:\n  - id: t.rude\n    clause: '4.1'\n    severity: warning\n    kind: classifier\n"
             "    description: d\n    model: offensive.bin\n    threshold: 0.74\n    plain_threshold: 0.76\n"
             "    min_syllables: 2\n    scope: sentence\n    min_chars: 4\n{extra}"
             "    message: {{vi: a, en: b}}\n    examples: {{hit: [x], miss: [y]}}\n")


def _book(tmp_path, extra: str):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(RUDE_RULE.format(extra=extra), encoding="utf-8")
    return folder


@pytest.mark.parametrize("text", [
    "Thằng bé được cô khen trước lớp. Bố nghe mà nở mày nở mặt.",
    "Mẹ con tự nấu vậy 😄",
])
def test_neutral_phrases_are_what_the_model_fired_on(tmp_path, text):
    """The same rule without `neutral` flags these family sentences; with the shipped
    phrases taken out they no longer reach the threshold."""
    bare = load_rulebook([_book(tmp_path, "")])
    assert any(f.rule == "t.rude" for f in bare.check_text(text))
    assert "language.offensive-learned" not in rules_of(load_rulebook().check_text, text)


@pytest.mark.parametrize("text", [
    "Bố mẹ mày không dạy mày à?",
    "Con mình học kém thì kệ con mình, loại như mày thì biết gì mà nói.",
])
def test_abuse_beside_a_kin_word_is_still_rude(tmp_path, text):
    """The model alone (the word rules also flag "mày"): its neutral phrases leave the abuse."""
    assert rules_of(_learned_rule_alone(tmp_path).check_text, text) == {"language.offensive-learned"}


def _learned_rule_alone(tmp_path):
    import yaml

    from postcheck.resources import resource_dir

    shipped = yaml.safe_load((resource_dir("rules") / "learned.yaml").read_text(encoding="utf-8"))
    alone = [r for r in shipped["rules"] if r["id"] == "language.offensive-learned"]
    folder = tmp_path / "learned"
    folder.mkdir()
    (folder / "r.yaml").write_text(yaml.safe_dump({"rules": alone}, allow_unicode=True), encoding="utf-8")
    return load_rulebook([folder], [resource_dir("wordlists")])


def test_neutral_must_be_phrases(tmp_path):
    folder = _book(tmp_path, "    neutral: ['!!']\n")
    draft = tmp_path / "d.txt"
    draft.write_text("Chào cả nhà.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "postcheck", "--rules", str(folder), str(draft)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 3
    assert "r.yaml" in proc.stderr and "'neutral'" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------- words in a harmless sense

@pytest.mark.parametrize("text, rule", [
    ("Cô bé múa uốn éo theo nhạc, cả nhà vỗ tay.", "language.profanity"),
    ("Chuyện tình của hai người éo le như phim.", "language.profanity"),
    ("Chiều nay mua ba que kem cho ba đứa nhỏ.", "hate.slur"),
    ("Tin nhắn lừa đảo lại về, nó bảo tài khoản bị khóa, đừng bấm nhé.", "hate.defamation"),
    ("Cảnh giác trang web lừa đảo, nó giả giao diện ngân hàng y hệt.", "hate.defamation"),
])
def test_a_word_in_its_harmless_sense_is_clean(check, text, rule):
    assert rule not in rules_of(check, text)


@pytest.mark.parametrize("text, rule, span", [
    ("Nói mãi không hiểu, éo muốn giải thích nữa.", "language.profanity", "éo"),
    ("Lũ ba que lại lên mạng chống phá.", "hate.slur", "ba que"),
    ("Bà chủ tiệm vàng đầu ngõ lừa đảo khách suốt mấy năm.", "hate.defamation", "lừa đảo"),
])
def test_the_word_used_of_someone_still_hits(check, text, rule, span):
    assert (rule, span) in counted(check, text)


# ---------------------------------------------------------------- 5.5: the office disclaimed

@pytest.mark.parametrize("text", [
    "Anh làm ở Bộ nhưng anh không can thiệp được kết quả thi đâu, em cứ ôn cho tốt.",
    "Mình là Bí thư thứ hai ở Sứ quán, còn quán phở là chuyện riêng của bố mẹ mình nhé.",
    "Tôi viết với tư cách cá nhân, không phải với tư cách Tham tán công sứ.",
])
def test_an_office_named_to_keep_it_out_is_not_misuse(check, text):
    assert "5.5" not in {f.clause for f in check(text) if f.severity != "info"}


@pytest.mark.parametrize("text", [
    "Mình là Tham tán ở Đại sứ quán, ai mua hàng của shop mình thì làm visa sẽ được ưu tiên nhé.",
    "Với tư cách Đại sứ, tôi nói luôn: quan điểm của Bộ là ủng hộ dự án này.",
])
def test_the_office_used_for_a_private_end_still_hits(check, text):
    assert "5.5" in {f.clause for f in check(text) if f.severity != "info"}


# ---------------------------------------------------------------- 5.2: a mark in jest, a recipe

@pytest.mark.parametrize("text", [
    "Bạn hỏi lương em bao nhiêu, em bảo tuyệt mật nói đùa thôi chứ ai cũng biết 😂",
    "Tuyệt mật: công thức pha nước chấm của mẹ là thêm chút tắc 🤫",
])
def test_a_mark_in_jest_or_a_recipe_is_no_document(check, text):
    assert "classified.marks" not in rules_of(check, text)


def test_a_jest_away_from_the_mark_does_not_clear_a_document(check):
    text = "Chuyển các bạn bản báo cáo tối mật của Vụ, đọc nói cho vui thôi."
    assert ("classified.marks", "tối mật") in counted(check, text)


# ---------------------------------------------------------------- 5.1: one's own number

def test_ones_own_number_in_a_sale_is_a_note(check):
    text = "Gạo quê nhà trồng, ai lấy thì nhắn em nhé, số em 0987 654 321."
    assert not [f for f in check(text) if f.rule == "personal.phone" and f.severity != "info"]


def test_a_named_persons_number_still_hits(check):
    text = "Ai cần thì gọi chị Mai phòng bên, số 0987 654 321 nhé."
    assert ("personal.phone", "0987 654 321") in counted(check, text)


# ---------------------------------------------------------------- history retold (5.3, 5.7)

@pytest.mark.parametrize("text", [
    "Năm 1930, nông dân Nghệ Tĩnh xuống đường biểu tình, kêu gọi giảm sưu thuế.",
    "Sinh viên nên đọc về cuộc đảo chính ở Chile năm 1973, một bài học kinh điển.",
    "Thầy kể năm 1945 người dân khắp nơi kéo nhau đi biểu tình giành chính quyền.",
])
def test_an_event_retold_as_history_is_a_note(check, text):
    assert not {f.clause for f in check(text) if f.severity != "info"} & {"5.3", "5.7"}


@pytest.mark.parametrize("text, clause", [
    # an old year named in a call for today
    ("Anh em ơi tối nay xuống đường biểu tình phản đối ngay, như năm 1930!", "5.3"),
    # a recent year is news, not history
    ("Cuộc bầu cử tổng thống Mỹ năm 2024 đầy gian lận, thật đáng xấu hổ.", "5.7"),
    # the old year is 20 years before the text's latest: that latest sentence is today's
    ("Năm 1990 Đức thống nhất. Năm 2025 bầu cử Đức lại gian lận, thật nực cười.", "5.7"),
])
def test_a_call_or_a_comment_on_today_still_hits(check, text, clause):
    assert clause in {f.clause for f in check(text) if f.severity != "info"}


# ---------------------------------------------------------------- 5.3 debunked, 5.5 the staff as a group

@pytest.mark.parametrize("text", [
    'Clip "Sứ quán thu tiền bôi trơn khi làm hộ chiếu" là bịa đặt, Sứ quán đã bác bỏ.',
    'Ảnh "cán bộ lãnh sự nhận phong bì" là ảnh cắt ghép, đừng chia sẻ nữa.',
])
def test_a_claim_named_to_call_it_false_is_no_attack(check, text):
    assert "5.3" not in {f.clause for f in check(text) if f.severity != "info"}


def test_the_claim_stated_as_fact_still_hits(check):
    text = "Cán bộ lãnh sự nhận phong bì mới làm hộ chiếu nhanh, ai cũng biết."
    assert "5.3" in {f.clause for f in check(text) if f.severity != "info"}


@pytest.mark.parametrize("rule, text, fires", [
    # 5.5: the staff named as a group claim no office; one's own office for a favour does
    ("office.claim-for-favour", "Cán bộ sứ quán toàn đi xe sang, chỉ giỏi mua hàng hiệu về bán.", False),
    ("office.claim-for-favour", "Tôi là cán bộ sứ quán đây, anh xếp cho tôi lên đầu nhé.", True),
    # a national secret as a joke is no mark; the law's term still marks a document
    ("classified.marks", "Hỏi lương tháng này của em à? Bí mật quốc gia nhé 😂", False),
    ("classified.marks", "Gửi mọi người bản báo cáo này, thuộc bí mật nhà nước đấy, đọc xong xóa nhé.", True),
])
def test_a_look_alike_beside_the_violation(check, rule, text, fires):
    assert (rule in rules_of(check, text)) is fires


# ---------------------------------------------------------------- 5.1: one's own date of birth

@pytest.mark.parametrize("text", [
    "Sinh nhật tuổi 35 (tôi sinh 14/9/1991), cả phòng tặng bánh kem.",
    "Tôi sinh 02/02/1980 ở Huế, lớn lên ở Đà Nẵng.",
])
def test_ones_own_birth_date_is_not_anothers_data(check, text):
    assert "5.1" not in {f.clause for f in check(text) if f.severity != "info"}


@pytest.mark.parametrize("text, date", [
    ("Con tôi sinh 14/9/2018, năm nay vào lớp 3.", "14/9/2018"),
    ("Anh Dũng phòng mình, sinh 14/9/1991, ai nhớ thì chúc nhé.", "14/9/1991"),
])
def test_someone_elses_birth_date_still_hits(check, text, date):
    assert ("personal.birth-date", date) in counted(check, text)


# ---------------------------------------------------------------- 5.1: a number that is a code

@pytest.mark.parametrize("text", [
    "Mã đơn hàng 0358 123 456 giao chậm quá, ai bị giống mình không?",
    "Mã sinh viên của con là 0912345678, cô giáo nhắn để tra điểm.",
    "Số seri máy: 0912 345 678, còn bảo hành đến tháng 6.",
])
def test_a_code_after_its_label_is_not_a_phone(check, text):
    assert "personal.phone" not in rules_of(check, text)


def test_a_phone_after_a_distant_label_still_hits(check):
    text = "Mã số thuế bên mình xong rồi, còn số riêng của chị Mai kế toán là 0912 345 678 nhé."
    assert ("personal.phone", "0912 345 678") in counted(check, text)


# ---------------------------------------------------------------- a slur named to reject it

@pytest.mark.parametrize("text", [
    'Mình không đồng ý việc dùng từ "Tàu khựa" để gọi người khác, nghe rất nặng nề.',
    'Đừng gọi người khuyết tật là "thằng què", đó là xúc phạm.',
    'Đừng bao giờ gọi người khuyết tật là "thằng què" nhé.',
])
def test_a_slur_named_to_reject_it_is_clean(check, text):
    assert not {f.clause for f in check(text) if f.severity != "info"} & {"4.1", "5.4"}


def test_the_slur_used_of_someone_still_hits(check):
    text = "Bọn Tàu khựa lại kéo tàu ra ngư trường rồi."
    assert "5.4" in {f.clause for f in check(text) if f.severity != "info"}


# ------------------------------------------------- typed without marks: frequency and neighbours
# (eleventh session) a bare pair whose syllable the drafts never write with the term's marks
# ("sủa", "phò", "câm", "táng") is other words unless something aims it at a person; a bare
# pair whose edge syllable a neighbour takes in a phrase staff write ("mat lanh": mát lạnh)
# is that phrase

@pytest.mark.parametrize("text, rule", [
    ("Chieu nay ghe tiem mua hai hop bot sua cho be.", "language.insult"),
    ("Sieu thi dang giam gia bot sua nhap khau, ai can thi tranh thu.", "language.insult"),
    ("Nha moi cua minh nam tren con pho nho rat yen tinh.", "language.insult"),
    ("Ngay xua ba ngoai song o con pho co gan cho Dong Xuan.", "language.insult"),
    ("Chi mac vay mau do cam di tiec trong rat tuoi.", "hate.slur"),
    ("Bo minh gioi sua dien, ai can thi goi ong nhe.", "language.insult"),
    ("Cuoi nam cong ty tang cho moi nhan vien mot gio qua.", "hate.threat"),
    ("Phong lam viec vua lap dien mat lanh, he nay khong lo nong nua.", "classified.marks"),
    ("Nuoc dua uop tu lanh tuyet mat lanh luon, uong la me.", "classified.marks"),
])
def test_a_bare_pair_read_as_everyday_words_is_clean(check, text, rule):
    assert rule not in rules_of(check, text)


@pytest.mark.parametrize("text, rule, span", [
    ("may bot sua di, noi nhieu qua", "language.insult", "bot sua"),
    ("thang kia la do cam a, hoi ma khong tra loi", "hate.slur", "do cam"),
    ("tai lieu tuyet mat cua Vu, minh chup gui anh em xem", "classified.marks", "tuyet mat"),
    ("gui ca nhom ban dien mat sang nay nhe", "classified.marks", "dien mat"),
    # a vulgar word the drafts never write with marks, followed by a chat particle
    ("troi oi an lon roi anh em a", "language.profanity", "an lon"),
    # its own head points it ("thằng", "cái")
    ("cai ban dich viet nhu thang dan, sai het", "language.insult", "thang dan"),
])
def test_a_bare_pair_aimed_or_unrivalled_still_hits(check, text, rule, span):
    assert (rule, span) in counted(check, text)


# ------------------------------------------------- 5.3: another state's minister or embassy

@pytest.mark.parametrize("text", [
    "Theo Reuters, Bộ trưởng Ngoại giao Peru bị cáo buộc nhận hối lộ từ một nhà thầu.",
    "Bộ trưởng Tài chính Argentina bị bắt vì tham nhũng, AFP đưa tin sáng nay.",
    "Đại sứ quán Pháp bị báo chí nước này tố bán visa cho môi giới.",
    "Thứ trưởng Hàn Quốc bị điều tra vì nhận hối lộ, theo Yonhap.",
])
def test_another_states_body_is_no_claim_about_the_ministry(check, text):
    assert not rules_of(check, text) & {"reputation.misconduct-claim", "reputation.attack"}


@pytest.mark.parametrize("text, span", [
    ("Nghe bảo Đại sứ quán tại Pháp thu tiền ngoài mới trả hộ chiếu sớm.", "thu tiền"),
    ("Đại sứ quán Việt Nam ở Đức ăn chặn tiền hỗ trợ của dân.", "ăn chặn"),
])
def test_our_mission_abroad_is_still_ours(check, text, span):
    assert ("reputation.misconduct-claim", span) in counted(check, text)


# ------------------------------------------------- 5.7: a neutral relay is a warning

def test_a_relay_with_its_source_is_a_warning_and_a_verdict_an_error(check):
    relay = "Theo BBC, phe đối lập Venezuela tổ chức biểu tình lớn tại thủ đô."
    found = {f.severity for f in check(relay) if f.rule == "foreign.internal-affairs"}
    assert found == {"warning"}
    verdict = "Theo Reuters, phe đối lập Venezuela tổ chức biểu tình lớn, chính quyền thật đáng xấu hổ."
    assert {f.severity for f in check(verdict) if f.rule == "foreign.internal-affairs"} == {"error"}
    own = "Phe đối lập Venezuela tổ chức biểu tình lớn tại thủ đô."
    assert {f.severity for f in check(own) if f.rule == "foreign.internal-affairs"} == {"error"}


# ------------------------------------------------- 5.1: clean look-alikes of the new rules

@pytest.mark.parametrize("text", [
    "Hôm nay sinh nhật mình, 12/3, cảm ơn cả nhà đã nhớ và chúc mừng nhé!",
    "Mình sinh ngày 20/10/1992, tuổi Thân, năm nay tròn 32 rồi các bạn ơi.",
    "Trụ sở Bộ Ngoại giao ở số 1 Tôn Thất Đàm, Ba Đình; bà con cần hợp pháp hóa giấy tờ có thể đến Cục Lãnh sự.",
    "Đại sứ quán Việt Nam tại Pháp có địa chỉ 62 rue Boileau, 75016 Paris, làm việc từ thứ Hai đến thứ Sáu.",
    "Quán phở bò ngon nhất khu mình: ngõ 15 Hàng Bột, mở từ 6h sáng, ai qua thì ghé nhé.",
    "Tiệm may của cô Lan ở số 8 ngõ 42 Thái Hà, may áo dài đẹp và nhanh, mình vừa đặt 2 bộ.",
    "Phòng khám của bác sĩ Thành ở 35 ngõ 12 Trần Quốc Hoàn, khám nhi rất tận tâm.",
    "Ca sĩ Bằng Kiều thông báo hủy show vì viêm thanh quản, bác sĩ yêu cầu nghỉ hát hai tuần.",
    "Nam diễn viên nổi tiếng công khai mình mắc trầm cảm để khuyến khích mọi người đi khám sớm.",
    "Cầu thủ Quang Hải dính chấn thương cơ đùi, sẽ nghỉ thi đấu 3 tuần theo thông báo của CLB.",
    "Danh sách đoàn đi công tác Nhật Bản: anh Hùng, chị Mai, anh Tuấn, khởi hành ngày 12/6, về ngày 18/6.",
    "Lịch trực Tết của phòng: anh Nam trực mùng 1, chị Hoa mùng 2, anh Bình mùng 3.",
    "Kết quả giải chạy cơ quan: nhất anh Dũng 21 phút, nhì chị Thảo 23 phút, ba anh Long 24 phút.",
    "Báo Pháp luật đưa tin phiên tòa xét xử vụ án lừa đảo sẽ mở vào ngày 20/11 tại TAND Hà Nội.",
    "Chuyển tiếp tin nhắn của Đại sứ quán: bà con chú ý lịch nghỉ lễ Quốc khánh, cơ quan đóng cửa ngày 2/9.",
    "Fwd: Thông báo của Phòng Tổ chức cán bộ: hạn nộp hồ sơ thi nâng ngạch là 30/6.",
    "Mình vừa chuyển nhiệm sở sang Canberra, nhà mình ở khu Yarralumla gần Đại sứ quán, có ai ở gần không?",
    "Khách sạn đoàn mình ở: Novotel Bangkok, 1 Sukhumvit Soi 20, ai cần liên lạc thì gọi lễ tân.",
    "Bố mình nằm viện điều trị tim mạch ở Bạch Mai tuần này, mình xin phép nghỉ 2 hôm.",
    "Mình ly hôn được hai năm rồi, giờ sống một mình với con, vẫn ổn cả.",
    "Chị Hà vừa sinh em bé, mẹ tròn con vuông, cả phòng gửi lời chúc mừng!",
    "Anh chị em đi Paris nhớ ghé phở Hà Nội ở 17 rue Pascal, chủ quán người Việt rất nhiệt tình.",
    "Chồng em nhận sửa xe đạp điện ở đầu ngõ. Làm cả Chủ nhật. Gọi số của tiệm 0986 113 472 nhé.",
    "Mình pass lại nồi chiên không dầu, dùng 3 tháng. Xem hàng tại Thanh Xuân, tối sau 8h. SĐT 0964 227 105.",
])
def test_personal_lookalikes_are_clean(check, text):
    assert "5.1" not in {f.clause for f in check(text) if f.severity != "info"}
