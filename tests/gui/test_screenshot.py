import subprocess
import sys

import numpy as np
from PySide6.QtGui import QImage


def test_screenshot_mode_writes_nonblank_png(tmp_path):
    out = tmp_path / "shot.png"
    r = subprocess.run(
        [sys.executable, "-m", "app", "--screenshot", str(out), "--example", "classroom",
         "--size", "1200x800", "--step", "4"],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert r.returncode == 0, r.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1200, 800)
    ptr = img.convertToFormat(QImage.Format.Format_RGB32).constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8).reshape(800, 1200, 4)
    assert len(np.unique(arr.reshape(-1, 4), axis=0)) > 50  # many colours: the heat maps are drawn


def test_screenshot_bad_example_exits_2(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "app", "--screenshot", str(tmp_path / "x.png"), "--example", "nope"],
        capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "no example named 'nope'" in r.stderr
