"""Start the window, or render it to a PNG (``--screenshot``) and exit."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.arguments import CliError, Parser, check_output_path, check_position

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from app.io.session import Session
    from app.main_window import MainWindow

__all__ = ["main", "make_app"]


# --screenshot sizes: a usable window up to an 8K screen (a bigger one makes Qt warn thousands of times
# and can crash the raster engine; a tiny one is a useless picture).
SIZE_RANGE = ((320, 240), (7680, 4320))


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    p = Parser(prog="conv1d-explorer", description="Conv1D Explorer: open the window, or render it to a PNG.")
    p.add_argument("session", nargs="?", metavar="SESSION.json", help="a session file (.json) to open")
    p.add_argument("--example", metavar="NAME", help="open a built-in example (see `conv1d-explorer examples`)")
    p.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    p.add_argument("--size", metavar="WxH", default=None, help="window size (default 1600x1000)")
    p.add_argument("--step", metavar="N", type=int, default=None, help="animation position to show")
    p.add_argument("--lang", metavar="LANG", default=None,
                   help="UI language: en, zh_CN or zh_TW (default: the last choice, else the system locale)")
    return p.parse_args(list(argv))


def _size(text: str) -> tuple[int, int]:
    """``--size WxH`` within SIZE_RANGE, else a one-line CliError."""
    (w_min, h_min), (w_max, h_max) = SIZE_RANGE
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise CliError(f"--size must look like 1600x1000, got {text[:60]!r}") from None
    if not (w_min <= w <= w_max and h_min <= h <= h_max):
        raise CliError(f"--size must be between {w_min}x{h_min} and {w_max}x{h_max}, got {w}x{h}")
    return w, h


def make_app() -> object:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if gc.isenabled():
        _pause_collector_until_events(app)
    app.setApplicationName("Conv1D Explorer")
    app.setOrganizationName("Conv1D Explorer")
    from app.i18n.languages import load_bundled_font

    load_bundled_font()  # Chinese renders even where the system has no CJK font (DESIGN.md §3)
    return app


def _pause_collector_until_events(app: QObject) -> None:
    """Pause Python's cyclic garbage collector while the window is built, until events are first processed.

    The start creates a few hundred thousand long-lived objects (modules, widgets, plots) and no
    garbage worth collecting; the collector walked them all, a full collection included (about 0.1 s of
    the start).  When it resumes, everything alive then is frozen out of later collections
    (``gc.freeze``), so a full collection during an animation no longer walks it either.
    """
    from PySide6.QtCore import QTimer

    def resume() -> None:
        gc.freeze()
        gc.enable()

    gc.disable()
    QTimer.singleShot(0, app, resume)  # with the app as context: never called on a destroyed object


# Qt's offscreen platform warns about this on every window it shows; it says nothing to the user.
_OFFSCREEN_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})


def _quiet_offscreen_noise() -> None:
    """In --screenshot mode, keep stderr for what matters: drop the offscreen plugin's known noise."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        if message not in _OFFSCREEN_NOISE:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def main(argv: Sequence[str]) -> int:
    try:
        args = _parse(argv)
    except SystemExit as exc:  # --help (0) or a bad argument (2, one line already written)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _run(args)
    except CliError as exc:
        sys.stderr.write(f"conv1d-explorer: error: {exc}\n")
        return 2


def _run(args: argparse.Namespace) -> int:
    """Every argument is checked before the window is built; problems are one-line CliErrors."""
    from app.i18n.languages import normalize_language

    size = _size(args.size) if args.size is not None else (1600, 1000)
    if args.lang is not None and normalize_language(args.lang) is None:
        raise CliError(f"--lang must be en, zh_CN or zh_TW, got {args.lang[:60]!r}")
    if args.session and args.example:
        raise CliError("give a session file or --example, not both")
    out = check_output_path(args.screenshot, (".png",)) if args.screenshot else None
    from app.io.session import SessionError, load_session

    session = None
    try:
        if args.example:
            from app.io.examples import load_example

            session = load_example(args.example)
        elif args.session:
            session = load_session(args.session)
    except SessionError as exc:
        raise CliError(str(exc)) from None
    app = make_app()
    if out is not None:
        _quiet_offscreen_noise()
    from app.i18n.languages import set_language, startup_language
    from app.main_window import MainWindow

    set_language(startup_language(args.lang))  # before any widget exists, so every text starts translated
    window = MainWindow()
    try:
        return _show(app, window, args, size, session, out)
    finally:
        # Deleted here, while Python is whole: left to the interpreter's exit, the window (kept alive by its
        # own signal connections) was torn down by PySide's last clean-up, which could crash (exit 139).
        import shiboken6

        if shiboken6.isValid(window):
            shiboken6.delete(window)


def _show(app: object, window: MainWindow, args: argparse.Namespace, size: tuple[int, int],
          session: Session | None, out: Path | None) -> int:
    """Fill the window from the arguments, then render it to ``out`` or run the app until it is closed."""
    if session is not None:
        window.state.load_session(session)
    if args.step is not None:
        check_position(args.step, window.state.position_count)
        window.state.set_position(args.step)
    remembered = out is None and window.restore_layout()  # the interactive window comes back as it was left
    if not remembered or args.size is not None:
        window.resize(*size)
    if out is not None:
        from app.export.screenshot import grab_window
        from app.io.atomic import atomic_path

        image = grab_window(window)
        try:
            with atomic_path(out) as tmp:
                if not image.save(str(tmp)):  # the temporary name ends in .png
                    raise CliError(f"cannot write {out}: Qt could not encode the PNG")
        except OSError as exc:
            raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
        print(out)
        return 0
    window.show()
    from app.features.tour import maybe_start_tour

    maybe_start_tour(window)  # first launch only; never offscreen
    # Crash recovery and autosave run only here, never in tests or --screenshot.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window.file_actions.start_interactive)
    return int(app.exec())  # type: ignore[attr-defined]
