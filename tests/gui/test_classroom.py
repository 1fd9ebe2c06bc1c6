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


# ------------------------------------------------------------------ rooms: layout, bands, tour
def _settle(qtbot):
    for _ in range(4):
        QApplication.processEvents()
    qtbot.wait(1)


def _window_rect(widget, window):
    from PySide6.QtCore import QPoint, QRect

    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_narrow_window_folds_the_side_panels_into_a_tab(window, qtbot):
    from app.features.room_layout import COMPACT_WIDTH

    side, tabs = window.inspect.side, window.side_tabs
    window.resize(1280, 800)
    _settle(qtbot)
    assert window.width() < COMPACT_WIDTH
    assert tabs.indexOf(side) == 1 and tabs.tabBar().isVisible()  # the way to open them is in sight
    assert tabs.tabText(1) == "Arithmetic and shapes" and not side.isVisible()
    assert window.diagram.width() >= 900  # the diagram keeps the width
    tabs.setCurrentIndex(1)  # the user opens them
    _settle(qtbot)
    assert side.isVisible() and window.inspect.math_panel.isVisible()
    window.resize(1600, 1000)
    _settle(qtbot)
    assert tabs.indexOf(side) == -1 and not tabs.tabBar().isVisible()
    assert window.splitter.indexOf(side) == 2 and side.isVisible()
    assert _window_rect(side, window).left() >= _window_rect(window.diagram, window).right()


def test_high_contrast_then_light_restores_the_layout(window, qtbot):
    window.resize(1920, 1080)
    window.open_example("odd-same")
    window.state.flush()
    _settle(qtbot)
    before = (window.splitter.sizes(), window.diagram.viewport().size())
    window.state.set_view(theme="high_contrast")
    _settle(qtbot)
    window.state.set_view(theme="light")
    _settle(qtbot)
    assert (window.splitter.sizes(), window.diagram.viewport().size()) == before
    for panel in window.diagram.panels.values():  # every plot back inside the view
        box = window.diagram.mapFromScene(panel.plot.sceneBoundingRect()).boundingRect()
        assert window.diagram.viewport().rect().contains(box.adjusted(1, 1, -1, -1))


def test_window_geometry_and_columns_are_remembered(qtbot):
    from app.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    assert not first.restore_layout()  # nothing remembered yet
    screen = QApplication.primaryScreen().availableGeometry()  # Qt fits a restored window to the screen
    w, h = screen.width() - 40, screen.height() - 60
    first.resize(w, h)
    first.show()
    _settle(qtbot)
    first.splitter.setSizes([w // 2, w - w // 2])
    sizes = first.splitter.sizes()
    first.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.restore_layout()
    again.show()
    _settle(qtbot)
    assert (again.width(), again.height()) == (w, h)
    assert again.splitter.sizes() == sizes


def test_predict_banner_has_its_own_band_and_covers_nothing(window, room, qtbot):
    window.resize(1280, 800)
    room.set_active(True, fullscreen=False)
    _settle(qtbot)
    banner = room.predict.banner
    assert banner.isVisible() and banner.text()
    b, d = _window_rect(banner, window), _window_rect(window.diagram, window)
    assert b.bottom() < d.top()  # above the diagram, not over its titles
    # the question the class reads: 28 px (the largest text on screen), on one line in a band of one
    # line's height whatever it shows, so the diagram keeps its height when the questions come
    assert "font-size: 28px" in banner.styleSheet()
    intro_height = banner.height()
    assert intro_height < 2 * 28
    window.transport.forward()
    _settle(qtbot)
    assert "What will" in banner.text() and banner.height() == intro_height
    room.set_active(False, fullscreen=False)
    room.predict.set_enabled(False)
    _settle(qtbot)
    assert not banner.isVisible()


def test_invalid_setting_shows_a_large_banner_over_the_last_picture(window, room, qtbot):
    shown = window.state.trace
    window.state.set_layer_arg("kernel_size", 20)
    window.state.flush()
    banner = window.diagram_column.error_banner
    assert window.state.error is not None and banner.isVisible()
    assert "kernel_size" in banner.text() or "20" in banner.text()
    assert "last valid" in banner.text()
    assert window.state.trace is shown and window.diagram.isVisible()  # the last valid picture stays
    assert _window_rect(banner, window).bottom() < _window_rect(window.diagram, window).top()
    room.set_active(True, fullscreen=False)
    assert "font-size: 32px" in banner.styleSheet()  # classroom: twice as large
    room.set_active(False, fullscreen=False)
    window.state.set_layer_arg("kernel_size", 3)
    window.state.flush()
    assert not banner.isVisible()


def test_classroom_doubles_the_text_scale_and_fonts(window, room):
    size = window.font().pointSizeF()
    room.set_active(True, fullscreen=False)
    assert window.state.text_scale == 2.0
    assert window.font().pointSizeF() >= 2 * size
    assert window.inspect.math_panel.font().pointSizeF() >= 2 * size  # the panels inherit it
    room.set_active(False, fullscreen=False)
    assert window.state.text_scale == 1.0 and window.font().pointSizeF() == size


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_tour_bubbles_point_at_and_never_cover_their_target(window, qtbot, size):
    window.resize(*size)
    window.code_panel.show()
    _settle(qtbot)
    t = tour_mod.start_tour(window, force=True)
    assert t is not None
    for i, step in enumerate(t.steps):
        assert t.index == i
        target = step.target(window)
        bubble, goal = t.geometry(), _window_rect(target, window).intersected(window.rect())
        assert window.rect().contains(bubble), (step.key, bubble)
        assert not bubble.intersects(goal), (step.key, bubble, goal)
        if t.pointer.isVisible():  # the pointer sits between the bubble and its target
            assert not t.pointer.geometry().intersects(bubble)
            grown = goal.adjusted(-tour_mod.GAP, -tour_mod.GAP, tour_mod.GAP, tour_mod.GAP)
            assert t.pointer.geometry().intersects(grown)
        t.next()


def test_language_switch_relays_out_and_back(window, qtbot):
    window.resize(1366, 768)
    _settle(qtbot)
    before = (window.splitter.sizes(), window.diagram.viewport().size(), window.side_tabs.tabBar().isVisible())
    window.language_menu.switch("zh_CN", remember=False)
    _settle(qtbot)
    assert window.side_tabs.tabText(1) == "算式与形状"
    window.language_menu.switch("en", remember=False)
    _settle(qtbot)
    assert (window.splitter.sizes(), window.diagram.viewport().size(), window.side_tabs.tabBar().isVisible()) == before


def test_the_code_dock_folds_on_a_narrow_window_and_comes_back(window, qtbot):
    window.resize(1600, 1000)
    window.code_panel.show()
    _settle(qtbot)
    window.resize(1366, 768)
    _settle(qtbot)
    assert not window.code_panel.isVisible()  # the diagram keeps the width
    button = window.side_tabs.cornerWidget().findChild(QAbstractButton)
    assert button is not None and button.isVisible() and button.text() == window.code_panel.windowTitle()
    button.click()  # the user opens it by the tabs
    _settle(qtbot)
    assert window.code_panel.isVisible()
    window.code_panel.hide()
    window.resize(1280, 800)
    window.resize(1600, 1000)
    _settle(qtbot)
    assert not window.code_panel.isVisible()  # closed by the user: stays closed
    window.code_panel.show()
    window.resize(1280, 800)
    _settle(qtbot)
    window.resize(1700, 1000)
    _settle(qtbot)
    assert window.code_panel.isVisible()  # folded by the layout: back when wide
