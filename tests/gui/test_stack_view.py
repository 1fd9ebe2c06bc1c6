"""The layer-stack window and compare mode, driven through their widgets (qtbot, offscreen)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.io.keras_code import parse_keras
from app.views.stack_view import EXAMPLES
from conv_core import stack as st

DATA = json.loads(
    (Path(__file__).parents[1] / "stack" / "data" / "keras_summaries.json").read_text(encoding="utf-8"))
CASES = {case["id"]: case for case in DATA["cases"]}
MATERIAL = {
    "material_000_embedding_dropout_conv": {"conv1d": 4},
    "material_003_imdb_cnn": {"conv1d": 7, "max_pooling1d": 11, "conv1d_1": 41, "global_max_pooling1d": 496},
    "material_003_conv_gru": {"conv1d": 5, "max_pooling1d": 7, "conv1d_1": 19},
    "wavenet_tcn_dilated_causal": {"conv1d": 2, "conv1d_1": 4, "conv1d_2": 8, "conv1d_3": 16, "conv1d_4": 16},
}


@pytest.fixture
def stack_window(window, qtbot):
    actions = window.stack_actions
    actions.stack_action.trigger()  # Model > Layer stack… (Ctrl+L)
    sw = actions.stack_window
    assert sw is not None and sw.isVisible()
    return sw


def build(qtbot, sw, code: str) -> None:
    sw.code.setPlainText(code)
    with qtbot.waitSignal(sw.built, timeout=10_000):  # the code is read on a pool thread
        qtbot.mouseClick(sw.build_button, Qt.MouseButton.LeftButton)


# ------------------------------------------------------------------ pure: cones are exact
def _impulse_depends(stack: st.Stack, name: str) -> np.ndarray:
    """Brute force: which outputs of ``name`` change when one input step is set (kernels of ones)."""
    steps, channels = stack.input_shape  # type: ignore[misc]
    weights = {}
    for row in st.summarize(stack).rows:
        if isinstance(row.layer, st.Conv1D):
            k, f = row.layer.kernel_size, row.layer.filters
            c = row.input_shape[-1]
            weights[row.name] = (np.ones((k, c, f)), None)
    out = []
    for i in range(steps):
        x = np.zeros((1, steps, channels))
        x[0, i, :] = 1.0
        y = st.run_stack(stack, x, weights)[name][0]
        out.append(np.abs(y).sum(axis=-1) > 0)
    return np.array(out).T


@pytest.mark.parametrize("code", [
    CASES["wavenet_tcn_dilated_causal"]["snippet"],
    "model = Sequential()\nmodel.add(Conv1D(2, 3, dilation_rate=2, padding='same', input_shape=(23, 1)))\n"
    "model.add(MaxPooling1D(2))\nmodel.add(Conv1D(2, 2, strides=3))\n",
])
def test_cone_is_exact_through_every_layer(code):
    stack, _ = parse_keras(code).model.to_stack()
    summary = st.summarize(stack)
    for row in summary.rows:
        if row.layer is None:
            continue
        depends = summary.input_steps(row.name)
        np.testing.assert_array_equal(depends, _impulse_depends(stack, row.name))
        for t in range(depends.shape[0]):
            cone = summary.cone(row.name, t)
            np.testing.assert_array_equal(cone.input, depends[t])
            assert cone.layers[row.name].nonzero()[0].tolist() == [t]
        np.testing.assert_array_equal(summary.cone(row.name).input, depends.any(axis=0))


# ------------------------------------------------------------------ paste and build
@pytest.mark.parametrize("case_id", list(MATERIAL))
def test_pasting_material_gives_keras_summary_and_receptive_fields(qtbot, stack_window, case_id):
    case = CASES[case_id]
    build(qtbot, stack_window, case["snippet"])
    rows = stack_window.table_rows()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (f"{k['name']} ({k['class']})", str(tuple(k["output_shape"])), f"{k['params']:,}")
        for k in case["layers"]
    ]
    fields = {r[0].split(" ")[0]: r[3] for r in rows}
    for name, rf in MATERIAL[case_id].items():
        assert fields[name] == str(rf)
    assert "Total params: " + f"{sum(k['params'] for k in case['layers']):,}" in stack_window.totals.text()


def test_example_combo_builds_the_material_models(qtbot, stack_window):
    combo = stack_window.examples
    expected = {"embedding_dropout_conv": ("(None, 50, 100)", "4"), "imdb_cnn": ("(None, 1)", ""),
                "conv_gru": ("(None, 1)", ""), "wavenet": ("(None, 64, 1)", "16")}
    assert list(expected) == list(EXAMPLES)
    for name, (shape, rf) in expected.items():
        combo.setCurrentIndex(combo.findData(name))
        combo.activated.emit(combo.currentIndex())
        last = stack_window.table_rows()[-1]
        assert (last[1], last[3]) == (shape, rf), name
    # shape-only layers are labelled boxes, conv layers heat maps of real numbers
    canvas = stack_window.canvas
    assert canvas.kind("conv1d_3") == "heatmap"
    run = st.run_stack(stack_window.model.drawn.stack, stack_window.model.x,
                       st.default_weights(stack_window.model.drawn.stack))
    np.testing.assert_allclose(canvas.rows["conv1d_3"].image.image, run["conv1d_3"][0].T)


def test_shape_only_layers_are_boxes_with_shapes_and_params(qtbot, stack_window):
    stack_window.load_example("conv_gru")
    canvas = stack_window.canvas
    assert canvas.kind("gru") == "box" and "(None, 32)" in canvas.box_text("gru")
    assert "6,336" in canvas.box_text("gru")
    assert canvas.kind("dense") == "box" and "33" in canvas.box_text("dense")
    # None steps: the table says None, the drawing uses the chosen length
    assert stack_window.table_rows()[0][1] == "(None, None, 32)"
    assert stack_window.steps_spin.value() == 0 and stack_window.steps_spin.text() == "None"
    assert stack_window.length_spin.isEnabled() and canvas.rows["input"].steps == 240
    stack_window.length_spin.setValue(100)
    assert canvas.rows["input"].steps == 100 and canvas.rows["conv1d"].steps == 96
    stack_window.steps_spin.setValue(60)  # a fixed length: the table follows
    assert stack_window.table_rows()[0][1] == "(None, 56, 32)"
    assert not stack_window.length_spin.isEnabled()


# ------------------------------------------------------------------ receptive field cones
def test_choosing_an_output_lights_its_exact_cone(qtbot, stack_window):
    stack_window.load_example("imdb_cnn")
    model, canvas = stack_window.model, stack_window.canvas
    assert model.select("conv1d_1", 30)
    depends = model.drawn.input_steps("conv1d_1")
    np.testing.assert_array_equal(canvas.lit("input"), depends[30])
    assert canvas.lit("input").sum() == 41
    # what the overlay really draws: lit steps untouched, the rest veiled
    alpha = canvas.overlay_alpha("input")
    assert (alpha[depends[30]] == 0).all() and (alpha[~depends[30]] > 0).all()
    # the last 4 input steps fall off the strided pooling: greyed
    assert canvas.greyed("input").nonzero()[0].tolist() == [496, 497, 498, 499]
    np.testing.assert_array_equal(canvas.greyed("input"), ~depends.any(axis=0))
    assert canvas.lit("max_pooling1d").nonzero()[0].tolist() == list(range(30, 37))
    assert stack_window.slider.value() == 30 and stack_window.layer_combo.currentData() == "conv1d_1"
    # the slider moves the cone (and Play steps it)
    stack_window.slider.setValue(31)
    np.testing.assert_array_equal(canvas.lit("input"), depends[31])
    stack_window._advance()
    assert model.selection == ("conv1d_1", 32)


def test_a_real_click_lights_the_dilated_cone_with_holes(qtbot, stack_window):
    stack_window.load_example("wavenet")
    canvas = stack_window.canvas
    assert stack_window.canvas.alignment == "end"  # causal: outputs sit over their last input
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.widget_pos_of("conv1d_3", 40))
    assert stack_window.model.selection == ("conv1d_3", 40)
    assert canvas.lit("input").nonzero()[0].tolist() == list(range(25, 41))  # receptive field 16
    np.testing.assert_array_equal(canvas.lit("input"), stack_window.model.drawn.input_steps("conv1d_3")[40])
    assert canvas.lit("conv1d_2").nonzero()[0].tolist() == [32, 40]
    assert canvas.lit("conv1d_1").nonzero()[0].tolist() == [28, 32, 36, 40]
    assert canvas.lit("conv1d").nonzero()[0].tolist() == list(range(26, 41, 2))  # holes
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.widget_pos_of("conv1d", 3))
    assert stack_window.model.selection == ("conv1d", 3)
    assert canvas.lit("input").nonzero()[0].tolist() == [2, 3]


# ------------------------------------------------------------------ editing the layers
def test_add_remove_reorder_and_edit_layers(qtbot, stack_window):
    sw = stack_window
    build(qtbot, sw, "model = Sequential()\nmodel.add(Conv1D(4, 3, input_shape=(20, 2)))\n"
                     "model.add(MaxPooling1D(2))\n")
    assert [r[1] for r in sw.table_rows()] == ["(None, 18, 4)", "(None, 9, 4)"]
    # add: a Conv1D after the selected layer
    sw.select_layer(1)
    next(a for a in sw.add_menu.actions() if a.data() == "Conv1D").trigger()
    assert [r[0] for r in sw.table_rows()][-1] == "conv1d_1 (Conv1D)"
    assert sw.table_rows()[-1][1:5] == ("(None, 7, 8)", "104", "8", "2")
    assert sw.canvas.kind("conv1d_1") == "heatmap" and sw.canvas.rows["conv1d_1"].steps == 7
    # edit through the form (Keras names), both directions
    assert sw.layer_list.currentRow() == 2 and sw.form.editors["kernel_size"].value() == 3
    sw.form.editors["kernel_size"].setValue(5)
    assert sw.model.layers[2].kernel_size == 5 and sw.table_rows()[-1][1] == "(None, 5, 8)"
    assert sw.canvas.rows["conv1d_1"].steps == 5
    sw.form.editors["padding"].setCurrentText("same")
    assert sw.table_rows()[-1][1] == "(None, 9, 8)"
    sw.select_layer(0)
    assert sw.form.editors["filters"].value() == 4
    # reorder with the buttons: the pool first
    sw.select_layer(1)
    qtbot.mouseClick(sw.up_button, Qt.MouseButton.LeftButton)
    assert [r[0] for r in sw.table_rows()] == [
        "max_pooling1d (MaxPooling1D)", "conv1d (Conv1D)", "conv1d_1 (Conv1D)"]
    assert sw.table_rows()[0][1] == "(None, 10, 2)" and sw.layer_list.currentRow() == 0
    qtbot.mouseClick(sw.down_button, Qt.MouseButton.LeftButton)
    assert sw.table_rows()[0][0] == "conv1d (Conv1D)"
    # reorder by dragging in the list (the list model's move, as a drop does)
    lst = sw.layer_list
    assert lst.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    qtbot.waitUntil(lambda: sw.table_rows()[0][0] == "conv1d (Conv1D)" and
                    isinstance(sw.model.layers[0], st.Conv1D) and sw.model.layers[0].filters == 8,
                    timeout=2000)
    assert sw.table_rows()[0][1] == "(None, 20, 8)"
    # remove
    sw.select_layer(0)
    qtbot.mouseClick(sw.remove_button, Qt.MouseButton.LeftButton)
    assert len(sw.table_rows()) == 2 and "conv1d_1" not in sw.canvas.rows


def test_a_refused_layer_shows_kerass_message_and_a_fix_the_rest_stays(qtbot, stack_window):
    sw = stack_window
    build(qtbot, sw, "model = Sequential()\nmodel.add(Conv1D(4, 3, input_shape=(20, 2)))\n"
                     "model.add(Conv1D(4, 3))\nmodel.add(Dense(1))\n")
    sw.select_layer(1)
    sw.form.editors["kernel_size"].setValue(30)
    rows = sw.table_rows()
    assert rows[0][1] == "(None, 18, 4)" and rows[1][1] == "?" and rows[2][1] == "?"
    refused = sw.table.model().index(1, 0)
    assert refused.data(Qt.ItemDataRole.BackgroundRole).name() == "#ffcdd2"
    assert "Computed output size would be zero or negative" in refused.data(Qt.ItemDataRole.ToolTipRole)
    canvas = sw.canvas
    assert canvas.kind("conv1d") == "heatmap"  # the layer before still has its numbers
    assert canvas.kind("conv1d_1") == "error"
    text = canvas.box_text("conv1d_1")
    assert "Computed output size would be zero or negative" in text and "Fix:" in text
    assert "padding='same'" in text
    assert "not built" in canvas.box_text("dense")
    assert "Computed output size" in sw.totals.text()
    sw.form.editors["padding"].setCurrentText("same")  # the plain fix works
    assert sw.table_rows()[1][1] == "(None, 18, 4)" and canvas.kind("conv1d_1") == "heatmap"


def test_malformed_snippet_lists_remarks_by_line_and_jumps_to_them(qtbot, stack_window):
    sw = stack_window
    build(qtbot, sw, "这是一段说明文字\nmodel = Sequential()\n"
                     "model.add(Conv1DD(32, 3, input_shape=(10, 2)))\n"
                     "model.add(Conv1D(32, 3)\nmodel.add(Dense(1))\n")
    lines = sw.diagnostic_lines()
    assert 1 in lines and 3 in lines
    texts = [sw.diagnostics.item(i).text() for i in range(sw.diagnostics.count())]
    assert any(t.startswith("line 3: ") and "Conv1D" in t for t in texts)
    item = next(sw.diagnostics.item(i) for i in range(sw.diagnostics.count())
                if sw.diagnostics.item(i).text().startswith("line 3: "))
    rect = sw.diagnostics.visualItemRect(item)
    qtbot.mouseClick(sw.diagnostics.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sw.current_code_line() == 3
    # the unknown layer is a row of its own with Keras's words; the layers after it have unknown shapes
    rows = sw.table_rows()
    assert rows[0][0] == "conv1dd (Conv1DD)" and rows[-1][1] == "?"
    assert sw.canvas.kind("conv1dd") == "error"
    # nothing usable at all: remarks with lines, and the last stack stays
    build(qtbot, sw, "def f(:\n  pass\n")
    texts = [sw.diagnostics.item(i).text() for i in range(sw.diagnostics.count())]
    assert any("no model found" in t for t in texts) and sw.diagnostic_lines()
    assert sw.table_rows() == rows


def test_main_windows_input_is_used_when_its_shape_fits(qtbot, stack_window, window):
    sw = stack_window
    build(qtbot, sw, "model = Sequential()\nmodel.add(Conv1D(2, 3, input_shape=(16, 4)))\n")
    assert sw.model.x_source == "main"
    np.testing.assert_array_equal(sw.model.values("input"), window.state.x[0])
    qtbot.mouseClick(sw.main_input_box, Qt.MouseButton.LeftButton)
    assert not sw.main_input_box.isChecked() and sw.model.x_source == "random"
    a = sw.model.values("input").copy()
    sw.model.recompute()
    np.testing.assert_array_equal(sw.model.values("input"), a)  # deterministic


# ------------------------------------------------------------------ compare mode
def test_compare_marks_the_cells_only_one_setting_has(qtbot, window):
    actions = window.stack_actions
    actions.compare_action.trigger()  # View > Compare two settings…
    cw = actions.compare_window
    assert cw.isVisible()
    assert window.state.x.shape[1] == 16 and window.state.layer["kernel_size"] == 3
    a, b = cw.sides["A"], cw.sides["B"]
    assert (a.trace.out_steps, b.trace.out_steps) == (14, 16)
    assert cw.only_in("B") == [14, 15] and cw.only_in("A") == []
    assert [m.isVisible() for m in b.only_marks] == [True, True]
    assert b.only_marks[0].rect().center().x() == 14
    assert {"padding", "pad", "length", "shape"} <= cw.differences()
    assert "kernel_size" not in cw.differences()
    assert "<b style='color:#6a1b9a'>14</b>" in cw.header_text() and "14, 15" in cw.header_text()
    assert a.hatches[0].isVisible() is False and b.hatches[0].isVisible() and b.hatches[1].isVisible()
    # both use the same input and kernel: where both exist, 'same' is 'valid' shifted by one
    np.testing.assert_allclose(b.trace.output[0, 1:15], a.trace.output[0])
    # edit B through its widgets
    b.strides_spin.setValue(2)
    assert b.trace.out_steps == 8 and cw.only_in("A") == list(range(8, 14)) and cw.only_in("B") == []
    b.strides_spin.setValue(1)
    b.padding_combo.setCurrentText("valid")
    assert cw.only_in("A") == cw.only_in("B") == [] and "length" not in cw.differences()
    cw.apply_preset("dilation")
    assert (a.trace.out_steps, b.trace.out_steps) == (14, 12) and cw.only_in("A") == [12, 13]
    cw.slider.setValue(13)
    assert not b.current.isVisible() and a.current.isVisible()
    assert [r.rect().center().x() for r in a.taps] == [13, 14, 15]
    # an invalid setting shows Keras's words on that side; the other stays
    cw.set_setting("B", kernel_size=20)
    assert b.trace is None and "Computed output size" in b.error_label.text()
    assert a.trace is not None and cw.only_in("A") == []


def test_stack_window_opens_compare(qtbot, stack_window, window):
    qtbot.mouseClick(stack_window.compare_button, Qt.MouseButton.LeftButton)
    assert window.stack_actions.compare_window.isVisible()


def test_summary_table_is_a_model_view_that_a_click_selects_from(qtbot, stack_window):
    sw = stack_window
    build(qtbot, sw, "model = Sequential()\nmodel.add(Conv1D(4, 3, input_shape=(20, 2)))\n"
                     "model.add(MaxPooling1D(2))\nmodel.add(Conv1D(2, 2))\n")
    table, model = sw.table, sw.table.model()
    assert model is sw.summary_model and model.rowCount() == 3 and model.columnCount() == 5
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Layer (type)", "Output Shape", "Param #", "Receptive field", "Jump"]
    params = model.index(2, 2)
    assert params.data() == "18" and params.data(Qt.ItemDataRole.BackgroundRole) is None
    assert params.data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    sw.select_layer(0)
    rect = table.visualRect(model.index(2, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sw.layer_list.currentRow() == 2 and sw.form.editors["filters"].value() == 2


# ------------------------------------------------------------------ graphs: branches, merges, several inputs
NGRAM = """from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input(shape=(40, 8))
c3 = layers.Conv1D(4, 3, padding='same', activation='relu')(inputs)
c4 = layers.Conv1D(4, 4, padding='same', activation='relu')(inputs)
c5 = layers.Conv1D(4, 5, padding='same', activation='relu')(inputs)
x = layers.Concatenate()([c3, c4, c5])
x = layers.MaxPooling1D(2)(x)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
"""
TWO_INPUTS = """import keras
from keras import layers
signal = keras.Input(shape=(32, 2), name='signal')
context = keras.Input(shape=(32, 3), name='context')
x = layers.Conv1D(4, 3, padding='same')(signal)
y = layers.Conv1D(4, 5, padding='same')(context)
z = layers.Add()([x, y])
z = layers.Conv1D(2, 3)(z)
model = keras.Model([signal, context], z)
"""


def assert_drawn_as_graph(sw, edges: set[tuple[str, str]], unlisted: tuple[str, ...] = ()) -> None:
    """Every layer is a node, no two nodes overlap, and each drawn line joins the right two nodes."""
    canvas = sw.canvas
    names = [r[0].split(" ")[0] for r in sw.table_rows()]
    assert sorted(canvas.rows) == sorted([*names, *unlisted])
    names = list(canvas.rows)
    rects = {n: canvas.node_rect(n) for n in names}
    for i, a in enumerate(names):
        assert rects[a].width() > 0 and rects[a].height() > 0
        for b in names[i + 1:]:
            assert not rects[a].intersects(rects[b]), (a, b)
    assert set(canvas.edges) == edges
    assert {(s, t) for s, t, _ in canvas.edge_lines} == edges
    for s, t, pts in canvas.edge_lines:  # from the bottom centre of what is read to the top centre of the reader
        assert pts[0].x() == pytest.approx(rects[s].center().x())
        assert pts[0].y() == pytest.approx(rects[s].bottom())
        assert pts[-1].x() == pytest.approx(rects[t].center().x())
        assert pts[-1].y() == pytest.approx(rects[t].top())


def test_parallel_ngram_branches_are_drawn_side_by_side_and_joined(qtbot, stack_window):
    sw = stack_window
    build(qtbot, sw, NGRAM)
    branches = ("conv1d", "conv1d_1", "conv1d_2")
    assert_drawn_as_graph(sw, {
        *(("input_layer", c) for c in branches), *((c, "concatenate") for c in branches),
        ("concatenate", "max_pooling1d"), ("max_pooling1d", "global_max_pooling1d"),
        ("global_max_pooling1d", "dense")})
    canvas = sw.canvas
    rects = {n: canvas.node_rect(n) for n in canvas.rows}
    # the three n-gram convolutions side by side on one rank, the merge below all of them
    assert len({rects[c].top() for c in branches}) == 1
    assert rects["conv1d"].right() < rects["conv1d_1"].left() < rects["conv1d_1"].right() < rects["conv1d_2"].left()
    assert all(rects["concatenate"].top() > rects[c].bottom() for c in branches)
    assert rects["input_layer"].center().x() == pytest.approx(rects["concatenate"].center().x())
    # Keras's "Connected to" column, as its functional summary prints it
    table = sw.table.model()
    assert table.columnCount() == 6 and table.headerData(5, Qt.Orientation.Horizontal) == "Connected to"
    rows = {r[0].split(" ")[0]: r for r in sw.table_rows()}
    assert rows["concatenate"][5] == "conv1d[0][0], conv1d_1[0][0], conv1d_2[0][0]"
    assert rows["input_layer"][5] == "-" and rows["dense"][5] == "global_max_pooling1d[0][0]"
    # the merge tells that its branches see different spans
    assert "conv1d: 3, conv1d_1: 4, conv1d_2: 5" in canvas.title_text("concatenate")
    # editing the layers in place works; the wiring is the code's
    assert not sw.add_button.isEnabled() and not sw.remove_button.isEnabled()
    # a real click on output 7 of the pooling lights its field through every branch back to the input
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.widget_pos_of("max_pooling1d", 7))
    assert sw.model.selection == ("max_pooling1d", 7)
    assert canvas.lit("concatenate").nonzero()[0].tolist() == [14, 15]
    for conv in branches:
        assert canvas.lit(conv).nonzero()[0].tolist() == [14, 15]
    # 'same' convolutions of 3, 4 and 5 over outputs 14-15: inputs 13-16, 13-17 and 12-17
    assert canvas.lit("input_layer").nonzero()[0].tolist() == list(range(12, 18))
    for name in ("concatenate", "conv1d_1", "input_layer"):  # what the overlays really draw
        alpha = canvas.overlay_alpha(name)
        lit = canvas.lit(name)
        assert alpha.size == lit.size and (alpha[lit] != alpha[~lit][0]).all()


def test_a_two_input_model_lights_both_inputs(qtbot, stack_window):
    sw = stack_window
    build(qtbot, sw, TWO_INPUTS)
    assert_drawn_as_graph(sw, {("signal", "conv1d"), ("context", "conv1d_1"), ("conv1d", "add"),
                               ("conv1d_1", "add"), ("add", "conv1d_2")})
    canvas = sw.canvas
    rects = {n: canvas.node_rect(n) for n in canvas.rows}
    assert rects["signal"].top() == rects["context"].top()  # the two inputs side by side
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.widget_pos_of("conv1d_2", 12))
    assert sw.model.selection == ("conv1d_2", 12)
    assert canvas.lit("add").nonzero()[0].tolist() == [12, 13, 14]
    assert canvas.lit("signal").nonzero()[0].tolist() == list(range(11, 16))  # kernel 3, 'same'
    assert canvas.lit("context").nonzero()[0].tolist() == list(range(10, 17))  # kernel 5, 'same'
    # the first input's numbers are drawn; edits in the form keep the wiring
    assert canvas.kind("signal") == "heatmap"
    sw.select_layer(sw.model.names.index("conv1d_1"))
    sw.form.editors["padding"].setCurrentText("valid")
    assert sw.table_rows()[sw.model.names.index("conv1d_1")][1] == "(None, 28, 4)"
    # 32 and 28 steps cannot be added: the merge shows Keras's message and the fix, still joined to both
    assert canvas.kind("add") == "error"
    assert "Received shapes (32, 4) and (28, 4)" in canvas.box_text("add") and "Fix:" in canvas.box_text("add")
    assert_drawn_as_graph(sw, {("signal", "conv1d"), ("context", "conv1d_1"), ("conv1d", "add"),
                               ("conv1d_1", "add"), ("add", "conv1d_2")})


def test_closing_the_canvas_does_not_crash(tmp_path):
    """pyqtgraph's close() deletes the items, then a resize reached a deleted one: PySide6 crashed (SIGSEGV)."""
    import subprocess
    import sys

    script = (
        "import app\nfrom PySide6.QtWidgets import QApplication\nqa = QApplication([])\n"
        "from app.views.stack_view import StackWindow\nw = StackWindow()\nw.show()\nqa.processEvents()\n"
        "w.canvas.close()\nqa.processEvents()\nw.close()\nprint('closed')\n")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "closed" in done.stdout


