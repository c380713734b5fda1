"""A language file that is not there stops the check with an error naming it: a word list
read as empty would let drafts through unchecked without a word said."""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

import pytest

from postcheck.lang import (MissingResource, dictionary, encodings, frequency, resources, syllables, teencode, vi,
                           word_segmenter)

CACHED = (syllables.inventory, dictionary._dictionary, dictionary._words_and_folded, dictionary.fold_index,
          encodings.syllables, teencode.teencode_table, vi.confusables, frequency._by_fold)


@pytest.fixture
def uncached():
    """Every loader reads its file again, during the test and after it."""
    for loader in CACHED:
        loader.cache_clear()
    yield
    for loader in CACHED:
        loader.cache_clear()


def without(package: str):
    def fake(name, *args):
        return None if name == package else find_spec(name, *args)
    return fake


@pytest.mark.parametrize("load", [syllables.inventory, dictionary.longest_dictionary_word, encodings.syllables,
                                  lambda: dictionary.is_dictionary_word("mật khẩu")],
                         ids=["syllables", "dictionary", "encodings", "lookup"])
def test_viet74k_missing_with_underthesea(monkeypatch, uncached, load):
    monkeypatch.setattr(resources, "find_spec", without("underthesea"))
    with pytest.raises(MissingResource, match=r"'underthesea' is not installed.*Viet74K"):
        load()


def test_viet74k_file_missing_names_its_path(monkeypatch, uncached, tmp_path):
    (tmp_path / "underthesea").mkdir()
    monkeypatch.setattr(resources, "package_dir", lambda name, needed_for: tmp_path / name)
    expected = tmp_path / "underthesea" / "corpus" / "data" / "Viet74K.txt"
    with pytest.raises(MissingResource, match="Viet74K.txt") as raised:
        syllables.inventory()
    assert str(expected) in str(raised.value)


def test_word_segmenter_without_underthesea(monkeypatch):
    monkeypatch.setattr(resources, "find_spec", without("underthesea"))
    with pytest.raises(MissingResource, match="'underthesea' is not installed.*word segmentation"):
        word_segmenter.load_word_tokenize()


def test_teencode_table_missing(monkeypatch, uncached, tmp_path):
    monkeypatch.setattr(resources, "data_file", lambda name: tmp_path / name)
    with pytest.raises(MissingResource, match="teencode table not found: .*teencode.tsv"):
        teencode.teencode_table()


def test_fold_frequencies_missing(monkeypatch, uncached, tmp_path):
    # read with the terms: without it every ambiguous unaccented term would fall back silently
    monkeypatch.setattr(resources, "data_file", lambda name: tmp_path / name)
    with pytest.raises(MissingResource, match="table of reading frequencies not found: .*fold_frequencies.tsv"):
        frequency.usual_reading("tham tán")


def test_confusables_data_missing(monkeypatch, uncached):
    monkeypatch.setattr(resources, "find_spec", without("confusable_homoglyphs"))
    with pytest.raises(MissingResource, match="'confusable_homoglyphs' is not installed"):
        vi.confusables()


def test_with_every_file_there_the_lists_are_full(uncached):
    assert len(syllables.inventory().words) > 5000
    assert dictionary.is_dictionary_word("mật khẩu") and dictionary.longest_dictionary_word() >= 3
    assert len(encodings.syllables()) > 5000
    assert teencode.teencode_table()["ko"] == "không"
    assert Path(resources.viet74k_path()).name == "Viet74K.txt"
    # staff write tham tán, not tham tàn; chứng minh and chúng mình both often
    assert frequency.usual_reading("tham tán") and not frequency.usual_reading("tham tàn")
    assert not frequency.usual_reading("chứng minh") and not frequency.usual_reading("chúng mình")


def test_the_command_names_a_missing_resource_in_one_line_exit_3(monkeypatch, capsys, tmp_path):
    from postcheck import cli, rulebook

    def broken(*args, **kwargs):
        raise MissingResource("underthesea's Viet74K word list is not at /nowhere/Viet74K.txt")

    monkeypatch.setattr(rulebook, "load_rulebook", broken)
    draft = tmp_path / "d.txt"
    draft.write_text("Xin chào.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        cli.main([str(draft)])
    err = capsys.readouterr().err
    assert exit_.value.code == 3
    assert err.count("\n") == 1 and "Viet74K" in err and "Traceback" not in err
