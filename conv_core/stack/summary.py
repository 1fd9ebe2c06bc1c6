"""``model.summary()`` of a stack, plus receptive fields: the walk through the layers.

:func:`summarize` builds each layer on the shape the previous one produced,
as Keras does, and attaches Keras's error (and a fix) to the layer that
raises it.  Conv1D and pooling rows also get the receptive field, jump and
start relative to the stack input (:mod:`conv_core.stack.fields`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import ConvError
from ..receptive import FieldNumbers, receptive_field
from ..spec import normalize_data_format
from . import fields
from .fields import RowField, StepOp, compose_depends, row_fields, steps_op
from .graph import connected_to
from .layers import Built, Conv1D, GlobalPoolingLayer, Layer, PoolingLayer, ZeroPadding1D
from .model import Stack, auto_names
from .notes import note
from .shape import Dim, Shape, format_shape, steps_channels_axes

__all__ = ["Cone", "LayerRow", "StackSummary", "StepPlace", "summarize"]


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
    inputs: tuple[str, ...] = ()
    connected_to: str = "-"
    branches: tuple[tuple[str, RowField | None], ...] = ()
    more_outputs: tuple[Shape, ...] = ()

    @property
    def has_field(self) -> bool:
        """Conv1D and pooling layers (and, in a graph, merges) report a receptive field."""
        return self.layer is not None and self.layer.reports_field

    @property
    def listed(self) -> bool:
        """A row of Keras's summary (an ``x + y`` operation is not)."""
        return self.layer is None or self.layer.listed

    @property
    def branches_disagree(self) -> bool:
        """A merge whose branches reach the input with different fields (see ``branches``)."""
        return len({f for _, f in self.branches}) > 1

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
        if self.branches:
            out["branches"] = [
                {"input": name, "receptive_field": None if f is None else f.size,
                 "jump": None if f is None else f.jump, "start": None if f is None else f.start}
                for name, f in self.branches]
        if self.more_outputs:
            out["output_shapes"] = [None if self.output_shape is None else list(self.output_shape),
                                    *(list(o) for o in self.more_outputs)]
        out["inputs"] = list(self.inputs)
        out["connected_to"] = self.connected_to
        out["trainable_params"] = self.trainable_params
        out["non_trainable_params"] = self.non_trainable_params
        out["line"] = self.line
        if self.layer is not None and self.layer.legacy:
            out["legacy"] = self.layer.legacy
        out["error"] = None if self.error is None else self.error.keras
        out["hint"] = None if self.error is None else self.error.hint
        out["notes"] = list(self.notes)
        return out


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
    _input_steps: int | None = field(default=None, repr=False)
    _ops: tuple[StepOp, ...] = field(default=(), repr=False)
    _parents: tuple[tuple[int, ...], ...] | None = field(default=None, repr=False)  # a graph's rows read

    @property
    def is_graph(self) -> bool:
        return self._parents is not None

    @property
    def sequential_like(self) -> bool:
        """Keras prints no "Connected to" column for a chain: one input, one inbound per layer, no fan-out.

        >>> summarize(Stack((Conv1D(filters=1, kernel_size=2),), (4, 1))).sequential_like
        True
        """
        if self._parents is None:
            return True
        readers: dict[int, int] = {}
        for parents in self._parents:
            if len(parents) > 1:
                return False
            for p in parents:
                readers[p] = readers.get(p, 0) + 1
        inputs = sum(1 for parents in self._parents if not parents)
        return inputs <= 1 and all(n <= 1 for n in readers.values())

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

    @property
    def listed_rows(self) -> tuple[LayerRow, ...]:
        """The rows ``model.summary()`` prints (``x + y`` operations are wired but not listed, as in Keras)."""
        return tuple(r for r in self.rows if r.listed)

    def to_json(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.listed_rows]

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
        if self._parents is not None:
            return self._graph_depends(index)
        steps = self._input_steps
        if steps is None or steps > fields.EXACT_MAX_STEPS:
            return None
        return compose_depends(self._ops[: index + 1], steps)

    def _graph_depends(self, index: int) -> NDArray[np.bool_] | None:
        """``input_steps`` in a graph: composed over every branch, relative to the first input."""
        assert self._parents is not None
        edges = self.edge_maps()
        first = next((k for k, op in enumerate(self._ops) if op.kind == "input"), None)
        first_map = None if first is None else edges[first][0]
        if first_map is None:
            return None
        steps = int(first_map.shape[0])
        dep: list[NDArray[np.int64] | None] = []
        for k in range(index + 1):
            if self._ops[k].kind == "input":
                m = edges[k][0]
                dep.append(None if m is None else (np.eye(m.shape[0], steps, dtype=np.int64) if k == first
                                                   else np.zeros((m.shape[0], steps), dtype=np.int64)))
                continue
            total: NDArray[np.int64] | None = None
            for p, m in zip(self._parents[k], edges[k], strict=True):
                prev = dep[p]
                if m is None or prev is None:
                    total = None
                    break
                part = (m.astype(np.int64) @ prev > 0).astype(np.int64)
                total = part if total is None else total | part
            dep.append(total)
        found = dep[index]
        return None if found is None else _frozen(found > 0)

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
        if self._parents is not None:
            return tuple(edges[0] if edges else None for edges in self.edge_maps())
        maps: list[NDArray[np.bool_] | None] = []
        steps = self._input_steps
        length = steps if steps is not None and steps <= fields.EXACT_MAX_STEPS else None
        ops = self._ops
        for k, row in enumerate(self.rows):
            op = ops[k] if k < len(ops) else None
            m: NDArray[np.bool_] | None = None
            if length is not None and op is not None and row.output_shape is not None:
                if op.kind == "window":
                    assert op.window is not None
                    if fields.window_fits(op.window, length):
                        m = np.asarray(receptive_field([op.window], length).depends, dtype=bool)
                elif op.kind == "pad":
                    m = fields.pad_map(length, op.left, op.right)
                elif op.kind == "same":
                    m = np.eye(length, dtype=bool)
                elif op.kind == "global":
                    m = np.ones((1, length), dtype=bool)
            if m is not None:
                m.setflags(write=False)
                length = int(m.shape[0])
            else:
                length = None
            maps.append(m)
        return tuple(maps)

    def edge_maps(self) -> tuple[tuple[NDArray[np.bool_] | None, ...], ...]:
        """Per row, one map per row it reads (``m[t, u]``: output ``t`` reads step ``u`` of that row).

        An input row of a graph has one map, the identity over its own steps.
        For a chain this is :meth:`step_maps`, one map per row.  ``None`` where
        steps do not map (see :meth:`step_maps`).
        """
        if self._parents is None:
            return tuple((m,) for m in self.step_maps())
        lengths: list[int | None] = []
        out: list[tuple[NDArray[np.bool_] | None, ...]] = []
        for k, row in enumerate(self.rows):
            op = self._ops[k]
            maps: list[NDArray[np.bool_] | None] = []
            length: int | None = None
            if op.kind == "input":
                steps = row.output_shape[1] if row.output_shape and len(row.output_shape) > 2 else None
                if isinstance(steps, int) and steps <= fields.EXACT_MAX_STEPS:
                    maps.append(_frozen(np.eye(steps, dtype=bool)))
                    length = steps
                else:
                    maps.append(None)
            else:
                for p in self._parents[k]:
                    m = _edge_map(op, lengths[p]) if row.output_shape is not None else None
                    maps.append(m)
                    if m is not None:
                        length = int(m.shape[0]) if length is None else length
                if any(m is None for m in maps):
                    length = None
            lengths.append(length)
            out.append(tuple(maps))
        return tuple(out)

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
        if self._parents is not None:
            return self._graph_cone(index, step)
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

    def _graph_cone(self, index: int, step: int | None) -> Cone | None:
        """:meth:`cone` through every branch of a graph, back to each input it reaches."""
        assert self._parents is not None
        edges = self.edge_maps()
        own = edges[index]
        if not own or own[0] is None:
            return None
        vecs: dict[int, NDArray[np.bool_]] = {index: _pick(own[0].shape[0], step, self.rows[index].name)}
        first_input: int | None = None
        for k in range(index, -1, -1):
            vec = vecs.get(k)
            if vec is None:
                continue
            if self._ops[k].kind == "input":
                first_input = k
                continue
            for p, m in zip(self._parents[k], edges[k], strict=True):
                if m is None:
                    return None
                reached = np.asarray(vec.astype(np.int64) @ m.astype(np.int64) > 0, dtype=bool)
                vecs[p] = reached if p not in vecs else (vecs[p] | reached)
        found = {self.rows[k].name: vecs[k] for k in sorted(vecs)}
        inputs = [k for k in sorted(vecs) if self._ops[k].kind == "input"]
        first_input = inputs[0] if inputs else first_input
        vector = vecs[first_input] if first_input is not None else np.zeros(0, dtype=bool)
        return Cone(self.rows[index].name, step, vector, found)

    def step_places(self) -> tuple[StepPlace | None, ...]:
        """Per row, where its output steps sit in stack-input coordinates (receptive field and jump).

        Output ``t`` of a row spans input steps ``start + t*jump`` to
        ``start + t*jump + size - 1`` (padding included); a global pooling
        row has one output spanning everything it reads.  ``None`` once steps
        no longer map to the input or are unknown.

        >>> from conv_core.stack import MaxPooling1D
        >>> s = summarize(Stack((Conv1D(filters=1, kernel_size=3), MaxPooling1D()), (10, 1)))
        >>> [(p.size, p.jump, p.start, p.steps) for p in s.step_places()]
        [(3, 1, 0, 8), (4, 2, 0, 4)]
        """
        if self._parents is not None:
            return self._graph_places()
        places: list[StepPlace | None] = []
        steps = self._input_steps
        place: StepPlace | None = None if steps is None else StepPlace(1, 1, 0, steps)
        ops = self._ops
        for k, row in enumerate(self.rows):
            op = ops[k] if k < len(ops) else None
            if place is None or op is None or row.output_shape is None:
                place = None
            elif op.kind == "window":
                assert op.window is not None
                after = FieldNumbers(place.size, place.jump, place.start).then(op.window, place.steps)
                assert after.start is not None  # the length is known
                place = StepPlace(after.size, after.jump, after.start, op.window.output_length(place.steps))
            elif op.kind == "pad":
                place = StepPlace(place.size, place.jump, place.start - op.left * place.jump,
                                  place.steps + op.left + op.right)
            elif op.kind == "global":
                size = place.size + (place.steps - 1) * place.jump
                place = StepPlace(size, size, place.start, 1)
            elif op.kind != "same":
                place = None
            places.append(place)
        return tuple(places)

    def _graph_places(self) -> tuple[StepPlace | None, ...]:
        assert self._parents is not None
        found = fields.graph_fields(self._ops, self._parents,
                                    [_steps_of(r.input_shape if r.input_shape else r.output_shape) for r in self.rows])
        first = next((k for k, op in enumerate(self._ops) if op.kind == "input"), None)
        places: list[StepPlace | None] = []
        for row, f in zip(self.rows, found, strict=True):
            rf = None if f is None or first is None else f.fields.get(first)
            out_steps = _steps_of(row.output_shape)
            if rf is None or rf.size is None or rf.start is None:
                places.append(None)
            elif rf.jump is None:  # global pooling: one output over its span
                places.append(StepPlace(rf.size, rf.size, rf.start, 1))
            elif out_steps is None:
                places.append(None)
            else:
                places.append(StepPlace(rf.size, rf.jump, rf.start, out_steps))
        return tuple(places)

    def format_table(self) -> str:
        """A ``model.summary()``-like table with receptive field and jump columns."""
        head: tuple[str, ...] = ("Layer (type)", "Output Shape", "Param #", "Receptive field", "Jump")
        connected = not self.sequential_like
        if connected:
            head = (*head, "Connected to")
        body = []
        shown = self.listed_rows
        for r in shown:
            rf = jump = ""
            if r.has_field:
                rf = "?" if r.receptive_field is None else str(r.receptive_field)
                jump = "-" if r.jump is None else str(r.jump)
                if r.output_shape is None:
                    rf = jump = ""
            params = "?" if r.params is None else f"{r.params:,}"
            shape = format_shape(r.output_shape)
            if r.more_outputs and r.output_shape is not None:
                shape = "[" + ", ".join(format_shape(o) for o in (r.output_shape, *r.more_outputs)) + "]"
            cells: tuple[str, ...] = (f"{r.name} ({r.class_name})", shape, params, rf, jump)
            body.append((*cells, r.connected_to) if connected else cells)
        widths = [max(len(row[i]) for row in (head, *body)) for i in range(len(head))]
        lines = [f'Model: "{self.stack.name}"']
        rule = "-" * (sum(widths) + 2 * 4)

        def fmt(row: Sequence[str]) -> str:
            cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
            cells += [row[i].rjust(widths[i]) for i in (2, 3, 4)]
            cells += [row[i] for i in range(5, len(row))]
            return "  ".join(cells).rstrip()

        lines += [rule, fmt(head), rule]
        for r, cells in zip(shown, body, strict=True):
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

