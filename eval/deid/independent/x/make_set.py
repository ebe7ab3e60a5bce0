#!/usr/bin/env python3
"""Write set X: held-out de-identification passages (heldout.jsonl beside this file).

Standard library only; seeded; the same bytes whatever PYTHONHASHSEED and working directory.
A passage is a list of text pieces and (value, CATEGORY) pairs joined in order, so every span's
offsets hold its value by construction. Run: python3 make_set.py
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import random
from pathlib import Path

SEED = 2026120801
OUT = Path(__file__).resolve().with_name("heldout.jsonl")

# ---------------------------------------------------------------- places (real towns, by region)
REGIONS = {
    "nh": {
        "state": "NH", "state_name": "New Hampshire", "area": ["603"], "zip": ["035", "036"],
        "towns": ["Gorham", "Colebrook", "Pittsburg", "Errol", "Stratford", "Dummer", "Whitefield", "Littleton", "Franconia",
                  "Sugar Hill", "Randolph", "Shelburne", "Stewartstown", "Clarksville",
                  "Northumberland", "Groveton", "Dixville", "Bretton Woods", "Landaff", "Easton", "Lyman", "Carroll", "Bartlett", "Woodsville", "Wentworth", "Orford", "Piermont"],
        "streets": ["Paper Mill", "Androscoggin", "Notch", "Covered Bridge", "Pulp Yard", "Sap House", "Mill Pond"],
        "roads": ["Route 16", "Route 26", "Route 145", "NH-3", "US-2", "Diamond Pond Rd",
                  "Jericho Lake Rd"],
    },
    "wa": {
        "state": "WA", "state_name": "Washington", "area": ["509"], "zip": ["989", "988"],
        "towns": ["Toppenish", "Wapato", "Harrah", "White Swan", "Zillah", "Granger", "Sunnyside",
                  "Grandview", "Mabton", "Tieton", "Naches", "Selah", "Moxee", "Outlook", "Cowiche", "Omak", "Okanogan", "Tonasket", "Oroville", "Pateros", "Twisp", "Winthrop", "Conconully", "Malott", "Nespelem",
                  "Elmer City", "Loomis", "Molson", "Chesaw", "Wauconda", "Tampico", "Yakima", "Ahtanum", "Parker", "Mazama", "Carlton", "Methow"],
        "streets": ["Hop Kiln", "Fruit Row", "Apple Bin", "Cherry Packing", "Fort Simcoe",
                    "Hop Yard", "Sagebrush", "Orchard Ladder", "Smudge Pot", "Cold Storage"],
        "roads": ["US-97", "SR-20", "SR-22", "Lateral A Rd", "Yakima Valley Hwy",
                  "Pumphouse Rd", "Chief Joseph Dam Rd"],
    },
    "hi": {
        "state": "HI", "state_name": "Hawaii", "area": ["808"], "zip": ["967"],
        "towns": ["Kaunakakai", "Kualapuu", "Maunaloa", "Hoolehua", "Kalaupapa", "Halawa",
                  "Ualapue", "Kamalo", "Hanapepe", "Kekaha", "Kalaheo", "Koloa", "Lihue",
                  "Kapaa", "Anahola", "Kilauea", "Hanalei", "Princeville", "Eleele", "Omao",
                  "Lawai", "Wailua", "Puhi", "Haena", "Makaweli", "Kealia", "Moloaa", "Waimea", "Kapahi", "Hanamaulu", "Kukuiula"],
        "streets": ["Cane Haul", "Taro Patch", "Plantation Camp", "Kukui", "Ulu", "Mango",
                    "Kiawe", "Sugar Mill", "Ironwood", "Lauhala"],
        "roads": ["Kamehameha V Hwy", "Kaumualii Hwy", "Kuhio Hwy", "Maunaloa Hwy",
                  "Farrington Ave", "Waimea Canyon Dr"],
    },
    "ok": {
        "state": "OK", "state_name": "Oklahoma", "area": ["918", "539"], "zip": ["740", "744"],
        "towns": ["Pawhuska", "Hominy", "Fairfax", "Skiatook", "Barnsdall", "Wynona", "Shidler",
                  "Okmulgee", "Henryetta", "Beggs", "Dewar", "Schulter", "Eufaula", "Checotah",
                  "Holdenville", "Wetumka", "Weleetka", "Okemah", "Bristow", "Sapulpa",
                  "Kellyville", "Grayhorse", "Burbank", "Foraker", "Prue", "Avant",
                  "Nuyaka", "Hanna", "Stidham", "Ralston", "Cleveland", "Pawnee", "Hallett", "Preston", "Boley", "Castle",
                  "Paden", "Dustin"],
        "streets": ["Oil Lease", "Roundhouse", "Derrick", "Pump Jack",
                    "Stomp Ground", "Tank Farm"],
        "roads": ["US-60", "OK-99", "OK-56", "County Road 4150", "Old Agency Rd",
                  "Lake Eufaula Dam Rd", "Bird Creek Rd"],
    },
    "ak": {
        "state": "AK", "state_name": "Alaska", "area": ["907"], "zip": ["995", "996"],
        "towns": ["Glennallen", "Copper Center", "Gakona", "Chitina", "Tazlina", "Kenny Lake",
                  "Mentasta", "Talkeetna", "Wasilla", "Palmer", "Chickaloon",
                  "Trapper Creek", "Big Lake", "Knik", "Skwentna", "Slana", "Chistochina",
                  "Tolsona", "Gulkana", "Sheep Mountain", "Point MacKenzie", "Meadow Lakes",
                  "Petersville", "Houston", "Paxson", "Nelchina", "Tonsina", "McCarthy", "Kennecott", "Strelna",
                  "Chugiak"],
        "streets": ["Fireweed", "Glacier View", "Moose Run", "Fish Wheel", "Dog Musher",
                    "Pipeline", "Homestead", "Permafrost", "Woodpile"],
        "roads": ["Glenn Hwy", "Richardson Hwy", "Edgerton Hwy", "Tok Cutoff", "Parks Hwy",
                  "Knik-Goose Bay Rd", "Hatcher Pass Rd"],
    },
}

SUFFIXES = ["Cmp", "Clb", "Crcl", "Fwy", "Hls", "Kys", "Lgt", "Mls", "Mtns", "Prk", "Pts",
            "Trfy", "Upas", "Vlys", "Vws", "Wl", "Cyn", "Cpe", "Ctr", "Grn", "Trwy", "Glen",
            "Summit", "Turnpike", "Terrace", "Close", "Bluffs", "Knolls", "Heights", "Forge",
            "Mills", "Pines", "Rapids", "Square", "Vista", "Crest", "Dale", "Falls", "Grove"]

# ---------------------------------------------------------------- people (typed here)
COMMUNITIES = {
    "malayali": (["Anoop", "Bincy", "Jinu", "Sreeja", "Shijo", "Reshmi", "Nithin", "Aswathy",
                  "Jismon", "Sinimol", "Ajeesh"],
                 ["Kunjumon", "Puthenpurayil", "Vadakkel", "Thekkekara", "Chirayath",
                  "Kallarackal", "Pulikkottil", "Edathil", "Kizhakkekara", "Manjooran"]),
    "bengali": (["Sourav", "Moumita", "Arnab", "Tanushree", "Shuvo", "Debolina", "Anirban",
                 "Paromita", "Tamal", "Srabanti"],
                ["Bhattacharjee", "Mukhopadhyay", "Chattopadhyay", "Gangopadhyay", "Sengupta",
                 "Majumder", "Talukdar", "Bandyopadhyay", "Dasgupta", "Chakladar"]),
    "fijian": (["Sitiveni", "Litia", "Mereoni", "Jone", "Vilisoni", "Asenaca", "Epeli", "Unaisi",
                "Sakiusa", "Losana"],
               ["Ratuvou", "Naivalu", "Vakacegu", "Rokoduru", "Qalo", "Seruvatu", "Waqanivalu",
                "Nawaikula", "Tuilevuka", "Delaibatiki"]),
    "amazigh": (["Massinissa", "Tiziri", "Yuba", "Dihya", "Anir", "Tafat", "Aksil", "Ghiles",
                 "Lounes", "Tinhinan"],
                ["Ouzeggane", "Oukaci", "Amrouche", "Ait Benali", "Ait Ouarab", "Hamouche",
                 "Iguerbouchene", "Azouaou"]),
    "chechen": (["Zelimkhan", "Aminat", "Kheda", "Movsar", "Zarema", "Khamzat", "Adlan",
                 "Petimat"],
                ["Dudurkaev", "Magomadova", "Tsurgaev", "Ilyasova", "Bisultanov", "Dzhabrailova",
                 "Umarkhadzhiev", "Esambaeva"]),
    "frisian": (["Sjoerd", "Wopke", "Hiske", "Jildou", "Tjitske", "Fokke", "Hylke", "Baukje",
                 "Jelle", "Sytske", "Auke", "Gerbrich"],
                ["Hoekstra", "Terpstra", "Dijkstra", "Wijbenga", "Bergsma", "Bosma", "Zijlstra",
                 "Hellinga", "Wiersma", "Algra", "Tjeerdsma"]),
    "maltese": (["Ġorġ", "Carmelo", "Marthese", "Josmar", "Ċettina", "Pawlu", "Ninu", "Censina",
                 "Ġużeppi"],
                ["Camilleri", "Zammit", "Farrugia", "Xuereb", "Azzopardi", "Grech", "Mifsud",
                 "Cassar", "Schembri", "Buttigieg", "Caruana"]),
    "hazara": (["Sakhidad", "Sharifa", "Qurban", "Nasima", "Marzia", "Rahila"],
               ["Sultani", "Jaghori", "Behsudi", "Mohaqiq", "Rezaie", "Danishyar"]),
    "hungarian": (["Zsófia", "Gergő", "Csilla", "Bence", "Lőrinc", "Enikő", "Gyöngyi", "Botond",
                   "Réka", "Ildikó"],
                  ["Szűcs", "Horváth", "Farkas", "Rácz", "Vörös", "Fehér", "Bognár", "Szalai",
                   "Lakatos", "Kertész"]),
    "baltic": (["Rūta", "Jānis", "Ilze", "Mārtiņš", "Kaspars", "Liis", "Kadri", "Tõnu", "Mihkel",
                "Triin", "Aivars"],
               ["Ozoliņš", "Bērziņa", "Kalniņš", "Tamm", "Saar", "Mägi", "Kask", "Rebane",
                "Ilves", "Liepiņa", "Vītols"]),
    "rwandan": (["Kwizera", "Iradukunda", "Mutoni"],
                ["Nsengiyumva", "Uwimana", "Hakizimana", "Mukamana", "Bizimana", "Niyonsaba",
                 "Ndayisaba"]),
    "ganda": (["Nakato", "Babirye", "Kato", "Waswa", "Nalubega", "Namubiru", "Mukiibi"],
              ["Ssewankambo", "Nankya", "Kiggundu", "Mukasa", "Lubega", "Ssekandi", "Kasozi",
               "Nsubuga"]),
    "fulani": (["Hawa", "Oumarou", "Djenabou", "Boubacar", "Mariama", "Kadiatou", "Saidou"],
               ["Diallo", "Barry", "Bah", "Jalloh", "Baldé", "Sidibé"]),
    "sotho": (["Lerato", "Tumelo", "Palesa", "Kagiso", "Boitumelo", "Mpho", "Neo", "Refilwe",
               "Thabo", "Dineo"],
              ["Mokoena", "Molefe", "Motsepe", "Letsie", "Mothibi", "Sekgoma", "Tlhabane",
               "Mokgosi"]),
    "ilocano": (["Bonifacio", "Rogelio", "Marites", "Ernesto", "Corazon", "Lorna", "Dionisio",
                 "Perla"],
                ["Agbayani", "Cabatbat", "Ramelb", "Pagaduan", "Bumanglag", "Dacuycuy", "Lagmay",
                 "Abalos"]),
    "okinawan": (["Shizue", "Masaru", "Fumiko", "Tsuneo", "Chiyoko", "Kiyoshi"],
                 ["Higa", "Nakasone", "Kinjo", "Arakaki", "Tamashiro", "Chinen", "Shimabukuro", "Yonamine", "Miyashiro"]),
    "yakama": (["Delano", "Arlen", "Leotis", "Rosalie"],
               ["Tulee", "Wahpat", "Saluskin", "Sohappy", "Yallup"]),
    "osage": (["Everett", "Wilma", "Cecil"],
              ["Red Corn", "Pipestem", "Lookout", "Bighorse", "Standingbear", "Shunkamolah",
               "Mashunkashey"]),
    "muscogee": (["Lonnie", "Rena", "Odessa"],
                 ["Harjo", "Fixico", "Yahola", "Chupco", "Micco", "Bemo", "Hulbutta"]),
    "ahtna": (["Nettie", "Harry", "Virgie"],
              ["Ewan", "Sinyon", "Goodlataw", "Secondchief", "Tansy"]),
    "northcountry": (["Merle", "Blanche", "Verna", "Lyman", "Arlene",
                      "Leland", "Roxanna", "Elwin"],
                     ["Hodgdon", "Tewksbury", "Coulombe", "Cloutier", "Fortier", "Binette",
                      "Gagne", "Thibodeau"]),
    "wordgiven": (["Lyric", "Ivory", "Heaven", "Angel", "Marvel", "Wisdom", "Lovely", "Gentle",
                   "Worthy", "Goodness", "Jubilee", "Galaxy", "Karma", "Valor", "Sincere",
                   "Kindness", "Hero", "Bright", "Fate", "Felicity", "Prosper", "Glory", "Dimple",
                   "Pinky", "Tiny", "Bunny", "Cookie", "Lace", "Stormy", "Birdie"], []),
    "wordsur": ([], ["Callus", "Tendon", "Drip", "Lens", "Hammer", "Stirrup", "Bones", "Graft",
                     "Hives", "Akers", "Bandage", "Truss", "Scalpel", "Bedpan", "Bunting", "Pitts",
                     "Skinner", "Shanks", "Elbow", "Hale", "Medick", "Barber", "Bitter", "Fatt",
                     "Stout", "Lean", "Gaunt", "Frail", "Pale", "Weary", "Coffey", "Spleen"]),
    "eponym": ([], ["Troisier", "Blatchford", "Rockall", "Kleihauer", "Mantoux", "Seldinger",
                    "Groshong", "Penrose", "Dieulafoy", "Kasai", "Wilms", "Auer", "Heinz",
                    "Sprengel", "Ekbom", "Amsler", "Hirschberg", "Semont", "Fukuda", "Stener",
                    "Yeoman", "Louvel", "Wartenberg", "Westphal", "Robertson", "Kernohan",
                    "Dunphy", "Prehn", "Ballance", "Krukenberg", "Moses", "O'Brien"]),
}
# word given names and word or eponym surnames pair with the given names of any community
PLAIN_GIVEN = ["Delbert", "Loretta", "Wendell", "Noreen", "Garnet", "Lavon",
               "Elvin", "Thelma", "Kermit", "Lucille", "Darrel", "Ione"]

SAINTS = ["St. Dymphna", "St. Roch", "St. Peregrine", "St. Camillus", "St. Agatha",
          "St. Blaise", "St. Apollonia", "St. Gerard", "St. Damien", "St. Marianne Cope",
          "St. Hedwig", "St. Giles", "St. Brendan", "St. Columba", "St. Ansgar", "St. Olaf",
          "St. Wenceslaus", "St. Benedict", "St. Kilian"]
BARE_FACILITIES = ["Covenant", "Shalom", "Agape", "Evergreen", "Cedar Crest",
                   "Spruce Haven", "Northern Lights", "Bayview", "Maple Ridge",
                   "Kapiolani", "Wilcox", "Hilltop", "Valley View", "Clearwater",
                   "Riverbend", "Three Rivers", "Northstar"]
HOSP_KINDS = ["Community Hospital", "Medical Center", "Critical Access Hospital",
              "Regional Hospital", "Memorial Hospital", "Health Center", "Indian Health Center",
              "Family Clinic", "Rural Health Clinic", "Health Services"]

CHECK_POOLS = ["SUFFIXES", "SAINTS", "BARE_FACILITIES", "PLAIN_GIVEN"]
for _r in REGIONS:
    globals()["TOWNS_" + _r] = REGIONS[_r]["towns"]
    globals()["STREETS_" + _r] = REGIONS[_r]["streets"]
    CHECK_POOLS += ["TOWNS_" + _r, "STREETS_" + _r]
for _c in COMMUNITIES:
    globals()["GIVEN_" + _c] = COMMUNITIES[_c][0]
    globals()["SUR_" + _c] = COMMUNITIES[_c][1]
    CHECK_POOLS += ["GIVEN_" + _c, "SUR_" + _c]

# ---------------------------------------------------------------- markup and helpers
O, M, C = "\x01", "\x02", "\x03"


def S(value: object, cat: str) -> str:
    """Mark a value as a span of category `cat`."""
    return f"{O}{value}{M}{cat}{C}"


def unmark(marked: str, case: str = "") -> tuple[str, list[list]]:
    """Strip the marks; optionally upper- or lower-case pieces and values alike."""
    text, spans, i = [], [], 0
    pos = 0
    while i < len(marked):
        j = marked.find(O, i)
        if j < 0:
            piece = marked[i:]
            i = len(marked)
        else:
            piece = marked[i:j]
        piece2 = piece.upper() if case == "upper" else piece.lower() if case == "lower" else piece
        assert len(piece2) == len(piece)
        text.append(piece2)
        pos += len(piece2)
        if j < 0:
            break
        k, e = marked.index(M, j), marked.index(C, j)
        value, cat = marked[j + 1:k], marked[k + 1:e]
        v2 = value.upper() if case == "upper" else value.lower() if case == "lower" else value
        assert len(v2) == len(value)
        text.append(v2)
        spans.append([pos, pos + len(v2), cat])
        pos += len(v2)
        i = e + 1
    return "".join(text), spans


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
DATE_FORMS = [
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day:02d}-{MONTHS[d.month - 1][:3].upper()}-{d.year}",
    lambda d: f"{d.day:02d}{MONTHS[d.month - 1][:3].upper()}{d.year}",
    lambda d: f"{d.month:02d}-{d.day:02d}-{d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day} {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]}{'' if d.month == 5 else '.'} {d.day}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}{ORD.get(d.day, 'th')}, {d.year}",
    lambda d: f"{d.month:02d}.{d.day:02d}.{d.year}",
    lambda d: f"{d.year}{d.month:02d}{d.day:02d}",
]
TENS = {90: "ninety", 100: "one hundred"}
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def age_words(n: int) -> str:
    if n < 100:
        return "ninety" + ("-" + ONES[n - 90] if n > 90 else "")
    return "one hundred" + (" " + ONES[n - 100] if n > 100 else "")


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


VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
WMIS = ["1FD", "1GB", "3C7", "1HG", "5N1", "2GC", "4T1", "1FM", "JTE", "WDA", "1C4", "3GN"]


class Gen:
    """All value generators share one seeded random source."""

    def __init__(self, rng: random.Random):
        self.r = rng
        self.comms = sorted(COMMUNITIES)
        self.all_given = sorted({g for c in self.comms for g in COMMUNITIES[c][0]} | set(PLAIN_GIVEN))
        self.all_sur = sorted({s for c in self.comms for s in COMMUNITIES[c][1]})

    # people ---------------------------------------------------------------
    def person(self) -> dict:
        r = self.r
        c = r.choice(self.comms)
        givens, surs = COMMUNITIES[c]
        g = r.choice(givens) if givens else r.choice(PLAIN_GIVEN + self.all_given)
        s = r.choice(surs) if surs else r.choice(self.all_sur)
        return {"g": g, "s": s, "m": r.choice("ABCDEFGHJKLMNPRSTVW")}

    def people(self, n: int) -> list[dict]:
        out: list[dict] = []
        while len(out) < n:
            p = self.person()
            if all(p["g"] != q["g"] and p["s"] != q["s"] for q in out):
                out.append(p)
        return out

    @staticmethod
    def nm(p: dict, form: str = "full") -> str:
        g, s, m = p["g"], p["s"], p["m"]
        return {
            "full": f"{g} {s}", "mid": f"{g} {m}. {s}", "rev": f"{s}, {g}",
            "REV": f"{s.upper()}, {g.upper()} {m}", "init": f"{g[0]}. {s}",
            "inits": f"{g[0]}.{s[0]}.", "INITS": f"{g[0]}{s[0]}", "g": g, "s": s,
            "revmid": f"{s}, {g} {m}.",
        }[form]

    def anyform(self, p: dict) -> str:
        return self.nm(p, self.r.choice(["full", "full", "mid", "rev", "REV", "revmid"]))

    # dates and ages -------------------------------------------------------
    def date(self, y0: int = 2025, y1: int = 2026) -> dt.date:
        a = dt.date(y0, 1, 1)
        return a + dt.timedelta(days=self.r.randrange((dt.date(y1, 12, 31) - a).days))

    def fdate(self, d: dt.date) -> str:
        return self.r.choice(DATE_FORMS)(d)

    def dob(self, lo: int = 1931, hi: int = 2012) -> str:
        return self.fdate(self.date(lo, hi))

    def age(self) -> tuple[int, str]:
        n = self.r.randint(90, 104)
        return n, (age_words(n) if self.r.random() < 0.3 else str(n))

    # numbers --------------------------------------------------------------
    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(n - 1))

    def phone(self, reg: dict) -> str:
        a = self.r.choice(reg["area"])
        x = f"{self.r.randint(2, 9)}{self.r.randint(0, 9)}{self.r.randint(0, 9)}"
        n = f"{self.r.randint(0, 9999):04d}"
        return self.r.choice([
            f"({a}) {x}-{n}", f"{a}-{x}-{n}", f"{a}.{x}.{n}", f"{a} {x} {n}", f"+1 {a} {x} {n}",
            f"1 ({a}) {x}-{n}", f"{a}/{x}-{n}", f"{a}{x}{n}", f"+1-{a}-{x}-{n}", f"({a}){x}-{n}"])

    def zip(self, reg: dict) -> str:
        z = self.r.choice(reg["zip"]) + f"{self.r.randint(1, 99):02d}"
        return z + (f"-{self.r.randint(1, 9999):04d}" if self.r.random() < 0.25 else "")

    def ssn(self) -> str:
        a, b, c = self.r.randint(1, 665), self.r.randint(1, 99), self.r.randint(1, 9999)
        sep = self.r.choice(["-", "-", " ", ""])
        return f"{a:03d}{sep}{b:02d}{sep}{c:04d}"

    def last4(self) -> str:
        return f"{self.r.randint(1, 9999):04d}"

    def mrn(self) -> str:
        r = self.r
        return r.choice([
            lambda: "M" + self.digits(7), lambda: f"{self.digits(2)}-{self.digits(3)}-{self.digits(3)}",
            lambda: "00" + self.digits(8), lambda: "K-" + self.digits(6), lambda: "E" + self.digits(7),
            lambda: f"{self.digits(3)}-{self.digits(4)}-{r.randint(0, 9)}", lambda: self.digits(7),
            lambda: "HX" + self.digits(6), lambda: f"{self.digits(4)} {self.digits(4)}"])()

    def npi(self) -> str:
        body = str(self.r.choice([1, 2])) + "".join(str(self.r.randint(0, 9)) for _ in range(8))
        return body + luhn_digit("80840" + body)

    def dea(self, surname: str) -> str:
        d = [self.r.randint(0, 9) for _ in range(6)]
        chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        init = next((ch for ch in surname.upper() if "A" <= ch <= "Z"), "X")
        return self.r.choice("ABFGM") + init + "".join(map(str, d)) + str(chk)

    def vin(self) -> str:
        while True:
            body = list(self.r.choice(WMIS) + "".join(self.r.choice(VIN_CHARS) for _ in range(14)))
            body[8] = "0"
            total = sum(VIN_VAL[c] * w for c, w in zip(body, VIN_W))
            body[8] = "X" if total % 11 == 10 else str(total % 11)
            return "".join(body)

    def imei(self) -> str:
        body = self.r.choice(["35", "86", "01", "99"]) + "".join(str(self.r.randint(0, 9)) for _ in range(12))
        return body + luhn_digit(body)

    def plate(self, reg: dict) -> str:
        r = self.r
        L = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))  # noqa: E731
        st = reg["state"]
        if st == "NH":
            return r.choice([self.digits(7), f"{L(3)} {self.digits(3)}"])
        if st == "WA":
            return r.choice([f"{L(3)}{self.digits(4)}", f"{L(3)} {self.digits(4)}", f"C{self.digits(5)}{L(1)}"])
        if st == "HI":
            return r.choice([f"{L(3)} {self.digits(3)}", f"{L(3)}{self.digits(3)}"])
        if st == "OK":
            return r.choice([f"{L(3)}-{self.digits(3)}", f"{L(3)}{self.digits(3)}", f"{self.digits(3)}{L(3)}"])
        return r.choice([f"{L(3)} {self.digits(3)}", f"{L(3)}{self.digits(3)}"])

    def serial(self) -> str:
        r = self.r
        L = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))  # noqa: E731
        return r.choice([
            lambda: f"{L(2)}{self.digits(4)}-{self.digits(4)}", lambda: f"{L(1)}{self.digits(1)}{L(1)}{self.digits(5)}{L(1)}",
            lambda: f"{self.digits(4)}-{self.digits(3)}-{self.digits(4)}", lambda: f"{L(3)}{self.digits(7)}",
            lambda: f"{self.digits(2)}{L(2)}{self.digits(6)}", lambda: f"SN{self.digits(9)}"])()

    def ip(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.15:
            return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if k < 0.28:
            return f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if k < 0.36:
            return f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if k < 0.48:
            h = lambda: f"{r.randint(1, 0xffff):x}"  # noqa: E731
            return f"2600:{h()}:{h()}:{h()}::{h()}"
        return f"{r.choice([24, 47, 63, 66, 71, 97, 107, 134, 162, 173, 199, 204, 216])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def token(self, n: int = 8) -> str:
        return "".join(self.r.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(n))

    # places ---------------------------------------------------------------
    def street(self, reg: dict) -> str:
        r = self.r
        k = r.random()
        num = str(r.randint(1, 9)) if r.random() < 0.1 else self.digits(r.choice([2, 3, 3, 4, 4, 5]))
        if k < 0.55:
            pre = r.choice(["", "", "", "N ", "S ", "E ", "W ", "Old ", "Upper ", "Lower "])
            return f"{num} {pre}{r.choice(reg['streets'])} {r.choice(SUFFIXES)}"
        if k < 0.75:
            return f"{num} {r.choice(reg['roads'])}"
        if k < 0.9:
            return r.choice(["PO Box ", "P.O. Box ", "Box ", "POB "]) + self.digits(r.choice([3, 4]))
        return f"HC {r.randint(1, 89)} Box {self.digits(3)}"

    def unit(self) -> str | None:
        r = self.r
        if r.random() < 0.65:
            return None
        return r.choice([f"Apt {r.randint(1, 40)}", f"Unit {r.choice('ABCD')}", f"Spc {r.randint(1, 60)}",
                         f"Lot {r.randint(1, 90)}", f"# {r.randint(2, 30)}", f"Trlr {r.randint(1, 20)}",
                         "Upstairs", "Rear"])

    def addr_block(self, reg: dict, town: str, sep: str = ", ") -> str:
        """Street line (and unit), town, state and ZIP, marked."""
        line = S(self.street(reg), "ADDRESS")
        u = self.unit()
        if u:
            line += " " + S(u, "ADDRESS")
        return f"{line}{sep}{S(town, 'LOCATION')}, {reg['state']} {S(self.zip(reg), 'ZIP')}"

    def town(self, reg: dict) -> str:
        return self.r.choice(reg["towns"])

    def facility(self, reg: dict, bare_ok: bool = True) -> str:
        r = self.r
        k = r.random()
        if k < 0.35:
            return f"{self.town(reg)} {r.choice(HOSP_KINDS)}"
        if k < 0.6:
            return f"{r.choice(SAINTS)} {r.choice(['Hospital', 'Medical Center', 'Regional', 'Clinic', 'Health'])}"
        if k < 0.8 or not bare_ok:
            return f"{r.choice(BARE_FACILITIES)} {r.choice(['Hospital', 'Health', 'Medical Center', 'Clinic', 'Care Center'])}"
        return r.choice(BARE_FACILITIES + SAINTS)

    def email(self, p: dict, domain: str) -> str:
        import unicodedata
        def ascii_(s: str) -> str:
            s = unicodedata.normalize("NFKD", s)
            return "".join(ch for ch in s if ch.isascii() and (ch.isalnum())).lower()
        g, s = ascii_(p["g"]), ascii_(p["s"])
        user = self.r.choice([f"{g}.{s}", f"{g[0]}{s}", f"{s}{g[0]}", f"{g}{s[:3]}{self.r.randint(1, 99)}", f"{g}_{s}"])
        return f"{user}@{domain}"

    def domain(self, reg: dict) -> str:
        stem = self.r.choice(["health", "med", "care", "clinic", "rural", "valley", "north", "island", "tribal"])
        t = "".join(ch for ch in self.town(reg).lower() if ch.isalpha())
        return self.r.choice([f"{t}{stem}.org", f"{stem}{t}.com", f"{t}-{stem}.net", f"{t}.{reg['state'].lower()}.us"])


# ---------------------------------------------------------------- identifier shapes
def reg_of(g: Gen) -> dict:
    return REGIONS[g.r.choice(sorted(REGIONS))]


def sh_athletic(g: Gen) -> tuple[str, str]:
    """Athletic trainer's concussion and return-to-play report."""
    r, reg = g.r, reg_of(g)
    ath, par, atc, doc = g.people(4)
    par["s"] = ath["s"] if r.random() < 0.6 else par["s"]
    town = g.town(reg)
    school = f"{town} {r.choice(['High School', 'Junior-Senior High', 'Middle School', 'Academy'])}"
    sport = r.choice(["varsity football", "girls' soccer", "JV volleyball", "wrestling", "boys' basketball", "rodeo team", "hockey"])
    inj = g.date(2026, 2026)
    dom = g.domain(reg)
    dev = (f" Impact-sensor mouthguard {S(g.serial(), 'DEVICE')} logged a 74 g hit on that play.") if r.random() < 0.5 else ""
    s = (f"ATHLETIC TRAINING SERVICES: CONCUSSION / RETURN-TO-PLAY REPORT\n"
         f"School: {S(school, 'FACILITY')} ({S(town, 'LOCATION')}, {reg['state']})   Sport: {sport}\n"
         f"Athlete: {S(g.nm(ath, 'rev'), 'NAME')}   DOB: {S(g.dob(2008, 2012), 'DATE')}   Student ID: {S(g.digits(r.choice([6, 7])), 'ACCOUNT')}\n"
         f"Date of injury: {S(g.fdate(inj), 'DATE')}\n"
         f"{S(ath['g'], 'NAME')} took a helmet-to-shoulder hit in the second quarter, sat out the rest of the game and "
         f"reported headache and light sensitivity; SCAT6 symptom score 31/132.{dev}\n"
         f"Parent/guardian: {S(g.nm(par), 'NAME')}, cell {S(g.phone(reg), 'PHONE')}, notified at the field.\n"
         f"Step 1 (symptom-limited activity) started {S(g.fdate(inj + dt.timedelta(days=2)), 'DATE')}; cleared for step 5 "
         f"by team physician {S(g.nm(doc, 'init'), 'NAME')}, MD (NPI {S(g.npi(), 'LICENSE')}).\n"
         f"Athletic trainer: {S(g.nm(atc), 'NAME')}, LAT, ATC, license {S(str(r.randint(100, 9999)), 'LICENSE')} | "
         f"{S(g.email(atc, dom), 'EMAIL')} | fax clearance forms to {S(g.phone(reg), 'FAX')}")
    return s, ""


