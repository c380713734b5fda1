"""Issue 11, items 9-11: a term hidden by partial diacritics, punctuation or markup around or
between its syllables, format characters, letters split by symbols, stacked marks or
look-alike letters is still found, and reported at its span in the original text; the
look-alikes of those tricks in ordinary writing are not."""
from __future__ import annotations

import unicodedata

import pytest

from postcheck.clean import _SIMPLE_CHARS
from postcheck.lang.syllables import inventory
from postcheck.lang.teencode import teencode_table
from postcheck.lang.vi import confusables
from postcheck.normalize import clean, matching_view


def _found(check, text: str, rule: str):
    return [f for f in check(text) if f.rule == rule]


def _assert_hit(check, text: str, rule: str, typed: str) -> None:
    """`rule` fires, and its span is exactly where `typed` stands in the original."""
    found = _found(check, text, rule)
    assert found, f"{rule} missed: {text!r}"
    start = text.index(typed)
    assert any((f.start, f.end) == (start, start + len(typed)) for f in found), (text, [(f.start, f.end) for f in found])
    for f in found:
        assert f.match == text[f.start:f.end]


CLASSIFIED = "classified.marks"

# (draft, the evasive spelling the finding must cover)
PARTIAL_DIACRITICS = [
    ("Đây là tài liệu tuyet mat nhé.", "tuyet mat"),
    ("Gửi mọi người bao cao mat về đàm phán nhé.", "bao cao mat"),
    ("Đây là bi mat nha nuoc nhé.", "bi mat nha nuoc"),
    ("Bản này là tuyệt mat, đừng chuyển tiếp.", "tuyệt mat"),
    ("Anh gửi hồ sơ mat cho chị nhé.", "hồ sơ mat"),
    ("CẤM CHIA SẺ: TUYET MAT", "TUYET MAT"),
]


@pytest.mark.parametrize("text,typed", PARTIAL_DIACRITICS)
def test_partial_diacritics_hit(check, text, typed):
    _assert_hit(check, text, CLASSIFIED, typed)


@pytest.mark.parametrize("text", [
    "Bận tối mat cả tuần nay.",            # tối mặt: a dictionary word agrees with the marks typed
    "Tài liệu này tuyệt mặt nhé.",         # a different tone mark is a different word
    "Hai bên gặp mặt thân mat.",           # thân mật is no classification mark
    "Chị Bao Cao đến rồi, vui quá.",       # a name amid accented text
    "Sandra từng sang Châu Á du lịch.",    # "Á du": bare syllables that are words of their own
    "Mua đồ cho bé ở chợ nhé.",            # "đồ cho": likewise, though "đồ chó" is an insult
    "Tự do cho mọi người.",
])
def test_partial_diacritics_look_alikes_do_not_hit(check, text):
    assert not [f for f in check(text) if f.severity in ("error", "warning") and f.rule != "language.offensive-learned"], text


PUNCTUATION = [
    ("Đây là **tuyệt** mật nhé", "tuyệt** mật"),
    ("Đây là tuyệt *mật* nhé", "tuyệt *mật"),
    ("Đây là “tuyệt” mật nhé", "tuyệt” mật"),
    ("Đây là (tuyệt) mật nhé", "tuyệt) mật"),
    ("Gửi báo-cáo-mật nhé", "báo-cáo-mật"),
    ("Gửi báo.cáo.mật nhé", "báo.cáo.mật"),
    ("Đây là tuyệt_mật nhé", "tuyệt_mật"),
    ("Chia sẻ #báocáomật nhé", "báocáomật"),
    ("Chia sẻ #baocaomat nhé", "baocaomat"),
    ("Đây là tuyệt🔥mật nhé", "tuyệt🔥mật"),
    ("Đây là tuyệtmật nhé", "tuyệtmật"),
    ("Đây là t/u/y/ệ/t m/ậ/t nhé", "t/u/y/ệ/t m/ậ/t"),
    ("Đây là t,u,y,ệ,t m,ậ,t nhé", "t,u,y,ệ,t m,ậ,t"),
    ("Đây là t|u|y|ệ|t m|ậ|t nhé", "t|u|y|ệ|t m|ậ|t"),
    ("Đây là t~u~y~ệ~t m~ậ~t nhé", "t~u~y~ệ~t m~ậ~t"),
    ("Đây là t+u+y+ệ+t m+ậ+t nhé", "t+u+y+ệ+t m+ậ+t"),
]


@pytest.mark.parametrize("text,typed", PUNCTUATION)
def test_punctuation_and_markup_around_or_between_syllables_hit(check, text, typed):
    _assert_hit(check, text, CLASSIFIED, typed)


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u202e", "\u180e",
                                  "\u2066", "\U000e0020"])
def test_a_format_character_as_the_space_between_words_hits(check, char):
    text = f"Đây là tuyệt{char}mật nhé"
    _assert_hit(check, text, CLASSIFIED, f"tuyệt{char}mật")


@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u2800", "\u17b4", "\u200b", "\u034f", "\uffa0"])
def test_an_invisible_filler_inside_a_word_hits(check, char):
    text = f"Đây là tuy{char}ệt mậ{char}t nhé"
    _assert_hit(check, text, CLASSIFIED, f"tuy{char}ệt mậ{char}t")


