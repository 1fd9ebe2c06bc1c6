"""The hostile-input corpus of issue 15: ``python tests/data/hostile/make_corpus.py`` regenerates it.

Every case is one input file and one way in through a public, stable interface:

* ``png``        ``python -m app export FILE -o out.png``
* ``gif``        ``python -m app export FILE -o out.gif``
* ``screenshot`` ``python -m app --screenshot out.png FILE``
* ``summary``    ``python -m app summary FILE --json``
* ``import``     the importer API (``import_input``) in a child process: there is no command-line
                 path for CSV/TSV/.npy imports (only *File -> Import input* in the window)

and what it must produce (``expect``):

* ``refuse``          exit 2, exactly one line on stderr, no traceback; the line contains, for every
                      group in ``match``, at least one of the group's alternatives (case-insensitive)
* ``ok``              exit 0 and the output written (a PNG/GIF file; JSON on stdout for ``summary``;
                      for ``import`` the ``shape`` and ``values`` given, when given)
* ``ok_or_refuse``    either of the above (a budget or a range the issue leaves to the implementer);
                      when it is accepted, ``values``/``shape`` still have to be right
* ``refuse_or_warn``  ``refuse``, or exit 0 with the output written and the ``match`` text on stderr
                      (issue 15 allows unknown keys to be "warned about and listed")

Small files are written here and committed (``files/``); anything large, and what git cannot hold (a
FIFO, a symlink to a device, a folder named ``x.json``), is made at test time by :func:`make_runtime`.
Keras code files end in ``.py.txt`` so that neither pytest nor ruff ever imports or lints them: the
app must never run them either (``PWNED*`` files in the working folder would show it did).

``expect.json`` (the manifest) is written from :data:`CASES`; tests/test_hostile_corpus.py runs it.
"""

from __future__ import annotations

import copy
import json
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

GOOD: dict[str, Any] = {
    "format": "conv1d-explorer-session",
    "version": 1,
    "name": "hostile",
    "layer": {"filters": 2, "kernel_size": 2, "strides": 1, "padding": "valid", "dilation_rate": 1,
              "groups": 1, "use_bias": True, "activation": "linear", "data_format": "channels_last"},
    "input": {"shape": [1, 4, 2], "values": [[[1, 2], [3, 4], [5, 6], [7, 8]]]},
    "kernel": {"shape": [2, 2, 2], "values": [[[1, 0], [0, 1]], [[1, 1], [0, 0]]]},
    "bias": {"values": [0, 1]},
    "view": {"position": 0, "mode": "one_filter", "orientation": "time_lr", "sample": 0,
             "theme": "light", "language": "en", "show_numbers": True},
}

DELETE = object()


class Raw:
    """JSON text written as is (NaN tokens, integers Python refuses to print, duplicate keys)."""

    def __init__(self, text: str) -> None:
        self.text = text


def session(indent: int | None = None, **changes: Any) -> bytes:
    """GOOD with ``a__b=value`` changes; :class:`Raw` values are spliced in as literal JSON text."""
    doc = copy.deepcopy(GOOD)
    raws: dict[str, str] = {}
    for dotted, value in changes.items():
        keys = dotted.split("__")
        target = doc
        for k in keys[:-1]:
            target = target[int(k)] if isinstance(target, list) else target[k]
        last: Any = int(keys[-1]) if isinstance(target, list) else keys[-1]
        if value is DELETE:
            del target[last]
            continue
        if isinstance(value, Raw):
            marker = f"@@RAW{len(raws)}@@"
            raws[marker] = value.text
            value = marker
        target[last] = value
    text = json.dumps(doc, indent=indent)
    for marker, raw in raws.items():
        text = text.replace(json.dumps(marker), raw)
    return text.encode("utf-8")


def good_text() -> str:
    return session().decode("utf-8")


def input_with(value: str) -> Raw:
    """The input block of GOOD with its first number replaced by ``value`` (JSON text)."""
    return Raw(f'{{"shape": [1, 4, 2], "values": [[[{value}, 2], [3, 4], [5, 6], [7, 8]]]}}')


def kernel_with(value: str) -> Raw:
    return Raw(f'{{"shape": [2, 2, 2], "values": [[[{value}, 0], [0, 1]], [[1, 1], [0, 0]]]}}')


def bias_with(value: str) -> Raw:
    return Raw(f'{{"values": [{value}, 1]}}')


def replace_once(old: str, new: str) -> bytes:
    text = good_text()
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


def generator_input(gen: str, shape: str = "[1, 16, 2]") -> Raw:
    return Raw(f'{{"shape": {shape}, "generator": {gen}}}')


def gen_session(gen: str, shape: str = "[1, 16, 2]") -> bytes:
    return session(input=generator_input(gen, shape), kernel={"generator": {"name": "ones", "seed": 0}})


def lazy(make: Callable[[], bytes]) -> Callable[[Path], None]:
    """Data too large to commit (about 100 KB and up): written at test time."""
    return lambda path: path.write_bytes(make())


BIG = "1" + "0" * 400  # 10**400
DIGITS_5000 = "7" * 5000

# ------------------------------------------------------------------ cases
CASES: list[dict[str, Any]] = []


def case(file: str, via: str | tuple[str, ...], expect: str, note: str, data: bytes | Callable[[Path], None] | None,
         match: list[list[str]] | None = None, runtime: bool = False, slow: bool = False,
         **extra: Any) -> None:
    """Register one file and the ways it is fed to the app (one case per way)."""
    vias = (via,) if isinstance(via, str) else via
    for v in vias:
        CASES.append({"id": f"{v}:{file}", "file": file, "via": v, "expect": expect, "note": note,
                      "match": match or [], "runtime": runtime, "slow": slow, **extra})
    if callable(data):  # large: made at test time, not committed
        RUNTIME[file] = data
        for c in CASES[-len(vias):]:
            c["runtime"] = True
    elif not runtime:
        _DATA[file] = data


_DATA: dict[str, Any] = {}
RUNTIME: dict[str, Callable[[Path], None]] = {}

SESSION_VIAS = ("png",)
ALL_VIAS = ("png", "gif", "screenshot")

# --- numbers at and beyond the float limit (issue 15: segfault at about 9e307) ---
case("num_input_1e308.json", ALL_VIAS, "refuse", "finite 1e308 in the input: the renderer's colour range overflows",
     session(input=input_with("1e308")), [["input"], ["1e+308", "1e308"]])
case("num_input_neg1e308.json", SESSION_VIAS, "refuse", "-1e308 in the input",
     session(input=input_with("-1e308")), [["input"], ["-1e+308", "-1e308"]])
case("num_input_9e307.json", ALL_VIAS, "refuse", "9e307 in the input: the smallest value reported to segfault",
     session(input=input_with("9e307")), [["input"], ["9e+307", "9e307"]])
case("num_input_float_max.json", SESSION_VIAS, "refuse", "the largest finite float64 in the input",
     session(input=input_with("1.7976931348623157e308")), [["input"]])
case("num_kernel_9e307.json", ("png", "screenshot"), "refuse", "9e307 in the kernel",
     session(kernel=kernel_with("9e307")), [["kernel"], ["9e+307", "9e307"]])
case("num_bias_9e307.json", SESSION_VIAS, "refuse", "9e307 in the bias",
     session(bias=bias_with("9e307")), [["bias"], ["9e+307", "9e307"]])
case("num_bias_neg1e308.json", SESSION_VIAS, "refuse", "-1e308 in the bias",
     session(bias=bias_with("-1e308")), [["bias"]])
case("num_input_1e300.json", SESSION_VIAS, "refuse", "1e300: far outside any range a colour bar can draw",
     session(input=input_with("1e300")), [["input"]])
case("num_input_1e16.json", SESSION_VIAS, "ok_or_refuse",
     "1e16: just outside the issue's suggested +-1e15; the implementer documents the range",
     session(input=input_with("1e16")))
case("num_input_1e6.json", SESSION_VIAS, "ok", "1e6: an ordinary large value, must be drawn",
     session(input=input_with("1e6")))
