#!/usr/bin/env python3
"""Write set V (held-out de-identification passages) to heldout.jsonl beside this file.

Standard library only (Python 3.11). Deterministic: one seeded `random.Random`, no set or dict
iteration whose order depends on hashing, output path fixed relative to this file.

Run: python3 make_set.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 2026120724
R = random.Random(SEED)

# ---------------------------------------------------------------- places (town, state, ZIP3, area codes)
# Real towns and communities as the author remembers them; ZIP codes are the region's three-digit
# prefix with two drawn digits (not checked against a USPS file).
BLACK_HILLS = ("SD", ["577"], ["605"], [
    "Custer", "Hill City", "Keystone", "Deadwood", "Spearfish", "Sturgis", "Belle Fourche",
    "Hermosa", "Rockerville", "Nemo", "Piedmont", "Whitewood", "Rochford", "Pringle", "Edgemont",
    "Buffalo Gap", "Fairburn", "Oral", "Interior", "Box Elder", "Newell", "Nisland", "Vale",
    "St. Onge", "Summerset", "Wasta", "Scenic", "Kyle", "Manderson", "Oglala", "Pine Ridge",
    "Porcupine", "Wanblee", "Batesland",
])
OK_PANHANDLE = ("OK", ["739"], ["580"], [
    "Guymon", "Boise City", "Hooker", "Goodwell", "Texhoma", "Keyes", "Felt", "Kenton", "Forgan",
    "Turpin", "Balko", "Laverne", "Hardesty", "Optima", "Slapout", "Knowles", "Floris", "Eva",
    "Elmwood",
])
WIREGRASS = ("GA", ["315", "316"], ["912", "229"], [
    "Folkston", "Waycross", "Homerville", "Fargo", "St. George", "Hoboken", "Nahunta",
    "Blackshear", "Patterson", "Hortense", "Waresboro", "Du Pont", "Stockton", "Lakeland",
    "Pearson", "Willacoochee", "Baxley", "Hazlehurst", "Nicholls", "Broxton", "Ambrose", "Lenox",
    "Adel", "Ray City", "Screven", "Odum", "Jesup", "Surrency", "Uvalda", "Offerman",
])
DOOR_SHORE = ("WI", ["542"], ["920"], [
    "Sturgeon Bay", "Fish Creek", "Ellison Bay", "Gills Rock", "Baileys Harbor", "Jacksonport",
    "Forestville", "Algoma", "Casco", "Denmark", "Maplewood", "Institute", "Carlsville",
    "Juddville", "Valmy", "Rowleys Bay",
])
SALMON_RIVER = ("ID", ["834", "835"], ["208"], [
    "Challis", "Clayton", "Leadore", "Tendoy", "North Fork", "Gibbonsville", "Carmen", "Elk City",
    "Riggins", "White Bird", "Grangeville", "Cottonwood", "Kooskia", "Stites", "Lucile", "Pollock",
    "Mackay", "Ellis", "Cobalt", "Shoup",
])
REGIONS = [BLACK_HILLS, OK_PANHANDLE, WIREGRASS, DOOR_SHORE, SALMON_RIVER]

# ---------------------------------------------------------------- names by community
GIVEN = {
    "tigrinya": ["Tesfay", "Mebrahtu", "Senait", "Abrehet", "Kidane", "Luwam", "Semhar", "Filmon",
                 "Ghirmay", "Haben", "Tsega", "Mehari", "Freweini", "Yonas", "Saba"],
    "pashtun": ["Zarghuna", "Gulalai", "Spogmai", "Wagma", "Palwasha", "Mirwais", "Zalmai",
                "Khushal", "Ajmal", "Naqibullah", "Hikmatullah", "Shabnam"],
    "rohingya": ["Nurul Amin", "Hamida", "Senuara", "Abul Kalam", "Rashida", "Nur Kalima", "Shafi",
                 "Yasmin Ara"],
    "andean": ["Inti", "Killa", "Sumaq", "Wayra", "Amaru", "Nina", "Wilber", "Yanet", "Nilda",
               "Rosmery", "Felicita"],
    "garifuna": ["Sulma", "Nolvia", "Glendy", "Nixon", "Wilmer", "Yeni"],
    "assyrian": ["Shamiram", "Ninos", "Sargon", "Ashur", "Ramina", "Atour"],
    "rwandan": ["Uwase", "Ishimwe", "Mugisha", "Keza", "Ineza", "Gatete", "Shema", "Umutoni"],
    "uzbek": ["Dilnoza", "Gulnora", "Sardor", "Jasur", "Otabek", "Nodira", "Shakhnoza", "Bekzod",
              "Ulugbek", "Feruza", "Mavluda"],
    "tamil": ["Tharshini", "Kajan", "Nirosha", "Sivakumar", "Thuvaraka", "Mathivathani",
              "Kirushanthan", "Vithusha", "Janarthanan"],
    "rural": ["Orville", "Lavina", "Leocadie", "Alphonse", "Desire", "Wilbert", "Versie", "Eula",
              "Alvah", "Lorene", "Delphine", "Elzie", "Ardella", "Arvid", "Odessa", "Clovis"],
    "word": ["Starr", "Cherish", "Serenity", "Rain", "Amen", "Canon", "Pastor", "Shepherd", "Merry",
             "Jolly", "Satin", "Brandy", "Ruby", "Jade", "Gentry"],
}
SURNAME = {
    "tigrinya": ["Tesfamariam", "Habtemariam", "Woldemichael", "Ghebreyesus", "Berhane", "Kahsay",
                 "Tekle", "Asmerom", "Zerai"],
    "pashtun": ["Popalzai", "Achakzai", "Durrani", "Barakzai", "Mohmand", "Afridi", "Shinwari",
                "Ahmadzai", "Tarakai"],
    "rohingya": ["Khatun", "Begum", "Ullah"],
    "andean": ["Quispe", "Mamani", "Huaman", "Condori", "Choque", "Ccori", "Apaza", "Ticona",
               "Huanca", "Yucra", "Chambi", "Cusi"],
    "garifuna": ["Guity", "Sambula", "Arzu", "Cayetano", "Norales", "Lacayo", "Bernardez"],
    "assyrian": ["Shlimon", "Youkhana", "Odisho", "Warda", "Yalda", "Kakos", "Jarbo", "Shamoon",
                 "Esho", "Khoshaba", "Marogi"],
    "rwandan": ["Nsengimana", "Habimana", "Uwimana", "Mukamana", "Niyonzima", "Nshimiyimana",
                "Bizimana", "Hakizimana", "Mukeshimana", "Twagirimana"],
    "uzbek": ["Yusupov", "Rakhimova", "Abdullaeva", "Ergashev", "Nazarov", "Kholmatova", "Saidov",
              "Mirzaev", "Ismoilova"],
    "tamil": ["Sivanesan", "Thambirajah", "Navaratnam", "Kanagaratnam", "Ponnambalam", "Sellathurai",
              "Arumugam", "Rasiah", "Balasingham", "Vigneswaran"],
    "rural": ["Massart", "Wautier", "Moisse", "Draize", "Jeanmaire", "Gigot", "Naze", "Englebert",
              "Iron Shell", "Poor Bear", "Whirlwind Horse", "High Hawk", "Brings Plenty",
              "Blue Legs", "Ghost Bear", "White Plume", "Comes Last", "Lone Hill", "Fast Horse",
              "Two Crow", "Janis"],
    "word": ["Button", "Thimble", "Sprinkle", "Bloodworth", "Akin", "Heald", "Cure", "Pulse",
             "Vein", "Nerve", "Skinner", "Tender", "Pillow", "Budge", "Stitch", "Bolt", "Tally",
             "Sling", "Splint", "Cradle", "Broom", "Shovel", "Lodge"],
    # eponym surnames; the eponyms themselves sit in the clean passages
    "eponym": ["Brugada", "Wolff", "Takayasu", "Kikuchi", "Schatzki", "Boerhaave", "Preiser",
               "Gustilo", "Schatzker", "Mobitz", "Korotkoff", "Epworth", "Ondine", "Snellen",
               "Ishihara", "Lawton", "Barthel", "Tinetti", "Folstein", "Lynch", "Cowden", "Pompe",
               "Angelman", "Duchenne", "Menkes", "Krabbe", "Canavan", "Usher", "Waardenburg",
               "Stickler", "Leigh", "Leber", "Stargardt", "Coats", "Eales", "Kaposi", "Merkel",
               "Spitz", "Bosniak", "Burkitt", "Castleman", "Rosai", "Dorfman", "Ludwig", "Fordyce",
               "Wharton", "Stensen", "Bezold", "Lown", "Ganong", "Bachmann", "Mahaim", "Ashman",
               "Sgarbossa", "Fridericia", "Kasabach", "Sturge", "Fanconi", "Blackfan", "Glanzmann",
               "Soulier", "Hageman"],
}
COMMUNITIES = sorted(GIVEN)

# ---------------------------------------------------------------- composed values
STREET_WORDS = [
    "Sheaf", "Brisket", "Gumbo", "Palmetto", "Sawgrass", "Longleaf", "Hog Pen", "Cane Mill",
    "Cutover", "Railhead", "Stamp Mill", "Hogback", "Ponderosa", "Prospector", "Gold Gulch",
    "Homestake", "Sagebrush", "Buffalo Wallow", "Windmill", "Dugout", "Sod House", "Wheat Ridge",
    "Grain Elevator", "Cherry Orchard", "Lighthouse", "Ferry Dock", "Limekiln", "Cedar Swamp",
    "Shipyard", "Wayside", "Jetboat", "Whitewater", "Ore Wagon", "Ski Tow", "Sawtooth",
    "Cabin Creek", "Pack Bridge", "Mule Trail",
]
SUFFIXES = [
    "Arc", "Bch", "Blf", "Btm", "Brk", "Cmn", "Cor", "Crse", "Crk", "Curv", "Dl", "Dm", "Dv",
    "Est", "Fls", "Fry", "Fld", "Flds", "Flt", "Frd", "Frst", "Gln", "Grn", "Grv", "Hvn", "Ky",
    "Ldg", "Mdw", "Ml", "Msn", "Orch", "Oval", "Psge", "Path", "Pln", "Plns", "Plz", "Prt",
    "Rnch", "Rpd", "Rst", "Rue", "Shr", "Spg", "Sq", "Sta", "Smt", "Trak", "Trl", "Vl", "Vis",
    "Walk", "Crossing", "Landing", "Orchard", "Ranch", "Commons",
]
ROADS = {
    "SD": ["US Hwy 385", "SD Hwy 87", "Nemo Rd", "Sheridan Lake Rd", "BIA Route 27"],
    "OK": ["US 412", "OK-3", "US 56", "County Road N 1650"],
    "GA": ["US 1", "GA 94", "GA 121", "Swamp Rd", "Old Okefenokee Rd"],
    "WI": ["WI-42", "WI-57", "County Rd ZZ", "Old Stage Rd"],
    "ID": ["US 93", "ID-75", "Salmon River Rd", "Main Fork Rd"],
}
UNITS = ["Dept", "Fl", "Hngr", "Lbby", "Ofc", "Ph", "Pier", "Rm", "Stop", "Unit", "Apt", "Spc",
         "Trlr"]

# ---------------------------------------------------------------- value registry (no value in > 2 passages)
USED: dict[str, set[str]] = {}


class Redraw(Exception):
    pass


def pick(seq: list) -> object:
    return seq[R.randrange(len(seq))]


def digits(n: int) -> str:
    return "".join(str(R.randrange(10)) for _ in range(n))


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
    body = pick(["1", "2"]) + digits(8)
    return body + luhn_digit("80840" + body)


def dea(surname: str) -> str:
    d = [R.randrange(10) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    first = pick(["A", "B", "F", "G", "M"])
    initial = next((c for c in surname.upper() if c.isalpha()), "X")
    return first + initial + "".join(map(str, d)) + str(check)


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
           **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin() -> str:
    wmi = pick(["1FT", "1GC", "3GC", "1C6", "2T1", "5TF", "1HG", "JTD", "4T1", "1N6"])
    chars = list(wmi + "".join(pick(list(VIN_CHARS)) for _ in range(5)) + "0"
                 + pick(list("GHJKLMNPRS")) + pick(list("ABCDEFGHJKLMNPRSTUVWXYZ"))
                 + digits(6))
    total = sum(VIN_VAL[c] * w for c, w in zip(chars, VIN_W))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def imei() -> str:
    body = pick(["35", "86", "01", "99"]) + digits(12)
    return body + luhn_digit(body)


def plate(state: str) -> str:
    if state == "SD":
        return pick([f"{R.randint(1, 67)}{pick(['A', 'B', 'C', 'D', 'E'])}{digits(3)}",
                     f"{R.randint(1, 67)}{pick(['F', 'G', 'H'])}{digits(4)}"])
    if state == "OK":
        return pick([f"{pick(['K', 'L', 'M'])}{pick(['A', 'B', 'C', 'X'])}{pick(['H', 'J', 'T'])}-{digits(3)}",
                     f"{pick(['HD', 'JV', 'KB'])}{digits(4)}"])
    if state == "GA":
        return pick([f"{pick(['C', 'R', 'T'])}{pick(['A', 'K', 'Z'])}{pick(['B', 'N', 'W'])}{digits(4)}",
                     f"{pick(['C', 'T'])}{pick(['U', 'Q'])}{pick(['M', 'S'])} {digits(4)}"])
    if state == "WI":
        return pick([f"{pick(['AV', 'BP', 'CR'])}{pick(['H', 'K', 'S'])}-{digits(4)}",
                     f"{digits(5)}{pick(['KT', 'MK'])}"])
    return pick([f"{pick(['2L', '1C', '8V', '2U'])} {digits(5)}",
                 f"L{digits(1)}{pick(['A', 'B', 'C'])} {digits(3)}"])


def ssn(form: str = "") -> str:
    a, b, c = f"{R.randint(101, 665):03d}", f"{R.randint(10, 99):02d}", f"{R.randint(1000, 9999):04d}"
    form = form or pick(["dash", "dash", "space", "none"])
    return {"dash": f"{a}-{b}-{c}", "space": f"{a} {b} {c}", "none": a + b + c}[form]


def mbi() -> str:
    letters = "ACDEFGHJKMNPQRTUVWXY"
    s = (str(R.randint(1, 9)) + pick(list(letters)) + pick(list(letters + "0123456789"))
         + digits(1) + pick(list(letters)) + pick(list(letters + "0123456789")) + digits(1)
         + pick(list(letters)) + pick(list(letters)) + digits(2))
    return pick([s, f"{s[:4]}-{s[4:7]}-{s[7:]}"])


def phone(area: str) -> str:
    x, y = f"{R.randint(202, 989)}", digits(4)
    return pick([f"({area}) {x}-{y}", f"{area}-{x}-{y}", f"{area}.{x}.{y}", f"{area} {x} {y}",
                 f"+1 {area} {x} {y}", f"1-{area}-{x}-{y}", f"{area}{x}{y}",
                 f"({area}){x}-{y}", f"{area}/{x}-{y}"])


def ipv4() -> str:
    return pick([f"{R.randint(23, 216)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}",
                 f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}",
                 f"192.168.{R.randint(0, 255)}.{R.randint(2, 254)}",
                 f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}"])


def ip() -> str:
    if R.random() < 0.2:
        return f"2001:db8:{R.randrange(65536):x}:{R.randrange(65536):x}::{R.randrange(1, 4096):x}"
    return ipv4()


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def date(year_lo: int = 2025, year_hi: int = 2026, form: str = "") -> str:
    y, m, d = R.randint(year_lo, year_hi), R.randint(1, 12), R.randint(1, 28)
    mon, mo = MONTHS[m - 1], MONTHS[m - 1][:3]
    forms = [f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}",
             f"{mon} {d}, {y}", f"{mo} {d} {y}", f"{d} {mo} {y}", f"{d:02d}{mo.upper()}{y}",
             f"{y}{m:02d}{d:02d}", f"{d:02d}-{mo}-{y % 100:02d}", f"{d}.{m}.{y}",
             f"{mon.upper()} {d}, {y}", f"{mo}-{d:02d}-{y}", f"{d:02d} {mon} {y}",
             f"{m:02d}.{d:02d}.{y % 100:02d}", f"{mo.upper()}{d:02d}/{y}"]
    return forms[int(form)] if form else pick(forms)


def dob(young: bool = False) -> str:
    return date(1990, 2019) if young else date(1931, 1998)


AGE_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
             94: "ninety-four", 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven",
             98: "ninety-eight", 99: "ninety-nine", 100: "one hundred", 101: "one hundred one",
             102: "one hundred and two"}


def age90(n: int = 0) -> str:
    n = n or R.randint(90, 102)
    return AGE_WORDS[n] if R.random() < 0.25 else str(n)


def age_dob() -> tuple[str, str]:
    """An age over 89 and a date of birth that agrees with it (visit in 2026)."""
    n = R.randint(90, 102)
    return age90(n), date(2026 - n - 1, 2026 - n - 1) if R.random() < 0.5 else date(2025 - n, 2025 - n)


# ---------------------------------------------------------------- people
class Person:
    def __init__(self, taken: set[str], community: str = "") -> None:
        for _ in range(200):
            c = community or pick(COMMUNITIES)
            g = pick(GIVEN[c])
            sc = c if c not in ("word",) and R.random() < 0.7 else pick(sorted(SURNAME))
            if c == "word":
                sc = pick(["rural", "eponym", "tigrinya", "andean", "assyrian", "uzbek", "word"])
            s = pick(SURNAME[sc])
            if g.split()[0] not in taken and s not in taken and g != s:
                break
        taken.add(g.split()[0])
        taken.add(s)
        self.given, self.surname = g, s
        self.mi = pick(list("ABCDEFGHJKLMNPRSTW"))

    def form(self, f: str = "") -> str:
        g, s, mi = self.given, self.surname, self.mi
        gi = "".join(w[0] for w in g.split())
        si = "".join(w[0] for w in s.split())
        forms = {
            "full": f"{g} {s}", "mi": f"{g} {mi}. {s}", "rev": f"{s}, {g}",
            "REV": f"{s.upper()}, {g.upper()} {mi}", "init": f"{'. '.join(gi)}. {s}",
            "initials": pick([gi + si, ".".join(gi + si) + "."]), "given": g, "surname": s,
            "lower": f"{g} {s}".lower(), "UPPER": f"{g} {s}".upper(),
            "slash": f"{s.upper()}/{g.upper()}",
        }
        return forms[f or pick(["full", "full", "mi", "rev", "REV", "init", "lower"])]


def N(x: str) -> tuple[str, str]:
    return (x, "NAME")


class Place:
    def __init__(self, taken: set[str], region: tuple | None = None) -> None:
        reg = region or pick(REGIONS)
        self.state, zips, areas, towns = reg
        for _ in range(100):
            t = pick(towns)
            if t not in taken:
                break
        taken.add(t)
        self.town = t
        self.area = pick(areas)
        z = pick(zips) + digits(2)
        self.zip = z + ("-" + digits(4) if R.random() < 0.2 else "")

    def street(self) -> str:
        if R.random() < 0.12:
            return pick([f"PO Box {R.randint(2, 1999)}", f"HC {R.randint(1, 79)} Box {R.randint(10, 999)}",
                         f"RR {R.randint(1, 9)} Box {R.randint(10, 499)}"])
        if R.random() < 0.12:
            return f"{R.randint(1000, 39999)} {pick(ROADS[self.state])}"
        n = pick([str(R.randint(2, 99)), str(R.randint(100, 9999)), str(R.randint(10000, 48999))])
        pre = pick(["", "", "", "N ", "S ", "E ", "W ", "NE "])
        return f"{n} {pre}{pick(STREET_WORDS)} {pick(SUFFIXES)}"

    def unit(self) -> str:
        u = pick(UNITS)
        return f"{u} {pick([str(R.randint(1, 40)), str(R.randint(100, 420)), pick(list('ABCDF'))])}"


def addr_pieces(pl: Place, sep: str = ", ", unit_p: float = 0.35) -> list:
    out: list = [(pl.street(), "ADDRESS")]
    if R.random() < unit_p:
        out += [pick([", ", " ", " "]), (pl.unit(), "ADDRESS")]
    out += [sep, (pl.town, "LOCATION"), ", " + pl.state + " ", (pl.zip, "ZIP")]
    return out


SURNAME_WORDS = [s for k in sorted(SURNAME) for s in SURNAME[k] if " " not in s]


def facility(pl: Place, kind: str) -> str:
    base = pick([pl.town, pl.town, pick(SURNAME_WORDS)])
    return f"{base} {kind}"


def email(p: Person, domain_hint: str = "") -> str:
    g = p.given.split()[0].lower()
    s = p.surname.replace(" ", "").lower()
    user = pick([f"{g}.{s}", f"{g[0]}{s}", f"{s}{R.randint(1, 99)}", f"{g}_{s[:5]}{R.randint(60, 99)}"])
    dom = domain_hint or pick(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com",
                               "proton.me", "att.net", "centurylink.net"])
    return f"{user}@{dom}"


def slug(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


# ---------------------------------------------------------------- identifier shapes
def oasis() -> list:
    tk: set[str] = set()
    p, cg, rn = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    agency = facility(pl, pick(["Home Health", "Home Care Services", "Visiting Nurses"]))
    old = R.random() < 0.7
    ag, bd = age_dob() if old else ("", dob())
    rows = [
        "OASIS-E START OF CARE (excerpt)\n",
        "(M0010) CMS Certification Number: ", (f"{digits(2)}{digits(4)}", "ACCOUNT"), "\n",
        "(M0014) Branch State: ", pl.state, "   Agency: ", (agency, "FACILITY"), "\n",
        "(M0020) Patient ID Number: ", (pick([f"HH{digits(6)}", f"{digits(7)}", f"P-{digits(5)}-{digits(2)}"]), "MRN"), "\n",
        "(M0030) Start of Care Date: ", (date(2026, 2026), "DATE"), "\n",
        "(M0040) Patient Name: ", N(p.form(pick(["REV", "rev"]))), "\n",
        "(M0050) Patient State of Residence: ", pl.state, "\n",
        "(M0060) Patient ZIP Code: ", (pl.zip, "ZIP"), "\n",
        "(M0063) Medicare Number: ", (mbi(), "ACCOUNT"), "\n",
        "(M0064) Social Security Number: ", (ssn(), "SSN"), "\n",
        "(M0066) Birth Date: ", (bd, "DATE"), "\n",
    ]
    rows += ["Address: "] + addr_pieces(pl) + ["\n"]
    if old:
        rows += ["Age at SOC: ", (ag, "AGE"), "\n"]
    rows += ["Primary caregiver: ", N(cg.form("full")), " (", pick(["niece", "neighbor", "son-in-law", "granddaughter"]),
             "), ", (phone(pl.area), "PHONE"), "\n",
             "(M1033) Risk of hospitalization: history of falls, ", pick(["4", "5", "6"]),
             " or more medications, frailty.\n",
             "Assessing clinician: ", N(rn.form(pick(["full", "init"]))), ", RN  NPI ", (npi(), "LICENSE"), "\n",
             "Narrative: ", N(p.given), " ", pick(["answered most items herself", "was seated in the recliner",
                                                  "walked to the door with a rollator"]),
             "; ", N(cg.given), " manages the pillbox weekly.\n"]
    return rows


def psg() -> list:
    tk: set[str] = set()
    p, ref, tech = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    center = facility(pl, pick(["Sleep Disorders Center", "Sleep Lab", "Sleep Medicine"]))
    ahi = f"{R.randint(5, 78)}.{R.randint(0, 9)}"
    old = R.random() < 0.35
    ag, bd = age_dob() if old else ("", dob())
    rows = [
        (center, "FACILITY"), " - ", (pl.town, "LOCATION"), ", ", pl.state, "\n",
        "DIAGNOSTIC POLYSOMNOGRAM (Type I, attended)\n",
        "Patient: ", N(p.form(pick(["REV", "full", "rev"]))), "    DOB: ", (bd, "DATE"),
        "    MRN: ", (pick([f"{digits(8)}", f"SL{digits(6)}", f"{digits(3)}-{digits(4)}"]), "MRN"), "\n",
        "Study date: ", (date(2026, 2026), "DATE"), "    Scored by: ", N(tech.form("initials")), ", RPSGT #",
        (f"{R.randint(10000, 99999)}", "LICENSE"), "\n",
        "Referring: ", N(ref.form(pick(["init", "full"]))), ", MD  (NPI ", (npi(), "LICENSE"), ")  fax ",
        (phone(pl.area), "FAX"), "\n",
        f"Findings: AHI {ahi}/h, oxygen nadir {R.randint(72, 89)}%, Epworth Sleepiness Scale {R.randint(6, 19)}/24, "
        "Mallampati III. Cheyne-Stokes pattern not seen.\n",
        "Plan: auto-CPAP 5-15 cm H2O; device serial ", (pick([f"2{digits(10)}", f"{digits(4)}{pick(['P', 'S'])}{digits(6)}"]), "DEVICE"),
        ", cellular modem IMEI ", (imei(), "DEVICE"), ".\n",
        "Compliance portal: ", (f"https://{slug(center)[:14]}.sleepdata.net/pt/{digits(6)}", "URL"),
        "  (first upload from ", (ip(), "IP"), ")\n",
    ]
    if old:
        rows += ["Note: ", N(p.given), " is ", (ag, "AGE"), " and lives alone; titration deferred.\n"]
    return rows


def i693() -> list:
    tk: set[str] = set()
    p, cs, atty = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    clinic = facility(pl, pick(["Family Medicine", "Immigration Medical Clinic", "Rural Health Clinic"]))
    rows = [
        "FORM I-693 WORKSHEET - civil surgeon copy\n",
        "Part 1. Applicant: ", N(p.form(pick(["REV", "slash", "rev"]))), "\n",
        "  A-Number: A", (f"{digits(9)}", "ACCOUNT"), "   USCIS Online Account: ", (digits(12), "ACCOUNT"), "\n",
        "  Date of birth: ", (dob(), "DATE"), "   Passport: ", (pick([f"{pick(['P', 'N', 'E'])}{digits(7)}", f"{pick(['AB', 'PK', 'RW'])}{digits(6)}"]), "LICENSE"), "\n",
        "  U.S. address: ",
    ] + addr_pieces(pl) + ([
        "\n  SSN (if any): ", (ssn(), "SSN")] if R.random() < 0.5 else []) + [
        "\n  Phone: ", (phone(pl.area), "PHONE"), "\n",
        "Part 4. Civil surgeon: ", N(cs.form(pick(["full", "mi"]))), ", MD   ", (clinic, "FACILITY"), "\n",
        "  USCIS civil surgeon ID: ", (f"CS{digits(6)}", "LICENSE"), "   State licence: ",
        (f"{pl.state}-{digits(5)}", "LICENSE"), "\n",
        "  Exam date: ", (date(2026, 2026), "DATE"), "   IGRA (QuantiFERON-TB Gold Plus) negative; syphilis RPR nonreactive;\n",
        "  MMR, Tdap, varicella, influenza documented; COVID-19 not required.\n",
        "  Sealed envelope released to attorney ", N(atty.form(pick(["full", "init"]))), " <", (email(atty, pick(["immlaw.com", "visa-counsel.org", "dakotalegal.net"])), "EMAIL"), ">\n",
    ]
    return rows


def travel() -> list:
    tk: set[str] = set()
    p, np_, comp = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    clinic = facility(pl, pick(["Travel Clinic", "Travel and Tropical Medicine", "Pharmacy Travel Health"]))
    dest = pick(["Ghana and Togo", "Peru (Cusco, Puerto Maldonado)", "Kenya", "Bolivia and Brazil",
                 "Uganda (gorilla trek)", "Angola", "Colombia (Leticia)"])
    rows = [
        (clinic, "FACILITY"), "  PRE-TRAVEL CONSULTATION\n",
        "Traveler: ", N(p.form(pick(["full", "REV", "mi"]))), "  DOB ", (dob(), "DATE"),
        "  e-mail ", (email(p), "EMAIL"), "\n",
        "Passport no. ", (pick([f"{digits(9)}", f"{pick(['A', 'Z'])}{digits(8)}"]), "LICENSE"), "  travel companion: ",
        N(comp.form(pick(["given", "full"]))), "\n",
        f"Itinerary: {dest}, {R.randint(9, 40)} days, departing ", (date(2026, 2026), "DATE"), ".\n",
        "Given today: yellow fever vaccine (YF-VAX) 0.5 mL SC, typhoid Vi, hepatitis A #1. "
        "Atovaquone-proguanil 250/100 mg daily. Azithromycin 1 g single dose for travelers' diarrhoea.\n",
        "ICVP certificate no. ", (pick([f"ICVP-{digits(7)}", f"{pl.state}{digits(8)}"]), "ACCOUNT"),
        " stamped; evacuation insurance policy ", (pick([f"GR-{digits(8)}", f"{digits(4)}-{digits(5)}"]), "ACCOUNT"), ".\n",
        "Prescriber: ", N(np_.form(pick(["full", "init"]))), ", FNP  NPI ", (npi(), "LICENSE"),
        "  clinic ", (phone(pl.area), "PHONE"), "\n",
    ]
    if R.random() < 0.45:
        rows += ["Comment: traveler is ", (age90(), "AGE"), "; yellow fever vaccine benefit and risk discussed at length.\n"]
    return rows


def poison() -> list:
    tk: set[str] = set()
    caller, pt, spi = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    ed = facility(pl, pick(["Memorial Hospital", "Regional Medical Center", "Community Hospital"]))
    agent = pick(["grandmother's metoprolol ER 50 mg tablets", "lamp oil", "a button battery",
                  "zolpidem 10 mg", "dishwasher pods", "a Datura seed pod", "clonidine 0.1 mg",
                  "wintergreen oil"])
    old = R.random() < 0.5
    rows = [
        "POISON CENTER CASE RECORD  case # ", (pick([f"{digits(2)}-{digits(6)}", f"PC{digits(7)}"]), "ACCOUNT"), "\n",
        "Call received ", (date(2026, 2026), "DATE"), f" {R.randint(0, 23):02d}:{R.randint(0, 59):02d} from caller ",
        N(caller.form(pick(["full", "given", "lower"]))), " at ", (phone(pl.area), "PHONE"), ", calling from ",
        (pl.town, "LOCATION"), ".\n",
    ]
    if old:
        rows += ["Patient: ", N(pt.form(pick(["full", "rev"]))), ", age ", (age90(), "AGE"),
                 f", took extra doses of {agent} in error.\n"]
    else:
        rows += ["Patient: ", N(pt.given), f", {R.randint(14, 47)} months, found with {agent}.\n"]
    rows += [
        "Recommendation: referred to ", (ed, "FACILITY"), "; ECG, glucose, observe 6 h. ",
        "Fax of recommendations to ED: ", (phone(pl.area), "FAX"), ".\n",
        "Follow-up call by ", N(spi.form(pick(["initials", "init"]))), ", CSPI: ",
        N(pt.given.split()[0] if not old else pt.surname), " ", pick(["asymptomatic", "sleepy but arousable", "discharged home"]), ".\n",
    ]
    return rows


def ivf() -> list:
    tk: set[str] = set()
    p, partner, emb, wit, md = Person(tk), Person(tk), Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    clinic = facility(pl, pick(["Fertility Center", "Reproductive Medicine", "IVF Laboratory"]))
    rows = [
        (clinic, "FACILITY"), "\nFROZEN EMBRYO TRANSFER RECORD\n",
        "Patient | ", N(p.form(pick(["REV", "rev"]))), " | DOB ", (date(1980, 1996), "DATE"), " | MRN ",
        (pick([f"{digits(7)}", f"F{digits(6)}"]), "MRN"), "\n",
        "Partner | ", N(partner.form(pick(["REV", "rev"]))), " | DOB ", (date(1976, 1996), "DATE"), "\n",
        "Cycle ID | ", (f"FET-{digits(5)}", "ACCOUNT"), " | transfer ", (date(2026, 2026), "DATE"), "\n",
        f"Embryo | day 5 blastocyst 4AA, thawed {R.randint(7, 10)}:{R.randint(10, 59)}, survived 100%\n",
        "Incubator | serial ", (pick([f"EST{digits(6)}", f"{digits(3)}-{digits(5)}"]), "DEVICE"), " | time-lapse host ",
        (ip(), "IP"), "\n",
        "Witness check | embryologist ", N(emb.form("initials")), " / witness ", N(wit.form(pick(["initials", "init"]))), "\n",
        "Physician | ", N(md.form(pick(["full", "init"]))), ", MD | NPI ", (npi(), "LICENSE"), "\n",
        "Patient portal | ", (f"https://portal.{slug(clinic)[:12]}.com/cycle/{digits(5)}", "URL"),
        " | e-mail ", (email(p), "EMAIL"), "\n",
        "Progesterone in oil 50 mg IM daily continues; beta-hCG in 9 days.\n",
    ]
    return rows


def inr_log() -> list:
    tk: set[str] = set()
    p, rph, pcp = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    clinic = facility(pl, pick(["Anticoagulation Clinic", "Coumadin Clinic", "Pharmacy Anticoagulation Service"]))
    old = R.random() < 0.4
    ag, bd = age_dob() if old else ("", dob())
    rows = [
        (clinic, "FACILITY"), " | warfarin management log\n",
        N(p.form("REV")), " | ", (bd, "DATE"), " | ", (pick([f"{digits(2)}-{digits(3)}-{digits(3)}", f"{digits(9)}", f"A{digits(7)}"]), "MRN"),
        " | indication: mechanical mitral valve, goal 2.5-3.5\n",
        "date | INR | weekly dose | by\n",
    ]
    for _ in range(R.randint(2, 3)):
        rows += [(date(2026, 2026, pick(["0", "1", "3", "10"])), "DATE"), f" | {R.randint(18, 41) / 10:.1f} | ",
                 f"{pick(['35', '37.5', '40', '42.5'])} mg | ", N(rph.form("initials")), "\n"]
    rows += [
        "Home meter CoaguChek INRange serial ", (pick([f"U{digits(7)}", f"{digits(8)}"]), "DEVICE"),
        "; monitoring service account ", (pick([f"{digits(10)}", f"AC-{digits(6)}"]), "ACCOUNT"), "\n",
        "Results sent to PCP ", N(pcp.form(pick(["init", "rev"]))), " by fax ", (phone(pl.area), "FAX"),
        "; patient line ", (phone(pl.area), "PHONE"), "\n",
    ]
    if R.random() < 0.5:
        rows += ["Lives at "] + addr_pieces(pl, unit_p=0.5) + ["; daughter drives to draws.\n"]
    if old:
        rows += ["Age ", (ag, "AGE"), ": bleeding risk reviewed with HAS-BLED score 3.\n"]
    return rows


def trial() -> list:
    tk: set[str] = set()
    p, crc, pi, wit = Person(tk), Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    site = facility(pl, pick(["Clinical Research Unit", "Cancer Center", "Research Clinic"]))
    rows = [
        "PRE-SCREENING AND INFORMED CONSENT NOTE\n",
        "Site ", (site, "FACILITY"), " (", (pl.town, "LOCATION"), ")  Protocol 2026-ONC-", str(R.randint(10, 99)),
        "  IRB #", (f"{digits(8)}", "ACCOUNT"), "\n",
        "Subject ", (f"{digits(3)}-{digits(3)}", "ACCOUNT"), "  ", N(p.form(pick(["full", "lower", "REV"]))),
        "  MRN ", (pick([f"{digits(8)}", f"M{digits(7)}"]), "MRN"), "  DOB ", (dob(), "DATE"), "\n",
        "Consent version 4.0 signed ", (date(2026, 2026), "DATE"), " before any study procedure; witness ",
        N(wit.form(pick(["full", "init"]))), ". ", N(p.given.split()[0]), " asked about the ECOG 0-1 criterion and the washout.\n",
        "eConsent signature from ", (ip(), "IP"), "; EDC record ", (f"https://edc.{slug(site)[:10]}.org/subj/{digits(6)}", "URL"), "\n",
        "Stipend card needs SSN last four: ", (digits(4), "SSN"), "\n",
        "Coordinator ", N(crc.form(pick(["full", "init"]))), " ", (email(crc, slug(site)[:10] + ".org"), "EMAIL"),
        "  ", (phone(pl.area), "PHONE"), "\n",
        "PI ", N(pi.form(pick(["init", "full"]))), ", MD  NPI ", (npi(), "LICENSE"), "\n",
    ]
    return rows


def barbershop() -> list:
    tk: set[str] = set()
    chw = Person(tk)
    pl = Place(set())
    shop = f"{pick(SURNAME_WORDS)}'s {pick(['Barbershop', 'Cuts', 'Barber & Shave'])}"
    clinic = facility(pl, pick(["Health Center", "Community Clinic"]))
    rows = [
        "bp screening event | ", (shop, "FACILITY"), " | ", (pl.street(), "ADDRESS"), ", ",
        (pl.town, "LOCATION"), " ", (pl.zip, "ZIP"), " | ", (date(2026, 2026), "DATE"), "\n",
        "chw: ", N(chw.form(pick(["lower", "full"]))), "\n",
        "first name + last initial | bp | callback\n",
    ]
    for _ in range(R.randint(2, 3)):
        q = Person(tk)
        rows += [N(f"{q.given.split()[0]} {q.surname[0]}."), f" | {R.randint(128, 188)}/{R.randint(78, 112)} | ",
                 (phone(pl.area), "PHONE"), "\n"]
    rows += ["referred to ", (clinic, "FACILITY"), " same week; one gentleman aged ", (age90(), "AGE"),
             " came in with his grandson for a shape-up and a check.\n"]
    if R.random() < 0.5:
        rows = [r.lower() if isinstance(r, str) else (r[0].lower(), r[1]) for r in rows]
    return rows


def ccf() -> list:
    tk: set[str] = set()
    donor, coll, mro, der = Person(tk), Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    site = facility(pl, pick(["Occupational Health", "Drug Testing Services", "Urgent Care"]))
    employer = f"{pick(SURNAME_WORDS)} {pick(['Trucking', 'Grain Co.', 'Transport LLC', 'Hauling'])}"
    rows = [
        "FEDERAL DRUG TESTING CUSTODY AND CONTROL FORM  Specimen ID ", (f"{digits(7)}", "ACCOUNT"), "\n",
        "Step 1. Employer ", (employer, "FACILITY"), "  DER ", N(der.form(pick(["full", "init"]))), " ",
        (email(der, pick(["fleetmail.com", "haulers.net", "gmail.com"])), "EMAIL"), "\n",
        "  MRO ", N(mro.form(pick(["full", "init"]))), ", DO  tel ", (phone(pick(["605", "580", "912", "920", "208"])), "PHONE"), "\n",
        "  Donor SSN or employee ID: ", (ssn(), "SSN") if R.random() < 0.6 else (f"E{digits(6)}", "ACCOUNT"), "\n",
        "  Reason: post-accident (FMCSA). Truck plate ", (plate(pl.state), "VEHICLE"), " ", pl.state, ", VIN ", (vin(), "VEHICLE"), "\n",
        "  Collection site: ", (site, "FACILITY"), ", ",
    ] + addr_pieces(pl, unit_p=0.3) + [
        "  fax ", (phone(pl.area), "FAX"), "\n",
        "Step 2. Temperature within 4 minutes: yes (32-38 C). Split specimen.\n",
        "Step 4. Collector ", N(coll.form(pick(["REV", "full"]))), "  ", (date(2026, 2026), "DATE"), "\n",
        "Step 5. Donor ", N(donor.form(pick(["UPPER", "full"]))), "  CDL ", (pick([f"{pl.state[0]}{digits(8)}", f"{digits(9)}"]), "LICENSE"),
        "  daytime phone ", (phone(pl.area), "PHONE"), "\n",
    ]
    return rows


def pacemaker() -> list:
    tk: set[str] = set()
    p, rn, ep = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    clinic = facility(pl, pick(["Heart and Vascular", "Device Clinic", "Cardiology Associates"]))
    old = R.random() < 0.8
    ag, bd = age_dob() if old else (str(R.randint(70, 88)), date(1938, 1955))
    rows = [
        (clinic, "FACILITY"), " - REMOTE DEVICE TRANSMISSION\n",
        N(p.form(pick(["REV", "full", "rev"]))), "  DOB ", (bd, "DATE"), "  age ", (ag, "AGE") if old else ag,
        "  MRN ", (pick([f"{digits(7)}", f"C{digits(6)}", f"{digits(4)}-{digits(4)}"]), "MRN"), "\n",
        "Device: dual-chamber pacemaker, serial ", (pick([f"PJN{digits(6)}", f"{digits(8)}", f"RNT{digits(6)}S"]), "DEVICE"),
        "; home transmitter SN ", (pick([f"{digits(9)}", f"MB{digits(7)}"]), "DEVICE"), "\n",
        "Transmission ", (date(2026, 2026), "DATE"), " via ", (ip(), "IP"), ". Battery 9.5 years, RA pacing 62%, RV 3%. "
        "Mode switch episodes: 2 (AF, 14 min). Wenckebach upper rate behaviour noted.\n",
        "Reviewed by ", N(rn.form(pick(["init", "full"]))), ", RN; ", N(ep.form(pick(["init", "surname"]))), " (EP) aware.\n",
        "Patient called at ", (phone(pl.area), "PHONE"), "; ", N(p.given.split()[0]), " denies syncope. "
        "Report on ", (f"https://{slug(clinic)[:10]}.carelink-view.com/r/{digits(7)}", "URL"), "\n",
    ]
    return rows


def home_safety() -> list:
    tk: set[str] = set()
    p, cg, ot = Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    rows = [
        "OT HOME SAFETY EVALUATION\n",
        "Client: ", N(p.form(pick(["full", "mi", "REV"]))), ", ", (age90(), "AGE"), " y/o, lives ",
        pick(["alone", "with spouse", "with an adult grandson"]), " at ",
    ] + addr_pieces(pl, unit_p=0.5) + [
        ".\nReferral ", (date(2026, 2026), "DATE"), " after a fall in the bathroom. Tinetti 16/28, Timed Up and Go 19 s.\n",
        "Recommendations: grab bars by the tub and toilet, raised seat, remove throw rugs, night lights, "
        "second stair rail. Disability parking placard renewal for vehicle plate ", (plate(pl.state), "VEHICLE"), ".\n",
        "Caregiver ", N(cg.form(pick(["full", "given"]))), " ", (phone(pl.area), "PHONE"), "; ",
        (email(cg), "EMAIL"), "\n",
        N(ot.form(pick(["full", "init"]))), ", OTR/L  licence ", (f"OT-{digits(4)}", "LICENSE"), "\n",
    ]
    return rows


def chiro() -> list:
    tk: set[str] = set()
    p, dc, atty, other = Person(tk), Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    clinic = facility(pl, pick(["Chiropractic", "Spine and Wellness", "Chiropractic & Rehab"]))
    insurer = pick(["Farm Mutual", "Prairie Casualty", "Lakeshore Auto", "Wiregrass Insurance"])
    rows = [
        (clinic, "FACILITY"), "  PERSONAL INJURY INITIAL EXAM\n",
        "Pt: ", N(p.form(pick(["full", "rev", "lower"]))), "  DOB ", (dob(), "DATE"), "  SSN xxx-xx-", (digits(4), "SSN"), "\n",
        "Date of loss ", (date(2025, 2026), "DATE"), ": rear-ended at ",
        (f"{pick(ROADS[pl.state])} at mile {R.randint(2, 180)}", "ADDRESS"), " near ", (pl.town, "LOCATION"),
        ". Other driver ", N(other.form(pick(["full", "rev"]))), ", plate ", (plate(pl.state), "VEHICLE"), ".\n",
        "Pt's vehicle VIN ", (vin(), "VEHICLE"), "; ", insurer, " PIP claim ", (pick([f"{digits(3)}-{digits(7)}", f"PIP{digits(8)}"]), "ACCOUNT"), "\n",
        "Exam: cervical ROM reduced, Spurling negative, Jackson compression positive right, "
        "NDI 38%. Dx S13.4XXA, S33.5XXA.\n",
        "Attorney ", N(atty.form(pick(["full", "init"]))), " fax ", (phone(pl.area), "FAX"), "  ",
        (email(atty, pick(["injurylaw.com", "accidentfirm.net"])), "EMAIL"), "\n",
        N(dc.form(pick(["full", "init"]))), ", DC  lic. ", (f"{pl.state}DC{digits(4)}", "LICENSE"), "\n",
    ]
    return rows


def oral_surgery() -> list:
    tk: set[str] = set()
    p, dds, oms, grd = Person(tk), Person(tk), Person(tk), Person(tk)
    pl = Place(set())
    office = facility(pl, pick(["Family Dentistry", "Dental Center", "Smiles"]))
    young = R.random() < 0.5
    rows = [
        "REFERRAL TO ORAL AND MAXILLOFACIAL SURGERY\n",
        "From ", N(dds.form(pick(["full", "init"]))), ", DDS, ", (office, "FACILITY"), ", ",
    ] + addr_pieces(pl, unit_p=0.4) + [
        "\nTel ", (phone(pl.area), "PHONE"), "  Fax ", (phone(pl.area), "FAX"), "  DEA ", (dea(dds.surname), "LICENSE"), "\n",
        "To ", N(oms.form(pick(["init", "full"]))), ", DMD, MD\n",
        "Patient ", N(p.form(pick(["full", "REV", "lower"]))), "  DOB ", (dob(young), "DATE"), "  chart # ",
        (pick([f"{digits(5)}", f"{slug(p.surname)[:3].upper()}{digits(4)}"]), "MRN"), "\n",
    ]
    if young:
        rows += ["Guardian ", N(grd.form("full")), " ", (email(grd), "EMAIL"), "\n"]
    else:
        rows += ["E-mail ", (email(p), "EMAIL"), "\n"]
    rows += [
        "Delta Dental member ID ", (pick([f"{digits(11)}", f"DD{digits(9)}"]), "ACCOUNT"), "\n",
        "Reason: impacted #17 and #32 (Pell and Gregory class II B, Winter mesioangular); CBCT shows "
        "the inferior alveolar canal in contact with #32. Amoxicillin 500 mg premed not needed.\n",
        "Image link ", (f"https://share.{slug(office)[:10]}.com/cbct/{digits(6)}", "URL"), "\n",
    ]
    return rows


SHAPES = [oasis, psg, i693, travel, poison, ivf, inr_log, trial, barbershop, ccf, pacemaker,
          home_safety, chiro, oral_surgery]


# ---------------------------------------------------------------- one-offs (hand-written)
def oneoffs() -> list[tuple[str, list]]:
    return [
        ("korotkoff", ["BP clinic: Dr. ", N("Ninos Korotkoff"), " listened for the Korotkoff sounds himself; phase V "
                       "at 84. Dr. ", N("Korotkoff"), " saw her in ", ("Oral", "LOCATION"),
                       ", SD, after the oral exam, on ", ("03/14/2026", "DATE"), ".\n"]),
        ("epworth", ["Sleep consult, ", ("Felt", "LOCATION"), ", OK. ", N("Gentry Epworth"),
                     " felt sleepy; Epworth Sleepiness Scale 17. Her brother ", N("Canon"),
                     " drives her to clinic. Call ", ("580-844-2076", "PHONE"), ".\n"]),
        ("interior", ["ems handoff: found at home in ", ("interior", "LOCATION"), ", sd; interior of the trailer cold. ",
                      "pt ", N("ghost bear"), ", ", ("ninety-six", "AGE"),
                      " years old, hypothermic 33.1 c. son ", N("alvah"), " on scene.\n"]),
        ("institute", ["Letter: ", N("Feruza Rakhimova"), " of ", ("Institute", "LOCATION"),
                       ", WI, attended the diabetes institute in Green Bay on ", ("June 2, 2026", "DATE"),
                       ". A1c 7.9%. Reply to ", ("feruza.r@centurylink.net", "EMAIL"), ".\n"]),
        ("scenic", ["Ranger called: hiker ", N("Wayra Ccori"), " collapsed on the scenic overlook trail near ",
                    ("Scenic", "LOCATION"), ", SD. Transported to ", ("Custer Regional Hospital", "FACILITY"),
                    ". DOB ", ("1988-09-21", "DATE"), ".\n"]),
        ("pillow", ["Ward note: Mrs. ", N("Pillow"), " asked for a second pillow for orthopnoea (3-pillow). ",
                    N("Versie Pillow"), ", bed 12, MRN ", ("40077815", "MRN"), ".\n"]),
        ("stitch", ["ED laceration: ", N("J. Stitch"), " needed 4 simple interrupted 5-0 sutures; one stitch loosened. ",
                    "Tetanus given ", ("9 Jan 2026", "DATE"), ". Plate ", ("23A418", "VEHICLE"), " SD in the ambulance bay.\n"]),
        ("cure", ["Oncology: ", N("Elzie Cure"), " asked whether this is a cure. Burkitt lymphoma in remission. ",
                  "His mother, ", N("Eula Cure"), ", is ", ("ninety-one", "AGE"),
                  " and came along.\n"]),
        ("pulse", ["Triage: ", N("Ruby Pulse"), " pulse 112, irregular. Lives ", ("Sawtooth Crossing", "ADDRESS"),
                   " off ", ("ID-75", "ADDRESS"), ", ", ("Clayton", "LOCATION"), ". Call ", ("(208) 879-5512", "PHONE"), ".\n"]),
        ("eva", ["School-based clinic, ", ("Eva", "LOCATION"), ", OK: ", N("Eva Nazarov"), " (age 15) for a sports "
                 "physical; EVA foam insoles advised. Mother ", N("Dilnoza"), " at ", ("580.467.3301", "PHONE"), ".\n"]),
        ("optima", ["Pharmacy: ", N("Hikmatullah Afridi"), " of ", ("Optima", "LOCATION"), ", OK picked up Optima-brand "
                    "test strips; Rx ", ("7734021", "ACCOUNT"), ", DOB ", ("2/2/1961", "DATE"), ".\n"]),
        ("vein", ["Vascular lab: ", N("Amaru Vein"), " - great saphenous vein reflux 2.1 s. Referred by Dr. ",
                  N("Spitz"), " (dermatology). Visit ", ("07.11.26", "DATE"), ".\n"]),
        ("nerve", ["EMG: ", N("NERVE, SHEPHERD"), " - median nerve distal latency 5.8 ms; ulnar nerve normal. "
                   "Hospital acct ", ("HA-5510923", "ACCOUNT"), ". ", ("Kooskia", "LOCATION"), ", ID.\n"]),
        ("kaposi", ["Derm: ", N("Senait Kaposi"), " is not related to Kaposi sarcoma; lesion is a Spitz nevus. "
                    "Address ", ("88 Longleaf Gln", "ADDRESS"), ", ", ("Fargo", "LOCATION"), ", GA ", ("31631", "ZIP"), ".\n"]),
        ("table", ["Clinic list: ", N("KHOSHABA, ATOUR"), " | ", ("04-18-1932", "DATE"), " | ", ("ninety-four", "AGE"),
                    " | ", ("Baileys Harbor", "LOCATION"), " | ", ("920 839 1187", "PHONE"), "\n"]),
        ("ondine", ["Pulm: ", N("Shema Ondine"), " has congenital central hypoventilation "
                    "(Ondine curse). ", N("Shema"), " sleeps on the vent; trach vent serial ", ("TV3-554109", "DEVICE"), ".\n"]),
        ("fry", ["Fall at ", ("4102 Cutover Fry", "ADDRESS"), " in ", ("Stites", "LOCATION"), "; frying pan burn to hand. ",
                 N("Nilda Huanca"), " treated ", ("2026/05/30", "DATE"), ".\n"]),
        ("broom", ["Home visit: ", N("Clovis Broom"), " sweeps with a broom daily for exercise. ", N("C.B."),
                   " uses a cane. ", ("HC 64 Box 218", "ADDRESS"), ", ", ("Kenton", "LOCATION"), ", OK ", ("73946", "ZIP"), ".\n"]),
    ]


# ---------------------------------------------------------------- clean passages
EPONYMS = [
    "Brugada pattern", "Wolff-Parkinson-White", "Takayasu arteritis", "Kikuchi disease",
    "Schatzki ring", "Boerhaave syndrome", "Preiser disease", "Gustilo IIIA fracture",
    "Schatzker II plateau fracture", "Mobitz I block", "Korotkoff sounds", "Epworth Sleepiness Scale",
    "Ondine curse", "Snellen chart", "Ishihara plates", "Lawton IADL scale", "Barthel Index",
    "Tinetti gait score", "Folstein MMSE", "Lynch syndrome", "Cowden syndrome", "Pompe disease",
    "Angelman syndrome", "Duchenne dystrophy", "Menkes disease", "Krabbe disease", "Canavan disease",
    "Usher syndrome", "Waardenburg syndrome", "Stickler syndrome", "Leigh syndrome",
    "Leber hereditary optic neuropathy", "Stargardt disease", "Coats disease", "Eales disease",
    "Kaposi sarcoma", "Merkel cell carcinoma", "Spitz nevus", "Bosniak IIF cyst", "Burkitt lymphoma",
    "Castleman disease", "Rosai-Dorfman disease", "Ludwig angina", "Fordyce spots", "Wharton duct",
    "Stensen duct", "Bezold abscess", "Lown-Ganong-Levine", "Bachmann bundle", "Mahaim fibre",
    "Ashman phenomenon", "Sgarbossa criteria", "Fridericia correction", "Kasabach-Merritt",
    "Sturge-Weber", "Fanconi anaemia", "Diamond-Blackfan anaemia", "Glanzmann thrombasthenia",
    "Bernard-Soulier syndrome", "Hageman factor",
]
DRUGS = ["apixaban 5 mg twice daily", "warfarin 5 mg", "enoxaparin 1 mg/kg", "atovaquone-proguanil 250/100 mg",
         "zolpidem 5 mg", "modafinil 200 mg", "letrozole 2.5 mg", "progesterone 50 mg IM", "estradiol 2 mg",
         "ondansetron 4 mg ODT", "ibuprofen 600 mg", "cyclobenzaprine 10 mg", "chlorhexidine 0.12% rinse",
         "amoxicillin 500 mg", "fomepizole 15 mg/kg", "N-acetylcysteine 150 mg/kg", "naloxone 4 mg",
         "vitamin K 2.5 mg", "metoprolol succinate 25 mg", "tafenoquine 200 mg"]
DEVICES = ["ResMed AirSense 11", "Philips DreamStation 2", "CoaguChek INRange", "Medtronic Azure XT DR",
           "Abbott Assurity MRI", "Biotronik Edora 8", "EmbryoScope+", "Hamilton Thorne LYKOS",
           "Planmeca ProMax 3D", "Omron HEM-907XL", "Dexcom G7", "Zoll AED Plus"]
LABS = ["INR 2.7", "eGFR 58 mL/min/1.73m2", "TSH 3.1 mIU/L", "AMH 1.8 ng/mL", "beta-hCG 412 mIU/mL",
        "troponin I 0.02 ng/mL", "HbA1c 7.1%", "lactate 1.4 mmol/L", "acetaminophen level 38 mcg/mL",
        "salicylate 22 mg/dL", "CK 12,400 U/L", "sodium 131 mmol/L", "hemoglobin 10.8 g/dL"]
SCALES = ["AHI 31 events/h", "ODI 24", "HAS-BLED 3", "CHA2DS2-VASc 5", "Timed Up and Go 18 s",
          "ECOG 1", "NDI 38%", "Oswestry 42%", "ESS 14/24", "Pell and Gregory class II B",
          "Glasgow Coma Scale 14", "STOP-BANG 6"]
FOREIGN = ["Dolor lumbar irradiado, sin déficit neurológico.",
           "Prise de sang à jeun, INR cible entre 2 et 3.",
           "Patientin klagt über Tagesmüdigkeit und Schnarchen.",
           "Paciente refere falta de ar aos pequenos esforços.",
           "Dolore toracico atipico, ECG nella norma.",
           "Tomar con alimentos, evitar alcohol.",
           "Sin antecedentes de alergias medicamentosas conocidas.",
           "Pas de fièvre, auscultation pulmonaire claire."]
WORDPLAY = ["a feather pillow under the knees", "a stitch in the side after running", "no cure, only control",
            "pulse oximetry 94% on room air", "vein mapping before fistula", "a pinched nerve at C6",
            "broom and dustpan at the bedside", "a button battery ingestion protocol", "the thimble test for tremor",
            "a sprinkle of cinnamon", "a tender epigastrium", "an arm sling for comfort", "a finger splint",
            "cradle cap in infants", "bolt cutters for the ring", "the interior of the cast", "oral hygiene",
            "a scenic route to the coast", "optima of dosing", "ruby-coloured urine", "jade-green bile",
            "merry and jolly affect", "a canon of guidelines", "pastoral care visit", "cherish the good days"]
PHRASES = ["Advance Care Planning", "Fall Risk Precautions", "Home Health Aide", "Sleep Hygiene",
           "Durable Medical Equipment", "Medication Reconciliation", "Informed Consent", "Prior Authorization",
           "Chain of Custody", "Remote Monitoring", "Travel Health", "Poison Prevention Week",
           "Frozen Embryo Transfer", "Bleeding Precautions", "Blood Pressure Check"]
TIMES = ["post-op day 3", "at harvest time", "since 2019", "after the wheat harvest", "during deer season",
         "week 6 of the cycle", "day 5 blastocyst", "hour 3 of observation", "age 88", "age 89",
         "the 2024 season", "every 4 weeks"]

CLEAN_SHAPES = [
    ("oasis", "Home health teaching (OASIS-E follow-up): {P} reviewed; {D} given as ordered. {S}. "
              "The referral lists {E}. Aide noted {W}. {T}."),
    ("psg", "Sleep lab protocol: score by AASM 3% rule; {S}. Equipment: {V}. {E} is a reason for an "
            "attended study. {F} Comment: {W}."),
    ("i693", "Civil surgeon checklist: applicant [removed]; IGRA result entered; {L}. History of {E} "
             "is not a Class A condition. {P}. {T}."),
    ("travel", "Travel health counselling: {D}; yellow fever vaccine contraindicated with {E}. {F} "
               "Reminder: {W}. {T}."),
    ("poison", "Poison center guidance: {D} in a child; {L} at 4 hours. {W}. {E} not suspected. {T}."),
    ("ivf", "Embryology SOP: {V} checked before thaw; {L}; {D}. {P}. {T}."),
    ("inr", "Anticoagulation teaching: {L} on {D}; {S}. {E} is a listed bleeding risk. Meter: {V}."),
    ("trial", "Eligibility criteria: {E} excluded; {S} required; {L} at screening. {F} {P}."),
    ("bp", "Barbershop outreach script: {P}; measure with the {V}; {S}. Mention {W}. {T}."),
    ("ccf", "Collector training: {P}; temperature 32-38 C within 4 minutes; {W}. Prescription for "
            "{D} is reported to the MRO only. {T}."),
    ("device", "Device clinic: {V} reviewed; {E} on the ECG history; {L}. Takes {D}. {T}."),
    ("ot", "OT home safety handout: {P}. {S}; {W}. Screen for {E}. {F}"),
]


def clean_text(fmt: str) -> str:
    vals = {"P": pick(PHRASES), "D": pick(DRUGS), "E": pick(EPONYMS), "S": pick(SCALES), "W": pick(WORDPLAY),
            "T": pick(TIMES), "V": pick(DEVICES), "F": pick(FOREIGN), "L": pick(LABS)}
    s = fmt.format(**vals)
    e1, e2 = pick(EPONYMS), pick(EPONYMS)
    extra = f" Differential also included {e1} and {e2}; {pick(LABS)}; {pick(WORDPLAY)}."
    if R.random() < 0.5:
        extra += f" Patient [redacted], {pick(TIMES)}: {pick(FOREIGN)}"
    return s[0].upper() + s[1:] + extra


# ---------------------------------------------------------------- assembly
def assemble(pieces: list) -> tuple[str, list]:
    text, spans = "", []
    for piece in pieces:
        if isinstance(piece, tuple):
            value, cat = piece
            spans.append([len(text), len(text) + len(value), cat])
            text += value
        else:
            text += piece
    return text, spans


def case_transform(pieces: list, how: str) -> list:
    f = str.upper if how == "upper" else str.lower
    out = []
    for p in pieces:
        if isinstance(p, tuple):
            v = f(p[0])
            assert len(v) == len(p[0])
            out.append((v, p[1]))
        else:
            v = f(p)
            assert len(v) == len(p)
            out.append(v)
    return out


def fits(spans: list, text: str, pid: str) -> bool:
    for s, e, cat in spans:
        v = text[s:e].lower()
        if cat == "AGE":
            continue
        if len(USED.get(v, set()) - {pid}) >= 2:
            return False
    return True


def register(spans: list, text: str, pid: str) -> None:
    for s, e, cat in spans:
        if cat != "AGE":
            USED.setdefault(text[s:e].lower(), set()).add(pid)


def main() -> None:
    rows = []
    n = 0
    for name, pieces in oneoffs():
        pieces = [p for p in pieces if p != ""]
        n += 1
        pid = f"V-P{n:03d}-id-oneoff-{name}"
        text, spans = assemble(pieces)
        register(spans, text, pid)
        rows.append({"id": pid, "split": "heldout", "carrier": "", "text": text, "spans": spans})
    plan = [shape for shape in SHAPES for _ in range(18)]
    R.shuffle(plan)
    cases = ["upper"] * 14 + ["lower"] * 12 + [""] * (len(plan) - 26)
    R.shuffle(cases)
    for shape, how in zip(plan, cases):
        n += 1
        pid = f"V-P{n:03d}-id-{shape.__name__}"
        for _ in range(500):
            pieces = shape()
            if how:
                pieces = case_transform(pieces, how)
            text, spans = assemble(pieces)
            if fits(spans, text, pid):
                break
        else:
            raise SystemExit(f"cannot draw {pid}")
        register(spans, text, pid)
        rows.append({"id": pid, "split": "heldout", "carrier": "", "text": text, "spans": spans})
    cplan = [c for c in CLEAN_SHAPES for _ in range(15)]
    R.shuffle(cplan)
    ccases = ["upper"] * 11 + ["lower"] * 15 + [""] * (len(cplan) - 26)
    R.shuffle(ccases)
    for (cname, fmt), how in zip(cplan, ccases):
        n += 1
        text = clean_text(fmt)
        if how == "upper":
            text = text.upper()
        elif how == "lower":
            text = text.lower()
        rows.append({"id": f"V-P{n:03d}-clean-{cname}", "split": "heldout", "carrier": "", "text": text, "spans": []})
    out = Path(__file__).resolve().with_name("heldout.jsonl")
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
