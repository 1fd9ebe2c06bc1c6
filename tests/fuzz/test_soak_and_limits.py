"""Soak (items constant, memory bounded), large inputs (heat map, no tiny numbers) and the app's limits.

The full-size soak (5,000 steps, 500 changes) is ``benchmarks/bench_soak.py``; this is the
same loop at 1,000 steps and 100 changes so every test run holds the line.
"""

from __future__ import annotations

import gc
import json
import time

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.io.session import LIMITS

CYCLE = (
    ("kernel_size", 4), ("padding", "same"), ("filters", 5), ("dilation_rate", 2), ("padding", "causal"),
    ("kernel_size", 3), ("filters", 3), ("dilation_rate", 1), ("padding", "valid"), ("activation", "relu"),
    ("activation", "linear"),
)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _set(window, name, value):
    w = window.layer_panel.arg_widgets[name]
    w.setCurrentText(value) if isinstance(value, str) else w.setValue(value)


@pytest.fixture
def classroom(fuzz_window):
    fuzz_window.resize(900, 600)
    fuzz_window.open_example("classroom")
    fuzz_window.state.flush()
    QApplication.processEvents()
    return fuzz_window


def test_soak_items_constant_and_memory_bounded(classroom):
    w, state, t = classroom, classroom.state, classroom.transport
    w.resize(640, 420)  # every frame is painted; a small window and only the diagram keep it quick
    w.classroom.set_panels_hidden(True)

    def forward():
        t.first() if state.position >= state.position_count - 1 else t.forward()
        QApplication.processEvents()

    def cycle(steps_between):
        for name, value in CYCLE:
            for _ in range(steps_between):
                forward()
            _set(w, name, value)
            state.flush()
            QApplication.processEvents()

    cycle(5)  # warm-up: every setting once
    gc.collect()
    items = w.diagram.item_count
    rss0 = _rss_mb()
    seen, steps, changes = [], 0, 0
    while changes < 100:
        cycle(9)
        steps += 9 * len(CYCLE)
        changes += len(CYCLE)
        seen.append(w.diagram.item_count)
    while steps < 1000:
        forward()
        steps += 1
    gc.collect()
    QApplication.processEvents()
    seen.append(w.diagram.item_count)
    growth = _rss_mb() - rss0
    assert set(seen) == {items}, f"graphics items at the same setting changed: {items} -> {seen}"
    assert growth <= 5.0, f"resident memory grew {growth:.1f} MB over {steps} steps and {changes} changes"


def _numbers_visible(window) -> bool:
    """Whether cell numbers change the input or output panel: grab them with numbers on and off."""
    def grab():
        window.state.flush()
        d = window.diagram

        def rects():
            return [d.mapFromScene(p.plot.getViewBox().sceneBoundingRect()).boundingRect()
                    for p in (d.input_panel, d.output_panel)]

        # a resize settles over a few event-loop turns (ticks thinned to the new size resize the axes):
        # compare settled pictures, not one caught halfway
        before = None
        for _ in range(10):
            QApplication.processEvents()
            now = rects()
            if now == before:
                break
            before = now
        return [d.grab(r).toImage() for r in rects()]

    if not window.state.view.show_numbers:
        window.numbers_action.trigger()
    with_numbers = grab()
    window.numbers_action.trigger()
    without = grab()
    window.numbers_action.trigger()
    return with_numbers != without


def test_classroom_shows_numbers(classroom):
    classroom.resize(1600, 1000)
    QApplication.processEvents()
    assert _numbers_visible(classroom)


@pytest.mark.parametrize("size", ["seed-embedding", "4096x64"])
def test_large_inputs_are_a_heat_map_without_tiny_numbers(classroom, size):
    w, state = classroom, classroom.state
    t0 = time.perf_counter()
    if size == "seed-embedding":
        w.open_example("seed-embedding")
    else:
        w.layer_panel.steps.setValue(4096)
        w.layer_panel.channels.setValue(64)
    state.flush()
    QApplication.processEvents()
    assert time.perf_counter() - t0 < 5.0
    assert state.error is None
    tr = state.trace
    d = w.diagram
    np.testing.assert_array_equal(d.input_panel.image.image, d._orient(tr.padded[0]))  # every cell coloured
    w.resize(1600, 1000)  # even in a big window the cells are a pixel or two: no numbers
    assert not _numbers_visible(w)
    for _ in range(5):  # stepping and hovering stay quick
        t0 = time.perf_counter()
        w.transport.forward()
        d.hover_cell("input", 10, 3)
        QApplication.processEvents()
        assert time.perf_counter() - t0 < 1.0


