"""Output shapes, parameter counts and errors equal what real Keras 3 reported.

The numbers come from tests/stack/data/keras_summaries.json, written once by
make_keras_summaries.py with real Keras (see data/README.md); no Keras here.
Each case is checked twice: from the learner's ``snippet`` (Keras 1/2 idioms
and all) and from the Keras 3 code Keras actually ran.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.io.keras_code import parse_keras
from conv_core.stack import StackSummary, summarize

DATA = json.loads((Path(__file__).parent / "data" / "keras_summaries.json").read_text(encoding="utf-8"))
CASES = {case["id"]: case for case in DATA["cases"]}
SOURCES = ("snippet", "keras_code")


def _summary(case: dict[str, Any], source: str) -> StackSummary:
    result = parse_keras(case[source])
    assert result.model is not None, result.diagnostics
    assert not result.errors, result.errors
    stack, _ = result.model.to_stack(case["input_shape"])
    return summarize(stack)


def _rows(summary: StackSummary) -> list[tuple[Any, ...]]:
    return [
        (r.name, r.class_name, None if r.output_shape is None else list(r.output_shape), r.params,
         r.trainable_params, r.non_trainable_params)
        for r in summary.rows
    ]


def _keras_rows(case: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (k["name"], k["class"], k["output_shape"], k["params"], k["trainable_params"],
         k["non_trainable_params"])
        for k in case["layers"]
    ]


def test_data_comes_from_keras_3() -> None:
    assert DATA["keras_version"].startswith("3.")
    assert DATA["backend"] == "torch"
    assert DATA["torch_version"].startswith("2.13.0")
    ok = [c for c in DATA["cases"] if c["error"] is None]
    assert len(ok) >= 9
    assert {"material_000_embedding_dropout_conv", "material_003_imdb_cnn", "material_003_conv_gru",
            "wavenet_tcn_dilated_causal"} <= set(CASES)


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("case_id", [c["id"] for c in DATA["cases"] if c["error"] is None])
def test_shapes_and_params_equal_keras(case_id: str, source: str) -> None:
    case = CASES[case_id]
    summary = _summary(case, source)
    assert _rows(summary) == _keras_rows(case)
    assert summary.stack.name == case["model_name"]
    assert summary.total_params == case["total_params"]
    assert summary.trainable_params == case["trainable_params"]
    assert summary.non_trainable_params == case["non_trainable_params"]
    assert not summary.errors


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("case_id", [c["id"] for c in DATA["cases"] if c["error"] is not None])
def test_errors_equal_keras(case_id: str, source: str) -> None:
    case = CASES[case_id]
    summary = _summary(case, source)
    index = case["error"]["layer_index"]
    assert _rows(summary)[:index] == _keras_rows(case)
    failing = summary.rows[index]
    assert failing.error is not None
    assert failing.output_shape is None
    assert isinstance(failing.error, ValueError) == (case["error"]["type"] == "ValueError")
    # Keras wraps some messages ("Exception encountered when calling MaxPooling1D.call()...").
    assert failing.error.keras in case["error"]["message"]
    assert failing.error.hint  # and a sentence a learner can act on
    assert all(r.output_shape is None for r in summary.rows[index + 1 :])
    assert summary.total_params is None


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [
        # (a) Embedding(..., 300, input_length=50) -> Dropout(0.2) -> Conv1D(100, 4, 'same')
        ("material_000_embedding_dropout_conv",
         [("embedding", (None, 50, 300), 1_500_000), ("dropout", (None, 50, 300), 0),
          ("conv1d", (None, 50, 100), 120_100)]),
        # (b) the IMDB 1-D CNN of Deep Learning with Python
        ("material_003_imdb_cnn",
         [("embedding", (None, 500, 128), 1_280_000), ("conv1d", (None, 494, 32), 28_704),
          ("max_pooling1d", (None, 98, 32), 0), ("conv1d_1", (None, 92, 32), 7_200),
          ("global_max_pooling1d", (None, 32), 0), ("dense", (None, 1), 33)]),
        # (c) conv + GRU on any number of steps
        ("material_003_conv_gru",
         [("conv1d", (None, None, 32), 2_272), ("max_pooling1d", (None, None, 32), 0),
          ("conv1d_1", (None, None, 32), 5_152), ("gru", (None, 32), 6_336), ("dense", (None, 1), 33)]),
        # (d) WaveNet-style dilated causal stack
        ("wavenet_tcn_dilated_causal",
         [("input_layer", (None, 64, 1), 0), ("conv1d", (None, 64, 16), 48),
          ("conv1d_1", (None, 64, 16), 528), ("conv1d_2", (None, 64, 16), 528),
          ("conv1d_3", (None, 64, 16), 528), ("conv1d_4", (None, 64, 1), 17)]),
    ],
)
def test_the_material_models_in_plain_numbers(case_id: str, expected: list[tuple[Any, ...]]) -> None:
    summary = _summary(CASES[case_id], "snippet")
    assert [(r.name, r.output_shape, r.params) for r in summary.rows] == expected


def test_gru_formula_matches_keras_reset_after() -> None:
    # Keras 3 GRU has reset_after=True: 3*(u*(C+u) + 2u); reset_after=False: 3*(u*(C+u) + u).
    gru = CASES["material_003_conv_gru"]["layers"][3]["params"]
    assert gru == 3 * (32 * (32 + 32) + 2 * 32)
    old = CASES["zeropadding_groups_gru_dense3d"]["layers"][4]["params"]
    assert old == 3 * (8 * (16 + 8) + 8)
