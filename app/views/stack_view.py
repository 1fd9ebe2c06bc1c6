"""Layer stacks: paste a Keras model, follow the shapes through it, light up each output's receptive field.

A window (Model > Layer stack…, Ctrl+L) with four parts:

* the pasted code (``app.io.keras_code``: read with ``ast``, never run), an
  Examples combo with the material's models, the input shape, and the
  parser's remarks by line (click one to jump to the line);
* the layers, editable: add, remove, reorder (buttons or drag), and a small
  form with each layer's Keras arguments;
* the drawing: the model's graph (:mod:`app.views.graph_layout`: a chain is one
  column, branches sit side by side, lines join each layer to the layers it
  reads); each node is the output matrix of the numbers conv_core computes
  (steps left to right, channels down), a row of step cells without numbers,
  or a framed text (a shape-only layer, or Keras's message and the fix); in
  each column every node is placed over the stack input so the receptive
  fields line up;
* ``model.summary()`` with receptive field and jump columns (and Keras's
  "Connected to" for a graph).

Click an output step (or play the position slider): its cone lights up in
every node back to the inputs, through every branch, exactly
(:meth:`conv_core.stack.StackSummary.cone`, holes under dilation included);
input steps no output of that layer reads are greyed.  The model is
:class:`StackState` (no widget reaches into another); the pure parts live in
:mod:`conv_core.stack` and :mod:`app.io.keras_code`.  Remarks and notes are
shown in the UI language (:func:`remark_text`, :func:`note_text`).
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QRunnable,
    QSignalBlocker,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainterPath, QTextCursor, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import languages
from app.i18n.messages import error_hint
from app.io.keras_code import Diagnostic, ParseResult, Unknown, parse_keras
from app.state.explorer import ExplorerState
from app.views.cell_grid import CellGrid
from app.views.cell_texts import CellTexts
from app.views.colors import THEMES, Theme, cell_pen, diverging_map, message_style
from app.views.diagram import setup_cell_plot
from app.views.graph_layout import GraphLayout, layered_layout
from app.views.stack_summary import SUMMARY_COLUMNS, SummaryModel, SummaryRow
from conv_core import PADDINGS, POOL_PADDINGS, ConvError
from conv_core import stack as st
from conv_core.stack.notes import Note

__all__ = ["EXAMPLES", "LAYER_FORMS", "StackCanvas", "StackState", "StackWindow"]

translate = QCoreApplication.translate

# --- the material's models ------------------------------------------------------------------------

#: name -> (Keras code as learners paste it, a length for ``None`` steps).  Titles: :func:`example_title`.
EXAMPLES: dict[str, tuple[str, int]] = {
    "embedding_dropout_conv": (
        "from keras.models import Sequential\n"
        "from keras.layers import Embedding, Dropout, Conv1D\n"
        "max_features = 5000\n"
        "model = Sequential()\n"
        "# 50 words, each a 300-dimensional word vector\n"
        "model.add(Embedding(max_features, 300, input_length=50))\n"
        "model.add(Dropout(0.2))\n"
        "model.add(Conv1D(filters=100, kernel_size=4, padding='same', activation='relu'))\n",
        50,
    ),
    "imdb_cnn": (
        "from keras.models import Sequential\n"
        "from keras import layers\n"
        "max_features = 10000\n"
        "max_len = 500\n"
        "model = Sequential()\n"
        "model.add(layers.Embedding(max_features, 128, input_length=max_len))\n"
        "model.add(layers.Conv1D(32, 7, activation='relu'))\n"
        "model.add(layers.MaxPooling1D(5))\n"
        "model.add(layers.Conv1D(32, 7, activation='relu'))\n"
        "model.add(layers.GlobalMaxPooling1D())\n"
        "model.add(layers.Dense(1))\n"
        "model.summary()\n",
        500,
    ),
    "conv_gru": (
        "from keras.models import Sequential\n"
        "from keras import layers\n"
        "model = Sequential()\n"
        "model.add(layers.Conv1D(32, 5, activation='relu', input_shape=(None, 14)))\n"
        "model.add(layers.MaxPooling1D(3))\n"
        "model.add(layers.Conv1D(32, 5, activation='relu'))\n"
        "model.add(layers.GRU(32, dropout=0.1, recurrent_dropout=0.5))\n"
        "model.add(layers.Dense(1))\n",
        240,
    ),
    "wavenet": (
        "import keras\n"
        "from keras import layers\n"
        "inputs = keras.Input(shape=(64, 1))\n"
        "x = inputs\n"
        "for rate in (1, 2, 4, 8):\n"
        "    x = layers.Conv1D(16, 2, padding='causal', dilation_rate=rate, activation='relu')(x)\n"
        "outputs = layers.Conv1D(1, 1)(x)\n"
        "model = keras.Model(inputs, outputs)\n",
        64,
    ),
}


def example_title(name: str) -> str:
    titles = {
        "embedding_dropout_conv": translate(
            "stack_view", "Embedding → Dropout → Conv1D on 50 words × 300 dims"),
        "imdb_cnn": translate(
            "stack_view", "IMDB: Embedding → Conv1D → MaxPooling1D → Conv1D → GlobalMaxPooling1D → Dense"),
        "conv_gru": translate(
            "stack_view", "Conv1D → MaxPooling1D → Conv1D → GRU on (None, 14)"),
        "wavenet": translate(
            "stack_view", "WaveNet: causal Conv1D, dilation 1, 2, 4, 8 (receptive field 16)"),
    }
    return titles[name]


# --- the layer forms --------------------------------------------------------------------------------

#: The common Keras activations offered in the forms (a subset of conv_core's KERAS_ACTIVATIONS).
_ACTIVATIONS = ("linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu", "gelu", "swish", "softplus")
_POOL = (("pool_size", "int"), ("strides", "optint"), ("padding", POOL_PADDINGS))
_RNN = (("units", "int"), ("return_sequences", "bool"))

#: Keras class -> the arguments its form edits: (Keras name, kind); kind is 'int', 'optint' (None at 0),
#: 'float', 'bool', or a tuple of choices.
LAYER_FORMS: dict[str, tuple[tuple[str, Any], ...]] = {
    "Conv1D": (("filters", "int"), ("kernel_size", "int"), ("strides", "int"),
               ("padding", PADDINGS), ("dilation_rate", "int"), ("groups", "int"),
               ("activation", _ACTIVATIONS), ("use_bias", "bool")),
    "MaxPooling1D": _POOL,
    "AveragePooling1D": _POOL,
    "GlobalMaxPooling1D": (("keepdims", "bool"),),
    "GlobalAveragePooling1D": (("keepdims", "bool"),),
    "Embedding": (("input_dim", "optint"), ("output_dim", "int")),
    "Dropout": (("rate", "float"),),
    "SpatialDropout1D": (("rate", "float"),),
    "Activation": (("activation", _ACTIVATIONS),),
    "ZeroPadding1D": (("padding", "int"),),
    "Flatten": (),
    "Dense": (("units", "int"), ("activation", _ACTIVATIONS), ("use_bias", "bool")),
    "SimpleRNN": _RNN,
    "LSTM": _RNN,
    "GRU": _RNN,
    "BatchNormalization": (),
}

# What "Add layer" inserts.
_NEW_LAYERS: dict[str, st.Layer] = {
    "Conv1D": st.Conv1D(filters=8, kernel_size=3),
    "MaxPooling1D": st.MaxPooling1D(pool_size=2),
    "AveragePooling1D": st.AveragePooling1D(pool_size=2),
    "GlobalMaxPooling1D": st.GlobalMaxPooling1D(),
    "GlobalAveragePooling1D": st.GlobalAveragePooling1D(),
    "ZeroPadding1D": st.ZeroPadding1D(padding=1),
    "Dropout": st.Dropout(rate=0.2),
    "Activation": st.Activation(activation="relu"),
    "Flatten": st.Flatten(),
    "Dense": st.Dense(units=1),
    "GRU": st.GRU(units=16),
    "LSTM": st.LSTM(units=16),
    "SimpleRNN": st.SimpleRNN(units=16),
    "Embedding": st.Embedding(input_dim=1000, output_dim=16),
}

MAX_TEXT_CELLS = 400  # numbers in a row's cells only below this many cells
_INPUT = "input"


def _single_int(value: Any) -> Any:
    """``(3,)`` as Keras accepts it -> 3 (what a spin box can show)."""
    if isinstance(value, (tuple, list)) and len(value) == 1:
        return value[0]
    return value


# --- the model ------------------------------------------------------------------------------------

class StackState(QObject):
    """The stack being explored: layers, input shape, computed outputs and the chosen output step.

    ``summary`` follows the declared shape (``None`` steps stay ``None``, as in
    ``model.summary()``); ``drawn`` uses ``none_length`` for ``None`` steps, and
    is what the drawing, the numbers and the cones come from.
    """

    changed = Signal()  # layers or input shape: the table and the drawing rebuild
    selectionChanged = Signal()  # the chosen output step moved: only highlights update

    def __init__(self, explorer: ExplorerState | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.explorer = explorer
        self.use_main_input = True
        self.seed = 0
        self.none_length = 64
        self._stack = st.Stack((), (16, 1))
        self.summary: st.StackSummary = st.summarize(self._stack)
        self.drawn: st.StackSummary = self.summary
        self.outputs: dict[str, np.ndarray] = {}
        self.x: np.ndarray | None = None
        self.x_source = "random"
        self.run_error: ConvError | None = None
        self.selection: tuple[str, int] | None = None
        self._places: tuple[st.StepPlace | None, ...] = ()
        self._maps_ok: set[str] = set()
        self._map_steps: dict[str, int] = {}
        self._names: tuple[str, ...] = ()
        self._cones: dict[tuple[str, int | None], st.Cone | None] = {}
        self._given: tuple[np.ndarray, dict[str, np.ndarray]] | None = None
        self.recompute()

    # ------------------------------------------------------------------ reading
    @property
    def stack(self) -> st.Stack:
        return self._stack

    @property
    def layers(self) -> tuple[st.Layer, ...]:
        return self._stack.layers

    @property
    def names(self) -> tuple[str, ...]:
        return self._names

    @property
    def is_graph(self) -> bool:
        """A functional model with branches, merges or several inputs: its wiring is edited in the code."""
        return self._stack.is_graph

    def row(self, name: str) -> st.LayerRow:
        return self.drawn.row(name)

    def place(self, name: str) -> st.StepPlace | None:
        """Where ``name``'s output steps sit over the input (``'input'`` for the input itself)."""
        if name == _INPUT:
            shape = self.drawn.input_shape
            steps = self._input_steps()
            return None if shape is None or steps is None else st.StepPlace(1, 1, 0, steps)
        for r, p in zip(self.drawn.rows, self._places, strict=False):
            if r.name == name:
                return p
        return None

    def values(self, name: str) -> np.ndarray | None:
        """``(steps, channels)`` numbers of a row (channels-last; a 2-D output is one step)."""
        if name == _INPUT or name == self._first_input():
            x = self.x
            if x is None:
                return None
            return self._channels_last(np.asarray(x)[0], self._first_format())
        y = self.outputs.get(name)
        if y is None:
            return None
        row = self.drawn.row(name)
        fmt = getattr(row.layer, "data_format", None)
        return self._channels_last(np.asarray(y)[0], fmt)

    def embedded_input(self) -> bool:
        """The stack starts with an Embedding: the input row shows the looked-up word vectors."""
        return isinstance(self._first_layer()[1], st.Embedding) and self.x is not None

    def embedding_row(self, name: str) -> bool:
        """The first-layer Embedding, whose output is drawn as the input row."""
        return self.embedded_input() and self._first_layer()[0] == name

    def _first_layer(self) -> tuple[str, st.Layer | None]:
        """The first layer that is not an input (a graph lists its inputs as layers), with its name."""
        for name, layer in zip(self.names, self.layers, strict=True):
            if not isinstance(layer, st.InputLayer):
                return name, layer
        return "", None

    def _first_input(self) -> str | None:
        """A graph's first input row: the one the input values and the receptive fields refer to."""
        if not self.is_graph:
            return None
        return next((n for n, layer in zip(self.names, self.layers, strict=True)
                     if isinstance(layer, st.InputLayer)), None)

    def steps_of(self, name: str) -> int | None:
        """Output steps of a row that has a step axis mapped to the input (or, in a graph, to one of its
        inputs), else None."""
        p = self.place(name)
        return self._map_steps.get(name) if p is None else p.steps

    def selectable(self) -> list[str]:
        """Rows whose output steps can be chosen (they map to the input and the cone is known)."""
        return [n for n in self.names if n in self._maps_ok]

    def cone(self) -> st.Cone | None:
        """The cone of the chosen output step (through every branch of a graph)."""
        if self.selection is None:
            return None
        return self._cone_of(*self.selection)

    def reach(self) -> st.Cone | None:
        """What every output of the chosen layer reads together (the rest is greyed)."""
        if self.selection is None:
            return None
        return self._cone_of(self.selection[0], None)

    def _cone_of(self, name: str, step: int | None) -> st.Cone | None:
        """Cones are worked out once per selection (the canvas and the window both ask)."""
        key = (name, step)
        if key not in self._cones:
            if len(self._cones) > 64:
                self._cones.clear()
            self._cones[key] = self.drawn.cone(name, step)
        return self._cones[key]

    # ------------------------------------------------------------------ setters
    def set_stack(self, stack: st.Stack, none_length: int | None = None) -> None:
        self._stack = stack
        self._given = None
        if none_length is not None:
            self.none_length = max(int(none_length), 1)
        self.recompute()

    def set_values(self, x: np.ndarray, outputs: dict[str, np.ndarray]) -> None:
        """Numbers given from outside (a saved model's weights on a real input) until the stack changes."""
        self._given = (x, dict(outputs))
        self.recompute()

    def set_layers(self, layers: tuple[st.Layer, ...]) -> None:
        s = self._stack
        if s.is_graph:  # the same layers, edited in place: the wiring stays
            self.set_stack(dataclasses.replace(s, layers=tuple(layers)))
        else:
            self.set_stack(st.Stack(tuple(layers), s.input_shape, s.name, s.functional, s.batch_size))

    def set_layer(self, index: int, layer: st.Layer) -> None:
        layers = list(self.layers)
        layers[index] = layer
        self.set_layers(tuple(layers))

    def set_layer_arg(self, index: int, name: str, value: Any) -> None:
        self.set_layer(index, dataclasses.replace(self.layers[index], **{name: value}))

    def insert_layer(self, index: int, layer: st.Layer) -> None:
        if self.is_graph:
            return  # where a new layer reads from is said in the code
        layers = list(self.layers)
        layers.insert(max(0, min(index, len(layers))), layer)
        self.set_layers(tuple(layers))

    def remove_layer(self, index: int) -> None:
        layers = list(self.layers)
        if 0 <= index < len(layers) and not self.is_graph:
            del layers[index]
            self.set_layers(tuple(layers))

    def move_layer(self, index: int, to: int) -> None:
        layers = list(self.layers)
        if not (0 <= index < len(layers) and 0 <= to < len(layers)) or index == to or self.is_graph:
            return
        layers.insert(to, layers.pop(index))
        self.set_layers(tuple(layers))

    def set_input_shape(self, shape: tuple[int | None, ...] | None) -> None:
        s = self._stack
        layers = s.layers
        if s.is_graph:  # the fields edit the first input
            first = next((k for k, layer in enumerate(layers) if isinstance(layer, st.InputLayer)), None)
            if first is not None:
                given = layers[first]
                assert isinstance(given, st.InputLayer)
                layers = (*layers[:first], dataclasses.replace(given, shape=shape), *layers[first + 1:])
        self.set_stack(dataclasses.replace(s, layers=layers, input_shape=shape))

    def set_none_length(self, length: int) -> None:
        self.none_length = max(int(length), 1)
        self.recompute()

    def set_use_main_input(self, on: bool) -> None:
        self.use_main_input = bool(on)
        self.recompute()

    def select(self, name: str, step: int) -> bool:
        """Choose output ``step`` of layer ``name`` (a click does this); False when it has no such step."""
        n = self.steps_of(name)
        if name not in self._maps_ok or n is None or not 0 <= step < n:
            return False
        if self.selection != (name, step):
            self.selection = (name, int(step))
            self.selectionChanged.emit()
        return True

    def clear_selection(self) -> None:
        if self.selection is not None:
            self.selection = None
            self.selectionChanged.emit()

    # ------------------------------------------------------------------ computing
    def _first_format(self) -> Any:
        return getattr(self._first_layer()[1], "data_format", None)

    @staticmethod
    def _channels_last(a: np.ndarray, fmt: Any) -> np.ndarray:
        if a.ndim == 1:
            return a[None, :]
        if a.ndim == 2 and fmt == "channels_first":
            return a.T
        if a.ndim > 2:
            return a.reshape(a.shape[0], -1)
        return a

    def _input_steps(self) -> int | None:
        shape = self.drawn.input_shape
        if shape is None or len(shape) < 2:
            return None
        steps = shape[2] if self._first_format() == "channels_first" and len(shape) == 3 else shape[1]
        return steps if isinstance(steps, int) else None

    def _main_input(self, concrete: st.Stack) -> np.ndarray | None:
        """The main window's x (its current sample) when it fits the stack's input."""
        if self.explorer is None or not self.use_main_input or concrete.input_shape is None:
            return None
        if isinstance(self._first_layer()[1], st.Embedding):
            return None
        if self._first_format() == "channels_first":
            return None
        x = self.explorer.x
        if tuple(x.shape[1:]) != tuple(concrete.input_shape):
            return None
        n = min(self.explorer.view.sample, x.shape[0] - 1)
        return np.array(x[n : n + 1], dtype=float)

    def recompute(self) -> None:
        stack = self._stack
        self._names = stack.layer_names()
        self.summary = st.summarize(stack)
        concrete = st.with_steps(stack, self.none_length)
        self.drawn = st.summarize(concrete)
        self._places = self.drawn.step_places()
        maps = self.drawn.step_maps()
        self._maps_ok = {r.name for r, m in zip(self.drawn.rows, maps, strict=True) if m is not None}
        self._map_steps = {r.name: int(m.shape[0]) for r, m in zip(self.drawn.rows, maps, strict=True)
                           if m is not None}
        self._cones = {}
        self.outputs = {}
        self.run_error = None
        main = self._main_input(concrete)
        if main is not None:
            self.x, self.x_source = main, "main"
        else:
            self.x, self.x_source = st.example_input(concrete, self.seed), "random"
        # Compute the layers that built (the ones before the first error), up to the first shape-only one.
        built = 0
        for r in self.drawn.rows:
            if r.layer is None:
                continue
            if r.error is not None or r.output_shape is None:
                break
            built += 1
        if self.x is not None and built:
            prefix = _prefix(concrete, built)
            try:
                run = st.run_stack(prefix, self.x, st.default_weights(prefix, seed=self.seed))
                self.outputs = dict(zip(run.names, run.outputs, strict=True))
            except (ConvError, ValueError) as exc:  # numbers are a bonus: the shapes stay
                self.run_error = exc if isinstance(exc, ConvError) else None
        if self._given is not None:
            (self.x, self.outputs), self.x_source = self._given, "given"
        if self.selection is not None:
            name, t = self.selection
            n = self.steps_of(name)
            if name not in self._maps_ok or n is None or t >= n:
                self.selection = None
        self.changed.emit()
        self.selectionChanged.emit()


