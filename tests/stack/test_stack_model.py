"""conv_core.stack on its own: errors in Keras's words, names, numbers, and no Qt."""

from __future__ import annotations

import doctest
import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import app.cli.summary
import app.io.keras_code.reader
import app.io.keras_code.results
import conv_core
import conv_core.stack
from conv_core.stack import (
    GRU,
    LSTM,
    Activation,
    AveragePooling1D,
    BatchNormalization,
    Conv1D,
    Dense,
    Dropout,
    Embedding,
    Flatten,
    GlobalAveragePooling1D,
    GlobalMaxPooling1D,
    Layer,
    MaxPooling1D,
    SimpleRNN,
    SpatialDropout1D,
    Stack,
    ZeroPadding1D,
    auto_names,
    default_weights,
    run_stack,
    summarize,
)

ROOT = Path(__file__).resolve().parents[2]


def error_of(layer: Layer, input_shape: tuple[int | None, ...]) -> str:
    row = summarize(Stack((layer,), input_shape)).rows[0]
    assert row.error is not None and row.output_shape is None
    assert row.error.hint
    return row.error.keras


@pytest.mark.parametrize(
    ("layer", "shape", "message"),
    [
        (Conv1D(filters=4, kernel_size=3), (56,),
         "Input 0 with name 'None' of layer 'conv1d' is incompatible with the layer: expected min_ndim=3, "
         "found ndim=2. Full shape received: (None, 56)"),
        (Conv1D(filters=4, kernel_size=5, dilation_rate=2), (8, 1),
         "Computed output size would be zero or negative. Received `inputs shape=(None, 8, 1)`, "
         "`kernel shape=(5, 1, 4)`, `dilation_rate=[2]`, `strides=(1,)`, `padding=valid`."),
        (Conv1D(filters=4, kernel_size=3, strides=2, dilation_rate=2), (8, 1),
         "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2,) and "
         "dilation_rate=(2,)"),
        (Conv1D(filters=6, kernel_size=3, groups=4), (8, 4),
         "The number of filters must be evenly divisible by the number of groups. Received: groups=4, "
         "filters=6."),
        (Conv1D(filters=4, kernel_size=3, padding="full"), (8, 1), "The `padding` argument must be"),
        (Conv1D(filters=4, kernel_size=3, activation="banana"), (8, 1),
         "Could not interpret activation function identifier: banana"),
        (MaxPooling1D(pool_size=3, padding="causal"), (8, 1), "Invalid padding 'causal'"),
        (AveragePooling1D(), (8, 1),
         "AveragePooling1D.__init__() missing 1 required positional argument: 'pool_size'"),
        (GlobalMaxPooling1D(), (8,), "expected ndim=3, found ndim=2"),
        (SpatialDropout1D(rate=0.2), (8,), "layer 'spatial_dropout1d'"),
        (Dropout(rate=1.5), (8, 1), "Expected a float value between 0 and 1. Received: rate=1.5"),
        (ZeroPadding1D(padding=-1), (8, 1), "including values {-1} that do not satisfy `value >= 0`"),
        (Dense(units=0), (8,), "Received an invalid value for `units`, expected a positive integer."),
        (Dense(units=2), (None,), "Received: shape=(None, 2) for variable path='sequential/dense/kernel'"),
        (Dense(units=2), (), "expected min_ndim=2, found ndim=1"),
        (GRU(units=0), (8, 2), "expected a positive integer, got 0"),
        (LSTM(units=3), (8,), "layer 'lstm' is incompatible with the layer: expected ndim=3"),
        (SimpleRNN(units=3), (8, None), "sequential/simple_rnn/simple_rnn_cell/kernel"),
        (BatchNormalization(axis=3), (8, 2), "Invalid axis: 3"),
        (Embedding(input_dim=0, output_dim=8), (8,), "Both `input_dim` and `output_dim` should be positive"),
        (Activation(activation="nope"), (8, 1), "Could not interpret activation function identifier: nope"),
    ],
)
def test_keras_worded_errors(layer: Layer, shape: tuple[int | None, ...], message: str) -> None:
    assert message in error_of(layer, shape)


def test_an_error_stops_the_shapes_after_it() -> None:
    layers = (Conv1D(filters=4, kernel_size=3), Flatten(), Conv1D(filters=2, kernel_size=2), Dense(units=1))
    st = Stack(layers, (10, 2))
    s = summarize(st)
    assert [r.output_shape for r in s.rows] == [(None, 8, 4), (None, 32), None, None]
    assert s.rows[2].error is not None and "already gone" in s.rows[2].error.hint
    assert s.total_params is None and not s.ok
    assert s.row("conv1d_1").error is s.rows[2].error


def test_unknown_input_shape_gives_unknown_rows() -> None:
    s = summarize(Stack((Conv1D(filters=4, kernel_size=3),), None))
    assert s.rows[0].output_shape is None and s.rows[0].error is None and s.total_params is None


def test_dense_on_3d_is_a_note_not_an_error() -> None:
    row = summarize(Stack((Dense(units=1),), (50, 100))).rows[0]
    assert row.output_shape == (None, 50, 1) and row.params == 101
    assert row.error is None and "last axis only" in row.notes[0]


def test_activation_keras_knows_but_conv_core_does_not() -> None:
    row = summarize(Stack((Conv1D(filters=3, kernel_size=1, activation="softmax"),), (4, 2))).rows[0]
    assert row.params == 9 and row.error is None and "not computed" in row.notes[0]


