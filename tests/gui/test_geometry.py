"""One time axis: output t is drawn under the window that produced it, on screen, from conv_core's trace.

Positions are compared in scene coordinates (what the user sees): the output plot and the input plot
are separate view boxes, so equal view coordinates alone would prove nothing.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from app.state.explorer import CellRef
from app.views.colors import FILTER_TAGS, THEMES, contrast_ratio, text_color_for, text_pairs
from app.views.diagram import MAX_BANK_FILTERS, stale_settings
from conv_core import trace_conv1d

from .test_diagram import _session

CASES = {
    "valid": ({"filters": 2, "kernel_size": 3}, 9),
    "odd same": ({"filters": 1, "kernel_size": 4, "padding": "same"}, 7),  # pads (1, 2)
    "causal": ({"filters": 2, "kernel_size": 3, "padding": "causal"}, 9),
    "dilation": ({"filters": 2, "kernel_size": 3, "padding": "causal", "dilation_rate": 2}, 12),
    "stride": ({"filters": 2, "kernel_size": 2, "strides": 3}, 10),
    "stride same": ({"filters": 2, "kernel_size": 3, "strides": 2, "padding": "same"}, 8),
}


def _load(window, name):
    layer, steps = CASES[name]
    session = _session(layer, steps)
    window.state.load_session(session)
    window.state.flush()
    window.resize(1400, 900)
    for _ in range(3):
        window.repaint()
    return trace_conv1d(session.spec(), session.x, session.kernel, session.bias)


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("orientation", ["time_lr", "keras_rows"])
def test_output_sits_under_its_window(window, qtbot, name, orientation):
    tr = _load(window, name)
    window.state.set_view(orientation=orientation)
    qtbot.wait(10)
    d = window.diagram
    assert np.array_equal(d.state.trace.output_positions, tr.output_positions)
    s, keff = tr.spec.strides, tr.spec.effective_kernel_size
    for t in range(tr.out_steps):
        taps = tr.tap_steps[t]
        want = float(tr.output_positions[t])
        # the rule, checked against the taps: valid and same in the window's middle, causal at its last tap
        if tr.spec.padding == "causal":
            assert want == taps[-1] == t * s  # an output only looks left: under its window's right edge
        else:
            assert want == (taps[0] + taps[-1]) / 2
        assert taps[0] <= want <= taps[0] + keff - 1
        # on screen: the output cell's centre is where that input position is drawn
        assert d.scene_x_of_output(t) == pytest.approx(d.scene_x_of_input(want), abs=0.6)
        # and one output cell is `strides` input steps wide
        r = d.output_rect(t, 0)
        assert (r.width() if orientation == "time_lr" else r.height()) == s


def test_same_stays_centred_and_causal_looks_left(window):
    CASES["same k3"] = ({"filters": 1, "kernel_size": 3, "padding": "same"}, 7)
    try:
        tr = _load(window, "same k3")
    finally:
        del CASES["same k3"]
    d = window.diagram
    # an odd kernel under 'same' with stride 1: output t right under input t
    assert [d.scene_x_of_output(t) for t in range(tr.out_steps)] == pytest.approx(
        [d.scene_x_of_input(t) for t in range(tr.steps)], abs=0.6)
    # an even kernel pads one more zero on the right: its windows (and outputs) sit half a step right
    tr = _load(window, "odd same")
    assert [d.scene_x_of_output(t) for t in range(tr.out_steps)] == pytest.approx(
        [d.scene_x_of_input(t + 0.5) for t in range(tr.steps)], abs=0.6)
    tr = _load(window, "causal")
    for t in range(tr.out_steps):
        assert d.scene_x_of_output(t) == pytest.approx(d.scene_x_of_input(tr.tap_steps[t, -1]), abs=0.6)


def test_skipped_steps_are_greyed_always_and_slots_outlined(window):
    tr = _load(window, "stride")
    d = window.diagram
    assert tr.dropped_steps == (2, 5, 8, 9)
    window.state.set_hover(None)
    window.state.set_pin(None)
    assert d._dropped.isVisible()  # without any hover
    grey = d._dropped.path()
    for st in range(tr.steps):
        centre = d.logical_rect(st, 0, 1, 1).center()
        assert grey.contains(centre) == (st in tr.dropped_steps), st
    # every output slot is outlined before it is computed: one vertical line per slot edge
    window.state.set_position(0)
    assert not window.state.filled_mask()[1:, :].any()
    slots = d._slots.path()
    assert slots.elementCount() == 2 * ((tr.out_steps + 1) + (tr.filters + 1))
    assert slots.boundingRect() == d.output_rect(0, 0, tr.out_steps, tr.filters)


def test_dilation_holes_stay_visible_inside_the_window(window):
    tr = _load(window, "dilation")
    d = window.diagram
    window.state.set_position(5)
    step, _ = window.state.current()
    xs = sorted(round(r.center().x()) for r in d.tap_rects)
    assert xs == sorted(int(i) for i in tr.tap_steps[step])
    assert xs[1] - xs[0] == 2  # the hole between two taps is not covered by a tap
    assert d._window_span.isVisible()
    span = d._window_span.rect()
    assert span.left() == xs[0] - 0.5 and span.right() == xs[-1] + 0.5


def test_kernel_overlay_shows_the_current_filters_weights_in_the_window(window):
    tr = _load(window, "valid")
    d = window.diagram
    window.state.set_position(tr.out_steps + 2)  # filter 1, step 2
    step, f = window.state.current()
    assert (step, f) == (2, 1)
    weights = d._window_weights
    for j, i in enumerate(tr.tap_steps[step]):
        for c in range(tr.channels_per_group):
            assert weights.text_at(int(i), c) == "×" + f"{tr.kernel[j, c, f]:g}"


def test_filter_colour_tags_link_window_output_row_and_bias(window):
    from app.views.colors import tag_color

    tr = _load(window, "valid")
    d = window.diagram
    window.state.set_position(tr.out_steps)  # filter 1
    tag = tag_color(1)
    # the window, the active kernel and the current output cell: outlined in the tag
    assert all(r.pen().color().name() == tag for r in (*d._taps, d._active_kernel, d._current_cell))
    n_tags = len(FILTER_TAGS)
    out = d.tag_items["output"][1 % n_tags]  # the bar left of output row 1, in filter 1's colour
    assert out.brush().color().name() == tag and out.path().boundingRect().center().y() == pytest.approx(1.0)
    assert out.path().boundingRect().right() < d.output_rect(0, 1).left()  # left of the first output
    bank = d.tag_items["kernel"][1 % n_tags]  # the tag between filter 1's block and its bias
    r = bank.path().boundingRect()
    assert r.center().x() == tr.bank.center(1)  # under the middle of filter 1's block
    assert tr.channels_per_group - 0.5 < r.center().y() < d.ref_rect(CellRef("bias", filter=1)).top()


def test_large_bank_shows_the_selected_filter_and_a_numbered_strip(window):
    window.open_example("seed-embedding")
    window.state.flush()
    d, tr = window.diagram, window.state.trace
    assert tr.filters > MAX_BANK_FILTERS and d.large_bank and d.strip_plot.isVisible()
    assert d.kernel_panel.image.image.shape == (300, 4)  # one filter: taps x channels, not 400 stripes
    ticks = d.kernel_panel.plot.getAxis("bottom")._tickLevels[0]
    assert [label for _, label in ticks] == ["0", "1", "2", "3"]  # real kernel positions
    strip = d.strip_plot.getAxis("bottom")._tickLevels[0]
    assert [label for _, label in strip] == [str(f) for f in range(0, 100, 5)]  # numbered thumbnails
    window.state.set_mode("one_filter")
    window.state.set_position(7 * tr.out_steps + 3)
    assert d.selected_filter == 7
    assert np.array_equal(d.kernel_panel.image.image, tr.kernel[:, :, 7].T)
    d.select_filter(42)  # a click on thumbnail 42
    assert window.state.current() == (3, 42) and d.selected_filter == 42
    # the weights of the selected filter are hoverable; the others are not drawn large
    assert d.ref_rect(CellRef("kernel", tap=1, channel=0, filter=42)).width() == 1
    assert d.ref_rect(CellRef("kernel", tap=1, channel=0, filter=41)).isEmpty()


def test_groups_name_the_real_input_channels(window):
    session = _session({"filters": 4, "kernel_size": 2, "groups": 2}, 6, channels=4)
    window.state.load_session(session)
    window.state.flush()
    window.state.set_position(3 * window.state.trace.out_steps)  # filter 3: group 1 reads channels 2, 3
    axis = window.diagram.kernel_panel.plot.getAxis("left")
    labels = [label for _, label in axis._tickLevels[0]]
    assert labels[:2] == ["2", "3"]
    assert "group 1" in axis.labelText


def test_invalid_setting_stamps_the_last_valid_setting(window):
    window.open_example("classroom")
    window.state.flush()
    window.layer_panel.kernel_size.setValue(20)
    window.state.flush()
    assert window.state.error is not None
    d = window.diagram
    assert "kernel_size=3" in d.stale_text
    assert stale_settings(window.state.layer, window.state.input_shape, window.state.trace) == ["kernel_size=3"]
    window.layer_panel.kernel_size.setValue(3)
    window.state.flush()
    assert d.stale_text == ""


def test_padding_cell_hover_explains_it(window):
    _load(window, "odd same")
    d = window.diagram
    d.hover_cell("input", 8, 0)  # the second right padding zero
    tip = d.viewport().toolTip()
    assert "x[0, 8 (padding zero), 0] = 0" in tip and "padding 'same' adds zeros: 1 on the left, 2 on the right" in tip
    d.hover_cell("input", -1, 0)
    assert "−1 (padding zero)" in d.viewport().toolTip()


@pytest.mark.parametrize("theme", list(THEMES))
def test_theme_text_colours_meet_wcag_aa(theme):
    t = THEMES[theme]
    for name, (fg, bg) in text_pairs(t).items():
        assert contrast_ratio(fg, bg) >= 4.5, (theme, name, fg, bg)


@pytest.mark.parametrize("theme", list(THEMES))
def test_cell_numbers_meet_wcag_aa_on_every_colour_of_the_map(theme):
    from app.views.colors import TEXT_ON_PALE, TEXT_ON_SATURATED, diverging_map

    t = THEMES[theme]
    cmap = diverging_map(t.colormap)
    values = np.linspace(-1, 1, 201)
    white = text_color_for(values, 1.0, t)
    for v, w in zip(values, white, strict=True):
        cell = cmap.map((v + 1) / 2, mode="qcolor")
        assert contrast_ratio(TEXT_ON_SATURATED if w else TEXT_ON_PALE, cell) >= 4.5, (theme, v)


def test_colour_bar_labels_are_compact_and_fit(window):
    from app.views.axes import compact_number

    assert [compact_number(v) for v in (1000, -500, 5000, 1500, 0.05)] == ["1k", "−500", "5k", "1.5k", "0.05"]
    window.open_example("odd-same")
    window.state.flush()
    for panel in window.diagram.panels.values():
        axis = panel.colorbar.axis
        lo, hi = panel.colorbar.levels()
        strings = axis.tickStrings([lo, lo / 2, 0.0, hi / 2, hi], 1.0, hi)
        assert all(len(text) <= 6 for text in strings), strings
        metrics = QFontMetricsF(axis.style["tickFont"])
        room = axis.width() - axis.style["tickTextOffset"][0] - max(0, axis.style["tickLength"])
        assert all(metrics.horizontalAdvance(text) <= room for text in strings), (strings, room)


def test_cell_numbers_follow_the_cell_height_in_every_theme(window, qtbot):
    """40-50 % of the cell's height (width permitting), not a fixed point size: readable from the back."""
    window.open_example("classroom")
    window.state.flush()
    window.resize(1900, 1060)
    for theme in ("light", "high_contrast"):
        window.state.set_view(theme=theme)
        panel = window.diagram.output_panel
        window.state.set_position(window.state.position_count - 1)  # every output shown

        def follows_the_cell(theme=theme, panel=panel):
            window.diagram.viewport().repaint()  # after the layout has settled at the new size
            sx, sy = panel.plot.getViewBox().viewPixelSize()
            cell_w, cell_h = 1.0 / sx, 1.0 / sy
            px = panel.texts.last_font_px
            assert cell_h > 30
            assert px <= 0.5 * cell_h, (theme, px, cell_h)
            if px < 0.4 * cell_h - 1:  # only the cell's width may hold it back: a bigger size would not fit
                font = QFont(panel.texts.font)
                font.setPixelSize(px + 2)
                longest = max((panel.texts.text_at(t, f) for t in range(14) for f in range(3)), key=len)
                assert QFontMetricsF(font).horizontalAdvance(longest) > 0.92 * cell_w, (theme, px, cell_h)

        qtbot.waitUntil(follows_the_cell, timeout=5000)


