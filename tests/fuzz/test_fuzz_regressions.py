"""Bugs the GUI fuzzer found, each pinned by the shortest sequence of user actions that showed it."""

from __future__ import annotations

import numpy as np
import pytest

from app.state.explorer import CellRef


@pytest.fixture
def win(fuzz_window):
    """The window as a user has it: the real 30 ms debounce, so edits arrive while a recompute waits."""
    return fuzz_window, fuzz_window.editing


def test_edit_right_after_an_undo_uses_the_resized_kernel_and_stays_undoable(win):
    """Fuzzer seed 202: undo a shape change, type into a kernel cell before the recompute ran.

    The undo put back a model whose kernel still had 4 channels for an input of 2; the edit
    went into channel 3, the recompute then dropped it, and undoing the edit indexed out of
    bounds inside QUndoStack: a segmentation fault.
    """
    window, ed = win
    state, panel = window.state, window.layer_panel
    panel.channels.setValue(2)
    panel.steps.setValue(32)  # recorded while the 2-channel kernel was still pending
    state.flush()
    ed.undo_action.trigger()  # back to 16 steps; the recompute is pending again
    assert ed.set_cell(CellRef("kernel", tap=1, channel=3, filter=0), "-7") == "This cell cannot be edited."
    assert ed.set_cell(CellRef("kernel", tap=1, channel=1, filter=0), "-7") is None
    state.flush()
    assert state.kernel.shape == (3, 2, 3) and state.kernel[1, 1, 0] == -7
    ed.undo_action.trigger()  # the edit
    ed.undo_action.trigger()  # the shape change
    state.flush()
    assert state.input_shape == (1, 16, 4) and state.kernel.shape == (3, 4, 3)
    ed.redo_action.trigger()
    ed.redo_action.trigger()
    state.flush()
    assert state.kernel[1, 1, 0] == -7
    np.testing.assert_array_equal(state.trace.kernel, state.kernel)


def test_exponential_overflow_is_inf_as_in_keras_without_a_warning(win):
    """Fuzzer seed 202: activation='exponential' on sums over ~709 warned (an error in the tests)
    and then the colour bar refused the level inf, so the output panel stopped updating."""
    import warnings

    from conv_core import conv1d

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = conv1d(np.full((1, 4, 1), 400.0), np.ones((2, 1, 1)), activation="exponential")
    assert np.isinf(y).all()
    window, _ = win
    state = window.state
    state.set_input(np.full(state.x.shape, 300.0))
    window.layer_panel.activation.setCurrentText("exponential")
    state.flush()
    assert state.error is None and np.isinf(state.trace.output).any()
    window.transport.last()
    d = window.diagram
    assert np.isfinite(d.output_panel.level)
    filled = d._orient(state.filled_mask())
    assert (np.isnan(d.output_panel.image.image) == ~filled).all()  # inf cells are drawn, not blank


def test_batch_shrink_while_invalid_moves_the_diagram_to_sample_0(win):
    """Fuzzer seed 303: with an invalid setting shown, shrinking the batch reset the sample to 0
    silently; the diagram kept drawing sample 3 of the last valid picture under 'show sample 0'."""
    window, _ = win
    state, panel, d = window.state, window.layer_panel, window.diagram
    panel.batch.setValue(4)
    state.flush()
    panel.sample.setValue(3)
    panel.groups.setValue(0)  # invalid: the last valid picture stays
    state.flush()
    assert state.error is not None
    panel.batch.setValue(1)
    state.flush()
    assert state.view.sample == 0 == panel.sample.value()
    tr = state.trace
    np.testing.assert_array_equal(d.input_panel.image.image, d._orient(tr.padded[0]))
    assert d.input_panel.plot.titleLabel.text.startswith("Input x[0]")
    window.editing.undo_action.trigger()  # batch back to 4: sample 0 stays valid
    state.flush()
    assert state.view.sample == 0


def test_opening_a_session_whose_input_is_too_short_keeps_the_last_picture(win, tmp_path, monkeypatch):
    """Fuzzer seed 848841: the app saved an invalid setting (dilation_rate=8 over 16 steps) and opened
    it again.  Loading dropped the trace, the diagram kept drawing the old one, and the next view
    change raised (filled_mask of no trace against the old output)."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    window, _ = win
    state, files = window.state, window.file_actions
    window.open_example("classroom")
    state.flush()
    picture = state.trace
    window.layer_panel.dilation_rate.setValue(8)  # k_eff = 17 > 16 steps
    state.flush()
    assert state.error is not None
    assert files.save_to(tmp_path / "short.json")
    window.open_example("odd-same")
    state.flush()
    picture = state.trace
    assert files.open_path(tmp_path / "short.json")
    assert state.error is not None and state.layer["dilation_rate"] == 8
    assert state.trace is picture and window.diagram._trace is picture  # the last valid picture stays
    window.orientation_action.trigger()  # a view change redraws it without error
    window.transport.last()
    assert not window.layer_panel.error_label.isHidden()
    window.layer_panel.dilation_rate.setValue(1)
    state.flush()
    assert state.error is None and state.trace.steps == 16


@pytest.mark.parametrize("orientation", ["time_lr", "keras_rows"])
def test_paste_while_invalid_uses_the_model_sizes_not_the_last_picture(win, orientation):
    """Fuzzer seed 848841: with an invalid setting the trace is the last valid picture; paste took
    its sizes (4 channels) and indexed the 1-channel input out of bounds."""
    window, ed = win
    state, panel = window.state, window.layer_panel
    state.set_view(orientation=orientation)
    panel.groups.setValue(2)
    state.flush()
    panel.channels.setValue(1)  # 1 channel is not divisible by groups=2: invalid
    state.flush()
    assert state.error is not None and state.trace.channels == 4
    block = "1\t2" if orientation == "keras_rows" else "1\n2"  # the second value lands on channel 1
    assert ed.paste_text(block)
    state.flush()
    assert state.x[0, 0, 0] == 1
    assert "1 value did not fit" in ed.last_message
    ed.undo_action.trigger()
    state.flush()
    assert state.x.shape == (1, 16, 1)
