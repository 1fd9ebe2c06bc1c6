"""The signal view: the layer as curves over time, for learners who think in signals.

Top: every input channel as a curve over the input steps (padding shaded), with the
current window and its taps.  Middle: each filter as a small waveform (its taps per
channel), the current filter drawn bold.  Bottom: each filter's output as a curve on
the *same* time axis as the input: output step ``t`` sits under its window (the
window's centre, or its right edge for 'causal', as Keras aligns it); the part not yet
computed is drawn faint.  Built for long inputs (4,096 steps): curves are set once per
trace, an animation step moves the window and re-slices one curve per filter.

Hovering a curve asks the state to inspect that input or output step
(:meth:`ExplorerState.set_hover`), so the diagram and the other views light it too.

Every text follows the room's text scale (``state.text_scale``, 2 in classroom mode) as the
diagram's does: titles, axis titles and ticks at the theme's size times its square root, tick
labels thinned so none touch, titles wrapped to the plot's width.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QWidget

from app.state.explorer import CellRef, ExplorerState
from app.views.axes import CellAxis, compact_number, fit_title, fitting_tick_spacing, tick_every
from app.views.colors import THEMES, Theme, hatch_brush
from app.views.picture_widget import PictureWidget
from conv_core import Conv1DTrace

__all__ = ["MAX_CURVES", "SignalView", "output_positions"]

MAX_CURVES = 8  # channels / filters drawn as curves (the caption says when more exist)
# Okabe-Ito: colour-blind safe, one per curve.
_PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000")
_PALETTE_DARK = ("#56b4e9", "#e69f00", "#3ddc84", "#f5a3d0", "#ffd166", "#9ad0f5", "#f0e442", "#ffffff")


def output_positions(tr: Conv1DTrace) -> np.ndarray:
    """Where output step ``t`` sits on the input's time axis: conv_core's one rule for every picture
    (:attr:`Conv1DTrace.output_positions`: under its window's centre, or for 'causal' its right edge)."""
    return np.asarray(tr.output_positions)


def _colors(theme: Theme) -> tuple[str, ...]:
    return _PALETTE_DARK if theme.name != "light" else _PALETTE


def _compact_strings(values: list[float], scale: float, _spacing: float) -> list[str]:
    return [compact_number(v * scale) for v in values]


def _signal_axes() -> dict[str, CellAxis]:
    """Left and bottom axes: round ticks that never touch at the current font; values in at most 5 characters."""
    axes = {name: CellAxis(name) for name in ("left", "bottom")}
    for axis in axes.values():
        axis.tickSpacing = fitting_tick_spacing(axis)
    axes["left"].tickStrings = _compact_strings
    return axes


class SignalView(PictureWidget):
    """Input curves, filter waveforms and output curves on one time axis, following the state."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(state, "signal", parent)
        self.input_plot: pg.PlotItem = self.graphics.addPlot(row=0, col=0, axisItems=_signal_axes())
        self.filter_plot: pg.PlotItem = self.graphics.addPlot(row=1, col=0, axisItems=_signal_axes())
        self.output_plot: pg.PlotItem = self.graphics.addPlot(row=2, col=0, axisItems=_signal_axes())
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.graphics.ci.layout.setRowStretchFactor(2, 3)
        self._style_key: tuple[str, int] | None = None
        self._titles: dict[str, str] = {}
        for name, plot in (("input", self.input_plot), ("filters", self.filter_plot), ("output", self.output_plot)):
            plot.setObjectName(f"signal {name}")  # the room audits name its items by it
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
        self.output_plot.setXLink(self.input_plot)
        for plot in (self.input_plot, self.output_plot):
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
        self.input_curves: list[pg.PlotDataItem] = []
        self.filter_curves: list[pg.PlotDataItem] = []
        self.output_faint: list[pg.PlotDataItem] = []
        self.output_curves: list[pg.PlotDataItem] = []
        self._pads = [QGraphicsRectItem() for _ in range(2)]
        for item in self._pads:
            item.setZValue(-5)
            self.input_plot.addItem(item, ignoreBounds=True)
        self.window_region = pg.LinearRegionItem(movable=False)
        self.window_region.setZValue(-3)
        self.input_plot.addItem(self.window_region, ignoreBounds=True)
        self.taps = pg.ScatterPlotItem(size=9, symbol="t")
        self.taps.setZValue(10)
        self.input_plot.addItem(self.taps, ignoreBounds=True)
        self.current_point = pg.ScatterPlotItem(size=11, symbol="o")
        self.current_point.setZValue(10)
        self.output_plot.addItem(self.current_point, ignoreBounds=True)
        self.hover_lines = [pg.InfiniteLine(angle=90, movable=False) for _ in range(2)]
        for line, plot in zip(self.hover_lines, (self.input_plot, self.output_plot), strict=True):
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
        self._trace: Conv1DTrace | None = None
        self._positions = np.zeros(0)
        self._filters_drawn: list[int] = []
        self._future_hidden = False  # predict-then-reveal: the faint whole output would give the answers away
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        state.traceChanged.connect(self.when_shown(self._on_trace_changed))
        state.viewChanged.connect(self.when_shown(self._on_view_changed))
        state.positionChanged.connect(self.when_shown(lambda _p: self._on_position_changed()))
        state.inspectChanged.connect(self.when_shown(self._show_inspected))
        self._apply_theme()
        self.retranslate()
        if state.trace is not None:
            self._on_trace_changed(state.trace)

    # ----------------------------------------------------------------- text
    def retranslate(self) -> None:
        self._titles = {
            "input": self.tr("input x: one curve per channel (shaded: padding)"),
            "filters": self.tr("filters: each kernel as a small waveform (bold: the current filter)"),
            "output": self.tr("output y: one curve per filter, under the window that computed it"),
        }
        fg = self.theme.foreground
        self.input_plot.getAxis("bottom").set_title_once(self.tr("input step"), fg)
        self.filter_plot.getAxis("bottom").set_title_once(self.tr("kernel position (filter after filter)"), fg)
        self._set_titles()
        self._update_caption()

    def _set_titles(self) -> None:
        # a title spans its plot's area (right of the value axis): the graphics' width less the axis and margins
        width = self.graphics.width() - 24 if self.graphics.width() > 50 else 10_000
        for name, plot in (("input", self.input_plot), ("filters", self.filter_plot), ("output", self.output_plot)):
            fit_title(plot, self._titles.get(name, ""), self.theme.foreground, self.point_size(1),
                      width - plot.getAxis("left").width())

    def _apply_text_scale(self) -> None:
        """Axes, axis titles and plot titles at :meth:`point_size` in the theme's colour (memoised)."""
        fg, pt = self.theme.foreground, self.point_size()
        key = (fg, pt)
        if key != self._style_key:
            self._style_key = key
            font = QFont()
            font.setPointSize(pt)
            # one width for the three value axes: the input and output curves share the time axis
            width = int(QFontMetricsF(font).horizontalAdvance("−0.55") + 14)
            for plot in (self.input_plot, self.filter_plot, self.output_plot):
                for name in ("left", "bottom"):
                    axis = plot.getAxis(name)
                    axis.set_style_once(fg, pt)
                    axis.label.setFont(font)
                    axis._adjustSize()
                plot.getAxis("left").setWidth(width)
            for axis_plot, axis_name in ((self.input_plot, "bottom"), (self.filter_plot, "bottom")):
                axis = axis_plot.getAxis(axis_name)
                if axis._title_key is not None:  # the title's colour
                    text, _old = axis._title_key
                    axis.set_title_once(text, fg)
        self._set_titles()
        self._fit_filter_ticks()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._set_titles()
        self._fit_filter_ticks()

    def _update_caption(self) -> None:
        tr = self._trace
        if tr is None:
            self.caption.setText("")
            return
        parts = [self.tr("{steps} input steps, {out} output steps, padding '{padding}'.").format(
            steps=tr.steps, out=tr.out_steps, padding=tr.spec.padding)]
        if tr.channels > MAX_CURVES:
            parts.append(self.tr("Showing {k} of {n} channels.").format(k=MAX_CURVES, n=tr.channels))
        if tr.filters > MAX_CURVES:
            parts.append(self.tr("Showing {k} of {n} filters.").format(k=len(self._filters_drawn), n=tr.filters))
        self.caption.setText(" ".join(parts))

    # ----------------------------------------------------------------- drawing
    def _apply_theme(self) -> None:
        self.theme = THEMES[self.state.view.theme]
        t = self.theme
        self.graphics.setBackground(t.background)
        self._apply_text_scale()
        for item in self._pads:
            item.setBrush(hatch_brush(t.padding))
            item.setPen(pg.mkPen(None))
        fill = QColor(t.highlight)
        fill.setAlpha(60)
        self.window_region.setBrush(fill)
        for line in self.window_region.lines:
            line.setPen(pg.mkPen(t.highlight, width=t.line_width))
        self.taps.setBrush(pg.mkBrush(t.highlight))
        self.taps.setPen(pg.mkPen(t.foreground))
        self.current_point.setBrush(pg.mkBrush(t.highlight))
        self.current_point.setPen(pg.mkPen(t.foreground, width=2))
        for line in self.hover_lines:
            line.setPen(pg.mkPen(t.hover, width=2, style=Qt.PenStyle.DashLine))

    def _on_view_changed(self) -> None:
        if THEMES[self.state.view.theme] is not self.theme:
            self._apply_theme()
            if self._trace is not None:
                self._on_trace_changed(self._trace)
                return
        self._apply_text_scale()
        if self._trace is not None:
            self._draw_curves(self._trace)
            self._on_position_changed()

    def catch_up(self) -> None:
        if THEMES[self.state.view.theme] is not self.theme:
            self._apply_theme()
        self._apply_text_scale()
        if self.state.trace is not None:
            self._on_trace_changed(self.state.trace)

    @staticmethod
    def _ensure(plot: pg.PlotItem, items: list[pg.PlotDataItem], n: int, *, static: bool = True) -> None:
        while len(items) < n:
            item = pg.PlotDataItem()
            if static:  # drawn once per trace: an animation step blits it from the cache
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.addItem(item)
            items.append(item)
        for i, item in enumerate(items):
            item.setVisible(i < n)

    def _on_trace_changed(self, tr: Conv1DTrace) -> None:
        self._trace = tr
        self._positions = output_positions(tr)
        f_now = self.state.current()[1]
        first = 0 if f_now is None else max(0, min(f_now - MAX_CURVES // 2, tr.filters - MAX_CURVES))
        self._filters_drawn = list(range(first, min(first + MAX_CURVES, tr.filters)))
        self._draw_curves(tr)
        pl, pr = tr.pad_left, tr.pad_right
        lo, hi = -pl - 0.5, tr.steps + pr - 0.5
        self._pads[0].setRect(QRectF(-pl - 0.5, -1e6, pl, 2e6))
        self._pads[1].setRect(QRectF(tr.steps - 0.5, -1e6, pr, 2e6))
        for plot in (self.input_plot, self.output_plot):
            plot.setXRange(lo, hi, padding=0.01)
        self._update_caption()
        self._on_position_changed()
        self._show_inspected()

    def _draw_curves(self, tr: Conv1DTrace) -> None:
        colors = _colors(self.theme)
        n = min(self.state.view.sample, tr.batch - 1)
        channels = min(tr.channels, MAX_CURVES)
        self._ensure(self.input_plot, self.input_curves, channels)
        steps = np.arange(tr.steps, dtype=float)
        for c in range(channels):
            self.input_curves[c].setData(steps, tr.x[n, :, c], pen=pg.mkPen(colors[c % len(colors)], width=1))
        self.input_plot.enableAutoRange(axis="y")
        k = tr.spec.kernel_size
        cg = tr.channels_per_group
        drawn = self._filters_drawn
        n_curves = len(drawn) * min(cg, MAX_CURVES)
        self._ensure(self.filter_plot, self.filter_curves, n_curves)
        f_now = self.state.current()[1]
        i = 0
        for slot, f in enumerate(drawn):
            xs = slot * (k + 1) + np.arange(k, dtype=float)
            for c in range(min(cg, MAX_CURVES)):
                bold = f_now is None or f == f_now
                pen = pg.mkPen(colors[(tr.first_channel_of_filter(f) + c) % len(colors)], width=3 if bold else 1)
                self.filter_curves[i].setData(xs, tr.kernel[:, c, f], pen=pen, symbol="o", symbolSize=6 if bold else 3,
                                              symbolBrush=colors[(tr.first_channel_of_filter(f) + c) % len(colors)])
                i += 1
        self._fit_filter_ticks()
        self._ensure(self.output_plot, self.output_faint, len(drawn))
        self._ensure(self.output_plot, self.output_curves, len(drawn), static=False)
        for slot, f in enumerate(drawn):
            color = QColor(colors[slot % len(colors)])
            faint = QColor(color)
            faint.setAlpha(70)
            self.output_faint[slot].setData(self._positions, tr.output[n, :, f],
                                            pen=pg.mkPen(faint, width=1))
            self.output_faint[slot].setVisible(not self._future_hidden)
            self.output_curves[slot].setPen(pg.mkPen(color, width=2))

    def set_future_hidden(self, hidden: bool) -> None:
        """Hide the faint curve of outputs not yet computed (while the class predicts them)."""
        self._future_hidden = hidden
        for slot, curve in enumerate(self.output_faint):
            curve.setVisible(slot < len(self._filters_drawn) and not hidden)

    def _fit_filter_ticks(self) -> None:
        """The kernel positions j under the filter waveforms, thinned to round steps that fit the plot's width."""
        tr = self._trace
        axis = self.filter_plot.getAxis("bottom")
        if tr is None or not self._filters_drawn:
            axis.set_ticks_once(None)
            return
        k, slots = tr.spec.kernel_size, len(self._filters_drawn)
        metrics = QFontMetricsF(axis.style.get("tickFont") or QFont())
        pitch = metrics.horizontalAdvance(str(k - 1)) + metrics.height()
        width = self.filter_plot.getViewBox().width() or self.graphics.width() * 0.9
        fit = int(width // pitch * k // (slots * (k + 1)))  # labels that fit one filter's part
        if fit < 1:
            axis.set_ticks_once([(slot * (k + 1), "0") for slot in range(slots)])
            return
        every = tick_every(k, fit)
        axis.set_ticks_once([(slot * (k + 1) + j, str(j)) for slot in range(slots) for j in range(k) if j % every == 0])

    def _on_position_changed(self) -> None:
        tr = self._trace
        if tr is None or tr.out_steps == 0:
            return
        step, f = self.state.current()
        taps = tr.tap_steps[step]
        self.window_region.setRegion((float(taps[0]) - 0.5, float(taps[-1]) + 0.5))
        n = min(self.state.view.sample, tr.batch - 1)
        shown = [c for c in range(min(tr.channels, MAX_CURVES))]
        if f is not None:
            shown = [c for c in tr.channels_of_filter(f).tolist() if c < MAX_CURVES]
        xs, ys = [], []
        for c in shown:
            for t in taps.tolist():
                xs.append(float(t))
                ys.append(float(tr.padded[n, t + tr.pad_left, c]))
        self.taps.setData(xs, ys)
        filled = self.state.filled_mask()
        pts_x, pts_y = [], []
        for slot, ff in enumerate(self._filters_drawn):
            upto = np.flatnonzero(filled[:, ff])
            m = int(upto[-1]) + 1 if upto.size else 0
            self.output_curves[slot].setData(self._positions[:m], tr.output[n, :m, ff])
            if f is None or ff == f:
                pts_x.append(float(self._positions[step]))
                pts_y.append(float(tr.output[n, step, ff]))
        self.current_point.setData(pts_x, pts_y)

    # ----------------------------------------------------------------- hover
    def ref_at(self, plot: str, x: float, y: float) -> CellRef | None:
        """The input or output cell nearest to the point ``(x, y)`` of the input or output plot."""
        tr = self._trace
        if tr is None:
            return None
        n = min(self.state.view.sample, tr.batch - 1)
        if plot == "input":
            step = int(np.clip(round(x), 0, tr.steps - 1))
            values = tr.x[n, step, : min(tr.channels, MAX_CURVES)]
            return CellRef("input", step=step, channel=int(np.argmin(np.abs(values - y))))
        if plot == "output" and tr.out_steps and self._filters_drawn:
            step = int(np.argmin(np.abs(self._positions - x)))
            values = tr.output[n, step, self._filters_drawn]
            return CellRef("output", step=step, filter=self._filters_drawn[int(np.argmin(np.abs(values - y)))])
        return None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        for name, plot in (("input", self.input_plot), ("output", self.output_plot)):
            if plot.sceneBoundingRect().contains(scene_pos):
                p = plot.getViewBox().mapSceneToView(scene_pos)
                self.state.set_hover(self.ref_at(name, p.x(), p.y()))
                return
        self.state.set_hover(None)

    def leaveEvent(self, ev: QEvent) -> None:
        super().leaveEvent(ev)
        self.state.set_hover(None)

    def _show_inspected(self) -> None:
        tr, ref = self._trace, self.state.inspected
        for line in self.hover_lines:
            line.setVisible(False)
        if tr is None or ref is None:
            return
        if ref.kind == "input":
            self.hover_lines[0].setValue(ref.step)
            self.hover_lines[0].setVisible(True)
            for t in tr.outputs_fed_by(ref.step).tolist()[:1]:
                self.hover_lines[1].setValue(float(self._positions[t]))
                self.hover_lines[1].setVisible(True)
        elif ref.kind == "output" and 0 <= ref.step < tr.out_steps:
            self.hover_lines[1].setValue(float(self._positions[ref.step]))
            self.hover_lines[1].setVisible(True)
            taps = tr.tap_steps[ref.step]
            self.hover_lines[0].setValue(float(taps.mean()))
            self.hover_lines[0].setVisible(True)

    @property
    def hover_positions(self) -> tuple[float | None, float | None]:
        """(input x, output x) of the lit hover lines (None when hidden); tests read them."""
        return tuple(  # type: ignore[return-value]
            float(line.value()) if line.isVisible() else None for line in self.hover_lines
        )
