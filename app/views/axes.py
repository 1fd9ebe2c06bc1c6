"""Axes of a cell plot: real indices as ticks, set only when they change, and upright CJK titles.

pyqtgraph re-lays an axis out on every ``setTicks``, ``setLabel`` or pen change, even when the value
is the same; the diagram used to spend more time there than anywhere else.  :class:`CellAxis` keeps
the last value of each and skips the call when nothing changed.  A vertical title in Chinese is
written upright, one character under the other, instead of rotated on its side (glossary 1.6).
"""

from __future__ import annotations

import math
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Sequence
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QWidget

__all__ = [
    "CellAxis",
    "compact_number",
    "fit_title",
    "fitting_tick_spacing",
    "has_cjk",
    "index_ticks",
    "label_point_size",
    "remember_tick_layout",
    "round_step",
    "tick_every",
    "wrap_lines",
]


SPECS_MEMO = 8  # tick layouts an axis remembers (an argument flipped back and forth finds its own)
COPIES_PER_LAYOUT = 2  # drawn images a tick layout keeps (pens, scales, places within a device pixel)
IMAGE_MARGIN = 4  # device pixels around an axis's rectangle in its drawn image
COPY_DRAWINGS = True  # False: every paint draws the ticks and labels (the tests' reference picture)
LAYOUTS_WITH_COPIES = 2  # the layouts of an axis that keep drawn images: the last ones laid out
_MISSING = object()


def _rect_key(r: QRectF) -> tuple[float, float, float, float]:
    return (r.x(), r.y(), r.width(), r.height())


