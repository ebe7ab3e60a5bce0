"""Value pools and generators for set K (hand-typed lists, check digits, Faker 40.63.0 locales)."""

from __future__ import annotations

import random
import string
import unicodedata

from faker import Faker

SEED = 20261207
R = random.Random(SEED)
# Locales not used by set J: es_MX, es_CO, pt_BR, pt_PT, pl_PL, en_GB, en_IE, nl_NL, vi_VN, yo_NG, ro_RO.
LOCALES = ["es_MX", "es_CO", "pt_BR", "pt_PT", "pl_PL", "en_GB", "en_IE", "nl_NL", "vi_VN", "yo_NG", "ro_RO"]
FK: dict[str, Faker] = {}
for _i, _loc in enumerate(LOCALES):
    FK[_loc] = Faker(_loc)
    FK[_loc].seed_instance(SEED + _i)

# A value (case ignored) may sit in at most two passages; draws are retried against this.
USED: dict[str, int] = {}


def fresh(fn, limit: int = 2):
    for _ in range(200):
        v = fn()
        if USED.get(v.lower(), 0) < limit:
            USED[v.lower()] = USED.get(v.lower(), 0) + 1
            return v
    raise RuntimeError("pool exhausted")


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")


# ---- hand-typed US first and last names (not from any generator) ----
US_FIRST = """Dale Rhonda Wendell Lorraine Merle Darlene Clayton Verna Royce Loretta Dwayne Bernice Orville
LaDonna Tyrone Shaniqua DeShawn Keisha Marcus Tamika Jamal Latoya Cornelius Ebony Reginald Imani
Skyler Brynlee Kayden Maddox Paisley Ryker Everly Colter Oakley Jaxon Harlow Bentley Kinsley
Winona Harlan Delbert Opal Virgil Thelma Alvin Myrtle Floyd Pearl Elmer Gladys Homer Agnes
Leroy Marvella Wilbur Inez Cletus Georgianna Rutherford Philomena Ignatius Euphemia Ambrose""".split()
US_LAST = """Hostetler Yoder Lindqvist Halvorsen Kowalczyk Broussard Thibodeaux Arceneaux Fontenot Boudreaux
Washington Jefferson Mayfield Pettaway Whitlock Goins Mullins Sizemore Combs Pennington Fugate Hatfield
Okonkwo Vang Xiong Thao Nakamura Higa Kealoha Makoa Fonoti Tupou Quintanilla Villarreal Zamora Cavazos
Begay Yazzie Tsosie Benally Nakai Etsitty Manuelito Tsinajinnie Whitehorse Redcloud Blackbear Lonebear
Stonechild Youngbear Grass Swimmer Oosahwe Pahdopony Tahdooahnippah Kills Crow Lasiloo Esquivel Pruitt""".split()
APOS_LAST = ["O'Halloran", "D'Agostino", "O'Shaughnessy", "N'Diaye", "Dell'Orto", "O'Connell", "D'Ambrosio",
             "Ma'afala", "O'Dea", "D'Souza", "Fa'amausili", "L'Heureux", "O'Flaherty", "D'Onofrio", "Ka'ahanui"]
PARTICLE_LAST = ["de la Garza", "van der Velde", "St. Germain", "Mac an Bhaird", "de los Santos", "Van Buskirk",
                 "da Silva Souto", "ten Brink", "Le Blanc", "Two Bulls", "Iron Cloud", "Little Thunder",
                 "Many Goats", "Afraid of Bear", "Runs Above", "Yellow Robe", "Brave Heart", "Walks Along"]
VN_GIVEN = ["Lan", "Minh", "Hương", "Thanh", "Tuấn", "Linh", "Quang", "Phương", "Đức", "Hải", "Ngọc", "Bảo", "Thủy", "Khoa"]
SAINTS = ["Aloysius", "Benedict", "Brigid", "Casimir", "Hedwig", "Scholastica", "Kateri", "Damien", "Rita", "Adalbert", "Boniface", "Gerard"]


class Person:
    def __init__(self, first: str, last: str, middle: str = "", origin: str = "us"):
        self.first, self.last, self.middle, self.origin = first, last, middle, origin

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def lf(self) -> str:
        return f"{self.last}, {self.first}"

    @property
    def inits(self) -> str:
        return self.first[0] + "." + self.last[0] + "."

    @property
    def inits2(self) -> str:
        return self.first[0] + self.last[0]


