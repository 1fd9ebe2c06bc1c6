"""Shapes as Keras prints them: ``None`` for the batch and for unknown steps."""

from __future__ import annotations

__all__ = ["Dim", "Shape", "format_shape", "steps_channels_axes"]

Dim = int | None
Shape = tuple[Dim, ...]


def format_shape(shape: Shape | None) -> str:
    """``(None, 50, 100)`` as Keras prints it; ``?`` when unknown.

    >>> format_shape((None, 7)), format_shape((None,)), format_shape(None)
    ('(None, 7)', '(None,)', '?')
    """
    return "?" if shape is None else repr(tuple(shape))


def steps_channels_axes(data_format: str) -> tuple[int, int]:
    """The (steps, channels) axes of a 3-D input with the batch.

    >>> steps_channels_axes("channels_first")
    (2, 1)
    """
    return (1, 2) if data_format == "channels_last" else (2, 1)
