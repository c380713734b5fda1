"""Drafts typed in chat register: teencode short forms and text without diacritics.
Examples are written for these tests."""
from __future__ import annotations

import pytest

from postcheck.lang.teencode import teencode_table
from postcheck.normalize import clean, matching_view


def view(text: str):
    return matching_view(clean(text), teencode_table())


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    from postcheck import load_rulebook
    from postcheck.resources import resource_dir

    d = tmp_path_factory.mktemp("rules")
    (d / "t.yaml").write_text(
        "rules:\n"
        "  - id: test.chat\n"
        "    clause: '5.5'\n"
        "    severity: warning\n"
        "    kind: terms\n"
        "    description: test\n"
        "    terms: [người nhà mình, đại sứ, bên đó, tham tán, chứng minh, sứ quán, đồ chó]\n"
        "    message: {vi: 'x', en: 'x'}\n"
        "    examples: {hit: [a, b, c, d, e], miss: [a, b, c, d, e]}\n", encoding="utf-8")
    return load_rulebook([d], [resource_dir("wordlists")])


def hits(book, text):
    return [text[f.start:f.end] for f in book.check_text(text)]


@pytest.mark.parametrize("text, match", [
    # the teencode "ng" spelt out puts the marks of "người" in the view; the user typed none
    ("ng nha minh lam o ngan hang", "ng nha minh"),
    ("Ng nha minh bao the", "Ng nha minh"),
    ("nguoi nha minh bao the", "nguoi nha minh"),
    ("ng nhà mình bảo thế", "ng nhà mình"),
])
def test_teencode_beside_unaccented_words_matches_the_term(book, text, match):
    assert hits(book, text) == [match]


@pytest.mark.parametrize("text", [
    "nghe nha minh noi",  # "ng" only as a whole token
    "ng nhá mình bảo thế",  # a mark of another word: not the term
])
def test_teencode_look_alikes_do_not_match(book, text):
    assert hits(book, text) == []


@pytest.mark.parametrize("text, match", [
    ("dai su quan gui thu moi", "dai su"),  # only đại sứ quán spells "dai su quan"
    ("anh ay lam o Dai su quan", "Dai su"),
])
def test_a_longer_word_around_an_ambiguous_unaccented_term_reads_it(book, text, match):
    assert hits(book, text) == [match]


@pytest.mark.parametrize("text", [
    "chung minh di an trua nhe",  # chúng mình is written about as often as chứng minh
    "hom qua chung minh noi chuyen",
    # the usual reading, but the word around it reads it otherwise: lãnh sự quán
    "chi ay lam o tong lanh su quan",
    # the dictionary knows only đồ chó, but staff write đồ cho, đó cho, độ cho far more often
    "mua them do cho be di hoc",
])
def test_an_ambiguous_unaccented_term_without_a_deciding_neighbour_does_not_match(book, text):
    assert hits(book, text) == []


@pytest.mark.parametrize("text, match", [
    # a rare dictionary word folding the same (tham tàn, đại sự, bến đò) no longer blocks the
    # reading staff write many times as often (data/fold_frequencies.tsv)
    ("hom nay tham tan moi ca phong an trua", "tham tan"),
    ("Tham tan vua ve nuoc", "Tham tan"),
    ("chi ay moi len dai su roi", "dai su"),
    ("ben do moi nguoi on ca", "ben do"),
    ("chi ay lam o su quan", "su quan"),
])
def test_the_usual_reading_of_an_ambiguous_unaccented_term_matches(book, text, match):
    assert hits(book, text) == [match]


@pytest.mark.parametrize("text", [
    "chính sách tham tàn của bọn cướp",  # typed with marks: only the term's own marks count
    "ông ấy là một đại sư nổi tiếng",
    "anh Tham tân ở xóm trên",  # other marks, not the term
])
def test_an_accented_other_reading_never_matches_the_usual_one(book, text):
    assert hits(book, text) == []


@pytest.mark.parametrize("teen, full", [
    ("khum biết", "không biết"),
    ("nói lun đi", "nói luôn đi"),
    ("gửi anh nx nhé", "gửi anh nữa nhé"),
    ("mik ở cq", "mình ở cơ quan"),
])
def test_chat_short_forms_are_spelt_out(teen, full):
    assert view(teen).text == full


@pytest.mark.parametrize("text", [
    "mk wifi đây",  # mật khẩu as often as mình: left alone
    "accept lung tung",  # only whole tokens
    "qđa",
    # word lists write "chưa có qđ" for the chat form on purpose: spelt out, it would
    # also match the full phrase of every legal notice
    "chưa có qđ",
    "là nv",
    "report acc",
])
def test_ambiguous_or_partial_short_forms_stay(text):
    assert view(text).text == text


@pytest.mark.parametrize("text", [
    "Anh ấy bị đau hông từ hôm qua",  # hip: "không" would read a negation in
    "Đi lối cửa hông vào sảnh",  # side door
    "Trời tối đen thui",
    "Lãnh sự quán tại NY thông báo lịch làm việc",  # New York, not người yêu
    "Tập đoàn CJ mở thêm nhà máy",
    "Sản xuất còn nhỏ lẻ, manh mún",  # fragmented, not muốn
])
def test_short_forms_that_are_words_or_names_stay(text):
    assert view(text).text == text.lower()


