"""The Language menu: English / 简体中文 / 繁體中文, switched at runtime and remembered.

Switching installs the new translators (:func:`app.i18n.set_language`); Qt then
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

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)

from . import i18n

__all__ = ["LanguageMenu", "install", "retranslate_tree"]


def _reverse_catalog(lang: str) -> dict[str, list[tuple[str, str]]]:
    """Text as shown in ``lang`` -> the (context, source) pairs it can come from."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if lang == "en":
        for other in i18n.LANGUAGES[1:]:
            for ctx, source in i18n.ts_catalog(other):
                if (ctx, source) not in out[source]:
                    out[source].append((ctx, source))
    else:
        for (ctx, source), text in i18n.ts_catalog(lang).items():
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


class LanguageMenu(QObject):
    """The Language menu of one window, and the runtime switch."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state  # type: ignore[attr-defined]
        self.menu = QMenu(window)
        self.menu.setObjectName("language_menu")
        window.menuBar().addMenu(self.menu)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for lang in i18n.LANGUAGES:
            act = QAction(i18n.LANGUAGE_NAMES[lang], self)  # each language named in itself: never translated
            act.setObjectName(f"language_{lang}")
            act.setCheckable(True)
            act.setData(lang)
            act.triggered.connect(lambda _=False, code=lang: self.switch(code))
            self.group.addAction(act)
            self.menu.addAction(act)
            self.actions[lang] = act
        window.installEventFilter(self)
        self.retranslate()
        self._sync_checks()
        if self.state.view.language != i18n.current_language():
            self.state.set_view(language=i18n.current_language())

    def retranslate(self) -> None:
        # Bilingual on purpose: someone stuck in a language they cannot read still finds this menu.
        self.menu.setTitle(self.tr("&Language"))
        self.menu.setToolTip(self.tr("Choose the language of the interface (remembered for next time)."))
        for lang, act in self.actions.items():
            act.setToolTip(self.tr("Show the interface in {name}").format(name=i18n.LANGUAGE_NAMES[lang]))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _sync_checks(self) -> None:
        self.actions[i18n.current_language()].setChecked(True)

    def switch(self, lang: str, *, remember: bool = True) -> bool:
        """Show the UI in ``lang`` now; returns False if its catalogue is missing (English stays)."""
        old = i18n.current_language()
        ok = i18n.set_language(lang)
        # Deliver the LanguageChange events Qt posted to top-level windows before the fallback pass.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        new = i18n.current_language()
        if new != old:
            retranslate_tree(self.window, old)
            self._retitle_examples(new)
        self.state.set_view(language=new)
        if ok and remember:
            i18n.remember_language(new)
        self._sync_checks()
        return ok

    def _retitle_examples(self, lang: str) -> None:
        menu = getattr(self.window, "examples_menu", None)
        if menu is None:
            return
        from .examples import example_title

        for act in menu.actions():
            name = act.data()
            if isinstance(name, str) and name:
                act.setText(f"{name} — {example_title(name, lang)}")


def install(window: QMainWindow) -> LanguageMenu:
    i18n.load_bundled_font()
    controller = LanguageMenu(window)
    controller._retitle_examples(i18n.current_language())
    return controller
