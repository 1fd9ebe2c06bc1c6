"""The picture switch in a room: the signal view on its own, the matrix under or beside the grid, and the
text of both views at the room's text scale (classroom mode), as the diagram's."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QTextCursor

from app.views.axes import CellAxis


def _settle(qtbot) -> None:
    qtbot.wait(60)  # a resize or a font change takes a few event-loop turns to lay out


def _em_px(font: QFont) -> float:
    return float(font.pixelSize()) if font.pixelSize() > 0 else font.pointSizeF() * 96.0 / 72.0


def _title_px(plot) -> float:
    """The em size the plot's title is drawn at (its text's own character format)."""
    cursor = QTextCursor(plot.titleLabel.item.document())
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    fmt = cursor.charFormat()
    assert fmt.fontPointSize() > 0, "the title carries its size"
    return fmt.fontPointSize() * 96.0 / 72.0


def _axes(plot) -> list[CellAxis]:
    return [plot.getAxis(n) for n in ("left", "bottom", "top") if plot.getAxis(n).isVisible()]


def _inside(view, plot) -> bool:
    box = QRectF(view.graphics.mapFromScene(plot.getViewBox().sceneBoundingRect()).boundingRect())
    return QRectF(view.graphics.viewport().rect()).adjusted(-1, -1, 1, 1).contains(box)


@pytest.mark.parametrize("name", ["ecg-matched", "noisy-sine-edges"])
def test_the_signal_picture_is_the_signal_view_alone(window, qtbot, name):
    window.resize(1280, 800)
    window.open_example(name)
    window.state.flush()
    _settle(qtbot)
    p = window.pictures
    assert window.state.view.picture == "signal"
    assert p.signal_view.isVisible() and not window.diagram.isVisible() and not p.matrix_view.isVisible()
    # the whole picture area, not a share of it under the grid
    assert p.signal_view.height() >= p.splitter.height() - 2 and p.signal_view.width() == p.splitter.width()
    sv = p.signal_view
    for plot in (sv.input_plot, sv.filter_plot, sv.output_plot):
        assert _inside(sv, plot) and plot.getViewBox().height() > 60
    qtbot.mouseClick(p.buttons["grid"], Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert window.diagram.isVisible() and not sv.isVisible()
    assert window.diagram.height() >= p.splitter.height() - 2


def test_the_signal_views_text_follows_the_text_scale(window, qtbot):
    window.resize(1280, 800)
    window.state.set_view(picture="signal")
    _settle(qtbot)
    sv = window.pictures.signal_view
    plots = (sv.input_plot, sv.filter_plot, sv.output_plot)

    def sizes() -> tuple[list[float], list[float], list[float]]:
        titles = [_title_px(plot) for plot in plots]
        ticks = [_em_px(axis.style["tickFont"]) for plot in plots for axis in _axes(plot)]
        axis_titles = [_em_px(axis.label.font()) for plot in plots for axis in _axes(plot) if axis.label.isVisible()]
        return titles, ticks, axis_titles

    titles, ticks, axis_titles = sizes()
    assert min(titles + ticks + axis_titles) >= 11 and axis_titles
    window.classroom.set_active(True, fullscreen=False)
    window.state.set_view(theme="light")
    _settle(qtbot)
    assert window.state.text_scale == 2
    big_titles, big_ticks, big_axis_titles = sizes()
    assert min(big_titles + big_ticks + big_axis_titles) >= 20, "classroom text is readable from the back row"
    # as the diagram's labels: the theme's size times the square root of the scale (rounded to a point)
    for small, big in zip(titles + ticks, big_titles + big_ticks, strict=True):
        assert big / small == pytest.approx(math.sqrt(2), abs=0.08)
    # the titles wrap to the plot's width rather than run past it
    for plot in plots:
        assert plot.titleLabel.item.boundingRect().width() <= sv.graphics.width()
    window.classroom.set_active(False, fullscreen=False)
    _settle(qtbot)
    assert sizes() == (titles, ticks, axis_titles)


def test_the_matrix_sits_under_the_grid_when_both_fit_and_beside_it_on_a_short_classroom_screen(window, qtbot):
    window.open_example("classroom")
    window.state.flush()
    window.resize(1920, 1080)
    window.state.set_view(picture="matrix")
    _settle(qtbot)
    p = window.pictures
    assert window.diagram.isVisible() and p.matrix_view.isVisible()  # the grid stays: hover is linked
    assert p.splitter.orientation() == Qt.Orientation.Vertical
    assert window.diagram.height() >= 0.5 * p.splitter.height() and p.matrix_view.height() >= 300
    window.resize(1280, 800)
    window.classroom.set_active(True, fullscreen=False)
    window.state.set_view(theme="light")
    _settle(qtbot)
    assert p.splitter.orientation() == Qt.Orientation.Horizontal
    assert window.diagram.width() >= 0.5 * p.splitter.width() and p.matrix_view.width() >= 350
    assert window.diagram.height() >= p.splitter.height() - 2  # the diagram keeps the column's height
    mv = p.matrix_view
    for plot in mv.plots.values():
        if plot.isVisible():
            assert _inside(mv, plot)
    window.classroom.set_active(False, fullscreen=False)
    window.resize(1920, 1080)
    _settle(qtbot)
    assert p.splitter.orientation() == Qt.Orientation.Vertical


def test_the_matrix_views_text_follows_the_text_scale_and_chinese_row_title_is_upright(window, qtbot):
    window.open_example("causal-dilated")
    window.state.flush()
    window.resize(1920, 1080)
    window.state.set_view(picture="matrix")
    _settle(qtbot)
    mv = window.pictures.matrix_view
    body_left = mv.plots["body"].getAxis("left")
    assert isinstance(body_left, CellAxis)
    assert body_left.label.isVisible() and body_left.label.rotation() == -90  # English: along the axis

    def sizes() -> list[float]:
        return [_em_px(axis.style["tickFont"]) for plot in mv.plots.values() for axis in _axes(plot)] + [
            _em_px(axis.label.font()) for plot in mv.plots.values() for axis in _axes(plot) if axis.label.isVisible()]

    def numbers() -> list[float]:
        """The em size (px) of every number drawn in a cell, as the room audits read it."""
        out = []
        for grid in mv.grids.values():
            t = grid.texts.deviceTransform(mv.graphics.viewportTransform())
            out += [em * math.sqrt(abs(t.determinant())) for _text, _rect, em in grid.texts.text_runs()]
        return out

    normal = sizes()
    assert min(normal) >= 11
    assert numbers() and min(numbers()) >= 11  # the 12-step example's numbers fit their cells
    window.classroom.set_active(True, fullscreen=False)
    window.state.set_view(theme="light")
    _settle(qtbot)
    assert min(sizes()) >= 20
    assert numbers() and min(numbers()) >= 20  # drawn at the classroom floor or not at all
    try:
        window.language_menu.switch("zh_CN", remember=False)
        _settle(qtbot)
        assert body_left._title_key[0] == "输出步"
        assert body_left.label.isVisible() and body_left.label.rotation() == 0  # upright, one character under another
        br = body_left.label.boundingRect()
        assert br.height() > 2 * br.width()
    finally:
        window.language_menu.switch("en", remember=False)
        window.classroom.set_active(False, fullscreen=False)
