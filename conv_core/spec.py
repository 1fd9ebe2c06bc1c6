"""Frozen, validated layer settings with Keras argument names.

A spec is checked on creation with the checks Keras runs in the layer's
constructor; the checks that need the input (rank, channels vs groups, an
input shorter than the kernel) live in :func:`check_conv_input`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from .activations import normalize_activation
from .errors import KerasTypeError, KerasValueError, input_spec_text
from .padding import POOL_PADDINGS, effective_kernel_size, normalize_padding, output_length, padding_amounts

__all__ = [
    "CONV1D_ARGUMENTS",
    "CONV1D_DEFAULTS",
    "CONV1D_KERAS_DEFAULTS",
    "DATA_FORMATS",
    "POOL1D_ARGUMENTS",
    "POOL1D_KERAS_DEFAULTS",
    "Conv1DSpec",
    "DataFormat",
    "Pool1DSpec",
    "check_channels_groups",
    "check_conv_input",
    "check_valid_length",
    "keras_call_text",
    "kernel_rank_error",
    "normalize_data_format",
    "pool_size_required_error",
    "standardize_int",
]

DataFormat = Literal["channels_last", "channels_first"]
"""The ``data_format`` values (``None`` in a Keras call means 'channels_last')."""
DATA_FORMATS: tuple[DataFormat, ...] = get_args(DataFormat)

CONV1D_ARGUMENTS: tuple[str, ...] = (
    "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation",
    "use_bias",
)
"""The ``keras.layers.Conv1D`` arguments the explorer models, in Keras 3's signature order."""

CONV1D_KERAS_DEFAULTS: dict[str, Any] = {
    "strides": 1, "padding": "valid", "data_format": None, "dilation_rate": 1, "groups": 1, "activation": None,
    "use_bias": True,
}
"""Keras 3's defaults for the optional Conv1D arguments, as its signature writes them (``None`` included)."""

POOL1D_ARGUMENTS: tuple[str, ...] = ("pool_size", "strides", "padding", "data_format")
"""The ``MaxPooling1D`` / ``AveragePooling1D`` arguments, in Keras 3's signature order."""

POOL1D_KERAS_DEFAULTS: dict[str, Any] = {"strides": None, "padding": "valid", "data_format": None}
"""Keras 3's defaults for the optional pooling arguments (``pool_size``: 2 for MaxPooling1D, required
for AveragePooling1D)."""


def standardize_int(value: object, name: str) -> int:
    """Accept an int or a 1-tuple/list of one int, as Keras's ``standardize_tuple``.

    >>> standardize_int((3,), "kernel_size")
    3
    """
    item = value
    if isinstance(value, (tuple, list)):
        if len(value) != 1:
            raise KerasValueError(
                f"The `{name}` argument must be a tuple of 1 integers. Received {name}={value}",
                f"A 1-D layer takes a single number for {name}, e.g. {name}=3.",
                code="not_one_int",
                values={"name": name, "value": value},
            )
        item = value[0]
    if isinstance(item, bool) or not isinstance(item, int):
        try:
            ok = isinstance(item, float) and float(item).is_integer()
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise KerasValueError(
                f"The `{name}` argument must be a tuple of 1 integers. Received {name}={value} "
                f"including element {item} of type {type(item).__name__}",
                f"{name} must be a whole number such as 1, 2 or 3.",
                code="not_integer",
                values={"name": name, "value": value},
            )
        assert isinstance(item, float)
        item = int(item)
    assert isinstance(item, int)
    if item <= 0:
        raise KerasValueError(
            f"The `{name}` argument must be a tuple of 1 integers. Received {name}={value}, "
            f"including values {{{item}}} that do not satisfy `value > 0`",
            f"{name} must be at least 1.",
            code="not_positive",
            values={"name": name, "value": item},
        )
    return item


def normalize_data_format(data_format: object) -> str:
    """``None`` means Keras's default, ``'channels_last'``."""
    if data_format is None:
        return "channels_last"
    if isinstance(data_format, str) and data_format.lower() in DATA_FORMATS:
        return data_format.lower()
    raise KerasValueError(
        "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
        f"Received: data_format={data_format}",
        "Use 'channels_last' for (batch, steps, channels) or 'channels_first' for "
        "(batch, channels, steps).",
        code="data_format_unknown",
        values={"data_format": data_format},
    )


# The optional Conv1D arguments normalised (what a spec holds), in the order keras_call_text writes them.
CONV1D_DEFAULTS: dict[str, Any] = {
    "strides": 1,
    "padding": "valid",
    "dilation_rate": 1,
    "groups": 1,
    "activation": "linear",
    "use_bias": True,
    "data_format": "channels_last",
}


