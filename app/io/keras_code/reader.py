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
import difflib
import functools
import os
import re
import stat
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from time import monotonic
from typing import Any

from app.io.keras_code.budgets import DEFAULT_BUDGETS, Budgets
from app.io.keras_code.results import (
    SEVERITIES,
    Diagnostic,
    InputDim,
    ParsedModel,
    ParseResult,
    Unknown,
)
from app.io.keras_code.vocabulary import (
    ACTIVATION_MODULES,
    ALIASES,
    BASE_KWARGS,
    BUILTINS,
    BY_LOWER,
    DANGEROUS_ATTRS,
    DANGEROUS_MODULES,
    DANGEROUS_NAMES,
    DEFAULT_MODULES,
    INPUT_KWARGS,
    KERAS1_ATROUS_POSITIONAL,
    KERAS1_CONV_POSITIONAL,
    KERAS1_DROPPED,
    KERAS1_MERGE_MODES,
    KERAS1_POOL_POSITIONAL,
    KERAS1_RENAMES,
    KNOWN,
    LAYER_SIGNATURES,
    LEGACY_CONV_TRIGGERS,
    LEGACY_POOL_TRIGGERS,
    MAX_CALL_DEPTH,
    MAX_CALLS,
    MAX_SKIPPED_LINES,
    MERGE_FUNCTIONS,
    MODEL_METHODS,
    REQUIRED,
    SMART_CHARS,
    STEPS_LAYERS,
    UNSUPPORTED,
    WRAPPER_CLASSES,
    example_call,
    irrelevant,
    is_keras_path,
)
from app.io.regular_file import check_regular_file
from conv_core import stack as st
from conv_core.errors import KerasValueError

__all__ = ["parse_keras", "parse_keras_file"]


# --- values the parser tracks --------------------------------------------------------------------

@dataclass
class _InputInfo:
    shape: tuple[InputDim, ...] | None
    line: int
    batch_size: int | None = None


@dataclass(eq=False)
class _LayerRef:
    layers: list[st.Layer]  # usually one; a Keras 1 'full' conv is ZeroPadding1D + Conv1D
    line: int
    input: _InputInfo | None = None
    is_input_layer: bool = False
    pending: Diagnostic | None = None  # reported once the object is used as a layer
    serial: int = 0  # when the code creates it: Keras numbers names in creation order
    inner: list[_LayerRef] = field(default_factory=list)  # wrapped layers, a nested model's layers
    calls: int = 0  # how many times the code calls it on a tensor
    merged: list[_ModelBuilder] = field(default_factory=list)  # Keras 1 Merge([left, right]) of Sequential models


@dataclass(eq=False)
class _Node:
    """One call of a layer on tensors (or one ``keras.Input``): a vertex of the model's graph."""

    ref: _LayerRef | None  # None: a model input
    parents: list[_TensorRef]
    line: int
    info: _InputInfo | None = None  # a model input's shape
    serial: int = 0
    name: str | None = None  # Input(name=...)


@dataclass(eq=False)
class _TensorRef:
    input: _InputInfo | None
    chain: list[_LayerRef]
    line: int
    origin: str = ""  # the name of a non-Input start (``data``), for the message
    consumed: bool = False
    node: _Node | None = None  # the call that made it (None when it comes from outside the snippet)
    index: int = 0  # which output of that call (an LSTM with return_state=True has 3)


@dataclass(eq=False)
class _FunctionRef:
    """A ``def`` in the snippet: read when the snippet calls it (with the arguments of the call)."""

    stmt: ast.FunctionDef | ast.AsyncFunctionDef


