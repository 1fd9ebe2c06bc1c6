"""Read the Keras model code learners paste, with :mod:`ast` only: nothing is ever run (see :mod:`.reader`)."""

from app.io.keras_code.reader import (
    Diagnostic,
    ParsedModel,
    ParseResult,
    Unknown,
    parse_keras,
    parse_keras_file,
    resolve_input_shape,
)

__all__ = [
    "Diagnostic",
    "ParseResult",
    "ParsedModel",
    "Unknown",
    "parse_keras",
    "parse_keras_file",
    "resolve_input_shape",
]
