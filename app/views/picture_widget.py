"""What the matrix, signal and Conv1DTranspose pictures share: a caption row over a pyqtgraph layout.

Each picture is drawn on the window's :class:`~app.state.explorer.ExplorerState`, in its theme.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.io.numeric import LEVEL_MAX, LEVEL_MIN
from app.state.explorer import ExplorerState
from app.views.axes import label_point_size
from app.views.colors import THEMES, Theme

__all__ = ["PictureWidget", "symmetric_level"]


def symmetric_level(values: np.ndarray) -> float:
    """The colour scale ``(-level, level)`` of ``values`` (NaN ignored), within what the renderer draws."""
    finite = values[np.isfinite(values)]
    level = float(np.abs(finite).max()) if finite.size else 1.0
    return min(max(level if level > 0 else 1.0, LEVEL_MIN), LEVEL_MAX)


class PictureWidget(QWidget):
    """A caption (``{name}_caption``) in a row over a ``pg.GraphicsLayoutWidget`` (``{name}_graphics``)."""

    def __init__(self, state: ExplorerState, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme: Theme = THEMES[state.view.theme]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption_row = QHBoxLayout()
        self.caption_row.setContentsMargins(6, 2, 6, 0)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}_caption")
        self.caption.setWordWrap(True)
        self.caption_row.addWidget(self.caption, 1)
        layout.addLayout(self.caption_row)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName(f"{name}_graphics")
        layout.addWidget(self.graphics, 1)
        self._stale = False

    def when_shown(self, slot: Callable[..., None]) -> Callable[..., None]:
        """``slot`` for a state signal, run only while the picture is on screen.

        A hidden picture (the grid alone, or the other companion) does no work on an animation
        step; it notes that it is stale and catches up (:meth:`catch_up`) when it is shown.
        """

        def gated(*args: object) -> None:
            if self.isVisible():
                slot(*args)
            else:
                self._stale = True

        return gated

    def catch_up(self) -> None:
        """Redraw everything from the state (each picture draws its own)."""

    def point_size(self, extra: int = 0) -> int:
        """A label's point size: the theme's grown with the room's text scale (as the diagram's)."""
        return label_point_size(self.theme.font_pt, self.state.text_scale, extra)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.catch_up()

    def retranslate(self) -> None:
        """Set every text in the current language (each picture sets its own)."""

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def style_plot(self, plot: pg.PlotItem, axes: tuple[str, ...] = ("left", "bottom")) -> None:
        """Axes and title in the theme's text colour."""
        pen = pg.mkPen(self.theme.foreground)
        for name in axes:
            plot.getAxis(name).setPen(pen)
            plot.getAxis(name).setTextPen(pen)
        title = plot.titleLabel
        title.setAttr("color", self.theme.foreground)
        if title.text:  # setAttr alone keeps the text drawn in the old colour
            title.setText(title.text, color=self.theme.foreground)
