"""Kernel presets: Keras's initializers (seeded NumPy) and kernels that teach.

Random presets draw from ``numpy.random.default_rng(seed)``, so the same seed
gives the same kernel.  They follow Keras's *rules* (limits, fans,
truncation), not Keras's random stream: the numbers differ from Keras's.

Notes
-----
Fans of a kernel shape (Keras's ``compute_fans``): a conv kernel
``(k, C/g, F)`` has ``fan_in = k*(C/g)`` and ``fan_out = k*F`` (the
receptive field size ``k`` times the input / output dims); a 2-D shape
``(a, b)`` has ``fan_in = a``, ``fan_out = b``.

* ``glorot_uniform``: ``U(-limit, limit)``, ``limit = sqrt(6/(fan_in + fan_out))``.
* ``he_normal``: a normal truncated at 2 of its standard deviations, scaled
  so that the samples have standard deviation ``sqrt(2/fan_in)`` (Keras draws
  ``N(0, sigma)`` with ``sigma = sqrt(2/fan_in)/0.87962566103423978`` and
  re-draws values beyond ``2*sigma``).
* ``constant``: every weight ``value`` (default 1.0: the kernel of ones used
  in the course material; Keras's ``Constant()`` defaults to 0.0).

Teaching kernels, for a conv kernel ``(k, C/g, F)``.  Filter ``f`` looks at
**one** channel of its group, ``c = f % (C/g)``: the matching channel when
``C/g == F`` (and always channel 0 when ``C/g == 1``); every other weight is 0.

* ``moving_average``: ``1/k`` on every tap: filter ``f`` outputs the mean of
  channel ``c`` over its window.
* ``difference``: ``-1`` on the first tap, ``+1`` on the last, so
  ``y[t] = x[last tap] - x[first tap]``: the first difference
  ``x[t+1] - x[t]`` for ``k = 2`` (valid), the central difference
  ``[-1, 0, 1]`` for ``k = 3``.  Needs ``k >= 2``.
* ``identity``: ``1`` on the centre tap ``(k - 1)//2``: with padding='same'
  and strides=1, filter ``f`` copies channel ``c`` exactly (the centre is the
  left one for an even ``k``, because Keras puts the odd padding zero on the
  right).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import DTypeLike, NDArray

from .errors import KerasValueError

__all__ = [
    "KERNEL_PRESETS",
    "MAX_GENERATOR_VALUE",
    "MAX_SEED",
    "check_generator_number",
    "check_seed",
    "compute_fans",
    "make_kernel",
]

KERNEL_PRESETS = (
    "ones",
    "zeros",
    "constant",
    "glorot_uniform",
    "he_normal",
    "moving_average",
    "difference",
    "identity",
)

_TRUNCATION_CORRECTION = 0.87962566103423978  # std of N(0, 1) truncated to [-2, 2]


def compute_fans(shape: Sequence[int]) -> tuple[int, int]:
    """``(fan_in, fan_out)`` of a weight shape, as Keras computes them.

    Notes
    -----
    ``()``: (1, 1); ``(n,)``: (n, n); ``(a, b)``: (a, b); otherwise with
    ``r = prod(shape[:-2])`` (the receptive field size): ``(r*shape[-2], r*shape[-1])``.

    Examples
    --------
    >>> compute_fans((4, 300, 100))
    (1200, 400)
    """
    dims = tuple(int(v) for v in shape)
    if len(dims) == 0:
        return (1, 1)
    if len(dims) == 1:
        return (dims[0], dims[0])
    if len(dims) == 2:
        return (dims[0], dims[1])
    receptive = math.prod(dims[:-2])
    return (dims[-2] * receptive, dims[-1] * receptive)


def _truncated_normal(rng: np.random.Generator, shape: tuple[int, ...], stddev: float) -> NDArray[np.float64]:
    out = rng.normal(0.0, stddev, size=shape)
    bad = np.abs(out) > 2 * stddev
    while bad.any():
        out[bad] = rng.normal(0.0, stddev, size=int(bad.sum()))
        bad = np.abs(out) > 2 * stddev
    return out


def _one_channel(shape: tuple[int, ...], name: str) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise KerasValueError(
            f"The '{name}' kernel needs a conv kernel shape (kernel_size, channels // groups, filters), "
            f"received {shape}.",
            "Teaching kernels are defined for a Conv1D kernel with 3 axes.",
            code="preset_shape",
            values={"name": name, "shape": shape},
        )
    k, cg, f = shape
    return k, cg, f


MAX_SEED = 2**63 - 1
MAX_GENERATOR_VALUE = 1e15  # the app's numeric range: every value it draws is within it


def _shown(value: object) -> str:
    """A value for a message, at most 60 characters (a 5000-digit integer is never printed whole)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 190:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def check_seed(seed: object) -> int:
    """A seed is a whole number from 0 to 2**63 - 1 (``True`` is not a seed)."""
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or not 0 <= int(seed) <= MAX_SEED:
        raise KerasValueError(
            f"Expected seed to be a whole number from 0 to 2**63 - 1. Received: seed={_shown(seed)}",
            "Use a whole number such as 0 or 42 as the seed.",
            code="generator_seed",
            values={"seed": _shown(seed)},
        )
    return int(seed)


