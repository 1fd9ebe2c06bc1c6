"""The math panel: the expanded sum of one output cell with its real numbers, or with symbols.

It follows the inspected cell (hovered, else pinned) or the current animation
position, and reads every number from ``Conv1DTrace.cell`` (products, per-channel
partial sums, bias, activation): nothing is recomputed here.

The sum is a table (label | products | = | value), so the ``=`` column and the values
line up in every language and font (a CJK label is twice as wide as its character
count); the products of a channel wrap inside their cell instead of being cut.  Up to
``MAX_TAP_TERMS`` x ``MAX_CHANNEL_ROWS`` every product is shown; beyond that the rows say
how many terms they hide, and a link shows them all.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QWidget

from app.i18n.messages import channels_text, index_legend, last_valid_setting_text
from app.state.explorer import ExplorerState
from app.views.cell_texts import format_value
from app.views.colors import THEMES
from app.views.text_panel import TextPanel
from conv_core import CellTrace, Conv1DTrace, Conv1DTransposeTrace

__all__ = [
    "EXPANDED_TERM_LIMIT", "MAX_CHANNEL_ROWS", "MAX_TAP_TERMS", "MAX_TRANSPOSE_CHANNELS", "MAX_TRANSPOSE_FILTERS",
    "MathPanel", "signed_step",
]

MAX_TAP_TERMS = 5  # every product of a channel is shown up to this kernel_size
MAX_CHANNEL_ROWS = 8  # every channel row is shown up to this many channels per filter
MAX_TRANSPOSE_CHANNELS = 4  # Conv1DTranspose: every x·w of a kernel position up to this many channels
MAX_TRANSPOSE_FILTERS = 4  # Conv1DTranspose: every filter's rows up to this many filters
EXPANDED_TERM_LIMIT = 4000  # "show all" still elides beyond this many products (a label stays fast)

EXPAND_LINK, COLLAPSE_LINK = "expand", "collapse"


def _num(v: float) -> str:
    """A number for the sum: the unicode minus, negatives in parentheses inside products."""
    return format_value(float(v)).replace("-", "−")


def _factor(v: float) -> str:
    text = _num(v)
    return f"({text})" if text.startswith("−") else text


def signed_step(step: int) -> str:
    """A signed input step as the issue writes it: ``−2`` with the unicode minus."""
    return str(int(step)).replace("-", "−")


def _unbroken(text: str) -> str:
    """Escaped HTML that never breaks across lines: no-break spaces, and a word joiner between
    characters (Chinese may otherwise break between any two; Qt ignores ``white-space`` inline)."""
    return "\u2060".join(html.escape(ch) for ch in text.replace(" ", "\u00a0"))


def _pick(count: int, limit: int) -> list[int | None]:
    """Indices to show of ``count``: all up to ``limit``, else the first ones, ``None`` (a gap), the last."""
    if count <= limit:
        return list(range(count))
    return [*range(max(limit - 2, 1)), None, count - 1]


@dataclass
class _Row:
    """One line of the sum: ``label`` (escaped HTML) ``terms`` = ``value``; ``span`` joins label and terms."""

    label: str
    terms: list[str]  # HTML of each product (or of an elision note)
    plain_terms: list[str]
    value: str = ""
    span: bool = False


class MathPanel(TextPanel):
    """``y[b, t, f] = act(bias[f] + Σ_j Σ_c x·w)`` worked out for one output cell."""

    body_scale = 1.4
    mono = True

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        self.state = state
        self._cell: CellTrace | None = None
        self.expanded = False  # the user asked for every term
        self._hidden_terms = 0  # products the current text leaves out
        self._plain = ""
        super().__init__("math", parent)
        self.symbols = QCheckBox()
        self.symbols.setObjectName("math_symbols")
        self.symbols.toggled.connect(self.schedule)
        self.head.addWidget(self.symbols, 0, Qt.AlignmentFlag.AlignTop)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.body.setOpenExternalLinks(False)
        self.body.linkActivated.connect(self._on_link_activated)
        state.traceChanged.connect(self.schedule)
        state.transposeChanged.connect(self.schedule)
        state.settingsChanged.connect(self.schedule)
        state.errorChanged.connect(self.schedule)
        state.positionChanged.connect(self.schedule)
        state.inspectChanged.connect(self.schedule)
        state.viewChanged.connect(self.schedule)
        self.retranslate()

    @property
    def cell(self) -> CellTrace | None:
        """The output cell the sum is about (``None`` without output steps)."""
        self.ensure_current()
        return self._cell

    @property
    def hidden_terms(self) -> int:
        """Products the current text leaves out (0 when every term shows)."""
        self.ensure_current()
        return self._hidden_terms

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on ``LanguageChange``)."""
        self.symbols.setText(self.tr("symbols"))
        self.symbols.setToolTip(
            self.tr(
                "Show the same sum with symbols: y[b, t, f] = bias[f] + Σ_j Σ_c x[b, t·s + j·d − "
                "pad_left, c] · w[j, c, f], with this layer's s, d and pad_left."
            )
        )
        self.refresh()

    def _on_link_activated(self, link: str) -> None:
        self.set_expanded(link == EXPAND_LINK)

    def set_expanded(self, on: bool) -> None:
        """Show every term (``True``) or the compact sum; the link under the sum does the same."""
        if on != self.expanded:
            self.expanded = on
            self.schedule()

    # ------------------------------------------------------------------ text
    def plain_text(self) -> str:
        """The title and the sum as plain text, one line per row (``c=0: 3·1 + 1·0 = 1``)."""
        self.ensure_current()
        return self.title.text() + "\n" + self._plain

    def refresh(self) -> None:
        if self.state.layer_kind == "Conv1DTranspose":
            self._refresh_transpose()
            return
        tr = self.state.trace
        target = self.state.inspected_output()
        if tr is None or target is None:
            self._cell = None
            self._hidden_terms = 0
            self.title.setText(self.tr("Arithmetic"))
            text = self.tr("No output cell: the layer has no output steps.")
            self._plain = "\n".join(x for x in (last_valid_setting_text(self.state), text) if x)
            self.body.setText(self._stale_html() + html.escape(text))
            return
        n = min(self.state.view.sample, tr.batch - 1)
        step, f = target
        self._cell = cell = tr.cell(n, step, f)
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
        body = self._symbols_html(tr, cell) if self.symbols.isChecked() else self._numbers_html(tr, cell)
        stale = last_valid_setting_text(self.state)
        if stale:
            self._plain = stale + "\n" + self._plain
        self.body.setText(self._stale_html() + body)

    def _stale_html(self) -> str:
        """The stamp of a picture kept from the last valid setting (empty while the setting is valid)."""
        text = last_valid_setting_text(self.state)
        if not text:
            return ""
        error = THEMES[self.state.view.theme].error
        return f"<p style='color:{error}'><b>{html.escape(text)}</b></p>"

    def _colors(self) -> tuple[str, str, str]:
        theme = THEMES[self.state.view.theme]
        return theme.foreground, theme.padding, theme.hover

    def read_steps_text(self, tr: Conv1DTrace, step: int, *, keep: bool = False) -> str:
        """``−2 (padding zero), 0, 2``: the signed input step of every tap of output ``step``.

        ``keep=True`` gives escaped HTML in which a line never breaks inside one step.
        """
        on_pad = tr.tap_on_padding[step]
        sep = self.tr(", ", "list separator")
        items = [
            self.tr("{step} (padding zero)").format(step=signed_step(s)) if pad else signed_step(s)
            for s, pad in zip(tr.tap_steps[step].tolist(), on_pad.tolist(), strict=True)
        ]
        if keep:
            return html.escape(sep).join(_unbroken(i) for i in items)
        return sep.join(items)

    def _limits(self, k: int, cg: int) -> tuple[int, int]:
        """(taps, channel rows) shown in full; "show all" raises both within EXPANDED_TERM_LIMIT."""
        if not self.expanded:
            return MAX_TAP_TERMS, MAX_CHANNEL_ROWS
        taps = max(MAX_TAP_TERMS, min(k, EXPANDED_TERM_LIMIT // MAX_CHANNEL_ROWS))
        return taps, max(MAX_CHANNEL_ROWS, EXPANDED_TERM_LIMIT // max(min(k, taps), 1))

    def _numbers_html(self, tr: Conv1DTrace, cell: CellTrace) -> str:
        """A table: one row per channel (its products = its partial sum), a rule, then the total."""
        fg, pad_color, accent = self._colors()
        k, cg = cell.weights.shape
        n, t, f = cell.sample, cell.step, cell.filter
        on_pad = tr.tap_on_padding[t]
        template = self.tr("taps j = 0…{last} read input steps {steps}")
        head = template.format(last=k - 1, steps=self.read_steps_text(tr, t))
        head_html = html.escape(template).format(last=k - 1, steps=self.read_steps_text(tr, t, keep=True))
        tap_limit, row_limit = self._limits(k, cg)
        taps = _pick(k, tap_limit)
        hidden_per_row = k - sum(j is not None for j in taps)

        def term(j: int, c: int) -> tuple[str, str]:
            w = _factor(cell.weights[j, c])
            if on_pad[j]:
                return f"<span style='color:{pad_color}'>0</span>·{w}", f"0·{w}"
            x = _factor(cell.inputs[j, c])
            return f"{x}·{w}", f"{x}·{w}"

        def gap_note(m: int) -> str:
            return self.tr("… %n more term(s) …", "", m)

        rows: list[_Row] = []
        hidden = 0
        channels = _pick(cg, row_limit)
        for c in channels:
            if c is None:
                m = cg - sum(x is not None for x in channels)
                note = self.tr("⋮ {channels} ({terms})").format(
                    channels=self.tr("%n more channel(s)", "", m), terms=self.tr("%n term(s)", "", m * k)
                )
                rows.append(_Row(html.escape(note), [], [], span=True))
                hidden += m * k
                continue
            parts_html, parts_plain = [], []
            for j in taps:
                if j is None:
                    note = gap_note(hidden_per_row)
                    parts_html.append(f"<i>{_unbroken(note)}</i>")
                    parts_plain.append(note)
                else:
                    h, p = term(j, c)
                    parts_html.append(h)
                    parts_plain.append(p)
            hidden += hidden_per_row
            label = f"c={int(cell.channels[c])}:"
            rows.append(_Row(html.escape(label), parts_html, parts_plain, _num(cell.channel_sums[c])))
        rule = len(rows)
        total_label = self.tr("Σ %n tap(s)", "", k) + " × " + channels_text(cg)
        rows.append(_Row(html.escape(total_label), [], [], _num(cell.total), span=True))
        if tr.spec.use_bias:
            bias_label = self.tr("+ bias[{f}]").format(f=f)
            rows.append(_Row(html.escape(bias_label), [], [], _num(cell.bias), span=True))
            pre_label = self.tr("before activation")
            rows.append(_Row(html.escape(pre_label), [], [], _num(cell.pre_activation), span=True))
        if cell.activation != "linear":
            act_label = f"{cell.activation}({_num(cell.pre_activation)})"
            rows.append(_Row(html.escape(act_label), [], [], _num(cell.value), span=True))
        self._hidden_terms = hidden
        result = f"y[{n}, {t}, {f}] = {_num(cell.value)}"
        plain = [head, *self._plain_rows(rows, rule), result]
        link = self._expand_link(hidden, k > MAX_TAP_TERMS or cg > MAX_CHANNEL_ROWS)
        self._plain = "\n".join(plain + ([link[1]] if link[1] else []))
        return (
            f"<p style='color:{fg}'>{head_html}</p>"
            + self._table(rows, rule, fg)
            + link[0]
            + f"<p style='font-size:{self.pt(2.0)}; color:{accent}'><b>{html.escape(result)}</b></p>"
            + self._legend(tr, cell)
        )

    def _expand_link(self, hidden: int, elidable: bool) -> tuple[str, str]:
        """(HTML, plain) of the link that shows every term, or back to the compact sum
        (``elidable``: the compact sum of this cell hides terms)."""
        if hidden and not self.expanded:
            total = 0 if self._cell is None else int(self._cell.weights.size)
            text = self.tr("Show all %n term(s)", "", total)
            return self._link(EXPAND_LINK, text), text
        if self.expanded and elidable:
            text = self.tr("Show fewer terms")
            return self._link(COLLAPSE_LINK, text), text
        return "", ""

    def _table(self, rows: list[_Row], rule: int, fg: str) -> str:
        """The rows as an HTML table (sum | = | value): the products wrap in their cell, a break only
        before a ``+``, continuation lines indented past the channel label (a hanging indent)."""
        metrics = QFontMetrics(self.body.font())
        out = ["<table cellspacing='0' cellpadding='1'>"]
        for i, row in enumerate(rows):
            if i == rule:
                out.append(
                    f"<tr><td colspan='3' style='border-top:1px solid {fg}; font-size:2pt'>&nbsp;</td></tr>"
                )
            value = f"<b>{row.value}</b>" if row.value else ""
            eq = "=" if row.value else ""
            if row.span:
                first = f"<td style='white-space:nowrap'>{row.label}</td>"
            else:
                hang = metrics.horizontalAdvance(html.unescape(row.label) + " ")
                terms = " +&nbsp;".join(row.terms)
                first = (
                    f"<td><p style='margin:0; margin-left:{hang}px; text-indent:-{hang}px'>"
                    f"{row.label}&nbsp;{terms}</p></td>"
                )
            # a label in a CJK font is taller than the monospace digits: align its row on the bottom line
            valign = "bottom" if row.span else "top"
            out.append(
                f"<tr valign='{valign}'>{first}<td align='center' style='white-space:nowrap'>&nbsp;{eq}&nbsp;</td>"
                f"<td align='right' style='white-space:nowrap'>{value}</td></tr>"
            )
        out.append("</table>")
        return "".join(out)

    def _link(self, href: str, text: str) -> str:
        """A link in the theme's text colour, underlined (the palette's blue fails on the dark themes)."""
        fg = THEMES[self.state.view.theme].foreground
        return f"<p><a href='{href}' style='color:{fg}; text-decoration:underline'>{html.escape(text)}</a></p>"

    @staticmethod
    def _plain_rows(rows: list[_Row], rule: int) -> list[str]:
        lines = []
        for i, row in enumerate(rows):
            if i == rule:
                lines.append("─" * 12)
            label = html.unescape(row.label)
            terms = " + ".join(row.plain_terms)
            left = f"{label} {terms}" if terms else label
            lines.append(f"{left} = {row.value}" if row.value else left)
        return lines

    def _legend(self, tr: Conv1DTrace, cell: CellTrace) -> str:
        notes = []
        if len(tr.padding_taps(cell.step)):
            _, pad_color, _ = self._colors()
            notes.append(
                f"<span style='color:{pad_color}'>0</span> = " + html.escape(self.tr("a padding zero"))
            )
        notes.append(html.escape(self.tr("each term is x · w (input value · weight)")))
        notes.append(html.escape(index_legend()))
        return f"<p style='font-size:{self.pt(1.15)}; white-space:pre-wrap'>" + "<br>".join(notes) + "</p>"

    def _symbols_html(self, tr: Conv1DTrace, cell: CellTrace) -> str:
        fg, _, accent = self._colors()
        spec = tr.spec
        s, d, pl = spec.strides, spec.dilation_rate, tr.pad_left
        k, cg = cell.weights.shape
        n, t, f = cell.sample, cell.step, cell.filter
        group = tr.group_of_filter(f)
        chan = "c" if spec.groups == 1 else "G·(C/g) + c"
        bias = "bias[f] + " if spec.use_bias else ""
        act_open, act_close = ("", "") if spec.activation == "linear" else (f"{spec.activation}(", ")")
        general = (
            f"y[b, t, f] = {act_open}{bias}Σ<sub>j=0</sub><sup>k−1</sup> Σ<sub>c=0</sub><sup>C/g−1</sup> "
            f"x[b, t·s + j·d − pad_left, {chan}] · w[j, c, f]{act_close}"
        )
        values = f"s = {s}, d = {d}, pad_left = {pl}, k = {k}, C/g = {cg}"
        if spec.groups > 1:
            values += f", G = f // (F/g) = {f} // {tr.filters_per_group} = {group}"
        chan_here = "c" if spec.groups == 1 else f"{tr.first_channel_of_filter(f)} + c"
        bias_here = f"bias[{f}] + " if spec.use_bias else ""
        here = (
            f"y[{n}, {t}, {f}] = {act_open}{bias_here}"
            f"Σ<sub>j=0</sub><sup>{k - 1}</sup> Σ<sub>c=0</sub><sup>{cg - 1}</sup> "
            f"x[{n}, {t}·{s} + j·{d} − {pl}, {chan_here}] · w[j, c, {f}]{act_close}"
        )
        taps = []
        for j, p in enumerate(tr.tap_steps[t].tolist()):
            where = signed_step(p)
            if tr.tap_on_padding[t, j]:
                where = self.tr("{step} (padding zero)").format(step=where)
            taps.append(html.escape(f"j={j}: x[{n}, {t}·{s} + {j}·{d} − {pl}] = x[{n}, {where}]"))
        tap_limit, _ = self._limits(k, cg)
        picked = _pick(k, tap_limit + 3)  # one short line per tap: a few more fit than products
        hidden = k - sum(j is not None for j in picked)
        shown = [taps[j] if j is not None else html.escape(self.tr("… %n more term(s) …", "", hidden)) for j in picked]
        self._hidden_terms = hidden
        link_html, link_plain = self._expand_link(hidden, k > MAX_TAP_TERMS + 3)
        plain_general = (
            f"y[b, t, f] = {act_open}{bias}Σ_j Σ_c x[b, t·s + j·d − pad_left, {chan}] · w[j, c, f]{act_close}"
        )
        plain_here = (
            f"y[{n}, {t}, {f}] = {act_open}{bias_here}Σ_j Σ_c x[{n}, {t}·{s} + j·{d} − {pl}, {chan_here}] · "
            f"w[j, c, {f}]{act_close}"
        )
        with_layer = self.tr("with this layer:")
        self._plain = "\n".join(
            [plain_general, f"{with_layer} {values}", plain_here, *(html.unescape(x) for x in shown),
             f"= {_num(cell.value)}", *([link_plain] if link_plain else [])]
        )
        return (
            f"<p>{general}</p>"
            f"<p style='color:{fg}'>{html.escape(with_layer)} {values}</p>"
            f"<p>{here}</p><p>" + "<br>".join(shown) + "</p>"
            + link_html
            + f"<p style='font-size:{self.pt(1.9)}; color:{accent}'><b>= {_num(cell.value)}</b></p>"
            + f"<p style='font-size:{self.pt(1.15)}; white-space:pre-wrap'>{html.escape(index_legend())}</p>"
        )


    # ------------------------------------------------------------------ Conv1DTranspose
    def _transpose_stamp(self) -> tuple[str, str]:
        """(HTML, plain) of an invalid Conv1DTranspose setting: the last-valid stamp and Keras's words."""
        error = self.state.error
        if error is None:
            return "", ""
        color = THEMES[self.state.view.theme].error
        stale = last_valid_setting_text(self.state)
        keras = error.keras.splitlines()[0] if error.keras else str(error)
        lines = [x for x in (stale, keras) if x]
        body = (f"<b>{html.escape(stale)}</b><br>" if stale else "") + html.escape(keras)
        return f"<p style='color:{color}'>{body}</p>", "\n".join(lines)

    def _refresh_transpose(self) -> None:
        """The current input step's scatter: every x·w it adds, where, and the running sums it makes."""
        tt = self.state.transpose_trace
        stamp_html, stamp_plain = self._transpose_stamp()
        self._cell = None
        if tt is None or tt.out_steps == 0:
            self._hidden_terms = 0
            self.title.setText(self.tr("Arithmetic"))
            text = "" if tt is None else self.tr("This Conv1DTranspose has no output steps.")
            self._plain = "\n".join(x for x in (stamp_plain, text) if x)
            self.body.setText(stamp_html + html.escape(text))
            return
        n = min(self.state.view.sample, int(tt.x.shape[0]) - 1)
        i = min(self.state.position, tt.steps - 1)
        self.title.setText(
            self.tr("Arithmetic of x[{n}, {i}, :] scattering (current position)").format(n=n, i=i)
        )
        if self.symbols.isChecked():
            body = self._transpose_symbols_html(tt, n, i)
        else:
            body = self._transpose_numbers_html(tt, n, i)
        if stamp_plain:
            self._plain = stamp_plain + "\n" + self._plain
        self.body.setText(stamp_html + body)

    def _transpose_where(self, tt: Conv1DTransposeTrace, i: int) -> str:
        """``t = 2·2 + j·1 − 0 = 4, 5, 6``: where each kernel position of input step ``i`` lands."""
        s = tt.spec
        spots = ", ".join(signed_step(p) for p in tt.positions(i).tolist())
        return f"t = {i}·{s.strides} + j·{s.dilation_rate} − {tt.crop} = {spots}"

    def _transpose_numbers_html(self, tt: Conv1DTransposeTrace, n: int, i: int) -> str:
        """One entry per (filter, kernel position): ``y[b, t, f] += x·w + … = added``, then the running sum of
        that output cell (before + added = after) and the input steps that reach it.  Narrow on purpose: the
        panel is a folded tab on a laptop."""
        fg, pad_color, accent = self._colors()
        s = tt.spec
        k, filters, channels = (int(v) for v in tt.kernel.shape)
        pos = tt.positions(i)
        added = tt.contribution(n, i)  # (k, F): what step i adds through each kernel position
        after = tt.partial(n, i)  # (Lout, F): running sums (bias included) once steps 0..i scattered
        before = tt.partial(n, i - 1)  # ... before step i (bias alone for i = 0)
        every = np.stack([tt.positions(m) for m in range(tt.steps)])  # (L, k): where every step lands
        head = self.tr("Input step {i} adds x[{n}, {i}, c] · w[j, f, c] to output step {where} "
                       "(j = 0…{last}); overlapping copies add up.").format(
            i=i, n=n, where=self._transpose_where(tt, i), last=k - 1)
        if s.use_bias:
            bias_note = self.tr("bias[f] is added once to every output cell: each running sum starts at it.")
        else:
            bias_note = self.tr("use_bias=False: the running sums start at 0.")
        if self.expanded:
            tap_limit = max(MAX_TAP_TERMS, min(k, EXPANDED_TERM_LIMIT // max(channels, 1)))
            chan_limit = max(MAX_TRANSPOSE_CHANNELS, EXPANDED_TERM_LIMIT // max(min(k, tap_limit), 1))
            filt_limit = max(MAX_TRANSPOSE_FILTERS, EXPANDED_TERM_LIMIT // max(min(k, tap_limit) * channels, 1))
        else:
            tap_limit, chan_limit, filt_limit = MAX_TAP_TERMS, MAX_TRANSPOSE_CHANNELS, MAX_TRANSPOSE_FILTERS
        taps, chans, filts = _pick(k, tap_limit), _pick(channels, chan_limit), _pick(filters, filt_limit)
        shown_chans = sum(c is not None for c in chans)
        shown_taps = sum(j is not None for j in taps)
        hidden = 0
        metrics = QFontMetrics(self.body.font())
        out = ["<table cellspacing='0' cellpadding='1'>"]
        plain: list[str] = [head, bias_note]

        def note_row(text: str) -> None:
            out.append(f"<tr><td colspan='3'><i>{html.escape(text)}</i></td></tr>")
            plain.append(text)

        for fi, f in enumerate(filts):
            if f is None:
                m = filters - sum(x is not None for x in filts)
                note_row(self.tr("⋮ {filters} ({terms})").format(
                    filters=self.tr("%n more filter(s)", "", m), terms=self.tr("%n term(s)", "", m * k * channels)))
                hidden += m * k * channels
                continue
            if fi > 0:
                out.append(f"<tr><td colspan='3' style='border-top:1px solid {fg}; font-size:2pt'>&nbsp;</td></tr>")
            for j in taps:
                if j is None:
                    m = k - shown_taps
                    note_row(self.tr("⋮ {positions} ({terms})").format(
                        positions=self.tr("%n more kernel position(s)", "", m),
                        terms=self.tr("%n term(s)", "", m * channels)))
                    hidden += m * channels
                    continue
                t = int(pos[j])
                inside = 0 <= t < tt.out_steps
                terms_h: list[str] = []
                terms_p: list[str] = []
                for c in chans:
                    if c is None:
                        note = self.tr("… %n more term(s) …", "", channels - shown_chans)
                        terms_h.append(f"<i>{_unbroken(note)}</i>")
                        terms_p.append(note)
                        continue
                    term = f"{_factor(tt.x[n, i, c])}·{_factor(tt.kernel[j, f, c])}"
                    terms_h.append(term)
                    terms_p.append(term)
                hidden += channels - shown_chans
                label = f"j={j}: y[{n}, {signed_step(t)}, {f}] +="
                value = _num(added[j, f])
                # continuation lines indent past "j=0: " only: Qt sizes a paragraph's minimum width as its
                # margin plus its widest word, ignoring the first line's negative indent
                hang = metrics.horizontalAdvance(f"j={j}: ")
                color = "" if inside else f"; color:{pad_color}"
                out.append(
                    f"<tr valign='top'><td><p style='margin:0; margin-left:{hang}px; text-indent:-{hang}px{color}'>"
                    f"{_unbroken(f'j={j}:')} {_unbroken(label.split(': ', 1)[1])} {' +&nbsp;'.join(terms_h)}</p></td>"
                    f"<td align='center' style='white-space:nowrap'>&nbsp;=&nbsp;</td>"
                    f"<td align='right' style='white-space:nowrap{color}'><b>{value}</b></td></tr>"
                )
                plain.append(f"{label} {' + '.join(terms_p)} = {value}")
                if inside:
                    sources = [int(m) for m in np.nonzero((every == t).any(axis=1))[0]]
                    done = max(sources) <= i
                    template = self.tr("running sum {before} + {added} = {after}")
                    numbers = {"before": _num(before[t, f]), "added": _factor(added[j, f])}
                    run_plain = template.format(**numbers, after=_num(after[t, f]))
                    run_html = html.escape(template).format(**numbers, after=f"<b>{_num(after[t, f])}</b>")
                    if done and s.activation != "linear":
                        final = f"{s.activation}(…) = {_num(tt.output[n, t, f])}"
                        run_plain += f"; {final}"
                        run_html += html.escape(f"; {final}")
                    shown = [str(m) for m in sources]
                    steps_text = ", ".join(shown if len(shown) <= 4 else [*shown[:2], "…", shown[-1]])
                    state_note = self.tr("complete") if done else self.tr("more to come")
                    if len(sources) > 1:
                        state_note = self.tr("overlap") + self.tr(", ", "list separator") + state_note
                    reach = self.tr("%n input step(s) reach it: {steps} ({note})", "", len(sources)).format(
                        steps=steps_text, note=state_note)
                    sep = self.tr("; ", "between two clauses")
                    second_plain = run_plain + sep + reach
                    second_html = run_html + html.escape(sep + reach)
                else:
                    second_plain = self.tr("cropped: Keras drops this output step")
                    second_html = html.escape(second_plain)
                out.append(f"<tr><td colspan='3'><p style='margin:0 0 3px 0; margin-left:{hang}px; "
                           f"color:{accent if inside else pad_color}'>{second_html}</p></td></tr>")
                plain.append("    " + second_plain)
        out.append("</table>")
        self._hidden_terms = hidden
        total = k * channels * filters
        link_html = link_plain = ""
        if hidden and not self.expanded:
            link_plain = self.tr("Show all %n term(s)", "", total)
            link_html = self._link(EXPAND_LINK, link_plain)
        elif self.expanded and (k > MAX_TAP_TERMS or channels > MAX_TRANSPOSE_CHANNELS
                                or filters > MAX_TRANSPOSE_FILTERS):
            link_plain = self.tr("Show fewer terms")
            link_html = self._link(COLLAPSE_LINK, link_plain)
        reached = [int(p) for p in pos.tolist() if 0 <= p < tt.out_steps]
        if reached:
            summary = self.tr("Input steps 0…{i} have scattered: output steps 0…{last} of {out} hold running "
                              "sums.").format(i=i, last=max(reached), out=tt.out_steps)
        else:
            summary = self.tr("Input steps 0…{i} have scattered; this one lands only on cropped steps.").format(i=i)
        legend = [html.escape(self.tr("each term is x · w (input value · weight)")),
                  html.escape(index_legend() + "  " + self.tr("i: input step")),
                  html.escape(self.tr("Conv1DTranspose kernel layout (kernel_size, filters, channels): w[j, f, c]"))]
        self._plain = "\n".join([*plain, *([link_plain] if link_plain else []), summary])
        return (
            f"<p style='color:{fg}'>{html.escape(head)}<br>{html.escape(bias_note)}</p>"
            + "".join(out)
            + link_html
            + f"<p style='color:{accent}'><b>{html.escape(summary)}</b></p>"
            + f"<p style='font-size:{self.pt(1.15)}; white-space:pre-wrap'>" + "<br>".join(legend) + "</p>"
        )

    def _transpose_symbols_html(self, tt: Conv1DTransposeTrace, n: int, i: int) -> str:
        fg, _, accent = self._colors()
        s = tt.spec
        k, filters, channels = (int(v) for v in tt.kernel.shape)
        act_open, act_close = ("", "") if s.activation == "linear" else (f"{s.activation}(", ")")
        bias = "bias[f] + " if s.use_bias else ""
        general = (f"y[b, t, f] = {act_open}{bias}Σ<sub>i, j: i·s + j·d − crop = t</sub> Σ<sub>c=0</sub>"
                   f"<sup>C−1</sup> x[b, i, c] · w[j, f, c]{act_close}")
        plain_general = (f"y[b, t, f] = {act_open}{bias}Σ_(i, j: i·s + j·d − crop = t) Σ_c x[b, i, c] · w[j, f, c]"
                         f"{act_close}")
        values = f"s = {s.strides}, d = {s.dilation_rate}, crop = {tt.crop}, k = {k}, C = {channels}, F = {filters}"
        with_layer = self.tr("with this layer:")
        here = self.tr("input step {i} adds to output step {where}").format(i=i, where=self._transpose_where(tt, i))
        picked = _pick(k, (MAX_TAP_TERMS if not self.expanded else max(MAX_TAP_TERMS, k)) + 3)
        hidden = k - sum(j is not None for j in picked)
        lines = []
        for j in picked:
            if j is None:
                lines.append(self.tr("… %n more term(s) …", "", hidden))
                continue
            t = int(tt.positions(i)[j])
            where = signed_step(t)
            if not 0 <= t < tt.out_steps:
                where = self.tr("{step} (cropped)").format(step=where)
            lines.append(f"j={j}: y[{n}, {where}, f] += Σ_c x[{n}, {i}, c] · w[{j}, f, c]")
        self._hidden_terms = hidden
        link_html = link_plain = ""
        if hidden and not self.expanded:
            link_plain = self.tr("Show all %n term(s)", "", k)
            link_html = self._link(EXPAND_LINK, link_plain)
        elif self.expanded and k > MAX_TAP_TERMS + 3:
            link_plain = self.tr("Show fewer terms")
            link_html = self._link(COLLAPSE_LINK, link_plain)
        self._plain = "\n".join([plain_general, f"{with_layer} {values}", here, *lines,
                                 *([link_plain] if link_plain else [])])
        return (
            f"<p>{general}</p>"
            f"<p style='color:{fg}'>{html.escape(with_layer)} {values}</p>"
            f"<p style='color:{accent}'>{html.escape(here)}</p><p>"
            + "<br>".join(html.escape(x) for x in lines) + "</p>"
            + link_html
            + f"<p style='font-size:{self.pt(1.15)}; white-space:pre-wrap'>"
            + html.escape(index_legend() + "  " + self.tr("i: input step")) + "</p>"
        )
