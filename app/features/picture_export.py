"""Export picture… (Ctrl+E) in the layer-stack and compare windows: what the window shows, as PNG, SVG or PDF.

The pictures are the ones ``conv1d-explorer summary -o`` and ``conv1d-explorer compare`` write
(:mod:`app.export.sheet`): the stack with its chosen receptive-field cone, or both compare sides.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from app.export.options import ExportError
from app.export.sheet import write_views

__all__ = ["PictureExport"]

Picture = Callable[[], tuple[list[tuple[str, Any]], list[str]]]


class PictureExport(QObject):
    """An "Export picture…" action on ``window`` (its menu bar when it has one, else its context menu)."""

    def __init__(self, window: QWidget, picture: Picture, name: str) -> None:
        super().__init__(window)
        self.window = window
        self.picture = picture
        self.name = name
        self.action = QAction(window)
        self.action.setObjectName(f"export_{name}_picture")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(lambda: self.export())
        window.addAction(self.action)
        if isinstance(window, QMainWindow):
            window.menuBar().addAction(self.action)
        else:
            window.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Export picture…"))

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if obj is self.window and ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def export(self, path: str | Path | None = None) -> Path | None:
        """Write the picture to ``path`` (asked for when None); None when cancelled or refused."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export picture"), f"{self.name}.png",
                self.tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
            )
            if not chosen:
                return None
            path = chosen
        views, heading = self.picture()
        try:
            return write_views(path, views, heading)
        except ExportError as exc:
            QMessageBox.warning(self.window, self.tr("Export picture"), str(exc))
            return None
