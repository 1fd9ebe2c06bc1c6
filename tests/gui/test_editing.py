"""Editing numbers in the diagram, generators, presets, paste, resizing and undo/redo."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.features.editing import parse_block, parse_value
from app.state.explorer import CellRef
from conv_core import conv1d, make_kernel
from conv_core.signals import make_signal


@pytest.fixture
def classroom(window):
    window.open_example("classroom")
    window.state.flush()
    return window, window.editing


def _model(state):
    state.flush()
    return (dict(state.layer), state.x.copy(), state.kernel.copy(), state.raw_bias.copy())


def _same(a, b):
    pairs = zip(a[1:], b[1:], strict=True)
    return a[0] == b[0] and all(x.shape == y.shape and np.array_equal(x, y) for x, y in pairs)


def _expected_output(state):
    return conv1d(
        state.x,
        state.kernel,
        state.bias,
        **{k: v for k, v in state.layer.items() if k not in ("filters", "use_bias")},
    )


def test_click_a_cell_type_and_enter_recomputes_output_and_math(classroom, qtbot):
    window, ed = classroom
    d, state = window.diagram, window.state
    math = window.inspect.math_panel
    ref = CellRef("input", step=6, channel=1)
    qtbot.mouseClick(d.viewport(), Qt.MouseButton.LeftButton, pos=d.widget_pos_of(ref))
    assert state.pinned == ref
    qtbot.keyClick(d, Qt.Key.Key_5)  # typing on the selected cell opens the editor with that key
    assert ed.editor.isVisible() and ed.editor.text() == "5" and ed.editing == ref
    assert ed.editor.geometry().contains(d.widget_pos_of(ref))  # the editor sits over the clicked cell
    qtbot.keyClick(ed.editor, Qt.Key.Key_Return)
    assert not ed.editor.isVisible()
    state.flush()
    assert state.x[0, 6, 1] == 5.0
    np.testing.assert_allclose(state.trace.output, _expected_output(state))
    assert ed.undo_stack.undoText() == "Edit input x[0, 6, 1]: -1 → 5"
    window.diagram.pin_cell("output", 5, 0)  # y[5, 0] reads steps 5, 6, 7: the new 5 is in its sum
    text = math.plain_text()
    cell = state.trace.cell(0, 5, 0)
    assert "5·(−1)" in text and f"y[0, 5, 0] = {int(cell.value)}" in text
    # the other direction: the model changes (undo) and the diagram's number and the math follow
    ed.undo_stack.undo()
    state.flush()
    assert state.x[0, 6, 1] == -1.0
    assert "(−1)·(−1)" in math.plain_text()
    assert d.input_panel.texts.text_at(6, 1) == "-1"


def test_double_click_edits_a_weight_and_the_bias(classroom, qtbot):
    window, ed = classroom
    d, state = window.diagram, window.state
    w_ref = CellRef("kernel", tap=2, channel=3, filter=1)
    qtbot.mouseDClick(d.viewport(), Qt.MouseButton.LeftButton, pos=d.widget_pos_of(w_ref))
    assert ed.editing == w_ref and ed.editor.text() == "0"
    ed.editor.setText("2.5")
    qtbot.keyClick(ed.editor, Qt.Key.Key_Down)  # down from the last channel: the bias row
    assert ed.editing == CellRef("bias", filter=1)
    assert state.kernel[2, 3, 1] == 2.5
    before = state.trace.output[0, :, 1].copy() if state.flush() is None else None
    ed.editor.setText("-3")
    qtbot.keyClick(ed.editor, Qt.Key.Key_Return)
    state.flush()
    assert state.raw_bias[1] == -3.0
    np.testing.assert_allclose(state.trace.output[0, :, 1], before - 1 - 3)  # bias was 1
    assert ed.undo_stack.undoText() == "Edit bias bias[1]: 1 → -3"
    b_rect = d.widget_rect_of(CellRef("bias", filter=1))
    assert d.ref_at(d.mapToScene(b_rect.center())) == CellRef("bias", filter=1)


GARBAGE = [
    ("abc", "'abc' is not a number"),
    ("", "Type a number"),
    ("1e999", "'1e999' is too large"),
    ("nan", "cannot be used"),
    ("--1", "'--1' is not a number"),
    ("inf", "Infinity cannot be used"),
]


def test_garbage_is_rejected_inline_and_changes_nothing(classroom, qtbot):
    window, ed = classroom
    state = window.state
    before = _model(state)
    trace = state.trace
    ref = CellRef("kernel", tap=0, channel=0, filter=0)
    for typed, message in GARBAGE:
        assert ed.open_editor(ref)
        ed.editor.setText(typed)
        qtbot.keyClick(ed.editor, Qt.Key.Key_Return)
        assert message in ed.last_message, typed
        assert ed.message.isVisible() and message in ed.message.text()
        assert ed.editor.isVisible() and ed.editing == ref  # still editing, so the learner can fix it
        assert _same(_model(state), before) and state.trace is trace
        assert ed.undo_stack.count() == 0
        qtbot.keyClick(ed.editor, Qt.Key.Key_Escape)
        assert not ed.editor.isVisible() and _same(_model(state), before)


def test_parse_value_accepts_what_learners_type():
    assert parse_value("−2") == -2.0 and parse_value("１.５") == 1.5 and parse_value("+.5e1") == 5.0
    with pytest.raises(ValueError, match="is too large"):
        parse_value("2e16")  # the numeric contract: within ±1e15 (app.io.numeric)
    with pytest.raises(ValueError, match="Row 2, column 1"):
        parse_block("1,2\nx,3")


def test_tab_and_arrows_walk_the_cells_in_screen_order(classroom, qtbot):
    window, ed = classroom
    state = window.state
    ed.open_editor(CellRef("input", step=14, channel=0))
    ed.editor.setText("7")
    qtbot.keyClick(ed.editor, Qt.Key.Key_Tab)
    assert ed.editing == CellRef("input", step=15, channel=0)
    qtbot.keyClick(ed.editor, Qt.Key.Key_Tab)  # wraps to the next channel row
    assert ed.editing == CellRef("input", step=0, channel=1)
    qtbot.keyClick(ed.editor, Qt.Key.Key_Backtab)
    assert ed.editing == CellRef("input", step=15, channel=0)
    qtbot.keyClick(ed.editor, Qt.Key.Key_Down)
    assert ed.editing == CellRef("input", step=15, channel=1)
    qtbot.keyClick(ed.editor, Qt.Key.Key_Left)  # the text is all selected: the arrow moves
    assert ed.editing == CellRef("input", step=14, channel=1)
    position = state.position
    qtbot.keyClick(ed.editor, Qt.Key.Key_Minus)  # typed into the cell, not the transport's 'slower'
    assert ed.editor.text() == "-" and state.position == position
    qtbot.keyClick(ed.editor, Qt.Key.Key_Escape)
    state.flush()
    assert state.x[0, 14, 0] == 7.0 and ed.undo_stack.count() == 1
    # Keras printout orientation: screen x runs over channels
    state.set_view(orientation="keras_rows")
    ed.open_editor(CellRef("kernel", tap=0, channel=3, filter=0))
    qtbot.keyClick(ed.editor, Qt.Key.Key_Right)
    assert ed.editing == CellRef("bias", filter=0)
    qtbot.keyClick(ed.editor, Qt.Key.Key_Down)  # bias column: down walks the filters
    assert ed.editing == CellRef("bias", filter=1)


def test_paste_a_3x4_tsv_block_from_the_clipboard(classroom, qtbot):
    window, ed = classroom
    state, d = window.state, window.diagram
    old = state.x.copy()
    qtbot.mouseClick(
        d.viewport(), Qt.MouseButton.LeftButton, pos=d.widget_pos_of(CellRef("input", step=2, channel=1))
    )
    QGuiApplication.clipboard().setText("1\t2\t3\t4\n5\t6\t7\t8\n9\t10\t11\t12\n")
    ed.paste_action.trigger()
    state.flush()
    # rows as on screen: a row runs along the steps of one channel
    np.testing.assert_array_equal(state.x[0, 2:6, 1:4].T, np.arange(1, 13).reshape(3, 4))
    mask = np.ones_like(old, dtype=bool)
    mask[0, 2:6, 1:4] = False
    np.testing.assert_array_equal(state.x[mask], old[mask])
    np.testing.assert_allclose(state.trace.output, _expected_output(state))
    assert ed.undo_stack.undoText() == "Paste 3 × 4 values into x[0, 2, 1]"
    ed.undo_stack.undo()
    state.flush()
    np.testing.assert_array_equal(state.x, old)
    # a block running past the end is clipped, and says so; comma-separated works too
    assert ed.paste_text("1,2,3\n4,5,6", at=CellRef("input", step=14, channel=3))
    state.flush()
    assert state.x[0, 14, 3] == 1 and state.x[0, 15, 3] == 2 and "4 values did not fit" in ed.last_message
    assert not ed.paste_text("1\tx", at=CellRef("input", step=0, channel=0))
    assert "Row 1, column 2" in ed.last_message


def test_generators_and_presets_from_the_data_menu(classroom):
    window, ed = classroom
    state = window.state
    assert ed.data_menu.title() == "&Data"
    ed.set_seed(7)
    ed.generator_actions["random_integers"].trigger()
    state.flush()
    np.testing.assert_array_equal(state.x, make_signal("random_integers", (1, 16, 4), seed=7))
    assert state.x.min() >= 1 and state.x.max() <= 5
    assert ed.undo_stack.undoText() == "Input: Random integers 1…5 (as in the course) (seed 7)"
    ed.preset_actions["ones"].trigger()
    state.flush()
    assert (state.kernel == 1).all()
    np.testing.assert_allclose(
        state.trace.output[0, :, 0],
        state.x[0].sum(axis=1)[:-2]
        + state.x[0].sum(axis=1)[1:-1]
        + state.x[0].sum(axis=1)[2:]
        + state.raw_bias[0],
    )
    ed.preset_actions["he_normal"].trigger()
    state.flush()
    np.testing.assert_array_equal(state.kernel, make_kernel("he_normal", (3, 4, 3), seed=7))
    for name in ("uniform", "normal", "sine", "square", "step", "impulse", "one_hot_words"):
        ed.generator_actions[name].trigger()
        state.flush()
        np.testing.assert_array_equal(state.x, make_signal(name, (1, 16, 4), seed=7))
    for name in ("moving_average", "difference", "identity", "glorot_uniform"):
        ed.preset_actions[name].trigger()
        state.flush()
        np.testing.assert_array_equal(state.kernel, make_kernel(name, (3, 4, 3), seed=7))
    window.layer_panel.kernel_size.setValue(1)
    state.flush()
    kernel = state.kernel.copy()
    assert not ed.apply_preset("difference")
    assert "kernel_size >= 2" in ed.last_message and np.array_equal(state.kernel, kernel)


def test_resizing_keeps_the_values_that_still_fit(classroom):
    window, ed = classroom
    state, panel = window.state, window.layer_panel
    x, kernel, bias = state.x.copy(), state.kernel.copy(), state.raw_bias.copy()
    panel.steps.setValue(20)
    panel.channels.setValue(3)
    panel.filters.setValue(5)
    state.flush()
    assert state.x.shape == (1, 20, 3) and state.kernel.shape == (3, 3, 5) and state.raw_bias.shape == (5,)
    np.testing.assert_array_equal(state.x[:, :16, :3], x[:, :, :3])
    np.testing.assert_array_equal(state.kernel[:, :3, :3], kernel[:, :3, :])
    np.testing.assert_array_equal(state.raw_bias[:3], bias)
    panel.steps.setValue(10)
    panel.kernel_size.setValue(2)
    state.flush()
    np.testing.assert_array_equal(state.x[:, :10], x[:, :10, :3])
    np.testing.assert_array_equal(state.kernel[:2, :3, :3], kernel[:2, :3, :])
    assert ed.undo_stack.undoText() == "Change kernel_size: 3 → 2"


def test_undo_redo_restore_exactly(classroom, qtbot):
    window, ed = classroom
    state = window.state
    models = [_model(state)]
    steps = [
        lambda: ed.set_cell(CellRef("input", step=3, channel=1), "5"),
        lambda: ed.set_cell(CellRef("kernel", tap=0, channel=2, filter=1), "-0.5"),
        lambda: ed.set_cell(CellRef("bias", filter=2), "4"),
        lambda: ed.apply_generator("normal"),
        lambda: ed.apply_preset("glorot_uniform"),
        lambda: ed.paste_text(
            "1\t2\t3\t4\n5\t6\t7\t8\n9\t10\t11\t12", at=CellRef("input", step=0, channel=0)
        ),
        lambda: window.layer_panel.filters.setValue(5),
        lambda: window.layer_panel.channels.setValue(2),
        lambda: window.layer_panel.padding.setCurrentText("same"),
        lambda: window.layer_panel.steps.setValue(9),
    ]
    for step in steps:
        step()
        models.append(_model(state))
        assert not _same(models[-1], models[-2])
    assert ed.undo_stack.count() == len(steps)
    assert [ed.undo_stack.text(i) for i in range(6, 10)] == [
        "Change filters: 3 → 5",
        "Change input shape: (1, 16, 4) → (1, 16, 2)",
        "Change padding: 'valid' → 'same'",
        "Change input shape: (1, 16, 2) → (1, 9, 2)",
    ]
    for i in range(len(steps), 0, -1):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert _same(_model(state), models[i - 1]), i
    assert window.layer_panel.filters.value() == 3 and window.layer_panel.padding.currentText() == "valid"
    for i in range(1, len(steps) + 1):
        qtbot.keyClick(
            window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        assert _same(_model(state), models[i]), i
    np.testing.assert_allclose(state.trace.output, _expected_output(state))
    assert window.layer_panel.steps.value() == 9
    window.open_example("seed-ones")  # a new document starts a new history
    assert ed.undo_stack.count() == 0


def test_rapid_edits_are_debounced(classroom, qtbot):
    window, ed = classroom
    state = window.state
    state._timer.setInterval(40)
    traces = []
    state.traceChanged.connect(traces.append)
    for v in range(6):
        ed.set_cell(CellRef("input", step=v, channel=0), str(v + 10))
    assert traces == []  # nothing recomputed yet
    qtbot.waitUntil(lambda: len(traces) == 1, timeout=2000)
    qtbot.wait(60)
    assert len(traces) == 1 and state.trace.x[0, 5, 0] == 15


def test_a_structure_command_performs_its_change_in_redo(classroom):
    """Qt's idiom: redo() makes the change, undo() reverts it, whoever applied it first."""
    from app.state.undo import SnapshotCommand

    window, _ed = classroom
    state = window.state
    before = state.snapshot()
    state.set_layer_arg("filters", 5)
    after = state.snapshot()
    command = SnapshotCommand(state, before, "filters 3 → 5", after=after)
    state.restore(before)
    state.flush()
    assert state.layer["filters"] == 3 and state.kernel.shape[-1] == 3
    command.redo()
    assert state.layer["filters"] == 5 and state.kernel.shape[-1] == 5  # resized at once, not later
    command.undo()
    assert state.layer["filters"] == 3 and state.kernel.shape[-1] == 3


