"""Read the Keras model code learners paste, with :mod:`ast` only: nothing is ever run.

Understood: ``model.add(layers.Conv1D(32, 7, activation='relu'))`` with
``keras.layers.X``, ``tf.keras.layers.X``, ``layers.X`` or a bare ``X`` (after
``from keras.layers import ...`` or not), ``Sequential([...])``, the functional
style ``x = layers.Conv1D(...)(x)`` from ``keras.Input(shape=...)`` to
``keras.Model(inputs, outputs)``, ``input_shape=``, ``batch_input_shape=``,
``input_dim=``/``input_length=``, ``model.build(...)``, Keras 1 names
(``Convolution1D(nb_filter=..., filter_length=..., border_mode=...,
subsample_length=...)``, ``AtrousConvolution1D``, ``MaxPooling1D(pool_length=...,
stride=...)``, ``Dense(output_dim=...)``, ``Dropout(p=...)``) shown with their
Keras 3 equivalent, ``for`` loops over literal lists or ``range(n)``, and
lower-cased names from scraped pages (``layers.conv1d``, ``none``).

Argument values must be literals: numbers, strings, tuples, lists, ``None``,
``True``/``False``, a negative number, or a name bound to one of those earlier
in the snippet (``max_features = 5000``).  Anything else (a call such as
``__import__('os').system('x')``, an attribute of an unknown object) is
reported with its line and never evaluated.  Unknown layers and arguments are
reported as :class:`Diagnostic` (line, message, severity) and the rest of the
model still parses; a syntax error is reported with its line and the line is
skipped.
"""

from __future__ import annotations

import ast
import builtins
import difflib
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from conv_core import stack as st
from conv_core.errors import KerasValueError

__all__ = [
    "Diagnostic",
    "ParseResult",
    "ParsedModel",
    "Unknown",
    "parse_keras",
    "parse_keras_file",
    "resolve_input_shape",
]

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
    """

    line: int
    message: str
    severity: str = "warning"
    code: str = ""

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
    """

    name: str
    style: str
    line: int
    layers: tuple[st.Layer, ...]
    input_shape: tuple[InputDim, ...] | None = None
    input_line: int | None = None
    batch_size: int | None = None

    def to_stack(self, input_shape: Sequence[int | None] | None = None) -> tuple[st.Stack, list[Diagnostic]]:
        """The :class:`app.stack.Stack`, with ``input_shape`` filling in or overriding the code's.

        See :func:`resolve_input_shape`.
        """
        shape, diags = resolve_input_shape(self, input_shape)
        stack = st.Stack(self.layers, shape, self.name, self.style == "functional", self.batch_size)
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
    embedding_first = bool(model.layers) and isinstance(model.layers[0], st.Embedding)
    if override is not None:
        shape: tuple[int | None, ...] = tuple(override)
        if embedding_first and len(shape) == 2:
            emb = model.layers[0]
            assert isinstance(emb, st.Embedding)
            if shape[1] != emb.output_dim:
                diags.append(Diagnostic(
                    line,
                    f"the model starts with an Embedding, which takes token ids (batch, steps): using "
                    f"steps={shape[0]} from the input shape; the channels come from output_dim="
                    f"{emb.output_dim!r}, not {shape[1]}",
                    "info", "input_shape_embedding"))
            shape = shape[:1]
        if code is not None and tuple(code) != shape:
            open_parts = any(isinstance(v, Unknown) or v is None for v in code)
            verb = "fills in" if open_parts else "replaces"
            diags.append(Diagnostic(
                line, f"--input-shape {st.format_shape(shape)} {verb} the code's input shape "
                f"{_show_shape(code)}", "info", "input_shape_override"))
        return shape, diags
    if code is None:
        return None, [Diagnostic(
            model.line,
            "the code gives no input shape: pass --input-shape STEPS,CHANNELS, or start the model "
            "with keras.Input(shape=(steps, channels))",
            "error", "input_shape_missing")]
    unknown = [v for v in code if isinstance(v, Unknown)]
    if unknown:
        reasons = "; ".join(f"{u.text}: {u.reason}" if u.reason else u.text for u in unknown)
        return None, [Diagnostic(
            line, f"the input shape {_show_shape(code)} is not all literal ({reasons}): pass "
            "--input-shape STEPS,CHANNELS", "error", "input_shape_unknown")]
    return tuple(v for v in code if not isinstance(v, Unknown)), diags


def _show_shape(shape: Sequence[InputDim]) -> str:
    inner = ", ".join("?" if isinstance(v, Unknown) else repr(v) for v in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


# --- what the parser knows about Keras -----------------------------------------------------------

_LAYER_SIGNATURES: dict[str, tuple[str, ...]] = {
    "Conv1D": ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups",
               "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer",
               "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"),
    "MaxPooling1D": ("pool_size", "strides", "padding", "data_format"),
    "AveragePooling1D": ("pool_size", "strides", "padding", "data_format"),
    "GlobalMaxPooling1D": ("data_format", "keepdims"),
    "GlobalAveragePooling1D": ("data_format", "keepdims"),
    "Embedding": ("input_dim", "output_dim", "embeddings_initializer", "embeddings_regularizer",
                  "embeddings_constraint", "mask_zero", "weights", "lora_rank", "lora_alpha",
                  "quantization_config"),
    "Dropout": ("rate", "noise_shape", "seed"),
    "SpatialDropout1D": ("rate", "seed"),
    "Flatten": ("data_format",),
    "Dense": ("units", "activation", "use_bias", "kernel_initializer", "bias_initializer",
              "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
              "bias_constraint", "lora_rank", "lora_alpha", "quantization_config"),
    "SimpleRNN": ("units", "activation", "use_bias", "kernel_initializer", "recurrent_initializer",
                  "bias_initializer", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
                  "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
                  "dropout", "recurrent_dropout", "return_sequences", "return_state", "go_backwards",
                  "stateful", "unroll", "seed"),
    "LSTM": ("units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
             "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
             "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
             "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
             "return_sequences", "return_state", "go_backwards", "stateful", "unroll", "use_cudnn"),
    "GRU": ("units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
            "recurrent_initializer", "bias_initializer", "kernel_regularizer", "recurrent_regularizer",
            "bias_regularizer", "activity_regularizer", "kernel_constraint", "recurrent_constraint",
            "bias_constraint", "dropout", "recurrent_dropout", "seed", "return_sequences", "return_state",
            "go_backwards", "stateful", "unroll", "reset_after", "use_cudnn"),
    "Activation": ("activation",),
    "BatchNormalization": ("axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
                           "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
                           "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint",
                           "renorm", "renorm_clipping", "renorm_momentum", "synchronized"),
    "ZeroPadding1D": ("padding", "data_format"),
}
_REQUIRED = {
    "Conv1D": ("filters", "kernel_size"), "Embedding": ("input_dim", "output_dim"), "Dense": ("units",),
    "SimpleRNN": ("units",), "LSTM": ("units",), "GRU": ("units",), "Dropout": ("rate",),
    "SpatialDropout1D": ("rate",), "Activation": ("activation",), "AveragePooling1D": ("pool_size",),
}
# Every Keras layer accepts these (Keras 3 Layer.__init__, and Keras 2's extra ones).
_BASE_KWARGS = {"name", "dtype", "trainable", "autocast", "activity_regularizer", "input_shape", "input_dim",
                "batch_input_shape", "batch_size", "weights"}
