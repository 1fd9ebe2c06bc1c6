"""The numeric contract (issue 15): no number from a file, an import or a generator crashes the app.

Values of about 9e307 and more used to segfault the renderer (exit 139): the colour bar's axis
took ``level - (-level)`` = inf and raised inside ``paint``.  Now every number that enters is
finite and within ±1e15 (``app.numeric``), refused with one line naming the field and the value,
and the diagram clamps its colour levels so outputs that overflow still render.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.cli import main as cli_main
from app.io import numeric
from app.io.examples import EXAMPLES_DIR
from app.io.importers import InputImportError, import_input
from app.io.session import SessionError, load_session, parse_session_text

ROOT = Path(__file__).resolve().parents[2]
BAD_VALUES = {"1e308": 1e308, "-1e308": -1e308, "1e16": 1e16, "inf": math.inf, "nan": math.nan}
FIELDS = ("input", "kernel", "bias")


def _session(field: str, value: object, **layer: object) -> dict:
    data = json.loads((EXAMPLES_DIR / "classroom.json").read_text(encoding="utf-8"))
    data["layer"].update(layer)
    if field == "input":
        data["input"]["values"][0][3][1] = value
    elif field == "kernel":
        data["kernel"]["values"][2][1][0] = value
    elif field == "bias":
        data["bias"]["values"][1] = value
    return data


def _write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")  # inf / nan as JSON's Infinity / NaN
    return path


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child process: a segfault shows as returncode -11, not a dead test run."""
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )


# ------------------------------------------------------------------ the contract itself
def test_bound_and_messages() -> None:
    assert numeric.MAX_ABS_VALUE == 1e15
    assert numeric.number_problem(1e15) is None and numeric.number_problem(-(10**15)) is None
    assert "outside" in numeric.number_problem(1e16)
    assert "not a finite number" in numeric.number_problem(math.nan)
    big = numeric.number_problem(10**400)  # compared as an integer: no OverflowError
    assert "outside" in big and len(numeric.shown(10**400)) <= 60
    assert numeric.array_problem(np.array([[0.0, 1e15], [-1e15, 2.0]])) is None
    where, why = numeric.array_problem(np.array([[0.0, 1.0], [np.nan, 1e308]]))
    assert where == (1, 0) and "nan" in why


