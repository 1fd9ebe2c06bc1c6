"""A saved Keras model opened for the explorer: its stack, its summary, its weights, and runs of real inputs.

:func:`open_model` reads the file (nothing in it is run), turns the config into
the same :mod:`conv_core.stack` layer objects the code reader builds (so the
stack's layer rules give shapes and receptive fields), and keeps each layer's
stored weights as a :class:`conv_core.inference.LayerCall` for the numbers.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import conv_core.stack as st
from app.io.model_file.config import Architecture, SavedLayer, read_architecture
from app.io.model_file.container import ModelFileError, open_container
from app.io.model_file.weights import read_weights
from conv_core.inference import LayerCall, Propagation, propagate

__all__ = ["SavedModel", "file_digest", "model_ref_problem", "open_model", "stack_layer", "token_ids"]

def stack_layer(layer: SavedLayer) -> st.Layer:
    """The :mod:`conv_core.stack` layer for a saved one (:func:`conv_core.stack.make_layer`), by its class's rules.

    A custom class (its code is not in the file) and a class the rules do not know become an
    unsupported row that says why; the file's own shapes and weights fill in for them.
    """
    if layer.custom:
        return st.UnsupportedLayer(name=layer.name, keras_name=layer.class_name,
                                   message=f"{layer.name} is a custom class {layer.class_name}: its code is not in "
                                   "the file and is never run.",
                                   hint="Its output shape is known where the file saves it (a .keras file "
                                   "does); its parameters are counted from the stored weights.",
                                   hint_code="model_file_layer")
    try:
        made = st.make_layer(layer.class_name, layer.config)
    except (TypeError, ValueError, RecursionError) as exc:
        return st.UnsupportedLayer(name=layer.name, keras_name=layer.class_name,
                                   message=f"{layer.name}: the saved config does not fit {layer.class_name} "
                                   f"({str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__}).",
                                   hint_code="model_file_layer")
    return made if made.name == layer.name else dataclasses.replace(made, name=layer.name)


def _branched(layer: SavedLayer) -> st.Layer:
    """A layer at or after a functional model's first branch: the explorer follows one chain."""
    return st.UnsupportedLayer(name=layer.name, keras_name=layer.class_name,
                               message=f"{layer.name} is where the model branches or after it: the explorer reads "
                               "one chain of layers from a saved model.",
                               hint="Its parameters are counted from the stored weights; its shape is unknown.",
                               hint_code="model_file_layer")


def _count(weights: Sequence[np.ndarray]) -> int:
    return int(sum(int(np.prod(w.shape, dtype=np.int64)) for w in weights))


def _non_trainable(layer: SavedLayer, weights: Sequence[np.ndarray]) -> int:
    if layer.config.get("trainable") is False:
        return _count(weights)
    if layer.class_name == "BatchNormalization":  # moving_mean and moving_variance
        return _count(weights[-2:])
    return 0


