"""Export the diagram as the user sees it: PNG, SVG, PDF, animated GIF and MP4; and the ``export`` CLI.

Everything renders the pyqtgraph scene of a :class:`~app.diagram.DiagramWidget`
with a QPainter, so it works without a display (``QT_QPA_PLATFORM=offscreen``):

* PNG: the scene scaled to the chosen width (or DPI) into a QImage;
* SVG: the scene painted into a ``QSvgGenerator`` (vector lines, cell values as
  ``<text>``, heat maps as embedded images drawn without smoothing);
* PDF: ``QPdfWriter`` at resolution 96 (DESIGN.md §3), one page the diagram's size;
* GIF / MP4: one frame per animation position, a caption with the Keras call and
  the output-length formula.  Pillow merges identical consecutive GIF frames, so
  every frame carries its own position counter and progress bar (and a
  guard nudges one pixel if two frames still come out equal).

The static exports of the GUI render the live widget; the animations and the CLI
render an :class:`OffscreenDiagram`, a private state and widget built from a
session, so the user's window never moves while a GIF is written.

Every output is written to a temporary file beside the target and renamed over
it: a failed or cancelled export never leaves half a file.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

__all__ = [
    "FORMATS",
    "PANELS",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "OffscreenDiagram",
    "add_cli",
    "caption_lines",
    "export_diagram",
    "export_session",
    "format_of",
    "render_image",
    "video_available",
]

FORMATS = ("png", "svg", "pdf", "gif", "mp4")
ANIMATED = ("gif", "mp4")
PANELS = ("diagram", "input", "kernels", "output")
_PANEL_KEYS = {"input": "input", "kernels": "kernel", "output": "output"}
DEFAULT_LAYOUT = (1200, 750)  # logical size of an offscreen diagram (16:10)
MAX_WIDTH = 8000
VIDEO_HINT = "MP4 needs the optional 'video' extra: pip install 'conv1d-explorer[video]' (imageio-ffmpeg)"

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class ExportError(ValueError):
    """An export that cannot be done (unknown format, unwritable path, missing extra); one line."""


class ExportCancelled(Exception):
    """The user cancelled a long export; nothing was written."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how.

    ``width`` is in pixels for PNG, GIF and MP4 (the logical layout width for SVG and
    PDF); ``dpi`` is the PNG alternative (``width = layout width * dpi / 96``).
    ``positions`` limits an animation to these positions (default: the whole sweep).
    """

    panel: str = "diagram"
    width: int | None = None
    dpi: float | None = None
    frame_ms: int = 500
    caption: bool = True
    positions: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if self.panel not in PANELS:
            raise ExportError(f"unknown panel {self.panel!r}; choose one of {', '.join(PANELS)}")
        if self.width is not None and not 16 <= self.width <= MAX_WIDTH:
            raise ExportError(f"width must be between 16 and {MAX_WIDTH} pixels, got {self.width}")
        if self.dpi is not None and not 24 <= self.dpi <= 1200:
            raise ExportError(f"dpi must be between 24 and 1200, got {self.dpi:g}")
        if not 20 <= self.frame_ms <= 10_000:
            raise ExportError(f"frame time must be between 20 and 10000 ms, got {self.frame_ms}")


def format_of(path: str | os.PathLike[str]) -> str:
    """The export format named by the file extension (``ExportError`` for any other)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        shown = f".{suffix}" if suffix else "no extension"
        raise ExportError(
            f"cannot export to {shown}: the file name must end in {', '.join('.' + f for f in FORMATS)}"
        )
    return suffix


def video_available() -> bool:
    """True when the optional ``video`` extra (imageio-ffmpeg) is installed."""
    import importlib.util

    return importlib.util.find_spec("imageio_ffmpeg") is not None


# ---------------------------------------------------------------- rendering
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
        from .i18n import load_bundled_font

        load_bundled_font()  # Chinese exports render on machines without a CJK font
    return app


def _source_rect(diagram: Any, panel: str) -> Any:
    """Scene rectangle of the whole diagram or of one panel (its PlotItem with title, axes, colour bar)."""
    from PySide6.QtCore import QRectF

    if panel == "diagram":
        return QRectF(diagram.mapToScene(diagram.viewport().rect()).boundingRect())
    item = diagram.panels[_PANEL_KEYS[panel]].plot
    return QRectF(item.sceneBoundingRect())


def _background(diagram: Any) -> Any:
    return diagram.backgroundBrush().color()


