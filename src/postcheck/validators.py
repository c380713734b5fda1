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


_EMAIL_OR_LINK = re.compile(r"(?i)(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}|(?:https?://|www\.)\S*)")


def strong_secret(text: str) -> bool:
    """A password however it is introduced: one word of 6+ characters mixing three of lower
    case, upper case, digits and symbols ("Pr1nt#T5_xx", "Cam@7419"), not an e-mail address
    or a link (an address is a login, not a secret)."""
    value = text.strip().strip(".,;:!?\"'“”()")
    if len(value) < 6 or any(c.isspace() for c in value) or _EMAIL_OR_LINK.fullmatch(value):
        return False
    # a dash, dot or slash joins the words of a link or a file name ("the-thao-2024"): not a
    # symbol that makes a password
    core = value.translate(_JOINERS)
    return _classes(core) >= 3 and any(c.isalpha() for c in core) and any(c.isdigit() for c in core)


_JOINERS = str.maketrans("", "", "-./")


_PLAIN_BACKUP = re.compile(r"\d{4}[ -]?\d{4}")


def grouped_code(text: str) -> bool:
    """Backup or recovery codes written in dash-joined groups ("73KQ-9PLM", "412838-099561-…"):
    at least three digits and six characters in all. A list of plain 4+4-digit codes is left
    to account.backup-codes, which already reports it."""
    codes = [c for c in re.split(r"[\s,;|/]+", text.strip()) if c]
    if not codes or sum(ch.isdigit() for ch in text) < 3 or sum(ch.isalnum() for ch in text) < 6:
        return False
    return not all(_PLAIN_BACKUP.fullmatch(c) for c in codes)


def key_like(text: str) -> bool:
    """A private key written out: 64 hex digits, or 40+ letters and digits mixed, with no
    run of one character (a placeholder such as 000…0 or xxxx…)."""
    value = text.strip()
    if value[:2].lower() == "0x":
        value = value[2:]
    if len(value) < 40 or len(set(value.lower())) < 10:
        return False
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def token_like(text: str) -> bool:
    """An API secret or access token written out: 24+ characters with no space, mixing lower
    case, upper case and digits, at least ten of them different (not a placeholder such as
    xxxx…), and not an e-mail address or a link."""
    value = text.strip().strip(".,;:!?\"'“”()")
    if len(value) < 24 or any(c.isspace() for c in value) or _EMAIL_OR_LINK.fullmatch(value):
        return False
    if len(set(value)) < 10:
        return False
    return any(c.islower() for c in value) and any(c.isupper() for c in value) and any(c.isdigit() for c in value)


def base32_key(text: str) -> bool:
    """A two-factor setup key: 16 to 32 base32 characters once the spaces and dashes between
    its groups are gone, with at least one digit (capitals alone are an acronym run, not a key)
    and at least eight different characters."""
    value = re.sub(r"[\s-]", "", text)
    return (16 <= len(value) <= 32 and re.fullmatch(r"[A-Z2-7]+", value) is not None
            and any(c.isdigit() for c in value) and len(set(value)) >= 8)


def phone_other(text: str) -> bool:
    """A phone number that personal.phone's Vietnamese-mobile shape misses: an 11-digit
    Vietnamese landline written in groups ("024 3933 1208"), or a foreign number (9 to 13
    digits, with a + country code or a leading 0). Not a run of one digit, not a mobile number
    personal.phone already reports."""
    d = digits(text)
    if not 9 <= len(d) <= 13 or len(set(d)) < 4:
        return False
    if len(d) == 10 and MOBILE_PREFIXES.match(d):
        return False
    return text.lstrip().startswith(("+", "0", "(0", "(+"))


def passport_any(text: str) -> bool:
    """A passport number of any state as printed: 7 to 9 capital letters and digits, at least
    one letter and five digits ("C2209184", "M12894533", "19AB45821"); not a run of one digit."""
    value = text.strip()
    d = digits(value)
    return (7 <= len(value) <= 9 and value.isalnum() and value.upper() == value and len(d) >= 5
            and any(c.isalpha() for c in value) and len(set(d)) > 2)


