"""Classroom mode, themes, predict-then-reveal, the Keras 2 error demo and the Help menu.

* **Themes** (View > Theme): light, dark, high contrast (``state.set_view(theme=...)``);
  the diagram re-reads ``THEMES`` and this module gives the panels a matching palette.
* **Classroom mode** (F11): full screen, the high-contrast theme (big text, thick
  lines), larger fonts in every panel, predict-then-reveal on; the height goes to the
  diagram (no key legend line, which is in Help > Keyboard shortcuts and the tour; the
  status bar only while it has a message; a one-line question band).
  F9 hides the side panels so the diagram fills the screen; F11 again leaves
  (Esc is taken: it clears a pinned highlight).
* **Predict, then reveal** (F8): when the window reaches a new output cell the
  cell is covered and the class is asked "What will y[3, 1] be?"; Enter reveals it.
  After an argument change the output is covered and the class is asked for the
  output length; Enter reveals it with the formula worked through.
* **Data > Input without channel axis**: feeds a (1, 56) array through
  ``conv_core.check_conv_input`` and explains the error the Q&A threads quote.
"""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QTextDocument,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.features.inspect import InspectPanels
from app.features.room_layout import BANNER_PX, DiagramColumn
from app.i18n.messages import error_hint, keras2_message
from app.state.explorer import ExplorerState
from app.state.undo import SnapshotCommand
from app.views.colors import THEMES, cell_pen, qt_palette
from app.views.diagram import DiagramWidget
from app.views.transport import TransportBar
from conv_core import Conv1DSpec, ConvError, Derivation, derive_output_length
from conv_core.spec import check_conv_input

__all__ = [
    "THEME_ORDER",
    "Classroom",
    "ErrorDemo",
    "PredictReveal",
    "demo_input_without_channels",
    "output_length_formula",
]

THEME_ORDER = ("light", "dark", "high_contrast")
CLASSROOM_FONT_PT = 18.0  # panels and menus in classroom mode: at least this, at least twice the usual
CLASSROOM_TEXT_SCALE = 2.0  # every diagram and panel text (``state.text_scale``) in classroom mode


def output_length_formula(
    steps: int, kernel_size: int, strides: int, padding: str, dilation_rate: int
) -> str:
    """The output-length rule worked through with numbers (DESIGN.md, Keras rules).

    >>> output_length_formula(16, 3, 1, "valid", 1)
    'floor((16 − 3) / 1) + 1 = 14'
    >>> output_length_formula(16, 3, 2, "same", 1)
    'ceil(16 / 2) = 8'
    >>> output_length_formula(10, 3, 1, "valid", 2)
    'k_eff = 2·(3 − 1) + 1 = 5;  floor((10 − 5) / 1) + 1 = 6'
    """
    return derivation_formula(derive_output_length(steps, kernel_size, strides, padding, dilation_rate))


def derivation_formula(d: Derivation) -> str:
    """One line of :func:`output_length_formula` from conv_core's worked derivation."""
    s, keff, out = d.strides, d.effective_kernel_size, d.output_length
    if d.padding == "valid":
        text = f"floor(({d.steps} − {keff}) / {s}) + 1 = {out}"
        if d.dilation_rate > 1:
            text = f"k_eff = {d.dilation_rate}·({d.kernel_size} − 1) + 1 = {keff};  " + text
        return text
    return f"ceil({d.steps} / {s}) = {out}"


def question_px(scale: float) -> float:
    """The predict/reveal question's text size: the banner's, grown with the text scale; in classroom
    mode 28 px (the largest text on screen, on one line: 32 px wrapped on a 1280x800 projector)."""
    return BANNER_PX * scale if scale <= 1 else BANNER_PX * 0.875 * scale


def _fmt(v: float) -> str:
    from app.views.cell_texts import format_value

    return format_value(float(v))


