"""Animations show what the app shows: GIF frame i is the still export at ``--step i`` (issue 14).

Both go through the real CLI (``python -m app export``) in this process, like a user would.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from app.cli import main as cli_main
from app.io.examples import load_example

WIDTH = 640
MAX_DIFF = 0.01  # fraction of pixels allowed to differ (GIF palette, antialiasing)
CASES = [(name, where) for name in ("classroom", "odd-same", "causal-dilated") for where in ("first", "mid", "last")]


def _differs(a: np.ndarray, b: np.ndarray) -> float:
    """Fraction of pixels whose colour differs by more than a palette step."""
    assert a.shape == b.shape, f"frame {a.shape} and still {b.shape} differ in size"
    return float((np.abs(a.astype(int) - b.astype(int)).max(axis=2) > 24).mean())


@pytest.fixture(scope="module")
def sweeps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[object, list[np.ndarray]]]:
    """Each example's whole sweep, exported once as a captionless GIF, decoded to RGB frames."""
    folder = tmp_path_factory.mktemp("sweeps")
    out: dict[str, tuple[object, list[np.ndarray]]] = {}
    for name in ("classroom", "odd-same", "causal-dilated"):
        gif = folder / f"{name}.gif"
        argv = ["export", "--example", name, "-o", str(gif), "--width", str(WIDTH), "--no-caption"]
        assert cli_main(argv) == 0
        frames = []
        with Image.open(gif) as im:
            for i in range(im.n_frames):
                im.seek(i)
                frames.append(np.asarray(im.convert("RGB")))
        out[name] = (folder, frames)
    return out


@pytest.mark.parametrize(("name", "where"), CASES)
def test_gif_frame_equals_still(sweeps, name: str, where: str) -> None:
    folder, frames = sweeps[name]
    n = len(frames)
    step = {"first": 0, "mid": n // 2, "last": n - 1}[where]
    png = folder / f"{name}-{step}.png"  # type: ignore[operator]
    argv = ["export", "--example", name, "-o", str(png), "--step", str(step), "--width", str(WIDTH)]
    assert cli_main(argv) == 0
    with Image.open(png) as im:
        still = np.asarray(im.convert("RGB"))
    assert frames[step].shape == still.shape  # --no-caption: no band, no progress bar
    diff = _differs(frames[step], still)
    assert diff <= MAX_DIFF, f"{name}: GIF frame {step} differs from the still at --step {step} in {diff:.1%}"


@pytest.mark.parametrize("name", ["classroom", "odd-same", "causal-dilated"])
def test_last_frame_shows_every_output_filled(sweeps, name: str, qapp) -> None:
    """The last frame has every output cell coloured and numbered (the output panel is full)."""
    from app.export.render import OffscreenDiagram, layout_for_width, source_rect

    _, frames = sweeps[name]
    session = load_example(name)
    with OffscreenDiagram(session, layout_for_width(WIDTH)) as view:
        state = view.state
        assert len(frames) == state.position_count
        state.set_position(state.position_count - 1)
        assert bool(np.all(state.filled_mask()))  # the model: every cell computed at the last position
        # The picture: sample each output cell's centre in the last frame and in an empty-output
        # frame (position 0 shows one cell): every cell but the first must have changed colour.
        w = view.widget
        vb = w.output_panel.plot.getViewBox()

        source = source_rect(w, "diagram")
        scale = frames[-1].shape[1] / source.width()
        tr = state.trace
        first, last = frames[0].astype(int), frames[-1].astype(int)
        unfilled = []
        for t in range(tr.out_steps):
            for f in range(tr.filters):
                if t == 0 and (f == 0 or state.view.mode == "all_filters"):
                    continue  # already filled in frame 0
                r = vb.mapViewToScene(w.output_rect(t, f)).boundingRect()  # under its window
                x0, x1 = (int((v - source.left()) * scale) for v in (r.left() + 3, r.right() - 3))
                y0, y1 = (int((v - source.top()) * scale) for v in (r.top() + 3, r.bottom() - 3))
                changed = np.abs(last[y0:y1, x0:x1] - first[y0:y1, x0:x1]).max(axis=2) > 24
                if changed.mean() < 0.02:  # neither its colour nor its number appeared
                    unfilled.append((t, f))
        assert not unfilled, f"{name}: output cells {unfilled[:8]} are still empty in the last frame"


def _rgb(image) -> np.ndarray:  # QImage -> (h, w, 3)
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(bytes(img.constBits()), np.uint8).reshape(img.height(), img.bytesPerLine())
    return raw[:, : img.width() * 3].reshape(img.height(), img.width(), 3)


def test_stills_and_window_follow_the_state_after_repaints(qapp) -> None:
    """The live-window path: export, step (the window repaints), export again; and the other order.

    Cached item pixmaps are per device but share one "dirty" flag, so without care whichever
    of the window and the export paints second shows the previous position.
    """
    from PySide6.QtWidgets import QApplication

    from app.export.render import OffscreenDiagram, layout_for_width, render_image

    session = load_example("classroom")
    with OffscreenDiagram(session, layout_for_width(WIDTH)) as ref:
        last = ref.state.position_count - 1
        ref.state.set_position(last)
        want_last = _rgb(render_image(ref.widget, width=WIDTH))
        ref.state.set_position(last // 2)
        want_mid = _rgb(render_image(ref.widget, width=WIDTH))
    with OffscreenDiagram(session, layout_for_width(WIDTH)) as view:
        render_image(view.widget, width=WIDTH)  # an export at position 0
        view.state.set_position(last)
        QApplication.processEvents()  # the window repaints
        assert _differs(_rgb(render_image(view.widget, width=WIDTH)), want_last) <= MAX_DIFF
        view.state.set_position(last // 2)
        render_image(view.widget, width=WIDTH)  # an export before the window repaints
        QApplication.processEvents()
        assert _differs(_rgb(render_image(view.widget, width=WIDTH)), want_mid) <= MAX_DIFF
        # What the window shows now (its own paint: other antialiasing than an export, so compare
        # it with both candidates): the middle position, not the last one it painted before.
        shown = _rgb(view.widget.grab().toImage())
        now = _differs(shown, _rgb(render_image(view.widget, width=shown.shape[1])))
        view.state.set_position(last)
        stale = _differs(shown, _rgb(render_image(view.widget, width=shown.shape[1])))
        print(f"window vs current {now:.2%}, vs previous {stale:.2%}")
        assert now < 0.03 and now < stale / 2
