"""The `classifier` rule kind and the shipped offensive-language model."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from postcheck import RuleError, load_rulebook
from hypothesis import given, settings
from hypothesis import strategies as st

from postcheck.checks.classifier import ModelInputs, load_model, model_input, models_dir, offensive_score
from postcheck.resources import resource_dir
from rule_files import classifier_rule_file

RULE_ID = "language.offensive-learned"
ABUSIVE = "Loại như mày thì biết gì mà nói, đồ óc chó."
POLITE = "Cảm ơn anh chị đã nhiệt tình hỗ trợ đoàn công tác trong chuyến thăm."


@pytest.fixture(scope="module")
def rule(rulebook):
    return rulebook.by_id[RULE_ID]


def test_model_file_ships_and_is_small(rule):
    path = models_dir() / "offensive.bin"
    assert rule.model_path == path
    assert path.is_file()
    assert path.stat().st_size <= 5 * 1024 * 1024
    assert (models_dir() / "NOTICE").read_text(encoding="utf-8").count("Copyright (c) 2023 Phu Hoang Gia") == 1


def test_model_is_loaded_once(rule):
    first = load_model(rule.model_path)
    assert load_model(rule.model_path) is first
    assert rule.model() is first


def test_abusive_scores_above_and_polite_below(rulebook, rule):
    model = rule.model()
    for text, above in ((ABUSIVE, True), (POLITE, False)):
        view = rulebook.document(text).view.text
        assert (offensive_score(model, view) >= rule.threshold) is above, text
        assert (rule.post_score(rulebook.document(text)) >= rule.threshold) is above, text


def test_finding_is_the_sentence_in_the_original_text(check):
    text = ("Chào cả nhà, hôm nay mình đi họp.\n\n"
            "  Loại như MÀY thì biết gì mà nói, đồ óc ch\u200bó.  \nHẹn gặp lại.")
    findings = [f for f in check(text) if f.rule == RULE_ID]
    assert len(findings) == 1
    f = findings[0]
    assert f.mechanism == "classifier"
    assert f.clause == "4.1" and f.severity == "warning"
    assert text[f.start:f.end] == "Loại như MÀY thì biết gì mà nói, đồ óc ch\u200bó."
    assert f.match == text[f.start:f.end]
    assert (f.line, f.column) == (3, 3)


def test_polite_post_draws_nothing(check):
    assert [f for f in check(POLITE) if f.rule == RULE_ID] == []
    assert [f for f in check("") if f.rule == RULE_ID] == []


def _rule_file(tmp_path, **keys):
    return classifier_rule_file(tmp_path, "test.learned", "4.1", {"model": "offensive.bin", "threshold": 0.5, "scope": "sentence", **keys})


@pytest.mark.parametrize("keys,key", [
    ({"model": "missing.bin"}, "model"),
    ({"model": "../rules/learned.yaml"}, "model"),
    ({"model": "[]"}, "model"),
    ({"threshold": 1.5}, "threshold"),
    ({"threshold": "high"}, "threshold"),
    ({"scope": "paragraph"}, "scope"),
    ({"min_chars": -1}, "min_chars"),
    ({"within": 3}, "within"),
])
def test_bad_keys_name_the_file_and_key(tmp_path, keys, key):
    path = _rule_file(tmp_path, **keys)
    with pytest.raises(RuleError) as err:
        load_rulebook([tmp_path], [resource_dir("wordlists")])
    assert str(path) in str(err.value)
    assert f"key '{key}'" in str(err.value)


def test_post_scope_reports_the_whole_post(tmp_path):
    _rule_file(tmp_path, scope="post")
    book = load_rulebook([tmp_path], [resource_dir("wordlists")])
    text = "  Hôm nay họp xong rồi. Mày ngu thế, đầu óc để làm gì vậy?\n"
    [f] = book.check_text(text)
    assert text[f.start:f.end] == text.strip()


def test_compiling_does_not_load_the_model():
    code = textwrap.dedent("""
        from postcheck import load_rulebook
        from postcheck.checks import classifier
        book = load_rulebook()
        assert classifier._models == {}, "loaded while compiling"
        book.check_text("   ")
        assert classifier._models == {}, "loaded with nothing to score"
        book.check_text("Chào buổi sáng.")
        # each model file once, however many rules read it (the drafts model serves three)
        shipped = {r.model_path for r in book.rules if r.kind == "classifier"}
        assert set(classifier._models) == shipped and len(shipped) == 2, classifier._models
    """)
    subprocess.run([sys.executable, "-c", code], check=True)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâbdđeêhiklmnoôơuưyàảãáạầẩẫấậằẳẵắặềểễếệ ,.!?_-\n\t0123456789😀\u0301")),
               max_size=80), st.data())
def test_model_inputs_of_a_span_equal_model_input_of_its_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert ModelInputs(text).of(start, end) == model_input(text[start:end])


def test_named_word_is_cut_from_the_view_not_the_original(rulebook, rule, monkeypatch):
    """A chat sentence holding a quoted word is rescored on its matching view (teencode
    spelt out), as the thresholds were picked there: only the quotation is cut."""
    from postcheck.checks.named_words import named_words

    model = rule.model()
    text = 'mn ko nên dùng từ "xyzw" vs ng khác nha'
    doc = rulebook.document(text)
    s, e = 0, len(doc.view.text)
    assert named_words(doc, s, e) == [(text.index("xyzw"), text.index("xyzw") + 4)]

    class Spy:
        classes = model.classes
        seen: list[str] = []

        def predict_with_score(self, features):
            self.seen.append(features)
            return model.predict_with_score(features)

    monkeypatch.setattr(rule, "_model", Spy())
    rule._still(doc, s, e, 0.0)
    view_said = 'mọi người không nên dùng từ với người khác nha'
    assert Spy.seen == [model_input(view_said)]
    assert model.predict_with_score(Spy.seen[0])[1] == pytest.approx(
        model.predict_with_score(model_input(view_said))[1])
    # what the original scored (teencode not spelt out) is another score
    assert offensive_score(model, 'mn ko nên dùng từ với ng khác nha') != pytest.approx(
        offensive_score(model, view_said))
