"""Value generators for set J: Faker providers (pinned version, seeded) and typed lists."""

from __future__ import annotations

import collections
import datetime as dt
import random
import re
import string
import sys
import unicodedata
from typing import Callable

import faker

FAKER_VERSION = "40.63.0"
SEED = 20261206
LOCALES = ["en_US", "en_PH", "en_NZ", "en_IN", "fr_CA", "de_DE", "es_ES", "it_IT"]
# en_US is what a US program mostly sees; the other locales are patients, visitors, relatives.
LOCALE_WEIGHTS = [8, 2, 2, 2, 2, 1, 2, 1]
PHONE_LOCALES = ["en_US", "en_NZ", "en_IN", "fr_CA", "de_DE", "es_ES", "it_IT"]
MAX_PASSAGES_PER_VALUE = 2

if faker.VERSION != FAKER_VERSION:
    sys.exit(f"needs faker=={FAKER_VERSION} (found {faker.VERSION}) to regenerate the same bytes")

F = {loc: faker.Faker(loc) for loc in LOCALES}
for _i, _loc in enumerate(LOCALES):
    F[_loc].seed_instance(SEED + _i)
R = random.Random(SEED)

# ---------------------------------------------------------------- typed lists
# Real small US towns (incorporated places, mostly under 5,000 people), typed by hand.
SMALL_TOWNS = [
    "Ekalaka", "Wibaux", "Lusk", "Medicine Lodge", "Valentine", "Broken Bow", "Chinle", "Kayenta",
    "Tuba City", "Ganado", "Shiprock", "Pinedale", "Big Timber", "Roundup", "Jordan", "Circle",
    "Scobey", "Plentywood", "Malta", "Harlowton", "Choteau", "Cut Bank", "Chinook", "Eureka",
    "Libby", "Superior", "Thompson Falls", "Ennis", "Townsend", "Hysham", "Forsyth", "Mobridge",
    "Faith", "Philip", "Murdo", "Kadoka", "Wall", "Belle Fourche", "Lemmon", "McLaughlin",
    "Timber Lake", "Eagle Butte", "Wanblee", "Mission", "Winner", "Bonesteel", "Ainsworth",
    "Bassett", "Springview", "Chadron", "Rushville", "Hyannis", "Mullen", "Thedford", "Arthur",
    "Tryon", "Stapleton", "Burwell", "Ord", "Elgin", "Hinton", "Welch", "War", "Grundy",
    "Pineville", "Hazard", "Hindman", "Whitesburg", "Inez", "Salyersville", "Booneville", "Hyden",
    "McKee", "Sneedville", "Jonesville", "Coeburn", "Big Stone Gap", "Clintwood", "Vansant",
    "Marlinton", "Moorefield", "Romney", "Philippi", "Parsons", "Hamlin", "Sutton", "Harrisville",
    "Lake Village", "Tunica", "Belzoni", "Rolling Fork", "Mayersville", "Marks", "Hays", "Quitman",
    "Hollandale", "Tallulah", "Jonesboro", "Colfax", "Marfa", "Alpine", "Van Horn", "Sanderson",
    "Mentone", "Paint Rock", "Guthrie", "Benjamin", "Matador", "Spur", "Aspermont", "Crowell",
    "Quanah", "Truth or Consequences", "Reserve", "Mosquero", "Roy", "Clayton", "Fort Sumner",
    "Cuba", "Española", "Dulce", "Tierra Amarilla", "Antonito", "San Luis", "Saguache", "Creede",
    "Lake City", "Silverton", "Rico", "Dove Creek", "Nucla", "Meeker", "Rangely", "Walden",
    "Kremmling", "Cheyenne Wells", "Eads", "Springfield", "Walsh", "Elkhart", "Syracuse",
    "Tribune", "Leoti", "Scott City", "Dighton", "Ness City", "Jetmore", "Kinsley", "Coldwater",
    "Ashland", "Protection", "Sun City", "Greensburg", "Hugoton", "Boise City", "Beaver", "Arnett",
    "Cheyenne", "Taloga", "Hominy", "Pawhuska", "Stigler", "Antlers", "Talihina", "Mena",
    "Jasper", "Marshall", "Mountain View", "Yellville", "Ozark", "Hermann", "Ellington",
    "Van Buren", "Piedmont", "Alton", "Gainesville", "Cairo", "Golconda", "Elizabethtown",
    "Shawneetown", "Vienna", "Brownstown", "Paoli", "English", "Tell City", "Rising Sun",
    "Vevay", "Hillsboro", "Waverly", "Pomeroy", "McArthur", "Caldwell", "Woodsfield", "Cadiz",
    "Hurley", "Phillips", "Mellen", "Crandon", "Florence", "Bayfield", "Grand Marais", "Ely",
    "Baudette", "Mahnomen", "Ada", "Elbow Lake", "Ivanhoe", "Olivia", "Fessenden", "Mohall",
    "Towner", "Rugby", "Cando", "Cavalier", "Langdon", "Bottineau", "Stanton", "Linton", "Mott",
    "Amidon", "Bowman", "Medora", "Watford City", "Stanley", "Crosby", "Tok", "Bethel", "Kotzebue",
    "Dillingham", "Unalakleet", "Hoonah", "Skagway", "Naalehu", "Hana", "Lanai City", "Waimea",
]
# USPS Publication 28, Appendix C1: street suffix, standard abbreviation.
SUFFIXES = [
    ("Alley", "ALY"), ("Annex", "ANX"), ("Arcade", "ARC"), ("Avenue", "AVE"), ("Bayou", "BYU"),
    ("Beach", "BCH"), ("Bend", "BND"), ("Bluff", "BLF"), ("Bluffs", "BLFS"), ("Bottom", "BTM"),
    ("Boulevard", "BLVD"), ("Branch", "BR"), ("Bridge", "BRG"), ("Brook", "BRK"),
    ("Burg", "BG"), ("Bypass", "BYP"), ("Camp", "CP"), ("Canyon", "CYN"), ("Cape", "CPE"),
    ("Causeway", "CSWY"), ("Center", "CTR"), ("Circle", "CIR"), ("Cliff", "CLF"), ("Club", "CLB"),
    ("Common", "CMN"), ("Corner", "COR"), ("Course", "CRSE"), ("Court", "CT"), ("Cove", "CV"),
    ("Creek", "CRK"), ("Crescent", "CRES"), ("Crest", "CRST"), ("Crossing", "XING"),
    ("Crossroad", "XRD"), ("Curve", "CURV"), ("Dale", "DL"), ("Dam", "DM"), ("Divide", "DV"),
    ("Drive", "DR"), ("Estate", "EST"), ("Expressway", "EXPY"), ("Extension", "EXT"),
    ("Falls", "FLS"), ("Ferry", "FRY"), ("Field", "FLD"), ("Fields", "FLDS"), ("Flat", "FLT"),
    ("Ford", "FRD"), ("Forest", "FRST"), ("Forge", "FRG"), ("Forges", "FRGS"), ("Fork", "FRK"),
    ("Fort", "FT"), ("Freeway", "FWY"), ("Garden", "GDN"), ("Gateway", "GTWY"), ("Glen", "GLN"),
    ("Green", "GRN"), ("Grove", "GRV"), ("Harbor", "HBR"), ("Haven", "HVN"), ("Heights", "HTS"),
    ("Highway", "HWY"), ("Hill", "HL"), ("Hollow", "HOLW"), ("Inlet", "INLT"), ("Island", "IS"),
    ("Junction", "JCT"), ("Key", "KY"), ("Knoll", "KNL"), ("Lake", "LK"), ("Landing", "LNDG"),
    ("Lane", "LN"), ("Light", "LGT"), ("Loaf", "LF"), ("Lock", "LCK"), ("Lodge", "LDG"),
    ("Loop", "LOOP"), ("Mall", "MALL"), ("Manor", "MNR"), ("Meadow", "MDW"), ("Meadows", "MDWS"),
    ("Mews", "MEWS"), ("Mill", "ML"), ("Mission", "MSN"), ("Motorway", "MTWY"), ("Mount", "MT"),
    ("Mountain", "MTN"), ("Neck", "NCK"), ("Orchard", "ORCH"), ("Oval", "OVAL"),
    ("Overpass", "OPAS"), ("Park", "PARK"), ("Parkway", "PKWY"), ("Pass", "PASS"),
    ("Path", "PATH"), ("Pike", "PIKE"), ("Pine", "PNE"), ("Pines", "PNES"), ("Place", "PL"),
    ("Plain", "PLN"), ("Plaza", "PLZ"), ("Point", "PT"), ("Port", "PRT"), ("Prairie", "PR"),
    ("Radial", "RADL"), ("Ranch", "RNCH"), ("Rapids", "RPDS"), ("Rest", "RST"), ("Ridge", "RDG"),
    ("River", "RIV"), ("Road", "RD"), ("Route", "RTE"), ("Row", "ROW"), ("Run", "RUN"),
    ("Shoal", "SHL"), ("Shore", "SHR"), ("Skyway", "SKWY"), ("Spring", "SPG"),
    ("Springs", "SPGS"), ("Spur", "SPUR"), ("Square", "SQ"), ("Station", "STA"),
    ("Stravenue", "STRA"), ("Stream", "STRM"), ("Street", "ST"), ("Summit", "SMT"),
    ("Terrace", "TER"), ("Throughway", "TRWY"), ("Trace", "TRCE"), ("Track", "TRAK"),
    ("Trafficway", "TRFY"), ("Trail", "TRL"), ("Trailer", "TRLR"), ("Tunnel", "TUNL"),
    ("Turnpike", "TPKE"), ("Underpass", "UPAS"), ("Union", "UN"), ("Valley", "VLY"),
    ("Viaduct", "VIA"), ("View", "VW"), ("Village", "VLG"), ("Ville", "VL"), ("Vista", "VIS"),
    ("Walk", "WALK"), ("Way", "WAY"), ("Well", "WL"), ("Wells", "WLS"),
]
# USPS Publication 28, Appendix C2: secondary unit designators (room left out: see README).
UNITS = [
    ("Apartment", "APT", True), ("Basement", "BSMT", False), ("Building", "BLDG", True),
    ("Department", "DEPT", True), ("Floor", "FL", True), ("Front", "FRNT", False),
    ("Hangar", "HNGR", True), ("Lobby", "LBBY", False), ("Lot", "LOT", True),
    ("Lower", "LOWR", False), ("Office", "OFC", False), ("Penthouse", "PH", False),
    ("Pier", "PIER", True), ("Rear", "REAR", False), ("Side", "SIDE", False),
    ("Slip", "SLIP", True), ("Space", "SPC", True), ("Stop", "STOP", True), ("Suite", "STE", True),
    ("Trailer", "TRLR", True), ("Unit", "UNIT", True), ("Upper", "UPPR", False),
]
STREET_WORDS = [
    "Alder", "Juniper", "Sycamore", "Cottonwood", "Sagebrush", "Buffalo", "Antelope", "Willow",
    "Elk", "Hackberry", "Mesquite", "Pinon", "Chokecherry", "Bur Oak", "Prairie Rose", "Red Bud",
    "Persimmon", "Sassafras", "Tamarack", "Larch", "Aspen", "Blue Spruce", "Quail", "Pheasant",
    "Coyote", "Badger", "Kestrel", "Mill Creek", "Poplar", "Catalpa", "Magnolia", "Dogwood",
]
STATES = ["MT", "SD", "NE", "KY", "WV", "MS", "TX", "NM", "CO", "KS", "OK", "AR", "MO", "IL",
          "IN", "OH", "WI", "MN", "ND", "AK", "HI", "VA", "TN", "LA", "WY", "AZ"]
