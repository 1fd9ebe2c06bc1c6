"""A stack of Keras layers as a pure model: shapes, parameters and receptive fields.

No Qt here.  A :class:`Stack` holds frozen layer descriptions with Keras 3
argument names; :func:`summarize` infers every output shape (``None`` for the
batch, ``None`` steps carried through as Keras does), counts parameters as
Keras 3 does and, for Conv1D and pooling layers, gives the receptive field and
the jump relative to the stack input, like ``model.summary()`` with two more
columns.  :func:`run_stack` computes the numeric part (Conv1D, pooling and the
layers that keep the values) with :mod:`conv_core`.

Notes
-----
Parameter counts (Keras 3), ``C`` the size of the last input axis:

* ``Conv1D``: ``k*(C/g)*F + F``; ``Dense``: ``C*units + units``;
* ``Embedding``: ``input_dim*output_dim``;
* ``SimpleRNN``: ``u*(C + u) + u``; ``LSTM``: ``4*(u*(C + u) + u)``;
* ``GRU``: ``3*(u*(C + u) + 2*u)`` (``reset_after=True``, the Keras 3 default),
  ``3*(u*(C + u) + u)`` with ``reset_after=False``;
* ``BatchNormalization``: ``2*C`` trainable (gamma, beta) + ``2*C`` not (moving
  mean and variance).

Receptive fields (the numbers of :mod:`conv_core.receptive`), with
``keff = (k-1)*d + 1``, ``s`` the strides and ``p`` the left padding:
``r = r_prev + (keff - 1)*j_prev``, ``j = j_prev*s``, ``start = start_prev - p*j_prev``.
A global pooling layer is a pool over every remaining step (its jump is ``None``:
there is one output).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

import conv_core
from conv_core.errors import ConvError, KerasTypeError, KerasValueError
from conv_core.spec import Conv1DSpec, Pool1DSpec, normalize_data_format

__all__ = [
    "GRU",
    "KERAS_ACTIVATIONS",
    "LAYER_CLASSES",
    "LSTM",
    "Activation",
    "AveragePooling1D",
    "BatchNormalization",
    "Cone",
    "Conv1D",
    "Dense",
    "Dropout",
    "Embedding",
    "Flatten",
    "GlobalAveragePooling1D",
    "GlobalMaxPooling1D",
    "Layer",
    "LayerRow",
    "MaxPooling1D",
    "SimpleRNN",
    "SpatialDropout1D",
    "Stack",
    "StackRun",
    "StackSummary",
    "StepPlace",
    "UnsupportedLayer",
    "ZeroPadding1D",
    "auto_names",
    "default_weights",
    "example_input",
    "format_shape",
    "run_stack",
    "summarize",
    "to_snake_case",
    "with_steps",
]

Dim = int | None
Shape = tuple[Dim, ...]

#: Every activation name Keras 3 knows (``keras.activations``).  conv_core computes a subset.
KERAS_ACTIVATIONS = frozenset({
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu",
    "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "relu",
    "relu6", "selu", "sigmoid", "silu", "soft_shrink", "softmax", "softplus", "softsign",
    "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh", "tanh_shrink",
    "threshold",
})

# Stacks longer than this get their receptive fields from the recurrence only:
# conv_core.receptive builds (steps x steps) matrices.
_EXACT_MAX_STEPS = 1024


def to_snake_case(name: str) -> str:
    """Keras's ``to_snake_case``: the prefix of an automatic layer name.

    >>> to_snake_case("MaxPooling1D"), to_snake_case("SimpleRNN"), to_snake_case("Conv1D")
    ('max_pooling1d', 'simple_rnn', 'conv1d')
    """
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def format_shape(shape: Shape | None) -> str:
    """``(None, 50, 100)`` as Keras prints it; ``?`` when unknown.

    >>> format_shape((None, 7)), format_shape((None,)), format_shape(None)
    ('(None, 7)', '(None,)', '?')
    """
    return "?" if shape is None else repr(tuple(shape))


def _ndim_error(name: str, shape: Shape, expected: str) -> KerasValueError:
    """Keras's InputSpec message, plus what to do."""
    found = len(shape)
    if found == 2 and expected.endswith("=3"):
        hint = (
            "This layer needs 3 axes, (batch, steps, channels), but it receives a 2-D "
            f"{format_shape(shape)}. If it comes from the input, give a channel axis "
            f"(input shape ({shape[1]}, 1), data x.reshape(n, {shape[1]}, 1)); if it comes from "
            "Flatten, GlobalMaxPooling1D, Dense or an RNN without return_sequences=True, the steps "
            "axis is already gone: move this layer before it."
        )
    elif found < 3 and expected.endswith("=3"):
        hint = "This layer needs 3 axes: (batch, steps, channels)."
    elif found > 3:
        hint = "A 1-D layer takes (batch, steps, channels); this input has an extra axis."
    else:
        hint = f"The input has {found} axes (the batch included)."
    return KerasValueError(
        f"Input 0 with name 'None' of layer '{name}' is incompatible with the layer: "
        f"expected {expected}, found ndim={found}. Full shape received: {format_shape(shape)}",
        hint,
        code="stack_input_ndim",
        values={"layer": name, "shape": shape, "expected": expected},
    )


def _undefined_error(name: str, variable: str, var_shape: Shape) -> KerasValueError:
    return KerasValueError(
        "Shapes used to initialize variables must be fully-defined (no `None` dimensions). "
        f"Received: shape={format_shape(var_shape)} for variable path='sequential/{name}/{variable}'",
        "The last axis of this layer's input is unknown (None), so its weights have no size: "
        "give the steps in the input shape, or use GlobalMaxPooling1D instead of Flatten.",
        code="stack_undefined_dim",
        values={"layer": name},
    )


def _positive_units(layer: str, units: object, rnn: bool) -> int:
    if isinstance(units, bool) or not isinstance(units, int) or units <= 0:
        keras = (
            f"Received an invalid value for argument `units`, expected a positive integer, got {units}."
            if rnn
            else "Received an invalid value for `units`, expected a positive integer. "
            f"Received: units={units}"
        )
        raise KerasValueError(keras, f"{layer} needs units as a whole number of 1 or more.",
                              code="stack_units", values={"units": units})
    return units


def _check_activation(activation: object) -> str:
    if activation is None:
        return "linear"
    if isinstance(activation, str) and activation in KERAS_ACTIVATIONS:
        return activation
    if isinstance(activation, str) and activation.lower() in KERAS_ACTIVATIONS:
        return activation.lower()
    return conv_core.activations.normalize_activation(activation)  # raises Keras's message


