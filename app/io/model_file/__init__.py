"""Keras model files (``.keras`` and ``.h5``) read without running any of them.

Modules
-------
container  the file's bytes within limits: the zip or HDF5, the config JSON (``open_container``)
config     the architecture from the config: layers in order, the input, notes (``read_architecture``)
weights    each layer's stored weights through h5py, checked before they are read (``read_weights``)
model      ``open_model`` -> ``SavedModel``: the stack, the summary, runs of real inputs
diagram    one Conv1D as a session on the input it really receives (``layer_session``)
"""

from app.io.model_file.config import Architecture, SavedLayer
from app.io.model_file.container import LIMITS, ModelFileError
from app.io.model_file.diagram import example_input, layer_session
from app.io.model_file.model import (
    SavedModel,
    file_digest,
    model_ref_problem,
    open_model,
    stack_layer,
    token_ids,
)

__all__ = [
    "LIMITS",
    "Architecture",
    "ModelFileError",
    "SavedLayer",
    "SavedModel",
    "example_input",
    "file_digest",
    "layer_session",
    "model_ref_problem",
    "open_model",
    "stack_layer",
    "token_ids",
]
