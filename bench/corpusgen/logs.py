"""Synthetic JSON log lines from a fictional healthcare backend.

Most lines carry no PHI (health checks, timings, cache statistics); the rest
carry it in the message, the user object or the request (email, name, client
IP, phone, MRN in a path...). The timestamp is not counted as PHI.
"""

import json
import random
import time

from .clinical import _compile
from .values import Values

NON_ASCII_RATE = 0.01
EPOCH = 1709251200  # 2024-03-01T00:00:00Z

SERVICES = ("patient-api", "auth-svc", "billing-worker", "scheduler",
            "fhir-gateway", "notify", "lab-ingest", "claims-batch")
LEVELS = ("info",) * 14 + ("debug",) * 3 + ("warn",) * 2 + ("error",)
METHODS = ("GET",) * 6 + ("POST",) * 3 + ("PUT", "DELETE")
STATUSES = (200,) * 12 + (201, 204, 301, 400, 401, 403, 404, 409, 500, 503)
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/122.0.6261.112 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) "
    "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148",
    "okhttp/4.12.0", "python-requests/2.31.0", "Go-http-client/2.0",
    "MyChartApp/10.4.2 (Android 14; Pixel 7)",
)

# Message templates: (weight, template). Fields as in templates.py, plus
# {hex:N}, {uuid} and {ms}, which are never PHI.
MESSAGES = (
    (30, "GET /healthz 200 in {int:1:9} ms"),
    (10, "cache {word_hit} key=session:{hex:16} ttl={int:60:3600}s"),
    (8, "processed batch size={int:50:5000} in {ms} ms (queue depth "
        "{int:0:900})"),
    (6, "connection pool stats active={int:0:40} idle={int:0:40} "
        "waiting={int:0:9}"),
    (4, "retrying upstream call attempt={int:1:5} backoff_ms={int:50:4000} "
        "trace={hex:32}"),
    (4, "config reloaded version={int:100:999} checksum={hex:40}"),
    (5, "login succeeded for {email}"),
    (3, "password reset requested for {email} from {ipv4}"),
    (3, "sms reminder sent to {phone} for appointment on {date}"),
    (1, "fax delivered to {fax} pages={int:1:30} job={uuid}"),
    (1, "outbound fax queued fax={fax} pages={int:1:30} job={uuid}"),
    (3, "patient lookup mrn={mrn} by user {dr_last}"),
    (2, "eligibility check member_id={member_id} payer={payer} "
        "result=active"),
    (2, "claim {hex:12} submitted for {name} (DOB {dob}) rendering NPI {npi}"),
    (1, "payment authorized card={credit_card} "
        "amount=${int:5:900}.{int:10:99}"),
    (2, "payment authorized card=****{int:1000:9999} amount=${int:5:900}.00"),
    (1, "identity verification failed for applicant ssn={ssn} "
        "reason=mismatch"),
    (2, "upload of lab result accession={accession} mrn={mrn} complete"),
    (1, "Medicare eligibility response mbi={mbi} status=ACTIVE"),
    (2, "websocket opened from {ipv6}"),
    (2, "webhook POST to {url} returned {status}"),
    (2, "appointment booked for {name} on {date}, contact {phone}"),
    (2, "error parsing HL7 ADT^A08 for patient {name}: PID-7 '{dob}' invalid"),
)
WORDS = {"word_hit": ("hit", "miss", "evict"),
         "payer": ("Aetna", "Cigna", "Humana", "BCBS-MA", "Medicaid-NY"),
         "status": ("200", "202", "500", "504")}
PATHS = ("/api/v2/patients/{}/encounters", "/api/v2/patients/{}/labs",
         "/fhir/r4/Patient/{}", "/api/v1/appointments?mrn={}")
PLAIN_PATHS = ("/healthz", "/metrics", "/api/v2/schedule/slots",
               "/fhir/r4/metadata", "/api/v1/session/refresh",
               "/static/app.js")


