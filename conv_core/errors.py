"""Errors that teach: Keras's wording first, then one plain sentence to act on.

Every invalid setting raises :class:`KerasValueError` (a ``ValueError``) or
:class:`KerasTypeError` (a ``TypeError``, where Keras raises one).  Each carries

* ``keras`` -- the message as Keras 3 words it, with the received values;
* ``hint``  -- an English sentence a learner can act on;
* ``code`` and ``values`` -- a stable identifier and the numbers used in the
  hint, so a GUI can show the hint in another language.

``str(error)`` is ``keras + "\\n" + hint`` so ``pytest.raises(match=...)`` on the
Keras text works.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ConvError", "KerasTypeError", "KerasValueError", "input_spec_text"]


class ConvError(Exception):
    """Mixin holding the Keras text, the plain hint and a code for translation."""

    keras: str
    hint: str
    code: str
    values: dict[str, Any]

    def __init__(
        self, keras: str, hint: str = "", *, code: str = "", values: dict[str, Any] | None = None
    ) -> None:
        self.keras = keras
        self.hint = hint
        self.code = code
        self.values = dict(values or {})
        super().__init__(keras if not hint else f"{keras}\n{hint}")


class KerasValueError(ConvError, ValueError):
    """An invalid setting or input, as Keras's ``ValueError``."""


class KerasTypeError(ConvError, TypeError):
    """A wrong argument, as Keras's ``TypeError``."""


def input_spec_text(layer: str, expected: str, shape: tuple[int | None, ...]) -> str:
    """Keras's InputSpec message for an input of the wrong rank (one wording for every layer).

    Parameters
    ----------
    layer : str
        The layer's name, e.g. ``'conv1d'``.
    expected : str
        What the layer's InputSpec asks for: ``'min_ndim=3'`` or ``'ndim=3'``.
    shape : tuple
        The full shape received, the batch included (``None`` where unknown).

    Examples
    --------
    >>> input_spec_text("conv1d", "min_ndim=3", (1, 56))
    "Input 0 with name 'None' of layer 'conv1d' is incompatible with the layer: expected min_ndim=3, \
found ndim=2. Full shape received: (1, 56)"
    """
    return (
        f"Input 0 with name 'None' of layer '{layer}' is incompatible with the layer: "
        f"expected {expected}, found ndim={len(shape)}. Full shape received: {tuple(shape)}"
    )
