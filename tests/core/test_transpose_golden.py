"""Conv1DTranspose against real Keras 3: tests/data/keras_conv1d_transpose.json (see make_transpose_golden.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import conv_core
from conv_core import Conv1DTransposeSpec
from conv_core.layers import run_layer
from conv_core.matrix import conv_transpose_matrix

DATA = json.loads((Path(__file__).parents[1] / "data" / "keras_conv1d_transpose.json").read_text(encoding="utf-8"))
CASES = DATA["cases"]
VALUES = [c for c in CASES if "expected_error" not in c]
ERRORS = [c for c in CASES if "expected_error" in c]


def _arrays(case: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    bias = None if case["bias"] is None else np.array(case["bias"])
    return np.array(case["input"], dtype=np.float64), np.array(case["kernel"]), bias


def test_the_data_is_real_keras_and_covers_the_settings() -> None:
    assert DATA["meta"]["versions"]["keras"].startswith("3.")
    assert len(VALUES) >= 300 and len(ERRORS) >= 10
    seen = {(c["params"].get("padding"), c["params"].get("output_padding") is not None,
             c["params"].get("strides", 1) > 1, c["params"].get("dilation_rate", 1) > 1) for c in VALUES}
    assert len(seen) == 12  # valid/same x output_padding given or not x (strides | dilation | neither)
    assert any(c["params"].get("data_format") == "channels_first" for c in VALUES)
    assert DATA["meta"]["n_torch_checked"] > 50


@pytest.mark.parametrize("case", VALUES, ids=[c["id"] for c in VALUES])
def test_values_shapes_and_parameter_counts_equal_keras(case: dict[str, Any]) -> None:
    x, kernel, bias = _arrays(case)
    y = run_layer("Conv1DTranspose", case["params"], x, kernel, bias)
    assert list(y.shape) == case["expected_output_shape"] == case["compute_output_shape"]
    if y.size:
        np.testing.assert_array_equal(y, np.array(case["expected_output"]))  # dyadic inputs: exact
    if case["torch"] is not None:
        np.testing.assert_array_equal(y, np.array(case["torch"]))
    spec = Conv1DTransposeSpec(**case["params"])
    channels_axis = 1 if spec.data_format == "channels_first" else 2
    channels = x.shape[channels_axis]
    assert spec.param_count(channels) == case["param_count"]
    assert list(spec.output_shape(tuple(x.shape))) == case["expected_output_shape"]
    assert kernel.shape == spec.kernel_shape(channels)


@pytest.mark.parametrize("case", VALUES, ids=[c["id"] for c in VALUES])
def test_keras_values_are_the_transpose_matrix_times_the_input(case: dict[str, Any]) -> None:
    x, kernel, bias = _arrays(case)
    params = dict(case["params"], use_bias=False, activation=None)
    spec = Conv1DTransposeSpec(**params)
    x_cl = x if spec.data_format == "channels_last" else x.transpose(0, 2, 1)
    m = conv_transpose_matrix(spec, x_cl.shape[1], kernel)
    linear = m.apply_transpose(x_cl)
    if bias is not None and case["params"].get("use_bias", True):
        linear = linear + bias
    expected = np.array(case["expected_output"]).reshape(case["expected_output_shape"])
    if spec.data_format == "channels_first":
        expected = expected.transpose(0, 2, 1)
    act = case["params"].get("activation")
    np.testing.assert_allclose(conv_core.apply_activation(linear, act or "linear"), expected, atol=1e-12)


def _unordered_sets(text: str) -> str:
    """Keras prints Python sets ({'same', 'valid'}), whose order changes from run to run: sort them."""
    return re.sub(r"\{([^{}]*)\}", lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}", text)


@pytest.mark.parametrize("case", ERRORS, ids=[c["id"] for c in ERRORS])
def test_errors_are_worded_as_keras(case: dict[str, Any]) -> None:
    err = case["expected_error"]
    with pytest.raises(ValueError) as info:
        Conv1DTransposeSpec(**case["params"])
    assert type(info.value).__name__ == "KerasValueError"
    message = err["message"].replace("kernel_size=(3, 3)", "kernel_size=[3, 3]")  # JSON turns the tuple into a list
    assert _unordered_sets(info.value.keras) == _unordered_sets(message)
    assert info.value.hint and info.value.code
    with pytest.raises(ValueError) as again:
        run_layer("Conv1DTranspose", case["params"], np.array(case["input"]))
    assert _unordered_sets(str(again.value)).startswith(_unordered_sets(message))
