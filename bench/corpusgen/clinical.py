"""Synthetic clinical notes with exact PHI spans.

A note is assembled from the templates in templates.py; every PHI field
filled in is recorded as a (start, end, kind) span in Python str (code point)
offsets, so text[start:end] is the value.
"""

import random
import string

from . import templates as t
from .values import Values

NON_ASCII_RATE = 0.01
# Equal-length substitutions for non-ASCII notes, so spans stay exact. None of
# them can occur inside a PHI value.
UNICODE_SUBS = ((" - ", " \u2013 "), ("BP ", "BP\u00a0"), (" F,", "\u00b0F,"),
                ("Dr. ", "Dr.\u00a0"))


def _compile(template):
    """'a {x} b' -> (('a ', 'x', ''), (' b', None, None))."""
    return tuple((literal, field, spec)
                 for literal, field, spec, _ in string.Formatter().parse(
                     template))


def _compile_all(templates):
    return tuple(_compile(s) for s in templates)


HEADERS = _compile_all(t.HEADERS)
HPI = _compile_all(t.HPI)
PMH = _compile_all(t.PMH)
SOCIAL = _compile_all(t.SOCIAL)
VITALS = _compile_all(t.VITALS)
EXAM = _compile_all(t.EXAM)
LABS = _compile_all(t.LABS)
ALLERGIES = _compile_all(t.ALLERGIES)
PLAN = _compile_all(t.PLAN)
BILLING = _compile_all(t.BILLING)
DISCHARGE = _compile_all(t.DISCHARGE)
PHONE_ENC = _compile_all(t.PHONE_ENC)
RADIOLOGY = _compile_all(t.RADIOLOGY)
TELEHEALTH = _compile_all(t.TELEHEALTH)
SIGNATURES = _compile_all(t.SIGNATURES)
FILLER = _compile_all(t.FILLER)
ROS = _compile_all(t.ROS)
ASSESSMENT = _compile_all(t.ASSESSMENT)
EDUCATION = _compile_all(t.EDUCATION)
COURSE = _compile_all(t.COURSE)