# --- summary -------------------------------------------------------------------------------------

def summarize(stack: Stack) -> StackSummary:
    """Infer shapes and parameters layer by layer, as Keras builds the model.

    An error (Keras's message and a fix) is attached to the layer that raises
    it; the layers after it have unknown shapes, as Keras would not build them.

    >>> s = summarize(Stack((Conv1D(filters=100, kernel_size=4, padding="same"),), (50, 300)))
    >>> s.rows[0].output_shape, s.rows[0].params
    ((None, 50, 100), 120100)
    """
    if stack.inbound is not None:
        return _summarize_graph(stack)
    names = auto_names(stack.layers)
    batch: Dim = stack.batch_size
    shape: Shape | None = None if stack.input_shape is None else (batch, *stack.input_shape)
    rows: list[LayerRow] = []
    if stack.functional:
        rows.append(LayerRow(-1, "input_layer", "InputLayer", None, None, shape, 0 if shape else None,
                             0 if shape else None, 0 if shape else None))
    ops: list[StepOp] = []
    steps_in: list[int | None] = []
    layer_rows: list[int] = []
    current = shape
    for index, (layer, name) in enumerate(zip(stack.layers, names, strict=True)):
        if current is None:
            alone = layer.infer_without_input() if rows and rows[-1].error is not None else None
            if alone is None:
                rows.append(LayerRow(index, name, layer.class_name, layer, None, None, None, None, None))
                continue
            rows.append(LayerRow(index, name, layer.class_name, layer, None, alone.output_shape, alone.trainable,
                                 alone.trainable, alone.non_trainable))
            steps_in.append(None)
            ops.append(StepOp("end"))
            layer_rows.append(len(rows) - 1)
            current = alone.output_shape
            continue
        try:
            built = layer.infer(current, name)
        except ConvError as exc:
            rows.append(LayerRow(index, name, layer.class_name, layer, current, None, None, None, None,
                                 error=exc))
            current = None
            continue
        built = _frozen_weights(layer, built)
        params = None if built.trainable is None else built.trainable + built.non_trainable
        rows.append(LayerRow(index, name, layer.class_name, layer, current, built.output_shape, params,
                             built.trainable, built.non_trainable, notes=built.notes))
        s_ax = 1
        if isinstance(layer, (Conv1D, PoolingLayer, GlobalPoolingLayer, ZeroPadding1D)):
            s_ax = steps_channels_axes(normalize_data_format(layer.data_format))[0]
        steps_in.append(current[s_ax] if len(current) > s_ax else None)
        ops.append(steps_op(layer, current))
        layer_rows.append(len(rows) - 1)
        current = built.output_shape
    # Receptive fields, for the layers that built.
    for row_index, f in zip(layer_rows, row_fields(ops, steps_in), strict=True):
        row = rows[row_index]
        if row.has_field and f is not None:
            rows[row_index] = _with_field(row, f)

    for k in range(1, len(rows)):  # a chain: each layer reads the one before
        rows[k] = replace(rows[k], inputs=(rows[k - 1].name,), connected_to=f"{rows[k - 1].name}[0][0]")

    def total(attr: str) -> int | None:
        values = [getattr(r, attr) for r in rows]
        return None if any(v is None for v in values) or shape is None else sum(values)

    # The functional input row keeps every step.
    row_ops = ([StepOp("same")] if stack.functional else []) + ops
    return StackSummary(
        stack, shape, tuple(rows), total("params"), total("trainable_params"),
        total("non_trainable_params"), steps_in[0] if steps_in else None, tuple(row_ops),
    )


