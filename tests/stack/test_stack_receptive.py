"""Receptive fields and jumps of a stack equal brute-force tracing.

Two independent oracles: (1) run the stack with conv_core on one impulse per
input step (kernels of ones, no bias: an output is non-zero exactly when it
depends on the impulse), and (2) a loop that follows every tap index by hand
(Keras's padding rules written out here, not imported).
"""

from __future__ import annotations

import numpy as np
import pytest

import conv_core.stack as stack_mod
from conv_core.stack import (
    GRU,
    Activation,
    AveragePooling1D,
    Conv1D,
    Dense,
    Dropout,
    GlobalAveragePooling1D,
    GlobalMaxPooling1D,
    Layer,
    MaxPooling1D,
    Stack,
    ZeroPadding1D,
    default_weights,
    run_stack,
    summarize,
)
from conv_core.stack import fields as stack_fields


def impulse_depends(stack: Stack) -> dict[str, np.ndarray]:
    """depends[name][t, i]: output t of layer ``name`` changes with input step i."""
    assert stack.input_shape is not None
    steps, channels = stack.input_shape
    assert isinstance(steps, int) and isinstance(channels, int)
    x = np.zeros((steps, steps, channels))
    x[np.arange(steps), np.arange(steps), :] = 1.0  # sample b has an impulse at step b
    run = run_stack(stack, x, default_weights(stack, "ones"))
    out = {}
    for name, y in zip(run.names, run.outputs, strict=True):
        y = y.reshape(steps, 1, -1) if y.ndim == 2 else y  # global pooling: one output
        out[name] = np.transpose(np.abs(y).sum(axis=2) > 0)  # (L_out, L_in)
    return out


