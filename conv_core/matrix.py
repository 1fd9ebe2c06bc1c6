"""A Conv1D layer as a matrix: ``y = C·x̃ + b`` (and Conv1DTranspose as ``Cᵀ``).

Notes
-----
``x̃`` is the padded input, one channel after another: column ``c*Lp + p`` holds
padded step ``p`` of channel ``c`` (signed input step ``p - pad_left``; the
``pad_left`` first and ``pad_right`` last columns of each channel are padding).
Row ``f*rows + t`` is output step ``t`` of filter ``f``.  The block of filter ``f``
and channel ``c`` is banded::

    C[f, c][t, t*s + j*d] = K[j, c - G*(C/g), f]     for every tap j,

and zero when ``c`` is outside the group ``G = f // (F/g)`` of filter ``f``.  A
stride shifts each row ``s`` columns right of the one above; a dilation leaves
``d - 1`` zero columns (holes) between taps.

For Conv1DTranspose with kernel ``(k, filters, channels)`` the same kernel, read as a
Conv1D kernel ``(k, C/g = filters, filters = channels)``, is the Conv1D from the
transposed layer's output back to its input: ``y_T = Cᵀ · x`` where ``C`` has one
row per input step and one column per step of the full scatter; the columns Keras
crops away play the part of the padding columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .conv import as_float_array
from .errors import KerasValueError
from .spec import Conv1DSpec
from .transpose import Conv1DTransposeSpec

__all__ = ["NO_TAP", "ConvMatrix", "conv_matrix", "conv_transpose_matrix"]

NO_TAP = -1
"""Marker for a structural zero (no tap of the kernel sits at that entry)."""


@dataclass(frozen=True, eq=False)
class ConvMatrix:
    """The banded matrix of a Conv1D (``transposed`` False) or of a Conv1DTranspose (True).

    Build with :func:`conv_matrix` or :func:`conv_transpose_matrix`.  ``kernel`` is in
    Conv1D layout ``(k, C/g, F)``; ``rows`` is the number of windows (output steps of
    the Conv1D); ``steps`` the real columns per channel.  For a transposed layer, the
    windows are its input steps and the columns its output steps.
    """

    kernel: NDArray[np.floating]
    strides: int
    dilation_rate: int
    groups: int
    rows: int
    steps: int
    pad_left: int
    pad_right: int
    transposed: bool = False

    # ---- sizes --------------------------------------------------------------
    @property
    def kernel_size(self) -> int:
        return int(self.kernel.shape[0])

    @property
    def filters(self) -> int:
        """Blocks down (Conv1D filters; for a transposed layer, its input channels)."""
        return int(self.kernel.shape[2])

    @property
    def channels(self) -> int:
        """Blocks across (Conv1D input channels; for a transposed layer, its filters)."""
        return int(self.kernel.shape[1]) * self.groups

    @property
    def padded_steps(self) -> int:
        """``Lp = pad_left + steps + pad_right``: the columns of one block."""
        return self.pad_left + self.steps + self.pad_right

    @property
    def shape(self) -> tuple[int, int]:
        """The shape of ``C`` (rows x columns, padding columns included)."""
        return (self.filters * self.rows, self.channels * self.padded_steps)

    # ---- geometry -----------------------------------------------------------
    @cached_property
    def column_steps(self) -> NDArray[np.intp]:
        """Signed input step of each column of a block, ``(Lp,)``: ``p - pad_left``."""
        cols = np.arange(self.padded_steps, dtype=np.intp) - self.pad_left
        cols.setflags(write=False)
        return cols

    @cached_property
    def padding_columns(self) -> NDArray[np.bool_]:
        """``(Lp,)``: True where a column of a block is a padding zero (or a cropped step)."""
        mask = (self.column_steps < 0) | (self.column_steps >= self.steps)
        mask.setflags(write=False)
        return mask

    @cached_property
    def tap_columns(self) -> NDArray[np.intp]:
        """Padded column of tap ``j`` in row ``t``, ``(rows, k)``: ``t*s + j*d``."""
        cols = (
            np.arange(self.rows)[:, None] * self.strides + np.arange(self.kernel_size)[None, :] * self.dilation_rate
        ).astype(np.intp)
        cols.setflags(write=False)
        return cols

    def tap_grid(self, rows: slice = slice(None)) -> NDArray[np.intp]:
        """The tap at every entry of a block, ``(rows, Lp)``; :data:`NO_TAP` for a structural zero.

        >>> conv_matrix(Conv1DSpec(1, 2, dilation_rate=2), 4, np.ones((2, 1, 1))).tap_grid().tolist()
        [[0, -1, 1, -1], [-1, 0, -1, 1]]
        """
        taps = self.tap_columns[rows]
        grid = np.full((taps.shape[0], self.padded_steps), NO_TAP, dtype=np.intp)
        r = np.arange(taps.shape[0])[:, None]
        grid[np.broadcast_to(r, taps.shape), taps] = np.arange(self.kernel_size)[None, :]
        return grid

    def tap_at(self, row: int, column: int) -> int:
        """The tap at entry ``(row, column)`` of a block, or :data:`NO_TAP`."""
        offset = column - row * self.strides
        if offset < 0 or offset % self.dilation_rate:
            return NO_TAP
        j = offset // self.dilation_rate
        return j if j < self.kernel_size else NO_TAP

    def group_of(self, f: int) -> int:
        """The group of block row ``f``: ``f // (F/g)``."""
        return f // (self.filters // self.groups)

    def reads_channel(self, f: int, c: int) -> bool:
        """Whether the block of filter ``f`` and channel ``c`` holds weights (``c`` in ``f``'s group)."""
        return c // (self.channels // self.groups) == self.group_of(f)

    def weight_at(self, f: int, c: int, tap: int) -> float:
        """``K[tap, c - G*(C/g), f]``: the weight of one tap in the block ``(f, c)``."""
        return float(self.kernel[tap, c % (self.channels // self.groups), f])

    # ---- dense matrices -----------------------------------------------------------
    def block(self, f: int, c: int, rows: slice = slice(None)) -> NDArray[np.floating]:
        """The block of filter ``f`` and channel ``c``, ``(rows, Lp)`` (zeros outside the group)."""
        grid = self.tap_grid(rows)
        out = np.zeros(grid.shape, dtype=self.kernel.dtype)
        if self.reads_channel(f, c):
            hit = grid != NO_TAP
            out[hit] = self.kernel[grid[hit], c % (self.channels // self.groups), f]
        return out

    def filter_matrix(self, f: int, rows: slice = slice(None)) -> NDArray[np.floating]:
        """The rows of filter ``f``: every channel's block side by side, ``(rows, C*Lp)``.

        >>> conv_matrix(Conv1DSpec(1, 3, strides=2), 5, np.array([1.0, 2.0, 3.0]).reshape(3, 1, 1)
        ...             ).filter_matrix(0)
        array([[1., 2., 3., 0., 0.],
               [0., 0., 1., 2., 3.]])
        """
        return np.hstack([self.block(f, c, rows) for c in range(self.channels)])

    def dense(self) -> NDArray[np.floating]:
        """The whole block matrix ``C``, ``(F*rows, C*Lp)``: filter after filter down, channel after channel across."""
        return np.vstack([self.filter_matrix(f) for f in range(self.filters)])

    def real_columns(self) -> NDArray[np.intp]:
        """Indices of the non-padding columns of :meth:`dense` (channel after channel)."""
        keep = np.flatnonzero(~self.padding_columns)
        return (np.arange(self.channels)[:, None] * self.padded_steps + keep[None, :]).ravel()

    # ---- products ---------------------------------------------------------------
    def apply(self, x: ArrayLike) -> NDArray[np.floating]:
        """``C · x̃``: ``x`` ``(N, steps, channels)`` channels-last -> ``(N, rows, filters)``, no bias.

        >>> m = conv_matrix(Conv1DSpec(1, 3), 5, np.array([1.0, 2.0, 3.0]).reshape(3, 1, 1))
        >>> m.apply(np.arange(1.0, 6.0).reshape(1, 5, 1))[0, :, 0]
        array([14., 20., 26.])
        """
        xa = self._check(x, self.steps, self.channels, "x")
        xp = np.pad(xa, ((0, 0), (self.pad_left, self.pad_right), (0, 0)))
        flat = np.swapaxes(xp, 1, 2).reshape(xa.shape[0], -1)  # (N, C*Lp), channel after channel
        y = flat @ self.dense().T  # (N, F*rows)
        return np.swapaxes(y.reshape(xa.shape[0], self.filters, self.rows), 1, 2)

    def apply_transpose(self, y: ArrayLike) -> NDArray[np.floating]:
        """``Cᵀ · y`` on the real columns: ``(N, rows, filters)`` -> ``(N, steps, channels)``.

        >>> m = conv_matrix(Conv1DSpec(1, 2, strides=2), 4, np.array([1.0, 10.0]).reshape(2, 1, 1))
        >>> m.apply_transpose(np.array([1.0, 2.0]).reshape(1, 2, 1))[0, :, 0]
        array([ 1., 10.,  2., 20.])
        """
        ya = self._check(y, self.rows, self.filters, "y")
        flat = np.swapaxes(ya, 1, 2).reshape(ya.shape[0], -1)  # (N, F*rows)
        back = (flat @ self.dense())[:, self.real_columns()]  # (N, C*L)
        return np.swapaxes(back.reshape(ya.shape[0], self.channels, self.steps), 1, 2)

    @staticmethod
    def _check(a: ArrayLike, steps: int, channels: int, name: str) -> NDArray[np.floating]:
        arr = as_float_array(a, name)
        if arr.ndim != 3 or arr.shape[1:] != (steps, channels):
            raise KerasValueError(
                f"`{name}` must have shape (batch, {steps}, {channels}), received {arr.shape}.",
                "The matrix is built for one input length and channel count: rebuild it for this array.",
                code="matrix_shape",
                values={"name": name, "received": arr.shape},
            )
        return arr


def _kernel(kernel: ArrayLike, expected: tuple[int, int, int], layout: str) -> NDArray[np.floating]:
    ka = np.array(as_float_array(kernel, "kernel"), copy=True)
    if ka.shape != expected:
        raise KerasValueError(
            f"The kernel must have shape {layout} = {expected}, received {ka.shape}.",
            "Build the matrix with the layer's own kernel.",
            code="kernel_shape",
            values={"expected": expected, "received": ka.shape},
        )
    ka.setflags(write=False)
    return ka


def conv_matrix(spec: Conv1DSpec, steps: int, kernel: ArrayLike) -> ConvMatrix:
    """The matrix ``C`` of ``spec`` on an input of ``steps`` steps, so that ``y = C·x̃ + b``.

    Parameters
    ----------
    spec : Conv1DSpec
    steps : int
        Input length ``L`` (the padding is the spec's split for that length).
    kernel : array_like
        Keras layout ``(kernel_size, channels // groups, filters)``; the channel count
        is ``kernel.shape[1] * groups``.

    Examples
    --------
    >>> m = conv_matrix(Conv1DSpec(1, 3, padding="same"), 4, np.array([1.0, 2.0, 3.0]).reshape(3, 1, 1))
    >>> m.dense()
    array([[1., 2., 3., 0., 0., 0.],
           [0., 1., 2., 3., 0., 0.],
           [0., 0., 1., 2., 3., 0.],
           [0., 0., 0., 1., 2., 3.]])
    >>> m.padding_columns.tolist()
    [True, False, False, False, False, True]
    """
    ka = np.asarray(kernel)
    cg = int(ka.shape[1]) if ka.ndim == 3 else 1
    ka = _kernel(ka, spec.kernel_shape(cg * spec.groups), "(kernel_size, channels // groups, filters)")
    rows = spec.output_length(steps)
    if rows <= 0:
        keff = spec.effective_kernel_size
        raise KerasValueError(
            f"Computed output size would be zero or negative: steps={steps}, kernel span={keff}, padding=valid.",
            f"With padding='valid' the input needs at least {keff} steps.",
            code="input_too_short",
            values={"steps": steps, "keff": keff},
        )
    pl, pr = spec.padding_amounts(steps)
    return ConvMatrix(ka, spec.strides, spec.dilation_rate, spec.groups, rows, steps, pl, pr)


def conv_transpose_matrix(spec: Conv1DTransposeSpec, steps: int, kernel: ArrayLike) -> ConvMatrix:
    """The matrix ``C`` whose transpose is ``spec`` on ``steps`` input steps: ``y = Cᵀ·x + b``.

    ``C`` has one row per input step (block rows: the layer's input channels) and one
    column per step of the full scatter (blocks across: the layer's filters); columns
    outside the layer's output (cropped by 'same', or zeros added by ``output_padding``
    past the scatter) are marked like padding.

    Examples
    --------
    >>> m = conv_transpose_matrix(Conv1DTransposeSpec(1, 3, strides=2, padding="same"), 2,
    ...                           np.array([1.0, 2.0, 3.0]).reshape(3, 1, 1))
    >>> m.dense().T
    array([[1., 0.],
           [2., 0.],
           [3., 1.],
           [0., 2.],
           [0., 3.]])
    >>> m.padding_columns.tolist(), m.steps
    ([False, False, False, False, True], 4)
    """
    ka = np.asarray(kernel)
    channels = int(ka.shape[2]) if ka.ndim == 3 else 1
    ka = _kernel(ka, spec.kernel_shape(channels), "(kernel_size, filters, channels)")
    out_len, crop = spec.output_length(steps), spec.crop_left()
    full = spec.full_length(steps)
    right = max(full - crop - out_len, 0)
    return ConvMatrix(ka, spec.strides, spec.dilation_rate, 1, steps, out_len, crop, right, transposed=True)
