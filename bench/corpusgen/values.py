"""Synthetic PHI values, each drawn from one random.Random.

Every identifier is generated to pass the checks a validator would run on it
(SSN area/group/serial rules, Luhn, NPI check digit, MBI character classes,
NANP numbering), in one of the formats people actually write it in.
"""

GIVEN = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth "
    "William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen "
    "Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra "
    "Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle "
    "Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah "
    "Maria Luis Carlos Ana Wei Mei Priya Raj Aisha Omar Fatima Hiroshi Yuki "
    "Olga Ivan Grace Noah Liam Olivia Emma Ava Sophia Mia Ethan Lucas"
).split()
SURNAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez "
    "Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore "
    "Jackson "
    "Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
    "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores "
    "Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts "
    "Patel Shah Kim Chen Wang Li Singh Khan Cohen Murphy O'Brien Sullivan "
    "Okafor Mensah Novak Kowalski Yamamoto Tanaka Schmidt Rossi Silva"
).split()
# Only non-ASCII notes and log lines use these.
GIVEN_ACCENTED = ("José", "Zoë", "Renée", "Chloé", "Björn", "Jürgen", "Inés",
                  "François", "Søren", "Ángel", "Noémie", "Łukasz", "Míriam")
SURNAMES_ACCENTED = ("Müller", "Núñez", "Peña", "Gómez", "Østergaard",
                     "Sánchez", "Dvořák", "Lefèvre", "Citroën", "Ibáñez",
                     "Wójcik", "Álvarez", "Brontë")

MONTHS = ("January February March April May June July August September "
          "October November December").split()
MONTHS_ABBR = [m[:3] for m in MONTHS]
DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

STREETS = ("Main Oak Maple Cedar Pine Elm Washington Lake Hill Park Sunset "
           "Highland Church Walnut Chestnut Spring River Franklin Lincoln "
           "Jefferson Madison Willow Birch Prospect Center").split()
STREET_SUFFIX = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr",
                 "Drive", "Ln", "Lane", "Ct", "Way", "Pl", "Terrace")
CITIES = (("Boston", "MA", "021"), ("Springfield", "IL", "627"),
          ("Columbus", "OH", "432"), ("Austin", "TX", "787"),
          ("Denver", "CO", "802"), ("Portland", "OR", "972"),
          ("Madison", "WI", "537"), ("Raleigh", "NC", "276"),
          ("Tucson", "AZ", "857"), ("Albany", "NY", "122"),
          ("Richmond", "VA", "232"), ("Omaha", "NE", "681"),
          ("Nashville", "TN", "372"), ("Sacramento", "CA", "958"),
          ("Worcester", "MA", "016"), ("Hartford", "CT", "061"))
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
                 "icloud.com", "aol.com", "protonmail.com", "comcast.net",
                 "verizon.net", "att.net")
