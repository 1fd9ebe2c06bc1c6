"""Bad, truncated and hostile model files: one clear line, exit 2, no traceback, no hang, bounded memory.

Each file is made here from the real fixtures (deterministically) and run through the command line,
``python -m app model FILE --json``, in its own child process with the hostile corpus's caps
(20 s of wall time, 2 GiB of address space): a refusal must come from a limit checked before the
work, not from running into the cap.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import h5py
import numpy as np
import pytest

from tests.model.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
GOOD_KERAS = DATA / "text_cnn" / "model.keras"
GOOD_H5 = DATA / "text_cnn" / "model.h5"
CAPPED = """
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
sys.argv = ["app", *sys.argv[1:]]
runpy.run_module("app", run_name="__main__")
"""


def _keras_zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> None:
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)


def _members() -> dict[str, bytes]:
    with zipfile.ZipFile(GOOD_KERAS) as z:
        return {n: z.read(n) for n in z.namelist()}


def _h5_copy(path: Path, edit) -> None:
    path.write_bytes(GOOD_H5.read_bytes())
    with h5py.File(path, "r+") as f:
        edit(f)


def _weights_edit(path: Path, edit) -> None:
    """The .keras fixture with its model.weights.h5 changed by ``edit``."""
    members = _members()
    tmp = path.with_suffix(".tmp.h5")
    tmp.write_bytes(members["model.weights.h5"])
    with h5py.File(tmp, "r+") as f:
        edit(f)
    members["model.weights.h5"] = tmp.read_bytes()
    tmp.unlink()
    _keras_zip(path, members)


def _replace(f, path, data):
    del f[path]
    f.create_dataset(path, data=data)


def _declared_size_bomb(path: Path) -> None:
    """A zip whose model.weights.h5 entry claims 2 GB (the central directory's size field rewritten)."""
    members = _members()
    _keras_zip(path, members)
    raw = bytearray(path.read_bytes())
    name = b"model.weights.h5"
    at = raw.rfind(b"PK\x01\x02")
    while at != -1:  # every central directory entry
        n = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46 : at + 46 + n] == name:
            struct.pack_into("<I", raw, at + 24, 2_000_000_000)
        at = raw.rfind(b"PK\x01\x02", 0, at)
    path.write_bytes(bytes(raw))


