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

__all__ = ["ConvError", "KerasTypeError", "KerasValueError"]


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
