"""Conv1D Explorer: the Qt application (views, state, export, CLI) over conv_core."""

import os

# pyqtgraph picks PyQt6 before PySide6 when both are importable (DESIGN.md §3).
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("conv1d-explorer")  # one source: pyproject.toml
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
