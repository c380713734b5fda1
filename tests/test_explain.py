"""Issue 16: `postcheck explain` takes every way a person names a clause, and a typo
gets the names it was probably meant to be."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from postcheck.clause_names import clause_codes, close_matches
from postcheck.cli import tools_app

ARTICLE_5 = ["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]


def explain(*args: str):
    return CliRunner().invoke(tools_app, ["explain", *args], env={"NO_COLOR": "1"})


@pytest.mark.parametrize("name, codes", [
    ("5.2", ["5.2"]), ("5,2", ["5.2"]), ("Điều 5 khoản 2", ["5.2"]), ("điều 5 khoản 2", ["5.2"]),
    ("Điều 5, khoản 2", ["5.2"]), ("dieu 5 khoan 2", ["5.2"]), ("D5K2", ["5.2"]), ("d5k2", ["5.2"]),
    ("Đ5 K2", ["5.2"]), ("Article 5, clause 2", ["5.2"]), ("  5.2 ", ["5.2"]),
    ("5", ARTICLE_5), ("điều 5", ARTICLE_5), ("Điều 5", ARTICLE_5), ("D5", ARTICLE_5),
    ("9.9", []), ("Điều 7", []),
    ("language.insult", None), ("5.2.1", None), ("năm", None),
])
def test_clause_names(name, codes):
    assert clause_codes(name) == codes


@pytest.mark.parametrize("name", ["5.2", "Điều 5 khoản 2", "điều 5 khoản 2", "D5K2"])
def test_explain_a_clause_by_any_name(name):
    result = explain(name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Điều 5 khoản 2 — ")
    assert "classified.marks (5.2, lỗi" in result.stdout


@pytest.mark.parametrize("name", ["5", "điều 5", "Điều 5"])
def test_explain_an_article_shows_each_of_its_clauses(name):
    result = explain(name)
    assert result.exit_code == 0, result.output
    headings = [line for line in result.stdout.splitlines() if line.startswith("Điều 5 khoản")]
    assert len(headings) == 7


def test_explain_a_rule_names_its_clause():
    result = explain("language.insult")
    assert result.exit_code == 0
    assert result.stdout.startswith("Điều 4 khoản 1 — ")
    assert "language.insult (4.1, lỗi" in result.stdout


def test_a_typo_lists_close_matches_on_one_line():
    result = explain("langauge.insult")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "có phải ý bạn là: language.insult" in line
    assert "language.insult" in close_matches("langauge.insult", ["language.insult", "classified.marks"])


def test_a_clause_postcheck_does_not_check_is_an_error_not_a_blank():
    result = explain("9.9")
    assert result.exit_code == 2
    assert "4.1–4.5 và 5.1–5.7" in result.stderr


def test_explain_in_vietnamese_says_nothing_in_english():
    out = explain("4.2").stdout  # a clause no rule checks
    assert "English summary" not in out and "No rule checks" not in out
    assert "Không có quy tắc nào kiểm tra điều khoản này" in out
    out = explain("4.2", "--lang", "en").stdout
    assert out.startswith("Article 4, clause 2 — ") and "Summary: control of one's account" in out


@pytest.mark.parametrize("args", [["explain", "-h"], ["-h"], ["explain", "--help"]])
def test_short_help(args):
    result = CliRunner().invoke(tools_app, args)
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_explain_shows_a_rule_example_as_a_draft_without_its_span_marks():
    from postcheck import load_rulebook

    first = load_rulebook().by_id["classified.marks"].examples["hit"][0]
    assert first.spans  # pinned in the rule file with [brackets]
    result = explain("classified.marks")
    assert result.exit_code == 0
    [line] = [l for l in result.stdout.splitlines() if first.text in l]
    assert "[" not in line and "]" not in line


def test_the_reports_heading_typed_without_quotes_is_one_clause():
    # the shell gives "Điều 5 khoản 2" as four words; the heading the report prints is
    # what people copy into the command
    result = explain("Điều", "5", "khoản", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Điều 5 khoản 2 — ")


def test_explain_and_rules_say_whether_a_rule_offers_a_fix_and_which():
    assert "sửa tự động: thay bằng “[đã xoá]”" in explain("account.password").stdout
    phone = explain("personal.phone", "--lang", "en").stdout
    assert "automatic fix: the number masked" in phone and "0987 654 321 → 09xx xxx x21" in phone
    assert "sửa tự động: từ lịch sự hơn (" in explain("language.insult").stdout
    assert "sửa tự động: không có" in explain("classified.marks").stdout
    assert "automatic fix: none" in explain("classified.marks", "--lang", "en").stdout

    def line(rule_id: str, *args: str) -> str:
        out = CliRunner().invoke(tools_app, ["rules", *args], env={"NO_COLOR": "1"}).stdout
        [found] = [x for x in out.splitlines() if f" {rule_id} " in x]
        return found

    assert line("personal.phone").endswith("[sửa: che số]")
    assert line("identity.official-email", "--lang", "en").endswith("[fix: replace]")
    assert line("language.insult", "--lang", "en").endswith("[fix: polite]")
    assert "[" not in line("classified.marks")


def test_explain_names_how_a_rule_works_in_words_and_hides_placeholders():
    out = explain("5.2").stdout
    assert "classified.marks (5.2, lỗi, theo danh sách từ)" in out
    assert not any(kind in out for kind in (", terms)", ", near)", ", pattern)", ", classifier)"))
    assert "{" not in out and "thông báo: “…”: " in out  # “{match}” means nothing to a reader
    english = explain("5.2", "--lang", "en").stdout
    assert "classified.marks (5.2, error, word list)" in english


@pytest.mark.parametrize("heading", [["5.6,", "5.1"], ["5.6, 5.1"], ["5.6,5.1"], ["5,6, 5,1"]])
def test_a_several_clause_heading_copied_from_the_report_explains_each(heading):
    # a sentence breaking two clauses is headed "lỗi 5.6, 5.1 — 2 vấn đề …": a reader
    # pastes that list (with or without quotes) and was told it was no clause at all
    result = explain(*heading)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Điều 5 khoản 6 — ")
    assert "\nĐiều 5 khoản 1 — " in result.stdout
    assert "identity.official-email (5.6" in result.stdout and "personal.phone (5.1" in result.stdout


def test_a_list_mixing_a_clause_and_a_rule_shows_both_and_a_bad_name_is_named():
    result = explain("5.6, language.insult")
    assert result.exit_code == 0, result.output
    assert "Điều 5 khoản 6 — " in result.stdout and "language.insult (4.1" in result.stdout
    bad = explain("5.6, 5.x")
    assert bad.exit_code == 2 and "'5.x'" in bad.output and "'5.6, 5.x'" not in bad.output
