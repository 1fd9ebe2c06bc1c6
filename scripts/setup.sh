#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: system libraries Qt needs (Debian/Ubuntu, when root),
# a virtualenv in .venv, and the project installed into it (editable) with the given extras, only when
# the venv is new or pyproject.toml changed, so that a set-up machine starts offline.
# Usage: source scripts/setup.sh [EXTRAS]     e.g. "test" or "" (app only)
set -euo pipefail
_extras="${1:-}"
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_qt_libs=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
          xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 fonts-dejavu-core
          librsvg2-bin poppler-utils)
if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  _missing=()
  for p in "${_qt_libs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || _missing+=("$p"); done
  if [ "${#_missing[@]}" -gt 0 ]; then
    _sudo=""; [ "$(id -u)" -ne 0 ] && _sudo="sudo"
    echo "setup: installing system libraries: ${_missing[*]}"
    $_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${_missing[@]}" >/dev/null
  fi
fi

_py="${PYTHON:-python3}"
if [ ! -x "$_root/.venv/bin/python" ]; then
  echo "setup: creating $_root/.venv"
  "$_py" -m venv "$_root/.venv"
fi
# Install only when the venv is new or pyproject.toml changed since the last install with these extras,
# so that once set up, ./run.sh starts without the network. A stamp per extras holds pyproject's hash;
# an install with the test extras serves the app alone too.
_hash="$(cksum < "$_root/pyproject.toml" | cut -d' ' -f1)"
_stamp="$_root/.venv/.installed-${_extras:-app}"
_fresh() { [ "$(cat "$1" 2>/dev/null)" = "$_hash" ]; }
if ! _fresh "$_stamp" && ! { [ -z "$_extras" ] && _fresh "$_root/.venv/.installed-test"; }; then
  _spec="$_root"
  [ -n "$_extras" ] && _spec="$_root[$_extras]"
  echo "setup: installing the app into .venv (new venv, or pyproject.toml changed)"
  "$_root/.venv/bin/python" -m pip install -q --disable-pip-version-check -e "$_spec"
  echo "$_hash" > "$_stamp"
fi
