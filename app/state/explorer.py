"""The one state object: user edit -> state -> conv_core -> immutable trace -> views.

Widgets call the setters; the state validates through conv_core, keeps the
last valid trace when a setting is invalid, and emits typed signals.  No view
reaches into another view.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from app.io.numeric import array_problem
from app.io.session import (
    LAYER_KEYS,
    LAYER_KINDS,
    LIMITS,
    MODES,
    ORIENTATIONS,
    PICTURES,
    ModelRef,
    Session,
    ViewSettings,
)
from conv_core import (
    Conv1DSpec,
    Conv1DTrace,
    Conv1DTransposeSpec,
    Conv1DTransposeTrace,
    ConvError,
    KerasValueError,
    trace_conv1d,
    trace_conv1d_transpose,
)

__all__ = ["CELL_KINDS", "CellRef", "ExplorerState", "Snapshot", "cell_fits", "resize_array"]

CELL_KINDS = ("input", "kernel", "bias", "output")


@dataclass(frozen=True)
class CellRef:
    """One number of the picture, named the way the arrays index it.

    * ``input``: ``x[sample, step, channel]``; ``step`` may be a padding cell
      (``< 0`` or ``>= steps``), which is readable but not editable;
    * ``kernel``: ``kernel[tap, channel, filter]`` (``channel`` within the group);
    * ``bias``: ``bias[filter]``;
    * ``output``: ``y[sample, step, filter]``.
    """

    kind: str
    step: int = 0
    channel: int = 0
    tap: int = 0
    filter: int = 0

    def __post_init__(self) -> None:
        if self.kind not in CELL_KINDS:
            raise ValueError(f"unknown cell kind {self.kind!r}")

    @property
    def editable(self) -> bool:
        return self.kind in ("input", "kernel", "bias")

    def index(self, sample: int = 0) -> tuple[int, ...]:
        """The NumPy index of this cell in its array (input: (sample, step, channel))."""
        if self.kind == "input":
            return (sample, self.step, self.channel)
        if self.kind == "kernel":
            return (self.tap, self.channel, self.filter)
        if self.kind == "bias":
            return (self.filter,)
        return (sample, self.step, self.filter)


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The editable model (layer arguments and arrays), for undo."""

    layer: dict[str, Any]
    x: np.ndarray
    kernel: np.ndarray
    bias: np.ndarray
    kind: str = "Conv1D"
    output_padding: int | None = None

DEFAULT_LAYER: dict[str, Any] = {
    "filters": 3,
    "kernel_size": 3,
    "strides": 1,
    "padding": "valid",
    "dilation_rate": 1,
    "groups": 1,
    "use_bias": True,
    "activation": "linear",
    "data_format": "channels_last",
}


def _frozen(a: np.ndarray) -> np.ndarray:
    """The state's arrays are never written in place (edits replace them): enforce it."""
    a.setflags(write=False)
    return a


def resize_array(old: np.ndarray, shape: tuple[int, ...], fill: np.ndarray) -> np.ndarray:
    """``fill`` with the overlapping block of ``old`` copied in: values that still fit are kept."""
    out = np.array(fill, dtype=np.float64, copy=True)
    common = tuple(slice(0, min(a, b)) for a, b in zip(old.shape, shape, strict=True))
    out[common] = old[common]
    return out


def _fresh(shape: tuple[int, ...], low: int, high: int, salt: int) -> np.ndarray:
    """Deterministic small integers for newly created cells (readable sums)."""
    seed = (hash(shape) ^ salt) & 0xFFFFFFFF
    return np.random.default_rng(seed).integers(low, high + 1, size=shape).astype(np.float64)


TRACE_CACHE = 4  # settings whose traces are kept (an A/B flip, an undo and a redo)


