"""float32 stays float32, ints become float64, inputs are never changed, results are read-only."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

import conv_core as cc
from conv_core import Conv1DSpec

RNG = np.random.default_rng(0)
X = RNG.normal(size=(2, 9, 4))
K = RNG.normal(size=(3, 4, 5))
B = RNG.normal(size=5)

CALLS: dict[str, Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]] = {
    "conv1d": lambda x, k, b: cc.conv1d(x, k, b, padding="same", activation="relu"),
    "conv1d channels_first": lambda x, k, b: cc.conv1d(
        x.transpose(0, 2, 1), k, b, data_format="channels_first"
    ),
    "conv1d_full": lambda x, k, b: cc.conv1d_full(x, k, b),
    "conv1d_transpose": lambda x, k, b: cc.conv1d_transpose(x, k.transpose(0, 2, 1), b, strides=2),
    "max_pool1d": lambda x, k, b: cc.max_pool1d(x, 3, 2, "same"),
    "average_pool1d": lambda x, k, b: cc.average_pool1d(x, 3, 2, "same"),
    "global_max_pool1d": lambda x, k, b: cc.global_max_pool1d(x),
    "global_average_pool1d": lambda x, k, b: cc.global_average_pool1d(x),
    "trace output": lambda x, k, b: cc.trace_conv1d(Conv1DSpec(5, 3, padding="same"), x, k, b).output,
    "trace products": lambda x, k, b: cc.trace_conv1d(Conv1DSpec(5, 3), x, k, b).products,
}


@pytest.mark.parametrize("name", CALLS)
def test_float32_in_float32_out(name: str) -> None:
    x, k, b = X.astype(np.float32), K.astype(np.float32), B.astype(np.float32)
    y = CALLS[name](x, k, b)
    assert y.dtype == np.float32
    y64 = CALLS[name](X, K, B)
    assert y64.dtype == np.float64
    np.testing.assert_allclose(y, y64, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("name", CALLS)
def test_inputs_are_never_changed(name: str) -> None:
    x, k, b = X.copy(), K.copy(), B.copy()
    y = CALLS[name](x, k, b)
    for before, after in ((X, x), (K, k), (B, b)):
        np.testing.assert_array_equal(before, after)
        assert after.flags.writeable
    assert not np.shares_memory(y, x)


def test_integer_inputs_become_float64() -> None:
    y = cc.conv1d(np.arange(6).reshape(1, 6, 1), np.ones((2, 1, 1), dtype=np.int64))
    assert y.dtype == np.float64 and y[0, :, 0].tolist() == [1, 3, 5, 7, 9]


def test_trace_arrays_are_read_only_and_private() -> None:
    x = X.copy()
    tr = cc.trace_conv1d(Conv1DSpec(5, 3, padding="same"), x, K, B)
    for arr in (tr.x, tr.kernel, tr.bias, tr.padded, tr.tap_input, tr.output, tr.products):
        assert not arr.flags.writeable
    assert not np.shares_memory(tr.x, x)
    x[0, 0, 0] = 123.0  # the caller may keep editing their array
    assert tr.x[0, 0, 0] != 123.0


@pytest.mark.parametrize(
    "convert,shape",
    [
        (cc.keras_to_torch, (3, 4, 5)),
        (cc.torch_to_keras, (5, 4, 3)),
        (cc.keras_to_legacy, (3, 4, 5)),
        (cc.legacy_to_keras, (3, 1, 4, 5)),
        (cc.theano_legacy_to_keras, (3, 1, 4, 5)),
    ],
)
def test_layout_converters_return_new_arrays(
    convert: Callable[[np.ndarray], np.ndarray], shape: tuple[int, ...]
) -> None:
    w = RNG.normal(size=shape)
    before = w.copy()
    out = convert(w)
    np.testing.assert_array_equal(w, before)
    assert not np.shares_memory(out, w)
    assert out.flags.c_contiguous
