"""Numbers in cells, painted by one graphics item at a readable on-screen size.

A ``pg.TextItem`` per cell costs about half a millisecond to create and
re-lays itself out whenever the view changes; a grid of a few hundred made
every argument change slow.  This item keeps the centres, strings and colours
in arrays and draws them all in one ``paint``: the font follows the cell's
size on screen, and nothing is drawn while cells are too small to read: a number that would
need a font below :attr:`CellTexts.min_font_px` to fit its cell is left out (the colour still
shows the value) rather than drawn as an unreadable smudge.  :meth:`CellTexts.text_runs` reports
what is drawn, where and how big, for the room audits (``tests/visual/rooms.py``).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem

from app.views.colors import TEXT_ON_PALE, TEXT_ON_SATURATED

__all__ = ["CellTexts", "format_value"]


def format_value(v: float) -> str:
    """Short, exact-looking text for a cell: integers without decimals."""
    if not np.isfinite(v):
        return "" if np.isnan(v) else ("inf" if v > 0 else "-inf")
    if float(v).is_integer() and abs(v) < 1e5:
        return str(int(v))
    a = abs(v)
    if a >= 1000 or a < 0.01:
        return f"{v:.2g}"
    return f"{v:.2f}".rstrip("0").rstrip(".") if a < 10 else f"{v:.1f}"


class CellTexts(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph has no type hints
    """Strings centred on cells (view coordinates); ``shown`` hides some without rebuilding."""

    def __init__(self, min_px: float = 18.0, max_pt: float = 12.0) -> None:
        super().__init__()
        self.min_px = min_px
        self.max_pt = max_pt
        self.height_fraction = 0.45  # of a cell's height, at most (exports raise it for slides)
        self.corner = False  # True: small text in the cell's lower right corner (the weights in the window)
        self.min_font_px = 11.0  # on screen; smaller numbers are not drawn (the diagram scales it in classroom)
        # a short cell: the number may take up to this share of its height to stay at min_font_px (the
        # diagram raises it in classroom mode, where a 20 px number in a 22 px bank cell still reads)
        self.short_fraction = 0.7
        self.last_font_px = 0  # the pixel size of the last paint (tests check it follows the cell)
        self._centers = np.zeros((0, 2))
        self._cell = (1.0, 1.0)  # cell width and height in view units
        self._strings: list[str] = []
        self._white = np.zeros(0, dtype=bool)
        self._shown = np.zeros(0, dtype=bool)
        self._nonempty = np.zeros(0, dtype=bool)
        self._index: dict[tuple[int, int], int] = {}
        self._bounds = QRectF()
        self._generation = 0  # counts changes of the cells (the layout memo's key)
        # (key, _compute_layout result) of the last paint
        self._memo: tuple[object, tuple[QFont, float, float, Qt.AlignmentFlag, float] | None] = (None, None)
        self.font = QFont()
        self.setZValue(15)
        # Static between animation steps: render once into a device pixmap, then blit.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # ------------------------------------------------------------------ data
    def set_cells(
        self,
        keys: list[tuple[int, int]],
        centers: np.ndarray,
        strings: list[str],
        white: np.ndarray,
        cell: tuple[float, float] = (1.0, 1.0),
    ) -> None:
        """Replace every label: ``keys`` name the cells (logical (i, j)) for :meth:`text_at`.

        Every label is shown.  The same labels again repaint nothing (the bias row on an argument that
        leaves the kernel alone)."""
        centers = np.asarray(centers, dtype=float).reshape(-1, 2)
        white = np.asarray(white, dtype=bool).ravel()
        if cell == self._cell and list(strings) == self._strings and np.array_equal(centers, self._centers) \
                and np.array_equal(white, self._white) and len(keys) == len(self._index) \
                and all(self._index.get(k) == n for n, k in enumerate(keys)):
            if not np.array_equal(self._shown, self._nonempty):
                self._shown = self._nonempty.copy()
                self.update()
            return
        self.prepareGeometryChange()
        self._centers = centers
        if list(strings) != self._strings or cell != self._cell:  # else the layout memo still holds (moved cells)
            self._strings = list(strings)
            self._nonempty = np.array([s != "" for s in self._strings], dtype=bool)
            self._generation += 1
        self._white = white
        self._shown = self._nonempty.copy()
        self._index = {k: n for n, k in enumerate(keys)}
        self._cell = cell
        if len(self._centers):
            lo = self._centers.min(axis=0) - np.array(cell) / 2
            hi = self._centers.max(axis=0) + np.array(cell) / 2
            self._bounds = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        else:
            self._bounds = QRectF()
        self.update()

    def clear(self) -> None:
        self.set_cells([], np.zeros((0, 2)), [], np.zeros(0, dtype=bool))

    def set_shown(self, shown: np.ndarray) -> None:
        """Which labels to draw (e.g. the output cells computed so far), in ``keys`` order."""
        mask = np.asarray(shown, dtype=bool).ravel()
        if mask.shape != (len(self._strings),):
            return  # no labels (too many cells, or numbers off)
        mask = mask & self._nonempty
        if mask.shape != self._shown.shape:
            self._shown = mask
            self.update()
            return
        changed = np.flatnonzero(mask != self._shown)
        if not len(changed):
            return
        self._shown = mask
        # repaint only the cells that appear or disappear (an animation step: one or two)
        half = np.array(self._cell) / 2
        lo = self._centers[changed].min(axis=0) - half
        hi = self._centers[changed].max(axis=0) + half
        self.update(QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1]))

    def text_at(self, i: int, j: int) -> str:
        """The label of logical cell (i, j), '' when there is none."""
        n = self._index.get((i, j))
        return "" if n is None else self._strings[n]

    def is_shown(self, i: int, j: int) -> bool:
        n = self._index.get((i, j))
        return bool(n is not None and self._shown[n])

    def __len__(self) -> int:
        return len(self._strings)

    # ------------------------------------------------------------------ drawing
    def boundingRect(self) -> QRectF:
        return self._bounds

    def _layout(self, t: QTransform) -> tuple[QFont, np.ndarray, float, float, Qt.AlignmentFlag, float] | None:
        """For a view -> screen transform ``t``: the font, the shown cells' indices, the on-screen cell size,
        the alignment and the corner inset; None when nothing is drawn (too small to read).

        Remembered for the last transform: a partial repaint (an animation step) reuses it."""
        if not self._shown.any():
            return None
        key = (t.m11(), t.m12(), t.m21(), t.m22(), self._generation, self.min_px, self.max_pt,
               self.height_fraction, self.corner, self.min_font_px, self.font.key())
        if key != self._memo[0]:
            self._memo = (key, self._compute_layout(t))
        found = self._memo[1]
        if found is None:
            return None
        font, cw, ch, flags, inset = found
        return font, np.flatnonzero(self._shown), cw, ch, flags, inset

    def _compute_layout(self, t: QTransform) -> tuple[QFont, float, float, Qt.AlignmentFlag, float] | None:
        """The font, on-screen cell size, alignment and inset for every label that has a text, shown or
        not: revealing cells one by one (an animation) never changes the size of those already drawn."""
        if not self._nonempty.any():
            return None
        cw = abs(t.m11() * self._cell[0]) + abs(t.m21() * self._cell[1])
        ch = abs(t.m12() * self._cell[0]) + abs(t.m22() * self._cell[1])
        if min(cw, ch) < self.min_px:
            return None
        font = QFont(self.font)
        px = min(self.max_pt * 4 / 3, ch * self.height_fraction)
        if not self.corner and px < self.min_font_px <= ch * self.short_fraction:
            px = self.min_font_px  # a short cell: the number takes more of its height rather than vanish
        font.setPixelSize(max(math.ceil(px), 6))
        longest = max((self._strings[n] for n in np.flatnonzero(self._nonempty)), key=len)
        width = QFontMetricsF(font).horizontalAdvance(longest)
        if width > cw * 0.92:
            font.setPixelSize(max(int(font.pixelSize() * cw * 0.92 / width), 6))
        if font.pixelSize() < self.min_font_px:
            return None
        flags = Qt.AlignmentFlag.AlignCenter
        inset = 0.0
        if self.corner:
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            inset = max(2.0, min(cw, ch) * 0.06)
        return font, cw, ch, flags, inset

    def paint(self, painter: QPainter, *_args: object) -> None:
        t = painter.transform()
        layout = self._layout(t)
        if layout is None:
            return
        font, idx, cw, ch, flags, inset = layout
        pts = self._centers[idx]
        xs = t.m11() * pts[:, 0] + t.m21() * pts[:, 1] + t.dx()
        ys = t.m12() * pts[:, 0] + t.m22() * pts[:, 1] + t.dy()
        if painter.hasClipping():  # a partial repaint (a cell revealed, the window moved): only the cells it crosses
            clip = t.mapRect(painter.clipBoundingRect())
            near = (np.abs(xs - clip.center().x()) < (clip.width() + cw) / 2 + 1) \
                & (np.abs(ys - clip.center().y()) < (clip.height() + ch) / 2 + 1)
            idx, xs, ys = idx[near], xs[near], ys[near]
        self.last_font_px = font.pixelSize()
        painter.save()
        painter.resetTransform()
        painter.setFont(font)
        black, white = QColor(TEXT_ON_PALE), QColor(TEXT_ON_SATURATED)
        for n, x, y in zip(idx, xs, ys, strict=False):
            painter.setPen(white if self._white[n] else black)
            painter.drawText(QRectF(x - cw / 2, y - ch / 2, cw - inset, ch - inset), flags, self._strings[n])
        painter.restore()

    def text_runs(self) -> list[tuple[str, QRectF, float]]:
        """What :meth:`paint` draws in the first view showing this item: ``(text, ink rectangle in item
        coordinates, em size in item units)`` per number (empty while the cells are too small to read)."""
        scene = self.scene()
        views = [v for v in scene.views() if v.isVisible()] if scene is not None else []
        if not views or not self.isVisible():
            return []
        t = self.deviceTransform(views[0].viewportTransform())
        layout = self._layout(t)
        inverse, invertible = t.inverted()
        if layout is None or not invertible:
            return []
        font, idx, cw, ch, flags, inset = layout
        metrics = QFontMetricsF(font)
        scale = float(np.sqrt(abs(t.determinant()))) or 1.0
        runs = []
        for n in idx:
            c = t.map(QPointF(*self._centers[n]))
            box = QRectF(c.x() - cw / 2, c.y() - ch / 2, cw - inset, ch - inset)
            text = self._strings[n]
            drawn = metrics.boundingRect(box, int(flags), text)  # the line box where paint puts it
            ink = metrics.tightBoundingRect(text)  # relative to the baseline origin
            x0 = drawn.left() + ink.left()
            y0 = drawn.top() + metrics.ascent() + ink.top()
            runs.append((text, inverse.mapRect(QRectF(x0, y0, ink.width(), ink.height())), font.pixelSize() / scale))
        return runs

    def center_of(self, i: int, j: int) -> QPointF:
        n = self._index[(i, j)]
        return QPointF(*self._centers[n])
