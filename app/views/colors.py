"""Colour maps and themes. The heat maps use ColorBrewer's RdBu (colour-blind safe), centred on 0."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette

__all__ = ["THEMES", "Theme", "diverging_map", "qt_palette", "text_color_for"]

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


THEMES: dict[str, Theme] = {
    "light": Theme("light", "#ffffff", "#202020", "#ff9900", "#00a651", "#7a2ca0", "#7f7f7f", "#000000",
                   "RdBu", 3.0, 11),
    "dark": Theme("dark", "#1e1e1e", "#e8e8e8", "#ffb000", "#3ddc84", "#d39cf5", "#a0a0a0", "#ffffff",
                  "RdBu", 3.0, 11),
    # Also the classroom theme: pure black and white, big text and thick lines for a projector.
    "high_contrast": Theme("high_contrast", "#000000", "#ffffff", "#ffff00", "#00ffff", "#ff66ff",
                           "#ffffff", "#ffffff", "PuOr", 6.0, 16),
}


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
