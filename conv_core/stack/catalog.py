"""Every layer class the explorer models, by Keras class name, and :func:`make_layer` to build one.

:func:`make_layer` is how pasted code (``app.io.keras_code``) and saved
models (a ``.keras`` file's ``config.json``) become layers: a Keras class name
and its keyword arguments, as Keras's ``get_config()`` writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, fields
from typing import Any

from .convolution import Conv1DTranspose, DepthwiseConv1D, SeparableConv1D
from .elementwise import (
    ELU,
    GaussianDropout,
    GaussianNoise,
    LayerNormalization,
    LeakyReLU,
    Masking,
    PReLU,
    ReLU,
    Softmax,
)
from .layers import LAYER_CLASSES as BASE_CLASSES
from .layers import InputLayer, Layer, UnsupportedLayer
from .merging import (
    Add,
    Attention,
    Average,
    Concatenate,
    Dot,
    Maximum,
    Minimum,
    MultiHeadAttention,
    Multiply,
    Subtract,
)
from .reshaping import Cropping1D, Permute, RepeatVector, Reshape, UpSampling1D
from .wrappers import Bidirectional, Lambda, NestedModel, TimeDistributed

__all__ = ["ALIASES", "LAYER_CLASSES", "WRAPPERS", "make_layer"]

LAYER_CLASSES: dict[str, type[Layer]] = {
    **BASE_CLASSES,
    **{cls.keras_class: cls for cls in (
        SeparableConv1D, DepthwiseConv1D, Conv1DTranspose, UpSampling1D, Cropping1D, Reshape, Permute,
        RepeatVector, GaussianNoise, GaussianDropout, LayerNormalization, ReLU, LeakyReLU, PReLU, ELU, Softmax,
        Masking, Concatenate, Add, Subtract, Multiply, Average, Maximum, Minimum, Dot, Attention,
        MultiHeadAttention, Bidirectional, TimeDistributed, Lambda, InputLayer)},
}
"""Keras 3 class name -> layer dataclass."""

ALIASES: dict[str, str] = {
    "MaxPool1D": "MaxPooling1D", "AvgPool1D": "AveragePooling1D", "GlobalMaxPool1D": "GlobalMaxPooling1D",
    "GlobalAvgPool1D": "GlobalAveragePooling1D", "Convolution1D": "Conv1D",
    "SeparableConvolution1D": "SeparableConv1D", "Convolution1DTranspose": "Conv1DTranspose",
}
"""Other names Keras 3 accepts for a class (``keras.layers.MaxPool1D is keras.layers.MaxPooling1D``)."""

WRAPPERS = frozenset({"Bidirectional", "TimeDistributed"})
"""Classes whose ``layer`` argument is another layer."""

MISSING_ARGUMENT = "missing_argument"  # the hint the app words for a required argument not given

_SCALARS = frozenset({"kernel_size", "strides", "dilation_rate", "pool_size", "output_padding"})


def _plain(key: str, value: Any) -> Any:
    """A config value as the layer dataclasses hold it: lists as tuples, ``[3]`` as ``3`` for sizes."""
    if isinstance(value, list):
        value = tuple(_plain("", v) for v in value)
    if key in _SCALARS and isinstance(value, tuple) and len(value) == 1:
        return value[0]
    return value


def make_layer(class_name: str, config: Mapping[str, Any], *, line: int | None = None,
               legacy: str | None = None) -> Layer:
    """The layer ``class_name(**config)``; arguments the explorer does not model are left out.

    ``config`` holds keyword arguments (``{"filters": 32, "kernel_size": 3}``)
    or a Keras ``get_config()`` dict (``"kernel_size": [3]``, ``"trainable"``,
    ``"dtype"``...).  A wrapper's ``layer`` (and ``backward_layer``) may be a
    :class:`Layer` or a ``{"class_name": ..., "config": {...}}`` dict; so may
    a ``Sequential`` config's ``layers``.  An unknown class gives an
    :class:`UnsupportedLayer`; wrong values are not checked here (the layer
    raises Keras's error when it is built on a shape).

    >>> make_layer("Conv1D", {"filters": 8, "kernel_size": [3], "trainable": True, "name": "c"})
    Conv1D(name='c', line=None, legacy=None, trainable=True, filters=8, kernel_size=3, strides=1, padding='valid', \
data_format=None, dilation_rate=1, groups=1, activation=None, use_bias=True)
    >>> make_layer("Bidirectional", {"layer": {"class_name": "LSTM", "config": {"units": 4}}}).layer.units
    4
    """
    name = ALIASES.get(class_name, class_name)
    if name == "Sequential":
        from .model import Stack

        inner = tuple(_nested(item) for item in config.get("layers", ()) if _class_of(item) != "InputLayer")
        given = config.get("name")
        return NestedModel(model=Stack(inner, None), name=given if isinstance(given, str) else None, line=line)
    cls = LAYER_CLASSES.get(name)
    if cls is None:
        return UnsupportedLayer(keras_name=class_name, line=line, legacy=legacy)
    allowed = {f.name for f in fields(cls)} - {"line", "legacy"}
    kwargs: dict[str, Any] = {"line": line, "legacy": legacy}
    for key, value in config.items():
        if key == "alpha" and name == "LeakyReLU":
            key = "negative_slope"  # the Keras 2 name
        if key == "batch_shape" and name == "InputLayer" and isinstance(value, (list, tuple)):
            kwargs["shape"], kwargs["batch_size"] = tuple(value[1:]), value[0]
            continue
        if key not in allowed:
            continue
        if key in ("layer", "backward_layer"):
            value = None if value is None else _nested(value)
        elif key == "name" and not isinstance(value, str):
            continue
        kwargs[key] = _plain(key, value)
    missing = [f.name for f in fields(cls) if f.name not in kwargs and f.default is MISSING
               and f.default_factory is MISSING]
    if missing:
        names = " and ".join(f"'{m}'" for m in missing)
        return UnsupportedLayer(
            keras_name=name, line=line, legacy=legacy, error_type="TypeError",
            message=f"{name}.__init__() missing {len(missing)} required positional argument"
            f"{'s' if len(missing) > 1 else ''}: {names}",
            hint=f"Give {', '.join(missing)}.", hint_code=MISSING_ARGUMENT,
            hint_values=(("names", ", ".join(missing)), ("example", f"{name}(...)")))
    return cls(**kwargs)


def _class_of(item: Any) -> str | None:
    return item.get("class_name") if isinstance(item, Mapping) else None


def _nested(item: Any) -> Layer:
    if isinstance(item, Layer):
        return item
    if isinstance(item, Mapping):
        return make_layer(str(item.get("class_name", "Layer")), item.get("config") or {})
    return UnsupportedLayer(keras_name=type(item).__name__)
