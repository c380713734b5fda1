"""The rule kinds by name, and building a rule of one from its YAML mapping."""
from __future__ import annotations

from .base import Rule
from .classifier import ClassifierRule
from .near import NearRule
from .pattern import PatternRule
from .schema import decode
from .semantic import SemanticRule
from .sdk import Context, RuleError
from .term_rule import TermRule

KINDS: dict[str, type[Rule]] = {"terms": TermRule, "near": NearRule, "pattern": PatternRule,
                               "classifier": ClassifierRule, "semantic": SemanticRule}


def build_rule(spec: dict, where: str, ctx: Context) -> Rule:
    kind = spec.get("kind")
    if kind is None:
        raise RuleError(f"{where}: missing key 'kind'")
    if not isinstance(kind, str) or kind not in KINDS:
        raise RuleError(f"{where}: key 'kind': unknown kind {str(kind)[:40]!r} (known: {', '.join(KINDS)})")
    cls = KINDS[kind]
    return cls(decode(cls.Keys, spec, where), where, ctx)
