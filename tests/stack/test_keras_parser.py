"""app.io.keras_code reads pasted Keras code with ast only: layers, inputs, Keras 1 names, and
every problem reported with its line; nothing in a snippet is ever executed."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

from app.io.keras_code import Diagnostic, ParseResult, Unknown, parse_keras, parse_keras_file
from conv_core import stack as st
from conv_core.stack import summarize

MATERIAL = Path("/work/shared/material")


def codes(result: ParseResult, severity: str | None = None) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in result.diagnostics if severity is None or d.severity == severity]


def shapes(result: ParseResult, input_shape: tuple[int | None, ...] | None = None, model: int = 0) -> list:
    stack, _ = result.models[model].to_stack(input_shape)
    return [(r.name, r.output_shape, r.params) for r in summarize(stack).rows]


# --- the ways tutorials write a model -----------------------------------------------------------

def test_model_add_layers_dot() -> None:
    r = parse_keras("""
from keras import layers, models
model = models.Sequential()
model.add(layers.Conv1D(32, 7, activation='relu', input_shape=(500, 128)))
model.add(layers.MaxPooling1D(5))
""")
    m = r.model
    assert m is not None and m.style == "sequential" and m.input_shape == (500, 128)
    conv = m.layers[0]
    assert isinstance(conv, st.Conv1D)
    assert (conv.filters, conv.kernel_size, conv.activation) == (32, 7, "relu")
    assert conv.line == 4
    assert shapes(r) == [("conv1d", (None, 494, 32), 28704), ("max_pooling1d", (None, 98, 32), 0)]
    assert codes(r, "warning") == [] and codes(r, "error") == []


@pytest.mark.parametrize("prefix", ["keras.layers.", "tf.keras.layers.", "tensorflow.keras.layers.", "L."])
def test_module_prefixes(prefix: str) -> None:
    r = parse_keras(f"""
import tensorflow as tf
import tensorflow
import keras
from keras import layers as L
model = keras.Sequential()
model.add({prefix}Conv1D(8, 3, input_shape=(10, 2)))
""")
    assert shapes(r) == [("conv1d", (None, 8, 8), 56)]
    assert codes(r, "warning") == []


def test_bare_names_after_from_import() -> None:
    r = parse_keras("""
from keras.layers import Conv1D as C, GlobalMaxPooling1D, Dense
from keras.models import Sequential
model = Sequential([C(16, 3, input_shape=(20, 4)), GlobalMaxPooling1D(), Dense(1)])
""")
    assert [n for n, _, _ in shapes(r)] == ["conv1d", "global_max_pooling1d", "dense"]


def test_functional_chain_with_nested_calls() -> None:
    r = parse_keras("""
import keras
inputs = keras.Input(shape=(None,), dtype="int32")
x = keras.layers.Embedding(1000, 16)(inputs)
conv = keras.layers.Conv1D(8, 3, padding="same")
x = conv(x)
outputs = keras.layers.Dense(1)(keras.layers.GlobalMaxPooling1D()(x))
model = keras.Model(inputs=inputs, outputs=outputs, name="text")
""")
    m = r.model
    assert m is not None and (m.style, m.name, m.input_shape) == ("functional", "text", (None,))
    assert shapes(r) == [("input_layer", (None, None), 0), ("embedding", (None, None, 16), 16000),
                         ("conv1d", (None, None, 8), 392), ("global_max_pooling1d", (None, 8), 0),
                         ("dense", (None, 1), 9)]


def test_input_forms() -> None:
    assert parse_keras("model = Sequential([Input((50, 300)), Dropout(0.2)])").model.input_shape == (50, 300)
    assert parse_keras("model = Sequential([Input(shape=(50, 3), batch_size=8), Dropout(0.2)])"
                       ).model.batch_size == 8
    r = parse_keras("model = Sequential()\nmodel.add(Conv1D(4, 5, batch_input_shape=(16, 20, 2)))")
    assert (r.model.input_shape, r.model.batch_size) == ((20, 2), 16)
    assert (2, "batch_input_shape") in codes(r, "info")
    stack, _ = r.model.to_stack()
    assert summarize(stack).rows[0].output_shape == (16, 16, 4)
    r = parse_keras("model = Sequential()\nmodel.add(Embedding(5000, 300, input_length=50))")
    assert r.model.input_shape == (50,)
    assert (2, "input_length") in codes(r, "info")
    r = parse_keras("model = Sequential()\nmodel.add(InputLayer(input_shape=(7, 1)))\nmodel.add(Flatten())")
    assert shapes(r) == [("flatten", (None, 7), 0)]
    r = parse_keras("model = Sequential()\nmodel.add(Dense(3))\nmodel.build((None, 50, 300))")
    assert shapes(r) == [("dense", (None, 50, 3), 903)]


def test_names_bound_to_literals_and_negative_numbers() -> None:
    r = parse_keras("""
