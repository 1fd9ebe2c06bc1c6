import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.state.explorer import ExplorerState


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialog(monkeypatch):
    """A modal message box offscreen waits for a click that never comes: the suite would hang until the
    timeout. A test that expects one patches it (after this fixture, so its patch wins); any other fails
    at once and names the dialog."""

    def unexpected(kind):
        def show(_parent, title, text, *a, **k):
            raise AssertionError(f"unexpected modal QMessageBox.{kind}: {title!r}: {text!r}")

        return staticmethod(show)

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))


@pytest.fixture(autouse=True)
def _private_settings(tmp_path):
    """Every test gets its own settings file, never the user's: a window remembers its geometry and which
    docks were open, so one test's window must not set up the next test's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def _close_the_windows_a_test_opened(qapp):
    """Windows a test opened through the app (a layer stack, a compare window: top-level windows of their
    own, which closing the main window leaves open) are closed when it ends.  Left open, they covered the
    next test's window on the same worker and took its mouse moves."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    before = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    yield
    for widget in QApplication.topLevelWidgets():
        # (closing one window can delete another: a window that deletes itself on close takes its own)
        if shiboken6.isValid(widget) and widget.isVisible() and not any(widget is w for w in before):
            widget.close()


@pytest.fixture
def state(qtbot):
    from PySide6.QtCore import QObject

    parent = QObject()
    s = ExplorerState(parent, debounce_ms=0)
    yield s
    parent.deleteLater()


@pytest.fixture
def window(qtbot):
    from app.main_window import MainWindow

    w = MainWindow()
    w.state._timer.setInterval(0)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture(autouse=True, scope="session")
def _english_plural_forms(qapp):
    """The app installs its catalogue at start (app.gui); English's holds the plural forms ("1 filter")."""
    from app.i18n import languages

    languages.set_language("en")