class _Return(Exception):
    """A function's ``return``, carrying the value."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


@dataclass(eq=False)
class _ModelBuilder:
    style: str
    line: int
    name: str | None = None
    layers: list[_LayerRef] = field(default_factory=list)
    input: _InputInfo | None = None
    graph: _Graph | None = None  # a functional model with branches, merges or several inputs
    serial: int = 0
    nested_in: int = 0  # how many other models use it as a layer (listed after them)


@dataclass
class _Graph:
    """A functional model's graph, ready for :class:`ParsedModel`: layers in Keras's order, names, wiring."""

    layers: tuple[st.Layer, ...]
    names: tuple[str, ...]
    inbound: tuple[tuple[st.Inbound, ...], ...]
    outputs: tuple[st.Inbound, ...]
    input_shape: tuple[InputDim, ...] | None
    input_line: int | None
    batch_size: int | None


@dataclass
class _ModuleRef:
    path: str


@dataclass
class _ClassRef:
    name: str  # canonical Keras class name (or an unsupported one)


_NOT_FOUND = object()
FOLD_BITS = 256  # arithmetic on literals stops past numbers of this many bits (10**77): sizes are far smaller
FOLDED_BUILTINS = frozenset({"range", "len", "int", "float", "abs", "round", "min", "max", "sum", "list", "tuple",
                             "enumerate", "zip", "reversed"})

_BY_FOLDED = {k.replace("_", ""): v for k, v in BY_LOWER.items()}


@functools.lru_cache(maxsize=4096)
def _close_matches(word: str, choices: frozenset[str], cutoff: float) -> tuple[str, ...]:
    """The best near miss for a typo (cached: 20,000 unknown names must not cost 20,000 searches)."""
    return tuple(difflib.get_close_matches(word, sorted(choices), n=1, cutoff=cutoff))


class _SkipStatement(Exception):
    pass


class _BudgetExceeded(Exception):
    """Raised once a budget is past; its diagnostic is already noted."""


class _Source:
    """The code's lines, split once: a node's text in time proportional to what is shown.

    ``ast.get_source_segment`` splits the whole source on every call, which made
    reading quadratic (2,000 layers took 44 s); this keeps the lines and the
    UTF-8 bytes of the non-ASCII ones (the AST's columns count bytes).
    """

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self._encoded: dict[int, bytes] = {}

    def _part(self, index: int, start: int | None, end: int | None) -> str:
        line = self.lines[index]
        if line.isascii():
            return line[start:end]
        data = self._encoded.get(index)
        if data is None:
            data = self._encoded[index] = line.encode("utf-8")
        return data[start:end].decode("utf-8", "replace")

    def segment(self, node: ast.AST, limit: int = 90) -> str:
        """The node's code on one line (runs of white space as one space), cut to ``limit`` characters."""
        first = getattr(node, "lineno", None)
        last = getattr(node, "end_lineno", None)
        col = getattr(node, "col_offset", None)
        end_col = getattr(node, "end_col_offset", None)
        if first is None or last is None or col is None or end_col is None or not 1 <= first <= last:
            return type(node).__name__
        wanted = 4 * limit + 16  # enough characters to fill ``limit`` once white space is folded
        pieces: list[str] = []
        size = 0
        for index in range(first - 1, min(last, len(self.lines))):
            start = col if index == first - 1 else None
            end = end_col if index == last - 1 else None
            piece = self._part(index, start, end)
            if len(piece) > wanted:
                pieces.append(piece[:wanted] + " ...")
                break
            pieces.append(piece)
            size += len(piece.strip())
            if size > wanted:
                pieces.append(" ...")
                break
        text = " ".join(" ".join(pieces).split())
        return text if len(text) <= limit else text[: limit - 3] + "..."


class _Reader:
    """Walks the statements in order, tracking names; never evaluates code."""

    def __init__(self, source: str, budgets: Budgets = DEFAULT_BUDGETS, deadline: float | None = None) -> None:
        self.src = _Source(source)
        self.budgets = budgets
        self.deadline = monotonic() + budgets.seconds if deadline is None else deadline
        self.env: dict[str, Any] = {}
        self.diags: list[Diagnostic] = []
        self._seen: set[Diagnostic] = set()
        self.models: list[_ModelBuilder] = []
        self.tensors: list[_TensorRef] = []
        self.warned_nodes: set[int] = set()
        self.flagged_lines: set[int] = set()
        self.loop_budget = budgets.loop_total  # unrolled passes over all loops, nested ones included
        self.layer_count = 0
        self.model_count = 0
        self._extents: dict[int, tuple[Any, int, int]] = {}  # id -> (literal, items, levels)
        self.serial = 0  # creation order of layers, inputs and models (Keras names in this order)
        self.called: set[str] = set()  # functions the snippet calls (read at the call, not at the def)
        self.created: list[_LayerRef] = []  # every layer object, in creation order (used or not)
        self.inputs_created: list[_Node] = []
        self.call_depth = 0
        self.calls_made = 0  # function calls followed in all (each reads the body again)

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial

    # -- diagnostics
    def note(self, line: int, template: str, severity: str = "warning", code: str = "", **values: Any) -> None:
        """A remark: ``template`` (English, ``str.format`` fields) filled with ``values``, kept for translation."""
        self.add(Diagnostic.make(line, template, severity, code, **values))

    def add(self, d: Diagnostic) -> None:
        if d in self._seen:
            return
        if len(self.diags) >= self.budgets.diagnostics:
            if len(self.diags) == self.budgets.diagnostics:
                self.diags.append(Diagnostic.make(d.line, "more than {diagnostics:,} remarks: the ones from line "
                                                        "{at} on are not listed", "warning", "budget_diagnostics",
                                                        diagnostics=self.budgets.diagnostics, at=d.line))
            return
        self._seen.add(d)
        self.diags.append(d)

    # -- budgets
    def stop(self, line: int, template: str, code: str, **values: Any) -> None:
        """Past a budget: one error, and the reading ends here (what was read so far is kept)."""
        self.diags.append(Diagnostic.make(line, template, "error", code, **values))
        raise _BudgetExceeded(code)

    def check_time(self, line: int) -> None:
        if monotonic() > self.deadline:
            self.stop(line, "reading the code took more than {seconds:g} s: the code from here on is not read",
                            "budget_time", seconds=self.budgets.seconds)

    def count_layer(self, line: int) -> None:
        self.layer_count += 1
        if self.layer_count > self.budgets.layers:
            self.stop(line, "more than {layers:,} layers: the explorer reads at most {layers:,}; the code from here "
                            "on is not read", "budget_layers", layers=self.budgets.layers)

    def count_model(self, line: int) -> None:
        self.model_count += 1
        if self.model_count > self.budgets.models:
            self.stop(line, "more than {models:,} models: the explorer reads at most {models:,}; the code from here "
                            "on is not read", "budget_models", models=self.budgets.models)

    # -- danger scan (reported once, never run)
    def scan_dangerous(self, tree: _Tree) -> None:
        """Report the outermost calls that hold dangerous code: one pass up, one pass down (linear)."""
        holds = [False] * len(tree.nodes)  # a dangerous node inside (or the node itself)
        for i in range(len(tree.nodes) - 1, -1, -1):  # children before their parents
            if holds[i] or self._dangerous_node(tree.nodes[i]):
                holds[i] = True
                if tree.parents[i] >= 0:
                    holds[tree.parents[i]] = True
        for i, node in enumerate(tree.nodes):
            if not holds[i] or not isinstance(node, ast.Call) or id(node) in self.warned_nodes:
                continue
            for inner in ast.walk(node):
                self.warned_nodes.add(id(inner))
            self.flagged_lines.add(node.lineno)
            self.note(node.lineno, "not run: `{snippet}` is code, not a Keras layer; pasted code is only read, never "
                                   "executed", "warning", "not_run", snippet=self.src.segment(node))

    def _dangerous_node(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Name) and node.id in DANGEROUS_NAMES | DANGEROUS_MODULES:
            return True
        if isinstance(node, ast.Attribute) and node.attr.startswith("__"):
            return True
        if isinstance(node, ast.Attribute) and node.attr in DANGEROUS_ATTRS:
            root = node.value
            while isinstance(root, (ast.Attribute, ast.Call, ast.Subscript)):
                root = root.func if isinstance(root, ast.Call) else root.value
            if not (isinstance(root, ast.Name) and self._resolve_path(root.id).startswith(("keras",))):
                return True
        return False

    # -- statements
    def run(self, body: Sequence[ast.stmt]) -> None:
        for stmt in body:
            self.check_time(stmt.lineno)
            try:
                self.statement(stmt)
            except _SkipStatement:
                continue

    def ignored(self, node: ast.AST, why: str = "not model code") -> None:
        line = getattr(node, "lineno", 0)
        if line in self.flagged_lines:
            return
        self.note(line, "ignored ({why}): {snippet}", "info", "ignored", why=why, snippet=self.src.segment(node, 60))

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
                self.note(stmt.orelse[0].lineno, "the else branch of the `if` at line {lineno} was not read "
                                                 "(conditions are not evaluated)", "info", "else_skipped",
                                                 lineno=stmt.lineno)
        elif isinstance(stmt, (ast.With, ast.AsyncWith, ast.Try)):
            self.run(stmt.body)
        elif isinstance(stmt, ast.Return):
            value = self.expr(stmt.value) if stmt.value is not None else None
            if self.call_depth:
                raise _Return(value)
        elif isinstance(stmt, ast.AugAssign):
            self.aug_assign(stmt)
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
            if is_keras_path(module) and canonical is not None:
                self.env[bound] = _ClassRef(canonical)
            else:
                self.env[bound] = _ModuleRef(full)

    def function(self, stmt: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        """A ``def``: kept, and read when called; read once now (parameters unknown) if never called."""
        self.env[stmt.name] = _FunctionRef(stmt)
        if stmt.name in self.called:
            return
        self.read_uncalled(stmt)

    def read_uncalled(self, stmt: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
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
        self.call_depth += 1
        try:
            self.run(stmt.body)
        except _Return:
            pass
        finally:
            self.call_depth -= 1
        # Keep the models and tensors; forget the function's local names.
        for name in [a.arg for a in (*positional, *args.kwonlyargs)]:
            if name in saved:
                self.env[name] = saved[name]
            else:
                self.env.pop(name, None)

    def call_function(self, ref: _FunctionRef, node: ast.Call) -> Any:
        """``create_model((100, 6))``: the body read with the call's arguments bound (literals, tensors, models)."""
        stmt = ref.stmt
        self.calls_made += 1
        if self.calls_made > MAX_CALLS:
            self.note(node.lineno, "more than {count:,} function calls: {name}() is not followed", "warning",
                      "call_depth", count=MAX_CALLS, name=stmt.name)
            return Unknown(self.src.segment(node), "a call past the explorer's budget")
        if self.call_depth >= MAX_CALL_DEPTH:
            self.note(node.lineno, "{name}() calls functions more than {MAX_CALL_DEPTH} deep: not followed further",
                                   "warning", "call_depth", name=stmt.name, MAX_CALL_DEPTH=MAX_CALL_DEPTH)
            return Unknown(self.src.segment(node), "a call nested too deeply")
        args = stmt.args
        positional = [*args.posonlyargs, *args.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        bound: dict[str, Any] = {}
        for param, default in zip(positional, defaults, strict=True):
            if default is not None:
                bound[param.arg] = self.literal(default, quiet=True)
        for param, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
            if kw_default is not None:
                bound[param.arg] = self.literal(kw_default, quiet=True)
        for param, value in zip(positional, node.args, strict=False):
            bound[param.arg] = self.value_of(value)
        for kw in node.keywords:
            if kw.arg is not None:
                bound[kw.arg] = self.value_of(kw.value)
        for param in (*positional, *args.kwonlyargs):
            bound.setdefault(param.arg, Unknown(param.arg, f"`{param.arg}` is a parameter of {stmt.name}() "
                                                "that the call does not give"))
        saved = dict(self.env)
        self.env.update(bound)
        self.call_depth += 1
        result: Any = None
        try:
            self.run(stmt.body)
        except _Return as ret:
            result = ret.value
        finally:
            self.call_depth -= 1
            self.env = saved  # the function's local names are forgotten; models and tensors stay
        return result

    def value_of(self, node: ast.expr) -> Any:
        """An argument's value: a tracked object (tensor, layer, model) or a literal."""
        value = self.expr(node)
        if isinstance(value, Unknown):
            lit = self.literal(node, quiet=True)
            return lit if not isinstance(lit, Unknown) else value
        return value

    def aug_assign(self, stmt: ast.AugAssign) -> None:
        """``filters *= 2``: folded when both sides are literals; otherwise the name becomes unknown."""
        if not isinstance(stmt.target, ast.Name):
            return
        fake = ast.BinOp(left=ast.Name(id=stmt.target.id, ctx=ast.Load()), op=stmt.op, right=stmt.value)
        ast.copy_location(fake, stmt)
        ast.fix_missing_locations(fake)
        current = self.env.get(stmt.target.id)
        if isinstance(current, list) and isinstance(stmt.op, ast.Add):
            extra = self.expr(stmt.value)
            if isinstance(extra, list):
                current.extend(extra)
                return
        self.env[stmt.target.id] = self.literal(fake, quiet=True)

    def loop(self, stmt: ast.For) -> None:
        values: list[Any] = []
        passes: int | None = None  # a literal loop's length; None when the loop is not literal
        it = stmt.iter
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range":
            nums = [self.literal(a) for a in it.args]
            if (1 <= len(nums) <= 3 and all(isinstance(n, int) and not isinstance(n, bool) for n in nums)
                    and not it.keywords and (len(nums) < 3 or nums[2] != 0)):
                try:
                    passes = len(range(*nums))
                except OverflowError:  # more passes than a C integer holds: range(10**20)
                    passes = sys.maxsize + 1
                if passes <= self.budgets.loop_passes:
                    values = list(range(*nums))
        else:
            lit = self.literal(it)
            if isinstance(lit, (list, tuple)) and not _has_unknown(lit):
                values = list(lit)
                passes = len(values)
            else:
                tracked = self.expr(it) if isinstance(it, (ast.Name, ast.List, ast.Tuple)) else None
                if isinstance(tracked, list):  # a list of tensors or layers: `for layer in blocks:`
                    values = list(tracked)
                    passes = len(values)
        limit = min(self.budgets.loop_passes, self.loop_budget)
        if passes is None or passes > limit:
            if passes is None:
                self.note(stmt.lineno, "the loop `for ... in {snippet}` is not over a literal list or range(n): its "
                                       "body is read once", "warning", "loop_once", snippet=self.src.segment(it, 40))
            else:
                count = f"{passes:,}" if passes <= sys.maxsize else f"more than {sys.maxsize:,}"
                self.note(stmt.lineno, "the loop `for ... in {snippet}` has {count} passes, more than the {limit:,} "
                                       "the explorer unrolls: its body is read once", "warning", "loop_once",
                                       snippet=self.src.segment(it, 40), count=count, limit=limit)
            self.bind_target(stmt.target, Unknown(self.src.segment(stmt.target),
                                                  "a loop variable over a non-literal"))
            self.run(stmt.body)
            return
        self.loop_budget -= passes
        for value in values:
            self.bind_target(stmt.target, value)
            self.run(stmt.body)

    def bind_target(self, target: ast.expr, value: Any) -> None:
        if isinstance(target, ast.Name):
            self.env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, _TensorRef) and value.node is not None:
                # out, h, c = LSTM(64, return_state=True)(x): the outputs of one call
                for k, t in enumerate(target.elts):
                    self.bind_target(t, _TensorRef(value.input, value.chain, value.line, value.origin,
                                                   node=value.node, index=k))
                return
            if isinstance(value, (tuple, list)) and len(value) == len(target.elts):
                for t, v in zip(target.elts, value, strict=True):
                    self.bind_target(t, v)
            else:
                for t in target.elts:
                    self.bind_target(t, Unknown(self.src.segment(t), "not a literal"))
        # Attributes and subscripts (obj.x = ..., d[k] = ...) bind nothing we track.

    def assign(self, stmt: ast.Assign | ast.AnnAssign) -> None:
        if stmt.value is None:
            return
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        value = self.expr(stmt.value)
        if isinstance(value, Unknown) and not isinstance(stmt.value, (ast.Name, ast.Constant)):
            # A literal tuple with parts we cannot read is still worth keeping (input shapes).
            lit = self.literal(stmt.value, quiet=True)
            if isinstance(lit, (tuple, list)) or not isinstance(lit, Unknown):
                value = lit
            elif stmt.lineno not in self.flagged_lines and not self._harmless(stmt.value):
                self.ignored(stmt)
        for target in targets:
            self.bind_target(target, value)

    def _harmless(self, node: ast.expr) -> bool:
        # model.fit(...) and friends: known, nothing to say.
        return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(self.env.get(_root_name(node.func.value) or ""), _ModelBuilder)
                and node.func.attr in MODEL_METHODS)

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
            if any(isinstance(i, (_LayerRef, _TensorRef, _ModelBuilder)) for i in items):
                return items
            return self.literal(node, quiet=True)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
            return self.comprehension(node)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
            left, right = self.expr(node.left), self.expr(node.right)
            if isinstance(left, _TensorRef) or isinstance(right, _TensorRef):
                return self.tensor_operation(node, left, right)
            if (isinstance(node.op, ast.Add) and isinstance(left, list) and isinstance(right, list)
                    and any(isinstance(v, (_TensorRef, _LayerRef)) for v in (*left, *right))):
                return left + right  # branches + [rnn]: a list of tensors
        if isinstance(node, ast.Subscript):
            base = self.expr(node.value)
            if isinstance(base, list) and any(isinstance(i, (_LayerRef, _TensorRef)) for i in base):
                index = self.literal(node.slice, quiet=True)
                if isinstance(index, int) and not isinstance(index, bool) and -len(base) <= index < len(base):
                    return base[index]
                if isinstance(node.slice, ast.Slice):
                    parts = [self.literal(p, quiet=True) if p is not None else None
                             for p in (node.slice.lower, node.slice.upper, node.slice.step)]
                    if all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts) \
                            and parts[2] != 0:
                        return base[slice(*parts)]
        lit = self.literal(node, quiet=True)
        return lit

    def tensor_operation(self, node: ast.BinOp, left: Any, right: Any) -> Any:
        """``x + inputs``: a Keras operation on tensors (wired like Add, not a row of the summary)."""
        op = {ast.Add: "add", ast.Sub: "subtract", ast.Mult: "multiply"}[type(node.op)]
        self.count_layer(node.lineno)
        ref = _LayerRef([st.TensorOperation(op=op, line=node.lineno)], node.lineno, serial=self.next_serial())
        self.created.append(ref)
        tensors = [v for v in (left, right) if isinstance(v, _TensorRef)]
        for t in tensors:
            t.consumed = True
        head = tensors[0]
        tensor = _TensorRef(head.input, [*head.chain, ref], node.lineno, head.origin,
                            node=_Node(ref, tensors, node.lineno, serial=ref.serial))
        self.tensors.append(tensor)
        return tensor

    def comprehension(self, node: ast.ListComp | ast.GeneratorExp) -> Any:
        """``[Conv1D(128, k)(emb) for k in (3, 4, 5)]``: unrolled over a literal sequence, like a ``for`` loop."""
        if len(node.generators) != 1 or node.generators[0].is_async:
            return Unknown(self.src.segment(node), "a comprehension with several `for`s is not unrolled")
        gen = node.generators[0]
        values = self.literal(gen.iter, quiet=True)
        if not isinstance(values, (list, tuple)) or _has_unknown(values):
            tracked = self.expr(gen.iter) if isinstance(gen.iter, ast.Name) else None
            if not isinstance(tracked, list):
                return Unknown(self.src.segment(node), "a comprehension over a non-literal")
            values = tracked
        limit = min(self.budgets.loop_passes, self.loop_budget)
        if len(values) > limit:
            self.note(node.lineno, "the comprehension has {count:,} passes, more than the {limit:,} the explorer "
                                   "unrolls: it is not read", "warning", "loop_once", count=len(values), limit=limit)
            return Unknown(self.src.segment(node), "a comprehension too long to unroll")
        self.loop_budget -= len(values)
        saved = {n: self.env[n] for n in _target_names(gen.target) if n in self.env}
        out: list[Any] = []
        for value in values:
            self.bind_target(gen.target, value)
            if any(not self._truthy(cond) for cond in gen.ifs):
                continue
            item = self.expr(node.elt)
            if isinstance(item, Unknown):
                item = self.literal(node.elt, quiet=True)
            out.append(item)
        for n in _target_names(gen.target):  # comprehension variables do not leak (Python 3)
            if n in saved:
                self.env[n] = saved[n]
            else:
                self.env.pop(n, None)
        if all(_is_literal_value(v) for v in out) and not _has_unknown(out):
            self._extents[id(out)] = (out, *self.literal_extent(out))
        return out

    def _truthy(self, cond: ast.expr) -> bool:
        value = self.literal(cond, quiet=True)
        return bool(value) if not isinstance(value, Unknown) else True

    def call(self, node: ast.Call) -> Any:
        func = node.func
        # model.add(...), model.pop(), model.build(...), model.compile(...)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner = self.env.get(func.value.id)
            if isinstance(owner, _ModelBuilder):
                return self.model_method(owner, func.attr, node)
            if isinstance(owner, list) and func.attr in ("append", "extend", "insert") and node.args:
                item = self.value_of(node.args[-1])
                if func.attr == "append":
                    owner.append(item)
                elif func.attr == "insert":
                    at = self.literal(node.args[0], quiet=True)
                    owner.insert(at if isinstance(at, int) and not isinstance(at, bool) else len(owner), item)
                elif isinstance(item, (list, tuple)):
                    owner.extend(item)
                return None
        if isinstance(func, ast.Name) and isinstance(self.env.get(func.id), _FunctionRef):
            return self.call_function(self.env[func.id], node)
        folded = self.fold_call(node, quiet=True)  # len(sizes), range(3): literals, worked out
        if folded is not _NOT_FOUND:
            return folded
        cls = self.resolve_class(func)
        if cls is not None:
            return self.construct(cls, node)
        callee = self.expr(func) if isinstance(func, (ast.Name, ast.Call)) else Unknown(
            self.src.segment(func), "not a Keras layer")
        if isinstance(callee, _LayerRef):
            return self.apply(callee, node)
        if isinstance(callee, _ModelBuilder):
            nested = self.nested_model(callee, node.lineno)
            if nested is not None:
                return self.apply(nested, node)
            self.note(node.lineno, "calling a functional model on a tensor is not followed; the model is read on its "
                                   "own", "info", "model_call")
        return Unknown(self.src.segment(node), "a call (not run)")

    def nested_model(self, model: _ModelBuilder, line: int) -> _LayerRef | None:
        """A Sequential model used as a layer: one row, as Keras lists it."""
        if model.style != "sequential" or model.graph is not None:
            return None
        layers = tuple(layer for ref in model.layers for layer in ref.layers)
        inner = st.Stack(layers, None, model.name or "sequential")
        model.nested_in += 1
        ref = _LayerRef([st.NestedModel(model=inner, name=model.name or self.model_auto_name(model), line=line)],
                        line, model.input, serial=model.serial, inner=list(model.layers))
        return ref

    def model_auto_name(self, model: _ModelBuilder) -> str:
        """``sequential``, ``sequential_1``, ...: a nested model's name, counted in creation order."""
        earlier = [m for m in self.models if m.style == model.style and m.serial < model.serial and not m.name]
        return model.style if not earlier else f"{model.style}_{len(earlier)}"

    def _resolve_path(self, root: str) -> str:
        ref = self.env.get(root)
        if isinstance(ref, _ModuleRef):
            return ref.path
        if root in self.env:
            return ""
        return DEFAULT_MODULES.get(root, "")

    def _class_name(self, name: str, line: int | None = None) -> str | None:
        if name in KNOWN or name in UNSUPPORTED:
            return name
        if name in BUILTINS:
            return None
        lower = name.lower().replace("_", "")
        match = _BY_FOLDED.get(lower)
        if match is not None and line is not None:
            self.note(line, "Keras names are case-sensitive: `{name}` should be written `{match}`", "warning", "case",
                            name=name, match=match)
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
            if func.id[:1].isupper() and func.id not in BUILTINS:
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
            if module and is_keras_path(module):
                known = self._class_name(attr, line)
                if known is not None:
                    return known
                if attr[:1].isupper():
                    return "?" + ".".join(parts)
                return None
            if known is not None and not base and root not in self.env:
                self.note(line, "`{items}`: `{root}` is not imported in the snippet; read as keras.layers.{known}",
                                "warning", "unknown_module", items='.'.join(parts), root=root, known=known)
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
        if method in MODEL_METHODS:
            return None
        self.note(node.lineno, "ignored: model.{method}(...) is not read", "info", "ignored", method=method)
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
                self.note(arg.lineno, "model.add() got a tensor, not a layer; skipped", "warning", "add_tensor")
        elif isinstance(value, _ModelBuilder):
            self.add_nested(model, value, arg.lineno)
        else:
            text = self.src.segment(arg, 60)
            if isinstance(arg, ast.Name) and arg.id not in self.env:
                if not model.layers:
                    self.note(arg.lineno, "`{text}` is not defined in the snippet; skipped: the input shape "
                                          "(--input-shape) then describes what it outputs", "warning",
                                          "undefined_layer",
                                          text=text)
                    return
                self.note(arg.lineno, "`{text}` is not defined in the snippet: kept as an unknown layer; the shapes "
                                      "after it are unknown", "warning", "undefined_layer", text=text)
            elif arg.lineno not in self.flagged_lines:
                self.note(arg.lineno, "`{text}` is not a Keras layer the explorer can read: kept as an unknown "
                                      "layer; the shapes after it are unknown", "warning", "unknown_layer", text=text)
            layer = st.UnsupportedLayer(keras_name=text if len(text) < 30 else "Layer", line=arg.lineno,
                                        message=f"`{text}` could not be read as a Keras layer.")
            model.layers.append(_LayerRef([layer], arg.lineno))

    def add_nested(self, model: _ModelBuilder, inner: _ModelBuilder, line: int) -> None:
        """A Sequential model added to another as one layer (``Sequential([encoder, decoder])``)."""
        ref = self.nested_model(inner, line)
        if ref is None:
            self.note(line, "a functional model inside a Sequential model is not followed; skipped", "warning",
                            "nested_model")
            return
        self.append_layer(model, ref)

    def set_model_input(self, model: _ModelBuilder, info: _InputInfo) -> None:
        if model.layers or model.input is not None:
            self.note(info.line, "an input shape after the first layer is ignored (Keras takes the input shape of "
                                 "the first layer only)", "warning", "late_input")
            return
        model.input = info

    def used(self, ref: _LayerRef) -> None:
        if ref.pending is not None:
            self.add(ref.pending)

    def append_layer(self, model: _ModelBuilder, ref: _LayerRef) -> None:
        self.used(ref)
        if ref.is_input_layer:
            if ref.input is not None:
                self.set_model_input(model, ref.input)
            return
        if ref.input is not None:
            if model.layers or model.input is not None:
                self.note(ref.line, "input_shape on a layer that is not the first is ignored (Keras reads it on the "
                                    "first layer only)", "warning", "late_input")
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
            name = next((self.literal(k.value, quiet=True) for k in node.keywords if k.arg == "name"), None)
            origin = _Node(None, [], node.lineno, info, self.next_serial(), name if isinstance(name, str) else None)
            self.inputs_created.append(origin)
            tensor = _TensorRef(info, [], node.lineno, node=origin)
            self.tensors.append(tensor)
            return tensor
        if cls == "InputLayer":
            return _LayerRef([], node.lineno, self.input_info(node, "InputLayer"), is_input_layer=True)
        return self.layer(cls, node)

    def sequential(self, node: ast.Call) -> _ModelBuilder:
        self.count_model(node.lineno)
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
            listed = self.expr(layer_list)
            if isinstance(listed, list):  # a list built earlier: Sequential(blocks)
                for item in listed:
                    if isinstance(item, _LayerRef):
                        self.append_layer(model, item)
                    elif isinstance(item, _ModelBuilder):
                        self.add_nested(model, item, node.lineno)
            else:
                self.note(node.lineno, "Sequential(...) got something other than a list of layers; skipped", "warning",
                                       "sequential_arg")
        model.serial = self.next_serial()  # Keras creates the listed layers first, then the model
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
            self.note(node.lineno, "Model(...) without outputs: subclassed models are not read", "warning",
                                   "model_no_outputs")
            return Unknown(self.src.segment(node), "a model without outputs")
        outputs = self.expr(outputs_node)
        listed = list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]
        out_tensors = [o for o in listed if isinstance(o, _TensorRef)]
        if not out_tensors:
            self.note(node.lineno, "the outputs `{snippet}` are not a chain of layers from keras.Input: skipped",
            "warning",
                                   "model_outputs", snippet=self.src.segment(outputs_node, 40))
            return Unknown(self.src.segment(node), "a model whose outputs were not read")
        in_tensors: list[_TensorRef] = []
        if inputs_node is not None:
            inputs = self.expr(inputs_node)
            in_tensors = [i for i in (inputs if isinstance(inputs, (list, tuple)) else [inputs])
                          if isinstance(i, _TensorRef)]
        for t in out_tensors:
            t.consumed = True
        self.count_model(node.lineno)
        model = _ModelBuilder("functional", node.lineno, name, serial=self.next_serial())
        if _is_chain(out_tensors, in_tensors):
            model.layers, model.input = list(out_tensors[0].chain), out_tensors[0].input
        else:
            model.graph = self.build_graph(out_tensors, in_tensors)
        self.models.append(model)
        return model

    def merged_models_graph(self, model: _ModelBuilder) -> _Graph | None:
        """Keras 1 ``model.add(Merge([left, right], mode='concat'))``: each branch model gets its own input.

        In Keras 3 this is ``keras.Model([in_left, in_right], ...)`` with the branch models called on
        their inputs and merged: a graph with one Sequential row per branch.
        """
        head = model.layers[0]
        tensors: list[_TensorRef] = []
        inputs: list[_TensorRef] = []
        for branch in head.merged:
            nested = self.nested_model(branch, head.line)
            if nested is None:
                return None
            start = _Node(None, [], head.line, branch.input, self.next_serial())
            t_in = _TensorRef(branch.input, [], head.line, node=start)
            inputs.append(t_in)
            tensors.append(_TensorRef(branch.input, [nested], head.line, node=_Node(nested, [t_in], head.line,
                                                                                     serial=nested.serial)))
        tensor = _TensorRef(None, [], head.line, node=_Node(head, tensors, head.line, serial=head.serial))
        for ref in model.layers[1:]:
            tensor = _TensorRef(None, [], ref.line, node=_Node(ref, [tensor], ref.line, serial=ref.serial))
        self.note(head.line, "Keras 1 Merge of Sequential models: read as a functional model with one input per "
                             "branch model (keras.Model([input_1, input_2], ...) in Keras 3)", "info", "legacy_merge")
        return self.build_graph([tensor], inputs)

    def build_graph(self, outputs: Sequence[_TensorRef], inputs: Sequence[_TensorRef]) -> _Graph:
        """The layers a model's outputs reach, in Keras's order, named in creation order, with their wiring."""
        nodes: list[_Node] = []
        seen: set[int] = set()
        todo = [t.node for t in (*outputs, *inputs) if t.node is not None]
        while todo:
            current = todo.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            nodes.append(current)
            todo.extend(p.node for p in current.parents if p.node is not None)
        nodes = _topological(nodes)
        # Names: every layer created for this model (since the model before it), used or not, and the
        # layers it holds (wrapped, nested), in creation order, as Keras numbers them.
        boundary = max((m.serial for m in self.models), default=0)
        named: list[tuple[int, int, st.Layer]] = []
        first_call: dict[int, _Node] = {}
        counted: set[int] = set()
        for n in nodes:
            if n.ref is None:
                continue
            if id(n.ref) in first_call:
                self.note(n.line, "a layer called more than once (a shared layer): the summary shows its first call",
                                  "info", "shared_layer")
                continue
            first_call[id(n.ref)] = n
            counted.add(id(n.ref))
            named.extend(_named_layers(n.ref))
        wrapped = {id(inner) for ref in self.created for inner in ref.inner}
        for n in nodes:
            if n.ref is not None:
                wrapped.update(id(r) for r in _all_inner(n.ref))
        for ref in self.created:
            if ref.serial > boundary and id(ref) not in counted and id(ref) not in wrapped:
                named.extend(_named_layers(ref))
        inputs_made: dict[int, st.InputLayer] = {}
        for n in nodes:
            if n.ref is None:
                info = n.info
                layer = st.InputLayer(shape=None if info is None or info.shape is None else tuple(info.shape),
                                      batch_size=None if info is None else info.batch_size, name=n.name,
                                      line=n.line)
                inputs_made[id(n)] = layer
                named.append((n.serial, 0, layer))
        for n in self.inputs_created:
            if n.serial > boundary and id(n) not in inputs_made:
                named.append((n.serial, 0, st.InputLayer(name=n.name)))
        names = _keras_names(named)
        inbound: dict[str, tuple[st.Inbound, ...]] = {}
        layer_of: dict[str, st.Layer] = {}
        last_name: dict[int, str] = {}  # node -> the name of the layer whose output it is
        for n in nodes:
            if n.ref is None:
                layer = inputs_made[id(n)]
                last_name[id(n)] = names[id(layer)]
                layer_of[names[id(layer)]] = layer
                inbound[names[id(layer)]] = ()
        for n in nodes:
            if n.ref is None:
                continue
            owner = first_call[id(n.ref)]
            if owner is not n:
                last_name[id(n)] = names[id(n.ref.layers[-1])] if n.ref.layers else ""
                continue
            previous: tuple[st.Inbound, ...] = tuple(
                st.Inbound(last_name.get(id(p.node), ""), p.index) for p in n.parents if p.node is not None)
            for own in n.ref.layers:
                name = names[id(own)]
                layer_of[name] = own
                inbound[name] = previous
                previous = (st.Inbound(name),)
            last_name[id(n)] = previous[0].layer if previous else ""
        outs = tuple(st.Inbound(last_name.get(id(t.node), ""), t.index) for t in outputs if t.node is not None)
        order = st.keras_order(inbound, outs)
        first_input = next((layer_of[n] for n in order if isinstance(layer_of[n], st.InputLayer)), None)
        info = None
        if first_input is not None:
            info = next((n.info for n in nodes if n.ref is None and inputs_made[id(n)] is first_input), None)
        return _Graph(tuple(layer_of[n] for n in order), tuple(order), tuple(inbound[n] for n in order), outs,
                      None if info is None or info.shape is None else tuple(info.shape),
                      None if info is None else info.line, None if info is None else info.batch_size)

    def apply(self, ref: _LayerRef, node: ast.Call) -> _TensorRef:
        """``layer(x)``, ``Concatenate()([a, b])``, ``mha(query, value)``: a new tensor, one call further."""
        self.used(ref)
        ref.calls += 1
        if ref.calls == 1 and ref.layers and isinstance(ref.layers[-1], st.MultiHeadAttention):
            # Keras builds its Softmax and Dropout sub-layers at the first call: they take those names
            ref.inner.append(_LayerRef([st.Softmax(), st.Dropout(rate=0.0)], node.lineno, serial=self.next_serial()))
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        sources: list[Any] = []
        first_node = node.args[0] if node.args else keywords.get("inputs", keywords.get("query"))
        if first_node is not None:
            first = self.expr(first_node)
            sources = list(first) if isinstance(first, (list, tuple)) else [first]
        for extra in node.args[1:]:
            sources.append(self.expr(extra))
        for key in ("value", "key"):
            if key in keywords:
                sources.append(self.expr(keywords[key]))
        tensors = [t for t in sources if isinstance(t, _TensorRef)]
        if ref.is_input_layer:
            if tensors:
                tensors[0].consumed = True
                return tensors[0]
            tensor = _TensorRef(ref.input, [], node.lineno, node=_Node(None, [], node.lineno, ref.input,
                                                                         self.next_serial()))
            self.tensors.append(tensor)
            return tensor
        if tensors:
            for t in tensors:
                t.consumed = True
            head = tensors[0]
            tensor = _TensorRef(head.input, [*head.chain, ref], node.lineno, head.origin,
                                node=_Node(ref, tensors, node.lineno, serial=ref.serial))
        else:
            text = self.src.segment(first_node, 40) if first_node is not None else "nothing"
            self.note(node.lineno, "a layer is called on `{text}`, which is not a keras.Input: its input shape is "
                                   "unknown", "info", "unknown_tensor", text=text)
            start = _TensorRef(ref.input, [], node.lineno, text,
                               node=_Node(None, [], node.lineno, ref.input, ref.serial))
            tensor = _TensorRef(ref.input, [ref], node.lineno, text,
                                node=_Node(ref, [start], node.lineno, serial=ref.serial))
        self.tensors.append(tensor)
        return tensor

    # -- arguments
    def literal(self, node: ast.expr, quiet: bool = False) -> Any:
        """A Python literal, or :class:`Unknown` (with a reason); never evaluates code."""
        if isinstance(node, ast.Constant):
            if isinstance(node.value, (str, int, float, bool)) or node.value is None:
                return node.value
            return Unknown(self.src.segment(node), "not a plain literal")
        if isinstance(node, (ast.Tuple, ast.List)):
            items = [self.literal(e, quiet) for e in node.elts]
            size = depth = 0
            for item in items:
                item_size, item_depth = self.literal_extent(item)
                size += item_size
                depth = max(depth, item_depth)
            if size > self.budgets.literal_items or depth >= self.budgets.depth:
                return Unknown(self.src.segment(node, 60), f"a literal of more than {self.budgets.literal_items:,} "
                               f"items or {self.budgets.depth} levels, more than the explorer reads")
            value: tuple[Any, ...] | list[Any] = tuple(items) if isinstance(node, ast.Tuple) else list(items)
            self._extents[id(value)] = (value, size, depth + 1)
            return value
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = self.literal(node.operand, quiet)
            if isinstance(inner, (int, float)) and not isinstance(inner, bool):
                return -inner if isinstance(node.op, ast.USub) else inner
            return Unknown(self.src.segment(node), "not a number")
        if isinstance(node, ast.Name):
            if node.id in self.env:
                value = self.env[node.id]
                built = self._extents.get(id(value))
                if (built is not None and built[0] is value) or _is_literal_value(value):
                    return value  # a literal this reader built is known to be one: no walk per use
                return Unknown(node.id, f"`{node.id}` is not a literal")
            lowered = {"none": None, "true": True, "false": False}
            if node.id in lowered:
                if not quiet:
                    self.note(node.lineno, "Python writes `{capitalize}`, not `{id}`: read as {capitalize}", "warning",
                                           "case", capitalize=node.id.capitalize(), id=node.id)
                return lowered[node.id]
            return Unknown(node.id, f"`{node.id}` is not defined in the snippet")
        if isinstance(node, ast.BinOp):
            return self.fold_binop(node, quiet)
        if isinstance(node, ast.JoinedStr):
            return self.fold_fstring(node, quiet)
        if isinstance(node, ast.Call):
            folded = self.fold_call(node, quiet)
            if folded is not _NOT_FOUND:
                return folded
            return Unknown(self.src.segment(node), "a call: the explorer reads literals only and "
                           "never runs pasted code")
        if isinstance(node, ast.Subscript):
            base = self.literal(node.value, quiet=True)
            if isinstance(node.value, ast.Attribute) and node.value.attr == "shape":
                base = self.tensor_shape(node.value.value)
            if isinstance(base, (tuple, list, str)) and not isinstance(base, Unknown):
                got = self.fold_index(base, node.slice)
                if got is not _NOT_FOUND:
                    return got
        if isinstance(node, ast.Attribute) and node.attr == "shape":
            shape = self.tensor_shape(node.value)
            if isinstance(shape, tuple):
                return shape
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            root = _root_name(node)
            if root is None:
                return Unknown(self.src.segment(node), "not a literal")
            if root not in self.env:
                return Unknown(self.src.segment(node), f"`{root}` is not defined in the snippet")
            return Unknown(self.src.segment(node), f"it depends on `{root}`, which is not a literal")
        return Unknown(self.src.segment(node), "an expression, not a literal")

    # -- constant folding: arithmetic on literals, never on anything else, never by running code
    def fold_binop(self, node: ast.BinOp, quiet: bool) -> Any:
        """``word_index + 1``, ``(1, 2, 4, 8) * 2``, ``[3, 4] + [5]``, ``2 ** 6`` with literal operands."""
        left, right = self.literal(node.left, quiet), self.literal(node.right, quiet)
        text = self.src.segment(node)
        if isinstance(left, Unknown) or isinstance(right, Unknown) or _has_unknown(left) or _has_unknown(right):
            bad = left if isinstance(left, Unknown) else right
            reason = bad.reason if isinstance(bad, Unknown) else "a part is not a literal"
            return Unknown(text, reason)
        op = node.op
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
        try:
            if numbers:
                if any(isinstance(v, int) and v.bit_length() > FOLD_BITS for v in (left, right)):
                    return Unknown(text, "a number too large to work out")
                if isinstance(op, ast.Pow):
                    if isinstance(right, int) and isinstance(left, int) and right >= 0 and \
                            right * max(abs(left), 1).bit_length() > FOLD_BITS:
                        return Unknown(text, "a number too large to work out")
                    if isinstance(right, (int, float)) and abs(right) > FOLD_BITS:
                        return Unknown(text, "a number too large to work out")
                operations: dict[type[ast.operator], Any] = {
                    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
                    ast.Div: lambda a, b: a / b, ast.FloorDiv: lambda a, b: a // b, ast.Mod: lambda a, b: a % b,
                    ast.Pow: lambda a, b: a ** b,
                }
                fn = operations.get(type(op))
                if fn is not None:
                    result = fn(left, right)
                    if isinstance(result, complex):
                        return Unknown(text, "not a real number")
                    return result
            sequences = (tuple, list, str)
            if isinstance(op, ast.Add) and isinstance(left, sequences) and type(left) is type(right):
                if self.literal_extent(left)[0] + self.literal_extent(right)[0] > self.budgets.literal_items:
                    return Unknown(text, "a literal longer than the explorer reads")
                joined: Any = left + right  # type: ignore[operator]  # same type, checked above
                return self._remember(joined)
            if isinstance(op, ast.Mult):
                seq, times = (left, right) if isinstance(left, sequences) else (right, left)
                if isinstance(seq, sequences) and isinstance(times, int) and not isinstance(times, bool):
                    if max(times, 0) * max(self.literal_extent(seq)[0], len(seq)) > self.budgets.literal_items:
                        return Unknown(text, f"a literal of more than {self.budgets.literal_items:,} items")
                    return self._remember(seq * times)
        except (ArithmeticError, ValueError, TypeError):
            return Unknown(text, "an expression Python would reject")
        return Unknown(text, "an expression, not a literal")

    def _remember(self, value: Any) -> Any:
        if isinstance(value, (tuple, list)):
            size = depth = 0
            for item in value:
                item_size, item_depth = self.literal_extent(item)
                size += item_size
                depth = max(depth, item_depth)
            self._extents[id(value)] = (value, size, depth + 1)
        return value

    def fold_fstring(self, node: ast.JoinedStr, quiet: bool) -> Any:
        """``f"conv_{k}"`` with literal parts: a layer name."""
        parts: list[str] = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
                continue
            if not isinstance(value, ast.FormattedValue):
                return Unknown(self.src.segment(node), "an f-string with a part that is not a literal")
            inner = self.literal(value.value, quiet)
            spec = "" if value.format_spec is None else self.literal(value.format_spec, quiet)
            if isinstance(inner, Unknown) or _has_unknown(inner) or not isinstance(spec, str) or len(spec) > 20:
                return Unknown(self.src.segment(node), "an f-string with a part that is not a literal")
            if value.conversion == ord("r"):
                inner = repr(inner)
            try:
                parts.append(format(inner, spec))
            except (ValueError, TypeError):
                return Unknown(self.src.segment(node), "an f-string Python would reject")
            if sum(len(p) for p in parts) > self.budgets.literal_items:
                return Unknown(self.src.segment(node), "a string longer than the explorer reads")
        return "".join(parts)

    def fold_call(self, node: ast.Call, quiet: bool) -> Any:
        """``range(3)``, ``len(sizes)``, ``int(x)``, ``min``/``max``/``abs``, ``enumerate``/``zip`` of literals."""
        if not isinstance(node.func, ast.Name) or node.keywords or node.func.id in self.env:
            return _NOT_FOUND
        name = node.func.id
        if name not in FOLDED_BUILTINS:
            return _NOT_FOUND
        args = [self.literal(a, quiet) for a in node.args]
        if any(isinstance(a, Unknown) or _has_unknown(a) for a in args):
            return Unknown(self.src.segment(node), "a call on something that is not a literal")
        text = self.src.segment(node)
        numbers = all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in args)
        try:
            if name == "range" and 1 <= len(args) <= 3 and all(isinstance(a, int) for a in args):
                span = range(*args)
                if len(span) > self.budgets.literal_items:
                    return Unknown(text, f"a range of more than {self.budgets.literal_items:,} items")
                return self._remember(tuple(span))
            if name == "len" and len(args) == 1 and isinstance(args[0], (tuple, list, str)):
                return len(args[0])
            if name in ("int", "float", "abs", "round") and len(args) == 1 and numbers:
                convert: Any = {"int": int, "float": float, "abs": abs, "round": round}[name]
                return convert(args[0])
            if name in ("min", "max", "sum") and args:
                items = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
                if items and all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in items):
                    reduce: Any = {"min": min, "max": max, "sum": sum}[name]
                    return reduce(items)
            if name in ("list", "tuple") and len(args) == 1 and isinstance(args[0], (tuple, list)):
                return self._remember(list(args[0]) if name == "list" else tuple(args[0]))
            if name == "enumerate" and len(args) == 1 and isinstance(args[0], (tuple, list)):
                return self._remember([self._remember((k, v)) for k, v in enumerate(args[0])])
            if name == "zip" and args and all(isinstance(a, (tuple, list)) for a in args):
                return self._remember([self._remember(tuple(group)) for group in zip(*args, strict=False)])
            if name == "reversed" and len(args) == 1 and isinstance(args[0], (tuple, list)):
                return self._remember(list(reversed(args[0])))
        except (ArithmeticError, ValueError, TypeError):
            return Unknown(text, "a call Python would reject")
        return _NOT_FOUND

    def fold_index(self, base: Any, index_node: ast.expr) -> Any:
        """``sizes[0]``, ``input_shape[1:]``, ``x.shape[-1]`` of literals."""
        if isinstance(index_node, ast.Slice):
            parts = [None if p is None else self.literal(p, quiet=True)
                     for p in (index_node.lower, index_node.upper, index_node.step)]
            if all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts) and parts[2] != 0:
                return self._remember(base[slice(*parts)])
            return _NOT_FOUND
        index = self.literal(index_node, quiet=True)
        if isinstance(index, int) and not isinstance(index, bool) and -len(base) <= index < len(base):
            return base[index]
        return _NOT_FOUND

    def tensor_shape(self, node: ast.expr) -> Any:
        """``x.shape`` of a tensor the code built from a literal keras.Input (with the batch), else ``None``."""
        if not isinstance(node, ast.Name):
            return None
        tensor = self.env.get(node.id)
        if not isinstance(tensor, _TensorRef) or tensor.input is None or tensor.input.shape is None:
            return None
        shape = tensor.input.shape
        if any(isinstance(v, Unknown) for v in shape):
            return None
        if not tensor.chain and tensor.index == 0:
            return (tensor.input.batch_size, *shape)
        if tensor.index != 0 or not _is_chain([tensor], []):
            return None
        layers = tuple(layer for ref in tensor.chain for layer in ref.layers)
        try:
            out = st.summarize(st.Stack(layers, tuple(v for v in shape if not isinstance(v, Unknown)))).output_shape
        except (ValueError, TypeError):
            return None
        return out

    def literal_extent(self, value: Any) -> tuple[int, int]:
        """(items, levels) of a literal value: remembered for the ones :meth:`literal` built, so linear."""
        if not isinstance(value, (tuple, list)):
            return 1, 0
        known = self._extents.get(id(value))
        if known is not None and known[0] is value:
            return known[1], known[2]
        # Built elsewhere (a loop's list): count, stopping at the budget.
        size, depth, stack = 0, 0, [(value, 1)]
        while stack and size <= self.budgets.literal_items and depth < self.budgets.depth:
            current, level = stack.pop()
            depth = max(depth, level)
            for item in current:
                if isinstance(item, (tuple, list)):
                    stack.append((item, level + 1))
                else:
                    size += 1
        return size, depth

    def call_args(self, cls: str, node: ast.Call, positional_names: Sequence[str]) -> dict[str, Any]:
        """Keyword -> literal (or Unknown) for a layer call, positional arguments named."""
        args: dict[str, Any] = {}
        for i, arg in enumerate(node.args):
            if isinstance(arg, ast.Starred):
                self.note(node.lineno, "{cls}: *args is not read", "warning", "star_args", cls=cls)
                continue
            if i >= len(positional_names):
                self.note(node.lineno, "{cls}: too many positional arguments; `{snippet}` ignored", "warning",
                                       "extra_positional", cls=cls, snippet=self.src.segment(arg, 30))
                continue
            args[positional_names[i]] = (self.literal(arg), arg)
        for kw in node.keywords:
            if kw.arg is None:
                self.note(node.lineno, "{cls}: **kwargs is not read", "warning", "star_args", cls=cls)
                continue
            if kw.arg in args:
                self.note(kw.value.lineno, "{cls}() got multiple values for argument '{arg}'; the keyword one is used",
                                           "warning", "duplicate_argument", cls=cls, arg=kw.arg)
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
                self.note(node.lineno, "{cls}: unknown argument `{key}`", "warning", "unknown_argument", cls=cls,
                                       key=key)
        if shape is None:
            self.note(node.lineno, "{cls}(...) without a literal shape: pass --input-shape", "warning",
            "input_no_shape",
                                   cls=cls)
        return _InputInfo(shape, node.lineno, batch)

    def shape_value(self, item: tuple[Any, ast.expr], cls: str) -> tuple[InputDim, ...] | None:
        value, node = item
        if isinstance(value, int) and not isinstance(value, bool):
            value = (value,)
        if isinstance(value, (tuple, list)):
            dims: list[InputDim] = []
            for v in value:
                if isinstance(v, int) and not isinstance(v, bool) and abs(v) > self.budgets.int_value:
                    dims.append(Unknown(_show_number(v), f"larger than {self.budgets.int_value:,}, the largest "
                                        "size the explorer reads"))
                elif v is None or isinstance(v, Unknown) or (isinstance(v, int) and not isinstance(v, bool)):
                    dims.append(v)
                else:
                    dims.append(Unknown(repr(v), "not a whole number"))
            for v in dims:
                if isinstance(v, Unknown):
                    self.note(node.lineno, "{cls}: the shape part `{text}` is not a literal ({reason}); pass "
                                           "--input-shape", "warning", "shape_not_literal", cls=cls, text=v.text,
                                           reason=v.reason)
            return tuple(dims)
        if isinstance(value, Unknown):
            self.note(node.lineno, "{cls}: the shape `{text}` is not a literal ({reason}); pass --input-shape",
                                   "warning", "shape_not_literal", cls=cls, text=value.text, reason=value.reason)
        return None

    def layer(self, cls: str, node: ast.Call) -> Any:
        """A layer object (numbered in creation order), or the tensor a functional helper returns."""
        if cls in MERGE_FUNCTIONS or cls == "merge" or (cls == "Merge" and (node.args or any(
                k.arg == "layers" for k in node.keywords))):
            return self.merge_call(cls, node)
        ref = self.make_layer_ref(cls, node)
        ref.serial = self.next_serial()
        self.created.append(ref)
        return ref

    def merge_call(self, cls: str, node: ast.Call) -> Any:
        """``concatenate([a, b], axis=1)`` or Keras 1 ``merge([a, b], mode='concat')``: a merge layer, called."""
        first = node.args[0] if node.args else next((k.value for k in node.keywords
                                                     if k.arg in ("inputs", "layers")), None)
        rest = ast.Call(func=node.func, args=list(node.args[1:]),
                        keywords=[k for k in node.keywords if k.arg not in ("inputs", "layers")])
        ast.copy_location(rest, node)
        ref = (self.make_layer_ref(MERGE_FUNCTIONS.get(cls, cls), rest) if cls not in ("merge", "Merge")
               else self.keras1_merge(cls, rest))
        ref.serial = self.next_serial()
        self.created.append(ref)
        if first is None:
            return ref
        if cls == "Merge" and isinstance(first, (ast.List, ast.Tuple)):
            models = [self.env.get(e.id) if isinstance(e, ast.Name) else None for e in first.elts]
            if models and all(isinstance(m, _ModelBuilder) for m in models):
                ref.merged = [m for m in models if isinstance(m, _ModelBuilder)]  # Keras 1: a model of models
                return ref
        call = ast.Call(func=node.func, args=[first], keywords=[])
        ast.copy_location(call, node)
        return self.apply(ref, call)

    def keras1_merge(self, cls: str, node: ast.Call) -> _LayerRef:
        """Keras 1 ``merge``/``Merge(mode=..., concat_axis=..., dot_axes=...)``: the Keras 3 merge layer."""
        self.count_layer(node.lineno)
        raw = self.call_args(cls, node, ("mode", "concat_axis", "dot_axes", "output_shape", "output_mask",
                                         "arguments", "node_indices", "tensor_indices", "name"))
        mode = raw.get("mode", ("sum", node))[0]
        text = self.src.segment(node, 120)
        modern = KERAS1_MERGE_MODES.get(mode) if isinstance(mode, str) else None
        if modern is None:
            self.note(node.lineno, "Keras 1 {cls}(mode={mode}) has no Keras 3 layer the explorer reads", "warning",
                                   "legacy_merge", cls=cls, mode=_show(mode))
            return _LayerRef([st.UnsupportedLayer(keras_name="Merge", line=node.lineno, legacy=text)], node.lineno)
        config: dict[str, Any] = {}
        if modern == "Concatenate" and "concat_axis" in raw:
            config["axis"] = raw["concat_axis"][0]
        if modern == "Dot":
            config["axes"] = raw.get("dot_axes", (-1, node))[0]
            config["normalize"] = mode == "cos"
        if "name" in raw and isinstance(raw["name"][0], str):
            config["name"] = raw["name"][0]
        call = modern + "(" + ", ".join(f"{k}={v!r}" for k, v in config.items()) + ")"
        self.note(node.lineno, "Keras 1 `{cls}(mode={mode})` is `{call}` in Keras 3", "info", "legacy_layer", cls=cls,
                               mode=repr(mode), call=call)
        return _LayerRef([st.make_layer(modern, config, line=node.lineno, legacy=text)], node.lineno)

    def wrapper_layer(self, cls: str, node: ast.Call, text: str) -> _LayerRef:
        """``Bidirectional(LSTM(64), merge_mode='sum')``, ``TimeDistributed(Dense(1))``: the wrapped one first."""
        line = node.lineno
        inner_node = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "layer"),
                                                         None)
        inner = self.expr(inner_node) if inner_node is not None else None
        backward_node = next((k.value for k in node.keywords if k.arg == "backward_layer"), None)
        backward = self.expr(backward_node) if backward_node is not None else None
        if not isinstance(inner, _LayerRef) or not inner.layers:
            what = self.src.segment(inner_node, 40) if inner_node is not None else "nothing"
            message = f"{cls}: the wrapped layer `{what}` could not be read"
            self.note(line, "{cls}: the wrapped layer `{what}` could not be read", "warning", "wrapper_layer", cls=cls,
                      what=what)
            return _LayerRef([st.UnsupportedLayer(keras_name=cls, line=line, message=message + ".")], line)
        refs = [inner] + ([backward] if isinstance(backward, _LayerRef) else [])
        config: dict[str, Any] = {"layer": inner.layers[-1]}
        if isinstance(backward, _LayerRef) and backward.layers:
            config["backward_layer"] = backward.layers[-1]
        for kw in node.keywords:
            if kw.arg in ("merge_mode", "name", "trainable"):
                config[kw.arg] = self.literal(kw.value)
            elif kw.arg in ("input_shape", "batch_input_shape"):
                pass
            elif kw.arg not in ("layer", "backward_layer", "weights") and kw.arg is not None:
                self.note(kw.value.lineno, "{cls} got an unknown argument `{arg}`; ignored", "warning",
                                           "unknown_argument", cls=cls, arg=kw.arg)
        if len(node.args) > 1 and cls == "Bidirectional":
            config["merge_mode"] = self.literal(node.args[1])
        if isinstance(config.get("trainable"), Unknown):
            config.pop("trainable")
        if isinstance(config.get("merge_mode"), Unknown) or isinstance(config.get("name"), Unknown):
            config.pop("name", None)
            config["merge_mode"] = "concat" if isinstance(config.get("merge_mode"), Unknown) else \
                config.get("merge_mode", "concat")
        args = {k.arg: (self.literal(k.value, quiet=True), k.value) for k in node.keywords
                if k.arg in ("input_shape", "batch_input_shape")}
        info = self.layer_input("Conv1D", args, line) if args else inner.input
        layer = st.make_layer(cls, config, line=line)
        return _LayerRef([layer], line, info, inner=refs)

    def make_layer_ref(self, cls: str, node: ast.Call) -> _LayerRef:
        line = node.lineno
        self.count_layer(line)
        text = self.src.segment(node, 120)
        if cls.startswith("?") or cls in UNSUPPORTED:
            # Reported when it is used as a layer: RMSprop() or EarlyStopping() are not layers.
            full = cls.lstrip("?")
            name = full.rsplit(".", 1)[-1]
            if cls in UNSUPPORTED:
                pending = Diagnostic.make(line, "{name} is a Keras layer the explorer does not model: its output "
                                                "shape and the shapes after it are unknown", "warning",
                                                "unsupported_layer", name=name)
            else:
                guess = _close_matches(name, frozenset(KNOWN | UNSUPPORTED), 0.75)
                if guess:  # two whole templates, so a translation never splices English into Chinese
                    pending = Diagnostic.make(line, "unknown layer `{full}` (did you mean {guess}?): kept as an "
                                                    "unknown layer; the shapes after it are unknown", "warning",
                                                    "unknown_layer", full=full, guess=guess[0])
                else:
                    pending = Diagnostic.make(line, "unknown layer `{full}`: kept as an unknown layer; the shapes "
                                                    "after it are unknown", "warning", "unknown_layer", full=full)
            layer = st.UnsupportedLayer(keras_name=name, line=line)
            return _LayerRef([layer], line, pending=pending)
        canonical = ALIASES.get(cls, cls)
        if canonical in WRAPPER_CLASSES:
            return self.wrapper_layer(canonical, node, text)
        if cls == "Merge":
            return self.keras1_merge(cls, node)
        kwargs_names = {k.arg for k in node.keywords if k.arg}
        if canonical == "Conv1D" and kwargs_names & LEGACY_CONV_TRIGGERS:
            return self.legacy_layer("Convolution1D", node, text)
        if cls == "AtrousConvolution1D":
            return self.legacy_layer("AtrousConvolution1D", node, text)
        if canonical in ("MaxPooling1D", "AveragePooling1D") and kwargs_names & LEGACY_POOL_TRIGGERS:
            return self.legacy_layer(canonical, node, text)
        return self.modern_layer(canonical, node, text)

    def modern_layer(self, cls: str, node: ast.Call, text: str) -> _LayerRef:
        line = node.lineno
        signature = LAYER_SIGNATURES[cls]
        raw = self.call_args(cls, node, signature)
        if cls == "Lambda" and "function" in raw:  # kept as text, never run
            raw["function"] = (self.src.segment(raw["function"][1], 60), raw["function"][1])
        if cls == "LeakyReLU" and "alpha" in raw:
            self.note(line, "LeakyReLU(alpha=...) is Keras 2: Keras 3 writes negative_slope=", "info",
                            "legacy_argument")
            raw["negative_slope"] = raw.pop("alpha")
        renames = KERAS1_RENAMES.get(cls, {})
        args: dict[str, tuple[Any, ast.expr]] = {}
        legacy = None
        for key, item in raw.items():
            if key in renames:
                new = renames[key]
                self.note(line, "Keras 1 argument `{key}` is `{new}` in Keras 2 and 3", "info", "legacy_argument",
                                key=key, new=new)
                legacy = text
                args[new] = item
            elif key in KERAS1_DROPPED and key not in signature:
                self.note(line, "Keras 1 argument `{key}` has no Keras 3 counterpart; ignored", "info",
                                "legacy_argument", key=key)
                legacy = text
            else:
                args[key] = item
        info = self.layer_input(cls, args, line)
        allowed = set(signature) | BASE_KWARGS | ({"input_length"} if cls in STEPS_LAYERS else set())
        known: dict[str, Any] = {}
        for key, (value, vnode) in args.items():
            if key not in allowed:
                guess = _close_matches(key, frozenset(allowed), 0.7)
                if guess:
                    self.note(vnode.lineno, "{cls} got an unknown argument `{key}` (did you mean `{guess}`?); "
                              "ignored. Keras 3 raises: Unrecognized keyword arguments passed to {cls}: "
                              "{{'{key}': {value}}}", "warning", "unknown_argument", cls=cls, key=key, guess=guess[0],
                              value=_show(value))
                else:
                    self.note(vnode.lineno, "{cls} got an unknown argument `{key}`; ignored. Keras 3 raises: "
                              "Unrecognized keyword arguments passed to {cls}: {{'{key}': {value}}}", "warning",
                              "unknown_argument", cls=cls, key=key, value=_show(value))
                continue
            if key in INPUT_KWARGS and not (cls == "Embedding" and key == "input_dim"):
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
            self.note(line, "batch_input_shape is Keras 2; Keras 3 writes keras.Input(batch_shape=...)", "info",
                            "batch_input_shape")
            if not full:
                return _InputInfo(None, line)
            return _InputInfo(tuple(full[1:]), line, full[0] if isinstance(full[0], int) else None)
        length = args.get("input_length", (None, None))[0]
        if cls == "Embedding":
            if "input_length" in args:
                self.note(line, "Keras 3 ignores Embedding(input_length=...) (deprecated); it is read as "
                                "keras.Input(shape=({length},))", "info", "input_length", length=_show(length))
                return _InputInfo((length if length is None or isinstance(length, int) else
                                   _as_unknown(length, "input_length"),), line)
            return None
        if "input_dim" in args:
            dim = args["input_dim"][0]
            dim = dim if isinstance(dim, int) else _as_unknown(dim, "input_dim")
            if cls in STEPS_LAYERS:
                steps = length if length is None or isinstance(length, int) else _as_unknown(length, "steps")
                self.note(line, "input_dim/input_length are Keras 1/2: read as keras.Input(shape=({steps}, {dim}))",
                                "info", "input_dim", steps=_show(steps), dim=_show(dim))
                return _InputInfo((steps, dim), line)
            return _InputInfo((dim,), line)
        if "input_length" in args and cls in STEPS_LAYERS:
            self.note(line, "input_length without input_dim: the channels are unknown", "warning", "input_length")
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
                    self.note(line, "{cls}: {key}=`{text}` is not read ({reason}); it does not change shapes or "
                                    "parameter counts", "info", "argument_not_literal", cls=cls, key=key,
                                    text=value.text, reason=value.reason)
                continue
            if (isinstance(value, Unknown) or _has_unknown(value)) and irrelevant(key):
                self.note(line, "{cls}: {key}=`{value}` is not read; it does not change shapes or parameter counts",
                                "info", "argument_not_literal", cls=cls, key=key,
                                value=_show(value) if not isinstance(value, Unknown) else value.text)
                continue
            if isinstance(value, Unknown) or _has_unknown(value):
                bad = value if isinstance(value, Unknown) else Unknown(_show_number(value), "has a part that is not "
                                                                       "a literal")
                if cls == "Embedding" and key == "input_dim":
                    self.note(line, "Embedding: input_dim=`{text}` is not a literal ({reason}): its parameter count "
                                    "is unknown; the shapes are not affected", "warning", "argument_not_literal",
                                    text=bad.text, reason=bad.reason)
                    kwargs[key] = None
                    continue
                if key == "activation":
                    self.note(line, "{cls}: activation=`{text}` is not read ({reason}); computed as linear", "warning",
                                    "argument_not_literal", cls=cls, text=bad.text, reason=bad.reason)
                    kwargs[key] = None
                    continue
                self.note(line, "{cls}: {key}=`{text}` is not a literal ({reason}): this layer cannot be computed",
                                "warning", "argument_not_literal", cls=cls, key=key, text=bad.text, reason=bad.reason)
                broken = st.UnsupportedLayer(
                    keras_name=cls, line=line, legacy=legacy,
                    message=f"{cls}: the argument {key}={bad.text} is not a literal ({bad.reason}).",
                    hint=f"Write {key} as a number or string, or define it earlier in the snippet "
                    f"(e.g. {key} = ...).", hint_code="argument_not_literal", hint_values=(("key", key),))
                return _LayerRef([broken], line, info)
            huge = _too_large(value, self.budgets.int_value)
            if huge is not None:
                bound = f"{self.budgets.int_value:,}"
                self.note(line, "{cls}: {key}={huge} is larger than {bound}, the largest size the explorer reads: "
                                "this layer cannot be computed", "warning", "budget_value", cls=cls, key=key,
                                huge=_show_number(huge), bound=bound)
                broken = st.UnsupportedLayer(
                    keras_name=cls, line=line, legacy=legacy,
                    message=f"{cls}: the argument {key}={_show_number(huge)} is larger than {bound}.",
                    hint=f"Write {key} as a size a model can have (at most {bound}).")
                return _LayerRef([broken], line, info)
            kwargs[key] = value
        missing = [a for a in REQUIRED.get(cls, ()) if a not in kwargs]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            names = " and ".join(f"'{m}'" for m in missing)
            broken = st.UnsupportedLayer(
                keras_name=cls, line=line, legacy=legacy,
                message=f"{cls}.__init__() missing {len(missing)} required positional argument{plural}: "
                f"{names}",
                hint=f"Give {', '.join(missing)}, e.g. {example_call(cls)}.", error_type="TypeError",
                hint_code="missing_argument",
                hint_values=(("names", ", ".join(missing)), ("example", example_call(cls))))
            self.note(line, "{message}", "warning", "missing_argument", message=broken.message)
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
                if path in ACTIVATION_MODULES and attr in st.KERAS_ACTIVATIONS:
                    kwargs = {**kwargs, "activation": attr}
                    self.note(node.lineno, "activation={items} read as activation='{attr}'", "info",
                                           "activation_attribute", items='.'.join(parts), attr=attr)
        return kwargs

    def legacy_layer(self, legacy_class: str, node: ast.Call, text: str) -> _LayerRef:
        """A Keras 1 call, translated by :func:`conv_core.legacy.translate_legacy`."""
        from conv_core.legacy import translate_legacy

        line = node.lineno
        is_pool = legacy_class in ("MaxPooling1D", "AveragePooling1D")
        positional = (KERAS1_POOL_POSITIONAL if is_pool else
                      KERAS1_ATROUS_POSITIONAL if legacy_class == "AtrousConvolution1D" else
                      KERAS1_CONV_POSITIONAL)
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
                guess = _close_matches(key, frozenset(allowed), 0.7)
                if guess:
                    self.note(vnode.lineno, "{cls} got an unknown argument `{key}` (did you mean `{guess}`?); ignored",
                              "warning", "unknown_argument", cls=legacy_class, key=key, guess=guess[0])
                else:
                    self.note(vnode.lineno, "{cls} got an unknown argument `{key}`; ignored", "warning",
                              "unknown_argument", cls=legacy_class, key=key)
                continue
            if key in {"input_shape", "batch_input_shape", "trainable", "dtype"}:
                continue
            if isinstance(value, Unknown) and key in ("input_dim", "input_length"):
                params[key] = value  # an open input shape, filled in by --input-shape
                continue
            if isinstance(value, Unknown) and irrelevant(key, legacy=True):
                self.note(line, "{legacy_class}: {key}=`{text}` is not read ({reason}); it does not change shapes or "
                                "parameter counts", "info", "argument_not_literal", legacy_class=legacy_class, key=key,
                                text=value.text, reason=value.reason)
                continue
            if isinstance(value, Unknown):
                self.note(line, "{legacy_class}: {key}=`{text}` is not a literal ({reason}): this layer cannot be "
                                "computed", "warning", "argument_not_literal", legacy_class=legacy_class, key=key,
                                text=value.text, reason=value.reason)
                broken = st.UnsupportedLayer(
                    keras_name="Conv1D" if not is_pool else legacy_class, line=line, legacy=text,
                    message=f"{legacy_class}: the argument {key}={value.text} is not a literal.",
                    hint=f"Write {key} as a number or string.", hint_code="legacy_argument_not_literal",
                    hint_values=(("key", key),))
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
            self.note(line, "{legacy_class}: {keras}", "warning", "legacy_error", legacy_class=legacy_class,
                            keras=exc.keras)
            broken = st.UnsupportedLayer(keras_name=modern_class, line=line, legacy=text,
                                         message=exc.keras, hint=exc.hint, hint_code=exc.code,
                                         hint_values=tuple(exc.values.items()))
            return _LayerRef([broken], line, info)
        self.note(line, "Keras 1 `{text}` is `{keras_code}` in Keras 3", "info", "legacy_layer", text=text,
                        keras_code=t.keras_code)
        for n in t.notes:
            if not n.code.startswith("renamed_"):
                self.note(line, "{text}", "info", f"legacy_{n.code}", text=n.text)
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


