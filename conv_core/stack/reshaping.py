"""Layers that move values between axes or steps: UpSampling1D, Cropping1D, Reshape, Permute, RepeatVector.

None has parameters.  ``None`` steps stay ``None`` where Keras keeps them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import KerasValueError
from .errors import input_ndim_error
from .layers import Built, Layer, _non_default
from .shape import Dim, Shape, format_shape

__all__ = ["Cropping1D", "Permute", "RepeatVector", "Reshape", "UpSampling1D"]


def _whole(layer: str, arg: str, value: Any, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise KerasValueError(
            f"Argument `{arg}` should be a positive integer. Received: {arg}={value}",
            f"{layer} needs {arg} as a whole number of {minimum} or more.",
            code="stack_whole_argument", values={"layer": layer, "argument": arg, "value": value})
    return value


@dataclass(frozen=True, kw_only=True)
class UpSampling1D(Layer):
    """``keras.layers.UpSampling1D``: every step repeated ``size`` times.

    >>> UpSampling1D(size=2).infer((None, 25, 8), "u").output_shape
    (None, 50, 8)
    """

    size: Any = 2
    keras_class: ClassVar[str] = "UpSampling1D"
    step_kind: ClassVar[str | None] = "end"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("size",), {"size": 2})

    def infer(self, shape: Shape, name: str) -> Built:
        size = _whole(self.keras_class, "size", self.size)
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        steps = shape[1]
        return Built((shape[0], None if steps is None else steps * size, shape[2]), 0)


@dataclass(frozen=True, kw_only=True)
class Cropping1D(Layer):
    """``keras.layers.Cropping1D``: ``cropping`` steps cut from both ends (or ``(start, end)``).

    >>> Cropping1D(cropping=(2, 1)).infer((None, 10, 3), "c").output_shape
    (None, 7, 3)
    """

    cropping: Any = (1, 1)
    keras_class: ClassVar[str] = "Cropping1D"
    step_kind: ClassVar[str | None] = "crop"

    def amounts(self) -> tuple[int, int]:
        value = self.cropping
        pair = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
        if len(pair) != 2 or any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in pair):
            raise KerasValueError(
                "The `cropping` argument must be a tuple of 2 integers. Received "
                f"cropping={tuple(pair) if isinstance(value, (tuple, list)) else value}"
                + "".join(f", including values {{{v}}} that do not satisfy `value >= 0`"
                          for v in [v for v in pair if isinstance(v, int) and not isinstance(v, bool) and v < 0][:1]),
                "Cropping1D takes a number of steps to cut from both ends, or (start, end).",
                code="stack_cropping", values={"cropping": value})
        return (int(pair[0]), int(pair[1]))

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("cropping",), {"cropping": (1, 1)})

    def infer(self, shape: Shape, name: str) -> Built:
        left, right = self.amounts()
        if len(shape) != 3:
            raise input_ndim_error(name, shape, "ndim=3")
        steps = shape[1]
        if steps is not None and steps - left - right <= 0:
            raise KerasValueError(
                f"`cropping` parameter of `Cropping1D` layer must be smaller than the input length. Received: "
                f"input_shape={format_shape(shape)}, cropping={(left, right)}",
                f"The input has {steps} steps; cut fewer than that.",
                code="stack_cropping_long", values={"steps": steps, "cropping": (left, right)})
        return Built((shape[0], None if steps is None else steps - left - right, shape[2]), 0)


@dataclass(frozen=True, kw_only=True)
class Reshape(Layer):
    """``keras.layers.Reshape``: the same values in ``target_shape`` (no batch; one ``-1`` is worked out).

    >>> Reshape(target_shape=(-1, 1)).infer((None, 60), "r").output_shape
    (None, 60, 1)
    """

    target_shape: Any
    keras_class: ClassVar[str] = "Reshape"
    step_kind: ClassVar[str | None] = "end"

    def keras_args(self) -> dict[str, Any]:
        return {"target_shape": self.target_shape}

    def infer(self, shape: Shape, name: str) -> Built:
        target = self.target_shape
        if isinstance(target, int) and not isinstance(target, bool):
            target = (target,)
        if (not isinstance(target, (tuple, list))
                or any(isinstance(v, bool) or not isinstance(v, int) or v == 0 or v < -1 for v in target)
                or list(target).count(-1) > 1):
            raise KerasValueError(
                f"Invalid `target_shape`: {target}. It should be a tuple of positive integers, with at most "
                "one -1 (the size worked out from the others).",
                "Give target_shape without the batch, e.g. Reshape((60, 1)).",
                code="stack_reshape_target", values={"target_shape": target})
        known = [v for v in shape[1:]]
        total = None if any(v is None for v in known) else math.prod(v for v in known if v is not None)
        fixed = math.prod(v for v in target if v != -1)
        out: list[Dim] = list(target)
        if -1 in target:
            if total is None:
                out[target.index(-1)] = None
            elif total % fixed:
                raise self._mismatch(shape, target)
            else:
                out[target.index(-1)] = total // fixed
        elif total is not None and total != fixed:
            raise self._mismatch(shape, target)
        return Built((shape[0], *out), 0)

    def infer_without_input(self) -> Built | None:
        """A target shape without ``-1`` does not depend on the input: known even after a Lambda.

        >>> Reshape(target_shape=(60, 1)).infer_without_input().output_shape
        (None, 60, 1)
        """
        target = self.target_shape
        if isinstance(target, (tuple, list)) and all(isinstance(v, int) and not isinstance(v, bool) and v > 0
                                                     for v in target):
            return Built((None, *target), 0)
        return None

    def _mismatch(self, shape: Shape, target: Any) -> KerasValueError:
        return KerasValueError(
            "The total size of the tensor must be unchanged. Received: input_shape="
            f"{format_shape(shape[1:])}, target_shape={tuple(target)}",
            "Reshape keeps every value: the sizes in target_shape must multiply to the input's size.",
            code="stack_reshape_size", values={"shape": shape, "target_shape": target})


@dataclass(frozen=True, kw_only=True)
class Permute(Layer):
    """``keras.layers.Permute``: axes reordered (``dims`` counts from 1, the batch is left out).

    >>> Permute(dims=(2, 1)).infer((None, 50, 8), "p").output_shape
    (None, 8, 50)
    """

    dims: Any
    keras_class: ClassVar[str] = "Permute"
    step_kind: ClassVar[str | None] = "end"

    def keras_args(self) -> dict[str, Any]:
        return {"dims": self.dims}

    def infer(self, shape: Shape, name: str) -> Built:
        dims = self.dims
        if not isinstance(dims, (tuple, list)) or sorted(dims) != list(range(1, len(dims) + 1)):
            raise KerasValueError(
                f"Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be "
                f"consecutive and start from 1. Received dims={dims}",
                "dims lists the axes after the batch in their new order, from 1: Permute((2, 1)).",
                code="stack_permute_dims", values={"dims": dims})
        if len(dims) != len(shape) - 1:
            raise input_ndim_error(name, shape, f"ndim={len(dims) + 1}")
        return Built((shape[0], *(shape[d] for d in dims)), 0)


@dataclass(frozen=True, kw_only=True)
class RepeatVector(Layer):
    """``keras.layers.RepeatVector``: ``(batch, features)`` to ``(batch, n, features)``.

    >>> RepeatVector(n=30).infer((None, 64), "r").output_shape
    (None, 30, 64)
    """

    n: Any
    keras_class: ClassVar[str] = "RepeatVector"
    step_kind: ClassVar[str | None] = "end"

    def keras_args(self) -> dict[str, Any]:
        return {"n": self.n}

    def infer(self, shape: Shape, name: str) -> Built:
        n = _whole(self.keras_class, "n", self.n)
        if len(shape) != 2:
            raise input_ndim_error(name, shape, "ndim=2")
        return Built((shape[0], n, shape[1]), 0)