def _filled(context: str, template: str, values: dict[str, Any], english: str) -> str:
    """``template`` in the UI language, filled with ``values``; the English text if the two do not fit."""
    try:
        return translate(context, template).format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return english


def remark_text(d: Diagnostic) -> str:
    """A remark of the code reader in the UI language (its template is in the catalogue, context
    ``keras_code``; ``scripts/update_translations.py`` collects the templates)."""
    return _filled("keras_code", d.template, dict(d.values), d.message) if d.template else d.message


def note_text(note: str) -> str:
    """A note on a summary row in the UI language (``conv_core.stack.notes``: context ``stack``)."""
    if isinstance(note, Note):
        return _filled("stack", note.template, note.values, str(note))
    return note


def _prefix(stack: st.Stack, n: int) -> st.Stack:
    """The first ``n`` layers of ``stack`` (a graph keeps their names and wiring)."""
    if not stack.is_graph:
        return st.Stack(stack.layers[:n], stack.input_shape, stack.name, stack.functional, stack.batch_size)
    assert stack.inbound is not None
    names = stack.layer_names()
    return dataclasses.replace(stack, layers=stack.layers[:n], names=names[:n], inbound=stack.inbound[:n],
                               outputs=())


# --- the drawing ------------------------------------------------------------------------------------