PAYERS = ["BCBS", "Tricare", "Humana", "Aetna", "Cigna", "UHC", "Ambetter", "Molina", "Wellcare",
          "Medica", "Anthem", "Centene", "Caresource", "Sanford Health Plan", "HealthPartners"]
HOSP_KINDS = ["Regional Medical Center", "Community Hospital", "Memorial Hospital",
              "Critical Access Hospital", "Medical Center", "General Hospital", "Regional Hospital"]
CLINIC_KINDS = ["Family Clinic", "Health Center", "Rural Health Clinic", "Medical Clinic",
                "Family Practice", "Indian Health Center", "Dialysis Center", "Urgent Care",
                "Community Health Center", "Walk-In Clinic"]
NURSING_KINDS = ["Nursing and Rehabilitation", "Care Center", "Senior Living", "Hospice House",
                 "Manor", "Good Samaritan Home", "Assisted Living"]
SCHOOL_KINDS = ["Elementary School", "High School", "Middle School", "Public Schools", "Head Start"]
PHARM_KINDS = ["Pharmacy", "Drug", "Apothecary", "Drug Store", "Family Pharmacy"]

# ---------------------------------------------------------------- value registry
USED: dict[str, set[str]] = collections.defaultdict(set)
CUR = [""]  # id of the passage being written


