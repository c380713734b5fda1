"""The behaviours that keep checks precise: word boundaries, diacritics, context."""
from __future__ import annotations

import unicodedata

import pytest


def rules_fired(check, text):
    return {f.rule for f in check(text)}


@pytest.mark.parametrize("text", [
    "Mật ong rừng ngon lắm",
    "Đổi mật khẩu thường xuyên nhé",
    "Buổi gặp mặt thân mật",
    "Hai bên có quan hệ mật thiết",
    "Bí mật nhỏ của mình là thích ăn kem",
    "Bận tối mặt cả tuần",
    "bi mat cua minh la thich an kem",
])
def test_mat_look_alikes_do_not_hit(check, text):
    assert not any(f.clause == "5.2" for f in check(text))


@pytest.mark.parametrize("text", [
    "Tài liệu mật của Vụ",
    "tai lieu luu hanh noi bo",
    "TÀI LIỆU TUYỆT MẬT",
    unicodedata.normalize("NFD", "Đây là bí mật nhà nước"),
    "bí m\u200bật nhà n\u200bước",
    "b.í m.ậ.t n.h.à n.ư.ớ.c",
])
def test_classified_marks_hit_in_every_spelling(check, text):
    assert "classified.marks" in rules_fired(check, text)


def test_single_folded_syllable_never_hits_alone(check):
    # "mat" could be mật, mặt, mắt, mất, mát: never a classification mark by itself
    assert not any(f.clause == "5.2" for f in check("tai lieu mat roi, tim mai khong thay"))


def test_folded_country_needs_a_firm_topic(check):
    assert "foreign.internal-affairs" in rules_fired(check, "bau cu o my gian lan qua")
    assert "foreign.internal-affairs" not in rules_fired(check, "di my du lich vui qua")


def test_viet_nam_is_not_a_foreign_state(check):
    assert rules_fired(check, "Cử tri Việt Nam đi bầu cử đại biểu Quốc hội khóa mới") == set()


def test_spokesperson_quote_clears_foreign_affairs(check):
    text = ("Người Phát ngôn Bộ Ngoại giao Việt Nam cho biết: Việt Nam mong muốn các bên "
            "ở Myanmar sớm chấm dứt xung đột, đối thoại sau cuộc đảo chính.")
    assert "foreign.internal-affairs" not in rules_fired(check, text)


def test_positions_point_into_the_original_text(check):
    text = "Xin chào.\nĐây là t\u200bài l\u200biệu m\u200bật nhé"
    [finding] = [f for f in check(text) if f.rule == "classified.marks"]
    assert text[finding.start:finding.end] == "t\u200bài l\u200biệu m\u200bật"
    assert finding.match == text[finding.start:finding.end]
    assert (finding.line, finding.column) == (2, 8)


def test_messages_come_in_english_on_request(check):
    [finding] = [f for f in check("Tài liệu mật", lang="en") if f.rule == "classified.marks"]
    assert "secret" in finding.message


def test_official_email_and_its_subdomains(check):
    assert "identity.official-email" in rules_fired(check, "mail: a.b@hanoi.mofa.gov.vn")
    assert "identity.official-email" not in rules_fired(check, "mail: a.b@notmofa.gov.vn")


@pytest.mark.parametrize("text,expected", [
    ("Một. Hai! Ba? Bốn", ["Một.", "Hai!", "Ba?", "Bốn"]),
    ("Passport No. B1234567 mất rồi. Tìm giúp", ["Passport No. B1234567 mất rồi.", "Tìm giúp"]),
    ("Anh nói: “Đi thôi.” Rồi đi.", ["Anh nói: “Đi thôi.”", "Rồi đi."]),
    ("dòng một\n\ndòng hai", ["dòng một", "dòng hai"]),
    ("gửi a.b@mofa.gov.vn nhé. Xong", ["gửi a.b@mofa.gov.vn nhé.", "Xong"]),
])
def test_sentence_spans(text, expected):
    from postcheck.segment import sentence_spans
    assert [text[s:e].strip() for s, e in sentence_spans(text)] == expected


def test_a_long_text_is_checked_in_blocks_with_exact_positions(rulebook, monkeypatch):
    import postcheck.engine as engine
    para = "Chào cả nhà, hôm nay trời đẹp.\n\nĐây là tài liệu mật của Vụ.\n"
    text = para * 40
    whole = rulebook.check_text(text)
    monkeypatch.setattr(engine, "CHUNK", 300)
    blocks = rulebook.check_text(text)
    assert [(f.rule, f.start, f.end, f.line, f.column) for f in blocks] == \
        [(f.rule, f.start, f.end, f.line, f.column) for f in whole]
    assert all(text[f.start:f.end] == f.match for f in blocks)
    assert len([f for f in blocks if f.rule == "classified.marks"]) == 40


