"""A stack of Keras layers as a pure model: shapes, parameters, errors and receptive fields.

No Qt here.  A :class:`Stack` holds frozen layer descriptions with Keras 3
argument names; :func:`summarize` infers every output shape (``None`` for the
batch, ``None`` steps carried through as Keras does), counts parameters as
Keras 3 does and, for Conv1D and pooling layers, gives the receptive field and
the jump relative to the stack input, like ``model.summary()`` with two more
columns.  :func:`run_stack` computes the numeric part (Conv1D, pooling and the
layers that keep the values) with :mod:`conv_core`.

Modules
-------
shape     ``Shape`` and ``format_shape``: shapes as Keras prints them
errors    Keras's errors that only a model raises (layer ranks, unknown sizes, arguments)
layers    the layer dataclasses: arguments, output shapes, parameter counts (Conv1D, pooling, RNNs, ...)
convolution, reshaping, elementwise, merging, wrappers
          the other layer classes, by what they do
catalog   every class by Keras name; ``make_layer(class_name, config)``
model     ``Stack`` (a chain or a graph), Keras's automatic layer names, example inputs
graph     the graph form: ``Inbound``, ``keras_order`` (Keras's layer order), "Connected to"
fields    how each layer maps steps; receptive fields through the model
summary   ``summarize`` -> ``StackSummary`` (rows, step maps, cones, ``format_table``)
run       ``run_stack``: the numbers of the computed layers

Notes
-----
Conv1D and pooling take their rules, parameter counts and error wording
from :mod:`conv_core.spec`, their receptive-field recurrence from
:mod:`conv_core.receptive` (with ``keff = (k-1)*d + 1``, ``s`` the strides and
``p`` the left padding: ``r = r_prev + (keff - 1)*j_prev``, ``j = j_prev*s``,
``start = start_prev - p*j_prev``).  A global pooling layer is a pool over
every remaining step (its jump is ``None``: there is one output).

Examples
--------
>>> s = summarize(Stack((Conv1D(filters=8, kernel_size=3, dilation_rate=2), MaxPooling1D()), (20, 4)))
>>> [(r.output_shape, r.params, r.receptive_field, r.jump) for r in s.rows]
[((None, 16, 8), 104, 5, 1), ((None, 8, 8), 0, 6, 2)]
"""

from __future__ import annotations

from ..activations import KERAS_ACTIVATIONS
from .catalog import ALIASES, LAYER_CLASSES, WRAPPERS, make_layer
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
from .graph import Inbound, connected_to, keras_order
from .layers import (
    GRU,
    LSTM,
    Activation,
    AveragePooling1D,
    BatchNormalization,
    Conv1D,
    Dense,
    Dropout,
    Embedding,
    Flatten,
    GlobalAveragePooling1D,
    GlobalMaxPooling1D,
    InputLayer,
    Layer,
    MaxPooling1D,
    SimpleRNN,
    SpatialDropout1D,
    UnsupportedLayer,
    ZeroPadding1D,
)
from .merging import (
    Add,
    Attention,
    Average,
    Concatenate,
    Dot,
    Maximum,
    MergeLayer,
    Minimum,
    MultiHeadAttention,
    Multiply,
    Subtract,
    TensorOperation,
)
from .model import MAX_VALUES, Stack, auto_names, example_input, to_snake_case, with_steps
from .reshaping import Cropping1D, Permute, RepeatVector, Reshape, UpSampling1D
from .run import StackRun, check_values, default_weights, run_stack, values_needed
from .shape import Dim, Shape, format_shape
from .summary import Cone, LayerRow, StackSummary, StepPlace, summarize
from .wrappers import Bidirectional, Lambda, NestedModel, TimeDistributed

__all__ = [
    "ALIASES",
    "ELU",
    "GRU",
    "KERAS_ACTIVATIONS",
    "LAYER_CLASSES",
    "LSTM",
    "MAX_VALUES",
    "WRAPPERS",
    "Activation",
    "Add",
    "Attention",
    "Average",
    "AveragePooling1D",
    "BatchNormalization",
    "Bidirectional",
    "Concatenate",
    "Cone",
    "Conv1D",
    "Conv1DTranspose",
    "Cropping1D",
    "Dense",
    "DepthwiseConv1D",
    "Dim",
    "Dot",
    "Dropout",
    "Embedding",
    "Flatten",
    "GaussianDropout",
    "GaussianNoise",
    "GlobalAveragePooling1D",
    "GlobalMaxPooling1D",
    "Inbound",
    "InputLayer",
    "Lambda",
    "Layer",
    "LayerNormalization",
    "LayerRow",
    "LeakyReLU",
    "Masking",
    "MaxPooling1D",
    "Maximum",
    "MergeLayer",
    "Minimum",
    "MultiHeadAttention",
    "Multiply",
    "NestedModel",
    "PReLU",
    "Permute",
    "ReLU",
    "RepeatVector",
    "Reshape",
    "SeparableConv1D",
    "Shape",
    "SimpleRNN",
    "Softmax",
    "SpatialDropout1D",
    "Stack",
    "StackRun",
    "StackSummary",
    "StepPlace",
    "Subtract",
    "TensorOperation",
    "TimeDistributed",
    "UnsupportedLayer",
    "UpSampling1D",
    "ZeroPadding1D",
    "auto_names",
    "check_values",
    "connected_to",
    "default_weights",
    "example_input",
    "format_shape",
    "keras_order",
    "make_layer",
    "run_stack",
    "summarize",
    "to_snake_case",
    "values_needed",
    "with_steps",
]
