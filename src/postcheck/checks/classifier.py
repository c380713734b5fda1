"""`classifier`: a learned model scores each sentence (and a short post as a whole).

The model is underthesea_core's TextClassifier (TF-IDF over syllable n-grams + a linear
SVM, in Rust), trained by scripts/train_classifier.py on the same matching view the term
rules see. It ships in postcheck/models/ and is loaded on the first document that has a
sentence to score, once per process: compiling the rule only checks that the file exists.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .. import tone
from ..document import Document
from ..lang.vi import fold
from ..terms import word_letters
from .base import Hit, Rule, RuleKeys
from .named_words import still_reaches
from .schema import key
from .scope import SENTENCE, Scope
from .sdk import Context, RuleError

POSITIVE = "offensive"  # the label the model gives offensive text; the other one is "clean"
SHORT_POST = 200  # a post shorter than this (in characters) is also scored as a whole

_NON_WORD = re.compile(r"[\W_]+")
_models: dict[Path, object] = {}
_lock = threading.Lock()


def models_dir() -> Path:
    return Path(__file__).parent.parent / "models"  # postcheck/models/


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
        self._made: dict[tuple[int, int], str] = {}

    def of(self, start: int, end: int) -> str:
        # every learned rule scores the same sentences: each model's input is made once
        made = self._made.get((start, end))
        if made is None:
            made = self._made[start, end] = \
                f'{" ".join(self.words[start:end].split())} {" ".join(self.folded[start:end].split())}'
        return made

    @staticmethod
    def of_document(doc: Document) -> "ModelInputs":
        return doc.memo("classifier.model_inputs",
                        lambda: ModelInputs(doc.view.text, doc.words_view, doc.folded_words_view))


def offensive_score(model, view_text: str) -> float:
    """0..1, higher is more offensive: the sigmoid of the SVM's decision value."""
    return _score(model, model_input(view_text))


def _score(model, features: str, label: str = POSITIVE) -> float:
    # predict_with_score, not the parallel batch call: no thread pool that a forked
    # worker (runner.py) could inherit in a broken state
    return label_score(model.predict_with_score(features), label, len(model.classes))


def label_score(prediction: tuple[str, float], label: str, n_labels: int) -> float:
    """0..1 for `label` from the model's (best label, its confidence): a two-label model's
    other label is the complement; a model of several labels gives a score only to its
    best one (underthesea_core reports no other), so any other label scores 0."""
    best, confidence = prediction
    if best == label:
        return confidence
    return 1.0 - confidence if n_labels == 2 else 0.0


def units(doc: Document, scope: str, min_chars: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The view spans to score, whitespace trimmed: the sentences of at least `min_chars`
    characters, and the whole post when it is short and has more than one sentence (for
    scope 'post': no sentences, and always the whole post). Made once per document for
    every rule that asks with the same scope and min_chars (the learned rules share them)."""
    return doc.memo(("classifier.units", scope, min_chars), lambda: _units(doc, scope, min_chars))


def _units(doc: Document, scope: str, min_chars: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    text = doc.view.text

    def trimmed(s: int, e: int) -> tuple[int, int] | None:
        piece = text[s:e]
        s, e = s + len(piece) - len(piece.lstrip()), e - len(piece) + len(piece.rstrip())
        return (s, e) if e - s >= max(min_chars, 1) else None

    if scope == "post":
        return [], trimmed(0, len(text))
    sentences = [span for span in (trimmed(s, e) for s, e in _joined_at_initials(doc)) if span]
    whole = trimmed(0, len(text)) if len(text) < SHORT_POST else None
    if whole in sentences:
        whole = None
    return sentences, whole


def _joined_at_initials(doc: Document) -> list[tuple[int, int]]:
    """The document's sentences, with a sentence that the splitter broke after an initial
    ("bà M. ở nhà", "bị Th. đe dọa") joined to what follows: a fragment is not a sentence.
    Read in the original (the view has lower case, and "M." expanded as teencode)."""
    if not _ANY_INITIAL.search(doc.original):
        return list(doc.sentences)  # most posts: nothing to join, no offsets to map
    joined: list[tuple[int, int]] = []
    for s, e in doc.sentences:
        if joined:
            ps, pe = joined[-1]
            _, oe = doc.view.original_span(ps, pe)
            if tone.ends_with_initial(doc.original[max(0, oe - 16):oe]):
                joined[-1] = (ps, e)
                continue
        joined.append((s, e))
    return joined


_ANY_INITIAL = re.compile(r"(?<![^\s(.])[A-ZĐ][a-zđ]?\.\s")
_INITIAL = re.compile(r"^[A-ZĐ][a-zđ]?$")
_LETTERS = re.compile(r"[^\W\d_]+")


def syllables(text: str) -> int:
    """Syllables of the text, not counting initials ("M", "Th" of "M. Hà", "T.Thủy")."""
    return sum(1 for w in _LETTERS.findall(text) if not _INITIAL.match(w))


def _quoted_share(doc: Document, s: int, e: int) -> float:
    """The share of the span's characters inside quotation marks."""
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in tone.quoted_spans(doc))
    return inside / max(1, e - s)


