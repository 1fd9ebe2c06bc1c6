"""Keras 3 activations, by name, with Keras's formulas.

Notes
-----
``None`` and ``"linear"`` are the identity.  ``relu = max(0, x)``;
``sigmoid = 1/(1 + e^-x)``; ``elu = x if x > 0 else e^x - 1``;
``selu = 1.0507009873554805 * elu(x, alpha=1.6732632423543772)``;
``softplus = log(1 + e^x)``; ``softsign = x/(|x| + 1)``;
``swish = silu = x * sigmoid(x)``; ``gelu = x/2 * (1 + erf(x/sqrt(2)))``
(Keras 3's default ``approximate=False``); ``exponential = e^x``;
``hard_sigmoid = clip(x/6 + 1/2, 0, 1)`` (Keras 3; Keras 2 used ``0.2x + 0.5``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal, get_args

import numpy as np
from numpy.typing import NDArray

from .errors import KerasValueError

__all__ = [
    "ACTIVATIONS",
    "KERAS_ACTIVATIONS",
    "ActivationName",
    "activation_names",
    "apply_activation",
    "normalize_activation",
]

Array = NDArray[np.floating]

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946
_erf = np.frompyfunc(math.erf, 1, 1)


def _linear(x: Array) -> Array:
    return x


def _relu(x: Array) -> Array:
    return np.maximum(x, 0).astype(x.dtype, copy=False)


def _sigmoid(x: Array) -> Array:
    # Stable for large |x|: exp never overflows.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype, copy=False)


def _tanh(x: Array) -> Array:
    return np.tanh(x)


def _elu(x: Array) -> Array:
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0))).astype(x.dtype, copy=False)


def _selu(x: Array) -> Array:
    neg = _SELU_ALPHA * np.expm1(np.minimum(x, 0))
    return (_SELU_SCALE * np.where(x > 0, x, neg)).astype(x.dtype, copy=False)


def _softplus(x: Array) -> Array:
    return np.logaddexp(np.zeros_like(x), x)


def _softsign(x: Array) -> Array:
    out: Array = x / (np.abs(x) + 1)
    return out


def _swish(x: Array) -> Array:
    return x * _sigmoid(x)


def _gelu(x: Array) -> Array:
    erf = np.asarray(_erf(x / math.sqrt(2.0)), dtype=np.float64)
    return (0.5 * x * (1.0 + erf)).astype(x.dtype, copy=False)


def _exponential(x: Array) -> Array:
    with np.errstate(over="ignore"):  # exp(710) is inf, as in Keras; no RuntimeWarning
        out: Array = np.exp(x)
    return out


def _hard_sigmoid(x: Array) -> Array:
    return np.clip(x / 6 + 0.5, 0, 1).astype(x.dtype, copy=False)


ActivationName = Literal[
    "linear", "relu", "sigmoid", "tanh", "elu", "selu", "softplus", "softsign", "swish", "silu", "gelu",
    "exponential", "hard_sigmoid",
]
"""The activations conv_core computes (the one table; :data:`ACTIVATIONS` maps each to its function)."""

ACTIVATIONS: dict[str, Callable[[Array], Array]] = {
    "linear": _linear,
    "relu": _relu,
    "sigmoid": _sigmoid,
    "tanh": _tanh,
    "elu": _elu,
    "selu": _selu,
    "softplus": _softplus,
    "softsign": _softsign,
    "swish": _swish,
    "silu": _swish,
    "gelu": _gelu,
    "exponential": _exponential,
    "hard_sigmoid": _hard_sigmoid,
}

_NAMES: tuple[ActivationName, ...] = get_args(ActivationName)

KERAS_ACTIVATIONS: frozenset[str] = frozenset({
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu",
    "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "relu",
    "relu6", "selu", "sigmoid", "silu", "soft_shrink", "softmax", "softplus", "softsign",
    "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh", "tanh_shrink",
    "threshold",
})
"""Every activation name Keras 3 knows (``keras.activations``); :data:`ACTIVATIONS` computes a subset."""


def activation_names() -> tuple[ActivationName, ...]:
    """Names accepted for ``activation`` (besides ``None``), in :data:`ActivationName`'s order.

    >>> activation_names()[:4]
    ('linear', 'relu', 'sigmoid', 'tanh')
    """
    return _NAMES


def normalize_activation(activation: object) -> str:
    """Return the Keras name for ``activation`` (``None`` becomes ``'linear'``).

    >>> normalize_activation(None)
    'linear'
    >>> normalize_activation("ReLU")
    'relu'
    """
    if activation is None:
        return "linear"
    if isinstance(activation, str) and activation.lower() in ACTIVATIONS:
        return activation.lower()
    raise KerasValueError(
        f"Could not interpret activation function identifier: {activation}",
        "Use one of: " + ", ".join(ACTIVATIONS) + " (or None for no activation).",
        code="activation_unknown",
        values={"activation": activation},
    )


def apply_activation(x: Array, activation: object) -> Array:
    """Apply a Keras activation element-wise, keeping the dtype.

    >>> apply_activation(np.array([-1.0, 2.0]), "relu")
    array([0., 2.])
    """
    return ACTIVATIONS[normalize_activation(activation)](x)
