"""The "## Accuracy" section of bench/RESULTS.md: rendering and in-place update.

The section holds numbers only, never corpus text. Its generated part sits
between BEGIN and END; update_results() replaces that part and leaves every
other byte of the file as it was. The "## Accuracy" heading stays outside the
markers, so bench/report.py (which inserts its sections before the first
"## " heading) never lands inside them.
"""

import math
import os
import textwrap

from . import targets

HEADING = "## Accuracy"
BEGIN = "<!-- eval:begin -->"
END = "<!-- eval:end -->"

SUBSET_TITLES = (("hipaa", "HIPAA subset"), ("all", "all spans"))


def ratio(x):
    """A ratio to 4 decimals, truncated (never rounded up past a target)."""
    if x is None:
        return "n/a"
    return f"{math.floor(x * 10000 + 1e-9) / 10000:.4f}"


def count(n):
    return f"{n:,}"


def table(header, rows, align):
    """A Markdown table; align is one of "l" / "r" per column."""
    seps = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(seps) + " |"]
    for row in rows:
        if len(row) != len(header):
            raise ValueError("table row has the wrong number of cells")
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines)


def summary_table(results):
    header = ["subset", "gold spans", "gold chars", "char recall", "char precision",
              "leaked chars", "leaked spans (fully / partly)", "strict F1, any type",
              "strict F1, same type"]
    rows = []
    for key, title in SUBSET_TITLES:
        r = results[key]
        lk = r["leak"]
        rows.append([title, count(lk["gold_spans"]), count(lk["gold_chars"]),
                     ratio(r["char_untyped"]["recall"]), ratio(r["char_untyped"]["precision"]),
                     count(lk["chars"]),
                     f"{count(lk['spans_fully_leaked'])} / {count(lk['spans_partly_leaked'])}",
                     ratio(r["entity_strict_untyped"]["f1"]),
                     ratio(r["entity_strict_typed"]["f1"])])
    return table(header, rows, "lrrrrrrrr")


def per_type_table(res):
    header = ["gold type", "spans", "char recall, any type", "char recall, same type",
              "strict entity recall", "leaked spans (fully / partly)"]
    rows = []
    for t, v in res["per_gold_type"].items():
        rows.append([t, count(v["gold_spans"]), ratio(v["char_recall_untyped"]),
                     ratio(v["char_recall_typed"]), ratio(v["entity_recall_strict_untyped"]),
                     f"{count(v['spans_fully_leaked'])} / {count(v['spans_partly_leaked'])}"])
    if not rows:
        return "No gold span in this subset."
    return table(header, rows, "lrrrrr")


def pred_type_table(res):
    header = ["predicted type (as scored)", "chars", "char precision, any gold type",
              "char precision, same gold type"]
    rows = [[t, count(v["pred_chars"]), ratio(v["char_precision_untyped"]),
             ratio(v["char_precision_typed"])] for t, v in res["per_pred_type"].items()]
    if not rows:
        return "Nothing predicted."
    return table(header, rows, "lrrr")


def targets_table(scores):
    rows = []
    met = missed = na = 0
    for t, value, verdict in targets.check(scores):
        if t.corpus not in scores:
            measured = "corpus not run"
        else:
            measured = ratio(value)
        met += verdict == "yes"
        missed += verdict == "no"
        na += verdict == "n/a"
        rows.append([t.corpus, t.label(), f"≥ {t.threshold:.2f}", measured, verdict])
    text = table(["corpus", "figure", "target", "measured", "met"], rows, "lllrl")
    return text, f"Met {met} of {met + missed} measurable targets ({na} n/a)."


