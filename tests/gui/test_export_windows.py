"""The layer-stack and compare windows as pictures, from the command line (issue 14, item 4)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.cli import main as cli_main

MODEL = """\
from keras import layers, models
model = models.Sequential([
    layers.Input(shape=(32, 2)),
    layers.Conv1D(8, 3, padding="causal", activation="relu"),
    layers.Conv1D(8, 3, padding="causal", dilation_rate=2, activation="relu"),
    layers.Conv1D(8, 3, padding="causal", dilation_rate=4, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1),
])
"""
SVG_NS = "{http://www.w3.org/2000/svg}"
ORANGE = np.array([255, 153, 0])  # the highlight of the light theme: the cone's outlines


def _png(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def _texts(svg: Path) -> str:
    return " ".join("".join(t.itertext()) for t in ET.parse(svg).getroot().iter(f"{SVG_NS}text"))


def _pdf_text(pdf: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _one_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "model.py"
    path.write_text(MODEL, encoding="utf-8")
    return path


def test_stack_with_a_cone_as_png_svg_pdf(model_file: Path, tmp_path: Path) -> None:
    for fmt in ("png", "svg", "pdf"):
        out = tmp_path / f"stack.{fmt}"
        argv = ["summary", str(model_file), "-o", str(out), "--select", "conv1d_2:20", "--width", "1280"]
        assert cli_main(argv) == 0
        assert out.stat().st_size > 1000
    rgb = _png(tmp_path / "stack.png")
    assert rgb.shape[1] == 1280
    assert len(np.unique(rgb.reshape(-1, 3), axis=0)) > 50  # heat maps and text, not a blank page
    orange = (np.abs(rgb - ORANGE).max(axis=2) < 30).sum()
    assert orange > 500, "the receptive-field cone is not drawn"
    texts = _texts(tmp_path / "stack.svg")
    assert "Receptive field of output step 20 of conv1d_2" in texts and "conv1d_1 (Conv1D)" in texts
    pdf = _pdf_text(tmp_path / "stack.pdf")
    if pdf is not None:
        assert "conv1d_2" in pdf and "Layer stack: 5 layers" in pdf


def test_stack_without_a_selection_has_no_cone(model_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "plain.png"
    assert cli_main(["summary", str(model_file), "-o", str(out), "--width", "1280"]) == 0
    assert (np.abs(_png(out) - ORANGE).max(axis=2) < 30).sum() < 50


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-o", "s.png", "--select", "conv9:1"], "no layer 'conv9'"),
        (["-o", "s.png", "--select", "conv1d_2:99"], "it has 32 output steps (0..31)"),
        (["--select", "conv1d_2:1"], "give -o stack.png"),
        (["-o", "s.gif"], "not .gif"),
    ],
)
def test_stack_picture_errors_are_one_line(model_file, tmp_path, capsys, extra, message) -> None:
    extra = [str(tmp_path / a) if a.startswith("s.") else a for a in extra]
    assert cli_main(["summary", str(model_file), *extra]) == 2
    assert message in _one_error(capsys)
    assert not list(tmp_path.glob("s.*"))


def test_select_must_be_layer_colon_step(model_file, tmp_path, capsys) -> None:
    try:  # a bad option: exit code 2 (returned, or raised by argparse as SystemExit)
        code = cli_main(["summary", str(model_file), "-o", str(tmp_path / "s.png"), "--select", "conv1d_2"])
    except SystemExit as exc:
        code = exc.code  # type: ignore[assignment]
    assert code == 2
    assert "is not LAYER:STEP" in _one_error(capsys)


def test_compare_as_png_svg_pdf(tmp_path: Path) -> None:
    for fmt in ("png", "svg", "pdf"):
        out = tmp_path / f"cmp.{fmt}"
        argv = ["compare", "--example", "classroom", "--with", "padding=causal", "-o", str(out), "--width", "1400"]
        assert cli_main(argv) == 0
        assert out.stat().st_size > 1000
    rgb = _png(tmp_path / "cmp.png")
    assert rgb.shape[1] == 1400 and len(np.unique(rgb.reshape(-1, 3), axis=0)) > 50
    texts = _texts(tmp_path / "cmp.svg")
    assert "padding: 'valid' → 'causal'" in texts and "length: 14 → 16" in texts
    assert "A: kernel_size=3" in texts and "padding='causal'" in texts
    pdf = _pdf_text(tmp_path / "cmp.pdf")
    if pdf is not None:
        assert "'causal'" in pdf and "Compare two Conv1D settings" in pdf


@pytest.mark.parametrize(
    ("with_", "out", "message"),
    [
        ("filters=3", "c.png", "'filters' cannot be compared"),
        ("padding=round", "c.png", "choose valid, same or causal"),
        ("kernel_size=0", "c.png", "between 1 and 64"),
        ("padding", "c.png", "write KEY=VALUE"),
        ("padding=same", "c.gif", "not .gif"),
    ],
)
def test_compare_errors_are_one_line(tmp_path, capsys, with_, out, message) -> None:
    target = tmp_path / out
    assert cli_main(["compare", "--example", "classroom", "--with", with_, "-o", str(target)]) == 2
    assert message in _one_error(capsys)
    assert not target.exists()


def test_compare_shows_a_side_keras_refuses(tmp_path: Path) -> None:
    """kernel_size 20 over 16 steps is refused by Keras under 'valid': the picture says so (exit 0)."""
    out = tmp_path / "refused.svg"
    assert cli_main(["compare", "--example", "classroom", "--with", "kernel_size=20", "-o", str(out)]) == 0
    assert "kernel_size=20" in _texts(out)


def test_export_picture_from_the_windows(window, tmp_path: Path, monkeypatch) -> None:
    """Model > Layer stack / Compare: each window has Export picture… (Ctrl+E) writing what it shows."""
    from app.features import picture_export

    warnings: list[str] = []
    monkeypatch.setattr(picture_export.QMessageBox, "warning", lambda *a: warnings.append(str(a[-1])))
    actions = window.stack_actions
    stack = actions.open_stack()
    if not stack.model.selectable():
        stack.set_code(MODEL)
        stack.build()
    names = stack.model.selectable()
    assert names
    assert stack.model.select(names[-1], 0)
    out = actions.stack_export.export(tmp_path / "stack.svg")
    assert out is not None and out.exists()
    texts = _texts(out)
    assert f"of {names[-1]}" in texts  # the heading names the chosen cone
    assert actions.stack_export.action.shortcut().toString() == "Ctrl+E"
    assert actions.stack_export.action in stack.menuBar().actions()
    compare = actions.open_compare()
    compare.set_setting("B", padding="causal")
    png = actions.compare_export.export(tmp_path / "compare.png")
    assert png is not None and len(np.unique(_png(png).reshape(-1, 3), axis=0)) > 50
    assert actions.compare_export.export(tmp_path / "compare.gif") is None  # refused with a message box
    assert not (tmp_path / "compare.gif").exists() and "not .gif" in warnings[-1]
