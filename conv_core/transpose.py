"""``Conv1DTranspose`` as Keras 3 computes it: its settings, shapes, parameter count and numbers.

Notes
-----
Scatter without flip: input step ``i`` adds ``x[i, c] * K[j, f, c]`` at position
``i*s + j*d`` of a full output of length ``(L - 1)*s + k_eff``; the layer's output is
a window of that full output starting at ``crop`` (zeros past its end):

* valid: length ``(L - 1)*s + max(k_eff, s)`` (``+ k_eff + op`` with output_padding),
  ``crop = 0``;
* same: length ``L*s`` (``(L - 1)*s + k_eff % 2 + op`` with output_padding),
  ``crop = k_eff - 1 - min(ceil(p / 2), k_eff - 1)`` with ``p = s + k_eff - 2``
  (``k_eff + k_eff % 2 - 2 + op`` with output_padding).

This is the transpose of a Conv1D's matrix (see :mod:`conv_core.matrix`): the kernel
``(kernel_size, filters, channels)`` read as a Conv1D kernel ``(k, C/g, filters)`` is the
Conv1D from the transposed layer's output back to its input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .activations import normalize_activation
from .conv import _reject_unknown, _result_dtype, as_float_array, finish_output, to_channels_last
from .errors import KerasValueError
from .padding import POOL_PADDINGS, effective_kernel_size, normalize_padding
from .spec import _strides_dilation_check, normalize_data_format, standardize_int

__all__ = [
    "CONV1D_TRANSPOSE_ARGUMENTS",
    "Conv1DTransposeSpec",
    "Conv1DTransposeTrace",
    "conv1d_transpose",
    "conv1d_transpose_from_spec",
    "trace_conv1d_transpose",
]

CONV1D_TRANSPOSE_ARGUMENTS: tuple[str, ...] = (
    "filters", "kernel_size", "strides", "padding", "output_padding", "data_format", "dilation_rate",
    "activation", "use_bias",
)
"""The ``keras.layers.Conv1DTranspose`` arguments the explorer models, in Keras 3's signature order."""


