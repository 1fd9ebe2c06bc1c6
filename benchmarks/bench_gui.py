"""GUI benchmarks (offscreen): argument change -> repainted canvas, one animation step,
cold start, resident memory.  Medians of repeated runs; prints a table and writes JSON.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--json benchmarks/results_gui.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOALS = {
    "arg_change_classroom_ms": 16.0,
    "arg_change_seed_embedding_ms": 100.0,
    "animation_step_16_ms": 5.0,
    "animation_step_1024_ms": 5.0,
    "animation_step_ratio_1024_vs_16": 1.5,
    "cold_start_s": 1.5,
    "rss_seed_embedding_mb": 250.0,
}


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _window():
    from app.gui import make_app

    app = make_app()
    from app.main_window import MainWindow

    w = MainWindow()
    w.resize(1600, 1000)
    w.show()
    app.processEvents()
    return app, w


def _repaint(app, w) -> None:
    """Deliver the pending updates: Qt repaints exactly the regions the change invalidated."""
    app.processEvents()


def bench_arg_change(example: str, repeats: int) -> float:
    app, w = _window()
    w.open_example(example)
    _repaint(app, w)
    state = w.state
    values = ["same", "valid"] if state.layer["padding"] != "causal" else ["valid", "causal"]
    flip = {"i": 0}

    def change() -> None:
        flip["i"] ^= 1
        state.set_layer_arg("padding", values[flip["i"]])
        state.flush()
        _repaint(app, w)

    change()  # warm
    result = _median_ms(change, repeats)
    w.close()
    return result


def bench_step(steps: int, repeats: int) -> float:
    app, w = _window()
    w.open_example("classroom")
    w.layer_panel.steps.setValue(steps)
    w.state.flush()
    _repaint(app, w)
    n = w.state.position_count
    pos = {"p": 0}

    def step() -> None:
        pos["p"] = (pos["p"] + 1) % n
        w.state.set_position(pos["p"])
        _repaint(app, w)

    step()
    result = _median_ms(step, repeats)
    w.close()
    return result


_CHILD_START = r"""
import sys, time, os
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from app.gui import make_app
app = make_app()
from app.main_window import MainWindow
w = MainWindow(); w.resize(1600, 1000); w.show()
app.processEvents(); w.diagram.viewport().repaint(); app.processEvents()
print(time.time() - t0)
"""

_CHILD_RSS = r"""
import sys
sys.path.insert(0, sys.argv[1])
from app.gui import make_app
app = make_app()
from app.main_window import MainWindow
w = MainWindow(); w.resize(1600, 1000); w.show()
w.open_example("seed-embedding"); w.state.flush()
for p in range(0, 50): w.state.set_position(p); app.processEvents()
w.diagram.viewport().repaint(); app.processEvents()
for line in open("/proc/self/status"):
    if line.startswith("VmRSS"):
        print(int(line.split()[1]) / 1024)
"""


def bench_cold_start(repeats: int) -> float:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", _CHILD_START, repr(time.time()), str(ROOT)],
                             capture_output=True, text=True, env=env, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def bench_rss() -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _CHILD_RSS, str(ROOT)], capture_output=True, text=True,
                         env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def run(repeats: int = 30) -> dict[str, float]:
    r: dict[str, float] = {}
    r["arg_change_classroom_ms"] = bench_arg_change("classroom", repeats)
    r["arg_change_seed_embedding_ms"] = bench_arg_change("seed-embedding", max(repeats // 3, 5))
    r["animation_step_16_ms"] = bench_step(16, repeats * 3)
    r["animation_step_1024_ms"] = bench_step(1024, repeats * 3)
    r["animation_step_ratio_1024_vs_16"] = r["animation_step_1024_ms"] / r["animation_step_16_ms"]
    r["cold_start_s"] = bench_cold_start(5)
    r["rss_seed_embedding_mb"] = bench_rss()
    return r


def table(results: dict[str, float]) -> str:
    lines = [f"{'measure':36s} {'median':>10s} {'goal':>8s}  met", "-" * 62]
    for key, value in results.items():
        goal = GOALS.get(key)
        ok = "yes" if goal is None or value <= goal else "NO"
        lines.append(f"{key:36s} {value:10.3f} {goal if goal is not None else '':>8}  {ok}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--json", default=str(ROOT / "benchmarks" / "results_gui.json"))
    p.add_argument("--repeats", type=int, default=30)
    args = p.parse_args(argv)
    results = run(args.repeats)
    print(table(results))
    Path(args.json).write_text(json.dumps({"results": results, "goals": GOALS}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
