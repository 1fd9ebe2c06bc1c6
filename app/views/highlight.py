"""Hover and pin: what a cell reads and what it feeds, taken from the conv_core trace.

:func:`highlight_for` turns one inspected cell into blocks of related cells
(pure NumPy over the trace, no Qt, no geometry of its own).  :class:`HighlightLayer`
draws them with a few path items that are created once per diagram and only
get new paths on hover, so hovering never rebuilds the scene.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from app.state.explorer import CellRef, ExplorerState
from app.views.cell_texts import format_value
from app.views.colors import Theme, cell_pen, highlight_pen
from conv_core import Conv1DTrace

__all__ = [
    "OVERLAY_PANELS", "Highlight", "HighlightLayer", "OverlayHost", "describe_cell", "describe_padding",
    "dropped_path", "highlight_for", "padded_step",
]

OVERLAY_PANELS = ("input", "kernel", "output")


class OverlayHost(Protocol):
    """What a view that draws over the diagram needs from it (the diagram implements it)."""

    state: ExplorerState
    theme: Theme

    def add_overlay(self, panel: str, item: QGraphicsItem) -> None:
        """Put ``item`` over one panel's cells, in cell coordinates."""

    def logical_rect(self, i0: float, j0: float, di: float, dj: float) -> QRectF:
        """The rectangle of a block of cells (step/tap i, channel/filter j) in the current orientation."""

    def ref_rect(self, ref: CellRef) -> QRectF:
        """The rectangle of one cell."""

    def output_rect(self, t0: int, f0: int, nt: int = 1, nf: int = 1) -> QRectF:
        """The rectangle of a block of output cells (on the input's time axis)."""

    def kernel_rect(self, f: int, tap0: int, ntaps: int, c0: float, nc: float) -> QRectF:
        """The rectangle of a block of weights of filter ``f`` (empty when it is not shown)."""


def _blocks(rows: list[tuple[int, ...]], width: int) -> np.ndarray:
    return np.array(rows, dtype=int).reshape(-1, width)


@dataclass(frozen=True, eq=False)
class Highlight:
    """The cells related to one inspected cell, as blocks in each array's own indices.

    Attributes
    ----------
    source : CellRef or None
    input : (n, 4) ints
        ``(step0, channel0, n_steps, n_channels)``; a step outside ``[0, steps)`` is padding.
    kernel : (n, 5) ints
        ``(tap0, channel0, n_taps, n_channels, filter)`` (channel within the group).
    bias : (n,) ints
        Filters whose bias is related.
    output : (n, 4) ints
        ``(step0, filter0, n_steps, n_filters)``.
    dropped : tuple of int
        Input steps no output reads (shown while an input cell is inspected).
    """

    source: CellRef | None = None
    input: np.ndarray = field(default_factory=lambda: _blocks([], 4))
    kernel: np.ndarray = field(default_factory=lambda: _blocks([], 5))
    bias: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    output: np.ndarray = field(default_factory=lambda: _blocks([], 4))
    dropped: tuple[int, ...] = ()

    def cells(self, kind: str) -> set[tuple[int, ...]]:
        """Every related cell of ``kind`` ('input', 'kernel', 'bias', 'output') as index tuples."""
        out: set[tuple[int, ...]] = set()
        if kind == "bias":
            return {(int(f),) for f in self.bias}
        if kind == "kernel":
            for j0, c0, nj, nc, f in self.kernel:
                out.update((j, c, int(f)) for j in range(j0, j0 + nj) for c in range(c0, c0 + nc))
            return out
        blocks = self.input if kind == "input" else self.output
        for a0, b0, na, nb in blocks:
            out.update((a, b) for a in range(a0, a0 + na) for b in range(b0, b0 + nb))
        return out


