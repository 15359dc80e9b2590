"""The house rules, read from the code's own imports (every import, including those inside
functions: an import moved into a function still ties the layers together).

- Layers, lowest first: the shared base (``dateline`` itself, ``atomic``, ``paths``,
  ``document``), ``corpus``, ``extract``, ``geo``, ``model``, ``evaluation``, then the
  views (``_qt``) and the entry points. A module imports only its own layer or lower ones:
  corpus never reaches into extraction, extraction never into the model, nothing below
  ``_qt`` into the views.
- Qt (PySide6, shiboken6, pyqtgraph) only in ``_qt``.
- No import cycles between modules.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "desktop"
PACKAGE = ROOT / "dateline"

LAYERS = {
    "dateline": 0, "dateline.atomic": 0, "dateline.paths": 0, "dateline.document": 0,
    "dateline.corpus": 1,
    "dateline.extract": 2,
    "dateline.geo": 3,
    "dateline.model": 4,
    "dateline.evaluation": 5,
    "dateline._qt": 6,
    "dateline.extract_cli": 7, "dateline.project_cli": 7, "dateline.cli": 7,
    "dateline.__main__": 7,
}
QT = ("PySide6", "shiboken6", "pyqtgraph")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int:
    best = ""
    for prefix in LAYERS:
        if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
            best = prefix
    return LAYERS[best]


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import statement in the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # "from . import x" / "from .pkg import mod": the submodule is the target
            names = [f"{target}.{a.name}" for a in node.names]
            subs = [n for n in names if _is_module(n)]
            out += [(node.lineno, n) for n in subs] or [(node.lineno, target)]
    return out


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (ROOT / rel).with_suffix(".py").is_file() or (ROOT / rel / "__init__.py").is_file()


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_layers_import_only_downwards():
    bad = []
    for path in _sources():
        me = _module_name(path)
        for line, target in _imports(path):
            if target.startswith("dateline") and _layer(target) > _layer(me):
                bad.append(f"{path.relative_to(ROOT)}:{line}: {me} imports {target}")
    assert bad == [], "imports that run up the layers:\n" + "\n".join(bad)


def test_qt_only_in_the_views():
    bad = []
    for path in _sources():
        me = _module_name(path)
        if me.startswith("dateline._qt"):
            continue
        for line, target in _imports(path):
            if target.split(".")[0] in QT:
                bad.append(f"{path.relative_to(ROOT)}:{line}: {target}")
    assert bad == [], "Qt outside dateline._qt:\n" + "\n".join(bad)


def test_no_import_cycles():
    graph: dict[str, set[str]] = {}
    for path in _sources():
        me = _module_name(path)
        graph[me] = {t for _, t in _imports(path) if t.startswith("dateline.") and t != me
                     and _is_module(t) and not (path.name == "__init__.py" and t.startswith(me + "."))}
    # a package's __init__ re-exporting its modules is its face, not a cycle
    cycles = []
    state: dict[str, int] = {}

    def visit(node, stack):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt.endswith("__init__"):
                continue
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state and not _is_package(nxt):
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state and not _is_package(node):
            visit(node, [])
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


def _is_package(name: str) -> bool:
    return (ROOT / Path(*name.split(".")) / "__init__.py").is_file()


def test_the_contract_sees_a_violation(tmp_path):
    """The checker itself: an upward import is reported (guards against a vacuous pass)."""
    assert _layer("dateline.extract.events") < _layer("dateline.model.store")
    path = PACKAGE / "extract" / "events.py"
    assert any(t.startswith("dateline.extract") for _, t in _imports(path))
