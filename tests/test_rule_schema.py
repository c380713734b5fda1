"""Rule keys are decoded by one typed schema per kind (checks/schema.py): a key that is
unknown, misplaced or of the wrong type is a one-line error naming the file, the rule and
the key (exit 3), never a traceback and never silently ignored."""
from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from postcheck.checks.scope import Scope
from postcheck.checks.sdk import Context, RuleError
from postcheck.resources import resource_dir
from postcheck.rulebook import load_rule_file

BASE = {"clause": "5.2", "severity": "error", "description": "d", "message": {"vi": "a", "en": "b"},
        "examples": {"hit": ["x"], "miss": ["y"]}}
KINDS = {
    "terms": {"terms": ["khoá kín"], "exceptions": {"terms": ["khoá kín cửa"]}, "fold": True, "words": True,
              "in_titles": False},
    "near": {"a": {"terms": ["Xứ Lạ"]}, "b": {"terms": ["bầu cử"]}, "within": {"words": 4}, "report": "a",
             "exceptions": {"terms": ["bầu cử sớm"]}, "in_names": False, "named_titles": False,
             "in_titles": False, "leads_clause": True},
    "pattern": {"pattern": r"(?:^|\W)(?P<match>mã\s+\d{4})(?:\W|\Z)", "flags": ["ignorecase"], "view": "clean",
                "trigger": ["ma"], "context": {"terms": ["phòng"], "within": "sentence"}, "validate": "otp_code",
                "repeat": r"\s*,\s*(?P<match>\d{4})"},
    "classifier": {"model": "offensive.bin", "label": "offensive", "threshold": 0.8, "plain_threshold": 0.9,
                   "formal_threshold": 0.95, "scope": "sentence",
                   "min_chars": 3, "min_syllables": 2},
}
SHARED = {"suggestion": {"vi": "c", "en": "d"}, "secret": "number", "voice": {"reported": "info"},
          "unless": {"terms": ["đã công bố"], "scope": {"sentences": 1}, "names": False},
          "requires": {"terms": ["mật"], "scope": "sentence", "to": "info"},
          "downgrade": {"wordlists": [], "terms": ["ví dụ"], "scope": "post", "to": "warning"},
          "tone": {"reported": "info", "mention": "drop"}, "fix": {"replace": "[đã xoá]"}}


def spec(kind: str, **changes) -> dict:
    rule = {"id": f"t.{kind}", "kind": kind, **copy.deepcopy(BASE), **copy.deepcopy(KINDS[kind]),
            **copy.deepcopy(SHARED)}
    rule.update(changes)
    return {k: v for k, v in rule.items() if v is not _DROP}


_DROP = object()


def load(tmp_path: Path, rule: dict) -> list:
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    return load_rule_file(path, Context([resource_dir("wordlists")], trusted=False))


def refused(tmp_path: Path, rule: dict, *needles: str) -> str:
    with pytest.raises(RuleError) as err:
        load(tmp_path, rule)
    message = str(err.value)
    assert "\n" not in message and "r.yaml" in message and f"rule '{rule['id']}'" in message, message
    for needle in needles:
        assert needle in message, (needle, message)
    return message


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_key_of_every_kind_loads(tmp_path, kind):
    # the fixtures above use every key a kind has: a key dropped from a schema fails here
    [rule] = load(tmp_path, spec(kind))
    assert rule.kind == kind


# --- the three holes of issue 12, through the command line ------------------------------------

