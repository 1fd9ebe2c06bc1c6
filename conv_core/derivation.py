"""The output length of a 1-D convolution or pooling, worked through step by step.

The result is structured data, not prose: each :class:`DerivationStep` has a
stable ``key``, the symbolic ``formula``, the same formula with the numbers
put in, and the ``result``.  A GUI or CLI renders the steps in any language
from the keys; :func:`render_derivation` renders English plain text.

Notes
-----
With ``keff = (k - 1)*d + 1`` (Keras 3, see SEMANTICS.md §1.2):

* valid:  ``out = floor((L - keff)/s) + 1``, no padding; ``L < keff`` is an
  error for Conv1D (pooling returns an empty output);
* same:   ``out = ceil(L/s)``, ``total = max((out - 1)*s + keff - L, 0)``,
  ``left = total // 2``, ``right = total - left`` (an odd total puts the
  extra zero on the right);
* causal: ``left = keff - 1``, ``right = 0``, ``out = ceil(L/s)``.

Step keys, in the order they appear:

========================  ==============================================
``keff``                  the dilated kernel span
``valid_out``             valid output length
``too_short``             valid input shorter than ``keff`` (last step)
``same_out``              ``ceil(L/s)`` for same
``same_total``            total zeros for same
``split``                 left/right split of that total
``causal_pad``            causal left padding
``causal_out``            ``ceil(L/s)`` for causal
``padded_len``            the padded length ``L + left + right``
========================  ==============================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import KerasValueError
from .padding import PADDINGS, POOL_PADDINGS, effective_kernel_size, normalize_padding

__all__ = [
    "DERIVATION_KEYS",
    "ENGLISH_TEMPLATES",
    "Derivation",
    "DerivationStep",
    "derive_output_length",
    "render_derivation",
]

DERIVATION_KEYS = (
    "keff",
    "valid_out",
    "too_short",
    "same_out",
    "same_total",
    "split",
    "causal_pad",
    "causal_out",
    "padded_len",
)

ENGLISH_TEMPLATES: dict[str, str] = {
    "keff": "Effective kernel span: keff = {formula} = {substituted} = {result}",
    "valid_out": "'valid' output length: Lout = {formula} = {substituted} = {result}",
    "too_short": (
        "Too short: 'valid' needs L >= keff, but {substituted}; "
        "{missing} more step(s) are needed ({consequence})"
    ),
    "same_out": "'same' output length: Lout = {formula} = {substituted} = {result}",
    "same_total": "'same' zeros in total: total = {formula} = {substituted} = {result}",
    "split": "Split: {formula} = {substituted} = {result}{odd}",
    "causal_pad": "'causal' pads the left only: {formula} = {substituted} = {result}",
    "causal_out": "'causal' output length: Lout = {formula} = {substituted} = {result}",
    "padded_len": "Padded length: {formula} = {substituted} = {result}",
}
"""English sentence per step key; fields: formula, substituted, result and the step's values."""


@dataclass(frozen=True)
class DerivationStep:
    """One line of the derivation.

    Attributes
    ----------
    key : str
        Stable identifier (one of :data:`DERIVATION_KEYS`) to pick a translated sentence.
    formula : str
        Symbolic, e.g. ``"floor((L - keff)/s) + 1"``.
    substituted : str
        The formula with the numbers, e.g. ``"floor((7 - 3)/2) + 1"``.
    result : int or tuple of int
        The value; ``(left, right)`` for the ``split`` and ``causal_pad`` steps.
    values : tuple of (str, int) pairs
        Named numbers a translation may use (``total``, ``left``, ``right``, ``missing``...).
    """

    key: str
    formula: str
    substituted: str
    result: int | tuple[int, int]
    values: tuple[tuple[str, int], ...] = ()

    def value(self, name: str) -> int:
        """The named number ``name`` of this step (KeyError if absent)."""
        return dict(self.values)[name]


