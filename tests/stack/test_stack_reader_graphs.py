"""Graphs, constant folding, structured remarks and receptive fields on branches (issue 16), without Keras.

The shapes and parameter counts of the tutorial models are checked against
real Keras in test_stack_graphs.py; this file checks what Keras does not
print: receptive fields through branches, what the reader folds (and what it
leaves unknown, never running it), the remarks' templates, and the budgets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from app.io.keras_code import parse_keras
from conv_core import stack as st
from conv_core.stack import summarize
from conv_core.stack.notes import NOTE_TEMPLATES

ROOT = Path(__file__).resolve().parents[2]


def _summary(code: str) -> st.StackSummary:
    result = parse_keras(code)
    assert result.model is not None, result.diagnostics
    return summarize(result.model.to_stack()[0])


MULTI_SCALE = """\
from keras.layers import Input, Conv1D, MaxPooling1D, Concatenate, GlobalAveragePooling1D
from keras.models import Model
inp = Input(shape=(32, 1))
b1 = Conv1D(4, 1, padding='same')(inp)
b5 = Conv1D(4, 5, padding='same')(inp)
bp = MaxPooling1D(3, strides=1, padding='same')(inp)
x = Concatenate()([b1, b5, bp])
x = Conv1D(4, 3, padding='same')(x)
out = GlobalAveragePooling1D()(x)
model = Model(inp, out)
"""


def test_a_merge_reports_the_union_and_says_the_branches_disagree() -> None:
    s = _summary(MULTI_SCALE)
    cat = s.row("concatenate")
    assert (cat.receptive_field, cat.jump, cat.start) == (5, 1, -2)  # the widest branch, centred
    assert [(name, f.size if f else None) for name, f in cat.branches] == [
        ("conv1d", 1), ("conv1d_1", 5), ("max_pooling1d", 3)]
    assert [n.code for n in cat.notes] == ["branches_disagree"]
    assert "conv1d: 1, conv1d_1: 5, max_pooling1d: 3" in cat.notes[0]
    assert (s.row("conv1d_2").receptive_field, s.row("conv1d_2").start) == (7, -3)
    assert s.row("global_average_pooling1d").receptive_field == 32  # never more than the input
    rows = {r["name"]: r for r in s.to_json()}
    assert rows["concatenate"]["receptive_field"] == 5 and len(rows["concatenate"]["branches"]) == 3
    assert rows["concatenate"]["inputs"] == ["conv1d", "conv1d_1", "max_pooling1d"]
    assert rows["concatenate"]["connected_to"] == "conv1d[0][0], conv1d_1[0][0], max_pooling1d[0][0]"


def test_branches_that_agree_give_one_field_and_no_note() -> None:
    s = _summary(MULTI_SCALE.replace("Conv1D(4, 1, padding='same')", "Conv1D(4, 5, padding='same')")
                 .replace("MaxPooling1D(3, strides=1, padding='same')", "Conv1D(2, 5, padding='same')"))
    cat = s.row("concatenate")
    assert (cat.receptive_field, cat.branches, cat.notes) == (5, (), ())


@pytest.mark.parametrize(("steps", "expected"), [(60, 60), (500, 500), (7, 7)])
def test_global_pooling_after_same_layers_spans_the_input_at_most(steps: int, expected: int) -> None:
    s = _summary(f"""
model = Sequential([Input(shape=({steps}, 1)), Conv1D(8, 5, padding='same'), Conv1D(8, 5, padding='same'),
                    MaxPooling1D(2, padding='same'), GlobalMaxPooling1D()])
