"""A side panel of rich text (a title over a body) whose sizes follow the widget's font.

The math and shapes panels derive every size from the font they inherit, so a
window-level font change (classroom mode, a user's font) scales them; nothing
here sets a pixel or point size of its own.

Updates are cheap: a panel's state signals call :meth:`TextPanel.schedule`, which marks the
text out of date and, while the panel is visible in its window, queues one :meth:`refresh` for
the event loop (however many signals one change emits, one refresh per turn).  A folded tab or a
hidden dock does nothing until it is shown; reading the title, the body or the plain text brings
the panel up to date first, so no reader sees an old text.  A label re-lays out and repaints only
when its text actually changes.
"""

from __future__ import annotations

import math

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QMetaObject, QSize, Qt, Slot
from PySide6.QtGui import QFont, QShowEvent, QTextDocument, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.i18n import languages

__all__ = ["TextPanel"]

TITLE_SCALE = 1.5  # the title against the inherited font
MONO_FAMILY = "DejaVu Sans Mono"


class PanelLabel(QLabel):
    """A word-wrapped label of a :class:`TextPanel` that is cheap to update.

    Reading its text brings the panel up to date first; setting the text it already shows does
    nothing (no re-layout, no repaint); and its size hints come from one text layout per text,
    font and width.  (QLabel's own hints re-parse the rich text several times per change, which
    made every animation step re-lay the arithmetic out about ten times.)  The hints follow
    QLabel's rules for word-wrapped text: the minimum width is the widest unbreakable piece, the
    preferred width is tried at 80, 40 and 20 average characters.
    """

    def __init__(self, panel: TextPanel) -> None:
        super().__init__()
        self._panel = panel
        self._doc: QTextDocument | None = None  # the current text and font, laid out on demand
        self._sizes: dict[int, QSize] = {}  # text width (-1: unwrapped, 0: narrowest) -> size
        self._rich = False

    def text(self) -> str:  # Qt override (Python readers)
        self._panel.ensure_current()
        return super().text()

    def setText(self, text: str) -> None:  # Qt override
        if text != super().text():
            self._forget()
            super().setText(text)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
        super().changeEvent(event)

    def _forget(self) -> None:
        self._doc = None
        self._sizes.clear()

    def _document(self) -> QTextDocument:
        if self._doc is None:
            doc = self._doc = QTextDocument()
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)
            doc.setDefaultTextOption(option)
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self.font())
            text = QLabel.text(self)
            rich = self.textFormat() == Qt.TextFormat.RichText
            self._rich = rich or (
                self.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
            )
            if self._rich:
                doc.setHtml(text)
            else:
                doc.setPlainText(text)
        return self._doc

    def _size_at(self, width: int) -> QSize:
        """The laid-out text's size (ideal width, height) at ``width`` pixels of text width."""
        size = self._sizes.get(width)
        if size is None:
            doc = self._document()
            doc.setTextWidth(width)
            size = self._sizes[width] = QSize(math.ceil(doc.idealWidth()), math.ceil(doc.size().height()))
        return size

    def _extra(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right() + 2 * self.margin(), m.top() + m.bottom() + 2 * self.margin())

    def _cheap(self) -> bool:
        return self.wordWrap() and self.indent() <= 0 and bool(QLabel.text(self))

    def heightForWidth(self, width: int) -> int:  # Qt override
        if not self._cheap():
            return super().heightForWidth(width)
        extra = self._extra()
        return self._size_at(max(width - extra.width(), 0)).height() + extra.height()

    def sizeHint(self) -> QSize:  # Qt override
        if not self._cheap():
            return super().sizeHint()
        doc = self._document()
        if self._rich:  # QLabel lets the document pick a reasonable width
            size = self._sizes.get(-2)
            if size is None:
                doc.adjustSize()
                natural = doc.size()
                size = self._sizes[-2] = QSize(math.ceil(natural.width()), math.ceil(natural.height()))
            return size + self._extra()
        fm = self.fontMetrics()
        width = min(fm.averageCharWidth() * 80, self.maximumWidth())
        size = self._size_at(width)
        line = fm.lineSpacing()
        if size.height() < 4 * line and size.width() > width / 2:
            size = self._size_at(width // 2)
        if size.height() < 2 * line and size.width() > width / 4:
            size = self._size_at(width // 4)
        return size + self._extra()

    def minimumSizeHint(self) -> QSize:  # Qt override
        if not self._cheap():
            return super().minimumSizeHint()
        height = min(self._size_at(-1).height(), self.sizeHint().height() - self._extra().height())
        return QSize(self._size_at(0).width(), height) + self._extra()


class TextPanel(QWidget):
    """``title`` (bold, larger) and ``body`` (rich text), both sized from the inherited font.

    Subclasses implement :meth:`retranslate` and :meth:`refresh` and connect their state signals
    to :meth:`schedule`; both run again when the language or the font changes.  ``body_scale``
    sizes the body, ``mono`` picks a monospace body (with the bundled CJK family as fallback).
    """

    body_scale = 1.0
    mono = False

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = False  # the shown text is older than the state
        self._queued = False  # a refresh is waiting in the event loop
        self.setObjectName(f"{name}_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.head = QHBoxLayout()
        self.title = PanelLabel(self)
        self.title.setObjectName(f"{name}_title")
        self.title.setWordWrap(True)
        self.head.addWidget(self.title, 1)
        layout.addLayout(self.head)
        self.body = PanelLabel(self)
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
            self.schedule()
        super().changeEvent(event)

    # ------------------------------------------------------------------ updates
    def schedule(self, *_: object) -> None:
        """The state changed: refresh once in the next event-loop turn, and only while visible."""
        self._stale = True
        if not self._queued and self.isVisibleTo(self.window()):
            self._queued = True
            QMetaObject.invokeMethod(self, "_run_queued", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _run_queued(self) -> None:
        self._queued = False
        if self.isVisibleTo(self.window()):
            self.ensure_current()

    def ensure_current(self) -> None:
        """Refresh now if the text is out of date (readers call this; it is free otherwise)."""
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        self.ensure_current()  # a folded tab or hidden dock catches up when it is shown
        super().showEvent(event)

    # ------------------------------------------------------------------ text
    def plain_text(self) -> str:
        """The panel as plain text (title and body), for tests and copying."""
        self.ensure_current()
        doc = QTextDocument()
        doc.setHtml(self.body.text())
        return self.title.text() + "\n" + doc.toPlainText()

    def retranslate(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError
