"""*File > Open model…* and dropped ``.keras`` / ``.h5`` files: a saved model's Conv1D layers in the diagram.

Opens the file without running any of it (:mod:`app.io.model_file`), shows the
model window, and on *Show in the diagram* loads that Conv1D's arguments,
kernel and bias into the main window on the input it really receives (the
user's input run through the layers before it).  Sessions remember the model
file; one whose file moved or changed says so in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from app.features.stack_actions import StackActions
from app.state.explorer import ExplorerState

if TYPE_CHECKING:  # imported on first use: model files bring h5py (docs/decisions.md, "Cold start")
    from app.io.model_file import SavedModel
    from app.views.model_window import ModelWindow

__all__ = ["MODEL_SUFFIXES", "ModelActions"]

MODEL_SUFFIXES = (".keras", ".h5", ".hdf5")


class ModelActions(QObject):
    """The *Open model…* action, model drops, the model window and *Show in the diagram*."""

    def __init__(self, window: QMainWindow, state: ExplorerState, file_menu: QMenu, drop_target: QWidget,
                 stacks: StackActions) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.stacks = stacks
        self.model: SavedModel | None = None
        self.model_window: ModelWindow | None = None
        self.last_message = ""
        self.open_action = QAction(window)
        self.open_action.setObjectName("file_open_model")
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_action.triggered.connect(self.open_dialog)
        actions = file_menu.actions()
        names = [a.objectName() for a in actions]
        after = names.index("file_open") + 1 if "file_open" in names else 0
        if after < len(actions):
            file_menu.insertAction(actions[after], self.open_action)
        else:
            file_menu.addAction(self.open_action)
        window.addAction(self.open_action)
        window.installEventFilter(self)
        drop_target.installEventFilter(self)
        state.sessionLoaded.connect(self._on_session_loaded)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open &model (.keras, .h5)…"))

    # ------------------------------------------------------------------ opening
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a saved Keras model"), "",
            self.tr("Keras models (*.keras *.h5 *.hdf5)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> ModelWindow | None:
        """Open a model file into the model window; a bad file is reported in one line, nothing opens."""
        from app.io.model_file import ModelFileError, open_model

        try:
            model = open_model(path)
        except ModelFileError as exc:
            self._status(self.tr("Cannot open model {file}: {why}").format(file=Path(path).name, why=exc))
            if self.model_window is not None and self.model_window.isVisible():
                self.model_window.show_message(self.last_message)
            return None
        self.model = model
        mw = self._window()
        mw.set_model(model)
        mw.show()
        mw.raise_()
        self._status(self.tr("Opened model {file}").format(file=Path(path).name))
        return mw

    def _window(self) -> ModelWindow:
        if self.model_window is None:
            from app.views.model_window import ModelWindow

            self.model_window = ModelWindow(self.window)
            self.model_window.setWindowFlag(Qt.WindowType.Window, True)
            self.model_window.showRequested.connect(self.show_layer)
            self.model_window.stackRequested.connect(self.show_stack)
        return self.model_window

    # ------------------------------------------------------------------ the diagram
    def show_layer(self, name: str) -> bool:
        """Load Conv1D ``name`` into the main window, on the input it receives."""
        mw, model = self.model_window, self.model
        if mw is None or model is None:
            return False
        if mw.input_x is None:
            mw.show_message(self.tr("Give an input first: type token ids or load a file."))
            return False
        run = model.input_of(model.fit_input(mw.input_x, mw.start), name, start=mw.start) \
            if mw.start is None or model.names.index(mw.start) <= model.names.index(name) else None
        if run is None:
            mw.show_message(self.tr("{layer} comes before {start}: its input is not known from this input.").format(
                layer=name, start=mw.start))
            return False
        if run.stopped_at is not None:
            mw.explain_stop(run, name)
            return False
        from app.io.model_file import ModelFileError, layer_session

        try:
            session = layer_session(model, name, mw.input_x, start=mw.start)
        except ModelFileError as exc:
            mw.show_message(str(exc))
            return False
        self.state.set_playing(False)
        self.state.load_session(session)
        mw.show_message(self.tr("{layer} is in the main window: its kernel {kernel} and bias, on the input it "
                                "receives {shape}.").format(layer=name, kernel=tuple(session.kernel.shape),
                                                           shape=tuple(session.x.shape)))
        self._status(self.tr("Showing {layer} of {file}").format(layer=name, file=model.path.name))
        self.window.raise_()
        return True

    def show_stack(self) -> None:
        """The layer-stack window with the model's layers and its real numbers on the current input (sample 0)."""
        mw, model = self.model_window, self.model
        if mw is None or model is None:
            return
        sw = self.stacks.open_stack()
        sw.set_code(model.as_code())
        sw.build()  # the code box, its notes and the stack agree with the model ...
        sw.model.set_stack(model.stack)  # ... whose layers keep their saved names and arguments
        if mw.input_x is None or mw.start is not None:
            return
        run = model.run_to(mw.input_x[:1], model.names[-1])
        outputs = dict(zip(run.names, run.outputs, strict=True))
        x: np.ndarray = mw.input_x[:1]
        if model.takes_tokens and run.names:
            x = run.outputs[0]  # the stack draws token ids as their word vectors
        sw.model.set_values(np.asarray(x, dtype=float), outputs)
        if run.stopped_at is not None:
            mw.explain_stop(run, model.names[-1])

    # ------------------------------------------------------------------ sessions, drops
    def _on_session_loaded(self) -> None:
        ref = self.state.model_ref
        if ref is None:
            return
        from app.io.model_file import model_ref_problem

        problem = model_ref_problem(ref.path, ref.sha256)
        if problem is not None:
            text = self.tr("This session's layer {layer} came from a model file: {problem}").format(
                layer=ref.layer, problem=problem)
            self.last_message = text
            QTimer.singleShot(0, self, lambda: self._status(text))  # after the opener's own "Opened ..." message

    def _status(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, 15000)

    @staticmethod
    def _model_paths(event: Any) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in MODEL_SUFFIXES]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and self._model_paths(event):
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        if kind == QEvent.Type.Drop:
            paths = self._model_paths(event)
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                QTimer.singleShot(0, self, lambda: self.open_path(paths[0]))  # leave the drag loop first
                return True
        elif kind == QEvent.Type.LanguageChange and obj is self.window:
            self.retranslate()
        return False
