"""A saved model's layers run forward with their stored weights, as Keras's ``predict`` runs them.

No Qt and no Keras here: a layer is its Keras class name, its saved config (the
``config`` dict of ``model.to_json()``) and its weights in Keras's order
(:class:`LayerCall`).  :func:`run_call` computes one layer, :func:`propagate`
a chain of them, stopping at the first layer it cannot compute and saying why.

Computed (inference mode, as ``predict``):

* ``Embedding`` (a lookup of integer token ids);
* ``Conv1D`` with strides, every padding, dilation, groups and activation, through
  :func:`conv_core.conv1d`; ``DepthwiseConv1D`` and ``SeparableConv1D`` as grouped
  convolutions (``groups = channels``); ``Conv1DTranspose`` through
  :func:`conv_core.conv1d_transpose`;
* the four pooling layers, ``ZeroPadding1D``, ``Cropping1D``, ``UpSampling1D``,
  ``Flatten``, ``Dense``;
* ``Dropout``, ``SpatialDropout1D``, ``GaussianNoise``, ``GaussianDropout``,
  ``AlphaDropout``, ``ActivityRegularization`` and ``Identity`` as the identity
  (they only act in training);
* ``BatchNormalization`` with its stored moving mean and variance,
  ``LayerNormalization`` on the input's own statistics;
* ``Activation``, ``ReLU``, ``LeakyReLU``, ``ELU``, ``PReLU``, ``Softmax``.

Notes
-----
BatchNormalization at inference: ``gamma * (x - moving_mean) / sqrt(moving_variance + epsilon) + beta``.
LayerNormalization: ``gamma * (x - mean) / sqrt(var + epsilon) + beta`` over ``axis`` of each sample.
A depthwise kernel ``(k, C, m)`` is the grouped kernel ``(k, 1, C*m)`` with ``groups=C``:
output channel ``c*m + j`` reads input channel ``c`` only, as Keras orders it.

Examples
--------
>>> conv = LayerCall("conv1d", "Conv1D", {"filters": 1, "kernel_size": [2], "activation": "relu"},
...                  (np.ones((2, 1, 1)), np.array([-1.0])))
>>> run_call(conv, np.arange(4.0).reshape(1, 4, 1))[0, :, 0].tolist()
[0.0, 2.0, 4.0]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .activations import ACTIVATIONS, apply_activation
from .conv import conv1d
from .errors import ConvError, KerasValueError
from .pooling import average_pool1d, global_average_pool1d, global_max_pool1d, max_pool1d
from .transpose import conv1d_transpose

__all__ = [
    "COMPUTED_CLASSES",
    "IDENTITY_CLASSES",
    "LayerCall",
    "Propagation",
    "conv1d_arguments",
    "propagate",
    "run_call",
]

Array = NDArray[np.float64]

IDENTITY_CLASSES = frozenset({
    "InputLayer", "Dropout", "SpatialDropout1D", "GaussianNoise", "GaussianDropout", "AlphaDropout",
    "ActivityRegularization", "Identity",
})
"""Layers that pass their input through unchanged at inference."""

COMPUTED_CLASSES = IDENTITY_CLASSES | frozenset({
    "Embedding", "Conv1D", "Convolution1D", "DepthwiseConv1D", "SeparableConv1D", "Conv1DTranspose",
    "MaxPooling1D", "MaxPool1D", "AveragePooling1D", "AvgPool1D", "GlobalMaxPooling1D", "GlobalMaxPool1D",
    "GlobalAveragePooling1D", "GlobalAvgPool1D", "ZeroPadding1D", "Cropping1D", "UpSampling1D", "Flatten",
    "Dense", "BatchNormalization", "LayerNormalization", "Activation", "ReLU", "LeakyReLU", "ELU", "PReLU",
    "Softmax",
})
"""Every Keras class :func:`run_call` computes."""

_EXTRA_ACTIVATIONS = ("softmax", "log_softmax", "relu6", "leaky_relu")


@dataclass(frozen=True)
class LayerCall:
    """One saved layer: its name as saved, Keras class, config and weights (Keras's order)."""

    name: str
    class_name: str
    config: Mapping[str, Any]
    weights: tuple[NDArray[Any], ...] = ()


@dataclass(frozen=True)
class Propagation:
    """The outputs of the layers computed, in order, and where and why the computation stopped.

    ``stopped_at`` is the first layer not computed (``None`` when all ran) and
    ``reason`` says why, in one sentence.
    """

    names: tuple[str, ...]
    outputs: tuple[Array, ...]
    stopped_at: str | None = None
    reason: str = ""
    error: KerasValueError | None = field(default=None, compare=False)

    def __getitem__(self, name: str) -> Array:
        return self.outputs[self.names.index(name)]


def _error(call: LayerCall, message: str, hint: str, code: str, **values: Any) -> KerasValueError:
    return KerasValueError(f"layer '{call.name}' ({call.class_name}): {message}", hint, code=code,
                           values={"layer": call.name, "class": call.class_name, **values})


def _int(call: LayerCall, key: str, default: int | None = None) -> int:
    """A Keras int argument, saved as ``3`` or ``[3]``."""
    value = call.config.get(key, default)
    if isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error(call, f"the saved {key}={value!r} is not a whole number.",
                     "The model file's config is damaged or was not written by Keras.", "model_config_value",
                     key=key)
    return value


def _opt_int(call: LayerCall, key: str) -> int | None:
    value = call.config.get(key)
    if value is None or (isinstance(value, (list, tuple)) and len(value) == 1 and value[0] is None):
        return None
    return _int(call, key)


def _pair(call: LayerCall, key: str, default: int) -> tuple[int, int]:
    value = call.config.get(key, default)
    pair = tuple(value) if isinstance(value, (list, tuple)) else (value, value)
    if len(pair) != 2 or any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in pair):
        raise _error(call, f"the saved {key}={value!r} is not two whole numbers of 0 or more.",
                     "The model file's config is damaged or was not written by Keras.", "model_config_value",
                     key=key)
    return int(pair[0]), int(pair[1])


