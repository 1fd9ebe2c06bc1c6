"""The layer's class (Conv1D or Conv1DTranspose) and Conv1DTranspose's ``output_padding``, bound to the state.

The other arguments are shared: the layer panel's controls serve both classes (Conv1DTranspose has no
``groups``, and ``output_padding`` only means something for it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from app.io.session import LAYER_KINDS, LIMITS
from app.state.explorer import ExplorerState

__all__ = ["LayerKindBox"]


class LayerKindBox(QWidget):
    """A combo for the layer class and a spin box for ``output_padding`` ("None": Keras infers the length)."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setObjectName("layer_kind")
        self.kind.addItems(list(LAYER_KINDS))  # Keras class names: never translated
        self.kind_label = QLabel()
        form.addRow(self.kind_label, self.kind)
        self.output_padding = QSpinBox()
        self.output_padding.setObjectName("output_padding")
        self.output_padding.setRange(-1, LIMITS["strides"] - 1)
        self.output_padding.setSpecialValueText("None")  # Python's None, as Keras writes the default
        self.output_padding.setKeyboardTracking(False)
        self.padding_label = QLabel("output_padding")
        form.addRow(self.padding_label, self.output_padding)
        self.kind.currentTextChanged.connect(self.state.set_layer_kind)
        self.output_padding.valueChanged.connect(
            lambda v: self.state.set_output_padding(None if v < 0 else int(v))
        )
        state.settingsChanged.connect(self.sync_from_state)
        state.sessionLoaded.connect(self.sync_from_state)
        self.retranslate()
        self.sync_from_state()

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("layer"))
        tip = self.tr("Conv1D slides the kernel over the input. Conv1DTranspose (transposed convolution) "
                      "goes the other way: each input value scatters a scaled copy of the kernel into a "
                      "longer output, and overlapping copies add up. Its matrix is the transpose Cᵀ of a "
                      "Conv1D's matrix C.")
        self.kind.setToolTip(tip)
        self.kind_label.setToolTip(tip)
        tip = self.tr("output_padding: extra steps at the end of a Conv1DTranspose's output, less than "
                      "strides. None lets Keras infer the length.")
        self.output_padding.setToolTip(tip)
        self.padding_label.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sync_from_state(self) -> None:
        transpose = self.state.layer_kind == "Conv1DTranspose"
        with QSignalBlocker(self.kind), QSignalBlocker(self.output_padding):
            self.kind.setCurrentText(self.state.layer_kind)
            op = self.state.output_padding
            self.output_padding.setValue(-1 if op is None else op)
        self.output_padding.setVisible(transpose)
        self.padding_label.setVisible(transpose)
