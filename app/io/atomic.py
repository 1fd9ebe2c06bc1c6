"""The one atomic writer: a file is replaced whole or not at all.

Sessions, autosave, generated code and every export go through :func:`atomic_path`
(a temporary file beside the target, renamed over it when the write succeeded), so a
full disk, a crash or a cancelled export never leaves half a file or a stray temporary.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "atomic_write_bytes", "atomic_write_text", "new_file_mode", "remove_stale_temps"]

STALE_TEMP_SECONDS = 600  # a write takes milliseconds: a temporary this old was left by a killed process


def new_file_mode(path: str | os.PathLike[str]) -> int:
    """Permissions for a file replacing ``path``: the old file's, else the usual ones (0o666 minus umask).

    ``tempfile.mkstemp`` makes 0o600 files; a renamed temp file would otherwise become private.
    """
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` (same extension, for writers that go by it).

    When the block succeeds it is renamed over ``path`` with ``path``'s permissions;
    whatever happens, no temporary file is left behind.  When ``path`` is a symlink, the file it
    points to is replaced and the link stays.
    """
    target = Path(path)
    if target.is_symlink():  # write the file the link points to, keep the link (a rename would replace it)
        target = Path(os.path.realpath(target))
    parent = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix or ".tmp", dir=str(parent))
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, new_file_mode(target))
        os.replace(tmp_path, target)
    finally:
        with contextlib.suppress(OSError):
            tmp_path.unlink()


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` through :func:`atomic_path`, fsynced before the rename.

    A failure at any point (a full disk, a crash, an error in the rename)
    leaves the old file untouched and no temporary file behind.
    """
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """UTF-8 text through :func:`atomic_write_bytes`: the old file survives any failure."""
    atomic_write_bytes(path, text.encode("utf-8"))


def remove_stale_temps(path: str | os.PathLike[str], older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete the temporaries :func:`atomic_path` left beside ``path`` when a process was killed mid-write.

    Only files named like ours (``.NAME.*SUFFIX``) and older than ``older_than`` seconds are removed,
    so a write in progress in another window is never touched.  Returns what was removed.
    """
    target = Path(path)
    suffix = target.suffix or ".tmp"
    now = time.time()
    removed: list[Path] = []
    parent = target.parent if str(target.parent) else Path(".")
    with contextlib.suppress(OSError):
        for tmp in parent.glob(f".{glob.escape(target.name)}.*{glob.escape(suffix)}"):
            with contextlib.suppress(OSError):
                st = tmp.lstat()
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime > older_than:
                    tmp.unlink()
                    removed.append(tmp)
    return removed
