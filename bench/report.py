#!/usr/bin/env python3
"""Turn one bench/run.sh run into a dated Markdown section of RESULTS.md.

Inputs are the files run.sh writes into <build>/bench-results/: engine.json
(engine_bench's summary), cli.jsonl (CLI throughput, one JSON object per
command), coldstart.json (hyperfine --export-json, or run.sh's fallback in the
same shape) and the corpus generator's truth.json. The section is printed, and
with --results inserted at the top of that file (newest first).

Python 3 standard library only.
"""

import argparse
import json
import os
import platform
import sys

HEADER = """# phimask benchmark results

Newest first. Each section is written by `bench/run.sh` (see
`bench/README.md` for what every figure means and how it is measured). MB is
10^6 bytes of input text; throughput is wall-clock.
"""

TARGETS = {
    "clinical_mbps": 120.0,
    "logs_mbps": 150.0,
    "scaling": 1.8,
    "load_ms": 5.0,
    "coldstart_ms": 15.0,
}


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def find_run(engine, corpus, som=None, api="scanner", threads=1):
    """The run of a configuration; som None means the engine's default mode."""
    som = som or engine.get("default_start_of_match", "windowed")
    for r in engine["runs"]:
        if (r["corpus"] == corpus and r["start_of_match"] == som
                and r["api"] == api and r["threads"] == threads):
            return r
    return None


def status(value, target, higher_is_better=True):
    if value is None:
        return "not measured"
    ok = value >= target if higher_is_better else value <= target
    return "**met**" if ok else "**missed**"


