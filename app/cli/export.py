"""``conv1d-explorer export``: render a session or example to PNG, SVG, PDF, GIF or MP4 (no display needed)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.arguments import CliError, add_session_arguments, check_session_arguments, session_from_args
from app.cli.commands import COMMANDS
from app.export.options import (
    ANIMATED,
    MAX_WIDTH,
    PAGES,
    PANELS,
    VIDEO_HINT,
    ExportError,
    ExportOptions,
    format_of,
    video_available,
)
from app.export.picture_views import OffscreenPicture, write_picture
from app.export.render import OffscreenDiagram, ensure_app, layout_for_width
from app.export.writers import export_diagram, write_gif, write_mp4
from app.i18n import languages
from app.io.session import PICTURES, Session

__all__ = ["add_cli", "check_writable", "picture_output"]


def _install_language(lang: str) -> str:
    """Translations and the CJK font; English if they cannot be installed.

    Returns the language actually installed.
    """
    try:
        languages.load_bundled_font()
        if lang == "en":
            return "en"
        return lang if languages.set_language(lang) else "en"
    except Exception as exc:  # a missing catalogue or font must never break an export
        if lang != "en":
            sys.stderr.write(
                f"conv1d-explorer export: warning: translations unavailable ({exc}); using English\n"
            )
        return "en"


def check_writable(out: Path) -> None:
    """A one-line CliError when ``out``'s folder is missing or not writable (before any work)."""
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise CliError(f"cannot write {out}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise CliError(f"cannot write {out}: no permission to write in {parent}")


def picture_output(path: str, formats: tuple[str, ...], width: int | None, what: str) -> Path:
    """``-o`` and ``--width`` of a subcommand writing one picture (``what``: "compare", "the layer stack")."""
    out = Path(path)
    try:
        fmt = format_of(out)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    if fmt not in formats:
        raise CliError(f"{what} is written as {', '.join('.' + f for f in formats)}, not .{fmt}")
    if width is not None and not 16 <= width <= MAX_WIDTH:
        raise CliError(f"--width must be between 16 and {MAX_WIDTH} pixels, got {width}")
    check_writable(out)
    return out


def _resolve_positions(
    args: argparse.Namespace, view: OffscreenDiagram | OffscreenPicture
) -> tuple[int, tuple[int, ...]]:
    """(position for a still, positions for an animation) from --step and --filter."""
    state = view.state
    tr = state.trace
    if tr is None and state.transpose_trace is None:
        raise CliError("the session has no valid picture")
    count = state.position_count
    if args.filter is None or tr is None:
        if args.step is not None and not 0 <= args.step < count:
            raise CliError(
                f"--step {args.step} is out of range: this session has {count} positions (0..{count - 1})"
            )
        position = state.position if args.step is None else args.step
        return position, tuple(range(count))
    if not 0 <= args.filter < tr.filters:
        raise CliError(
            f"--filter {args.filter} is out of range: the layer has {tr.filters} filters "
            f"(0..{tr.filters - 1})"
        )
    step = 0 if args.step is None else args.step
    if not 0 <= step < tr.out_steps:
        raise CliError(
            f"--step {step} is out of range: filter {args.filter} has {tr.out_steps} output steps "
            f"(0..{tr.out_steps - 1})"
        )
    base = args.filter * tr.out_steps
    return base + step, tuple(range(base, base + tr.out_steps))


def _model_session(args: argparse.Namespace) -> Session:
    """``--model MODEL --layer NAME [--input X.npy]``: that Conv1D on the input it receives (sample 0)."""
    from app.cli.model import load_model, model_input
    from app.io.model_file import ModelFileError, example_input, layer_session

    if args.session is not None or args.example is not None:
        raise CliError("give a SESSION.json, --example NAME or --model MODEL --layer NAME (exactly one)")
    if args.layer is None:
        raise CliError("--model needs --layer NAME: the Conv1D layer to draw")
    model = load_model(args.model)
    try:
        model.index(args.layer)
        x = example_input(model) if args.input is None else model_input(model, args.input)
        return layer_session(model, args.layer, x, sample=0)
    except ModelFileError as exc:
        raise CliError(str(exc)) from None


def _run_export(args: argparse.Namespace) -> int:
    if args.model is None:
        if args.layer is not None or args.input is not None:
            raise CliError("--layer and --input go with --model MODEL")
        check_session_arguments(args)
    out = Path(args.output)
    try:
        fmt = format_of(out)
        options = ExportOptions(
            panel=args.panel,
            width=args.width,
            dpi=args.dpi,
            frame_ms=args.frame_ms,
            caption=not args.no_caption,
            page=args.page,
        )
    except ExportError as exc:
        raise CliError(str(exc)) from None
    if args.dpi is not None and args.width is not None:
        raise CliError("give --width or --dpi, not both")
    if args.dpi is not None and fmt != "png":
        raise CliError(f"--dpi is for PNG; give --width in pixels for .{fmt}")
    if args.page is not None and fmt != "pdf":
        raise CliError(f"--page is for PDF handouts; {out.name} is .{fmt}")
    check_writable(out)
    if fmt == "mp4" and not video_available():
        raise CliError(VIDEO_HINT)
    session = session_from_args(args) if args.model is None else _model_session(args)
    changes: dict[str, Any] = {}
    if args.theme is not None:
        changes["theme"] = args.theme
    if args.lang is not None:
        changes["language"] = args.lang
    if args.filter is not None and session.view.mode != "one_filter":
        changes["mode"] = "one_filter"
    picture = _picture(args, session.view.picture, fmt)
    changes["picture"] = picture
    session = session.with_view(**changes)
    drawn = picture
    if session.layer_kind == "Conv1DTranspose":
        drawn = _transpose_picture(args, picture, fmt)
    ensure_app()
    _install_language(session.view.language)
    if drawn != "grid":
        return _export_picture(args, session, drawn, out, options)
    try:
        with OffscreenDiagram(session, layout_for_width(options.width)) as view:
            if view.error is not None:
                raise CliError(f"the session's layer is invalid: {view.error.keras}")
            position, positions = _resolve_positions(args, view)
            if fmt in ANIMATED:
                options = dataclasses.replace(options, positions=positions)
                (write_gif if fmt == "gif" else write_mp4)(view, out, options, None)
            else:
                view.state.set_position(position)
                export_diagram(view.widget, out, options)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    print(out)
    return 0


def _picture(args: argparse.Namespace, stored: str, fmt: str) -> str:
    """The picture to draw: --view, else the session's; animations and single panels are the grid's."""
    if args.view is None:
        return "grid" if fmt in ANIMATED or args.panel != "diagram" else stored
    if args.view != "grid":
        if fmt in ANIMATED:
            raise CliError(f"--view {args.view} is written as .png, .svg or .pdf; .{fmt} animates the grid")
        if args.panel != "diagram":
            raise CliError(f"--panel {args.panel} is a part of the grid; --view {args.view} has no panels")
    return str(args.view)


def _transpose_picture(args: argparse.Namespace, picture: str, fmt: str) -> str:
    """A Conv1DTranspose session: its scatter stands for the grid; stills only, and no signal view."""
    if fmt in ANIMATED or args.panel != "diagram" or args.filter is not None:
        raise CliError(
            "a Conv1DTranspose session is exported as a still (.png, .svg or .pdf) of its scatter or its "
            "matrix, with --step N for the input step"
        )
    if picture == "signal":
        raise CliError("--view signal draws a Conv1D; a Conv1DTranspose session has --view grid or matrix")
    return "transpose" if picture == "grid" else picture


def _export_picture(
    args: argparse.Namespace, session: Any, picture: str, out: Path, options: ExportOptions
) -> int:
    """A still of the matrix or signal view."""
    try:
        with OffscreenPicture(session, picture, layout_for_width(options.width)) as view:
            if view.error is not None:
                raise CliError(f"the session's layer is invalid: {view.error.keras}")
            position, _ = _resolve_positions(args, view)
            view.state.set_position(position)
            width = options.width
            if options.dpi is not None:
                width = round(view.widget.width() * options.dpi / 96)
            write_picture(view, out, width)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    print(out)
    return 0


def add_cli(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``conv1d-explorer export``."""
    p = sub.add_parser(
        "export",
        help=COMMANDS["export"],
        description=(
            "Render the diagram of a session file or a built-in example as the app draws it. "
            "The format follows the extension of -o. GIF and MP4 animate the whole sweep "
            "(one frame per position; with --filter, that filter's steps)."
        ),
    )
    add_session_arguments(p)
    p.add_argument("--model", metavar="MODEL.(keras|h5)", help="a saved Keras model instead of a session "
                   "(with --layer; nothing in it is run)")
    p.add_argument("--layer", metavar="NAME", help="with --model: the Conv1D layer to draw, by its saved name")
    p.add_argument("--input", metavar="X.npy", help="with --model: the model's input, batch first (sample 0 is "
                   "drawn; default: a fixed example input)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.{png,svg,pdf,gif,mp4}", help="file to write")
    p.add_argument(
        "--step", type=int, metavar="N", help="position to show (with --filter: that filter's output step N)"
    )
    p.add_argument("--filter", type=int, metavar="F", help="show filter F (one filter at a time)")
    p.add_argument(
        "--width", type=int, metavar="PX",
        help="picture width in pixels, exactly (SVG: user units; PDF: points at 96 per inch)"
    )
    p.add_argument("--dpi", type=float, help="PNG only: resolution instead of --width (96 = screen size)")
    p.add_argument("--panel", default="diagram", choices=PANELS, help="the whole diagram or one panel")
    p.add_argument(
        "--view", choices=PICTURES,
        help="grid: the cells; matrix: y = C·x + b; signal: curves over time (default: the session's; "
        "matrix and signal as .png, .svg or .pdf)",
    )
    p.add_argument("--lang", choices=("en", "zh_CN", "zh_TW"), help="language of titles and captions")
    p.add_argument("--theme", choices=("light", "dark", "high_contrast"), help="colour theme")
    p.add_argument(
        "--frame-ms", type=int, default=500, metavar="MS", help="GIF/MP4 time per frame (default 500)"
    )
    p.add_argument("--no-caption", action="store_true", help="GIF/MP4 without the caption band")
    p.add_argument(
        "--page", choices=PAGES, help="PDF on A4 or Letter paper, the picture fitted inside 10 mm margins"
    )
    p.set_defaults(run=_run_export)
