"""Sessions, input import, the bad-file corpus, atomic saves, recent files, drops and autosave."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.io import session as session_mod
from app.io.atomic import atomic_write_text
from app.io.autosave import AutosaveStore
from app.io.examples import example_names, load_example
from app.io.importers import InputImportError, import_input
from app.io.session import SessionError, load_session, save_session

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"
EXPECTED: dict[str, str] = json.loads((BAD / "EXPECTED.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, monkeypatch):
    """Recent files go to a temporary INI file, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def messages(monkeypatch):
    """Record message boxes instead of showing modal dialogs."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, title, text))),
        )
    return shown


def _actions(window):
    return window.file_actions


# ------------------------------------------------------------------ round trip
@pytest.mark.parametrize("name", example_names())
def test_example_round_trip_is_equal(tmp_path, name):
    original = load_example(name).with_view(
        position=3,
        mode="all_filters",
        orientation="keras_rows",
        theme="dark",
        language="zh_CN",
        show_numbers=False,
    )
    path = tmp_path / "s.json"
    save_session(original, path)
    again = load_session(path)
    assert again.equals(original)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "conv1d-explorer-session"


def test_state_round_trip_through_the_gui(window, tmp_path, messages):
    window.open_example("causal-dilated")
    window.state.set_position(5)
    before = window.state.to_session()
    fa = _actions(window)
    assert fa.save_to(tmp_path / "mine.json")
    window.open_example("classroom")
    assert fa.open_path(tmp_path / "mine.json")
    assert window.state.to_session().equals(before)
    assert not fa.modified and "mine.json" in window.windowTitle()
    assert messages == []


def test_saved_file_has_normal_permissions(tmp_path):
    path = tmp_path / "s.json"
    save_session(load_example("classroom"), path)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


# ------------------------------------------------------------------ the bad corpus
def test_corpus_is_big_enough():
    assert len(EXPECTED) >= 30
    assert {p.name for p in BAD.iterdir()} >= set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_one_clear_line(name):
    path = BAD / name
    error = SessionError if path.suffix == ".json" else InputImportError
    with pytest.raises(error) as info:
        (load_session if path.suffix == ".json" else import_input)(path)
    text = str(info.value)
    assert EXPECTED[name] in text
    assert "\n" not in text and "Traceback" not in text


def test_bad_files_through_the_gui_keep_the_work(window, messages):
    window.open_example("classroom")
    window.state.set_position(7)
    before = window.state.to_session()
    fa = _actions(window)
    for name in sorted(EXPECTED):
        path = BAD / name
        ok = fa.open_path(path) if path.suffix == ".json" else fa.import_path(path)
        assert not ok, name
        kind, _title, text = messages[-1]
        assert kind == "warning" and EXPECTED[name] in text, name
        window.state.flush()
        assert window.state.to_session().equals(before), name
    assert len(messages) == len(EXPECTED)


# ------------------------------------------------------------------ atomic saves
def test_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "work.json"
    save_session(load_example("classroom"), path)
    old = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_mod.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_session(load_example("seed-ones"), path)
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work.json"]  # no temporary file left


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "work.json"
    atomic_write_text(path, "old\n")

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(session_mod.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        atomic_write_text(path, "new\n")
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work.json"]


def test_gui_save_failure_shows_message_and_keeps_old_file(window, tmp_path, monkeypatch, messages):
    fa = _actions(window)
    path = tmp_path / "work.json"
    assert fa.save_to(path)
    old = path.read_bytes()
    window.open_example("seed-ones")
    monkeypatch.setattr(
        session_mod.os, "replace", lambda s, d: (_ for _ in ()).throw(OSError(13, "Permission denied"))
    )
    assert not fa.save_to(path)
    assert path.read_bytes() == old
    assert messages[-1][0] == "warning" and "Permission denied" in messages[-1][2]


# ------------------------------------------------------------------ import
def test_import_shapes(tmp_path):
    np.save(tmp_path / "row.npy", np.arange(56.0).reshape(1, 56))
    row = import_input(tmp_path / "row.npy")
    assert row.x.shape == (1, 56, 1) and row.source_shape == (1, 56)
    assert "expected conv1d_1_input to have 3 dimensions, but got array with shape (1, 56)" in row.note
    assert "(batch, steps, channels)" in row.note and "reshape(1, 56, 1)" in row.note
    np.save(tmp_path / "one.npy", np.arange(10))
    assert import_input(tmp_path / "one.npy").x.shape == (1, 10, 1)
    np.save(tmp_path / "three.npy", np.ones((2, 7, 3), dtype=np.float32))
    three = import_input(tmp_path / "three.npy")
    assert three.x.shape == (2, 7, 3) and three.x.dtype == np.float64
    (tmp_path / "a.csv").write_text("temp,wind\n1.5,2\n# a comment\n3,-4\n5,6e-1\n", encoding="utf-8")
    csv = import_input(tmp_path / "a.csv")
    np.testing.assert_array_equal(csv.x, [[[1.5, 2], [3, -4], [5, 0.6]]])
    (tmp_path / "b.tsv").write_text("1\t2\t3\n4\t5\t6\n", encoding="utf-8")
    assert import_input(tmp_path / "b.tsv").x.shape == (1, 2, 3)
    (tmp_path / "c.txt").write_text("1 2\n3 4\n", encoding="utf-8")
    assert import_input(tmp_path / "c.txt").x.shape == (1, 2, 2)


def test_import_through_the_gui_and_explains_a_row(window, tmp_path, messages):
    np.save(tmp_path / "row.npy", np.arange(12.0).reshape(1, 12))
    fa = _actions(window)
    assert fa.import_path(tmp_path / "row.npy")
    window.state.flush()
    assert window.state.input_shape == (1, 12, 1)
    assert window.state.error is None
    kind, _, text = messages[-1]
    assert kind == "information" and "reshape(1, 12, 1)" in text


def _drag_enter_event(mime: QMimeData) -> QDragEnterEvent:
    """PySide6 6.12 takes a QPointF and deprecates the QPoint form; 6.10 and 6.11 take only a QPoint."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPointF(10, 10), *args)
    except TypeError:
        return QDragEnterEvent(QPoint(10, 10), *args)