def _person_raw() -> Person:
    k = R.random()
    if k < 0.30:
        last = R.choice(US_LAST)
        if R.random() < 0.12:
            last = R.choice(APOS_LAST)
        elif R.random() < 0.12:
            last = R.choice(PARTICLE_LAST)
        return Person(R.choice(US_FIRST), last)
    loc = R.choice(LOCALES)
    f = FK[loc]
    if loc == "vi_VN":
        last = f.last_name()
        return Person(R.choice(VN_GIVEN), last, f.middle_name(), loc)
    first = f.first_name()
    last = f.last_name()
    r = R.random()
    if loc in ("es_MX", "es_CO") and r < 0.5:
        last = f"{last} {f.last_name()}"  # two surnames
    elif r < 0.15:
        last = f"{last}-{f.last_name()}"  # hyphenated
    elif r < 0.22:
        last = R.choice(APOS_LAST)
    return Person(first, last, "", loc)


def person() -> Person:
    for _ in range(200):
        p = _person_raw()
        if p.first == p.last or len(p.first) < 2:
            continue
        if USED.get(p.full.lower(), 0) == 0 and USED.get(p.last.lower(), 0) < 2 and USED.get(p.first.lower(), 0) < 2:
            for v in {p.full, p.last, p.first, p.lf, p.full.upper(), p.full.lower()}:
                USED[v.lower()] = USED.get(v.lower(), 0) + 1
            return p
    raise RuntimeError("names exhausted")


def person_i() -> Person:
    """A person whose initials are used as a span: the initials, too, sit in at most two passages."""
    for _ in range(200):
        p = person()
        if USED.get(p.inits.lower(), 0) < 2 and USED.get(p.inits2.lower(), 0) < 2:
            for v in {p.inits, p.inits2}:
                USED[v.lower()] = USED.get(v.lower(), 0) + 1
            return p
    raise RuntimeError("initials exhausted")