def _float(call: LayerCall, key: str, default: float) -> float:
    value = call.config.get(key, default)
    if value is None:
        value = default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
        raise _error(call, f"the saved {key}={value!r} is not a number.",
                     "The model file's config is damaged or was not written by Keras.", "model_config_value",
                     key=key)
    return float(value)


def _str(call: LayerCall, key: str, default: str) -> str:
    value = call.config.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise _error(call, f"the saved {key}={value!r} is not a name.",
                     "The model file's config is damaged or was not written by Keras.", "model_config_value",
                     key=key)
    return value.lower()


def _bool(call: LayerCall, key: str, default: bool) -> bool:
    value = call.config.get(key, default)
    return default if value is None else bool(value)


def activation_name(call: LayerCall, key: str = "activation") -> str:
    """The saved activation as a Keras name (``None`` is ``'linear'``), or an error for a custom one."""
    value = call.config.get(key)
    if isinstance(value, Mapping):  # {"class_name": "function", "config": "relu", ...}
        inner = value.get("config")
        value = inner if isinstance(inner, str) else value.get("class_name")
    if value is None:
        return "linear"
    if isinstance(value, str) and (value.lower() in ACTIVATIONS or value.lower() in _EXTRA_ACTIVATIONS):
        return value.lower()
    raise _error(call, f"the activation {str(value)[:40]!r} is not one the explorer computes.",
                 "Custom activations are code, and a model file's code is never run.", "model_activation",
                 activation=str(value)[:40])


def _activate(x: Array, name: str, axis: int = -1) -> Array:
    if name in ACTIVATIONS:
        return np.asarray(apply_activation(x, name), dtype=np.float64)
    if name in ("softmax", "log_softmax"):
        shifted = x - np.max(x, axis=axis, keepdims=True)
        e = np.exp(shifted)
        total = np.sum(e, axis=axis, keepdims=True)
        return np.asarray(shifted - np.log(total) if name == "log_softmax" else e / total, dtype=np.float64)
    if name == "relu6":
        return np.asarray(np.clip(x, 0.0, 6.0), dtype=np.float64)
    return np.asarray(np.where(x >= 0, x, 0.2 * x), dtype=np.float64)  # leaky_relu


