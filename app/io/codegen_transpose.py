"""A Conv1DTranspose session as a runnable Keras, PyTorch or NumPy script that checks itself.

The Conv1DTranspose counterpart of :mod:`app.io.codegen`; :func:`generate_script` writes the
script of either layer class (the code panel and ``conv1d-explorer code`` call it).  The same
header, arrays, self-check and translated comments (context ``Codegen``), with the layer Keras 3
builds as ``keras.layers.Conv1DTranspose``.

PyTorch's ``nn.ConvTranspose1d`` computes the same scatter (no kernel flip) but
crops ``padding`` steps from *both* ends and adds ``output_padding`` steps on the
right, while Keras crops the full scatter ``(L - 1)*strides + k_eff`` to a window
that starts at :meth:`Conv1DTransposeSpec.crop_left` and is
:meth:`~Conv1DTransposeSpec.output_length` long.  :func:`torch_arguments` finds the
``padding`` and ``output_padding`` that give Keras's window; where none exists
(``padding='same'`` with an odd ``strides + k_eff``, e.g. ``kernel_size=3,
strides=2``), the script says so in a comment and crops the extra step itself,
as Keras's own torch backend does.  Pure Python + NumPy: no Qt.

>>> from app.io.session import Session
>>> import numpy as np
>>> s = Session(layer={"filters": 1, "kernel_size": 3, "strides": 2, "padding": "same", "dilation_rate": 1,
...                    "groups": 1, "use_bias": False, "activation": "linear", "data_format": "channels_last"},
...             x=np.ones((1, 4, 1)), kernel=np.ones((3, 1, 1)), bias=None, layer_kind="Conv1DTranspose")
>>> "keras.layers.Conv1DTranspose(" in generate_transpose_code(s, "keras")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template
from typing import Any

import numpy as np

import conv_core
from app.io.codegen import (
    FRAMEWORKS,
    LANGUAGES,
    _activation_def,
    _check,
    _code,
    _data,
    _header,
    _keras_body,
    _Tr,
    generate_code,
)
from app.io.translatable import N_, Translate, untranslated
from conv_core import Conv1DTransposeSpec

__all__ = [
    "TorchArguments", "generate_script", "generate_transpose_code", "torch_arguments", "transpose_expected",
    "transpose_spec",
]

_TEXTS: dict[str, str] = {
    "tsec_settings": N_(
        "Codegen",
        "The layer's settings, with Keras's argument names\n"
        "(OUTPUT_PADDING = None lets Keras infer the length; use_bias and activation: see `bias`\n"
        "and activation() below)."
    ),
    "tsec_kernel": N_(
        "Codegen",
        "Kernel in Keras's Conv1DTranspose layout: (kernel_size, filters, channels) = $shape\n"
        "(filters before channels, the other way round from Conv1D)."
    ),
    "trows_kernel": N_("Codegen", "One block per kernel position: a row per filter, a column per input channel."),
    "tpad_doc": N_(
        "Codegen",
        "Keras's Conv1DTranspose rule: (steps cropped from the full scatter on the left, output steps)."
    ),
    "tpad_valid": N_(
        "Codegen",
        "'valid': nothing cropped; output_padding=None gives (steps - 1)*strides + max(keff, strides)"
    ),
    "tpad_same": N_(
        "Codegen",
        "'same': output_padding=None gives steps*strides output steps; Keras pads the transposed\n"
        "convolution with total = strides + keff - 2 zeros (keff + keff % 2 - 2 + output_padding\n"
        "when output_padding is given), at most keff - 1 of them on the left"
    ),
    "tnp_intro": N_(
        "Codegen",
        "Plain NumPy, step by step: every input step i scatters x[:, i, :] · kernel[j]\n"
        "to step i*strides + j*dilation_rate of the full output; overlapping copies add up."
    ),
    "tnp_full": N_("Codegen", "the full scatter, before Keras crops it: (steps - 1)*strides + keff steps"),
    "tnp_tap": N_("Codegen", "kernel position j of input step i lands on i*strides + j*dilation_rate"),
    "tnp_add": N_("Codegen", "(batch, steps, filters): every input step times kernel position j's weights"),
    "tnp_crop": N_("Codegen", "Keras's window of the full scatter; steps past its end stay zero"),
    "tpt_intro": N_(
        "Codegen",
        "PyTorch is channels-first: input (batch, channels, steps). float64 tensors,\n"
        "like the app, so the two agree to about 1e-15."
    ),
    "tpt_weight": N_(
        "Codegen",
        "Keras kernel (k, filters, C) -> PyTorch ConvTranspose1d weight (C, filters, k)"
    ),
    "tpt_exact": N_(
        "Codegen",
        "nn.ConvTranspose1d crops `padding` steps from both ends and adds `output_padding` at the end:\n"
        "padding=$padding, output_padding=$output_padding give exactly Keras's $out output steps."
    ),
    "tpt_inexact": N_(
        "Codegen",
        "No nn.ConvTranspose1d setting gives this output: PyTorch crops `padding` steps from both ends,\n"
        "Keras crops $left on the left and $right on the right (padding='same' puts the odd step on the\n"
        "right). So run PyTorch with padding=$padding and output_padding=0, then keep Keras's window\n"
        "of $out steps, as Keras's own torch backend does."
    ),
    "tpt_window": N_("Codegen", "Keras's window: output steps $start .. $stop - 1 of PyTorch's result"),
    "tpt_back": N_("Codegen", "back to Keras's channels_last layout: (batch, steps, filters)"),
    "tks_layer": N_("Codegen", "The layer, every argument written out."),
}


class _TTr(_Tr):
    """:class:`app.io.codegen._Tr` that also knows this module's texts."""

    def __call__(self, key: str, **values: object) -> str:
        if key not in _TEXTS:
            return super().__call__(key, **values)
        text = self.translate("Codegen", _TEXTS[key])
        return Template(text).safe_substitute({k: str(v) for k, v in values.items()})