case("num_input_subnormal.json", SESSION_VIAS, "ok", "5e-324 and -0.0: tiny values are fine",
     session(input=input_with("5e-324"), kernel=kernel_with("-0.0")))
case("num_product_overflow.json", ("png", "gif"), "ok_or_refuse",
     "1e200 x 1e200 overflows to inf in the output: refused, or drawn with an overflow style; never a crash",
     session(input=Raw('{"values": [[[1e200, 1e200], [1e200, 1e200], [1e200, 1e200], [1e200, 1e200]]]}'),
             kernel=Raw('{"values": [[[1e200, 1e200], [1e200, 1e200]], [[1e200, 1e200], [1e200, 1e200]]]}')))
case("num_input_int_10e400.json", ALL_VIAS, "refuse", "integer 10**400 in the input (OverflowError today)",
     session(input=input_with(BIG)), [["input"]])
case("num_input_int_neg10e400.json", SESSION_VIAS, "refuse", "integer -10**400 in the input",
     session(input=input_with("-" + BIG)), [["input"]])
case("num_kernel_int_10e400.json", SESSION_VIAS, "refuse", "integer 10**400 in the kernel",
     session(kernel=kernel_with(BIG)), [["kernel"]])
case("num_bias_int_10e400.json", SESSION_VIAS, "refuse", "integer 10**400 in the bias",
     session(bias=bias_with(BIG)), [["bias"]])
case("num_input_5000_digits.json", ("png", "gif"), "refuse",
     "a 5000-digit integer literal (Python refuses to convert over 4300 digits)",
     session(input=input_with(DIGITS_5000)))
case("num_version_5000_digits.json", ("png", "screenshot"), "refuse", "a 5000-digit integer as the version",
     session(version=Raw(DIGITS_5000)))
case("num_float_5000_digits.json", SESSION_VIAS, "refuse", "a 5000-digit decimal (reads as inf)",
     session(input=input_with(DIGITS_5000 + ".5")), [["input"]])
case("num_filters_10e400.json", SESSION_VIAS, "refuse", "layer.filters = 10**400",
     session(layer__filters=Raw(BIG)), [["filters"]])
case("num_kernel_size_10e400.json", SESSION_VIAS, "refuse", "layer.kernel_size = 10**400",
     session(layer__kernel_size=Raw(BIG)), [["kernel_size"]])
case("num_groups_10e400.json", SESSION_VIAS, "refuse", "layer.groups = 10**400",
     session(layer__groups=Raw(BIG)), [["groups"]])
case("num_strides_neg_10e400.json", SESSION_VIAS, "refuse", "layer.strides = -10**400",
     session(layer__strides=Raw("-" + BIG)), [["strides"]])
case("num_position_10e400.json", ("png", "screenshot"), "ok",
     "view.position = 10**400: the format says positions are clamped to the last one",
     session(view__position=Raw(BIG)))
case("num_sample_10e400.json", SESSION_VIAS, "ok",
     "view.sample = 10**400: the format says an out-of-range sample is reset to 0",
     session(view__sample=Raw(BIG)))
case("num_version_10e400.json", SESSION_VIAS, "refuse", "version 10**400", session(version=Raw(BIG)),
     [["version"]])
case("num_shape_10e400.json", SESSION_VIAS, "refuse", "input.shape claims 10**400 steps",
     session(input__shape=Raw(f"[1, {BIG}, 2]")), [["input", "shape", "steps"]])
case("num_nan_bias.json", SESSION_VIAS, "refuse", "a NaN token in the bias", session(bias=bias_with("NaN")),
     [["bias"]])
case("num_neg_infinity_input.json", SESSION_VIAS, "refuse", "a -Infinity token in the input",
     session(input=input_with("-Infinity")), [["input"]])
case("num_infinity_position.json", SESSION_VIAS, "refuse", "view.position = Infinity",
     session(view__position=Raw("Infinity")), [["position"]])
case("num_nan_filters.json", SESSION_VIAS, "refuse", "layer.filters = NaN", session(layer__filters=Raw("NaN")),
     [["filters"]])
case("num_float_filters.json", SESSION_VIAS, "refuse", "layer.filters = 2.0 (not a whole number in JSON)",
     session(layer__filters=2.0), [["filters"]])

# --- generators ---
case("gen_sine_period_0.json", ("png", "gif"), "refuse", "a sine generator with period 0 fills the input with NaN",
     gen_session('{"name": "sine", "period": 0}'), [["period"]])
case("gen_sine_period_nan.json", SESSION_VIAS, "refuse", "a sine generator with period NaN",
     gen_session('{"name": "sine", "period": NaN}'), [["period"]])
case("gen_square_period_0.json", SESSION_VIAS, "refuse", "a square generator with period 0",
     gen_session('{"name": "square", "period": 0}'), [["period"]])
case("gen_sine_period_subnormal.json", SESSION_VIAS, "refuse",
     "period 1e-320: t / period overflows to inf and sin(inf) is NaN (no generator may make a non-finite value)",
     gen_session('{"name": "sine", "period": 1e-320}'), [["period"]])
case("gen_sine_period_1e308.json", SESSION_VIAS, "ok_or_refuse", "period 1e308: finite, a flat line",
     gen_session('{"name": "sine", "period": 1e308}'))
case("gen_sine_period_string.json", SESSION_VIAS, "refuse", 'period "8" (a string)',
     gen_session('{"name": "sine", "period": "8"}'), [["period"]])
case("gen_sine_period_10e400.json", SESSION_VIAS, "ok_or_refuse", "period 10**400 (an int beyond float)",
     gen_session(f'{{"name": "sine", "period": {BIG}}}'))
case("gen_randint_low_10e400.json", SESSION_VIAS, "refuse", "random_integers with low = -10**400",
     gen_session(f'{{"name": "random_integers", "low": -{BIG}, "high": 5}}'), [["low"]])
case("gen_randint_high_1e308.json", SESSION_VIAS, "refuse", "random_integers with high = 1e308 (a float)",
     gen_session('{"name": "random_integers", "low": 1, "high": 1e308}'), [["high"]])
case("gen_randint_low_gt_high.json", SESSION_VIAS, "refuse", "random_integers with low > high",
     gen_session('{"name": "random_integers", "low": 9, "high": 1}'), [["low", "high"]])
case("gen_randint_huge_ints.json", SESSION_VIAS, "ok_or_refuse",
     "random_integers in -9e18..9e18 (int64 limits): finite, but far outside the drawable range",
     gen_session('{"name": "random_integers", "low": -9223372036854775807, "high": 9223372036854775806}'))
case("gen_seed_negative.json", SESSION_VIAS, "ok_or_refuse", "seed -1 (NumPy refuses negative seeds)",
     gen_session('{"name": "normal", "seed": -1}'))
case("gen_seed_10e400.json", SESSION_VIAS, "ok_or_refuse", "seed 10**400",
     gen_session(f'{{"name": "normal", "seed": {BIG}}}'))
case("gen_seed_float.json", SESSION_VIAS, "refuse", "seed 1.5", gen_session('{"name": "normal", "seed": 1.5}'),
     [["seed"]])
case("gen_seed_bool.json", SESSION_VIAS, "refuse", "seed true", gen_session('{"name": "normal", "seed": true}'),
     [["seed"]])
case("gen_name_path.json", SESSION_VIAS, "refuse", "generator name ../../../etc/passwd",
     gen_session('{"name": "../../../etc/passwd"}'), [["input"]])
case("gen_input_shape_over_values.json", SESSION_VIAS, "refuse", "a generator claiming [16, 4096, 512]",
     gen_session('{"name": "zeros"}', "[16, 4096, 512]"), [["limit"]])
case("gen_input_shape_2pow63.json", SESSION_VIAS, "refuse", "a generator claiming 2**63 steps",
     gen_session('{"name": "zeros"}', "[1, 9223372036854775808, 1]"), [["steps", "limit"]])
