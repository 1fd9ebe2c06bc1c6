"""The transport bar: first / back / play-pause / forward / last, scrubber, speed, mode.

Animation is a main-thread QTimer that moves the state's position; a step
never rebuilds the scene.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QWidget,
)

from app.state.explorer import ExplorerState

__all__ = ["SPEEDS", "TransportBar", "media_icon"]

# Media glyphs as polygons on a 16 x 16 grid; drawn in the palette's text colour so they
# stay visible on the light, dark and high-contrast themes.
_GLYPHS: dict[str, list[list[tuple[float, float]]]] = {
    "play": [[(4, 2), (14, 8), (4, 14)]],
    "pause": [[(3, 2), (7, 2), (7, 14), (3, 14)], [(9, 2), (13, 2), (13, 14), (9, 14)]],
    "forward": [[(2, 2), (8, 8), (2, 14)], [(8, 2), (14, 8), (8, 14)]],
    "back": [[(14, 2), (8, 8), (14, 14)], [(8, 2), (2, 8), (8, 14)]],
    "last": [[(2, 2), (10, 8), (2, 14)], [(11, 2), (14, 2), (14, 14), (11, 14)]],
    "first": [[(14, 2), (6, 8), (14, 14)], [(2, 2), (5, 2), (5, 14), (2, 14)]],
}


def media_icon(name: str, color: QColor, size: int = 32) -> QIcon:
    """A crisp media-control icon in ``color``."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    scale = size / 16
    for poly in _GLYPHS[name]:
        p.drawPolygon(QPolygonF([QPointF(x * scale, y * scale) for x, y in poly]))
    p.end()
    return QIcon(pix)

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0)  # positions per second
_ANY_SIZE = 16777215  # QWIDGETSIZE_MAX


class SteadyLabel(QLabel):
    """A label whose size stays put while its text changes, growing only when a text needs more room.

    A plain ``QLabel`` asks the whole window to lay itself out again on every ``setText`` (the
    position readout changes on every animation step); a label of fixed size does not.
    :meth:`release` lets it shrink again (a new layer, language or font).
    """

    def __init__(self, min_width: int) -> None:
        super().__init__()
        self._min_width = min_width
        self._pinned: QSize | None = None
        self._widest = ""
        self.setMinimumWidth(min_width)

    def setText(self, text: str) -> None:  # Qt override
        if text == self.text():
            return
        super().setText(text)
        need = self.sizeHint()
        pinned = self._pinned
        if pinned is None or need.width() > pinned.width() or need.height() != pinned.height():
            width = max(need.width(), self._min_width, 0 if pinned is None else pinned.width())
            self._pinned = QSize(width, need.height())
            self.setFixedSize(self._pinned)

    def release(self, widest: str | None = None) -> None:
        """Size to the current text, or to ``widest`` (the longest text expected; by default the last
        one given) if that is larger, and grow from there."""
        if widest is None:
            widest = self._widest
        self._widest = widest
        self._pinned = None
        self.setMinimumSize(self._min_width, 0)
        self.setMaximumSize(_ANY_SIZE, _ANY_SIZE)
        text = self.text()
        if widest:
            super().setText("")
            self.setText(widest)
        super().setText("")
        self.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self._pinned is not None:
            self.release()  # classroom mode's larger text


