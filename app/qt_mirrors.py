"""A faster ``import pyqtgraph``: its Qt mirror modules fill themselves on first use.

``pyqtgraph.Qt`` keeps its own copies ("mirrors") of ``QtCore``, ``QtGui`` and ``QtWidgets``, and fills
them with ``_copy_attrs``, a ``getattr`` of every name of the PySide6 module. PySide6 creates its
Python types lazily, on first access, so that loop creates all of them (about 0.25 s, a third of the
import) though the app uses a few dozen. Here ``pyqtgraph.Qt`` is loaded with that one function
replaced by one that gives each mirror a module ``__getattr__`` (PEP 562) fetching a name from the
PySide6 module on first access and keeping it; names pyqtgraph sets on a mirror itself (e.g.
``QtGui.QFileSystemModel``) win, as before. ``dir()`` of a mirror still lists every name.

The replacement is one line, ``from app.qt_mirrors import fill_on_first_use as _copy_attrs`` (and three
empty ones, so the file keeps its line numbers). It is applied only to the exact
``pyqtgraph/Qt/__init__.py`` it was checked against (its SHA-256): any other version of that file,
or a pyqtgraph already imported, is imported the normal way.
pyqtgraph has no option for this (checked up to 0.14); see docs/decisions.md, "Cold start".
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import CodeType, ModuleType

__all__ = ["KNOWN_SHA256", "install", "is_lazy"]

#: ``pyqtgraph/Qt/__init__.py`` of pyqtgraph 0.14.0, the version the replacement was checked against.
KNOWN_SHA256 = frozenset({"f798d4bb229c4219e6407b9baeeddbb675e2ac2328350623e45852c7af80270c"})

_TARGET = "pyqtgraph.Qt"
_EAGER = '''def _copy_attrs(src, dst):
    for o in dir(src):
        if not hasattr(dst, o):
            setattr(dst, o, getattr(src, o))
'''
# the same number of lines, so that pyqtgraph's tracebacks still point at the right lines of its file
_LAZY = "from app.qt_mirrors import fill_on_first_use as _copy_attrs\n\n\n\n"


def fill_on_first_use(src: ModuleType, dst: ModuleType) -> None:
    """``_copy_attrs(src, dst)`` on first use: ``dst`` gets each name of ``src`` when it is first asked for."""

    def __getattr__(name: str) -> object:
        value = getattr(src, name)
        setattr(dst, name, value)  # kept: the next use is a plain attribute
        return value

    def __dir__() -> list[str]:
        return sorted(set(dir(src)) | set(vars(dst)))

    vars(dst).update(__getattr__=__getattr__, __dir__=__dir__)  # PEP 562: a module's own __getattr__, __dir__


def lazy_source(source: bytes) -> str | None:
    """The source with the lazy ``_copy_attrs``, or None when it is not the checked file."""
    if hashlib.sha256(source).hexdigest() not in KNOWN_SHA256:
        return None
    text = source.decode("utf-8")
    if text.count(_EAGER) != 1:
        return None
    return text.replace(_EAGER, _LAZY)


class _Loader(importlib.machinery.SourceFileLoader):
    def __init__(self, fullname: str, path: str, source: str) -> None:
        super().__init__(fullname, path)
        self._source = source

    def get_code(self, fullname: str) -> CodeType:
        return compile(self._source, self.path, "exec", dont_inherit=True)


class _Finder:
    """A meta path finder (importlib.abc.MetaPathFinder's protocol, without importing it) for one module."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != _TARGET:
            return None
        sys.meta_path.remove(self)  # one import only; the normal finders from now on
        spec = importlib.machinery.PathFinder.find_spec("pyqtgraph.Qt", path)  # _TARGET, never an app module
        if spec is None or spec.origin is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return spec
        try:
            with open(spec.origin, "rb") as f:
                source = lazy_source(f.read())
        except (OSError, UnicodeDecodeError):
            source = None
        if source is None:
            return spec
        return importlib.util.spec_from_file_location(
            fullname, spec.origin, loader=_Loader(fullname, spec.origin, source),
            submodule_search_locations=spec.submodule_search_locations,
        )


def install() -> None:
    """Before pyqtgraph's first import (app/__init__.py): its Qt mirrors load lazily if the file is the checked one."""
    if _TARGET in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


def is_lazy() -> bool:
    """Whether the imported pyqtgraph's mirrors fill themselves on first use (for the tests)."""
    qt = sys.modules.get(_TARGET)
    return qt is not None and all("__getattr__" in vars(m) for m in (qt.QtCore, qt.QtGui, qt.QtWidgets))
