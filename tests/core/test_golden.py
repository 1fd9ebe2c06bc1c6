"""Every case of the Keras 3 golden file (tests/data/keras_conv1d_public.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conv_core import ConvError
from conv_core.layers import run_layer

DATA = Path(__file__).resolve().parents[1] / "data" / "keras_conv1d_public.json"
GOLDEN = json.loads(DATA.read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = GOLDEN["cases"]


def _arrays(case: dict[str, Any]) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    x = np.array(case["input"], dtype=np.float64).reshape(case["input_shape"])
    kernel = None if case.get("kernel") is None else np.array(case["kernel"]).reshape(case["kernel_shape"])
    bias = None if case.get("bias") is None else np.array(case["bias"])
    return x, kernel, bias


def test_golden_file_is_the_expected_one() -> None:
    meta = GOLDEN["meta"]
    assert meta["n_cases"] == len(CASES) == 299
    assert meta["versions"]["keras_backends"]["keras_numpy"]["keras"] == "3.15.1"
    assert sum("expected_error" in c for c in CASES) == meta["n_error_cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    x, kernel, bias = _arrays(case)
    x_before = x.copy()
    if "expected_error" in case:
        expected = case["expected_error"]
        with pytest.raises(Exception) as info:
            run_layer(case["layer"], case["params"], x, kernel, bias)
        err = info.value
        assert expected["type"] in [t.__name__ for t in type(err).__mro__]
        assert expected["match"] in str(err)
        assert isinstance(err, ConvError), "every error carries a hint and a code"
        assert err.hint and err.code
        return
    y = run_layer(case["layer"], case["params"], x, kernel, bias)
    expected_y = np.array(case["expected_output"], dtype=np.float64).reshape(case["expected_output_shape"])
    assert y.shape == expected_y.shape
    tol = case["tolerance"]
    scale = max(1.0, float(np.abs(expected_y).max())) if expected_y.size else 1.0
    np.testing.assert_allclose(y, expected_y, rtol=tol["rtol"], atol=tol["atol"] * scale)
    np.testing.assert_array_equal(x, x_before)
