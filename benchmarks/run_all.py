"""Run every benchmark and print one table: measure, median, goal, met?

Run: QT_QPA_PLATFORM=offscreen python benchmarks/run_all.py [--quick] [--json benchmarks/results.json]

Each benchmark runs as its own subprocess (a fresh interpreter, as a user starts the app):
bench_core (conv1d vs torch, traces), bench_gui (argument change, animation step, cold start,
memory), bench_export (PNG, GIF) and bench_soak (soak, large inputs, paint breakdown).  Their
JSON goes to a temporary folder; this script gathers the measures that have goals into
``benchmarks/results.json`` with the machine they ran on (CPU, cores, RAM, versions, date)
and the load average before and after, because the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for mod in ("numpy", "PySide6", "pyqtgraph", "torch", "PIL"):
        try:
            versions[mod] = __import__(mod).__version__
        except Exception:
            versions[mod] = None
    return {
        "cpu_model": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "platform": platform.platform(),
        "qt_qpa_platform": os.environ.get("QT_QPA_PLATFORM"),
        "versions": versions,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def run(script: str, args: list[str], out: Path) -> tuple[dict[str, Any] | None, float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / script), "--json", str(out), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        return None, seconds, proc.stdout[-2000:] + proc.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8")), seconds, proc.stdout


def rows_from(
    core: dict | None, gui: dict | None, export: dict | None, soak: dict | None
) -> list[dict[str, Any]]:
    """(measure, median, unit, goal, op): only what the issues set goals for, plus context rows."""
    rows: list[dict[str, Any]] = []

    def add(measure: str, value: float | None, unit: str, goal: float | None, op: str = "<=",
            note: str = "") -> None:
        met = None
        if value is not None and goal is not None:
            met = value == goal if op == "==" else (value < goal if op == "<" else value <= goal)
        rows.append({"measure": measure, "median": value, "unit": unit, "goal": goal, "op": op, "met": met,
                     "note": note})

    if core:
        by_case = {r["case"]: r for r in core["rows"]}
        conv = next((r for c, r in by_case.items() if c.startswith("conv1d (32,50,300)")), None)
        torch_row = next((r for c, r in by_case.items() if c.startswith("torch")), None)
        add("conv1d (32,50,300) f32, 100 filters k=4 same", conv and conv["median_ms"], "ms", None)
        add("torch F.conv1d, same data", torch_row and torch_row["median_ms"], "ms", None)
        add("conv1d / torch ratio", core.get("ratio_ours_over_torch"), "x", 1.0)
        small = next((r for c, r in by_case.items() if c.startswith("trace (1,16,4)")), None)
        mat = next((r for c, r in by_case.items() if c.startswith("trace (1,50,300)")), None)
        add("trace classroom (1,16,4), 3 filters k=3", small and small["median_ms"], "ms", 1.0, "<")
        add("trace material (1,50,300), 100 filters", mat and mat["median_ms"], "ms", 20.0, "<")
    if gui:
        g = gui.get("results", gui)  # bench_gui writes its keys at the top level
        add("GUI argument change -> repainted, classroom", g.get("arg_change_classroom_ms"), "ms", 16.0)
        add("GUI argument change -> repainted, classroom, DPR 2", g.get("arg_change_classroom_2x_ms"), "ms",
            25.0)
        add("GUI argument change -> repainted, seed-embedding", g.get("arg_change_seed_embedding_ms"), "ms",
            50.0)
        add("GUI animation step, 16 steps", g.get("animation_step_16_ms"), "ms", 4.0)
        add("GUI animation step, 1024 steps", g.get("animation_step_1024_ms"), "ms", 4.0)
        add("GUI animation step, 16 steps, DPR 2", g.get("animation_step_2x_ms"), "ms", 8.0)
        add("cold start to first painted window", g.get("cold_start_s"), "s", 1.5)
    if export:
        e = export["results"]
        add("PNG export at 1920 px", e.get("png_1920_s", {}).get("median"), "s", 0.5)
        add("GIF of the classroom sweep", e.get("gif_classroom_s", {}).get("median"), "s", 5.0)
    if soak:
        s = soak["results"]
        add("soak: graphics items drift at one setting", s.get("soak_item_count_drift"), "items", 0.0, "==")
        add("soak: RSS growth after warm-up", s.get("soak_rss_growth_mb"), "MB", 5.0)
        add("large: argument change, seed-embedding (soak run)", s.get("large_seed_embedding_arg_change_ms"),
            "ms", 100.0)
        add("large: animation step, seed-embedding", s.get("large_seed_embedding_step_ms"), "ms", 5.0)
        add("large: argument change, 4096 x 64", s.get("large_4096x64_arg_change_ms"), "ms", 100.0,
            note="goal borrowed from seed-embedding ('stays responsive')")
        add("large: animation step, 4096 x 64", s.get("large_4096x64_step_ms"), "ms", 5.0)
        for where, label in (("window", "whole window"), ("diagram_only", "side panels hidden")):
            for kind, goal, what in (("change", 16.0, "argument change"), ("step", 5.0, "animation step")):
                for part in ("update", "paint", "total"):
                    add(f"breakdown: classroom {what}, {label}, {part}",
                        s.get(f"breakdown_{where}_{kind}_{part}_ms"), "ms", goal if part == "total" else None)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    width = max(len(r["measure"]) for r in rows)
    lines = [f"{'measure':<{width}}  {'median':>10}  {'goal':>10}  met", "-" * (width + 30)]
    for r in rows:
        value = "n/a" if r["median"] is None else f"{r['median']:.3g} {r['unit']}"
        goal = "" if r["goal"] is None else f"{r['op'].replace('<=', '≤')} {r['goal']:g} {r['unit']}"
        met = "" if r["met"] is None else ("yes" if r["met"] else "NO")
        lines.append(f"{r['measure']:<{width}}  {value:>10}  {goal:>10}  {met}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--json", default=str(HERE / "results.json"))
    p.add_argument("--quick", action="store_true", help="fewer repeats and a short soak (a smoke run)")
    args = p.parse_args(argv)
    quick = args.quick
    info = machine()
    load_start = list(os.getloadavg())
    tmp = Path(tempfile.mkdtemp(prefix="conv1d_bench_"))
    plan = {
        "core": ("bench_core.py", ["--runs", "20" if quick else "40"]),
        "gui": ("bench_gui.py", ["--repeats", "10" if quick else "30"]),
        "export": ("bench_export.py", ["--repeats", "3" if quick else "5"]),
        "soak": ("bench_soak.py", ["--steps", "500", "--changes", "55", "--repeats", "5"] if quick else []),
    }
    raw: dict[str, Any] = {}
    runs: dict[str, Any] = {}
    for name, (script, extra) in plan.items():
        print(f"running {script} ...", flush=True)
        data, seconds, output = run(script, extra, tmp / f"{name}.json")
        raw[name] = data
        runs[name] = {"seconds": round(seconds, 1), "ok": data is not None}
        if data is None:
            print(f"  {script} FAILED:\n{output}", flush=True)
    load_end = list(os.getloadavg())
    rows = rows_from(raw["core"], raw["gui"], raw["export"], raw["soak"])
    print()
    print(table(rows))
    print(f"\n{info['cpu_model']}, {info['cores']} cores, {info['ram_gb']} GB RAM; "
          f"load average {load_start[0]:.2f} at start, {load_end[0]:.2f} at end")
    doc = {
        "machine": info,
        "load_average_start_1_5_15": load_start,
        "load_average_end_1_5_15": load_end,
        "quick": quick,
        "rows": rows,
        "runs": runs,
        "raw": raw,
    }
    Path(args.json).write_text(json.dumps(doc, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0 if all(runs[n]["ok"] for n in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
