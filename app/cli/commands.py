"""The command line's commands, each with the one line ``conv1d-explorer --help`` shows for it."""

from __future__ import annotations

__all__ = ["COMMANDS", "SUBCOMMANDS"]

# Every subcommand with its one line for ``conv1d-explorer --help`` (tests/gui/test_cli_contract.py
# checks that the list and each subcommand's parser agree).
COMMANDS: dict[str, str] = {
    "examples": "list the built-in examples, one line each",
    "export": "render a session or example to PNG, SVG, PDF, GIF or MP4 (no display needed)",
    "code": "print a runnable Keras, PyTorch or NumPy script that checks itself against the app",
    "summary": "model.summary() of Keras code in a file, with receptive fields (the code is never run)",
    "compare": "picture of a session's layer beside a changed copy (PNG, SVG or PDF)",
    "model": "a saved Keras model (.keras or .h5): its summary, or one layer's output on your input (never run)",
}
SUBCOMMANDS = tuple(COMMANDS)