max_features = 5000
maxlen, embedding_dims = 400, 50
shape = (maxlen,)
model = Sequential()
model.add(Embedding(max_features, embedding_dims, input_shape=shape))
model.add(BatchNormalization(axis=-1))
model.add(ZeroPadding1D(padding=(+1, 2)))
""")
    assert shapes(r) == [("embedding", (None, 400, 50), 250000),
                         ("batch_normalization", (None, 400, 50), 200),
                         ("zero_padding1d", (None, 403, 50), 0)]


def test_for_loops_and_functions_are_unrolled_without_running_them() -> None:
    r = parse_keras("""
def build(n_filters=16, kernel=2):
    inputs = keras.Input(shape=(64, 1))
    x = inputs
    for i in range(4):
        x = layers.Conv1D(n_filters, kernel, padding='causal', dilation_rate=[1, 2, 4, 8][0])(x)
    for rate in [2, 4]:
        x = layers.Conv1D(n_filters, kernel, padding='causal', dilation_rate=rate)(x)
    return keras.Model(inputs, x)

model = build()
""")
    assert [name for name, _, _ in shapes(r)] == ["input_layer"] + ["conv1d"] + [
        f"conv1d_{i}" for i in range(1, 6)]
    # [1, 2, 4, 8][0] indexes a literal: folded to 1 (issue 16: constant folding), never run
    assert [layer.dilation_rate for layer in r.model.layers] == [1, 1, 1, 1, 2, 4]
    assert (6, "argument_not_literal") not in codes(r)


def test_pop_several_models_and_the_model_index() -> None:
    r = parse_keras("""
a = Sequential([Input((10, 1)), Conv1D(2, 3), Dense(4)])
a.pop()
b = Sequential(name="second")
b.add(Conv1D(2, 3, input_shape=(None, 3)))
""")
    assert [m.name for m in r.models] == ["sequential", "second"]
    assert [type(layer).__name__ for layer in r.models[0].layers] == ["Conv1D"]
    assert (2, "several_models") in codes(r, "info")
    assert shapes(r, model=1) == [("conv1d", (None, None, 2), 20)]


# --- Keras 1 and 2 names --------------------------------------------------------------------------

def test_keras1_convolution1d_material_002() -> None:
    r = parse_keras(
        "model.add(Convolution1D(nb_filter=111, filter_length=5, border_mode='valid', activation=\"relu\", "
        "subsample_length=1))")
    conv = r.model.layers[0]
    assert isinstance(conv, st.Conv1D)
    assert (conv.filters, conv.kernel_size, conv.padding, conv.strides, conv.activation) == (
        111, 5, "valid", 1, "relu")
    assert conv.legacy is not None and conv.legacy.startswith("Convolution1D(nb_filter=111")
    infos = [d.message for d in r.diagnostics if d.code == "legacy_layer"]
    assert infos == ["Keras 1 `Convolution1D(nb_filter=111, filter_length=5, border_mode='valid', "
                     "activation=\"relu\", subsample_length=1)` is `Conv1D(filters=111, kernel_size=5, "
                     "padding='valid', activation='relu', strides=1)` in Keras 3"]
    assert any("(5, 1, C, 111)" in d.message for d in r.diagnostics)  # the weight-shape question
    assert shapes(r, (50, 300)) == [("conv1d", (None, 46, 111), 166611)]


def test_keras1_atrous_and_pooling() -> None:
    r = parse_keras("""
