"""The main window: layer panel | diagram | (side panels), transport below, menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from .diagram import DiagramWidget
from .examples import example_names, example_title, load_example
from .layer_panel import LayerPanel
from .session import SessionError
from .state import ExplorerState
from .transport import TransportBar

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self, state: ExplorerState | None = None) -> None:
        super().__init__()
        self.state = state or ExplorerState(self)
        self.setWindowTitle(self.tr("Conv1D Explorer"))
        self.layer_panel = LayerPanel(self.state)
        self.diagram = DiagramWidget(self.state)
        self.transport = TransportBar(self.state)

        scroll = QScrollArea()
        scroll.setWidget(self.layer_panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(300)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.diagram)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.transport)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_shortcuts()
        self._install_extensions()

    # Feature modules add their panels, menus and actions through ``install(window)``,
    # so each feature lives in one module and this window stays a thin frame.
    EXTENSIONS = (
        "inspect_panels",  # math and shapes panels, hover and pin (editing issue)
        "editing",  # cell editing, generators, presets, paste, undo/redo
        "file_actions",  # open/save sessions, recent files, autosave, import, export dialog
        "i18n_ui",  # language menu
        "classroom",  # classroom mode, themes, predict-then-reveal, tour
        "code_panel",  # code that reproduces the picture
        "stack_view",  # layer stacks and compare mode
    )

    def _install_extensions(self) -> None:
        import importlib
        import importlib.util

        self.extensions: dict[str, object] = {}
        for name in self.EXTENSIONS:
            if importlib.util.find_spec(f"app.{name}") is None:
                continue
            module = importlib.import_module(f"app.{name}")
            self.extensions[name] = module.install(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.examples_menu = self.file_menu.addMenu(self.tr("Open &example"))
        for name in example_names():
            act = QAction(f"{name} — {example_title(name)}", self)
            act.setData(name)
            act.triggered.connect(lambda _=False, n=name: self.open_example(n))
            self.examples_menu.addAction(act)
        self.file_menu.addSeparator()
        quit_act = QAction(self.tr("&Quit"), self)
        quit_act.setShortcut(QKeySequence.StandardKey.Quit)
        quit_act.triggered.connect(self.close)
        self.file_menu.addAction(quit_act)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.orientation_action = QAction(self.tr("Keras printout orientation (steps as rows)"), self)
        self.orientation_action.setCheckable(True)
        self.orientation_action.toggled.connect(
            lambda on: self.state.set_view(orientation="keras_rows" if on else "time_lr")
        )
        self.view_menu.addAction(self.orientation_action)
        self.numbers_action = QAction(self.tr("Show numbers in cells"), self)
        self.numbers_action.setCheckable(True)
        self.numbers_action.toggled.connect(lambda on: self.state.set_view(show_numbers=bool(on)))
        self.view_menu.addAction(self.numbers_action)
        self.state.viewChanged.connect(self._sync_view_actions)
        self._sync_view_actions()

    def _sync_view_actions(self) -> None:
        v = self.state.view
        for act, checked in ((self.orientation_action, v.orientation == "keras_rows"),
                             (self.numbers_action, v.show_numbers)):
            act.blockSignals(True)
            act.setChecked(checked)
            act.blockSignals(False)

    def _build_shortcuts(self) -> None:
        t = self.transport
        for keys, slot, name in (
            ("Space", t.toggle_play, "play"),
            ("Left", t.back, "back"),
            ("Right", t.forward, "forward"),
            ("Home", t.first, "first"),
            ("End", t.last, "last"),
            ("+", t.faster, "faster"),
            ("=", t.faster, "faster2"),
            ("-", t.slower, "slower"),
        ):
            act = QAction(self)
            act.setObjectName(f"shortcut_{name}")
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)

    def open_example(self, name: str) -> None:
        try:
            session = load_example(name)
        except SessionError as exc:
            QMessageBox.warning(self, self.tr("Cannot open example"), str(exc))
            return
        self.transport.pause()
        self.state.load_session(session)
