"""Keras 3 layers for 1-D models: their arguments, output shapes, parameter counts and errors.

Each layer is a frozen dataclass with Keras's argument names; :meth:`Layer.infer`
builds it on an input shape as Keras does (``None`` for the batch and unknown
steps) and returns the output shape and the parameter counts, or raises
Keras's error.  Conv1D and pooling defer to :mod:`conv_core.spec` for their
rules, parameter count and error wording.

Notes
-----
Parameter counts (Keras 3), ``C`` the size of the last input axis:

* ``Conv1D``: ``k*(C/g)*F + F`` (:meth:`conv_core.spec.Conv1DSpec.param_count`);
  ``Dense``: ``C*units + units``;
* ``Embedding``: ``input_dim*output_dim``;
* ``SimpleRNN``: ``u*(C + u) + u``; ``LSTM``: ``4*(u*(C + u) + u)``;
* ``GRU``: ``3*(u*(C + u) + 2*u)`` (``reset_after=True``, the Keras 3 default),
  ``3*(u*(C + u) + u)`` with ``reset_after=False``;
* ``BatchNormalization``: ``2*C`` trainable (gamma, beta) + ``2*C`` not (moving
  mean and variance).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..activations import ACTIVATIONS, KERAS_ACTIVATIONS, normalize_activation
from ..errors import KerasTypeError, KerasValueError
from ..spec import (
    CONV1D_ARGUMENTS,
    CONV1D_KERAS_DEFAULTS,
    POOL1D_ARGUMENTS,
    POOL1D_KERAS_DEFAULTS,
    Conv1DSpec,
    Pool1DSpec,
    check_channels_groups,
    check_valid_length,
    kernel_rank_error,
    normalize_data_format,
    pool_size_required_error,
)
from .errors import check_rate, input_ndim_error, positive_units, undefined_dim_error
from .notes import note
from .shape import Dim, Shape, format_shape, steps_channels_axes

__all__ = [
    "GRU",
    "LAYER_CLASSES",
    "LSTM",
    "Activation",
    "AveragePooling1D",
    "BatchNormalization",
    "Built",
    "Conv1D",
    "Dense",
    "Dropout",
    "Embedding",
    "Flatten",
    "GlobalAveragePooling1D",
    "GlobalMaxPooling1D",
    "GlobalPoolingLayer",
    "InputLayer",
    "Layer",
    "MaxPooling1D",
    "PoolingLayer",
    "RecurrentLayer",
    "SimpleRNN",
    "SpatialDropout1D",
    "UnsupportedLayer",
    "ZeroPadding1D",
    "check_activation",
]


def check_activation(activation: object) -> str:
    """The Keras name of ``activation``: any name Keras 3 knows (``None`` is ``'linear'``)."""
    if activation is None:
        return "linear"
    if isinstance(activation, str) and activation in KERAS_ACTIVATIONS:
        return activation
    if isinstance(activation, str) and activation.lower() in KERAS_ACTIVATIONS:
        return activation.lower()
    return normalize_activation(activation)  # raises Keras's message


@dataclass(frozen=True)
class Built:
    """What :meth:`Layer.infer` finds: the output shape, parameter counts and notes."""

    output_shape: Shape
    trainable: int | None
    non_trainable: int = 0
    notes: tuple[str, ...] = ()
    more_outputs: tuple[Shape, ...] = ()  # the outputs after the first (RNN states, merge_mode=None)

    @property
    def output_shapes(self) -> tuple[Shape, ...]:
        """Every output: ``output_shape`` first."""
        return (self.output_shape, *self.more_outputs)


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
    trainable : bool
        ``trainable=False`` (a frozen pretrained Embedding): its weights count as non-trainable.
    """

    name: str | None = None
    line: int | None = None
    legacy: str | None = None
    trainable: Any = True

    keras_class: ClassVar[str] = ""
    computed: ClassVar[bool] = False  # run_stack computes it
    #: How the layer maps steps when :mod:`conv_core.stack.fields` has no rule of its own:
    #: 'same' (step t reads step t), 'merge', 'crop', 'end' (steps no longer map); None: the rules there.
    step_kind: ClassVar[str | None] = None
    reports_field: ClassVar[bool] = False  # a receptive-field column in the summary
    listed: ClassVar[bool] = True  # a row of model.summary() (``x + y`` operations are not)

    @property
    def class_name(self) -> str:
        return self.keras_class

    def infer(self, shape: Shape, name: str) -> Built:  # pragma: no cover - abstract
        raise NotImplementedError

    def infer_many(self, shapes: Sequence[Shape], name: str) -> Built:
        """Build on the tensors a graph passes (one for most layers; merges and attention take several)."""
        if len(shapes) != 1:
            raise KerasValueError(
                f'Layer "{name}" expects 1 input(s), but it received {len(shapes)} input tensors.',
                f"{self.class_name} takes one tensor; merge branches with Concatenate or Add first.",
                code="stack_input_count", values={"layer": name, "count": len(shapes)})
        return self.infer(shapes[0], name)

    def infer_without_input(self) -> Built | None:
        """The output when the input shape is unknown (after a Lambda): only for layers that do not need it."""
        return None

    def inner_layers(self) -> tuple[Layer, ...]:
        """Layers this one wraps (``Bidirectional(LSTM(...))``): Keras creates and names them first."""
        return ()

    def keras_args(self) -> dict[str, Any]:
        """Arguments that differ from Keras's defaults, in signature order."""
        return {}

    def keras_call(self) -> str:
        """The layer as Keras 3 code, arguments at their defaults left out.

        >>> Conv1D(filters=32, kernel_size=7, activation="relu").keras_call()
        "Conv1D(filters=32, kernel_size=7, activation='relu')"
        """
        args = self.keras_args()
        parts = [f"{k}={v!r}" for k, v in args.items()]
        if self.trainable is False:
            parts.append("trainable=False")
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
    reports_field: ClassVar[bool] = True
    computed: ClassVar[bool] = True

    def spec(self) -> Conv1DSpec:
        """The validated :class:`conv_core.Conv1DSpec` (raises Keras's constructor errors)."""
        act = check_activation(self.activation)
        return Conv1DSpec(
            filters=self.filters, kernel_size=self.kernel_size, strides=self.strides,
            padding=self.padding, dilation_rate=self.dilation_rate, groups=self.groups,
            use_bias=self.use_bias, activation=act if act in ACTIVATIONS else "linear",
            data_format=normalize_data_format(self.data_format),
        )

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, CONV1D_ARGUMENTS, CONV1D_KERAS_DEFAULTS)

    def infer(self, shape: Shape, name: str) -> Built:
        spec = self.spec()
        notes: tuple[str, ...] = ()
        act = check_activation(self.activation)
        if act not in ACTIVATIONS:
            notes = (note("activation_not_computed", act=act),)
        if len(shape) < 3:
            raise input_ndim_error(name, shape, "min_ndim=3")
        s_ax, c_ax = steps_channels_axes(spec.data_format)
        channels = shape[c_ax] if len(shape) == 3 else shape[-1]
        if len(shape) > 3:
            cg = None if channels is None else spec.channels_per_group(channels)
            raise kernel_rank_error(
                spec, shape, cg,
                "Conv1D takes (batch, steps, channels). An Embedding on an input that already has "
                "channels adds a 4th axis: give the Embedding a 2-D input (batch, steps) of token ids.",
                code="stack_conv_ndim_high",
            )
        steps = shape[s_ax]
        if channels is None:
            raise undefined_dim_error(name, "kernel", (spec.kernel_size, None, spec.filters))
        check_channels_groups(spec.groups, channels, shape)
        if steps is not None:
            check_valid_length(spec, shape, steps, channels, layer=name)
        out_steps = None if steps is None else spec.output_length(steps)
        out: list[Dim] = list(shape)
        out[s_ax], out[c_ax] = out_steps, spec.filters
        return Built(tuple(out), spec.param_count(channels), 0, notes)


