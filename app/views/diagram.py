"""The diagram: input (with padding), output and filter bank on one time axis, drawn with pyqtgraph.

Every position, padding split and tap comes from the conv_core trace; this module only maps
cells to rectangles.  **One time axis**: the input and the output share the time axis in input
coordinates (the output plot's time range is linked to the input's), so output ``t`` is drawn
under its window at ``trace.output_positions[t]``, spaced by the stride; steps no output reads
are greyed, and the output slots not computed yet are outlined from the start.  The current
filter's weights sit inside the window as a translucent overlay while the filter bank stays
visible; a filter's window, output row and bias share a colour tag.  Above
:data:`MAX_BANK_FILTERS` filters the bank shows the selected filter large plus a numbered
thumbnail strip of all of them.

Items are built when the geometry changes (shape, orientation, theme) and updated in place on
every animation step, which moves a few rectangles; axes, ticks and titles are set only when
their values change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape as _escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPicture,
    QResizeEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QLabel

from app.io.numeric import LEVEL_MAX, LEVEL_MIN
from app.state.explorer import CellRef, ExplorerState, cell_fits
from app.views.axes import CellAxis, compact_number, has_cjk, index_ticks, remember_tick_layout
from app.views.cell_grid import CellGrid
from app.views.cell_texts import CellTexts, format_value
from app.views.colors import (
    FILTER_TAGS,
    THEMES,
    Theme,
    cell_pen,
    diverging_map,
    highlight_pen,
    outline_pen,
    padding_pen,
    tag_color,
    text_color_for,
)
from app.views.highlight import Highlight, HighlightLayer, describe_cell, dropped_path
from conv_core import PADDINGS, Conv1DTrace, FilterBankLayout, padding_amounts

__all__ = ["MAX_BANK_FILTERS", "DiagramWidget", "setup_cell_plot", "stale_settings"]

MAX_TEXT_CELLS = 900  # per panel; above it the cells are a heat map only
MIN_TEXT_PX = 18.0  # a cell narrower than this on screen hides its number
MIN_CELL_FONT_PX = 11.0  # a number needing a smaller font hides (20 px in classroom mode: text_scale 2)
CELL_TEXT_MAX_PT = 200.0  # numbers follow the cell (45 % of its height), in every mode
BIAS_GAP = 0.4  # cells between the last kernel channel and the bias row (the colour tags sit there)
TAG_ROOM = 0.45  # cells left of the time axis's first step, for the output rows' colour tags
EDIT_KEYS = "0123456789.-+"  # typing one of these on a selected cell starts editing it
MAX_BANK_FILTERS = 12  # above it: the selected filter large and a numbered thumbnail strip
ACROSS_TICKS = 8  # at most this many labels across channels / filters (a short axis: no overprinting)
CLASSROOM_LABEL_PT = 11  # classroom labels grow from this in every theme: 16 pt (21 px) at text_scale 2
KERNEL_CELL_SHARE = 0.6  # classroom: a bank cell's height over an input or output cell's (its weights
# also show inside the window; the input and output numbers are what the class reads)
CLASSROOM_SHORT_FRACTION = 1.0  # classroom: a 20 px number may fill a short cell (its digits' ink is 15 px)
MAX_ROW_SHARE = 40  # classroom: a panel's height grows with its rows up to this many (as the stretch factors)
QT_MAX_SIZE = 3.4028234663852886e38  # QGraphicsGridLayout's "no maximum"
LAYER_ORDER = ("filters", "kernel_size", "strides", "padding", "dilation_rate", "groups", "use_bias",
               "activation", "data_format")


def bias_row(channels_per_group: int) -> tuple[float, float]:
    """(first j, height) of the bias row under the filter bank, in kernel-panel cells.

    It grows with the bank so it stays visible (and clickable) under 300 channels.
    """
    return channels_per_group + BIAS_GAP, max(1.0, round(channels_per_group * 0.1, 1))


def lr_view(widget: DiagramWidget) -> bool:
    return widget.state.view.orientation == "time_lr"


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


#: A filter's window weights: tap and input channel of each weight, its "×w" text, white text per padded input cell.
_FilterWeights = tuple[np.ndarray, np.ndarray, list[str], np.ndarray]


def stale_settings(layer: dict[str, object], input_shape: tuple[int, int, int], tr: Conv1DTrace) -> list[str]:
    """What the picture shows where the requested setting differs: ``["kernel_size=3", ...]``.

    The requested ``layer`` and ``input_shape`` (batch, steps, channels) are compared with the
    last valid trace the diagram still draws.
    """
    shown = []
    for key in LAYER_ORDER:
        if key in layer and layer[key] != getattr(tr.spec, key):
            shown.append(f"{key}={_show(getattr(tr.spec, key))}")
    drawn = (tr.batch, tr.steps, tr.channels)
    if tuple(input_shape) != drawn:
        shown.append(f"input shape {drawn}")
    return shown


#: The diagram's height (px) from which the input's title keeps one height under every padding.
STEADY_TITLE_MIN_HEIGHT = 850


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


def _cell_axes() -> dict[str, CellAxis]:
    return {name: CellAxis(name) for name in ("left", "bottom")}


def _cell_plot() -> pg.PlotItem:
    """A plot with cell axes and no context menu (never built: ``setup_cell_plot`` turns menus off anyway)."""
    return pg.PlotItem(axisItems=_cell_axes(), enableMenu=False)


def setup_cell_plot(plot: pg.PlotItem) -> pg.PlotItem:
    """A plot of cells: fixed (no mouse pan/zoom, no menu), row 0 at the top, no padding.

    Shared by the diagram, the compare view and the stack view.
    """
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.invertY(True)
    plot.getViewBox().setDefaultPadding(0.0)
    for side in ("top", "right"):
        # hidden, but pyqtgraph still re-sets their unit label (an HTML layout each) on every range change
        plot.getAxis(side).enableAutoSIPrefix(False)
    return plot


def _compact_tick_strings(values: list[float], scale: float, spacing: float) -> list[str]:
    return [compact_number(v * scale) for v in values]


def nice_step(raw: float) -> float:
    """The smallest 1, 2 or 5 x 10^n at least ``raw`` (> 0).

    >>> [nice_step(x) for x in (0.3, 1.0, 1.2, 4.9, 7.0, 420.0)]
    [0.5, 1.0, 2.0, 5.0, 10.0, 500.0]
    """
    decade = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * decade >= raw * (1 - 1e-9):
            return m * decade
    return 10.0 * decade


def _fitting_spacing(axis: pg.AxisItem) -> object:
    """A colour bar's tick spacing: as many labels as fit its height without touching (a short bar: 0 alone)."""

    def spacing(lo: float, hi: float, size: float) -> list[tuple[float, float]]:
        span = hi - lo
        if not (span > 0 and math.isfinite(span)) or size <= 0:
            return [(1.0, 0.0)]
        font = axis.style.get("tickFont") or QFont()
        pitch = QFontMetricsF(font).height() * 1.25  # a label's height and a gap
        fit = int(size // pitch)
        if fit < 2:
            return [(nice_step(span * 1.01), 0.0)]  # only the middle (0) of a symmetric scale
        return [(nice_step(span / (fit - 1)), 0.0)]

    return spacing


def measure_axis(axis: pg.AxisItem) -> None:
    """Size an axis for its tick labels now, as its next paint would (so the layout is right at once)."""
    if not axis.isVisible():
        return
    picture = QPicture()
    painter = QPainter(picture)
    try:
        font = axis.style.get("tickFont")
        if font is not None:
            painter.setFont(font)
        axis.generateDrawSpecs(painter)
    finally:
        painter.end()


class _Panel:
    """A PlotItem holding one cell grid (heat map and numbers) and its colour bar."""

    def __init__(self, plot: pg.PlotItem, cmap: pg.ColorMap, theme: Theme, *, outline: bool = False) -> None:
        self.plot = setup_cell_plot(plot)
        vb = plot.getViewBox()
        vb.setAspectLocked(False)
        vb.setDefaultPadding(0.02)
        self.grid = CellGrid(plot, theme, min_px=MIN_TEXT_PX, max_text_cells=MAX_TEXT_CELLS, outline=outline)
        self.grid.texts.max_pt = CELL_TEXT_MAX_PT
        self.image = self.grid.image
        self.texts = self.grid.texts
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=cmap, interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=plot)
        # Labels in a compact form (1k, −500, 0.05) and an axis wide enough for five characters:
        # a label is never cut, and the three bars keep one width so the plots line up.
        self.colorbar.axis.tickStrings = _compact_tick_strings
        self.colorbar.axis.tickSpacing = _fitting_spacing(self.colorbar.axis)
        for side in ("left", "right", "top", "bottom"):
            axis = self.colorbar.getAxis(side)
            remember_tick_layout(axis)
            axis.enableAutoSIPrefix(False)  # no unit label is shown: its scale is 1 either way
        self.level = 1.0
        self._bar_key: tuple[str, int] | None = None  # (colour, point size) the bar was styled for

    def style_colorbar(self, theme: Theme, point_size: int) -> None:
        if self._bar_key == (theme.foreground, point_size):
            return
        self._bar_key = (theme.foreground, point_size)
        axis = self.colorbar.axis
        font = QFont()
        font.setPointSize(point_size)
        axis.setTickFont(font)
        axis.setTextPen(theme.foreground)
        axis.setPen(theme.foreground)
        from PySide6.QtGui import QFontMetricsF

        axis.setWidth(int(QFontMetricsF(font).horizontalAdvance("−0.025") + 12))

    def set_levels(self, level: float) -> None:
        """Colour scale (-level, level), clamped to what the colour bar's axis can draw.

        pyqtgraph's AxisItem takes ``hi - lo``: over about 8.99e307 it is inf and ``tickValues``
        raises OverflowError inside ``paint``, which PySide6 turns into a segfault; a subnormal
        level gives a zero tick spacing (ZeroDivisionError).  Values beyond the clamped level
        simply saturate the colour map.
        """
        if not math.isfinite(level) or level <= 0:
            level = 1.0
        level = min(max(level, LEVEL_MIN), LEVEL_MAX)
        if level == self.level and self.colorbar.levels() == (-level, level):
            return  # re-setting the same levels re-lays the bar's axis out
        self.level = level
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