def sh_roi(g: Gen) -> tuple[str, str]:
    """Release-of-information disclosure log, pipe table."""
    r, reg = g.r, reg_of(g)
    fac = g.facility(reg, bare_ok=False)
    rows = []
    clerk = None
    n = r.choice([2, 2, 3])
    ppl = g.people(n * 2 + 1)
    for i in range(n):
        pt, req = ppl[2 * i], ppl[2 * i + 1]
        recv = g.date(2026, 2026)
        rows.append(
            f"| {S('R' + g.digits(2) + '-' + g.digits(5), 'ACCOUNT')} | {S(g.fdate(recv), 'DATE')} | {S(g.nm(pt, 'REV'), 'NAME')} | "
            f"{S(g.dob(1931, 2010), 'DATE')} | {S(g.mrn(), 'MRN')} | xxx-xx-{S(g.last4(), 'SSN')} | "
            f"{S(g.nm(req), 'NAME')} ({r.choice(['patient', 'attorney', 'SSA disability', 'life insurer', 'daughter, POA'])}) | "
            f"{S(g.phone(reg), 'FAX')} | {S(g.fdate(recv + dt.timedelta(days=r.randint(3, 25))), 'DATE')} |")
    clerk = ppl[-1]
    rt = g.town(reg)
    s = (f"{S(fac, 'FACILITY')}: Health Information Management, release-of-information disclosure log\n"
         f"| Req # | Received | Patient | DOB | MRN | SSN | Requester | Sent by fax to | Sent |\n"
         f"|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
         f"Mailed copy for the first row went to {g.addr_block(reg, rt)}. Electronic copies released through "
         f"{S('https://roi.' + g.domain(reg) + '/pickup/' + g.token(10), 'URL')} (downloaded from {S(g.ip(), 'IP')}). "
         f"Logged by {S(g.nm(clerk, 'init'), 'NAME')}, RHIT.")
    return s, ""


