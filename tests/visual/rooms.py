"""The room matrix: where the window must hold, and the layout audits that prove it does.

A *room* is one built-in example shown at one window size and scale factor, in normal or
classroom mode, one theme and one language (DESIGN.md, "Rooms").  :func:`apply_room` puts a
live :class:`~app.main_window.MainWindow` into a room; :func:`audit_window` then reads the
real widgets and scene items (never pixels) and returns every problem as a :class:`Finding`
that names the item.  The audits are generic: they walk every ``QGraphicsTextItem`` (pyqtgraph
``TextItem``, titles, axis labels), every axis' tick labels, every item that draws its own text
through a ``text_runs()`` method, and every visible ``QLabel`` / ``QAbstractButton``, so new items
are audited without being named here.

``run_rooms.py`` (beside this file) runs the matrix for one scale factor in a subprocess.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPicture, QTransform
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QGraphicsItem,
    QGraphicsTextItem,
    QLabel,
    QMainWindow,
    QStyle,
    QTabBar,
    QWidget,
)

__all__ = [
    "LANGUAGES",
    "MATRIX_EXAMPLES",
    "MODES",
    "SIZES",
    "THEMES",
    "Finding",
    "Room",
    "TextBox",
    "apply_room",
    "audit_window",
    "rooms_for_scale",
]

# (width, height) of the screen in device pixels, and the scale factor (device pixel ratio) it runs at.
SIZES: tuple[tuple[int, int, int], ...] = ((1280, 800, 1), (1366, 768, 1), (1920, 1080, 1), (3840, 2160, 2))
MODES = ("normal", "classroom")
THEMES = ("light", "dark", "high_contrast")
LANGUAGES = ("en", "zh_CN")
# Grid examples also shown with the matrix view next to the grid (picture=matrix), in every size, mode, theme
# and language: a small one whose numbers the class reads and a wide dilated one.  The signal examples
# (ecg-matched, noisy-sine-edges, step-moving-average) open on the signal view, so their own rooms cover it.
MATRIX_EXAMPLES = ("classroom", "causal-dilated")

MIN_TEXT_PX = {"normal": 11.0, "classroom": 20.0}  # diagram text, in device-independent pixels
SLACK = 1.0  # pixels of rounding allowed at an edge
OVERLAP_PX = 2.0  # two texts overlap when they share more than this in both directions
MIN_PLOT_PX = 12.0  # a plot area thinner than this has been squeezed away: nothing in it can be read
# the views each picture puts on screen (by object name); a Conv1DTranspose draws its scatter for the grid
PICTURE_VIEWS = {"grid": ("diagram",), "matrix": ("diagram", "matrix_graphics"), "signal": ("signal_graphics",)}


@dataclass(frozen=True, order=True)
class Room:
    example: str
    width: int  # device pixels
    height: int
    scale: int  # QT_SCALE_FACTOR (device pixel ratio)
    mode: str
    theme: str
    lang: str
    picture: str = ""  # "" the example's own picture (as it opens); else grid, matrix or signal

    @property
    def size(self) -> str:
        return f"{self.width}x{self.height}" + (f"@{self.scale}x" if self.scale != 1 else "")

    @property
    def logical_size(self) -> tuple[int, int]:
        """The window size in device-independent pixels."""
        return self.width // self.scale, self.height // self.scale

    @property
    def id(self) -> str:
        """``example-size-mode-theme-lang``, then ``-picture`` when the room switches the picture."""
        return f"{self.example}-{self.size}-{self.mode}-{self.theme}-{self.lang}" + (
            f"-{self.picture}" if self.picture else "")


@dataclass(frozen=True)
class Finding:
    room: str
    item: str  # which item, named so a reader can find it
    problem: str

    def __str__(self) -> str:
        return f"[{self.room}] {self.item}: {self.problem}"


@dataclass(frozen=True)
class TextBox:
    """One piece of text on screen: where (window coordinates), how big, and who drew it."""

    name: str
    text: str
    rect: QRectF  # window coordinates, device-independent pixels
    px: float  # em size in device-independent pixels
    owner: QWidget  # the widget it is drawn in (its viewport for scenes)
    clip: QRectF  # the owner's visible area, window coordinates
    diagram: bool  # drawn in a plot scene (the size rule applies)


def rooms_for_scale(scale: int, examples: list[str]) -> list[Room]:
    """Every room of one scale factor, ordered so the costly switches (language, size) happen least."""
    rooms = []
    for lang in LANGUAGES:
        for w, h, s in SIZES:
            if s != scale:
                continue
            for mode in MODES:
                for theme in THEMES:
                    for ex in examples:
                        rooms.append(Room(ex, w, h, s, mode, theme, lang))
                        if ex in MATRIX_EXAMPLES:
                            rooms.append(Room(ex, w, h, s, mode, theme, lang, "matrix"))
    return rooms


# ---------------------------------------------------------------------------------------- putting a window in a room
def settle(rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def apply_room(window: QMainWindow, room: Room) -> None:
    """Language, example, mode, theme and size of ``room``, then let every layout settle."""
    from app.i18n import languages

    classroom = window.classroom  # type: ignore[attr-defined]
    if languages.current_language() != room.lang:
        window.language_menu.switch(room.lang, remember=False)  # type: ignore[attr-defined]
    if window.property("room_example") != room.example:
        window.open_example(room.example)  # type: ignore[attr-defined]
        window.setProperty("room_example", room.example)
        window.setProperty("room_picture", window.state.view.picture)  # type: ignore[attr-defined]
    window.state.set_view(picture=room.picture or window.property("room_picture"))  # type: ignore[attr-defined]
    classroom.set_active(room.mode == "classroom", fullscreen=False)
    window.state.set_view(theme=room.theme)  # type: ignore[attr-defined]
    window.state.flush()  # type: ignore[attr-defined]
    window.resize(*room.logical_size)
    settle()


# ---------------------------------------------------------------------------------------- collecting texts
def _em_px(font: QFont) -> float:
    """A font's em size in device-independent pixels (points at 96 dpi)."""
    if font.pixelSize() > 0:
        return float(font.pixelSize())
    return float(font.pointSizeF()) * 96.0 / 72.0


