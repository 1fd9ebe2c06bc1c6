"""Generated scripts check themselves: NumPy always runs; PyTorch and Keras where installed.

Keras is optional: set CONV1D_KERAS_PYTHON to an interpreter that has Keras 3
(e.g. a separate venv with keras and torch) to run the Keras scripts with it;
KERAS_BACKEND defaults to torch there.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import numpy as np
import pytest

from app.cli import main as cli_main
from app.i18n.languages import translator
from app.io.codegen import FRAMEWORKS, LANGUAGES, expected_output, generate_code
from app.io.codegen_transpose import generate_script
from app.io.examples import example_names, load_example
from app.io.session import Session, save_session

ROOT = Path(__file__).resolve().parents[2]

ACTIVATIONS = (
    "linear",
    "relu",
    "sigmoid",
    "tanh",
    "elu",
    "selu",
    "softplus",
    "softsign",
    "swish",
    "silu",
    "gelu",
    "exponential",
    "hard_sigmoid",
)


def make_session(
    steps: int = 9,
    channels: int = 2,
    filters: int = 3,
    kernel_size: int = 3,
    *,
    strides: int = 1,
    padding: str = "valid",
    dilation_rate: int = 1,
    groups: int = 1,
    use_bias: bool = True,
    activation: str = "linear",
    data_format: str = "channels_last",
    batch: int = 2,
    seed: int = 0,
    scale: float = 1.0,
) -> Session:
    rng = np.random.default_rng(seed)
    layer = {
        "filters": filters,
        "kernel_size": kernel_size,
        "strides": strides,
        "padding": padding,
        "dilation_rate": dilation_rate,
        "groups": groups,
        "use_bias": use_bias,
        "activation": activation,
        "data_format": data_format,
    }
    return Session(
        layer=layer,
        x=rng.normal(size=(batch, steps, channels)) * scale,
        kernel=rng.uniform(-1, 1, size=(kernel_size, channels // groups, filters)),
        bias=rng.uniform(-0.5, 0.5, size=filters) if use_bias else None,
    )


EXTRA = {
    # L=8, k=3, s=2: total = 1, so Keras pads (0, 1)
    "same-stride2-odd": make_session(8, 2, 3, 3, strides=2, padding="same"),
    "same-even-kernel": make_session(7, 1, 2, 4, padding="same", seed=1),
    "causal-dilated": make_session(10, 2, 2, 3, padding="causal", dilation_rate=2, seed=2),
    "causal-stride2": make_session(9, 1, 2, 2, padding="causal", strides=2, seed=3),
    "groups2": make_session(8, 4, 6, 3, padding="same", groups=2, seed=4),
    "channels-first": make_session(9, 3, 2, 3, data_format="channels_first", seed=5),
    "channels-first-groups-causal": make_session(
        9, 4, 4, 2, padding="causal", groups=2, data_format="channels_first", seed=6
    ),
    "no-bias": make_session(7, 2, 3, 2, padding="same", use_bias=False, seed=7),
    **{
        f"act-{name}": make_session(9, 2, 3, 3, padding="same", activation=name, seed=10 + i, scale=2.0)
        for i, name in enumerate(ACTIVATIONS)
    },
}


def all_sessions() -> dict[str, Session]:
    return {**{name: load_example(name) for name in example_names()}, **EXTRA}


@pytest.fixture(scope="module")
def sessions() -> dict[str, Session]:
    return all_sessions()


def run_script(path: Path, python: str = sys.executable) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [python, str(path)], capture_output=True, text=True, timeout=60, cwd=path.parent, check=False
    )


# One interpreter runs many scripts (torch and keras load once), each in a fresh namespace.
_DRIVER = r"""
import contextlib, io, json, runpy, sys
results = []
for path in sys.argv[1:]:
    out = io.StringIO()
    code = 0
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except Exception as exc:
        code = 99
        out.write(f"{type(exc).__name__}: {exc}")
    results.append({"path": path, "code": code, "tail": out.getvalue()[-400:]})