def keras_call_text(layer: dict[str, Any], *, show_defaults: bool = False) -> str:
    """``Conv1D(filters=3, kernel_size=4, padding='same')`` from argument values.

    Works on values that are not (yet) valid, so an editor can show what the user typed.

    >>> keras_call_text({"filters": 0, "kernel_size": 3, "strides": 2})
    'Conv1D(filters=0, kernel_size=3, strides=2)'
    """
    parts = [f"filters={layer.get('filters')!r}", f"kernel_size={layer.get('kernel_size')!r}"]
    for name, default in CONV1D_DEFAULTS.items():
        value = layer.get(name, default)
        if show_defaults or value != default:
            parts.append(f"{name}={value!r}")
    return "Conv1D(" + ", ".join(parts) + ")"


def _strides_dilation_check(strides: int, dilation_rate: int) -> None:
    if strides > 1 and dilation_rate > 1:
        raise KerasValueError(
            "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
            f"Received: strides=({strides},) and dilation_rate=({dilation_rate},)",
            "Keras cannot skip steps and spread the kernel at the same time: set strides=1 "
            "or dilation_rate=1.",
            code="strides_and_dilation",
            values={"strides": strides, "dilation_rate": dilation_rate},
        )


@dataclass(frozen=True)
class Conv1DSpec:
    """The arguments of ``keras.layers.Conv1D``, normalised and validated.

    >>> Conv1DSpec(filters=100, kernel_size=4, padding="SAME").padding
    'same'
    """

    filters: int
    kernel_size: int
    strides: int = 1
    padding: str = "valid"
    dilation_rate: int = 1
    groups: int = 1
    use_bias: bool = True
    activation: str = "linear"
    data_format: str = "channels_last"

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "kernel_size", standardize_int(self.kernel_size, "kernel_size"))
        put(self, "strides", standardize_int(self.strides, "strides"))
        put(self, "dilation_rate", standardize_int(self.dilation_rate, "dilation_rate"))
        put(self, "padding", normalize_padding(self.padding))
        put(self, "data_format", normalize_data_format(self.data_format))
        put(self, "activation", normalize_activation(self.activation))
        put(self, "use_bias", bool(self.use_bias))
        filters, groups = self.filters, self.groups
        if isinstance(filters, bool) or not isinstance(filters, int) or filters <= 0:
            raise KerasValueError(
                "Invalid value for argument `filters`. Expected a strictly positive value. "
                f"Received filters={filters}.",
                "filters is how many different kernels slide over the input (the number of "
                "output columns): use 1 or more.",
                code="filters_not_positive",
                values={"filters": filters},
            )
        if isinstance(groups, bool) or not isinstance(groups, int) or groups <= 0:
            raise KerasValueError(
                f"The number of groups must be a positive integer. Received: groups={groups}.",
                "groups=1 is an ordinary convolution; use a whole number of 1 or more.",
                code="groups_not_positive",
                values={"groups": groups},
            )
        if filters % groups:
            raise KerasValueError(
                "The number of filters must be evenly divisible by the number of groups. "
                f"Received: groups={groups}, filters={filters}.",
                f"Each group gets filters/groups kernels: choose filters as a multiple of {groups} "
                "or change groups.",
                code="filters_groups",
                values={"groups": groups, "filters": filters},
            )
        _strides_dilation_check(self.strides, self.dilation_rate)

    # Derived numbers, never stored twice.
    @property
    def effective_kernel_size(self) -> int:
        """``d*(k - 1) + 1``."""
        return effective_kernel_size(self.kernel_size, self.dilation_rate)

    @property
    def filters_per_group(self) -> int:
        return self.filters // self.groups

    def output_length(self, steps: int) -> int:
        return output_length(steps, self.kernel_size, self.strides, self.padding, self.dilation_rate)

    def padding_amounts(self, steps: int) -> tuple[int, int]:
        return padding_amounts(steps, self.kernel_size, self.strides, self.padding, self.dilation_rate)

    def keras_call(self, *, show_defaults: bool = False) -> str:
        """The layer as a Keras one-liner, leaving out arguments at their defaults.

        >>> Conv1DSpec(3, 4, padding="same").keras_call()
        "Conv1D(filters=3, kernel_size=4, padding='same')"
        """
        return keras_call_text({name: getattr(self, name) for name in ("filters", "kernel_size", *CONV1D_DEFAULTS)},
                               show_defaults=show_defaults)

    def kernel_shape(self, channels: int) -> tuple[int, int, int]:
        """Keras kernel layout ``(kernel_size, channels // groups, filters)``."""
        return (self.kernel_size, self.channels_per_group(channels), self.filters)

    def channels_per_group(self, channels: int) -> int:
        """``C/g``: the input channels each filter reads.

        >>> Conv1DSpec(4, 3, groups=2).channels_per_group(6)
        3
        """
        return channels // self.groups

    def kernel_param_count(self, channels: int) -> int:
        """``k*(C/g)*F``, the kernel's weights."""
        return self.kernel_size * self.channels_per_group(channels) * self.filters

    @property
    def bias_param_count(self) -> int:
        """``F`` with a bias, else 0."""
        return self.filters if self.use_bias else 0

    def param_count(self, channels: int) -> int:
        """Keras's parameter count on ``channels`` input channels.

        Notes
        -----
        ``k*(C/g)*F + F`` (the ``+ F`` only with ``use_bias``).

        Examples
        --------
        >>> Conv1DSpec(100, 4).param_count(300)
        120100
        >>> Conv1DSpec(4, 3, groups=2, use_bias=False).param_count(6)
        36
        """
        return self.kernel_param_count(channels) + self.bias_param_count


