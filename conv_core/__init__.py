"""conv_core: Keras 3 Conv1D and 1-D pooling in pure NumPy, with every number explained.

This package never imports Qt or pyqtgraph; the app draws what it returns.
"""

from .activations import ACTIVATIONS, KERAS_ACTIVATIONS, ActivationName, activation_names, apply_activation
from .conv import conv1d, conv1d_from_spec
from .derivation import (
    DERIVATION_KEYS,
    ENGLISH_TEMPLATES,
    Derivation,
    DerivationStep,
    derive_output_length,
    render_derivation,
)
from .errors import ConvError, KerasTypeError, KerasValueError
from .filter_bank import FilterBankLayout
from .initializers import KERNEL_PRESETS, compute_fans, make_kernel
from .legacy import LegacyNote, LegacyTranslation, conv1d_full, legacy_output_length, translate_legacy
from .padding import (
    PADDINGS,
    POOL_PADDINGS,
    Padding,
    PoolPadding,
    effective_kernel_size,
    output_length,
    padding_amounts,
)
from .pooling import (
    average_pool1d,
    global_average_pool1d,
    global_max_pool1d,
    max_pool1d,
    pool1d_from_spec,
    pool_windows,
)
from .receptive import FieldNumbers, LayerField, ReceptiveField, StackLayer, receptive_field
from .shapes import (
    FILTER_SLICES,
    LayerShapes,
    keras_to_legacy,
    keras_to_torch,
    layer_shapes,
    legacy_to_keras,
    theano_legacy_to_keras,
    torch_to_keras,
)
from .spec import (
    CONV1D_ARGUMENTS,
    CONV1D_DEFAULTS,
    CONV1D_KERAS_DEFAULTS,
    DATA_FORMATS,
    POOL1D_ARGUMENTS,
    POOL1D_KERAS_DEFAULTS,
    Conv1DSpec,
    DataFormat,
    Pool1DSpec,
    check_conv_input,
)
from .trace import PAD, CellTrace, Conv1DTrace, trace_conv1d
from .transpose import (
    CONV1D_TRANSPOSE_ARGUMENTS,
    Conv1DTransposeSpec,
    Conv1DTransposeTrace,
    conv1d_transpose,
    conv1d_transpose_from_spec,
    trace_conv1d_transpose,
)

__all__ = [
    "ACTIVATIONS",
    "CONV1D_ARGUMENTS",
    "CONV1D_DEFAULTS",
    "CONV1D_KERAS_DEFAULTS",
    "CONV1D_TRANSPOSE_ARGUMENTS",
    "DATA_FORMATS",
    "DERIVATION_KEYS",
    "ENGLISH_TEMPLATES",
    "FILTER_SLICES",
    "KERAS_ACTIVATIONS",
    "KERNEL_PRESETS",
    "PAD",
    "PADDINGS",
    "POOL1D_ARGUMENTS",
    "POOL1D_KERAS_DEFAULTS",
    "POOL_PADDINGS",
    "ActivationName",
    "CellTrace",
    "Conv1DSpec",
    "Conv1DTrace",
    "Conv1DTransposeSpec",
    "Conv1DTransposeTrace",
    "ConvError",
    "DataFormat",
    "Derivation",
    "DerivationStep",
    "FieldNumbers",
    "FilterBankLayout",
    "KerasTypeError",
    "KerasValueError",
    "LayerField",
    "LayerShapes",
    "LegacyNote",
    "LegacyTranslation",
    "Padding",
    "Pool1DSpec",
    "PoolPadding",
    "ReceptiveField",
    "StackLayer",
    "activation_names",
    "apply_activation",
    "average_pool1d",
    "check_conv_input",
    "compute_fans",
    "conv1d",
    "conv1d_from_spec",
    "conv1d_full",
    "conv1d_transpose",
    "conv1d_transpose_from_spec",
    "derive_output_length",
    "effective_kernel_size",
    "global_average_pool1d",
    "global_max_pool1d",
    "keras_to_legacy",
    "keras_to_torch",
    "layer_shapes",
    "legacy_output_length",
    "legacy_to_keras",
    "make_kernel",
    "max_pool1d",
    "output_length",
    "padding_amounts",
    "pool1d_from_spec",
    "pool_windows",
    "receptive_field",
    "render_derivation",
    "theano_legacy_to_keras",
    "torch_to_keras",
    "trace_conv1d",
    "trace_conv1d_transpose",
    "translate_legacy",
]

__version__ = "0.1.0"
