#!/usr/bin/env bash
# One command for the whole benchmark: configure and build Release with benchmarks,
# generate the corpora if missing, run engine_bench, measure the CLI (throughput
# and cold start), and add a dated section to bench/RESULTS.md.
#
#   bench/run.sh [--quick] [--reps N] [--wait-quiet MIN] [--detectors] [--stream] [--no-build] [--no-results]
#
#   --quick       3 repetitions, first 10 MB of each corpus, fewer hyperfine runs
#   --reps N      timed repetitions per engine_bench configuration (default 5)
#   --wait-quiet MIN  before timing, wait up to MIN minutes for other processes
#                 to leave the CPUs idle (< 10% busy over 5 s)
#   --detectors   also run detector_bench (per-detector cost, about a minute)
#   --stream      instead of the above, run stream_bench: streaming (16-byte and
#                 4 KB chunks) against block mode, and vault restore throughput
#   --no-build    use the existing build (PHIMASK_BENCH_BUILD) as is
#   --no-results  print the report, leave bench/RESULTS.md alone
#
# Environment: PHIMASK_BENCH_BUILD (build folder, default build-bench/),
# PHIMASK_BENCH_DATA (corpus folder, default bench/data/), PHIMASK_BENCH_SEED (42),
# PHIMASK_BENCH_POLICY (a policy file for everything; default: the default policy),
# CMAKE_GENERATOR (Ninja when available).
set -euo pipefail

# The whole script is one function, read before it runs: editing this file
# while a run is under way cannot change what that run does.
main() {
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PHIMASK_BENCH_BUILD:-$root/build-bench}
data=${PHIMASK_BENCH_DATA:-$root/bench/data}
seed=${PHIMASK_BENCH_SEED:-42}
policy=${PHIMASK_BENCH_POLICY:-}
reps=5
limit_mb=0
cli_reps=3
hf_runs=40
wait_quiet=0
detectors=0
stream=0
do_build=1
write_results=1
invocation="bench/run.sh $*"

while [[ $# -gt 0 ]]; do
    case $1 in
    --quick) reps=3; limit_mb=10; cli_reps=1; hf_runs=15 ;;
    --reps) reps=$2; shift ;;
    --wait-quiet) wait_quiet=$2; shift ;;
    --detectors) detectors=1 ;;
    --stream) stream=1 ;;
    --no-build) do_build=0 ;;
    --no-results) write_results=0 ;;
    -h | --help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '\n== %s\n' "$*" >&2; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'; }
rel() { local s="$*"; echo "${s//$root\//}"; }  # paths relative to the repository, for the report

# 1. Build.
if [[ $do_build -eq 1 ]]; then
    log "configure + build (Release, benchmarks on) in $build"
    generator=()
    if [[ ! -f $build/CMakeCache.txt && -z ${CMAKE_GENERATOR:-} ]] && command -v ninja >/dev/null; then
        generator=(-G Ninja)
    fi
    cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DPHIMASK_BUILD_BENCH=ON \
        -DPHIMASK_BUILD_CLI=ON -DPHIMASK_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" --target engine_bench detector_bench micro_bench stream_bench phimask_cli -j "$(nproc)"
fi
phimask=$build/phimask
engine_bench=$build/bench/engine_bench
for exe in "$phimask" "$engine_bench"; do
    [[ -x $exe ]] || { echo "run.sh: $exe is missing (build failed?)" >&2; exit 1; }
done

# 2. Corpora: (re)generate unless truth.json says they are from this generator and seed.
corpus_ok() {
    python3 - "$data/truth.json" "$seed" <<'EOF'
import json, sys
try:
    t = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    sys.exit(1)
ok = (t.get("generator") == "bench/gen_corpus.py" and t.get("seed") == int(sys.argv[2])
      and t.get("clinical_mb") == 50.0 and t.get("log_mb") == 50.0)
sys.exit(0 if ok else 1)
EOF
}
for f in clinical.txt logs.jsonl in1k.txt; do
    [[ -f $data/$f ]] || rm -f "$data/truth.json"
