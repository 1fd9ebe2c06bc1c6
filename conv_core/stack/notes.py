"""Notes on a summary row as data: a stable code, an English template and its values.

The command line prints a note as English text; the app translates the
template (``QCoreApplication.translate("stack", note.template)``, its strings
listed for lupdate on the app side) and fills in ``note.values``.  ``conv_core``
never imports Qt, so the translation happens above it.

A :class:`Note` is a ``str`` (its English text): code that only shows text
keeps working.

>>> n = note("dense_on_steps", ndim=3, shape="(None, 10, 4)")
>>> str(n).startswith("Dense on a 3-D input"), n.code, n.values["ndim"]
(True, 'dense_on_steps', 3)
"""

from __future__ import annotations

from typing import Any

__all__ = ["NOTE_TEMPLATES", "Note", "note"]

NOTE_TEMPLATES: dict[str, str] = {
    "activation_not_computed": "activation '{act}' is not computed by the explorer (shapes and parameters are "
    "unaffected)",
    "embedding_on_3d": "Embedding on a 3-D input adds a 4th axis: an Embedding expects token ids (batch, steps)",
    "dense_on_steps": "Dense on a {ndim}-D input acts on the last axis only, step by step: output {shape}. Put "
    "Flatten or GlobalMaxPooling1D before it for one output per sample",
    "flatten_none_steps": "Flatten of an input with None steps has an unknown size: a Dense layer after it cannot "
    "be built (use GlobalMaxPooling1D, or give the steps)",
    "branches_disagree": "the branches merged here see different input spans ({parts}): the receptive field is "
    "their union",
}
"""Note code -> English template with named fields (``str.format`` style)."""


class Note(str):
    """A note's English text, with ``code``, ``template`` and ``values`` for translation."""

    code: str
    template: str
    values: dict[str, Any]

    def __new__(cls, code: str, values: dict[str, Any]) -> Note:
        template = NOTE_TEMPLATES[code]
        self = super().__new__(cls, template.format(**values))
        self.code, self.template, self.values = code, template, dict(values)
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # picklable (the stack window reads on a pool thread)
        return (Note, (self.code, self.values))


def note(code: str, **values: Any) -> Note:
    """The note ``code`` with its ``values`` (see :data:`NOTE_TEMPLATES`)."""
    return Note(code, values)
