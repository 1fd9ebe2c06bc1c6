"""The convolution matrix C (conv_core.matrix) against conv1d and conv1d_transpose, over random settings.

Budgets: Conv1D 400 + Conv1DTranspose 300 + Cᵀ of the matching Conv1D 300 random settings per run.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_reference_properties import ConvCase, conv_cases

import conv_core
from conv_core import Conv1DSpec, Conv1DTransposeSpec
from conv_core.matrix import NO_TAP, conv_matrix, conv_transpose_matrix


def _close(actual: np.ndarray, expected: np.ndarray) -> None:
    assert actual.shape == expected.shape
    scale = max(1.0, float(np.abs(expected).max())) if expected.size else 1.0
    np.testing.assert_allclose(actual, expected, rtol=1e-10, atol=1e-10 * scale)


def _linear(case: ConvCase) -> Conv1DSpec:
    return Conv1DSpec(case.filters, case.kernel_size, case.strides, case.padding, case.dilation_rate, case.groups,
                      use_bias=False)


@settings(max_examples=400, deadline=None, database=None)
@given(conv_cases())
def test_matrix_times_padded_input_is_conv1d(case: ConvCase) -> None:
    """C·x̃ equals conv1d for every padding, stride, dilation and groups case (no bias, linear)."""
    x, kernel, _ = case.arrays()
    x_cl = x if case.data_format == "channels_last" else x.transpose(0, 2, 1)
    spec = _linear(case)
    m = conv_matrix(spec, case.steps, kernel)
    _close(m.apply(x_cl), conv_core.conv1d_from_spec(spec, x_cl, kernel))
    # shape: one row per (filter, output step), one column per (channel, padded step)
    pl, pr = spec.padding_amounts(case.steps)
    assert m.dense().shape == (case.filters * spec.output_length(case.steps), case.channels * (case.steps + pl + pr))
    assert int(m.padding_columns.sum()) == pl + pr
    assert m.padding_columns[:pl].all() and m.padding_columns[pl + case.steps :].all()


@settings(max_examples=200, deadline=None, database=None)
@given(conv_cases())
def test_each_row_is_the_kernel_at_its_window(case: ConvCase) -> None:
    """Row t of block (f, c) holds K[j, c', f] at column t*s + j*d and zeros elsewhere (holes, shifts)."""
    _, kernel, _ = case.arrays()
    spec = _linear(case)
    m = conv_matrix(spec, case.steps, kernel)
    cg, fg = case.channels // case.groups, case.filters // case.groups
    for f in range(case.filters):
        for c in range(case.channels):
            block = m.block(f, c)
            if c // cg != f // fg:
                assert not block.any()  # another group: all zeros
                continue
            for t in range(m.rows):
                expected = np.zeros(m.padded_steps)
                for j in range(case.kernel_size):
                    expected[t * case.strides + j * case.dilation_rate] = kernel[j, c % cg, f]
                np.testing.assert_array_equal(block[t], expected)
                taps = m.tap_grid()[t]
                assert [m.tap_at(t, p) for p in range(m.padded_steps)] == taps.tolist()
                assert sorted(taps[taps != NO_TAP].tolist()) == list(range(case.kernel_size))


@st.composite
def transpose_cases(draw: st.DrawFn) -> tuple[Conv1DTransposeSpec, np.ndarray, np.ndarray]:
    k = draw(st.integers(1, 5))
    if draw(st.booleans()):
        s, d = draw(st.integers(1, 4)), 1
    else:
        s, d = 1, draw(st.integers(1, 3))
    op = draw(st.one_of(st.none(), st.integers(0, s - 1)))
    spec = Conv1DTransposeSpec(
        filters=draw(st.integers(1, 3)), kernel_size=k, strides=s, padding=draw(st.sampled_from(["valid", "same"])),
        output_padding=op, dilation_rate=d, use_bias=False,
    )
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    steps, channels = draw(st.integers(1, 9)), draw(st.integers(1, 3))
    x = rng.normal(size=(draw(st.integers(1, 2)), steps, channels))
    return spec, x, rng.normal(size=spec.kernel_shape(channels))


@settings(max_examples=300, deadline=None, database=None)
@given(transpose_cases())
def test_transpose_matrix_times_input_is_conv1d_transpose(
    case: tuple[Conv1DTransposeSpec, np.ndarray, np.ndarray],
) -> None:
    """Cᵀ·x (real columns) equals conv1d_transpose, output_padding and 'same' cropping included."""
    spec, x, kernel = case
    m = conv_transpose_matrix(spec, x.shape[1], kernel)
    assert m.transposed and m.steps == spec.output_length(x.shape[1])
    y = conv_core.conv1d_transpose_from_spec(spec, x, kernel)
    _close(m.apply_transpose(x), y)
    # the scatter animation: after every input step has scattered, the running sums are the output
    tr = conv_core.trace_conv1d_transpose(spec, x, kernel)
    for n in range(x.shape[0]):
        _close(tr.partial(n, x.shape[1] - 1), y[n])
        # input step i lands where column i of C has its taps
        i = x.shape[1] - 1
        landed = [int(p) for p in tr.positions(i) if 0 <= p < tr.out_steps]
        assert landed == [int(c) - m.pad_left for c in m.tap_columns[i] if not m.padding_columns[c]]


@settings(max_examples=300, deadline=None, database=None)
@given(transpose_cases())
def test_conv1d_transpose_is_the_transpose_of_the_matching_conv1d(
    case: tuple[Conv1DTransposeSpec, np.ndarray, np.ndarray],
) -> None:
    """Conv1DTranspose's matrix is Cᵀ of the Conv1D that maps its output length back to its input length.

    The matching Conv1D has the same kernel_size, strides, dilation_rate and padding, filters = the
    transposed layer's input channels and the same kernel array.  Where that Conv1D on the transposed
    output's length gives back the input's length (always, except some 'same' with output_padding),
    the two matrices agree entry for entry on the real columns.
    """
    spec, x, kernel = case
    steps, channels = x.shape[1], x.shape[2]
    out_len = spec.output_length(steps)
    conv = Conv1DSpec(channels, spec.kernel_size, spec.strides, spec.padding, spec.dilation_rate, use_bias=False)
    if (out_len < spec.effective_kernel_size and spec.padding == "valid") or out_len == 0:
        return
    if conv.output_length(out_len) != steps or conv.padding_amounts(out_len)[0] != spec.crop_left():
        assert spec.padding == "same" and spec.output_padding is not None
        return
    c = conv_matrix(conv, out_len, kernel)
    t = conv_transpose_matrix(spec, steps, kernel)
    np.testing.assert_array_equal(c.dense()[:, c.real_columns()], t.dense()[:, t.real_columns()])
    y = conv_core.conv1d_transpose_from_spec(spec, x, kernel)
    _close(c.apply_transpose(x), y)


def test_transpose_with_defaults_always_matches_a_conv1d() -> None:
    """Without output_padding the matching Conv1D exists for every setting (a sweep, no skips)."""
    rng = np.random.default_rng(7)
    for steps in range(1, 8):
        for k in range(1, 5):
            for s, d in ((1, 1), (2, 1), (3, 1), (1, 2), (1, 3)):
                for pad in ("valid", "same"):
                    spec = Conv1DTransposeSpec(2, k, s, pad, dilation_rate=d, use_bias=False)
                    conv = Conv1DSpec(3, k, s, pad, d, use_bias=False)
                    out_len = spec.output_length(steps)
                    assert conv.output_length(out_len) == steps
                    kernel = rng.normal(size=(k, 2, 3))
                    x = rng.normal(size=(1, steps, 3))
                    _close(conv_matrix(conv, out_len, kernel).apply_transpose(x),
                           conv_core.conv1d_transpose_from_spec(spec, x, kernel))


def test_the_picture_of_a_dilated_strided_layer() -> None:
    """The worked example: holes of d - 1 zeros and shifts of s columns, padding columns marked."""
    k = np.array([1.0, 2.0, 3.0]).reshape(3, 1, 1)
    dil = conv_matrix(Conv1DSpec(1, 3, dilation_rate=2, padding="causal"), 5, k)
    assert dil.pad_left == 4 and dil.padding_columns.tolist() == [True] * 4 + [False] * 5
    assert dil.filter_matrix(0)[4].tolist() == [0, 0, 0, 0, 1, 0, 2, 0, 3]
    strided = conv_matrix(Conv1DSpec(1, 3, strides=2), 7, k).filter_matrix(0)
    assert strided.tolist() == [[1, 2, 3, 0, 0, 0, 0], [0, 0, 1, 2, 3, 0, 0], [0, 0, 0, 0, 1, 2, 3]]


def test_groups_make_a_block_diagonal_matrix() -> None:
    m = conv_matrix(Conv1DSpec(4, 2, groups=2), 3, np.ones((2, 1, 4)))
    nonzero = [[bool(m.block(f, c).any()) for c in range(2)] for f in range(4)]
    assert nonzero == [[True, False], [True, False], [False, True], [False, True]]


def test_errors() -> None:
    with pytest.raises(ValueError, match=r"kernel must have shape \(kernel_size, channels // groups, filters\)"):
        conv_matrix(Conv1DSpec(2, 3), 5, np.ones((3, 1, 1)))
    with pytest.raises(ValueError, match="Computed output size would be zero or negative"):
        conv_matrix(Conv1DSpec(1, 3), 2, np.ones((3, 1, 1)))
    with pytest.raises(ValueError, match=r"kernel must have shape \(kernel_size, filters, channels\)"):
        conv_transpose_matrix(Conv1DTransposeSpec(2, 3), 5, np.ones((3, 1, 1)))
    m = conv_matrix(Conv1DSpec(1, 3), 5, np.ones((3, 1, 1)))
    with pytest.raises(ValueError, match=r"`x` must have shape \(batch, 5, 1\), received \(1, 4, 1\)"):
        m.apply(np.ones((1, 4, 1)))
    with pytest.raises(ValueError, match=r"`y` must have shape \(batch, 3, 1\)"):
        m.apply_transpose(np.ones((3, 1)))
