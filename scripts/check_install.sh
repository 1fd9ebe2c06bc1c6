#!/usr/bin/env bash
# The install check CI runs (.ci/run): build the wheel and the sdist, then for each Python given
# (default: this venv's, plus 3.10 and 3.13 where the machine has them) install the wheel into a fresh
# venv outside the checkout and, from another folder, use the app as a user would: list the examples,
# export PNGs in English and Chinese (they must differ), run the generated NumPy script (it must print
# OK), take a screenshot, and run the core and command-line tests against the installed package; and
# install it with pipx. The Pythons and pipx run side by side, each with a log shown whole at the end.
# Usage: scripts/check_install.sh [PYTHON ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen PIP_DISABLE_PIP_VERSION_CHECK=1

pythons=("$@")
if [ "${#pythons[@]}" -eq 0 ]; then
  pythons=("$root/.venv/bin/python")
  for v in 3.10 3.13; do
    found=""
    if command -v pyenv >/dev/null 2>&1; then
      found="$(ls -d "$(pyenv root)"/versions/"$v".*/bin/python 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    [ -n "$found" ] || found="$(command -v "python$v" || true)"
    if [ -n "$found" ]; then pythons+=("$found"); else echo "check_install: no Python $v on this machine, skipped"; fi
  done
fi

echo "check_install: building the wheel and the sdist"
"$root/.venv/bin/python" -m build --outdir "$work/dist" "$root" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
wheel="$(ls "$work"/dist/*.whl)"
sdist="$(ls "$work"/dist/*.tar.gz)"
tar tzf "$sdist" >"$work/sdist.txt"   # (not piped into grep -q: with pipefail, tar's SIGPIPE would fail it)
grep -q "resources/examples/classroom.json" "$work/sdist.txt" || { echo "sdist lacks the examples"; exit 1; }

fail() { echo "check_install ($1): $2" >&2; exit 1; }

check_python() {  # $1: the Python; $2: its version. Everything it prints goes to the caller's log.
  local py="$1" ver="$2"
  local venv="$work/venv-$ver"
  echo "check_install: Python $ver: fresh venv, wheel install"
  "$py" -m venv "$venv"
  "$venv/bin/python" -m pip install -q "$wheel" "pytest>=8" "pytest-qt>=4.4" "hypothesis>=6.100" "pytest-timeout>=2.3" \
    2>&1 | { grep -v "^WARNING: Location" || true; }
  local user="$work/user-$ver"   # a folder that is not the checkout
  mkdir -p "$user"
  (
    cd "$user"
    cli="$venv/bin/conv1d-explorer"
    # Output is captured before it is searched: `| grep -q` would close the pipe early (SIGPIPE, and
    # pipefail would call that a failure).
    out="$("$cli" --version)"; grep -q "^conv1d-explorer " <<<"$out" || fail "$ver" "--version"
    out="$("$cli" examples)"; grep -q "^classroom " <<<"$out" || fail "$ver" "examples lists no classroom"
    "$cli" export --example classroom -o x.png >/dev/null || fail "$ver" "export"
    "$cli" export --example classroom -o x_zh.png --lang zh_CN >/dev/null || fail "$ver" "export --lang zh_CN"
    cmp -s x.png x_zh.png && fail "$ver" "the zh_CN export is the English one"
    out="$("$cli" code --example classroom --framework numpy | "$venv/bin/python" -)" || fail "$ver" "numpy code"
    grep -q "OK" <<<"$out" || fail "$ver" "the numpy script did not print OK"
    "$cli" --screenshot s.png --example classroom --size 1366x768 >/dev/null || fail "$ver" "--screenshot"
    "$venv/bin/python" - <<'PY' || fail "$ver" "resources"
from importlib.resources import files
import app, app.paths
res = files("app.resources")
for name in ("examples/classroom.json", "i18n/conv1d_explorer_zh_CN.qm", "i18n/conv1d_explorer_zh_TW.qm",
             "fonts/NotoSansCJKsc-Conv1D-Subset.otf", "fonts/OFL.txt"):
    assert (res / name).is_file(), name
assert "site-packages" in str(app.paths.RESOURCES), app.paths.RESOURCES
PY
    # The core and command-line tests against the installed package (a copy of the tests, not the checkout).
    cp -r "$root/tests" "$root/pyproject.toml" "$user/"
    # (--basetemp: the runs side by side keep their temporary files apart)
    if ! "$venv/bin/pytest" -q -p no:cacheprovider --basetemp="$user/pytest-tmp" tests/core tests/gui/test_cli.py tests/gui/test_cli_contract.py \
        tests/test_packaging.py >"$user/pytest.log" 2>&1; then
      tail -n 40 "$user/pytest.log"; fail "$ver" "tests against the wheel"
    fi
    tail -n 1 "$user/pytest.log"
  )
}

# pipx, as a user installs applications: from the checkout, into a pipx home of its own.
check_pipx() {
  echo "check_install: pipx install"
  "$root/.venv/bin/python" -m pip install -q "pipx>=1.4" 2>&1 | { grep -v "^WARNING: Location" || true; }
  (
    export PIPX_HOME="$work/pipx" PIPX_BIN_DIR="$work/pipx/bin" PIPX_MAN_DIR="$work/pipx/man"
    "$root/.venv/bin/python" -m pipx install --python "$root/.venv/bin/python" "$root" >"$work/pipx.log" 2>&1 \
      || { cat "$work/pipx.log"; fail pipx "install"; }
    cd "$work"
    out="$("$PIPX_BIN_DIR/conv1d-explorer" examples)"; grep -q "^classroom " <<<"$out" || fail pipx "examples"
    "$PIPX_BIN_DIR/conv1d-explorer" export --example odd-same -o p.png --lang zh_TW >/dev/null || fail pipx "export"
  )
}

# The Pythons and pipx are checked side by side (each in a venv and folder of its own: on 2 cores this
# takes about half the time of one after another), each into a log of its own; the logs are then shown
# in order, whole, so a failing check's output reads as it did when they ran one after another.
names=()
pids=()
for py in "${pythons[@]}"; do
  ver="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  check_python "$py" "$ver" >"$work/check-Python $ver.log" 2>&1 &
  pids+=("$!")
  names+=("Python $ver")
done
check_pipx >"$work/check-pipx.log" 2>&1 &
pids+=("$!")
names+=("pipx")
failed=()
for i in "${!pids[@]}"; do
  status=0
  wait "${pids[$i]}" || status=$?
  cat "$work/check-${names[$i]}.log"
  [ "$status" -eq 0 ] || failed+=("${names[$i]}")
done
[ "${#failed[@]}" -eq 0 ] || { (IFS=,; echo "check_install: failed: ${failed[*]}" >&2); exit 1; }
echo "check_install: all good (${#pythons[@]} Python(s))"