# ---- real small US places, by region (typed by hand): (town, state, ZIP3) ----
TOWNS = [
    ("Machias", "ME", "046"), ("Lubec", "ME", "046"), ("Millinocket", "ME", "044"), ("Fort Kent", "ME", "047"),
    ("Madawaska", "ME", "047"), ("Island Pond", "VT", "059"), ("Hardwick", "VT", "058"), ("Colebrook", "NH", "035"),
    ("Berlin", "NH", "035"), ("Lancaster", "NH", "035"), ("Tupper Lake", "NY", "129"), ("Saranac Lake", "NY", "129"),
    ("Massena", "NY", "136"), ("Coudersport", "PA", "169"), ("Emporium", "PA", "158"), ("Ely", "MN", "557"),
    ("Warroad", "MN", "567"), ("Baudette", "MN", "566"), ("Hurley", "WI", "545"), ("Ironwood", "MI", "499"),
    ("Bessemer", "MI", "499"), ("Newberry", "MI", "498"), ("Munising", "MI", "498"), ("Forks", "WA", "983"),
    ("Omak", "WA", "988"), ("Toppenish", "WA", "989"), ("Neah Bay", "WA", "983"), ("Burns", "OR", "977"),
    ("John Day", "OR", "978"), ("Lakeview", "OR", "976"), ("Salmon", "ID", "834"), ("Challis", "ID", "832"),
    ("Grangeville", "ID", "835"), ("Lusk", "WY", "822"), ("Kemmerer", "WY", "831"), ("Marfa", "TX", "798"),
    ("Alpine", "TX", "798"), ("Presidio", "TX", "798"), ("Sanderson", "TX", "798"), ("Eagle Pass", "TX", "788"),
    ("Crystal City", "TX", "788"), ("Hebbronville", "TX", "783"), ("Weed", "CA", "960"), ("Yreka", "CA", "960"),
    ("Alturas", "CA", "961"), ("Needles", "CA", "923"), ("Hoopa", "CA", "955"), ("Tonopah", "NV", "890"),
    ("Winnemucca", "NV", "894"), ("Browning", "MT", "594"), ("Lame Deer", "MT", "590"), ("Crow Agency", "MT", "590"),
    ("Fort Yates", "ND", "585"), ("Belcourt", "ND", "583"), ("Chinle", "AZ", "865"), ("Kayenta", "AZ", "860"),
    ("Sells", "AZ", "857"), ("Shiprock", "NM", "874"), ("Crownpoint", "NM", "873"), ("Zuni", "NM", "873"),
    ("Adjuntas", "PR", "006"), ("Utuado", "PR", "006"), ("Maricao", "PR", "006"), ("Lares", "PR", "006"),
    ("Hoonah", "AK", "998"), ("Cherokee", "NC", "287"), ("Ocracoke", "NC", "279"), ("Manteo", "NC", "279"),
    ("Tangier", "VA", "234"), ("Smith Island", "MD", "218"), ("Eastport", "ME", "046"), ("Bayfield", "WI", "548"),
    ("Superior", "WI", "548"), ("Hope", "ID", "838"), ("Plains", "MT", "598"), ("Divide", "CO", "808"),
    ("Center", "CO", "811"), ("Climax", "MN", "567"), ("Welcome", "MN", "560"), ("Commerce", "TX", "754"),
    ("Normal", "IL", "617"), ("Independence", "KS", "673"), ("Liberal", "KS", "679"), ("Hazard", "KY", "417"),
    ("Rangeley", "ME", "049"), ("Jackman", "ME", "049"), ("Danforth", "ME", "044"), ("Pittsburg", "NH", "035"),
    ("Canaan", "VT", "059"), ("Old Forge", "NY", "133"), ("Lowville", "NY", "133"), ("Wellsboro", "PA", "169"),
    ("Smethport", "PA", "167"), ("Grand Marais", "MN", "556"), ("Tower", "MN", "557"), ("Bigfork", "MN", "566"),
    ("Mellen", "WI", "545"), ("Phillips", "WI", "545"), ("Crystal Falls", "MI", "499"), ("L'Anse", "MI", "499"),
    ("Baraga", "MI", "499"), ("Ontonagon", "MI", "499"), ("Calumet", "MI", "499"), ("Republic", "WA", "991"),
    ("Ilwaco", "WA", "986"), ("Pe Ell", "WA", "985"), ("Enterprise", "OR", "978"), ("Fossil", "OR", "978"),
    ("Christmas Valley", "OR", "976"), ("Jordan Valley", "OR", "979"), ("Stanley", "ID", "833"), ("Driggs", "ID", "834"),
    ("Riggins", "ID", "835"), ("Ten Sleep", "WY", "824"), ("Meeteetse", "WY", "824"), ("Jordan", "MT", "590"),
    ("Ekalaka", "MT", "593"), ("Harlowton", "MT", "590"), ("Fort Davis", "TX", "797"), ("Van Horn", "TX", "798"),
    ("Zapata", "TX", "780"), ("Rio Grande City", "TX", "785"), ("Carrizo Springs", "TX", "788"), ("Paint Rock", "TX", "768"),
    ("Bishop", "CA", "935"), ("Lone Pine", "CA", "935"), ("Happy Camp", "CA", "960"), ("Eureka", "NV", "893"),
    ("Austin", "NV", "893"), ("Jackpot", "NV", "893"), ("Jayuya", "PR", "006"), ("Orocovis", "PR", "007"),
    ("Vieques", "PR", "007"), ("Culebra", "PR", "007"), ("Robbinsville", "NC", "287"), ("Hatteras", "NC", "279"),
    ("Chincoteague", "VA", "233"), ("Grundy", "VA", "246"), ("Welch", "WV", "248"), ("Gassaway", "WV", "266"),
    ("Kyle", "SD", "577"), ("Lodge Grass", "MT", "590"), ("Poplar", "MT", "592"), ("Wolf Point", "MT", "592"),
    ("Whiteriver", "AZ", "859"), ("Peach Springs", "AZ", "864"), ("Supai", "AZ", "864"), ("Laguna", "NM", "870"),
    ("Dulce", "NM", "875"), ("Owyhee", "NV", "898"), ("Nespelem", "WA", "991"), ("Lapwai", "ID", "835"),
    ("Fort Hall", "ID", "832"), ("Ethete", "WY", "825"), ("Fort Washakie", "WY", "825"),
]
COUNTIES = ["Washington County", "Aroostook County", "Essex County", "Koochiching County", "Gogebic County",
            "Clallam County", "Harney County", "Lemhi County", "Niobrara County", "Brewster County",
            "Presidio County", "Siskiyou County", "Esmeralda County", "Glacier County", "Apache County", "Lake of the Woods County",
            "Piscataquis County", "Hamilton County", "Potter County", "Cook County", "Iron County", "Wahkiakum County", "Wheeler County",
            "Custer County", "Hot Springs County", "Garfield County", "Jeff Davis County", "Culberson County", "Inyo County", "Elko County",
            "Graham County", "Dare County", "Buchanan County", "McDowell County", "Oglala Lakota County", "Big Horn County", "Roosevelt County",
            "San Juan County", "McKinley County", "Sioux County", "Rolette County", "Hyde County", "Accomack County"]
RESERVATIONS = ["Navajo Nation", "Tohono O'odham Nation", "Blackfeet Reservation", "Northern Cheyenne Reservation",
                "Standing Rock", "Turtle Mountain", "Hoopa Valley Reservation", "Makah Reservation",
                "Yakama Nation", "Qualla Boundary", "Crow Reservation", "Pueblo of Zuni"]
