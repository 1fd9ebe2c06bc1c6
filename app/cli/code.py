"""``conv1d-explorer code``: a runnable Keras, PyTorch or NumPy script that checks itself against the app."""

from __future__ import annotations

import argparse

from app.cli.arguments import CliError, add_session_arguments, session_from_args
from app.cli.commands import COMMANDS
from app.i18n.languages import translator
from app.io.atomic import atomic_write_text
from app.io.codegen import FRAMEWORKS, LANGUAGES
from app.io.codegen_transpose import generate_script
from conv_core import ConvError

__all__ = ["add_cli"]


def _run_code(args: argparse.Namespace) -> int:
    session = session_from_args(args)
    try:
        code = generate_script(session, args.framework, language=args.lang, translate=translator(args.lang))
    except ConvError as exc:
        raise CliError(exc.keras) from None
    except ValueError as exc:
        raise CliError(str(exc).splitlines()[0]) from None
    if args.output is None:
        print(code, end="")
        return 0
    try:
        atomic_write_text(args.output, code)
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    return 0


def add_cli(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``conv1d-explorer code``."""
    p = sub.add_parser(
        "code",
        help=COMMANDS["code"],
        description=(
            "Write a Python script that builds the session's layer with its weights, runs its input "
            "and prints OK when the output matches Conv1D Explorer's (exit 1 on a mismatch)."
        ),
    )
    add_session_arguments(p)
    p.add_argument("--framework", required=True, choices=FRAMEWORKS)
    p.add_argument("-o", "--output", metavar="OUT.py", help="write here (atomically) instead of stdout")
    p.add_argument("--lang", default="en", choices=LANGUAGES, help="language of comments and labels")
    p.set_defaults(run=_run_code)
