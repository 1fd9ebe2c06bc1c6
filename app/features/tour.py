"""A short first-launch tour: a few bubbles that point at the main parts of the window.

Skippable (Skip button or Esc), remembered in QSettings (``tour/done``), and never
shown where nobody can see it: not offscreen (tests, ``--screenshot``), not when
``CONV1D_EXPLORER_NO_TOUR`` is set.  Help > Show the tour replays it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from app.i18n import languages
from app.state.settings import app_settings

__all__ = ["SETTINGS_KEY", "Tour", "maybe_start_tour", "start_tour", "tour_wanted"]

SETTINGS_KEY = "tour/done"
ENV_OFF = "CONV1D_EXPLORER_NO_TOUR"


@dataclass(frozen=True)
class _Step:
    target: Callable[[QMainWindow], QWidget | None]
    key: str  # which text (see Tour._texts)


def _named(name: str) -> Callable[[QMainWindow], QWidget | None]:
    """The window's part with this object name (the main window names the parts the tour shows)."""
    return lambda window: window.findChild(QWidget, name)


_STEPS = (
    _Step(_named("layer_panel"), "layer"),
    _Step(_named("diagram"), "diagram"),
    _Step(_named("transport"), "transport"),
    _Step(_named("code_panel"), "code"),
    _Step(lambda w: w.menuBar(), "menus"),
)


def _visible(widget: QWidget | None) -> bool:
    return widget is not None and widget.isVisible()


def tour_wanted() -> bool:
    """True on a first launch with a screen: not done before, not offscreen, not switched off."""
    if os.environ.get(ENV_OFF) or languages.offscreen():
        return False
    return not app_settings().value(SETTINGS_KEY, False, type=bool)


class Tour(QFrame):
    """One bubble at a time, placed beside its target; Next / Back / Skip."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("tour")
        self.window_ = window
        self.steps = [s for s in _STEPS if _visible(s.target(window))]
        self.index = 0
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#tour { background: #fffbe6; color: #202020; border: 2px solid #ff9900;"
            " border-radius: 8px; } QFrame#tour QLabel { color: #202020; }"
        )
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("tour_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setObjectName("tour_body")
        self.body.setWordWrap(True)
        self.body.setMinimumWidth(320)
        self.body.setMaximumWidth(420)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        row = QHBoxLayout()
        self.counter = QLabel()
        self.skip_button = QPushButton()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.counter)
        row.addStretch(1)
        for b in (self.skip_button, self.back_button, self.next_button):
            row.addWidget(b)
        layout.addLayout(row)
        self._esc = QShortcut(QKeySequence("Escape"), self)
        self._esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._esc.activated.connect(self.skip)
        window.installEventFilter(self)
        self._show_step()

    def _texts(self) -> dict[str, tuple[str, str]]:
        return {
            "layer": (
                self.tr("The layer"),
                self.tr(
                    "Every Conv1D argument, named as Keras names it. Change one "
                    "and the picture follows; an invalid value explains itself "
                    "here, with the fix."
                ),
            ),
            "diagram": (
                self.tr("The picture"),
                self.tr(
                    "Top: the input (hatched cells are padding zeros). "
                    "Middle: one kernel per filter. Bottom: the output, "
                    "filling in as the window slides."
                ),
            ),
            "transport": (
                self.tr("Step through it"),
                self.tr(
                    "← / → step, Space plays, Home / End jump. Every "
                    "output value is one window times one filter."
                ),
            ),
            "code": (
                self.tr("The same in code"),
                self.tr(
                    "Keras, PyTorch or NumPy code that rebuilds this "
                    "exact layer and checks the output. Copy it and run it."
                ),
            ),
            "menus": (
                self.tr("Language and classroom"),
                self.tr(
                    "Language: English, 简体中文, 繁體中文. View > "
                    "Classroom mode (F11): full screen, high "
                    "contrast, predict then reveal."
                ),
            ),
        }

    def _show_step(self) -> None:
        if not self.steps:
            self.finish()
            return
        step = self.steps[self.index]
        title, body = self._texts()[step.key]
        self.title.setText(title)
        self.body.setText(body)
        self.counter.setText(f"{self.index + 1} / {len(self.steps)}")
        self.skip_button.setText(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("End the tour now; Help > Show the tour brings it back."))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setToolTip(self.tr("The previous step of the tour."))
        self.back_button.setEnabled(self.index > 0)
        last = self.index == len(self.steps) - 1
        self.next_button.setText(self.tr("Done") if last else self.tr("Next"))
        self.next_button.setToolTip(
            self.tr("Close the tour.") if last else self.tr("The next step of the tour.")
        )
        self.adjustSize()
        self._place(step.target(self.window_))
        self.show()
        self.raise_()
        self.next_button.setFocus()

    def _place(self, target: QWidget | None) -> None:
        w = self.window_
        if target is None:
            self.move((w.width() - self.width()) // 2, (w.height() - self.height()) // 2)
            return
        top_left = target.mapTo(w, QPoint(0, 0))
        x = top_left.x() + target.width() + 8
        y = top_left.y() + 24
        if x + self.width() > w.width():  # no room on the right: inside the target
            x = top_left.x() + max((target.width() - self.width()) // 2, 8)
            y = top_left.y() + min(target.height(), 60)
        x = min(max(x, 8), max(w.width() - self.width() - 8, 8))
        y = min(max(y, 8), max(w.height() - self.height() - 8, 8))
        self.move(x, y)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if obj is self.window_ and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place(self.steps[self.index].target(self.window_) if self.steps else None)
        return False

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange and self.steps:
            self._show_step()
        super().changeEvent(event)

    def next(self) -> None:
        if self.index >= len(self.steps) - 1:
            self.finish()
            return
        self.index += 1
        self._show_step()

    def back(self) -> None:
        self.index = max(self.index - 1, 0)
        self._show_step()

    def skip(self) -> None:
        self.finish()

    def finish(self) -> None:
        settings = app_settings()
        settings.setValue(SETTINGS_KEY, True)
        settings.sync()
        self.window_.removeEventFilter(self)
        self.hide()
        self.deleteLater()


def start_tour(window: QMainWindow, *, force: bool = False) -> Tour | None:
    """Start the tour now (``force``) or only on a first launch with a screen."""
    if not force and not tour_wanted():
        return None
    return Tour(window)


def maybe_start_tour(window: QMainWindow) -> Tour | None:
    return start_tour(window, force=False)
