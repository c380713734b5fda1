"""Issue 16: rule descriptions in Vietnamese and English. Shipped rules carry both; a team's
own rule may give one text, which `rules` and `explain` then show in either language."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from postcheck import load_rulebook
from postcheck.cli import tools_app
from postcheck.resources import resource_dir
from postcheck.rulebook import RuleError

RULEBOOK = load_rulebook()
VI_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


def tools(*args: str):
    return CliRunner().invoke(tools_app, list(args), env={"NO_COLOR": "1", "LANG": "C.UTF-8"})


@pytest.mark.parametrize("rule", RULEBOOK.rules, ids=lambda r: r.id)
def test_every_shipped_rule_is_described_in_both_languages(rule):
    vi, en = rule.descriptions["vi"], rule.descriptions["en"]
    assert vi.strip() and en.strip() and vi != en
    # the Vietnamese text is Vietnamese, not the English one with a quoted example
    outside_quotes = "".join(part for n, part in enumerate(vi.replace("”", "“").split("“")) if n % 2 == 0)
    assert VI_LETTERS & set(outside_quotes.lower()), vi
    assert rule.description == en  # the API's and SARIF's English text, unchanged


def _own_rule(tmp_path: Path, description: str) -> Path:
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "own.yaml").write_text(
        'rules:\n  - id: own.cake\n    clause: "5.2"\n    severity: error\n    kind: terms\n'
        f'    description: {description}\n    terms: [bánh mật]\n    message: {{vi: "a", en: "b"}}\n'
        '    examples: {hit: ["Gửi anh cái [bánh mật] nhé"], miss: ["bánh ngọt"]}\n', encoding="utf-8")
    return folder


def test_a_users_rule_may_describe_itself_in_one_language(tmp_path):
    book = load_rulebook([Path(resource_dir("rules")), _own_rule(tmp_path, "Bánh của đội")])
    assert book.by_id["own.cake"].descriptions == {"vi": "Bánh của đội", "en": "Bánh của đội"}


@pytest.mark.parametrize("description, expected", [
    ("{vi: 'Bánh'}", "key 'description': expected exactly the keys 'vi' and 'en'"),
    ("{vi: 'Bánh', en: ''}", "key 'description': expected exactly the keys 'vi' and 'en'"),
    ("[a, b]", "key 'description': expected a text, or the keys 'vi' and 'en'"),
    ("''", "key 'description': expected a text, or the keys 'vi' and 'en'"),
])
def test_a_bad_description_is_a_one_line_error_naming_the_key(tmp_path, description, expected):
    with pytest.raises(RuleError) as err:
        load_rulebook([Path(resource_dir("rules")), _own_rule(tmp_path, description)])
    assert expected in str(err.value) and "own.yaml: rule 'own.cake'" in str(err.value)


def test_rules_lists_descriptions_in_the_language():
    insult = RULEBOOK.by_id["language.insult"]
    vi, en = tools("rules"), tools("rules", "--lang", "en")
    assert vi.exit_code == en.exit_code == 0, vi.output + en.output
    [vi_line] = [line for line in vi.stdout.splitlines() if " language.insult " in line]
    [en_line] = [line for line in en.stdout.splitlines() if " language.insult " in line]
    # a rule that offers a fix ends its line with the fix's kind ("  [sửa: từ lịch sự]")
    assert vi_line.split("  [")[0].endswith(insult.descriptions["vi"]) and " lỗi " in vi_line
    assert en_line.split("  [")[0].endswith(insult.descriptions["en"]) and " error " in en_line
    assert len(vi.stdout.splitlines()) == len(RULEBOOK.rules)


def test_explain_in_vietnamese_describes_rules_in_vietnamese():
    out = tools("explain", "5.7").stdout
    rules = [r for r in RULEBOOK.rules if r.clause == "5.7"]
    assert rules and all(r.descriptions["vi"] in out for r in rules)
    assert not any(r.descriptions["en"] in out for r in rules)
    en = tools("explain", "5.7", "--lang", "en").stdout
    assert all(r.descriptions["en"] in en for r in rules)


def test_clause_docs_describe_every_rule_in_both_languages():
    # regenerate with `python scripts/make_clause_docs.py > docs/clauses.md`
    docs = (Path(__file__).resolve().parents[1] / "docs" / "clauses.md").read_text(encoding="utf-8")
    stale = [r.id for r in RULEBOOK.rules
             if r.descriptions["vi"] not in docs or r.descriptions["en"] not in docs]
    assert stale == []
