"""The picture switch: the cell grid alone, or with the matrix or the signal view beside it.

``grid | matrix | signal`` is stored in the state (``view.picture``, saved in the session);
the diagram stays on top so hovering the matrix or the curves lights the same cell in it,
and the chosen companion view sits under it on the same state.  For a Conv1DTranspose layer
the scatter picture (:class:`~app.views.transpose_view.TransposeView`) takes the diagram's
place and the matrix view shows ``Cᵀ``; the signal view is Conv1D's only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from app.io.session import PICTURES
from app.state.explorer import ExplorerState
from app.views.matrix_view import MatrixView
from app.views.signal_view import SignalView
from app.views.transpose_view import TransposeView

__all__ = ["PictureSwitch"]


class PictureSwitch(QWidget):
    """The diagram with the picture chooser above it and the matrix or signal view under it."""

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
        self.matrix_view = MatrixView(state)
        self.matrix_view.setObjectName("matrix_view")
        self.signal_view = SignalView(state)
        self.signal_view.setObjectName("signal_view")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.transpose_view = TransposeView(state)
        self.transpose_view.setObjectName("transpose_view")
        self.splitter.addWidget(diagram)
        self.splitter.addWidget(self.transpose_view)
        self.splitter.addWidget(self.matrix_view)
        self.splitter.addWidget(self.signal_view)
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
            "matrix": (self.tr("Matrix"), self.tr("Add the layer as a matrix, y = C·x̃ + b, under the grid.")),
            "signal": (self.tr("Signal"), self.tr("Add the layer as curves over time, under the grid.")),
        }
        for name, (text, tip) in texts.items():
            self.buttons[name].setText(text)
            self.buttons[name].setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def picture(self) -> str:
        return self.state.view.picture

    def _sync(self) -> None:
        layer_t = self.state.layer_kind == "Conv1DTranspose"
        picture = self.state.view.picture
        self.buttons["signal"].setEnabled(not layer_t)
        self.buttons["signal"].setToolTip(
            self.tr("The signal view draws Conv1D; a Conv1DTranspose shows its scatter.") if layer_t
            else self.tr("Add the layer as curves over time, under the grid."))
        if layer_t and picture == "signal":
            picture = "grid"
        button = self.buttons[picture]
        if not button.isChecked():
            with QSignalBlocker(self.group):
                button.setChecked(True)
        wanted = {
            "diagram": not layer_t, "transpose": layer_t,
            "matrix": picture == "matrix", "signal": picture == "signal",
        }
        widgets = {"diagram": self.diagram, "transpose": self.transpose_view,
                   "matrix": self.matrix_view, "signal": self.signal_view}
        changed = False
        for name, widget in widgets.items():
            if widget.isVisibleTo(self) != wanted[name]:
                widget.setVisible(wanted[name])
                changed = True
        if changed:
            total = max(self.splitter.height(), 2)
            companion = picture != "grid"
            sizes = [0, 0, 0, 0]
            # the signal view is for inputs too long for cells to read: it gets the larger share
            top = total * 2 // 5 if picture == "signal" else total // 2
            sizes[1 if layer_t else 0] = top if companion else total
            if companion:
                sizes[2 if picture == "matrix" else 3] = total - top
            self.splitter.setSizes(sizes)
