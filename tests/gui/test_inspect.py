"""Hover and pin highlights come from conv_core's trace; the math and shapes panels show its numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app.io.session import Session
from app.state.explorer import CellRef
from app.views.highlight import highlight_for
from conv_core import PAD, Conv1DSpec, layer_shapes, trace_conv1d


def _session(layer: dict, steps: int, channels: int, batch: int = 1) -> Session:
    full = {
        "strides": 1,
        "padding": "valid",
        "dilation_rate": 1,
        "groups": 1,
        "use_bias": True,
        "activation": "linear",
        "data_format": "channels_last",
        **layer,
    }
    spec = Conv1DSpec(**full)
    rng = np.random.default_rng(1)
    x = rng.integers(-3, 4, size=(batch, steps, channels)).astype(float)
    k = rng.integers(-2, 3, size=spec.kernel_shape(channels)).astype(float)
    return Session(layer=full, x=x, kernel=k, bias=np.arange(spec.filters, dtype=float) - 1)


SETTINGS = [
    pytest.param({"filters": 2, "kernel_size": 2, "strides": 3}, 10, 2, id="stride3-dropped"),
    pytest.param({"filters": 2, "kernel_size": 3, "strides": 2, "padding": "same"}, 8, 2, id="same-stride2"),
    pytest.param(
        {"filters": 2, "kernel_size": 3, "padding": "causal", "dilation_rate": 2}, 9, 2, id="causal-dil"
    ),
    pytest.param({"filters": 1, "kernel_size": 2, "dilation_rate": 3}, 9, 1, id="dilation-valid-end"),
    pytest.param({"filters": 4, "kernel_size": 2, "groups": 2}, 6, 4, id="groups"),
]


def _load(window, layer, steps, channels):
    session = _session(layer, steps, channels)
    window.state.load_session(session)
    window.state.flush()
    return trace_conv1d(session.spec(), session.x, session.kernel, session.bias)


@pytest.mark.parametrize("layer, steps, channels", SETTINGS)
def test_hover_mapping_is_the_trace(window, layer, steps, channels):
    tr = _load(window, layer, steps, channels)
    d = window.diagram
    k, cg, filters = tr.kernel.shape
    # output cell -> its window over the filter's channels, its filter, its bias
    for t in range(tr.out_steps):
        for f in range(filters):
            assert d.hover_cell("output", t, f) == CellRef("output", step=t, filter=f)
            hl = d.highlight
            expected = {
                (int(s) - tr.pad_left, int(c)) for s in tr.tap_padded[t] for c in tr.channels_of_filter(f)
            }
            assert hl.cells("input") == expected
            assert hl.cells("kernel") == {(j, c, f) for j in range(k) for c in range(cg)}
            assert hl.cells("bias") == {(f,)}
    # input cell -> every output it feeds (for the filters reading its channel); dropped steps marked
    for s in range(tr.steps):
        for c in range(tr.channels):
            d.hover_cell("input", s, c)
            hl = d.highlight
            fed = {(int(t), int(f)) for t in tr.outputs_fed_by(s) for f in tr.filters_reading_channel(c)}
            assert hl.cells("output") == fed
            assert {(j, f) for j, _, f in hl.cells("kernel")} == {
                (j, int(f)) for _, j in tr.taps_fed_by(s) for f in tr.filters_reading_channel(c)
            }
            assert hl.dropped == tr.dropped_steps
            assert d.highlight_layer.dropped_item.isVisible() == bool(tr.dropped_steps)
    # a weight -> the input it multiplies at the current position, and that output
    for position in (0, window.state.position_count - 1):
        window.state.set_position(position)
        t, _ = window.state.current()
        for f in range(filters):
            for j in range(k):
                d.hover_cell("kernel", f * (k + 1) + j, cg - 1)
                chan = int(tr.channels_of_filter(f)[cg - 1])
                assert d.highlight.cells("input") == {(int(tr.tap_padded[t, j]) - tr.pad_left, chan)}
                assert d.highlight.cells("output") == {(t, f)}
    d.hover_cell("output", -5, 0)  # outside every cell
    assert window.state.hovered is None and not d.highlight_layer.related_items["input"].isVisible()


def test_dropped_steps_and_padding_cells(window):
    tr = _load(window, {"filters": 1, "kernel_size": 2, "strides": 3}, 10, 1)
    assert tr.dropped_steps == (2, 5, 8, 9)
    d = window.diagram
    d.hover_cell("input", 2, 0)
    assert d.highlight.cells("output") == set()
    assert d.highlight_layer.legend.isVisible()
    assert "2, 5, 8, 9" in d.highlight_layer.legend.textItem.toPlainText()
    assert "no output reads" in d.viewport().toolTip()
    tr = _load(window, {"filters": 1, "kernel_size": 4, "padding": "same"}, 7, 1)  # pads (1, 2)
    d.hover_cell("input", 8, 0)  # the second right padding zero
    rows, _ = np.nonzero(tr.tap_padded == 8 + tr.pad_left)
    assert d.highlight.cells("output") == {(int(t), 0) for t in rows}
    assert all(tr.tap_input[t, j] == PAD for t, j in zip(*np.nonzero(tr.tap_padded == 9), strict=True))


def _hover_with_the_mouse(qtbot, window, ref):
    """Move the real mouse onto ``ref`` until the state says it is hovered. Each try re-aims from the
    current layout (a loaded machine may still be laying the window out) and comes from a pixel away,
    since Qt sends no move event for a move to where the mouse already is."""
    d = window.diagram

    def hovered():
        pos = d.widget_pos_of(ref)
        qtbot.mouseMove(d.viewport(), pos + QPoint(2, 2))
        qtbot.mouseMove(d.viewport(), pos)
        assert window.state.hovered == ref

    qtbot.waitUntil(hovered, timeout=5000)


def test_real_mouse_hover_click_pin_and_escape(window, qtbot):
    window.open_example("classroom")
    window.state.flush()
    d, tr = window.diagram, window.state.trace
    ref = CellRef("output", step=9, filter=1)
    _hover_with_the_mouse(qtbot, window, ref)
    expected = {(int(s), c) for s in tr.tap_padded[9] for c in range(4)}
    assert d.highlight.cells("input") == expected
    # the highlight path sits over the hovered window: its bounds are the taps' rectangles
    bounds = d.highlight_layer.related_items["input"].path().boundingRect()
    assert bounds == d.logical_rect(9, 0, 3, 4)
    # an input cell under the real mouse
    in_ref = CellRef("input", step=4, channel=2)
    _hover_with_the_mouse(qtbot, window, in_ref)
    assert d.highlight.cells("output") == {(t, f) for t in (2, 3, 4) for f in range(3)}
    # click pins; the pin stays when the mouse leaves; Esc clears it
    qtbot.mouseClick(d.viewport(), Qt.MouseButton.LeftButton, pos=d.widget_pos_of(ref))
    assert window.state.pinned == ref
    window.state.set_hover(None)
    assert window.state.inspected == ref and d.highlight.source == ref
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.state.pinned is None and d.highlight.source is None


def test_hover_never_rebuilds_the_scene(window):
    window.open_example("classroom")
    window.state.flush()
    d = window.diagram
    d.hover_cell("output", 0, 0)
    n = d.item_count
    for t in range(14):
        d.hover_cell("output", t, t % 3)
        d.hover_cell("input", t, t % 4)
        d.pin_cell("kernel", (t % 3) * 4 + t % 3, t % 4)
        d.hover_cell("kernel", 0, 4)  # the bias row
    assert window.state.hovered == CellRef("bias", filter=0)
    assert d.item_count == n


def test_highlight_for_is_pure_and_uses_current_step():
    spec = Conv1DSpec(2, 3, strides=2, padding="same")
    x = np.arange(16.0).reshape(1, 8, 2)
    tr = trace_conv1d(spec, x, np.ones((3, 2, 2)))
    hl = highlight_for(tr, CellRef("kernel", tap=2, channel=1, filter=1), current_step=3)
    assert hl.cells("input") == {(int(tr.tap_padded[3, 2]) - tr.pad_left, 1)}
    assert highlight_for(tr, None, 0).cells("output") == set()


def test_math_panel_shows_the_cell_arithmetic(window):
    window.open_example("classroom")
    window.state.flush()
    panel = window.inspect.math_panel
    tr = window.state.trace
    window.state.set_position(5)
    text = panel.plain_text()
    cell = tr.cell(0, 5, 0)
    assert "y[0, 5, 0]" in text and "current position" in text
    for c in range(4):
        assert f"c={c}:" in text
    assert f"y[0, 5, 0] = {int(cell.value)}" in text
    window.diagram.pin_cell("output", 9, 1)
    text = panel.plain_text()
    cell = tr.cell(0, 9, 1)
    assert "pinned" in text and "read input steps 9, 10, 11" in text
    assert "2·(−1) + 0·1 + 3·0" in text  # x · w for channel 0, from the trace's inputs and weights
    assert f"= {int(cell.channel_sums[0])}".replace("-", "−") in text
    assert "+ bias[1]" in text and f"y[0, 9, 1] = {int(cell.value)}" in text
    # hovering a weight explains that weight's filter at the current step
    window.diagram.hover_cell("kernel", 2 * 4 + 1, 0)
    assert "y[0, 5, 2]" in panel.plain_text() and "hovered" in panel.plain_text()
    window.state.set_hover(None)
    panel.symbols.setChecked(True)
    text = panel.plain_text()
    assert "y[b, t, f] = bias[f] + Σ" in text and "x[b, t·s + j·d − pad_left, c] · w[j, c, f]" in text
    assert "s = 1, d = 1, pad_left = 0" in text and "x[0, 9·1 + j·1 − 0, c] · w[j, c, 1]" in text


def test_math_panel_summarises_many_channels_and_shows_activation(window):
    window.open_example("seed-embedding")
    window.state.flush()
    panel = window.inspect.math_panel
    window.diagram.pin_cell("output", 0, 7)
    text = panel.plain_text()
    assert "⋮ 293 more channels" in text and "c=299:" in text and "c=6:" not in text
    assert "relu(" in text and "pad" in text  # 'same' pads step 0's first tap
    assert "Σ 4 taps × 300 channels" in text


def _set(window, layer: dict, batch: int, steps: int, channels: int):
    panel = window.layer_panel
    for name, value in layer.items():
        widget = panel.arg_widgets[name]
        if hasattr(widget, "setValue"):
            widget.setValue(value)
        else:
            widget.setCurrentText(value)
    panel.batch.setValue(batch)
    panel.steps.setValue(steps)
    panel.channels.setValue(channels)
    window.state.flush()
    assert window.state.error is None
    return window.inspect.shapes_panel.plain_text()


MATERIAL = [
    (
        {"filters": 100, "kernel_size": 4, "padding": "same"},
        (1, 50, 300),
        [
            "input (batch, steps, channels) = (1, 50, 300)",
            "(k, C/g, F) = (4, 300, 100)",
            "(F, C/g, k) = (100, 300, 4)",
            "(k, 1, C, F) = (4, 1, 300, 100)",
            "output (batch, steps, filters) = (1, 50, 100)",
            "= 4·(300/1)·100 + 100 = 120,100",
            "(left, right) = (total//2, total - total//2) = (3//2, 3 - 3//2) = (1, 2)",
            "extra zero on the right",
        ],
    ),
    (
        {"filters": 111, "kernel_size": 5, "padding": "valid"},
        (1, 40, 300),
        [
            "(k, C/g, F) = (5, 300, 111)",
            "(k, 1, C, F) = (5, 1, 300, 111)",
            "= 166,611",
            "Lout = floor((L - keff)/s) + 1 = floor((40 - 5)/1) + 1 = 36",
        ],
    ),
    (
        {"filters": 5, "kernel_size": 3, "padding": "valid"},
        (3, 8, 3),
        [
            "input (batch, steps, channels) = (3, 8, 3)",
            "output (batch, steps, filters) = (3, 6, 5)",
            "(k, C/g, F) = (3, 3, 5)",
            "bias (F,) = (5,)",
            "= 50",
            "no zeros are added",
        ],
    ),
]


def test_shapes_panel_material_settings(window):
    """The course's three settings, typed into the layer panel (one window for all three)."""
    for layer, shape, expected in MATERIAL:
        text = _set(window, layer, *shape)
        for piece in expected:
            assert piece in text, (layer, piece)


