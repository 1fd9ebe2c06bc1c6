"""Keras 1 layer calls translated to Keras 3, and border_mode='full' emulated."""

from __future__ import annotations

import math

import numpy as np
import pytest

import conv_core as cc
from conv_core import KerasValueError, translate_legacy


def test_convolution1d_material_example() -> None:
    t = translate_legacy(
        "Convolution1D",
        {"nb_filter": 111, "filter_length": 5, "input_dim": 300, "input_length": 50, "activation": "relu"},
    )
    assert t.modern_class == "Conv1D"
    assert dict(t.kwargs) == {"filters": 111, "kernel_size": 5, "activation": "relu"}
    assert t.input_shape == (50, 300)
    assert {"renamed_nb_filter", "renamed_filter_length", "kernel_layout", "input_shape"} <= set(t.note_codes)
    spec = cc.Conv1DSpec(**t.kwargs)
    shapes = cc.layer_shapes(spec, t.input_shape)  # type: ignore[arg-type]
    assert shapes.kernel_legacy == (5, 1, 300, 111)
    assert shapes.params == 166_611
    assert shapes.output_shape == (None, 46, 111)


def test_every_convolution1d_argument_is_renamed() -> None:
    t = translate_legacy(
        "Convolution1D",
        {
            "nb_filter": 4,
            "filter_length": 3,
            "border_mode": "same",
            "subsample_length": 2,
            "bias": False,
            "init": "uniform",
            "W_regularizer": "l2",
            "b_regularizer": "l1",
            "W_constraint": "max_norm",
            "b_constraint": "non_neg",
            "activity_regularizer": "l2",
            "weights": None,
        },
    )
    assert dict(t.kwargs) == {
        "filters": 4,
        "kernel_size": 3,
        "padding": "same",
        "strides": 2,
        "use_bias": False,
        "kernel_initializer": "random_uniform",
        "kernel_regularizer": "l2",
        "bias_regularizer": "l1",
        "kernel_constraint": "max_norm",
        "bias_constraint": "non_neg",
        "activity_regularizer": "l2",
    }
    assert "weights" in t.note_codes and "renamed_initializer" in t.note_codes
    with pytest.raises(TypeError):
        t.kwargs["filters"] = 5  # type: ignore[index]


def test_atrous_convolution1d() -> None:
    t = translate_legacy("AtrousConvolution1D", {"nb_filter": 2, "filter_length": 3, "atrous_rate": 2})
    assert t.keras_code == "Conv1D(filters=2, kernel_size=3, dilation_rate=2)"
    assert "atrous" in t.note_codes
    with pytest.raises(KerasValueError, match="strides > 1` not supported in conjunction"):
        translate_legacy(
            "AtrousConvolution1D",
            {"nb_filter": 2, "filter_length": 3, "atrous_rate": 2, "subsample_length": 2},
        )


def test_full_border_mode_is_explained_and_emulated() -> None:
    t = translate_legacy(
        "Convolution1D", {"nb_filter": 8, "filter_length": 3, "border_mode": "full", "subsample_length": 2}
    )
    assert t.before == ("ZeroPadding1D(padding=2)",)
    assert t.kwargs["padding"] == "valid"
    note = next(n for n in t.notes if n.code == "full_padding")
    assert "no Keras 3 equivalent" in note.text and "ceil((L + keff - 1)/s)" in note.text


def test_pooling() -> None:
    t = translate_legacy("MaxPooling1D", {"pool_length": 3, "stride": 1, "border_mode": "same"})
    assert t.keras_code == "MaxPooling1D(pool_size=3, strides=1, padding='same')"
    avg = translate_legacy("AveragePooling1D", {})
    assert dict(avg.kwargs) == {"pool_size": 2}
    assert avg.note_codes == ("pool_size_default",)
    x = np.array([1.0, 5, 2, 8, 3, 9, 4]).reshape(1, 7, 1)
    assert cc.average_pool1d(x, **avg.kwargs)[0, :, 0].tolist() == [3, 5, 6]


@pytest.mark.parametrize("steps", range(1, 13))
@pytest.mark.parametrize("k,s,d", [(1, 1, 1), (3, 1, 1), (3, 2, 1), (4, 3, 1), (2, 1, 3), (5, 4, 1)])
def test_legacy_lengths(steps: int, k: int, s: int, d: int) -> None:
    keff = (k - 1) * d + 1
    full = cc.legacy_output_length(steps, k, "full", s, d)
    assert full == math.ceil((steps + keff - 1) / s)
    assert cc.legacy_output_length(steps, k, "same", s, d) == math.ceil(steps / s)
    if steps >= keff:  # Keras 1 valid = Keras 3 valid
        assert cc.legacy_output_length(steps, k, "valid", s, d) == cc.output_length(steps, k, s, "valid", d)
    x = np.random.default_rng(steps).normal(size=(2, steps, 2))
    y = cc.conv1d_full(x, np.ones((k, 2, 3)), strides=s, dilation_rate=d)
    assert y.shape == (2, full, 3)


def test_conv1d_full_is_full_cross_correlation() -> None:
    rng = np.random.default_rng(1)
    x, w = rng.normal(size=9), rng.normal(size=4)
    expected = np.convolve(x, w[::-1], mode="full")  # correlation = convolution with the reversed kernel
    y = cc.conv1d_full(x.reshape(1, 9, 1), w.reshape(4, 1, 1))
    np.testing.assert_allclose(y[0, :, 0], expected, rtol=1e-12)


def test_conv1d_full_channels_first_bias_activation() -> None:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(1, 2, 5))
    kernel, bias = rng.normal(size=(3, 2, 4)), rng.normal(size=4)
    y = cc.conv1d_full(x, kernel, bias, activation="relu", data_format="channels_first")
    manual = cc.conv1d(
        np.pad(x, ((0, 0), (0, 0), (2, 2))), kernel, bias, activation="relu", data_format="channels_first"
    )
    np.testing.assert_array_equal(y, manual)
    assert y.shape == (1, 4, 7)