@pytest.mark.parametrize("text,typed", [
    ("Anh ấy là đồ l🙂ồ🙂n.", "đồ l🙂ồ🙂n"),
    ("Anh ấy là đồ l0n.", "đồ l0n"),
])
def test_letters_split_by_emoji_or_digits_hit(check, text, typed):
    _assert_hit(check, text, "language.profanity", typed)


def test_stacked_combining_marks_hit(check):
    text = "Đây là tuyệt mậ\u0301t nhé"
    _assert_hit(check, text, CLASSIFIED, "tuyệt mậ\u0301t")
    zalgo = "Đây là tu\u0336yệt m\u0338ậ\u0337t nhé"
    _assert_hit(check, zalgo, CLASSIFIED, "tu\u0336yệt m\u0338ậ\u0337t")


@pytest.mark.parametrize("typed", [
    "tuyệt mật".replace("t", "ꓔ", 1),         # Lisu
    "tuyệt mật".replace("t", "Ꭲ", 1),         # Cherokee
    "ᴛᴜʏệt mật",                               # small capitals
    "🅣🅤🅨ệt mật",                              # negative circled letters
    "ＴＵＹỆＴ mật",                            # full width
    "𝐭𝐮𝐲ệt mật",                               # mathematical bold
    "tài liệu mɑt",                            # Latin alpha, and a syllable that lost its mark
    "tài ⅼiệu mật",                             # small roman numeral fifty
])
def test_look_alike_letters_of_other_scripts_hit(check, typed):
    text = f"Đây là {typed} nhé"
    _assert_hit(check, text, CLASSIFIED, typed)


def test_armenian_o_is_folded():
    assert clean("hồ sơ tốі mật kօ").text == "hồ sơ tối mật ko"


@pytest.mark.parametrize("text", [
    "Hai nước có quan hệ mật-thiết",            # the dictionary word mật thiết
    "Hôm nay Hà-Nội mưa to",
    "Gửi báo-cáo-tài-chính quý 3 nhé",
    "Xem #dulịchViệtNam nhé",
    "Chúc mừng năm mới 🎉 vui vẻ",
    "Hai bên thân🔥mật lắm",
    "Mật ong **rừng** ngon",
    "Đây là tuyệtmặt",
    "Bức ảnh (tuyệt) đẹp",
    "Liên hệ e-mail nhé, Nga-Ukraine đàm phán",
    "Anh ấy làm việc ở TP.HCM",
    "Mật khẩu hộp thư: Xuan.Ha#77",
])
def test_look_alikes_of_the_tricks_do_not_hit_classified(check, text):
    assert not _found(check, text, CLASSIFIED), text


def test_emoji_between_two_unrelated_words_is_a_space():
    assert matching_view(clean("vui🔥vẻ"), teencode_table()).text == "vui vẻ"


def test_hyphenated_names_and_addresses_are_left_alone():
    view = matching_view(clean("e-mail Nga-Ukraine tp.hcm x@bao.moi.com vnexpress.net"), teencode_table()).text
    assert view == "e-mail nga-ukraine tp.hcm x@bao.moi.com vnexpress.net"


@pytest.mark.parametrize("text,expected", [
    ("tuyệt\u200bmật", "tuyệt mật"),     # between words: a space
    ("tuy\u200bệt", "tuyệt"),            # inside a word: nothing
    ("t\u200bu\u200by\u200bệ\u200bt", "tuyệt"),
    ("xin\u2060chào", "xin chào"),
    ("hồ\u3164sơ", "hồ sơ"),
])
def test_invisible_characters_are_nothing_inside_a_word_and_a_space_between_words(text, expected):
    assert clean(text).text == expected


def test_vietnamese_letters_are_never_folded_away():
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    for text in (letters, letters.upper()):
        assert clean(text).text == text
        assert clean(unicodedata.normalize("NFD", text)).text == text
    table, _ = confusables()
    assert not set(table) & set(letters + letters.upper())


def test_latin_look_alikes_are_carved_out_of_the_plain_latin_fast_path():
    import re

    simple = re.compile(f"[{_SIMPLE_CHARS}]")
    table, _ = confusables()
    assert [c for c in table if simple.match(c)] == []
    assert clean("ı ǀ ſ").text == "i l s"  # ſ is s by meaning (NFKC), though it looks like f


@pytest.mark.parametrize("letters,pieces", [
    ("tuyệtmật", ["tuyệt", "mật"]),
    ("báocáomật", ["báo", "cáo", "mật"]),
    ("bimatnhanuoc", ["bi", "mat", "nha", "nuoc"]),
    ("facebook", None),
    ("hello", None),
    ("nghiêng", ["nghiêng"]),
])
def test_syllable_split(letters, pieces):
    cuts = inventory().split(letters)
    if pieces is None:
        assert cuts is None
    else:
        bounds = [0, *cuts, len(letters)]
        assert [letters[a:b] for a, b in zip(bounds, bounds[1:])] == pieces


@pytest.mark.parametrize("text", [
    "Tài liệu t u y ệ t m ậ t, đừng gửi ra ngoài.",
    "Đây là tài liệu t u y ệ t m ậ t.",
    "Tài liệu t u y ệ t m ậ t!",
    "Có phải t u y ệ t m ậ t?",
    "Ghi chú (t u y ệ t m ậ t) nhé.",
    "Ghi chú “t u y ệ t m ậ t” nhé.",
    "Hồ sơ này t u y ệ t m ậ t",
])
def test_spaced_letters_before_punctuation_are_found_whole(check, text):
    _assert_hit(check, text, CLASSIFIED, "t u y ệ t m ậ t")
