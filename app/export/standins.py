"""Stand-ins an export paints instead of items that only look right on screen.

The diagram draws cells in plot coordinates: one cell is one unit, scaled by the view box to
tens of pixels, differently in x and y.  Two kinds of items rely on that scaling in ways other
renderers do not follow:

* **Outlines** (the window taps, the active filter, the current cell, frames, padding hatches,
  hover highlights) use cosmetic pens: Qt's SVG writer keeps them inside the scaled group and
  adds ``vector-effect="non-scaling-stroke"``, which librsvg, CairoSVG and resvg ignore, so a
  2-px line becomes a stroke 2 cells wide (a solid block).  Their stand-in maps the outline to
  device coordinates and strokes it there with a real width (the pen's screen width times the
  export's scale), in every format, so PNG, SVG and PDF agree.
* **Heat maps** are images of one pixel per cell, drawn large.  In SVG and PDF a viewer may
  smooth them, and Qt's PDF writer stores images as JPEG; for a vector export, a heat map of at
  most :data:`MAX_VECTOR_CELLS` cells is painted as one filled rectangle per cell instead
  (lossless and exact at any zoom).

Each stand-in is a sibling of the item it replaces, with the same transform and z value, so the
stacking order (outlines over numbers over colours) is unchanged; the original is hidden while
the export paints and everything is restored afterwards.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

__all__ = ["MAX_VECTOR_CELLS", "SLIDE_TEXT_FRACTION", "SLIDE_TEXT_PX", "device_standins", "slide_text"]

MAX_VECTOR_CELLS = 4096  # heat maps up to this many cells become rectangles in SVG and PDF
SLIDE_TEXT_PX = 16.0  # largest cell number at scale 1 (a 1280-px export); grows with the scale
SLIDE_TEXT_FRACTION = 0.56  # of a cell's height: 14 px or more in the examples at 1280 px wide
_SEAM = 0.5  # device px an inner cell overlaps its right / lower neighbour: no hairline between them


class _StandIn(QGraphicsItem):
    """A sibling of ``original`` in the same coordinates, painted in device coordinates."""

    def __init__(self, original: QGraphicsItem) -> None:
        super().__init__(original.parentItem())
        if original.parentItem() is None and original.scene() is not None:
            original.scene().addItem(self)
        self.setTransform(original.transform())
        self.setPos(original.pos())
        self.setZValue(original.zValue())
        self.setOpacity(original.opacity())


class _DeviceOutline(_StandIn):
    def __init__(self, original: QGraphicsRectItem | QGraphicsPathItem, scale: float) -> None:
        super().__init__(original)
        path = QPainterPath()
        if isinstance(original, QGraphicsRectItem):
            path.addRect(original.rect())
        else:
            path = QPainterPath(original.path())
        self._path = path
        self._brush = original.brush()
        self._pen = QPen(original.pen())
        self._pen.setCosmetic(False)
        self._pen.setWidthF(max(self._pen.widthF(), 1.0) * scale)
        r = path.boundingRect()
        # generous: the stroke is in device pixels, unknown here (only used to decide what to paint)
        self._bounds = r.adjusted(-r.width() - 1, -r.height() - 1, r.width() + 1, r.height() + 1)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        device_path = painter.transform().map(self._path)
        painter.save()
        painter.resetTransform()
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        painter.drawPath(device_path)
        painter.restore()


class _VectorHeatMap(_StandIn):
    def __init__(self, original: Any, rgba: np.ndarray) -> None:
        super().__init__(original)
        self._rgba = rgba  # (rows, cols, 4)

    def boundingRect(self) -> QRectF:
        rows, cols = self._rgba.shape[:2]
        return QRectF(0, 0, cols, rows)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = painter.transform()
        rows, cols = self._rgba.shape[:2]
        xs = [t.map(QPointF(c, 0)).x() for c in range(cols + 1)]
        ys = [t.map(QPointF(0, r)).y() for r in range(rows + 1)]
        painter.save()
        painter.resetTransform()
        painter.setPen(QPen(QColor(0, 0, 0, 0), 0))
        for r in range(rows):
            y0, y1 = sorted((ys[r], ys[r + 1]))
            dy = _SEAM if r < rows - 1 else 0.0
            for c in range(cols):
                red, green, blue, alpha = (int(v) for v in self._rgba[r, c])
                if alpha == 0:
                    continue  # an empty (NaN) cell: the background shows
                x0, x1 = sorted((xs[c], xs[c + 1]))
                dx = _SEAM if c < cols - 1 else 0.0
                painter.fillRect(QRectF(x0, y0, x1 - x0 + dx, y1 - y0 + dy), QColor(red, green, blue, alpha))
        painter.restore()


def _image_rgba(item: Any) -> np.ndarray | None:
    """The pixels a pyqtgraph ImageItem draws, as (rows, cols, RGBA), or None."""
    if getattr(item, "image", None) is None:
        return None
    if item.qimage is None or getattr(item, "_renderRequired", True):
        item.render()  # what its paint() would do first
    qimage = item.qimage
    if qimage is None or qimage.isNull():
        return None
    img = qimage.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = np.frombuffer(bytes(img.constBits()), np.uint8).reshape(img.height(), img.bytesPerLine())
    return raw[:, : img.width() * 4].reshape(img.height(), img.width(), 4).copy()


def _axis_aligned(item: QGraphicsItem) -> bool:
    t: QTransform = item.sceneTransform()
    return abs(t.m12()) < 1e-12 and abs(t.m21()) < 1e-12


def _scaled(item: QGraphicsItem) -> bool:
    t = item.sceneTransform()
    return abs(abs(t.m11()) - 1) > 1e-9 or abs(abs(t.m22()) - 1) > 1e-9 or not _axis_aligned(item)


@contextlib.contextmanager
def device_standins(scene: QGraphicsScene, scale: float, vector: bool) -> Iterator[None]:
    """While inside, scaled outlines (and, when ``vector``, small heat maps) paint through stand-ins.

    ``scale`` is output pixels per scene pixel (an outline 2 px wide on screen is ``2 * scale``
    wide in the file).
    """
    import pyqtgraph as pg

    swaps: list[tuple[QGraphicsItem, QGraphicsItem]] = []
    try:
        for item in scene.items():
            if not item.isVisible():
                continue
            stand_in: QGraphicsItem | None = None
            if isinstance(item, (QGraphicsRectItem, QGraphicsPathItem)):
                pen = item.pen()
                if pen.isCosmetic() and _scaled(item):
                    stand_in = _DeviceOutline(item, scale)
            elif vector and isinstance(item, pg.ImageItem) and _axis_aligned(item):
                rgba = _image_rgba(item)
                if rgba is not None and 0 < rgba.shape[0] * rgba.shape[1] <= MAX_VECTOR_CELLS:
                    stand_in = _VectorHeatMap(item, rgba)
            if stand_in is not None:
                item.setVisible(False)
                swaps.append((item, stand_in))
        yield
    finally:
        import shiboken6

        for item, stand_in in swaps:
            item.setVisible(True)
            if stand_in.scene() is not None:
                stand_in.scene().removeItem(stand_in)
            stand_in.setParentItem(None)  # type: ignore[arg-type]  # None detaches (Qt accepts nullptr)
            shiboken6.delete(stand_in)  # now, not whenever the wrapper goes: nobody else owns it


@contextlib.contextmanager
def slide_text(scene: QGraphicsScene, scale: float) -> Iterator[None]:
    """Cell numbers sized for a slide while an export paints (restored afterwards).

    On screen a number takes at most 45 % of its cell's height and 16 px; an export lets it take
    :data:`SLIDE_TEXT_FRACTION` and scales the 16 px with the export, so numbers keep their
    proportion at any ``--width`` and are at least 14 px in a 1280-px picture of the examples.
    """
    from app.views.cell_texts import CellTexts

    saved = []
    for item in scene.items():
        if isinstance(item, CellTexts):
            saved.append((item, item.max_pt, item.height_fraction, item.min_font_px))
            item.max_pt = max(item.max_pt, SLIDE_TEXT_PX * 3 / 4 * scale)
            item.height_fraction = SLIDE_TEXT_FRACTION
            item.min_font_px = 6.0  # the screen's legibility floor is not the picture's: a small GIF keeps them
    try:
        yield
    finally:
        for item, max_pt, fraction, min_font_px in saved:
            item.max_pt = max_pt
            item.height_fraction = fraction
            item.min_font_px = min_font_px
