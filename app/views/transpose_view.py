"""The Conv1DTranspose picture: each input value scatters a scaled kernel into the output, overlaps summing.

Top: the input ``x[b, i, c]`` as cells, the scattering step ``i`` outlined.  Middle: what step ``i``
adds, ``x[b, i, :] · w[j, :, f]`` for every kernel position ``j``, placed at output step
``i*s + j*d - crop`` (positions Keras crops are hatched).  Bottom: the output's running sums after
steps ``0..i`` (bias included), the cells step ``i`` touched outlined; cells no step has reached yet
are blank.  The state's position is the scattering input step, so the transport bar plays it.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath, QResizeEvent
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QWidget

from app.state.explorer import ExplorerState
from app.views.axes import CellAxis, fit_title
from app.views.cell_grid import CellGrid
from app.views.colors import THEMES, diverging_map, hatch_brush, highlight_pen
from app.views.picture_widget import PictureWidget, symmetric_level
from conv_core import Conv1DTransposeTrace

__all__ = ["TransposeView"]

MIN_CELL_FONT_PX = 11.0  # a number needing a smaller font is not drawn (20 px in classroom: text scale 2)


def _index_ticks(n: int, most: int = 12, start: int = 0) -> list[tuple[float, str]]:
    """Whole-number ticks start..start+n-1 (every k-th one when there are many): steps, channels, filters."""
    every = max(1, -(-n // most))
    return [(float(i), str(i)) for i in range(start, start + n) if i % every == 0]


class TransposeView(PictureWidget):
    """Input, the current step's scattered kernel, and the output's running sums of a Conv1DTranspose."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(state, "transpose", parent)
        self.plots: dict[str, pg.PlotItem] = {}
        self.grids: dict[str, CellGrid] = {}
        self._outlines: dict[str, QGraphicsPathItem] = {}
        cmap = diverging_map(self.theme.colormap)
        for row, part in enumerate(("input", "scatter", "output")):
            plot = self.graphics.addPlot(row=row, col=0, axisItems={n: CellAxis(n) for n in ("left", "bottom")})
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.invertY(True)
            plot.getViewBox().setDefaultPadding(0.02)
            plot.getAxis("left").enableAutoSIPrefix(False)
            self.plots[part] = plot
            self.grids[part] = CellGrid(plot, self.theme, cmap, min_px=16.0, max_text_cells=1500, outline=True)
            item = QGraphicsPathItem()
            item.setZValue(20)
            plot.addItem(item)
            self._outlines[part] = item
        self.plots["scatter"].setXLink(self.plots["output"])
        self._crops: list[QGraphicsRectItem] = []
        self._trace: Conv1DTransposeTrace | None = None
        self._out_level = 1.0
        self._span = (0, 1)  # output steps drawn: the full scatter's, cropped ones included
        self._titles: dict[str, str] = {}
        self._style_key: tuple[str, int] | None = None
        state.transposeChanged.connect(self.when_shown(self._on_trace_changed))
        state.positionChanged.connect(self.when_shown(lambda _p: self._draw_step()))
        state.viewChanged.connect(self.when_shown(self._on_view_changed))
        self._apply_theme()
        self.retranslate()
        if state.transpose_trace is not None:
            self._on_trace_changed(state.transpose_trace)

    # ----------------------------------------------------------------- text
    def retranslate(self) -> None:
        self._titles = {
            "input": self.tr("input x: the outlined step scatters now"),
            "scatter": self.tr("what step i adds: x[i] · w (hatched: cropped)"),
            "output": self.tr("output y: running sums, overlaps add up (bias included)"),
        }
        fg = self.theme.foreground
        # the scatter and the output share one output-step axis (linked): its title once, under the output
        for part, axis in (("input", self.tr("input step")), ("output", self.tr("output step"))):
            self.plots[part].getAxis("bottom").set_title_once(axis, fg)
        self.plots["input"].getAxis("left").set_title_once(self.tr("channel"), fg)  # upright in Chinese
        for part in ("scatter", "output"):
            self.plots[part].getAxis("left").set_title_once(self.tr("filter"), fg)
        self._set_titles()
        self._update_caption()

    def _set_titles(self) -> None:
        width = self.graphics.width() - 24 if self.graphics.width() > 50 else 10_000
        for part, plot in self.plots.items():
            fit_title(plot, self._titles.get(part, ""), self.theme.foreground, self.point_size(1),
                      width - plot.getAxis("left").width())

    def _apply_text_scale(self) -> None:
        """Ticks and axis titles at :meth:`point_size` in the theme's colour; titles wrapped to the plot."""
        fg, pt, scale = self.theme.foreground, self.point_size(), self.state.text_scale
        if (fg, pt) != self._style_key:
            self._style_key = (fg, pt)
            min_px = max(MIN_CELL_FONT_PX, MIN_CELL_FONT_PX * 10 / 11 * scale)  # the diagram's 11 / 20 px
            for grid in self.grids.values():
                grid.texts.min_font_px = min_px
                grid.texts.update()
            font = QFont()
            font.setPointSize(pt)
            metrics = QFontMetricsF(font)
            # two-digit ticks beside a one-line title (an upright Chinese title is one character wide)
            left = math.ceil(metrics.horizontalAdvance("00") + 1.5 * metrics.height() + 12)
            for plot in self.plots.values():
                plot.getAxis("left").setWidth(left)
                for name in ("left", "bottom"):
                    axis = plot.getAxis(name)
                    axis.set_style_once(fg, pt)
                    axis.label.setFont(font)
                    if axis._title_key is not None:  # the title's colour
                        axis.set_title_once(axis._title_key[0], fg)
                    axis._adjustSize()
        self._set_titles()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._set_titles()

    def _update_caption(self) -> None:
        tt = self._trace
        if tt is None:
            self.caption.setText("")
            return
        i = self._step()
        s = tt.spec
        # the layer's call is in the layer panel, the transport and an export's heading: not again here
        self.caption.setText(self.tr(
            "Input step {i} adds x[{i}] · w at output steps {i}·{s} + j·{d} − {crop}; "
            "{n} input steps make {out} output steps.").format(
            i=i, s=s.strides, d=s.dilation_rate, crop=tt.crop, n=tt.steps, out=tt.out_steps))

    # ----------------------------------------------------------------- drawing
    def _apply_theme(self) -> None:
        self.theme = THEMES[self.state.view.theme]
        t = self.theme
        self.graphics.setBackground(t.background)
        cmap = diverging_map(t.colormap)
        for part, grid in self.grids.items():
            grid.set_theme(t)
            grid.set_colormap(cmap)
            self.style_plot(self.plots[part])
            self._outlines[part].setPen(highlight_pen(t))
        self._apply_text_scale()

    def _on_view_changed(self) -> None:
        if THEMES[self.state.view.theme] is not self.theme:
            self._apply_theme()
            self.retranslate()
        self._apply_text_scale()
        if self._trace is not None:
            self._on_trace_changed(self._trace)

    def catch_up(self) -> None:
        if THEMES[self.state.view.theme] is not self.theme:
            self._apply_theme()
            self.retranslate()
        self._apply_text_scale()
        self._on_trace_changed(self.state.transpose_trace)

    def _step(self) -> int:
        tt = self._trace
        return 0 if tt is None else min(self.state.position, tt.steps - 1)

    def _on_trace_changed(self, tt: Conv1DTransposeTrace | None) -> None:
        self._trace = tt
        if tt is None or tt.out_steps == 0:  # e.g. padding='same' with output_padding=0 on one step
            self._trace = None
            for grid in self.grids.values():
                grid.clear()
            for outline in self._outlines.values():
                outline.setPath(QPainterPath())
            self.caption.setText("" if tt is None else self.tr("This Conv1DTranspose has no output steps."))
            return
        n = min(self.state.view.sample, int(tt.x.shape[0]) - 1)
        numbers = self.state.view.show_numbers
        self.grids["input"].set_values(tt.x[n], symmetric_level(tt.x[n]), numbers=numbers)
        self.plots["input"].setXRange(-0.5, tt.steps - 0.5, padding=0.01)
        self.plots["input"].setYRange(-0.5, tt.channels - 0.5, padding=0.02)
        self.plots["input"].getAxis("left").set_ticks_once(_index_ticks(tt.channels))
        self.plots["input"].getAxis("bottom").set_ticks_once(_index_ticks(tt.steps, most=16))
        for part in ("scatter", "output"):
            self.plots[part].setYRange(-0.5, tt.filters - 0.5, padding=0.02)
            self.plots[part].getAxis("left").set_ticks_once(_index_ticks(tt.filters))
        self._out_level = symmetric_level(tt.pre_activation[n])
        lo = min(int(tt.positions(0)[0]), 0)
        hi = max(int(tt.positions(tt.steps - 1)[-1]) + 1, tt.out_steps)
        self._span = (lo, hi)
        for part in ("scatter", "output"):  # whole output steps (cropped ones included), never 0.5
            self.plots[part].getAxis("bottom").set_ticks_once(_index_ticks(hi - lo, most=16, start=lo))
        self.plots["output"].setXRange(lo - 0.5, hi - 0.5, padding=0.01)
        for item in self._crops:
            self.plots["scatter"].removeItem(item)
        self._crops = []
        for a, b in ((lo, 0), (tt.out_steps, hi)):
            if b > a:
                item = QGraphicsRectItem(QRectF(a - 0.5, -0.5, b - a, tt.filters))
                item.setBrush(hatch_brush(self.theme.padding))
                item.setPen(pg.mkPen(self.theme.padding))
                item.setZValue(12)
                self.plots["scatter"].addItem(item)
                self._crops.append(item)
        self._draw_step()

    def _draw_step(self) -> None:
        tt = self._trace
        if tt is None:
            return
        n = min(self.state.view.sample, int(tt.x.shape[0]) - 1)
        i = self._step()
        numbers = self.state.view.show_numbers
        pos = tt.positions(i)
        lo, hi = self._span
        added = np.full((hi - lo, tt.filters), np.nan)
        added[pos - lo] = tt.contribution(n, i)
        self.grids["scatter"].set_values(added, symmetric_level(tt.kernel) * max(float(np.abs(tt.x[n]).max()), 1.0),
                                         start=lo, numbers=numbers)
        sums = tt.partial(n, i)
        reached = np.zeros(tt.out_steps, dtype=bool)
        last = tt.positions(i)
        reached[: max(min(int(last.max()) + 1, tt.out_steps), 0)] = True
        shown = np.broadcast_to(reached[:, None], sums.shape)
        self.grids["output"].set_values(sums, self._out_level, numbers=numbers, shown=shown)
        paths = {part: QPainterPath() for part in self._outlines}
        paths["input"].addRect(QRectF(i - 0.5, -0.5, 1, tt.channels))
        for p in pos.tolist():
            paths["scatter"].addRect(QRectF(p - 0.5, -0.5, 1, tt.filters))
            if 0 <= p < tt.out_steps:
                paths["output"].addRect(QRectF(p - 0.5, -0.5, 1, tt.filters))
        for part, item in self._outlines.items():
            item.setPath(paths[part])
        self._update_caption()

    @property
    def running_sums(self) -> np.ndarray:
        """The output cells shown now (NaN where no input step has reached yet): tests read it."""
        tt = self._trace
        if tt is None:
            return np.zeros((0, 0))
        n = min(self.state.view.sample, int(tt.x.shape[0]) - 1)
        i = self._step()
        sums = tt.partial(n, i)
        reach = min(int(tt.positions(i).max()) + 1, tt.out_steps)
        sums[max(reach, 0):] = np.nan
        return sums
