"""Model > Layer stack… (Ctrl+L) and Model / View > Compare two settings…: the two windows, built on first use.

The windows' modules are imported on first use too: the layer stack brings the Keras-code reader
and ``conv_core.stack`` (about 0.3 s), which the first window does not need (docs/decisions.md, "Cold start").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.state.explorer import ExplorerState

if TYPE_CHECKING:
    from app.views.compare_view import CompareWindow
    from app.views.stack_view import StackWindow

__all__ = ["StackActions"]


class StackActions(QObject):
    """The menu entries of the feature and the two windows, created on first use."""

    def __init__(self, window: QMainWindow, explorer: ExplorerState, view_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.explorer = explorer
        self.stack_window: StackWindow | None = None
        self.compare_window: CompareWindow | None = None
        self.model_menu = QMenu(window)
        self.model_menu.setObjectName("model_menu")
        window.menuBar().insertMenu(view_menu.menuAction(), self.model_menu)
        self.stack_action = QAction(window)
        self.stack_action.setObjectName("open_layer_stack")
        self.stack_action.setShortcut(QKeySequence("Ctrl+L"))
        self.stack_action.triggered.connect(self.open_stack)
        self.model_menu.addAction(self.stack_action)
        self.compare_action = QAction(window)
        self.compare_action.setObjectName("open_compare")
        self.compare_action.triggered.connect(self.open_compare)
        self.model_menu.addAction(self.compare_action)
        view_menu.addSeparator()
        view_menu.addAction(self.compare_action)
        window.addAction(self.stack_action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.model_menu.setTitle(self.tr("&Model"))
        self.stack_action.setText(self.tr("&Layer stack…"))
        self.compare_action.setText(self.tr("&Compare two settings…"))

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if obj is self.window and ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open_stack(self) -> StackWindow:
        if self.stack_window is None:
            from app.export.sheet import stack_picture
            from app.features.picture_export import PictureExport
            from app.views.stack_view import StackWindow

            self.stack_window = StackWindow(self.explorer, self.window)
            self.stack_window.setWindowFlag(Qt.WindowType.Window, True)
            self.stack_window.compare_opener = self.open_compare
            stack = self.stack_window
            self.stack_export = PictureExport(stack, lambda: stack_picture(stack.canvas), "stack")
        self.stack_window.show()
        self.stack_window.raise_()
        self.stack_window.activateWindow()
        return self.stack_window

    def open_compare(self) -> CompareWindow:
        if self.compare_window is None:
            from app.export.sheet import compare_picture
            from app.features.picture_export import PictureExport
            from app.views.compare_view import CompareWindow

            self.compare_window = CompareWindow(self.explorer, self.window)
            self.compare_window.setWindowFlag(Qt.WindowType.Window, True)
            compare = self.compare_window
            self.compare_export = PictureExport(compare, lambda: compare_picture(compare), "compare")
        self.compare_window.show()
        self.compare_window.raise_()
        return self.compare_window

