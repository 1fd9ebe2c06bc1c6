"""Regenerate the bad-file corpus: ``python tests/data/bad/make_corpus.py``.

Each file is something a user could really drop on the window (a truncated download,
the wrong file, a pickled array, a spreadsheet export with text) and EXPECTED.json maps
it to a fragment of the one-line message the app must give.  tests/gui/test_session.py
feeds every file through ``load_session`` / ``import_input`` and through the GUI open path.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent

GOOD = {
    "format": "conv1d-explorer-session",
    "version": 1,
    "layer": {
        "filters": 2,
        "kernel_size": 2,
        "strides": 1,
        "padding": "valid",
        "dilation_rate": 1,
        "groups": 1,
        "use_bias": True,
        "activation": "linear",
        "data_format": "channels_last",
    },
    "input": {"shape": [1, 4, 2], "values": [[[1, 2], [3, 4], [5, 6], [7, 8]]]},
    "kernel": {"shape": [2, 2, 2], "values": [[[1, 0], [0, 1]], [[1, 1], [0, 0]]]},
    "bias": {"values": [0, 1]},
    "view": {"position": 0, "mode": "one_filter"},
}


def variant(**changes: object) -> dict:
    doc = copy.deepcopy(GOOD)
    for dotted, value in changes.items():
        keys = dotted.split("__")
        target = doc
        for k in keys[:-1]:
            target = target[k]
        if value is DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    return doc


DELETE = object()

SESSIONS: dict[str, tuple[object, str]] = {
    # name: (document or raw bytes, expected message fragment)
    "not_object.json": ([1, 2, 3], "must hold a JSON object"),
    "wrong_format.json": (variant(format="keras-model"), "'format' must be 'conv1d-explorer-session'"),
    "no_format.json": (variant(format=DELETE), "'format' must be"),
    "future_version.json": (variant(version=99), "version 99 is not supported"),
    "version_string.json": (variant(version="1"), "'version' must be a whole number"),
    "missing_layer.json": (variant(layer=DELETE), "missing field 'layer'"),
    "missing_input.json": (variant(input=DELETE), "missing field 'input'"),
    "missing_kernel.json": (variant(kernel=DELETE), "missing field 'kernel'"),
    "missing_filters.json": (variant(layer__filters=DELETE), "layer: missing 'filters'"),
    "unknown_layer_arg.json": (variant(layer__kernel_sizes=3), "unknown argument(s) kernel_sizes"),
    "filters_string.json": (variant(layer__filters="2"), "layer.filters must be a whole number"),
    "kernel_size_zero.json": (variant(layer__kernel_size=0), "layer:"),
    "bad_padding.json": (variant(layer__padding="full"), "layer:"),
    "strides_and_dilation.json": (variant(layer__strides=2, layer__dilation_rate=2), "dilation_rate"),
    "ragged_input.json": (
        variant(input__shape=DELETE, input__values=[[[1, 2], [3], [5, 6], [7, 8]]]),
        "ragged",
    ),
    "string_in_input.json": (
        variant(input__values=[[[1, 2], [3, "abc"], [5, 6], [7, 8]]]),
        "'abc' is not a number",
    ),
    "bool_in_input.json": (
        variant(input__values=[[[1, 2], [3, True], [5, 6], [7, 8]]]),
        "True is not a number",
    ),
    "null_in_kernel.json": (
        variant(kernel__values=[[[1, 0], [0, None]], [[1, 1], [0, 0]]]),
        "None is not a number",
    ),
    "input_2d.json": (variant(input__shape=DELETE, input__values=[[1, 2, 3, 4]]), "expected 3-D values"),
    "shape_mismatch.json": (variant(input__shape=[1, 5, 2]), "but 'shape' says (1, 5, 2)"),
    "kernel_wrong_shape.json": (
        variant(kernel__shape=DELETE, kernel__values=[[[1, 0]], [[1, 1]]]),
        "kernel has shape (2, 1, 2), but the layer needs (2, 2, 2)",
    ),
    "bias_wrong_length.json": (
        variant(bias={"values": [0, 1, 2]}),
        "bias has shape (3,), but the layer needs (2,)",
    ),
    "huge_filters.json": (variant(layer__filters=100_000), "layer.filters=100000 is over the app's limit"),
    "huge_steps_generator.json": (
        variant(input={"shape": [1, 100_000_000, 2], "generator": {"name": "ramp"}}),
        "steps=100000000 is over the app's limit",
    ),
    "huge_values.json": (
        variant(input={"shape": [16, 4096, 512], "generator": {"name": "ramp"}}),
        "over the app's limit",
    ),
    "deep_values.json": (
        variant(input__shape=DELETE, input__values=[[[[[1]]]]]),
        "nested deeper than 3 levels",
    ),
    "groups_mismatch.json": (
        variant(layer__groups=2, layer__filters=2, input={"values": [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]}),
        "not divisible by groups=2",
    ),
    "bad_view_mode.json": (variant(view={"mode": "both"}), "view.mode must be one of"),
    "negative_position.json": (variant(view={"position": -3}), "view.position must be a whole number >= 0"),
    "empty_input_list.json": (variant(input={"values": []}), "the list is empty"),
    "input_not_object.json": (variant(input=[1, 2, 3]), "'input' must be an object"),
    "unknown_generator.json": (
        variant(input={"shape": [1, 8, 2], "generator": {"name": "no-such-signal"}}),
        "input:",
    ),    # issue 15: strict sessions
    "use_bias_string.json": (variant(layer__use_bias="false"), "layer.use_bias must be true or false, got 'false'"),
    "view_typo.json": (variant(view={"mdoe": "all_filters"}), "unknown key(s) 'view.mdoe'"),
    "unknown_top_key.json": (variant(extra_key=1), "unknown key(s) 'extra_key'"),
    "values_and_generator.json": (
        variant(input={"values": [[[1, 2], [3, 4]]], "generator": {"name": "ramp"}}),
        "give either 'values' or a 'generator', not both",
    ),
    "generator_period_zero.json": (
        variant(input={"shape": [1, 8, 2], "generator": {"name": "sine", "period": 0}}),
        "Received: period=0",
    ),
    "generator_seed_bool.json": (
        variant(input={"shape": [1, 8, 2], "generator": {"name": "uniform", "seed": True}}),
        "Received: seed=True",
    ),
    "generator_typo.json": (
        variant(input={"shape": [1, 8, 2], "generator": {"name": "sine", "perod": 4}}),
        "unknown key(s) 'input.generator.perod'",
    ),
    "value_1e308.json": (variant(input__values=[[[1, 2], [3, 1e308], [5, 6], [7, 8]]]), "1e+308 is outside"),
}
RAW_SESSIONS: dict[str, tuple[bytes, str]] = {
    "empty.json": (b"", "is empty"),
    "whitespace.json": (b"  \n\t\n", "is empty"),
    "truncated.json": (json.dumps(GOOD).encode()[:120], "is not valid JSON"),
    "binary_garbage.json": (bytes(range(256)) * 4, "is not a text (UTF-8 JSON) file"),
    "utf16.json": (json.dumps(GOOD).encode("utf-16"), "is not a text (UTF-8 JSON) file"),
    "deeply_nested.json": (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    "nan_input.json": (
        json.dumps(variant(input__values=[[[1, 2], [3, float("nan")], [5, 6], [7, 8]]])).encode(),
        "nan is not a finite number",
    ),
    "inf_kernel.json": (
        json.dumps(variant(kernel__values=[[[1, 0], [0, float("inf")]], [[1, 1], [0, 0]]])).encode(),
        "inf is not a finite number",
    ),
    "python_dict.json": (repr(GOOD).encode(), "is not valid JSON"),
    "duplicate_key.json": (
        json.dumps(GOOD).replace('"filters": 2,', '"filters": 3, "filters": 2,', 1).encode(),
        "the key 'filters' is given twice",
    ),
    "integer_5000_digits.json": (
        json.dumps(GOOD).replace('"values": [[[1,', '"values": [[[' + "9" * 5000 + ",", 1).encode(),
        "a number has more than 4300 digits",
    ),
}
IMPORTS_TEXT: dict[str, tuple[bytes, str]] = {
    "text_in_data.csv": (b"1,2\n3,abc\n5,6\n", "row 2, column 2: 'abc' is text, not a number"),
    "ragged.csv": (b"1,2,3\n4,5\n6,7,8\n", "row 2: 2 value(s) where the first row has 3"),
    "empty.csv": (b"", "is empty"),
    "only_comments.csv": (b"# nothing here\n\n", "is empty"),
    "only_header.csv": (b"a,b,c\n", "has a header row but no numbers"),
    "nan.csv": (b"1,2\nnan,4\n", "row 2, column 1: 'nan' is not a finite number"),
    "binary.csv": (bytes(range(256)), "is not a text file"),
    "latin1.tsv": ("1\t2\n3\t\u00e9\n".encode("latin-1"), "is not a UTF-8 text file"),
    "too_many_steps.csv": (
        ("\n".join("1" for _ in range(5000)) + "\n").encode(),
        "steps=5000 is over the app's limit",
    ),
    "wrong_type.xlsx": (b"PK\x03\x04", "unknown file type .xlsx"),
}


def npy_files() -> dict[str, tuple[object, str]]:
    structured = np.zeros(3, dtype=[("a", "f8"), ("b", "i4")])
    return {
        "pickled.npy": (np.array([{"a": 1}, None], dtype=object), "pickled Python objects"),
        "four_d.npy": (np.zeros((1, 2, 3, 4)), "the array has 4 dimensions (1, 2, 3, 4)"),
        "strings.npy": (np.array(["a", "b"]), "<U1 values, not numbers"),
        "complex.npy": (np.array([1 + 2j, 3j]), "complex numbers"),
        "nan.npy": (np.array([[1.0, np.nan]]), "is not a finite number"),
        "empty.npy": (np.zeros((0,)), "is empty"),
        "scalar.npy": (np.array(3.0), "a single number"),
        "structured.npy": (structured, "structured (record) array"),
        "too_long.npy": (np.zeros(5000), "steps=5000 is over the app's limit of 4096"),
        "too_many_channels.npy": (np.zeros((2, 600)), "channels=600 is over the app's limit of 512"),
    }


RAW_NPY: dict[str, tuple[bytes, str]] = {
    "not_npy.npy": (b"1,2,3\n", "is not a readable .npy array"),
    "raw_pickle.npy": (
        b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02e.",
        "is a Python pickle",
    ),
}


def main() -> None:
    expected: dict[str, str] = {}
    for name, (doc, msg) in SESSIONS.items():
        (HERE / name).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        expected[name] = msg
    for table in (RAW_SESSIONS, IMPORTS_TEXT, RAW_NPY):
        for name, (raw, msg) in table.items():
            (HERE / name).write_bytes(raw)
            expected[name] = msg
    for name, (arr, msg) in npy_files().items():
        np.save(HERE / name, arr, allow_pickle=True)
        expected[name] = msg
    truncated = HERE / "truncated.npy"
    np.save(truncated, np.arange(100.0))
    truncated.write_bytes(truncated.read_bytes()[:200])
    expected["truncated.npy"] = "is not a readable .npy array"
    (HERE / "EXPECTED.json").write_text(
        json.dumps(expected, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{len(expected)} bad files in {HERE}")


if __name__ == "__main__":
    main()