def _scale_of(t: QTransform) -> float:
    return math.sqrt(abs(t.m11() * t.m22() - t.m12() * t.m21()))


def _document_px(item: QGraphicsTextItem) -> float:
    """The smallest em size used by any visible run of a (rich) text item."""
    doc = item.document()
    base = doc.defaultFont()
    sizes: list[float] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.text().strip():
                fmt = frag.charFormat()
                font = QFont(base)
                if fmt.hasProperty(fmt.Property.FontPointSize) or fmt.hasProperty(fmt.Property.FontPixelSize):
                    font = fmt.font()
                    if font.pointSizeF() <= 0 and font.pixelSize() <= 0:
                        font = QFont(base)
                sizes.append(_em_px(font))
            it += 1
        block = block.next()
    return min(sizes) if sizes else _em_px(base)


def _item_name(item: QGraphicsItem) -> str:
    """A readable, language-independent name: which plot (its row in the layout), which part, which item.

    e.g. ``plot[1]/colour bar/right axis``, ``plot[0]/title``, ``plot[2]/bottom axis label``, ``plot[1]/TextItem``.
    """
    parts: list[str] = []
    node: QGraphicsItem | None = item
    kind = type(item).__name__
    while node is not None:
        obj = node.toGraphicsObject()
        if obj is not None and obj.objectName():
            parts.append(obj.objectName())
            break
        if isinstance(node, pg.AxisItem):
            kind = f"{node.orientation} axis" + (" label" if item is not node else "")
        elif isinstance(node, pg.ColorBarItem):
            parts.append("colour bar")
        elif isinstance(node, pg.LabelItem) and item is not node:
            kind = "title"
        elif isinstance(node, pg.TextItem):
            kind = "TextItem"
        elif isinstance(node, pg.PlotItem):
            layout = node.parentItem()
            cells = getattr(layout, "items", {}).get(node) if layout is not None else None
            parts.append(f"plot[{cells[0][0]}]" if cells else "plot")
            break
        node = node.parentItem()
    return "/".join([*reversed(parts), kind])


