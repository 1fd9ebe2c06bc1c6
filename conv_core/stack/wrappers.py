"""Layers that hold other layers: Bidirectional, TimeDistributed, a Sequential model used as a layer, and Lambda.

Keras creates a wrapped layer before its wrapper, so the wrapped one takes
its automatic name first (``Bidirectional(LSTM(64))`` numbers ``lstm``, then
``bidirectional``): :meth:`Layer.inner_layers` tells
:func:`~conv_core.stack.model.auto_names` about it.

Notes
-----
* ``Bidirectional``: twice the wrapped RNN's parameters (or the wrapped plus
  ``backward_layer``'s); ``merge_mode='concat'`` doubles the last axis,
  ``'sum'``, ``'mul'`` and ``'ave'`` keep it, ``None`` gives two outputs.
  With ``return_state=True`` the outputs are the merged output, then the
  forward states, then the backward states.
* ``TimeDistributed``: the wrapped layer's parameters; it is built on one
  step ``(batch, *rest)`` and its output gets the steps back.
* ``Lambda``: its output shape cannot be known without running the function;
  ``output_shape=`` is read when the code gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import ConvError, KerasValueError
from .errors import input_ndim_error
from .layers import Built, Layer, RecurrentLayer
from .shape import Shape

if TYPE_CHECKING:
    from .model import Stack

__all__ = ["Bidirectional", "Lambda", "NestedModel", "TimeDistributed"]


@dataclass(frozen=True, kw_only=True)
class Bidirectional(Layer):
    """``keras.layers.Bidirectional``: an RNN run forwards and backwards, merged by ``merge_mode``.

    >>> from conv_core.stack import LSTM
    >>> Bidirectional(layer=LSTM(units=32)).infer((None, 50, 8), "b").output_shape
    (None, 64)
    """

    layer: Layer
    merge_mode: Any = "concat"
    backward_layer: Layer | None = None
    keras_class: ClassVar[str] = "Bidirectional"
    step_kind: ClassVar[str | None] = "end"

    def inner_layers(self) -> tuple[Layer, ...]:
        return (self.layer,) if self.backward_layer is None else (self.layer, self.backward_layer)

    def keras_call(self) -> str:
        mode = "" if self.merge_mode == "concat" else f", merge_mode={self.merge_mode!r}"
        return f"Bidirectional({self.layer.keras_call()}{mode})"

    def infer(self, shape: Shape, name: str) -> Built:
        if not isinstance(self.layer, RecurrentLayer):
            raise KerasValueError(
                "Please initialize `Bidirectional` layer with a RNN layer instance. "
                f"Received: {self.layer.class_name}",
                "Bidirectional wraps an LSTM, GRU or SimpleRNN: Bidirectional(LSTM(64)).",
                code="stack_bidirectional_layer", values={"layer": self.layer.class_name})
        mode = self.merge_mode
        if mode not in ("sum", "mul", "ave", "concat", None):
            raise KerasValueError(
                f"Invalid merge mode. Received: {mode}. Merge mode should be one of "
                '{"sum", "mul", "ave", "concat", None}',
                "merge_mode is 'concat' (the default), 'sum', 'mul', 'ave' or None.",
                code="stack_merge_mode", values={"merge_mode": mode})
        forward = self.layer.infer(shape, f"forward_{name}")
        backward = forward if self.backward_layer is None else self.backward_layer.infer(shape, f"backward_{name}")
        out = forward.output_shape
        if mode == "concat":
            out = (*out[:-1], None if out[-1] is None or backward.output_shape[-1] is None
                   else out[-1] + backward.output_shape[-1])
        states = (*forward.more_outputs, *backward.more_outputs)
        more = ((backward.output_shape,) if mode is None else ()) + states
        trainable = None if forward.trainable is None or backward.trainable is None else \
            forward.trainable + backward.trainable
        return Built(out, trainable, 0, forward.notes, more)


@dataclass(frozen=True, kw_only=True)
class TimeDistributed(Layer):
    """``keras.layers.TimeDistributed``: the same layer on every step.

    >>> from conv_core.stack import Dense
    >>> TimeDistributed(layer=Dense(units=4)).infer((None, 30, 8), "t").output_shape
    (None, 30, 4)
    """

    layer: Layer
    keras_class: ClassVar[str] = "TimeDistributed"
    step_kind: ClassVar[str | None] = "same"

    def inner_layers(self) -> tuple[Layer, ...]:
        return (self.layer,)

    def keras_call(self) -> str:
        return f"TimeDistributed({self.layer.keras_call()})"

    def infer(self, shape: Shape, name: str) -> Built:
        if len(shape) < 3:
            raise KerasValueError(
                "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, "
                f"received: {shape}",
                "TimeDistributed applies a layer to every step: its input needs (batch, steps, ...).",
                code="stack_time_distributed_ndim", values={"shape": shape})
        inner = self.layer.infer((shape[0], *shape[2:]), name)
        return Built((shape[0], shape[1], *inner.output_shape[1:]), inner.trainable, inner.non_trainable,
                     inner.notes)


@dataclass(frozen=True, kw_only=True)
class Lambda(Layer):
    """``keras.layers.Lambda``: the output shape only when ``output_shape=`` gives it (without the batch).

    >>> Lambda(output_shape=(50, 1)).infer((None, 50), "l").output_shape
    (None, 50, 1)
    """

    output_shape: Any = None
    function: str = ""
    keras_class: ClassVar[str] = "Lambda"
    step_kind: ClassVar[str | None] = "end"

    def keras_call(self) -> str:
        shape = "" if self.output_shape is None else f", output_shape={self.output_shape!r}"
        return f"Lambda({self.function or '...'}{shape})"

    def infer(self, shape: Shape, name: str) -> Built:
        out = self.output_shape
        if isinstance(out, int) and not isinstance(out, bool):
            out = (out,)
        if isinstance(out, (tuple, list)) and all(v is None or (isinstance(v, int) and not isinstance(v, bool))
                                                  for v in out):
            return Built((shape[0], *out), 0)
        raise KerasValueError(
            "We could not automatically infer the shape of the Lambda's output. Please specify the "
            "`output_shape` argument for this Lambda layer.",
            "The explorer never runs the function, so the shape after a Lambda is unknown: give "
            "output_shape=(steps, channels) in the code, or replace the Lambda by a Keras layer (Reshape, "
            "Permute, GlobalAveragePooling1D...).",
            code="stack_lambda_shape", values={"layer": name})


@dataclass(frozen=True, kw_only=True)
class NestedModel(Layer):
    """A ``Sequential`` model used as one layer of a functional model (Keras lists it as one row).

    Its output shape is its last layer's, its parameters the sum of its layers'.
    """

    model: Stack
    keras_class: ClassVar[str] = "Sequential"
    step_kind: ClassVar[str | None] = "end"

    def inner_layers(self) -> tuple[Layer, ...]:
        return self.model.layers

    def keras_call(self) -> str:
        return "Sequential([" + ", ".join(layer.keras_call() for layer in self.model.layers) + "])"

    def infer(self, shape: Shape, name: str) -> Built:
        from dataclasses import replace

        from .summary import summarize

        inner = summarize(replace(self.model, input_shape=tuple(shape[1:]), batch_size=shape[0]))
        failed = inner.errors
        if failed:
            error = failed[0].error
            assert isinstance(error, ConvError)
            raise error
        if inner.output_shape is None:
            raise input_ndim_error(name, shape, "a known shape")
        return Built(inner.output_shape, inner.trainable_params, inner.non_trainable_params or 0)