def _paint(diagram: Any, painter: Any, target: Any, source: Any, panel: str = "diagram") -> None:
    """Paint ``source`` (scene coordinates) into ``target``; for one panel, the others are hidden.

    Hiding and showing happen with no event processing in between, so the layout never moves;
    without it a vector export would still carry the other panels' texts outside its page.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter

    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
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

    source = _source_rect(diagram, panel)
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
        _paint(diagram, painter, QRectF(0, 0, w, h), source, panel)
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
    from conv_core import derive_output_length

    from .layer_panel import keras_one_liner

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
        else QCoreApplication.translate("export", "filter {f}, step {t}").format(f=f, t=step)
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

        from .diagram import DiagramWidget
        from .state import ExplorerState

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


# ---------------------------------------------------------------- writers
@contextlib.contextmanager
def _atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over it only when the block succeeds."""
    from .session import new_file_mode

    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {parent} does not exist")
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=str(parent))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, new_file_mode(path))
        os.replace(tmp_path, path)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp_path.unlink()


def _write_png(diagram: Any, path: Path, options: ExportOptions) -> None:
    image = render_image(diagram, options.panel, options.width, options.dpi)
    with _atomic_output(path) as tmp:
        if not image.save(str(tmp), "PNG"):
            raise ExportError(f"cannot write {path}")


def _vector_size(diagram: Any, options: ExportOptions) -> tuple[Any, int, int]:
    source = _source_rect(diagram, options.panel)
    return source, max(math.ceil(source.width()), 1), max(math.ceil(source.height()), 1)