# Arguments read into the input shape, not into the layer.
_INPUT_KWARGS = {"input_shape", "batch_input_shape", "input_dim", "input_length", "batch_size"}
_STEPS_LAYERS = {"Conv1D", "SimpleRNN", "LSTM", "GRU", "Embedding"}  # accept Keras 1/2 input_length

_ALIASES = {
    "Convolution1D": "Conv1D", "MaxPool1D": "MaxPooling1D", "AvgPool1D": "AveragePooling1D",
    "GlobalMaxPool1D": "GlobalMaxPooling1D", "GlobalAvgPool1D": "GlobalAveragePooling1D",
}
_LEGACY_ONLY = {"AtrousConvolution1D"}
_SPECIAL = {"Input", "InputLayer", "Sequential", "Model", "Functional"}
# Keras layers the explorer knows of but does not model.
_UNSUPPORTED = {
    "Conv1DTranspose", "Conv2D", "Conv3D", "SeparableConv1D", "DepthwiseConv1D", "Conv2DTranspose",
    "MaxPooling2D", "AveragePooling2D", "GlobalMaxPooling2D", "GlobalAveragePooling2D", "UpSampling1D",
    "Cropping1D", "Reshape", "Permute", "RepeatVector", "Lambda", "Masking", "TimeDistributed",
    "Bidirectional", "ConvLSTM1D", "RNN", "LayerNormalization", "GroupNormalization",
    "UnitNormalization", "MultiHeadAttention", "Attention", "AdditiveAttention", "Concatenate", "Add",
    "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Dot", "LeakyReLU", "ReLU", "PReLU", "ELU",
    "Softmax", "ThresholdedReLU", "GaussianNoise", "GaussianDropout", "AlphaDropout", "Identity",
    "ActivityRegularization", "SpatialDropout2D", "CuDNNGRU", "CuDNNLSTM", "LocallyConnected1D",
    "Rescaling", "Normalization", "TextVectorization", "Resizing", "Cropping2D", "ZeroPadding2D",
    "concatenate", "add", "subtract", "multiply", "average", "maximum", "minimum", "dot",
}
_KNOWN = set(_LAYER_SIGNATURES) | set(_ALIASES) | _LEGACY_ONLY | _SPECIAL
_BY_LOWER = {name.lower(): name for name in _KNOWN | _UNSUPPORTED}

# Keras 1 argument names of layers conv_core.legacy does not translate.
_KERAS1_COMMON = {"init": "kernel_initializer", "W_regularizer": "kernel_regularizer",
                  "b_regularizer": "bias_regularizer", "W_constraint": "kernel_constraint",
                  "b_constraint": "bias_constraint", "bias": "use_bias"}
_KERAS1_RNN = {**_KERAS1_COMMON, "output_dim": "units", "inner_init": "recurrent_initializer",
               "inner_activation": "recurrent_activation", "U_regularizer": "recurrent_regularizer",
               "U_constraint": "recurrent_constraint", "dropout_W": "dropout",
               "dropout_U": "recurrent_dropout"}
_KERAS1_RENAMES: dict[str, dict[str, str]] = {
    "Dense": {**_KERAS1_COMMON, "output_dim": "units"},
    "SimpleRNN": _KERAS1_RNN, "LSTM": _KERAS1_RNN, "GRU": _KERAS1_RNN,
    "Dropout": {"p": "rate"}, "SpatialDropout1D": {"p": "rate"},
    "Embedding": {"init": "embeddings_initializer", "W_regularizer": "embeddings_regularizer",
                  "W_constraint": "embeddings_constraint"},
    "BatchNormalization": {"beta_init": "beta_initializer", "gamma_init": "gamma_initializer"},
}
_KERAS1_DROPPED = {"consume_less", "mode", "dropout"}  # Keras 1 arguments with no Keras 3 counterpart

_LEGACY_CONV_TRIGGERS = {"nb_filter", "filter_length", "border_mode", "subsample_length", "atrous_rate",
                         "init", "W_regularizer", "b_regularizer", "W_constraint", "b_constraint", "bias"}
_LEGACY_POOL_TRIGGERS = {"pool_length", "stride", "border_mode"}
_KERAS1_CONV_POSITIONAL = ("nb_filter", "filter_length", "init", "activation", "weights", "border_mode",
                           "subsample_length")
_KERAS1_ATROUS_POSITIONAL = (*_KERAS1_CONV_POSITIONAL, "atrous_rate")
_KERAS1_POOL_POSITIONAL = ("pool_length", "stride", "border_mode")

_MODEL_METHODS = {"compile", "fit", "fit_generator", "evaluate", "evaluate_generator", "predict",
                  "predict_generator", "predict_classes", "summary", "save", "save_weights",
                  "load_weights", "get_layer", "get_weights", "set_weights", "train_on_batch",
                  "test_on_batch", "predict_on_batch", "to_json", "count_params", "reset_states",
                  "export", "call", "get_config"}
_DEFAULT_MODULES = {"keras": "keras", "tf": "tensorflow", "tensorflow": "tensorflow",
                    "layers": "keras.layers", "models": "keras.models"}
_ACTIVATION_MODULES = ("keras.activations", "tensorflow.nn", "tensorflow.keras.activations",
                       "tensorflow.math", "keras.ops")
# Names whose call in pasted code would be dangerous if it were run (it never is).
_DANGEROUS_NAMES = {"__import__", "eval", "exec", "compile", "open", "getattr", "setattr", "delattr",
                    "globals", "locals", "vars", "input", "breakpoint", "help", "exit", "quit"}
_DANGEROUS_MODULES = {"os", "subprocess", "sys", "shutil", "socket", "pathlib", "builtins", "importlib",
                      "pickle", "ctypes", "urllib", "requests", "http", "webbrowser", "pty", "signal"}
_DANGEROUS_ATTRS = {"system", "popen", "Popen", "remove", "unlink", "rmtree", "rmdir", "check_output",
                    "check_call", "execv", "execl", "execvp", "spawnl", "kill", "write_text", "write_bytes"}
_BUILTINS = frozenset(dir(builtins))
_SMART_CHARS = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\uff0c": ",",
                "\uff08": "(", "\uff09": ")", "\uff1d": "=", "\u00a0": " ", "\u3000": " "}
_MAX_LOOP = 256
_MAX_LOOP_TOTAL = 2048
_MAX_SKIPPED_LINES = 400


def _is_keras_path(path: str) -> bool:
    return path == "keras" or path.startswith(("keras.", "tensorflow.keras", "tensorflow.python.keras",
                                               "tf_keras"))


# --- values the parser tracks --------------------------------------------------------------------

@dataclass
class _InputInfo:
    shape: tuple[InputDim, ...] | None
    line: int
    batch_size: int | None = None


@dataclass
class _LayerRef:
    layers: list[st.Layer]  # usually one; a Keras 1 'full' conv is ZeroPadding1D + Conv1D
    line: int
    input: _InputInfo | None = None
    is_input_layer: bool = False
    pending: Diagnostic | None = None  # reported once the object is used as a layer


@dataclass
class _TensorRef:
    input: _InputInfo | None
    chain: list[_LayerRef]
    line: int
    origin: str = ""  # the name of a non-Input start (``data``), for the message
    consumed: bool = False


@dataclass
class _ModelBuilder:
    style: str
    line: int
    name: str | None = None
    layers: list[_LayerRef] = field(default_factory=list)
    input: _InputInfo | None = None


@dataclass
class _ModuleRef:
    path: str


@dataclass
class _ClassRef:
    name: str  # canonical Keras class name (or an unsupported one)


_NOT_FOUND = object()


