#!/usr/bin/env python3
"""Python binding benchmark: per-call latency, redact_many throughput against C++, import + ready time.

Measures the installed ``phimask`` package (``pip install .`` first) with its
default engine, on the synthetic clinical corpus of ``bench/gen_corpus.py``:

1. per-call latency of ``phimask.redact`` and ``Engine.redact`` on prompts of
   about 200 B, 2 KB and 20 KB cut from the first notes (p50, p90, p99 over
   many calls after a warm-up);
2. throughput of ``Engine.redact_many`` on the notes (split on ``"\\n\\f\\n"``
   as ``engine_bench`` splits them), with 1 thread and with one per CPU,
   against ``engine_bench`` run on the same notes in the same run;
3. ``import phimask`` + ``phimask.default_engine()`` in fresh interpreters.

Every result is validated before timing (see bench/python/README.md). Prints a
table; ``--results bench/RESULTS.md`` also inserts a dated section at the top
of that file. Python 3 standard library only (besides phimask).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import math
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import phimask
import report  # type: ignore[import-not-found]  # bench/report.py: RESULTS.md conventions

TARGET_P50_2K_US = 25.0
TARGET_MANY_RATIO = 0.85
TARGET_READY_MS = 50.0
PROMPT_HEAD = "Summarize this note for the care team in three bullet points:\n\n"
SIZES = (("200 B", 200, 20000), ("2 KB", 2000, 10000), ("20 KB", 20000, 2000))
READY_CODE = """\
import time
t0 = time.perf_counter()
import phimask
t1 = time.perf_counter()
phimask.default_engine()
t2 = time.perf_counter()
phimask.redact("SSN 219-45-8832")
t3 = time.perf_counter()
print((t1 - t0) * 1e3, (t2 - t0) * 1e3, (t3 - t2) * 1e3)
"""


class BenchError(Exception):
    """A validation failure: the benchmark prints it and no figure."""


def load_notes(path: Path, limit_bytes: int) -> list[bytes]:
    """The notes of ``path`` exactly as engine_bench's load_corpus cuts them."""
    data = path.read_bytes()
    sep = b"\n\f\n"
    notes: list[bytes] = []
    total = pos = 0
    while pos < len(data):
        end = data.find(sep, pos)
        if end < 0:
            end = len(data)
        doc = data[pos:end]
        if end == len(data) and doc.endswith(b"\n"):
            doc = doc[:-1]
        if doc:
            notes.append(doc)
            total += len(doc)
        pos = end + len(sep)
        if limit_bytes and total >= limit_bytes:
            break
    if not notes:
        raise BenchError(f"{path} holds no notes")
    return notes


def make_prompt(notes: Sequence[str], size: int) -> str:
    """A prompt of at most ``size`` UTF-8 bytes: an instruction and whole words of the first notes."""
    text = PROMPT_HEAD
    for note in notes:
        text += note + "\n\n"
        if len(text.encode()) > size:
            break
    cut = text.encode()[:size].decode("utf-8", "ignore")
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return cut[:space] if space > len(PROMPT_HEAD) else cut


def check_result(text: str, result: Any, what: str) -> None:
    """The invariant: the output is the input with each span replaced by its {TYPE} placeholder."""
    pieces, at = [], 0
    for s in result.spans:
        if s.start < at or s.end <= s.start or s.end > len(text):
            raise BenchError(f"{what}: malformed span {s.start}..{s.end}")
        pieces.append(text[at : s.start])
        pieces.append("{" + s.type + "}")
        at = s.end
    pieces.append(text[at:])
    if "".join(pieces) != result.text:
        raise BenchError(f"{what}: output is not the input with spans replaced by placeholders")


