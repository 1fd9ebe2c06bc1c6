"""Plain-language hints for conv_core errors, through Qt's translation system.

conv_core gives every error a stable ``code`` and the ``values`` it used; this
module turns them into a sentence in the UI language.  Keras's own message is
shown as Keras words it (it is what learners will search for).

Each hint is a literal ``QCoreApplication.translate("messages", ...)`` call so
``pyside6-lupdate`` finds it (scripts/update_translations.py); Keras argument
names (``filters``, ``strides`` ...) stay untranslated inside the sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from conv_core import PADDINGS, ConvError
from conv_core.initializers import KERNEL_PRESETS
from conv_core.layers import LAYER_NAMES
from conv_core.legacy import LEGACY_LAYERS
from conv_core.signals import SIGNALS

if TYPE_CHECKING:
    from app.state.explorer import ExplorerState

__all__ = [
    "HINTS",
    "KERAS2_NDIM_MESSAGE",
    "Counts",
    "channels_text",
    "error_hint",
    "error_text",
    "filters_text",
    "index_legend",
    "keras2_message",
    "last_valid_setting_text",
    "layers_text",
    "offending_settings",
    "stale_settings",
    "steps_text",
]

translate = QCoreApplication.translate  # lupdate finds calls named translate(...)

# The Keras 2 wording the material quotes ("expected conv1d_1_input to have 3 dimensions ...").
KERAS2_NDIM_MESSAGE = (
    "ValueError: Error when checking input: expected {layer}_input to have 3 dimensions, "
    "but got array with shape {shape}"
)


def keras2_message(shape: tuple[int, ...], layer: str = "conv1d_1") -> str:
    """What Keras 2 said for an input without the channel axis (kept in English, as Keras printed it)."""
    return KERAS2_NDIM_MESSAGE.format(layer=layer, shape=tuple(shape))


def _choices(names: Any) -> str:
    return ", ".join(str(n) for n in names)


def _activation_names() -> str:
    from conv_core.activations import activation_names

    return _choices(activation_names())


def _ndim_low(v: dict[str, Any]) -> str:
    shape = tuple(v["shape"])
    if len(shape) == 2:
        return translate(
            "messages",
            "Conv1D needs 3 axes: (batch, steps, channels). Your array {shape} has no channel axis; if it "
            "is (batch, steps) = ({batch}, {steps}) with one value per step, add the axis: {fix}. "
            "Keras 2 said: “expected conv1d_1_input to have 3 dimensions, but got array with shape {shape}”. "
            "A Keras 3 model built with Input(({steps}, 1)) adds the axis silently; calling the layer "
            "directly does not.",
        ).format(shape=shape, batch=shape[0], steps=shape[1], fix=v["fix"])
    return translate(
        "messages",
        "Conv1D needs 3 axes: (batch, steps, channels). A single sequence of {steps} values is one sample "
        "with one channel: {fix}.",
    ).format(steps=shape[0] if shape else 1, fix=v["fix"])


def _limit(v: dict[str, Any]) -> str:
    if {"name", "value", "limit"} <= v.keys():
        return translate(
            "messages", "{name}={value} is outside the app's range 1..{limit}: choose a value in that range."
        ).format(**v)
    return translate(
        "messages", "This is over the app's size limits: choose fewer filters or a smaller input."
    )


def _input_too_short(v: dict[str, Any]) -> str:
    if "layer" in v:  # a layer inside the stack window (app.stack)
        return translate(
            "messages",
            "With padding='valid' this layer needs at least {keff} input steps (its dilated kernel spans "
            "{keff}) but receives {steps}: use padding='same', a smaller kernel_size, strides or pool_size "
            "earlier, or a longer input.",
        ).format(**v)
    return translate(
        "messages",
        "With padding='valid' the input needs at least {keff} steps (the dilated kernel spans {keff}), "
        "but it has {steps}: lengthen the input, shrink kernel_size or dilation_rate, or use "
        "padding='same'.",
    ).format(**v)


def _stack_input_ndim(v: dict[str, Any]) -> str:
    """app.stack's InputSpec error: the hint depends on how many axes arrived."""
    shape = tuple(v["shape"])
    found, needs3 = len(shape), str(v.get("expected", "")).endswith("=3")
    if found == 2 and needs3:
        return translate(
            "messages",
            "This layer needs 3 axes, (batch, steps, channels), but it receives a 2-D {shape}. If it comes "
            "from the input, give a channel axis (input shape ({steps}, 1), data x.reshape(n, {steps}, 1)); "
            "if it comes from Flatten, GlobalMaxPooling1D, Dense or an RNN without return_sequences=True, "
            "the steps axis is already gone: move this layer before it.",
        ).format(shape=shape, steps=shape[1])
    if found < 3 and needs3:
        return translate("messages", "This layer needs 3 axes: (batch, steps, channels).")
    if found > 3:
        return translate(
            "messages", "A 1-D layer takes (batch, steps, channels); this input has an extra axis."
        )
    return translate("messages", "The input has {found} axes (the batch included).").format(found=found)


