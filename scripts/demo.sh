#!/usr/bin/env bash
# Builds phimask and redacts the sample clinical note with the default policy.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" -DPHIMASK_BUILD_TESTS=OFF >/dev/null
echo "== examples/clinical_note.txt, redacted with the default policy =="
"$root/build/phimask" redact "$root/examples/clinical_note.txt"
