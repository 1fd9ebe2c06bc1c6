"""Receptive fields of a stack of Conv1D and pooling layers, exactly.

For each layer: the receptive field size, the jump (cumulative stride) and
the start of output 0's field in input coordinates (negative when it begins
in the padding).  For the last layer: the exact set of input steps every
output step depends on, holes under dilation included and padding excluded,
from composing the tap index maps of the layers.

Notes
-----
With ``keff_l = (k_l - 1)*d_l + 1``, ``s_l`` and the left padding ``p_l`` of
layer ``l`` (``r_0 = 1``, ``j_0 = 1``, ``start_0 = 0``)::

    r_l     = r_{l-1} + (keff_l - 1) * j_{l-1}
    j_l     = j_{l-1} * s_l
    start_l = start_{l-1} - p_l * j_{l-1}

Output ``t`` of layer ``l`` spans input steps ``start_l + t*j_l`` to
``start_l + t*j_l + r_l - 1``.  The exact dependency set is a subset of that
span: tap ``i`` of output ``t`` reads step ``t*s + i*d - p`` of the layer's
input (nothing when that is padding), and the sets compose layer by layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from .errors import KerasValueError
from .padding import effective_kernel_size, output_length, padding_amounts
from .spec import Conv1DSpec, Pool1DSpec

__all__ = ["FieldNumbers", "LayerField", "ReceptiveField", "StackLayer", "receptive_field"]


@dataclass(frozen=True)
class StackLayer:
    """One layer of a stack, by its geometry.

    Attributes
    ----------
    kind : {'conv', 'max_pool', 'average_pool'}
    size : int
        ``kernel_size`` or ``pool_size``.
    strides : int or None
        ``None`` means ``size`` for pooling (Keras's default) and 1 for conv.
    dilation_rate : int
        Conv only (1 for pooling).
    padding : {'valid', 'same', 'causal'}
        'causal' for conv only.

    Examples
    --------
    >>> StackLayer.from_spec(Pool1DSpec(3)).strides
    3
    """

    kind: str
    size: int
    strides: int | None = None
    dilation_rate: int = 1
    padding: str = "valid"

    def __post_init__(self) -> None:
        if self.kind == "conv":
            spec = Conv1DSpec(1, self.size, 1 if self.strides is None else self.strides, self.padding,
                              self.dilation_rate)
            strides, padding = spec.strides, spec.padding
            object.__setattr__(self, "size", spec.kernel_size)
            object.__setattr__(self, "dilation_rate", spec.dilation_rate)
        elif self.kind in ("max_pool", "average_pool"):
            if self.dilation_rate != 1:
                raise KerasValueError(
                    f"Pooling has no dilation_rate, received dilation_rate={self.dilation_rate}.",
                    "Leave dilation_rate at 1 for a pooling layer.",
                    code="pool_dilation",
                    values={"dilation_rate": self.dilation_rate},
                )
            pspec = Pool1DSpec(self.size, self.strides, self.padding)
            strides, padding = pspec.stride, pspec.padding
            object.__setattr__(self, "size", pspec.pool_size)
        else:
            raise KerasValueError(
                f"Unknown layer kind: {self.kind!r}.",
                "Use 'conv', 'max_pool' or 'average_pool'.",
                code="stack_kind",
                values={"kind": self.kind},
            )
        object.__setattr__(self, "strides", strides)
        object.__setattr__(self, "padding", padding)

    @classmethod
    def from_spec(cls, spec: Conv1DSpec | Pool1DSpec) -> StackLayer:
        """The geometry of a :class:`Conv1DSpec` or :class:`Pool1DSpec`."""
        if isinstance(spec, Conv1DSpec):
            return cls("conv", spec.kernel_size, spec.strides, spec.dilation_rate, spec.padding)
        return cls(f"{spec.kind}_pool", spec.pool_size, spec.stride, 1, spec.padding)

    @property
    def stride(self) -> int:
        assert self.strides is not None
        return self.strides

    @property
    def effective_size(self) -> int:
        """``keff = (k - 1)*d + 1``."""
        return effective_kernel_size(self.size, self.dilation_rate)

    def taps(self, steps: int) -> NDArray[np.intp]:
        """Input index of every tap, ``(L_out, size)``; -1 marks padding.

        >>> StackLayer("conv", 3, padding="same").taps(4).tolist()
        [[-1, 0, 1], [0, 1, 2], [1, 2, 3], [2, 3, -1]]
        """
        lout = self.output_length(steps)
        left = padding_amounts(steps, self.size, self.stride, self.padding, self.dilation_rate)[0]
        idx = (np.arange(lout)[:, None] * self.stride + np.arange(self.size)[None, :] * self.dilation_rate
               - left).astype(np.intp)
        idx[(idx < 0) | (idx >= steps)] = -1
        return idx

    def output_length(self, steps: int) -> int:
        """Keras's output length (0 for an empty pooling output)."""
        return max(output_length(steps, self.size, self.stride, self.padding, self.dilation_rate), 0)

    def pad_left(self, steps: int | None) -> int | None:
        """Zeros before the input; ``None`` when they depend on an unknown length.

        Known without the length for 'valid' (0), 'causal' (``keff - 1``) and
        'same' with ``strides=1`` (``(keff - 1) // 2``); an empty output has none.

        >>> StackLayer("conv", 4, padding="same").pad_left(None)
        1
        >>> StackLayer("max_pool", 2, padding="same").pad_left(None) is None  # strides=2: depends on L
        True
        """
        if steps is not None:
            if self.output_length(steps) == 0:
                return 0
            return padding_amounts(steps, self.size, self.stride, self.padding, self.dilation_rate)[0]
        if self.padding == "valid":
            return 0
        if self.padding == "causal":
            return self.effective_size - 1
        return (self.effective_size - 1) // 2 if self.stride == 1 else None


@dataclass(frozen=True)
class FieldNumbers:
    """Receptive field size, jump and start of one layer's outputs over the stack input.

    Output ``t`` spans input steps ``start + t*jump`` to ``start + t*jump + size - 1``
    (padding included); ``start`` is ``None`` when a left padding depends on an
    unknown input length.  The stack input itself is ``FieldNumbers(1, 1, 0)``.
    """

    size: int
    jump: int
    start: int | None

    def then(self, layer: StackLayer, steps: int | None) -> FieldNumbers:
        """The numbers after ``layer``, which receives ``steps`` steps (``None``: unknown).

        Notes
        -----
        ``r = r_prev + (keff - 1)*j_prev``, ``j = j_prev*s``, ``start = start_prev - p*j_prev``
        with ``p`` the layer's left padding (:meth:`StackLayer.pad_left`).

        Examples
        --------
        >>> FieldNumbers(1, 1, 0).then(StackLayer("conv", 3, padding="causal", dilation_rate=2), None)
        FieldNumbers(size=5, jump=1, start=-4)
        >>> FieldNumbers(5, 1, -4).then(StackLayer("max_pool", 2, padding="same"), None)
        FieldNumbers(size=6, jump=2, start=None)
        """
        left = layer.pad_left(steps)
        start = None if self.start is None or left is None else self.start - left * self.jump
        return FieldNumbers(self.size + (layer.effective_size - 1) * self.jump, self.jump * layer.stride, start)


@dataclass(frozen=True)
class LayerField:
    """Receptive-field numbers after one layer (in input coordinates of the stack)."""

    index: int
    layer: StackLayer
    input_length: int
    output_length: int
    pad_left: int
    pad_right: int
    size: int
    jump: int
    start: int


@dataclass(frozen=True, eq=False)
class ReceptiveField:
    """The receptive fields of a stack on an input of ``steps`` steps.

    Attributes
    ----------
    steps : int
        Input length of the stack.
    layers : tuple of LayerField
        Per layer: size, jump and start (see the module notes).
    depends : ndarray of bool, ``(L_out, steps)``
        ``depends[t, i]`` is True when output ``t`` of the last layer reads input ``i``.
    paths : ndarray of int, ``(L_out, steps)``
        How many chains of taps lead from input ``i`` to output ``t`` (the
        output of the stack with kernels of ones, no bias, sum pooling, on a
        one-hot input at ``i``).
    """

    steps: int
    layers: tuple[LayerField, ...]
    depends: NDArray[np.bool_]
    paths: NDArray[np.int64]

    @property
    def size(self) -> int:
        """Receptive field size of the last layer."""
        return self.layers[-1].size

    @property
    def jump(self) -> int:
        return self.layers[-1].jump

    @property
    def start(self) -> int:
        return self.layers[-1].start

    @property
    def output_length(self) -> int:
        return int(self.depends.shape[0])

    def inputs_of(self, t: int) -> NDArray[np.intp]:
        """Sorted input steps output ``t`` of the last layer depends on."""
        found: NDArray[np.intp] = np.flatnonzero(self.depends[t])
        return found

    def span_of(self, t: int) -> tuple[int, int]:
        """``(first, last)`` input coordinate of output ``t``'s field, padding included."""
        first = self.start + t * self.jump
        return (first, first + self.size - 1)

    @cached_property
    def unused_inputs(self) -> tuple[int, ...]:
        """Input steps no output of the last layer depends on."""
        return tuple(int(i) for i in np.flatnonzero(~self.depends.any(axis=0)))


def receptive_field(layers: Sequence[StackLayer | Conv1DSpec | Pool1DSpec], steps: int) -> ReceptiveField:
    """Receptive fields of ``layers`` applied in order to ``steps`` input steps.

    Parameters
    ----------
    layers : sequence of StackLayer, Conv1DSpec or Pool1DSpec
        At least one layer.
    steps : int
        Input length (>= 1).

    Returns
    -------
    ReceptiveField

    Raises
    ------
    KerasValueError
        A conv layer with padding='valid' on an input shorter than its dilated
        kernel (Keras's "Computed output size would be zero or negative"), or
        an invalid layer.

    Notes
    -----
    ``r_l = r_{l-1} + (keff_l - 1)*j_{l-1}``, ``j_l = j_{l-1}*s_l``,
    ``start_l = start_{l-1} - p_l*j_{l-1}``.  The exact sets compose the tap
    maps ``T_l`` ``(L_l, k_l)``: ``D_l[t] = OR_i D_{l-1}[T_l[t, i]]`` over taps
    not on padding, with ``D_0`` the identity.

    Examples
    --------
    >>> rf = receptive_field([StackLayer("conv", 3, dilation_rate=2), StackLayer("conv", 2)], 8)
    >>> [(f.size, f.jump, f.start) for f in rf.layers]
    [(5, 1, 0), (6, 1, 0)]
    >>> rf.inputs_of(0).tolist()
    [0, 1, 2, 3, 4, 5]
    >>> rf2 = receptive_field([StackLayer("conv", 2, dilation_rate=3)], 8)
    >>> rf2.inputs_of(0).tolist(), rf2.unused_inputs
    ([0, 3], ())
    >>> receptive_field([StackLayer("conv", 2, strides=3)], 8).unused_inputs
    (2, 5)
    """
    if not layers:
        raise KerasValueError("The stack has no layers.", "Add at least one layer.", code="stack_empty")
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise KerasValueError(
            f"The input length must be a positive integer, received steps={steps}.",
            "Give the number of input steps, 1 or more.",
            code="stack_steps",
            values={"steps": steps},
        )
    geoms = [lay if isinstance(lay, StackLayer) else StackLayer.from_spec(lay) for lay in layers]
    fields: list[LayerField] = []
    numbers = FieldNumbers(1, 1, 0)
    length = steps
    depends: NDArray[np.bool_] = np.eye(steps, dtype=bool)
    paths: NDArray[np.int64] = np.eye(steps, dtype=np.int64)
    for index, geom in enumerate(geoms):
        lout = geom.output_length(length)
        if geom.kind == "conv" and geom.padding == "valid" and length < geom.effective_size:
            raise KerasValueError(
                f"Computed output size would be zero or negative. Layer {index} (conv, padding=valid) "
                f"receives {length} steps but its dilated kernel spans {geom.effective_size}.",
                f"Layer {index} needs at least {geom.effective_size} input steps: lengthen the input, "
                "use padding='same', or shrink the kernels or strides before it.",
                code="stack_too_short",
                values={"layer": index, "steps": length, "keff": geom.effective_size},
            )
        left, right = padding_amounts(length, geom.size, geom.stride, geom.padding, geom.dilation_rate)
        if lout == 0:
            left = right = 0
        taps = geom.taps(length) if lout else np.zeros((0, geom.size), dtype=np.intp)
        # An extra all-False / all-zero row at index -1 absorbs the padding taps.
        dep_ext = np.vstack([depends, np.zeros((1, steps), dtype=bool)])
        path_ext = np.vstack([paths, np.zeros((1, steps), dtype=np.int64)])
        depends = np.asarray(dep_ext[taps].any(axis=1), dtype=bool)
        paths = np.asarray(path_ext[taps].sum(axis=1), dtype=np.int64)
        numbers = numbers.then(geom, length)
        assert numbers.start is not None  # the length is known
        fields.append(LayerField(index, geom, length, lout, left, right, numbers.size, numbers.jump, numbers.start))
        length = lout
    depends.setflags(write=False)
    paths.setflags(write=False)
    return ReceptiveField(steps, tuple(fields), depends, paths)