def _unsupported_layer(v: dict[str, Any]) -> str:
    """A layer the explorer cannot model; ``hint_code`` says why when app.io.keras_code knows."""
    code = v.get("hint_code") or ""
    if code == "argument_not_literal":
        return translate(
            "messages",
            "Write {key} as a number or string, or define it earlier in the snippet (e.g. {key} = ...).",
        ).format(**v)
    if code == "legacy_argument_not_literal":
        return translate("messages", "Write {key} as a number or string.").format(**v)
    if code == "missing_argument":
        return translate("messages", "Give {names}, e.g. {example}.").format(**v)
    if code in HINTS and code != "stack_unsupported_layer":
        return HINTS[code](v)  # a Keras 1 layer conv_core refused: its own hint
    if code:
        raise KeyError(code)  # a hint without a template: error_hint shows the English one
    return translate(
        "messages", "Its output shape and parameters are unknown, and so are those of the layers after it."
    )


# code -> hint in the UI language (``values`` are the numbers conv_core used).
HINTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "strides_and_dilation": lambda v: translate(
        "messages",
        "Keras cannot skip steps and spread the kernel at the same time: set strides=1 or dilation_rate=1.",
    ),
    "filters_groups": lambda v: translate(
        "messages",
        "Each group gets filters/groups kernels: choose filters as a multiple of {groups} or change groups.",
    ).format(**v),
    "channels_groups": lambda v: translate(
        "messages",
        "Each group sees channels/groups input channels: use a groups value that divides {channels}, "
        "or change the channels.",
    ).format(**v),
    "filters_not_positive": lambda v: translate(
        "messages",
        "filters is how many different kernels slide over the input (the number of output channels, the rows "
        "of the diagram): use 1 or more.",
    ),
    "groups_not_positive": lambda v: translate(
        "messages", "groups=1 is an ordinary convolution; use a whole number of 1 or more."
    ),
    "not_positive": lambda v: translate("messages", "{name} must be at least 1.").format(**v),
    "not_integer": lambda v: translate("messages", "{name} must be a whole number such as 1, 2 or 3.").format(
        **v
    ),
    "not_one_int": lambda v: translate(
        "messages", "A 1-D layer takes a single number for {name}, e.g. {name}=3."
    ).format(**v),
    "input_too_short": _input_too_short,
    "input_ndim_low": _ndim_low,
    "input_ndim_high": lambda v: translate(
        "messages",
        "Conv1D takes (batch, steps, channels); a 4-D array needs Conv2D, or drop the extra axis "
        "with reshape.",
    ),
    "input_ndim": lambda v: translate("messages", "Conv1DTranspose needs (batch, steps, channels)."),
    "data_format_unknown": lambda v: translate(
        "messages",
        "Use 'channels_last' for (batch, steps, channels) or 'channels_first' for (batch, channels, steps).",
    ),
    "activation_unknown": lambda v: translate(
        "messages", "Use one of: {names} (or None for no activation)."
    ).format(names=_activation_names()),
    "padding_unknown": lambda v: translate("messages", "Choose one of {names}.").format(
        names=_choices(repr(p) for p in v.get("allowed", PADDINGS))
    ),
    "padding_full": lambda v: translate(
        "messages",
        "'full' was a Keras 1 border_mode; Keras 3 has no such padding. Emulate it with "
        "ZeroPadding1D(k_eff - 1) followed by padding='valid'.",
    ),
    "padding_causal_not_allowed": lambda v: translate(
        "messages", "'causal' exists only for Conv1D; pooling layers accept 'valid' or 'same'."
    ),
    "padding_list": lambda v: translate(
        "messages",
        "Keras 3 takes padding as a word, not a list of numbers: use 'valid', 'same' or 'causal', or add a "
        "ZeroPadding1D layer for explicit amounts.",
    ),
    "kernel_shape": lambda v: translate(
        "messages",
        "Keras stores a Conv1D kernel as (kernel_size, input channels / groups, filters); a PyTorch weight "
        "(filters, channels / groups, kernel_size) converts with weight.transpose(2, 1, 0).",
    ),
    "bias_shape": lambda v: translate("messages", "There is one bias per filter."),
    "kernel_ndim": lambda v: translate(
        "messages", "A Keras 1 weight of shape (k, 1, C, F) converts with W[:, 0]."
    ),
    "complex_input": lambda v: translate("messages", "Convolution here works on real values only."),
    "not_numeric": lambda v: translate(
        "messages", "Give {name} as numbers (a NumPy array or nested lists of numbers)."
    ).format(**v),
    "unknown_arguments": lambda v: translate(
        "messages", "Remove the arguments Conv1D does not know: {names}."
    ).format(names=_choices(v.get("arguments", ()))),
    "output_padding": lambda v: translate(
        "messages", "output_padding adds at most strides - 1 steps at the end: lower it."
    ),
    "matrix_shape": lambda v: translate(
        "messages", "The matrix is built for one input length and channel count: rebuild it for this array."
    ),
    "legacy_required": lambda v: translate(
        "messages", "nb_filter and filter_length are Keras 1 names: write filters=... and kernel_size=... ."
    ),
    "legacy_border_mode": lambda v: translate(
        "messages", "Keras 1 border_mode was 'valid', 'same' or (Convolution1D only) 'full'."
    ),
    "legacy_duplicate": lambda v: translate(
        "messages", "{legacy} is the Keras 1 name of {modern}: give only one of them."
    ).format(**v),
    "legacy_missing": lambda v: translate(
        "messages", "Give {argument}=... (a Keras 1 argument this layer needs)."
    ).format(**v),
    "legacy_layer_unknown": lambda v: translate("messages", "Supported Keras 1 layers: {names}.").format(
        names=_choices(LEGACY_LAYERS)
    ),
    "legacy_axis1": lambda v: translate(
        "messages",
        "Keras 1 ran Convolution1D as a Conv2D over (steps, 1): the kernel is (filter_length, 1, input_dim, "
        "nb_filter). A Keras 1.1 'th' kernel (nb_filter, input_dim, filter_length, 1) converts first with "
        "np.transpose(W, (2, 3, 1, 0)).",
    ),
    "unknown_layer": lambda v: translate("messages", "Supported layers: {names}.").format(
        names=_choices(LAYER_NAMES)
    ),
    "derivation_not_positive": lambda v: translate(
        "messages", "{name} is a whole number of steps: use 1 or more."
    ).format(**v),
    "preset_shape": lambda v: translate(
        "messages", "A kernel needs kernel_size, channels // groups and filters of at least 1 (3 axes)."
    ),
    "preset_unknown": lambda v: translate("messages", "Choose one of {names}.").format(
        names=_choices(KERNEL_PRESETS)
    ),
    "preset_kernel_size": lambda v: translate(
        "messages", "A difference compares two steps: set kernel_size to 2 or more."
    ),
    "signal_unknown": lambda v: translate("messages", "Choose one of {names}.").format(
        names=_choices(SIGNALS)
    ),
    "generator_seed": lambda v: translate("messages", "Use a whole number such as 0 or 42 as the seed."),
    "generator_parameter": lambda v: translate(
        "messages", "Set {name} to a number between {low} and {high}."
    ).format(**v),
    "pool_size_required": lambda v: translate(
        "messages", "AveragePooling1D has no default window in Keras 3: give pool_size, e.g. pool_size=2."
    ),
    "pool_input_ndim": lambda v: (
        translate("messages", "Pooling needs 3 axes: (batch, steps, channels).")
        + (
            " " + translate("messages", "Add the channel axis with {fix}.").format(**v)
            if v.get("fix")
            else ""
        )
    ),
    "pool_dilation": lambda v: translate("messages", "Leave dilation_rate at 1 for a pooling layer."),
    "pool_causal": lambda v: translate(
        "messages", "'causal' exists only for Conv1D; pooling takes 'valid' or 'same'."
    ),
    "pool_kind": lambda v: translate("messages", "Use 'max' or 'average'."),
    "pool_strides_not_positive": lambda v: translate(
        "messages",
        "strides is how far the pooling window moves each step: use 1 or more "
        "(or None for strides = pool_size).",
    ),
    "stack_empty": lambda v: translate("messages", "Add at least one layer."),
    "stack_steps": lambda v: translate("messages", "Give the number of input steps, 1 or more."),
    "stack_too_short": lambda v: translate(
        "messages",
        "Layer {layer} needs at least {keff} input steps: lengthen the input, use padding='same', or shrink "
        "the kernels or strides before it.",
    ).format(**v),
    "stack_kind": lambda v: translate("messages", "Use 'conv', 'max_pool' or 'average_pool'."),
    # app.stack (the layer-stack window)
    "stack_input_ndim": _stack_input_ndim,
    "stack_undefined_dim": lambda v: translate(
        "messages",
        "The last axis of this layer's input is unknown (None), so its weights have no size: give the steps "
        "in the input shape, or use GlobalMaxPooling1D instead of Flatten.",
    ),
    "stack_units": lambda v: translate("messages", "Give units as a whole number of 1 or more."),
    "stack_conv_ndim_high": lambda v: translate(
        "messages",
        "Conv1D takes (batch, steps, channels). An Embedding on an input that already has channels adds a "
        "4th axis: give the Embedding a 2-D input (batch, steps) of token ids.",
    ),
    "pool_too_short": lambda v: translate(
        "messages",
        "The pooling window ({pool_size}) is longer than its input ({steps} steps): use a smaller pool_size, "
        "padding='same', or fewer downsampling layers before it.",
    ).format(**v),
    "stack_embedding_dims": lambda v: translate(
        "messages",
        "input_dim is the vocabulary size and output_dim the length of each word vector: both are whole "
        "numbers of 1 or more.",
    ),
    "stack_rate": lambda v: translate(
        "messages", "rate is the fraction of values dropped during training, e.g. 0.2."
    ),
    "stack_zero_padding": lambda v: translate(
        "messages", "ZeroPadding1D takes a number of zeros for both ends, or (left, right)."
    ),
    "stack_bn_axis": lambda v: translate(
        "messages", "axis is the feature axis to normalise, -1 (the channels) almost always."
    ),
    "stack_unsupported_layer": _unsupported_layer,
    "stack_weights": lambda v: translate(
        "messages", "Pass this layer's weights as weights['<layer name>'] = (kernel, bias)."
    ),
    "shape_unknown": lambda v: translate(
        "messages", "Give whole numbers for steps and channels; only the batch may be None."
    ),
    "layout_unknown": lambda v: translate("messages", "Use 'keras', 'torch' or 'legacy'."),
    "layout_ndim": lambda v: translate(
        "messages", "{name} needs {expected_ndim} axes, but its shape is {shape}."
    ).format(**v),
    "filter_index": lambda v: translate("messages", "Filters are numbered 0 to {last}.").format(
        last=int(v["filters"]) - 1
    ),
    "limit": _limit,
    "invalid": lambda v: translate("messages", "This value has the wrong type: use the control's choices."),
}


