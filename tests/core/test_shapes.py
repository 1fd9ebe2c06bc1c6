"""Kernel, bias and output shapes in Keras, PyTorch and Keras 1 layouts; parameter counts."""

from __future__ import annotations

import numpy as np
import pytest

import conv_core as cc
from conv_core import Conv1DSpec, layer_shapes


def test_material_layer_shapes() -> None:
    s = layer_shapes(Conv1DSpec(filters=100, kernel_size=4, padding="same"), (50, 300))
    assert s.input_shape == (None, 50, 300)
    assert s.output_shape == (None, 50, 100)
    assert s.kernel_keras == (4, 300, 100)
    assert s.kernel_torch == (100, 300, 4)
    assert s.kernel_legacy == (4, 1, 300, 100)
    assert s.bias == (100,)
    assert (s.kernel_params, s.bias_params, s.params) == (120_000, 100, 120_100)
    assert s.params_formula == "k*(C/g)*F + F"
    assert s.params_text == "k*(C/g)*F + F = 4*(300/1)*100 + 100 = 120100"
    assert s.derivation.output_length == 50
    assert s.derivation.step("split").result == (1, 2)


def test_batch_is_kept_when_given() -> None:
    assert layer_shapes(Conv1DSpec(100, 4, padding="same"), (32, 50, 300)).output_shape == (32, 50, 100)
    assert layer_shapes(Conv1DSpec(100, 4, padding="same"), (None, 50, 300)).output_shape == (None, 50, 100)


def test_keras1_convolution1d_111_filters_on_300_channels() -> None:
    s = layer_shapes(Conv1DSpec(111, 5), (1, 40, 300))
    assert s.kernel_legacy == (5, 1, 300, 111)
    assert s.params == 166_611
    assert s.output_shape == (1, 36, 111)
    assert [s.filter_slice(layout, 3) for layout in ("keras", "torch", "legacy")] == [
        "kernel[:, :, 3]",
        "weight[3]",
        "W[:, 0, :, 3]",
    ]


def test_groups_and_no_bias() -> None:
    s = layer_shapes(Conv1DSpec(6, 5, groups=2), (10, 4))
    assert s.kernel_keras == (5, 2, 6) and s.kernel_torch == (6, 2, 5)
    assert s.kernel_legacy is None  # Keras 1 had no groups
    assert s.params == 66 and s.channels_per_group == 2
    nb = layer_shapes(Conv1DSpec(6, 5, use_bias=False), (10, 4))
    assert nb.bias is None and nb.params == 120 and nb.params_text == "k*(C/g)*F = 5*(4/1)*6 = 120"


def test_channels_first() -> None:
    s = layer_shapes(Conv1DSpec(3, 2, strides=2, data_format="channels_first"), (2, 4, 9))
    assert (s.steps, s.channels, s.out_steps) == (9, 4, 4)
    assert s.output_shape == (2, 3, 4)


def test_shapes_agree_with_the_computation() -> None:
    rng = np.random.default_rng(0)
    for spec, shape in [
        (Conv1DSpec(4, 3, 2, "same"), (2, 9, 3)),
        (Conv1DSpec(6, 2, 1, "causal", 3, groups=3), (1, 7, 6)),
        (Conv1DSpec(2, 5, 1, "same", data_format="channels_first"), (1, 2, 3)),
    ]:
        s = layer_shapes(spec, shape)
        x = rng.normal(size=shape)
        y = cc.conv1d_from_spec(spec, x, rng.normal(size=s.kernel_keras), rng.normal(size=s.bias or (0,)))
        assert y.shape == s.output_shape


def test_input_errors_are_kerass() -> None:
    with pytest.raises(ValueError, match="Computed output size would be zero or negative"):
        layer_shapes(Conv1DSpec(1, 5), (4, 1))
    with pytest.raises(ValueError, match="evenly divisible by the number of groups"):
        layer_shapes(Conv1DSpec(3, 2, groups=3), (8, 4))
    with pytest.raises(ValueError, match="expected min_ndim=3, found ndim=1"):
        layer_shapes(Conv1DSpec(1, 2), (56,))