class Scrubber(QSlider):
    """The position slider; a new value repaints the stretch between the old and the new handle, not the
    whole groove (an animation moves it on every step)."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self._handle = QRect()

    def _handle_rect(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, self)

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:  # Qt override
        if change != QAbstractSlider.SliderChange.SliderValueChange or self._handle.isNull():
            super().sliderChange(change)
            self._handle = self._handle_rect()
            return
        before, self._handle = self._handle, self._handle_rect()
        # the groove left of the handle is filled in some styles: the stretch between the handles changes too
        self.update(before.united(self._handle).adjusted(-2, -2, 2, 2).intersected(self.rect()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._handle = self._handle_rect()


class TransportBar(QWidget):
    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._speed_index = 2
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_tick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.first_button = self._button(self.tr("First position (Home)"), self.first)
        self.back_button = self._button(self.tr("Step back (Left)"), self.back)
        self.play_button = self._button(self.tr("Play / pause (Space)"), self.toggle_play)
        self.forward_button = self._button(self.tr("Step forward (Right)"), self.forward)
        self.last_button = self._button(self.tr("Last position (End)"), self.last)
        for b in (self.first_button, self.back_button, self.play_button, self.forward_button, self.last_button):
            layout.addWidget(b)
        self.scrubber = Scrubber()
        self.scrubber.setObjectName("scrubber")
        self.scrubber.setToolTip(self.tr("Every (step, filter) position; drag to scrub."))
        self.scrubber.valueChanged.connect(self.state.set_position)
        # never squeezed to nothing by the labels beside it (classroom text, a long language)
        self.scrubber.setMinimumWidth(160)
        self.scrubber.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.scrubber, 1)
        self.position_label = SteadyLabel(220)
        self.position_label.setObjectName("position_label")
        self._label_key: tuple[object, ...] = ()
        layout.addWidget(self.position_label)
        self.speed_label = QLabel()
        self.speed_label.setToolTip(self.tr("Animation speed in positions per second (+ / -)."))
        layout.addWidget(self.speed_label)
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.mode.addItem(self.tr("one filter at a time"), "one_filter")
        self.mode.addItem(self.tr("all filters together"), "all_filters")
        self.mode.setToolTip(self.tr("Slide one filter over the whole input before the next, or all filters at once."))
        self.mode.currentIndexChanged.connect(lambda i: self.state.set_mode(self.mode.itemData(i)))
        layout.addWidget(self.mode)
        state.traceChanged.connect(self.sync_from_state)
        state.transposeChanged.connect(self.sync_from_state)
        state.settingsChanged.connect(self.sync_from_state)
        state.positionChanged.connect(self.sync_from_state)
        state.viewChanged.connect(self.sync_from_state)
        state.playingChanged.connect(self._on_playing_changed)
        self._update_speed()
        self._update_icons()
        self.sync_from_state()

    def _button(self, tip: str, slot: object) -> QToolButton:
        b = QToolButton()
        b.setIconSize(QSize(22, 22))
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        return b

    # ----------------------------------------------------------------- actions
    @property
    def playing(self) -> bool:
        return self.state.playing

    @property
    def speed(self) -> float:
        return SPEEDS[self._speed_index]

    def first(self) -> None:
        self.state.set_position(0)

    def last(self) -> None:
        self.state.set_position(self.state.position_count - 1)

    def back(self) -> None:
        self.state.step_by(-1)

    def forward(self) -> None:
        self.state.step_by(1)

    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.state.position >= self.state.position_count - 1:
            self.state.set_position(0)
        self.state.set_playing(True)

    def pause(self) -> None:
        self.state.set_playing(False)

    def _on_playing_changed(self, playing: bool) -> None:
        if playing:
            self.timer.start(int(1000 / self.speed))
        else:
            self.timer.stop()
        self._update_play_icon()

    def faster(self) -> None:
        self._speed_index = min(self._speed_index + 1, len(SPEEDS) - 1)
        self._update_speed()

    def slower(self) -> None:
        self._speed_index = max(self._speed_index - 1, 0)
        self._update_speed()

    def _update_speed(self) -> None:
        self.speed_label.setText(self.tr("{speed:g}/s").format(speed=self.speed))
        if self.playing:
            self.timer.setInterval(int(1000 / self.speed))

    def _update_icons(self) -> None:
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        for button, name in ((self.first_button, "first"), (self.back_button, "back"),
                             (self.forward_button, "forward"), (self.last_button, "last")):
            button.setIcon(media_icon(name, color))
        self._update_play_icon()

    def _update_play_icon(self) -> None:
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        self.play_button.setIcon(media_icon("pause" if self.playing else "play", color))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._update_icons()
        elif kind == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Re-set the texts built from format strings in the new UI language."""
        for button, tip in ((self.first_button, self.tr("First position (Home)")),
                            (self.back_button, self.tr("Step back (Left)")),
                            (self.play_button, self.tr("Play / pause (Space)")),
                            (self.forward_button, self.tr("Step forward (Right)")),
                            (self.last_button, self.tr("Last position (End)"))):
            button.setToolTip(tip)
        self.speed_label.setToolTip(self.tr("Animation speed in positions per second (+ / -)."))
        with QSignalBlocker(self.mode):
            self.mode.setItemText(0, self.tr("one filter at a time"))
            self.mode.setItemText(1, self.tr("all filters together"))
        self.mode.setToolTip(self.tr("Slide one filter over the whole input before the next, or all filters at once."))
        self._update_speed()
        self.sync_from_state()

    def _on_tick(self) -> None:
        if self.state.position >= self.state.position_count - 1:
            self.pause()
            return
        self.state.step_by(1)

    # ----------------------------------------------------------------- binding
    def sync_from_state(self) -> None:
        with QSignalBlocker(self.scrubber), QSignalBlocker(self.mode):
            self.scrubber.setRange(0, self.state.position_count - 1)
            self.scrubber.setValue(self.state.position)
            self.mode.setCurrentIndex(self.mode.findData(self.state.view.mode))
        transpose = self.state.layer_kind == "Conv1DTranspose"
        label_key = (self.state.position_count, self.state.view.mode, transpose,
                     self.tr("step {t}, filter {f} — {p}/{n}"))
        if label_key != self._label_key:  # another layer, mode or language: the readout may shrink
            self._label_key = label_key
            self.position_label.release(self._widest_text(transpose))
        self.mode.setEnabled(not transpose)  # a Conv1DTranspose's input step scatters to every filter at once
        if transpose:
            self.scrubber.setToolTip(self.tr("Every input step of the Conv1DTranspose, scattering in turn; "
                                             "drag to scrub."))
            self.position_label.setText(self._transpose_text())
            return
        self.scrubber.setToolTip(self.tr("Every (step, filter) position; drag to scrub."))
        step, f = self.state.current()
        total = self.state.position_count
        if f is None:
            text = self.tr("step {t} (all filters) — {p}/{n}")
        else:
            text = self.tr("step {t}, filter {f} — {p}/{n}")
        self.position_label.setText(text.format(t=step, f=f, p=self.state.position + 1, n=total))

    def _widest_text(self, transpose: bool) -> str:
        """The readout with every number at its largest (sized once per layer, not grown during a play)."""
        tr, total = self.state.trace, self.state.position_count
        if transpose or tr is None:
            return ""
        last_step, last_filter = max(tr.out_steps - 1, 0), max(tr.filters - 1, 0)
        template = self.tr("step {t} (all filters) — {p}/{n}") if self.state.view.mode == "all_filters" \
            else self.tr("step {t}, filter {f} — {p}/{n}")
        return template.format(t=last_step, f=last_filter, p=total, n=total)

    def _transpose_text(self) -> str:
        """``input step 2 → output steps 4, 5, 6 — 3/6``: where the Conv1DTranspose position scatters (its trace)."""
        tt = self.state.transpose_trace
        total = self.state.position_count
        p = self.state.position
        if tt is None or tt.out_steps == 0:
            return self.tr("input step {i} (no output steps) — {p}/{n}").format(i=p, p=p + 1, n=total)
        i = min(p, tt.steps - 1)
        reached = [int(o) for o in tt.positions(i).tolist() if 0 <= o < tt.out_steps]
        if not reached:
            return self.tr("input step {i} → cropped — {p}/{n}").format(i=i, p=p + 1, n=total)
        shown = [str(o) for o in reached] if len(reached) <= 4 else [str(reached[0]), str(reached[1]), "…",
                                                                   str(reached[-1])]
        where = ", ".join(shown)  # index notation: ASCII in every language (glossary 1.3)
        # every filter at once (the mode combo is off): the label stays short so the scrubber keeps its width
        return self.tr("input step {i} → output steps {o} — {p}/{n}").format(
            i=i, o=where, p=p + 1, n=total)
