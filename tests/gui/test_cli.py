"""The command line: ``python -m app export ...`` and ``examples``, exit codes and one-line errors.

The subprocesses start together (each pays Python + Qt start-up once, in parallel).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QImage

from app.io.examples import example_names

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"


def _cases(tmp: Path) -> dict[str, list[str]]:
    """Run as real subprocesses (exit code, stdout, stderr); the rest runs in-process below."""
    return {
        "png": [
            "export",
            "--example",
            "classroom",
            "-o",
            str(tmp / "c.png"),
            "--step",
            "20",
            "--width",
            "800",
        ],
        "svg_dark_zh": [
            "export",
            "--example",
            "odd-same",
            "-o",
            str(tmp / "o.svg"),
            "--theme",
            "dark",
            "--lang",
            "zh_CN",
        ],
        "examples": ["examples"],
        "bad_ext": ["export", "--example", "classroom", "-o", str(tmp / "c.bmp")],
        "step_range": ["export", "--example", "classroom", "-o", str(tmp / "s.png"), "--step", "42"],
        "bad_session": ["export", str(BAD / "truncated.json"), "-o", str(tmp / "t.png")],
        "no_folder": ["export", "--example", "classroom", "-o", str(tmp / "missing" / "c.png")],
        "mp4_no_extra": ["export", "--example", "odd-same", "-o", str(tmp / "v.mp4"), "--width", "320"],
    }


IN_PROCESS = {
    "no_ext": (["-o", "diagram"], "cannot export to no extension"),
    "filter_step_range": (
        ["-o", "s.png", "--filter", "2", "--step", "14"],
        "--step 14 is out of range: filter 2 has 14 output steps (0..13)",
    ),
    "filter_range": (
        ["-o", "s.png", "--filter", "3"],
        "--filter 3 is out of range: the layer has 3 filters (0..2)",
    ),
    "width_and_dpi": (["-o", "s.png", "--width", "800", "--dpi", "200"], "give --width or --dpi, not both"),
    "tiny_width": (["-o", "s.png", "--width", "3"], "width must be between 16 and 8000 pixels, got 3"),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)}
    if "PYTHONPATH_EXTRA" in os.environ:  # e.g. a folder with imageio-ffmpeg, to test MP4
        env["PYTHONPATH"] = os.environ["PYTHONPATH_EXTRA"] + os.pathsep + env["PYTHONPATH"]
    procs = {
        name: subprocess.Popen(
            [sys.executable, "-m", "app", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(tmp),
        )
        for name, args in _cases(tmp).items()
    }
    results = {}
    for name, p in procs.items():
        out, err = p.communicate(timeout=180)
        results[name] = (p.returncode, out, err)
    return tmp, results


def test_png(runs):
    tmp, r = runs
    code, out, err = r["png"]
    assert code == 0, err
    assert out.strip() == str(tmp / "c.png")
    img = QImage(str(tmp / "c.png"))
    assert img.width() == 800 and img.height() == 500


def test_svg_with_theme_and_language(runs):
    tmp, r = runs
    code, _, err = r["svg_dark_zh"]
    assert code == 0, err
    text = (tmp / "o.svg").read_text(encoding="utf-8")
    assert "<text" in text and 'fill="#1e1e1e"' in text  # the dark theme's background


def test_gif_of_one_filter(tmp_path, qapp, capsys):
    from app.cli import main

    out = tmp_path / "f1.gif"
    assert (
        main(
            [
                "export",
                "--example",
                "classroom",
                "-o",
                str(out),
                "--filter",
                "1",
                "--width",
                "320",
                "--frame-ms",
                "50",
            ]
        )
        == 0
    )
    with Image.open(out) as im:
        assert im.n_frames == 14  # the 14 steps of filter 1


def test_pdf_of_one_panel_from_a_session_file(tmp_path, qapp):
    from app.cli import main
    from app.io.examples import example_path

    out = tmp_path / "p.pdf"
    assert main(["export", str(example_path("causal-dilated")), "-o", str(out), "--panel", "output"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("case", sorted(IN_PROCESS))
def test_more_user_errors_in_process(case, tmp_path, qapp, capsys, monkeypatch):
    from app.cli import main

    monkeypatch.chdir(tmp_path)
    args, message = IN_PROCESS[case]
    assert main(["export", "--example", "classroom", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert list(tmp_path.iterdir()) == []


def test_bad_argument_exits_2(capsys):
    from app.cli import main

    assert main(["export", "--example", "classroom", "-o", "x.png", "--theme", "neon"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'neon'" in err


def test_examples_lists_one_line_each(runs):
    _, r = runs
    code, out, _ = r["examples"]
    assert code == 0
    lines = out.strip().splitlines()
    assert [ln.split()[0] for ln in lines] == example_names()


@pytest.mark.parametrize(
    "case, message",
    [
        ("bad_ext", "cannot export to .bmp"),
        ("step_range", "--step 42 is out of range: this session has 42 positions (0..41)"),
        ("no_folder", "does not exist"),
        ("bad_session", "truncated.json is not valid JSON"),
    ],
)
def test_user_errors_exit_2_with_one_line(runs, case, message):
    tmp, r = runs
    code, _out, err = r[case]
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert message in err
    assert not any(p.name.startswith(("s.", "t.", ".")) for p in tmp.iterdir())  # nothing half-written


@pytest.mark.parametrize(
    "args, message",
    [
        (["pickled.npy"], "is not a text (UTF-8 JSON) file"),
        (["nope.json"], "cannot open"),
        (["--example", "nope"], "no example named 'nope'"),
        (["truncated.json", "--example", "classroom"], "exactly one"),
    ],
)
def test_bad_sources_in_process(args, message, capsys, monkeypatch, tmp_path):
    from app.cli import main

    monkeypatch.chdir(BAD)
    assert main(["export", *args, "-o", str(tmp_path / "t.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_mp4_needs_the_extra_or_works(runs):
    tmp, r = runs
    code, _, err = r["mp4_no_extra"]
    if code == 0:
        assert (tmp / "v.mp4").stat().st_size > 1000
    else:
        assert code == 2 and err.count("\n") == 1 and "pip install 'conv1d-explorer[video]'" in err


def test_unwritable_folder(tmp_path, qapp, capsys):
    from app.cli import main

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert main(["export", "--example", "classroom", "-o", str(locked / "c.png")]) == 2
        assert "no permission to write" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)
