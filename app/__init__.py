"""Conv1D Explorer: the Qt application (views, state, export, CLI) over conv_core."""

import os

# pyqtgraph picks PyQt6 before PySide6 when both are importable (DESIGN.md §3).
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from app import qt_mirrors

qt_mirrors.install()  # before pyqtgraph's first import: its Qt mirrors fill on first use (cold start)


def __getattr__(name: str) -> str:
    """``app.__version__``, read from the installed metadata on first use (importlib.metadata costs
    about 60 ms of every start, and only ``--version`` and the packaging test ask)."""
    if name != "__version__":
        raise AttributeError(f"module 'app' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("conv1d-explorer")  # one source: pyproject.toml
    except PackageNotFoundError:  # run from a checkout that was never installed
        value = "0+unknown"
    globals()["__version__"] = value
    return value
