"""Regenerate keras_summaries.json: what real Keras 3 reports for the stack test models.

Run once, in a separate virtual environment that has Keras (the test suite
itself never imports Keras)::

    python3 -m venv /work/kvenv
    /work/kvenv/bin/pip install torch==2.13.0 keras numpy     # torch pinned: the local CPU wheel
    KERAS_BACKEND=torch /work/kvenv/bin/python tests/stack/data/make_keras_summaries.py

Each case has a ``snippet`` (the code a learner pastes: what app.io.keras_code
reads, Keras 1/2 idioms included) and ``keras_code`` (equivalent Keras 3 code,
which this script executes with real Keras; it is our own code, never pasted
code).  When they differ it is only where Keras 3 needs another spelling
(``keras.Input`` instead of ``input_length=``, ``Conv1D`` instead of
``Convolution1D(nb_filter=...)``); the two are listed side by side in the JSON.

For every layer of ``model.layers`` the script records the name Keras gives
it, the class, ``layer.output.shape``, ``count_params()`` and the trainable and
non-trainable weight sizes.  Error cases are run statement by statement; the
first statement that raises gives the failing layer index (the number of
layers already in the model), the exception type and its message (ANSI codes
removed).
"""

from __future__ import annotations

import ast
import json
import math
import os
import platform
import re
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "keras_summaries.json"

