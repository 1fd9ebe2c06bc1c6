"""Input generators for teaching: integers, noise, waves, steps, impulses, one-hot words.

Every generator returns a fresh float64 array of shape ``(batch, steps, channels)``
(channels-last) and is deterministic for a given ``seed``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from .errors import KerasValueError
from .initializers import MAX_GENERATOR_VALUE, check_generator_number, check_seed

__all__ = ["MIN_PERIOD", "SIGNALS", "make_signal"]

MIN_PERIOD = 0.01  # steps; t / period stays finite for every step the app allows

SIGNALS = (
    "random_integers",
    "uniform",
    "normal",
    "sine",
    "square",
    "step",
    "impulse",
    "one_hot_words",
    "ramp",
    "zeros",
)


def make_signal(
    name: str,
    shape: tuple[int, int, int],
    seed: int = 0,
    *,
    low: int = 1,
    high: int = 5,
    period: float = 8.0,
) -> NDArray[np.float64]:
    """Make a teaching input of ``shape = (batch, steps, channels)``.

    Parameters
    ----------
    name : str
        ``random_integers`` (``low..high`` inclusive, like the material's 1..5),
        ``uniform`` (-1..1), ``normal`` (mean 0, sd 1), ``sine`` and ``square``
        (``period`` steps, each channel shifted by a quarter period), ``step``
        (0 then 1 from the middle), ``impulse`` (1 at the middle step),
        ``one_hot_words`` (each step a random one-hot vector: a word id),
        ``ramp`` (1, 2, 3, ... along steps), ``zeros``.
    seed : int
        Seed of the NumPy generator (random kinds only), 0 to 2**63 - 1.
    low, high : int
        ``random_integers`` bounds, whole numbers within ±1e15, ``low <= high``.
    period : float
        ``sine`` / ``square`` period in steps, from 0.01 to 1e15 (0, NaN or a subnormal period
        would make NaN values).

    Raises
    ------
    KerasValueError
        An unknown name, or a seed or parameter outside the ranges above.

    Examples
    --------
    >>> make_signal("impulse", (1, 5, 1))[0, :, 0]
    array([0., 0., 1., 0., 0.])
    >>> make_signal("random_integers", (3, 8, 3), seed=1).min() >= 1
    np.True_
    """
    n, steps, channels = (int(v) for v in shape)
    rng = np.random.default_rng(check_seed(seed))
    if name == "random_integers":
        lo = check_generator_number("low", low, low=-MAX_GENERATOR_VALUE, high=MAX_GENERATOR_VALUE, whole=True)
        check_generator_number("high", high, low=lo, high=MAX_GENERATOR_VALUE, whole=True)
    if name in ("sine", "square"):
        check_generator_number("period", period, low=MIN_PERIOD, high=MAX_GENERATOR_VALUE)
    t = np.arange(steps, dtype=np.float64)[None, :, None]
    c = np.arange(channels, dtype=np.float64)[None, None, :]
    if name == "random_integers":
        out = rng.integers(low, high + 1, size=(n, steps, channels)).astype(np.float64)
    elif name == "uniform":
        out = rng.uniform(-1.0, 1.0, size=(n, steps, channels))
    elif name == "normal":
        out = rng.standard_normal((n, steps, channels))
    elif name == "sine":
        out = np.sin(2 * np.pi * (t / period + c / 4.0)) * np.ones((n, 1, 1))
    elif name == "square":
        out = np.where(np.sin(2 * np.pi * (t / period + c / 4.0)) >= 0, 1.0, -1.0) * np.ones((n, 1, 1))
    elif name == "step":
        out = (t >= steps // 2).astype(np.float64) * np.ones((n, 1, channels))
    elif name == "impulse":
        out = (t == steps // 2).astype(np.float64) * np.ones((n, 1, channels))
    elif name == "one_hot_words":
        words = rng.integers(0, channels, size=(n, steps))
        out = np.zeros((n, steps, channels))
        np.put_along_axis(out, words[:, :, None], 1.0, axis=2)
    elif name == "ramp":
        out = (t + 1) * np.ones((n, 1, channels))
    elif name == "zeros":
        out = np.zeros((n, steps, channels))
    else:
        raise KerasValueError(
            f"Unknown input generator: {name!r}",
            "Choose one of: " + ", ".join(SIGNALS) + ".",
            code="signal_unknown",
            values={"name": name},
        )
    return np.ascontiguousarray(np.round(out, 12) + 0.0, dtype=np.float64)
