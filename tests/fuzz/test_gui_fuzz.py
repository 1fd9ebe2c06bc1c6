"""The GUI fuzzer (see fuzzer.py): a small seeded budget in every run, a large one with ``-m slow``."""

from __future__ import annotations

import os
import random

import pytest

from .fuzzer import Fuzzer, FuzzFailure

CI_SEEDS = (101, 202, 303)
CI_ACTIONS = 150
SLOW_ACTIONS = 2000
SLOW_RUNS = 5


@pytest.mark.parametrize("slot", range(len(CI_SEEDS)))
def test_seeded_gui_fuzz(slot, fuzz_window, fuzz_seed, fuzz_actions, tmp_path):
    """Random real user actions; after each, the picture, the panels and undo agree with conv_core."""
    if fuzz_seed is not None and slot:
        pytest.skip("CONV1D_FUZZ_SEED given: one run")
    seed = CI_SEEDS[slot] if fuzz_seed is None else fuzz_seed
    large = os.environ.get("CONV1D_FUZZ_LARGE")  # the big sizes; the slow run uses them
    large_on = bool(int(large)) if large else bool(fuzz_actions and fuzz_actions > 500)
    result = Fuzzer(fuzz_window, seed, tmp_path, large=large_on).run(fuzz_actions or CI_ACTIONS)
    assert result.undo_checks > 0, f"seed={seed}: no undoable action was checked"
    assert result.errors_seen > 0, f"seed={seed}: no invalid setting was reached"
    # issue 15: the fuzzer reaches what files hold, and most checks test a picture, not an error
    assert result.counts.get("import", 0) + result.counts.get("generator_file", 0) > 0, result.counts
    assert result.errors_seen < result.checks / 2, f"seed={seed}: {result.errors_seen}/{result.checks} in error"


_env_seeds = os.environ.get("CONV1D_FUZZ_SEEDS")
SLOW_SEEDS = (
    [int(v) for v in _env_seeds.split(",")] if _env_seeds
    else [random.randrange(1, 10**6) for _ in range(SLOW_RUNS)]
)


@pytest.mark.slow
@pytest.mark.timeout(1800)  # about two minutes a seed here; slower machines get room
@pytest.mark.parametrize("slot", range(len(SLOW_SEEDS)))
def test_long_gui_fuzz(slot, fuzz_window, fuzz_actions, tmp_path, capsys):
    """The large budget: ``pytest tests/fuzz -m slow`` (each seed and its wall time are printed)."""
    seed = SLOW_SEEDS[slot]
    result = Fuzzer(fuzz_window, seed, tmp_path, large=True).run(fuzz_actions or SLOW_ACTIONS)
    with capsys.disabled():
        print(f"\nfuzz seed={result.seed}: {result.actions} actions in {result.seconds:.1f} s, "
              f"{result.undo_checks} undo checks, {result.errors_seen} checks in an error state, "
              f"actions {dict(sorted(result.counts.items()))}")


def test_the_fuzzer_catches_an_exception_in_a_slot(fuzz_window, tmp_path):
    """Qt hands a slot's exception to sys.excepthook; the fuzzer must fail on it, naming the seed."""

    def broken(_position):
        raise RuntimeError("broken slot")

    fuzz_window.state.positionChanged.connect(broken)
    with pytest.raises(FuzzFailure, match=r"seed=7: uncaught exception(.|\n)*broken slot"):
        Fuzzer(fuzz_window, 7, tmp_path).run(200)
    fuzz_window.state.positionChanged.disconnect(broken)


def test_the_fuzzer_catches_a_stale_window(fuzz_window, tmp_path, monkeypatch):
    """A diagram that stops moving its window taps disagrees with the trace."""
    monkeypatch.setattr(fuzz_window.diagram, "_on_position_changed", lambda _p: None)
    fuzz_window.state.positionChanged.disconnect()
    fuzz_window.state.positionChanged.connect(fuzz_window.transport.sync_from_state)
    with pytest.raises(FuzzFailure, match="window taps"):
        Fuzzer(fuzz_window, 8, tmp_path).run(200)
