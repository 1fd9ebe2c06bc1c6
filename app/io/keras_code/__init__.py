"""Read the Keras model code learners paste, with :mod:`ast` only: nothing is ever run.

:mod:`.reader` walks the code, :mod:`.vocabulary` is what it knows about Keras
(layer signatures, Keras 1 names, what it never runs), :mod:`.results` is what it
gives back (models, remarks with their line, the input shape).
"""

from app.io.keras_code.reader import parse_keras, parse_keras_file
from app.io.keras_code.results import Diagnostic, ParsedModel, ParseResult, Unknown, resolve_input_shape

__all__ = [
    "Diagnostic",
    "ParseResult",
    "ParsedModel",
    "Unknown",
    "parse_keras",
    "parse_keras_file",
    "resolve_input_shape",
]