def _pen_key(pen: QPen) -> tuple[object, ...]:
    return (pen.color().rgba(), pen.widthF(), int(pen.style().value), pen.isCosmetic())


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a wide (CJK) character."""
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def tick_every(n: int, most: int = 16) -> int:
    """A round step (1, 2, 5, 10, 20, 50, ...) that labels at most ``most`` of ``n`` cells.

    >>> [tick_every(n) for n in (4, 16, 17, 100, 300)]
    [1, 1, 2, 10, 20]
    """
    step, decade = 1, 1
    while n / step > most:
        for m in (1, 2, 5):
            if m * decade > step:
                step = m * decade
                break
        else:
            decade *= 10
            step = decade
    return step


def index_ticks(positions: Sequence[float], labels: Sequence[int], most: int = 16) -> list[tuple[float, str]]:
    """Ticks at ``positions`` named by the real indices ``labels``, thinned to round steps."""
    every = tick_every(len(labels), most)
    return [(float(p), str(v)) for p, v in zip(positions, labels, strict=True) if v % every == 0]


def compact_number(v: float) -> str:
    """A colour-bar label of at most 5 characters: 1k, 1.5k, 5k, 2M, 0.05, −500."""
    a = abs(v)
    if a < 1e-12:
        return "0"
    for scale, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if a >= scale:
            text = f"{v / scale:.3g}"
            if len(text.lstrip("-")) > 3:
                text = f"{v / scale:.0f}"
            return text.replace("-", "−") + suffix
    if a >= 1:
        return f"{v:.4g}".replace("-", "−")
    return f"{v:.2g}".replace("-", "−")


class CellAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type hints
    """An axis that skips unchanged ticks and titles and writes a vertical CJK title upright."""

    _upright = False  # pyqtgraph's __init__ lays the label out before ours runs

    def __init__(self, orientation: str, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self._ticks_key: object = ()
        self._title_key: tuple[str, str] | None = None
        self._style_key: tuple[str, int] | None = None
        self.enableAutoSIPrefix(False)  # cell indices, never "(x0.001)"
        # An axis changes only with its plot's range, size or style, not on an animation step: the
        # window moving across it repaints a copy of its pixels instead of every tick and label.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:  # Qt override
        # pyqtgraph draws the axis line up to its last pixel, just outside this rectangle: one pixel
        # more on each side keeps that pixel in the cached copy
        rect: QRectF = super().boundingRect()
        return rect.adjusted(-1, -1, 1, 1)

    # ------------------------------------------------------------------ memoised setters
    def set_ticks_once(self, ticks: list[tuple[float, str]] | None, spacing: tuple[float, float] | None = None) -> None:
        """``setTicks([ticks, []])`` (or automatic ticks with ``spacing``) unless they are the same."""
        key = (None if ticks is None else tuple(ticks), spacing)
        if key == self._ticks_key:
            return
        self._ticks_key = key
        if ticks is not None:
            self.setTicks([ticks, []])
            return
        self.setTicks(None)
        if spacing is None:
            self.setTickSpacing()
        else:
            self.setTickSpacing(*spacing)

    def set_title_once(self, text: str, color: str) -> None:
        if self._title_key == (text, color):
            return
        self._title_key = (text, color)
        self._upright = self.orientation in ("left", "right") and has_cjk(text)
        self.setLabel(text, color=color)

    def set_style_once(self, color: str, point_size: int) -> None:
        if self._style_key == (color, point_size):
            return
        self._style_key = (color, point_size)
        font = QFont()
        font.setPointSize(point_size)
        self.setPen(color)
        self.setTextPen(color)
        self.setTickFont(font)

    # ------------------------------------------------------------------ remembered drawing
    def setRange(self, mn: float, mx: float) -> None:  # pyqtgraph override
        # a linked view re-sets its range on every layout pass of an argument change: the same range
        # repaints nothing
        if [mn, mx] != getattr(self, "range", None):  # pyqtgraph sets the first one in __init__
            super().setRange(mn, mx)

    def moveEvent(self, ev: object) -> None:  # Qt override
        super().moveEvent(ev)
        self.update()  # drawn again where it now is (the cached copy would land on a whole pixel)

    def paint(self, p: QPainter, *_args: object) -> None:  # pyqtgraph override
        """The remembered tick layout and drawing (see :func:`_paint_remembered`)."""
        _paint_remembered(self, p)

    def generateDrawSpecs(self, p: QPainter) -> object:  # pyqtgraph override
        """pyqtgraph's tick and label layout, remembered (see :func:`remember_tick_layout`)."""
        return _remembered_specs(self, p, super().generateDrawSpecs)

    def _updateMaxTextSize(self, x: int) -> None:  # pyqtgraph override
        _report_text_size(self, x, super()._updateMaxTextSize)

    def drawPicture(self, p: QPainter, *specs: object) -> None:  # pyqtgraph override
        _remembered_drawing(self, p, specs, super().drawPicture)

    # ------------------------------------------------------------------ upright CJK titles
    def labelString(self) -> str:
        text = str(super().labelString())
        if not self._upright:
            return text
        chars = "<br>".join(ch for ch in self.labelText if not ch.isspace())
        style = ";".join(f"{k}: {v}" for k, v in self.labelStyle.items())
        return f"<div style='{style}; text-align: center'>{chars}</div>"

    def _updateLabel(self) -> None:
        if self.label is not None:
            self.label.setRotation(0 if self._upright else (-90 if self.orientation in ("left", "right") else 0))
        super()._updateLabel()

    def _updateWidth(self) -> None:
        super()._updateWidth()
        if self._upright and self.fixedWidth is None and self.label.isVisible():
            w = self.maximumWidth() - self.label.boundingRect().height() * 0.8 + self.label.boundingRect().width()
            self.setMaximumWidth(w)
            self.setMinimumWidth(w)

    def resizeEvent(self, ev: object = None) -> None:
        super().resizeEvent(ev)
        if self._upright and self.label is not None:
            br = self.label.boundingRect()
            x = 0.0 if self.orientation == "left" else self.size().width() - br.width()
            self.label.setPos(QPointF(x, max(0.0, (self.size().height() - br.height()) / 2)))