case("gen_input_shape_10e400.json", SESSION_VIAS, "refuse", "a generator claiming 10**400 steps",
     gen_session('{"name": "zeros"}', f"[1, {BIG}, 1]"), [["steps", "limit", "shape"]])
case("gen_kernel_shape_huge.json", SESSION_VIAS, "refuse", "a kernel generator claiming [64, 512, 512]",
     session(kernel=Raw('{"shape": [64, 512, 512], "generator": {"name": "ones"}}')), [["kernel"]])
case("gen_input_shape_zero.json", SESSION_VIAS, "refuse", "a generator shape with a 0",
     gen_session('{"name": "zeros"}', "[1, 0, 2]"), [["input", "shape"]])
case("gen_unknown_param.json", SESSION_VIAS, "refuse_or_warn", 'an unknown generator key "perod" (a typo)',
     gen_session('{"name": "sine", "perod": 3}'), [["perod"]])
case("gen_kernel_unknown_param.json", SESSION_VIAS, "refuse_or_warn", 'a kernel generator with "scale"',
     session(kernel=Raw('{"generator": {"name": "ones", "scale": 1e308}}')), [["scale"]])
case("gen_and_values.json", SESSION_VIAS, "refuse_or_warn",
     "an input block with both values and a generator (one of them is silently ignored today)",
     session(input=Raw('{"values": [[[1, 2], [3, 4], [5, 6], [7, 8]]], "generator": {"name": "zeros"}}')),
     [["generator", "values"]])

# --- strings and booleans where numbers or booleans belong ---
case("str_input_value.json", SESSION_VIAS, "refuse", 'a "1.5" string in the input',
     session(input=input_with('"1.5"')), [["input"]])
case("str_kernel_size.json", SESSION_VIAS, "refuse", 'kernel_size "2"', session(layer__kernel_size="2"),
     [["kernel_size"]])
case("str_strides.json", SESSION_VIAS, "refuse", 'strides "1"', session(layer__strides="1"), [["strides"]])
case("str_position.json", SESSION_VIAS, "refuse", 'view.position "0"', session(view__position="0"),
     [["position"]])
case("str_bias_values.json", SESSION_VIAS, "refuse", 'bias ["0", "1"]', session(bias=["0", "1"]), [["bias"]])
case("str_bias_word.json", SESSION_VIAS, "refuse", 'bias "zeros"', session(bias="zeros"), [["bias"]])
case("str_shape.json", SESSION_VIAS, "refuse", 'input.shape "1,4,2"', session(input__shape="1,4,2"),
     [["shape"]])
case("bool_use_bias_string_false.json", ("png", "gif", "screenshot"), "refuse",
     '"use_bias": "false" is read as true today', session(layer__use_bias="false"), [["use_bias"]])
case("bool_use_bias_string_true.json", SESSION_VIAS, "refuse", '"use_bias": "true"',
     session(layer__use_bias="true"), [["use_bias"]])
case("bool_use_bias_zero.json", SESSION_VIAS, "refuse", '"use_bias": 0', session(layer__use_bias=0),
     [["use_bias"]])
case("bool_use_bias_null.json", SESSION_VIAS, "refuse", '"use_bias": null', session(layer__use_bias=None),
     [["use_bias"]])
case("bool_use_bias_list.json", SESSION_VIAS, "refuse", '"use_bias": []', session(layer__use_bias=[]),
     [["use_bias"]])
case("bool_filters_true.json", SESSION_VIAS, "refuse", '"filters": true', session(layer__filters=True),
     [["filters"]])
case("bool_show_numbers_string.json", SESSION_VIAS, "refuse", '"show_numbers": "false"',
     session(view__show_numbers="false"), [["show_numbers"]])
case("bool_padding_true.json", SESSION_VIAS, "refuse", '"padding": true', session(layer__padding=True),
     [["padding"]])
case("enum_padding_upper.json", SESSION_VIAS, "ok_or_refuse", '"padding": "SAME" (Keras lower-cases it)',
     session(layer__padding="SAME"))
case("enum_activation_code.json", SESSION_VIAS, "refuse", "activation holding Python code (never evaluated)",
     session(layer__activation="__import__('os').system('touch PWNED_ACT')"), [["activation"]])
case("enum_data_format_bad.json", SESSION_VIAS, "refuse", '"data_format": "channels_middle"',
     session(layer__data_format="channels_middle"), [["data_format", "channels_middle"]])
case("enum_theme_path.json", SESSION_VIAS, "refuse", '"theme": "../../etc/passwd"',
     session(view__theme="../../etc/passwd"), [["theme"]])
case("enum_language_bad.json", SESSION_VIAS, "refuse", '"language": "fr"', session(view__language="fr"),
     [["language"]])
case("enum_mode_list.json", SESSION_VIAS, "refuse", '"mode": ["one_filter"] (unhashable)',
     session(view__mode=["one_filter"]), [["mode"]])

# --- duplicate keys ---
case("dup_layer_filters.json", SESSION_VIAS, "refuse", "layer.filters given twice (3, then 2: the last one wins)",
     replace_once('"filters": 2,', '"filters": 3, "filters": 2,'), [["filters"]])
case("dup_top_input.json", SESSION_VIAS, "refuse", "the input block given twice",
     replace_once('"input": {', '"input": {"values": [[[9, 9]]]}, "input": {'), [["input"]])
case("dup_view_mode.json", SESSION_VIAS, "refuse", "view.mode given twice",
     replace_once('"mode": "one_filter",', '"mode": "one_filter", "mode": "all_filters",'), [["mode"]])
case("dup_format.json", SESSION_VIAS, "refuse", "format given twice (a wrong one first)",
     replace_once('"format": ', '"format": "keras", "format": '), [["format"]])
case("dup_same_value.json", SESSION_VIAS, "refuse", "version given twice with the same value",
     replace_once('"version": 1,', '"version": 1, "version": 1,'), [["version"]])

# --- unknown keys at every level ---
case("unk_top.json", SESSION_VIAS, "refuse_or_warn", "an unknown top-level key", session(extra_key=1),
     [["extra_key"]])
case("unk_view_mdoe.json", ("png", "screenshot"), "refuse_or_warn",
     'a view typo "mdoe" (unknown layer keys are refused, unknown view keys ignored today)',
     session(view__mdoe="all_filters"), [["mdoe"]])
case("unk_input_shpae.json", SESSION_VIAS, "refuse_or_warn", 'input.shpae', session(input__shpae=[1, 4, 2]),
     [["shpae"]])
case("unk_kernel_dtype.json", SESSION_VIAS, "refuse_or_warn", "kernel.dtype", session(kernel__dtype="float16"),
     [["dtype"]])
case("unk_bias_scale.json", SESSION_VIAS, "refuse_or_warn", "bias.scale", session(bias__scale=1e308),
     [["scale"]])
case("unk_layer_initializer.json", SESSION_VIAS, "refuse", "layer.kernel_initializer (a Keras argument)",
     session(layer__kernel_initializer="zeros"), [["kernel_initializer"]])

# --- nesting, sizes and shapes ---
case("deep_unknown_key.json", SESSION_VIAS, "refuse", "100,000 nested lists under an unknown key",
     lazy(lambda: replace_once('"name": "hostile",', '"deep": ' + "[" * 100_000 + "]" * 100_000 + ",")))
case("deep_objects_view.json", SESSION_VIAS, "refuse", "view nested 5,000 objects deep",
     session(view=Raw('{"a": ' * 5000 + "1" + "}" * 5000)))
case("deep_title_900.json", SESSION_VIAS, "refuse", "a title nested 900 lists deep (under the recursion limit)",
     session(title=Raw("[" * 900 + '"x"' + "]" * 900)), [["title"]])
case("deep_unclosed.json", SESSION_VIAS, "refuse", "100,000 opening brackets, never closed",
     lazy(lambda: b"[" * 100_000))
case("shape_claim_huge.json", SESSION_VIAS, "refuse", "input.shape claims [16, 4096, 512], values are (1, 4, 2)",
     session(input__shape=[16, 4096, 512]), [["shape"]])