class NoteWriter:
    """Writes one note per call to note(); deterministic for a given seed."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.values = Values(self.rng)
        v = self.values
        ctx = {}
        self.ctx = ctx
        # field -> (kind, function returning the value)
        self.phi_fields = {
            "pt_name": ("NAME", lambda: ctx["pt_name"]),
            "pt_first": ("NAME", lambda: ctx["pt_first"]),
            "pt_last": ("NAME", lambda: ctx["pt_last"]),
            "pt_dob": ("DATE", lambda: ctx["pt_dob"]),
            "pt_mrn": ("MRN", lambda: ctx["pt_mrn"]),
            "visit_date": ("DATE", lambda: ctx["visit_date"]),
            "city": ("CITY", lambda: ctx["city"]),
            "zip": ("ZIP", lambda: ctx["zip"]),
            "clinic_phone": ("PHONE", lambda: ctx["clinic_phone"]),
            "dr_name": ("NAME", lambda: ctx["dr_name"]),
            "dr_last": ("NAME", lambda: ctx["dr_last"]),
            "rel_name": ("NAME",
                         lambda: f"{v.given()} {ctx['pt_last']}"),
            "date": ("DATE", v.date),
            "phone": ("PHONE", v.phone),
            "fax": ("FAX", v.phone),
            "email": ("EMAIL", self._email),
            "url": ("URL", v.url),
            "ipv4": ("IPV4", v.ipv4),
            "ipv6": ("IPV6", v.ipv6),
            "address": ("ADDRESS", v.street),
            "ssn": ("SSN", v.ssn),
            "account": ("ACCOUNT", v.account),
            "encounter": ("ENCOUNTER", v.encounter),
            "member_id": ("MEMBER_ID", v.member_id),
            "mbi": ("MBI", v.mbi),
            "credit_card": ("CREDIT_CARD", v.credit_card),
            "npi": ("NPI", v.npi),
            "accession": ("ACCESSION", v.accession),
        }
        self.parts = []
        self.spans = []
        self.pos = 0

    def note(self):
        """Returns (text, spans, non_ascii) for the next note."""
        rng = self.rng
        non_ascii = rng.random() < NON_ASCII_RATE
        self.values.unicode = non_ascii
        self._new_patient()
        self.parts, self.spans, self.pos = [], [], 0

        kind = rng.random()
        if kind < 0.55:
            self._progress_note(telehealth=False)
        elif kind < 0.65:
            self._progress_note(telehealth=True)
        elif kind < 0.85:
            self._discharge_summary()
        elif kind < 0.93:
            self._phone_encounter()
        else:
            self._radiology_report()

        text = "".join(self.parts)
        if non_ascii:
            for old, new in UNICODE_SUBS:
                text = text.replace(old, new)
        return text, self.spans, non_ascii

    # Note types.

    def _progress_note(self, telehealth):
        rng = self.rng
        self._emit(rng.choice(HEADERS))
        self._lit(rng.choice(("\nHPI:\n", "\nHISTORY OF PRESENT ILLNESS:\n",
                              "\nSubjective:\n")))
        self._para(HPI, 3, 7)
        self._para(PMH, 1, 2)
        self._lit(rng.choice(("\nROS:\n", "\nREVIEW OF SYSTEMS:\n")))
        self._para(ROS, 4, 7)
        self._meds(4, 12)
        self._para(ALLERGIES, 1, 1)
        self._para(SOCIAL, 1, 1)
        self._lit(rng.choice(("\nObjective:\n", "\nPHYSICAL EXAM:\n", "\n")))
        self._para(VITALS, 1, 1)
        self._para(EXAM, 3, 5)
        self._para(LABS, 1, 4)
        if telehealth:
            self._para(TELEHEALTH, 1, 1)
        self._lit(rng.choice(("\nAssessment and Plan:\n", "\nA/P:\n",
                              "\nASSESSMENT/PLAN:\n")))
        self._para(ASSESSMENT, 2, 4)
        self._lines(PLAN, 1, 4)
        self._para(EDUCATION, 2, 4)
        self._para(BILLING, 0, 1)
        self._para(FILLER, 1, 3)
        self._emit(rng.choice(SIGNATURES))

    def _discharge_summary(self):
        rng = self.rng
        self._emit(rng.choice(HEADERS))
        self._lit("\nDISCHARGE SUMMARY\n")
        self._emit(DISCHARGE[0])
        self._lit("\nHistory:\n")
        self._para(HPI, 3, 5)
        self._lit("\nHospital course:\n")
        self._para(DISCHARGE[1:3], 2, 2)
        self._para(COURSE, 2, 5)
        self._para(LABS, 2, 4)
        self._para(ASSESSMENT, 1, 3)
        self._meds(4, 12)
        self._para(EDUCATION, 1, 3)
        self._lit("\nFollow-up:\n")
        self._para(DISCHARGE[3:], 1, 2)
        self._lines(PLAN, 1, 3)
        self._para(BILLING, 1, 2)
        self._emit(rng.choice(SIGNATURES))

    def _phone_encounter(self):
        rng = self.rng
        self._emit(HEADERS[3])
        self._lit("\n")
        self._para(PHONE_ENC, 1, 2)
        self._para(ASSESSMENT, 1, 2)
        self._para(EDUCATION, 1, 2)
        self._para(FILLER, 1, 2)
        self._para(BILLING, 0, 1)
        self._emit(rng.choice(SIGNATURES))

    def _radiology_report(self):
        rng = self.rng
        self._emit(rng.choice(HEADERS))
        self._lit("\n")
        self._emit(RADIOLOGY[0])
        self._emit(rng.choice(SIGNATURES))

    # Assembly.

    def _new_patient(self):
        v, ctx = self.values, self.ctx
        first, last = v.given(), v.surname()
        dob_ymd = v.ymd(1932, 2006)
        city, state, prefix = v.city()
        ctx.update(
            pt_first=first, pt_last=last, pt_name=f"{first} {last}",
            pt_dob=v.date(ymd=dob_ymd), pt_mrn=v.mrn(),
            visit_date=v.date(2022, 2024), age=2024 - dob_ymd[0],
            city=city, state=state, zip=v.zip_for(prefix),
            clinic_phone=v.phone(),
        )
        dr_last = v.surname()
        ctx["dr_last"] = dr_last
        ctx["dr_name"] = f"{v.given()} {dr_last}"

    def _email(self):
        ctx = self.ctx
        if self.rng.random() < 0.6:
            return self.values.email(ctx["pt_first"], ctx["pt_last"])
        return self.values.email()

    def _lit(self, s):
        self.parts.append(s)
        self.pos += len(s)

    def _phi(self, kind, value):
        start = self.pos
        self.parts.append(value)
        self.pos += len(value)
        self.spans.append((start, self.pos, kind))

    def _emit(self, compiled):
        rng, ctx = self.rng, self.ctx
        for literal, field, spec in compiled:
            if literal:
                self._lit(literal)
            if field is None:
                continue
            phi = self.phi_fields.get(field)
            if phi is not None:
                self._phi(phi[0], phi[1]())
            elif field in t.WORDS:
                self._lit(rng.choice(t.WORDS[field]))
            elif field == "int":
                lo, hi = spec.split(":")
                self._lit(str(rng.randint(int(lo), int(hi))))
            elif field == "dec":
                lo, hi, places = spec.split(":")
                self._lit(f"{rng.uniform(float(lo), float(hi)):.{places}f}")
            elif field == "age":
                age = ctx["age"]
                if age > 89:
                    self._phi("AGE", str(age))
                else:
                    self._lit(str(age))
            elif field == "state":
                self._lit(ctx["state"])
            else:
                raise KeyError(f"unknown template field {field!r}")

    def _para(self, pool, lo, hi):
        """lo..hi distinct sentences of pool on one line."""
        n = min(self.rng.randint(lo, hi), len(pool))
        if n == 0:
            return
        for i, compiled in enumerate(self.rng.sample(pool, n)):
            if i:
                self._lit(" ")
            self._emit(compiled)
        self._lit("\n")

    def _lines(self, pool, lo, hi):
        """lo..hi distinct sentences of pool, one per line."""
        n = min(self.rng.randint(lo, hi), len(pool))
        for compiled in self.rng.sample(pool, n):
            self._emit(compiled)
            self._lit("\n")

    def _meds(self, lo, hi):
        rng = self.rng
        self._lit("\n" + rng.choice(t.MEDS_HEAD) + "\n")
        for _ in range(rng.randint(lo, hi)):
            self._lit("- " + rng.choice(t.WORDS["med"]) + "\n")

