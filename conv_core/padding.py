"""Output length and the exact left/right zero padding of Keras 3.

Notes
-----
With ``k_eff = d*(k - 1) + 1``:

* ``valid``:  ``out = floor((L - k_eff) / s) + 1``, no padding;
* ``same``:   ``out = ceil(L / s)``, ``total = max((out - 1)*s + k_eff - L, 0)``,
  ``left = total // 2`` and the odd extra zero goes on the right;
* ``causal``: ``out = ceil(L / s)``, ``left = k_eff - 1``, ``right = 0``.
"""

from __future__ import annotations

from typing import Literal, get_args

from .errors import KerasValueError

__all__ = [
    "PADDINGS",
    "POOL_PADDINGS",
    "Padding",
    "PoolPadding",
    "effective_kernel_size",
    "normalize_padding",
    "output_length",
    "padding_amounts",
]

Padding = Literal["valid", "same", "causal"]
"""Conv1D's ``padding`` values (the one table; :data:`PADDINGS` lists them)."""
PoolPadding = Literal["valid", "same"]
"""Pooling's and Conv1DTranspose's ``padding`` values ('causal' is Conv1D's only)."""

PADDINGS: tuple[Padding, ...] = get_args(Padding)
POOL_PADDINGS: tuple[PoolPadding, ...] = get_args(PoolPadding)


def normalize_padding(padding: object, allowed: tuple[str, ...] = PADDINGS, layer: str = "Conv1D") -> str:
    """Return ``padding`` lower-cased, or raise Keras's error for an unknown value.

    >>> normalize_padding("SAME")
    'same'
    """
    if isinstance(padding, str) and padding.lower() in allowed:
        return padding.lower()
    options = "{" + ", ".join(repr(p) for p in allowed) + "}"
    if isinstance(padding, (list, tuple)):
        raise KerasValueError(
            f"`padding` must be either `'valid'` or `'same'`. Received {list(padding)}.",
            "Keras 3 takes padding as a word, not a list of numbers: use 'valid', 'same'"
            + (" or 'causal'" if "causal" in allowed else "")
            + ", or add a ZeroPadding1D layer for explicit amounts.",
            code="padding_list",
            values={"padding": list(padding)},
        )
    if isinstance(padding, str) and padding.lower() == "full":
        hint = (
            "'full' was a Keras 1 border_mode; Keras 3 has no such padding. Emulate it with "
            "ZeroPadding1D(k_eff - 1) followed by padding='valid'."
        )
        code = "padding_full"
    elif isinstance(padding, str) and padding.lower() == "causal":
        hint = f"'causal' exists only for Conv1D; {layer} accepts 'valid' or 'same'."
        code = "padding_causal_not_allowed"
    else:
        hint = "Choose one of " + ", ".join(repr(p) for p in allowed) + "."
        code = "padding_unknown"
    raise KerasValueError(
        f"The `padding` argument must be a list/tuple or one of {options}. Received: {padding}",
        hint,
        code=code,
        values={"padding": padding, "allowed": list(allowed)},
    )


def effective_kernel_size(kernel_size: int, dilation_rate: int = 1) -> int:
    """The span of a dilated kernel, ``d*(k - 1) + 1``.

    >>> effective_kernel_size(3, 2)
    5
    """
    return dilation_rate * (kernel_size - 1) + 1


def output_length(
    steps: int, kernel_size: int, strides: int = 1, padding: str = "valid", dilation_rate: int = 1
) -> int:
    """Number of output steps Keras computes for a 1-D convolution or pooling.

    Parameters
    ----------
    steps : int
        Input length ``L``.
    kernel_size : int
        ``k`` (``pool_size`` for pooling).
    strides, dilation_rate : int
        ``s`` and ``d``.
    padding : {'valid', 'same', 'causal'}
        Case-insensitive.

    Returns
    -------
    int
        ``floor((L - k_eff)/s) + 1`` for valid (may be <= 0 when the input is
        too short: callers decide whether that is an error), ``ceil(L/s)``
        for same and causal.

    Examples
    --------
    >>> output_length(50, 4, padding="same")
    50
    >>> output_length(7, 3, strides=2)
    3
    >>> output_length(7, 3, dilation_rate=2, padding="causal")
    7
    """
    pad = normalize_padding(padding)
    keff = effective_kernel_size(kernel_size, dilation_rate)
    if pad == "valid":
        return (steps - keff) // strides + 1
    return -(-steps // strides)


def padding_amounts(
    steps: int, kernel_size: int, strides: int = 1, padding: str = "valid", dilation_rate: int = 1
) -> tuple[int, int]:
    """Zeros Keras adds before and after the sequence, ``(left, right)``.

    Notes
    -----
    'same' follows TensorFlow: ``total = max((ceil(L/s) - 1)*s + k_eff - L, 0)``,
    ``left = total // 2``; an odd total puts the extra zero on the right.

    Examples
    --------
    >>> padding_amounts(7, 4, padding="same")
    (1, 2)
    >>> padding_amounts(8, 3, strides=2, padding="same")
    (0, 1)
    >>> padding_amounts(7, 3, dilation_rate=2, padding="causal")
    (4, 0)
    """
    pad = normalize_padding(padding)
    keff = effective_kernel_size(kernel_size, dilation_rate)
    if pad == "valid":
        return (0, 0)
    if pad == "causal":
        return (keff - 1, 0)
    out = -(-steps // strides)
    total = max((out - 1) * strides + keff - steps, 0)
    return (total // 2, total - total // 2)