def svg_bytes(diagram: Any, panel: str = "diagram", title: str = "") -> bytes:
    """The diagram as SVG.

    pyqtgraph 0.14.0's SVGExporter fails on Qt >= 6.11 (pyqtgraph issue 3485: Qt writes a
    bare ``Z`` closepath its path parser cannot split).  We paint the scene into Qt's own
    ``QSvgGenerator`` instead and only mark the embedded heat-map images as pixelated
    with CSS as well (Qt writes ``image-rendering="optimizeSpeed"``, which browsers treat
    loosely), so a 16 x 4 image stays 64 crisp cells when scaled.  When a pyqtgraph release with
    the fix is the minimum, ``pyqtgraph.exporters.SVGExporter`` could replace this.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    source = _source_rect(diagram, panel)
    w, h = max(math.ceil(source.width()), 1), max(math.ceil(source.height()), 1)
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
        _paint(diagram, painter, QRectF(0, 0, w, h), source, panel)
    finally:
        painter.end()
    buffer.close()
    text = bytes(data.data()).decode("utf-8")
    return _pixelate_images(text).encode("utf-8")


_DATA_PNG = re.compile(r'xlink:href="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')
_MAX_EMBED_PX = 2048


def _pixelate_images(svg: str) -> str:
    """Heat maps are tiny images (one pixel per cell) drawn large; keep their cells crisp everywhere.

    Browsers honour ``image-rendering: pixelated``; many other viewers (Qt, PDF converters,
    office suites) smooth the image anyway, so each embedded PNG is also enlarged with
    nearest-neighbour sampling (its drawn size is unchanged).
    """
    import base64
    import io

    from PIL import Image

    def enlarge(match: re.Match[str]) -> str:
        try:
            im: Image.Image = Image.open(io.BytesIO(base64.b64decode(match.group(1))))
            im.load()
        except Exception:  # not a PNG Pillow can read: keep it as Qt wrote it
            return match.group(0)
        factor = max(1, min(32, _MAX_EMBED_PX // max(im.size)))
        if factor > 1:
            im = im.resize((im.size[0] * factor, im.size[1] * factor), Image.Resampling.NEAREST)
        buf = io.BytesIO()
        im.save(buf, format="PNG", optimize=False)
        return 'xlink:href="data:image/png;base64,' + base64.b64encode(buf.getvalue()).decode("ascii") + '"'

    svg = _DATA_PNG.sub(enlarge, svg)
    return svg.replace("<image ", '<image style="image-rendering:pixelated" ')


def _write_svg(diagram: Any, path: Path, options: ExportOptions) -> None:
    data = svg_bytes(diagram, options.panel)
    with _atomic_output(path) as tmp:
        tmp.write_bytes(data)


def _write_pdf(diagram: Any, path: Path, options: ExportOptions) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    source, w, h = _vector_size(diagram, options)
    with _atomic_output(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(96)  # the default 72 offsets the plot (DESIGN.md §3)
        writer.setCreator("Conv1D Explorer")
        writer.setTitle("Conv1D Explorer")
        size = QPageSize(
            QSizeF(w * 72 / 96, h * 72 / 96),
            QPageSize.Unit.Point,
            "diagram",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
        writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        painter = QPainter(writer)
        try:
            _paint(diagram, painter, QRectF(0, 0, w, h), source, options.panel)
        finally:
            painter.end()
        del writer  # closes the file before the rename


def _frames(view: OffscreenDiagram, options: ExportOptions, progress: Progress | None) -> Iterator[Any]:
    """One QImage per position; raises ExportCancelled when ``progress`` says stop."""
    from PySide6.QtWidgets import QApplication

    state = view.state
    positions = options.positions if options.positions is not None else tuple(range(state.position_count))
    total = len(positions)
    if total == 0:
        raise ExportError("there is no position to animate")
    if progress is not None and not progress(0, total):
        raise ExportCancelled
    for i, p in enumerate(positions):
        state.set_position(p)
        QApplication.processEvents()
        caption = caption_lines(state) if options.caption else ()
        yield render_image(view.widget, options.panel, options.width, None, caption, (i + 1) / total)
        if progress is not None and not progress(i + 1, total):
            raise ExportCancelled


def _to_pil(image: Any) -> Any:
    from PIL import Image
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1)


def _write_gif(view: OffscreenDiagram, path: Path, options: ExportOptions, progress: Progress | None) -> int:
    from PIL import Image

    frames: list[Any] = []
    palette: Any = None
    previous: bytes | None = None
    for image in _frames(view, options, progress):
        rgb = _to_pil(image)
        if palette is None:  # one palette for the whole sweep: no flicker between frames
            palette = rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        frame = rgb.quantize(palette=palette, dither=Image.Dither.NONE)
        raw = frame.tobytes()
        if raw == previous:  # Pillow would merge it into the previous frame: keep it separate
            frame.putpixel((0, 0), (int(frame.getpixel((0, 0))) + 1) % 256)
            raw = frame.tobytes()
        previous = raw
        frames.append(frame)
    with _atomic_output(path) as tmp:
        frames[0].save(
            tmp,
            format="GIF",
            save_all=True,
            append_images=frames[1:],
            duration=options.frame_ms,
            loop=0,
            disposal=1,
            optimize=False,
        )
    return len(frames)


def _write_mp4(view: OffscreenDiagram, path: Path, options: ExportOptions, progress: Progress | None) -> int:
    if not video_available():
        raise ExportError(VIDEO_HINT)
    import imageio_ffmpeg

    fps = 1000.0 / options.frame_ms
    count = 0
    with _atomic_output(path) as tmp:
        writer = None
        try:
            for image in _frames(view, options, progress):
                rgb = _to_pil(image)
                w, h = rgb.size[0] // 2 * 2, rgb.size[1] // 2 * 2  # yuv420p needs even sizes
                if (w, h) != rgb.size:
                    rgb = rgb.crop((0, 0, w, h))
                if writer is None:
                    writer = imageio_ffmpeg.write_frames(
                        str(tmp),
                        (w, h),
                        fps=fps,
                        codec="libx264",
                        pix_fmt_out="yuv420p",
                        macro_block_size=2,
                        ffmpeg_log_level="error",
                        output_params=["-f", "mp4"],
                    )
                    writer.send(None)
                writer.send(rgb.tobytes())
                count += 1
        finally:
            if writer is not None:
                writer.close()
    return count


def export_diagram(diagram: Any, path: str | os.PathLike[str], options: ExportOptions | None = None) -> Path:
    """Write a still of ``diagram`` (PNG, SVG or PDF) exactly as it is drawn now."""
    options = options or ExportOptions()
    out = Path(path)
    fmt = format_of(out)
    if fmt in ANIMATED:
        raise ExportError(f".{fmt} is an animation: use export_session for a sweep")
    {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}[fmt](diagram, out, options)
    return out


def export_session(
    session: Any,
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    *,
    layout: tuple[int, int] | None = None,
    progress: Progress | None = None,
) -> Path:
    """Render ``session`` offscreen and write any format; animations sweep every position.

    ``layout`` is the logical widget size (default: chosen from ``options.width``).
    """
    options = options or ExportOptions()
    out = Path(path)
    fmt = format_of(out)
    if fmt == "mp4" and not video_available():
        raise ExportError(VIDEO_HINT)
    with OffscreenDiagram(session, layout or layout_for_width(options.width)) as view:
        if view.error is not None:
            raise ExportError(f"the session's layer is invalid: {view.error.keras}")
        if fmt == "gif":
            _write_gif(view, out, options, progress)
        elif fmt == "mp4":
            _write_mp4(view, out, options, progress)
        else:
            export_diagram(view.widget, out, options)
    return out


# ---------------------------------------------------------------- command line
def _install_language(lang: str) -> str:
    """Translations and the CJK font via ``app.i18n`` when it works; English otherwise.

    Returns the language actually installed.
    """
    import sys

    try:
        from . import i18n

        load_font = getattr(i18n, "load_bundled_font", None)
        if callable(load_font):
            load_font()
        set_language = getattr(i18n, "set_language", None)
        if lang == "en" or not callable(set_language):
            return "en"
        return lang if set_language(lang) else "en"
    except Exception as exc:  # app.i18n is another module's work: never let it break an export
        if lang != "en":
            sys.stderr.write(
                f"conv1d-explorer export: warning: translations unavailable ({exc}); using English\n"
            )
        return "en"


def _resolve_positions(args: argparse.Namespace, view: OffscreenDiagram) -> tuple[int, tuple[int, ...]]:
    """(position for a still, positions for an animation) from --step and --filter."""
    from .cli import CliError

    state = view.state
    tr = state.trace
    if tr is None:
        raise CliError("the session has no valid picture")
    count = state.position_count
    if args.filter is None:
        if args.step is not None and not 0 <= args.step < count:
            raise CliError(
                f"--step {args.step} is out of range: this session has {count} positions (0..{count - 1})"
            )
        position = state.position if args.step is None else args.step
        return position, tuple(range(count))
    if not 0 <= args.filter < tr.filters:
        raise CliError(
            f"--filter {args.filter} is out of range: the layer has {tr.filters} filters "
            f"(0..{tr.filters - 1})"
        )
    step = 0 if args.step is None else args.step
    if not 0 <= step < tr.out_steps:
        raise CliError(
            f"--step {step} is out of range: filter {args.filter} has {tr.out_steps} output steps "
            f"(0..{tr.out_steps - 1})"
        )
    base = args.filter * tr.out_steps
    return base + step, tuple(range(base, base + tr.out_steps))


def _run_export(args: argparse.Namespace) -> int:
    from .cli import CliError, check_session_arguments, session_from_args

    check_session_arguments(args)
    out = Path(args.output)
    try:
        fmt = format_of(out)
        options = ExportOptions(
            panel=args.panel,
            width=args.width,
            dpi=args.dpi,
            frame_ms=args.frame_ms,
            caption=not args.no_caption,
        )
    except ExportError as exc:
        raise CliError(str(exc)) from None
    if args.dpi is not None and args.width is not None:
        raise CliError("give --width or --dpi, not both")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise CliError(f"cannot write {out}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise CliError(f"cannot write {out}: no permission to write in {parent}")
    if fmt == "mp4" and not video_available():
        raise CliError(VIDEO_HINT)
    session = session_from_args(args)
    changes: dict[str, Any] = {}
    if args.theme is not None:
        changes["theme"] = args.theme
    if args.lang is not None:
        changes["language"] = args.lang
    if args.filter is not None and session.view.mode != "one_filter":
        changes["mode"] = "one_filter"
    session = session.with_view(**changes)
    ensure_app()
    _install_language(session.view.language)
    try:
        with OffscreenDiagram(session, layout_for_width(options.width)) as view:
            if view.error is not None:
                raise CliError(f"the session's layer is invalid: {view.error.keras}")
            position, positions = _resolve_positions(args, view)
            if fmt in ANIMATED:
                options = ExportOptions(
                    panel=options.panel,
                    width=options.width,
                    frame_ms=options.frame_ms,
                    caption=options.caption,
                    positions=positions,
                )
                (_write_gif if fmt == "gif" else _write_mp4)(view, out, options, None)
            else:
                view.state.set_position(position)
                export_diagram(view.widget, out, options)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    print(out)
    return 0


def add_cli(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``conv1d-explorer export``."""
    p = sub.add_parser(
        "export",
        help="render a session or example to PNG, SVG, PDF, GIF or MP4 (no display needed)",
        description=(
            "Render the diagram of a session file or a built-in example as the app draws it. "
            "The format follows the extension of -o. GIF and MP4 animate the whole sweep "
            "(one frame per position; with --filter, that filter's steps)."
        ),
    )
    from .cli import add_session_arguments

    add_session_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.{png,svg,pdf,gif,mp4}", help="file to write")
    p.add_argument(
        "--step", type=int, metavar="N", help="position to show (with --filter: that filter's output step N)"
    )
    p.add_argument("--filter", type=int, metavar="F", help="show filter F (one filter at a time)")
    p.add_argument(
        "--width", type=int, metavar="PX", help="image width in pixels (PNG, GIF, MP4; layout for SVG/PDF)"
    )
    p.add_argument("--dpi", type=float, help="PNG resolution instead of --width (96 = screen size)")
    p.add_argument("--panel", default="diagram", choices=PANELS, help="the whole diagram or one panel")
    p.add_argument("--lang", choices=("en", "zh_CN", "zh_TW"), help="language of titles and captions")
    p.add_argument("--theme", choices=("light", "dark", "high_contrast"), help="colour theme")
    p.add_argument(
        "--frame-ms", type=int, default=500, metavar="MS", help="GIF/MP4 time per frame (default 500)"
    )
    p.add_argument("--no-caption", action="store_true", help="GIF/MP4 without the caption band")
    p.set_defaults(run=_run_export)
