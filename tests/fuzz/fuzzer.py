"""A seeded GUI fuzzer: random sequences of real user actions on a real MainWindow.

Every action goes through the widgets a user touches (spin boxes, combos, menu
actions, the inline cell editor, the clipboard, the transport buttons, mouse
moves and clicks on the diagram).  After every action the fuzzer lets the
debounced recompute run, then checks that

* no exception reached ``sys.excepthook`` (Qt slots hand theirs to it);
* the trace is a fresh ``conv_core.conv1d`` of the state's arrays and layer when the
  setting is valid, and the last valid trace when it is not;
* the diagram draws that trace: the window taps at the current position, the
  filled output cells, the input and kernel images;
* the layer panel, the transport and the math panel show the state's values, and
  the error label is shown exactly when the state has an error;
* an action that pushed undo commands is undone back to the exact model before
  it, then redone to the exact model after it.

A failure raises :class:`FuzzFailure` naming the seed, the action number and the
last actions, so ``CONV1D_FUZZ_SEED=<seed> CONV1D_FUZZ_ACTIONS=<n>`` replays it.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QSpinBox

from conv_core import conv1d

__all__ = ["FuzzFailure", "FuzzResult", "Fuzzer", "patched_dialogs", "same_model", "snapshot_model"]

LANGS = ("en", "zh_CN", "zh_TW")
CELL_TEXTS = (
    "0", "1", "-1", "2", "3", "-2.5", "0.25", "7", "1e3", "-4e-2", "1e9", "-1e9",  # valid
    "2e9", "1e400", "nan", "NaN", "inf", "-inf", "abc", "", " ", "1,5", "--1", "1e", ".", "+",  # refused
    "３", "−1.5", "１２", "0x10", "1_000", "1.2.3", "٣", "½", "\t5", "5 6",
)
SPIN_TEXTS = ("0", "1", "2", "3", "5", "8", "-1", "abc", "99999", "1e3", "", "+2", "7", "12")


@dataclass
class FuzzResult:
    seed: int
    actions: int
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    undo_checks: int = 0
    errors_seen: int = 0
    checks: int = 0


class FuzzFailure(AssertionError):
    """A broken invariant or an uncaught exception; the message says how to replay it."""


Model = tuple[dict[str, Any], np.ndarray, np.ndarray, np.ndarray]


def snapshot_model(state: Any) -> Model:
    """The editable model after the pending recompute: layer, x, kernel, raw bias (copies)."""
    state.flush()
    return (dict(state.layer), state.x.copy(), state.kernel.copy(), state.raw_bias.copy())


def same_model(a: Model, b: Model) -> str | None:
    """None when equal exactly, else what differs."""
    if a[0] != b[0]:
        return f"layer {a[0]} != {b[0]}"
    for name, x, y in zip(("x", "kernel", "bias"), a[1:], b[1:], strict=True):
        if x.shape != y.shape:
            return f"{name} shape {x.shape} != {y.shape}"
        if not np.array_equal(x, y):
            return f"{name} values differ at {np.argwhere(x != y)[:3].tolist()}"
    return None


def expected_output(state: Any) -> np.ndarray:
    """``conv_core.conv1d`` on the state's arrays, fed in the layer's data_format; (N, Lout, F)."""
    layer = state.layer
    kw = {k: layer[k] for k in ("filters", "kernel_size", "strides", "padding", "dilation_rate", "groups",
                                "activation", "use_bias")}
    if layer["data_format"] == "channels_first":
        y = conv1d(np.swapaxes(state.x, 1, 2), state.kernel, state.bias, data_format="channels_first", **kw)
        return np.swapaxes(y, 1, 2)
    return conv1d(state.x, state.kernel, state.bias, **kw)


class patched_dialogs:
    """Replace the modal dialogs with recorders and canned answers while the fuzzer runs."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.rng = rng
        self.messages: list[tuple[str, str, str]] = []
        self.open_path: str = ""
        self.save_path: str = ""
        self._saved: list[tuple[type, str, Any]] = []

    def __enter__(self) -> patched_dialogs:
        def record(kind: str) -> Callable[..., Any]:
            def show(parent: Any, title: str, text: str, *a: Any, **k: Any) -> Any:
                self.messages.append((kind, title, text))
                buttons = a[0] if a else k.get("buttons")
                if kind == "question" and buttons is not None and buttons & QMessageBox.StandardButton.Ok:
                    return QMessageBox.StandardButton.Ok  # the import preview: go ahead
                return QMessageBox.StandardButton.No if kind == "question" else QMessageBox.StandardButton.Ok

            return staticmethod(show)

        patches: list[tuple[type, str, Any]] = [
            (QMessageBox, kind, record(kind)) for kind in ("warning", "information", "critical", "question")
        ]
        patches += [
            (QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (self.open_path, ""))),
            (QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (self.save_path, ""))),
            (QInputDialog, "getInt", staticmethod(lambda *a, **k: (self.rng.randrange(0, 1000), True))),
        ]
        for cls, name, value in patches:
            self._saved.append((cls, name, cls.__dict__.get(name)))
            setattr(cls, name, value)
        return self

    def __exit__(self, *exc: object) -> None:
        for cls, name, value in reversed(self._saved):
            if value is None:
                delattr(cls, name)
            else:
                setattr(cls, name, value)


