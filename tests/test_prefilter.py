"""The fast path (one automaton pass, segmentation only where a candidate is) must give
exactly the findings of checking everything the slow way (tests/reference.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postcheck import load_rulebook
from postcheck.lang.vi import fold
from reference import exhaustive_findings

RULEBOOK = load_rulebook()
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


def texts():
    for rule in RULEBOOK.rules:
        yield from (e.text for e in rule.examples["hit"] + rule.examples["miss"])


def same(text: str) -> None:
    fast = RULEBOOK.check_text(text)
    slow = exhaustive_findings(RULEBOOK, text)
    assert fast == slow, text


def test_fast_path_equals_exhaustive_on_rule_examples():
    for text in texts():
        same(text)


@pytest.mark.skipif(not DEV.is_file(), reason="the shared dev corpus is not beside the repository")
def test_fast_path_equals_exhaustive_on_the_dev_corpus():
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            same(json.loads(line)["text"])


def test_clean_post_never_imports_underthesea():
    code = ("import sys; from postcheck import load_rulebook; from postcheck.lang import word_segmenter; "
            "f = load_rulebook().check_text('Chúc cả nhà cuối tuần vui vẻ và bình an!'); "
            "print(f, 'underthesea' in sys.modules, word_segmenter.loaded_by)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    assert out == "[] False None"


def test_version_and_help_do_not_import_underthesea():
    code = ("import sys; from postcheck.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print('underthesea' in sys.modules, 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip().splitlines()
    assert out[-1] == "False False"


# drafts stitched from the rules' own terms (accented, folded, upper-cased, with punctuation
# edges like "u.s." or "opec+") and hostile separators: where the one-pass automaton's
# whole-syllable keys and the lazy per-set verification could differ from the reference
_TERMS = sorted({t.text for ts in RULEBOOK.matcher._sets.values() for t in ts.terms})
_SEPARATORS = [" ", "  ", ", ", ".", ". ", "\n", "-", "_", "/", "'", "“", "…", "!", "+", "%", "x", "1", "\u200b", "",
               "🔥", "\u2060", "\u3164", "** ", "” ", "|", "~"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_TERMS), st.sampled_from(["as is", "folded", "upper"]),
                          st.sampled_from(_SEPARATORS)), min_size=1, max_size=12))
def test_fast_path_equals_exhaustive_on_stitched_terms(pieces):
    out = []
    for term, form, sep in pieces:
        out.append((fold(term) if form == "folded" else term.upper() if form == "upper" else term) + sep)
    same("".join(out))


@pytest.mark.parametrize("text", [
    "Đây là tài liệu tuyet mat nhé. Gửi mọi người bao cao mat về đàm phán. Đây là bi mat nha nuoc.",
    "**tuyệt** mật, “tuyệt” mật, (tuyệt) mật, báo-cáo-mật, báo.cáo.mật, tuyệt_mật, #báocáomật, tuyệt🔥mật",
    "tuyệtmật, tuyệt\u200bmật, tuy\u3164ệt mật, t/u/y/ệ/t m/ậ/t, đồ l🙂ồ🙂n, đồ l0n, mậ\u0301t, ᴛᴜʏệt mật, 🅣🅤🅨ệt mật",
    "Bận tối mat cả tuần. Chị Bao Cao đến. Châu Á du lịch. Mua đồ cho bé. Tự do cho mọi người.",
])
def test_fast_path_equals_exhaustive_on_evasions(text):
    same(text)