def test_drop_a_session_file_on_the_window(window, tmp_path, qtbot, messages):
    path = tmp_path / "dropped.json"
    save_session(load_example("odd-same"), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = _drag_enter_event(mime)
    QApplication.sendEvent(window, enter)  # Qt delivers a drop only where the drag entered
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    qtbot.waitUntil(lambda: window.state.input_shape == load_example("odd-same").x.shape, timeout=2000)
    assert _actions(window).current_path == path.resolve()


def test_recent_files(window, tmp_path, messages):
    fa = _actions(window)
    for i in range(10):
        fa.save_to(tmp_path / f"s{i}.json")
    recent = fa.recent_files()
    assert len(recent) == 8 and recent[0] == str((tmp_path / "s9.json").resolve())
    entries = [a for a in fa.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == recent
    window.open_example("seed-ones")
    entries[2].trigger()
    assert fa.current_path == (tmp_path / "s7.json").resolve()


def test_menu_shortcuts(window):
    fa = _actions(window)
    assert fa.open_action.shortcut().matches(Qt.Modifier.CTRL | Qt.Key.Key_O).name == "ExactMatch"
    assert fa.save_action.shortcut().matches(Qt.Modifier.CTRL | Qt.Key.Key_S).name == "ExactMatch"
    assert fa.save_as_action.shortcut().toString() == "Ctrl+Shift+S"
    assert fa.open_action in window.file_menu.actions()


# ------------------------------------------------------------------ autosave and recovery
def test_autosave_store_detects_a_crash(tmp_path):
    store = AutosaveStore(tmp_path / "data")
    assert not store.recovery_available()
    store.start_run()
    store.write(load_example("classroom"))
    assert store.recovery_available()  # running, or crashed: no clean-exit marker
    store.clean_exit()
    assert not store.recovery_available() and not store.autosave_path.exists()


def test_autosave_writes_only_when_changed_and_restores(window, tmp_path, qtbot, messages):
    fa = _actions(window)
    fa.start_autosave(tmp_path / "data", interval_ms=50)
    window.open_example("seed-ones")
    window.state.set_position(4)
    qtbot.waitUntil(lambda: fa.autosave.autosave_path.exists(), timeout=2000)
    assert not fa.autosave_now()  # nothing changed since
    saved = window.state.to_session()
    # the "crash": no finish(); a new window finds the autosave
    fa._timer.stop()
    from app.main_window import MainWindow

    other = MainWindow()
    qtbot.addWidget(other)
    other_fa = _actions(other)
    store = AutosaveStore(tmp_path / "data")
    assert store.recovery_available()
    monkey_answers = [QMessageBox.StandardButton.Yes]
    QMessageBox.question = staticmethod(lambda *a, **k: monkey_answers.pop())  # type: ignore[method-assign]
    try:
        other_fa.start_interactive(tmp_path / "data")
    finally:
        del QMessageBox.question
    assert other.state.to_session().equals(saved)
    other_fa.finish()
    assert not store.recovery_available()


def test_damaged_autosave_is_reported_and_discarded(window, tmp_path, messages):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "autosave.json").write_text("{ not json", encoding="utf-8")
    fa = _actions(window)
    fa.autosave = AutosaveStore(folder)
    before = window.state.to_session()
    assert not fa.restore_autosave()
    assert messages[-1][0] == "warning" and "not valid JSON" in messages[-1][2]
    assert window.state.to_session().equals(before)
    assert not (folder / "autosave.json").exists()