@dataclass(frozen=True)
class Derivation:
    """The output-length derivation for one setting.

    Attributes
    ----------
    steps, kernel_size, strides, dilation_rate, padding :
        The setting (``padding`` lower-cased).
    pooling : bool
        True for pooling layers: a too-short 'valid' input gives an empty
        output instead of Keras's Conv1D error.
    lines : tuple of DerivationStep
        The worked steps, in order.
    output_length : int
        The final ``Lout`` (``0`` for an empty pooling output; the raw
        non-positive value for a too-short Conv1D).
    pad_left, pad_right : int
        Zeros before and after the sequence.
    ok : bool
        False when Keras raises (Conv1D 'valid' with ``L < keff``).
    """

    steps: int
    kernel_size: int
    strides: int
    dilation_rate: int
    padding: str
    pooling: bool
    lines: tuple[DerivationStep, ...]
    output_length: int
    pad_left: int
    pad_right: int
    ok: bool

    @property
    def effective_kernel_size(self) -> int:
        """``keff = (k - 1)*d + 1``, the first step's result.

        >>> derive_output_length(10, 3, dilation_rate=2).effective_kernel_size
        5
        """
        return effective_kernel_size(self.kernel_size, self.dilation_rate)

    @property
    def keys(self) -> tuple[str, ...]:
        """The step keys in order."""
        return tuple(line.key for line in self.lines)

    def step(self, key: str) -> DerivationStep:
        """The step with ``key`` (KeyError if this derivation has none)."""
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(key)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def derive_output_length(
    steps: int,
    kernel_size: int,
    strides: int = 1,
    padding: str = "valid",
    dilation_rate: int = 1,
    *,
    pooling: bool = False,
) -> Derivation:
    """Work out the output length and padding as Keras 3 does, step by step.

    Parameters
    ----------
    steps : int
        Input length ``L`` (at least 1).
    kernel_size : int
        ``k`` (``pool_size`` for pooling).
    strides, dilation_rate : int
        ``s`` and ``d`` (pooling has ``d = 1``).
    padding : {'valid', 'same', 'causal'}
        Case-insensitive; pooling takes 'valid' or 'same'.
    pooling : bool
        Pooling semantics for a too-short 'valid' input (empty output, no error).

    Returns
    -------
    Derivation

    Raises
    ------
    KerasValueError
        For an unknown padding, or a non-positive size.

    Notes
    -----
    ``keff = (k-1)*d + 1``; valid ``Lout = floor((L - keff)/s) + 1``; same and
    causal ``Lout = ceil(L/s)``; same ``total = max((Lout-1)*s + keff - L, 0)``,
    ``left = total // 2``; causal ``left = keff - 1``.

    Examples
    --------
    >>> d = derive_output_length(8, 3, strides=2, padding="same")
    >>> d.keys
    ('keff', 'same_out', 'same_total', 'split', 'padded_len')
    >>> d.step("same_total").substituted
    'max((4 - 1)*2 + 3 - 8, 0)'
    >>> d.step("split").result, d.output_length
    ((0, 1), 4)
    >>> derive_output_length(4, 5).ok
    False
    """
    pad = normalize_padding(padding, POOL_PADDINGS if pooling else PADDINGS,
                            "pooling" if pooling else "Conv1D")
    for name, v in (("steps", steps), ("kernel_size", kernel_size), ("strides", strides),
                    ("dilation_rate", dilation_rate)):
        if isinstance(v, bool) or not isinstance(v, int) or v < (0 if name == "steps" else 1):
            raise KerasValueError(
                f"`{name}` must be a positive integer. Received {name}={v}.",
                f"{name} is a whole number of steps: use 1 or more.",
                code="derivation_not_positive",
                values={"name": name, "value": v},
            )
    L, k, s, d = steps, kernel_size, strides, dilation_rate
    keff = effective_kernel_size(k, d)
    lines = [
        DerivationStep("keff", "(k - 1)*d + 1", f"({k} - 1)*{d} + 1", keff,
                       (("k", k), ("d", d))),
    ]
    ok = True
    if pad == "valid":
        out = (L - keff) // s + 1
        lines.append(DerivationStep("valid_out", "floor((L - keff)/s) + 1",
                                    f"floor(({L} - {keff})/{s}) + 1", out,
                                    (("L", L), ("keff", keff), ("s", s))))
        left = right = 0
        if keff > L:
            lines.append(DerivationStep("too_short", "L >= keff", f"{L} < {keff}", keff - L,
                                        (("L", L), ("keff", keff), ("missing", keff - L),
                                         ("pooling", int(pooling)))))
            if pooling:
                out = 0
            else:
                ok = False
    elif pad == "same":
        out = _ceil_div(L, s)
        total = max((out - 1) * s + keff - L, 0)
        left, right = total // 2, total - total // 2
        lines.append(DerivationStep("same_out", "ceil(L/s)", f"ceil({L}/{s})", out, (("L", L), ("s", s))))
        lines.append(DerivationStep("same_total", "max((Lout - 1)*s + keff - L, 0)",
                                    f"max(({out} - 1)*{s} + {keff} - {L}, 0)", total,
                                    (("Lout", out), ("s", s), ("keff", keff), ("L", L))))
        lines.append(DerivationStep("split", "(total//2, total - total//2)",
                                    f"({total}//2, {total} - {total}//2)", (left, right),
                                    (("total", total), ("left", left), ("right", right),
                                     ("odd", total % 2))))
    else:
        left, right = keff - 1, 0
        out = _ceil_div(L, s)
        lines.append(DerivationStep("causal_pad", "(keff - 1, 0)", f"({keff} - 1, 0)", (left, right),
                                    (("keff", keff), ("left", left), ("right", right))))
        lines.append(DerivationStep("causal_out", "ceil(L/s)", f"ceil({L}/{s})", out, (("L", L), ("s", s))))
    if ok and pad != "valid":
        lines.append(DerivationStep("padded_len", "L + left + right", f"{L} + {left} + {right}",
                                    L + left + right, (("L", L), ("left", left), ("right", right))))
    return Derivation(L, k, s, d, pad, pooling, tuple(lines), out, left, right, ok)


