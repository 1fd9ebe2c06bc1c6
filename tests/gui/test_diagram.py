"""The animated diagram: the window opens, controls bind both ways, the highlights are conv_core's taps."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, Signal

from app.io.examples import example_names, load_example
from app.io.session import Session
from conv_core import Conv1DSpec, trace_conv1d


def _session(layer: dict, steps: int = 9, channels: int = 2) -> Session:
    full = {"strides": 1, "padding": "valid", "dilation_rate": 1, "groups": 1, "use_bias": True,
            "activation": "linear", "data_format": "channels_last", **layer}
    spec = Conv1DSpec(**full)
    rng = np.random.default_rng(0)
    x = rng.integers(-3, 4, size=(1, steps, channels)).astype(float)
    k = rng.integers(-2, 3, size=spec.kernel_shape(channels)).astype(float)
    return Session(layer=full, x=x, kernel=k, bias=np.arange(spec.filters, dtype=float))


def test_smoke_open_and_quit(window, qtbot):
    assert window.isVisible()
    assert window.diagram.state.trace is not None
    window.close()
    assert not window.isVisible()


def test_every_example_opens(window):
    for name in example_names():
        window.open_example(name)
        window.state.flush()
        assert window.state.error is None, name
        assert window.state.trace is not None


def test_seed_embedding_shapes(window):
    window.open_example("seed-embedding")
    tr = window.state.trace
    assert tr.output_shape == (1, 50, 100)
    assert tr.kernel.shape == (4, 300, 100)
    assert "(4, 300, 100)" in window.diagram.kernel_panel.plot.titleLabel.text


@pytest.mark.parametrize(
    "layer, steps",
    [
        ({"filters": 2, "kernel_size": 3}, 9),  # valid
        ({"filters": 1, "kernel_size": 4, "padding": "same"}, 7),  # odd split (1, 2)
        ({"filters": 2, "kernel_size": 3, "padding": "causal", "dilation_rate": 2}, 9),
        ({"filters": 2, "kernel_size": 2, "dilation_rate": 3}, 9),
        ({"filters": 2, "kernel_size": 3, "strides": 2, "padding": "same"}, 8),
        ({"filters": 4, "kernel_size": 2, "groups": 2}, 6),
    ],
)
def test_highlight_is_conv_core_taps(window, layer, steps):
    channels = 4 if layer.get("groups", 1) == 2 else 2
    session = _session(layer, steps, channels)
    window.state.load_session(session)
    tr = trace_conv1d(session.spec(), session.x, session.kernel, session.bias)
    assert window.state.trace.pad_left == tr.pad_left and window.state.trace.pad_right == tr.pad_right
    for position in range(window.state.position_count):
        window.state.set_position(position)
        step, f = window.state.current()
        assert (step, f) == (position % tr.out_steps, position // tr.out_steps)
        rects = window.diagram.tap_rects
        # time runs left to right: a tap's x-centre is its input step (negative or >= L on padding)
        centres = [round(r.center().x()) for r in rects]
        assert centres == list(tr.tap_padded[step] - tr.pad_left)
        chans = tr.channels_of_filter(f)
        for r in rects:
            assert round(r.top() + 0.5) == chans[0] and round(r.height()) == len(chans)


def test_keras_rows_orientation_swaps_axes(window):
    window.open_example("odd-same")
    window.state.set_position(0)
    window.orientation_action.setChecked(True)
    assert window.state.view.orientation == "keras_rows"
    rects = window.diagram.tap_rects
    assert [round(r.center().y()) for r in rects] == [-1, 0, 1, 2]
    window.state.set_view(orientation="time_lr")
    assert not window.orientation_action.isChecked()


def test_layer_panel_two_way(window, qtbot):
    panel, state = window.layer_panel, window.state
    # widget -> state
    panel.filters.setValue(5)
    panel.kernel_size.setValue(4)
    panel.padding.setCurrentText("same")
    panel.strides.setValue(2)
    panel.activation.setCurrentText("relu")
    panel.use_bias.setChecked(False)
    panel.data_format.setCurrentText("channels_first")
    panel.steps.setValue(11)
    panel.channels.setValue(6)
    panel.groups.setValue(1)
    state.flush()
    assert state.layer["filters"] == 5 and state.layer["kernel_size"] == 4
    assert state.layer["padding"] == "same" and state.layer["strides"] == 2
    assert state.layer["activation"] == "relu" and state.layer["use_bias"] is False
    assert state.layer["data_format"] == "channels_first"
    assert state.input_shape == (1, 11, 6)
    assert state.trace.output_shape == (1, 5, 6)  # channels_first: (batch, filters, steps)
    assert "Conv1D(filters=5, kernel_size=4, strides=2, padding='same'" in panel.code_label.text()
    # state -> widget
    state.load_session(load_example("causal-dilated"))
    assert panel.padding.currentText() == "causal"
    assert panel.dilation_rate.value() == 2
    assert panel.filters.value() == 2
    assert panel.steps.value() == 12
    assert not panel.use_bias.isChecked()


def test_invalid_setting_shows_error_and_keeps_picture(window):
    state, panel = window.state, window.layer_panel
    before = state.trace
    panel.strides.setValue(2)
    panel.dilation_rate.setValue(2)
    state.flush()
    assert state.error is not None
    assert "`strides > 1` not supported in conjunction with `dilation_rate > 1`" in panel.error_message()
    assert not panel.error_label.isHidden()
    assert state.trace is not None and state.trace.spec.dilation_rate == 1  # last valid picture
    panel.dilation_rate.setValue(1)
    state.flush()
    assert state.error is None and panel.error_label.isHidden()
    assert state.trace is not before


def test_input_too_short_message(window):
    panel, state = window.layer_panel, window.state
    panel.steps.setValue(4)
    panel.kernel_size.setValue(6)
    state.flush()
    assert "Computed output size would be zero or negative" in panel.error_message()
    assert "at least 6 steps" in panel.error_message()


def test_transport_play_pause_step_scrub(window, qtbot):
    t, state = window.transport, window.state
    window.open_example("classroom")
    assert state.position_count == 14 * 3
    t.last()
    assert state.position == 41 and t.scrubber.value() == 41
    t.first()
    assert state.position == 0
    t.forward()
    t.forward()
    assert state.position == 2
    t.back()
    assert state.position == 1
    t.scrubber.setValue(20)
    assert state.position == 20 and state.current() == (6, 1)
    assert "step 6, filter 1" in t.position_label.text()
    t.faster()
    t.faster()
    t.play()
    assert t.playing
    qtbot.waitUntil(lambda: state.position >= 23, timeout=3000)
    t.toggle_play()
    assert not t.playing
    pos = state.position
    qtbot.wait(200)
    assert state.position == pos
    t.mode.setCurrentIndex(t.mode.findData("all_filters"))
    assert state.view.mode == "all_filters" and state.position_count == 14
    assert state.current()[1] is None


def test_keyboard_shortcuts(window, qtbot):
    window.open_example("classroom")
    window.diagram.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.state.position == window.state.position_count - 1
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.state.position == 0
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.state.position == 1
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.state.position == 0
    speed = window.transport.speed
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert window.transport.speed > speed
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert window.transport.speed == speed
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.transport.playing
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.transport.playing


def test_playing_lives_in_the_state_and_opening_an_example_stops_it(window):
    window.transport.play()
    assert window.state.playing and window.transport.timer.isActive()
    window.open_example("classroom")
    assert not window.state.playing and not window.transport.timer.isActive()
    window.state.set_playing(True)  # anything may start it through the state; the transport follows
    assert window.transport.timer.isActive()
    window.state.set_playing(False)
    assert not window.transport.timer.isActive()


def test_output_fills_as_window_moves(window):
    window.open_example("classroom")
    state = window.state
    state.set_position(0)
    assert state.filled_mask().sum() == 1
    state.set_position(15)  # filter 1, step 1
    mask = state.filled_mask()
    assert mask[:, 0].all() and mask[:2, 1].all() and not mask[2:, 1].any() and not mask[:, 2].any()
    img = window.diagram.output_panel.image.image  # (filters, steps) in time_lr
    assert np.isnan(img[2]).all() and np.isfinite(img[0]).all()


def test_animation_step_does_not_rebuild_scene(window):
    window.open_example("classroom")
    n = window.diagram.item_count
    for p in range(window.state.position_count):
        window.state.set_position(p)
    assert window.diagram.item_count == n


class _Emitter(QObject):
    fired = Signal(bool)


def test_ten_thousand_signal_emits(qtbot):
    """PySide6 6.12.0 on Python 3.11 aborts after ~570 emits (DESIGN.md §3): fail loudly here."""
    e = _Emitter()
    got = []
    e.fired.connect(got.append)
    for i in range(10_000):
        e.fired.emit(i % 2 == 0)
    assert len(got) == 10_000


def test_rebuilds_release_old_items(window):
    """Argument changes rebuild the taps and hatches; the old ones must leave pyqtgraph's lists too
    (removing them from the scene alone kept every old item alive: the soak's memory creep)."""
    window.open_example("classroom")
    state, plot = window.state, window.diagram.input_panel.plot
    before = (len(plot.items), len(plot.getViewBox().addedItems))
    for k in (4, 5, 2, 3) * 5:
        state.set_layer_arg("kernel_size", k)
        state.flush()
    assert (len(plot.items), len(plot.getViewBox().addedItems)) == before


def test_axes_label_cell_indices_without_si_scaling(window):
    """One filter made pyqtgraph label the filter axis 'filter (x0.001)'."""
    window.open_example("odd-same")
    for panel in window.diagram.panels.values():
        for name in ("left", "bottom"):
            axis = panel.plot.getAxis(name)
            assert not axis.autoSIPrefix
            assert "x0.0" not in axis.labelString()


def _diagram_label_px(diagram) -> list[float]:
    """Em sizes (px) of the diagram's labels: axis ticks and titles, colour bars, plot titles, window label."""
    sizes = []
    for panel in diagram.panels.values():
        for name in ("left", "bottom"):
            axis = panel.plot.getAxis(name)
            sizes += [axis.style["tickFont"].pointSizeF() * 4 / 3, axis.label.font().pointSizeF() * 4 / 3]
        sizes.append(panel.colorbar.axis.style["tickFont"].pointSizeF() * 4 / 3)
        sizes.append(float(panel.plot.titleLabel.opts["size"].removesuffix("pt")) * 4 / 3)
    sizes.append(diagram._window_label.textItem.font().pointSizeF() * 4 / 3)
    return sizes


def test_classroom_text_scale_reaches_every_diagram_label_and_cell_number(window, qtbot):
    """F11's text scale: every label of the diagram at least 20 px, the cell numbers the audits see
    (``text_runs``) at least 20 px; back to normal, back to the theme's size, at least 11 px."""
    window.open_example("odd-same")
    window.state.flush()
    diagram = window.diagram
    normal = _diagram_label_px(diagram)
    assert min(normal) >= 11
    window.state.set_text_scale(2.0)
    qtbot.wait(20)
    classroom = _diagram_label_px(diagram)
    assert min(classroom) >= 20
    assert all(c > n for c, n in zip(classroom, normal, strict=True))
    runs = diagram.input_panel.texts.text_runs()
    assert runs, "the input numbers are drawn"
    view_scale = diagram.input_panel.texts.deviceTransform(diagram.viewportTransform()).m11()
    assert min(px for _t, _r, px in runs) * abs(view_scale) >= 20 - 0.05
    texts = {t for t, _r, _px in runs}
    assert {"3", "4", "5", "6"} <= texts  # odd-same's input 0..6 (with padding zeros)
    window.state.set_text_scale(1.0)
    qtbot.wait(20)
    assert _diagram_label_px(diagram) == normal


def test_cell_number_runs_sit_inside_their_cells(window):
    """``CellTexts.text_runs``: one run per number drawn, its ink inside its cell (item coordinates)."""
    window.open_example("odd-same")
    window.state.flush()
    texts = window.diagram.input_panel.texts
    runs = texts.text_runs()
    assert len(runs) == len(texts)
    for text, rect, _px in runs:
        assert text and rect.width() > 0 and rect.height() > 0
        centre = rect.center()
        assert abs(centre.x() - round(centre.x())) < 0.5 and abs(centre.y() - round(centre.y())) < 0.5


def test_a_flipped_argument_draws_what_a_fresh_window_draws(window, qtbot):
    """Axes remember their tick layouts and unchanged grids are not redrawn: flipping an argument back
    and forth, then stepping, shows exactly the picture a new window draws from scratch."""
    from app.main_window import MainWindow

    window.open_example("classroom")
    state = window.state
    for padding in ("same", "valid", "same", "valid"):
        state.set_layer_arg("padding", padding)
        state.flush()
        qtbot.wait(20)
    for position in range(1, 6):
        state.set_position(position)
        qtbot.wait(5)
    fresh = MainWindow()
    fresh.state._timer.setInterval(0)
    qtbot.addWidget(fresh)
    fresh.resize(window.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.open_example("classroom")
    fresh.state.set_layer_arg("padding", "valid")
    fresh.state.flush()
    fresh.state.set_position(5)
    qtbot.wait(100)
    assert window.diagram.size() == fresh.diagram.size()
    assert window.diagram.grab().toImage() == fresh.diagram.grab().toImage()
