"""What the reader knows about Keras: layer signatures, Keras 1 names, aliases, and what it never runs."""

from __future__ import annotations

import builtins

LAYER_SIGNATURES: dict[str, tuple[str, ...]] = {
    "Conv1D": ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups",
               "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer",
               "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"),
    "MaxPooling1D": ("pool_size", "strides", "padding", "data_format"),
    "AveragePooling1D": ("pool_size", "strides", "padding", "data_format"),
    "GlobalMaxPooling1D": ("data_format", "keepdims"),
    "GlobalAveragePooling1D": ("data_format", "keepdims"),
    "Embedding": ("input_dim", "output_dim", "embeddings_initializer", "embeddings_regularizer",
                  "embeddings_constraint", "mask_zero", "weights", "lora_rank", "lora_alpha",
                  "quantization_config"),
    "Dropout": ("rate", "noise_shape", "seed"),
    "SpatialDropout1D": ("rate", "seed"),
    "Flatten": ("data_format",),
    "Dense": ("units", "activation", "use_bias", "kernel_initializer", "bias_initializer",
              "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
              "bias_constraint", "lora_rank", "lora_alpha", "quantization_config"),
    "SimpleRNN": ("units", "activation", "use_bias", "kernel_initializer", "recurrent_initializer",
                  "bias_initializer", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
                  "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
                  "dropout", "recurrent_dropout", "return_sequences", "return_state", "go_backwards",
                  "stateful", "unroll", "seed"),
    "LSTM": ("units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
             "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
             "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
             "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
             "return_sequences", "return_state", "go_backwards", "stateful", "unroll", "use_cudnn"),
    "GRU": ("units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
            "recurrent_initializer", "bias_initializer", "kernel_regularizer", "recurrent_regularizer",
            "bias_regularizer", "activity_regularizer", "kernel_constraint", "recurrent_constraint",
            "bias_constraint", "dropout", "recurrent_dropout", "seed", "return_sequences", "return_state",
            "go_backwards", "stateful", "unroll", "reset_after", "use_cudnn"),
    "Activation": ("activation",),
    "BatchNormalization": ("axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
                           "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
                           "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint",
                           "renorm", "renorm_clipping", "renorm_momentum", "synchronized"),
    "ZeroPadding1D": ("padding", "data_format"),
    "SeparableConv1D": ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                        "depth_multiplier", "activation", "use_bias", "depthwise_initializer",
                        "pointwise_initializer", "bias_initializer", "depthwise_regularizer",
                        "pointwise_regularizer", "bias_regularizer", "activity_regularizer",
                        "depthwise_constraint", "pointwise_constraint", "bias_constraint"),
    "DepthwiseConv1D": ("kernel_size", "strides", "padding", "depth_multiplier", "data_format",
                        "dilation_rate", "activation", "use_bias", "depthwise_initializer", "bias_initializer",
                        "depthwise_regularizer", "bias_regularizer", "activity_regularizer",
                        "depthwise_constraint", "bias_constraint"),
    "Conv1DTranspose": ("filters", "kernel_size", "strides", "padding", "output_padding", "data_format",
                        "dilation_rate", "activation", "use_bias", "kernel_initializer", "bias_initializer",
                        "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
                        "bias_constraint"),
    "UpSampling1D": ("size",),
    "Cropping1D": ("cropping",),
    "Reshape": ("target_shape",),
    "Permute": ("dims",),
    "RepeatVector": ("n",),
    "GaussianNoise": ("stddev", "seed"),
    "GaussianDropout": ("rate", "seed"),
    "LayerNormalization": ("axis", "epsilon", "center", "scale", "rms_scaling", "beta_initializer",
                           "gamma_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint",
                           "gamma_constraint"),
    "ReLU": ("max_value", "negative_slope", "threshold"),
    "LeakyReLU": ("negative_slope", "alpha"),
    "PReLU": ("alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"),
    "ELU": ("alpha",),
    "Softmax": ("axis",),
    "Masking": ("mask_value",),
    "Concatenate": ("axis",),
    "Add": (), "Subtract": (), "Multiply": (), "Average": (), "Maximum": (), "Minimum": (),
    "Dot": ("axes", "normalize"),
    "Attention": ("use_scale", "score_mode", "dropout", "seed"),
    "MultiHeadAttention": ("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape",
                           "attention_axes", "kernel_initializer", "bias_initializer", "kernel_regularizer",
                           "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint",
                           "seed"),
    "Bidirectional": ("layer", "merge_mode", "weights", "backward_layer"),
    "TimeDistributed": ("layer",),
    "Lambda": ("function", "output_shape", "mask", "arguments"),
}
# The functional helpers: ``concatenate([a, b], axis=1)`` is ``Concatenate(axis=1)([a, b])``.
MERGE_FUNCTIONS = {"concatenate": "Concatenate", "add": "Add", "subtract": "Subtract", "multiply": "Multiply",
                   "average": "Average", "maximum": "Maximum", "minimum": "Minimum", "dot": "Dot"}
