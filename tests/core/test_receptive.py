"""Receptive fields of layer stacks, checked against brute force with the loop oracle."""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref
from hypothesis import given, settings
from hypothesis import strategies as st

from conv_core import Conv1DSpec, FieldNumbers, KerasValueError, Pool1DSpec, StackLayer, receptive_field


def _run_stack(layers: list[StackLayer], x: np.ndarray) -> np.ndarray:
    """Apply the stack with the loop oracle: conv kernels of ones (1 filter), no bias."""
    for lay in layers:
        if lay.kind == "conv":
            if x.shape[1] == 0:
                return x
            x = ref.conv1d(x, np.ones((lay.size, 1, 1)), None, lay.stride, lay.padding, lay.dilation_rate)
        else:
            if x.shape[1] == 0:
                return x
            x = ref.pool1d(
                x, lay.size, lay.stride, lay.padding, "max" if lay.kind == "max_pool" else "average"
            )
    return x


def _brute_force(layers: list[StackLayer], steps: int) -> tuple[np.ndarray, np.ndarray]:
    """``(depends, values)``: which outputs move when one input step is 1 instead of 0."""
    columns = []
    for i in range(steps):
        x = np.zeros((1, steps, 1))
        x[0, i, 0] = 1.0
        columns.append(_run_stack(layers, x)[0, :, 0])
    values = np.stack(columns, axis=1)  # (L_out, steps)
    return values > 0, values


@st.composite
def stacks(draw: st.DrawFn) -> tuple[list[StackLayer], int]:
    layers = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["conv", "conv", "max_pool", "average_pool"]))
        size = draw(st.integers(1, 4))
        if kind == "conv":
            padding = draw(st.sampled_from(["valid", "same", "causal"]))
            if draw(st.booleans()):
                strides, dilation = draw(st.integers(1, 3)), 1
            else:
                strides, dilation = 1, draw(st.integers(1, 3))
            layers.append(StackLayer("conv", size, strides, dilation, padding))
        else:
            strides_or_none = draw(st.one_of(st.none(), st.integers(1, 3)))
            layers.append(
                StackLayer(kind, size, strides_or_none, 1, draw(st.sampled_from(["valid", "same"])))
            )
    return layers, draw(st.integers(1, 16))


@settings(max_examples=150, deadline=None, database=None)
@given(stacks())
def test_exact_dependencies_match_brute_force(stack: tuple[list[StackLayer], int]) -> None:
    layers, steps = stack
    try:
        rf = receptive_field(layers, steps)
    except KerasValueError as err:
        assert err.code == "stack_too_short"
        return
    depends, values = _brute_force(layers, steps)
    assert rf.depends.shape == depends.shape
    np.testing.assert_array_equal(rf.depends, depends)
    if all(lay.kind == "conv" for lay in layers):
        # kernels of ones count the chains of taps from input i to output t
        np.testing.assert_array_equal(rf.paths, values.astype(np.int64))
    unused = tuple(int(i) for i in np.flatnonzero(~depends.any(axis=0)))
    assert rf.unused_inputs == unused
    for t in range(rf.output_length):
        first, last = rf.span_of(t)
        inputs = rf.inputs_of(t)
        assert np.all((inputs >= first) & (inputs <= last)), "exact set lies inside the span"


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(1, 3)), min_size=1, max_size=3), st.integers(0, 20))
def test_valid_undilated_stack_field_is_the_span(sizes: list[tuple[int, int]], extra: int) -> None:
    """Without padding and holes, output t reads exactly start + t*jump ... + size - 1.

    (No hole appears while every layer but the last has strides <= kernel_size: then
    ``r_l >= j_l`` and neighbouring fields overlap or touch.)
    """
    last = len(sizes) - 1
    layers = [StackLayer("conv", k, s if i == last else min(s, k)) for i, (k, s) in enumerate(sizes)]
    steps = sum(k for k, _ in sizes) * 9 + extra  # long enough for every layer
    rf = receptive_field(layers, steps)
    for t in range(rf.output_length):
        first, last = rf.span_of(t)
        assert rf.inputs_of(t).tolist() == list(range(first, last + 1))