def sh_chat(g: Gen) -> tuple[str, str]:
    """TeleECHO videoconference chat export during a session."""
    r, reg = g.r, reg_of(g)
    a, b, c, pt = g.people(4)
    fa, fb = g.facility(reg), g.facility(reg)
    hh, mm = r.randint(12, 16), r.randint(0, 40)
    t = lambda k: f"{hh}:{mm + k:02d}"  # noqa: E731
    n, aw = g.age()
    town = g.town(reg)
    low = r.random() < 0.5
    lines = [
        f"{t(0)} From {S(g.nm(a), 'NAME')} ({S(fa, 'FACILITY')}) to Everyone: good afternoon from the north clinic",
        f"{t(2)} From {S(g.nm(b, 'full'), 'NAME')} to Everyone: my case is the {aw} y/o from {S(town, 'LOCATION')}, "
        f"{S(g.nm(pt, 'inits'), 'NAME')}, seen {S(g.fdate(g.date(2026, 2026)), 'DATE')}",
        f"{t(3)} From {S(g.nm(c, 'g'), 'NAME')} (hub) to Everyone: please drop the initials and town from chat, thanks",
        f"{t(5)} From {S(g.nm(b, 'g'), 'NAME')} to Everyone: sorry! chart is {S(g.mrn(), 'MRN')} if the hub pharmacist wants to look before the call",
        f"{t(6)} From {S(g.nm(a, 's'), 'NAME')} to Everyone: slides: {S('https://echo-' + g.token(5) + '.org/s/' + g.token(9), 'URL')}",
        f"{t(8)} From {S(g.nm(b, 'g'), 'NAME')} to Everyone: text me after, {S(g.phone(reg), 'PHONE')}, or {S(g.email(b, g.domain(reg)), 'EMAIL')}",
        f"{t(9)} From {S(g.nm(c, 'full'), 'NAME')} to Everyone: {S(fb, 'FACILITY')} can take the referral",
    ]
    s = "TeleECHO session chat (saved)\n" + "\n".join(lines)
    s = s.replace(f"{aw} y/o", S(aw, "AGE") + " y/o", 1)
    return s, "lower" if low else ""