model = Sequential()
model.add(AtrousConvolution1D(8, 3, atrous_rate=2, border_mode='same', input_dim=4, input_length=30))
model.add(MaxPooling1D(pool_length=3, stride=1))
model.add(AveragePooling1D(pool_length=2))
model.add(GRU(output_dim=5))
model.add(Dropout(p=0.5))
model.add(Dense(output_dim=1, init='uniform'))
""")
    conv, mp, ap, gru, drop, dense = r.model.layers
    assert isinstance(conv, st.Conv1D) and conv.dilation_rate == 2 and conv.padding == "same"
    assert isinstance(mp, st.MaxPooling1D) and (mp.pool_size, mp.strides) == (3, 1)
    assert isinstance(ap, st.AveragePooling1D) and ap.pool_size == 2
    assert isinstance(gru, st.GRU) and gru.units == 5 and gru.legacy is not None
    assert isinstance(drop, st.Dropout) and drop.rate == 0.5
    assert isinstance(dense, st.Dense) and dense.units == 1
    assert r.model.input_shape == (30, 4)
    assert shapes(r)[:3] == [("conv1d", (None, 30, 8), 104), ("max_pooling1d", (None, 28, 8), 0),
                             ("average_pooling1d", (None, 14, 8), 0)]
    assert codes(r, "warning") == []


def test_keras1_full_border_mode_becomes_zero_padding() -> None:
    r = parse_keras("model = Sequential()\n"
                    "model.add(Convolution1D(nb_filter=4, filter_length=3, border_mode='full', "
                    "input_shape=(10, 2)))")
    assert [type(layer).__name__ for layer in r.model.layers] == ["ZeroPadding1D", "Conv1D"]
    # Keras 1 'full': L + keff - 1 = 12 outputs.
    assert shapes(r) == [("zero_padding1d", (None, 14, 2), 0), ("conv1d", (None, 12, 4), 28)]
    assert any(d.code == "legacy_full_padding" for d in r.diagnostics)


def test_keras1_errors_are_attached_to_the_layer() -> None:
    r = parse_keras("model = Sequential()\nmodel.add(Convolution1D(nb_filter=4, border_mode='valid', "
                    "input_shape=(10, 2)))")
    stack, _ = r.model.to_stack()
    row = summarize(stack).rows[0]
    assert row.error is not None and "filter_length" in row.error.keras
    assert (2, "legacy_error") in codes(r, "warning")


# --- problems, each with its line -----------------------------------------------------------------

def test_syntax_error_reported_with_line_and_skipped() -> None:
    r = parse_keras("""model = Sequential()
model.add(Conv1D(8, 3, input_shape=(20, 1)))
this line is prose, not code
model.add(MaxPooling1D(2))
""")
    assert codes(r, "error") == [(3, "syntax_error")]
    assert shapes(r) == [("conv1d", (None, 18, 8), 32), ("max_pooling1d", (None, 9, 8), 0)]


def test_unparseable_code_gives_no_model() -> None:
    r = parse_keras("def f(:\n    ((((")
    assert r.models == ()
    assert (1, "syntax_error") in codes(r, "error")
    assert any(d.code == "no_model" for d in r.errors)


def test_unknown_layer_reported_and_the_rest_still_parses() -> None:
    r = parse_keras("""model = Sequential()