def test_a_spelt_out_short_form_maps_back_to_what_was_typed():
    mt = view("gửi cq nha")
    i = mt.text.index("cơ quan")
    s, e = mt.original_span(i, i + len("cơ quan"))
    assert "gửi cq nha"[s:e] == "cq"


@pytest.fixture(scope="module")
def slot_book(tmp_path_factory):
    from postcheck import load_rulebook
    from postcheck.resources import resource_dir

    d = tmp_path_factory.mktemp("rules")
    (d / "t.yaml").write_text(
        "rules:\n"
        "  - id: test.told\n"
        "    clause: '5.2'\n"
        "    severity: warning\n"
        "    kind: terms\n"
        "    description: test\n"
        "    terms: [sắp lên chức]\n"
        "    requires: {terms: [mình, tôi], scope: sentence}\n"
        "    message: {vi: 'x', en: 'x'}\n"
        "    examples: {hit: [a, b, c, d, e], miss: [a, b, c, d, e]}\n", encoding="utf-8")
    return load_rulebook([d], [resource_dir("wordlists")])


@pytest.mark.parametrize("text, match", [
    # typed bare, "minh" is mình many times as often as anything else: it fills the slot
    ("nghe noi sep minh sap len chuc", "sap len chuc"),
    ("Minh nghe bao anh Tuan sap len chuc", "sap len chuc"),
    ("nghe nói sếp mình sắp lên chức", "sắp lên chức"),
])
def test_a_lone_unaccented_syllable_with_a_usual_reading_fills_a_slot(slot_book, text, match):
    assert hits(slot_book, text) == [match]


@pytest.mark.parametrize("text", [
    "Anh Minh sắp lên chức rồi",  # a bare syllable amid accented text is a name
    "toi nay sep sap len chuc",  # "toi" is tối or tới as often as tôi: still no pronoun
])
def test_a_lone_unaccented_syllable_without_a_usual_reading_stays_weak(slot_book, text):
    assert hits(slot_book, text) == []


@pytest.fixture(scope="module")
def pair_book(tmp_path_factory):
    from postcheck import load_rulebook
    from postcheck.resources import resource_dir

    d = tmp_path_factory.mktemp("pair_rules")
    (d / "t.yaml").write_text(
        "rules:\n"
        "  - id: test.pair\n"
        "    clause: '5.5'\n"
        "    severity: warning\n"
        "    kind: near\n"
        "    description: test\n"
        "    a: {terms: [cán bộ ngoại giao, đại sứ quán]}\n"
        "    b: {terms: [hoàn tiền, giảm giá, đặt cọc, bạn đời, sang làm]}\n"
        "    within: {sentences: 1}\n"
        "    report: b\n"
        "    message: {vi: 'x', en: 'x'}\n"
        "    examples: {hit: [a, b, c, d, e], miss: [a, b, c, d, e]}\n", encoding="utf-8")
    return load_rulebook([d], [resource_dir("wordlists")])


@pytest.mark.parametrize("text, match", [
    # typed without marks, one half of the pair makes another word with its neighbour
    # (tiền vệ, tiên phong, tiền nhà, tiền án, giá tiền): with marks it is no word, and
    # the pair is still the term
    ("toi la can bo ngoai giao, khach san phai hoan tien phong cho toi", "hoan tien"),
    ("toi la can bo ngoai giao, hang bay phai hoan tien ve truoc cho toi", "hoan tien"),
    ("toi la can bo ngoai giao nen chu tro hoan tien nha ngay", "hoan tien"),
    ("toi la can bo ngoai giao, quan phai hoan tien an toi qua", "hoan tien"),
    ("minh o dai su quan, cua hang giam gia tien mat cho minh", "giam gia"),
    ("Tôi là cán bộ ngoại giao, khách sạn phải hoàn tiền phòng cho tôi", "hoàn tiền"),
    ("Tôi là cán bộ ngoại giao, hãng bay phải hoàn tiền vé trước cho tôi", "hoàn tiền"),
    ("nghe noi can bo ngoai giao do sap sang lam dai su o Chile", "sang lam"),
])
def test_an_unaccented_pair_with_one_half_taken_by_a_neighbour_is_still_the_term(pair_book, text, match):
    assert hits(pair_book, text) == [match]


@pytest.mark.parametrize("text", [
    # both halves taken by their neighbours: other words (hô hoán + tiền cọc; bè bạn +
    # đời sống in "ban be ban doi song")
    "can bo ngoai giao bat ho hoan tien coc cho toi",
    "can bo ngoai giao co nhieu ban be ban doi song kha gia",
    # one half in a word staff write often, the segmenter's reading kept: làm việc
    "can bo ngoai giao bi lua sang lam viec o Dubai",
])
def test_an_unaccented_pair_with_both_halves_taken_is_not_the_term(pair_book, text):
    assert hits(pair_book, text) == []
