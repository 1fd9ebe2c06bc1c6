"""Start the window, or render it to a PNG (``--screenshot``) and exit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "make_app"]


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="conv1d-explorer", description="Conv1D Explorer")
    p.add_argument("session", nargs="?", help="a session file (.json) to open")
    p.add_argument("--example", help="open a built-in example (see `conv1d-explorer examples`)")
    p.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    p.add_argument("--size", default="1600x1000", help="window size WxH (default 1600x1000)")
    p.add_argument("--step", type=int, default=None, help="animation position to show")
    p.add_argument("--lang", default=None,
                   help="UI language: en, zh_CN or zh_TW (default: the last choice, else the system locale)")
    return p.parse_args(list(argv))


def make_app() -> object:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Conv1D Explorer")
    app.setOrganizationName("Conv1D Explorer")
    from app.i18n.languages import load_bundled_font

    load_bundled_font()  # Chinese renders even where the system has no CJK font (DESIGN.md §3)
    return app


def main(argv: Sequence[str]) -> int:
    args = _parse(argv)
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        sys.stderr.write(f"conv1d-explorer: error: --size must look like 1600x1000, got {args.size!r}\n")
        return 2
    from app.i18n.languages import normalize_language

    if args.lang is not None and normalize_language(args.lang) is None:
        sys.stderr.write(f"conv1d-explorer: error: --lang must be en, zh_CN or zh_TW, got {args.lang!r}\n")
        return 2
    if args.session and args.example:
        sys.stderr.write("conv1d-explorer: error: give a session file or --example, not both\n")
        return 2
    from app.io.session import SessionError, load_session

    session = None
    try:
        if args.example:
            from app.io.examples import load_example

            session = load_example(args.example)
        elif args.session:
            session = load_session(args.session)
    except SessionError as exc:
        sys.stderr.write(f"conv1d-explorer: error: {exc}\n")
        return 2
    app = make_app()
    from app.i18n.languages import set_language, startup_language
    from app.main_window import MainWindow

    set_language(startup_language(args.lang))  # before any widget exists, so every text starts translated
    window = MainWindow()
    if session is not None:
        window.state.load_session(session)
    if args.step is not None:
        window.state.set_position(args.step)
    window.resize(w, h)
    if args.screenshot:
        from app.export.screenshot import grab_window

        out = Path(args.screenshot)
        image = grab_window(window)
        if not image.save(str(out)):
            sys.stderr.write(f"conv1d-explorer: error: cannot write {out}\n")
            return 2
        print(out)
        return 0
    window.show()
    from app.features.tour import maybe_start_tour

    maybe_start_tour(window)  # first launch only; never offscreen
    # Crash recovery and autosave run only here, never in tests or --screenshot.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window.file_actions.start_interactive)
    return int(app.exec())  # type: ignore[attr-defined]
