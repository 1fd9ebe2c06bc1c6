"""The numeric contract: every number that enters the app is finite and within ±1e15.

Pure Python + NumPy (no Qt).  Sessions, autosaves, CSV/TSV/.npy imports, session
generators and the state object all check values here, before any other work, and
name the field and the value (truncated to 60 characters) when one is refused.

Why 1e15 (``MAX_ABS_VALUE``):

* every whole number up to 1e15 is exact in float64 (2**53 is about 9.007e15), so a typed or
  saved integer reads back exactly;
* an output is at most ``kernel_size * channels/groups`` products plus the bias; with the app's
  LIMITS (kernel_size <= 64, channels <= 512) that is ``32768 * 1e15**2 + 1e15``, about 3.3e34:
  finite even in float32 (Keras's default dtype, max 3.4e38), so within the contract the linear,
  relu, sigmoid and tanh outputs never overflow, here or in Keras;
* the renderer draws a colour bar over ``(-level, level)``; pyqtgraph's axis needs
  ``2 * level`` to be finite (level <= 8.98e307) and ``level`` not subnormal.  Activations such as
  'exponential' can still reach that (exp(709.7) = 1.65e308, or inf), so the diagram also clamps its
  colour levels to ``[LEVEL_MIN, LEVEL_MAX]`` (see ``app.views.diagram``) and draws overflowed cells as ±inf.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = [
    "LEVEL_MAX",
    "LEVEL_MIN",
    "MAX_ABS_VALUE",
    "NumberRangeError",
    "array_problem",
    "check_array",
    "number_problem",
    "shown",
]

MAX_ABS_VALUE = 1e15
LEVEL_MIN = 1e-300  # colour-bar half-range the renderer can draw (pyqtgraph's axis divides by it)
LEVEL_MAX = 1e300  # ... and doubles it: 2 * LEVEL_MAX stays far below the float64 maximum
RANGE_TEXT = "the app's range -1e15..1e15"
MAX_SHOWN = 60


class NumberRangeError(ValueError):
    """A value outside the contract; the message names the field and the value, in one line."""


def shown(value: Any) -> str:
    """The value as text for a message, at most 60 characters (a 400-digit integer is cut)."""
    if isinstance(value, float | np.floating):
        text = repr(float(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        digits = int(abs(value).bit_length() * 0.30103) + 1  # no str(): over 4300 digits it raises
        sign = "a negative" if value < 0 else "an"
        text = str(value) if digits < MAX_SHOWN else f"{sign} integer of about {digits} digits"
    else:
        text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def number_problem(value: Any) -> str | None:
    """Why a Python number breaks the contract, or None.  Integers are compared, never converted."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return f"{shown(value)} is not a number"
    if isinstance(value, int | np.integer):  # int vs float compares exactly, at any size
        return None if abs(int(value)) <= MAX_ABS_VALUE else f"{shown(value)} is outside {RANGE_TEXT}"
    if not math.isfinite(float(value)):
        return f"{shown(value)} is not a finite number"
    if abs(float(value)) > MAX_ABS_VALUE:
        return f"{shown(value)} is outside {RANGE_TEXT}"
    return None


def array_problem(arr: np.ndarray) -> tuple[tuple[int, ...], str] | None:
    """(index, why) of the first value of a float array that breaks the contract, or None."""
    a = np.asarray(arr)
    with np.errstate(invalid="ignore"):
        bad = ~(np.abs(a) <= MAX_ABS_VALUE)  # NaN compares False: caught here too
    if not bad.any():
        return None
    where = tuple(int(i) for i in np.unravel_index(int(np.argmax(bad)), a.shape))
    return where, number_problem(float(a[where])) or f"{shown(a[where])} is outside {RANGE_TEXT}"


def check_array(arr: np.ndarray, field: str) -> np.ndarray:
    """``arr`` unchanged when every value keeps the contract; else :class:`NumberRangeError`."""
    problem = array_problem(arr)
    if problem is not None:
        where, why = problem
        index = f"[{', '.join(str(i) for i in where)}]" if where else ""
        raise NumberRangeError(f"{field}{index}: {why}")
    return arr
