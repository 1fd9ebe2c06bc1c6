"""Conv1DTranspose mode: the arithmetic, shapes, transport and code panels describe the Conv1DTranspose.

Numbers come from conv_core (its trace and spec) and from real Keras 3 (tests/data/keras_conv1d_transpose.json);
switching back to Conv1D brings the Conv1D texts back.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.io.codegen_transpose import generate_transpose_code, torch_arguments
from app.io.session import Session
from app.views.math_panel import _num
from conv_core import Conv1DTransposeSpec, conv1d_transpose

GOLDEN = json.loads((Path(__file__).parents[1] / "data" / "keras_conv1d_transpose.json").read_text())
CASES = {c["id"]: c for c in GOLDEN["cases"]}


def _session(case: dict) -> Session:
    """A golden case (channels_last) as a Conv1DTranspose session: the app stores the kernel as (k, C, F)."""
    p = dict(case["params"])
    assert p.get("data_format", "channels_last") == "channels_last"
    layer = {"filters": p["filters"], "kernel_size": p["kernel_size"], "strides": p.get("strides", 1),
             "padding": p.get("padding", "valid"), "dilation_rate": p.get("dilation_rate", 1), "groups": 1,
             "use_bias": p.get("use_bias", True), "activation": p.get("activation") or "linear",
             "data_format": "channels_last"}
    bias = None if case["bias"] is None else np.array(case["bias"])
    return Session(layer=layer, x=np.array(case["input"]), kernel=np.swapaxes(np.array(case["kernel"]), 1, 2),
                   bias=bias, layer_kind="Conv1DTranspose", output_padding=p.get("output_padding"))


def _entries(text: str) -> dict[tuple[int, int, int], tuple[str, str]]:
    """The arithmetic's entries by (kernel position j, output step t, filter f): (the sum line, the line under it)."""
    lines = text.splitlines()
    out = {}
    for a, line in enumerate(lines):
        if line.startswith("j="):
            j = int(line[2:line.index(":")])
            t, f = (int(v) for v in line[line.index("y[") + 2:line.index("]")].replace("−", "-").split(", ")[1:])
            out[(j, t, f)] = (line, lines[a + 1].strip() if a + 1 < len(lines) else "")
    return out


def _panels(window, qtbot):
    window.state.flush()
    qtbot.wait(5)
    return window.inspect.math_panel, window.inspect.shapes_panel, window.transport


@pytest.fixture
def transposed(window, qtbot):
    """The default layer (3 filters, kernel_size 3) on a (1, 6, 2) input, strides 2 and 'same', switched to
    Conv1DTranspose in the layer panel's combo."""
    s = window.state
    s.set_input_shape(1, 6, 2)
    window.layer_panel.strides.setValue(2)
    window.layer_panel.padding.setCurrentText("same")
    s.flush()
    window.layer_panel.kind_box.kind.setCurrentText("Conv1DTranspose")
    s.flush()
    assert s.layer_kind == "Conv1DTranspose" and s.error is None
    return window


def test_transport_counts_input_steps_and_names_where_they_land(transposed, qtbot):
    w, s = transposed, transposed.state
    _, _, transport = _panels(w, qtbot)
    tt = s.transpose_trace
    assert s.position_count == tt.steps == 6
    assert transport.scrubber.maximum() == 5 and not transport.mode.isEnabled()
    for i in (0, 2, 5):
        s.set_position(i)
        reached = [int(t) for t in tt.positions(i) if 0 <= t < tt.out_steps]
        assert transport.position_label.text() == (
            f"input step {i} → output steps {', '.join(map(str, reached))} — {i + 1}/6")
    assert "output steps 10, 11 —" in transport.position_label.text()  # step 5's last lands on 12: cropped
    transport.forward()
    assert s.position == 5  # the last input step is the last position
    w.layer_panel.kind_box.kind.setCurrentText("Conv1D")
    s.flush()
    tr = s.trace
    assert transport.mode.isEnabled() and transport.scrubber.maximum() == tr.out_steps * tr.filters - 1
    assert transport.position_label.text() == f"step 0, filter 0 — 1/{tr.out_steps * tr.filters}"