def free(value: str) -> bool:
    """The value (case ignored) is in fewer than MAX passages other than this one."""
    return len(USED[value.lower()] - {CUR[0]}) < MAX_PASSAGES_PER_VALUE


def fresh(gen: Callable[[], str]) -> str:
    for _ in range(400):
        v = gen()
        if free(v):
            return v
    raise RuntimeError("value pool exhausted")


def pick(seq):
    return seq[R.randrange(len(seq))]


def digits(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def letters(n: int) -> str:
    return "".join(R.choice(string.ascii_uppercase) for _ in range(n))


def loc() -> str:
    return R.choices(LOCALES, LOCALE_WEIGHTS)[0]


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def clean_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\n", ", ").replace("- ", "-")).strip(" ,")


# ---------------------------------------------------------------- people
class Person:
    def __init__(self, first: str, last: str, sex: str, locale: str, middle: str) -> None:
        self.first, self.last, self.sex, self.locale, self.middle = first, last, sex, locale, middle

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def inits(self) -> str:
        return f"{self.first[0]}.{self.last[0]}."

    @property
    def inits2(self) -> str:
        return f"{self.first[0]}{self.last[0]}"

    @property
    def lastfirst(self) -> str:
        return f"{self.last}, {self.first}"

    @property
    def he(self) -> str:
        return "he" if self.sex == "M" else "she"

    @property
    def his(self) -> str:
        return "his" if self.sex == "M" else "her"

    @property
    def title(self) -> str:
        return "Mr." if self.sex == "M" else pick(["Ms.", "Mrs."])


def person(locale: str | None = None, sex: str | None = None) -> Person:
    for _ in range(600):
        lc = locale or loc()
        sx = sex or pick("MF")
        f = F[lc]
        first = f.first_name_male() if sx == "M" else f.first_name_female()
        last = f.last_name()
        middle = (f.first_name_male() if sx == "M" else f.first_name_female())[0]
        if " " in first or not first[0].isalpha() or not last[0].isalpha():
            continue
        p = Person(first, last, sx, lc, middle)
        forms = [first, last, p.full, p.inits, p.inits2, p.lastfirst]
        if all(free(x) for x in forms) and first.lower() != last.lower():
            return p
    raise RuntimeError("no fresh person")


# ---------------------------------------------------------------- value generators
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def a_date(lo: int = 1925, hi: int = 2026) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 11, 30).toordinal()
    return dt.date.fromordinal(R.randint(start, end))


