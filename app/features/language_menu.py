"""The Language menu: English / 简体中文 / 繁體中文, switched at runtime and remembered.

A switch installs the new translators and delivers Qt's ``LanguageChange`` at once:
every widget re-sets its texts in ``changeEvent`` and every feature object in its
``retranslate`` (called from an event filter on the window).  It then sets
``state.view.language`` so texts the views build from the state refresh too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from app.i18n import languages
from app.io.examples import example_title
from app.state.explorer import ExplorerState

__all__ = ["LanguageMenu"]


class LanguageMenu(QObject):
    """The Language menu of one window, and the runtime switch."""

    def __init__(self, window: QMainWindow, state: ExplorerState, examples_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.examples_menu = examples_menu
        languages.load_bundled_font()
        self.menu = QMenu(window)
        self.menu.setObjectName("language_menu")
        window.menuBar().addMenu(self.menu)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for lang in languages.LANGUAGES:
            act = QAction(languages.LANGUAGE_NAMES[lang], self)  # each language named in itself: never translated
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
        if self.state.view.language != languages.current_language():
            self.state.set_view(language=languages.current_language())
        self._retitle_examples(languages.current_language())

    def retranslate(self) -> None:
        # Bilingual on purpose: someone stuck in a language they cannot read still finds this menu.
        self.menu.setTitle(self.tr("&Language"))
        self.menu.setToolTip(self.tr("Choose the language of the interface (remembered for next time)."))
        for lang, act in self.actions.items():
            act.setToolTip(self.tr("Show the interface in {name}").format(name=languages.LANGUAGE_NAMES[lang]))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _sync_checks(self) -> None:
        self.actions[languages.current_language()].setChecked(True)

    def switch(self, lang: str, *, remember: bool = True) -> bool:
        """Show the UI in ``lang`` now; returns False if its catalogue is missing (English stays)."""
        old = languages.current_language()
        ok = languages.set_language(lang)
        # Deliver the LanguageChange events Qt posted to top-level windows now, not on the next loop.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        new = languages.current_language()
        if new != old:
            self._retitle_examples(new)
        self.state.set_view(language=new)
        if ok and remember:
            languages.remember_language(new)
        self._sync_checks()
        return ok

    def _retitle_examples(self, lang: str) -> None:
        for act in self.examples_menu.actions():
            name = act.data()
            if isinstance(name, str) and name:
                act.setText(f"{name} — {example_title(name, lang)}")

