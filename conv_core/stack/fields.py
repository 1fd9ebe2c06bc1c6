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

StepKind = Literal["window", "pad", "same", "global", "recurrent", "end", "input", "merge"]


@dataclass(frozen=True)
class StepOp:
    """How one layer maps the steps of its input to the steps of its output.

    Attributes
    ----------
    kind : {'window', 'pad', 'same', 'global', 'recurrent', 'end'}
        'window' for Conv1D and pooling (``window`` holds the geometry), 'pad'
        for ZeroPadding1D (``left``, ``right``), 'same' for layers that keep
        every step, 'global' for global pooling (one output reads every step),
        'recurrent' and 'end' where steps no longer map to the input; 'input'
        for a graph's input layer, 'merge' for a layer whose output step ``t``
        reads step ``t`` of every input (Concatenate on the channels, Add, ...).
        Cropping1D is a 'pad' with negative ``left`` and ``right``.
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
    if getattr(layer, "joins_steps", False):  # Concatenate(axis=1): steps one branch after another
        return StepOp("end")
    if layer.step_kind == "window":
        return StepOp("window", StackLayer.from_spec(layer.spec()))  # type: ignore[attr-defined]
    if layer.step_kind == "crop":
        left, right = layer.amounts()  # type: ignore[attr-defined]
        return StepOp("pad", left=-left, right=-right)
    if layer.step_kind is not None:
        return StepOp(layer.step_kind)  # type: ignore[arg-type]
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
    """The field after each op of a chain (``steps_in``: the steps each op receives, ``None`` if unknown).

    ``None`` once steps no longer map one to one to the stack input.  A global
    pooling row spans the real input steps it reaches (never the padding).

    >>> ops = [StepOp("window", StackLayer("conv", 3)), StepOp("pad", left=2, right=0), StepOp("global")]
    >>> row_fields(ops, [8, 6, 8])
    [RowField(size=3, jump=1, start=0), RowField(size=3, jump=1, start=-2), RowField(size=8, jump=None, start=0)]
    """
    found = graph_fields([StepOp("input"), *ops], [(), *((k,) for k in range(len(ops)))],
                         [steps_in[0] if steps_in else None, *steps_in])
    return [f.fields.get(0) if f is not None else None for f in found[1:]]


@dataclass(frozen=True)
class GraphField:
    """The receptive field of one row of a graph, per input row it reaches (``fields``: input row -> field).

    ``branches`` is set on a merge: per inbound row, its field from the same
    inputs (``disagree`` when they differ in size, jump or start).
    """

    fields: dict[int, RowField]
    branches: tuple[tuple[int, RowField | None], ...] = ()

    @property
    def disagree(self) -> bool:
        seen = {f for _, f in self.branches}
        return len(seen) > 1


def _union(parts: Sequence[FieldNumbers]) -> FieldNumbers | None:
    """The span covering every part's field (they must share the jump and know their start)."""
    if len({p.jump for p in parts}) != 1 or any(p.start is None for p in parts):
        return None
    first = min(p.start for p in parts if p.start is not None)
    last = max(p.start + p.size - 1 for p in parts if p.start is not None)
    return FieldNumbers(last - first + 1, parts[0].jump, first)


