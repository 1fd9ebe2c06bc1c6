#!/usr/bin/env bash
# Install everything the tests need (system libraries, .venv with the test extras) and run them headless.
# Extra arguments go to pytest, e.g. ./test.sh tests/core -q
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh "test"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
