"""The command line: ``conv1d-explorer SUBCOMMAND ...`` and ``python -m app SUBCOMMAND ...``.

Every subcommand works without a display.  Exit 0 on success; 2 on bad
arguments or a bad input file, with one line on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from .session import Session

__all__ = ["SUBCOMMANDS", "CliError", "main"]

SUBCOMMANDS = ("export", "examples", "code", "summary")


class CliError(Exception):
    """A user error: printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
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
    from .examples import load_example
    from .session import SessionError, load_session

    check_session_arguments(args)
    try:
        return load_example(args.example) if args.example is not None else load_session(args.session)
    except SessionError as exc:
        raise CliError(str(exc)) from None


def _examples(args: argparse.Namespace) -> int:
    from .examples import example_names, example_title

    for name in example_names():
        print(f"{name:16s} {example_title(name, args.lang)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="conv1d-explorer", description="Conv1D Explorer command line")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("examples", help="list the built-in examples, one line each")
    p.add_argument("--lang", default="en", choices=("en", "zh_CN", "zh_TW"))
    p.set_defaults(run=_examples)
    for module in ("export", "codegen", "stack_cli"):
        try:
            mod = __import__(f"app.{module}", fromlist=["add_cli"])
        except ImportError:
            continue
        add: Callable[[argparse._SubParsersAction], None] | None = getattr(mod, "add_cli", None)  # type: ignore[type-arg]
        if add is not None:
            add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        return int(args.run(args))
    except CliError as exc:
        sys.stderr.write(f"conv1d-explorer {args.command}: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
