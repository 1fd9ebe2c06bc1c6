"""``conv1d-explorer examples``: the built-in examples, one line each."""

from __future__ import annotations

import argparse

from app.cli.commands import COMMANDS
from app.io.examples import example_names, example_title

__all__ = ["add_cli"]


def _run_examples(args: argparse.Namespace) -> int:
    for name in example_names():
        print(f"{name:16s} {example_title(name, args.lang)}")
    return 0


def add_cli(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``conv1d-explorer examples``."""
    p = sub.add_parser("examples", help=COMMANDS["examples"])
    p.add_argument("--lang", default="en", choices=("en", "zh_CN", "zh_TW"))
    p.set_defaults(run=_run_examples)
