"""Receptive fields through a whole model: which layers map steps, and how.

The numbers of one Conv1D or pooling layer come from :mod:`conv_core.receptive`
(:meth:`FieldNumbers.then <conv_core.receptive.FieldNumbers.then>` for size,
jump and start; :func:`conv_core.receptive.receptive_field` for exact step
sets).  This module adds what a model has besides them: ZeroPadding1D shifts
the start, element-wise layers keep the steps, a global pooling layer reads
every step, and Flatten, Dense on 2-D inputs and RNNs end the mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from ..receptive import FieldNumbers, StackLayer, receptive_field
from .layers import (
    Activation,
    BatchNormalization,
    Conv1D,
    Dense,
    Dropout,
    Embedding,
    Flatten,
    GlobalPoolingLayer,
    Layer,
    PoolingLayer,
    RecurrentLayer,
    SpatialDropout1D,
    ZeroPadding1D,
)
from .model import MAX_VALUES
from .shape import Shape

__all__ = ["EXACT_MAX_STEPS", "RowField", "StepKind", "StepOp", "compose_depends", "row_fields", "steps_op",
           "window_fits"]

EXACT_MAX_STEPS = 1024
"""Longer inputs get no exact step sets: :func:`conv_core.receptive.receptive_field` builds (steps x steps) matrices."""

StepKind = Literal["window", "pad", "same", "global", "recurrent", "end"]


@dataclass(frozen=True)
class StepOp:
    """How one layer maps the steps of its input to the steps of its output.

    Attributes
    ----------
    kind : {'window', 'pad', 'same', 'global', 'recurrent', 'end'}
        'window' for Conv1D and pooling (``window`` holds the geometry), 'pad'
        for ZeroPadding1D (``left``, ``right``), 'same' for layers that keep
        every step, 'global' for global pooling (one output reads every step),
        'recurrent' and 'end' where steps no longer map to the input.
    """

    kind: StepKind
    window: StackLayer | None = None
    left: int = 0
    right: int = 0


def steps_op(layer: Layer, in_shape: Shape) -> StepOp:
    """How ``layer`` maps steps when it receives ``in_shape``.

    >>> steps_op(ZeroPadding1D(padding=(2, 1)), (None, 5, 1))
    StepOp(kind='pad', window=None, left=2, right=1)
    >>> steps_op(Dense(units=3), (None, 5, 1)).kind, steps_op(Dense(units=3), (None, 5)).kind
    ('same', 'end')
    """
    if isinstance(layer, (Conv1D, PoolingLayer)):
        return StepOp("window", StackLayer.from_spec(layer.spec()))
    if isinstance(layer, ZeroPadding1D):
        left, right = layer.amounts()
        return StepOp("pad", left=left, right=right)
    if isinstance(layer, GlobalPoolingLayer):
        return StepOp("global")
    if isinstance(layer, RecurrentLayer):
        return StepOp("recurrent" if layer.return_sequences else "end")
    if isinstance(layer, Flatten):
        return StepOp("end")
    if isinstance(layer, (Dropout, SpatialDropout1D, Activation, BatchNormalization)):
        return StepOp("same")
    if isinstance(layer, Dense) and len(in_shape) >= 3:
        return StepOp("same")
    if isinstance(layer, Embedding) and len(in_shape) == 2:
        return StepOp("same")
    return StepOp("end")


@dataclass(frozen=True)
class RowField:
    """A summary row's receptive field, jump and start; ``None`` where unknown.

    A global pooling row has no jump (one output).
    """

    size: int | None
    jump: int | None
    start: int | None


def row_fields(ops: Sequence[StepOp], steps_in: Sequence[int | None]) -> list[RowField | None]:
    """The field after each op (``steps_in``: the steps each op receives, ``None`` if unknown).

    ``None`` once steps no longer map one to one to the stack input.

    >>> ops = [StepOp("window", StackLayer("conv", 3)), StepOp("pad", left=2, right=0), StepOp("global")]
    >>> row_fields(ops, [8, 6, 8])
    [RowField(size=3, jump=1, start=0), RowField(size=3, jump=1, start=-2), RowField(size=10, jump=None, start=-2)]
    """
    state: FieldNumbers | None = FieldNumbers(1, 1, 0)
    result: list[RowField | None] = []
    for op, steps in zip(ops, steps_in, strict=True):
        if state is None:
            result.append(None)
            continue
        if op.kind == "window":
            assert op.window is not None
            state = state.then(op.window, steps)
        elif op.kind == "pad":
            state = FieldNumbers(state.size, state.jump,
                                 None if state.start is None else state.start - op.left * state.jump)
        elif op.kind == "global":
            size = None if steps is None else state.size + (steps - 1) * state.jump
            result.append(RowField(size, None, state.start))
            state = None
            continue
        elif op.kind in ("recurrent", "end"):
            state = None
        result.append(None if state is None else RowField(state.size, state.jump, state.start))
    return result


def window_fits(window: StackLayer, length: int) -> bool:
    """Whether the exact step map of ``window`` on ``length`` steps stays within :data:`MAX_VALUES` cells.

    Checked before :func:`conv_core.receptive.receptive_field` allocates its
    ``(outputs, kernel taps, length)`` table: a ``Conv1D(3, 5_000_000,
    padding='same')`` on 100 steps would take 46 GiB.

    >>> window_fits(StackLayer("conv", 3), 100), window_fits(StackLayer("conv", 5_000_000, padding="same"), 100)
    (True, False)
    """
    return window.output_length(length) * window.size * max(length, 1) <= MAX_VALUES


def compose_depends(ops: Sequence[StepOp], steps: int) -> NDArray[np.bool_] | None:
    """``depends[t, i]`` after ``ops``: output ``t`` reads stack input step ``i`` (exact sets).

    ``None`` when the steps stop mapping to the input.

    >>> compose_depends([StepOp("window", StackLayer("conv", 2, dilation_rate=3))], 5).astype(int).tolist()
    [[1, 0, 0, 1, 0], [0, 1, 0, 0, 1]]
    """
    depends: NDArray[np.bool_] = np.eye(steps, dtype=bool)
    for op in ops:
        length = depends.shape[0]
        if op.kind == "window":
            assert op.window is not None
            if not window_fits(op.window, length):
                return None
            rf = receptive_field([op.window], length)
            depends = (rf.depends.astype(np.int64) @ depends.astype(np.int64)) > 0
        elif op.kind == "pad":
            if length + op.left + op.right > 4 * EXACT_MAX_STEPS:
                return None
            depends = np.vstack([np.zeros((op.left, steps), bool), depends, np.zeros((op.right, steps), bool)])
        elif op.kind == "global":
            depends = np.asarray(depends.any(axis=0, keepdims=True), dtype=bool)
        elif op.kind != "same":
            return None
    depends.setflags(write=False)
    return depends
