"""Vietnamese: what postcheck knows of the language, and the only code that reads
underthesea's files or imports its modules.

* vi.py: diacritic folding, tone keys, look-alike letters;
* teencode.py: the teencode table and how its words are found;
* dictionary.py: the compound words of underthesea's Viet74K list;
* syllables.py: its syllables, and how letters written together cut into them;
* word_segmenter.py: underthesea's word_tokenize, loaded lean;
* encodings.py: the legacy encodings (TCVN3, VNI, Windows-1258) and telling them apart;
* resources.py: where each of their files is; a missing one raises MissingResource,
  naming it (checking without it would silently find less).
"""
from .resources import MissingResource

__all__ = ["MissingResource"]
