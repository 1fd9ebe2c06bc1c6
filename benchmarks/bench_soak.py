"""Soak and large-input benchmarks (offscreen), with a breakdown of where a repaint's time goes.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_soak.py [--steps 5000] [--changes 500]
     [--json benchmarks/results_soak.json]

* **soak** -- the classroom example in a 1600 x 1000 window: ``--steps`` animation steps and
  ``--changes`` argument changes through the layer panel's widgets, ten steps between two
  changes, every event processed (so every frame is painted).  The changes cycle through
  kernel_size, padding, filters, dilation_rate and back, so the window returns to the same
  setting after each cycle; the number of graphics items there must never change, and the
  resident memory (``VmRSS`` from /proc/self/status, after a warm-up cycle and gc) may grow by
  at most 5 MB.
* **large** -- the seed-embedding example (50 x 300 -> 100 filters) and a 4096-step x 64-channel
  input: an argument change and an animation step (medians), whether any cell number is drawn
  (it must not be: cells are a few pixels), and the resident memory.
* **breakdown** -- the classroom argument change and animation step split into the state and
  the views updating their items (no painting) and Qt painting what changed, for the whole
  window and with the side panels hidden (diagram and transport only).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOALS = {
    "soak_item_count_drift": 0.0,  # items at the same setting, max - min over the soak
    "soak_rss_growth_mb": 5.0,
    "large_seed_embedding_arg_change_ms": 100.0,
    "large_4096x64_arg_change_ms": 100.0,  # 'stays responsive': the seed-embedding goal
    "large_4096x64_step_ms": 100.0,
    "large_seed_embedding_numbers_visible": 0.0,  # 1 would mean text in cells of a pixel or two
    "large_4096x64_numbers_visible": 0.0,
}

# One cycle of argument changes that ends where it started (classroom: k=3, valid, 3 filters, d=1).
CYCLE: tuple[tuple[str, Any], ...] = (
    ("kernel_size", 4),
    ("padding", "same"),
    ("filters", 5),
    ("dilation_rate", 2),
    ("padding", "causal"),
    ("kernel_size", 3),
    ("filters", 3),
    ("dilation_rate", 1),
    ("padding", "valid"),
    ("activation", "relu"),
    ("activation", "linear"),
)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def make_window(size: tuple[int, int] = (1600, 1000)) -> tuple[Any, Any]:
    from app.gui import make_app

    app = make_app()
    from app.main_window import MainWindow

    w = MainWindow()
    w.resize(*size)
    w.show()
    app.processEvents()
    return app, w


def set_arg(w: Any, name: str, value: Any) -> None:
    """Change one layer argument through its widget, as a user does."""
    widget = w.layer_panel.arg_widgets[name]
    if isinstance(value, str):
        widget.setCurrentText(value)
    else:
        widget.setValue(value)


def soak(app: Any, w: Any, steps: int, changes: int) -> dict[str, Any]:
    state, d, t = w.state, w.diagram, w.transport
    w.open_example("classroom")
    state.flush()
    app.processEvents()

    def forward() -> float:
        t0 = time.perf_counter()
        if state.position >= state.position_count - 1:
            t.first()
        else:
            t.forward()
        app.processEvents()
        return (time.perf_counter() - t0) * 1000

    def change(i: int) -> float:
        name, value = CYCLE[i % len(CYCLE)]
        t0 = time.perf_counter()
        set_arg(w, name, value)
        state.flush()
        app.processEvents()
        return (time.perf_counter() - t0) * 1000

    for i in range(len(CYCLE)):  # warm-up: every setting once, caches filled
        change(i)
        for _ in range(20):
            forward()
    gc.collect()
    app.processEvents()
    items_start = d.item_count
    rss_start = rss_mb()
    items_at_start: list[int] = []
    items_between_steps: list[int] = []
    step_ms: list[float] = []
    change_ms: list[float] = []
    per_change = max(steps // max(changes, 1), 1)
    done_steps = 0
    n_changes = changes + (-changes) % len(CYCLE)  # finish the last cycle: back at the start
    rss_samples = []
    for i in range(n_changes):
        for _ in range(per_change if done_steps < steps else 0):
            step_ms.append(forward())
            done_steps += 1
        items_between_steps.append(d.item_count)
        change_ms.append(change(i))
        if (i + 1) % len(CYCLE) == 0:
            items_at_start.append(d.item_count)
            rss_samples.append(round(rss_mb(), 2))
    while done_steps < steps:
        step_ms.append(forward())
        done_steps += 1
    gc.collect()
    app.processEvents()
    rss_end = rss_mb()
    items_at_start.append(d.item_count)
    return {
        "steps": done_steps,
        "changes": n_changes,
        "items_start": items_start,
        "items_at_start_setting": sorted(set(items_at_start)),
        "item_count_drift": max(items_at_start) - min([*items_at_start, items_start]),
        "rss_start_mb": rss_start,
        "rss_end_mb": rss_end,
        "rss_growth_mb": rss_end - rss_start,
        "rss_after_each_cycle_mb": rss_samples,
        "step_ms_median": statistics.median(step_ms),
        "change_ms_median": statistics.median(change_ms),
    }


def _median_ms(fn: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def numbers_visible(app: Any, w: Any) -> bool:
    """Whether cell numbers show in the input or output panel (the big ones): each panel grabbed
    with numbers on and with them off differs.  (The bias row's few numbers may be big enough.)"""

    def grab() -> Any:
        w.state.flush()
        app.processEvents()
        d = w.diagram
        rects = [d.mapFromScene(p.plot.getViewBox().sceneBoundingRect()).boundingRect()
                 for p in (d.input_panel, d.output_panel)]
        return [d.grab(r).toImage() for r in rects]

    if not w.state.view.show_numbers:
        w.numbers_action.trigger()
    with_numbers = grab()
    w.numbers_action.trigger()
    without = grab()
    w.numbers_action.trigger()
    return bool(with_numbers != without)


def large(app: Any, w: Any, repeats: int) -> dict[str, Any]:
    state = w.state
    out: dict[str, Any] = {}

    def measure(tag: str) -> None:
        flip = {"i": 0}
        values = ("same", "valid")

        def change() -> None:
            flip["i"] ^= 1
            set_arg(w, "padding", values[flip["i"]])
            state.flush()
            app.processEvents()

        def step() -> None:
            state.set_position((state.position + 1) % state.position_count)
            app.processEvents()

        change()
        out[f"large_{tag}_arg_change_ms"] = _median_ms(change, repeats)
        step()
        out[f"large_{tag}_step_ms"] = _median_ms(step, repeats * 3)
        out[f"large_{tag}_numbers_visible"] = float(numbers_visible(app, w))
        out[f"large_{tag}_input_cell_px"] = round(w.diagram.input_panel.cell_pixels(), 2)
        gc.collect()
        out[f"large_{tag}_rss_mb"] = rss_mb()

    w.open_example("seed-embedding")
    state.flush()
    app.processEvents()
    measure("seed_embedding")
    w.open_example("classroom")
    w.layer_panel.steps.setValue(4096)
    w.layer_panel.channels.setValue(64)
    state.flush()
    app.processEvents()
    assert state.input_shape == (1, 4096, 64) and state.error is None
    measure("4096x64")
    return out


def breakdown(app: Any, w: Any, repeats: int) -> dict[str, float]:
    """Where the classroom argument change and animation step spend their time.

    ``update``: the state recomputes and every view updates its items (no painting);
    ``paint``: Qt paints what changed.  Measured for the whole window, then with the side
    panels hidden (F9: layer, math and shapes panels), which leaves the diagram and the transport.
    """
    state = w.state
    w.open_example("classroom")
    state.flush()
    app.processEvents()
    res: dict[str, float] = {}
    classroom = w.classroom
    for where in ("window", "diagram_only"):
        if where == "diagram_only" and classroom is not None:
            classroom.set_panels_hidden(True)
            app.processEvents()
        parts: dict[str, list[float]] = {k: [] for k in ("change_update", "change_paint", "step_update",
                                                          "step_paint")}
        flip = {"i": 0}
        for r in range(repeats + 2):
            flip["i"] ^= 1
            t0 = time.perf_counter()
            set_arg(w, "padding", ("same", "valid")[flip["i"]])
            state.flush()
            t1 = time.perf_counter()
            app.processEvents()
            t2 = time.perf_counter()
            state.set_position((state.position + 1) % state.position_count)
            t3 = time.perf_counter()
            app.processEvents()
            t4 = time.perf_counter()
            if r >= 2:
                for key, a, b in (("change_update", t0, t1), ("change_paint", t1, t2),
                                  ("step_update", t2, t3), ("step_paint", t3, t4)):
                    parts[key].append((b - a) * 1000)
        for key, values in parts.items():
            res[f"breakdown_{where}_{key}_ms"] = statistics.median(values)
        for kind in ("change", "step"):
            res[f"breakdown_{where}_{kind}_total_ms"] = (res[f"breakdown_{where}_{kind}_update_ms"]
                                                         + res[f"breakdown_{where}_{kind}_paint_ms"])
    if classroom is not None:
        classroom.set_panels_hidden(False)
    return res


def table(results: dict[str, Any]) -> str:
    lines = [f"{'measure':44s} {'value':>10s} {'goal':>8s}  met", "-" * 70]
    for key, value in results.items():
        if not isinstance(value, (int, float)):
            continue
        goal = GOALS.get(key)
        met = "" if goal is None else ("yes" if value <= goal else "NO")
        lines.append(f"{key:44s} {value:10.3f} {'' if goal is None else goal:>8}  {met}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=5000)
    p.add_argument("--changes", type=int, default=500)
    p.add_argument("--repeats", type=int, default=15)
    p.add_argument("--json", default=str(ROOT / "benchmarks" / "results_soak.json"))
    args = p.parse_args(argv)
    app, w = make_window()
    results: dict[str, Any] = {}
    s = soak(app, w, args.steps, args.changes)
    results["soak_item_count_drift"] = float(s["item_count_drift"])
    results["soak_rss_growth_mb"] = s["rss_growth_mb"]
    results["soak_step_ms_median"] = s["step_ms_median"]
    results["soak_change_ms_median"] = s["change_ms_median"]
    results.update(large(app, w, args.repeats))
    results.update(breakdown(app, w, args.repeats * 2))
    w.close()
    print(table(results))
    print(f"soak: {s['steps']} steps, {s['changes']} changes; items at the start setting "
          f"{s['items_at_start_setting']}; RSS {s['rss_start_mb']:.1f} -> {s['rss_end_mb']:.1f} MB")
    doc = {"results": results, "goals": GOALS, "soak": s,
           "load_average_1_5_15": list(os.getloadavg())}
    Path(args.json).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