class ExplorerState(QObject):
    """Holds the layer, the arrays and the view; recomputes the trace on change."""

    traceChanged = Signal(object)  # Conv1DTrace: a new valid picture
    errorChanged = Signal(object)  # ConvError | None
    settingsChanged = Signal()  # layer arguments or input sizes (for the panel)
    positionChanged = Signal(int)
    viewChanged = Signal()  # mode, orientation, sample, numbers
    sessionLoaded = Signal()
    inspectChanged = Signal()  # the hovered or pinned cell changed
    playingChanged = Signal(bool)  # the animation started or stopped
    # A layer argument or the input shape was changed by a widget: (undo text, Snapshot before).
    structureEdited = Signal(str, object)
    transposeChanged = Signal(object)  # Conv1DTransposeTrace | None: the Conv1DTranspose picture

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = 30) -> None:
        super().__init__(parent)
        self._layer: dict[str, Any] = dict(DEFAULT_LAYER)
        self._x = _frozen(_fresh((1, 16, 4), -2, 3, 1))
        self._kernel = _frozen(_fresh((3, 4, 3), -1, 1, 2))
        self._bias = _frozen(np.zeros(3))
        self._view = ViewSettings()
        self._text_scale = 1.0
        self._trace: Conv1DTrace | None = None
        # The last few traces by setting (spec and the very input, kernel and bias arrays, which are
        # read-only): flipping an argument back and forth traces each setting once.
        self._traces: list[tuple[Conv1DSpec, np.ndarray, np.ndarray, np.ndarray | None, Conv1DTrace]] = []
        self._error: ConvError | None = None
        self._name = ""
        self._model: ModelRef | None = None  # the saved Keras model the layer came from (kept in sessions)
        self._hover: CellRef | None = None
        self._pinned: CellRef | None = None
        self._playing = False
        # Conv1DTranspose mode: the same arguments (groups aside) and kernel, read as (k, filters, channels)
        self._kind = "Conv1D"
        self._output_padding: int | None = None
        self._ttrace: Conv1DTransposeTrace | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.recompute)
        self.recompute()

    # ------------------------------------------------------------- reading
    @property
    def layer(self) -> dict[str, Any]:
        return dict(self._layer)

    @property
    def model_ref(self) -> ModelRef | None:
        """The saved Keras model file and layer this session's layer came from, if any."""
        return self._model

    @property
    def x(self) -> np.ndarray:
        return self._x

    @property
    def playing(self) -> bool:
        """Whether the animation runs (the transport's timer follows this)."""
        return self._playing

    @property
    def kernel(self) -> np.ndarray:
        return self._kernel

    @property
    def bias(self) -> np.ndarray | None:
        return self._bias if self._layer.get("use_bias", True) else None

    @property
    def raw_bias(self) -> np.ndarray:
        return self._bias

    @property
    def view(self) -> ViewSettings:
        return self._view

    @property
    def text_scale(self) -> float:
        """How much larger every text of the diagram and the panels is drawn: 1 normally, 2 in classroom mode.

        A property of the room, not of the session (never saved): views multiply their point sizes by it
        and re-lay out on ``viewChanged``.
        """
        return self._text_scale

    def set_text_scale(self, scale: float) -> None:
        scale = float(min(max(scale, 0.5), 4.0))
        if scale != self._text_scale:
            self._text_scale = scale
            self.viewChanged.emit()

    @property
    def trace(self) -> Conv1DTrace | None:
        """The last valid trace (kept while the current setting is invalid)."""
        return self._trace

    @property
    def error(self) -> ConvError | None:
        return self._error

    @property
    def input_shape(self) -> tuple[int, int, int]:
        b, s, c = self._x.shape
        return (int(b), int(s), int(c))

    @property
    def layer_kind(self) -> str:
        """``"Conv1D"`` or ``"Conv1DTranspose"``."""
        return self._kind

    @property
    def output_padding(self) -> int | None:
        """Conv1DTranspose's ``output_padding`` (None: Keras infers the length)."""
        return self._output_padding

    @property
    def transpose_trace(self) -> Conv1DTransposeTrace | None:
        """The last valid Conv1DTranspose picture (None outside that mode)."""
        return self._ttrace if self._kind == "Conv1DTranspose" else None

    @property
    def position_count(self) -> int:
        """Animation positions: (filter, step) pairs of the Conv1D, or the input steps a Conv1DTranspose scatters."""
        if self._kind == "Conv1DTranspose" and self._ttrace is not None:
            return max(self._ttrace.steps, 1)
        return self._conv_position_count()

    def _conv_position_count(self) -> int:
        tr = self._trace
        if tr is None:
            return 1
        per = tr.out_steps
        return max(per * (tr.filters if self._view.mode == "one_filter" else 1), 1)

    @property
    def position(self) -> int:
        return self._view.position

    def current(self) -> tuple[int, int | None]:
        """(output step, filter) at the current position; filter None = all filters."""
        tr = self._trace
        if tr is None or tr.out_steps == 0:
            return (0, None if self._view.mode == "all_filters" else 0)
        p = min(self._view.position, self._conv_position_count() - 1)
        if self._view.mode == "all_filters":
            return (p, None)
        return (p % tr.out_steps, p // tr.out_steps)

    def filled_mask(self) -> np.ndarray:
        """(out_steps, filters) booleans: output cells computed up to the current position."""
        tr = self._trace
        if tr is None:
            return np.zeros((0, 0), dtype=bool)
        step, f = self.current()
        steps = np.arange(tr.out_steps)[:, None]
        filters = np.arange(tr.filters)[None, :]
        if f is None:
            return np.broadcast_to(steps <= step, (tr.out_steps, tr.filters))
        filled: np.ndarray = (filters < f) | ((filters == f) & (steps <= step))
        return filled

    @property
    def hovered(self) -> CellRef | None:
        return self._hover

    @property
    def pinned(self) -> CellRef | None:
        return self._pinned

    @property
    def inspected(self) -> CellRef | None:
        """The cell the highlights and the math panel follow: the hovered one, else the pinned one."""
        return self._hover or self._pinned

    def inspected_output(self) -> tuple[int, int] | None:
        """(output step, filter) the math panel explains: the inspected cell's, else the current position's.

        A weight or a bias explains the output at the current step for its filter; an input
        cell explains the current position.  ``None`` while there is no output.
        """
        tr = self._trace
        if tr is None or tr.out_steps == 0:
            return None
        step, f = self.current()
        ref = self.inspected
        if ref is not None and ref.kind == "output":
            return (ref.step, ref.filter)
        if ref is not None and ref.kind in ("kernel", "bias"):
            return (step, ref.filter)
        if f is None:
            f = self._pinned.filter if self._pinned is not None and self._pinned.kind != "input" else 0
        return (step, f)

    def value_at(self, ref: CellRef) -> float:
        """The number stored in an editable cell (or shown in an output cell)."""
        n = self._view.sample
        if ref.kind == "input":
            return float(self._x[ref.index(n)])
        if ref.kind == "kernel":
            return float(self._kernel[ref.index()])
        if ref.kind == "bias":
            return float(self._bias[ref.filter])
        tr = self._trace
        return float("nan") if tr is None else float(tr.output[ref.index(min(n, tr.batch - 1))])

    def snapshot(self) -> Snapshot:
        """The editable model, for undo.

        The arrays are shared, not copied: the state's arrays are read-only and every edit
        replaces an array (copy on write), so a long undo history of a big input costs only
        the arrays that really changed.  No flush is needed: recompute resizes the kernel and
        bias deterministically, so restoring a snapshot taken before a pending recompute gives
        the same picture.
        """
        return Snapshot(dict(self._layer), self._x, self._kernel, self._bias, self._kind, self._output_padding)

    def to_session(self) -> Session:
        return Session(
            layer=dict(self._layer),
            x=self._x.copy(),
            kernel=self._kernel.copy(),
            bias=self._bias.copy() if self._layer.get("use_bias", True) else None,
            view=self._view,
            name=self._name,
            model=self._model,
            layer_kind=self._kind,
            output_padding=self._output_padding,
        )

    # ------------------------------------------------------------- writing
    def load_session(self, session: Session) -> None:
        self._layer = {k: session.layer[k] for k in LAYER_KEYS}
        self._x = _frozen(np.array(session.x, dtype=np.float64))
        self._kernel = _frozen(np.array(session.kernel, dtype=np.float64))
        filters = int(self._layer["filters"])
        self._bias = _frozen(np.zeros(filters) if session.bias is None else np.array(session.bias, dtype=np.float64))
        self._view = session.view
        self._name = session.name
        self._model = session.model
        self._kind, self._output_padding = session.layer_kind, session.output_padding
        # An input too short for the layer is a valid file but an invalid setting: like any
        # invalid edit it shows the error and keeps the last valid picture (the views draw it).
        self.recompute()
        self.set_position(session.view.position)
        self.settingsChanged.emit()
        self.viewChanged.emit()
        self.sessionLoaded.emit()

    def restore(self, snapshot: Snapshot) -> None:
        """Put a snapshot back (undo/redo); not recorded as a new edit."""
        self._layer = dict(snapshot.layer)
        self._x, self._kernel, self._bias = snapshot.x, snapshot.kernel, snapshot.bias
        if snapshot.kind != self._kind:
            self._view = replace(self._view, position=0)
        self._kind, self._output_padding = snapshot.kind, snapshot.output_padding
        sample_gone = self._view.sample >= self._x.shape[0]
        if sample_gone:
            self._view = replace(self._view, sample=0)
        self.settingsChanged.emit()
        if sample_gone:  # views showing the last valid picture follow the sample too
            self.viewChanged.emit()
        self._schedule()

    def set_layer_arg(self, name: str, value: Any) -> None:
        if name not in LAYER_KEYS:
            raise KeyError(name)
        old = self._layer.get(name)
        if old == value:
            return
        before = self.snapshot()
        self._layer[name] = value
        self.settingsChanged.emit()
        self._schedule()
        self.structureEdited.emit(
            self.tr("Change {name}: {old} → {new}").format(name=name, old=_show(old), new=_show(value)),
            before,
        )

    def set_layer_kind(self, kind: str) -> None:
        """Conv1D or Conv1DTranspose (the shared arguments, input and kernel stay)."""
        if kind not in LAYER_KINDS:
            raise ValueError(kind)
        if kind == self._kind:
            return
        before = self.snapshot()
        old = self._kind
        self._kind = kind
        self._view = replace(self._view, position=0)
        self.settingsChanged.emit()
        self.recompute()
        self.positionChanged.emit(0)
        self.structureEdited.emit(self.tr("Change {name}: {old} → {new}").format(name="layer", old=old, new=kind),
                                  before)

    def set_output_padding(self, value: int | None) -> None:
        """Conv1DTranspose's ``output_padding``; None lets Keras infer the output length."""
        if value == self._output_padding:
            return
        before = self.snapshot()
        old = self._output_padding
        self._output_padding = value
        self.settingsChanged.emit()
        self._schedule()
        self.structureEdited.emit(
            self.tr("Change {name}: {old} → {new}").format(name="output_padding", old=old, new=value), before
        )

    def set_input_shape(self, batch: int, steps: int, channels: int) -> None:
        shape = (int(batch), int(steps), int(channels))
        if shape == self.input_shape:
            return
        for key, v in zip(("batch", "steps", "channels"), shape, strict=True):
            if not 1 <= v <= LIMITS[key]:
                self._set_error(
                    KerasValueError(
                        f"{key}={v} is outside the app's range 1..{LIMITS[key]}.",
                        f"Choose {key} between 1 and {LIMITS[key]}.",
                        code="limit",
                        values={"name": key, "value": v, "limit": LIMITS[key]},
                    )
                )
                return
        total = shape[0] * shape[1] * shape[2]
        if total > LIMITS["values"]:  # refuse before allocating (16 x 4096 x 512 would be 268 MB a copy)
            self._set_error(
                KerasValueError(
                    f"An input of shape {shape} holds {total:,} numbers, over the app's limit of "
                    f"{LIMITS['values']:,}.",
                    "Choose a smaller batch, fewer steps or fewer channels.",
                    code="limit",
                    values={},
                )
            )
            return
        before = self.snapshot()
        old_shape = self.input_shape
        self._x = _frozen(resize_array(self._x, shape, _fresh(shape, -2, 3, 1)))
        sample_gone = self._view.sample >= shape[0]
        if sample_gone:
            self._view = replace(self._view, sample=0)
        self.settingsChanged.emit()
        if sample_gone:  # views showing the last valid picture follow the sample too
            self.viewChanged.emit()
        self._schedule()
        self.structureEdited.emit(
            self.tr("Change input shape: {old} → {new}").format(old=old_shape, new=shape), before
        )

    def set_input(self, x: np.ndarray) -> None:
        self._x = _frozen(np.array(x, dtype=np.float64))
        self.settingsChanged.emit()
        self._schedule()

    def replace_input(self, x: np.ndarray, description: str) -> None:
        """A new input of any shape (an import), recorded as one undoable edit named ``description``.

        Edits recorded against the old shape stay consistent: undo puts the old input back first.
        """
        before = self.snapshot()
        self._x = _frozen(np.array(x, dtype=np.float64))
        if self._view.sample >= self._x.shape[0]:
            self._view = replace(self._view, sample=0)
            self.viewChanged.emit()
        self.settingsChanged.emit()
        self._schedule()
        self.structureEdited.emit(description, before)

    def set_kernel(self, kernel: np.ndarray) -> None:
        self._kernel = _frozen(np.array(kernel, dtype=np.float64))
        self._schedule()

    def set_bias(self, bias: np.ndarray) -> None:
        self._bias = _frozen(np.array(bias, dtype=np.float64))
        self._schedule()

    def set_playing(self, playing: bool) -> None:
        """Start or stop the animation; anything that must not run during it (loading a file) stops it here."""
        if playing == self._playing:
            return
        self._playing = playing
        self.playingChanged.emit(playing)

    def set_hover(self, ref: CellRef | None) -> None:
        """The cell under the mouse (None when the mouse leaves every cell)."""
        if ref == self._hover:
            return
        self._hover = ref
        self.inspectChanged.emit()

    def set_pin(self, ref: CellRef | None) -> None:
        """Pin a cell's highlight (a click); ``None`` clears it (Esc)."""
        if ref == self._pinned:
            return
        self._pinned = ref
        self.inspectChanged.emit()

    def clear_inspect(self) -> None:
        """Forget both the hovered and the pinned cell."""
        if self._hover is None and self._pinned is None:
            return
        self._hover = self._pinned = None
        self.inspectChanged.emit()

    def set_position(self, position: int) -> None:
        p = int(min(max(position, 0), self.position_count - 1))
        if p == self._view.position:
            return
        self._view = replace(self._view, position=p)
        self.positionChanged.emit(p)

    def step_by(self, delta: int) -> None:
        self.set_position(self._view.position + delta)

    def set_mode(self, mode: str) -> None:
        """Switch between one filter at a time and all filters together, keeping the step."""
        if mode not in MODES or mode == self._view.mode:
            return
        step, _ = self.current()
        self._view = replace(self._view, mode=mode, position=step)
        self.viewChanged.emit()
        self.positionChanged.emit(step)

    def set_view(self, **changes: Any) -> None:
        if "orientation" in changes and changes["orientation"] not in ORIENTATIONS:
            raise ValueError(changes["orientation"])
        if "picture" in changes and changes["picture"] not in PICTURES:
            raise ValueError(changes["picture"])
        if "sample" in changes:
            changes["sample"] = int(min(max(changes["sample"], 0), self._x.shape[0] - 1))
        new = replace(self._view, **changes)
        if new == self._view:
            return
        self._view = new
        self.viewChanged.emit()

    # ------------------------------------------------------------- compute
    def _schedule(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Recompute now if an edit is waiting (tests and exports call this)."""
        if self._timer.isActive():
            self._timer.stop()
            self.recompute()

    def _set_error(self, error: ConvError | None) -> None:
        self._error = error
        self.errorChanged.emit(error)

    def _spec(self) -> Conv1DSpec:
        try:
            return Conv1DSpec(**self._layer)
        except ConvError:
            raise
        except (TypeError, ValueError) as exc:  # a value of the wrong type from a file
            raise KerasValueError(str(exc), "", code="invalid") from None

    def recompute(self) -> None:
        """Validate with conv_core and rebuild the trace; on error keep the last picture."""
        try:
            spec = self._spec()
            _, _, channels = self._x.shape
            kshape = None
            if channels % spec.groups == 0:
                kshape = spec.kernel_shape(channels)
            if kshape is not None and self._kernel.shape != kshape:
                self._kernel = _frozen(resize_array(self._kernel, kshape, _fresh(kshape, -1, 1, 2)))
            if self._bias.shape != (spec.filters,):
                self._bias = _frozen(resize_array(self._bias, (spec.filters,), np.zeros(spec.filters)))
            total = self._x.size + (0 if kshape is None else int(np.prod(kshape)))
            if spec.filters > LIMITS["filters"] or total > LIMITS["values"]:
                raise KerasValueError(
                    f"filters={spec.filters} with an input of {self._x.shape} is over the app's limits.",
                    f"Keep filters <= {LIMITS['filters']} and fewer than {LIMITS['values']:,} numbers in "
                    "input + kernel.",
                    code="limit",
                    values={},
                )
            self._check_values()
        except ConvError as exc:
            self._set_error(exc)
            return
        trace: Conv1DTrace | None
        try:
            trace = self._traced(spec)
        except ConvError as exc:
            if self._kind == "Conv1D":
                self._set_error(exc)
                return
            trace = None  # e.g. too short for a 'valid' Conv1D: the Conv1DTranspose does not need one
        if trace is not None:
            self._trace = trace
            self._drop_stale_cells(trace)
        if self._kind == "Conv1DTranspose" and not self._recompute_transpose():
            if trace is not None:
                self.traceChanged.emit(trace)
            return
        if self._error is not None:
            self._set_error(None)
        if self._view.position >= self.position_count:
            self._view = replace(self._view, position=self.position_count - 1)
        if trace is not None:
            self.traceChanged.emit(trace)
        if self._kind == "Conv1DTranspose":
            self.transposeChanged.emit(self._ttrace)

    def _traced(self, spec: Conv1DSpec) -> Conv1DTrace:
        """``trace_conv1d`` of the current setting, from the cache when this setting was traced lately."""
        x, kernel, bias = self._x, self._kernel, self.bias
        for i, (s, cx, ck, cb, trace) in enumerate(self._traces):
            if cx is x and ck is kernel and cb is bias and s == spec:
                self._traces.append(self._traces.pop(i))
                return trace
        trace = trace_conv1d(spec, self._cl_to_layout(x, spec), kernel, bias)
        self._traces = [*self._traces[-(TRACE_CACHE - 1):], (spec, x, kernel, bias, trace)]
        return trace

    def transpose_kernel(self) -> np.ndarray:
        """The kernel as Conv1DTranspose reads it, ``(kernel_size, filters, channels)``: ``w[j, c, f]`` at [j, f, c]."""
        return np.swapaxes(self._kernel, 1, 2)

    def _recompute_transpose(self) -> bool:
        """Trace the Conv1DTranspose of the current arguments; on error keep the last picture (False)."""
        try:
            if self._layer.get("groups", 1) != 1:
                raise KerasValueError(
                    f"Conv1DTranspose has no groups argument. Received groups={self._layer.get('groups')}.",
                    "Set groups=1 to use Conv1DTranspose.",
                    code="transpose_groups",
                    values={"groups": self._layer.get("groups")},
                )
            args = {k: v for k, v in self._layer.items() if k != "groups"}
            spec = Conv1DTransposeSpec(output_padding=self._output_padding, **args)
            x = self._cl_to_layout(self._x, spec)
            ttrace = trace_conv1d_transpose(spec, x, self.transpose_kernel(), self.bias)
        except ConvError as exc:
            self._set_error(exc)
            return False
        except (TypeError, ValueError) as exc:
            self._set_error(KerasValueError(str(exc), "", code="invalid"))
            return False
        self._ttrace = ttrace
        return True

    def _check_values(self) -> None:
        """The numeric contract (``app.numeric``) for whatever reached the state, however it came.

        Files and imports are checked where they are read; this is the last gate before
        conv_core and the renderer (paste, generators, the classroom demo, undo, code calling setters).
        """
        for name, arr in (("input", self._x), ("kernel", self._kernel), ("bias", self.bias)):
            problem = None if arr is None else array_problem(arr)
            if problem is not None:
                where, why = problem
                raise KerasValueError(
                    f"{name}[{', '.join(str(i) for i in where)}]: {why}.",
                    "Every value must be a finite number between -1e15 and 1e15.",
                    code="value_range",
                    values={"name": name, "index": list(where)},
                )

    def _drop_stale_cells(self, tr: Conv1DTrace) -> None:
        """A hovered or pinned cell that no longer exists in the new picture is forgotten."""
        hover = self._hover if self._hover is not None and cell_fits(self._hover, tr) else None
        pinned = self._pinned if self._pinned is not None and cell_fits(self._pinned, tr) else None
        if (hover, pinned) != (self._hover, self._pinned):
            self._hover, self._pinned = hover, pinned
            self.inspectChanged.emit()

    @staticmethod
    def _cl_to_layout(x: np.ndarray, spec: Conv1DSpec | Conv1DTransposeSpec) -> np.ndarray:
        """The session stores (batch, steps, channels); channels_first feeds the transpose."""
        return x if spec.data_format == "channels_last" else np.swapaxes(x, 1, 2)


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def cell_fits(ref: CellRef, tr: Conv1DTrace) -> bool:
    """Whether ``ref`` names a cell of the traced layer."""
    k, cg, filters = (int(n) for n in tr.kernel.shape)
    if ref.kind == "input":
        return ref.step in tr.padded_steps and 0 <= ref.channel < tr.channels
    if ref.kind == "kernel":
        return 0 <= ref.tap < k and 0 <= ref.channel < cg and 0 <= ref.filter < filters
    if ref.kind == "bias":
        return 0 <= ref.filter < filters and bool(tr.spec.use_bias)
    return 0 <= ref.step < tr.out_steps and 0 <= ref.filter < filters
