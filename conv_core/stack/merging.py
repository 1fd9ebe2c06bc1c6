"""Layers that read several tensors: the merges (Concatenate, Add, ...), Dot, Attention, MultiHeadAttention.

Their :meth:`infer_many` takes the shapes of every tensor they read, in the
order of the call.  Element-wise merges broadcast as Keras does; at a merge
over the channels, output step ``t`` reads step ``t`` of every branch (its
receptive field is the union of theirs, :func:`conv_core.stack.fields.graph_fields`).

Notes
-----
MultiHeadAttention's parameters, ``h`` heads, ``kd``/``vd`` the key and value
sizes, ``Cq``, ``Ck``, ``Cv`` the channels of query, key and value, ``Co`` the
output size (``Cq`` unless ``output_shape`` is given), biases when ``use_bias``::

    Cq*h*kd + h*kd  +  Ck*h*kd + h*kd  +  Cv*h*vd + h*vd  +  h*vd*Co + Co
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import KerasTypeError, KerasValueError
from .errors import undefined_dim_error
from .layers import Built, Layer, _non_default
from .shape import Dim, Shape

__all__ = ["Add", "Attention", "Average", "Concatenate", "Dot", "Maximum", "MergeLayer", "Minimum",
           "MultiHeadAttention", "Multiply", "Subtract", "TensorOperation"]


def _shape_text(shape: Sequence[Dim]) -> str:
    return repr(tuple(shape))


@dataclass(frozen=True, kw_only=True)
class MergeLayer(Layer):
    """An element-wise merge of several tensors (``Add``, ``Multiply``, ...), broadcasting as Keras does."""

    step_kind: ClassVar[str | None] = "merge"
    reports_field: ClassVar[bool] = True
    exactly: ClassVar[int | None] = None

    def infer(self, shape: Shape, name: str) -> Built:
        return self.infer_many([shape], name)

    def infer_many(self, shapes: Sequence[Shape], name: str) -> Built:
        if self.exactly is not None and len(shapes) != self.exactly:
            raise KerasValueError(
                f"A `{self.keras_class}` layer should be called on exactly {self.exactly} inputs. "
                f"Received: input_shape={[tuple(s) for s in shapes]}",
                f"{self.keras_class} takes [a, b].", code="stack_merge_count",
                values={"layer": self.keras_class, "count": len(shapes)})
        if not shapes:
            raise KerasValueError(
                "A merge layer should be called on a list of at least 1 input. Received 0 inputs. "
                "Full input_shape received: []", "Pass a list of tensors: Add()([a, b]).",
                code="stack_merge_count", values={"layer": self.keras_class, "count": 0})
        out: Sequence[Dim] = shapes[0][1:]
        for other in shapes[1:]:
            out = _broadcast(tuple(out), tuple(other[1:]))
        return Built((shapes[0][0], *out), 0)


def _broadcast(shape1: tuple[Dim, ...], shape2: tuple[Dim, ...]) -> tuple[Dim, ...]:
    """Keras's ``_compute_elemwise_op_output_shape`` (shapes without the batch)."""
    if len(shape1) < len(shape2):
        return _broadcast(shape2, shape1)
    if not shape2:
        return shape1
    out: list[Dim] = list(shape1[: -len(shape2)])
    for i, j in zip(shape1[-len(shape2):], shape2, strict=True):
        if i is None or j is None:
            out.append(None)
        elif i == 1:
            out.append(j)
        elif j == 1 or i == j:
            out.append(i)
        else:
            raise KerasValueError(
                f"Inputs have incompatible shapes. Received shapes {_shape_text(shape1)} and {_shape_text(shape2)}",
                "The branches merged here must have the same shape: give them the same number of steps "
                "(padding='same', or the same pooling) and the same number of channels.",
                code="stack_merge_shapes", values={"shapes": (shape1, shape2)})
    return tuple(out)


@dataclass(frozen=True, kw_only=True)
class Add(MergeLayer):
    """``keras.layers.Add`` (and ``add([...])``)."""

    keras_class: ClassVar[str] = "Add"


@dataclass(frozen=True, kw_only=True)
class Subtract(MergeLayer):
    """``keras.layers.Subtract``: exactly two inputs."""

    keras_class: ClassVar[str] = "Subtract"
    exactly: ClassVar[int | None] = 2


@dataclass(frozen=True, kw_only=True)
class Multiply(MergeLayer):
    """``keras.layers.Multiply``."""

    keras_class: ClassVar[str] = "Multiply"


@dataclass(frozen=True, kw_only=True)
class Average(MergeLayer):
    """``keras.layers.Average``."""

    keras_class: ClassVar[str] = "Average"


@dataclass(frozen=True, kw_only=True)
class Maximum(MergeLayer):
    """``keras.layers.Maximum``."""

    keras_class: ClassVar[str] = "Maximum"