def percentile(sorted_values: Sequence[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs from /proc/stat; (0, 0) where there is none."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


class LoadMeter:
    """CPUs' worth of time other processes use from its creation to :meth:`stop` (engine_bench's 'other load')."""

    def __init__(self) -> None:
        self.ticks = cpu_ticks()
        self.own = os.times()
        self.wall = time.perf_counter()

    def stop(self) -> float:
        """Other processes' CPUs over the interval; NaN when it was too short for /proc/stat's ticks."""
        wall = time.perf_counter() - self.wall
        busy = cpu_ticks()[0] - self.ticks[0]
        own_now = os.times()
        own = (own_now.user - self.own.user) + (own_now.system - self.own.system)
        hz = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        return max(0.0, (busy / hz - own) / wall) if wall > 0 and busy else float("nan")


def wait_quiet(minutes: float) -> float:
    """Waits up to ``minutes`` for the machine's CPUs to be under 10% busy (5 s samples); returns the last share."""
    deadline = time.monotonic() + minutes * 60
    while True:
        a = cpu_ticks()
        time.sleep(5)
        b = cpu_ticks()
        share = (b[0] - a[0]) / (b[1] - a[1]) if b[1] > a[1] else 0.0
        if share < 0.10 or time.monotonic() >= deadline:
            if share >= 0.10:
                print(
                    f"bench.py: the machine is still busy ({share:.2f} of CPU time); measuring anyway", file=sys.stderr
                )
            return share
        print(f"bench.py: waiting for a quiet machine (busy: {share:.2f})", file=sys.stderr)


def time_calls(call: Callable[[str], Any], text: str, iterations: int) -> dict[str, Any]:
    warmup = max(100, iterations // 10)
    for _ in range(warmup):
        call(text)
    clock = time.perf_counter_ns
    samples = []
    meter = LoadMeter()
    for _ in range(iterations):
        t0 = clock()
        call(text)
        samples.append(clock() - t0)
    other_load = meter.stop()
    samples.sort()
    us = [s / 1e3 for s in samples]
    return {
        "iterations": iterations,
        "warmup": warmup,
        "p50_us": percentile(us, 0.50),
        "p90_us": percentile(us, 0.90),
        "p99_us": percentile(us, 0.99),
        "mean_us": statistics.fmean(us),
        "min_us": us[0],
        "other_load": other_load,
    }


def latency(engine: phimask.Engine, notes: list[str], scale: float) -> list[dict[str, Any]]:
    rows = []
    for label, size, iterations in SIZES:
        prompt = make_prompt(notes, size)
        result = engine.redact(prompt)
        check_result(prompt, result, f"{label} prompt")
        if not result.spans:
            raise BenchError(f"{label} prompt: nothing found (the prompt should hold PHI)")
        if phimask.redact(prompt).text != result.text:
            raise BenchError(f"{label} prompt: phimask.redact and Engine.redact differ")
        n = max(200, int(iterations * scale))
        for api, call in (("Engine.redact", engine.redact), ("phimask.redact", phimask.redact)):
            row = {
                "api": api,
                "input": label,
                "bytes": len(prompt.encode()),
                "chars": len(prompt),
                "spans": len(result.spans),
                **time_calls(call, prompt, n),
            }
            rows.append(row)
            print(f"  {api:15} {label:>6}: p50 {row['p50_us']:8.1f} us  p99 {row['p99_us']:8.1f} us", file=sys.stderr)
    rows.append(
        {
            "api": "Engine.redact",
            "input": "empty",
            "bytes": 0,
            "chars": 0,
            "spans": 0,
            **time_calls(engine.redact, "", max(1000, int(20000 * scale))),
        }
    )
    return rows


def throughput(engine: phimask.Engine, notes: list[str], nbytes: int, reps: int) -> list[dict[str, Any]]:
    # Validation: a sample against Engine.redact one by one, then every pass must agree.
    baseline = engine.redact_many(notes, threads=1)
    if len(baseline) != len(notes):
        raise BenchError("redact_many returned a different number of results")
    for i in range(0, len(notes), max(1, len(notes) // 300)):
        one = engine.redact(notes[i])
        if one.text != baseline[i].text or one.spans != baseline[i].spans:
            raise BenchError(f"note {i}: redact_many and Engine.redact differ")
        check_result(notes[i], baseline[i], f"note {i}")
    spans = sum(len(r.spans) for r in baseline)
    out_chars = sum(len(r.text) for r in baseline)
    changed = sum(r.text != n for r, n in zip(baseline, notes))
    del baseline
    rows = []
    for threads in (1, os.cpu_count() or 1):
        engine.redact_many(notes, threads=threads)  # warm-up pass
        seconds, loads = [], []
        for _ in range(reps):
            gc.collect()
            meter = LoadMeter()
            t0 = time.perf_counter()
            results = engine.redact_many(notes, threads=threads)
            seconds.append(time.perf_counter() - t0)
            loads.append(meter.stop())
            if sum(len(r.spans) for r in results) != spans or sum(len(r.text) for r in results) != out_chars:
                raise BenchError(f"redact_many threads={threads}: a timed pass gave other results")
            del results
        med = statistics.median(seconds)
        rows.append(
            {
                "api": "Engine.redact_many (str)",
                "threads": threads,
                "reps": reps,
                "docs": len(notes),
                "bytes": nbytes,
                "spans": spans,
                "docs_changed": changed,
                "seconds": med,
                "mb_per_s": nbytes / 1e6 / med,
                "mb_per_s_best": nbytes / 1e6 / min(seconds),
                "mb_per_s_worst": nbytes / 1e6 / max(seconds),
                "other_load": max(loads),
            }
        )
        print(f"  redact_many threads={threads}: {rows[-1]['mb_per_s']:.1f} MB/s", file=sys.stderr)
    return rows


def run_engine_bench(exe: Path, clinical: Path, limit_mb: float, reps: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "engine.json"
        cmd = [
            str(exe),
            "--logs",
            "none",
            "--only",
            "clinical/leftmost",
            "--reps",
            str(reps),
            "--threads",
            str(os.cpu_count() or 1),
            "--json",
            str(out),
            str(clinical),
        ]
        if limit_mb:
            cmd[1:1] = ["--limit-mb", f"{limit_mb:g}"]
        env = {k: v for k, v in os.environ.items() if k != "PHIMASK_BENCH_POLICY"}
        env.setdefault("PHIMASK_MODELS_PATH", str(ROOT / "models"))
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, check=False)
        if proc.returncode != 0:
            raise BenchError(f"{exe.name} failed (exit {proc.returncode}): {proc.stderr.strip()[-400:]}")
        summary: dict[str, Any] = json.loads(out.read_text())
    summary["command"] = " ".join(
        shlex.quote(os.path.relpath(c, ROOT) if c.startswith(str(ROOT)) else c)
        for c in cmd
        if not c.startswith(tempfile.gettempdir())
    )
    return summary


def cxx_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for r in summary.get("runs", []):
        if r["corpus"] == "clinical" and r["start_of_match"] == summary.get("default_start_of_match", "leftmost"):
            api = "C++ Engine::redact" if r["api"] == "engine" else "C++ Scanner::redact"
            rows.append(
                {
                    "api": api,
                    "threads": r["threads"],
                    "reps": r["reps"],
                    "docs": r["docs"],
                    "bytes": r["bytes"],
                    "seconds": r["seconds"]["median"],
                    "mb_per_s": r["mb_per_s"],
                    "mb_per_s_best": r["mb_per_s_best"],
                    "mb_per_s_worst": r["mb_per_s_worst"],
                    "other_load": r.get("background_cpus", float("nan")),
                }
            )
    return rows


def ready_times(runs: int) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "PHIMASK_MODELS_PATH"}
    imports, ready, first, wall, bare = [], [], [], [], []
    for i in range(runs + 2):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", READY_CODE], capture_output=True, text=True, env=env, check=False)
        t1 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        t2 = time.perf_counter()
        if out.returncode != 0 or out.stderr.strip():
            raise BenchError(f"import phimask in a fresh interpreter failed or warned: {out.stderr.strip()[-400:]}")
        if i < 2:  # page-cache warm-up
            continue
        a, b, c = (float(x) for x in out.stdout.split())
        imports.append(a)
        ready.append(b)
        first.append(c)
        wall.append((t1 - t0) * 1e3)
        bare.append((t2 - t1) * 1e3)

    def stats(values: list[float]) -> dict[str, float]:
        return {"median": statistics.median(values), "min": min(values), "max": max(values)}

    return {
        "runs": runs,
        "import_ms": stats(imports),
        "ready_ms": stats(ready),
        "first_redact_ms": stats(first),
        "process_ms": stats(wall),
        "bare_python_ms": stats(bare),
    }


def python_name() -> str:
    """The interpreter that ran the benchmark, relative to the repository when it lives there (a virtualenv)."""
    exe = os.path.abspath(sys.executable)
    return os.path.relpath(exe, ROOT) if exe.startswith(str(ROOT) + os.sep) else "python3"


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "phimask": phimask.__version__,
        "hyperscan": phimask._phimask.hyperscan_version().strip(),
    }


def load_text(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}"  # NaN: too short to measure


def status(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def find(rows: list[dict[str, Any]], api: str, **match: Any) -> dict[str, Any] | None:
    return next((r for r in rows if r["api"] == api and all(r.get(k) == v for k, v in match.items())), None)


def render(fig: dict[str, Any]) -> str:
    m, lat, thr, cxx, rdy = fig["machine"], fig["latency"], fig["throughput"], fig["cxx"], fig["ready"]
    nproc = int(m["nproc"])
    out = [
        f"## {fig['date'][:10]} {fig['date'][11:16]} UTC: Python binding, {m['cpu']}, {nproc} CPUs\n",
        f"- Date: {fig['date']}",
        (
            f'- Machine: nproc {nproc}, CPU "{m["cpu"]}" (/proc/cpuinfo), {m["os"]}, Python {m["python"]}, '
            f"phimask {m['phimask']} (installed package), Hyperscan API {m['hyperscan']}"
        ),
        f"- Command: `{fig['command']}`",
        f"- Corpus: {fig['corpus']}",
        (
            f"- Policy: the default policy from the packaged engine file (version {fig['policy_version']}); "
            "`engine_bench` compiles the same packs from `models/`"
        ),
        f"- C++ figures: {fig['cxx_source']}",
        "",
    ]
    two_k = find(lat, "Engine.redact", input="2 KB")
    rows = []
    if two_k:
        rows.append(
            (
                "`Engine.redact`, 2 KB prompt, p50",
                f"≤ {TARGET_P50_2K_US:g} µs",
                f"{two_k['p50_us']:.1f} µs",
                status(two_k["p50_us"] <= TARGET_P50_2K_US),
            )
        )
    for threads, cxx_api in ((1, "C++ Engine::redact"), (nproc, "C++ Scanner::redact")):
        py, c = find(thr, "Engine.redact_many (str)", threads=threads), find(cxx, cxx_api, threads=threads)
        if py and c:
            ratio = py["mb_per_s"] / c["mb_per_s"]
            plural = "s" if threads > 1 else ""
            rows.append(
                (
                    (
                        f"`redact_many`, clinical, {threads} thread{plural} / C++ `{cxx_api[4:]}`, "
                        f"{threads} thread{plural}"
                    ),
                    f"≥ {TARGET_MANY_RATIO:.0%}",
                    f"{ratio:.0%} ({py['mb_per_s']:.1f} vs {c['mb_per_s']:.1f} MB/s)",
                    status(ratio >= TARGET_MANY_RATIO),
                )
            )
    rows.append(
        (
            "`import phimask` + default engine ready, fresh interpreter (median)",
            f"≤ {TARGET_READY_MS:g} ms",
            f"{rdy['ready_ms']['median']:.1f} ms",
            status(rdy["ready_ms"]["median"] <= TARGET_READY_MS),
        )
    )
    out += ["### Targets\n", "| figure | target | measured | |", "| --- | --- | --- | --- |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    out += [
        "",
        "### Per-call latency\n",
        (
            "Each call timed alone (`time.perf_counter_ns`) after a warm-up of a tenth as many calls; the prompts "
            "are an instruction followed by whole words of the first notes, so they hold names, dates, IDs. "
            "The *empty* row is the fixed cost of a call (argument conversion, result objects).\n"
        ),
        "| call | prompt | bytes | spans | calls | p50 µs | p90 µs | p99 µs | mean µs | MB/s at p50 | other load |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in lat:
        mbps = f"{r['bytes'] / r['p50_us']:.1f}" if r["bytes"] else "-"
        out.append(
            f"| `{r['api']}` | {r['input']} | {r['bytes']:,} | {r['spans']} | {r['iterations']:,} | "
            f"{r['p50_us']:.1f} | {r['p90_us']:.1f} | {r['p99_us']:.1f} | {r['mean_us']:.1f} | "
            f"{mbps} | {load_text(r['other_load'])} |"
        )
    out += [
        "",
        "### `redact_many` throughput vs C++\n",
        (
            "MB = 10^6 bytes of note text (UTF-8), wall clock; median of the passes after one warm-up pass. "
            "Python passes a list of `str` and gets `Result` objects (text and spans converted to Python); "
            "C++ rows are `engine_bench` on the same notes.\n"
        ),
        "| API | threads | notes | MB | median MB/s | best | worst | median s | other load |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in thr + cxx:
        out.append(
            f"| {r['api']} | {r['threads']} | {r['docs']:,} | {r['bytes'] / 1e6:.1f} | {r['mb_per_s']:.1f} | "
            f"{r['mb_per_s_best']:.1f} | {r['mb_per_s_worst']:.1f} | {r['seconds']:.3f} | "
            f"{load_text(r['other_load'])} |"
        )
    loads = [r["other_load"] for r in lat + thr + cxx if not math.isnan(r["other_load"])]
    out.append(
        "\n*Other load*: CPUs' worth of time other processes used while the figure was timed "
        "(/proc/stat minus this process)."
    )
    if loads and max(loads) > 0.2:
        out.append(
            f"**Warning: the machine was not quiet (up to {max(loads):.2f} CPUs used by other processes); "
            "figures are lower and noisier than on an idle machine.**"
        )
    if thr:
        out.append(
            f"\nValidated before timing: {thr[0]['docs_changed']:,} of {thr[0]['docs']:,} notes changed, "
            f"{thr[0]['spans']:,} spans; {fig['span_check']}"
        )
    out += [
        "",
        "### Import and ready, fresh interpreter\n",
        (
            f"`python -c` running `import phimask; phimask.default_engine()` (loads the packaged engine "
            f"file), {rdy['runs']} runs after 2 warm-up runs; times measured inside the interpreter "
            "from before the import, except the whole-process rows.\n"
        ),
        "| figure | median | min | max |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, label in (
        ("import_ms", "`import phimask`"),
        ("ready_ms", "import + `default_engine()` ready"),
        ("first_redact_ms", "then the first `redact` call"),
        ("process_ms", "whole process (`python -c`, start to exit)"),
        ("bare_python_ms", "whole process, `python -c pass`, for reference"),
    ):
        s = rdy[key]
        out.append(f"| {label} | {s['median']:.1f} ms | {s['min']:.1f} ms | {s['max']:.1f} ms |")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", type=Path, default=Path(os.environ.get("PHIMASK_BENCH_DATA", ROOT / "bench/data"))
    )
    parser.add_argument("--limit-mb", type=float, default=0, help="only the first X MB of notes (default: all)")
    parser.add_argument("--reps", type=int, default=5, help="timed redact_many passes (median reported)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the latency call counts")
    parser.add_argument("--ready-runs", type=int, default=21, help="fresh interpreters for import + ready")
    parser.add_argument(
        "--engine-bench",
        type=Path,
        default=ROOT / "build-bench/bench/engine_bench",
        help="run this engine_bench for the C++ figures (default build-bench/bench/engine_bench)",
    )
    parser.add_argument("--cxx-json", type=Path, help="read C++ figures from this engine_bench JSON instead")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="MIN",
        help="wait up to MIN minutes for other processes to leave the CPUs idle first",
    )
    parser.add_argument("--quick", action="store_true", help="10 MB, 3 reps, a tenth of the calls, 7 ready runs")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON")
    parser.add_argument("--results", type=Path, help="insert the section at the top of this RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.limit_mb, args.reps, args.scale, args.ready_runs = args.limit_mb or 10, 3, 0.1, 7

    clinical = args.data_dir / "clinical.txt"
    if not clinical.exists():
        print(
            f"bench.py: {clinical} is missing; run python3 bench/gen_corpus.py (or bench/run.sh) first", file=sys.stderr
        )
        return 2
    if os.environ.get("PHIMASK_MODELS_PATH"):
        print(
            "bench.py: PHIMASK_MODELS_PATH is set, so the default engine is compiled, not loaded; unset it",
            file=sys.stderr,
        )
        return 2
    if args.wait_quiet:
        wait_quiet(args.wait_quiet)
    try:
        t0 = time.perf_counter()
        engine = phimask.default_engine()
        print(f"default engine ready in {(time.perf_counter() - t0) * 1e3:.1f} ms", file=sys.stderr)
        raw = load_notes(clinical, int(args.limit_mb * 1e6))
        nbytes = sum(len(n) for n in raw)
        notes = [n.decode("utf-8") for n in raw]
        del raw
        print("latency", file=sys.stderr)
        lat = latency(engine, notes, args.scale)
        cxx: list[dict[str, Any]] = []
        cxx_spans = None
        if args.cxx_json:
            summary = json.loads(args.cxx_json.read_text())
            source = f"read from `{os.path.relpath(args.cxx_json, ROOT)}` ({summary.get('date')})"
        elif args.engine_bench.exists():
            print("engine_bench (C++)", file=sys.stderr)
            summary = run_engine_bench(args.engine_bench, clinical, args.limit_mb, args.reps)
            source = f"`{summary['command']}`, run just before the Python passes"
        else:
            summary, source = {}, "not measured (no engine_bench: build it with bench/run.sh)"
        cxx = cxx_rows(summary)
        if summary.get("corpora", {}).get("clinical", {}).get("docs") == len(notes):
            cxx_spans = summary.get("validation", {}).get("clinical", {}).get("spans")
        print("redact_many", file=sys.stderr)
        thr = throughput(engine, notes, nbytes, args.reps)
        if cxx_spans is None:
            span_check = "span count not compared with C++ (different notes)."
        elif cxx_spans == thr[0]["spans"]:
            span_check = f"the same span count as `engine_bench` ({cxx_spans:,})."
        else:
            raise BenchError(f"Python found {thr[0]['spans']} spans, engine_bench {cxx_spans}, on the same notes")
        print("import + ready", file=sys.stderr)
        rdy = ready_times(args.ready_runs)
    except BenchError as e:
        print(f"bench.py: validation failed, no figures: {e}", file=sys.stderr)
        return 2

    limit = f"first {args.limit_mb:g} MB: " if args.limit_mb else ""
    fig = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        "command": " ".join([python_name(), "bench/python/bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "corpus": f"`{os.path.relpath(clinical, ROOT)}` ({limit}{len(notes):,} notes, {nbytes / 1e6:.1f} MB; "
        "`bench/gen_corpus.py`, see its `truth.json`)",
        "policy_version": engine.policy_version,
        "cxx_source": source,
        "span_check": span_check,
        "latency": lat,
        "throughput": thr,
        "cxx": cxx,
        "ready": rdy,
    }
    text = render(fig)
    sys.stdout.write(text)
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2) + "\n")
    if args.results:
        report.update_results(str(args.results), text)
        print(f"bench.py: added a section to {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