def _summarize_graph(stack: Stack) -> StackSummary:
    """:func:`summarize` for a graph: each layer built on the tensors it reads, in ``stack.layers`` order."""
    assert stack.inbound is not None
    names = stack.layer_names()
    position = {n: k for k, n in enumerate(names)}
    rows: list[LayerRow] = []
    ops: list[StepOp] = []
    parents: list[tuple[int, ...]] = []
    steps_in: list[int | None] = []
    outputs: dict[str, tuple[Shape, ...] | None] = {}
    for index, (layer, name, inbound) in enumerate(zip(stack.layers, names, stack.inbound, strict=True)):
        reads = tuple(i.layer for i in inbound)
        parents.append(tuple(position[r] for r in reads if r in position and position[r] < index))
        shapes: list[Shape] | None = []
        for i in inbound:
            got = outputs.get(i.layer)
            if got is None or i.tensor >= len(got):
                shapes = None
                break
            assert shapes is not None
            shapes.append(got[i.tensor])
        wired = connected_to(inbound)
        first_in = shapes[0] if shapes else None
        alone = layer.infer_without_input() if shapes is None and len(inbound) == 1 else None
        if alone is not None:
            rows.append(LayerRow(index, name, layer.class_name, layer, None, alone.output_shape, alone.trainable,
                                 alone.trainable, alone.non_trainable, inputs=reads, connected_to=wired))
            outputs[name] = alone.output_shapes
            ops.append(StepOp("end"))
            steps_in.append(None)
            continue
        if shapes is None or (len(inbound) != len(parents[-1])):
            rows.append(LayerRow(index, name, layer.class_name, layer, None, None, None, None, None, inputs=reads,
                                 connected_to=wired))
            outputs[name] = None
            ops.append(StepOp("end"))
            steps_in.append(None)
            continue
        try:
            built = layer.infer_many(shapes, name)
        except ConvError as exc:
            rows.append(LayerRow(index, name, layer.class_name, layer, first_in, None, None, None, None,
                                 error=exc, inputs=reads, connected_to=wired))
            outputs[name] = None
            ops.append(StepOp("end"))
            steps_in.append(None)
            continue
        built = _frozen_weights(layer, built)
        params = None if built.trainable is None else built.trainable + built.non_trainable
        rows.append(LayerRow(index, name, layer.class_name, layer, first_in, built.output_shape, params,
                             built.trainable, built.non_trainable, notes=built.notes,
                             more_outputs=built.more_outputs, inputs=reads, connected_to=wired))
        outputs[name] = built.output_shapes
        ops.append(steps_op(layer, first_in if first_in is not None else built.output_shape))
        steps_in.append(_steps_of(built.output_shape if first_in is None else first_in, layer))
    found = fields.graph_fields(ops, parents, steps_in)
    first = next((k for k, op in enumerate(ops) if op.kind == "input"), None)
    for k, f in enumerate(found):
        row = rows[k]
        if f is None or not row.has_field or row.output_shape is None:
            continue
        own = f.fields.get(first) if first is not None else None
        if own is None and len(f.fields) == 1:
            own = next(iter(f.fields.values()))
        branches = tuple((rows[p].name, b) for p, b in f.branches)
        disagree = len({b for _, b in branches}) > 1
        notes = row.notes
        if disagree:
            parts = ", ".join(f"{b}: {'?' if field is None else field.size}" for b, field in branches)
            notes = (*notes, note("branches_disagree", parts=parts))
        rows[k] = replace(row, receptive_field=None if own is None else own.size,
                          jump=None if own is None else own.jump, start=None if own is None else own.start,
                          branches=branches if disagree else (), notes=notes)

    def total(attr: str) -> int | None:
        values = [getattr(r, attr) for r in rows]
        return None if any(v is None for v in values) else sum(values)

    return StackSummary(stack, rows[0].output_shape if rows else None, tuple(rows), total("params"),
                        total("trainable_params"), total("non_trainable_params"),
                        steps_in[first] if first is not None else None, tuple(ops), tuple(parents))


