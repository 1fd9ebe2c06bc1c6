"""Where each weight of a Conv1D kernel sits when the filters are laid side by side.

The filter bank shows the ``filters`` kernels next to each other along one
axis, each ``kernel_size`` taps wide, with one empty column between two
filters; the other axis runs over the channels of the filter's group.

Notes
-----
With ``k`` the kernel_size and ``F`` the filters: tap ``j`` of filter ``f`` is
at ``x = f*(k + 1) + j``; filter ``f``'s block spans ``[f*(k + 1), f*(k + 1) + k)``;
the bank is ``F*(k + 1) - 1`` columns wide; ``x`` with ``x % (k + 1) == k`` is a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["FilterBankLayout"]


@dataclass(frozen=True)
class FilterBankLayout:
    """The x position of every (filter, tap) in the filter bank.

    Attributes
    ----------
    kernel_size : int
        ``k``, taps per filter.
    filters : int
        ``F``, the number of filters.

    Examples
    --------
    >>> bank = FilterBankLayout(kernel_size=3, filters=2)
    >>> bank.x(1, 2), bank.width, bank.locate(6), bank.locate(3)
    (6, 7, (1, 2), None)
    """

    kernel_size: int
    filters: int

    @property
    def pitch(self) -> int:
        """``k + 1``: from one filter's first tap to the next filter's."""
        return self.kernel_size + 1

    @property
    def width(self) -> int:
        """``F*(k + 1) - 1`` columns: every tap of every filter and the gaps between filters."""
        return self.filters * self.pitch - 1

    def x(self, f: int, tap: int = 0) -> int:
        """``f*(k + 1) + tap``: the column of tap ``tap`` of filter ``f`` (``tap=0``: where its block starts).

        >>> FilterBankLayout(4, 3).x(2)
        10
        """
        return f * self.pitch + tap

    def center(self, f: int) -> float:
        """The middle of filter ``f``'s block, ``f*(k + 1) + (k - 1)/2``.

        >>> FilterBankLayout(4, 3).center(1)
        6.5
        """
        return self.x(f) + (self.kernel_size - 1) / 2

    def locate(self, x: int) -> tuple[int, int] | None:
        """``(filter, tap)`` at column ``x``; ``None`` in a gap or outside the bank.

        >>> bank = FilterBankLayout(2, 2)
        >>> [bank.locate(x) for x in range(-1, 6)]
        [None, (0, 0), (0, 1), None, (1, 0), (1, 1), None]
        """
        f, tap = divmod(x, self.pitch)
        if not 0 <= f < self.filters or tap >= self.kernel_size:
            return None
        return (f, tap)

    def tap_columns(self) -> NDArray[np.intp]:
        """``(F, k)``: the column of every tap of every filter.

        >>> FilterBankLayout(2, 3).tap_columns().tolist()
        [[0, 1], [3, 4], [6, 7]]
        """
        cols = np.arange(self.filters)[:, None] * self.pitch + np.arange(self.kernel_size)[None, :]
        return cols.astype(np.intp)

    def spread(self, values: ArrayLike) -> NDArray[np.float64]:
        """Lay ``(k, rows, F)`` values (a Keras kernel) out as ``(width, rows)`` with NaN gap columns.

        A bias ``(F,)`` lays out under each block with ``np.broadcast_to(bias, (k, 1, F))``.

        Examples
        --------
        >>> FilterBankLayout(2, 2).spread(np.arange(4.0).reshape(2, 1, 2))[:, 0].tolist()
        [0.0, 2.0, nan, 1.0, 3.0]
        """
        arr = np.asarray(values, dtype=np.float64)
        if arr.ndim != 3 or arr.shape[0] != self.kernel_size or arr.shape[2] != self.filters:
            raise ValueError(
                f"Expected values of shape ({self.kernel_size}, rows, {self.filters}), received {arr.shape}."
            )
        out = np.full((self.width, arr.shape[1]), np.nan)
        cols = self.tap_columns()  # (F, k)
        out[cols.T.reshape(-1)] = arr.transpose(0, 2, 1).reshape(-1, arr.shape[1])
        return out