def post_score(model, doc: Document, scope: str = "sentence", min_chars: int = 1, label: str = POSITIVE) -> float:
    """The highest score of any unit (0 when there is nothing to score): a rule with this
    scope and min_chars fires on the document exactly when this reaches its threshold."""
    sentences, whole = units(doc, scope, min_chars)
    spans = sentences + ([whole] if whole else [])
    inputs = ModelInputs.of_document(doc)
    return max((_score(model, inputs.of(s, e), label) for s, e in spans), default=0.0)


def _model_file(name: Any, where: str, key: str) -> Path:
    if not isinstance(name, str) or not name or Path(name).name != name:
        raise RuleError(f"{where}: key '{key}': give the file name of a model in {models_dir()}")
    if not (models_dir() / name).is_file():
        raise RuleError(f"{where}: key '{key}': model file '{name}' not found in {models_dir()}")
    return models_dir() / name


def _unit_scope(value: Any, where: str, key: str) -> Scope:
    # what is scored: each sentence (and a short post as a whole), or only the whole post
    return Scope.parse(value, where, key, units=("sentence", "post"))


def _share(value: float) -> str | None:
    return None if 0 < value < 1 else f"expected a number between 0 and 1, got {value!r}"


def _count(value: int) -> str | None:
    return None if value >= 0 else f"expected a whole number, 0 or more, got {value!r}"


def check_phrases(value: list[str]) -> str | None:
    """The complaint about a list of phrases (a `neutral` or `cleared_by` key), or None: each
    must hold a word, since phrase_pattern() matches whole words."""
    bad = [p for p in value if not isinstance(p, str) or not _NON_WORD.sub(" ", p).strip()]
    return f"expected phrases of words, got {bad[0]!r}" if bad else None


def phrase_pattern(phrases: list[str]) -> re.Pattern | None:
    """Whole words of the phrases (as the model reads them: lower case, punctuation as
    spaces), marked and folded, longest first."""
    forms = {" ".join(_NON_WORD.sub(" ", p.lower()).split()) for p in phrases}
    forms |= {fold(f) for f in forms}
    if not forms:
        return None
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


@dataclass(kw_only=True)
class LearnedKeys(RuleKeys):
    """The keys of a rule whose verdict is a model's score of each unit (classifier, semantic)."""
    model: Path = key(parse=_model_file)  # a file in postcheck/models/
    # the model's label this rule reports (a model of several labels serves several rules);
    # checked against the model when it is first loaded, since compiling does not load it
    label: str = key(POSITIVE)
    threshold: float = key(check=_share)  # the score a sentence in a comment's voice must reach
    plain_threshold: float | None = key(None, check=lambda v: v is not None and _share(v) or None)  # any other
    # a plain sentence of formal prose (an article): no verdict when left out, because the
    # offensive model reads news of crime as abuse; a rule whose offence is written in
    # formal register too (a leaked decision in a report) gives the score it must reach there
    formal_threshold: float | None = key(None, check=lambda v: v is not None and _share(v) or None)
    scope: Scope = key(SENTENCE, parse=_unit_scope)
    min_chars: int = key(1, check=_count)  # shorter units are not scored
    min_syllables: int = key(0, check=_count)  # fewer: a fragment, no verdict (initials not counted)
    # (yields_to, a key of every rule: clauses whose word-list finding inside the scored
    # sentence names the offence more precisely, a slur naming a group is 5.4; the model's
    # guess at it is then dropped)


