"""The Keras-code reader's budgets (issue 15): past each one, one clear diagnostic with a stable code,
never a hang, a traceback or a huge allocation; the reading is linear in the source; the layer-stack
window reads off the GUI thread and computes numbers only within the app's limit."""

from __future__ import annotations

import ast
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from app.io.keras_code import ParseResult, parse_keras, parse_keras_file
from app.io.keras_code import reader as reader_module
from app.io.keras_code.budgets import DEFAULT_BUDGETS, Budgets
from app.io.session import LIMITS
from conv_core import stack as st
from conv_core.errors import KerasValueError

ROOT = Path(__file__).resolve().parents[2]
HEAD = "from tensorflow import keras\nfrom tensorflow.keras import layers\n"


def layers_code(n: int, start: str = "model = keras.Sequential([keras.Input(shape=(100, 4))])\n") -> str:
    return HEAD + start + "model.add(layers.Conv1D(4, 3, padding='same'))\n" * n


def only_budget(result: ParseResult) -> tuple[int, str, str]:
    """The single budget diagnostic: (line, code, severity)."""
    found = [d for d in result.diagnostics if d.code.startswith("budget_")]
    assert len(found) == 1, found
    return found[0].line, found[0].code, found[0].severity


# --- one test per budget -------------------------------------------------------------------------

def test_source_size() -> None:
    r = parse_keras(layers_code(2) + "s = '" + "x" * DEFAULT_BUDGETS.source_chars + "'\n")
    assert r.models == () and only_budget(r) == (1, "budget_source", "error")
    assert "more than the 1,000,000" in r.diagnostics[0].message


def test_file_size_is_read_no_further_than_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "big.py"
    path.write_bytes(layers_code(1).encode() + b"#" * (4 * DEFAULT_BUDGETS.source_chars + 10))
    r = parse_keras_file(str(path))
    assert r.models == () and only_budget(r) == (1, "budget_source", "error")


def test_words_and_signs_are_counted_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module.ast, "parse", None)  # never reached
    r = parse_keras(layers_code(30), Budgets(nodes=200))
    assert r.models == () and only_budget(r) == (1, "budget_nodes", "error")


def test_node_count_after_parsing() -> None:
    code = "x = 1\n" * 100  # 300 words and signs, 401 nodes
    r = parse_keras(code, Budgets(nodes=350))
    assert r.models == () and only_budget(r)[1:] == ("budget_nodes", "error")
    assert "more than 350 parts" in r.diagnostics[0].message


def test_tree_depth() -> None:
    deep = "[" * 150 + "3" + "]" * 150
    r = parse_keras(HEAD + f"model = keras.Sequential([keras.Input(shape=(9, 1)), layers.Conv1D(2, {deep})])\n",
                    Budgets(depth=100))
    assert r.models == () and only_budget(r) == (3, "budget_depth", "error")


@pytest.mark.parametrize("expression", ["-" * 100_000 + "1", "+".join(["1"] * 100_000)],
                         ids=["unary_100k", "binop_100k"])
def test_what_pythons_parser_cannot_take_is_a_budget_error_not_a_traceback(expression: str) -> None:
    r = parse_keras(layers_code(1) + f"k = {expression}\n")
    assert r.models == () and only_budget(r)[1:] == ("budget_depth", "error")


def test_layers_stop_the_reading_and_keep_what_was_read() -> None:
    r = parse_keras(layers_code(DEFAULT_BUDGETS.layers + 5))
    assert only_budget(r) == (4 + DEFAULT_BUDGETS.layers, "budget_layers", "error")
    assert r.model is not None and len(r.model.layers) == DEFAULT_BUDGETS.layers


def test_models() -> None:
    code = HEAD + "m = keras.Sequential([keras.Input(shape=(9, 1)), layers.Conv1D(2, 3)])\n" * 12
    r = parse_keras(code, Budgets(models=10))
    assert only_budget(r) == (13, "budget_models", "error") and len(r.models) == 10


def test_unwrapped_chains_count_as_models_too() -> None:
    code = HEAD + "".join(f"y{i} = layers.Conv1D(2, 3)(keras.Input(shape=(9, 1)))\n" for i in range(12))
    r = parse_keras(code, Budgets(models=10))
    assert only_budget(r)[1:] == ("budget_models", "error") and len(r.models) == 10


def test_diagnostics_are_capped_with_one_warning_and_the_model_is_read_whole() -> None:
    code = HEAD + "model = keras.Sequential([keras.Input(shape=(9, 1))])\n" + "".join(
        f"model.add(layers.NotALayer{i}(3))\n" for i in range(30))
    r = parse_keras(code, Budgets(diagnostics=10))
    assert only_budget(r) == (14, "budget_diagnostics", "warning")
    assert r.model is not None and len(r.model.layers) == 30
    assert len([d for d in r.diagnostics if d.code == "unknown_layer"]) == 10


def test_wall_time(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(0, 10**6, 2))  # every look at the clock: 2 s later
    monkeypatch.setattr(reader_module, "monotonic", lambda: next(clock))
    r = parse_keras(layers_code(10), Budgets(seconds=13))
    assert only_budget(r)[1:] == ("budget_time", "error")
    assert r.model is not None and 0 < len(r.model.layers) < 10