def graph_fields(ops: Sequence[StepOp], parents: Sequence[Sequence[int]],
                 steps_in: Sequence[int | None]) -> list[GraphField | None]:
    """Receptive fields on a graph, per row and per input row (rows in an order where parents come first).

    ``ops[k]`` is how row ``k`` maps steps, ``parents[k]`` the rows it reads,
    ``steps_in[k]`` the steps it receives (for an 'input' row: its own steps).
    A merge gets, for each input row, the union of its branches' fields
    (the span from the first step any branch reads to the last: branches
    with different jumps have no common field); a global pooling row spans
    the real input steps it reaches, never the padding.  ``None`` once the
    steps no longer map to any input.

    >>> ops = [StepOp("input"), StepOp("window", StackLayer("conv", 3, padding="same")),
    ...        StepOp("window", StackLayer("conv", 5, padding="same")), StepOp("merge")]
    >>> f = graph_fields(ops, [(), (0,), (0,), (1, 2)], [10, 10, 10, 10])[3]
    >>> f.fields, f.disagree
    ({0: RowField(size=5, jump=1, start=-2)}, True)
    """
    state: list[dict[int, FieldNumbers] | None] = []
    spans: list[dict[int, RowField] | None] = []  # one output over a span (after global pooling)
    result: list[GraphField | None] = []
    lengths: dict[int, int | None] = {}
    for k, op in enumerate(ops):
        mine = [p for p in parents[k] if 0 <= p < len(state)]
        ins = [state[p] for p in mine]
        steps = steps_in[k]
        now: dict[int, FieldNumbers] | None = None
        span: dict[int, RowField] | None = None
        branches: tuple[tuple[int, RowField | None], ...] = ()
        if op.kind == "input":
            now = {k: FieldNumbers(1, 1, 0)}
            lengths[k] = steps
        elif mine and all(spans[p] is not None for p in mine) and op.kind in ("same", "merge", "end"):
            # Global pooling's single outputs: kept by layers that keep values, joined by merges.
            parts = [spans[p] for p in mine]
            if op.kind == "merge":
                keys = set.intersection(*(set(p) for p in parts if p is not None))
                span = {src: _span_union([p[src] for p in parts if p is not None]) for src in sorted(keys)}
                first = min(keys) if keys else None
                branches = tuple((p, None if first is None or part is None else part[first])
                                 for p, part in zip(mine, parts, strict=True))
            elif op.kind == "same":
                span = parts[0]
        elif not ins or any(i is None for i in ins):
            now = None
        elif op.kind == "merge":
            keys = set.intersection(*(set(i) for i in ins if i is not None))
            now = {}
            for src in sorted(keys):
                union = _union([i[src] for i in ins if i is not None])
                if union is not None:
                    now[src] = union
            first = min(keys) if keys else None
            branches = tuple(
                (p, None if first is None or i is None else _row_field(i[first]))
                for p, i in zip(mine, ins, strict=True))
            now = now or None
        else:
            prev = ins[0]
            assert prev is not None
            if op.kind == "window":
                assert op.window is not None
                now = {src: f.then(op.window, steps) for src, f in prev.items()}
            elif op.kind == "pad":
                now = {src: FieldNumbers(f.size, f.jump, None if f.start is None else f.start - op.left * f.jump)
                       for src, f in prev.items()}
            elif op.kind == "same":
                now = dict(prev)
            elif op.kind == "global":
                span = {src: _global(f, steps, lengths.get(src)) for src, f in prev.items()}
        state.append(now)
        spans.append(span)
        if span:
            result.append(GraphField(dict(span), branches))
        else:
            result.append(None if not now else GraphField({src: _row_field(f) for src, f in now.items()}, branches))
    return result


def _span_union(parts: Sequence[RowField]) -> RowField:
    """The span covering every part (one output each, from global pooling)."""
    if any(p.size is None or p.start is None for p in parts):
        return RowField(None, None, None)
    first = min(p.start for p in parts if p.start is not None)
    last = max(p.start + p.size - 1 for p in parts if p.start is not None and p.size is not None)
    return RowField(last - first + 1, None, first)


def _row_field(f: FieldNumbers) -> RowField:
    return RowField(f.size, f.jump, f.start)


def _global(f: FieldNumbers, steps: int | None, input_steps: int | None) -> RowField:
    """One output over all ``steps``: the span of the real input steps it reaches (padding left out)."""
    if steps is None or f.start is None or steps < 1:
        return RowField(None, None, None)
    first, last = f.start, f.start + (steps - 1) * f.jump + f.size - 1
    if input_steps is not None:
        first, last = max(first, 0), min(last, input_steps - 1)
    return RowField(max(last - first + 1, 0), None, first)


def window_fits(window: StackLayer, length: int) -> bool:
    """Whether the exact step map of ``window`` on ``length`` steps stays within :data:`MAX_VALUES` cells.

    Checked before :func:`conv_core.receptive.receptive_field` allocates its
    ``(outputs, kernel taps, length)`` table: a ``Conv1D(3, 5_000_000,
    padding='same')`` on 100 steps would take 46 GiB.

    >>> window_fits(StackLayer("conv", 3), 100), window_fits(StackLayer("conv", 5_000_000, padding="same"), 100)
    (True, False)
    """
    return window.output_length(length) * window.size * max(length, 1) <= MAX_VALUES


def pad_map(length: int, left: int, right: int) -> NDArray[np.bool_]:
    """``m[t, u]`` of a ZeroPadding1D (``left``, ``right`` zeros) or a Cropping1D (negative amounts).

    >>> pad_map(3, 1, 0).astype(int).tolist(), pad_map(3, -1, 0).astype(int).tolist()
    ([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0, 1, 0], [0, 0, 1]])
    """
    return np.eye(max(length + left + right, 0), length, k=-left, dtype=bool)


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
            depends = pad_map(length, op.left, op.right).astype(np.int64) @ depends.astype(np.int64) > 0
        elif op.kind == "global":
            depends = np.asarray(depends.any(axis=0, keepdims=True), dtype=bool)
        elif op.kind != "same":
            return None
    depends.setflags(write=False)
    return depends