def _weights(call: LayerCall, shapes: Sequence[tuple[int, ...]], names: Sequence[str]) -> tuple[Array, ...]:
    if len(call.weights) != len(shapes):
        raise _error(call, f"the file stores {len(call.weights)} weight arrays, the layer needs {len(shapes)} "
                     f"({', '.join(names)}).", "The model file's weights do not fit its config.",
                     "model_weight_count")
    out = []
    for w, shape, what in zip(call.weights, shapes, names, strict=True):
        if tuple(w.shape) != tuple(shape):
            raise _error(call, f"the stored {what} has shape {tuple(w.shape)}, the layer needs {tuple(shape)}.",
                         "The model file's weights do not fit its config.", "model_weight_shape")
        out.append(np.asarray(w, dtype=np.float64))
    return tuple(out)


def _rank(call: LayerCall, x: Array, ndim: int) -> None:
    if x.ndim != ndim:
        raise _error(call, f"expects a {ndim}-D input (batch included), got shape {x.shape}.",
                     "Give the input this layer receives in the model.", "model_input_rank", shape=x.shape)


def _channels(call: LayerCall, x: Array, fmt: str) -> int:
    _rank(call, x, 3)
    return int(x.shape[1] if fmt == "channels_first" else x.shape[2])


def _conv_args(call: LayerCall) -> dict[str, Any]:
    return {
        "strides": _int(call, "strides", 1),
        "padding": _str(call, "padding", "valid"),
        "dilation_rate": _int(call, "dilation_rate", 1),
        "data_format": _str(call, "data_format", "channels_last"),
    }