def sh_mnt(g: Gen) -> tuple[str, str]:
    """Dietitian's medical nutrition therapy note."""
    r, reg = g.r, reg_of(g)
    pt, rd, ref = g.people(3)
    town = g.town(reg)
    agebit = ""
    if r.random() < 0.35:
        n, aw = g.age()
        agebit = f", {S(aw, 'AGE')} years old,"
    s = (f"MEDICAL NUTRITION THERAPY: FOLLOW-UP\n"
         f"Patient: {S(g.anyform(pt), 'NAME')}   DOB {S(g.dob(1931, 1990), 'DATE')}   MRN {S(g.mrn(), 'MRN')}\n"
         f"Visit: {S(g.fdate(g.date(2026, 2026)), 'DATE')}, {r.choice(['telehealth video', 'in clinic', 'home visit'])}, "
         f"{S(g.facility(reg), 'FACILITY')}\n"
         f"Referred by {S(g.nm(ref, 'init'), 'NAME')}, NP (NPI {S(g.npi(), 'LICENSE')}) for CKD stage 3b and type 2 diabetes.\n"
         f"{S(pt['g'], 'NAME')}{agebit} reports eating two meals a day; weight 61.4 kg (down 2.1 kg), A1c 7.9%, "
         f"potassium 5.3. Home-delivered meals via the senior center, client no. {S(g.digits(r.choice([6, 8])), 'ACCOUNT')}, "
         f"to {g.addr_block(reg, town)}. Home phone {S(g.phone(reg), 'PHONE')}.\n"
         f"Plan: 1.0 g/kg protein, low-potassium swaps, recheck labs in six weeks.\n"
         f"{S(g.nm(rd), 'NAME')}, RDN, LD, license {S('LD' + g.digits(4), 'LICENSE')}; records fax {S(g.phone(reg), 'FAX')}")
    return s, ""