def _make(tmp: Path) -> list[tuple[str, Path, str]]:
    """(id, file, a fragment the one-line message must hold)."""
    cases: list[tuple[str, Path, str]] = []

    def case(cid: str, name: str, fragment: str) -> Path:
        p = tmp / name
        cases.append((cid, p, fragment))
        return p

    case("empty", "empty.keras", "is empty").write_bytes(b"")
    case("random_bytes", "noise.h5", "neither").write_bytes(np.random.default_rng(1).bytes(4096))
    case("truncated_keras", "half.keras", "zip").write_bytes(GOOD_KERAS.read_bytes()[: GOOD_KERAS.stat().st_size // 2])
    case("truncated_h5", "half.h5", "HDF5").write_bytes(GOOD_H5.read_bytes()[: GOOD_H5.stat().st_size // 2])
    case("pickle_renamed", "model_pickle.keras", "neither").write_bytes(b"\x80\x04\x95" + b"\x00" * 64)
    _declared_size_bomb(case("claims_2gb_member", "claims.keras", "2,000 MB"))
    bomb = dict(_members())
    bomb["config.json"] = b" " * 7_000_000 + bomb["config.json"]
    _keras_zip(case("zip_bomb_ratio", "bomb.keras", "zip bomb"), bomb, zipfile.ZIP_DEFLATED)
    m = _members()
    m["config.json"] = b"{not json"
    _keras_zip(case("config_not_json", "notjson.keras", "not JSON"), m)
    m = _members()
    m["config.json"] = b"[" * 100_000 + b"]" * 100_000
    _keras_zip(case("config_nested", "nested.keras", "nested"), m)
    m = _members()
    m["config.json"] = json.dumps({"class_name": "Dense", "config": {}}).encode()
    _keras_zip(case("config_not_a_model", "dense.keras", "not a Sequential or Functional"), m)
    m = _members()
    del m["config.json"]
    _keras_zip(case("no_config", "noconfig.keras", "without config.json"), m)
    m = _members()
    _keras_zip(case("many_members", "many.keras", "holds"), {**m, **{f"x{i}": b"" for i in range(100)}})
    cfg = json.loads(_members()["config.json"])
    cfg["config"]["layers"] = cfg["config"]["layers"][:1] + [cfg["config"]["layers"][-1]] * 2000
    m = _members()
    m["config.json"] = json.dumps(cfg).encode()
    _keras_zip(case("too_many_layers", "layers.keras", "over the explorer's limit"), m)

    def weights_only(f):
        del f.attrs["model_config"]
    _h5_copy(case("h5_weights_only", "weights_only.h5", "without a model_config"), weights_only)
    _h5_copy(case("h5_config_not_json", "badcfg.h5", "not JSON"),
             lambda f: f.attrs.__setitem__("model_config", "{{{"))
    _h5_copy(case("h5_2gb_dataset", "huge.h5", "claims 500,000,000 numbers"),
             lambda f: (f["model_weights/conv1d/text_cnn/conv1d"].__delitem__("kernel"),
                        f["model_weights/conv1d/text_cnn/conv1d"].create_dataset(
                            "kernel", shape=(500_000_000,), dtype="f4", chunks=(1024,))))
    _h5_copy(case("h5_wrong_shape", "shape.h5", "needs (3, 8, 6)"),
             lambda f: _replace(f, "model_weights/conv1d/text_cnn/conv1d/kernel", np.zeros((3, 4, 6), "f4")))
    _h5_copy(case("h5_nan_weight", "nan.h5", "nan is not a finite number"),
             lambda f: _replace(f, "model_weights/conv1d_1/text_cnn/conv1d_1/bias", np.full(5, np.nan, "f4")))
    _h5_copy(case("h5_int_weights", "int.h5", "not floats"),
             lambda f: _replace(f, "model_weights/dense/text_cnn/dense/bias", np.zeros(1, "i8")))
    _h5_copy(case("h5_external_link", "link.h5", "link to somewhere else"),
             lambda f: (f["model_weights/conv1d/text_cnn/conv1d"].__delitem__("bias"),
                        f["model_weights/conv1d/text_cnn/conv1d"].__setitem__(
                            "bias", h5py.ExternalLink("/etc/passwd", "/x"))))
    _weights_edit(case("keras_missing_weight", "missing.keras", "needs 2"),
                  lambda f: f["layers/conv1d/vars"].__delitem__("1"))
    _weights_edit(case("keras_inf_weight", "inf.keras", "inf"),
                  lambda f: _replace(f, "layers/embedding/vars/0", np.full((50, 8), np.inf, "f4")))
    folder = tmp / "folder.keras"
    folder.mkdir()
    cases.append(("folder", folder, "folder"))
    return cases


def _run(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", CAPPED, "model", str(path), "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=20)


def test_bad_model_files_give_one_clear_line(tmp_path):
    cases = _make(tmp_path)
    assert len(cases) >= 15
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda c: _run(c[1]), cases))
    problems = []
    for (cid, _path, fragment), r in zip(cases, results, strict=True):
        lines = r.stderr.strip().splitlines()
        if r.returncode != 2 or len(lines) != 1 or "Traceback" in r.stderr or fragment not in r.stderr or r.stdout:
            problems.append(f"{cid}: exit {r.returncode}, stderr {r.stderr[-300:]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("fragment", ["rm -rf", "os.system"])
def test_a_lambda_with_hostile_code_is_never_run(tmp_path, fragment):
    """A Lambda whose stored bytecode would create a file if it were ever loaded and called."""
    members = _members()
    cfg = json.loads(members["config.json"])
    marker = tmp_path / "ran"
    code = compile(f"open({str(marker)!r}, 'w').write({fragment!r})", "<x>", "exec")
    import base64
    import marshal

    lam = {"module": "keras.layers", "class_name": "Lambda", "config": {
        "name": "evil", "function": {"class_name": "__lambda__", "config": {
            "code": base64.b64encode(marshal.dumps(code)).decode(), "defaults": None, "closure": None}}},
        "registered_name": None}
    cfg["config"]["layers"].insert(2, lam)
    members["config.json"] = json.dumps(cfg).encode()
    path = tmp_path / "evil.keras"
    _keras_zip(path, members)
    r = _run(path)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [row["name"] for row in rows][:3] == ["embedding", "evil", "conv1d"]
    run = subprocess.run([sys.executable, "-m", "app", "model", str(path), "--layer", "conv1d_1", "--input",
                          str(DATA / "text_cnn" / "input.npy"), "--save-output", str(tmp_path / "y.npy")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "evil" in run.stderr and "Lambda" in run.stderr
    assert not marker.exists()
