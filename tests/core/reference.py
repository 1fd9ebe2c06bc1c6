"""A loop-based oracle for Conv1D and 1-D pooling, written straight from SEMANTICS.md.

Plain Python loops over plain floats, on purpose: nothing here is shared with
``conv_core`` (no padding helper, no sliding windows), so an agreement between
the two is evidence, not an echo.

* §1.1  ``y[n,t,f] = act(b[f] + sum_j sum_c xp[n, t*s + j*d, G*(C/g) + c] * K[j, c, f])``,
  ``G = f // (F/g)``.
* §1.2  keff = (k-1)*d + 1; valid: pl = pr = 0, Lout = floor((L - keff)/s) + 1;
  same: Lout = ceil(L/s), total = max((Lout-1)*s + keff - L, 0), pl = total//2;
  causal: pl = keff - 1, pr = 0, Lout = ceil(L/s).
* §3    pooling: the same split with keff = pool_size; max ignores padding;
  average divides by the number of real elements in the window.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

PAD = -1


def _sigmoid(v: float) -> float:
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def _elu(v: float) -> float:
    return v if v > 0 else math.expm1(v)


def _softplus(v: float) -> float:
    # log(1 + e^v), written to survive large |v|
    return max(v, 0.0) + math.log1p(math.exp(-abs(v)))


ACTIVATIONS: dict[str, Callable[[float], float]] = {
    "linear": lambda v: v,
    "relu": lambda v: max(v, 0.0),
    "sigmoid": _sigmoid,
    "tanh": math.tanh,
    "elu": _elu,
    "selu": lambda v: 1.0507009873554805 * (v if v > 0 else 1.6732632423543772 * math.expm1(v)),
    "softplus": _softplus,
    "softsign": lambda v: v / (abs(v) + 1.0),
    "swish": lambda v: v * _sigmoid(v),
    "silu": lambda v: v * _sigmoid(v),
    "gelu": lambda v: 0.5 * v * (1.0 + math.erf(v / math.sqrt(2.0))),
    "exponential": math.exp,
    "hard_sigmoid": lambda v: min(max(v / 6.0 + 0.5, 0.0), 1.0),
}


def pads(steps: int, k: int, s: int, d: int, padding: str) -> tuple[int, int, int]:
    """``(pl, pr, Lout)`` by the table of SEMANTICS.md §1.2."""
    keff = (k - 1) * d + 1
    if padding == "valid":
        return 0, 0, (steps - keff) // s + 1
    lout = math.ceil(steps / s)
    if padding == "causal":
        return keff - 1, 0, lout
    total = max((lout - 1) * s + keff - steps, 0)
    return total // 2, total - total // 2, lout


def tap_index(steps: int, k: int, s: int, d: int, padding: str) -> list[list[int]]:
    """Input step of tap ``j`` of output ``t`` (PAD on padding)."""
    pl, _, lout = pads(steps, k, s, d, padding)
    table = []
    for t in range(lout):
        row = []
        for j in range(k):
            i = t * s + j * d - pl
            row.append(i if 0 <= i < steps else PAD)
        table.append(row)
    return table


def conv1d(
    x: np.ndarray,
    kernel: np.ndarray,
    bias: np.ndarray | None,
    strides: int = 1,
    padding: str = "valid",
    dilation_rate: int = 1,
    groups: int = 1,
    activation: str | None = None,
    data_format: str = "channels_last",
) -> np.ndarray:
    """Keras 3 Conv1D by loops; returns float64 in the layer's data_format."""
    xs = np.asarray(x, dtype=np.float64)
    if data_format == "channels_first":
        xs = xs.transpose(0, 2, 1)
    n_batch, steps, channels = xs.shape
    k, cg, filters = kernel.shape
    assert cg * groups == channels
    fg = filters // groups
    act = ACTIVATIONS[activation or "linear"]
    taps = tap_index(steps, k, strides, dilation_rate, padding)
    out = np.zeros((n_batch, len(taps), filters))
    for n in range(n_batch):
        for t, row in enumerate(taps):
            for f in range(filters):
                group = f // fg
                acc = 0.0
                for j in range(k):
                    i = row[j]
                    if i == PAD:
                        continue  # a zero of the padding adds nothing
                    for c in range(cg):
                        acc += float(xs[n, i, group * cg + c]) * float(kernel[j, c, f])
                if bias is not None:
                    acc += float(bias[f])
                out[n, t, f] = act(acc)
    return out.transpose(0, 2, 1) if data_format == "channels_first" else out


def products(
    x: np.ndarray, kernel: np.ndarray, strides: int, padding: str, dilation_rate: int, groups: int
) -> np.ndarray:
    """``x * w`` per (sample, step, filter, tap, channel of the group), channels_last input."""
    n_batch, steps, _ = x.shape
    k, cg, filters = kernel.shape
    fg = filters // groups
    taps = tap_index(steps, k, strides, dilation_rate, padding)
    out = np.zeros((n_batch, len(taps), filters, k, cg))
    for n in range(n_batch):
        for t, row in enumerate(taps):
            for f in range(filters):
                for j in range(k):
                    for c in range(cg):
                        v = 0.0 if row[j] == PAD else float(x[n, row[j], (f // fg) * cg + c])
                        out[n, t, f, j, c] = v * float(kernel[j, c, f])
    return out


def pool1d(
    x: np.ndarray,
    pool_size: int,
    strides: int | None,
    padding: str,
    kind: str,
    data_format: str = "channels_last",
) -> np.ndarray:
    """Keras 3 MaxPooling1D / AveragePooling1D (numpy/jax backends) by loops."""
    xs = np.asarray(x, dtype=np.float64)
    if data_format == "channels_first":
        xs = xs.transpose(0, 2, 1)
    n_batch, steps, channels = xs.shape
    s = pool_size if strides is None else strides
    if padding == "valid" and steps < pool_size:
        out = np.zeros((n_batch, 0, channels))
    else:
        taps = tap_index(steps, pool_size, s, 1, padding)
        out = np.zeros((n_batch, len(taps), channels))
        for n in range(n_batch):
            for t, row in enumerate(taps):
                for c in range(channels):
                    real = [float(xs[n, i, c]) for i in row if i != PAD]
                    out[n, t, c] = max(real) if kind == "max" else sum(real) / len(real)
    return out.transpose(0, 2, 1) if data_format == "channels_first" else out
