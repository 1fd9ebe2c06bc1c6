"""The numbers of a stack: run the layers conv_core computes, on given or default weights."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..activations import apply_activation
from ..conv import conv1d_from_spec
from ..errors import KerasValueError
from ..initializers import make_kernel
from ..pooling import global_average_pool1d, global_max_pool1d, pool1d_from_spec
from ..spec import normalize_data_format
from .layers import (
    Activation,
    Conv1D,
    Embedding,
    GlobalAveragePooling1D,
    GlobalMaxPooling1D,
    InputLayer,
    PoolingLayer,
    ZeroPadding1D,
)
from .model import MAX_VALUES, Stack
from .shape import steps_channels_axes
from .summary import summarize

__all__ = ["StackRun", "check_values", "default_weights", "run_stack", "values_needed"]


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


def _size(shape: Sequence[int | None] | None) -> int | None:
    if shape is None or any(not isinstance(v, int) for v in shape):
        return None
    n = 1
    for v in shape:
        n *= max(int(v), 0)  # type: ignore[arg-type]
    return n


def values_needed(stack: Stack, batch: int = 1, *, weights: bool = True) -> tuple[int, int]:
    """``(weights, activations)``: the numbers a run allocates, in Python integers (no overflow).

    ``weights`` counts the default kernels, biases and Embedding matrices of the
    layers that are computed; ``activations`` the input and every computed
    output, ``batch`` samples each.  A shape with ``None`` steps counts as 0.

    >>> values_needed(Stack((Conv1D(filters=2, kernel_size=3),), (8, 4)))
    (26, 44)
    """
    summary = summarize(stack)
    acts = _size(stack.input_shape) or 0
    kernels = 0
    for row in summary.rows:
        layer = row.layer
        if layer is None or not layer.computed or row.output_shape is None:
            break
        acts += _size(row.output_shape[1:]) or 0
        if not weights:
            continue
        if isinstance(layer, Conv1D) and row.input_shape is not None:
            spec = layer.spec()
            channels = row.input_shape[steps_channels_axes(spec.data_format)[1]]
            if isinstance(channels, int):
                kernels += (_size(spec.kernel_shape(channels)) or 0) + (spec.filters if spec.use_bias else 0)
        elif isinstance(layer, Embedding) and isinstance(layer.input_dim, int) and isinstance(layer.output_dim, int):
            kernels += layer.input_dim * layer.output_dim
    return kernels, acts * max(batch, 1)


def check_values(stack: Stack, batch: int = 1, *, weights: bool = True) -> None:
    """Raise ``KerasValueError`` (code ``stack_too_large``) when a run would make over :data:`MAX_VALUES` numbers.

    >>> try:
    ...     check_values(Stack((Conv1D(filters=3, kernel_size=5_000_000, padding="same"),), (100, 1)))
    ... except KerasValueError as exc:
    ...     print(exc.code, exc.values)
    stack_too_large {'needed': 15000403, 'limit': 4000000}
    """
    kernels, acts = values_needed(stack, batch, weights=weights)
    if kernels + acts > MAX_VALUES:
        raise KerasValueError(
            f"Computing this model takes {kernels + acts:,} numbers (weights {kernels:,}, inputs and outputs "
            f"{acts:,}), over the explorer's limit of {MAX_VALUES:,}.",
            "The shapes and parameter counts stay exact; use smaller kernels, fewer filters or a shorter "
            "input to see the numbers.",
            code="stack_too_large", values={"needed": kernels + acts, "limit": MAX_VALUES})


def default_weights(
    stack: Stack, preset: str = "glorot_uniform", seed: int = 0
) -> dict[str, tuple[Any, ...]]:
    """Kernels (``conv_core.initializers.make_kernel``) and zero biases for the computed layers.

    Raises ``KerasValueError`` (``stack_too_large``) before making any array when
    they would hold more than :data:`MAX_VALUES` numbers with the run's inputs and outputs.

    >>> w = default_weights(Stack((Conv1D(filters=2, kernel_size=3),), (8, 4)), "ones")
    >>> w["conv1d"][0].shape, w["conv1d"][1].tolist()
    ((3, 4, 2), [0.0, 0.0])
    """
    check_values(stack)
    summary = summarize(stack)
    out: dict[str, tuple[Any, ...]] = {}
    for k, row in enumerate(summary.rows):
        layer, shape = row.layer, row.input_shape
        if layer is None or shape is None or row.output_shape is None:
            continue
        if isinstance(layer, Conv1D):
            spec = layer.spec()
            channels = shape[steps_channels_axes(spec.data_format)[1]]
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
    >>> from conv_core.stack import Dense, MaxPooling1D
    >>> st = Stack((Conv1D(filters=1, kernel_size=2), MaxPooling1D(), Dense(units=1)), (5, 1))
    >>> run = run_stack(st, np.arange(5.0).reshape(1, 5, 1), {"conv1d": (np.ones((2, 1, 1)), None)})
    >>> run["max_pooling1d"][0, :, 0].tolist(), run.stopped_at
    ([3.0, 7.0], 'dense')
    """
    names = stack.layer_names()
    y: NDArray[np.floating] = np.asarray(x)
    shape = stack.input_shape
    sized = stack
    if shape is not None and len(shape) == y.ndim - 1 and any(v is None for v in shape):
        sized = replace(stack, input_shape=tuple(int(v) for v in y.shape[1:]))
    check_values(sized, int(y.shape[0]) if y.ndim else 1, weights=weights is None)
    w = dict(default_weights(stack) if weights is None else weights)
    done_names: list[str] = []
    outputs: list[NDArray[np.floating]] = []
    first = 1 if stack.layers and isinstance(stack.layers[0], InputLayer) else 0  # the first layer after the input
    for k, (layer, name) in enumerate(zip(stack.layers, names, strict=True)):
        if stack.inbound is not None and k > 0 and tuple(i.layer for i in stack.inbound[k]) != (names[k - 1],):
            return StackRun(tuple(done_names), tuple(outputs), name)  # a graph: the first chain is computed
        if isinstance(layer, InputLayer) and k == 0:
            continue
        if not layer.computed:
            return StackRun(tuple(done_names), tuple(outputs), name)
        if isinstance(layer, Conv1D):
            if name not in w:
                raise KerasValueError(f"No weights given for layer '{name}'.",
                                      f"Pass weights['{name}'] = (kernel, bias).", code="stack_weights")
            kernel, *rest = w[name]
            bias = rest[0] if rest else None
            spec = layer.spec()
            y = conv1d_from_spec(spec, y, np.asarray(kernel),
                                           None if bias is None or not spec.use_bias else np.asarray(bias))
        elif isinstance(layer, PoolingLayer):
            y = pool1d_from_spec(layer.spec(), y, name)
        elif isinstance(layer, GlobalMaxPooling1D):
            y = global_max_pool1d(y, normalize_data_format(layer.data_format), bool(layer.keepdims))
        elif isinstance(layer, GlobalAveragePooling1D):
            y = global_average_pool1d(y, normalize_data_format(layer.data_format),
                                                bool(layer.keepdims))
        elif isinstance(layer, ZeroPadding1D):
            left, right = layer.amounts()
            axis = steps_channels_axes(normalize_data_format(layer.data_format))[0]
            widths = [(0, 0)] * y.ndim
            widths[axis] = (left, right)
            y = np.pad(y, widths)
        elif isinstance(layer, Activation):
            y = apply_activation(np.asarray(y, dtype=float), layer.activation)
        elif isinstance(layer, Embedding) and y.ndim == 2 and k == first:
            (matrix,) = w[name]
            y = np.asarray(matrix)[np.asarray(y, dtype=np.intp)]
        # Dropout and SpatialDropout1D: the identity at inference.
        done_names.append(name)
        outputs.append(y)
    return StackRun(tuple(done_names), tuple(outputs), None)