case("shape_values_4d.json", SESSION_VIAS, "refuse", "4-D input values",
     session(input=Raw('{"values": [[[[1], [2]], [[3], [4]]]]}')), [["input"]])
case("shape_float_dims.json", SESSION_VIAS, "refuse", "input.shape [1.0, 4.0, 2.0]",
     session(input__shape=[1.0, 4.0, 2.0]), [["shape"]])
case("shape_kernel_1d.json", SESSION_VIAS, "refuse", "1-D kernel values",
     session(kernel=Raw('{"values": [1, 0, 0, 1, 1, 1, 0, 0]}')), [["kernel"]])
case("shape_bias_2d.json", SESSION_VIAS, "refuse", "2-D bias", session(bias=[[0, 1]]), [["bias"]])
case("shape_empty_rows.json", SESSION_VIAS, "refuse", "input [[[]]]", session(input=Raw('{"values": [[[]]]}')),
     [["input"]])
case("shape_values_object.json", SESSION_VIAS, "refuse", 'input values as an object {"0": 1}',
     session(input=Raw('{"values": {"0": 1}}')), [["input"]])
case("wrong_layer_list.json", SESSION_VIAS, "refuse", '"layer": [2, 2]', session(layer=[2, 2]), [["layer"]])
case("wrong_view_list.json", SESSION_VIAS, "refuse", '"view": ["mode"]', session(view=["mode"]), [["view"]])
case("wrong_title_number.json", SESSION_VIAS, "refuse", '"title": {"en": 5}', session(title={"en": 5}),
     [["title"]])
case("top_string.json", SESSION_VIAS, "refuse", "a JSON string", b'"conv1d-explorer-session"')
case("top_null.json", SESSION_VIAS, "refuse", "JSON null", b"null")
case("top_empty_object.json", SESSION_VIAS, "refuse", "{}", b"{}")
case("top_number_1e400.json", SESSION_VIAS, "refuse", "the number 1e400", b"1e400")

# --- encodings, truncation, syntax ---
case("bom_only.json", SESSION_VIAS, "refuse", "only a UTF-8 BOM", b"\xef\xbb\xbf")
case("bom_valid.json", ("png", "screenshot"), "ok", "a valid session after a UTF-8 BOM",
     b"\xef\xbb\xbf" + session())
case("bom_double.json", SESSION_VIAS, "refuse", "two UTF-8 BOMs", b"\xef\xbb\xbf\xef\xbb\xbf" + session())
case("utf16be_no_bom.json", SESSION_VIAS, "refuse", "UTF-16 BE without a BOM",
     good_text().encode("utf-16-be"))
case("utf16le_bom_chinese.json", SESSION_VIAS, "refuse", "UTF-16 LE with a BOM and a Chinese title",
     session(title={"zh_CN": "两个过滤器"}).decode("utf-8").encode("utf-16"))
case("utf32.json", SESSION_VIAS, "refuse", "UTF-32", good_text().encode("utf-32"))
case("latin1_title.json", SESSION_VIAS, "refuse", "a latin-1 byte in the title",
     session(title="caf@").replace(b"caf@", b"caf\xe9"))
case("overlong_utf8.json", SESSION_VIAS, "refuse", "an overlong UTF-8 sequence in the name",
     session(name="a@b").replace(b"a@b", b"a\xc0\xafb"))
case("lone_surrogate_title.json", SESSION_VIAS, "ok_or_refuse", "a lone surrogate escape in the title",
     session(title=Raw('"x\\ud800y"')))
case("nul_escape_title.json", SESSION_VIAS, "ok", "a \\u0000 escape in the title",
     session(title=Raw('"a\\u0000b"')))
case("bidi_title.json", SESSION_VIAS, "ok", "right-to-left override and newlines in the title",
     session(title="\u202eevil\n\n\nline"))
case("huge_title.json", ("png", "gif"), "ok_or_refuse", "a 60,000-character title (it goes into the caption)",
     session(title="W" * 60_000))
case("trunc_mid_number.json", SESSION_VIAS, "refuse", "truncated inside a number",
     session()[: session().index(b"[[[1") + 5])
case("trunc_mid_string.json", SESSION_VIAS, "refuse", "truncated inside a string",
     session()[: session().index(b"one_fil")])
case("trunc_after_bracket.json", SESSION_VIAS, "refuse", "truncated after the first bracket of values",
     session()[: session().index(b"[[[1") + 1])
case("trailing_garbage.json", SESSION_VIAS, "refuse", "a valid session followed by '}'", session() + b"}")
case("two_documents.json", SESSION_VIAS, "refuse", "two sessions concatenated", session() + session())
case("js_comment.json", SESSION_VIAS, "refuse", "a // comment", b"// saved by hand\n" + session())
case("trailing_comma.json", SESSION_VIAS, "refuse", "a trailing comma",
     replace_once('"show_numbers": true', '"show_numbers": true,'))
case("crlf_tabs_valid.json", SESSION_VIAS, "ok", "a valid session with CRLF line ends and tabs",
     session(indent=1).replace(b"\n", b"\r\n").replace(b" ", b"\t"))
case("embedding_one_filter.json", "gif", "ok_or_refuse",
     "the seed-embedding example in one-filter mode: 5,000 GIF frames (6.9 GB today); "
     "stream frames within 2 GB or refuse with the frame limit",
     session(layer={"filters": 100, "kernel_size": 4, "padding": "same", "activation": "relu"},
             input=Raw('{"shape": [1, 50, 300], "generator": {"name": "normal", "seed": 0}}'),
             kernel=Raw('{"shape": [4, 300, 100], "generator": {"name": "glorot_uniform", "seed": 0}}'),
             bias=None, view={"show_numbers": False, "mode": "one_filter"}), slow=True)

# --- made at test time (large, or not storable in git) ---
case("rt_unknown_key_50mb.json", SESSION_VIAS, "refuse_or_warn",
     "a 50 MB unknown key full of [] (a 197 MiB one took 66 s and 5.2 GB)", None, [["padding_junk"]],
     runtime=True, slow=True)
case("rt_symlink_dev_zero.json", ("png", "screenshot"), "refuse", "a symlink to /dev/zero (reads forever)", None,
     runtime=True, slow=True)
case("rt_symlink_dev_urandom.json", SESSION_VIAS, "refuse", "a symlink to /dev/urandom", None, runtime=True,
     slow=True)
case("rt_fifo.json", ("png", "screenshot"), "refuse", "a FIFO (blocks forever)", None, runtime=True, slow=True)
case("rt_dir.json", SESSION_VIAS, "refuse", "a folder named rt_dir.json", None, runtime=True)
case("rt_dangling_symlink.json", SESSION_VIAS, "refuse", "a symlink to nothing", None, runtime=True)
case("rt_symlink_to_valid.json", SESSION_VIAS, "ok", "a symlink to a valid session (a regular file)", None,
     runtime=True)
case("rt_large_valid.json", SESSION_VIAS, "ok",
     "2,000,000 literal values (4096 x 488 input: within every documented limit), about 10 MB", None, runtime=True,
     slow=True)