""")
    g = s.row("global_max_pooling1d")
    assert (g.receptive_field, g.start) == (expected, 0)
    depends = s.input_steps("global_max_pooling1d")
    assert depends is not None and int(depends.sum()) == expected


def test_the_cone_of_a_merged_output_runs_through_every_branch() -> None:
    s = _summary(MULTI_SCALE)
    cone = s.cone("concatenate", 10)
    assert cone is not None
    assert cone.layers["conv1d"].nonzero()[0].tolist() == [10]
    assert cone.layers["conv1d_1"].nonzero()[0].tolist() == [10]
    assert cone.input.nonzero()[0].tolist() == [8, 9, 10, 11, 12]
    depends = s.input_steps("concatenate")
    assert depends is not None and depends[10].nonzero()[0].tolist() == [8, 9, 10, 11, 12]
    deeper = s.cone("conv1d_2", 0)
    assert deeper is not None and deeper.input.nonzero()[0].tolist() == [0, 1, 2, 3]


def test_several_inputs_each_get_an_input_row() -> None:
    s = _summary("""
a = keras.Input(shape=(20, 2)); b = keras.Input(shape=(6,))
x = layers.GlobalMaxPooling1D()(layers.Conv1D(4, 3)(a))
y = layers.Dense(4)(b)
model = keras.Model([a, b], layers.add([x, y]))
""")
    assert [(r.name, r.output_shape) for r in s.rows if r.class_name == "InputLayer"] == [
        ("input_layer", (None, 20, 2)), ("input_layer_1", (None, 6))]
    assert s.row("add").inputs == ("global_max_pooling1d", "dense")
    assert not s.sequential_like and "Connected to" in s.format_table()


@pytest.mark.parametrize(("code", "attr", "expected"), [
    ("for rate in (1, 2, 4, 8) * 2:\n    model.add(Conv1D(4, 2, padding='causal', dilation_rate=rate))",
     "dilation_rate", [1, 2, 4, 8, 1, 2, 4, 8]),
    ("for k in [3] + [5, 7]:\n    model.add(Conv1D(4, k, padding='same'))", "kernel_size", [3, 5, 7]),
    ("base = 8\nfor i in range(1, 4):\n    model.add(Conv1D(base * 2 ** i, 3, padding='same'))", "filters",
     [16, 32, 64]),
    ("sizes = (3, 5)\nfor i in range(len(sizes)):\n    model.add(Conv1D(4, sizes[i], padding='same'))",
     "kernel_size", [3, 5]),
    ("for i, k in enumerate([2, 4]):\n    model.add(Conv1D(4 + i, k, padding='same'))", "filters", [4, 5]),
    ("for f, k in zip([6, 7], [3, 3]):\n    model.add(Conv1D(f, k, padding='same'))", "filters", [6, 7]),
    ("n = 4\nfor _ in range(2):\n    n *= 2\n    model.add(Conv1D(n, 3, padding='same'))", "filters", [8, 16]),
    ("blocks = [Conv1D(k, 3, padding='same') for k in (2, 3) if k > 1]\nfor b in blocks:\n    model.add(b)",
     "filters", [2, 3]),
    ("for k in range(3):\n    model.add(Conv1D(4, 3, padding='same', name=f'conv_{k:02d}'))", "name",
     ["conv_00", "conv_01", "conv_02"]),
    ("model.add(Conv1D(max(4, 6) // 2, int(3.0), padding='same'))", "filters", [3]),
])
def test_constants_are_folded_without_running_the_code(code: str, attr: str, expected: list[object]) -> None:
    r = parse_keras("model = Sequential()\nmodel.add(Input(shape=(32, 1)))\n" + code)
    assert r.model is not None and not r.errors
    assert [getattr(layer, attr) for layer in r.model.layers] == expected
    assert not [d for d in r.diagnostics if d.code in ("argument_not_literal", "loop_once")]


def test_shape_of_a_known_input_and_vocab_plus_one() -> None:
    s = _summary("""
