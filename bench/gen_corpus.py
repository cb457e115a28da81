#!/usr/bin/env python3
"""Generate the synthetic benchmark corpora: clinical notes and JSON log lines.

Python 3 standard library only. Output depends only on --seed and the sizes
(for a given Python 3 version), so two runs with the same arguments write
byte-identical files. Every value is drawn from the RNG: no real person, number
or address is used. PHI values are valid where a check exists (SSN area/group
rules, Luhn for cards, the NPI check digit, the MBI character classes, NANP
phone numbering).

Files written to --out-dir (default: bench/data/, git-ignored):

  clinical.jsonl     {"id": "note-000001", "text": NOTE} per line
  clinical.txt       the same notes as plain text, separated by "\\n\\f\\n"
  logs.jsonl         one JSON log line per line ({"ts", "level", "service",
                     "msg", "user", "req"}), PHI in some string fields
  in1k.txt           about 1 KB of the first note (CLI cold-start input)
  truth.json         generator, seed, sizes and ground-truth counts per kind
  clinical.gold.jsonl  only with --gold: the notes with their PHI spans in the
                     shared/eval gold format (code point offsets, team types)

The ground-truth summary is also printed to stdout as JSON.

Usage: gen_corpus.py [--seed 42] [--clinical-mb 50] [--log-mb 50]
                     [--out-dir DIR] [--gold]
"""

import argparse
import json
import os
import sys
import time

from corpusgen.clinical import NoteWriter
from corpusgen.logs import LogWriter

GENERATOR = "bench/gen_corpus.py"
VERSION = 1
NOTE_SEPARATOR = "\n\f\n"
MB = 1_000_000


def write_clinical(args, out_dir, counts):
    """Writes the notes until --clinical-mb of note text; returns the stats."""
    target = int(args.clinical_mb * MB)
    writer = NoteWriter(f"{args.seed}:clinical")
    stats = {"docs": 0, "docs_with_phi": 0, "docs_non_ascii": 0,
             "text_bytes": 0, "text_chars": 0, "phi_chars": 0}
    gold = open(os.path.join(out_dir, "clinical.gold.jsonl"), "w",
                encoding="utf-8", newline="\n") if args.gold else None
    first_note = None
    with open(os.path.join(out_dir, "clinical.jsonl"), "w", encoding="utf-8",
              newline="\n") as jsonl, \
            open(os.path.join(out_dir, "clinical.txt"), "w", encoding="utf-8",
                 newline="\n") as txt:
        while stats["text_bytes"] < target:
            text, spans, non_ascii = writer.note()
            stats["docs"] += 1
            doc_id = f"note-{stats['docs']:06d}"
            if first_note is None:
                first_note = text
            nbytes = len(text.encode("utf-8")) if non_ascii else len(text)
            stats["text_bytes"] += nbytes
            stats["text_chars"] += len(text)
            stats["docs_non_ascii"] += non_ascii
            if spans:
                stats["docs_with_phi"] += 1
            for start, end, kind in spans:
                counts[kind] = counts.get(kind, 0) + 1
                stats["phi_chars"] += end - start
            jsonl.write(json.dumps({"id": doc_id, "text": text},
                                   ensure_ascii=False))
            jsonl.write("\n")
            if stats["docs"] > 1:
                txt.write(NOTE_SEPARATOR)
            txt.write(text)
            if gold is not None:
                gold.write(json.dumps(gold_record(doc_id, text, spans),
                                      ensure_ascii=False))
                gold.write("\n")
        txt.write("\n")
    if gold is not None:
        gold.close()
    write_1k(first_note or "", os.path.join(out_dir, "in1k.txt"))
    return stats


def gold_record(doc_id, text, spans):
    out = []
    for start, end, kind in spans:
        # A provider's NPI identifies the clinician, not the patient: it is
        # not a Safe Harbor identifier, but the engine still reports it.
        out.append({"start": start, "end": end, "type": TEAM_TYPES[kind],
                    "orig_type": kind, "text": text[start:end],
                    "hipaa": kind != "NPI"})
    return {"id": doc_id, "source": "phimask_bench", "lang": "en",
            "text": text, "spans": out}


