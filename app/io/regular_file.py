"""Reading a user's file within a byte budget, refusing anything that is not a regular file.

Pure Python (no Qt).  A FIFO blocks ``open()`` forever, ``/dev/zero`` and ``/dev/urandom`` never end,
and a symlink can point at any of them; so every reader of a file a user names (sessions, imports)
goes through :func:`read_regular_bytes`: ``os.stat`` after resolving symlinks, ``stat.S_ISREG`` before
opening, an ``O_NONBLOCK`` open (a FIFO swapped in after the check cannot block either), the type
checked again on the open descriptor, and never more than ``max_bytes + 1`` bytes read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["FileRefused", "check_regular_file", "read_regular_bytes"]


class FileRefused(ValueError):
    """A path that is not a readable regular file within the budget; the message says why, in one line."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check(path: Path, mode: int, size: int, max_bytes: int, what: str) -> None:
    if not stat.S_ISREG(mode):
        raise FileRefused(f"{path.name} is {_kind(mode)}, not a {what} file")
    if size > max_bytes:
        raise FileRefused(
            f"{path.name} is {size / 1e6:.1f} MB, over the app's limit of {max_bytes / 1e6:.0f} MB for a {what} file"
        )


def check_regular_file(path: str | os.PathLike[str], max_bytes: int, what: str) -> int:
    """The size of ``path`` when it is (or links to) a regular file of at most ``max_bytes``; else FileRefused."""
    p = Path(path)
    try:
        st = os.stat(p)  # follows symlinks: a link to /dev/zero is a device
    except OSError as exc:
        raise FileRefused(f"cannot open {p}: {exc.strerror or exc}") from None
    _check(p, st.st_mode, st.st_size, max_bytes, what)
    return st.st_size


def read_regular_bytes(path: str | os.PathLike[str], max_bytes: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (``what`` names the kind in messages)."""
    p = Path(path)
    check_regular_file(p, max_bytes, what)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise FileRefused(f"cannot open {p}: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)  # the file actually opened, in case the path changed since the check
        _check(p, st.st_mode, st.st_size, max_bytes, what)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise FileRefused(f"cannot read {p}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # it grew while we read
        raise FileRefused(f"{p.name} is over the app's limit of {max_bytes / 1e6:.0f} MB for a {what} file")
    return data
