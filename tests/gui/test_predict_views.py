"""Predict-then-reveal hides the answers in every picture: the matrix's y and the signal's faint output."""

import numpy as np


def _predict(window, on: bool) -> None:
    window.classroom.predict_action.setChecked(on)


def test_the_matrix_leaves_outputs_not_yet_computed_blank_while_the_class_predicts(window, qtbot):
    window.open_example("classroom")
    window.state.flush()
    window.state.set_view(picture="matrix")
    view = window.pictures.matrix_view
    qtbot.waitUntil(lambda: view.isVisible() and view.picture is not None, timeout=3000)
    window.state.set_position(3)
    full = view.picture.side.copy()
    assert np.isfinite(full).all()  # outside predict mode y is the whole answer, as the equation says
    _predict(window, True)
    try:
        for position in (3, 7):
            window.state.set_position(position)
            qtbot.waitUntil(lambda: view.picture is not None, timeout=3000)
            shown = view.picture.side
            filled = window.state.filled_mask()
            expect = np.concatenate([filled[view.picture.rows.start : view.picture.rows.stop, f]
                                     for f in view.picture.filters])
            assert np.array_equal(np.isfinite(shown), expect)
            assert expect.any() and not expect.all()
            np.testing.assert_array_equal(shown[expect], view.picture.side[expect])
    finally:
        _predict(window, False)
    assert np.isfinite(view.picture.side).all()


def test_the_signal_view_hides_the_faint_whole_output_while_the_class_predicts(window, qtbot):
    window.open_example("ecg-matched")
    window.state.flush()
    view = window.pictures.signal_view
    qtbot.waitUntil(lambda: view.isVisible() and bool(view.output_faint), timeout=3000)

    def faint() -> list[bool]:
        return [c.isVisible() for c in view.output_faint[: len(view._filters_drawn)]]

    assert faint() and all(faint())
    _predict(window, True)
    assert not any(c.isVisible() for c in view.output_faint)
    window.state.set_view(theme="dark")  # a redraw keeps them hidden
    window.state.flush()
    assert not any(c.isVisible() for c in view.output_faint)
    _predict(window, False)
    assert all(faint())
