"""Make Qt's SVG draw the same in every renderer (browsers, librsvg, CairoSVG, resvg, Inkscape).

``QSvgGenerator`` writes a file that browsers draw well; three things in it other renderers draw
differently, and this module rewrites them:

* the size is given in millimetres, which renderers round differently (1200 x 751 in librsvg for a
  1200 x 750 picture): it becomes pixels, the viewBox's units;
* ``vector-effect="non-scaling-stroke"`` is dropped: the export already draws every scaled outline
  in device coordinates (:mod:`app.export.standins`), so what is left is unscaled and the
  attribute changes nothing where it is understood;
* **Chinese text** names the app's bundled subset font, which no other machine has: every
  ``<text>`` run outside Latin-1 also gets its glyphs as a ``<path>`` (from the bundled font,
  through Qt), and the text itself stays, transparent, so it is still selectable and searchable.
* Heat maps too large to be rectangles (:data:`~app.export.standins.MAX_VECTOR_CELLS`) stay
  embedded PNGs (lossless), enlarged with nearest-neighbour sampling to at least 300 dpi at the
  picture's size, so no viewer smooths the cells into each other.
"""

from __future__ import annotations

import base64
import html
import io
import math
import re

__all__ = ["EMBED_DPI", "portable_svg"]

EMBED_DPI = 300  # minimum resolution of an embedded heat map, at the picture's size (96 px = 1 inch)
_MAX_EMBED_PIXELS = 24_000_000

_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')
_TEXT = re.compile(r"<text ([^>]*)>([^<]*)</text>")
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
_IMAGE = re.compile(r'<image ([^>]*?)xlink:href="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')


def portable_svg(svg: str, width: int, height: int, glyph_family: str | None) -> str:
    """``svg`` (as ``QSvgGenerator`` wrote it, ``width`` x ``height`` user units) made portable."""
    svg = _SIZE.sub(f'<svg width="{width}" height="{height}"', svg, count=1)
    svg = svg.replace('vector-effect="non-scaling-stroke" ', "").replace(' vector-effect="non-scaling-stroke"', "")
    svg = _enlarge_images(svg, width, height)
    if glyph_family:
        svg = _TEXT.sub(lambda m: _with_glyphs(m, glyph_family), svg)
    return svg


def _needs_glyphs(text: str) -> bool:
    return any(ord(ch) > 0xFF for ch in text)


def _with_glyphs(match: re.Match[str], family: str) -> str:
    """A non-Latin text run: its glyphs as a path, then the text kept transparent on top."""
    attrs, body = match.group(1), match.group(2)
    text = html.unescape(body)
    if not text.strip() or not _needs_glyphs(text):
        return match.group(0)
    a = dict(_ATTR.findall(attrs))
    try:
        x, y, size = float(a.get("x", "0")), float(a.get("y", "0")), float(a.get("font-size", "12"))
    except ValueError:
        return match.group(0)
    families = [f.strip().strip("'\"") for f in a.get("font-family", "").split(",") if f.strip()]
    d = _glyph_path(text, [*families, family], size, int(a.get("font-weight", "400")), x, y)
    if not d:
        return match.group(0)
    fill, opacity = a.get("fill", "#000000"), a.get("fill-opacity", "1")
    path = f'<path fill="{fill}" fill-opacity="{opacity}" stroke="none" fill-rule="nonzero" d="{d}"/>'
    hidden = re.sub(r'fill-opacity="[^"]*"', 'fill-opacity="0"', attrs)
    if "fill-opacity" not in attrs:
        hidden += ' fill-opacity="0"'
    return f"{path}\n<text {hidden}>{body}</text>"


def _glyph_path(text: str, families: list[str], size: float, weight: int, x: float, y: float) -> str:
    """SVG path data of ``text`` at ``size`` px, baseline starting at (x, y), in the first of ``families``
    that has each glyph: the run's own families as Qt drew it, then the bundled one.  (The bundled CJK font
    alone drew a mixed run's Latin letters, dashes and signs at its own widths: wider or narrower than the
    picture's, so the next run, placed where Qt put it, overlapped or left a gap.)"""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPainterPath

    base = 100  # lay the glyphs out at 100 px, then scale: pixel sizes are whole numbers
    font = QFont()
    font.setFamilies(families)
    font.setPixelSize(base)
    font.setWeight(QFont.Weight(max(100, min(900, weight))))
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, text)
    k = size / base
    parts: list[str] = []
    n = path.elementCount()
    i = 0
    while i < n:
        e = path.elementAt(i)
        px, py = x + e.x * k, y + e.y * k
        if e.isMoveTo():
            parts.append(f"M{px:.2f} {py:.2f}")
        elif e.isLineTo():
            parts.append(f"L{px:.2f} {py:.2f}")
        elif e.isCurveTo() and i + 2 < n:
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(
                f"C{px:.2f} {py:.2f} {x + c2.x * k:.2f} {y + c2.y * k:.2f} {x + end.x * k:.2f} {y + end.y * k:.2f}"
            )
            i += 2
        i += 1
    return "".join(parts)


def _enlarge_images(svg: str, width: int, height: int) -> str:
    """Embedded PNGs enlarged (nearest neighbour) to >= ``EMBED_DPI`` at the picture's size."""
    from PIL import Image

    def enlarge(match: re.Match[str]) -> str:
        try:
            im: Image.Image = Image.open(io.BytesIO(base64.b64decode(match.group(2))))
            im.load()
        except Exception:  # not a PNG Pillow can read: keep it as Qt wrote it
            return match.group(0)
        w, h = im.size
        if min(w, h) == 1:  # a colour bar's gradient, 256 steps: already finer than it is drawn
            return f'<image style="image-rendering:pixelated" {match.group(0)[len("<image "):]}'
        # Each axis on its own (a heat map is drawn stretched): the image is never drawn larger
        # than the picture, so this many pixels per cell is EMBED_DPI or more.
        fx, fy = math.ceil(EMBED_DPI / 96 * width / w), math.ceil(EMBED_DPI / 96 * height / h)
        shrink = math.sqrt(_MAX_EMBED_PIXELS / max(w * fx * h * fy, 1))
        if shrink < 1:
            fx, fy = max(1, int(fx * shrink)), max(1, int(fy * shrink))
        if (fx, fy) != (1, 1):
            im = im.resize((w * fx, h * fy), Image.Resampling.NEAREST)
        buf = io.BytesIO()
        im.save(buf, format="PNG")
        data = base64.b64encode(buf.getvalue()).decode("ascii")
        return f'<image style="image-rendering:pixelated" {match.group(1)}xlink:href="data:image/png;base64,{data}"'

    return _IMAGE.sub(enlarge, svg)
