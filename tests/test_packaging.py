"""Every kind of install carries the whole app: the package list and the package data match the tree,
and the resources are read through ``importlib.resources`` (the wheel check in .ci/run runs this file
against an installed wheel, outside the checkout)."""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKOUT = (ROOT / "app" / "__init__.py").is_file() and (ROOT / "resources").is_dir()
needs_checkout = pytest.mark.skipif(not CHECKOUT, reason="runs against a source checkout")


def _setuptools_config() -> dict:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the layout is the same on every Python
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _package_of(path: Path) -> str:
    rel = path.relative_to(ROOT)
    if rel.parts[0] == "resources":
        return ".".join(("app", *rel.parts))
    return ".".join(rel.parts)


@needs_checkout
def test_every_package_in_the_tree_is_listed():
    cfg = _setuptools_config()
    on_disk = {_package_of(p.parent) for top in ("app", "conv_core", "resources") for p in (ROOT / top).rglob("*.py")
               if "__pycache__" not in p.parts}
    on_disk |= {_package_of(d) for d in (ROOT / "resources").iterdir() if d.is_dir() and d.name != "__pycache__"}
    assert set(cfg["packages"]) == on_disk
    assert cfg["package-dir"] == {"app.resources": "resources"}


@needs_checkout
def test_every_resource_file_is_package_data():
    cfg = _setuptools_config()
    patterns: dict[str, list[str]] = cfg["package-data"]
    excluded: dict[str, list[str]] = cfg.get("exclude-package-data", {})
    missing = []
    for path in (ROOT / "resources").rglob("*"):
        if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        package = _package_of(path.parent)
        if any(fnmatch.fnmatch(path.name, p) for p in excluded.get(package, [])):
            continue
        if not any(fnmatch.fnmatch(path.name, p) for p in patterns.get(package, [])):
            missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"not installed by a wheel (add to package-data): {missing}"


def test_resources_are_read_through_importlib_resources():
    from app.io.examples import example_names, load_example
    from app.paths import RESOURCES

    res = files("app.resources")
    assert Path(str(res)) == RESOURCES
    names = example_names()
    assert {"classroom", "seed-ones", "seed-embedding", "odd-same", "causal-dilated"} <= set(names)
    for name in names:
        assert json.loads((res / "examples" / f"{name}.json").read_text(encoding="utf-8"))
        load_example(name)
    for lang in ("zh_CN", "zh_TW"):
        assert (res / "i18n" / f"conv1d_explorer_{lang}.qm").is_file()
    assert (res / "fonts" / "NotoSansCJKsc-Conv1D-Subset.otf").is_file()
    assert (res / "fonts" / "OFL.txt").is_file()


def test_version_is_the_installed_distribution(tmp_path):
    from importlib.metadata import version

    # In a fresh interpreter outside the tests folder, where ``import app`` cannot find a tests folder.
    shown = subprocess.run([sys.executable, "-c", "import app; print(app.__version__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert shown == version("conv1d-explorer")