def fmt_date(d: dt.date, style: str | None = None) -> str:
    m = MONTHS[d.month - 1]
    styles = {
        "us": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "us_short": f"{d.month}/{d.day}/{d.year % 100:02d}",
        "us_bare": f"{d.month}/{d.day}/{d.year}",
        "long": f"{m} {d.day}, {d.year}",
        "upper": f"{m.upper()} {d.day}, {d.year}",
        "abbr": f"{m[:3]} {d.day} {d.year}",
        "dmy_abbr": f"{d.day:02d}-{m[:3].upper()}-{d.year}",
        "iso": d.isoformat(),
        "eu": f"{d.day} {m} {d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "compact": f"{d.year}{d.month:02d}{d.day:02d}",
        "monthday": f"{m} {d.day}",
        "md": f"{d.month}/{d.day}",
        "monthyear": f"{m} {d.year}",
        "ord": f"the {d.day}{'th' if 10 <= d.day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d.day % 10, 'th')} of {m}",
        "dash": f"{d.month:02d}-{d.day:02d}-{d.year}",
    }
    return styles[style or pick(sorted(styles))]


def date(style: str | None = None, lo: int = 1925, hi: int = 2026) -> str:
    return fresh(lambda: fmt_date(a_date(lo, hi), style))


def dob(style: str | None = None) -> str:
    return date(style, 1926, 2008)