def _frozen_weights(layer: Layer, built: Built) -> Built:
    """``trainable=False``: every weight of the layer counts as non-trainable, as in Keras."""
    if layer.trainable is not False or built.trainable is None:
        return built
    return replace(built, trainable=0, non_trainable=built.trainable + built.non_trainable)


def _steps_of(shape: Shape | None, layer: Layer | None = None) -> int | None:
    """The steps axis of a 3-D shape with the batch (``None`` for other ranks)."""
    if shape is None or len(shape) != 3:
        return None
    fmt = getattr(layer, "data_format", None)
    axis = steps_channels_axes(normalize_data_format(fmt))[0] if fmt is not None else 1
    return shape[axis]


def _frozen(m: NDArray[Any]) -> NDArray[Any]:
    m.setflags(write=False)
    return m


def _pick(size: int, step: int | None, name: str) -> NDArray[np.bool_]:
    vec = np.zeros(size, dtype=bool)
    if step is None:
        vec[:] = True
    elif 0 <= step < size:
        vec[step] = True
    else:
        raise IndexError(f"layer {name!r} has {size} output steps, not step {step}")
    return vec


def _edge_map(op: StepOp, length: int | None) -> NDArray[np.bool_] | None:
    """``m[t, u]`` of one layer on ``length`` input steps (``None`` when the steps do not map)."""
    if length is None:
        return None
    if op.kind == "window":
        assert op.window is not None
        if not fields.window_fits(op.window, length):
            return None
        return _frozen(np.asarray(receptive_field([op.window], length).depends, dtype=bool))
    if op.kind == "pad":
        return _frozen(fields.pad_map(length, op.left, op.right))
    if op.kind in ("same", "merge"):
        return _frozen(np.eye(length, dtype=bool))
    if op.kind == "global":
        return _frozen(np.ones((1, length), dtype=bool))
    return None


def _with_field(row: LayerRow, f: RowField) -> LayerRow:
    return replace(row, receptive_field=f.size, jump=f.jump, start=f.start)
