"""The shape-based 4.3 and 5.1 rules (account.password-anywhere and the rules after it in
rules/account.yaml, account.private-key-near, personal.phone-of-named, personal.passport-listed):
what their validators take for a secret or a number, the look-alikes they refuse, and one
finding per secret value when two rules report it."""
from __future__ import annotations

import pytest

from postcheck.rulebook import load_rulebook
from postcheck.validators import grouped_code, key_like, passport_any, phone_other, strong_secret, token_like
from postcheck.validators import base32_key


@pytest.mark.parametrize("value", ["Kh@ch2026", "Pr1nt#T5_xx", "Zoom!4521,", "abc_12!x"])
def test_strong_secret_takes_a_mixed_password(value):
    assert strong_secret(value)


@pytest.mark.parametrize("value", [
    "hotro2024@gmail.com",          # an e-mail address is a login
    "the-thao-2024",                # words of a link joined by dashes
    "abc1234",                      # two classes only: account.password's business
    "@#$%!!",                       # no letter, no digit
    "Ab#1",                         # too short
])
def test_strong_secret_refuses_look_alikes(value):
    assert not strong_secret(value)


def test_grouped_code_leaves_plain_digit_pairs_to_backup_codes():
    assert not grouped_code("4471-8820, 9903-1125")
    assert grouped_code("7KQ2-M9PX, 3HTR-8WBN")
    assert grouped_code("104527-338196-720044")
    assert not grouped_code("COVID-19")


@pytest.mark.parametrize("value", ["Qm7rT2x/VbN9pLk4Wz+Hs8Dc3Fy6", "EAAGm0PX4ZCpsBAKz7Qn2Rt5Yw8U"])
def test_token_like_takes_a_long_mixed_secret(value):
    assert token_like(value)


@pytest.mark.parametrize("value", [
    "qm7rt2xvbn9plk4wzhs8dc3fy6ja",     # no capital: a file name or a slug, not a key
    "AbAbAbAbAbAb1212121212121212",     # too few distinct characters: a placeholder
    "Qm7rT2x/VbN9pLk4Wz",               # too short
    "https://ex.com/DevPortal/Keys2024",  # a link
])
def test_token_like_refuses_look_alikes(value):
    assert not token_like(value)


def test_key_like_wants_length_and_variety():
    assert key_like("9c4b1e0f77a2d3c58e6b90a1f2c3d4e5b6a7980c1d2e3f4a5b6c7d8e9f0a1b2c")
    assert not key_like("0x" + "0" * 64)
    assert not key_like("a1" * 10)


@pytest.mark.parametrize("value,expected", [
    ("024 3826 7715", True),        # an 11-digit landline in groups
    ("+49 152 3344 1207", True),
    ("080-4471-2256", True),
    ("0912 345 678", False),        # a mobile: personal.phone reports it
    ("8 500 000", False),           # a count, no leading 0 or +
    ("0000 0000 000", False),       # one digit repeated
])
def test_phone_other(value, expected):
    assert phone_other(value) is expected


@pytest.mark.parametrize("value,expected", [
    ("C2209184", True), ("M12894533", True), ("19AB45821", True),
    ("DH2024123", True),             # the shape alone: the rule also wants "hộ chiếu" nearby
    ("VN0311", False), ("ABCDEFGH", False), ("C0000000", False), ("c2209184", False),
])
def test_passport_any(value, expected):
    assert passport_any(value) is expected


@pytest.fixture(scope="module")
def rulebook():
    return load_rulebook()


def test_one_finding_for_a_password_two_rules_see(rulebook):
    found = [f for f in rulebook.check_text("Mật khẩu hộp thư chung: Qa#7731xk nhé.") if f.clause == "4.3"]
    assert [(f.rule, f.match) for f in found] == [("account.password", "Qa#7731xk")]


def test_the_shape_rule_reports_what_the_label_rule_misses(rulebook):
    text = "Mật khẩu máy in tầng ba sau khi IT cài lại là chuỗi Pr7#tang3 đấy."
    found = [f for f in rulebook.check_text(text) if f.clause == "4.3"]
    assert [(f.rule, f.match) for f in found] == [("account.password-anywhere", "Pr7#tang3")]


def test_overlapping_but_different_values_both_stay(rulebook):
    # the pair "login / password" and the password alone are two findings, as before
    found = {f.rule for f in rulebook.check_text("Tên đăng nhập và mật khẩu: daotao / Daotao#2024.")}
    assert {"account.password", "account.credentials"} <= found