def recent(style: str | None = None) -> str:
    return date(style, 2024, 2026)


def town() -> str:
    def g() -> str:
        r = R.random()
        if r < 0.35:
            return pick(SMALL_TOWNS)
        if r < 0.7:
            return F["en_US"].city()
        # it_IT's city() depends on the string hash seed in this Faker version: not used
        return clean_ws(F[pick(["en_NZ", "en_IN", "fr_CA", "de_DE", "es_ES", "en_PH"])].city())
    return fresh(g)


def us_town() -> str:
    return fresh(lambda: pick(SMALL_TOWNS) if R.random() < 0.5 else F["en_US"].city())


def zipc(locale: str = "en_US") -> str:
    def g() -> str:
        if locale == "en_US":
            return F["en_US"].zipcode_plus4() if R.random() < 0.15 else F["en_US"].zipcode()
        if locale == "en_PH":
            return F["en_PH"].postcode()
        return clean_ws(F[locale].postcode())
    return fresh(g)


def street_root() -> str:
    r = R.random()
    if r < 0.4:
        return F[pick(["en_US", "en_US", "en_NZ", "fr_CA", "es_ES"])].last_name()
    if r < 0.7:
        return pick(STREET_WORDS)
    return F["en_US"].first_name()


def unit_part() -> str:
    name, abbr, needs = pick(UNITS)
    word = abbr if R.random() < 0.6 else name
    if not needs:
        return word
    ident = pick([digits(R.randint(1, 3)), letters(1), digits(1) + letters(1), "#" + digits(2)])
    return f"{word} {ident}"


def address(style: str | None = None) -> str:
    def g() -> str:
        s = style or pick(["usps", "usps", "usps", "abbr", "upper", "lower", "two_units",
                           "po", "rr", "hc", "county", "faker_us", "foreign"])
        num = str(R.randint(1, 99999)) if R.random() < 0.8 else str(R.randint(1, 999))
        suf, ab = pick(SUFFIXES)
        root = street_root()
        pre = pick(["", "", "", "N ", "S ", "E ", "W ", "NE ", "SW "])
        if s == "usps":
            base = f"{num} {pre}{root} {suf}"
            return base + (f" {unit_part()}" if R.random() < 0.35 else "")
        if s == "abbr":
            base = f"{num} {pre}{root} {ab.title() if R.random() < 0.5 else ab}"
            return base + (f", {unit_part()}" if R.random() < 0.3 else "")
        if s == "upper":
            return f"{num} {pre}{root.upper()} {ab}" + (f" {unit_part().upper()}" if R.random() < 0.5 else "")
        if s == "lower":
            return f"{num} {pre.lower()}{root.lower()} {pick([suf.lower(), ab.lower()])}"
        if s == "two_units":
            return f"{num} {root} {suf} {unit_part()} {unit_part()}"
        if s == "po":
            return f"{pick(['PO Box', 'P.O. Box', 'POB', 'po box'])} {R.randint(1, 9999)}"
        if s == "rr":
            return f"{pick(['RR', 'Rural Route', 'rr'])} {R.randint(1, 9)} Box {R.randint(1, 999)}"
        if s == "hc":
            return f"HC {R.randint(1, 89)} Box {R.randint(10, 9999)}"
        if s == "county":
            return f"{num} {pick(['County Road', 'Co Rd', 'CR', 'State Hwy', 'US Hwy', 'BIA Route'])} {R.randint(1, 999)}"
        if s == "faker_us":
            return clean_ws(F["en_US"].street_address())
        return clean_ws(F[pick(["en_NZ", "en_IN", "fr_CA", "de_DE", "es_ES", "it_IT", "en_PH"])].street_address())
    return fresh(g)


