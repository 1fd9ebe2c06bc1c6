"""The layers of docs/architecture.md, enforced: read every import of conv_core/ and app/ with ast.

* conv_core and app/io (with app/paths.py, which sits at io's level) import no Qt;
* each app layer imports only the layers below it:
  cli, features > export > views > i18n > state > io > conv_core, with app/main_window.py
  (the composition root), app/gui.py and app/__main__.py on top; cli and features do not
  import each other;
* no import cycle between app modules;
* no discovery by name (``importlib.import_module``, ``__import__``, ``find_spec`` of an app module)
  and no ``getattr(window, ...)``: wiring is visible in the composition root.

Every import counts, including those inside functions and under ``TYPE_CHECKING``: a
lazy import still ties the two modules together.  A failure names the file, the line
and the import.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_PACKAGES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6", "shiboken2", "qtpy")

#: (layer name, module prefixes), bottom first.  A module belongs to the layer of its longest prefix.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("conv_core", ("conv_core",)),
    ("io", ("app.io", "app.paths")),
    ("state", ("app.state",)),
    ("i18n", ("app.i18n",)),
    ("views", ("app.views",)),
    ("export", ("app.export",)),
    ("features", ("app.features",)),
    ("cli", ("app.cli",)),
    ("top", ("app", "app.main_window", "app.gui", "app.__main__")),
)
#: layers on one level: neither may import the other
SIBLINGS = {("features", "cli"), ("cli", "features")}
RANK = {"conv_core": 0, "io": 1, "state": 2, "i18n": 3, "views": 4, "export": 5, "features": 6, "cli": 6, "top": 7}
QT_FREE = ("conv_core", "io")


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    path: Path
    line: int
    target: str  # imported module (resolved to a module of the tree when it is one)
    text: str  # the import as written


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    files = sorted((ROOT / "conv_core").rglob("*.py")) + sorted((ROOT / "app").rglob("*.py"))
    return {_module_name(p): p for p in files if "__pycache__" not in p.parts}


def _resolve(name: str, modules: dict[str, Path]) -> str:
    """The longest prefix of ``name`` that is a module of the tree, else ``name``."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in modules:
            return candidate
    return name


def _imports(modules: dict[str, Path]) -> list[Import]:
    found: list[Import] = []
    for source, path in modules.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    target = _resolve(alias.name, modules)
                    found.append(Import(source, path, node.lineno, target, f"import {alias.name}"))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = source.split(".") if is_package else source.split(".")[:-1]
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join([*package, base] if base else package)
                for alias in node.names:
                    target = _resolve(f"{base}.{alias.name}", modules)
                    text = f"from {'.' * node.level}{node.module or ''} import {alias.name}"
                    found.append(Import(source, path, node.lineno, target, text))
    return found


def _layer(module: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, prefixes in LAYERS:
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), name)
    return None if best is None else best[1]


def _where(imp: Import) -> str:
    return f"{imp.path.relative_to(ROOT)}:{imp.line}: {imp.text}"


MODULES = _sources()
IMPORTS = _imports(MODULES)


def test_the_tree_is_read() -> None:
    assert "app.main_window" in MODULES and "conv_core" in MODULES
    unplaced = sorted(m for m in MODULES if _layer(m) is None)
    assert unplaced == [], f"modules in no layer (add them to LAYERS and docs/architecture.md): {unplaced}"
    assert len(IMPORTS) > 200


def test_no_qt_in_conv_core_or_io() -> None:
    bad = [
        f"{_where(imp)}  ({_layer(imp.source)} must stay Qt-free)"
        for imp in IMPORTS
        if _layer(imp.source) in QT_FREE and imp.target.split(".")[0] in QT_PACKAGES
    ]
    assert bad == [], "Qt imported below the state layer:\n" + "\n".join(bad)


def test_no_upward_imports() -> None:
    bad = []
    for imp in IMPORTS:
        if imp.target not in MODULES:
            continue
        here, there = _layer(imp.source), _layer(imp.target)
        assert here is not None and there is not None
        if RANK[there] > RANK[here] or (here, there) in SIBLINGS:
            bad.append(f"{_where(imp)}  ({here} may not import {there})")
    assert bad == [], "imports against the layer order:\n" + "\n".join(bad)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
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
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_in_app() -> None:
    edges: dict[str, set[str]] = {}
    for imp in IMPORTS:
        if imp.source.startswith("app") and imp.target.startswith("app.") and imp.target != imp.source:
            edges.setdefault(imp.source, set()).add(imp.target)
    report = []
    for component in _cycles(edges):
        inside = [
            _where(imp) for imp in IMPORTS if imp.source in component and imp.target in component
            and imp.target != imp.source
        ]
        report.append(" <-> ".join(component) + "\n    " + "\n    ".join(inside))
    assert report == [], "import cycles:\n" + "\n".join(report)


def test_no_discovery_by_name_and_no_getattr_on_the_window() -> None:
    bad = []
    for module, path in MODULES.items():
        if not module.startswith("app"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0] if node.args else None
            where = f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}"
            by_name = name in ("__import__", "import_module")
            # find_spec may ask whether an optional dependency is installed, never find an app module
            finds_app = name == "find_spec" and not (
                isinstance(first, ast.Constant) and isinstance(first.value, str) and not first.value.startswith("app")
            )
            on_window = name == "getattr" and first is not None and ast.unparse(first).split(".")[-1] in ("window", "w")
            if by_name or finds_app or on_window:
                bad.append(where)
    assert bad == [], "wiring by name instead of explicit imports and parameters:\n" + "\n".join(bad)