@dataclass(frozen=True)
class _Built:
    output_shape: Shape
    trainable: int | None
    non_trainable: int = 0
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Layer:
    """One Keras layer, by its Keras 3 arguments.

    Attributes
    ----------
    name : str or None
        An explicit ``name=``; ``None`` gets Keras's automatic name.
    line : int or None
        Where the layer came from in pasted code.
    legacy : str or None
        The Keras 1 call as written, when this layer is its Keras 3 translation.
    """

    name: str | None = None
    line: int | None = None
    legacy: str | None = None

    keras_class: ClassVar[str] = ""
    computed: ClassVar[bool] = False  # run_stack computes it

    @property
    def class_name(self) -> str:
        return self.keras_class

    def infer(self, shape: Shape, name: str) -> _Built:  # pragma: no cover - abstract
        raise NotImplementedError

    def keras_args(self) -> dict[str, Any]:
        """Arguments that differ from Keras's defaults, in signature order."""
        return {}

    def keras_call(self) -> str:
        """The layer as Keras 3 code, e.g. ``Conv1D(filters=32, kernel_size=7, activation='relu')``."""
        args = self.keras_args()
        parts = [f"{k}={v!r}" for k, v in args.items()]
        if self.name is not None:
            parts.append(f"name={self.name!r}")
        return f"{self.class_name}(" + ", ".join(parts) + ")"


def _non_default(obj: Layer, names: Sequence[str], defaults: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n in names:
        value = getattr(obj, n)
        if n in defaults and value == defaults[n]:
            continue
        out[n] = value
    return out


def _steps_channels_axes(data_format: str) -> tuple[int, int]:
    return (1, 2) if data_format == "channels_last" else (2, 1)


@dataclass(frozen=True, kw_only=True)
class Conv1D(Layer):
    """``keras.layers.Conv1D``, computed with :func:`conv_core.conv1d`."""

    filters: Any
    kernel_size: Any
    strides: Any = 1
    padding: Any = "valid"
    data_format: Any = None
    dilation_rate: Any = 1
    groups: Any = 1
    activation: Any = None
    use_bias: Any = True

    keras_class: ClassVar[str] = "Conv1D"
    computed: ClassVar[bool] = True

    def spec(self) -> Conv1DSpec:
        """The validated :class:`conv_core.Conv1DSpec` (raises Keras's constructor errors)."""
        act = _check_activation(self.activation)
        return Conv1DSpec(
            filters=self.filters, kernel_size=self.kernel_size, strides=self.strides,
            padding=self.padding, dilation_rate=self.dilation_rate, groups=self.groups,
            use_bias=self.use_bias, activation=act if act in conv_core.ACTIVATIONS else "linear",
            data_format=normalize_data_format(self.data_format),
        )

    def keras_args(self) -> dict[str, Any]:
        names = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                 "groups", "activation", "use_bias")
        return _non_default(self, names, {"strides": 1, "padding": "valid", "data_format": None,
                                          "dilation_rate": 1, "groups": 1, "activation": None,
                                          "use_bias": True})

    def infer(self, shape: Shape, name: str) -> _Built:
        spec = self.spec()
        notes: tuple[str, ...] = ()
        act = _check_activation(self.activation)
        if act not in conv_core.ACTIVATIONS:
            notes = (f"activation '{act}' is not computed by the explorer (shapes and parameters "
                     "are unaffected)",)
        if len(shape) < 3:
            raise _ndim_error(name, shape, "min_ndim=3")
        s_ax, c_ax = _steps_channels_axes(spec.data_format)
        channels = shape[c_ax] if len(shape) == 3 else shape[-1]
        if len(shape) > 3:
            cg = None if channels is None else channels // spec.groups
            raise KerasValueError(
                "Kernel shape must have the same length as input, but received kernel of shape "
                f"({spec.kernel_size}, {cg}, {spec.filters}) and input of shape {format_shape(shape)}.",
                "Conv1D takes (batch, steps, channels). An Embedding on an input that already has "
                "channels adds a 4th axis: give the Embedding a 2-D input (batch, steps) of token ids.",
                code="stack_conv_ndim_high",
                values={"layer": name, "shape": shape},
            )
        steps = shape[s_ax]
        if channels is None:
            raise _undefined_error(name, "kernel", (spec.kernel_size, None, spec.filters))
        if channels % spec.groups:
            raise KerasValueError(
                "The number of input channels must be evenly divisible by the number of groups. "
                f"Received groups={spec.groups}, but the input has {channels} channels "
                f"(full input shape is {format_shape(shape)}).",
                f"Each group sees channels/groups input channels: use a groups value that divides "
                f"{channels}.",
                code="channels_groups",
                values={"groups": spec.groups, "channels": channels},
            )
        if steps is not None and spec.padding == "valid" and spec.output_length(steps) <= 0:
            keff = spec.effective_kernel_size
            raise KerasValueError(
                "Computed output size would be zero or negative. Received "
                f"`inputs shape={format_shape(shape)}`, `kernel shape=({spec.kernel_size}, {channels}, "
                f"{spec.filters})`, `dilation_rate=[{spec.dilation_rate}]`, `strides=({spec.strides},)`, "
                "`padding=valid`.",
                f"With padding='valid' this layer needs at least {keff} input steps (its dilated kernel "
                f"spans {keff}) but receives {steps}: use padding='same', a smaller kernel_size, "
                "strides or pool_size earlier, or a longer input.",
                code="input_too_short",
                values={"layer": name, "steps": steps, "keff": keff},
            )
        out_steps = None if steps is None else spec.output_length(steps)
        out: list[Dim] = list(shape)
        out[s_ax], out[c_ax] = out_steps, spec.filters
        params = spec.kernel_size * (channels // spec.groups) * spec.filters
        params += spec.filters if spec.use_bias else 0
        return _Built(tuple(out), params, 0, notes)


@dataclass(frozen=True, kw_only=True)
class _Pooling(Layer):
    pool_size: Any = 2
    strides: Any = None
    padding: Any = "valid"
    data_format: Any = None

    kind: ClassVar[str] = "max"
    computed: ClassVar[bool] = True

    def spec(self) -> Pool1DSpec:
        if self.pool_size is None:
            raise KerasTypeError(
                f"{self.keras_class}.__init__() missing 1 required positional argument: 'pool_size'",
                f"{self.keras_class} has no default window in Keras 3: give pool_size, e.g. "
                f"{self.keras_class}(2).",
                code="pool_size_required",
            )
        return Pool1DSpec(self.pool_size, self.strides, self.padding,
                          normalize_data_format(self.data_format), self.kind)

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("pool_size", "strides", "padding", "data_format"),
                            {"strides": None, "padding": "valid", "data_format": None})

    def infer(self, shape: Shape, name: str) -> _Built:
        spec = self.spec()
        if len(shape) != 3:
            raise _ndim_error(name, shape, "ndim=3")
        s_ax, _ = _steps_channels_axes(spec.data_format)
        steps = shape[s_ax]
        if steps is not None and spec.padding == "valid" and steps < spec.pool_size:
            dims = " ".join(str(v) for v in shape)
            raise KerasValueError(
                "Computed output size would be zero or negative. Received: "
                f"`inputs.shape=[{dims}]`, `pool_size=[{spec.pool_size}]`, `strides=({spec.stride},)`, "
                "`padding=valid`.",
                f"The pooling window ({spec.pool_size}) is longer than its input ({steps} steps): use a "
                "smaller pool_size, padding='same', or fewer downsampling layers before it.",
                code="pool_too_short",
                values={"layer": name, "steps": steps, "pool_size": spec.pool_size},
            )
        out = list(shape)
        out[s_ax] = None if steps is None else spec.output_length(steps)
        return _Built(tuple(out), 0)


