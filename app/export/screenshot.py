"""Render a widget (the whole window or one panel) to an image, with or without a display."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["grab_window"]


def grab_window(widget: QWidget, scale: float = 1.0) -> QImage:
    """Lay the widget out, process pending events, and paint it into a QImage."""
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    size = widget.size()
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    widget.render(painter, QPoint(0, 0))  # PySide6 needs the explicit offset (DESIGN.md §3)
    painter.end()
    return image