def test_arithmetic_lists_every_term_of_the_scattering_step(transposed, qtbot):
    w, s = transposed, transposed.state
    math, _, _ = _panels(w, qtbot)
    s.set_position(1)
    text = math.plain_text()
    tt = s.transpose_trace
    x, kernel = tt.x[0], tt.kernel
    assert math.title.text() == "Arithmetic of x[0, 1, :] scattering (current position)"
    assert "t = 1·2 + j·1 − 0 = 2, 3, 4" in text
    added, after, before = tt.contribution(0, 1), tt.partial(0, 1), tt.partial(0, 0)
    entries = _entries(text)
    assert len(entries) == 3 * 3
    for f in range(3):
        for j, t in enumerate(tt.positions(1).tolist()):
            line, under = entries[(j, t, f)]
            products = line.split("+=", 1)[1].rsplit(" = ", 1)[0].strip()
            # every x·w of the entry, with the numbers the trace holds, and what they add up to
            assert products == " + ".join(f"{_factor(x[1, c])}·{_factor(kernel[j, f, c])}" for c in range(2)), line
            assert line.endswith(f" = {_num(added[j, f])}")
            assert under.startswith(f"running sum {_num(before[t, f])} + {_factor(added[j, f])} = {_num(after[t, f])};")
    # output step 2 gets input steps 0 (j=2) and 1 (j=0): the overlap is named, and it is complete now
    assert entries[(0, 2, 0)][1].endswith("2 input steps reach it: 0, 1 (overlap, complete)")
    # output step 4 is reached by input steps 1 and 2: an overlap still waiting for step 2
    assert entries[(2, 4, 0)][1].endswith("2 input steps reach it: 1, 2 (overlap, more to come)")
    assert entries[(1, 3, 0)][1].endswith("1 input step reaches it: 1 (complete)")
    assert "bias[f] is added once to every output cell" in text and math.hidden_terms == 0
    # played to the end, the running sums are the layer's output (conv_core's function, not the trace)
    s.set_position(5)
    entries = _entries(math.plain_text())
    y = conv1d_transpose(s.x, s.transpose_kernel(), s.bias, strides=2, padding="same")[0]
    for f in range(3):
        for j, t in enumerate(tt.positions(5).tolist()):
            line, under = entries[(j, t, f)]
            if t < tt.out_steps:
                assert f"= {_num(y[t, f])};" in under and under.endswith("complete)")
            else:
                assert under == "cropped: Keras drops this output step"


def _factor(v: float) -> str:
    text = _num(v)
    return f"({text})" if text.startswith("−") else text


