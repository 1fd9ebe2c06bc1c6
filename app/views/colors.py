"""Colour maps and themes. The heat maps use ColorBrewer's RdBu (colour-blind safe), centred on 0."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette, QPen

__all__ = [
    "TEXT_ON_PALE",
    "TEXT_ON_SATURATED",
    "THEMES",
    "Theme",
    "cell_pen",
    "diverging_map",
    "hatch_brush",
    "highlight_pen",
    "message_style",
    "outline_pen",
    "padding_pen",
    "qt_palette",
    "text_color_for",
]

# ColorBrewer RdBu (11 classes), reversed: blue for negative, white at 0, red for positive.
_RDBU = [
    "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
    "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f",
]
# For the high-contrast theme: ColorBrewer PuOr (also colour-blind safe), purple <-> orange.
_PUOR = [
    "#2d004b", "#542788", "#8073ac", "#b2abd2", "#d8daeb", "#f7f7f7",
    "#fee0b6", "#fdb863", "#e08214", "#b35806", "#7f3b08",
]


def diverging_map(name: str = "RdBu") -> pg.ColorMap:
    colors = _PUOR if name == "PuOr" else _RDBU
    return pg.ColorMap(np.linspace(0.0, 1.0, len(colors)), [pg.mkColor(c) for c in colors],
                       name="PuOr" if name == "PuOr" else "RdBu")


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    highlight: str  # the current window / cell
    hover: str  # hover and pinned highlights
    feeds: str  # cells an input feeds
    padding: str  # hatch colour
    dropped: str  # inputs no output reads
    colormap: str
    line_width: float
    font_pt: int
    frame: str = "#9e9e9e"  # the thin frame around a grid of cells
    error: str = "#c62828"  # a Keras error drawn in a view
    warning: str = "#a65e00"  # a diagnostic that is not an error
    muted: str = "#5f5f5f"  # steps no output reads (stack canvas)
    difference: str = "#6a1b9a"  # what only one compared setting has
    error_fill: str = "#ffcdd2"  # a table row that failed (dark text on it)
    found: str = "#fff3c4"  # the code line a diagnostic points at
    message_border: str = "#c0392b"  # the inline error message box
    message_fill: str = "#fdecea"
    message_text: str = "#5a1a12"


THEMES: dict[str, Theme] = {
    "light": Theme("light", "#ffffff", "#202020", "#ff9900", "#00a651", "#7a2ca0", "#7f7f7f", "#000000",
                   "RdBu", 3.0, 11),
    "dark": Theme("dark", "#1e1e1e", "#e8e8e8", "#ffb000", "#3ddc84", "#d39cf5", "#a0a0a0", "#ffffff",
                  "RdBu", 3.0, 11, error="#ff8a80", muted="#9e9e9e"),
    # Also the classroom theme: pure black and white, big text and thick lines for a projector.
    "high_contrast": Theme("high_contrast", "#000000", "#ffffff", "#ffff00", "#00ffff", "#ff66ff",
                           "#ffffff", "#ffffff", "PuOr", 6.0, 16, error="#ff8a80", muted="#9e9e9e"),
}

#: Numbers drawn on a heat-map cell: dark on pale cells, light on saturated ones (any theme).
TEXT_ON_PALE, TEXT_ON_SATURATED = "#000000", "#ffffff"


def cell_pen(color: str | QColor, width: float = 1.0, *, dashed: bool = False, miter: bool = False) -> QPen:
    """A cosmetic pen (the same width on screen at every zoom) for outlines over cells.

    Every outline in the views is built here, so a theme's colours and line widths are the only input.
    """
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    if miter:
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def highlight_pen(theme: Theme, color: str | None = None, width: float | None = None) -> QPen:
    """The current window / cell outline: the theme's highlight at its line width, square corners."""
    return cell_pen(color or theme.highlight, width or theme.line_width, miter=True)


def outline_pen(theme: Theme) -> QPen:
    """The thin frame around a grid of cells."""
    return cell_pen(theme.frame)


def padding_pen(theme: Theme) -> QPen:
    """The dashed edge of the padding zeros."""
    return cell_pen(theme.padding, dashed=True)


def hatch_brush(color: str) -> QBrush:
    """Diagonal hatching (padding zeros, steps only one setting has)."""
    return QBrush(QColor(color), Qt.BrushStyle.BDiagPattern)


def message_style(selector: str, theme: Theme, extra: str = "") -> str:
    """The style sheet of an inline error message box (``selector`` names the widget)."""
    return (
        f"{selector} {{ border: 2px solid {theme.message_border}; border-radius: 4px; padding: 6px;"
        f" background: {theme.message_fill}; color: {theme.message_text};{extra} }}"
    )


def qt_palette(theme: Theme) -> QPalette:
    """A widget palette matching ``theme`` (panels, menus, the transport bar).

    The light theme returns the style's standard palette, so the desktop's look is kept.
    """
    from PySide6.QtWidgets import QApplication

    base = QApplication.style().standardPalette()
    if theme.name == "light":
        return base
    pal = QPalette(base)
    bg, fg = QColor(theme.background), QColor(theme.foreground)
    panel = bg.lighter(135) if theme.name == "dark" else bg
    roles = {
        QPalette.ColorRole.Window: panel,
        QPalette.ColorRole.WindowText: fg,
        QPalette.ColorRole.Base: bg,
        QPalette.ColorRole.AlternateBase: panel,
        QPalette.ColorRole.Text: fg,
        QPalette.ColorRole.Button: panel,
        QPalette.ColorRole.ButtonText: fg,
        QPalette.ColorRole.ToolTipBase: bg,
        QPalette.ColorRole.ToolTipText: fg,
        QPalette.ColorRole.PlaceholderText: fg.darker(150) if theme.name == "dark" else fg,
        QPalette.ColorRole.Highlight: QColor(theme.highlight),
        QPalette.ColorRole.HighlightedText: QColor("#000000"),
        QPalette.ColorRole.BrightText: QColor(theme.highlight),
        QPalette.ColorRole.Link: QColor(theme.hover),
        QPalette.ColorRole.Light: fg if theme.name == "high_contrast" else panel.lighter(150),
        QPalette.ColorRole.Mid: fg if theme.name == "high_contrast" else panel.lighter(120),
        QPalette.ColorRole.Dark: fg if theme.name == "high_contrast" else bg.darker(150),
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, color in roles.items():
            pal.setColor(group, role, color)
    disabled = QColor(fg)
    disabled.setAlpha(140)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def text_color_for(values: np.ndarray, level: float, theme: Theme) -> np.ndarray:
    """True where a cell is saturated enough that white text reads better than black."""
    if level <= 0:
        return np.zeros(np.shape(values), dtype=bool)
    return np.asarray(np.abs(values) / level > 0.55, dtype=bool)