# Keras 1 ``merge(..., mode=...)`` / ``Merge(mode=...)``: the Keras 3 class for each mode.
KERAS1_MERGE_MODES = {"concat": "Concatenate", "sum": "Add", "mul": "Multiply", "ave": "Average",
                      "max": "Maximum", "dot": "Dot", "cos": "Dot"}
WRAPPER_CLASSES = {"Bidirectional", "TimeDistributed"}
REQUIRED = {
    "Conv1D": ("filters", "kernel_size"), "Embedding": ("input_dim", "output_dim"), "Dense": ("units",),
    "SimpleRNN": ("units",), "LSTM": ("units",), "GRU": ("units",), "Dropout": ("rate",),
    "SpatialDropout1D": ("rate",), "Activation": ("activation",), "AveragePooling1D": ("pool_size",),
    "SeparableConv1D": ("filters", "kernel_size"), "DepthwiseConv1D": ("kernel_size",),
    "Conv1DTranspose": ("filters", "kernel_size"), "Reshape": ("target_shape",), "Permute": ("dims",),
    "RepeatVector": ("n",), "GaussianNoise": ("stddev",), "GaussianDropout": ("rate",), "Dot": ("axes",),
    "MultiHeadAttention": ("num_heads", "key_dim"), "Bidirectional": ("layer",), "TimeDistributed": ("layer",),
    "Lambda": ("function",),
}
# Every Keras layer accepts these (Keras 3 Layer.__init__, and Keras 2's extra ones).
BASE_KWARGS = {"name", "dtype", "trainable", "autocast", "activity_regularizer", "input_shape", "input_dim",
                "batch_input_shape", "batch_size", "weights"}
# Arguments read into the input shape, not into the layer.
INPUT_KWARGS = {"input_shape", "batch_input_shape", "input_dim", "input_length", "batch_size"}
# Layers that accept the Keras 1/2 input_length
STEPS_LAYERS = {"Conv1D", "SimpleRNN", "LSTM", "GRU", "Embedding", "SeparableConv1D", "Conv1DTranspose"}

ALIASES = {
    "Convolution1D": "Conv1D", "MaxPool1D": "MaxPooling1D", "AvgPool1D": "AveragePooling1D",
    "GlobalMaxPool1D": "GlobalMaxPooling1D", "GlobalAvgPool1D": "GlobalAveragePooling1D",
    "SeparableConvolution1D": "SeparableConv1D", "Convolution1DTranspose": "Conv1DTranspose",
}
LEGACY_ONLY = {"AtrousConvolution1D", "Merge", "merge"}
SPECIAL = {"Input", "InputLayer", "Sequential", "Model", "Functional"}
# Keras layers the explorer knows of but does not model.
UNSUPPORTED = {
    "Conv2D", "Conv3D", "Conv2DTranspose",
    "MaxPooling2D", "AveragePooling2D", "GlobalMaxPooling2D", "GlobalAveragePooling2D",
    "ConvLSTM1D", "RNN", "GroupNormalization",
    "UnitNormalization", "AdditiveAttention", "ThresholdedReLU", "AlphaDropout", "Identity",
    "ActivityRegularization", "SpatialDropout2D", "CuDNNGRU", "CuDNNLSTM", "LocallyConnected1D",
    "Rescaling", "Normalization", "TextVectorization", "Resizing", "Cropping2D", "ZeroPadding2D",
}
KNOWN = set(LAYER_SIGNATURES) | set(ALIASES) | LEGACY_ONLY | SPECIAL | set(MERGE_FUNCTIONS)
BY_LOWER = {name.lower(): name for name in KNOWN | UNSUPPORTED}

# Keras 1 argument names of layers conv_core.legacy does not translate.
KERAS1_COMMON = {"init": "kernel_initializer", "W_regularizer": "kernel_regularizer",
                  "b_regularizer": "bias_regularizer", "W_constraint": "kernel_constraint",
                  "b_constraint": "bias_constraint", "bias": "use_bias"}
KERAS1_RNN = {**KERAS1_COMMON, "output_dim": "units", "inner_init": "recurrent_initializer",
               "inner_activation": "recurrent_activation", "U_regularizer": "recurrent_regularizer",
               "U_constraint": "recurrent_constraint", "dropout_W": "dropout",
               "dropout_U": "recurrent_dropout"}
KERAS1_RENAMES: dict[str, dict[str, str]] = {
    "Dense": {**KERAS1_COMMON, "output_dim": "units"},
    "SimpleRNN": KERAS1_RNN, "LSTM": KERAS1_RNN, "GRU": KERAS1_RNN,
    "Dropout": {"p": "rate"}, "SpatialDropout1D": {"p": "rate"},
    "Embedding": {"init": "embeddings_initializer", "W_regularizer": "embeddings_regularizer",
                  "W_constraint": "embeddings_constraint"},
    "BatchNormalization": {"beta_init": "beta_initializer", "gamma_init": "gamma_initializer"},
}
KERAS1_DROPPED = {"consume_less", "mode", "dropout"}  # Keras 1 arguments with no Keras 3 counterpart

