"""Issue 15 in the window: every hostile session and data file of ``tests/data/hostile`` is opened,
imported and restored (as an autosave) in a real window, which survives each one.

The command-line side of the corpus is ``tests/test_hostile_corpus.py``; this is the GUI side:
*File -> Open*, *File -> Import input* and the crash-recovery prompt.  A refused file shows one
warning and leaves the work on screen as it was; an accepted one is drawn (the window paints it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"
CASES = json.loads((HOSTILE / "expect.json").read_text(encoding="utf-8"))["cases"]
SESSIONS = sorted({c["file"] for c in CASES if not c["runtime"] and c["via"] in ("png", "gif", "screenshot")})
IMPORTS = sorted({c["file"] for c in CASES if not c["runtime"] and c["via"] == "import"})
MUST_REFUSE = {c["file"] for c in CASES if c["expect"] == "refuse"}


@pytest.fixture
def messages(monkeypatch):
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda _p, _t, text, *a, _k=kind, **k: shown.append((_k, text)))
        )

    def question(_p, _t, text, buttons=None, default=None, *a, **k):
        shown.append(("question", text))
        return QMessageBox.StandardButton.Ok if default == QMessageBox.StandardButton.Ok else (
            QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return shown


def _paint(window) -> None:
    window.state.flush()
    window.diagram.grab()  # a real paint of the diagram: the colour bars' axes, the cells, the numbers


def _check_outcome(window, name: str, ok: bool, before, messages) -> None:
    if ok:
        assert name not in MUST_REFUSE, f"{name} must be refused"
    else:
        assert messages and messages[-1][0] == "warning", name
        text = messages[-1][1]
        assert "\n" not in text.strip() and len(text) < 600, text
        window.state.flush()
        assert window.state.to_session().equals(before), name
    _paint(window)


def _each(window, messages, names, read) -> None:
    """``read(path)`` for every file, starting from the classroom example; the window survives each."""
    window.open_example("classroom")
    for name in names:
        before = window.state.to_session()
        ok = read(HOSTILE / "files" / name)
        _check_outcome(window, name, ok, before, messages)
        if ok:
            window.open_example("classroom")


def test_open_each_hostile_session(window, messages):
    _each(window, messages, SESSIONS, window.file_actions.open_path)


def test_import_each_hostile_file(window, messages):
    _each(window, messages, IMPORTS, window.file_actions.import_path)


def test_restore_each_hostile_session_as_an_autosave(window, messages, tmp_path):
    from app.io.autosave import AutosaveStore

    fa = window.file_actions
    for i, name in enumerate(SESSIONS):
        folder = tmp_path / f"data{i}"
        store = AutosaveStore(folder)
        store.start_run()  # a run that never quit: no clean-exit marker
        store.autosave_path.write_bytes((HOSTILE / "files" / name).read_bytes())
        window.open_example("classroom")
        before = window.state.to_session()
        del messages[:]
        fa.start_interactive(folder)  # the prompt is answered Yes when there is one
        asked = [text for kind, text in messages if kind == "question"]
        if asked:
            assert "Conv1D(filters=" in asked[-1], name
        else:
            assert messages[-1][0] == "warning" and "cannot be restored" in messages[-1][1], name
            assert list(folder.glob("autosave-broken-*.json")), f"{name}: a bad autosave is kept aside"
            window.state.flush()
            assert window.state.to_session().equals(before), name
        assert fa._timer.isActive(), name  # autosave runs whatever the autosave held
        _paint(window)
        fa.finish()