def test_rebuilding_keeps_the_scene_the_same_size(qtbot, stack_window):
    """Each Build used to leave the old rows' items behind: the 100-layer stack drew slower every time."""
    sw = stack_window
    sw.load_example("imdb_cnn")
    scene = sw.canvas.scene()
    counts = []
    for _ in range(3):
        sw.model.recompute()
        counts.append(len(scene.items()))
    assert counts[0] == counts[1] == counts[2]


def test_a_stack_too_large_to_compute_says_so_in_the_window(qtbot, stack_window):
    sw = stack_window
    build(qtbot, sw, "import keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input(shape=(100, 1)), "
                     "layers.Conv1D(3, 5_000_000, padding='same')])\n")
    assert sw.model.run_error is not None and sw.model.run_error.code == "stack_too_large"
    assert sw.numbers_note.isVisible()
    text = sw.numbers_note.text()
    assert "No numbers are drawn" in text and "4,000,000" in text and "Fix:" in text
    assert sw.canvas.kind("conv1d") == "steps"  # its steps still light up, without numbers
    sw.load_example("wavenet")
    assert not sw.numbers_note.isVisible()


# ------------------------------------------------------------------ languages
@pytest.fixture
def chinese():
    from app.i18n import languages

    assert languages.set_language("zh_CN")
    yield
    languages.set_language("en")


