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
from app.io.numeric import NumberRangeError, check_array, number_problem, shown
from app.io.regular_file import FileRefused, read_regular_bytes
from conv_core import Conv1DSpec, Conv1DTransposeSpec, ConvError
from conv_core.signals import make_signal

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LAYER_KINDS",
    "LIMITS",
    "PICTURES",
    "ModelRef",
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
# Counted in the raw text before parsing (JSON makes one Python object per item): a session within
# LIMITS needs at most 16*4096 + 64*512 + a few hundred lists and 4,000,000 numbers.
MAX_LISTS = 250_000
MAX_ITEMS = LIMITS["values"] + 500_000  # commas: numbers, lists, keys

TOP_KEYS = ("format", "version", "name", "title", "description", "layer", "input", "kernel", "bias", "view", "model")
MODEL_KEYS = ("path", "sha256", "layer")
ARRAY_KEYS = ("values", "shape", "generator")
BIAS_KEYS = ("values", "shape")
VIEW_KEYS = ("position", "mode", "orientation", "sample", "theme", "language", "show_numbers", "picture")
GENERATOR_KEYS = {"input": ("name", "seed", "low", "high", "period"), "kernel": ("name", "seed")}

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
PICTURES = ("grid", "matrix", "signal")  # the cell grid, the matrix y = C·x + b, curves over time
LAYER_KINDS = ("Conv1D", "Conv1DTranspose")  # the layer's class (the Conv1D arguments are shared)


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
    picture: str = "grid"  # one of PICTURES: how the layer is drawn beside the grid


@dataclass(frozen=True)
class ModelRef:
    """The saved Keras model a session's layer came from: the file, the SHA-256 of its bytes, the layer."""

    path: str
    sha256: str
    layer: str


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
    model: ModelRef | None = None
    layer_kind: str = "Conv1D"  # one of LAYER_KINDS; Conv1DTranspose reads the kernel as (k, filters, channels)
    output_padding: int | None = None  # Conv1DTranspose only; None lets Keras infer the length

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
            and (self.layer_kind, self.output_padding) == (other.layer_kind, other.output_padding)
            and same(self.x, other.x)
            and same(self.kernel, other.kernel)
            and same(self.bias, other.bias)
            and self.view == other.view
        )


# ---------------------------------------------------------------- reading
def _fail(msg: str) -> SessionError:
    return SessionError(msg)


def _known_keys(block: dict[str, Any], known: tuple[str, ...], path: str) -> None:
    """Unknown keys are refused with their JSON path (a typo such as view.mdoe never passes silently)."""
    unknown = [k for k in block if k not in known]
    if unknown:
        where = ", ".join(f"{path}.{k}" if path else k for k in unknown[:5])
        raise _fail(f"unknown key(s) {shown(where)}; {path or 'a session'} may hold only {', '.join(known)}")


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON's object_pairs_hook: a key given twice is refused (json.loads would keep the last one)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(f"the key {shown(key)} is given twice in one object (in {shown(list(out))})")
        out[key] = value
    return out