done
if ! corpus_ok; then
    log "generating corpora (seed $seed) into $data"
    start=$(date +%s.%N)
    python3 "$root/bench/gen_corpus.py" --seed "$seed" --out-dir "$data" >/dev/null
    echo "generated in $(elapsed "$start") s" >&2
fi

# Share of the machine's CPU time that was busy over 5 seconds.
busy_share() {
    local a b
    a=$(head -1 /proc/stat)
    sleep 5
    b=$(head -1 /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN {
        n = split(a, x); split(b, y); idle = (y[5] + y[6]) - (x[5] + x[6]); total = 0
        for (i = 2; i <= n; i++) total += y[i] - x[i]
        printf "%.2f", (total > 0 ? 1 - idle / total : 0) }'
}
if [[ $wait_quiet != 0 ]]; then
    deadline=$(($(date +%s) + wait_quiet * 60))
    while :; do
        share=$(busy_share)
        awk -v s="$share" 'BEGIN { exit !(s < 0.10) }' && break
        if (($(date +%s) >= deadline)); then
            echo "run.sh: the machine is still busy (${share} of CPU time); measuring anyway" >&2
            break
        fi
        echo "run.sh: waiting for a quiet machine (busy: $share)" >&2
    done
fi

out=$build/bench-results
mkdir -p "$out"

if [[ $stream -eq 1 ]]; then
    log "stream_bench"
    "$build/bench/stream_bench" --clinical "$data/clinical.txt" --limit-mb "$limit_mb" --reps "$reps" \
        --command "$invocation" >"$out/stream.md"
    if [[ $write_results -eq 1 ]]; then
        python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import report; report.update_results(sys.argv[2], open(sys.argv[3]).read())' \
            "$root/bench" "$root/bench/RESULTS.md" "$out/stream.md"
    fi
    cat "$out/stream.md"
    return 0
fi
policy_args=()
[[ -n $policy ]] && policy_args=(--policy "$policy")

# 3. The engine benchmark (validates, then times).
log "engine_bench"
"$engine_bench" --data-dir "$data" --reps "$reps" --limit-mb "$limit_mb" --json "$out/engine.json" \
    "${policy_args[@]}" >/dev/null

# 4. CLI throughput: wall clock of whole commands (policy compile and I/O included).
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
wall() {  # wall <stdin-file> <stdout-file> command...: seconds
    local in=$1 outf=$2 t0
    shift 2
    t0=$(date +%s.%N)
    "$@" <"$in" >"$outf"
    elapsed "$t0"
}
cli_throughput() {  # cli_throughput <name> <input> <output> command...
    local name=$1 in=$2 outf=$3 times=() bytes
    shift 3
    bytes=$(stat -c %s "$in")
    # Validate first: success, and the output differs from the input.
    "$@" <"$in" >"$outf" || { echo "run.sh: '$*' failed (exit $?)" >&2; exit 1; }
    if cmp -s "$in" "$outf"; then echo "run.sh: '$*' changed nothing" >&2; exit 1; fi
    for ((i = 0; i < cli_reps; i++)); do times+=("$(wall "$in" "$outf" "$@")"); done
    local s
    s=$(printf '%s\n' "${times[@]}" | median)
    printf '{"name": "%s", "command": "%s < %s", "bytes": %s, "reps": %s, "seconds": %s, "mb_per_s": %s}\n' \
        "$name" "$(rel "$*")" "$(rel "$in")" "$bytes" "$cli_reps" "$s" \
        "$(awk -v b="$bytes" -v s="$s" 'BEGIN { printf "%.2f", b / 1e6 / s }')"
}
limited() {  # the first $limit_mb MB of a corpus (whole lines / notes), for --quick
    local src=$1 dst=$out/$(basename "$1")
    if [[ $limit_mb == 0 ]]; then echo "$src"; return; fi
    head -c "$((limit_mb * 1000000))" "$src" | sed '$d' >"$dst"
    echo "$dst"
}
log "CLI throughput"
# A compiled engine, as a deployment would use; compile time is reported on its own.
engine_file=$out/engine.bin
"$phimask" compile "${policy_args[@]}" -o "$engine_file"
clinical_in=$(limited "$data/clinical.txt")
logs_in=$(limited "$data/logs.jsonl")
{
    cli_throughput clinical_text "$clinical_in" "$out/clinical.redacted.txt" \
        "$phimask" redact --engine "$engine_file"
    cli_throughput logs_jsonl "$logs_in" "$out/logs.redacted.jsonl" "$phimask" redact --jsonl --engine "$engine_file"
    cli_throughput logs_jsonl_threads "$logs_in" "$out/logs.redacted.jsonl" \
        "$phimask" redact --jsonl --threads "$(nproc)" --engine "$engine_file"
} >"$out/cli.jsonl"
python3 - "$logs_in" "$out/logs.redacted.jsonl" <<'EOF'
import json, sys
n = 0
with open(sys.argv[1], "rb") as a, open(sys.argv[2], "rb") as b:
    for n, (x, y) in enumerate(zip(a, b), 1):
        json.loads(y)
    if a.read(1) or b.read(1):
        sys.exit("run.sh: --jsonl output has a different number of lines")
print(f"validated --jsonl output: {n} lines, all valid JSON", file=sys.stderr)
EOF

# 5. CLI cold start on 1 KB with a serialized engine.
log "CLI cold start"
in1k=$data/in1k.txt
"$phimask" redact --engine "$engine_file" "$in1k" >"$out/in1k.redacted.txt"
if cmp -s "$in1k" "$out/in1k.redacted.txt"; then echo "run.sh: nothing redacted in in1k.txt" >&2; exit 1; fi
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$hf_runs" --export-json "$out/coldstart.json" \
        "$phimask redact --engine $engine_file $in1k" \
        "$phimask redact ${policy_args[*]} $in1k" >&2
else
    # Fallback: a loop of /usr/bin/time, in the same JSON shape as hyperfine's.
    python3 - "$out/coldstart.json" "$hf_runs" "$phimask" "$engine_file" "$in1k" "${policy_args[@]}" <<'EOF'
import json, statistics, subprocess, sys, time
out, runs, exe, engine, path, *policy = sys.argv[1:]
results = []
for cmd in ([exe, "redact", "--engine", engine, path], [exe, "redact", *policy, path]):
    times = []
    for i in range(int(runs) + 3):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        if i >= 3:
            times.append(time.perf_counter() - t0)
    results.append({"command": " ".join(cmd), "mean": statistics.mean(times),
                    "median": statistics.median(times), "min": min(times),
                    "max": max(times), "times": times})
json.dump({"results": results}, open(out, "w"), indent=2)
EOF
fi

# 6. Optional: what each detector costs.
report_args=()
if [[ $detectors -eq 1 ]]; then
    log "detector_bench"
    "$build/bench/detector_bench" --data-dir "$data" --limit-mb "$([[ $limit_mb == 0 ]] && echo 10 || echo 2)" \
        --json "$out/detectors.json" ${policy:+--policy "$policy"} >/dev/null
    report_args+=(--detectors "$out/detectors.json")
fi

# 7. Report.
log "report"
report_args+=(--engine "$out/engine.json" --cli "$out/cli.jsonl" --coldstart "$out/coldstart.json"
              --truth "$data/truth.json" --command "$invocation" --engine-file "$engine_file")
[[ $limit_mb != 0 ]] && report_args+=(--note "quick run: first $limit_mb MB of each corpus, $reps reps")
if [[ $write_results -eq 1 ]]; then
    python3 "$root/bench/report.py" "${report_args[@]}" --results "$root/bench/RESULTS.md"
else
    python3 "$root/bench/report.py" "${report_args[@]}"
fi
}

main "$@"