@dataclass(frozen=True, kw_only=True)
class MaxPooling1D(_Pooling):
    """``keras.layers.MaxPooling1D`` (alias ``MaxPool1D``)."""

    keras_class: ClassVar[str] = "MaxPooling1D"
    kind: ClassVar[str] = "max"


@dataclass(frozen=True, kw_only=True)
class AveragePooling1D(_Pooling):
    """``keras.layers.AveragePooling1D`` (alias ``AvgPool1D``); ``pool_size`` is required."""

    pool_size: Any = None
    keras_class: ClassVar[str] = "AveragePooling1D"
    kind: ClassVar[str] = "average"


@dataclass(frozen=True, kw_only=True)
class _GlobalPooling(Layer):
    data_format: Any = None
    keepdims: Any = False
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("data_format", "keepdims"), {"data_format": None, "keepdims": False})

    def infer(self, shape: Shape, name: str) -> _Built:
        fmt = normalize_data_format(self.data_format)
        if len(shape) != 3:
            raise _ndim_error(name, shape, "ndim=3")
        s_ax, c_ax = _steps_channels_axes(fmt)
        if self.keepdims:
            out = list(shape)
            out[s_ax] = 1
            return _Built(tuple(out), 0)
        return _Built((shape[0], shape[c_ax]), 0)


@dataclass(frozen=True, kw_only=True)
class GlobalMaxPooling1D(_GlobalPooling):
    """``keras.layers.GlobalMaxPooling1D``: the max over all steps."""

    keras_class: ClassVar[str] = "GlobalMaxPooling1D"


@dataclass(frozen=True, kw_only=True)
class GlobalAveragePooling1D(_GlobalPooling):
    """``keras.layers.GlobalAveragePooling1D``: the mean over all steps."""

    keras_class: ClassVar[str] = "GlobalAveragePooling1D"


@dataclass(frozen=True, kw_only=True)
class Embedding(Layer):
    """``keras.layers.Embedding``: token ids ``(batch, steps)`` to vectors ``(batch, steps, output_dim)``.

    ``input_dim=None`` means the vocabulary size is not known (the parameter
    count is then unknown; the shapes are not affected).
    """

    input_dim: Any
    output_dim: Any
    mask_zero: Any = False
    computed: ClassVar[bool] = True
    keras_class: ClassVar[str] = "Embedding"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("input_dim", "output_dim", "mask_zero"), {"mask_zero": False})

    def infer(self, shape: Shape, name: str) -> _Built:
        for arg in ("input_dim", "output_dim"):
            value = getattr(self, arg)
            if value is None and arg == "input_dim":
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise KerasValueError(
                    f"Both `input_dim` and `output_dim` should be positive, Received "
                    f"input_dim = {self.input_dim} and output_dim = {self.output_dim}",
                    "input_dim is the vocabulary size and output_dim the length of each word "
                    "vector: both are whole numbers of 1 or more.",
                    code="stack_embedding_dims",
                    values={"input_dim": self.input_dim, "output_dim": self.output_dim},
                )
        notes: tuple[str, ...] = ()
        if len(shape) == 3:
            notes = ("Embedding on a 3-D input adds a 4th axis: an Embedding expects token ids "
                     "(batch, steps)",)
        params = None if self.input_dim is None else self.input_dim * self.output_dim
        return _Built((*shape, self.output_dim), params, 0, notes)


def _check_rate(rate: Any) -> None:
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
        raise KerasValueError(
            "Invalid value received for argument `rate`. Expected a float value between 0 and 1. "
            f"Received: rate={rate}",
            "rate is the fraction of values dropped during training, e.g. 0.2.",
            code="stack_rate",
            values={"rate": rate},
        )


@dataclass(frozen=True, kw_only=True)
class Dropout(Layer):
    """``keras.layers.Dropout``: no change at inference (what the explorer shows)."""

    rate: Any
    keras_class: ClassVar[str] = "Dropout"
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return {"rate": self.rate}

    def infer(self, shape: Shape, name: str) -> _Built:
        _check_rate(self.rate)
        return _Built(shape, 0)


@dataclass(frozen=True, kw_only=True)
class SpatialDropout1D(Layer):
    """``keras.layers.SpatialDropout1D``: drops whole channels in training; 3-D input."""

    rate: Any
    keras_class: ClassVar[str] = "SpatialDropout1D"
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return {"rate": self.rate}

    def infer(self, shape: Shape, name: str) -> _Built:
        _check_rate(self.rate)
        if len(shape) != 3:
            raise _ndim_error(name, shape, "ndim=3")
        return _Built(shape, 0)


@dataclass(frozen=True, kw_only=True)
class Activation(Layer):
    """``keras.layers.Activation``."""

    activation: Any
    keras_class: ClassVar[str] = "Activation"
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return {"activation": self.activation}

    def infer(self, shape: Shape, name: str) -> _Built:
        _check_activation(self.activation)
        return _Built(shape, 0)


@dataclass(frozen=True, kw_only=True)
class ZeroPadding1D(Layer):
    """``keras.layers.ZeroPadding1D``: ``padding`` zeros (or ``(left, right)``) around the steps."""

    padding: Any = 1
    data_format: Any = None
    keras_class: ClassVar[str] = "ZeroPadding1D"
    computed: ClassVar[bool] = True

    def amounts(self) -> tuple[int, int]:
        value = self.padding
        pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
        bad = [v for v in pair if isinstance(v, bool) or not isinstance(v, int) or v < 0]
        if len(pair) != 2 or bad:
            raise KerasValueError(
                f"The `padding` argument must be a tuple of 2 integers. Received padding={value}"
                + (f", including values {{{bad[0]}}} that do not satisfy `value >= 0`" if bad else ""),
                "ZeroPadding1D takes a number of zeros for both ends, or (left, right).",
                code="stack_zero_padding",
                values={"padding": value},
            )
        return (int(pair[0]), int(pair[1]))

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("padding", "data_format"), {"padding": 1, "data_format": None})

    def infer(self, shape: Shape, name: str) -> _Built:
        left, right = self.amounts()
        if len(shape) != 3:
            raise _ndim_error(name, shape, "ndim=3")
        s_ax, _ = _steps_channels_axes(normalize_data_format(self.data_format))
        out = list(shape)
        steps = shape[s_ax]
        out[s_ax] = None if steps is None else steps + left + right
        return _Built(tuple(out), 0)


@dataclass(frozen=True, kw_only=True)
class Flatten(Layer):
    """``keras.layers.Flatten``: ``(batch, steps, channels)`` to ``(batch, steps*channels)``."""

    data_format: Any = None
    keras_class: ClassVar[str] = "Flatten"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("data_format",), {"data_format": None})

    def infer(self, shape: Shape, name: str) -> _Built:
        if len(shape) < 1:
            raise _ndim_error(name, shape, "min_ndim=1")
        rest = shape[1:]
        if not rest:
            return _Built((shape[0], 1), 0)
        if any(v is None for v in rest):
            return _Built((shape[0], None), 0, 0, (
                "Flatten of an input with None steps has an unknown size: a Dense layer after it "
                "cannot be built (use GlobalMaxPooling1D, or give the steps)",))
        return _Built((shape[0], math.prod(v for v in rest if v is not None)), 0)


