"""What is on screen after cheap repaints (cached axes, a partly repainted scrubber, a readout that keeps
its size) is exactly what a full repaint from the current state draws.

The window's backing store (``QScreen.grabWindow`` on the offscreen platform) holds what the user sees:
the pixels left by every partial repaint since the window opened.  Forcing every widget to repaint and
grabbing again gives the picture drawn from scratch; the two must match pixel for pixel.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget


def _screen(window) -> QImage:
    QApplication.processEvents()
    return QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()


def _repainted(window) -> QImage:
    """The window drawn again from scratch: every widget repaints, every item's pixmap cache is dropped."""
    from app.export.render import uncached

    with uncached(window.diagram.scene()):  # drops every pixmap; they are made again below
        pass
    for widget in [window, *window.findChildren(QWidget)]:
        widget.update()
    return _screen(window)


def _differing_pixels(a: QImage, b: QImage) -> int:
    def pixels(image: QImage) -> np.ndarray:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height()).copy()

    return int(np.count_nonzero(pixels(a) != pixels(b)))


def _areas(window) -> list[QRect]:
    """The transport bar and the diagram (the parts these repaints touch), in window coordinates."""
    return [QRect(w.mapTo(window, QPoint(0, 0)), w.size()) for w in (window.transport, window.diagram)]


@pytest.mark.parametrize("example", ["classroom", "causal-dilated"])
def test_every_animation_step_leaves_the_picture_a_full_repaint_draws(window, qtbot, example):
    """Steps repaint only what moved (the window, the scrubber's handle, a revealed cell); the axes
    and cell numbers are copies of earlier pixels.  None of it may leave a stale pixel.

    Qt blits a ``DeviceCoordinateCache`` item that moved by a fraction of a pixel at a whole pixel
    (an argument change that moves a plot can leave a heat map one pixel off until it is drawn
    again); the axes draw themselves again when they move, the heat maps do not yet.
    """
    window.open_example(example)
    window.state.flush()
    qtbot.wait(50)
    state = window.state
    values = ["valid", "causal"] if state.layer["padding"] == "causal" else ["same", "valid"]
    checked = 0
    for padding in (*values, values[0]):
        state.set_layer_arg("padding", padding)
        state.flush()
        # (the picture right after an argument change is not compared: an item's cached pixmap that
        # moved by a fraction of a pixel lands on a whole pixel, which Qt does on its own, see below)
        _repainted(window)
        for position in (0, 1, 2, 5, 3, state.position_count - 1):
            state.set_position(position)
            seen = _screen(window)
            fresh = _repainted(window)
            bar, diagram = _areas(window)
            assert seen.copy(bar) == fresh.copy(bar), (example, padding, position)
            # Qt draws a scaled heat map clipped to a repaint region with its edge pixels rounded
            # differently: a one-pixel seam along one cell edge at most, never a stale outline or number
            assert _differing_pixels(seen.copy(diagram), fresh.copy(diagram)) <= 100, (example, padding, position)
            checked += 1
    assert checked == 18


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_an_animation_step_does_not_lay_the_window_out_again_and_the_readout_is_never_cut(window, qtbot):
    window.open_example("classroom")
    window.state.flush()
    qtbot.wait(50)
    label = window.transport.position_label
    counter = _LayoutRequests()
    window.transport.installEventFilter(counter)  # a new text of another size would lay the bar out again
    for position in range(1, 12):
        window.state.set_position(position)
        QApplication.processEvents()
        assert label.width() >= label.sizeHint().width()  # the whole "step t, filter f — p/n" shows
    assert counter.count == 0
    window.state.set_position(window.state.position_count - 1)  # the longest readout
    QApplication.processEvents()
    assert f"{window.state.position_count}/{window.state.position_count}" in label.text()
    assert label.width() >= label.sizeHint().width()


def test_cell_numbers_keep_their_size_while_the_output_is_revealed(window, qtbot):
    """The numbers are sized for the longest one the row will show, not the longest shown so far: at
    1600 x 1000 the classroom example's last output is the widest, and every number shrank when it came."""
    window.resize(1600, 1000)
    window.open_example("classroom")
    window.state.flush()
    qtbot.wait(50)
    texts = window.diagram.output_panel.texts
    sizes = set()
    for position in (0, 3, 9, window.state.position_count - 1):
        window.state.set_position(position)
        QApplication.processEvents()
        runs = texts.text_runs()
        assert runs
        sizes |= {round(em, 6) for _text, _box, em in runs}
    assert len(sizes) == 1  # one size from the first revealed number to the last