@dataclass(frozen=True, kw_only=True)
class PoolingLayer(Layer):
    pool_size: Any = 2
    strides: Any = None
    padding: Any = "valid"
    data_format: Any = None

    kind: ClassVar[str] = "max"
    reports_field: ClassVar[bool] = True
    computed: ClassVar[bool] = True

    def spec(self) -> Pool1DSpec:
        if self.pool_size is None:
            raise pool_size_required_error(self.keras_class)
        return Pool1DSpec(self.pool_size, self.strides, self.padding,
                          normalize_data_format(self.data_format), self.kind)

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, POOL1D_ARGUMENTS, POOL1D_KERAS_DEFAULTS)

    def infer(self, shape: Shape, name: str) -> Built:
        spec = self.spec()
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        s_ax, _ = steps_channels_axes(spec.data_format)
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
        return Built(tuple(out), 0)


@dataclass(frozen=True, kw_only=True)
class MaxPooling1D(PoolingLayer):
    """``keras.layers.MaxPooling1D`` (alias ``MaxPool1D``)."""

    keras_class: ClassVar[str] = "MaxPooling1D"
    kind: ClassVar[str] = "max"


@dataclass(frozen=True, kw_only=True)
class AveragePooling1D(PoolingLayer):
    """``keras.layers.AveragePooling1D`` (alias ``AvgPool1D``); ``pool_size`` is required."""

    pool_size: Any = None
    keras_class: ClassVar[str] = "AveragePooling1D"
    kind: ClassVar[str] = "average"