CASES: list[dict] = [
    {
        "id": "material_000_embedding_dropout_conv",
        "description": "Material 000: Embedding(..., 300, input_length=50) -> Dropout(0.2) -> "
        "Conv1D(filters=100, kernel_size=4, padding='same', activation='relu')",
        "snippet": """\
from keras.models import Sequential
from keras.layers import Embedding, Dropout, Conv1D
max_features = 5000
model = Sequential()
model.add(Embedding(max_features, 300, input_length=50))
model.add(Dropout(0.2))
model.add(Conv1D(filters=100, kernel_size=4, padding='same', activation='relu'))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(50,)))
model.add(layers.Embedding(5000, 300))
model.add(layers.Dropout(0.2))
model.add(layers.Conv1D(filters=100, kernel_size=4, padding='same', activation='relu'))
""",
    },
    {
        "id": "material_003_imdb_cnn",
        "description": "Material 003 (Deep Learning with Python 6.4): Embedding(10000, 128, "
        "input_length=500) "
        "-> Conv1D(32, 7) -> MaxPooling1D(5) -> Conv1D(32, 7) -> GlobalMaxPooling1D -> Dense(1)",
        "snippet": """\
from keras.models import Sequential
from keras import layers
from keras.optimizers import RMSprop
max_features = 10000
max_len = 500
model = Sequential()
model.add(layers.Embedding(max_features, 128, input_length=max_len))
model.add(layers.Conv1D(32, 7, activation='relu'))
model.add(layers.MaxPooling1D(5))
model.add(layers.Conv1D(32, 7, activation='relu'))
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1))
model.summary()
model.compile(optimizer=RMSprop(lr=1e-4), loss='binary_crossentropy', metrics=['acc'])
history = model.fit(x_train, y_train, epochs=10, batch_size=128, validation_split=0.2)
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(500,)))
model.add(layers.Embedding(10000, 128))
model.add(layers.Conv1D(32, 7, activation='relu'))
model.add(layers.MaxPooling1D(5))
model.add(layers.Conv1D(32, 7, activation='relu'))
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1))
""",
    },
    {
        "id": "material_003_conv_gru",
        "description": "Material 003: Conv1D(32, 5, input_shape=(None, 14)) -> MaxPooling1D(3) -> "
        "Conv1D(32, 5) "
        "-> GRU(32, dropout=0.1, recurrent_dropout=0.5) -> Dense(1)",
        "snippet": """\
from keras.models import Sequential
from keras import layers
model = Sequential()
model.add(layers.Conv1D(32, 5, activation='relu', input_shape=(None, 14)))
model.add(layers.MaxPooling1D(3))
model.add(layers.Conv1D(32, 5, activation='relu'))
model.add(layers.GRU(32, dropout=0.1, recurrent_dropout=0.5))
model.add(layers.Dense(1))
""",
    },
    {
        "id": "wavenet_tcn_dilated_causal",
        "description": "WaveNet/TCN: Conv1D(16, 2, padding='causal') with dilations 1, 2, 4, 8, "
        "then Conv1D(1, 1)",
        "snippet": """\
import keras
from keras import layers
inputs = keras.Input(shape=(64, 1))
x = inputs
for rate in (1, 2, 4, 8):
    x = layers.Conv1D(16, 2, padding="causal", dilation_rate=rate, activation="relu")(x)
outputs = layers.Conv1D(1, 1)(x)
model = keras.Model(inputs, outputs)
""",
    },
    {
        "id": "material_002_keras1_convolution1d",
        "description": "Material 002 (Keras 1): Convolution1D(nb_filter=111, filter_length=5, "
        "border_mode='valid', "
        "subsample_length=1) on 50 x 300 -> MaxPooling1D(pool_length=2) -> Flatten -> Dense(output_dim=1)",
        "snippet": """\
from keras.models import Sequential
from keras.layers import Convolution1D, MaxPooling1D, Flatten, Dense
model = Sequential()
model.add(Convolution1D(nb_filter=111, filter_length=5, border_mode='valid', activation="relu",
                        subsample_length=1, input_dim=300, input_length=50))
model.add(MaxPooling1D(pool_length=2, stride=None))
model.add(Flatten())
model.add(Dense(output_dim=1, activation='sigmoid'))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(50, 300)))
model.add(layers.Conv1D(111, 5, padding='valid', activation='relu', strides=1))
model.add(layers.MaxPooling1D(pool_size=2, strides=None))
model.add(layers.Flatten())
model.add(layers.Dense(1, activation='sigmoid'))
""",
    },
    {
        "id": "keras1_atrous_gru_lstm",
        "description": "Keras 1: AtrousConvolution1D(atrous_rate=2, border_mode='same'), "
        "MaxPooling1D(pool_length=3, stride=2), Dropout(p=0.25), GRU(output_dim=16, "
        "return_sequences=True), LSTM(8)",
        "snippet": """\
from keras.models import Sequential
from keras.layers import AtrousConvolution1D, MaxPooling1D, Dropout, GRU, LSTM, Dense
model = Sequential()
model.add(AtrousConvolution1D(32, 3, atrous_rate=2, border_mode='same', input_shape=(100, 8)))
model.add(MaxPooling1D(pool_length=3, stride=2, border_mode='valid'))
model.add(Dropout(p=0.25))
model.add(GRU(output_dim=16, return_sequences=True))
model.add(LSTM(8))
model.add(Dense(1))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(100, 8)))
model.add(layers.Conv1D(32, 3, dilation_rate=2, padding='same'))
model.add(layers.MaxPooling1D(3, strides=2, padding='valid'))
model.add(layers.Dropout(0.25))
model.add(layers.GRU(16, return_sequences=True))
model.add(layers.LSTM(8))
model.add(layers.Dense(1))
""",
    },
    {
        "id": "functional_text_cnn",
        "description": "Functional tf.keras text CNN: Embedding, strided 'same' conv, "
        "AveragePooling1D, dilated conv, "
        "GlobalAveragePooling1D, Dense, Dropout",
        "snippet": """\
import tensorflow as tf
inputs = tf.keras.Input(shape=(100,), dtype="int32")
x = tf.keras.layers.Embedding(2000, 64)(inputs)
x = tf.keras.layers.Conv1D(64, 5, strides=2, padding="same", activation="relu")(x)
x = tf.keras.layers.AveragePooling1D(2)(x)
x = tf.keras.layers.Conv1D(32, 3, dilation_rate=2, activation="relu")(x)
x = tf.keras.layers.GlobalAveragePooling1D()(x)
x = tf.keras.layers.Dense(16, activation="relu")(x)
x = tf.keras.layers.Dropout(0.5)(x)
outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(inputs=inputs, outputs=outputs)
""",
        "keras_code": """\
inputs = keras.Input(shape=(100,), dtype="int32")
x = keras.layers.Embedding(2000, 64)(inputs)
x = keras.layers.Conv1D(64, 5, strides=2, padding="same", activation="relu")(x)
x = keras.layers.AveragePooling1D(2)(x)
x = keras.layers.Conv1D(32, 3, dilation_rate=2, activation="relu")(x)
x = keras.layers.GlobalAveragePooling1D()(x)
x = keras.layers.Dense(16, activation="relu")(x)
x = keras.layers.Dropout(0.5)(x)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
""",
    },
    {
        "id": "conv_bn_lstm_simplernn",
        "description": "Sequential list: Conv1D(use_bias=False) -> BatchNormalization -> Activation -> "
        "MaxPool1D('same') -> SpatialDropout1D -> LSTM(return_sequences) -> SimpleRNN -> Dense(softmax)",
        "snippet": """\
from tensorflow.keras import layers, models
model = models.Sequential([
    layers.Input(shape=(80, 12)),
    layers.Conv1D(64, 3, padding="same", use_bias=False),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.MaxPool1D(2, padding="same"),
    layers.SpatialDropout1D(0.2),
    layers.LSTM(32, return_sequences=True),
    layers.SimpleRNN(16),
    layers.Dense(3, activation="softmax"),
])
""",
        "keras_code": """\
model = keras.Sequential([
    layers.Input(shape=(80, 12)),
    layers.Conv1D(64, 3, padding="same", use_bias=False),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.MaxPool1D(2, padding="same"),
    layers.SpatialDropout1D(0.2),
    layers.LSTM(32, return_sequences=True),
    layers.SimpleRNN(16),
    layers.Dense(3, activation="softmax"),
])
""",
    },
    {
        "id": "zeropadding_groups_gru_dense3d",
        "description": "ZeroPadding1D((2, 1)) -> grouped Conv1D(16, 3, groups=4) -> MaxPooling1D(3, "
        "strides=2) -> "
        "AveragePooling1D(2, 'same') -> GRU(reset_after=False, return_sequences) -> Dense on 3-D",
        "snippet": """\
import keras
from keras import layers
model = keras.Sequential(name="grouped")
model.add(keras.Input(shape=(30, 8)))
model.add(layers.ZeroPadding1D((2, 1)))
model.add(layers.Conv1D(16, 3, groups=4, activation="tanh"))
model.add(layers.MaxPooling1D(3, strides=2))
model.add(layers.AveragePooling1D(2, padding="same"))
model.add(layers.GRU(8, reset_after=False, return_sequences=True))
model.add(layers.Dense(4))
""",
    },
    {
        "id": "flatten_dense_56_steps",
        "description": "The 'expected conv1d_1_input to have 3 dimensions' story done right: "
        "input_shape=(56, 1), "
        "Conv1D -> MaxPooling1D() -> strided Conv1D -> Flatten -> Dense",
        "snippet": """\
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense
model = Sequential()
model.add(Conv1D(16, 3, activation='relu', input_shape=(56, 1)))
model.add(MaxPooling1D())
model.add(Conv1D(32, 3, strides=2))
model.add(Flatten())
model.add(Dense(10, activation='softmax'))
""",
    },
    {
        "id": "none_steps_causal_global",
        "description": "Any length: Input(shape=(None, 3)), causal convs (dilation 1, 2), "
        "MaxPooling1D('same'), "
        "GlobalMaxPooling1D, Dense",
        "snippet": """\
import keras
from keras import layers
inputs = keras.Input(shape=(None, 3))
x = layers.Conv1D(8, 3, padding='causal')(inputs)
x = layers.Conv1D(8, 3, padding='causal', dilation_rate=2)(x)
x = layers.MaxPooling1D(2, padding='same')(x)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(2)(x)
model = keras.Model(inputs, outputs)
""",
    },
    {
        "id": "batch_input_shape_keepdims",
        "description": "Keras 2 batch_input_shape=(None, 20, 2), strided conv, "
        "GlobalAveragePooling1D(keepdims=True), "
        "1x1 conv",
        "snippet": """\
from keras.models import Sequential
from keras.layers import Conv1D, GlobalAveragePooling1D
model = Sequential()
model.add(Conv1D(4, 5, strides=3, batch_input_shape=(None, 20, 2)))
model.add(GlobalAveragePooling1D(keepdims=True))
model.add(Conv1D(2, 1))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(batch_shape=(None, 20, 2)))
model.add(layers.Conv1D(4, 5, strides=3))
model.add(layers.GlobalAveragePooling1D(keepdims=True))
model.add(layers.Conv1D(2, 1))
""",
    },
    {
        "id": "channels_first",
        "description": "channels_first: input (3 channels, 10 steps), Conv1D, MaxPooling1D, "
        "GlobalMaxPooling1D",
        "snippet": """\
import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(3, 10)),
    layers.Conv1D(4, 3, data_format='channels_first'),
    layers.MaxPooling1D(2, data_format='channels_first'),
    layers.GlobalMaxPooling1D(data_format='channels_first'),
])
""",
    },
    {
        "id": "stride_pool_stack_long",
        "description": "A deep strided stack on 2000 steps (receptive fields from the recurrence, "
        "not the exact sets)",
        "snippet": """\
import keras
from keras import layers
model = keras.Sequential([keras.Input(shape=(2000, 2))])
for k, s in [(7, 2), (5, 2), (3, 1)]:
    model.add(layers.Conv1D(8, k, strides=s, padding="same", activation="relu"))
    model.add(layers.MaxPooling1D(2))
model.add(layers.GlobalAveragePooling1D())
""",
    },
    # --- Keras errors: the layer index is where Keras raised.
    {
        "id": "error_2d_input",
        "description": "input_shape=(56,) (no channel axis): Conv1D needs 3 axes",
        "snippet": """\
model = Sequential()
model.add(Conv1D(32, 3, input_shape=(56,)))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(56,)))
model.add(layers.Conv1D(32, 3))
""",
    },
    {
        "id": "error_too_short",
        "description": "valid Conv1D(4, 5) on 4 steps",
        "snippet": """\
model = Sequential()
model.add(Conv1D(4, 5, input_shape=(4, 2)))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(4, 2)))
model.add(layers.Conv1D(4, 5))
""",
    },
    {
        "id": "error_pool_too_short",
        "description": "MaxPooling1D(10) on the 8 steps a Conv1D(4, 3) leaves of 10",
        "snippet": """\
model = Sequential()
model.add(Conv1D(4, 3, input_shape=(10, 2)))
model.add(MaxPooling1D(10))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(10, 2)))
model.add(layers.Conv1D(4, 3))
model.add(layers.MaxPooling1D(10))
""",
    },
    {
        "id": "error_lstm_after_global",
        "description": "LSTM after GlobalMaxPooling1D: the steps axis is gone",
        "snippet": """\
model = Sequential()
model.add(Conv1D(8, 3, input_shape=(20, 4)))
model.add(GlobalMaxPooling1D())
model.add(LSTM(4))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(20, 4)))
model.add(layers.Conv1D(8, 3))
model.add(layers.GlobalMaxPooling1D())
model.add(layers.LSTM(4))
""",
    },
    {
        "id": "error_conv_after_flatten",
        "description": "Conv1D after Flatten",
        "snippet": """\
model = Sequential()
model.add(Conv1D(8, 3, input_shape=(20, 4)))
model.add(Flatten())
model.add(Conv1D(8, 3))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(20, 4)))
model.add(layers.Conv1D(8, 3))
model.add(layers.Flatten())
model.add(layers.Conv1D(8, 3))
""",
    },
    {
        "id": "error_strides_dilation",
        "description": "strides=2 together with dilation_rate=2 (the constructor raises)",
        "snippet": """\
model = Sequential()
model.add(Conv1D(8, 3, input_shape=(20, 4)))
model.add(Conv1D(8, 3, strides=2, dilation_rate=2))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(20, 4)))
model.add(layers.Conv1D(8, 3))
model.add(layers.Conv1D(8, 3, strides=2, dilation_rate=2))
""",
    },
    {
        "id": "error_groups_channels",
        "description": "groups=2 on 3 channels",
        "snippet": """\
model = Sequential()
model.add(Conv1D(4, 3, groups=2, input_shape=(10, 3)))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(10, 3)))
model.add(layers.Conv1D(4, 3, groups=2))
""",
    },
    {
        "id": "error_dense_after_flatten_none",
        "description": "Flatten of (None, None, 8) then Dense: the last axis is unknown",
        "snippet": """\
model = Sequential()
model.add(Conv1D(8, 3, input_shape=(None, 4)))
model.add(Flatten())
model.add(Dense(1))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(None, 4)))
model.add(layers.Conv1D(8, 3))
model.add(layers.Flatten())
model.add(layers.Dense(1))
""",
    },
    {
        "id": "error_embedding_on_3d",
        "description": "Embedding on an input that already has channels: a 4-D tensor reaches Conv1D",
        "snippet": """\
model = Sequential()
model.add(Embedding(100, 8, input_shape=(10, 3)))
model.add(Conv1D(2, 3))
""",
        "keras_code": """\
model = keras.Sequential()
model.add(keras.Input(shape=(10, 3)))
model.add(layers.Embedding(100, 8))
model.add(layers.Conv1D(2, 3))
""",
    },
]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _size(weights) -> int:
    return int(sum(math.prod(w.shape) for w in weights))


