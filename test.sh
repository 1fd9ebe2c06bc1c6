#!/usr/bin/env bash
# Install everything the tests need (system libraries, .venv with the test extras) and run them headless,
# on every core (pytest-xdist: `-n auto --dist loadfile`: each file's tests on one worker, so a module
# or session fixture, e.g. the room matrix or the hostile corpus, runs once).
# Extra arguments go to pytest, e.g. ./test.sh tests/core -q; `-n0` or `-p no:xdist` runs in one process.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh "test"
export QT_QPA_PLATFORM=offscreen
parallel=(-n auto --dist loadfile)
for arg in "$@"; do
  case "$arg" in no:xdist | -pno:xdist) parallel=() ;; esac
done
exec .venv/bin/python -m pytest ${parallel[@]+"${parallel[@]}"} "$@"