def _all_inner(ref: _LayerRef) -> list[_LayerRef]:
    found: list[_LayerRef] = []
    todo = list(ref.inner)
    while todo:
        inner = todo.pop()
        found.append(inner)
        todo.extend(inner.inner)
    return found


def _topological(nodes: Sequence[_Node]) -> list[_Node]:
    """The nodes with every node after the nodes it reads (iterative depth-first walk, creation order kept)."""
    members = {id(n) for n in nodes}
    done: set[int] = set()
    out: list[_Node] = []
    for start in sorted(nodes, key=lambda n: n.serial):
        if id(start) in done:
            continue
        stack: list[tuple[_Node, int]] = [(start, 0)]
        while stack:
            node, k = stack[-1]
            if k < len(node.parents):
                stack[-1] = (node, k + 1)
                parent = node.parents[k].node
                if parent is not None and id(parent) in members and id(parent) not in done:
                    done.add(id(parent))  # marked on entry: a cycle cannot loop
                    stack.append((parent, 0))
                continue
            stack.pop()
            done.add(id(node))
            out.append(node)
    return out


def _is_chain(outputs: Sequence[_TensorRef], inputs: Sequence[_TensorRef]) -> bool:
    """One output reached from one input through layers of one input each: read as a chain (a list)."""
    if len(outputs) != 1 or len(inputs) > 1:
        return False
    tensor: _TensorRef | None = outputs[0]
    while tensor is not None and tensor.node is not None:
        if tensor.index != 0 or len(tensor.node.parents) > 1:
            return False
        ref = tensor.node.ref
        if ref is not None and ref.calls > 1:
            return False
        tensor = tensor.node.parents[0] if tensor.node.parents else None
    return True


