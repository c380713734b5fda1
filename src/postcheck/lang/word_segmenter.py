"""underthesea's word_tokenize, loaded without running underthesea's package __init__.

`import underthesea` imports every pipeline it has (POS, NER, chunking, classifiers, agents,
requests, joblib): about 0.3 s before the first word, more than a whole clean check takes.
word_tokenize itself needs three of underthesea's modules and two pickled files, so those
modules are imported here under placeholder parent packages, and the pickles (plain
pickles written by joblib.dump) are read with the standard pickle module.

The words are underthesea's either way: the code and the model are underthesea's own, and
anything unexpected (another package layout, a file only joblib can read) falls back to the
ordinary import. Afterwards the placeholders leave sys.modules, so code that imports
underthesea later in the same process gets the real, complete package.
"""
from __future__ import annotations

import importlib
import pickle
import sys
import types
from typing import Callable

from .resources import package_dir

_PARENTS = ("underthesea", "underthesea.pipeline", "underthesea.models")

# which way the last load went: "lean", "package" (underthesea was imported already, or the
# lean way failed); tests read it to notice when an underthesea release changes its layout
loaded_by: str | None = None


def load_word_tokenize() -> Callable[..., list[str]]:
    global loaded_by
    root = package_dir("underthesea", "segmentation")  # MissingResource, not an ImportError deep inside
    if "underthesea" not in sys.modules:
        try:
            word_tokenize = _load_lean(str(root))
            loaded_by = "lean"
            return word_tokenize
        except Exception:  # noqa: BLE001 - any surprise in underthesea's layout: the ordinary import below
            pass
    from underthesea import word_tokenize

    loaded_by = "package"
    return word_tokenize


def _load_lean(root: str) -> Callable[..., list[str]]:
    before = set(sys.modules)
    try:
        for name in _PARENTS:
            placeholder = types.ModuleType(name)
            placeholder.__path__ = ["/".join([root, *name.split(".")[1:]])]
            sys.modules[name] = placeholder
        if "joblib" not in sys.modules:
            sys.modules["joblib"] = _pickle_only_joblib()
        # text_normalize first: it and word_tokenize import each other, and only this order
        # (the one underthesea's own __init__ takes) resolves
        importlib.import_module("underthesea.pipeline.text_normalize")
        module = importlib.import_module("underthesea.pipeline.word_tokenize")
        word_tokenize = module.word_tokenize
        # the first call loads the CRF model by underthesea's own code, while the
        # placeholders are still there for its lazy import
        probe = "Xin chào các bạn"
        if " ".join(word_tokenize(probe)) != probe:
            raise ImportError("underthesea's word_tokenize answered unexpectedly")
        return word_tokenize
    finally:
        for name in set(sys.modules) - before:
            if name == "joblib" or name == "underthesea" or name.startswith("underthesea."):
                del sys.modules[name]


def _pickle_only_joblib() -> types.ModuleType:
    """A stand-in for joblib offering only load(), enough for the plain pickles
    word_tokenize reads; a real joblib file (compressed, or holding numpy arrays) fails
    to unpickle here, and the lean load gives way to the ordinary import."""
    module = types.ModuleType("joblib")

    def load(path):
        with open(path, "rb") as fh:
            return pickle.load(fh)

    module.load = load
    return module
