"""What reading Keras code gives back: the parsed models, the remarks (line, message, severity), the input shape."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from conv_core import stack as st

__all__ = ["SEVERITIES", "Diagnostic", "InputDim", "ParseResult", "ParsedModel", "Unknown", "resolve_input_shape"]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Diagnostic:
    """One remark about the snippet.

    Attributes
    ----------
    line : int
        1-based line in the pasted code.
    message : str
    severity : {'error', 'warning', 'info'}
        ``error``: the code cannot be read there; ``warning``: something was
        skipped or guessed; ``info``: a translation or an ignored statement.
    code : str
        A stable identifier (for translations and tests).
    template, values
        The English message with named ``str.format`` fields, and their
        values (``message == template.format(**dict(values))``): the app
        translates the template, then fills it in.  Keras's own error text
        inside a value stays English.
    """

    line: int
    message: str
    severity: str = "warning"
    code: str = ""
    template: str = field(default="", compare=False)
    values: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @classmethod
    def make(diagnostic, line: int, template: str, severity: str = "warning", code: str = "",
             **values: Any) -> Diagnostic:
        """The remark ``template.format(**values)``, keeping both so the app can translate the template.

        >>> d = Diagnostic.make(3, "{cls}: unknown argument `{key}`", "warning", "unknown_argument", cls="Dense",
        ...                     key="colour")
        >>> d.message, d.template, dict(d.values)["key"]
        ('Dense: unknown argument `colour`', '{cls}: unknown argument `{key}`', 'colour')
        """
        return diagnostic(line, template.format(**values), severity, code, template, tuple(values.items()))

    def __str__(self) -> str:
        return f"line {self.line}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Unknown:
    """A value the parser could not read as a literal (shown as ``?``)."""

    text: str
    reason: str = ""

    def __repr__(self) -> str:
        return "?"


InputDim = int | None | Unknown


@dataclass(frozen=True)
class ParsedModel:
    """One model found in the snippet.

    Attributes
    ----------
    name : str
        Keras's name for it: ``'sequential'``, ``'sequential_1'``, ``'functional'``
        or the ``name=`` given.
    style : {'sequential', 'functional'}
    line : int
        Where the model is created.
    layers : tuple of app.stack.Layer
    input_shape : tuple or None
        Without the batch; elements may be ``None`` (any length) or
        :class:`Unknown` (not a literal).  ``None`` when the code gives none.
    input_line : int or None
    batch_size : int or None
    names, inbound, outputs
        A functional model read as a graph (branches, merges, several inputs):
        Keras's layer names, what each layer reads and the model's outputs,
        as :class:`conv_core.stack.Stack` holds them (``layers`` then includes
        an :class:`~conv_core.stack.InputLayer` per input, in Keras's order;
        ``input_shape`` is the first input's).  ``None`` for a chain.
    """

    name: str
    style: str
    line: int
    layers: tuple[st.Layer, ...]
    input_shape: tuple[InputDim, ...] | None = None
    input_line: int | None = None
    batch_size: int | None = None
    names: tuple[str, ...] | None = None
    inbound: tuple[tuple[st.Inbound, ...], ...] | None = None
    outputs: tuple[st.Inbound, ...] = ()

    @property
    def is_graph(self) -> bool:
        return self.inbound is not None

    def first_layer(self) -> st.Layer | None:
        """The first layer that is not an input."""
        return next((layer for layer in self.layers if not isinstance(layer, st.InputLayer)), None)

    def to_stack(self, input_shape: Sequence[int | None] | None = None) -> tuple[st.Stack, list[Diagnostic]]:
        """The :class:`app.stack.Stack`, with ``input_shape`` filling in or overriding the code's.

        See :func:`resolve_input_shape`.
        """
        shape, diags = resolve_input_shape(self, input_shape)
        if self.inbound is None:
            return st.Stack(self.layers, shape, self.name, self.style == "functional", self.batch_size), diags
        layers: list[st.Layer] = []
        first = True
        for layer in self.layers:
            if isinstance(layer, st.InputLayer):
                own = shape if first else _literal_shape(layer.shape)
                layer = replace(layer, shape=own)
                first = False
            layers.append(layer)
        stack = st.Stack(tuple(layers), shape, self.name, True, self.batch_size, self.names, self.inbound,
                         self.outputs)
        return stack, diags


@dataclass(frozen=True)
class ParseResult:
    """Every model in the snippet, and every remark, in line order."""

    models: tuple[ParsedModel, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def model(self) -> ParsedModel | None:
        """The first model (the one the CLI shows by default)."""
        return self.models[0] if self.models else None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")

    def at_line(self, line: int) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.line == line)


def resolve_input_shape(
    model: ParsedModel, override: Sequence[int | None] | None = None
) -> tuple[st.Shape | None, list[Diagnostic]]:
    """The input shape (without batch) to use, and remarks about it.

    ``override`` (the CLI's ``--input-shape``) fills in what the code leaves
    open (no shape at all, a non-literal such as ``float_data.shape[-1]``,
    ``None`` steps) and replaces the code's shape when given.  A stack starting
    with an Embedding takes token ids ``(steps,)``: from ``(steps, channels)``
    only the steps are used.

    >>> m = ParsedModel("sequential", "sequential", 1, (st.Conv1D(filters=4, kernel_size=3),), (None, 14), 1)
    >>> resolve_input_shape(m)[0], resolve_input_shape(m, (50, 14))[0]
    ((None, 14), (50, 14))
    """
    diags: list[Diagnostic] = []
    line = model.input_line or model.line
    code = model.input_shape
    embedding_first = isinstance(model.first_layer(), st.Embedding)
    if override is not None:
        shape: tuple[int | None, ...] = tuple(override)
        if embedding_first and len(shape) == 2:
            emb = model.first_layer()
            assert isinstance(emb, st.Embedding)
            if shape[1] != emb.output_dim:
                diags.append(Diagnostic.make(line, "the model starts with an Embedding, which takes token ids "
                                                   "(batch, steps): using steps={shape} from the input shape; the "
                                                   "channels come from output_dim={output_dim}, not {shape2}", "info",
                                                   "input_shape_embedding", shape=shape[0],
                                                   output_dim=repr(emb.output_dim), shape2=shape[1]))
            shape = shape[:1]
        if code is not None and tuple(code) != shape:
            open_parts = any(isinstance(v, Unknown) or v is None for v in code)
            given, shown = st.format_shape(shape), _show_shape(code)
            if open_parts:  # two whole templates, so a translation never splices English into Chinese
                diags.append(Diagnostic.make(line, "--input-shape {format_shape} fills in the code's input shape "
                                                   "{show_shape}", "info", "input_shape_override",
                                             format_shape=given, show_shape=shown))
            else:
                diags.append(Diagnostic.make(line, "--input-shape {format_shape} replaces the code's input shape "
                                                   "{show_shape}", "info", "input_shape_override",
                                             format_shape=given, show_shape=shown))
        return shape, diags
    if code is None:
        return None, [Diagnostic.make(model.line, "the code gives no input shape: pass --input-shape STEPS,CHANNELS, "
                                                  "or start the model with keras.Input(shape=(steps, channels))",
                                                  "error", "input_shape_missing")]
    unknown = [v for v in code if isinstance(v, Unknown)]
    if unknown:
        reasons = "; ".join(f"{u.text}: {u.reason}" if u.reason else u.text for u in unknown)
        return None, [Diagnostic.make(line, "the input shape {show_shape} is not all literal ({reasons}): pass "
                                            "--input-shape STEPS,CHANNELS", "error", "input_shape_unknown",
                                            show_shape=_show_shape(code), reasons=reasons)]
    return tuple(v for v in code if not isinstance(v, Unknown)), diags


def _literal_shape(shape: object) -> st.Shape | None:
    """An input's shape when every part is a literal, else ``None``."""
    if not isinstance(shape, tuple) or any(isinstance(v, Unknown) for v in shape):
        return None
    return tuple(v for v in shape if v is None or isinstance(v, int))


def _show_shape(shape: Sequence[InputDim]) -> str:
    inner = ", ".join("?" if isinstance(v, Unknown) else repr(v) for v in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"
