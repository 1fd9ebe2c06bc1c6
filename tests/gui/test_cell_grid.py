"""The one cell-grid component and the theme's pens: what the diagram, compare view and stack rows draw."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, Qt

from app.views.cell_grid import CellGrid
from app.views.colors import THEMES, cell_pen, highlight_pen, message_style, outline_pen, padding_pen
from app.views.diagram import setup_cell_plot


@pytest.fixture
def plot(qtbot):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    yield setup_cell_plot(widget.addPlot())  # the widget stays alive while the test draws


def test_values_numbers_and_frame_sit_on_their_cells(plot):
    grid = CellGrid(plot, THEMES["light"], outline=True)
    values = np.array([[1.0, -2.0], [0.5, np.nan], [3.0, 0.0]])  # 3 steps x 2 channels
    grid.set_values(values, 3.0, start=-1)
    np.testing.assert_array_equal(grid.image.image, values.T)  # time runs left to right
    assert grid.image.levels.tolist() == [-3.0, 3.0]
    assert grid.texts.text_at(-1, 1) == "-2" and grid.texts.text_at(0, 0) == "0.5"
    assert grid.texts.text_at(0, 1) == ""  # a NaN cell has no number
    assert grid.texts.center_of(1, 1).toTuple() == (1.0, 1.0)
    assert grid.outline.rect() == QRectF(-1.5, -0.5, 3, 2)
    assert grid.outline.pen().color().name() == THEMES["light"].frame


def test_pitch_and_top_down_orientation(plot):
    grid = CellGrid(plot, THEMES["dark"])
    grid.set_values(np.arange(6.0).reshape(3, 2), 5.0, center=2.5, pitch=2.0, time_lr=False)
    np.testing.assert_array_equal(grid.image.image, np.arange(6.0).reshape(3, 2))
    assert grid.image.mapRectToParent(grid.image.boundingRect()) == QRectF(-0.5, 1.5, 2, 6)
    assert grid.texts.center_of(2, 1).toTuple() == (1.0, 6.5)  # (across, along time)


def test_shown_hides_values_until_computed_and_numbers_follow(plot):
    grid = CellGrid(plot, THEMES["light"])
    values = np.array([[1.0], [2.0], [3.0]])
    grid.set_values(values, 3.0, shown=np.array([[True], [False], [False]]))
    assert np.isnan(grid.image.image).tolist() == [[False, True, True]]
    assert grid.texts.is_shown(0, 0) and not grid.texts.is_shown(1, 0)
    grid.set_shown(np.array([[True], [True], [False]]))
    assert np.isnan(grid.image.image).tolist() == [[False, False, True]]
    assert grid.texts.is_shown(1, 0) and grid.texts.text_at(2, 0) == "3"


def test_numbers_off_or_too_many_cells_leave_a_heat_map(plot):
    grid = CellGrid(plot, THEMES["light"], max_text_cells=4)
    grid.set_values(np.ones((3, 2)), 1.0)
    assert len(grid.texts) == 0 and grid.image.image.shape == (2, 3)
    grid.set_values(np.ones((2, 2)), 1.0, numbers=False)
    assert len(grid.texts) == 0
    grid.set_values(np.ones((2, 2)), 1.0, text_format=lambda v: f"<{v:g}>")
    assert grid.texts.text_at(1, 1) == "<1>"
    grid.clear()
    assert grid.image.image is None and len(grid.texts) == 0


@pytest.mark.parametrize("name", list(THEMES))
def test_pens_come_from_the_theme(name):
    theme = THEMES[name]
    pen = highlight_pen(theme)
    assert pen.color().name() == theme.highlight and pen.widthF() == theme.line_width and pen.isCosmetic()
    assert pen.joinStyle() == Qt.PenJoinStyle.MiterJoin
    assert padding_pen(theme).style() == Qt.PenStyle.DashLine
    assert padding_pen(theme).color().name() == theme.padding
    assert outline_pen(theme).color().name() == theme.frame and outline_pen(theme).widthF() == 1.0
    assert cell_pen("#123456", 2.5).widthF() == 2.5
    css = message_style("QLabel#error", theme)
    assert css.startswith("QLabel#error {") and theme.message_border in css and theme.message_fill in css


def test_dark_themes_draw_errors_and_greyed_steps_lighter():
    light, dark = THEMES["light"], THEMES["dark"]
    assert (light.error, light.muted) == ("#c62828", "#5f5f5f")
    assert (dark.error, dark.muted) == ("#ff8a80", "#9e9e9e")
    assert THEMES["high_contrast"].error == dark.error


def test_stack_forms_offer_keras_names_only():
    from app.views.stack_view import LAYER_FORMS
    from conv_core import KERAS_ACTIVATIONS, PADDINGS, POOL_PADDINGS

    conv = dict(LAYER_FORMS["Conv1D"])
    assert conv["padding"] == PADDINGS and dict(LAYER_FORMS["MaxPooling1D"])["padding"] == POOL_PADDINGS
    assert set(conv["activation"]) <= KERAS_ACTIVATIONS


def _pixels(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    flat = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.height() * image.bytesPerLine() // 4)
    return flat.reshape(image.height(), -1)[:, :image.width()].copy()


def _pyqtgraph_render(grid, values: np.ndarray) -> np.ndarray:
    """What pyqtgraph renders for ``values`` (image order) with the grid image's levels and colour map."""
    reference = pg.ImageItem(axisOrder="row-major")
    reference.setLookupTable(grid.image.lut)
    reference.setImage(values, autoLevels=False, levels=grid.image.levels)
    reference.render()
    return _pixels(reference.qimage)


@pytest.mark.parametrize("blank", [True, False])  # a NaN cell (pyqtgraph renders 32-bit) or none (indexed)
def test_revealed_cells_are_coloured_as_pyqtgraph_colours_them(plot, blank):
    """An animation step reveals cells from the image of every cell coloured once.  Each step's image is what
    pyqtgraph renders for the values revealed so far (the others blank), also after the colour bar changed
    the colour map or the levels behind the grid's back."""
    from app.views.colors import diverging_map

    grid = CellGrid(plot, THEMES["light"], diverging_map("RdBu"))
    values = np.array([[1.0, -2.0], [0.5, np.nan if blank else 0.25], [3.0, 0.0], [-1.5, 2.5]])  # 4 steps x 2 filters
    shown = np.zeros(values.shape, dtype=bool)
    grid.set_values(values, 3.0, shown=shown)
    steps = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (3, 1)]
    for n, (t, f) in enumerate(steps):
        if n == 3:
            grid.image.setColorMap(diverging_map("PuOr"))  # as the colour bar changes it, behind the grid's back
        if n == 4:
            grid.image.setLevels((-5.0, 5.0))
        shown[t, f] = True
        grid.set_shown(shown)
        assert not grid.image._renderRequired  # copied from the coloured image, not rendered again
        expected = _pyqtgraph_render(grid, np.where(shown, values, np.nan).T)
        got = _pixels(grid.image.qimage)
        alpha = (expected >> 24) & 0xFF
        assert np.array_equal(alpha, (got >> 24) & 0xFF), n  # the same cells are blank
        assert np.array_equal(expected[alpha > 0], got[alpha > 0]), n  # and the others have the same colours
