"""A short first-launch tour: a few bubbles that point at the main parts of the window.

Skippable (Skip button or Esc), remembered in QSettings (``tour/done``), and never
shown where nobody can see it: not offscreen (tests, ``--screenshot``), not when
``CONV1D_EXPLORER_NO_TOUR`` is set.  Help > Show the tour replays it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QPolygonF, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import languages
from app.state.settings import app_settings

__all__ = ["SETTINGS_KEY", "Tour", "maybe_start_tour", "start_tour", "tour_wanted"]

SETTINGS_KEY = "tour/done"
ENV_OFF = "CONV1D_EXPLORER_NO_TOUR"
GAP = 18  # pixels between a bubble and what it explains (the pointer spans it)
MARGIN = 8  # from the window's edge
BUBBLE_MIN_BODY = 200  # the narrowest bubble text (to fit beside a big target)
BUBBLE_MAX_BODY = 420
BORDER = "#ff9900"


class _Pointer(QWidget):
    """The triangle from a bubble to what it explains; ``side`` is where the target is ("left", ...)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tour_pointer")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.side = "left"
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        w, h = float(self.width()), float(self.height())
        tips = {
            "left": [QPointF(w, 0), QPointF(w, h), QPointF(0, h / 2)],
            "right": [QPointF(0, 0), QPointF(0, h), QPointF(w, h / 2)],
            "up": [QPointF(0, h), QPointF(w, h), QPointF(w / 2, 0)],
            "down": [QPointF(0, 0), QPointF(w, 0), QPointF(w / 2, h)],
        }[self.side]
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(BORDER))
        p.drawPolygon(QPolygonF(tips))
        p.end()


@dataclass(frozen=True)
class _Step:
    target: Callable[[QMainWindow], QWidget | None]
    key: str  # which text (see Tour._texts)


def _named(name: str) -> Callable[[QMainWindow], QWidget | None]:
    """The window's part with this object name (the main window names the parts the tour shows)."""
    return lambda window: window.findChild(QWidget, name)


def _folded_panels_tab(window: QMainWindow) -> QWidget | None:
    """The tab bar of the left column while the arithmetic and shapes are folded into it (narrow window)."""
    tabs = window.findChild(QTabWidget, "side_tabs")
    return tabs.tabBar() if tabs is not None and tabs.count() > 1 else None


_STEPS = (
    _Step(_named("layer_panel"), "layer"),
    _Step(_named("diagram"), "diagram"),
    _Step(_folded_panels_tab, "folded"),
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
            f"QFrame#tour {{ background: #fffbe6; color: #202020; border: 2px solid {BORDER};"
            " border-radius: 8px; } QFrame#tour QLabel { color: #202020; }"
        )
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("tour_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setObjectName("tour_body")
        self.body.setWordWrap(True)
        self.body.setMinimumWidth(BUBBLE_MIN_BODY)
        self.body.setMaximumWidth(BUBBLE_MAX_BODY)
        self.pointer = _Pointer(window)
        head = QHBoxLayout()
        self.counter = QLabel()
        head.addWidget(self.title, 1)
        head.addWidget(self.counter)
        layout.addLayout(head)
        layout.addWidget(self.body)
        row = QHBoxLayout()
        self.skip_button = QPushButton()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
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
            "folded": (
                self.tr("Arithmetic and shapes"),
                self.tr(
                    "How each output value is computed, and every shape. On a narrow screen they "
                    "wait behind this tab; from 1500 pixels wide they stand beside the diagram."
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
        """Beside the target (right, left, below, above: the first side with room), never over it,
        with a pointer to it; narrower when the only room is a narrow strip."""
        w = self.window_
        self.pointer.hide()
        if target is None:
            self.move((w.width() - self.width()) // 2, (w.height() - self.height()) // 2)
            return
        t = QRect(target.mapTo(w, QPoint(0, 0)), target.size()).intersected(w.rect())
        area = w.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        room = {
            "right": area.right() - t.right() - GAP,
            "left": t.left() - GAP - area.left(),
            "down": area.bottom() - t.bottom() - GAP,
            "up": t.top() - GAP - area.top(),
        }
        for side in ("right", "left", "down", "up"):
            if side in ("right", "left"):
                self._fit_width(room[side])
                if self.width() > room[side] or self.height() > area.height():
                    continue
                x = t.right() + GAP if side == "right" else t.left() - GAP - self.width()
                y = min(max(t.top() + 24, area.top()), area.bottom() - self.height())
            else:
                self._fit_width(area.width())
                if self.height() > room[side]:
                    continue
                y = t.bottom() + GAP if side == "down" else t.top() - GAP - self.height()
                x = min(max(t.left() + 24, area.left()), area.right() - self.width())
            self.move(x, y)
            self._point(side, t)
            return
        # no side has room (a target as big as the window): the corner farthest from its centre
        self._fit_width(BUBBLE_MAX_BODY + 40)
        x = area.left() if t.center().x() > w.width() // 2 else area.right() - self.width()
        y = area.bottom() - self.height()
        self.move(x, y)

    def _fit_width(self, available: int) -> None:
        """Let the body wrap narrower (down to BUBBLE_MIN_BODY) to fit ``available`` pixels."""
        extra = self.width() - self.body.width()
        body = min(max(available - extra, BUBBLE_MIN_BODY), BUBBLE_MAX_BODY)
        self.body.setFixedWidth(body)
        self.adjustSize()

    def _point(self, side: str, target: QRect) -> None:
        """The pointer in the gap between the bubble and the target, towards the target."""
        size = GAP - 2
        g = self.geometry()
        p = self.pointer
        if side in ("right", "left"):
            p.side = "left" if side == "right" else "right"
            y = min(max(g.top() + 24, target.top()), target.bottom() - size)
            x = g.left() - size - 1 if side == "right" else g.right() + 2
            p.setGeometry(x, y, size, size)
        else:
            p.side = "up" if side == "down" else "down"
            x = min(max(g.left() + 24, target.left()), target.right() - size)
            y = g.top() - size - 1 if side == "down" else g.bottom() + 2
            p.setGeometry(x, y, size, size)
        p.show()
        p.raise_()

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
        self.pointer.hide()
        self.pointer.deleteLater()
        self.hide()
        self.deleteLater()


def start_tour(window: QMainWindow, *, force: bool = False) -> Tour | None:
    """Start the tour now (``force``) or only on a first launch with a screen."""
    if not force and not tour_wanted():
        return None
    return Tour(window)


def maybe_start_tour(window: QMainWindow) -> Tour | None:
    return start_tour(window, force=False)