# ------------------------------------------------------------------ sessions (CLI, load_session)
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("tag", list(BAD_VALUES))
def test_session_value_out_of_contract_is_exit_2(tmp_path, capsys, field: str, tag: str) -> None:
    path = _write(tmp_path / f"{field}_{tag}.json", _session(field, BAD_VALUES[tag]))
    assert cli_main(["export", str(path), "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith("conv1d-explorer export: error: ") and field in err
    assert tag.lstrip("-").replace("1e", "1e+") in err or tag in err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("value", ["1" * 401, "-" + "9" * 5000])
def test_session_huge_integers_are_exit_2(tmp_path, capsys, value: str) -> None:
    text = json.dumps(_session("input", 0)).replace('"values": [[[3.0', f'"values": [[[{value}', 1)
    path = tmp_path / "big.json"
    path.write_text(text, encoding="utf-8")
    assert cli_main(["export", str(path), "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err and len(err) < 200


def test_the_reported_crash_is_exit_2_in_a_real_process(tmp_path) -> None:
    """Issue 15's reproduction: one input value of 1e308 in a session, exported to PNG."""
    path = _write(tmp_path / "huge.json", _session("input", 1e308))
    done = _run_cli("export", str(path), "-o", str(tmp_path / "x.png"))
    assert done.returncode == 2, done.stderr[-800:]
    assert done.stderr.strip() == (
        "conv1d-explorer export: error: input: 1e+308 is outside the app's range -1e15..1e15"
    )


def test_session_generator_cannot_make_nan() -> None:
    data = _session("input", 0)
    data["input"] = {"shape": [1, 16, 4], "generator": {"name": "sine", "period": 0}}
    want = r"input: Expected period to be a number from 0.01 to 1e\+15\. Received: period=0"
    with pytest.raises(SessionError, match=want):
        parse_session_text(json.dumps(data))


# ------------------------------------------------------------------ CSV / .npy
@pytest.mark.parametrize("tag", list(BAD_VALUES))
@pytest.mark.parametrize("suffix", [".csv", ".npy"])
def test_import_value_out_of_contract(tmp_path, tag: str, suffix: str) -> None:
    x = np.array([[1.0, 2.0], [3.0, BAD_VALUES[tag]], [5.0, 6.0]])
    path = tmp_path / f"x{suffix}"
    if suffix == ".npy":
        np.save(path, x)
    else:
        path.write_text("1,2\n3," + tag + "\n5,6\n", encoding="utf-8")
    with pytest.raises(InputImportError) as info:
        import_input(path)
    text = str(info.value)
    assert "\n" not in text and ("outside" in text or "not a finite number" in text)
    assert ("row 2, column 2" in text) if suffix == ".csv" else ("[1, 1]" in text)


def test_import_at_the_bound_is_accepted(tmp_path) -> None:
    path = tmp_path / "edge.csv"
    path.write_text("1e15,-1e15\n0,1\n", encoding="utf-8")
    assert import_input(path).x.shape == (1, 2, 2)


# ------------------------------------------------------------------ the window
def test_window_refuses_files_and_keeps_the_work(window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    window.open_example("classroom")
    before = window.state.to_session()
    fa = window.file_actions
    np.save(tmp_path / "huge.npy", np.array([1.0, 1e308, 3.0]))
    (tmp_path / "huge.csv").write_text("1\n-1e308\n", encoding="utf-8")
    assert not fa.open_path(_write(tmp_path / "huge.json", _session("kernel", 9e307)))
    assert not fa.import_path(tmp_path / "huge.npy")
    assert not fa.import_path(tmp_path / "huge.csv")
    assert len(shown) == 3 and all("outside" in t for t in shown)
    window.state.flush()
    assert window.state.to_session().equals(before)


def test_state_is_the_last_gate(state) -> None:
    """Whatever reaches the state by code (paste, generators, demos, undo) cannot reach the renderer."""
    state.flush()
    good = state.trace
    x = np.array(state.x)
    x[0, 2, 1] = 1e308
    state.set_input(x)
    state.flush()
    assert state.error is not None and state.error.code == "value_range"
    assert "input[0, 2, 1]" in state.error.keras and "1e+308" in state.error.keras
    assert state.trace is good  # the last valid picture stays
    x[0, 2, 1] = 1e15
    state.set_input(x)
    state.flush()
    assert state.error is None and state.trace is not good


# ------------------------------------------------------------------ the renderer
@pytest.mark.parametrize(
    ("name", "bias"),
    [("overflow_to_inf", [1000.0, 0.0, -1.0]), ("finite_but_huge", [709.7, 1.0, 0.5])],
)
def test_output_that_overflows_still_renders(tmp_path, name: str, bias: list[float]) -> None:
    """exp(1000) = inf and exp(709.7) = 1.65e308: outputs beyond any colour scale, inputs in contract."""
    data = _session("input", 1.0, activation="exponential")
    data["bias"]["values"] = bias
    if name == "finite_but_huge":
        data["kernel"]["values"] = np.zeros((3, 4, 3)).tolist()
    path = _write(tmp_path / f"{name}.json", data)
    out = tmp_path / f"{name}.png"
    done = _run_cli("export", str(path), "-o", str(out), "--step", "41")
    assert done.returncode == 0, done.stderr[-800:]
    assert out.stat().st_size > 1000


def test_tiny_values_render(tmp_path) -> None:
    """A subnormal colour level (all inputs 0 but one 5e-324) made a zero tick spacing."""
    data = _session("input", 0.0)
    data["input"]["values"] = np.zeros((1, 16, 4)).tolist()
    data["input"]["values"][0][0][0] = 5e-324
    path = _write(tmp_path / "tiny.json", data)
    done = _run_cli("export", str(path), "-o", str(tmp_path / "tiny.png"))
    assert done.returncode == 0, done.stderr[-800:]


def test_diagram_clamps_colour_levels(state, qtbot) -> None:
    from app.views.diagram import DiagramWidget

    w = DiagramWidget(state)
    qtbot.addWidget(w)
    panel = w.output_panel
    for level, want in [
        (1.65e308, numeric.LEVEL_MAX),
        (5e-324, numeric.LEVEL_MIN),
        (math.inf, 1.0),
        (math.nan, 1.0),
        (0.0, 1.0),
        (17.0, 17.0),
    ]:
        panel.set_levels(level)
        assert panel.level == want
        lo, hi = panel.colorbar.levels()
        assert math.isfinite(hi - lo)


def test_session_at_the_bound_loads(tmp_path) -> None:
    path = _write(tmp_path / "edge.json", _session("input", -1e15))
    assert load_session(path).x[0, 3, 1] == -1e15