def error_hint(error: ConvError) -> str:
    """The fix in the UI language when a template for the code exists, else conv_core's English."""
    make = HINTS.get(error.code)
    if make is not None:
        try:
            return make(error.values)
        except (KeyError, IndexError, ValueError, TypeError):
            pass
    return error.hint


def error_text(error: ConvError) -> tuple[str, str]:
    """(Keras's message, the translated fix)."""
    return error.keras, error_hint(error)


class Counts(QObject):
    """Counts with Qt's plural forms (English "1 filter" / "2 filters"; Chinese has one form).

    A QObject because lupdate marks a string as a plural only in a ``tr(text, "", n)`` call.
    """

    def steps(self, n: int) -> str:
        return self.tr("%n step(s)", "", n)

    def channels(self, n: int) -> str:
        return self.tr("%n channel(s)", "", n)

    def filters(self, n: int) -> str:
        return self.tr("%n filter(s)", "", n)

    def layers(self, n: int) -> str:
        return self.tr("%n layer(s)", "", n)


@cache
def _counts() -> Counts:
    return Counts()


def steps_text(n: int) -> str:
    """``16 steps`` / ``1 step``."""
    return _counts().steps(int(n))


def channels_text(n: int) -> str:
    """``4 channels`` / ``1 channel``."""
    return _counts().channels(int(n))