def test_keras_torch_round_trip_and_meaning() -> None:
    kernel = np.arange(24.0).reshape(4, 3, 2)
    weight = cc.keras_to_torch(kernel)
    assert weight.shape == (2, 3, 4)
    for f in range(2):
        np.testing.assert_array_equal(weight[f], kernel[:, :, f].T)
    np.testing.assert_array_equal(cc.torch_to_keras(weight), kernel)
    assert not np.shares_memory(weight, kernel)


def test_legacy_round_trip() -> None:
    kernel = np.arange(30.0).reshape(5, 3, 2)
    w = cc.keras_to_legacy(kernel)
    assert w.shape == (5, 1, 3, 2)
    np.testing.assert_array_equal(w[:, 0, :, 1], kernel[:, :, 1])
    np.testing.assert_array_equal(cc.legacy_to_keras(w), kernel)
    np.testing.assert_array_equal(cc.theano_legacy_to_keras(w), kernel[::-1])


def test_theano_kernel_flip_turns_convolution_into_keras_correlation() -> None:
    """Theano convolved (flipped the kernel): W[::-1, 0] makes Keras 3 give Theano's numbers."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=12)
    w = rng.normal(size=(4, 1, 1, 1))
    theano = np.convolve(x, w[:, 0, 0, 0], mode="valid")  # a true convolution
    keras = cc.conv1d(x.reshape(1, 12, 1), cc.theano_legacy_to_keras(w))[0, :, 0]
    np.testing.assert_allclose(keras, theano, rtol=1e-12)
    plain = cc.conv1d(x.reshape(1, 12, 1), cc.legacy_to_keras(w))[0, :, 0]
    assert not np.allclose(plain, theano)


def test_legacy_kernel_equals_a_conv2d_over_one_column() -> None:
    """Keras 1 ran Conv1D as Conv2D on x[:, :, None, :] with W (k, 1, C, F): same numbers as W[:, 0]."""
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 9, 3))
    w = rng.normal(size=(4, 1, 3, 5))
    x4 = x[:, :, None, :]
    conv2d = np.zeros((2, 6, 1, 5))
    for t in range(6):
        for dy in range(4):
            conv2d[:, t, 0, :] += x4[:, t + dy, 0, :] @ w[dy, 0]
    np.testing.assert_allclose(cc.conv1d(x, cc.legacy_to_keras(w)), conv2d[:, :, 0, :], rtol=1e-12)


def test_torch_weight_gives_the_same_numbers_as_torch() -> None:
    torch = pytest.importorskip("torch")
    functional = pytest.importorskip("torch.nn.functional")
    rng = np.random.default_rng(5)
    x = rng.normal(size=(2, 11, 4))
    kernel = rng.normal(size=(3, 2, 6))
    bias = rng.normal(size=6)
    spec = Conv1DSpec(6, 3, strides=2, padding="same", groups=2)
    pl, pr = spec.padding_amounts(11)
    xt = functional.pad(torch.from_numpy(x.transpose(0, 2, 1).copy()), (pl, pr))
    yt = functional.conv1d(
        xt, torch.from_numpy(cc.keras_to_torch(kernel)), torch.from_numpy(bias), stride=2, groups=2
    )
    ours = cc.conv1d_from_spec(spec, x, kernel, bias)
    np.testing.assert_allclose(ours, yt.numpy().transpose(0, 2, 1), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("k,channels,filters,groups,use_bias", [
    (4, 300, 100, 1, True), (5, 4, 6, 1, False), (3, 6, 4, 2, True), (1, 8, 8, 8, True), (7, 9, 3, 3, False),
])
def test_param_count_is_one_rule_for_shapes_and_the_stack(
    k: int, channels: int, filters: int, groups: int, use_bias: bool
) -> None:
    from conv_core.stack import Conv1D

    spec = Conv1DSpec(filters, k, groups=groups, use_bias=use_bias)
    expected = k * (channels // groups) * filters + (filters if use_bias else 0)
    assert spec.param_count(channels) == expected
    assert spec.kernel_param_count(channels) + spec.bias_param_count == expected
    assert spec.channels_per_group(channels) == channels // groups
    assert layer_shapes(spec, (20, channels)).params == expected
    built = Conv1D(filters=filters, kernel_size=k, groups=groups, use_bias=use_bias).infer((None, 20, channels), "c")
    assert (built.trainable, built.non_trainable) == (expected, 0)
