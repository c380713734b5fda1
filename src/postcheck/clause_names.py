"""Every way a person names a clause, read as clause codes ("5.2").

`postcheck explain` takes what the report prints ("Điều 5 khoản 2", "5.2"), what staff
write ("điều 5", "D5K2", "Đ5 K2", "dieu 5 khoan 2") and the English report's "Article 5,
clause 2". An article alone ("5", "Điều 5") names all of its clauses.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

from .clauses import CLAUSES

_ARTICLE = r"(?:dieu|d|article|art\.?)"
_CLAUSE = r"(?:khoan|k|clause|cl\.?)"
_FORMS = (
    re.compile(r"(\d+)(?:\s*[.,]\s*(\d+))?"),
    re.compile(rf"{_ARTICLE}\s*(\d+)(?:\s*[,.]?\s*{_CLAUSE}\s*(\d+))?"),
)


def _plain(text: str) -> str:
    """Lower case without diacritics and đ, spaces collapsed: "Điều 5  khoản 2" → "dieu 5 khoan 2"."""
    text = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def clause_codes(name: str) -> list[str] | None:
    """The clause codes `name` names, in order ([] for an article without clauses here, such
    as "Điều 7"); None when it is not a clause's name at all."""
    plain = _plain(name)
    for form in _FORMS:
        m = form.fullmatch(plain)
        if m:
            article, item = m.group(1), m.group(2)
            if item is not None:
                code = f"{int(article)}.{int(item)}"
                return [code] if code in CLAUSES else []
            return [c for c in CLAUSES if c.split(".")[0] == str(int(article))]
    return None


def close_matches(name: str, rule_ids: list[str], n: int = 5) -> list[str]:
    """Rule ids and clause codes that `name` is probably a typo of."""
    candidates = list(rule_ids) + list(CLAUSES)
    return difflib.get_close_matches(name.strip().lower(), candidates, n=n, cutoff=0.6)
