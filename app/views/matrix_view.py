"""The matrix view: the layer as ``y = C·x̃ + b`` (or ``Cᵀ``), drawn from :mod:`conv_core.matrix`.

The padded input ``x̃`` runs along the top (one column per padded input step, channel
after channel, padding hatched); under it ``C``: one row per output step, each row the
kernel placed at its window, so dilation holes and stride shifts are plain to see.  To
the right ``+ b`` and ``= y``.  In one-filter mode ``C`` holds the current filter's rows,
in all-filters mode the whole block matrix.  With *Cᵀ* the picture is transposed: the
output vector runs along the top and ``Cᵀ·y`` (what the matching Conv1DTranspose
computes from it) down the right.

The current row follows the state's position; hovering an entry, a column of ``x̃`` or a
row's output asks the state to inspect the same weight, input or output
(:meth:`ExplorerState.set_hover`), so the diagram lights it; the diagram's hover lights
the matching row, column or entries here.  Long inputs show a window of rows that
follows the animation.

Every text follows the room's text scale (``state.text_scale``, 2 in classroom mode) as the
diagram's does: axis titles and ticks at the theme's size times its square root (a vertical
Chinese title upright), tick labels thinned so none touch, numbers in cells not below 11 px
(20 px in classroom mode), and the fixed rows and columns (the vector, ``+ b``, ``= y``) sized
for that text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app.state.explorer import CellRef, ExplorerState
from app.views.axes import CellAxis, tick_every
from app.views.cell_grid import CellGrid
from app.views.cell_texts import format_value
from app.views.colors import THEMES, diverging_map, hatch_brush, highlight_pen
from app.views.picture_widget import PictureWidget, symmetric_level
from conv_core import Conv1DTrace, Conv1DTransposeTrace
from conv_core.matrix import NO_TAP, ConvMatrix, conv_matrix, conv_transpose_matrix

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "MatrixPicture", "MatrixView", "matrix_picture"]

MAX_ROWS = 48  # rows of C drawn at once; longer layers show a window that follows the animation
MAX_COLUMNS = 480  # columns of C drawn at once (channels beyond are left out, and the note says so)
SIDE_PX = 46  # least width of the bias and result columns (they grow with the text)
MIN_CELL_FONT_PX = 11.0  # a number needing a smaller font is not drawn (20 px in classroom: text scale 2)
CELL_TEXT_MAX_PT = 12.0  # largest number font at text scale 1 (grows with it)
PLOT_NAMES = {"top": "matrix vector", "body": "matrix C", "bias": "matrix bias", "side": "matrix result"}


@dataclass(frozen=True, eq=False)
class MatrixPicture:
    """What the matrix view draws (Qt-free, so tests read it directly).

    Four parts, in picture cells: ``top`` the vector multiplied (along the top), ``body``
    the matrix as drawn (``C``, or ``Cᵀ`` when ``transposed``; NaN on structural zeros),
    ``bias`` (one per body row, None under Cᵀ) and ``side`` the result (one per body row).
    ``filters``/``rows`` and ``channels``/``columns`` say which rows and columns of ``C``
    are drawn (long layers show a window), ``taps`` the tap at each drawn entry of ``C``
    (:data:`~conv_core.matrix.NO_TAP` for a structural zero).
    """

    top: np.ndarray
    body: np.ndarray
    bias: np.ndarray | None
    side: np.ndarray
    taps: np.ndarray  # (n_rows, n_cols) of the drawn part of C
    filters: tuple[int, ...]  # C's block rows drawn
    rows: range  # output steps drawn (per filter)
    channels: tuple[int, ...]  # C's block columns drawn
    columns: range  # padded steps drawn (per channel)
    padded_columns: np.ndarray  # (n_cols,) True on a padding column
    pad_left: int
    transposed: bool
    total_rows: int
    total_channels: int
    layer_transposed: bool = False  # a Conv1DTranspose layer: the top runs over its input, the side its output

    @property
    def n_rows(self) -> int:
        """Rows of C drawn."""
        return len(self.filters) * len(self.rows)

    @property
    def n_cols(self) -> int:
        """Columns of C drawn."""
        return len(self.channels) * len(self.columns)

    def row_of(self, f: int, step: int) -> int | None:
        """C's drawn row of output ``step`` of filter ``f`` (None when not drawn)."""
        if f not in self.filters or step not in self.rows:
            return None
        return self.filters.index(f) * len(self.rows) + self.rows.index(step)

    def col_of(self, channel: int, step: int) -> int | None:
        """C's drawn column of signed input ``step`` of ``channel`` (None when not drawn)."""
        p = step + self.pad_left
        if channel not in self.channels or p not in self.columns:
            return None
        return self.channels.index(channel) * len(self.columns) + self.columns.index(p)

    def output_at(self, row: int) -> tuple[int, int]:
        """(filter, step) of C's drawn row ``row``."""
        return self.filters[row // len(self.rows)], self.rows[row % len(self.rows)]

    def input_at(self, col: int) -> tuple[int, int]:
        """(channel, signed step) of C's drawn column ``col``."""
        return self.channels[col // len(self.columns)], self.columns[col % len(self.columns)] - self.pad_left

    def body_cell(self, row: int, col: int) -> tuple[int, int]:
        """Picture (x, y) in the body of C's entry ``(row, col)``."""
        return (row, col) if self.transposed else (col, row)


def _window(current: int, total: int, size: int) -> range:
    """``size`` consecutive indices out of ``total`` that contain ``current`` (pages of half a window)."""
    if total <= size:
        return range(total)
    half = max(size // 2, 1)
    start = min(max((current // half) * half - half // 2, 0), total - size)
    return range(start, start + size)


@dataclass(frozen=True)
class _Drawn:
    """Which rows and columns of C a picture draws (a window of long layers)."""

    filters: tuple[int, ...]
    rows: range
    channels: tuple[int, ...]
    columns: range


def _drawn(cm: ConvMatrix, step: int, f_now: int | None, own_channels: set[int]) -> _Drawn:
    """The rows of filter ``f_now`` (all filters when None) around ``step``, and the columns they touch."""
    if f_now is None:
        filters = tuple(range(min(cm.filters, 8)))
        per = max(4, MAX_ROWS // len(filters))
    else:
        filters, per = (f_now,), MAX_ROWS
    rows = _window(step, cm.rows, per)
    lo, hi = 0, cm.padded_steps
    if len(rows) < cm.rows:
        keff = cm.dilation_rate * (cm.kernel_size - 1) + 1
        lo, hi = rows.start * cm.strides, min((rows.stop - 1) * cm.strides + keff, cm.padded_steps)
    columns = range(lo, hi)
    order = sorted(range(cm.channels), key=lambda c: (c not in own_channels, c))  # the filters' own first
    channels = tuple(sorted(order[: max(1, MAX_COLUMNS // max(len(columns), 1))]))
    return _Drawn(filters, rows, channels, columns)


def _cells(cm: ConvMatrix, d: _Drawn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(entries with NaN on structural zeros, taps, padding mask per column) of the drawn part of C."""
    nr, nc = len(d.rows), len(d.columns)
    matrix = np.full((len(d.filters) * nr, len(d.channels) * nc), np.nan)
    taps = np.full(matrix.shape, NO_TAP, dtype=np.intp)
    rows, cols = slice(d.rows.start, d.rows.stop), slice(d.columns.start, d.columns.stop)
    grid_taps = cm.tap_grid(rows)[:, cols]
    hit = grid_taps != NO_TAP
    for a, f in enumerate(d.filters):
        for b, c in enumerate(d.channels):
            if cm.reads_channel(f, c):
                block = cm.block(f, c, rows)[:, cols]
                matrix[a * nr : (a + 1) * nr, b * nc : (b + 1) * nc][hit] = block[hit]
                taps[a * nr : (a + 1) * nr, b * nc : (b + 1) * nc] = grid_taps
    return matrix, taps, np.concatenate([cm.padding_columns[cols]] * len(d.channels))


def matrix_picture(tr: Conv1DTrace, current: tuple[int, int | None], *, sample: int = 0,
                   transposed: bool = False) -> tuple[MatrixPicture, ConvMatrix]:
    """The cells of the matrix view for the trace ``tr`` at position ``current`` = (step, filter or None)."""
    cm = conv_matrix(tr.spec, tr.steps, tr.kernel)
    step, f_now = current
    own = {tr.first_channel_of_filter(f) + c for f in ((f_now,) if f_now is not None else range(min(tr.filters, 8)))
           for c in range(tr.channels_per_group)}
    d = _drawn(cm, step, f_now, own)
    matrix, taps, padded = _cells(cm, d)
    n = min(sample, tr.batch - 1)
    vec_x = np.concatenate([tr.padded[n, d.columns.start : d.columns.stop, c] for c in d.channels])
    vec_y = np.concatenate([tr.output[n, d.rows.start : d.rows.stop, f] for f in d.filters])
    if transposed:
        # Cᵀ·y: what the Conv1DTranspose with this kernel computes from the output (no bias, no activation)
        top, body, bias, side = vec_y, matrix.T, None, np.nan_to_num(matrix).T @ vec_y
    else:
        use = tr.spec.use_bias
        bias = np.concatenate([np.full(len(d.rows), tr.bias[f]) for f in d.filters]) if use else None
        top, body, side = vec_x, matrix, vec_y
    pic = MatrixPicture(top, body, bias, side, taps, d.filters, d.rows, d.channels, d.columns, padded, cm.pad_left,
                        transposed, cm.rows, tr.channels)
    return pic, cm


def transpose_layer_picture(tt: Conv1DTransposeTrace, step: int, *, sample: int = 0
                            ) -> tuple[MatrixPicture, ConvMatrix]:
    """A Conv1DTranspose layer as ``y = Cᵀ·x + b``: C's rows are its input steps, its columns the output's.

    ``step`` is the input step scattering now (the state's position in that mode).  Columns that
    Keras crops ('same') or that only ``output_padding`` adds show as padding.
    """
    cm = conv_transpose_matrix(tt.spec, tt.steps, tt.kernel)
    d = _drawn(cm, step, None, set(range(cm.channels)))
    matrix, taps, padded = _cells(cm, d)
    n = min(sample, int(tt.x.shape[0]) - 1)
    vec_x = np.concatenate([tt.x[n, d.rows.start : d.rows.stop, c] for c in d.filters])
    out = np.full((cm.padded_steps, tt.filters), np.nan)
    out[cm.pad_left : cm.pad_left + tt.out_steps] = tt.output[n]
    side = np.concatenate([out[d.columns.start : d.columns.stop, f] for f in d.channels])
    bias = None
    if tt.spec.use_bias:
        bias = np.concatenate([np.full(len(d.columns), tt.bias[f]) for f in d.channels])
    pic = MatrixPicture(vec_x, matrix.T, bias, side, taps, d.filters, d.rows, d.channels, d.columns, padded,
                        cm.pad_left, True, cm.rows, cm.channels, layer_transposed=True)
    return pic, cm


def _without_future(pic: MatrixPicture, filled: np.ndarray) -> MatrixPicture:
    """``pic`` with the output values not yet computed (``filled``: (out_steps, filters)) left blank (NaN)."""
    if filled.size == 0:
        return pic
    mask = np.concatenate([filled[pic.rows.start : pic.rows.stop, f] for f in pic.filters])
    part = "top" if pic.transposed else "side"  # Cᵀ·y reads y along the top
    values = getattr(pic, part).astype(float, copy=True)
    values[~mask] = np.nan
    return replace(pic, **{part: values})


PARTS = ("top", "body", "bias", "side")


class MatrixView(PictureWidget):
    """``y = C·x̃ + b`` for the state's trace, hover-linked to the diagram through the state."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(state, "matrix", parent)
        self.transpose_box = QCheckBox()
        self.transpose_box.setObjectName("matrix_transpose")
        self.transpose_box.toggled.connect(lambda _on: self.refresh())
        self.caption_row.addWidget(self.transpose_box)
        # beside the caption while both fit one line; under it in a narrow view (the matrix beside the diagram)
        self.box_row = QHBoxLayout()
        self.box_row.setContentsMargins(6, 0, 6, 0)
        self.box_row.addStretch(1)
        column = self.layout()
        assert isinstance(column, QVBoxLayout)  # PictureWidget's: the caption row over the graphics
        column.insertLayout(1, self.box_row)
        self.graphics.ci.setSpacing(4)
        spots = {"top": (0, 0), "body": (1, 0), "bias": (1, 1), "side": (1, 2)}
        self.plots: dict[str, pg.PlotItem] = {}
        self.grids: dict[str, CellGrid] = {}
        self._current: dict[str, QGraphicsPathItem] = {}
        self._hover: dict[str, QGraphicsPathItem] = {}
        cmap = diverging_map(self.theme.colormap)
        for part, (row, col) in spots.items():
            plot = self.graphics.addPlot(row=row, col=col, axisItems={n: CellAxis(n) for n in ("left", "top")})
            plot.setObjectName(PLOT_NAMES[part])  # the room audits name its items by it
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.invertY(True)
            plot.getViewBox().setDefaultPadding(0.0)
            plot.hideAxis("bottom")
            if part != "body":
                plot.hideAxis("left")
            self.plots[part] = plot
            self.grids[part] = CellGrid(plot, self.theme, cmap, min_px=16.0, max_text_cells=1200, outline=True)
            for store, z in ((self._current, 20), (self._hover, 21)):
                item = QGraphicsPathItem()
                item.setZValue(z)
                plot.addItem(item)
                store[part] = item
        self.plots["top"].showAxis("left")
        self.plots["top"].getAxis("left").set_ticks_once([])
        self.plots["top"].showAxis("top")
        self.plots["top"].setXLink(self.plots["body"])
        for part in ("body", "bias", "side"):
            self.plots[part].showAxis("top")
            if part != "body":
                self.plots[part].setYLink(self.plots["body"])
                self.plots[part].getAxis("top").set_ticks_once([])
        self.plots["body"].getAxis("top").set_ticks_once([])
        self.graphics.ci.layout.setColumnStretchFactor(0, 1)
        self._sizes_key: tuple[str, int, float] | None = None
        self._side_key: tuple[int, int] | None = None
        self._ticks: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])  # (position, step)
        self.plots["body"].getViewBox().sigResized.connect(lambda *_: self._fit_ticks())
        self._hatches: list[tuple[str, QGraphicsRectItem]] = []
        self._blocks = QGraphicsPathItem()  # lines between the blocks of filters and channels
        self._blocks.setZValue(14)
        self.plots["body"].addItem(self._blocks)
        self.picture: MatrixPicture | None = None
        self._cm: ConvMatrix | None = None
        self._future_hidden = False  # predict-then-reveal: y's rows not yet computed stay blank
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        state.traceChanged.connect(self.when_shown(lambda _tr: self.refresh()))
        state.transposeChanged.connect(self.when_shown(lambda _tt: self.refresh()))
        state.viewChanged.connect(self.when_shown(self._on_view_changed))
        state.positionChanged.connect(self.when_shown(lambda _p: self._on_position_changed()))
        state.positionChanged.connect(self.when_shown(self._refresh_if_hiding_future))
        state.inspectChanged.connect(self.when_shown(self._show_inspected))
        self._apply_theme()
        self.retranslate()
        self.refresh()

    # ----------------------------------------------------------------- text
    def retranslate(self) -> None:
        self.transpose_box.setText(self.tr("Show Cᵀ (transpose)"))
        self.transpose_box.setToolTip(self.tr(
            "Cᵀ maps the output back to the input's length: it is the matrix of the Conv1DTranspose "
            "with the same kernel, strides, padding and dilation."))
        self._set_titles()
        self._update_caption()

    def _set_titles(self) -> None:
        pic = self.picture
        transposed = pic is not None and pic.transposed
        layer_t = pic is not None and pic.layer_transposed
        names = {"top": "y" if transposed else "x̃", "body": "Cᵀ" if transposed else "C",
                 "bias": "" if transposed else "+ b", "side": "= Cᵀy" if transposed else "= y"}
        if layer_t:
            names = {"top": "x", "body": "Cᵀ", "bias": "+ b", "side": "= y"}
        color = self.theme.foreground
        for part, name in names.items():
            axis = self.plots[part].getAxis("top" if part != "body" else "left")
            if part == "body":
                axis.set_title_once(self.tr("input step") if transposed and not layer_t else self.tr("output step"),
                                    color)
            else:
                axis.set_title_once(name, color)
        self._size_side_columns()
        self._fit_ticks()

    def _update_caption(self) -> None:
        pic = self.picture
        if pic is None:
            self.caption.setText("")
            return
        if pic.layer_transposed:
            text = self.tr("y = Cᵀ·x + b: Conv1DTranspose is the transpose of a Conv1D's matrix C. Each column "
                           "is one input step scattering the kernel; rows are output steps (hatched: cropped "
                           "by padding or added by output_padding).")
        elif pic.transposed:
            text = self.tr("Cᵀ·y: the transposed matrix maps the output back to the input's steps, as "
                           "Conv1DTranspose does. Columns are output steps, rows input steps (hatched: padding).")
        else:
            text = self.tr("y = C·x̃ + b: one row per output step, one column per input step (hatched: "
                           "padding). Each row is the kernel placed at its window.")
        if len(pic.rows) < pic.total_rows:
            text += " " + self.tr("Showing output steps {a}–{b} of {n}.").format(
                a=pic.rows.start, b=pic.rows.stop - 1, n=pic.total_rows)
        tr = self.state.trace
        if not pic.layer_transposed and tr is not None and len(pic.filters) > 1 and len(pic.filters) < tr.filters:
            text += " " + self.tr("Showing {k} of {n} filters.").format(k=len(pic.filters), n=tr.filters)
        if len(pic.channels) < pic.total_channels:
            text += " " + self.tr("Showing {k} of {n} channels.").format(k=len(pic.channels), n=pic.total_channels)
        self.caption.setText(text)
        self._place_transpose_box()

    # ----------------------------------------------------------------- drawing
    def _apply_theme(self) -> None:
        self.theme = THEMES[self.state.view.theme]
        t = self.theme
        self.graphics.setBackground(t.background)
        cmap = diverging_map(t.colormap)
        for part, grid in self.grids.items():
            grid.set_theme(t)
            grid.set_colormap(cmap)
            self._current[part].setPen(highlight_pen(t))
            self._hover[part].setPen(highlight_pen(t, t.hover))
        self._blocks.setPen(pg.mkPen(t.foreground, width=1.5))
        self._apply_text_scale()
        self._set_titles()

    def _apply_text_scale(self) -> None:
        """Axes, titles, numbers and the fixed rows and columns sized for the room's text (memoised)."""
        fg, pt, scale = self.theme.foreground, self.point_size(), self.state.text_scale
        key = (fg, pt, scale)
        if key == self._sizes_key:
            return
        self._sizes_key = key
        font = QFont()
        font.setPointSize(pt)
        metrics = QFontMetricsF(font)
        line = metrics.height()
        for plot in self.plots.values():
            for name in ("left", "top"):
                axis = plot.getAxis(name)
                axis.set_style_once(fg, pt)
                axis.label.setFont(font)
                if axis._title_key is not None:
                    axis.set_title_once(axis._title_key[0], fg)
        min_px = max(MIN_CELL_FONT_PX, MIN_CELL_FONT_PX * 10 / 11 * scale)
        for grid in self.grids.values():
            grid.texts.min_font_px = min_px
            grid.texts.max_pt = CELL_TEXT_MAX_PT * scale
            grid.texts.update()
        # the top axes beside C: one line of title, equal heights keep the rows aligned
        title_h = math.ceil(line + 6)
        for part in ("body", "bias", "side"):
            self.plots[part].getAxis("top").setHeight(title_h)
        # the vector along the top: its ticks, its title and one row of cells tall enough for a number
        top_axis = math.ceil(2 * line + 10)
        self.plots["top"].getAxis("top").setHeight(top_axis)
        self.graphics.ci.layout.setRowFixedHeight(0, top_axis + math.ceil(max(min_px / 0.6, line * 1.2)))
        # the left axes over and beside C: row ticks and a title, equal widths keep the columns aligned
        left = math.ceil(metrics.horizontalAdvance("−888") + 12 + line + 6)
        for part in ("top", "body"):
            self.plots[part].getAxis("left").setWidth(left)
        self._size_side_columns()
        self._fit_ticks()

    def _size_side_columns(self) -> None:
        """``+ b`` and ``= y`` as wide as their widest number at the numbers' least size, and their titles."""
        pic = self.picture
        number = QFont()
        number.setPixelSize(math.ceil(self.grids["side"].texts.min_font_px))
        title = QFont()
        title.setPointSize(self.point_size())
        widths = {}
        for part, values in (("bias", None if pic is None else pic.bias), ("side", None if pic is None else pic.side)):
            strings = [format_value(v) for v in values.tolist()] if values is not None and len(values) else ["−0.25"]
            name = self.plots[part].getAxis("top")._title_key
            widths[part] = max(SIDE_PX,
                               math.ceil(max(QFontMetricsF(number).horizontalAdvance(t) for t in strings) / 0.9 + 6),
                               math.ceil(QFontMetricsF(title).horizontalAdvance(name[0] if name else "") + 8))
        key = (widths["bias"] if pic is not None and pic.bias is not None else 0, widths["side"])
        if key != self._side_key:  # re-setting a column's width re-lays the whole picture out
            self._side_key = key
            self.graphics.ci.layout.setColumnFixedWidth(1, key[0])
            self.graphics.ci.layout.setColumnFixedWidth(2, key[1])

    def _on_view_changed(self) -> None:
        if THEMES[self.state.view.theme] is not self.theme:
            self._apply_theme()
        self._apply_text_scale()
        self.refresh()
        self._place_transpose_box()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._place_transpose_box()

    def _place_transpose_box(self) -> None:
        """The Cᵀ box beside the caption when the caption fits one line beside it, else on a row under it."""
        metrics = self.caption.fontMetrics()
        one_line = metrics.horizontalAdvance(self.caption.text()) + self.transpose_box.sizeHint().width() + 30
        beside = one_line <= self.width()
        row = self.caption_row if beside else self.box_row
        if row.indexOf(self.transpose_box) >= 0:
            return
        (self.box_row if beside else self.caption_row).removeWidget(self.transpose_box)
        row.addWidget(self.transpose_box) if beside else row.insertWidget(0, self.transpose_box)

    def set_future_hidden(self, hidden: bool) -> None:
        """Leave the outputs not yet computed blank in ``y`` (while the class predicts them)."""
        if hidden != self._future_hidden:
            self._future_hidden = hidden
            if self.isVisible():
                self.refresh()

    def _refresh_if_hiding_future(self, _position: int) -> None:
        if self._future_hidden:  # the next output joins y
            self.refresh()

    def catch_up(self) -> None:
        self._on_view_changed()

    def refresh(self) -> None:
        """Rebuild the cells for the current trace, mode, sample and position (at most a few thousand cells)."""
        tr, tt = self.state.trace, self.state.transpose_trace
        layer_t = self.state.layer_kind == "Conv1DTranspose"
        with QSignalBlocker(self.transpose_box):  # a Conv1DTranspose layer is always drawn as Cᵀ
            self.transpose_box.setEnabled(not layer_t)
            if layer_t:
                self.transpose_box.setChecked(True)
        if (tt is None or tt.out_steps == 0) if layer_t else (tr is None or tr.out_steps == 0):
            self.picture = None
            for grid in self.grids.values():
                grid.clear()
            self._update_caption()
            return
        if tt is not None:
            pic, cm = transpose_layer_picture(tt, self.state.position, sample=self.state.view.sample)
        else:
            assert tr is not None
            pic, cm = matrix_picture(tr, self.state.current(), sample=self.state.view.sample,
                                     transposed=self.transpose_box.isChecked())
        if self._future_hidden and tt is None:
            pic = _without_future(pic, self.state.filled_mask())
        self.picture, self._cm = pic, cm
        numbers = self.state.view.show_numbers
        parts = {"top": pic.top[:, None], "body": pic.body.T, "bias": None if pic.bias is None else pic.bias[None, :],
                 "side": pic.side[None, :]}
        for part, values in parts.items():
            grid = self.grids[part]
            if values is None:
                grid.clear()
                self.plots[part].setVisible(False)
                continue
            self.plots[part].setVisible(True)
            grid.set_values(values, symmetric_level(values), numbers=numbers)
        self._draw_static(pic)
        self._set_titles()
        self._update_caption()
        self._on_position_changed()
        self._show_inspected()
        w, h = pic.body.shape[1], pic.body.shape[0]
        self.plots["body"].setRange(xRange=(-0.5, w - 0.5), yRange=(-0.5, h - 0.5), padding=0)
        self.plots["top"].setYRange(-0.5, 0.5, padding=0)
        for part in ("bias", "side"):
            self.plots[part].setXRange(-0.5, 0.5, padding=0)

    def _draw_static(self, pic: MatrixPicture) -> None:
        for part, item in self._hatches:
            self.plots[part].removeItem(item)
        self._hatches = []
        runs: list[tuple[int, int]] = []
        for i, pad in enumerate(pic.padded_columns.tolist()):
            if pad and runs and runs[-1][1] == i:
                runs[-1] = (runs[-1][0], i + 1)
            elif pad:
                runs.append((i, i + 1))
        targets = ("top", "body") if not pic.transposed else ("body", "side")
        for a, b in runs:
            for part in targets:
                length = pic.body.shape[0] if not pic.transposed else pic.body.shape[1]
                if not pic.transposed:
                    rect = QRectF(a - 0.5, -0.5, b - a, 1 if part == "top" else length)
                else:
                    rect = QRectF(-0.5, a - 0.5, 1 if part == "side" else length, b - a)
                item = QGraphicsRectItem(rect)
                item.setBrush(hatch_brush(self.theme.padding))
                item.setPen(pg.mkPen(None))
                item.setZValue(12)
                self.plots[part].addItem(item)
                self._hatches.append((part, item))
        lines = QPainterPath()
        h, w = pic.body.shape
        per_row, per_col = len(pic.rows), len(pic.columns)
        row_cuts = [r * per_row for r in range(1, len(pic.filters))]
        col_cuts = [c * per_col for c in range(1, len(pic.channels))]
        across_cuts, down_cuts = (row_cuts, col_cuts) if pic.transposed else (col_cuts, row_cuts)
        for x in across_cuts:
            lines.moveTo(x - 0.5, -0.5)
            lines.lineTo(x - 0.5, h - 0.5)
        for y in down_cuts:
            lines.moveTo(-0.5, y - 0.5)
            lines.lineTo(w - 0.5, y - 0.5)
        self._blocks.setPath(lines)
        # column ticks: signed input steps (or output steps under Cᵀ); row ticks: the other
        in_ticks = [(i, pic.input_at(i)[1]) for i in range(pic.n_cols)]
        out_ticks = [(i, pic.output_at(i)[1]) for i in range(pic.n_rows)]
        self._ticks = (out_ticks, in_ticks) if pic.transposed else (in_ticks, out_ticks)
        self._fit_ticks()

    def _fit_ticks(self) -> None:
        """Column and row ticks at round steps of the step they name, as many as fit without touching."""
        across, down = self._ticks
        vb = self.plots["body"].getViewBox()
        axis = self.plots["top"].getAxis("top")
        metrics = QFontMetricsF(axis.style.get("tickFont") or QFont())
        n_cols, n_rows = max(len(across), 1), max(len(down), 1)
        widest = max((metrics.horizontalAdvance(str(v)) for _, v in across), default=0.0)
        col_px = vb.width() / n_cols if vb.width() > 0 else 0.0
        row_px = vb.height() / n_rows if vb.height() > 0 else 0.0
        col_every = _round_every(widest + metrics.height() * 0.6, col_px)
        row_every = _round_every(metrics.height() * 1.1, row_px)
        axis.set_ticks_once(_spaced([(i, v) for i, v in across if v % col_every == 0],
                                    (widest + metrics.height() * 0.6) / col_px if col_px > 0 else 1.0))
        left = self.plots["body"].getAxis("left")
        left.set_ticks_once([(i, str(v)) for i, v in down if v % row_every == 0])
        # the row title (rotated, or upright in Chinese) only where it fits beside the rows; the caption says it too
        if left._title_key is not None:
            title = left._title_key[0]
            length = (len(title) * metrics.height() if left._upright else metrics.horizontalAdvance(title)) + 4
            fits = vb.height() >= length
            if left.label.isVisible() != fits:
                left.showLabel(fits)

    def _on_position_changed(self) -> None:
        pic = self.picture
        if pic is None:
            return
        step, f = (self.state.position, None) if pic.layer_transposed else self.state.current()
        if step not in pic.rows or (f is not None and f not in pic.filters):
            self.refresh()  # the window follows the animation
            return
        rows = [pic.row_of(ff, step) for ff in (pic.filters if f is None else (f,))]
        self._set_paths(self._current, self._row_rects(pic, [r for r in rows if r is not None]))

    def _row_rects(self, pic: MatrixPicture, rows: list[int]) -> dict[str, list[QRectF]]:
        """A row of C with its bias and result (a column with its vector entry under Cᵀ)."""
        out: dict[str, list[QRectF]] = {p: [] for p in PARTS}
        for r in rows:
            if pic.transposed:
                out["body"].append(QRectF(r - 0.5, -0.5, 1, pic.n_cols))
                out["top"].append(QRectF(r - 0.5, -0.5, 1, 1))
            else:
                out["body"].append(QRectF(-0.5, r - 0.5, pic.n_cols, 1))
                out["bias"].append(QRectF(-0.5, r - 0.5, 1, 1))
                out["side"].append(QRectF(-0.5, r - 0.5, 1, 1))
        return out

    def _col_rects(self, pic: MatrixPicture, col: int) -> dict[str, list[QRectF]]:
        """A column of C with its input (a row with its result under Cᵀ)."""
        out: dict[str, list[QRectF]] = {p: [] for p in PARTS}
        if pic.transposed:
            out["body"].append(QRectF(-0.5, col - 0.5, pic.n_rows, 1))
            out["side"].append(QRectF(-0.5, col - 0.5, 1, 1))
        else:
            out["body"].append(QRectF(col - 0.5, -0.5, 1, pic.n_rows))
            out["top"].append(QRectF(col - 0.5, -0.5, 1, 1))
        return out

    @staticmethod
    def _set_paths(items: dict[str, QGraphicsPathItem], rects: dict[str, list[QRectF]]) -> None:
        for part, item in items.items():
            path = QPainterPath()
            for rect in rects.get(part, []):
                path.addRect(rect)
            item.setPath(path)

    # ----------------------------------------------------------------- hover
    def ref_at(self, part: str, x: int, y: int) -> CellRef | None:
        """The state's cell behind cell (x, y) of one part: an input, a weight, a bias or an output."""
        pic = self.picture
        if pic is None or pic.layer_transposed:  # the Conv1DTranspose picture explains itself (no grid to light)
            return None
        h, w = pic.body.shape
        if part == "top" and 0 <= x < w:
            if pic.transposed:
                f, step = pic.output_at(x)
                return CellRef("output", step=step, filter=f)
            return self._input_ref(pic, x)
        if part in ("bias", "side") and 0 <= y < h:
            if pic.transposed:
                return self._input_ref(pic, y) if part == "side" else None
            f, step = pic.output_at(y)
            return CellRef("bias", filter=f) if part == "bias" else CellRef("output", step=step, filter=f)
        if part == "body" and 0 <= x < w and 0 <= y < h:
            row, col = (x, y) if pic.transposed else (y, x)
            return self._entry_ref(pic, row, col)
        return None

    def _input_ref(self, pic: MatrixPicture, col: int) -> CellRef:
        c, step = pic.input_at(col)
        return CellRef("input", step=step, channel=c)

    def _entry_ref(self, pic: MatrixPicture, row: int, col: int) -> CellRef | None:
        tap = int(pic.taps[row, col])
        if tap == NO_TAP:
            return None
        f, _ = pic.output_at(row)
        c, _ = pic.input_at(col)
        tr = self.state.trace
        cg = tr.channels_per_group if tr is not None else 1
        return CellRef("kernel", tap=tap, channel=c % cg, filter=f)

    def part_at(self, scene_pos: QPointF) -> tuple[str, int, int] | None:
        """(part, x, y) of the cell under a scene point, or None."""
        for part, plot in self.plots.items():
            if plot.isVisible() and plot.getViewBox().sceneBoundingRect().contains(scene_pos):
                p = plot.getViewBox().mapSceneToView(scene_pos)
                return part, int(np.floor(p.x() + 0.5)), int(np.floor(p.y() + 0.5))
        return None

    def scene_pos_of(self, part: str, x: int, y: int) -> QPointF:
        """Scene point at the centre of cell (x, y) of ``part`` (tests move the mouse there)."""
        return QPointF(self.plots[part].getViewBox().mapViewToScene(QPointF(x, y)))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        hit = self.part_at(scene_pos)
        self.state.set_hover(None if hit is None else self.ref_at(*hit))

    def _on_mouse_clicked(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        hit = self.part_at(ev.scenePos())  # type: ignore[attr-defined]
        self.state.set_pin(None if hit is None else self.ref_at(*hit))

    def leaveEvent(self, ev: QEvent) -> None:
        super().leaveEvent(ev)
        self.state.set_hover(None)

    def inspected_rects(self) -> dict[str, list[QRectF]]:
        """Rectangles lit for the state's inspected cell, per part (tests read them)."""
        pic, ref, tr = self.picture, self.state.inspected, self.state.trace
        empty: dict[str, list[QRectF]] = {p: [] for p in PARTS}
        if pic is None or ref is None or tr is None:
            return empty
        if ref.kind == "output":
            row = pic.row_of(ref.filter, ref.step)
            return empty if row is None else self._row_rects(pic, [row])
        if ref.kind == "input":
            col = pic.col_of(ref.channel, ref.step)
            return empty if col is None else self._col_rects(pic, col)
        if ref.kind == "bias" and pic.bias is not None:
            rows = [pic.row_of(ref.filter, t) for t in pic.rows]
            empty["bias"] = [QRectF(-0.5, r - 0.5, 1, 1) for r in rows if r is not None]
            return empty
        if ref.kind == "kernel" and ref.filter in pic.filters:
            cg = tr.channels_per_group
            channel = tr.first_channel_of_filter(ref.filter) + ref.channel
            for row in range(pic.n_rows):
                if pic.output_at(row)[0] != ref.filter:
                    continue
                for hit in np.flatnonzero(pic.taps[row] == ref.tap).tolist():
                    if pic.input_at(hit)[0] == channel and ref.channel < cg:
                        x, y = pic.body_cell(row, hit)
                        empty["body"].append(QRectF(x - 0.5, y - 0.5, 1, 1))
        return empty

    def _show_inspected(self) -> None:
        self._set_paths(self._hover, self.inspected_rects())


def _spaced(ticks: list[tuple[int, int]], cells: float) -> list[tuple[int, str]]:
    """``ticks`` at least ``cells`` apart; where two blocks meet, the next block's first label wins."""
    kept: list[tuple[int, int]] = []
    for i, v in ticks:
        if kept and i - kept[-1][0] < cells:
            if v == 0:
                kept[-1] = (i, v)
            continue
        kept.append((i, v))
    return [(i, str(v)) for i, v in kept]


def _round_every(label_px: float, cell_px: float) -> int:
    """A round step (1, 2, 5, 10, ...) of cells between labels ``label_px`` long on cells ``cell_px`` apart."""
    if cell_px <= 0:
        return 1_000_000  # not laid out yet: no labels rather than a pile
    return tick_every(10**6, max(1, int(10**6 * cell_px / label_px)))
