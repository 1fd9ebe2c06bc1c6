"""Write the diagram as a file: PNG, SVG, PDF, animated GIF and MP4.

* PNG: the scene scaled to the chosen width (or DPI) into a QImage;
* SVG: the scene painted into a ``QSvgGenerator``;
* PDF: ``QPdfWriter`` at resolution 96 (DESIGN.md §3), one page the diagram's size;
* GIF / MP4: one frame per animation position, a caption with the Keras call and
  the output-length formula (with a position counter and progress bar); without the
  caption a frame is exactly the still export at its position.  Frames are streamed to
  the file one at a time (memory does not grow with the sweep), and a sweep over
  ``MAX_FRAMES`` positions is refused before any work.

The static exports of the GUI render the live widget; the animations render an
:class:`~app.export.render.OffscreenDiagram`.  Every output is written to a temporary
file beside the target and renamed over it: a failed or cancelled export never
leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.export.options import (
    ANIMATED,
    MAX_FRAMES,
    VIDEO_HINT,
    ExportCancelled,
    ExportError,
    ExportOptions,
    Progress,
    format_of,
    video_available,
)
from app.export.render import (
    OffscreenDiagram,
    caption_lines,
    layout_for_width,
    paint,
    render_image,
    source_rect,
    svg_bytes,
    vector_size,
)
from app.io.atomic import atomic_path

__all__ = ["atomic_output", "export_diagram", "export_session", "write_gif", "write_mp4"]


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """:func:`~app.io.atomic.atomic_path` with the export's one-line errors."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {parent} does not exist")
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    try:
        with atomic_path(path) as tmp:
            yield tmp
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def _write_png(diagram: Any, path: Path, options: ExportOptions) -> None:
    image = render_image(diagram, options.panel, options.width, options.dpi)
    with atomic_output(path) as tmp:
        if not image.save(str(tmp), "PNG"):
            raise ExportError(f"cannot write {path}")


def _write_svg(diagram: Any, path: Path, options: ExportOptions) -> None:
    data = svg_bytes(diagram, options.panel, width=options.width)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


def _write_pdf(diagram: Any, path: Path, options: ExportOptions) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    source = source_rect(diagram, options.panel)
    w, h = vector_size(source, options.width)
    with atomic_output(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(96)  # the default 72 offsets the plot (DESIGN.md §3)
        writer.setCreator("Conv1D Explorer")
        writer.setTitle("Conv1D Explorer")
        target = QRectF(0, 0, w, h)
        if options.page is None:  # one page the picture's size
            size = QPageSize(
                QSizeF(w * 72 / 96, h * 72 / 96),
                QPageSize.Unit.Point,
                "diagram",
                QPageSize.SizeMatchPolicy.ExactMatch,
            )
            writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        else:  # a handout: the picture fitted inside the margins, centred across the page
            paper = QPageSize(QPageSize.PageSizeId.A4 if options.page == "a4" else QPageSize.PageSizeId.Letter)
            turn = QPageLayout.Orientation.Landscape if w >= h else QPageLayout.Orientation.Portrait
            margins = QMarginsF(10, 10, 10, 10)
            writer.setPageLayout(QPageLayout(paper, turn, margins, QPageLayout.Unit.Millimeter))
            area = writer.pageLayout().paintRectPixels(96)
            fit = min(area.width() / w, area.height() / h)
            target = QRectF((area.width() - w * fit) / 2, 0, w * fit, h * fit)
        painter = QPainter(writer)
        try:
            paint(diagram, painter, target, source, options.panel)
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
    if total > MAX_FRAMES:
        raise ExportError(
            f"the animation would have {total} frames, over the limit of {MAX_FRAMES}: "
            "animate one filter's steps (--filter F), use all-filters mode, or export a still (--step N)"
        )
    if progress is not None and not progress(0, total):
        raise ExportCancelled
    for i, p in enumerate(positions):
        state.set_position(p)
        QApplication.processEvents()
        caption = caption_lines(state) if options.caption else ()
        # The progress bar belongs to the caption band: without it a frame is the still at position p.
        bar = (i + 1) / total if options.caption else None
        yield render_image(view.widget, options.panel, options.width, None, caption, bar)
        if progress is not None and not progress(i + 1, total):
            raise ExportCancelled


def _to_pil(image: Any) -> Any:
    from PIL import Image
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1)


def write_gif(view: OffscreenDiagram, path: Path, options: ExportOptions, progress: Progress | None) -> int:
    """Stream the sweep into a GIF: each frame is encoded and written as it is rendered.

    Pillow's ``save(append_images=...)`` keeps every frame in memory (6.9 GB for a 5,000-frame
    sweep); here only one frame is alive at a time, so memory does not grow with the frame count.
    Frames are written one by one with Pillow's GIF block writers (``getheader`` / ``getdata``),
    which also never merge identical consecutive frames.
    """
    from PIL import GifImagePlugin, Image

    count = 0
    palette: Any = None
    with atomic_output(path) as tmp, open(tmp, "wb") as fp:
        for image in _frames(view, options, progress):
            rgb = _to_pil(image)
            if palette is None:  # one palette for the whole sweep: no flicker between frames
                palette = rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            frame = rgb.quantize(palette=palette, dither=Image.Dither.NONE)
            if count == 0:
                header, _ = GifImagePlugin.getheader(frame, None, {"loop": 0, "duration": options.frame_ms})
                fp.write(b"".join(header))
            blocks = GifImagePlugin.getdata(frame, duration=options.frame_ms, disposal=1)
            fp.writelines(blocks)
            # getdata's list lives on a class only the cyclic collector frees: empty it now, or
            # every frame's data stays in memory until a collection happens to run.
            blocks.clear()
            count += 1
        fp.write(b";")  # the GIF trailer
    return count


def write_mp4(view: OffscreenDiagram, path: Path, options: ExportOptions, progress: Progress | None) -> int:
    if not video_available():
        raise ExportError(VIDEO_HINT)
    import imageio_ffmpeg

    fps = 1000.0 / options.frame_ms
    count = 0
    with atomic_output(path) as tmp:
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
            write_gif(view, out, options, progress)
        elif fmt == "mp4":
            write_mp4(view, out, options, progress)
        else:
            export_diagram(view.widget, out, options)
    return out