def test_an_argument_change_repaints_only_the_controls_whose_values_changed(window, qtbot):
    """Synchronising the layer panel with the state sets only what differs: setting a spin box to the value
    it shows repainted it, so every argument change repainted all nine.  A changed value still shows."""
    window.open_example("classroom")
    window.state.flush()
    qtbot.wait(50)
    panel = window.layer_panel
    painted: list[str] = []

    class Painted(QObject):
        def eventFilter(self, watched, event):  # Qt override
            if event.type() == QEvent.Type.Paint:
                painted.append(watched.objectName())
            return False

    spy = Painted()
    boxes = [panel.arg_widgets[n] for n in ("filters", "kernel_size", "strides", "dilation_rate", "groups")]
    boxes += [panel.batch, panel.steps, panel.channels, panel.sample]
    for box in boxes:
        box.installEventFilter(spy)
    state = window.state
    state.set_layer_arg("padding", "same" if state.layer["padding"] != "same" else "valid")
    state.flush()
    QApplication.processEvents()
    assert painted == []
    state.set_layer_arg("kernel_size", int(state.layer["kernel_size"]) + 1)
    state.flush()
    QApplication.processEvents()
    assert panel.arg_widgets["kernel_size"].value() == state.layer["kernel_size"]
    assert "kernel_size" in painted
    assert set(painted) == {"kernel_size"}, painted


@pytest.mark.parametrize(("scale", "in_view"), [(1.0, False), (1.5, False), (2.0, True)])
def test_axes_copied_from_their_drawn_images_are_what_drawing_them_draws(window, qtbot, monkeypatch, scale, in_view):
    """Axes (the plots' and the colour bars') are drawn once per tick layout into an image and copied from
    then on.  At every scale, and after an argument flipped back and forth (the copies are reused), the
    picture is the one drawn tick by tick.  ``in_view``: the scale is the painter's window-to-viewport
    mapping, as a high-DPI screen's is, not its world transform."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from app.views import axes

    window.resize(1600, 1000)
    window.open_example("classroom")
    window.state.flush()
    qtbot.wait(50)
    scene = window.diagram.scene()

    def render() -> QImage:
        from app.export.render import uncached

        rect = scene.sceneRect()
        image = QImage(int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        target = QRectF(image.rect())
        if in_view:
            painter.setWindow(0, 0, int(rect.width()), int(rect.height()))
            target = QRectF(0, 0, rect.width(), rect.height())
        with uncached(scene):  # every item paints (no pixmap of an earlier paint)
            scene.render(painter, target, rect)
        painter.end()
        return image

    state = window.state
    for padding in ("same", "valid", "same"):
        state.set_layer_arg("padding", padding)
        state.flush()
        QApplication.processEvents()
        render()  # draws the images the next render copies
        copied = render()
        monkeypatch.setattr(axes, "COPY_DRAWINGS", False)
        drawn = render()
        monkeypatch.setattr(axes, "COPY_DRAWINGS", True)
        assert _differing_pixels(copied, drawn) == 0, (scale, padding)
    kept = [copies for item in scene.items() for _specs, _size, copies in item.__dict__.get("_specs_memo", {}).values()]
    assert any(kept), "the axes keep drawn images"


def test_the_keras_code_label_answers_size_questions_as_qlabel_does(window, qtbot):
    """The code under the layer's arguments remembers its size answers per text: they are QLabel's own, also
    after the text changes back and after a font change (classroom mode's larger text)."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel

    from app.views.text_panel import RememberingLabel

    code = window.layer_panel.code_label
    assert isinstance(code, RememberingLabel)

    def plain_answers(label: QLabel) -> list[object]:
        twin = QLabel(label.text())
        twin.setFont(label.font())
        twin.setWordWrap(label.wordWrap())
        twin.setTextInteractionFlags(label.textInteractionFlags())
        return [twin.heightForWidth(w) for w in (90, 160, 300, 600)] + [twin.sizeHint(), twin.minimumSizeHint()]

    def answers(label: QLabel) -> list[object]:
        return [label.heightForWidth(w) for w in (90, 160, 300, 600)] + [label.sizeHint(), label.minimumSizeHint()]

    state = window.state
    for padding in ("same", "valid", "same"):  # the text changes, and comes back
        state.set_layer_arg("padding", padding)
        state.flush()
        QApplication.processEvents()
        assert answers(code) == plain_answers(code)
    font = QFont(code.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    code.setFont(font)
    assert answers(code) == plain_answers(code)