def test_the_modified_flag_follows_the_undo_stack(classroom, qtbot, tmp_path):
    window, ed = classroom
    fa, state = window.file_actions, window.state
    qtbot.wait(50)  # the recompute after opening is not an edit
    assert not window.isWindowModified() and not fa.modified
    ed.set_cell(CellRef("input", step=3, channel=1), "5")
    assert window.isWindowModified() and fa.modified
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()  # back at the document as opened
    window.layer_panel.filters.setValue(5)
    assert window.isWindowModified()
    assert fa.save_to(tmp_path / "five.json")
    assert not window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.isWindowModified() and state.layer["filters"] == 3  # the saved file has 5
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.isWindowModified() and state.layer["filters"] == 5
    state.set_view(theme="dark", show_numbers=False)  # how it looks is not an edit of the document
    assert not window.isWindowModified()


def test_importing_an_input_is_undoable_and_marks_the_window_modified(classroom, tmp_path, monkeypatch):
    window, ed = classroom
    state = window.state
    x = state.x.copy()
    np.save(tmp_path / "x.npy", np.arange(30.0).reshape(1, 10, 3))
    previews: list[str] = []

    def accept(_parent, _title, text, buttons=None, default=None, *a, **k):
        previews.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(accept))
    assert window.file_actions.import_path(tmp_path / "x.npy")
    assert len(previews) == 1 and "(1, 10, 3)" in previews[0]  # the shape is shown before the input is replaced
    assert state.x.shape == (1, 10, 3) and window.isWindowModified()
    assert ed.undo_stack.undoText() == "Import x.npy"
    ed.undo_stack.undo()
    state.flush()
    np.testing.assert_array_equal(state.x, x)
    assert not window.isWindowModified()
