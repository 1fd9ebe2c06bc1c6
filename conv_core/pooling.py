"""1-D pooling exactly as Keras 3 (numpy/jax backends) computes it.

Notes
-----
``strides=None`` means ``strides = pool_size``.  valid: ``out = floor((L - p)/s) + 1``
(an empty output when ``p > L``); same: ``out = ceil(L/s)`` with the TensorFlow
split of ``total = max((out-1)*s + p - L, 0)``, left ``total // 2``.
Max pooling ignores the padding; average pooling divides by the number of
real (non-padding) elements in each window.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

from .conv import as_float_array, to_channels_last
from .errors import KerasValueError, input_spec_text
from .spec import Pool1DSpec, normalize_data_format

__all__ = [
    "average_pool1d",
    "global_average_pool1d",
    "global_max_pool1d",
    "max_pool1d",
    "pool1d_from_spec",
    "pool_windows",
]


def _check_3d(x: NDArray[np.floating], layer: str, data_format: str = "channels_last") -> None:
    if x.ndim != 3:
        shape = tuple(x.shape)
        first = data_format == "channels_first"
        fix = ""
        if x.ndim == 2:
            dims = (shape[0], 1, shape[1]) if first else (*shape, 1)
            fix = f"x.reshape({', '.join(str(v) for v in dims)})"
        axes = "(batch, channels, steps)" if first else "(batch, steps, channels)"
        raise KerasValueError(
            input_spec_text(layer, "ndim=3", shape),
            f"Pooling needs 3 axes: {axes}."
            + (f" Add the channel axis with {fix}." if fix else ""),
            code="pool_input_ndim",
            values={"shape": shape, "fix": fix},
        )


def pool_windows(steps: int, spec: Pool1DSpec) -> NDArray[np.intp]:
    """Input step of each window element, ``(out, pool_size)``; -1 marks padding.

    >>> pool_windows(7, Pool1DSpec(4, 1, "same"))[0].tolist()
    [-1, 0, 1, 2]
    """
    out = spec.output_length(steps)
    left, _ = spec.padding_amounts(steps)
    idx = np.arange(out)[:, None] * spec.stride + np.arange(spec.pool_size)[None, :] - left
    idx[(idx < 0) | (idx >= steps)] = -1
    return idx


def pool1d_from_spec(spec: Pool1DSpec, x: ArrayLike, layer: str | None = None) -> NDArray[np.floating]:
    """Run a pooling spec; see :func:`max_pool1d` and :func:`average_pool1d`."""
    name = layer or ("max_pooling1d" if spec.kind == "max" else "average_pooling1d")
    xa = as_float_array(x, "x")
    _check_3d(xa, name, spec.data_format)
    x_cl = to_channels_last(xa, spec.data_format)
    n, steps, channels = x_cl.shape
    out_len = spec.output_length(steps)
    if out_len == 0:
        out = np.zeros((n, 0, channels), dtype=xa.dtype)
    else:
        left, right = spec.padding_amounts(steps)
        fill = -np.inf if spec.kind == "max" else 0.0
        xp = np.pad(x_cl, ((0, 0), (left, right), (0, 0)), constant_values=fill)
        win = sliding_window_view(xp, spec.pool_size, axis=1)[:, :: spec.stride][:, :out_len]
        if spec.kind == "max":
            out = win.max(axis=-1)
        else:
            real = np.pad(np.ones(steps), (left, right))
            count = sliding_window_view(real, spec.pool_size)[:: spec.stride][:out_len].sum(axis=-1)
            out = win.sum(axis=-1) / count[None, :, None]
        out = out.astype(xa.dtype, copy=False)
    return np.swapaxes(out, 1, 2).copy() if spec.data_format == "channels_first" else out


def max_pool1d(
    x: ArrayLike,
    pool_size: int = 2,
    strides: int | None = None,
    padding: str = "valid",
    data_format: str | None = "channels_last",
) -> NDArray[np.floating]:
    """Keras 3 ``MaxPooling1D``.

    Examples
    --------
    >>> x = np.array([1.0, 5, 2, 8, 3, 9, 4]).reshape(1, 7, 1)
    >>> max_pool1d(x)[0, :, 0]
    array([5., 8., 9.])
    >>> max_pool1d(x, 3, 2, "same")[0, :, 0]
    array([5., 8., 9., 9.])
    """
    spec = Pool1DSpec(pool_size, strides, padding, normalize_data_format(data_format), "max")
    return pool1d_from_spec(spec, x)


def average_pool1d(
    x: ArrayLike,
    pool_size: int = 2,
    strides: int | None = None,
    padding: str = "valid",
    data_format: str | None = "channels_last",
) -> NDArray[np.floating]:
    """Keras 3 ``AveragePooling1D``; under 'same' it divides by the real elements only.

    Examples
    --------
    >>> x = np.array([1.0, 5, 2, 8, 3, 9, 4]).reshape(1, 7, 1)
    >>> average_pool1d(x, 4, 1, "same")[0, :, 0].round(3)
    array([2.667, 4.   , 4.5  , 5.5  , 6.   , 5.333, 6.5  ])
    """
    spec = Pool1DSpec(pool_size, strides, padding, normalize_data_format(data_format), "average")
    return pool1d_from_spec(spec, x)


def _global(
    x: ArrayLike, data_format: str | None, keepdims: bool, layer: str, mean: bool
) -> NDArray[np.floating]:
    fmt = normalize_data_format(data_format)
    xa = as_float_array(x, "x")
    _check_3d(xa, layer, fmt)
    axis = 1 if fmt == "channels_last" else 2
    # Literal keepdims in each branch: numpy >= 2.5's stubs overload on Literal[True] / Literal[False].
    if keepdims:
        out = xa.mean(axis=axis, keepdims=True) if mean else xa.max(axis=axis, keepdims=True)
    else:
        out = xa.mean(axis=axis, keepdims=False) if mean else xa.max(axis=axis, keepdims=False)
    return np.asarray(out, dtype=xa.dtype)


def global_max_pool1d(
    x: ArrayLike, data_format: str | None = "channels_last", keepdims: bool = False
) -> NDArray[np.floating]:
    """Keras 3 ``GlobalMaxPooling1D``: the max over steps, ``(N, C)``.

    >>> global_max_pool1d(np.array([1.0, 5, 2, 8, 3, 9, 4]).reshape(1, 7, 1))
    array([[9.]])
    """
    return _global(x, data_format, keepdims, "global_max_pooling1d", mean=False)


def global_average_pool1d(
    x: ArrayLike, data_format: str | None = "channels_last", keepdims: bool = False
) -> NDArray[np.floating]:
    """Keras 3 ``GlobalAveragePooling1D``: the mean over steps, ``(N, C)``.

    >>> global_average_pool1d(np.array([1.0, 5, 2, 8, 3, 9, 4]).reshape(1, 7, 1)).round(4)
    array([[4.5714]])
    """
    return _global(x, data_format, keepdims, "global_average_pooling1d", mean=True)
