"""What every subcommand shares: the one-line error, the parser that exits 2, and ``SESSION.json | --example NAME``."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from app.io.examples import load_example
from app.io.session import Session, SessionError, load_session

__all__ = ["CliError", "Parser", "add_session_arguments", "check_session_arguments", "session_from_args"]


class CliError(Exception):
    """A user error: printed as one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def add_session_arguments(parser: argparse.ArgumentParser) -> None:
    """``SESSION.json | --example NAME``, shared by the subcommands that read a session."""
    parser.add_argument("session", nargs="?", metavar="SESSION.json", help="a saved session file")
    parser.add_argument("--example", metavar="NAME", help="a built-in example instead of a file (see `examples`)")


def check_session_arguments(args: argparse.Namespace) -> None:
    if (args.session is None) == (args.example is None):
        raise CliError("give either a SESSION.json file or --example NAME (exactly one)")


def session_from_args(args: argparse.Namespace) -> Session:
    """The session named by ``add_session_arguments``; any problem is a one-line CliError."""
    check_session_arguments(args)
    try:
        return load_example(args.example) if args.example is not None else load_session(args.session)
    except SessionError as exc:
        raise CliError(str(exc)) from None