@dataclass(frozen=True)
class TorchArguments:
    """How ``nn.ConvTranspose1d`` gives Keras's output for one setting and input length.

    ``exact``: ``padding`` and ``output_padding`` alone give Keras's output.  Otherwise run with
    them and keep ``[start, stop)`` of PyTorch's output (Keras's window).
    """

    padding: int
    output_padding: int
    exact: bool
    start: int
    stop: int
    crop_left: int
    crop_right: int
    out_steps: int


def torch_arguments(spec: Conv1DTransposeSpec, steps: int) -> TorchArguments:
    """``nn.ConvTranspose1d``'s ``padding`` / ``output_padding`` for Keras's Conv1DTranspose window.

    PyTorch's output is ``full[p : full - p + output_padding]`` of the full scatter (``full =
    (L - 1)*s + k_eff`` steps, zeros past its end), with ``output_padding < max(strides,
    dilation)``; Keras's is ``full[crop : crop + Lout]``.  They agree when ``p = crop`` and
    ``output_padding = Lout - (full - 2*crop)`` is allowed.

    >>> t = torch_arguments(Conv1DTransposeSpec(1, 3, strides=2, padding="same"), 6)
    >>> (t.exact, t.padding, t.start, t.stop, t.crop_left, t.crop_right)
    (False, 0, 0, 12, 0, 1)
    >>> t = torch_arguments(Conv1DTransposeSpec(1, 4, strides=2, padding="same"), 6)
    >>> (t.exact, t.padding, t.output_padding, t.out_steps)
    (True, 1, 0, 12)
    >>> t = torch_arguments(Conv1DTransposeSpec(1, 3, strides=2, output_padding=1), 6)
    >>> (t.exact, t.padding, t.output_padding, t.out_steps)
    (True, 0, 1, 14)
    """
    crop = spec.crop_left()
    out = spec.output_length(steps)
    full = spec.full_length(steps)
    extra = out - (full - 2 * crop)
    right = full - crop - out  # negative: Keras adds zeros past the full scatter
    if 0 <= extra < max(spec.strides, spec.dilation_rate) and out > 0:
        return TorchArguments(crop, extra, True, 0, out, crop, right, out)
    if extra < 0 and out > 0:  # 'same' with an odd padding: one step too many at the end
        return TorchArguments(crop, 0, False, 0, out, crop, right, out)
    # no output steps at all: PyTorch refuses an empty output, so take the window of its full scatter
    return TorchArguments(0, 0, False, crop, crop + out, crop, right, out)


def transpose_spec(session: Any) -> Conv1DTransposeSpec:
    """The session's layer as Keras's Conv1DTranspose (ValueError with Keras's wording when invalid)."""
    layer = dict(session.layer)
    groups = layer.pop("groups", 1)
    if groups != 1:
        raise conv_core.KerasValueError(
            f"Conv1DTranspose has no groups argument. Received groups={groups}.",
            "Set groups=1 to use Conv1DTranspose.",
            code="transpose_groups",
            values={"groups": groups},
        )
    return Conv1DTransposeSpec(output_padding=session.output_padding, **layer)


