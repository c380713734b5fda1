"""Rule kinds: each turns a rule's YAML into a compiled Rule (see base.Rule)."""
from __future__ import annotations

from ..rulebook import Context, RuleError
from .base import Rule, check_keys
from .classifier import ClassifierRule
from .near import NearRule
from .pattern import PatternRule
from .term_rule import TermRule

KINDS: dict[str, type[Rule]] = {"terms": TermRule, "near": NearRule, "pattern": PatternRule,
                               "classifier": ClassifierRule}


def build_rule(spec: dict, where: str, ctx: Context) -> Rule:
    kind = spec["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise RuleError(f"{where}: key 'kind': unknown kind {str(kind)[:40]!r} (known: {', '.join(KINDS)})")
    cls = KINDS[kind]
    check_keys(spec, cls.KEYS, where)
    return cls(spec, where, ctx)
