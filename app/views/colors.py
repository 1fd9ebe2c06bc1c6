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
    "contrast_ratio",
    "diverging_map",
    "hatch_brush",
    "highlight_pen",
    "message_style",
    "outline_pen",
    "padding_pen",
    "qt_palette",
    "tag_color",
    "text_color_for",
    "text_on",
    "text_pairs",
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
    # Every colour drawn as text reaches WCAG AA (4.5:1) on what it is drawn on: see text_pairs().
    "light": Theme("light", "#ffffff", "#202020", "#ff9900", "#00703c", "#7a2ca0", "#666666", "#000000",
                   "RdBu", 3.0, 11, warning="#8a4e00"),
    "dark": Theme("dark", "#1e1e1e", "#e8e8e8", "#ffb000", "#3ddc84", "#d39cf5", "#a0a0a0", "#ffffff",
                  "RdBu", 3.0, 11, error="#ff8a80", warning="#ffb74d", muted="#9e9e9e", difference="#ce93d8",
                  found="#5c4b00"),
    # Also the classroom theme: pure black and white, big text and thick lines for a projector.
    "high_contrast": Theme("high_contrast", "#000000", "#ffffff", "#ffff00", "#00ffff", "#ff66ff",
                           "#ffffff", "#ffffff", "PuOr", 6.0, 14, error="#ff8a80", warning="#ffb74d",
                           muted="#9e9e9e", difference="#e1bee7", found="#5c4b00"),
}

#: One colour per filter, shared by its window, its output row and its bias (Okabe & Ito's
#: colour-blind-safe set, without black); filter ``f`` takes ``FILTER_TAGS[f % 7]``.
FILTER_TAGS = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7")


def tag_color(f: int) -> str:
    """The colour tag of filter ``f`` (its window, output row and bias)."""
    return FILTER_TAGS[f % len(FILTER_TAGS)]


def _luminance(color: str | QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""
    c = QColor(color)
    chans = np.array([c.redF(), c.greenF(), c.blueF()])
    lin = np.where(chans <= 0.04045, chans / 12.92, ((chans + 0.055) / 1.055) ** 2.4)
    return float(lin @ np.array([0.2126, 0.7152, 0.0722]))


def contrast_ratio(a: str | QColor, b: str | QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (AA asks 4.5 for text)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(color: str | QColor) -> str:
    """Black or white, whichever reads better on ``color`` (always at least 4.5:1)."""
    return TEXT_ON_PALE if contrast_ratio(TEXT_ON_PALE, color) >= contrast_ratio(TEXT_ON_SATURATED, color) \
        else TEXT_ON_SATURATED


def text_pairs(theme: Theme) -> dict[str, tuple[str, str]]:
    """Every (text colour, background) pair the views draw, by name (the contrast test checks each)."""
    bg = theme.background
    return {
        "foreground": (theme.foreground, bg),
        "hover (arithmetic result)": (theme.hover, bg),
        "padding (arithmetic zero)": (theme.padding, bg),
        "error": (theme.error, bg),
        "warning": (theme.warning, bg),
        "muted": (theme.muted, bg),
        "difference": (theme.difference, bg),
        "message box": (theme.message_text, theme.message_fill),
        "table row that failed": (TEXT_ON_PALE, theme.error_fill),
        "found code line": (theme.foreground, theme.found),
        "badge on hover": (text_on(theme.hover), theme.hover),
        "badge on highlight": (text_on(theme.highlight), theme.highlight),
        **{f"filter tag {n}": (text_on(c), c) for n, c in enumerate(FILTER_TAGS)},
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
    # the disabled group too: the standard palette's light greys made a disabled button or combo box a
    # white block with unreadable text on the dark themes
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role, color in roles.items():
            pal.setColor(group, role, color)
    disabled = QColor(fg)
    disabled.setAlpha(140)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def _map_rgb(name: str) -> tuple[np.ndarray, np.ndarray]:
    """(stops, sRGB 0..1 per stop) of a diverging map, interpolated per channel as pyqtgraph does."""
    colors = _PUOR if name == "PuOr" else _RDBU
    rgb = np.array([[QColor(c).redF(), QColor(c).greenF(), QColor(c).blueF()] for c in colors])
    return np.linspace(0.0, 1.0, len(colors)), rgb


_MAP_RGB = {name: _map_rgb(name) for name in ("RdBu", "PuOr")}
#: Below this luminance white text has more contrast than black (both reach 4.5:1 around it).
_WHITE_BELOW = float(np.sqrt(1.05 * 0.05) - 0.05)


def text_color_for(values: np.ndarray, level: float, theme: Theme) -> np.ndarray:
    """True where white text reads better than black on the cell's colour (WCAG contrast).

    The cell's colour is the theme's map at ``values`` on ``(-level, level)`` (sRGB interpolated
    between the map's stops, as the image is drawn); the better of black and white always reaches 4.5:1.
    """
    vals = np.asarray(values, dtype=float)
    if level <= 0:
        return np.zeros(np.shape(vals), dtype=bool)
    stops, rgb = _MAP_RGB.get(theme.colormap, _MAP_RGB["RdBu"])
    with np.errstate(invalid="ignore", over="ignore"):
        pos = np.clip(np.nan_to_num(vals / level, nan=0.0) * 0.5 + 0.5, 0.0, 1.0)
    chans = np.stack([np.interp(pos, stops, rgb[:, n]) for n in range(3)], axis=-1)
    lin = np.where(chans <= 0.04045, chans / 12.92, ((chans + 0.055) / 1.055) ** 2.4)
    lum = lin @ np.array([0.2126, 0.7152, 0.0722])
    return np.asarray(lum < _WHITE_BELOW, dtype=bool)
