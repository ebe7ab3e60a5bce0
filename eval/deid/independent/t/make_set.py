#!/usr/bin/env python3
"""Write set T (held-out de-identification passages) to heldout.jsonl beside this file.

Standard library only; fixed seed. A passage is a list of text pieces and (value, CATEGORY)
pairs, so every gold span is the planted value by construction. The same bytes come out
whatever PYTHONHASHSEED or the working directory.

Run: python3 make_set.py
"""

from __future__ import annotations

import collections
import datetime
import json
import random
from pathlib import Path

SEED = 20261207
R = random.Random(SEED)
N_ID, N_CLEAN = 270, 180

# ---------------------------------------------------------------- places
# (town, county or "", state, ZIP as remembered, area code); counties without the word County
PLACES_RAW = """
Colfax|Whitman|WA|99111|509
Pullman|Whitman|WA|99163|509
Tekoa|Whitman|WA|99033|509
Oakesdale|Whitman|WA|99158|509
Uniontown|Whitman|WA|99179|509
Palouse|Whitman|WA|99161|509
Albion|Whitman|WA|99102|509
Endicott|Whitman|WA|99125|509
Farmington|Whitman|WA|99128|509
LaCrosse|Whitman|WA|99143|509
Colton|Whitman|WA|99113|509
Lamont|Whitman|WA|99017|509
Steptoe|Whitman|WA|99174|509
Thornton|Whitman|WA|99176|509
Pomeroy|Garfield|WA|99347|509
Genesee|Latah|ID|83832|208
Potlatch|Latah|ID|83855|208
Kendrick|Latah|ID|83537|208
Juliaetta|Latah|ID|83535|208
Deary|Latah|ID|83823|208
Bovill|Latah|ID|83806|208
Hines|Harney|OR|97738|541
Christmas Valley|Lake|OR|97641|541
Fort Rock|Lake|OR|97735|541
Silver Lake|Lake|OR|97638|541
Paisley|Lake|OR|97636|541
Lakeview|Lake|OR|97630|541
Adel|Lake|OR|97620|541
Plush|Lake|OR|97637|541
Fields|Harney|OR|97710|541
Frenchglen|Harney|OR|97736|541
Crane|Harney|OR|97732|541
Drewsey|Harney|OR|97904|541
Riley|Harney|OR|97758|541
Juntura|Malheur|OR|97911|541
Prineville|Crook|OR|97754|541
Paulina|Crook|OR|97751|541
Mitchell|Wheeler|OR|97750|541
Spray|Wheeler|OR|97874|541
John Day||OR|97845|541
Canyon City||OR|97820|541
Seneca||OR|97873|541
Long Creek||OR|97856|541
Monument||OR|97864|541
Culver||OR|97734|541
Chadron|Dawes|NE|69337|308
Crawford|Dawes|NE|69339|308
Hay Springs|Sheridan|NE|69347|308
Rushville|Sheridan|NE|69360|308
Alliance|Box Butte|NE|69301|308
Hemingford|Box Butte|NE|69348|308
Harrison|Sioux|NE|69346|308
Scottsbluff|Scotts Bluff|NE|69361|308
Gering|Scotts Bluff|NE|69341|308
Minatare|Scotts Bluff|NE|69356|308
Bridgeport|Morrill|NE|69336|308
Bayard|Morrill|NE|69334|308
Kimball||NE|69145|308
Sidney||NE|69162|308
Oshkosh||NE|69154|308
Lewellen||NE|69147|308
Colebrook|Coos|NH|03576|603
Pittsburg|Coos|NH|03592|603
Errol|Coos|NH|03579|603
Groveton|Coos|NH|03582|603
Whitefield|Coos|NH|03598|603
Gorham|Coos|NH|03581|603
Milan|Coos|NH|03588|603
Dummer|Coos|NH|03588|603
Stark|Coos|NH|03582|603
Randolph|Coos|NH|03593|603
Stewartstown|Coos|NH|03576|603
Stratford|Coos|NH|03590|603
Twin Mountain|Coos|NH|03595|603
Littleton|Grafton|NH|03561|603
Franconia|Grafton|NH|03580|603
Lisbon|Grafton|NH|03585|603
Woodsville|Grafton|NH|03785|603
Russellville|Pope|AR|72801|479
Atkins|Pope|AR|72823|479
Dover|Pope|AR|72837|479
London|Pope|AR|72847|479
Pottsville|Pope|AR|72858|479
Dardanelle|Yell|AR|72834|479
Ola|Yell|AR|72853|479
Danville|Yell|AR|72833|479
Belleville|Yell|AR|72824|479
Havana|Yell|AR|72842|479
Plainview|Yell|AR|72857|479
Subiaco|Logan|AR|72865|479
Booneville|Logan|AR|72927|479
Magazine|Logan|AR|72943|479
Scranton|Logan|AR|72863|479
Clarksville||AR|72830|479
Morrilton||AR|72110|501
Altus||AR|72821|479
Charleston||AR|72933|479
Show Low||AZ|85901|928
Pinetop||AZ|85935|928
Lakeside||AZ|85929|928
Snowflake||AZ|85937|928
Taylor||AZ|85939|928
Overgaard||AZ|85933|928
Holbrook||AZ|86025|928
Joseph City||AZ|86032|928
Winslow||AZ|86047|928
Springerville|Apache|AZ|85938|928
Eagar|Apache|AZ|85925|928
Greer|Apache|AZ|85927|928
Concho|Apache|AZ|85924|928
St. Johns|Apache|AZ|85936|928
Nutrioso|Apache|AZ|85932|928
Payson|Gila|AZ|85541|928
Pine|Gila|AZ|85544|928
Strawberry|Gila|AZ|85544|928
Star Valley|Gila|AZ|85541|928
Chatsworth|Burlington|NJ|08019|609
Tabernacle|Burlington|NJ|08088|609
Woodbine|Cape May|NJ|08270|609
Tuckahoe|Cape May|NJ|08250|609
Port Norris|Cumberland|NJ|08349|856
Mauricetown|Cumberland|NJ|08329|856
Dividing Creek|Cumberland|NJ|08315|856
Millville|Cumberland|NJ|08332|856
Bridgeton|Cumberland|NJ|08302|856
Vineland|Cumberland|NJ|08360|856
Greenwich|Cumberland|NJ|08323|856
Cedarville|Cumberland|NJ|08311|856
Newport|Cumberland|NJ|08345|856
Heislerville|Cumberland|NJ|08324|856
Pennsville||NJ|08070|856
Alloway||NJ|08001|856
Woodstown||NJ|08098|856
Quinton||NJ|08072|856
Mays Landing|Atlantic|NJ|08330|609
Egg Harbor City|Atlantic|NJ|08215|609
Newfield|Gloucester|NJ|08344|856
Malaga|Gloucester|NJ|08328|856
"""
PLACES = [tuple(line.split("|")) for line in PLACES_RAW.strip().splitlines()]
# towns held back for the clean passages' word senses and the one-offs
ONEOFF_TOWNS = {"Magazine", "Plush", "Crane", "Spray", "Havana", "Pine", "Strawberry", "London", "Milan",
                "Fields", "Monument", "Paisley", "Stark", "Christmas Valley", "Sidney", "Atkins", "Pittsburg"}
GEN_PLACES = [p for p in PLACES if p[0] not in ONEOFF_TOWNS]

HOSPITALS = {
    "WA": ["Whitman Prairie Hospital", "Palouse Hills Regional Medical Center", "Snake River Breaks Hospital"],
    "ID": ["Latah Valley Medical Center", "Clearwater Ridge Hospital"],
    "OR": ["High Desert District Hospital", "Harney Basin Memorial Hospital", "Ochoco Rimrock Medical Center",
           "Blue Mountain Frontier Hospital"],
    "NE": ["Dawes Butte Regional Health", "North Platte Valley Medical Center", "Wildcat Hills Hospital"],
    "NH": ["Upper Coos Valley Hospital", "Great North Woods Health Center", "Ammonoosuc Valley Hospital"],
    "AR": ["Arkansas River Valley Regional Medical Center", "Mount Nebo Medical Center", "Petit Jean Hospital"],
    "AZ": ["White Mountain Rim Medical Center", "Mogollon Regional Hospital", "Little Colorado Valley Hospital"],
    "NJ": ["Bayshore Pinelands Medical Center", "Maurice River Regional Hospital", "Cohansey Valley Medical Center"],
}
HOSP_SUFFIX = ["Memorial Hospital", "Community Hospital", "District Hospital", "Regional Medical Center",
               "Critical Access Hospital", "General Hospital", "Medical Center"]
FAC_SUFFIX = ["Family Medicine", "Rural Health Clinic", "Community Clinic", "Medical Clinic", "Health Center",
              "Family Practice", "Primary Care"]

# ---------------------------------------------------------------- names (typed here; no real person intended)
COMMUNITIES = {
    "frcan": (
        "Laurette Fernande Jacinthe Solange Rolande Yvette Lise Huguette Gisèle Pierrette".split(),
        "Réal Gaétan Jean-Guy Normand Lucien Gilles Rémi Laurier Donat Fernand".split(),
        "Fortier Lapointe Grondin Poulin Gosselin Vachon Laflamme Beaulieu Dufresne Lemieux Labrecque "
        "Brochu Lachance Paradis Gagné Bérubé Croteau Lessard".split()),
    "akan": (
        "Akosua Ama Adwoa Efua Abena Afua Yaa Esi".split(),
        "Kwame Kofi Yaw Kwabena Kwaku Kojo Kwasi Fiifi".split(),
        "Mensah Owusu Asante Boateng Agyeman Ofori Appiah Darko Frimpong Amoako Sarpong Antwi".split()),
    "yoruba": (
        "Folasade Funmilayo Temitope Adeola Omolara Yetunde Bolanle".split(),
        "Adebayo Oluwaseun Olumide Babajide Tunde Ayodele Femi".split(),
        "Adeyemi Ogunleye Afolabi Olawale Oyelaran Adebisi Ogundipe Akinola Ladipo".split()),
    "ethiop": (
        "Tigist Meseret Selamawit Almaz Chaltu Lensa Hirut Mekdes".split(),
        "Abebe Dawit Yonas Gemechu Tolera Berhanu Tewodros Kebede".split(),
        "Gebremedhin Wolde Bekele Haile Alemu Tadesse Girma Negash Fikre Gudeta Ayana".split()),
    "khmer": (
        "Sophea Bopha Sreymom Chanthou Sokha Malis Sreyneang Channary".split(),
        "Vuthy Dara Rithy Visal Kosal Sovann Bunthoeun Sambath".split(),
        "Sok Chea Keo Prak Chhim Meas Nhem Pov Ros Heng Touch Chhun".split()),
    "oax": (
        "Eufemia Jacinta Macaria Hermelinda Epifania Rufina Aniceta Cirila".split(),
        "Crescencio Bartolo Filemón Cirilo Tiburcio Porfirio Eleuterio Anacleto".split(),
        "Merino Bautista Sarmiento Feria Sibaja Olivera Nicolás Ventura Celaya Jiménez Lucas Zárate".split()),
    "lds": (
        "LaRue Vonda Alvira Arvilla Zina Lavina Nedra Verda".split(),
        "LaMar Ferrin Thayne Lorin Delbert Ferris Orrin Wendell".split(),
        "Flake Brimhall Shumway Heap Kartchner Gillespie Despain Bushman Jarvis Rencher Smithson Hunsaker".split()),
    "jewish": (
        "Yetta Sadie Bernice Gittel Rivka Tillie Esther".split(),
        "Herschel Irving Morty Shmuel Feivel Nathan Zalman".split(),
        "Brotman Kotok Zlotkin Garfinkel Rabinowitz Lipitz Krassner Bayuk Tennenbaum".split()),
    "ranch": (
        "Darlene Lorene Wanda Roxanne Tammy Shawna Charla Rhonda Kaylee Kimber".split(),
        "Dwayne Buck Clint Lyle Merle Dale Tuff Brody Kade Kolt".split(),
        "Otley Hotchkiss Skeen Dunten Weise Cordes Scharff Juhnke Hovda Tiegs Krogh Ruppel Vanek".split()),
    "word": (
        "Juniper Willow Fawn Starla Clementine Opal Winnie".split(),
        "Ranger Colt Remington Cannon Trapper Gunner".split(),
        "Barley Straw Harrow Gravel Frost Heron Badger Rivers Champagne Marquis Plum Thresher".split()),
    "epon": (
        "Darla Corinne Lorna Mavis Ione Odessa Francine".split(),
        "Alvis Wendell Ambrose Alton Orval Ellis Ruben".split(),
        "Lhermitte Courvoisier Durkan Duroziez Traube Ewart Cheyne Raynaud Felty Dupuytren Ledderhose "
        "Peyronie Bouchard Monteggia Segond Bankart Caprini Breslow Kegel Broviac Cormack Yergason Gaenslen "
        "Kleiger Tzanck Darier Auspitz Koebner Wickham Gottron Muehrcke Lindsay Brushfield Epstein Koplik "
        "Forchheimer Pastia Dennie Parinaud Blumer Dressler Libman Loeffler Buerger Ebstein Fallot Alport "
        "Fabry Gaucher Hurler Wernicke Broca Wallenberg Dandy Lindau".split()),
}
COMM_WEIGHTS = {"frcan": 3, "akan": 2, "yoruba": 2, "ethiop": 2, "khmer": 2, "oax": 2, "lds": 2, "jewish": 2,
                "ranch": 3, "word": 2, "epon": 5}