@dataclass(frozen=True, kw_only=True)
class Minimum(MergeLayer):
    """``keras.layers.Minimum``."""

    keras_class: ClassVar[str] = "Minimum"


@dataclass(frozen=True, kw_only=True)
class Concatenate(MergeLayer):
    """``keras.layers.Concatenate`` along ``axis`` (the channels by default).

    >>> Concatenate().infer_many([(None, 50, 8), (None, 50, 4)], "c").output_shape
    (None, 50, 12)
    """

    axis: Any = -1
    keras_class: ClassVar[str] = "Concatenate"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("axis",), {"axis": -1})

    @property
    def joins_steps(self) -> bool:
        """Concatenating along the steps (``axis=1``): the output steps are the branches' steps one after another."""
        return self.axis in (1, -2)

    def infer_many(self, shapes: Sequence[Shape], name: str) -> Built:
        if not shapes:
            return super().infer_many(shapes, name)
        rank = len(shapes[0])
        axis = self.axis
        if isinstance(axis, bool) or not isinstance(axis, int) or not -rank <= axis < rank:
            raise self._mismatch(shapes)
        axis %= rank
        if any(len(s) != rank for s in shapes):
            raise self._mismatch(shapes)
        out: list[Dim] = list(shapes[0])
        for other in shapes[1:]:
            for k in range(1, rank):
                if k == axis:
                    continue
                if out[k] is not None and other[k] is not None and out[k] != other[k]:
                    raise self._mismatch(shapes)
                if out[k] is None:
                    out[k] = other[k]
            a, b = out[axis], other[axis]
            out[axis] = None if a is None or b is None else a + b
        return Built(tuple(out), 0)

    def _mismatch(self, shapes: Sequence[Shape]) -> KerasValueError:
        return KerasValueError(
            "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. "
            f"Received: input_shape={[tuple(s) for s in shapes]}",
            "Concatenate joins channels: the branches must have the same number of steps (padding='same', "
            "or a global pooling on each branch first).",
            code="stack_concatenate_shapes", values={"shapes": tuple(shapes)})


@dataclass(frozen=True, kw_only=True)
class Dot(MergeLayer):
    """``keras.layers.Dot``: dot products of two tensors along ``axes``.

    >>> Dot(axes=1).infer_many([(None, 8), (None, 8)], "d").output_shape
    (None, 1)
    """

    axes: Any
    normalize: Any = False
    keras_class: ClassVar[str] = "Dot"
    exactly: ClassVar[int | None] = 2
    step_kind: ClassVar[str | None] = "end"
    reports_field: ClassVar[bool] = False

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("axes", "normalize"), {"normalize": False})

    def infer_many(self, shapes: Sequence[Shape], name: str) -> Built:
        if len(shapes) != 2:
            return super().infer_many(shapes, name)
        shape1, shape2 = list(shapes[0]), list(shapes[1])
        axes = self.axes
        if isinstance(axes, int) and not isinstance(axes, bool):
            axes = [axes % len(shape1), axes % len(shape2)] if axes < 0 else [axes, axes]
        if (not isinstance(axes, (tuple, list)) or len(axes) != 2
                or not all(isinstance(a, int) and -len(s) <= a < len(s) for a, s in zip(axes, (shape1, shape2),
                                                                                            strict=True))):
            raise KerasTypeError(
                f"Invalid type for argument `axes`: it should be a list or an int. Received: axes={self.axes}",
                "axes is one axis, or a pair of axes.", code="stack_dot_axes", values={"axes": self.axes})
        a, b = shape1[axes[0]], shape2[axes[1]]
        if a is not None and b is not None and a != b:
            raise KerasValueError(
                f"Incompatible input shapes: axis values {a} (at axis {axes[0]}) != {b} (at axis {axes[1]}). "
                f"Full input shapes: {tuple(shape1)}, {tuple(shape2)}",
                "Dot multiplies along one axis of each input: those axes must have the same size.",
                code="stack_dot_shapes", values={"shapes": (shape1, shape2)})
        shape1.pop(axes[0])
        shape2.pop(axes[1])
        shape2.pop(0)
        out = shape1 + shape2
        if len(out) == 1:
            out.append(1)
        return Built(tuple(out), 0)


