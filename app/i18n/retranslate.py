"""Retranslate a window after a runtime language switch.

Switching installs the new translators (:func:`app.i18n.languages.set_language`); Qt then
sends ``LanguageChange`` to every widget and each widget that handles it re-sets
its own texts.  For widgets that do not (yet) handle it, :func:`retranslate_tree`
re-sets their plain texts (labels, buttons, titles, tooltips, menu entries, combo
items) by looking each one up in the previous language's catalogue.  Texts built
with ``format()`` are refreshed by their owners when the state's view changes:
the switch also sets ``state.view.language``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)

from app.i18n import languages

__all__ = ["retranslate_tree"]


def _reverse_catalog(lang: str) -> dict[str, list[tuple[str, str]]]:
    """Text as shown in ``lang`` -> the (context, source) pairs it can come from."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if lang == "en":
        for other in languages.LANGUAGES[1:]:
            for ctx, source in languages.ts_catalog(other):
                if (ctx, source) not in out[source]:
                    out[source].append((ctx, source))
    else:
        for (ctx, source), text in languages.ts_catalog(lang).items():
            out[text].append((ctx, source))
    return out


def _ancestry(obj: QObject) -> set[str]:
    names: set[str] = set()
    o: QObject | None = obj
    while o is not None:
        names.update(cls.__name__ for cls in type(o).__mro__)
        o = o.parent()
    return names


class _Mapper:
    def __init__(self, old: str) -> None:
        self.reverse = _reverse_catalog(old)

    def __call__(self, obj: QObject, text: str) -> str | None:
        """The current translation of ``text`` (shown in the old language), or None if unknown."""
        if not text:
            return None
        candidates = self.reverse.get(text)
        if not candidates:
            return None
        if len(candidates) > 1:
            near = _ancestry(obj)
            candidates = sorted(candidates, key=lambda c: c[0] not in near)
        ctx, source = candidates[0]
        new = QCoreApplication.translate(ctx, source)
        return new if new != text else None


def _actions(root: QWidget) -> Iterable[QAction]:
    seen: set[int] = set()
    for w in [root, *root.findChildren(QWidget)]:
        for act in w.actions():
            if id(act) not in seen:
                seen.add(id(act))
                yield act
    for act in root.findChildren(QAction):
        if id(act) not in seen:
            seen.add(id(act))
            yield act


def retranslate_tree(root: QWidget, old: str) -> int:
    """Re-set the plain texts under ``root`` that were shown in language ``old``.

    Returns how many texts changed.  Widgets with their own ``changeEvent`` have
    already switched, so their texts no longer match ``old`` and are left alone.
    """
    tr = _Mapper(old)
    changed = 0

    def apply(obj: QObject, getter: object, setter: object) -> None:
        nonlocal changed
        new = tr(obj, getter())  # type: ignore[operator]
        if new is not None:
            setter(new)  # type: ignore[operator]
            changed += 1

    for w in [root, *root.findChildren(QWidget)]:
        apply(w, w.toolTip, w.setToolTip)
        apply(w, w.statusTip, w.setStatusTip)
        apply(w, w.whatsThis, w.setWhatsThis)
        if w.isWindow() or w.windowTitle():
            apply(w, w.windowTitle, w.setWindowTitle)
        if isinstance(w, (QLabel, QAbstractButton)):
            apply(w, w.text, w.setText)
        elif isinstance(w, QGroupBox):
            apply(w, w.title, w.setTitle)
        elif isinstance(w, QLineEdit):
            apply(w, w.placeholderText, w.setPlaceholderText)
        elif isinstance(w, QMenu):
            apply(w, w.title, w.setTitle)
        _retranslate_items(w, apply)
    for act in _actions(root):
        if act.menu() is not None:
            continue  # a submenu's action mirrors its QMenu title
        apply(act, act.text, act.setText)
        apply(act, act.toolTip, act.setToolTip)
        apply(act, act.statusTip, act.setStatusTip)
    return changed


def _retranslate_items(w: QWidget, apply: Callable[[QObject, object, object], None]) -> None:
    """Combo items and tab titles, which are not widget properties."""
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            apply(w, partial(w.itemText, i), partial(w.setItemText, i))
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            apply(w, partial(w.tabText, i), partial(w.setTabText, i))
            apply(w, partial(w.tabToolTip, i), partial(w.setTabToolTip, i))
    elif isinstance(w, QTabBar) and not isinstance(w.parent(), QTabWidget):
        for i in range(w.count()):
            apply(w, partial(w.tabText, i), partial(w.setTabText, i))