class _Banner(QLabel):
    """The question / answer strip, in its own band above the diagram (it covers nothing).

    In classroom mode it is one line of question text high whatever it shows (the intro, a question,
    an answer), so the diagram does not jump when the first question comes.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("predict_banner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.hide()

    def restyle(self, theme_name: str, scale: float) -> None:
        t = THEMES[theme_name]
        big = scale > 1
        px = round(question_px(scale))
        margin = "2px 8px" if big else "4px 8px"
        self.setStyleSheet(
            f"QLabel#predict_banner {{ background: {t.background}; color: {t.foreground};"
            f" border: {4 if big else 3}px solid {t.highlight}; border-radius: 8px; padding: 1px 6px;"
            f" margin: {margin}; font-size: {px}px; }}"
        )
        if big:  # one line of question text (plus the frame): the same band for every message
            font = QFont(self.font())
            font.setPixelSize(px)
            font.setBold(True)
            # a question in the current language, laid out as the label will (a Chinese line is taller)
            sample = QTextDocument()
            sample.setDocumentMargin(0)
            sample.setDefaultFont(font)
            sample.setPlainText(QCoreApplication.translate("PredictReveal", "What will y[{t}, {f}] be?"))
            line = max(QFontMetricsF(font).height(), sample.size().height())
            self.setMinimumHeight(math.ceil(line) + 2 * 4 + 2 * 1 + 2 * 2 + 2)
        else:
            self.setMinimumHeight(0)


class PredictReveal(QObject):
    """Cover the next value (or the output length) until the class has guessed; Enter reveals.

    ``coverChanged(bool)`` tells other panels (the arithmetic, the shapes) when to hide
    the answer too.
    """

    coverChanged = Signal(bool)

    def __init__(
        self, window: QMainWindow, state: ExplorerState, diagram: DiagramWidget, column: DiagramColumn
    ) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.diagram = diagram
        self.enabled = False
        self._pending: tuple[Any, ...] | None = None  # ("cell", step, f) | ("length", signature)
        self._revealed_upto = -1
        self._signature = self._signature_of()
        self._cover: QGraphicsRectItem | None = None
        self._cover_text: pg.TextItem | None = None
        self._length_cover: QLabel | None = None
        self.banner = _Banner()
        column.put_in_band(self.banner)
        self._banner_kind = ""  # "intro", "question" or "answer": what to say again in a new language
        self.diagram.viewport().installEventFilter(self)
        self.banner.installEventFilter(self)
        self.state.positionChanged.connect(self._on_position_changed)
        self.state.traceChanged.connect(self._on_trace_changed)
        self.state.viewChanged.connect(self._on_view_changed)
        self.state.sessionLoaded.connect(self._on_session_loaded)

    # ----------------------------------------------------------------- public
    @property
    def pending(self) -> tuple[Any, ...] | None:
        return self._pending

    @pending.setter
    def pending(self, value: tuple[Any, ...] | None) -> None:
        was = self._pending is not None
        self._pending = value
        if was != (value is not None):
            self.coverChanged.emit(value is not None)

    def set_enabled(self, on: bool) -> None:
        if on == self.enabled:
            return
        self.enabled = on
        self.pending = None
        self._revealed_upto = self.state.position
        self._signature = self._signature_of()
        self._hide_covers()
        if on:
            self._show_intro()
        else:
            self.banner.hide()

    def _show_intro(self) -> None:
        """How it works, for the teacher: smaller than the questions the class reads (classroom: the
        teacher's size, on one line)."""
        intro = self.tr(
            "Predict, then reveal: step forward (→) and the class guesses each "
            "new value before Enter shows it."
        )
        scale = self.state.text_scale
        px = round(BANNER_PX * (0.75 * scale if scale <= 1 else 1.0))
        self._show_banner(f"<span style='font-size: {px}px'>{html.escape(intro)}</span>", "intro")

    def reveal(self) -> bool:
        """Show the hidden value or length; False when nothing was hidden."""
        if self.pending is None:
            return False
        kind = self.pending[0]
        tr = self.state.trace
        self._hide_covers()
        if kind == "cell" and tr is not None:
            _, step, f = self.pending
            n = min(self.state.view.sample, tr.batch - 1)
            if f is None:
                values = ", ".join(_fmt(v) for v in tr.output[n, step, :])
                answer = f"y[{step}, :] = [{values}]"
            else:
                answer = f"y[{step}, {f}] = {_fmt(tr.output[n, step, f])}"
            self._show_banner("<b>" + html.escape(answer) + "</b>", "answer")
            self._revealed_upto = max(self._revealed_upto, self.state.position)
        elif kind == "length" and tr is not None:
            formula = derivation_formula(tr.derivation)
            self._show_banner(html.escape(self.tr("Output length: {formula} steps").format(formula=formula)),
                              "answer")
        self.pending = None
        return True

    def question_text(self) -> str:
        return self.banner.text()

    # ----------------------------------------------------------------- asking
    def _signature_of(self) -> tuple[Any, ...] | None:
        tr = self.state.trace
        if tr is None:
            return None
        s = tr.spec
        return (tr.steps, s.kernel_size, s.strides, s.padding, s.dilation_rate)

    def _ask_cell(self) -> None:
        step, f = self.state.current()
        self.pending = ("cell", step, f)
        self.state.set_playing(False)
        q = (
            self.tr("What will y[{t}, {f}] be?").format(t=step, f=f)
            if f is not None
            else self.tr("What will y[{t}, :] be (every filter)?").format(t=step)
        )
        self._show_banner(
            "<b>" + html.escape(q) + "</b>&nbsp;&nbsp;<small>" + html.escape(self._reveal_hint()) + "</small>"
        )
        self._place_cell_cover()

    def _ask_length(self) -> None:
        tr = self.state.trace
        if tr is None:
            return
        s = tr.spec
        self.pending = ("length", self._signature)
        self._hide_covers()
        self.state.set_playing(False)
        setting = (
            f"steps={tr.steps}, kernel_size={s.kernel_size}, strides={s.strides}, "
            f"padding='{s.padding}', dilation_rate={s.dilation_rate}"
        )
        q = self.tr("What will the output length be?")
        if self.state.text_scale > 1:  # classroom: two lines (three took the rows' height on a projector)
            px = round(question_px(self.state.text_scale) * 0.75)
            self._show_banner(
                "<b>" + html.escape(q) + "</b>&nbsp;&nbsp;<small>" + html.escape(self._reveal_hint())
                + f"</small><br><span style='font-size: {px}px'>" + html.escape(setting) + "</span>"
            )
        else:
            self._show_banner(
                "<b>"
                + html.escape(q)
                + "</b><br><tt>"
                + html.escape(setting)
                + "</tt><br><small>"
                + html.escape(self._reveal_hint())
                + "</small>"
            )
        self._place_length_cover()

    def _reveal_hint(self) -> str:
        return self.tr("Press Enter to reveal.")

    # ----------------------------------------------------------------- signals
    def _on_position_changed(self, position: int) -> None:
        if not self.enabled:
            return
        if self.pending is not None and self.pending[0] == "length":
            return
        if position > self._revealed_upto:
            self._ask_cell()
        else:
            if self.pending is not None:
                self.pending = None
            self._hide_covers()
            self.banner.hide()

    def _on_trace_changed(self, _trace: object) -> None:
        sig = self._signature_of()
        changed = sig != self._signature
        self._signature = sig
        if not self.enabled:
            return
        if changed:
            self._revealed_upto = self.state.position
            self._ask_length()
        else:
            QTimer.singleShot(0, self._replace_covers)

    def _on_view_changed(self) -> None:
        if self.enabled:
            self.banner.restyle(self.state.view.theme, self.state.text_scale)
            QTimer.singleShot(0, self._replace_covers)

    def _on_session_loaded(self) -> None:
        self._signature = self._signature_of()
        self._revealed_upto = self.state.position
        self.pending = None
        self._hide_covers()
        if self.enabled:
            self.banner.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Resize and obj is not self.banner:
            QTimer.singleShot(0, self._replace_covers)
        elif event.type() == QEvent.Type.LanguageChange and obj is self.banner:
            QTimer.singleShot(0, self._retranslate_banner)
        return False

    def _retranslate_banner(self) -> None:
        """Say the banner again in the new language (the answers are numbers and stay)."""
        if not self.enabled or self.banner.isHidden():
            return
        if self._banner_kind == "intro":
            self._show_intro()
        elif self._banner_kind == "question" and self.pending is not None:
            if self.pending[0] == "cell":
                self._ask_cell()
            else:
                self._ask_length()

    # ----------------------------------------------------------------- drawing
    def _show_banner(self, rich: str, kind: str = "question") -> None:
        self._banner_kind = kind
        self.banner.restyle(self.state.view.theme, self.state.text_scale)
        self.banner.setText(rich)
        self.banner.show()

    def _replace_covers(self) -> None:
        if self.pending is None:
            return
        if self.pending[0] == "cell":
            self._place_cell_cover()
        else:
            self._place_length_cover()

    def _place_cell_cover(self) -> None:
        if self.pending is None or self.pending[0] != "cell":
            return
        _, step, f = self.pending
        tr = self.state.trace
        if tr is None or step >= tr.out_steps:
            return
        theme = THEMES[self.state.view.theme]
        plot = self.diagram.output_panel.plot
        if self._cover is None:
            self._cover = QGraphicsRectItem()
            self._cover.setZValue(18)  # above the cell image and numbers, below the highlight outline
            plot.addItem(self._cover)
            self._cover_text = pg.TextItem("?", anchor=(0.5, 0.5))
            self._cover_text.setZValue(19)
            plot.addItem(self._cover_text)
        rect: QRectF = (
            self.diagram.output_rect(step, 0, 1, tr.filters)
            if f is None
            else self.diagram.output_rect(step, f)
        )
        self._cover.setRect(rect)
        self._cover.setBrush(QBrush(QColor(theme.background)))
        self._cover.setPen(cell_pen(theme.foreground, dashed=True))
        self._cover.setVisible(True)
        assert self._cover_text is not None
        font = QFont()
        font.setPointSize(theme.font_pt + 4)
        font.setBold(True)
        self._cover_text.setFont(font)
        self._cover_text.setColor(theme.highlight if theme.name != "light" else theme.foreground)
        self._cover_text.setPos(rect.center())
        self._cover_text.setVisible(True)

    def _place_length_cover(self) -> None:
        theme = THEMES[self.state.view.theme]
        if self._length_cover is None:
            self._length_cover = QLabel("?", self.diagram.viewport())
            self._length_cover.setObjectName("length_cover")
            self._length_cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        plot = self.diagram.output_panel.plot
        rect = self.diagram.mapFromScene(plot.sceneBoundingRect()).boundingRect()
        rect = rect.intersected(self.diagram.viewport().rect())  # inside the view (the last row ends at its edge)
        self._length_cover.setStyleSheet(
            f"QLabel#length_cover {{ background: {theme.background}; color: {theme.foreground};"
            f" border: 3px dashed {theme.foreground}; font-size: 64px; font-weight: bold; }}"
        )
        self._length_cover.setGeometry(rect)
        self._length_cover.show()
        self._length_cover.raise_()

    def _hide_covers(self) -> None:
        if self._cover is not None:
            self._cover.setVisible(False)
        if self._cover_text is not None:
            self._cover_text.setVisible(False)
        if self._length_cover is not None:
            self._length_cover.hide()

    @property
    def covered(self) -> bool:
        """True while a value or the output length is hidden."""
        return self.pending is not None


def demo_input_without_channels(steps: int = 56) -> np.ndarray:
    """A (1, steps) series with no channel axis, like the Q&A thread's (1, 56) input."""
    t = np.arange(steps, dtype=np.float64)
    return np.round(2.0 * np.sin(t / 3.0) + np.cos(t / 7.0))[None, :]


class ErrorDemo(QDockWidget):
    """Why Keras stops on an input without a channel axis, in Keras 2's and Keras 3's words."""

    def __init__(self, window: QMainWindow, state: ExplorerState, undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self.setObjectName("error_demo")
        self.state = state
        self.undo_stack = undo_stack
        self.x2d: np.ndarray | None = None
        self.error: ConvError | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.text = QLabel()
        self.text.setObjectName("error_demo_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton()
        self.fix_button.setObjectName("error_demo_fix")
        self.fix_button.clicked.connect(self.apply_fix)
        self.close_button = QPushButton()
        self.close_button.setObjectName("error_demo_close")
        self.close_button.clicked.connect(self.hide)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Why Keras stopped"))
        self.fix_button.setText(self.tr("Apply the fix"))
        self.fix_button.setToolTip(
            self.tr(
                "Add the channel axis (reshape to (batch, steps, 1)) and show the "
                "convolution of the fixed input."
            )
        )
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide this explanation."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def run(self, x2d: np.ndarray | None = None) -> ConvError | None:
        """Feed a 2-D (batch, steps) array through Keras's input check and explain the error."""
        self.x2d = demo_input_without_channels() if x2d is None else np.asarray(x2d, dtype=np.float64)
        try:
            spec = Conv1DSpec(**self.state.layer)
        except (ConvError, TypeError, ValueError):
            spec = Conv1DSpec(filters=1, kernel_size=3)
        self.error = None
        try:
            check_conv_input(spec, self.x2d.shape)
        except ConvError as exc:
            self.error = exc
        self._render()
        self.show()
        self.raise_()
        return self.error

    def _render(self) -> None:
        err, x = self.error, self.x2d
        if err is None or x is None:
            self.text.setText("")
            return
        shape = tuple(int(v) for v in x.shape)
        fix = str(err.values.get("fix", ""))
        e = html.escape
        parts = [
            "<p>"
            + e(
                self.tr(
                    "This input has shape {shape}: {batch} sample of {steps} steps, but no channel axis."
                ).format(shape=shape, batch=shape[0], steps=shape[-1])
            )
            + "</p>",
            "<p><b>" + e(self.tr("Keras 2 said:")) + "</b><br><tt>" + e(keras2_message(shape)) + "</tt></p>",
            "<p><b>" + e(self.tr("Keras 3 says:")) + "</b><br><tt>" + e(err.keras) + "</tt></p>",
            "<p><b>" + e(self.tr("Why:")) + "</b> " + e(error_hint(err)) + "</p>",
            "<p><b>" + e(self.tr("Fix:")) + "</b> <tt>x = " + e(fix) + "</tt></p>",
            "<p><i>"
            + e(
                self.tr(
                    "In Keras 3, keras.Input(shape=({steps}, 1)) in a model adds the axis "
                    "silently; a direct layer call does not."
                ).format(steps=shape[-1])
            )
            + "</i></p>",
        ]
        self.text.setText("".join(parts))

    def apply_fix(self) -> None:
        """Load the demo input with its channel axis, as one undoable edit (so the window is modified)."""
        if self.x2d is None:
            return
        before = self.state.snapshot()
        self.state.set_input(self.x2d.reshape(self.x2d.shape[0], self.x2d.shape[1], 1))
        self.state.flush()  # resize the kernel and bias to the new channel count before the snapshot
        self.undo_stack.push(SnapshotCommand(self.state, before, self.tr("Apply the fix")))
        self.hide()


class Classroom(QObject):
    """Themes, classroom mode, panels on demand, predict-then-reveal, the error demo and Help."""

    def __init__(
        self,
        window: QMainWindow,
        state: ExplorerState,
        diagram: DiagramWidget,
        transport: TransportBar,
        view_menu: QMenu,
        data_menu: QMenu,
        splitter: QSplitter,
        inspect: InspectPanels,
        undo_stack: QUndoStack,
        column: DiagramColumn,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.diagram = diagram
        self.transport = transport
        self.view_menu = view_menu
        self.data_menu = data_menu
        self.splitter = splitter
        self.inspect = inspect
        self.active = False
        self.panels_hidden = False
        self._hidden: list[QWidget] = []
        self._before: dict[str, Any] = {}
        self.column = column
        self.predict = PredictReveal(window, state, diagram, column)
        self.error_demo = ErrorDemo(window, state, undo_stack)
        self.predict.coverChanged.connect(self._blur_answers)
        self.tour: object | None = None
        self._build_actions()
        self._status_shown: bool | None = None  # the status bar's visibility before classroom mode
        self._status_hooked = False  # the bar shows only while it has a message
        window.installEventFilter(self)
        self.state.viewChanged.connect(self._on_view_changed)
        self.retranslate()
        self._on_view_changed()

    # ----------------------------------------------------------------- menus
    def _action(self, name: str, keys: tuple[str, ...] = (), checkable: bool = False) -> QAction:
        act = QAction(self.window)
        act.setObjectName(name)
        if keys:
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setCheckable(checkable)
        self.window.addAction(act)  # shortcuts work even with the menu bar hidden
        return act

    def _build_actions(self) -> None:
        w = self.window
        view = self.view_menu
        view.addSeparator()
        self.theme_menu = QMenu(view)
        self.theme_menu.setObjectName("theme_menu")
        view.addMenu(self.theme_menu)
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in THEME_ORDER:
            act = QAction(self.window)
            act.setObjectName(f"theme_{name}")
            act.setCheckable(True)
            act.triggered.connect(lambda _=False, n=name: self.state.set_view(theme=n))
            self.theme_group.addAction(act)
            self.theme_menu.addAction(act)
            self.theme_actions[name] = act
        self.next_theme_action = self._action("next_theme", ("F7",))
        self.next_theme_action.triggered.connect(self.next_theme)
        self.theme_menu.addSeparator()
        self.theme_menu.addAction(self.next_theme_action)

        self.classroom_action = self._action("classroom_mode", ("F11",), checkable=True)
        self.classroom_action.toggled.connect(self.set_active)
        self.panels_action = self._action("hide_panels", ("F9",), checkable=True)
        self.panels_action.toggled.connect(self.set_panels_hidden)
        self.predict_action = self._action("predict_mode", ("F8",), checkable=True)
        self.predict_action.toggled.connect(self.predict.set_enabled)
        self.reveal_action = self._action("reveal", ("Return", "Enter", "R"))
        self.reveal_action.triggered.connect(self.predict.reveal)
        self.reveal_action.setEnabled(False)
        for act in (self.classroom_action, self.panels_action, self.predict_action, self.reveal_action):
            view.addAction(act)
        # Enable Enter only while something is hidden, so it never steals Enter from a spin box.
        self.predict.state.positionChanged.connect(self._sync_reveal)
        self.predict.state.traceChanged.connect(self._sync_reveal)
        self.reveal_action.triggered.connect(self._sync_reveal)
        self.predict_action.toggled.connect(self._sync_reveal)

        data = self.data_menu
        data.addSeparator()
        self.no_channel_action = QAction(w)
        self.no_channel_action.setObjectName("demo_no_channel_axis")
        self.no_channel_action.triggered.connect(lambda: self.error_demo.run())
        data.addAction(self.no_channel_action)

        self.help_menu = w.findChild(QMenu, "help_menu") or QMenu(w)
        if self.help_menu.objectName() != "help_menu":
            self.help_menu.setObjectName("help_menu")
            w.menuBar().addMenu(self.help_menu)
        self.tour_action = QAction(w)
        self.tour_action.setObjectName("show_tour")
        self.tour_action.triggered.connect(self.show_tour)
        self.help_menu.addAction(self.tour_action)
        self.keys_action = QAction(w)
        self.keys_action.setObjectName("show_keys")
        self.keys_action.triggered.connect(self.show_keys)
        self.help_menu.addAction(self.keys_action)

    def retranslate(self) -> None:
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.theme_menu.setToolTip(
            self.tr(
                "Colours of the diagram and panels; every theme uses a "
                "colour-blind-safe map (ColorBrewer RdBu or PuOr)."
            )
        )
        labels = {
            "light": (self.tr("&Light"), self.tr("Dark text on white; blue-white-red colour map (RdBu).")),
            "dark": (self.tr("&Dark"), self.tr("Light text on dark grey; blue-white-red colour map (RdBu).")),
            "high_contrast": (
                self.tr("&High contrast"),
                self.tr("White on black, big text, thick lines; purple-white-orange map (PuOr)."),
            ),
        }
        for name, (text, tip) in labels.items():
            self.theme_actions[name].setText(text)
            self.theme_actions[name].setToolTip(tip)
        self.next_theme_action.setText(self.tr("Next theme"))
        self.next_theme_action.setToolTip(self.tr("Cycle light → dark → high contrast (F7)."))
        self.classroom_action.setText(self.tr("&Classroom mode"))
        self.classroom_action.setToolTip(
            self.tr(
                "Full screen, high contrast, large text, keyboard control and "
                "predict-then-reveal (F11 enters and leaves)."
            )
        )
        self.panels_action.setText(self.tr("Hide side &panels"))
        self.panels_action.setToolTip(self.tr("Hide the side panels so the diagram fills the screen (F9)."))
        self.predict_action.setText(self.tr("&Predict, then reveal"))
        self.predict_action.setToolTip(
            self.tr(
                "Hide each new output value (and the output length after a "
                "change) until Enter reveals it (F8)."
            )
        )
        self.reveal_action.setText(self.tr("&Reveal"))
        self.reveal_action.setToolTip(self.tr("Show the hidden value (Enter)."))
        self.no_channel_action.setText(self.tr("Input without channel axis (Keras 2 error demo)"))
        self.no_channel_action.setToolTip(
            self.tr("Feed a (1, 56) array with no channel axis and see what Keras says, why, and the fix.")
        )
        self.help_menu.setTitle(self.tr("&Help"))
        self.tour_action.setText(self.tr("Show the &tour"))
        self.tour_action.setToolTip(self.tr("A short walk through the window (Esc skips)."))
        self.keys_action.setText(self.tr("&Keyboard shortcuts"))
        self.keys_action.setToolTip(self.tr("Every key the app understands."))

    def key_legend(self) -> str:
        return self.tr(
            "Space play/pause · ←/→ step · Home/End · +/− speed · F8 predict · Enter reveal · "
            "F9 panels · F7 theme · F11 leave"
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # ----------------------------------------------------------------- themes
    def next_theme(self) -> None:
        i = THEME_ORDER.index(self.state.view.theme) if self.state.view.theme in THEME_ORDER else 0
        self.state.set_view(theme=THEME_ORDER[(i + 1) % len(THEME_ORDER)])

    def _on_view_changed(self) -> None:
        theme = self.state.view.theme
        act = self.theme_actions.get(theme)
        if act is not None and not act.isChecked():
            act.setChecked(True)
        if getattr(self, "_applied_theme", None) != theme:
            self._applied_theme = theme
            self.window.setPalette(qt_palette(THEMES.get(theme, THEMES["light"])))
            self.style_check_boxes()
        self._style_scrubber()

    def style_check_boxes(self) -> None:
        """High contrast: the style draws a check box's frame in the window colour darkened, black on black,
        so an unchecked use_bias vanished; outline it in the text colour, fill it in the highlight when checked."""
        from PySide6.QtWidgets import QCheckBox

        css = ""
        if self.state.view.theme == "high_contrast":
            t = THEMES["high_contrast"]
            css = (f"QCheckBox::indicator {{ width: 12px; height: 12px; border: 2px solid {t.foreground};"
                   f" background: {t.background}; }}"
                   f" QCheckBox::indicator:checked {{ background: {t.highlight}; }}")
        for box in self.window.findChildren(QCheckBox):
            box.setStyleSheet(css)

    def _style_scrubber(self) -> None:
        """The transport's scrubber drawn in the theme's colours where the style's own groove vanishes
        (high contrast: black on black), its handle larger with the text scale (the classroom's)."""
        key = (self.state.view.theme, self.state.text_scale)
        if getattr(self, "_scrubber_key", None) == key:
            return
        self._scrubber_key = key
        scrubber = self.transport.scrubber
        if self.state.view.theme != "high_contrast":
            scrubber.setStyleSheet("")
            return
        t = THEMES["high_contrast"]
        handle = round(16 * max(1.0, self.state.text_scale * 0.75))
        scrubber.setStyleSheet(
            f"QSlider#scrubber::groove:horizontal {{ height: 4px; background: {t.foreground}; }}"
            f" QSlider#scrubber::handle:horizontal {{ background: {t.highlight}; width: {handle}px;"
            f" margin: -{handle // 2 - 2}px 0; border-radius: 3px; }}"
        )

    # ----------------------------------------------------------------- classroom
    def set_active(self, on: bool, *, fullscreen: bool = True) -> None:
        """Enter or leave classroom mode (F11); ``fullscreen=False`` keeps the window's size (the room matrix)."""
        if on == self.active:
            return
        w = self.window
        self.active = on
        if on:
            self._before = {
                "state": w.windowState(),
                "theme": self.state.view.theme,
                "font": w.font() if w.testAttribute(Qt.WidgetAttribute.WA_SetFont) else None,
                "predict": self.predict.enabled,
            }
            font = QFont(w.font())
            font.setPointSizeF(max(font.pointSizeF() * CLASSROOM_TEXT_SCALE, CLASSROOM_FONT_PT))
            w.setFont(font)
            self.state.set_text_scale(CLASSROOM_TEXT_SCALE)
            self.state.set_view(theme="high_contrast")
            self.predict_action.setChecked(True)
            if fullscreen:
                w.showFullScreen()
            self._quiet_status_bar(True)
        else:
            before = self._before
            self.set_panels_hidden(False)
            w.setFont(before["font"] if before.get("font") is not None else QFont())
            self.state.set_text_scale(1.0)
            if before.get("theme"):
                self.state.set_view(theme=before["theme"])
            self.predict_action.setChecked(bool(before.get("predict", False)))
            if fullscreen:
                w.setWindowState(before.get("state", Qt.WindowState.WindowNoState))
            self._quiet_status_bar(False)
        if self.classroom_action.isChecked() != on:
            self.classroom_action.setChecked(on)

    def _quiet_status_bar(self, on: bool) -> None:
        """Classroom: the status bar shows only while it has a message (a saved file, an edit), so its
        line goes to the diagram; the keys are in Help > Keyboard shortcuts and the tour.  Leaving, a bar
        that was showing shows again; one that was not keeps showing only its messages."""
        existing = self.window.findChild(QStatusBar)
        bar = existing if existing is not None and existing.parent() is self.window else self.window.statusBar()
        if on:
            self._status_shown = existing is not None and not bar.isHidden()
            if not self._status_hooked:
                bar.messageChanged.connect(self._on_status_message)
                self._status_hooked = True
            bar.setVisible(bool(bar.currentMessage()))
        elif self._status_shown:
            if self._status_hooked:
                bar.messageChanged.disconnect(self._on_status_message)
                self._status_hooked = False
            bar.show()

    def _on_status_message(self, text: str) -> None:
        self.window.statusBar().setVisible(bool(text))

    def side_panels(self) -> list[QWidget]:
        """Everything beside the diagram: splitter neighbours, dock widgets and toolbars."""
        w = self.window
        panels: list[QWidget] = []
        children = [self.splitter.widget(i) for i in range(self.splitter.count())]
        # the diagram may sit inside a splitter child (the picture switch holds it): that one stays
        panels += [c for c in children if c is not None and c is not self.diagram and not c.isAncestorOf(self.diagram)]
        panels += [d for d in w.findChildren(QDockWidget) if d.parent() is w]
        panels += [t for t in w.findChildren(QToolBar) if t.parent() is w]
        return panels

    def set_panels_hidden(self, hidden: bool) -> None:
        """Hide the side panels so the diagram fills the window (F9); restore exactly those."""
        if hidden == self.panels_hidden:
            return
        self.panels_hidden = hidden
        if hidden:
            self._hidden = [p for p in self.side_panels() if p.isVisible()]
            for p in self._hidden:
                p.hide()
        else:
            for p in self._hidden:
                p.show()
            self._hidden = []
        if self.panels_action.isChecked() != hidden:
            self.panels_action.setChecked(hidden)

    def _sync_reveal(self, *_: object) -> None:
        self.reveal_action.setEnabled(self.predict.covered)

    # ----------------------------------------------------------------- help
    def show_tour(self) -> None:
        from app.features.tour import start_tour

        self.tour = start_tour(self.window, force=True)

    def show_keys(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            self.window, self.tr("Keyboard shortcuts"), self.key_legend().replace(" · ", "\n")
        )

    def _blur_answers(self, covered: bool) -> None:
        """While the class is guessing, the arithmetic, the shapes and the position counter would
        give the answer away: blur them until it is revealed."""
        from PySide6.QtWidgets import QGraphicsBlurEffect

        widgets: list[QWidget] = [self.transport.position_label, self.inspect.math_panel, self.inspect.shapes_panel]
        for w in widgets:
            if covered:
                effect = QGraphicsBlurEffect(w)
                effect.setBlurRadius(14)
                w.setGraphicsEffect(effect)
            else:
                w.setGraphicsEffect(None)  # type: ignore[arg-type]
