"""conv_core: Keras 3 Conv1D and 1-D pooling in pure NumPy, with every number explained.

This package never imports Qt or pyqtgraph; the app draws what it returns.
"""

from .activations import ACTIVATIONS, activation_names, apply_activation
from .conv import conv1d, conv1d_from_spec, conv1d_transpose
from .errors import ConvError, KerasTypeError, KerasValueError
from .padding import effective_kernel_size, output_length, padding_amounts
from .pooling import (
    average_pool1d,
    global_average_pool1d,
    global_max_pool1d,
    max_pool1d,
    pool1d_from_spec,
    pool_windows,
)
from .spec import Conv1DSpec, Pool1DSpec, check_conv_input
from .trace import PAD, CellTrace, Conv1DTrace, trace_conv1d

__all__ = [
    "ACTIVATIONS",
    "PAD",
    "CellTrace",
    "Conv1DSpec",
    "Conv1DTrace",
    "ConvError",
    "KerasTypeError",
    "KerasValueError",
    "Pool1DSpec",
    "activation_names",
    "apply_activation",
    "average_pool1d",
    "check_conv_input",
    "conv1d",
    "conv1d_from_spec",
    "conv1d_transpose",
    "effective_kernel_size",
    "global_average_pool1d",
    "global_max_pool1d",
    "max_pool1d",
    "output_length",
    "padding_amounts",
    "pool1d_from_spec",
    "pool_windows",
    "trace_conv1d",
]

__version__ = "0.1.0"
