"""An invalid setting keeps the last valid picture, and every view says which setting that picture uses."""

from __future__ import annotations

import pytest

from app.i18n import languages
from app.i18n.messages import last_valid_setting_text, stale_settings


@pytest.fixture
def english_after(qtbot):
    yield
    languages.set_language("en")


def test_stale_settings_names_what_differs_with_the_value_on_screen():
    assert stale_settings({"kernel_size": 20, "strides": 1}, {"kernel_size": 3, "strides": 1}) == [
        ("kernel_size", 3)
    ]
    assert stale_settings({"steps": 2, "padding": "same"}, {"padding": "valid", "steps": 16}) == [
        ("padding", "valid"),
        ("steps", 16),
    ]
    assert stale_settings({"kernel_size": 3}, {"kernel_size": 3}) == []


def test_the_sentence_names_the_last_valid_setting_in_every_language(state, english_after):
    assert last_valid_setting_text(state) == ""
    state.set_layer_arg("kernel_size", 20)
    state.flush()
    assert state.error is not None
    assert last_valid_setting_text(state) == "showing the last valid setting: kernel_size=3"
    state.set_input_shape(1, 2, 4)
    state.flush()
    assert last_valid_setting_text(state) == "showing the last valid setting: kernel_size=3, steps=16"
    assert languages.set_language("zh_CN")
    assert last_valid_setting_text(state) == "显示的是上一个有效设置：kernel_size=3, steps=16"
    assert languages.set_language("zh_TW")
    assert last_valid_setting_text(state) == "顯示的是上一個有效設定：kernel_size=3, steps=16"
    state.set_layer_arg("kernel_size", 3)
    state.set_input_shape(1, 16, 4)
    state.flush()
    assert state.error is None and last_valid_setting_text(state) == ""
