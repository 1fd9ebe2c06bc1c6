"""Autosave and crash recovery, as plain files in one folder (no Qt, so it is tested directly).

The folder (the app-data folder in the GUI) holds:

* ``autosave.json`` — the current work, a normal session file, written atomically;
* ``clean-exit`` — a marker written when the app quits normally.

While the app runs the marker is absent.  So at start-up an autosave *with no marker*
means the last run ended without quitting normally (a crash, a kill, a power cut): the
GUI offers to restore it.  A clean exit removes the autosave and writes the marker.

An autosave that cannot be restored (or that the user declines) is never deleted: it is moved
aside as ``autosave-broken-<date>.json`` / ``autosave-declined-<date>.json`` (the newest
:data:`KEEP_ASIDE` of each kind are kept), so the app starts normally and the work can still be
opened by hand.  Temporaries left by a killed write are removed when a run starts.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from app.io.atomic import atomic_write_text, remove_stale_temps
from app.io.session import Session, load_session, session_to_json

__all__ = ["AUTOSAVE_NAME", "CLEAN_EXIT_NAME", "KEEP_ASIDE", "AutosaveStore"]

AUTOSAVE_NAME = "autosave.json"
CLEAN_EXIT_NAME = "clean-exit"
KEEP_ASIDE = 5  # autosaves moved aside, per kind: enough to go back a few crashes, bounded


class AutosaveStore:
    """The autosave file and the clean-exit marker in ``folder``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    @property
    def autosave_path(self) -> Path:
        return self.folder / AUTOSAVE_NAME

    @property
    def marker_path(self) -> Path:
        return self.folder / CLEAN_EXIT_NAME

    def recovery_available(self) -> bool:
        """True when the last run left an autosave and did not exit cleanly."""
        return self.autosave_path.is_file() and not self.marker_path.exists()

    def load_recovery(self) -> Session:
        """The autosaved session (``SessionError`` when it is unreadable)."""
        return load_session(self.autosave_path)

    def saved_at(self) -> float | None:
        """When the autosave was last written (seconds since the epoch), or None."""
        try:
            return self.autosave_path.stat().st_mtime
        except OSError:
            return None

    def set_aside(self, kind: str) -> Path | None:
        """Move the autosave to ``autosave-<kind>-<date>.json`` beside it (kept, never deleted); its new path.

        ``kind`` is ``"broken"`` (it could not be restored) or ``"declined"`` (the user said No).
        Only the newest :data:`KEEP_ASIDE` files of a kind are kept.
        """
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self.saved_at() or time.time()))
        aside = self.folder / f"autosave-{kind}-{stamp}.json"
        n = 1
        while aside.exists():
            n += 1
            aside = self.folder / f"autosave-{kind}-{stamp}-{n}.json"
        try:
            os.replace(self.autosave_path, aside)
        except OSError:
            return None
        older = sorted(self.folder.glob(f"autosave-{kind}-*.json"), key=lambda p: p.stat().st_mtime)
        for old in older[:-KEEP_ASIDE]:
            with contextlib.suppress(OSError):
                old.unlink()
        return aside

    def start_run(self) -> None:
        """A run begins: remove the marker (its absence at the next start means a crash) and stale temporaries."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            self.marker_path.unlink()
        remove_stale_temps(self.autosave_path)

    def discard(self) -> None:
        """Forget the autosave (the user declined recovery, or the work was saved and closed)."""
        with contextlib.suppress(FileNotFoundError):
            self.autosave_path.unlink()

    def write(self, session: Session) -> None:
        """Save the current work atomically (an interrupted write keeps the previous autosave)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.autosave_path, session_to_json(session))

    def clean_exit(self) -> None:
        """A normal quit: no recovery needed next time."""
        self.discard()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.marker_path.write_text("clean exit\n", encoding="utf-8")
