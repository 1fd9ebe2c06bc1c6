"""Generate ``keras_conv1d_transpose.json``: Conv1DTranspose golden cases from real Keras 3.

Regenerate (from the repository root, with a Python that has Keras 3 and PyTorch)::

    KERAS_BACKEND=torch python tests/data/make_transpose_golden.py

The project's tests never import Keras or torch: they read the JSON this writes.

Each value case holds the layer's constructor arguments, a dyadic input, kernel and bias
(multiples of 1/4, so float64 sums are exact), and what Keras computed: the output, its
shape, ``compute_output_shape`` and ``count_params()``.  Where PyTorch's
``conv_transpose1d`` computes the same thing (padding='valid' with an explicit
output_padding, channels_last or channels_first alike), its output is recorded too under
``torch``.  Error cases record the exception's type and message and the stage that raised
it (``init``: the constructor, ``call``: building or calling the layer).
"""

from __future__ import annotations

import itertools
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("KERAS_BACKEND", "torch")

import keras
import numpy as np
import torch

SEED = 20261127
OUT = Path(__file__).with_name("keras_conv1d_transpose.json")


def dyadic(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    return rng.integers(-8, 9, size=shape).astype(np.float64) / 4.0


def torch_reference(params: dict[str, Any], x: np.ndarray, kernel: np.ndarray, bias: np.ndarray | None) -> Any:
    """PyTorch's conv_transpose1d where it matches Keras (valid padding, explicit output_padding)."""
    if params.get("padding", "valid") != "valid" or params.get("output_padding") is None:
        return None
    if params.get("activation") not in (None, "linear"):
        return None
    first = params.get("data_format") == "channels_first"
    xt = torch.from_numpy(x if first else x.transpose(0, 2, 1).copy())
    wt = torch.from_numpy(kernel.transpose(2, 1, 0).copy())  # (C_in, filters, k)
    bt = None if bias is None else torch.from_numpy(bias)
    y = torch.nn.functional.conv_transpose1d(
        xt, wt, bt, stride=params.get("strides", 1), padding=0,
        output_padding=params["output_padding"], dilation=params.get("dilation_rate", 1),
    ).numpy()
    return (y if first else y.transpose(0, 2, 1)).tolist()


def run_case(case_id: str, params: dict[str, Any], input_shape: tuple[int, int, int],
             rng: np.random.Generator) -> dict[str, Any]:
    x = dyadic(rng, input_shape)
    case: dict[str, Any] = {"id": case_id, "layer": "Conv1DTranspose", "params": params,
                            "input_shape": list(input_shape), "input": x.tolist()}
    try:
        layer = keras.layers.Conv1DTranspose(**params, dtype="float64")
    except Exception as exc:
        case["expected_error"] = {"type": type(exc).__name__, "message": str(exc), "stage": "init"}
        return case
    try:
        layer.build(input_shape)
        kernel = dyadic(rng, tuple(layer.kernel.shape))
        layer.kernel.assign(kernel)
        bias = None
        if layer.use_bias:
            bias = dyadic(rng, tuple(layer.bias.shape))
            layer.bias.assign(bias)
        y = keras.ops.convert_to_numpy(layer(x))
        declared = layer.compute_output_shape(input_shape)
    except Exception as exc:
        case["expected_error"] = {"type": type(exc).__name__, "message": str(exc), "stage": "call"}
        return case
    case.update(
        kernel=kernel.tolist(),
        bias=None if bias is None else bias.tolist(),
        expected_output=y.tolist(),
        expected_output_shape=list(y.shape),
        compute_output_shape=[None if v is None else int(v) for v in declared],
        param_count=int(layer.count_params()),
        torch=torch_reference(params, x, kernel, bias),
    )
    return case


def value_cases(rng: np.random.Generator) -> list[tuple[dict[str, Any], tuple[int, int, int]]]:
    out: list[tuple[dict[str, Any], tuple[int, int, int]]] = []
    grid = itertools.product((1, 2, 3, 5), (1, 2, 3, 4), (1, 2, 3), (1, 2), ("valid", "same"))
    for steps, k, s, d, pad in grid:
        if s > 1 and d > 1:
            continue
        for op in (None, *range(s)):
            params: dict[str, Any] = {"filters": int(rng.integers(1, 4)), "kernel_size": k, "padding": pad}
            if s != 1:
                params["strides"] = s
            if d != 1:
                params["dilation_rate"] = d
            if op is not None:
                params["output_padding"] = op
            if rng.random() < 0.25:
                params["use_bias"] = False
            if rng.random() < 0.15:
                params["activation"] = "relu"
            channels = int(rng.integers(1, 4))
            shape = (int(rng.integers(1, 3)), steps, channels)
            if rng.random() < 0.2:
                params["data_format"] = "channels_first"
                shape = (shape[0], channels, steps)
            out.append((params, shape))
    return out


ERROR_CASES: list[tuple[dict[str, Any], tuple[int, int, int]]] = [
    ({"filters": 2, "kernel_size": 3, "strides": 2, "output_padding": 2}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": 3, "strides": 1, "output_padding": 1}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": 3, "strides": 3, "output_padding": 5}, (1, 5, 2)),
    ({"filters": 2, "kernel_size": 3, "padding": "causal"}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": 3, "padding": "full"}, (1, 5, 1)),
    ({"filters": 0, "kernel_size": 3}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": 0}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": 3, "strides": 0}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": 3, "strides": 2, "dilation_rate": 2}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": 3, "data_format": "channels_middle"}, (1, 5, 1)),
    ({"filters": 2, "kernel_size": (3, 3)}, (1, 5, 1)),
]


def main() -> None:
    rng = np.random.default_rng(SEED)
    cases = []
    for i, (params, shape) in enumerate(value_cases(rng)):
        cases.append(run_case(f"tr-{i:04d}", params, shape, rng))
    for i, (params, shape) in enumerate(ERROR_CASES):
        cases.append(run_case(f"tr-err-{i:02d}", params, shape, rng))
    meta = {
        "generator": "tests/data/make_transpose_golden.py",
        "seed": SEED,
        "n_cases": len(cases),
        "n_error_cases": sum("expected_error" in c for c in cases),
        "n_torch_checked": sum(c.get("torch") is not None for c in cases),
        "versions": {"keras": keras.__version__, "backend": keras.backend.backend(), "torch": torch.__version__,
                     "numpy": np.__version__, "python": platform.python_version()},
        "exact": "inputs, kernels and biases are multiples of 1/4: every output is exact in float64",
    }
    OUT.write_text(json.dumps({"meta": meta, "cases": cases}, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(cases)} cases)", file=sys.stderr)


if __name__ == "__main__":
    main()
