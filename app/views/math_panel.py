"""The math panel: the expanded sum of one output cell with its real numbers, or with symbols.

It follows the inspected cell (hovered, else pinned) or the current animation
position, and reads every number from ``Conv1DTrace.cell`` (products, per-channel
partial sums, bias, activation): nothing is recomputed here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.state.explorer import ExplorerState
from app.views.cell_texts import format_value
from app.views.colors import THEMES
from conv_core import CellTrace, Conv1DTrace

__all__ = ["MAX_CHANNEL_ROWS", "MAX_TAP_TERMS", "MathPanel"]

MAX_CHANNEL_ROWS = 8  # more channels than this: the first few, '⋮', the last one
MAX_TAP_TERMS = 5  # more taps than this per channel: the first few products, '…', the last
MAX_TERMS_CHARS = 20  # products per line stop here ('…') so every partial sum stays in view


def _num(v: float) -> str:
    """A number for the sum: the unicode minus, negatives in parentheses inside products."""
    return format_value(float(v)).replace("-", "−")


def _factor(v: float) -> str:
    text = _num(v)
    return f"({text})" if text.startswith("−") else text


class MathPanel(QWidget):
    """``y[n, t, f] = act(b[f] + Σ_j Σ_c x·w)`` worked out for one output cell."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("math_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("math_title")
        title_font = QFont()
        title_font.setPointSize(15)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        head.addWidget(self.title, 1)
        self.symbols = QCheckBox()
        self.symbols.setObjectName("math_symbols")
        self.symbols.toggled.connect(self.refresh)
        head.addWidget(self.symbols, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.body = QLabel()
        self.body.setObjectName("math_body")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(14)
        self.body.setFont(mono)
        layout.addWidget(self.body, 1)
        self.cell: CellTrace | None = None
        state.traceChanged.connect(self.refresh)
        state.positionChanged.connect(self.refresh)
        state.inspectChanged.connect(self.refresh)
        state.viewChanged.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on ``LanguageChange``)."""
        self.symbols.setText(self.tr("symbols"))
        self.symbols.setToolTip(
            self.tr(
                "Show the same sum with symbols: y[t, f] = b[f] + Σ_j Σ_c x[t·s + j·d − "
                "pad_left, c] · w[j, c, f], with this layer's s, d and pad_left."
            )
        )
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ text
    def plain_text(self) -> str:
        """The panel as plain text (title and body), for tests and copying."""
        doc = self.body.text()
        from PySide6.QtGui import QTextDocument

        d = QTextDocument()
        d.setHtml(doc)
        return self.title.text() + "\n" + d.toPlainText()

    def refresh(self) -> None:
        tr = self.state.trace
        target = self.state.inspected_output()
        if tr is None or target is None:
            self.cell = None
            self.title.setText(self.tr("Arithmetic"))
            self.body.setText(html.escape(self.tr("No output cell: the layer has no output steps.")))
            return
        n = min(self.state.view.sample, tr.batch - 1)
        step, f = target
        self.cell = cell = tr.cell(n, step, f)
        ref = self.state.inspected
        why = (
            self.tr("hovered")
            if ref is not None and ref is self.state.hovered
            else self.tr("pinned — Esc to unpin")
            if ref is not None
            else self.tr("current position")
        )
        self.title.setText(
            self.tr("Arithmetic of y[{n}, {t}, {f}] ({why})").format(n=n, t=step, f=f, why=why)
        )
        self.body.setText(
            self._symbols_html(tr, cell) if self.symbols.isChecked() else self._numbers_html(tr, cell)
        )

    def _colors(self) -> tuple[str, str, str]:
        theme = THEMES[self.state.view.theme]
        return theme.foreground, theme.padding, theme.hover

    def _numbers_html(self, tr: Conv1DTrace, cell: CellTrace) -> str:
        """Aligned monospace lines: one per channel (its products = its partial sum), then the total."""
        fg, pad_color, accent = self._colors()
        k, cg = cell.weights.shape
        n, t, f = cell.sample, cell.step, cell.filter
        on_pad = tr.tap_on_padding[t]
        steps = ", ".join(self.tr("pad") if pad else str(int(s)) for s, pad in zip(cell.taps, on_pad, strict=True))
        head = html.escape(
            self.tr("taps j = 0…{last} read input steps {steps}").format(last=k - 1, steps=steps)
        )

        def term(j: int, c: int) -> tuple[str, str]:
            w = _factor(cell.weights[j, c])
            if on_pad[j]:
                return f"<span style='color:{pad_color}'>0</span>·{w}", f"0·{w}"
            x = _factor(cell.inputs[j, c])
            return f"{x}·{w}", f"{x}·{w}"

        rows: list[tuple[str, int, str]] = []  # (left html, left plain length, right text)
        shown = [*range(MAX_CHANNEL_ROWS - 2), cg - 1] if cg > MAX_CHANNEL_ROWS else list(range(cg))
        for idx, c in enumerate(shown):
            if idx and c != shown[idx - 1] + 1:
                gap = "⋮ " + self.tr("{m} more channels").format(m=c - shown[idx - 1] - 1)
                rows.append((html.escape(gap), len(gap), ""))
            picked = list(range(k)) if k <= MAX_TAP_TERMS else [*range(MAX_TAP_TERMS - 2), -1, k - 1]
            parts_html: list[str] = []
            parts_plain: list[str] = []
            for j in picked:
                h, p = ("…", "…") if j < 0 else term(j, c)
                if parts_plain and len(" + ".join([*parts_plain, p])) > MAX_TERMS_CHARS:
                    parts_html.append("…")  # long decimals: the first products, then the partial sum
                    parts_plain.append("…")
                    break
                parts_html.append(h)
                parts_plain.append(p)
            label = f"c={int(cell.channels[c])}: "
            rows.append(
                (
                    html.escape(label) + " + ".join(parts_html),
                    len(label) + len(" + ".join(parts_plain)),
                    _num(cell.channel_sums[c]),
                )
            )
        rule = len(rows)
        total_label = self.tr("Σ {k} taps × {c} channels").format(k=k, c=cg)
        rows.append((html.escape(total_label), len(total_label), _num(cell.total)))
        if tr.spec.use_bias:
            bias_label = "+ " + self.tr("bias") + f" b[{f}]"
            rows.append((html.escape(bias_label), len(bias_label), _num(cell.bias)))
            pre_label = self.tr("before activation")
            rows.append((html.escape(pre_label), len(pre_label), _num(cell.pre_activation)))
        if cell.activation != "linear":
            act_label = f"{cell.activation}({_num(cell.pre_activation)})"
            rows.append((html.escape(act_label), len(act_label), _num(cell.value)))
        width = max(length for _, length, _ in rows)
        right = max(len(r) for _, _, r in rows)
        lines = []
        for i, (left, length, value) in enumerate(rows):
            if i == rule:
                lines.append(f"<span style='color:{fg}'>" + "─" * (width + right + 3) + "</span>")
            pad = "&nbsp;" * (width - length)
            val = "" if not value else " = " + "&nbsp;" * (right - len(value)) + f"<b>{value}</b>"
            lines.append(left + pad + val)
        body = "<br>".join(lines)
        result = f"y[{n}, {t}, {f}] = {_num(cell.value)}"
        return (
            f"<p style='color:{fg}'>{head}</p>"
            f"<p style='white-space:pre'>{body}</p>"
            f"<p style='font-size:18pt; color:{accent}'><b>{html.escape(result)}</b></p>"
            + self._legend(tr, cell)
        )

    def _legend(self, tr: Conv1DTrace, cell: CellTrace) -> str:
        notes = []
        if len(tr.padding_taps(cell.step)):
            _, pad_color, _ = self._colors()
            notes.append(
                f"<span style='color:{pad_color}'>0</span> = " + html.escape(self.tr("a padding zero"))
            )
        notes.append(html.escape(self.tr("each term is x · w (input value · weight)")))
        return "<p style='font-size:11pt'>" + "<br>".join(notes) + "</p>"

    def _symbols_html(self, tr: Conv1DTrace, cell: CellTrace) -> str:
        fg, _, accent = self._colors()
        spec = tr.spec
        s, d, pl = spec.strides, spec.dilation_rate, tr.pad_left
        k, cg = cell.weights.shape
        t, f = cell.step, cell.filter
        group = tr.group_of_filter(f)
        chan = "c" if spec.groups == 1 else "G·(C/g) + c"
        bias = "b[f] + " if spec.use_bias else ""
        act_open, act_close = ("", "") if spec.activation == "linear" else (f"{spec.activation}(", ")")
        general = (
            f"y[t, f] = {act_open}{bias}Σ<sub>j=0</sub><sup>k−1</sup> Σ<sub>c=0</sub><sup>C/g−1</sup> "
            f"x[t·s + j·d − pad_left, {chan}] · w[j, c, f]{act_close}"
        )
        values = f"s = {s}, d = {d}, pad_left = {pl}, k = {k}, C/g = {cg}"
        if spec.groups > 1:
            values += f", G = f // (F/g) = {f} // {tr.filters_per_group} = {group}"
        chan_here = "c" if spec.groups == 1 else f"{tr.first_channel_of_filter(f)} + c"
        bias_here = f"b[{f}] + " if spec.use_bias else ""
        here = (
            f"y[{t}, {f}] = {act_open}{bias_here}"
            f"Σ<sub>j=0</sub><sup>{k - 1}</sup> Σ<sub>c=0</sub><sup>{cg - 1}</sup> "
            f"x[{t}·{s} + j·{d} − {pl}, {chan_here}] · w[j, c, {f}]{act_close}"
        )
        taps = []
        for j, p in enumerate(tr.tap_steps[t].tolist()):
            where = str(p) if not tr.tap_on_padding[t, j] else f"{p} ({html.escape(self.tr('padding: 0'))})"
            taps.append(f"j={j}: x[{t}·{s} + {j}·{d} − {pl}] = x[{where}]")
        shown = taps if k <= 8 else [*taps[:6], "…", taps[-1]]
        return (
            f"<p>{general}</p>"
            f"<p style='color:{fg}'>{html.escape(self.tr('with this layer:'))} {values}</p>"
            f"<p>{here}</p><p>" + "<br>".join(shown) + "</p>"
            f"<p style='font-size:17pt; color:{accent}'><b>= {_num(cell.value)}</b></p>"
        )