def test_a_backstop_rule_speaks_only_where_its_clause_is_silent(rulebook):
    # foreign.internal-affairs reports this sentence: the broad 5.7 rule adds nothing to it
    named = {f.rule for f in rulebook.check_text("Cuộc bầu cử ở Venezuela năm nay gian lận trắng trợn.")}
    assert "foreign.internal-affairs" in named and "foreign.hinted-judgement" not in named
    # a state only hinted at: nothing narrower fires, so the backstop does
    hinted = {f.rule for f in rulebook.check_text("Theo mình phiên tòa xử ông cựu bộ trưởng bên đó chỉ là màn kịch.")}
    assert hinted == {"foreign.hinted-judgement"}


def test_bip39_mostly_takes_a_phrase_with_a_slip_not_prose():
    from postcheck.validators import bip39_mostly
    assert bip39_mostly("violin harbor frozen pistol meadow ribbon orbit tiger lemon cradle pepper tunnelx")
    assert not bip39_mostly("the quick brown fox jumps over the lazy dog every single morning again")
    assert not bip39_mostly("violin harbor frozen pistol meadow")  # too short for a phrase


def test_a_learned_guess_at_the_sentence_does_not_silence_a_backstop_rule(rulebook):
    # the 5.6 slot rule is a gap-filler; the drafts model also scores this sentence 5.6, but a
    # model's guess is no narrower rule, so the slot rule still pins the words
    text = "Shop nến thơm của mình lập bằng email Đại sứ quán cho khách tin tưởng."
    # (since the tenth session the narrower identity.office-mail-signup names the mailbox itself;
    # either way a rule, not the model's guess, pins the words)
    found = {f.rule: f for f in rulebook.check_text(text)}
    pinned = [f for f in found.values() if f.clause == "5.6" and not f.rule.endswith(".learned")]
    assert pinned
    assert all(text[f.start:f.end] in ("email", "email Đại sứ quán") for f in pinned)
    # and where a word-list rule of the clause reports the sentence, the gap-filler stays silent
    addressed = {f.rule for f in rulebook.check_text("Shop của mình liên hệ qua email lan.nt@mofa.gov.vn nhé.")}
    assert "identity.official-email" in addressed and "office.official-mail-private" not in addressed


@pytest.mark.parametrize("value", ["KRUG S4ZA NFXW 2ZLB", "MZXW6YTBOI2TEMZQ", "JBSW-Y3DP-EHPK-3PXP"])
def test_base32_key_takes_a_two_factor_setup_key(value):
    assert base32_key(value)


@pytest.mark.parametrize("value", [
    "ABCD EFGH IJKL MNOP",   # capitals only: an acronym run, not a key
    "AAAA 2222 AAAA 2222",   # too few distinct characters: a placeholder
    "KRUG S4ZA NFXW",        # too short
    "KRUG S4ZA NFXW 2Z1B",   # 1 is not base32
])
def test_base32_key_refuses_look_alikes(value):
    assert not base32_key(value)


def test_bip39_partial_takes_a_cut_phrase_not_prose():
    from postcheck.validators import bip39_partial
    assert bip39_partial("abandon ability able about above absent absorb")
    assert bip39_partial("violin harbor frozen pistol meadow ribbon orbit tunnelx")  # one slip from eight words on
    assert not bip39_partial("violin harbor frozen pistol tunnelx")  # too short
    assert not bip39_partial("never share this with anyone else ever")  # prose
    assert not bip39_partial("abandon ability able about above absent absorb abstract absurd abuse access accident")  # whole: bip39_mostly's


def test_bip39_cut_takes_the_first_words_of_a_phrase_only():
    from postcheck.validators import bip39_cut
    assert bip39_cut("orbit frost meadow ribbon")
    assert bip39_cut("Stone, River, Maple, Ghost")
    assert not bip39_cut("orbit frost meadow")  # three common words say too little
    assert not bip39_cut("orbit frost")
    assert not bip39_cut("lemon lemon lemon lemon")
    assert not bip39_cut("the quick brown fox")  # not every word is listed


def test_hex_cut_wants_hex_digits_of_both_kinds():
    from postcheck.validators import hex_cut
    assert hex_cut("0x4f3a9c1e77...")
    assert hex_cut("b7e2…91fa")
    assert not hex_cut("0x0000...")
    assert not hex_cut("abab...")
    assert not hex_cut("12345...")  # digits only: a number cut short


def test_otp_counted_wants_as_many_digits_as_the_count():
    from postcheck.validators import otp_counted
    assert otp_counted("402 917", {"count": "6 số", "count_2": None})
    assert otp_counted("4412 9037", {"count": "8 chữ số"})
    assert otp_counted("640215", {"count": "2FA"})  # a 2FA code has six digits
    assert otp_counted("7290", {"count": None, "count_2": "4"})
    assert not otp_counted("1547", {"count": "6 số"})  # a flight, not the code
    assert not otp_counted("12 500", {"count": "6 so"})
    assert not otp_counted("0912", {"count": "2fa"})
    assert not otp_counted("402 917", {})  # no count: not this rule's
    assert not otp_counted("111 111", {"count": "6 số"})  # one digit over and over