@pytest.mark.parametrize(
    ("layer", "channels", "params", "trainable"),
    [
        (GRU(units=32), 32, 3 * (32 * 64 + 64), None),
        (GRU(units=4, use_bias=False), 3, 84, None),
        (GRU(units=4, reset_after=False), 3, 96, None),
        (LSTM(units=4, use_bias=False), 3, 112, None),
        (LSTM(units=32), 64, 4 * (32 * 96 + 32), None),
        (SimpleRNN(units=2, use_bias=False), 4, 12, None),
        (BatchNormalization(), 64, 256, 128),
        (BatchNormalization(center=False), 3, 9, 3),
        (Conv1D(filters=6, kernel_size=5, groups=2), 4, 66, None),
        (Conv1D(filters=111, kernel_size=5), 300, 166611, None),
        (Conv1D(filters=4, kernel_size=3, use_bias=False), 2, 24, None),
        (Dense(units=3, use_bias=False), 5, 15, None),
    ],
)
def test_parameter_counts(layer: Layer, channels: int, params: int, trainable: int | None) -> None:
    row = summarize(Stack((layer,), (10, channels))).rows[0]
    assert row.params == params
    assert row.trainable_params == (params if trainable is None else trainable)


def test_auto_names_follow_keras() -> None:
    layers = (Conv1D(filters=1, kernel_size=1), MaxPooling1D(), Conv1D(filters=1, kernel_size=1, name="mine"),
              Conv1D(filters=1, kernel_size=1), SpatialDropout1D(rate=0.1), SimpleRNN(units=1),
              GlobalAveragePooling1D(), ZeroPadding1D(), BatchNormalization(), AveragePooling1D(pool_size=2))
    assert auto_names(layers) == ("conv1d", "max_pooling1d", "mine", "conv1d_1", "spatial_dropout1d",
                                  "simple_rnn", "global_average_pooling1d", "zero_padding1d",
                                  "batch_normalization", "average_pooling1d")


def test_keras_call() -> None:
    assert Conv1D(filters=32, kernel_size=7, activation="relu").keras_call() == (
        "Conv1D(filters=32, kernel_size=7, activation='relu')")
    assert MaxPooling1D(pool_size=5, name="p").keras_call() == "MaxPooling1D(pool_size=5, name='p')"
    assert GRU(units=8, reset_after=False).keras_call() == "GRU(units=8, reset_after=False)"


def test_run_stack_equals_conv_core_layer_by_layer() -> None:
    rng = np.random.default_rng(0)
    st = Stack((ZeroPadding1D(padding=(1, 2)), Conv1D(filters=3, kernel_size=3, strides=2, activation="relu"),
                Dropout(rate=0.5), AveragePooling1D(pool_size=2, padding="same"),
                Activation(activation="tanh"),
                Conv1D(filters=2, kernel_size=2, padding="causal", dilation_rate=2), GlobalMaxPooling1D(),
                Dense(units=1)), (20, 4))
    x = rng.normal(size=(2, 20, 4))
    w = default_weights(st, "glorot_uniform", seed=3)
    w["conv1d"] = (w["conv1d"][0], rng.normal(size=3))
    run = run_stack(st, x, w)
    assert run.stopped_at == "dense"
    y = np.pad(x, ((0, 0), (1, 2), (0, 0)))
    y = conv_core.conv1d(y, w["conv1d"][0], w["conv1d"][1], strides=2, activation="relu")
    np.testing.assert_allclose(run["conv1d"], y)
    y = np.tanh(conv_core.average_pool1d(y, 2, padding="same"))
    np.testing.assert_allclose(run["activation"], y)
    y = conv_core.conv1d(y, w["conv1d_1"][0], w["conv1d_1"][1], padding="causal", dilation_rate=2)
    np.testing.assert_allclose(run["global_max_pooling1d"], y.max(axis=1))
    s = summarize(st)
    for name, out in zip(run.names, run.outputs, strict=True):
        assert out.shape[1:] == s.row(name).output_shape[1:]


def test_run_stack_embedding_lookup_and_missing_weights() -> None:
    st = Stack((Embedding(input_dim=10, output_dim=3), Conv1D(filters=1, kernel_size=2)), (5,))
    w = default_weights(st, "ones")
    run = run_stack(st, np.array([[1, 2, 3, 4, 5]]), w)
    assert run["embedding"].shape == (1, 5, 3) and run["conv1d"].shape == (1, 4, 1)
    np.testing.assert_allclose(run["conv1d"][0, :, 0], 6.0)
    with pytest.raises(ValueError, match="No weights given for layer 'conv1d'"):
        run_stack(st, np.ones((1, 5, 3)), {})


def test_json_and_table() -> None:
    s = summarize(Stack((Conv1D(filters=4, kernel_size=3), GlobalMaxPooling1D(), Dense(units=1)), (None, 2)))
    data = s.to_json()
    json.dumps(data)
    assert data[0]["output_shape"] == [None, None, 4]
    assert data[1]["receptive_field"] is None and data[1]["jump"] is None
    table = s.format_table()
    assert "conv1d (Conv1D)" in table and "(None, None, 4)" in table and "Total params: 33" in table


STACK_MODULES = [importlib.import_module(f"conv_core.stack.{m.name}")
                 for m in pkgutil.iter_modules(conv_core.stack.__path__)]


@pytest.mark.parametrize("module", [*STACK_MODULES, app.io.keras_code.reader, app.io.keras_code.results,
                                    app.cli.summary], ids=lambda m: m.__name__)
def test_doctests(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_no_qt_is_imported() -> None:
    code = ("import json, sys\nimport conv_core.stack, app.io.keras_code, app.cli.summary\n"
            "print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          timeout=60)
    loaded = json.loads(done.stdout)
    gui = [m for m in loaded if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6")]
    assert gui == []