def _check_budget(raw: bytes, source: str) -> None:
    """Refuse, before parsing, a text holding more lists or items than any session within LIMITS."""
    lists = raw.count(b"[")
    if lists > MAX_LISTS:
        # name the key under which the lists pile up: the last key before the budget ran out
        pos = -1
        for _ in range(MAX_LISTS):
            pos = raw.find(b"[", pos + 1)
        colon = raw.rfind(b'":', 0, pos)
        start = raw.rfind(b'"', 0, colon)
        key = raw[start + 1 : colon].decode("utf-8", "replace") if colon > 0 and start >= 0 else "?"
        raise _fail(
            f"{source} holds {lists:,} lists (under the key {shown(key)}), "
            f"more than any session within the app's limits ({MAX_LISTS:,})"
        )
    items = raw.count(b",")
    if items > MAX_ITEMS:
        raise _fail(
            f"{source} holds about {items:,} items, more than any session within the app's limits "
            f"({LIMITS['values']:,} numbers)"
        )


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
        raise _fail(f"{what}: every size must be at least 1, got {shown(value)}")
    names = ("batch", "steps", "channels") if what == "input" else ("size",) * ndim
    for name, v in zip(names, value, strict=False):
        if v > LIMITS["values"]:
            raise _fail(f"{what}: shape {name}={shown(v)} is over the app's limit of {LIMITS['values']:,} numbers")
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
            raise _fail(f"{key}={shown(v)} is over the app's limit of {LIMITS[key]}")
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
    _known_keys(block, ARRAY_KEYS, what)
    if "values" in block and "generator" in block:
        raise _fail(f"{what}: give either 'values' or a 'generator', not both")
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
        _known_keys(gen, GENERATOR_KEYS[kind], f"{what}.generator")
        gen_shape = _shape(block.get("shape"), ndim, what) if "shape" in block else shape_hint
        if gen_shape is None:
            raise _fail(f"{what}: a generator needs a 'shape'")
        shape = gen_shape
        if kind == "input":  # refuse before allocating anything
            for key, v in zip(("batch", "steps", "channels"), shape, strict=False):
                if v > LIMITS[key]:
                    raise _fail(f"{what}: {key}={shown(v)} is over the app's limit of {LIMITS[key]}")
        if any(v > LIMITS["values"] for v in shape) or math.prod(shape) > LIMITS["values"]:
            raise _fail(
                f"{what}: shape {shown(list(shape))} holds over the app's limit of {LIMITS['values']:,} numbers"
            )
        seed = gen.get("seed", 0)
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
    _known_keys(value, VIEW_KEYS, "view")
    v = ViewSettings()
    changes: dict[str, Any] = {}
    for key, allowed in (
        ("mode", MODES),
        ("orientation", ORIENTATIONS),
        ("theme", THEMES),
        ("language", LANGUAGES),
        ("picture", PICTURES),
    ):
        if key in value:
            if value[key] not in allowed:
                raise _fail(f"view.{key} must be one of {', '.join(allowed)}, got {shown(value[key])}")
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


def _model_ref(value: Any) -> ModelRef | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _fail("'model' must be an object with path, sha256 and layer")
    _known_keys(value, MODEL_KEYS, "model")
    path, digest, layer = value.get("path"), value.get("sha256"), value.get("layer")
    if not isinstance(path, str) or not path or len(path) > 4096:
        raise _fail("model.path must be the model file's path")
    if not isinstance(digest, str) or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise _fail("model.sha256 must be 64 hexadecimal digits")
    if not isinstance(layer, str) or not layer or len(layer) > 200:
        raise _fail("model.layer must be the layer's name")
    return ModelRef(path, digest, layer)


def parse_session(data: Any) -> Session:
    """Validate a decoded JSON document and build a :class:`Session`."""
    if not isinstance(data, dict):
        raise _fail("not a session: the file must hold a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise _fail(f"not a session: 'format' must be {FORMAT_NAME!r}, got {shown(data.get('format'))}")
    _known_keys(data, TOP_KEYS, "")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail("'version' must be a whole number")
    if version > FORMAT_VERSION or version < 1:
        raise _fail(
            f"session format version {shown(version)} is not supported (this app reads version {FORMAT_VERSION})"
        )
    for key in ("layer", "input", "kernel"):
        if key not in data:
            raise _fail(f"missing field '{key}'")
    layer_in = data["layer"]
    if not isinstance(layer_in, dict):
        raise _fail("'layer' must be an object")
    layer_in = dict(layer_in)
    kind, output_padding = _layer_kind(layer_in.pop("kind", "Conv1D"), layer_in.pop("output_padding", None))
    unknown = sorted(set(layer_in) - set(LAYER_KEYS))
    if unknown:
        raise _fail(f"layer: unknown argument(s) {', '.join(unknown)[:60]}")
    if "use_bias" in layer_in and not isinstance(layer_in["use_bias"], bool):
        raise _fail(f"layer.use_bias must be true or false, got {shown(layer_in['use_bias'])}")
    for key in ("filters", "kernel_size"):
        if key not in layer_in:
            raise _fail(f"layer: missing '{key}'")
    for key in ("filters", "kernel_size", "strides", "dilation_rate", "groups"):
        if key in layer_in and not (isinstance(layer_in[key], int) and not isinstance(layer_in[key], bool)):
            raise _fail(f"layer.{key} must be a whole number, got {shown(layer_in[key])}")
    for key in ("filters", "kernel_size", "strides", "dilation_rate", "groups"):
        limit = LIMITS.get(key, LIMITS["channels"])
        if key in layer_in and abs(layer_in[key]) > limit:  # negative ones: conv_core says why
            side = "over the app's limit of " if layer_in[key] > 0 else "below the app's limit of -"
            raise _fail(f"layer.{key}={shown(layer_in[key])} is {side}{limit}")
    try:
        spec = Conv1DSpec(**layer_in)
    except ConvError as exc:
        raise _fail(f"layer: {exc.keras}") from None
    except TypeError as exc:
        raise _fail(f"layer: {exc}") from None
    layer = {key: getattr(spec, key) for key in LAYER_KEYS}
    if kind == "Conv1DTranspose":
        if spec.groups != 1:
            raise _fail("layer: Conv1DTranspose has no groups; use groups=1")
        try:
            _transpose_spec(layer, output_padding)
        except ConvError as exc:
            raise _fail(f"layer: {exc.keras}") from None

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
                _known_keys(raw, BIAS_KEYS, "bias")
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
        model=_model_ref(data.get("model")),
        layer_kind=kind,
        output_padding=output_padding,
    )