word_index = 1000
vocab = word_index + 1
inp = keras.Input(shape=(50, 3))
x = layers.Conv1D(inp.shape[-1] * 2, 3)(inp)
y = layers.Dense(x.shape[1])(layers.Flatten()(x))
z = layers.Dense(vocab)(y)
model = keras.Model(inp, z)
""")
    assert [(r.name, r.output_shape) for r in s.rows[1:]] == [
        ("conv1d", (None, 48, 6)), ("flatten", (None, 288)), ("dense", (None, 48)), ("dense_1", (None, 1001))]


@pytest.mark.parametrize(("code", "why"), [
    ("model.add(Conv1D(cfg.filters, 3))", "cfg"),
    ("model.add(Conv1D(np.load('f.npy').shape[0], 3))", "not defined"),
    ("model.add(Conv1D(2 ** 10 ** 10, 3))", "too large"),
    ("model.add(Conv1D(len(open('x').read()), 3))", "a call"),
    ("model.add(Conv1D((1,) * 10 ** 9, 3))", "more than"),
])
def test_what_is_not_a_literal_stays_unknown_with_a_note(code: str, why: str) -> None:
    r = parse_keras("model = Sequential()\nmodel.add(Input(shape=(32, 1)))\n" + code)
    notes = [d.message for d in r.diagnostics if d.line == 3]
    assert any(why in n for n in notes), notes
    assert isinstance(r.model.layers[0], st.UnsupportedLayer)


def test_functions_are_read_with_their_literal_arguments_and_never_run(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    code = f"""
import os
def create_model(input_shape, n_classes=3):
    os.system('touch {target}')
    open('{target}', 'w').write('x')
    model = Sequential()
    model.add(Conv1D(8, 3, input_shape=input_shape))
    model.add(GlobalMaxPooling1D())
    model.add(Dense(n_classes))
    return model

def loop_forever(n):
    return loop_forever(n + 1)

loop_forever(0)
model = create_model((100, 6), n_classes=5)
"""
    started = time.perf_counter()
    r = parse_keras(code)
    assert time.perf_counter() - started < 5
    assert not target.exists()
    assert r.model is not None and r.model.input_shape == (100, 6)
    assert [row.output_shape for row in summarize(r.model.to_stack()[0]).rows] == [
        (None, 98, 8), (None, 8), (None, 5)]
    codes = {d.code for d in r.diagnostics}
    assert {"not_run", "call_depth"} <= codes


def test_comprehensions_and_loops_stay_within_the_budgets() -> None:
    started = time.perf_counter()
    r = parse_keras("""
model = Sequential()
model.add(Input(shape=(32, 1)))
xs = [Conv1D(1, 1) for _ in range(10 ** 6)]
for i in range(300):
    for j in range(300):
        model.add(Dense(1))
