"""Make the model-file fixtures with real Keras 3: five small seeded models, their inputs and Keras's outputs.

Regenerate (needs Keras 3 with any backend and h5py; the project's tests never import Keras)::

    KERAS_BACKEND=torch /work/keras-venv/bin/python tests/model/data/make_models.py

For each model NAME this writes, in ``tests/model/data/NAME/``:

* ``model.keras`` (Keras 3 zip) and ``model.h5`` (Keras 3's legacy HDF5, the tf.keras 2 layout);
Five Sequential models and one functional chain (``functional``, whose summary starts with its input row).

* ``input.npy``: the input Keras was given (batch included);
* ``outputs/LAYER.npy``: every layer's output from Keras's own ``predict`` of the sub-model
  ``Model(inputs, layer.output)``, float32;
* ``summary.json``: what ``model.summary()`` shows per layer (name, class, output shape with ``null``
  for the batch, ``count_params()``), and the Keras version.

``text_cnn`` also gets ``model_tf2.h5``: the same model and weights in tf.keras 2's HDF5 dialect
(``batch_input_shape`` on an ``InputLayer``, plain class names, Keras 2 ``keras_version``), written
here with h5py from the Keras 3 file because Keras 2 itself is not installed.

Weights are seeded random values (biases and BatchNormalization statistics included, so a wrong
bias or a skipped normalisation shows), not trained: the tests compare numbers, not accuracy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import h5py
import keras
import numpy as np
from keras import layers

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(17)


def text_cnn() -> tuple[keras.Model, np.ndarray]:
    model = keras.Sequential([
        keras.Input(shape=(20,), dtype="int32"),
        layers.Embedding(50, 8),
        layers.Conv1D(6, 3, activation="relu"),
        layers.MaxPooling1D(2),
        layers.Conv1D(5, 3, activation="relu"),
        layers.GlobalMaxPooling1D(),
        layers.Dense(1, activation="sigmoid"),
    ], name="text_cnn")
    x = RNG.integers(0, 50, size=(2, 20)).astype("int32")
    return model, x


def dilated_causal() -> tuple[keras.Model, np.ndarray]:
    model = keras.Sequential([
        keras.Input(shape=(24, 2)),
        layers.Conv1D(4, 2, padding="causal", dilation_rate=1, activation="relu"),
        layers.Conv1D(4, 2, padding="causal", dilation_rate=2, activation="relu"),
        layers.Dropout(0.2),
        layers.Conv1D(4, 2, padding="causal", dilation_rate=4, activation="tanh"),
        layers.LayerNormalization(),
        layers.Cropping1D((1, 2)),
        layers.ZeroPadding1D((2, 1)),
        layers.SpatialDropout1D(0.1),
        layers.AveragePooling1D(2, padding="same"),
        layers.Conv1D(3, 3, strides=2, padding="same", activation="sigmoid"),
        layers.GlobalAveragePooling1D(),
    ], name="dilated_causal")
    x = RNG.standard_normal((2, 24, 2)).astype("float32")
    return model, x


def batchnorm() -> tuple[keras.Model, np.ndarray]:
    model = keras.Sequential([
        keras.Input(shape=(16, 3)),
        layers.Conv1D(4, 3, padding="same", use_bias=False),
        layers.BatchNormalization(),
        layers.Activation("relu"),
        layers.GaussianNoise(0.1),
        layers.Conv1D(4, 3, strides=2),
        layers.BatchNormalization(center=False, epsilon=0.01),
        layers.MaxPooling1D(2, strides=1, padding="same"),
        layers.GaussianDropout(0.1),
        layers.Conv1D(2, 2, activation="elu"),
        layers.Flatten(),
        layers.Dense(2, activation="softmax"),
    ], name="batchnorm")
    x = RNG.standard_normal((2, 16, 3)).astype("float32")
    return model, x


def groups() -> tuple[keras.Model, np.ndarray]:
    model = keras.Sequential([
        keras.Input(shape=(12, 4)),
        layers.Conv1D(6, 3, groups=2),
        layers.LeakyReLU(negative_slope=0.1),
        layers.Conv1D(6, 3, groups=3, dilation_rate=2, padding="same", activation="relu"),
        layers.DepthwiseConv1D(3, depth_multiplier=2, padding="same"),
        layers.SeparableConv1D(4, 3, depth_multiplier=1, activation="tanh"),
        layers.UpSampling1D(2),
        layers.Conv1DTranspose(3, 3, strides=2),
        layers.ReLU(),
        layers.Conv1D(2, 1, groups=1),
    ], name="groups")
    x = RNG.standard_normal((2, 12, 4)).astype("float32")
    return model, x


def with_lambda() -> tuple[keras.Model, np.ndarray]:
    model = keras.Sequential([
        keras.Input(shape=(10, 2)),
        layers.Conv1D(3, 3, activation="relu"),
        layers.Lambda(lambda t: t * 2.0 + 1.0, name="double_plus_one"),
        layers.Conv1D(2, 3),
        layers.GlobalMaxPooling1D(),
    ], name="with_lambda")
    x = RNG.standard_normal((2, 10, 2)).astype("float32")
    return model, x


def functional() -> tuple[keras.Model, np.ndarray]:
    inputs = keras.Input(shape=(16, 3), name="signal")
    x = layers.Conv1D(4, 5, padding="same", activation="relu", name="conv_a")(inputs)
    x = layers.MaxPooling1D(2, name="pool")(x)
    x = layers.Conv1D(4, 3, dilation_rate=2, activation="tanh", name="conv_b")(x)
    x = layers.GlobalAveragePooling1D(name="gap")(x)
    outputs = layers.Dense(3, activation="softmax", name="classes")(x)
    model = keras.Model(inputs, outputs, name="functional")
    x_in = RNG.standard_normal((2, 16, 3)).astype("float32")
    return model, x_in


def seed_weights(model: keras.Model) -> None:
    """Random weights everywhere (biases too), positive variances for BatchNormalization."""
    for layer in model.layers:
        values = []
        for w in layer.weights:
            shape = tuple(w.shape)
            if "variance" in w.path:
                values.append(RNG.uniform(0.5, 2.0, shape).astype("float32"))
            elif "gamma" in w.path:
                values.append(RNG.uniform(0.5, 1.5, shape).astype("float32"))
            else:
                values.append((RNG.standard_normal(shape) * 0.5).astype("float32"))
        if values:
            layer.set_weights(values)


def tf2_dialect(src: Path, dst: Path) -> None:
    """The Keras 3 legacy .h5 rewritten as tf.keras 2 writes it (config dialect and attributes)."""
    shutil.copyfile(src, dst)
    with h5py.File(dst, "r+") as f:
        config = json.loads(f.attrs["model_config"])
        cfg = config["config"]
        new_layers = []
        for entry in cfg["layers"]:
            entry = {"class_name": entry["class_name"], "config": dict(entry["config"])}
            c = entry["config"]
            if entry["class_name"] == "InputLayer":
                c["batch_input_shape"] = c.pop("batch_shape")
                c["dtype"] = "int32"
            else:
                if isinstance(c.get("dtype"), dict):
                    c["dtype"] = "float32"
            for key, value in list(c.items()):
                if isinstance(value, dict) and "module" in value:  # initializers
                    c[key] = {"class_name": value["class_name"], "config": value.get("config", {})}
            new_layers.append(entry)
        cfg["layers"] = new_layers
        config = {"class_name": "Sequential", "config": cfg}
        f.attrs["model_config"] = json.dumps(config).encode()
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["backend"] = "tensorflow"


def main() -> None:
    keras.utils.set_random_seed(17)
    for make in (text_cnn, dilated_causal, batchnorm, groups, with_lambda, functional):
        model, x = make()
        seed_weights(model)
        name = model.name
        out = HERE / name
        shutil.rmtree(out, ignore_errors=True)
        (out / "outputs").mkdir(parents=True)
        model.save(out / "model.keras")
        model.save(out / "model.h5")
        np.save(out / "input.npy", x)
        rows = []
        for layer in model.layers:
            if isinstance(layer, layers.InputLayer):  # a functional model's input row, as summary() shows it
                np.save(out / "outputs" / f"{layer.name}.npy", x)
                rows.append({"name": layer.name, "class": "InputLayer",
                             "output_shape": [None if d is None else int(d) for d in layer.output.shape],
                             "params": 0})
                continue
            sub = keras.Model(model.inputs, layer.output)
            y = np.asarray(sub.predict(x, verbose=0), dtype="float32")
            np.save(out / "outputs" / f"{layer.name}.npy", y)
            rows.append({"name": layer.name, "class": layer.__class__.__name__,
                         "output_shape": [None if d is None else int(d) for d in layer.output.shape],
                         "params": int(layer.count_params())})
        (out / "summary.json").write_text(json.dumps(
            {"keras_version": keras.__version__, "model": name, "layers": rows}, indent=1) + "\n")
        if name == "text_cnn":
            tf2_dialect(out / "model.h5", out / "model_tf2.h5")
        print(name, [r["name"] for r in rows])


if __name__ == "__main__":
    main()
