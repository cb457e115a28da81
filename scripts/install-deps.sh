#!/usr/bin/env bash
# Installs the system packages phimask builds and tests with, if any are missing.
# Debian/Ubuntu only (apt-get); elsewhere it lists what to install and fails.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds hyperfine for benchmarks)
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config
          libicu-dev nlohmann-json3-dev libssl-dev libgtest-dev libbenchmark-dev python3)
if [[ "${1:-}" == "--bench" ]]; then
    packages+=(hyperfine)
fi

# The Hyperscan API: Vectorscan (BSD, x86_64 and arm64) preferred, Intel Hyperscan as fallback.
have_hs() { pkg-config --exists libhs 2>/dev/null; }

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
have_hs || missing+=(HYPERSCAN)

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if ! command -v apt-get >/dev/null; then
    echo "install-deps: apt-get not found; install these yourself: ${missing[*]} (HYPERSCAN = libvectorscan-dev or libhyperscan-dev)" >&2
    exit 1
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
apt_list=()
for p in "${missing[@]}"; do [[ $p != HYPERSCAN ]] && apt_list+=("$p"); done
if [[ ${#apt_list[@]} -gt 0 ]]; then
    $sudo apt-get install -y -qq --no-install-recommends "${apt_list[@]}" >/dev/null
fi
if ! have_hs; then
    $sudo apt-get install -y -qq --no-install-recommends libvectorscan-dev >/dev/null 2>&1 ||
        $sudo apt-get install -y -qq --no-install-recommends libhyperscan-dev >/dev/null
fi