class Fuzzer:
    """Drives one MainWindow with ``actions`` random user actions chosen by ``seed``."""

    def __init__(self, window: Any, seed: int, folder: Path, *, large: bool = False) -> None:
        self.w = window
        self.state = window.state
        self.seed = seed
        self.rng = random.Random(seed)
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.verbose = bool(os.environ.get("CONV1D_FUZZ_VERBOSE"))
        self.large = large  # allow the big sizes (seed-embedding, 4096 steps) now and then
        self.ed = window.editing
        self.files = window.file_actions
        self.lang = window.language_menu
        self.classroom = window.classroom
        self.inspect = window.inspect
        self.panel = window.layer_panel
        self.transport = window.transport
        self.diagram = window.diagram
        self.exceptions: list[str] = []
        self.history: list[str] = []
        self.result = FuzzResult(seed, 0, 0.0)
        self.last_valid_trace = self.state.trace
        self.loaded = False
        self.undid = False  # the action undid or redid something: the net index says nothing
        self.state.sessionLoaded.connect(self._on_loaded)
        self.state.traceChanged.connect(self._on_trace)  # the last valid picture, even mid-action
        self.dialogs: patched_dialogs | None = None
        self.actions: list[tuple[str, float, Callable[[], str]]] = [
            ("spin_arg", 12, self.a_spin_arg),
            ("combo_arg", 6, self.a_combo_arg),
            ("use_bias", 2, self.a_use_bias),
            ("resize", 8, self.a_resize),
            ("sample", 2, self.a_sample),
            ("edit_cell", 10, self.a_edit_cell),
            ("paste", 5, self.a_paste),
            ("undo", 7, self.a_undo),
            ("redo", 4, self.a_redo),
            ("transport", 10, self.a_transport),
            ("play", 2, self.a_play),
            ("hover", 6, self.a_hover),
            ("pin", 5, self.a_pin),
            ("language", 2, self.a_language),
            ("theme", 2, self.a_theme),
            ("view", 3, self.a_view),
            ("save_load", 2, self.a_save_load),
            ("bad_file", 1, self.a_bad_file),
            ("example", 2, self.a_example),
            ("fill", 4, self.a_fill),
            ("classroom", 1, self.a_classroom),
            ("keys", 3, self.a_keys),
            ("window_size", 1, self.a_window_size),
            ("burst", 3, self.a_burst),
            ("repair", 7, self.a_repair),
            ("import", 3, self.a_import),
            ("generator_file", 2, self.a_generator_file),
            ("hostile_file", 1, self.a_hostile_file),
        ]
        # Bias towards valid settings, so most checks test the picture: after an action that left
        # an error, the next one follows the error's fix with this probability.
        self.repair_bias = 0.5
        self.checks = 0

    # ------------------------------------------------------------------ running
    def _on_trace(self, trace: Any) -> None:
        self.last_valid_trace = trace

    def _on_loaded(self) -> None:
        self.loaded = True

    def _hook(self, kind: type, value: BaseException, tb: Any) -> None:
        self.exceptions.append("".join(traceback.format_exception(kind, value, tb)))

    def run(self, n_actions: int) -> FuzzResult:
        """Run ``n_actions`` actions; raises :class:`FuzzFailure` on the first broken invariant."""
        old_hook = sys.excepthook
        sys.excepthook = self._hook
        start = time.perf_counter()
        try:
            with patched_dialogs(self.folder, self.rng) as dialogs:
                self.dialogs = dialogs
                self.settle()
                self.check("start")
                names = [a[0] for a in self.actions]
                weights = [a[1] for a in self.actions]
                table = {a[0]: a[2] for a in self.actions}
                for i in range(n_actions):
                    if self.state.error is not None and self.rng.random() < self.repair_bias:
                        name = "repair"
                    else:
                        name = self.rng.choices(names, weights)[0]
                    self.step(i, name, table[name])
        finally:
            sys.excepthook = old_hook
            self.transport.pause()
        self.result.actions = n_actions
        self.result.checks = self.checks
        self.result.seconds = time.perf_counter() - start
        return self.result

    def step(self, i: int, name: str, action: Callable[[], str]) -> None:
        before = snapshot_model(self.state)
        index0, count0 = self.ed.undo_stack.index(), self.ed.undo_stack.count()
        self.loaded = False
        self.undid = False
        if self.verbose:
            print(f"#{i} {name} ...", file=sys.stderr, flush=True)
        try:
            desc = action()
        except FuzzFailure:
            raise
        except Exception:  # an exception in the app, raised straight into the action
            self.exceptions.append(traceback.format_exc())
            desc = name
        self.history.append(f"#{i} {desc}")
        if self.verbose:
            print(f"#{i} {desc}", file=sys.stderr, flush=True)
        self.result.counts[name] = self.result.counts.get(name, 0) + 1
        self.settle()
        self.check(f"#{i} {desc}")
        pushed = self.ed.undo_stack.index() - index0
        if not (self.loaded or self.undid) and pushed > 0 and self.ed.undo_stack.count() >= count0:
            self.check_undo(i, desc, before, pushed)

    def settle(self) -> None:
        """Let posted events run and the debounced recompute happen (what the user waits for)."""
        QApplication.processEvents()
        self.state.flush()
        QApplication.processEvents()

    def fail(self, where: str, what: str) -> None:
        last = "\n  ".join(self.history[-12:])
        raise FuzzFailure(
            f"GUI fuzzer, seed={self.seed}: {what}\n  at {where}\n"
            f"replay: CONV1D_FUZZ_SEED={self.seed} CONV1D_FUZZ_ACTIONS={len(self.history)} "
            f"CONV1D_FUZZ_LARGE={int(self.large)} pytest tests/fuzz -k seeded\n  last actions:\n  {last}"
        )

    # ------------------------------------------------------------------ invariants
    def check(self, where: str) -> None:
        if self.exceptions:
            self.fail(where, "uncaught exception:\n" + "\n".join(self.exceptions))
        s = self.state
        tr = s.trace
        if s.error is None:
            if tr is None or tr is not self.last_valid_trace:
                self.fail(where, "the state's trace is not the last one it announced")
            if tr is None:
                self.fail(where, "no error and no trace")
            try:
                want = expected_output(s)
            except ValueError as exc:
                self.fail(where, f"the state shows no error but conv1d refuses it: {exc}")
            if want.shape != tr.output.shape:
                self.fail(where, f"trace output shape {tr.output.shape} != conv1d {want.shape}")
            scale = max(1.0, float(np.abs(s.x).max(initial=0)) * float(np.abs(s.kernel).max(initial=0))
                        * s.kernel.shape[0] * s.kernel.shape[1])
            if not np.allclose(tr.output, want, rtol=1e-9, atol=1e-12 * scale):
                self.fail(where, "trace output differs from a fresh conv1d")
            if not (np.array_equal(tr.x, s.x) and np.array_equal(tr.kernel, s.kernel)):
                self.fail(where, "trace arrays are not the state's arrays")
        else:
            self.result.errors_seen += 1
        self.checks += 1
        if s.error is not None:
            if tr is not self.last_valid_trace:
                self.fail(where, "an invalid setting replaced the last valid picture")
            if s.error.code not in ("limit", "value_range"):  # app limits, not Keras's rules
                try:
                    expected_output(s)
                except ValueError:
                    pass
                else:
                    self.fail(where, f"the state shows an error ({s.error.keras}) but conv1d accepts it")
        self.check_panel(where)
        if tr is not None:
            self.check_diagram(where, tr)
            self.check_transport(where)
            self.check_math(where, tr)

    def check_panel(self, where: str) -> None:
        p, s = self.panel, self.state
        layer = s.layer
        for name in ("filters", "kernel_size", "strides", "dilation_rate", "groups"):
            w = p.arg_widgets[name]
            if w.value() != layer[name]:
                self.fail(where, f"spin box {name} shows {w.value()}, state has {layer[name]}")
        for name in ("padding", "activation", "data_format"):
            if p.arg_widgets[name].currentText() != layer[name]:
                shown = p.arg_widgets[name].currentText()
                self.fail(where, f"combo {name} shows {shown}, state {layer[name]}")
        if p.use_bias.isChecked() != layer["use_bias"]:
            self.fail(where, "use_bias check box disagrees with the state")
        shape = (p.batch.value(), p.steps.value(), p.channels.value())
        if shape != s.input_shape:
            self.fail(where, f"input shape spin boxes show {shape}, state has {s.input_shape}")
        if p.sample.value() != s.view.sample:
            self.fail(where, f"sample spin box {p.sample.value()} != {s.view.sample}")
        if p.error_label.isHidden() == (s.error is not None):
            self.fail(where, f"error label hidden={p.error_label.isHidden()} but state.error={s.error!r}")
        if s.error is not None and s.error.keras not in p.error_message():
            self.fail(where, "error label does not show the state's message")
        from app.views.layer_panel import keras_one_liner

        if keras_one_liner(layer) not in p.code_label.text():
            self.fail(where, "Keras one-liner is stale")

    def check_diagram(self, where: str, tr: Any) -> None:
        d, s = self.diagram, self.state
        if d._trace is not tr:
            self.fail(where, "the diagram draws another trace than the state's")
        step, f = s.current()
        k = tr.spec.kernel_size
        if f is None:
            j0, dj = 0, tr.channels
        else:
            j0, dj = int(tr.group_channels[tr.filter_group[f]][0]), tr.channels // tr.spec.groups
        want = [d.logical_rect(int(i), j0, 1, dj) for i in tr.tap_padded[step] - tr.pad_left]
        got = d.tap_rects
        if len(got) != k or [_r(r) for r in got] != [_r(r) for r in want]:
            self.fail(where, f"window taps {[_r(r) for r in got]} != trace taps {[_r(r) for r in want]}")
        img = d.output_panel.image.image
        filled = s.filled_mask()
        if img is None or img.shape != d._orient(filled).shape:
            self.fail(where, "output image has the wrong shape")
        finite = np.isfinite(img)
        if not np.array_equal(finite, d._orient(filled) & np.isfinite(d._orient(tr.output[self._n(tr)]))):
            self.fail(where, f"output image shows {int(finite.sum())} cells, {int(filled.sum())} computed")
        n = self._n(tr)
        if not np.array_equal(d.input_panel.image.image, d._orient(tr.padded[n])):
            self.fail(where, "input image is not the padded input")
        bank = d._kernel_bank(tr)
        if not np.array_equal(d.kernel_panel.image.image, d._orient(bank), equal_nan=True):
            self.fail(where, "kernel image is not the kernel bank")
        texts = d.input_panel.texts
        if len(texts):  # numbers only while they are few enough; then each one is the cell's value
            i = self.rng.randrange(-tr.pad_left, tr.steps + tr.pad_right)
            c = self.rng.randrange(tr.channels)
            from app.views.cell_texts import format_value

            if texts.text_at(i, c) != format_value(float(tr.padded[n, i + tr.pad_left, c])):
                self.fail(where, f"input cell ({i}, {c}) shows {texts.text_at(i, c)!r}")

    def _n(self, tr: Any) -> int:
        return min(self.state.view.sample, tr.batch - 1)

    def check_transport(self, where: str) -> None:
        t, s = self.transport, self.state
        if t.scrubber.value() != s.position or t.scrubber.maximum() != s.position_count - 1:
            self.fail(where, f"scrubber {t.scrubber.value()}/{t.scrubber.maximum()} vs "
                             f"position {s.position}/{s.position_count - 1}")
        if t.mode.currentData() != s.view.mode:
            self.fail(where, "mode combo disagrees with the state")

    def check_math(self, where: str, tr: Any) -> None:
        m = self.inspect.math_panel
        target = self.state.inspected_output()
        if target is None:
            return
        cell = m.cell
        if cell is None or (cell.step, cell.filter) != target or cell.sample != self._n(tr):
            self.fail(where, f"math panel explains {cell and (cell.sample, cell.step, cell.filter)}, "
                             f"expected {target}")
        want = tr.output[self._n(tr), target[0], target[1]]
        if not (cell.value == want or (math.isnan(cell.value) and math.isnan(want))):
            self.fail(where, f"math panel value {cell.value} != output {want}")

    def check_undo(self, i: int, desc: str, before: Model, pushed: int) -> None:
        after = snapshot_model(self.state)
        where = f"#{i} {desc} (undo check, {pushed} command(s))"
        for _ in range(pushed):
            self.ed.undo_action.trigger()
        self.settle()
        diff = same_model(snapshot_model(self.state), before)
        if diff:
            self.fail(where, f"undo did not restore the model: {diff}")
        self.check(where + " after undo")
        for _ in range(pushed):
            self.ed.redo_action.trigger()
        self.settle()
        diff = same_model(snapshot_model(self.state), after)
        if diff:
            self.fail(where, f"redo did not give back the model: {diff}")
        self.check(where + " after redo")
        self.result.undo_checks += 1

    # ------------------------------------------------------------------ helpers
    def _pick(self, seq: Any) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def _type_into_spin(self, spin: QSpinBox, text: str) -> None:
        spin.setFocus()
        spin.lineEdit().selectAll()
        QTest.keyClicks(spin, text)
        QTest.keyClick(spin, Qt.Key.Key_Return)

    def _editable_refs(self) -> list[Any]:
        from app.state.explorer import CellRef

        tr = self.state.trace
        if tr is None:
            return []
        k, cg, filters = tr.kernel.shape
        r = self.rng
        refs = [
            CellRef("input", step=r.randrange(tr.steps), channel=r.randrange(tr.channels)),
            CellRef("kernel", tap=r.randrange(k), channel=r.randrange(cg), filter=r.randrange(filters)),
        ]
        if tr.spec.use_bias:
            refs.append(CellRef("bias", filter=r.randrange(filters)))
        return refs

    def _small(self) -> bool:
        return self.rng.random() < 0.93 or not self.large

    # ------------------------------------------------------------------ actions
    def a_spin_arg(self) -> str:
        name = self._pick(("filters", "kernel_size", "strides", "dilation_rate", "groups"))
        spin = self.panel.arg_widgets[name]
        r = self.rng.random()
        if r < 0.55:
            big = (64, 100, 512)
            v = self.rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 6)) if self._small() else self.rng.choice(big)
            spin.setValue(v)
            return f"{name}.setValue({v})"
        if r < 0.75:
            delta = self.rng.choice((-1, 1))
            spin.stepBy(delta)
            return f"{name}.stepBy({delta})"
        text = self._pick(SPIN_TEXTS)
        self._type_into_spin(spin, text)
        return f"{name} typed {text!r}"

    def a_combo_arg(self) -> str:
        name = self._pick(("padding", "activation", "data_format"))
        combo = self.panel.arg_widgets[name]
        i = self.rng.randrange(combo.count())
        combo.setCurrentIndex(i)
        return f"{name} -> {combo.itemText(i)}"

    def a_use_bias(self) -> str:
        QTest.mouseClick(self.panel.use_bias, Qt.MouseButton.LeftButton)
        return f"use_bias click -> {self.panel.use_bias.isChecked()}"

    def a_resize(self) -> str:
        name = self._pick(("batch", "steps", "channels", "steps", "channels"))
        spin = getattr(self.panel, name)
        if self._small():
            v = {"batch": self.rng.randint(1, 4), "steps": self.rng.randint(1, 40),
                 "channels": self.rng.randint(1, 8)}[name]
        else:
            v = {"batch": 16, "steps": self.rng.choice((300, 1024, 4096)),
                 "channels": self.rng.choice((64, 300, 512))}[name]
        if self.rng.random() < 0.3:
            self._type_into_spin(spin, str(v))
            return f"{name} typed {v}"
        spin.setValue(v)
        return f"{name}.setValue({v})"

    def a_sample(self) -> str:
        v = self.rng.randrange(0, self.panel.sample.maximum() + 2)
        self.panel.sample.setValue(v)
        return f"sample.setValue({v})"

    def a_edit_cell(self) -> str:
        refs = self._editable_refs()
        if not refs:
            return "edit (no trace)"
        ref = self._pick(refs)
        text = self._pick(CELL_TEXTS) if self.rng.random() < 0.6 else str(self.rng.randint(-9, 9))
        how = self.rng.random()
        d, ed = self.diagram, self.ed
        if how < 0.35 and text and text[0] in "0123456789-.":
            d.setFocus()
            self.state.set_pin(ref)
            QTest.keyClick(d, text[0])  # typing on the selected cell opens the editor
            if ed.editor.isVisible():
                QTest.keyClicks(ed.editor, text[1:])
        else:
            if not d.request_edit(ref):
                return f"edit {ref} refused"
            ed.editor.setText(text)
        if not ed.editor.isVisible():
            return f"edit {ref} {text!r}: no editor"
        key = self._pick((Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down,
                          Qt.Key.Key_Escape, Qt.Key.Key_Backtab, Qt.Key.Key_Up))
        QTest.keyClick(ed.editor, key)
        return f"edit {ref.kind}{(ref.step, ref.channel, ref.tap, ref.filter)} {text!r} + {key.name}"

    def a_paste(self) -> str:
        r = self.rng
        rows, cols = r.randint(1, 4), r.randint(1, 4)
        kind = r.random()
        if kind < 0.7:
            lines = ("\t".join(str(r.randint(-5, 5)) for _ in range(cols)) for _ in range(rows))
            text = "\n".join(lines) + "\n"
        elif kind < 0.8:
            text = "\n".join(",".join(f"{r.uniform(-2, 2):.3f}" for _ in range(cols)) for _ in range(rows))
        else:
            text = r.choice(("", "\n\n", "a\tb", "1\t2\n3", "1\tnan", "1e99\t1", "1 2\n3 4", "\t\t",
                             "３\t−1"))
        QGuiApplication.clipboard().setText(text)
        if r.random() < 0.7:
            refs = self._editable_refs()
            if refs:
                self.state.set_pin(self._pick(refs))
        else:
            self.state.set_pin(None)
        self.ed.paste_action.trigger()
        return f"paste {text!r} at {self.state.pinned}"

    def a_undo(self) -> str:
        n = self.rng.randint(1, 3)
        self.undid = True
        for _ in range(n):
            if self.verbose:
                st = self.ed.undo_stack
                texts = [st.text(k) for k in range(st.count())]
                print("   stack", st.index(), texts, file=sys.stderr, flush=True)
            self.ed.undo_action.trigger()
        return f"undo x{n}"

    def a_redo(self) -> str:
        n = self.rng.randint(1, 3)
        self.undid = True
        for _ in range(n):
            self.ed.redo_action.trigger()
        return f"redo x{n}"

    def a_transport(self) -> str:
        t = self.transport
        choice = self.rng.randrange(7)
        if choice == 0:
            b = self._pick((t.first_button, t.back_button, t.forward_button, t.last_button))
            QTest.mouseClick(b, Qt.MouseButton.LeftButton)
            return f"click {b.toolTip()}"
        if choice == 1:
            v = self.rng.randint(-2, t.scrubber.maximum() + 2)
            t.scrubber.setValue(v)
            return f"scrub {v}"
        if choice == 2:
            i = self.rng.randrange(2)
            t.mode.setCurrentIndex(i)
            return f"mode {t.mode.itemData(i)}"
        if choice == 3:
            name = self._pick(("forward", "back", "first", "last", "faster", "slower"))
            self.w.findChild(type(self.ed.undo_action), f"shortcut_{name}").trigger()
            return f"shortcut {name}"
        if choice == 4:
            t.scrubber.setFocus()
            key = self._pick((Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Home))
            QTest.keyClick(t.scrubber, key)
            return f"scrubber key {key.name}"
        n = self.rng.randint(1, 6)
        for _ in range(n):
            QTest.mouseClick(t.forward_button, Qt.MouseButton.LeftButton)
        return f"forward x{n}"

    def a_play(self) -> str:
        t = self.transport
        for _ in range(self.rng.randint(0, 4)):
            t.faster()
        QTest.mouseClick(t.play_button, Qt.MouseButton.LeftButton)
        QTest.qWait(self.rng.randint(0, 120))
        QTest.mouseClick(t.play_button, Qt.MouseButton.LeftButton)
        t.pause()
        return f"play/pause at speed {t.speed}"

    def a_hover(self) -> str:
        d = self.diagram
        if self.rng.random() < 0.5:
            vp = d.viewport()
            pos = QPoint(self.rng.randrange(max(vp.width(), 1)), self.rng.randrange(max(vp.height(), 1)))
            QTest.mouseMove(vp, pos)
            d._on_mouse_moved(d.mapToScene(pos))  # offscreen, a synthetic move may not reach the scene
            return f"mouse move {pos.x()},{pos.y()} -> {self.state.hovered}"
        panel = self._pick(("input", "kernel", "output"))
        i, j = self.rng.randint(-3, 40), self.rng.randint(-2, 12)
        ref = d.hover_cell(panel, i, j)
        if self.rng.random() < 0.2:
            d.leaveEvent(QEvent_leave())
        return f"hover {panel} ({i}, {j}) -> {ref}"

    def a_pin(self) -> str:
        d = self.diagram
        r = self.rng.random()
        if r < 0.4:
            vp = d.viewport()
            pos = QPoint(self.rng.randrange(max(vp.width(), 1)), self.rng.randrange(max(vp.height(), 1)))
            QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
            return f"click {pos.x()},{pos.y()} -> pinned {self.state.pinned}"
        if r < 0.8:
            panel = self._pick(("input", "kernel", "output"))
            i, j = self.rng.randint(-3, 40), self.rng.randint(-2, 12)
            return f"pin {panel} ({i}, {j}) -> {d.pin_cell(panel, i, j)}"
        self.inspect.clear_pin_action.trigger()
        return "Esc (clear pin)"

    def a_language(self) -> str:
        lang = self._pick(LANGS)
        self.lang.actions[lang].trigger()
        return f"language {lang}"

    def a_theme(self) -> str:
        if self.rng.random() < 0.3:
            self.classroom.next_theme_action.trigger()
            return f"next theme -> {self.state.view.theme}"
        name = self._pick(tuple(self.classroom.theme_actions))
        self.classroom.theme_actions[name].trigger()
        return f"theme {name}"

    def a_view(self) -> str:
        act = self._pick((self.w.orientation_action, self.w.numbers_action, self.inspect.symbols_action))
        act.trigger()
        return f"toggle {act.text()!r} -> {act.isChecked()}"

    def a_save_load(self) -> str:
        assert self.dialogs is not None
        path = self.folder / f"fuzz_{self.rng.randrange(3)}.json"
        self.dialogs.save_path = str(path)
        model = snapshot_model(self.state)
        valid = self.state.error is None
        self.files.save_as_action.trigger()
        if not path.exists():
            self.fail("save", f"Save as wrote nothing ({self.dialogs.messages[-1:]})")
        self.dialogs.open_path = str(path)
        n_msgs = len(self.dialogs.messages)
        self.files.open_action.trigger()
        self.settle()
        if valid and len(self.dialogs.messages) != n_msgs:
            self.fail("load", f"a saved valid session did not open: {self.dialogs.messages[-1]}")
        if valid:
            got = snapshot_model(self.state)
            layer, x, kernel, bias = model
            if not layer["use_bias"]:  # a layer without bias saves none; it loads as zeros
                bias = np.zeros_like(bias)
            diff = same_model(got, (layer, x, kernel, bias))
            if diff:
                self.fail("save/load", f"the loaded session differs from the saved one: {diff}")
        return f"save + open {path.name} (valid={valid})"

    def a_bad_file(self) -> str:
        assert self.dialogs is not None
        r = self.rng
        path = self.folder / "bad.json"
        choice = r.randrange(6)
        base = {"format": "conv1d-explorer-session", "version": 1,
                "layer": {"filters": 2, "kernel_size": 3},
                "input": {"shape": [1, 8, 2], "generator": {"name": "ramp"}},
                "kernel": {"generator": {"name": "ones"}}}
        if choice == 0:
            path.write_bytes(bytes(r.randrange(256) for _ in range(r.randint(0, 64))))
        elif choice == 1:
            path.write_text(json.dumps(base)[: r.randint(1, 80)])
        elif choice == 2:
            base["input"]["shape"] = [1, 5000, 2]
            path.write_text(json.dumps(base))
        elif choice == 3:
            base["input"]["shape"] = [1, 8, 600]
            path.write_text(json.dumps(base))
        elif choice == 4:
            base["layer"]["filters"] = 600
            path.write_text(json.dumps(base))
        else:
            base["layer"]["strides"] = 2
            base["layer"]["dilation_rate"] = 2
            path.write_text(json.dumps(base))
        model = snapshot_model(self.state)
        n_msgs = len(self.dialogs.messages)
        self.dialogs.open_path = str(path)
        self.files.open_action.trigger()
        self.settle()
        if len(self.dialogs.messages) != n_msgs + 1:
            self.fail("bad file", f"a bad session (case {choice}) gave no single message")
        diff = same_model(snapshot_model(self.state), model)
        if diff:
            self.fail("bad file", f"a bad session changed the work: {diff}")
        return f"open bad file case {choice}: {self.dialogs.messages[-1][2][:60]!r}"

    # ------------------------------------------------------------------ issue 15: what files hold
    def _import_content(self) -> tuple[str, bytes, np.ndarray | None]:
        """A CSV or .npy file and the steps x channels it must import as (None: it must be refused)."""
        r = self.rng
        steps, channels = r.randint(1, 12), r.randint(1, 4)
        good = np.round(np.array([[r.uniform(-9, 9) for _ in range(channels)] for _ in range(steps)]), 3)
        choice = r.randrange(10)
        if choice < 5:  # mostly valid: most checks should test the picture
            if r.random() < 0.5:
                return ".npy", _npy_bytes(good), good
            text = "\n".join(",".join(repr(float(v)) for v in row) for row in good) + "\n"
            return ".csv", text.encode(), good
        extreme = r.choice((1e308, -9e307, 1e16, float("nan"), float("inf"), 5e-324, 1e15, -1e15))
        bad = good.copy()
        bad[r.randrange(steps), r.randrange(channels)] = extreme
        fine = bad if abs(extreme) <= 1e15 else None
        if choice == 5:
            return ".npy", _npy_bytes(bad), fine
        if choice == 6:
            text = "\n".join(",".join(repr(float(v)) for v in row) for row in bad) + "\n"
            return ".csv", text.encode(), fine
        malformed = (
            b"NA,NA\n1,2\n", b",\n1,2\n", b"1,2\n3\n", b"9" * 5000 + b",1\n", b"\x93NUMPY\x01\x00garbage",
            b"1,5\t2,5\n3\t4\n", b"\x00\x01\x02", b"1e400,1\n", b"1\n" * 70_000, b"a,b\n",
        )
        raw = r.choice(malformed)
        if raw == b"1,5\t2,5\n3\t4\n":
            return ".tsv", raw, np.array([[1.5, 2.5], [3.0, 4.0]])
        return (".npy" if raw.startswith(b"\x93") else ".csv"), raw, None

    def a_import(self) -> str:
        """File -> Import input with extreme, malformed or ordinary CSV / .npy content."""
        assert self.dialogs is not None
        suffix, raw, want = self._import_content()
        path = self.folder / f"import{suffix}"
        path.write_bytes(raw)
        model = snapshot_model(self.state)
        n_msgs = len(self.dialogs.messages)
        self.dialogs.open_path = str(path)
        self.files.import_action.trigger()
        self.settle()
        new = self.dialogs.messages[n_msgs:]
        if want is None:
            if [m[0] for m in new] != ["warning"]:
                self.fail("import", f"a bad {suffix} file gave {new!r}, not one warning")
            diff = same_model(snapshot_model(self.state), model)
            if diff:
                self.fail("import", f"a refused import changed the work: {diff}")
            return f"import bad {suffix}: {new[-1][2][:60]!r}"
        x = self.state.x
        if want.shape[0] == 1 and want.shape[1] > 1:
            want = want.reshape(-1, 1)  # one row is one series
        if x.shape != (1, *want.shape) or not np.array_equal(x[0], want):
            self.fail("import", f"imported {x.shape}, the file holds {want.shape}: {new!r}")
        return f"import {suffix} {want.shape}"

    def a_generator_file(self) -> str:
        """A session whose input generator has extreme parameters: valid ones load, the rest are refused."""
        assert self.dialogs is not None
        r = self.rng
        name = r.choice(("sine", "square", "random_integers", "uniform", "normal"))
        params: dict[str, Any] = {}
        key, value = r.choice((
            ("period", 0), ("period", 1e-320), ("period", 1e300), ("period", 8), ("period", 0.5),
            ("seed", -1), ("seed", 2**70), ("seed", 7), ("low", 10**20), ("high", -5), ("low", 2),
        ))
        params[key] = value
        doc = {"format": "conv1d-explorer-session", "version": 1,
               "layer": {"filters": 2, "kernel_size": 3},
               "input": {"shape": [1, r.randint(3, 16), 2], "generator": {"name": name, **params}},
               "kernel": {"generator": {"name": "ones"}}}
        path = self.folder / "generator.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        n_msgs = len(self.dialogs.messages)
        model = snapshot_model(self.state)
        self.dialogs.open_path = str(path)
        self.files.open_action.trigger()
        self.settle()
        refused = len(self.dialogs.messages) > n_msgs
        if refused:
            diff = same_model(snapshot_model(self.state), model)
            if diff:
                self.fail("generator file", f"a refused session changed the work: {diff}")
        elif not np.isfinite(self.state.x).all():
            self.fail("generator file", f"{name} {params} made a value that is not finite")
        return f"generator {name} {params}: {'refused' if refused else 'loaded'}"

    def a_hostile_file(self) -> str:
        """Open a session of the hostile corpus (tests/data/hostile): it loads or gives one message."""
        assert self.dialogs is not None
        files = sorted(HOSTILE_FILES.glob("*.json"))
        path = self._pick(files)
        n_msgs = len(self.dialogs.messages)
        model = snapshot_model(self.state)
        self.dialogs.open_path = str(path)
        self.files.open_action.trigger()
        self.settle()
        if len(self.dialogs.messages) > n_msgs + 1:
            self.fail("hostile file", f"{path.name} gave {len(self.dialogs.messages) - n_msgs} messages")
        if len(self.dialogs.messages) == n_msgs + 1:
            diff = same_model(snapshot_model(self.state), model)
            if diff:
                self.fail("hostile file", f"the refused {path.name} changed the work: {diff}")
        return f"open hostile {path.name}"

    def a_example(self) -> str:
        acts = [a for a in self.w.examples_menu.actions() if a.data()]
        if not self.large:
            acts = [a for a in acts if a.data() != "seed-embedding"] or acts
        act = self._pick(acts)
        act.trigger()
        return f"example {act.data()}"

    def a_fill(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            name = self._pick(tuple(self.ed.generator_actions))
            self.ed.generator_actions[name].trigger()
            return f"input generator {name}"
        if r < 0.85:
            name = self._pick(tuple(self.ed.preset_actions))
            self.ed.preset_actions[name].trigger()
            return f"kernel preset {name}"
        if r < 0.93:
            self.ed.seed_action.trigger()
            return f"seed -> {self.ed.seed}"
        act = self._pick(self.ed.bias_menu.actions())
        act.trigger()
        return f"bias fill {act.text()!r}"

    def a_classroom(self) -> str:
        c = self.classroom
        act = self._pick((c.predict_action, c.panels_action, c.reveal_action, c.predict_action,
                          c.no_channel_action, c.classroom_action))
        if act is c.classroom_action and self.rng.random() < 0.5:
            act = c.predict_action
        act.trigger()
        return f"classroom {act.objectName()} -> {act.isChecked()}"

    def a_keys(self) -> str:
        d = self.diagram
        d.setFocus()
        key = self._pick((Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End,
                          Qt.Key.Key_Escape, Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_5,
                          Qt.Key.Key_Minus))
        QTest.keyClick(d, key)
        if self.ed.editor.isVisible() and self.rng.random() < 0.7:
            QTest.keyClick(self.ed.editor, Qt.Key.Key_Escape)
        return f"key {key.name} on the diagram"

    def a_window_size(self) -> str:
        w, h = self.rng.randint(700, 1800), self.rng.randint(500, 1100)
        self.w.resize(w, h)
        return f"window {w}x{h}"

    def a_repair(self) -> str:
        """Follow the error's fix (or set a plain value), so runs do not stay in invalid settings."""
        p = self.panel
        if self.state.error is not None and self.rng.random() < 0.7:  # the whole fix at once
            for spin in (p.strides, p.dilation_rate, p.groups):
                spin.setValue(1)
            p.kernel_size.setValue(self.rng.randint(1, 4))
            p.filters.setValue(self.rng.randint(1, 4))
            p.steps.setValue(max(p.steps.value(), self.rng.randint(12, 24)))
            return "repair: strides = dilation_rate = groups = 1, small kernel_size and filters, 12+ steps"
        choice = self.rng.randrange(4)
        if choice == 0:
            for spin in (p.strides, p.dilation_rate, p.groups):
                spin.setValue(1)
            return "repair: strides = dilation_rate = groups = 1"
        if choice == 1:
            p.kernel_size.setValue(self.rng.randint(1, 4))
            p.filters.setValue(self.rng.randint(1, 4))
            return f"repair: kernel_size={p.kernel_size.value()}, filters={p.filters.value()}"
        if choice == 2:
            p.steps.setValue(max(p.steps.value(), self.rng.randint(12, 24)))
            return f"repair: steps={p.steps.value()}"
        p.padding.setCurrentText(self._pick(("same", "causal", "valid")))
        p.groups.setValue(1)
        return f"repair: padding={p.padding.currentText()}, groups=1"

    def a_burst(self) -> str:
        """Several quick edits without waiting for the debounced recompute in between."""
        done = []
        for _ in range(self.rng.randint(2, 5)):
            action = self._pick((self.a_spin_arg, self.a_combo_arg, self.a_resize, self.a_edit_cell,
                                 self.a_transport, self.a_fill, self.a_undo))
            done.append(action())
        return "burst[" + "; ".join(done) + "]"


HOSTILE_FILES = Path(__file__).resolve().parent.parent / "data" / "hostile" / "files"


def _npy_bytes(arr: np.ndarray) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def _r(rect: QRectF) -> tuple[float, float, float, float]:
    return (round(rect.x(), 6), round(rect.y(), 6), round(rect.width(), 6), round(rect.height(), 6))


def QEvent_leave() -> Any:
    from PySide6.QtCore import QEvent

    return QEvent(QEvent.Type.Leave)
