"""Drafts in legacy Vietnamese encodings (Windows-1258, TCVN3/ABC, VNI) are recognised
and converted exactly; anything unclear is refused with a hint to use --encoding."""
from __future__ import annotations

import codecs
import json
import os
import random
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from postcheck.inputs import InputError, Source
from postcheck.lang import encodings
from postcheck.lang.encodings import decode_legacy, encode_legacy, guess
from postcheck.readers import read
from postcheck.readers.text import decode, decode_with_notice

SENTENCES = [
    "Mình gửi mọi người tài liệu mật của Vụ, đừng chia sẻ ra ngoài nhé.",
    "Đề nghị các đồng chí không đăng thông tin chưa được công bố lên mạng xã hội.",
    "Tiếng Việt có sáu thanh: ngang, huyền, sắc, hỏi, ngã và nặng.",
    "Hội nghị sẽ được tổ chức tại Hà Nội vào tuần tới; xin giữ kín lịch làm việc.",
    "Người ta nói rằng ông ấy sắp được bổ nhiệm, nhưng chưa có quyết định chính thức.",
    "Quyển sách này viết về lịch sử ngoại giao Việt Nam từ năm 1945 đến nay.",
]
LEGACY = ["cp1258", "tcvn3", "vni"]
LABEL = {"cp1258": "Windows-1258", "tcvn3": "TCVN3", "vni": "VNI"}


