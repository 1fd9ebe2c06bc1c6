"""Classroom mode, themes, predict-then-reveal, the Keras 2 error demo, the tour and tooltips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from app.features import tour as tour_mod
from app.features.classroom import output_length_formula
from app.io.examples import load_example
from app.views.colors import THEMES


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def room(window, qtbot):
    window.state.load_session(load_example("classroom"))
    window.state.flush()
    window.activateWindow()
    window.diagram.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    c = window.classroom
    yield c
    c.set_active(False)
    c.predict.set_enabled(False)


def key(qtbot, window, k):
    qtbot.keyClick(QApplication.focusWidget() or window, k)


def test_f11_enters_and_leaves_classroom_mode(window, room, qtbot):
    size = window.font().pointSizeF()
    key(qtbot, window, Qt.Key.Key_F11)
    assert room.active and window.isFullScreen()
    assert window.state.view.theme == "high_contrast"
    assert window.font().pointSizeF() >= 18 > size
    assert THEMES["high_contrast"].line_width >= 5 and THEMES["high_contrast"].font_pt >= 14
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 30
    assert room.predict.enabled
    key(qtbot, window, Qt.Key.Key_F11)
    assert not room.active and not window.isFullScreen()
    assert window.state.view.theme == "light"
    assert window.font().pointSizeF() == size


def test_f9_hides_the_side_panels_and_restores_them(window, room, qtbot):
    side = window.splitter.widget(0)
    assert side.isVisible()
    key(qtbot, window, Qt.Key.Key_F9)
    assert not side.isVisible() and window.diagram.isVisible()
    assert all(not p.isVisible() for p in room.side_panels())
    key(qtbot, window, Qt.Key.Key_F9)
    assert side.isVisible()


def test_predict_then_reveal_from_the_keyboard(window, room, qtbot):
    key(qtbot, window, Qt.Key.Key_F8)
    assert room.predict.enabled
    key(qtbot, window, Qt.Key.Key_Right)
    step, f = window.state.current()
    assert room.predict.covered and room.reveal_action.isEnabled()
    assert f"y[{step}, {f}]" in room.predict.question_text()
    assert room.predict._cover.isVisible()
    value = window.state.trace.output[0, step, f]
    key(qtbot, window, Qt.Key.Key_Return)
    assert not room.predict.covered and not room.predict._cover.isVisible()
    from app.views.cell_texts import format_value

    assert f"y[{step}, {f}] = {format_value(float(value))}" in room.predict.question_text()
    # stepping back shows seen values: no question
    key(qtbot, window, Qt.Key.Key_Left)
    assert not room.predict.covered


def test_predict_the_output_length_after_an_argument_change(window, room, qtbot):
    room.predict_action.setChecked(True)
    window.state.set_layer_arg("strides", 2)
    window.state.flush()
    assert room.predict.pending[0] == "length"
    assert "output length" in room.predict.question_text()
    assert room._sync_reveal() is None and room.reveal_action.isEnabled()
    qtbot.waitUntil(lambda: room.predict._length_cover is not None and room.predict._length_cover.isVisible())
    key(qtbot, window, Qt.Key.Key_Return)
    assert not room.predict._length_cover.isVisible()
    assert "floor((16 − 3) / 2) + 1 = 7" in room.predict.question_text()
    assert window.state.trace.out_steps == 7


def test_output_length_formula_matches_conv_core():
    from conv_core import output_length

    for steps, k, s, pad, d in [(16, 3, 1, "valid", 1), (16, 4, 3, "same", 1), (9, 2, 2, "causal", 1),
                                (20, 3, 1, "valid", 4)]:
        text = output_length_formula(steps, k, s, pad, d)
        assert text.endswith(f"= {output_length(steps, k, s, pad, d)}")


def test_theme_menu_sets_the_theme_and_palette(window, room):
    room.theme_actions["dark"].trigger()
    assert window.state.view.theme == "dark"
    assert window.palette().color(QPalette.ColorRole.Base).name() == THEMES["dark"].background
    room.next_theme_action.trigger()
    assert window.state.view.theme == "high_contrast" and room.theme_actions["high_contrast"].isChecked()
    room.next_theme_action.trigger()
    assert window.state.view.theme == "light"


def test_keras2_error_demo_explains_and_fixes(window, room):
    room.no_channel_action.trigger()
    demo = room.error_demo
    assert demo.isVisible()
    text = demo.text.text()
    assert "expected conv1d_1_input to have 3 dimensions, but got array with shape (1, 56)" in text
    assert "min_ndim=3, found ndim=2" in text
    assert "x = x.reshape(1, 56, 1)" in text and "Input(shape=(56, 1))" in text
    demo.fix_button.click()
    window.state.flush()
    assert window.state.input_shape == (1, 56, 1) and window.state.error is None
    assert not demo.isVisible()


def test_tour_is_skippable_remembered_and_never_offscreen(window, qtbot):
    assert not tour_mod.tour_wanted()  # offscreen: never on its own
    t = tour_mod.start_tour(window, force=True)
    assert t is not None and t.isVisible() and t.title.text()
    t.next()
    assert t.index == 1
    t.skip()
    assert QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Conv1D Explorer",
                     "Conv1D Explorer").value(tour_mod.SETTINGS_KEY, False, type=bool)


CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractSlider, QLineEdit)


def test_every_visible_control_has_a_tooltip(window, room):
    code = window.code_panel
    code.show()
    room.no_channel_action.trigger()
    missing = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisible():
            continue
        if isinstance(w.parent(), QAbstractSpinBox | QComboBox):  # the line edit inside a spin box
            continue
        if w.objectName().startswith("qt_") or type(w).__name__ in ("QTabBar", "QScrollBar"):  # Qt's own
            continue
        if not (w.toolTip() or (w.parent() and w.parent().toolTip())):
            missing.append(f"{type(w).__name__}:{w.objectName() or w.text() if hasattr(w, 'text') else ''}")
    assert not missing, missing
