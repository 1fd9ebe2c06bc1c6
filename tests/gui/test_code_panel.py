"""The code panel shows codegen's script for the current picture, per framework, with copy buttons."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from app.i18n import languages
from app.io.codegen import generate_code
from app.io.examples import load_example


@pytest.fixture
def panel(window, qtbot):
    p = window.code_panel
    assert not p.isVisible()  # hidden by default: the diagram needs the width
    window.state.load_session(load_example("classroom"))
    window.state.flush()
    p.toggle_action.trigger()
    assert p.isVisible()
    yield p
    languages.set_language("en")


def test_each_tab_shows_codegen_output_and_copies_it(window, panel):
    for i, framework in enumerate(("keras", "pytorch", "numpy")):
        panel.tabs.setCurrentIndex(i)
        panel.refresh()
        expected = generate_code(window.state.to_session(), framework, language="en")
        assert panel.code(framework) == expected
        panel.code_tabs[framework].copy_button.click()
        assert QGuiApplication.clipboard().text() == expected
        assert "✓" in panel.code_tabs[framework].copy_button.text()


def test_code_follows_edits_and_explains_an_invalid_setting(window, panel, qtbot):
    window.state.set_layer_arg("filters", 2)
    window.state.flush()
    qtbot.waitUntil(lambda: "filters=2" in panel.code("keras"), timeout=2000)
    window.state.set_layer_arg("strides", 2)
    window.state.set_layer_arg("dilation_rate", 2)
    window.state.flush()
    panel.refresh()
    text = panel.code("keras")
    assert text.startswith("# Keras would stop here:") and "dilation_rate" in text.splitlines()[1]
    assert "filters=2" in text  # the last valid code stays below the explanation
    assert panel.status.text() == "showing the last valid setting: strides=1, dilation_rate=1"


def test_code_follows_the_ui_language_and_visibility_is_remembered(window, panel, qtbot):
    window.language_menu.switch("zh_CN", remember=False)
    panel.refresh()
    assert "输入形状" in panel.code("keras")
    assert "复制" in panel.code_tabs["keras"].copy_button.text()
    assert panel.windowTitle() == "代码"
    from app.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.code_panel.isVisible()
