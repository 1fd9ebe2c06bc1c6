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
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QMetaObject, QRect, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.i18n import languages

__all__ = ["RememberingLabel", "TextPanel"]

_T = TypeVar("_T")

RECENT_TEXTS = 64  # laid-out texts a label keeps (an animation's steps)
TITLE_SCALE = 1.5  # the title against the inherited font
MONO_FAMILY = "DejaVu Sans Mono"
_UNWRAPPED = 1 << 20  # a width no line reaches


class PanelLabel(QLabel):
    """A word-wrapped label of a :class:`TextPanel` that is cheap to update.

    Reading its text brings the panel up to date first; setting the text it already shows does
    nothing (no re-layout, no repaint); and its size hints come from one text layout per text,
    font and width.  (QLabel's own hints re-parse the rich text several times per change, which
    made every animation step re-lay the arithmetic out about ten times.)  The hints follow
    QLabel's rules for word-wrapped text: the minimum width is the widest unbreakable piece, the
    preferred width is tried at 80, 40 and 20 average characters.

    Rich text is painted from that same laid-out document, as QLabel paints it.  A new rich text
    that has the height the layout asked for at the label's width since the last geometry update,
    and fits that width, cannot move anything: it is only repainted, and the geometry is re-derived
    once the text has settled (:data:`SETTLE_MS`) or the label is resized (other widths the layout
    asked about, a scroll area's with and without its scroll bar, count only then).  An animation
    step of the arithmetic thus costs one parse, one layout and one paint, not a re-layout of the
    window.  QLabel's own copy of the text (for selecting and links) catches up before any mouse,
    key or focus event reaches it.
    """

    SETTLE_MS = 250

    def __init__(self, panel: TextPanel) -> None:
        super().__init__()
        self._panel = panel
        self._text = ""  # what the label shows (QLabel's copy may be behind: see _behind)
        self._doc: QTextDocument | None = None  # the current text and font, laid out on demand
        self._sizes: dict[int, QSize] = {}  # text width (-1: unwrapped, 0: narrowest) -> size
        self._rich = False
        self._recent: OrderedDict[str, tuple[QTextDocument, dict[int, QSize], bool]] = OrderedDict()  # text ->
        # its laid-out document: an animation that comes back to a step (a loop, scrubbing) parses nothing
        self._asked: dict[int, int] = {}  # label width -> height answered since the last geometry update
        self._behind = False  # QLabel's copy of the text is older than _text
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(self._catch_up)

    def text(self) -> str:  # Qt override (Python readers)
        self._panel.ensure_current()
        return self._text

    def setText(self, text: str) -> None:  # Qt override
        if text == self._text:
            return
        if self._fits_unchanged(text):
            self._behind = True
            self.update()
            self._settle.start()
            return
        self._text = text
        self._forget()
        self._catch_up()

    def _catch_up(self) -> None:
        """Give QLabel the current text (it re-derives the geometry and repaints).

        The panel's other label catches up too: the layout pass this starts would otherwise use the
        heights Qt remembered for that label's old text at widths other than the one in use."""
        self._settle.stop()
        self._behind = False
        self._asked.clear()
        QLabel.setText(self, self._text)
        for other in (getattr(self._panel, "title", None), getattr(self._panel, "body", None)):
            if isinstance(other, PanelLabel) and other is not self and other._behind:
                other._catch_up()

    def _fits_unchanged(self, text: str) -> bool:
        """Whether ``text`` (rich, in a visible label) would get exactly the geometry the current text has.

        When it does, ``text`` becomes the current text (parsed and laid out at the widths in use).
        """
        if not (self._asked and self._cheap() and self.isVisible() and self.isEnabled()) \
                or self.hasSelectedText() or self.hasFocus():
            return False
        before = (self._text, self._doc, self._sizes, self._rich)
        self._text = text
        self._forget()
        self._document()
        width = self._text_width()
        # The height at the width in use only (the one layout the paint needs too): the other widths the
        # window's layout asked about (a scroll area asks with and without its scroll bar) are asked again
        # only when this label is resized, and a resize brings the geometry up to date (resizeEvent).
        # When the width in use was never asked, every width that was is checked.
        now = self.width()
        if now in self._asked:
            asked = {now: self._asked[now]}
        else:
            asked = self._asked
            self._size_at(-1)  # the unwrapped layout answers every width it fits in at once
        fits = (
            self._cheap()
            and all(self._height_at(w) == h for w, h in asked.items())
            # nothing sticks out at the label's width, so no unbreakable piece is wider (no sideways scrolling)
            and self._size_at(width).width() <= width
        )
        if not fits:
            self._text, self._doc, self._sizes, self._rich = before
        return fits

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if self._behind:
            self._catch_up()  # a new width: its height comes from the text shown, not one remembered

    def event(self, event: QEvent) -> bool:  # Qt override
        if self._behind and event.type() in _INTERACTIONS:
            self._catch_up()  # selecting, a link, a tooltip: QLabel works on the text the user sees
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
            self._recent.clear()
            if self._behind:
                self._catch_up()
        super().changeEvent(event)

    def _forget(self) -> None:
        self._doc = None
        self._sizes = {}

    def _document(self) -> QTextDocument:
        if self._doc is None:
            known = self._recent.get(self._text)
            if known is not None:
                self._recent.move_to_end(self._text)
                self._doc, self._sizes, self._rich = known
                return self._doc
            doc = self._doc = QTextDocument()
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)
            option.setAlignment(self.alignment())  # as QLabel lays its text out
            doc.setDefaultTextOption(option)
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self.font())
            text = self._text
            rich = self.textFormat() == Qt.TextFormat.RichText
            self._rich = rich or (
                self.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
            )
            if self._rich:
                doc.setHtml(text)
            else:
                doc.setPlainText(text)
            self._recent[text] = (doc, self._sizes, self._rich)
            if len(self._recent) > RECENT_TEXTS:
                self._recent.popitem(last=False)
        return self._doc

    def _size_at(self, width: int) -> QSize:
        """The laid-out text's size (ideal width, height) at ``width`` pixels of text width."""
        size = self._sizes.get(width)
        if size is None:
            doc = self._document()
            if self._rich:
                doc.setTextWidth(width)
                size = QSize(math.ceil(doc.idealWidth()), math.ceil(doc.size().height()))
            else:
                # plain text is measured as QLabel measures it and as paintEvent draws it (drawText), by
                # the font's metrics: a few times cheaper than laying a document out
                flags = int(self.alignment().value) & ~int(
                    (Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter).value)
                if width >= 0:
                    flags |= int(Qt.TextFlag.TextWordWrap.value)
                size = self.fontMetrics().boundingRect(0, 0, width if width >= 0 else _UNWRAPPED, 2000, flags,
                                                       self._text).size()
            self._sizes[width] = size
        return size

    def _extra(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right() + 2 * self.margin(), m.top() + m.bottom() + 2 * self.margin())

    def _text_width(self) -> int:
        """The width the text is laid out at now (QLabel's document rectangle)."""
        return max(self.contentsRect().width() - 2 * self.margin(), 0)

    def _cheap(self) -> bool:
        return self.wordWrap() and self.indent() <= 0 and bool(self._text)

    def heightForWidth(self, width: int) -> int:  # Qt override
        if not self._cheap():
            return super().heightForWidth(width)
        height = self._asked[width] = self._height_at(width)
        return height

    def _height_at(self, width: int) -> int:
        extra = self._extra()
        text_width = max(width - extra.width(), 0)
        unwrapped = self._sizes.get(-1)
        if unwrapped is not None and text_width >= unwrapped.width() > 0:
            return unwrapped.height() + extra.height()  # nothing wraps: no need to lay it out again
        return self._size_at(text_width).height() + extra.height()

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

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Draw the text as QLabel draws it (same rectangle, palette, flags and clip): rich text from the
        laid-out document, plain text with ``drawText``."""
        if not (self._cheap() and self.isEnabled()) or self.hasSelectedText() or self.hasFocus():
            if self._behind:
                self._catch_up()  # QLabel paints its own copy: bring it up to date first
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.drawFrame(painter)
        cr = self.contentsRect()
        m = self.margin()
        cr.adjust(m, m, -m, -m)
        doc = self._document()
        if not self._rich:
            flags = int(self.alignment().value) | int(Qt.TextFlag.TextWordWrap.value) \
                | int(Qt.TextFlag.TextForceLeftToRight.value)
            painter.setPen(QPen(self.palette().brush(self.foregroundRole()), painter.pen().widthF()))
            painter.drawText(cr, flags, self._text)
            painter.end()
            return
        if doc.textWidth() != cr.width():
            doc.setTextWidth(cr.width())
        height = doc.documentLayout().documentSize().height()
        align = self.alignment()
        y = 0.0
        if align & Qt.AlignmentFlag.AlignVCenter:
            y = max((cr.height() - height) / 2, 0.0)
        elif align & Qt.AlignmentFlag.AlignBottom:
            y = max(cr.height() - height, 0.0)
        box = QRectF(cr.x(), y + cr.y(), cr.width(), cr.height()).toAlignedRect()
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = self.palette()
        if self.foregroundRole() != QPalette.ColorRole.Text:
            palette.setColor(QPalette.ColorRole.Text, palette.color(self.foregroundRole()))
        context.palette = palette
        painter.translate(box.topLeft())
        painter.setClipRect(QRect(0, 0, box.width(), box.height()))
        doc.documentLayout().draw(painter, context)
        painter.end()


class RememberingLabel(QLabel):
    """A QLabel that remembers its own answers to size questions, per text.

    A word-wrapped label whose text the user can select lays that text out again for every question:
    Qt's layouts ask for its height at several widths on each pass (a scroll area with and without its
    scroll bar, the box layout, the splitter), about twenty layouts when the text changes.  The Keras code
    under the layer's arguments changes with each argument, and laying it out was a twelfth of an argument
    change.  The answers are QLabel's own, for the last :data:`REMEMBERED_TEXTS` texts (an argument flipped
    back and forth asks nothing new); a font or style change forgets them.
    """

    REMEMBERED_TEXTS = 8

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._answers: OrderedDict[str, dict[object, object]] = OrderedDict()  # text -> question -> answer

    def _answer(self, question: object, ask: Callable[[], _T]) -> _T:
        text = QLabel.text(self)
        answers = self._answers.get(text)
        if answers is None:
            answers = self._answers[text] = {}
            if len(self._answers) > self.REMEMBERED_TEXTS:
                self._answers.popitem(last=False)
        else:
            self._answers.move_to_end(text)
        if question not in answers:
            answers[question] = ask()
        return answers[question]  # type: ignore[return-value]  # the answer ask() gave for this question

    def heightForWidth(self, width: int) -> int:  # Qt override
        return self._answer(width, lambda: QLabel.heightForWidth(self, width))

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(self._answer("hint", lambda: QLabel.sizeHint(self)))

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(self._answer("minimum", lambda: QLabel.minimumSizeHint(self)))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange):
            self._answers.clear()
        super().changeEvent(event)


#: Events QLabel's own copy of the text must be current for (selection, links, tooltips, focus).
_INTERACTIONS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.FocusIn, QEvent.Type.ContextMenu, QEvent.Type.ToolTip,
    QEvent.Type.Enter, QEvent.Type.DragEnter, QEvent.Type.Wheel,
})


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
