"""What every subcommand shares: the one-line error, the parser that exits 2, and ``SESSION.json | --example NAME``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from app.io.examples import load_example
from app.io.session import Session, SessionError, load_session

__all__ = [
    "CliError",
    "Parser",
    "add_session_arguments",
    "check_output_path",
    "check_position",
    "check_session_arguments",
    "session_from_args",
]


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


def check_output_path(path: str | os.PathLike[str], suffixes: Sequence[str]) -> Path:
    """The file a command will write, checked before any work: its extension, and a folder that exists
    and can be written; any problem is a one-line CliError that says why."""
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        wanted = " or ".join(suffixes)
        got = f"'{out.suffix}'" if out.suffix else "no extension"
        raise CliError(f"cannot write {out}: the file name must end in {wanted}, not {got}")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise CliError(f"cannot write {out}: the folder {parent} does not exist")
    if out.is_dir():
        raise CliError(f"cannot write {out}: it is a folder")
    if not os.access(parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise CliError(f"cannot write {out}: no permission to write in {parent}")
    return out


def check_position(step: int, count: int) -> None:
    """``--step`` must name one of the session's animation positions."""
    if count <= 0:
        raise CliError(f"--step {step} cannot be shown: the session's layer is invalid, so it has no positions")
    if not 0 <= step < count:
        raise CliError(f"--step {step} is out of range: this session has {count} positions (0..{count - 1})")
