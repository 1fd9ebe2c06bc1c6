"""Every shape of a Conv1D layer, in Keras, PyTorch and Keras 1 / Theano layouts.

Notes
-----
With ``k`` kernel_size, ``C`` input channels, ``g`` groups and ``F`` filters:

============================  ======================  ====================
layout                        kernel shape            filter ``f``
============================  ======================  ====================
Keras 2/3                     ``(k, C/g, F)``         ``kernel[:, :, f]``
PyTorch ``nn.Conv1d``         ``(F, C/g, k)``         ``weight[f]``
Keras 1 ``Convolution1D``     ``(k, 1, C, F)``        ``W[:, 0, :, f]``
============================  ======================  ====================

Parameters: ``k*(C/g)*F + F`` (the ``+ F`` only with a bias).  Converters:
``torch = keras.transpose(2, 1, 0)``, ``keras = W[:, 0]`` for a Keras 1
kernel and ``W[::-1, 0]`` for a Theano-trained one (Theano convolved, i.e.
flipped the kernel; Keras 2+ cross-correlates).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .derivation import Derivation, derive_output_length
from .errors import KerasValueError
from .spec import Conv1DSpec, check_conv_input

__all__ = [
    "FILTER_SLICES",
    "LayerShapes",
    "keras_to_legacy",
    "keras_to_torch",
    "layer_shapes",
    "legacy_to_keras",
    "theano_legacy_to_keras",
    "torch_to_keras",
]

FILTER_SLICES: dict[str, str] = {
    "keras": "kernel[:, :, {f}]",
    "torch": "weight[{f}]",
    "legacy": "W[:, 0, :, {f}]",
}
"""Python expression selecting filter ``f`` in each layout (``.format(f=...)``)."""

Shape3 = tuple[int | None, int, int]


@dataclass(frozen=True)
class LayerShapes:
    """Shapes, parameter count and output-length derivation of one Conv1D layer.

    Attributes
    ----------
    spec : Conv1DSpec
    input_shape, output_shape : tuple
        In ``spec.data_format``; the batch is ``None`` when not given.
    steps, channels, out_steps : int
    kernel_keras : tuple
        ``(k, C/g, F)``.
    kernel_torch : tuple
        ``(F, C/g, k)``.
    kernel_legacy : tuple or None
        Keras 1 / Theano ``(k, 1, C, F)``; ``None`` when ``groups > 1`` (Keras 1
        had no groups).
    bias : tuple or None
        ``(F,)``, ``None`` without a bias.
    kernel_params, bias_params, params : int
        ``k*(C/g)*F``, ``F`` or 0, and their sum.
    params_formula : str
        ``"k*(C/g)*F + F"`` (``"k*(C/g)*F"`` without bias).
    params_substituted : str
        The formula with the numbers, e.g. ``"4*(300/1)*100 + 100"``.
    derivation : Derivation
        The output length worked through (see :mod:`conv_core.derivation`).
    """

    spec: Conv1DSpec
    input_shape: Shape3
    output_shape: Shape3
    steps: int
    channels: int
    out_steps: int
    kernel_keras: tuple[int, int, int]
    kernel_torch: tuple[int, int, int]
    kernel_legacy: tuple[int, int, int, int] | None
    bias: tuple[int] | None
    kernel_params: int
    bias_params: int
    params: int
    params_formula: str
    params_substituted: str
    derivation: Derivation

    @property
    def channels_per_group(self) -> int:
        """``C/g``."""
        return self.spec.channels_per_group(self.channels)

    def filter_slice(self, layout: str, f: int) -> str:
        """The expression selecting filter ``f`` in ``layout`` ('keras', 'torch' or 'legacy').

        >>> layer_shapes(Conv1DSpec(111, 5), (40, 300)).filter_slice("legacy", 7)
        'W[:, 0, :, 7]'
        """
        if layout not in FILTER_SLICES:
            raise KerasValueError(
                f"Unknown kernel layout: {layout!r}.",
                "Use 'keras', 'torch' or 'legacy'.",
                code="layout_unknown",
                values={"layout": layout},
            )
        if not 0 <= f < self.spec.filters:
            raise KerasValueError(
                f"Filter index {f} is out of range for filters={self.spec.filters}.",
                f"Filters are numbered 0 to {self.spec.filters - 1}.",
                code="filter_index",
                values={"f": f, "filters": self.spec.filters},
            )
        return FILTER_SLICES[layout].format(f=f)

    @property
    def params_text(self) -> str:
        """``"k*(C/g)*F + F = 4*(300/1)*100 + 100 = 120100"``."""
        return f"{self.params_formula} = {self.params_substituted} = {self.params}"


def layer_shapes(spec: Conv1DSpec, input_shape: Sequence[int | None]) -> LayerShapes:
    """Shapes of ``spec`` applied to ``input_shape``.

    Parameters
    ----------
    spec : Conv1DSpec
    input_shape : sequence of int
        ``(batch, steps, channels)`` (``(batch, channels, steps)`` for
        channels_first) with ``batch`` possibly ``None``, or Keras's
        ``input_shape=(steps, channels)`` without the batch.

    Returns
    -------
    LayerShapes

    Raises
    ------
    KerasValueError
        Keras's error for an input the layer cannot take (channels not
        divisible by groups, 'valid' input shorter than the dilated kernel...).

    Notes
    -----
    ``params = k*(C/g)*F + F``; ``Lout`` as in :func:`conv_core.output_length`.

    Examples
    --------
    >>> s = layer_shapes(Conv1DSpec(100, 4, padding="same"), (50, 300))
    >>> s.output_shape, s.kernel_keras, s.kernel_torch, s.params
    ((None, 50, 100), (4, 300, 100), (100, 300, 4), 120100)
    >>> s.params_text
    'k*(C/g)*F + F = 4*(300/1)*100 + 100 = 120100'
    >>> layer_shapes(Conv1DSpec(111, 5), (1, 40, 300)).kernel_legacy
    (5, 1, 300, 111)
    """
    shape = tuple(input_shape)
    if len(shape) == 2:
        shape = (None, *shape)
    if len(shape) != 3:
        check_conv_input(spec, tuple(1 if v is None else int(v) for v in shape))
    if any(v is None for v in shape[1:]):
        raise KerasValueError(
            f"The steps and channels of the input must be known, received input_shape={shape}.",
            "Give whole numbers for steps and channels; only the batch may be None.",
            code="shape_unknown",
            values={"shape": shape},
        )
    batch = shape[0]
    dims = (int(shape[1]), int(shape[2]))  # type: ignore[arg-type]
    check_conv_input(spec, (1 if batch is None else int(batch), *dims))
    if spec.data_format == "channels_last":
        steps, channels = dims
    else:
        channels, steps = dims
    k, g, f = spec.kernel_size, spec.groups, spec.filters
    cg = spec.channels_per_group(channels)
    out = spec.output_length(steps)
    deriv = derive_output_length(steps, k, spec.strides, spec.padding, spec.dilation_rate)
    kernel_params = spec.kernel_param_count(channels)
    bias_params = spec.bias_param_count
    if spec.use_bias:
        formula, worked = "k*(C/g)*F + F", f"{k}*({channels}/{g})*{f} + {f}"
    else:
        formula, worked = "k*(C/g)*F", f"{k}*({channels}/{g})*{f}"
    b = None if batch is None else int(batch)
    out_shape: Shape3 = (b, out, f) if spec.data_format == "channels_last" else (b, f, out)
    in_shape: Shape3 = (b, dims[0], dims[1])
    return LayerShapes(
        spec=spec,
        input_shape=in_shape,
        output_shape=out_shape,
        steps=steps,
        channels=channels,
        out_steps=out,
        kernel_keras=(k, cg, f),
        kernel_torch=(f, cg, k),
        kernel_legacy=(k, 1, channels, f) if g == 1 else None,
        bias=(f,) if spec.use_bias else None,
        kernel_params=kernel_params,
        bias_params=bias_params,
        params=spec.param_count(channels),
        params_formula=formula,
        params_substituted=worked,
        derivation=deriv,
    )


def _as_ndim(a: ArrayLike, ndim: int, name: str, layout: str, fix: str) -> NDArray[np.generic]:
    arr = np.asarray(a)
    if arr.ndim != ndim:
        raise KerasValueError(
            f"`{name}` must be {ndim}-D {layout}, received shape {arr.shape}.",
            fix,
            code="layout_ndim",
            values={"name": name, "expected_ndim": ndim, "shape": arr.shape},
        )
    return arr


def keras_to_torch(kernel: ArrayLike) -> NDArray[np.generic]:
    """Keras ``(k, C/g, F)`` kernel -> PyTorch ``(F, C/g, k)`` weight (a new array).

    Notes
    -----
    ``weight = kernel.transpose(2, 1, 0)``; ``weight[f, c, j] == kernel[j, c, f]``.

    Examples
    --------
    >>> keras_to_torch(np.zeros((4, 300, 100))).shape
    (100, 300, 4)
    """
    k = _as_ndim(kernel, 3, "kernel", "(kernel_size, channels // groups, filters)",
                 "A Keras Conv1D kernel has 3 axes; a Keras 1 kernel (k, 1, C, F) converts first "
                 "with legacy_to_keras.")
    return np.array(k.transpose(2, 1, 0), order="C", copy=True)


def torch_to_keras(weight: ArrayLike) -> NDArray[np.generic]:
    """PyTorch ``(F, C/g, k)`` weight -> Keras ``(k, C/g, F)`` kernel (a new array).

    Notes
    -----
    ``kernel = weight.transpose(2, 1, 0)`` (``weight.permute(2, 1, 0)`` in torch).

    Examples
    --------
    >>> w = np.arange(6.0).reshape(2, 1, 3)   # 2 filters, 1 channel, k = 3
    >>> torch_to_keras(w)[:, 0, 1].tolist()   # filter 1
    [3.0, 4.0, 5.0]
    """
    w = _as_ndim(weight, 3, "weight", "(filters, channels // groups, kernel_size)",
                 "A PyTorch Conv1d weight has 3 axes (out_channels, in_channels / groups, kernel_size).")
    return np.array(w.transpose(2, 1, 0), order="C", copy=True)


def _check_legacy(weight: ArrayLike) -> NDArray[np.generic]:
    w = _as_ndim(weight, 4, "W", "(filter_length, 1, input_dim, nb_filter)",
                 "Keras 1 stored a Convolution1D kernel as (filter_length, 1, input_dim, nb_filter), "
                 "e.g. (5, 1, 300, 111).")
    if w.shape[1] != 1:
        raise KerasValueError(
            f"A Keras 1 Convolution1D kernel has 1 on axis 1, received shape {w.shape}.",
            "Keras 1 ran Convolution1D as a Conv2D over (steps, 1): the kernel is "
            "(filter_length, 1, input_dim, nb_filter). A Keras 1.1 'th' kernel "
            "(nb_filter, input_dim, filter_length, 1) converts first with np.transpose(W, (2, 3, 1, 0)).",
            code="legacy_axis1",
            values={"shape": w.shape},
        )
    return w


def legacy_to_keras(weight: ArrayLike) -> NDArray[np.generic]:
    """Keras 1 ``(k, 1, C, F)`` kernel -> Keras ``(k, C, F)`` (a new array).

    Notes
    -----
    ``kernel = W[:, 0]`` (TensorFlow-trained weights; for Theano-trained ones
    use :func:`theano_legacy_to_keras`).

    Examples
    --------
    >>> legacy_to_keras(np.zeros((5, 1, 300, 111))).shape
    (5, 300, 111)
    """
    return np.array(_check_legacy(weight)[:, 0], order="C", copy=True)


def theano_legacy_to_keras(weight: ArrayLike) -> NDArray[np.generic]:
    """A Theano-trained Keras 1 ``(k, 1, C, F)`` kernel -> Keras ``(k, C, F)``, flipped along ``k``.

    Notes
    -----
    Theano computed a true convolution (the kernel reversed), so the
    cross-correlation kernel is ``W[::-1, 0]`` (Keras 2's ``convert_kernel``).

    Examples
    --------
    >>> w = np.arange(3.0).reshape(3, 1, 1, 1)
    >>> theano_legacy_to_keras(w)[:, 0, 0].tolist()
    [2.0, 1.0, 0.0]
    """
    return np.array(_check_legacy(weight)[::-1, 0], order="C", copy=True)


def keras_to_legacy(kernel: ArrayLike) -> NDArray[np.generic]:
    """Keras ``(k, C, F)`` kernel -> Keras 1 ``(k, 1, C, F)`` (a new array).

    Notes
    -----
    ``W = kernel[:, None]``; only for ``groups=1`` (Keras 1 had no groups).

    Examples
    --------
    >>> keras_to_legacy(np.zeros((5, 300, 111))).shape
    (5, 1, 300, 111)
    """
    k = _as_ndim(kernel, 3, "kernel", "(kernel_size, channels, filters)",
                 "A Keras Conv1D kernel has 3 axes (kernel_size, channels, filters).")
    return np.array(k[:, None], order="C", copy=True)