def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    return subprocess.run([sys.executable, "-m", "postcheck", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=env)


@pytest.mark.parametrize("kind,changes,key", [
    # scope and to belong to unless/requires/downgrade, not to a near rule's term set
    ("near", {"a": {"terms": ["Xứ Lạ"], "scope": "post", "to": "info"}}, "unknown key 'a.scope'"),
    # context is a mapping of terms, not a list
    ("pattern", {"context": ["phòng", "ban"]}, "key 'context': expected a mapping"),
    # true is no number of words
    ("near", {"within": True}, "key 'within': expected"),
    ("pattern", {"context": {"terms": ["phòng"], "within": True}}, "key 'context.within': expected"),
    # a misspelt fix would silently offer none
    ("terms", {"fix": {"replce": "[đã xoá]"}}, "unknown key 'fix.replce'"),
])
def test_schema_holes_are_one_line_errors_exit_3(tmp_path, kind, changes, key):
    folder = tmp_path / "rules"
    folder.mkdir()
    rule = spec(kind, **changes)
    (folder / "r.yaml").write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Chúc cả nhà cuối tuần vui vẻ!\n", encoding="utf-8")
    proc = run_cli("--rules", str(folder), str(draft))
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "r.yaml" in line and f"rule '{rule['id']}'" in line and key in line, line


# --- misplaced keys and wrong types, in process ---------------------------------------------

@pytest.mark.parametrize("kind,changes,needle", [
    ("terms", {"within": "post"}, "unknown key 'within'"),  # a near rule's key
    ("terms", {"pattern": "x"}, "unknown key 'pattern'"),
    ("near", {"terms": ["x"]}, "unknown key 'terms'"),
    ("classifier", {"within": 3}, "unknown key 'within'"),
    ("pattern", {"unless": {"terms": ["x"], "to": "info"}}, "unknown key 'unless.to'"),  # an exemption clears
    ("pattern", {"downgrade": {"terms": ["x"]}}, "missing key 'downgrade.to'"),
    ("near", {"exceptions": {"terms": ["x"], "within": "post"}}, "unknown key 'exceptions.within'"),
    ("pattern", {"context": {"terms": ["x"], "scope": "post"}}, "unknown key 'context.scope'"),
    ("near", {"a": _DROP}, "missing key 'a'"),
    ("near", {"within": "paragraph"}, "key 'within'"),
    ("near", {"within": {"sentences": 4}}, "key 'within'"),
    ("near", {"within": {"words": -1}}, "key 'within'"),
    ("near", {"within": {"sentences": 1, "words": 2}}, "key 'within'"),
    ("near", {"report": "c"}, "key 'report'"),
    ("near", {"in_names": "no"}, "key 'in_names': expected true or false"),
    ("terms", {"fold": 1}, "key 'fold': expected true or false"),
    ("terms", {"terms": [1, 2]}, "key 'terms': expected a list of texts"),
    ("terms", {"exceptions": ["x"]}, "key 'exceptions': expected a mapping"),
    ("pattern", {"pattern": ["x"]}, "key 'pattern'"),
    ("pattern", {"flags": ["dotall"]}, "key 'flags': unknown flag 'dotall'"),
    ("pattern", {"view": "raw"}, "key 'view'"),
    ("pattern", {"validate": "luhn"}, "key 'validate': unknown validator"),
    ("pattern", {"trigger": [""]}, "key 'trigger'"),
    ("pattern", {"repeat": 5}, "key 'repeat'"),
    ("pattern", {"domains": {"x": 1}}, "key 'domains'"),
    ("classifier", {"threshold": True}, "key 'threshold'"),
    ("classifier", {"scope": {"words": 3}}, "key 'scope'"),
    ("classifier", {"min_syllables": 1.5}, "key 'min_syllables'"),
    ("terms", {"unless": {"terms": ["x"], "scope": True}}, "key 'unless.scope'"),
    ("terms", {"requires": {"terms": ["x"], "to": "critical"}}, "key 'requires.to'"),
    ("terms", {"requires": {"terms": ["x"], "names": "yes"}}, "key 'requires.names'"),
    ("terms", {"secret": "yes"}, "key 'secret'"),
    ("terms", {"voice": "mine"}, "key 'voice'"),
    ("terms", {"tone": {"loud": "info"}}, "key 'tone'"),
    ("terms", {"severity": "fatal"}, "key 'severity'"),
    ("terms", {"description": ["d"]}, "key 'description'"),
    ("terms", {"message": "a"}, "key 'message'"),
    ("terms", {"unless": {"scope": "post"}}, "key 'unless': no terms"),
    # a list of exemptions: each is checked, and named by its place in the list
    ("terms", {"unless": [{"terms": ["x"]}, {"terms": ["y"], "to": "info"}]}, "unknown key 'unless[1].to'"),
    ("terms", {"unless": [{"terms": ["x"]}, {"scope": "sentence"}]}, "key 'unless[1]': no terms"),
    ("terms", {"unless": []}, "key 'unless': expected a mapping or a non-empty list"),
    # `before` reads one way, from a condition's frame to the finding; a near rule's two
    # sides have no order
    ("near", {"within": {"before": 2}}, "key 'within'"),
    ("near", {"b": {"wordlists": ["no_such_list"]}}, "key 'b.wordlists'"),
    # a misspelt placeholder would otherwise reach every reader as literal '{mtach}'
    ("terms", {"message": {"vi": "“{mtach}” là mật", "en": "b"}}, "key 'message.vi': unknown placeholder {mtach}"),
    ("terms", {"suggestion": {"vi": "c", "en": "drop {a}"}}, "key 'suggestion.en': unknown placeholder {a}"),
    ("pattern", {"message": {"vi": "{b}", "en": "b"}}, "unknown placeholder {b}"),
    ("classifier", {"message": {"vi": "{a}", "en": "b"}}, "unknown placeholder {a}"),
    # fix-its (checks/fixes.py): exactly one way, each typed
    ("terms", {"fix": {"replace": "x", "mask": "number"}}, "key 'fix': give exactly one of"),
    ("pattern", {"fix": {}}, "key 'fix': give exactly one of"),
    ("terms", {"fix": {"redact": "x"}}, "unknown key 'fix.redact'"),
    ("pattern", {"fix": {"mask": "digits"}}, "key 'fix.mask'"),
    ("near", {"fix": {"replace": ""}}, "key 'fix.replace'"),
    ("classifier", {"fix": "[đã xoá]"}, "key 'fix': expected a mapping"),
    ("terms", {"fix": {"polite": ["nhẹ nhàng"]}}, "key 'fix.polite'"),
    ("terms", {"fix": {"polite": {"khoá kín": ""}}}, "key 'fix.polite.khoá kín'"),
    # a wording for a word the rule never matches would never be offered: a typo
    ("terms", {"fix": {"polite": {"khoá kính": "đóng"}}}, "key 'fix.polite.khoá kính': not a term of this rule"),
])
def test_bad_keys_name_rule_and_key(tmp_path, kind, changes, needle):
    refused(tmp_path, spec(kind, **changes), needle)


WRONG = [["x"], {"x": 1}, True, 7, 0.5, "zz", None]


def _paths(rule: dict, prefix: tuple = ()):
    for name, value in rule.items():
        if name in ("id", "kind"):
            continue
        yield prefix + (name,)
        if isinstance(value, dict) and name not in ("message", "suggestion", "examples", "tone", "voice"):
            yield from _paths(value, prefix + (name,))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_any_value_in_any_key_loads_or_names_the_key(tmp_path, kind):
    """Every key of a complete rule, given values of every YAML type: the rule loads, or the
    error names that key; the catch-all for a type no schema expected never answers."""
    for path in _paths(spec(kind)):
        for value in WRONG:
            rule = spec(kind)
            holder = rule
            for name in path[:-1]:
                holder = holder[name]
            holder[path[-1]] = value
            try:
                load(tmp_path, rule)
            except RuleError as exc:
                message = str(exc)
                assert "wrong type" not in message and "\n" not in message, (path, value, message)
                assert f"'{'.'.join(path)}" in message or f"'{path[-1]}'" in message, (path, value, message)


@pytest.mark.parametrize("value,scope", [
    ("sentence", Scope("sentence")), ("post", Scope("post")), ({"sentences": 2}, Scope("sentences", 2)),
    ({"words": 4}, Scope("words", 4)), (4, Scope("words", 4)), (0, Scope("words", 0)),
])
def test_scope_forms(value, scope):
    assert Scope.parse(value, "r.yaml: rule 'x'", "within") == scope


@pytest.mark.parametrize("value", [True, False, -1, "words", {"sentences": 9}, {"words": True}, [], None, 2.5])
def test_scope_refuses(value):
    with pytest.raises(RuleError, match=r"r\.yaml: rule 'x': key 'within': expected"):
        Scope.parse(value, "r.yaml: rule 'x'", "within")


@pytest.mark.parametrize("kind, text", [("terms", "“{match}” { tự do }"), ("near", "{a} và {b}: {match}"),
                                        ("classifier", "{match} ({confidence}, {score})")])
def test_each_kind_takes_the_placeholders_it_fills(tmp_path, kind, text):
    assert load(tmp_path, spec(kind, message={"vi": text, "en": text}))