def fmt(value, digits=1, unit=""):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def machine_lines(engine):
    m = engine.get("machine", {})
    threads_per_core = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            info = f.read()
        lines = info.splitlines()
        siblings = [ln for ln in lines if ln.startswith("siblings")]
        cores = [ln for ln in lines if ln.startswith("cpu cores")]
        if siblings and cores:
            threads_per_core = str(int(siblings[0].split(":")[1])
                                   // max(int(cores[0].split(":")[1]), 1))
    except (OSError, ValueError):
        pass
    return (f"nproc {os.cpu_count()}, CPU \"{m.get('cpu', '?')}\" "
            f"(/proc/cpuinfo), {threads_per_core} thread(s) per core, "
            f"{platform.system()} {platform.release()}, "
            f"phimask {engine.get('phimask_version', '?')}, Hyperscan API "
            f"{engine.get('hyperscan_version', '?').strip()}")


def corpus_line(truth, engine):
    if not truth:
        return "unknown generator"
    parts = []
    for name, unit in (("clinical", "notes"), ("logs", "lines")):
        t = truth.get(name, {})
        used = engine.get("corpora", {}).get(name)
        used_txt = ""
        if used and used["docs"] != t.get("docs"):
            used_txt = (f"; this run used the first {used['docs']:,} "
                        f"({used['bytes'] / 1e6:.1f} MB)")
        parts.append(f"{name} {t.get('text_bytes', 0) / 1e6:.1f} MB "
                     f"({t.get('docs', 0):,} {unit}, PHI "
                     f"{100 * t.get('phi_char_density', 0):.1f}% of "
                     f"characters, {t.get('phi_values', 0):,} values"
                     f"{used_txt})")
    return (f"`{truth.get('generator')}` seed {truth.get('seed')} "
            f"(generator v{truth.get('generator_version')}, Python "
            f"{truth.get('python')}): " + "; ".join(parts))


def section(args):
    engine = load_json(args.engine)
    cli = {c["name"]: c for c in load_jsonl(args.cli)} if args.cli else {}
    cold = load_json(args.coldstart) if args.coldstart else {"results": []}
    truth = load_json(args.truth) if args.truth and os.path.exists(
        args.truth) else {}
    setup = engine["setup_ms"]
    threads = max((r["threads"] for r in engine["runs"]), default=1)

    clin1 = find_run(engine, "clinical")
    logs1 = find_run(engine, "logs")
    default_som = engine.get("default_start_of_match", "windowed")
    other_som = "windowed" if default_som == "leftmost" else "leftmost"
    other = find_run(engine, "clinical", som=other_som)
    api = find_run(engine, "clinical", api="engine")
    scaling = engine.get("scaling", {})
    cold_engine = cold["results"][0] if cold["results"] else None
    cold_compile = cold["results"][1] if len(cold["results"]) > 1 else None

    def mbps(run):
        return run["mb_per_s"] if run else None

    def ms(result, key="median"):
        return result[key] * 1e3 if result else None

    cli_logs = cli.get("logs_jsonl", {}).get("mb_per_s")
    capacity = engine["machine"].get("parallel_capacity", {}).get("speedup")
    ceiling = (f" (machine ceiling {capacity:.2f}x)"
               if capacity is not None else "")
    rows = [
        ("Clinical notes, engine, 1 thread (per core)", "≥ 120 MB/s",
         fmt(mbps(clin1), 1, " MB/s"), status(mbps(clin1), 120)),
        ("Log lines, engine per whole line, 1 thread", "≥ 150 MB/s",
         fmt(mbps(logs1), 1, " MB/s"), status(mbps(logs1), 150)),
        ("Log lines, `phimask redact --jsonl` (JSON-aware), 1 thread",
         "≥ 150 MB/s", fmt(cli_logs, 1, " MB/s"), status(cli_logs, 150)),
        (f"Clinical, {threads} threads vs 1{ceiling}", "≥ 1.8x",
         fmt(scaling.get("clinical"), 2, "x"),
         status(scaling.get("clinical"), 1.8)),
        (f"Logs, {threads} threads vs 1{ceiling}", "≥ 1.8x",
         fmt(scaling.get("logs"), 2, "x"), status(scaling.get("logs"), 1.8)),
        ("Serialized engine load (`Engine::deserialize`, in memory)",
         "≤ 5 ms", fmt(setup["deserialize"]["median"], 2, " ms"),
         status(setup["deserialize"]["median"], 5, False)),
        ("Serialized engine load from file (`Engine::load`)", "≤ 5 ms",
         fmt(setup["load_file"]["median"], 2, " ms"),
         status(setup["load_file"]["median"], 5, False)),
        ("`phimask redact --engine E` on 1 KB, whole process", "≤ 15 ms",
         fmt(ms(cold_engine), 2, " ms"),
         status(ms(cold_engine), 15, False)),
    ]

    out = []
    stamp = engine.get("date", "")
    out.append(f"## {stamp[:10]} {stamp[11:16]} UTC: "
               f"{engine['machine'].get('cpu', '?')}, {os.cpu_count()} CPUs\n")
    out.append(f"- Date: {engine.get('date')}")
    out.append(f"- Machine: {machine_lines(engine)}")
    out.append(f"- Command: `{args.command}`")
    out.append(f"- Corpus: {corpus_line(truth, engine)}")
    pol = engine.get("policy", {})
    out.append(f"- Policy: {pol.get('file')} (version {pol.get('version')}, "
               f"{pol.get('detectors')} detectors, {pol.get('entity_types')} "
               f"entity types)")
    if capacity is not None:
        out.append(f"- Parallel capacity: a CPU-bound spin loop on {threads} "
                   f"threads runs {capacity:.2f}x as fast as on 1 (the most "
                   "any program could scale here, measured after the timed "
                   "runs: hardware and other load at that moment)")
    if args.note:
        out.append(f"- Note: {args.note}")
    out.append("")
    out.append("### Targets\n")
    out.append("| figure | target | measured | |")
    out.append("| --- | --- | --- | --- |")
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    out.append("Throughput is the median of "
               f"{clin1['reps'] if clin1 else '?'} whole-corpus passes after "
               "one warm-up pass; median / best / worst below.\n")

    out.append("### Engine throughput (engine_bench)\n")
    out.append("| corpus | StartOfMatch | API | threads | median MB/s | "
               "best | worst | median s | other load |")
    out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    busiest = 0.0
    for r in engine["runs"]:
        bg = r.get("background_cpus", -1)
        busiest = max(busiest, bg)
        out.append(f"| {r['corpus']} | {r['start_of_match']} | {r['api']} | "
                   f"{r['threads']} | {r['mb_per_s']:.1f} | "
                   f"{r['mb_per_s_best']:.1f} | {r['mb_per_s_worst']:.1f} | "
                   f"{r['seconds']['median']:.3f} | "
                   f"{fmt(bg if bg >= 0 else None, 2)} |")
    out.append("")
    out.append("*Other load*: CPUs' worth of time other processes used while "
               "the configuration was timed (from /proc/stat minus this "
               "process).")
    if busiest > 0.2:
        out.append(f"**Warning: the machine was not quiet (up to "
                   f"{busiest:.2f} CPUs used by other processes); figures "
                   "are lower and noisier than on an idle machine.**")
    out.append("")
    if other and clin1:
        out.append(f"StartOfMatch: {default_som} (the default) "
                   f"{clin1['mb_per_s']:.1f} MB/s vs {other_som} "
                   f"{other['mb_per_s']:.1f} MB/s "
                   f"({clin1['mb_per_s'] / other['mb_per_s']:.2f}x); "
                   "results identical on every note.")
    if api and clin1:
        out.append(f"Engine::redact (pooled scratch, new result per call): "
                   f"{api['mb_per_s']:.1f} MB/s vs Scanner "
                   f"{clin1['mb_per_s']:.1f} MB/s.")
    out.append("")

    out.append("### Setup costs\n")
    out.append("| figure | median | min | max |")
    out.append("| --- | ---: | ---: | ---: |")
    labels = (("policy_load", "Policy load (packs, validation, version)"),
              ("compile_windowed", "Engine compile (kWindowed)"),
              ("compile_leftmost", "Engine compile (kLeftmost)"),
              ("serialize", "Engine::serialize"),
              ("deserialize", "Engine::deserialize (in memory)"),
              ("load_file", "Engine::load (file, page cache warm)"))
    for key, label in labels:
        s = setup[key]
        out.append(f"| {label} | {s['median']:.2f} ms | {s['min']:.2f} ms | "
                   f"{s['max']:.2f} ms |")
    size = engine.get("serialized_bytes", 0)
    file_size = (os.path.getsize(args.engine_file)
                 if args.engine_file and os.path.exists(args.engine_file)
                 else None)
    out.append(f"| Serialized engine size | {size:,} bytes "
               f"({size / 1e6:.2f} MB) | | |")
    if file_size is not None:
        out.append(f"| `phimask compile` engine file | {file_size:,} bytes | "
                   "| |")
    out.append("")

    if cli:
        out.append("### CLI throughput (wall clock, whole process)\n")
        out.append("| command | input | median s | MB/s |")
        out.append("| --- | ---: | ---: | ---: |")
        for c in cli.values():
            out.append(f"| `{c['command']}` | {c['bytes'] / 1e6:.1f} MB | "
                       f"{c['seconds']:.3f} | {c['mb_per_s']:.1f} |")
        out.append("")
        out.append("Includes process start, loading a compiled engine "
                   "(`--engine`; compile time is under Setup costs) "
                   "and I/O to a file; median of "
                   f"{next(iter(cli.values())).get('reps', '?')} run(s) "
                   "after one validated run.\n")

    if cold["results"]:
        out.append("### CLI cold start, 1 KB input\n")
        out.append("| command | mean | ± sd | median | min | runs |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for r in (cold_engine, cold_compile):
            if not r:
                continue
            cmd = r["command"].replace(os.path.dirname(os.path.dirname(
                os.path.abspath(__file__))) + "/", "")
            sd = r.get("stddev")
            out.append(f"| `{cmd}` | {r['mean'] * 1e3:.2f} ms | "
                       f"{fmt(sd * 1e3 if sd else None, 2)} ms | "
                       f"{r['median'] * 1e3:.2f} ms | {r['min'] * 1e3:.2f} ms"
                       f" | {len(r.get('times', []))} |")
        out.append("")

    if args.detectors:
        det = load_json(args.detectors)
        rows = det["rows"]
        out.append("### Per-detector cost (detector_bench)\n")
        out.append(f"The pipeline with one detector enabled at a time, first "
                   f"{det['bytes']['clinical'] / 1e6:.0f} MB of each corpus, "
                   f"median of {det['reps']}; ms per MB of input (lower is "
                   "better), most expensive on clinical notes first. *all* is "
                   "the full policy.\n")
        stages = [r for r in rows[1:] if r["detector"].startswith("(")]
        singles = [r for r in rows[1:] if not r["detector"].startswith("(")]
        by_name = {r["detector"]: r for r in rows}
        if stages:
            out.append("Cost of each stage (differences of the rows below; "
                       "ms per MB):\n")
            out.append("| stage | clinical ms/MB | logs ms/MB |")
            out.append("| --- | ---: | ---: |")
            for label, a, b in (
                    ("normalize, rewrite, one trivial scan (baseline)",
                     "(baseline)", None),
                    ("Hyperscan patterns: scan and confirm "
                     "(patterns only - baseline)", "(patterns only)",
                     "(baseline)"),
                    ("recognizers: tokens, lexicons, rules "
                     "(all - patterns only)", "all", "(patterns only)")):
                if a not in by_name or (b is not None and b not in by_name):
                    continue
                cost = [by_name[a][c]["ms_per_mb"]
                        - (by_name[b][c]["ms_per_mb"] if b else 0.0)
                        for c in ("clinical", "logs")]
                out.append(f"| {label} | {cost[0]:.2f} | {cost[1]:.2f} |")
            out.append("")
        out.append("| detector | compile ms | clinical ms/MB | clinical spans"
                   " | logs ms/MB | logs spans | errors |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        ordered = rows[:1] + stages + sorted(singles, key=lambda r: -r[
            "clinical"]["ms_per_mb"])
        for r in ordered:
            c, lg = r["clinical"], r["logs"]
            errors = c.get("errors", 0) + lg.get("errors", 0)
            out.append(f"| {r['detector']} | {r['compile_ms']:.0f} | "
                       f"{c['ms_per_mb']:.2f} | {c['spans']:,} | "
                       f"{lg['ms_per_mb']:.2f} | {lg['spans']:,} | "
                       f"{errors or ''} |")
        out.append("")

    out.append("### Validation (before timing)\n")
    out.append("| corpus | docs | with PHI | changed | spans | differing: "
               "other StartOfMatch / deserialized / Engine::redact / "
               "alignment |")
    out.append("| --- | ---: | ---: | ---: | ---: | --- |")
    val = engine.get("validation", {})
    for name, v in val.items():
        diffs = " / ".join(str(v.get(f"mismatches_{k}", "?")) for k in (
            "other_som", "deserialized", "engine_api", "alignment"))
        out.append(f"| {name} | {v['docs']:,} | {v['docs_with_phi']:,} | "
                   f"{v['docs_changed']:,} | {v['spans']:,} | {diffs} |")
    out.append("")
    out.append("Spans per type, found by the engine vs values generated "
               "(a recall hint only: the engine may also find values the "
               "generator did not count, e.g. years or private IPs):\n")
    types = sorted({t for v in val.values() for t in v["types"]})
    out.append("| type | " + " | ".join(f"{n} generated | {n} found"
                                         for n in val) + " |")
    out.append("| --- |" + " ---: | ---: |" * len(val))
    for t in types:
        cells = []
        for v in val.values():
            row = v["types"].get(t, {})
            gen = row.get("generated")
            cells.append("-" if gen is None else f"{gen:,}")
            cells.append(f"{row.get('found', 0):,}")
        out.append(f"| {t} | " + " | ".join(cells) + " |")
    for name, v in val.items():
        missing = v.get("generated_kinds_not_in_policy") or []
        if missing:
            out.append(f"\n{name}: generated kinds with no matching policy "
                       f"type: {', '.join(missing)}.")
    out.append("")
    return "\n".join(out) + "\n"


def update_results(path, text):
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if not old.startswith("# "):
        old = HEADER + "\n" + old
    at = old.find("\n## ")
    if at < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        new = old[:at + 1] + text + "\n" + old[at + 1:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", required=True, help="engine_bench JSON")
    parser.add_argument("--cli", help="CLI throughput JSON lines")
    parser.add_argument("--coldstart", help="hyperfine --export-json file")
    parser.add_argument("--truth", help="gen_corpus.py truth.json")
    parser.add_argument("--engine-file", help="the compiled engine file")
    parser.add_argument("--detectors", help="detector_bench JSON")
    parser.add_argument("--command", default="bench/run.sh")
    parser.add_argument("--note")
    parser.add_argument("--results", help="RESULTS.md to update")
    args = parser.parse_args(argv)
    text = section(args)
    sys.stdout.write(text)
    if args.results:
        update_results(args.results, text)
        print(f"report: added a section to {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
