"""``conv1d`` and ``conv1d_transpose``: the numbers Keras 3 computes.

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
from .padding import POOL_PADDINGS, effective_kernel_size, normalize_padding
from .spec import (
    Conv1DSpec,
    _strides_dilation_check,
    check_conv_input,
    normalize_data_format,
    standardize_int,
)

__all__ = [
    "LEGACY_CONV_ARGUMENTS",
    "as_float_array",
    "conv1d",
    "conv1d_from_spec",
    "conv1d_transpose",
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
    if spec.use_bias and ba is not None:
        out = out + ba.astype(dtype, copy=False)
    out = apply_activation(out, spec.activation).astype(dtype, copy=False)
    return np.swapaxes(out, 1, 2).copy() if spec.data_format == "channels_first" else out


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


def conv1d_transpose(
    x: ArrayLike,
    kernel: ArrayLike,
    bias: ArrayLike | None = None,
    *,
    strides: int = 1,
    padding: str = "valid",
    output_padding: int | None = None,
    dilation_rate: int = 1,
    activation: str | None = None,
    data_format: str | None = "channels_last",
    filters: int | None = None,
    kernel_size: int | None = None,
    use_bias: bool | None = None,
    **unknown: Any,
) -> NDArray[np.floating]:
    """Keras 3 ``Conv1DTranspose``; the kernel is ``(kernel_size, filters, channels)``.

    Notes
    -----
    Scatter without flip: ``full[i*s + j*d, f] += sum_c x[i, c] K[j, f, c]``
    (length ``(L-1)*s + k_eff``), then crop or zero-extend: valid gives
    ``(L-1)*s + max(k_eff, s)`` (or ``+ k_eff + op``), same gives ``L*s`` (or
    ``(L-1)*s + k_eff % 2 + op``).

    Examples
    --------
    >>> conv1d_transpose(np.ones((1, 5, 1)), np.ones((3, 1, 1)), strides=2).shape
    (1, 11, 1)
    """
    _reject_unknown("Conv1DTranspose", unknown)
    s = standardize_int(strides, "strides")
    d = standardize_int(dilation_rate, "dilation_rate")
    pad = normalize_padding(padding, POOL_PADDINGS, "Conv1DTranspose")
    fmt = normalize_data_format(data_format)
    _strides_dilation_check(s, d)
    op = (
        None
        if output_padding is None
        else (standardize_int(output_padding, "output_padding") if output_padding else 0)
    )
    if op is not None and op >= s:
        raise KerasValueError(
            "`output_padding` must be strictly less than `strides` for all dimensions. At dimension 0, "
            f"`output_padding` is {op} but `strides` is {s}. "
            f"Received: output_padding=({op},), strides=({s},)",
            "output_padding adds at most strides - 1 steps at the end: lower it.",
            code="output_padding",
            values={"output_padding": op, "strides": s},
        )
    xa = np.asarray(x)
    if xa.ndim != 3:
        raise KerasValueError(
            "Input 0 with name 'None' of layer 'conv1d_transpose' is incompatible with the layer: "
            f"expected ndim=3, found ndim={xa.ndim}. Full shape received: {xa.shape}",
            "Conv1DTranspose needs (batch, steps, channels).",
            code="input_ndim",
            values={"shape": xa.shape},
        )
    xa = as_float_array(xa, "x")
    ka = as_float_array(kernel, "kernel")
    x_cl = to_channels_last(xa, fmt)
    n, steps, channels = x_cl.shape
    k, f = ka.shape[0], ka.shape[1]
    k_given = None if kernel_size is None else standardize_int(kernel_size, "kernel_size")
    if (filters is not None and filters != f) or (k_given is not None and k_given != k):
        raise KerasValueError(
            f"The kernel shape {ka.shape} does not match filters={filters}, kernel_size={kernel_size}.",
            "Conv1DTranspose stores its kernel as (kernel_size, filters, channels).",
            code="kernel_shape",
        )
    if ka.shape[2] != channels:
        raise KerasValueError(
            "The kernel must have shape (kernel_size, filters, channels) = "
            f"({k}, {f}, {channels}), received {ka.shape}.",
            "Conv1DTranspose stores its kernel as (kernel_size, filters, channels).",
            code="kernel_shape",
        )
    use = (bias is not None) if use_bias is None else bool(use_bias)
    ba = as_float_array(bias, "bias") if (use and bias is not None) else None
    dtype = _result_dtype(xa, ka, ba)
    keff = effective_kernel_size(k, d)
    full_len = (steps - 1) * s + keff
    full = np.zeros((n, full_len, f), dtype=dtype)
    for j in range(k):
        # contribution of tap j lands at i*s + j*d
        full[:, j * d : j * d + (steps - 1) * s + 1 : s, :] += x_cl.astype(dtype) @ ka[j].astype(dtype).T
    if pad == "valid":
        out_len = (steps - 1) * s + (max(keff, s) if op is None else keff + op)
        crop = 0
    else:
        out_len = steps * s if op is None else (steps - 1) * s + keff % 2 + op
        p = s + keff - 2 if op is None else keff + keff % 2 - 2 + op
        crop = keff - 1 - min(-(-p // 2), keff - 1)
    out = np.zeros((n, out_len, f), dtype=dtype)
    avail = full[:, crop : crop + out_len, :]
    out[:, : avail.shape[1], :] = avail
    if ba is not None:
        out = out + ba.astype(dtype)
    out = apply_activation(out, activation).astype(dtype, copy=False)
    return np.swapaxes(out, 1, 2).copy() if fmt == "channels_first" else out