@dataclass(frozen=True, kw_only=True)
class Dense(Layer):
    """``keras.layers.Dense``; on a 3-D input it acts on the last axis, step by step."""

    units: Any
    activation: Any = None
    use_bias: Any = True
    keras_class: ClassVar[str] = "Dense"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("units", "activation", "use_bias"), {"activation": None, "use_bias": True})

    def infer(self, shape: Shape, name: str) -> _Built:
        units = _positive_units("Dense", self.units, rnn=False)
        _check_activation(self.activation)
        if len(shape) < 2:
            raise _ndim_error(name, shape, "min_ndim=2")
        last = shape[-1]
        if last is None:
            raise _undefined_error(name, "kernel", (None, units))
        notes: tuple[str, ...] = ()
        if len(shape) > 2:
            notes = (f"Dense on a {len(shape)}-D input acts on the last axis only, step by step: "
                     f"output {format_shape((*shape[:-1], units))}. Put Flatten or "
                     "GlobalMaxPooling1D before it for one output per sample",)
        params = last * units + (units if self.use_bias else 0)
        return _Built((*shape[:-1], units), params, 0, notes)


@dataclass(frozen=True, kw_only=True)
class _Recurrent(Layer):
    units: Any
    activation: Any = "tanh"
    use_bias: Any = True
    return_sequences: Any = False
    return_state: Any = False
    gates: ClassVar[int] = 1

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("units", "activation", "use_bias", "return_sequences", "return_state"),
                            {"activation": "tanh", "use_bias": True, "return_sequences": False,
                             "return_state": False})

    def _bias_per_gate(self, units: int) -> int:
        return units

    def infer(self, shape: Shape, name: str) -> _Built:
        units = _positive_units(self.keras_class, self.units, rnn=True)
        _check_activation(self.activation)
        if len(shape) != 3:
            raise _ndim_error(name, shape, "ndim=3")
        channels = shape[2]
        if channels is None:
            raise _undefined_error(f"{name}/{name}_cell", "kernel", (None, self.gates * units))
        weights = self.gates * units * (channels + units)
        bias = self.gates * self._bias_per_gate(units) if self.use_bias else 0
        notes: tuple[str, ...] = ()
        if self.return_state:
            notes = ("return_state=True also returns the final state; only the output is shown",)
        out: Shape = (shape[0], shape[1], units) if self.return_sequences else (shape[0], units)
        return _Built(out, weights + bias, 0, notes)


@dataclass(frozen=True, kw_only=True)
class SimpleRNN(_Recurrent):
    """``keras.layers.SimpleRNN``: ``u*(C + u) + u`` parameters."""

    keras_class: ClassVar[str] = "SimpleRNN"
    gates: ClassVar[int] = 1


@dataclass(frozen=True, kw_only=True)
class LSTM(_Recurrent):
    """``keras.layers.LSTM``: ``4*(u*(C + u) + u)`` parameters."""

    keras_class: ClassVar[str] = "LSTM"
    gates: ClassVar[int] = 4


@dataclass(frozen=True, kw_only=True)
class GRU(_Recurrent):
    """``keras.layers.GRU``: ``3*(u*(C + u) + 2*u)`` with Keras 3's ``reset_after=True``."""

    reset_after: Any = True
    keras_class: ClassVar[str] = "GRU"
    gates: ClassVar[int] = 3

    def keras_args(self) -> dict[str, Any]:
        args = super().keras_args()
        if self.reset_after is not True:
            args["reset_after"] = self.reset_after
        return args

    def _bias_per_gate(self, units: int) -> int:
        return 2 * units if self.reset_after else units


@dataclass(frozen=True, kw_only=True)
class BatchNormalization(Layer):
    """``keras.layers.BatchNormalization`` over ``axis`` (the channels by default)."""

    axis: Any = -1
    center: Any = True
    scale: Any = True
    keras_class: ClassVar[str] = "BatchNormalization"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("axis", "center", "scale"), {"axis": -1, "center": True, "scale": True})

    def infer(self, shape: Shape, name: str) -> _Built:
        axis = self.axis
        if isinstance(axis, bool) or not isinstance(axis, int) or not -len(shape) <= axis < len(shape):
            raise KerasValueError(
                f"Invalid axis: {axis} for input of shape {format_shape(shape)}",
                "axis is the feature axis to normalise, -1 (the channels) almost always.",
                code="stack_bn_axis",
                values={"axis": axis},
            )
        size = shape[axis]
        if size is None:
            raise _undefined_error(name, "gamma", (None,))
        trainable = size * (int(bool(self.center)) + int(bool(self.scale)))
        return _Built(shape, trainable, 2 * size)


@dataclass(frozen=True, kw_only=True)
class UnsupportedLayer(Layer):
    """A layer the explorer cannot model (or could not read); the shapes after it are unknown.

    ``message`` and ``hint`` replace the default explanation, e.g. for a
    required argument that is missing or not a literal.
    """

    keras_name: str = "Layer"
    message: str = ""
    hint: str = ""
    error_type: str = "ValueError"

    @property
    def class_name(self) -> str:
        return self.keras_name

    def keras_call(self) -> str:
        return f"{self.keras_name}(...)"

    def infer(self, shape: Shape, name: str) -> _Built:
        error = KerasTypeError if self.error_type == "TypeError" else KerasValueError
        raise error(
            self.message or f"{self.keras_name} is not supported by Conv1D Explorer.",
            self.hint
            or "Its output shape and parameters are unknown, and so are those of the layers after it.",
            code="stack_unsupported_layer",
            values={"layer": self.keras_name},
        )


LAYER_CLASSES: dict[str, type[Layer]] = {
    cls.keras_class: cls
    for cls in (Conv1D, MaxPooling1D, AveragePooling1D, GlobalMaxPooling1D, GlobalAveragePooling1D,
                Embedding, Dropout, SpatialDropout1D, Activation, ZeroPadding1D, Flatten, Dense,
                SimpleRNN, LSTM, GRU, BatchNormalization)
}
"""Keras class name -> layer dataclass (aliases such as MaxPool1D are resolved by the parser)."""


@dataclass(frozen=True)
class Stack:
    """Layers in order, with the input shape without the batch axis.

    Attributes
    ----------
    layers : tuple of Layer
    input_shape : tuple or None
        E.g. ``(50, 300)``, ``(None, 14)`` for any number of steps, ``(500,)`` for token
        ids into an Embedding; ``None`` when unknown (every shape is then unknown).
    name : str
        The model's name (``'sequential'`` as Keras calls the first one).
    functional : bool
        Built with ``keras.Input`` and layer calls: the summary starts with an
        ``input_layer`` row, as Keras's does.
    batch_size : int or None
        A fixed batch size (``batch_input_shape`` / ``Input(batch_size=...)``).
    """

    layers: tuple[Layer, ...]
    input_shape: Shape | None
    name: str = "sequential"
    functional: bool = False
    batch_size: int | None = None


