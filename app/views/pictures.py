"""The picture switch: the cell grid alone, the grid with the matrix view, or the signal view.

``grid | matrix | signal`` is stored in the state (``view.picture``, saved in the session).

* **matrix**: the diagram stays and the matrix view sits beside it on the same state, so hovering
  the matrix lights the same cell in the grid and back.  Under the diagram when the room is tall
  enough for both at the room's text size; beside it on a short screen or in classroom mode (a
  1280x800 projector cannot hold both one above the other at 20 px text).
* **signal**: the signal view is the picture on its own: it is for inputs too long for cells (the
  signal examples run 80 to 600 steps), and squeezed under the grid neither could be read.

For a Conv1DTranspose layer the scatter picture (:class:`~app.views.transpose_view.TransposeView`)
takes the diagram's place and the matrix view shows ``Cᵀ``; the signal view is Conv1D's only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from app.io.session import PICTURES
from app.state.explorer import ExplorerState
from app.views.axes import label_point_size
from app.views.colors import THEMES

if TYPE_CHECKING:
    from app.views.matrix_view import MatrixView
    from app.views.picture_widget import PictureWidget
    from app.views.signal_view import SignalView
    from app.views.transpose_view import TransposeView

__all__ = ["STACK_LINES", "PictureSwitch"]

# Lines of label text (at the room's label size) the diagram and the matrix view need one above
# the other: three titled plots with ticks and axis titles, and the matrix with its vector, its rows
# and its caption.  A shorter picture puts the matrix beside the diagram.
STACK_LINES = 46
DIAGRAM_SHARE = {Qt.Orientation.Vertical: 0.55, Qt.Orientation.Horizontal: 0.55}
#: the pictures beside the diagram, in their order in the splitter (after the diagram)
COMPANIONS = ("transpose", "matrix", "signal")


class PictureSwitch(QWidget):
    """The diagram with the picture chooser above it and the matrix or signal view under it.

    The matrix, signal and Conv1DTranspose views are built when first shown (or first asked for,
    ``matrix_view`` ...), not with the window: together they took 0.45 s of every start, and most
    lessons never leave the grid.  A view built later draws the state as it is then, as a hidden
    view catches up when shown (:meth:`~app.views.picture_widget.PictureWidget.when_shown`).
    """

    #: a companion view was just built (features that style every widget of a kind restyle it)
    viewBuilt = Signal(QWidget)

    def __init__(self, state: ExplorerState, diagram: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.diagram = diagram
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel()
        bar.addWidget(self.label)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        for i, name in enumerate(PICTURES):
            b = QToolButton()
            b.setObjectName(f"picture_{name}")
            b.setCheckable(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.group.addButton(b, i)
            self.buttons[name] = b
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(diagram)
        self._views: dict[str, PictureWidget] = {}  # the companions built so far
        self._answers_hidden = False
        layout.addWidget(self.splitter, 1)
        self.group.idClicked.connect(lambda i: self.state.set_view(picture=PICTURES[i]))
        state.viewChanged.connect(self._sync)
        state.settingsChanged.connect(self._sync)  # the layer kind
        self.retranslate()
        self._sync()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Picture:"))
        texts = {
            "grid": (self.tr("Grid"), self.tr("The cell grid only: input, filters and output as cells.")),
            "matrix": (self.tr("Matrix"), self.tr("Add the layer as a matrix, y = C·x̃ + b, next to the grid.")),
            "signal": (self.tr("Signal"), self.tr("The layer as curves over time, for inputs too long for cells.")),
        }
        for name, (text, tip) in texts.items():
            self.buttons[name].setText(text)
            self.buttons[name].setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- the companion views
    @property
    def matrix_view(self) -> MatrixView:
        from app.views.matrix_view import MatrixView

        view = self._view("matrix")
        assert isinstance(view, MatrixView)
        return view

    @property
    def signal_view(self) -> SignalView:
        from app.views.signal_view import SignalView

        view = self._view("signal")
        assert isinstance(view, SignalView)
        return view

    @property
    def transpose_view(self) -> TransposeView:
        from app.views.transpose_view import TransposeView

        view = self._view("transpose")
        assert isinstance(view, TransposeView)
        return view

    def built_views(self) -> list[QWidget]:
        """The companion views built so far, in splitter order."""
        return [self._views[name] for name in COMPANIONS if name in self._views]

    def _view(self, name: str) -> PictureWidget:
        view = self._views.get(name)
        if view is None:
            view = self._build(name)
        return view

    def _build(self, name: str) -> PictureWidget:
        """Build companion ``name`` hidden, in its place in the splitter (``_sync`` shows it)."""
        view: PictureWidget
        if name == "matrix":
            from app.views.matrix_view import MatrixView

            view = matrix = MatrixView(self.state)
            matrix.set_future_hidden(self._answers_hidden)
        elif name == "signal":
            from app.views.signal_view import SignalView

            view = signal = SignalView(self.state)
            signal.set_future_hidden(self._answers_hidden)
        else:
            from app.views.transpose_view import TransposeView

            view = TransposeView(self.state)
        view.setObjectName(f"{name}_view")
        view.hide()  # explicitly: the splitter shows only what _sync asks for
        index = 1 + sum(other in self._views for other in COMPANIONS[:COMPANIONS.index(name)])
        self.splitter.insertWidget(index, view)
        self._views[name] = view
        self.viewBuilt.emit(view)
        return view

    def set_answers_hidden(self, hidden: bool) -> None:
        """Predict-then-reveal is on: the matrix's ``y`` and the signal's faint output curve would show
        the values the class is about to guess; they show only what is computed."""
        self._answers_hidden = hidden
        if "matrix" in self._views:
            self.matrix_view.set_future_hidden(hidden)
        if "signal" in self._views:
            self.signal_view.set_future_hidden(hidden)

    @property
    def picture(self) -> str:
        return self.state.view.picture

    def _sync(self) -> None:
        layer_t = self.state.layer_kind == "Conv1DTranspose"
        picture = self.state.view.picture
        self.buttons["signal"].setEnabled(not layer_t)
        self.buttons["signal"].setToolTip(
            self.tr("The signal view draws Conv1D; a Conv1DTranspose shows its scatter.") if layer_t
            else self.tr("The layer as curves over time, for inputs too long for cells."))
        if layer_t and picture == "signal":
            picture = "grid"
        button = self.buttons[picture]
        if not button.isChecked():
            with QSignalBlocker(self.group):
                button.setChecked(True)
        wanted = {
            "diagram": not layer_t and picture != "signal", "transpose": layer_t,
            "matrix": picture == "matrix", "signal": picture == "signal",
        }
        widgets: dict[str, QWidget] = {"diagram": self.diagram}
        for name in COMPANIONS:
            if wanted[name] or name in self._views:  # a view never shown is not built
                widgets[name] = self._view(name)
        changed = False
        for name, widget in widgets.items():
            if widget.isVisibleTo(self) != wanted[name]:
                widget.setVisible(wanted[name])
                changed = True
        self._arrange(force=changed)

    def stacked_fits(self) -> bool:
        """Whether the diagram and the matrix view both hold one above the other at the room's text size."""
        font = QFont()
        font.setPointSize(label_point_size(THEMES[self.state.view.theme].font_pt, self.state.text_scale))
        return self.splitter.height() >= STACK_LINES * QFontMetricsF(font).height()

    def _arrange(self, force: bool = False) -> None:
        """The matrix under the diagram when both fit, else beside it; split sizes when the arrangement changes."""
        picture = self.state.view.picture
        if picture != "matrix":
            if force:
                sizes = [w.isVisibleTo(self) * 1000 for w in (self.diagram, *self.built_views())]
                self.splitter.setSizes(sizes)
            return
        orientation = Qt.Orientation.Vertical if self.stacked_fits() else Qt.Orientation.Horizontal
        if orientation == self.splitter.orientation() and not force:
            return  # the user's own split stays
        self.splitter.setOrientation(orientation)
        vertical = orientation == Qt.Orientation.Vertical
        total = max(self.splitter.height() if vertical else self.splitter.width(), 2)
        top = round(total * DIAGRAM_SHARE[orientation])
        layer_t = self.state.layer_kind == "Conv1DTranspose"
        main = self.transpose_view if layer_t else self.diagram
        matrix = self.matrix_view
        self.splitter.setSizes([top if w is main else total - top if w is matrix else 0
                                for w in (self.diagram, *self.built_views())])

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._arrange()
