"""The model window: open the text CNN, type a sentence's token ids, show its second Conv1D in the diagram."""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.io.session import load_session
from tests.model.conftest import DATA, keras_input, keras_output

SHOTS = os.environ.get("MODEL_SCREENSHOTS")  # a folder: save what the test shows, to look at


def _open(window, qtbot, name="text_cnn", file="model.keras"):
    mw = window.model_actions.open_path(DATA / name / file)
    assert mw is not None, window.model_actions.last_message
    qtbot.waitExposed(mw)
    return mw


def test_text_cnn_second_conv_on_typed_token_ids_equals_keras(window, qtbot, tmp_path):
    mw = _open(window, qtbot)
    assert mw.table.rowCount() == 6
    assert mw.table.item(3, 0).text() == "conv1d_1 (Conv1D)"
    assert mw.table.item(3, 1).text() == "(None, 7, 5)" and mw.table.item(3, 2).text() == "95"
    assert mw.table.item(3, 3).text() == "8"  # receptive field over the tokens
    assert set(mw.show_buttons) == {"conv1d", "conv1d_1"}
    ids = keras_input("text_cnn")[0]
    mw.tokens.clear()
    qtbot.keyClicks(mw.tokens, " ".join(str(int(v)) for v in ids))
    qtbot.mouseClick(mw.tokens_button, Qt.MouseButton.LeftButton)
    assert mw.input_x is not None and mw.input_x.tolist() == [ids.tolist()]
    qtbot.mouseClick(mw.show_buttons["conv1d_1"], Qt.MouseButton.LeftButton)
    state = window.state
    state.flush()
    # the diagram's input is what conv1d_1 receives in Keras; its output is Keras's conv1d_1 output
    np.testing.assert_allclose(state.x, keras_output("text_cnn", "max_pooling1d")[:1], rtol=1e-5, atol=1e-6)
    assert state.layer["filters"] == 5 and state.layer["kernel_size"] == 3 and state.layer["activation"] == "relu"
    np.testing.assert_allclose(state.trace.output, keras_output("text_cnn", "conv1d_1")[:1], rtol=1e-5, atol=1e-5)
    assert "conv1d_1" in mw.message.text()
    assert state.model_ref is not None and state.model_ref.layer == "conv1d_1"
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "model_window.png"))
        mw.grab().save(os.path.join(SHOTS, "model_window.png"))
    # the session remembers the model file and the layer
    window.file_actions.save_to(tmp_path / "s.json")
    ref = load_session(tmp_path / "s.json").model
    assert ref is not None and ref.layer == "conv1d_1" and ref.path.endswith("model.keras")


def test_lambda_is_named_and_its_successor_takes_a_given_input(window, qtbot):
    _open(window, qtbot)  # a model with other Conv1D layers first: its buttons must not stay
    mw = _open(window, qtbot, "with_lambda", "model.h5")
    buttons = [mw.table.cellWidget(i, 5) for i in range(mw.table.rowCount())]
    assert [b is not None for b in buttons] == [True, False, True, False]
    assert "double_plus_one" in mw.notes.text() and "never loaded" in mw.notes.text()
    qtbot.mouseClick(mw.show_buttons["conv1d_13"], Qt.MouseButton.LeftButton)
    assert "double_plus_one" in mw.message.text() and "Lambda" in mw.message.text()
    assert mw.for_combo.currentData() == "conv1d_13"  # offered: give that layer's input directly
    given = keras_output("with_lambda", "double_plus_one")
    assert mw.set_input(given, "conv1d_13", "lambda_output.npy")
    assert window.model_actions.show_layer("conv1d_13")
    window.state.flush()
    np.testing.assert_allclose(window.state.trace.output, keras_output("with_lambda", "conv1d_13"),
                               rtol=1e-5, atol=1e-5)


def test_bad_model_file_is_one_line_and_nothing_opens(window, tmp_path):
    bad = tmp_path / "broken.keras"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert window.model_actions.open_path(bad) is None
    assert "broken.keras" in window.model_actions.last_message
    assert "\n" not in window.model_actions.last_message


def test_dropping_a_model_file_opens_it(window, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "groups" / "model.keras"))])
    target = window.diagram.viewport()
    ev = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    window.model_actions.eventFilter(target, ev)
    qtbot.waitUntil(lambda: window.model_actions.model_window is not None
                    and window.model_actions.model_window.isVisible())
    assert window.model_actions.model.name == "groups"


def test_stack_window_gets_the_models_layers_and_real_numbers(window, qtbot):
    mw = _open(window, qtbot)
    qtbot.mouseClick(mw.stack_button, Qt.MouseButton.LeftButton)
    sw = window.stack_actions.stack_window
    assert sw is not None
    assert sw.model.names == ("embedding", "conv1d", "max_pooling1d", "conv1d_1", "global_max_pooling1d", "dense")
    assert sw.model.x_source == "given"
    x = mw.input_x
    run = window.model_actions.model.run_to(x[:1], "conv1d_1")
    np.testing.assert_allclose(sw.model.values("conv1d_1"), run["conv1d_1"][0])


def test_a_session_whose_model_file_moved_or_changed_says_so(window, qtbot, tmp_path):
    import shutil

    model_copy = tmp_path / "mine.keras"
    shutil.copyfile(DATA / "text_cnn" / "model.keras", model_copy)
    mw = window.model_actions.open_path(model_copy)
    assert mw is not None
    assert window.model_actions.show_layer("conv1d")
    session = tmp_path / "s.json"
    assert window.file_actions.save_to(session)
    actions = window.model_actions
    assert window.file_actions.open_path(session)
    assert "came from a model file" not in actions.last_message  # the same file: nothing to say
    model_copy.write_bytes(model_copy.read_bytes() + b"\0")
    assert window.file_actions.open_path(session)
    assert "conv1d" in actions.last_message and "has changed" in actions.last_message
    model_copy.unlink()
    assert window.file_actions.open_path(session)
    assert "moved or deleted" in actions.last_message
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == actions.last_message)