@pytest.mark.parametrize("encoding", LEGACY)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_round_trip_is_detected_and_exact(encoding, sentence):
    data = encode_legacy(sentence, encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, notice = decode_with_notice(data, "old.txt")
    assert text == sentence
    assert notice and "old.txt" in notice and LABEL[encoding] in notice
    assert decode(data, "old.txt") == sentence  # the two-argument call still works
    assert decode(data, "old.txt", encoding=encoding) == sentence


@pytest.mark.parametrize("encoding,as_cp1252,expected", [
    # VNI Windows, as its bytes look in Windows-1252 (the vietnamese-conversion README example)
    ("vni", "Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("vni", "Ñaây laø taøi lieäu maät. Ñöøng gôûi!", "Đây là tài liệu mật. Đừng gởi!"),
    ("vni", "AÙ AØ AÛ AÕ AÏ ÔÙ ÖÏ Ò Î", "Á À Ả Ã Ạ Ớ Ự Ị Ỵ"),
    # TCVN3 (ABC): place names as they appear in old provincial documents
    ("tcvn3", "B¶o Th¾ng, M\xadêng Kh\xad¬ng, B¸t X¸t", "Bảo Thắng, Mường Khương, Bát Xát"),
    ("tcvn3", "Tµi liÖu mËt cña Vô", "Tài liệu mật của Vụ"),
    ("tcvn3", "§µ N½ng, ¡n, ¢m, £m, ¤ng, ¥i, ¦u", "Đà Nẵng, Ăn, Âm, Êm, Ông, Ơi, Ưu"),
], ids=["vni-greeting", "vni-sentence", "vni-capitals", "tcvn3-places", "tcvn3-sentence", "tcvn3-capitals"])
def test_known_byte_sequences(encoding, as_cp1252, expected):
    data = as_cp1252.encode("cp1252")
    assert decode_legacy(data, encoding) == expected
    assert encode_legacy(expected, encoding) == data


def test_cp1258_combining_tones_are_composed():
    # Windows-1258 writes most tones as a separate byte after the letter: NFC joins them
    data = b"ti\xea\xecng Vi\xea\xf2t"  # tiếng Việt
    text = decode(data, "x.txt", encoding="cp1258")
    assert text == "tiếng Việt" and unicodedata.is_normalized("NFC", text)


def test_tcvn3_combining_marks_and_vn1_capitals():
    assert decode_legacy(b"a\xb3", "tcvn3") == "á"  # 0xB0-0xB4: the standard's combining tones
    assert decode_legacy(b"\x01\x16\xc4", "tcvn3") == "ÚÝẤ"


def test_vni_capital_with_lower_case_mark_byte():
    assert decode_legacy(b"A\xf9o", "vni") == "Áo"


VIETNAMESE_LETTERS = sorted({unicodedata.normalize("NFC", base + tone)
                             for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
                             for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")})
ALPHABET = "".join(VIETNAMESE_LETTERS) + "đbcdghklmnpqrstvx" + " .,;:!?-()0123456789\n"


@pytest.mark.parametrize("encoding", LEGACY)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(st.sampled_from(ALPHABET + ALPHABET.upper()), max_size=80))
def test_every_vietnamese_letter_round_trips(encoding, text):
    if encoding == "tcvn3":
        # TCVN3 has no code for most capitals with a tone: ABC typed them in capital fonts
        text = "".join(ch if ch in encodings.TCVN3_TABLE else ch.lower() for ch in text)
    assert decode_legacy(encode_legacy(text, encoding), encoding) == text


def test_tables_cover_all_134_letters():
    letters = VIETNAMESE_LETTERS + ["đ"]
    capitals = [ch.upper() for ch in letters]
    assert len({ch for ch in letters + capitals if not ch.isascii()}) == 134
    for ch in letters + capitals:
        assert decode_legacy(encode_legacy(ch, "vni"), "vni") == ch
        assert decode_legacy(encode_legacy(ch, "cp1258"), "cp1258") == ch
    for ch in letters:
        assert decode_legacy(encode_legacy(ch, "tcvn3"), "tcvn3") == ch
    # each TCVN3 byte stands for one thing
    assert len([c for c in encodings.TCVN3_TABLE if c]) == len({c for c in encodings.TCVN3_TABLE if c})


def _garbage(seed: int, size: int = 3000) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.choice(range(0x20, 0x100)) for _ in range(size))


@pytest.mark.parametrize("data", [
    _garbage(1), _garbage(2), _garbage(3, 40),
    b"T\xe0i li\xeau c\xf2n l\xe0 Latin-1",
    "Le ministère a publié un communiqué très détaillé sur la réunion.".encode("latin-1"),
    "Größere Übungen für Äpfel und Öl mit Straße.".encode("cp1252"),
    "Привет, это текст на русском языке.".encode("cp1251"),
    encode_legacy("mật", "tcvn3"),  # too short to be sure
], ids=["random-1", "random-2", "random-short", "latin-1", "french", "german", "russian", "one-word"])
def test_unclear_bytes_are_refused_with_a_hint(data):
    assert guess(data) is None
    with pytest.raises(InputError) as exc:
        decode(data, "odd.txt")
    message = str(exc.value)
    assert message.startswith("odd.txt: not UTF-8") and "--encoding" in message


def test_utf8_stays_utf8_without_notice():
    text = "Tài liệu mật của Vụ\n"
    assert decode_with_notice(text.encode(), "a.txt") == (text, None)
    assert decode_with_notice(codecs.BOM_UTF8 + text.encode(), "a.txt") == (text, None)
    assert decode_with_notice(text.encode("utf-16"), "a.txt") == (text, None)
    assert decode_with_notice(text.encode("utf-32"), "a.txt") == (text, None)


def test_forced_encodings():
    text = "Tài liệu mật"
    assert decode(codecs.BOM_UTF8 + text.encode(), "a", encoding="utf-8") == text
    assert decode(text.encode("utf-16-le"), "a", encoding="utf-16-le") == text  # no BOM, NUL bytes: fine when named
    assert decode(encode_legacy(text, "vni"), "a", encoding="VNI-Win") == text
    assert decode(encode_legacy(text, "tcvn3"), "a", encoding="ABC") == text
    assert decode(encode_legacy(text, "cp1258"), "a", encoding="windows-1258") == text
    with pytest.raises(InputError, match="not utf-8 text"):
        decode(encode_legacy(text, "vni"), "a.txt", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode(b"x", "a.txt", encoding="klingon")
    with pytest.raises(InputError, match="a.txt: cannot decode as 'base64'"):
        decode(b"!!", "a.txt", encoding="base64")
    with pytest.raises(InputError, match=r"a\.txt: not TCVN3 \(ABC\) text"):
        decode(b"\x81", "a.txt", encoding="tcvn3")


def test_read_returns_the_notice(tmp_path):
    f = tmp_path / "cu.txt"
    f.write_bytes(encode_legacy(SENTENCES[0], "tcvn3"))
    source = read(str(f))
    assert source.text == SENTENCES[0]
    assert "TCVN3" in source.encoding_notice and source.notice == source.encoding_notice
    assert read(str(f), encoding="tcvn3").encoding_notice is None
    plain = tmp_path / "moi.txt"
    plain.write_text(SENTENCES[0], encoding="utf-8")
    assert read(str(plain)) == Source(str(plain), SENTENCES[0])


def test_cli_checks_a_legacy_draft(tmp_path):
    f = tmp_path / "vni.txt"
    f.write_bytes(encode_legacy(SENTENCES[0] + "\n", "vni"))
    proc = subprocess.run([sys.executable, "-m", "postcheck", "--format", "json", str(f)], capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    [report] = json.loads(proc.stdout)["files"]
    matches = [x["match"] for x in report["findings"]]
    assert "tài liệu mật" in matches
    # positions are into the converted text
    for x in report["findings"]:
        assert (SENTENCES[0] + "\n")[x["start"]:x["end"]] == x["match"]


def test_cli_refuses_garbage_with_encoding_hint(tmp_path):
    f = tmp_path / "junk.txt"
    f.write_bytes(_garbage(7))
    proc = subprocess.run([sys.executable, "-m", "postcheck", str(f)], capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert "junk.txt" in line and "--encoding" in line