ORG_DOMAINS = ("mercyhealth.org", "stlukes-clinic.org", "valleymed.com",
               "northshorehealth.org", "riversidecare.net", "summitpeds.com")
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def luhn_check_digit(payload):
    """The digit that makes payload + digit pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number):
    digits = [c for c in number if c.isdigit()]
    return luhn_check_digit("".join(digits[:-1])) == digits[-1]


class Values:
    """PHI value factory. `unicode` switches on the non-ASCII variants."""

    def __init__(self, rng):
        self.rng = rng
        self.unicode = False

    # Names and places.

    def given(self):
        if self.unicode and self.rng.random() < 0.5:
            return self.rng.choice(GIVEN_ACCENTED)
        return self.rng.choice(GIVEN)

    def surname(self):
        if self.unicode and self.rng.random() < 0.5:
            return self.rng.choice(SURNAMES_ACCENTED)
        return self.rng.choice(SURNAMES)

    def street(self):
        r = self.rng
        return (f"{r.randint(1, 9899)} {r.choice(STREETS)} "
                f"{r.choice(STREET_SUFFIX)}")

    def city(self):
        return self.rng.choice(CITIES)

    def zip_for(self, prefix):
        z = f"{prefix}{self.rng.randint(1, 99):02d}"
        if self.rng.random() < 0.2:
            z += f"-{self.rng.randint(1, 9999):04d}"
        return z

    # Dates.

    def ymd(self, first_year, last_year):
        r = self.rng
        m = r.randint(1, 12)
        return r.randint(first_year, last_year), m, r.randint(
            1, DAYS_IN_MONTH[m - 1])

    def date(self, first_year=2018, last_year=2024, ymd=None):
        y, m, d = ymd or self.ymd(first_year, last_year)
        style = self.rng.randrange(12)
        if style == 0:
            s = f"{m:02d}/{d:02d}/{y}"
        elif style == 1:
            s = f"{m}/{d}/{y}"
        elif style == 2:
            s = f"{m}/{d}/{y % 100:02d}"
        elif style == 3:
            s = f"{y}-{m:02d}-{d:02d}"
        elif style == 4:
            s = f"{MONTHS_ABBR[m - 1]} {d}, {y}"
        elif style == 5:
            s = f"{MONTHS[m - 1]} {d}, {y}"
        elif style == 6:
            s = f"{d} {MONTHS_ABBR[m - 1]} {y}"
        elif style == 7:
            s = f"{d:02d}-{MONTHS_ABBR[m - 1].upper()}-{y}"
        elif style == 8:
            s = f"{m:02d}-{d:02d}-{y}"
        elif style == 9:
            suffix = "th" if 10 < d < 14 else {1: "st", 2: "nd", 3: "rd"}.get(
                d % 10, "th")
            s = f"{MONTHS[m - 1]} {d}{suffix}, {y}"
        elif style == 10:
            s = f"{MONTHS_ABBR[m - 1]}. {d}, {y}"
        else:
            s = f"{m:02d}/{d:02d}/{y}"
        return self._maybe_fullwidth(s)

    def dob(self):
        return self.date(ymd=self.ymd(1932, 2006))

    # Contact.

    def phone_digits(self):
        r = self.rng
        while True:
            npa = f"{r.randint(2, 9)}{r.randint(0, 8)}{r.randint(0, 9)}"
            nxx = f"{r.randint(2, 9)}{r.randint(0, 9)}{r.randint(0, 9)}"
            if npa[1:] != "11" and nxx[1:] != "11":
                return npa, nxx, f"{r.randint(0, 9999):04d}"

    def phone(self):
        npa, nxx, line = self.phone_digits()
        style = self.rng.randrange(7)
        if style == 0:
            s = f"({npa}) {nxx}-{line}"
        elif style == 1:
            s = f"{npa}-{nxx}-{line}"
        elif style == 2:
            s = f"{npa}.{nxx}.{line}"
        elif style == 3:
            s = f"+1 {npa} {nxx} {line}"
        elif style == 4:
            s = f"1-{npa}-{nxx}-{line}"
        elif style == 5:
            s = f"({npa}){nxx}-{line}"
        else:
            s = f"+1-{npa}-{nxx}-{line}"
        return self._maybe_fullwidth(s)

    def email(self, given=None, surname=None):
        r = self.rng
        g = (given or r.choice(GIVEN)).lower()
        s = (surname or r.choice(SURNAMES)).lower().replace("'", "")
        if not g.isascii() or not s.isascii():
            g, s = r.choice(GIVEN).lower(), r.choice(SURNAMES).lower()
        style = r.randrange(4)
        if style == 0:
            local = f"{g}.{s}"
        elif style == 1:
            local = f"{g[0]}{s}{r.randint(1, 99)}"
        elif style == 2:
            local = f"{g}_{s}{r.randint(1950, 2005)}"
        else:
            local = f"{s}.{g}{r.randint(1, 9)}"
        domain = r.choice(EMAIL_DOMAINS if r.random() < 0.8 else ORG_DOMAINS)
        return f"{local}@{domain}"

    def url(self):
        r = self.rng
        style = r.randrange(5)
        if style == 0:
            return (f"https://mychart.{r.choice(ORG_DOMAINS)}/patient/"
                    f"{r.randint(100000, 9999999)}")
        if style == 1:
            return (f"https://portal.{r.choice(ORG_DOMAINS)}/records?mrn="
                    f"{r.randint(1000000, 99999999)}&view=summary")
        if style == 2:
            family = r.choice(SURNAMES).lower().replace("'", "")
            return f"http://www.{family}family{r.randint(1, 99)}.net/photos"
        if style == 3:
            return (f"https://telehealth.{r.choice(ORG_DOMAINS)}/join/"
                    f"{r.getrandbits(40):010x}")
        return f"www.{r.choice(ORG_DOMAINS)}/pay/{r.getrandbits(32):08x}"

    def ipv4(self):
        r = self.rng
        return (f"{r.randint(1, 223)}.{r.randint(0, 255)}."
                f"{r.randint(0, 255)}.{r.randint(1, 254)}")

    def ipv6(self):
        r = self.rng
        groups = [f"{r.getrandbits(16):x}" for _ in range(8)]
        style = r.randrange(3)
        if style == 0:
            return ":".join(g.zfill(4) for g in groups)
        if style == 1:
            return ":".join(groups[:3]) + "::" + ":".join(groups[5:])
        return "fe80::" + ":".join(groups[4:])

    # Identifiers.

    def ssn(self):
        r = self.rng
        while True:
            area = r.randint(1, 899)
            if area != 666:
                break
        s = f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        style = r.randrange(10)
        if style == 0:
            s = s.replace("-", " ")
        elif style == 1:
            s = s.replace("-", "")
        if self.unicode and r.random() < 0.3:
            s = s[:6] + "\u200b" + s[6:]
        return self._maybe_fullwidth(s)

    def mrn(self):
        r = self.rng
        style = r.randrange(4)
        if style == 0:
            return f"{r.randint(1000000, 99999999)}"
        if style == 1:
            return f"{r.randint(0, 9999999):08d}"
        if style == 2:
            letter = r.choice("ABCDEFGHJKMNPRSTUVWXYZ")
            return f"{letter}{r.randint(100000, 9999999)}"
        a, b, c = (r.randint(100, 999) for _ in range(3))
        return f"{a}-{b}-{c}"

    def account(self):
        r = self.rng
        if r.random() < 0.3:
            return f"{r.randint(10, 99)}-{r.randint(1000000, 9999999)}"
        return f"{r.randint(100000000, 9999999999)}"

    def member_id(self):
        r = self.rng
        prefix = "".join(r.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(3))
        return f"{prefix}{r.randint(100000000, 999999999)}"

    def encounter(self):
        r = self.rng
        if r.random() < 0.5:
            return f"E{r.randint(10000000, 99999999)}"
        return f"{r.randint(100000000, 999999999)}"

    def accession(self):
        r = self.rng
        prefix = r.choice(("RAD", "CT", "MR", "LAB", "US"))
        return f"{prefix}{r.randint(2018, 2024)}-{r.randint(1, 999999):06d}"

    def npi(self):
        r = self.rng
        nine = f"{r.randint(1, 2)}{r.randint(0, 99999999):08d}"
        return nine + luhn_check_digit("80840" + nine)

    def mbi(self):
        r = self.rng
        c = r.choice
        alnum = MBI_ALPHA + "0123456789"
        s = (f"{r.randint(1, 9)}{c(MBI_ALPHA)}{c(alnum)}{r.randint(0, 9)}"
             f"{c(MBI_ALPHA)}{c(alnum)}{r.randint(0, 9)}{c(MBI_ALPHA)}"
             f"{c(MBI_ALPHA)}{r.randint(0, 9)}{r.randint(0, 9)}")
        if r.random() < 0.3:
            s = f"{s[:4]}-{s[4:7]}-{s[7:]}"
        return s

    def credit_card(self):
        r = self.rng
        kind = r.randrange(4)
        groups = (4, 4, 4, 4)
        if kind == 0:  # Visa
            payload = "4" + self._digits(14)
        elif kind == 1:  # Mastercard
            payload = f"5{r.randint(1, 5)}" + self._digits(13)
        elif kind == 2:  # American Express
            payload = f"3{r.choice('47')}" + self._digits(12)
            groups = (4, 6, 5)
        else:  # Discover
            payload = "6011" + self._digits(11)
        number = payload + luhn_check_digit(payload)
        sep = r.choice(("", " ", "-", " "))
        parts, at = [], 0
        for g in groups:
            parts.append(number[at:at + g])
            at += g
        return sep.join(parts)

    def _digits(self, n):
        return "".join(str(self.rng.randint(0, 9)) for _ in range(n))

    def _maybe_fullwidth(self, s):
        if self.unicode and self.rng.random() < 0.15:
            return s.translate(FULLWIDTH)
        return s
