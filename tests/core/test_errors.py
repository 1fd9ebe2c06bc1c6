"""One test per error message: Keras's wording, the exception type, a hint and a stable code."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import conv_core as cc
from conv_core import Conv1DSpec, ConvError, KerasTypeError, KerasValueError, Pool1DSpec, StackLayer
from conv_core import stack as cs
from conv_core.layers import run_layer
from conv_core.matrix import conv_matrix
from conv_core.spec import check_channels_groups, pool_size_required_error

X = np.ones((1, 8, 4))
K = np.ones((3, 4, 2))


def _conv(**kw: Any) -> Callable[[], object]:
    return lambda: cc.conv1d(X, K, **kw)


# (id, call, exception type, regex that must match str(error), code)
CASES: list[tuple[str, Callable[[], object], type[Exception], str, str]] = [
    (
        "generator_seed",
        lambda: cc.make_kernel("glorot_uniform", (3, 1, 1), seed=True),
        KerasValueError,
        re.escape("Expected seed to be a whole number from 0 to 2**63 - 1. Received: seed=True"),
        "generator_seed",
    ),
    (
        "generator_parameter",
        lambda: cc.make_kernel("constant", (3, 1, 1), value=float("nan")),
        KerasValueError,
        re.escape("Expected value to be a number from -1e+15 to 1e+15. Received: value=nan"),
        "generator_parameter",
    ),
    (
        "strides_and_dilation",
        lambda: Conv1DSpec(1, 3, strides=2, dilation_rate=2),
        KerasValueError,
        re.escape(
            "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
            "Received: strides=(2,) and dilation_rate=(2,)"
        ),
        "strides_and_dilation",
    ),
    (
        "input_too_short",
        lambda: cc.conv1d(np.ones((1, 4, 1)), np.ones((5, 1, 1))),
        KerasValueError,
        re.escape(
            "Computed output size would be zero or negative. Received `inputs shape=(1, 4, 1)`, "
            "`kernel shape=(5, 1, 1)`, `dilation_rate=[1]`, `strides=(1,)`, `padding=valid`."
        ),
        "input_too_short",
    ),
    (
        "input_ndim_low 2-D",
        lambda: cc.conv1d(np.ones((1, 56)), np.ones((3, 1, 4))),
        KerasValueError,
        re.escape(
            "Input 0 with name 'None' of layer 'conv1d' is incompatible with the layer: expected "
            "min_ndim=3, found ndim=2. Full shape received: (1, 56)"
        ),
        "input_ndim_low",
    ),
    (
        "input_ndim_low 1-D",
        lambda: cc.conv1d(np.ones(56), np.ones((3, 1, 4))),
        KerasValueError,
        r"found ndim=1[\s\S]*x\.reshape\(1, 56, 1\)",
        "input_ndim_low",
    ),
    (
        "input_ndim_high",
        lambda: cc.conv1d(np.ones((1, 5, 5, 1)), np.ones((3, 1, 2))),
        KerasValueError,
        re.escape(
            "Kernel shape must have the same length as input, but received kernel of shape (3, 1, 2) "
            "and input of shape (1, 5, 5, 1)."
        ),
        "input_ndim_high",
    ),
    (
        "filters_groups",
        lambda: Conv1DSpec(6, 3, groups=4),
        KerasValueError,
        re.escape(
            "The number of filters must be evenly divisible by the number of groups. "
            "Received: groups=4, filters=6."
        ),
        "filters_groups",
    ),
    (
        "channels_groups",
        lambda: cc.conv1d(np.ones((1, 8, 4)), np.ones((3, 1, 3)), groups=3),
        KerasValueError,
        re.escape(
            "The number of input channels must be evenly divisible by the number of groups. Received "
            "groups=3, but the input has 4 channels (full input shape is (1, 8, 4))."
        ),
        "channels_groups",
    ),
    (
        "groups_not_positive",
        lambda: Conv1DSpec(6, 3, groups=0),
        KerasValueError,
        re.escape("The number of groups must be a positive integer. Received: groups=0."),
        "groups_not_positive",
    ),
    (
        "filters_not_positive",
        lambda: Conv1DSpec(0, 3),
        KerasValueError,
        re.escape(
            "Invalid value for argument `filters`. Expected a strictly positive value. Received filters=0."
        ),
        "filters_not_positive",
    ),
    (
        "not_positive kernel_size",
        lambda: Conv1DSpec(1, 0),
        KerasValueError,
        re.escape(
            "The `kernel_size` argument must be a tuple of 1 integers. Received kernel_size=0, "
            "including values {0} that do not satisfy `value > 0`"
        ),
        "not_positive",
    ),
    (
        "not_positive strides",
        lambda: Conv1DSpec(1, 3, strides=0),
        KerasValueError,
        re.escape("The `strides` argument must be a tuple of 1 integers. Received strides=0"),
        "not_positive",
    ),
    (
        "not_positive dilation_rate",
        lambda: Conv1DSpec(1, 3, dilation_rate=-1),
        KerasValueError,
        re.escape("The `dilation_rate` argument must be a tuple of 1 integers. Received dilation_rate=-1"),
        "not_positive",
    ),
    (
        "not_one_int",
        lambda: Conv1DSpec(1, (3, 3)),
        KerasValueError,
        re.escape("The `kernel_size` argument must be a tuple of 1 integers. Received kernel_size=(3, 3)"),
        "not_one_int",
    ),
    (
        "not_integer",
        lambda: Conv1DSpec(1, "3"),
        KerasValueError,
        r"The `kernel_size` argument must be a tuple of 1 integers\. "
        r"Received kernel_size=3 including element",
        "not_integer",
    ),
    (
        "padding_unknown",
        lambda: Conv1DSpec(1, 3, padding="reflect"),
        KerasValueError,
        r"The `padding` argument must be a list/tuple or one of \{.*\}\. Received: reflect",
        "padding_unknown",
    ),
    (
        "padding_full",
        lambda: Conv1DSpec(1, 3, padding="full"),
        KerasValueError,
        r"Received: full[\s\S]*ZeroPadding1D\(k_eff - 1\)",
        "padding_full",
    ),
    (
        "padding_list",
        _conv(padding=[1, 1]),
        KerasValueError,
        re.escape("`padding` must be either `'valid'` or `'same'`. Received [1, 1]."),
        "padding_list",
    ),
    (
        "padding_causal_not_allowed",
        lambda: cc.conv1d_transpose(X, np.ones((3, 2, 4)), padding="causal"),
        KerasValueError,
        r"Received: causal[\s\S]*exists only for Conv1D",
        "padding_causal_not_allowed",
    ),
    (
        "activation_unknown",
        _conv(activation="swoosh"),
        KerasValueError,
        re.escape("Could not interpret activation function identifier: swoosh"),
        "activation_unknown",
    ),
    (
        "data_format_unknown",
        _conv(data_format="channels_middle"),
        KerasValueError,
        re.escape(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            "Received: data_format=channels_middle"
        ),
        "data_format_unknown",
    ),
    (
        "unknown_arguments",
        _conv(border_mode="same"),
        KerasValueError,
        re.escape("Unrecognized keyword arguments passed to Conv1D: {'border_mode': 'same'}")
        + r"[\s\S]*border_mode -> padding",
        "unknown_arguments",
    ),
    (
        "legacy_required",
        lambda: cc.conv1d(X, K, nb_filter=4, filter_length=3),
        KerasTypeError,
        re.escape("Conv1D.__init__() missing 2 required positional arguments: 'filters' and 'kernel_size'"),
        "legacy_required",
    ),
    (
        "kernel_shape",
        lambda: cc.conv1d(X, np.ones((3, 2, 2))),
        KerasValueError,
        re.escape(
            "The kernel must have shape (kernel_size, channels // groups, filters) = (3, 4, 2), "
            "received (3, 2, 2)."
        )
        + r"[\s\S]*transpose\(2, 1, 0\)",
        "kernel_shape",
    ),
    (
        "kernel_ndim",
        lambda: cc.conv1d(X, np.ones((3, 1, 4, 2))),
        KerasValueError,
        r"The kernel must be 3-D[\s\S]*W\[:, 0\]",
        "kernel_ndim",
    ),
    (
        "bias_shape",
        lambda: cc.conv1d(X, K, np.ones(3)),
        KerasValueError,
        re.escape("The bias must have shape (2,), received (3,)."),
        "bias_shape",
    ),
    (
        "complex_input",
        lambda: cc.conv1d(X.astype(complex), K),
        KerasValueError,
        r"`x` must be real numbers",
        "complex_input",
    ),
    (
        "not_numeric",
        lambda: cc.conv1d(np.array([[["a"]]]), np.ones((1, 1, 1))),
        KerasValueError,
        r"`x` must be numeric",
        "not_numeric",
    ),
    (
        "output_padding",
        lambda: cc.conv1d_transpose(X, np.ones((3, 2, 4)), strides=2, output_padding=2),
        KerasValueError,
        re.escape("`output_padding` must be strictly less than `strides`"),
        "output_padding",
    ),
    (
        "transpose input_ndim",
        lambda: cc.conv1d_transpose(np.ones((1, 5)), np.ones((3, 2, 1))),
        KerasValueError,
        re.escape("expected ndim=3, found ndim=2. Full shape received: (1, 5)"),
        "input_ndim",
    ),
    (
        "transpose kernel_shape",
        lambda: cc.conv1d_transpose(X, np.ones((3, 2, 3))),
        KerasValueError,
        re.escape("The kernel must have shape (kernel_size, filters, channels) = (3, 2, 4)"),
        "kernel_shape",
    ),
    (
        "matrix_shape",
        lambda: conv_matrix(Conv1DSpec(1, 3), 5, np.ones((3, 1, 1))).apply(np.ones((1, 4, 1))),
        KerasValueError,
        re.escape("`x` must have shape (batch, 5, 1), received (1, 4, 1)."),
        "matrix_shape",
    ),
    (
        "pool_input_ndim",
        lambda: cc.max_pool1d(np.ones((1, 56))),
        KerasValueError,
        r"expected ndim=3, found ndim=2[\s\S]*x\.reshape\(1, 56, 1\)",
        "pool_input_ndim",
    ),
    (
        "pool_causal",
        lambda: cc.max_pool1d(X, padding="causal"),
        KerasValueError,
        re.escape("Invalid padding 'causal', must be 'same' or 'valid'."),
        "pool_causal",
    ),
    (
        "pool_strides_not_positive",
        lambda: cc.average_pool1d(X, 2, 0),
        KerasTypeError,
        re.escape(
            "reduce_window window_strides must have every element be strictly positive, got (1, 0, 1)."
        ),
        "pool_strides_not_positive",
    ),
    (
        "pool_kind",
        lambda: Pool1DSpec(2, kind="median"),
        KerasValueError,
        "Unknown pooling kind: median",
        "pool_kind",
    ),
    (
        "pool_size_required",
        lambda: run_layer("AveragePooling1D", {}, X),
        KerasTypeError,
        re.escape("AveragePooling1D.__init__() missing 1 required positional argument: 'pool_size'"),
        "pool_size_required",
    ),
    (
        "unknown_layer",
        lambda: run_layer("Conv2D", {}, X),
        KerasTypeError,
        "Unknown layer: Conv2D",
        "unknown_layer",
    ),
    # ---- derivation, shapes, legacy, initializers, receptive fields ----
    (
        "derivation_not_positive",
        lambda: cc.derive_output_length(7, 0),
        KerasValueError,
        re.escape("`kernel_size` must be a positive integer. Received kernel_size=0."),
        "derivation_not_positive",
    ),
    (
        "shape_unknown",
        lambda: cc.layer_shapes(Conv1DSpec(1, 3), (None, None, 4)),
        KerasValueError,
        r"The steps and channels of the input must be known",
        "shape_unknown",
    ),
    (
        "layout_unknown",
        lambda: cc.layer_shapes(Conv1DSpec(2, 3), (8, 4)).filter_slice("jax", 0),
        KerasValueError,
        "Unknown kernel layout: 'jax'",
        "layout_unknown",
    ),
    (
        "filter_index",
        lambda: cc.layer_shapes(Conv1DSpec(2, 3), (8, 4)).filter_slice("keras", 2),
        KerasValueError,
        re.escape("Filter index 2 is out of range for filters=2."),
        "filter_index",
    ),
    (
        "layout_ndim",
        lambda: cc.keras_to_torch(np.ones((5, 1, 300, 111))),
        KerasValueError,
        r"`kernel` must be 3-D[\s\S]*legacy_to_keras",
        "layout_ndim",
    ),
    (
        "legacy_axis1",
        lambda: cc.legacy_to_keras(np.ones((111, 300, 5, 1))),
        KerasValueError,
        re.escape("A Keras 1 Convolution1D kernel has 1 on axis 1, received shape (111, 300, 5, 1)."),
        "legacy_axis1",
    ),
    (
        "legacy_border_mode",
        lambda: cc.translate_legacy("MaxPooling1D", {"border_mode": "full"}),
        KerasValueError,
        r"Invalid border_mode: full",
        "legacy_border_mode",
    ),
    (
        "legacy_duplicate",
        lambda: cc.translate_legacy("Convolution1D", {"nb_filter": 4, "filters": 4, "filter_length": 3}),
        KerasValueError,
        "Both nb_filter and filters were given to Convolution1D.",
        "legacy_duplicate",
    ),
    (
        "legacy_missing",
        lambda: cc.translate_legacy("Convolution1D", {"nb_filter": 4}),
        KerasValueError,
        re.escape("Convolution1D needs filter_length (Keras 3: kernel_size)."),
        "legacy_missing",
    ),
    (
        "legacy_layer_unknown",
        lambda: cc.translate_legacy("Convolution2D", {}),
        KerasValueError,
        "Unknown Keras 1 layer: Convolution2D",
        "legacy_layer_unknown",
    ),
    (
        "legacy unknown argument",
        lambda: cc.translate_legacy("Convolution1D", {"nb_filter": 4, "filter_length": 3, "atrous_rate": 2}),
        KerasValueError,
        r"Unrecognized keyword arguments passed to Convolution1D: \{'atrous_rate': 2\}",
        "unknown_arguments",
    ),
    (
        "legacy kernel_ndim",
        lambda: cc.conv1d_full(np.ones((1, 4, 1)), np.ones((5, 1, 1, 1))),
        KerasValueError,
        r"The kernel must be 3-D",
        "kernel_ndim",
    ),
    (
        "preset_unknown",
        lambda: cc.make_kernel("sobel", (3, 1, 1)),
        KerasValueError,
        "Unknown kernel preset: 'sobel'.",
        "preset_unknown",
    ),
    (
        "preset_shape",
        lambda: cc.make_kernel("identity", (3, 1)),
        KerasValueError,
        r"The 'identity' kernel needs a conv kernel shape",
        "preset_shape",
    ),
    (
        "preset_shape non-positive",
        lambda: cc.make_kernel("ones", (3, 0, 1)),
        KerasValueError,
        re.escape("Every kernel dimension must be positive, received shape (3, 0, 1)."),
        "preset_shape",
    ),
    (
        "preset_kernel_size",
        lambda: cc.make_kernel("difference", (1, 1, 1)),
        KerasValueError,
        re.escape("The 'difference' kernel needs kernel_size >= 2, received kernel_size=1."),
        "preset_kernel_size",
    ),
    (
        "stack_empty",
        lambda: cc.receptive_field([], 8),
        KerasValueError,
        "The stack has no layers.",
        "stack_empty",
    ),
    (
        "stack_steps",
        lambda: cc.receptive_field([StackLayer("conv", 3)], 0),
        KerasValueError,
        re.escape("The input length must be a positive integer, received steps=0."),
        "stack_steps",
    ),
    (
        "stack_kind",
        lambda: StackLayer("dense", 3),
        KerasValueError,
        "Unknown layer kind: 'dense'.",
        "stack_kind",
    ),
    (
        "pool_dilation",
        lambda: StackLayer("max_pool", 2, dilation_rate=2),
        KerasValueError,
        re.escape("Pooling has no dilation_rate, received dilation_rate=2."),
        "pool_dilation",
    ),
    (
        "stack_too_short",
        lambda: cc.receptive_field(
            [StackLayer("conv", 3), StackLayer("max_pool", 2), StackLayer("conv", 3)], 7
        ),
        KerasValueError,
        r"Computed output size would be zero or negative\. Layer 2 \(conv, padding=valid\) receives 2 steps",
        "stack_too_short",
    ),
    # ---- conv_core.stack: a layer of a model, built on an input shape (None = unknown) ----
    (
        "stack_channels_groups_same_wording",
        lambda: cs.Conv1D(filters=4, kernel_size=3, groups=2).infer((None, 10, 3), "conv1d"),
        KerasValueError,
        re.escape(
            "The number of input channels must be evenly divisible by the number of groups. Received "
            "groups=2, but the input has 3 channels (full input shape is (None, 10, 3)).\n"
            "Each group sees channels/groups input channels: use a groups value that divides 3, or change "
            "the channels."
        ),
        "channels_groups",
    ),
    (
        "channels_groups_none_batch",
        lambda: check_channels_groups(4, 6, (None, 7, 6)),
        KerasValueError,
        re.escape("(full input shape is (None, 7, 6))"),
        "channels_groups",
    ),
    (
        "stack_input_too_short",
        lambda: cs.Conv1D(filters=2, kernel_size=5).infer((None, 3, 1), "conv1d_1"),
        KerasValueError,
        re.escape("`inputs shape=(None, 3, 1)`, `kernel shape=(5, 1, 2)`")
        + r".*\nWith padding='valid' this layer needs at least 5 input steps",
        "input_too_short",
    ),
    (
        "stack_pool_size_required",
        lambda: cs.MaxPooling1D(pool_size=None).infer((None, 8, 1), "max_pooling1d"),
        KerasTypeError,
        re.escape("MaxPooling1D.__init__() missing 1 required positional argument: 'pool_size'\n"
                  "MaxPooling1D has no default window in Keras 3: give pool_size, e.g. pool_size=2."),
        "pool_size_required",
    ),
    (
        "pool_size_required_factory",
        lambda: (_ for _ in ()).throw(pool_size_required_error("AveragePooling1D")),
        KerasTypeError,
        re.escape("AveragePooling1D has no default window in Keras 3: give pool_size, e.g. pool_size=2."),
        "pool_size_required",
    ),
    (
        "stack_input_ndim",
        lambda: cs.MaxPooling1D().infer((None, 64), "max_pooling1d"),
        KerasValueError,
        re.escape("Input 0 with name 'None' of layer 'max_pooling1d' is incompatible with the layer: "
                  "expected ndim=3, found ndim=2. Full shape received: (None, 64)"),
        "stack_input_ndim",
    ),
    (
        "stack_undefined_dim",
        lambda: cs.Dense(units=3).infer((None, None), "dense"),
        KerasValueError,
        re.escape("Received: shape=(None, 3) for variable path='sequential/dense/kernel'"),
        "stack_undefined_dim",
    ),
    (
        "stack_units",
        lambda: cs.LSTM(units=0).infer((None, 4, 2), "lstm"),
        KerasValueError,
        re.escape("Received an invalid value for argument `units`, expected a positive integer, got 0."),
        "stack_units",
    ),
    (
        "stack_conv_ndim_high",
        lambda: cs.Conv1D(filters=2, kernel_size=3).infer((None, 5, 4, 8), "conv1d"),
        KerasValueError,
        re.escape("received kernel of shape (3, 8, 2) and input of shape (None, 5, 4, 8)."),
        "stack_conv_ndim_high",
    ),
    (
        "pool_too_short",
        lambda: cs.MaxPooling1D(pool_size=4).infer((None, 3, 2), "max_pooling1d"),
        KerasValueError,
        re.escape("`inputs.shape=[None 3 2]`, `pool_size=[4]`"),
        "pool_too_short",
    ),
    (
        "stack_embedding_dims",
        lambda: cs.Embedding(input_dim=10, output_dim=0).infer((None, 5), "embedding"),
        KerasValueError,
        re.escape("Both `input_dim` and `output_dim` should be positive"),
        "stack_embedding_dims",
    ),
    (
        "stack_rate",
        lambda: cs.Dropout(rate=1.5).infer((None, 5, 1), "dropout"),
        KerasValueError,
        re.escape("Expected a float value between 0 and 1. Received: rate=1.5"),
        "stack_rate",
    ),
    (
        "stack_zero_padding",
        lambda: cs.ZeroPadding1D(padding=-1).infer((None, 5, 1), "zero_padding1d"),
        KerasValueError,
        re.escape("The `padding` argument must be a tuple of 2 integers. Received padding=-1"),
        "stack_zero_padding",
    ),
    (
        "stack_bn_axis",
        lambda: cs.BatchNormalization(axis=3).infer((None, 5, 1), "batch_normalization"),
        KerasValueError,
        re.escape("Invalid axis: 3 for input of shape (None, 5, 1)"),
        "stack_bn_axis",
    ),
    (
        "stack_unsupported_layer",
        lambda: cs.UnsupportedLayer(keras_name="Conv2D").infer((None, 5, 1), "conv2d"),
        KerasValueError,
        "Conv2D is not supported by Conv1D Explorer",
        "stack_unsupported_layer",
    ),
    (
        "stack_weights",
        lambda: cs.run_stack(cs.Stack((cs.Conv1D(filters=1, kernel_size=2),), (4, 1)), np.ones((1, 4, 1)), {}),
        KerasValueError,
        re.escape("No weights given for layer 'conv1d'."),
        "stack_weights",
    ),
    (
        "stack_too_large",
        lambda: cs.default_weights(cs.Stack((cs.Conv1D(filters=3, kernel_size=5_000_000, padding="same"),), (100, 1))),
        KerasValueError,
        re.escape("Computing this model takes 15,000,403 numbers (weights 15,000,003, inputs and outputs 400), "
                  "over the explorer's limit of 4,000,000."),
        "stack_too_large",
    ),
    # Issue 16 layers: the messages are real Keras 3.15.1's (checked by running Keras once).
    *[(code, call, exc, re.escape(text), code) for code, call, exc, text in [
        ("stack_concatenate_shapes", lambda: cs.Concatenate().infer_many([(None, 10, 4), (None, 9, 4)], "c"),
         KerasValueError, "A `Concatenate` layer requires inputs with matching shapes except for the concatenation "
         "axis. Received: input_shape=[(None, 10, 4), (None, 9, 4)]"),
        ("stack_merge_shapes", lambda: cs.Add().infer_many([(None, 10, 4), (None, 9, 4)], "add"), KerasValueError,
         "Inputs have incompatible shapes. Received shapes (10, 4) and (9, 4)"),
        ("stack_merge_count", lambda: cs.Subtract().infer_many([(None, 4)] * 3, "subtract"), KerasValueError,
         "A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=[(None, 4), (None, 4), "
         "(None, 4)]"),
        ("stack_dot_shapes", lambda: cs.Dot(axes=1).infer_many([(None, 8), (None, 9)], "dot"), KerasValueError,
         "Incompatible input shapes: axis values 8 (at axis 1) != 9 (at axis 1). Full input shapes: (None, 8), "
         "(None, 9)"),
        ("stack_dot_axes", lambda: cs.Dot(axes="x").infer_many([(None, 8), (None, 8)], "dot"), KerasTypeError,
         "Invalid type for argument `axes`: it should be a list or an int. Received: axes=x"),
        ("stack_cropping_long", lambda: cs.Cropping1D(cropping=(5, 6)).infer((None, 10, 2), "c"), KerasValueError,
         "`cropping` parameter of `Cropping1D` layer must be smaller than the input length. Received: "
         "input_shape=(None, 10, 2), cropping=(5, 6)"),
        ("stack_cropping", lambda: cs.Cropping1D(cropping=(-1, 2)).infer((None, 10, 2), "c"), KerasValueError,
         "The `cropping` argument must be a tuple of 2 integers. Received cropping=(-1, 2), including values {-1} "
         "that do not satisfy `value >= 0`"),
        ("stack_reshape_size", lambda: cs.Reshape(target_shape=(7,)).infer((None, 10), "r"), KerasValueError,
         "The total size of the tensor must be unchanged. Received: input_shape=(10,), target_shape=(7,)"),
        ("stack_permute_dims", lambda: cs.Permute(dims=(1, 3)).infer((None, 10, 2), "p"), KerasValueError,
         "Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive "
         "and start from 1. Received dims=(1, 3)"),
        ("stack_relu_argument", lambda: cs.ReLU(max_value=-1).infer((None, 4, 2), "re_lu"), KerasValueError,
         "max_value of a ReLU layer cannot be a negative value. Received: max_value=-1"),
        ("stack_output_padding", lambda: cs.Conv1DTranspose(filters=4, kernel_size=3, strides=2, output_padding=2)
         .infer((None, 10, 2), "t"), KerasValueError,
         "`output_padding` must be strictly less than `strides` for all dimensions. At dimension 0, `output_padding` "
         "is 2 but `strides` is 2. Received: output_padding=(2,), strides=(2,)"),
        ("stack_transpose_padding", lambda: cs.Conv1DTranspose(filters=4, kernel_size=3, padding="causal")
         .infer((None, 10, 2), "t"), KerasValueError,
         "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal"),
        ("stack_strides_dilation", lambda: cs.Conv1DTranspose(filters=4, kernel_size=3, strides=2, dilation_rate=2)
         .infer((None, 10, 2), "t"), KerasValueError,
         "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2,) and "
         "dilation_rate=(2,)"),
        ("stack_positive_argument", lambda: cs.SeparableConv1D(filters=0, kernel_size=3).infer((None, 10, 2), "s"),
         KerasValueError, "Invalid value for argument `filters`. Expected a strictly positive value. Received "
         "filters=0."),
        ("stack_merge_mode", lambda: cs.Bidirectional(layer=cs.LSTM(units=3), merge_mode="x").infer((None, 4, 2), "b"),
         KerasValueError, 'Invalid merge mode. Received: x. Merge mode should be one of {"sum", "mul", "ave", '
         '"concat", None}'),
        ("stack_time_distributed_ndim", lambda: cs.TimeDistributed(layer=cs.Dense(units=3)).infer((None, 4), "t"),
         KerasValueError, "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, "
         "received: (None, 4)"),
        ("stack_attention_score", lambda: cs.Attention(score_mode="x").infer_many([(None, 4, 2)] * 2, "a"),
         KerasValueError, "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. Received: "
         "score_mode=x"),
        ("stack_attention_inputs", lambda: cs.Attention().infer_many([(None, 4, 2)], "a"), KerasValueError,
         "Attention layer accepts inputs list of length 2 or 3, namely [query, value] or [query, value, key]. "
         "Received length: 1."),
        ("stack_mha_argument", lambda: cs.MultiHeadAttention(num_heads=0, key_dim=2).infer_many([(None, 4, 2)] * 2,
                                                                                                 "m"),
         KerasValueError, "Received an invalid value for argument `num_heads`, expected a positive integer. "
         "Received: num_heads=0"),
        ("stack_whole_argument", lambda: cs.UpSampling1D(size=0).infer((None, 4, 2), "u"), KerasValueError,
         "Argument `size` should be a positive integer. Received: size=0"),
        ("stack_input_count", lambda: cs.Dense(units=3).infer_many([(None, 4), (None, 4)], "dense_2"),
         KerasValueError, 'Layer "dense_2" expects 1 input(s), but it received 2 input tensors.'),
        # Explorer-worded (Keras raises elsewhere or differently for these)
        ("stack_bidirectional_layer", lambda: cs.Bidirectional(layer=cs.Dense(units=3)).infer((None, 4, 2), "b"),
         KerasValueError, "Please initialize `Bidirectional` layer with a RNN layer instance. Received: Dense"),
        ("stack_prelu_axes", lambda: cs.PReLU(shared_axes=[5]).infer((None, 10, 2), "p"), KerasValueError,
         "Invalid shared_axes [5] for input of shape (None, 10, 2)"),
        ("stack_reshape_target", lambda: cs.Reshape(target_shape=(-1, -1)).infer((None, 10), "r"), KerasValueError,
         "Invalid `target_shape`: (-1, -1)."),
        ("stack_lambda_shape", lambda: cs.Lambda().infer((None, 10), "lambda"), KerasValueError,
         "We could not automatically infer the shape of the Lambda's output. Please specify the `output_shape` "
         "argument for this Lambda layer."),
        ("stack_input_unknown", lambda: cs.InputLayer().infer_many([], "input_layer"), KerasValueError,
         "The input shape of 'input_layer' is not given."),
    ]],
]


@pytest.mark.parametrize("call,exc,match,code", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_error_message(call: Callable[[], object], exc: type[Exception], match: str, code: str) -> None:
    with pytest.raises(exc, match=match) as info:
        call()
    err = info.value
    assert isinstance(err, ConvError)
    assert isinstance(err, ValueError if exc is KerasValueError else TypeError)
    assert err.code == code
    assert err.hint, "every error teaches: a hint a learner can act on"
    assert str(err) == f"{err.keras}\n{err.hint}"


def test_two_d_input_hint_suggests_reshape_to_three_axes() -> None:
    with pytest.raises(ValueError, match="expected min_ndim=3, found ndim=2") as info:
        cc.conv1d(np.ones((1, 56)), np.ones((3, 1, 4)))
    err = info.value
    assert isinstance(err, KerasValueError)
    assert "x.reshape(1, 56, 1)" in err.hint
    assert "(batch, steps, channels)" in err.hint
    assert err.values["fix"] == "x.reshape(1, 56, 1)"
    assert err.values["shape"] == (1, 56)
    # Keras 2's wording is quoted for learners who search for it
    assert "expected conv1d_input to have 3 dimensions" in err.hint
    # and the suggested fix works
    y = cc.conv1d(np.ones((1, 56)).reshape(1, 56, 1), np.ones((3, 1, 4)))
    assert y.shape == (1, 54, 4)


def test_input_too_short_hint_names_the_numbers() -> None:
    with pytest.raises(KerasValueError) as info:
        cc.conv1d(np.ones((1, 4, 1)), np.ones((3, 1, 1)), dilation_rate=2)
    assert info.value.values == {"steps": 4, "keff": 5}
    assert "at least 5 steps" in info.value.hint


def _codes_in_sources() -> set[str]:
    root = Path(cc.__file__).parent
    codes: set[str] = set()
    for path in root.rglob("*.py"):  # conv_core.stack included
        if path.name == "signals.py":  # input generators: not part of this test table's scope
            continue
        text = path.read_text(encoding="utf-8")
        codes.update(re.findall(r'code="([a-z_0-9]+)"', text))
        codes.update(re.findall(r'code = "([a-z_0-9]+)"', text))
    return codes


def test_every_error_code_has_a_test() -> None:
    tested = {c[4] for c in CASES}
    assert _codes_in_sources() - tested == set()


@pytest.mark.parametrize(
    "call,fix",
    [
        (
            lambda: cc.conv1d(np.ones((1, 56)), np.ones((3, 1, 4)), data_format="channels_first"),
            "x.reshape(1, 1, 56)",
        ),
        (lambda: cc.conv1d(np.ones(56), np.ones((3, 1, 4))), "x.reshape(1, 56, 1)"),
        (lambda: cc.max_pool1d(np.ones((1, 56))), "x.reshape(1, 56, 1)"),
        (lambda: cc.max_pool1d(np.ones((1, 56)), data_format="channels_first"), "x.reshape(1, 1, 56)"),
        (
            lambda: cc.global_average_pool1d(np.ones((2, 9)), data_format="channels_first"),
            "x.reshape(2, 1, 9)",
        ),
    ],
)
def test_reshape_hint_follows_data_format(call: Callable[[], object], fix: str) -> None:
    with pytest.raises(KerasValueError) as info:
        call()
    assert info.value.values["fix"] == fix
    assert fix in info.value.hint