@pytest.mark.parametrize("loop", ["range(10**20)", "range(100000000000000000000)", "range(300)"])
def test_loops_beyond_the_unroll_budget_are_read_once(loop: str) -> None:
    r = parse_keras(HEAD + f"model = keras.Sequential([keras.Input(shape=(9, 1))])\nfor i in {loop}:\n"
                    "    model.add(layers.Conv1D(1, 1))\n")
    assert (4, "loop_once") in [(d.line, d.code) for d in r.diagnostics]
    assert r.model is not None and len(r.model.layers) == 1


def test_literal_items() -> None:
    names = "".join(f"a{i + 1} = (a{i}, a{i}, a{i}, a{i})\n" for i in range(7))  # a7: 4**7 = 16,384 items
    r = parse_keras(HEAD + "a0 = (3,)\n" + names +
                    "model = keras.Sequential([keras.Input(shape=(9, 1)), layers.Conv1D(2, a7)])\n")
    conv = r.model.layers[0] if r.model else None
    assert isinstance(conv, st.UnsupportedLayer) and "more than 10,000 items" in conv.message


def test_literal_levels_built_from_names() -> None:
    names = "".join(f"a{i + 1} = [a{i}]\n" for i in range(DEFAULT_BUDGETS.depth + 5))
    r = parse_keras(HEAD + "a0 = 3\n" + names + f"x = a{DEFAULT_BUDGETS.depth + 5}\n"
                    "model = keras.Sequential([keras.Input(shape=(9, 1)), layers.Conv1D(2, 3)])\n")
    assert r.model is not None and len(r.model.layers) == 1 and not r.errors


@pytest.mark.parametrize("call", ["layers.MaxPooling1D(10**400)", "layers.MaxPooling1D(1" + "0" * 400 + ")",
                                  "layers.Conv1D(3, 5_000_000_000)", "layers.Conv1D(2, (3, 99999999999))"])
def test_whole_numbers_beyond_the_value_budget(call: str) -> None:
    r = parse_keras(HEAD + f"model = keras.Sequential([keras.Input(shape=(9, 1)), {call}])\n")
    remarks = [d for d in r.diagnostics if d.code == "budget_value"]
    if "**" in call:  # an expression is never evaluated: not a literal
        assert [d.code for d in r.diagnostics if d.severity == "warning"] == ["argument_not_literal"]
        return
    assert len(remarks) == 1 and remarks[0].severity == "warning"
    assert len(remarks[0].message) < 200  # a 400-digit number is quoted in at most 60 characters
    layer = r.model.layers[0] if r.model else None
    assert isinstance(layer, st.UnsupportedLayer) and "larger than 2,147,483,647" in layer.message


def test_input_shape_beyond_the_value_budget() -> None:
    r = parse_keras(HEAD + "model = keras.Sequential([keras.Input(shape=(10**18, 1000000000000000000)), "
                    "layers.Conv1D(2, 3)])\n")
    assert r.model is not None and r.model.input_shape is not None
    assert "larger than 2,147,483,647" in r.model.input_shape[1].reason  # type: ignore[union-attr]


def test_budgets_leave_real_models_alone() -> None:
    r = parse_keras(layers_code(300))
    assert not [d for d in r.diagnostics if d.code.startswith("budget_")]
    assert r.model is not None and len(r.model.layers) == 300


def test_summary_cli_refuses_past_a_budget_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.py"
    path.write_text(layers_code(DEFAULT_BUDGETS.layers + 1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "app", "summary", str(path), "--json"], capture_output=True,
                          text=True, timeout=120, cwd=str(ROOT))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "more than 1,000 layers" in done.stderr


# --- linear time -----------------------------------------------------------------------------------

def _work(n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(characters the reader cut from its lines, nodes it visited) for an n-layer file."""
    chars = [0]
    visits = [0]
    part = reader_module._Source._part
    children = ast.iter_child_nodes

    def counting_part(self: object, index: int, start: int | None, end: int | None) -> str:
        out = part(self, index, start, end)  # type: ignore[arg-type]
        chars[0] += len(out)
        return out

    def counting_children(node: ast.AST):  # type: ignore[no-untyped-def]
        visits[0] += 1
        return children(node)

    monkeypatch.setattr(reader_module._Source, "_part", counting_part)
    monkeypatch.setattr(reader_module.ast, "iter_child_nodes", counting_children)
    monkeypatch.setattr(reader_module.ast, "get_source_segment", None)  # never: it rescans the source
    code = layers_code(n) + "".join(f"x{i} = open('f{i}')\n" for i in range(n // 10))
    r = parse_keras(code, Budgets(layers=100_000, seconds=600))
    assert r.model is not None and len(r.model.layers) == n
    return chars[0], visits[0]


def test_reading_is_linear_in_the_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted work, not time: 8 times the layers is 8 times the characters cut and nodes visited."""
    small, large = _work(500, monkeypatch), _work(4000, monkeypatch)
    assert large[0] <= 8.5 * small[0] and large[1] <= 8.5 * small[1]
    assert large[0] <= 2 * len(layers_code(4000))  # each character of the source is cut about once


def test_ten_thousand_layers_in_a_subprocess_under_a_generous_bound(tmp_path: Path) -> None:
    source = tmp_path / "layers.py"
    source.write_text(layers_code(10_000), encoding="utf-8")
    code = ("import sys, time\nfrom app.io.keras_code import parse_keras_file\n"
            "from app.io.keras_code.budgets import Budgets\nt = time.perf_counter()\n"
            "r = parse_keras_file(sys.argv[1], Budgets(layers=20_000, seconds=600))\n"
            "assert len(r.model.layers) == 10_000\nprint(time.perf_counter() - t)\n")
    done = subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True, timeout=120,
                          cwd=str(ROOT))
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) < 30  # about 1 s here; 2,000 layers took 44 s before the budgets


