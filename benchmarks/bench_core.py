"""Benchmark conv_core: conv1d against torch.nn.functional.conv1d, and trace sizes.

Run:  python benchmarks/bench_core.py [--runs 30] [--json benchmarks/results_core.json]

Cases (medians of --runs runs after warm-up, all measured in this one run):

* ``conv1d``: x (32, 50, 300) float32, filters=100, kernel_size=4, padding='same';
  the same through the tap-by-tap path (what conv1d did before im2col); and, when
  torch is importable, ``F.conv1d`` on the same data padded with Keras's split via
  ``F.pad`` (input already channels-first, so torch is timed at its best). The three
  conv1d variants run alternately, run by run, so a drifting machine load hits them alike.
  Goal: ours / torch <= 1.0.
* ``trace`` classroom: (1, 16, 4) -> 3 filters, k=3, including ``.products``. Goal < 1 ms.
* ``trace`` material: (1, 50, 300) -> 100 filters, k=4, 'same', including ``.products``.
  Goal < 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import conv_core  # noqa: E402
import conv_core.conv as conv_module  # noqa: E402
from conv_core import Conv1DSpec, trace_conv1d  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 3) -> tuple[float, float, float]:
    """(median, min, max) wall time of ``fn`` in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), min(times), max(times)


def interleaved_ms(
    fns: list[Callable[[], object]], runs: int, warmup: int = 3
) -> list[tuple[float, float, float]]:
    """Like :func:`median_ms` for several functions, alternating them run by run.

    On a shared machine the load drifts; alternating gives each function the same
    conditions, so their ratio is fairer than two separate series.
    """
    for _ in range(warmup):
        for fn in fns:
            fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, series in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            series.append((time.perf_counter() - start) * 1e3)
    return [(statistics.median(t), min(t), max(t)) for t in times]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per case (>= 20)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results_core.json")
    args = parser.parse_args(argv)
    runs = max(args.runs, 20)

    rng = np.random.default_rng(0)
    x = rng.standard_normal((32, 50, 300)).astype(np.float32)
    kernel = rng.standard_normal((4, 300, 100)).astype(np.float32)
    bias = rng.standard_normal(100).astype(np.float32)
    spec = Conv1DSpec(100, 4, padding="same")
    rows: list[dict[str, Any]] = []

    def record(name: str, timing: tuple[float, float, float], goal_ms: float | None = None,
               note: str = "") -> float:
        med, lo, hi = timing
        rows.append({"case": name, "median_ms": med, "min_ms": lo, "max_ms": hi, "runs": runs,
                     "goal_ms": goal_ms, "note": note})
        return med

    def add(name: str, fn: Callable[[], object], goal_ms: float | None = None, note: str = "") -> float:
        return record(name, median_ms(fn, runs), goal_ms, note)

    ours = conv_core.conv1d(x, kernel, bias, padding="same")
    assert ours.dtype == np.float32 and ours.shape == (32, 50, 100)

    def run_ours() -> object:
        return conv_core.conv1d(x, kernel, bias, padding="same")

    def run_tap_by_tap() -> object:
        saved = conv_module._IM2COL_MAX_BYTES
        conv_module._IM2COL_MAX_BYTES = 0
        try:
            return conv_core.conv1d(x, kernel, bias, padding="same")
        finally:
            conv_module._IM2COL_MAX_BYTES = saved

    fns: list[Callable[[], object]] = [run_ours, run_tap_by_tap]
    torch_info: dict[str, Any] = {"available": False}
    max_diff = None
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        torch = None
    if torch is not None:
        pl, pr = spec.padding_amounts(50)
        xt = torch.from_numpy(np.ascontiguousarray(x.transpose(0, 2, 1)))
        wt = torch.from_numpy(conv_core.keras_to_torch(kernel))
        bt = torch.from_numpy(bias)

        def run_torch() -> Any:
            with torch.no_grad():
                return F.conv1d(F.pad(xt, (pl, pr)), wt, bt)

        theirs = run_torch().numpy().transpose(0, 2, 1)
        max_diff = float(np.abs(theirs - ours).max())
        torch_info = {"available": True, "version": torch.__version__, "threads": torch.get_num_threads(),
                      "max_abs_diff": max_diff}
        fns.append(run_torch)
    timings = interleaved_ms(fns, runs)
    ours_ms = record("conv1d (32,50,300) f32 -> 100 filters k=4 same", timings[0],
                     note="im2col: one (N*L_out, k*C) @ (k*C, F) matmul")
    record("conv1d same, tap-by-tap path", timings[1],
           note="one matmul per tap (used above 64 MiB of columns)")
    ratio = None
    if torch is not None:
        torch_ms = record("torch F.pad + F.conv1d, same data", timings[2],
                          note=f"max |ours - torch| = {max_diff:.2e}")
        ratio = ours_ms / torch_ms

    xs = rng.standard_normal((1, 16, 4))
    ks = rng.standard_normal((3, 4, 3))
    bs = rng.standard_normal(3)
    small = Conv1DSpec(3, 3)
    add("trace (1,16,4) -> 3 filters k=3, with .products",
        lambda: trace_conv1d(small, xs, ks, bs).products, goal_ms=1.0)

    xm = rng.standard_normal((1, 50, 300))
    km = rng.standard_normal((4, 300, 100))
    bm = rng.standard_normal(100)
    material = Conv1DSpec(100, 4, padding="same")
    add("trace (1,50,300) -> 100 filters k=4 same, with .products",
        lambda: trace_conv1d(material, xm, km, bm).products, goal_ms=20.0)

    width = max(len(r["case"]) for r in rows)
    print(f"{'case':<{width}}  {'median ms':>10}  {'min':>8}  {'max':>8}  goal")
    for r in rows:
        goal = "" if r["goal_ms"] is None else f"< {r['goal_ms']:g} ms " + (
            "ok" if r["median_ms"] < r["goal_ms"] else "MISSED")
        times = f"{r['median_ms']:>10.3f}  {r['min_ms']:>8.3f}  {r['max_ms']:>8.3f}"
        print(f"{r['case']:<{width}}  {times}  {goal}")
        if r["note"]:
            print(f"{'':<{width}}    ({r['note']})")
    if ratio is not None:
        print(f"ratio ours / torch = {ratio:.2f} (goal <= 1.0: {'ok' if ratio <= 1.0 else 'MISSED'})")
    else:
        print("torch not importable: no ratio (pip install torch==2.13.0)")

    result = {
        "rows": rows,
        "ratio_ours_over_torch": ratio,
        "torch": torch_info,
        "environment": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "machine": platform.machine(),
            "cpu_count": os.cpu_count(),
            "load_average_1_5_15": list(os.getloadavg()),
        },
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
