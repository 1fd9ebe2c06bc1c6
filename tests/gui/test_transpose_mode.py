"""Conv1DTranspose mode: the layer panel's choice, its scatter animation, Cᵀ in the matrix view, the session."""

from __future__ import annotations

import numpy as np
import pytest

from app.io.session import parse_session, session_to_dict
from conv_core import Conv1DTransposeSpec, conv1d_transpose
from conv_core.matrix import conv_transpose_matrix


@pytest.fixture
def transposed(window, qtbot):
    s = window.state
    s.set_input_shape(1, 6, 2)
    s.set_layer_arg("strides", 2)
    s.set_layer_arg("padding", "same")
    s.flush()
    window.layer_panel.kind_box.kind.setCurrentText("Conv1DTranspose")
    s.flush()
    return window


def _expected(state):
    return conv1d_transpose(state.x, state.transpose_kernel(), state.bias, strides=2, padding="same")[0]


def test_choosing_conv1dtranspose_in_the_layer_panel(transposed, qtbot):
    w, s = transposed, transposed.state
    assert s.layer_kind == "Conv1DTranspose" and s.error is None
    p = w.pictures
    assert p.transpose_view.isVisible() and not w.diagram.isVisible()
    assert not w.layer_panel.groups.isVisible() and w.layer_panel.kind_box.output_padding.isVisible()
    assert w.layer_panel.code_label.text().startswith(
        "Conv1DTranspose(filters=3, kernel_size=3, strides=2, padding='same')")
    assert w.layer_panel.layer_box.title() == "Conv1DTranspose layer"
    # the animation runs over the input steps that scatter
    assert s.position_count == 6
    tt = s.transpose_trace
    np.testing.assert_array_equal(tt.output[0], _expected(s))
    # back to Conv1D: the grid returns
    w.layer_panel.kind_box.kind.setCurrentText("Conv1D")
    s.flush()
    assert w.diagram.isVisible() and not p.transpose_view.isVisible() and w.layer_panel.groups.isVisible()


def test_each_input_step_scatters_a_scaled_kernel_and_overlaps_sum(transposed, qtbot):
    s, view = transposed.state, transposed.pictures.transpose_view
    x, kt = s.x[0], s.transpose_kernel()
    total = np.zeros_like(_expected(s))
    for i in range(6):
        s.set_position(i)
        tt = s.transpose_trace
        # step i adds x[i] · w at output steps 2i + j (padding 'same' crops nothing on the left here)
        assert tt.positions(i).tolist() == [2 * i, 2 * i + 1, 2 * i + 2]
        added = kt @ x[i]  # (k, filters)
        np.testing.assert_allclose(tt.contribution(0, i), added)
        for j, p in enumerate(tt.positions(i)):
            if p < tt.out_steps:
                total[p] += added[j]
        shown = view.running_sums
        reached = min(2 * i + 3, tt.out_steps)
        np.testing.assert_allclose(shown[:reached], (total + s.bias)[:reached])
        assert np.isnan(shown[reached:]).all()
        # the outline sits on the three output steps step i reaches
        rect = view._outlines["output"].path().boundingRect()
        assert (rect.left(), rect.right()) == (2 * i - 0.5, min(2 * i + 2, tt.out_steps - 1) + 0.5)
    np.testing.assert_allclose(total + s.bias, _expected(s))


def test_the_matrix_view_shows_c_transposed(transposed, qtbot):
    s = transposed.state
    s.set_view(picture="matrix")
    view = transposed.pictures.matrix_view
    assert view.isVisible()
    pic = view.picture
    assert pic.layer_transposed and view.transpose_box.isChecked() and not view.transpose_box.isEnabled()
    cm = conv_transpose_matrix(Conv1DTransposeSpec(3, 3, strides=2, padding="same"), 6, s.transpose_kernel())
    np.testing.assert_array_equal(np.nan_to_num(pic.body), cm.dense().T)
    real = ~np.isnan(pic.side)
    np.testing.assert_allclose(pic.side[real], _expected(s).T.ravel())
    # y = Cᵀ·x + b, row by row
    np.testing.assert_allclose((np.nan_to_num(pic.body) @ pic.top + pic.bias)[real], pic.side[real])
    s.set_position(4)
    rect = view._current["body"].path().boundingRect()
    # the input step scattering now: its column of Cᵀ in each input channel's block (columns 4 and 6 + 4)
    assert (rect.left(), rect.right()) == (3.5, 10.5)
    assert view._current["body"].path().toSubpathPolygons().__len__() == 2