def _axis_texts(axis: pg.AxisItem) -> Iterator[tuple[str, QRectF, float]]:
    """Tick labels exactly as ``AxisItem.paint`` lays them out (item coordinates)."""
    if not axis.isVisible() or not axis.style.get("showValues", True):
        return
    picture = QPicture()
    painter = QPainter(picture)
    try:
        font = axis.style.get("tickFont")
        if font is not None:
            painter.setFont(font)
        specs = axis.generateDrawSpecs(painter)
        px = _em_px(painter.font())
    finally:
        painter.end()
    if specs is None:
        return
    for rect, _flags, text in specs[2]:
        if str(text).strip():
            yield str(text), QRectF(rect), px


def _tight_rect(item: QGraphicsTextItem) -> QRectF:
    """The text's own extent: the bounding rectangle without the document margin."""
    m = item.document().documentMargin()
    r = item.boundingRect().adjusted(m, m, -m, -m)
    ideal = item.document().idealWidth()
    if 0 < ideal < r.width():  # left-aligned text narrower than its box
        r.setWidth(ideal)
    return r


def scene_texts(view: pg.GraphicsView, window: QWidget) -> Iterator[TextBox]:
    """Every visible piece of text drawn in ``view``'s scene, in window coordinates."""
    viewport = view.viewport()
    vt = view.viewportTransform()
    origin = viewport.mapTo(window, viewport.rect().topLeft())
    clip = QRectF(viewport.rect()).translated(QPointF(origin))

    def to_window(item: QGraphicsItem, rect: QRectF) -> tuple[QRectF, float]:
        t = item.deviceTransform(vt)
        return t.mapRect(rect).translated(QPointF(origin)), _scale_of(t)

    for item in view.scene().items():
        if not item.isVisible() or item.effectiveOpacity() < 0.05:
            continue
        if isinstance(item, QGraphicsTextItem):
            text = item.toPlainText().strip()
            if not text:
                continue
            rect, s = to_window(item, _tight_rect(item))
            yield TextBox(_item_name(item), text, rect, _document_px(item) * s, viewport, clip, True)
        elif isinstance(item, pg.AxisItem):
            for text, r, px in _axis_texts(item):
                rect, s = to_window(item, r)
                yield TextBox(_item_name(item) + " tick", text, rect, px * s, viewport, clip, True)
        elif callable(getattr(item, "text_runs", None)):
            # Items that paint their own text (cell numbers) report it: [(text, item rect, em px in item units)].
            for text, r, px in item.text_runs():
                rect, s = to_window(item, QRectF(r))
                yield TextBox(_item_name(item), str(text), rect, float(px) * s, viewport, clip, True)


def _scrollable_ancestor(widget: QWidget, window: QWidget) -> bool:
    """True inside a scroll area that has a visible scroll bar: what is outside can be scrolled to."""
    node = widget.parentWidget()
    while node is not None and node is not window:
        if isinstance(node, QAbstractScrollArea) and not isinstance(node, pg.GraphicsView):
            bars = (node.horizontalScrollBar(), node.verticalScrollBar())
            if any(b.isVisible() and b.maximum() > 0 for b in bars):
                return True
        node = node.parentWidget()
    return False


def _widget_name(w: QWidget) -> str:
    parts = []
    node: QWidget | None = w
    while node is not None and len(parts) < 3:
        parts.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return "/".join(reversed(parts))


