"""Import an input array from CSV / TSV text or a NumPy ``.npy`` file.

Pure Python + NumPy (no Qt), so the GUI, the command line and the tests share it.
Every result is a float64 array in the app's input layout ``(batch, steps, channels)``:

* 1-D data ``(steps,)`` becomes one channel: ``(1, steps, 1)``;
* 2-D data is ``(steps, channels)`` -> ``(1, steps, channels)``, except a single row
  ``(1, N)``, which is one series of N steps (the shape behind Keras's famous
  "expected conv1d_1_input to have 3 dimensions, but got array with shape (1, 56)"):
  it becomes ``(1, N, 1)``, as ``x.reshape(1, N, 1)`` does;
* 3-D data is already ``(batch, steps, channels)``.

A file that cannot be used raises :class:`InputImportError` with one plain sentence.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.io.numeric import MAX_ABS_VALUE, RANGE_TEXT, array_problem
from app.io.session import LIMITS

__all__ = ["IMPORT_SUFFIXES", "ImportedInput", "InputImportError", "import_input", "to_input_layout"]

IMPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".npy")
MAX_IMPORT_BYTES = 100 * 1024 * 1024

_LAYOUT = "Conv1D reads (batch, steps, channels)"


class InputImportError(ValueError):
    """An input file that cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class ImportedInput:
    """The array in app layout, the shape found in the file, and how it was read."""

    x: np.ndarray  # (batch, steps, channels), float64
    source_shape: tuple[int, ...]
    note: str  # one or two plain sentences: how the file's shape became (batch, steps, channels)


def _shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(v) for v in shape) + ("," if len(shape) == 1 else "") + ")"


def to_input_layout(arr: np.ndarray) -> tuple[np.ndarray, str]:
    """Any 1-D, 2-D or 3-D numeric array -> ``(batch, steps, channels)`` and a note explaining it."""
    shape = tuple(int(v) for v in arr.shape)
    if arr.ndim == 0:
        raise InputImportError("the file holds a single number; an input needs at least one step per channel")
    if arr.size == 0:
        raise InputImportError(f"the array {_shape_text(shape)} is empty: it has no numbers")
    if arr.ndim == 1:
        x = arr.reshape(1, shape[0], 1)
        note = (
            f"A 1-D array {_shape_text(shape)} is one series: read as {shape[0]} steps x 1 channel, "
            f"input shape {_shape_text(x.shape)} (x.reshape(1, {shape[0]}, 1))."
        )
    elif arr.ndim == 2 and shape[0] == 1 and shape[1] > 1:
        n = shape[1]
        x = arr.reshape(1, n, 1)
        note = (
            f'{_LAYOUT}; Keras would refuse this 2-D array: "expected conv1d_1_input to have 3 dimensions, '
            f'but got array with shape {_shape_text(shape)}". One row of {n} numbers is one series, so it is '
            f"read as {n} steps x 1 channel, input shape (1, {n}, 1) — "
            f"in your own code: x.reshape(1, {n}, 1)."
        )
    elif arr.ndim == 2:
        x = arr.reshape(1, shape[0], shape[1])
        note = (
            f"A 2-D array {_shape_text(shape)} is read as (steps, channels): {shape[0]} steps x "
            f"{shape[1]} channel(s), input shape {_shape_text(x.shape)} ({_LAYOUT})."
        )
    elif arr.ndim == 3:
        x = arr
        note = (
            f"A 3-D array {_shape_text(shape)} is read as (batch, steps, channels): {shape[0]} sample(s) of "
            f"{shape[1]} steps x {shape[2]} channel(s)."
        )
    else:
        raise InputImportError(
            f"the array has {arr.ndim} dimensions {_shape_text(shape)}; {_LAYOUT}, at most 3 dimensions"
        )
    for key, v in zip(("batch", "steps", "channels"), x.shape, strict=False):
        if v > LIMITS[key]:
            raise InputImportError(
                f"read as input shape {_shape_text(x.shape)}: "
                f"{key}={v} is over the app's limit of {LIMITS[key]}"
            )
    return np.array(x, dtype=np.float64), note


def _check_numbers(arr: np.ndarray) -> np.ndarray:
    if arr.dtype == object:
        raise InputImportError("the array holds Python objects, not numbers")
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise InputImportError("the array holds complex numbers; the input needs real numbers")
    if arr.dtype.kind == "b":
        arr = arr.astype(np.float64)
    if not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        raise InputImportError(f"the array holds {arr.dtype} values, not numbers")
    if arr.size > LIMITS["values"]:
        raise InputImportError(
            f"the array holds {arr.size:,} numbers, over the app's limit of {LIMITS['values']:,}"
        )
    arr = arr.astype(np.float64)
    problem = array_problem(arr)  # the numeric contract (app.numeric): finite, within ±1e15
    if problem is not None:
        where, why = problem
        raise InputImportError(f"value at index {list(where)}: {why}")
    return arr


