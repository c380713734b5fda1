"""The drafts backstop (issue 14): one learned model of 5.2/5.3/5.5/5.6 (models/drafts.bin) read
by the rules classified.learned, incitement.learned, title.learned and identity.learned (rules/learned.yaml),
and the script that trains it from training/drafts. Texts written for these tests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck import load_rulebook
from postcheck.checks.classifier import load_model, models_dir
from postcheck.resources import resource_dir
from postcheck.rulebook import RuleError
from rule_files import classifier_rule_file

REPO = Path(__file__).resolve().parents[1]
RULES = {"5.2": "classified.learned", "5.3": "incitement.learned", "5.5": "title.learned", "5.6": "identity.learned"}


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def learned(book, text: str) -> set[str]:
    return {f.rule for f in book.check_text(text) if f.rule in RULES.values() and f.severity == "warning"}


def test_model_loads_with_a_label_for_each_rule(book):
    model = load_model(models_dir() / "drafts.bin")
    assert set(model.classes) == {"clean", "5.2", "5.3", "5.5", "5.6"}
    for clause, rule_id in RULES.items():
        rule = book.by_id[rule_id]
        assert (rule.clause, rule.label, rule.model_path.name) == (clause, clause, "drafts.bin")
        assert rule.formal_threshold is None  # plain sentences of articles: no verdict (learned.yaml says why)


def test_models_stay_small():
    # the script refuses more (MAX_BYTES); 13 writers' drafts made 4.0 MB, the issue allows ~10 MB
    assert (models_dir() / "drafts.bin").stat().st_size < 8 * 1024 * 1024


@pytest.mark.parametrize("clause,text", [
    ("5.2", "Nghe phòng tổ chức nói tháng sau anh Bình lên Phó Vụ trưởng, quyết định còn chưa ký đâu."),
    ("5.2", "Phương án lùi của đoàn mình là chấp nhận mức cắt giảm 15% nếu phía bạn không chịu nhượng bộ."),
    ("5.5", "Mình là Bí thư thứ nhất ở Đại sứ quán nên có gì cần visa nhanh cứ nhắn mình, mình ưu tiên cho."),
    ("5.6", "Liên hệ đặt tour qua số tổng đài của Đại sứ quán hoặc đến trực tiếp trụ sở Đại sứ quán nhé."),
    ("5.3", "Người quen làm trong bệnh viện nói vắc xin này gây vô sinh, đừng ai cho con đi tiêm nữa."),
])
def test_a_paraphrased_violation_draws_its_rule(book, clause, text):
    assert RULES[clause] in learned(book, text)


@pytest.mark.parametrize("text", [
    "Chúc mừng anh Tuấn vừa nhận quyết định bổ nhiệm Tham tán công sứ, chúc anh thành công.",  # 5.2: announced
    "Mình xin chia sẻ ý kiến cá nhân, không đại diện cho cơ quan nơi mình công tác.",  # 5.5: a disclaimer
    "Mình đi công tác Nhật tuần sau, ai cần mua gì thì nhắn nhé.",  # 5.6: one's own trip, no contact
    "Mình đọc được tin này trên mạng nhưng chưa kiểm chứng, có ai biết nguồn chính thức không?",  # 5.3: asks
    "Cuối tuần này cả nhà mình về quê ăn giỗ, đường đông nhưng vui lắm.",
    "bạn ạ",  # too short for a verdict
])
def test_look_alikes_draw_none(book, text):
    assert learned(book, text) == set()


def test_a_plain_sentence_of_an_article_gets_no_verdict(book):
    # the 5.5 hit above, inside formal prose: the rules leave articles' plain sentences alone
    article = " ".join([
        "Sáng nay, Bộ Ngoại giao tổ chức họp báo thường kỳ tại Hà Nội với sự tham dự của nhiều phóng viên.",
        "Người phát ngôn đã trả lời các câu hỏi về hợp tác kinh tế và lãnh sự trong khu vực.",
        "Mình là Bí thư thứ nhất ở Đại sứ quán nên có gì cần visa nhanh cứ nhắn mình, mình ưu tiên cho.",
        "Cuộc họp báo kết thúc vào lúc mười một giờ cùng ngày theo đúng chương trình đã thông báo.",
        "Các cơ quan báo chí trong nước và quốc tế đã đưa tin đầy đủ về nội dung buổi họp báo.",
    ])
    rule = book.by_id["title.learned"]
    doc = book.document(article)
    assert [s for s, e in doc.sentences if rule.gate(doc, s, e) is not None] == []


# --- keys ------------------------------------------------------------------------------------

def _rule_file(tmp_path, **keys):
    return classifier_rule_file(tmp_path, "test.drafts", "5.2", {"model": "drafts.bin", "label": '"5.2"', "threshold": 0.6, **keys})


@pytest.mark.parametrize("keys,key", [
    ({"threshold": 0}, "threshold"),
    ({"threshold": '"0.6"'}, "threshold"),
    ({"formal_threshold": 1.2}, "formal_threshold"),
    ({"formal_threshold": "high"}, "formal_threshold"),
    ({"plain_threshold": -0.1}, "plain_threshold"),
    ({"label": "[]"}, "label"),
    ({"lable": '"5.2"'}, "lable"),
])
def test_bad_threshold_and_label_keys_name_the_file_and_key(tmp_path, keys, key):
    path = _rule_file(tmp_path, **keys)
    with pytest.raises(RuleError) as err:
        load_rulebook([tmp_path], [resource_dir("wordlists")])
    assert str(path) in str(err.value) and f"key '{key}'" in str(err.value)
    assert "\n" not in str(err.value)


def test_a_label_the_model_lacks_is_one_line_exit_3(tmp_path):
    # the model is not loaded while compiling, so the label is checked when first used
    rules = tmp_path / "rules"
    rules.mkdir()
    _rule_file(rules, label='"5.9"')
    draft = tmp_path / "d.txt"
    draft.write_text("Anh Hùng sắp được điều sang làm Tham tán ở Canberra.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run([sys.executable, "-m", "postcheck", "--rules", str(rules), str(draft)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=env)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "r.yaml" in line and "key 'label'" in line and "'5.9'" in line, line


def test_formal_threshold_judges_plain_sentences_of_articles(tmp_path):
    _rule_file(tmp_path, formal_threshold=0.3)
    [rule] = load_rulebook([tmp_path], [resource_dir("wordlists")]).rules
    article = " ".join(["Bộ Ngoại giao tổ chức họp báo thường kỳ tại Hà Nội vào sáng thứ Năm tuần này."] * 7)
    doc = load_rulebook([tmp_path], [resource_dir("wordlists")]).document(article)
    s, e = doc.sentences[1]
    assert rule.gate(doc, s, e) == 0.3


# --- the training script -----------------------------------------------------------------------

FIXTURE = {
    "a-secrets": [
        ("Nghe nói anh Dũng sắp sang làm Tổng lãnh sự, quyết định chưa ký.", ["5.2"]),
        ("Chị Mai được đề xuất lên Phó Vụ trưởng nhưng chưa có quyết định đâu nhé.", ["5.2"]),
        ("Lịch Bộ trưởng đi Ấn Độ chưa công bố, mọi người giữ kín nha.", ["5.2"]),
        ("Hôm nay trời đẹp, cả nhà đi dạo hồ Tây.", []),
        ("Quyết định bổ nhiệm đã công bố sáng nay, chúc mừng chị Mai.", []),
    ],
    "b-office": [
        ("Tôi là Tham tán Đại sứ quán nên bảo lãnh cho cửa hàng của em gái tôi.", ["5.5"]),
        ("Mua hàng của nhà mình thì mình làm ở Bộ sẽ giúp làm visa nhanh.", ["5.5"]),
        ("Liên hệ đặt hàng qua số máy bàn của Đại sứ quán nhé các bạn.", ["5.6"]),
        ("Mình đi công tác về mua được ít quà cho cả phòng.", []),
        ("Ý kiến cá nhân mình thôi, không đại diện cho cơ quan.", []),
    ],
}


def test_training_script_runs_on_a_tiny_folder(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for writer, rows in FIXTURE.items():
        with (drafts / f"{writer}.jsonl").open("w", encoding="utf-8") as f:
            for n, (text, expect) in enumerate(rows):
                evidence = [text] if expect else []
                f.write(json.dumps({"id": f"{writer}-{n}", "text": text, "expect": expect,
                                    "evidence": evidence}, ensure_ascii=False) + "\n")
    out = tmp_path / "models"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "train_drafts_model.py"), str(drafts),
                           "--cv", "--exclude", "", "--out", str(out)], capture_output=True, text=True, encoding="utf-8",
                          timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "10 drafts from a-secrets, b-office" in proc.stdout
    assert "leave-one-writer-out" in proc.stdout or "writer-out" in proc.stdout
    model = load_model(out / "drafts.bin")
    assert set(model.classes) == {"clean", "5.2", "5.5", "5.6"}  # no 5.3 draft in the folder: no label


def test_a_misspelt_excluded_writer_stops_training(tmp_path):
    """A validation writer whose name matches no file would silently be trained on."""
    (tmp_path / "w16-general2.jsonl").write_text(json.dumps({"id": "1", "text": "a", "expect": []}) + "\n",
                                                 encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "train_drafts_model.py"), str(tmp_path),
                           "--no-save", "--exclude", "w16-general2,w17-replys"],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, env=env)
    assert proc.returncode == 2
    assert "--exclude: no file w17-replys.jsonl in" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_training_script_refuses_a_blind_set(tmp_path):
    (tmp_path / "x.jsonl").write_text(json.dumps({"id": "1", "text": "a", "expect": []}) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "train_drafts_model.py"), str(tmp_path),
                           "--no-save", "--measure", str(tmp_path / "heldout-blind9.jsonl")],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, env=env)
    assert proc.returncode != 0 and "blind" in proc.stderr
