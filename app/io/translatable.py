"""Marking user-visible text in Qt-free code, the way Qt's ``QT_TRANSLATE_NOOP`` does.

``app/io`` never imports Qt (tests/test_architecture.py), so it cannot translate.
It marks each source string with :func:`N_` and a context instead; ``N_`` returns
the text unchanged.  ``scripts/update_translations.py`` finds the ``N_("Context",
"text")`` calls and puts them in the Qt catalogue beside the ``tr()`` strings.
The layer above translates: it passes a :data:`Translate` callable, either
``QCoreApplication.translate`` (the UI language) or
``app.i18n.languages.translator(lang)`` (a chosen language, e.g. ``code --lang``).

>>> N_("Codegen", "Run the layer.")
'Run the layer.'
>>> untranslated("Codegen", "Run the layer.")
'Run the layer.'
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["N_", "Translate", "untranslated"]

Translate = Callable[[str, str], str]
"""``(context, source text) -> text in some language``: ``QCoreApplication.translate``'s shape."""


def N_(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context``; returns it untranslated.

    Write both arguments as string literals: the catalogue script reads them
    from the source, it never runs the code.
    """
    del context
    return text


def untranslated(context: str, text: str) -> str:
    """The :data:`Translate` of English, the source language: ``text`` as it is."""
    del context
    return text