def _label_text(w: QWidget) -> str:
    if isinstance(w, QLabel):
        if w.pixmap() is not None and not w.pixmap().isNull():
            return ""
        doc_text = w.text()
        if w.textFormat() != Qt.TextFormat.PlainText and ("<" in doc_text):
            from PySide6.QtGui import QTextDocument

            d = QTextDocument()
            d.setHtml(doc_text)
            return d.toPlainText().strip()
        return doc_text.strip()
    if isinstance(w, QAbstractButton):
        return w.text().replace("&", "").strip()
    return ""


def widget_texts(window: QWidget) -> Iterator[TextBox]:
    """Every visible QLabel / QAbstractButton with text, with the area its text needs."""
    for w in window.findChildren(QWidget):
        if not isinstance(w, (QLabel, QAbstractButton)) or not w.isVisible() or w.window() is not window:
            continue
        text = _label_text(w)
        if not text:
            continue
        hint = w.sizeHint()
        inner = w.contentsRect() if isinstance(w, QLabel) else w.rect()
        align = w.alignment() if isinstance(w, QLabel) else Qt.AlignmentFlag.AlignCenter
        need = hint.boundedTo(inner.size()) if isinstance(w, QLabel) and w.wordWrap() else hint
        r = QStyle.alignedRect(w.layoutDirection(), align, need, inner) if isinstance(w, QLabel) else inner
        origin = w.mapTo(window, r.topLeft())
        rect = QRectF(origin.x(), origin.y(), r.width(), r.height())
        vis = w.visibleRegion().boundingRect()
        vis_origin = w.mapTo(window, vis.topLeft())
        clip = QRectF(vis_origin.x(), vis_origin.y(), vis.width(), vis.height())
        yield TextBox(_widget_name(w), text, rect, _em_px(w.font()), w, clip, False)


# ---------------------------------------------------------------------------------------- the audits
def _inside(inner: QRectF, outer: QRectF, slack: float = SLACK) -> bool:
    return (
        inner.left() >= outer.left() - slack
        and inner.top() >= outer.top() - slack
        and inner.right() <= outer.right() + slack
        and inner.bottom() <= outer.bottom() + slack
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 40 else text[:37] + "…")


def _is_ancestor(a: QWidget, b: QWidget) -> bool:
    node: QWidget | None = b
    while node is not None:
        if node is a:
            return True
        node = node.parentWidget()
    return False