def label_point_size(theme_pt: int, text_scale: float, extra: int = 0) -> int:
    """A label's point size in a room: the theme's (plus ``extra``) grown by the square root of the text scale.

    The diagram's rule (``DiagramWidget.point_size``), shared by the other pictures: in classroom mode
    (text scale 2) an 11 pt label becomes 16 pt (21 px).
    """
    return max(1, round((theme_pt + extra) * math.sqrt(text_scale)))


def round_step(raw: float) -> float:
    """The smallest 1, 2 or 5 x 10^n at least ``raw`` (> 0).

    >>> [round_step(x) for x in (0.3, 1.0, 1.2, 4.9, 7.0, 420.0)]
    [0.5, 1.0, 2.0, 5.0, 10.0, 500.0]
    """
    decade = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * decade >= raw * (1 - 1e-9):
            return m * decade
    return 10.0 * decade


TickSpacing = Callable[[float, float, float], list[tuple[float, float]]]


def fitting_tick_spacing(axis: pg.AxisItem, sample: str = "−0.55") -> TickSpacing:
    """A ``tickSpacing`` for ``axis``: round steps, as many labels as fit its length at its font without touching.

    pyqtgraph picks the number of ticks from the axis length alone and always draws the top level, so
    at a large (classroom) font the labels of a short axis run into each other.  ``sample`` is a label as
    wide as the widest expected (for a horizontal axis).
    """
    vertical = axis.orientation in ("left", "right")

    def spacing(lo: float, hi: float, size: float) -> list[tuple[float, float]]:
        span = hi - lo
        if not (span > 0 and math.isfinite(span)) or size <= 0:
            return [(1.0, 0.0)]
        metrics = QFontMetricsF(axis.style.get("tickFont") or QFont())
        pitch = metrics.height() * 1.25 if vertical else metrics.horizontalAdvance(sample) + metrics.height()
        fit = int(size // pitch)
        if fit < 2:
            return [(round_step(span * 1.01), 0.0)]
        return [(round_step(span / (fit - 1)), 0.0)]

    return spacing


def wrap_lines(text: str, font: QFont, width: float) -> list[str]:
    """``text`` in lines at most ``width`` px wide at ``font``: broken at spaces, and between the
    characters of a word too wide for a line (Chinese has few spaces); the lines as even as they can be
    (no last word alone on a line).
    """
    lines = _greedy_lines(text, font, width)
    if len(lines) < 2:
        return lines
    lo, hi = width / len(lines), width  # the narrowest width that still takes as many lines
    for _ in range(12):
        mid = (lo + hi) / 2
        if len(_greedy_lines(text, font, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return _greedy_lines(text, font, hi)


def _greedy_lines(text: str, font: QFont, width: float) -> list[str]:
    adv = QFontMetricsF(font).horizontalAdvance
    if width <= 0 or adv(text) <= width:
        return [text]
    lines: list[str] = []
    for word in text.split(" "):
        if lines and adv(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        elif adv(word) <= width:
            lines.append(word)
        else:  # too wide for any line: break it between characters, from the end of the last line on
            line = lines.pop() + " " if lines and adv(lines[-1] + " " + word[0]) <= width else ""
            for ch in word:
                if line.strip() and adv(line + ch) > width:
                    lines.append(line.rstrip())
                    line = ""
                line += ch
            lines.append(line)
    return lines


def fit_title(plot: pg.PlotItem, text: str, color: str, point_size: int, width: float) -> None:
    """Set ``plot``'s title at ``point_size``, wrapped to ``width`` px, with a title row as tall as it needs.

    pyqtgraph pins the plot's minimum width to its title's and fixes the title row at 30 px: a long or
    large (classroom) title then pushed the plot off screen or was cut.  Unchanged titles are not reset.
    """
    font = QFont()
    font.setPointSize(point_size)
    lines = wrap_lines(text, font, width - 8)
    key = (tuple(lines), color, point_size)
    if getattr(plot, "_fit_title_key", None) == key:
        return
    plot._fit_title_key = key
    label = plot.titleLabel
    if not text:
        plot.setTitle(None)
        return
    _free_width(label)
    plot.setTitle("<br>".join(escape(line) for line in lines), color=color, size=f"{point_size}pt")
    height = math.ceil(label.itemRect().height() + 2)
    label.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)


def _free_width(label: pg.LabelItem) -> None:
    """Let a plot title be narrower than its text: pyqtgraph's ``LabelItem.updateMin`` (run on every
    ``setText``) pins the plot's minimum width to the title's, which pushed a plot off screen."""
    if getattr(label, "_free_width", False):
        return

    def update_min() -> None:
        bounds = label.itemRect()
        label.setMinimumWidth(0)
        label.setMinimumHeight(bounds.height())
        label._sizeHint = {
            Qt.SizeHint.MinimumSize: (0, bounds.height()),
            Qt.SizeHint.PreferredSize: (bounds.width(), bounds.height()),
            Qt.SizeHint.MaximumSize: (16777215, bounds.height()),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        label.updateGeometry()

    label._free_width = True
    label.updateMin = update_min


# ---------------------------------------------------------------------- remembered tick layouts
def remember_tick_layout(axis: pg.AxisItem) -> None:
    """Let a pyqtgraph axis (a colour bar's) remember its tick layouts as :class:`CellAxis` does.

    pyqtgraph lays an axis out again, slowly and in Python, after every range or size change, and
    the diagram measures an axis before it paints it.  The layout depends only on the axis's range,
    geometry, ticks and style: an argument flipped back and forth, or a paint right after a measure,
    finds it here (the last :data:`SPECS_MEMO`).  The widest tick label it reports, which sizes
    the axis, is reported again on a hit.
    """
    if "generateDrawSpecs" in vars(axis):
        return
    original_specs, original_report, original_draw = axis.generateDrawSpecs, axis._updateMaxTextSize, axis.drawPicture
    axis.generateDrawSpecs = lambda p: _remembered_specs(axis, p, original_specs)
    axis._updateMaxTextSize = lambda x: _report_text_size(axis, x, original_report)
    axis.drawPicture = lambda p, *specs: _remembered_drawing(axis, p, specs, original_draw)
    axis.paint = lambda p, *_args: _paint_remembered(axis, p)


def _remembered_specs(axis: pg.AxisItem, p: QPainter, generate: Callable[[QPainter], object]) -> object:
    memo = axis.__dict__.setdefault("_specs_memo", OrderedDict())
    key = _specs_key(axis)
    found = memo.get(key, _MISSING)
    axis._specs_last = key
    if found is not _MISSING:
        memo.move_to_end(key)
        specs, text_size, _drawn = found
        if text_size is not None:
            axis._updateMaxTextSize(text_size)
        return specs
    reported: list[int] = []
    axis._reported_text_sizes = reported
    try:
        specs = generate(p)
    finally:
        axis._reported_text_sizes = None
    memo[key] = (specs, reported[-1] if reported else None, {})
    if len(memo) > SPECS_MEMO:
        memo.popitem(last=False)
    for _specs, _size, copies in list(memo.values())[:-LAYOUTS_WITH_COPIES]:
        copies.clear()  # the drawn images of older layouts (a layout keeps its ticks; an image is bigger)
    return specs


def _paint_remembered(axis: pg.AxisItem, p: QPainter) -> None:
    """An axis's paint: its remembered tick layout, and its drawing copied from a remembered image.

    pyqtgraph records each paint into a new ``QPicture`` and replays it; replaying one checks its whole
    recording (a checksum), parses it again and shapes every label's text anew.  Axes are painted on every
    argument change (their plots move), and that was a sixth of one.
    """
    p.save()
    try:
        font = axis.style["tickFont"]
        if font:
            p.setFont(font)
        specs = axis.generateDrawSpecs(p)
        if isinstance(specs, tuple):
            axis.drawPicture(p, *specs)
    finally:
        p.restore()


def _remembered_drawing(axis: pg.AxisItem, p: QPainter, specs: tuple[object, ...],
                        draw: Callable[..., None]) -> None:
    """pyqtgraph's ``drawPicture`` (Python calls per tick and label) drawn once per layout, text pen and
    place on the device's pixel grid into a transparent image, then copied.

    The image covers the axis's rectangle on the device, and is keyed by the painter's scale and by where
    the axis sits within a device pixel, so an axis that moved by whole pixels is copied pixel for pixel
    and one that moved by a fraction is drawn again.  A painter that records (a ``QPicture`` or an SVG)
    gets the drawing itself, never an image.
    """
    found = axis.__dict__.get("_specs_memo", {}).get(axis.__dict__.get("_specs_last"))
    device = p.device()
    if not COPY_DRAWINGS or found is None or found[0] is None \
            or any(a is not b for a, b in zip(found[0], specs, strict=True)) \
            or not isinstance(device, (QImage, QPixmap, QWidget)):
        draw(p, *specs)
        return
    # item -> the device's pixels; a widget's painter adds where the widget sits in its window's backing
    # store, a whole number of pixels, which leaves the pixel grid as it is
    t = p.deviceTransform()
    # pyqtgraph draws the axis line on the rectangle's edge, just outside it: a margin keeps every pixel
    box = t.mapRect(axis.boundingRect()).toAlignedRect().adjusted(-IMAGE_MARGIN, -IMAGE_MARGIN, IMAGE_MARGIN,
                                                                  IMAGE_MARGIN)
    # one image pixel on one device pixel: the painter's own logical -> device mapping (its pixel ratio,
    # the widget's place) undone, then moved to the rectangle's place
    inverse, invertible = t.inverted()
    if not invertible:
        draw(p, *specs)
        return
    key = (_pen_key(axis.textPen()), p.font().key(), int(p.renderHints().value), t.m11(), t.m12(), t.m21(),
           t.m22(), t.dx() - box.x(), t.dy() - box.y(), box.width(), box.height())
    copies = found[2]
    image = copies.get(key)
    if image is None:
        image = QImage(box.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)  # in the device's pixels, the axis's rectangle at the origin
        painter.setFont(p.font())
        painter.setRenderHints(p.renderHints())
        painter.setWorldTransform(t * QTransform.fromTranslate(-box.x(), -box.y()))
        try:
            draw(painter, *specs)
        finally:
            painter.end()
        copies[key] = image
        while len(copies) > COPIES_PER_LAYOUT:
            copies.pop(next(iter(copies)))
    p.save()
    p.setWorldTransform(QTransform.fromTranslate(box.x(), box.y()) * inverse * p.worldTransform())
    p.drawImage(QPointF(0, 0), image)
    p.restore()


def _report_text_size(axis: pg.AxisItem, x: int, update: Callable[[int], None]) -> None:
    reported = axis.__dict__.get("_reported_text_sizes")
    if reported is not None:
        reported.append(x)
    update(x)


def _specs_key(axis: pg.AxisItem) -> tuple[object, ...]:
    """Everything pyqtgraph's ``AxisItem.generateDrawSpecs`` reads."""
    bounds = axis.mapRectFromParent(axis.geometry())
    device = axis.deviceTransform_()
    view = axis.linkedView()
    grid = None if axis.grid is False or view is None else _rect_key(view.mapRectToItem(axis, view.boundingRect()))
    font = axis.style.get("tickFont")
    style = (repr([(k, v) for k, v in axis.style.items() if k != "tickFont"]), None if font is None else font.key())
    return (
        tuple(axis.range), _rect_key(bounds), _rect_key(axis.boundingRect()), grid, axis.grid,
        None if device is None else (device.m11(), device.m12(), device.m21(), device.m22(), device.dx(), device.dy()),
        repr(axis._tickLevels), repr(axis._tickSpacing), axis.orientation, style,
        _pen_key(axis.pen()), _pen_key(axis.tickPen()), axis.scale, axis.autoSIPrefixScale, axis.logMode,
        repr(axis.__dict__.get("tickSpacing")), repr(axis.__dict__.get("tickStrings")),
    )
