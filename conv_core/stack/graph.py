"""Models as graphs: which layer reads which, in the order Keras's ``model.summary()`` lists them.

A Sequential model is a chain; a functional model is a directed acyclic graph
of layer calls (branches, merges, several inputs).  The explorer keeps both
in one :class:`~conv_core.stack.model.Stack`:

``Stack.layers``
    Every layer once, **in Keras's summary order** (``model.layers``).  In a
    graph the model inputs are layers too (:class:`~conv_core.stack.layers.InputLayer`,
    one per ``keras.Input``), so a model with several inputs needs nothing else.
``Stack.names``
    Keras's name of each layer (``conv1d``, ``conv1d_1``, ``input_layer``, ...),
    numbered in the order the code *creates* the layers, as Keras does (a
    layer wrapped in ``Bidirectional`` or built in a ``for`` loop counts where
    it is created).  ``None`` for a chain: :func:`~conv_core.stack.model.auto_names`
    numbers it.
``Stack.inbound``
    Per layer, what it reads: a tuple of :class:`Inbound` (the name of the
    layer it reads and which of that layer's outputs), in the order the call
    passes them (``Concatenate()([a, b])`` reads ``a`` then ``b``).  Input
    layers read nothing (``()``).  ``None`` for a chain (each layer reads the
    one before it; the first reads the model input).
``Stack.outputs``
    The model's outputs (``keras.Model(inputs, outputs)``), as :class:`Inbound`.

:func:`keras_order` sorts layers the way Keras 3 does (``keras.src.ops.function.map_graph``):
by depth from the outputs, deepest first; layers at the same depth in the
order a depth-first walk from the outputs first meets them.

The summary (:func:`~conv_core.stack.summary.summarize`) gives each row
``inputs`` (the names it reads), ``connected_to`` (Keras's "Connected to"
column: ``conv1d[0][0]``, one entry per tensor read; ``-`` for an input) and,
for a layer that merges branches, the receptive field of each branch.

Examples
--------
>>> order = keras_order({"in": (), "a": (Inbound("in"),), "b": (Inbound("in"),),
...                      "cat": (Inbound("a"), Inbound("b"))}, [Inbound("cat")])
>>> order
['in', 'a', 'b', 'cat']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Inbound", "connected_to", "keras_order"]


@dataclass(frozen=True)
class Inbound:
    """One tensor a layer reads: the output ``tensor`` of layer ``layer``.

    ``tensor`` is 0 except for layers with several outputs (an LSTM with
    ``return_state=True`` gives the output, then the states: ``lstm[0][1]``).
    """

    layer: str
    tensor: int = 0

    def __str__(self) -> str:
        """Keras's "Connected to" entry: ``conv1d[0][0]`` (node 0: the explorer calls each layer once)."""
        return f"{self.layer}[0][{self.tensor}]"


def connected_to(inbound: Sequence[Inbound]) -> str:
    """The "Connected to" cell of Keras's functional summary.

    >>> connected_to([Inbound("conv1d"), Inbound("lstm", 1)]), connected_to([])
    ('conv1d[0][0], lstm[0][1]', '-')
    """
    return ", ".join(str(i) for i in inbound) if inbound else "-"


def keras_order(inbound: Mapping[str, Sequence[Inbound]], outputs: Sequence[Inbound]) -> list[str]:
    """Layer names in the order of Keras 3's ``model.layers`` for a functional model.

    ``inbound`` maps every layer name to what it reads (inputs read nothing).
    Layers that no output reaches are left out, as Keras leaves them out;
    an input that no output reaches comes last (Keras puts unused inputs at
    depth 0).  The walk is iterative (a deep model must not exhaust Python's
    recursion limit).

    Notes
    -----
    Keras's ``_build_map`` walks depth-first from each output, numbering each
    layer when first met (pre-order), and lists nodes after their inputs
    (post-order).  Depths are then set from the outputs backwards: a layer's
    depth is one more than the deepest layer that reads it.  ``model.layers``
    is sorted by decreasing depth, ties by the pre-order number.
    """
    index: dict[str, int] = {}
    post: list[str] = []
    done: set[str] = set()
    for out in outputs:
        if out.layer not in inbound or out.layer in done:
            continue
        stack: list[tuple[str, int]] = [(out.layer, 0)]
        in_progress = {out.layer}
        index.setdefault(out.layer, len(index))
        while stack:
            name, k = stack[-1]
            parents = inbound.get(name, ())
            if k < len(parents):
                stack[-1] = (name, k + 1)
                parent = parents[k].layer
                if parent in done or parent in in_progress or parent not in inbound:
                    continue
                index.setdefault(parent, len(index))
                in_progress.add(parent)
                stack.append((parent, 0))
                continue
            stack.pop()
            in_progress.discard(name)
            done.add(name)
            post.append(name)
    depth: dict[str, int] = {}
    for name in reversed(post):
        d = depth.setdefault(name, 0)
        for wire in inbound.get(name, ()):
            if wire.layer in done:
                depth[wire.layer] = max(depth.get(wire.layer, 0), d + 1)
    ordered = sorted(post, key=lambda n: (-depth[n], index[n]))
    unused = [n for n, parents in inbound.items() if not parents and n not in done]
    return ordered + unused
