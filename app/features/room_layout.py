"""How the window fits the room it is shown in (DESIGN.md, "Rooms").

* **Side panels that fold.** From ``COMPACT_WIDTH`` pixels up, the arithmetic and shapes stand
  beside the diagram; below it (a 1280x800 projector, a 1366x768 laptop) they fold into a second
  tab of the left column, *Arithmetic and shapes*, next to *Layer*, so the diagram keeps the width
  it needs and the tab bar says where the panels went. The right-hand docks (the code) fold too:
  hidden while narrow, back when wide, with a button beside the tabs to open them.
* **Bands above the diagram.** The predict/reveal question and an invalid setting each get a band
  of their own above the diagram: they take height, never cover a title or a label, and the last
  valid picture stays in full view under the error.
* **Re-lay out at once** when the theme, the text scale or the language changes (fonts change
  size, so every size hint does).
* **Remembered.** The window's geometry, dock state and splitter are saved on close and restored on
  start (:func:`app.state.settings.save_window_layout`); only the interactive app does this, so tests
  and ``--screenshot`` always start from the same layout.
"""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n.messages import error_text
from app.state.explorer import ExplorerState
from app.views.colors import THEMES

__all__ = ["COMPACT_WIDTH", "AdaptiveLayout", "DiagramColumn", "ErrorBanner", "SideTabs"]

COMPACT_WIDTH = 1500  # device-independent pixels: below it the side panels fold into a tab
LAYER_WIDTH = 300  # the left column (the layer's arguments)
INSPECT_WIDTH = 470  # the arithmetic and shapes beside the diagram
FOLDED_INSPECT_WIDTH = 420  # the left column while its Arithmetic tab is open
CLASSROOM_SIDE_SHARE = 0.45  # classroom, wide window: the arithmetic and shapes may take up to this much
BANNER_PX = 16  # banner text (predict/reveal, invalid setting), times the text scale (classroom: 32 px)


