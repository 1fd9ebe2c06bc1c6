"""Keras 1 layer calls, translated to Keras 3 (and Keras 1's 'full' border mode, emulated).

Keras 1 (1.2.2) names differ from Keras 2/3 ones (SEMANTICS.md §5):

=========================================  =====================================
Keras 1                                    Keras 2/3
=========================================  =====================================
``Convolution1D(nb_filter, filter_length)``  ``Conv1D(filters, kernel_size)``
``border_mode``                            ``padding`` ('full' has no equivalent)
``subsample_length``                       ``strides``
``bias``                                   ``use_bias``
``init``                                   ``kernel_initializer``
``W_/b_regularizer``, ``W_/b_constraint``  ``kernel_/bias_regularizer``, ...
``input_dim``, ``input_length``            ``keras.Input(shape=(input_length, input_dim))``
``AtrousConvolution1D(atrous_rate)``       ``Conv1D(dilation_rate)``
``MaxPooling1D(pool_length, stride)``      ``MaxPooling1D(pool_size, strides)``
=========================================  =====================================

Notes
-----
Keras 1 output lengths, with ``keff = (k-1)*d + 1``: valid
``ceil((L - keff + 1)/s)`` (equal to Keras 3's ``floor((L - keff)/s) + 1``),
same ``ceil(L/s)``, full ``ceil((L + keff - 1)/s)``.  'full' pads ``keff - 1``
zeros on both sides and then runs 'valid': in Keras 3,
``ZeroPadding1D(keff - 1)`` followed by ``Conv1D(..., padding='valid')``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .conv import _reject_unknown, conv1d
from .errors import KerasValueError
from .padding import POOL_PADDINGS, effective_kernel_size
from .spec import Conv1DSpec, Pool1DSpec, check_conv_input, normalize_data_format, standardize_int

__all__ = [
    "LEGACY_INITIALIZERS",
    "LEGACY_LAYERS",
    "LegacyNote",
    "LegacyTranslation",
    "conv1d_full",
    "legacy_output_length",
    "translate_legacy",
]

LEGACY_LAYERS = ("Convolution1D", "AtrousConvolution1D", "MaxPooling1D", "AveragePooling1D")

LEGACY_INITIALIZERS: dict[str, str] = {
    "uniform": "random_uniform",
    "normal": "random_normal",
    "zero": "zeros",
    "one": "ones",
}
"""Keras 1 ``init`` names that changed; the others (glorot_uniform, he_normal...) kept their name."""

_CONV_RENAMES = {
    "nb_filter": "filters",
    "filter_length": "kernel_size",
    "subsample_length": "strides",
    "atrous_rate": "dilation_rate",
    "border_mode": "padding",
    "bias": "use_bias",
    "init": "kernel_initializer",
    "W_regularizer": "kernel_regularizer",
    "b_regularizer": "bias_regularizer",
    "W_constraint": "kernel_constraint",
    "b_constraint": "bias_constraint",
}
_CONV_KEPT = {"activation", "activity_regularizer", "name", "weights", "input_dim", "input_length"}
_POOL_RENAMES = {"pool_length": "pool_size", "stride": "strides", "border_mode": "padding"}
_POOL_KEPT = {"name"}


@dataclass(frozen=True)
class LegacyNote:
    """One remark about a translation: a stable ``code`` and the English ``text``."""

    code: str
    text: str


@dataclass(frozen=True)
class LegacyTranslation:
    """A Keras 1 layer call, as Keras 3 writes it.

    Attributes
    ----------
    legacy_class : str
        The Keras 1 class name given.
    modern_class : str
        ``'Conv1D'``, ``'MaxPooling1D'`` or ``'AveragePooling1D'``.
    kwargs : Mapping[str, Any]
        Keras 3 keyword arguments (read-only).
    notes : tuple of LegacyNote
        What changed and why.
    before : tuple of str
        Keras 3 layers to put in front (``ZeroPadding1D(...)`` for 'full').
    input_shape : tuple or None
        ``(input_length, input_dim)`` for ``keras.Input(shape=...)`` when given.
    """

    legacy_class: str
    modern_class: str
    kwargs: Mapping[str, Any]
    notes: tuple[LegacyNote, ...]
    before: tuple[str, ...] = ()
    input_shape: tuple[int | None, int | None] | None = None

    @property
    def keras_code(self) -> str:
        """The Keras 3 code, layers in order.

        >>> translate_legacy("Convolution1D", {"nb_filter": 8, "filter_length": 3,
        ...                  "border_mode": "full"}).keras_code
        "ZeroPadding1D(padding=2), Conv1D(filters=8, kernel_size=3, padding='valid')"
        """
        call = f"{self.modern_class}(" + ", ".join(f"{k}={v!r}" for k, v in self.kwargs.items()) + ")"
        return ", ".join((*self.before, call))

    @property
    def note_codes(self) -> tuple[str, ...]:
        return tuple(n.code for n in self.notes)


def _legacy_padding(value: object, allowed: tuple[str, ...]) -> str:
    if isinstance(value, str) and value.lower() in allowed:
        return value.lower()
    raise KerasValueError(
        f"Invalid border_mode: {value}. Keras 1 accepted one of {allowed}.",
        "Keras 1 border_mode was 'valid', 'same' or (Convolution1D only) 'full'.",
        code="legacy_border_mode",
        values={"border_mode": value, "allowed": list(allowed)},
    )


def _duplicate(layer: str, name: str, modern: str, first: str) -> None:
    legacy = name if name != modern else first
    raise KerasValueError(
        f"Both {legacy} and {modern} were given to {layer}.",
        f"{legacy} is the Keras 1 name of {modern}: give only one of them.",
        code="legacy_duplicate",
        values={"legacy": legacy, "modern": modern},
    )


def _translate_conv(layer: str, params: Mapping[str, Any]) -> LegacyTranslation:
    allowed = set(_CONV_RENAMES) | _CONV_KEPT | set(_CONV_RENAMES.values())
    if layer == "Convolution1D":
        allowed.discard("atrous_rate")
    _reject_unknown(layer, {k: v for k, v in params.items() if k not in allowed})
    notes: list[LegacyNote] = []
    kw: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for old, value in params.items():
        new = _CONV_RENAMES.get(old, old)
        if new in ("weights", "input_dim", "input_length"):
            continue
        if new in kw:
            _duplicate(layer, old, new, origin[new])
        kw[new] = value
        origin[new] = old
        if new != old:
            notes.append(LegacyNote(f"renamed_{old}", f"{old} is called {new} in Keras 2 and 3."))
    for need in ("filters", "kernel_size"):
        if need not in kw:
            legacy = "nb_filter" if need == "filters" else "filter_length"
            raise KerasValueError(
                f"{layer} needs {legacy} (Keras 3: {need}).",
                f"Give {legacy}=..., e.g. {legacy}={'32' if need == 'filters' else '3'}.",
                code="legacy_missing",
                values={"argument": legacy},
            )
    if isinstance(kw.get("kernel_initializer"), str) and kw["kernel_initializer"] in LEGACY_INITIALIZERS:
        old_init = kw["kernel_initializer"]
        kw["kernel_initializer"] = LEGACY_INITIALIZERS[old_init]
        notes.append(LegacyNote(
            "renamed_initializer",
            f"init='{old_init}' is kernel_initializer='{kw['kernel_initializer']}' in Keras 3.",
        ))
    before: tuple[str, ...] = ()
    padding = _legacy_padding(kw.get("padding", "valid"), ("valid", "same", "full"))
    spec = Conv1DSpec(
        filters=kw["filters"],
        kernel_size=kw["kernel_size"],
        strides=kw.get("strides", 1),
        padding="valid" if padding == "full" else padding,
        dilation_rate=kw.get("dilation_rate", 1),
        use_bias=kw.get("use_bias", True),
        activation=kw.get("activation") or "linear",
    )
    if "padding" in kw:
        kw["padding"] = padding
    if padding == "full":
        keff = spec.effective_kernel_size
        kw["padding"] = "valid"
        before = (f"ZeroPadding1D(padding={keff - 1})",)
        notes.append(LegacyNote(
            "full_padding",
            "border_mode='full' has no Keras 3 equivalent. It pads keff - 1 = "
            f"{keff - 1} zeros on both sides and then runs 'valid', so Lout = ceil((L + keff - 1)/s): "
            f"use ZeroPadding1D(padding={keff - 1}) before Conv1D(padding='valid') "
            "(or conv_core.conv1d_full).",
        ))
    if layer == "AtrousConvolution1D":
        notes.append(
            LegacyNote("atrous", "AtrousConvolution1D is Conv1D with dilation_rate in Keras 2 and 3.")
        )
    notes.append(LegacyNote(
        "kernel_layout",
        f"Keras 1 stored the kernel as (filter_length, 1, input_dim, nb_filter) = "
        f"({spec.kernel_size}, 1, C, {spec.filters}); the Keras 3 kernel is W[:, 0] "
        "(W[::-1, 0] for weights trained with the Theano backend, which flipped kernels).",
    ))
    if "weights" in params:
        notes.append(LegacyNote(
            "weights",
            "weights= is gone from the constructor: build the layer, then "
            "layer.set_weights([W[:, 0], b]).",
        ))
    input_shape = None
    if "input_dim" in params or "input_length" in params:
        input_shape = (params.get("input_length"), params.get("input_dim"))
        notes.append(LegacyNote(
            "input_shape",
            f"input_dim and input_length become keras.Input(shape=({input_shape[0]}, {input_shape[1]})) "
            "in front of the layer.",
        ))
    return LegacyTranslation(layer, "Conv1D", MappingProxyType(kw), tuple(notes), before, input_shape)


def _translate_pool(layer: str, params: Mapping[str, Any]) -> LegacyTranslation:
    allowed = set(_POOL_RENAMES) | _POOL_KEPT | set(_POOL_RENAMES.values())
    _reject_unknown(layer, {k: v for k, v in params.items() if k not in allowed})
    notes: list[LegacyNote] = []
    kw: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for old, value in params.items():
        new = _POOL_RENAMES.get(old, old)
        if new in kw:
            _duplicate(layer, old, new, origin[new])
        kw[new] = value
        origin[new] = old
        if new != old:
            notes.append(LegacyNote(f"renamed_{old}", f"{old} is called {new} in Keras 2 and 3."))
    if "pool_size" not in kw:
        kw = {"pool_size": 2, **kw}
        notes.append(LegacyNote(
            "pool_size_default",
            "Keras 1 defaulted pool_length to 2; Keras 3 AveragePooling1D has no default, so write "
            "pool_size=2.",
        ))
    if "padding" in kw:
        kw["padding"] = _legacy_padding(kw["padding"], POOL_PADDINGS)
    Pool1DSpec(kw["pool_size"], kw.get("strides"), kw.get("padding", "valid"))
    return LegacyTranslation(layer, layer, MappingProxyType(kw), tuple(notes))


def translate_legacy(layer: str, params: Mapping[str, Any]) -> LegacyTranslation:
    """Translate a Keras 1 layer call to Keras 3.

    Parameters
    ----------
    layer : {'Convolution1D', 'AtrousConvolution1D', 'MaxPooling1D', 'AveragePooling1D'}
    params : mapping
        The Keras 1 keyword arguments (modern names are accepted too).

    Returns
    -------
    LegacyTranslation
        The Keras 3 class, keyword arguments, notes and any layers to put in front.

    Raises
    ------
    KerasValueError
        Unknown arguments, a missing ``nb_filter``/``filter_length``, or a
        setting Keras 3 rejects (``subsample_length > 1`` with ``atrous_rate > 1``).

    Notes
    -----
    'full' becomes ``ZeroPadding1D(keff - 1)`` + ``padding='valid'`` with
    ``keff = (k-1)*d + 1``.

    Examples
    --------
    >>> t = translate_legacy("Convolution1D", {"nb_filter": 111, "filter_length": 5,
    ...                      "border_mode": "same", "input_dim": 300})
    >>> t.keras_code
    "Conv1D(filters=111, kernel_size=5, padding='same')"
    >>> t.input_shape
    (None, 300)
    >>> translate_legacy("MaxPooling1D", {"pool_length": 3, "stride": 1}).keras_code
    'MaxPooling1D(pool_size=3, strides=1)'
    """
    if layer in ("Convolution1D", "AtrousConvolution1D"):
        return _translate_conv(layer, params)
    if layer in ("MaxPooling1D", "AveragePooling1D"):
        return _translate_pool(layer, params)
    raise KerasValueError(
        f"Unknown Keras 1 layer: {layer}",
        "Supported: " + ", ".join(LEGACY_LAYERS) + ".",
        code="legacy_layer_unknown",
        values={"layer": layer},
    )


def legacy_output_length(
    steps: int, filter_length: int, border_mode: str = "valid", subsample_length: int = 1,
    atrous_rate: int = 1,
) -> int:
    """Output length by Keras 1's formula (``conv_output_length``).

    Notes
    -----
    ``keff = (k-1)*d + 1``; valid ``ceil((L - keff + 1)/s)``, same ``ceil(L/s)``,
    full ``ceil((L + keff - 1)/s)``.  A too-short valid input gives a value <= 0.

    Examples
    --------
    >>> legacy_output_length(7, 3, "valid", 2), legacy_output_length(7, 3, "full", 2)
    (3, 5)
    """
    mode = _legacy_padding(border_mode, ("valid", "same", "full"))
    s = standardize_int(subsample_length, "subsample_length")
    keff = effective_kernel_size(standardize_int(filter_length, "filter_length"),
                                 standardize_int(atrous_rate, "atrous_rate"))
    if mode == "valid":
        n = steps - keff + 1
    elif mode == "same":
        n = steps
    else:
        n = steps + keff - 1
    return -(-n // s)


def conv1d_full(
    x: ArrayLike,
    kernel: ArrayLike,
    bias: ArrayLike | None = None,
    *,
    strides: int = 1,
    dilation_rate: int = 1,
    activation: str | None = None,
    data_format: str | None = "channels_last",
) -> NDArray[np.floating]:
    """Keras 1 ``border_mode='full'``: pad ``keff - 1`` zeros on both sides, then 'valid'.

    Parameters
    ----------
    x, kernel, bias, strides, dilation_rate, activation, data_format
        As :func:`conv_core.conv1d` (no groups: Keras 1 had none).

    Returns
    -------
    ndarray
        ``(batch, ceil((L + keff - 1)/s), filters)``.

    Notes
    -----
    ``y = conv1d(pad(x, keff - 1, keff - 1), kernel, padding='valid')``, so
    ``Lout = floor((L + keff - 2)/s) + 1 = ceil((L + keff - 1)/s)``.

    Examples
    --------
    >>> x = np.array([1.0, 2.0, 3.0]).reshape(1, 3, 1)
    >>> conv1d_full(x, np.array([1.0, 10.0]).reshape(2, 1, 1))[0, :, 0]
    array([10., 21., 32.,  3.])
    """
    fmt = normalize_data_format(data_format)
    ka = np.asarray(kernel)
    xa = np.asarray(x)
    if ka.ndim != 3:
        raise KerasValueError(
            f"The kernel must be 3-D (kernel_size, channels, filters), received shape {ka.shape}.",
            "A Keras 1 weight of shape (k, 1, C, F) converts with W[:, 0].",
            code="kernel_ndim",
            values={"received": ka.shape},
        )
    spec = Conv1DSpec(int(ka.shape[2]), int(ka.shape[0]), strides, "valid", dilation_rate,
                      activation=activation or "linear", data_format=fmt)
    check_conv_input(Conv1DSpec(spec.filters, 1, data_format=fmt), xa.shape)
    extra = spec.effective_kernel_size - 1
    axis = 1 if fmt == "channels_last" else 2
    widths = [(0, 0)] * 3
    widths[axis] = (extra, extra)
    xp = np.pad(xa, widths)
    return conv1d(xp, ka, bias, strides=spec.strides, padding="valid", dilation_rate=spec.dilation_rate,
                  activation=activation, data_format=fmt)
