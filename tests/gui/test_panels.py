"""The side panels as a learner reads them: every term of the sum, a table aligned in every language,
honest elision with a way to expand, the stale-state stamp and outlines, plurals, fonts that scale,
and compare mode's outputs under their windows."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextDocument

from app.i18n import languages
from app.i18n.messages import channels_text, filters_text, steps_text
from app.state.explorer import CellRef
from app.views.compare_view import CompareWindow
from app.views.layer_panel import LayerPanel
from app.views.math_panel import MAX_CHANNEL_ROWS, MAX_TAP_TERMS, MathPanel, signed_step
from app.views.shapes_panel import ShapesPanel
from conv_core import PAD

NBSP = "\u00a0"


@pytest.fixture
def english_after(qtbot):
    yield
    languages.set_language("en")


@pytest.fixture
def panels(qtbot, state):
    math, shapes = MathPanel(state), ShapesPanel(state)
    for w in (math, shapes):
        qtbot.addWidget(w)
        w.resize(470, 900)
    return math, shapes


def _set_layer(state, **layer):
    for name, value in layer.items():
        state.set_layer_arg(name, value)


def _num(v: float) -> str:
    text = str(int(v)).replace("-", "−")
    return f"({text})" if text.startswith("−") else text


# ------------------------------------------------------------------ every term
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    k=st.integers(1, MAX_TAP_TERMS),
    cg=st.integers(1, 4),
    groups=st.integers(1, 2),
    padding=st.sampled_from(["valid", "same", "causal"]),
    stride_or_dilation=st.sampled_from([(1, 1), (2, 1), (1, 2), (3, 1)]),
    steps=st.integers(9, 14),  # 5 taps at dilation 2 span 9 steps: fewer is an error under 'valid'
    seed=st.integers(0, 10_000),
    pick=st.floats(0, 1),
)
def test_the_sum_shows_every_term_up_to_5_taps_by_4_channels(panels, state, k, cg, groups, padding,
                                                                stride_or_dilation, steps, seed, pick):
    math, _ = panels
    strides, dilation = stride_or_dilation
    rng = np.random.default_rng(seed)
    filters = 2 * groups
    _set_layer(state, filters=filters, kernel_size=k, groups=groups, padding=padding, strides=strides,
               dilation_rate=dilation, use_bias=True, activation="linear")
    state.set_input_shape(1, steps, cg * groups)
    state.flush()
    state.set_input(rng.integers(-9, 10, size=(1, steps, cg * groups)).astype(float))
    state.set_kernel(rng.integers(-9, 10, size=(k, cg, filters)).astype(float))
    state.flush()
    tr = state.trace
    assert state.error is None and tr.spec.kernel_size == k and tr.channels_per_group == cg
    t = min(int(pick * tr.out_steps), tr.out_steps - 1)
    f = min(int(pick * filters), filters - 1)
    state.set_pin(CellRef("output", step=t, filter=f))
    cell = tr.cell(0, t, f)
    lines = math.plain_text().splitlines()
    for c in range(cg):
        terms = []
        for j in range(k):
            x = "0" if cell.taps[j] == PAD else _num(cell.inputs[j, c])
            terms.append(f"{x}·{_num(cell.weights[j, c])}")
        partial = str(int(cell.channel_sums[c])).replace("-", "−")
        want = f"c={int(cell.channels[c])}: " + " + ".join(terms) + f" = {partial}"
        assert want in lines, (want, lines)
    assert math.hidden_terms == 0 and "…" not in "".join(lines[2:])
    steps_read = [signed_step(s) + (" (padding zero)" if p else "")
                  for s, p in zip(tr.tap_steps[t], tr.tap_on_padding[t], strict=True)]
    assert f"read input steps {', '.join(steps_read)}" in lines[1]


def test_odd_same_prints_the_whole_sum(window):
    window.open_example("odd-same")
    window.state.flush()
    window.state.set_position(3)
    text = window.inspect.math_panel.plain_text()
    assert "c=0: 3·1000 + 4·100 + 5·10 + 6·1 = 3456" in text
    window.state.set_position(0)  # 'same' with kernel_size 4 pads one zero on the left
    assert "read input steps −1 (padding zero), 0, 1, 2" in window.inspect.math_panel.plain_text()


def _column_edges(panel: MathPanel) -> tuple[list[float], list[float]]:
    """x of every '=' cell and the right edge of every value, as the label lays the table out."""
    doc = QTextDocument()
    doc.setDefaultFont(panel.body.font())
    doc.setHtml(panel.body.text())
    doc.setTextWidth(panel.body.width())
    layout = doc.documentLayout()
    eq_x, right = [], []
    block = doc.begin()
    while block.isValid():
        if block.text().replace(NBSP, "").strip() == "=":
            eq_x.append(layout.blockBoundingRect(block).x())
            value = block.next()
            rect = layout.blockBoundingRect(value)
            line = value.layout().lineAt(0)
            end, _ = line.cursorToX(len(value.text()))  # after the last character, alignment included
            right.append(rect.x() + end)
        block = block.next()
    return eq_x, right


@pytest.mark.parametrize("lang", ["en", "zh_CN", "zh_TW"])
def test_the_equals_column_and_the_values_align_in_every_language(panels, state, english_after, lang):
    math, _ = panels
    assert languages.set_language(lang)
    state.set_input(np.arange(64.0).reshape(1, 16, 4) * 37 - 900)  # values of different widths
    state.flush()
    math.refresh()
    eq_x, right = _column_edges(math)
    assert len(eq_x) >= 4 + 3  # 4 channels, then Σ, bias, before activation
    assert max(eq_x) - min(eq_x) < 0.5, eq_x
    assert max(right) - min(right) < 0.5, right
    if lang != "en":  # the labels below the rule are Chinese (double width) and still aligned
        assert "卷" in math.plain_text()


# ------------------------------------------------------------------ elision
def test_beyond_5_by_4_the_sum_says_what_it_hides_and_expands(panels, state):
    math, _ = panels
    _set_layer(state, kernel_size=7)
    state.flush()
    text = math.plain_text()
    assert text.count("… 3 more terms …") == 4 and math.hidden_terms == 12
    assert "Show all 28 terms" in text
    math.body.linkActivated.emit("expand")  # the link under the sum
    text = math.plain_text()
    assert math.hidden_terms == 0 and "more terms" not in text and "Show fewer terms" in text
    cell = math.cell
    row = " + ".join(f"{_num(cell.inputs[j, 0])}·{_num(cell.weights[j, 0])}" for j in range(7))
    assert f"c=0: {row} =" in text
    math.body.linkActivated.emit("collapse")
    assert math.hidden_terms == 12
    _set_layer(state, kernel_size=3)
    state.set_input_shape(1, 16, 20)
    state.flush()
    text = math.plain_text()
    hidden_rows = 20 - (MAX_CHANNEL_ROWS - 1)
    assert f"⋮ {hidden_rows} more channels ({hidden_rows * 3} terms)" in text
    math.set_expanded(True)
    assert all(f"c={c}:" in math.plain_text() for c in range(20))


# ------------------------------------------------------------------ stale state
def test_an_invalid_setting_is_outlined_and_every_panel_says_what_it_shows(qtbot, panels, state, english_after):
    math, shapes = panels
    layer = LayerPanel(state)
    qtbot.addWidget(layer)
    layer.kernel_size.setValue(20)
    state.flush()
    stamp = "showing the last valid setting: kernel_size=3"
    assert stamp in math.plain_text() and stamp in shapes.plain_text() and stamp in layer.error_label.text()
    assert layer.marked == ["kernel_size"]
    error = "#c62828"  # the light theme's error colour
    layer.show()
    qtbot.waitExposed(layer)
    outline = layer.outlines["kernel_size"]
    assert outline.isVisible() and error in outline.styleSheet() and error in layer.labels["kernel_size"].styleSheet()
    assert outline.geometry().contains(layer.kernel_size.geometry())  # around the control, not over its text
    assert layer.kernel_size.styleSheet() == ""  # the spin box keeps its own look and arrows
    assert not layer.outlines["strides"].isVisible()
    state.set_view(theme="dark")
    assert "#ff8a80" in outline.styleSheet()
    languages.set_language("zh_CN")  # Qt posts LanguageChange: the panels retranslate on the next events
    qtbot.waitUntil(lambda: "显示的是上一个有效设置：kernel_size=3" in math.plain_text())
    languages.set_language("en")
    layer.kernel_size.setValue(3)
    layer.strides.setValue(2)
    layer.dilation_rate.setValue(2)
    state.flush()
    assert layer.marked == ["strides", "dilation_rate"]  # both sides of the conflict
    layer.dilation_rate.setValue(1)
    state.flush()
    assert layer.marked == [] and not layer.outlines["strides"].isVisible() and stamp not in math.plain_text()


# ------------------------------------------------------------------ plurals, fonts
def test_counts_use_plural_forms_in_every_language(english_after, qtbot):
    assert (steps_text(1), steps_text(16)) == ("1 step", "16 steps")
    assert (channels_text(1), filters_text(1), filters_text(3)) == ("1 channel", "1 filter", "3 filters")
    languages.set_language("zh_CN")
    assert (filters_text(1), filters_text(3), steps_text(16)) == ("1 个过滤器", "3 个过滤器", "16 步")
    languages.set_language("zh_TW")
    assert channels_text(1) == "1 個通道"


def test_padding_sentence_and_sum_label_are_singular_for_one(panels, state):
    math, shapes = panels
    _set_layer(state, kernel_size=4, padding="same")
    state.set_input_shape(1, 16, 1)
    state.flush()
    assert "Padding 'same': 1 zero on the left, 2 on the right." in shapes.plain_text()
    assert "Σ 4 taps × 1 channel =" in math.plain_text()


def test_panel_fonts_follow_the_inherited_font(panels):
    math, shapes = panels
    for panel, scale in ((math, 1.4), (shapes, 1.3)):
        before = panel.body.font().pointSizeF()
        font = QFont(panel.font())
        font.setPointSizeF(panel.font().pointSizeF() * 2)  # what classroom mode does to the window
        panel.setFont(font)
        assert panel.body.font().pointSizeF() == pytest.approx(before * 2)
        assert panel.body.font().pointSizeF() == pytest.approx(font.pointSizeF() * scale)
        assert panel.title.font().pointSizeF() > panel.body.font().pointSizeF() / scale


# ------------------------------------------------------------------ compare mode
@pytest.mark.parametrize("padding", ["valid", "same", "causal"])
def test_compare_draws_stride_2_outputs_under_their_windows(qtbot, padding):
    cw = CompareWindow()
    qtbot.addWidget(cw)
    cw.set_setting("A", padding=padding, strides=1, kernel_size=3)
    cw.set_setting("B", padding=padding, strides=2, kernel_size=3)
    for side in cw.sides.values():
        tr = side.trace
        assert tr is not None
        for t in range(tr.out_steps):
            cw.slider.setValue(t)
            x = side.current.rect().center().x()
            first, last = tr.tap_steps[t, 0], tr.tap_steps[t, -1]
            under = last if padding == "causal" else (first + last) / 2  # the window's centre, its end (causal)
            assert x == under == tr.output_positions[t]
            assert side.current.rect().width() == tr.spec.strides
    b = cw.sides["B"]
    top = b.output_plot.getAxis("top")._tickLevels[0]  # output step numbers over their cells
    assert top == [(float(b.trace.output_positions[t]), str(t)) for t in range(b.trace.out_steps)]
    assert b.output_grid.image.mapRectToParent(b.output_grid.image.boundingRect()).width() == 2 * b.trace.out_steps


def test_compare_axes_show_indices_without_a_scale_prefix(qtbot):
    cw = CompareWindow()  # its default input has one channel: pyqtgraph used to label it "channel (x0.001)"
    qtbot.addWidget(cw)
    for side in cw.sides.values():
        for plot in (side.input_plot, side.output_plot):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                assert not axis.autoSIPrefix and "x0.001" not in axis.labelString()
    assert "16 steps × 1 channel" in cw.input_label.text()


# ------------------------------------------------------------------ cheap updates
def test_a_hidden_panel_waits_and_a_shown_one_refreshes_once_per_turn(qtbot, state, monkeypatch):
    math = MathPanel(state)
    qtbot.addWidget(math)
    math.show()
    qtbot.waitExposed(math)
    calls = []
    original = MathPanel.refresh
    monkeypatch.setattr(MathPanel, "refresh", lambda self: (calls.append(1), original(self))[1])
    state.set_position(1)
    state.set_position(2)  # several changes in one turn: one refresh
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1])
    assert "y[0, 2, 0]" in QTextDocument(math.title.text()).toPlainText()  # what the user sees is current

    math.hide()  # a folded tab or hidden dock does nothing
    calls.clear()
    state.set_position(3)
    qtbot.wait(20)
    assert calls == []
    math.show()  # and catches up when shown
    assert calls == [1]
    assert "y[0, 3, 0]" in math.title.text()
    math.hide()
    state.set_position(4)
    assert "y[0, 4, 0]" in math.plain_text()  # a reader never sees an old text
    assert len(calls) == 2


def test_panel_size_hints_match_qlabel(panels, state):
    """The panels' labels compute their size hints themselves (once per text): the same sizes as QLabel's."""
    from PySide6.QtWidgets import QLabel

    for odd in (False, True):
        _set_layer(state, kernel_size=3 if odd else 4, padding="same")
        state.flush()
        for panel in panels:
            for label in (panel.title, panel.body):
                plain = QLabel()
                plain.setWordWrap(True)
                plain.setTextFormat(label.textFormat())
                plain.setFont(label.font())
                plain.setText(label.text())
                assert label.sizeHint() == plain.sizeHint()
                assert label.minimumSizeHint() == plain.minimumSizeHint()
                for width in (0, 200, 454, 900):
                    assert label.heightForWidth(width) == plain.heightForWidth(width)


def test_flipping_an_argument_back_reuses_its_trace(state):
    state.set_layer_arg("padding", "same")
    state.flush()
    same = state.trace
    state.set_layer_arg("padding", "valid")
    state.flush()
    assert state.trace is not same
    state.set_layer_arg("padding", "same")
    state.flush()
    assert state.trace is same  # traced once per setting
    state.set_input(np.ones_like(state.x))  # a new input: a new trace
    state.flush()
    assert state.trace is not same and float(state.trace.padded[0, 1, 0]) == 1.0


def test_a_step_repaints_the_sum_in_place_exactly_as_qlabel_draws_it(qtbot, state, monkeypatch):
    """An animation step whose sum keeps its height is repainted without moving anything, and the
    pixels are QLabel's own rendering of the new text; QLabel's copy catches up once the text settles."""
    from PySide6.QtWidgets import QLabel

    from app.views.text_panel import PanelLabel

    math = MathPanel(state)
    qtbot.addWidget(math)
    math.resize(470, 900)
    math.show()
    qtbot.waitExposed(math)
    math.symbols.setFocus()  # as in the window, where the diagram has it: a focused sum (a link) repaints as QLabel
    state.set_position(1)
    qtbot.waitUntil(lambda: "y[0, 1, 0]" in math.title.text())
    qtbot.wait(PanelLabel.SETTLE_MS + 100)
    before = math.body.geometry()
    state.set_position(2)
    qtbot.waitUntil(lambda: "y[0, 2, 0]" in math.title.text())
    assert QLabel.text(math.body) != math.body.text()  # repainted in place: QLabel's copy not even set yet
    assert math.body.geometry() == before
    ours = {label: label.grab().toImage() for label in (math.title, math.body)}
    for label in ours:
        QLabel.setText(label, label.text())
    monkeypatch.setattr(PanelLabel, "paintEvent", QLabel.paintEvent)
    for label, image in ours.items():
        assert image == label.grab().toImage(), label.objectName()
    monkeypatch.undo()
    state.set_position(3)
    qtbot.waitUntil(lambda: "y[0, 3, 0]" in math.title.text())
    qtbot.waitUntil(lambda: QLabel.text(math.body) == math.body.text())  # selecting and links see it too