CHAPTERS = ["Many Farms", "Rough Rock", "Lukachukai", "Tsaile", "Round Rock", "Chilchinbeto", "Dennehotso", "Rock Point"]
STATE_NAMES = {"ME": "Maine", "VT": "Vermont", "NH": "New Hampshire", "NY": "New York", "PA": "Pennsylvania",
               "MN": "Minnesota", "WI": "Wisconsin", "MI": "Michigan", "WA": "Washington", "OR": "Oregon",
               "ID": "Idaho", "WY": "Wyoming", "TX": "Texas", "CA": "California", "NV": "Nevada", "MT": "Montana",
               "ND": "North Dakota", "AZ": "Arizona", "NM": "New Mexico", "PR": "Puerto Rico", "AK": "Alaska",
               "NC": "North Carolina", "VA": "Virginia", "MD": "Maryland", "CO": "Colorado", "IL": "Illinois",
               "KS": "Kansas", "KY": "Kentucky"}


def town():
    for _ in range(500):
        t = R.choice(TOWNS)
        if USED.get(t[0].lower(), 0) < 2:
            USED[t[0].lower()] = USED.get(t[0].lower(), 0) + 1
            return t
    raise RuntimeError("towns exhausted")


def zip5(z3: str, plus4: bool = False) -> str:
    def mk():
        z = z3 + f"{R.randint(1, 99):02d}"
        return z + (f"-{R.randint(1, 9999):04d}" if plus4 else "")
    return fresh(mk)


def foreign_city() -> str:
    loc = R.choice(["es_CO", "pl_PL", "nl_NL", "ro_RO", "pt_PT"])
    return fresh(FK[loc].city)


# ---- street addresses, built here (no address generator) ----
STREET_WORDS = ["Tamarack", "Sumac", "Chokecherry", "Buckeye", "Sassafras", "Hackberry", "Basswood", "Ironwood",
                "Pinyon", "Mesquite", "Juniper", "Bitterroot", "Fireweed", "Larkspur", "Kingfisher", "Meadowlark",
                "Sandhill", "Beaverdam", "Muskrat", "Otter Creek", "Stillwater", "Deer Lick", "Coal Bank",
                "Schoolhouse", "Old Mill", "Creamery", "Depot", "Tannery", "Quarry", "Gristmill", "Sugarbush",
                "Wapiti", "Bobolink", "Whippoorwill", "Pokeberry", "Paw Paw", "Persimmon", "Tupelo"]
SUFFIXES = ["Rd", "Road", "St", "Street", "Ave", "Ln", "Lane", "Dr", "Ct", "Way", "Trl", "Trail", "Hwy", "Pike",
            "Loop", "Run", "Hollow", "Holw", "Bend", "Ridge", "Rdg", "Crossing", "Xing", "Terrace", "Ter", "Cove",
            "Cv", "Point", "Pt", "Knoll", "Knl", "Glen", "Gln", "Bluff", "Blf", "Ford", "Frd", "Fork", "Frk",
            "Harbor", "Hbr", "Heights", "Hts", "Mews", "Parkway", "Pkwy", "Pass", "Path", "Rise", "Row", "Square",
            "Sq", "Summit", "Smt", "Trace", "Trce", "Turnpike", "Tpke", "Vale", "Via", "Vista", "Vw", "Walk", "Wells",
            "Ville", "Vlg", "Village", "Alley", "Aly", "Bayou", "Byu", "Causeway", "Cswy", "Canyon", "Cyn"]
UNITS = ["Apt", "Apt.", "Unit", "#", "Trlr", "Lot", "Rm", "Ste", "Fl", "Spc"]
DIRS = ["N", "S", "E", "W", "NE", "SW", "North", "East"]


def street() -> str:
    def mk():
        k = R.random()
        n = R.randint(2, 9899)
        if k < 0.40:
            s = f"{n} {R.choice(STREET_WORDS)} {R.choice(SUFFIXES)}"
        elif k < 0.50:
            s = f"{n} {R.choice(DIRS)} {R.choice(STREET_WORDS)} {R.choice(SUFFIXES)}"
        elif k < 0.58:
            s = f"{n} County Road {R.randint(1, 999)}"
        elif k < 0.63:
            s = f"W{R.randint(1000, 9999)} County Rd {R.choice(string.ascii_uppercase)}{R.choice(['', string.ascii_uppercase[R.randint(0, 25)]])}"
        elif k < 0.68:
            s = f"{R.randint(100, 3999)} {R.choice(['N', 'S', 'E', 'W'])} {R.randint(1, 48) * 50} {R.choice(['W', 'E', 'N', 'S'])}"  # Utah grid
        elif k < 0.73:
            s = f"{n} FM {R.randint(100, 3500)}"
        elif k < 0.77:
            s = f"{n} State Route {R.randint(2, 399)}"
        elif k < 0.81:
            s = f"{n} Township Road {R.randint(10, 499)}"
        elif k < 0.87:
            ordn = R.randint(1, 40)
            suf = "th" if 10 <= ordn % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(ordn % 10, "th")
            s = f"{n} {R.choice(DIRS)} {ordn}{suf} {R.choice(['St', 'Ave', 'Street', 'Avenue', 'Pl'])}"
        else:
            s = f"{n} {R.choice(STREET_WORDS)} {R.choice(SUFFIXES)}"
        if R.random() < 0.3:
            s += f" {R.choice(UNITS)} {R.choice([str(R.randint(1, 40)), str(R.randint(1, 4)) + R.choice('ABCD'), str(R.randint(100, 420))])}"
        return s
    return fresh(mk)


