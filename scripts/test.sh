#!/usr/bin/env bash
# Runs every test: the C++ unit tests and the CLI tests under CTest, first in a
# Release build, then in an AddressSanitizer + UndefinedBehaviorSanitizer build.
# Installs missing system packages first. --no-sanitize skips the second build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

PHIMASK_BUILD_DIR="$root/build" "$root/scripts/build.sh" -DPHIMASK_BUILD_TESTS=ON -DPHIMASK_WARNINGS_AS_ERRORS=ON
ctest --test-dir "$root/build" --output-on-failure --parallel "$jobs"

if [[ "${1:-}" != "--no-sanitize" ]]; then
    PHIMASK_BUILD_DIR="$root/build-sanitize" "$root/scripts/build.sh" -DPHIMASK_BUILD_TESTS=ON \
        -DPHIMASK_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir "$root/build-sanitize" --output-on-failure --parallel "$jobs"
fi
