"""Pictures of the matrix and signal views (PNG, SVG, PDF), offscreen as the window draws them.

The grid is the diagram (:mod:`app.export.writers`); ``matrix`` and ``signal`` are drawn by
:class:`~app.views.matrix_view.MatrixView` and :class:`~app.views.signal_view.SignalView` on a
private state, then written through :func:`app.export.sheet.write_views` under a heading: the
layer as Keras code with its shapes, and the view's own caption.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.export.render import DEFAULT_LAYOUT, caption_lines, ensure_app, quiet_offscreen_window
from app.export.sheet import write_views

__all__ = ["COMPANION_PICTURES", "OffscreenPicture", "write_picture"]

COMPANION_PICTURES = ("matrix", "signal", "transpose")  # "transpose": a Conv1DTranspose's scatter


class OffscreenPicture:
    """A private state and a matrix, signal or Conv1DTranspose view showing ``session``, never on screen.

    Used as :class:`~app.export.render.OffscreenDiagram` is (``state``, ``widget``, ``error``, a context
    manager); ``widget`` is the :class:`MatrixView`, :class:`SignalView` or :class:`TransposeView`.
    """

    def __init__(self, session: Any, picture: str, size: tuple[int, int] = DEFAULT_LAYOUT) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from app.state.explorer import ExplorerState
        from app.views.matrix_view import MatrixView
        from app.views.signal_view import SignalView
        from app.views.transpose_view import TransposeView

        if picture not in COMPANION_PICTURES:
            raise ValueError(f"unknown picture {picture!r}")
        ensure_app()
        self.state = ExplorerState(debounce_ms=0)
        self.state.load_session(session)
        self.state.flush()
        self.widget: MatrixView | SignalView | TransposeView
        if picture == "matrix":
            self.widget = MatrixView(self.state)
        elif picture == "signal":
            self.widget = SignalView(self.state)
        else:
            self.widget = TransposeView(self.state)
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.widget.resize(int(size[0]), int(size[1]))
        with quiet_offscreen_window():
            self.widget.show()
        for _ in range(3):
            QApplication.processEvents()

    @property
    def error(self) -> Any:
        return self.state.error

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()
        self.state.deleteLater()

    def __enter__(self) -> OffscreenPicture:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_picture(view: Any, path: str | os.PathLike[str], width: int | None = None) -> Path:
    """Write a matrix or signal view (``view.widget``) to PNG, SVG or PDF with its heading."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    state = view.state
    tt = state.transpose_trace
    if tt is not None:  # a Conv1DTranspose: its call and shapes (the view's caption says the rest)
        shape = tuple(int(v) for v in state.x.shape)
        heading = [QCoreApplication.translate("export", "{call}:  input {shape_in} → output {shape_out}").format(
            call=tt.spec.keras_call(), shape_in=shape, shape_out=tt.spec.output_shape(shape))]
    else:
        heading = caption_lines(state)[:2]
    # the view's caption, a sentence a line (the heading does not wrap)
    heading += [part.strip() + end for part, end in _sentences(view.widget.caption.text())]
    return write_views(path, [("", view.widget.graphics)], heading, width, ink=view.widget.theme.foreground)


def _sentences(text: str) -> list[tuple[str, str]]:
    """``text`` cut after each full stop (English ". " or Chinese "。"): (sentence, its stop) pairs."""
    import re

    parts = re.split(r"(?<=[.。])\s*", text.strip())
    return [(p[:-1], p[-1]) if p[-1:] in ".。" else (p, "") for p in parts if p]
