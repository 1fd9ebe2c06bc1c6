"""The geometry views read from a trace (tap positions, groups, the filter bank), against loops."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conv_core import Conv1DSpec, FilterBankLayout, derive_output_length, trace_conv1d
from conv_core.trace import PAD, Conv1DTrace


def _settings() -> list[tuple[Conv1DSpec, int, int]]:
    """(spec, steps, channels) covering every padding, strides, dilation and groups."""
    cases = []
    for padding, k, (s, d), groups, steps in itertools.product(
        ("valid", "same", "causal"), (1, 2, 3, 4), ((1, 1), (2, 1), (3, 1), (1, 2), (1, 3)), (1, 2), (5, 8)
    ):
        if padding == "valid" and d * (k - 1) + 1 > steps:
            continue
        cases.append((Conv1DSpec(2 * groups, k, s, padding, d, groups), steps, 2 * groups))
    return cases


CASES = _settings()


def _trace(spec: Conv1DSpec, steps: int, channels: int) -> Conv1DTrace:
    rng = np.random.default_rng(steps * 100 + spec.kernel_size)
    x = rng.standard_normal((1, steps, channels))
    kernel = rng.standard_normal(spec.kernel_shape(channels))
    return trace_conv1d(spec, x, kernel, np.zeros(spec.filters))


def _ids(case: tuple[Conv1DSpec, int, int]) -> str:
    spec, steps, _ = case
    return (f"{spec.padding}-k{spec.kernel_size}-s{spec.strides}-d{spec.dilation_rate}-g{spec.groups}"
            f"-L{steps}")


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_tap_steps_are_the_signed_loop_positions(case: tuple[Conv1DSpec, int, int]) -> None:
    spec, steps, channels = case
    tr = _trace(spec, steps, channels)
    pl = tr.pad_left
    for t in range(tr.out_steps):
        for j in range(spec.kernel_size):
            p = t * spec.strides + j * spec.dilation_rate - pl
            assert tr.tap_steps[t, j] == p
            assert tr.tap_on_padding[t, j] == (p < 0 or p >= steps) == tr.is_padding(p)
            assert tr.tap_input[t, j] == (PAD if p < 0 or p >= steps else p)
            assert p in tr.padded_steps
        assert tr.padding_taps(t).tolist() == [
            j for j in range(spec.kernel_size) if tr.is_padding(int(tr.tap_steps[t, j]))]
    assert len(tr.padded_steps) == tr.padded.shape[1]
    assert not tr.tap_steps.flags.writeable and not tr.tap_on_padding.flags.writeable


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_taps_at_finds_every_tap_on_a_cell_padding_included(case: tuple[Conv1DSpec, int, int]) -> None:
    spec, steps, channels = case
    tr = _trace(spec, steps, channels)
    for p in tr.padded_steps:
        expected = [(t, j) for t in range(tr.out_steps) for j in range(spec.kernel_size)
                    if t * spec.strides + j * spec.dilation_rate - tr.pad_left == p]
        assert tr.taps_at(p) == expected
        if not tr.is_padding(p):
            assert tr.taps_at(p) == tr.taps_fed_by(p)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_groups_channels_and_filters(case: tuple[Conv1DSpec, int, int]) -> None:
    spec, steps, channels = case
    tr = _trace(spec, steps, channels)
    cg = channels // spec.groups
    assert tr.channels_per_group == cg == tr.kernel.shape[1] == spec.channels_per_group(channels)
    assert tr.filters_per_group == spec.filters // spec.groups
    for f in range(spec.filters):
        group = f // (spec.filters // spec.groups)
        assert tr.group_of_filter(f) == group
        assert tr.first_channel_of_filter(f) == group * cg
        assert tr.channels_of_filter(f).tolist() == list(range(group * cg, group * cg + cg))


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_derivation_is_the_traced_layer(case: tuple[Conv1DSpec, int, int]) -> None:
    spec, steps, channels = case
    tr = _trace(spec, steps, channels)
    d = tr.derivation
    assert d == derive_output_length(steps, spec.kernel_size, spec.strides, spec.padding, spec.dilation_rate)
    assert (d.output_length, d.pad_left, d.pad_right) == (tr.out_steps, tr.pad_left, tr.pad_right)
    assert d.effective_kernel_size == spec.effective_kernel_size == d.step("keff").result
    if spec.padding == "valid":
        assert d.output_length == math.floor((steps - d.effective_kernel_size) / spec.strides) + 1
    else:
        assert d.output_length == math.ceil(steps / spec.strides)


@settings(max_examples=60, deadline=None)
@given(k=st.integers(1, 6), filters=st.integers(1, 7), rows=st.integers(1, 4))
def test_filter_bank_layout_against_a_loop(k: int, filters: int, rows: int) -> None:
    bank = FilterBankLayout(k, filters)
    assert bank.pitch == k + 1 and bank.width == filters * (k + 1) - 1
    seen = {}
    for f in range(filters):
        assert bank.center(f) == f * (k + 1) + (k - 1) / 2
        for tap in range(k):
            x = bank.x(f, tap)
            assert x == f * (k + 1) + tap == bank.tap_columns()[f, tap]
            assert bank.locate(x) == (f, tap)
            seen[x] = (f, tap)
    for x in range(-2, bank.width + 3):
        assert bank.locate(x) == seen.get(x)
    values = np.arange(k * rows * filters, dtype=float).reshape(k, rows, filters)
    laid = bank.spread(values)
    expected = np.full((filters * (k + 1) - 1, rows), np.nan)
    for f in range(filters):
        expected[f * (k + 1) : f * (k + 1) + k, :] = values[:, :, f]
    np.testing.assert_array_equal(laid, expected)


def test_filter_bank_spread_rejects_a_wrong_shape() -> None:
    with pytest.raises(ValueError, match=r"Expected values of shape \(3, rows, 2\), received \(3, 1, 4\)"):
        FilterBankLayout(3, 2).spread(np.zeros((3, 1, 4)))


def test_trace_bank_matches_the_kernel() -> None:
    spec = Conv1DSpec(4, 3, groups=2)
    tr = trace_conv1d(spec, np.zeros((1, 6, 4)), np.arange(24.0).reshape(3, 2, 4))
    assert tr.bank == FilterBankLayout(3, 4)
    laid = tr.bank.spread(tr.kernel)
    assert laid.shape == (tr.bank.width, tr.channels_per_group)
    np.testing.assert_array_equal(laid[tr.bank.x(2, 1)], tr.kernel[1, :, 2])


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_output_positions_sit_under_their_windows(case: tuple[Conv1DSpec, int, int]) -> None:
    """Output t is drawn under its window: valid and same in the middle, causal at the last tap."""
    tr = _trace(*case)
    pos = tr.output_positions
    assert pos.shape == (tr.out_steps,) and not pos.flags.writeable
    spec = tr.spec
    for t in range(tr.out_steps):
        first, last = int(tr.tap_steps[t, 0]), int(tr.tap_steps[t, -1])
        assert first <= pos[t] <= last
        if spec.padding == "causal":
            assert pos[t] == last == t * spec.strides
        else:
            assert pos[t] == (first + last) / 2
    if tr.out_steps > 1:
        assert np.all(np.diff(pos) == spec.strides)  # the outputs space out like their windows
