#!/usr/bin/env bash
# Install and run Conv1D Explorer. With a display it opens the window; without one it
# runs the export command line: it renders the classroom example to classroom.png.
# Extra arguments go to the app, e.g. ./run.sh --example seed-embedding
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh ""
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = "Darwin" ]; then
  exec .venv/bin/conv1d-explorer "$@"
fi
if [ "$#" -gt 0 ]; then
  exec .venv/bin/conv1d-explorer "$@"
fi
echo "No display: rendering the classroom example (see README: Diagrams for slides and textbooks)."
exec .venv/bin/conv1d-explorer export --example classroom -o classroom.png --step 20
