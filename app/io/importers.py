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
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from app.io.numeric import MAX_ABS_VALUE, RANGE_TEXT, array_problem, shown
from app.io.regular_file import FileRefused, check_regular_file
from app.io.session import LIMITS

__all__ = [
    "IMPORT_SUFFIXES",
    "ImportCancelled",
    "ImportedInput",
    "InputImportError",
    "import_input",
    "load_npy",
    "to_input_layout",
]

IMPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".npy")
MAX_IMPORT_BYTES = 100 * 1024 * 1024
# Lines counted in the raw bytes before any decoding or parsing: a text input has at most
# LIMITS["steps"] rows of numbers; the rest of the budget is for a header, comments and blank lines.
MAX_TEXT_LINES = 16 * LIMITS["steps"]

_LAYOUT = "Conv1D reads (batch, steps, channels)"


class InputImportError(ValueError):
    """An input file that cannot be used; the message says why, in one line."""


class ImportCancelled(InputImportError):
    """The user cancelled a running import (``should_stop`` returned True)."""


def _never() -> bool:
    return False


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
    with np.errstate(over="ignore", invalid="ignore"):  # a long double of 1e4000 becomes inf: refused below
        arr = arr.astype(np.float64)
    problem = array_problem(arr)  # the numeric contract (app.numeric): finite, within ±1e15
    if problem is not None:
        where, why = problem
        raise InputImportError(f"value at index {list(where)}: {why}")
    return arr


_NPY_KINDS = {
    "O": "holds pickled Python objects, which are never loaded (they can run code); "
    "save a plain number array with np.save",
    "c": "holds complex numbers; the input needs real numbers",
    "M": "holds dates (datetime64), not numbers",
    "m": "holds time spans (timedelta64), not numbers",
}


def _npy_header_problem(dtype: np.dtype, shape: tuple[int, ...], data_bytes: int) -> str | None:
    """Why a .npy header cannot be imported, or None: checked before anything is allocated."""
    if dtype.names is not None:
        return "holds a structured (record) array, not plain numbers"
    if dtype.kind in _NPY_KINDS:
        return _NPY_KINDS[dtype.kind]
    if dtype.kind not in "biuf":
        return f"holds {dtype} values, not numbers"
    if any(v < 0 for v in shape):
        return f"has a header with a negative size {shape}"
    count = math.prod(shape)  # Python integers: exact at any size
    if count > LIMITS["values"]:
        return (
            f"claims shape {shown(shape)}, {count:,} numbers, over the app's limit of {LIMITS['values']:,}"
            if count < 10**40
            else f"claims shape {shown(shape)}, over the app's limit of {LIMITS['values']:,} numbers"
        )
    if count * dtype.itemsize > data_bytes:
        return f"is not a readable .npy array: its header claims {count:,} numbers but the file is shorter"
    return None


def _load_npy(path: Path) -> np.ndarray:
    """A .npy file: the header is read and checked against the limits before the data is."""
    with _open_regular(path) as fh:
        magic = fh.read(6)
        if magic[:1] == b"\x80":  # a raw pickle renamed to .npy
            raise InputImportError(
                f"{path.name} is a Python pickle, which is never loaded (it can run code); "
                "save a plain number array with np.save"
            )
        if magic[:2] == b"PK":  # an .npz archive renamed to .npy
            raise InputImportError(f"{path.name} is an .npz archive; save one array with np.save")
        if magic != b"\x93NUMPY":
            raise InputImportError(
                f"{path.name} is not a readable .npy array (it does not start with NumPy's header)"
            )
        fh.seek(0)
        try:
            major, _minor = np.lib.format.read_magic(fh)
            read_header = (
                np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
            )
            shape, fortran, dtype = read_header(fh)
        except (ValueError, OSError, EOFError, SyntaxError) as exc:
            raise InputImportError(f"{path.name} is not a readable .npy array ({str(exc)[:120]})") from None
        problem = _npy_header_problem(dtype, tuple(shape), os.fstat(fh.fileno()).st_size - fh.tell())
        if problem is not None:
            raise InputImportError(f"{path.name} {problem}")
        try:
            fh.seek(0)
            arr = np.lib.format.read_array(fh, allow_pickle=False)
        except (ValueError, OSError, EOFError) as exc:
            raise InputImportError(f"{path.name} is not a readable .npy array ({str(exc)[:120]})") from None
    del fortran
    return _check_numbers(arr)


