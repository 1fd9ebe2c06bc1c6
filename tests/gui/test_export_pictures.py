"""Exports of the matrix and signal views (PNG, SVG, PDF) through the CLI's --view, and its one-line errors."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QImage

from app.io.examples import load_example
from app.io.session import save_session


def _export(args, tmp_path, capsys):
    from app.cli import main

    code = main(["export", *args])
    return code, capsys.readouterr()


@pytest.mark.parametrize("view", ["matrix", "signal"])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_each_view_exports_to_each_still_format(view, fmt, tmp_path, qapp, capsys):
    out = tmp_path / f"{view}.{fmt}"
    code, cap = _export(["--example", "classroom", "--view", view, "-o", str(out), "--width", "900"], tmp_path, capsys)
    assert code == 0, cap.err
    assert cap.out.strip() == str(out) and cap.err == ""
    data = out.read_bytes()
    if fmt == "png":
        image = QImage(str(out))
        assert image.width() == 900
        # the picture is not blank: the heat map's colours are in it
        colors = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, image.height(), 7)}
        assert len(colors) > 20
    elif fmt == "svg":
        text = data.decode("utf-8")
        assert text.startswith("<?xml") and 'width="900' in text
        assert ("output step" in text or "input step" in text)
    else:
        assert data.startswith(b"%PDF")


def test_the_matrix_png_shows_the_current_row_and_the_heading(tmp_path, qapp, capsys):
    out = tmp_path / "m.png"
    code, cap = _export(["--example", "classroom", "--view", "matrix", "--step", "3", "-o", str(out)], tmp_path, capsys)
    assert code == 0, cap.err
    image = QImage(str(out))
    orange = 0xFFFF9900  # the light theme's highlight: the current row's outline
    found = sum(
        1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3) if image.pixel(x, y) == orange
    )
    assert found > 50


def test_the_session_picture_is_the_default_and_animations_stay_on_the_grid(tmp_path, qapp, capsys):
    session = load_example("step-moving-average")  # stored with view.picture = "signal"
    path = tmp_path / "s.json"
    save_session(session, path)
    code, cap = _export([str(path), "-o", str(tmp_path / "s.svg")], tmp_path, capsys)
    assert code == 0, cap.err
    assert "input x: one curve per channel" in (tmp_path / "s.svg").read_text(encoding="utf-8")
    code, cap = _export([str(path), "-o", str(tmp_path / "s.gif"), "--frame-ms", "50", "--width", "200"],
                        tmp_path, capsys)
    assert code == 0, cap.err


@pytest.mark.parametrize(
    "args,message",
    [
        (["--view", "matrix", "-o", "m.gif"], "--view matrix is written as .png, .svg or .pdf; .gif animates the grid"),
        (["--view", "signal", "--panel", "output", "-o", "m.png"], "--panel output is a part of the grid"),
        (["--view", "matrix", "--step", "999", "-o", "m.png"], "--step 999 is out of range"),
    ],
)
def test_view_errors_are_one_line(args, message, tmp_path, qapp, capsys, monkeypatch):
    from app.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["export", "--example", "classroom", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert list(tmp_path.iterdir()) == []


def test_bad_view_name_exits_2(tmp_path, capsys):
    from app.cli import main

    assert main(["export", "--example", "classroom", "--view", "table", "-o", str(tmp_path / "x.png")]) == 2
    assert "invalid choice: 'table'" in capsys.readouterr().err


def test_a_conv1dtranspose_session_exports_its_scatter_and_its_matrix(tmp_path, qapp, capsys):
    session = load_example("odd-same")
    session = type(session)(**{**session.__dict__, "layer_kind": "Conv1DTranspose", "output_padding": None})
    path = tmp_path / "t.json"
    save_session(session, path)
    code, cap = _export([str(path), "-o", str(tmp_path / "t.svg"), "--step", "2"], tmp_path, capsys)
    assert code == 0, cap.err
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    # the heading wraps to the picture's width: read its lines' words as one text
    text = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
    assert "Conv1DTranspose(filters=1, kernel_size=4" in text and "output (1, 7, 1)" in text
    assert "Input step 2 adds x[2]" in text
    code, cap = _export([str(path), "-o", str(tmp_path / "m.png"), "--view", "matrix"], tmp_path, capsys)
    assert code == 0, cap.err
    code, cap = _export([str(path), "-o", str(tmp_path / "t.gif")], tmp_path, capsys)
    assert code == 2 and "a Conv1DTranspose session is exported as a still" in cap.err
    code, cap = _export([str(path), "-o", str(tmp_path / "s.png"), "--view", "signal"], tmp_path, capsys)
    assert code == 2 and "--view signal draws a Conv1D" in cap.err
