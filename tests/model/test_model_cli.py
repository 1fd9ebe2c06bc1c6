"""``conv1d-explorer model`` and ``export --model``, exactly as the issue words them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.cli import main
from tests.model.conftest import DATA, keras_output, keras_summary

ROOT = Path(__file__).resolve().parents[2]
TEXT_CNN = DATA / "text_cnn" / "model.keras"


@pytest.mark.parametrize("file", ["model.keras", "model.h5", "model_tf2.h5"])
def test_model_json_is_the_summary_contract(file, capsys):
    assert main(["model", str(DATA / "text_cnn" / file), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [{k: r[k] for k in ("name", "class", "output_shape", "params")} for r in rows] == keras_summary("text_cnn")


def test_model_prints_a_summary_table(capsys):
    assert main(["model", str(DATA / "with_lambda" / "model.keras")]) == 0
    out = capsys.readouterr().out
    assert 'Model: "with_lambda"' in out and "double_plus_one (Lambda)" in out and "Total params: 41" in out
    assert "note: layer 'double_plus_one' is a Lambda" in out


def test_save_output_of_the_second_conv_as_a_command(tmp_path):
    """The exact form, as a user types it."""
    out = tmp_path / "y.npy"
    r = subprocess.run([sys.executable, "-m", "app", "model", str(TEXT_CNN), "--layer", "conv1d_1", "--input",
                        str(DATA / "text_cnn" / "input.npy"), "--save-output", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    y = np.load(out)
    assert y.shape == (2, 7, 5)
    np.testing.assert_allclose(y, keras_output("text_cnn", "conv1d_1"), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", ["dilated_causal", "batchnorm", "groups"])
def test_save_output_of_every_layer(name, tmp_path, capsys):
    for row in keras_summary(name):
        out = tmp_path / f"{row['name']}.npy"
        assert main(["model", str(DATA / name / "model.h5"), "--layer", row["name"], "--input",
                     str(DATA / name / "input.npy"), "--save-output", str(out)]) == 0
        np.testing.assert_allclose(np.load(out), keras_output(name, row["name"]), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(("args", "fragment"), [
    (["model", "missing.keras"], "no such file"),
    (["model", str(TEXT_CNN), "--layer", "conv9", "--input", str(DATA / "text_cnn" / "input.npy"),
      "--save-output", "OUT.npy"], "no layer 'conv9'"),
    (["model", str(DATA / "with_lambda" / "model.keras"), "--layer", "conv1d_13", "--input",
      str(DATA / "with_lambda" / "input.npy"), "--save-output", "OUT.npy"], "'double_plus_one' (Lambda)"),
    (["model", str(TEXT_CNN), "--layer", "conv1d", "--input", str(DATA / "batchnorm" / "input.npy"),
      "--save-output", "OUT.npy"], "the model takes (batch, 20)"),
    (["model", str(TEXT_CNN), "--layer", "conv1d"], "give all three"),
    (["export", "--model", str(TEXT_CNN), "--layer", "dense", "-o", "OUT.png"], "not a Conv1D"),
    (["export", "--model", str(TEXT_CNN), "-o", "OUT.png"], "--model needs --layer"),
    (["export", "--model", str(DATA / "with_lambda" / "model.h5"), "--layer", "conv1d_13", "-o", "OUT.png"],
     "Lambda"),
])
def test_exit_2_with_one_line(args, fragment, tmp_path, capsys):
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and fragment in captured.err, captured.err


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "gif"])
def test_export_a_models_layer(fmt, tmp_path, capsys, qapp):
    out = tmp_path / f"conv.{fmt}"
    args = ["export", "--model", str(TEXT_CNN), "--layer", "conv1d_1", "-o", str(out)]
    if fmt != "gif":
        args[5:5] = ["--input", str(DATA / "text_cnn" / "input.npy")]
    assert main(args) == 0, capsys.readouterr().err
    assert out.stat().st_size > 1000


def test_help_lists_the_model_command(capsys):
    assert main(["model", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--save-output" in out and "--layer" in out
