"""Entry point: ``python -m app`` / ``conv1d-explorer``.

``conv1d-explorer`` alone opens the window (``SESSION.json`` or ``--example NAME`` opens one);
``conv1d-explorer COMMAND ...`` runs a command without a display (``--help`` lists them);
``--screenshot FILE.png`` renders the window as it would open and exits.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at interpreter exit
        return code
    except BrokenPipeError:
        # `conv1d-explorer examples | head -1`: the reader has gone; end quietly, as git and coreutils do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE


def _dispatch(args: list[str]) -> int:
    from app.cli import COMMANDS
    from app.cli import main as cli_main
    from app.cli.help import is_command_like, top_help, unknown_command, version_line

    if not args:
        return _gui(args)
    first = args[0]
    if first in ("-h", "--help"):
        print(top_help())
        return 0
    if first in ("-V", "--version"):
        print(version_line())
        return 0
    if first == "help":
        if len(args) == 1:
            print(top_help())
            return 0
        if args[1] in COMMANDS:
            return cli_main([args[1], "--help"])
        if args[1] in ("window", "gui"):
            return _gui(["--help"])
        return unknown_command(args[1])
    if first in COMMANDS:
        return cli_main(args)
    if is_command_like(first):  # `exprot -o x.png`: a mistyped command, not a session file
        return unknown_command(first)
    return _gui(args)


def _gui(args: list[str]) -> int:
    from app.gui import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