MIDDLE = "ABCDEFGHJKLMNPRSTVW"

STREET_WORDS = ["Lentil", "Camas", "Pea Vine", "Combine", "Grain Bin", "Rimrock", "Alkali Flat", "Cattle Guard",
                "Sagebrush", "Obsidian", "Sugar Factory", "Spud Cellar", "Chimney Rock", "Wildcat", "Moose Alley",
                "Log Drive", "Snowplow", "Notch", "Sawmill Gap", "Rice Levee", "Poultry Farm", "Egg Auction",
                "Shucking House", "Bog Iron", "Cedar Swamp", "Glass Works", "Ponderosa", "Woodchopper",
                "Pinyon", "Lava Bed", "Wool Barn", "Hay Press"]
SUFFIXES = ["Aly", "Anx", "Arc", "Bnd", "Blf", "Brk", "Btm", "Cswy", "Cyn", "Cmn", "Cors", "Crst", "Cv", "Dl",
            "Dv", "Frd", "Frst", "Frg", "Gdns", "Gtwy", "Gln", "Hvn", "Hts", "Inlt", "Lck", "Ldg", "Lndg", "Mnr",
            "Mls", "Msn", "Nck", "Orch", "Oval", "Pass", "Pnes", "Plns", "Pt", "Prt", "Pr", "Radl", "Rnch",
            "Rpds", "Rst", "Rdg", "Row", "Run", "Shr", "Spur", "Sq", "Sta", "Strm", "Smt", "Trce", "Trl", "Vly",
            "Vw", "Vlg", "Vis", "Walk", "Wls", "Landing", "Orchard", "Crossing", "Hollow", "Terrace", "Trace",
            "Gulch", "Draw", "Coulee Rd", "Grade"]
STATE_ROADS = {"WA": ["SR 27", "SR 195", "Hamilton Hill Rd", "Almota Rd"], "ID": ["Hwy 95", "Hwy 3", "Mica Flats Rd"],
               "OR": ["Hwy 395", "Fort Rock Rd", "Hwy 31", "Hwy 20"], "NE": ["County Road 38", "County Road K",
                                                                            "Hwy 385", "Hwy 26"],
               "NH": ["NH Route 145", "NH Route 26", "Back Lake Rd", "US Route 3"],
               "AR": ["Hwy 7 N", "Hwy 22", "Hwy 27 S", "Hwy 309"],
               "AZ": ["W White Mountain Blvd", "Hwy 260", "Hwy 77", "E Deuce of Clubs"],
               "NJ": ["Route 47", "Route 49", "Route 553", "Route 72"]}
UNITS = ["Lot 14", "Trlr 6", "Apt 2R", "Cabin 3", "Unit B", "Rm 117", "Bldg 4", "Ste 5", "Apt C", "# 12",
         "Lot 31", "Unit 7", "Cabin 11", "Rm 22", "Trlr 19", "Apt 1L", "Bunkhouse 2", "Side Door"]

# payers and plans are not identifiers; their member numbers are
PAYERS = {"WA": ["Apple Health (ProviderOne)", "Regence BlueShield", "Premera"],
          "ID": ["Idaho Medicaid", "Blue Cross of Idaho", "PacificSource"],
          "OR": ["Oregon Health Plan", "Moda Health", "PacificSource"],
          "NE": ["Nebraska Heritage Health", "Nebraska Total Care", "Medica"],
          "NH": ["NH Medicaid (Granite Advantage)", "Harvard Pilgrim", "Anthem BCBS NH"],
          "AR": ["ARHOME", "Arkansas Blue Cross", "Ambetter from Arkansas Health & Wellness"],
          "AZ": ["AHCCCS", "Banner University Family Care", "Mercy Care"],
          "NJ": ["NJ FamilyCare", "Horizon NJ Health", "AmeriHealth Caritas NJ"]}
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "protonmail.com",
                 "palouse.net", "centurylink.net", "hughes.net", "wildblue.net", "ruralnet.org", "myfairpoint.net"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# ---------------------------------------------------------------- value registry
USED: collections.Counter = collections.Counter()
CUR: set[str] = set()


def fresh(v: str) -> bool:
    return v.lower() in CUR or USED[v.lower()] < 2


def pick(pool: list, key=lambda x: x):
    """A random item whose value(s) sit in fewer than two passages so far."""
    ok = [x for x in pool if all(fresh(k) for k in _keys(key(x)))]
    if not ok:
        raise Retry
    x = R.choice(ok)
    for k in _keys(key(x)):
        CUR.add(k.lower())
    return x


def _keys(k):
    return k if isinstance(k, (list, tuple)) else [k]


class Retry(Exception):
    pass


# ---------------------------------------------------------------- numbers with check digits
def luhn_digit(payload: str) -> str:
    for d in "0123456789":
        s = payload + d
        total = 0
        for i, ch in enumerate(reversed(s)):
            n = int(ch)
            if i % 2 == 1:
                n *= 2
                if n > 9:
                    n -= 9
            total += n
        if total % 10 == 0:
            return d
    raise AssertionError


def digits(n: int) -> str:
    return "".join(R.choice("0123456789") for _ in range(n))


def npi() -> str:
    body = R.choice("12") + digits(8)
    return body + luhn_digit("80840" + body)


def dea(surname: str) -> str:
    d = [R.randrange(10) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    first = R.choice("ABFGM")
    second = surname[0].upper() if surname[0].upper().isalpha() and surname[0].isascii() else "X"
    return first + second + "".join(map(str, d)) + str(check)


VIN_ALPH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
WMI = ["1FT", "1GC", "3C6", "1C6", "5TF", "1N6", "2T3", "4S4", "1FM", "JTM", "1HG", "3GN"]


def vin() -> str:
    year = R.choice("DEFGHJKLMNPRS")
    s = list(R.choice(WMI) + "".join(R.choice(VIN_ALPH) for _ in range(5)) + "0" + year
             + R.choice(VIN_ALPH) + digits(6))
    total = sum(VIN_VAL[c] * w for c, w in zip(s, VIN_W))
    s[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(s)


def imei() -> str:
    body = R.choice(["35", "86", "01", "99"]) + digits(12)
    return body + luhn_digit(body)


def up(n: int) -> str:
    return "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def alnum(n: int) -> str:
    return "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(n))


# ---------------------------------------------------------------- values by kind
class Person:
    def __init__(self, given: str, surname: str, sex: str, comm: str, second: str = ""):
        self.given, self.surname, self.sex, self.comm, self.second = given, surname, sex, comm, second
        self.mi = R.choice(MIDDLE)

    @property
    def last(self) -> str:
        return f"{self.surname} {self.second}" if self.second else self.surname

    def form(self, kind: str) -> str:
        g, s = self.given, self.last
        return {
            "full": f"{g} {s}",
            "mid": f"{g} {self.mi}. {s}",
            "LF": f"{s.upper()}, {g.upper()}",
            "LFM": f"{s.upper()}, {g.upper()} {self.mi}",
            "Lf": f"{s}, {g}",
            "low": f"{g} {s}".lower(),
            "given": g,
            "sur": s,
            "init": f"{g[0]}.{s[0]}.",
            "Finit": f"{g[0]}. {s}",
        }[kind]


def person(sex: str | None = None, comm: str | None = None) -> Person:
    sex = sex or R.choice("FM")
    if comm is None:
        names = sorted(COMM_WEIGHTS)
        comm = R.choices(names, weights=[COMM_WEIGHTS[n] for n in names])[0]
    fem, mal, sur = COMMUNITIES[comm]
    given = pick([x for x in (fem if sex == "F" else mal) if x.lower() not in CUR])
    surname = pick([x for x in sur if x.lower() not in CUR])
    second = ""
    if comm == "oax" and R.random() < 0.7:
        second = pick([x for x in sur if x != surname])
    elif comm in ("ranch", "epon", "frcan", "word", "lds", "jewish") and R.random() < 0.1:
        second = ""
        surname = surname + "-" + pick([x for c in ("ranch", "epon", "frcan") for x in COMMUNITIES[c][2]
                                        if x != surname])
    return Person(given, surname, sex, comm, second)


def place(state: str | None = None):
    pool = [p for p in GEN_PLACES if state is None or p[2] == state]
    return pick(pool, key=lambda p: p[0])


def county_of(p) -> str | None:
    c = p[1]
    if c and fresh(c):
        CUR.add(c.lower())
        return c
    return None


def zipcode(p) -> str:
    z = p[3]
    r = R.random()
    if r < 0.25:
        z = z + "-" + digits(4)
    elif r < 0.5:
        z = z[:3] + digits(2)
    if not fresh(z):
        z = p[3][:3] + digits(2)
    CUR.add(z.lower())
    return z


def phone(p=None, style: int | None = None) -> str:
    ac = p[4] if p else R.choice(["509", "208", "541", "308", "603", "479", "928", "856", "609"])
    ex, ln = str(R.randint(2, 9)) + digits(2), digits(4)
    style = R.randrange(10) if style is None else style
    return [f"({ac}) {ex}-{ln}", f"{ac}-{ex}-{ln}", f"{ac}.{ex}.{ln}", f"{ac}{ex}{ln}", f"+1 {ac} {ex} {ln}",
            f"1-{ac}-{ex}-{ln}", f"{ac}/{ex}-{ln}", f"({ac}){ex}-{ln}", f"{ex}-{ln}",
            f"{ac} {ex} {ln}"][style]


def ext() -> str:
    return R.choice([" ext. ", " x", " ext ", " Ext "]) + digits(R.choice([3, 4]))


def street(p) -> str:
    st = p[2]
    r = R.random()
    num = str(R.randint(2, 9999))
    if r < 0.55:
        return f"{num} {R.choice(['', '', 'N ', 'S ', 'E ', 'W ', 'NE ', 'SW '])}{R.choice(STREET_WORDS)} " \
               f"{R.choice(SUFFIXES)}"
    if r < 0.8:
        return f"{R.randint(10, 99999)} {R.choice(STATE_ROADS[st])}"
    if r < 0.9:
        return f"HC {R.randint(60, 89)} Box {R.randint(2, 999)}"
    return f"{num} {p[0]} {R.choice(['Cutoff Rd', 'Grade Rd', 'Loop', 'Spur Rd'])}"


def pobox() -> str:
    return R.choice(["PO Box ", "P.O. Box ", "P O Box ", "Box ", "PO Drawer "]) + str(R.randint(2, 1999))


def email(pr: Person | None = None, domain: str | None = None) -> str:
    if pr is None:
        user = R.choice(["frontdesk", "referrals", "intake", "records", "scheduling", "dme.orders",
                         "billing"]) + digits(2)
    else:
        g = pr.given.lower().replace("é", "e").replace("ó", "o").replace("è", "e").replace("á", "a")
        s = pr.surname.lower().replace(" ", "").replace("é", "e").replace("á", "a").replace("ó", "o")
        user = R.choice([f"{g}.{s}", f"{g[0]}{s}", f"{g}{s[:1]}{R.randint(1, 99)}", f"{s}.{g[0]}",
                         f"{g}_{s}{R.randint(60, 99)}", f"{s}{g[0]}{R.randint(1, 9)}"])
    return f"{user}@{domain or R.choice(EMAIL_DOMAINS)}"


def slug(s: str) -> str:
    """A web name: the words run together, or their initials when that is long (as sites do)."""
    joined = "".join(ch for ch in s.lower() if ch.isalnum())
    if len(joined) <= 18:
        return joined
    return "".join(w[0] for w in s.lower().split() if w[0].isalnum())


def ipv4() -> str:
    r = R.random()
    if r < 0.35:
        return f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(2, 254)}"
    if r < 0.55:
        return f"192.168.{R.randint(0, 255)}.{R.randint(2, 254)}"
    if r < 0.65:
        return f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(2, 254)}"
    return f"{R.choice([24, 50, 64, 67, 71, 97, 98, 108, 166, 173, 184, 207, 209])}.{R.randint(0, 255)}." \
           f"{R.randint(0, 255)}.{R.randint(2, 254)}"


def ipv6() -> str:
    return "2600:" + ":".join(f"{R.randrange(65536):x}" for _ in range(3)) + "::" + f"{R.randrange(65536):x}"


def ip() -> str:
    return ipv6() if R.random() < 0.2 else ipv4()


