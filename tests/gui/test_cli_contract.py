"""The command line explains itself: ``--help`` lists every command, ``--version``, ``help [COMMAND]``,
"did you mean" for a mistyped command, a closed pipe ends quietly, and ``--screenshot`` checks its
arguments as ``export`` does (exit 2 with one line). Run against the installed wheel in CI too."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.cli import COMMANDS, build_parser

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "app", *args], cwd=cwd, env=ENV, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _cases(tmp: Path) -> dict[str, list[str]]:
    shot = ["--screenshot", str(tmp / "refused.png"), "--example", "classroom"]
    return {
        "help": ["--help"],
        "help_word": ["help"],
        "help_export": ["help", "export"],
        "help_window": ["help", "window"],
        "help_unknown": ["help", "exprot"],
        "version": ["--version"],
        "typo": ["exprot", "--example", "classroom", "-o", str(tmp / "x.png")],
        "unknown_word": ["frobnicate"],
        "missing_session": [str(tmp / "missing.json")],
        "size_huge": [*shot, "--size", "99999x99999"],
        "size_zero": [*shot, "--size", "0x0"],
        "size_text": [*shot, "--size", "big"],
        "step_range": [*shot, "--step", "999"],
        "bad_ext": ["--screenshot", str(tmp / "s.bmp"), "--example", "classroom"],
        "no_folder": ["--screenshot", str(tmp / "missing" / "s.png"), "--example", "classroom"],
        "folder_as_file": ["--screenshot", str(tmp), "--example", "classroom"],
        "shot_ok": ["--screenshot", str(tmp / "s.png"), "--example", "classroom", "--size", "1366x768", "--step", "41"],
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("contract")
    procs = {name: _start(args, tmp) for name, args in _cases(tmp).items()}
    results = {}
    for name, p in procs.items():
        out, err = p.communicate(timeout=180)
        results[name] = (p.returncode, out, err)
    return tmp, results


def _one_line_error(result, *fragments: str) -> None:
    code, out, err = result
    assert code == 2, (out, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("conv1d-explorer"), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_help_lists_every_command_with_one_line(runs):
    _, r = runs
    code, out, err = r["help"]
    assert code == 0, err
    for name, summary in COMMANDS.items():
        assert f"  {name}" in out and summary in out
    assert "help" in out and "--version" in out and "--screenshot" in out
    assert r["help_word"][:2] == (0, out)


def test_each_subcommand_says_the_same_line_as_the_list():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {a.dest: a.help for a in sub._choices_actions} == COMMANDS


def test_help_command_shows_that_commands_options(runs):
    _, r = runs
    code, out, err = r["help_export"]
    assert code == 0, err
    assert out.startswith("usage: conv1d-explorer export") and "--width" in out
    code, out, err = r["help_window"]
    assert code == 0, err
    assert "--screenshot" in out and "--size" in out
    _one_line_error(r["help_unknown"], "unknown command 'exprot'", "did you mean 'export'?")


def test_version(runs):
    _, r = runs
    assert r["version"][0] == 0
    assert r["version"][1].strip() == f"conv1d-explorer {version('conv1d-explorer')}"


def test_a_mistyped_command_suggests_the_right_one(runs):
    _, r = runs
    _one_line_error(r["typo"], "unknown command 'exprot'", "did you mean 'export'?")
    _one_line_error(r["unknown_word"], "unknown command 'frobnicate'", "commands: examples, export, code, summary")


def test_a_session_path_is_not_taken_for_a_command(runs):
    _, r = runs
    _one_line_error(r["missing_session"], "missing.json")
    assert "unknown command" not in r["missing_session"][2]


@pytest.mark.parametrize(
    ("case", "fragments"),
    [
        ("size_huge", ("--size must be between 320x240 and 7680x4320, got 99999x99999",)),
        ("size_zero", ("--size must be between", "got 0x0")),
        ("size_text", ("--size must look like 1600x1000, got 'big'",)),
        ("step_range", ("--step 999 is out of range: this session has 42 positions (0..41)",)),
        ("bad_ext", ("s.bmp", "must end in .png", "'.bmp'")),
        ("no_folder", ("the folder", "does not exist")),
        ("folder_as_file", ("must end in .png",)),
    ],
)
def test_screenshot_checks_its_arguments(runs, case, fragments):
    tmp, r = runs
    _one_line_error(r[case], *fragments)
    assert not (tmp / "refused.png").exists(), "nothing is written when an argument is refused"


def test_screenshot_at_laptop_size(runs):
    tmp, r = runs
    code, out, err = r["shot_ok"]
    assert code == 0, err
    assert err == "", "a successful screenshot prints nothing on stderr"
    image = QImage(out.strip())
    assert (image.width(), image.height()) == (1366, 768)
    assert not list(tmp.glob(".s.png*")), "no temporary file is left beside the screenshot"


def test_a_closed_pipe_ends_quietly(tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line: like `examples | head -0`
    try:
        p = subprocess.run([sys.executable, "-m", "app", "examples"], stdout=write_end, stderr=subprocess.PIPE,
                           env=ENV, text=True, timeout=60, check=False)
    finally:
        os.close(write_end)
    assert p.returncode == 141  # 128 + SIGPIPE, as git and coreutils end
    assert p.stderr == ""