def bip39_mostly(text: str) -> bool:
    """Twelve to twenty-four words given as a wallet's recovery phrase, at least three in
    four of them from the BIP-39 English list: a phrase copied with a typo or a word
    misremembered is still the wallet's key. Only after a label (account.seed-phrase-listed)."""
    words = [w for w in re.split(r"[\s,]+", text.lower()) if w]
    if not 12 <= len(words) <= 24:
        return False
    listed = _bip39_words()
    return sum(w in listed for w in words) * 4 >= len(words) * 3


def bip39_partial(text: str) -> bool:
    """Part of a wallet's recovery phrase, given after its label and cut short ("cụm từ khôi
    phục: apple river ocean tiger lamp seven …"): six to eleven words, every one of them (one
    misspelt word allowed from eight on) from the BIP-39 English list. The words given are
    still most of the key. Only after a label (account.seed-phrase-partial)."""
    words = [w for w in re.split(r"[\s,]+", text.lower()) if w]
    if not 6 <= len(words) <= 11:
        return False
    listed = _bip39_words()
    missing = sum(w not in listed for w in words)
    return missing == 0 or (missing == 1 and len(words) >= 8)


def bip39_cut(text: str) -> bool:
    """The first words of a wallet's recovery phrase, cut off with an ellipsis after its
    label ("seed ví: apple river lunar gravity …"): four to eleven words, every one from the
    BIP-39 English list, at least four different. Only after a label and before "…"
    (account.seed-phrase-cut)."""
    words = [w for w in re.split(r"[\s,]+", text.lower()) if w]
    if not 4 <= len(words) <= 11 or len(set(words)) < 4:
        return False
    listed = _bip39_words()
    return all(w in listed for w in words)


def hex_cut(text: str) -> bool:
    """A hex key shortened with an ellipsis ("0x4f3a9c1e77…", "4f9a…e21c"): six or more hex
    digits in all, both digits and letters a-f among them, at least four different (not a
    placeholder such as 0x0000… or abab…). Only after a key's label (account.private-key-cut)."""
    value = re.sub(r"(?i)^0x|[\s.…]", "", text.strip())
    hexes = [c for c in value.lower() if c in "0123456789abcdef"]
    return (len(hexes) >= 6 and len(hexes) == len(value) and len(set(hexes)) >= 4
            and any(c.isdigit() for c in hexes) and any(c.isalpha() for c in hexes))


def otp_counted(text: str, groups: dict | None = None) -> bool:
    """A code after the count of its digits ("6 số 402 917", "2FA" = 6): an otp_code with
    exactly as many digits as the count says (the pattern's group `count` or `count_2`); a
    time, a date, a price or a phone number after the count has another length
    (account.otp-counted)."""
    if not otp_code(text):
        return False
    if groups is None:
        return True
    count = (groups.get("count") or groups.get("count_2") or "").lower()
    if not count:
        return False
    n = 6 if "fa" in count else int(re.search(r"\d+", count).group())
    return len(digits(text)) == n


otp_counted.with_match = True  # type: ignore[attr-defined]


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "secret_like": secret_like,
    "otp_code": otp_code,
    "bip39_phrase": bip39_phrase,
    "bip39_mostly": bip39_mostly,
    "bip39_partial": bip39_partial,
    "bip39_cut": bip39_cut,
    "otp_counted": otp_counted,
    "hex_cut": hex_cut,
    "strong_secret": strong_secret,
    "token_like": token_like,
    "base32_key": base32_key,
    "grouped_code": grouped_code,
    "key_like": key_like,
    "cccd": cccd,
    "cmnd": cmnd,
    "phone_vn": phone_vn,
    "phone_other": phone_other,
    "passport_vn": passport_vn,
    "passport_any": passport_any,
}