def auto_names(layers: Sequence[Layer]) -> tuple[str, ...]:
    """Keras 3's automatic names: ``conv1d``, ``conv1d_1``, ... (explicit names kept).

    >>> auto_names([Conv1D(filters=4, kernel_size=3), MaxPooling1D(), Conv1D(filters=4, kernel_size=3)])
    ('conv1d', 'max_pooling1d', 'conv1d_1')
    """
    counts: dict[str, int] = {}
    names = []
    for layer in layers:
        if layer.name is not None:
            names.append(layer.name)
            continue
        prefix = to_snake_case(layer.class_name)
        n = counts.get(prefix, 0)
        counts[prefix] = n + 1
        names.append(prefix if n == 0 else f"{prefix}_{n}")
    return tuple(names)


@dataclass(frozen=True)
class LayerRow:
    """One line of the summary.

    ``output_shape`` and the parameter counts are ``None`` when unknown (an
    error here or earlier, or an unknown input shape).  ``receptive_field``,
    ``jump`` and ``start`` are given for Conv1D and pooling layers whose input
    steps still map one to one to the stack input; ``start`` is the input step
    (negative inside the left padding) where output 0's field begins.
    """

    index: int
    name: str
    class_name: str
    layer: Layer | None
    input_shape: Shape | None
    output_shape: Shape | None
    params: int | None
    trainable_params: int | None
    non_trainable_params: int | None
    receptive_field: int | None = None
    jump: int | None = None
    start: int | None = None
    error: ConvError | None = None
    notes: tuple[str, ...] = ()

    @property
    def has_field(self) -> bool:
        """Conv1D and pooling layers report a receptive field."""
        return isinstance(self.layer, (Conv1D, _Pooling, _GlobalPooling))

    @property
    def line(self) -> int | None:
        return None if self.layer is None else self.layer.line

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``name``, ``class``, ``output_shape`` (a list, null batch), ``params``..."""
        out: dict[str, Any] = {
            "name": self.name,
            "class": self.class_name,
            "output_shape": None if self.output_shape is None else list(self.output_shape),
            "params": self.params,
        }
        if self.has_field:
            out["receptive_field"] = self.receptive_field
            out["jump"] = self.jump
            out["start"] = self.start
        out["trainable_params"] = self.trainable_params
        out["non_trainable_params"] = self.non_trainable_params
        out["line"] = self.line
        if self.layer is not None and self.layer.legacy:
            out["legacy"] = self.layer.legacy
        out["error"] = None if self.error is None else self.error.keras
        out["hint"] = None if self.error is None else self.error.hint
        out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True)
class _Field:
    size: int | None
    jump: int | None
    start: int | None


@dataclass(frozen=True, eq=False)
class StackSummary:
    """What ``model.summary()`` prints, plus receptive fields.

    Attributes
    ----------
    stack : Stack
    input_shape : tuple or None
        With the batch, e.g. ``(None, 50, 300)``.
    rows : tuple of LayerRow
    total_params, trainable_params, non_trainable_params : int or None
        ``None`` when a count is unknown.
    """

    stack: Stack
    input_shape: Shape | None
    rows: tuple[LayerRow, ...]
    total_params: int | None
    trainable_params: int | None
    non_trainable_params: int | None
    _ops: tuple[Any, ...] = field(default=(), repr=False)

    @property
    def errors(self) -> tuple[LayerRow, ...]:
        return tuple(r for r in self.rows if r.error is not None)

    @property
    def ok(self) -> bool:
        return not self.errors and self.input_shape is not None

    @property
    def output_shape(self) -> Shape | None:
        return self.rows[-1].output_shape if self.rows else self.input_shape

    def row(self, name: str) -> LayerRow:
        for r in self.rows:
            if r.name == name:
                return r
        raise KeyError(name)

    def to_json(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.rows]

    def input_steps(self, name: str) -> NDArray[np.bool_] | None:
        """``depends[t, i]``: output step ``t`` of layer ``name`` reads stack input step ``i``.

        Exact sets (holes under dilation, padding excluded), composed from
        :func:`conv_core.receptive.receptive_field`.  ``None`` when the steps
        are unknown, too many (over 1024), or no longer map to the input.

        >>> s = summarize(Stack((Conv1D(filters=1, kernel_size=2, dilation_rate=3),), (8, 1)))
        >>> s.input_steps("conv1d")[0].nonzero()[0].tolist()
        [0, 3]
        """
        index = next((k for k, r in enumerate(self.rows) if r.name == name), None)
        if index is None:
            raise KeyError(name)
        if self.input_shape is None or not self._ops or self.rows[index].output_shape is None:
            return None
        steps = self._ops[0]
        if not isinstance(steps, int) or steps > _EXACT_MAX_STEPS:
            return None
        return _compose_depends(self._ops[1 : index + 2], steps)

    # --- per-layer step maps: the cone of one output through every layer -----------------------

    def step_maps(self) -> tuple[NDArray[np.bool_] | None, ...]:
        """Per row, ``m[t, u]``: output step ``t`` of this row reads output step ``u`` of the row before.

        The first row reads the stack input.  ``None`` once steps no longer map
        (after Flatten, an RNN, an error, unknown or too many steps).  A global
        pooling row has one output that reads every step.  Composing the maps
        from the input gives :meth:`input_steps`.

        >>> s = summarize(Stack((Conv1D(filters=1, kernel_size=2, strides=2),), (5, 1)))
        >>> s.step_maps()[0].astype(int).tolist()
        [[1, 1, 0, 0, 0], [0, 0, 1, 1, 0]]
        """
        from conv_core.receptive import receptive_field

        maps: list[NDArray[np.bool_] | None] = []
        steps = self._ops[0] if self._ops else None
        length = steps if isinstance(steps, int) and steps <= _EXACT_MAX_STEPS else None
        ops = self._ops[1:]
        for k, row in enumerate(self.rows):
            op = ops[k] if k < len(ops) else None
            m: NDArray[np.bool_] | None = None
            if length is not None and op is not None and row.output_shape is not None:
                if op[0] == "window":
                    m = np.asarray(receptive_field([op[1]], length).depends, dtype=bool)
                elif op[0] == "pad":
                    m = np.zeros((op[1] + length + op[2], length), dtype=bool)
                    m[op[1] : op[1] + length] = np.eye(length, dtype=bool)
                elif op[0] == "same":
                    m = np.eye(length, dtype=bool)
                elif op[0] == "global":
                    m = np.ones((1, length), dtype=bool)
            if m is not None:
                m.setflags(write=False)
                length = int(m.shape[0])
            else:
                length = None
            maps.append(m)
        return tuple(maps)

    def cone(self, name: str, step: int | None = None) -> Cone | None:
        """The steps output ``step`` of layer ``name`` depends on, in every earlier row and the input.

        ``step=None`` takes every output of the layer together (what the layer
        reads at all; the rest of the input is never used).  Exact: holes under
        dilation, padding excluded.  ``None`` when the steps do not map back to
        the input (see :meth:`step_maps`).

        >>> s = summarize(Stack((Conv1D(filters=1, kernel_size=2, dilation_rate=2),
        ...                      Conv1D(filters=1, kernel_size=2)), (8, 1)))
        >>> c = s.cone("conv1d_1", 0)
        >>> c.layers["conv1d"].nonzero()[0].tolist(), c.input.nonzero()[0].tolist()
        ([0, 1], [0, 1, 2, 3])
        """
        index = next((k for k, r in enumerate(self.rows) if r.name == name), None)
        if index is None:
            raise KeyError(name)
        maps = self.step_maps()[: index + 1]
        if any(m is None for m in maps):
            return None
        last = maps[-1]
        assert last is not None
        vec = np.zeros(last.shape[0], dtype=bool)
        if step is None:
            vec[:] = True
        elif 0 <= step < vec.size:
            vec[step] = True
        else:
            raise IndexError(f"layer {name!r} has {vec.size} output steps, not step {step}")
        found: dict[str, NDArray[np.bool_]] = {}
        for k in range(index, -1, -1):
            found[self.rows[k].name] = vec
            m = maps[k]
            assert m is not None
            vec = np.asarray(vec.astype(np.int64) @ m.astype(np.int64) > 0, dtype=bool)
        return Cone(name, step, vec, dict(reversed(list(found.items()))))

    def step_places(self) -> tuple[StepPlace | None, ...]:
        """Per row, where its output steps sit in stack-input coordinates (receptive field and jump).

        Output ``t`` of a row spans input steps ``start + t*jump`` to
        ``start + t*jump + size - 1`` (padding included); a global pooling
        row has one output spanning everything it reads.  ``None`` once steps
        no longer map to the input or are unknown.

        >>> s = summarize(Stack((Conv1D(filters=1, kernel_size=3), MaxPooling1D()), (10, 1)))
        >>> [(p.size, p.jump, p.start, p.steps) for p in s.step_places()]
        [(3, 1, 0, 8), (4, 2, 0, 4)]
        """
        places: list[StepPlace | None] = []
        steps = self._ops[0] if self._ops else None
        place: StepPlace | None = StepPlace(1, 1, 0, steps) if isinstance(steps, int) else None
        ops = self._ops[1:]
        for k, row in enumerate(self.rows):
            op = ops[k] if k < len(ops) else None
            if place is None or op is None or row.output_shape is None:
                place = None
            elif op[0] == "window":
                g = op[1]
                left = conv_core.padding_amounts(place.steps, g.size, g.stride, g.padding, g.dilation_rate)[0]
                place = StepPlace(place.size + (g.effective_size - 1) * place.jump, place.jump * g.stride,
                                  place.start - left * place.jump, g.output_length(place.steps))
            elif op[0] == "pad":
                place = StepPlace(place.size, place.jump, place.start - op[1] * place.jump,
                                  place.steps + op[1] + op[2])
            elif op[0] == "global":
                size = place.size + (place.steps - 1) * place.jump
                place = StepPlace(size, size, place.start, 1)
            elif op[0] != "same":
                place = None
            places.append(place)
        return tuple(places)


    def format_table(self) -> str:
        """A ``model.summary()``-like table with receptive field and jump columns."""
        head = ("Layer (type)", "Output Shape", "Param #", "Receptive field", "Jump")
        body = []
        for r in self.rows:
            rf = jump = ""
            if r.has_field:
                rf = "?" if r.receptive_field is None else str(r.receptive_field)
                jump = "-" if r.jump is None else str(r.jump)
                if r.output_shape is None:
                    rf = jump = ""
            params = "?" if r.params is None else f"{r.params:,}"
            body.append((f"{r.name} ({r.class_name})", format_shape(r.output_shape), params, rf, jump))
        widths = [max(len(row[i]) for row in (head, *body)) for i in range(5)]
        lines = [f'Model: "{self.stack.name}"']
        rule = "-" * (sum(widths) + 2 * 4)

        def fmt(row: Sequence[str]) -> str:
            cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
            cells += [row[i].rjust(widths[i]) for i in (2, 3, 4)]
            return "  ".join(cells).rstrip()

        lines += [rule, fmt(head), rule]
        for r, cells in zip(self.rows, body, strict=True):
            lines.append(fmt(cells))
            if r.error is not None:
                lines.append(f"    error: {r.error.keras}")
                if r.error.hint:
                    lines.append(f"    fix:   {r.error.hint}")
            lines.extend(f"    note:  {n}" for n in r.notes)
        lines.append(rule)

        def count(n: int | None) -> str:
            return "?" if n is None else f"{n:,}"

        lines.append(f"Total params: {count(self.total_params)}")
        lines.append(f"Trainable params: {count(self.trainable_params)}")
        lines.append(f"Non-trainable params: {count(self.non_trainable_params)}")
        return "\n".join(lines)



@dataclass(frozen=True)
class StepPlace:
    """Where the output steps of one row sit over the stack input (see :meth:`StackSummary.step_places`)."""

    size: int
    jump: int
    start: int
    steps: int

    def center(self, t: float) -> float:
        """The middle of output ``t``'s field, in input steps."""
        return self.start + t * self.jump + (self.size - 1) / 2

    def end(self, t: float) -> float:
        """The last input step of output ``t``'s field (where a causal output sits)."""
        return self.start + t * self.jump + self.size - 1


