import pytest

from app.state.explorer import ExplorerState


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