# --- numbers within the app's limit before any array ----------------------------------------------

def test_the_stack_limit_is_the_apps() -> None:
    assert LIMITS["values"] == st.MAX_VALUES


def test_a_huge_kernel_is_summarised_but_never_allocated() -> None:
    r = parse_keras(HEAD + "model = keras.Sequential([keras.Input(shape=(100, 1)), "
                    "layers.Conv1D(3, 5_000_000, padding='same')])\n")
    stack, _ = r.models[0].to_stack()
    row = st.summarize(stack).rows[0]
    assert row.output_shape == (None, 100, 3) and row.params == 15_000_003
    with pytest.raises(KerasValueError, match="over the explorer's limit of 4,000,000") as info:
        st.default_weights(stack)
    assert info.value.code == "stack_too_large"
    with pytest.raises(KerasValueError, match="15,000,403 numbers"):
        st.run_stack(stack, np.zeros((1, 100, 1)))


def test_run_stack_counts_the_batch_and_open_steps() -> None:
    stack = st.Stack((st.Conv1D(filters=500, kernel_size=1),), (None, 1))
    assert st.values_needed(st.with_steps(stack, 4000), batch=2) == (1000, 2 * (4000 + 4000 * 500))
    with pytest.raises(KerasValueError, match="over the explorer's limit"):
        st.run_stack(stack, np.zeros((2, 4000, 1)), {"conv1d": (np.zeros((1, 1, 500)), None)})


def test_example_input_refuses_more_than_the_limit() -> None:
    assert st.example_input(st.Stack((st.Conv1D(filters=1, kernel_size=1),), (5000, 1000))) is None
    assert st.example_input(st.Stack((st.Conv1D(filters=1, kernel_size=1),), (4096, 512))) is not None


# --- the layer-stack window ------------------------------------------------------------------------

def test_stack_window_reads_off_the_gui_thread(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The reading can only finish after the GUI thread ran a timer: a blocked window would deadlock."""
    from PySide6.QtCore import Qt, QTimer

    from app.views import stack_view

    sw = stack_view.StackWindow()
    qtbot.addWidget(sw)
    ticked = threading.Event()
    threads: list[threading.Thread] = []

    def slow_parse(text: str) -> ParseResult:
        threads.append(threading.current_thread())
        assert ticked.wait(10), "the GUI thread did not run while the code was read"
        return parse_keras(text)

    monkeypatch.setattr(stack_view, "parse_keras", slow_parse)
    sw.code.setPlainText(layers_code(3))
    QTimer.singleShot(50, ticked.set)
    with qtbot.waitSignal(sw.built, timeout=15_000) as blocker:
        qtbot.mouseClick(sw.build_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert threads and threads[0] is not threading.main_thread()
    assert [r[0] for r in sw.table_rows()] == ["conv1d (Conv1D)", "conv1d_1 (Conv1D)", "conv1d_2 (Conv1D)"]


def test_stack_window_shows_a_budget_error_and_keeps_the_last_stack(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from app.views.stack_view import StackWindow

    sw = StackWindow()
    qtbot.addWidget(sw)
    before = sw.table_rows()
    sw.code.setPlainText(layers_code(2) + "k = " + "-" * 100_000 + "1\n")
    with qtbot.waitSignal(sw.built, timeout=30_000) as blocker:
        qtbot.mouseClick(sw.build_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    texts = [sw.diagnostics.item(i).text() for i in range(sw.diagnostics.count())]
    assert any("nested too deeply" in t for t in texts)
    assert sw.table_rows() == before


def test_stack_window_builds_a_huge_kernel_without_its_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.views.stack_view import StackWindow

    sw = StackWindow()
    qtbot.addWidget(sw)
    sw.code.setPlainText(HEAD + "model = keras.Sequential([keras.Input(shape=(100, 1)), "
                         "layers.Conv1D(3, 5_000_000, padding='same')])\n")
    assert sw.build()
    assert sw.model.outputs == {} and sw.model.run_error is not None
    assert sw.model.run_error.code == "stack_too_large"
    assert sw.table_rows()[0][1] == "(None, 100, 3)"