def sh_locum(g: Gen) -> tuple[str, str]:
    """Locum tenens assignment confirmation (e-mail)."""
    r, reg = g.r, reg_of(g)
    doc, coord = g.people(2)
    town = g.town(reg)
    fac = g.facility(reg, bare_ok=False)
    start = g.date(2026, 2026)
    dom = g.domain(reg)
    s = (f"From: {S(g.email(coord, dom), 'EMAIL')}\nSubject: Assignment confirmed, {S(town, 'LOCATION')}, {reg['state']}\n\n"
         f"Dr. {S(doc['s'], 'NAME')},\n"
         f"Your assignment at {S(fac, 'FACILITY')} runs {S(g.fdate(start), 'DATE')} through "
         f"{S(g.fdate(start + dt.timedelta(days=r.choice([14, 21, 28]))), 'DATE')} (ED, 12-hour shifts).\n"
         f"Credentialing file: {S(g.nm(doc, 'mid'), 'NAME')}, MD; NPI {S(g.npi(), 'LICENSE')}; DEA {S(g.dea(doc['s']), 'LICENSE')}; "
         f"{reg['state_name']} license {S(r.choice(['MD', 'DO', '']) + g.digits(5), 'LICENSE')}.\n"
         f"Housing: {g.addr_block(reg, town)} (key code sent separately).\n"
         f"Rental car: {reg['state']} plate {S(g.plate(reg), 'VEHICLE')}, VIN {S(g.vin(), 'VEHICLE')}.\n"
         f"EHR remote access: {S('https://vpn.' + dom + '/' + g.token(6), 'URL')}; your account is allow-listed for {S(g.ip(), 'IP')}.\n"
         f"Questions: {S(g.nm(coord, 'g'), 'NAME')} at {S(g.phone(reg), 'PHONE')}, fax {S(g.phone(reg), 'FAX')}.\n\n"
         f"{S(g.nm(coord), 'NAME')}\nRecruiting Coordinator")
    return s, ""


def sh_mm(g: Gen) -> tuple[str, str]:
    """Morbidity and mortality conference case summary."""
    r, reg = g.r, reg_of(g)
    pt, att, res, surg = g.people(4)
    n, aw = g.age()
    adm = g.date(2025, 2026)
    caps = r.random() < 0.25
    s = (f"Surgery M&M, case 3 of 4: {S(g.nm(pt, 'inits'), 'NAME')}, {S(aw, 'AGE')}-year-old, MRN {S(g.mrn(), 'MRN')}\n"
         f"Transferred from {S(g.facility(reg), 'FACILITY')} in {S(g.town(reg), 'LOCATION')} on {S(g.fdate(adm), 'DATE')} "
         f"with a perforated diverticulum. Attending {S(g.nm(att, 'full'), 'NAME')}; presenting resident Dr. {S(res['s'], 'NAME')}.\n"
         f"Hartmann procedure {S(g.fdate(adm + dt.timedelta(days=1)), 'DATE')}; a port placed by {S(g.nm(surg, 'init'), 'NAME')} in 2019 "
         f"(serial {S(g.serial(), 'DEVICE')}) was left in place. Died {S(g.fdate(adm + dt.timedelta(days=r.randint(4, 19))), 'DATE')} "
         f"of refractory septic shock; encounter {S(g.digits(9), 'ACCOUNT')}.\n"
         f"Classification: disease progression, not preventable. Discussion: goals-of-care timing in patients over 90.")
    return s, "upper" if caps else ""


def sh_ostomy(g: Gen) -> tuple[str, str]:
    """Ostomy nurse clinic visit and supply order."""
    r, reg = g.r, reg_of(g)
    pt, woc, pres = g.people(3)
    town = g.town(reg)
    dom = g.domain(reg)
    ssn = f" Supplier verification: SSN ends in {S(g.last4(), 'SSN')}." if r.random() < 0.5 else ""
    s = (f"WOC nursing: ostomy visit {S(g.fdate(g.date(2026, 2026)), 'DATE')}\n"
         f"{S(g.nm(pt, 'full'), 'NAME')} (MRN {S(g.mrn(), 'MRN')}, DOB {S(g.dob(1931, 1995), 'DATE')}), ileostomy day 23. "
         f"Stoma 32 mm, budded 1.5 cm, peristomal skin with mild irritant dermatitis at 6 o'clock. Switched to a convex 2-piece, "
         f"cut-to-fit, barrier ring. {S(pt['g'], 'NAME')} now changes the pouch without help.\n"
         f"SUPPLY ORDER to {S(r.choice([g.town(reg), r.choice(BARE_FACILITIES)]) + ' ' + r.choice(['Medical Supply', 'Home Medical', 'Ostomy Supply']), 'FACILITY')}, account "
         f"{S(g.digits(7), 'ACCOUNT')}; member ID {S(r.choice(['W', 'Y', 'XQ']) + g.digits(9), 'ACCOUNT')}.{ssn}\n"
         f"Ship to {g.addr_block(reg, town)}; phone {S(g.phone(reg), 'PHONE')}; e-mail {S(g.email(pt, 'gmail.com'), 'EMAIL')}.\n"
         f"Prescriber {S(g.nm(pres, 'rev'), 'NAME')}, NPI {S(g.npi(), 'LICENSE')}. Fax signed order to {S(g.phone(reg), 'FAX')}.\n"
         f"{S(g.nm(woc, 'init'), 'NAME')}, BSN, CWOCN ({S(g.email(woc, dom), 'EMAIL')})")
    return s, ""


def sh_transfer(g: Gen) -> tuple[str, str]:
    """Interfacility transfer center call record."""
    r, reg = g.r, reg_of(g)
    pt, refd, acc, rn = g.people(4)
    agebit = f"Age: {S(g.age()[1], 'AGE')}" if r.random() < 0.5 else f"DOB: {S(g.dob(1940, 2000), 'DATE')}"
    s = (f"TRANSFER CENTER CALL RECORD   Transfer # {S('TC' + g.digits(7), 'ACCOUNT')}\n"
         f"Date {S(g.fdate(g.date(2026, 2026)), 'DATE')}  Call in 02:14  Accepted 02:31\n"
         f"Sending: {S(g.facility(reg), 'FACILITY')}, {S(g.town(reg), 'LOCATION')}, {reg['state']}; their MRN {S(g.mrn(), 'MRN')}\n"
         f"Sending physician: Dr. {S(g.nm(refd, 'full'), 'NAME')}, callback {S(g.phone(reg), 'PHONE')}\n"
         f"Patient: {S(g.nm(pt, 'REV'), 'NAME')}   {agebit}\n"
         f"Reason: STEMI, lytics given 01:40, persistent ST elevation.\n"
         f"Accepting: {S(g.nm(acc, 'init'), 'NAME')}, interventional cardiology. Records to fax {S(g.phone(reg), 'FAX')}; "
         f"images pushed through {S('https://imageshare.' + g.domain(reg) + '/study/' + g.token(12), 'URL')} "
         f"(sending node {S(g.ip(), 'IP')}).\nTransfer RN: {S(g.nm(rn), 'NAME')}")
    return s, "upper" if r.random() < 0.2 else ""


def sh_ethics(g: Gen) -> tuple[str, str]:
    """Clinical ethics consultation note."""
    r, reg = g.r, reg_of(g)
    pt, sur, sib, chap, att, eth = g.people(6)
    sur["s"] = pt["s"] if r.random() < 0.5 else sur["s"]
    n, aw = g.age()
    s = (f"Ethics consultation, {S(g.fdate(g.date(2026, 2026)), 'DATE')}, {S(g.facility(reg, bare_ok=False), 'FACILITY')}\n"
         f"Question: may the team honor a surrogate's request to stop dialysis for {S(g.nm(pt, 'mid'), 'NAME')} "
         f"(MRN {S(g.mrn(), 'MRN')}), {S(aw, 'AGE')}, who lost decision-making capacity after a stroke?\n"
         f"The health care power of attorney dated {S(g.dob(2010, 2024), 'DATE')} names the daughter, {S(g.nm(sur), 'NAME')} "
         f"({S(g.phone(reg), 'PHONE')}). A son, {S(g.nm(sib, 'g'), 'NAME')}, who lives in {S(g.town(reg), 'LOCATION')}, disagrees. "
         f"{S(sur['g'], 'NAME')} recalls the patient saying more than once that there was no wish \"to be kept on machines\".\n"
         f"Met with family, attending {S(g.nm(att, 'init'), 'NAME')} and chaplain {S(g.nm(chap), 'NAME')}. "
         f"Recommendation: the surrogate's decision reflects the patient's known values and is ethically supportable.\n"
         f"{S(g.nm(eth), 'NAME')}, ethics consult service ({S(g.email(eth, g.domain(reg)), 'EMAIL')})")
    return s, ""


def sh_slp(g: Gen) -> tuple[str, str]:
    """Speech-language pathology progress note (aphasia, AAC device, teletherapy)."""
    r, reg = g.r, reg_of(g)
    pt, sp, slp = g.people(3)
    s = (f"Speech-Language Pathology Progress Note\n"
         f"{S(g.nm(pt, 'rev'), 'NAME')}  DOB {S(g.dob(1935, 1975), 'DATE')}  MRN {S(g.mrn(), 'MRN')}\n"
         f"Session {S(g.fdate(g.date(2026, 2026)), 'DATE')}, teletherapy from {S(g.facility(reg), 'FACILITY')}; "
         f"link {S('https://telehealth.' + g.domain(reg) + '/j/' + g.digits(10), 'URL')}, patient connected from {S(g.ip(), 'IP')}.\n"
         f"{S(pt['g'], 'NAME')} named 14/20 pictured objects (from 9/20), used the speech-generating device "
         f"(serial {S(g.serial(), 'DEVICE')}) to order lunch, and wrote a short grocery list. Tablet IMEI {S(g.imei(), 'DEVICE')} "
         f"re-enrolled after the reset. Spouse {S(g.nm(sp), 'NAME')} ({S(g.phone(reg), 'PHONE')}) practices naming nightly.\n"
         f"Plan: continue 2x/week x 8 weeks.\n{S(g.nm(slp), 'NAME')}, M.S., CCC-SLP, ASHA # {S(g.digits(8), 'LICENSE')}")
    return s, ""


