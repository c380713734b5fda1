"""A one-rule `classifier` file for schema tests: the keys under test on top of defaults."""
from __future__ import annotations

import textwrap


def classifier_rule_file(tmp_path, rule_id: str, clause: str, body: dict):
    extra = "\n".join(f"    {k}: {v}" for k, v in body.items())
    (tmp_path / "r.yaml").write_text(textwrap.dedent(f"""\
        rules:
          - id: {rule_id}
            clause: "{clause}"
            severity: warning
            kind: classifier
            description: test
            message: {{vi: "x", en: "x"}}
            examples: {{hit: ["a"], miss: ["b"]}}
        """) + extra + "\n", encoding="utf-8")
    return tmp_path / "r.yaml"