def section(run):
    """The generated part of the section (between the markers), as Markdown."""
    out = []
    w = out.append
    w(textwrap.fill(
        "Written by `bench/eval --write-results` (see `bench/README.md`, *Accuracy*); each "
        "run replaces everything between the `eval:begin` / `eval:end` markers. "
        "`phimask detect --jsonl` on the dev portion of public de-identification corpora, "
        "scored by `shared/eval/score.py`. *HIPAA subset*: only gold spans marked as HIPAA "
        "Safe Harbor identifiers are scored; the others (countries, ages under 90, bare "
        "years, sex, relation words, companies) are don't-care regions. Character figures do "
        "not count whitespace; *any type* means covered by a predicted span of any type (what "
        "redaction needs), *same type* needs the predicted type, mapped through the scorer's "
        "alias table and `bench/eval_type_map.json`, to equal the gold type. Ratios are "
        "truncated to 4 decimals.", width=90, break_on_hyphens=False, break_long_words=False))
    w("")
    w(f"### Run of {run['date'][:10]} {run['date'][11:16]} UTC, commit {run['commit']}")
    w("")
    w(f"- Date: {run['date']}")
    dirty = " (working tree had uncommitted changes)" if run["dirty"] else ""
    w(f"- Commit: `{run['commit']}`{dirty}")
    w(f"- Command: `{run['command']}`")
    w(f"- Machine: nproc {run['nproc']}, CPU \"{run['cpu']}\" (/proc/cpuinfo model name)")
    w(f"- Build: {run['phimask_version']}; policy: {run['policy']}")
    w(f"- Scorer: `{run['scorer']}` (sha256 {run['scorer_sha']}); type map "
      f"`{run['type_map']}` ({run['type_map_entries']} entries; the *same type* figures "
      f"depend on it)")
    corp = "; ".join(f"{c['name']} {count(c['docs'])} documents, {count(c['spans'])} gold spans "
                     f"(sha256 {c['sha']})" for c in run["corpora"])
    w(f"- Corpora (`{run['corpus_dir']}`): {corp}")
    if run["unmapped_types"]:
        w(f"- Predicted types outside the gold vocabulary (they count for *any type* only): "
          f"{', '.join(run['unmapped_types'])}")
    for name, warns in run["warnings"].items():
        for what, n in warns.items():
            w(f"- Scorer warning, {name}: {n} {what}")
    w("")
    w("### Targets")
    w("")
    w("HIPAA subset, character level, type-agnostic; per gold type, the character recall "
      "by a prediction of any type. n/a: the corpus has no gold span of that type in the "
      "subset.")
    w("")
    text, tally = targets_table(run["scores"])
    w(text)
    w("")
    w(tally)
    for c in run["corpora"]:
        res = run["scores"][c["name"]]
        w("")
        w(f"### Corpus {c['name']}")
        w("")
        no_phi = f", {count(c['no_phi'])} marked as containing no PHI" if c["no_phi"] else ""
        w(f"{count(c['docs'])} documents{no_phi}.")
        w("")
        w(summary_table(res))
        w("")
        w("Per gold type, HIPAA subset:")
        w("")
        w(per_type_table(res["hipaa"]))
        w("")
        w("Per gold type, all spans:")
        w("")
        if res["all"]["per_gold_type"] == res["hipaa"]["per_gold_type"]:
            w("The same as the HIPAA subset (every gold span is a HIPAA identifier).")
        else:
            w(per_type_table(res["all"]))
        w("")
        w("Per predicted type, HIPAA subset (predictions over don't-care regions not counted):")
        w("")
        w(pred_type_table(res["hipaa"]))
    w("")
    return "\n".join(out)


def update_results(path, generated):
    """Replace the text between the markers in path (append the section if absent)."""
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    block = f"{BEGIN}\n{generated.rstrip()}\n{END}"
    b, e = old.find(BEGIN), old.find(END)
    if b >= 0 and e > b and old.count(BEGIN) == 1 and old.count(END) == 1:
        new = old[:b] + block + old[e + len(END):]
        if new[:b] != old[:b] or new[b + len(block):] != old[e + len(END):]:
            raise RuntimeError("internal error: text outside the markers changed")
    elif b < 0 and e < 0:
        head = old.rstrip("\n")
        new = (head + "\n\n" if head else "") + f"{HEADING}\n\n{block}\n"
    else:
        raise SystemExit(f"eval: {path}: the {BEGIN} / {END} markers are damaged (each must "
                         f"appear once, begin first); fix them by hand, nothing was written")
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