LEGACY_CONV_TRIGGERS = {"nb_filter", "filter_length", "border_mode", "subsample_length", "atrous_rate",
                         "init", "W_regularizer", "b_regularizer", "W_constraint", "b_constraint", "bias"}
LEGACY_POOL_TRIGGERS = {"pool_length", "stride", "border_mode"}
KERAS1_CONV_POSITIONAL = ("nb_filter", "filter_length", "init", "activation", "weights", "border_mode",
                           "subsample_length")
KERAS1_ATROUS_POSITIONAL = (*KERAS1_CONV_POSITIONAL, "atrous_rate")
KERAS1_POOL_POSITIONAL = ("pool_length", "stride", "border_mode")

MODEL_METHODS = {"compile", "fit", "fit_generator", "evaluate", "evaluate_generator", "predict",
                  "predict_generator", "predict_classes", "summary", "save", "save_weights",
                  "load_weights", "get_layer", "get_weights", "set_weights", "train_on_batch",
                  "test_on_batch", "predict_on_batch", "to_json", "count_params", "reset_states",
                  "export", "call", "get_config"}
DEFAULT_MODULES = {"keras": "keras", "tf": "tensorflow", "tensorflow": "tensorflow",
                    "layers": "keras.layers", "models": "keras.models"}
ACTIVATION_MODULES = ("keras.activations", "tensorflow.nn", "tensorflow.keras.activations",
                       "tensorflow.math", "keras.ops")
# Names whose call in pasted code would be dangerous if it were run (it never is).
DANGEROUS_NAMES = {"__import__", "eval", "exec", "compile", "open", "getattr", "setattr", "delattr",
                    "globals", "locals", "vars", "input", "breakpoint", "help", "exit", "quit"}
DANGEROUS_MODULES = {"os", "subprocess", "sys", "shutil", "socket", "pathlib", "builtins", "importlib",
                      "pickle", "ctypes", "urllib", "requests", "http", "webbrowser", "pty", "signal"}
DANGEROUS_ATTRS = {"system", "popen", "Popen", "remove", "unlink", "rmtree", "rmdir", "check_output",
                    "check_call", "execv", "execl", "execvp", "spawnl", "kill", "write_text", "write_bytes"}
BUILTINS = frozenset(dir(builtins))
SMART_CHARS = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\uff0c": ",",
                "\uff08": "(", "\uff09": ")", "\uff1d": "=", "\u00a0": " ", "\u3000": " "}
MAX_SKIPPED_LINES = 400


def is_keras_path(path: str) -> bool:
    return path == "keras" or path.startswith(("keras.", "tensorflow.keras", "tensorflow.python.keras",
                                               "tf_keras"))


IRRELEVANT_SUFFIXES = ("_initializer", "_regularizer", "_constraint")


def irrelevant(key: str, legacy: bool = False) -> bool:
    """Arguments that change neither shapes nor parameter counts nor the computed values."""
    if key.endswith(IRRELEVANT_SUFFIXES) or key in {"dtype", "trainable", "seed", "noise_shape",
                                                     "weights", "name", "momentum", "epsilon",
                                                     "recurrent_activation", "dropout", "recurrent_dropout",
                                                     "go_backwards", "stateful", "unroll", "use_cudnn",
                                                     "lora_rank", "lora_alpha", "quantization_config",
                                                     "autocast", "renorm", "renorm_clipping",
                                                     "renorm_momentum", "synchronized", "unit_forget_bias",
                                                     "mask", "arguments", "rms_scaling", "attention_axes",
                                                     "max_value", "threshold", "negative_slope", "alpha",
                                                     "stddev", "mask_value", "normalize"}:
        return True
    return legacy and key in {"init", "W_regularizer", "b_regularizer", "W_constraint", "b_constraint",
                              "activity_regularizer", "weights"}


def example_call(cls: str) -> str:
    return {"Conv1D": "Conv1D(32, 3)", "Embedding": "Embedding(10000, 128)", "Dense": "Dense(1)",
            "SimpleRNN": "SimpleRNN(32)", "LSTM": "LSTM(32)", "GRU": "GRU(32)", "Dropout": "Dropout(0.2)",
            "SpatialDropout1D": "SpatialDropout1D(0.2)",
            "Activation": "Activation('relu')", "Reshape": "Reshape((60, 1))", "RepeatVector": "RepeatVector(10)",
            "Bidirectional": "Bidirectional(LSTM(32))", "TimeDistributed": "TimeDistributed(Dense(1))",
            "SeparableConv1D": "SeparableConv1D(32, 3)", "Conv1DTranspose": "Conv1DTranspose(32, 3)",
            "DepthwiseConv1D": "DepthwiseConv1D(3)", "Permute": "Permute((2, 1))",
            "MultiHeadAttention": "MultiHeadAttention(num_heads=2, key_dim=16)",
            "Lambda": "Lambda(lambda x: x, output_shape=(60, 1))"}.get(cls, cls + "()")
MAX_CALL_DEPTH = 16  # functions calling functions: how deep the reader follows
MAX_CALLS = 1000  # function calls followed in one snippet (a tree of recursive calls stops here)
