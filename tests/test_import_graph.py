"""The package's imports form no circle: read with ast (nothing is imported to find out), every
`import` and `from … import` of src/postcheck, at module level or inside a function."""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[1] / "src"
PACKAGE = SRC / "postcheck"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph(top_level_only: bool = False) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if top_level_only else ast.walk(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in nodes:
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[:len(anchor) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                # `from . import x` names a module x when there is one, else a name in the package
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]  # `import a.b.c` of a name inside a module
                if target and target != name and target.startswith("postcheck"):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_reads_the_imports_it_should():
    graph = _graph()
    assert "postcheck.checks.sdk" in graph["postcheck.rulebook"]
    assert "postcheck.checks.kinds" in graph["postcheck.rulebook"]
    assert "postcheck.engine" in graph["postcheck.rulebook"]
    assert "postcheck.document" in graph["postcheck.checks.base"]


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# lazy imports that still close a circle, each to go with work under way in issue 12: the
# language module (normalize, joined and syllables move under lang/). The list may only shrink.
KNOWN_LAZY_CYCLES = [
    ["postcheck.joined", "postcheck.normalize", "postcheck.syllables"],
]
LEAVING: set[str] = set()


def test_no_import_cycle_at_module_level():
    assert _cycles(_graph(top_level_only=True)) == []


def test_no_new_import_cycle_through_lazy_imports():
    cycles = _cycles(_graph())
    assert [c for c in cycles if c not in KNOWN_LAZY_CYCLES] == []
    # none of them involves the loader, the engine or the rule SDK
    assert not [c for c in cycles if {"postcheck.rulebook", "postcheck.engine", "postcheck.checks.kinds",
                                      "postcheck.checks.sdk", "postcheck.checks.base"} & set(c)]


def test_the_rule_sdk_imports_nothing_from_the_loader():
    upwards = {"postcheck", "postcheck.rulebook", "postcheck.engine", "postcheck.cli", "postcheck.runner"}
    for name, targets in _graph().items():
        if name.startswith("postcheck.checks") and name not in LEAVING:
            assert not targets & upwards, (name, targets & upwards)
    sdk = {"postcheck.checks.sdk", "postcheck.checks.schema", "postcheck.checks.scope"}
    for name in sdk:  # the bottom of the rule engine: no kind, no loader
        assert not {t for t in _graph()[name] if t.startswith("postcheck.checks")} - sdk, name


def test_raising_a_rule_error_loads_no_rule_kind():
    # config.py and the CLI's light commands import RuleError: that must not compile the
    # engine (documents, kinds, the segmenter) before a draft is read
    import subprocess
    import sys

    code = ("import sys, postcheck.config, postcheck.checks.sdk; "
            "print(sorted(m for m in sys.modules if m.startswith(('postcheck.checks.', 'postcheck.document', "
            "'postcheck.engine', 'underthesea'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": ""}).stdout
    assert out.strip() == "['postcheck.checks.sdk']"


def _private_imports(package: Path) -> list[tuple[str, str]]:
    """(module, name) of each private name (`_x`) imported from another postcheck module."""
    found = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("postcheck")):
                found += [(path.stem if not path.is_relative_to(SRC) else _module_name(path), a.name) for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    return found


def test_the_rule_kinds_share_only_public_names():
    # a kind that borrows another's private helper breaks silently when that helper is
    # renamed or its behaviour changed for its own module's sake
    assert _private_imports(PACKAGE / "checks") == []


def test_the_private_import_reader_sees_one(tmp_path):
    # the check above is only worth something if the reader finds a private import at all
    (tmp_path / "kind.py").write_text("from .other import _helper, public\n", encoding="utf-8")
    assert [name for _, name in _private_imports(tmp_path)] == ["_helper"]
