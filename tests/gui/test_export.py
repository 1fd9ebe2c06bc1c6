"""Export: PNG / SVG / PDF / GIF / MP4 read back, panels, progress and cancel, the GUI path."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox

from app.export import options as export
from app.export.options import ExportCancelled, ExportError, ExportOptions
from app.export.render import OffscreenDiagram, render_image, svg_bytes
from app.export.writers import export_diagram, export_session
from app.io.examples import load_example
from app.views.cell_texts import format_value


def _pixels(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(rgb.constBits(), dtype=np.uint8).reshape(rgb.height(), rgb.bytesPerLine() // 4, 4)
    return arr[:, : rgb.width(), :3]


def _colours(arr: np.ndarray) -> int:
    packed = arr.reshape(-1, 3).astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
    return len(np.unique(packed))


@pytest.fixture
def classroom(qapp):
    with OffscreenDiagram(load_example("classroom").with_view(position=20)) as view:
        yield view


def test_png_has_the_requested_width_and_is_not_blank(tmp_path, qapp):
    out = export_session(load_example("classroom"), tmp_path / "d.png", ExportOptions(width=1920))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1920, 1200)
    arr = _pixels(img)
    assert _colours(arr) > 50  # heat maps, text and outlines are drawn
    assert (arr.reshape(-1, 3) != 255).any(axis=1).mean() > 0.2  # a fifth of the picture is ink


def test_png_by_dpi_and_one_panel(classroom, tmp_path):
    whole = render_image(classroom.widget)
    assert (whole.width(), whole.height()) == (1200, 750)
    by_dpi = export_diagram(classroom.widget, tmp_path / "hi.png", ExportOptions(dpi=192))
    img = QImage(str(by_dpi))
    assert (img.width(), img.height()) == (2400, 1500)
    assert abs(img.dotsPerMeterX() - 192 / 0.0254) < 2
    panel = render_image(classroom.widget, "output", width=600)
    assert panel.width() == 600 and panel.height() < 300  # the output panel only, a strip
    assert _colours(_pixels(panel)) > 20


def test_png_is_the_diagram_as_drawn(classroom):
    """The output panel shows the filled cells in colour and the empty ones in background."""
    img = _pixels(render_image(classroom.widget, "output"))
    assert _colours(img) > 20
    dark = classroom.state
    dark.set_view(theme="dark")
    assert _pixels(render_image(classroom.widget))[5, 5].max() < 80  # dark background


def test_svg_parses_and_holds_cell_values_as_text(classroom):
    data = svg_bytes(classroom.widget)
    root = ET.fromstring(data)
    ns = "{http://www.w3.org/2000/svg}"
    texts = [(t.text or "").strip() for t in root.iter(f"{ns}text")]
    x = load_example("classroom").x[0]
    for value in {format_value(float(v)) for v in x.ravel()}:
        assert value in texts
    assert any("steps × channels = 16 × 4" in t for t in texts)  # the panel title
    images = list(root.iter(f"{ns}image"))
    assert images and all("pixelated" in (im.get("style") or "") for im in images)


def test_svg_of_one_panel(classroom, tmp_path):
    out = export_diagram(classroom.widget, tmp_path / "k.svg", ExportOptions(panel="kernels"))
    root = ET.parse(out).getroot()
    texts = " ".join((t.text or "") for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "filter 2" in texts and "Input x" not in texts


def test_pdf(classroom, tmp_path):
    out = export_diagram(classroom.widget, tmp_path / "d.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 1
    assert b"MediaBox [0 0 900 562.5]" in data or b"/MediaBox" in data


def test_gif_has_one_frame_per_position(tmp_path, qapp):
    out = tmp_path / "sweep.gif"
    seen: list[tuple[int, int]] = []
    export_session(
        load_example("classroom"),
        out,
        ExportOptions(width=480, frame_ms=100),
        progress=lambda done, total: seen.append((done, total)) or True,
    )
    with Image.open(out) as im:
        assert im.n_frames == 42  # 14 steps x 3 filters, one filter at a time
        assert im.info["duration"] == 100
        assert im.size[0] == 480
    assert seen[0] == (0, 42) and seen[-1] == (42, 42)


def test_gif_all_filters_and_identical_frames_stay_separate(tmp_path, qapp):
    out = tmp_path / "all.gif"
    session = load_example("classroom").with_view(mode="all_filters")
    export_session(session, out, ExportOptions(width=320, caption=False, positions=(0, 0, 0, 1)))
    with Image.open(out) as im:
        assert im.n_frames == 4  # the same position three times: still three frames


def test_cancel_writes_nothing(tmp_path, qapp):
    out = tmp_path / "c.gif"
    with pytest.raises(ExportCancelled):
        export_session(
            load_example("classroom"), out, ExportOptions(width=320), progress=lambda done, total: done < 5
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(
    not export.video_available(), reason="optional extra 'video' (imageio-ffmpeg) not installed"
)
def test_mp4(tmp_path, qapp):
    import imageio_ffmpeg

    out = export_session(load_example("odd-same"), tmp_path / "v.mp4", ExportOptions(width=480))
    frames, _ = imageio_ffmpeg.count_frames_and_secs(str(out))
    assert frames == 7


def test_mp4_without_the_extra_says_how_to_get_it(tmp_path, monkeypatch, qapp):
    monkeypatch.setattr(export, "video_available", lambda: False)
    with pytest.raises(ExportError, match=r"pip install 'conv1d-explorer\[video\]'"):
        export_session(load_example("odd-same"), tmp_path / "v.mp4")
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_and_missing_folder(classroom, tmp_path):
    with pytest.raises(ExportError, match=r"must end in \.png"):
        export_diagram(classroom.widget, tmp_path / "d.bmp")
    with pytest.raises(ExportError, match="does not exist"):
        export_diagram(classroom.widget, tmp_path / "nope" / "d.png")


def test_gui_export_renders_the_live_diagram_and_keeps_the_position(window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    fa = window.file_actions
    window.open_example("classroom")
    window.state.set_position(9)
    assert fa.export_to(tmp_path / "live.png")
    img = QImage(str(tmp_path / "live.png"))
    assert (img.width(), img.height()) == (window.diagram.width(), window.diagram.height())
    assert fa.export_to(tmp_path / "live.gif", ExportOptions(width=300, frame_ms=50))
    with Image.open(tmp_path / "live.gif") as im:
        assert im.n_frames == 42
    assert window.state.position == 9  # the sweep ran on a private copy
    assert not fa.export_to(tmp_path / "live.bmp")
    assert "must end in" in shown[-1]
    fa.copy_to_clipboard(ExportOptions(panel="input"))
    clip = QGuiApplication.clipboard().image()
    assert not clip.isNull() and clip.width() > 100
