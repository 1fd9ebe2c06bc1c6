"""The model window: a saved Keras model's layers, the input given to it, and *Show in the diagram* per Conv1D.

The window shows; :mod:`app.features.model_actions` acts (it loads a layer into
the main window and fills the layer-stack window).  Nothing in the model file is
ever run: the numbers come from :mod:`conv_core.inference`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import conv_core.stack as st
from app.io.importers import IMPORT_SUFFIXES, InputImportError, import_input, load_npy
from app.io.model_file import ModelFileError, SavedModel, example_input, token_ids
from conv_core.inference import Propagation

__all__ = ["ModelWindow"]

_MODEL_INPUT = ""  # the "Input is for" entry of the model's own input


class ModelWindow(QMainWindow):
    """One opened model: its summary table, the input, and a *Show in the diagram* button per Conv1D."""

    showRequested = Signal(str)  # a Conv1D's name
    stackRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("model_window")
        self.model: SavedModel | None = None
        self.input_x: np.ndarray | None = None
        self.start: str | None = None  # the layer x is the input of (None: the model's input)
        self.input_text = ""
        central = QWidget()
        layout = QVBoxLayout(central)
        self.title = QLabel()
        self.title.setObjectName("model_title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setObjectName("model_notes")
        self.notes.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.notes)

        row = QHBoxLayout()
        self.for_label = QLabel()
        self.for_combo = QComboBox()
        self.for_combo.setObjectName("input_for")
        self.for_combo.currentIndexChanged.connect(self._on_for_changed)
        self.tokens_label = QLabel()
        self.tokens = QLineEdit()
        self.tokens.setObjectName("token_ids")
        self.tokens.returnPressed.connect(self.use_tokens)
        self.tokens_button = QPushButton()
        self.tokens_button.setObjectName("use_tokens")
        self.tokens_button.clicked.connect(self.use_tokens)
        self.load_button = QPushButton()
        self.load_button.setObjectName("load_model_input")
        self.load_button.clicked.connect(self.load_input_dialog)
        for w in (self.for_label, self.for_combo, self.tokens_label):
            row.addWidget(w)
        row.addWidget(self.tokens, 1)
        row.addWidget(self.tokens_button)
        row.addWidget(self.load_button)
        layout.addLayout(row)
        self.input_label = QLabel()
        self.input_label.setObjectName("model_input_label")
        self.input_label.setWordWrap(True)
        layout.addWidget(self.input_label)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("model_table")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("model_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        self.stack_button = QPushButton()
        self.stack_button.setObjectName("model_to_stack")
        self.stack_button.clicked.connect(self.stackRequested.emit)
        bottom.addStretch(1)
        bottom.addWidget(self.stack_button)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self.resize(860, 560)
        self.show_buttons: dict[str, QPushButton] = {}
        self.retranslate()

    # ------------------------------------------------------------------ text
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Saved model") if self.model is None
                            else self.tr("Saved model — {name}").format(name=self.model.path.name))
        self.for_label.setText(self.tr("Input is for:"))
        self.tokens_label.setText(self.tr("Token ids:"))
        self.tokens.setPlaceholderText(self.tr("e.g. 12 5 7 33 (a sentence as the model's token ids)"))
        self.tokens_button.setText(self.tr("Use token ids"))
        self.load_button.setText(self.tr("Load input (CSV, .npy)…"))
        self.stack_button.setText(self.tr("Show in the layer-stack window"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Layer (type)"), self.tr("Output shape"), self.tr("Param #"), self.tr("Receptive field"),
            self.tr("Jump"), self.tr("Diagram")])
        if self.for_combo.count():
            self.for_combo.setItemText(0, self.tr("the model's input"))
        for button in self.show_buttons.values():
            button.setText(self.tr("Show in the diagram"))
        self._show_header()
        self._show_input()

    def changeEvent(self, ev: QEvent) -> None:  # Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    # ------------------------------------------------------------------ model
    def set_model(self, model: SavedModel) -> None:
        """Show ``model``, with a fixed example input until the user gives one."""
        self.model = model
        self.start = None
        self.for_combo.blockSignals(True)
        self.for_combo.clear()
        self.for_combo.addItem(self.tr("the model's input"), _MODEL_INPUT)
        for name in model.names[1:]:
            self.for_combo.addItem(self.tr("the input of {name}").format(name=name), name)
        self.for_combo.blockSignals(False)
        self.tokens.setVisible(model.takes_tokens)
        self.tokens_label.setVisible(model.takes_tokens)
        self.tokens_button.setVisible(model.takes_tokens)
        try:
            self.input_x = example_input(model)
            self.input_text = "example"
        except ModelFileError:
            self.input_x, self.input_text = None, ""
        self._fill_table()
        self.message.clear()
        self.retranslate()

    def _show_header(self) -> None:
        m = self.model
        if m is None:
            self.title.clear()
            self.notes.clear()
            return
        kind = ".keras (Keras 3)" if m.layout == "keras3" else ".h5 (HDF5)"
        version = m.keras_version or "?"
        self.title.setText(self.tr("{name}: {layers} layers, {params} parameters — {file}, {kind}, saved by Keras "
                                   "{version}. Nothing in the file is run.").format(
            name=m.name, layers=len(m.rows), params=f"{m.summary.total_params or 0:,}", file=m.path.name,
            kind=kind, version=version))
        self.notes.setText("\n".join(f"• {n}" for n in m.notes))
        self.notes.setVisible(bool(m.notes))

    def _fill_table(self) -> None:
        m = self.model
        assert m is not None
        self.show_buttons = {}
        self.table.setRowCount(0)  # the last model's buttons go with its rows
        self.table.setRowCount(len(m.rows))
        convs = set(m.conv_layers())
        for i, r in enumerate(m.rows):
            cells = [f"{r.name} ({r.class_name})", st.format_shape(r.output_shape),
                     "?" if r.params is None else f"{r.params:,}",
                     "" if not r.has_field or r.receptive_field is None else str(r.receptive_field),
                     "" if not r.has_field or r.receptive_field is None else ("-" if r.jump is None else str(r.jump))]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
            if r.name in convs:
                button = QPushButton(self.tr("Show in the diagram"))
                button.setObjectName(f"show_{r.name}")
                button.clicked.connect(lambda _=False, n=r.name: self.showRequested.emit(n))
                self.show_buttons[r.name] = button
                self.table.setCellWidget(i, 5, button)
            else:
                self.table.setItem(i, 5, QTableWidgetItem(""))

    # ------------------------------------------------------------------ input
    def _show_input(self) -> None:
        x = self.input_x
        if self.model is None:
            self.input_label.clear()
            return
        if x is None:
            self.input_label.setText(self.tr("No input yet: type token ids or load a file."))
            return
        target = self.tr("the model") if self.start is None else self.start
        if self.input_text == "example":
            if self.model.takes_tokens:
                what = self.tr("a fixed example input {shape} (token ids 1, 2, 3, …)").format(shape=tuple(x.shape))
            else:
                what = self.tr("a fixed example input {shape} (rounded random numbers)").format(shape=tuple(x.shape))
        elif self.input_text == "tokens":
            what = self.tr("your token ids {ids}").format(ids=" ".join(str(int(v)) for v in x[0][:40]))
        else:
            what = self.tr("{file}, shape {shape}").format(file=self.input_text, shape=tuple(x.shape))
        self.input_label.setText(self.tr("Input to {target}: {what}").format(target=target, what=what))

    def _on_for_changed(self, index: int) -> None:
        name = self.for_combo.itemData(index)
        self.start = name or None
        if self.model is not None and self.start is None:
            self.set_input(example_input(self.model), None, "example")
        else:
            self.input_x, self.input_text = None, ""
            self._show_input()

    def set_input(self, x: np.ndarray, start: str | None, text: str) -> bool:
        """Take ``x`` as the input of layer ``start`` (``None``: the model's); a wrong shape is shown, not raised."""
        m = self.model
        if m is None:
            return False
        try:
            if start is not None and x.ndim == 3 and x.shape[-1] == 1 and len(m.rows[m.index(start) - 1].output_shape
                                                                                or ()) == 2:
                x = x[..., 0]
            if start is None and m.takes_tokens and x.ndim == 3 and x.shape[-1] == 1:
                x = x[..., 0]  # a CSV of ids reads as (batch, steps, 1)
            x = m.fit_input(x, start)
        except ModelFileError as exc:
            self.show_message(str(exc))
            return False
        self.input_x, self.start, self.input_text = x, start, text
        index = self.for_combo.findData(start or _MODEL_INPUT)
        self.for_combo.blockSignals(True)
        self.for_combo.setCurrentIndex(max(index, 0))
        self.for_combo.blockSignals(False)
        self.message.clear()
        self._show_input()
        return True

    def use_tokens(self) -> bool:
        m = self.model
        if m is None:
            return False
        steps = m.input_shape[0] if m.input_shape else None
        try:
            ids = token_ids(self.tokens.text(), steps)
        except ModelFileError as exc:
            self.show_message(str(exc))
            return False
        return self.set_input(ids, None, "tokens")

    def load_input(self, path: str | Path) -> bool:
        p = Path(path)
        try:
            x = load_npy(p) if p.suffix.lower() == ".npy" else import_input(p).x
        except InputImportError as exc:
            self.show_message(str(exc))
            return False
        return self.set_input(x, self.start, p.name)

    def load_input_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in IMPORT_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load the input"), "",
                                              self.tr("Numbers ({patterns})").format(patterns=patterns))
        if path:
            self.load_input(path)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def explain_stop(self, run: Propagation, layer: str) -> None:
        """Say which layer cannot be computed, and offer to take the input of the layer after it."""
        m = self.model
        if m is None or run.stopped_at is None:
            return
        after = m.names.index(run.stopped_at) + 1
        nxt = m.names[after] if after < len(m.names) else None
        text = self.tr("Cannot compute the input of {layer}: {reason}").format(layer=layer, reason=run.reason)
        if nxt is not None and m.names.index(layer) >= after:
            text += " " + self.tr("Give the input of {next} directly: choose it under “Input is for” and load a "
                                  "file.").format(next=nxt)
            self.for_combo.setCurrentIndex(max(self.for_combo.findData(nxt), 0))
        self.show_message(text)
