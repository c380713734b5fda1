"""`yields_to` on rule-based rules (engine._yield_in_sentence): a finding of a rule that
yields to a stronger clause is dropped where a counted finding of that clause shares its
sentence, and kept everywhere else."""
from __future__ import annotations

import subprocess
import sys

import pytest

from postcheck import load_rulebook


def _rules(**extra: str) -> str:
    """Two word-list rules: a 4.1 word and a 5.4 word; extra keys are added per rule id."""
    def rule(rid: str, clause: str, terms: str, severity: str = "warning") -> str:
        return (f"  - id: {rid}\n    clause: '{clause}'\n    severity: {severity}\n    kind: terms\n"
                f"    description: d\n    terms: [{terms}]\n    message: {{vi: a, en: b}}\n"
                f"    examples: {{hit: ['[{terms}]'], miss: ['chào']}}\n{extra.get(rid, '')}")
    return ("rules:\n" + rule("t.rude", "4.1", "quạu quọ")
            + rule("t.threat", "5.4", "xử đẹp", extra.get("threat_severity", "warning")))


@pytest.fixture
def book(tmp_path):
    def make(**extra: str):
        folder = tmp_path / "rules"
        folder.mkdir(exist_ok=True)
        (folder / "r.yaml").write_text(_rules(**extra), encoding="utf-8")
        return load_rulebook([folder])
    return make


def _named(rulebook, text: str) -> list[str]:
    return sorted(f.rule for f in rulebook.check_text(text))


def test_a_yielding_rule_gives_way_in_the_sentence_of_a_stronger_clause(book):
    rb = book(**{"t.rude": "    yields_to: ['5.4']\n"})
    assert _named(rb, "Lão quạu quọ đó mà đến thì xử đẹp.") == ["t.threat"]
    # the same words in two sentences: each offence is its own
    assert _named(rb, "Lão quạu quọ đó lại đến. Mai tao xử đẹp hắn.") == ["t.rude", "t.threat"]
    # alone, the 4.1 word is reported as before
    assert _named(rb, "Lão quạu quọ đó lại đến.") == ["t.rude"]


def test_without_the_key_both_findings_stay(book):
    assert _named(book(), "Lão quạu quọ đó mà đến nữa thì tao xử đẹp.") == ["t.rude", "t.threat"]


def test_a_note_does_not_silence(book):
    # the stronger rule reports only an info note: nothing counted names the sentence
    rb = book(**{"t.rude": "    yields_to: ['5.4']\n", "threat_severity": "info"})
    assert _named(rb, "Lão quạu quọ đó mà đến nữa thì tao xử đẹp.") == ["t.rude", "t.threat"]


def test_two_rules_that_yield_to_each_other_both_stay(book):
    rb = book(**{"t.rude": "    yields_to: ['5.4']\n", "t.threat": "    yields_to: ['4.1']\n"})
    assert _named(rb, "Lão quạu quọ đó mà đến nữa thì tao xử đẹp.") == ["t.rude", "t.threat"]