def filters_text(n: int) -> str:
    """``3 filters`` / ``1 filter``."""
    return _counts().filters(int(n))


def layers_text(n: int) -> str:
    """``5 layers`` / ``1 layer``."""
    return _counts().layers(int(n))


def index_legend() -> str:
    """The one index notation, ``y[b, t, f]``, with the letters named (every panel that writes indices)."""
    return translate("messages", "b: sample  t: output step  f: filter  j: kernel position  c: channel")


# ----------------------------------------------------------------- stale state
# The settings an invalid edit can touch, in the order the layer panel shows them.
_SETTING_ORDER = (
    "filters", "kernel_size", "strides", "padding", "output_padding", "dilation_rate", "groups", "use_bias",
    "activation", "data_format", "batch", "steps", "channels",
)


def stale_settings(current: Mapping[str, Any], shown: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The settings whose value now differs from the picture on screen, with the value shown.

    ``current`` is what the user has set (the state's layer arguments and input sizes),
    ``shown`` what the last valid picture was computed with.  Keys missing on either side
    are skipped; the order is the layer panel's.

    >>> stale_settings({"kernel_size": 20, "strides": 1}, {"kernel_size": 3, "strides": 1})
    [('kernel_size', 3)]
    """
    return [
        (name, shown[name])
        for name in _SETTING_ORDER
        if name in current and name in shown and current[name] != shown[name]
    ]


# Errors about two settings that conflict: both are outlined, whichever was changed last.
_CONFLICTS: dict[str, tuple[str, ...]] = {
    "strides_and_dilation": ("strides", "dilation_rate"),
    "filters_groups": ("filters", "groups"),
    "channels_groups": ("channels", "groups"),
    "filters_not_positive": ("filters",),
    "groups_not_positive": ("groups",),
    "padding_unknown": ("padding",),
    "activation_unknown": ("activation",),
    "data_format_unknown": ("data_format",),
}


def offending_settings(state: ExplorerState) -> list[str]:
    """The settings to mark while the current setting is invalid (``[]`` while it is valid).

    Those the error names (both sides of a conflict such as strides and dilation_rate) and
    those that changed since the last valid picture, in the layer panel's order.
    """
    error = state.error
    if error is None:
        return []
    named = set(_CONFLICTS.get(error.code, ()))
    name = error.values.get("name") if isinstance(error.values, dict) else None
    if isinstance(name, str):
        named.add(name)
    if _shown_trace(state) is not None:
        named.update(n for n, _ in stale_settings(_current_setting(state), _shown_setting(state)))
    return [n for n in _SETTING_ORDER if n in named]


def _shown_trace(state: ExplorerState) -> Any:
    """The trace the pictures still show: the Conv1DTranspose's in that mode, else the Conv1D's."""
    return state.transpose_trace if state.layer_kind == "Conv1DTranspose" else state.trace


def _current_setting(state: ExplorerState) -> dict[str, Any]:
    batch, steps, channels = state.input_shape
    current = {**state.layer, "batch": batch, "steps": steps, "channels": channels}
    if state.layer_kind == "Conv1DTranspose":
        current["output_padding"] = state.output_padding
    return current


def _shown_setting(state: ExplorerState) -> dict[str, Any]:
    tr = _shown_trace(state)
    assert tr is not None
    spec = tr.spec
    batch, steps, channels = (int(n) for n in tr.x.shape)  # the trace holds channels-last
    shown = {name: getattr(spec, name) for name in _SETTING_ORDER if hasattr(spec, name)}
    return {**shown, "batch": batch, "steps": steps, "channels": channels}


def last_valid_setting_text(state: ExplorerState) -> str:
    """The one sentence every view stamps while the current setting is invalid, else ``""``.

    "showing the last valid setting: kernel_size=3" names each setting the picture on screen
    still uses (the value it was drawn with), in the UI language; the diagram, the arithmetic
    and the shapes panels all show this sentence.  When no setting differs (a value out of
    range was typed into a cell) it says only "showing the last valid setting".
    """
    if state.error is None or _shown_trace(state) is None:
        return ""
    changed = stale_settings(_current_setting(state), _shown_setting(state))
    if not changed:
        return translate("messages", "showing the last valid setting")
    settings = ", ".join(f"{name}={value!r}" for name, value in changed)
    return translate("messages", "showing the last valid setting: {settings}").format(settings=settings)