def rural() -> str:
    def mk():
        k = R.random()
        if k < 0.22:
            return f"{R.choice(['Rural Route', 'RR', 'R.R.', 'Rt.'])} {R.randint(1, 9)} Box {R.randint(1, 399)}{R.choice(['', '', 'A', 'B'])}"
        if k < 0.42:
            return f"{R.choice(['PO Box', 'P.O. Box', 'POB', 'Post Office Box', 'Box'])} {R.randint(2, 9999)}"
        if k < 0.55:
            return f"HC {R.randint(30, 89)} Box {R.randint(10, 9999)}"
        if k < 0.70:
            return f"{R.choice(['PSC', 'Unit', 'CMR'])} {R.randint(100, 9999)} Box {R.randint(1, 9999)}"
        if k < 0.85:
            return f"{R.choice(['BIA Route', 'N', 'Navajo Route', 'IR', 'Tribal Route', 'BIA Rte'])} {R.randint(2, 99)}"
        return f"Carr. {R.randint(100, 699)} Km {R.randint(1, 30)}.{R.randint(1, 9)}"
    return fresh(mk)


# ---- numbers and check digits ----
def digits(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


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
    def mk():
        body = R.choice("12") + digits(8)
        return body + luhn_digit("80840" + body)
    return fresh(mk)


def dea(last: str) -> str:
    def mk():
        d = digits(6)
        c = (int(d[0]) + int(d[2]) + int(d[4]) + 2 * (int(d[1]) + int(d[3]) + int(d[5]))) % 10
        letter = ascii_fold(last)[0].upper() if ascii_fold(last)[0].isalpha() else "X"
        return R.choice("ABFGM") + letter + d + str(c)
    return fresh(mk)


VIN_MAP = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
           "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin() -> str:
    def mk():
        wmi = R.choice(["1FT", "1GC", "3GN", "5TD", "1C6", "2HG", "JTM", "KNM", "4S4", "1HD", "WBA", "3VW", "1N6", "5YJ"])
        rest = "".join(R.choice(VIN_CH) for _ in range(5))
        yr = R.choice("CDEFGHJKLMNPRS")
        tail = R.choice(VIN_CH) + "".join(R.choice(string.digits) for _ in range(6))
        v = wmi + rest + "0" + yr + tail
        s = sum(VIN_MAP[c] * w for c, w in zip(v, VIN_W)) % 11
        return v[:8] + ("X" if s == 10 else str(s)) + v[9:]
    return fresh(mk)


def plate() -> str:
    def mk():
        k = R.random()
        L = lambda n: "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))  # noqa: E731
        if k < 0.2:
            return f"{L(3)}-{digits(4)}"
        if k < 0.35:
            return f"{digits(1)}{L(3)}{digits(3)}"
        if k < 0.5:
            return f"{digits(2)}-{digits(4)}{L(1)}"
        if k < 0.6:
            return f"{L(2)} {digits(5)}"
        if k < 0.7:
            return f"{digits(3)} {L(3)}"
        if k < 0.8:
            return f"{L(1)}{digits(2)}-{L(3)}"
        if k < 0.9:
            return f"{digits(4)}{L(2)}"
        return FK["en_GB"].license_plate()
    return fresh(mk)


def ssn() -> str:
    def mk():
        a, b, c = R.randint(1, 665), R.randint(1, 99), R.randint(1, 9999)
        return R.choice(["{:03d}-{:02d}-{:04d}", "{:03d} {:02d} {:04d}", "{:03d}{:02d}{:04d}"]).format(a, b, c)
    return fresh(mk)


def natid(origin: str) -> tuple[str, str]:
    """A national identity number and its cue for the person's country of origin."""
    if origin == "pt_BR":
        return fresh(FK["pt_BR"].cpf), "CPF"
    if origin == "es_MX":
        return fresh(FK["es_MX"].curp), "CURP"
    if origin == "pl_PL":
        return fresh(FK["pl_PL"].pesel), "PESEL"
    if origin == "en_GB":
        return fresh(FK["en_GB"].ssn), "NI number"
    if origin == "nl_NL":
        return fresh(FK["nl_NL"].ssn), "BSN"
    if origin == "ro_RO":
        return fresh(FK["ro_RO"].ssn), "CNP"
    if origin == "en_IE":
        return fresh(lambda: digits(7) + R.choice("ABCDEFGHJKLMNPQRSTVW") + R.choice(["", "A", "W"])), "PPSN"
    if origin == "es_CO":
        return fresh(lambda: f"{R.randint(1, 99)}.{digits(3)}.{digits(3)}"), "C.C."
    return ssn(), "SSN"


def mrn() -> str:
    def mk():
        k = R.random()
        if k < 0.25:
            return digits(R.choice([6, 7, 8, 9]))
        if k < 0.4:
            return f"{R.choice('EKMHZ')}{digits(R.choice([7, 8]))}"
        if k < 0.55:
            return f"{digits(2)}-{digits(2)}-{digits(3)}"
        if k < 0.65:
            return f"{digits(3)}-{digits(4)}"
        if k < 0.75:
            return f"{R.choice(['IHS', 'CHN', 'TMC'])}-{digits(6)}"
        if k < 0.85:
            return f"{digits(4)}.{digits(3)}"
        return f"00{digits(7)}{R.choice('ABC')}"
    return fresh(mk)


def account() -> str:
    def mk():
        k = R.random()
        if k < 0.25:
            return digits(R.choice([9, 10, 11, 12]))
        if k < 0.40:
            return f"{R.choice(['V', 'HAR', 'CSN', 'E', 'ACC'])}{digits(R.choice([7, 9]))}"
        if k < 0.55:
            return f"{''.join(R.choice(string.ascii_uppercase) for _ in range(3))}{digits(9)}"
        if k < 0.65:
            return f"{digits(3)}-{digits(3)}-{digits(4)}"
        if k < 0.75:
            return f"{digits(2)}{R.choice(string.ascii_uppercase)}{digits(6)}"
        if k < 0.85:
            return f"{digits(8)}{R.choice(string.ascii_uppercase)}"
        return f"{digits(1)}{''.join(R.choice('ACDEFGHJKMNPQRTUVWXY') for _ in range(3))}-{digits(3)}-{''.join(R.choice('ACDEFGHJKMNPQRTUVWXY') for _ in range(2))}{digits(2)}"
    return fresh(mk)


def license_state() -> str:
    def mk():
        k = R.random()
        if k < 0.3:
            return f"{R.choice(['MD', 'DO', 'RN', 'PA', 'NP', 'LPN', 'RPH', 'APRN'])}{digits(R.choice([5, 6, 7]))}"
        if k < 0.55:
            return f"{digits(4)}-{digits(6)}"
        if k < 0.75:
            return f"{R.choice(string.ascii_uppercase)}{digits(R.choice([7, 8, 12]))}"
        return f"{digits(3)}-{digits(3)}-{digits(3)}"
    return fresh(mk)


def dl() -> str:
    def mk():
        k = R.random()
        if k < 0.3:
            return f"{R.choice(string.ascii_uppercase)}{digits(3)}-{digits(4)}-{digits(4)}"
        if k < 0.55:
            return digits(R.choice([8, 9]))
        if k < 0.75:
            return f"{R.choice(string.ascii_uppercase)}{digits(R.choice([7, 8]))}"
        return f"{digits(3)} {digits(3)} {digits(3)}"
    return fresh(mk)


def serial() -> str:
    def mk():
        k = R.random()
        L = lambda n: "".join(R.choice(string.ascii_uppercase) for _ in range(n))  # noqa: E731
        if k < 0.2:
            return f"{L(3)}{digits(6)}{L(1)}"
        if k < 0.35:
            return f"{digits(2)}{L(2)}{digits(5)}"
        if k < 0.5:
            return f"{L(2)}-{digits(7)}"
        if k < 0.6:
            return f"{digits(10)}"
        if k < 0.7:
            return f"{L(1)}{digits(8)}"
        if k < 0.8:
            return f"{digits(4)}-{digits(4)}-{digits(2)}"
        if k < 0.9:
            return f"{L(4)}{digits(4)}"
        return f"{digits(3)}{L(1)}{digits(5)}{L(2)}"
    return fresh(mk)


def imei() -> str:
    return fresh(lambda: (lambda b: b + luhn_digit(b))(R.choice(["35", "86", "01", "99"]) + digits(12)))


def mac() -> str:
    sep = R.choice([":", "-"])
    return fresh(lambda: sep.join(f"{R.randint(0, 255):02X}" for _ in range(6)))


def ipv4() -> str:
    def mk():
        k = R.random()
        if k < 0.35:
            return f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(2, 254)}"
        if k < 0.55:
            return f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(2, 254)}"
        if k < 0.7:
            return f"192.168.{R.randint(0, 255)}.{R.randint(2, 254)}"
        return f"{R.choice([24, 47, 63, 68, 71, 98, 107, 136, 162, 174, 199, 208])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(2, 254)}"
    return fresh(mk)


