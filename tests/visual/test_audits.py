"""The audits catch what they promise: each problem planted in a small window is found and named."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from .rooms import Room, audit_window, settle

ROOM = Room("planted", 800, 600, 1, "normal", "light", "en")


def _window(qtbot) -> tuple[QMainWindow, pg.PlotItem, pg.GraphicsLayoutWidget]:
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget()
    row = QHBoxLayout(central)
    view = pg.GraphicsLayoutWidget()
    view.setObjectName("planted_view")
    plot = view.addPlot()
    plot.setTitle("a title")
    row.addWidget(view, 1)
    window.setCentralWidget(central)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    return window, plot, view


def _problems(window: QMainWindow) -> list[str]:
    settle()
    return [f"{f.item}: {f.problem}" for f in audit_window(window, ROOM)]


def test_a_clean_window_has_no_findings(qtbot) -> None:
    window, plot, _ = _window(qtbot)
    plot.getAxis("bottom").setTickFont(QFont("DejaVu Sans", 12))
    plot.getAxis("left").setTickFont(QFont("DejaVu Sans", 12))
    plot.titleLabel.setText("a title", size="12pt")
    assert _problems(window) == []


def test_small_text_overlaps_and_clipping_are_named(qtbot) -> None:
    window, plot, _ = _window(qtbot)
    big = QFont("DejaVu Sans", 12)
    for name in ("bottom", "left"):
        plot.getAxis(name).setTickFont(big)
    plot.titleLabel.setText("a title", size="12pt")
    plot.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    tiny = pg.TextItem("tiny words", anchor=(0.5, 0.5))
    tiny.setFont(QFont("DejaVu Sans", 6))
    tiny.setPos(2, 8)
    plot.addItem(tiny)
    first, second = pg.TextItem("first label", anchor=(0, 0)), pg.TextItem("second label", anchor=(0, 0))
    for item in (first, second):
        item.setFont(big)
        item.setPos(5, 5)
        plot.addItem(item)
    outside = pg.TextItem("far right", anchor=(0, 0.5))
    outside.setFont(big)
    outside.setPos(10.5, 2)  # starts at the plot's right edge: runs past the view
    plot.addItem(outside)
    problems = _problems(window)
    text = "\n".join(problems)
    assert "'tiny words': text is 8.0 px, below 11 px" in text
    assert "'first label': overlaps plot[0]/TextItem 'second label'" in text or \
        "'second label': overlaps plot[0]/TextItem 'first label'" in text
    assert "'far right': text outside the window" in text  # the view reaches the window's right edge


def test_a_cut_label_and_a_window_too_small_are_named(qtbot) -> None:
    window, _plot, _view = _window(qtbot)
    label = QLabel("a label whose text is far wider than the room it was given")
    label.setObjectName("cut_label")
    label.setFixedWidth(60)
    button = QPushButton("ok")
    button.setMinimumWidth(1200)  # wider than the room: the window cannot shrink to it
    layout = window.centralWidget().layout()
    layout.addWidget(label)
    layout.addWidget(button)
    window.resize(800, 600)
    text = "\n".join(_problems(window))
    assert "cut_label 'a label whose text" in text and "px width, has 60" in text
    assert "window: is " in text and "cannot be 800x600" in text


def test_a_cut_tab_is_named(qtbot) -> None:
    from PySide6.QtWidgets import QTabWidget

    window, _plot, _view = _window(qtbot)
    tabs = QTabWidget()
    tabs.setFixedWidth(120)
    for name in ("first tab", "a second tab with a long name", "third"):
        tabs.addTab(QWidget(), name)
    window.centralWidget().layout().addWidget(tabs)
    text = "\n".join(_problems(window))
    assert "tab 'third': tab cut" in text or "tab 'a second tab with a long name': tab cut" in text


def test_a_squeezed_plot_and_a_missing_picture_are_named(qtbot) -> None:
    """A plot with its cells squeezed to a sliver has no text left to fail the text audits: it is named itself;
    and a picture the room asks for that is not on screen is named."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QVBoxLayout

    window, plot, view = _window(qtbot)
    plot.addItem(pg.ImageItem(np.zeros((4, 4))))
    column = QWidget()
    stack = QVBoxLayout(column)
    view.setParent(None)
    stack.addWidget(view)
    filler = QWidget()
    filler.setMinimumHeight(590)
    stack.addWidget(filler)
    window.centralWidget().layout().addWidget(column)
    window.state = SimpleNamespace(view=SimpleNamespace(picture="signal"), layer_kind="Conv1D")
    text = "\n".join(_problems(window))
    assert "plot area squeezed to" in text
    assert "signal_graphics: picture not shown" in text
