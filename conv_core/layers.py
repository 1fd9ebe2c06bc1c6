"""Run a 1-D Keras layer by class name and keyword arguments.

One entry point for code that holds Keras-style descriptions (golden cases,
pasted models, sessions): ``run_layer("Conv1D", {"filters": 4, ...}, x, kernel, bias)``.
Unknown arguments are rejected as Keras's constructor rejects them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .conv import _reject_unknown, conv1d
from .errors import KerasTypeError
from .pooling import average_pool1d, global_average_pool1d, global_max_pool1d, max_pool1d
from .spec import (
    CONV1D_ARGUMENTS,
    POOL1D_ARGUMENTS,
    Conv1DSpec,
    check_conv_input,
    pool_size_required_error,
)
from .transpose import Conv1DTransposeSpec, conv1d_transpose

__all__ = ["LAYER_NAMES", "run_layer"]

LAYER_NAMES = (
    "Conv1D",
    "Convolution1D",
    "Conv1DTranspose",
    "MaxPooling1D",
    "MaxPool1D",
    "AveragePooling1D",
    "AvgPool1D",
    "GlobalMaxPooling1D",
    "GlobalMaxPool1D",
    "GlobalAveragePooling1D",
    "GlobalAvgPool1D",
)

_CONV_ARGS = {*CONV1D_ARGUMENTS, "name"}
_POOL_ARGS = {*POOL1D_ARGUMENTS, "name"}


def _split(layer: str, params: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    unknown = {k: v for k, v in params.items() if k not in allowed}
    _reject_unknown(layer, unknown)
    return {k: v for k, v in params.items() if k != "name"}


def run_layer(
    layer: str,
    params: dict[str, Any],
    x: ArrayLike,
    kernel: ArrayLike | None = None,
    bias: ArrayLike | None = None,
) -> NDArray[np.floating]:
    """Apply the Keras layer ``layer`` with constructor ``params`` to ``x``.

    >>> run_layer("MaxPooling1D", {}, np.array([1.0, 5, 2, 8]).reshape(1, 4, 1))[0, :, 0]
    array([5., 8.])
    """
    if layer in ("Conv1D", "Convolution1D"):
        if "filters" not in params and "kernel_size" not in params and (
            "nb_filter" in params or "filter_length" in params or kernel is None
        ):
            raise KerasTypeError(
                f"{layer}.__init__() missing 2 required positional arguments: 'filters' and 'kernel_size'"
                if layer == "Conv1D"
                else "Conv1D.__init__() missing 2 required positional arguments: 'filters' and 'kernel_size'",
                "nb_filter and filter_length are Keras 1 names: write filters=... and kernel_size=... .",
                code="legacy_required",
            )
        kw = _split("Conv1D", params, _CONV_ARGS)
        if kernel is None:
            # As Keras: validate the constructor, then the input, then make zero weights.
            spec = Conv1DSpec(**{k: v for k, v in kw.items()})
            xa = np.asarray(x)
            check_conv_input(spec, xa.shape)
            channels = xa.shape[-1] if spec.data_format == "channels_last" else xa.shape[1]
            kernel = np.zeros(spec.kernel_shape(int(channels)))
            bias = np.zeros(spec.filters) if spec.use_bias else None
        return conv1d(x, kernel, bias, **kw)
    if layer == "Conv1DTranspose":
        kw = _split(layer, params, _CONV_ARGS - {"groups"} | {"output_padding"})
        if kernel is None:
            # As Keras: validate the constructor first, then make zero weights for the input.
            tspec = Conv1DTransposeSpec(**{"filters": 1, "kernel_size": 1, **kw})
            xa = np.asarray(x)
            channels_axis = 1 if tspec.data_format == "channels_first" else -1
            kernel = np.zeros(tspec.kernel_shape(int(xa.shape[channels_axis]) if xa.ndim == 3 else 1))
        return conv1d_transpose(x, kernel, bias, **kw)
    if layer in ("MaxPooling1D", "MaxPool1D"):
        return max_pool1d(x, **_split(layer, params, _POOL_ARGS))
    if layer in ("AveragePooling1D", "AvgPool1D"):
        if "pool_size" not in params:
            raise pool_size_required_error("AveragePooling1D")
        return average_pool1d(x, **_split(layer, params, _POOL_ARGS))
    if layer in ("GlobalMaxPooling1D", "GlobalMaxPool1D"):
        return global_max_pool1d(x, **_split(layer, params, {"data_format", "keepdims", "name"}))
    if layer in ("GlobalAveragePooling1D", "GlobalAvgPool1D"):
        return global_average_pool1d(x, **_split(layer, params, {"data_format", "keepdims", "name"}))
    raise KerasTypeError(
        f"Unknown layer: {layer}", "Supported: " + ", ".join(LAYER_NAMES), code="unknown_layer"
    )
