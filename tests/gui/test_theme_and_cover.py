"""Themes recolour the heat maps; predict-then-reveal hides the answer everywhere it shows."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from app.views.transport import media_icon


def test_high_contrast_theme_uses_its_colour_map(window):
    window.state.set_view(theme="high_contrast")
    window.state.flush()
    cmap = window.diagram.input_panel.colorbar.colorMap()
    assert cmap.name == "PuOr"
    window.state.set_view(theme="light")
    assert window.diagram.input_panel.colorbar.colorMap().name == "RdBu"


def test_media_icons_follow_the_palette(window):
    color = window.transport.palette().color(QPalette.ColorRole.ButtonText)
    icon = media_icon("play", color)
    img = icon.pixmap(32, 32).toImage()
    assert img.pixelColor(12, 16).rgb() == color.rgb()  # inside the triangle
    assert img.pixelColor(1, 1).alpha() == 0
    assert not window.transport.play_button.icon().isNull()


def test_cover_blurs_math_shapes_and_counter(window, qtbot):
    window.open_example("classroom")
    predict = window.classroom.predict
    inspect = window.inspect
    predict.set_enabled(True)
    window.transport.forward()  # a new output cell: covered until revealed
    assert predict.pending is not None
    assert inspect.math_panel.graphicsEffect() is not None
    assert window.transport.position_label.graphicsEffect() is not None
    predict.reveal()
    assert predict.pending is None
    assert inspect.math_panel.graphicsEffect() is None
    assert inspect.shapes_panel.graphicsEffect() is None
