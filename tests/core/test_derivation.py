"""The output-length derivation: structured steps that agree with the computation."""

from __future__ import annotations

import dataclasses

import pytest

import conv_core as cc
from conv_core import DERIVATION_KEYS, ENGLISH_TEMPLATES, derive_output_length, render_derivation
from conv_core.derivation import DERIVATION_KEYS as KEYS_FROM_MODULE


def test_keys_are_documented_and_templated() -> None:
    assert DERIVATION_KEYS is KEYS_FROM_MODULE
    assert set(ENGLISH_TEMPLATES) == set(DERIVATION_KEYS)


def test_valid() -> None:
    d = derive_output_length(7, 3, strides=2)
    assert d.keys == ("keff", "valid_out")
    step = d.step("valid_out")
    assert (step.formula, step.substituted, step.result) == (
        "floor((L - keff)/s) + 1",
        "floor((7 - 3)/2) + 1",
        3,
    )
    assert (d.output_length, d.pad_left, d.pad_right, d.ok) == (3, 0, 0, True)


def test_dilation_in_keff() -> None:
    step = derive_output_length(10, 3, dilation_rate=2).step("keff")
    assert (step.formula, step.substituted, step.result) == ("(k - 1)*d + 1", "(3 - 1)*2 + 1", 5)


def test_same_odd_split_goes_right() -> None:
    d = derive_output_length(7, 4, padding="same")
    assert d.keys == ("keff", "same_out", "same_total", "split", "padded_len")
    split = d.step("split")
    assert split.result == (1, 2) and split.value("odd") == 1 and split.value("total") == 3
    assert "extra zero on the right" in render_derivation(d)
    even = derive_output_length(7, 3, padding="same")
    assert even.step("split").value("odd") == 0
    assert "extra zero" not in render_derivation(even)


def test_same_with_strides_depends_on_length() -> None:
    assert derive_output_length(7, 3, 2, "same").step("split").result == (1, 1)
    assert derive_output_length(8, 3, 2, "same").step("split").result == (0, 1)
    assert derive_output_length(9, 1, 4, "same").step("same_total").result == 0


def test_causal() -> None:
    d = derive_output_length(7, 3, padding="causal", dilation_rate=2)
    assert d.keys == ("keff", "causal_pad", "causal_out", "padded_len")
    assert d.step("causal_pad").result == (4, 0)
    assert d.step("padded_len").result == 11


def test_too_short_valid_conv_and_pool() -> None:
    d = derive_output_length(4, 5)
    assert not d.ok and d.keys[-1] == "too_short"
    assert d.step("too_short").substituted == "4 < 5" and d.step("too_short").value("missing") == 1
    assert "Keras raises an error" in render_derivation(d)
    p = derive_output_length(3, 5, pooling=True)
    assert p.ok and p.output_length == 0
    assert "empty output" in render_derivation(p)


@pytest.mark.parametrize("padding", ["valid", "same", "causal"])
def test_agrees_with_output_length_and_padding_amounts(padding: str) -> None:
    for steps in range(1, 21):
        for k in range(1, 6):
            for s, d in [(1, 1), (2, 1), (3, 1), (4, 1), (1, 2), (1, 3)]:
                der = derive_output_length(steps, k, s, padding, d)
                keff = (k - 1) * d + 1
                if padding == "valid" and steps < keff:
                    assert not der.ok
                    continue
                assert der.output_length == cc.output_length(steps, k, s, padding, d)
                assert (der.pad_left, der.pad_right) == cc.padding_amounts(steps, k, s, padding, d)


def test_another_language_from_the_keys() -> None:
    zh = {key: "{result}" for key in DERIVATION_KEYS}
    zh["keff"] = "有效卷积核长度 keff = {substituted} = {result}"
    text = render_derivation(derive_output_length(7, 3, dilation_rate=2, padding="same"), zh)
    assert text.splitlines()[0] == "有效卷积核长度 keff = (3 - 1)*2 + 1 = 5"


def test_steps_are_frozen() -> None:
    d = derive_output_length(7, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.lines[0].result = 4  # type: ignore[misc]
