"""Undo commands: every edit of the model goes through one of these on a QUndoStack.

* :class:`ValuesCommand` -- some cells of one array (a typed cell, a pasted block);
* :class:`ArrayCommand` -- a whole array (an input generator, a kernel preset, a bias fill);
* :class:`SnapshotCommand` -- a layer argument or the input shape: the model before and after.

As in Qt's undo framework, ``redo()`` performs the change and ``undo()`` reverts it;
``QUndoStack.push`` calls ``redo()``.  Commands only call the state's setters, so the
views update as for any other edit.  The stack's clean state is the saved document:
``QUndoStack.cleanChanged`` drives the window's modified flag (app/features/file_actions.py).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QUndoCommand

from app.state.explorer import ExplorerState, Snapshot

__all__ = ["ARRAYS", "ArrayCommand", "SnapshotCommand", "ValuesCommand", "get_array", "set_array"]

ARRAYS = ("input", "kernel", "bias")


def get_array(state: ExplorerState, target: str) -> np.ndarray:
    """The state's array named ``target`` ('input', 'kernel' or 'bias'), not a copy."""
    if target == "input":
        return state.x
    if target == "kernel":
        return state.kernel
    if target == "bias":
        return state.raw_bias
    raise KeyError(target)


def set_array(state: ExplorerState, target: str, values: np.ndarray) -> None:
    if target == "input":
        state.set_input(values)
    elif target == "kernel":
        state.set_kernel(values)
    elif target == "bias":
        state.set_bias(values)
    else:
        raise KeyError(target)


class ValuesCommand(QUndoCommand):
    """Set ``array[index] = new`` (``index`` a tuple of index arrays); undo puts ``old`` back."""

    def __init__(
        self,
        state: ExplorerState,
        target: str,
        index: tuple[np.ndarray, ...],
        old: np.ndarray,
        new: np.ndarray,
        text: str,
    ) -> None:
        super().__init__(text)
        self.state = state
        self.target = target
        self.index = index
        self.old = np.array(old, dtype=np.float64)
        self.new = np.array(new, dtype=np.float64)

    def _put(self, values: np.ndarray) -> None:
        arr = get_array(self.state, self.target).copy()
        arr[self.index] = values
        set_array(self.state, self.target, arr)

    def redo(self) -> None:
        self._put(self.new)

    def undo(self) -> None:
        self._put(self.old)


class ArrayCommand(QUndoCommand):
    """Replace a whole array (same shape) with ``new``; undo restores ``old``."""

    def __init__(
        self, state: ExplorerState, target: str, old: np.ndarray, new: np.ndarray, text: str
    ) -> None:
        super().__init__(text)
        self.state = state
        self.target = target
        self.old = np.array(old, dtype=np.float64, copy=True)
        self.new = np.array(new, dtype=np.float64, copy=True)

    def redo(self) -> None:
        set_array(self.state, self.target, self.new)

    def undo(self) -> None:
        set_array(self.state, self.target, self.old)


class SnapshotCommand(QUndoCommand):
    """A change of the layer arguments or the input shape: redo puts ``after`` in place, undo ``before``.

    The state applies such a change as the widget asks and then reports it
    (``ExplorerState.structureEdited``), so ``after`` defaults to the model as it is
    when the command is made; the push's ``redo`` then finds it already in place.
    The kernel and bias may still be resized by the pending recompute: restoring a
    snapshot taken before it and recomputing gives the same arrays (``ExplorerState.snapshot``).
    """

    def __init__(self, state: ExplorerState, before: Snapshot, text: str, after: Snapshot | None = None) -> None:
        super().__init__(text)
        self.state = state
        self.before = before
        self.after = state.snapshot() if after is None else after

    def _put(self, snapshot: Snapshot) -> None:
        if not _same(self.state.snapshot(), snapshot):
            self.state.restore(snapshot)
            # Resize the kernel and bias now: the next command on the stack edits their cells.
            self.state.flush()

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)


def _same(a: Snapshot, b: Snapshot) -> bool:
    """The same model: the state never writes its arrays in place, so the same array objects."""
    return (a.layer == b.layer and a.x is b.x and a.kernel is b.kernel and a.bias is b.bias
            and (a.kind, a.output_padding) == (b.kind, b.output_padding))