def write_1k(note, path):
    """Cuts about 1 KB of whole lines from a note (never mid-character)."""
    data = note.encode("utf-8")
    if len(data) > 1024:
        cut = data.rfind(b"\n", 0, 1024)
        data = data[:cut if cut > 0 else 1024]
        data = data.decode("utf-8", errors="ignore").encode("utf-8")
    with open(path, "wb") as f:
        f.write(data + b"\n")


def write_logs(args, out_dir, counts):
    """Writes log lines until --log-mb of output; returns the stats."""
    target = int(args.log_mb * MB)
    writer = LogWriter(f"{args.seed}:logs")
    stats = {"docs": 0, "docs_with_phi": 0, "docs_non_ascii": 0,
             "text_bytes": 0, "text_chars": 0, "phi_chars": 0}
    with open(os.path.join(out_dir, "logs.jsonl"), "w", encoding="utf-8",
              newline="\n") as out:
        chunk = []
        while stats["text_bytes"] < target:
            line, phi, non_ascii = writer.line()
            stats["docs"] += 1
            nbytes = len(line.encode("utf-8")) if non_ascii else len(line)
            stats["text_bytes"] += nbytes + 1
            stats["text_chars"] += len(line) + 1
            stats["docs_non_ascii"] += non_ascii
            if phi:
                stats["docs_with_phi"] += 1
            for kind, value in phi:
                counts[kind] = counts.get(kind, 0) + 1
                stats["phi_chars"] += len(value)
            chunk.append(line)
            if len(chunk) == 4096:
                out.write("\n".join(chunk))
                out.write("\n")
                chunk.clear()
        if chunk:
            out.write("\n".join(chunk))
            out.write("\n")
    return stats


# The generator's kinds, mapped to the shared eval vocabulary
# (shared/corpus/README.md) for the gold file.
TEAM_TYPES = {
    "NAME": "NAME", "DATE": "DATE", "AGE": "AGE", "PHONE": "PHONE",
    "FAX": "FAX", "EMAIL": "EMAIL", "SSN": "SSN", "MRN": "MRN",
    "ACCOUNT": "ACCOUNT", "MEMBER_ID": "HEALTH_PLAN_ID",
    "MBI": "HEALTH_PLAN_ID", "ENCOUNTER": "ID_OTHER", "ACCESSION": "ID_OTHER",
    "NPI": "ID_OTHER", "URL": "URL", "IPV4": "IP_ADDRESS",
    "IPV6": "IP_ADDRESS", "ADDRESS": "ADDRESS", "CITY": "CITY", "ZIP": "ZIP",
    "CREDIT_CARD": "CREDIT_CARD",
}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Generate phimask's synthetic benchmark corpora.")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--clinical-mb", type=float, default=50.0,
                        help="clinical note text to write, in MB (1e6 bytes)")
    parser.add_argument("--log-mb", type=float, default=50.0,
                        help="log lines to write, in MB (1e6 bytes)")
    parser.add_argument("--out-dir", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "data"))
    parser.add_argument("--gold", action="store_true",
                        help="also write clinical.gold.jsonl (spans)")
    args = parser.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)

    started = time.perf_counter()
    clinical_counts, log_counts = {}, {}
    clinical = write_clinical(args, args.out_dir, clinical_counts)
    logs = write_logs(args, args.out_dir, log_counts)
    elapsed = time.perf_counter() - started

    for stats, counts in ((clinical, clinical_counts), (logs, log_counts)):
        stats["phi_values"] = sum(counts.values())
        stats["phi_char_density"] = round(
            stats["phi_chars"] / max(stats["text_chars"], 1), 4)
        stats["counts"] = dict(sorted(counts.items()))
    truth = {
        "generator": GENERATOR,
        "generator_version": VERSION,
        "seed": args.seed,
        "clinical_mb": args.clinical_mb,
        "log_mb": args.log_mb,
        "python": "{}.{}".format(*sys.version_info[:2]),
        "clinical": clinical,
        "logs": logs,
    }
    with open(os.path.join(args.out_dir, "truth.json"), "w",
              encoding="utf-8") as f:
        json.dump(truth, f, indent=2)
        f.write("\n")
    json.dump(truth, sys.stdout, indent=2)
    sys.stdout.write("\n")
    print(f"gen_corpus: wrote {clinical['text_bytes'] / MB:.1f} MB clinical "
          f"({clinical['docs']} notes) + {logs['text_bytes'] / MB:.1f} MB "
          f"logs ({logs['docs']} lines) to {args.out_dir} in {elapsed:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