def _arrays(session: Any) -> tuple[Conv1DTransposeSpec, np.ndarray, np.ndarray, np.ndarray | None]:
    """(spec, x stored (batch, steps, channels), kernel (k, filters, channels), bias or None)."""
    spec = transpose_spec(session)
    x = np.asarray(session.x, dtype=np.float64)
    kernel = np.swapaxes(np.asarray(session.kernel, dtype=np.float64), 1, 2)  # stored (k, C, F) as Conv1D's
    bias: np.ndarray | None = None
    if spec.use_bias:
        bias = (
            np.zeros(spec.filters)
            if session.bias is None
            else np.asarray(session.bias, dtype=np.float64).reshape(spec.filters)
        )
    return spec, x, np.ascontiguousarray(kernel), bias


def transpose_expected(session: Any) -> np.ndarray:
    """The Conv1DTranspose output Conv1D Explorer computes for ``session``, in the layer's data_format."""
    spec, x, kernel, bias = _arrays(session)
    x_in = x.transpose(0, 2, 1) if spec.data_format == "channels_first" else x
    return np.asarray(conv_core.conv1d_transpose_from_spec(spec, x_in, kernel, bias), dtype=np.float64)


def _crop_function(tr: _TTr) -> list[str]:
    return [
        "def keras_transpose_window(steps, kernel_size, strides, padding, output_padding, dilation_rate):",
        *tr.comment("tpad_doc", indent="    "),
        *_code("    keff = (kernel_size - 1) * dilation_rate + 1", tr("pad_keff")),
        '    if padding == "valid":',
        *tr.comment("tpad_valid", indent="        "),
        "        extra = max(keff, strides) - keff if output_padding is None else output_padding",
        "        return 0, (steps - 1) * strides + keff + extra",
        *tr.comment("tpad_same", indent="    "),
        "    if output_padding is None:",
        "        total, out = strides + keff - 2, steps * strides",
        "    else:",
        "        total, out = keff + keff % 2 - 2 + output_padding, (steps - 1) * strides + keff % 2 + output_padding",
        "    left_pad = min(total // 2 + total % 2, keff - 1)",
        "    return keff - 1 - left_pad, out",
    ]


def _numpy_body(tr: _TTr) -> list[str]:
    return [
        *tr.comment("tnp_intro"),
        "batch, steps, channels = x.shape",
        "keff = (KERNEL_SIZE - 1) * DILATION_RATE + 1",
        *_code("full = np.zeros((batch, (steps - 1) * STRIDES + keff, FILTERS))", tr("tnp_full")),
        "for j in range(KERNEL_SIZE):",
        *_code("    start = j * DILATION_RATE", tr("tnp_tap")),
        *_code("    full[:, start : start + (steps - 1) * STRIDES + 1 : STRIDES, :] += x @ kernel[j].T", tr("tnp_add")),
        "left, out_steps = keras_transpose_window(steps, KERNEL_SIZE, STRIDES, PADDING, OUTPUT_PADDING, DILATION_RATE)",
        *tr.comment("tnp_crop"),
        "z = np.zeros((batch, out_steps, FILTERS))",
        "kept = full[:, left : left + out_steps, :]",
        "z[:, : kept.shape[1], :] = kept",
        "",
        *tr.comment("np_bias"),
        "if bias is not None:",
        "    z = z + bias",
        "y = activation(z)",
        'if DATA_FORMAT == "channels_first":',
        *_code("    y = y.transpose(0, 2, 1)", tr("np_cf")),
        "print(" + tr.fstring("p_input") + ", x.shape)",
    ]


