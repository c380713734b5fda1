"""`classifier`: a learned model scores each sentence (and a short post as a whole).

The model is underthesea_core's TextClassifier (TF-IDF over syllable n-grams + a linear
SVM, in Rust), trained by scripts/train_classifier.py on the same matching view the term
rules see. It ships in postcheck/models/ and is loaded on the first document that has a
sentence to score, once per process: compiling the rule only checks that the file exists.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Iterator

from ..document import Document
from ..normalize import fold
from ..terms import word_letters
from ..rulebook import Context, RuleError
from .base import SCOPES, Hit, Rule

POSITIVE = "offensive"  # the label the model gives offensive text; the other one is "clean"
SHORT_POST = 200  # a post shorter than this (in characters) is also scored as a whole

_NON_WORD = re.compile(r"[\W_]+")
_models: dict[Path, object] = {}
_lock = threading.Lock()


def models_dir() -> Path:
    import postcheck

    return Path(postcheck.__file__).parent / "models"


def load_model(path: Path):
    """The model in `path`, loaded once per process."""
    path = Path(path)
    model = _models.get(path)
    if model is None:
        with _lock:
            model = _models.get(path)
            if model is None:
                from underthesea_core import TextClassifier

                model = TextClassifier.load(str(path))
                _models[path] = model
    return model


def model_input(view_text: str) -> str:
    """What the model reads: the matching view with punctuation turned into spaces (its
    tokenizer splits on whitespace only), followed by the same words without diacritics,
    so that "ngu" typed bare and "ngu" typed with marks share features."""
    words = _NON_WORD.sub(" ", view_text).strip()
    return f"{words} {fold(words)}"


class ModelInputs:
    """model_input() of any span of one text, sliced from two passes over the whole text
    instead of a regular expression and a fold for every sentence."""

    def __init__(self, text: str, words: str | None = None, folded: str | None = None):
        """`words` (word_letters(text)) and `folded` (fold(words)) when the caller has them."""
        self.words = word_letters(text) if words is None else words  # one space a character: offsets stay
        self.folded = fold(self.words) if folded is None else folded

    def of(self, start: int, end: int) -> str:
        return f'{" ".join(self.words[start:end].split())} {" ".join(self.folded[start:end].split())}'

    @staticmethod
    def of_document(doc: Document) -> "ModelInputs":
        inputs = doc.__dict__.get("_model_inputs")
        if inputs is None:
            inputs = doc.__dict__["_model_inputs"] = ModelInputs(doc.view.text, doc.words_view, doc.folded_words_view)
        return inputs


def offensive_score(model, view_text: str) -> float:
    """0..1, higher is more offensive: the sigmoid of the SVM's decision value."""
    return _score(model, model_input(view_text))


def _score(model, features: str) -> float:
    # predict_with_score, not the parallel batch call: no thread pool that a forked
    # worker (runner.py) could inherit in a broken state
    label, confidence = model.predict_with_score(features)
    return confidence if label == POSITIVE else 1.0 - confidence


def units(doc: Document, scope: str, min_chars: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The view spans to score, whitespace trimmed: the sentences of at least `min_chars`
    characters, and the whole post when it is short and has more than one sentence (for
    scope 'post': no sentences, and always the whole post)."""
    text = doc.view.text

    def trimmed(s: int, e: int) -> tuple[int, int] | None:
        piece = text[s:e]
        s, e = s + len(piece) - len(piece.lstrip()), e - len(piece) + len(piece.rstrip())
        return (s, e) if e - s >= max(min_chars, 1) else None

    if scope == "post":
        return [], trimmed(0, len(text))
    sentences = [span for span in (trimmed(s, e) for s, e in doc.sentences) if span]
    whole = trimmed(0, len(text)) if len(text) < SHORT_POST else None
    if whole in sentences:
        whole = None
    return sentences, whole


def post_score(model, doc: Document, scope: str = "sentence", min_chars: int = 1) -> float:
    """The highest score of any unit (0 when there is nothing to score): a rule with this
    scope and min_chars fires on the document exactly when this reaches its threshold."""
    sentences, whole = units(doc, scope, min_chars)
    spans = sentences + ([whole] if whole else [])
    inputs = ModelInputs.of_document(doc)
    return max((_score(model, inputs.of(s, e)) for s, e in spans), default=0.0)


class ClassifierRule(Rule):
    KEYS = frozenset({"model", "threshold", "scope", "min_chars"})
    mechanism = "classifier"

    def __init__(self, spec: dict, where: str, ctx: Context):
        super().__init__(spec, where, ctx)
        name = spec.get("model")
        if not isinstance(name, str) or not name or Path(name).name != name:
            raise RuleError(f"{where}: key 'model': give the file name of a model in {models_dir()}")
        self.model_path = models_dir() / name
        if not self.model_path.is_file():
            raise RuleError(f"{where}: key 'model': model file '{name}' not found in {models_dir()}")
        threshold = spec.get("threshold")
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
            raise RuleError(f"{where}: key 'threshold': expected a number between 0 and 1, got {threshold!r}")
        self.threshold = float(threshold)
        self.scope = spec.get("scope", "sentence")
        if self.scope not in SCOPES:
            raise RuleError(f"{where}: key 'scope': '{self.scope}' is not one of {', '.join(SCOPES)}")
        min_chars = spec.get("min_chars", 1)
        if isinstance(min_chars, bool) or not isinstance(min_chars, int) or min_chars < 0:
            raise RuleError(f"{where}: key 'min_chars': expected a whole number of characters, got {min_chars!r}")
        self.min_chars = min_chars

    def model(self):
        try:
            return load_model(self.model_path)
        except Exception as exc:  # a truncated or foreign file: the rule is wrong, not the draft
            raise RuleError(f"{self.where}: key 'model': cannot load '{self.model_path}': {exc}") from None

    def scored(self, doc: Document) -> Iterator[tuple[int, int, float]]:
        """(view start, view end, score) of each sentence that reaches the threshold, or else
        of the whole short post if that does: what the rule reports."""
        sentences, whole = units(doc, self.scope, self.min_chars)
        if not sentences and not whole:
            return
        model = self.model()
        inputs = ModelInputs.of_document(doc)
        fired = False
        for s, e in sentences:
            score = _score(model, inputs.of(s, e))
            if score >= self.threshold:
                fired = True
                yield s, e, score
        if whole and not fired:
            score = _score(model, inputs.of(*whole))
            if score >= self.threshold:
                yield whole[0], whole[1], score

    def post_score(self, doc: Document) -> float:
        return post_score(self.model(), doc, self.scope, self.min_chars)

    def hits(self, doc: Document) -> Iterator[Hit]:
        for s, e, score in self.scored(doc):
            start, end = doc.view.original_span(s, e)
            yield Hit(start, end, {"score": f"{score:.2f}"})