@dataclass(frozen=True, kw_only=True)
class GlobalPoolingLayer(Layer):
    data_format: Any = None
    keepdims: Any = False
    reports_field: ClassVar[bool] = True
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("data_format", "keepdims"), {"data_format": None, "keepdims": False})

    def infer(self, shape: Shape, name: str) -> Built:
        fmt = normalize_data_format(self.data_format)
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        s_ax, c_ax = steps_channels_axes(fmt)
        if self.keepdims:
            out = list(shape)
            out[s_ax] = 1
            return Built(tuple(out), 0)
        return Built((shape[0], shape[c_ax]), 0)


@dataclass(frozen=True, kw_only=True)
class GlobalMaxPooling1D(GlobalPoolingLayer):
    """``keras.layers.GlobalMaxPooling1D``: the max over all steps."""

    keras_class: ClassVar[str] = "GlobalMaxPooling1D"


@dataclass(frozen=True, kw_only=True)
class GlobalAveragePooling1D(GlobalPoolingLayer):
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

    def infer(self, shape: Shape, name: str) -> Built:
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
            notes = (note("embedding_on_3d"),)
        params = None if self.input_dim is None else self.input_dim * self.output_dim
        return Built((*shape, self.output_dim), params, 0, notes)


@dataclass(frozen=True, kw_only=True)
class Dropout(Layer):
    """``keras.layers.Dropout``: no change at inference (what the explorer shows)."""

    rate: Any
    keras_class: ClassVar[str] = "Dropout"
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return {"rate": self.rate}

    def infer(self, shape: Shape, name: str) -> Built:
        check_rate(self.rate)
        return Built(shape, 0)


@dataclass(frozen=True, kw_only=True)
class SpatialDropout1D(Layer):
    """``keras.layers.SpatialDropout1D``: drops whole channels in training; 3-D input."""

    rate: Any
    keras_class: ClassVar[str] = "SpatialDropout1D"
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return {"rate": self.rate}

    def infer(self, shape: Shape, name: str) -> Built:
        check_rate(self.rate)
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        return Built(shape, 0)


