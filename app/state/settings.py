"""The one place the app's persistent settings come from: an INI file in the user's config folder.

Tests point ``QSettings.setPath(IniFormat, UserScope, tmp)`` elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

__all__ = ["GEOMETRY_KEY", "SPLITTER_KEY", "STATE_KEY", "app_settings", "restore_window_layout",
           "save_window_layout"]

GEOMETRY_KEY = "window/geometry"  # size, position, maximised / full screen
STATE_KEY = "window/state"  # the docks and toolbars (QMainWindow.saveState)
SPLITTER_KEY = "window/splitter"  # the widths of the columns


def app_settings() -> QSettings:
    """The app's persistent settings (language, tour, recent files, panels shown, window layout)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Conv1D Explorer", "Conv1D Explorer"
    )


def save_window_layout(window: QMainWindow, splitter: QSplitter) -> None:
    """Remember the window's geometry, its docks and its column widths."""
    settings = app_settings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
    settings.setValue(SPLITTER_KEY, splitter.saveState())
    settings.sync()


def restore_window_layout(window: QMainWindow, splitter: QSplitter) -> bool:
    """Put back what :func:`save_window_layout` remembered; False when there was nothing (or it was unreadable)."""
    settings = app_settings()
    restored = False
    for key, restore in ((GEOMETRY_KEY, window.restoreGeometry), (STATE_KEY, window.restoreState),
                         (SPLITTER_KEY, splitter.restoreState)):
        value = settings.value(key)
        data = QByteArray(value) if isinstance(value, QByteArray | bytes) else QByteArray()
        if not data.isEmpty():
            restored = bool(restore(data)) or restored
    return restored