@dataclass(frozen=True, eq=False)
class Cone:
    """What one output (or every output) of a layer reads, row by row, back to the stack input.

    Attributes
    ----------
    name : str
        The layer whose output was chosen.
    step : int or None
        The output step; ``None`` for every output together.
    input : ndarray of bool
        Over the stack input steps.
    layers : dict
        Row name -> boolean vector over that row's output steps, in row order,
        ending with ``name`` itself.
    """

    name: str
    step: int | None
    input: NDArray[np.bool_]
    layers: dict[str, NDArray[np.bool_]]


def with_steps(stack: Stack, steps: int) -> Stack:
    """The stack with ``None`` input steps replaced by ``steps`` (a length to compute and draw with).

    >>> with_steps(Stack((), (None, 14)), 240).input_shape
    (240, 14)
    """
    shape = stack.input_shape
    if shape is None or not shape or shape[0] is not None:
        return stack
    return Stack(stack.layers, (steps, *shape[1:]), stack.name, stack.functional, stack.batch_size)


def example_input(stack: Stack, seed: int = 0) -> NDArray[np.float64] | None:
    """Deterministic values for a stack that gives only a shape: ``(1, *input_shape)``.

    A stack that starts with an Embedding gets word vectors ``(1, steps,
    output_dim)`` (:func:`run_stack` takes a 3-D input as already embedded).
    ``None`` when the shape is unknown or has ``None`` steps.

    >>> example_input(Stack((Conv1D(filters=1, kernel_size=2),), (4, 2))).shape
    (1, 4, 2)
    >>> example_input(Stack((Embedding(input_dim=None, output_dim=3),), (5,))).shape
    (1, 5, 3)
    """
    shape = stack.input_shape
    if shape is None or any(not isinstance(v, int) or v <= 0 for v in shape):
        return None
    dims = [int(v) for v in shape if v is not None]
    if stack.layers and isinstance(stack.layers[0], Embedding) and len(dims) == 1:
        out_dim = stack.layers[0].output_dim
        if isinstance(out_dim, bool) or not isinstance(out_dim, int) or out_dim <= 0:
            return None
        dims = [dims[0], out_dim]
    rng = np.random.default_rng(seed)
    values: NDArray[np.float64] = np.round(rng.standard_normal((1, *dims)), 2)
    return values