@pytest.mark.parametrize("case_id", ["tr-0321", "tr-0336", "tr-0167", "tr-0234", "tr-0143"])
def test_panels_match_real_keras(window, qtbot, case_id):
    """strides 2 + 'same' + output_padding 1, dilation 2, 'valid' with strides 3: shapes, parameters and the
    running sums at the last step are what Keras 3 computed."""
    case = CASES[case_id]
    s = window.state
    s.load_session(_session(case))
    math, shapes, transport = _panels(window, qtbot)
    tt = s.transpose_trace
    p = case["params"]
    steps, channels = case["input_shape"][1:]
    k, f = p["kernel_size"], p["filters"]
    text = shapes.plain_text()
    assert f"(batch, steps, filters) = {tuple(case['expected_output_shape'])}" in text
    assert tuple(case["compute_output_shape"]) == tuple(case["expected_output_shape"])
    assert f"(k, F, C) = {(k, f, channels)}" in text  # Keras's Conv1DTranspose kernel order
    assert f"(C, F, k) = {(channels, f, k)}" in text
    assert f"= {case['param_count']:,}" in text.replace("\n", " ")
    out = case["expected_output_shape"][1]
    assert f"= {out}\n" in text + "\n" and "Lout = " in text
    spec = tt.spec
    assert f"Full scatter before cropping: (L − 1)·s + keff = ({steps} − 1)·{spec.strides} + " \
           f"{spec.effective_kernel_size} = {spec.full_length(steps)}" in text
    op = p.get("output_padding")
    if p.get("padding") == "same" and op is not None:
        assert f"Lout = (L − 1)·s + keff % 2 + output_padding = ({steps} − 1)·{spec.strides} + " \
               f"{spec.effective_kernel_size} % 2 + {op} = {out}" in text
    assert transport.position_label.text().endswith(f"— 1/{steps}")
    s.set_position(steps - 1)
    expected = np.array(case["expected_output"])[0]
    seen = 0
    for (_j, t, fi), (_line, under) in _entries(math.plain_text()).items():
        if 0 <= t < out and under.endswith("complete)"):
            value = expected[t, fi]
            if p.get("activation") == "relu":
                assert f"relu(…) = {_num(value)};" in under
            else:
                assert f" = {_num(value)};" in under, (under, value)
            seen += 1
    assert seen > 0


def test_elision_beyond_five_positions_and_four_channels(window, qtbot):
    s = window.state
    s.set_input_shape(1, 9, 6)
    s.set_layer_arg("kernel_size", 7)
    s.set_layer_arg("filters", 2)
    s.flush()
    window.layer_panel.kind_box.kind.setCurrentText("Conv1DTranspose")
    math, _, _ = _panels(window, qtbot)
    s.set_position(4)
    text = math.plain_text()
    # 7 kernel positions: 0, 1, 2, ⋮ 3 more, 6; 6 channels: c = 0, 1, … 3 more …, 5
    assert "⋮ 3 more kernel positions (18 terms)" in text
    assert text.count("… 3 more terms …") == 4 * 2
    assert math.hidden_terms == 2 * (3 * 6 + 4 * 3)
    assert "Show all 84 terms" in text
    math.set_expanded(True)
    text = math.plain_text()
    assert math.hidden_terms == 0 and "more term" not in text and "Show fewer terms" in text
    assert len(_entries(text)) == 7 * 2


def test_output_padding_error_keeps_the_last_valid_setting(transposed, qtbot):
    w, s = transposed, transposed.state
    w.layer_panel.kind_box.output_padding.setValue(1)
    s.flush()
    w.code_panel.show()
    math, shapes, transport = _panels(w, qtbot)
    assert s.error is None and s.transpose_trace.spec.output_padding == 1
    w.code_panel.refresh()
    good = w.code_panel.code("keras")
    w.layer_panel.strides.setValue(1)  # output_padding=1 is no longer < strides
    s.flush()
    qtbot.wait(5)
    assert s.error is not None and s.error.code == "output_padding"
    keras = "`output_padding` must be strictly less than `strides` for all dimensions."
    for panel in (math, shapes):
        text = panel.plain_text()
        assert "showing the last valid setting: strides=2" in text and keras in text
    assert "x[0, 0, :] scattering" in math.title.text()
    assert transport.position_label.text().endswith("— 1/6")  # the last valid picture's input steps
    w.code_panel.refresh()
    code = w.code_panel.code("keras")
    assert code.startswith("# Keras would stop here:") and keras in code
    assert good in code and "keras.layers.Conv1DTranspose(" in good and "strides=2," in good
    assert "showing the last valid setting: strides=2" in w.code_panel.status.text()
    w.layer_panel.kind_box.output_padding.setValue(0)
    s.flush()
    assert s.error is None and "showing the last valid" not in math.plain_text()