print(json.dumps(results))
"""


def run_many(scripts: dict[str, str], tmp_path: Path, python: str = sys.executable, env=None) -> dict:
    paths = []
    for name, code in scripts.items():
        path = tmp_path / f"{name}.py"
        path.write_text(code, encoding="utf-8")
        paths.append(str(path))
    proc = subprocess.run(
        [python, "-c", _DRIVER, *paths], capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    return {Path(r["path"]).stem: r for r in results}


def assert_all_ok(results: dict) -> None:
    bad = {name: r for name, r in results.items() if r["code"] != 0 or "OK" not in r["tail"]}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)


# ---------------------------------------------------------------- NumPy scripts run
@pytest.mark.parametrize("name", example_names())
def test_numpy_script_for_every_example_passes_its_self_check(name: str, tmp_path: Path) -> None:
    code = generate_script(load_example(name), "numpy")  # a Conv1DTranspose example gets its own script
    assert not re.search(r"^\s*(import|from)\s+conv_core", code, re.M)  # plain NumPy only
    path = tmp_path / "check.py"
    path.write_text(code, encoding="utf-8")
    proc = run_script(path)
    assert proc.returncode == 0, proc.stdout[-1000:] + proc.stderr[-1000:]
    assert proc.stdout.splitlines()[-1].startswith("OK: the NumPy output matches Conv1D Explorer")


def test_numpy_scripts_for_extra_sessions_pass(tmp_path: Path) -> None:
    scripts = {name: generate_code(s, "numpy") for name, s in EXTRA.items()}
    assert_all_ok(run_many(scripts, tmp_path))


def test_tampered_expected_value_fails_with_exit_1(tmp_path: Path) -> None:
    code = generate_code(load_example("classroom"), "numpy")
    start = code.index("\nexpected = np.array(")
    match = re.compile(r"-?\d+\.\d+").search(code, start)
    assert match is not None
    tampered = code[: match.start()] + repr(float(match.group()) + 1000.0) + code[match.end() :]
    path = tmp_path / "tampered.py"
    path.write_text(tampered, encoding="utf-8")
    proc = run_script(path)
    assert proc.returncode == 1
    assert "MISMATCH" in proc.stdout and "OK:" not in proc.stdout


def test_wrong_output_shape_is_a_mismatch(tmp_path: Path) -> None:
    code = generate_code(load_example("odd-same"), "numpy")
    code = code.replace("\ny = activation(z)\n", "\ny = activation(z)[:, :-1]\n")
    path = tmp_path / "short.py"
    path.write_text(code, encoding="utf-8")
    proc = run_script(path)
    assert proc.returncode == 1
    assert "MISMATCH: output shape (1, 6, 1)" in proc.stdout


# ---------------------------------------------------------------- exact numbers
def test_embedded_values_are_exact_float64() -> None:
    session = make_session(5, 2, 2, 2, padding="same", seed=42)
    session.x[0, 0, 0] = 0.1 + 0.2  # 0.30000000000000004 must survive
    code = generate_code(session, "numpy")
    namespace: dict = {}
    exec(compile(code[: code.index("\ndef keras_padding")], "defs", "exec"), namespace)
    assert np.array_equal(namespace["x"], session.x)
    assert np.array_equal(namespace["kernel"], session.kernel)
    assert np.array_equal(namespace["bias"], session.bias)
    assert np.array_equal(namespace["expected"], expected_output(session))


def test_big_arrays_are_compact_and_exact() -> None:
    session = load_example("seed-embedding")
    code = generate_code(session, "numpy")
    assert "]).reshape(4, 300, 100)" in code and "]).reshape(1, 50, 300)" in code
    body = [ln for ln in code.splitlines() if not ln.startswith("#")]
    assert max(len(ln) for ln in body) <= 100
    namespace: dict = {}
    exec(compile(code[: code.index("\ndef keras_padding")], "d", "exec"), namespace)
    assert np.array_equal(namespace["kernel"], session.kernel)
    assert namespace["expected"].shape == (1, 50, 100)


def test_small_arrays_are_laid_out_row_by_row() -> None:
    code = generate_code(load_example("classroom"), "numpy")
    assert "    [  # sample 0\n        [ 3.0,  1.0,  2.0,  3.0]," in code
    assert "[  # tap 2" in code
    assert ".reshape(" not in code


def test_channels_first_expected_is_in_the_layer_layout() -> None:
    session = EXTRA["channels-first"]
    assert expected_output(session).shape == (2, 2, 7)  # (batch, filters, steps)
    code = generate_code(session, "keras")
    assert "x_in = x.transpose(0, 2, 1)" in code
    assert "# Input shape:  (2, 3, 9)  (batch, channels, steps)" in code


# ---------------------------------------------------------------- Keras and PyTorch
@pytest.mark.parametrize("framework", ["keras", "pytorch", "numpy"])
def test_every_script_compiles(framework: str, sessions: dict[str, Session]) -> None:
    for name, session in sessions.items():
        for language in LANGUAGES:
            if language != "en" and name == "seed-embedding":
                continue  # the same numbers; compiling 3 MB once per framework is enough
            code = generate_script(session, framework, language=language, translate=translator(language))
            compile(code, f"{name}.py", "exec")


def test_keras_script_writes_every_argument_and_weights() -> None:
    code = generate_code(EXTRA["no-bias"], "keras")
    for arg in (
        "filters=3",
        "kernel_size=2",
        "strides=1",
        'padding="same"',
        "dilation_rate=1",
        "groups=1",
        "use_bias=False",
        'activation="linear"',
        'data_format="channels_last"',
    ):
        assert f"    {arg}," in code
    assert "layer.set_weights([kernel])" in code
    assert "layer.set_weights([kernel, bias])" in generate_code(EXTRA["groups2"], "keras")


def test_pytorch_script_pads_with_the_keras_split() -> None:
    code = generate_code(EXTRA["same-stride2-odd"], "pytorch")
    assert "x_t = F.pad(x_t, (left, right))" in code
    assert "total = max((out - 1) * strides + keff - steps, 0)" in code
    assert "F.conv1d(x_t, weight, bias_t, stride=STRIDES, padding=0" in code
    assert "approximate='none'" in generate_code(EXTRA["act-gelu"], "pytorch")


def test_pytorch_scripts_run_and_pass(sessions: dict[str, Session], tmp_path: Path) -> None:
    pytest.importorskip("torch")
    scripts = {name: generate_script(s, "pytorch") for name, s in sessions.items()}
    assert_all_ok(run_many(scripts, tmp_path))


def _keras_python() -> str:
    python = os.environ.get("CONV1D_KERAS_PYTHON")
    if python:
        return python
    pytest.importorskip("keras")
    return sys.executable


def test_keras_scripts_run_and_pass(sessions: dict[str, Session], tmp_path: Path) -> None:
    python = _keras_python()
    env = {**os.environ, "KERAS_BACKEND": os.environ.get("KERAS_BACKEND", "torch")}
    scripts = {name: generate_script(s, "keras") for name, s in sessions.items()}
    assert_all_ok(run_many(scripts, tmp_path, python=python, env=env))


# ---------------------------------------------------------------- languages
@pytest.mark.parametrize(
    ("language", "comment", "label"),
    [("zh_CN", "# 卷积核，Keras 布局", "输出形状："), ("zh_TW", "# 卷積核，Keras 佈局", "輸出形狀：")],
)
def test_chinese_comments_and_labels_keep_english_identifiers(
    language: str, comment: str, label: str, tmp_path: Path
) -> None:
    session = load_example("causal-dilated")
    code = generate_code(session, "numpy", language=language, translate=translator(language))
    english = generate_code(session, "numpy")
    assert comment in code and "def keras_padding(" in code and "expected = np.array(" in code

    def names(text: str) -> list[str]:
        """Identifiers and keywords in order: comments, strings and line breaks do not count."""
        tokens = tokenize.generate_tokens(io.StringIO(text).readline)
        return [tok.string for tok in tokens if tok.type == tokenize.NAME]

    guard = 'if hasattr(sys.stdout, "reconfigure"):\n    sys.stdout.reconfigure(errors="replace")\n'
    assert guard in code
    assert names(code.replace(guard, "")) == names(english)
    path = tmp_path / "zh.py"
    path.write_text(code, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, out
    assert label in out and out.splitlines()[-1].startswith("OK：")


def test_unknown_framework_or_language_is_a_value_error() -> None:
    session = load_example("odd-same")
    with pytest.raises(ValueError, match="unknown framework 'tensorflow'"):
        generate_code(session, "tensorflow")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        generate_code(session, "numpy", language="fr")


def test_frameworks_are_the_three_documented() -> None:
    assert FRAMEWORKS == ("keras", "pytorch", "numpy")


def test_codegen_imports_no_qt() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, app.io.codegen; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))])",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# ---------------------------------------------------------------- command line
def test_cli_prints_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["code", "--example", "odd-same", "--framework", "pytorch"]) == 0
    out = capsys.readouterr().out
    assert out == generate_code(load_example("odd-same"), "pytorch")


def test_cli_reads_a_session_file_and_writes_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = EXTRA["groups2"]
    src = tmp_path / "s.json"
    save_session(session, src)
    out = tmp_path / "out.py"
    assert cli_main(["code", str(src), "--framework", "numpy", "-o", str(out), "--lang", "zh_TW"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert out.read_text(encoding="utf-8") == generate_code(
        session, "numpy", language="zh_TW", translate=translator("zh_TW")
    )
    assert "# 卷積核，Keras 佈局" in out.read_text(encoding="utf-8")  # the comments come from the catalogue
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left
    proc = run_script(out)
    assert proc.returncode == 0 and "OK" in proc.stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--framework", "numpy"], "give either a SESSION.json file or --example NAME"),
        (["x.json", "--example", "classroom", "--framework", "numpy"], "give either a SESSION.json"),
        (["--example", "nope", "--framework", "numpy"], "no example named 'nope'"),
        (["missing.json", "--framework", "numpy"], "cannot open"),
        (["bad.json", "--framework", "keras"], "bad.json is not valid JSON"),
        (["--example", "classroom", "--framework", "numpy", "-o", "no/such/dir/out.py"], "No such file"),
        (["short.json", "--framework", "numpy"], "Computed output size would be zero or negative"),
    ],
)
def test_cli_errors_exit_2_with_one_line(
    argv: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    save_session(make_session(3, 1, 1, 5), tmp_path / "short.json")  # valid needs steps >= 5
    assert cli_main(["code", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("conv1d-explorer code: error: ")
    assert message in lines[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["code", "--example", "classroom"],  # --framework is required
        ["code", "--example", "classroom", "--framework", "jax"],
        ["code", "--example", "classroom", "--framework", "numpy", "--lang", "fr"],
    ],
)
def test_cli_bad_options_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "error:" in err[0]


def test_python_m_app_code_pipes_into_python() -> None:
    gen = subprocess.run(
        [sys.executable, "-m", "app", "code", "--example", "classroom", "--framework", "numpy"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert gen.returncode == 0, gen.stderr
    run = subprocess.run(
        [sys.executable, "-"], input=gen.stdout, capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0 and "OK" in run.stdout
