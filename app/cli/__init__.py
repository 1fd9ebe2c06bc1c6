"""The command line: ``conv1d-explorer SUBCOMMAND ...`` and ``python -m app SUBCOMMAND ...``.

Every subcommand works without a display.  Exit 0 on success; 2 on bad
arguments or a bad input file, with one line on stderr and no traceback.
Each subcommand is one module here, imported explicitly by :func:`build_parser`
(not at import time, so ``import app.cli.summary`` stays Qt-free): a broken
import fails loudly instead of removing the subcommand.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli.arguments import CliError, Parser
from app.cli.commands import COMMANDS, SUBCOMMANDS

__all__ = ["COMMANDS", "SUBCOMMANDS", "CliError", "build_parser", "main"]



def build_parser() -> argparse.ArgumentParser:
    from app.cli import code, compare, examples, export, model, summary

    parser = Parser(prog="conv1d-explorer", description="Conv1D Explorer command line")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for module in (examples, export, code, summary, compare, model):
        module.add_cli(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help (0) or a bad argument (2, one line already written)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return int(args.run(args))
    except CliError as exc:
        sys.stderr.write(f"conv1d-explorer {args.command}: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