# ------------------------------------------------------------------ Keras code (summary)
def keras(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


HEAD = ("from tensorflow import keras", "from tensorflow.keras import layers")
SMALL_MODEL = (*HEAD, "model = keras.Sequential([", "    keras.Input(shape=(100, 4)),",
               "    layers.Conv1D(8, 3, padding='same', activation='relu'),", "    layers.MaxPooling1D(2),",
               "    layers.GlobalAveragePooling1D(),", "    layers.Dense(1),", "])")


def many_layers(n: int) -> bytes:
    body = [*HEAD, "model = keras.Sequential()", "model.add(keras.Input(shape=(100, 4)))"]
    body += ["model.add(layers.Conv1D(4, 3, padding='same'))"] * n
    return keras(*body)


def laughs() -> bytes:
    lines = [*HEAD, "a0 = [layers.Conv1D(1, 1, padding='same')] * 10"]
    lines += [f"a{i} = [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, "
              f"*a{i - 1}, *a{i - 1}]" for i in range(1, 10)]
    lines += ["model = keras.Sequential([keras.Input(shape=(100, 1)), *a9])"]
    return keras(*lines)


SUM = "summary"
case("k_valid_small.py.txt", SUM, "ok", "a small ordinary model (the baseline)", keras(*SMALL_MODEL))
case("k_300_layers.py.txt", SUM, "ok", "300 Conv1D layers: a deep but real model size", many_layers(300))
case("k_2000_layers.py.txt", SUM, "ok_or_refuse", "2,000 layers took 44 s (ast.get_source_segment rescans)",
     lazy(lambda: many_layers(2000)), slow=True)
case("k_billion_laughs.py.txt", SUM, "ok_or_refuse", "10**10 layers from ten nested names (720 bytes)",
     laughs(), slow=True)
case("k_list_mult_1e9.py.txt", SUM, "ok_or_refuse", "[Conv1D(...)] * 10**9",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)), "
           "*([layers.Conv1D(1, 1, padding='same')] * 10**9)])"), slow=True)
case("k_nested_loops_1e9.py.txt", SUM, "ok_or_refuse", "three nested for-range(1000) loops adding layers",
     keras(*HEAD, "model = keras.Sequential()", "model.add(keras.Input(shape=(100, 1)))",
           "for i in range(1000):", "    for j in range(1000):", "        for k in range(1000):",
           "            model.add(layers.Conv1D(1, 1, padding='same'))"), slow=True)
case("k_kernel_5e6_same.py.txt", SUM, "ok_or_refuse",
     "Conv1D(3, 5_000_000, padding='same'): 3.9 GB today, then asks for 11.6 GiB",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           "    layers.Conv1D(3, 5_000_000, padding='same')])"), slow=True)
case("k_dilation_1e9.py.txt", SUM, "ok_or_refuse", "dilation_rate=10**9 with padding='causal'",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           "    layers.Conv1D(3, 3, dilation_rate=1_000_000_000, padding='causal')])"), slow=True)
case("k_filters_10e400.py.txt", SUM, "ok_or_refuse", "Conv1D(10**400, 3) as a literal",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           f"    layers.Conv1D({BIG}, 3)])"))
case("k_pool_10e400.py.txt", SUM, "ok_or_refuse", "MaxPooling1D(pool_size=10**400, strides=10**400)",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           f"    layers.MaxPooling1D({BIG}, {BIG}, padding='same')])"))
case("k_5000_digit_literal.py.txt", SUM, "ok_or_refuse", "a 5,000-digit integer literal as kernel_size",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           f"    layers.Conv1D(3, {DIGITS_5000})])"))
case("k_range_10e20.py.txt", SUM, "ok_or_refuse", "for _ in range(10**20) (OverflowError today)",
     keras(*HEAD, "model = keras.Sequential()", "model.add(keras.Input(shape=(100, 1)))",
           "for i in range(10**20):", "    model.add(layers.Conv1D(1, 1, padding='same'))"))
case("k_range_literal_1e20.py.txt", SUM, "ok_or_refuse", "for _ in range(100000000000000000000)",
     keras(*HEAD, "model = keras.Sequential()", "model.add(keras.Input(shape=(100, 1)))",
           "for i in range(100000000000000000000):", "    model.add(layers.Conv1D(1, 1, padding='same'))"))
case("k_pow_tower.py.txt", SUM, "ok_or_refuse", "k = 9**9**9 (never to be computed)",
     keras(*HEAD, "k = 9**9**9", "model = keras.Sequential([keras.Input(shape=(100, 1)), layers.Conv1D(k, 3)])"),
     slow=True)
case("k_string_mult.py.txt", SUM, "ok_or_refuse", "name = 'a' * 10**10",
     keras(*HEAD, "name = 'a' * 10**10",
           "model = keras.Sequential([keras.Input(shape=(100, 1)), layers.Conv1D(2, 3, name=name)])"), slow=True)
case("k_parens_150.py.txt", SUM, "ok_or_refuse", "150 nested parentheses around kernel_size",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           "    layers.Conv1D(2, " + "(" * 150 + "3" + ")" * 150 + ")])"))
case("k_nested_lists_190.py.txt", SUM, "ok_or_refuse", "190 nested lists as kernel_size",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           "    layers.Conv1D(2, " + "[" * 190 + "3" + "]" * 190 + ")])"))
case("k_deep_indent.py.txt", SUM, "ok_or_refuse", "a model built 98 if-blocks deep",
     keras(*HEAD, *[" " * i + "if True:" for i in range(98)],
           " " * 98 + "model = keras.Sequential([keras.Input(shape=(100, 1)), layers.Conv1D(2, 3)])"))
case("k_latin1.py.txt", SUM, "ok", "a latin-1 comment (not UTF-8) above a valid model",
     b"# caf\xe9 na\xefve \xff\xfe\n" + keras(*SMALL_MODEL))
case("k_binary_garbage.py.txt", SUM, "refuse", "4 KB of random bytes",
     bytes(np.random.default_rng(15).integers(0, 256, 4096, dtype=np.uint8)))
case("k_nul_bytes.py.txt", SUM, "ok_or_refuse", "NUL bytes inside a valid model (ast.parse refuses them)",
     keras(*SMALL_MODEL).replace(b"model = ", b"\x00model = \x00", 1))
case("k_utf16.py.txt", SUM, "ok_or_refuse", "a UTF-16 file with a BOM", keras(*SMALL_MODEL).decode().encode("utf-16"))
case("k_empty.py.txt", SUM, "refuse", "an empty file", b"")
case("k_only_comments.py.txt", SUM, "refuse", "only comments", b"# model = keras.Sequential()\n" * 50)
case("k_creates_files.py.txt", SUM, "ok",
     "code that would create files if executed, around a valid model: read, never run",
     keras("import os, subprocess, shutil", "open('PWNED_open', 'w').write('x')", "os.makedirs('PWNED_dir')",
           "os.system('touch PWNED_system')", "subprocess.run(['touch', 'PWNED_subprocess'])",
           "exec(\"open('PWNED_exec', 'w')\")", "__import__('os').system('touch PWNED_import')",
           "shutil.copy(__file__, 'PWNED_copy')", *SMALL_MODEL, "model.save('PWNED_model.keras')",
           "with open('PWNED_with', 'w') as f:", "    f.write(str(model))"))
case("k_code_in_args.py.txt", SUM, "ok_or_refuse", "calls with side effects as layer arguments",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           "    layers.Conv1D(__import__('os').system('touch PWNED_arg'), 3),",
           "    layers.Conv1D(2, eval(\"open('PWNED_eval', 'w') and 3\")),",
           "    layers.Dense(exec('import os; os.mkdir(\"PWNED_exec_arg\")'))])"))
case("k_lambda_layer.py.txt", SUM, "ok_or_refuse", "a Lambda layer whose function writes a file",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)),",
           "    layers.Lambda(lambda x: open('PWNED_lambda', 'w') or x),", "    layers.Conv1D(2, 3)])"))
case("k_input_shape_huge.py.txt", SUM, "ok_or_refuse", "Input(shape=(10**18, 10**18)), Conv1D(10**9, 3)",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(10**18, 10**18)),",
           "    layers.Conv1D(10**9, 3), layers.Flatten(), layers.Dense(10**9)])"))
case("k_input_shape_negative.py.txt", SUM, "ok_or_refuse", "Input(shape=(-5, 3))",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(-5, 3)), layers.Conv1D(2, 3)])"))
case("k_float_filters.py.txt", SUM, "ok_or_refuse", "Conv1D(1e308, 3) and Conv1D(float('nan'), 3)",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1)), layers.Conv1D(1e308, 3),",
           "    layers.Conv1D(float('nan'), 3), layers.Dense(1e999)])"))
case("k_embedding_huge.py.txt", SUM, "ok_or_refuse", "Embedding(10**12, 10**6) and Dense(10**9)",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100,)), layers.Embedding(10**12, 10**6),",
           "    layers.Conv1D(10**6, 5), layers.GlobalMaxPooling1D(), layers.Dense(10**9)])"))