@dataclass(frozen=True, kw_only=True)
class Activation(Layer):
    """``keras.layers.Activation``."""

    activation: Any
    keras_class: ClassVar[str] = "Activation"
    computed: ClassVar[bool] = True

    def keras_args(self) -> dict[str, Any]:
        return {"activation": self.activation}

    def infer(self, shape: Shape, name: str) -> Built:
        check_activation(self.activation)
        return Built(shape, 0)


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

    def infer(self, shape: Shape, name: str) -> Built:
        left, right = self.amounts()
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        s_ax, _ = steps_channels_axes(normalize_data_format(self.data_format))
        out = list(shape)
        steps = shape[s_ax]
        out[s_ax] = None if steps is None else steps + left + right
        return Built(tuple(out), 0)


@dataclass(frozen=True, kw_only=True)
class Flatten(Layer):
    """``keras.layers.Flatten``: ``(batch, steps, channels)`` to ``(batch, steps*channels)``."""

    data_format: Any = None
    keras_class: ClassVar[str] = "Flatten"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("data_format",), {"data_format": None})

    def infer(self, shape: Shape, name: str) -> Built:
        if len(shape) < 1:
            raise input_ndim_error(name, shape, "min_ndim=1")
        rest = shape[1:]
        if not rest:
            return Built((shape[0], 1), 0)
        if any(v is None for v in rest):
            return Built((shape[0], None), 0, 0, (note("flatten_none_steps"),))
        return Built((shape[0], math.prod(v for v in rest if v is not None)), 0)


@dataclass(frozen=True, kw_only=True)
class Dense(Layer):
    """``keras.layers.Dense``; on a 3-D input it acts on the last axis, step by step."""

    units: Any
    activation: Any = None
    use_bias: Any = True
    keras_class: ClassVar[str] = "Dense"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("units", "activation", "use_bias"), {"activation": None, "use_bias": True})

    def infer(self, shape: Shape, name: str) -> Built:
        units = positive_units("Dense", self.units, rnn=False)
        check_activation(self.activation)
        if len(shape) < 2:
            raise input_ndim_error(name, shape, "min_ndim=2")
        last = shape[-1]
        if last is None:
            raise undefined_dim_error(name, "kernel", (None, units))
        notes: tuple[str, ...] = ()
        if len(shape) > 2:
            notes = (note("dense_on_steps", ndim=len(shape), shape=format_shape((*shape[:-1], units))),)
        params = last * units + (units if self.use_bias else 0)
        return Built((*shape[:-1], units), params, 0, notes)


@dataclass(frozen=True, kw_only=True)
class RecurrentLayer(Layer):
    units: Any
    activation: Any = "tanh"
    use_bias: Any = True
    return_sequences: Any = False
    return_state: Any = False
    gates: ClassVar[int] = 1
    states: ClassVar[int] = 1  # the state tensors return_state=True adds (h; an LSTM also c)

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("units", "activation", "use_bias", "return_sequences", "return_state"),
                            {"activation": "tanh", "use_bias": True, "return_sequences": False,
                             "return_state": False})

    def _bias_per_gate(self, units: int) -> int:
        return units

    def infer(self, shape: Shape, name: str) -> Built:
        units = positive_units(self.keras_class, self.units, rnn=True)
        check_activation(self.activation)
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        channels = shape[2]
        if channels is None:
            raise undefined_dim_error(f"{name}/{name}_cell", "kernel", (None, self.gates * units))
        weights = self.gates * units * (channels + units)
        bias = self.gates * self._bias_per_gate(units) if self.use_bias else 0
        out: Shape = (shape[0], shape[1], units) if self.return_sequences else (shape[0], units)
        # return_state=True: the output, then the final state(s) (h; and c for an LSTM), as Keras returns them
        states = ((shape[0], units),) * self.states if self.return_state else ()
        return Built(out, weights + bias, 0, (), states)


@dataclass(frozen=True, kw_only=True)
class SimpleRNN(RecurrentLayer):
    """``keras.layers.SimpleRNN``: ``u*(C + u) + u`` parameters."""

    keras_class: ClassVar[str] = "SimpleRNN"
    gates: ClassVar[int] = 1