@dataclass(kw_only=True)
class ClassifierKeys(LearnedKeys):
    # words in a harmless sense that the model reads as abuse ("hai mẹ con", "nở mày nở
    # mặt"): a unit that reaches its threshold is scored again without them, and must still
    # reach it; abuse that also holds one of them keeps its other cues
    neutral: list[str] = key(default_factory=list, check=check_phrases)
    # a unit that reports someone else's insult without marks is scored again without the
    # report (tone.reported_names_in): only for the rule of insults, never for incitement,
    # rumour or hate, whose reported words stay the writer's
    reported_names: bool = key(False)


def voice(doc: Document, s: int, e: int, min_syllables: int = 0) -> str | None:
    # every learned rule asks it of the same units (nine semantic rules before one batch):
    # the tone's regular expressions run once per unit
    return doc.memo(("classifier.voice", s, e, min_syllables), lambda: _voice(doc, s, e, min_syllables))


def _voice(doc: Document, s: int, e: int, min_syllables: int = 0) -> str | None:
    """How a unit (view span) is judged, by its tone: "comment" (a sentence in a comment's
    voice), "plain" (any other sentence of a post that is not an article), "formal" (a plain
    sentence of an article), or None for no verdict:
    - a fragment (fewer than min_syllables syllables, initials not counted);
    - said of an animal with no person addressed (tone.animal);
    - words mostly in quotation marks in a sentence that says who spoke, or in an
      article, or a line of dialogue in an article: reported, not the author's."""
    os_, oe = doc.view.original_span(s, e)
    text = doc.original[os_:oe]
    if syllables(text) < min_syllables:
        return None
    if _quoted_share(doc, os_, oe) >= 0.5 and (tone.formal(doc) or tone.attributed(doc, os_)):
        return None
    if tone.dialogue(doc, os_) and tone.formal(doc):
        return None
    if tone.animal(doc, os_, oe):
        return None  # said of a pet or an animal, no person addressed
    if tone.formal(doc):
        # in an article, only the author's own words in a comment's voice: what is
        # quoted is someone else's, and the weak marks of a comment are not enough
        return "comment" if tone.informal(tone.unquoted(doc, os_, oe), weak=False) else "formal"
    return "comment" if tone.informal(text) else "plain"


class LearnedRule(Rule):
    """A rule whose verdict is a model's score of each unit (units()), judged by its voice():
    what the `classifier` and `semantic` kinds share. A kind gives unit_scores() and
    whole_score(), and may ask _still() for a second look at a unit that fired."""

    Keys = LearnedKeys
    placeholders = Rule.placeholders | {"score", "confidence"}

    def __init__(self, keys: LearnedKeys, where: str, ctx: Context):
        super().__init__(keys, where, ctx)
        self.model_path = keys.model
        self.label = keys.label
        self.threshold = keys.threshold
        self.scope = keys.scope.unit  # "sentence" or "post": what units() scores
        self.min_chars = keys.min_chars
        self.min_syllables = keys.min_syllables
        self.plain_threshold = self.threshold if keys.plain_threshold is None else keys.plain_threshold
        self.formal_threshold = keys.formal_threshold
        self._model_key = str(keys.model)  # a Path hashes slowly, and the key is asked per document

    def gate(self, doc: Document, s: int, e: int) -> float | None:
        """The score a unit (view span) must reach, by its voice(), or None for no verdict."""
        return {"comment": self.threshold, "plain": self.plain_threshold,
                "formal": self.formal_threshold}.get(voice(doc, s, e, self.min_syllables))

    def unit_scores(self, doc: Document, sentences: list[tuple[int, int]]) -> list[float | None]:
        """The score of each sentence (None: no score, hence no verdict)."""
        raise NotImplementedError

    def whole_score(self, doc: Document, whole: tuple[int, int]) -> float | None:
        raise NotImplementedError

    def _still(self, doc: Document, s: int, e: int, needed: float) -> bool:
        return True

    def scored(self, doc: Document) -> Iterator[tuple[int, int, float]]:
        """(view start, view end, score) of each sentence that reaches the threshold, or else
        of the whole short post if that does: what the rule reports."""
        sentences, whole = units(doc, self.scope, self.min_chars)
        if not sentences and not whole:
            return
        fired = False
        floor = min(t for t in (self.threshold, self.plain_threshold, self.formal_threshold) if t is not None)
        for (s, e), score in zip(sentences, self.unit_scores(doc, sentences)):
            # the score first (cheap, or already made); the tone only of the few units it flags
            if score is not None and score >= floor:
                needed = self.gate(doc, s, e)
                if needed is not None and score >= needed and self._still(doc, s, e, needed):
                    fired = True
                    yield s, e, score
        if whole and not fired:
            score = self.whole_score(doc, whole)
            if score is not None and score >= floor:
                needed = self.gate(doc, *whole)
                if needed is not None and score >= needed and self._still(doc, *whole, needed):
                    yield whole[0], whole[1], score

    def hits(self, doc: Document) -> Iterator[Hit]:
        for s, e, score in self.scored(doc):
            start, end = doc.view.original_span(s, e)
            yield Hit(start, end, {"score": f"{score:.2f}", "confidence": confidence(score)})


