"""One table per Keras vocabulary (paddings, data formats, activations, layer arguments), agreeing everywhere."""

from __future__ import annotations

import dataclasses
from typing import get_args

import numpy as np
import pytest

import conv_core as cc
from conv_core import stack as cs
from conv_core.activations import normalize_activation
from conv_core.padding import normalize_padding
from conv_core.spec import normalize_data_format


def test_paddings() -> None:
    assert cc.PADDINGS == get_args(cc.Padding) == ("valid", "same", "causal")
    assert cc.POOL_PADDINGS == get_args(cc.PoolPadding) == ("valid", "same")
    for p in cc.PADDINGS:
        assert normalize_padding(p.upper()) == p
    for p in cc.POOL_PADDINGS:
        assert cc.Pool1DSpec(2, padding=p).padding == p
    with pytest.raises(cc.KerasValueError, match="'causal' exists only for Conv1D"):
        cc.conv1d_transpose(np.ones((1, 4, 1)), np.ones((2, 1, 1)), padding="causal")


def test_data_formats() -> None:
    assert cc.DATA_FORMATS == get_args(cc.DataFormat) == ("channels_last", "channels_first")
    for fmt in cc.DATA_FORMATS:
        assert normalize_data_format(fmt) == fmt == cc.Conv1DSpec(1, 1, data_format=fmt).data_format
    assert normalize_data_format(None) == "channels_last"


def test_activations() -> None:
    names = get_args(cc.ActivationName)
    assert cc.activation_names() == names == tuple(cc.ACTIVATIONS)
    assert set(names) <= cc.KERAS_ACTIVATIONS
    assert cs.KERAS_ACTIVATIONS is cc.KERAS_ACTIVATIONS
    for name in names:
        assert normalize_activation(name.upper()) == name


def test_conv1d_arguments_are_one_table() -> None:
    required = ("filters", "kernel_size")
    assert cc.CONV1D_ARGUMENTS[:2] == required
    assert set(cc.CONV1D_ARGUMENTS) == set(required) | set(cc.CONV1D_KERAS_DEFAULTS) == set(required) | set(
        cc.CONV1D_DEFAULTS)
    assert {f.name for f in dataclasses.fields(cc.Conv1DSpec)} == set(cc.CONV1D_ARGUMENTS)
    # the stack's Conv1D takes Keras's arguments in Keras's order, with Keras's raw defaults
    stack_fields = [f for f in dataclasses.fields(cs.Conv1D) if f.name not in ("name", "line", "legacy", "trainable")]
    assert tuple(f.name for f in stack_fields) == cc.CONV1D_ARGUMENTS
    assert {f.name: f.default for f in stack_fields if f.name not in required} == cc.CONV1D_KERAS_DEFAULTS
    # Keras's raw defaults normalise to the spec's defaults
    spec = cc.Conv1DSpec(1, 1, **cc.CONV1D_KERAS_DEFAULTS)
    assert {name: getattr(spec, name) for name in cc.CONV1D_DEFAULTS} == cc.CONV1D_DEFAULTS


def test_pooling_arguments_are_one_table() -> None:
    assert {f.name for f in dataclasses.fields(cc.Pool1DSpec)} - {"kind"} == set(cc.POOL1D_ARGUMENTS)
    for cls in (cs.MaxPooling1D, cs.AveragePooling1D):
        fields = [f for f in dataclasses.fields(cls) if f.name not in ("name", "line", "legacy", "trainable")]
        assert tuple(f.name for f in fields) == cc.POOL1D_ARGUMENTS
        assert {f.name: f.default for f in fields if f.name != "pool_size"} == cc.POOL1D_KERAS_DEFAULTS
    assert cs.MaxPooling1D(pool_size=3, padding="same").keras_call() == "MaxPooling1D(pool_size=3, padding='same')"