def test_per_layer_size_jump_start() -> None:
    layers = [
        Conv1DSpec(8, 3, padding="same"),
        Pool1DSpec(2),
        Conv1DSpec(8, 3, dilation_rate=2, padding="causal"),
        StackLayer("average_pool", 3, 1, padding="same"),
    ]
    rf = receptive_field(layers, 20)
    numbers = [(f.size, f.jump, f.start, f.pad_left, f.output_length) for f in rf.layers]
    # r: 1+2=3, 3+1*1=4, 4+4*2=12, 12+2*2=16; j: 1,2,2,2; start: -1, -1, -1-4*2=-9, -9-1*2=-11
    assert numbers == [(3, 1, -1, 1, 20), (4, 2, -1, 0, 10), (12, 2, -9, 4, 10), (16, 2, -11, 1, 10)]
    assert rf.size == 16 and rf.jump == 2 and rf.start == -11


def test_dilation_leaves_holes_and_padding_is_excluded() -> None:
    rf = receptive_field([StackLayer("conv", 3, dilation_rate=3, padding="same")], 10)
    # keff = 7, same pads (3, 3): output 0 taps -3, 0, 3 -> inputs 0 and 3
    assert rf.inputs_of(0).tolist() == [0, 3]
    assert rf.inputs_of(5).tolist() == [2, 5, 8]
    assert rf.span_of(0) == (-3, 3)


def test_strides_skip_inputs() -> None:
    rf = receptive_field([StackLayer("conv", 2, strides=3)], 10)
    assert rf.unused_inputs == (2, 5, 8, 9)
    assert rf.layers[0].output_length == 3


def test_empty_pooling_output_propagates() -> None:
    rf = receptive_field([StackLayer("max_pool", 5), StackLayer("conv", 3, padding="same")], 3)
    assert rf.output_length == 0
    assert rf.unused_inputs == (0, 1, 2)


def test_conv_valid_too_short_in_the_middle_of_a_stack() -> None:
    with pytest.raises(KerasValueError, match="Layer 1"):
        receptive_field([StackLayer("conv", 3, strides=3), StackLayer("conv", 4)], 9)


def test_results_are_read_only() -> None:
    rf = receptive_field([StackLayer("conv", 3)], 6)
    with pytest.raises(ValueError):
        rf.depends[0, 0] = False


def test_from_spec_keeps_geometry() -> None:
    assert StackLayer.from_spec(Conv1DSpec(4, 3, 2, "causal")) == StackLayer("conv", 3, 2, 1, "causal")
    assert StackLayer.from_spec(Pool1DSpec(3, kind="average")) == StackLayer("average_pool", 3, 3)


@settings(max_examples=150, deadline=None)
@given(stacks())
def test_field_numbers_recurrence_with_and_without_the_length(case: tuple[list[StackLayer], int]) -> None:
    """FieldNumbers.then is the recurrence of receptive_field; size and jump never need the length."""
    layers, steps = case
    try:
        rf = receptive_field(layers, steps)
    except KerasValueError:
        return
    known = unknown = FieldNumbers(1, 1, 0)
    length = steps
    for lay, f in zip(layers, rf.layers, strict=True):
        if length == 0:  # an empty pooling output: nothing left to map (a model raises before this)
            break
        known, unknown = known.then(lay, length), unknown.then(lay, None)
        assert (known.size, known.jump, known.start) == (f.size, f.jump, f.start)
        assert (unknown.size, unknown.jump) == (f.size, f.jump)
        assert unknown.start in (None, f.start)
        assert lay.pad_left(None) in (None, lay.pad_left(length))
        length = lay.output_length(length)


def test_pad_left_without_the_length() -> None:
    assert StackLayer("conv", 3, padding="valid").pad_left(None) == 0
    assert StackLayer("conv", 3, padding="causal", dilation_rate=2).pad_left(None) == 4
    assert StackLayer("conv", 4, padding="same").pad_left(None) == 1  # total keff - 1 = 3: 1 left, 2 right
    assert StackLayer("conv", 3, strides=2, padding="same").pad_left(None) is None
    assert StackLayer("conv", 3, strides=2, padding="same").pad_left(8) == 0
    assert StackLayer("conv", 3, strides=2, padding="same").pad_left(7) == 1
    assert FieldNumbers(3, 1, 0).then(StackLayer("max_pool", 2, padding="same"), None) == FieldNumbers(4, 2, None)
