"""The diagram: input (with padding), filter bank and output, drawn with pyqtgraph.

Every position, padding split and tap comes from the conv_core trace; this
module only maps cells to rectangles.  Items are built when the geometry
changes (shape, orientation, theme) and updated in place on every animation
step, which moves a few rectangles and refreshes one image.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from app.io.numeric import LEVEL_MAX, LEVEL_MIN
from app.state.explorer import CellRef, ExplorerState, cell_fits
from app.views.cell_grid import CellGrid
from app.views.cell_texts import CellTexts, format_value
from app.views.colors import (
    THEMES,
    Theme,
    diverging_map,
    hatch_brush,
    highlight_pen,
    outline_pen,
    padding_pen,
    text_color_for,
)
from app.views.highlight import Highlight, HighlightLayer, describe_cell
from conv_core import Conv1DTrace
from conv_core.filter_bank import FilterBankLayout

__all__ = ["DiagramWidget", "setup_cell_plot"]

MAX_TEXT_CELLS = 900  # per panel; above it the cells are a heat map only
MIN_TEXT_PX = 18.0  # a cell narrower than this on screen hides its number
BIAS_GAP = 0.4  # cells between the last kernel channel and the bias row
EDIT_KEYS = "0123456789.-+"  # typing one of these on a selected cell starts editing it


def bias_row(channels_per_group: int) -> tuple[float, float]:
    """(first j, height) of the bias row under the filter bank, in kernel-panel cells.

    It grows with the bank so it stays visible (and clickable) under 300 channels.
    """
    return channels_per_group + BIAS_GAP, max(1.0, round(channels_per_group * 0.1, 1))


def lr_view(widget: DiagramWidget) -> bool:
    return widget.state.view.orientation == "time_lr"


@dataclass
class _Geometry:
    """What forces a rebuild of items (as opposed to an in-place update)."""

    padded_steps: int
    channels: int
    kernel_size: int
    channels_per_group: int
    filters: int
    out_steps: int
    orientation: str
    theme: str
    show_numbers: bool


def setup_cell_plot(plot: pg.PlotItem) -> pg.PlotItem:
    """A plot of cells: fixed (no mouse pan/zoom, no menu), row 0 at the top, no padding.

    Shared by the diagram, the compare view and the stack view.
    """
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.invertY(True)
    plot.getViewBox().setDefaultPadding(0.0)
    return plot


class _Panel:
    """A PlotItem holding one cell grid (heat map and numbers) and its colour bar."""

    def __init__(self, plot: pg.PlotItem, cmap: pg.ColorMap, theme: Theme, *, outline: bool = False) -> None:
        self.plot = setup_cell_plot(plot)
        vb = plot.getViewBox()
        vb.setAspectLocked(False)
        vb.setDefaultPadding(0.02)
        self.grid = CellGrid(plot, theme, min_px=MIN_TEXT_PX, max_text_cells=MAX_TEXT_CELLS, outline=outline)
        self.image = self.grid.image
        self.texts = self.grid.texts
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=cmap, interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=plot)
        self.level = 1.0

    def set_levels(self, level: float) -> None:
        """Colour scale (-level, level), clamped to what the colour bar's axis can draw.

        pyqtgraph's AxisItem takes ``hi - lo``: over about 8.99e307 it is inf and ``tickValues``
        raises OverflowError inside ``paint``, which PySide6 turns into a segfault; a subnormal
        level gives a zero tick spacing (ZeroDivisionError).  Values beyond the clamped level
        simply saturate the colour map.
        """
        if not math.isfinite(level) or level <= 0:
            level = 1.0
        self.level = min(max(level, LEVEL_MIN), LEVEL_MAX)
        self.colorbar.setLevels((-self.level, self.level))

    def clear_texts(self) -> None:
        self.texts.clear()

    def cell_pixels(self) -> float:
        """On-screen size of one cell, in pixels."""
        vb = self.plot.getViewBox()
        sx, sy = vb.viewPixelSize()
        if sx <= 0 or sy <= 0:
            return 0.0
        return float(min(1.0 / sx, 1.0 / sy))


class DiagramWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph has no type hints
    """Input, filter bank and output of the current trace, animated by the state's position."""

    cellHovered = Signal(str, int, int)  # panel ("input", "kernel", "output"), i, j (logical)
    editRequested = Signal(object, str)  # CellRef to edit, the text typed so far ("" to edit the value)

    def __init__(self, state: ExplorerState, parent: object = None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme: Theme = THEMES[state.view.theme]
        self._cmap = diverging_map(self.theme.colormap)
        self.setBackground(self.theme.background)
        self.ci.setSpacing(6)
        self.input_panel = _Panel(self.addPlot(row=0, col=0), self._cmap, self.theme)
        self.kernel_panel = _Panel(self.addPlot(row=1, col=0), self._cmap, self.theme)
        self.output_panel = _Panel(self.addPlot(row=2, col=0), self._cmap, self.theme, outline=True)
        self.panels = {"input": self.input_panel, "kernel": self.kernel_panel, "output": self.output_panel}
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 2)
        self.ci.layout.setRowStretchFactor(2, 3)
        self._geometry: _Geometry | None = None
        self._hatches: list[QGraphicsRectItem] = []
        self._taps: list[QGraphicsRectItem] = []
        self._active_kernel = self._outline(self.kernel_panel)
        self._current_cell = self._outline(self.output_panel)
        self._window_label = pg.TextItem(anchor=(0.5, 1.0))
        self._window_label.setZValue(25)
        self.input_panel.plot.addItem(self._window_label)
        self._filter_labels: list[pg.TextItem] = []
        self._filter_labels_key: tuple[object, ...] | None = None
        self._axes_key: tuple[object, ...] | None = None
        # bias: one cell per filter in a row under the filter bank
        self.bias_image = pg.ImageItem(axisOrder="row-major")
        self.bias_image.setColorMap(self._cmap)
        self.kernel_panel.plot.addItem(self.bias_image)
        self._bias_frame = self._outline(self.kernel_panel)
        self._bias_frame.setPen(outline_pen(self.theme))
        self._bias_frame.setZValue(-1)
        self._bias_texts = CellTexts(MIN_TEXT_PX)
        self.kernel_panel.plot.addItem(self._bias_texts, ignoreBounds=True)
        self._trace: Conv1DTrace | None = None
        self.highlight_layer = HighlightLayer(self)
        self._apply_theme_to_axes()
        state.traceChanged.connect(self._on_trace_changed)
        state.positionChanged.connect(self._on_position_changed)
        state.viewChanged.connect(self._on_view_changed)
        state.inspectChanged.connect(self._refresh_highlight)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if state.trace is not None:
            self._on_trace_changed(state.trace)

    # ----------------------------------------------------------------- public
    @property
    def tap_rects(self) -> list[QRectF]:
        """Scene-independent rectangles of the visible window taps (for tests and export)."""
        return [r.rect() for r in self._taps if r.isVisible()]

    @property
    def item_count(self) -> int:
        """Graphics items in the scene (the soak test checks it stays constant)."""
        return len(self.scene().items())

    def add_overlay(self, panel: str, item: QGraphicsItem) -> None:
        """Put ``item`` over one panel's cells ("input", "kernel" or "output"), in cell coordinates.

        Views that draw on the diagram (the hover highlight) go through here, never into its plots.
        """
        self.panels[panel].plot.addItem(item)

    def logical_rect(self, i0: float, j0: float, di: float, dj: float) -> QRectF:
        """Cell block (i = time-like index, j = channel-like index) -> view rectangle.

        Cell centres sit on whole numbers so the axis ticks label cells.
        """
        if self.state.view.orientation == "time_lr":
            return QRectF(i0 - 0.5, j0 - 0.5, di, dj)
        return QRectF(j0 - 0.5, i0 - 0.5, dj, di)

    def cell_center(self, i: float, j: float) -> QPointF:
        r = self.logical_rect(i, j, 1, 1)
        return r.center()

    @property
    def highlight(self) -> Highlight:
        """What the hover / pin highlight currently shows (blocks of related cells)."""
        return self.highlight_layer.highlight

    def ref_rect(self, ref: CellRef) -> QRectF:
        """The view rectangle of one cell in its panel (bias: the cell under its filter block)."""
        tr = self._trace
        k = tr.spec.kernel_size if tr is not None else 1
        bank = tr.bank if tr is not None else FilterBankLayout(1, 1)
        if ref.kind == "input":
            return self.logical_rect(ref.step, ref.channel, 1, 1)
        if ref.kind == "kernel":
            return self.logical_rect(bank.x(ref.filter, ref.tap), ref.channel, 1, 1)
        if ref.kind == "bias":
            cg = tr.channels_per_group if tr is not None else 1
            j0, h = bias_row(cg)
            return self.logical_rect(bank.x(ref.filter), j0, k, h)
        return self.logical_rect(ref.step, ref.filter, 1, 1)

    def panel_of(self, ref: CellRef) -> str:
        return "kernel" if ref.kind == "bias" else ref.kind

    def cell_ref(self, panel: str, i: float, j: float) -> CellRef | None:
        """The cell at logical position (i, j) of ``panel`` (whole numbers are cell centres), or None.

        Kernel panel: ``i`` runs over the filter blocks (``f*(kernel_size+1) + tap``), ``j`` over
        the group's channels; ``j`` in the bias row (from ``channels/groups``) names the bias.
        """
        tr = self._trace
        if tr is None:
            return None
        a, b = math.floor(i + 0.5), math.floor(j + 0.5)
        if panel == "input":
            if a in tr.padded_steps and 0 <= b < tr.channels:
                return CellRef("input", step=a, channel=b)
            return None
        if panel == "output":
            if 0 <= a < tr.out_steps and 0 <= b < tr.filters:
                return CellRef("output", step=a, filter=b)
            return None
        cg = tr.channels_per_group
        found = tr.bank.locate(a)
        if found is None:
            return None
        f, tap = found
        if 0 <= b < cg:
            return CellRef("kernel", tap=tap, channel=b, filter=f)
        j0, h = bias_row(cg)
        if tr.spec.use_bias and j0 - 0.5 <= j < j0 - 0.5 + h:
            return CellRef("bias", filter=f)
        return None

    def ref_at(self, scene_pos: QPointF) -> CellRef | None:
        """The cell under a scene position (mouse), or None."""
        for name, panel in self.panels.items():
            vb = panel.plot.getViewBox()
            if not vb.sceneBoundingRect().contains(scene_pos):
                continue
            p = vb.mapSceneToView(scene_pos)
            i, j = (p.x(), p.y()) if self.state.view.orientation == "time_lr" else (p.y(), p.x())
            return self.cell_ref(name, i, j)
        return None

    def hover_cell(self, panel: str, i: int, j: int) -> CellRef | None:
        """Hover the cell at logical (i, j) of ``panel``, as the mouse does; returns the cell."""
        ref = self.cell_ref(panel, i, j)
        self.state.set_hover(ref)
        return ref

    def pin_cell(self, panel: str, i: int, j: int) -> CellRef | None:
        """Pin the cell at logical (i, j) of ``panel``, as a click does."""
        ref = self.cell_ref(panel, i, j)
        self.state.set_pin(ref)
        return ref

    def widget_rect_of(self, ref: CellRef) -> QRect:
        """Where a cell is on screen, in viewport coordinates (for the inline editor and tests)."""
        vb = self.panels[self.panel_of(ref)].plot.getViewBox()
        scene_poly = vb.mapViewToScene(self.ref_rect(ref))
        return QRect(self.mapFromScene(scene_poly).boundingRect())

    def widget_pos_of(self, ref: CellRef) -> QPoint:
        """The centre of a cell in viewport coordinates (where to move the mouse)."""
        return self.widget_rect_of(ref).center()

    # ----------------------------------------------------------------- building
    def _outline(self, panel: _Panel) -> QGraphicsRectItem:
        item = QGraphicsRectItem()
        item.setPen(highlight_pen(self.theme))
        item.setBrush(Qt.BrushStyle.NoBrush)
        item.setZValue(20)
        panel.plot.addItem(item)
        return item

    def _apply_theme_to_axes(self) -> None:
        fg = self.theme.foreground
        if self._axes_key == (fg, self.theme.font_pt):
            return  # each setter below re-lays the axis out; a geometry change alone needs none of it
        self._axes_key = (fg, self.theme.font_pt)
        font = QFont()
        font.setPointSize(self.theme.font_pt)
        for panel in self.panels.values():
            for name in ("left", "bottom"):
                axis = panel.plot.getAxis(name)
                axis.enableAutoSIPrefix(False)  # cell indices, never "(x0.001)"
                axis.setPen(fg)
                axis.setTextPen(fg)
                axis.setTickFont(font)

    def _geometry_of(self, tr: Conv1DTrace) -> _Geometry:
        v = self.state.view
        return _Geometry(
            tr.padded.shape[1], tr.channels, tr.spec.kernel_size, tr.channels_per_group,
            tr.filters, tr.out_steps, v.orientation, v.theme, v.show_numbers,
        )

    def _orient(self, a: np.ndarray) -> np.ndarray:
        """Logical (i, j) array -> row-major image for the current orientation."""
        return a.T if self.state.view.orientation == "time_lr" else a

    def _rebuild(self, tr: Conv1DTrace) -> None:
        geo = self._geometry_of(tr)
        self.theme = THEMES[geo.theme]
        if self.theme.colormap != getattr(self._cmap, "name", ""):
            self._cmap = diverging_map(self.theme.colormap)
            for panel in self.panels.values():
                panel.colorbar.setColorMap(self._cmap)
            self.bias_image.setColorMap(self._cmap)
        self.setBackground(self.theme.background)
        self._apply_theme_to_axes()
        for item in self._hatches + self._taps:
            # PlotItem.removeItem also drops pyqtgraph's own references (plot.items,
            # the view box's list); removing from the scene alone leaked every old item.
            self.input_panel.plot.removeItem(item)
        self._hatches, self._taps = [], []
        # padding hatches (left, right) over the input
        for _ in range(2):
            hatch = QGraphicsRectItem()
            hatch.setBrush(hatch_brush(self.theme.padding))
            hatch.setPen(padding_pen(self.theme))
            hatch.setZValue(10)
            self.input_panel.plot.addItem(hatch)
            self._hatches.append(hatch)
        for _ in range(tr.spec.kernel_size):
            self._taps.append(self._outline(self.input_panel))
        for pen_item in (self._active_kernel, self._current_cell):
            pen_item.setPen(highlight_pen(self.theme))
        self._bias_frame.setPen(outline_pen(self.theme))
        for panel in self.panels.values():
            panel.clear_texts()
            panel.grid.set_theme(self.theme)
            panel.texts.max_pt = max(self.theme.font_pt, 8)
        self._bias_texts.clear()
        self.highlight_layer.apply_theme(self.theme)
        self._geometry = geo

    def _set_ticks(self, tr: Conv1DTrace) -> None:
        """Whole-number ticks on cell centres when there are few cells; automatic otherwise."""
        lr = self.state.view.orientation == "time_lr"
        counts = {
            "input": (tr.padded.shape[1], tr.channels),
            "kernel": (tr.bank.width + 1, tr.channels_per_group),
            "output": (tr.out_steps, tr.filters),
        }
        for name, panel in self.panels.items():
            n_i, n_j = counts[name]
            along = {"bottom": n_i, "left": n_j} if lr else {"bottom": n_j, "left": n_i}
            for axis_name, n in along.items():
                axis = panel.plot.getAxis(axis_name)
                if name == "kernel" and (axis_name == "bottom") == lr and tr.filters * tr.spec.kernel_size <= 48:
                    ticks = [(int(x), str(j)) for x_f in tr.bank.tap_columns() for j, x in enumerate(x_f)]
                    axis.setTicks([ticks, []])
                    continue
                if name == "kernel" and tr.spec.use_bias:  # the channel axis also names the bias row
                    j0, h = bias_row(n)
                    every = 1 if n <= 24 else (5 if n <= 80 else 50)
                    chan_ticks = [(c, str(c)) for c in range(0, n, every)]
                    axis.setTicks([[*chan_ticks, (j0 - 0.5 + h / 2, self.tr("bias"))], []])
                    continue
                if n <= 24:  # label exactly the cells (no tick for the label room above them)
                    first = tr.padded_steps.start if (name == "input" and (axis_name == "bottom") == lr) else 0
                    axis.setTicks([[(c, str(c)) for c in range(first, first + n)], []])
                    continue
                axis.setTicks(None)
                if n <= 80:
                    axis.setTickSpacing(5, 1)
                else:
                    axis.setTickSpacing()

    def _place_filter_labels(self, tr: Conv1DTrace) -> None:
        # Creating a TextItem costs about a millisecond: keep them while nothing they show changes.
        key = (tr.filters, tr.spec.kernel_size, self.state.view.orientation, self.theme.foreground,
               self.theme.font_pt, self.tr("filter {f}"))
        if key == self._filter_labels_key:
            return
        self._filter_labels_key = key
        for t in self._filter_labels:
            self.kernel_panel.plot.removeItem(t)
        self._filter_labels = []
        if tr.filters > 24:
            return
        font = QFont()
        font.setPointSize(self.theme.font_pt)
        for fi in range(tr.filters):
            label = pg.TextItem(self.tr("filter {f}").format(f=fi), color=self.theme.foreground, anchor=(0.5, 1.0))
            label.setFont(font)
            label.setPos(self._edge_point(tr.bank.center(fi), -0.5))
            self.kernel_panel.plot.addItem(label)
            self._filter_labels.append(label)

    def _edge_point(self, i: float, j: float) -> QPointF:
        return QPointF(i, j) if self.state.view.orientation == "time_lr" else QPointF(j, i)

    def _set_axes(self, tr: Conv1DTrace) -> None:
        lr = self.state.view.orientation == "time_lr"
        labels = {
            "input": (self.tr("step"), self.tr("channel")),
            "kernel": (self.tr("tap (one block per filter)"), self.tr("channel")),
            "output": (self.tr("output step"), self.tr("filter")),
        }
        for name, panel in self.panels.items():
            i_label, j_label = labels[name]
            bottom, left = (i_label, j_label) if lr else (j_label, i_label)
            for side, text in (("bottom", bottom), ("left", left)):
                axis = panel.plot.getAxis(side)
                if (axis.labelText, axis.labelStyle.get("color")) != (text, self.theme.foreground):
                    panel.plot.setLabel(side, text, color=self.theme.foreground)

    def _set_titles(self, tr: Conv1DTrace) -> None:
        fg = self.theme.foreground
        size = f"{self.theme.font_pt + 2}pt"
        n = self.state.view.sample
        pad = ""
        if tr.spec.padding != "valid":
            pad = self.tr(" — padding '{p}': {l} zero(s) left, {r} right (hatched)").format(
                p=tr.spec.padding, l=tr.pad_left, r=tr.pad_right
            )
        self.input_panel.plot.setTitle(
            self.tr("Input x[{n}]: {L} steps × {C} channels").format(n=n, L=tr.steps, C=tr.channels) + pad,
            color=fg, size=size,
        )
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        self.kernel_panel.plot.setTitle(
            self.tr("Kernels: {F} filters, each {k} taps × {cg} channels → kernel shape ({k}, {cg}, {F})").format(
                F=tr.filters, k=k, cg=cg
            ),
            color=fg, size=size,
        )
        self.output_panel.plot.setTitle(
            self.tr("Output y[{n}]: {Lout} steps × {F} filters — output shape {shape}").format(
                n=n, Lout=tr.out_steps, F=tr.filters, shape=tr.output_shape
            ),
            color=fg, size=size,
        )

    # ----------------------------------------------------------------- data
    def _kernel_bank(self, tr: Conv1DTrace) -> np.ndarray:
        """The kernel panel's image: filters side by side with NaN gap columns (conv_core's layout)."""
        return tr.bank.spread(tr.kernel)

    def _on_trace_changed(self, tr: Conv1DTrace) -> None:
        self._trace = tr
        if self._geometry != self._geometry_of(tr):
            self._rebuild(tr)
        self._draw_static(tr)
        self._on_position_changed(self.state.position)
        self._fit_views(tr)
        self._refresh_highlight()

    def _fit_views(self, tr: Conv1DTrace) -> None:
        """Show exactly the cells (plus room for labels), whatever text items stick out."""
        label_room = 0.9 if self.state.view.orientation == "time_lr" else 0.0
        drawn = tr.padded_steps
        rects = {
            "input": self.logical_rect(drawn.start, -label_room, len(drawn), tr.channels + label_room),
            "kernel": self.logical_rect(0, -label_room, tr.bank.width,
                                        self._kernel_rows(tr) + label_room),
            "output": self.logical_rect(0, 0, max(tr.out_steps, 1), tr.filters),
        }
        for name, panel in self.panels.items():
            vb = panel.plot.getViewBox()
            vb.disableAutoRange()
            vb.setRange(rect=rects[name], padding=0.01)

    def _kernel_rows(self, tr: Conv1DTrace) -> float:
        """Height of the kernel panel in cells: the channels, plus the bias row when there is one."""
        cg = tr.channels_per_group
        if not tr.spec.use_bias:
            return cg
        j0, h = bias_row(cg)
        return j0 + h

    def _draw_bias(self, tr: Conv1DTrace, level: float) -> None:
        """The bias row: one coloured cell (with its number while it fits) per filter."""
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        visible = tr.spec.use_bias
        self.bias_image.setVisible(visible)
        self._bias_frame.setVisible(visible)
        if not visible:
            self._bias_texts.clear()
            return
        row = tr.bank.spread(np.broadcast_to(tr.bias, (k, 1, tr.filters)))
        j0, h = bias_row(cg)
        self.bias_image.setImage(self._orient(row), autoLevels=False, levels=(-level, level))
        self.bias_image.setRect(self.logical_rect(0, j0, row.shape[0], h))
        self._bias_frame.setRect(self.logical_rect(0, j0, row.shape[0], h))
        if not (self.state.view.show_numbers and tr.filters <= 48):
            self._bias_texts.clear()
            return
        centers = []
        for fi in range(tr.filters):
            c = self.ref_rect(CellRef("bias", filter=fi)).center()
            centers.append((c.x(), c.y()))
        lr = self.state.view.orientation == "time_lr"
        cell = (float(k), h) if lr else (h, float(k))
        self._bias_texts.set_cells(
            [(fi, 0) for fi in range(tr.filters)],
            np.array(centers),
            ["b = " + format_value(float(b)) for b in tr.bias],
            text_color_for(tr.bias, level, self.theme),
            cell,
        )

    def _draw_static(self, tr: Conv1DTrace) -> None:
        n = min(self.state.view.sample, tr.batch - 1)
        lr, numbers = lr_view(self), self.state.view.show_numbers
        padded = tr.padded[n]  # (Lp, C)
        pl = tr.pad_left
        lvl_in = float(np.max(np.abs(padded))) if padded.size else 1.0
        self.input_panel.set_levels(lvl_in)
        self.input_panel.grid.set_values(padded, self.input_panel.level, start=-pl, time_lr=lr, numbers=numbers)
        self._hatches[0].setRect(self.logical_rect(-pl, 0, pl, tr.channels))
        self._hatches[0].setVisible(pl > 0)
        self._hatches[1].setRect(self.logical_rect(tr.steps, 0, tr.pad_right, tr.channels))
        self._hatches[1].setVisible(tr.pad_right > 0)
        bank = self._kernel_bank(tr)
        level = float(np.nanmax(np.abs(bank))) if bank.size else 1.0
        if tr.spec.use_bias and tr.bias.size:
            level = max(level, float(np.max(np.abs(tr.bias))))  # one colour scale for weights and bias
        self.kernel_panel.set_levels(level)
        self.kernel_panel.grid.set_values(bank, self.kernel_panel.level, time_lr=lr, numbers=numbers)
        self._draw_bias(tr, self.kernel_panel.level)
        out = tr.output[n]
        finite = np.abs(out[np.isfinite(out)])  # 'exponential' can overflow to inf, as in Keras
        self.output_panel.set_levels(float(np.max(finite)) if finite.size else 1.0)
        self.output_panel.grid.set_values(out, self.output_panel.level, time_lr=lr, numbers=numbers,
                                          shown=self.state.filled_mask())
        self._set_axes(tr)
        self._set_ticks(tr)
        self._set_titles(tr)
        self._place_filter_labels(tr)
        lr = self.state.view.orientation == "time_lr"
        rows = (tr.channels, math.ceil(self._kernel_rows(tr)), tr.filters) if lr else (
            tr.padded.shape[1], tr.bank.width + 1, max(tr.out_steps, 1))
        for row, n_rows in enumerate(rows):
            self.ci.layout.setRowStretchFactor(row, int(min(max(n_rows, 2), 40)) + 3)

    def _on_view_changed(self) -> None:
        if self._trace is not None:
            self._on_trace_changed(self._trace)

    def _on_position_changed(self, _position: int) -> None:
        tr = self._trace
        if tr is None:
            return
        step, f = self.state.current()
        k = tr.spec.kernel_size
        cg = tr.channels_per_group
        if f is None:
            j0, dj = 0, tr.channels
        else:
            j0, dj = tr.first_channel_of_filter(f), cg
        taps = tr.tap_steps[step] if tr.out_steps else np.zeros(0, dtype=int)
        for rect, i in zip(self._taps, taps, strict=False):
            rect.setRect(self.logical_rect(int(i), j0, 1, dj))
            rect.setVisible(True)
        if len(taps):
            first = self.logical_rect(int(taps[0]), j0, 1, dj)
            self._window_label.setText(
                self.tr("window of y[{t}, :]").format(t=step) if f is None
                else self.tr("window of y[{t}, {f}]").format(t=step, f=f)
            )
            self._window_label.setColor(self.theme.foreground)
            self._window_label.setPos(first.center().x() if not lr_view(self) else first.left() +
                                      (self.logical_rect(int(taps[-1]), j0, 1, dj).right() - first.left()) / 2,
                                      first.top())
        if f is None:
            self._active_kernel.setRect(self.logical_rect(0, 0, tr.bank.width, cg))
            self._current_cell.setRect(self.logical_rect(step, 0, 1, tr.filters))
        else:
            self._active_kernel.setRect(self.logical_rect(tr.bank.x(f), 0, k, cg))
            self._current_cell.setRect(self.logical_rect(step, f, 1, 1))
        self.output_panel.grid.set_shown(self.state.filled_mask())  # numbers appear as cells are computed
        ref = self.state.inspected
        if ref is not None and ref.kind == "kernel":  # a weight's input moves with the window
            self._refresh_highlight()

    # ----------------------------------------------------------------- hover, pin, keys
    def _refresh_highlight(self) -> None:
        tr = self._trace
        ref = self.state.inspected
        if tr is None or ref is None or not cell_fits(ref, tr):
            self.highlight_layer.clear()
            self.viewport().setToolTip("")
            return
        self.highlight_layer.show(tr, ref, self.state.current()[0])
        self.viewport().setToolTip(describe_cell(tr, ref, self.state.view.sample))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        ref = self.ref_at(scene_pos)
        self.state.set_hover(ref)
        if ref is not None:
            self.cellHovered.emit(self.panel_of(ref), *self._logical_index(ref))

    def _logical_index(self, ref: CellRef) -> tuple[int, int]:
        c = self.ref_rect(ref).center()
        i, j = (c.x(), c.y()) if self.state.view.orientation == "time_lr" else (c.y(), c.x())
        return math.floor(i), math.floor(j)

    def _on_mouse_clicked(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        ref = self.ref_at(ev.scenePos())  # type: ignore[attr-defined]
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.state.set_pin(ref)

    def mouseDoubleClickEvent(self, ev: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(ev)
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        ref = self.ref_at(self.mapToScene(ev.position().toPoint()))
        if ref is not None and ref.editable:
            self.state.set_pin(ref)
            self.request_edit(ref)

    def request_edit(self, ref: CellRef, text: str = "") -> bool:
        """Ask for the inline editor on ``ref`` (only editable cells that hold a number)."""
        tr = self._trace
        if tr is None or not ref.editable or not cell_fits(ref, tr):
            return False
        if ref.kind == "input" and tr.is_padding(ref.step):
            return False  # a padding zero is not part of the input
        self.editRequested.emit(ref, text)
        return True

    def leaveEvent(self, ev: QEvent) -> None:
        super().leaveEvent(ev)
        self.state.set_hover(None)

    def _typing_target(self, ev: QKeyEvent) -> CellRef | None:
        ref = self.state.pinned
        if ref is None or not ref.editable:
            return None
        mods = ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return None
        if ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            return ref
        text = ev.text()
        if len(text) == 1 and text in EDIT_KEYS and text != "+":
            return ref
        return None

    def event(self, ev: QEvent) -> bool:
        # Typing a number on a selected cell edits it, even where the key is also a shortcut ('-').
        if (
            ev.type() == QEvent.Type.ShortcutOverride
            and isinstance(ev, QKeyEvent)
            and self._typing_target(ev) is not None
        ):
            ev.accept()
            return True
        return bool(super().event(ev))

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        ref = self._typing_target(ev)
        if ref is not None:
            text = "" if ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) else ev.text()
            if self.request_edit(ref, text):
                ev.accept()
                return
        super().keyPressEvent(ev)
