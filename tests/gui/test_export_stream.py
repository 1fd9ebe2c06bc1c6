"""Animations are streamed: memory does not grow with the frame count, and a sweep over the limit is refused."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from PIL import Image

from app.cli import main as cli_main
from app.export.options import MAX_FRAMES
from app.io.examples import load_example
from app.io.session import save_session

# A child process writes a GIF of N synthetic 1200 x 800 frames (different noise each) through
# write_gif and prints its peak resident memory.  Held in memory, 300 such frames would take
# 300 x 0.96 MB (palette) plus their RGB copies: several hundred MB more than 30 frames.
_DRIVER = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    import numpy as np
    from PySide6.QtGui import QImage
    from app.export import writers
    from app.export.options import ExportOptions
    from app.export.render import ensure_app

    ensure_app()
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    rng = np.random.default_rng(0)

    def frames(view, options, progress):
        for _ in range(n):
            a = np.ascontiguousarray(rng.integers(0, 256, (800, 1200, 4), dtype=np.uint8))
            yield QImage(a.data, 1200, 800, 1200 * 4, QImage.Format.Format_RGB32).copy()

    writers._frames = frames
    writers.write_gif(None, out, ExportOptions(frame_ms=40), None)
    print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)


def _peak_mb(n: int, out: Path) -> float:
    r = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(n), str(out)],
        capture_output=True, text=True, timeout=240, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert r.returncode == 0, r.stderr[-2000:]
    with Image.open(out) as im:
        assert im.n_frames == n
    return float(json.loads(r.stdout.strip().splitlines()[-1])["peak_mb"])


def test_gif_memory_does_not_grow_with_the_frame_count(tmp_path: Path) -> None:
    few = _peak_mb(30, tmp_path / "few.gif")
    many = _peak_mb(300, tmp_path / "many.gif")
    print(f"peak memory: 30 frames {few:.0f} MB, 300 frames {many:.0f} MB")
    assert many - few < 40, f"300 frames took {many - few:.0f} MB more than 30: frames are kept in memory"


def test_a_sweep_over_the_frame_limit_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    session = load_example("seed-embedding").with_view(mode="one_filter")  # 100 filters x 50 steps
    path = tmp_path / "embedding.json"
    save_session(session, path)
    out = tmp_path / "sweep.gif"
    assert cli_main(["export", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"5000 frames, over the limit of {MAX_FRAMES}" in err[0] and "--filter" in err[0]
    assert not out.exists() and list(tmp_path.iterdir()) == [path]  # no file, no leftover temporary
    # The advice works: one filter's steps are 50 frames.
    assert cli_main(["export", str(path), "-o", str(out), "--filter", "3", "--width", "320"]) == 0
    with Image.open(out) as im:
        assert im.n_frames == 50