@dataclass(frozen=True)
class SavedModel:
    """An opened model file.

    Attributes
    ----------
    path, digest : the file and the SHA-256 of its bytes (sessions remember both)
    layout : ``'keras3'`` (a ``.keras`` zip) or ``'legacy'`` (an ``.h5``)
    architecture : the layers as saved and the notes on them (Lambda, custom classes, branches)
    stack : the :mod:`conv_core.stack` model (shapes, receptive fields)
    summary : ``model.summary()``'s rows, parameter counts from the stored weights
    calls : each layer with its weights, for :func:`conv_core.inference.propagate`
    """

    path: Path
    digest: str
    layout: str
    keras_version: str
    architecture: Architecture
    stack: st.Stack
    summary: st.StackSummary
    calls: tuple[LayerCall, ...]

    @property
    def rows(self) -> tuple[st.LayerRow, ...]:
        return self.summary.rows

    @property
    def name(self) -> str:
        return self.architecture.name

    @property
    def input_shape(self) -> tuple[int | None, ...] | None:
        return self.architecture.input_shape

    @property
    def notes(self) -> tuple[str, ...]:
        return self.architecture.notes

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.calls)

    @property
    def takes_tokens(self) -> bool:
        """The model starts with an Embedding: its input is token ids ``(batch, steps)``."""
        first = [c for c in self.calls if c.class_name != "InputLayer"]
        return bool(first) and first[0].class_name == "Embedding"

    def as_code(self) -> str:
        """The model as Keras code for the layer-stack window (arguments that change shapes only).

        """
        shape = "None" if self.input_shape is None else repr(tuple(self.input_shape))
        lines = [f"# {self.name}, read from {self.path.name}: nothing in the file was run.",
                 "# The drawing shows the file's own weights on your input; Build reads this code anew.",
                 "import keras", "from keras import layers", "",
                 f"model = keras.Sequential(name={self.name!r})", f"model.add(keras.Input(shape={shape}))"]
        lines += [f"model.add(layers.{layer.keras_call()})" for layer in self.stack.layers]
        return "\n".join(lines) + "\n"

    def conv_layers(self) -> tuple[str, ...]:
        """The Conv1D layers, the ones *Show in the diagram* can load."""
        return tuple(c.name for c in self.calls if c.class_name in ("Conv1D", "Convolution1D"))

    def index(self, name: str) -> int:
        """The position of layer ``name``; :class:`ModelFileError` naming the layers when there is none."""
        if name in self.names:
            return self.names.index(name)
        shown = ", ".join(self.names)
        raise ModelFileError(f"the model has no layer '{name[:60]}' (its layers: {shown[:200]})")

    def call(self, name: str) -> LayerCall:
        return self.calls[self.index(name)]

    def input_of(self, x: np.ndarray, name: str, *, start: str | None = None) -> Propagation:
        """Run ``x`` up to the layer before ``name``: the input ``name`` receives is the last output.

        ``start`` names the layer ``x`` is the input of (the model's first layer by default).
        """
        target = self.index(name)
        first = 0 if start is None else self.index(start)
        if target == first:
            return Propagation((), ())
        return self._run(x, first, self.calls[target - 1].name)

    def run_to(self, x: np.ndarray, name: str, *, start: str | None = None) -> Propagation:
        """Run ``x`` through the model up to and including layer ``name``."""
        target = self.index(name)
        first = 0 if start is None else self.index(start)
        if target < first:
            raise ModelFileError(f"layer '{name}' comes before '{start}'")
        return self._run(x, first, name)

    def _run(self, x: np.ndarray, first: int, until: str) -> Propagation:
        end = self.architecture.chain_ends
        calls = self.calls
        if end is not None and end in self.names:
            calls = calls[: self.names.index(end)]
            if until not in [c.name for c in calls]:
                return Propagation((), (), end, f"layer '{end}' is where the model branches: the explorer computes "
                                   "one chain of layers from a saved model")
        return propagate(calls, x, start=first, until=until)

    def fit_input(self, x: np.ndarray, start: str | None = None) -> np.ndarray:
        """``x`` checked against the input of the model (or of layer ``start``): batch first, then the shape."""
        if start is None or self.index(start) == 0:
            shape = self.input_shape
        else:
            shape = self.rows[self.index(start) - 1].output_shape
            shape = None if shape is None else shape[1:]
        if shape is None:
            return x
        want = "(batch, " + ", ".join("None" if v is None else str(v) for v in shape) + ")"
        if x.ndim == len(shape):  # no batch axis: one sample
            x = x[None]
        if x.ndim != len(shape) + 1 or any(v is not None and v != d for v, d in zip(shape, x.shape[1:], strict=True)):
            raise ModelFileError(f"the input has shape {tuple(x.shape)}; "
                                 f"{'layer ' + repr(start) if start else 'the model'} takes {want}")
        return x


def _summary(stack: st.Stack, summary: st.StackSummary, weights: dict[str, tuple[np.ndarray, ...]],
             layers: Sequence[SavedLayer], inputs: Sequence[SavedLayer], probe: Propagation | None) -> st.StackSummary:
    """The stack's summary, with the saved file's word where the stack's rules do not reach.

    Parameter counts are the stored weights' sizes (Keras's ``count_params()``,
    non-trainable included).  An output shape the rules cannot give comes from
    the next layer's saved ``build_config``, else from running zeros through the
    layers the explorer computes; after such a layer the rules take up again.
    A functional model's input row keeps its saved name.
    """
    rows = list(summary.rows)
    head: list[st.LayerRow] = []
    if stack.functional and rows:
        first = rows.pop(0)
        head = [dataclasses.replace(first, name=inputs[0].name if inputs else first.name)]
    probed = {} if probe is None else {n: (None, *y.shape[1:]) for n, y in zip(probe.names, probe.outputs, strict=True)}
    out = []
    previous: tuple[int | None, ...] | None = summary.input_shape
    for i, (row, layer) in enumerate(zip(rows, layers, strict=True)):
        w = weights.get(layer.name, ())
        shape, error, notes = row.output_shape, row.error, row.notes
        if (shape is None and previous is not None and row.error is None
                and not isinstance(stack.layers[i], st.UnsupportedLayer)):
            alone = st.summarize(st.Stack((stack.layers[i],), previous[1:], stack.name)).rows[0]
            shape, error = alone.output_shape, alone.error
        chained = i + 1 < len(layers) and (not stack.functional or layers[i + 1].sources == (layer.name,))
        if shape is None and chained and layers[i + 1].build_input_shape is not None:
            shape = layers[i + 1].build_input_shape
        if shape is None:
            shape = probed.get(layer.name)
        if shape is not None and error is not None:  # the file gives what the rules do not
            notes = (*notes, f"output shape from the saved file (the layer rules: {error.keras})")
            error = None
        non_trainable = _non_trainable(layer, w)
        out.append(dataclasses.replace(row, output_shape=shape, params=_count(w), error=error, notes=notes,
                                       trainable_params=_count(w) - non_trainable,
                                       non_trainable_params=non_trainable))
        previous = shape
    rows = head + out
    total = sum(r.params or 0 for r in rows)
    trainable = sum(r.trainable_params or 0 for r in rows)
    return dataclasses.replace(summary, rows=tuple(rows), total_params=total, trainable_params=trainable,
                               non_trainable_params=total - trainable)