class LogWriter:
    """Writes one JSON log line per call to line(); deterministic."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.values = Values(self.rng)
        v = self.values
        self.phi_fields = {
            "email": ("EMAIL", v.email), "ipv4": ("IPV4", v.ipv4),
            "ipv6": ("IPV6", v.ipv6), "phone": ("PHONE", v.phone),
            "fax": ("FAX", v.phone), "date": ("DATE", v.date),
            "dob": ("DATE", v.dob), "mrn": ("MRN", v.mrn),
            "member_id": ("MEMBER_ID", v.member_id), "npi": ("NPI", v.npi),
            "credit_card": ("CREDIT_CARD", v.credit_card),
            "ssn": ("SSN", v.ssn), "accession": ("ACCESSION", v.accession),
            "mbi": ("MBI", v.mbi), "url": ("URL", v.url),
            "name": ("NAME", lambda: f"{v.given()} {v.surname()}"),
            "dr_last": ("NAME", v.surname),
        }
        self.messages = []
        for weight, template in MESSAGES:
            self.messages.extend([_compile(template)] * weight)
        self.now_ms = EPOCH * 1000

    def line(self):
        """Returns (json_line, [(kind, value), ...], non_ascii)."""
        rng, v = self.rng, self.values
        non_ascii = rng.random() < NON_ASCII_RATE
        v.unicode = non_ascii
        phi = []
        self.now_ms += rng.randint(0, 40)
        secs, ms = divmod(self.now_ms, 1000)
        ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs))
        record = {
            "ts": f"{ts}.{ms:03d}Z",
            "level": rng.choice(LEVELS),
            "service": rng.choice(SERVICES),
            "msg": self._message(phi),
        }
        r = rng.random()
        if r < 0.12:
            given, surname = v.given(), v.surname()
            email = v.email(given, surname)
            name = f"{given} {surname}"
            record["user"] = {"id": f"u_{rng.getrandbits(32):08x}",
                              "email": email, "name": name}
            phi += [("EMAIL", email), ("NAME", name)]
        elif r < 0.5:
            record["user"] = {"id": f"svc-{record['service']}",
                              "role": "service"}
        record["req"] = self._request(phi)
        return json.dumps(record, ensure_ascii=False), phi, non_ascii

    def _message(self, phi):
        rng = self.rng
        out = []
        for literal, field, spec in rng.choice(self.messages):
            out.append(literal)
            if field is None:
                continue
            entry = self.phi_fields.get(field)
            if entry is not None:
                value = entry[1]()
                phi.append((entry[0], value))
                out.append(value)
            elif field in WORDS:
                out.append(rng.choice(WORDS[field]))
            elif field == "int":
                lo, hi = spec.split(":")
                out.append(str(rng.randint(int(lo), int(hi))))
            elif field == "hex":
                n = int(spec)
                out.append(f"{rng.getrandbits(4 * n):0{n}x}")
            elif field == "uuid":
                out.append(self._uuid())
            elif field == "ms":
                out.append(f"{rng.uniform(0.2, 900):.1f}")
            else:
                raise KeyError(f"unknown log field {field!r}")
        return "".join(out)

    def _request(self, phi):
        rng, v = self.rng, self.values
        req = {"id": self._uuid(), "method": rng.choice(METHODS)}
        if rng.random() < 0.1:
            mrn = v.mrn()
            phi.append(("MRN", mrn))
            req["path"] = rng.choice(PATHS).format(mrn)
        else:
            req["path"] = rng.choice(PLAIN_PATHS)
        req["status"] = rng.choice(STATUSES)
        req["latency_ms"] = round(rng.uniform(0.3, 2500), 1)
        if rng.random() < 0.2:
            ip = v.ipv4() if rng.random() < 0.85 else v.ipv6()
            phi.append(("IPV4" if "." in ip else "IPV6", ip))
            req["ip"] = ip
        else:
            # In-cluster traffic: a private address, not counted as PHI.
            b, c = rng.randint(0, 255), rng.randint(0, 255)
            req["ip"] = f"10.{b}.{c}.{rng.randint(1, 254)}"
        if rng.random() < 0.3:
            req["ua"] = rng.choice(USER_AGENTS)
        return req

    def _uuid(self):
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
