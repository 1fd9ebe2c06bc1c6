"""conv_core against the loop oracle in reference.py, over random settings (hypothesis).

Budgets: conv1d 600 + trace 250 + max/average pooling 250 + float32 100 + tap-by-tap
path 100 = 1,300 random settings per run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
import reference as ref
from hypothesis import given, settings
from hypothesis import strategies as st

import conv_core
import conv_core.conv as conv_module
from conv_core import Conv1DSpec, trace_conv1d

ACTIVATIONS = [None, *conv_core.activation_names()]


@dataclass(frozen=True)
class ConvCase:
    batch: int
    steps: int
    groups: int
    channels: int
    filters: int
    kernel_size: int
    strides: int
    dilation_rate: int
    padding: str
    activation: str | None
    data_format: str
    use_bias: bool
    seed: int

    def spec(self) -> Conv1DSpec:
        return Conv1DSpec(
            self.filters,
            self.kernel_size,
            self.strides,
            self.padding,
            self.dilation_rate,
            self.groups,
            self.use_bias,
            self.activation or "linear",
            self.data_format,
        )

    def arrays(self, dtype: type = np.float64) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        rng = np.random.default_rng(self.seed)
        shape = (
            (self.batch, self.steps, self.channels)
            if self.data_format == "channels_last"
            else (self.batch, self.channels, self.steps)
        )
        x = rng.normal(size=shape).astype(dtype)
        kernel = rng.normal(size=(self.kernel_size, self.channels // self.groups, self.filters)).astype(dtype)
        bias = rng.normal(size=self.filters).astype(dtype) if self.use_bias else None
        return x, kernel, bias

    def reference(self, x: np.ndarray, kernel: np.ndarray, bias: np.ndarray | None) -> np.ndarray:
        return ref.conv1d(
            x,
            kernel,
            bias,
            self.strides,
            self.padding,
            self.dilation_rate,
            self.groups,
            self.activation,
            self.data_format,
        )


@st.composite
def conv_cases(draw: st.DrawFn, max_steps: int = 12) -> ConvCase:
    groups = draw(st.integers(1, 3))
    channels = groups * draw(st.integers(1, 3))
    filters = groups * draw(st.integers(1, 3))
    kernel_size = draw(st.integers(1, 6))
    padding = draw(st.sampled_from(["valid", "same", "causal"]))
    if draw(st.booleans()):
        strides, dilation_rate = draw(st.integers(1, 5)), 1  # includes strides > steps
    else:
        strides, dilation_rate = 1, draw(st.integers(1, 4))
    keff = (kernel_size - 1) * dilation_rate + 1
    low = keff if padding == "valid" else 1  # same/causal also cover kernels longer than the input
    steps = draw(st.integers(low, max(low, max_steps)))
    return ConvCase(
        batch=draw(st.integers(1, 2)),
        steps=steps,
        groups=groups,
        channels=channels,
        filters=filters,
        kernel_size=kernel_size,
        strides=strides,
        dilation_rate=dilation_rate,
        padding=padding,
        activation=draw(st.sampled_from(ACTIVATIONS)),
        data_format=draw(st.sampled_from(["channels_last", "channels_first"])),
        use_bias=draw(st.booleans()),
        seed=draw(st.integers(0, 2**32 - 1)),
    )


def _assert_close(actual: np.ndarray, expected: np.ndarray, tol: float = 1e-9) -> None:
    assert actual.shape == expected.shape
    scale = max(1.0, float(np.abs(expected).max())) if expected.size else 1.0
    np.testing.assert_allclose(actual, expected, rtol=tol, atol=tol * scale)


@settings(max_examples=600, deadline=None, database=None)
@given(conv_cases())
def test_conv1d_matches_loop_reference(case: ConvCase) -> None:
    x, kernel, bias = case.arrays()
    x0, k0 = x.copy(), kernel.copy()
    y = conv_core.conv1d(
        x,
        kernel,
        bias,
        strides=case.strides,
        padding=case.padding,
        dilation_rate=case.dilation_rate,
        groups=case.groups,
        activation=case.activation,
        data_format=case.data_format,
    )
    _assert_close(y, case.reference(x, kernel, bias))
    assert y.dtype == np.float64
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(kernel, k0)


@settings(max_examples=100, deadline=None, database=None)
@given(conv_cases())
def test_conv1d_tap_by_tap_path_matches_reference(case: ConvCase) -> None:
    """The memory-saving path (no im2col columns) gives the same numbers."""
    x, kernel, bias = case.arrays()
    saved = conv_module._IM2COL_MAX_BYTES
    conv_module._IM2COL_MAX_BYTES = 0
    try:
        y = conv_core.conv1d_from_spec(case.spec(), x, kernel, bias)
    finally:
        conv_module._IM2COL_MAX_BYTES = saved
    _assert_close(y, case.reference(x, kernel, bias))


@settings(max_examples=100, deadline=None, database=None)
@given(conv_cases())
def test_conv1d_float32_stays_float32(case: ConvCase) -> None:
    x, kernel, bias = case.arrays(np.float32)
    y = conv_core.conv1d_from_spec(case.spec(), x, kernel, bias)
    assert y.dtype == np.float32
    _assert_close(y.astype(np.float64), case.reference(x, kernel, bias), tol=2e-5)


@settings(max_examples=250, deadline=None, database=None)
@given(conv_cases(max_steps=10), st.data())
def test_trace_matches_loop_reference(case: ConvCase, data: st.DataObject) -> None:
    x, kernel, bias = case.arrays()
    x0 = x.copy()
    tr = trace_conv1d(case.spec(), x, kernel, bias)
    x_cl = x if case.data_format == "channels_last" else x.transpose(0, 2, 1)
    taps = np.array(
        ref.tap_index(case.steps, case.kernel_size, case.strides, case.dilation_rate, case.padding),
        dtype=np.intp,
    ).reshape(-1, case.kernel_size)
    np.testing.assert_array_equal(tr.tap_input, taps)
    pl, pr, _ = ref.pads(case.steps, case.kernel_size, case.strides, case.dilation_rate, case.padding)
    assert (tr.pad_left, tr.pad_right) == (pl, pr)
    prods = ref.products(x_cl, kernel, case.strides, case.padding, case.dilation_rate, case.groups)
    _assert_close(tr.products, prods)
    b = np.zeros(case.filters) if bias is None else bias
    _assert_close(tr.pre_activation, prods.sum(axis=(3, 4)) + b)
    expected = case.reference(x, kernel, bias)
    expected_cl = expected if case.data_format == "channels_last" else expected.transpose(0, 2, 1)
    _assert_close(tr.output, expected_cl)
    assert tr.output_shape == expected.shape
    # one cell, expanded
    n = data.draw(st.integers(0, case.batch - 1))
    t = data.draw(st.integers(0, tr.out_steps - 1))
    f = data.draw(st.integers(0, case.filters - 1))
    cell = tr.cell(n, t, f)
    _assert_close(cell.products, prods[n, t, f])
    assert cell.value == pytest.approx(float(expected_cl[n, t, f]), rel=1e-9, abs=1e-9)
    assert cell.total + cell.bias == pytest.approx(cell.pre_activation, rel=1e-9, abs=1e-9)
    np.testing.assert_array_equal(x, x0)
    assert x.flags.writeable


@st.composite
def pool_cases(draw: st.DrawFn) -> tuple[np.ndarray, int, int | None, str, str, str]:
    fmt = draw(st.sampled_from(["channels_last", "channels_first"]))
    batch, steps, channels = draw(st.integers(1, 2)), draw(st.integers(1, 12)), draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    shape = (batch, steps, channels) if fmt == "channels_last" else (batch, channels, steps)
    x = rng.normal(size=shape)
    pool_size = draw(st.integers(1, 6))
    strides = draw(st.one_of(st.none(), st.integers(1, 5)))
    return (
        x,
        pool_size,
        strides,
        draw(st.sampled_from(["valid", "same"])),
        draw(st.sampled_from(["max", "average"])),
        fmt,
    )


@settings(max_examples=250, deadline=None, database=None)
@given(pool_cases())
def test_pooling_matches_loop_reference(case: tuple[np.ndarray, int, int | None, str, str, str]) -> None:
    x, pool_size, strides, padding, kind, fmt = case
    x0 = x.copy()
    fn = conv_core.max_pool1d if kind == "max" else conv_core.average_pool1d
    y = fn(x, pool_size, strides, padding, fmt)
    _assert_close(y, ref.pool1d(x, pool_size, strides, padding, kind, fmt))
    np.testing.assert_array_equal(x, x0)
    y32 = fn(x.astype(np.float32), pool_size, strides, padding, fmt)
    assert y32.dtype == np.float32


# ---- named situations, each checked once more on purpose ------------------------------------
SITUATIONS = {
    "odd same split k=2": ConvCase(1, 7, 1, 1, 1, 2, 1, 1, "same", None, "channels_last", False, 1),
    "odd same split k=4": ConvCase(1, 7, 1, 2, 3, 4, 1, 1, "same", "relu", "channels_last", True, 2),
    "same s=2 L=8 split (0,1)": ConvCase(2, 8, 1, 1, 2, 3, 2, 1, "same", None, "channels_first", True, 3),
    "stride larger than input": ConvCase(1, 3, 1, 2, 2, 2, 5, 1, "same", "tanh", "channels_last", True, 4),
    "stride larger than input valid": ConvCase(
        1, 4, 1, 1, 1, 2, 7, 1, "valid", None, "channels_last", True, 5
    ),
    "kernel longer than input same": ConvCase(
        1, 3, 1, 1, 1, 5, 1, 1, "same", None, "channels_last", False, 6
    ),
    "causal with dilation": ConvCase(1, 7, 1, 1, 2, 3, 1, 2, "causal", "sigmoid", "channels_last", True, 7),
    "causal with strides": ConvCase(2, 7, 1, 2, 1, 3, 2, 1, "causal", None, "channels_first", True, 8),
    "depthwise groups": ConvCase(1, 9, 4, 4, 8, 3, 1, 1, "same", "gelu", "channels_last", True, 9),
    "groups channels_first": ConvCase(2, 6, 2, 4, 6, 2, 1, 2, "valid", "elu", "channels_first", True, 10),
    "same dilation holes over padding": ConvCase(
        1, 1, 1, 1, 1, 2, 1, 3, "same", None, "channels_last", True, 11
    ),
}


@pytest.mark.parametrize("case", list(SITUATIONS.values()), ids=list(SITUATIONS))
def test_named_situation_matches_reference(case: ConvCase) -> None:
    x, kernel, bias = case.arrays()
    y = conv_core.conv1d_from_spec(case.spec(), x, kernel, bias)
    _assert_close(y, case.reference(x, kernel, bias))
    tr = trace_conv1d(case.spec(), x, kernel, bias)
    expected_taps = ref.tap_index(
        case.steps, case.kernel_size, case.strides, case.dilation_rate, case.padding
    )
    assert tr.tap_input.tolist() == expected_taps


# ---- the oracle itself, against the worked examples of SEMANTICS.md §1.2 ---------------------
WORKED = [
    (7, 3, 1, 1, "valid", (0, 0), [123, 234, 345, 456, 567]),
    (8, 3, 2, 1, "valid", (0, 0), [123, 345, 567]),
    (4, 4, 1, 1, "valid", (0, 0), [1234]),
    (7, 3, 1, 1, "same", (1, 1), [12, 123, 234, 345, 456, 567, 670]),
    (7, 2, 1, 1, "same", (0, 1), [12, 23, 34, 45, 56, 67, 70]),
    (7, 4, 1, 1, "same", (1, 2), [123, 1234, 2345, 3456, 4567, 5670, 6700]),
    (7, 3, 2, 1, "same", (1, 1), [12, 234, 456, 670]),
    (8, 3, 2, 1, "same", (0, 1), [123, 345, 567, 780]),
    (7, 2, 3, 1, "same", (0, 1), [12, 45, 70]),
    (9, 5, 4, 1, "same", (2, 2), [123, 34567, 78900]),
    (3, 5, 1, 1, "same", (2, 2), [123, 1230, 12300]),
    (7, 2, 1, 3, "same", (1, 2), [3, 14, 25, 36, 47, 50, 60]),
    (7, 3, 1, 1, "causal", (2, 0), [1, 12, 123, 234, 345, 456, 567]),
    (7, 3, 1, 2, "causal", (4, 0), [1, 2, 13, 24, 135, 246, 357]),
    (7, 3, 2, 1, "causal", (2, 0), [1, 123, 345, 567]),
]


@pytest.mark.parametrize("steps,k,s,d,padding,split,expected", WORKED)
def test_oracle_and_core_reproduce_semantics_worked_examples(
    steps: int, k: int, s: int, d: int, padding: str, split: tuple[int, int], expected: list[int]
) -> None:
    x = np.arange(1.0, steps + 1).reshape(1, steps, 1)
    kernel = np.array([10.0 ** (k - 1 - j) for j in range(k)]).reshape(k, 1, 1)
    assert ref.pads(steps, k, s, d, padding)[:2] == split
    assert ref.conv1d(x, kernel, None, s, padding, d)[0, :, 0].tolist() == expected
    y = conv_core.conv1d(x, kernel, strides=s, padding=padding, dilation_rate=d)
    assert y[0, :, 0].tolist() == expected
    assert conv_core.padding_amounts(steps, k, s, padding, d) == split


POOL_WORKED = [
    ("max", 2, None, "valid", [5, 8, 9]),
    ("max", 2, None, "same", [5, 8, 9, 4]),
    ("max", 3, 2, "same", [5, 8, 9, 9]),
    ("average", 2, None, "valid", [3, 5, 6]),
    ("average", 3, 1, "same", [3, 8 / 3, 5, 13 / 3, 20 / 3, 16 / 3, 6.5]),
    ("average", 4, 1, "same", [8 / 3, 4, 4.5, 5.5, 6, 16 / 3, 6.5]),
    ("average", 2, 3, "valid", [3, 5.5]),
]


@pytest.mark.parametrize("kind,p,s,padding,expected", POOL_WORKED)
def test_oracle_reproduces_semantics_pooling_examples(
    kind: str, p: int, s: int | None, padding: str, expected: list[float]
) -> None:
    x = np.array([1.0, 5, 2, 8, 3, 9, 4]).reshape(1, 7, 1)
    np.testing.assert_allclose(ref.pool1d(x, p, s, padding, kind)[0, :, 0], expected, rtol=1e-12)