case("k_self_reference.py.txt", SUM, "ok_or_refuse", "names defined through each other and themselves",
     keras(*HEAD, "a = b", "b = a", "c = [layers.Conv1D(1, 1)]", "c = c + c", "c = c + c", "c = c * c",
           "model = keras.Sequential([keras.Input(shape=(100, 1)), *c, *a])"))
case("k_walrus_recursion.py.txt", SUM, "ok_or_refuse", "a model that adds itself and a layer that is itself",
     keras(*HEAD, "model = keras.Sequential([keras.Input(shape=(100, 1))])", "model.add(model)",
           "x = layers.Conv1D(2, 3)", "x = x(x)", "model.add(x)"))
case("k_functional_cycle.py.txt", SUM, "ok_or_refuse", "a functional graph whose output feeds its input",
     keras(*HEAD, "inp = keras.Input(shape=(100, 1))", "x = layers.Conv1D(2, 3)(inp)", "inp = x",
           "y = layers.Conv1D(2, 3)(inp)", "model = keras.Model(y, x)"))
case("rt_k_10000_layers.py.txt", SUM, "ok_or_refuse", "10,000 layers (about 500 KB)", None, runtime=True,
     slow=True)
case("rt_k_20000_models.py.txt", SUM, "ok_or_refuse", "20,000 models in one file", None, runtime=True, slow=True)
case("rt_k_20000_diagnostics.py.txt", SUM, "ok_or_refuse", "20,000 unknown layers (a diagnostic each)", None,
     runtime=True, slow=True)
case("rt_k_10mb_string.py.txt", SUM, "ok_or_refuse", "a 10 MB string literal before a model", None,
     runtime=True, slow=True)
case("rt_k_unary_100k.py.txt", SUM, "ok_or_refuse", "100,000 unary minus signs (MemoryError in ast.parse)",
     None, runtime=True, slow=True)
case("rt_k_parens_100k.py.txt", SUM, "ok_or_refuse", "100,000 nested parentheses", None, runtime=True)
case("rt_k_binop_100k.py.txt", SUM, "ok_or_refuse", "1+1+...+1 with 100,000 terms (a deep BinOp tree)", None,
     runtime=True, slow=True)
case("rt_k_symlink_dev_zero.py.txt", SUM, "refuse", "a symlink to /dev/zero", None, runtime=True, slow=True)
case("rt_k_fifo.py.txt", SUM, "refuse", "a FIFO", None, runtime=True, slow=True)


# ------------------------------------------------------------------ CSV / TSV / .npy (import)
def npy_bytes(arr: np.ndarray, **kw: Any) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, arr, **kw)
    return buf.getvalue()


def npy_header(header: str, data: bytes = b"", version: tuple[int, int] = (1, 0)) -> bytes:
    """A hand-made .npy: magic, version, header length and ``header`` (padded like NumPy does)."""
    h = header.encode("latin1")
    if version == (1, 0):
        pad = (64 - (10 + len(h) + 1) % 64) % 64
        h = h + b" " * pad + b"\n"
        return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h)) + h + data
    pad = (64 - (12 + len(h) + 1) % 64) % 64
    h = h + b" " * pad + b"\n"
    return b"\x93NUMPY" + bytes(version) + struct.pack("<I", len(h)) + h + data


IMP = "import"
V22 = [[1.5, 2.5], [3.5, 4.5]]
case("i_tsv_decimal_comma.tsv", IMP, "ok_or_refuse", "decimal commas in a TSV: 1,5<TAB>2,5",
     b"1,5\t2,5\n3,5\t4,5\n", values=V22)
case("i_tsv_decimal_comma_first_row.tsv", IMP, "ok_or_refuse",
     "first row 1,5<TAB>2,5 is dropped as a 'header' today, then the rest reads fine",
     b"1,5\t2,5\n3\t4\n5\t6\n", values=[[1.5, 2.5], [3, 4], [5, 6]])
case("i_csv_na_first_row.csv", IMP, "refuse", "first row NA,NA is swallowed as a header today",
     b"NA,NA\n1,2\n3,4\n", [["NA", "row 1", "line 1"]])
case("i_csv_empty_first_row.csv", IMP, "refuse", "first row of empty cells", b",\n1,2\n3,4\n",
     [["row 1", "line 1", "empty"]])
case("i_csv_nan_words_first_row.csv", IMP, "refuse", "first row nan,NaN (numbers that are not finite)",
     b"nan,NaN\n1,2\n", [["nan"]])
case("i_csv_thousands_quoted.csv", IMP, "ok_or_refuse", 'quoted thousands separators "1,000","2,500"',
     b'"1,000","2,500"\n"3,000","4,000"\n', values=[[1000, 2500], [3000, 4000]])
case("i_csv_thousands_semicolon.csv", IMP, "ok_or_refuse", "European 1.000,5;2.000,5",
     b"1.000,5;2.000,5\n3,25;4\n", values=[[1000.5, 2000.5], [3.25, 4]])
case("i_csv_thousands_unquoted.csv", IMP, "refuse", "unquoted thousands separators 1,000,2,500 (ambiguous)",
     b"1,000\n2,500\n1,000,000\n")
case("i_csv_decimal_comma_one_column.csv", IMP, "ok_or_refuse",
     "one column of decimal-comma numbers becomes two columns today", b"1,5\n2,5\n3,5\n",
     values=[[1.5], [2.5], [3.5]])
case("i_txt_decimal_comma_spaces.txt", IMP, "ok_or_refuse", "decimal commas, space separated",
     b"1,5 2,5\n3,5 4,5\n", values=V22)
case("i_csv_mixed_delimiters.csv", IMP, "refuse", "comma, semicolon and tab rows in one file",
     b"1,2\n3;4\n5\t6\n")
case("i_csv_semicolon_then_comma.csv", IMP, "refuse", "semicolon rows then comma rows", b"1;2;3\n4,5,6\n")
case("i_tsv_with_commas.tsv", IMP, "ok_or_refuse", "a .tsv that is really comma-separated",
     b"1,2\n3,4\n5,6\n", values=[[1, 2], [3, 4], [5, 6]])
case("i_csv_1e308.csv", IMP, "refuse", "1e308 in a CSV", b"1e308,1\n2,3\n", [["1e308", "1e+308"]])
case("i_csv_neg1e308.csv", IMP, "refuse", "-1e308 in a CSV", b"1,2\n-1e308,3\n", [["1e308", "1e+308"]])
case("i_csv_9e307.csv", IMP, "refuse", "9e307 in a CSV", b"9e307\n1\n", [["9e307", "9e+307"]])
case("i_csv_1e300_digits.csv", IMP, "refuse", "a 301-digit integer (1e300) in a CSV",
     ("1" + "0" * 300 + ",1\n2,3\n").encode())
case("i_csv_1e16.csv", IMP, "ok_or_refuse", "1e16 (just outside the suggested +-1e15)", b"1e16,1\n2,3\n",
     values=[[1e16, 1], [2, 3]])
case("i_csv_1e400.csv", IMP, "refuse", "1e400 (reads as inf)", b"1,1e400\n")
case("i_csv_5000_digits.csv", IMP, "refuse", "a 5000-digit integer", (DIGITS_5000 + ",1\n").encode())
case("i_csv_underscore.csv", IMP, "ok_or_refuse", "1_000 (Python's float() accepts underscores)",
     b"1_000,2\n3,4\n", values=[[1000, 2], [3, 4]])
case("i_csv_arabic_digits.csv", IMP, "ok_or_refuse", "Arabic-Indic digits (float() accepts them)",
     "١,٢\n٣,٤\n".encode(), values=[[1, 2], [3, 4]])
case("i_csv_fullwidth_digits.csv", IMP, "ok_or_refuse", "full-width digits and a full-width comma",
     "１，２\n３，４\n".encode(), values=[[1, 2], [3, 4]])
