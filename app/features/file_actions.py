"""File menu: open / save sessions, recent files, drag and drop, input import, export, autosave.

:class:`FileActions` adds the actions to the window's File menu (the main window
keeps it as ``window.file_actions``).  Every method
that a menu item calls has a path-taking twin (``open_path``, ``save_to``,
``import_path``, ``export_to``) that tests and drops use without a file dialog.
A file that cannot be used shows one message and leaves the current work as it was.

Autosave and crash recovery start only in the interactive GUI (``start_interactive``,
called by ``app.gui``), so tests and ``--screenshot`` never touch the user's app-data folder.
"""

from __future__ import annotations

import contextlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, QEvent, QEventLoop, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.export.options import (
    ANIMATED,
    FORMATS,
    PANELS,
    ExportCancelled,
    ExportError,
    ExportOptions,
    format_of,
    video_available,
)
from app.export.render import render_image
from app.export.writers import export_diagram, export_session
from app.io.autosave import AutosaveStore
from app.io.importers import IMPORT_SUFFIXES, ImportCancelled, ImportedInput, InputImportError, import_input
from app.io.session import Session, SessionError, load_session, save_session
from app.state.explorer import ExplorerState
from app.state.settings import app_settings
from app.views.diagram import DiagramWidget

__all__ = ["AUTOSAVE_INTERVAL_MS", "ExportDialog", "FileActions"]

AUTOSAVE_INTERVAL_MS = 30_000
MAX_RECENT = 8
RECENT_KEY = "files/recent"
SESSION_SUFFIXES = (".json",)
# Files at least this large are read in a worker thread behind a progress dialog (Cancel stops the read).
BACKGROUND_IMPORT_BYTES = 1024 * 1024



def default_autosave_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


