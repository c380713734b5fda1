"""Rule kinds: each turns a rule's YAML into a compiled Rule (see base.Rule).

A kind declares its keys as a dataclass (`Keys`, extending base.RuleKeys) and is built from
them once schema.decode has checked every key (see README, "Writing a rule"); kinds.py
names the kinds. sdk.py, schema.py and scope.py are what a kind is written with, and
import no kind. This file imports nothing, so that `checks.sdk` (RuleError) stays light
for modules that only raise or catch it.
"""