def sh_hah(g: Gen) -> tuple[str, str]:
    """Hospital-at-home daily note."""
    r, reg = g.r, reg_of(g)
    pt, para, md = g.people(3)
    town = g.town(reg)
    agebit = f" ({S(g.age()[1], 'AGE')})" if r.random() < 0.5 else ""
    vin = f", VIN {S(g.vin(), 'VEHICLE')}" if r.random() < 0.5 else ""
    s = (f"ACUTE CARE AT HOME: day 3 note, {S(g.fdate(g.date(2026, 2026)), 'DATE')}\n"
         f"Patient {S(g.nm(pt, 'full'), 'NAME')}{agebit}, MRN {S(g.mrn(), 'MRN')}, at {g.addr_block(reg, town)}.\n"
         f"Cellulitis of the left leg, on IV cefazolin. Vitals hub {S(g.serial(), 'DEVICE')} reported from {S(g.ip(), 'IP')} "
         f"overnight without gaps; tablet IMEI {S(g.imei(), 'DEVICE')}.\n"
         f"Community paramedic {S(g.nm(para), 'NAME')} visited 09:10 in unit plate {S(g.plate(reg), 'VEHICLE')}{vin}; "
         f"erythema receding from the marked border.\n"
         f"Command center {S(g.phone(reg), 'PHONE')}. Attending: {S(g.nm(md, 'init'), 'NAME')}, MD.")
    return s, ""


def sh_optical(g: Gen) -> tuple[str, str]:
    """Optical shop eyeglass dispensing order."""
    r, reg = g.r, reg_of(g)
    pt, opt, od = g.people(3)
    town = g.town(reg)
    shop = f"{r.choice([town, g.town(reg)])} {r.choice(['Optical', 'Vision Center', 'Eye Care', 'Optical Co.'])}"
    ssn = f" Vision plan needs SSN: {S(g.ssn(), 'SSN')}." if r.random() < 0.4 else ""
    s = (f"{S(shop, 'FACILITY')}: SPECTACLE ORDER {S(g.digits(6) + '-' + str(r.randint(1, 9)), 'ACCOUNT')}\n"
         f"Patient: {S(g.nm(pt, 'REV'), 'NAME')}  DOB {S(g.dob(1931, 2015), 'DATE')}  Ph {S(g.phone(reg), 'PHONE')}\n"
         f"Rx from {S(g.nm(od, 'full'), 'NAME')}, OD (NPI {S(g.npi(), 'LICENSE')}), exam {S(g.fdate(g.date(2026, 2026)), 'DATE')}\n"
         f"OD -2.25 -0.75 x 090  OS -2.50 -0.50 x 085  ADD +2.25  PD 63/60\n"
         f"Frame: titanium semi-rimless 52-18-140; lens: poly PAL, AR.\n"
         f"Vision plan member {S(r.choice(['V', 'E', '']) + g.digits(9), 'ACCOUNT')}.{ssn}\n"
         f"Ship to {g.addr_block(reg, town)}; status texts to {S(g.email(pt, 'yahoo.com'), 'EMAIL')}.\n"
         f"Dispensed by {S(g.nm(opt, 'init'), 'NAME')}, licensed optician {S('DO' + g.digits(4), 'LICENSE')}")
    return s, ""


def sh_decedent(g: Gen) -> tuple[str, str]:
    """Decedent affairs release form."""
    r, reg = g.r, reg_of(g)
    dec, nok, drv, rn = g.people(4)
    nok["s"] = dec["s"] if r.random() < 0.5 else nok["s"]
    n, aw = g.age()
    dod = g.date(2026, 2026)
    born = dt.date(dod.year - n - 1, r.randint(1, 12), r.randint(1, 28))
    if (born.month, born.day) < (dod.month, dod.day):
        born = born.replace(year=born.year + 1)
    town = g.town(reg)
    fh = f"{r.choice([g.town(reg), nok['s'] if r.random() < 0.3 else g.town(reg)])} {r.choice(['Funeral Home', 'Mortuary', 'Funeral Chapel'])}"
    s = (f"DECEDENT AFFAIRS: RELEASE OF REMAINS\n"
         f"Decedent: {S(g.nm(dec, 'REV'), 'NAME')}   Age {S(aw, 'AGE')}   DOB {S(g.fdate(born), 'DATE')}   "
         f"Died {S(g.fdate(dod), 'DATE')} 04:52   MRN {S(g.mrn(), 'MRN')}   SSN {S(g.ssn(), 'SSN')}\n"
         f"Next of kin: {S(g.nm(nok), 'NAME')} ({r.choice(['son', 'daughter', 'niece', 'spouse'])}), {g.addr_block(reg, town)}, "
         f"{S(g.phone(reg), 'PHONE')}, {S(g.email(nok, 'outlook.com'), 'EMAIL')}\n"
         f"Pacemaker {S(g.serial(), 'DEVICE')} deactivated, not explanted. No autopsy requested.\n"
         f"Released to {S(fh, 'FACILITY')} (phone {S(g.phone(reg), 'PHONE')}, fax {S(g.phone(reg), 'FAX')}); "
         f"driver {S(g.nm(drv), 'NAME')}, removal vehicle {reg['state']} {S(g.plate(reg), 'VEHICLE')}, VIN {S(g.vin(), 'VEHICLE')}.\n"
         f"Releasing RN: {S(g.nm(rn, 'init'), 'NAME')}")
    return s, "upper" if r.random() < 0.2 else ""


def sh_code(g: Gen) -> tuple[str, str]:
    """Code blue resuscitation record."""
    r, reg = g.r, reg_of(g)
    pt, lead, rec, ph, fam = g.people(5)
    agebit = f", age {S(g.age()[1], 'AGE')}" if r.random() < 0.4 else ""
    s = (f"CODE BLUE RECORD: {S(g.facility(reg, bare_ok=False), 'FACILITY')}, 3 West, room 318\n"
         f"Patient: {S(g.nm(pt, 'rev'), 'NAME')}{agebit}  MRN {S(g.mrn(), 'MRN')}  Encounter {S(g.digits(10), 'ACCOUNT')}\n"
         f"Date {S(g.fdate(g.date(2026, 2026)), 'DATE')}  Arrest recognized 21:07 (unwitnessed, PEA)\n"
         f"21:08 CPR started  21:10 epi 1 mg IO  21:13 VF, shock 200 J  21:15 ROSC\n"
         f"Defibrillator serial {S(g.serial(), 'DEVICE')}; post-event strip uploaded.\n"
         f"Team leader {S(g.nm(lead, 'full'), 'NAME')}, recorder {S(g.nm(rec, 'init'), 'NAME')}, pharmacist {S(g.nm(ph, 's'), 'NAME')}.\n"
         f"Family: {S(g.nm(fam), 'NAME')} called at {S(g.phone(reg), 'PHONE')} at 21:30.")
    return s, "upper" if r.random() < 0.2 else ""


def sh_m2b(g: Gen) -> tuple[str, str]:
    """Meds-to-beds bedside delivery slip from the outpatient pharmacy."""
    r, reg = g.r, reg_of(g)
    pt, tech, pres = g.people(3)
    ssn = f", SSN last four {S(g.last4(), 'SSN')} verified" if r.random() < 0.5 else ""
    s = (f"meds to beds delivery / {S(g.facility(reg, bare_ok=False), 'FACILITY')} outpatient pharmacy\n"
         f"deliver to: {S(g.nm(pt, r.choice(['full', 'REV'])), 'NAME')}, 4 North bed 12, MRN {S(g.mrn(), 'MRN')}, "
         f"DOB {S(g.dob(1931, 2005), 'DATE')}{ssn}\n"
         f"Rx {S(g.digits(7), 'ACCOUNT')} apixaban 5 mg #60; Rx {S(g.digits(7), 'ACCOUNT')} metoprolol succinate 25 mg #30\n"
         f"prescriber {S(g.nm(pres, 'init'), 'NAME')} DEA {S(g.dea(pres['s']), 'LICENSE')} NPI {S(g.npi(), 'LICENSE')}\n"
         f"copay card BIN 610020 ID {S(g.digits(11), 'ACCOUNT')}; paid $10.00\n"
         f"counseled at bedside {S(g.fdate(g.date(2026, 2026)), 'DATE')} 15:40 by {S(g.nm(tech, 'g'), 'NAME')}; "
         f"questions after discharge: {S(g.phone(reg), 'PHONE')}")
    return s, "lower" if r.random() < 0.3 else ""


SHAPES = [sh_athletic, sh_roi, sh_chat, sh_mnt, sh_locum, sh_mm, sh_ostomy, sh_transfer, sh_ethics,
          sh_slp, sh_hah, sh_optical, sh_decedent, sh_code, sh_m2b]