class _SkipStatement(Exception):
    pass


def _segment(source: str, node: ast.AST, limit: int = 90) -> str:
    text = ast.get_source_segment(source, node) or ast.unparse(node)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Reader:
    """Walks the statements in order, tracking names; never evaluates code."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.env: dict[str, Any] = {}
        self.diags: list[Diagnostic] = []
        self.models: list[_ModelBuilder] = []
        self.tensors: list[_TensorRef] = []
        self.warned_nodes: set[int] = set()
        self.flagged_lines: set[int] = set()
        self.loop_budget = _MAX_LOOP_TOTAL  # unrolled passes over all loops, nested ones included

    # -- diagnostics
    def note(self, line: int, message: str, severity: str = "warning", code: str = "") -> None:
        d = Diagnostic(line, message, severity, code)
        if d not in self.diags:
            self.diags.append(d)

    # -- danger scan (reported once, never run)
    def scan_dangerous(self, tree: ast.AST) -> None:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in self.warned_nodes:
                continue
            if self._dangerous(node):
                for inner in ast.walk(node):
                    self.warned_nodes.add(id(inner))
                self.flagged_lines.add(node.lineno)
                self.note(node.lineno, f"not run: `{_segment(self.source, node)}` is code, not a Keras "
                          "layer; pasted code is only read, never executed", "warning", "not_run")

    def _dangerous(self, call: ast.Call) -> bool:
        for node in ast.walk(call):
            if isinstance(node, ast.Name) and node.id in _DANGEROUS_NAMES | _DANGEROUS_MODULES:
                return True
            if isinstance(node, ast.Attribute) and node.attr.startswith("__"):
                return True
            if isinstance(node, ast.Attribute) and node.attr in _DANGEROUS_ATTRS:
                root = node.value
                while isinstance(root, (ast.Attribute, ast.Call, ast.Subscript)):
                    root = root.func if isinstance(root, ast.Call) else root.value
                if not (isinstance(root, ast.Name) and self._resolve_path(root.id).startswith(("keras",))):
                    return True
        return False

    # -- statements
    def run(self, body: Sequence[ast.stmt]) -> None:
        for stmt in body:
            try:
                self.statement(stmt)
            except _SkipStatement:
                continue

    def ignored(self, node: ast.AST, why: str = "not model code") -> None:
        line = getattr(node, "lineno", 0)
        if line in self.flagged_lines:
            return
        self.note(line, f"ignored ({why}): {_segment(self.source, node, 60)}", "info", "ignored")

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    self.env[alias.asname] = _ModuleRef(alias.name)
                else:
                    top = alias.name.split(".")[0]
                    self.env[top] = _ModuleRef(top)
        elif isinstance(stmt, ast.ImportFrom):
            self.import_from(stmt)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            self.assign(stmt)
        elif isinstance(stmt, ast.Expr):
            if isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                return  # a docstring or a bare string
            value = self.expr(stmt.value)
            if isinstance(value, Unknown) and stmt.value.lineno not in self.flagged_lines:
                self.ignored(stmt)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.function(stmt)
        elif isinstance(stmt, ast.For):
            self.loop(stmt)
        elif isinstance(stmt, ast.If):
            self.run(stmt.body)
            if stmt.orelse:
                self.note(stmt.orelse[0].lineno, "the else branch of the `if` at line "
                          f"{stmt.lineno} was not read (conditions are not evaluated)", "info",
                          "else_skipped")
        elif isinstance(stmt, (ast.With, ast.AsyncWith, ast.Try)):
            self.run(stmt.body)
        elif isinstance(stmt, ast.Return):
            if stmt.value is not None:
                self.expr(stmt.value)
        elif isinstance(stmt, ast.ClassDef):
            self.ignored(stmt, "a class definition: custom layers are not read")
        elif isinstance(stmt, (ast.Pass, ast.Global, ast.Nonlocal, ast.Break, ast.Continue)):
            return
        else:
            self.ignored(stmt)

    def import_from(self, stmt: ast.ImportFrom) -> None:
        module = stmt.module or ""
        for alias in stmt.names:
            bound = alias.asname or alias.name
            if alias.name == "*":
                continue  # Keras names are recognised bare anyway
            full = f"{module}.{alias.name}" if module else alias.name
            canonical = self._class_name(alias.name)
            if _is_keras_path(module) and canonical is not None:
                self.env[bound] = _ClassRef(canonical)
            else:
                self.env[bound] = _ModuleRef(full)

    def function(self, stmt: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        args = stmt.args
        positional = [*args.posonlyargs, *args.args]
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        saved = dict(self.env)
        for arg, default in zip(positional, defaults, strict=True):
            value = Unknown(arg.arg, f"`{arg.arg}` is a parameter of {stmt.name}()")
            if default is not None:
                lit = self.literal(default)
                if not _has_unknown(lit):
                    value = lit
            self.env[arg.arg] = value
        for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
            lit = self.literal(kw_default) if kw_default is not None else Unknown(arg.arg)
            self.env[arg.arg] = lit
        self.run(stmt.body)
        # Keep the models and tensors; forget the function's local names.
        for name in [a.arg for a in (*positional, *args.kwonlyargs)]:
            if name in saved:
                self.env[name] = saved[name]
            else:
                self.env.pop(name, None)

    def loop(self, stmt: ast.For) -> None:
        values: list[Any] | None = None
        it = stmt.iter
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range":
            nums = [self.literal(a) for a in it.args]
            if (1 <= len(nums) <= 3 and all(isinstance(n, int) and not isinstance(n, bool) for n in nums)
                    and not it.keywords and (len(nums) < 3 or nums[2] != 0)):
                span = range(*nums)
                values = list(span) if span.__len__() <= _MAX_LOOP else None
        else:
            lit = self.literal(it)
            if isinstance(lit, (list, tuple)) and not _has_unknown(lit):
                values = list(lit)
        if values is None or len(values) > min(_MAX_LOOP, self.loop_budget):
            self.note(stmt.lineno, f"the loop `for ... in {_segment(self.source, it, 40)}` is not over a "
                      "literal list or range(n): its body is read once", "warning", "loop_once")
            self.bind_target(stmt.target, Unknown(_segment(self.source, stmt.target),
                                                  "a loop variable over a non-literal"))
            self.run(stmt.body)
            return
        self.loop_budget -= len(values)
        for value in values:
            self.bind_target(stmt.target, value)
            self.run(stmt.body)

    def bind_target(self, target: ast.expr, value: Any) -> None:
        if isinstance(target, ast.Name):
            self.env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (tuple, list)) and len(value) == len(target.elts):
                for t, v in zip(target.elts, value, strict=True):
                    self.bind_target(t, v)
            else:
                for t in target.elts:
                    self.bind_target(t, Unknown(_segment(self.source, t), "not a literal"))
        # Attributes and subscripts (obj.x = ..., d[k] = ...) bind nothing we track.

    def assign(self, stmt: ast.Assign | ast.AnnAssign) -> None:
        if stmt.value is None:
            return
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        value = self.expr(stmt.value)
        if isinstance(value, Unknown) and not isinstance(stmt.value, (ast.Name, ast.Constant)):
            # A literal tuple with parts we cannot read is still worth keeping (input shapes).
            lit = self.literal(stmt.value, quiet=True)
            if isinstance(lit, (tuple, list)):
                value = lit
            elif stmt.lineno not in self.flagged_lines and not self._harmless(stmt.value):
                self.ignored(stmt)
        for target in targets:
            self.bind_target(target, value)

    def _harmless(self, node: ast.expr) -> bool:
        # model.fit(...) and friends: known, nothing to say.
        return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(self.env.get(_root_name(node.func.value) or ""), _ModelBuilder)
                and node.func.attr in _MODEL_METHODS)

    # -- expressions: returns a tracked value or Unknown
    def expr(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Name):
            if node.id in self.env:
                return self.env[node.id]
            return self.literal(node, quiet=True)
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [self.expr(e) for e in node.elts]
            if any(isinstance(i, (_LayerRef, _TensorRef)) for i in items):
                return items
            return self.literal(node, quiet=True)
        lit = self.literal(node, quiet=True)
        return lit

    def call(self, node: ast.Call) -> Any:
        func = node.func
        # model.add(...), model.pop(), model.build(...), model.compile(...)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner = self.env.get(func.value.id)
            if isinstance(owner, _ModelBuilder):
                return self.model_method(owner, func.attr, node)
        cls = self.resolve_class(func)
        if cls is not None:
            return self.construct(cls, node)
        callee = self.expr(func) if isinstance(func, (ast.Name, ast.Call)) else Unknown(
            _segment(self.source, func), "not a Keras layer")
        if isinstance(callee, _LayerRef):
            return self.apply(callee, node)
        if isinstance(callee, _ModelBuilder):
            self.note(node.lineno, "calling a model on a tensor is not followed; the model is read "
                      "on its own", "info", "model_call")
        return Unknown(_segment(self.source, node), "a call (not run)")

    def _resolve_path(self, root: str) -> str:
        ref = self.env.get(root)
        if isinstance(ref, _ModuleRef):
            return ref.path
        if root in self.env:
            return ""
        return _DEFAULT_MODULES.get(root, "")

    def _class_name(self, name: str, line: int | None = None) -> str | None:
        if name in _KNOWN or name in _UNSUPPORTED:
            return name
        if name in _BUILTINS:
            return None
        lower = name.lower().replace("_", "")
        match = {k.replace("_", ""): v for k, v in _BY_LOWER.items()}.get(lower)
        if match is not None and line is not None:
            self.note(line, f"Keras names are case-sensitive: `{name}` should be written `{match}`",
                      "warning", "case")
        return match

    def resolve_class(self, func: ast.expr) -> str | None:
        """The Keras class a call's function names, or None when it is not a Keras class."""
        line = func.lineno
        if isinstance(func, ast.Name):
            ref = self.env.get(func.id)
            if isinstance(ref, _ClassRef):
                return ref.name
            if ref is not None:
                return None
            known = self._class_name(func.id, line)
            if known is not None:
                return known
            if func.id[:1].isupper() and func.id not in _BUILTINS:
                return "?" + func.id
            return None
        if isinstance(func, ast.Attribute):
            parts = _attr_chain(func)
            if parts is None:
                return None
            root, *middle, attr = parts
            base = self._resolve_path(root)
            module = ".".join([base, *middle]) if base else ""
            known = self._class_name(attr, None)
            if module and _is_keras_path(module):
                known = self._class_name(attr, line)
                if known is not None:
                    return known
                if attr[:1].isupper():
                    return "?" + ".".join(parts)
                return None
            if known is not None and not base and root not in self.env:
                self.note(line, f"`{'.'.join(parts)}`: `{root}` is not imported in the snippet; read as "
                          f"keras.layers.{known}", "warning", "unknown_module")
                return known
        return None


    # -- model methods
    def model_method(self, model: _ModelBuilder, method: str, node: ast.Call) -> Any:
        if method == "add":
            if not node.args:
                self.note(node.lineno, "model.add() needs a layer", "warning", "add_empty")
                return None
            self.add_to(model, node.args[0])
            return None
        if method == "pop":
            if model.layers:
                model.layers.pop()
            return None
        if method == "build":
            shape = self.literal(node.args[0]) if node.args else None
            if isinstance(shape, (tuple, list)) and len(shape) >= 1:
                batch = shape[0] if isinstance(shape[0], int) else None
                model.input = _InputInfo(tuple(shape[1:]), node.lineno, batch)
            return None
        if method in _MODEL_METHODS:
            return None
        self.note(node.lineno, f"ignored: model.{method}(...) is not read", "info", "ignored")
        return None

    def add_to(self, model: _ModelBuilder, arg: ast.expr) -> None:
        value = self.expr(arg)
        if isinstance(value, _LayerRef):
            self.append_layer(model, value)
        elif isinstance(value, _TensorRef):
            # model.add(Input(...))
            if value.input is not None and not value.chain:
                self.set_model_input(model, value.input)
            else:
                self.note(arg.lineno, "model.add() got a tensor, not a layer; skipped", "warning",
                          "add_tensor")
        elif isinstance(value, _ModelBuilder):
            self.note(arg.lineno, "a model inside a model is not followed; skipped", "warning",
                      "nested_model")
        else:
            text = _segment(self.source, arg, 60)
            if isinstance(arg, ast.Name) and arg.id not in self.env:
                if not model.layers:
                    self.note(arg.lineno, f"`{text}` is not defined in the snippet; skipped: the input "
                              "shape (--input-shape) then describes what it outputs", "warning",
                              "undefined_layer")
                    return
                self.note(arg.lineno, f"`{text}` is not defined in the snippet: kept as an unknown layer; "
                          "the shapes after it are unknown", "warning", "undefined_layer")
            elif arg.lineno not in self.flagged_lines:
                self.note(arg.lineno, f"`{text}` is not a Keras layer the explorer can read: kept as an "
                          "unknown layer; the shapes after it are unknown", "warning", "unknown_layer")
            layer = st.UnsupportedLayer(keras_name=text if len(text) < 30 else "Layer", line=arg.lineno,
                                        message=f"`{text}` could not be read as a Keras layer.")
            model.layers.append(_LayerRef([layer], arg.lineno))

    def set_model_input(self, model: _ModelBuilder, info: _InputInfo) -> None:
        if model.layers or model.input is not None:
            self.note(info.line, "an input shape after the first layer is ignored (Keras takes the "
                      "input shape of the first layer only)", "warning", "late_input")
            return
        model.input = info

    def used(self, ref: _LayerRef) -> None:
        if ref.pending is not None:
            self.note(ref.pending.line, ref.pending.message, ref.pending.severity, ref.pending.code)

    def append_layer(self, model: _ModelBuilder, ref: _LayerRef) -> None:
        self.used(ref)
        if ref.is_input_layer:
            if ref.input is not None:
                self.set_model_input(model, ref.input)
            return
        if ref.input is not None:
            if model.layers or model.input is not None:
                self.note(ref.line, "input_shape on a layer that is not the first is ignored (Keras "
                          "reads it on the first layer only)", "warning", "late_input")
            else:
                model.input = ref.input
        model.layers.append(ref)

    # -- Sequential / Model / Input / layers
    def construct(self, cls: str, node: ast.Call) -> Any:
        if cls == "Sequential":
            return self.sequential(node)
        if cls in ("Model", "Functional"):
            return self.functional(node)
        if cls == "Input":
            info = self.input_info(node, "Input")
            tensor = _TensorRef(info, [], node.lineno)
            self.tensors.append(tensor)
            return tensor
        if cls == "InputLayer":
            return _LayerRef([], node.lineno, self.input_info(node, "InputLayer"), is_input_layer=True)
        return self.layer(cls, node)

    def sequential(self, node: ast.Call) -> _ModelBuilder:
        model = _ModelBuilder("sequential", node.lineno)
        self.models.append(model)
        layer_list: ast.expr | None = node.args[0] if node.args else None
        for kw in node.keywords:
            if kw.arg == "layers":
                layer_list = kw.value
            elif kw.arg == "name":
                name = self.literal(kw.value)
                model.name = name if isinstance(name, str) else None
        if isinstance(layer_list, (ast.List, ast.Tuple)):
            for element in layer_list.elts:
                self.add_to(model, element)
        elif layer_list is not None and not (
            isinstance(layer_list, ast.Constant) and layer_list.value is None
        ):
            self.note(node.lineno, "Sequential(...) got something other than a list of layers; "
                      "skipped", "warning", "sequential_arg")
        return model

    def functional(self, node: ast.Call) -> Any:
        inputs_node: ast.expr | None = node.args[0] if node.args else None
        outputs_node: ast.expr | None = node.args[1] if len(node.args) > 1 else None
        name = None
        for kw in node.keywords:
            if kw.arg in ("inputs", "input"):
                inputs_node = kw.value
            elif kw.arg in ("outputs", "output"):
                outputs_node = kw.value
            elif kw.arg == "name":
                lit = self.literal(kw.value)
                name = lit if isinstance(lit, str) else None
        if outputs_node is None:
            self.note(node.lineno, "Model(...) without outputs: subclassed models are not read",
                      "warning", "model_no_outputs")
            return Unknown(_segment(self.source, node), "a model without outputs")
        outputs = self.expr(outputs_node)
        if isinstance(outputs, list):
            tensors = [o for o in outputs if isinstance(o, _TensorRef)]
            if len(outputs) > 1:
                self.note(node.lineno, "a model with several outputs: only the first is shown",
                          "warning", "multi_output")
            outputs = tensors[0] if tensors else None
        if not isinstance(outputs, _TensorRef):
            self.note(node.lineno, f"the outputs `{_segment(self.source, outputs_node, 40)}` are not a "
                      "chain of layers from keras.Input: skipped", "warning", "model_outputs")
            return Unknown(_segment(self.source, node), "a model whose outputs were not read")
        if inputs_node is not None:
            inputs = self.expr(inputs_node)
            if isinstance(inputs, list) and len(inputs) > 1:
                self.note(node.lineno, "a model with several inputs: only the first is shown",
                          "warning", "multi_input")
        outputs.consumed = True
        model = _ModelBuilder("functional", node.lineno, name, list(outputs.chain), outputs.input)
        self.models.append(model)
        return model

    def apply(self, ref: _LayerRef, node: ast.Call) -> _TensorRef:
        """``layer(x)``: a new tensor one layer further along the chain."""
        self.used(ref)
        arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "inputs"), None)
        source = self.expr(arg) if arg is not None else None
        if isinstance(source, list):
            tensors = [s for s in source if isinstance(s, _TensorRef)]
            self.note(node.lineno, "a layer applied to several tensors (a branch): only the first "
                      "branch is followed", "warning", "branch")
            source = tensors[0] if tensors else None
        if isinstance(source, _TensorRef):
            source.consumed = True
            if ref.is_input_layer:
                return source
            tensor = _TensorRef(source.input, [*source.chain, ref], node.lineno, source.origin)
        else:
            text = _segment(self.source, arg, 40) if arg is not None else "nothing"
            self.note(node.lineno, f"a layer is called on `{text}`, which is not a keras.Input: its "
                      "input shape is unknown", "info", "unknown_tensor")
            tensor = _TensorRef(ref.input, [] if ref.is_input_layer else [ref], node.lineno, text)
        self.tensors.append(tensor)
        return tensor

    # -- arguments
    def literal(self, node: ast.expr, quiet: bool = False) -> Any:
        """A Python literal, or :class:`Unknown` (with a reason); never evaluates code."""
        if isinstance(node, ast.Constant):
            if isinstance(node.value, (str, int, float, bool)) or node.value is None:
                return node.value
            return Unknown(_segment(self.source, node), "not a plain literal")
        if isinstance(node, (ast.Tuple, ast.List)):
            items = [self.literal(e, quiet) for e in node.elts]
            return tuple(items) if isinstance(node, ast.Tuple) else list(items)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = self.literal(node.operand, quiet)
            if isinstance(inner, (int, float)) and not isinstance(inner, bool):
                return -inner if isinstance(node.op, ast.USub) else inner
            return Unknown(_segment(self.source, node), "not a number")
        if isinstance(node, ast.Name):
            if node.id in self.env:
                value = self.env[node.id]
                if _is_literal_value(value):
                    return value
                return Unknown(node.id, f"`{node.id}` is not a literal")
            lowered = {"none": None, "true": True, "false": False}
            if node.id in lowered:
                if not quiet:
                    self.note(node.lineno, f"Python writes `{node.id.capitalize()}`, not `{node.id}`: read "
                              f"as {node.id.capitalize()}", "warning", "case")
                return lowered[node.id]
            return Unknown(node.id, f"`{node.id}` is not defined in the snippet")
        if isinstance(node, ast.Call):
            return Unknown(_segment(self.source, node), "a call: the explorer reads literals only and "
                           "never runs pasted code")
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            root = _root_name(node)
            if root is None:
                return Unknown(_segment(self.source, node), "not a literal")
            if root not in self.env:
                return Unknown(_segment(self.source, node), f"`{root}` is not defined in the snippet")
            return Unknown(_segment(self.source, node), f"it depends on `{root}`, which is not a literal")
        return Unknown(_segment(self.source, node), "an expression, not a literal")

    def call_args(self, cls: str, node: ast.Call, positional_names: Sequence[str]) -> dict[str, Any]:
        """Keyword -> literal (or Unknown) for a layer call, positional arguments named."""
        args: dict[str, Any] = {}
        for i, arg in enumerate(node.args):
            if isinstance(arg, ast.Starred):
                self.note(node.lineno, f"{cls}: *args is not read", "warning", "star_args")
                continue
            if i >= len(positional_names):
                self.note(node.lineno, f"{cls}: too many positional arguments; "
                          f"`{_segment(self.source, arg, 30)}` ignored", "warning", "extra_positional")
                continue
            args[positional_names[i]] = (self.literal(arg), arg)
        for kw in node.keywords:
            if kw.arg is None:
                self.note(node.lineno, f"{cls}: **kwargs is not read", "warning", "star_args")
                continue
            if kw.arg in args:
                self.note(kw.value.lineno, f"{cls}() got multiple values for argument '{kw.arg}'; the "
                          "keyword one is used", "warning", "duplicate_argument")
            args[kw.arg] = (self.literal(kw.value), kw.value)
        return args

    def input_info(self, node: ast.Call, cls: str) -> _InputInfo | None:
        args = self.call_args(cls, node, ("shape", "batch_size", "dtype", "sparse", "ragged", "batch_shape"))
        shape = None
        batch = None
        if "shape" in args or "input_shape" in args:
            shape = self.shape_value(args.get("shape") or args["input_shape"], cls)
        if "batch_shape" in args or "batch_input_shape" in args:
            full = self.shape_value(args.get("batch_shape") or args["batch_input_shape"], cls)
            if full:
                batch = full[0] if isinstance(full[0], int) else None
                shape = tuple(full[1:])
        if "batch_size" in args and isinstance(args["batch_size"][0], int):
            batch = args["batch_size"][0]
        for key in args:
            if key not in {"shape", "batch_size", "dtype", "sparse", "ragged", "batch_shape", "name",
                           "tensor", "optional", "input_shape", "batch_input_shape", "input_tensor"}:
                self.note(node.lineno, f"{cls}: unknown argument `{key}`", "warning", "unknown_argument")
        if shape is None:
            self.note(node.lineno, f"{cls}(...) without a literal shape: pass --input-shape",
                      "warning", "input_no_shape")
        return _InputInfo(shape, node.lineno, batch)

    def shape_value(self, item: tuple[Any, ast.expr], cls: str) -> tuple[InputDim, ...] | None:
        value, node = item
        if isinstance(value, int) and not isinstance(value, bool):
            value = (value,)
        if isinstance(value, (tuple, list)):
            dims: list[InputDim] = []
            for v in value:
                if v is None or isinstance(v, Unknown) or (isinstance(v, int) and not isinstance(v, bool)):
                    dims.append(v)
                else:
                    dims.append(Unknown(repr(v), "not a whole number"))
            for v in dims:
                if isinstance(v, Unknown):
                    self.note(node.lineno, f"{cls}: the shape part `{v.text}` is not a literal ({v.reason}); "
                              "pass --input-shape", "warning", "shape_not_literal")
            return tuple(dims)
        if isinstance(value, Unknown):
            self.note(node.lineno, f"{cls}: the shape `{value.text}` is not a literal ({value.reason}); "
                      "pass --input-shape", "warning", "shape_not_literal")
        return None

    def layer(self, cls: str, node: ast.Call) -> _LayerRef:
        line = node.lineno
        text = _segment(self.source, node, 120)
        if cls.startswith("?") or cls in _UNSUPPORTED:
            # Reported when it is used as a layer: RMSprop() or EarlyStopping() are not layers.
            full = cls.lstrip("?")
            name = full.rsplit(".", 1)[-1]
            if cls in _UNSUPPORTED:
                pending = Diagnostic(line, f"{name} is a Keras layer the explorer does not model: its "
                                     "output shape and the shapes after it are unknown", "warning",
                                     "unsupported_layer")
            else:
                guess = difflib.get_close_matches(name, sorted(_KNOWN | _UNSUPPORTED), n=1, cutoff=0.75)
                hint = f" (did you mean {guess[0]}?)" if guess else ""
                pending = Diagnostic(line, f"unknown layer `{full}`{hint}: kept as an unknown layer; the "
                                     "shapes after it are unknown", "warning", "unknown_layer")
            layer = st.UnsupportedLayer(keras_name=name, line=line)
            return _LayerRef([layer], line, pending=pending)
        canonical = _ALIASES.get(cls, cls)
        kwargs_names = {k.arg for k in node.keywords if k.arg}
        if canonical == "Conv1D" and kwargs_names & _LEGACY_CONV_TRIGGERS:
            return self.legacy_layer("Convolution1D", node, text)
        if cls == "AtrousConvolution1D":
            return self.legacy_layer("AtrousConvolution1D", node, text)
        if canonical in ("MaxPooling1D", "AveragePooling1D") and kwargs_names & _LEGACY_POOL_TRIGGERS:
            return self.legacy_layer(canonical, node, text)
        return self.modern_layer(canonical, node, text)

    def modern_layer(self, cls: str, node: ast.Call, text: str) -> _LayerRef:
        line = node.lineno
        signature = _LAYER_SIGNATURES[cls]
        raw = self.call_args(cls, node, signature)
        renames = _KERAS1_RENAMES.get(cls, {})
        args: dict[str, tuple[Any, ast.expr]] = {}
        legacy = None
        for key, item in raw.items():
            if key in renames:
                new = renames[key]
                self.note(line, f"Keras 1 argument `{key}` is `{new}` in Keras 2 and 3", "info",
                          "legacy_argument")
                legacy = text
                args[new] = item
            elif key in _KERAS1_DROPPED and key not in signature:
                self.note(line, f"Keras 1 argument `{key}` has no Keras 3 counterpart; ignored", "info",
                          "legacy_argument")
                legacy = text
            else:
                args[key] = item
        info = self.layer_input(cls, args, line)
        allowed = set(signature) | _BASE_KWARGS | ({"input_length"} if cls in _STEPS_LAYERS else set())
        known: dict[str, Any] = {}
        for key, (value, vnode) in args.items():
            if key not in allowed:
                guess = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.7)
                self.note(vnode.lineno, f"{cls} got an unknown argument `{key}`"
                          + (f" (did you mean `{guess[0]}`?)" if guess else "")
                          + f"; ignored. Keras 3 raises: Unrecognized keyword arguments passed to {cls}: "
                          f"{{'{key}': {_show(value)}}}", "warning", "unknown_argument")
                continue
            if key in _INPUT_KWARGS and not (cls == "Embedding" and key == "input_dim"):
                continue
            known[key] = value
        return self.build_layer(cls, known, node, text if legacy else None, info)

    def layer_input(self, cls: str, args: dict[str, tuple[Any, ast.expr]], line: int) -> _InputInfo | None:
        """The model input an input_shape / batch_input_shape / input_dim / input_length argument sets."""
        if "input_shape" in args:
            shape = self.shape_value(args["input_shape"], cls)
            batch = args["batch_size"][0] if "batch_size" in args else None
            return _InputInfo(shape, line, batch if isinstance(batch, int) else None)
        if "batch_input_shape" in args:
            full = self.shape_value(args["batch_input_shape"], cls)
            self.note(line, "batch_input_shape is Keras 2; Keras 3 writes keras.Input(batch_shape=...)",
                      "info", "batch_input_shape")
            if not full:
                return _InputInfo(None, line)
            return _InputInfo(tuple(full[1:]), line, full[0] if isinstance(full[0], int) else None)
        length = args.get("input_length", (None, None))[0]
        if cls == "Embedding":
            if "input_length" in args:
                self.note(line, "Keras 3 ignores Embedding(input_length=...) (deprecated); it is read as "
                          f"keras.Input(shape=({_show(length)},))", "info", "input_length")
                return _InputInfo((length if length is None or isinstance(length, int) else
                                   _as_unknown(length, "input_length"),), line)
            return None
        if "input_dim" in args:
            dim = args["input_dim"][0]
            dim = dim if isinstance(dim, int) else _as_unknown(dim, "input_dim")
            if cls in _STEPS_LAYERS:
                steps = length if length is None or isinstance(length, int) else _as_unknown(length, "steps")
                self.note(line, f"input_dim/input_length are Keras 1/2: read as keras.Input(shape="
                          f"({_show(steps)}, {_show(dim)}))", "info", "input_dim")
                return _InputInfo((steps, dim), line)
            return _InputInfo((dim,), line)
        if "input_length" in args and cls in _STEPS_LAYERS:
            self.note(line, "input_length without input_dim: the channels are unknown", "warning",
                      "input_length")
            steps = length if isinstance(length, int) else None
            return _InputInfo((steps, Unknown("input_dim", "not given")), line)
        return None

    def build_layer(self, cls: str, known: dict[str, Any], node: ast.Call, legacy: str | None,
                    info: _InputInfo | None, extra_before: Sequence[st.Layer] = ()) -> _LayerRef:
        line = node.lineno
        layer_cls = st.LAYER_CLASSES[cls]
        field_names = {f.name for f in fields(layer_cls)} - {"line", "legacy"}
        name = known.get("name")
        kwargs: dict[str, Any] = {"line": line, "legacy": legacy,
                                  "name": name if isinstance(name, str) else None}
        known = self.activation_value(cls, known, node)
        for key, value in known.items():
            if key not in field_names or key == "name":
                if isinstance(value, Unknown):
                    self.note(line, f"{cls}: {key}=`{value.text}` is not read ({value.reason}); it does not "
                              "change shapes or parameter counts", "info", "argument_not_literal")
                continue
            if isinstance(value, Unknown) or _has_unknown(value):
                bad = value if isinstance(value, Unknown) else Unknown(repr(value), "has a part that is not "
                                                                       "a literal")
                if cls == "Embedding" and key == "input_dim":
                    self.note(line, f"Embedding: input_dim=`{bad.text}` is not a literal ({bad.reason}): its "
                              "parameter count is unknown; the shapes are not affected", "warning",
                              "argument_not_literal")
                    kwargs[key] = None
                    continue
                if key == "activation":
                    self.note(line, f"{cls}: activation=`{bad.text}` is not read ({bad.reason}); computed "
                              "as linear", "warning", "argument_not_literal")
                    kwargs[key] = None
                    continue
                self.note(line, f"{cls}: {key}=`{bad.text}` is not a literal ({bad.reason}): this layer "
                          "cannot be computed", "warning", "argument_not_literal")
                broken = st.UnsupportedLayer(
                    keras_name=cls, line=line, legacy=legacy,
                    message=f"{cls}: the argument {key}={bad.text} is not a literal ({bad.reason}).",
                    hint=f"Write {key} as a number or string, or define it earlier in the snippet "
                    f"(e.g. {key} = ...).")
                return _LayerRef([broken], line, info)
            kwargs[key] = value
        missing = [a for a in _REQUIRED.get(cls, ()) if a not in kwargs]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            names = " and ".join(f"'{m}'" for m in missing)
            broken = st.UnsupportedLayer(
                keras_name=cls, line=line, legacy=legacy,
                message=f"{cls}.__init__() missing {len(missing)} required positional argument{plural}: "
                f"{names}",
                hint=f"Give {', '.join(missing)}, e.g. {_example_call(cls)}.", error_type="TypeError")
            self.note(line, broken.message, "warning", "missing_argument")
            return _LayerRef([broken], line, info)
        layer = layer_cls(**kwargs)
        return _LayerRef([*extra_before, layer], line, info)

    def activation_value(self, cls: str, kwargs: dict[str, Any], node: ast.Call) -> dict[str, Any]:
        """``activation=tf.nn.relu`` and ``keras.activations.relu`` read as 'relu'."""
        if not isinstance(kwargs.get("activation"), Unknown):
            return kwargs
        for kw in node.keywords:
            if kw.arg == "activation" and isinstance(kw.value, ast.Attribute):
                parts = _attr_chain(kw.value)
                if parts is None:
                    continue
                root, *middle, attr = parts
                path = ".".join([self._resolve_path(root), *middle])
                if path in _ACTIVATION_MODULES and attr in st.KERAS_ACTIVATIONS:
                    kwargs = {**kwargs, "activation": attr}
                    self.note(node.lineno, f"activation={'.'.join(parts)} read as activation='{attr}'",
                              "info", "activation_attribute")
        return kwargs

    def legacy_layer(self, legacy_class: str, node: ast.Call, text: str) -> _LayerRef:
        """A Keras 1 call, translated by :func:`conv_core.legacy.translate_legacy`."""
        from conv_core.legacy import translate_legacy

        line = node.lineno
        is_pool = legacy_class in ("MaxPooling1D", "AveragePooling1D")
        positional = (_KERAS1_POOL_POSITIONAL if is_pool else
                      _KERAS1_ATROUS_POSITIONAL if legacy_class == "AtrousConvolution1D" else
                      _KERAS1_CONV_POSITIONAL)
        raw = self.call_args(legacy_class, node, positional)
        if is_pool:
            allowed = {"pool_length", "stride", "border_mode", "pool_size", "strides", "padding", "name"}
        else:
            allowed = {"nb_filter", "filter_length", "init", "activation", "weights", "border_mode",
                       "subsample_length", "W_regularizer", "b_regularizer", "activity_regularizer",
                       "W_constraint", "b_constraint", "bias", "input_dim", "input_length", "filters",
                       "kernel_size", "strides", "padding", "use_bias", "kernel_initializer",
                       "kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint",
                       "name"}
            if legacy_class == "AtrousConvolution1D":
                allowed |= {"atrous_rate", "dilation_rate"}
        params: dict[str, Any] = {}
        for key, (value, vnode) in raw.items():
            if key not in allowed and key not in {"input_shape", "batch_input_shape", "trainable", "dtype"}:
                guess = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.7)
                self.note(vnode.lineno, f"{legacy_class} got an unknown argument `{key}`"
                          + (f" (did you mean `{guess[0]}`?)" if guess else "") + "; ignored",
                          "warning", "unknown_argument")
                continue
            if key in {"input_shape", "batch_input_shape", "trainable", "dtype"}:
                continue
            if isinstance(value, Unknown) and key in ("input_dim", "input_length"):
                params[key] = value  # an open input shape, filled in by --input-shape
                continue
            if isinstance(value, Unknown) and _irrelevant(key, legacy=True):
                self.note(line, f"{legacy_class}: {key}=`{value.text}` is not read ({value.reason}); it does "
                          "not change shapes or parameter counts", "info", "argument_not_literal")
                continue
            if isinstance(value, Unknown):
                self.note(line, f"{legacy_class}: {key}=`{value.text}` is not a literal ({value.reason}): "
                          "this layer cannot be computed", "warning", "argument_not_literal")
                broken = st.UnsupportedLayer(
                    keras_name="Conv1D" if not is_pool else legacy_class, line=line, legacy=text,
                    message=f"{legacy_class}: the argument {key}={value.text} is not a literal.",
                    hint=f"Write {key} as a number or string.")
                return _LayerRef([broken], line)
            params[key] = value
        modern_input: dict[str, tuple[Any, ast.expr]] = {
            k: raw[k] for k in ("input_shape", "batch_input_shape") if k in raw}
        info = self.layer_input("Conv1D", modern_input, line) if modern_input else None
        if info is None and ("input_dim" in params or "input_length" in params):
            info = _InputInfo((params.get("input_length"), params.get("input_dim")), line)
        modern_class = legacy_class if is_pool else "Conv1D"
        try:
            t = translate_legacy(legacy_class, {k: v for k, v in params.items()
                                                if k != "name" and not isinstance(v, Unknown)})
        except KerasValueError as exc:
            self.note(line, f"{legacy_class}: {exc.keras}", "warning", "legacy_error")
            broken = st.UnsupportedLayer(keras_name=modern_class, line=line, legacy=text,
                                         message=exc.keras, hint=exc.hint)
            return _LayerRef([broken], line, info)
        self.note(line, f"Keras 1 `{text}` is `{t.keras_code}` in Keras 3", "info", "legacy_layer")
        for n in t.notes:
            if not n.code.startswith("renamed_"):
                self.note(line, n.text, "info", f"legacy_{n.code}")
        before: list[st.Layer] = []
        for code in t.before:
            m = re.fullmatch(r"ZeroPadding1D\(padding=(\d+)\)", code)
            if m:
                before.append(st.ZeroPadding1D(padding=int(m.group(1)), line=line, legacy=text))
        known = dict(t.kwargs)
        if "name" in params:
            known["name"] = params["name"]
        layer_cls = st.LAYER_CLASSES[t.modern_class]
        field_names = {f.name for f in fields(layer_cls)}
        known = {k: v for k, v in known.items() if k in field_names}
        return self.build_layer(t.modern_class, known, node, text, info, before)