def test_remarks_notes_and_the_graph_are_in_the_ui_language(qtbot, stack_window, chinese):
    """The reader's remarks and the summary's notes are templates with values: the window translates them."""
    sw = stack_window
    build(qtbot, sw, NGRAM.replace("c5 = layers.Conv1D(4, 5, padding='same', activation='relu')(inputs)",
                                   "c5 = layers.Conv1D(4, 5, padding='same', activation='relu', colour=3)(inputs)")
          .replace("layers.Dense(1)(x)", "layers.Dense(output_dim=1)(x)"))
    texts = [sw.diagnostics.item(i).text() for i in range(sw.diagnostics.count())]
    assert any("Conv1D 收到未知参数 `colour`" in t for t in texts), texts
    assert any("Keras 1 的参数 `output_dim` 在 Keras 2 和 3 中是 `units`" in t for t in texts), texts
    assert not any("ignored" in t or "Keras 1 argument" in t for t in texts), texts  # Keras's own words stay
    # the merge's note, in the node's title and the table's tooltip, with the branches' fields filled in
    title = sw.canvas.title_text("concatenate")
    assert "在此合并的各分支看到的输入范围不同（conv1d: 3, conv1d_1: 4, conv1d_2: 5）" in title
    row = [r[0] for r in sw.table_rows()].index("concatenate (Concatenate)")
    tip = sw.table.model().index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "感受野取它们的并集" in tip and "receptive field" not in tip
    assert sw.table.model().headerData(5, Qt.Orientation.Horizontal) == "连接到"