def _left_pad(length: int, keff: int, s: int, padding: str) -> int:
    if padding == "valid":
        return 0
    if padding == "causal":
        return keff - 1
    out = -(-length // s)
    return max((out - 1) * s + keff - length, 0) // 2


def traced_depends(stack: Stack) -> dict[str, list[set[int]]]:
    """The same sets by following taps in plain Python."""
    steps = stack.input_shape[0]
    sets: list[set[int]] = [{i} for i in range(steps)]
    out: dict[str, list[set[int]]] = {}
    for layer, name in zip(stack.layers, stack_mod.auto_names(stack.layers), strict=True):
        length = len(sets)
        if isinstance(layer, (Conv1D, MaxPooling1D, AveragePooling1D)):
            if isinstance(layer, Conv1D):
                k, s, d, padding = layer.kernel_size, layer.strides, layer.dilation_rate, layer.padding
            else:
                k, d, padding = layer.pool_size, 1, layer.padding
                s = layer.pool_size if layer.strides is None else layer.strides
            keff = (k - 1) * d + 1
            left = _left_pad(length, keff, s, padding)
            n_out = -(-length // s) if padding != "valid" else max((length - keff) // s + 1, 0)
            new = []
            for t in range(n_out):
                acc: set[int] = set()
                for j in range(k):
                    i = t * s + j * d - left
                    if 0 <= i < length:
                        acc |= sets[i]
                new.append(acc)
            sets = new
        elif isinstance(layer, ZeroPadding1D):
            left, right = layer.amounts()
            sets = [set() for _ in range(left)] + sets + [set() for _ in range(right)]
        elif isinstance(layer, (GlobalMaxPooling1D, GlobalAveragePooling1D)):
            sets = [set().union(*sets)]
        out[name] = sets
    return out


def check_fields(stack: Stack) -> None:
    summary = summarize(stack)
    assert not summary.errors, summary.errors
    by_impulse = impulse_depends(stack)
    by_trace = traced_depends(stack)
    for row in summary.rows:
        if row.name not in by_trace:
            continue
        dep = by_impulse[row.name]
        traced = by_trace[row.name]
        assert [set(np.flatnonzero(r).tolist()) for r in dep] == traced, row.name
        exact = summary.input_steps(row.name)
        assert exact is not None
        assert np.array_equal(exact, dep), row.name
        if not row.has_field:
            continue
        r, j, start = row.receptive_field, row.jump, row.start
        assert r is not None
        if j is None:  # global pooling: one output over every step it can reach
            used = np.flatnonzero(dep[0])
            assert used.size == 0 or used.max() - used.min() + 1 <= r
            continue
        assert start is not None
        exact_span = False
        for t, s in enumerate(traced):
            first, last = start + t * j, start + t * j + r - 1
            assert all(first <= i <= last for i in s), (row.name, t)
            exact_span |= bool(s) and min(s) == first and max(s) == last
        interior = [t for t in range(len(traced)) if start + t * j >= 0
                    and start + t * j + r - 1 < stack.input_shape[0]]
        if interior:
            assert exact_span, row.name  # a window fully inside the input spans exactly r steps


def test_imdb_cnn_fields() -> None:
    st = Stack((Conv1D(filters=2, kernel_size=7), MaxPooling1D(pool_size=5), Conv1D(filters=2, kernel_size=7),
                GlobalMaxPooling1D()), (500, 1))
    summary = summarize(st)
    assert [(r.receptive_field, r.jump, r.start) for r in summary.rows] == [
        (7, 1, 0), (11, 5, 0), (41, 5, 0), (41 + 91 * 5, None, 0)]


def test_wavenet_fields_and_brute_force() -> None:
    layers = tuple(Conv1D(filters=2, kernel_size=2, padding="causal", dilation_rate=d) for d in (1, 2, 4, 8))
    st = Stack((*layers, Conv1D(filters=1, kernel_size=1)), (40, 1))
    summary = summarize(st)
    assert [(r.receptive_field, r.jump, r.start) for r in summary.rows] == [
        (2, 1, -1), (4, 1, -3), (8, 1, -7), (16, 1, -15), (16, 1, -15)]
    check_fields(st)
    # Causal: output t never reads a later step.
    dep = summary.input_steps("conv1d_4")
    assert dep is not None
    assert not np.triu(dep, k=1).any()


@pytest.mark.parametrize(
    "layers",
    [
        (Conv1D(filters=2, kernel_size=3, padding="same", strides=2),
         MaxPooling1D(pool_size=3, padding="same"), Conv1D(filters=2, kernel_size=2, dilation_rate=3)),
        (ZeroPadding1D(padding=(2, 1)), Conv1D(filters=2, kernel_size=3, groups=1),
         AveragePooling1D(pool_size=2, padding="same"), Dropout(rate=0.5), Activation(activation="relu"),
         GlobalAveragePooling1D()),
        (Conv1D(filters=3, kernel_size=4, padding="same"), MaxPooling1D(pool_size=2, strides=1),
         ZeroPadding1D(padding=3), Conv1D(filters=2, kernel_size=3, strides=3)),
    ],
)
def test_hand_picked_stacks(layers: tuple[Layer, ...]) -> None:
    check_fields(Stack(layers, (37, 2)))


def _random_layer(rng: np.random.Generator) -> Layer:
    kind = rng.choice(["conv", "conv", "max", "avg", "pad", "drop"])
    if kind == "conv":
        k = int(rng.integers(1, 5))
        s, d = (int(rng.integers(1, 4)), 1) if rng.random() < 0.5 else (1, int(rng.integers(1, 4)))
        padding = str(rng.choice(["valid", "same", "causal"]))
        return Conv1D(filters=int(rng.integers(1, 3)), kernel_size=k, strides=s, dilation_rate=d,
                      padding=padding)
    if kind in ("max", "avg"):
        cls = MaxPooling1D if kind == "max" else AveragePooling1D
        strides = None if rng.random() < 0.5 else int(rng.integers(1, 4))
        return cls(pool_size=int(rng.integers(1, 4)), strides=strides,
                   padding=str(rng.choice(["valid", "same"])))
    if kind == "pad":
        return ZeroPadding1D(padding=(int(rng.integers(0, 3)), int(rng.integers(0, 3))))
    return Dropout(rate=0.1)


def _random_stacks(n: int, seed: int = 1234) -> list[Stack]:
    rng = np.random.default_rng(seed)
    stacks: list[Stack] = []
    while len(stacks) < n:
        layers = [_random_layer(rng) for _ in range(int(rng.integers(1, 6)))]
        if rng.random() < 0.3:
            layers.append(GlobalMaxPooling1D())
        st = Stack(tuple(layers), (int(rng.integers(8, 48)), int(rng.integers(1, 3))))
        if not summarize(st).errors:
            stacks.append(st)
    return stacks


@pytest.mark.parametrize("st", _random_stacks(60), ids=lambda s: "-".join(
    type(layer).__name__[:4] for layer in s.layers))
def test_random_stacks_equal_brute_force(st: Stack) -> None:
    check_fields(st)


def test_recurrence_path_equals_conv_core_receptive(monkeypatch: pytest.MonkeyPatch) -> None:
    # Long inputs get no exact step sets (conv_core.receptive builds steps x steps matrices): same numbers.
    stacks = _random_stacks(40, seed=99)
    exact = [[(r.receptive_field, r.jump, r.start) for r in summarize(s).rows] for s in stacks]
    monkeypatch.setattr(stack_fields, "EXACT_MAX_STEPS", 0)
    assert [[(r.receptive_field, r.jump, r.start) for r in summarize(s).rows] for s in stacks] == exact
    assert summarize(stacks[0]).input_steps(summarize(stacks[0]).rows[0].name) is None


def test_none_steps_keep_size_and_jump() -> None:
    layers = (Conv1D(filters=2, kernel_size=5), MaxPooling1D(pool_size=3), Conv1D(filters=2, kernel_size=5),
              Conv1D(filters=2, kernel_size=3, padding="same"))
    known = summarize(Stack(layers, (100, 14)))
    unknown = summarize(Stack(layers, (None, 14)))
    assert [(r.receptive_field, r.jump) for r in unknown.rows] == [
        (r.receptive_field, r.jump) for r in known.rows]
    # pooling 'same' with strides > 1 pads by an amount that depends on the length: start unknown
    assert unknown.rows[1].start == 0  # valid pooling: no padding
    strided_same = summarize(Stack((MaxPooling1D(pool_size=2, padding="same"),), (None, 1)))
    assert strided_same.rows[0].start is None
    assert unknown.input_steps("conv1d") is None


def test_steps_gone_after_recurrent_or_flatten() -> None:
    st = Stack((Conv1D(filters=4, kernel_size=3), GRU(units=4, return_sequences=True),
                Conv1D(filters=2, kernel_size=3), Dense(units=1)), (20, 2))
    rows = summarize(st).rows
    assert rows[0].receptive_field == 3
    assert rows[2].receptive_field is None  # every step after an RNN sees all earlier steps
    assert "receptive_field" in rows[2].to_dict()
    assert "receptive_field" not in rows[3].to_dict()


def test_long_stack_uses_recurrence() -> None:
    layers: list[Layer] = []
    for k, s in [(7, 2), (5, 2), (3, 1)]:
        layers += [Conv1D(filters=2, kernel_size=k, strides=s, padding="same"), MaxPooling1D(pool_size=2)]
    summary = summarize(Stack((*layers, GlobalAveragePooling1D()), (2000, 2)))
    # r = 1 + 6*1 + 1*2 + 4*4 + 1*8 + 2*16 + 1*16
    assert [r.receptive_field for r in summary.rows[:-1]] == [7, 9, 25, 33, 65, 81]
    assert [r.jump for r in summary.rows[:-1]] == [2, 4, 8, 16, 16, 32]
    assert summary.input_steps("conv1d") is None  # over the exact-set limit
