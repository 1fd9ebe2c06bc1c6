"""The other 1-D convolutions: SeparableConv1D, DepthwiseConv1D and Conv1DTranspose (Keras 3 rules).

Notes
-----
Parameter counts, ``C`` input channels, ``k`` the kernel size, ``m`` the
``depth_multiplier``, ``F`` the filters (biases when ``use_bias``):

* ``SeparableConv1D``: ``k*C*m`` (depthwise) ``+ C*m*F`` (pointwise) ``+ F``;
* ``DepthwiseConv1D``: ``k*C*m + C*m``;
* ``Conv1DTranspose``: ``k*F*C + F``.

Conv1DTranspose's output length, with ``keff = (k-1)*d + 1``: ``'valid'``
``(L-1)*s + keff + op`` (``op = max(keff, s) - keff`` when ``output_padding``
is not given), ``'same'`` ``L*s`` (or ``(L-1)*s + keff % 2 + op``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import KerasValueError
from ..spec import Conv1DSpec, check_valid_length, normalize_data_format
from .errors import input_ndim_error, undefined_dim_error
from .layers import Built, Layer, _non_default, check_activation
from .shape import Dim, Shape, steps_channels_axes

__all__ = ["Conv1DTranspose", "DepthwiseConv1D", "SeparableConv1D"]


def _positive(layer: str, arg: str, value: Any) -> int:
    if isinstance(value, (tuple, list)) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise KerasValueError(
            f"Invalid value for argument `{arg}`. Expected a strictly positive value. Received {arg}={value}.",
            f"{layer} needs {arg} as a whole number of 1 or more.",
            code="stack_positive_argument", values={"layer": layer, "argument": arg, "value": value})
    return value


@dataclass(frozen=True, kw_only=True)
class _WindowConv(Layer):
    """What SeparableConv1D and DepthwiseConv1D share: a Conv1D window over the steps."""

    kernel_size: Any
    strides: Any = 1
    padding: Any = "valid"
    data_format: Any = None
    dilation_rate: Any = 1
    depth_multiplier: Any = 1
    activation: Any = None
    use_bias: Any = True

    step_kind: ClassVar[str | None] = "window"
    reports_field: ClassVar[bool] = True
    _arguments: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {"strides": 1, "padding": "valid", "data_format": None,
                                           "dilation_rate": 1, "depth_multiplier": 1, "activation": None,
                                           "use_bias": True}

    def spec(self) -> Conv1DSpec:
        """The window's geometry and Keras's argument checks, as a Conv1D with one filter."""
        return Conv1DSpec(filters=1, kernel_size=self.kernel_size, strides=self.strides, padding=self.padding,
                          dilation_rate=self.dilation_rate, data_format=normalize_data_format(self.data_format))

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, self._arguments, self._defaults)

    def _out_channels(self, channels: int) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def _params(self, channels: int) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def infer(self, shape: Shape, name: str) -> Built:
        spec = self.spec()
        check_activation(self.activation)
        _positive(self.keras_class, "depth_multiplier", self.depth_multiplier)
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        s_ax, c_ax = steps_channels_axes(spec.data_format)
        channels, steps = shape[c_ax], shape[s_ax]
        if channels is None:
            raise undefined_dim_error(name, "kernel", (spec.kernel_size, None, self.depth_multiplier))
        if steps is not None:
            check_valid_length(spec, shape, steps, channels, layer=name)
        out: list[Dim] = list(shape)
        out[s_ax] = None if steps is None else spec.output_length(steps)
        out[c_ax] = self._out_channels(channels)
        return Built(tuple(out), self._params(channels))


@dataclass(frozen=True, kw_only=True)
class SeparableConv1D(_WindowConv):
    """``keras.layers.SeparableConv1D``: a depthwise window per channel, then a 1x1 conv to ``filters``.

    >>> SeparableConv1D(filters=16, kernel_size=3).infer((None, 50, 8), "s").trainable  # 3*8 + 8*16 + 16
    168
    """

    filters: Any
    keras_class: ClassVar[str] = "SeparableConv1D"
    _arguments: ClassVar[tuple[str, ...]] = ("filters", "kernel_size", "strides", "padding", "data_format",
                                             "dilation_rate", "depth_multiplier", "activation", "use_bias")

    def _out_channels(self, channels: int) -> int:
        return _positive(self.keras_class, "filters", self.filters)

    def _params(self, channels: int) -> int:
        filters = self._out_channels(channels)
        multiplier = _positive(self.keras_class, "depth_multiplier", self.depth_multiplier)
        depth = self.spec().kernel_size * channels * multiplier
        return depth + channels * multiplier * filters + (filters if self.use_bias else 0)


@dataclass(frozen=True, kw_only=True)
class DepthwiseConv1D(_WindowConv):
    """``keras.layers.DepthwiseConv1D``: one window per channel, ``depth_multiplier`` outputs each.

    >>> DepthwiseConv1D(kernel_size=5, depth_multiplier=2).infer((None, 50, 8), "d").output_shape
    (None, 46, 16)
    """

    keras_class: ClassVar[str] = "DepthwiseConv1D"
    _arguments: ClassVar[tuple[str, ...]] = ("kernel_size", "strides", "padding", "data_format",
                                             "dilation_rate", "depth_multiplier", "activation", "use_bias")

    def _out_channels(self, channels: int) -> int:
        return channels * _positive(self.keras_class, "depth_multiplier", self.depth_multiplier)

    def _params(self, channels: int) -> int:
        out = self._out_channels(channels)
        return self.spec().kernel_size * out + (out if self.use_bias else 0)


def transpose_length(steps: int, kernel: int, strides: int, padding: str, output_padding: int | None,
                     dilation_rate: int = 1) -> int:
    """Keras's Conv1DTranspose output length.

    >>> transpose_length(25, 3, 2, "same", None), transpose_length(25, 3, 2, "valid", None)
    (50, 51)
    >>> transpose_length(25, 3, 2, "same", 1)
    50
    """
    keff = (kernel - 1) * dilation_rate + 1
    if padding == "valid":
        extra = max(keff, strides) - keff if output_padding is None else output_padding
        return (steps - 1) * strides + keff + extra
    if output_padding is None:
        return steps * strides
    return (steps - 1) * strides + keff % 2 + output_padding


@dataclass(frozen=True, kw_only=True)
class Conv1DTranspose(Layer):
    """``keras.layers.Conv1DTranspose``: each input step spreads a kernel over ``strides`` output steps.

    >>> Conv1DTranspose(filters=8, kernel_size=3, strides=2, padding="same").infer((None, 25, 16), "t")
    Built(output_shape=(None, 50, 8), trainable=392, non_trainable=0, notes=(), more_outputs=())
    """

    filters: Any
    kernel_size: Any
    strides: Any = 1
    padding: Any = "valid"
    output_padding: Any = None
    data_format: Any = None
    dilation_rate: Any = 1
    activation: Any = None
    use_bias: Any = True
    keras_class: ClassVar[str] = "Conv1DTranspose"
    step_kind: ClassVar[str | None] = "end"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("filters", "kernel_size", "strides", "padding", "output_padding",
                                   "data_format", "dilation_rate", "activation", "use_bias"),
                            {"strides": 1, "padding": "valid", "output_padding": None, "data_format": None,
                             "dilation_rate": 1, "activation": None, "use_bias": True})

    def infer(self, shape: Shape, name: str) -> Built:
        filters = _positive(self.keras_class, "filters", self.filters)
        kernel = _positive(self.keras_class, "kernel_size", self.kernel_size)
        strides = _positive(self.keras_class, "strides", self.strides)
        dilation = _positive(self.keras_class, "dilation_rate", self.dilation_rate)
        check_activation(self.activation)
        padding = self.padding.lower() if isinstance(self.padding, str) else self.padding
        if padding not in ("valid", "same"):
            raise KerasValueError(
                "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. "
                f"Received: {self.padding}",
                "Conv1DTranspose takes padding='valid' or 'same' ('causal' is for Conv1D only).",
                code="stack_transpose_padding", values={"padding": self.padding})
        op = self.output_padding
        if isinstance(op, (tuple, list)) and len(op) == 1:
            op = op[0]
        if op is not None and (isinstance(op, bool) or not isinstance(op, int) or op < 0 or op >= strides):
            raise KerasValueError(
                "`output_padding` must be strictly less than `strides` for all dimensions. At dimension 0, "
                f"`output_padding` is {op} but `strides` is {strides}. Received: output_padding=({op},), "
                f"strides=({strides},)",
                "output_padding adds steps at the end of each stride: it can be 0 to strides - 1.",
                code="stack_output_padding", values={"output_padding": op, "strides": strides})
        if strides > 1 and dilation > 1:
            raise KerasValueError(
                "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: "
                f"strides=({strides},) and dilation_rate=({dilation},)",
                "Set strides or dilation_rate to 1.", code="stack_strides_dilation",
                values={"strides": strides, "dilation_rate": dilation})
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "min_ndim=3")
        s_ax, c_ax = steps_channels_axes(normalize_data_format(self.data_format))
        channels, steps = shape[c_ax], shape[s_ax]
        if channels is None:
            raise undefined_dim_error(name, "kernel", (kernel, filters, None))
        out: list[Dim] = list(shape)
        out[s_ax] = None if steps is None else transpose_length(steps, kernel, strides, padding, op, dilation)
        out[c_ax] = filters
        return Built(tuple(out), kernel * filters * channels + (filters if self.use_bias else 0))