def ipv6() -> str:
    return fresh(lambda: "2600:" + ":".join(f"{R.randint(0, 65535):x}" for _ in range(3)) + "::" + f"{R.randint(1, 65535):x}")


def us_phone() -> str:
    def mk():
        a = R.choice([207, 802, 603, 518, 814, 218, 715, 906, 360, 509, 541, 208, 307, 432, 830, 530, 775, 406, 701, 928, 505, 787, 252, 757, 410, 719, 606])
        p, q = R.randint(200, 989), R.randint(0, 9999)
        f = R.choice(["({a}) {p}-{q:04d}", "{a}-{p}-{q:04d}", "{a}.{p}.{q:04d}", "{a} {p} {q:04d}", "1-{a}-{p}-{q:04d}", "+1 {a} {p} {q:04d}", "({a}){p}-{q:04d}"])
        return f.format(a=a, p=p, q=q)
    return fresh(mk)


def foreign_phone(origin: str) -> str:
    loc = origin if origin in ("en_GB", "pl_PL", "nl_NL", "pt_BR", "es_CO", "pt_PT", "ro_RO") else R.choice(["en_GB", "pl_PL", "pt_BR", "es_CO"])
    return fresh(FK[loc].phone_number)


def foreign_post(origin: str) -> str:
    loc = origin if origin in ("en_GB", "pl_PL", "nl_NL", "pt_BR", "pt_PT", "ro_RO") else R.choice(["en_GB", "pl_PL", "nl_NL", "pt_PT"])
    return fresh(FK[loc].postcode)


