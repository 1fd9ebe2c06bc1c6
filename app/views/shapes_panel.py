"""The shapes panel: input, kernel (Keras, PyTorch, Keras 1 / Theano), bias and output shapes,
the parameter count and the output length worked through with the current numbers.

Everything comes from :func:`conv_core.layer_shapes` and its structured
derivation; the sentences are rendered here through ``tr`` so they translate.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from app.i18n.messages import last_valid_setting_text
from app.state.explorer import ExplorerState
from app.views.colors import THEMES, text_on
from app.views.text_panel import TextPanel
from conv_core import Conv1DTrace, Conv1DTransposeTrace, ConvError, DerivationStep, LayerShapes, layer_shapes

__all__ = ["ShapesPanel"]


def _shape(shape: tuple[int | None, ...] | None) -> str:
    if shape is None:
        return "—"
    return (
        "("
        + ", ".join("None" if v is None else str(v) for v in shape)
        + ("," if len(shape) == 1 else "")
        + ")"
    )


def _ops(text: str) -> str:
    return text.replace("*", "·")


class ShapesPanel(TextPanel):
    """Shapes of the current layer; the selected filter's slice is highlighted in each layout."""

    body_scale = 1.3

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        self.state = state
        self.shapes: LayerShapes | None = None
        self.selected_filter = 0
        super().__init__("shapes", parent)
        state.traceChanged.connect(self.schedule)
        state.transposeChanged.connect(self.schedule)
        state.settingsChanged.connect(self.schedule)
        state.errorChanged.connect(self.schedule)
        state.inspectChanged.connect(self.schedule)
        state.positionChanged.connect(self._on_position_changed)
        state.viewChanged.connect(self.schedule)
        self.retranslate()

    def _on_position_changed(self, _position: int) -> None:
        """An animation step: the shapes change only when the highlighted filter does."""
        tr = self.state.trace
        if tr is None or self._filter(tr) != self.selected_filter:
            self.schedule()

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on ``LanguageChange``)."""
        self.title.setText(self.tr("Shapes"))
        self.refresh()

    def _filter(self, tr: Conv1DTrace) -> int:
        ref = self.state.inspected
        if ref is not None and ref.kind in ("kernel", "bias", "output"):
            return ref.filter
        _, f = self.state.current()
        return 0 if f is None else min(f, tr.filters - 1)

    def refresh(self) -> None:
        if self.state.layer_kind == "Conv1DTranspose":
            self._refresh_transpose()
            return
        tr = self.state.trace
        if tr is None:
            self.body.setText("")
            return
        try:
            shapes = layer_shapes(tr.spec, tr.input_shape)
        except ConvError as exc:  # the trace was valid, so this should not happen; say so if it does
            self.body.setText(html.escape(str(exc)))
            return
        self.shapes = shapes
        f = self.selected_filter = self._filter(tr)
        theme = THEMES[self.state.view.theme]
        stale = last_valid_setting_text(self.state)
        stamp = f"<p style='color:{theme.error}'><b>{html.escape(stale)}</b></p>" if stale else ""
        mark = f"background-color:{theme.hover}; color:{text_on(theme.hover)}"  # AA on every theme
        dim = f"color:{theme.padding}"
        cg = shapes.channels_per_group
        k = tr.spec.kernel_size
        channels_last = tr.spec.data_format == "channels_last"
        in_axes = (
            self.tr("(batch, steps, channels)") if channels_last else self.tr("(batch, channels, steps)")
        )
        out_axes = self.tr("(batch, steps, filters)") if channels_last else self.tr("(batch, filters, steps)")

        def row(name: str, layout: str, shape: str, extra: str = "") -> str:
            line = (
                f"<b>{html.escape(name)}</b> <span style='{dim}'>{html.escape(layout)}</span> "
                f"= <b><tt>{shape}</tt></b>"
            )
            return (
                f"<p style='margin:2px 0'>{line}"
                + (f"<br>&nbsp;&nbsp;&nbsp;{extra}" if extra else "")
                + "</p>"
            )

        def sliced(expr: str, shape: tuple[int, ...]) -> str:
            inner = f"<tt>{html.escape(expr)}</tt> → <tt>{_shape(shape)}</tt>"
            return f"<span style='{mark}'>&nbsp;{inner}&nbsp;</span>"

        rows = [
            row(self.tr("input"), in_axes, _shape(shapes.input_shape)),
            row(
                self.tr("kernel — Keras"),
                "(k, C/g, F)",
                _shape(shapes.kernel_keras),
                sliced(shapes.filter_slice("keras", f), (k, cg)),
            ),
            row(
                self.tr("weight — PyTorch"),
                "(F, C/g, k)",
                _shape(shapes.kernel_torch),
                sliced(shapes.filter_slice("torch", f), (cg, k)),
            ),
        ]
        if shapes.kernel_legacy is not None:
            rows.append(
                row(
                    self.tr("W — Keras 1 / Theano"),
                    "(k, 1, C, F)",
                    _shape(shapes.kernel_legacy),
                    sliced(shapes.filter_slice("legacy", f), (k, shapes.channels)),
                )
            )
        else:
            rows.append(
                row(
                    self.tr("W — Keras 1 / Theano"),
                    "(k, 1, C, F)",
                    "—",
                    html.escape(self.tr("Keras 1 had no groups")),
                )
            )
        rows.append(
            row(
                self.tr("bias"),
                "(F,)",
                _shape(shapes.bias),
                "" if shapes.bias is not None else html.escape(self.tr("use_bias=False")),
            )
        )
        rows.append(row(self.tr("output"), out_axes, _shape(shapes.output_shape)))
        params_title = html.escape(self.tr("Parameters"))
        colon = html.escape(self.tr(": ", "after a label"))
        params = (
            f"<p><b>{params_title}</b>{colon}<tt>{_ops(shapes.params_formula)} = "
            f"{_ops(shapes.params_substituted)} = <b>{shapes.params:,}</b></tt></p>"
        )
        note = html.escape(
            self.tr("Filter {f} highlighted (click a filter, a weight or an output cell)").format(f=f)
        )
        lines = "".join(f"<li>{html.escape(self._render_step(s))}</li>" for s in shapes.derivation.lines)
        deriv_title = html.escape(self.tr("Output length"))
        deriv = f"<p><b>{deriv_title}</b></p><ul style='margin-left:-20px'>{lines}</ul>"
        pad = self._padding_text(shapes)
        self.body.setText(
            stamp
            + "".join(rows)
            + f"<p style='font-size:{self.pt(1.1)}'>{note}</p>"
            + params
            + deriv
            + f"<p>{html.escape(pad)}</p>"
        )

    # ------------------------------------------------------------------ derivation
    def _templates(self) -> dict[str, str]:
        """One translatable sentence per derivation step key (see conv_core.derivation)."""
        return {
            "keff": self.tr("Effective kernel span: keff = {formula} = {substituted} = {result}"),
            "valid_out": self.tr("'valid' output length: Lout = {formula} = {substituted} = {result}"),
            "too_short": self.tr("Too short: 'valid' needs L ≥ keff, but {substituted}"),
            "same_out": self.tr("'same' output length: Lout = {formula} = {substituted} = {result}"),
            "same_total": self.tr("'same' zeros in total: total = {formula} = {substituted} = {result}"),
            "split": self.tr("Split (left, right) = {formula} = {substituted} = {result}"),
            "causal_pad": self.tr(
                "'causal' pads the left only: (left, right) = {formula} = {substituted} = {result}"
            ),
            "causal_out": self.tr("'causal' output length: Lout = {formula} = {substituted} = {result}"),
            "padded_len": self.tr("Padded length = {formula} = {substituted} = {result}"),
        }

    def _render_step(self, step: DerivationStep) -> str:
        result = step.result
        shown = f"({result[0]}, {result[1]})" if isinstance(result, tuple) else str(result)
        template = self._templates().get(step.key, "{formula} = {substituted} = {result}")
        return template.format(formula=_ops(step.formula), substituted=_ops(step.substituted), result=shown)

    def _padding_text(self, shapes: LayerShapes) -> str:
        d = shapes.derivation
        pad = shapes.spec.padding
        if pad == "valid":
            return self.tr("Padding 'valid': no zeros are added.")
        text = self.tr("Padding '{p}': %n zero(s) on the left", "", d.pad_left).format(p=pad) + self.tr(
            ", %n on the right.", "", d.pad_right
        )
        if pad == "same" and (d.pad_left + d.pad_right) % 2:
            text += " " + self.tr("The total is odd: Keras puts the extra zero on the right.")
        if pad == "causal":
            text += " " + self.tr("Output step t never sees an input after step t.")
        return text

    # ------------------------------------------------------------------ Conv1DTranspose
    def _refresh_transpose(self) -> None:
        """Shapes, parameters and the output length of the Conv1DTranspose, all from its spec."""
        tt = self.state.transpose_trace
        theme = THEMES[self.state.view.theme]
        error = self.state.error
        stamp = ""
        if error is not None:
            stale = last_valid_setting_text(self.state)
            keras = error.keras.splitlines()[0] if error.keras else str(error)
            stamp = (f"<p style='color:{theme.error}'>" + (f"<b>{html.escape(stale)}</b><br>" if stale else "")
                     + html.escape(keras) + "</p>")
        self.shapes = None
        if tt is None:
            self.body.setText(stamp)
            return
        self.body.setText(stamp + self._transpose_html(tt))

    def _transpose_html(self, tt: Conv1DTransposeTrace) -> str:
        theme = THEMES[self.state.view.theme]
        dim = f"color:{theme.padding}"
        spec = tt.spec
        n, steps, channels = (int(v) for v in tt.x.shape)  # the trace holds channels-last
        k, filters, s, d = spec.kernel_size, spec.filters, spec.strides, spec.dilation_rate
        channels_last = spec.data_format == "channels_last"
        in_shape = (n, steps, channels) if channels_last else (n, channels, steps)
        out_shape = spec.output_shape(in_shape)
        in_axes = self.tr("(batch, steps, channels)") if channels_last else self.tr("(batch, channels, steps)")
        out_axes = self.tr("(batch, steps, filters)") if channels_last else self.tr("(batch, filters, steps)")

        def row(name: str, layout: str, shape: str, extra: str = "") -> str:
            line = (f"<b>{html.escape(name)}</b> <span style='{dim}'>{html.escape(layout)}</span> "
                    f"= <b><tt>{shape}</tt></b>")
            return f"<p style='margin:2px 0'>{line}" + (f"<br>&nbsp;&nbsp;&nbsp;{extra}" if extra else "") + "</p>"

        kernel = spec.kernel_shape(channels)
        rows = [
            row(self.tr("input"), in_axes, _shape(in_shape)),
            row(self.tr("kernel — Keras Conv1DTranspose"), "(k, F, C)", _shape(kernel),
                html.escape(self.tr("filters before channels: the reverse of Conv1D's (k, C, F)"))),
            row(self.tr("weight — PyTorch ConvTranspose1d"), "(C, F, k)", _shape((channels, filters, k))),
            row(self.tr("bias"), "(F,)", _shape((filters,)) if spec.use_bias else "—",
                "" if spec.use_bias else html.escape(self.tr("use_bias=False"))),
            row(self.tr("output"), out_axes, _shape(out_shape)),
        ]
        colon = html.escape(self.tr(": ", "after a label"))
        if spec.use_bias:
            formula, numbers = "k·F·C + F", f"{k}·{filters}·{channels} + {filters}"
        else:
            formula, numbers = "k·F·C", f"{k}·{filters}·{channels}"
        params = (f"<p><b>{html.escape(self.tr('Parameters'))}</b>{colon}<tt>{formula} = {numbers} = "
                  f"<b>{spec.param_count(channels):,}</b></tt></p>")
        keff, out, full, crop = spec.effective_kernel_size, spec.output_length(steps), spec.full_length(steps), \
            spec.crop_left()
        op = spec.output_padding
        lines = [self.tr("Effective kernel span: keff = {formula} = {substituted} = {result}").format(
            formula="d·(k − 1) + 1", substituted=f"{d}·({k} − 1) + 1", result=keff)]
        if spec.padding == "valid" and op is None:
            formula, numbers = "(L − 1)·s + max(keff, s)", f"({steps} − 1)·{s} + max({keff}, {s})"
        elif spec.padding == "valid":
            formula, numbers = "(L − 1)·s + keff + output_padding", f"({steps} − 1)·{s} + {keff} + {op}"
        elif op is None:
            formula, numbers = "L·s", f"{steps}·{s}"
        else:
            formula, numbers = "(L − 1)·s + keff % 2 + output_padding", f"({steps} − 1)·{s} + {keff} % 2 + {op}"
        lines.append(self.tr("'{padding}' output length, output_padding={op}: Lout = {formula} = {substituted} = "
                             "{result}").format(padding=spec.padding, op=op, formula=formula, substituted=numbers,
                                                result=out))
        lines.append(self.tr("Full scatter before cropping: (L − 1)·s + keff = {substituted} = {result}").format(
            substituted=f"({steps} − 1)·{s} + {keff}", result=full))
        items = "".join(f"<li>{html.escape(x)}</li>" for x in lines)
        deriv = (f"<p><b>{html.escape(self.tr('Output length'))}</b></p>"
                 f"<ul style='margin-left:-20px'>{items}</ul>")
        right = full - crop - out
        if out == 0:
            crop_text = self.tr("This Conv1DTranspose has no output steps.")
        elif right >= 0:
            crop_text = self.tr("Keras keeps output steps {start}…{stop} of the full scatter: it crops %n step(s) on "
                                "the left", "", crop).format(start=crop, stop=crop + out - 1) + self.tr(
                ", %n on the right.", "", right)
        else:
            crop_text = self.tr("Keras keeps the full scatter from step {start} and adds %n zero step(s) at the end "
                                "(output_padding).", "", -right).format(start=crop)
        return "".join(rows) + params + deriv + f"<p>{html.escape(crop_text)}</p>"