def highlight_for(tr: Conv1DTrace, ref: CellRef | None, current_step: int) -> Highlight:
    """The cells ``ref`` reads or feeds, from the trace's taps and groups.

    * an output ``y[t, f]``: its window (every tap over the filter's channels), filter ``f``
      and its bias;
    * an input ``x[s, c]`` (or a padding zero): every output cell it feeds, the weights it
      meets, and the input steps no output reads;
    * a weight ``kernel[j, c, f]``: the input it multiplies at the current step, and that output;
    * a bias ``b[f]``: the whole output column of filter ``f``.
    """
    if ref is None or tr.out_steps == 0:
        return Highlight(source=ref)
    k, cg = tr.spec.kernel_size, tr.channels_per_group
    if ref.kind == "output":
        t, f = ref.step, ref.filter
        chans = tr.channels_of_filter(f)
        taps = tr.tap_steps[t]
        return Highlight(
            source=ref,
            input=_blocks([(int(i), int(chans[0]), 1, cg) for i in taps], 4),
            kernel=_blocks([(0, 0, k, cg, f)], 5),
            bias=np.array([f] if tr.spec.use_bias else [], dtype=int),
        )
    if ref.kind == "input":
        s, c = ref.step, ref.channel
        filters = tr.filters_reading_channel(c)
        pairs = tr.taps_at(s)  # a padding zero too: the windows whose tap lands on it
        out_steps = sorted({t for t, _ in pairs})
        taps = sorted({j for _, j in pairs})
        f0, nf = (int(filters[0]), len(filters)) if len(filters) else (0, 0)
        c_local = c % cg
        return Highlight(
            source=ref,
            output=_blocks([(t, f0, 1, nf) for t in out_steps] if nf else [], 4),
            kernel=_blocks([(j, c_local, 1, 1, int(f)) for j in taps for f in filters], 5),
            dropped=tr.dropped_steps,
        )
    t = min(max(current_step, 0), tr.out_steps - 1)
    if ref.kind == "kernel":
        j, f = ref.tap, ref.filter
        chan = int(tr.channels_of_filter(f)[ref.channel])
        return Highlight(
            source=ref,
            input=_blocks([(int(tr.tap_steps[t, j]), chan, 1, 1)], 4),
            output=_blocks([(t, f, 1, 1)], 4),
        )
    # bias
    return Highlight(source=ref, output=_blocks([(0, ref.filter, tr.out_steps, 1)], 4))


def describe_cell(tr: Conv1DTrace, ref: CellRef, sample: int = 0) -> str:
    """One line for a tooltip: the cell's name, its value and what it is connected to."""
    n = min(sample, tr.batch - 1)
    if ref.kind == "input":
        if tr.is_padding(ref.step):
            return describe_padding(tr, ref, n)
        v = format_value(float(tr.x[n, ref.step, ref.channel]))
        head = f"x[{n}, {ref.step}, {ref.channel}] = {v}"
        if ref.step in tr.dropped_steps:
            return head + " — " + QCoreApplication.translate("hover", "no output reads this step")
        outs = tr.outputs_fed_by(ref.step)
        return (
            head
            + " — "
            + QCoreApplication.translate("hover", "feeds output steps {steps}").format(
                steps=", ".join(str(int(t)) for t in outs)
            )
        )
    if ref.kind == "kernel":
        v = format_value(float(tr.kernel[ref.tap, ref.channel, ref.filter]))
        return f"kernel[{ref.tap}, {ref.channel}, {ref.filter}] = {v}"
    if ref.kind == "bias":
        return f"bias[{ref.filter}] = {format_value(float(tr.bias[ref.filter]))}"
    return f"y[{n}, {ref.step}, {ref.filter}] = {format_value(float(tr.output[n, ref.step, ref.filter]))}"


def padded_step(step: int) -> str:
    """A padded step as the glossary writes it: ``−2 (padding zero)`` (「−2（填充零）」 in Chinese)."""
    return QCoreApplication.translate("hover", "{step} (padding zero)").format(step=str(step).replace("-", "−"))


def describe_padding(tr: Conv1DTrace, ref: CellRef, n: int) -> str:
    """What a padding cell is: why it is there, and which windows read it."""
    side = QCoreApplication.translate("hover", "left") if ref.step < 0 else QCoreApplication.translate("hover", "right")
    head = f"x[{n}, {padded_step(ref.step)}, {ref.channel}] = 0"
    why = QCoreApplication.translate(
        "hover", "padding '{p}' adds zeros: {l} on the left, {r} on the right; this one is on the {side}"
    ).format(
        p=tr.spec.padding, l=tr.pad_left, r=tr.pad_right, side=side
    )
    pairs = tr.taps_at(ref.step)
    if not pairs:
        return f"{head} — {why}; " + QCoreApplication.translate("hover", "no window reads it")
    reads = ", ".join(f"y[{n}, {t}, :]·j={j}" for t, j in pairs[:6]) + (" …" if len(pairs) > 6 else "")
    return f"{head} — {why}; " + QCoreApplication.translate(
        "hover", "read by {reads}, so it adds nothing to those sums"
    ).format(reads=reads)


