"""A saved model's architecture from its JSON config: the layers in order and the input, nothing run.

Reads Keras 3's ``config.json`` (``.keras``) and the ``model_config`` attribute of
an ``.h5`` (Keras 3's legacy writer and tf.keras 2): ``Sequential`` and
``Functional``/``Model`` configs whose layers form one chain.  A ``Lambda``'s
stored function is never decoded (Keras's safe mode refuses it too); a custom
or unknown class is kept by its name, and the model opens up to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.io.model_file.container import LIMITS, ModelFileError

__all__ = ["Architecture", "SavedLayer", "read_architecture"]


@dataclass(frozen=True)
class SavedLayer:
    """One layer as saved: its name, Keras class, config and where its input comes from.

    ``build_input_shape`` is Keras 3's ``build_config`` (the input shape with the
    batch, when saved); ``custom`` is set for a class Keras does not ship
    (``registered_name`` or a module outside ``keras``).
    """

    name: str
    class_name: str
    config: dict[str, Any]
    build_input_shape: tuple[int | None, ...] | None = None
    custom: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Architecture:
    """The model's name and kind, its layers in order, its input shape (without the batch) and notes."""

    name: str
    kind: str  # 'Sequential' or 'Functional'
    layers: tuple[SavedLayer, ...]
    input_shape: tuple[int | None, ...] | None
    input_dtype: str
    notes: tuple[str, ...]
    chain_ends: str | None = None  # the first layer that does not continue the chain (branches)


def _shape(value: Any) -> tuple[int | None, ...] | None:
    if not isinstance(value, (list, tuple)) or not value or len(value) > 8:
        return None
    out: list[int | None] = []
    for v in value:
        if v is None:
            out.append(None)
        elif isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 2**31 - 1:
            out.append(int(v))
        else:
            return None
    return tuple(out)


def _custom(entry: dict[str, Any]) -> bool:
    module = entry.get("module")
    registered = entry.get("registered_name")
    if isinstance(module, str) and module and not module.startswith("keras"):
        return True
    return isinstance(registered, str) and bool(registered) and registered != entry.get("class_name")


def _sources(entry: dict[str, Any]) -> tuple[str, ...]:
    """The layer names a functional layer reads (Keras 3 ``keras_history`` or Keras 2 node lists)."""
    found: list[str] = []

    def walk(v: Any, depth: int = 0) -> None:
        if depth > 12 or len(found) > 64:
            return
        if isinstance(v, dict):
            hist = v.get("keras_history")
            if isinstance(hist, list) and hist and isinstance(hist[0], str):
                found.append(hist[0])
                return
            for x in v.values():
                walk(x, depth + 1)
        elif isinstance(v, list):
            if len(v) >= 3 and isinstance(v[0], str) and isinstance(v[1], int) and isinstance(v[2], int):
                found.append(v[0])  # Keras 2: [layer_name, node_index, tensor_index, kwargs]
                return
            for x in v:
                walk(x, depth + 1)

    walk(entry.get("inbound_nodes", []))
    return tuple(found)


def _layer(entry: Any, index: int) -> SavedLayer:
    if not isinstance(entry, dict):
        raise ModelFileError(f"layer {index} of the config is not an object: not a Keras config")
    cls = entry.get("class_name")
    cfg = entry.get("config", {})
    if not isinstance(cls, str) or not cls or len(cls) > 100:
        raise ModelFileError(f"layer {index} of the config has no class_name: not a Keras config")
    if not isinstance(cfg, dict):
        cfg = {}
    name = cfg.get("name", entry.get("name"))
    if not isinstance(name, str) or not name or len(name) > 200:
        name = f"{cls.lower()}_{index}"
    build = entry.get("build_config")
    build_shape = _shape(build.get("input_shape")) if isinstance(build, dict) else None
    return SavedLayer(name, cls, cfg, build_shape, _custom(entry), _sources(entry))


def _input_from(layer: SavedLayer) -> tuple[tuple[int | None, ...] | None, str]:
    cfg = layer.config
    for key in ("batch_shape", "batch_input_shape"):
        shape = _shape(cfg.get(key))
        if shape is not None:
            dtype = cfg.get("dtype")
            return shape[1:], dtype if isinstance(dtype, str) else "float32"
    return None, "float32"


def read_architecture(config: dict[str, Any]) -> Architecture:
    """The layers and input of a decoded model config; :class:`ModelFileError` when it is not one."""
    top_cls = config.get("class_name")
    body = config.get("config")
    if top_cls not in ("Sequential", "Functional", "Model"):
        what = f"a {str(top_cls)[:40]}" if isinstance(top_cls, str) else "not a model"
        raise ModelFileError(f"the config describes {what}, not a Sequential or Functional Keras model")
    if isinstance(body, list):  # Keras 2.0-2.1 Sequential: the config is the list of layers
        body = {"layers": body, "name": "sequential"}
    if not isinstance(body, dict) or not isinstance(body.get("layers"), list):
        raise ModelFileError("the model config has no list of layers: not a Keras config")
    entries = body["layers"]
    if len(entries) > LIMITS["layers"]:
        raise ModelFileError(f"the model has {len(entries):,} layers, over the explorer's limit of "
                             f"{LIMITS['layers']:,}")
    if not entries:
        raise ModelFileError("the model has no layers")
    layers = [_layer(e, i) for i, e in enumerate(entries)]
    name = body.get("name") if isinstance(body.get("name"), str) else "model"
    kind = "Sequential" if top_cls == "Sequential" else "Functional"
    notes: list[str] = []
    input_shape: tuple[int | None, ...] | None = None
    dtype = "float32"
    if kind == "Sequential":
        if layers[0].class_name == "InputLayer":
            input_shape, dtype = _input_from(layers[0])
            layers = layers[1:]
        else:
            input_shape, dtype = _input_from(layers[0])
        if input_shape is None:
            build = body.get("build_input_shape")
            shape = _shape(build)
            if shape is None and isinstance(config.get("build_config"), dict):
                shape = _shape(config["build_config"].get("input_shape"))
            input_shape = None if shape is None else shape[1:]
        if input_shape is None and layers and layers[0].build_input_shape is not None:
            input_shape = layers[0].build_input_shape[1:]
    else:
        inputs = [la for la in layers if la.class_name == "InputLayer"]
        if len(inputs) != 1:
            notes.append(f"the model has {len(inputs)} inputs; the explorer follows models with one input")
        if inputs:
            input_shape, dtype = _input_from(inputs[0])
    chain_end = None
    if kind == "Functional":
        previous: str | None = None
        for la in layers:
            if la.class_name == "InputLayer" and previous is None:
                previous = la.name
                continue
            if la.sources != (previous,):
                chain_end = la.name
                reads = ", ".join(la.sources) or "nothing"
                notes.append(f"layer '{la.name}' reads {reads}: the model branches there; the explorer computes "
                             "the chain of layers before it")
                break
            previous = la.name
    for la in layers:
        if la.class_name == "Lambda":
            notes.append(f"layer '{la.name}' is a Lambda: its function is stored as code and is never loaded "
                         "or run; give the input of the layer after it to see the rest")
        elif la.custom:
            notes.append(f"layer '{la.name}' is a custom class {la.class_name}: its code is not in the file and "
                         "is never run; the model opens up to it")
        elif la.class_name in ("Sequential", "Functional", "Model"):
            notes.append(f"layer '{la.name}' is a nested model: the explorer does not open models inside models")
    return Architecture(str(name)[:200], kind, tuple(layers), input_shape, dtype, tuple(notes), chain_end)