model.add(Conv1D(8, 3, input_shape=(20, 1)))
model.add(Conv1DD(8, 3))
model.add(LocallyConnected1D(4, 3))
model.add(Dense(1))
""")
    warnings = {(d.line, d.code): d.message for d in r.diagnostics if d.severity == "warning"}
    assert "did you mean Conv1D?" in warnings[(3, "unknown_layer")]
    assert (4, "unsupported_layer") in warnings  # a Keras 2 layer the explorer does not model
    assert [layer.class_name for layer in r.model.layers] == ["Conv1D", "Conv1DD", "LocallyConnected1D", "Dense"]
    rows = summarize(r.model.to_stack()[0]).rows
    assert rows[0].output_shape == (None, 18, 8)
    assert rows[1].error is not None and rows[2].output_shape is None and rows[3].output_shape is None


def test_unknown_arguments_reported_with_a_suggestion() -> None:
    r = parse_keras("model = Sequential()\nmodel.add(Conv1D(8, 3, paddin='same', input_shape=(20, 1)))\n"
                    "model.add(Dense(2, colour='red'))")
    msgs = {d.line: d.message for d in r.diagnostics if d.code == "unknown_argument"}
    assert "`paddin` (did you mean `padding`?)" in msgs[2]
    assert "Unrecognized keyword arguments passed to Conv1D: {'paddin': 'same'}" in msgs[2]
    assert "`colour`" in msgs[3]
    assert shapes(r) == [("conv1d", (None, 18, 8), 32), ("dense", (None, 18, 2), 18)]


def test_missing_and_non_literal_arguments() -> None:
    r = parse_keras("""model = Sequential()
model.add(Embedding(vocab_size, 64, input_length=100))
model.add(Conv1D(cfg.filters, 3))
model.add(Dense())
""")
    emb, conv, dense = r.model.layers
    assert isinstance(emb, st.Embedding) and emb.input_dim is None  # params unknown, shapes fine
    assert isinstance(conv, st.UnsupportedLayer) and "cfg.filters" in conv.message
    assert isinstance(dense, st.UnsupportedLayer)
    assert dense.message == "Dense.__init__() missing 1 required positional argument: 'units'"
    rows = summarize(r.model.to_stack()[0]).rows
    assert (rows[0].output_shape, rows[0].params) == ((None, 100, 64), None)
    assert isinstance(rows[1].error, ValueError)
    lines = {line for line, code in codes(r, "warning")}
    assert {2, 3, 4} <= lines


def test_input_shape_that_is_not_literal_needs_the_command_line() -> None:
    src = (MATERIAL / "003_d63610f2d4ff771c.txt").read_text(encoding="utf-8")
    r = parse_keras(src)
    second = r.models[1]
    assert second.input_shape is not None and second.input_shape[0] is None
    assert isinstance(second.input_shape[1], Unknown)
    stack, diags = second.to_stack()
    assert stack.input_shape is None and diags[0].code == "input_shape_unknown"
    stack, diags = second.to_stack((None, 14))
    assert [r.params for r in summarize(stack).rows] == [2272, 0, 5152, 6336, 33]
    assert diags[0].code == "input_shape_override"


def test_scraped_lowercase_code_is_read_with_warnings() -> None:
    r = parse_keras("model = sequential()\nmodel.add(layers.conv1d(32, 5, input_shape=(none, 14)))\n"
                    "model.add(layers.globalmaxpooling1d())")
    assert [layer.class_name for layer in r.model.layers] == ["Conv1D", "GlobalMaxPooling1D"]
    assert r.model.input_shape == (None, 14)
    assert [code for _, code in codes(r, "warning")] == ["case"] * 4


def test_typographic_quotes_and_full_width_punctuation() -> None:
    r = parse_keras("model = Sequential()\nmodel.add(Conv1D（8，3，padding=‘same’，input_shape=(20，1)))")
    assert shapes(r) == [("conv1d", (None, 20, 8), 32)]
    assert any(d.code == "smart_character" for d in r.diagnostics)


def test_undefined_first_layer_is_skipped_and_the_input_shape_describes_its_output() -> None:
    src = "model.add(embedding_layer)\nmodel.add(Dropout(0.2))\n" \
          "model.add(Conv1D(filters=100, kernel_size=4, padding='same', activation='relu'))"
    r = parse_keras(src)
    assert (1, "undefined_layer") in codes(r, "warning") and (1, "implicit_model") in codes(r, "info")
    assert shapes(r, (50, 300)) == [("dropout", (None, 50, 300), 0), ("conv1d", (None, 50, 100), 120100)]


def test_activation_attributes_and_irrelevant_calls() -> None:
    r = parse_keras("""model = Sequential()
