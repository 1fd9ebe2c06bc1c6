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
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QWidget

from app.state.explorer import CellRef, ExplorerState
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


class SignalView(PictureWidget):
    """Input curves, filter waveforms and output curves on one time axis, following the state."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(state, "signal", parent)
        self.input_plot: pg.PlotItem = self.graphics.addPlot(row=0, col=0)
        self.filter_plot: pg.PlotItem = self.graphics.addPlot(row=1, col=0)
        self.output_plot: pg.PlotItem = self.graphics.addPlot(row=2, col=0)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.graphics.ci.layout.setRowStretchFactor(2, 3)
        for plot in (self.input_plot, self.filter_plot, self.output_plot):
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
        self.input_plot.setTitle(self.tr("input x: one curve per channel (shaded: padding)"))
        self.filter_plot.setTitle(self.tr("filters: each kernel as a small waveform (bold: the current filter)"))
        self.output_plot.setTitle(self.tr("output y: one curve per filter, under the window that computed it"))
        self.input_plot.setLabel("bottom", self.tr("input step"))
        self.filter_plot.setLabel("bottom", self.tr("kernel position (filter after filter)"))
        self._update_caption()

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
        for plot in (self.input_plot, self.filter_plot, self.output_plot):
            self.style_plot(plot)
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
        if self._trace is not None:
            self._draw_curves(self._trace)
            self._on_position_changed()

    def catch_up(self) -> None:
        if THEMES[self.state.view.theme] is not self.theme:
            self._apply_theme()
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
        self.filter_plot.getAxis("bottom").setTicks(
            [[(slot * (k + 1) + j, str(j)) for slot in range(len(drawn)) for j in range(k)]] if len(drawn) * k <= 48
            else None
        )
        self._ensure(self.output_plot, self.output_faint, len(drawn))
        self._ensure(self.output_plot, self.output_curves, len(drawn), static=False)
        for slot, f in enumerate(drawn):
            color = QColor(colors[slot % len(colors)])
            faint = QColor(color)
            faint.setAlpha(70)
            self.output_faint[slot].setData(self._positions, tr.output[n, :, f],
                                            pen=pg.mkPen(faint, width=1))
            self.output_curves[slot].setPen(pg.mkPen(color, width=2))

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
