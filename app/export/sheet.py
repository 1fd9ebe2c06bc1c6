"""Pictures of the other windows: a heading and one or more plot views side by side, as PNG, SVG or PDF.

The layer-stack window (its canvas, with the chosen receptive-field cone) and the compare window
(its two sides) are pyqtgraph views like the diagram, so each is painted with
:func:`app.export.render.paint`: the same stand-ins for outlines and heat maps, the same portable SVG.
The heading lines (what the picture shows) are drawn as text above the views.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.export.options import MAX_WIDTH, ExportError, format_of
from app.export.render import paint, source_rect, svg_document, vector_size

__all__ = ["STILL_FORMATS", "compare_picture", "stack_picture", "write_views"]

STILL_FORMATS = ("png", "svg", "pdf")
_MARGIN = 12.0
_HEADING_PX = 18.0
_LINE_PX = 15.0
_CAPTION_PX = 16.0


def _heading_font(first: bool, px: float) -> Any:
    from PySide6.QtGui import QFont

    font = QFont()
    font.setPixelSize(max(round(px), 1))
    font.setBold(first)
    return font


def _heading_lines(heading: Sequence[str], width: float) -> list[tuple[str, float, bool]]:
    """The heading as drawn: (text, pixel size, bold) per line, each heading line wrapped to ``width``
    (a long Conv1DTranspose call ran past the picture's right edge)."""
    from app.views.axes import wrap_lines

    out: list[tuple[str, float, bool]] = []
    for i, line in enumerate(heading):
        px = _HEADING_PX if i == 0 else _LINE_PX
        out += [(part, px, i == 0) for part in wrap_lines(line, _heading_font(i == 0, px), width - 2 * _MARGIN)]
    return out


def _layout(views: Sequence[tuple[str, Any]], heading: Sequence[str]) -> tuple[float, float, float, list[Any]]:
    """(width, height, top of the views, source rects) of the sheet in logical pixels."""
    sources = [source_rect(view, "diagram") for _, view in views]
    width = sum(s.width() for s in sources)
    top = _MARGIN + sum(px * 1.5 for _, px, _ in _heading_lines(heading, width))
    caption = _CAPTION_PX * 1.6 if any(c for c, _ in views) else 0.0
    height = top + caption + max(s.height() for s in sources)
    return width, height, top, sources


def _paint_sheet(
    painter: Any, views: Sequence[tuple[str, Any]], heading: Sequence[str], scale: float, ink_color: str | None = None
) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont

    width, height, top, sources = _layout(views, heading)
    first = views[0][1]
    painter.fillRect(QRectF(0, 0, width * scale, height * scale), first.backgroundBrush().color())
    ink = QColor(ink_color or (first.theme.foreground if hasattr(first, "theme") else "#202020"))
    painter.setPen(ink)
    y = _MARGIN
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    for line, px, bold in _heading_lines(heading, width):
        painter.setFont(_heading_font(bold, px * scale))
        box = QRectF(_MARGIN * scale, y * scale, (width - 2 * _MARGIN) * scale, px * 1.5 * scale)
        painter.drawText(box, int(left), line)
        y += px * 1.5
    x = 0.0
    for (caption, view), source in zip(views, sources, strict=True):
        y = top
        if caption:
            font = QFont()
            font.setPixelSize(max(round(_CAPTION_PX * scale), 1))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(ink)
            box = QRectF(
                (x + _MARGIN) * scale, y * scale, (source.width() - _MARGIN) * scale, _CAPTION_PX * 1.6 * scale
            )
            painter.drawText(box, int(left), caption)
            y += _CAPTION_PX * 1.6
        target = QRectF(x * scale, y * scale, source.width() * scale, source.height() * scale)
        paint(view, painter, target, source)
        x += source.width()


def write_views(
    path: str | os.PathLike[str],
    views: Sequence[tuple[str, Any]],
    heading: Sequence[str] = (),
    width: int | None = None,
    *,
    ink: str | None = None,
) -> Path:
    """Write ``views`` ((caption, pyqtgraph view) pairs, side by side) under ``heading`` to PNG, SVG or PDF.

    ``width`` is the picture's width in pixels (default: the views' size on screen); ``ink`` the
    colour of the heading (default: the first view's theme's text colour).
    """
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    from app.export.writers import atomic_output

    out = Path(path)
    fmt = format_of(out)
    if fmt not in STILL_FORMATS:
        raise ExportError(f"this window exports to .png, .svg or .pdf, not .{fmt}")
    if not views:
        raise ExportError("there is nothing to draw")
    lw, lh, _, _ = _layout(views, heading)
    w, h = vector_size(QRectF(0, 0, lw, lh), width)
    if w > MAX_WIDTH or h > MAX_WIDTH:
        raise ExportError(f"the picture would be {w} x {h} pixels, over {MAX_WIDTH}; choose a smaller width")
    scale = w / lw
    with atomic_output(out) as tmp:
        if fmt == "png":
            image = QImage(w, h, QImage.Format.Format_RGB32)
            image.fill(0xFFFFFFFF)
            painter = QPainter(image)
            try:
                _paint_sheet(painter, views, heading, scale, ink)
            finally:
                painter.end()
            if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]  # the stubs want bytes
                raise ExportError(f"cannot write {out}")
        elif fmt == "svg":
            title = heading[0] if heading else ""
            tmp.write_bytes(
                svg_document(w, h, title, lambda painter: _paint_sheet(painter, views, heading, scale, ink))
            )
        else:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(96)
            writer.setCreator("Conv1D Explorer")
            writer.setTitle(heading[0] if heading else "Conv1D Explorer")
            size = QPageSize(QSizeF(w * 72 / 96, h * 72 / 96), QPageSize.Unit.Point, "picture",
                             QPageSize.SizeMatchPolicy.ExactMatch)
            writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            painter = QPainter(writer)
            try:
                _paint_sheet(painter, views, heading, scale, ink)
            finally:
                painter.end()
            del writer
    return out


def compare_picture(window: Any) -> tuple[list[tuple[str, Any]], list[str]]:
    """The compare window as (views, heading): its two sides, and what differs from A to B."""
    from PySide6.QtCore import QCoreApplication

    heading = [QCoreApplication.translate("compare", "Compare two Conv1D settings on the same input")]
    differ = [f"{k}: {a} → {b}" for k, (a, b) in window.facts().items() if a != b]
    changed = QCoreApplication.translate("compare", "A → B: {changes}")
    heading.append(changed.format(changes="; ".join(differ) or "—"))
    views = []
    for name, side in window.sides.items():
        label = ", ".join(f"{k}={v!r}" for k, v in side.setting.__dict__.items())
        if side.error is not None:
            label += " — " + side.error.keras
        views.append((f"{name}: {label}", side.view))
    return views, heading


def stack_picture(canvas: Any) -> tuple[list[tuple[str, Any]], list[str]]:
    """The layer-stack canvas as (views, heading), naming the chosen output step when there is one."""
    from PySide6.QtCore import QCoreApplication

    model = canvas.model
    from app.i18n.languages import ensure_language
    from app.i18n.messages import layers_text

    ensure_language()  # a command-line picture: the catalogue with the plural forms
    heading = [QCoreApplication.translate("summary", "Layer stack: {layers}, input {shape}").format(
        layers=layers_text(len(model.layers)), shape=model.stack.input_shape)]
    if model.selection is not None:
        name, step = model.selection
        cone = QCoreApplication.translate("summary", "Receptive field of output step {t} of {layer}, back to the input")
        heading.append(cone.format(t=step, layer=name))
    return [("", canvas)], heading