model.add(Conv1D(8, 3, activation=tf.nn.relu, kernel_regularizer=l2(0.01), input_shape=(10, 1)))
model.add(Dense(1, activation=LeakyReLU(0.1)))
""")
    conv, dense = r.model.layers
    assert conv.activation == "relu" and dense.activation is None
    assert (2, "argument_not_literal") in codes(r, "info")  # the regularizer: shapes unaffected
    assert (3, "argument_not_literal") in codes(r, "warning")  # computed as linear


def test_ignored_statements_are_listed_as_info() -> None:
    r = parse_keras("import numpy as np\nx = np.zeros((1, 56))\nprint(x.shape)\n"
                    "model = Sequential([Input((56, 1)), Conv1D(2, 3)])\nmodel.fit(x, x)")
    assert codes(r, "info") == [(2, "ignored"), (3, "ignored")]


# --- never run ------------------------------------------------------------------------------------

def test_dangerous_code_is_reported_and_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = [tmp_path / f"pwned{i}" for i in range(7)]
    src = f"""
import os
__import__('os').system('touch {made[0]}')
model = Sequential()
model.add(Conv1D(__import__('os').system('touch {made[1]}'), 3, input_shape=(10, 1)))
model.add(Dense(open('{made[2]}', 'w').write('x')))
exec("open('{made[3]}', 'w')")
n = eval("__import__('pathlib').Path('{made[4]}').touch()")
os.system('touch {made[5]}')
model.fit(x, y, callbacks=[__import__('subprocess').run(['touch', '{made[6]}'])])
"""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser must never call eval or exec")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    r = parse_keras(src)
    monkeypatch.undo()
    assert not any(p.exists() for p in made)
    not_run = sorted(line for line, code in codes(r, "warning") if code == "not_run")
    assert not_run == [3, 5, 6, 7, 8, 9, 10]
    assert all("never executed" in d.message for d in r.diagnostics if d.code == "not_run")
    conv = r.model.layers[0]
    assert isinstance(conv, st.UnsupportedLayer)  # filters was not a literal: not computed


def test_parser_source_contains_no_eval_or_exec() -> None:
    import app.io.keras_code as kp

    sources = sorted(Path(kp.__file__).parent.glob("*.py"))
    assert len(sources) >= 2
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert not called & {"eval", "exec", "compile", "__import__"}, path.name


# --- files and the material -----------------------------------------------------------------------

def test_gb18030_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_bytes("# 一维卷积\nmodel = Sequential([Input((8, 1)), Conv1D(2, 3)])\n".encode("gb18030"))
    assert shapes(parse_keras_file(str(path))) == [("conv1d", (None, 6, 2), 8)]


@pytest.mark.parametrize(
    ("name", "model", "input_shape", "expected"),
    [
        ("000_c3000cb490043290.txt", 0, (50, 300),
         [("dropout", (None, 50, 300), 0), ("conv1d", (None, 50, 100), 120100)]),
        ("002_250e27b5186b33a3.txt", 0, (50, 300), [("conv1d", (None, 46, 111), 166611)]),
        ("003_d63610f2d4ff771c.txt", 0, (500,),
         [("embedding", (None, 500, 128), None), ("conv1d", (None, 494, 32), 28704),
          ("max_pooling1d", (None, 98, 32), 0), ("conv1d_1", (None, 92, 32), 7200),
          ("global_max_pooling1d", (None, 32), 0), ("dense", (None, 1), 33)]),
    ],
)
def test_material_pages_pasted_whole(name: str, model: int, input_shape: tuple[int, ...],
                                     expected: list) -> None:
    r = parse_keras((MATERIAL / name).read_text(encoding="utf-8"))
    got = shapes(r, input_shape, model)
    assert got[: len(expected)] == expected


def test_diagnostic_str() -> None:
    assert str(Diagnostic(3, "unknown layer `X`", "warning", "unknown_layer")) == (
        "line 3: warning: unknown layer `X`")


def test_huge_and_nested_loops_are_bounded() -> None:
    r = parse_keras("""model = Sequential([Input((10, 1))])
for i in range(10**12):
    model.add(Dropout(0.1))
for a in range(200):
    for b in range(200):
        model.add(Dropout(0.1))
""")
    assert (2, "loop_once") in codes(r, "warning")
    assert (5, "loop_once") in codes(r, "warning")
    assert len(r.model.layers) < 2048 + 10