def _pytorch_body(spec: Conv1DTransposeSpec, steps: int, channels: int, tr: _TTr) -> list[str]:
    t = torch_arguments(spec, steps)
    if t.exact:
        why = tr.comment("tpt_exact", padding=t.padding, output_padding=t.output_padding, out=t.out_steps)
    else:
        why = tr.comment("tpt_inexact", left=t.crop_left, right=t.crop_right, padding=t.padding, out=t.out_steps)
    lines = [
        *tr.comment("tpt_intro"),
        "x_t = torch.tensor(x.transpose(0, 2, 1))",
        "print(" + tr.fstring("p_input") + ", tuple(x_t.shape))",
        "",
        *why,
        "layer = nn.ConvTranspose1d(",
        f"    in_channels={channels},",
        "    out_channels=FILTERS,",
        "    kernel_size=KERNEL_SIZE,",
        "    stride=STRIDES,",
        f"    padding={t.padding},",
        f"    output_padding={t.output_padding},",
        "    dilation=DILATION_RATE,",
        "    bias=bias is not None,",
        "    dtype=torch.float64,",
        ")",
        "with torch.no_grad():",
        *_code("    layer.weight.copy_(torch.tensor(kernel.transpose(2, 1, 0)))", tr("tpt_weight")),
        "    if bias is not None:",
        "        layer.bias.copy_(torch.tensor(bias))",
        "    z = layer(x_t)",
    ]
    if not t.exact:
        lines += _code(f"    z = z[:, :, {t.start} : {t.stop}]", tr("tpt_window", start=t.start, stop=t.stop))
    lines += [
        "y = activation(z).numpy()",
        'if DATA_FORMAT == "channels_last":',
        *_code("    y = y.transpose(0, 2, 1)", tr("tpt_back")),
    ]
    return lines


def generate_transpose_code(
    session: Any, framework: str, *, language: str = "en", translate: Translate = untranslated
) -> str:
    """A runnable script that rebuilds ``session``'s Conv1DTranspose in ``framework`` and checks it.

    Like :func:`app.io.codegen.generate_code`: ``keras`` builds ``keras.layers.Conv1DTranspose``
    with ``set_weights``; ``pytorch`` an ``nn.ConvTranspose1d`` (see :func:`torch_arguments`);
    ``numpy`` the scatter in plain NumPy.  The session stores the kernel as a Conv1D's
    ``(k, channels, filters)``; the script holds Keras's Conv1DTranspose kernel ``(k, filters,
    channels)``.  Raises ValueError (Keras's wording) when the setting is invalid.
    """
    if framework not in FRAMEWORKS:
        raise ValueError(f"unknown framework {framework!r}; choose one of: {', '.join(FRAMEWORKS)}")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    tr = _TTr(language, translate)
    spec, x, kernel, bias = _arrays(session)
    expected = transpose_expected(session)
    cf = spec.data_format == "channels_first"
    in_shape = (x.shape[0], x.shape[2], x.shape[1]) if cf else x.shape

    lines = _header(session, spec, framework, tr, in_shape, expected.shape)  # type: ignore[arg-type]
    lines += [""]
    if framework == "numpy" and spec.activation == "gelu":
        lines.append("import math")
    lines.append("import sys")
    lines.append("")
    lines.append("import numpy as np")
    if framework == "pytorch":
        lines += ["import torch", "import torch.nn.functional as F", "from torch import nn"]
    elif framework == "keras":
        lines += _code("import keras", tr("ks_backend"))
    if language != "en":
        lines += ["", 'if hasattr(sys.stdout, "reconfigure"):']
        lines += ['    sys.stdout.reconfigure(errors="replace")']
    lines += _data(spec, framework, tr, x, kernel, bias, expected,
                   settings=("filters", "kernel_size", "strides", "padding", "output_padding", "dilation_rate",
                             "data_format"),
                   sections=("tsec_settings", "tsec_kernel", "trows_kernel"))
    lines += [""]
    if framework == "keras":
        lines += [""]
        lines += _keras_body(spec, tr, layer="Conv1DTranspose", comment="tks_layer",
                             keys=("filters", "kernel_size", "strides", "padding", "output_padding",
                                   "dilation_rate", "use_bias", "activation", "data_format"))
    else:
        if framework == "numpy":
            lines += ["", *_crop_function(tr)]
        lines += ["", ""]
        lines += _activation_def(spec.activation, framework, tr)
        lines += ["", "", *tr.comment("sec_run")]
        lines += _numpy_body(tr) if framework == "numpy" else _pytorch_body(spec, int(x.shape[1]), int(x.shape[2]), tr)
    lines += _check(framework, tr)
    return "\n".join(lines) + "\n"


def generate_script(
    session: Any, framework: str, *, language: str = "en", translate: Translate = untranslated
) -> str:
    """The self-checking script of ``session``'s layer: Conv1D (:func:`app.io.codegen.generate_code`) or
    Conv1DTranspose (:func:`generate_transpose_code`), by ``session.layer_kind``."""
    if getattr(session, "layer_kind", "Conv1D") == "Conv1DTranspose":
        return generate_transpose_code(session, framework, language=language, translate=translate)
    return generate_code(session, framework, language=language, translate=translate)