EMAIL_DOMAINS = ["frontiernet.net", "windstream.net", "centurylink.net", "tds.net", "gci.net", "mtaonline.net",
                 "ptd.net", "midco.net", "srt.com", "rtconline.com", "nemont.net", "wildblue.net", "hughes.net",
                 "wp.pl", "o2.pl", "bol.com.br", "uol.com.br", "ziggo.nl", "eircom.net", "btinternet.com",
                 "prodigy.net.mx", "ymail.com", "proton.me", "icloud.com", "outlook.es"]


def email(p: Person) -> str:
    def mk():
        f, lst = ascii_fold(p.first).lower().replace(" ", ""), ascii_fold(p.last).lower().replace(" ", "").replace("'", "")
        local = R.choice([f"{f}.{lst}", f"{f[0]}{lst}{R.randint(1, 99)}", f"{lst}{f[0]}", f"{f}{R.randint(1950, 2009)}", f"{f}_{lst[:4]}", f"mama{lst}", f"{f}.{lst}.{R.randint(1, 9)}"])
        return f"{local}@{R.choice(EMAIL_DOMAINS)}"
    return fresh(mk)


def url(p: Person, kind: str = "social") -> str:
    lst = ascii_fold(p.last).lower().replace(" ", "-").replace("'", "")
    f = ascii_fold(p.first).lower().replace(" ", "-")
    org = R.choice(["northcountry", "highline", "riverbend", "tribalhealth", "borderlands"])
    pools = {
        "social": [f"https://www.gofundme.com/f/help-{f}-{lst}-{R.randint(2, 999)}", f"https://www.caringbridge.org/site/{f}{lst}",
                   f"https://www.facebook.com/{f}.{lst}.{R.randint(10, 9999)}", f"www.{lst}familyfarm.com",
                   f"https://youtube.com/@{f}{lst}", f"https://www.instagram.com/{f}_{lst}_{R.randint(1, 99)}/",
                   f"https://www.tiktok.com/@{f}.{lst}{R.randint(1, 99)}"],
        "obit": [f"https://www.legacy.com/us/obituaries/name/{f}-{lst}-obituary?id={digits(8)}",
                 f"http://{lst}funeralhome.com/tributes/{f}-{lst}", f"https://www.{lst}-memorial.com/obituary/{f}-{lst}"],
        "fund": [f"https://www.gofundme.com/f/help-{f}-{lst}-{R.randint(2, 999)}", f"https://www.caringbridge.org/site/{f}{lst}",
                 f"https://www.givesendgo.com/{f}{lst}{R.randint(1, 99)}"],
        "meet": [f"https://meet.{org}.org/j/{digits(10)}", f"https://{org}.zoom.us/j/{digits(11)}?pwd={lst[:4]}{digits(4)}",
                 f"https://telehealth.{org}.org/visit/{f}-{lst}-{digits(4)}"],
        "photo": [f"https://imgur.com/a/{''.join(R.choice(string.ascii_letters) for _ in range(7))}",
                  f"https://drive.google.com/file/d/{''.join(R.choice(string.ascii_letters + string.digits) for _ in range(20))}/view",
                  f"https://photos.app.goo.gl/{''.join(R.choice(string.ascii_letters + string.digits) for _ in range(12))}"],
        "upload": [f"https://records.{org}.org/upload/{digits(8)}", f"https://mychart.{org}.org/patient/{digits(6)}",
                   f"https://share.{org}.org/roi/{lst}-{digits(5)}"],
    }
    return fresh(lambda: R.choice(pools[kind]))


