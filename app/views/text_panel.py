"""A side panel of rich text (a title over a body) whose sizes follow the widget's font.

The math and shapes panels derive every size from the font they inherit, so a
window-level font change (classroom mode, a user's font) scales them; nothing
here sets a pixel or point size of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.i18n import languages

__all__ = ["TextPanel"]

TITLE_SCALE = 1.5  # the title against the inherited font
MONO_FAMILY = "DejaVu Sans Mono"


class TextPanel(QWidget):
    """``title`` (bold, larger) and ``body`` (rich text), both sized from the inherited font.

    Subclasses implement :meth:`retranslate` and :meth:`refresh`; both run again when the
    language or the font changes.  ``body_scale`` sizes the body, ``mono`` picks a
    monospace body (with the bundled CJK family as fallback).
    """

    body_scale = 1.0
    mono = False

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName(f"{name}_title")
        self.title.setWordWrap(True)
        self.head.addWidget(self.title, 1)
        layout.addLayout(self.head)
        self.body = QLabel()
        self.body.setObjectName(f"{name}_body")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.body, 1)
        self._apply_fonts()

    # ------------------------------------------------------------------ sizes
    def base_pt(self) -> float:
        """The inherited font's size in points (what every size here is a multiple of)."""
        pt = self.font().pointSizeF()
        if pt <= 0:  # a font set in pixels
            pt = self.font().pixelSize() * 72 / max(self.logicalDpiY(), 1)
        return pt if pt > 0 else 9.0

    def pt(self, scale: float) -> str:
        """A CSS font size ``scale`` times the inherited font, for the body's HTML."""
        return f"{self.base_pt() * scale:.1f}pt"

    def _apply_fonts(self) -> None:
        title = QFont(self.font())
        title.setPointSizeF(self.base_pt() * TITLE_SCALE)
        title.setBold(True)
        self.title.setFont(title)
        body = QFont(self.font())
        if self.mono:
            body = QFont(MONO_FAMILY)
            body.setStyleHint(QFont.StyleHint.Monospace)
        body.setPointSizeF(self.base_pt() * self.body_scale)
        self.body.setFont(languages.with_cjk_fallback(body))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.FontChange:
            self._apply_fonts()
            self.refresh()
        super().changeEvent(event)

    # ------------------------------------------------------------------ text
    def plain_text(self) -> str:
        """The panel as plain text (title and body), for tests and copying."""
        doc = QTextDocument()
        doc.setHtml(self.body.text())
        return self.title.text() + "\n" + doc.toPlainText()

    def retranslate(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError
