"""Sessions: the JSON file format (docs/session-format.md), validation, atomic saves.

Pure Python + NumPy (no Qt), so the CLI and tests use it without a display.
A session holds the layer arguments, the input (always stored as
``(batch, steps, channels)``), the kernel in Keras layout, the bias and the
view settings.  Examples in ``resources/examples`` are sessions that may give
``generator`` blocks instead of literal values.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from app.io.atomic import atomic_write_text
from app.io.numeric import NumberRangeError, check_array, number_problem
from conv_core import Conv1DSpec, ConvError
from conv_core.signals import make_signal

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LIMITS",
    "Session",
    "SessionError",
    "ViewSettings",
    "load_session",
    "parse_session",
    "parse_session_text",
    "save_session",
    "session_to_dict",
    "session_to_json",
]

FORMAT_NAME = "conv1d-explorer-session"
FORMAT_VERSION = 1

# What the app accepts; larger settings are refused with a message, never a freeze.
LIMITS = {
    "batch": 16,
    "steps": 4096,
    "channels": 512,
    "filters": 512,
    "kernel_size": 64,
    "strides": 64,
    "dilation_rate": 64,
    "values": 4_000_000,  # total numbers in input + kernel
}

MAX_FILE_BYTES = 200 * 1024 * 1024  # a session at LIMITS["values"] is well under this

LAYER_KEYS = (
    "filters",
    "kernel_size",
    "strides",
    "padding",
    "dilation_rate",
    "groups",
    "use_bias",
    "activation",
    "data_format",
)
MODES = ("one_filter", "all_filters")
ORIENTATIONS = ("time_lr", "keras_rows")
THEMES = ("light", "dark", "high_contrast")
LANGUAGES = ("en", "zh_CN", "zh_TW")


class SessionError(ValueError):
    """A session file that cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class ViewSettings:
    position: int = 0
    mode: str = "one_filter"
    orientation: str = "time_lr"
    sample: int = 0
    theme: str = "light"
    language: str = "en"
    show_numbers: bool = True


@dataclass(frozen=True, eq=False)
class Session:
    """Everything needed to reproduce one picture."""

    layer: dict[str, Any]
    x: np.ndarray  # (batch, steps, channels)
    kernel: np.ndarray  # (kernel_size, channels // groups, filters)
    bias: np.ndarray | None  # (filters,)
    view: ViewSettings = field(default_factory=ViewSettings)
    name: str = ""
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)

    def spec(self) -> Conv1DSpec:
        return Conv1DSpec(**self.layer)

    def with_view(self, **changes: Any) -> Session:
        return replace(self, view=replace(self.view, **changes))

    def equals(self, other: Session) -> bool:
        """Same layer, arrays (exactly) and view."""

        def same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
            if a is None or b is None:
                return a is None and b is None
            return a.shape == b.shape and bool(np.array_equal(a, b))

        return (
            self.layer == other.layer
            and same(self.x, other.x)
            and same(self.kernel, other.kernel)
            and same(self.bias, other.bias)
            and self.view == other.view
        )


# ---------------------------------------------------------------- reading
def _fail(msg: str) -> SessionError:
    return SessionError(msg)


def _numbers(value: Any, what: str, max_depth: int = 3) -> np.ndarray:
    """Nested lists of numbers -> float64 array; ragged, too deep or bad values fail.

    Every value keeps the numeric contract (``app.numeric``: finite, within ±1e15), checked
    before any conversion, so a 400-digit integer is refused with a message, not an OverflowError.
    """

    def check(v: Any, depth: int = 0) -> None:
        if isinstance(v, list):
            if depth >= max_depth:
                raise _fail(f"{what}: lists nested deeper than {max_depth} levels")
            for item in v:
                check(item, depth + 1)
        elif isinstance(v, bool) or not isinstance(v, (int, float)):
            raise _fail(f"{what}: {v!r} is not a number")
        else:
            problem = number_problem(v)
            if problem is not None:
                raise _fail(f"{what}: {problem}")

    if not isinstance(value, list):
        raise _fail(f"{what}: expected a list of numbers")
    check(value)
    if not value:
        raise _fail(f"{what}: the list is empty")
    try:
        arr = np.array(value, dtype=np.float64)
    except ValueError:
        raise _fail(f"{what}: rows have different lengths (ragged)") from None
    if arr.dtype == object:
        raise _fail(f"{what}: rows have different lengths (ragged)")
    if arr.size == 0:
        raise _fail(f"{what}: no numbers (an empty list inside)")
    return arr


def _shape(value: Any, ndim: int, what: str) -> tuple[int, ...]:
    if (
        not isinstance(value, list)
        or len(value) != ndim
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise _fail(f"{what}: shape must be a list of {ndim} whole numbers")
    if any(v < 1 for v in value):
        raise _fail(f"{what}: every size must be at least 1, got {value}")
    return tuple(value)


def _check_limits(batch: int, steps: int, channels: int, filters: int, kernel_size: int) -> None:
    for key, v in (
        ("batch", batch),
        ("steps", steps),
        ("channels", channels),
        ("filters", filters),
        ("kernel_size", kernel_size),
    ):
        if v > LIMITS[key]:
            raise _fail(f"{key}={v} is over the app's limit of {LIMITS[key]}")
    total = batch * steps * channels + kernel_size * channels * filters
    if total > LIMITS["values"]:
        raise _fail(
            f"the input and kernel hold {total:,} numbers, over the app's limit of {LIMITS['values']:,}"
        )


def _array_block(
    block: Any, what: str, ndim: int, shape_hint: tuple[int, ...] | None, kind: str
) -> np.ndarray:
    if not isinstance(block, dict):
        raise _fail(f"'{what}' must be an object with 'values' (or 'generator')")
    if "values" in block:
        arr = _numbers(block["values"], what, ndim)
        if "shape" in block:
            shape = _shape(block["shape"], ndim, what)
            if arr.shape != shape:
                raise _fail(f"{what}: values have shape {arr.shape} but 'shape' says {shape}")
        if arr.ndim != ndim:
            raise _fail(f"{what}: expected {ndim}-D values, got shape {arr.shape}")
        return arr
    if "generator" in block:
        gen = block["generator"]
        if not isinstance(gen, dict) or not isinstance(gen.get("name"), str):
            raise _fail(f"{what}: 'generator' must be an object with a 'name'")
        gen_shape = _shape(block.get("shape"), ndim, what) if "shape" in block else shape_hint
        if gen_shape is None:
            raise _fail(f"{what}: a generator needs a 'shape'")
        shape = gen_shape
        if kind == "input":  # refuse before allocating anything
            for key, v in zip(("batch", "steps", "channels"), shape, strict=False):
                if v > LIMITS[key]:
                    raise _fail(f"{what}: {key}={v} is over the app's limit of {LIMITS[key]}")
        if math.prod(shape) > LIMITS["values"]:
            raise _fail(
                f"{what}: shape {list(shape)} holds over the app's limit of {LIMITS['values']:,} numbers"
            )
        seed = gen.get("seed", 0)
        if not isinstance(seed, int):
            raise _fail(f"{what}: generator seed must be a whole number")
        try:
            with np.errstate(all="ignore"):  # a bad period gives NaN: refused below, not warned about
                if kind == "input":
                    extra = {k: gen[k] for k in ("low", "high", "period") if k in gen}
                    made = make_signal(gen["name"], shape, seed, **extra)  # type: ignore[arg-type]
                else:
                    from conv_core.initializers import make_kernel

                    made = np.asarray(make_kernel(gen["name"], shape, seed=seed), dtype=np.float64)
            return check_array(made, f"{what} (generator {gen['name']!r})")
        except ConvError as exc:
            raise _fail(f"{what}: {exc.keras}") from None
        except NumberRangeError as exc:
            raise _fail(str(exc)) from None
        except (TypeError, ValueError, OverflowError) as exc:
            raise _fail(f"{what}: {exc}") from None
    raise _fail(f"'{what}' needs 'values' or 'generator'")


def _text_map(value: Any, what: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise _fail(f"'{what}' must be text or an object of texts by language")


def _view(value: Any) -> ViewSettings:
    if value is None:
        return ViewSettings()
    if not isinstance(value, dict):
        raise _fail("'view' must be an object")
    v = ViewSettings()
    changes: dict[str, Any] = {}
    for key, allowed in (
        ("mode", MODES),
        ("orientation", ORIENTATIONS),
        ("theme", THEMES),
        ("language", LANGUAGES),
    ):
        if key in value:
            if value[key] not in allowed:
                raise _fail(f"view.{key} must be one of {', '.join(allowed)}, got {value[key]!r}")
            changes[key] = value[key]
    for key in ("position", "sample"):
        if key in value:
            if not isinstance(value[key], int) or isinstance(value[key], bool) or value[key] < 0:
                raise _fail(f"view.{key} must be a whole number >= 0")
            changes[key] = value[key]
    if "show_numbers" in value:
        if not isinstance(value["show_numbers"], bool):
            raise _fail("view.show_numbers must be true or false")
        changes["show_numbers"] = value["show_numbers"]
    return replace(v, **changes)


def parse_session(data: Any) -> Session:
    """Validate a decoded JSON document and build a :class:`Session`."""
    if not isinstance(data, dict):
        raise _fail("not a session: the file must hold a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise _fail(f"not a session: 'format' must be {FORMAT_NAME!r}, got {data.get('format')!r}")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail("'version' must be a whole number")
    if version > FORMAT_VERSION or version < 1:
        raise _fail(
            f"session format version {version} is not supported (this app reads version {FORMAT_VERSION})"
        )
    for key in ("layer", "input", "kernel"):
        if key not in data:
            raise _fail(f"missing field '{key}'")
    layer_in = data["layer"]
    if not isinstance(layer_in, dict):
        raise _fail("'layer' must be an object")
    unknown = sorted(set(layer_in) - set(LAYER_KEYS))
    if unknown:
        raise _fail(f"layer: unknown argument(s) {', '.join(unknown)}")
    for key in ("filters", "kernel_size"):
        if key not in layer_in:
            raise _fail(f"layer: missing '{key}'")
    for key in ("filters", "kernel_size", "strides", "dilation_rate", "groups"):
        if key in layer_in and not (isinstance(layer_in[key], int) and not isinstance(layer_in[key], bool)):
            raise _fail(f"layer.{key} must be a whole number, got {layer_in[key]!r}")
    for key in ("filters", "kernel_size", "strides", "dilation_rate"):
        limit = LIMITS.get(key)
        if limit and key in layer_in and layer_in[key] > limit:
            raise _fail(f"layer.{key}={layer_in[key]} is over the app's limit of {limit}")
    try:
        spec = Conv1DSpec(**layer_in)
    except ConvError as exc:
        raise _fail(f"layer: {exc.keras}") from None
    except TypeError as exc:
        raise _fail(f"layer: {exc}") from None
    layer = {key: getattr(spec, key) for key in LAYER_KEYS}

    x = _array_block(data["input"], "input", 3, None, "input")
    batch, steps, channels = x.shape
    _check_limits(batch, steps, channels, spec.filters, spec.kernel_size)
    if channels % spec.groups:
        raise _fail(f"input has {channels} channels, not divisible by groups={spec.groups}")
    kshape = spec.kernel_shape(channels)
    kernel = _array_block(data["kernel"], "kernel", 3, kshape, "kernel")
    if kernel.shape != kshape:
        raise _fail(
            f"kernel has shape {kernel.shape}, but the layer needs {kshape} "
            "(kernel_size, channels/groups, filters)"
        )
    bias: np.ndarray | None = None
    if spec.use_bias:
        raw = data.get("bias")
        if raw is None:
            bias = np.zeros(spec.filters)
        else:
            if isinstance(raw, dict):
                raw = raw.get("values")
            bias = _numbers(raw, "bias", 1)
            if bias.shape != (spec.filters,):
                raise _fail(f"bias has shape {bias.shape}, but the layer needs ({spec.filters},)")
    view = _view(data.get("view"))
    if view.sample >= batch:
        view = replace(view, sample=0)
    return Session(
        layer=layer,
        x=x,
        kernel=kernel,
        bias=bias,
        view=view,
        name=str(data.get("name", "")),
        title=_text_map(data.get("title"), "title"),
        description=_text_map(data.get("description"), "description"),
    )


def parse_session_text(text: str, source: str = "the session") -> Session:
    """Decode JSON text and validate it; ``source`` names the file in messages."""
    try:
        data = json.loads(text, parse_constant=lambda c: float(c))
    except json.JSONDecodeError as exc:
        if not text.strip():
            raise _fail(f"{source} is empty") from None
        raise _fail(
            f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise _fail(f"{source} is nested too deeply") from None
    except ValueError as exc:  # an integer literal over Python's 4300-digit limit
        raise _fail(f"{source}: {str(exc).split(';')[0]}") from None
    try:
        return parse_session(data)
    except RecursionError:
        raise _fail(f"{source} is nested too deeply") from None


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read and validate a session file; any problem raises :class:`SessionError`."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise _fail(f"cannot open {p}: {exc.strerror or exc}") from None
    if p.is_dir():
        raise _fail(f"{p} is a folder, not a session file")
    if size > MAX_FILE_BYTES:
        raise _fail(f"{p.name} is {size / 1e6:.0f} MB, too large for a session")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise _fail(f"cannot read {p}: {exc.strerror or exc}") from None
    if b"\x00" in raw[:4096]:
        raise _fail(f"{p.name} is not a text (UTF-8 JSON) file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(f"{p.name} is not a text (UTF-8 JSON) file") from None
    return parse_session_text(text, p.name)


# ---------------------------------------------------------------- writing
def session_to_dict(session: Session) -> dict[str, Any]:
    """The JSON document for ``session`` (values written out, no generators)."""
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": session.name,
        "layer": dict(session.layer),
        "input": {"shape": list(session.x.shape), "values": session.x.tolist()},
        "kernel": {"shape": list(session.kernel.shape), "values": session.kernel.tolist()},
        "bias": None if session.bias is None else {"values": session.bias.tolist()},
        "view": {
            "position": session.view.position,
            "mode": session.view.mode,
            "orientation": session.view.orientation,
            "sample": session.view.sample,
            "theme": session.view.theme,
            "language": session.view.language,
            "show_numbers": session.view.show_numbers,
        },
    }
    if session.title:
        doc["title"] = dict(session.title)
    if session.description:
        doc["description"] = dict(session.description)
    return doc


def session_to_json(session: Session) -> str:
    """The session file's text (UTF-8 JSON, Chinese titles kept readable)."""
    return json.dumps(session_to_dict(session), indent=1, ensure_ascii=False) + "\n"


def save_session(session: Session, path: str | os.PathLike[str]) -> None:
    """Save atomically as JSON (``docs/session-format.md``)."""
    atomic_write_text(path, session_to_json(session))