case("i_csv_hex.csv", IMP, "refuse", "0x10 (not a decimal number)", b"0x10,1\n2,3\n", [["0x10"]])
case("i_csv_units_row.csv", IMP, "refuse", "a header and a units row", b"time,volts\ns,V\n1,2\n")
case("i_csv_trailing_delimiter.csv", IMP, "ok_or_refuse", "every row ends with a comma", b"1,2,\n3,4,\n",
     values=[[1, 2], [3, 4]])
case("i_csv_empty_cells_middle.csv", IMP, "refuse", "an empty row of cells in the middle", b"1,2\n,\n3,4\n")
case("i_csv_cr_only.csv", IMP, "ok", "old-Mac CR line ends", b"1,2\r3,4\r", values=[[1, 2], [3, 4]])
case("i_csv_bom.csv", IMP, "ok", "a UTF-8 BOM", b"\xef\xbb\xbf1,2\n3,4\n", values=[[1, 2], [3, 4]])
case("i_csv_utf16.csv", IMP, "ok_or_refuse", "Excel's 'Unicode text' (UTF-16 LE with a BOM)",
     "a\tb\n1\t2\n3\t4\n".encode("utf-16"), values=[[1, 2], [3, 4]])
case("i_csv_quoted_newline.csv", IMP, "refuse", "a quoted cell spanning two lines", b'"1\n2",3\n4,5\n')
case("i_csv_nul_in_text.csv", IMP, "refuse", "a NUL byte in the middle", b"1,2\n3,\x004\n")
case("i_csv_header_only_numbers_like.csv", IMP, "ok_or_refuse",
     "a header of number-like names (1st,2nd) over one row: one row is one series (2 steps x 1 channel)",
     b"1st,2nd\n1,2\n", values=[[1], [2]])
case("i_csv_huge_line.csv", IMP, "refuse", "one line of 60,000 numbers (steps over the limit)",
     lazy(lambda: ("1," * 59_999 + "1\n").encode()), [["steps", "4096", "limit"]])
case("i_csv_long_cell.csv", IMP, "refuse", "a 100,000-character cell",
     lazy(lambda: b"1,2\n" + b"9" * 100_000 + b",3\n"))
case("i_csv_ok_baseline.csv", IMP, "ok", "an ordinary CSV with a header (the baseline)",
     b"# a comment\nx,y\n1,2\n3,4\n", values=[[1, 2], [3, 4]])


def _npz() -> bytes:
    import io

    buf = io.BytesIO()
    np.savez(buf, a=np.ones(3), b=np.zeros(2))
    return buf.getvalue()


def npy_raw(**kw: Any) -> bytes:
    return npy_bytes(np.array(kw.pop("a"), dtype=kw.pop("dtype", None)), **kw)


case("i_npy_1e308.npy", IMP, "refuse", "1e308 in a .npy", npy_raw(a=[1.0, 1e308, 2.0]), [["1e308", "1e+308"]])
case("i_npy_neg9e307_2d.npy", IMP, "refuse", "-9e307 in a 2-D .npy", npy_raw(a=[[1.0, 2.0], [-9e307, 3.0]]),
     [["9e307", "9e+307"]])
case("i_npy_float32_max.npy", IMP, "ok_or_refuse", "float32 max (3.4e38)",
     npy_raw(a=[np.finfo(np.float32).max, 1], dtype=np.float32))
case("i_npy_longdouble_huge.npy", IMP, "refuse", "a long double of 1e4000 (inf as float64)",
     npy_bytes(np.array([np.longdouble("1e4000"), 1], dtype=np.longdouble)))
case("i_npy_uint64_max.npy", IMP, "ok_or_refuse", "uint64 max (1.8e19)",
     npy_raw(a=[np.iinfo(np.uint64).max, 1], dtype=np.uint64))
case("i_npy_int64_min.npy", IMP, "ok_or_refuse", "int64 min", npy_raw(a=[np.iinfo(np.int64).min, 1], dtype=np.int64))
case("i_npy_object_header_only.npy", IMP, "refuse", "a header saying dtype object with no pickle after it",
     npy_header("{'descr': '|O', 'fortran_order': False, 'shape': (3,), }"), [["pickle", "object"]])
case("i_npy_object_ragged.npy", IMP, "refuse", "a ragged object array (pickled lists)",
     npy_bytes(np.array([[1, 2], [3]], dtype=object), allow_pickle=True), [["pickle", "object"]])
case("i_npy_pickle_exploit.npy", IMP, "refuse", "an object .npy whose pickle would run os.system (never loaded)",
     npy_header("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }",
                b"cos\nsystem\n(S'touch PWNED_npy_pickle'\ntR."), [["pickle", "object"]])
case("i_npy_structured_nested.npy", IMP, "refuse", "a nested structured dtype",
     npy_bytes(np.zeros(3, dtype=[("a", [("b", "<f8"), ("c", "<i4")])])), [["structured", "record"]])
case("i_npy_datetime.npy", IMP, "refuse", "datetime64 values",
     npy_bytes(np.array(["2026-01-01", "2026-01-02"], dtype="datetime64[D]")))
case("i_npy_timedelta.npy", IMP, "refuse", "timedelta64 values", npy_bytes(np.array([1, 2], dtype="timedelta64[s]")))
case("i_npy_void.npy", IMP, "refuse", "raw void bytes", npy_bytes(np.zeros(3, dtype="V8")))
case("i_npy_0d_1e308.npy", IMP, "refuse", "a 0-d array holding 1e308", npy_bytes(np.array(1e308)))
case("i_npy_0d_nan.npy", IMP, "refuse", "a 0-d NaN", npy_bytes(np.array(np.nan)))
case("i_npy_4d.npy", IMP, "refuse", "a 4-D array (2, 2, 2, 2)", npy_bytes(np.ones((2, 2, 2, 2))), [["4"]])
case("i_npy_5d_empty.npy", IMP, "refuse", "a 5-D empty array", npy_bytes(np.ones((0, 1, 1, 1, 1))))
case("i_npy_complex_zero_imag.npy", IMP, "refuse", "complex numbers with zero imaginary parts",
     npy_bytes(np.array([1 + 0j, 2 + 0j])), [["complex"]])
case("i_npy_complex64.npy", IMP, "refuse", "complex64", npy_bytes(np.array([1 + 2j], dtype=np.complex64)),
     [["complex"]])
case("i_npy_header_2gb.npy", IMP, "refuse", "a header claiming 268,435,456 float64 (2 GB), 80 bytes of data",
     npy_header("{'descr': '<f8', 'fortran_order': False, 'shape': (268435456,), }", bytes(80)))
case("i_npy_header_2gb_2d.npy", IMP, "refuse", "a header claiming (4096, 65536) float64 (2 GB)",
     npy_header("{'descr': '<f8', 'fortran_order': False, 'shape': (4096, 65536), }", bytes(80)))
case("i_npy_header_1e30.npy", IMP, "refuse", "a header claiming 10**30 elements",
     npy_header("{'descr': '<f8', 'fortran_order': False, 'shape': (" + str(10**30) + ",), }", bytes(80)))
case("i_npy_header_negative.npy", IMP, "refuse", "a header claiming shape (-1,)",
     npy_header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", bytes(80)))
case("i_npy_header_code.npy", IMP, "refuse", "a header whose descr is Python code (never evaluated)",
     npy_header("{'descr': __import__('os').system('touch PWNED_npy_header'), 'fortran_order': False, "
                "'shape': (1,), }", bytes(8)))
case("i_npy_header_truncated.npy", IMP, "refuse", "the header dictionary cut in half",
     npy_header("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }")[:30])
case("i_npy_header_len_4gb.npy", IMP, "refuse", "a version 2.0 header claiming to be 4 GB long",
     b"\x93NUMPY\x02\x00" + struct.pack("<I", 0xFFFFFFF0) + b"{'descr': '<f8'")
case("i_npy_data_truncated.npy", IMP, "refuse", "shape (1000,) with 10 values",
     npy_header("{'descr': '<f8', 'fortran_order': False, 'shape': (1000,), }", bytes(80)))
case("i_npy_bigendian.npy", IMP, "ok", "big-endian float64", npy_bytes(np.array([[1.5, -2.0]], dtype=">f8").T),
     values=[[1.5], [-2.0]])
case("i_npy_fortran.npy", IMP, "ok", "a Fortran-ordered 2-D array",
     npy_bytes(np.asfortranarray(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))), values=[[1, 2], [3, 4], [5, 6]])