# --- receptive fields: the adapter around conv_core.receptive -------------------------------------

def _window_geometry(layer: Layer, shape: Shape) -> Any:
    """A conv_core.receptive.StackLayer for Conv1D / pooling; ``None`` for other layers."""
    from conv_core.receptive import StackLayer

    if isinstance(layer, Conv1D):
        return StackLayer.from_spec(layer.spec())
    if isinstance(layer, _Pooling):
        return StackLayer.from_spec(layer.spec())
    return None


def _steps_op(layer: Layer, in_shape: Shape, out_shape: Shape) -> tuple[Any, ...]:
    """How a layer maps steps: ('window', geom) | ('pad', l, r) | ('same',) | ('global',) | ('end',) |
    ('recurrent',)."""
    geom = _window_geometry(layer, in_shape)
    if geom is not None:
        return ("window", geom)
    if isinstance(layer, ZeroPadding1D):
        return ("pad", *layer.amounts())
    if isinstance(layer, _GlobalPooling):
        return ("global",)
    if isinstance(layer, _Recurrent):
        return ("recurrent",) if layer.return_sequences else ("end",)
    if isinstance(layer, Flatten):
        return ("end",)
    if isinstance(layer, (Dropout, SpatialDropout1D, Activation, BatchNormalization)):
        return ("same",)
    if isinstance(layer, Dense) and len(in_shape) >= 3:
        return ("same",)
    if isinstance(layer, Embedding) and len(in_shape) == 2:
        return ("same",)
    return ("end",)


def _run_fields(geoms: Sequence[Any], steps: int | None) -> list[_Field]:
    """(size, jump, start) after each layer of a run of conv/pool layers, relative to the run's input.

    conv_core.receptive computes them when the length is known and small; for
    ``None`` steps (or very long inputs) the same recurrence is applied here,
    and ``start`` is ``None`` once a left padding depends on the unknown length.
    """
    from conv_core.receptive import receptive_field

    if steps is not None and steps <= _EXACT_MAX_STEPS:
        rf = receptive_field(list(geoms), steps)
        return [_Field(f.size, f.jump, f.start) for f in rf.layers]
    out = []
    size, jump, start, length = 1, 1, 0, steps
    known_start = True
    for g in geoms:
        if length is not None:
            left = conv_core.padding_amounts(length, g.size, g.stride, g.padding, g.dilation_rate)[0]
            length = g.output_length(length)
        elif g.padding == "causal" or g.padding == "valid":
            left = g.effective_size - 1 if g.padding == "causal" else 0
        elif g.stride == 1:
            left = (g.effective_size - 1) // 2
        else:
            known_start = False
            left = 0
        size += (g.effective_size - 1) * jump
        start -= left * jump
        jump *= g.stride
        out.append(_Field(size, jump, start if known_start else None))
    return out


def _compose(outer: _Field, inner: _Field) -> _Field:
    """The field of ``inner`` (relative to its own input) in the coordinates of ``outer``'s input."""
    if outer.size is None or outer.jump is None or inner.size is None:
        return _Field(None, None, None)
    size = outer.size + (inner.size - 1) * outer.jump
    jump = None if inner.jump is None else outer.jump * inner.jump
    start = None if outer.start is None or inner.start is None else outer.start + inner.start * outer.jump
    return _Field(size, jump, start)


def _fields(ops: Sequence[tuple[Any, ...]], steps_in: Sequence[int | None]) -> list[_Field | None]:
    """The field after each op; ``None`` once steps no longer map one to one to the stack input."""
    state: _Field | None = _Field(1, 1, 0)
    result: list[_Field | None] = []
    k = 0
    while k < len(ops):
        kind = ops[k][0]
        if state is None:
            result.append(None)
            k += 1
            continue
        if kind == "window":
            end = k
            while end < len(ops) and ops[end][0] == "window":
                end += 1
            result.extend(_compose(state, f) for f in _run_fields([o[1] for o in ops[k:end]], steps_in[k]))
            state = result[-1]
            k = end
            continue
        if kind == "pad":
            start = None
            if state.start is not None and state.jump is not None:
                start = state.start - ops[k][1] * state.jump
            state = _Field(state.size, state.jump, start)
        elif kind == "global":
            length = steps_in[k]
            size = None if length is None or state.size is None or state.jump is None else (
                state.size + (length - 1) * state.jump)
            result.append(_Field(size, None, state.start))
            state = None
            k += 1
            continue
        elif kind in ("recurrent", "end"):
            state = None
        result.append(state)
        k += 1
    return result


def _compose_depends(ops: Sequence[tuple[Any, ...]], steps: int) -> NDArray[np.bool_] | None:
    from conv_core.receptive import receptive_field

    depends: NDArray[np.bool_] = np.eye(steps, dtype=bool)
    for op in ops:
        length = depends.shape[0]
        if op[0] == "window":
            rf = receptive_field([op[1]], length)
            depends = (rf.depends.astype(np.int64) @ depends.astype(np.int64)) > 0
        elif op[0] == "pad":
            if length + op[1] + op[2] > 4 * _EXACT_MAX_STEPS:
                return None
            depends = np.vstack([np.zeros((op[1], steps), bool), depends, np.zeros((op[2], steps), bool)])
        elif op[0] == "global":
            depends = np.asarray(depends.any(axis=0, keepdims=True), dtype=bool)
        elif op[0] != "same":
            return None
    depends.setflags(write=False)
    return depends


# --- summary -------------------------------------------------------------------------------------