_PROBE_STEPS = 64  # the length a probe gives ``None`` steps


def _probe(calls: Sequence[LayerCall], arch: Architecture) -> Propagation | None:
    """Zeros run through the layers the explorer computes: their output shapes, and weights that do not fit.

    Raises :class:`ModelFileError` when a layer's stored weights do not fit its config.
    """
    shape = arch.input_shape
    if shape is None or any(v is not None and v <= 0 for v in shape):
        return None
    dims = [_PROBE_STEPS if v is None else int(v) for v in shape]
    size = 1
    for v in dims:
        size *= v
    if size > st.MAX_VALUES:
        return None
    x = np.zeros((1, *dims))
    calls = list(calls)
    if arch.chain_ends is not None:
        calls = calls[: [c.name for c in calls].index(arch.chain_ends)]
    run = propagate(calls, x)
    if run.error is not None and run.error.code in ("model_weight_shape", "model_weight_count"):
        raise ModelFileError(run.reason)
    if any(v is None for v in shape):  # shapes found at one length are not the model's
        return None
    return run


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """The SHA-256 of a file's bytes (``None`` when it cannot be read): how a session knows its model."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def open_model(path: str | os.PathLike[str]) -> SavedModel:
    """Open a ``.keras`` or ``.h5`` model without running any of it; :class:`ModelFileError` when it cannot be."""
    p = Path(path)
    container = open_container(p)
    try:
        arch = read_architecture(container.config)
        weights = read_weights(container.weights, container.layout, arch.layers)
    except RecursionError:
        raise ModelFileError(f"{p.name} is nested too deeply to be a Keras model") from None
    finally:
        container.close()
    layers = arch.layers
    functional = arch.kind == "Functional"
    inputs = [la for la in layers if la.class_name == "InputLayer"]
    body = [la for la in layers if la.class_name != "InputLayer"] if functional else list(layers)
    ends = [la.name for la in body].index(arch.chain_ends) if arch.chain_ends in [la.name for la in body] else None
    stack = st.Stack(tuple(stack_layer(la) if ends is None or i < ends else _branched(la) for i, la in enumerate(body)),
                     arch.input_shape, arch.name, functional)
    calls = tuple(LayerCall(la.name, la.class_name, la.config, weights.get(la.name, ())) for la in layers)
    probe = _probe([c for c in calls if c.class_name != "InputLayer"], arch)
    summary = _summary(stack, st.summarize(stack), weights, body, inputs, probe)
    return SavedModel(p, container.digest, container.layout, container.keras_version, arch, stack, summary, calls)


_SEPARATORS = re.compile(r"[\s,;，、]+")


def token_ids(text: str, steps: int | None) -> np.ndarray:
    """Token ids typed as ``12 5 7`` (or with commas) as a ``(1, steps)`` batch.

    A shorter sentence is padded with 0 at the start, as ``keras.utils.pad_sequences``
    does by default; a longer one is refused.

    >>> token_ids("4, 9 2", 5).tolist()
    [[0, 0, 4, 9, 2]]
    """
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not parts:
        raise ModelFileError("no token ids given: type whole numbers such as 12 5 7")
    if len(parts) > 100_000:
        raise ModelFileError(f"{len(parts):,} token ids is more than the explorer takes (100,000)")
    try:
        ids = [int(p) for p in parts]
    except ValueError:
        bad = next(p for p in parts if not p.lstrip("-").isdigit())
        raise ModelFileError(f"'{bad[:20]}' is not a token id: type whole numbers such as 12 5 7") from None
    if steps is not None and len(ids) > steps:
        raise ModelFileError(f"{len(ids)} token ids, but the model reads {steps} steps")
    if steps is not None:
        ids = [0] * (steps - len(ids)) + ids
    return np.asarray([ids], dtype=np.int64)


def model_ref_problem(path: str, sha256: str) -> str | None:
    """Why a session's model file is no longer the one it was saved with (moved or changed), or ``None``."""
    p = Path(path)
    if not p.is_file():
        return f"the model file {p.name} is no longer at {p.parent} (moved or deleted)"
    digest = file_digest(p)
    if digest is None:
        return f"the model file {p} cannot be read"
    if digest != sha256:
        return f"the model file {p.name} has changed since this session was saved (its contents differ)"
    return None