class ExportDialog(QDialog):
    """Format, what to export (whole diagram or one panel), and size / frame settings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export diagram"))
        form = QFormLayout(self)
        self.format_box = QComboBox()
        names = {
            "png": self.tr("PNG image"),
            "svg": self.tr("SVG vector drawing (cell values as text)"),
            "pdf": self.tr("PDF document (vector)"),
            "gif": self.tr("Animated GIF of the whole sweep"),
            "mp4": self.tr("MP4 video of the whole sweep"),
        }
        for fmt in FORMATS:
            self.format_box.addItem(names[fmt], fmt)
        form.addRow(self.tr("Format"), self.format_box)
        self.panel_box = QComboBox()
        panel_names = {
            "diagram": self.tr("Whole diagram"),
            "input": self.tr("Input panel"),
            "kernels": self.tr("Kernels panel"),
            "output": self.tr("Output panel"),
        }
        for panel in PANELS:
            self.panel_box.addItem(panel_names[panel], panel)
        form.addRow(self.tr("What"), self.panel_box)
        self.by_width = QRadioButton(self.tr("Width in pixels"))
        self.by_width.setChecked(True)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(200, 8000)
        self.width_spin.setValue(1920)
        form.addRow(self.by_width, self.width_spin)
        self.by_dpi = QRadioButton(self.tr("Resolution (DPI)"))
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(24, 1200)
        self.dpi_spin.setValue(192)
        form.addRow(self.by_dpi, self.dpi_spin)
        self.frame_spin = QSpinBox()
        self.frame_spin.setRange(20, 10_000)
        self.frame_spin.setSingleStep(50)
        self.frame_spin.setValue(500)
        self.frame_spin.setSuffix(self.tr(" ms"))
        form.addRow(self.tr("Time per frame"), self.frame_spin)
        self.caption_box = QCheckBox(self.tr("Caption with the Keras call and the output-length formula"))
        self.caption_box.setChecked(True)
        form.addRow(self.caption_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.copy_button = buttons.addButton(
            self.tr("Copy to clipboard"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.by_width.toggled.connect(self._on_format_changed)
        self._on_format_changed()

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _on_format_changed(self, *_: object) -> None:
        fmt = self.fmt
        raster = fmt in ("png", "gif", "mp4")
        self.by_width.setEnabled(raster)
        self.width_spin.setEnabled(raster and (self.by_width.isChecked() or fmt != "png"))
        self.by_dpi.setEnabled(fmt == "png")
        self.dpi_spin.setEnabled(fmt == "png" and self.by_dpi.isChecked())
        self.frame_spin.setEnabled(fmt in ANIMATED)
        self.caption_box.setEnabled(fmt in ANIMATED)

    def options(self) -> ExportOptions:
        fmt = self.fmt
        use_dpi = fmt == "png" and self.by_dpi.isChecked()
        return ExportOptions(
            panel=str(self.panel_box.currentData()),
            width=None if use_dpi or fmt in ("svg", "pdf") else self.width_spin.value(),
            dpi=float(self.dpi_spin.value()) if use_dpi else None,
            frame_ms=self.frame_spin.value(),
            caption=self.caption_box.isChecked(),
        )


class FileActions(QObject):
    """Sessions, recent files, drops, import, export and autosave for one main window.

    The window's modified flag follows ``undo_stack``: the clean state is the saved (or
    opened) document, so undoing back to it clears the flag (``QUndoStack.cleanChanged``).
    A session recovered from the autosave is unsaved until it is saved.
    """

    def __init__(
        self,
        window: QMainWindow,
        state: ExplorerState,
        diagram: DiagramWidget,
        file_menu: QMenu,
        undo_stack: QUndoStack,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.diagram = diagram
        self.file_menu = file_menu
        self.undo_stack = undo_stack
        self.settings = app_settings()
        self.current_path: Path | None = None
        self.last_message: tuple[str, str] | None = None
        self._recovered = False  # restored from the autosave: not saved anywhere yet
        self._autosave_dirty = False
        self.autosave: AutosaveStore | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._timer.timeout.connect(self.autosave_now)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import")
        self.import_progress: QProgressDialog | None = None  # while a large import runs
        self._build_actions()
        for signal in (self.state.settingsChanged, self.state.viewChanged, self.state.traceChanged):
            signal.connect(self._on_state_changed)
        self.state.positionChanged.connect(self._on_position_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        diagram.setAcceptDrops(True)
        diagram.viewport().installEventFilter(self)
        self._update_title()

    # ----------------------------------------------------------------- menus
    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        act = QAction(text, self.window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setObjectName(name)
        act.triggered.connect(lambda _=False: slot())
        return act

    def _build_actions(self) -> None:
        menu: QMenu = self.file_menu
        self.open_action = self._action(
            self.tr("&Open session…"), self.open_dialog, QKeySequence.StandardKey.Open, "file_open"
        )
        self.recent_menu = QMenu(self.tr("Open &recent"), self.window)
        self.save_action = self._action(
            self.tr("&Save session"), self.save, QKeySequence.StandardKey.Save, "file_save"
        )
        self.save_as_action = self._action(
            self.tr("Save session &as…"), self.save_as_dialog, QKeySequence("Ctrl+Shift+S"), "file_save_as"
        )
        self.import_action = self._action(
            self.tr("&Import input (CSV, TSV, .npy)…"),
            self.import_dialog,
            QKeySequence("Ctrl+I"),
            "file_import",
        )
        self.export_action = self._action(
            self.tr("&Export…"), self.export_dialog, QKeySequence("Ctrl+E"), "file_export"
        )
        self.copy_action = self._action(
            self.tr("&Copy diagram as image"),
            self.copy_to_clipboard,
            QKeySequence("Ctrl+Shift+C"),
            "file_copy_image",
        )
        first = menu.actions()[0] if menu.actions() else None
        items: list[Any] = [
            self.open_action,
            self.recent_menu,
            self.save_action,
            self.save_as_action,
            None,
            self.import_action,
            self.export_action,
            self.copy_action,
            None,
        ]
        for item in items:
            if item is None:
                sep = QAction(self.window)
                sep.setSeparator(True)
                menu.insertAction(first, sep) if first else menu.addAction(sep)
            elif isinstance(item, QMenu):
                menu.insertMenu(first, item) if first else menu.addMenu(item)
            else:
                menu.insertAction(first, item) if first else menu.addAction(item)
        self._rebuild_recent_menu()

    def retranslate(self) -> None:
        """Menu texts and the title in the current UI language (on ``QEvent.LanguageChange``)."""
        for act, text in (
            (self.open_action, self.tr("&Open session…")),
            (self.save_action, self.tr("&Save session")),
            (self.save_as_action, self.tr("Save session &as…")),
            (self.import_action, self.tr("&Import input (CSV, TSV, .npy)…")),
            (self.export_action, self.tr("&Export…")),
            (self.copy_action, self.tr("&Copy diagram as image")),
        ):
            act.setText(text)
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self._rebuild_recent_menu()
        self._update_title()

    # ----------------------------------------------------------------- messages
    def _warn(self, title: str, text: str) -> None:
        self.last_message = (title, text)
        QMessageBox.warning(self.window, title, text)

    def _inform(self, title: str, text: str) -> None:
        self.last_message = (title, text)
        QMessageBox.information(self.window, title, text)

    def _status(self, text: str) -> None:
        bar = self.window.statusBar()
        bar.showMessage(text, 10_000)

    def _update_title(self) -> None:
        name = self.current_path.name if self.current_path else self.tr("untitled")
        self.window.setWindowTitle(self.tr("{name}[*] — Conv1D Explorer").format(name=name))
        self.window.setWindowModified(self.modified)

    def _on_clean_changed(self, clean: bool) -> None:
        # QUndoStack's destructor clears it (and may emit) while the window is already going.
        if shiboken6.isValid(self.window):
            self.window.setWindowModified(self._recovered or not clean)

    def _on_state_changed(self, *_: object) -> None:
        self._autosave_dirty = True

    def _on_position_changed(self, *_: object) -> None:
        self._autosave_dirty = True

    def _mark_clean(self) -> None:
        self._recovered = False
        self.undo_stack.setClean()
        self._update_title()

    @property
    def modified(self) -> bool:
        """Unsaved edits: the undo stack is away from its clean state, or the session was recovered."""
        return self._recovered or not self.undo_stack.isClean()

    # ----------------------------------------------------------------- sessions
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open session"),
            self._start_dir(),
            self.tr("Sessions (*.json);;All files (*)"),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Load a session file; a bad file shows why and keeps the current work."""
        try:
            session = load_session(path)
        except SessionError as exc:
            self._warn(self.tr("Cannot open session"), str(exc))
            return False
        self.state.set_playing(False)
        self.state.load_session(session)
        self.current_path = Path(path).resolve()
        self._add_recent(self.current_path)
        self._mark_clean()
        self._status(self.tr("Opened {path}").format(path=self.current_path))
        return True

    def save(self) -> bool:
        if self.current_path is None:
            return self.save_as_dialog()
        return self.save_to(self.current_path)

    def save_as_dialog(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save session as"),
            str(self.current_path or Path(self._start_dir(), "session.json")),
            self.tr("Sessions (*.json)"),
        )
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str | os.PathLike[str]) -> bool:
        """Save atomically; on failure the old file stays as it was."""
        self.state.flush()
        try:
            save_session(self.state.to_session(), path)
        except OSError as exc:
            self._warn(
                self.tr("Cannot save session"),
                self.tr("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
            )
            return False
        self.current_path = Path(path).resolve()
        self._add_recent(self.current_path)
        self._mark_clean()
        self._status(self.tr("Saved {path}").format(path=self.current_path))
        return True

    def _start_dir(self) -> str:
        if self.current_path is not None:
            return str(self.current_path.parent)
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # ----------------------------------------------------------------- recent files
    def recent_files(self) -> list[str]:
        value: Any = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def _add_recent(self, path: Path) -> None:
        items = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue(RECENT_KEY, items[:MAX_RECENT])
        self.settings.sync()
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for i, p in enumerate(files):
            act = self.recent_menu.addAction(f"&{i + 1}  {Path(p).name}")
            act.setToolTip(p)
            act.setData(p)
            act.triggered.connect(lambda _=False, path=p: self.open_path(path))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear list"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.settings.setValue(RECENT_KEY, [])
        self.settings.sync()
        self._rebuild_recent_menu()

    # ----------------------------------------------------------------- import
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import input"),
            self._start_dir(),
            self.tr("Numbers (*.csv *.tsv *.txt *.npy);;All files (*)"),
        )
        if path:
            self.import_path(path)

    def import_path(self, path: str | os.PathLike[str]) -> bool:
        """Replace the input with a CSV/TSV/.npy file after a preview of the shape it will produce.

        A large file is read in a worker thread behind a progress dialog with Cancel; a bad file,
        a cancelled read or a declined preview changes nothing.
        """
        try:
            imported = self._read_import(Path(path))
        except ImportCancelled:
            self._status(self.tr("Import cancelled"))
            return False
        except InputImportError as exc:
            self._warn(self.tr("Cannot import input"), str(exc))
            return False
        shape = "(" + ", ".join(str(v) for v in imported.x.shape) + ")"
        answer = QMessageBox.question(
            self.window,
            self.tr("Import input"),
            self.tr("Replace the input with {name}, input shape {shape}?").format(name=Path(path).name, shape=shape)
            + "\n\n"
            + imported.note,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Ok,
        )
        if answer != QMessageBox.StandardButton.Ok:
            self._status(self.tr("Import cancelled"))
            return False
        self.state.set_playing(False)
        # one undoable edit: an undo stack holding edits of the old shape must never meet the new one
        self.state.replace_input(imported.x, self.tr("Import {name}").format(name=Path(path).name))
        self.state.set_view(sample=0)
        self.state.flush()
        self._status(self.tr("Imported {name}: {note}").format(name=Path(path).name, note=imported.note))
        return True

    def _read_import(self, path: Path) -> ImportedInput:
        """``import_input(path)``; over :data:`BACKGROUND_IMPORT_BYTES` in a worker thread with a progress dialog."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        if size < BACKGROUND_IMPORT_BYTES:
            return import_input(path)
        stop = threading.Event()
        future = self._pool.submit(import_input, path, stop.is_set)
        dialog = QProgressDialog(
            self.tr("Reading {name}…").format(name=path.name), self.tr("Cancel"), 0, 0, self.window
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self.import_progress = dialog
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(30)
        timer.timeout.connect(lambda: loop.quit() if future.done() or dialog.wasCanceled() else None)
        timer.start()
        loop.exec()
        timer.stop()
        cancelled = dialog.wasCanceled() and not future.done()
        dialog.reset()
        self.import_progress = None
        if cancelled:
            stop.set()  # the worker sees it within 256 rows and ends; its result is dropped
            raise ImportCancelled(f"{path.name}: import cancelled")
        return future.result()

    # ----------------------------------------------------------------- drag and drop
    @staticmethod
    def _dropped_paths(event: Any) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in SESSION_SUFFIXES + IMPORT_SUFFIXES]

    def handle_paths(self, paths: list[Path]) -> bool:
        """Open the first dropped session, or import the first dropped data file."""
        for p in paths:
            if p.suffix.lower() in SESSION_SUFFIXES:
                return self.open_path(p)
        for p in paths:
            if p.suffix.lower() in IMPORT_SUFFIXES:
                return self.import_path(p)
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self._dropped_paths(event):
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            paths = self._dropped_paths(event)
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                QTimer.singleShot(
                    0, lambda: self.handle_paths(paths)
                )  # leave the drag loop before any dialog
                return True
        elif kind == QEvent.Type.Close and obj is self.window:
            self.finish()
        elif kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate()
        return False

    # ----------------------------------------------------------------- export
    def export_dialog(self) -> None:
        dialog = ExportDialog(self.window)
        def copy_and_close() -> None:
            self.copy_to_clipboard(dialog.options())
            dialog.reject()

        dialog.copy_button.clicked.connect(copy_and_close)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fmt = dialog.fmt
        if fmt == "mp4" and not video_available():
            self._warn(
                self.tr("Cannot export"),
                self.tr(
                    "MP4 needs the optional 'video' extra: "
                    "pip install 'conv1d-explorer[video]' (imageio-ffmpeg)."
                ),
            )
            return
        base = (
            self.current_path.with_suffix(f".{fmt}")
            if self.current_path
            else Path(self._start_dir(), f"diagram.{fmt}")
        )
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export diagram"), str(base), f"{fmt.upper()} (*.{fmt})"
        )
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        self.export_to(path, dialog.options())

    def export_to(self, path: str | os.PathLike[str], options: ExportOptions | None = None) -> bool:
        """Export what is on screen to ``path`` (format from the extension).

        Animations show a progress dialog with Cancel.
        """
        options = options or ExportOptions()
        self.state.flush()
        try:
            fmt = format_of(path)
            if fmt in ANIMATED:
                self._export_animation(Path(path), options)
            else:
                export_diagram(self.diagram, path, options)
        except ExportCancelled:
            self._status(self.tr("Export cancelled; nothing was written."))
            return False
        except ExportError as exc:
            self._warn(self.tr("Cannot export"), str(exc))
            return False
        self._status(self.tr("Exported {path}").format(path=path))
        return True

    def _export_animation(self, path: Path, options: ExportOptions) -> None:
        if self.state.trace is None:
            raise ExportError(self.tr("There is no valid picture to animate."))
        total = self.state.position_count
        dialog = QProgressDialog(
            self.tr("Rendering %n frame(s)…", "", total), self.tr("Cancel"), 0, total, self.window
        )
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(True)
        self.progress_dialog = dialog

        def progress(done: int, count: int) -> bool:
            dialog.setMaximum(count)
            dialog.setValue(done)
            QApplication.processEvents()
            return not dialog.wasCanceled()

        diagram = self.diagram
        try:
            export_session(
                self.state.to_session(),
                path,
                options,
                layout=(max(diagram.width(), 200), max(diagram.height(), 200)),
                progress=progress,
            )
        finally:
            dialog.reset()
            dialog.deleteLater()

    def copy_to_clipboard(self, options: ExportOptions | None = None) -> None:
        """The diagram (or a panel) as an image on the clipboard, ready to paste into slides."""
        options = options or ExportOptions()
        try:
            image = render_image(self.diagram, options.panel, options.width, options.dpi)
        except ExportError as exc:
            self._warn(self.tr("Cannot copy"), str(exc))
            return
        QGuiApplication.clipboard().setImage(image)
        self._status(
            self.tr("Diagram copied to the clipboard ({w} x {h} px).").format(
                w=image.width(), h=image.height()
            )
        )

    # ----------------------------------------------------------------- autosave and recovery
    def start_autosave(
        self, folder: str | os.PathLike[str] | None = None, interval_ms: int = AUTOSAVE_INTERVAL_MS
    ) -> AutosaveStore:
        """Begin autosaving every ``interval_ms`` (when something changed) into ``folder``."""
        self.autosave = AutosaveStore(folder if folder is not None else default_autosave_folder())
        self._timer.setInterval(interval_ms)
        self._timer.start()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)
        return self.autosave

    def autosave_now(self) -> bool:
        """Write the autosave if anything changed since the last one."""
        if self.autosave is None or not self._autosave_dirty:
            return False
        self.state.flush()
        try:
            self.autosave.write(self.state.to_session())
        except OSError as exc:
            self._status(self.tr("Autosave failed: {reason}").format(reason=exc.strerror or exc))
            return False
        self._autosave_dirty = False
        return True

    def recovery_available(self) -> bool:
        return self.autosave is not None and self.autosave.recovery_available()

    def restore_autosave(self) -> bool:
        """Load the autosave left by a crashed run; a damaged one is reported and moved aside (kept)."""
        if self.autosave is None:
            return False
        try:
            session = self.autosave.load_recovery()
        except SessionError as exc:
            self._set_aside_broken(str(exc))
            return False
        self._restore(session)
        return True

    def _restore(self, session: Session) -> None:
        self.state.load_session(session)
        self.current_path = None
        self._recovered = True
        self._update_title()

    def _set_aside_broken(self, reason: str) -> None:
        assert self.autosave is not None
        aside = self.autosave.set_aside("broken")
        where = self.tr("It was kept as {path}.").format(path=aside) if aside else ""
        self._warn(
            self.tr("Cannot restore"),
            self.tr("The autosaved work cannot be restored: {reason}").format(reason=reason) + " " + where,
        )

    def _describe(self, session: Session, saved_at: float | None) -> str:
        """What a restore would bring back, in one or two lines."""
        layer = session.layer
        when = (
            QDateTime.fromSecsSinceEpoch(int(saved_at)).toString("yyyy-MM-dd HH:mm")
            if saved_at is not None
            else self.tr("an unknown time")
        )
        return self.tr(
            "Autosaved {when}: Conv1D(filters={filters}, kernel_size={kernel_size}) "
            "on an input of shape {shape}."
        ).format(
            when=when,
            filters=layer["filters"],
            kernel_size=layer["kernel_size"],
            shape="(" + ", ".join(str(v) for v in session.x.shape) + ")",
        )

    def start_interactive(self, folder: str | os.PathLike[str] | None = None) -> None:
        """The GUI start-up: offer to restore after a crash, then autosave every 30 s.

        The autosave is read and checked *before* the question, so the prompt says what it would
        restore; a bad one is moved aside with a message.  The default answer is No (the autosave
        is then kept aside, not deleted), and autosaving starts whatever happened.
        """
        store = AutosaveStore(folder if folder is not None else default_autosave_folder())
        self.autosave = store
        try:
            if store.recovery_available():
                try:
                    session = store.load_recovery()
                except SessionError as exc:
                    self._set_aside_broken(str(exc))
                else:
                    answer = QMessageBox.question(
                        self.window,
                        self.tr("Restore unsaved work?"),
                        self.tr("Conv1D Explorer did not quit normally last time. Restore the work it autosaved?")
                        + "\n\n"
                        + self._describe(session, store.saved_at()),
                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                        QMessageBox.StandardButton.No,
                    )
                    if answer == QMessageBox.StandardButton.Yes:
                        self._restore(session)
                    else:
                        store.set_aside("declined")
        finally:
            store.start_run()
            self.start_autosave(store.folder)

    def finish(self) -> None:
        """A normal exit: stop autosaving and mark the exit clean (idempotent)."""
        self._timer.stop()
        if self.autosave is not None:
            with contextlib.suppress(OSError):
                self.autosave.clean_exit()