def _attr_chain(node: ast.expr) -> list[str] | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_literal_value(value: Any) -> bool:
    if value is None or isinstance(value, (str, int, float, bool, Unknown)):
        return True
    if isinstance(value, (tuple, list)):
        return all(_is_literal_value(v) for v in value)
    return False


def _has_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    if isinstance(value, (tuple, list)):
        return any(_has_unknown(v) for v in value)
    return False


def _as_unknown(value: Any, what: str) -> Unknown:
    return value if isinstance(value, Unknown) else Unknown(repr(value), f"{what} is not a whole number")


def _show(value: Any) -> str:
    return value.text if isinstance(value, Unknown) else repr(value)


_IRRELEVANT_SUFFIXES = ("_initializer", "_regularizer", "_constraint")


def _irrelevant(key: str, legacy: bool = False) -> bool:
    """Arguments that change neither shapes nor parameter counts nor the computed values."""
    if key.endswith(_IRRELEVANT_SUFFIXES) or key in {"dtype", "trainable", "seed", "noise_shape",
                                                     "weights", "name", "momentum", "epsilon",
                                                     "recurrent_activation", "dropout", "recurrent_dropout",
                                                     "go_backwards", "stateful", "unroll", "use_cudnn",
                                                     "lora_rank", "lora_alpha", "quantization_config",
                                                     "autocast", "renorm", "renorm_clipping",
                                                     "renorm_momentum", "synchronized", "unit_forget_bias"}:
        return True
    return legacy and key in {"init", "W_regularizer", "b_regularizer", "W_constraint", "b_constraint",
                              "activity_regularizer", "weights"}