def summarize(stack: Stack) -> StackSummary:
    """Infer shapes and parameters layer by layer, as Keras builds the model.

    An error (Keras's message and a fix) is attached to the layer that raises
    it; the layers after it have unknown shapes, as Keras would not build them.

    >>> s = summarize(Stack((Conv1D(filters=100, kernel_size=4, padding="same"),), (50, 300)))
    >>> s.rows[0].output_shape, s.rows[0].params
    ((None, 50, 100), 120100)
    """
    names = auto_names(stack.layers)
    batch: Dim = stack.batch_size
    shape: Shape | None = None if stack.input_shape is None else (batch, *stack.input_shape)
    rows: list[LayerRow] = []
    if stack.functional:
        rows.append(LayerRow(-1, "input_layer", "InputLayer", None, None, shape, 0 if shape else None,
                             0 if shape else None, 0 if shape else None))
    ops: list[tuple[Any, ...]] = []
    steps_in: list[int | None] = []
    layer_rows: list[int] = []
    current = shape
    for index, (layer, name) in enumerate(zip(stack.layers, names, strict=True)):
        if current is None:
            rows.append(LayerRow(index, name, layer.class_name, layer, None, None, None, None, None))
            continue
        try:
            built = layer.infer(current, name)
        except ConvError as exc:
            rows.append(LayerRow(index, name, layer.class_name, layer, current, None, None, None, None,
                                 error=exc))
            current = None
            continue
        params = None if built.trainable is None else built.trainable + built.non_trainable
        rows.append(LayerRow(index, name, layer.class_name, layer, current, built.output_shape, params,
                             built.trainable, built.non_trainable, notes=built.notes))
        op = _steps_op(layer, current, built.output_shape)
        s_ax = 1
        if isinstance(layer, (Conv1D, _Pooling, _GlobalPooling, ZeroPadding1D)):
            s_ax = _steps_channels_axes(normalize_data_format(layer.data_format))[0]
        steps_in.append(current[s_ax] if len(current) > s_ax else None)
        ops.append(op)
        layer_rows.append(len(rows) - 1)
        current = built.output_shape
    # Receptive fields, for the layers that built.
    fields = _fields(ops, steps_in)
    for row_index, f in zip(layer_rows, fields, strict=True):
        row = rows[row_index]
        if row.has_field and f is not None:
            rows[row_index] = _with_field(row, f)

    def total(attr: str) -> int | None:
        values = [getattr(r, attr) for r in rows]
        return None if any(v is None for v in values) or shape is None else sum(values)

    steps0 = steps_in[0] if steps_in else None
    return StackSummary(
        stack, shape, tuple(rows), total("params"), total("trainable_params"),
        total("non_trainable_params"), (steps0, *(([("same",)] if stack.functional else []) + ops)),
    )


def _with_field(row: LayerRow, f: _Field) -> LayerRow:
    return LayerRow(row.index, row.name, row.class_name, row.layer, row.input_shape, row.output_shape,
                    row.params, row.trainable_params, row.non_trainable_params, f.size, f.jump, f.start,
                    row.error, row.notes)


# --- numbers -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StackRun:
    """Outputs of the computed layers, in order, and where the computation stopped.

    ``stopped_at`` is the name of the first layer the explorer does not compute
    (Flatten, Dense, RNNs, BatchNormalization: shapes only), ``None`` when every
    layer ran.
    """

    names: tuple[str, ...]
    outputs: tuple[NDArray[np.floating], ...]
    stopped_at: str | None

    def __getitem__(self, name: str) -> NDArray[np.floating]:
        return self.outputs[self.names.index(name)]


def default_weights(
    stack: Stack, preset: str = "glorot_uniform", seed: int = 0
) -> dict[str, tuple[Any, ...]]:
    """Kernels (``conv_core.initializers.make_kernel``) and zero biases for the computed layers.

    >>> w = default_weights(Stack((Conv1D(filters=2, kernel_size=3),), (8, 4)), "ones")
    >>> w["conv1d"][0].shape, w["conv1d"][1].tolist()
    ((3, 4, 2), [0.0, 0.0])
    """
    from conv_core.initializers import make_kernel

    summary = summarize(stack)
    out: dict[str, tuple[Any, ...]] = {}
    for k, row in enumerate(summary.rows):
        layer, shape = row.layer, row.input_shape
        if layer is None or shape is None or row.output_shape is None:
            continue
        if isinstance(layer, Conv1D):
            spec = layer.spec()
            channels = shape[_steps_channels_axes(spec.data_format)[1]]
            assert channels is not None
            kernel = make_kernel(preset, spec.kernel_shape(channels), seed + k)
            out[row.name] = (kernel, np.zeros(spec.filters) if spec.use_bias else None)
        elif isinstance(layer, Embedding) and isinstance(layer.input_dim, int):
            out[row.name] = (make_kernel(preset, (layer.input_dim, layer.output_dim), seed + k),)
    return out


def run_stack(
    stack: Stack,
    x: ArrayLike,
    weights: Mapping[str, Sequence[ArrayLike | None]] | None = None,
) -> StackRun:
    """Compute the stack on ``x`` with :mod:`conv_core`, layer by layer, up to the first shape-only layer.

    Parameters
    ----------
    stack : Stack
    x : array_like
        ``(batch, steps, channels)`` (channels_first: ``(batch, channels, steps)``), or
        ``(batch, steps)`` token ids when the stack starts with an Embedding.  A 3-D
        ``x`` given to a stack that starts with an Embedding is taken as already
        embedded (the Embedding is skipped).
    weights : mapping
        Layer name -> ``(kernel, bias)`` for Conv1D (Keras layout; ``bias`` may be
        ``None``), ``(matrix,)`` for Embedding.  Defaults to :func:`default_weights`.

    Returns
    -------
    StackRun

    Examples
    --------
    >>> st = Stack((Conv1D(filters=1, kernel_size=2), MaxPooling1D(), Dense(units=1)), (5, 1))
    >>> run = run_stack(st, np.arange(5.0).reshape(1, 5, 1), {"conv1d": (np.ones((2, 1, 1)), None)})
    >>> run["max_pooling1d"][0, :, 0].tolist(), run.stopped_at
    ([3.0, 7.0], 'dense')
    """
    names = auto_names(stack.layers)
    w = dict(default_weights(stack) if weights is None else weights)
    y: NDArray[np.floating] = np.asarray(x)
    done_names: list[str] = []
    outputs: list[NDArray[np.floating]] = []
    for k, (layer, name) in enumerate(zip(stack.layers, names, strict=True)):
        if not layer.computed:
            return StackRun(tuple(done_names), tuple(outputs), name)
        if isinstance(layer, Conv1D):
            if name not in w:
                raise KerasValueError(f"No weights given for layer '{name}'.",
                                      f"Pass weights['{name}'] = (kernel, bias).", code="stack_weights")
            kernel, *rest = w[name]
            bias = rest[0] if rest else None
            spec = layer.spec()
            y = conv_core.conv1d_from_spec(spec, y, np.asarray(kernel),
                                           None if bias is None or not spec.use_bias else np.asarray(bias))
        elif isinstance(layer, _Pooling):
            y = conv_core.pool1d_from_spec(layer.spec(), y, name)
        elif isinstance(layer, GlobalMaxPooling1D):
            y = conv_core.global_max_pool1d(y, normalize_data_format(layer.data_format), bool(layer.keepdims))
        elif isinstance(layer, GlobalAveragePooling1D):
            y = conv_core.global_average_pool1d(y, normalize_data_format(layer.data_format),
                                                bool(layer.keepdims))
        elif isinstance(layer, ZeroPadding1D):
            left, right = layer.amounts()
            axis = _steps_channels_axes(normalize_data_format(layer.data_format))[0]
            widths = [(0, 0)] * y.ndim
            widths[axis] = (left, right)
            y = np.pad(y, widths)
        elif isinstance(layer, Activation):
            y = conv_core.apply_activation(np.asarray(y, dtype=float), layer.activation)
        elif isinstance(layer, Embedding) and y.ndim == 2 and k == 0:
            (matrix,) = w[name]
            y = np.asarray(matrix)[np.asarray(y, dtype=np.intp)]
        # Dropout and SpatialDropout1D: the identity at inference.
        done_names.append(name)
        outputs.append(y)
    return StackRun(tuple(done_names), tuple(outputs), None)