def _layer_kind(kind: Any, output_padding: Any) -> tuple[str, int | None]:
    """``layer.kind`` and ``layer.output_padding`` checked (both optional: a Conv1D by default)."""
    if kind not in LAYER_KINDS:
        raise _fail(f"layer.kind must be one of {', '.join(LAYER_KINDS)}, got {shown(kind)}")
    if output_padding is not None:
        if kind != "Conv1DTranspose":
            raise _fail("layer.output_padding is a Conv1DTranspose argument; Conv1D has none")
        if not isinstance(output_padding, int) or isinstance(output_padding, bool) or output_padding < 0:
            raise _fail(f"layer.output_padding must be a whole number >= 0 or null, got {shown(output_padding)}")
    return str(kind), output_padding


def _transpose_spec(layer: dict[str, Any], output_padding: int | None) -> Conv1DTransposeSpec:
    """The Conv1DTranspose of a session's shared layer arguments (groups is Conv1D's only)."""
    args = {k: v for k, v in layer.items() if k != "groups"}
    return Conv1DTransposeSpec(output_padding=output_padding, **args)


def parse_session_text(text: str, source: str = "the session") -> Session:
    """Decode JSON text and validate it; ``source`` names the file in messages."""
    if len(text) > 1_000_000:  # a short text cannot break the budget
        _check_budget(text.encode("utf-8", "surrogatepass"), source)
    try:
        data = json.loads(text, parse_constant=lambda c: float(c), object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        raise _fail(f"{source}: {exc}") from None
    except json.JSONDecodeError as exc:
        if not text.strip():
            raise _fail(f"{source} is empty") from None
        raise _fail(
            f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise _fail(f"{source} is nested too deeply") from None
    except ValueError:  # an integer literal over Python's 4300-digit limit (its wording varies by version)
        raise _fail(f"{source}: a number has more than 4300 digits; the app's values lie within ±1e15") from None
    try:
        return parse_session(data)
    except RecursionError:
        raise _fail(f"{source} is nested too deeply") from None


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read and validate a session file; any problem raises :class:`SessionError`."""
    p = Path(path)
    try:
        raw = read_regular_bytes(p, MAX_FILE_BYTES, "session")
    except FileRefused as exc:
        raise _fail(str(exc)) from None
    _check_budget(raw, p.name)  # before decoding: a refused file costs one pass over its bytes
    if b"\x00" in raw[:4096]:
        raise _fail(f"{p.name} is not a text (UTF-8 JSON) file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(f"{p.name} is not a text (UTF-8 JSON) file") from None
    return parse_session_text(text, p.name)


# ---------------------------------------------------------------- writing
def _layer_block(session: Session) -> dict[str, Any]:
    """The layer's arguments; a Conv1DTranspose adds its kind and output_padding (a Conv1D file is unchanged)."""
    block = dict(session.layer)
    if session.layer_kind != "Conv1D":
        block["kind"] = session.layer_kind
        block["output_padding"] = session.output_padding
    return block


def session_to_dict(session: Session) -> dict[str, Any]:
    """The JSON document for ``session`` (values written out, no generators)."""
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": session.name,
        "layer": _layer_block(session),
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
            "picture": session.view.picture,
        },
    }
    if session.title:
        doc["title"] = dict(session.title)
    if session.description:
        doc["description"] = dict(session.description)
    if session.model is not None:
        doc["model"] = {"path": session.model.path, "sha256": session.model.sha256, "layer": session.model.layer}
    return doc


def session_to_json(session: Session) -> str:
    """The session file's text (UTF-8 JSON, Chinese titles kept readable)."""
    return json.dumps(session_to_dict(session), indent=1, ensure_ascii=False) + "\n"


def save_session(session: Session, path: str | os.PathLike[str]) -> None:
    """Save atomically as JSON (``docs/session-format.md``)."""
    atomic_write_text(path, session_to_json(session))