def _named_layers(ref: _LayerRef) -> list[tuple[int, int, st.Layer]]:
    """(creation order, position, layer) of a layer and every layer inside it (wrapped, nested models)."""
    found: list[tuple[int, int, st.Layer]] = []
    for inner in ref.inner:
        found.extend(_named_layers(inner))
    found.extend((ref.serial, k, layer) for k, layer in enumerate(ref.layers))
    return found


def _keras_names(named: Sequence[tuple[int, int, st.Layer]]) -> dict[int, str]:
    """id(layer) -> Keras's automatic name (``conv1d``, ``conv1d_1``...), counted in creation order."""
    counts: dict[str, int] = {}
    names: dict[int, str] = {}
    for _, _, layer in sorted(named, key=lambda item: (item[0], item[1])):
        if layer.name is not None:
            names[id(layer)] = layer.name
            continue
        prefix = "input_layer" if isinstance(layer, st.InputLayer) else st.to_snake_case(layer.class_name)
        n = counts.get(prefix, 0)
        counts[prefix] = n + 1
        names[id(layer)] = prefix if n == 0 else f"{prefix}_{n}"
    return names


def _target_names(target: ast.expr) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]


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
    return value.text if isinstance(value, Unknown) else _show_number(value)


def _show_number(value: Any, limit: int = 60) -> str:
    """``repr`` cut to ``limit`` characters: a 400-digit number is quoted as its first digits."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _too_large(value: Any, bound: int) -> Any:
    """The first whole number in ``value`` (a literal) beyond ``bound``, or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if abs(value) > bound else None
    if isinstance(value, (tuple, list)):
        for item in value:
            found = _too_large(item, bound)
            if found is not None:
                return found
    return None


