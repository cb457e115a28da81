"""The tools compared, each behind one interface: set up, find spans, redact.

Every tool does the same job: find the PHI in a text and replace each value
with a placeholder. ``spans`` returns (start, end, type) in str indices, for
the scorer; ``redact`` returns the redacted text and is what is timed. Each
peer is configured the way its documentation recommends for English PII text,
with what can be installed from the package registries (see README section
"Comparison with other tools" in bench/README.md).
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from dataclasses import dataclass, field
from typing import Any, Callable

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

Span = tuple[int, int, str]


@dataclass
class Tool:
    name: str
    version: str
    config: str
    spans: Callable[[str], list[Span]]
    redact: Callable[[str], str]
    #: Type names of the tool -> the scorer's vocabulary (shown in the README table).
    type_map: dict[str, str] = field(default_factory=dict)
    #: For a tool in another process: (docs, seconds budget) -> (bytes, seconds, calls), timed there.
    throughput: Callable[[list[str], float], tuple[int, float, int]] | None = None
    #: Likewise: prompts -> seconds per call.
    latencies: Callable[[list[str]], list[float]] | None = None


def replace_spans(text: str, spans: list[Span]) -> str:
    """``text`` with each (non-overlapping, sorted) span replaced by ``<TYPE>``."""
    out, pos = [], 0
    for start, end, kind in spans:
        out.append(text[pos:start])
        out.append(f"<{kind}>")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def leftmost_longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, keeping the leftmost and then the longest (what a plain matcher would do)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def version_of(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


# phimask ---------------------------------------------------------------------


def phimask_tool() -> Tool:
    import phimask

    engine = phimask.default_engine()

    def spans(text: str) -> list[Span]:
        return [(s.start, s.end, s.type) for s in engine.detect(text)]

    return Tool("phimask", phimask.__version__, "default policy (us_core, us_names, us_places)", spans,
                lambda text: engine.redact(text).text)


# Baselines: phimask's structured-identifier patterns without the engine ------


def structured_patterns() -> list[tuple[str, str, bool]]:
    """(type, expression, caseless) for every pattern of models/us_core.json: label, value and
    trailer as one expression with the value in group ``v`` (no validators, context or recognizers)."""
    with open(os.path.join(ROOT, "models", "us_core.json"), encoding="utf-8") as f:
        pack = json.load(f)
    out = []
    for det in pack["detectors"]:
        patterns = det.get("patterns") or [{"pattern": det["pattern"]}]
        for p in patterns:
            p = {"pattern": p} if isinstance(p, str) else p
            expr = ""
            if p.get("label"):
                expr += f"(?:{p['label']})"
            expr += f"(?P<v>{p['pattern']})"
            if p.get("trailer"):
                expr += f"(?:{p['trailer']})"
            out.append((det["type"], expr, bool(det.get("caseless", False))))
    return out


def re_baseline() -> Tool:
    compiled = []
    rejected = 0
    for kind, expr, caseless in structured_patterns():
        try:
            compiled.append((kind, re.compile(expr, re.IGNORECASE if caseless else 0)))
        except re.error:
            rejected += 1

    def spans(text: str) -> list[Span]:
        found = [(m.start("v"), m.end("v"), kind) for kind, rx in compiled for m in rx.finditer(text)]
        return leftmost_longest(found)

    config = f"{len(compiled)} patterns of us_core ({rejected} that `re` rejects left out), no validators"
    return Tool("re + phimask patterns", "Python " + ".".join(map(str, os.sys.version_info[:3])), config, spans,
                lambda text: replace_spans(text, spans(text)))


def hyperscan_baseline() -> Tool:
    import hyperscan

    kinds, exprs, flags = [], [], []
    for kind, expr, caseless in structured_patterns():
        plain = expr.replace("(?P<v>", "(?:")
        kinds.append(kind)
        exprs.append(plain.encode())
        flags.append(hyperscan.HS_FLAG_SOM_LEFTMOST | (hyperscan.HS_FLAG_CASELESS if caseless else 0))
    def compiled(ids: list[int]) -> Any:
        db = hyperscan.Database()
        db.compile(expressions=[exprs[i] for i in ids], flags=[flags[i] for i in ids], ids=ids)
        return db

    usable = list(range(len(exprs)))
    try:
        db = compiled(usable)
    except hyperscan.error:  # keep what this Hyperscan build accepts, one by one
        usable = [i for i in usable if _compiles(compiled, i)]
        db = compiled(usable)

    def spans(text: str) -> list[Span]:
        data = text.encode()
        found: list[tuple[int, int, str]] = []

        def on_match(id_: int, start: int, end: int, _flags: int, _ctx: Any) -> None:
            found.append((start, end, kinds[id_]))

        db.scan(data, match_event_handler=on_match)
        kept = leftmost_longest(found)
        if data.isascii():
            return kept
        # byte offsets to str indices
        index = [0] * (len(data) + 1)
        pos = 0
        for i, ch in enumerate(text):
            n = len(ch.encode())
            for k in range(n):
                index[pos + k] = i
            pos += n
        index[len(data)] = len(text)
        return [(index[s], index[e], k) for s, e, k in kept]

    config = f"the same {len(usable)} expressions in one database (SOM leftmost), no validators"
    return Tool("hyperscan + phimask patterns", version_of("hyperscan"), config, spans,
                lambda text: replace_spans(text, spans(text)))


def _compiles(compiled: Callable[[list[int]], Any], i: int) -> bool:
    import hyperscan

    try:
        compiled([i])
        return True
    except hyperscan.error:
        return False


# Presidio ----------------------------------------------------------------------

PRESIDIO_TYPES = {"PERSON": "NAME", "DATE_TIME": "DATE", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL",
                  "US_SSN": "SSN", "LOCATION": "LOCATION_OTHER", "US_DRIVER_LICENSE": "LICENSE",
                  "US_PASSPORT": "ID_OTHER", "US_BANK_NUMBER": "ACCOUNT", "US_ITIN": "ID_OTHER",
                  "MEDICAL_LICENSE": "LICENSE", "NRP": "OTHER", "IBAN_CODE": "ACCOUNT", "CRYPTO": "ACCOUNT"}


def presidio_regex() -> Tool:
    """Presidio's predefined recognizers without an NLP model: a blank spaCy pipeline (tokenizer only)."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_anonymizer import AnonymizerEngine

    logging.getLogger("tldextract").setLevel(logging.CRITICAL)  # no network: it falls back to its bundled list

    class BlankEnglish(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}

    nlp = BlankEnglish(models=[{"lang_code": "en", "model_name": "blank"}])
    nlp.load()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers()
    analyzer = AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["en"])
    anonymizer = AnonymizerEngine()

    def spans(text: str) -> list[Span]:
        results = analyzer.analyze(text=text, language="en")
        return leftmost_longest([(r.start, r.end, r.entity_type) for r in results])

    def redact(text: str) -> str:
        return anonymizer.anonymize(text=text, analyzer_results=analyzer.analyze(text=text, language="en")).text

    return Tool("Presidio (regex recognizers)", version_of("presidio-analyzer"),
                "AnalyzerEngine with all predefined recognizers, blank spaCy `en` (no NER model); "
                "AnonymizerEngine default replace", spans, redact, PRESIDIO_TYPES)


