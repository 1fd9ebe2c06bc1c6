"""Compare two Conv1D settings side by side on the same input (Model / View > Compare two settings…).

Each side is traced with :func:`conv_core.trace_conv1d` and drawn as its
input with the padding (hatched) and its output, on the input's time axis:
output step ``t`` sits under the window that produced it and the outputs are
spaced by the stride (``Conv1DTrace.output_positions``, the diagram's rule), so the two
settings line up where they read the same input.  A header lists
what differs (arguments, padding split, output length and shape) in bold
colour; output steps that exist in only one setting are hatched and
outlined.  A shared step slider shows the window of step ``t`` on both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGraphicsRectItem,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n.messages import channels_text, error_hint, filters_text, steps_text
from app.state.explorer import ExplorerState
from app.views.cell_grid import CellGrid
from app.views.colors import THEMES, Theme, cell_pen, diverging_map, hatch_brush, padding_pen
from app.views.diagram import setup_cell_plot
from conv_core import PADDINGS, Conv1DSpec, Conv1DTrace, ConvError, trace_conv1d

__all__ = ["PRESETS", "SIDES", "CompareWindow", "Setting"]

SIDES = ("A", "B")
MAX_TEXT_CELLS = 400
_ARGS = ("kernel_size", "strides", "padding", "dilation_rate")

#: name -> (changes for A, changes for B) on top of the main window's layer.
PRESETS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "valid_same": ({"padding": "valid"}, {"padding": "same"}),
    "same_causal": ({"padding": "same"}, {"padding": "causal"}),
    "valid_causal": ({"padding": "valid"}, {"padding": "causal"}),
    "dilation": ({"dilation_rate": 1, "strides": 1}, {"dilation_rate": 2, "strides": 1}),
    "strides": ({"strides": 1, "dilation_rate": 1}, {"strides": 2, "dilation_rate": 1}),
}


@dataclass(frozen=True)
class Setting:
    """The arguments a side changes; the rest (filters, groups, bias, activation) is shared."""

    kernel_size: int = 3
    strides: int = 1
    padding: str = "valid"
    dilation_rate: int = 1


def _small_kernel(shape: tuple[int, int, int]) -> np.ndarray:
    """Deterministic small integers (readable sums), the same for both sides when the shape is."""
    rng = np.random.default_rng(abs(hash(shape)) % (2**32))
    return rng.integers(-1, 2, size=shape).astype(np.float64)


class _Side(QWidget):
    """One setting: its form, header line and drawing (input with padding, then output)."""

    edited = Signal()

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setting = Setting()
        self.trace: Conv1DTrace | None = None
        self.error: ConvError | None = None
        self.theme: Theme = THEMES["light"]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        self.kernel_spin, self.strides_spin, self.dilation_spin = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, name in ((self.kernel_spin, "kernel_size"), (self.strides_spin, "strides"),
                           (self.dilation_spin, "dilation_rate")):
            spin.setRange(1, 64)
            spin.setObjectName(f"compare_{side}_{name}")
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._on_form_changed)
        self.padding_combo = QComboBox()
        self.padding_combo.setObjectName(f"compare_{side}_padding")
        self.padding_combo.addItems(list(PADDINGS))
        self.padding_combo.currentTextChanged.connect(self._on_form_changed)
        form.addRow("kernel_size", self.kernel_spin)
        form.addRow("strides", self.strides_spin)
        form.addRow("padding", self.padding_combo)
        form.addRow("dilation_rate", self.dilation_spin)
        layout.addWidget(self.box)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {self.theme.error}")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setObjectName(f"compare_{side}_view")
        self.view.ci.setSpacing(4)
        self.input_plot = self._plot(0)
        self.output_plot = self._plot(1)
        self.output_plot.setXLink(self.input_plot)
        self.output_plot.showAxis("top")  # output step numbers over the cells, input steps below
        cmap = diverging_map()
        self.input_grid = CellGrid(self.input_plot, self.theme, cmap, min_px=16.0, max_text_cells=MAX_TEXT_CELLS)
        self.output_grid = CellGrid(self.output_plot, self.theme, cmap, min_px=16.0,
                                    max_text_cells=MAX_TEXT_CELLS)
        self.input_image, self.input_texts = self.input_grid.image, self.input_grid.texts
        self.output_image, self.output_texts = self.output_grid.image, self.output_grid.texts
        self.hatches = [self._rect(self.input_plot, self.theme.padding, hatch=True, dashed=True) for _ in range(2)]
        self.taps: list[QGraphicsRectItem] = []
        self.current = self._rect(self.output_plot, self.theme.highlight, width=self.theme.line_width)
        self.only_marks: list[QGraphicsRectItem] = []
        self.only_steps: list[int] = []
        self.positions = np.zeros(0)  # output step -> x on the input's time axis
        layout.addWidget(self.view, 1)
        self.retranslate()

    # ------------------------------------------------------------------ building blocks
    def _plot(self, row: int) -> pg.PlotItem:
        plot = setup_cell_plot(self.view.addPlot(row=row, col=0))
        for name in ("left", "bottom"):  # indices, never "channel (x0.001)" on a one-channel axis
            plot.getAxis(name).enableAutoSIPrefix(False)
        return plot

    def _rect(self, plot: pg.PlotItem, color: str, *, width: float = 1.0, hatch: bool = False,
              dashed: bool = False) -> QGraphicsRectItem:
        item = QGraphicsRectItem()
        item.setPen(cell_pen(color, width, dashed=dashed))
        item.setBrush(hatch_brush(color) if hatch else Qt.BrushStyle.NoBrush)
        item.setZValue(20 if not hatch else 10)
        item.setVisible(False)
        plot.addItem(item)
        return item

    def _drop(self, item: Any) -> None:
        """Remove an item through its PlotItem, which also drops pyqtgraph's references to it."""
        for plot in (self.input_plot, self.output_plot):
            if item in plot.items:
                plot.removeItem(item)

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Setting {side}").format(side=self.side))
        self.input_plot.setLabel("left", self.tr("channel"))
        self.output_plot.setLabel("left", self.tr("filter"))
        self.output_plot.setLabel("bottom", self.tr("input step (outputs under their windows)"))
        self.output_plot.setLabel("top", self.tr("output step"))

    # ------------------------------------------------------------------ form
    def set_setting(self, setting: Setting) -> None:
        self.setting = setting
        with (QSignalBlocker(self.kernel_spin), QSignalBlocker(self.strides_spin),
              QSignalBlocker(self.dilation_spin), QSignalBlocker(self.padding_combo)):
            self.kernel_spin.setValue(setting.kernel_size)
            self.strides_spin.setValue(setting.strides)
            self.dilation_spin.setValue(setting.dilation_rate)
            self.padding_combo.setCurrentText(setting.padding)

    def _on_form_changed(self, *_: object) -> None:
        self.setting = Setting(self.kernel_spin.value(), self.strides_spin.value(),
                               self.padding_combo.currentText(), self.dilation_spin.value())
        self.edited.emit()

    # ------------------------------------------------------------------ drawing
    def show_trace(self, trace: Conv1DTrace | None, error: ConvError | None, x_range: tuple[float, float],
                   theme: Theme, show_numbers: bool) -> None:
        self.trace, self.error, self.theme = trace, error, theme
        self.view.setBackground(theme.background)
        fg = theme.foreground
        if self.error_label.styleSheet() != (css := f"color: {theme.error}"):  # re-styling re-polishes
            self.error_label.setStyleSheet(css)
        self.error_label.setVisible(error is not None)
        if error is not None:
            self.error_label.setText(self.tr("{message}\nFix: {fix}").format(message=error.keras,
                                                                             fix=error_hint(error)))
        for item in self.taps:
            self._drop(item)
        self.taps = []
        if trace is None:
            self.input_grid.clear()
            self.output_grid.clear()
            for h in self.hatches:
                h.setVisible(False)
            self.current.setVisible(False)
            self.input_plot.setTitle(self.tr("Setting {side}: no output").format(side=self.side), color=fg)
            self.output_plot.setTitle("")
            return
        padded = np.asarray(trace.padded[0])  # (Lp, C)
        out = np.asarray(trace.output[0])  # (Lout, F)
        pl, pr = trace.pad_left, trace.pad_right
        lvl_in = float(np.max(np.abs(padded))) or 1.0
        self.input_grid.set_theme(theme)
        self.output_grid.set_theme(theme)
        self.input_grid.set_values(padded, lvl_in, start=-pl, numbers=show_numbers)
        lvl_out = float(np.max(np.abs(out))) if out.size else 1.0
        lvl_out = lvl_out or 1.0
        self.positions = np.asarray(trace.output_positions)
        pitch = float(trace.spec.strides)
        if out.size:
            self.output_grid.set_values(out, lvl_out, center=float(self.positions[0]), pitch=pitch,
                                        numbers=show_numbers)
        else:
            self.output_grid.clear()
        self.hatches[0].setRect(QRectF(-pl - 0.5, -0.5, pl, trace.channels))
        self.hatches[0].setVisible(pl > 0)
        self.hatches[1].setRect(QRectF(trace.steps - 0.5, -0.5, pr, trace.channels))
        self.hatches[1].setVisible(pr > 0)
        for h in self.hatches:
            h.setPen(padding_pen(theme))
        self.current.setPen(cell_pen(theme.highlight, theme.line_width))
        for _ in range(trace.spec.kernel_size):
            self.taps.append(self._rect(self.input_plot, theme.highlight, width=theme.line_width))
        for plot, rows in ((self.input_plot, trace.channels), (self.output_plot, trace.filters)):
            vb = plot.getViewBox()
            vb.disableAutoRange()
            vb.setRange(xRange=x_range, yRange=(-0.5, rows - 0.5), padding=0.0)
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(fg)
                plot.getAxis(name).setTextPen(fg)
            left = plot.getAxis("left")
            left.setTicks([[(c, str(c)) for c in range(rows)]] if rows <= 16 else None)
        top = self.output_plot.getAxis("top")
        top.setPen(fg)
        top.setTextPen(fg)
        every = max(1, -(-trace.out_steps // 24))  # at most about 24 numbers
        top.setTicks([[(float(x), str(t)) for t, x in enumerate(self.positions) if t % every == 0]])
        pad = ""
        if trace.spec.padding != "valid":
            pad = self.tr(" — zeros: {l} left, {r} right (hatched)").format(l=pl, r=pr)
        self.input_plot.setTitle(
            self.tr("Input: {steps} × {channels}").format(
                steps=steps_text(trace.steps), channels=channels_text(trace.channels)) + pad,
            color=fg)
        self.output_plot.setTitle(
            self.tr("Output: {steps} × {filters}, shape {shape}").format(
                steps=steps_text(trace.out_steps), filters=filters_text(trace.filters),
                shape=trace.output_shape), color=fg)
        self.view.ci.layout.setRowStretchFactor(0, max(trace.channels, 2) + 2)
        self.view.ci.layout.setRowStretchFactor(1, max(trace.filters, 2) + 2)

    def mark_only(self, steps: list[int]) -> None:
        """Hatch and outline output steps that the other setting does not have."""
        for item in self.only_marks:
            self._drop(item)
        self.only_marks = []
        self.only_steps = list(steps)
        tr = self.trace
        if tr is None:
            return
        pitch = float(tr.spec.strides)
        for t in steps:
            item = self._rect(self.output_plot, self.theme.difference, width=2.5, hatch=True)
            item.setRect(QRectF(float(self.positions[t]) - pitch / 2, -0.5, pitch, tr.filters))
            item.setVisible(True)
            self.only_marks.append(item)

    def show_step(self, t: int) -> None:
        tr = self.trace
        if tr is None or not 0 <= t < tr.out_steps:
            for item in self.taps:
                item.setVisible(False)
            self.current.setVisible(False)
            return
        for item, i in zip(self.taps, tr.tap_steps[t], strict=False):
            item.setRect(QRectF(int(i) - 0.5, -0.5, 1, tr.channels))
            item.setVisible(True)
        pitch = float(tr.spec.strides)
        self.current.setRect(QRectF(float(self.positions[t]) - pitch / 2, -0.5, pitch, tr.filters))
        self.current.setVisible(True)


class CompareWindow(QWidget):
    """Two Conv1D settings on the same input, side by side, with their differences marked."""

    def __init__(self, explorer: ExplorerState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_window")
        self.explorer = explorer
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.preset_label = QLabel()
        self.presets = QComboBox()
        self.presets.setObjectName("compare_presets")
        top.addWidget(self.preset_label)
        top.addWidget(self.presets)
        self.input_label = QLabel()
        self.input_label.setObjectName("compare_input")
        top.addWidget(self.input_label, 1)
        layout.addLayout(top)
        self.header = QLabel()
        self.header.setObjectName("compare_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        sides = QHBoxLayout()
        self.sides = {s: _Side(s) for s in SIDES}
        for side in self.sides.values():
            sides.addWidget(side, 1)
            side.edited.connect(self.recompute)
        layout.addLayout(sides, 1)
        srow = QHBoxLayout()
        self.step_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("compare_step")
        self.slider.valueChanged.connect(self._on_step)
        srow.addWidget(self.step_label)
        srow.addWidget(self.slider, 1)
        layout.addLayout(srow)
        self.presets.activated.connect(lambda i: self.apply_preset(str(self.presets.itemData(i))))
        self.resize(1300, 760)
        self.retranslate()
        if explorer is not None:
            explorer.traceChanged.connect(lambda *_: self.recompute())
            explorer.viewChanged.connect(self.recompute)
        self.apply_preset("valid_same")

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare two Conv1D settings"))
        self.preset_label.setText(self.tr("Compare:"))
        current = self.presets.currentData()
        titles = {
            "valid_same": self.tr("padding 'valid' vs 'same'"),
            "same_causal": self.tr("padding 'same' vs 'causal'"),
            "valid_causal": self.tr("padding 'valid' vs 'causal'"),
            "dilation": self.tr("dilation_rate 1 vs 2"),
            "strides": self.tr("strides 1 vs 2"),
        }
        with QSignalBlocker(self.presets):
            self.presets.clear()
            for name in PRESETS:
                self.presets.addItem(titles[name], name)
            self.presets.setCurrentIndex(max(self.presets.findData(current), 0))
        for side in self.sides.values():
            side.retranslate()
        self._update_step_label()

    def changeEvent(self, ev: QEvent) -> None:
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.recompute()
        super().changeEvent(ev)

    # ------------------------------------------------------------------ settings
    def _base(self) -> dict[str, Any]:
        layer = dict(self.explorer.layer) if self.explorer is not None else {}
        return {
            "filters": int(layer.get("filters", 3)),
            "groups": int(layer.get("groups", 1)),
            "use_bias": bool(layer.get("use_bias", True)),
            "activation": str(layer.get("activation", "linear")),
            "kernel_size": int(layer.get("kernel_size", 3)),
            "strides": int(layer.get("strides", 1)),
            "dilation_rate": int(layer.get("dilation_rate", 1)),
            "padding": str(layer.get("padding", "valid")),
        }

    def apply_preset(self, name: str) -> None:
        """Both sides from the main window's layer, with the preset's changes."""
        a, b = PRESETS[name]
        base = self._base()
        for side, changes in zip(SIDES, (a, b), strict=True):
            args = {k: changes.get(k, base[k]) for k in _ARGS}
            self.sides[side].set_setting(Setting(**args))
        self.presets.setCurrentIndex(max(self.presets.findData(name), 0))
        self.recompute()

    def set_setting(self, side: str, **changes: Any) -> None:
        """Change arguments of one side: ``kernel_size``, ``strides``, ``padding``, ``dilation_rate``."""
        current = self.sides[side].setting
        self.sides[side].set_setting(Setting(**{**current.__dict__, **changes}))
        self.recompute()

    def input_x(self) -> np.ndarray:
        """The shared input, ``(1, steps, channels)``: the main window's current sample."""
        if self.explorer is not None:
            x = self.explorer.x
            n = min(self.explorer.view.sample, x.shape[0] - 1)
            return np.array(x[n : n + 1], dtype=float)
        return np.arange(16.0).reshape(1, 16, 1) % 5 - 2

    def _weights(self, kernel_size: int, channels: int) -> tuple[np.ndarray, np.ndarray]:
        base = self._base()
        shape = (kernel_size, channels // max(base["groups"], 1), base["filters"])
        if self.explorer is not None and tuple(self.explorer.kernel.shape) == shape:
            return np.array(self.explorer.kernel), np.array(self.explorer.raw_bias)
        return _small_kernel(shape), np.zeros(base["filters"])

    # ------------------------------------------------------------------ computing
    def recompute(self) -> None:
        x = self.input_x()
        base = self._base()
        theme = THEMES[self.explorer.view.theme] if self.explorer is not None else THEMES["light"]
        numbers = self.explorer.view.show_numbers if self.explorer is not None else True
        traces: dict[str, Conv1DTrace | None] = {}
        errors: dict[str, ConvError | None] = {}
        for name, side in self.sides.items():
            s = side.setting
            try:
                spec = Conv1DSpec(base["filters"], s.kernel_size, s.strides, s.padding, s.dilation_rate,
                                  base["groups"], base["use_bias"], base["activation"], "channels_last")
                kernel, bias = self._weights(s.kernel_size, x.shape[2])
                traces[name] = trace_conv1d(spec, x, kernel, bias)
                errors[name] = None
            except ConvError as exc:
                traces[name], errors[name] = None, exc
        drawn = [t.padded_steps for t in traces.values() if t is not None]
        lo = min([-0.5] + [r.start - 0.5 for r in drawn])
        ends = [float(t.output_positions[-1]) + t.spec.strides / 2
                for t in traces.values() if t is not None and t.out_steps]
        hi = max([x.shape[1] - 0.5] + [r.stop - 0.5 for r in drawn] + ends)
        for name, side in self.sides.items():
            side.show_trace(traces[name], errors[name], (lo, hi), theme, numbers)
        a, b = traces["A"], traces["B"]
        self.sides["A"].mark_only(self._only(a, b))
        self.sides["B"].mark_only(self._only(b, a))
        longest = max([t.out_steps for t in traces.values() if t is not None] + [1])
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, max(longest - 1, 0))
        self.input_label.setText(self.tr("Same input for both: {steps} × {channels}, {filters}").format(
            steps=steps_text(x.shape[1]), channels=channels_text(x.shape[2]), filters=filters_text(base["filters"])))
        self._fill_header(traces)
        self._on_step(self.slider.value())

    @staticmethod
    def _only(mine: Conv1DTrace | None, other: Conv1DTrace | None) -> list[int]:
        if mine is None or other is None:
            return []
        return list(range(other.out_steps, mine.out_steps))

    def only_in(self, side: str) -> list[int]:
        """Output steps that exist in ``side`` and not in the other setting (drawn hatched)."""
        return list(self.sides[side].only_steps)

    def facts(self) -> dict[str, tuple[str, str]]:
        """What the header compares: label -> (A, B) as shown."""
        rows: dict[str, tuple[str, str]] = {}
        tr = {s: self.sides[s].trace for s in SIDES}
        sets = {s: self.sides[s].setting for s in SIDES}
        for arg in _ARGS:
            rows[arg] = (repr(getattr(sets["A"], arg)), repr(getattr(sets["B"], arg)))

        def show(side: str, what: str) -> str:
            t = tr[side]
            if t is None:
                return "—"
            if what == "pad":
                return f"({t.pad_left}, {t.pad_right})"
            if what == "length":
                return str(t.out_steps)
            return str((None, t.out_steps, t.filters))

        for key, what in (("pad", "pad"), ("length", "length"), ("shape", "shape")):
            rows[key] = (show("A", what), show("B", what))
        return rows

    def differences(self) -> set[str]:
        return {k for k, (a, b) in self.facts().items() if a != b}

    def _fill_header(self, traces: dict[str, Conv1DTrace | None]) -> None:
        labels = {
            "kernel_size": "kernel_size", "strides": "strides", "padding": "padding",
            "dilation_rate": "dilation_rate",
            "pad": self.tr("zeros (left, right)"),
            "length": self.tr("output steps"),
            "shape": self.tr("output shape"),
        }
        facts = self.facts()
        differ = self.differences()
        mark = self.sides["A"].theme.difference
        head = "".join(f"<th style='padding: 0 10px'>{labels[k]}</th>" for k in facts)
        body = ""
        for i, side in enumerate(SIDES):
            cells = ""
            for k, pair in facts.items():
                text = pair[i]
                if k in differ:
                    text = f"<b style='color:{mark}'>{text}</b>"
                cells += f"<td align='center'>{text}</td>"
            body += f"<tr><th>{side}</th>{cells}</tr>"
        only = ""
        for side, other in (("A", "B"), ("B", "A")):
            steps = self.only_in(side)
            if steps:
                only += "<br>" + self.tr(
                    "Output steps {steps} exist only in {side} (hatched), not in {other}.").format(
                    steps=", ".join(str(t) for t in steps), side=side, other=other)
        self.header.setText(f"<table cellspacing='0'><tr><th></th>{head}</tr>{body}</table>{only}")

    def header_text(self) -> str:
        return self.header.text()

    def _on_step(self, t: int) -> None:
        for side in self.sides.values():
            side.show_step(int(t))
        self._update_step_label()

    def _update_step_label(self) -> None:
        self.step_label.setText(self.tr("output step {t}").format(t=self.slider.value()))