@dataclass(frozen=True, kw_only=True)
class LSTM(RecurrentLayer):
    """``keras.layers.LSTM``: ``4*(u*(C + u) + u)`` parameters."""

    keras_class: ClassVar[str] = "LSTM"
    gates: ClassVar[int] = 4
    states: ClassVar[int] = 2


@dataclass(frozen=True, kw_only=True)
class GRU(RecurrentLayer):
    """``keras.layers.GRU``: ``3*(u*(C + u) + 2*u)`` with Keras 3's ``reset_after=True``.

    >>> GRU(units=4).infer((None, 10, 8), "gru").trainable  # 3*(4*(8 + 4) + 2*4)
    168
    >>> GRU(units=4, reset_after=False).infer((None, 10, 8), "gru").trainable
    156
    """

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

    def infer(self, shape: Shape, name: str) -> Built:
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
            raise undefined_dim_error(name, "gamma", (None,))
        trainable = size * (int(bool(self.center)) + int(bool(self.scale)))
        return Built(shape, trainable, 2 * size)


@dataclass(frozen=True, kw_only=True)
class InputLayer(Layer):
    """A model input (``keras.Input(shape=...)``): a graph's first layers; no parameters.

    ``shape`` has no batch axis (``(100, 6)``, ``(None, 14)``, ``(500,)``); ``None``
    when the code does not give it (every shape after it is then unknown).
    """

    shape: Any = None
    batch_size: Any = None
    keras_class: ClassVar[str] = "InputLayer"
    step_kind: ClassVar[str | None] = "input"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("shape", "batch_size"), {"batch_size": None})

    def keras_call(self) -> str:
        name = "" if self.name is None else f", name={self.name!r}"
        return f"Input(shape={self.shape!r}{name})"

    def infer(self, shape: Shape, name: str) -> Built:
        return Built(shape, 0)

    def infer_many(self, shapes: Sequence[Shape], name: str) -> Built:
        if self.shape is None:
            raise KerasValueError(
                f"The input shape of '{name}' is not given.",
                "Give it in the code (keras.Input(shape=(steps, channels))) or with --input-shape.",
                code="stack_input_unknown", values={"layer": name})
        batch = self.batch_size if isinstance(self.batch_size, int) else None
        return Built((batch, *self.shape), 0)


@dataclass(frozen=True, kw_only=True)
class UnsupportedLayer(Layer):
    """A layer the explorer cannot model (or could not read); the shapes after it are unknown.

    ``message`` and ``hint`` replace the default explanation, e.g. for a
    required argument that is missing or not a literal; ``hint_code`` and
    ``hint_values`` name that hint for translation (they join the error's ``values``).
    """

    keras_name: str = "Layer"
    message: str = ""
    hint: str = ""
    error_type: str = "ValueError"
    hint_code: str = ""
    hint_values: tuple[tuple[str, Any], ...] = ()

    @property
    def class_name(self) -> str:
        return self.keras_name

    def keras_call(self) -> str:
        return f"{self.keras_name}(...)"

    def infer(self, shape: Shape, name: str) -> Built:
        error = KerasTypeError if self.error_type == "TypeError" else KerasValueError
        raise error(
            self.message or f"{self.keras_name} is not supported by Conv1D Explorer.",
            self.hint
            or "Its output shape and parameters are unknown, and so are those of the layers after it.",
            code="stack_unsupported_layer",
            values={
                **dict(self.hint_values),
                "layer": self.keras_name,
                "hint_code": self.hint_code or ("untranslated" if self.hint else ""),
            },
        )


LAYER_CLASSES: dict[str, type[Layer]] = {
    cls.keras_class: cls
    for cls in (Conv1D, MaxPooling1D, AveragePooling1D, GlobalMaxPooling1D, GlobalAveragePooling1D,
                Embedding, Dropout, SpatialDropout1D, Activation, ZeroPadding1D, Flatten, Dense,
                SimpleRNN, LSTM, GRU, BatchNormalization)
}
"""Keras class name -> layer dataclass (aliases such as MaxPool1D are resolved by the parser)."""
