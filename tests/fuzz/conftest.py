"""Fixtures for the GUI fuzzer: a real window with private settings and no modal dialogs.

Budget and seeds come from the environment (they work however pytest is started):

* ``CONV1D_FUZZ_SEED=S`` -- run only seed S (replays a failure; the message prints it);
* ``CONV1D_FUZZ_ACTIONS=N`` -- actions per seed (default 150 in the normal run, 2000 with ``-m slow``);
* ``CONV1D_FUZZ_SEEDS=a,b,c`` -- the seeds of the slow run (default: 5 fresh random seeds, printed);
* ``CONV1D_FUZZ_LARGE=0|1`` -- include the big sizes (seed-embedding, 4096 steps, 512 filters);
  the slow run does, the normal run does not (a failure message prints the value to replay with);
* ``CONV1D_FUZZ_VERBOSE=1`` -- print each action as it runs (to find a crash that kills the process).

The large budget: ``CONV1D_FUZZ_ACTIONS=2000 pytest tests/fuzz -m slow`` (5 seeds).

``--fuzz-seed`` / ``--fuzz-actions`` do the same when pytest is started on ``tests/fuzz``.
"""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fuzz", "GUI fuzzer")
    group.addoption("--fuzz-seed", type=int, default=None, help="run the GUI fuzzer with this seed only")
    group.addoption("--fuzz-actions", type=int, default=None, help="actions per fuzzer seed")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The large budget runs only when asked for (``-m slow``); skipped before its window is built."""
    if "slow" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="large fuzz budget: run with -m slow")
    for item in items:
        if "slow" in item.keywords and "fuzz" in str(item.fspath):
            item.add_marker(skip)


def _option(config: pytest.Config, name: str, env: str) -> int | None:
    value = config.getoption(name, default=None)
    if value is None and os.environ.get(env):
        value = int(os.environ[env])
    return value


@pytest.fixture
def fuzz_seed(request: pytest.FixtureRequest) -> int | None:
    return _option(request.config, "--fuzz-seed", "CONV1D_FUZZ_SEED")


@pytest.fixture
def fuzz_actions(request: pytest.FixtureRequest) -> int | None:
    return _option(request.config, "--fuzz-actions", "CONV1D_FUZZ_ACTIONS")


@pytest.fixture
def fuzz_window(qtbot, tmp_path):
    """A MainWindow as a user opens it, its settings in ``tmp_path``; English again afterwards."""
    from PySide6.QtCore import QSettings

    from app.i18n import languages
    from app.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.transport.pause()
    languages.set_language("en")
