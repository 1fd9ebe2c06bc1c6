"""Keras's errors that only a whole model raises: layer ranks, unknown sizes, layer arguments.

The errors of a single Conv1D or pooling layer come from :mod:`conv_core.spec`
(one wording per error); these add what a stack of layers can get wrong.
"""

from __future__ import annotations

from typing import Any

from ..errors import KerasValueError, input_spec_text
from .shape import Shape, format_shape

__all__ = ["check_rate", "input_ndim_error", "positive_units", "undefined_dim_error"]


def input_ndim_error(name: str, shape: Shape, expected: str) -> KerasValueError:
    """Keras's InputSpec message, plus what to do.

    >>> print(input_ndim_error("gru", (None, 64), "ndim=3").keras)
    Input 0 with name 'None' of layer 'gru' is incompatible with the layer: expected ndim=3, found ndim=2. \
Full shape received: (None, 64)
    """
    found = len(shape)
    if found == 2 and expected.endswith("=3"):
        hint = (
            "This layer needs 3 axes, (batch, steps, channels), but it receives a 2-D "
            f"{format_shape(shape)}. If it comes from the input, give a channel axis "
            f"(input shape ({shape[1]}, 1), data x.reshape(n, {shape[1]}, 1)); if it comes from "
            "Flatten, GlobalMaxPooling1D, Dense or an RNN without return_sequences=True, the steps "
            "axis is already gone: move this layer before it."
        )
    elif found < 3 and expected.endswith("=3"):
        hint = "This layer needs 3 axes: (batch, steps, channels)."
    elif found > 3:
        hint = "A 1-D layer takes (batch, steps, channels); this input has an extra axis."
    else:
        hint = f"The input has {found} axes (the batch included)."
    return KerasValueError(
        input_spec_text(name, expected, shape),
        hint,
        code="stack_input_ndim",
        values={"layer": name, "shape": shape, "expected": expected},
    )


def undefined_dim_error(name: str, variable: str, var_shape: Shape) -> KerasValueError:
    """Keras's error for weights whose size depends on a ``None`` axis."""
    return KerasValueError(
        "Shapes used to initialize variables must be fully-defined (no `None` dimensions). "
        f"Received: shape={format_shape(var_shape)} for variable path='sequential/{name}/{variable}'",
        "The last axis of this layer's input is unknown (None), so its weights have no size: "
        "give the steps in the input shape, or use GlobalMaxPooling1D instead of Flatten.",
        code="stack_undefined_dim",
        values={"layer": name},
    )


def positive_units(layer: str, units: object, rnn: bool) -> int:
    """``units`` as an int, or Keras's error (Dense and the RNNs word it differently)."""
    if isinstance(units, bool) or not isinstance(units, int) or units <= 0:
        keras = (
            f"Received an invalid value for argument `units`, expected a positive integer, got {units}."
            if rnn
            else "Received an invalid value for `units`, expected a positive integer. "
            f"Received: units={units}"
        )
        raise KerasValueError(keras, f"{layer} needs units as a whole number of 1 or more.",
                              code="stack_units", values={"units": units})
    return units


def check_rate(rate: Any) -> None:
    """Keras's check of a dropout ``rate`` (a float in [0, 1])."""
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
        raise KerasValueError(
            "Invalid value received for argument `rate`. Expected a float value between 0 and 1. "
            f"Received: rate={rate}",
            "rate is the fraction of values dropped during training, e.g. 0.2.",
            code="stack_rate",
            values={"rate": rate},
        )