_TITLE_GAP = 4.0  # pixels between a node's title and its cells
_STRIP_PX = 6.0  # the marker strip over the cells of the cone
_STEPS_PX = 18.0  # a row of step cells for a layer drawn without numbers
_RANK_GAP_PX = 26.0  # between two ranks: room for the edges
_COLUMN_GAP = 0.12  # between two branches, as a fraction of a column
_MIN_COLUMN_PX = 220.0  # narrower than this, branches scroll sideways


class _NodeGroup(pg.ItemGroup):  # type: ignore[misc]  # pyqtgraph has no type hints
    """The items of one node in its own coordinates: x in input steps, y in channels (a cell is 1 x 1).

    :class:`CellGrid` adds its items here as it would to a plot; the group's
    transform puts them where the layout placed the node.
    """

    def addItem(self, item: Any, ignoreBounds: bool = False) -> None:  # pyqtgraph's name
        item.setParentItem(self)


class _Row:
    """One node of the drawing (a layer, or the input): its cells with their overlays, or a labelled box."""

    def __init__(self, name: str, group: _NodeGroup) -> None:
        self.name = name
        self.group = group
        self.image: pg.ImageItem | None = None
        self.overlay: pg.ImageItem | None = None
        self.current: QGraphicsRectItem | None = None
        self.texts: CellTexts | None = None
        self.marker: pg.ImageItem | None = None
        self.title: pg.TextItem | None = None
        self.label: pg.TextItem | None = None
        self.frame: QGraphicsRectItem | None = None
        self.place: st.StepPlace | None = None
        self.steps = 0
        self.channels = 0
        self.box_text = ""
        self.lit = np.zeros(0, dtype=bool)
        self.greyed = np.zeros(0, dtype=bool)
        self.rect = QRectF()  # the cells, in the node's own coordinates
        self.strip_rect = QRectF()
        self.box = QRectF()  # the whole node (title included), in view coordinates
        self.cells = QRectF()  # the cells, in view coordinates
        self.offset = 0.0  # view x of input step 0 in this node's column
        self.cell_h = 1.0  # view units (pixels) per channel
        self.title_h = 0.0  # pixels above the cells: the title and the marker strip
        self.grid_h = 0.0  # pixels of the cells (or of the framed text)


