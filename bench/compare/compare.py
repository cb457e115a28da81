#!/usr/bin/env python3
"""phimask side by side with the tools users would pick instead: speed and accuracy, one run.

Run by bench/compare/run.sh, inside the virtualenv it builds (the peers are never
installed into the project's own environments). For each tool:

- throughput (MB/s of UTF-8 input, one core, one call per document, warm-up
  excluded) on the clinical notes and the log lines of bench/data, each run
  capped at --budget seconds of work (the slow tools see a prefix of the corpus);
- per-call latency on 2 KB prompts cut from the clinical notes;
- setup time (import and construction), reported apart;
- accuracy: its spans on every corpus of ../shared/corpus/dev, scored by
  ../shared/eval/score.py (HIPAA subset, character level, any type).

Writes OUT/results.json, bench/compare/compare.png (throughput against recall)
and a Markdown section; --results inserts the section at the top of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "bench"))

import peers  # noqa: E402

PROMPT_CHARS = 2000


def load_clinical(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [d for d in f.read().split("\n\f\n") if d.strip()]


def load_log_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def prompts_from(notes: list[str], count: int) -> list[str]:
    """2 KB prompts: consecutive notes joined and cut at a space near every 2000 characters."""
    text = "\n".join(notes[: count * 2])
    out, pos = [], 0
    while len(out) < count and pos + PROMPT_CHARS < len(text):
        end = text.rfind(" ", pos, pos + PROMPT_CHARS) + 1 or pos + PROMPT_CHARS
        out.append(text[pos:end])
        pos = end
    return out


def throughput(tool: peers.Tool, docs: list[str], budget: float) -> dict[str, float]:
    if tool.throughput is not None:
        size, seconds, calls = tool.throughput(docs, budget)
    else:
        for d in docs[:20]:
            tool.redact(d)
        size = calls = 0
        start = time.perf_counter()
        seconds = 0.0
        for d in docs:
            tool.redact(d)
            size += len(d.encode())
            calls += 1
            seconds = time.perf_counter() - start
            if seconds >= budget:
                break
    return {"mb_per_s": size / 1e6 / seconds, "mb": size / 1e6, "seconds": seconds, "docs": calls}


def latency(tool: peers.Tool, prompts: list[str]) -> dict[str, float]:
    if tool.latencies is not None:
        secs = tool.latencies(prompts)
    else:
        for p in prompts[:20]:
            tool.redact(p)
        secs = []
        for p in prompts:
            start = time.perf_counter()
            tool.redact(p)
            secs.append(time.perf_counter() - start)
    secs.sort()
    return {"p50_ms": statistics.median(secs) * 1e3, "p99_ms": secs[int(0.99 * (len(secs) - 1))] * 1e3}


def accuracy(tool: peers.Tool, corpora: list[str], scorer: str, out_dir: str) -> dict[str, dict[str, float]]:
    results = {}
    slug = "".join(c if c.isalnum() else "_" for c in tool.name.lower())
    type_map = os.path.join(out_dir, f"{slug}.types.json")
    with open(type_map, "w", encoding="utf-8") as f:
        json.dump(tool.type_map, f)
    for corpus in corpora:
        name = os.path.basename(corpus).removesuffix(".jsonl")
        pred = os.path.join(out_dir, f"{slug}.{name}.pred.jsonl")
        with open(corpus, encoding="utf-8") as f, open(pred, "w", encoding="utf-8") as out:
            for line in f:
                doc = json.loads(line)
                spans = [{"start": s, "end": e, "type": t} for s, e, t in tool.spans(doc["text"])]
                out.write(json.dumps({"id": doc["id"], "spans": spans}) + "\n")
        scored = os.path.join(out_dir, f"{slug}.{name}.score.json")
        subprocess.run([sys.executable, scorer, "--gold", corpus, "--pred", pred, "--json", scored,
                        "--type-map", type_map, "--subset", "hipaa"], check=True, capture_output=True)
        with open(scored, encoding="utf-8") as f:
            res = json.load(f)["results"]["hipaa"]
        results[name] = {"recall": res["char_untyped"]["recall"], "precision": res["char_untyped"]["precision"],
                         "leaked_chars": res["leak"]["chars"], "gold_chars": res["leak"]["gold_chars"],
                         "per_type": {t: v.get("char_recall_untyped", v.get("char_recall"))
                                      for t, v in res.get("per_gold_type", {}).items()}}
    return results


def plot(rows: list[dict], path: str, corpus: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5), dpi=120)
    for r in rows:
        recalls = [a["recall"] for a in r["accuracy"].values()]
        x, y = r["throughput"]["clinical"]["mb_per_s"], statistics.mean(recalls)
        ax.scatter(x, y, s=60)
        ax.annotate(r["name"], (x, y), textcoords="offset points", xytext=(6, 4), fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel(f"throughput on {corpus}, MB/s, one core (log scale)")
    ax.set_ylabel("character recall, HIPAA subset (mean of the dev corpora)")
    ax.set_ylim(0, 1.02)
    ax.grid(True, which="both", alpha=0.3)
    ax.set_title("PHI redaction: speed against recall")
    fig.tight_layout()
    fig.savefig(path)


def section(rows: list[dict], meta: dict) -> str:
    base = next(r for r in rows if r["name"] == "phimask")
    out = [f"## {meta['stamp']}: comparison with other tools (bench/compare)\n",
           f"Command: `{meta['command']}`. Machine: {meta['machine']}. One core, one call per document, warm-up "
           f"excluded, each throughput run capped at {meta['budget']:.0f} s of work (slow tools see a prefix of "
           f"the corpus). Corpora: bench/gen_corpus.py seed 42 (clinical notes; JSON log lines redacted as text); "
           f"2 KB prompts cut from the notes; accuracy on ../shared/corpus/dev with ../shared/eval/score.py "
           f"(HIPAA subset, character level, any type). Not run: {meta['not_run']}\n",
           "| tool | version | clinical MB/s | phimask is | logs MB/s | phimask is | 2 KB p50 ms | setup s |"
           + "".join(f" {c} recall / precision / leaked chars |" for c in meta["corpora"]),
           "|---|---|---|---|---|---|---|---|" + "---|" * len(meta["corpora"])]
    for r in rows:
        c, lg = r["throughput"]["clinical"]["mb_per_s"], r["throughput"]["logs"]["mb_per_s"]
        ratio_c = base["throughput"]["clinical"]["mb_per_s"] / c
        ratio_l = base["throughput"]["logs"]["mb_per_s"] / lg
        cells = [r["name"], r["version"], f"{c:.3g}", f"{ratio_c:.3g}x", f"{lg:.3g}", f"{ratio_l:.3g}x",
                 f"{r['latency']['p50_ms']:.3g}", f"{r['setup_s']:.2f}"]
        for corpus in meta["corpora"]:
            a = r["accuracy"][corpus]
            better = r["name"] != "phimask" and a["recall"] > base["accuracy"][corpus]["recall"]
            cells.append(f"{a['recall']:.3f}" + (" (**above phimask**)" if better else "")
                         + f" / {a['precision']:.3f} / {a['leaked_chars']:,} of {a['gold_chars']:,}")
        out.append("| " + " | ".join(cells) + " |")
    for corpus in meta["corpora"]:
        kinds = sorted({k for r in rows for k in r["accuracy"][corpus]["per_type"]})
        out.append(f"\nCharacter recall per gold type, {corpus} (HIPAA subset; any predicted type counts):\n")
        out.append("| type | " + " | ".join(r["name"] for r in rows) + " |")
        out.append("|---|" + "---|" * len(rows))
        for kind in kinds:
            values = [r["accuracy"][corpus]["per_type"].get(kind) for r in rows]
            out.append(f"| {kind} | " + " | ".join("-" if v is None else f"{v:.3f}" for v in values) + " |")
    losses = []
    for r in rows:
        if r["name"] == "phimask":
            continue
        for corpus in meta["corpora"]:
            ours = base["accuracy"][corpus]["per_type"]
            for kind, recall in sorted(r["accuracy"][corpus]["per_type"].items()):
                if recall is not None and ours.get(kind) is not None and recall > ours[kind] + 1e-9:
                    losses.append(f"| {corpus} | {kind} | {r['name']} | {recall:.3f} | {ours[kind]:.3f} |")
    if losses:
        out.append("\nWhere a tool finds more of a gold type than phimask (character recall, HIPAA subset):\n")
        out.append("| corpus | type | tool | its recall | phimask |\n|---|---|---|---|---|")
        out.extend(losses)
    else:
        out.append("\nNo tool finds more of any gold type than phimask on any corpus.")
    out.append("\nConfigurations:\n")
    for r in rows:
        out.append(f"- **{r['name']}**: {r['config']}")
    out.append("\nType mapping to the scorer's vocabulary (on top of its built-in aliases):\n")
    for r in rows:
        if r["type_map"]:
            out.append(f"- {r['name']}: " + ", ".join(f"{k} → {v}" for k, v in sorted(r["type_map"].items())))
    out.append(f"\nPlot: `{meta['plot']}` (generated by the same run).\n")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "bench", "data"))
    ap.add_argument("--dev", default=os.path.join(ROOT, "..", "shared", "corpus", "dev"))
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "eval", "score.py"))
    ap.add_argument("--node-modules", required=True, help="node_modules holding redact-pii")
    ap.add_argument("--out", required=True)
    ap.add_argument("--budget", type=float, default=10.0, help="seconds of work per throughput run")
    ap.add_argument("--results", help="insert the section at the top of this RESULTS.md")
    ap.add_argument("--command", default="bench/compare/run.sh")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    clinical = load_clinical(os.path.join(args.data, "clinical.txt"))
    logs = load_log_lines(os.path.join(args.data, "logs.jsonl"))
    prompts = prompts_from(clinical, 200)
    corpora = sorted(os.path.join(args.dev, f) for f in os.listdir(args.dev) if f.endswith(".jsonl"))
    makers = [peers.phimask_tool, peers.presidio_regex, peers.scrubadub_tool, peers.datafog_tool,
              lambda: peers.redact_pii_tool(args.node_modules), peers.re_baseline, peers.hyperscan_baseline]
    rows = []
    for make in makers:
        start = time.perf_counter()
        tool = make()
        setup = time.perf_counter() - start
        print(f"compare: {tool.name} ({setup:.2f} s setup)", file=sys.stderr, flush=True)
        row = {"name": tool.name, "version": tool.version, "config": tool.config, "type_map": tool.type_map,
               "setup_s": setup,
               "throughput": {"clinical": throughput(tool, clinical, args.budget),
                              "logs": throughput(tool, logs, args.budget)},
               "latency": latency(tool, prompts),
               "accuracy": accuracy(tool, corpora, args.scorer, args.out)}
        rows.append(row)
        print(f"  clinical {row['throughput']['clinical']['mb_per_s']:.3g} MB/s, logs "
              f"{row['throughput']['logs']['mb_per_s']:.3g} MB/s, p50 {row['latency']['p50_ms']:.3g} ms, recall "
              + ", ".join(f"{k} {v['recall']:.3f}" for k, v in row["accuracy"].items()), file=sys.stderr, flush=True)

    plot_path = os.path.join(HERE, "compare.png")  # kept in the repository, next to RESULTS.md's table
    plot(rows, plot_path, "clinical notes")
    with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1)
    meta = {"stamp": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "command": args.command, "budget": args.budget, "corpora": [os.path.basename(c)[:-6] for c in corpora],
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, {cpu_model()}",
            "plot": os.path.relpath(plot_path, ROOT),
            "not_run": "Presidio with spaCy NER (no English spaCy model is on PyPI: explosion publishes them as "
                       "GitHub release wheels, which this machine cannot reach); philter-lite 0.6.0 (its POS "
                       "filters need NLTK's tagger data, downloaded at run time)."}
    text = section(rows, meta)
    print(text)
    if args.results:
        import report

        report.update_results(args.results, text)
    return 0


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