def test_vertical_chinese_axis_titles_stand_upright(window, qtbot):
    from app.i18n.languages import set_language

    window.open_example("classroom")
    window.state.flush()
    try:
        set_language("zh_CN")
        qtbot.waitUntil(lambda: "通" in window.diagram.input_panel.plot.getAxis("left").labelText, timeout=3000)
        axis = window.diagram.input_panel.plot.getAxis("left")
        assert axis.label.rotation() == 0  # not turned on its side
        assert "通<br>道" in axis.label.toHtml() or "通<br />道" in axis.label.toHtml()
        bottom = window.diagram.input_panel.plot.getAxis("bottom")
        assert bottom.label.rotation() == 0 and "<br" not in bottom.labelString()
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: window.diagram.input_panel.plot.getAxis("left").label.rotation() == -90, timeout=3000)


def _drawn_numbers(panel, view):
    """(text, on-screen em size in px) of every cell number a panel draws (its ``text_runs``)."""
    texts = panel.texts
    t = texts.deviceTransform(view.viewportTransform())
    scale = float(np.sqrt(abs(t.determinant())))
    return [(text, em * scale) for text, _rect, em in texts.text_runs()]


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_classroom_numbers_read_from_the_back_row_on_a_short_screen(window, qtbot, size):
    """Classroom mode on a projector: every input number and every computed output number drawn,
    at 20 px or more, and no more than 60 % of its cell's height (the rows have the height)."""
    window.open_example("classroom")
    window.state.flush()
    window.classroom.set_active(True, fullscreen=False)
    window.resize(*size)
    d = window.diagram
    try:
        for position in (0, 5):  # the intro in the band, then a question (the band the class reads)
            window.state.set_position(position)

            def readable(position=position):
                d.viewport().repaint()
                numbers = {}
                for name in ("input", "output"):
                    panel = d.panels[name]
                    _sx, sy = panel.plot.getViewBox().viewPixelSize()
                    drawn = _drawn_numbers(panel, d)
                    assert drawn, name
                    for text, px in drawn:
                        assert px >= 20 - 0.05, (name, text, px)
                        assert px <= 0.6 * (1 / sy) + 0.5, (name, text, px, 1 / sy)
                    numbers[name] = len(drawn)
                assert numbers["input"] == 16 * 4
                assert numbers["output"] == position + 1  # the cells computed so far
                assert window.classroom.predict.banner.isVisible()

            qtbot.waitUntil(readable, timeout=5000)
    finally:
        window.classroom.set_active(False, fullscreen=False)