class ErrorBanner(QLabel):
    """An invalid setting, large, in a band across the top of the diagram (the picture below stays)."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("error_banner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        state.errorChanged.connect(self._refresh)
        state.viewChanged.connect(self._restyle)
        self._restyle()

    def _restyle(self) -> None:
        if self.isVisible():
            self._refresh()  # the fix's size follows the text scale
        t = THEMES.get(self.state.view.theme, THEMES["light"])
        px = round(BANNER_PX * self.state.text_scale)
        self.setStyleSheet(
            f"QLabel#error_banner {{ background: {t.message_fill}; color: {t.message_text};"
            f" border: 3px solid {t.message_border}; border-radius: 6px; padding: 2px 6px; margin: 4px 8px;"
            f" font-size: {px}px; }}"
        )

    def _refresh(self, *_: object) -> None:
        error = self.state.error
        if error is None:
            self.hide()
            self.clear()
            return
        keras, hint = error_text(error)
        e = html.escape
        # The headline and the fix, big; Keras's own words are in the layer panel and the tooltip.
        small = round(BANNER_PX * 0.75 * self.state.text_scale)
        self.setText(
            "<b>" + e(self.tr("Invalid setting: the diagram shows the last valid one.")) + "</b><br>"
            + f"<span style='font-size: {small}px'><b>" + e(self.tr("Fix:")) + "</b> " + e(hint) + "</span>"
        )
        self.setToolTip(keras)
        self.show()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self._refresh()
        super().changeEvent(event)


class DiagramColumn(QWidget):
    """The diagram under two bands: the predict/reveal question (``band``) and the error banner."""

    def __init__(self, state: ExplorerState, diagram: QWidget) -> None:
        super().__init__()
        self.setObjectName("diagram_column")
        self.diagram = diagram
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.band = QWidget()  # no height while its banner is hidden
        self.band.setObjectName("predict_band")
        band_layout = QVBoxLayout(self.band)
        band_layout.setContentsMargins(0, 0, 0, 0)
        self.error_banner = ErrorBanner(state)
        layout.addWidget(self.band)
        layout.addWidget(self.error_banner)
        layout.addWidget(diagram, 1)

    def put_in_band(self, banner: QWidget) -> None:
        """The predict/reveal banner lives in the band; the band shows while the banner does."""
        layout = self.band.layout()
        assert layout is not None
        layout.addWidget(banner)


class SideTabs(QTabWidget):
    """The left column: *Layer*, and *Arithmetic and shapes* while the window is narrow."""

    def __init__(self, layer: QWidget) -> None:
        super().__init__()
        self.setObjectName("side_tabs")
        self.setDocumentMode(True)
        self.setTabBarAutoHide(True)  # one tab (a wide window): no tab bar at all
        self.layer = layer
        self.addTab(layer, "")
        self.retranslate()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Layer"))
        self.setTabToolTip(0, self.tr("The Conv1D arguments and the input shape."))
        if self.count() > 1:
            self.setTabText(1, self.tr("Arithmetic and shapes"))
            self.setTabToolTip(
                1,
                self.tr(
                    "How the current output value is computed, and every shape. On a wider window "
                    "(1500 pixels and more) these panels stand beside the diagram."
                ),
            )

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AdaptiveLayout(QObject):
    """Folds the arithmetic and shapes into the left column below ``COMPACT_WIDTH``, unfolds above it,
    and re-lays the window out when fonts change (theme, text scale, language)."""

    def __init__(
        self,
        window: QMainWindow,
        state: ExplorerState,
        splitter: QSplitter,
        tabs: SideTabs,
        column: DiagramColumn,
        inspect_side: QWidget,
        docks: list[QDockWidget],
        teacher_controls: list[QWidget] | None = None,
    ) -> None:
        super().__init__(window)
        # controls only the teacher uses (the menu bar, the picture switch): the usual size in classroom
        self.teacher_controls = list(teacher_controls or [])
        self.window = window
        self.state = state
        self.splitter = splitter
        self.tabs = tabs
        self.column = column
        self.side = inspect_side
        self._side_min = inspect_side.minimumWidth()
        # Right-hand docks (the code) fold too: hidden while narrow, back when wide; their toggles sit
        # beside the tabs, where the folded panels are.
        self.docks = docks
        self._folded_docks: list[QDockWidget] = []
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 4, 0)
        self._folding = False
        for dock in docks:
            dock.visibilityChanged.connect(lambda _on, d=dock: self._on_dock_shown_or_closed(d))
            button = QToolButton()
            button.setObjectName(f"fold_{dock.objectName() or 'dock'}")
            button.setDefaultAction(dock.toggleViewAction())
            corner_layout.addWidget(button)
        tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.corner = corner
        self.compact: bool | None = None
        self._fonts_key: tuple[object, ...] | None = None
        # Once the user drags a column edge (or the last session's widths come back), a resize keeps them.
        self.columns_fixed = False
        splitter.splitterMoved.connect(self._on_splitter_moved)
        window.installEventFilter(self)
        state.viewChanged.connect(self._on_view_changed)
        state.traceChanged.connect(self._on_trace_changed)
        tabs.currentChanged.connect(self._on_tab_changed)
        self.update()

    # ----------------------------------------------------------------- folding
    def _on_splitter_moved(self, *_: object) -> None:
        self.columns_fixed = True

    def update(self) -> None:
        compact = self.window.width() < COMPACT_WIDTH
        if compact == self.compact:
            if not self.columns_fixed:
                self._size_columns()
            return
        self.compact = compact
        if compact:
            self.side.setMinimumWidth(0)
            self.tabs.addTab(self.side, "")
            self.tabs.setCurrentIndex(0)
            folded = [d for d in self.docks if d.isVisible() and not d.isFloating()]
            self._set_docks(folded, False)  # not the user's choice: the button by the tabs brings one back
            self._folded_docks = folded
        else:
            self._set_docks(self._folded_docks, True)
            self._folded_docks = []
            index = self.tabs.indexOf(self.side)
            if index >= 0:
                self.tabs.removeTab(index)
            self.side.setMinimumWidth(self._side_min)
            self.splitter.addWidget(self.side)
            self.splitter.setStretchFactor(self.splitter.indexOf(self.side), 0)
            self.side.show()
        self.corner.setVisible(compact)
        self.tabs.retranslate()
        self._size_columns()

    def _set_docks(self, docks: list[QDockWidget], visible: bool) -> None:
        self._folding = True
        try:
            for dock in docks:
                dock.setVisible(visible)
        finally:
            self._folding = False

    def _on_dock_shown_or_closed(self, dock: QDockWidget) -> None:
        """The user opened or closed a folded dock while narrow: from now on that is their choice."""
        if not self._folding and dock in self._folded_docks:
            self._folded_docks.remove(dock)

    def _size_columns(self) -> None:
        if not shiboken6.isValid(self.splitter):  # the window closed while a relayout was queued
            return
        with QSignalBlocker(self.splitter):  # our own sizing is not the user's drag
            self._set_column_sizes()

    def _set_column_sizes(self) -> None:
        total = max(self.window.width(), 1)
        left = FOLDED_INSPECT_WIDTH if (self.compact and self.tabs.currentWidget() is self.side) else LAYER_WIDTH
        # larger text (classroom) needs a wider column; the diagram keeps at least two thirds of the window
        inner = self.tabs.layer.widget() if isinstance(self.tabs.layer, QScrollArea) else None
        corner = self.corner.sizeHint().width() if self.compact else 0
        needed = max(self.tabs.tabBar().sizeHint().width() + corner, self.tabs.minimumSizeHint().width(),
                     inner.sizeHint().width() + 24 if inner is not None else 0) + 8
        arithmetic_open = self.compact and self.tabs.currentWidget() is self.side
        if arithmetic_open and self.state.text_scale > 1.0:
            # classroom, the Arithmetic tab open: the teacher asked for the sums, give them their width
            left = min(max(left, needed, self._side_needed()), total // 2)
        else:
            left = min(max(left, needed), total // 3)
        if self.compact:
            self.splitter.setSizes([left, max(total - left, 1)])
        else:
            side = INSPECT_WIDTH
            if self.state.text_scale > 1.0:  # classroom: the sums in large text, not cut or scrolled sideways
                side = min(max(side, self._side_needed()), round(total * CLASSROOM_SIDE_SHARE))
            self.splitter.setSizes([left, max(total - left - side, 1), side])

    def _side_needed(self) -> int:
        """The width the arithmetic and shapes need at the current font (their widest unbreakable line)."""
        needed = self._side_min
        for area in self.side.findChildren(QScrollArea):
            inner = area.widget()
            if inner is not None:
                bar = area.verticalScrollBar().sizeHint().width()
                needed = max(needed, inner.minimumSizeHint().width() + bar + 2 * area.frameWidth() + 4)
        return needed

    def _on_trace_changed(self, *_: object) -> None:
        """Classroom: other sums, other widths (the side column follows its widest line)."""
        if self.state.text_scale > 1.0 and not self.columns_fixed:
            QTimer.singleShot(0, self, self._size_columns)  # after the panels have their new text

    def _on_tab_changed(self, _index: int) -> None:
        if self.compact:
            self._size_columns()

    # ----------------------------------------------------------------- re-laying out
    def _on_view_changed(self) -> None:
        key = (self.state.view.theme, self.state.text_scale)
        if key != self._fonts_key:
            scale_changed = self._fonts_key is None or self._fonts_key[1] != key[1]
            self._fonts_key = key
            self._keep_controls_font()
            self.relayout(columns=scale_changed)

    def _keep_controls_font(self) -> None:
        """The layer's controls are the teacher's, not the back row's: they keep the usual font size
        when the text scale grows, so the diagram keeps its width on a 1280x800 projector (and the menu
        bar and the picture switch theirs, so it keeps its height)."""
        layer, bar = self.tabs.layer, self.tabs.tabBar()
        if self.state.text_scale != 1.0:
            font = QFont(QApplication.font())
            font.setPointSizeF(font.pointSizeF())  # explicit: the window's larger font does not reach it
            layer.setFont(font)
            tab_font = QFont(font)  # the tabs a little larger than usual: where the folded panels went
            tab_font.setPointSizeF(font.pointSizeF() * 1.25)
            bar.setFont(tab_font)
            self.corner.setFont(tab_font)
            for control in self.teacher_controls:
                control.setFont(tab_font)
        else:
            layer.setFont(QFont())  # inherit again
            bar.setFont(QFont())
            self.corner.setFont(QFont())
            for control in self.teacher_controls:
                control.setFont(QFont())

    def relayout(self, columns: bool = False) -> None:
        """Fonts changed size: every size hint did too. Lay the window out again; with ``columns``
        (the text scale changed) also give the columns their widths again, now and once idle."""
        for w in (self.window.centralWidget(), self.tabs, self.column, self.side):
            if w is not None:
                w.updateGeometry()
                layout = w.layout()
                if layout is not None:
                    layout.invalidate()
        if columns:
            self._size_columns()
            QTimer.singleShot(0, self, self._size_columns)  # with a context: never after the window is gone

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if obj is self.window:
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self.update()
            elif kind in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
                QTimer.singleShot(0, self, lambda: self.relayout(columns=True))  # other words, other widths
        return False
