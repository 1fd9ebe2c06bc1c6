"""How much pasted Keras code the reader takes on: sizes, counts and time, checked before the work.

Every budget ends the reading with one :class:`~app.io.keras_code.results.Diagnostic`
whose ``code`` is ``budget_<name>`` (``budget_source``, ``budget_nodes``,
``budget_depth``, ``budget_layers``, ``budget_models``, ``budget_time``: an
``error``, the reading stops there and what was read so far is kept;
``budget_diagnostics``: a ``warning``, the remarks after it are not listed;
``budget_value``: a ``warning``, a layer with a whole number beyond
``int_value`` is kept as one the explorer cannot compute).  A loop longer than
``loop_passes`` keeps its ``loop_once`` warning (its body is read once) and a
literal beyond ``literal_items`` is read as not a literal.  The values
are chosen so that a real model (the largest Keras applications have about 800
layers) is far inside every budget and so that the reader's work, which is
linear in the source, stays under a second at the limits.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_BUDGETS", "Budgets"]


@dataclass(frozen=True)
class Budgets:
    """The reader's limits (see docs/stacks.md for why each value).

    Attributes
    ----------
    source_chars : int
        Characters of code, checked before parsing.  1,000,000: a 10,000-layer
        file is 470 KB; tutorials' models are under 20 KB.
    nodes : int
        Words and signs, counted before parsing, and Python syntax-tree nodes,
        counted right after.  300,000: a ``model.add(layers.Conv1D(4, 3,
        padding='same'))`` line has 19 words and signs and 13 nodes, so a
        10,000-layer file (190,000) passes; a 1 MB file of ``x=1`` lines
        (750,000), which would take Python's parser 700 MB, does not.
    depth : int
        Nesting of the syntax tree (brackets, calls, blocks, operators).  200,
        the nesting CPython's own parser allows for brackets; the reader's walk
        then stays far from Python's recursion limit.
    layers : int
        Layer objects created (a loop's passes count each).  1,000: above the
        largest Keras applications (EfficientNetB7 has 813 layers), and the
        most the layer-stack window can draw as rows.
    models : int
        Models created (``Sequential``, ``keras.Model``, unwrapped chains).  100.
    diagnostics : int
        Remarks listed.  1,000: past that a list of remarks no longer helps.
    literal_items : int
        Numbers and strings in one literal built from names (``a1 = (a0, a0)``
        ten times over is 2**10 items).  10,000; a longer one is not read.
    loop_passes : int
        Passes of one ``for`` loop that are unrolled: 256.  A longer loop's body
        is read once (``loop_once``).
    loop_total : int
        Passes unrolled over all loops together, nested ones included: 512, so
        that loops alone stay under the layer budget with a one-layer body.
    int_value : int
        Largest whole number read as an argument or a shape (2**31 - 1, the
        largest size TensorFlow's int32 shapes hold); a larger one makes the
        layer one the explorer cannot compute, with the value quoted in at
        most 60 characters.
    seconds : float
        Wall time of the whole reading, parsing included.  5 s: a 1,000-layer
        model reads in well under a second on a loaded classroom machine.
    reparse_chars : int
        Characters parsed again after syntax errors (each skipped line costs one
        more parse of the whole code).  20,000,000: up to 400 retries of a
        50 KB snippet, 20 of a 1 MB file, so the retries stay linear in the source.
    """

    source_chars: int = 1_000_000
    nodes: int = 300_000
    depth: int = 200
    layers: int = 1_000
    models: int = 100
    diagnostics: int = 1_000
    literal_items: int = 10_000
    loop_passes: int = 256
    loop_total: int = 512
    int_value: int = 2**31 - 1
    seconds: float = 5.0
    reparse_chars: int = 20_000_000


DEFAULT_BUDGETS = Budgets()
