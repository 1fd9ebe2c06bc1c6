"""One grid of cells in a plot: a heat-map image, the numbers in the cells and an outline.

The diagram's three panels, the compare view's input and output and every
heat-map row of the stack canvas draw an array of values the same way: one
``ImageItem`` coloured on a symmetric scale ``(-level, level)``, a
:class:`~app.views.cell_texts.CellTexts` with each cell's number (black or
white, whichever reads on its colour), and a thin frame around the cells.
A :class:`CellGrid` is created once per plot and updated in place with
:meth:`CellGrid.set_values`; an animation step only calls :meth:`CellGrid.set_shown`.

Cell ``values[a, b]`` sits at logical index ``(start + a, b)``: ``a`` runs
along time (or its stand-in), ``b`` along the channels or filters.  Its
centre is drawn at ``center + a*pitch`` along time and ``b`` across; with
``time_lr`` time runs left to right, otherwise top to bottom.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from app.views.cell_texts import CellTexts, format_value
from app.views.colors import Theme, outline_pen, text_color_for

__all__ = ["CellGrid"]


class CellGrid:
    """A heat map with its cell numbers and a frame, drawn in one ``pg.PlotItem``.

    Parameters
    ----------
    plot : pg.PlotItem
        Where the items go (added once, never removed).
    theme : Theme
        Colours of the frame and of the numbers; change with :meth:`set_theme`.
    cmap : pg.ColorMap or None
        The image's colour map (None when a colour bar sets it).
    min_px : float
        Cells narrower than this on screen show no number.
    max_text_cells : int
        Above this many cells the grid is a heat map only.
    outline : bool
        Whether to frame the cells.
    """

    def __init__(self, plot: pg.PlotItem, theme: Theme, cmap: pg.ColorMap | None = None, *,
                 min_px: float = 18.0, max_text_cells: int = 900, outline: bool = False) -> None:
        self.theme = theme
        self.max_text_cells = max_text_cells
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if cmap is not None:
            self.image.setColorMap(cmap)
        plot.addItem(self.image)
        self.texts = CellTexts(min_px)
        plot.addItem(self.texts, ignoreBounds=True)
        self.outline = QGraphicsRectItem()
        self.outline.setZValue(-1)
        self.outline.setVisible(outline)
        plot.addItem(self.outline)
        self._framed = outline
        # (levels and colour map, the image of every cell coloured, its format): set_shown's source
        self._full: tuple[tuple[bytes | None, object], np.ndarray, QImage.Format] | None = None
        self._revealed = np.zeros((0, 0), dtype=np.uint32)  # the pixels of the revealed image (kept alive)
        self._values = np.zeros((0, 0))
        self._shown: np.ndarray | None = None
        self._time_lr = True
        self._key: tuple[object, ...] | None = None  # what set_values last drew (with _values)
        self.set_theme(theme)

    # ------------------------------------------------------------------ appearance
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._key = None
        self.outline.setPen(outline_pen(theme))

    def set_colormap(self, cmap: pg.ColorMap) -> None:
        self.image.setColorMap(cmap)

    def set_visible(self, visible: bool) -> None:
        self.image.setVisible(visible)
        self.texts.setVisible(visible)
        self.outline.setVisible(visible and self._framed)

    # ------------------------------------------------------------------ data
    def set_values(
        self,
        values: np.ndarray,
        level: float,
        text_format: Callable[[float], str] = format_value,
        *,
        start: int = 0,
        center: float | None = None,
        pitch: float = 1.0,
        time_lr: bool = True,
        numbers: bool = True,
        shown: np.ndarray | None = None,
    ) -> None:
        """Draw ``values`` (``(n_time, n_across)``) coloured on ``(-level, level)``.

        ``shown`` (same shape) leaves the other cells blank and their numbers hidden
        until :meth:`set_shown` reveals them; NaN cells are blank and have no number.
        """
        vals = np.asarray(values, dtype=float)
        key = (float(level), text_format, start, center, pitch, time_lr, numbers, id(self.theme))
        if key == self._key and vals.shape == self._values.shape and np.array_equal(vals, self._values, equal_nan=True):
            # the same picture (an argument that moves other panels only): nothing to redraw here
            if shown is None and self._shown is None:
                return
            if shown is not None and self._shown is not None and np.shape(shown) == self._shown.shape:
                self.set_shown(shown)
                return
        self._key = key
        self._values, self._time_lr = vals.copy(), time_lr
        self._full = None
        n_i, n_j = vals.shape
        first = float(start if center is None else center)
        drawn = vals if shown is None else np.where(shown, vals, np.nan)
        self._shown = None if shown is None else np.array(shown, dtype=bool)
        self.image.setImage(self._orient(drawn), autoLevels=False, levels=(-level, level))
        self.image.setRect(self._rect(first, pitch, max(n_i, 1), n_j))
        self.outline.setRect(self._rect(first, pitch, n_i, n_j))
        if not numbers or vals.size > self.max_text_cells or vals.size == 0:
            self.texts.clear()
            return
        ii, jj = (g.ravel() for g in np.meshgrid(np.arange(n_i), np.arange(n_j), indexing="ij"))
        along = first + ii * pitch
        centers = np.column_stack([along, jj] if time_lr else [jj, along])
        flat = vals.ravel()
        self.texts.set_cells(
            [(int(a) + start, int(b)) for a, b in zip(ii, jj, strict=True)],
            centers,
            [text_format(float(v)) for v in flat],
            text_color_for(flat, level, self.theme),
            (pitch, 1.0) if time_lr else (1.0, pitch),
        )
        if shown is not None:
            self.texts.set_shown(shown)

    def set_shown(self, shown: np.ndarray) -> None:
        """Colour and number only the cells where ``shown`` (e.g. the outputs computed so far).

        An animation step reveals a cell or two: only their rectangle is repainted, not the grid.
        """
        mask = np.array(shown, dtype=bool)
        before = self._shown
        self._shown = mask
        drawn = self._orient(np.where(mask, self._values, np.nan))
        if before is None or before.shape != mask.shape or self.image.image is None \
                or self.image.image.shape != drawn.shape:
            self.image.setImage(drawn, autoLevels=False)
            self.texts.set_shown(mask)
            return
        changed = self._orient(before != mask)
        if not changed.any():
            return
        # pyqtgraph 0.14's setImage repaints the whole item; new data of the same shape only needs
        # the changed cells' rectangle (item coordinates are image pixels: column, row).
        revealed = self._revealed_qimage(self._orient(mask))
        self.image.image = drawn
        self.image._imageHasNans = None
        self.image._imageNanLocations = None
        if revealed is None:
            self.image._renderRequired = True
        else:  # the colours of every cell were worked out once: hide the others, no colour lookup per step
            self.image.qimage = revealed
            self.image._renderRequired = False
        rows, cols = np.nonzero(changed)
        self.image.update(QRectF(float(cols.min()), float(rows.min()),
                                 float(cols.max() - cols.min() + 1), float(rows.max() - rows.min() + 1)))
        self.texts.set_shown(mask)

    def _revealed_qimage(self, mask: np.ndarray) -> QImage | None:
        """The heat map with only the cells of ``mask`` (image order) coloured, from the image of every cell
        that pyqtgraph rendered once for these values; None when pyqtgraph rendered none."""
        image = self.image
        levels = image.levels
        # the colours depend on the values (set_values forgets the image), the levels and the colour map,
        # which the colour bar may change behind this grid's back: both are part of the key
        lut = image.lut  # (pyqtgraph copies its lookup table on a render: compared by content)
        key = (None if levels is None else np.asarray(levels, dtype=float).tobytes(),
               lut.tobytes() if isinstance(lut, np.ndarray) else lut)
        if self._full is None or self._full[0] != key:
            image.image = self._orient(self._values)
            image._imageHasNans = image._imageNanLocations = None
            image.render()
            full = image.qimage
            if image._unrenderable or full is None or (full.height(), full.width()) != mask.shape:
                self._full = None
                return None
            if full.depth() != 32:  # without blank cells pyqtgraph gives an indexed image (the colour map)
                full = full.convertToFormat(QImage.Format.Format_ARGB32)
            pixels = np.frombuffer(full.constBits(), dtype=np.uint32,
                                   count=full.height() * full.bytesPerLine() // 4)
            self._full = (key, pixels.reshape(full.height(), -1)[:, :full.width()].copy(), full.format())
        _key, pixels, fmt = self._full
        self._revealed = np.ascontiguousarray(np.where(mask, pixels, 0).astype(np.uint32))  # kept for the QImage
        h, w = self._revealed.shape
        return QImage(self._revealed.data, w, h, 4 * w, fmt)

    def clear(self) -> None:
        self._key = None
        self._full = None
        self._values = np.zeros((0, 0))
        self.image.clear()
        self.texts.clear()
        self.outline.setRect(QRectF())

    # ------------------------------------------------------------------ geometry
    def _orient(self, a: np.ndarray) -> np.ndarray:
        """(time, across) array -> the row-major image for the orientation."""
        return np.ascontiguousarray(a.T) if self._time_lr else a

    def _rect(self, first: float, pitch: float, n_i: float, n_j: float) -> QRectF:
        x0 = first - pitch / 2
        if self._time_lr:
            return QRectF(x0, -0.5, n_i * pitch, n_j)
        return QRectF(-0.5, x0, n_j, n_i * pitch)