# ---------------------------------------------------------------- hand-written one-offs
ONEOFFS = {
    "lens-kilauea": (
        f"Phone note {S('6/2/2026', 'DATE')}: {S('Corazon Lens', 'NAME')} called from {S('Kilauea', 'LOCATION')} about "
        f"her new progressive lenses; the lens on the right swims when she drives. Mrs. {S('Lens', 'NAME')} would like a "
        f"remake at {S('Hanalei Vision Center', 'FACILITY')}. Call back {S('(808) 828-4417', 'PHONE')}.", ""),
    "hammer": (
        f"Podiatry, {S('March 9, 2026', 'DATE')}. {S('Felicity Hammer', 'NAME')} ({S('M4471932', 'MRN')}) has a flexible "
        f"hammer toe of the left second digit and a dorsal corn. {S('Felicity', 'NAME')} works a standing shift at the "
        f"packing house in {S('Wapato', 'LOCATION')}. Crest pad and wider toe box; if it fixes, consider flexor tenotomy. "
        f"Seen with Dr. {S('Gergő Szalai', 'NAME')}.", ""),
    "maltese-chat": (
        f"{S('ġużeppi xuereb', 'NAME')}: dr {S('camilleri', 'NAME')} my mother {S('ċettina', 'NAME')} fell again at home, "
        f"she is {S('ninety-three', 'AGE')}, can the nurse come to {S('418 kukui grn', 'ADDRESS')} in {S('kapaa', 'LOCATION')} "
        f"today? my number {S('808 639 2271', 'PHONE')}", "lower"),
    "szucs-caps": (
        f"ADMISSION FACE SHEET  {S('SZŰCS, ENIKŐ R', 'NAME')}  DOB {S('04/17/1958', 'DATE')}  MRN {S('0027718345', 'MRN')}  "
        f"ACCT {S('600281937', 'ACCOUNT')}\nADDR {S('77 HOP KILN CMP', 'ADDRESS')} {S('NACHES', 'LOCATION')} WA "
        f"{S('98937', 'ZIP')}  HOME {S('509-653-0184', 'PHONE')}\nEMERG CONTACT {S('SZŰCS, BOTOND', 'NAME')} (SON) "
        f"{S('509-910-4476', 'PHONE')}", ""),
    "chechen-patronymic": (
        f"Interpreter-assisted intake (Chechen/Russian). Patient {S('Zarema Movsarovna Esambaeva', 'NAME')}, born "
        f"{S('11.02.1961', 'DATE')} (day first, as written on her documents), arrived in {S('Palmer', 'LOCATION')} from "
        f"{S('Wasilla', 'LOCATION')} last week. Daughter-in-law {S('Petimat', 'NAME')} reached at {S('907-355-0192', 'PHONE')}.", ""),
    "westphal": (
        f"Neurology consult for Mr. {S('Westphal', 'NAME')}: absent patellar reflexes bilaterally (Westphal sign), "
        f"vibration lost to the knees. {S('Kiyoshi Westphal', 'NAME')}, DOB {S('1949-08-30', 'DATE')}, lives alone in "
        f"{S('Koloa', 'LOCATION')}. B12 and syphilis serology sent {S('Aug. 4, 2026', 'DATE')}.", ""),
    "hominy": (
        f"Home visit {S('2026-05-12', 'DATE')}, {S('Hominy', 'LOCATION')}, OK. {S('Lonnie Harjo', 'NAME')} was eating "
        f"hominy grits with butter; fasting sugar 212. Daughter {S('Rena Harjo', 'NAME')} keeps his log. Next visit with "
        f"{S('Pawhuska Indian Health Center', 'FACILITY')}; ride scheduled, trip {S('TR-4418207', 'ACCOUNT')}.", ""),
    "outlook": (
        f"Social work: {S('Jildou Bosma', 'NAME')}, {S('91', 'AGE')}, moving from {S('Outlook', 'LOCATION')} to her son's in "
        f"{S('Granger', 'LOCATION')}. Her outlook is good and she says the move is \"worth it for the grandchildren.\" "
        f"Son {S('Auke Bosma', 'NAME')} {S('(509) 854-2210', 'PHONE')}; new address {S('1402 Orchard Ladder Knolls', 'ADDRESS')}.", ""),
    "tampico": (
        f"pcp msg {S('7/14/26', 'DATE')}: {S('marzia rezaie', 'NAME')} from {S('tampico', 'LOCATION')} asks if the "
        f"tampico punch her kids drink is ok with the new diabetes diet. told her to water it down. cb {S('509-877-3051', 'PHONE')}",
        "lower"),
    "houston-valves": (
        f"Colonoscopy report, {S('St. Peregrine Medical Center', 'FACILITY')}, {S('10-OCT-2026', 'DATE')}: the valves of "
        f"Houston were normal. Patient {S('Tõnu Kask', 'NAME')} of {S('Houston', 'LOCATION')}, AK, MRN {S('E7720914', 'MRN')}. "
        f"Endoscope serial {S('GIF7H20338', 'DEVICE')}.", ""),
    "molson": (
        f"ED note {S('01/30/2026', 'DATE')}: {S('Sjoerd Wiersma', 'NAME')} drinks two Molson a night; came from {S('Molson', 'LOCATION')}, "
        f"WA, after a fall on ice. Plate on the truck he drove in: {S('CKD4471', 'VEHICLE')}.", ""),
    "tiny-bunny": (
        f"Camp nurse log: \"{S('Tiny', 'NAME')}\" ({S('Dionisio Pagaduan', 'NAME')}) twisted an ankle in the bunny-hop drill; "
        f"lace-up brace, ice. Mom {S('Perla Pagaduan', 'NAME')} at {S('808.335.9127', 'PHONE')} picked him up {S('June 20, 2026', 'DATE')}.", ""),
    "lean-frail": (
        f"Geriatrics: {S('Leland Lean', 'NAME')}, {S('one hundred two', 'AGE')}, frail (Clinical Frailty Scale 6), lean body "
        f"mass low. Mr. {S('Lean', 'NAME')} lives with niece {S('Roxanna Frail', 'NAME')} in {S('Colebrook', 'LOCATION')}; "
        f"{S('(603) 237-5566', 'PHONE')}.", ""),
    "moses-sign": (
        f"DVT work-up: Moses sign negative. {S('Hawa Moses', 'NAME')}, DOB {S('3 February 1977', 'DATE')}, {S('Okmulgee', 'LOCATION')}, "
        f"duplex at {S('Covenant Health', 'FACILITY')} ordered; fax {S('918-756-3390', 'FAX')}.", ""),
    "castle": (
        f"Castleman disease on the differential. {S('Movsar Tsurgaev', 'NAME')} of {S('Castle', 'LOCATION')}, OK, "
        f"seen {S('Nov. 3, 2026', 'DATE')}, biopsy sent; results to {S('ttsurgaev@okmulgee-care.net', 'EMAIL')}.", ""),
}

# ---------------------------------------------------------------- clean passages (hard negatives)
EPONYMS = ["Troisier sign (a hard left supraclavicular node)", "the Glasgow-Blatchford score",
           "the Rockall score", "a Kleihauer-Betke test", "a Mantoux tuberculin skin test",
           "the Seldinger technique", "a Groshong catheter", "a Penrose drain", "a Dieulafoy lesion",
           "a Kasai portoenterostomy", "Wilms tumor", "Auer rods on the smear", "Heinz bodies",
           "Sprengel deformity", "Willis-Ekbom disease", "an Amsler grid", "the Hirschberg test",
           "the Semont maneuver", "the Fukuda stepping test", "a Stener lesion", "the Yeoman test",
           "the Wartenberg sign", "an absent Westphal sign", "Argyll Robertson pupils",
           "the Kernohan notch phenomenon", "the Dunphy sign", "a negative Prehn sign",
           "the Ballance sign", "a Krukenberg tumor", "the Moses sign", "the O'Brien test",
           "the valves of Houston", "Castleman disease"]
WORD_PHRASES = ["a small callus on the heel", "tendon glides", "a maintenance IV drip",
                "early lens opacity", "a flexible hammer toe", "a stirrup splint", "the small bones of the wrist",
                "a split-thickness skin graft", "hives after amoxicillin", "muscle aches",
                "an elastic bandage", "an old hernia truss", "a number 15 scalpel blade", "a bedpan",
                "lean body mass", "a gaunt appearance", "a frailty index", "pale conjunctivae",
                "weary caregivers", "coffee-ground emesis", "a palpable spleen tip", "a stout build",
                "a bitter taste", "bright red blood per rectum", "a bunny-hop drill", "wisdom teeth",
                "a lovely affect", "gentle range of motion", "a sincere apology", "a sacral dimple",
                "the pinky finger", "a lace-up ankle brace", "a stormy course", "ivory-colored plaques",
                "an angel kiss birthmark", "her outlook is hopeful", "hominy grits", "two Molson a night",
                "a glass of Tampico punch", "a castle-shaped night light", "the success rate", "a big lake nearby",
                "a fate worse than dialysis, in his words", "a marvel of patience", "the hero of the story"]
DRUGS = ["apixaban 5 mg twice daily", "metoprolol succinate 25 mg daily", "cefazolin 2 g IV every 8 hours",
         "epinephrine 1 mg IV every 3-5 minutes", "amiodarone 300 mg IV push", "loperamide 2 mg after each loose stool",
         "ondansetron 4 mg ODT", "sevelamer 800 mg with meals", "patiromer 8.4 g daily", "alteplase per protocol",
         "tenecteplase weight-based", "latanoprost 0.005% at bedtime", "donepezil 10 mg nightly",
         "naloxone 4 mg nasal spray", "insulin glargine 18 units at bedtime"]
