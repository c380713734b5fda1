"""The rule key `tone`: findings whose span is reported speech, a quoted mention, a
credit, a code, part of a name or a unit, or that sit in formal prose, are lowered to a
given severity or dropped. The judgements themselves are in ../tone.py.

    tone:
      reported: info      # a severity to lower to, or "drop"
      credit: drop
"""
from __future__ import annotations

from dataclasses import dataclass

from ..findings import SEVERITIES, SEVERITY_RANK
from ..tone import GATES
from .sdk import RuleError

DROP = "drop"


@dataclass
class ToneGate:
    gates: list[tuple[str, str]]  # (gate, severity or DROP), in the order written

    @classmethod
    def build(cls, spec, where: str) -> "ToneGate":
        if not isinstance(spec, dict) or not spec:
            raise RuleError(f"{where}: expected a mapping of {', '.join(GATES)} to a severity or '{DROP}'")
        gates = []
        for name, to in spec.items():
            if name not in GATES:
                raise RuleError(f"{where}: unknown gate '{name}' (one of {', '.join(GATES)})")
            if to != DROP and to not in SEVERITIES:
                raise RuleError(f"{where}.{name}: give a severity ({', '.join(SEVERITIES)}) or '{DROP}'")
            gates.append((name, to))
        return cls(gates)

    def judge(self, doc, start: int, end: int, severity: str) -> str | None:
        """The severity after the gates (never raised), or None when a gate drops the finding."""
        for name, to in self.gates:
            if GATES[name](doc, start, end):
                if to == DROP:
                    return None
                if SEVERITY_RANK[to] < SEVERITY_RANK[severity]:
                    severity = to
        return severity