@dataclass(frozen=True)
class Conv1DTransposeSpec:
    """The arguments of ``keras.layers.Conv1DTranspose``, normalised and validated.

    ``output_padding=None`` is Keras's default (the length is inferred).

    >>> Conv1DTransposeSpec(2, 3, strides=2).output_length(5)
    11
    >>> Conv1DTransposeSpec(2, 3, strides=2, output_padding=2)
    Traceback (most recent call last):
    ...
    conv_core.errors.KerasValueError: `output_padding` must be strictly less than `strides` for all \
dimensions. At dimension 0, `output_padding` is 2 but `strides` is 2. Received: output_padding=(2,), strides=(2,)
    output_padding adds at most strides - 1 steps at the end: lower it.
    """

    filters: int
    kernel_size: int
    strides: int = 1
    padding: str = "valid"
    output_padding: int | None = None
    dilation_rate: int = 1
    use_bias: bool = True
    activation: str = "linear"
    data_format: str = "channels_last"

    def __post_init__(self) -> None:
        put = object.__setattr__
        filters = self.filters
        if isinstance(filters, bool) or not isinstance(filters, int) or filters <= 0:
            raise KerasValueError(
                "Invalid value for argument `filters`. Expected a strictly positive value. "
                f"Received filters={filters}.",
                "filters is how many output channels the layer writes: use 1 or more.",
                code="filters_not_positive",
                values={"filters": filters},
            )
        put(self, "kernel_size", standardize_int(self.kernel_size, "kernel_size"))
        put(self, "strides", standardize_int(self.strides, "strides"))
        put(self, "dilation_rate", standardize_int(self.dilation_rate, "dilation_rate"))
        put(self, "padding", normalize_padding(self.padding, POOL_PADDINGS, "Conv1DTranspose"))
        put(self, "data_format", normalize_data_format(self.data_format))
        put(self, "activation", normalize_activation(self.activation))
        put(self, "use_bias", bool(self.use_bias))
        _strides_dilation_check(self.strides, self.dilation_rate)
        op = self.output_padding
        if op is not None:
            # Keras reads output_padding=0 as a given 0, not as "infer".
            op = standardize_int(op, "output_padding") if op else 0
            put(self, "output_padding", op)
            if op >= self.strides:
                s = self.strides
                raise KerasValueError(
                    "`output_padding` must be strictly less than `strides` for all dimensions. At dimension 0, "
                    f"`output_padding` is {op} but `strides` is {s}. "
                    f"Received: output_padding=({op},), strides=({s},)",
                    "output_padding adds at most strides - 1 steps at the end: lower it.",
                    code="output_padding",
                    values={"output_padding": op, "strides": s},
                )

    @property
    def effective_kernel_size(self) -> int:
        """``d*(k - 1) + 1``."""
        return effective_kernel_size(self.kernel_size, self.dilation_rate)

    def full_length(self, steps: int) -> int:
        """Length of the scatter before cropping: ``(L - 1)*s + k_eff``."""
        return (steps - 1) * self.strides + self.effective_kernel_size

    def output_length(self, steps: int) -> int:
        """Output steps Keras computes for ``steps`` input steps.

        >>> [Conv1DTransposeSpec(1, 3, strides=2, padding=p).output_length(4) for p in ("valid", "same")]
        [9, 8]
        >>> Conv1DTransposeSpec(1, 4, strides=3, padding="same", output_padding=0).output_length(1)
        0
        """
        s, keff, op = self.strides, self.effective_kernel_size, self.output_padding
        if self.padding == "valid":
            return (steps - 1) * s + (max(keff, s) if op is None else keff + op)
        return steps * s if op is None else (steps - 1) * s + keff % 2 + op

    def crop_left(self) -> int:
        """Steps of the full scatter cut off on the left (0 for valid)."""
        if self.padding == "valid":
            return 0
        s, keff, op = self.strides, self.effective_kernel_size, self.output_padding
        p = s + keff - 2 if op is None else keff + keff % 2 - 2 + op
        return keff - 1 - min(-(-p // 2), keff - 1)

    def kernel_shape(self, channels: int) -> tuple[int, int, int]:
        """Keras's kernel layout ``(kernel_size, filters, channels)`` (filters before channels)."""
        return (self.kernel_size, self.filters, channels)

    def param_count(self, channels: int) -> int:
        """``k*F*C + F`` (the ``+ F`` only with ``use_bias``).

        >>> Conv1DTransposeSpec(4, 3).param_count(2)
        28
        """
        return self.kernel_size * self.filters * channels + (self.filters if self.use_bias else 0)

    def output_shape(self, input_shape: tuple[int, int, int]) -> tuple[int, int, int]:
        """The output shape in the layer's data_format.

        >>> Conv1DTransposeSpec(4, 3, strides=2, padding="same").output_shape((1, 5, 2))
        (1, 10, 4)
        """
        n, a, b = input_shape
        if self.data_format == "channels_first":
            return (n, self.filters, self.output_length(b))
        return (n, self.output_length(a), self.filters)

    def keras_call(self) -> str:
        """The layer as a Keras one-liner, leaving out arguments at their defaults.

        >>> Conv1DTransposeSpec(2, 3, strides=2, output_padding=1).keras_call()
        'Conv1DTranspose(filters=2, kernel_size=3, strides=2, output_padding=1)'
        """
        defaults: dict[str, Any] = {
            "strides": 1, "padding": "valid", "output_padding": None, "data_format": "channels_last",
            "dilation_rate": 1, "activation": "linear", "use_bias": True,
        }
        parts = [f"filters={self.filters}", f"kernel_size={self.kernel_size}"]
        parts += [f"{k}={getattr(self, k)!r}" for k, v in defaults.items() if getattr(self, k) != v]
        return "Conv1DTranspose(" + ", ".join(parts) + ")"


def conv1d_transpose_from_spec(
    spec: Conv1DTransposeSpec, x: ArrayLike, kernel: ArrayLike, bias: ArrayLike | None = None
) -> NDArray[np.floating]:
    """Run a validated :class:`Conv1DTransposeSpec` on ``x`` (see :func:`conv1d_transpose`)."""
    xa = np.asarray(x)
    if xa.ndim != 3:
        raise KerasValueError(
            "Input 0 with name 'None' of layer 'conv1d_transpose' is incompatible with the layer: "
            f"expected ndim=3, found ndim={xa.ndim}. Full shape received: {xa.shape}",
            "Conv1DTranspose needs (batch, steps, channels).",
            code="input_ndim",
            values={"shape": xa.shape},
        )
    xa = as_float_array(xa, "x")
    ka = as_float_array(kernel, "kernel")
    if ka.ndim != 3:
        raise KerasValueError(
            f"The kernel must be 3-D (kernel_size, filters, channels), received shape {ka.shape}.",
            "Conv1DTranspose stores its kernel as (kernel_size, filters, channels).",
            code="kernel_ndim",
            values={"received": ka.shape},
        )
    x_cl = to_channels_last(xa, spec.data_format)
    n, steps, channels = x_cl.shape
    k, f = spec.kernel_size, spec.filters
    if ka.shape != spec.kernel_shape(channels):
        raise KerasValueError(
            "The kernel must have shape (kernel_size, filters, channels) = "
            f"({k}, {f}, {channels}), received {ka.shape}.",
            "Conv1DTranspose stores its kernel as (kernel_size, filters, channels).",
            code="kernel_shape",
        )
    ba = as_float_array(bias, "bias") if (spec.use_bias and bias is not None) else None
    dtype = _result_dtype(xa, ka, ba)
    s, d = spec.strides, spec.dilation_rate
    full = np.zeros((n, spec.full_length(steps), f), dtype=dtype)
    xd = x_cl.astype(dtype, copy=False)
    for j in range(k):
        # every input step i adds its contribution through tap j at i*s + j*d
        full[:, j * d : j * d + (steps - 1) * s + 1 : s, :] += xd @ ka[j].astype(dtype).T
    out_len, crop = spec.output_length(steps), spec.crop_left()
    out = np.zeros((n, out_len, f), dtype=dtype)
    avail = full[:, crop : crop + out_len, :]
    out[:, : avail.shape[1], :] = avail
    return finish_output(out, ba, spec.activation, spec.data_format)


def conv1d_transpose(
    x: ArrayLike,
    kernel: ArrayLike,
    bias: ArrayLike | None = None,
    *,
    strides: int = 1,
    padding: str = "valid",
    output_padding: int | None = None,
    dilation_rate: int = 1,
    activation: str | None = None,
    data_format: str | None = "channels_last",
    filters: int | None = None,
    kernel_size: int | None = None,
    use_bias: bool | None = None,
    **unknown: Any,
) -> NDArray[np.floating]:
    """Keras 3 ``Conv1DTranspose``; the kernel is ``(kernel_size, filters, channels)``.

    See the module's Notes for the scatter and the output length.

    Examples
    --------
    >>> conv1d_transpose(np.ones((1, 5, 1)), np.ones((3, 1, 1)), strides=2).shape
    (1, 11, 1)
    >>> conv1d_transpose(np.array([1.0, 2.0]).reshape(1, 2, 1), np.array([1.0, 10.0]).reshape(2, 1, 1),
    ...                  strides=2)[0, :, 0]
    array([ 1., 10.,  2., 20.])
    """
    _reject_unknown("Conv1DTranspose", unknown)
    ka = np.asarray(kernel)
    k_shape = ka.shape if ka.ndim == 3 else (kernel_size or 1, filters or 1, 1)
    spec = Conv1DTransposeSpec(
        filters=k_shape[1] if filters is None else filters,
        kernel_size=k_shape[0] if kernel_size is None else kernel_size,
        strides=strides,
        padding=padding,
        output_padding=output_padding,
        dilation_rate=dilation_rate,
        use_bias=(bias is not None) if use_bias is None else bool(use_bias),
        activation=normalize_activation(activation),
        data_format=normalize_data_format(data_format),
    )
    return conv1d_transpose_from_spec(spec, x, ka, bias if spec.use_bias else None)


@dataclass(frozen=True, eq=False)
class Conv1DTransposeTrace:
    """A traced Conv1DTranspose on a batch (channels-last): what its scatter animation draws.

    Input step ``i`` scatters ``x[n, i, :] · K[j]`` (one value per filter) to output step
    ``i*s + j*d - crop`` for every tap ``j``; overlapping contributions add up.  Build with
    :func:`trace_conv1d_transpose`; arrays are read-only.
    """

    spec: Conv1DTransposeSpec
    x: NDArray[np.floating]  # (N, L, C)
    kernel: NDArray[np.floating]  # (k, F, C)
    bias: NDArray[np.floating]  # (F,), zeros without use_bias
    output: NDArray[np.floating]  # (N, Lout, F), channels-last
    pre_activation: NDArray[np.floating]  # (N, Lout, F)

    @property
    def steps(self) -> int:
        return int(self.x.shape[1])

    @property
    def channels(self) -> int:
        return int(self.x.shape[2])

    @property
    def filters(self) -> int:
        return self.spec.filters

    @property
    def out_steps(self) -> int:
        return int(self.output.shape[1])

    @property
    def crop(self) -> int:
        """Steps of the full scatter cut off on the left (see :meth:`Conv1DTransposeSpec.crop_left`)."""
        return self.spec.crop_left()

    def positions(self, i: int) -> NDArray[np.intp]:
        """Output step each tap of input step ``i`` lands on, ``(k,)``: ``i*s + j*d - crop`` (may be cropped)."""
        s = self.spec
        return (i * s.strides + np.arange(s.kernel_size) * s.dilation_rate - self.crop).astype(np.intp)

    def contribution(self, sample: int, i: int) -> NDArray[np.floating]:
        """What input step ``i`` adds through each tap, ``(k, F)``: ``sum_c x[n, i, c] * K[j, f, c]``."""
        result: NDArray[np.floating] = self.kernel @ self.x[sample, i]
        return result

    def partial(self, sample: int, upto: int) -> NDArray[np.floating]:
        """The output's sums (bias included, before activation) once input steps ``0..upto`` have scattered.

        >>> tr = trace_conv1d_transpose(Conv1DTransposeSpec(1, 2, strides=2, use_bias=False),
        ...                             np.array([1.0, 2.0]).reshape(1, 2, 1), np.array([1.0, 10.0]).reshape(2, 1, 1))
        >>> tr.partial(0, 0)[:, 0].tolist(), tr.partial(0, 1)[:, 0].tolist()
        ([1.0, 10.0, 0.0, 0.0], [1.0, 10.0, 2.0, 20.0])
        """
        out = np.zeros((self.out_steps, self.filters), dtype=self.output.dtype)
        m = max(min(upto, self.steps - 1) + 1, 0)
        s = self.spec
        pos = (np.arange(m)[:, None] * s.strides + np.arange(s.kernel_size)[None, :] * s.dilation_rate - self.crop)
        added = np.einsum("ic,jfc->ijf", self.x[sample, :m], self.kernel)  # (m, k, F): every step's scatter
        keep = (pos >= 0) & (pos < self.out_steps)
        np.add.at(out, pos[keep], added[keep])
        summed: NDArray[np.floating] = out + self.bias
        return summed


def trace_conv1d_transpose(
    spec: Conv1DTransposeSpec, x: ArrayLike, kernel: ArrayLike, bias: ArrayLike | None = None
) -> Conv1DTransposeTrace:
    """Trace ``spec`` on ``x`` (in ``spec.data_format``): the output and every input step's scatter.

    >>> tr = trace_conv1d_transpose(Conv1DTransposeSpec(1, 3, strides=2, padding="same"),
    ...                             np.ones((1, 2, 1)), np.ones((3, 1, 1)), np.zeros(1))
    >>> tr.out_steps, tr.crop, tr.positions(1).tolist()
    (4, 0, [2, 3, 4])
    """
    output = conv1d_transpose_from_spec(spec, x, kernel, bias)
    xa = as_float_array(np.asarray(x), "x")
    x_cl = np.array(to_channels_last(xa, spec.data_format), copy=True)
    out_cl = np.ascontiguousarray(to_channels_last(output, spec.data_format))
    dtype = out_cl.dtype
    b = (
        as_float_array(bias, "bias").astype(dtype)
        if spec.use_bias and bias is not None
        else np.zeros(spec.filters, dtype=dtype)
    )
    if spec.activation == "linear":
        pre = out_cl
    else:
        linear = Conv1DTransposeSpec(spec.filters, spec.kernel_size, spec.strides, spec.padding, spec.output_padding,
                                     spec.dilation_rate, spec.use_bias, "linear", "channels_last")
        pre = conv1d_transpose_from_spec(linear, x_cl, kernel, b if spec.use_bias else None)
    arrays = (x_cl, np.array(as_float_array(kernel, "kernel"), dtype=dtype, copy=True), b, out_cl,
              np.ascontiguousarray(pre))
    for a in arrays:
        a.setflags(write=False)
    return Conv1DTransposeTrace(spec, *arrays)