def _open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading once it is known to be a regular file within the import budget."""
    try:
        check_regular_file(path, MAX_IMPORT_BYTES, "number")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileRefused as exc:
        raise InputImportError(str(exc)) from None
    except OSError as exc:
        raise InputImportError(f"cannot open {path}: {exc.strerror or exc}") from None
    return os.fdopen(fd, "rb")


class _OutOfRange(ValueError):
    """A finite number beyond the numeric contract's ±1e15."""


_MISSING = {"na", "n/a", "nan", "null", "none", "-", "?", "#n/a", "missing"}
# 1,5 (decimal comma); 1.000,5 (European thousands); 1,000 and 1,000.5 (English thousands, quoted in a CSV)
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_EURO_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_ENGLISH_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _cell_text(cell: str) -> str:
    """A cell for a message: quoted, at most 60 characters."""
    text = repr(cell.strip())
    return text if len(text) <= 60 else text[:58] + "…'"


def _normalise(cell: str, delimiter: str) -> str:
    """A cell with its decimal comma or thousands separators made Python's (only where unambiguous)."""
    t = cell.strip()
    if "," not in t:
        return t
    if delimiter == ",":  # a comma inside a cell of a comma-separated file was quoted: 1,000 or 1,000.5
        if _ENGLISH_THOUSANDS.fullmatch(t):
            return t.replace(",", "")
        return t
    if _EURO_THOUSANDS.fullmatch(t):
        return t.replace(".", "").replace(",", ".")
    if _DECIMAL_COMMA.fullmatch(t):
        return t.replace(",", ".")
    return t


def _parse_cell(text: str, delimiter: str = ",") -> float:
    t = _normalise(text, delimiter)
    if t.lower() in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}:
        raise ValueError
    v = float(t)
    if not math.isfinite(v):
        raise ValueError
    if abs(v) > MAX_ABS_VALUE:
        raise _OutOfRange
    return v


def _number_token(token: str) -> bool:
    return _looks_numeric(_normalise(token, " "))


def _delimiter(lines: list[str]) -> str:
    """The delimiter the rows actually use: tab, semicolon, comma or spaces (never guessed from the name)."""
    sample = lines[: 50]
    if any("\t" in ln for ln in sample):
        return "\t"
    if any(";" in ln for ln in sample):
        return ";"
    tokens = [ln.split() for ln in sample]
    if all(len(t) > 1 for t in tokens) and all(_number_token(c) for t in tokens for c in t):
        return " "  # 1,5 2,5: spaces between numbers that may have decimal commas
    return ","


def _header_row(row: list[str], path: Path) -> bool:
    """True when the first row is a header of names; a row of numbers never is, a missing-value row is refused."""
    cells = [c.strip() for c in row]
    if all(c == "" for c in cells):
        raise InputImportError(f"{path.name}, row 1 is empty (no numbers and no column names)")
    for c, cell in enumerate(cells):
        if cell == "":
            raise InputImportError(f"{path.name}, row 1, column {c + 1} is empty")
        if cell.lower() in _MISSING:
            raise InputImportError(
                f"{path.name}, row 1, column {c + 1}: {_cell_text(cell)} is a missing value, "
                "not a number or a column name"
            )
    return not any(_looks_numeric(cell) or _number_token(cell) for cell in cells)


