"""Undo commands: every edit of the model goes through one of these on a QUndoStack.

* :class:`ValuesCommand` -- some cells of one array (a typed cell, a pasted block);
* :class:`ArrayCommand` -- a whole array (an input generator, a kernel preset, a bias fill);
* :class:`SnapshotCommand` -- a layer argument or the input shape, already applied by the
  widget; it stores the model before, and the model after on its first undo.

Commands only call the state's setters, so the views update as for any other edit.
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
    """A change a widget already made (layer argument, input shape): undo restores the model before it.

    The first ``redo`` (QUndoStack.push calls it) does nothing; the model after the
    change is captured on the first undo, so redo restores exactly what the user had.
    """

    def __init__(self, state: ExplorerState, before: Snapshot, text: str) -> None:
        super().__init__(text)
        self.state = state
        self.before = before
        self.after: Snapshot | None = None
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        assert self.after is not None
        self.state.restore(self.after)
        self._applied = True

    def undo(self) -> None:
        if self.after is None:
            self.after = self.state.snapshot()
        self.state.restore(self.before)
        self._applied = False
