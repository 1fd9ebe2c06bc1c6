"""What an export is asked for: the formats, the panels, the options, and the one-line errors."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ANIMATED",
    "FORMATS",
    "MAX_FRAMES",
    "PAGES",
    "PANELS",
    "VIDEO_HINT",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "Progress",
    "format_of",
    "video_available",
]

FORMATS = ("png", "svg", "pdf", "gif", "mp4")
ANIMATED = ("gif", "mp4")
PANELS = ("diagram", "input", "kernels", "output")
PAGES = ("a4", "letter")  # PDF handout pages (the picture fitted inside 10 mm margins)
MAX_WIDTH = 8000
MAX_FRAMES = 1000  # an animation of more positions is refused (at 500 ms a frame, over 8 minutes)
VIDEO_HINT = "MP4 needs the optional 'video' extra: pip install 'conv1d-explorer[video]' (imageio-ffmpeg)"

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class ExportError(ValueError):
    """An export that cannot be done (unknown format, unwritable path, missing extra); one line."""


class ExportCancelled(Exception):
    """The user cancelled a long export; nothing was written."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how.

    ``width`` is in pixels for PNG, GIF and MP4 (the logical layout width for SVG and
    PDF); ``dpi`` is the PNG alternative (``width = layout width * dpi / 96``).
    ``positions`` limits an animation to these positions (default: the whole sweep).
    ``page`` ("a4" or "letter") puts a PDF on that paper size, the picture fitted inside 10 mm
    margins (landscape when the picture is wider than tall); default: one page the picture's size.
    """

    panel: str = "diagram"
    width: int | None = None
    dpi: float | None = None
    frame_ms: int = 500
    caption: bool = True
    positions: tuple[int, ...] | None = None
    page: str | None = None

    def __post_init__(self) -> None:
        if self.panel not in PANELS:
            raise ExportError(f"unknown panel {self.panel!r}; choose one of {', '.join(PANELS)}")
        if self.width is not None and not 16 <= self.width <= MAX_WIDTH:
            raise ExportError(f"width must be between 16 and {MAX_WIDTH} pixels, got {self.width}")
        if self.dpi is not None and not 24 <= self.dpi <= 1200:
            raise ExportError(f"dpi must be between 24 and 1200, got {self.dpi:g}")
        if self.page is not None and self.page not in PAGES:
            raise ExportError(f"unknown page size {self.page!r}; choose one of {', '.join(PAGES)}")
        if not 20 <= self.frame_ms <= 10_000:
            raise ExportError(f"frame time must be between 20 and 10000 ms, got {self.frame_ms}")


def format_of(path: str | os.PathLike[str]) -> str:
    """The export format named by the file extension (``ExportError`` for any other)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        shown = f".{suffix}" if suffix else "no extension"
        raise ExportError(
            f"cannot export to {shown}: the file name must end in {', '.join('.' + f for f in FORMATS)}"
        )
    return suffix


def video_available() -> bool:
    """True when the optional ``video`` extra (imageio-ffmpeg) is installed."""
    import importlib.util

    return importlib.util.find_spec("imageio_ffmpeg") is not None
