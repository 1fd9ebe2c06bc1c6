"""Plain-language hints for conv_core errors, through Qt's translation system.

conv_core gives every error a stable ``code`` and the ``values`` it used; this
module turns them into a sentence in the UI language.  Keras's own message is
shown as Keras words it (it is what learners will search for).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from conv_core import ConvError

__all__ = ["error_hint", "error_text"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def error_hint(error: ConvError) -> str:
    """The fix, translated when a template for the code exists, else conv_core's English."""
    v = error.values
    code = error.code
    try:
        if code == "strides_and_dilation":
            return _tr("strides > 1 together with dilation_rate > 1 is not supported: set one of them to 1.")
        if code == "filters_groups":
            return _tr("filters must be a multiple of groups ({groups}): change filters or groups.").format(**v)
        if code == "channels_groups":
            return _tr("channels ({channels}) must be a multiple of groups ({groups}): change channels or groups.").format(**v)
        if code == "filters_not_positive":
            return _tr("filters is how many kernels slide over the input (output columns): use 1 or more.")
        if code == "groups_not_positive":
            return _tr("groups must be 1 or more; groups=1 is an ordinary convolution.")
        if code == "not_positive":
            return _tr("{name} must be at least 1.").format(**v)
        if code == "input_too_short":
            return _tr(
                "With padding='valid' the input needs at least {keff} steps (the dilated kernel spans {keff}) "
                "but has {steps}: lengthen the input, shrink kernel_size or dilation_rate, or use padding='same'."
            ).format(**v)
        if code == "input_ndim_low":
            return _tr(
                "Conv1D needs 3 axes: (batch, steps, channels). Add the channel axis: {fix}."
            ).format(**v)
        if code == "limit":
            return _tr("This is over the app's size limits; choose smaller sizes.")
    except (KeyError, IndexError, ValueError):
        pass
    return error.hint


def error_text(error: ConvError) -> tuple[str, str]:
    """(Keras's message, the translated fix)."""
    return error.keras, error_hint(error)
