"""conv_core is the Qt-free truth: importing it must not pull in any GUI toolkit."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import conv_core

ROOT = Path(__file__).resolve().parents[2]
# The package under test, wherever it is installed (the checkout, or a wheel in CI's install check).
PACKAGE = Path(conv_core.__file__).resolve().parent
GUI_PREFIXES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6", "shiboken2", "qtpy")


def test_import_conv_core_loads_no_gui_module() -> None:
    code = (
        "import importlib, json, pkgutil, sys\n"
        "import conv_core\n"
        "for m in pkgutil.walk_packages(conv_core.__path__, 'conv_core.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PACKAGE.parent), "PYTHONNOUSERSITE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    loaded = json.loads(done.stdout)
    assert "conv_core.conv" in loaded and "conv_core.stack.summary" in loaded
    gui = [m for m in loaded if m.split(".")[0] in GUI_PREFIXES]
    assert gui == []


def test_conv_core_sources_import_no_gui_module() -> None:
    paths = sorted(PACKAGE.rglob("*.py"))
    assert PACKAGE / "stack" / "layers.py" in paths
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in GUI_PREFIXES, f"{path.name} imports {name}"


def test_tests_core_import_no_gui_module() -> None:
    for path in sorted(Path(__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    assert name.split(".")[0] not in GUI_PREFIXES, f"{path.name} imports {name}"
