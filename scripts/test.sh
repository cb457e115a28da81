#!/usr/bin/env bash
# Runs every test: the C++ unit tests and the CLI tests under CTest in a Release
# build; the Python package, built by pip into a virtualenv under build/ and
# tested with pytest; the Node package, built by npm (cmake-js, into build/node)
# and tested with node --test; then the C++ tests again in an AddressSanitizer +
# UndefinedBehaviorSanitizer build. Installs missing system packages first.
# --no-sanitize skips the sanitizer build; --no-python skips the Python package;
# --no-node skips the Node package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
sanitize=1 python=1 node=1
for arg in "$@"; do
    case "$arg" in
        --no-sanitize) sanitize=0 ;;
        --no-python) python=0 ;;
        --no-node) node=0 ;;
        *) echo "usage: scripts/test.sh [--no-sanitize] [--no-python] [--no-node]" >&2; exit 2 ;;
    esac
done

PHIMASK_BUILD_DIR="$root/build" "$root/scripts/build.sh" -DPHIMASK_BUILD_TESTS=ON -DPHIMASK_WARNINGS_AS_ERRORS=ON
ctest --test-dir "$root/build" --output-on-failure --parallel "$jobs"

if [[ $python == 1 ]]; then
    # Never the system Python: a virtualenv of its own, and pip builds the wheel
    # from pyproject.toml exactly as `pip install .` does for users (its CMake
    # tree is kept in build/python-wheel so reruns are incremental).
    venv="$root/build/python-venv"
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
    CMAKE_BUILD_PARALLEL_LEVEL="$jobs" "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        --config-settings=build-dir="$root/build/python-wheel" \
        --config-settings=cmake.define.PHIMASK_WARNINGS_AS_ERRORS=ON \
        "$root[test]"
    (cd "$root/build" && "$venv/bin/python" -m pytest -p no:cacheprovider -q "$root/tests/python")
fi

if [[ $node == 1 ]]; then
    # npm installs from package.json exactly as users do: its install script
    # builds the addon with cmake-js into build/node (kept, so reruns are
    # incremental). cmake-js passes npm's cmake_* settings (here from the
    # environment) to CMake as -D definitions.
    install=install
    [[ -f "$root/package-lock.json" ]] && install=ci
    (cd "$root" && npm_cmake_PHIMASK_WARNINGS_AS_ERRORS=ON CMAKE_BUILD_PARALLEL_LEVEL="$jobs" \
        npm "$install" --no-audit --no-fund --loglevel=error)
    (cd "$root" && npm test)
fi

if [[ $sanitize == 1 ]]; then
    PHIMASK_BUILD_DIR="$root/build-sanitize" "$root/scripts/build.sh" -DPHIMASK_BUILD_TESTS=ON \
        -DPHIMASK_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir "$root/build-sanitize" --output-on-failure --parallel "$jobs"
fi