class HighlightLayer:
    """Path items over the three panels showing a :class:`Highlight`; created once, re-pathed on hover."""

    def __init__(self, diagram: OverlayHost) -> None:
        self.diagram = diagram
        self.highlight = Highlight()
        self.source_items: dict[str, QGraphicsPathItem] = {}
        self.related_items: dict[str, QGraphicsPathItem] = {}
        for name in OVERLAY_PANELS:
            for store, z in ((self.related_items, 21), (self.source_items, 23)):
                item = QGraphicsPathItem()
                item.setZValue(z)
                item.setVisible(False)
                diagram.add_overlay(name, item)
                store[name] = item
        self.dropped_item = QGraphicsPathItem()
        self.dropped_item.setZValue(12)
        self.dropped_item.setVisible(False)
        diagram.add_overlay("input", self.dropped_item)
        self.legend = pg.TextItem(anchor=(1.0, 1.0))
        self.legend.setZValue(26)
        self.legend.setVisible(False)
        diagram.add_overlay("input", self.legend)
        self.apply_theme(diagram.theme)

    @property
    def items(self) -> list[object]:
        return [*self.source_items.values(), *self.related_items.values(), self.dropped_item, self.legend]

    def set_font(self, font: QFont) -> None:
        """The legend's font (the diagram's text size: doubled in classroom mode)."""
        if self.legend.textItem.font() != font:
            self.legend.setFont(font)

    def apply_theme(self, theme: Theme) -> None:
        for item in self.source_items.values():
            item.setPen(highlight_pen(theme, theme.hover, theme.line_width + 1.5))
            fill = QColor(theme.hover)
            fill.setAlpha(50)
            item.setBrush(QBrush(fill))
        for item in self.related_items.values():
            item.setPen(highlight_pen(theme, theme.feeds, max(theme.line_width - 0.5, 2.0)))
            fill = QColor(theme.feeds)
            fill.setAlpha(70)
            item.setBrush(QBrush(fill))
        self.dropped_item.setPen(cell_pen(theme.dropped, 1.5))
        grey = QColor(theme.padding)
        grey.setAlpha(150)
        self.dropped_item.setBrush(QBrush(grey))
        self.legend.setColor(theme.foreground)
        bg = QColor(theme.background)
        bg.setAlpha(220)
        self.legend.fill = pg.mkBrush(bg)
        self.legend.border = cell_pen(theme.dropped)
        self.legend.update()

    def clear(self) -> None:
        self.highlight = Highlight()
        for item in self.items:
            item.setVisible(False)  # type: ignore[attr-defined]

    def show(self, tr: Conv1DTrace, ref: CellRef | None, current_step: int) -> Highlight:
        """Compute the highlight of ``ref`` from ``tr`` and move the paths there."""
        if ref is None:
            self.clear()
            return self.highlight
        hl = highlight_for(tr, ref, current_step)
        self.highlight = hl
        d = self.diagram
        rects: dict[str, list[QRectF]] = {name: [] for name in OVERLAY_PANELS}
        for s0, c0, ns, nc in hl.input:
            rects["input"].append(d.logical_rect(int(s0), int(c0), int(ns), int(nc)))
        for j0, c0, nj, nc, f in hl.kernel:
            rects["kernel"].append(d.kernel_rect(int(f), int(j0), int(nj), int(c0), int(nc)))
        for f in hl.bias:
            rects["kernel"].append(d.ref_rect(CellRef("bias", filter=int(f))))
        for t0, f0, nt, nf in hl.output:
            rects["output"].append(d.output_rect(int(t0), int(f0), int(nt), int(nf)))
        rects = {name: [r for r in found if not r.isEmpty()] for name, found in rects.items()}
        for name, item in self.related_items.items():
            item.setPath(_path(rects[name]))
            item.setVisible(bool(rects[name]))
        panel = "kernel" if ref.kind == "bias" else ref.kind
        for name, item in self.source_items.items():
            if name == panel:
                item.setPath(_path([r for r in [d.ref_rect(ref)] if not r.isEmpty()]))
            item.setVisible(name == panel)
        self._show_dropped(tr, hl)
        return hl

    def _show_dropped(self, tr: Conv1DTrace, hl: Highlight) -> None:
        d = self.diagram
        if not hl.dropped:
            self.dropped_item.setVisible(False)
            self.legend.setVisible(False)
            return
        self.dropped_item.setPath(dropped_path(d, tr, hl.dropped))
        self.dropped_item.setVisible(True)
        steps = ", ".join(str(s) for s in hl.dropped[:12]) + (" …" if len(hl.dropped) > 12 else "")
        self.legend.setText(
            QCoreApplication.translate(
                "hover", "✕ grey: input steps no output reads (strides skip them / after the last window): {steps}"
            ).format(steps=steps)
        )
        drawn = tr.padded_steps
        whole = d.logical_rect(drawn.start, 0, len(drawn), tr.channels)
        lr = d.state.view.orientation == "time_lr"
        self.legend.setAnchor((1.0, 1.0) if lr else (1.0, 0.0))  # above the cells when there is room
        self.legend.setPos(whole.right(), whole.top())
        self.legend.setVisible(True)


def dropped_path(host: OverlayHost, tr: Conv1DTrace, steps: tuple[int, ...]) -> QPainterPath:
    """Each input step in ``steps`` crossed out over every channel (the steps no output reads)."""
    path = QPainterPath()
    for step in steps:
        r = host.logical_rect(step, 0, 1, tr.channels)
        path.addRect(r)
        path.moveTo(r.topLeft())
        path.lineTo(r.bottomRight())
        path.moveTo(r.topRight())
        path.lineTo(r.bottomLeft())
    return path


def _path(rects: list[QRectF]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r in rects:
        path.addRect(r)
    return path
