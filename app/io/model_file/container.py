"""The bytes of a model file: a Keras 3 ``.keras`` zip or an HDF5 ``.h5``, opened within limits.

Every limit is checked before the work it guards: the file's size before it is
read, a zip's members and their declared sizes and compression ratios before
anything is inflated, each weight dataset's shape before its values are read.
Nothing in the file is ever run.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import h5py

from app.io.regular_file import FileRefused, read_regular_bytes

__all__ = ["LIMITS", "Container", "ModelFileError", "decode_config", "open_container"]


class ModelFileError(ValueError):
    """A model file that cannot be opened; the message says why, in one line."""


LIMITS = {
    "file_bytes": 512 * 1024 * 1024,  # the largest model file read at all
    "config_bytes": 8 * 1024 * 1024,  # config.json / model_config (a 1,000-layer model is about 2 MB)
    "members": 64,  # entries in a .keras zip (Keras writes 3)
    "inflate_ratio": 200,  # a member's size over its compressed size, past which it is a zip bomb
    "weight_values": 100_000_000,  # numbers in all weights together (400 MB of float32)
    "layers": 1000,  # the reader's budget for pasted code, kept for files too
    "json_depth": 64,  # nesting of the config (Keras writes about 8)
}

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass
class Container:
    """What a model file holds: its config (decoded JSON), its weights (an open HDF5 file) and where from.

    ``layout`` is ``'keras3'`` for a ``.keras`` zip (weights under ``layers/<path>/vars``)
    or ``'legacy'`` for an ``.h5`` (``model_weights/<layer name>`` with ``weight_names``).
    """

    config: dict[str, Any]
    weights: h5py.File | None
    layout: str
    keras_version: str
    digest: str
    size: int

    def close(self) -> None:
        if self.weights is not None:
            self.weights.close()


def _depth(value: Any, limit: int) -> int:
    """The nesting depth of decoded JSON, stopping past ``limit``."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return deepest


def decode_config(raw: bytes | str, where: str) -> dict[str, Any]:
    """The model config as JSON, refused when too long, not JSON or nested too deeply."""
    if len(raw) > LIMITS["config_bytes"]:
        raise ModelFileError(f"{where} is {len(raw) / 1e6:.1f} MB, over the limit of "
                             f"{LIMITS['config_bytes'] / 1e6:.0f} MB for a model's config")
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        config = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{where} is not JSON ({str(exc)[:60]})") from None
    except (RecursionError, ValueError):
        raise ModelFileError(f"{where} is not a config Keras writes (nested too deeply or a huge number)") from None
    if not isinstance(config, dict):
        raise ModelFileError(f"{where} is not a Keras model config (a JSON object)")
    if _depth(config, LIMITS["json_depth"]) > LIMITS["json_depth"]:
        raise ModelFileError(f"{where} is nested more than {LIMITS['json_depth']} levels deep: not a Keras config")
    return config


def _open_h5(data: bytes, where: str) -> h5py.File:
    try:
        return h5py.File(io.BytesIO(data), "r")
    except Exception as exc:  # h5py raises OSError, ValueError, KeyError, RuntimeError on damaged files
        raise ModelFileError(f"{where} is not a readable HDF5 file ({str(exc).splitlines()[0][:60]})") from None


def _text_attr(f: h5py.File | h5py.Group, key: str) -> str | None:
    try:
        value = f.attrs.get(key)
    except Exception:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, str):
        return value
    return None


def _open_zip(data: bytes, name: str) -> tuple[dict[str, Any], h5py.File | None, str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ModelFileError(f"{name} is not a readable .keras file (a damaged zip: {str(exc)[:60]})") from None
    if len(infos) > LIMITS["members"]:
        raise ModelFileError(f"{name} holds {len(infos)} files; a .keras file holds 3 (config.json, "
                             "metadata.json, model.weights.h5)")
    by_name = {i.filename: i for i in infos}
    if "config.json" not in by_name:
        raise ModelFileError(f"{name} is a zip without config.json: not a Keras 3 .keras model")
    limits = {"config.json": LIMITS["config_bytes"], "metadata.json": 1024 * 1024,
              "model.weights.h5": LIMITS["file_bytes"]}
    payload: dict[str, bytes] = {}
    for member, limit in limits.items():
        info = by_name.get(member)
        if info is None:
            continue
        if info.file_size > limit:
            raise ModelFileError(f"{name}: {member} claims {info.file_size / 1e6:,.0f} MB, over the limit of "
                                 f"{limit / 1e6:,.0f} MB")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > LIMITS["inflate_ratio"]:
            raise ModelFileError(f"{name}: {member} would inflate {ratio:,.0f} times (a zip bomb); refused")
        try:
            with archive.open(info) as fh:
                raw = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ModelFileError(f"{name}: {member} cannot be read ({str(exc)[:60]})") from None
        if len(raw) > limit or len(raw) != info.file_size:
            raise ModelFileError(f"{name}: {member} is not the size its zip entry declares; refused")
        payload[member] = raw
    config = decode_config(payload["config.json"], f"{name}: config.json")
    version = ""
    if "metadata.json" in payload:
        try:
            meta = json.loads(payload["metadata.json"])
            version = str(meta.get("keras_version", ""))[:20] if isinstance(meta, dict) else ""
        except (ValueError, RecursionError, UnicodeDecodeError):
            version = ""
    weights = payload.get("model.weights.h5")
    return config, None if weights is None else _open_h5(weights, f"{name}: model.weights.h5"), version


def open_container(path: str | os.PathLike[str]) -> Container:
    """Open a model file by its content (a zip is ``.keras``, an HDF5 signature ``.h5``), within :data:`LIMITS`."""
    import hashlib

    p = Path(path)
    try:
        data = read_regular_bytes(p, LIMITS["file_bytes"], "model")
    except FileRefused as exc:
        raise ModelFileError(str(exc)) from None
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise ModelFileError(f"{p.name} is empty")
    if data.startswith(ZIP_SIGNATURE) or data.startswith(b"PK\x05\x06"):
        config, weights, version = _open_zip(data, p.name)
        return Container(config, weights, "keras3", version, digest, len(data))
    if data.startswith(HDF5_SIGNATURE):
        f = _open_h5(data, p.name)
        raw = _text_attr(f, "model_config")
        if raw is None:
            f.close()
            raise ModelFileError(f"{p.name} is an HDF5 file without a model_config: a weights-only file, "
                                 "not a saved model (save it with model.save('model.h5'))")
        try:
            config = decode_config(raw, f"{p.name}: model_config")
        except ModelFileError:
            f.close()
            raise
        version = (_text_attr(f, "keras_version") or "")[:20]
        return Container(config, f, "legacy", version, digest, len(data))
    raise ModelFileError(f"{p.name} is neither a Keras 3 .keras file (a zip) nor an HDF5 .h5 model")
