"""The room matrix: every built-in example in every room, audited from the real widgets and scene items.

Rooms: {1280x800, 1366x768, 1920x1080, 3840x2160 at scale factor 2} x {normal, classroom} x
{light, dark, high contrast} x {en, zh_CN}, each example on the picture it opens with (the signal
examples on the signal view), and two grid examples also with the matrix view (ids end ``-matrix``).
Each screen size runs in its own process (``run_rooms.py``, at its scale factor), all side by side;
every room is laid out once and all audits read it (``rooms.py``).  A failing audit names the room and the item.

Problems known today are listed once, in ``KNOWN_FAILURES`` (cause -> the room, item and problem
patterns it explains): a room whose only findings are known ones is an expected failure; a finding no
pattern explains fails its room; a pattern that no longer matches anything fails
``test_known_failures_still_fail`` (strict), so whoever fixes a cause removes its entry.

Contact sheets: ``CONV1D_ROOM_SHEETS=1`` (or a folder) writes one PNG per screen size to
``docs/screenshots/rooms/`` while the matrix runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from app.io.examples import example_names

from .rooms import LANGUAGES, MATRIX_EXAMPLES, MODES, SIZES, THEMES, Room, rooms_for_scale

ROOT = Path(__file__).resolve().parents[2]
SHEETS = ROOT / "docs" / "screenshots" / "rooms"
SCALES = (1, 2)
# The whole matrix runs inside the first room's test (a session fixture): about 25 s on 2 idle cores,
# a few minutes on a loaded machine.
pytestmark = pytest.mark.timeout(900)

# cause (and whose file fixes it) -> [(room id pattern, item pattern, problem pattern)], fnmatch-style.
KNOWN_FAILURES: dict[str, list[tuple[str, str, str]]] = {
    # none today: every room of the matrix passes every audit
}


def _known_patterns() -> list[tuple[str, str, str, str]]:
    return [(cause, *p) for cause, pats in KNOWN_FAILURES.items() for p in pats]


def _explained(room_id: str, finding: dict[str, str]) -> str | None:
    for cause, room_pat, item_pat, problem_pat in _known_patterns():
        if (fnmatchcase(room_id, room_pat) and fnmatchcase(finding["item"], item_pat)
                and fnmatchcase(finding["problem"], problem_pat)):
            return cause
    return None


ALL_ROOMS: list[Room] = [r for s in SCALES for r in rooms_for_scale(s, list(example_names()))]


def _sheets_dir() -> Path | None:
    value = os.environ.get("CONV1D_ROOM_SHEETS", "")
    if not value or value == "0":
        return None
    return SHEETS if value == "1" else Path(value)


@pytest.fixture(scope="session")
def room_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    """Run every screen size side by side (one process each, at its scale factor) and gather every room's
    findings. One process per size, not per scale factor: scale 1 has three sizes, and its one process
    took three quarters of the matrix's time alone after scale 2's had finished."""
    out = tmp_path_factory.mktemp("rooms")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("QT_SCALE_FACTOR", None)
    sheets = _sheets_dir()
    procs = []
    for w, h, scale in SIZES:
        size = f"{w}x{h}"  # in every room id of that size (``Room.id``)
        cmd = [sys.executable, str(ROOT / "tests" / "visual" / "run_rooms.py"), "--scale", str(scale),
               "--only", size, "--out", str(out / f"rooms-{size}.json")]
        if sheets is not None:
            cmd += ["--sheets", str(sheets)]
        procs.append((size, subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, text=True)))
    results: dict[str, list[dict[str, str]]] = {}
    for size, proc in procs:
        stdout, stderr = proc.communicate(timeout=840)
        assert proc.returncode == 0, f"the room matrix at {size} failed:\n{stdout}\n{stderr[-4000:]}"
        data = json.loads((out / f"rooms-{size}.json").read_text(encoding="utf-8"))
        for room in data["rooms"]:
            assert room["id"] not in results, f"room {room['id']} ran twice"
            results[room["id"]] = room["findings"]
    assert sorted(results) == sorted(r.id for r in ALL_ROOMS), "the processes ran other rooms than the matrix"
    return results


def test_the_matrix_covers_every_example_and_room() -> None:
    """Every example in every room as it opens, and the matrix picture of two grid examples in every room."""
    ids = {r.id for r in ALL_ROOMS}
    per_example = len(SIZES) * len(MODES) * len(THEMES) * len(LANGUAGES)
    assert per_example == 4 * 2 * 3 * 2
    assert len(ids) == len(ALL_ROOMS) == (len(list(example_names())) + len(MATRIX_EXAMPLES)) * per_example
    assert {r.example for r in ALL_ROOMS} == set(example_names())
    assert {r.example for r in ALL_ROOMS if r.picture == "matrix"} == set(MATRIX_EXAMPLES)
    assert set(MATRIX_EXAMPLES) <= set(example_names())
    # a room that keeps the example's own picture keeps its id (KNOWN_FAILURES patterns rely on it)
    assert all(r.id.endswith("-matrix") == (r.picture == "matrix") for r in ALL_ROOMS)
    assert "classroom-1280x800-classroom-light-en" in ids and "classroom-1280x800-classroom-light-en-matrix" in ids


@pytest.mark.parametrize("room", ALL_ROOMS, ids=lambda r: r.id)
def test_room(room: Room, room_results: dict[str, list[dict[str, str]]]) -> None:
    findings = room_results[room.id]
    unexplained = [f for f in findings if _explained(room.id, f) is None]
    assert not unexplained, f"[{room.id}]\n" + "\n".join(f"  {f['item']}: {f['problem']}" for f in unexplained)
    causes = sorted({c for f in findings if (c := _explained(room.id, f)) is not None})
    if causes:
        pytest.xfail(f"[{room.id}] known: " + " | ".join(c.split(" (")[0] for c in causes))


def test_known_failures_still_fail(room_results: dict[str, list[dict[str, str]]]) -> None:
    """Strict: every pattern still explains at least one finding; remove the entries a fix made pass."""
    used = {(c, r, i, p): False for c, r, i, p in _known_patterns()}
    for room_id, findings in room_results.items():
        for f in findings:
            for key in used:
                _c, room_pat, item_pat, problem_pat = key
                if (fnmatchcase(room_id, room_pat) and fnmatchcase(f["item"], item_pat)
                        and fnmatchcase(f["problem"], problem_pat)):
                    used[key] = True
    stale = [f"{r} | {i} | {p}  ({c.split(' (')[0]})" for (c, r, i, p), hit in used.items() if not hit]
    assert not stale, "these KNOWN_FAILURES no longer happen: remove them\n" + "\n".join(stale)
