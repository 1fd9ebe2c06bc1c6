"""Run the room matrix for one scale factor and write what the audits found as JSON.

    QT_QPA_PLATFORM=offscreen python tests/visual/run_rooms.py --scale 1 --out rooms-1.json
    python tests/visual/run_rooms.py --scale 2 --out rooms-2.json --sheets docs/screenshots/rooms

Qt fixes the scale factor (``QT_SCALE_FACTOR``) when the application starts, so each scale factor
runs in a process of its own (``tests/visual/test_rooms.py`` starts them side by side).  Every room
is laid out once; all audits read that layout.  ``--sheets DIR`` also renders each room and writes
one contact sheet per screen size (``rooms-1280x800.png``, ...), each thumbnail labelled with its
room (*example · picture · mode · theme · language*, the picture named when the room switches it);
``--full DIR`` keeps every room's full-size picture too (for a closer look).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THUMB_W = 480  # device-independent pixels per thumbnail on a contact sheet
SHEET_COLUMNS = 6


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=int, choices=(1, 2), required=True)
    p.add_argument("--out", type=Path, required=True, help="where to write the findings (JSON)")
    p.add_argument("--sheets", type=Path, default=None, help="write contact sheets into this folder")
    p.add_argument("--full", type=Path, default=None, help="write every room's full-size picture here")
    p.add_argument("--only", default="", help="run only rooms whose id contains this text")
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _parse(argv)
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CONV1D_EXPLORER_NO_TOUR"] = "1"
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    from app.gui import make_app

    settings_dir = tempfile.mkdtemp(prefix="rooms-settings-")  # never the user's language or panels
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = make_app()
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(lambda *_: None)  # the offscreen plugin's noise; findings are the output
    from app.io.examples import example_names
    from app.main_window import MainWindow
    from tests.visual.rooms import apply_room, audit_window, rooms_for_scale

    window = MainWindow()
    window.state._timer.setInterval(0)
    window.show()
    rooms = [r for r in rooms_for_scale(args.scale, list(example_names())) if args.only in r.id]
    results = []
    thumbs: dict[str, list[tuple[str, object]]] = {}
    started = time.perf_counter()
    for room in rooms:
        t0 = time.perf_counter()
        apply_room(window, room)
        findings = audit_window(window, room)
        results.append({
            "id": room.id,
            "findings": [{"item": f.item, "problem": f.problem} for f in findings],
            "seconds": round(time.perf_counter() - t0, 4),
        })
        if args.sheets is not None or args.full is not None:
            picture = window.grab()
            if args.full is not None:
                args.full.mkdir(parents=True, exist_ok=True)
                picture.save(str(args.full / f"{room.id}.png"))
            if args.sheets is not None:
                from PySide6.QtCore import Qt

                thumb = picture.toImage().scaledToWidth(THUMB_W, Qt.TransformationMode.SmoothTransformation)
                thumb.setDevicePixelRatio(1.0)  # a 2x grab keeps its ratio: drawn at half size otherwise
                shown = [room.example, room.picture, room.mode, room.theme, room.lang]
                label = " · ".join(part for part in shown if part) + (
                    f" · {len(findings)} findings" if findings else "")
                thumbs.setdefault(room.size, []).append((label, thumb))
    elapsed = time.perf_counter() - started
    if args.sheets is not None:
        for size, items in thumbs.items():
            _write_sheet(args.sheets / f"rooms-{size}.png", size, items)
    args.out.write_text(json.dumps({"scale": args.scale, "seconds": round(elapsed, 2), "rooms": results}, indent=1),
                        encoding="utf-8")
    window.close()
    del app
    return 0


def _write_sheet(path: Path, size: str, items: list[tuple[str, object]]) -> None:
    """A grid of labelled thumbnails, one per room of this size."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    label_h, gap, head = 24, 10, 44
    th = max(img.height() for _, img in items)  # type: ignore[attr-defined]
    cols = min(SHEET_COLUMNS, len(items))
    rows = (len(items) + cols - 1) // cols
    sheet = QImage(cols * (THUMB_W + gap) + gap, head + rows * (th + label_h + gap) + gap, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#d0d0d0"))
    p = QPainter(sheet)
    font = QFont()
    font.setPixelSize(26)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#000000"))
    p.drawText(QRect(gap, 0, sheet.width(), head), Qt.AlignmentFlag.AlignVCenter,
               f"Conv1D Explorer, room matrix at {size}: example · mode · theme · language")
    font.setPixelSize(15)
    font.setBold(False)
    p.setFont(font)
    for n, (label, img) in enumerate(items):
        r, c = divmod(n, cols)
        x, y = gap + c * (THUMB_W + gap), head + r * (th + label_h + gap)
        p.drawImage(x, y, img)  # type: ignore[call-overload]
        p.setPen(QColor("#b00020") if "findings" in label else QColor("#000000"))
        p.drawText(QRect(x, y + th, THUMB_W, label_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   label)
    p.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(str(path))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