def _load_text(path: Path, should_stop: Callable[[], bool] = _never) -> np.ndarray:
    """CSV / TSV / TXT; the delimiter comes from the content (a .tsv that is really comma-separated is read)."""
    with _open_regular(path) as fh:
        raw = fh.read(MAX_IMPORT_BYTES + 1)
    lines_claimed = raw.count(b"\n") + (raw.count(b"\r") if b"\n" not in raw else 0)
    if lines_claimed > MAX_TEXT_LINES:
        raise InputImportError(
            f"{path.name} has {lines_claimed:,} lines; an input has at most {LIMITS['steps']:,} steps "
            f"(one per line)"
        )
    if b"\x00" in raw:
        raise InputImportError(f"{path.name} is not a text file (it holds binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputImportError(f"{path.name} is not a UTF-8 text file") from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise InputImportError(f"{path.name} is empty: no numbers to read")
    delimiter = _delimiter(lines)
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter, skipinitialspace=True)
    rows = [[c for c in row if not (delimiter == " " and c == "")] for row in reader]
    if should_stop():
        raise ImportCancelled(f"{path.name}: import cancelled")
    header = _header_row(rows[0], path)
    if header:
        rows = rows[1:]
    if not rows:
        raise InputImportError(f"{path.name} has a header row but no numbers")
    width = len(rows[0])
    if len(rows) * width > LIMITS["values"]:
        raise InputImportError(f"{path.name} holds over the app's limit of {LIMITS['values']:,} numbers")
    values: list[list[float]] = []
    first_line = 2 if header else 1
    for r, row in enumerate(rows):
        if r % 256 == 0 and should_stop():
            raise ImportCancelled(f"{path.name}: import cancelled")
        line = r + first_line
        if len(row) != width:
            raise InputImportError(
                f"{path.name}, row {line}: {len(row)} value(s) where the first row has {width}; "
                "every row needs one value per channel"
            )
        out = []
        for c, cell in enumerate(row):
            try:
                out.append(_parse_cell(cell, delimiter))
            except _OutOfRange:
                raise InputImportError(
                    f"{path.name}, row {line}, column {c + 1}: {_cell_text(cell)} is outside {RANGE_TEXT}"
                ) from None
            except ValueError:
                kind = "is not a finite number" if _number_token(cell) else "is text, not a number"
                if cell.strip() == "":
                    kind = "is empty"
                raise InputImportError(
                    f"{path.name}, row {line}, column {c + 1}: {_cell_text(cell)} {kind}"
                ) from None
        values.append(out)
    return np.array(values, dtype=np.float64)


def _looks_numeric(cell: str) -> bool:
    try:
        float(cell.strip())
    except ValueError:
        return False
    return True


def _read_array(p: Path, suffix: str, should_stop: Callable[[], bool] = _never) -> np.ndarray:
    try:  # a folder, a FIFO or a device (or a symlink to one) is refused before it is opened
        size = check_regular_file(p, MAX_IMPORT_BYTES, "number")
    except FileRefused as exc:
        raise InputImportError(str(exc)) from None
    if size == 0:
        raise InputImportError(f"{p.name} is empty: no numbers to read")
    try:
        return _load_npy(p) if suffix == ".npy" else _load_text(p, should_stop)
    except OSError as exc:
        raise InputImportError(f"cannot read {p}: {exc.strerror or exc}") from None
    except MemoryError:
        raise InputImportError(f"{p.name} is too large to import") from None


def load_npy(path: str | os.PathLike[str]) -> np.ndarray:
    """A ``.npy`` array in its own shape (float64), checked as an import is (a saved model's input)."""
    return _read_array(Path(path), ".npy")


def import_input(path: str | os.PathLike[str], should_stop: Callable[[], bool] = _never) -> ImportedInput:
    """Read ``path`` (.csv, .tsv, .txt or .npy) as an input in ``(batch, steps, channels)`` layout.

    CSV/TSV: one row per step, one column per channel, an optional header row of names,
    ``#`` comment lines ignored.  A single row is one series (N steps x 1 channel).
    ``.npy``: loaded with ``allow_pickle=False``; 1-D, 2-D or 3-D as described in the module doc.
    ``should_stop`` is polled while reading (from another thread: the window's Cancel button);
    when it returns True the import ends with :class:`ImportCancelled`.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise InputImportError(
            f"{p.name}: unknown file type {suffix or '(none)'}; import a .csv, .tsv, .txt or .npy file"
        )
    arr = _read_array(p, suffix, should_stop)
    x, note = to_input_layout(arr)
    return ImportedInput(x=x, source_shape=tuple(int(v) for v in arr.shape), note=note)