# scrubadub -------------------------------------------------------------------

SCRUBADUB_TYPES = {"PHONE": "PHONE", "EMAIL": "EMAIL", "URL": "URL", "SOCIAL_SECURITY_NUMBER": "SSN",
                   "CREDIT_CARD": "CREDIT_CARD", "CREDENTIAL": "OTHER", "TWITTER": "OTHER"}


def scrubadub_tool() -> Tool:
    import scrubadub

    scrubber = scrubadub.Scrubber()

    def spans(text: str) -> list[Span]:
        return leftmost_longest([(f.beg, f.end, f.type.upper()) for f in scrubber.iter_filth(text)])

    return Tool("scrubadub", version_of("scrubadub"), "Scrubber() with its default detectors (no spaCy/name extras)",
                spans, scrubber.clean, SCRUBADUB_TYPES)


# datafog ---------------------------------------------------------------------

DATAFOG_TYPES = {"PHONE": "PHONE", "EMAIL": "EMAIL", "SSN": "SSN", "DATE": "DATE", "CREDIT_CARD": "CREDIT_CARD",
                 "IP_ADDRESS": "IP_ADDRESS", "ZIP_CODE": "ZIP", "ZIP": "ZIP"}


def datafog_tool() -> Tool:
    import datafog

    def spans(text: str) -> list[Span]:
        return leftmost_longest([(e.start, e.end, e.type) for e in datafog.scan(text, engine="regex").entities])

    return Tool("datafog (regex engine)", version_of("datafog"), "datafog.scan / datafog.redact, engine=\"regex\"",
                spans, lambda text: datafog.redact(text, engine="regex").redacted_text, DATAFOG_TYPES)


# redact-pii (Node) -------------------------------------------------------------

REDACT_PII_TYPES = {"PERSON_NAME": "NAME", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL",
                    "US_SOCIAL_SECURITY_NUMBER": "SSN", "CREDIT_CARD_NUMBER": "CREDIT_CARD", "STREET_ADDRESS": "ADDRESS",
                    "ZIPCODE": "ZIP", "IP_ADDRESS": "IP_ADDRESS", "URL": "URL", "DIGITS": "ID_OTHER",
                    "USERNAME": "OTHER", "PASSWORD": "OTHER", "CREDENTIALS": "OTHER"}


class NodeRunner:
    """bench/compare/redact_pii.mjs in a Node process: a JSON request per line, a JSON answer per line."""

    def __init__(self, node_modules: str) -> None:
        env = dict(os.environ, NODE_PATH=node_modules)
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "redact_pii.mjs")
        self.proc = subprocess.Popen(["node", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env=env, encoding="utf-8")
        self.version = self.call({"op": "version"})["version"]

    def call(self, request: dict[str, Any]) -> Any:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())


def redact_pii_tool(node_modules: str) -> Tool:
    runner = NodeRunner(node_modules)

    def redact(text: str) -> str:
        return runner.call({"op": "redact", "texts": [text]})["texts"][0]

    def spans(text: str) -> list[Span]:
        return spans_from_redaction(text, redact(text))

    def throughput(docs: list[str], budget: float) -> tuple[int, float, int]:
        r = runner.call({"op": "throughput", "texts": docs, "budget": budget})
        return r["bytes"], r["seconds"], r["calls"]

    def latencies(prompts: list[str]) -> list[float]:
        return runner.call({"op": "latencies", "texts": prompts})["seconds"]

    return Tool("redact-pii (Node)", runner.version, "new SyncRedactor() with its default rules (no Google DLP)",
                spans, redact, REDACT_PII_TYPES, throughput, latencies)


def spans_from_redaction(original: str, redacted: str) -> list[Span]:
    """Where a redactor that returns only text replaced something: the changed regions, typed by the placeholder."""
    import difflib

    out = []
    matcher = difflib.SequenceMatcher(None, original, redacted, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("replace", "delete") and a1 > a0:
            kind = re.sub(r"[^A-Z_]", "", redacted[b0:b1].upper()) or "OTHER"
            out.append((a0, a1, kind))
    return out