def conv1d_arguments(call: LayerCall, channels: int) -> tuple[dict[str, Any], Array, Array | None]:
    """The Conv1D's Keras arguments, kernel ``(k, C/groups, filters)`` and bias, checked against ``channels``.

    The arguments are the main window's (``filters``, ``kernel_size``, ...), the
    activation ``'linear'`` when the saved one is not among :data:`conv_core.ACTIVATIONS`.

    >>> args, k, b = conv1d_arguments(LayerCall("c", "Conv1D", {"filters": 2, "kernel_size": [3]},
    ...                               (np.zeros((3, 4, 2)), np.zeros(2))), 4)
    >>> args["kernel_size"], k.shape, b.shape
    (3, (3, 4, 2), (2,))
    """
    filters, k, groups = _int(call, "filters"), _int(call, "kernel_size"), _int(call, "groups", 1)
    use_bias = _bool(call, "use_bias", True)
    if groups <= 0 or channels % groups or filters % groups:
        raise _error(call, f"groups={groups} does not divide the input's {channels} channels and the "
                     f"{filters} filters.", "The input given does not fit this layer.", "model_groups")
    shapes = [(k, channels // groups, filters)] + ([(filters,)] if use_bias else [])
    weights = _weights(call, shapes, ["kernel", "bias"][: len(shapes)])
    args = {"filters": filters, "kernel_size": k, **_conv_args(call), "groups": groups, "use_bias": use_bias,
            "activation": activation_name(call)}
    return args, weights[0], weights[1] if use_bias else None


def _conv(call: LayerCall, x: Array) -> Array:
    fmt = _str(call, "data_format", "channels_last")
    args, kernel, bias = conv1d_arguments(call, _channels(call, x, fmt))
    act = args.pop("activation")
    args.pop("filters"), args.pop("kernel_size"), args.pop("use_bias")
    y = np.asarray(conv1d(x, kernel, bias, **args), dtype=np.float64)
    return _activate(y, act, 1 if fmt == "channels_first" else -1)


def _depthwise(call: LayerCall, x: Array, separable: bool) -> Array:
    fmt = _str(call, "data_format", "channels_last")
    c = _channels(call, x, fmt)
    k, m = _int(call, "kernel_size"), _int(call, "depth_multiplier", 1)
    use_bias = _bool(call, "use_bias", True)
    if separable:
        f = _int(call, "filters")
        shapes = [(k, c, m), (1, c * m, f)] + ([(f,)] if use_bias else [])
        ws = _weights(call, shapes, ["depthwise_kernel", "pointwise_kernel", "bias"][: len(shapes)])
    else:
        shapes = [(k, c, m)] + ([(c * m,)] if use_bias else [])
        ws = _weights(call, shapes, ["kernel", "bias"][: len(shapes)])
    grouped = ws[0].reshape(k, 1, c * m)
    args = _conv_args(call)
    if separable:
        y = conv1d(x, grouped, None, groups=c, **args)
        y = conv1d(y, ws[1], ws[2] if use_bias else None, data_format=args["data_format"])
    else:
        y = conv1d(x, grouped, ws[1] if use_bias else None, groups=c, **args)
    return _activate(np.asarray(y, dtype=np.float64), activation_name(call), 1 if fmt == "channels_first" else -1)


def _transpose(call: LayerCall, x: Array) -> Array:
    fmt = _str(call, "data_format", "channels_last")
    c = _channels(call, x, fmt)
    f, k = _int(call, "filters"), _int(call, "kernel_size")
    use_bias = _bool(call, "use_bias", True)
    shapes = [(k, f, c)] + ([(f,)] if use_bias else [])
    ws = _weights(call, shapes, ["kernel", "bias"][: len(shapes)])
    y = conv1d_transpose(x, ws[0], ws[1] if use_bias else None, output_padding=_opt_int(call, "output_padding"),
                         **_conv_args(call))
    return _activate(np.asarray(y, dtype=np.float64), activation_name(call), 1 if fmt == "channels_first" else -1)


def _steps_axis(call: LayerCall) -> int:
    return 2 if _str(call, "data_format", "channels_last") == "channels_first" else 1


def _embedding(call: LayerCall, x: NDArray[Any]) -> Array:
    n, d = _int(call, "input_dim"), _int(call, "output_dim")
    (matrix,) = _weights(call, [(n, d)], ["embeddings"])
    ids = np.asarray(x)
    if ids.dtype.kind == "f":
        if not np.all(np.isfinite(ids)) or not np.array_equal(ids, np.round(ids)):
            raise _error(call, "token ids must be whole numbers.", "Give the sentence as integer token ids.",
                         "model_token_ids")
    elif ids.dtype.kind not in "iub":
        raise _error(call, f"token ids must be whole numbers, got {ids.dtype}.",
                     "Give the sentence as integer token ids.", "model_token_ids")
    bad = np.argwhere((ids < 0) | (ids >= n))
    if bad.size:
        where = tuple(int(i) for i in bad[0])
        raise _error(call, f"token id {int(ids[where])} at {list(where)} is outside the vocabulary 0..{n - 1}.",
                     f"This Embedding knows {n} token ids (input_dim={n}).", "model_token_range",
                     token=int(ids[where]))
    return np.asarray(matrix[ids.astype(np.intp)], dtype=np.float64)


def _norm_axes(call: LayerCall, x: Array, default: int) -> tuple[int, ...]:
    value = call.config.get("axis", default)
    axes = tuple(value) if isinstance(value, (list, tuple)) else (value,)
    if not axes or any(isinstance(a, bool) or not isinstance(a, int) or not -x.ndim <= a < x.ndim or a in (0, -x.ndim)
                       for a in axes):
        raise _error(call, f"axis={value!r} does not fit an input of shape {x.shape}.",
                     "The input given does not fit this layer.", "model_axis")
    return tuple(sorted(a % x.ndim for a in axes))


def _broadcast(w: Array, x: Array, axes: tuple[int, ...]) -> Array:
    shape = [1] * x.ndim
    for a in axes:
        shape[a] = x.shape[a]
    return w.reshape(shape)


def _batch_norm(call: LayerCall, x: Array) -> Array:
    axes = _norm_axes(call, x, -1)
    size = tuple(x.shape[a] for a in axes)
    scale, center = _bool(call, "scale", True), _bool(call, "center", True)
    names = ["gamma"] * scale + ["beta"] * center + ["moving_mean", "moving_variance"]
    ws = list(_weights(call, [size] * len(names), names))
    gamma = ws.pop(0) if scale else np.ones(size)
    beta = ws.pop(0) if center else np.zeros(size)
    mean, var = ws
    eps = _float(call, "epsilon", 1e-3)
    inv = 1.0 / np.sqrt(_broadcast(var, x, axes) + eps)
    return np.asarray((x - _broadcast(mean, x, axes)) * inv * _broadcast(gamma, x, axes)
                      + _broadcast(beta, x, axes), dtype=np.float64)


def _layer_norm(call: LayerCall, x: Array) -> Array:
    axes = _norm_axes(call, x, -1)
    size = tuple(x.shape[a] for a in axes)
    rms = _bool(call, "rms_scaling", False)
    scale, center = _bool(call, "scale", True), _bool(call, "center", True) and not rms
    names = ["gamma"] * scale + ["beta"] * center
    ws = list(_weights(call, [size] * len(names), names))
    gamma = _broadcast(ws.pop(0), x, axes) if scale else np.ones(1)
    beta = _broadcast(ws.pop(0), x, axes) if center else np.zeros(1)
    eps = _float(call, "epsilon", 1e-3)
    if rms:
        return np.asarray(x / np.sqrt(np.mean(x * x, axis=axes, keepdims=True) + eps) * gamma, dtype=np.float64)
    mean = np.mean(x, axis=axes, keepdims=True)
    var = np.mean((x - mean) ** 2, axis=axes, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + eps) * gamma + beta, dtype=np.float64)


def _relu_layer(call: LayerCall, x: Array) -> Array:
    """Keras 3 ``ReLU(max_value, negative_slope, threshold)``."""
    slope = _float(call, "negative_slope", 0.0)
    threshold = _float(call, "threshold", 0.0)
    max_value = call.config.get("max_value")
    y = np.where(x >= threshold, x, slope * (x - threshold))
    if max_value is not None:
        y = np.minimum(y, _float(call, "max_value", 0.0))
    return np.asarray(y, dtype=np.float64)


def _dense(call: LayerCall, x: Array) -> Array:
    units, use_bias = _int(call, "units"), _bool(call, "use_bias", True)
    if x.ndim < 2:
        _rank(call, x, 2)
    shapes = [(int(x.shape[-1]), units)] + ([(units,)] if use_bias else [])
    ws = _weights(call, shapes, ["kernel", "bias"][: len(shapes)])
    y = x @ ws[0] + (ws[1] if use_bias else 0.0)
    return _activate(np.asarray(y, dtype=np.float64), activation_name(call))


def _crop(call: LayerCall, x: Array) -> Array:
    _rank(call, x, 3)
    left, right = _pair(call, "cropping", 1)
    if left + right >= x.shape[1]:
        raise _error(call, f"cropping=({left}, {right}) removes all {x.shape[1]} steps.",
                     "The input given is too short for this layer.", "model_crop")
    return x[:, left : x.shape[1] - right, :]


def run_call(call: LayerCall, x: NDArray[Any]) -> Array:
    """The output of one saved layer on ``x`` (its input, batch included), as Keras's ``predict``.

    Raises ``KerasValueError`` for a layer it does not compute (code ``model_not_computed``),
    weights that do not fit (``model_weight_shape``) or an input the layer cannot take.

    >>> bn = LayerCall("bn", "BatchNormalization", {"epsilon": 0.0},
    ...                (np.array([2.0]), np.array([1.0]), np.array([3.0]), np.array([4.0])))
    >>> run_call(bn, np.array([[[5.0]]])).tolist()  # 2 * (5 - 3) / sqrt(4) + 1
    [[[3.0]]]
    """
    cls = call.class_name
    if cls not in COMPUTED_CLASSES:
        raise _error(call, "the explorer does not compute this layer.",
                     "Give this layer's input yourself to see the layers after it.", "model_not_computed")
    if cls == "Embedding":
        return _embedding(call, x)
    xf = np.asarray(x, dtype=np.float64)
    if cls in IDENTITY_CLASSES:
        return xf
    if cls in ("Conv1D", "Convolution1D"):
        return _conv(call, xf)
    if cls in ("DepthwiseConv1D", "SeparableConv1D"):
        return _depthwise(call, xf, cls == "SeparableConv1D")
    if cls == "Conv1DTranspose":
        return _transpose(call, xf)
    fmt = _str(call, "data_format", "channels_last")
    if cls in ("MaxPooling1D", "MaxPool1D", "AveragePooling1D", "AvgPool1D"):
        _rank(call, xf, 3)
        pool = max_pool1d if cls.startswith("Max") else average_pool1d
        return np.asarray(pool(xf, _int(call, "pool_size", 2), _opt_int(call, "strides"),
                               _str(call, "padding", "valid"), fmt), dtype=np.float64)
    if cls.startswith("Global"):
        _rank(call, xf, 3)
        gpool = global_max_pool1d if "Max" in cls else global_average_pool1d
        return np.asarray(gpool(xf, fmt, _bool(call, "keepdims", False)), dtype=np.float64)
    if cls == "ZeroPadding1D":
        _rank(call, xf, 3)
        widths = [(0, 0)] * 3
        widths[_steps_axis(call)] = _pair(call, "padding", 1)
        return np.pad(xf, widths)
    if cls == "Cropping1D":
        return _crop(call, xf)
    if cls == "UpSampling1D":
        _rank(call, xf, 3)
        return np.repeat(xf, _int(call, "size", 2), axis=1)
    if cls == "Flatten":
        if fmt == "channels_first" and xf.ndim == 3:
            xf = np.moveaxis(xf, 1, -1)
        return xf.reshape(xf.shape[0], -1)
    if cls == "Dense":
        return _dense(call, xf)
    if cls == "BatchNormalization":
        return _batch_norm(call, xf)
    if cls == "LayerNormalization":
        return _layer_norm(call, xf)
    if cls == "Activation":
        return _activate(xf, activation_name(call))
    if cls == "ReLU":
        return _relu_layer(call, xf)
    if cls == "LeakyReLU":
        slope = _float(call, "negative_slope", _float(call, "alpha", 0.3))
        return np.asarray(np.where(xf >= 0, xf, slope * xf), dtype=np.float64)
    if cls == "ELU":
        alpha = _float(call, "alpha", 1.0)
        return np.asarray(np.where(xf > 0, xf, alpha * np.expm1(np.minimum(xf, 0.0))), dtype=np.float64)
    if cls == "PReLU":
        shared = call.config.get("shared_axes") or ()
        shared = shared if isinstance(shared, (list, tuple)) else (shared,)
        size = tuple(1 if (i + 1) in shared else int(v) for i, v in enumerate(xf.shape[1:]))
        (prelu,) = _weights(call, [size], ["alpha"])
        return np.asarray(np.maximum(xf, 0.0) + prelu * np.minimum(xf, 0.0), dtype=np.float64)
    # Softmax
    axis = call.config.get("axis", -1)
    axis = axis[0] if isinstance(axis, (list, tuple)) and len(axis) == 1 else axis
    if isinstance(axis, bool) or not isinstance(axis, int) or not -xf.ndim <= axis < xf.ndim:
        raise _error(call, f"axis={axis!r} does not fit an input of shape {xf.shape}.",
                     "The input given does not fit this layer.", "model_axis")
    return _activate(xf, "softmax", axis)


def _masked(call: LayerCall) -> bool:
    return (call.class_name == "Embedding" and bool(call.config.get("mask_zero"))) or call.class_name == "Masking"


def propagate(
    calls: Sequence[LayerCall], x: NDArray[Any], *, start: int = 0, until: str | None = None
) -> Propagation:
    """Run ``calls[start:]`` on ``x`` (the input of ``calls[start]``), up to and including ``until``.

    Stops at the first layer it cannot compute: :attr:`Propagation.stopped_at`
    names it and :attr:`Propagation.reason` says why (a layer it does not
    compute, weights that do not fit, an input the layer cannot take).  A mask
    (``Embedding(mask_zero=True)``) that would reach a layer that reads it
    stops the computation there too: the explorer does not follow masks.
    """
    names: list[str] = []
    outputs: list[Array] = []
    y: NDArray[Any] = x
    masked = False
    for call in calls[start:]:
        if masked and call.class_name in ("GlobalAveragePooling1D", "GlobalAvgPool1D", "LayerNormalization",
                                          "Softmax", "Dense", "Flatten"):
            reason = (f"layer '{call.name}' ({call.class_name}) would read the mask that "
                      "Embedding(mask_zero=True) or Masking makes; the explorer does not follow masks.")
            return Propagation(tuple(names), tuple(outputs), call.name, reason)
        try:
            y = run_call(call, y)
        except ConvError as exc:
            error = exc if isinstance(exc, KerasValueError) else KerasValueError(exc.keras, exc.hint, code=exc.code,
                                                                                values=exc.values)
            return Propagation(tuple(names), tuple(outputs), call.name, f"layer '{call.name}': {exc.keras}"
                               if call.name not in exc.keras else exc.keras, error)
        masked = _masked(call) or (masked and call.class_name in IDENTITY_CLASSES | {"Activation", "ReLU",
                                                                                      "LeakyReLU", "ELU"})
        names.append(call.name)
        outputs.append(np.asarray(y, dtype=np.float64))
        if call.name == until:
            break
    return Propagation(tuple(names), tuple(outputs))
