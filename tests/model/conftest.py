"""Model-file tests: fixtures written by real Keras 3 (data/make_models.py); Keras is never imported here."""

import json
from pathlib import Path

import numpy as np

# the GUI tests' window and their guard against modal message boxes, shared with tests/gui
from tests.gui.conftest import _no_unexpected_modal_dialog, window  # noqa: F401

# data/make_models.py imports Keras: a script that regenerates the fixtures, not a test module.
collect_ignore_glob = ["data/*"]

DATA = Path(__file__).resolve().parent / "data"
MODELS = ("text_cnn", "dilated_causal", "batchnorm", "groups", "with_lambda", "functional")


def model_files(name: str) -> list[Path]:
    return sorted((DATA / name).glob("*.keras")) + sorted((DATA / name).glob("*.h5"))


def keras_summary(name: str) -> list[dict]:
    return json.loads((DATA / name / "summary.json").read_text(encoding="utf-8"))["layers"]


def keras_output(name: str, layer: str) -> np.ndarray:
    return np.load(DATA / name / "outputs" / f"{layer}.npy")


def keras_input(name: str) -> np.ndarray:
    return np.load(DATA / name / "input.npy")
