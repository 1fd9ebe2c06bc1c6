"""Everything a picture of one Conv1D setting needs, computed once.

A :class:`Conv1DTrace` holds the padding split, the input step under every
tap of every window, and the arithmetic behind every output cell.  Views
read it; they never recompute geometry.

Notes
-----
Tap ``j`` of output step ``t`` sits at padded index ``t*s + j*d``, which is
input step ``t*s + j*d - pad_left`` (or padding when outside ``[0, L)``).
Filter ``f`` reads the channels of group ``G = f // (F/g)``: input channels
``G*(C/g)`` to ``G*(C/g) + C/g - 1``.

Views ask the trace for these numbers instead of recomputing them: the signed
tap positions (:attr:`Conv1DTrace.tap_steps`), the taps that read padding
(:attr:`Conv1DTrace.tap_on_padding`), the group of a filter and its channels
(:meth:`Conv1DTrace.group_of_filter`, :meth:`Conv1DTrace.channels_of_filter`),
the filter-bank columns (:attr:`Conv1DTrace.bank`) and the output-length
derivation (:attr:`Conv1DTrace.derivation`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

from .activations import apply_activation
from .conv import _result_dtype as result_dtype
from .conv import as_float_array, conv1d_from_spec, to_channels_last
from .derivation import Derivation, derive_output_length
from .filter_bank import FilterBankLayout
from .spec import Conv1DSpec, check_conv_input

__all__ = ["CellTrace", "Conv1DTrace", "trace_conv1d"]

PAD = -1
"""Marker for a tap that falls on a padding zero."""


_A = TypeVar("_A", bound="NDArray[Any]")


def _readonly(a: _A) -> _A:
    a.setflags(write=False)
    return a


@dataclass(frozen=True)
class CellTrace:
    """The arithmetic of one output cell ``y[sample, t, f]``."""

    sample: int
    step: int
    filter: int
    taps: NDArray[np.intp]  # (k,) input step per tap, PAD for padding
    padded_taps: NDArray[np.intp]  # (k,) padded index per tap
    channels: NDArray[np.intp]  # (Cg,) input channels the filter reads
    inputs: NDArray[np.floating]  # (k, Cg) the values under the window (0 on padding)
    weights: NDArray[np.floating]  # (k, Cg) kernel[:, :, f]
    products: NDArray[np.floating]  # (k, Cg)
    channel_sums: NDArray[np.floating]  # (Cg,) sum over taps for each channel
    tap_sums: NDArray[np.floating]  # (k,) sum over channels for each tap
    total: float  # sum of all products
    bias: float
    pre_activation: float
    activation: str
    value: float


@dataclass(frozen=True, eq=False)
class Conv1DTrace:
    """A traced Conv1D layer on a batch (channels-last internally).

    Build with :func:`trace_conv1d`.  Arrays are read-only.
    """

    spec: Conv1DSpec
    input_shape: tuple[int, ...]
    x: NDArray[np.floating]  # (N, L, C) channels-last
    kernel: NDArray[np.floating]  # (k, C/g, F)
    bias: NDArray[np.floating]  # (F,), zeros when use_bias is False
    pad_left: int
    pad_right: int
    padded: NDArray[np.floating]  # (N, L + pl + pr, C)
    tap_padded: NDArray[np.intp]  # (Lout, k)
    tap_input: NDArray[np.intp]  # (Lout, k), PAD for padding
    filter_group: NDArray[np.intp]  # (F,)
    group_channels: NDArray[np.intp]  # (g, C/g)
    pre_activation: NDArray[np.floating]  # (N, Lout, F)
    output: NDArray[np.floating]  # (N, Lout, F)

    # ---- sizes --------------------------------------------------------------
    @property
    def batch(self) -> int:
        return int(self.x.shape[0])

    @property
    def steps(self) -> int:
        return int(self.x.shape[1])

    @property
    def channels(self) -> int:
        return int(self.x.shape[2])

    @property
    def out_steps(self) -> int:
        return int(self.tap_input.shape[0])

    @property
    def filters(self) -> int:
        return self.spec.filters

    @property
    def output_shape(self) -> tuple[int, int, int]:
        """In the layer's data_format, as Keras prints it."""
        if self.spec.data_format == "channels_first":
            return (self.batch, self.filters, self.out_steps)
        return (self.batch, self.out_steps, self.filters)

    @property
    def channels_per_group(self) -> int:
        """``C/g``: the input channels every filter reads (the kernel's second axis)."""
        return int(self.group_channels.shape[1])

    @property
    def filters_per_group(self) -> int:
        """``F/g``."""
        return self.spec.filters_per_group

    @property
    def padded_steps(self) -> range:
        """Every signed step drawn for the input: ``range(-pad_left, steps + pad_right)``.

        ``step in tr.padded_steps`` tells whether a step is a real or a padding cell.
        """
        return range(-self.pad_left, self.steps + self.pad_right)

    def is_padding(self, step: int) -> bool:
        """Whether signed input step ``step`` is a padding zero (``step < 0`` or ``step >= L``)."""
        return not 0 <= step < self.steps

    # ---- geometry -----------------------------------------------------------
    @cached_property
    def tap_steps(self) -> NDArray[np.intp]:
        """Signed input step of every tap, ``(Lout, k)``: ``t*s + j*d - pad_left``.

        Negative in the left padding, ``>= steps`` in the right padding (unlike
        :attr:`tap_input`, which marks both with :data:`PAD`).
        """
        return _readonly(self.tap_padded - self.pad_left)

    @cached_property
    def output_positions(self) -> NDArray[np.float64]:
        """Where output step ``t`` sits on the input's time axis, ``(Lout,)``, in signed input steps.

        The picture draws output ``t`` under the window that produced it, spaced by the stride:
        'valid' and 'same' under the middle of the window, ``t*s - pad_left + d*(k - 1)/2`` (with
        stride 1 and an odd kernel, 'same' puts output t under input t; a stride or an even kernel
        shows where the window really is); 'causal' under ``t*s``, its window's last tap (an output
        only looks left).

        >>> import numpy as np
        >>> x, w = np.zeros((1, 6, 1)), np.zeros((3, 1, 1))
        >>> [trace_conv1d(Conv1DSpec(1, 3, padding=p), x, w).output_positions.tolist()
        ...  for p in ("valid", "same", "causal")]
        [[1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]]
        >>> trace_conv1d(Conv1DSpec(1, 3, strides=2, padding="same"), x, w).output_positions.tolist()
        [1.0, 3.0, 5.0]
        """
        s = self.spec
        span = s.effective_kernel_size - 1
        offset = 0.0 if s.padding == "causal" else span / 2 - self.pad_left
        return _readonly(np.arange(self.out_steps, dtype=np.float64) * s.strides + offset)

    @cached_property
    def tap_on_padding(self) -> NDArray[np.bool_]:
        """``(Lout, k)``: True where the tap reads a padding zero."""
        return _readonly(self.tap_input == PAD)

    def padding_taps(self, step: int) -> NDArray[np.intp]:
        """The taps of output ``step`` that read a padding zero (sorted tap indices)."""
        found: NDArray[np.intp] = np.flatnonzero(self.tap_on_padding[step])
        return found

    def taps_at(self, position: int) -> list[tuple[int, int]]:
        """Every ``(output step, tap)`` whose tap sits at signed input step ``position``.

        Unlike :meth:`taps_fed_by`, padding cells count too: ``position=-1`` finds
        the taps that read the last left padding zero.
        """
        rows, cols = np.nonzero(self.tap_steps == position)
        return [(int(t), int(j)) for t, j in zip(rows, cols, strict=True)]

    def group_of_filter(self, f: int) -> int:
        """``G = f // (F/g)``: the group filter ``f`` belongs to."""
        return int(self.filter_group[f])

    def first_channel_of_filter(self, f: int) -> int:
        """``G*(C/g)``: the first input channel filter ``f`` reads (its group's offset)."""
        return self.group_of_filter(f) * self.channels_per_group

    @property
    def bank(self) -> FilterBankLayout:
        """The filter-bank layout: tap ``j`` of filter ``f`` at column ``f*(k + 1) + j``."""
        return FilterBankLayout(self.spec.kernel_size, self.filters)

    @cached_property
    def derivation(self) -> Derivation:
        """The output length and padding worked through (:func:`conv_core.derivation.derive_output_length`)."""
        s = self.spec
        return derive_output_length(self.steps, s.kernel_size, s.strides, s.padding, s.dilation_rate)

    @cached_property
    def read_count(self) -> NDArray[np.intp]:
        """How many (output step, tap) pairs read each input step, ``(L,)``."""
        taps = self.tap_input[self.tap_input != PAD]
        return _readonly(np.bincount(taps, minlength=self.steps).astype(np.intp))

    @cached_property
    def dropped_steps(self) -> tuple[int, ...]:
        """Input steps that no output reads (skipped by the stride or the valid end)."""
        return tuple(int(i) for i in np.flatnonzero(self.read_count == 0))

    def inputs_read_by(self, step: int) -> NDArray[np.intp]:
        """Input steps under the window of output ``step`` (padding taps left out)."""
        taps = self.tap_input[step]
        kept: NDArray[np.intp] = taps[taps != PAD]
        return kept

    def outputs_fed_by(self, input_step: int) -> NDArray[np.intp]:
        """Output steps whose window covers ``input_step`` (sorted, unique)."""
        return np.unique(np.nonzero(self.tap_input == input_step)[0])

    def taps_fed_by(self, input_step: int) -> list[tuple[int, int]]:
        """Every (output step, tap) pair that reads ``input_step``."""
        rows, cols = np.nonzero(self.tap_input == input_step)
        return [(int(t), int(j)) for t, j in zip(rows, cols, strict=True)]

    def channels_of_filter(self, f: int) -> NDArray[np.intp]:
        """Input channels filter ``f`` spans (all of them when groups=1)."""
        chans: NDArray[np.intp] = self.group_channels[self.filter_group[f]]
        return chans

    def filters_reading_channel(self, c: int) -> NDArray[np.intp]:
        """Filters whose group includes input channel ``c``."""
        group = c // self.group_channels.shape[1]
        return np.flatnonzero(self.filter_group == group)

    # ---- arithmetic -----------------------------------------------------------
    @cached_property
    def windows(self) -> NDArray[np.floating]:
        """Values under every window, ``(N, Lout, k, C)`` (a read-only view)."""
        keff = self.spec.effective_kernel_size
        win = sliding_window_view(self.padded, keff, axis=1)  # (N, Lp-keff+1, C, keff)
        win = win[:, :: self.spec.strides, :, :: self.spec.dilation_rate][:, : self.out_steps]
        return np.moveaxis(win, -1, 2)

    @cached_property
    def products(self) -> NDArray[np.floating]:
        """``x * w`` for every (sample, step, filter, tap, channel of the group): ``(N, Lout, F, k, C/g)``."""
        g = self.spec.groups
        n, lout, k, c = self.windows.shape
        cg, fg = c // g, self.filters // g
        w = self.windows.reshape(n, lout, k, g, cg).transpose(0, 1, 3, 2, 4)  # (N, Lout, g, k, Cg)
        kern = self.kernel.reshape(k, cg, g, fg).transpose(2, 3, 0, 1)  # (g, Fg, k, Cg)
        prod = w[:, :, :, None, :, :] * kern[None, None]
        return _readonly(prod.reshape(n, lout, self.filters, k, cg))

    @cached_property
    def channel_sums(self) -> NDArray[np.floating]:
        """Per-channel partial sums (over taps), ``(N, Lout, F, C/g)``."""
        return _readonly(self.products.sum(axis=3))

    @cached_property
    def tap_sums(self) -> NDArray[np.floating]:
        """Per-tap partial sums (over channels), ``(N, Lout, F, k)``."""
        return _readonly(self.products.sum(axis=4))

    @property
    def sums(self) -> NDArray[np.floating]:
        """The convolution before bias, ``(N, Lout, F)``."""
        return self.pre_activation - self.bias

    def cell(self, sample: int, step: int, f: int) -> CellTrace:
        """The expanded sum of one output cell, computed for that cell only."""
        chans = self.channels_of_filter(f)
        inputs = self.windows[sample, step][:, chans]
        weights = self.kernel[:, :, f]
        prods = inputs * weights
        total = float(prods.sum())
        b = float(self.bias[f])
        pre = float(self.pre_activation[sample, step, f])
        return CellTrace(
            sample=sample,
            step=step,
            filter=f,
            taps=self.tap_input[step],
            padded_taps=self.tap_padded[step],
            channels=chans,
            inputs=inputs,
            weights=weights,
            products=prods,
            channel_sums=prods.sum(axis=0),
            tap_sums=prods.sum(axis=1),
            total=total,
            bias=b,
            pre_activation=pre,
            activation=self.spec.activation,
            value=float(self.output[sample, step, f]),
        )