def ssn(kind: str = "any") -> tuple[str, str]:
    """(label, value)."""
    a, b, c = f"{R.randint(1, 899):03d}", f"{R.randint(1, 99):02d}", f"{R.randint(1, 9999):04d}"
    if a == "666":
        a = "667"
    if kind == "last4" or (kind == "any" and R.random() < 0.35):
        return R.choice(["SSN last 4: ", "last four of SSN ", "SS# xxx-xx-", "soc sec ending ", "SSN (L4) "]), c
    return R.choice(["SSN: ", "SS# ", "Social Security No. ", "SSN ", "soc sec # "]), R.choice(
        [f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"])


# dates: 2025-2026 events, births 1924-2024
def rdate(y0: int, y1: int) -> tuple[int, int, int]:
    y = R.randint(y0, y1)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    return y, m, d


def ordinal(d: int) -> str:
    return str(d) + ("th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def fmt_date(y: int, m: int, d: int, style: int | None = None) -> str:
    mon = MONTHS[m - 1]
    style = R.randrange(17) if style is None else style
    return [
        f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}",
        f"{mon} {d}, {y}", f"{mon[:3]} {d} {y}", f"{d} {mon[:3]} {y}", f"{d:02d}{mon[:3].upper()}{y % 100:02d}",
        f"{y}{m:02d}{d:02d}", f"{mon[:3].upper()}-{d:02d}-{y}", f"{m}.{d}.{y}", f"{mon} {ordinal(d)}",
        f"{m}/{d}", f"the {ordinal(d)} of {mon}", f"{mon[:3]}. {ordinal(d)}, {y}", f"{mon} {y}",
        f"{m:02d}-{d:02d}-{y % 100:02d}",
    ][style]


def date(kind: str = "event", style: int | None = None) -> str:
    if style is None:
        style = R.choice([i for i in range(17) if i != 15])
    y0, y1 = {"event": (2025, 2026), "dob": (1930, 2012), "child": (2020, 2024), "old": (1924, 1935),
              "adult": (1938, 1992)}[kind]
    for _ in range(50):
        v = fmt_date(*rdate(y0, y1), style=style)
        if fresh(v):
            CUR.add(v.lower())
            return v
    raise Retry


def dob(style: int | None = None, old: bool = False, adult: bool = False) -> str:
    return date("old" if old else "adult" if adult else "dob", R.choice([0, 1, 2, 3, 4, 6, 7, 9, 10, 16]) if style is None else style)


def age90(words: bool = True) -> str:
    n = R.randint(90, 103)
    if not words:
        return str(n)
    return R.choice([str(n), str(n), str(n), {90: "ninety", 91: "ninety-one", 92: "ninety-two",
                                              93: "ninety-three", 94: "ninety-four", 95: "ninety-five",
                                              96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight",
                                              99: "ninety-nine", 100: "one hundred",
                                              101: "one hundred one", 102: "one hundred two",
                                              103: "one hundred three"}[n]])


def date_pair(days: int) -> tuple[str, str]:
    """A start and an end date `days` apart, in one style."""
    style = R.choice([0, 1, 3, 4, 5, 6, 7, 10, 12])
    for _ in range(50):
        y, m, d = rdate(2025, 2026)
        a = datetime.date(y, m, d)
        b = a + datetime.timedelta(days=days)
        va, vb = fmt_date(a.year, a.month, a.day, style), fmt_date(b.year, b.month, b.day, style)
        if fresh(va) and fresh(vb) and va != vb:
            CUR.update({va.lower(), vb.lower()})
            return va, vb
    raise Retry


def uniq(make) -> str:
    for _ in range(50):
        v = make()
        if fresh(v):
            CUR.add(v.lower())
            return v
    raise Retry


def mrn() -> str:
    return uniq(lambda: R.choice([
        lambda: digits(8), lambda: "M" + digits(7), lambda: f"{digits(2)}-{digits(3)}-{digits(3)}",
        lambda: "E" + digits(9), lambda: f"{digits(3)} {digits(3)} {digits(2)}", lambda: digits(6) + "-" + digits(1),
        lambda: "HX" + digits(6), lambda: f"0000{digits(6)}", lambda: f"{up(2)}{digits(6)}",
    ])())


def member(state: str) -> str:
    return uniq(lambda: R.choice({
        "WA": [lambda: digits(9) + "WA", lambda: "ZRG" + digits(9)],
        "ID": [lambda: digits(10), lambda: "BCI" + digits(8) + "01"],
        "OR": [lambda: up(2) + digits(5) + up(1), lambda: "MOD" + digits(8)],
        "NE": [lambda: digits(9) + "01", lambda: "U" + digits(8)],
        "NH": [lambda: digits(11), lambda: "HPH" + digits(9)],
        "AR": [lambda: digits(10), lambda: "XCU" + digits(9)],
        "AZ": [lambda: "A" + digits(8), lambda: "BUF" + digits(7)],
        "NJ": [lambda: digits(12), lambda: "HNJ" + up(1) + digits(8)],
    }[state])())


def mbi() -> str:
    # Medicare Beneficiary Identifier shape: C A AN N A AN N A A N N
    a = "ACDEFGHJKMNPQRTUVWXY"

    def m() -> str:
        return (str(R.randint(1, 9)) + R.choice(a) + R.choice(a + "0123456789") + digits(1) + R.choice(a)
                + R.choice(a + "0123456789") + digits(1) + R.choice(a) + R.choice(a) + digits(2))
    def dashed() -> str:
        v = m()
        return f"{v[:4]}-{v[4:7]}-{v[7:]}"
    return uniq(R.choice([m, m, dashed]))


def claim() -> str:
    return uniq(lambda: R.choice([lambda: f"{digits(2)}-{digits(6)}", lambda: "WC" + digits(8),
                                  lambda: f"{up(2)}{digits(5)}-{digits(2)}", lambda: f"SA{digits(7)}"])())


def plate(state: str) -> str:
    return uniq(lambda: R.choice({
        "WA": [lambda: up(3) + digits(4), lambda: digits(5) + up(1)],
        "ID": [lambda: f"{R.choice(['2L', '1N', 'L'])} {digits(5)}"],
        "OR": [lambda: digits(3) + " " + up(3), lambda: digits(3) + up(3)],
        "NE": [lambda: f"{R.randint(1, 93)}-{up(1)}{digits(3)}", lambda: up(3) + " " + digits(3)],
        "NH": [lambda: digits(7), lambda: digits(3) + " " + digits(4)],
        "AR": [lambda: digits(3) + up(3), lambda: up(3) + " " + digits(2) + up(1)],
        "AZ": [lambda: up(3) + digits(4), lambda: up(2) + digits(5)],
        "NJ": [lambda: up(1) + digits(2) + "-" + up(3), lambda: up(1) + digits(2) + up(3)],
    }[state])())


def serial() -> str:
    return uniq(lambda: R.choice([
        lambda: up(2) + digits(7), lambda: digits(11), lambda: f"{up(3)}-{digits(6)}",
        lambda: f"{digits(4)}{up(1)}{digits(5)}", lambda: f"{up(1)}{digits(3)}-{digits(5)}",
        lambda: f"{up(2)}{digits(2)}{up(1)}{digits(6)}", lambda: "(21)" + digits(9),
        lambda: alnum(10),
    ])())


def state_lic(state: str, kind: str) -> str:
    return uniq(lambda: {
        "WA": lambda: f"{kind}{digits(8)}", "ID": lambda: f"{kind}-{digits(5)}",
        "OR": lambda: f"{kind}{digits(6)}", "NE": lambda: f"{digits(4)}",
        "NH": lambda: f"{digits(5)}", "AR": lambda: f"{up(1)}-{digits(4)}",
        "AZ": lambda: f"{digits(5)}", "NJ": lambda: f"25{kind}{digits(8)}",
    }[state]())


def driver_lic(state: str) -> str:
    return uniq(lambda: {
        "WA": lambda: "WDL" + alnum(9), "ID": lambda: up(2) + digits(6) + up(1), "OR": lambda: digits(7),
        "NE": lambda: up(1) + digits(8), "NH": lambda: digits(2) + up(3) + digits(5), "AR": lambda: "9" + digits(8),
        "AZ": lambda: "D" + digits(8), "NJ": lambda: f"{up(1)}{digits(4)} {digits(5)} {digits(5)}",
    }[state]())


def hospital(state: str) -> str:
    """A typed hospital while it is fresh, else one composed from a town of the state."""
    typed = [h for h in HOSPITALS[state] if fresh(h)]
    if typed and R.random() < 0.6:
        return pick(typed)
    towns = [p[0] for p in GEN_PLACES if p[2] == state]
    return uniq(lambda: f"{R.choice(towns)} {R.choice(HOSP_SUFFIX)}")


def clinic(p) -> str:
    return uniq(lambda: f"{p[0]} {R.choice(FAC_SUFFIX)}")


# ---------------------------------------------------------------- assembly
def assemble(parts: list, case: str = "") -> tuple[str, list]:
    text, spans = "", []
    for part in flatten(parts):
        if isinstance(part, tuple):
            v, cat = part
            v = v.upper() if case == "upper" else v.lower() if case == "lower" else v
            spans.append([len(text), len(text) + len(v), cat])
            text += v
        else:
            text += part.upper() if case == "upper" else part.lower() if case == "lower" else part
    return text, spans


def flatten(parts: list) -> list:
    return [x for part in parts for x in (part if isinstance(part, list) else [part])]


def V(v: str, cat: str) -> tuple[str, str]:
    if cat != "AGE":
        CUR.add(v.lower())
    return (v, cat)


# shorthand
def N(v): return V(v, "NAME")
def D(v):
    # "the 9th of March": the article stays outside the span
    if v.lower().startswith("the "):
        return [v[:4], V(v[4:], "DATE")]
    return V(v, "DATE")
def F(v): return V(v, "FACILITY")
def PH(v): return V(v, "PHONE")
def L(v): return V(v, "LOCATION")
def AC(v): return V(v, "ACCOUNT")
def AD(v): return V(v, "ADDRESS")
def Z(v): return V(v, "ZIP")
def MR(v): return V(v, "MRN")
def AG(v): return V(v, "AGE")
def LI(v): return V(v, "LICENSE")
def VE(v): return V(v, "VEHICLE")
def EM(v): return V(v, "EMAIL")
def DV(v): return V(v, "DEVICE")
def FX(v): return V(v, "FAX")
def IP(v): return V(v, "IP")
def SS(v): return V(v, "SSN")
def U(v): return V(v, "URL")


def chance(p: float) -> bool:
    return R.random() < p


def st_of(p) -> str:
    return p[2]


# ---------------------------------------------------------------- identifier shapes
def sh_radonc():
    """Radiation oncology end-of-treatment summary."""
    p = place()
    st = st_of(p)
    pt = person()
    doc, phys, att = person(), person(), person()
    fac = uniq(lambda: f"{p[0]} Cancer Center" if chance(0.5) else f"{hospital(st)} Radiation Oncology")
    old = chance(0.35)
    site = R.choice([("prostate" if pt.sex == "M" else "left breast",
                      "70 Gy in 28 fractions, VMAT" if pt.sex == "M" else "40.05 Gy in 15 fractions, DIBH", 38),
                     ("right lung upper lobe", "SBRT 50 Gy in 5 fractions", 12), ("larynx", "70 Gy in 35 fractions", 48),
                     ("L2 vertebral metastasis", "8 Gy in 1 fraction", 0)])
    start, end = date_pair(site[2]) if site[2] else (date(), "")
    parts = [F(fac), "\nEND OF TREATMENT SUMMARY\n",
             "Patient: ", N(pt.form("LFM")), "    DOB: ", D(dob(old=old, adult=True)), "    MRN: ", MR(mrn()),
             "\n",
             "Referring: Dr. ", N(doc.form("Finit")), ", NPI ", LI(npi()), "   Ph ", PH(phone(p)),
             "   Fax ", FX(phone(p)), "\n",
             "Insurance: ", R.choice(PAYERS[st]), " ID ", AC(member(st)), "\n"]
    if old:
        parts += ["Age at start: ", AG(age90()), " (hypofractionated to limit travel)\n"]
    parts += ["Site: ", site[0], ". Dose: ", site[1], ". ",
              *(["Started ", D(start), ", completed ", D(end)] if end else ["Treated ", D(start)]), ".\n",
              "Tolerance: grade 1 dermatitis, grade 2 fatigue; no breaks.\n"]
    if chance(0.6):
        parts += ["Cardiac device ", R.choice(["Medtronic Azure", "Boston Scientific Accolade", "Abbott Assurity"]),
                  " SN ", DV(serial()), " checked before the first and after the last fraction.\n"]
    if chance(0.4):
        parts += ["Port-a-cath, lot/serial ", DV(serial()), ", flushed monthly.\n"]
    parts += ["Survivorship plan: ", U(f"https://{R.choice(['portal', 'mychart', 'survivor'])}.{slug(p[0])}cancer.org/"
                                      f"plan/{alnum(8).lower()}"), "\n"]
    if chance(0.5):
        parts += ["Follow-up by video; last session from ", IP(ip()), "\n"]
    if chance(0.5):
        lab, v = ssn()
        parts += ["Cancer registry: ", lab, SS(v), "\n"]
    parts += ["Physicist: ", N(phys.form("init")), "; attending ", N(att.form("full")), ", MD (",
              EM(email(att, slug(fac) + ".org")), ")"]
    return parts, ""


def sh_turbine():
    """Wind turbine technician rescue and first report of injury."""
    p = place(R.choice(["WA", "OR", "NE", "AZ", "ID"]))
    st = st_of(p)
    pt, sup, adj = person(), person(), person()
    county = county_of(p)
    op = uniq(lambda: f"{R.choice(['Steptoe Ridge', 'Rattlesnake Butte', 'Wildcat Mesa', 'Box Butte', 'Juniper Flat', p[0], p[0]])} "
                      f"{R.choice(['Wind Energy Center', 'Wind Farm', 'Wind Project'])}")
    parts = ["FIRST REPORT OF INJURY - WIND TECHNICIAN RESCUE\n",
             "Site: ", F(op), ", turbine T-", str(R.randint(4, 148)), ", ", AD(street(p)), ", ", L(p[0]), ", ",
             p[2], " ", Z(zipcode(p))]
    if county:
        parts += ["  (", L(county), " County)"]
    parts += ["\nEmployer: ", F(uniq(lambda: f"{R.choice(['Prairie', 'High Line', 'Crosswind', 'Gust', 'Tailwind'])} "
                                              f"{R.choice(['Turbine Services', 'Renewables O&M', 'Blade Works'])}")),
              "   Supervisor: ", N(sup.form("full")), ", ", PH(phone(p)), "\n",
              "Employee: ", N(pt.form("full")), "   DOB ", D(dob()), "   cell ", PH(phone(p)), "\n"]
    if chance(0.5):
        lab, v = ssn()
        parts += [lab, SS(v), "\n"]
    parts += ["Date of injury: ", D(date()), " at ", R.choice(["10:40", "14:05", "07:55"]), ". ",
              R.choice(["Suspended in harness 11 min after a fall-arrest event in the nacelle hatch; "
                        "suspension trauma precautions, rhabdo labs.",
                        "Crush injury R hand between yaw gear and housing; open 3rd metacarpal fracture.",
                        "Heat illness during tower climb, temp 39.6 C, confused at the top platform.",
                        "Arc flash in the down-tower cabinet; 2nd-degree burns to face and forearms."]), "\n",
              "Rescue: tower descent device, ground crew ", N(person().form("given")), ", EMS to ",
              F(hospital(st)), ".\n"]
    if chance(0.7):
        parts += ["Company pickup: ", st, " plate ", VE(plate(st))]
        if chance(0.5):
            parts += [", VIN ", VE(vin())]
        parts += ["; employee's own truck left at the O&M building.\n"]
    parts += ["Claim ", AC(claim()), "; adjuster ", N(adj.form("full")), ", ", EM(email(adj)), "\n",
              "Photos: ", U(f"https://ehs.{slug(op)}.com/incident/{digits(6)}")]
    return parts, ""


def sh_rpm():
    """Remote patient monitoring enrolment (cellular cuff and scale)."""
    p = place()
    st = st_of(p)
    pt = person()
    cg = person()
    nurse = person("F")
    rel = R.choice(["daughter", "son", "niece", "grandson", "neighbor", "son-in-law"])
    parts = ["Remote Patient Monitoring - Enrollment\n",
             "Program: ", F(clinic(p)), " RPM   Enrolled ", D(date()), " by ", N(nurse.form("given")), " ",
             N(nurse.form("sur")), ", RN\n",
             "Patient: ", N(pt.form("mid")), " (", AG(age90()), " y/o ", pt.sex, ")   DOB ", D(dob(old=True)), "\n",
             "MBI ", AC(mbi()), "\n"]
    if chance(0.6):
        lab, v = ssn("last4")
        parts += [lab, SS(v), "\n"]
    parts += ["Address: ", AD(street(p))]
    if chance(0.3):
        parts += [" ", AD(R.choice(UNITS))]
    parts += [", ", L(p[0]), " ", p[2], " ", Z(zipcode(p)), "\n",
              *(["County: ", L(c), "\n"] if chance(0.5) and (c := county_of(p)) else []),
              "Devices shipped: BP cuff ", R.choice(["BodyTrace BT105", "Smart Meter iBP", "Tenovi BPM"]),
              " IMEI ", DV(imei()), "; scale ", R.choice(["BodyTrace BT004", "Smart Meter iScale"]), " IMEI ",
              DV(imei()), "\n",
              "Readings relay: gateway ", IP(ip()), " (no home Wi-Fi; cellular only)\n",
              "Alert thresholds: SBP >170 or <95; weight gain >3 lb/24 h or 5 lb/week (HFrEF, EF 30%).\n",
              "Caregiver: ", N(cg.form("full")), " (", rel, "), ", PH(phone(p)), ", ", EM(email(cg)), "\n",
              N(pt.form("given")), " ", R.choice(["prefers calls after ten in the morning", "is hard of hearing; call the "
                                                 + rel + " first", "checks readings on the tablet"]), ".\n"]
    if chance(0.6):
        parts += ["Portal: ", U(f"https://rpm.{slug(p[0])}clinic.org/patient/{digits(6)}"), "\n"]
    return parts, ""


def sh_retina():
    """Teleretinal diabetic eye screening report."""
    p = place()
    st = st_of(p)
    pt, reader, photog = person(), person(), person()
    site = clinic(p)
    parts = ["TELERETINAL DIABETIC EYE SCREENING\n",
             "Imaging site: ", F(site), "   Photographer: ", N(photog.form("init")), "\n",
             "Pt name: ", N(pt.form("Lf")), "   DOB: ", D(dob()), "   MRN: ", MR(mrn()), "\n",
             "Acct: ", AC(uniq(lambda: "V" + digits(9))), "   Imaged: ", D(date()), "\n",
             "Camera: Topcon NW400, 45 degree, 2 fields each eye, non-mydriatic. Uploaded from ", IP(ip()),
             ".\n",
             "OD: mild NPDR, scattered dot-blot hemorrhages, no CSME. OS: moderate NPDR, hard exudates "
             "1 DD from the fovea, CSME cannot be excluded.\n",
             "Read by ", N(reader.form("full")), ", OD (", st, " lic. ", LI(state_lic(st, "OD")), "; NPI ",
             LI(npi()), ")\n"]
    if chance(0.5):
        parts += ["Viewer session from ", IP(ip()), "\n"]
    parts += ["Images: ", U(f"https://{R.choice(['eyepacs', 'retina-read', 'iris-view'])}.example.net/study/"
                           f"{alnum(10).lower()}"), "\n",
              "Refer to ophthalmology within 4 weeks; reading center fax ", FX(phone()), ".\n"]
    if chance(0.3):
        parts += ["Result called to ", N(pt.form("given")), " on ", D(date()), ", ", PH(phone(p)), ".\n"]
    return parts, ""


def sh_goals():
    """Palliative care family meeting (goals of care) note."""
    p1, p2 = place(), place()
    st = st_of(p1)
    pt = person()
    dau = person("F")
    son = person("M")
    pc = person()
    parts = ["Palliative Care - Family Meeting Note   ", D(date()), "\n",
             "Patient: ", N(pt.form("full")), ", MRN ", MR(mrn()), ", DOB ", D(dob(old=True)), ", age ",
             AG(age90()), "\n",
             "Facilitator: ", N(pc.form("full")), ", ", R.choice(["MD", "NP", "LCSW"]), " - ", F(hospital(st)), "\n\n",
             "Present: daughter ", N(dau.form("full")), " (health-care proxy), who drove from ", L(p1[0]), "; son ",
             N(son.form("given")), " by video from ", L(p2[0]), ", ", p2[2], "; chaplain.\n",
             "Illness understanding: ", R.choice(["knows the heart is failing and that the last two admissions were "
                                                  "harder", "understands the cancer has spread to the liver",
                                                  "sees the dementia as the bigger problem than the pneumonia"]),
             ".\nWhat matters most: ", R.choice(["being home for the calving", "seeing the grandchildren at "
                                                  "Easter", "not going back to the ICU", "her garden and her dog"]),
             ". ", N(pt.form("given")), " said ", R.choice(["'no more machines'", "'let me go home'",
                                                             "'ask my daughter, she knows'"]), ".\n",
             "Decisions: DNR/DNI, POLST completed, home hospice referral to ",
             F(uniq(lambda: f"{p1[0]} {R.choice(['Hospice', 'Home Health & Hospice', 'Hospice House'])}")), ".\n"]
    if chance(0.5):
        parts += ["Son's video link connected from ", IP(ip()), ".\n"]
    if chance(0.4):
        parts += ["Family update page: ", U(f"https://www.caringbridge.org/site/{slug(pt.given)}{slug(pt.surname)}"),
                  "\n"]
    parts += ["Proxy contact: ", PH(phone(p1)), ", ", EM(email(dau)), "\n",
              "Questions: ", PH(phone(p1) + ext())]
    return parts, ""


def sh_headstart():
    """Migrant and Seasonal Head Start health screening form."""
    p = place(R.choice(["WA", "OR", "NE", "AR", "NJ", "AZ", "ID"]))
    st = st_of(p)
    comm = R.choice(["oax", "oax", "khmer", "ethiop", "akan"])
    mom = person("F", comm)
    dad = person("M", comm)
    kid = person(comm=comm)
    # the child carries the father's surname (and the mother's first surname in Oaxacan families)
    # (in Ethiopian families the child's second name is the father's given name)
    child = Person(kid.given, dad.given if comm == "ethiop" else dad.surname, kid.sex, comm,
                   mom.surname if comm == "oax" else "")
    parts = ["MIGRANT & SEASONAL HEAD START - HEALTH SCREENING\n",
             "Center: ", F(uniq(lambda: f"{p[0]} MSHS Center")), "    Enrolled: ", D(date()), "\n",
             "Child: ", N(child.form("full")), "   DOB: ", D(date("child", R.choice([0, 1, 3, 10]))), "   Sex: ",
             child.sex, "\n",
             "Mother: ", N(mom.form("full")), "   Father: ", N(dad.form("full")), "\n",
             "Crop/employer: ", R.choice({"WA": ["lentils, ", "apples, "], "ID": ["seed peas, ", "potatoes, "],
                                          "OR": ["hay, ", "onions, "], "NE": ["sugar beets, ", "dry beans, "],
                                          "AR": ["poultry, ", "rice, "], "AZ": ["nursery stock, ", "hay, "],
                                          "NJ": ["blueberries, ", "cranberries, "]}[st]),
             F(uniq(lambda: f"{R.choice(['Vista', 'Rio', 'Sunrise', 'Bayside', 'Prairie'])} "
                            f"{R.choice(['Orchards', 'Farms', 'Growers', 'Packing'])} of {p[0]}")), "\n",
             "Housing: ", AD(street(p)), " ", AD(R.choice(UNITS)), ", ", L(p[0]), " ", Z(zipcode(p)), "\n",
             "Phone (mother, WhatsApp): ", PH(phone(p)), "\n",
             "Medicaid/CHIP: ", AC(member(st)), "   Clinic chart: ", MR(mrn()), "\n",
             "Screens: Ht/Wt 50th/60th %ile; Hgb 10.9 (recheck); lead 3 mcg/dL; hearing OAE pass; vision "
             "LEA symbols 20/32 OU; 4 caries (fluoride varnish applied).\n",
             "Language at home: ", R.choice({"oax": ["Mixteco bajo, some Spanish", "Triqui and Spanish"], "khmer": ["Khmer"],
                                             "ethiop": ["Oromo and Amharic", "Amharic"], "akan": ["Twi", "Fante and English"]}[comm]), ". ",
             N(child.form("given")), " ", R.choice(["started crying at the OAE probe", "ate a full breakfast",
                                                    "counts to ten in two languages"]), ".\n"]
    if chance(0.4):
        parts += ["Next screening at the mobile unit on ", D(date(style=R.choice([11, 12, 13]))), ".\n"]
    return parts, ""


def sh_ssp():
    """Syringe services program encounter (outreach), often typed in lower case."""
    p = place()
    st = st_of(p)
    pt, worker = person(), person()
    code = uniq(lambda: (pt.given[:2] + pt.surname[:2]).upper() + digits(4))
    parts = ["SSP outreach encounter - ", F(uniq(lambda: f"{R.choice(['Harm Reduction', 'Outreach', 'Syringe Services', 'Needle Exchange'])}"
                                               f" of {p[0]}")), "\n",
             "date: ", D(date(style=R.choice([0, 2, 12, 3]))), "  site: ",
             R.choice(["behind the feed store in ", "rest area near ", "motel lot, ", "river camp outside "]),
             L(p[0]), "\n",
             "participant code ", AC(code), " (goes by ", N(pt.form("given")), ")\n",
             "outreach worker: ", N(worker.form("given")), "\n",
             "supplies: ", R.choice(["40 x 1 mL 28G, 10 cookers, cottons", "100 x 0.5 mL 29G, sharps container",
                                     "20 x 1 mL 27G, pipes (glass), mouthpieces", "60 x 1 mL 31G, tourniquets"]),
             ", ", R.choice(["2 x naloxone 4 mg nasal", "naloxone 0.4 mg/mL IM kit", "1 x naloxone 8 mg nasal"]),
             ", ", R.choice(["fentanyl and xylazine test strips", "fentanyl test strips", "wound kit",
                             "hygiene kit and socks"]), ".\n",
             R.choice(["wound on L forearm 3 x 2 cm, no fluctuance", "abscess R thigh 4 cm, fluctuant",
                       "cellulitis L hand, streaking to the wrist", "no wounds today, asked about PrEP",
                       "xylazine wound R shin, eschar 2 cm"]), "; referred to ", F(hospital(st)), " walk-in.\n"]
    if chance(0.7):
        parts += ["sleeping in car, ", R.choice(["tan", "maroon", "white"]), " ", R.choice(
            ["Buick", "Subaru", "Ford Taurus", "Honda CR-V"]), ", ", st, " plate ", VE(plate(st)), ".\n"]
    parts += ["best contact: ", PH(phone(p)), R.choice([" (texts only)", " (sister's phone)", ""]), "\n"]
    if chance(0.4):
        parts += ["staff e-mail for follow-up: ", EM(email(worker, "reachout-" + slug(p[0]) + ".org")), "\n"]
    return parts, "lower" if chance(0.5) else ""


def sh_crisis():
    """Mobile crisis team dispatch and response note."""
    p = place()
    st = st_of(p)
    client, caller, clin, dep = person(), person(), person(), person()
    rel = R.choice(["mother", "landlord", "roommate", "pastor", "ex-wife", "neighbor"])
    parts = ["MOBILE CRISIS RESPONSE - ", F(uniq(lambda: f"{R.choice([p[0], p[0], 'Frontier', 'North Country', 'Basin', 'Rim Country'])} "
                                           f"{R.choice(['Behavioral Health', 'Mobile Crisis', 'Crisis Services'])}")), "\n",
             "Call received ", D(date()), " ", R.choice(["2214", "0347", "1630", "0915"]), " via 988 transfer.\n",
             "Caller: ", N(caller.form("full")), " (", rel, "), cb ", PH(phone(p)), "\n",
             "Client: ", N(client.form("LF")), "   DOB ", D(dob(old=(old := chance(0.2)))), "   EHR # ",
             MR(mrn()), "\n"]
    if old:
        parts += ["Client is ", AG(age90()), " and lives alone.\n"]
    parts += ["Location: ", AD(street(p))]
    if chance(0.5):
        parts += [", ", AD(R.choice(UNITS))]
    parts += [", ", L(p[0]), " ", Z(zipcode(p)), "\n",
              "Team: ", N(clin.form("full")), ", LCSW + peer. Deputy ", N(dep.form("sur")),
              " stood by at the road, did not enter.\n",
              "On arrival ", N(client.form("given")), " was sitting in ", R.choice(["his", "her", "their"]),
              " truck, ", st, " ", VE(plate(st))]
    if chance(0.6):
        parts += [" (VIN ", VE(vin()), ")"]
    parts += [", keys surrendered voluntarily. C-SSRS screen positive (ideation with plan, no prior attempt). "
              "Firearms: 2 long guns moved to ", R.choice(["brother's", "neighbor's", "pastor's"]),
              " safe by agreement.\n",
              "Disposition: ", R.choice(["voluntary transport to ", "safety plan at home, follow-up tomorrow at ",
                                         "evaluation at "]), F(hospital(st)), ". Client cell ", PH(phone(p)), ".\n"]
    return parts, ""


def sh_teleicu():
    """Tele-ICU overnight intensivist note."""
    p = place()
    st = st_of(p)
    pt, rn, md = person(), person(), person()
    spoke = hospital(st)
    parts = ["eICU NOTE (virtual intensivist)   ", D(date()), " 02:40\n",
             "Spoke: ", F(spoke), ", ICU bed 4.  Camera cart ", IP(ip()), "\n",
             "Pt: ", N(pt.form("LF")), "  MRN ", MR(mrn()), "  FIN ", AC(uniq(lambda: digits(10))), "\n"]
    if chance(0.5):
        parts += ["Age ", AG(age90()), ", DNR/DNI confirmed with family earlier tonight.\n"]
    parts += ["Called by bedside RN ", N(rn.form("given")), " for MAP 58 on norepinephrine 0.12 mcg/kg/min.\n",
              R.choice(["Assessment: septic shock, urinary source; lactate 3.9 -> 2.6; UOP 20 mL/h x 3 h.\n"
                        "Plan: add vasopressin 0.03 U/min, 500 mL LR bolus, repeat lactate at 0600.\n",
                        "Assessment: GI bleed, Hgb 9.1 -> 7.2; on pantoprazole drip.\n"
                        "Plan: 1 unit PRBC, GI paged for AM scope, hold apixaban.\n",
                        "Assessment: DKA, glucose 612, AG 28, K 3.4.\n"
                        "Plan: hold insulin drip until K above 3.5, replete 20 mEq IV.\n",
                        "Assessment: COPD exacerbation on BiPAP 14/6, pH 7.29, pCO2 68.\n"
                        "Plan: continue BiPAP, repeat ABG in 1 h, intubate if worse.\n"])]
    if chance(0.5):
        parts += ["Has ", R.choice(["a dual-chamber pacemaker", "an ICD", "a CRT-D", "a loop recorder"]),
                  ", SN ", DV(serial()), "; interrogation requested.\n"]
    if chance(0.4):
        parts += ["Hub workstation ", IP(ip()), " lost video 02:51-02:54; audio kept.\n"]
    if chance(0.3):
        parts += ["Outside records faxed from ", F(hospital(st)), ", fax ", FX(phone(p)), ".\n"]
    parts += ["Discussed with ", N(pt.form("given") if chance(0.5) else pt.form("sur")), "'s ",
              R.choice(["daughter", "son", "wife", "husband"]), " by phone ", PH(phone(p)), ".\n",
              N(md.form("full")), ", MD - NPI ", LI(npi()), "\n"]
    return parts, ""


def sh_anesth():
    """Pre-anaesthesia evaluation."""
    p = place()
    st = st_of(p)
    pt, surg, crna = person(), person(), person()
    old = chance(0.45)
    parts = ["PRE-ANESTHESIA EVALUATION\n",
             F(hospital(st)), " - Same Day Surgery\n",
             "Name: ", N(pt.form("LFM")), "   MRN: ", MR(mrn()), "   DOS: ", D(date()), "\n",
             "DOB: ", D(dob(old=old)), "   "]
    if old:
        parts += ["Age: ", AG(age90()), "   "]
    parts += ["ASA ", R.choice(["III", "II", "IV"]), "\n",
              "Procedure: ", R.choice(["L total knee arthroplasty", "cystoscopy with stent exchange",
                                       "R hip hemiarthroplasty", "EGD with dilation", "cataract extraction OD"]),
              " - Dr. ", N(surg.form("sur")), "\n",
              "Airway: Mallampati 3, TMD 5 cm, upper partial denture, limited neck extension.\n",
              "Cardiac: ", R.choice(["pacemaker", "ICD", "no device"]), "\n"]
    if parts[-2] != "no device":
        parts += ["  Device SN ", DV(serial()), " - magnet available, rep paged.\n"]
    if chance(0.4):
        parts += ["Home CPAP, serial ", DV(serial()), ", brought in by family.\n"]
    parts += ["Meds: apixaban held 48 h, metformin held AM, continue metoprolol.\n",
              "Plan: spinal with MAC", R.choice(["", "; GA backup"]), ".\n",
              "Pre-op call to ", N(pt.form("given")), " at ", PH(phone(p)), " on ", D(date(style=R.choice([12, 11, 0]))),
              ".\n",
              "Evaluated by ", N(crna.form("full")), ", CRNA (", st, " ", LI(state_lic(st, "RN")), ")"]
    if chance(0.5):
        parts += ["; supervising anesthesiologist DEA ", LI(dea(surg.surname))]
    return parts, ""


def sh_advdir():
    """Durable power of attorney for health care: signature, witness and notary page."""
    p = place()
    st = st_of(p)
    pr, agent, alt, w1, w2, notary = (person() for _ in range(6))
    parts = ["DURABLE POWER OF ATTORNEY FOR HEALTH CARE - SIGNATURE PAGE\n\n",
             "I, ", N(pr.form("mid")), ", of ", AD(street(p) if chance(0.8) else pobox()), ", ", L(p[0]), ", ",
             *(["County of ", L(c), ", "] if (c := county_of(p)) else []), p[2], " ", Z(zipcode(p)),
             ", appoint as my agent ", N(agent.form("full")), ", ", PH(phone(p)), ", ", EM(email(agent)),
             ", and as alternate ", N(alt.form("full")), ".\n"]
    if chance(0.5):
        parts += ["Principal's age: ", AG(age90()), ".\n"]
    lab, v = ssn()
    parts += ["Principal identification: ", lab, SS(v), "\n"]
    if chance(0.5):
        parts += ["Driver license: ", st, " ", LI(driver_lic(st)), "\n"]
    parts += ["Signed this ", D(uniq(lambda: f"{ordinal(R.randint(1, 28))} day of {R.choice(MONTHS)}")), ", ",
              str(R.choice([2025, 2026])), ", at ",
              F(R.choice([hospital(st), uniq(lambda: f"{p[0]} {R.choice(['Care Center', 'Senior Living', 'Manor'])}")])), ".\n",
              "Witness 1: ", N(w1.form("full")), "   Witness 2: ", N(w2.form("full")), "\n",
              "Neither witness is related to the principal or employed by the facility.\n",
              "Notary: ", N(notary.form("full")), ", commission no. ", LI(uniq(lambda: digits(R.choice([7, 8])))),
              ", expires ", D(date()), "\n"]
    return parts, "upper" if chance(0.2) else ""


def sh_npwt():
    """Negative pressure wound therapy rental order."""
    p = place()
    st = st_of(p)
    pt, doc, hh = person(), person(), person()
    supplier = uniq(lambda: f"{R.choice(['Summit', 'Frontier', 'Valley', 'Pinelands', 'Northway', p[0], p[0]])} "
                           f"{R.choice(['Medical Supply', 'Home Medical', 'DME', 'Respiratory & Medical'])}")
    parts = ["NPWT ORDER / RENTAL AGREEMENT\n",
             "Supplier: ", F(supplier), "  fax ", FX(phone(p)), "  ", U(f"https://orders.{slug(supplier)}.com/npwt/{digits(7)}"), "\n",
             "Patient: ", N(pt.form("full")), "  DOB ", D(dob(old=(old := chance(0.35)))), "\n"]
    if old:
        parts += ["Age ", AG(age90()), "\n"]
    lab, v = ssn()
    parts += [lab, SS(v), "   ", R.choice(PAYERS[st] + ["Medicare"]), " # ", AC(member(st) if chance(0.6) else mbi()),
              "   PA # ", AC(uniq(lambda: "PA" + digits(9))), "\n",
              "Deliver to: ", AD(street(p)), ", ", L(p[0]), " ", p[2], " ", Z(zipcode(p)), "\n",
              "Wound: stage 4 sacral pressure injury 6.2 x 4.8 x 2.1 cm, undermining 2-5 o'clock; "
              "continuous -125 mmHg, black foam, change M/W/F. HCPCS E2402, A6550.\n",
              "Pump: ", R.choice(["V.A.C. Ultra", "ActiV.A.C.", "PICO 7", "Prevena Plus"]), " s/n ", DV(serial()), "\n",
              "Home health: ", F(uniq(lambda: f"{p[0]} Home Health & Hospice")), ", case mgr ",
              N(hh.form("full")), ", ", PH(phone(p)), ", fax ", FX(phone(p)), "\n",
              "Ordering: ", N(doc.form("full")), ", ", R.choice(["MD", "DO", "NP"]), "  NPI ", LI(npi()), "  ",
              EM(email(doc)), "\n",
              "Signed ", D(date()), "\n"]
    return parts, ""


def sh_lakeguard():
    """Beach patrol / lake lifeguard incident report."""
    p = place()
    st = st_of(p)
    v, w, g = person(), person(), person()
    parts = ["LIFEGUARD INCIDENT REPORT\n",
             "Date: ", D(date()), "   Time: 15:20   Waterfront: ",
             R.choice(["town beach", "reservoir swim area", "bayside beach" if st == "NJ" else "pond beach",
                       "state park lake", "river swimming hole"]), " at ", L(p[0]),
             "\n",
             "Guard on duty: ", N(g.form("full")), "\n",
             "Injured: ", N(v.form("full")), ", age ", R.choice(["9", "14", "37", "62"]), "\n",
             "Address: ", AD(street(p)), ", ", L(p[0]), " ", Z(zipcode(p)), "   Phone: ", PH(phone(p)), "\n",
             "Narrative: ", R.choice([
                 "swimmer signaled distress 40 yd from the dock; rescue tube, extricated by 2 guards. "
                 "Alert, coughing, SpO2 93% RA, lungs with scattered crackles R base. No spinal concern.",
                 "dove from the rope swing into shallow water; c-collar and backboard, moves all 4, "
                 "midline neck tenderness.",
                 "found face down near the buoy line, rescue breaths x2, then spontaneous breathing; "
                 "vomited once, GCS 14.",
                 "stung by a wasp on the swim dock; hives and lip swelling, epinephrine 0.3 mg IM from "
                 "the AED cabinet kit at 15:26."]), "\n",
             "Witness: ", N(w.form("given")), " ", N(w.form("sur")), ", ", PH(phone(p)), ", ",
             EM(email(w)), "\n"]
    if chance(0.5):
        parts += ["Involved craft: ", R.choice(["jet ski", "bass boat", "pontoon"]), " reg. ",
                  VE(uniq(lambda: f"{st} {digits(4)} {up(2)}")), ", trailer plate ", VE(plate(st)), "\n"]
    if chance(0.5):
        parts += ["Pt wears an insulin pump (", R.choice(["Omnipod 5", "t:slim X2", "MiniMed 780G"]), ", SN ",
                  DV(serial()), "); pump removed and bagged with the patient.\n"]
    parts += ["EMS: ", F(uniq(lambda: f"{p[0]} {R.choice(['Ambulance', 'Rescue Squad', 'Fire & EMS'])}")),
              " transported to ", F(hospital(st)), ".\n"]
    return parts, ""


def sh_logging():
    """Logging crew first-aid and medevac log, typed in capitals half the time."""
    p = place(R.choice(["OR", "ID", "NH", "AR", "AZ"]))
    st = st_of(p)
    inj, fore = person("M"), person()
    co = uniq(lambda: f"{R.choice(['Hatchet Ridge', 'Cold Spring', 'Deadwood Creek', 'Two Forks', 'Big Notch', 'Sawtooth', 'Elk Wallow', 'Bear Trap'])} "
                      f"{R.choice(['Logging', 'Timber', 'Forest Products'])}")
    parts = ["CREW FIRST AID / MEDEVAC LOG - ", F(co), "\n",
             "Unit: ", R.choice(["sale 14, landing 3", "cable side, unit 7", "Cat side, skid road B"]),
             ", about 19 mi from ", L(p[0]), "\n",
             "Date ", D(date()), "  Time of injury 10:05\n",
             "Injured: ", N(inj.form("full")), ", ", R.choice(["choker setter", "faller", "chaser", "processor op"]), "\n",
             "Foreman: ", N(fore.form("full")), "  sat phone ", PH(uniq(lambda: f"+8816 {digits(4)} {digits(4)}")), "\n",
             "MOI: struck by a ", R.choice(["rolling log", "snapped limb", "swinging choker"]),
             "; open L tib/fib, bleeding controlled with a CAT tourniquet at 10:09.\n",
             "Activated ", R.choice(["inReach Mini 2 (IMEI ", "ACR ResQLink PLB (UIN "])]
    if "IMEI" in parts[-1]:
        parts += [DV(imei()), ")"]
    else:
        parts += [DV(uniq(lambda: "".join(R.choice("0123456789ABCDEF") for _ in range(15)))), ")"]
    parts += [" at 10:12; helicopter LZ at the landing.\n",
              "Crew rig: ", st, " ", VE(plate(st))]
    if chance(0.5):
        parts += [", VIN ", VE(vin())]
    parts += ["\nFlown to ", F(hospital(st)), ". L&I / comp claim ", AC(claim()), ".\n"]
    if chance(0.5):
        parts += ["Wife ", N(person("F").form("given")), " notified at ", PH(phone(p)), ".\n"]
    return parts, "upper" if chance(0.5) else ""


def sh_labrpt():
    """Clinical laboratory result report from a reference lab."""
    p = place()
    st = st_of(p)
    pt, doc = person(), person()
    lab = uniq(lambda: f"{R.choice(['Palouse', 'High Plains', 'North Country', 'Rim Country', 'Pinelands', 'River Valley', p[0], p[0]])}"
                       f" {R.choice(['Clinical Laboratory', 'Reference Lab', 'Pathology Associates'])}")
    parts = [F(lab), "   CLIA ", LI(uniq(lambda: f"{R.randint(10, 53)}D{digits(7)}")), "\n",
             "PATIENT: ", N(pt.form("LF")), "   DOB: ", D(dob(style=R.choice([8, 7, 3]), old=(old := chance(0.3)))), "   SEX: ",
             pt.sex, "\n"]
    if old:
        parts += ["AGE: ", AG(age90(words=False)), "Y\n"]
    parts += ["MRN: ", MR(mrn()), "   ACCESSION: ", AC(uniq(lambda: f"{up(1)}{digits(2)}-{digits(6)}")), "\n",
              "COLLECTED: ", D(coll := date(style=8)), " 0712   RECEIVED: ", D(coll), " 1340\n",
              "ORDERING: ", N(doc.form("LF")), "  NPI ", LI(npi()), "  ", F(clinic(p)), "  PH ", PH(phone(p)),
              "  FAX ", FX(phone(p)), "\n"]
    if chance(0.4):
        parts += ["PATIENT ADDR: ", AD(street(p)), ", ", L(p[0]), " ", p[2], " ", Z(zipcode(p)), "\n"]
    if chance(0.5):
        lab_, v = ssn()
        parts += [lab_, SS(v), "\n"]
    parts += ["TEST                 RESULT   FLAG  REF\n",
              "Sodium               131      L     135-145 mmol/L\n",
              "Potassium            5.6      H     3.5-5.1 mmol/L\n",
              "Creatinine           2.14     H     0.60-1.20 mg/dL\n",
              "eGFR (CKD-EPI 2021)  29       L     >=60\n",
              "Hemoglobin A1c       9.8      H     <5.7 %\n"]
    if chance(0.5):
        parts += ["Results also at ", U(f"https://results.{slug(lab)}.com/r/{alnum(9)}"), "\n"]
    return parts, "upper" if chance(0.3) else ""


def sh_asylum():
    """Forensic medical evaluation for an asylum case (declaration)."""
    p = place()
    st = st_of(p)
    cl = person(comm=R.choice(["ethiop", "akan", "yoruba", "khmer", "oax"]))
    atty, doc = person(), person()
    parts = ["DECLARATION OF ", N(doc.form("full").upper()), ", MD, IN SUPPORT OF ASYLUM APPLICATION\n",
             "Re: ", N(cl.form("full")), ", A# ", AC(uniq(lambda: f"{digits(3)}-{digits(3)}-{digits(3)}")), "\n",
             "1. I am licensed to practice medicine in ", st, " (license ", LI(state_lic(st, "MD")),
             ") and volunteer with the ", F(uniq(lambda: f"{p[0]} Human Rights Clinic")), ".\n",
             "2. I evaluated ", N(cl.form("given") if cl.comm != "khmer" else cl.form("sur")), " in person on ",
             D(date()), " and by video on ", D(date(style=R.choice([0, 4, 5, 12, 14]))), ", with an interpreter by phone.\n",
             "3. ", R.choice(["Linear hyperpigmented scars on the posterior thorax are highly consistent with the "
                              "reported beating with a cable.",
                              "Bilateral wrist scars are typical of the reported prolonged restraint.",
                              "The healed deformity of the left fifth metacarpal is consistent with the account."]),
             " PCL-5 score 58.\n",
             "4. The applicant now lives in ", L(p[0]), " and is followed at ", F(hospital(st)), ".\n",
             "Counsel: ", N(atty.form("full")), ", Esq., ", EM(email(atty, "immigrationlaw-" + slug(p[0]) + ".org")),
             ", tel ", PH(phone(p)), ", fax ", FX(phone(p)), "\n"]
    if chance(0.4):
        parts += ["Video evaluation connected from ", IP(ip()), ".\n"]
    if chance(0.5):
        parts += ["Photographs uploaded to ", U(f"https://share.example-law.org/s/{alnum(11)}"), "\n"]
    parts += ["Executed on ", D(date(style=4)), ".\n"]
    return parts, ""


def sh_mlp():
    """Medical certificate to stop a utility shut-off (medical-legal partnership)."""
    p = place()
    st = st_of(p)
    pt, doc, para = person(), person(), person()
    util = uniq(lambda: f"{R.choice([p[0], p[0], p[1] or p[0], {'WA': 'Palouse', 'ID': 'Clearwater', 'OR': 'Harney', 'NE': 'Panhandle', 'NH': 'Coos', 'AR': 'Yell', 'AZ': 'Navopache', 'NJ': 'Bayshore'}[st]])} "
                        f"{R.choice(['Electric Cooperative', 'Rural Electric', 'Power & Light', 'Public Utility District'])}")
    parts = ["MEDICAL CERTIFICATE - SERIOUS ILLNESS / LIFE-SUPPORT EQUIPMENT\n",
             "To: ", F(util), "   Fax: ", FX(phone(p)), "\n",
             "Account holder: ", N(pt.form("full")), "   Account no. ", AC(uniq(lambda: f"{digits(6)}-{digits(3)}")), "\n",
             "Service address: ", AD(street(p))]
    if chance(0.5):
        parts += [" ", AD(R.choice(UNITS))]
    lab, v = ssn("last4")
    parts += [", ", L(p[0]), ", ", p[2], " ", Z(zipcode(p)),
              *(["  (", L(c), " Co.)"] if (c := county_of(p)) else []), "\n",
              lab, SS(v), " (utility requires for verification)\n",
              "Household member needing equipment: ", N(pt.form("given") if chance(0.5) else person().form("full")), "\n",
              "Equipment: ", R.choice(["oxygen concentrator Inogen at Home", "EverFlo 5 L concentrator",
                                       "home ventilator Trilogy Evo", "enteral feeding pump Kangaroo Joey"]),
              ", serial ", DV(serial()), "\n",
              "Diagnosis: COPD with chronic hypoxic respiratory failure, 3 L/min continuous.\n",
              "I certify that termination of service would be especially dangerous to health. Valid 30 days from ",
              D(date()), ".\n",
              "Physician: ", N(doc.form("full")), ", ", st, " lic. ", LI(state_lic(st, "MD")), ", ", PH(phone(p)), "\n",
              "MLP paralegal: ", N(para.form("full")), ", ", EM(email(para)), ", case portal ",
              U(f"https://mlp.example-legalaid.org/case/{digits(6)}"), "\n"]
    return parts, ""


def sh_safety():
    """Patient safety event report (fall, lost property)."""
    p = place()
    st = st_of(p)
    pt, rn, wit = person(), person(), person()
    parts = ["PATIENT SAFETY EVENT REPORT\n",
             "Facility: ", F(hospital(st) if chance(0.5) else uniq(lambda: f"{p[0]} {R.choice(['Care Center', 'Rehabilitation', 'Nursing & Rehab'])}")),
             "   Unit: 2 West\n",
             "Event date: ", D(ev := date()), " 03:15   Reported: ", D(ev if chance(0.5) else date()), "\n",
             "Patient: ", N(pt.form("Lf")), "   MRN ", MR(mrn()), "\n"]
    if chance(0.7):
        parts += ["Age: ", AG(age90()), "   Morse fall score 85\n"]
    parts += ["Event type: unassisted fall; found on floor beside the bed by ", N(rn.form("full")), ", RN. ",
              "Bed alarm was off after the 0200 turn. Small occipital hematoma; CT head negative.\n",
              ]
    if pt.sex == "M" and chance(0.5):
        parts += ["Mr. ", N(pt.form("sur"))]
    else:
        parts += [N(pt.form("given"))]
    parts += [" said ", "he" if pt.sex == "M" else "she", " was going to the bathroom.\n"]
    if chance(0.6):
        parts += ["Lost property: hearing aids L/R, ", R.choice(["Phonak Audeo", "Oticon More", "Starkey Evolv"]),
                  " serials ", DV(serial()), " / ", DV(serial()), "\n"]
    parts += ["Witness: ", N(wit.form("full")), " (CNA)\n",
              "Family notified: ", R.choice(["daughter", "son", "spouse"]), " at ", PH(phone(p)), " on ",
              D(date(style=12)), "\n"]
    return parts, ""


def sh_echo():
    """ECHO case presentation form from a rural spoke, with identifiers the presenter left in."""
    p = place()
    st = st_of(p)
    pres, pcp = person(), person()
    pt = person()
    prog, question, can_be_old = R.choice([
        ("Rural Dementia Care ECHO", "how to manage sundowning without antipsychotics", True),
        ("Chronic Wound ECHO", "whether to keep offloading or refer for flap", True),
        ("Perinatal Substance Use ECHO", "buprenorphine induction with fentanyl use in pregnancy", False),
        ("Heart Failure in the Frontier ECHO", "diuretic titration with a 3 h drive to labs", True),
        ("Pediatric Asthma ECHO", "step-up therapy when the family cannot afford the inhaler", False)])
    old = can_be_old and chance(0.6)
    rel, rel_sex = R.choice([("daughter", "F"), ("son", "M"), ("partner", None), ("granddaughter", "F"),
                             ("mother", "F"), ("husband", "M")])
    parts = [prog, " - Case Presentation Form\n",
             "Presenter: ", N(pres.form("full")), ", ", R.choice(["FNP-C", "PA-C", "MD", "RN BSN", "CHW"]),
             ", ", F(clinic(p)), "\n",
             "Session: ", D(date(style=R.choice([0, 3, 4, 5]))), "\n",
             "Patient initials: ", N(pt.form("init").replace(".", "") if chance(0.5) else pt.form("init")),
             "   Age: ", AG(age90()) if old else str(R.randint(19, 84) if can_be_old else R.randint(4, 38)),
             "   Sex: ", pt.sex, "\n",
             "County of residence (frontier/rural): ",
             *([L(c)] if (c := county_of(p)) else ["[not given]"]), "\n",
             "Case question: ", question, "\n",
             "History: lives with ", rel, " ", N(person(rel_sex).form("given")),
             R.choice([" in a trailer on ", " in a farmhouse at ", " in an apartment at "]), AD(street(p)),
             " outside ", L(p[0]), ". Hospitalized at ", F(hospital(st)), " on ", D(date(style=R.choice([0, 12, 4]))),
             ".\n",
             "PCP: Dr. ", N(pcp.form("sur")), ". ", R.choice(PAYERS[st]), " ID on the referral: ", AC(member(st)),
             "\n"]
    if chance(0.35):
        parts += ["MRN (spoke): ", MR(mrn()), "\n"]
    parts += ["Presenter contact: ", EM(email(pres)), ", ", PH(phone(p))]
    if chance(0.3):
        parts += [", joined from ", IP(ip())]
    return parts, ""


def sh_worklist():
    """Care-management daily worklist exported as a pipe table."""
    p = place()
    st = st_of(p)
    cm = person()
    rows = []
    for _ in range(R.randint(3, 4)):
        pt = person()
        old = chance(0.35)
        row = ["| ", N(pt.form("LF") if chance(0.5) else pt.form("Lf")), " | ", D(dob(old=old)), " | ",
               AC(mbi() if chance(0.5) else member(st)), " | "]
        if chance(0.4):
            row += [SS(uniq(lambda: digits(4))), " | "]
        else:
            row += ["  | "]
        row += [PH(phone(p)), " | ",
                R.choice(["BP 182/96 x2", "wt +4 lb", "no readings 5 d", "SpO2 86%", "BG 48", "missed visit"]),
                *(["; age ", AG(age90())] if old else []), " |\n"]
        rows += row
    parts = ["Care Management Worklist - ", F(clinic(p)), " - printed ", D(date(style=R.choice([0, 1, 3]))), "\n",
             "Care manager: ", N(cm.form("full")), "   Workstation ", IP(ip()), "\n\n",
             "| Patient | DOB | Member/MBI | SSN L4 | Phone | Alert |\n",
             "|---|---|---|---|---|---|\n", *rows]
    return parts, ""


SHAPES = [sh_radonc, sh_turbine, sh_rpm, sh_retina, sh_goals, sh_headstart, sh_ssp, sh_crisis, sh_teleicu,
          sh_anesth, sh_advdir, sh_npwt, sh_lakeguard, sh_logging, sh_labrpt, sh_asylum, sh_mlp, sh_safety,
          sh_echo, sh_worklist]


# ---------------------------------------------------------------- hand-written one-offs
# Most put a town, a word name or an eponym surname beside the same word used otherwise.
ONEOFFS = [
    ("raynaud", [
        "Rheum e-consult. Dr. ", N("Raynaud"), " asked whether the color change is Raynaud phenomenon or "
        "early scleroderma. Pt ", N("Pierrette Vachon"), ", seen ", D("11/19/2025"), ", capillaroscopy "
        "shows dropout. Reply to ", EM("c.raynaud@upperccoosvalley.org"), "."]),
    ("magazine", [
        "Nursing note: pt reading a magazine in the lobby when she became diaphoretic. ", N("Efua Sarpong"),
        " drove in from ", L("Magazine"), ", AR, about an hour; glucose 48, given 15 g oral glucose. "
        "Daughter ", N("Adwoa"), " at ", PH("479-963-2207"), "."]),
    ("crane", [
        "Occupational clinic: crane operator, 58, from ", L("Crane"), ", Oregon (", Z("97732"), "), with "
        "shoulder pain after a long lift season. Works for ", F("Harney Basin Aggregate"), ". Seen by ",
        N("Lyle Otley"), ", PA-C, on ", D("Feb. 3rd, 2026"), "."]),
    ("spray", [
        "Pharmacy phone note: refill of fluticasone nasal spray for ", N("Merle Hovda"), " of ", L("Spray"),
        ", OR ", Z("97874"), "; mail to ", AD("PO Box 41"), ". Callback ", PH("(541) 468-2210"),
        ". Rx # ", AC("6604418"), ", last filled ", D("10/30/25"), "."]),
    ("strawberry", [
        "Peds telehealth: infant with a strawberry hemangioma on the scalp, growing. Family lives in ",
        L("Strawberry"), ", AZ, 90 min from ", F("Mogollon Regional Hospital"), ". Mother ",
        N("Zina Rencher"), ", ", EM("zinarencher@hughes.net"), ". Video link ",
        U("https://video.example-peds.org/j/5528-0193"), "."]),
    ("bethlehem", [
        "Interpreter-assisted visit (Amharic). ", N("Bethlehem Tadesse"), " lives in ", L("Bethlehem"),
        ", NH, and works nights at ", F("Ammonoosuc Valley Hospital"), " dietary. ", N("Bethlehem"),
        " reports heavy menses; Hgb 8.1, ferritin 4. Seen ", D("2026-01-14"), "."]),
    ("dupuytren", [
        "Hand clinic: Mr. ", N("Dupuytren"), " (no relation, he jokes) has Dupuytren contracture of the "
        "right ring finger, MCP 45 degrees. ", N("Gaétan Dupuytren"), ", DOB ", D("04/22/1951"), ", MRN ",
        MR("HX402277"), ". Tabletop test positive."]),
    ("khmer", [
        "Community health worker note. Home visit to ", N("CHEA Sokha"), " (Ms. ", N("Sokha"),
        " prefers her given name with the title) at ", AD("816 Glass Works Pnes"), ", ", L("Millville"),
        " ", Z("08332"), ". Son ", N("Dara Chea"), " interpreted. BP 152/90 on amlodipine 5 mg. Next visit ",
        D("the 9th of March"), "."]),
    ("chat", [
        "[patient portal chat]\n", "pt: hi its ", N("rhonda scharff"), " my dad ", N("dale"), " is ", AG("93"),
        " and fell again\n", "rn ", N("kaylee"), ": is he hurt? can you call us at ", PH("308 762 4415"),
        "\n", "pt: no, bruised. we're out past ", L("hemingford"), " on ", AD("county road 58"), "\n",
        "rn ", N("kaylee"), ": ok, I'll ask dr ", N("juhnke"), " for a home PT referral"]),
    ("dictation", [
        "dictated not read. this is ", "doctor ", N("ruppel"),
        " dictating on ", N("wanda tiegs"), " date of birth ", D("march third nineteen thirty"), " she is ",
        AG("ninety-five"), " years old seen today ", D("january twenty-ninth"), " at the ",
        F("alliance family practice"), " for follow-up of atrial fibrillation. rate controlled. end of "
        "dictation."]),
    ("fields", [
        "Ophthalmology: visual fields full to confrontation OU. Patient ranches near ", L("Fields"), ", OR, "
        "and drove 3 h to ", F("Ochoco Rimrock Medical Center"), ". ", N("Shawna Weise"), ", MRN ",
        MR("00004418329"), ", seen ", D("Sep 16, 2025"), "."]),
    ("monument", [
        "Discharge summary excerpt: ", N("Clint Dunten"), ", ", AG("91"), ", of ", L("Monument"), ", OR, "
        "a WWII monument volunteer, admitted ", D("10/2/2025"), " with CHF. Discharged to ",
        F("Blue Mountain Frontier Hospital"), " swing bed."]),
    ("paisley", [
        "Home health: pt wearing a paisley housecoat, alert. ", N("Lorene Cordes"), ", ", AD("HC 73 Box 19"),
        ", ", L("Paisley"), " ", Z("97636"), ". Wound healing. Next visit ", D("12/04"), ". RN ",
        N("T. Skeen"), "."]),
    ("stark", [
        "Referral letter: a stark change in gait over 2 months. ", N("Réal Bérubé"), " of ", L("Stark"),
        ", NH, ", PH("603.636.1127"), ", fax ", FX("603.636.1128"), ". Please see at ",
        F("Upper Coos Valley Hospital"), " neurology. Thank you, ", "Dr. ",
        N("Fortier"), "."]),
    ("oaxaca", [
        "Nota de la promotora / CHW note: Sra. ", N("Macaria Sibaja Zárate"), " (", N("Macaria"),
        ") picks blueberries for ", F("Pinelands Blueberry Co-op"),
        ". Lives at ", AD("Camp 4"), ", ", AD("Cabin 9"), ", ", L("Chatsworth"), ". Cell ", PH("609 726 4431"),
        ". Referred to ", F("Bayshore Pinelands Medical Center"), " prenatal clinic."]),
    ("juniper", [
        "Allergy: ", N("Juniper Frost"), ", 9, worse during juniper pollen season; frostbite last winter on "
        "2 toes. Family in ", L("Havana"), ", AR (not the city), ", PH("479-476-2210"), ". Dr. ",
        N("Wickham"), " notes Wickham striae absent."]),
    ("ranger", [
        "ED note: found by a park ranger at the trailhead. ", N("Ranger Badger"), ", 44, hypothermic. "
        "Truck: AZ ", VE("CYP4410"), " (VIN ", VE(vin()), "). Brother ", N("Colt Badger"), ", ",
        PH("928-337-5521"), ". MRN ", MR("E004418820"), "."]),
    ("plush", [
        "Peds: plush toy held throughout. ", N("Kolt Hovda"), ", age 6, from ", L("Plush"), ", OR. Mom ",
        N("Kimber"), " at ", EM("kimberhovda@wildblue.net"), ". IP of upload ", IP("166.177.12.84"),
        ". SSN on file ", SS("559-40-2217"), "."]),
    ("yell", [
        "Behavioral note: he tends to yell when the hearing aids are out. ", N("Ferris Despain"), " lives in ",
        L("Yell"), " County near ", L("Danville"), ", AR; son ", N("Thayne"), " at ", PH("(479) 495-8813"),
        ". Seen ", D("8/14/2026"), " at ", F("Petit Jean Hospital"), " geri-psych clinic."]),
    ("lake", [
        "Travel clinic: from ", L("Lake"), " County, Oregon (", L("Christmas Valley"), "), swims in the lake "
        "every summer. ", N("Vonda Heap"), ", DOB ", D("1967-02-09"), ", passport photo page scanned; "
        "e-mail ", EM("vondaheap@centurylink.net"), "."]),
    ("pope", [
        "Chaplain note: devout Catholic, watched the Pope's Christmas mass on TV. ", N("Jean-Guy Croteau"),
        " of ", L("Atkins"), " (", L("Pope"), " County), on the Atkins diet per his wife ", N("Huguette"),
        ". Room 312, ", F("Arkansas River Valley Regional Medical Center"), "."]),
    ("christmas", [
        "ED: seen on ", D("Christmas Day 2025"), " after a fall on the ice at home in ", L("Christmas Valley"),
        ", OR ", Z("97641"), ". ", N("Darlene Ruppel"), ", ", AG("ninety-nine"), ", wrist fracture. Grandson ",
        N("Kade"), " drove her in; ", PH("541-576-2190"), "."]),
    ("snowmobile", [
        "Trauma: snowmobile vs tree near ", L("Pittsburg"), ", NH. Sled reg. ", VE("NH 4471ST"),
        ", trailer plate ", VE("3318207"), ". ", N("Normand Paradis"), ", MRN ", MR("M4410093"), ", helmet "
        "camera serial ", DV("GP12K0044871"), ". Wife ", N("Solange"), " en route from ", L("Errol"), "."]),
    ("sidney", [
        "Ortho clinic: ", N("Sidney Krogh"), " from ", L("Sidney"), ", NE ", Z("69162"), ", knee OA, Kellgren-"
        "Lawrence 3. Works at ", F("Sidney Grain & Feed"),
        ". ", N("Sidney"), " will try PT first. Next visit ", D("Apr 2"), "."]),
    ("seun", [
        "Clinic e-mail thread. Re: ", N("Oluwaseun Adeyemi"), " (", N("Seun"), "). ", N("Seun"),
        " missed the INR check on ", D("5/18"), ". Please call ", PH("five zero nine, three three two, four one "
                                                                   "eight eight"),
        " or write ", EM("seun.adeyemi@palouse.net"), ". Dr. ", N("Breslow"), ", ", F("Pullman Family Medicine"),
        "."]),
    ("workexcuse", [
        "To whom it may concern: please excuse ", N("Kwabena Frimpong"), " from work at ",
        F("Vineland Glass Works"), " from ", D("Oct 6"), " through ", D("Oct 13, 2025"), " for a medical "
        "condition. He may return with a 20 lb lifting limit. ", N("T. Lessard"), ", NP, ",
        F("Cohansey Valley Medical Center"), " occupational health, fax ", FX("856-451-7720"), "."]),
]


# ---------------------------------------------------------------- clean passages
EPONYMS = ["Lhermitte sign", "Courvoisier sign", "Durkan compression test", "Duroziez murmur", "Traube space",
           "Ewart sign", "Cheyne-Stokes respiration", "Raynaud phenomenon", "Felty syndrome",
           "Dupuytren contracture", "Ledderhose disease", "Peyronie disease", "Bouchard nodes",
           "a Monteggia fracture", "a Segond fracture", "a Bankart lesion", "the Caprini score",
           "Breslow thickness", "Kegel exercises", "a Broviac catheter", "a Cormack-Lehane grade 2 view",
           "the Yergason test", "the Gaenslen test", "the Kleiger test", "a Tzanck smear", "Darier sign",
           "the Auspitz sign", "the Koebner phenomenon", "Wickham striae", "Gottron papules", "Muehrcke lines",
           "Lindsay nails", "Brushfield spots", "Epstein pearls", "Koplik spots", "Forchheimer spots",
           "Pastia lines", "Dennie-Morgan folds", "Parinaud syndrome", "a Blumer shelf", "Dressler syndrome",
           "Libman-Sacks endocarditis", "Loeffler syndrome", "Buerger disease", "Ebstein anomaly",
           "tetralogy of Fallot", "Alport syndrome", "Fabry disease", "Gaucher disease", "Hurler syndrome",
           "Wernicke encephalopathy", "Broca aphasia", "Wallenberg syndrome", "a Dandy-Walker malformation",
           "von Hippel-Lindau disease"]
WORDS = ["drinks through a straw", "barley tea at breakfast", "frostbite of two toes", "gravel in the abrasion",
         "plum-colored bruising", "fawn-colored stool", "juniper pollen season", "willow bark tea",
         "a park ranger called it in", "a champagne toast at the wedding", "a plush toy for the MRI",
         "works as a crane operator", "saline nasal spray", "visual fields full", "a stark contrast with last year",
         "a paisley quilt", "the county war monument", "strawberry tongue", "pine pollen", "a Havana cigar",
         "a magazine in the waiting room", "within the Milan criteria", "the Atkins diet",
         "Newport menthols, half a pack", "a Quinton catheter", "Oshkosh overalls", "a lakeside cabin",
         "a snowflake pattern quilt", "a heron on the pond", "badger holes in the pasture", "a marquis-cut ring",
         "thresher chaff", "a harrow tine puncture", "rivers of sweat", "a cannon-ball jump",
         "a silver bracelet", "timothy hay", "clementine slices", "a colt in the round pen",
         "the remington shotgun is locked up", "tall fields of wheat", "a pine needle tea habit",
         "a dover sole dinner", "a taylor-made brace"]
DRUGS = ["apixaban 5 mg BID", "metformin 1000 mg BID", "tiotropium 18 mcg daily", "buprenorphine/naloxone 8/2 mg",
         "semaglutide 0.5 mg weekly", "furosemide 40 mg daily", "empagliflozin 10 mg", "modafinil 100 mg",
         "vancomycin 15 mg/kg q12h", "norepinephrine 0.05 mcg/kg/min", "sugammadex 2 mg/kg", "ondansetron 4 mg IV",
         "cefazolin 2 g IV", "levothyroxine 75 mcg", "insulin glargine 22 units at bedtime",
         "doxycycline 100 mg BID for 10 days", "prednisone 40 mg taper", "naloxone 4 mg nasal",
         "amoxicillin 90 mg/kg/day", "ferrous sulfate 325 mg every other day", "cetirizine 5 mg"]
DEVICES = ["ResMed AirSense 11", "Philips DreamStation 2", "WatchPAT ONE", "Topcon NW400", "Omnipod 5",
           "Tandem t:slim X2", "V.A.C. Ultra 4", "Inogen One G5", "Trilogy Evo", "Medtronic Azure XT DR",
           "Dexcom G7", "Garmin inReach Mini 2", "ACR ResQLink 400", "Phonak Audeo P90", "Stryker ProCuity bed",
           "BodyTrace BT105 cuff"]
LABS = ["Hgb 9.7 g/dL", "A1c 8.4%", "eGFR 41", "lactate 2.8 mmol/L", "ferritin 12 ng/mL", "TSH 6.2",
        "LDL 212 mg/dL", "K 5.4", "Na 129", "CK 1,840", "troponin I 0.34", "BNP 1,120", "INR 2.6", "WBC 14.2",
        "platelets 88", "albumin 2.9", "lead 4.1 mcg/dL"]
CODES = ["CPT 95800", "CPT 92229", "CPT 99453", "HCPCS E2402", "HCPCS E0601", "HCPCS A7030", "ICD-10 G47.33",
         "ICD-10 E11.3293", "ICD-10 L89.154", "ICD-10 W30.8XXA", "DRG 871", "LOINC 4548-4", "ICD-10 F11.20",
         "ICD-10 Z91.81", "CPT 99490"]
SCORES = ["STOP-BANG 6", "Epworth 16", "Braden 12", "Morse 55", "PHQ-9 of 19", "GCS 14", "APACHE II 24",
          "ASA III", "Mallampati 4", "CURB-65 of 2", "Caprini 7", "NIHSS 3", "Apgar 8 and 9", "AUDIT-C 5",
          "Wells 4.5", "PCL-5 of 52", "C-SSRS screen negative"]
MEAS = ["BP 168/94", "HR 112", "SpO2 88% on room air", "temp 38.4 C", "weight up 2.3 kg", "wound 4.1 x 3.0 x 0.8 cm",
        "AHI 42 per hour", "FEV1 48% predicted", "EF 35%", "pressure 10 cm H2O", "-125 mmHg continuous",
        "visual acuity 20/40"]
VERSIONS = ["firmware 4.2.1", "app version 3.11", "software 2.0.7", "viewer v12.4", "EHR 2025.1 release",
            "firmware 1.8.0.2"]
TIMES = ["post-op day 2", "during wheat harvest", "after calving", "at shift change", "since last winter",
         "in the 1980s", "three weeks ago", "on hospital day 4", "at age 67", "before beet campaign",
         "every other Tuesday", "since 2019", "in spring"]
AGES = ["a 78-year-old man", "a woman aged 64", "an 84 y/o farmer", "a man of 89", "a 71 yo rancher",
        "a 6-year-old girl", "a 45 year old logger", "an 88-year-old widow", "a 3 yo boy"]

CLEAN_SHAPES = {
    "radonc": ("Radiation skin care teaching", ["Use a fragrance-free moisturizer twice a day, not within "
                                                 "4 hours before treatment.",
                                                 "Fatigue peaks 1-2 weeks after the last fraction.",
                                                 "Patient and center [redacted]."]),
    "turbine": ("Tower climb safety and return to work", ["Inspect the harness and lanyard before every climb.",
                                                          "Suspension trauma: get the worker upright within "
                                                          "minutes.",
                                                          "Technician name [removed]; site [removed]."]),
    "rpm": ("Remote monitoring instructions", ["Sit quietly for five minutes before the reading.",
                                               "Weigh after voiding, before breakfast.",
                                               "The cuff sends readings by itself; no Wi-Fi is needed."]),
    "eye": ("Retinal screening findings", ["Image quality adequate in both eyes.",
                                           "No neovascularization seen.",
                                           "Rescreen in 12 months if no referable disease."]),
    "goals": ("Goals-of-care guidance", ["Ask what the patient understands before giving news.",
                                         "A POLST travels with the patient between settings.",
                                         "Names of family members were [redacted] in this copy."]),
    "headstart": ("Head Start nutrition and screening", ["Whole milk until age 2, then 1%.",
                                                         "Fluoride varnish every 6 months.",
                                                         "Child's name and center [removed]."]),
    "harm": ("Harm reduction teaching", ["Never use alone; test a small amount first.",
                                         "Rotate sites and clean with alcohol.",
                                         "Rescue breathing if no response to naloxone in 2-3 minutes."]),
    "crisis": ("Safety planning", ["Warning signs, coping steps, people to call, means restriction.",
                                   "Firearms stored off site by agreement.",
                                   "Client and caller [redacted]."]),
    "icu": ("ICU protocol reminder", ["Reassess MAP goal of 65 every hour.",
                                      "Daily sedation holiday and spontaneous breathing trial.",
                                      "Bed [removed]; hub camera checked."]),
    "anesthesia": ("Airway and anesthesia notes", ["Video laryngoscope in the room.",
                                                   "Magnet over the device for electrocautery above the umbilicus.",
                                                   "NPO after midnight, clears until 2 hours before."]),
    "advdir": ("Advance directive guidance", ["The agent decides only when the principal cannot.",
                                              "Two adult witnesses or a notary are needed.",
                                              "Principal, agent and witnesses [redacted]."]),
    "npwt": ("Wound vac care", ["Change the canister when full or weekly.",
                                "If the alarm sounds and the seal cannot be fixed within 2 hours, remove "
                                "the dressing and pack with moist gauze.",
                                "Supplier and patient [removed]."]),
}


POOL_FRAMES = [
    (EPONYMS, ["Exam: {} noted.", "History of {}.", "Differential includes {}.", "Teaching sheet covers {}."]),
    (WORDS, ["Social: {}.", "Patient mentions {}.", "Aside: {}."]),
    (DRUGS, ["Meds: {}.", "Continue {}.", "Started {}."]),
    (DEVICES, ["Equipment: {}.", "Device model {}."]),
    (LABS, ["Labs: {}.", "Last result {}."]),
    (CODES, ["Billing: {}.", "Coded {}."]),
    (SCORES, ["{} today.", "Score: {}."]),
    (MEAS, ["{} at the visit.", "Measured {}."]),
    (VERSIONS, ["System: {}.", "Updated to {}."]),
    (TIMES, ["Symptoms began {}.", "Worse {}.", "Next step {}."]),
    (AGES, ["Patient is {}.", "Seen as {}."]),
]


def clean_passage(shape: str) -> str:
    """A stitched clean passage in the manner of one identifier shape: no identifier at all."""
    title, lines = CLEAN_SHAPES[shape]
    out = [title + ": " + R.choice(lines)]
    for i in R.sample(range(len(POOL_FRAMES)), R.randint(4, 6)):
        pool, frames = POOL_FRAMES[i]
        text = R.choice(frames).format(R.choice(pool))
        out.append(text[0].upper() + text[1:])
    if R.random() < 0.5:
        out.append(R.choice([x for x in lines if x not in out[0]]))
    return " ".join(out)


# ---------------------------------------------------------------- main
def commit() -> None:
    for k in CUR:
        USED[k] += 1
    CUR.clear()


def main() -> None:
    rows = []
    for name, parts in ONEOFFS:
        CUR.clear()
        for part in flatten(parts):
            if isinstance(part, tuple) and part[1] != "AGE":
                CUR.add(part[0].lower())
        text, spans = assemble(parts)
        commit()
        rows.append(("id-oneoff-" + name, text, spans))
    n_gen = N_ID - len(ONEOFFS)
    plan = [SHAPES[i % len(SHAPES)] for i in range(n_gen)]
    R.shuffle(plan)
    for shape in plan:
        for _ in range(500):
            CUR.clear()
            try:
                parts, case = shape()
            except Retry:
                continue
            text, spans = assemble(parts, case)
            values = {text[s:e].lower() for s, e, c in spans if c != "AGE"}
            if all(USED[v] < 2 for v in values):
                CUR.clear()
                CUR.update(values)
                commit()
                break
        else:
            raise SystemExit(f"could not draw a passage for {shape.__name__}")
        rows.append(("id-" + shape.__name__[3:], text, spans))
    clean_plan = [s for s in CLEAN_SHAPES for _ in range(N_CLEAN // len(CLEAN_SHAPES))]
    for shape in clean_plan:
        rows.append(("clean-" + shape, clean_passage(shape), []))
    R.shuffle(rows)
    out = Path(__file__).resolve().with_name("heldout.jsonl")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for n, (kind, text, spans) in enumerate(rows, 1):
            row = {"id": f"T-P{n:03d}-{kind}", "split": "heldout", "carrier": "", "text": text,
                   "spans": sorted(spans)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
