"""Kernel presets: Keras's initializer rules from a seeded generator, and teaching kernels."""

from __future__ import annotations

import math

import numpy as np
import pytest

import conv_core as cc
from conv_core import KERNEL_PRESETS, compute_fans, make_kernel


@pytest.mark.parametrize("name", KERNEL_PRESETS)
def test_every_preset_has_the_shape_and_is_deterministic(name: str) -> None:
    a = make_kernel(name, (4, 3, 6), seed=7)
    assert a.shape == (4, 3, 6) and a.dtype == np.float64
    np.testing.assert_array_equal(a, make_kernel(name, (4, 3, 6), seed=7))
    assert make_kernel(name, (4, 3, 6), seed=7, dtype=np.float32).dtype == np.float32


@pytest.mark.parametrize("name", ["glorot_uniform", "he_normal"])
def test_random_presets_depend_on_the_seed(name: str) -> None:
    assert not np.array_equal(make_kernel(name, (3, 2, 2), seed=0), make_kernel(name, (3, 2, 2), seed=1))


def test_fans_follow_keras() -> None:
    assert compute_fans((4, 300, 100)) == (1200, 400)  # k*C/g, k*F
    assert compute_fans((3, 2, 6)) == (6, 18)
    assert compute_fans((5, 7)) == (5, 7)
    assert compute_fans((9,)) == (9, 9)
    assert compute_fans(()) == (1, 1)


def test_glorot_uniform_limit_and_spread() -> None:
    k = make_kernel("glorot_uniform", (4, 300, 100), seed=0)
    limit = math.sqrt(6 / (1200 + 400))
    assert np.abs(k).max() <= limit
    assert k.std() == pytest.approx(limit / math.sqrt(3), rel=0.02)
    assert abs(k.mean()) < 0.01 * limit


def test_he_normal_truncated_at_two_sigma_with_std_sqrt_2_over_fan_in() -> None:
    k = make_kernel("he_normal", (4, 300, 100), seed=0)
    target = math.sqrt(2 / 1200)
    sigma = target / 0.87962566103423978
    assert np.abs(k).max() <= 2 * sigma
    assert np.abs(k).max() > 1.9 * sigma  # really truncated at 2 sigma, not narrower
    assert k.std() == pytest.approx(target, rel=0.02)


def test_constant_zeros_ones() -> None:
    assert make_kernel("constant", (2, 1, 1)).tolist() == [[[1.0]], [[1.0]]]
    assert make_kernel("constant", (2, 1, 1), value=0.5).tolist() == [[[0.5]], [[0.5]]]
    assert not make_kernel("zeros", (2, 2, 2)).any()
    assert make_kernel("ones", (2, 2, 2)).all()


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_identity_copies_the_input_under_same(k: int) -> None:
    x = np.random.default_rng(k).normal(size=(2, 9, 3))
    y = cc.conv1d(x, make_kernel("identity", (k, 3, 3)), padding="same")
    np.testing.assert_array_equal(y, x)


def test_identity_depthwise_and_more_filters_than_channels() -> None:
    x = np.random.default_rng(0).normal(size=(1, 6, 4))
    y = cc.conv1d(x, make_kernel("identity", (3, 1, 4)), padding="same", groups=4)
    np.testing.assert_array_equal(y, x)
    y2 = cc.conv1d(x[:, :, :2], make_kernel("identity", (3, 2, 5)), padding="same")
    np.testing.assert_array_equal(y2, x[:, :, [0, 1, 0, 1, 0]])  # filter f copies channel f % (C/g)


def test_moving_average_is_a_mean_of_one_channel() -> None:
    x = np.random.default_rng(1).normal(size=(1, 10, 2))
    y = cc.conv1d(x, make_kernel("moving_average", (4, 2, 2)))
    expected = np.stack([x[0, t : t + 4].mean(axis=0) for t in range(7)])
    np.testing.assert_allclose(y[0], expected, rtol=1e-12)


def test_difference_kernels() -> None:
    x = np.array([1.0, 4, 9, 16, 25]).reshape(1, 5, 1)
    assert cc.conv1d(x, make_kernel("difference", (2, 1, 1)))[0, :, 0].tolist() == [3, 5, 7, 9]
    assert cc.conv1d(x, make_kernel("difference", (3, 1, 1)))[0, :, 0].tolist() == [8, 12, 16]
    assert make_kernel("difference", (4, 1, 1))[:, 0, 0].tolist() == [-1, 0, 0, 1]
