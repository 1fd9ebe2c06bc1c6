"""The layer panel: every Keras Conv1D argument and the input shape, bound to the state."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n.messages import error_text, last_valid_setting_text, offending_settings
from app.io.session import LIMITS
from app.state.explorer import ExplorerState
from app.views.colors import THEMES, message_style
from app.views.layer_kind import LayerKindBox
from app.views.text_panel import RememberingLabel
from conv_core import DATA_FORMATS, PADDINGS, ConvError
from conv_core.activations import activation_names
from conv_core.spec import keras_call_text

__all__ = ["LayerPanel", "Outline", "keras_one_liner"]

def keras_one_liner(layer: dict[str, Any]) -> str:
    """``Conv1D(filters=3, kernel_size=4, padding='same')``, defaults left out (works when invalid too)."""
    return keras_call_text(layer)


class Outline(QFrame):
    """A frame around a control, drawn over its parent and transparent to the mouse.

    The control keeps its own look (a style sheet on a spin box would replace its arrows and
    its theme colours); the frame follows it when the layout moves or resizes it.
    """

    def __init__(self, target: QWidget) -> None:
        super().__init__(target.parentWidget())
        self.target = target
        self.setObjectName(f"{target.objectName()}_outline")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.color = ""
        target.installEventFilter(self)
        self.hide()

    def set_color(self, color: str) -> None:
        """Outline the control in ``color``; ``""`` removes the outline."""
        if color == self.color:
            return
        self.color = color
        if not color:
            self.hide()
            return
        width = max(2, round(self.font().pointSizeF() / 4.5))  # thicker with classroom mode's larger font
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ border: {width}px solid {color}; border-radius: 3px;"
            " background: transparent; }"
        )
        self._place()
        self.show()
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if obj is self.target and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def _place(self) -> None:
        grow = max(2, round(self.font().pointSizeF() / 4.5))
        self.setGeometry(self.target.geometry().adjusted(-grow, -grow, grow, grow))


def _transpose_call(layer: dict[str, Any], output_padding: int | None) -> str:
    """``Conv1DTranspose(filters=3, kernel_size=3, strides=2)``: the shared arguments, groups left out."""
    text = keras_call_text({k: v for k, v in layer.items() if k != "groups"}).replace("Conv1D(", "Conv1DTranspose(", 1)
    if output_padding is not None:
        text = text[:-1] + f", output_padding={output_padding})"
    return text


class LayerPanel(QWidget):
    """Spin boxes and combos named as Keras names them; two-way bound to :class:`ExplorerState`."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        self.layer_box = QGroupBox()
        form = QFormLayout(self.layer_box)
        self.kind_box = LayerKindBox(state)  # Conv1D or Conv1DTranspose (+ output_padding)
        form.addRow(self.kind_box)
        self.filters = self._spin(0, LIMITS["filters"])
        self.kernel_size = self._spin(0, LIMITS["kernel_size"])
        self.strides = self._spin(0, LIMITS["strides"])
        self.padding = QComboBox()
        self.padding.addItems(list(PADDINGS))
        self.dilation_rate = self._spin(0, LIMITS["dilation_rate"])
        self.groups = self._spin(0, LIMITS["channels"])
        self.use_bias = QCheckBox()
        self.activation = QComboBox()
        self.activation.addItems(list(activation_names()))
        self.data_format = QComboBox()
        self.data_format.addItems(list(DATA_FORMATS))
        self.arg_widgets: dict[str, QWidget] = {
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "dilation_rate": self.dilation_rate,
            "groups": self.groups,
            "use_bias": self.use_bias,
            "activation": self.activation,
            "data_format": self.data_format,
        }
        # Each field's label (the Keras name, never translated) and widget share one tooltip.
        self.labels: dict[str, QLabel] = {}
        for name, widget in self.arg_widgets.items():
            widget.setObjectName(name)
            self.labels[name] = label = QLabel(name)
            form.addRow(label, widget)
        layout.addWidget(self.layer_box)

        self.input_box = QGroupBox()
        iform = QFormLayout(self.input_box)
        self.batch = self._spin(1, LIMITS["batch"])
        self.steps = self._spin(1, LIMITS["steps"])
        self.channels = self._spin(1, LIMITS["channels"])
        self.sample = self._spin(0, LIMITS["batch"] - 1)
        self.shape_widgets: dict[str, QWidget] = {
            "batch": self.batch, "steps": self.steps, "channels": self.channels, "sample": self.sample,
        }
        for name, widget in self.shape_widgets.items():
            widget.setObjectName(name)
            self.labels[name] = label = QLabel(name)
            iform.addRow(label, widget)
        layout.addWidget(self.input_box)

        self.code_label = RememberingLabel()
        self.code_label.setObjectName("keras_code")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.code_label.setFont(mono)
        self.code_label.setWordWrap(True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code_label)

        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self._error_plain = ""

        # widget -> state
        for name in ("filters", "kernel_size", "strides", "dilation_rate", "groups"):
            w = self.arg_widgets[name]
            assert isinstance(w, QSpinBox)
            w.valueChanged.connect(lambda v, n=name: self.state.set_layer_arg(n, int(v)))
        self.padding.currentTextChanged.connect(lambda v: self.state.set_layer_arg("padding", v))
        self.activation.currentTextChanged.connect(lambda v: self.state.set_layer_arg("activation", v))
        self.data_format.currentTextChanged.connect(lambda v: self.state.set_layer_arg("data_format", v))
        self.use_bias.toggled.connect(lambda v: self.state.set_layer_arg("use_bias", bool(v)))
        for w in (self.batch, self.steps, self.channels):
            w.valueChanged.connect(self._on_input_shape_changed)
        self.sample.valueChanged.connect(lambda v: self.state.set_view(sample=int(v)))
        # state -> widget
        state.settingsChanged.connect(self.sync_from_state)
        state.viewChanged.connect(self.sync_from_state)
        state.errorChanged.connect(self._on_error_changed)
        state.viewChanged.connect(self._mark_offending)  # the theme's error colour
        state.viewChanged.connect(self._style_error_box)
        self._style_error_box()
        self.marked: list[str] = []  # the settings outlined as the cause of the error
        self.outlines = {name: Outline(w) for name, w in {**self.arg_widgets, **self.shape_widgets}.items()}
        self.sync_from_state()
        self.retranslate()

    def retranslate(self) -> None:
        """Set every fixed text in the current language (at start and on ``LanguageChange``)."""
        self.layer_box.setTitle(
            self.tr("Conv1DTranspose layer") if self.state.layer_kind == "Conv1DTranspose" else self.tr("Conv1D layer")
        )
        self.input_box.setTitle(self.tr("Input shape (batch, steps, channels)"))
        self.labels["sample"].setText(self.tr("show sample"))
        tips = self._tooltips()
        for name, widget in (*self.arg_widgets.items(), *self.shape_widgets.items()):
            widget.setToolTip(tips[name])
            self.labels[name].setToolTip(tips[name])
        self.code_label.setToolTip(self.tr("The layer as Keras code; select to copy."))
        self._on_error_changed(self.state.error)

    def _spin(self, lo: int, hi: int) -> QSpinBox:
        s = QSpinBox()
        s.setRange(lo, hi)
        s.setKeyboardTracking(False)
        s.setAccelerated(True)
        return s

    def _tooltips(self) -> dict[str, str]:
        return {
            "filters": self.tr("filters: Integer, the dimensionality of the output space (the number of filters "
                               "in the convolution). Each filter makes one output channel: a row in the diagram "
                               "(a column in Keras's printout)."),
            "kernel_size": self.tr("kernel_size: the length of the 1D convolution window (how many steps each "
                                   "filter looks at)."),
            "strides": self.tr("strides: the stride length of the convolution (how far the window moves). "
                               "strides > 1 is incompatible with dilation_rate > 1."),
            "padding": self.tr("padding: 'valid' means no padding. 'same' pads evenly left/right so the output "
                               "has ceil(steps/strides) steps (an odd extra zero goes on the right). 'causal' "
                               "pads only on the left, so output[t] never sees input[t+1:]."),
            "dilation_rate": self.tr("dilation_rate: the dilation rate for dilated convolution: the window takes "
                                     "every d-th step."),
            "groups": self.tr("groups: how many groups the input is split into along the channel axis. Each "
                              "group is convolved separately with filters / groups filters; the outputs are "
                              "concatenated. channels and filters must both be divisible by groups."),
            "use_bias": self.tr("use_bias: whether the layer adds a bias vector (one number per filter)."),
            "activation": self.tr("activation: the activation function applied after conv + bias. 'linear' "
                                  "means no activation."),
            "data_format": self.tr("data_format: 'channels_last' takes inputs shaped (batch, steps, channels); "
                                   "'channels_first' takes (batch, channels, steps)."),
            "batch": self.tr("How many sequences (samples) go through the layer at once."),
            "steps": self.tr("Length of each sequence: words in a sentence, time points in a series."),
            "channels": self.tr("Numbers per step: embedding dimensions, sensor readings. "
                                "Every filter spans all of them."),
            "sample": self.tr("Which sample of the batch the diagram shows."),
        }

    # ----------------------------------------------------------------- binding
    def _on_input_shape_changed(self) -> None:
        self.state.set_input_shape(self.batch.value(), self.steps.value(), self.channels.value())
        if self.state.input_shape != (self.batch.value(), self.steps.value(), self.channels.value()):
            self.sync_from_state()  # refused (over the app's limits): show the shape that stays

    def sync_from_state(self) -> None:
        """Push the state's values into the widgets without echoing them back."""
        layer = self.state.layer
        blockers = [QSignalBlocker(w) for w in (*self.arg_widgets.values(), self.batch, self.steps,
                                                self.channels, self.sample)]
        for name in ("filters", "kernel_size", "strides", "dilation_rate", "groups"):
            w = self.arg_widgets[name]
            assert isinstance(w, QSpinBox)
            value = layer.get(name)
            if isinstance(value, int):
                _set_value(w, value)
        for name in ("padding", "activation", "data_format"):
            w = self.arg_widgets[name]
            assert isinstance(w, QComboBox)
            if w.currentText() != str(layer.get(name)):
                w.setCurrentText(str(layer.get(name)))
        if self.use_bias.isChecked() != bool(layer.get("use_bias", True)):
            self.use_bias.setChecked(bool(layer.get("use_bias", True)))
        b, s, c = self.state.input_shape
        _set_value(self.batch, b)
        _set_value(self.steps, s)
        _set_value(self.channels, c)
        if self.sample.maximum() != max(b - 1, 0):
            self.sample.setMaximum(max(b - 1, 0))
        _set_value(self.sample, self.state.view.sample)
        del blockers
        shape = (b, s, c) if layer.get("data_format") != "channels_first" else (b, c, s)
        call = keras_one_liner(layer)
        transpose = self.state.layer_kind == "Conv1DTranspose"
        if transpose:  # Conv1DTranspose: no groups; output_padding when given
            call = _transpose_call(layer, self.state.output_padding)
        self.labels["groups"].setVisible(not transpose)
        self.groups.setVisible(not transpose)
        self.layer_box.setTitle(self.tr("Conv1DTranspose layer") if transpose else self.tr("Conv1D layer"))
        self.code_label.setText(f"{call}\n# input {shape}")

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._style_error_box()
        super().changeEvent(event)

    def _style_error_box(self) -> None:
        """The error box in the theme's colours, its text as large as the panel's (classroom mode
        enlarges the window's font; a style sheet would otherwise keep the box at the old size)."""
        size = f" font-size: {self.font().pointSizeF():.1f}pt;"
        css = message_style("QLabel#error", THEMES[self.state.view.theme], size)
        if self.error_label.styleSheet() != css:  # re-styling re-polishes: only when it changes
            self.error_label.setStyleSheet(css)

    def error_message(self) -> str:
        """The inline error as plain text (Keras's message, then the fix), '' when valid."""
        return self._error_plain

    def _on_error_changed(self, error: ConvError | None) -> None:
        self._error_plain = "" if error is None else "\n".join(error_text(error))
        self._mark_offending()
        if error is None:
            self.error_label.hide()
            self.error_label.clear()
            return
        keras, hint = error_text(error)
        stale = last_valid_setting_text(self.state)
        self.error_label.setText(
            "<b>" + html.escape(self.tr("Keras would stop here:")) + "</b><br><tt>" + html.escape(keras)
            + "</tt><br><br><b>" + html.escape(self.tr("Fix:")) + "</b> " + html.escape(hint)
            + ("<br><i>" + html.escape(stale) + "</i>" if stale else "")
        )
        self.error_label.show()

    def _mark_offending(self) -> None:
        """Outline the control(s) that make the setting invalid in the theme's error colour."""
        marked = offending_settings(self.state)
        error = THEMES[self.state.view.theme].error
        for name, outline in self.outlines.items():
            on = name in marked
            outline.set_color(error if on else "")
            label_css = f"color: {error}; font-weight: bold;" if on else ""
            if self.labels[name].styleSheet() != label_css:
                self.labels[name].setStyleSheet(label_css)
        self.marked = marked


def _set_value(box: QSpinBox, value: int) -> None:
    """Set a spin box's value only when it differs: setting the same one still repaints the box (every
    argument change synchronises all nine)."""
    if box.value() != value:
        box.setValue(value)
