#!/usr/bin/env bash
# The comparison with other tools, from a clean clone, in one command:
#
#   bench/compare/run.sh [--budget SECONDS] [--no-results]
#
# Installs the peers from their registries into build/compare/ only (a
# virtualenv and a node_modules there; never the project's own environments),
# installs phimask into the same virtualenv from this checkout, generates the
# benchmark corpora if missing (bench/gen_corpus.py, seed 42), then runs
# bench/compare/compare.py: speed on bench/data, accuracy on ../shared/corpus/dev
# scored by ../shared/eval/score.py. Adds a dated section to bench/RESULTS.md and
# writes bench/compare/compare.png. Takes several minutes (--budget: seconds of
# work per throughput run, default 10).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$root/build/compare
budget=10
results=(--results "$root/bench/RESULTS.md")
invocation=$(echo "bench/compare/run.sh $*" | sed 's/ *$//')
while [[ $# -gt 0 ]]; do
    case $1 in
    --budget) budget=$2; shift ;;
    --no-results) results=() ;;
    -h | --help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
log() { printf '\n== %s\n' "$*" >&2; }

mkdir -p "$out"
log "Python peers into $out/venv"
[[ -x $out/venv/bin/python ]] || python3 -m venv "$out/venv"
"$out/venv/bin/pip" install --quiet --upgrade pip
"$out/venv/bin/pip" install --quiet -r "$root/bench/compare/requirements.txt"
log "phimask into the same virtualenv (built from this checkout)"
CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) "$out/venv/bin/pip" install --quiet --config-settings=build-dir="$out/wheel" "$root"
log "redact-pii into $out/node"
npm install --silent --no-save --prefix "$out/node" redact-pii@3.4.0 >/dev/null

data=$root/bench/data
if [[ ! -f $data/clinical.txt || ! -f $data/logs.jsonl ]]; then
    log "generating the benchmark corpora into $data"
    python3 "$root/bench/gen_corpus.py" --seed 42 --out-dir "$data" >/dev/null
fi

log "compare.py"
"$out/venv/bin/python" "$root/bench/compare/compare.py" --data "$data" --node-modules "$out/node/node_modules" \
    --out "$out" --budget "$budget" --command "$invocation" "${results[@]}"
