"""The main window and the composition root: it builds every view and feature explicitly
and hands each one what it needs (layer panel | diagram | side panels, transport below, menus)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from app.features.classroom import Classroom
from app.features.editing import EditingController
from app.features.file_actions import FileActions
from app.features.inspect import InspectPanels
from app.features.language_menu import LanguageMenu
from app.features.model_actions import ModelActions
from app.features.room_layout import AdaptiveLayout, DiagramColumn, SideTabs
from app.features.stack_actions import StackActions
from app.io.examples import example_names, example_title, load_example
from app.io.session import SessionError
from app.state.explorer import ExplorerState
from app.state.settings import restore_window_layout, save_window_layout
from app.views.code_panel import CodePanel, dock_code_panel
from app.views.diagram import DiagramWidget
from app.views.layer_panel import LayerPanel
from app.views.pictures import PictureSwitch
from app.views.transport import TransportBar

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self, state: ExplorerState | None = None) -> None:
        super().__init__()
        self.state = state or ExplorerState(self)
        self.setWindowTitle(self.tr("Conv1D Explorer"))
        self.layer_panel = LayerPanel(self.state)
        self.diagram = DiagramWidget(self.state)
        self.transport = TransportBar(self.state)
        self.layer_panel.setObjectName("layer_panel")  # the tour finds its targets by name
        self.diagram.setObjectName("diagram")
        self.transport.setObjectName("transport")

        scroll = QScrollArea()
        scroll.setWidget(self.layer_panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(300)
        # left: the layer (and, in a narrow window, the arithmetic and shapes as a second tab);
        # centre: the diagram under its bands (predict/reveal, an invalid setting); right: the side panels
        self.side_tabs = SideTabs(scroll)
        # The grid | matrix | signal switch holds the diagram (the matrix and signal views sit under it).
        self.pictures = PictureSwitch(self.state, self.diagram)
        self.diagram_column = DiagramColumn(self.state, self.pictures)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(self.diagram_column)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.transport)
        self.setCentralWidget(central)
        self.remember_layout = False  # the interactive app turns it on (gui.py); tests and --screenshot do not
        self._build_menus()
        self._build_shortcuts()
        self._build_features()
        self.layout_adapter = AdaptiveLayout(
            self, self.state, self.splitter, self.side_tabs, self.diagram_column, self.inspect.side,
            [self.code_panel],
            teacher_controls=[self.menuBar(), self.pictures.label, *self.pictures.buttons.values()],
        )

    def _build_features(self) -> None:
        """Each feature gets the window (as the Qt host of its menus, docks and actions) and the parts it uses."""
        self.inspect = InspectPanels(self, self.state, self.splitter, self.view_menu)
        self.editing = EditingController(self, self.state, self.diagram, self.view_menu)
        self.file_actions = FileActions(
            self, self.state, self.diagram, self.file_menu, self.editing.undo_stack
        )
        self.language_menu = LanguageMenu(self, self.state, self.examples_menu)
        self.classroom = Classroom(
            self, self.state, self.diagram, self.transport, self.view_menu, self.editing.data_menu,
            self.splitter, self.inspect, self.editing.undo_stack, self.diagram_column,
        )
        self.classroom.predict_action.toggled.connect(self.pictures.set_answers_hidden)
        # the companion pictures are built on first show: a high-contrast check box there gets its outline too
        self.pictures.viewBuilt.connect(lambda _view: self.classroom.style_check_boxes())
        self.code_panel: CodePanel = dock_code_panel(self, self.state, self.view_menu)
        self.stack_actions = StackActions(self, self.state, self.view_menu)
        self.model_actions = ModelActions(self, self.state, self.file_menu, self.diagram.viewport(), self.stack_actions)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.examples_menu = self.file_menu.addMenu("")
        for name in example_names():
            act = QAction(f"{name} — {example_title(name)}", self)
            act.setData(name)
            act.triggered.connect(lambda _=False, n=name: self.open_example(n))
            self.examples_menu.addAction(act)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.orientation_action = QAction(self)
        self.orientation_action.setCheckable(True)
        self.orientation_action.toggled.connect(
            lambda on: self.state.set_view(orientation="keras_rows" if on else "time_lr")
        )
        self.view_menu.addAction(self.orientation_action)
        self.numbers_action = QAction(self)
        self.numbers_action.setCheckable(True)
        self.numbers_action.toggled.connect(lambda on: self.state.set_view(show_numbers=bool(on)))
        self.view_menu.addAction(self.numbers_action)
        self.state.viewChanged.connect(self._sync_view_actions)
        self._sync_view_actions()
        self.retranslate()

    def retranslate(self) -> None:
        """The window's own menus in the current language (each feature retranslates its own)."""
        self.file_menu.setTitle(self.tr("&File"))
        self.examples_menu.setTitle(self.tr("Open &example"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.orientation_action.setText(self.tr("Keras printout orientation (steps as rows)"))
        self.numbers_action.setText(self.tr("Show numbers in cells"))
        # pyqtgraph makes each scene's context-menu entry once, in the language of that moment
        # (its own context, in our catalogues): re-set it in every plot of this window and its children.
        for view in self.findChildren(pg.GraphicsView):
            for export in getattr(view.scene(), "contextMenu", []):
                export.setText(QCoreApplication.translate("GraphicsScene", "Export..."))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _sync_view_actions(self) -> None:
        v = self.state.view
        for act, checked in ((self.orientation_action, v.orientation == "keras_rows"),
                             (self.numbers_action, v.show_numbers)):
            with QSignalBlocker(act):
                act.setChecked(checked)

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

    # ----------------------------------------------------------------- remembered layout
    def restore_layout(self) -> bool:
        """Geometry, docks and column widths of the last session (the interactive app only)."""
        self.remember_layout = True
        restored = restore_window_layout(self, self.splitter)
        self.layout_adapter.columns_fixed = restored
        return restored

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if self.remember_layout:
            if self.classroom.active:  # remember the teacher's window, not the full-screen projector one
                self.classroom.set_active(False)
            save_window_layout(self, self.splitter)
        super().closeEvent(event)

    def open_example(self, name: str) -> None:
        try:
            session = load_example(name)
        except SessionError as exc:
            QMessageBox.warning(self, self.tr("Cannot open example"), str(exc))
            return
        self.state.set_playing(False)
        self.state.load_session(session)