def render_derivation(derivation: Derivation, templates: Mapping[str, str] | None = None) -> str:
    """Render a derivation as plain text, one line per step.

    Parameters
    ----------
    derivation : Derivation
    templates : mapping of step key to a ``str.format`` template, optional
        Defaults to :data:`ENGLISH_TEMPLATES`; pass a translated table to render
        another language.  Templates may use ``{formula}``, ``{substituted}``,
        ``{result}``, ``{odd}``, ``{consequence}`` and every name in the step's
        ``values``.

    Examples
    --------
    >>> print(render_derivation(derive_output_length(7, 4, padding="same")))
    Effective kernel span: keff = (k - 1)*d + 1 = (4 - 1)*1 + 1 = 4
    'same' output length: Lout = ceil(L/s) = ceil(7/1) = 7
    'same' zeros in total: total = max((Lout - 1)*s + keff - L, 0) = max((7 - 1)*1 + 4 - 7, 0) = 3
    Split: (total//2, total - total//2) = (3//2, 3 - 3//2) = (1, 2) (odd total: the extra zero on the right)
    Padded length: L + left + right = 7 + 1 + 2 = 10
    """
    table = ENGLISH_TEMPLATES if templates is None else templates
    out = []
    for line in derivation.lines:
        fields: dict[str, object] = dict(line.values)
        result = line.result
        fields.update(
            formula=line.formula,
            substituted=line.substituted,
            result=f"({result[0]}, {result[1]})" if isinstance(result, tuple) else str(result),
            odd=" (odd total: the extra zero on the right)" if dict(line.values).get("odd") else "",
            consequence=(
                "pooling gives an empty output" if derivation.pooling else "Keras raises an error"
            ),
        )
        out.append(table[line.key].format(**fields))
    return "\n".join(out)
