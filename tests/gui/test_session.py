"""Sessions, input import, the bad-file corpus, atomic saves, recent files, drops and autosave."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.io import session as session_mod
from app.io.atomic import atomic_write_text
from app.io.autosave import AutosaveStore
from app.io.examples import example_names, load_example
from app.io.importers import InputImportError, import_input
from app.io.session import SessionError, load_session, save_session
from app.state.explorer import CellRef

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"
EXPECTED: dict[str, str] = json.loads((BAD / "EXPECTED.json").read_text(encoding="utf-8"))


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

    def question(parent, title, text, buttons=None, default=None, *a, **kw):
        shown.append(("question", title, text))
        return default  # the default button: what Enter would choose

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
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
    kind, _, text = messages[-1]  # the preview, before the input is replaced
    assert kind == "question" and "reshape(1, 12, 1)" in text and "input shape (1, 12, 1)" in text


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
    kept = list(folder.glob("autosave-broken-*.json"))  # moved aside, never deleted
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ not json"
    assert str(kept[0]) in messages[-1][2]


# ------------------------------------------------------------------ issue 15: recovery that recovers
def _crashed_run(folder: Path, text: str | None = None) -> AutosaveStore:
    """An autosave folder as a killed run leaves it: an autosave and no clean-exit marker."""
    store = AutosaveStore(folder)
    store.start_run()
    if text is None:
        store.write(load_example("odd-same"))
    else:
        store.autosave_path.write_text(text, encoding="utf-8")
    return store


@pytest.mark.parametrize(
    "text",
    [
        "{ not json",
        json.dumps({**json.loads((BAD.parent / "hostile" / "files" / "num_input_1e308.json").read_text()),
                    "format": "conv1d-explorer-session"}),
        "",
        '{"format": "conv1d-explorer-session", "version": 1, "version": 1}',
    ],
    ids=["not_json", "value_1e308", "empty", "duplicate_key"],
)
def test_bad_autosave_is_moved_aside_and_autosave_keeps_running(window, tmp_path, messages, text):
    folder = tmp_path / "data"
    _crashed_run(folder, text)
    fa = _actions(window)
    before = window.state.to_session()
    fa.start_interactive(folder)
    assert not any(kind == "question" for kind, _t, _x in messages)  # nothing to restore: no question
    assert messages[-1][0] == "warning" and "cannot be restored" in messages[-1][2]
    kept = list(folder.glob("autosave-broken-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == text and str(kept[0]) in messages[-1][2]
    assert window.state.to_session().equals(before)
    assert fa._timer.isActive()  # the app started normally and autosaves
    window.open_example("seed-ones")
    assert fa.autosave_now() and load_session(folder / "autosave.json").equals(window.state.to_session())
    fa.finish()


def test_restore_prompt_says_what_and_defaults_to_no(window, tmp_path, messages):
    folder = tmp_path / "data"
    store = _crashed_run(folder)
    saved = load_session(store.autosave_path)
    fa = _actions(window)
    before = window.state.to_session()
    fa.start_interactive(folder)  # the fixture answers with the default button
    kind, _title, text = messages[-1]
    assert kind == "question"
    assert f"filters={saved.layer['filters']}, kernel_size={saved.layer['kernel_size']}" in text
    assert "input of shape (" + ", ".join(map(str, saved.x.shape)) + ")" in text
    assert window.state.to_session().equals(before)  # default No: nothing restored
    declined = list(folder.glob("autosave-declined-*.json"))  # ... and nothing lost
    assert len(declined) == 1 and load_session(declined[0]).equals(saved)
    assert fa._timer.isActive()
    fa.finish()


def test_stale_temporaries_are_cleaned_and_fresh_ones_kept(tmp_path):
    folder = tmp_path / "data"
    store = _crashed_run(folder)
    stale = folder / ".autosave.json.abc123.json"
    fresh = folder / ".autosave.json.def456.json"
    other = folder / ".notes.txt.abc.txt"
    for p in (stale, fresh, other):
        p.write_text("half", encoding="utf-8")
    old = os.stat(stale).st_mtime - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    store.start_run()
    assert not stale.exists() and fresh.exists() and other.exists()


def test_saving_through_a_symlink_writes_the_target(tmp_path):
    real = tmp_path / "real" / "work.json"
    real.parent.mkdir()
    save_session(load_example("classroom"), real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_session(load_example("seed-ones"), link)
    assert link.is_symlink() and Path(os.readlink(link)) == real
    assert load_session(real).equals(load_example("seed-ones"))
    assert sorted(p.name for p in real.parent.iterdir()) == ["work.json"]


# ------------------------------------------------------------------ issue 15: files that are not files
@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "folder", "dangling"])
@pytest.mark.parametrize("suffix", [".json", ".csv", ".npy"])
def test_non_regular_files_are_refused_at_once(tmp_path, kind, suffix):
    path = tmp_path / f"x{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "nowhere")
    want = {"fifo": "pipe (FIFO)", "dev_zero": "a device", "folder": "a folder", "dangling": "cannot open"}[kind]
    error = SessionError if suffix == ".json" else InputImportError
    with pytest.raises(error, match=re.escape(want)):
        (load_session if suffix == ".json" else import_input)(path)


def test_session_with_too_many_lists_is_refused_before_parsing(tmp_path):
    doc = json.loads((BAD / "use_bias_string.json").read_text(encoding="utf-8"))
    doc["layer"]["use_bias"] = True
    text = json.dumps(doc)
    path = tmp_path / "junk.json"
    path.write_text(text[:-1] + ', "padding_junk": [' + "[]," * 300_000 + "[]]}", encoding="utf-8")
    with pytest.raises(SessionError, match=r"holds 300,0\d\d lists \(under the key 'padding_junk'\)"):
        load_session(path)


# ------------------------------------------------------------------ issue 15: imports that never guess
@pytest.mark.parametrize(
    ("content", "suffix", "values"),
    [
        (b"1,5\t2,5\n3\t4\n", ".tsv", [[1.5, 2.5], [3, 4]]),  # a numeric first row is data, decimal commas read
        (b"1,5 2,5\n3,5 4,5\n", ".txt", [[1.5, 2.5], [3.5, 4.5]]),
        (b"1.000,5;2.000,5\n3,25;4\n", ".csv", [[1000.5, 2000.5], [3.25, 4]]),
        (b'"1,000","2,500"\n"3,000","4,000"\n', ".csv", [[1000, 2500], [3000, 4000]]),
        (b"1,2\n3,4\n5,6\n", ".tsv", [[1, 2], [3, 4], [5, 6]]),  # a .tsv that is really comma-separated
        (b"time,volts\n1,2\n3,4\n", ".csv", [[1, 2], [3, 4]]),
    ],
)
def test_import_reads_separators_as_written(tmp_path, content, suffix, values):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(content)
    np.testing.assert_array_equal(import_input(path).x[0], values)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"NA,NA\n1,2\n", "row 1, column 1: 'NA' is a missing value"),
        (b",\n1,2\n", "row 1 is empty"),
        (b"1,2\n" + b"9" * 100_000 + b",3\n", "row 2, column 1: '99999"),
        (b"1\n" * 70_000, "has 70,000 lines; an input has at most 4,096 steps"),
    ],
)
def test_import_refuses_what_it_would_guess(tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(InputImportError) as info:
        import_input(path)
    assert message in str(info.value) and len(str(info.value)) < 200


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (" + str(10**30) + ",), }", "over the app's limit"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (268435456,), }", "268,435,456 numbers"),
        ("{'descr': '<m8[s]', 'fortran_order': False, 'shape': (2,), }", "timedelta64"),
        ("{'descr': '<M8[D]', 'fortran_order': False, 'shape': (2,), }", "datetime64"),
        ("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", "pickled Python objects"),
        ("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", "complex numbers"),
    ],
)
def test_npy_header_is_checked_before_reading(tmp_path, header, message):
    h = header.encode("latin1")
    h = h + b" " * ((64 - (10 + len(h) + 1) % 64) % 64) + b"\n"
    path = tmp_path / "x.npy"
    path.write_bytes(b"\x93NUMPY\x01\x00" + len(h).to_bytes(2, "little") + h + bytes(80))
    with pytest.raises(InputImportError, match=re.escape(message)):
        import_input(path)


def test_long_double_overflow_is_a_message_not_a_warning(tmp_path, recwarn):
    np.save(tmp_path / "x.npy", np.array([np.longdouble("1e4000"), 1], dtype=np.longdouble))
    with pytest.raises(InputImportError, match="inf is not a finite number"):
        import_input(tmp_path / "x.npy")
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_large_import_runs_in_a_worker_with_progress_and_cancel(window, tmp_path, messages, qtbot):
    from app.features import file_actions as fa_mod
    from app.io import importers

    fa = _actions(window)
    path = tmp_path / "big.csv"
    path.write_text("".join(f"{i},{-i}\n" for i in range(4000)), encoding="utf-8")
    threads: list[str] = []
    real = importers.import_input

    def slow(p, should_stop=importers._never):
        import threading
        import time

        threads.append(threading.current_thread().name)
        while not should_stop():  # a read that only ends when cancelled
            time.sleep(0.01)
        return real(p, should_stop)

    fa_mod_import = fa_mod.import_input
    fa_mod.import_input = slow
    fa_mod.BACKGROUND_IMPORT_BYTES, old_limit = 10, fa_mod.BACKGROUND_IMPORT_BYTES
    try:
        before = window.state.to_session()
        QTimer.singleShot(400, lambda: fa.import_progress.cancel())
        assert not fa.import_path(path)
        assert threads and threads[0].startswith("import")  # not the GUI thread
        assert window.state.to_session().equals(before)
        assert "cancelled" in window.statusBar().currentMessage().lower()
        fa_mod.import_input = fa_mod_import
        assert fa.import_path(path)  # the same file, read in the worker to the end
        window.state.flush()
        assert window.state.input_shape == (1, 4000, 2)
    finally:
        fa_mod.import_input = fa_mod_import
        fa_mod.BACKGROUND_IMPORT_BYTES = old_limit


def test_import_preview_can_be_declined(window, tmp_path, monkeypatch):
    path = tmp_path / "x.csv"
    path.write_text("1,2\n3,4\n", encoding="utf-8")
    fa = _actions(window)
    seen: list[str] = []
    def decline(parent, title, text, *a, **k):
        seen.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(decline))
    before = window.state.to_session()
    assert not fa.import_path(path)
    assert "input shape (1, 2, 2)" in seen[0]
    window.state.flush()
    assert window.state.to_session().equals(before)


def test_import_is_one_undoable_edit_and_never_crashes_undo(window, tmp_path, messages):
    """The fuzzer's find: an import replaced the input outside the undo stack, so undoing a paste
    recorded against the old shape indexed out of bounds inside QUndoStack (a segfault)."""
    window.open_example("classroom")
    ed = window.editing
    original = window.state.to_session()
    ed.paste_text("-4\t1\t-4\t0\n0\t-4\t-1\t5\n", CellRef("input", step=5, channel=0))
    pasted = window.state.to_session()
    np.save(tmp_path / "small.npy", np.arange(12.0).reshape(3, 4))
    assert _actions(window).import_path(tmp_path / "small.npy")
    window.state.flush()
    assert window.state.input_shape == (1, 3, 4)
    assert ed.undo_stack.undoText() == "Import small.npy"
    ed.undo_stack.undo()
    window.state.flush()
    assert window.state.to_session().equals(pasted)
    ed.undo_stack.undo()
    window.state.flush()
    assert window.state.to_session().equals(original)
    ed.undo_stack.redo()
    ed.undo_stack.redo()
    window.state.flush()
    assert window.state.input_shape == (1, 3, 4)
