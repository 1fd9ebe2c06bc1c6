"""Editing the numbers: an inline editor over the clicked diagram cell, input generators,
kernel presets, paste from a spreadsheet, and undo/redo for all of it.

Click a cell to select it (that also pins its highlight), then type a number,
or double-click it, or press Enter/F2.  In the editor: Enter keeps the value,
Tab / Shift+Tab go to the next / previous cell, the arrow keys move like in a
spreadsheet, Esc cancels.  Typed garbage shows a message under the cell and
changes nothing.  Every change is a command on one QUndoStack (Ctrl+Z,
Ctrl+Shift+Z), named so a teacher can read the Edit menu.
"""

from __future__ import annotations

import math
import re
import unicodedata

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMainWindow, QMenu

from app.io.numeric import MAX_ABS_VALUE, shown
from app.state.explorer import CellRef, ExplorerState, Snapshot, cell_fits
from app.state.undo import ArrayCommand, SnapshotCommand, ValuesCommand, get_array
from app.views.cell_texts import format_value
from app.views.colors import THEMES, message_style
from app.views.diagram import DiagramWidget
from conv_core import ConvError, make_kernel
from conv_core.signals import make_signal

__all__ = ["MAX_ABS_VALUE", "CellValueError", "EditingController", "parse_block", "parse_value"]

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


translate = QCoreApplication.translate  # literal translate("editing", ...) calls: lupdate finds them


class CellValueError(ValueError):
    """A typed value that cannot go into a cell; the message says why, in the UI language."""


def parse_value(text: str) -> float:
    """The number a learner typed, or :class:`ValueError` with a message to show inline.

    Full-width digits (a Chinese input method) and the unicode minus are accepted;
    NaN, infinities and values beyond ±1e15 (the numeric contract of ``app.io.numeric``) are refused.

    >>> parse_value(" −1.5 ")
    -1.5
    >>> parse_value("３")
    3.0
    """
    raw = text
    t = unicodedata.normalize("NFKC", text).strip().replace("−", "-").replace("。", ".")
    if t == "":
        raise CellValueError(translate("editing", "Type a number, for example 3, -1.5 or 0.25."))
    low = t.lower().lstrip("+-")
    if low in ("nan",):
        raise CellValueError(
            translate("editing", "'{text}' (not a number) cannot be used: every cell needs a real number.").format(
                text=raw.strip()[:60]
            )
        )
    if low in ("inf", "infinity"):
        raise CellValueError(translate("editing", "Infinity cannot be used: keep values between -1e15 and 1e15."))
    if not _NUMBER.match(t):
        raise CellValueError(
            translate(
                "editing",
                "'{text}' is not a number. Type digits with an optional sign, decimal point "
                "and exponent, for example 3, -1.5 or 2e-3."
            ).format(text=raw.strip()[:60])
        )
    value = float(t)
    if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
        raise CellValueError(
            translate("editing", "{text} is too large: keep values between -1e15 and 1e15.").format(
                text=shown(raw.strip())
            )
        )
    return value + 0.0  # no negative zero


def parse_block(text: str) -> np.ndarray:
    """A block pasted from a spreadsheet: rows on lines, cells split by tabs, else commas, else spaces.

    >>> parse_block("1\\t2\\n3\\t4\\n").tolist()
    [[1.0, 2.0], [3.0, 4.0]]
    """
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise CellValueError(translate("editing", "The clipboard holds no numbers to paste."))
    sep = "\t" if "\t" in text else ("," if "," in text else None)
    rows = [line.split(sep) if sep else line.split() for line in lines]
    width = max(len(r) for r in rows)
    out = np.full((len(rows), width), np.nan)
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            try:
                out[r, c] = parse_value(cell)
            except ValueError as exc:
                raise CellValueError(
                    translate("editing", "Row {r}, column {c}: {why}").format(r=r + 1, c=c + 1, why=exc)
                ) from None
        if len(cells) < width:
            raise CellValueError(
                translate(
                    "editing", "Rows differ in length (row 1: {m}, row {r}: {n}): paste a rectangular block."
                ).format(r=r + 1, n=len(cells), m=width)
            )
    return out


