"""A model as a stack of layers: the layers in order, the input shape, Keras's layer names.

No Qt here (nor anywhere in :mod:`conv_core`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from .graph import Inbound
from .layers import Embedding, InputLayer, Layer
from .shape import Shape

__all__ = ["MAX_VALUES", "Stack", "auto_names", "example_input", "to_snake_case", "with_steps"]

#: The most numbers one run of a stack makes (its input, default weights and outputs together),
#: checked before any array is allocated: the app's limit on one setting (``LIMITS["values"]`` in
#: ``app.io.session``; a test keeps the two equal).  Shapes and parameter counts are arithmetic and
#: need no limit: a ``Conv1D(3, 5_000_000)`` is summarised, not computed.
MAX_VALUES = 4_000_000


def to_snake_case(name: str) -> str:
    """Keras's ``to_snake_case``: the prefix of an automatic layer name.

    >>> to_snake_case("MaxPooling1D"), to_snake_case("SimpleRNN"), to_snake_case("Conv1D")
    ('max_pooling1d', 'simple_rnn', 'conv1d')
    """
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


@dataclass(frozen=True)
class Stack:
    """Layers in Keras's order, with the input shape without the batch axis; a chain or a graph.

    A chain (Sequential, or a functional model without branches) leaves
    ``names``, ``inbound`` and ``outputs`` at their defaults.  A graph gives
    all three, and its inputs are :class:`~conv_core.stack.layers.InputLayer`
    layers in ``layers`` (see :mod:`conv_core.stack.graph` for the model).

    Attributes
    ----------
    layers : tuple of Layer
    input_shape : tuple or None
        E.g. ``(50, 300)``, ``(None, 14)`` for any number of steps, ``(500,)`` for token
        ids into an Embedding; ``None`` when unknown (every shape is then unknown).
    name : str
        The model's name (``'sequential'`` as Keras calls the first one).
    functional : bool
        Built with ``keras.Input`` and layer calls: the summary starts with an
        ``input_layer`` row, as Keras's does.
    batch_size : int or None
        A fixed batch size (``batch_input_shape`` / ``Input(batch_size=...)``).
    names : tuple of str or None
        Keras's layer names, numbered in creation order; ``None``: :func:`auto_names`.
    inbound : tuple of tuple of Inbound, or None
        A graph: per layer, the tensors it reads, in call order; ``None``: a chain.
    outputs : tuple of Inbound
        A graph's outputs (empty for a chain: its last layer).
    """

    layers: tuple[Layer, ...]
    input_shape: Shape | None
    name: str = "sequential"
    functional: bool = False
    batch_size: int | None = None
    names: tuple[str, ...] | None = None
    inbound: tuple[tuple[Inbound, ...], ...] | None = None
    outputs: tuple[Inbound, ...] = ()

    @property
    def is_graph(self) -> bool:
        """Built from a graph of calls (branches, merges, several inputs), not a chain."""
        return self.inbound is not None

    def layer_names(self) -> tuple[str, ...]:
        """Keras's name of every layer, in ``layers`` order."""
        return self.names if self.names is not None else auto_names(self.layers)

    def input_layers(self) -> tuple[InputLayer, ...]:
        """A graph's inputs, in ``layers`` order (empty for a chain)."""
        return tuple(layer for layer in self.layers if isinstance(layer, InputLayer)) if self.is_graph else ()


def auto_names(layers: Sequence[Layer]) -> tuple[str, ...]:
    """Keras 3's automatic names: ``conv1d``, ``conv1d_1``, ... (explicit names kept).

    >>> from conv_core.stack import Conv1D, MaxPooling1D
    >>> auto_names([Conv1D(filters=4, kernel_size=3), MaxPooling1D(), Conv1D(filters=4, kernel_size=3)])
    ('conv1d', 'max_pooling1d', 'conv1d_1')
    """
    counts: dict[str, int] = {}
    names = []
    for layer in layers:
        for inner in layer.inner_layers():  # a wrapped layer is created (and numbered) first
            if inner.name is None:
                _next_name(inner, counts)
        names.append(_next_name(layer, counts) if layer.name is None else layer.name)
    return tuple(names)


def _next_name(layer: Layer, counts: dict[str, int]) -> str:
    prefix = "input_layer" if isinstance(layer, InputLayer) else to_snake_case(layer.class_name)
    n = counts.get(prefix, 0)
    counts[prefix] = n + 1
    return prefix if n == 0 else f"{prefix}_{n}"


def with_steps(stack: Stack, steps: int) -> Stack:
    """The stack with ``None`` input steps replaced by ``steps`` (a length to compute and draw with).

    >>> with_steps(Stack((), (None, 14)), 240).input_shape
    (240, 14)
    """
    shape = stack.input_shape
    if shape is None or not shape or shape[0] is not None:
        return stack
    new_shape = (steps, *shape[1:])
    layers = stack.layers
    if stack.is_graph:  # every input with None steps gets them (they are drawn on one axis)
        layers = tuple(
            replace(layer, shape=(steps, *layer.shape[1:]))
            if isinstance(layer, InputLayer) and isinstance(layer.shape, tuple) and layer.shape
            and layer.shape[0] is None else layer
            for layer in layers)
    return replace(stack, layers=layers, input_shape=new_shape)


def example_input(stack: Stack, seed: int = 0) -> NDArray[np.float64] | None:
    """Deterministic values for a stack that gives only a shape: ``(1, *input_shape)``.

    A stack that starts with an Embedding gets word vectors ``(1, steps,
    output_dim)`` (:func:`run_stack` takes a 3-D input as already embedded).
    ``None`` when the shape is unknown or has ``None`` steps, or when it holds
    more than :data:`MAX_VALUES` numbers.

    >>> from conv_core.stack import Conv1D
    >>> example_input(Stack((Conv1D(filters=1, kernel_size=2),), (4, 2))).shape
    (1, 4, 2)
    >>> example_input(Stack((Embedding(input_dim=None, output_dim=3),), (5,))).shape
    (1, 5, 3)
    """
    shape = stack.input_shape
    if shape is None or any(not isinstance(v, int) or v <= 0 for v in shape):
        return None
    dims = [int(v) for v in shape if v is not None]
    first = next((layer for layer in stack.layers if not isinstance(layer, InputLayer)), None)
    if isinstance(first, Embedding) and len(dims) == 1:
        out_dim = first.output_dim
        if isinstance(out_dim, bool) or not isinstance(out_dim, int) or out_dim <= 0:
            return None
        dims = [dims[0], out_dim]
    size = 1
    for v in dims:
        size *= v
    if size > MAX_VALUES:  # refused before allocating (run_stack says why)
        return None
    rng = np.random.default_rng(seed)
    values: NDArray[np.float64] = np.round(rng.standard_normal((1, *dims)), 2)
    return values
