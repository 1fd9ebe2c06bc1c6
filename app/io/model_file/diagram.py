"""One Conv1D of a saved model as a session: its arguments, kernel and bias, on the input it really receives."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from app.io.model_file.container import ModelFileError
from app.io.model_file.model import SavedModel
from app.io.session import ModelRef, Session, SessionError, parse_session
from conv_core import ConvError
from conv_core.inference import conv1d_arguments

__all__ = ["example_input", "layer_session"]


def example_input(model: SavedModel, steps: int = 64) -> np.ndarray:
    """A deterministic input of the model's shape, one sample: token ids ``1, 2, ...`` or rounded normals.

    ``None`` steps become ``steps``.
    """
    shape = model.input_shape
    if shape is None:
        raise ModelFileError("the model does not say its input shape: give an input")
    dims = [steps if v is None else int(v) for v in shape]
    if int(np.prod(dims)) > 4_000_000:
        raise ModelFileError(f"the model's input {tuple(dims)} is over the explorer's limit: give a smaller input")
    if model.takes_tokens:
        vocab = model.calls[[c.class_name for c in model.calls].index("Embedding")].config.get("input_dim")
        n = vocab if isinstance(vocab, int) and vocab > 1 else 2
        return (np.arange(int(np.prod(dims))).reshape(1, *dims) % (n - 1) + 1).astype(np.int64)
    rng = np.random.default_rng(0)
    return np.round(rng.standard_normal((1, *dims)), 2)


def layer_session(model: SavedModel, name: str, x: np.ndarray, *, start: str | None = None,
                  sample: int | None = None) -> Session:
    """The main window's session for Conv1D ``name``: its input (``x`` run through the layers before it).

    ``x`` is the model's input (or, with ``start``, the input of layer ``start``),
    batch first.  :class:`ModelFileError` (one line) when ``name`` is not a Conv1D,
    a layer before it cannot be computed (it names that layer), or the layer does
    not fit the diagram's limits.  ``sample`` keeps one sample of the batch.
    """
    call = model.call(name)
    if call.class_name not in ("Conv1D", "Convolution1D"):
        raise ModelFileError(f"layer '{name}' is a {call.class_name}, not a Conv1D: the diagram shows Conv1D layers "
                             f"({', '.join(model.conv_layers()) or 'this model has none'})")
    run = model.input_of(model.fit_input(x, start), name, start=start)
    if run.stopped_at is not None:
        raise ModelFileError(f"cannot compute the input of '{name}': {run.reason}")
    y = run.outputs[-1] if run.outputs else np.asarray(x, dtype=np.float64)
    if sample is not None:
        y = y[sample : sample + 1]
    if y.ndim != 3:
        raise ModelFileError(f"layer '{name}' receives shape {y.shape}; a Conv1D needs (batch, steps, channels)")
    fmt = str(call.config.get("data_format") or "channels_last")
    channels = int(y.shape[1] if fmt == "channels_first" else y.shape[2])
    try:
        args, kernel, bias = conv1d_arguments(call, channels)
    except ConvError as exc:
        raise ModelFileError(exc.keras) from None
    if fmt == "channels_first":
        y = np.moveaxis(y, 1, 2)  # sessions keep (batch, steps, channels)
    doc = {
        "format": "conv1d-explorer-session", "version": 1, "name": f"{model.name}: {name}",
        "layer": args,
        "input": {"values": y.tolist()},
        "kernel": {"values": kernel.tolist()},
        "bias": None if bias is None else {"values": bias.tolist()},
    }
    try:
        session = parse_session(doc)
    except SessionError as exc:
        raise ModelFileError(f"layer '{name}' does not fit the diagram: {exc}") from None
    ref = ModelRef(str(model.path.resolve()), model.digest, name)
    return replace(session, model=ref)

