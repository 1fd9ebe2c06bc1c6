"""Render the diagram as the user sees it, without a display (``QT_QPA_PLATFORM=offscreen``).

Everything paints the pyqtgraph scene of a :class:`~app.views.diagram.DiagramWidget`
with a QPainter: into a QImage (PNG and animation frames, with an optional caption
band) or a ``QSvgGenerator`` (vector lines, cell values as ``<text>``, heat maps as
embedded images drawn without smoothing).  The animations and the CLI render an
:class:`OffscreenDiagram`, a private state and widget built from a session, so the
user's window never moves while a GIF is written.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.export.options import MAX_WIDTH, ExportError

__all__ = [
    "DEFAULT_LAYOUT",
    "OffscreenDiagram",
    "caption_lines",
    "ensure_app",
    "layout_for_width",
    "paint",
    "quiet_offscreen_window",
    "render_image",
    "source_rect",
    "svg_bytes",
    "svg_document",
    "vector_size",
]

_PANEL_KEYS = {"input": "input", "kernels": "kernel", "output": "output"}
DEFAULT_LAYOUT = (1200, 750)  # logical size of an offscreen diagram (16:10)


def ensure_app() -> Any:
    """A QApplication (offscreen when there is no display); reused when one exists."""
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Conv1D Explorer")
        app.setOrganizationName("Conv1D Explorer")
        from app.i18n.languages import load_bundled_font

        load_bundled_font()  # Chinese exports render on machines without a CJK font
    return app


@contextlib.contextmanager
def quiet_offscreen_window() -> Iterator[None]:
    """Show a top-level window offscreen without the platform's "does not support propagateSizeHints()".

    The offscreen platform prints that line for every window shown; a command's stderr stays for errors.
    """
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            import sys

            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def source_rect(diagram: Any, panel: str) -> Any:
    """Scene rectangle of the whole diagram or of one panel (its PlotItem with title, axes, colour bar)."""
    from PySide6.QtCore import QRectF

    if panel == "diagram":
        return QRectF(diagram.mapToScene(diagram.viewport().rect()).boundingRect())
    item = diagram.panels[_PANEL_KEYS[panel]].plot
    return QRectF(item.sceneBoundingRect())


def _background(diagram: Any) -> Any:
    return diagram.backgroundBrush().color()


@contextlib.contextmanager
def uncached(scene: Any) -> Iterator[None]:
    """Every item paints from its current state: no device-pixmap cache while an export renders.

    ``QGraphicsItem.DeviceCoordinateCache`` (the diagram's heat maps and cell numbers) keeps one
    pixmap per paint device (the view's viewport, and a second one for ``QGraphicsScene.render``)
    but a single "needs repaint" flag: whichever paints first after ``update()`` clears it, and the
    other then blits its old pixmap.  In a sweep the view repaints between frames (events are
    processed), so every frame showed the output as it was in the first rendered frame.  Turning
    the cache off drops all of an item's pixmaps; turning it back on starts empty, so the window
    repaints from the current state too.  Without the cache, cell numbers are also real text
    (not pixmaps) in SVG and PDF.
    """
    from PySide6.QtWidgets import QGraphicsItem

    none = QGraphicsItem.CacheMode.NoCache
    cached = [(item, item.cacheMode()) for item in scene.items() if item.cacheMode() != none]
    for item, _ in cached:
        item.setCacheMode(none)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


@contextlib.contextmanager
def slide_text_cap(scene: Any, scale: float) -> Iterator[None]:
    """Cell numbers in a picture at the slide size (restored afterwards).

    On screen a number follows its cell (45 % of its height, however big); a picture keeps the
    slide size :func:`~app.export.standins.slide_text` gives it, so exports read the same at any size.
    """
    from app.export.standins import SLIDE_TEXT_PX
    from app.views.cell_texts import CellTexts

    cap = SLIDE_TEXT_PX * 3 / 4 * scale
    saved = [(item, item.max_pt) for item in scene.items() if isinstance(item, CellTexts)]
    for item, max_pt in saved:
        item.max_pt = min(max_pt, cap)
    try:
        yield
    finally:
        for item, max_pt in saved:
            item.max_pt = max_pt


def paint(diagram: Any, painter: Any, target: Any, source: Any, panel: str = "diagram") -> None:
    """Paint ``source`` (scene coordinates) into ``target``; for one panel, the others are hidden.

    Hiding and showing happen with no event processing in between, so the layout never moves;
    without it a vector export would still carry the other panels' texts outside its page.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    from app.export.standins import device_standins, slide_text

    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)  # PDF: no JPEG heat maps
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.save()
    painter.fillRect(target, _background(diagram))
    painter.setClipRect(target)
    hidden = []
    if panel != "diagram":
        keep = diagram.panels[_PANEL_KEYS[panel]].plot
        hidden = [p.plot for p in diagram.panels.values() if p.plot is not keep and p.plot.isVisible()]
    for item in hidden:
        item.setVisible(False)
    try:
        scale = target.width() / max(source.width(), 1.0)
        vector = not isinstance(painter.device(), QImage)
        with (
            uncached(diagram.scene()),
            device_standins(diagram.scene(), scale, vector),
            slide_text_cap(diagram.scene(), scale),
            slide_text(diagram.scene(), scale),
        ):
            diagram.scene().render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        for item in hidden:
            item.setVisible(True)
        painter.restore()


def _target_size(source: Any, width: int | None, dpi: float | None) -> tuple[int, int, float]:
    """(width, height, scale) for a raster of ``source``."""
    sw, sh = max(source.width(), 1.0), max(source.height(), 1.0)
    if width is not None:
        scale = width / sw
    elif dpi is not None:
        scale = dpi / 96.0
    else:
        scale = 1.0
    w = max(round(sw * scale), 1)
    h = max(round(sh * scale), 1)
    if w > MAX_WIDTH or h > MAX_WIDTH:
        raise ExportError(
            f"the image would be {w} x {h} pixels, over {MAX_WIDTH}; choose a smaller width or DPI"
        )
    return w, h, scale


def render_image(
    diagram: Any,
    panel: str = "diagram",
    width: int | None = None,
    dpi: float | None = None,
    caption: Sequence[str] = (),
    progress_fraction: float | None = None,
) -> Any:
    """The diagram (or one panel) as a QImage ``width`` pixels wide, optionally with a caption band below."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    source = source_rect(diagram, panel)
    w, h, _ = _target_size(source, width, dpi)
    band = _caption_height(w, len(caption)) if caption else 0
    bar = max(3, w // 300) if progress_fraction is not None else 0
    image = QImage(w, h + band + bar, QImage.Format.Format_RGB32)
    image.fill(_background(diagram))
    if dpi is not None:
        dpm = round(dpi / 0.0254)
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    try:
        paint(diagram, painter, QRectF(0, 0, w, h), source, panel)
        if caption:
            _draw_caption(painter, diagram, QRectF(0, h, w, band), caption)
        if progress_fraction is not None:
            painter.fillRect(QRectF(0, h + band, w * progress_fraction, bar), diagram.theme.highlight)
    finally:
        painter.end()
    return image


def _caption_height(width: int, lines: int) -> int:
    return int(lines * max(14, width / 70) * 1.6 + max(8, width / 120))


def _draw_caption(painter: Any, diagram: Any, rect: Any, lines: Sequence[str]) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetricsF

    margin = rect.width() / 60
    room = rect.width() - 2 * margin
    font = QFont()
    size = max(14.0, rect.width() / 70)
    font.setPixelSize(int(size))
    widest = max(QFontMetricsF(font).horizontalAdvance(t) for t in lines)
    if widest > room:  # shrink to fit the longest line rather than cut it
        font.setPixelSize(max(int(size * room / widest), 7))
    painter.setFont(font)
    painter.setPen(QColor(diagram.theme.foreground))
    line_h = rect.height() / max(len(lines), 1)
    for i, text in enumerate(lines):
        box = QRectF(rect.left() + margin, rect.top() + i * line_h, room, line_h)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


def caption_lines(state: Any) -> list[str]:
    """Two caption lines for an animation frame: the Keras call and the output-length formula.

    A third line names the position ("filter 1, step 6 — 21/42") so no two frames are equal.
    """
    from app.views.layer_panel import keras_one_liner
    from conv_core import derive_output_length

    tr = state.trace
    spec = tr.spec
    first = QCoreApplication.translate("export", "{call}:  input {shape_in} → output {shape_out}").format(
        call=keras_one_liner(state.layer),
        shape_in=tuple(int(v) for v in state.x.shape),
        shape_out=tr.output_shape,
    )
    d = derive_output_length(tr.steps, spec.kernel_size, spec.strides, spec.padding, spec.dilation_rate)
    key = {"valid": "valid_out", "same": "same_out", "causal": "causal_out"}[d.padding]
    line = d.step(key)
    keff = d.step("keff")
    formula = QCoreApplication.translate("export", "Lout = {f} = {s} = {r}   (keff = {kf} = {kr})").format(
        f=line.formula, s=line.substituted, r=line.result, kf=keff.formula, kr=keff.result
    )
    if d.pad_left or d.pad_right:
        formula += QCoreApplication.translate("export", ", padding {left} left + {right} right").format(
            left=d.pad_left, right=d.pad_right
        )
    step, f = state.current()
    where = (
        QCoreApplication.translate("export", "all filters, step {t}").format(t=step)
        if f is None
        else QCoreApplication.translate("export", "step {t}, filter {f}").format(f=f, t=step)
    )
    counter = QCoreApplication.translate("export", "{where} — {n}/{total}").format(
        where=where, n=state.position + 1, total=state.position_count
    )
    return [first, formula, counter]


# ---------------------------------------------------------------- offscreen diagram
class OffscreenDiagram:
    """A private :class:`ExplorerState` and :class:`DiagramWidget` showing ``session``, never on screen.

    ``size`` is the logical widget size (the layout the picture is drawn at).
    """

    def __init__(self, session: Any, size: tuple[int, int] = DEFAULT_LAYOUT) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from app.state.explorer import ExplorerState
        from app.views.diagram import DiagramWidget

        ensure_app()
        self.state = ExplorerState(debounce_ms=0)
        # Build the widget on the default picture first, then load: a DiagramWidget created on a
        # state that already holds a trace sets the output image's rect before it has an image,
        # which draws the output as one flat colour (reported; remove once diagram.py is fixed).
        self.widget = DiagramWidget(self.state)
        self.state.load_session(session)
        self.state.flush()
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.widget.resize(int(size[0]), int(size[1]))
        self.widget.show()
        for _ in range(3):
            QApplication.processEvents()
        self.state.set_position(session.view.position)

    @property
    def error(self) -> Any:
        return self.state.error

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()
        self.state.deleteLater()

    def __enter__(self) -> OffscreenDiagram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def layout_for_width(width: int | None) -> tuple[int, int]:
    """Logical layout size for an output ``width`` px wide: readable text at any width."""
    w = DEFAULT_LAYOUT[0] if width is None else min(max(width, 900), 1600)
    return w, round(w * DEFAULT_LAYOUT[1] / DEFAULT_LAYOUT[0])


def vector_size(source: Any, width: int | None) -> tuple[int, int]:
    """(width, height) in px of a vector picture of ``source``: exactly ``width`` wide when given."""
    sw, sh = max(source.width(), 1.0), max(source.height(), 1.0)
    if width is None:
        return max(math.ceil(sw), 1), max(math.ceil(sh), 1)
    return width, max(round(sh * width / sw), 1)


def svg_bytes(diagram: Any, panel: str = "diagram", title: str = "", width: int | None = None) -> bytes:
    """The diagram as SVG.

    pyqtgraph 0.14.0's SVGExporter fails on Qt >= 6.11 (pyqtgraph issue 3485: Qt writes a
    bare ``Z`` closepath its path parser cannot split).  We paint the scene into Qt's own
    ``QSvgGenerator`` instead (outlines and small heat maps through the stand-ins of
    :mod:`app.export.standins`), then make the file portable (:mod:`app.export.svg_portable`):
    pixel size, Chinese glyphs as paths, large heat maps at 300 dpi.
    """
    from PySide6.QtCore import QRectF

    source = source_rect(diagram, panel)
    w, h = vector_size(source, width)
    return svg_document(w, h, title, lambda painter: paint(diagram, painter, QRectF(0, 0, w, h), source, panel))


def svg_document(w: int, h: int, title: str, draw: Callable[[Any], None]) -> bytes:
    """A portable SVG ``w`` x ``h`` px of what ``draw(painter)`` paints (see :func:`svg_bytes`)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from app.export.svg_portable import portable_svg
    from app.i18n.languages import load_bundled_font

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRectF(0, 0, w, h))
    gen.setResolution(96)
    gen.setTitle(title or "Conv1D Explorer")
    gen.setDescription(QCoreApplication.translate("export", "Made with Conv1D Explorer"))
    painter = QPainter(gen)
    try:
        draw(painter)
    finally:
        painter.end()
    buffer.close()
    text = bytes(data.data()).decode("utf-8")
    return portable_svg(text, w, h, load_bundled_font()).encode("utf-8")
