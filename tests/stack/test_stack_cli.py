"""``conv1d-explorer summary``: the --json contract, exit codes 0/2 and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
MATERIAL_000 = """\
model.add(embedding_layer)
model.add(Dropout(0.2))
model.add(Conv1D(filters=100, kernel_size=4, padding='same', activation='relu'))
"""
IMDB = """\
from keras import layers
from keras.models import Sequential
max_features = 10000
model = Sequential()
model.add(layers.Embedding(max_features, 128, input_length=500))
model.add(layers.Conv1D(32, 7, activation='relu'))
model.add(layers.MaxPooling1D(5))
model.add(layers.Conv1D(32, 7, activation='relu'))
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1))
"""


@pytest.fixture
def write(tmp_path: Path):
    def _write(text: str, name: str = "model.py") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["summary", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(write, capsys) -> None:
    code, out, err = run(capsys, write(IMDB), "--json")
    assert code == 0
    layers = json.loads(out)
    assert isinstance(layers, list)
    assert [layer["name"] for layer in layers] == ["embedding", "conv1d", "max_pooling1d", "conv1d_1",
                                                   "global_max_pooling1d", "dense"]
    for layer in layers:
        assert {"name", "class", "output_shape", "params"} <= set(layer)
        assert layer["output_shape"][0] is None  # the batch
        has_field = layer["class"] in ("Conv1D", "MaxPooling1D", "GlobalMaxPooling1D")
        assert ("receptive_field" in layer) == has_field
        assert ("jump" in layer) == has_field
    conv = layers[3]
    assert (conv["class"], conv["output_shape"], conv["params"], conv["receptive_field"], conv["jump"]) == (
        "Conv1D", [None, 92, 32], 7200, 41, 5)
    assert layers[0]["params"] == 1_280_000
    assert layers[4]["jump"] is None  # one output: no jump
    assert err == ""


def test_the_documented_command_in_a_subprocess(write) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "summary", write(MATERIAL_000), "--input-shape", "50,300", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    layers = json.loads(done.stdout)
    assert [(x["name"], x["output_shape"], x["params"]) for x in layers] == [
        ("dropout", [None, 50, 300], 0), ("conv1d", [None, 50, 100], 120100)]
    assert layers[1]["receptive_field"] == 4 and layers[1]["jump"] == 1
    assert "Traceback" not in done.stderr
    # The undefined `embedding_layer` is a warning on stderr, with its line.
    assert ":1: warning:" in done.stderr


def test_table_output(write, capsys) -> None:
    code, out, _ = run(capsys, write(IMDB))
    assert code == 0
    assert 'Model: "sequential"' in out
    assert "Receptive field" in out and "Jump" in out
    assert "conv1d_1 (Conv1D)" in out and "(None, 92, 32)" in out and "7,200" in out
    assert "Total params: 1,315,937" in out
    assert "Notes on the code" in out  # input_length is deprecated in Keras 3


def test_table_shows_keras_errors_and_exits_0(write, capsys) -> None:
    code, out, _ = run(capsys, write("model = Sequential()\nmodel.add(Conv1D(32, 3, input_shape=(56,)))\n"))
    assert code == 0
    assert "expected min_ndim=3, found ndim=2. Full shape received: (None, 56)" in out
    assert "x.reshape(n, 56, 1)" in out


@pytest.mark.parametrize(("shape", "expected"), [("50,14", [None, 46, 8]), ("None,14", [None, None, 8]),
                                                 ("(None, 14)", [None, None, 8]), ("20x14", [None, 16, 8])])
def test_input_shape_fills_in_none_steps(write, capsys, shape: str, expected: list) -> None:
    path = write("model = Sequential()\nmodel.add(Conv1D(8, 5, input_shape=(None, float_data.shape[-1])))\n")
    code, out, _ = run(capsys, path, "--input-shape", shape, "--json")
    assert code == 0
    assert json.loads(out)[0]["output_shape"] == expected


def test_input_shape_overrides_the_code(write, capsys) -> None:
    code, out, _ = run(capsys, write(IMDB), "--input-shape", "100", "--json")
    assert code == 0
    assert json.loads(out)[1]["output_shape"] == [None, 94, 32]


def test_steps_and_channels_for_an_embedding_model_use_the_steps(write, capsys) -> None:
    code, out, err = run(capsys, write(IMDB), "--input-shape", "50,300", "--json")
    assert code == 0
    layers = json.loads(out)
    assert layers[0]["output_shape"] == [None, 50, 128]  # the Embedding makes the channels
    assert err == ""  # an info remark, shown in the table only


def test_model_index(write, capsys) -> None:
    path = write("a = Sequential([Input((9, 1)), Conv1D(2, 3)])\nb = Sequential([Input((9, 1)), Dense(2)])\n")
    code, out, _ = run(capsys, path, "--model", "2", "--json")
    assert code == 0 and json.loads(out)[0]["class"] == "Dense"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["{missing}"], "no such file"),
        (["{garbage}"], "no Keras model found (line 1: not Python"),
        (["{no_shape}"], "pass --input-shape"),
        (["{model}", "--input-shape", "fifty,300"], "STEPS must be a whole number"),
        (["{model}", "--input-shape", "50,None"], "CHANNELS must be a whole number"),
        (["{model}", "--input-shape", "1,2,3"], "is not STEPS,CHANNELS"),
        (["{model}", "--input-shape", "0,3"], "sizes must be 1 or more"),
        (["{model}", "--model", "3"], "--model 3"),
        (["{model}", "--colour"], "unrecognized arguments"),
        (["{dir}"], "is a directory"),
    ],
)
def test_exit_2_with_one_line_on_stderr(
    write, capsys, tmp_path: Path, argv: list[str], fragment: str
) -> None:
    paths = {
        "missing": str(tmp_path / "nope.py"),
        "garbage": write("this is ( not python", "garbage.py"),
        "no_shape": write("model = Sequential()\nmodel.add(Conv1D(8, 3))\n", "no_shape.py"),
        "model": write(IMDB),
        "dir": str(tmp_path),
    }
    args = [a.format(**paths) for a in argv]
    try:
        code = main(["summary", *args])
    except SystemExit as exc:  # argparse errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert fragment in err
    assert "Traceback" not in err


def test_subprocess_bad_file_has_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "app", "summary", str(tmp_path / "missing.py")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
