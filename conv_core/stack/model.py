"""A model as a stack of layers: the layers in order, the input shape, Keras's layer names.

No Qt here (nor anywhere in :mod:`conv_core`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .layers import Embedding, Layer
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
    """Layers in order, with the input shape without the batch axis.

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
    """

    layers: tuple[Layer, ...]
    input_shape: Shape | None
    name: str = "sequential"
    functional: bool = False
    batch_size: int | None = None


def auto_names(layers: Sequence[Layer]) -> tuple[str, ...]:
    """Keras 3's automatic names: ``conv1d``, ``conv1d_1``, ... (explicit names kept).

    >>> from conv_core.stack import Conv1D, MaxPooling1D
    >>> auto_names([Conv1D(filters=4, kernel_size=3), MaxPooling1D(), Conv1D(filters=4, kernel_size=3)])
    ('conv1d', 'max_pooling1d', 'conv1d_1')
    """
    counts: dict[str, int] = {}
    names = []
    for layer in layers:
        if layer.name is not None:
            names.append(layer.name)
            continue
        prefix = to_snake_case(layer.class_name)
        n = counts.get(prefix, 0)
        counts[prefix] = n + 1
        names.append(prefix if n == 0 else f"{prefix}_{n}")
    return tuple(names)


def with_steps(stack: Stack, steps: int) -> Stack:
    """The stack with ``None`` input steps replaced by ``steps`` (a length to compute and draw with).

    >>> with_steps(Stack((), (None, 14)), 240).input_shape
    (240, 14)
    """
    shape = stack.input_shape
    if shape is None or not shape or shape[0] is not None:
        return stack
    return Stack(stack.layers, (steps, *shape[1:]), stack.name, stack.functional, stack.batch_size)


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
    if stack.layers and isinstance(stack.layers[0], Embedding) and len(dims) == 1:
        out_dim = stack.layers[0].output_dim
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