def check_conv_input(spec: Conv1DSpec, input_shape: tuple[int, ...], layer_name: str = "conv1d") -> None:
    """Raise Keras's error when ``input_shape`` cannot feed the layer.

    Checks, in Keras's order: rank (3-D), channels divisible by groups, and for
    'valid' an input at least as long as the dilated kernel.
    """
    shape = tuple(int(v) for v in input_shape)
    ndim = len(shape)
    if ndim < 3:
        # The fix follows the layer's data_format: the missing axis is channels.
        first = spec.data_format == "channels_first"
        axes = "(batch, channels, steps)" if first else "(batch, steps, channels)"
        if ndim == 2:
            n, length = shape
            fix = f"x.reshape({n}, 1, {length})" if first else f"x.reshape({n}, {length}, 1)"
            silent = (
                ""
                if first
                else f" A Keras 3 model built with Input(({length}, 1)) adds the axis silently; "
                "a direct layer call does not."
            )
            hint = (
                f"Conv1D needs 3 axes: {axes}. Your array has no channel axis; "
                f"if it holds {n} sample(s) of {length} steps with one value each, use "
                f"{fix}. (Keras 2 said: expected {layer_name}_input to have 3 dimensions, but got "
                f"array with shape {shape}.{silent})"
            )
        else:
            steps = shape[0] if shape else 1
            fix = f"x.reshape(1, 1, {steps})" if first else f"x.reshape(1, {steps}, 1)"
            hint = (
                f"Conv1D needs 3 axes: {axes}. A single sequence of "
                f"{steps} values is one sample with one channel: use {fix}."
            )
        raise KerasValueError(
            input_spec_text(layer_name, "min_ndim=3", shape),
            hint,
            code="input_ndim_low",
            values={"shape": shape, "fix": fix},
        )
    channels_axis = -1 if spec.data_format == "channels_last" else 1
    if ndim > 3:
        raise kernel_rank_error(
            spec, shape, shape[channels_axis] // spec.groups,
            "Conv1D takes (batch, steps, channels); a 4-D array needs Conv2D, or drop the extra "
            "axis with reshape.",
            code="input_ndim_high",
        )
    channels = shape[channels_axis]
    steps = shape[1] if spec.data_format == "channels_last" else shape[2]
    check_channels_groups(spec.groups, channels, shape)
    check_valid_length(spec, shape, steps, channels)


def kernel_rank_error(
    spec: Conv1DSpec, shape: tuple[int | None, ...], channels_per_group: int | None, hint: str, *, code: str
) -> KerasValueError:
    """Keras's error for an input with more than 3 axes (the kernel is 3-D).

    ``hint`` says what to do in the caller's context (a direct call, or a layer of a model).
    """
    return KerasValueError(
        "Kernel shape must have the same length as input, but received kernel of shape "
        f"({spec.kernel_size}, {channels_per_group}, {spec.filters}) and input of shape {tuple(shape)}.",
        hint,
        code=code,
        values={"shape": tuple(shape)},
    )


def check_channels_groups(groups: int, channels: int, shape: tuple[int | None, ...]) -> None:
    """Raise Keras's error when ``channels`` is not a multiple of ``groups``.

    >>> check_channels_groups(2, 3, (None, 10, 3))
    Traceback (most recent call last):
    ...
    conv_core.errors.KerasValueError: The number of input channels must be evenly divisible by the number \
of groups. Received groups=2, but the input has 3 channels (full input shape is (None, 10, 3)).
    Each group sees channels/groups input channels: use a groups value that divides 3, or change the channels.
    """
    if channels % groups:
        raise KerasValueError(
            "The number of input channels must be evenly divisible by the number of groups. "
            f"Received groups={groups}, but the input has {channels} channels "
            f"(full input shape is {tuple(shape)}).",
            f"Each group sees channels/groups input channels: use a groups value that divides "
            f"{channels}, or change the channels.",
            code="channels_groups",
            values={"groups": groups, "channels": channels},
        )


