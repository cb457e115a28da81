"""The accuracy targets and how each is read from the scorer's JSON output.

Every target is on the HIPAA Safe Harbor subset (gold spans with "hipaa": true;
the others are don't-care regions) and type-agnostic: a gold character counts as
found when any predicted span covers it, whatever its type, because that is what
keeps it out of the redacted text.
"""

from dataclasses import dataclass

SUBSET = "hipaa"
ENGLISH = ("asq_phi", "presidio_synth_v2")
MEDDOCAN = ("meddocan",)


@dataclass(frozen=True)
class Target:
    corpus: str
    gold_type: str | None  # None: the whole corpus
    figure: str  # "recall" or "precision"
    threshold: float

    def label(self):
        if self.gold_type is None:
            return f"character {self.figure}"
        return f"{self.gold_type} character recall"


def _targets():
    out = []
    for corpus in ENGLISH:
        out.append(Target(corpus, None, "recall", 0.97))
        out.append(Target(corpus, None, "precision", 0.90))
        out.append(Target(corpus, "NAME", "recall", 0.95))
        for t in ("SSN", "PHONE", "EMAIL", "MRN", "DATE"):
            out.append(Target(corpus, t, "recall", 0.99))
    for corpus in MEDDOCAN:
        for t in ("DATE", "PHONE", "EMAIL", "MRN", "HEALTH_PLAN_ID", "LICENSE", "ID_OTHER", "ZIP"):
            out.append(Target(corpus, t, "recall", 0.95))
    return tuple(out)


TARGETS = _targets()


def measure(target, scores):
    """The measured value of a target, or None when it cannot be measured.

    scores maps a corpus name to the scorer's "results" object ({"all": ...,
    "hipaa": ...}). None when the corpus was not evaluated or has no gold span
    of the target's type in the subset.
    """
    results = scores.get(target.corpus)
    if results is None:
        return None
    res = results[SUBSET]
    if target.gold_type is None:
        return res["char_untyped"][target.figure]
    per_type = res["per_gold_type"].get(target.gold_type)
    if per_type is None or not per_type["gold_spans"]:
        return None
    return per_type["char_recall_untyped"]


def check(scores):
    """[(target, measured or None, "yes" / "no" / "n/a")] for every target."""
    rows = []
    for t in TARGETS:
        value = measure(t, scores)
        verdict = "n/a" if value is None else ("yes" if value >= t.threshold else "no")
        rows.append((t, value, verdict))
    return rows
