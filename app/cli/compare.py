"""``conv1d-explorer compare``: the compare window as a picture: a session's layer (A) beside a changed copy (B).

``conv1d-explorer compare (SESSION.json | --example NAME) --with KEY=VALUE[,KEY=VALUE] -o OUT.{png,svg,pdf}``,
e.g. ``--with padding=causal`` or ``--with kernel_size=5,dilation_rate=2``.  Both sides run on the
session's input; the heading lists what differs.  Exit 0, or 2 with one line on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.arguments import CliError, add_session_arguments, check_session_arguments, session_from_args
from app.cli.commands import COMMANDS

__all__ = ["CHANGEABLE", "add_cli", "parse_with"]

CHANGEABLE = ("kernel_size", "strides", "padding", "dilation_rate")  # what a compare side sets
_PADDINGS = ("valid", "same", "causal")


def parse_with(text: str) -> dict[str, Any]:
    """``"padding=causal,kernel_size=5"`` -> ``{"padding": "causal", "kernel_size": 5}``.

    >>> parse_with("padding=causal, dilation_rate=2")
    {'padding': 'causal', 'dilation_rate': 2}
    """
    changes: dict[str, Any] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        key, sep, value = (s.strip() for s in part.partition("="))
        if not sep or not value:
            raise CliError(f"--with {part!r}: write KEY=VALUE, e.g. padding=causal")
        if key not in CHANGEABLE:
            raise CliError(f"--with: {key!r} cannot be compared; choose from {', '.join(CHANGEABLE)}")
        if key == "padding":
            value = value.strip("'\"").lower()
            if value not in _PADDINGS:
                raise CliError(f"--with padding={value}: choose valid, same or causal")
            changes[key] = value
            continue
        try:
            number = int(value)
        except ValueError:
            raise CliError(f"--with {key}={value[:60]}: a whole number is needed") from None
        if not 1 <= number <= 64:
            raise CliError(f"--with {key}={number}: must be between 1 and 64")
        changes[key] = number
    if not changes:
        raise CliError("--with needs at least one KEY=VALUE, e.g. padding=causal")
    return changes


def _run_compare(args: argparse.Namespace) -> int:
    from app.cli.export import picture_output
    from app.export.options import ExportError

    check_session_arguments(args)
    changes = parse_with(args.with_)
    out = picture_output(args.output, ("png", "svg", "pdf"), args.width, "compare")
    session = session_from_args(args)
    try:
        _write(session, changes, out, args.width)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    print(out)
    return 0


def _write(session: Any, changes: dict[str, Any], out: Path, width: int | None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.export.render import ensure_app, quiet_offscreen_window
    from app.export.sheet import compare_picture, write_views
    from app.state.explorer import ExplorerState
    from app.views.compare_view import CompareWindow

    ensure_app()
    explorer = ExplorerState(debounce_ms=0)
    explorer.load_session(session)
    explorer.flush()
    if explorer.error is not None:
        raise CliError(f"the session's layer is invalid: {explorer.error.keras}")
    window = CompareWindow(explorer)
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(1400, 760)
        with quiet_offscreen_window():
            window.show()
        layer = explorer.layer
        base = {k: layer[k] for k in CHANGEABLE}
        window.set_setting("A", **base)
        window.set_setting("B", **{**base, **changes})
        for _ in range(3):
            QApplication.processEvents()
        views, heading = compare_picture(window)
        write_views(out, views, heading, width)
    finally:
        window.close()
        window.deleteLater()
        explorer.deleteLater()


def add_cli(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``conv1d-explorer compare``."""
    p = sub.add_parser(
        "compare",
        help=COMMANDS["compare"],
        description="Draw the compare window: the session's layer (A) beside the same layer with the "
        "--with changes (B), on the same input, with what differs listed above.",
    )
    add_session_arguments(p)
    p.add_argument(
        "--with", dest="with_", required=True, metavar="KEY=VALUE[,KEY=VALUE]",
        help=f"what B changes: {', '.join(CHANGEABLE)} (e.g. padding=causal)",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.{png,svg,pdf}", help="file to write")
    p.add_argument("--width", type=int, metavar="PX", help="picture width in pixels (exactly)")
    p.set_defaults(run=_run_compare)