@pytest.mark.parametrize(("size", "lang"), [((1600, 1000), "en"), ((1920, 1080), "zh_CN")])
def test_flipping_padding_moves_no_cell(window, qtbot, size, lang):
    """Where the diagram can spare a line (normal mode, at least STEADY_TITLE_MIN_HEIGHT tall), the input's
    title is as tall under every padding (the note on the zeros 'same' and 'causal' add may wrap it): flipping
    padding, the first thing a class tries, changes the hatched zeros and the output, and the input's cells
    stay put."""
    from PySide6.QtWidgets import QApplication

    from app.i18n import languages

    try:
        assert languages.set_language(lang)
        window.resize(*size)
        window.open_example("classroom")
        state, d = window.state, window.diagram
        rects, titles = [], []
        for padding in ("same", "valid", "causal", "same"):
            state.set_layer_arg("padding", padding)
            state.flush()
            for _ in range(3):
                QApplication.processEvents()
            rects.append(d.input_panel.plot.getViewBox().sceneBoundingRect())  # where the input's cells are drawn
            titles.append(d.input_panel.plot.titleLabel.text.replace("&#x27;", "'"))
        assert all(r == rects[0] for r in rects), rects
        assert "padding" not in titles[1] and "'causal'" in titles[2]
    finally:
        languages.set_language("en")