def _load_npy(path: Path) -> np.ndarray:
    with open(path, "rb") as fh:
        magic = fh.read(6)
    if magic[:1] == b"\x80":  # a raw pickle renamed to .npy
        raise InputImportError(
            f"{path.name} is a Python pickle, which is never loaded (it can run code); "
            "save a plain number array with np.save"
        )
    if magic != b"\x93NUMPY" and magic[:2] != b"PK":
        raise InputImportError(
            f"{path.name} is not a readable .npy array (it does not start with NumPy's header)"
        )
    try:
        arr = np.load(path, allow_pickle=False)
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise InputImportError(
                f"{path.name} holds pickled Python objects, which are never loaded (they can run code); "
                "save a plain number array with np.save"
            ) from None
        raise InputImportError(f"{path.name} is not a readable .npy array ({exc})") from None
    except (OSError, EOFError) as exc:
        raise InputImportError(f"{path.name} is not a readable .npy array ({exc})") from None
    if isinstance(arr, np.lib.npyio.NpzFile):  # an .npz archive renamed to .npy
        arr.close()
        raise InputImportError(f"{path.name} is an .npz archive; save one array with np.save")
    if arr.dtype.names is not None:
        raise InputImportError(f"{path.name} holds a structured (record) array, not plain numbers")
    return _check_numbers(arr)


class _OutOfRange(ValueError):
    """A finite number beyond the numeric contract's ±1e15."""


def _parse_cell(text: str) -> float:
    t = text.strip()
    if t.lower() in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}:
        raise ValueError
    v = float(t)
    if not math.isfinite(v):
        raise ValueError
    if abs(v) > MAX_ABS_VALUE:
        raise _OutOfRange
    return v


def _load_text(path: Path, delimiter: str | None) -> np.ndarray:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise InputImportError(f"{path.name} is not a text file (it holds binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputImportError(f"{path.name} is not a UTF-8 text file") from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise InputImportError(f"{path.name} is empty: no numbers to read")
    if delimiter is None:
        sample = lines[0]
        delimiter = "\t" if "\t" in sample else ";" if ";" in sample and "," not in sample else ","
        if delimiter == "," and "," not in sample and " " in sample.strip():
            delimiter = " "
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter, skipinitialspace=True)
    rows = [[c for c in row if not (delimiter == " " and c == "")] for row in reader]
    # an optional header row: every cell is text
    header = False
    try:
        [_parse_cell(c) for c in rows[0]]
    except ValueError:
        header = all(not _looks_numeric(c) for c in rows[0])
        if header:
            rows = rows[1:]
    if not rows:
        raise InputImportError(f"{path.name} has a header row but no numbers")
    values: list[list[float]] = []
    width = len(rows[0])
    first_line = 2 if header else 1
    for r, row in enumerate(rows):
        line = r + first_line
        if len(row) != width:
            raise InputImportError(
                f"{path.name}, row {line}: {len(row)} value(s) where the first row has {width}; "
                "every row needs one value per channel"
            )
        out = []
        for c, cell in enumerate(row):
            try:
                out.append(_parse_cell(cell))
            except _OutOfRange:
                raise InputImportError(
                    f"{path.name}, row {line}, column {c + 1}: {cell.strip()[:60]!r} is outside {RANGE_TEXT}"
                ) from None
            except ValueError:
                kind = "is not a finite number" if _looks_numeric(cell) else "is text, not a number"
                raise InputImportError(
                    f"{path.name}, row {line}, column {c + 1}: {cell.strip()!r} {kind}"
                ) from None
        values.append(out)
    if len(values) * width > LIMITS["values"]:
        raise InputImportError(f"{path.name} holds over the app's limit of {LIMITS['values']:,} numbers")
    return np.array(values, dtype=np.float64)


def _looks_numeric(cell: str) -> bool:
    try:
        float(cell.strip())
    except ValueError:
        return False
    return True


def import_input(path: str | os.PathLike[str]) -> ImportedInput:
    """Read ``path`` (.csv, .tsv, .txt or .npy) as an input in ``(batch, steps, channels)`` layout.

    CSV/TSV: one row per step, one column per channel, an optional header row of names,
    ``#`` comment lines ignored.  A single row is one series (N steps x 1 channel).
    ``.npy``: loaded with ``allow_pickle=False``; 1-D, 2-D or 3-D as described in the module doc.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise InputImportError(
            f"{p.name}: unknown file type {suffix or '(none)'}; import a .csv, .tsv, .txt or .npy file"
        )
    try:
        if p.is_dir():
            raise InputImportError(f"{p} is a folder, not a file")
        size = p.stat().st_size
    except OSError as exc:
        raise InputImportError(f"cannot open {p}: {exc.strerror or exc}") from None
    if size == 0:
        raise InputImportError(f"{p.name} is empty: no numbers to read")
    if size > MAX_IMPORT_BYTES:
        raise InputImportError(f"{p.name} is {size / 1e6:.0f} MB, too large to import")
    try:
        arr = _load_npy(p) if suffix == ".npy" else _load_text(p, "\t" if suffix == ".tsv" else None)
    except OSError as exc:
        raise InputImportError(f"cannot read {p}: {exc.strerror or exc}") from None
    except MemoryError:
        raise InputImportError(f"{p.name} is too large to import") from None
    x, note = to_input_layout(arr)
    return ImportedInput(x=x, source_shape=tuple(int(v) for v in arr.shape), note=note)