def _example_call(cls: str) -> str:
    return {"Conv1D": "Conv1D(32, 3)", "Embedding": "Embedding(10000, 128)", "Dense": "Dense(1)",
            "SimpleRNN": "SimpleRNN(32)", "LSTM": "LSTM(32)", "GRU": "GRU(32)", "Dropout": "Dropout(0.2)",
            "SpatialDropout1D": "SpatialDropout1D(0.2)",
            "Activation": "Activation('relu')"}.get(cls, cls + "()")


# --- the entry points ----------------------------------------------------------------------------

def _clean(source: str) -> tuple[str, list[Diagnostic]]:
    """Dedent, and replace typographic quotes and full-width punctuation (same length, same lines)."""
    diags: list[Diagnostic] = []
    text = textwrap.dedent(source.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4))
    for bad, good in _SMART_CHARS.items():
        if bad in text:
            line = text[: text.index(bad)].count("\n") + 1
            diags.append(Diagnostic(line, f"typographic character {bad!r} read as {good!r}", "info",
                                    "smart_character"))
            text = text.replace(bad, good)
    return text, diags


def _parse_tolerant(text: str) -> tuple[ast.Module | None, list[Diagnostic], str]:
    """Parse; on a syntax error report it, blank the offending line and try again."""
    diags: list[Diagnostic] = []
    lines = text.split("\n")
    for _ in range(_MAX_SKIPPED_LINES):
        current = "\n".join(lines)
        try:
            return ast.parse(current), diags, current
        except SyntaxError as exc:
            lineno = exc.lineno or 1
            if not 1 <= lineno <= len(lines):
                lineno = len(lines)
            msg = exc.msg or "invalid syntax"
            diags.append(Diagnostic(lineno, f"not Python ({msg}): the line is skipped: "
                                    f"{' '.join(lines[lineno - 1].split())[:60]}", "error", "syntax_error"))
            if not lines[lineno - 1].strip():
                # The error is reported on an empty line (an unclosed bracket above): give up.
                break
            lines[lineno - 1] = ""
        except ValueError as exc:  # e.g. null bytes
            diags.append(Diagnostic(1, f"cannot read the code: {exc}", "error", "syntax_error"))
            return None, diags, current
    return None, diags, "\n".join(lines)