class ClassifierRule(LearnedRule):
    Keys = ClassifierKeys
    mechanism = "classifier"

    def __init__(self, keys: ClassifierKeys, where: str, ctx: Context):
        super().__init__(keys, where, ctx)
        self.neutral = phrase_pattern(keys.neutral)
        self.reported_names = keys.reported_names
        self._model = None  # loaded on first use (compiling a rulebook loads no model)
        self._n_labels = 0

    def model(self):
        if self._model is not None:
            return self._model
        try:
            model = load_model(self.model_path)
        except Exception as exc:  # a truncated or foreign file: the rule is wrong, not the draft
            raise RuleError(f"{self.where}: key 'model': cannot load '{self.model_path}': {exc}") from None
        if self.label not in model.classes:
            raise RuleError(f"{self.where}: key 'label': model '{self.model_path.name}' has no label "
                            f"{self.label!r} (its labels: {', '.join(model.classes)})")
        self._model, self._n_labels = model, len(model.classes)
        return model

    def _predictions(self, doc: Document, model, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        # several rules read one model (one label each): the model runs once per unit for
        # all of them, its predictions kept with the document
        key = ("classifier.predictions", self._model_key, self.scope, self.min_chars)
        inputs = ModelInputs.of_document(doc)
        return doc.memo(key, lambda: [model.predict_with_score(inputs.of(s, e)) for s, e in spans])

    def unit_scores(self, doc: Document, sentences: list[tuple[int, int]]) -> list[float]:
        model = self.model()
        return [label_score(p, self.label, self._n_labels) for p in self._predictions(doc, model, sentences)]

    def whole_score(self, doc: Document, whole: tuple[int, int]) -> float:
        model = self.model()
        key = ("classifier.whole", self._model_key, self.scope, self.min_chars)
        prediction = doc.memo(key, lambda: model.predict_with_score(ModelInputs.of_document(doc).of(*whole)))
        return label_score(prediction, self.label, self._n_labels)

    def _still(self, doc: Document, s: int, e: int, needed: float) -> bool:
        return still_reaches(doc, s, e, ModelInputs.of_document(doc),
                             lambda features: label_score(self.model().predict_with_score(features), self.label,
                                                          self._n_labels),
                             needed, self.neutral, self.reported_names)

    def post_score(self, doc: Document) -> float:
        return post_score(self.model(), doc, self.scope, self.min_chars, self.label)


HIGH_CONFIDENCE = 0.9  # a score a reader can call "high"; below it (down to the threshold) "medium"


def confidence(score: float) -> dict[str, str]:
    """The model's score as staff read it: a decimal such as 0.79 means nothing to them."""
    from ..messages import CATALOGUE

    return dict(CATALOGUE["confidence.high" if score >= HIGH_CONFIDENCE else "confidence.medium"])
