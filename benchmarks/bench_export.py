"""Export benchmarks (offscreen): a 1920-px PNG of the diagram, the GIF of the classroom sweep,
and the SVG / PDF of the same picture.  Medians of repeated runs; prints a table and writes JSON.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_export.py [--repeats 5]
     [--json benchmarks/results_export.json]

"png_1920" renders the live diagram widget to a 1920-px PNG and writes it (what *File → Export*
does); "gif_classroom" is the whole job of `conv1d-explorer export --example classroom -o x.gif`
after start-up: an offscreen diagram, 42 frames with captions, quantised and written.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOALS = {"png_1920_s": 0.5, "gif_classroom_s": 5.0}


def _median(fn, repeats: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results_export.json"))
    args = parser.parse_args(argv)

    from PIL import Image

    from app.export.options import ExportOptions
    from app.export.render import OffscreenDiagram, ensure_app
    from app.export.writers import export_diagram, export_session
    from app.io.examples import load_example

    ensure_app()
    session = load_example("classroom").with_view(position=20)
    out = Path(tempfile.mkdtemp(prefix="bench_export_"))
    results: dict[str, dict[str, object]] = {}
    with OffscreenDiagram(session, (1200, 750)) as view:
        export_diagram(view.widget, out / "warm.png", ExportOptions(width=1920))  # fonts, caches
        med, runs = _median(
            lambda: export_diagram(view.widget, out / "d.png", ExportOptions(width=1920)), args.repeats
        )
        results["png_1920_s"] = {"median": med, "runs": runs}
        med, runs = _median(lambda: export_diagram(view.widget, out / "d.svg"), args.repeats)
        results["svg_s"] = {"median": med, "runs": runs}
        med, runs = _median(lambda: export_diagram(view.widget, out / "d.pdf"), args.repeats)
        results["pdf_s"] = {"median": med, "runs": runs}
    gif_repeats = max(1, min(args.repeats, 3))
    med, runs = _median(
        lambda: export_session(load_example("classroom"), out / "sweep.gif", ExportOptions()), gif_repeats
    )
    results["gif_classroom_s"] = {"median": med, "runs": runs}
    with Image.open(out / "sweep.gif") as im:
        frames, size = im.n_frames, im.size

    print(f"{'benchmark':<18} {'median (s)':>11} {'goal (s)':>9}  ok")
    for key, res in results.items():
        goal = GOALS.get(key)
        ok = "" if goal is None else ("yes" if res["median"] <= goal else "NO")  # type: ignore[operator]
        goal_text = "" if goal is None else f"{goal:.1f}"
        print(f"{key:<18} {res['median']:>11.3f} {goal_text:>9}  {ok}")
    print(f"GIF: {frames} frames of {size[0]} x {size[1]} px")
    doc = {
        "python": sys.version.split()[0],
        "platform": os.environ.get("QT_QPA_PLATFORM"),
        "repeats": args.repeats,
        "gif_frames": frames,
        "gif_size": list(size),
        "goals": GOALS,
        "results": results,
    }
    Path(args.json).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
