"""Layers that keep the shape and every step: noise, normalisation, activation layers, masking.

Each output step reads the same input step, so receptive fields pass through
unchanged.  Only LayerNormalization and PReLU have parameters.

Notes
-----
* ``LayerNormalization``: ``C`` (gamma) ``+ C`` (beta) over the normalised axis;
* ``PReLU``: one ``alpha`` per value of the input without the batch, one
  per group along ``shared_axes`` (1-based): ``(steps, C)`` by default.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import KerasValueError
from .errors import check_rate, undefined_dim_error
from .layers import Built, Layer, _non_default
from .shape import Shape, format_shape

__all__ = ["ELU", "GaussianDropout", "GaussianNoise", "LayerNormalization", "LeakyReLU", "Masking", "PReLU",
           "ReLU", "Softmax"]


@dataclass(frozen=True, kw_only=True)
class _SameShape(Layer):
    """A layer whose output is its input's shape, without parameters."""

    step_kind: ClassVar[str | None] = "same"
    _defaults: ClassVar[dict[str, Any]] = {}

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, tuple(self._defaults), self._defaults)

    def check(self) -> None:
        """Keras's argument checks (none by default)."""

    def infer(self, shape: Shape, name: str) -> Built:
        self.check()
        return Built(shape, 0)


@dataclass(frozen=True, kw_only=True)
class GaussianNoise(_SameShape):
    """``keras.layers.GaussianNoise``: adds noise in training; the identity at inference."""

    stddev: Any
    keras_class: ClassVar[str] = "GaussianNoise"

    def keras_args(self) -> dict[str, Any]:
        return {"stddev": self.stddev}


@dataclass(frozen=True, kw_only=True)
class GaussianDropout(_SameShape):
    """``keras.layers.GaussianDropout``: multiplicative noise in training; the identity at inference."""

    rate: Any
    keras_class: ClassVar[str] = "GaussianDropout"

    def keras_args(self) -> dict[str, Any]:
        return {"rate": self.rate}

    def check(self) -> None:
        check_rate(self.rate)


@dataclass(frozen=True, kw_only=True)
class Masking(_SameShape):
    """``keras.layers.Masking``: marks steps equal to ``mask_value`` as padding for later layers."""

    mask_value: Any = 0.0
    keras_class: ClassVar[str] = "Masking"
    _defaults: ClassVar[dict[str, Any]] = {"mask_value": 0.0}


@dataclass(frozen=True, kw_only=True)
class ReLU(_SameShape):
    """``keras.layers.ReLU``."""

    max_value: Any = None
    negative_slope: Any = 0.0
    threshold: Any = 0.0
    keras_class: ClassVar[str] = "ReLU"
    _defaults: ClassVar[dict[str, Any]] = {"max_value": None, "negative_slope": 0.0, "threshold": 0.0}

    def check(self) -> None:
        for arg in ("max_value", "negative_slope", "threshold"):
            value = getattr(self, arg)
            if value is None and arg == "max_value":
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise KerasValueError(
                    f"{arg} of a ReLU layer cannot be a negative value. Received: {arg}={value}",
                    f"Give {arg} as a number of 0 or more.", code="stack_relu_argument",
                    values={"argument": arg, "value": value})


@dataclass(frozen=True, kw_only=True)
class LeakyReLU(_SameShape):
    """``keras.layers.LeakyReLU`` (``alpha=`` is the Keras 2 name of ``negative_slope``)."""

    negative_slope: Any = 0.3
    keras_class: ClassVar[str] = "LeakyReLU"
    _defaults: ClassVar[dict[str, Any]] = {"negative_slope": 0.3}


@dataclass(frozen=True, kw_only=True)
class ELU(_SameShape):
    """``keras.layers.ELU``."""

    alpha: Any = 1.0
    keras_class: ClassVar[str] = "ELU"
    _defaults: ClassVar[dict[str, Any]] = {"alpha": 1.0}


@dataclass(frozen=True, kw_only=True)
class Softmax(_SameShape):
    """``keras.layers.Softmax`` over ``axis``."""

    axis: Any = -1
    keras_class: ClassVar[str] = "Softmax"
    _defaults: ClassVar[dict[str, Any]] = {"axis": -1}


@dataclass(frozen=True, kw_only=True)
class PReLU(Layer):
    """``keras.layers.PReLU``: a learned slope per value (shared along ``shared_axes``).

    >>> PReLU().infer((None, 50, 8), "p").trainable, PReLU(shared_axes=[1]).infer((None, 50, 8), "p").trainable
    (400, 8)
    """

    shared_axes: Any = None
    keras_class: ClassVar[str] = "PReLU"
    step_kind: ClassVar[str | None] = "same"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("shared_axes",), {"shared_axes": None})

    def infer(self, shape: Shape, name: str) -> Built:
        axes = self.shared_axes
        if isinstance(axes, int) and not isinstance(axes, bool):
            axes = [axes]
        param = list(shape[1:])
        for axis in axes or ():
            if isinstance(axis, bool) or not isinstance(axis, int) or not 1 <= axis < len(shape):
                raise KerasValueError(
                    f"Invalid shared_axes {self.shared_axes} for input of shape {format_shape(shape)}",
                    "shared_axes counts the axes after the batch from 1: shared_axes=[1] shares over the steps.",
                    code="stack_prelu_axes", values={"shared_axes": self.shared_axes})
            param[axis - 1] = 1
        if any(v is None for v in param):
            raise undefined_dim_error(name, "alpha", tuple(param))
        return Built(shape, math.prod(v for v in param if v is not None))


@dataclass(frozen=True, kw_only=True)
class LayerNormalization(Layer):
    """``keras.layers.LayerNormalization`` over ``axis`` (the channels): ``2*C`` parameters.

    >>> LayerNormalization().infer((None, 50, 8), "n").trainable
    16
    """

    axis: Any = -1
    epsilon: Any = 0.001
    center: Any = True
    scale: Any = True
    keras_class: ClassVar[str] = "LayerNormalization"
    step_kind: ClassVar[str | None] = "same"

    def keras_args(self) -> dict[str, Any]:
        return _non_default(self, ("axis", "epsilon", "center", "scale"),
                            {"axis": -1, "epsilon": 0.001, "center": True, "scale": True})

    def infer(self, shape: Shape, name: str) -> Built:
        axes = self.axis if isinstance(self.axis, (tuple, list)) else [self.axis]
        size = 1
        for axis in axes:
            if isinstance(axis, bool) or not isinstance(axis, int) or not -len(shape) <= axis < len(shape):
                raise KerasValueError(
                    f"Invalid axis: {axis} for input of shape {format_shape(shape)}",
                    "axis is the axis to normalise, -1 (the channels) almost always.",
                    code="stack_bn_axis", values={"axis": axis})
            dim = shape[axis]
            if dim is None:
                raise undefined_dim_error(name, "gamma", (None,))
            size *= dim
        return Built(shape, size * (int(bool(self.center)) + int(bool(self.scale))))