def _limit_error(state):
    return state.error is not None and state.error.code == "limit"


@pytest.mark.parametrize("name, value", [("steps", 5000), ("channels", 600), ("filters", 600)])
def test_over_the_limit_through_the_widgets_never_reaches_the_model(classroom, name, value):
    """The spin boxes stop at the limits; typing more is refused digit by digit."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    w, state = classroom, classroom.state
    spin = w.layer_panel.arg_widgets.get(name) or getattr(w.layer_panel, name)
    assert spin.maximum() == LIMITS[name]
    t0 = time.perf_counter()
    spin.setFocus()
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin, str(value))
    QTest.keyClick(spin, Qt.Key.Key_Return)
    spin.setValue(value)  # clamped
    state.flush()
    QApplication.processEvents()
    assert time.perf_counter() - t0 < 5.0
    assert spin.value() <= LIMITS[name]
    got = state.layer["filters"]
    if name != "filters":
        got = state.input_shape[("steps", "channels").index(name) + 1]
    assert got <= LIMITS[name]


def test_over_the_limit_through_the_state_gives_a_clear_message(classroom):
    w, state = classroom, classroom.state
    for shape in ((1, 5000, 4), (1, 16, 600), (17, 16, 4)):
        state.set_input_shape(*shape)
        assert _limit_error(state) and "outside the app's range" in state.error.keras
        assert state.input_shape == (1, 16, 4)
        assert not w.layer_panel.error_label.isHidden()
    state.set_layer_arg("filters", 600)
    state.flush()
    assert _limit_error(state) and "over the app's limits" in state.error.keras


def test_too_many_numbers_in_total_is_refused_before_allocating(classroom):
    """16 x 4096 x 512 is within each spin box's range but 33.5 M numbers: refused at once,
    the spin boxes go back to the shape that stays, memory does not move."""
    state, panel = classroom.state, classroom.layer_panel
    panel.batch.setValue(16)
    panel.steps.setValue(4096)
    state.flush()
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    panel.channels.setValue(512)
    state.flush()
    QApplication.processEvents()
    assert time.perf_counter() - t0 < 1.0
    assert _limit_error(state) and "over the app's limit of 4,000,000" in state.error.keras
    assert state.input_shape == (16, 4096, 4) and panel.channels.value() == 4
    assert _rss_mb() - rss0 < 50
    assert "limit" in panel.error_message()


@pytest.mark.parametrize("change, words", [
    ({"input": {"shape": [1, 5000, 2], "generator": {"name": "ramp"}}},
     "steps=5000 is over the app's limit of 4096"),
    ({"input": {"shape": [1, 8, 600], "generator": {"name": "ramp"}}},
     "channels=600 is over the app's limit of 512"),
    ({"layer": {"filters": 600, "kernel_size": 3}}, "filters=600 is over the app's limit of 512"),
])
def test_over_the_limit_in_a_session_file_is_refused_with_a_message(classroom, tmp_path, monkeypatch, change,
                                                                     words):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda p, t, text, *a, **k: shown.append(text)))
    doc = {"format": "conv1d-explorer-session", "version": 1, "layer": {"filters": 2, "kernel_size": 3},
           "input": {"shape": [1, 8, 2], "generator": {"name": "ramp"}},
           "kernel": {"generator": {"name": "ones"}}}
    doc.update(change)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc))
    before = classroom.state.input_shape
    t0 = time.perf_counter()
    assert not classroom.file_actions.open_path(path)
    assert time.perf_counter() - t0 < 2.0
    assert len(shown) == 1 and words in shown[0]
    assert classroom.state.input_shape == before