def phone(locale: str | None = None) -> str:
    def g() -> str:
        lc = locale or (pick(PHONE_LOCALES) if R.random() < 0.3 else "en_US")
        if lc == "en_US" and R.random() < 0.5:
            a, b, c = R.randint(201, 989), R.randint(200, 999), digits(4)
            return pick([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"({a}){b}-{c}",
                         f"{a} {b} {c}", f"+1 {a} {b} {c}", f"1-{a}-{b}-{c}"])
        return F[lc].phone_number()
    return fresh(g)


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def npi() -> str:
    def g() -> str:
        body = pick("12") + digits(8)
        return body + luhn_digit("80840" + body)
    return fresh(g)


def dea(last: str) -> str:
    def g() -> str:
        d = [R.randint(0, 9) for _ in range(6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return pick("ABFGM") + last[0].upper() + "".join(map(str, d)) + str(check)
    return fresh(g)


def imei() -> str:
    def g() -> str:
        body = pick(["35", "86", "01", "49"]) + digits(12)
        return body + luhn_digit(body)
    return fresh(g)


def license_no() -> str:
    def g() -> str:
        return pick([
            f"{letters(1)}{digits(7)}", f"{digits(3)}-{digits(5)}", f"{letters(2)}{digits(6)}",
            f"{digits(9)}", f"{letters(1)}{digits(3)}-{digits(4)}-{digits(4)}", f"{digits(4)}-{digits(4)}",
            f"RN{digits(6)}", f"MD.{digits(5)}", f"{letters(1)}-{digits(5)}", f"{digits(2)}-{digits(6)}",
        ])
    return fresh(g)


def mrn() -> str:
    def g() -> str:
        return pick([
            digits(8), digits(7), f"{digits(4)}{letters(1)}{digits(3)}", f"{digits(2)}-{digits(3)}-{digits(3)}",
            f"{letters(1)}{digits(9)}", f"{digits(3)}-{digits(2)}-{digits(2)}", f"00{digits(6)}",
            f"{letters(2)}{digits(6)}", f"{digits(6)}-{digits(1)}",
        ])
    return fresh(g)


def account() -> str:
    def g() -> str:
        return pick([
            digits(10), f"{letters(3)}{digits(9)}", f"{digits(1)}{letters(2)}{digits(1)}-{digits(3)}-{letters(2)}{digits(2)}",
            f"{digits(8)}{letters(1)}", f"{letters(1)}{digits(8)}", f"{digits(4)}-{digits(6)}",
            f"W{digits(9)}", f"{digits(12)}", f"{letters(2)}-{digits(7)}", f"{digits(3)}{letters(1)}{digits(5)}",
        ])
    return fresh(g)


def mbi() -> str:
    # Medicare Beneficiary Identifier shape: C A AN N A AN N A A N N
    alpha = "ACDEFGHJKMNPQRTUVWXY"
    def g() -> str:
        c = lambda: R.choice(alpha)
        an = lambda: R.choice(alpha + string.digits)
        n = lambda: R.choice(string.digits)
        s = str(R.randint(1, 9)) + c() + an() + n() + c() + an() + n() + c() + c() + n() + n()
        return s if R.random() < 0.5 else f"{s[:4]}-{s[4:7]}-{s[7:]}"
    return fresh(g)


def ssn() -> str:
    def g() -> str:
        r = R.random()
        if r < 0.55:
            s = F["en_US"].ssn()
            return s if R.random() < 0.7 else s.replace("-", pick(["", " "]))
        if r < 0.65:
            return F["it_IT"].ssn()
        if r < 0.75:
            return F["es_ES"].nif()
        if r < 0.85:
            return F["en_IN"].aadhaar_id()
        if r < 0.93:
            return F["en_PH"].ssn()
        return F["fr_CA"].ssn()
    return fresh(g)


def last4() -> str:
    return fresh(lambda: digits(4))


def plate(locale: str | None = None) -> str:
    def g() -> str:
        lc = locale or (loc() if R.random() < 0.3 else "en_US")
        if lc == "en_US" and R.random() < 0.5:
            return pick([f"{digits(1)}{letters(3)}{digits(3)}", f"{letters(3)} {digits(3)}",
                         f"{letters(3)}-{digits(4)}", f"{digits(3)} {letters(3)}", f"{digits(2)}-{letters(1)}{digits(4)}"])
        return F[lc].license_plate()
    return fresh(g)


def vin() -> str:
    return fresh(lambda: F["en_US"].vin())


def serial() -> str:
    def g() -> str:
        return pick([
            f"{letters(2)}{digits(7)}", f"{letters(3)}{digits(6)}{letters(1)}", f"{digits(3)}{letters(1)}{digits(5)}",
            f"{letters(1)}{digits(2)}{letters(1)}{digits(6)}", f"{digits(10)}", f"{letters(4)}-{digits(6)}",
            f"{letters(2)}{digits(2)}-{digits(5)}", f"{digits(2)}{letters(3)}{digits(4)}",
        ])
    return fresh(g)


def mac() -> str:
    return fresh(lambda: F["en_US"].mac_address() if R.random() < 0.6 else F["en_US"].mac_address().upper().replace(":", "-"))


def email(p: Person | None = None) -> str:
    def g() -> str:
        if p is not None:
            first, last = p.first.lower(), p.last.lower()
            first = re.sub(r"[^a-z]", "", ascii_fold(first)) or "pt"
            last = re.sub(r"[^a-z]", "", ascii_fold(last)) or "x"
            user = pick([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{R.randint(1, 99)}",
                         f"{last}.{first[0]}", f"{first}_{last}{R.randint(50, 99)}"])
            return f"{user}@{F[p.locale].free_email_domain()}"
        return F[loc()].email()
    return fresh(g)


def url(p: Person | None = None) -> str:
    def g() -> str:
        f = F["en_US"]
        if p is not None and R.random() < 0.6:
            slug = re.sub(r"[^a-z]+", "-", ascii_fold(p.full.lower())).strip("-")
            return pick([
                f"https://www.gofundme.com/f/help-{slug}-{R.randint(2, 99)}",
                f"https://www.facebook.com/{slug.replace('-', '.')}.{R.randint(1, 999)}",
                f"www.legacy.com/us/obituaries/name/{slug}-obituary?id={digits(8)}",
                f"https://caringbridge.org/visit/{slug.replace('-', '')}",
                f"https://www.instagram.com/{slug.replace('-', '_')}{R.randint(1, 99)}/",
            ])
        return pick([f.url() + pick(["", f"patient/{digits(7)}", f"portal/login?acct={digits(6)}", f"share/{letters(2)}{digits(5)}"]),
                     f.uri(), f"https://{f.domain_word()}.zoom.us/j/{digits(11)}", f"http://{f.ipv4_private()}:8080/pacs/study/{digits(7)}"])
    return fresh(g)


def ip() -> str:
    return fresh(lambda: pick([F["en_US"].ipv4(), F["en_US"].ipv4_private(), F["en_US"].ipv6(), F["en_US"].ipv4_public()]))


AGE_WORDS = ["ninety", "ninety-one", "ninety-two", "ninety-three", "ninety-four", "ninety-five",
             "ninety-six", "ninety-seven", "ninety-eight", "ninety-nine", "one hundred", "a hundred and one"]


def age() -> str:
    return fresh(lambda: pick(AGE_WORDS) if R.random() < 0.2 else str(R.randint(90, 109)))


def facility(kind: str = "care") -> str:
    """kind: hospital, clinic, nursing, school, or care (any of the first three)."""
    def g() -> str:
        k = kind if kind != "care" else pick(["hospital", "clinic", "clinic", "nursing"])
        pl = pick(SMALL_TOWNS) if R.random() < 0.4 else F[pick(["en_US", "en_US", "en_NZ"])].city()
        r = R.random()
        if k == "school":
            return f"{pl} {pick(SCHOOL_KINDS)}"
        if k == "hospital":
            if r < 0.7:
                return f"{pl} {pick(HOSP_KINDS)}"
            if r < 0.85:
                return f"St. {F['en_US'].first_name()} {pick(['Hospital', 'Medical Center', 'Regional'])}"
            return f"{F['en_US'].last_name()} Memorial Hospital"
        if k == "nursing":
            return f"{pl} {pick(NURSING_KINDS)}" if r < 0.7 else f"{F['en_US'].last_name()} {pick(NURSING_KINDS)}"
        if r < 0.5:
            return f"{pl} {pick(CLINIC_KINDS)}"
        if r < 0.8:
            return f"{F['en_US'].last_name()} {pick(['Family Medicine', 'Clinic', 'Pediatrics', 'Eye Care', 'Dental', 'Internal Medicine'])}"
        base = re.sub(r" (Group|Inc|LLC|PLC|Ltd)$", "", clean_ws(F["en_US"].company().split(",")[0]))
        return base + pick([" Health", " Medical Group", " Clinic"])
    return fresh(g)


def pharmacy() -> str:
    def g() -> str:
        pl = pick(SMALL_TOWNS) if R.random() < 0.5 else F["en_US"].last_name()
        return f"{pl} {pick(PHARM_KINDS)}"
    return fresh(g)


def employer() -> str:
    def g() -> str:
        return clean_ws(F[pick(["en_US", "en_US", "de_DE", "es_ES", "it_IT"])].company())
    return fresh(g)


# ---------------------------------------------------------------- passage builder
SLOT = re.compile(r"\{(\w+)\}")


def fill(tpl: str, vals: dict[str, object]) -> tuple[str, list[list]]:
    """Replace {key} by vals[key]; a (value, CAT) pair becomes a gold span."""
    out: list[str] = []
    spans: list[list] = []
    pos = 0
    n = 0
    for m in SLOT.finditer(tpl):
        lit = tpl[pos:m.start()]
        out.append(lit)
        n += len(lit)
        v = vals[m.group(1)]
        if isinstance(v, tuple):
            text, cat = v
            spans.append([n, n + len(text), cat])
        else:
            text = str(v)
        out.append(text)
        n += len(text)
        pos = m.end()
    out.append(tpl[pos:])
    return "".join(out), spans


def emit(key: str, text: str, spans: list[list]) -> None:
    """Record the passage's values, so later draws keep each value to two passages."""
    for s, e, _ in spans:
        USED[text[s:e].lower()].add(key)


# shorthands for labelled values
def N(v: str) -> tuple[str, str]: return (v, "NAME")
def D(v: str) -> tuple[str, str]: return (v, "DATE")
def FAC(v: str) -> tuple[str, str]: return (v, "FACILITY")
def PH(v: str) -> tuple[str, str]: return (v, "PHONE")
def LOC(v: str) -> tuple[str, str]: return (v, "LOCATION")
def ACC(v: str) -> tuple[str, str]: return (v, "ACCOUNT")
def ADR(v: str) -> tuple[str, str]: return (v, "ADDRESS")
def Z(v: str) -> tuple[str, str]: return (v, "ZIP")
def MR(v: str) -> tuple[str, str]: return (v, "MRN")
def AG(v: str) -> tuple[str, str]: return (v, "AGE")
def LIC(v: str) -> tuple[str, str]: return (v, "LICENSE")
def VEH(v: str) -> tuple[str, str]: return (v, "VEHICLE")
def EM(v: str) -> tuple[str, str]: return (v, "EMAIL")
def DEV(v: str) -> tuple[str, str]: return (v, "DEVICE")
def FX(v: str) -> tuple[str, str]: return (v, "FAX")
def IPA(v: str) -> tuple[str, str]: return (v, "IP")
def SS(v: str) -> tuple[str, str]: return (v, "SSN")
def U(v: str) -> tuple[str, str]: return (v, "URL")