def check_generator_number(name: str, value: object, *, low: float, high: float, whole: bool = False) -> float:
    """A generator parameter that is a real (or whole) number in ``[low, high]``, never NaN or a bool."""
    ok_type = (int, np.integer) if whole else (int, float, np.integer, np.floating)
    ok = not isinstance(value, bool) and isinstance(value, ok_type)
    if ok:
        try:
            ok = low <= value <= high  # type: ignore[operator]  # exact for any int; False for NaN
        except TypeError:
            ok = False
    if not ok:
        kind = "a whole number" if whole else "a number"
        raise KerasValueError(
            f"Expected {name} to be {kind} from {low:g} to {high:g}. Received: {name}={_shown(value)}",
            f"Set {name} to {kind} between {low:g} and {high:g}.",
            code="generator_parameter",
            values={"name": name, "value": _shown(value), "low": f"{low:g}", "high": f"{high:g}"},
        )
    return float(value)  # type: ignore[arg-type]


def make_kernel(
    name: str,
    shape: Sequence[int],
    seed: int = 0,
    *,
    value: float = 1.0,
    dtype: DTypeLike = np.float64,
) -> NDArray[np.floating]:
    """A kernel from the preset ``name``.

    Parameters
    ----------
    name : str
        One of :data:`KERNEL_PRESETS`.
    shape : sequence of int
        Usually the Keras kernel shape ``(kernel_size, channels // groups, filters)``.
    seed : int
        Seed of ``numpy.random.default_rng`` for the random presets.
    value : float
        The weight of the 'constant' preset.
    dtype : dtype
        float64 by default; float32 for the fast path.

    Returns
    -------
    ndarray of shape ``shape``

    Raises
    ------
    KerasValueError
        Unknown name, a non-positive size, or a teaching kernel on a shape it
        is not defined for.

    Notes
    -----
    glorot_uniform ``limit = sqrt(6/(fan_in + fan_out))``; he_normal samples have
    standard deviation ``sqrt(2/fan_in)`` and lie within ``2*sqrt(2/fan_in)/0.8796``;
    with ``fan_in = k*C/g`` and ``fan_out = k*F``.  See the module notes for the
    teaching kernels.

    Examples
    --------
    >>> make_kernel("moving_average", (4, 1, 1))[:, 0, 0]
    array([0.25, 0.25, 0.25, 0.25])
    >>> make_kernel("difference", (3, 1, 1))[:, 0, 0]
    array([-1.,  0.,  1.])
    >>> make_kernel("identity", (4, 2, 2))[:, :, 1]
    array([[0., 0.],
           [0., 1.],
           [0., 0.],
           [0., 0.]])
    >>> k = make_kernel("glorot_uniform", (4, 300, 100), seed=1)
    >>> bool(np.abs(k).max() <= np.sqrt(6 / (1200 + 400)))
    True
    """
    dims = tuple(int(v) for v in shape)
    if any(v <= 0 for v in dims):
        raise KerasValueError(
            f"Every kernel dimension must be positive, received shape {dims}.",
            "A kernel needs kernel_size, channels // groups and filters of at least 1.",
            code="preset_shape",
            values={"name": name, "shape": dims},
        )
    rng = np.random.default_rng(check_seed(seed))
    if name == "constant":
        check_generator_number("value", value, low=-MAX_GENERATOR_VALUE, high=MAX_GENERATOR_VALUE)
    fan_in, fan_out = compute_fans(dims)
    out: NDArray[np.float64]
    if name == "zeros":
        out = np.zeros(dims)
    elif name == "ones":
        out = np.ones(dims)
    elif name == "constant":
        out = np.full(dims, float(value))
    elif name == "glorot_uniform":
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        out = rng.uniform(-limit, limit, size=dims)
    elif name == "he_normal":
        out = _truncated_normal(rng, dims, math.sqrt(2.0 / fan_in) / _TRUNCATION_CORRECTION)
    elif name in ("moving_average", "difference", "identity"):
        k, cg, f = _one_channel(dims, name)
        out = np.zeros(dims)
        chan = np.arange(f) % cg
        filt = np.arange(f)
        if name == "moving_average":
            out[:, chan, filt] = 1.0 / k
        elif name == "identity":
            out[(k - 1) // 2, chan, filt] = 1.0
        else:
            if k < 2:
                raise KerasValueError(
                    "The 'difference' kernel needs kernel_size >= 2, received kernel_size=1.",
                    "A difference compares two steps: set kernel_size to 2 or more.",
                    code="preset_kernel_size",
                    values={"name": name, "kernel_size": k},
                )
            out[0, chan, filt] = -1.0
            out[k - 1, chan, filt] = 1.0
    else:
        raise KerasValueError(
            f"Unknown kernel preset: {name!r}.",
            "Choose one of " + ", ".join(KERNEL_PRESETS) + ".",
            code="preset_unknown",
            values={"name": name},
        )
    return out.astype(dtype, copy=False)
