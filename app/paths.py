"""Where the app finds its bundled files: the ``app.resources`` package data.

The repository keeps them in the top-level ``resources/`` folder; ``pyproject.toml`` maps that folder
to the package ``app.resources`` (``[tool.setuptools.package-dir]``), so editable installs, wheels,
sdists and pipx installs all carry the examples, translations and font, and the app reads them through
``importlib.resources`` wherever it is installed (docs/decisions.md, "Packaging").
"""

from __future__ import annotations

import atexit
import contextlib
from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["RESOURCES"]


def _resources_dir() -> Path:
    root = files("app.resources")
    if isinstance(root, Path):  # every ordinary install: a folder on disk
        return root
    # An install that is not a plain folder (a zip, say): Qt's loaders need real files, so extract once.
    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return Path(stack.enter_context(as_file(root)))


RESOURCES = _resources_dir()