@dataclass(frozen=True, kw_only=True)
class Attention(Layer):
    """``keras.layers.Attention`` (dot-product attention), called on ``[query, value]`` or ``[query, value, key]``.

    >>> Attention().infer_many([(None, 20, 16), (None, 30, 16)], "a").output_shape
    (None, 20, 16)
    """

    use_scale: Any = False
    score_mode: Any = "dot"
    keras_class: ClassVar[str] = "Attention"
    step_kind: ClassVar[str | None] = "end"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("use_scale", "score_mode"), {"use_scale": False, "score_mode": "dot"})

    def infer_many(self, shapes: Sequence[Shape], name: str) -> Built:
        if self.score_mode not in ("dot", "concat"):
            raise KerasValueError(
                f"Invalid value for argument score_mode. Expected one of {{'dot', 'concat'}}. "
                f"Received: score_mode={self.score_mode}", "score_mode is 'dot' or 'concat'.",
                code="stack_attention_score", values={"score_mode": self.score_mode})
        if len(shapes) not in (2, 3):
            raise KerasValueError(
                "Attention layer accepts inputs list of length 2 or 3, namely [query, value] or "
                f"[query, value, key]. Received length: {len(shapes)}.",
                "Call it on [query, value]: Attention()([x, x]) for self-attention.",
                code="stack_attention_inputs", values={"count": len(shapes)})
        query, value = shapes[0], shapes[1]
        params = int(bool(self.use_scale)) + int(self.score_mode == "concat")
        return Built((*query[:-1], value[-1]), params)


@dataclass(frozen=True, kw_only=True)
class MultiHeadAttention(Layer):
    """``keras.layers.MultiHeadAttention``, called as ``mha(query, value)`` or ``mha(query, value, key)``.

    >>> MultiHeadAttention(num_heads=2, key_dim=8).infer_many([(None, 20, 16), (None, 20, 16)], "m").trainable
    1088
    """

    num_heads: Any
    key_dim: Any
    value_dim: Any = None
    dropout: Any = 0.0
    use_bias: Any = True
    output_shape: Any = None
    keras_class: ClassVar[str] = "MultiHeadAttention"
    step_kind: ClassVar[str | None] = "end"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"),
                            {"value_dim": None, "dropout": 0.0, "use_bias": True, "output_shape": None})

    def infer(self, shape: Shape, name: str) -> Built:
        return self.infer_many([shape, shape], name)

    def infer_many(self, shapes: Sequence[Shape], name: str) -> Built:
        for arg in ("num_heads", "key_dim"):
            value = getattr(self, arg)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise KerasValueError(
                    f"Received an invalid value for argument `{arg}`, expected a positive integer. "
                    f"Received: {arg}={value}",
                    f"MultiHeadAttention needs {arg} as a whole number of 1 or more.",
                    code="stack_mha_argument", values={"argument": arg, "value": value})
        if len(shapes) == 1:
            shapes = [shapes[0], shapes[0]]
        if len(shapes) not in (2, 3):
            raise KerasValueError(
                f"Layer '{name}' expects query, value and optionally key, but it received {len(shapes)} tensors.",
                "Call it as mha(query, value), e.g. mha(x, x) for self-attention.",
                code="stack_input_count", values={"layer": name, "count": len(shapes)})
        query, value = shapes[0], shapes[1]
        key = shapes[2] if len(shapes) == 3 else value
        heads, kd = self.num_heads, self.key_dim
        vd = self.value_dim if isinstance(self.value_dim, int) and not isinstance(self.value_dim, bool) else kd
        cq, ck, cv = query[-1], key[-1], value[-1]
        if cq is None or ck is None or cv is None:
            raise undefined_dim_error(name, "query/kernel", (cq, heads, kd))
        out_shape = self.output_shape
        if isinstance(out_shape, int) and not isinstance(out_shape, bool):
            out_shape = (out_shape,)
        co_shape: tuple[int, ...] = tuple(out_shape) if isinstance(out_shape, (tuple, list)) else (cq,)
        co = 1
        for v in co_shape:
            co *= v
        bias = bool(self.use_bias)
        params = (cq * heads * kd + (heads * kd if bias else 0) + ck * heads * kd + (heads * kd if bias else 0)
                  + cv * heads * vd + (heads * vd if bias else 0) + heads * vd * co + (co if bias else 0))
        return Built((*query[:-1], *co_shape), params)


_OPERATIONS = {"add": "Add", "subtract": "Subtract", "multiply": "Multiply"}


@dataclass(frozen=True, kw_only=True)
class TensorOperation(MergeLayer):
    """``x + y``, ``x - y``, ``x * y`` (or a number) on tensors: a Keras operation, not a layer.

    Keras 3 names it (``add``, ``subtract``, ``multiply``: the same counters as the layers) and the
    layers after it read it, but ``model.summary()`` and ``model.layers`` do not list it
    (:attr:`listed` is False); it has no parameters.

    >>> TensorOperation(op="add").infer_many([(None, 5, 2), (None, 5, 2)], "add").output_shape
    (None, 5, 2)
    """

    op: str = "add"
    keras_class: ClassVar[str] = "Operation"
    listed: ClassVar[bool] = False
    reports_field: ClassVar[bool] = False

    @property
    def class_name(self) -> str:
        return _OPERATIONS.get(self.op, "Operation")

    def keras_call(self) -> str:
        sign = {"add": "+", "subtract": "-", "multiply": "*"}.get(self.op, "?")
        return f"x {sign} y"
