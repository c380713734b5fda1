"""Issue 16: every sentence postcheck says to a person exists in both languages.

Two nets. The source: no English sentence is written straight into a message (an error
raised, a line printed, an API error), every such text goes through the catalogue
(messages.py), and every key the code names is in it. The outside: what people actually
see in Vietnamese mode — help of every command, click's usage errors, explain, rules,
file and configuration errors — holds no English sentence, and English mode holds no
Vietnamese one.

Out of scope, on purpose: errors in rule files (checks/, rulebook.py) speak to rule
authors, who write rules in English keys and read README's "Writing a rule"; an
internal ValueError that no input can reach (lang/encodings.py)."""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck.messages import CATALOGUE

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "postcheck"
RULE_AUTHORING = ("checks/", "rulebook.py", "lang/encodings.py")
# what carries a message to a person: errors raised, lines printed or written, API errors
CARRIERS = {"InputError", "ConfigError", "ReportNotWritten", "DraftError", "MissingResource", "FileNotFoundError",
            "_fail", "_say", "print", "write", "_error", "_refuse", "_Problem", "error", "Said", "text", "ui", "say"}
PREFIXES = ("postcheck: error: ", "postcheck: note: ", "postcheck: ")
# the words that give away an English sentence (a rule id, option or file name holds none of them alone)
ENGLISH = re.compile(r"\b(?:the|is|not|no|such|of|for|and|or|to|this|with|cannot|expected|missing|invalid|"
                     r"usage|options|arguments|commands|show|try|error|errors|default|required|found|file|folder)\b",
                     re.I)


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if not rel.startswith(RULE_AUTHORING):
            yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _name(func) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _carried():
    """(module, line, callee, the string constant) for each text handed to a carrier."""
    for rel, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in CARRIERS:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    for sub in ast.walk(arg):
                        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                            yield rel, node.lineno, _name(node.func), sub.value


def test_no_english_sentence_is_written_into_a_message_outside_the_catalogue():
    found = []
    for rel, line, callee, value in _carried():
        if value in CATALOGUE or value.startswith(("help.", "metavar.", "rule-kind.", "resource.", "what.")):
            continue  # a catalogue key (some are built from a prefix and a name)
        bare = value
        for prefix in PREFIXES:
            bare = bare.replace(prefix, "")
        if ENGLISH.search(bare) and len(re.findall(r"[A-Za-z]{2,}", bare)) >= 2:
            found.append(f"{rel}:{line}: {callee}({value!r})")
    assert not found, "\n".join(found)


def test_the_scan_would_catch_a_sentence_written_in_place():
    # the net itself: a message as the code used to write them is caught
    tree = ast.parse('raise InputError(f"{path}: is a folder; give the baseline\'s file name")')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    [text] = [s.value for s in ast.walk(call) if isinstance(s, ast.Constant) and "folder" in str(s.value)]
    assert _name(call.func) in CARRIERS and ENGLISH.search(text)


def test_every_key_the_code_names_is_in_the_catalogue():
    keys = set()
    for rel, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in {"Said", "text", "ui", "H"}:
                for arg in node.args[:2]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and re.fullmatch(
                            r"[a-z-]+\.[\w. |-]+", arg.value) and not arg.value.startswith(("vi", "en")):
                        keys.add(arg.value)
    assert len(keys) >= 100, len(keys)
    assert keys <= set(CATALOGUE), sorted(keys - set(CATALOGUE))


def _run(tmp_path, *args, lang="vi"):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update(PYTHONPATH=str(SRC), NO_COLOR="1", LANG="C.UTF-8", COLUMNS="100")
    if lang == "en":
        env["LANG"] = "en_US.UTF-8"
    proc = subprocess.run([sys.executable, "-m", "postcheck", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=tmp_path, timeout=120)
    return (proc.stdout + proc.stderr).replace(str(tmp_path), "<dir>")


SEEN = [
    ("-h",), ("rules", "-h"), ("explain", "-h"), ("init", "-h"), ("serve", "-h"), ("review", "-h"), ("fix", "-h"),
    ("fix",), ("fix", "missing.txt"),
    ("--nope", "x.txt"), ("--format", "xml", "x.txt"), ("--jobs", "0", "x.txt"), ("--jobs", "many", "x.txt"),
    ("--max-size", "lots", "x.txt"), ("--format",), ("--quiet=yes", "x.txt"), ("explain",),
    ("review", "a.docx", "b.docx"), ("serve", "--port", "70000"), ("rules", "--bogus"),
    ("explain", "5.6"), ("explain", "language.insult"), ("explain", "langauge.insult"), ("explain", "9.9"),
    ("missing.txt",), ("--baseline", "nope.json", "d.txt"), ("--config", "bad.yaml", "d.txt"),
    ("--encoding", "klingon", "d.txt"), ("review", "d.txt"),
]


def _strip_names(out: str) -> str:
    """What is the same in both languages: options, rule ids, choices, file names, code."""
    out = re.sub(r"postcheck: (?:error|note):", " ", out)  # the prefix scripts look for, the same in both
    out = re.sub(r"(mặc\s+định|default):\s+[^\]\s]+\]", r"\1]", out)  # an option's default value: --group file
    out = re.sub(r"--?[a-z][\w-]*(?:=\S+)?", " ", out)
    out = re.sub(r"\b[a-z]+(?:[.-][a-z0-9]+)+\b", " ", out)  # language.insult, mofa.gov.vn, d.txt
    return re.sub(r"<[^>\n]*>|'[^'\n]*'|“[^”\n]*”|\([^)\n]*pip install[^)\n]*\)", " ", out)


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ui")
    (tmp / "d.txt").write_text("Chúc cả nhà cuối tuần vui vẻ!\n", encoding="utf-8")
    (tmp / "bad.yaml").write_text("enable: ['5']\nenable: ['4']\nfail_on: sometimes\n", encoding="utf-8")
    return tmp


@pytest.mark.parametrize("args", SEEN, ids=" ".join)
def test_what_people_see_in_vietnamese_holds_no_english_sentence(place, args):
    out = _run(place, *args)
    assert out.strip()
    assert not ENGLISH.search(_strip_names(out)), out


@pytest.mark.parametrize("args", SEEN[:12], ids=" ".join)
def test_what_people_see_in_english_holds_no_vietnamese(place, args):
    out = _run(place, *args, lang="en")
    # Vietnamese letters outside quoted draft text and the Decision's own title (QĐ-BNG)
    assert not re.search(r"[ạảãàáâậầấẩẫăắằặẳẵđẹẻẽèéêềếểễệịỉĩìíọỏõòóôồốổỗộơờớởỡợụủũùúưừứửữựỳýỵỷỹ]",
                         _strip_names(out).replace("QĐ", "")), out


def test_the_page_says_everything_in_both_languages():
    script = (PACKAGE / "serve" / "static" / "page.js").read_text(encoding="utf-8")
    vi = script[script.index("    vi: {"):script.index("    en: {")]
    en = script[script.index("    en: {"):script.index("  };")]
    keys = [set(re.findall(r"^      (\w+):", block, re.M)) for block in (vi, en)]
    assert keys[0] == keys[1] and {"where", "parts", "sev", "clean"} <= keys[0]
    # Word's parts named in words in each language, not the JSON ids
    assert "chân trang" in vi and "footer" in en and 'partName(f.part, "vi")' in vi
