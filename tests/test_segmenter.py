"""The lean load of underthesea's word_tokenize (no package __init__) must give exactly the
words of `from underthesea import word_tokenize`, and leave no trace in sys.modules."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"

SENTENCES = [
    "Bác sĩ bây giờ có thể thản nhiên báo tin bệnh nhân bị ung thư",
    "Mẹ mua mật ong rừng ở chợ phiên, còn bố thì quên mật khẩu wifi.",
    "Hai bên giữ quan hệ thân mật và cởi mở trong suốt cuộc gặp.",
    "Đoàn đại biểu đã đến Hà Nội lúc 9h30 sáng ngày 12/3/2024!!!",
    "ko bít nói j luôn á, hôm nay trời nóng quá trời",
    "Email: lan.nguyen@example.com, ĐT 0912 345 678 (gọi sau 17:00)",
    "TP.HCM và TS. Nguyễn Văn A cùng dự hội thảo về kinh tế số",
    "Ｆｕｌｌ ｗｉｄｔｈ và chữ có dấu tổ hợp: hoà bình, hòa bình",
    "",
    "   ",
    "!!!",
    "a" * 300,
]

SCRIPT = r"""
import json, sys
from postcheck.lang import word_segmenter
lean = word_segmenter.load_word_tokenize()
state = [word_segmenter.loaded_by, sorted(m for m in sys.modules if m == "joblib" or m.split(".")[0] == "underthesea")]
sentences = json.loads(sys.stdin.read())
lean_words = [lean(s) for s in sentences]
import underthesea  # the real package, complete, after the lean load
full_words = [underthesea.word_tokenize(s) for s in sentences]
print(json.dumps({"state": state, "same": lean_words == full_words,
                  "differ": [s for s, a, b in zip(sentences, lean_words, full_words) if a != b][:5],
                  "pos_tag": bool(underthesea.pos_tag("Xin chào"))}))
"""


def run(sentences: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(sentences), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def dev_sentences() -> list[str]:
    if not DEV.is_file():
        return []
    from postcheck.segment import sentence_spans

    out = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            out.extend(text[a:b] for a, b in sentence_spans(text))
    return out


def test_lean_load_is_used_and_leaves_no_placeholder_behind():
    result = run(SENTENCES)
    # "lean": a new underthesea release that changes the layout would fall back to the
    # slow import silently; this test is what notices
    assert result["state"] == ["lean", []]
    assert result["pos_tag"]


def test_lean_words_equal_the_package_words():
    result = run(SENTENCES + dev_sentences())
    assert result["same"], result["differ"]


def test_underthesea_already_imported_is_used_as_it_is():
    code = ("import underthesea, sys; from postcheck.lang import word_segmenter; "
            "f = word_segmenter.load_word_tokenize(); print(word_segmenter.loaded_by, f is underthesea.word_tokenize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["package", "True"]


def test_a_broken_layout_falls_back_to_the_package():
    code = ("import importlib, sys; from postcheck.lang import word_segmenter\n"
            "real = importlib.import_module\n"
            "def broken(name, *a):\n"
            "    if name == 'underthesea.pipeline.word_tokenize': raise ImportError('moved')\n"
            "    return real(name, *a)\n"
            "importlib.import_module = broken\n"
            "f = word_segmenter.load_word_tokenize(); importlib.import_module = real\n"
            "import underthesea; print(word_segmenter.loaded_by, f is underthesea.word_tokenize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["package", "True"]
