"""``conv1d``: the numbers Keras 3 computes (``conv1d_transpose`` lives in ``transpose.py``).

Notes
-----
Cross-correlation, no kernel flip.  With the padded input ``xp`` and
``G = f // (F/g)`` the group of filter ``f``::

    y[n, t, f] = act(b[f] + sum_j sum_c xp[n, t*s + j*d, G*C/g + c] * K[j, c, f])

Computed as one matrix product over the gathered windows (im2col:
``(N*L_out, k*C/g) @ (k*C/g, F/g)`` per group) while those columns stay under
64 MiB, otherwise tap by tap (one strided slice of the padded input times
``K[j]`` per tap), so memory stays ``O(N * L_out * C)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .activations import apply_activation, normalize_activation
from .errors import KerasTypeError, KerasValueError
from .spec import (
    Conv1DSpec,
    check_conv_input,
    normalize_data_format,
)

__all__ = [
    "LEGACY_CONV_ARGUMENTS",
    "as_float_array",
    "conv1d",
    "conv1d_from_spec",
    "to_channels_last",
]

# Keras 1 argument -> Keras 3 argument, for the hint when an old name is used.
LEGACY_CONV_ARGUMENTS = {
    "nb_filter": "filters",
    "filter_length": "kernel_size",
    "border_mode": "padding",
    "subsample_length": "strides",
    "atrous_rate": "dilation_rate",
    "bias": "use_bias",
    "init": "kernel_initializer",
    "W_regularizer": "kernel_regularizer",
    "b_regularizer": "bias_regularizer",
    "W_constraint": "kernel_constraint",
    "b_constraint": "bias_constraint",
    "input_dim": "input_shape=(steps, input_dim)",
    "input_length": "input_shape=(input_length, channels)",
}


def as_float_array(a: ArrayLike, name: str) -> NDArray[np.floating]:
    """A float array view of ``a`` (float32 stays float32; ints become float64)."""
    arr = np.asarray(a)
    if arr.dtype.kind in "fc":
        if arr.dtype.kind == "c":
            raise KerasValueError(
                f"`{name}` must be real numbers, received dtype {arr.dtype}.",
                "Convolution here works on real values only.",
                code="complex_input",
            )
        return arr
    if arr.dtype.kind in "iub":
        return arr.astype(np.float64)
    try:
        return arr.astype(np.float64)
    except (TypeError, ValueError):
        raise KerasValueError(
            f"`{name}` must be numeric, received dtype {arr.dtype}.",
            f"Give {name} as numbers (a NumPy array or nested lists of numbers).",
            code="not_numeric",
            values={"name": name},
        ) from None


def to_channels_last(x: NDArray[Any], data_format: str) -> NDArray[Any]:
    """``(N, C, L)`` -> ``(N, L, C)`` for channels_first; a view, never a copy."""
    return x if data_format == "channels_last" else np.swapaxes(x, 1, 2)


def _reject_unknown(layer: str, unknown: dict[str, Any]) -> None:
    if not unknown:
        return
    legacy = {k: LEGACY_CONV_ARGUMENTS[k] for k in unknown if k in LEGACY_CONV_ARGUMENTS}
    hint = (
        "These are Keras 1 names; Keras 2 and 3 call them "
        + ", ".join(f"{old} -> {new}" for old, new in legacy.items())
        + "."
        if legacy
        else "Check the spelling against the Keras documentation."
    )
    raise KerasValueError(
        f"Unrecognized keyword arguments passed to {layer}: {unknown}",
        hint,
        code="unknown_arguments",
        values={"arguments": sorted(unknown)},
    )


def _result_dtype(*arrays: NDArray[Any] | None) -> np.dtype[Any]:
    dtype = np.result_type(*[a.dtype for a in arrays if a is not None])
    return dtype if dtype.kind == "f" else np.dtype(np.float64)


# Above this many bytes for the (N*L_out, k*C) column matrix, go tap by tap instead.
_IM2COL_MAX_BYTES = 64 * 2**20


def _correlate(
    xp: NDArray[np.floating], kk: NDArray[np.floating], out_len: int, s: int, d: int, g: int
) -> NDArray[np.floating]:
    """Cross-correlate the padded ``xp`` (N, Lp, C) with ``kk`` (k, C/g, F): ``(N, out_len, F)``.

    One GEMM over the gathered windows (im2col, ``(N*L_out, k*C/g) @ (k*C/g, F/g)`` per
    group) while the columns stay small; otherwise one matmul per tap.
    """
    n, _, channels = xp.shape
    k, cg, filters = kk.shape
    fg = filters // g
    span = (out_len - 1) * s + 1
    dtype = xp.dtype
    if n * out_len * k * channels * dtype.itemsize <= _IM2COL_MAX_BYTES:
        # cols[G, n, t, j, c] = xp[n, t*s + j*d, G*cg + c]
        cols = np.empty((g, n, out_len, k, cg), dtype=dtype)
        for j in range(k):
            seg = xp[:, j * d : j * d + span : s, :].reshape(n, out_len, g, cg)
            cols[:, :, :, j, :] = seg.transpose(2, 0, 1, 3)
        kg = kk.reshape(k, cg, g, fg).transpose(2, 0, 1, 3).reshape(g, k * cg, fg)
        acc: NDArray[np.floating] = cols.reshape(g, n * out_len, k * cg) @ kg  # (g, N*L_out, F/g)
        if g == 1:
            return acc.reshape(n, out_len, filters)
        return acc.transpose(1, 0, 2).reshape(n, out_len, filters)
    if g == 1:
        out: NDArray[np.floating] = np.zeros((n, out_len, filters), dtype=dtype)
        for j in range(k):
            out += xp[:, j * d : j * d + span : s, :] @ kk[j]
        return out
    # (g, Cg, Fg) per tap; the batch of groups runs as one stacked matmul.
    kgt = kk.reshape(k, cg, g, fg).transpose(0, 2, 1, 3)
    accg = np.zeros((g, n * out_len, fg), dtype=dtype)
    for j in range(k):
        tap = xp[:, j * d : j * d + span : s, :].reshape(n * out_len, g, cg).transpose(1, 0, 2)
        accg += tap @ kgt[j]
    return accg.transpose(1, 0, 2).reshape(n, out_len, filters)


def conv1d_from_spec(
    spec: Conv1DSpec, x: ArrayLike, kernel: ArrayLike, bias: ArrayLike | None = None
) -> NDArray[np.floating]:
    """Run a validated :class:`Conv1DSpec` on ``x`` (see :func:`conv1d`)."""
    xa = np.asarray(x)
    check_conv_input(spec, xa.shape)
    xa = as_float_array(xa, "x")
    ka = as_float_array(kernel, "kernel")
    ba = None if bias is None else as_float_array(bias, "bias")
    x_cl = to_channels_last(xa, spec.data_format)
    _, steps, channels = x_cl.shape
    expected = spec.kernel_shape(channels)
    if ka.shape != expected:
        raise KerasValueError(
            f"The kernel must have shape (kernel_size, channels // groups, filters) = {expected}, "
            f"received {ka.shape}.",
            "Keras stores a Conv1D kernel as (kernel_size, input channels / groups, filters); "
            "a PyTorch weight (filters, channels / groups, kernel_size) converts with "
            "weight.transpose(2, 1, 0).",
            code="kernel_shape",
            values={"expected": expected, "received": ka.shape},
        )
    if ba is not None and ba.shape != (spec.filters,):
        raise KerasValueError(
            f"The bias must have shape ({spec.filters},), received {ba.shape}.",
            "There is one bias per filter.",
            code="bias_shape",
            values={"filters": spec.filters, "received": ba.shape},
        )
    dtype = _result_dtype(xa, ka, ba)
    pl, pr = spec.padding_amounts(steps)
    out_len = spec.output_length(steps)
    s, d, g = spec.strides, spec.dilation_rate, spec.groups
    xp = np.pad(x_cl.astype(dtype, copy=False), ((0, 0), (pl, pr), (0, 0)))
    kk = ka.astype(dtype, copy=False)
    out = _correlate(xp, kk, out_len, s, d, g)
    return finish_output(out, ba if spec.use_bias else None, spec.activation, spec.data_format)


def finish_output(
    out: NDArray[np.floating], bias: NDArray[np.floating] | None, activation: str, data_format: str
) -> NDArray[np.floating]:
    """``(N, L, F)`` sums -> the layer's output: + bias, the activation, then the data_format's layout."""
    dtype = out.dtype
    if bias is not None:
        out = out + bias.astype(dtype, copy=False)
    out = apply_activation(out, activation).astype(dtype, copy=False)
    return np.swapaxes(out, 1, 2).copy() if data_format == "channels_first" else out


def conv1d(
    x: ArrayLike,
    kernel: ArrayLike,
    bias: ArrayLike | None = None,
    *,
    strides: int = 1,
    padding: str = "valid",
    dilation_rate: int = 1,
    groups: int = 1,
    activation: str | None = None,
    data_format: str | None = "channels_last",
    filters: int | None = None,
    kernel_size: int | None = None,
    use_bias: bool | None = None,
    **unknown: Any,
) -> NDArray[np.floating]:
    """Keras 3 ``Conv1D`` forward pass.

    Parameters
    ----------
    x : array_like
        ``(batch, steps, channels)``, or ``(batch, channels, steps)`` for
        ``data_format='channels_first'``.
    kernel : array_like
        Keras layout ``(kernel_size, channels // groups, filters)``.
    bias : array_like or None
        ``(filters,)``; ``None`` for no bias.
    strides, dilation_rate, groups : int
        Keras's arguments (an int or a 1-tuple).
    padding : {'valid', 'same', 'causal'}
        Case-insensitive.
    activation : str or None
        A Keras activation name; ``None`` and ``'linear'`` are the identity.
    data_format : {'channels_last', 'channels_first'}
    filters, kernel_size, use_bias : optional
        Keras's constructor arguments; when given they are validated as Keras
        does and must agree with ``kernel`` (``use_bias=False`` ignores ``bias``).

    Returns
    -------
    ndarray
        ``(batch, new_steps, filters)`` (``(batch, filters, new_steps)`` for
        channels_first); float64 unless all inputs are float32.

    Raises
    ------
    KerasValueError
        A ``ValueError`` with Keras's message and a plain fix.

    Notes
    -----
    ``k_eff = d*(k-1) + 1``; valid: ``new_steps = floor((L - k_eff)/s) + 1``;
    same and causal: ``new_steps = ceil(L/s)``.

    Examples
    --------
    >>> x = np.arange(1.0, 6.0).reshape(1, 5, 1)
    >>> conv1d(x, np.array([1.0, 2.0, 3.0]).reshape(3, 1, 1))[0, :, 0]
    array([14., 20., 26.])
    >>> conv1d(np.ones((1, 50, 300)), np.ones((4, 300, 100)), padding="same").shape
    (1, 50, 100)
    """
    legacy = {k: v for k, v in unknown.items() if k in ("nb_filter", "filter_length")}
    if legacy and filters is None and kernel_size is None:
        raise KerasTypeError(
            "Conv1D.__init__() missing 2 required positional arguments: 'filters' and 'kernel_size'",
            "nb_filter and filter_length are Keras 1 names: write filters=... and kernel_size=... .",
            code="legacy_required",
            values={"arguments": sorted(legacy)},
        )
    _reject_unknown("Conv1D", unknown)
    ka = np.asarray(kernel)
    if ka.ndim != 3:
        raise KerasValueError(
            f"The kernel must be 3-D (kernel_size, channels // groups, filters), received shape {ka.shape}.",
            "A Keras 1 weight of shape (k, 1, C, F) converts with W[:, 0].",
            code="kernel_ndim",
            values={"received": ka.shape},
        )
    spec = Conv1DSpec(
        filters=ka.shape[2] if filters is None else filters,
        kernel_size=ka.shape[0] if kernel_size is None else kernel_size,
        strides=strides,
        padding=padding,
        dilation_rate=dilation_rate,
        groups=groups,
        use_bias=(bias is not None) if use_bias is None else use_bias,
        activation=normalize_activation(activation),
        data_format=normalize_data_format(data_format),
    )
    return conv1d_from_spec(spec, x, ka, bias if spec.use_bias else None)
