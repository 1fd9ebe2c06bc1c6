"""The one place the app's persistent settings come from: an INI file in the user's config folder.

Tests point ``QSettings.setPath(IniFormat, UserScope, tmp)`` elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

__all__ = ["app_settings"]


def app_settings() -> QSettings:
    """The app's persistent settings (language, tour, recent files, panels shown)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Conv1D Explorer", "Conv1D Explorer"
    )
