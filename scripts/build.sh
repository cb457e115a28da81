#!/usr/bin/env bash
# Configures and builds phimask into build/ (or $PHIMASK_BUILD_DIR), installing
# missing system packages first. Extra arguments go to CMake.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PHIMASK_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ -f "$build/CMakeCache.txt" ]]; then generator=(); fi
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)"
