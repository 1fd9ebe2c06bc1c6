"""``conv1d-explorer model MODEL.(keras|h5)``: a saved Keras model's summary, or one layer's output.

``conv1d-explorer model MODEL [--json]`` prints ``model.summary()`` with
receptive fields (``--json``: the list of layers of ``summary --json``, names
as saved, parameter counts from the stored weights).
``conv1d-explorer model MODEL --layer NAME --input X.npy --save-output Y.npy``
runs X (the model's input, batch first) through the model up to layer NAME
and writes that layer's output.  Nothing in the file is ever run.  Exit 0 on
success; 2 with one line on stderr for a bad file, an unknown layer or a layer
the explorer cannot compute up to.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

from app.cli.arguments import CliError, check_output_path
from app.cli.commands import COMMANDS
from app.io.importers import InputImportError, load_npy
from app.io.model_file import ModelFileError, SavedModel, open_model

__all__ = ["add_cli", "load_model", "model_input", "run_model"]


def load_model(path: str) -> SavedModel:
    """The model file, or a one-line CliError."""
    if not os.path.lexists(path):
        raise CliError(f"{path}: no such file")
    try:
        return open_model(path)
    except ModelFileError as exc:
        raise CliError(f"{path}: {exc}") from None
    except MemoryError:
        raise CliError(f"{path}: too large to open") from None


def model_input(model: SavedModel, path: str) -> np.ndarray:
    """X.npy checked against the model's input (batch first), or a one-line CliError."""
    if not path.lower().endswith(".npy"):
        raise CliError(f"--input {path}: give the model's input as a .npy array (batch first)")
    try:
        x = load_npy(path)
        return model.fit_input(x)
    except (InputImportError, ModelFileError) as exc:
        raise CliError(f"--input {path}: {exc}") from None


def run_model(args: argparse.Namespace) -> int:
    wants_run = args.layer is not None or args.input is not None or args.save_output is not None
    if wants_run and (args.layer is None or args.input is None or args.save_output is None):
        raise CliError("to compute a layer give all three: --layer NAME --input X.npy --save-output Y.npy")
    if wants_run and args.json:
        raise CliError("--json prints the summary; it does not go with --layer")
    out = check_output_path(args.save_output, (".npy",)) if wants_run else None
    model = load_model(args.model)
    if out is None:
        try:
            if args.json:
                json.dump(model.summary.to_json(), sys.stdout, ensure_ascii=False, indent=2)
                sys.stdout.write("\n")
            else:
                print(model.summary.format_table())
                for note in model.notes:
                    print(f"note: {note}")
            sys.stdout.flush()
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    try:
        model.index(args.layer)
    except ModelFileError as exc:
        raise CliError(f"--layer: {exc}") from None
    x = model_input(model, args.input)
    run = model.run_to(x, args.layer)
    if run.stopped_at is not None:
        raise CliError(f"cannot compute '{args.layer}': {run.reason}")
    y = run[args.layer]
    try:
        np.save(out, y)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"{out}: {args.layer} output {tuple(y.shape)}")
    return 0


def add_cli(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``conv1d-explorer model``."""
    p = sub.add_parser(
        "model",
        help=COMMANDS["model"],
        description="Open a saved Keras model (.keras or .h5) without running any of it: print its summary "
        "with receptive fields, or run an input through it up to one layer and save that layer's output.",
    )
    p.add_argument("model", metavar="MODEL.(keras|h5)", help="a model saved by Keras 3 or tf.keras 2")
    p.add_argument("--json", action="store_true", help="print a JSON list of layers (as summary --json)")
    p.add_argument("--layer", metavar="NAME", help="the layer to compute, by its saved name")
    p.add_argument("--input", metavar="X.npy", help="the model's input, batch first (token ids for an Embedding)")
    p.add_argument("--save-output", metavar="Y.npy", help="write the layer's output (batch, steps, filters) here")
    p.set_defaults(run=run_model)