class StackCanvas(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph has no type hints
    """Every layer's output laid out as the model's graph, with the cone of the chosen output step.

    One plot holds every node: a chain is one column, branches sit side by
    side (:func:`app.views.graph_layout.layered_layout`), and lines join each
    layer to the layers it reads.  Inside a column every node is placed over
    the stack input (x in input steps), so receptive fields line up.  Nodes
    are rebuilt when the stack changes; a new selection only refills the
    overlay images and moves one outline per node.
    """

    ALIGNMENTS = ("center", "end", "own")
    _ready = False  # pyqtgraph sends a resize event from inside __init__

    def __init__(
        self, model: StackState, explorer: ExplorerState | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.explorer = explorer
        self.alignment = "center"
        self.rows: dict[str, _Row] = {}
        self._items: list[Any] = []  # what rebuild() added to the plot
        self.edges: list[tuple[str, str]] = []  # (read, reader) pairs
        self.edge_lines: list[tuple[str, str, tuple[QPointF, ...]]] = []  # as drawn, in view coordinates
        self.layout_result: GraphLayout | None = None
        self.theme: Theme = THEMES[explorer.view.theme if explorer is not None else "light"]
        self._cmap = diverging_map(self.theme.colormap)
        self._column_px = 0.0
        self.ci.setContentsMargins(0, 0, 0, 0)
        self.plot = setup_cell_plot(self.ci.addPlot(row=0, col=0))
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.getViewBox().disableAutoRange()
        self.edge_item = QGraphicsPathItem()
        self.plot.addItem(self.edge_item)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(120)
        self._relayout.timeout.connect(self._on_resized)
        self.setBackground(self.theme.background)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        model.changed.connect(self.rebuild)
        model.selectionChanged.connect(self.refresh_selection)
        self._ready = True
        self.rebuild()

    # ------------------------------------------------------------------ geometry
    def cell_x(self, row: _Row, t: float) -> tuple[float, float]:
        """(centre, width) of output ``t`` of ``row`` along the input steps (the node's own x)."""
        p = row.place
        if p is None or self.alignment == "own" or row.name == _INPUT:
            return float(t), 1.0
        if self.alignment == "end":
            return p.end(t) - (p.jump - 1) / 2, float(p.jump)
        return p.center(t), float(p.jump)

    def step_at(self, row: _Row, x: float) -> int | None:
        """The output step under the node's own x, or None."""
        if row.steps <= 0:
            return None
        x0, w = self.cell_x(row, 0)
        t = int(np.floor((x - (x0 - w / 2)) / w))
        return t if 0 <= t < row.steps else None

    def widget_pos_of(self, name: str, step: int) -> QPoint:
        """Where output ``step`` of ``name`` is on screen, in viewport coordinates (for a real click)."""
        row = self.rows[name]
        cx, _ = self.cell_x(row, step)
        vb = self.plot.getViewBox()
        scene = vb.mapViewToScene(QPointF(row.offset + cx, row.cells.center().y()))
        point: QPoint = self.mapFromScene(scene)
        return point

    def node_rect(self, name: str) -> QRectF:
        """The node's box (title and cells) in view coordinates: x in input steps, y in pixels."""
        return QRectF(self.rows[name].box)

    # ------------------------------------------------------------------ public reading (tests, export)
    def lit(self, name: str) -> np.ndarray:
        """Steps of row ``name`` drawn lit (in the cone of the chosen output)."""
        return self.rows[name].lit.copy()

    def greyed(self, name: str) -> np.ndarray:
        """Steps of row ``name`` drawn grey (no output of the chosen layer reads them)."""
        return self.rows[name].greyed.copy()

    def overlay_alpha(self, name: str) -> np.ndarray:
        """The alpha the overlay image really draws per step (0: untouched)."""
        row = self.rows[name]
        if row.overlay is None or row.overlay.image is None:
            return np.zeros(0)
        return np.asarray(row.overlay.image)[0, :, 3].copy()

    def kind(self, name: str) -> str:
        """'heatmap' (numbers), 'steps' (step cells without numbers), 'box' or 'error'."""
        row = self.rows[name]
        if row.image is not None:
            return "heatmap" if row.texts is not None or row.box_text == "" else "steps"
        return "error" if row.box_text.startswith("!") else "box"

    def box_text(self, name: str) -> str:
        return self.rows[name].box_text.lstrip("!")

    def title_text(self, name: str) -> str:
        row = self.rows[name]
        return "" if row.title is None else str(row.title.textItem.toPlainText())

    # ------------------------------------------------------------------ building
    def set_alignment(self, alignment: str) -> None:
        if alignment in self.ALIGNMENTS and alignment != self.alignment:
            self.alignment = alignment
            self.rebuild()

    def set_theme(self, name: str) -> None:
        theme = THEMES.get(name, THEMES["light"])
        if theme.name != self.theme.name:
            self.theme = theme
            self._cmap = diverging_map(theme.colormap)
            self.rebuild()

    def close(self) -> bool:
        """Drop the nodes before pyqtgraph's ``close()`` clears the scene.

        ``GraphicsView.close()`` deletes every item, then replaces the viewport,
        which sends a resize event; a handler that touched a deleted item raised
        inside Qt's event dispatch, and PySide6 6.11 crashes (SIGSEGV in
        ``storePythonOverrideErrorOrPrint``) reporting it.
        """
        self._relayout.stop()
        self.rows = {}
        self.layout_result = None
        closed: bool = super().close()
        return closed

    def _title(self, row: st.LayerRow | None, name: str) -> str:
        if row is None:
            shape = self.model.drawn.input_shape
            if self.model.x_source == "given":
                real: str = self.tr("Input {shape} — your input, through the saved model's own weights").format(
                    shape=st.format_shape(shape))
                return real
            if self.model.embedded_input():
                embedded: str = self.tr("Input {shape}: token ids, drawn as their word vectors (deterministic "
                                        "random values)").format(shape=st.format_shape(shape))
                return embedded
            src = (self.tr("values from the main window") if self.model.x_source == "main"
                   else self.tr("deterministic random values"))
            given: str = self.tr("Input {shape} — {source}").format(shape=st.format_shape(shape), source=src)
            return given
        text: str = self.tr("{name} ({cls}) → {shape}").format(
            name=name, cls=row.class_name, shape=st.format_shape(row.output_shape))
        if row.has_field and row.receptive_field is not None:
            jump = "-" if row.jump is None else str(row.jump)
            text += self.tr(" · receptive field {r}, jump {j}").format(r=row.receptive_field, j=jump)
        if row.class_name == "InputLayer" and self.model.values(name) is not None:
            src = (self.tr("values from the main window") if self.model.x_source == "main"
                   else self.tr("deterministic random values"))
            text += " — " + src
        return text

    def _entries(self) -> list[tuple[str, st.LayerRow | None]]:
        """The nodes, in the summary's order: the input first (a graph's inputs are rows of their own)."""
        m = self.model
        if m.drawn.is_graph:
            return [(r.name, r) for r in m.drawn.rows]
        return [(_INPUT, None)] + [(r.name, r) for r in m.drawn.rows if r.class_name != "InputLayer"]

    def _edges(self, entries: list[tuple[str, st.LayerRow | None]]) -> list[tuple[str, str]]:
        """(read, reader) pairs: a chain joins each node to the one above, a graph follows ``inputs``."""
        if self.model.drawn.is_graph:
            known = {name for name, _ in entries}
            return [(src, name) for name, r in entries if r is not None for src in r.inputs if src in known]
        names = [name for name, _ in entries]
        return list(itertools.pairwise(names))

    def rebuild(self) -> None:
        """Lay out and draw every node (after the stack, the theme, the alignment or the width changed)."""
        self._relayout.stop()
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        self.rows = {}
        m = self.model
        self.setBackground(self.theme.background)
        entries = self._entries()
        x_lo, x_hi = -0.5, 0.5
        prepared: list[tuple[_Row, st.LayerRow | None, np.ndarray | None, str]] = []
        for name, lrow in entries:
            row = _Row(name, _NodeGroup())
            self.rows[name] = row
            values = None if lrow is not None and m.embedding_row(name) else m.values(name)
            row.place = m.place(name)
            steps = m.steps_of(name) or 0
            if values is not None and (row.place is not None or lrow is None or lrow.class_name == "InputLayer"):
                kind, n = "heatmap", int(values.shape[0])
            elif steps > 0 and lrow is not None and lrow.error is None and not m.embedding_row(name):
                kind, n = "steps", steps
            else:
                kind, n = "box", 0
            for t in ((0, n - 1) if n else ()):
                cx, w = self.cell_x(row, t)
                x_lo, x_hi = min(x_lo, cx - w / 2), max(x_hi, cx + w / 2)
            prepared.append((row, lrow, values, kind))
        span = x_hi - x_lo
        self.edges = self._edges(entries)
        names = [r.name for r, *_ in prepared]
        # the width of one column on screen: titles and boxes wrap to it
        columns = max(layered_layout(names, self.edges, gap=_COLUMN_GAP).width, 1.0)
        view_px = max(float(self.viewport().width()), 400.0)
        self._column_px = max(view_px / columns, _MIN_COLUMN_PX)
        text_px = self._column_px - 12
        heights: dict[str, float] = {}
        for row, lrow, values, kind in prepared:
            self._add(row.group)
            if kind == "box":
                row.title_h, row.grid_h = 0.0, self._box(row, lrow, text_px)
                heights[row.name] = row.grid_h
                continue
            suffix = "" if kind == "heatmap" else self.tr(" · steps only (no numbers)")
            row.title_h = self._add_title(row, lrow, text_px, suffix) + _TITLE_GAP + _STRIP_PX
            if kind == "heatmap":
                assert values is not None
                self._heat(row, values, float(min(max(14 * values.shape[1], 28), 120)), numbers=True)
            else:
                blank = np.full((m.steps_of(row.name) or 0, 1), np.nan)  # framed cells, no colour: no numbers
                self._heat(row, blank, _STEPS_PX, numbers=False)
                assert lrow is not None
                row.box_text = self._shapes_text(lrow)
            heights[row.name] = row.title_h + row.grid_h
        lay = layered_layout(names, self.edges, heights=heights, gap=_COLUMN_GAP, rank_gap=_RANK_GAP_PX)
        self.layout_result = lay
        for row, *_ in prepared:
            box = lay.boxes[row.name]
            row.offset = box.left * span  # the first column's x is the input step itself
            row.box = QRectF(box.left * span + x_lo, box.top, span, box.height)
            self._place_node(row, span)
        path = QPainterPath()
        self.edge_lines = []
        for e in lay.edges:
            pts = [QPointF(x * span + x_lo, y) for x, y in e.points]
            self.edge_lines.append((e.source, e.target, tuple(pts)))
            path.moveTo(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            self._arrow_head(path, pts[-2], pts[-1], span)
        self.edge_item.setPath(path)
        self.edge_item.setPen(cell_pen(self.theme.frame, 1.5))
        width = max(lay.width, 1.0) * span
        self.plot.getViewBox().setRange(xRange=(x_lo, x_lo + width), yRange=(-4, lay.height + 4), padding=0.0)
        # One column (a chain): an axis of input steps over the drawing, as every node is placed over the input.
        axis = self.plot.getAxis("top")
        one_column = lay.width <= 1.0 + 1e-9 and any(r.image is not None for r in self.rows.values())
        self.plot.showAxis("top", one_column)
        if one_column:
            axis.setPen(self.theme.foreground)
            axis.setTextPen(self.theme.foreground)
            axis.enableAutoSIPrefix(False)
            self.plot.setLabel("top", self.tr("input step (every row placed over the input)"),
                               color=self.theme.foreground)
        self.setMinimumWidth(int(min(max(lay.width, 1.0) * _MIN_COLUMN_PX, 20_000)))
        self.setFixedHeight(int(min(lay.height + 8, 60_000)))
        # Fit the scene to the new size now (as pyqtgraph's setCentralWidget does): inside a resize event
        # the resize that setFixedHeight asks for comes later, and a picture taken before it was cut off.
        pg.GraphicsLayoutWidget.resizeEvent(self, None)
        self.refresh_selection()

    def _add(self, item: Any) -> None:
        """Add to the plot, and remember it for the next rebuild to remove."""
        self.plot.addItem(item)
        self._items.append(item)

    def _arrow_head(self, path: QPainterPath, before: QPointF, end: QPointF, span: float) -> None:
        """A small open arrow head at ``end`` (6 pixels; x is in steps, so it is scaled by the column width)."""
        sx = span / max(self._column_px, 1.0)  # steps per pixel
        dx, dy = (end.x() - before.x()) / max(sx, 1e-9), end.y() - before.y()
        length = max(float(np.hypot(dx, dy)), 1e-9)
        ux, uy = dx / length, dy / length
        for side in (-1.0, 1.0):
            px = -ux * 7 + side * -uy * 4
            py = -uy * 7 + side * ux * 4
            path.moveTo(end)
            path.lineTo(QPointF(end.x() + px * sx, end.y() + py))

    def _add_title(self, row: _Row, lrow: st.LayerRow | None, text_px: float, suffix: str = "") -> float:
        """The node's heading (name, class, shape, receptive field); its height in pixels."""
        text = self._title(lrow, row.name) + suffix
        if lrow is not None:
            text += "".join("\n" + note_text(n) for n in lrow.notes
                            if isinstance(n, Note) and n.code == "branches_disagree")
        title = pg.TextItem(text, color=self.theme.foreground, anchor=(0, 0))
        font = QFont()
        font.setPointSize(max(self.theme.font_pt - 1, 8))
        title.setFont(font)
        title.textItem.setTextWidth(text_px)
        title.setZValue(5)
        self._add(title)
        row.title = title
        return float(title.textItem.boundingRect().height())

    def _shapes_text(self, lrow: st.LayerRow) -> str:
        params = "?" if lrow.params is None else f"{lrow.params:,}"
        text: str = self.tr("{name} ({cls}) → {shape} · {params} parameters · shapes only").format(
            name=lrow.name, cls=lrow.class_name, shape=st.format_shape(lrow.output_shape), params=params)
        return text

    def _heat(self, row: _Row, values: np.ndarray, grid_h: float, *, numbers: bool) -> None:
        steps, channels = values.shape
        row.steps, row.channels = int(steps), int(channels)
        group = row.group
        level = float(np.nanmax(np.abs(values))) if values.size and not np.isnan(values).all() else 1.0
        level = level if level > 0 else 1.0
        x0, w = self.cell_x(row, 0)
        grid = CellGrid(group, self.theme, self._cmap, min_px=16.0, max_text_cells=MAX_TEXT_CELLS,
                        outline=not numbers)
        grid.texts.max_pt = float(self.theme.font_pt)
        show = numbers and (self.explorer is None or self.explorer.view.show_numbers)
        grid.set_values(values, level, center=x0, pitch=w, numbers=show)
        row.image = grid.image
        if len(grid.texts):
            row.texts = grid.texts
        row.rect = QRectF(x0 - w / 2, -0.5, w * steps, channels)
        cell_h = grid_h / max(channels, 1)
        strip_h = _STRIP_PX / cell_h
        row.strip_rect = QRectF(x0 - w / 2, -0.5 - strip_h - 1 / cell_h, w * steps, strip_h)  # above the cells
        marker = pg.ImageItem(axisOrder="row-major")
        marker.setZValue(11)
        group.addItem(marker)
        row.marker = marker
        overlay = pg.ImageItem(axisOrder="row-major")
        overlay.setZValue(10)
        group.addItem(overlay)
        row.overlay = overlay
        current = QGraphicsRectItem()
        current.setPen(cell_pen(self.theme.highlight, self.theme.line_width))
        current.setBrush(Qt.BrushStyle.NoBrush)
        current.setZValue(20)
        current.setVisible(False)
        group.addItem(current)
        row.current = current
        row.grid_h = grid_h
        row.cell_h = cell_h

    def _box(self, row: _Row, lrow: st.LayerRow | None, text_px: float) -> float:
        """A shape-only layer (or one that failed): a framed text; its height in pixels."""
        row.steps = 0
        fg = self.theme.foreground
        if lrow is None:
            text, color = self.tr("Input: no values (the input shape is unknown)"), fg
        elif lrow.error is not None:
            fix = error_hint(lrow.error)
            if lrow.error.code == "stack_unsupported_layer":
                head = self.tr("{name} ({cls}): not modelled by the explorer.").format(
                    name=lrow.name, cls=lrow.class_name)
            else:
                head = self.tr("{name} ({cls}): Keras refuses this layer.").format(
                    name=lrow.name, cls=lrow.class_name)
            text = self.tr("{head}\n{message}\nFix: {fix}").format(
                head=head, message=lrow.error.keras, fix=fix)
            color = self.theme.error
            row.box_text = "!"
        elif lrow.output_shape is None:
            text = self.tr("{name} ({cls}): not built — a layer before it failed or the input shape is "
                           "unknown").format(name=lrow.name, cls=lrow.class_name)
            color = fg
        elif self.model.embedding_row(lrow.name):
            params = "?" if lrow.params is None else f"{lrow.params:,}"
            text = self.tr("{name} ({cls}) → {shape} · {params} parameters · looks up one vector per token: "
                           "the vectors are the input row above").format(
                name=lrow.name, cls=lrow.class_name, shape=st.format_shape(lrow.output_shape), params=params)
            color = fg
        else:
            text = self._shapes_text(lrow)
            color = fg
        row.box_text += text
        label = pg.TextItem(text, color=color, anchor=(0.5, 0.5))
        font = QFont()
        font.setPointSize(max(self.theme.font_pt - 1, 8))
        label.setFont(font)
        label.textItem.setTextWidth(text_px - 8)
        label.setZValue(5)
        self._add(label)
        frame = QGraphicsRectItem()
        frame.setPen(cell_pen(color))
        frame.setBrush(Qt.BrushStyle.NoBrush)
        self._add(frame)
        row.frame, row.label = frame, label
        return float(label.textItem.boundingRect().height()) + 14

    def _place_node(self, row: _Row, span: float) -> None:
        """Move a node's items to its box: the title at the top, then its cells or its framed text."""
        box = row.box
        if row.title is not None:
            row.title.setPos(box.left(), box.top())
        if row.image is not None:
            grid_top = box.top() + row.title_h
            row.cells = QRectF(row.offset + row.rect.left(), grid_top, row.rect.width(), row.grid_h)
            t = QTransform()
            t.translate(row.offset, grid_top + 0.5 * row.cell_h)
            t.scale(1.0, row.cell_h)
            row.group.setTransform(t)
        elif row.frame is not None and row.label is not None:
            inset = span * 0.004
            row.frame.setRect(QRectF(box.left() + inset, box.top() + 1, span - 2 * inset, box.height() - 2))
            row.label.setPos(box.center().x(), box.center().y())

    # ------------------------------------------------------------------ selection
    def refresh_selection(self) -> None:
        """Veil what the chosen output does not read, grey what no output of its layer reads, mark the cone.

        Lit steps keep their colours and get a marker strip above the row, so
        holes under dilation show as veiled columns between lit ones.  In a
        graph the cone runs through every branch back to the inputs.
        """
        cone = self.model.cone()
        reach = self.model.reach()
        mark = QColor(self.theme.highlight)
        veil = QColor(self.theme.background)
        grey = QColor(self.theme.muted)
        for name, row in self.rows.items():
            if row.overlay is None or row.marker is None:
                continue
            lit = np.zeros(row.steps, dtype=bool)
            greyed = np.zeros(row.steps, dtype=bool)
            in_cone = False
            if cone is not None and reach is not None:
                vec = cone.input if name == _INPUT else cone.layers.get(name)
                all_vec = reach.input if name == _INPUT else reach.layers.get(name)
                if vec is not None and vec.shape == lit.shape:
                    lit, in_cone = vec.copy(), True
                if all_vec is not None and all_vec.shape == lit.shape:
                    greyed = ~all_vec
            rgba = np.zeros((1, max(row.steps, 1), 4), dtype=np.ubyte)
            strip = np.zeros((1, max(row.steps, 1), 4), dtype=np.ubyte)
            if row.steps and in_cone:
                if row.texts is None and row.box_text:  # step cells without numbers: fill the lit ones
                    rgba[0, lit] = (mark.red(), mark.green(), mark.blue(), 150)
                else:
                    rgba[0, ~lit] = (veil.red(), veil.green(), veil.blue(), 175)
                rgba[0, greyed] = (grey.red(), grey.green(), grey.blue(), 215)
                strip[0, lit] = (mark.red(), mark.green(), mark.blue(), 255)
            row.overlay.setImage(rgba, autoLevels=False, levels=(0, 255))
            row.overlay.setRect(row.rect)  # after setImage: the rect maps the image's current size
            row.marker.setImage(strip, autoLevels=False, levels=(0, 255))
            row.marker.setRect(row.strip_rect)
            row.lit, row.greyed = lit, greyed
            if row.current is not None:
                sel = self.model.selection
                if sel is not None and sel[0] == name:
                    cx, w = self.cell_x(row, sel[1])
                    row.current.setRect(QRectF(cx - w / 2, -0.5, w, row.channels))
                    row.current.setVisible(True)
                else:
                    row.current.setVisible(False)

    def _on_mouse_clicked(self, ev: Any) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        pos = self.plot.getViewBox().mapSceneToView(ev.scenePos())
        for name, row in self.rows.items():
            if row.image is None or name == _INPUT or not row.cells.adjusted(0, -2, 0, 2).contains(pos):
                continue
            t = self.step_at(row, pos.x() - row.offset)
            if t is not None:
                self.model.select(name, t)
            return

    def resizeEvent(self, ev: Any) -> None:
        super().resizeEvent(ev)
        if self._ready and self.rows and not self.closed:
            if self.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
                self._on_resized()  # an offscreen picture is taken right after this resize
            else:
                self._relayout.start()  # texts wrap to the new column width once the resizing settles

    def _on_resized(self) -> None:
        columns = max(self.layout_result.width, 1.0) if self.layout_result is not None else 1.0
        px = max(float(self.viewport().width()) / columns, _MIN_COLUMN_PX)
        if abs(px - self._column_px) > 24:
            self.rebuild()


# --- the window -------------------------------------------------------------------------------------

class _LayerForm(QGroupBox):
    """The arguments of the selected layer, by their Keras names."""

    def __init__(self, model: StackState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.index: int | None = None
        self.editors: dict[str, QWidget] = {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.form.addRow(self.empty)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Arguments of the selected layer"))
        self.empty.setText(self.tr("Select a layer to edit its arguments."))

    def show_layer(self, index: int | None) -> None:
        while self.form.rowCount() > 1:
            self.form.removeRow(1)
        self.editors = {}
        self.index = index
        layers = self.model.layers
        if index is None or not 0 <= index < len(layers):
            self.empty.setVisible(True)
            return
        layer = layers[index]
        fields = LAYER_FORMS.get(layer.class_name)
        self.empty.setVisible(fields is None or not fields)
        if isinstance(layer, st.InputLayer):
            self.empty.setText(self.tr("A model input: its shape is set in the code (the first input's also in "
                                       "the input fields)."))
            return
        if fields is None:
            self.empty.setText(
                self.tr("{cls} is not modelled: edit it in the code.").format(cls=layer.class_name))
            return
        if not fields:
            self.empty.setText(
                self.tr("{cls} has no arguments that change shapes.").format(cls=layer.class_name))
            return
        for arg, kind in fields:
            editor = self._editor(arg, kind, getattr(layer, arg, None))
            editor.setObjectName(f"arg_{arg}")
            self.editors[arg] = editor
            self.form.addRow(arg, editor)

    def _editor(self, arg: str, kind: Any, value: Any) -> QWidget:
        value = _single_int(value)
        if kind in ("int", "optint"):
            spin = QSpinBox()
            spin.setRange(0 if kind == "optint" else 1, 100000)
            if kind == "optint":
                spin.setSpecialValueText("None")
            if isinstance(value, int) and not isinstance(value, bool):
                spin.setValue(value)
            elif value is None and kind == "optint":
                spin.setValue(0)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(
                lambda v, a=arg, k=kind: self._commit(a, None if k == "optint" and v == 0 else int(v)))
            return spin
        if kind == "float":
            dspin = QDoubleSpinBox()
            dspin.setRange(0.0, 1.0)
            dspin.setSingleStep(0.05)
            dspin.setDecimals(2)
            if isinstance(value, (int, float)):
                dspin.setValue(float(value))
            dspin.setKeyboardTracking(False)
            dspin.valueChanged.connect(lambda v, a=arg: self._commit(a, float(v)))
            return dspin
        if kind == "bool":
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(lambda on, a=arg: self._commit(a, bool(on)))
            return box
        combo = QComboBox()
        choices = list(kind)
        shown = "linear" if value is None and arg == "activation" else value
        if isinstance(shown, str) and shown not in choices:
            choices.append(shown)
        combo.addItems(choices)
        if isinstance(shown, str):
            combo.setCurrentText(shown)
        combo.currentTextChanged.connect(lambda text, a=arg: self._commit(a, text))
        return combo

    def _commit(self, arg: str, value: Any) -> None:
        if self.index is not None:
            self.model.set_layer_arg(self.index, arg, value)


class _CodeRead(QObject):
    """Carries a reading's result from the worker thread to the window (a queued signal)."""

    done = Signal(int, str, object)  # generation, the code read, its ParseResult


class _ReadCode(QRunnable):
    """``parse_keras`` on a pool thread: a slow read (budgeted to a few seconds) never freezes the window."""

    def __init__(self, text: str, generation: int, carrier: _CodeRead) -> None:
        super().__init__()
        self.text, self.generation, self.carrier = text, generation, carrier

    def run(self) -> None:
        self.carrier.done.emit(self.generation, self.text, parse_keras(self.text))


class StackWindow(QMainWindow):
    """Paste a model, edit its layers, see every output and each output's receptive field."""

    #: After *Build* read the code off the GUI thread and showed it: True when a model was found.
    built = Signal(bool)

    def __init__(self, explorer: ExplorerState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._reader_carrier = _CodeRead(self)
        self._reader_carrier.done.connect(self._on_code_read)
        self._reading = 0  # generation of the latest reading; older results are dropped
        self.setObjectName("stack_window")
        self.explorer = explorer
        self.model = StackState(explorer, self)
        self.parse_result: ParseResult | None = None
        self.compare_opener: Any = None  # set by install(): opens the compare window
        self._syncing = False
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)

        # --- left: code, input shape, remarks, layers, form
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.examples_label = QLabel()
        self.examples = QComboBox()
        self.examples.setObjectName("stack_examples")
        row.addWidget(self.examples_label)
        row.addWidget(self.examples, 1)
        lv.addLayout(row)
        self.code = QPlainTextEdit()
        self.code.setObjectName("stack_code")
        self.code.setFont(languages.with_cjk_fallback(mono))
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lv.addWidget(self.code, 3)
        shape_row = QHBoxLayout()
        self.steps_label, self.channels_label, self.length_label = QLabel(), QLabel(), QLabel()
        self.steps_spin = QSpinBox()
        self.steps_spin.setObjectName("stack_steps")
        self.steps_spin.setRange(0, 100000)
        self.steps_spin.setSpecialValueText("None")
        self.channels_spin = QSpinBox()
        self.channels_spin.setObjectName("stack_channels")
        self.channels_spin.setRange(0, 100000)
        self.channels_spin.setSpecialValueText("—")
        self.length_spin = QSpinBox()
        self.length_spin.setObjectName("stack_none_length")
        self.length_spin.setRange(1, 100000)
        for sp in (self.steps_spin, self.channels_spin, self.length_spin):
            sp.setKeyboardTracking(False)
        for w in (self.steps_label, self.steps_spin, self.channels_label, self.channels_spin,
                  self.length_label, self.length_spin):
            shape_row.addWidget(w)
        shape_row.addStretch(1)
        lv.addLayout(shape_row)
        build_row = QHBoxLayout()
        self.build_button = QPushButton()
        self.build_button.setObjectName("stack_build")
        self.main_input_box = QCheckBox()
        self.main_input_box.setChecked(True)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("stack_compare")
        build_row.addWidget(self.build_button)
        build_row.addWidget(self.main_input_box, 1)
        build_row.addWidget(self.compare_button)
        lv.addLayout(build_row)
        self.diagnostics = QListWidget()
        self.diagnostics.setObjectName("stack_diagnostics")
        self.diagnostics.setWordWrap(True)
        lv.addWidget(self.diagnostics, 1)
        self.layers_label = QLabel()
        lv.addWidget(self.layers_label)
        self.layer_list = QListWidget()
        self.layer_list.setObjectName("stack_layers")
        self.layer_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.layer_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        lv.addWidget(self.layer_list, 2)
        buttons = QHBoxLayout()
        self.add_button = QToolButton()
        self.add_button.setObjectName("stack_add")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        for cls in _NEW_LAYERS:
            act = self.add_menu.addAction(cls)
            act.setData(cls)
            act.triggered.connect(lambda _=False, c=cls: self.add_layer(c))
        self.add_button.setMenu(self.add_menu)
        self.remove_button, self.up_button, self.down_button = QPushButton(), QPushButton(), QPushButton()
        self.remove_button.setObjectName("stack_remove")
        self.up_button.setObjectName("stack_up")
        self.down_button.setObjectName("stack_down")
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lv.addLayout(buttons)
        self.form = _LayerForm(self.model)
        lv.addWidget(self.form)

        # --- right: drawing, transport, summary
        right = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        self.canvas = StackCanvas(self.model, explorer)
        self.canvas.setObjectName("stack_canvas")
        self.canvas_scroll = QScrollArea()  # not self.scroll: that would hide QWidget.scroll()
        self.canvas_scroll.setWidgetResizable(True)
        self.canvas_scroll.setWidget(self.canvas)
        self.numbers_note = QLabel()  # why no numbers are drawn (a run over the explorer's limit)
        self.numbers_note.setObjectName("stack_numbers_note")
        self.numbers_note.setWordWrap(True)
        self.numbers_note.setVisible(False)
        tv.addWidget(self.numbers_note)
        tv.addWidget(self.canvas_scroll, 1)
        trow = QHBoxLayout()
        self.play_button = QToolButton()
        self.play_button.setObjectName("stack_play")
        self.play_button.setCheckable(True)
        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("stack_animated_layer")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("stack_position")
        self.position_label = QLabel()
        self.align_label = QLabel()
        self.align_combo = QComboBox()
        self.align_combo.setObjectName("stack_alignment")
        for button in (self.play_button, self.layer_combo):
            trow.addWidget(button)
        trow.addWidget(self.slider, 1)
        for label in (self.position_label, self.align_label, self.align_combo):
            trow.addWidget(label)
        tv.addLayout(trow)
        right.addWidget(top)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        self.summary_model = SummaryModel(self.canvas.theme, self)
        self.table = QTableView()
        self.table.setModel(self.summary_model)
        self.table.setObjectName("stack_summary")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        bv.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("stack_totals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bv.addWidget(self.totals)
        right.addWidget(bottom)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([640, 260])

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 1000])
        self.setCentralWidget(split)
        self.resize(1440, 920)

        self._main_view = (
            (explorer.view.show_numbers, explorer.view.sample) if explorer is not None else (True, 0))
        self._timer = QTimer(self)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self._advance)

        # --- wiring
        self.examples.activated.connect(self._on_example_chosen)
        self.build_button.clicked.connect(self.start_build)
        self.steps_spin.valueChanged.connect(self._on_shape_edited)
        self.channels_spin.valueChanged.connect(self._on_shape_edited)
        self.length_spin.valueChanged.connect(self._on_none_length_changed)
        self.main_input_box.toggled.connect(self.model.set_use_main_input)
        self.compare_button.clicked.connect(self._open_compare)
        self.diagnostics.itemClicked.connect(self._on_diagnostic_clicked)
        self.diagnostics.itemActivated.connect(self._on_diagnostic_clicked)
        self.layer_list.currentRowChanged.connect(self._on_layer_row_changed)
        self.layer_list.model().rowsMoved.connect(self._on_rows_dragged)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.table.clicked.connect(self._on_table_clicked)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.layer_combo.activated.connect(self._on_animated_layer_chosen)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.align_combo.activated.connect(
            lambda i: self.canvas.set_alignment(str(self.align_combo.itemData(i))))
        self.model.changed.connect(self._on_model_changed)
        self.model.selectionChanged.connect(self._on_selection_changed)
        if explorer is not None:
            explorer.viewChanged.connect(self._on_main_view_changed)
            explorer.traceChanged.connect(self._on_main_input_changed)
        self.retranslate()
        self.load_example("imdb_cnn")

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Layer stack — shapes and receptive fields"))
        self.examples_label.setText(self.tr("Examples:"))
        current = self.examples.currentData()
        with QSignalBlocker(self.examples):
            self.examples.clear()
            self.examples.addItem(self.tr("Choose a model from the material…"), None)
            for name in EXAMPLES:
                self.examples.addItem(example_title(name), name)
            index = self.examples.findData(current)
            self.examples.setCurrentIndex(max(index, 0))
        self.code.setPlaceholderText(self.tr(
            "Paste Keras code here (model.add(...), Sequential([...]) or keras.Input(...) calls). "
            "It is only read, never run."))
        self.steps_label.setText(self.tr("Input steps:"))
        self.steps_spin.setToolTip(self.tr("Steps of one sample; None (0) means any length."))
        self.channels_label.setText(self.tr("channels:"))
        self.channels_spin.setToolTip(self.tr(
            "Channels of one step; — (0) means no channel axis (token ids for an Embedding)."))
        self.length_label.setText(self.tr("length used for None:"))
        self.length_spin.setToolTip(self.tr("How many steps to compute and draw when the steps are None."))
        self.build_button.setText(self.tr("&Build"))
        self.build_button.setToolTip(self.tr("Read the code and build the stack (nothing is executed)."))
        self.main_input_box.setText(self.tr("Use the main window's input x when its shape fits"))
        self.compare_button.setText(self.tr("Compare two settings…"))
        self.add_button.setText(self.tr("Add layer"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.play_button.setText(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Step through the output steps of the chosen layer."))
        self.align_label.setText(self.tr("Place outputs at:"))
        align = self.canvas.alignment
        self.align_combo.clear()
        self.align_combo.addItem(self.tr("the middle of their field"), "center")
        self.align_combo.addItem(self.tr("the end of their field (causal)"), "end")
        self.align_combo.addItem(self.tr("their own step index"), "own")
        self.align_combo.setCurrentIndex(max(self.align_combo.findData(align), 0))
        self.summary_model.set_headers([
            self.tr("Layer (type)"), self.tr("Output Shape"), self.tr("Param #"),
            self.tr("Receptive field"), self.tr("Jump"), self.tr("Connected to"),
        ])
        self._lock_wiring()
        self.form.retranslate()
        self._fill_table()
        self._update_position_label()

    def changeEvent(self, ev: QEvent) -> None:
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.canvas.rebuild()
        super().changeEvent(ev)

    # ------------------------------------------------------------------ code
    def load_example(self, name: str) -> None:
        """Put one of the material's models in the text box and build it."""
        code, length = EXAMPLES[name]
        self.examples.setCurrentIndex(max(self.examples.findData(name), 0))
        self.code.setPlainText(code)
        self.model.none_length = length
        self.build()

    def set_code(self, text: str) -> None:
        self.code.setPlainText(text)

    def _field_shape(self) -> tuple[int | None, ...]:
        steps = self.steps_spin.value() or None
        channels = self.channels_spin.value()
        return (steps,) if channels == 0 else (steps, channels)

    def start_build(self) -> None:
        """*Build*: read the code on a pool thread; :meth:`_on_code_read` shows it, then ``built`` fires."""
        self._reading += 1
        self._readers.clear()  # readings queued by earlier clicks and not started: never needed now
        self._readers.start(_ReadCode(self.code.toPlainText(), self._reading, self._reader_carrier))

    def _on_code_read(self, generation: int, text: str, result: ParseResult) -> None:
        if generation != self._reading:
            return  # a newer Build is under way
        self.built.emit(self._show_result(text, result))

    def build(self) -> bool:
        """Read the code in the text box now and build its first model; False when there is none."""
        text = self.code.toPlainText()
        return self._show_result(text, parse_keras(text))

    def _show_result(self, text: str, result: ParseResult) -> bool:
        chosen = self.examples.currentData()
        if chosen and EXAMPLES[str(chosen)][0] != text:
            self.examples.setCurrentIndex(0)  # the code is no longer the example's
        self.parse_result = result
        diags = list(result.diagnostics)
        model = result.model
        ok = model is not None
        if model is not None:
            code_shape = model.input_shape
            usable = code_shape is not None and not any(isinstance(v, Unknown) for v in code_shape)
            if usable:
                stack, _ = model.to_stack(None)
            else:
                shape = self._field_shape()
                if model.layers and isinstance(model.layers[0], st.Embedding):
                    shape = shape[:1]
                stack, _ = model.to_stack(shape)
                diags.append(Diagnostic(
                    model.input_line or model.line,
                    self.tr("the code gives no usable input shape: using {shape} from the input "
                            "fields").format(shape=st.format_shape(shape)),
                    "info", "input_shape_fields"))
            if len(result.models) > 1 and not any(d.code == "several_models" for d in diags):
                diags.append(Diagnostic(model.line, self.tr(
                    "{n} models in the code: showing the first, {name}").format(
                        n=len(result.models), name=model.name), "info", "several_models"))
            self.model.clear_selection()  # a new model: its default output is chosen afresh
            self.model.set_stack(stack)
        else:
            diags.append(Diagnostic(1, self.tr(
                "no model found: the code needs layer calls such as model.add(layers.Conv1D(32, 7)) "
                "or keras.Input(shape=(steps, channels))"), "error", "no_model"))
        self._show_diagnostics(sorted(diags, key=lambda d: d.line))
        return ok

    def _show_diagnostics(self, diags: list[Diagnostic]) -> None:
        self.diagnostics.clear()
        labels = {"error": self.tr("error"), "warning": self.tr("warning"), "info": self.tr("note")}
        theme = self.canvas.theme
        colors = {"error": theme.error, "warning": theme.warning}
        for d in diags:
            item = QListWidgetItem(self.tr("line {line}: {severity}: {message}").format(
                line=d.line, severity=labels.get(d.severity, d.severity), message=remark_text(d)))
            item.setData(Qt.ItemDataRole.UserRole, d.line)
            if d.severity in colors:
                item.setForeground(QColor(colors[d.severity]))
            self.diagnostics.addItem(item)
        if not diags:
            self.diagnostics.addItem(self.tr("The code reads cleanly."))

    def diagnostic_lines(self) -> list[int]:
        return [int(self.diagnostics.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.diagnostics.count())
                if self.diagnostics.item(i).data(Qt.ItemDataRole.UserRole) is not None]

    def jump_to_line(self, line: int) -> None:
        """Put the cursor on ``line`` (1-based) of the code and mark the line."""
        block = self.code.document().findBlockByNumber(max(line - 1, 0))
        cursor = QTextCursor(block)
        self.code.setTextCursor(cursor)
        self.code.centerCursor()
        sel = QTextEdit.ExtraSelection()
        sel.format.setBackground(QColor(self.canvas.theme.found))
        sel.format.setProperty(0x06000, True)  # QTextFormat.FullWidthSelection
        sel.cursor = cursor
        sel.cursor.clearSelection()
        self.code.setExtraSelections([sel])
        self.code.setFocus()

    def current_code_line(self) -> int:
        return self.code.textCursor().blockNumber() + 1

    def _on_diagnostic_clicked(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if line is not None:
            self.jump_to_line(int(line))

    def _on_example_chosen(self, index: int) -> None:
        name = self.examples.itemData(index)
        if name:
            self.load_example(str(name))

    # ------------------------------------------------------------------ input shape
    def _on_shape_edited(self) -> None:
        if self._syncing:
            return
        shape = self._field_shape()
        self.model.set_input_shape(shape)

    def _on_none_length_changed(self, value: int) -> None:
        if not self._syncing:
            self.model.set_none_length(value)

    def _sync_shape_fields(self) -> None:
        shape = self.model.stack.input_shape
        self._syncing = True
        try:
            if shape is not None and len(shape) >= 1:
                self.steps_spin.setValue(shape[0] if isinstance(shape[0], int) else 0)
                channels = shape[1] if len(shape) > 1 and isinstance(shape[1], int) else 0
                self.channels_spin.setValue(channels)
            self.length_spin.setValue(self.model.none_length)
            self.length_spin.setEnabled(shape is not None and len(shape) >= 1 and shape[0] is None)
        finally:
            self._syncing = False

    def _on_main_view_changed(self) -> None:
        """Theme, numbers or sample changed in the main window."""
        assert self.explorer is not None
        view = self.explorer.view
        if self.canvas.theme.name != view.theme:
            self.canvas.set_theme(view.theme)
        elif (view.show_numbers, view.sample) != self._main_view:
            self._main_view = (view.show_numbers, view.sample)
            self.model.recompute()

    def _on_main_input_changed(self, *_: object) -> None:
        """The main window's x changed: recompute only when the stack shows (or could show) it."""
        if self.explorer is None or not self.model.use_main_input or not self._main_fits():
            return
        x = self.explorer.x
        current = x[min(self.explorer.view.sample, x.shape[0] - 1)]
        shown = self.model.x if self.model.x_source == "main" else None
        if shown is not None and np.array_equal(shown[0], current):
            return
        self.model.recompute()

    def _main_fits(self) -> bool:
        if self.explorer is None or self.model.stack.input_shape is None:
            return False
        concrete = st.with_steps(self.model.stack, self.model.none_length)
        return tuple(self.explorer.x.shape[1:]) == tuple(concrete.input_shape or ())

    # ------------------------------------------------------------------ layers
    def selected_index(self) -> int | None:
        row = self.layer_list.currentRow()
        return row if 0 <= row < len(self.model.layers) else None

    def select_layer(self, index: int) -> None:
        self.layer_list.setCurrentRow(index)

    def add_layer(self, cls: str) -> None:
        """Insert a new ``cls`` layer after the selected one (at the end when none is selected)."""
        index = self.selected_index()
        at = len(self.model.layers) if index is None else index + 1
        self.model.insert_layer(at, _NEW_LAYERS[cls])
        self.select_layer(at)

    def remove_selected(self) -> None:
        index = self.selected_index()
        if index is not None:
            self.model.remove_layer(index)
            if self.model.layers:
                self.select_layer(min(index, len(self.model.layers) - 1))

    def move_selected(self, delta: int) -> None:
        index = self.selected_index()
        if index is None:
            return
        to = index + delta
        if 0 <= to < len(self.model.layers):
            self.model.move_layer(index, to)
            self.select_layer(to)

    def _on_rows_dragged(self, *_: object) -> None:
        order = [int(self.layer_list.item(i).data(Qt.ItemDataRole.UserRole))
                 for i in range(self.layer_list.count())]
        current = self.layer_list.currentRow()
        layers = self.model.layers
        if sorted(order) != list(range(len(layers))):
            return

        def apply() -> None:
            self.model.set_layers(tuple(layers[i] for i in order))
            self.select_layer(current)

        QTimer.singleShot(0, apply)

    def _fill_layer_list(self) -> None:
        current = self.layer_list.currentRow()
        with QSignalBlocker(self.layer_list):
            self.layer_list.clear()
            for i, (name, layer) in enumerate(zip(self.model.names, self.model.layers, strict=True)):
                item = QListWidgetItem(f"{name} — {layer.keras_call()}")
                item.setData(Qt.ItemDataRole.UserRole, i)
                item.setToolTip(layer.keras_call())
                row = self.model.summary.row(name)
                if row.error is not None:
                    item.setForeground(QColor(self.canvas.theme.error))
                self.layer_list.addItem(item)
            if self.layer_list.count():
                self.layer_list.setCurrentRow(min(max(current, 0), self.layer_list.count() - 1))
        self.form.show_layer(self.selected_index())

    def _on_layer_row_changed(self, row: int) -> None:
        self.form.show_layer(row if row >= 0 else None)
        if 0 <= row < len(self.model.names):
            name = self.model.names[row]
            if name in self.model.selectable():
                sel = self.model.selection
                if sel is None or sel[0] != name:
                    self.model.select(name, 0)

    # ------------------------------------------------------------------ summary table
    def _fill_table(self) -> None:
        s = self.model.summary
        connected = not s.sequential_like  # Keras prints "Connected to" for graphs only
        rows: list[SummaryRow] = []
        self._table_names: list[str] = []
        for r in s.listed_rows:  # as model.summary() lists them (an x + y operation is drawn, not listed)
            rf = jump = ""
            if r.has_field and r.output_shape is not None:
                rf = "?" if r.receptive_field is None else str(r.receptive_field)
                jump = "-" if r.jump is None else str(r.jump)
            params = "?" if r.params is None else f"{r.params:,}"
            cells: tuple[str, ...] = (f"{r.name} ({r.class_name})", st.format_shape(r.output_shape), params,
                                      rf, jump)
            if connected:
                cells += (r.connected_to,)
            tip = ""
            if r.error is not None:
                tip = self.tr("Keras: {message}\nFix: {fix}").format(message=r.error.keras,
                                                                     fix=error_hint(r.error))
            notes = [note_text(n) for n in r.notes]
            if notes:
                tip = "\n".join([tip, *notes]).strip()
            rows.append(SummaryRow(cells, tip, r.error is not None))
            self._table_names.append(r.name)
        self.summary_model.set_theme(self.canvas.theme)
        self.summary_model.set_rows(rows, SUMMARY_COLUMNS + (1 if connected else 0))
        header = self.table.horizontalHeader()
        stretch, fit = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(0, fit if connected else stretch)
        if connected:
            header.setSectionResizeMode(SUMMARY_COLUMNS, stretch)
        for j in range(1, SUMMARY_COLUMNS):
            self.table.resizeColumnToContents(j)

        def count(n: int | None) -> str:
            return "?" if n is None else f"{n:,}"

        text = self.tr(
            "Total params: {total} · Trainable params: {trainable} · Non-trainable params: {non}").format(
            total=count(s.total_params), trainable=count(s.trainable_params),
            non=count(s.non_trainable_params))
        errors = s.errors
        if errors:
            e = errors[0]
            text += "\n" + self.tr("{name}: {message}\nFix: {fix}").format(
                name=e.name, message=e.error.keras if e.error else "",
                fix=error_hint(e.error) if e.error else "")
        self.totals.setText(text)
        self.totals.setWordWrap(True)
        run_error = self.model.run_error
        if run_error is not None:
            self.numbers_note.setText(self.tr("No numbers are drawn: {message}\nFix: {fix}").format(
                message=run_error.keras, fix=error_hint(run_error)))
            self.numbers_note.setStyleSheet(message_style("QLabel#stack_numbers_note", self.canvas.theme))
        self.numbers_note.setVisible(run_error is not None)

    def table_rows(self) -> list[tuple[str, ...]]:
        """The summary table as shown: (layer (type), output shape, params, receptive field, jump[,
        connected to])."""
        return [row.cells for row in self.summary_model.rows()]

    def _on_table_clicked(self, index: QModelIndex) -> None:
        row = index.row()
        name = self._table_names[row] if 0 <= row < len(self._table_names) else None
        if name in self.model.names:
            self.select_layer(self.model.names.index(name))

    # ------------------------------------------------------------------ animation
    def _fill_layer_combo(self) -> None:
        with QSignalBlocker(self.layer_combo):
            self.layer_combo.clear()
            for name in self.model.selectable():
                self.layer_combo.addItem(name, name)

    def _on_animated_layer_chosen(self, index: int) -> None:
        name = self.layer_combo.itemData(index)
        if name:
            sel = self.model.selection
            self.model.select(str(name), 0 if sel is None or sel[0] != name else sel[1])

    def _on_slider_moved(self, value: int) -> None:
        name = self.layer_combo.currentData()
        if name:
            self.model.select(str(name), int(value))

    def _on_play_toggled(self, on: bool) -> None:
        if on:
            self._timer.start()
        else:
            self._timer.stop()

    def _advance(self) -> None:
        name = self.layer_combo.currentData()
        n = self.model.steps_of(str(name)) if name else None
        if not n:
            self.play_button.setChecked(False)
            return
        self.slider.setValue((self.slider.value() + 1) % n)

    def _update_position_label(self) -> None:
        sel = self.model.selection
        if sel is None:
            self.position_label.setText(self.tr("click an output step"))
            return
        n = self.model.steps_of(sel[0]) or 0
        self.position_label.setText(
            self.tr("{name}: output step {t} of {n}").format(name=sel[0], t=sel[1], n=n))

    # ------------------------------------------------------------------ model -> widgets
    def _lock_wiring(self) -> None:
        """A graph's layers are edited in place; adding, removing and moving them is done in the code."""
        graph = self.model.is_graph
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not graph)
            button.setToolTip(self.tr("A model with branches is rewired in the code, then built again.")
                              if graph else "")
        self.layer_list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop if graph
                                        else QAbstractItemView.DragDropMode.InternalMove)
        self.layers_label.setText(self.tr("Layers (the wiring is in the code):") if graph
                                  else self.tr("Layers (drag to reorder):"))

    def _on_model_changed(self) -> None:
        self._lock_wiring()
        self._sync_shape_fields()
        self._fill_layer_list()
        self._fill_table()
        self._fill_layer_combo()
        if self.model.selection is None:
            choices = self.model.selectable()
            if choices:
                # The middle output of the last layer with several steps (a cone, not the whole input).
                several = [n for n in choices if (self.model.steps_of(n) or 0) > 1] or choices
                name = several[-1]
                self.model.select(name, (self.model.steps_of(name) or 1) // 2)
        if any(getattr(layer, "padding", None) == "causal" for layer in self.model.layers):
            if self.canvas.alignment == "center":
                self.canvas.set_alignment("end")
        elif self.canvas.alignment == "end":
            self.canvas.set_alignment("center")
        self.align_combo.setCurrentIndex(max(self.align_combo.findData(self.canvas.alignment), 0))

    def _on_selection_changed(self) -> None:
        sel = self.model.selection
        if sel is not None:
            idx = self.layer_combo.findData(sel[0])
            with QSignalBlocker(self.layer_combo):
                self.layer_combo.setCurrentIndex(idx)
            n = self.model.steps_of(sel[0]) or 1
            with QSignalBlocker(self.slider):
                self.slider.setRange(0, max(n - 1, 0))
                self.slider.setValue(sel[1])
        self._update_position_label()

    def _open_compare(self) -> None:
        if self.compare_opener is not None:
            self.compare_opener()
