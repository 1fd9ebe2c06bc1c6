"""The math and shapes panels on the right of the diagram, and Esc to unpin.

Both panels are shown at once, stacked (nothing important hides behind a tab).
Hovering and pinning live in the diagram and the state; this module only adds
the side panels and the window-level action.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QMainWindow, QMenu, QScrollArea, QSplitter, QWidget

from app.state.explorer import ExplorerState
from app.views.math_panel import MathPanel
from app.views.shapes_panel import ShapesPanel

__all__ = ["InspectPanels"]

SIDE_WIDTH = 470  # pixels: two columns of 14 pt monospace sums fit on a projector


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


class InspectPanels(QObject):
    """The side column (math over shapes) and the 'clear pin' action."""

    def __init__(self, window: QMainWindow, state: ExplorerState, splitter: QSplitter, view_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.math_panel = MathPanel(state)
        self.shapes_panel = ShapesPanel(state)
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("inspect_side")
        self.side.addWidget(_scroll(self.math_panel))
        self.side.addWidget(_scroll(self.shapes_panel))
        self.side.setStretchFactor(0, 1)
        self.side.setStretchFactor(1, 1)
        self.side.setMinimumWidth(360)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(splitter.indexOf(self.side), 0)
        sizes = splitter.sizes()
        if len(sizes) >= 3:
            total = max(sum(sizes), 1600)
            splitter.setSizes([300, total - 300 - SIDE_WIDTH, SIDE_WIDTH, *sizes[3:]])

        self.clear_pin_action = QAction(window)
        self.clear_pin_action.setObjectName("clear_pin")
        self.clear_pin_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.clear_pin_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.clear_pin_action.triggered.connect(state.clear_inspect)
        window.addAction(self.clear_pin_action)
        view_menu.addSeparator()
        view_menu.addAction(self.clear_pin_action)
        self.symbols_action = QAction(window)
        self.symbols_action.setObjectName("math_symbols_action")
        self.symbols_action.setCheckable(True)
        self.symbols_action.toggled.connect(self.math_panel.symbols.setChecked)
        self.math_panel.symbols.toggled.connect(self._sync_symbols)
        view_menu.addAction(self.symbols_action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        """The actions' texts in the current language (at start and on the window's ``LanguageChange``)."""
        self.clear_pin_action.setText(self.tr("Clear the pinned highlight"))
        self.symbols_action.setText(self.tr("Math with symbols"))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _sync_symbols(self, on: bool) -> None:
        with QSignalBlocker(self.symbols_action):
            self.symbols_action.setChecked(on)