# --- the entry points ----------------------------------------------------------------------------

def _clean(source: str) -> tuple[str, list[Diagnostic]]:
    """Dedent, and replace typographic quotes and full-width punctuation (same length, same lines)."""
    diags: list[Diagnostic] = []
    text = textwrap.dedent(source.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4))
    for bad, good in SMART_CHARS.items():
        if bad in text:
            line = text[: text.index(bad)].count("\n") + 1
            diags.append(Diagnostic.make(line, "typographic character {bad} read as {good}", "info", "smart_character",
                                               bad=repr(bad), good=repr(good)))
            text = text.replace(bad, good)
    return text, diags


def _parse_tolerant(text: str, budgets: Budgets, deadline: float) -> tuple[ast.Module | None, list[Diagnostic], str]:
    """Parse; on a syntax error report it, blank the offending line and try again.

    Each retry parses the whole code again, so the retries are bounded by
    ``budgets.reparse_chars`` characters in all (linear time in the source) and
    by the wall-time budget.  The parser's own limits (``MemoryError`` on 100,000
    unary minus signs, ``RecursionError`` on a 100,000-term sum) become a
    ``budget_depth`` error, never a traceback.
    """
    diags: list[Diagnostic] = []
    lines = text.split("\n")
    retries = max(1, min(MAX_SKIPPED_LINES, budgets.reparse_chars // max(len(text), 1)))
    current = text
    for _ in range(retries):
        if monotonic() > deadline:
            diags.append(Diagnostic.make(1, "reading the code took more than {seconds:g} s: it is not read", "error",
                                            "budget_time", seconds=budgets.seconds))
            return None, diags, current
        current = "\n".join(lines)
        try:
            return ast.parse(current), diags, current
        except SyntaxError as exc:
            lineno = exc.lineno or 1
            if not 1 <= lineno <= len(lines):
                lineno = len(lines)
            msg = exc.msg or "invalid syntax"
            diags.append(Diagnostic.make(lineno, "not Python ({msg}): the line is skipped: {items}", "error",
                                                 "syntax_error", msg=msg,
                                                 items=' '.join(lines[lineno - 1].split())[:60]))
            if not lines[lineno - 1].strip():
                # The error is reported on an empty line (an unclosed bracket above): give up.
                break
            lines[lineno - 1] = ""
        except ValueError as exc:  # e.g. null bytes
            diags.append(Diagnostic.make(1, "cannot read the code: {exc}", "error", "syntax_error", exc=exc))
            return None, diags, current
        except (MemoryError, RecursionError):
            diags.append(Diagnostic.make(1, "the code is nested too deeply for Python's parser (brackets, operators "
                                            "or signs inside each other): it is not read", "error", "budget_depth"))
            return None, diags, current
    return None, diags, "\n".join(lines)


_TOKENS = re.compile(r"\w+|[^\w\s]")  # words and signs, counted before parsing (same budget as nodes)


def _too_many_nodes(line: int, budgets: Budgets) -> Diagnostic:
    return Diagnostic.make(line, "the code has more than {nodes:,} parts (names, numbers, signs...), more than the "
                                 "explorer reads: it is not read", "error", "budget_nodes", nodes=budgets.nodes)


@dataclass
class _Tree:
    """The syntax tree's nodes, listed once: parents before their children, with each one's parent."""

    nodes: list[ast.AST]
    parents: list[int]  # index of the parent in ``nodes``; -1 for the root


def _measure(tree: ast.AST, budgets: Budgets) -> _Tree | Diagnostic:
    """The tree's nodes, or a ``budget_nodes`` / ``budget_depth`` error (no recursion, one pass)."""
    nodes: list[ast.AST] = []
    parents: list[int] = []
    todo: list[tuple[ast.AST, int, int, int]] = [(tree, 1, 1, -1)]
    while todo:
        node, depth, line, parent = todo.pop()
        line = getattr(node, "lineno", line)
        if len(nodes) >= budgets.nodes:
            return _too_many_nodes(line, budgets)
        if depth > budgets.depth:
            return Diagnostic.make(line, "the code is nested more than {depth} levels deep at line {at}, more than "
                                         "the explorer reads: it is not read", "error", "budget_depth",
                                         depth=budgets.depth, at=line)
        index = len(nodes)
        nodes.append(node)
        parents.append(parent)
        children = list(ast.iter_child_nodes(node))
        todo.extend((child, depth + 1, line, index) for child in reversed(children))
    return _Tree(nodes, parents)


def _model_name(builder: _ModelBuilder, counts: dict[str, int]) -> str:
    if builder.name:
        return builder.name
    prefix = builder.style
    n = counts.get(prefix, 0)
    counts[prefix] = n + 1
    return prefix if n == 0 else f"{prefix}_{n}"


def parse_keras(source: str, budgets: Budgets = DEFAULT_BUDGETS) -> ParseResult:
    """Read every model in ``source``; never executes any of it.

    Past one of ``budgets`` (:class:`~app.io.keras_code.budgets.Budgets`: source
    size, syntax-tree nodes and depth, layers, models, remarks, wall time) the
    reading stops with one ``budget_*`` error; the models read until then are kept.

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
    if len(source) > budgets.source_chars:
        return ParseResult((), (Diagnostic.make(1, "the code has {count:,} characters, more than the "
                                                   "{source_chars:,} the explorer reads: it is not read", "error",
                                                   "budget_source", count=len(source),
                                                   source_chars=budgets.source_chars),))
    deadline = monotonic() + budgets.seconds
    text, diags = _clean(source)
    # Python's parser builds every node before we can count them (a 1 MB file of `x=1` lines takes
    # seconds and 700 MB): count the words and signs first; the parser's work grows with them.
    if _TOKENS.subn("", text)[1] > budgets.nodes:
        return ParseResult((), (*diags, _too_many_nodes(1, budgets)))
    tree, syntax, text = _parse_tolerant(text, budgets, deadline)
    diags += syntax
    if tree is None:
        return ParseResult((), tuple(sorted(diags, key=_order)))
    listed = _measure(tree, budgets)
    if isinstance(listed, Diagnostic):
        return ParseResult((), tuple(sorted([*diags, listed], key=_order)))
    reader = _Reader(text, budgets, deadline)
    try:
        reader.scan_dangerous(listed)
        # A snippet that starts with model.add(...) without creating the model.
        reader.run(_implicit_model(reader, tree, listed))
    except _BudgetExceeded:
        pass  # its error is noted; what was read so far is kept
    builders = [m for m in reader.models if m.layers or m.input is not None or m.graph is not None]
    for t in reader.tensors:
        if not t.consumed and t.chain:  # layer calls never wrapped in keras.Model(...)
            chain = _ModelBuilder("functional", t.chain[0].line, None, list(t.chain), t.input)
            if not _is_chain([t], []):
                chain.layers, chain.input, chain.graph = [], None, reader.build_graph([t], [])
            builders.append(chain)
    for b in builders:
        if b.graph is None and b.layers and b.layers[0].merged:
            b.graph = reader.merged_models_graph(b)
            if b.graph is not None:
                b.style = "functional"
    # A model used inside another (Sequential([encoder, decoder])) is listed after the models that use it.
    builders.sort(key=lambda b: b.nested_in > 0)
    stopped = any(d.code.startswith("budget_") and d.severity == "error" for d in reader.diags)
    if len(builders) > budgets.models:
        if not stopped:
            line = builders[budgets.models].line
            reader.diags.append(Diagnostic.make(line, "more than {models:,} models: the explorer reads at most "
                                                      "{models:,}; the ones from line {at} on are not read", "error",
                                                      "budget_models", models=budgets.models, at=line))
        builders = builders[: budgets.models]
    counts: dict[str, int] = {}
    models = []
    for b in builders:
        if b.graph is not None:
            g = b.graph
            models.append(ParsedModel(_model_name(b, counts), b.style, b.line, g.layers, g.input_shape,
                                      g.input_line, g.batch_size, g.names, g.inbound, g.outputs))
            continue
        layers = tuple(layer for ref in b.layers for layer in ref.layers)
        info = b.input
        models.append(ParsedModel(
            _model_name(b, counts), b.style, b.line, layers,
            None if info is None or info.shape is None else tuple(info.shape),
            None if info is None else info.line, None if info is None else info.batch_size,
        ))
    # The closing remarks are listed even past the diagnostics budget.
    if len(models) > 1:
        shown = 10
        where = ", ".join(f"{m.name} (line {m.line})" for m in models[:shown])
        if len(models) > shown:
            where += f" and {len(models) - shown} more"
        reader.diags.append(Diagnostic.make(models[0].line, "{count} models found: {where}; the first is shown (the "
                                                            "CLI's --model N picks another)", "info", "several_models",
                                                            count=len(models), where=where))
    if not models and not stopped:
        reader.diags.append(Diagnostic.make(1, "no Keras model found (no Sequential, model.add(...) or "
                                               "keras.Model(...))", "error", "no_model"))
    return ParseResult(tuple(models), tuple(sorted(diags + reader.diags, key=_order)))


def _implicit_model(reader: _Reader, tree: ast.Module, listed: _Tree) -> list[ast.stmt]:
    """``model.add(...)`` with ``model`` never created: assume ``model = Sequential()``."""
    created: set[str] = set()
    for node in listed.nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            reader.called.add(node.func.id)
    for node in listed.nodes:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    created.add(t.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            created.update(a.arg for a in node.args.args)
    for node in listed.nodes:
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add"
                and isinstance(node.func.value, ast.Name) and node.func.value.id not in created
                and node.func.value.id not in DEFAULT_MODULES and node.args):
            name = node.func.value.id
            reader.count_model(node.lineno)
            model = _ModelBuilder("sequential", node.lineno)
            reader.models.append(model)
            reader.env[name] = model
            reader.note(node.lineno, "`{name}` is not created in the snippet: read as {name} = Sequential()", "info",
                                     "implicit_model", name=name)
            created.add(name)
    return tree.body


def _order(d: Diagnostic) -> tuple[int, int]:
    return (d.line, SEVERITIES.index(d.severity))


def parse_keras_file(path: str, budgets: Budgets = DEFAULT_BUDGETS) -> ParseResult:
    """Read a file (UTF-8, or GB18030 as Chinese Windows saves it) and :func:`parse_keras` it.

    At most ``4 * budgets.source_chars`` bytes are read (a character is at most
    4 bytes in UTF-8): a larger file is refused with ``budget_source`` unread. A pipe, a device or a
    link to one is refused (:class:`app.io.regular_file.FileRefused`) before it is opened.
    """
    limit = 4 * budgets.source_chars
    mode = os.stat(path).st_mode  # a missing file or a folder: the caller's OSError
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a FIFO would block open(), a device never end
        check_regular_file(path, limit, "Keras code")  # raises FileRefused, one line that says what it is
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        return ParseResult((), (Diagnostic.make(1, "the file is larger than {limit:,} bytes, more than the explorer "
                                                   "reads: it is not read", "error", "budget_source", limit=limit),))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return parse_keras(data.decode(encoding), budgets)
        except UnicodeDecodeError:
            continue
    return parse_keras(data.decode("utf-8", errors="replace"), budgets)