def _free_title_width(label: pg.LabelItem) -> None:
    """Let a plot title be narrower than its text (pyqtgraph's LabelItem.updateMin pins the width)."""

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

    if getattr(label, "_free_width", False):
        label.updateMin()
        return
    label._free_width = True
    label.updateMin = update_min
    update_min()


class DiagramWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph has no type hints
    """Input, output and filter bank of the current trace on one time axis, animated by the position."""

    cellHovered = Signal(str, int, int)  # panel ("input", "kernel", "output"), i, j (logical)
    editRequested = Signal(object, str)  # CellRef to edit, the text typed so far ("" to edit the value)

    def __init__(self, state: ExplorerState, parent: object = None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme: Theme = THEMES[state.view.theme]
        self._cmap = diverging_map(self.theme.colormap)
        self.setBackground(self.theme.background)
        self.ci.setSpacing(6)
        self._margins = self.ci.layout.getContentsMargins()
        self._compact_chrome = False  # the classroom layout's chrome (_set_chrome)
        self.ci.setMaximumSize(16777215, 16777215)  # the view's size decides, never the titles' text
        self.input_panel = _Panel(_cell_plot(), self._cmap, self.theme)
        self.output_panel = _Panel(_cell_plot(), self._cmap, self.theme, outline=True)
        self.kernel_panel = _Panel(_cell_plot(), self._cmap, self.theme)
        self.panels = {"input": self.input_panel, "kernel": self.kernel_panel, "output": self.output_panel}
        # the thumbnail strip of a large bank (every filter, numbered; click one to show it large)
        self.strip_plot = setup_cell_plot(_cell_plot())
        self.strip_plot.getViewBox().setDefaultPadding(0.01)
        self.strip_image = pg.ImageItem(axisOrder="row-major")
        self.strip_image.setColorMap(self._cmap)
        self.strip_plot.addItem(self.strip_image)
        self._strip_frame = QGraphicsRectItem()
        self._strip_frame.setZValue(20)
        self.strip_plot.addItem(self._strip_frame)
        self.strip_plot.hideAxis("left")
        self._placement: tuple[str, bool] | None = None
        self._geometry: _Geometry | None = None
        self._large = False
        self._selected = 0  # the filter a large bank shows
        self._hatches: list[QGraphicsRectItem] = []  # the dashed edges of the left and right padding
        for _ in range(2):
            hatch = QGraphicsRectItem()
            hatch.setBrush(Qt.BrushStyle.NoBrush)
            hatch.setZValue(10)
            self.input_panel.plot.addItem(hatch)
            self._hatches.append(hatch)
        self._taps: list[QGraphicsRectItem] = []
        self._active_kernel = self._outline(self.kernel_panel)
        self._current_cell = self._outline(self.output_panel)
        self._window_label = pg.TextItem(anchor=(0.5, 1.0))
        self._window_label.setZValue(25)
        self._window_x = 0.0  # where the window label would sit: over the window's middle
        self.input_panel.plot.addItem(self._window_label)
        # the window's whole span (dashed, so dilation holes read as holes) and its weights
        self._window_span = QGraphicsRectItem()
        self._window_span.setZValue(19)
        self.input_panel.plot.addItem(self._window_span)
        self._window_weights = CellTexts(MIN_TEXT_PX * 1.5, CELL_TEXT_MAX_PT)
        self._window_weights.corner = True
        self._window_weights.height_fraction = 0.27
        self._window_weights.setZValue(24)
        self.input_panel.plot.addItem(self._window_weights, ignoreBounds=True)
        self._weights_key: tuple[object, ...] | None = None
        # what the bias row and the strip show (see _set_image): item id -> (key, source values)
        self._images: dict[int, tuple[tuple[object, ...], np.ndarray]] = {}
        self._filter_weights_memo: tuple[Conv1DTrace | None, object, _FilterWeights] = (
            None, None, (np.zeros(0, dtype=int), np.zeros(0, dtype=int), [], np.zeros((0, 0), dtype=bool)))
        self._style_key: tuple[object, ...] | None = None  # what the window's colours were drawn for
        # steps no output reads (greyed always) and the output slots (outlined before they fill)
        self._dropped = QGraphicsPathItem()
        self._dropped.setZValue(12)
        self.input_panel.plot.addItem(self._dropped)
        self._slots = QGraphicsPathItem()
        self._slots.setZValue(2)
        self._slots.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.output_panel.plot.addItem(self._slots)
        # colour tags: one colour per filter on its output row and between its block and its bias
        # (filled paths, one per colour: they stay sharp and identical in PNG, SVG and PDF)
        self.tag_items: dict[str, list[QGraphicsPathItem]] = {"output": [], "kernel": []}
        for panel, items in self.tag_items.items():
            for color in FILTER_TAGS:
                item = QGraphicsPathItem()
                item.setZValue(3)
                item.setBrush(QBrush(QColor(color)))
                item.setPen(Qt.PenStyle.NoPen)
                self.panels[panel].plot.addItem(item)
                items.append(item)
        # the padding hatch: thin diagonal lines (a pattern brush is drawn differently by every viewer)
        self._hatch_lines = QGraphicsPathItem()
        self._hatch_lines.setZValue(10)
        self.input_panel.plot.addItem(self._hatch_lines)
        self._filter_labels: list[pg.TextItem] = []
        self._filter_labels_key: tuple[object, ...] | None = None
        self._titles: dict[str, tuple[str, str, str, bool]] = {}
        self._wrapped: dict[tuple[str, float, str], list[str]] = {}  # (title, width, font) -> its lines
        self._rows_key: tuple[int, ...] | None = None  # the classroom row heights last set (_size_rows)
        # bias: one cell per filter in a row under the filter bank
        self.bias_image = pg.ImageItem(axisOrder="row-major")
        self.bias_image.setColorMap(self._cmap)
        self.kernel_panel.plot.addItem(self.bias_image)
        self._bias_frame = self._outline(self.kernel_panel)
        self._bias_frame.setPen(outline_pen(self.theme))
        self._bias_frame.setZValue(-1)
        self._bias_texts = CellTexts(MIN_TEXT_PX, CELL_TEXT_MAX_PT)
        self.kernel_panel.plot.addItem(self._bias_texts, ignoreBounds=True)
        self._trace: Conv1DTrace | None = None
        self.highlight_layer = HighlightLayer(self)
        # an invalid setting washes the picture and says which setting it still shows
        self._stale = QLabel(self.viewport())
        self._stale.setObjectName("stale_stamp")
        self._stale.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stale.setWordWrap(True)
        self._stale.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._stale.hide()
        self._place_panels()
        self._apply_text_scale()
        # a plot that changes size inside an unchanged widget (a title wraps, an axis grows) refits too
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self._refit_titles)
        for cell_panel in self.panels.values():
            cell_panel.plot.getViewBox().sigResized.connect(self._refit_timer.start)
        state.traceChanged.connect(self._on_trace_changed)
        state.positionChanged.connect(self._on_position_changed)
        state.viewChanged.connect(self._on_view_changed)
        state.inspectChanged.connect(self._refresh_highlight)
        state.errorChanged.connect(self._on_error_changed)
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

    @property
    def large_bank(self) -> bool:
        """True when the bank shows one filter large and the others as numbered thumbnails."""
        return self._large

    @property
    def selected_filter(self) -> int:
        """The filter a large bank shows large (follows the current filter; a thumbnail click picks one)."""
        return self._selected

    @property
    def stale_text(self) -> str:
        """The stamp over the picture while the setting is invalid ('' when it is valid)."""
        return self._stale.text() if self._stale.isVisible() else ""

    def add_overlay(self, panel: str, item: QGraphicsItem) -> None:
        """Put ``item`` over one panel's cells ("input", "kernel" or "output"), in cell coordinates.

        Views that draw on the diagram (the hover highlight) go through here, never into its plots.
        """
        self.panels[panel].plot.addItem(item)

    def logical_rect(self, i0: float, j0: float, di: float, dj: float) -> QRectF:
        """Cell block (i = time-like index, j = channel-like index) -> view rectangle.

        Cell centres sit on whole numbers so the axis ticks label cells.  The input panel's ``i`` is
        the signed input step; the output panel draws in the same coordinates (see :meth:`output_rect`).
        """
        if self.state.view.orientation == "time_lr":
            return QRectF(i0 - 0.5, j0 - 0.5, di, dj)
        return QRectF(j0 - 0.5, i0 - 0.5, dj, di)

    def output_rect(self, t0: int, f0: int, nt: int = 1, nf: int = 1) -> QRectF:
        """Output steps ``t0 .. t0+nt-1`` of filters ``f0 .. f0+nf-1``, on the input's time axis.

        Output ``t`` is centred on ``trace.output_positions[t]`` (under its window) and is
        ``strides`` input steps wide, so the outputs of a stride space out like their windows.
        """
        tr = self._trace
        if tr is None or tr.out_steps == 0:
            return self.logical_rect(t0, f0, nt, nf)
        s = tr.spec.strides
        first = float(tr.output_positions[0]) + t0 * s - (s - 1) / 2
        return self.logical_rect(first, f0, nt * s, nf)

    def kernel_rect(self, f: int, tap0: int, ntaps: int, c0: float, nc: float) -> QRectF:
        """Taps ``tap0 ..`` of filter ``f`` over channels ``c0 ..`` (within the group) in the bank.

        An empty rectangle when a large bank does not show filter ``f`` large.
        """
        x = self._kernel_x(f, tap0)
        if x is None:
            return QRectF()
        return self.logical_rect(x, c0, ntaps, nc)

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
        if ref.kind == "input":
            return self.logical_rect(ref.step, ref.channel, 1, 1)
        if ref.kind == "kernel":
            return self.kernel_rect(ref.filter, ref.tap, 1, ref.channel, 1)
        if ref.kind == "bias":
            cg = tr.channels_per_group if tr is not None else 1
            j0, h = bias_row(cg)
            return self.kernel_rect(ref.filter, 0, k, j0, h)
        return self.output_rect(ref.step, ref.filter)

    def panel_of(self, ref: CellRef) -> str:
        return "kernel" if ref.kind == "bias" else ref.kind

    def cell_ref(self, panel: str, i: float, j: float) -> CellRef | None:
        """The cell with indices (i, j) of ``panel`` (whole numbers; a half rounds up), or None.

        Input: ``i`` is the signed input step; output: ``i`` is the output step ``t``; kernel: ``i``
        runs over the filter blocks (``f*(kernel_size+1) + tap``), ``j`` over the group's channels;
        ``j`` in the bias row (from ``channels/groups``) names the bias.
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
        tr = self._trace
        for name, panel in self.panels.items():
            vb = panel.plot.getViewBox()
            if tr is None or not vb.sceneBoundingRect().contains(scene_pos):
                continue
            p = vb.mapSceneToView(scene_pos)
            i, j = (p.x(), p.y()) if self.state.view.orientation == "time_lr" else (p.y(), p.x())
            if name == "output":  # view position on the input's time axis -> output step
                if tr.out_steps == 0:
                    return None
                i = (i - float(tr.output_positions[0])) / tr.spec.strides
            elif name == "kernel" and self._large:  # the selected filter's taps start at 0
                tap = math.floor(i + 0.5)
                if not 0 <= tap < tr.spec.kernel_size:
                    return None
                i = tr.bank.x(self._selected, tap)
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

    def scene_x_of_input(self, position: float) -> float:
        """Scene x (time_lr) or y (keras_rows) of a signed input position: where a time sits on screen."""
        vb = self.input_panel.plot.getViewBox()
        p = vb.mapViewToScene(self.logical_rect(position, 0, 0, 0).topLeft() + QPointF(0.5, 0.5))
        return float(p.x() if lr_view(self) else p.y())

    def scene_x_of_output(self, t: int) -> float:
        """Scene x (time_lr) or y (keras_rows) of output step ``t``'s centre."""
        vb = self.output_panel.plot.getViewBox()
        p = vb.mapViewToScene(self.output_rect(t, 0).center())
        return float(p.x() if lr_view(self) else p.y())

    def select_filter(self, f: int) -> None:
        """Show filter ``f`` large (a large bank); in one-filter mode the window moves to it too."""
        tr = self._trace
        if tr is None or not 0 <= f < tr.filters:
            return
        step, current = self.state.current()
        if current is not None and current != f:
            self.state.set_position(f * tr.out_steps + step)  # _on_position_changed follows
            return
        if f != self._selected:
            self._selected = f
            self._draw_kernel(tr)
            self._on_position_changed(self.state.position)
            self._refresh_highlight()

    # ----------------------------------------------------------------- building
    def _outline(self, panel: _Panel) -> QGraphicsRectItem:
        item = QGraphicsRectItem()
        item.setPen(highlight_pen(self.theme))
        item.setBrush(Qt.BrushStyle.NoBrush)
        item.setZValue(20)
        panel.plot.addItem(item)
        return item

    def _place_panels(self) -> None:
        """Time left to right: input, bank, output (and the strip of a large bank) in one column.
        Keras rows: input, bank and output side by side, time top to bottom.  The output's time
        range follows the input's, so a time sits at the same screen position in both."""
        lr = lr_view(self)
        key = (self.state.view.orientation, self._large)
        if key == self._placement:
            return
        self._placement = key
        plots = [self.input_panel.plot, self.kernel_panel.plot, self.output_panel.plot, self.strip_plot]
        for plot in plots:
            if plot in self.ci.items:
                self.ci.removeItem(plot)
        out_vb, in_vb = self.output_panel.plot.getViewBox(), self.input_panel.plot.getViewBox()
        out_vb.setXLink(None)
        out_vb.setYLink(None)
        layout = self.ci.layout
        # A used row or column needs a stretch (0 pins it to its preferred size); an emptied one gets 0.
        # (Qt keeps a removed row's stretch: reset all four rows and columns the layouts use.)
        for n in range(4):
            layout.setRowStretchFactor(n, 1 if (lr or n == 0) else 0)
            layout.setColumnStretchFactor(n, 1 if (n == 0 or (not lr and n < 3)) else 0)
        if lr:
            for row, plot in enumerate(plots[:3]):
                self.ci.addItem(plot, row=row, col=0)
            if self._large:
                self.ci.addItem(self.strip_plot, row=3, col=0)
            out_vb.setXLink(in_vb)
        else:
            for col, plot in enumerate(plots[:3]):
                self.ci.addItem(plot, row=0, col=col)
            if self._large:
                self.ci.addItem(self.strip_plot, row=1, col=0, colspan=3)
            out_vb.setYLink(in_vb)
        self.strip_plot.setVisible(self._large)
        layout.invalidate()
        self.ci.setGeometry(self.range)  # the moved plots share the whole view again (as a resize does)

    def point_size(self, extra: int = 0) -> int:
        """A diagram label's point size: the theme's (plus ``extra``) grown with the room's text scale.

        Labels (axes, titles, filter and window labels) grow by the square root of ``state.text_scale``:
        in classroom mode (scale 2) an 11 pt label becomes 16 pt (21 px, above the 20 px the back row
        needs), in every theme; doubling them took half the diagram's height at 1280x800 and left the
        cells, whose numbers are what the class reads, a few pixels tall.  Cell numbers follow the cells.
        """
        base = self.theme.font_pt if not self.classroom else min(self.theme.font_pt, CLASSROOM_LABEL_PT)
        return max(1, round((base + extra) * math.sqrt(self.state.text_scale)))

    @property
    def classroom(self) -> bool:
        """A larger text scale (classroom mode): the compact layout that gives the cells the height.

        One label size in every theme (high contrast's larger labels took the rows' height on a
        1366x768 screen), titles at label size, one time-axis title (the output's: the input's and
        the bank's titles say what runs across), and rows sized so input and output cells are equally
        tall and the bank's a little shorter (:meth:`_size_rows`).
        """
        return self.state.text_scale > 1.0

    def text_font(self, extra: int = 0) -> QFont:
        font = QFont()
        font.setPointSize(self.point_size(extra))
        return font

    def _apply_text_scale(self) -> None:
        """Every text at the theme's size times ``state.text_scale`` (re-read on viewChanged; cheap when unchanged)."""
        self._apply_theme_to_axes()
        self.highlight_layer.set_font(self.text_font())
        min_px = max(MIN_CELL_FONT_PX, MIN_CELL_FONT_PX * 10 / 11 * self.state.text_scale)
        short = CLASSROOM_SHORT_FRACTION if self.classroom else 0.7
        for texts in (*(p.texts for p in self.panels.values()), self._bias_texts, self._window_weights):
            if (texts.min_font_px, texts.short_fraction) != (min_px, short):
                texts.min_font_px = min_px
                texts.short_fraction = short
                texts.update()

    def _apply_theme_to_axes(self) -> None:
        """Axis ticks, axis titles and colour bars in the theme's colour at :meth:`point_size` (memoised)."""
        fg, pt = self.theme.foreground, self.point_size()
        for plot in [*(p.plot for p in self.panels.values()), self.strip_plot]:
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.set_style_once(fg, pt)
                if axis.label.font().pointSize() != pt:  # the axis title (pyqtgraph sizes it from its font)
                    axis.label.setFont(axis.style["tickFont"])
                    measure_axis(axis)
                    axis._adjustSize()
        for panel in self.panels.values():
            panel.style_colorbar(self.theme, pt)
            measure_axis(panel.colorbar.axis)
        if self._window_label.textItem.font().pointSize() != pt:
            self._window_label.setFont(self.text_font())

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
        """Restyle on a theme change; add or drop window taps when kernel_size changes.

        Nothing else depends on the shape: an argument change (padding, strides, ...) only moves items.
        """
        geo = self._geometry_of(tr)
        old = self._geometry
        if old is None or old.theme != geo.theme:
            self._apply_theme(THEMES[geo.theme])
        while len(self._taps) > tr.spec.kernel_size:
            # PlotItem.removeItem also drops pyqtgraph's own references (plot.items,
            # the view box's list); removing from the scene alone leaked every old item.
            self.input_panel.plot.removeItem(self._taps.pop())
        while len(self._taps) < tr.spec.kernel_size:
            tap = self._outline(self.input_panel)
            tap.setVisible(False)
            self._taps.append(tap)
        self._style_key = None  # new taps take the window's colour
        self._weights_key = None
        self._geometry = geo

    def _apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.theme.colormap != getattr(self._cmap, "name", ""):
            self._cmap = diverging_map(self.theme.colormap)
            for panel in self.panels.values():
                panel.colorbar.setColorMap(self._cmap)
            self.bias_image.setColorMap(self._cmap)
            self.strip_image.setColorMap(self._cmap)
        self.setBackground(self.theme.background)
        self._apply_theme_to_axes()
        for hatch in self._hatches:
            hatch.setPen(padding_pen(self.theme))
        for pen_item in (self._active_kernel, self._current_cell, *self._taps):
            pen_item.setPen(highlight_pen(self.theme))
        self._bias_frame.setPen(outline_pen(self.theme))
        self._window_span.setPen(cell_pen(self.theme.highlight, 1.5, dashed=True))
        self._window_label.setColor(self.theme.foreground)  # pyqtgraph's default grey: 1.6:1 on white
        self._strip_frame.setPen(highlight_pen(self.theme))
        self._slots.setPen(cell_pen(self.theme.frame))
        self._hatch_lines.setPen(cell_pen(self.theme.padding))
        grey = QColor(self.theme.padding)
        grey.setAlpha(140)
        self._dropped.setBrush(QBrush(grey))
        self._dropped.setPen(cell_pen(self.theme.dropped, 1.0))
        for panel in self.panels.values():
            panel.clear_texts()
            panel.grid.set_theme(self.theme)
        self._bias_texts.clear()
        self.highlight_layer.apply_theme(self.theme)

    # ----------------------------------------------------------------- axes, ticks, titles
    def _kernel_x(self, f: int, tap: int = 0) -> int | None:
        """Column of tap ``tap`` of filter ``f`` in the kernel panel (None: not shown large)."""
        tr = self._trace
        if tr is None:
            return None
        if self._large:
            return tap if f == self._selected else None
        return tr.bank.x(f, tap)

    def _channel_filter(self) -> int | None:
        """The filter whose group names the kernel's channel axis (None: every group at once)."""
        if self._large:
            return self._selected
        return self.state.current()[1]

    def _labels_fit(self, plot: pg.PlotItem, along: bool, widest: str, cap: int) -> int:
        """How many tick labels fit along (time) or across a plot at the current size and text scale."""
        horizontal = along == lr_view(self)
        vb = plot.getViewBox()
        length = vb.width() if horizontal else vb.height()
        if length <= 1:
            return cap  # not laid out yet: the resize that follows fits them
        metrics = QFontMetricsF(self.text_font())
        extent = metrics.horizontalAdvance(widest + "  ") if horizontal else metrics.height() * 1.2
        return int(min(cap, max(1, length // extent)))

    def _set_ticks(self, tr: Conv1DTrace) -> None:
        """Real indices on every axis: signed steps, output steps under their windows, taps, channels;
        thinned to round steps so that no two labels touch at the current size."""
        lr = lr_view(self)
        drawn = tr.padded_steps
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        steps = list(drawn)
        inp, ker, out = self.input_panel.plot, self.kernel_panel.plot, self.output_panel.plot
        widest_step = max((str(drawn.start), str(drawn.stop - 1)), key=len)
        along = {
            "input": index_ticks(steps, steps, self._labels_fit(inp, True, widest_step, 24)),
            "output": index_ticks(tr.output_positions.tolist(), list(range(tr.out_steps)),
                                  self._labels_fit(out, True, widest_step, 24)),
        }
        k_width = k if self._large else tr.bank.width
        taps_fit = self._labels_fit(ker, True, str(k - 1), k_width) >= k_width
        if self._large:
            along["kernel"] = index_ticks(list(range(k)), list(range(k)), self._labels_fit(ker, True, str(k), 16))
        elif tr.filters * k <= 48 and taps_fit:
            along["kernel"] = [(float(x), str(j)) for x_f in tr.bank.tap_columns() for j, x in enumerate(x_f)]
        else:  # first and last tap of every block
            along["kernel"] = [(float(tr.bank.x(f, j)), str(j)) for f in range(tr.filters) for j in sorted({0, k - 1})]
        f_ch = self._channel_filter()
        first = tr.first_channel_of_filter(f_ch) if f_ch is not None else 0
        chan = index_ticks(list(range(cg)), list(range(first, first + cg)),
                           max(1, self._labels_fit(ker, False, "0", ACROSS_TICKS) - (1 if tr.spec.use_bias else 0)))
        if tr.spec.use_bias:
            j0, h = bias_row(cg)
            bias_at, bias_text = j0 - 0.5 + h / 2, self.tr("bias")
            chan = [*self._clear_of(ker, chan, bias_at, bias_text), (bias_at, bias_text)]
        across = {
            "input": index_ticks(list(range(tr.channels)), list(range(tr.channels)),
                                 self._labels_fit(inp, False, str(tr.channels - 1), ACROSS_TICKS)),
            "output": index_ticks(list(range(tr.filters)), list(range(tr.filters)),
                                  self._labels_fit(out, False, str(tr.filters - 1), ACROSS_TICKS)),
            "kernel": chan,
        }
        for name, panel in self.panels.items():
            bottom, left = (along[name], across[name]) if lr else (across[name], along[name])
            for axis, ticks in ((panel.plot.getAxis("bottom"), bottom), (panel.plot.getAxis("left"), left)):
                before = axis._ticks_key
                axis.set_ticks_once(ticks)
                if axis._ticks_key != before:
                    measure_axis(axis)
        if self._large:
            centers = [tr.bank.center(f) for f in range(tr.filters)]
            ticks = index_ticks(centers, list(range(tr.filters)), 25)
            self.strip_plot.getAxis("bottom" if lr else "left").set_ticks_once(ticks)

    def _clear_of(
        self, plot: pg.PlotItem, ticks: list[tuple[float, str]], at: float, text: str
    ) -> list[tuple[float, str]]:
        """The channel ticks of the bank that do not touch the label ``text`` at ``at`` (the bias row's,
        which is often in Chinese: a fallback font with a taller line than the metrics say)."""
        vb, rect = plot.getViewBox(), plot.getViewBox().viewRect()
        metrics = QFontMetricsF(self.text_font())
        if lr_view(self):
            tall = metrics.height() * (1.45 if has_cjk(text) else 1.0)
            per, need = (vb.height() / rect.height() if rect.height() > 0 else 0.0), (metrics.height() + tall) / 2 + 2
        else:
            per = vb.width() / rect.width() if rect.width() > 0 else 0.0
            widest = max((metrics.horizontalAdvance(t) for _, t in ticks), default=0.0)
            need = (metrics.horizontalAdvance(text) + widest) / 2 + metrics.horizontalAdvance("  ")
        if per <= 0:
            return ticks
        return [(v, t) for v, t in ticks if abs(v - at) * per >= need]

    def _place_filter_labels(self, tr: Conv1DTrace) -> None:
        # Creating a TextItem costs about a millisecond: keep them while nothing they show changes.
        shown = [self._selected] if self._large else list(range(tr.filters))
        key = (tuple(shown), tr.spec.kernel_size, tr.channels_per_group, self.state.view.orientation,
               self.theme.foreground, self.point_size(), self.tr("filter {f}"))
        if key == self._filter_labels_key:
            return
        self._filter_labels_key = key
        for t in self._filter_labels:
            self.kernel_panel.plot.removeItem(t)
        self._filter_labels = []
        font = self.text_font()
        lr = lr_view(self)
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        for fi in shown:
            label = pg.TextItem(self.tr("filter {f}").format(f=fi), color=self.theme.foreground, anchor=(0.5, 1.0))
            label.setFont(font)
            x0 = self._kernel_x(fi) or 0
            # time left to right: above the block; Keras rows: in the gap row above the block
            label.setPos(QPointF(x0 + (k - 1) / 2, -0.5) if lr else QPointF((cg - 1) / 2, x0 - 0.5))
            self.kernel_panel.plot.addItem(label)
            self._filter_labels.append(label)

    def _set_chrome(self) -> None:
        """Classroom, time left to right: no tap numbers under the bank (its filter labels name the
        blocks; a line of height goes to the cells) and narrower margins round the plots."""
        compact = self.classroom and lr_view(self)
        if compact == self._compact_chrome:
            return
        self._compact_chrome = compact
        self.kernel_panel.plot.showAxis("bottom", not compact)
        self.ci.setContentsMargins(*((2.0,) * 4 if compact else self._margins))

    def _set_axes(self, tr: Conv1DTrace) -> None:
        self._set_chrome()
        lr = lr_view(self)
        f_ch = self._channel_filter()
        if tr.spec.groups > 1 and f_ch is not None:
            kernel_ch = self.tr("input channel (group {g})").format(g=tr.group_of_filter(f_ch))
        elif tr.spec.groups > 1:
            kernel_ch = self.tr("channel within its group")
        else:
            kernel_ch = self.tr("channel")
        labels = {
            "input": (self.tr("step"), self.tr("channel")),
            "kernel": (self.tr("kernel position j"), kernel_ch),
            "output": (self.tr("output step t"), self.tr("filter f")),
        }
        if self.classroom and lr:
            # one time-axis title, the output's: the input's and the bank's titles say what runs across
            # (steps; kernel_size), and the two lines of height go to the cells
            labels["input"] = ("", labels["input"][1])
            labels["kernel"] = ("", labels["kernel"][1])
        fg = self.theme.foreground
        for name, panel in self.panels.items():
            i_label, j_label = labels[name]
            bottom, left = (i_label, j_label) if lr else (j_label, i_label)
            panel.plot.getAxis("bottom").set_title_once(bottom, fg)
            panel.plot.getAxis("left").set_title_once(left, fg)
        self.kernel_panel.plot.getAxis("bottom" if lr else "left").setToolTip(
            self.tr("kernel position j: 0 … kernel_size − 1 (often called a \"tap\")"))
        if self._large:
            self.strip_plot.getAxis("bottom" if lr else "left").set_title_once(
                self.tr("filter f (click one to show it large)"), fg)

    def _set_title(self, name: str, plot: pg.PlotItem, text: str, variants: tuple[str, ...] = ()) -> None:
        """Set a plot's title, wrapped at spaces to the plot's width, and as many lines tall as the tallest of
        ``variants`` (the same title under the other settings of an argument): switching between them
        then changes the words only, and no cell moves."""
        fg = self.theme.foreground
        # classroom: titles at label size (two points larger, or bold, wrapped the bank's title at 1280x800
        # and took a line's height from the cells)
        extra = 0 if self.classroom else 2
        size = f"{self.point_size(extra)}pt"
        font = self.text_font(extra)
        # the title sits over the plot area's column only (not the axes): wrap for that width, and again
        # once the axes have taken their final width (a resize of the plot area refits the titles)
        vb_width = plot.getViewBox().width()
        room = vb_width - 8 if vb_width > 0 else 10_000
        metrics = QFontMetricsF(font)
        font_key = font.key()

        def wrapped(title: str) -> list[str]:
            key = (title, room, font_key)  # every title is set again after a layout pass, with the same words
            known = self._wrapped.get(key)
            if known is not None:
                return known
            lines: list[str] = []
            if metrics.horizontalAdvance(title) <= room:
                lines = [title]
            else:  # too wide for the plot: wrap at spaces
                for word in title.split(" "):
                    if lines and metrics.horizontalAdvance(lines[-1] + " " + word) <= room:
                        lines[-1] += " " + word
                    else:
                        lines.append(word)
            self._wrapped[key] = lines
            if len(self._wrapped) > 64:
                del self._wrapped[next(iter(self._wrapped))]
            return lines

        lines = wrapped(text)
        rows = max([len(lines), *(len(wrapped(v)) for v in variants)])
        if rows > 1:
            text = "<br>".join(_escape(line) for line in lines + ["\u00a0"] * (rows - len(lines)))
        if self._titles.get(name) != (text, fg, size, self.classroom):
            self._titles[name] = (text, fg, size, self.classroom)
            plot.setTitle(text, color=fg, size=size)
            # classroom: no blank margin round the title's text (8 px of height per plot for the cells)
            plot.titleLabel.item.document().setDocumentMargin(0.0 if self.classroom else 4.0)
            # pyqtgraph makes a title's width the plot's minimum: a long title then pushed the
            # diagram wider than its window (and off screen); the plot's width decides instead.
            _free_title_width(plot.titleLabel)
            # and it fixes the title row at 30 px: a large (classroom) or wrapped title needs its own height.
            # The title stands over the plot area's column only (wrapped to its width), so the top labels of
            # the left axis and the colour bar, which reach half a line above the plot, never meet it: no
            # extra gap (it took a line of height from the cells in high contrast).
            floor = 0 if self.classroom else 30
            height = max(floor, math.ceil(plot.titleLabel.itemRect().height()))
            plot.titleLabel.setMaximumHeight(height)
            plot.layout.setRowFixedHeight(0, height)

    def _set_titles(self, tr: Conv1DTrace) -> None:
        n = self.state.view.sample
        spec = tr.spec

        def padding_note(padding: str) -> str:
            if padding == "valid":
                return ""
            left, right = (tr.pad_left, tr.pad_right) if padding == spec.padding else padding_amounts(
                tr.steps, spec.kernel_size, spec.strides, padding, spec.dilation_rate)
            return str(self.tr(" — padding '{p}' adds zeros: {l} left, {r} right (hatched)").format(
                p=padding, l=left, r=right))

        # Counts beside their Keras names, so no word needs a plural ("1 filters") in any language.
        head = self.tr("Input x[{n}]: steps × channels = {L} × {C}").format(n=n, L=tr.steps, C=tr.channels)
        # As tall under every padding where the diagram can spare the line: flipping padding (the first thing
        # a class tries) then moves no cell.  Not in classroom mode or on a short screen, where every line of
        # height goes to the cells.
        spare = not self.classroom and self.viewport().height() >= STEADY_TITLE_MIN_HEIGHT
        self._set_title("input", self.input_panel.plot, head + padding_note(spec.padding),
                        tuple(head + padding_note(p) for p in PADDINGS if p != spec.padding) if spare else ())
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        self._set_title("kernel", self.kernel_panel.plot, self.tr(
            "Kernel shape ({k}, {cg}, {F}) = (kernel_size, channels per filter, filters)").format(
            k=k, cg=cg, F=tr.filters))
        self._set_title("output", self.output_panel.plot, self.tr(
            "Output y[{n}]: steps × filters = {Lout} × {F}, output shape {shape}").format(
            n=n, Lout=tr.out_steps, F=tr.filters, shape=tr.output_shape))

    # ----------------------------------------------------------------- data
    def _kernel_bank(self, tr: Conv1DTrace) -> np.ndarray:
        """The kernel panel's image: filters side by side with NaN gap columns (conv_core's layout);
        a large bank: the selected filter alone, ``(kernel_size, channels/groups)``."""
        if self._large:
            return np.asarray(tr.kernel[:, :, self._selected], dtype=float)
        return tr.bank.spread(tr.kernel)

    def _on_trace_changed(self, tr: Conv1DTrace) -> None:
        self._trace = tr
        self._large = tr.filters > MAX_BANK_FILTERS
        if not 0 <= self._selected < tr.filters:
            self._selected = 0
        f = self.state.current()[1]
        if f is not None:
            self._selected = f
        self._place_panels()
        if self._geometry != self._geometry_of(tr):
            self._rebuild(tr)
        self._draw_static(tr)
        self._on_position_changed(self.state.position)
        self._fit_views(tr)
        self._refresh_highlight()
        self._on_error_changed(self.state.error)

    def _fit_views(self, tr: Conv1DTrace) -> None:
        """Show exactly the cells (plus room for labels and tags); the output's time range is the input's."""
        lr = lr_view(self)
        drawn = tr.padded_steps
        k_width = tr.spec.kernel_size if self._large else tr.bank.width
        rows = self._kernel_rows(tr)
        if lr:
            # room above the input (window label) and the bank (filter labels): one line of text at this size
            room_in = self._label_room(self.input_panel.plot, tr.channels)
            room_k = self._label_room(self.kernel_panel.plot, rows)
            rects = {
                "input": self.logical_rect(drawn.start - TAG_ROOM, -room_in, len(drawn) + TAG_ROOM,
                                           tr.channels + room_in),
                "kernel": self.logical_rect(0, -room_k, k_width, rows + room_k),
            }
        else:
            rects = {
                "input": self.logical_rect(drawn.start - TAG_ROOM, 0, len(drawn) + TAG_ROOM, tr.channels),
                "kernel": self.logical_rect(-0.9, 0, k_width + 0.9, rows),
            }
        for name, rect in rects.items():
            vb = self.panels[name].plot.getViewBox()
            vb.disableAutoRange()
            if vb.viewRect() != rect:
                vb.setRange(rect=rect, padding=0.01)
        out_vb = self.output_panel.plot.getViewBox()
        out_vb.disableAutoRange()
        across = (-0.5, tr.filters - 0.5)
        if lr:
            out_vb.setYRange(*across, padding=0.01)
        else:
            out_vb.setXRange(*across, padding=0.01)
        if self._large:
            vb = self.strip_plot.getViewBox()
            vb.disableAutoRange()
            vb.setRange(rect=self.logical_rect(0, 0, tr.bank.width, tr.channels_per_group), padding=0.01)

    def _label_line(self) -> float:
        """The height of a window or filter label line: the font's, or a label's own text when taller
        (a Chinese label is drawn in a fallback font with a taller line)."""
        tallest = QFontMetricsF(self.text_font()).height()
        for label in (self._window_label, *self._filter_labels):
            if label.textItem.toPlainText():
                doc = label.textItem.document()
                tallest = max(tallest, doc.size().height() - 2 * doc.documentMargin())
        return tallest + 4

    def _label_room(self, plot: pg.PlotItem, rows: float) -> float:
        """Rows of room above ``rows`` rows of cells that hold one line of label text at the current size."""
        height = plot.getViewBox().height()
        line = self._label_line()
        if height <= 2 * line:
            return 0.9  # not laid out yet (or no room at all): the resize that follows fits it
        return float(min(max(0.9, line * rows / (height - line)), 4 * rows))

    def _kernel_rows(self, tr: Conv1DTrace) -> float:
        """Height of the kernel panel in cells: the channels, the tag row, and the bias row when there is one."""
        cg = tr.channels_per_group
        if not tr.spec.use_bias:
            return cg + BIAS_GAP
        j0, h = bias_row(cg)
        return j0 + h

    def _draw_tags(self, tr: Conv1DTrace) -> None:
        """The colour tags: a bar left of each output row, and one between each filter block and its bias."""
        drawn = tr.padded_steps
        n_tags = len(FILTER_TAGS)
        out_paths = [QPainterPath() for _ in FILTER_TAGS]
        bank_paths = [QPainterPath() for _ in FILTER_TAGS]
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        for f in range(tr.filters):
            bar = self.logical_rect(drawn.start - TAG_ROOM + 0.08, f + 0.2, TAG_ROOM - 0.16, 0.6)
            out_paths[f % n_tags].addRect(bar)
        shown = [self._selected] if self._large else list(range(tr.filters))
        for f in shown:
            centre = (self._kernel_x(f) or 0) + (k - 1) / 2
            width = min(float(k), 1.0)  # a swatch under the block's middle, over its bias
            swatch = self.logical_rect(centre - width / 2 + 0.5, cg + 0.08, width, BIAS_GAP - 0.16)
            bank_paths[f % n_tags].addRect(swatch)
        for items, paths in ((self.tag_items["output"], out_paths), (self.tag_items["kernel"], bank_paths)):
            for item, path in zip(items, paths, strict=True):
                item.setPath(path)
                item.setVisible(not path.isEmpty())

    def _draw_hatch_lines(self, tr: Conv1DTrace) -> None:
        """Diagonals over every padding cell (groups of channels when there are many)."""
        path = QPainterPath()
        rows = max(1, math.ceil(tr.channels / 24))  # at most 24 bands of lines per column
        for step in [*range(-tr.pad_left, 0), *range(tr.steps, tr.steps + tr.pad_right)]:
            for c0 in range(0, tr.channels, rows):
                r = self.logical_rect(step, c0, 1, min(rows, tr.channels - c0))
                # lines across the band: "/" at three offsets, so the cell reads as hatched
                x0, x1, y0, y1 = r.left(), r.right(), r.top(), r.bottom()
                xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
                for a, b in (((x0, y1), (x1, y0)), ((x0, ym), (xm, y0)), ((xm, y1), (x1, ym))):
                    path.moveTo(QPointF(*a))
                    path.lineTo(QPointF(*b))
        self._hatch_lines.setPath(path)

    def _draw_bias(self, tr: Conv1DTrace, level: float) -> None:
        """The bias row: one coloured cell (with its number while it fits) per filter shown."""
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        visible = tr.spec.use_bias
        self.bias_image.setVisible(visible)
        self._bias_frame.setVisible(visible)
        if not visible:
            self._bias_texts.clear()
            return
        shown = [self._selected] if self._large else list(range(tr.filters))
        if self._large:
            row = np.full((k, 1), float(tr.bias[self._selected]))
        else:
            row = tr.bank.spread(np.broadcast_to(tr.bias, (k, 1, tr.filters)))
        j0, h = bias_row(cg)
        self._set_image(self.bias_image, row, level, self.logical_rect(0, j0, row.shape[0], h))
        self._bias_frame.setRect(self.logical_rect(0, j0, row.shape[0], h))
        if not self.state.view.show_numbers:
            self._bias_texts.clear()
            return
        centers = []
        for fi in shown:
            c = self.ref_rect(CellRef("bias", filter=fi)).center()
            centers.append((c.x(), c.y()))
        lr = lr_view(self)
        cell = (float(k), h) if lr else (h, float(k))
        values = tr.bias[shown]
        self._bias_texts.set_cells(
            [(fi, 0) for fi in shown],
            np.array(centers),
            ["b = " + format_value(float(b)) for b in values],
            text_color_for(values, level, self.theme),
            cell,
        )

    def _set_image(self, item: pg.ImageItem, source: np.ndarray, level: float, rect: QRectF,
                   bank: FilterBankLayout | None = None) -> None:
        """Show ``source`` in ``item`` (a kernel laid out by ``bank``: filters side by side), coloured on
        (-level, level) and placed on ``rect``, unless it already shows exactly that.

        An argument that leaves the kernel alone (padding, strides) used to colour the bias row and a large
        bank's strip again, and re-colouring the seed-embedding strip (100 filters) was a tenth of such a change.
        """
        key = (level, rect, lr_view(self), bank)
        known = self._images.get(id(item))
        if known is not None and known[0] == key and known[1].shape == source.shape \
                and (np.array_equal(known[1], source) or np.array_equal(known[1], source, equal_nan=True)):
            return  # (the first comparison is the quick one: a kernel seldom holds NaN)
        self._images[id(item)] = (key, np.array(source, dtype=float))
        values = source if bank is None else bank.spread(source)
        item.setImage(self._orient(values), autoLevels=False, levels=(-level, level))
        item.setRect(rect)

    def _draw_kernel(self, tr: Conv1DTrace) -> None:
        """The filter bank (or the selected filter large), its bias row, tags, labels and strip."""
        lr, numbers = lr_view(self), self.state.view.show_numbers
        bank = self._kernel_bank(tr)
        level = float(np.nanmax(np.abs(tr.kernel))) if tr.kernel.size else 1.0
        if tr.spec.use_bias and tr.bias.size:
            level = max(level, float(np.max(np.abs(tr.bias))))  # one colour scale for weights and bias
        self.kernel_panel.set_levels(level)
        self.kernel_panel.grid.set_values(bank, self.kernel_panel.level, time_lr=lr, numbers=numbers)
        self._draw_bias(tr, self.kernel_panel.level)
        self._draw_tags(tr)
        self._place_filter_labels(tr)
        if self._large:
            self._set_image(self.strip_image, tr.kernel, self.kernel_panel.level,
                            self.logical_rect(0, 0, tr.bank.width, tr.channels_per_group), tr.bank)
            self._strip_frame.setRect(self.logical_rect(tr.bank.x(self._selected), 0, tr.spec.kernel_size,
                                                        tr.channels_per_group))
        self._set_axes(tr)
        self._set_ticks(tr)

    def _draw_slots(self, tr: Conv1DTrace) -> None:
        """Outline every output slot (and grey the input steps no output reads), from the start."""
        path = QPainterPath()
        if 0 < tr.out_steps * tr.filters <= MAX_TEXT_CELLS:  # beyond, the grid's frame outlines them
            whole = self.output_rect(0, 0, tr.out_steps, tr.filters)
            s = tr.spec.strides
            lr = lr_view(self)
            for n in range(tr.out_steps + 1):
                a = (whole.left() if lr else whole.top()) + n * s
                path.moveTo(QPointF(a, whole.top()) if lr else QPointF(whole.left(), a))
                path.lineTo(QPointF(a, whole.bottom()) if lr else QPointF(whole.right(), a))
            for f in range(tr.filters + 1):
                b = f - 0.5
                path.moveTo(QPointF(whole.left(), b) if lr else QPointF(b, whole.top()))
                path.lineTo(QPointF(whole.right(), b) if lr else QPointF(b, whole.bottom()))
        self._slots.setPath(path)
        self._dropped.setPath(dropped_path(self, tr, tr.dropped_steps))
        self._dropped.setVisible(bool(tr.dropped_steps))

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
        self._draw_hatch_lines(tr)
        self._draw_kernel(tr)
        out = tr.output[n]
        finite = np.abs(out[np.isfinite(out)])  # 'exponential' can overflow to inf, as in Keras
        self.output_panel.set_levels(float(np.max(finite)) if finite.size else 1.0)
        center = float(tr.output_positions[0]) if tr.out_steps else 0.0
        self.output_panel.grid.set_values(out, self.output_panel.level, center=center, pitch=tr.spec.strides,
                                          time_lr=lr, numbers=numbers, shown=self.state.filled_mask())
        self._draw_slots(tr)
        self._set_titles(tr)
        layout = self.ci.layout
        sizes = (tr.channels, math.ceil(self._kernel_rows(tr)), tr.filters) if lr else (
            tr.channels, tr.channels_per_group, tr.filters)
        for n_, cells in enumerate(sizes):
            stretch = int(min(max(cells, 2), 40)) + 3
            if lr:
                layout.setRowStretchFactor(n_, stretch)
            else:
                layout.setColumnStretchFactor(n_, stretch)
        if self._large:
            if lr:
                layout.setRowStretchFactor(3, 4)
            else:
                layout.setRowStretchFactor(0, 12)
                layout.setRowStretchFactor(1, 2)
        self._size_rows(tr)

    def _size_rows(self, tr: Conv1DTrace) -> None:
        """Classroom, time left to right: each plot's height is its titles, ticks and label line plus its
        cells, with input and output cells equally tall and the bank's :data:`KERNEL_CELL_SHARE` of that
        (stretch factors alone left the input rows a third of the bank's).  Otherwise the stretch factors
        of :meth:`_draw_static` share the height.  Called again whenever a plot area changes size."""
        layout = self.ci.layout
        plots = [self.input_panel.plot, self.kernel_panel.plot, self.output_panel.plot]
        if self._large:
            plots.append(self.strip_plot)
        heights: list[float] | None = None
        if self.classroom and lr_view(self) and all(p.height() > 0 for p in plots):
            heights = self._classroom_heights(tr, plots)
        key = None if heights is None else tuple(math.floor(h) for h in heights)
        if key == self._rows_key:
            return
        self._rows_key = key
        for row in range(4):
            if key is not None and row < len(key):
                layout.setRowMinimumHeight(row, key[row])
                layout.setRowMaximumHeight(row, key[row])
                layout.setRowPreferredHeight(row, key[row])
            else:
                layout.setRowMinimumHeight(row, 0.0)
                layout.setRowPreferredHeight(row, 0.0)
                layout.setRowMaximumHeight(row, QT_MAX_SIZE)
        layout.invalidate()

    def _classroom_heights(self, tr: Conv1DTrace, plots: list[pg.PlotItem]) -> list[float] | None:
        """Row heights (scene px) that fill the view: chrome (title, axes) plus the cells."""
        _left, top, _right, bottom = self.ci.layout.getContentsMargins()
        spacing = self.ci.layout.verticalSpacing()
        # the view's height (the layout item grows past it when the rows ask for more)
        avail = self.viewport().height() - top - bottom - spacing * (len(plots) - 1) - 1
        chrome = [p.height() - p.getViewBox().height() for p in plots]
        line = self._label_line()  # the window / filter label line (_label_room)
        strip = 0.0
        if self._large:  # the thumbnail strip: a tenth of the height, at least two label lines
            strip = max(2 * line, 0.1 * avail)
        # the bank's cells: KERNEL_CELL_SHARE of the others', but at least a number tall when there is room
        floor = self.kernel_panel.texts.min_font_px / CLASSROOM_SHORT_FRACTION + 0.5
        share = KERNEL_CELL_SHARE
        for _ in range(3):
            solved = self._solve_rows(tr, chrome, line, strip, avail, share)
            if solved is None:
                return None
            cell, heights = solved
            if share * cell >= floor or cell * 0.8 < floor or self._kernel_rows(tr) > MAX_ROW_SHARE:
                break
            share = floor / cell
        if self._large:
            heights.append(chrome[3] + strip)
        return heights

    def _solve_rows(self, tr: Conv1DTrace, chrome: list[float], line: float, strip: float, avail: float,
                    share: float) -> tuple[float, list[float]] | None:
        """The cell height (input and output; the bank's is ``share`` of it) and the row heights that fill
        ``avail``.  Beyond MAX_ROW_SHARE rows a panel is a heat map with no number to read: it shares alike."""
        pad = 1.02  # setRange's padding of 1 % on each side
        rows = [min(tr.channels, MAX_ROW_SHARE), min(self._kernel_rows(tr), MAX_ROW_SHARE) * share,
                min(tr.filters, MAX_ROW_SHARE)]
        # The label room above the input and the bank is a line, or 0.9 of a cell when cells are taller
        # (_label_room): find the cell height for which that choice holds.
        totals = (tr.channels, self._kernel_rows(tr))
        cell, rooms = 0.0, [line, line]
        for in_rows in ((False, False), (True, False), (False, True), (True, True)):
            fixed = sum(chrome) + strip + sum(line for r in in_rows if not r)
            units = (sum(rows) + sum(0.9 * rows[i] / totals[i] for i in (0, 1) if in_rows[i])) * pad
            if avail <= fixed or units <= 0:
                return None
            c = (avail - fixed) / units
            tall = [0.9 * rows[i] / totals[i] * c * pad > line for i in (0, 1)]
            if not cell or tall == list(in_rows):
                cell = c
                rooms = [0.9 * rows[i] / totals[i] * c * pad if in_rows[i] else line for i in (0, 1)]
                if tall == list(in_rows):
                    break
        heights = [chrome[0] + rooms[0] + rows[0] * cell * pad,
                   chrome[1] + rooms[1] + rows[1] * cell * pad,
                   chrome[2] + rows[2] * cell * pad]
        return cell, heights

    def _on_view_changed(self) -> None:
        self._apply_text_scale()
        if self._trace is not None:
            QTimer.singleShot(0, self, self._refit_titles)  # after the layout has taken the new text size
        if self._trace is not None:
            self._on_trace_changed(self._trace)

    def _window_style(self, f: int | None) -> None:
        """The window, the active kernel and the current output cell outlined in the filter's colour tag
        (its output row and bias carry the same colour); all filters at once: the theme's highlight."""
        pen = highlight_pen(self.theme, tag_color(f) if f is not None else None)
        for item in (*self._taps, self._active_kernel, self._current_cell):
            item.setPen(pen)

    def _on_position_changed(self, _position: int) -> None:
        tr = self._trace
        if tr is None:
            return
        step, f = self.state.current()
        if self._large and f is not None and f != self._selected:
            self._selected = f
            self._draw_kernel(tr)
        k = tr.spec.kernel_size
        cg = tr.channels_per_group
        if f is None:
            j0, dj = 0, tr.channels
        else:
            j0, dj = tr.first_channel_of_filter(f), cg
        if tr.spec.groups > 1 and not self._large:
            self._set_axes(tr)  # the kernel's channel axis names the current group's input channels
            self._set_ticks(tr)
        taps = tr.tap_steps[step] if tr.out_steps else np.zeros(0, dtype=int)
        for rect, i in zip(self._taps, taps, strict=False):
            rect.setRect(self.logical_rect(int(i), j0, 1, dj))
            rect.setVisible(True)
        style_key = ("style", f, self.theme.name)
        if self._style_key != style_key:
            self._style_key = style_key
            self._window_style(f)
        n = min(self.state.view.sample, tr.batch - 1)
        if len(taps):
            first = self.logical_rect(int(taps[0]), j0, 1, dj)
            span = self.logical_rect(int(taps[0]), j0, int(taps[-1]) - int(taps[0]) + 1, dj)
            self._window_span.setRect(span)
            self._window_span.setVisible(tr.spec.dilation_rate > 1)
            self._window_label.setText(
                self.tr("window of y[{n}, {t}, :]").format(n=n, t=step) if f is None
                else self.tr("window of y[{n}, {t}, {f}]").format(n=n, t=step, f=f)
            )
            self._window_x = span.center().x() if lr_view(self) else first.center().x()
            self._window_label.setPos(self._window_x, first.top())
            self._place_window_label()
        self._draw_window_weights(tr, step, f, taps)
        bank_f = self._selected if self._large else None
        if f is None and bank_f is None:
            self._active_kernel.setRect(self.logical_rect(0, 0, tr.bank.width, cg))
            self._current_cell.setRect(self.output_rect(step, 0, 1, tr.filters))
        else:
            self._active_kernel.setRect(self.kernel_rect(f if f is not None else self._selected, 0, k, 0, cg))
            self._current_cell.setRect(self.output_rect(step, 0, 1, tr.filters) if f is None
                                       else self.output_rect(step, f))
        self.output_panel.grid.set_shown(self.state.filled_mask())  # numbers appear as cells are computed
        ref = self.state.inspected
        if ref is not None and ref.kind == "kernel":  # a weight's input moves with the window
            self._refresh_highlight()

    def _place_window_label(self) -> None:
        """Keep the window label inside its plot: at the left or right end it slides inwards."""
        label, vb = self._window_label, self.input_panel.plot.getViewBox()
        if not label.isVisible() or not lr_view(self):
            return
        sx, _sy = vb.viewPixelSize()
        rng = vb.viewRect()
        half = label.textItem.boundingRect().width() / 2 * sx
        want = self._window_x
        if rng.width() <= 2 * half:
            x = rng.center().x()
        else:
            x = min(max(want, rng.left() + half), rng.right() - half)
        if x != label.pos().x():
            label.setPos(x, label.pos().y())

    def _draw_window_weights(self, tr: Conv1DTrace, step: int, f: int | None, taps: np.ndarray) -> None:
        """The current filter's weights inside the window, "×w" in each tap cell's corner."""
        k, cg = tr.spec.kernel_size, tr.channels_per_group
        key = (step, f, id(tr), self.state.view.show_numbers, self.state.view.orientation)
        if key == self._weights_key:
            return
        self._weights_key = key
        if f is None or not len(taps) or k * cg > MAX_TEXT_CELLS or not self.state.view.show_numbers:
            self._window_weights.clear()
            return
        n = min(self.state.view.sample, tr.batch - 1)
        jj, chans, strings, white = self._filter_weights(tr, f, n)
        ii = taps[jj]
        lr = lr_view(self)
        centers = np.column_stack([ii, chans] if lr else [chans, ii]).astype(float)
        self._window_weights.set_cells(
            list(zip(ii.tolist(), chans.tolist(), strict=True)),
            centers,
            strings,
            white[ii + tr.pad_left, chans],
        )

    def _filter_weights(self, tr: Conv1DTrace, f: int, n: int) -> _FilterWeights:
        """For filter ``f``'s window weights: each weight's tap and input channel, its "×w" text, and where white
        text reads on the padded input of sample ``n`` (the same for every step: worked out once per filter)."""
        key = (f, n, self.input_panel.level, self.theme.name)
        memo_tr, memo_key, found = self._filter_weights_memo
        if memo_tr is not tr or memo_key != key:
            k, cg = tr.spec.kernel_size, tr.channels_per_group
            jj, cc = (g.ravel() for g in np.meshgrid(np.arange(k), np.arange(cg), indexing="ij"))
            strings = ["×" + format_value(float(w)) for w in tr.kernel[jj, cc, f]]
            white = text_color_for(tr.padded[n], self.input_panel.level, self.theme)
            found = (jj, tr.first_channel_of_filter(f) + cc, strings, white)
            self._filter_weights_memo = (tr, key, found)
        return found

    # ----------------------------------------------------------------- stale picture
    def _on_error_changed(self, error: object) -> None:
        tr = self._trace
        if error is None or tr is None:
            self._stale.hide()
            return
        settings = stale_settings(self.state.layer, self.state.input_shape, tr)
        text = (self.tr("Showing the last valid setting: {settings}").format(settings=", ".join(settings))
                if settings else self.tr("Showing the last valid setting"))
        t = self.theme
        wash = QColor(t.background)
        wash.setAlpha(150)
        px = max(20, min(40, self.viewport().height() // 22))
        self._stale.setStyleSheet(
            f"QLabel#stale_stamp {{ background: rgba({wash.red()}, {wash.green()}, {wash.blue()}, {wash.alpha()});"
            f" color: {t.error}; font-size: {px}px; font-weight: bold; }}"
        )
        self._stale.setText(
            f"<table border='3' cellpadding='14' style='border-color: {t.error}; border-style: solid;"
            f" background-color: {t.background}'><tr><td>{_escape(text)}</td></tr></table>"
        )
        self._stale.setGeometry(self.viewport().rect())
        self._stale.show()
        self._stale.raise_()

    def resizeEvent(self, ev: QResizeEvent) -> None:
        super().resizeEvent(ev)
        stale = getattr(self, "_stale", None)  # pyqtgraph resizes once before __init__ ends
        if getattr(self, "_trace", None) is not None and not getattr(self, "closed", False):
            QTimer.singleShot(0, self, self._refit_titles)  # after the layout has the new size
        if stale is not None and stale.isVisible():
            self._stale.setGeometry(self.viewport().rect())

    def changeEvent(self, ev: QEvent) -> None:
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange and getattr(self, "_trace", None) is not None:
            # Later, not inside the event: Qt sends it while showing a new widget, and rebuilding the
            # labels there crashed; with self as the context a destroyed widget never gets the call.
            if self.isVisible() and not getattr(self, "closed", False):
                self._retranslate()  # a language switched on screen: at once
            else:
                QTimer.singleShot(0, self, self._retranslate)

    def _refit_titles(self) -> None:
        if self._trace is not None and not getattr(self, "closed", False):
            self._set_titles(self._trace)
            self._size_rows(self._trace)
            self._fit_views(self._trace)
            self._place_window_label()
            self._set_ticks(self._trace)  # as many labels as fit the new size (memoised per axis)

    def _retranslate(self) -> None:
        if self._trace is not None and not getattr(self, "closed", False):  # pyqtgraph's close() empties the scene
            self._filter_labels_key = None
            self._on_trace_changed(self._trace)

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
        pos = ev.scenePos()  # type: ignore[attr-defined]
        if self._large and self._trace is not None and self.strip_plot.getViewBox().sceneBoundingRect().contains(pos):
            p = self.strip_plot.getViewBox().mapSceneToView(pos)
            found = self._trace.bank.locate(math.floor((p.x() if lr_view(self) else p.y()) + 0.5))
            if found is not None:
                self.select_filter(found[0])
            return
        ref = self.ref_at(pos)
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