def test_yields_to_on_a_terms_rule_must_name_clauses(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(_rules(**{"t.rude": "    yields_to: [bốn]\n"}), encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("Chào cả nhà.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "postcheck", "--rules", str(folder), str(draft)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 3
    assert "r.yaml" in proc.stderr and "'yields_to'" in proc.stderr


# ---------------------------------------------------------------- the shipped 4.1 word lists

@pytest.mark.parametrize("text", [
    "Thằng ngu kia tao đánh gãy chân.",
    "Mày mà còn léng phéng thì tao đánh gãy chân thằng ngu.",
    "Thằng khốn, tao chém chết mày.",
    "Bọn Tàu khựa ngu như bò, đuổi hết về nước.",
])
def test_an_insult_inside_a_threat_is_reported_once_as_the_threat(check, text):
    counted = [f for f in check(text) if f.severity != "info"]
    assert "5.4" in {f.clause for f in counted}
    assert not {"language.insult", "language.profanity"} & {f.rule for f in counted}


@pytest.mark.parametrize("text", [
    "Thằng ngu kia lại đỗ xe chắn cổng nhà mình. Mai tao đánh gãy chân nó.",
    "Đồ mất dạy, đỗ xe kiểu gì thế. Lần sau mày còn đỗ đây thì liệu hồn.",
    # tenth session review: the insult more than a few words from the threat is its own offence
    "Thằng ngu kia mà còn léng phéng ở đây thì tao đánh gãy chân.",
    "Thằng ngu đó lại đỗ xe chắn cổng, ai mà chịu nổi, mai tao đánh gãy chân nó.",
    "Đồ mất dạy, mày còn nhắn tin nữa thì liệu hồn đấy.",
])
def test_an_insult_in_its_own_sentence_stays_beside_the_threat(check, text):
    counted = {f.rule for f in check(text) if f.severity != "info"}
    assert "language.insult" in counted


@pytest.mark.parametrize("text", [
    "Thằng ngu kia lại đỗ xe chắn cổng nhà mình.",
    "Ông ấy nói năng mất dạy thật.",
])
def test_an_insult_alone_is_still_4_1(check, text):
    assert "language.insult" in {f.rule for f in check(text) if f.severity != "info"}


# ------------------------------------------------- tenth session review: narrower yields

def _three(tmp_path, rude: str = "", threat: str = "", office: str = "",
           threat_severity: str = "error", rude_severity: str = "error"):
    def rule(rid, clause, terms, severity, extra):
        return (f"  - id: {rid}\n    clause: '{clause}'\n    severity: {severity}\n    kind: terms\n"
                f"    description: d\n    terms: [{terms}]\n    message: {{vi: a, en: b}}\n"
                f"    examples: {{hit: ['[{terms}]'], miss: ['chào']}}\n{extra}")
    folder = tmp_path / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "r.yaml").write_text("rules:\n" + rule("t.rude", "4.1", "quạu quọ", rude_severity, rude)
                                   + rule("t.threat", "5.4", "xử đẹp", threat_severity, threat)
                                   + rule("t.office", "5.5", "nhân danh sở", "error", office), encoding="utf-8")
    return load_rulebook([folder])


def test_a_finding_yields_only_to_a_target_that_survives(tmp_path):
    """A chain: the 4.1 word yields to the threat, which yields to the office's; the threat
    goes, and the 4.1 word, whose target is gone, stays (it used to vanish with it)."""
    rb = _three(tmp_path, rude="    yields_to: ['5.4']\n", threat="    yields_to: ['5.5']\n")
    assert _named(rb, "Nhân danh sở, lão quạu quọ xử đẹp hết.") == ["t.office", "t.rude"]


def test_an_error_never_gives_way_to_a_warning(tmp_path):
    rb = _three(tmp_path, rude="    yields_to: ['5.4']\n", threat_severity="warning")
    assert _named(rb, "Lão quạu quọ xử đẹp hết.") == ["t.rude", "t.threat"]
    rb = _three(tmp_path / "b", rude="    yields_to: ['5.4']\n", rude_severity="warning", threat_severity="warning")
    assert _named(rb, "Lão quạu quọ xử đẹp hết.") == ["t.threat"]


def test_a_yield_reaches_only_a_few_words(tmp_path):
    rb = _three(tmp_path, rude="    yields_to: ['5.4']\n")
    assert _named(rb, "Lão quạu quọ đó tao xử đẹp.") == ["t.threat"]
    assert _named(rb, "Lão quạu quọ đó hôm qua lại đỗ xe ở cổng, mai tao xử đẹp.") == ["t.rude", "t.threat"]


def test_yields_to_may_name_a_rule(tmp_path):
    rb = _three(tmp_path, rude="    yields_to: [t.office]\n")
    assert _named(rb, "Lão quạu quọ xử đẹp hết.") == ["t.rude", "t.threat"]
    assert _named(rb, "Nhân danh sở quạu quọ lắm.") == ["t.office"]


@pytest.mark.parametrize("text,kept", [
    # an insult beside a rumour, a defamation, a gathering or a boycott call: two offences
    ("Con mụ ngu đó ăn cắp tiền quỹ lớp, ai cũng biết.", "language.insult"),
    ("Thằng đần kia bảo mọi người tẩy chay hết hàng của siêu thị đó đi.", "language.insult"),
    ("Đồ ngu, mai cả phòng tập trung ở sảnh lúc 8 giờ để phản đối đề xuất nhé.", "language.insult"),
    ("Lũ ăn hại ấy nghe nói sắp bị giải thể, chắc chắn 100%.", "language.insult"),
    ("Đừng tin người Hoa, đồ ngu ạ.", "language.insult"),
    # a threat made in an office's name: the threat and the office used, both
    ("Thay mặt sứ quán, tôi nói rõ: thằng nào còn dám chửi cán bộ thì ăn đòn.", "hate.threat"),
    # hearsay far from another state's election in the sentence
    ("Nghe nói bầu cử ở Pháp xong thì giá xăng trong nước chắc chắn 100% sẽ tăng.", "rumour.unverified"),
])
def test_a_weaker_or_distant_target_silences_nothing(check, text, kept):
    assert kept in {f.rule for f in check(text) if f.severity != "info"}
