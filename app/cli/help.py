"""The command line's own help: every command with one line, ``--version``, ``help [COMMAND]``, and
"did you mean" for a mistyped command. Qt-free, so ``--help`` answers at once."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from app.cli.commands import COMMANDS

__all__ = ["is_command_like", "top_help", "unknown_command", "version_line"]

_USAGE = """\
usage: conv1d-explorer [SESSION.json | --example NAME] [--lang LANG]
       conv1d-explorer --screenshot FILE.png [SESSION.json | --example NAME] [--size WxH] [--step N] [--lang LANG]
       conv1d-explorer COMMAND [ARGS ...]
       conv1d-explorer help [COMMAND] | --version"""


def version_line() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"conv1d-explorer {version('conv1d-explorer')}"
    except PackageNotFoundError:  # a checkout that was never installed
        return "conv1d-explorer (not installed: run ./run.sh or pip install .)"


def top_help() -> str:
    width = max(len(name) for name in (*COMMANDS, "help")) + 3
    commands = [f"  {name:<{width}}{summary}" for name, summary in COMMANDS.items()]
    commands.append(f"  {'help':<{width}}this help, or one command's options: conv1d-explorer help export")
    return "\n".join(
        [
            _USAGE,
            "",
            "Conv1D Explorer: every number Keras computes in a Conv1D layer, visible, editable and animated.",
            "Without a command it opens the window; SESSION.json or --example NAME opens that layer.",
            "",
            "commands (each works without a display):",
            *commands,
            "",
            "window options (conv1d-explorer help window):",
            "  --example NAME          a built-in example (conv1d-explorer examples lists them)",
            "  --screenshot FILE.png   render the window as it would open to a PNG and exit",
            "  --size WxH              window size, 320x240 to 7680x4320 (default 1600x1000)",
            "  --step N                animation position to show",
            "  --lang LANG             en, zh_CN or zh_TW",
            "",
            "  -h, --help              this help",
            "  -V, --version           the version",
            "",
            "Exit codes: 0 done; 2 a bad argument or file, with one line on stderr.",
        ]
    )


def is_command_like(word: str) -> bool:
    """A bare word that is no file: ``exprot``, ``hepl``; not ``lesson.json``, ``./lesson`` or an existing path."""
    if not word or word.startswith("-") or "/" in word or "\\" in word or "." in word:
        return False
    return not Path(word).exists()


def unknown_command(word: str) -> int:
    """One line on stderr naming the closest command, exit code 2."""
    known = [*COMMANDS, "help"]
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else "a session file to open ends in .json"
    sys.stderr.write(
        f"conv1d-explorer: error: unknown command '{word}'; {hint} (commands: {', '.join(known)})\n"
    )
    return 2