case("i_npy_v3.npy", IMP, "ok", "format version 3.0",
     npy_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }",
                np.array([1.0, 2.0, 3.0, 4.0]).tobytes(), (3, 0)), values=[[1, 2], [3, 4]])
case("i_npy_float16.npy", IMP, "ok", "float16", npy_bytes(np.array([[0.5, -1.0], [2.0, 65504.0]], np.float16)),
     values=[[0.5, -1.0], [2.0, 65504.0]])
case("i_npy_bool.npy", IMP, "ok", "booleans", npy_bytes(np.array([True, False, True])), values=[[1], [0], [1]])
case("i_npy_subnormal.npy", IMP, "ok", "subnormals and -0.0", npy_bytes(np.array([5e-324, -0.0, 1.0])),
     values=[[5e-324], [-0.0], [1.0]])
case("i_npy_npz_renamed.npy", IMP, "refuse", "an .npz archive renamed to .npy", _npz())
case("i_npy_trailing_garbage.npy", IMP, "ok_or_refuse", "a valid array followed by 1 KB of junk",
     npy_bytes(np.array([1.0, 2.0])) + b"\xff" * 1024, values=[[1], [2]])
case("i_npy_4096x512.npy", IMP, "ok", "a 16 MB (4096, 512) float64 array: at every limit, must import", None,
     runtime=True, slow=True, shape=[1, 4096, 512])
case("rt_i_csv_97mib.csv", IMP, "ok_or_refuse", "a 97 MiB CSV (under the 100 MB limit): 11 GB and 400 s today",
     None, runtime=True, slow=True)
case("rt_i_fifo.csv", IMP, "refuse", "a FIFO named .csv", None, runtime=True, slow=True)
case("rt_i_symlink_dev_zero.npy", IMP, "refuse", "a symlink to /dev/zero named .npy", None, runtime=True,
     slow=True)
case("rt_i_symlink_dev_urandom.csv", IMP, "refuse", "a symlink to /dev/urandom named .csv", None, runtime=True,
     slow=True)
case("rt_i_dir.csv", IMP, "refuse", "a folder named .csv", None, runtime=True)
case("rt_i_100k_columns.csv", IMP, "refuse", "two rows of 100,000 columns", None, runtime=True,
     match=[["channels", "512", "limit"]])


# ------------------------------------------------------------------ made at test time
def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _write(make: Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(make())


def _unknown_key_50mb(path: Path) -> None:
    text = good_text()
    junk = "[" + "[]," * (50 * 1024 * 1024 // 3) + "[]]"
    path.write_text(text.replace('"name": "hostile",', '"padding_junk": ' + junk + ",", 1), encoding="utf-8")


def _large_valid(path: Path) -> None:
    steps, channels = 4096, 488
    rng = np.random.default_rng(15)
    x = np.round(rng.uniform(-9, 9, (1, steps, channels)), 2)
    doc = copy.deepcopy(GOOD)
    doc["layer"].update(filters=2, kernel_size=3)
    doc["input"] = {"shape": [1, steps, channels], "values": x.tolist()}
    doc["kernel"] = {"shape": [3, channels, 2], "generator": {"name": "ones", "seed": 0}}
    doc["view"]["show_numbers"] = False
    path.write_text(json.dumps(doc), encoding="utf-8")


def _k_lines(lines: list[str]) -> Callable[[Path], None]:
    return lambda path: path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _k_models(n: int) -> list[str]:
    out = list(HEAD)
    for i in range(n):
        out.append(f"m{i} = keras.Sequential([keras.Input(shape=(100, 1)), layers.Conv1D(2, 3)])")
    return out


def _k_diagnostics(n: int) -> list[str]:
    return [*HEAD, "model = keras.Sequential()", "model.add(keras.Input(shape=(100, 1)))",
            *[f"model.add(layers.NotALayer{i}(3))" for i in range(n)], "model.add(layers.Conv1D(2, 3))"]


def _csv_97mib(path: Path) -> None:
    line = b"1.2345678,-2.3456789,3.4567891\n"
    n = 97 * 1024 * 1024 // len(line)
    with open(path, "wb") as fh:
        for _ in range(n // 100_000):
            fh.write(line * 100_000)
        fh.write(line * (n % 100_000))


def _npy_big(path: Path) -> None:
    np.save(path, np.random.default_rng(15).uniform(-1, 1, (4096, 512)))


RUNTIME.update({
    "rt_unknown_key_50mb.json": _unknown_key_50mb,
    "rt_symlink_dev_zero.json": _symlink("/dev/zero"),
    "rt_symlink_dev_urandom.json": _symlink("/dev/urandom"),
    "rt_fifo.json": _fifo,
    "rt_dir.json": lambda path: path.mkdir(),
    "rt_dangling_symlink.json": _symlink("/nonexistent/hostile/session.json"),
    "rt_symlink_to_valid.json": lambda path: path.symlink_to(FILES / "bom_valid.json"),
    "rt_large_valid.json": _large_valid,
    "rt_k_10000_layers.py.txt": _write(lambda: many_layers(10_000)),
    "rt_k_20000_models.py.txt": _k_lines(_k_models(20_000)),
    "rt_k_20000_diagnostics.py.txt": _k_lines(_k_diagnostics(20_000)),
    "rt_k_10mb_string.py.txt": _k_lines(["s = '" + "a" * 10_000_000 + "'", *SMALL_MODEL]),
    "rt_k_unary_100k.py.txt": _k_lines([*SMALL_MODEL, "k = " + "-" * 100_000 + "1"]),
    "rt_k_parens_100k.py.txt": _k_lines([*SMALL_MODEL, "k = " + "(" * 100_000 + "1" + ")" * 100_000]),
    "rt_k_binop_100k.py.txt": _k_lines([*SMALL_MODEL, "k = " + "1+" * 100_000 + "1"]),
    "rt_k_symlink_dev_zero.py.txt": _symlink("/dev/zero"),
    "rt_k_fifo.py.txt": _fifo,
    "i_npy_4096x512.npy": _npy_big,
    "rt_i_csv_97mib.csv": _csv_97mib,
    "rt_i_fifo.csv": _fifo,
    "rt_i_symlink_dev_zero.npy": _symlink("/dev/zero"),
    "rt_i_symlink_dev_urandom.csv": _symlink("/dev/urandom"),
    "rt_i_dir.csv": lambda path: path.mkdir(),
    "rt_i_100k_columns.csv": _write(lambda: (("1," * 99_999 + "1\n") * 2).encode()),
})


def make_runtime(dest: Path, names: set[str] | None = None) -> dict[str, Path]:
    """Make the test-time files in ``dest`` (only ``names`` when given); returns {file: path}."""
    dest.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name, make in RUNTIME.items():
        if names is not None and name not in names:
            continue
        path = dest / name
        if not (path.exists() or path.is_symlink()):
            make(path)
        out[name] = path
    return out


def manifest() -> dict[str, Any]:
    return {
        "about": (
            "Issue 15's hostile corpus: one entry per (file, way in). Written by make_corpus.py; "
            "expect = refuse | ok | ok_or_refuse | refuse_or_warn (see make_corpus.py's docstring)."
        ),
        "cases": CASES,
    }


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for old in FILES.iterdir():
        old.unlink()
    for name, data in _DATA.items():
        assert isinstance(data, bytes), name
        (FILES / name).write_bytes(data)
    missing = {c["file"] for c in CASES if c["runtime"]} - set(RUNTIME)
    assert not missing, missing
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    (HERE / "expect.json").write_text(json.dumps(manifest(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases, {len(_DATA)} files in {FILES}, {len(RUNTIME)} made at test time")


if __name__ == "__main__":
    main()