class CellEditor(QLineEdit):
    """The line edit that floats over one diagram cell; it keeps its own keys from the window shortcuts."""

    NAV_KEYS = (
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Space,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Equal,
    )

    def event(self, ev: QEvent) -> bool:
        if (
            ev.type() == QEvent.Type.ShortcutOverride
            and isinstance(ev, QKeyEvent)
            and (ev.key() in self.NAV_KEYS or (ev.text() and ev.text().isprintable()))
        ):
            ev.accept()
            return True
        if (
            ev.type() == QEvent.Type.KeyPress
            and isinstance(ev, QKeyEvent)
            and ev.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.keyPressEvent(ev)  # Tab would otherwise move the focus out of the diagram
            return True
        return super().event(ev)


class EditingController(QObject):
    """Owns the undo stack, the inline editor and the Edit / Data menus of one window."""

    def __init__(self, window: QMainWindow, state: ExplorerState, diagram: DiagramWidget, view_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.diagram = diagram
        self.view_menu = view_menu
        self.undo_stack = QUndoStack(self)
        # A bounded history: a lesson of hours must not grow without end (the soak measures it).
        self.undo_stack.setUndoLimit(200)
        self.seed = 0
        self.editing: CellRef | None = None
        self.last_message = ""
        self._closing = False

        self.editor = CellEditor(self.diagram.viewport())
        self.editor.setObjectName("cell_editor")
        font = QFont()
        font.setPointSize(15)
        font.setBold(True)
        self.editor.setFont(font)
        self.editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor.hide()
        self.editor.installEventFilter(self)
        self.message = QLabel(self.diagram.viewport())
        self.message.setObjectName("cell_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            message_style("QLabel#cell_message", THEMES[self.state.view.theme], " font-size: 13pt;")
        )
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)

        self.diagram.editRequested.connect(self.open_editor)
        self.state.structureEdited.connect(self._on_structure_edited)
        self.state.sessionLoaded.connect(self._on_session_loaded)
        self.state.viewChanged.connect(self._on_view_changed)
        self._build_menus()

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        self.edit_menu = QMenu(w)
        bar.insertMenu(self.view_menu.menuAction(), self.edit_menu)
        # Our own actions, not createUndoAction: its "Undo" prefix is fixed when made, so a
        # language switch could not reach it.  Each shows "Undo <the command's text>".
        self.undo_action = QAction(self)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = QAction(self)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for changed in (self.undo_stack.canUndoChanged, self.undo_stack.undoTextChanged,
                        self.undo_stack.canRedoChanged, self.undo_stack.redoTextChanged):
            changed.connect(self._update_undo_texts)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.paste_action = QAction(w)
        self.paste_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        self.paste_action.triggered.connect(self.paste_clipboard)
        self.edit_menu.addAction(self.paste_action)
        self.edit_cell_action = QAction(w)
        self.edit_cell_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_cell_action.triggered.connect(self._edit_selected)
        self.edit_menu.addAction(self.edit_cell_action)
        for act in (self.undo_action, self.redo_action, self.paste_action, self.edit_cell_action):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            w.addAction(act)

        self.data_menu = QMenu(w)
        self.data_menu.setObjectName("data_menu")
        bar.insertMenu(self.view_menu.menuAction(), self.data_menu)
        self.input_menu = self.data_menu.addMenu("")
        self.generator_actions: dict[str, QAction] = {}
        for name in self.generator_labels():
            act = QAction(w)
            act.setData(name)
            act.triggered.connect(lambda _=False, n=name: self.apply_generator(n))
            self.input_menu.addAction(act)
            self.generator_actions[name] = act
        self.kernel_menu = self.data_menu.addMenu("")
        self.preset_actions: dict[str, QAction] = {}
        for name in self.preset_labels():
            act = QAction(w)
            act.setData(name)
            act.triggered.connect(lambda _=False, n=name: self.apply_preset(n))
            self.kernel_menu.addAction(act)
            self.preset_actions[name] = act
        self.bias_menu = self.data_menu.addMenu("")
        self.bias_actions: dict[float, QAction] = {}
        for value in (0.0, 1.0):
            act = QAction(w)
            act.triggered.connect(lambda _=False, v=value: self.fill_bias(v))
            self.bias_menu.addAction(act)
            self.bias_actions[value] = act
        self.data_menu.addSeparator()
        self.seed_action = QAction(w)
        self.seed_action.triggered.connect(self._ask_seed)
        self.data_menu.addAction(self.seed_action)
        self.window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        """The menus' texts in the current language (at start and on the window's ``LanguageChange``)."""
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._update_undo_texts()
        self.paste_action.setText(self.tr("Paste numbers at the selected cell"))
        self.paste_action.setToolTip(
            self.tr(
                "Paste a block copied from a spreadsheet (tab- or comma-separated); "
                "it starts at the selected cell, rows and columns as on screen."
            )
        )
        self.edit_cell_action.setText(self.tr("Edit the selected cell"))
        self.data_menu.setTitle(self.tr("&Data"))
        self.input_menu.setTitle(self.tr("Fill the input"))
        for name, label in self.generator_labels().items():
            self.generator_actions[name].setText(label)
        self.kernel_menu.setTitle(self.tr("Fill the kernels"))
        for name, label in self.preset_labels().items():
            self.preset_actions[name].setText(label)
        self.bias_menu.setTitle(self.tr("Fill the bias"))
        for value, act in self.bias_actions.items():
            act.setText(self.tr("every bias = {v}").format(v=format_value(value)))
        self._update_seed_label()

    def _update_undo_texts(self, *_: object) -> None:
        for act, verb, what, enabled in (
            (self.undo_action, self.tr("Undo"), self.undo_stack.undoText(), self.undo_stack.canUndo()),
            (self.redo_action, self.tr("Redo"), self.undo_stack.redoText(), self.undo_stack.canRedo()),
        ):
            act.setText(f"{verb} {what}" if what else verb)
            act.setEnabled(enabled)

    def generator_labels(self) -> dict[str, str]:
        return {
            "random_integers": self.tr("Random integers 1…5 (as in the course)"),
            "uniform": self.tr("Uniform −1…1 (seeded)"),
            "normal": self.tr("Normal, mean 0, sd 1 (seeded)"),
            "sine": self.tr("Sine wave (period 8 steps)"),
            "square": self.tr("Square wave (period 8 steps)"),
            "step": self.tr("Step: 0 then 1 from the middle"),
            "impulse": self.tr("Impulse: 1 at the middle step"),
            "one_hot_words": self.tr("One-hot words (each step one word id)"),
            "ramp": self.tr("Ramp 1, 2, 3, …"),
            "zeros": self.tr("Zeros"),
        }

    def preset_labels(self) -> dict[str, str]:
        return {
            "ones": self.tr("Ones (as in the course)"),
            "moving_average": self.tr("Moving average (1/k on each tap)"),
            "difference": self.tr("Difference (last tap − first tap)"),
            "identity": self.tr("Identity / delta (1 on the centre tap)"),
            "glorot_uniform": self.tr("glorot_uniform (Keras default, seeded)"),
            "he_normal": self.tr("he_normal (seeded)"),
            "zeros": self.tr("Zeros"),
        }

    def _update_seed_label(self) -> None:
        self.seed_action.setText(self.tr("Seed for random fills: {seed}…").format(seed=self.seed))

    def _ask_seed(self) -> None:
        value, ok = QInputDialog.getInt(
            self.window, self.tr("Seed"), self.tr("Seed for the random fills:"), self.seed, 0, 2**31 - 1
        )
        if ok:
            self.set_seed(value)

    def set_seed(self, seed: int) -> None:
        self.seed = int(seed)
        self._update_seed_label()

    # ------------------------------------------------------------------ whole arrays
    def apply_generator(self, name: str) -> bool:
        """Fill the input with conv_core's generator ``name`` (undoable)."""
        self.close_editor()
        self.state.flush()
        try:
            new = make_signal(name, self.state.input_shape, seed=self.seed)
        except ConvError as exc:
            self.show_message(exc.hint or str(exc))
            return False
        label = self.generator_labels().get(name, name)
        seeded = name in ("random_integers", "uniform", "normal", "one_hot_words")
        text = (self.tr("Input: {what} (seed {seed})") if seeded else self.tr("Input: {what}")).format(
            what=label, seed=self.seed
        )
        self.undo_stack.push(ArrayCommand(self.state, "input", self.state.x, new, text))
        return True

    def apply_preset(self, name: str) -> bool:
        """Fill the kernels with conv_core's preset ``name`` (undoable); one that does not fit says why."""
        self.close_editor()
        self.state.flush()
        shape = self.state.kernel.shape
        try:
            new = make_kernel(name, shape, seed=self.seed)
        except ConvError as exc:
            self.show_message(exc.keras + " " + exc.hint)
            return False
        label = self.preset_labels().get(name, name)
        seeded = name in ("glorot_uniform", "he_normal")
        text = (self.tr("Kernels: {what} (seed {seed})") if seeded else self.tr("Kernels: {what}")).format(
            what=label, seed=self.seed
        )
        self.undo_stack.push(ArrayCommand(self.state, "kernel", self.state.kernel, new, text))
        return True

    def fill_bias(self, value: float) -> None:
        self.close_editor()
        self.state.flush()
        new = np.full(self.state.raw_bias.shape, float(value))
        text = self.tr("Bias: every value {v}").format(v=format_value(value))
        self.undo_stack.push(ArrayCommand(self.state, "bias", self.state.raw_bias, new, text))

    # ------------------------------------------------------------------ one cell
    def cell_name(self, ref: CellRef) -> str:
        n = self.state.view.sample
        if ref.kind == "input":
            return f"x[{n}, {ref.step}, {ref.channel}]"
        if ref.kind == "kernel":
            return f"kernel[{ref.tap}, {ref.channel}, {ref.filter}]"
        return f"bias[{ref.filter}]"

    def _array_index(self, ref: CellRef) -> tuple[str, tuple[int, ...]]:
        target = "input" if ref.kind == "input" else ref.kind
        return target, ref.index(self.state.view.sample)

    def _fits_model(self, ref: CellRef) -> bool:
        target, index = self._array_index(ref)
        arr = get_array(self.state, target)
        return len(index) == arr.ndim and all(0 <= i < s for i, s in zip(index, arr.shape, strict=False))

    def set_cell(self, ref: CellRef, text: str) -> str | None:
        """Put the typed ``text`` into ``ref``: None on success, else the message (nothing changes)."""
        try:
            value = parse_value(text)
        except ValueError as exc:
            return str(exc)
        # The kernel and bias get their new shape only when a waiting recompute runs (after a resize
        # or an undo).  An edit recorded against the old shape would be dropped by that resize, and
        # undoing it would index out of bounds inside QUndoStack (which crashes the process).
        # Input edits keep their debounce: the input is resized at once.
        if ref.kind != "input" or not self._fits_model(ref):
            self.state.flush()
        if not ref.editable or not self._fits_model(ref):
            return self.tr("This cell cannot be edited.")
        old = self.state.value_at(ref)
        if value == old:
            return None
        target, index = self._array_index(ref)
        kind = {"input": self.tr("input"), "kernel": self.tr("kernel"), "bias": self.tr("bias")}[target]
        text_ = self.tr("Edit {kind} {cell}: {old} → {new}").format(
            kind=kind, cell=self.cell_name(ref), old=format_value(old), new=format_value(value)
        )
        idx = tuple(np.array([i]) for i in index)
        self.undo_stack.push(
            ValuesCommand(self.state, target, idx, np.array([old]), np.array([value]), text_)
        )
        return None

    # ------------------------------------------------------------------ inline editor
    def open_editor(self, ref: CellRef, text: str = "") -> bool:
        """Show the editor over ``ref``; ``text`` is what was typed so far ('' shows the current value)."""
        tr = self.state.trace
        if tr is None or not ref.editable or not cell_fits(ref, tr) or not self._fits_model(ref):
            return False
        if ref.kind == "input" and tr.is_padding(ref.step):
            return False
        self.editing = ref
        self.state.set_pin(ref)
        self._place(ref)
        if text:
            self.editor.setText(text)
            self.editor.setCursorPosition(len(text))
        else:
            self.editor.setText(
                format_value(self.state.value_at(ref)) if math.isfinite(self.state.value_at(ref)) else ""
            )
            self.editor.selectAll()
        self.editor.setToolTip(self.cell_name(ref))
        self.editor.show()
        self.editor.raise_()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _place(self, ref: CellRef) -> None:
        rect = self.diagram.widget_rect_of(ref)
        w, h = max(rect.width(), 96), max(rect.height(), 38)
        if ref.kind == "bias":
            h = max(min(rect.height(), 48), 38)
        box = QRect(0, 0, w, h)
        box.moveCenter(rect.center())
        view = self.diagram.viewport().rect()
        box.moveLeft(min(max(box.left(), 0), max(view.width() - box.width(), 0)))
        box.moveTop(min(max(box.top(), 0), max(view.height() - box.height(), 0)))
        self.editor.setGeometry(box)

    def commit(self) -> bool:
        """Apply the editor's text; on a bad value show why, keep the editor open, change nothing."""
        ref = self.editing
        if ref is None:
            return True
        error = self.set_cell(ref, self.editor.text())
        if error is not None:
            self.show_message(error, near=self.editor.geometry())
            theme = THEMES[self.state.view.theme]
            self.editor.setStyleSheet(
                f"QLineEdit {{ border: 3px solid {theme.message_border}; background: {theme.message_fill}; }}"
            )
            self.editor.selectAll()
            return False
        self.message.hide()
        self.editor.setStyleSheet("")
        return True

    def close_editor(self) -> None:
        if self.editing is None:
            return
        self._closing = True
        self.editing = None
        self.editor.setStyleSheet("")
        self.editor.hide()
        self._closing = False
        self.diagram.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        self.message.hide()
        self.close_editor()

    def move(self, dx: int, dy: int, *, wrap: bool = False) -> bool:
        """Commit, then edit the neighbouring cell on screen (dx, dy in screen directions)."""
        ref = self.editing
        if ref is None or not self.commit():
            return False
        nxt = self.neighbour(ref, dx, dy, wrap=wrap)
        if nxt is None:
            self.close_editor()
            return False
        return self.open_editor(nxt)

    def neighbour(self, ref: CellRef, dx: int, dy: int, *, wrap: bool = False) -> CellRef | None:
        """The next editable cell from ``ref`` in a screen direction (Tab wraps to the next row)."""
        tr = self.state.trace
        if tr is None:
            return None
        d = self.diagram
        lr = self.state.view.orientation == "time_lr"
        cg = tr.channels_per_group
        if ref.kind == "input":
            panel, i, j, i_max, j_max = "input", ref.step, ref.channel, tr.steps - 1, tr.channels - 1
        else:
            i = tr.bank.x(ref.filter, ref.tap if ref.kind == "kernel" else 0)
            j = ref.channel if ref.kind == "kernel" else cg
            panel, i_max, j_max = "kernel", tr.bank.width - 1, cg if tr.spec.use_bias else cg - 1
        # screen x runs along i when time runs left to right, along j in the Keras printout
        x, y, x_max, y_max = (i, j, i_max, j_max) if lr else (j, i, j_max, i_max)
        for _ in range((x_max + 2) * (y_max + 2)):
            x, y = x + dx, y + dy
            if wrap and x > x_max:
                x, y = 0, y + 1
            elif wrap and x < 0:
                x, y = x_max, y - 1
            if not (0 <= x <= x_max and 0 <= y <= y_max):
                return None
            cand = d.cell_ref(panel, x, y) if lr else d.cell_ref(panel, y, x)
            if cand is not None and cand != ref and cand.editable:
                if cand.kind == "input" and tr.is_padding(cand.step):
                    continue
                return cand
        return None

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if obj is self.window and ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            return False
        if obj is self.editor and ev.type() == QEvent.Type.KeyPress and isinstance(ev, QKeyEvent):
            return self._editor_key(ev)
        if (
            obj is self.editor
            and ev.type() == QEvent.Type.FocusOut
            and not self._closing
            and self.editing is not None
            and self.editor.isVisible()
        ):
            QTimer.singleShot(0, self._focus_lost)
        return super().eventFilter(obj, ev)

    def _focus_lost(self) -> None:
        if self.editing is None or self.editor.hasFocus():
            return
        if self.commit():
            self.close_editor()
        else:
            self.close_editor()  # the message stays a moment; the bad text is dropped

    def _editor_key(self, ev: QKeyEvent) -> bool:
        key = ev.key()
        e = self.editor
        at_start = e.cursorPosition() == 0 and not e.hasSelectedText()
        at_end = e.cursorPosition() == len(e.text()) and not e.hasSelectedText()
        all_selected = e.selectedText() == e.text()
        if key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.commit():
                self.close_editor()
        elif key == Qt.Key.Key_Tab:
            self.move(1, 0, wrap=True)
        elif key == Qt.Key.Key_Backtab:
            self.move(-1, 0, wrap=True)
        elif key == Qt.Key.Key_Up:
            self.move(0, -1)
        elif key == Qt.Key.Key_Down:
            self.move(0, 1)
        elif key == Qt.Key.Key_Left and (at_start or all_selected):
            self.move(-1, 0)
        elif key == Qt.Key.Key_Right and (at_end or all_selected):
            self.move(1, 0)
        else:
            if e.styleSheet():
                e.setStyleSheet("")
            return False
        return True

    def _edit_selected(self) -> None:
        ref = self.state.pinned
        if ref is not None:
            self.diagram.request_edit(ref)

    # ------------------------------------------------------------------ paste
    def paste_clipboard(self) -> bool:
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str, at: CellRef | None = None) -> bool:
        """Paste a spreadsheet block with its top-left at ``at`` (default: the selected cell, else x[n, 0, 0])

        Rows and columns follow the screen: with time left to right a pasted row runs along
        the steps of one channel.  Cells that fall outside the array are left out (and counted).
        """
        self.close_editor()
        self.state.flush()
        try:
            block = parse_block(text)
        except ValueError as exc:
            self.show_message(str(exc))
            return False
        ref = at or self.state.pinned
        if ref is None or not ref.editable:
            ref = CellRef("input", step=0, channel=0)
        tr = self.state.trace
        if tr is None or not self._fits_model(ref):
            self.show_message(self.tr("Select a cell of the input, the kernels or the bias first."))
            return False
        lr = self.state.view.orientation == "time_lr"
        rows, cols = block.shape
        n = self.state.view.sample
        # Bounds from the arrays the values go into: while a setting is invalid the trace is the
        # last valid picture, and its sizes may no longer be the model's.
        _, steps, channels = self.state.x.shape
        k, cg, _ = self.state.kernel.shape
        filters = self.state.raw_bias.shape[0] if ref.kind == "bias" else self.state.kernel.shape[2]
        idx: list[tuple[int, ...]] = []
        values: list[float] = []
        for r in range(rows):
            for c in range(cols):
                di, dj = (c, r) if lr else (r, c)  # screen column / row -> time-like i, channel-like j
                if ref.kind == "input":
                    s, ch = ref.step + di, ref.channel + dj
                    if 0 <= s < steps and 0 <= ch < channels:
                        idx.append((n, s, ch))
                        values.append(block[r, c])
                elif ref.kind == "kernel":
                    j, ch = ref.tap + di, ref.channel + dj
                    if 0 <= j < k and 0 <= ch < cg:
                        idx.append((j, ch, ref.filter))
                        values.append(block[r, c])
                else:
                    f = ref.filter + r * cols + c
                    if f < filters:
                        idx.append((f,))
                        values.append(block[r, c])
        left_out = rows * cols - len(values)
        if not values:
            self.show_message(self.tr("Nothing fits here: choose a cell nearer the start."))
            return False
        target = "input" if ref.kind == "input" else ref.kind
        index = tuple(np.array(a) for a in zip(*idx, strict=True))
        old = get_array(self.state, target)[index]
        text_ = self.tr("Paste {r} × {c} values into {cell}").format(r=rows, c=cols, cell=self.cell_name(ref))
        self.undo_stack.push(ValuesCommand(self.state, target, index, old, np.array(values), text_))
        if left_out:
            self.show_message(self.tr("%n value(s) did not fit and were left out.", "", left_out))
        return True

    # ------------------------------------------------------------------ messages, signals
    def show_message(self, text: str, near: QRect | None = None) -> None:
        """An inline message under the cell (or at the top of the diagram) and in the status bar."""
        self.last_message = text
        self.message.setText(text)
        view = self.diagram.viewport().rect()
        width = min(460, max(view.width() - 20, 200))
        self.message.setFixedWidth(width)
        self.message.adjustSize()
        if near is None:
            x, y = 10, 10
        else:
            x = min(max(near.left(), 0), max(view.width() - width, 0))
            y = near.bottom() + 4
            if y + self.message.height() > view.height():
                y = max(near.top() - self.message.height() - 4, 0)
        self.message.move(x, y)
        self.message.show()
        self.message.raise_()
        self.window.statusBar().showMessage(text, 6000)
        self._message_timer.start(6000)

    def _on_structure_edited(self, text: str, before: Snapshot) -> None:
        self.close_editor()
        self.undo_stack.push(SnapshotCommand(self.state, before, text))

    def _on_session_loaded(self) -> None:
        self.close_editor()
        self.undo_stack.clear()  # a new document: its history starts here

    def _on_view_changed(self) -> None:
        if self.editing is not None:
            self.close_editor()