def audit_window(window: QMainWindow, room: Room) -> list[Finding]:
    """Every layout problem of ``window`` as it stands in ``room``."""
    found: list[Finding] = []

    def add(item: str, problem: str) -> None:
        found.append(Finding(room.id, item, problem))

    want_w, want_h = room.logical_size
    if (window.width(), window.height()) != (want_w, want_h):
        add("window", f"is {window.width()}x{window.height()}, cannot be {want_w}x{want_h} (minimum size too large)")
    win_rect = QRectF(window.rect())

    # the diagram: every plot and every image of cells inside the visible viewport
    views = [v for v in window.findChildren(pg.GraphicsView) if v.isVisible() and v.window() is window]
    # the pictures the room shows are there: a view hidden or squeezed away has no text left to audit
    shown = {v.objectName(): v for v in views}
    state = getattr(window, "state", None)
    if state is not None:
        for wanted in PICTURE_VIEWS[state.view.picture]:
            if wanted == "diagram" and state.layer_kind == "Conv1DTranspose":
                wanted = "transpose_graphics"
            view = shown.get(wanted)
            if view is None:
                add(wanted, "picture not shown")
            elif min(view.viewport().width(), view.viewport().height()) < 4 * MIN_PLOT_PX:
                add(wanted, f"picture squeezed to {view.viewport().width()}x{view.viewport().height()} px")
    for view in views:
        name = view.objectName() or type(view).__name__
        viewport = view.viewport()
        vis = viewport.visibleRegion().boundingRect()
        if vis.width() < viewport.width() - SLACK or vis.height() < viewport.height() - SLACK:
            add(name, f"only {vis.width()}x{vis.height()} of its {viewport.width()}x{viewport.height()} "
                      "viewport is visible (no scroll bar)")
        vp_rect = QRectF(viewport.rect())
        for item in view.scene().items():
            if isinstance(item, pg.ViewBox) and item.isVisible():
                box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
                if not _inside(QRectF(box), vp_rect):
                    add(f"{name}/{_item_name(item)}", "plot area reaches outside the visible viewport")
                if item.addedItems and min(box.width(), box.height()) < MIN_PLOT_PX:
                    add(f"{name}/{_item_name(item)}", f"plot area squeezed to {box.width()}x{box.height()} px")
                rng = item.viewRect()
                for child in item.addedItems:
                    if isinstance(child, pg.ImageItem) and child.isVisible() and child.image is not None:
                        bounds = child.mapRectToView(child.boundingRect())
                        if not _inside(bounds, rng, slack=0.02 * max(bounds.width(), bounds.height(), 1.0)):
                            add(f"{name}/{_item_name(child)}", "cells outside the visible range of their plot")

    # tab bars: every tab whole (no scroll arrows hiding a tab's name)
    for bar in window.findChildren(QTabBar):
        if bar.isVisible() and bar.window() is window:
            for i in range(bar.count()):
                if not _inside(QRectF(bar.tabRect(i)), QRectF(bar.rect())):
                    add(f"{_widget_name(bar)} tab {_short(bar.tabText(i))}", "tab cut (the bar is too narrow)")

    texts: list[TextBox] = []
    for view in views:
        texts += list(scene_texts(view, window))
    texts += list(widget_texts(window))
    min_px = MIN_TEXT_PX[room.mode]
    for t in texts:
        where = f"{t.name} {_short(t.text)}"
        if t.diagram and t.px < min_px - 0.05:
            add(where, f"text is {t.px:.1f} px, below {min_px:.0f} px")
        if not t.diagram and _scrollable_ancestor(t.owner, window):
            continue  # the user can scroll to it
        if not _inside(t.rect, win_rect):
            add(where, "text outside the window")
        elif t.diagram and not _inside(t.rect, t.clip):
            add(where, "text clipped by the edge of its view")
        elif not t.diagram:
            owner = t.owner
            if isinstance(owner, QLabel) and owner.wordWrap():
                need_h = owner.heightForWidth(owner.contentsRect().width()) if owner.hasHeightForWidth() else -1
                if need_h > owner.height() + SLACK:
                    add(where, f"wrapped text needs {need_h} px height, has {owner.height()}")
            elif owner.sizeHint().width() > owner.width() + SLACK and owner.minimumWidth() < owner.sizeHint().width():
                add(where, f"text needs {owner.sizeHint().width()} px width, has {owner.width()}")
            if not _inside(QRectF(owner.rect()).translated(QPointF(owner.mapTo(window, owner.rect().topLeft()))),
                           t.clip):
                add(where, "clipped by its panel (no scroll bar)")
    # no two texts overlapping (a widget over a scene, or two scene items)
    boxes = sorted(texts, key=lambda b: b.rect.left())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b.rect.left() >= a.rect.right() - OVERLAP_PX:
                break
            if not a.diagram and not b.diagram:
                continue  # widgets in layouts never overlap; floating widgets over a view are caught below
            related = _is_ancestor(a.owner, b.owner) or _is_ancestor(b.owner, a.owner)
            if a.owner is not b.owner and related and a.diagram == b.diagram:
                continue
            inter = a.rect.intersected(a.clip).intersected(b.rect.intersected(b.clip))  # what is drawn
            if inter.width() > OVERLAP_PX and inter.height() > OVERLAP_PX:
                add(f"{a.name} {_short(a.text)}", f"overlaps {b.name} {_short(b.text)}")
    return found
