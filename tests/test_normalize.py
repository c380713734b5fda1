"""Normalization undoes evasions while every position still points into the original."""
from __future__ import annotations

import unicodedata

import pytest

from postcheck.lang.teencode import teencode_table
from postcheck.lang.vi import fold, tone_key
from postcheck.normalize import clean, matching_view


def view(text: str):
    return matching_view(clean(text), teencode_table())


def spans_back(text: str, needle: str) -> str:
    """The original characters behind the first occurrence of `needle` in the matching view."""
    mt = view(text)
    i = mt.text.index(needle)
    s, e = mt.original_span(i, i + len(needle))
    return text[s:e]


def test_nfd_is_composed_and_mapped_back():
    text = unicodedata.normalize("NFD", "Tài liệu mật")
    assert view(text).text == "tài liệu mật"
    assert spans_back(text, "mật") == unicodedata.normalize("NFD", "mật")


def test_zero_width_characters_are_dropped():
    text = "b\u200bí m\u200dật"
    assert view(text).text == "bí mật"
    assert spans_back(text, "bí mật") == text


def test_cyrillic_and_greek_look_alikes_are_folded():
    assert view("МẬТ").text == "mật"  # Cyrillic М and Т
    assert view("οс сhο").text == "oc cho"  # Greek ο, Cyrillic с


@pytest.mark.parametrize("evasion,plain", [
    ("b.í m.ậ.t", "bí mật"),
    ("đ.ầ.u b.ò", "đầu bò"),
    ("t u y ệ t  m ậ t", "tuyệt mật"),
    ("m-ậ-t", "mật"),
    ("mậtttttt", "mật"),
    ("l0n", "lon"),
])
def test_evasions_are_undone(evasion, plain):
    assert view(evasion).text == plain


def test_evasion_positions_cover_the_original_span():
    text = "xem tài liệu t u y ệ t  m ậ t nhé"
    assert spans_back(text, "tuyệt mật") == "t u y ệ t  m ậ t"


def test_email_addresses_and_abbreviations_are_not_joined():
    assert "hung.nv@mofa.gov.vn" in view("gửi hung.nv@mofa.gov.vn nhé").text
    assert "tp.hcm" in view("ở TP.HCM").text


@pytest.mark.parametrize("teen,full", [
    ("ko biết", "không biết"),
    ("đc rồi", "được rồi"),
    ("vs ai", "với ai"),
    ("làm j", "làm gì"),
])
def test_teencode_is_expanded(teen, full):
    assert view(teen).text == full


def test_single_letter_after_a_number_is_a_unit_not_teencode():
    assert view("giá 50 k thôi").text == "giá 50 k thôi"


def test_teencode_maps_back_to_the_short_form():
    assert spans_back("mình ko đi", "không") == "ko"


def test_fold_keeps_length_and_removes_marks():
    s = "Đại sứ quán Việt Nam"
    assert fold(s) == "Dai su quan Viet Nam"
    assert len(fold(s)) == len(s)


def test_tone_key_unifies_old_and_new_tone_placement():
    assert tone_key("hoà bình") == tone_key("hòa bình")
    assert tone_key("Thuỵ Điển") == tone_key("Thụy Điển")
    assert tone_key("mật") != tone_key("mặt")


def test_line_breaks_are_kept_and_crlf_maps_to_both_characters():
    text = "dòng một\r\ndòng hai"
    mt = clean(text)
    assert mt.text == "dòng một\ndòng hai"
    i = mt.text.index("hai")
    assert text[slice(*mt.original_span(i, i + 3))] == "hai"


# A spaced-out run ends at punctuation that stands apart from words: the run's last
# character used to be left out of the join ("1 2 3 4," read "123 4,").
SPACED_ENDINGS = [",", ".", "!", "?", ")", "”", ""]


@pytest.mark.parametrize("end", SPACED_ENDINGS)
@pytest.mark.parametrize("spaced,joined", [
    ("1 2 3 4", "1234"),
    ("t u y e t m a t", "tuyet mat"),
    ("t u y ệ t", "tuyệt"),
    ("Đ Ầ U", "đầu"),
])
def test_spaced_run_joins_to_its_last_character_before_punctuation(spaced, joined, end):
    opening = "(" if end == ")" else "“" if end == "”" else ""
    text = f"xem {opening}{spaced}{end}"
    mt = view(text)
    assert joined in mt.text
    assert spans_back(text, joined) == spaced


# Letters spelt out without diacritics break where Vietnamese syllables do: joined into one
# token ("tuyetmat") they matched no term, while the same letters with marks were cut.
@pytest.mark.parametrize("spelled,words", [
    ("t u y e t m a t", "tuyet mat"),
    ("b.i m.a.t", "bi mat"),
    ("c-h-u-a c-o-n-g b-o", "chua cong bo"),
    ("T A I L I E U M A T", "tai lieu mat"),
])
def test_plain_letters_spelt_out_break_into_syllables(spelled, words):
    text = f"đây là {spelled} nhé"
    assert view(text).text == f"đây là {words} nhé"
    assert spans_back(text, words) == spelled


@pytest.mark.parametrize("spelled", ["5 8 2 0 1 9", "x y z", "k h ô n g"])
def test_a_spelt_out_number_or_single_syllable_stays_one_token(spelled):
    assert " " not in view(f"{spelled}").text


@pytest.mark.parametrize("text", [
    "Anh ở đó à?",  # single-letter words in a sentence
    "Chọn a, b, c nhé.",  # a list
    "Ông N. V. A. đã ký.",  # initials
    "Tỉ lệ 2,5 3 4 lần.",  # a decimal comma glues its digit to the number
    "số 1 2 3,5 nhé",
    "vào a b c.com nhé",  # a mark glued to a word on its far side
    "x(1 2 3) y",
])
def test_look_alikes_of_spaced_runs_keep_their_spaces(text):
    mt = view(text)
    assert mt.text == text.lower()