DEVICES = ["Zoll R Series", "Lifepak 15", "Philips HeartStart MRx", "Stryker LUCAS 3.1",
           "Hollister New Image two-piece", "Coloplast SenSura Mio Convex", "ConvaTec Esteem+",
           "Tobii Dynavox I-13", "Lingraphica TouchTalk", "Dexcom G7", "Essilor Varilux X",
           "Hoya iD MyStyle", "Omron BP7350 cuff", "Masimo Rad-97", "BodyGuardian Mini",
           "Powerheart G5 AED", "i-gel size 4", "King LT-D airway"]
LABS = ["| Na | K | Cl | CO2 | BUN | Cr |\n|---|---|---|---|---|---|\n| 138 | 5.3 | 102 | 22 | 41 | 1.9 |",
        "Hgb 9.8, Plt 412, WBC 14.2, lactate 4.1 then 2.2", "A1c 7.9%, LDL 88, eGFR 38",
        "Albumin 2.9, prealbumin 11, CRP 46", "Troponin I 0.04 then 3.81 ng/mL",
        "pH 7.21 / pCO2 52 / pO2 68 / HCO3 19", "INR 2.4, PTT 38, fibrinogen 190",
        "B12 148, folate 9.2, RPR nonreactive"]
MEASURES = ["stoma 32 mm, budded 1.5 cm", "PD 63/60, ADD +2.25", "SCAT6 symptom score 31 of 132",
            "weight 61.4 kg, BMI 22.1", "EF 35-40%", "shock at 200 J", "naming 14 of 20 pictures",
            "sphere -2.25 with cylinder -0.75 at axis 090", "Clinical Frailty Scale 6", "pouch wear time 4 days",
            "door-to-balloon 74 minutes", "Braden score 14"]
NOT_DATES = ["post-resuscitation hour 6", "day 3 of 5", "week 2 of the protocol", "in the 1990s", "age 89",
             "age 88", "within 24 hours", "turns every 2 hours", "at 0300", "step 5 of 6", "the second quarter",
             "after the cherry harvest", "before the fishing opener", "during hunting season", "school year 2026-27"]
FOREIGN = ["A beteg vérnyomása reggel magas volt. (Hungarian)", "Pacijent se žali na bol u prsima. (Croatian)",
           "Patsient kaebab peavalu üle. (Estonian)", "Pacientam ir paaugstināts asinsspiediens. (Latvian)",
           "Il-pazjent għandu uġigħ fis-sider. (Maltese)", "Pasien mengeluh nyeri dada sejak tadi pagi. (Indonesian)",
           "Masakit ang ulo ng pasyente mula kahapon. (Tagalog)", "Mgonjwa ana homa na kikohozi kwa siku tatu. (Swahili)"]
FORM_PHRASES = ["Return to Learn", "Release of Information", "Health Information Management", "Transfer Center",
                "Acute Care at Home", "Decedent Affairs", "Code Blue Committee", "Meds to Beds",
                "Medical Nutrition Therapy", "Wound Ostomy Continence Nursing", "Rapid Response Team",
                "Graduated Return to Play", "Ethics Consultation Service", "Speech-Language Pathology",
                "Critical Access Hospital", "Morbidity and Mortality Conference"]
CLEAN_SHAPES = {
    "rtp-protocol": "Graduated return-to-play protocol (athletic training)",
    "roi-policy": "Release-of-information policy summary",
    "echo-chat-rules": "TeleECHO chat etiquette and didactic notes",
    "mnt-handout": "Medical nutrition therapy handout",
    "locum-orientation": "Locum tenens orientation packet",
    "mm-teaching": "M&M teaching points",
    "ostomy-teaching": "Ostomy teaching sheet",
    "transfer-criteria": "Transfer center acceptance criteria",
    "ethics-policy": "Ethics consultation: how to request",
    "slp-home": "SLP home practice program",
    "code-debrief": "Code blue debrief template",
    "optical-care": "Eyeglass care and adaptation sheet",
}


CLEAN_LEADS = {
    "rtp-protocol": ["Each step lasts at least 24 hours; return to the previous step if symptoms come back.",
                     "Return to Learn comes before return to play: full school days without symptoms first."],
    "roi-policy": ["Requests need a signed authorization naming the recipient and the purpose.",
                   "Psychotherapy notes and substance use records need their own consent before release."],
    "echo-chat-rules": ["Do not type names, initials, towns, record numbers or dates of birth in chat.",
                        "Questions for the hub panel go in chat; the facilitator reads them after the didactic."],
    "mnt-handout": ["Choose low-potassium swaps: apples instead of bananas, rice instead of potatoes.",
                    "Aim for protein at every meal; a dietitian can adjust the target to kidney function."],
    "locum-orientation": ["Badge pick-up is at security on the first morning; bring a photo ID.",
                          "Orders are entered in the EHR; verbal orders only during a code."],
    "mm-teaching": ["The aim is learning, not blame; cases are discussed without names.",
                    "Classify each event: preventable, possibly preventable, or disease progression."],
    "ostomy-teaching": ["Empty the pouch when it is one-third full; change the wafer every 3 to 4 days.",
                        "Measure the stoma weekly for the first 8 weeks; it shrinks as swelling settles."],
    "transfer-criteria": ["Call the Transfer Center first; the accepting physician is paged within 10 minutes.",
                          "Send the face sheet, medication list and imaging with the crew, not by mail."],
    "ethics-policy": ["Anyone involved in a patient's care may request an ethics consultation.",
                      "Consultants meet the family and team, then write a recommendation, not an order."],
    "slp-home": ["Practice naming 10 pictures a day; say each word twice, then use it in a sentence.",
                 "Keep sessions short: 15 minutes, twice a day, works better than one long session."],
    "code-debrief": ["What went well? What could be improved? Were roles clear?",
                     "Debrief within an hour of the event; the team leader starts the discussion."],
    "optical-care": ["Progressive lenses take one to two weeks to get used to; move the head, not the eyes.",
                     "Clean lenses with water and a microfiber cloth, never with paper towels."],
}


def clean_passage(g: Gen, shape: str) -> tuple[str, str]:
    r = g.r
    bits = [
        f"Consider {r.choice(EPONYMS)} and {r.choice(EPONYMS)}.",
        f"Note {r.choice(WORD_PHRASES)}; {r.choice(WORD_PHRASES)} is common.",
        f"Usual orders: {r.choice(DRUGS)}; {r.choice(DRUGS)}.",
        f"Equipment: {r.choice(DEVICES)}, {r.choice(DEVICES)}.",
        f"Example values: {r.choice(LABS)}.",
        f"Typical findings: {r.choice(MEASURES)}; {r.choice(MEASURES)}.",
        f"Timing: {r.choice(NOT_DATES)}, reassess {r.choice(NOT_DATES)}.",
        f"Patient name: [removed]. Date of birth: [redacted]. Contact the {r.choice(FORM_PHRASES)} office with questions.",
        f"Sample sentence for interpreters: {r.choice(FOREIGN)}",
        f"Refer to the {r.choice(FORM_PHRASES)} pathway; {r.choice(EPONYMS)} should be documented.",
    ]
    r.shuffle(bits)
    body = " ".join([r.choice(CLEAN_LEADS[shape])] + bits[: r.randint(3, 5)])
    text = f"{CLEAN_SHAPES[shape]}\n{body}"
    k = r.random()
    return text, ("lower" if k < 0.1 else "upper" if k < 0.18 else "")


# ---------------------------------------------------------------- assembly
def main() -> None:
    rng = random.Random(SEED)
    g = Gen(rng)
    plan: list[tuple[str, object]] = [("oneoff", k) for k in ONEOFFS]
    per = (270 - len(ONEOFFS)) // len(SHAPES)
    plan += [("id", f) for f in SHAPES for _ in range(per)]
    plan += [("clean", k) for k in CLEAN_SHAPES for _ in range(15)]
    rng.shuffle(plan)
    used: dict[str, set[int]] = collections.defaultdict(set)

    def fits(n: int, text: str, spans: list) -> bool:
        vals = {text[a:b].lower() for a, b, c in spans if c != "AGE"}
        return all(len(used[v] - {n}) < 2 for v in vals)

    def register(n: int, text: str, spans: list) -> None:
        for a, b, c in spans:
            if c != "AGE":
                used[text[a:b].lower()].add(n)

    rows: dict[int, dict] = {}
    # one-offs first, so generated passages avoid their values
    order = sorted(range(len(plan)), key=lambda i: (plan[i][0] != "oneoff", i))
    for i in order:
        kind, what = plan[i]
        n = i + 1
        if kind == "oneoff":
            marked, case = ONEOFFS[what]  # type: ignore[index]
            text, spans = unmark(marked, case)
            assert fits(n, text, spans), what
            rid = f"X-P{n}-id-oneoff-{what}"
        elif kind == "id":
            for _ in range(500):
                marked, case = what(g)  # type: ignore[operator]
                text, spans = unmark(marked, case)
                if fits(n, text, spans):
                    break
            else:
                raise SystemExit(f"no fitting passage for {what.__name__}")  # type: ignore[union-attr]
            rid = f"X-P{n}-id-{what.__name__[3:]}"  # type: ignore[union-attr]
        else:
            text, case = clean_passage(g, what)  # type: ignore[arg-type]
            if case:
                text = text.upper() if case == "upper" else text.lower()
            spans = []
            rid = f"X-P{n}-clean-{what}"
        register(n, text, spans)
        rows[n] = {"id": rid, "split": "heldout", "carrier": "", "text": text,
                   "spans": sorted(spans)}
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for n in sorted(rows):
            fh.write(json.dumps(rows[n], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