def _has_output(layer) -> bool:
    try:
        layer.output  # noqa: B018
    except (AttributeError, ValueError):
        return False
    return True


def _layer_record(layer) -> dict:
    return {
        "name": layer.name,
        "class": type(layer).__name__,
        "output_shape": list(layer.output.shape),
        "params": int(layer.count_params()),
        "trainable_params": _size(layer.trainable_weights),
        "non_trainable_params": _size(layer.non_trainable_weights),
    }


def run_case(case: dict) -> dict:
    import keras
    from keras import layers

    keras.backend.clear_session()  # restart the automatic names: conv1d, conv1d_1, ...
    code = case.get("keras_code", case["snippet"])
    namespace: dict = {"keras": keras, "layers": layers}
    prelude = "from keras.models import Sequential\nfrom keras.layers import *\n"
    exec(compile(prelude, "<prelude>", "exec"), namespace)  # our own code, never pasted code
    error = None
    for stmt in ast.parse(code).body:
        try:
            exec(compile(ast.Module([stmt], []), case["id"], "exec"), namespace)
        except Exception as exc:  # the expected Keras error of an error case
            error = {"type": type(exc).__name__, "message": _ANSI.sub("", str(exc))}
            break
    model = namespace["model"]
    # A failed model.add() may leave the failing (unbuilt) layer in model.layers: keep the built ones.
    built = [layer for layer in model.layers if _has_output(layer)]
    records = [_layer_record(layer) for layer in built]
    if error is not None:
        error = {"layer_index": len(built), **error}
    out = {
        "id": case["id"],
        "description": case["description"],
        "snippet": case["snippet"],
        "input_shape": case.get("input_shape"),
        "keras_code": code,
        "model_name": model.name,
        "layers": records,
        "error": error,
    }
    if error is None:
        out["total_params"] = int(model.count_params())
        out["trainable_params"] = _size(model.trainable_weights)
        out["non_trainable_params"] = _size(model.non_trainable_weights)
    return out


def main() -> int:
    # Imported here, not at the top: pytest --doctest-modules imports this file without Keras.
    os.environ.setdefault("KERAS_BACKEND", "torch")
    warnings.simplefilter("ignore")
    import keras
    import torch

    cases = [run_case(case) for case in CASES]
    data = {
        "generated_by": "tests/stack/data/make_keras_summaries.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "torch_version": torch.__version__,
        "python_version": platform.python_version(),
        "cases": cases,
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    errors = sum(1 for c in cases if c["error"])
    print(f"wrote {OUT.name}: {len(cases)} cases ({errors} errors), Keras {keras.__version__}, "
          f"backend {keras.backend.backend()}, torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