def _model_name(builder: _ModelBuilder, counts: dict[str, int]) -> str:
    if builder.name:
        return builder.name
    prefix = builder.style
    n = counts.get(prefix, 0)
    counts[prefix] = n + 1
    return prefix if n == 0 else f"{prefix}_{n}"


def parse_keras(source: str) -> ParseResult:
    """Read every model in ``source``; never executes any of it.

    Returns
    -------
    ParseResult
        The models in the order they are created (explicit models first, then
        chains of layer calls not wrapped in a ``keras.Model``) and the
        diagnostics sorted by line.

    Examples
    --------
    >>> code = "model = Sequential()\\nmodel.add(Conv1D(32, 7, activation='relu', input_shape=(500, 128)))"
    >>> m = parse_keras(code).model
    >>> m.input_shape, m.layers[0].filters, m.layers[0].kernel_size, m.layers[0].activation
    ((500, 128), 32, 7, 'relu')
    """
    text, diags = _clean(source)
    tree, syntax, text = _parse_tolerant(text)
    diags += syntax
    if tree is None:
        return ParseResult((), tuple(sorted(diags, key=_order)))
    reader = _Reader(text)
    reader.scan_dangerous(tree)
    # A snippet that starts with model.add(...) without creating the model.
    reader.run(_implicit_model(reader, tree))
    builders = [m for m in reader.models if m.layers or m.input is not None]
    for t in reader.tensors:
        if not t.consumed and t.chain:  # layer calls never wrapped in keras.Model(...)
            builders.append(_ModelBuilder("functional", t.chain[0].line, None, list(t.chain), t.input))
    counts: dict[str, int] = {}
    models = []
    for b in builders:
        layers = tuple(layer for ref in b.layers for layer in ref.layers)
        info = b.input
        models.append(ParsedModel(
            _model_name(b, counts), b.style, b.line, layers,
            None if info is None or info.shape is None else tuple(info.shape),
            None if info is None else info.line, None if info is None else info.batch_size,
        ))
    if len(models) > 1:
        where = ", ".join(f"{m.name} (line {m.line})" for m in models)
        reader.note(models[0].line, f"{len(models)} models found: {where}; the first is shown "
                    "(the CLI's --model N picks another)", "info", "several_models")
    if not models:
        reader.note(1, "no Keras model found (no Sequential, model.add(...) or keras.Model(...))",
                    "error", "no_model")
    return ParseResult(tuple(models), tuple(sorted(diags + reader.diags, key=_order)))


def _implicit_model(reader: _Reader, tree: ast.Module) -> list[ast.stmt]:
    """``model.add(...)`` with ``model`` never created: assume ``model = Sequential()``."""
    created: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    created.add(t.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            created.update(a.arg for a in node.args.args)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add"
                and isinstance(node.func.value, ast.Name) and node.func.value.id not in created
                and node.func.value.id not in _DEFAULT_MODULES and node.args):
            name = node.func.value.id
            model = _ModelBuilder("sequential", node.lineno)
            reader.models.append(model)
            reader.env[name] = model
            reader.note(node.lineno, f"`{name}` is not created in the snippet: read as "
                        f"{name} = Sequential()", "info", "implicit_model")
            created.add(name)
    return tree.body


def _order(d: Diagnostic) -> tuple[int, int]:
    return (d.line, SEVERITIES.index(d.severity))


def parse_keras_file(path: str) -> ParseResult:
    """Read a file (UTF-8, or GB18030 as Chinese Windows saves it) and :func:`parse_keras` it."""
    with open(path, "rb") as fh:
        data = fh.read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return parse_keras(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return parse_keras(data.decode("utf-8", errors="replace"))