def test_output_padding_and_its_keras_error(transposed, qtbot):
    w, s = transposed, transposed.state
    box = w.layer_panel.kind_box.output_padding
    box.setValue(1)
    s.flush()
    assert s.output_padding == 1 and s.error is None
    assert s.transpose_trace.out_steps == Conv1DTransposeSpec(3, 3, 2, "same", 1).output_length(6)
    box.setValue(2)
    s.flush()
    assert s.error is not None
    assert "`output_padding` must be strictly less than `strides`" in w.layer_panel.error_message()
    box.setValue(-1)  # "None"
    s.flush()
    assert s.output_padding is None and s.error is None
    w.layer_panel.padding.setCurrentText("causal")
    s.flush()
    assert "The `padding` argument must be a list/tuple or one of" in w.layer_panel.error_message()


def test_the_session_stores_the_layer_kind(transposed, qtbot):
    s = transposed.state
    s.set_output_padding(1)
    s.flush()
    data = session_to_dict(s.to_session())
    assert data["layer"]["kind"] == "Conv1DTranspose" and data["layer"]["output_padding"] == 1
    again = parse_session(data)
    assert (again.layer_kind, again.output_padding) == ("Conv1DTranspose", 1)
    transposed.layer_panel.kind_box.kind.setCurrentText("Conv1D")
    plain = session_to_dict(s.to_session())
    assert "kind" not in plain["layer"] and "output_padding" not in plain["layer"]
    s.load_session(again)
    assert s.layer_kind == "Conv1DTranspose" and transposed.layer_panel.kind_box.kind.currentText() == "Conv1DTranspose"
    bad = dict(data, layer=dict(data["layer"], output_padding=2))
    with pytest.raises(ValueError, match="`output_padding` must be strictly less than `strides`"):
        parse_session(bad)
    with pytest.raises(ValueError, match=r"layer\.kind must be one of Conv1D, Conv1DTranspose"):
        parse_session(dict(data, layer=dict(data["layer"], kind="Conv2D")))
    with pytest.raises(ValueError, match="output_padding is a Conv1DTranspose argument"):
        parse_session(dict(data, layer={**plain["layer"], "output_padding": 1}))


def test_switching_the_layer_kind_and_output_padding_undo(transposed, qtbot):
    w, s = transposed, transposed.state
    stack = w.editing.undo_stack
    w.layer_panel.kind_box.output_padding.setValue(1)
    s.flush()
    assert s.output_padding == 1
    stack.undo()
    s.flush()
    assert s.output_padding is None and s.layer_kind == "Conv1DTranspose"
    stack.undo()  # the switch to Conv1DTranspose
    s.flush()
    assert s.layer_kind == "Conv1D" and w.diagram.isVisible()
    assert w.layer_panel.kind_box.kind.currentText() == "Conv1D"
    stack.redo()
    s.flush()
    assert s.layer_kind == "Conv1DTranspose" and w.pictures.transpose_view.isVisible()


def test_a_conv1dtranspose_without_output_steps_draws_nothing_and_says_so(window, qtbot):
    """padding='same' with output_padding=0 on one input step gives Keras's empty output: no crash."""
    s = window.state
    s.set_input_shape(1, 1, 1)
    s.set_layer_arg("kernel_size", 2)
    s.set_layer_arg("strides", 3)
    s.set_layer_arg("padding", "same")
    s.flush()
    s.set_layer_kind("Conv1DTranspose")
    s.set_output_padding(0)
    s.flush()
    s.set_view(picture="matrix")
    qtbot.wait(20)
    assert s.error is None and s.transpose_trace.out_steps == 0
    assert window.pictures.transpose_view.caption.text() == "This Conv1DTranspose has no output steps."
    assert window.pictures.matrix_view.picture is None
