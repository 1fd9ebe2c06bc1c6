"""Saved Keras models against Keras itself: the summary, and every layer's numbers on the stored input.

The fixtures (data/, written by real Keras 3.15.1 with data/make_models.py) hold each model as
``.keras`` and ``.h5`` (the text CNN also in tf.keras 2's ``.h5`` dialect), its input, every layer's
output from Keras's ``predict`` and what ``model.summary()`` says.  Keras is not imported here.
"""

from __future__ import annotations

import builtins
import json
import marshal
import pickle
import re
from pathlib import Path

import numpy as np
import pytest

from app.io.model_file import layer_session, open_model, token_ids
from conv_core import conv1d
from tests.model.conftest import DATA, MODELS, keras_input, keras_output, keras_summary, model_files

CASES = [(name, f.name) for name in MODELS for f in model_files(name)]
# float32 in Keras, float64 here: the difference is float32 rounding
RTOL, ATOL = 1e-5, 1e-5


@pytest.mark.parametrize(("name", "file"), CASES)
def test_summary_equals_keras(name, file):
    model = open_model(DATA / name / file)
    got = [{k: r[k] for k in ("name", "class", "output_shape", "params")} for r in model.summary.to_json()]
    want = keras_summary(name)
    if name == "with_lambda" and file.endswith(".h5"):
        # a legacy .h5 does not save shapes: after the Lambda (never run) they are unknown, params stay exact
        assert [g["output_shape"] for g in got[1:]] == [None, None, None]
        for g, w in zip(got, want, strict=True):
            assert (g["name"], g["class"], g["params"]) == (w["name"], w["class"], w["params"])
        assert got[0] == want[0]
        return
    assert got == want
    assert model.summary.total_params == sum(w["params"] for w in want)


def test_summary_has_receptive_fields_where_steps_survive():
    rows = {r["name"]: r for r in open_model(DATA / "text_cnn" / "model.keras").summary.to_json()}
    assert (rows["conv1d"]["receptive_field"], rows["conv1d"]["jump"]) == (3, 1)
    assert (rows["conv1d_1"]["receptive_field"], rows["conv1d_1"]["jump"]) == (8, 2)
    assert rows["global_max_pooling1d"]["receptive_field"] == 20


def test_batchnorm_statistics_are_non_trainable_params():
    rows = {r["name"]: r for r in open_model(DATA / "batchnorm" / "model.keras").summary.to_json()}
    assert rows["batch_normalization"]["non_trainable_params"] == 8
    assert rows["batch_normalization_1"]["params"] == 12  # center=False: gamma, mean, variance


@pytest.mark.parametrize(("name", "file"), CASES)
def test_every_computed_layer_equals_keras_predict(name, file):
    model = open_model(DATA / name / file)
    run = model.run_to(keras_input(name), model.names[-1])
    if name == "with_lambda":
        assert run.stopped_at == "double_plus_one" and "Lambda" in run.reason
        assert run.names == ("conv1d_12",)
    else:
        assert run.stopped_at is None and run.names == model.names
    for layer, y in zip(run.names, run.outputs, strict=True):
        np.testing.assert_allclose(y, keras_output(name, layer), rtol=RTOL, atol=ATOL, err_msg=layer)


@pytest.mark.parametrize(("name", "file"), CASES)
def test_each_conv1d_receives_and_gives_what_keras_computes(name, file):
    model = open_model(DATA / name / file)
    x = keras_input(name)
    names = list(model.names)
    for layer in model.conv_layers():
        before = names[names.index(layer) - 1] if names.index(layer) else None
        start = None
        source = x
        if name == "with_lambda" and layer == "conv1d_13":  # after the Lambda: its input is given directly
            start, source = layer, keras_output(name, "double_plus_one")
        session = layer_session(model, layer, source, start=start)
        expected_in = x if before is None else keras_output(name, before)
        np.testing.assert_allclose(session.x, expected_in, rtol=RTOL, atol=ATOL, err_msg=layer)
        y = conv1d(session.x, session.kernel, session.bias, **{k: v for k, v in session.layer.items()
                                                              if k != "use_bias" and k != "filters"
                                                              and k != "kernel_size"})
        np.testing.assert_allclose(y, keras_output(name, layer), rtol=RTOL, atol=ATOL, err_msg=layer)
        assert session.model is not None and session.model.layer == layer and len(session.model.sha256) == 64


def test_tf_keras_2_dialect_reads_the_same_weights():
    new = open_model(DATA / "text_cnn" / "model.keras")
    old = open_model(DATA / "text_cnn" / "model_tf2.h5")
    assert old.layout == "legacy" and old.keras_version.startswith("2.")
    for a, b in zip(new.calls, old.calls, strict=True):
        assert a.name == b.name
        for wa, wb in zip(a.weights, b.weights, strict=True):
            np.testing.assert_array_equal(wa, wb)


def test_lambda_is_reported_and_its_code_never_loaded(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("code from the model file was loaded")

    for mod, attr in ((marshal, "loads"), (pickle, "loads"), (builtins, "eval"), (builtins, "exec")):
        monkeypatch.setattr(mod, attr, refuse)
    for file in model_files("with_lambda"):
        model = open_model(file)
        assert any("double_plus_one" in n and "Lambda" in n and "never loaded" in n for n in model.notes)
        lam = model.summary.row("double_plus_one")
        assert lam.class_name == "Lambda" and lam.params == 0


def test_the_reader_has_no_way_to_run_code():
    source = "\n".join(p.read_text(encoding="utf-8") for p in
                       (Path(__file__).parents[2] / "app" / "io" / "model_file").glob("*.py"))
    assert not re.search(r"(?<!re\.)\b(marshal|pickle|eval|exec|compile|__import__|importlib)\b\s*[.(]", source)


def test_token_ids_pad_at_the_start_like_pad_sequences():
    assert token_ids("3 4", 4).tolist() == [[0, 0, 3, 4]]
    assert token_ids("3，4、5", None).tolist() == [[3, 4, 5]]


def test_a_token_outside_the_vocabulary_is_named():
    model = open_model(DATA / "text_cnn" / "model.keras")
    run = model.run_to(token_ids("1 2 99", 20), "conv1d")
    assert run.stopped_at == "embedding" and "99" in run.reason and "0..49" in run.reason


def test_a_branch_in_a_functional_model_is_named_and_not_guessed(tmp_path):
    """The functional fixture rewired so that 'gap' reads 'conv_a' (a skip past 'pool' and 'conv_b')."""
    import zipfile

    with zipfile.ZipFile(DATA / "functional" / "model.keras") as z:
        members = {n: z.read(n) for n in z.namelist()}
    cfg = json.loads(members["config.json"])
    gap = next(la for la in cfg["config"]["layers"] if la["config"]["name"] == "gap")
    gap["inbound_nodes"][0]["args"][0]["config"]["keras_history"][0] = "conv_a"
    members["config.json"] = json.dumps(cfg).encode()
    path = tmp_path / "skip.keras"
    with zipfile.ZipFile(path, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    model = open_model(path)
    assert any("'gap' reads conv_a" in n and "branches" in n for n in model.notes)
    rows = {r.name: r for r in model.rows}
    assert rows["conv_b"].output_shape == (None, 4, 4)
    assert rows["classes"].output_shape is None and rows["classes"].params == 15
    run = model.run_to(keras_input("functional"), "classes")
    assert run.stopped_at == "gap" and "branches" in run.reason
