"""The error demo's "Apply the fix" is an edit like any other: undoable, and it marks the window modified."""

from __future__ import annotations

import numpy as np

from app.io.examples import load_example


def test_error_demo_fix_is_undoable_and_marks_the_window_modified(window):
    window.state.load_session(load_example("classroom"))
    window.state.flush()
    fa, stack = window.file_actions, window.editing.undo_stack
    stack.setClean()  # the document as opened
    assert not window.isWindowModified() and not fa.modified
    shape, x, kernel = window.state.input_shape, window.state.x.copy(), window.state.kernel.copy()

    demo = window.classroom.error_demo
    assert demo.run() is not None  # Keras stops on the (batch, steps) input
    demo.fix_button.click()
    window.state.flush()
    assert window.state.input_shape == (1, 56, 1) and window.state.error is None
    assert window.isWindowModified() and fa.modified
    assert window.editing.undo_action.isEnabled()
    assert stack.undoText() == demo.fix_button.text()

    window.editing.undo_action.trigger()
    window.state.flush()
    assert window.state.input_shape == shape
    assert np.array_equal(window.state.x, x) and np.array_equal(window.state.kernel, kernel)
    assert not window.isWindowModified() and not fa.modified  # back at the document as opened

    window.editing.redo_action.trigger()
    window.state.flush()
    assert window.state.input_shape == (1, 56, 1) and window.state.error is None
    assert np.array_equal(window.state.x[0, :, 0], demo.x2d[0])
    assert window.isWindowModified()
