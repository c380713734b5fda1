"""The fast normalization (prefiltered scans, plain lines kept whole) gives exactly what the
straightforward reference (tests/reference.py) gives: the same text and, behind every character, the same span
of the original (so original_span agrees for any range)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from postcheck.lang.teencode import teencode_fast_pattern, teencode_table
from postcheck.normalize import (_DASHED, _DOTTED, _SPACE_RUN, _SPACED, _STRETCHED, _find, _space_run_edits, clean,
                                 evasion_spans, matching_view)
from postcheck.textmap import MappedText
from reference import per_character, reference_clean, reference_evasion_spans, reference_matching_view

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"
TEENCODE = teencode_table()


def assert_same(fast: MappedText, reference: MappedText, text: str) -> None:
    assert fast.text == reference.text, text
    assert per_character(fast) == per_character(reference), text
    n = len(fast.text)
    for s, e in ((0, n), (0, 0), (n, n), (n // 3, 2 * n // 3), (n // 2, n // 4)):
        assert fast.original_span(s, e) == reference.original_span(s, e), (text, s, e)


def check(text: str, teencode: dict[str, str] = TEENCODE) -> None:
    slow_clean = reference_clean(text)
    fast_clean = clean(text)
    assert_same(fast_clean, slow_clean, text)
    reference = reference_matching_view(slow_clean, teencode)
    # the fast passes on either clean view (their pieces differ, not what they map to)
    assert_same(matching_view(fast_clean, teencode), reference, text)
    assert_same(matching_view(slow_clean, teencode), reference, text)
    assert evasion_spans(fast_clean) == reference_evasion_spans(slow_clean), text


# --- generated drafts ----------------------------------------------------------------------

LETTERS = "abcdeghiklmnopqrstuvxyđăâêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
PIECES = (
    list(LETTERS) + list(LETTERS.upper()[:20]) + list("0123456789")
    + list(".*·•-_@/:") + [" ", " ", " ", "  ", "\n", "\n\n", " \n", "\n ", "\r\n", "\r", "\t", "\u00a0",
                            "\u200b", "\u2028", "\x1c", "\u0301", "\u0323", "İ", "Σ", "ﬁ", "а", "😂"]
    + sorted(TEENCODE) + ["kk", "ko ", " k ", "50 k", "3 m", "ok", "đ.m", "m-ậ-t", "b.í", "t u y", "mậttttt",
                          "aaa", "ooo", "l0n", "v3", "...", "--", "__", "www.", ".com", "a@b.vn"]
    # the red-team shapes of issue 11: format characters and fillers, joiners and marks
    # around words, syllables written together, look-alike letters, stacked marks
    + ["\u2060", "\u00ad", "\u3164", "\u2800", "\u17b4", "\u180e", "\U000e0020", "🔥", "🙂", "/", ",", "|", "~", "+",
       "**", "“", "”", "(", ")", "#", "tuyệt", "mật", "tuyệtmật", "báocáomật", "bao", "cao", "mat", "t/u/y", "b-á-o",
       "ꓔ", "Ꭲ", "օ", "ɑ", "ᴛᴜʏ", "🅣", "ı", "\u0301\u0301"]
)
drafts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
stretched = st.tuples(st.sampled_from(LETTERS), st.integers(1, 7), st.sampled_from(["", " ", "a", ".", "\n"])).map(
    lambda t: t[0] * t[1] + t[2])
mixed = st.lists(st.one_of(st.sampled_from(PIECES), stretched), max_size=30).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_generated_drafts(text):
    check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_generated_drafts_with_stretched_letters(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n\t\r\x0b\x1c\u00a0\u2028ab", max_size=30))
def test_generated_whitespace(text):
    check(text)
    # the runs that change are exactly the _SPACE_RUN matches but a lone "\n"
    lowered = text
    expected = [(m.start(), m.end()) for m in _SPACE_RUN.finditer(lowered) if m.group() != "\n"]
    assert [(s, e) for s, e, _ in _space_run_edits(lowered)] == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab aĐđ.*·•-_@/:1\n,?)(“”\"", max_size=40))
def test_prefiltered_scans_equal_finditer(text):
    for pattern in (_DOTTED, _DASHED, _SPACED, _STRETCHED):
        assert [m.span() for m in _find(pattern, text)] == [m.span() for m in pattern.finditer(text)], (pattern, text)


# teencode tables of their own: words that begin other words, a word that is not one token
# (the plain pattern then), expansions with odd spacing (the passes then run one by one)
TABLES = [
    {"k": "không", "ko": "không", "kh": "không", "khg": "không", "t": "tao", "tk": "tài khoản"},
    {"k": "không", "k.o": "không", "vs": "với"},
    {"ko": " không", "r": "rồi  nhé", "j": ""},
    {"ae": "anh\nem", "vk": "vợ"},
]


def draft_and_table(table: dict[str, str]):
    pieces = sorted(table) + [" ", " ", "  ", "\n", " \n", ".", ",", "a", "đ", "5", "k.o", "_", "-", "m.ậ.t", "aaa"]
    return st.lists(st.sampled_from(pieces), max_size=25).map(lambda p: ("".join(p), table))


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(TABLES).flatmap(draft_and_table))
def test_generated_drafts_other_tables(draft):
    check(*draft)


def test_teencode_trie_matches_exactly_the_words():
    words = tuple(sorted(TEENCODE))
    inner = teencode_fast_pattern(words).pattern[len(r"[\W_]("):-len(r")(?![^\W_])")]
    trie = re.compile(inner)
    for w in words:
        assert trie.fullmatch(w), w
    for w in ("kb", "khh", "mngu", "nhiu", "a", "", "kkk", "roai"):
        assert (trie.fullmatch(w) is not None) == (w in TEENCODE), w
    assert teencode_fast_pattern(("k.o", "k")) is None


# --- written by hand --------------------------------------------------------------------

EVASIONS = [
    "Cho xin s.đ.t của bạn ấy với, t.k ngân hàng nữa nhé",
    "đ.ị.t m.ẹ thằng này, n-g-u q-u-á",
    "m u a   b á n   t à i   k h o ả n giá rẻ",
    "CHỬIIIIII thẳng mặttttt luôn đóooo",
    "v3 qu3 d1 4nh 3m ơi, l0n l4m",
    "ko bít j hết, dc r thì thôi, mn ơi",
    "giá 50 k thôi, 3 m vải, 2  k nữa",
    "Ｔｅｓｔ full-width và ﬁ ligature, МẬТ КHẨU",
    "Ti\u0301nh ye\u0302u va\u0300 nie\u0302\u0300m tin\u200b\u200d vô bờ",
    "dòng một\r\ndòng hai\rdòng ba\u2028dòng bốn\n\n\n  dòng năm   \n\t\n",
    "ko", "k", "kk", "50k", "İstanbul İİ", "ΣΟΦΙΑΣ ΑΣ", "",
    "email: hung.nv@mofa.gov.vn, web: www.example.com.vn/a.b.c",
    "a.b a..b a.b.c.d ab.cd.ef a·b•c a*b*c .ab. a.b/ a.b.",
    "a-b-c a_b_c a--b a-b@ x-y- -x-y",
    "1 2 3 4 5 6 a b c  d e f\ng h i",
    "ooooooo aaaaab ccccd đđđđđ ưưưư.",
    "k" * 50 + " " + "ko " * 50 + "\n" * 30 + " " * 30,
    "**tuyệt** mật, tuyệt *mật*, “tuyệt” mật, (tuyệt) mật, báo-cáo-mật, báo.cáo.mật, tuyệt_mật",
    "#báocáomật #baocaomat tuyệt🔥mật tuyệtmật t/u/y/ệ/t m/ậ/t đồ l🙂ồ🙂n đồ l0n mậ\u0301t",
    "tuyệt\u200bmật tuy\u3164ệt tuyệt\u2060mật tuyệt\u00admật tuyệt\u202emật tuy\u2800ệt t\u200bu\u200by",
    "ᴛᴜʏệt ꓔuyệt Ꭲuyệt 🅣🅤🅨 kօ mɑt ı Xuan.Ha#77 e-mail Nga-Ukraine vui🔥vẻ",
]


@pytest.mark.parametrize("text", EVASIONS)
def test_hand_written_evasions(text):
    check(text)


def test_long_draft_without_whitespace():
    check("a.b-c" * 2000 + "mậttt" * 500 + "l0n" * 500)


@pytest.mark.skipif(not DEV.is_file(), reason="the shared dev corpus is not beside the repository")
def test_dev_corpus():
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            check(text)
            check(unicodedata.normalize("NFD", text))