""")
    assert time.perf_counter() - started < 5
    assert sum(1 for d in r.diagnostics if d.code == "loop_once") >= 2
    assert r.model is not None and len(r.model.layers) <= 300


def test_every_remark_is_a_template_with_values() -> None:
    codes = [MULTI_SCALE, "model.add(Conv1DD(8, 3, paddin='same'))\nfor x in data:\n  model.add(Dense(x))",
             "import os\nos.system('rm -rf /')\nmodel = Sequential([Conv1D(8, 3, kernel_regularizer=l2(0.1))])",
             "x = Convolution1D(nb_filter=4, filter_length=3, border_mode='full')(Input(shape=(9, 1)))\n"
             "y = merge([x, x], mode='sum')"]
    seen = 0
    for code in codes:
        for d in parse_keras(code).diagnostics:
            if d.code in ("syntax_error", "smart_character"):
                continue
            assert d.template, d
            assert d.message == d.template.format(**dict(d.values)), d
            seen += 1
    assert seen >= 8


def test_notes_are_structured_and_printable() -> None:
    s = _summary("model = Sequential([Input(shape=(None, 4)), Conv1D(8, 3, activation='mish'), Dense(2), "
                 "Flatten()])")
    notes = [n for r in s.rows for n in r.notes]
    assert {n.code for n in notes} == {"activation_not_computed", "dense_on_steps", "flatten_none_steps"}
    for n in notes:
        assert n == n.template.format(**n.values) and n.template == NOTE_TEMPLATES[n.code]
    assert json.loads(json.dumps(s.to_json()))[0]["notes"][0].startswith("activation 'mish'")


def test_make_layer_reads_keras_configs() -> None:
    conv = st.make_layer("Conv1D", {"name": "c", "filters": 8, "kernel_size": [3], "strides": [1], "padding": "same",
                                    "dilation_rate": [1], "trainable": True, "dtype": "float32"})
    bi = st.make_layer("Bidirectional", {"merge_mode": "sum", "layer": {"class_name": "GRU", "config": {"units": 4}}})
    seq = st.make_layer("Sequential", {"name": "head", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [None, 10]}},
        {"class_name": "Dense", "config": {"units": 3}}]})
    missing = st.make_layer("Dense", {})
    assert isinstance(conv, st.Conv1D) and (conv.name, conv.kernel_size, conv.padding) == ("c", 3, "same")
    assert isinstance(bi, st.Bidirectional) and bi.infer((None, 5, 2), "b").output_shape == (None, 4)
    assert isinstance(seq, st.NestedModel) and seq.infer((None, 10), "head").output_shape == (None, 3)
    assert isinstance(missing, st.UnsupportedLayer) and "units" in missing.message
    assert isinstance(st.make_layer("Conv2D", {}), st.UnsupportedLayer)


def test_keras_order_puts_deeper_layers_first_and_unused_inputs_last() -> None:
    inbound = {"a": (), "b": (), "unused": (), "ca": (st.Inbound("a"),), "d": (st.Inbound("ca"), st.Inbound("b")),
               "out2": (st.Inbound("ca"),)}
    assert st.keras_order(inbound, [st.Inbound("d"), st.Inbound("out2")]) == ["a", "ca", "b", "d", "out2", "unused"]


def test_cli_json_lists_inputs_per_layer(tmp_path: Path) -> None:
    f = tmp_path / "m.py"
    f.write_text(MULTI_SCALE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "summary", str(f), "--json"], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120, check=True)
    rows = json.loads(out.stdout)
    assert [r["inputs"] for r in rows][:3] == [[], ["input_layer"], ["input_layer"]]
    assert {"name", "class", "output_shape", "params", "receptive_field", "jump"} <= set(rows[1])
    text = subprocess.run([sys.executable, "-m", "app", "summary", str(f)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120, check=True).stdout
    assert "Connected to" in text and "conv1d[0][0], conv1d_1[0][0], max_pooling1d[0][0]" in text


def test_run_stack_computes_the_first_chain_of_a_graph() -> None:
    s = _summary(MULTI_SCALE)
    run = st.run_stack(s.stack, np.ones((1, 32, 1)))
    assert run.names == ("conv1d",) and run.stopped_at == "conv1d_1"


def test_a_lambda_without_output_shape_is_reported_and_a_reshape_after_it_carries_on() -> None:
    for tail in ("model = keras.Model(inp, x)", "model = keras.Model(inp, layers.concatenate([x, layers.Reshape("
                 "(60, 1))(inp)]))"):
        s = _summary(f"""
inp = keras.Input(shape=(60,))
x = layers.Lambda(lambda t: t[:, :, None])(inp)
x = layers.Reshape((60, 1))(x)
x = layers.Conv1D(4, 3, padding='same')(x)
{tail}
""")
        lam = s.row("lambda")
        assert lam.error is not None and "output_shape" in lam.error.keras
        assert "never runs the function" in lam.error.hint
        assert (s.row("reshape").output_shape, s.row("conv1d").output_shape) == ((None, 60, 1), (None, 60, 4))


def test_a_tree_of_recursive_calls_stops_at_the_call_budget() -> None:
    started = time.perf_counter()
    r = parse_keras("def f(n):\n    f(n)\n    f(n)\n    return 1\nf(0)\nmodel = Sequential([Input(shape=(8, 1)), "
                    "Conv1D(2, 3)])\n")
    assert time.perf_counter() - started < 5
    assert r.model is not None and not r.errors and len(r.model.layers) == 1
    assert any("function calls" in d.message for d in r.diagnostics)