def test_every_remark_template_and_note_is_in_the_catalogue():
    """scripts/update_translations.py collects the reader's templates and the notes; each is translated."""
    import importlib.util

    from conv_core.stack.notes import NOTE_TEMPLATES

    root = Path(__file__).parents[2]
    spec = importlib.util.spec_from_file_location("ut", root / "scripts" / "update_translations.py")
    ut = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ut)
    found = ut.templates()
    assert {("stack", t) for t in NOTE_TEMPLATES.values()} <= set(found)
    assert sum(1 for c, _ in found if c == "keras_code") >= 60
    from app.i18n import languages

    for lang in ("zh_CN", "zh_TW"):
        tr = languages.translator(lang)
        untranslated = [t for c, t in found if tr(c, t) == t and "{" not in t[:1]]
        assert untranslated == [], (lang, untranslated[:3])


def test_an_x_plus_y_operation_is_drawn_but_not_listed(qtbot, stack_window):
    """Keras wires `a + b` as an operation named add that model.summary() does not list: the drawing shows it."""
    sw = stack_window
    build(qtbot, sw, "import keras\nfrom keras import layers\ninputs = keras.Input(shape=(32, 4))\n"
                     "a = layers.Conv1D(4, 3, padding='same')(inputs)\n"
                     "b = layers.Conv1D(4, 5, padding='same')(inputs)\n"
                     "x = layers.Conv1D(2, 3)(a + b)\nmodel = keras.Model(inputs, x)\n")
    assert [r[0] for r in sw.table_rows()] == [
        "input_layer (InputLayer)", "conv1d (Conv1D)", "conv1d_1 (Conv1D)", "conv1d_2 (Conv1D)"]
    assert sw.table_rows()[-1][5] == "add[0][0]"
    assert_drawn_as_graph(sw, {("input_layer", "conv1d"), ("input_layer", "conv1d_1"), ("conv1d", "add"),
                               ("conv1d_1", "add"), ("add", "conv1d_2")}, unlisted=("add",))
    qtbot.mouseClick(sw.canvas.viewport(), Qt.MouseButton.LeftButton, pos=sw.canvas.widget_pos_of("conv1d_2", 0))
    assert sw.model.selection == ("conv1d_2", 0)
    assert sw.canvas.lit("input_layer").nonzero()[0].tolist() == list(range(0, 5))  # kernels 3 and 5 ('same')
    # clicking a table row still picks the right layer (rows and layers differ by the operation)
    table = sw.table
    rect = table.visualRect(table.model().index(3, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sw.model.names[sw.layer_list.currentRow()] == "conv1d_2"