def trace_conv1d(
    spec: Conv1DSpec, x: ArrayLike, kernel: ArrayLike, bias: ArrayLike | None = None
) -> Conv1DTrace:
    """Trace ``spec`` on ``x``: padding split, taps and the output.

    Parameters
    ----------
    spec : Conv1DSpec
    x : array_like
        3-D, in ``spec.data_format``.
    kernel : array_like
        ``(kernel_size, channels // groups, filters)``.
    bias : array_like or None
        Ignored when ``spec.use_bias`` is False.

    Examples
    --------
    >>> tr = trace_conv1d(Conv1DSpec(1, 4, padding="same"), np.arange(7.0).reshape(1, 7, 1),
    ...                   np.ones((4, 1, 1)))
    >>> (tr.pad_left, tr.pad_right)
    (1, 2)
    >>> tr.tap_input[0].tolist(), tr.tap_input[-1].tolist()
    ([-1, 0, 1, 2], [5, 6, -1, -1])
    >>> tr.tap_steps[-1].tolist(), tr.padding_taps(6).tolist(), tr.taps_at(7)
    ([5, 6, 7, 8], [2, 3], [(5, 3), (6, 2)])
    >>> g = trace_conv1d(Conv1DSpec(4, 2, groups=2), np.zeros((1, 5, 6)), np.zeros((2, 3, 4)))
    >>> g.channels_per_group, g.group_of_filter(3), g.first_channel_of_filter(3), g.channels_of_filter(3).tolist()
    (3, 1, 3, [3, 4, 5])
    >>> g.bank.x(3, 1), g.derivation.output_length, list(g.padded_steps)
    (10, 4, [0, 1, 2, 3, 4])
    """
    xa = np.asarray(x)
    check_conv_input(spec, xa.shape)
    xa = as_float_array(xa, "x")
    ka = as_float_array(kernel, "kernel")
    use_bias = spec.use_bias and bias is not None
    # A private copy: the trace is made read-only and must never freeze the caller's array.
    x_cl = np.array(to_channels_last(xa, spec.data_format), order="C", copy=True)
    _, steps, channels = x_cl.shape
    bias_a = as_float_array(bias, "bias") if use_bias and bias is not None else None
    dtype = result_dtype(x_cl, ka, bias_a)
    b = bias_a.astype(dtype) if bias_a is not None else np.zeros(spec.filters, dtype=dtype)
    # One convolution: the output is the activation of the pre-activation (as conv1d computes it).
    linear = Conv1DSpec(
        spec.filters, spec.kernel_size, spec.strides, spec.padding, spec.dilation_rate,
        spec.groups, spec.use_bias, "linear", "channels_last",
    )
    pre = np.ascontiguousarray(conv1d_from_spec(linear, x_cl, ka, b if use_bias else None))
    out_cl = pre if spec.activation == "linear" else apply_activation(pre, spec.activation).astype(dtype, copy=False)
    pl, pr = spec.padding_amounts(steps)
    lout = spec.output_length(steps)
    tap_padded = (
        np.arange(lout)[:, None] * spec.strides + np.arange(spec.kernel_size)[None, :] * spec.dilation_rate
    ).astype(np.intp)
    tap_input = tap_padded - pl
    tap_input[(tap_input < 0) | (tap_input >= steps)] = PAD
    cg = channels // spec.groups
    return Conv1DTrace(
        spec=spec,
        input_shape=tuple(int(v) for v in xa.shape),
        x=_readonly(x_cl),
        kernel=_readonly(ka.astype(dtype, copy=True)),
        bias=_readonly(b),
        pad_left=pl,
        pad_right=pr,
        padded=_readonly(np.pad(x_cl.astype(dtype, copy=False), ((0, 0), (pl, pr), (0, 0)))),
        tap_padded=_readonly(tap_padded),
        tap_input=_readonly(tap_input),
        filter_group=_readonly(np.arange(spec.filters, dtype=np.intp) // spec.filters_per_group),
        group_channels=_readonly(np.arange(channels, dtype=np.intp).reshape(spec.groups, cg)),
        pre_activation=_readonly(np.ascontiguousarray(pre)),
        output=_readonly(out_cl),
    )