def email_pro(p: Person) -> str:
    """A clinician's work address."""
    f, lst = ascii_fold(p.first).lower().replace(" ", ""), ascii_fold(p.last).lower().replace(" ", "").replace("'", "")
    return fresh(lambda: f"{R.choice([f'{f}.{lst}', f'{f[0]}{lst}', f'{lst}.{f[0]}'])}@{R.choice(['northcountryhealth.org', 'ihs.gov', 'highlinemed.org', 'riverbendclinic.com', 'bordercare.net'])}")


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]


def date(lo: int = 2024, hi: int = 2026, style: str | None = None) -> str:
    def mk():
        y, m, d = R.randint(lo, hi), R.randint(1, 12), R.randint(1, 28)
        s = style or R.choice(["mdy", "mdy", "md2", "iso", "dmon", "long", "short", "mon_y", "ddMMMyy", "dots", "md"])
        return {
            "mdy": f"{m}/{d}/{y}", "md2": f"{m:02d}/{d:02d}/{y % 100:02d}", "iso": f"{y}-{m:02d}-{d:02d}",
            "dmon": f"{d:02d}-{MONTHS[m - 1][:3]}-{y}", "long": f"{MONTHS[m - 1]} {d}, {y}",
            "short": f"{MONTHS[m - 1][:3]} {d}", "mon_y": f"{MONTHS[m - 1]} {y}",
            "ddMMMyy": f"{d:02d}{MONTHS[m - 1][:3].upper()}{y % 100:02d}", "dots": f"{d:02d}.{m:02d}.{y}",
            "md": f"{m}/{d}", "es": f"{d} de {MES[m - 1]} de {y}", "euro": f"{d} {MONTHS[m - 1]} {y}",
        }[s]
    return fresh(mk)


def dob(style: str | None = None) -> str:
    return date(1926, 2008, style)


NUM_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four", 95: "ninety-five",
             96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight", 99: "ninety-nine", 100: "one hundred",
             101: "one hundred and one", 102: "one hundred two", 103: "one hundred three"}


def age(words: bool = False) -> str:
    n = R.randint(90, 103) if words else R.randint(90, 106)
    return NUM_WORDS[n] if words else str(n)


# ---- facilities (composed here) ----
def facility(kind: str | None = None, t: tuple | None = None) -> str:
    t = t or R.choice(TOWNS)
    tn = t[0]

    def mk():
        k = kind or R.choice(["hosp", "clinic", "pharm", "nh", "school", "employer", "ihs"])
        if k == "hosp":
            return R.choice([f"{tn} Regional Medical Center", f"{tn} Community Hospital", f"St. {R.choice(SAINTS)} Hospital of {tn}",
                             f"{R.choice(STREET_WORDS)} Valley Memorial Hospital", f"{tn} Critical Access Hospital", f"Hospital General de {R.choice(['Zona', 'Distrito'])} {R.randint(2, 48)}"])
        if k == "clinic":
            return R.choice([f"{tn} Family Health Center", f"{R.choice(US_LAST)} Family Practice", f"{R.choice(STREET_WORDS)} Rural Health Clinic",
                             f"{tn} Dialysis Unit", f"North Country Wound Care of {tn}", f"Centro de Salud {R.choice(STREET_WORDS)}"])
        if k == "pharm":
            return R.choice([f"{tn} Drug", f"{R.choice(US_LAST)} Pharmacy", f"Rexall of {tn}", f"{R.choice(STREET_WORDS)} Apothecary", f"Farmacia {R.choice(['San Judas', 'La Frontera', 'del Valle', 'Guadalupana'])} de {tn}"])
        if k == "nh":
            return R.choice([f"{R.choice(STREET_WORDS)} Manor", f"{tn} Good Samaritan Society", f"{R.choice(US_LAST)} Care Center", f"{tn} Veterans Home"])
        if k == "school":
            return R.choice([f"{tn} Elementary School", f"{tn} Consolidated High School", f"{R.choice(CHAPTERS)} Community School", f"{tn} Head Start"])
        if k == "employer":
            return R.choice([f"{R.choice(US_LAST)} Feed & Seed", f"{tn} Co-op Elevator", f"{R.choice(US_LAST)} Logging LLC", f"{R.choice(STREET_WORDS)} Dairy", f"{tn} Casino Resort", f"{R.choice(US_LAST)} Bros. Trucking"])
        if k == "dialysis":
            return R.choice([f"{tn} Dialysis Unit", f"{tn} Kidney Center", f"Satellite Dialysis of {tn}"])
        return R.choice([f"{tn} Indian Health Center", f"{tn} Service Unit", f"{R.choice(CHAPTERS)} Health Station", f"{tn} Comprehensive Health Care Facility"])
    return fresh(mk)