def test_clicking_a_filter_highlights_its_slice_in_every_layout(window, qtbot):
    window.open_example("classroom")
    window.state.flush()
    shapes = window.inspect.shapes_panel
    assert "kernel[:, :, 0] → (3, 4)" in shapes.plain_text()
    d = window.diagram
    ref = CellRef("kernel", tap=1, channel=2, filter=2)
    qtbot.mouseClick(d.viewport(), Qt.MouseButton.LeftButton, pos=d.widget_pos_of(ref))
    assert window.state.pinned == ref
    text = shapes.plain_text()
    assert (
        "kernel[:, :, 2] → (3, 4)" in text
        and "weight[2] → (4, 3)" in text
        and "W[:, 0, :, 2] → (3, 4)" in text
    )
    assert "background-color" in shapes.body.text().split("kernel[:, :, 2]")[0].rsplit("<span", 1)[1]
    # groups: no Keras 1 layout, C/g in the others
    window.state.set_pin(None)
    window.layer_panel.filters.setValue(4)
    window.layer_panel.groups.setValue(2)
    window.state.flush()
    assert window.state.error is None
    s = layer_shapes(window.state.trace.spec, window.state.trace.input_shape)
    text = shapes.plain_text()
    assert s.kernel_keras == (3, 2, 4)
    assert "(k, C/g, F) = (3, 2, 4)" in text and "(F, C/g, k) = (4, 2, 3)" in text
    assert "Keras 1 had no groups" in text