def test_a_block_cut_inside_one_enormous_line_keeps_columns(rulebook, monkeypatch):
    import postcheck.engine as engine
    text = "xin chào các bạn " * 160 + "đây là tài liệu mật nhé " + "chúc vui " * 300
    whole = rulebook.check_text(text)
    monkeypatch.setattr(engine, "CHUNK", 200)
    cut = rulebook.check_text(text)
    marks = [(f.start, f.line, f.column) for f in cut if f.rule == "classified.marks"]
    assert marks == [(f.start, f.line, f.column) for f in whole if f.rule == "classified.marks"]
    assert marks[0][2] == marks[0][0] + 1


def test_a_bare_syllable_counts_only_where_the_word_was_split_on_purpose(check):
    assert "language.profanity" in {f.rule for f in check("Cánh hoa gì lạ l.o.n vậy")}
    assert "language.profanity" not in {f.rule for f in check("Mua hai lon bia nhé")}
    [f] = [f for f in check("Cánh hoa gì lạ l.o.n vậy") if f.rule == "language.profanity"]
    assert f.match == "l.o.n"


def test_terms_are_spelt_as_the_matching_view_spells_text(tmp_path):
    # the view expands teencode ("đsq" → "đại sứ quán") and joins letters split by dots
    # ("U.S." → "us."): a term written that way must be rewritten the same way, or it can
    # never match
    from postcheck import load_rulebook
    from postcheck.resources import resource_dir

    (tmp_path / "t.yaml").write_text(
        "rules:\n"
        "  - id: test.spelling\n"
        "    clause: '5.5'\n"
        "    severity: warning\n"
        "    kind: terms\n"
        "    description: test\n"
        "    terms: [mình ở đsq, u.s. senate, ae cơ quan]\n"
        "    message: {vi: 'x', en: 'x'}\n"
        "    examples: {hit: [a, b, c, d, e], miss: [a, b, c, d, e]}\n", encoding="utf-8")
    book = load_rulebook([tmp_path], [resource_dir("wordlists")])
    for text, match in [("Mình ở đsq nên biết rõ chuyện đó.", "Mình ở đsq"),
                        ("mình ở đại sứ quán nên biết", "mình ở đại sứ quán"),
                        ("The U.S. Senate voted today.", "U.S. Senate"),
                        ("Thông báo cho ae cơ quan nhé.", "ae cơ quan")]:
        assert [text[f.start:f.end] for f in book.check_text(text)] == [match], text
    assert book.check_text("Mình ở nhà cả ngày.") == []


@pytest.mark.parametrize("text, insult", [
    ("bien dong qua, ngu dan trong lang van ra khoi danh ca", False),  # ngư dân
    ("hom qua hop khuya qua, sang nay ngu guc tren ban", False),  # ngủ gục
    ("troi mua ca ngay nen ca nha ngu say", False),  # ngủ say
    ("may ngu si the, noi mai khong hieu", True),  # ngu si keeps its spelling
    ("thang ngu nay noi nhieu qua", True),
    ("Mày ngu thế, nói mãi không hiểu.", True),
    # a bare pair whose first syllable a word staff write often takes, spelt otherwise: xây
    # dựng, not "đừng sủa"; the pair on its own is still the insult
    ("thu tuc xin giay phep xay dung sua nha mat ca thang", False),
    ("cong trinh dang xay dung sua lai mat tien", False),
    ("may dung sua nua, im di", True),
    ("thoi dung sua nua, nghe chua", True),
])
def test_an_unaccented_term_in_unaccented_text_yields_to_a_respelled_dictionary_word(rulebook, text, insult):
    assert ("language.insult" in rules_fired(rulebook.check_text, text)) is insult


@pytest.mark.parametrize("text, marked", [
    # a bare pair whose edge syllable the word across the edge spells only otherwise (mất
    # trí, not mật): the segmenter reads the sentence, the pair is not the mark
    ("doc tin mat tri nho o nguoi gia ma lo", False),
    ("xem tin mat tri nho tam thoi sau tai nan", False),
    ("nghe tin mat tri nho cua ong ngoai, ca nha buon", False),
    ("bao dang tin mat tri nho do dung dien thoai nhieu", False),
    # the mark on its own, typed bare, is still the mark
    ("day la tin mat cua bo, dung chia se", True),
    ("gui ca nha tin mat nay nhe", True),
])
def test_a_bare_pair_whose_edge_word_spells_it_otherwise_is_left_to_the_segmenter(rulebook, text, marked):
    assert ("classified.marks" in rules_fired(rulebook.check_text, text)) is marked