def check_valid_length(
    spec: Conv1DSpec, shape: tuple[int | None, ...], steps: int, channels: int, layer: str | None = None
) -> None:
    """Raise Keras's error when a 'valid' input is shorter than the dilated kernel.

    ``layer`` names a layer inside a model: the hint then points at the layers before it.

    >>> check_valid_length(Conv1DSpec(1, 3, dilation_rate=2), (1, 4, 1), 4, 1)
    Traceback (most recent call last):
    ...
    conv_core.errors.KerasValueError: Computed output size would be zero or negative. Received \
`inputs shape=(1, 4, 1)`, `kernel shape=(3, 1, 1)`, `dilation_rate=[2]`, `strides=(1,)`, `padding=valid`.
    With padding='valid' the input needs at least 5 steps (the dilated kernel spans 5), but it has 4: \
lengthen the input, shrink kernel_size or dilation_rate, or use padding='same'.
    """
    if spec.padding != "valid" or spec.output_length(steps) > 0:
        return
    keff = spec.effective_kernel_size
    values: dict[str, Any] = {"steps": steps, "keff": keff}
    if layer is None:
        hint = (
            f"With padding='valid' the input needs at least {keff} steps (the dilated kernel spans "
            f"{keff}), but it has {steps}: lengthen the input, shrink kernel_size or dilation_rate, "
            "or use padding='same'."
        )
    else:
        hint = (
            f"With padding='valid' this layer needs at least {keff} input steps (its dilated kernel "
            f"spans {keff}) but receives {steps}: use padding='same', a smaller kernel_size, "
            "strides or pool_size earlier, or a longer input."
        )
        values = {"layer": layer, **values}
    raise KerasValueError(
        "Computed output size would be zero or negative. Received "
        f"`inputs shape={tuple(shape)}`, `kernel shape=({spec.kernel_size}, {channels}, {spec.filters})`, "
        f"`dilation_rate=[{spec.dilation_rate}]`, `strides=({spec.strides},)`, `padding=valid`.",
        hint,
        code="input_too_short",
        values=values,
    )


def pool_size_required_error(layer_class: str) -> KerasTypeError:
    """Keras's error for a pooling layer built without ``pool_size`` (AveragePooling1D has no default).

    >>> print(pool_size_required_error("AveragePooling1D"))
    AveragePooling1D.__init__() missing 1 required positional argument: 'pool_size'
    AveragePooling1D has no default window in Keras 3: give pool_size, e.g. pool_size=2.
    """
    return KerasTypeError(
        f"{layer_class}.__init__() missing 1 required positional argument: 'pool_size'",
        f"{layer_class} has no default window in Keras 3: give pool_size, e.g. pool_size=2.",
        code="pool_size_required",
    )


@dataclass(frozen=True)
class Pool1DSpec:
    """The arguments of ``MaxPooling1D`` / ``AveragePooling1D``.

    ``strides=None`` means ``strides = pool_size``.

    >>> Pool1DSpec(pool_size=3).strides
    3
    """

    pool_size: int = 2
    strides: int | None = None
    padding: str = "valid"
    data_format: str = "channels_last"
    kind: str = field(default="max")

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "pool_size", standardize_int(self.pool_size, "pool_size"))
        if self.strides is None:
            put(self, "strides", self.pool_size)
        else:
            strides = self.strides
            raw = strides[0] if isinstance(strides, (tuple, list)) and len(strides) == 1 else strides
            if isinstance(raw, int) and not isinstance(raw, bool) and raw <= 0:
                raise KerasTypeError(
                    "reduce_window window_strides must have every element be strictly positive, "
                    f"got (1, {raw}, 1).",
                    "strides is how far the pooling window moves each step: use 1 or more "
                    "(or None for strides = pool_size).",
                    code="pool_strides_not_positive",
                    values={"strides": raw},
                )
            put(self, "strides", standardize_int(strides, "strides"))
        if isinstance(self.padding, str) and self.padding.lower() == "causal":
            raise KerasValueError(
                "Invalid padding 'causal', must be 'same' or 'valid'.",
                "'causal' exists only for Conv1D; pooling takes 'valid' or 'same'.",
                code="pool_causal",
                values={},
            )
        put(self, "padding", normalize_padding(self.padding, POOL_PADDINGS, "pooling"))
        put(self, "data_format", normalize_data_format(self.data_format))
        if self.kind not in ("max", "average"):
            raise KerasValueError(
                f"Unknown pooling kind: {self.kind}", "Use 'max' or 'average'.", code="pool_kind"
            )

    @property
    def stride(self) -> int:
        assert self.strides is not None
        return self.strides

    def output_length(self, steps: int) -> int:
        """Valid pooling on too short an input gives 0 (Keras's numpy/jax backends)."""
        return max(output_length(steps, self.pool_size, self.stride, self.padding), 0)

    def padding_amounts(self, steps: int) -> tuple[int, int]:
        return padding_amounts(steps, self.pool_size, self.stride, self.padding)
