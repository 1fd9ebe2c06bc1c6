"""A saved model's weights through h5py: each layer's arrays in Keras's order, checked before they are read.

Two layouts: Keras 3's ``model.weights.h5`` (``layers/<path>/vars/0, 1, ...``, the
path Keras's ``to_snake_case`` of the class, numbered per model) and the legacy
``.h5`` (``model_weights/<layer name>`` with a ``weight_names`` attribute, as
tf.keras 2 and Keras 3's legacy writer save it).  Only hard links are followed
(an external link would open another file), only plain float datasets are
read (no external or virtual storage), and every shape is counted against
:data:`~app.io.model_file.container.LIMITS` before any value is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import h5py
import numpy as np

from app.io.model_file.config import SavedLayer
from app.io.model_file.container import LIMITS, ModelFileError
from app.io.numeric import NumberRangeError, check_array
from conv_core.stack import to_snake_case

__all__ = ["read_weights"]


def _child(group: h5py.Group, key: str, where: str) -> Any:
    """``group[key]`` through hard links only; ``None`` when absent."""
    node: Any = group
    for part in (p for p in key.split("/") if p):
        if not isinstance(node, h5py.Group):
            return None
        try:
            link = node.get(part, getlink=True)
        except Exception:
            return None
        if link is None:
            return None
        if not isinstance(link, h5py.HardLink):
            raise ModelFileError(f"{where}: '{key}' is a link to somewhere else; the explorer reads only what is "
                                 "inside the file")
        try:
            node = node[part]
        except Exception as exc:
            raise ModelFileError(f"{where}: '{key}' cannot be read ({str(exc)[:60]})") from None
    return node


class _Budget:
    def __init__(self) -> None:
        self.left = LIMITS["weight_values"]

    def read(self, ds: Any, layer: str, what: str) -> np.ndarray:
        if not isinstance(ds, h5py.Dataset):
            raise ModelFileError(f"layer '{layer}': weight '{what}' is not an array")
        try:
            shape = tuple(int(v) for v in ds.shape or ())
            kind, itemsize = ds.dtype.kind, ds.dtype.itemsize
            external = ds.external
            virtual = ds.is_virtual
        except Exception as exc:
            raise ModelFileError(f"layer '{layer}': weight '{what}' cannot be read ({str(exc)[:60]})") from None
        if external or virtual:
            raise ModelFileError(f"layer '{layer}': weight '{what}' is stored outside the file; refused")
        if kind != "f" or itemsize > 8:
            raise ModelFileError(f"layer '{layer}': weight '{what}' holds {ds.dtype} values, not floats")
        count = 1
        for v in shape:
            count *= v
        if count > self.left:
            raise ModelFileError(f"layer '{layer}': weight '{what}' claims {count:,} numbers {shape}, over the "
                                 f"explorer's limit of {LIMITS['weight_values']:,} for a whole model")
        self.left -= count
        try:
            values = np.asarray(ds[()], dtype=np.float64)
        except Exception as exc:  # truncated data, a broken filter
            why = str(exc).splitlines()[0][:60] if str(exc) else type(exc).__name__
            raise ModelFileError(f"layer '{layer}': weight '{what}' cannot be read ({why})") from None
        if values.shape != shape:
            raise ModelFileError(f"layer '{layer}': weight '{what}' does not have the shape it declares")
        try:
            check_array(values, f"layer '{layer}' weight '{what}'")
        except NumberRangeError as exc:
            raise ModelFileError(str(exc)) from None
        values.setflags(write=False)
        return values


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    try:
        items = list(np.asarray(value).ravel())
    except Exception:
        return []
    return [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in items][:64]


def _keras3(f: h5py.File, layers: Sequence[SavedLayer], budget: _Budget) -> dict[str, tuple[np.ndarray, ...]]:
    root = _child(f, "layers", "model.weights.h5")
    out: dict[str, tuple[np.ndarray, ...]] = {}
    if root is None:
        return out
    by_attr: dict[str, str] = {}
    try:
        keys = list(root.keys())[: LIMITS["layers"] + 1]
    except Exception:
        keys = []
    for key in keys:
        vars_group = _child(root, f"{key}/vars", "model.weights.h5")
        name = _names(vars_group.attrs.get("name")) if isinstance(vars_group, h5py.Group) else []
        if name:
            by_attr[name[0]] = key
    used: dict[str, int] = {}
    for layer in layers:
        path = to_snake_case(layer.class_name)
        if path in used:
            used[path] += 1
            path = f"{path}_{used[path]}"
        else:
            used[path] = 0
        key = by_attr.get(layer.name, path)
        vars_group = _child(root, f"{key}/vars", "model.weights.h5")
        if not isinstance(vars_group, h5py.Group):
            out[layer.name] = ()
            continue
        arrays = []
        for i in range(len(vars_group)):
            ds = _child(vars_group, str(i), "model.weights.h5")
            if ds is None:
                raise ModelFileError(f"layer '{layer.name}': weight {i} is missing from model.weights.h5")
            arrays.append(budget.read(ds, layer.name, str(i)))
        out[layer.name] = tuple(arrays)
    return out


def _legacy(f: h5py.File, layers: Sequence[SavedLayer], budget: _Budget) -> dict[str, tuple[np.ndarray, ...]]:
    root = _child(f, "model_weights", "the .h5 file")
    if root is None:
        root = f
    out: dict[str, tuple[np.ndarray, ...]] = {}
    for layer in layers:
        group = _child(root, layer.name, "the .h5 file")
        if not isinstance(group, h5py.Group):
            out[layer.name] = ()
            continue
        arrays = []
        for wname in _names(group.attrs.get("weight_names")):
            ds = _child(group, wname, "the .h5 file")
            if ds is None:
                raise ModelFileError(f"layer '{layer.name}': weight '{wname}' is missing from the .h5 file")
            arrays.append(budget.read(ds, layer.name, wname.rsplit("/", 1)[-1]))
        out[layer.name] = tuple(arrays)
    return out


def read_weights(f: h5py.File | None, layout: str, layers: Sequence[SavedLayer]) -> dict[str, tuple[np.ndarray, ...]]:
    """Layer name -> its weights in Keras's order (``()`` for a layer without any)."""
    if f is None:
        return {layer.name: () for layer in layers}
    budget = _Budget()
    try:
        return _keras3(f, layers, budget) if layout == "keras3" else _legacy(f, layers, budget)
    except ModelFileError:
        raise
    except RecursionError:
        raise ModelFileError("the weights file is nested too deeply") from None
    except Exception as exc:  # h5py on a damaged file
        why = str(exc).splitlines()[0][:60] if str(exc) else type(exc).__name__
        raise ModelFileError(f"the weights cannot be read ({why})") from None