def test_code_panel_writes_keras_and_pytorch_conv1dtranspose(transposed, qtbot):
    w, s = transposed, transposed.state
    w.layer_panel.kind_box.output_padding.setValue(1)
    s.flush()
    panel = w.code_panel
    panel.show()
    for fw in ("keras", "pytorch", "numpy"):
        panel.tabs.setCurrentIndex(("keras", "pytorch", "numpy").index(fw))
        panel.refresh()
    keras = panel.code("keras")
    assert "layer = keras.layers.Conv1DTranspose(\n    filters=3,\n    kernel_size=3,\n    strides=2,\n" \
           "    padding=\"same\",\n    output_padding=1,\n    dilation_rate=1,\n    use_bias=True,\n" \
           "    activation=\"linear\"," in keras
    assert "# Input shape:  (1, 6, 2)" in keras and "# Output shape: (1, 12, 3)" in keras
    assert "layer.build(x_in.shape)" in keras
    # kernel_size=3, strides=2, 'same', output_padding=1: Keras crops 0 steps of the 13-step scatter on the left
    # and 1 on the right, which no ConvTranspose1d padding gives (it crops both ends alike): the script says so
    # and keeps Keras's window itself
    t = torch_arguments(Conv1DTransposeSpec(3, 3, strides=2, padding="same", output_padding=1), 6)
    assert not t.exact and (t.crop_left, t.crop_right, t.out_steps) == (0, 1, 12)
    torch_code = panel.code("pytorch")
    assert "# No nn.ConvTranspose1d setting gives this output" in torch_code
    assert "    padding=0,\n    output_padding=0," in torch_code and "    z = z[:, :, 0 : 12]" in torch_code
    # the NumPy script runs and agrees with the picture
    run = subprocess.run([sys.executable, "-c", panel.code("numpy")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "OK: the NumPy output matches" in run.stdout
    # kernel_size=4 (no output_padding): padding=1 crops one step at each end, as Keras does
    w.layer_panel.kind_box.output_padding.setValue(-1)
    w.layer_panel.kernel_size.setValue(4)
    s.flush()
    panel.tabs.setCurrentIndex(1)
    panel.refresh()
    torch_code = panel.code("pytorch")
    assert "    padding=1,\n    output_padding=0," in torch_code and "No nn.ConvTranspose1d" not in torch_code
    assert "give exactly Keras's 12 output steps" in torch_code and "z = z[" not in torch_code
    # 'valid' with output_padding=1: PyTorch's output_padding is Keras's
    w.layer_panel.padding.setCurrentText("valid")
    w.layer_panel.kind_box.output_padding.setValue(1)
    s.flush()
    panel.refresh()
    assert "    padding=0,\n    output_padding=1," in panel.code("pytorch")
    w.layer_panel.kind_box.kind.setCurrentText("Conv1D")
    s.flush()
    panel.tabs.setCurrentIndex(0)
    panel.refresh()
    assert "layer = keras.layers.Conv1D(" in panel.code("keras") and "Conv1DTranspose" not in panel.code("keras")


@pytest.mark.parametrize("case_id", ["tr-0321", "tr-0143", "tr-0336", "tr-0234", "tr-0167", "tr-0343", "tr-0027"])
def test_the_pytorch_script_gives_what_keras_computed(case_id, tmp_path):
    """Run with PyTorch (skipped without it): the scripts's `y` equals the real Keras output."""
    pytest.importorskip("torch")
    case = CASES[case_id]
    code = generate_transpose_code(_session(case), "pytorch")
    code += "\nimport json\nprint('Y=' + json.dumps(y.tolist()))\n"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    y = json.loads(next(ln for ln in run.stdout.splitlines() if ln.startswith("Y="))[2:])
    np.testing.assert_array_equal(np.array(y), np.array(case["expected_output"]))


def test_back_to_conv1d_restores_the_conv1d_texts(transposed, qtbot):
    w, s = transposed, transposed.state
    math, shapes, _ = _panels(w, qtbot)
    assert "(k, F, C)" in shapes.plain_text() and "scattering" in math.title.text()
    w.layer_panel.kind_box.kind.setCurrentText("Conv1D")
    s.flush()
    qtbot.wait(5)
    assert math.title.text() == "Arithmetic of y[0, 0, 0] (current position)"
    assert "taps j = 0…2 read input steps" in math.plain_text()
    text = shapes.plain_text()
    assert "(k, C/g, F)" in text and "(k, F, C)" not in text and "Full scatter" not in text


def test_panels_in_chinese(transposed, qtbot):
    from app.i18n import languages

    w, s = transposed, transposed.state
    try:
        languages.set_language("zh_CN")
        qtbot.wait(5)
        math, shapes, transport = _panels(w, qtbot)
        s.set_position(1)
        title, text = math.title.text(), math.plain_text()
        assert "x[0, 1, :]" in title and "Arithmetic" not in title
        assert "t = 1·2 + j·1 − 0 = 2, 3, 4" in text and "input step" not in text
        shapes_text = shapes.plain_text()
        assert "(k, F, C) = (3, 3, 2)" in shapes_text and "Full scatter" not in shapes_text
        assert "input step" not in transport.position_label.text()
        assert "2/6" in transport.position_label.text()
    finally:
        languages.set_language("en")


def test_code_command_writes_the_conv1dtranspose_script(tmp_path, capsys):
    """``conv1d-explorer code`` on a Conv1DTranspose session: the same script as the panel, never a Conv1D one."""
    from app.cli import main as cli_main
    from app.io.codegen import generate_code
    from app.io.session import save_session

    session = _session(CASES["tr-0321"])
    src = tmp_path / "t.json"
    save_session(session, src)
    assert cli_main(["code", str(src), "--framework", "keras"]) == 0
    out = capsys.readouterr().out
    assert "layer = keras.layers.Conv1DTranspose(" in out and "output_padding=1," in out
    assert out == generate_transpose_code(session, "keras")
    with pytest.raises(ValueError, match="generate_code writes Conv1D scripts"):
        generate_code(session, "keras")


def test_dilation_two_through_the_layer_panel(transposed, qtbot):
    """strides 1, dilation_rate 2, 'same': kernel positions land two steps apart; every panel says where."""
    w, s = transposed, transposed.state
    w.layer_panel.strides.setValue(1)
    w.layer_panel.dilation_rate.setValue(2)
    s.flush()
    math, shapes, transport = _panels(w, qtbot)
    tt = s.transpose_trace
    spec = tt.spec
    assert s.error is None and (spec.strides, spec.dilation_rate, spec.effective_kernel_size) == (1, 2, 5)
    crop = spec.crop_left()
    s.set_position(3)
    spots = tt.positions(3).tolist()
    assert spots == [3 - crop, 5 - crop, 7 - crop]
    assert transport.position_label.text() == (
        f"input step 3 → output steps {', '.join(str(t) for t in spots if 0 <= t < tt.out_steps)} — 4/6")
    assert f"t = 3·1 + j·2 − {crop} = {', '.join(str(t) for t in spots)}" in math.plain_text()
    assert set(_entries(math.plain_text())) == {(j, t, f) for j, t in enumerate(spots) for f in range(3)}
    text = shapes.plain_text()
    assert "keff = d·(k − 1) + 1 = 2·(3 − 1) + 1 = 5" in text
    assert f"Lout = L·s = 6·1 = {spec.output_length(6)}" in text and spec.output_length(6) == 6
    assert f"(L − 1)·s + keff = (6 − 1)·1 + 5 = {spec.full_length(6)}" in text
    assert f"it crops {crop} steps on the left, {spec.full_length(6) - crop - 6} on the right." in text
    # the symbols say the same with letters
    math.symbols.setChecked(True)
    text = math.plain_text()
    assert f"s = 1, d = 2, crop = {crop}, k = 3, C = 2, F = 3" in text
    assert f"j=1: y[0, {spots[1]}, f] += Σ_c x[0, 3, c] · w[1, f, c]" in text
