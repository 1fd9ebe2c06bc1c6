"""High contrast keeps every control visible: an unchecked check box and a disabled button or combo box."""

import numpy as np
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QComboBox, QToolButton


def _luma(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8)[: image.bytesPerLine() * h]
    rows = raw.reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4).astype(float)
    return 0.299 * rows[..., 2] + 0.587 * rows[..., 1] + 0.114 * rows[..., 0]


def test_an_unchecked_check_box_and_disabled_controls_read_in_high_contrast(window, qtbot):
    window.open_example("transpose-upsample")  # use_bias off; the signal button and the filter-order box disabled
    window.state.set_view(theme="high_contrast")
    window.state.flush()
    qtbot.wait(50)
    boxes = [b for b in window.findChildren(QCheckBox) if b.isVisible() and not b.isChecked()]
    assert boxes
    for box in boxes:  # the layer panel's check boxes have no text: the widget is its indicator
        luma = _luma(box)
        assert (luma > 200).sum() >= 40, box.objectName()  # a white frame on black (four 12 px sides)
    found = [*window.findChildren(QToolButton), *window.findChildren(QComboBox)]
    disabled = [w for w in found if w.isVisible() and not w.isEnabled()]
    assert disabled
    background = QColor("#000000")
    for widget in disabled:
        luma = _luma(widget)
        assert np.median(luma) < 60, widget.objectName()  # not a white block
        assert (luma > 100).sum() > 10, widget.objectName()  # its text still drawn
        assert widget.palette().button().color() == background
