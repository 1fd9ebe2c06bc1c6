"""Tutorial models with branches, wrappers, merges and constants: the reader's summary equals real Keras 3's.

The numbers come from tests/stack/data/graph_summaries.json, written once by
make_graph_summaries.py with real Keras 3.15.1 (its docstring says how to
regenerate it); no Keras here.  Each case's pasted ``snippet`` is read (never
run) and summarised; every layer's name, class, output shape, parameter
counts and, for functional models, the layers it reads must equal Keras's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.io.keras_code import parse_keras
from conv_core import stack as st
from conv_core.stack import StackSummary, summarize

DATA = json.loads((Path(__file__).parent / "data" / "graph_summaries.json").read_text(encoding="utf-8"))
CASES = {case["id"]: case for case in DATA["cases"]}


def _summary(code: str, input_shape: Any = None) -> StackSummary:
    result = parse_keras(code)
    assert result.model is not None, result.diagnostics
    assert not result.errors, result.errors
    stack, _ = result.model.to_stack(input_shape)
    return summarize(stack)


def _shape(row: st.LayerRow) -> Any:
    if row.output_shape is None:
        return None
    if row.more_outputs:
        return [list(row.output_shape), *(list(o) for o in row.more_outputs)]
    return list(row.output_shape)


def _rows(summary: StackSummary, functional: bool) -> list[tuple[Any, ...]]:
    return [(r.name, r.class_name, _shape(r), r.params, r.trainable_params, r.non_trainable_params,
             *((list(r.inputs),) if functional else ())) for r in summary.listed_rows]


def _keras_rows(case: dict[str, Any]) -> list[tuple[Any, ...]]:
    functional = case["model_class"] == "Functional"
    return [(k["name"], k["class"], k["output_shape"], k["params"], k["trainable_params"],
             k["non_trainable_params"], *((k["inputs"],) if functional else ())) for k in case["layers"]]


def test_data_comes_from_keras_3_and_covers_the_tutorial_forms() -> None:
    assert DATA["keras_version"].startswith("3.") and DATA["backend"] == "torch"
    assert len(DATA["cases"]) >= 40
    classes = {layer["class"] for case in DATA["cases"] for layer in case["layers"]}
    wanted = {"Conv1D", "SeparableConv1D", "DepthwiseConv1D", "Conv1DTranspose", "MaxPooling1D",
              "AveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling1D", "UpSampling1D",
              "ZeroPadding1D", "Cropping1D", "Embedding", "Dropout", "SpatialDropout1D", "GaussianNoise",
              "GaussianDropout", "BatchNormalization", "LayerNormalization", "Activation", "ReLU", "LeakyReLU",
              "PReLU", "ELU", "Softmax", "Dense", "Flatten", "Reshape", "Permute", "RepeatVector", "Masking",
              "SimpleRNN", "GRU", "LSTM", "Bidirectional", "TimeDistributed", "Attention", "MultiHeadAttention",
              "Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Dot", "Lambda",
              "Sequential", "InputLayer"}
    assert wanted <= classes, wanted - classes


@pytest.mark.parametrize("case_id", list(CASES))
def test_summary_equals_keras(case_id: str) -> None:
    case = CASES[case_id]
    functional = case["model_class"] == "Functional"
    summary = _summary(case["snippet"], case["input_shape"])
    assert _rows(summary, functional) == _keras_rows(case)
    assert summary.total_params == case["total_params"]
    assert not summary.errors


@pytest.mark.parametrize("case_id", [c["id"] for c in DATA["cases"] if c["keras_code"] != c["snippet"]])
def test_keras_3_spelling_gives_the_same_summary(case_id: str) -> None:
    """The Keras 3 code Keras ran reads the same as the Keras 1/2 snippet (names, shapes, parameters)."""
    case = CASES[case_id]
    functional = case["model_class"] == "Functional"
    assert _rows(_summary(case["keras_code"], case["input_shape"]), functional) == _keras_rows(case)
