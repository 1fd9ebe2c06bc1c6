"""``conv1d-explorer summary FILE.py``: a ``model.summary()`` of pasted Keras code, never run.

The table adds the receptive field and the jump of every Conv1D and pooling
layer; ``--json`` prints a list of layers (``name``, ``class``,
``output_shape`` with ``null`` for the batch, ``params``, and for conv and
pooling layers ``receptive_field`` and ``jump``).  A layer Keras would reject
(an input shorter than the kernel, a Conv1D after Flatten...) is shown with
Keras's message and a fix; the command still exits 0.  Exit 2, with one line
on stderr, for bad arguments, an unreadable file, code with no model, code
past one of the reader's budgets (``app.io.keras_code.budgets``), or an
input shape neither the code nor ``--input-shape`` gives.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence

from app.cli.arguments import CliError
from app.cli.commands import COMMANDS
from app.io.keras_code import Diagnostic, ParseResult, parse_keras_file
from app.io.regular_file import FileRefused
from conv_core.stack import StackSummary, summarize

__all__ = ["add_cli", "parse_input_shape", "parse_select", "run_summary"]


def parse_input_shape(text: str) -> tuple[int | None, ...]:
    """``"50,300"`` -> ``(50, 300)``; ``"None,14"`` -> ``(None, 14)``; ``"500"`` -> ``(500,)``.

    >>> parse_input_shape("(None, 14)")
    (None, 14)
    """
    raw = text.strip().strip("()[]").replace("x", ",").replace(" ", "")
    parts = [p for p in raw.split(",") if p != ""]
    if not 1 <= len(parts) <= 2:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not STEPS,CHANNELS (e.g. 50,300 or None,14) or STEPS (for an Embedding)")
    dims: list[int | None] = []
    for i, part in enumerate(parts):
        if part.lower() == "none" and i == 0:
            dims.append(None)
            continue
        try:
            value = int(part)
        except ValueError:
            what = "STEPS" if i == 0 else "CHANNELS"
            extra = " or None" if i == 0 else ""
            raise argparse.ArgumentTypeError(
                f"{text!r}: {what} must be a whole number{extra}, got {part!r}") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"{text!r}: sizes must be 1 or more, got {value}")
        dims.append(value)
    return tuple(dims)


def _group_ignored(diags: Sequence[Diagnostic]) -> list[str]:
    """One line per remark; skipped lines, ignored lines and case slips folded into one line each."""
    out: list[str] = []
    folded: dict[str, list[int]] = {"syntax_error": [], "ignored": [], "case": []}
    fixes: dict[str, None] = {}
    for d in diags:
        if d.code in folded:
            folded[d.code].append(d.line)
            pair = re.search(r"`(\w+)` should be written `(\w+)`|writes `(\w+)`, not `(\w+)`", d.message)
            if d.code == "case" and pair:
                wrong, right = (pair[1], pair[2]) if pair[1] else (pair[4], pair[3])
                fixes[f"{wrong} -> {right}"] = None
        else:
            out.append(str(d))
    labels = {
        "syntax_error": "error: not Python, skipped",
        "ignored": "info: not model code, ignored",
        "case": "warning: Python and Keras names are case-sensitive, read as " + ", ".join(fixes),
    }
    for code, lines in folded.items():
        if lines:
            out.append(f"{_ranges(lines)}: {labels[code]}")
    return out


def _ranges(lines: Sequence[int]) -> str:
    nums = sorted(set(lines))
    parts: list[str] = []
    start = prev = nums[0]
    for n in [*nums[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ("line " if len(nums) == 1 else "lines ") + ", ".join(parts)


def _load(path: str) -> ParseResult:
    try:
        return parse_keras_file(path)
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a directory, not a Python file") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except RecursionError:
        raise CliError(f"{path}: the code is nested too deeply to read") from None
    except FileRefused as exc:
        raise CliError(str(exc)) from None


def run_summary(args: argparse.Namespace) -> int:
    result = _load(args.file)
    budget = next((d for d in result.errors if d.code.startswith("budget_")), None)
    if budget is not None:  # the reader stopped at one of its budgets: half a model is no summary
        raise CliError(f"{args.file}: line {budget.line}: {budget.message}")
    if not result.models:
        first = next((d for d in result.diagnostics if d.code == "syntax_error"), None)
        why = f" (line {first.line}: {first.message})" if first else ""
        raise CliError(f"{args.file}: no Keras model found{why}")
    if not 1 <= args.model <= len(result.models):
        raise CliError(f"--model {args.model}: {args.file} has {len(result.models)} model(s)")
    model = result.models[args.model - 1]
    stack, shape_diags = model.to_stack(args.input_shape)
    if stack.input_shape is None:
        raise CliError(f"{args.file}: {shape_diags[0].message}" if shape_diags else
                       f"{args.file}: the input shape is unknown: pass --input-shape STEPS,CHANNELS")
    if args.output is not None:
        _write_picture(args, stack)
        print(args.output)
        return 0
    if args.select is not None:
        raise CliError("--select chooses the cone of a picture: give -o stack.png (or .svg, .pdf) too")
    summary = summarize(stack)
    diags = sorted([*result.diagnostics, *shape_diags], key=lambda d: d.line)
    try:
        _print(args, summary, diags)
    except BrokenPipeError:  # `... | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def parse_select(text: str) -> tuple[str, int]:
    """``"conv1d_1:7"`` -> ``("conv1d_1", 7)``: a layer name and one of its output steps.

    >>> parse_select("conv1d:3")
    ('conv1d', 3)
    """
    name, sep, step = text.rpartition(":")
    try:
        value = int(step)
    except ValueError:
        value = -1
    if not sep or not name or value < 0:
        raise argparse.ArgumentTypeError(f"{text[:60]!r} is not LAYER:STEP (e.g. conv1d_1:7)")
    return name, value


def _write_picture(args: argparse.Namespace, stack: object) -> None:
    """The layer-stack drawing (with the cone of ``--select``) as PNG, SVG or PDF."""

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.cli.export import picture_output
    from app.export.options import ExportError
    from app.export.render import ensure_app, quiet_offscreen_window
    from app.export.sheet import STILL_FORMATS, stack_picture, write_views
    from app.views.stack_view import StackCanvas, StackState

    out = picture_output(args.output, STILL_FORMATS, args.width, "the layer stack")
    ensure_app()
    model = StackState()
    model.set_stack(stack)  # type: ignore[arg-type]
    if args.select is not None:
        name, step = args.select
        if name not in model.names:
            raise CliError(f"--select {name}:{step}: no layer {name!r}; the layers are {', '.join(model.names)}")
        if not model.select(name, step):
            n = model.steps_of(name)
            why = f"it has {n} output steps (0..{n - 1})" if n else "its output has no step axis to select"
            raise CliError(f"--select {name}:{step}: {why}")
    canvas = StackCanvas(model)
    try:
        canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        canvas.resize(1200, min(100 * (len(model.layers) + 1) + 40, 4000))
        with quiet_offscreen_window():
            canvas.show()
        for _ in range(3):
            QApplication.processEvents()
        views, heading = stack_picture(canvas)
        write_views(out, views, heading, args.width)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    finally:
        # Not close(): pyqtgraph's GraphicsView.close() clears the scene, which crashes (SIGSEGV)
        # on a stack canvas with layers, with or without an export.  Hiding and deleting is safe.
        canvas.hide()
        canvas.deleteLater()
        model.deleteLater()


def _print(args: argparse.Namespace, summary: StackSummary, diags: Sequence[Diagnostic]) -> None:
    if args.json:
        # One layer per line: a 300-layer model stays under 100 KB and each layer greps as one line.
        rows = [json.dumps(row, ensure_ascii=False) for row in summary.to_json()]
        sys.stdout.write("[\n" + ",\n".join(f"  {row}" for row in rows) + ("\n]\n" if rows else "]\n"))
        for d in diags:
            if d.severity != "info" and d.code != "syntax_error":
                sys.stderr.write(f"{args.file}:{d.line}: {d.severity}: {d.message}\n")
        return
    print(summary.format_table())
    lines = _group_ignored(diags)
    if lines:
        print("\nNotes on the code (nothing in it was run):")
        for line in lines:
            print(f"  {line}")
    sys.stdout.flush()


def add_cli(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``summary`` on the ``conv1d-explorer`` command line."""
    p = sub.add_parser(
        "summary",
        help=COMMANDS["summary"],
        description="Read Keras model code (never running it) and print each layer's output shape, "
        "parameter count, receptive field and jump, like model.summary().",
    )
    p.add_argument("file", metavar="FILE.py", help="Python/Keras code, e.g. copied from a tutorial")
    p.add_argument(
        "--input-shape", type=parse_input_shape, default=None, metavar="STEPS,CHANNELS",
        help="the input shape without the batch, e.g. 50,300 or None,14 (STEPS alone for a model "
        "starting with an Embedding); fills in what the code leaves open and overrides it when given",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list of layers")
    p.add_argument("--model", type=int, default=1, metavar="N",
                   help="which model when the file defines several (1 = the first)")
    p.add_argument("-o", "--output", metavar="stack.{png,svg,pdf}",
                   help="draw the layer stack into this picture instead of printing the table")
    p.add_argument("--select", type=parse_select, metavar="LAYER:STEP",
                   help="with -o: light up the receptive field of this output step (e.g. conv1d_1:7)")
    p.add_argument("--width", type=int, metavar="PX", help="with -o: picture width in pixels (exactly)")
    p.set_defaults(run=run_summary)
