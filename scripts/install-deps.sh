#!/usr/bin/env bash
# Installs the system packages phimask builds and tests with, if any are missing.
# Debian/Ubuntu only (apt-get); elsewhere it lists what to install and fails.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds hyperfine for benchmarks)
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config
          libicu-dev nlohmann-json3-dev libssl-dev libgtest-dev libbenchmark-dev
          python3 python3-dev python3-venv)
if [[ "${1:-}" == "--bench" ]]; then
    packages+=(hyperfine)
fi

# The Hyperscan API (found through pkg-config libhs). On x86_64, Intel Hyperscan 5.4.0
# (BSD; Debian's libhyperscan-dev): Debian's Vectorscan 5.4.9 misses matches depending
# on buffer alignment on AVX-512 CPUs (tests/cpp/matcher_library_test.cpp).
# Elsewhere (arm64, where Intel's does not run), Vectorscan.
case "$(dpkg --print-architecture 2>/dev/null || uname -m)" in
    amd64|x86_64) hs_package=libhyperscan-dev hs_other=(libvectorscan-dev- libvectorscan5-) ;;
    *) hs_package=libvectorscan-dev hs_other=() ;;
esac
packages+=("$hs_package")

# Node.js and npm for the Node package, only when there is no node at all: a
# newer Node installed another way is kept. Debian 12's nodejs is Node 18, which
# works: the addon uses Node-API version 8 only (NAPI_VERSION=8).
if ! command -v node >/dev/null; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if ! command -v apt-get >/dev/null; then
    echo "install-deps: apt-get not found; install these yourself: ${missing[*]}" >&2
    exit 1
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
# The two Hyperscan-API packages conflict; "name-" asks apt to remove the other one.
removals=()
if [[ " ${missing[*]} " == *" $hs_package "* ]]; then
    for p in "${hs_other[@]}"; do
        dpkg-query -W -f='${Status}' "${p%-}" 2>/dev/null | grep -q "install ok installed" && removals+=("$p")
    done
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" "${removals[@]}" >/dev/null
