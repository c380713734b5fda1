"""Structural checks on numbers a pattern found, so that look-alike digit strings
(order numbers, amounts, dates) are not taken for identity documents or phones."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Callable

# Province and city codes that begin a CCCD number (Circular 07/2016/TT-BCA, appendix).
CCCD_PROVINCES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 "
    "037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 "
    "077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)
MOBILE_PREFIXES = re.compile(r"0(?:3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)")
LANDLINE_PREFIX = re.compile(r"02\d")


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def cccd(text: str) -> bool:
    """12 digits: province code, century-and-sex digit, two-digit birth year, serial."""
    d = digits(text)
    if len(d) != 12 or d[:3] not in CCCD_PROVINCES:
        return False
    century_sex, year2 = int(d[3]), int(d[4:6])
    if century_sex > 5:
        return False
    year = 1900 + 100 * (century_sex // 2) + year2
    return 1900 <= year <= date.today().year


def cmnd(text: str) -> bool:
    """9 digits beginning with a province code (01–38; 09x for some provinces' later series)."""
    d = digits(text)
    return len(d) == 9 and (1 <= int(d[:2]) <= 38 or d[:2] == "09") and len(set(d)) > 2


def phone_vn(text: str) -> bool:
    """A Vietnamese mobile (10 digits) or landline (11 digits) number, with or without +84."""
    d = digits(text)
    if d.startswith("84") and text.lstrip().startswith(("+84", "84", "(+84)", "0084")):
        d = "0" + d[2:]
    elif d.startswith("0084"):
        d = "0" + d[4:]
    if len(d) == 10 and MOBILE_PREFIXES.match(d):
        return len(set(d[3:])) > 1
    return len(d) == 11 and bool(LANDLINE_PREFIX.match(d))


def passport_vn(text: str) -> bool:
    """A letter then seven digits, not all the same."""
    return bool(re.fullmatch(r"[A-Z]\d{7}", text.strip())) and len(set(text[1:])) > 1


def _classes(value: str) -> int:
    """How many of lower case, upper case, digits and symbols `value` mixes."""
    return sum((
        any(c.islower() for c in value),
        any(c.isupper() for c in value),
        any(c.isdigit() for c in value),
        any(not c.isalnum() for c in value),
    ))


QUOTES = ("\"\"", "“”", "''")


def secret_like(text: str) -> bool:
    """A password-like value: 6+ characters mixing at least two of lower case, upper case,
    digits and symbols, and not a plain word ("mạnh", "thường xuyên"). A value with spaces
    (a passphrase) is one when it is quoted and mixes two classes or four words, or when its
    first word is a password or the whole mixes three classes ("Hanoi 2024 xyz", not "đổi
    90 ngày một lần")."""
    raw = text.strip()
    quoted = len(raw) > 2 and (raw[0] + raw[-1]) in QUOTES
    value = raw.strip(".,;:!?\"'“”()")
    compact = "".join(value.split())
    if len(compact) < 6:
        return False
    if not any(c.isspace() for c in value):
        return _classes(value) >= 2 and not value.isalpha()
    if quoted:
        return _classes(compact) >= 2 or len(value.split()) >= 4
    return secret_like(value.split()[0]) or _classes(compact) >= 3


def bip39_phrase(text: str) -> bool:
    """Twelve or more words in a row from the BIP-39 English list: a wallet's seed phrase."""
    words = _bip39_words()
    run = best = 0
    for word in text.lower().split():
        run = run + 1 if word in words else 0
        best = max(best, run)
    return best >= 12


@lru_cache(maxsize=1)
def _bip39_words() -> frozenset[str]:
    from .resources import data_file

    return frozenset(data_file("bip39-english.txt").read_text(encoding="utf-8").split())


def otp_code(text: str) -> bool:
    """4 to 8 digits, not a year or a run of one digit."""
    d = digits(text)
    return 4 <= len(d) <= 8 and len(set(d)) > 1 and not (len(d) == 4 and d.startswith(("19", "20")))


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "secret_like": secret_like,
    "otp_code": otp_code,
    "bip39_phrase": bip39_phrase,
    "cccd": cccd,
    "cmnd": cmnd,
    "phone_vn": phone_vn,
    "passport_vn": passport_vn,
}
