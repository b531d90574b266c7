"""The shape of the package, read from the source with ``ast``: no import cycle among kg modules, no module over
400 lines, spaCy only where the pipeline lives, every spaCy factory registered as an entry point."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kg"
MAX_LINES = 400
# spaCy belongs to the pipeline and to the one adapter from its Docs to our records
SPACY_HOMES = ("kg.pipeline", "kg.extract")


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(module: str) -> list[str]:
    """Every module a module imports, at its top or inside a function (``from kg.x import y`` counts kg.x.y when
    y is a module)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])]
                )
            found += [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
    return found


GRAPH = {m: sorted({t for t in _imports(m) if t in MODULES and t != m}) for m in MODULES}


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
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


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert _cycles({"a": ["b"], "b": [], "c": ["a", "b"]}) == []


def test_no_import_cycle_among_kg_modules():
    assert _cycles(GRAPH) == []


def test_imports_are_read_from_functions_too():
    # kg.render imports the graph builder inside a function; the walk must see it
    assert "kg.graph" in GRAPH["kg.render"]


def test_no_module_over_400_lines():
    sizes = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in MODULES.items()}
    offenders = {m: n for m, n in sorted(sizes.items()) if n > MAX_LINES}
    assert offenders == {}, f"modules over {MAX_LINES} lines: {offenders}"


def test_spacy_is_imported_only_by_the_pipeline_and_extract():
    users = sorted(
        m
        for m in MODULES
        if any(t == "spacy" or t.startswith("spacy.") for t in _imports(m))
        and not any(m == home or m.startswith(home + ".") for home in SPACY_HOMES)
    )
    assert users == []


def test_no_module_imports_the_cli():
    users = sorted(
        m
        for m, targets in GRAPH.items()
        if not (m == "kg.__main__" or m.startswith("kg.cli")) and any(t.startswith("kg.cli") for t in targets)
    )
    assert users == []


def _factories() -> dict[str, str]:
    """Every ``@Language.factory("name")`` in the package, as name → "module:function"."""
    found = {}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and isinstance(deco.func, ast.Attribute)
                    and deco.func.attr == "factory"
                    and deco.args
                    and isinstance(deco.args[0], ast.Constant)
                ):
                    found[deco.args[0].value] = f"{module}:{node.name}"
    return found


def test_every_factory_is_a_spacy_factories_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    points = project["project"]["entry-points"]["spacy_factories"]
    factories = _factories()
    assert factories, "no @Language.factory found"
    assert set(points) == set(factories)
    for name, target in points.items():
        module, _, function = target.partition(":")
        # a factory may be defined in a submodule of the package the entry point names
        assert factories[name].endswith(f":{function}") and factories[name].startswith(module), (name, target)
