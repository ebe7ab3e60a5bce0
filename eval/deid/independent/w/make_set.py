#!/usr/bin/env python3
"""Write set W (heldout.jsonl beside this file): 270 identifier passages and 180 clean ones.

Standard library only; seeded; the same bytes whatever PYTHONHASHSEED or working directory.
A passage is a list of text pieces and (value, CATEGORY) pairs joined in order, so the gold
span of a value is its own position by construction.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path

SEED = 2026120721
R = random.Random(SEED)

# ---------------------------------------------------------------- places (real towns)
# region: (state, area codes, ZIP prefixes, towns)
REGIONS = {
    "arrowhead": ("MN", ["218"], ["556", "557", "566"], [
        "Embarrass", "Babbitt", "Biwabik", "Eveleth", "Hoyt Lakes", "Mountain Iron", "Chisholm",
        "Hibbing", "Side Lake", "Finland", "Isabella", "Two Harbors", "Silver Bay", "Hovland",
        "Lutsen", "Tofte", "Schroeder", "Grand Marais", "Warroad", "Baudette", "Williams",
        "Littlefork", "Nett Lake", "Kabetogama", "Floodwood", "Brimson",
        "Alborn", "Meadowlands", "Togo", "Bigfork", "Effie", "Northome", "Mizpah", "Buyck",
        "Ray", "Loman", "Birchdale", "Indus", "Wrenshall", "Esko", "Makinen", 
        "Kinney", "McKinley", "Saginaw", "Culver", "Zim", "Kelsey", "Angora", "Cusson", "Gheen",
        "Kerrick", "Duquette", "Willow River", "Finlayson", "Askov", "Sandstone", "Bruno",
        "Markville", "Cromwell", "Tamarack", "McGregor", "Palisade", "Hill City", "Swatara",
        "Jacobson"]),
    "cumberland": ("TN", ["931"], ["385"], [
        "Defeated", "Static", "Pall Mall", "Allons", "Hilham", "Rickman",
        "Monterey", "Baxter", "Algood", "Byrdstown", "Celina", "Gainesboro", "Allardt",
        "Clarkrange", "Grimsley", "Wilder", "Whitleyville", "Granville",
        "Doyle", "Quebeck", "Smithville", "Dowelltown", "Sligo", "Bon Air", "Ravenscroft",
        "Crab Orchard", "Pleasant Hill", "Rock Island", "Walling", "Timberlake"]),
    "kycumberland": ("KY", ["606", "270"], ["426", "427"], [
        "Monticello", "Burkesville", "Marrowbone", "Creelsboro",
        "Tompkinsville", "Gamaliel", "Fountain Run", "Mount Hermon", "Hestand",
        "Summer Shade", "Knifley", "Gradyville", "Cane Valley", "Dubre", "Peytonsburg", "Waterview",
        "Amandaville"]),
    "borderlands": ("AZ", ["520"], ["856"], [
        "Nogales", "Patagonia", "Sonoita", "Tubac", "Tumacacori", "Amado", "Arivaca", "Sasabe",
        "Sells", "Ajo", "Lukeville", "Topawa", "Pisinemo", "Santa Rosa", "Chui Chu",
        "Vamori", "Quijotoa", "Pirtleville", "Naco", "Palominas", "Hereford", "Elfrida",
        "Portal", "Paradise", "Kohatk", "Ali Chukson", "Komelik", "Gu Oidak", "Ventana", "Kaka",
        "Schuchk", "Sil Nakya", "Arivaca Junction", "Cowlic", "Stoa Pitk"]),
    "mesas": ("AZ", ["928"], ["860"], [
        "Kykotsmovi", "Hotevilla", "Polacca", "Shungopavi", "Moenkopi", "Bacavi",
        "Mishongnovi", "Sichomovi", "Walpi", "Fredonia", "Littlefield", "Moccasin", "Supai",
        "Valle"]),
    "wallowa": ("OR", ["541"], ["978", "979"], [
        "Joseph", "Wallowa", "Lostine", "Imnaha", "Richland",
        "Adrian", "Nyssa", "Vale", "Juntura", "Unity", "Ironside", "Huntington", "Drewsey",
        "Rome", "Arock", "Cove", "Sumpter", "Seneca", "Dayville",
        "Elgin", "Island City", "Imbler", "Summerville", "North Powder", "Keating", "Durkee",
        "Brogan", "Westfall", "Riverside", "Frenchglen", "Andrews", "Ukiah", "Hardman", "Kimberly",
        "Mitchell"]),
}
REGION_KEYS = sorted(REGIONS)

# ---------------------------------------------------------------- names (typed here)
COMMUNITIES = {
    "hausa": (["Aminu", "Hauwa", "Bashir", "Ladidi", "Binta", "Garba", "Lawal", "Hadiza",
               "Kabiru", "Jummai", "Sani", "Rabi", "Nasiru", "Musa", "Yusuf", "Safiya", "Umaru",
               "Habiba", "Zulai"],
              ["Danjuma", "Abdullahi", "Gambo", "Yakubu", "Dankwambo", "Mai-Bornu", "Dan-Azumi",
               "Shehu", "Tukur", "Bappah", "Kano-Gwarzo"]),
    "nguni": (["Sipho", "Thandeka", "Nomvula", "Lwazi", "Zanele", "Bongani", "Ayanda",
               "Siyabonga", "Nokuthula", "Mandla", "Thabo", "Lindiwe", "Themba", "Nandi", "Sizwe"],
              ["Dlamini", "Ngcobo", "Mkhize", "Zungu", "Mthembu", "Khumalo", "Nxumalo",
               "Mahlangu", "Gumede", "Cele", "Ntuli"]),
    "afrikaans": (["Riaan", "Marnus", "Elmarie", "Anneke", "Jaco", "Ilse", "Wessel", "Hanlie",
                   "Christo", "Lize", "Gerrit", "Marietjie", "Hendrik", "Zelda", "Pieter"],
                  ["van der Westhuizen", "du Plessis", "Janse van Rensburg", "de Villiers",
                   "van Wyk", "Steyn", "Swanepoel", "Coetzee", "Oosthuizen", "Badenhorst",
                   "le Grange"]),
    "kenyan": (["Wanjiru", "Kamau", "Njeri", "Otieno", "Achieng", "Wambui", "Mwangi", "Akinyi",
                "Nyambura", "Kipchoge", "Jeptoo", "Wairimu", "Mumbi"],
               ["Kariuki", "Gitau", "Wanyama", "Ochieng", "Omondi", "Njoroge", "Muriuki",
                "Okoth", "Owino", "Kimani"]),
    "sinhala": (["Chathurika", "Nuwan", "Dilani", "Kasun", "Sanduni", "Tharindu", "Ishara",
                 "Lahiru", "Madushani", "Nimal", "Ruwani", "Pradeep", "Thilini", "Chaminda"],
                ["Wickramasinghe", "Jayawardena", "Gunawardena", "Rajapaksha", "Senanayake",
                 "Abeysekera", "Dissanayake", "Herath", "Weerasinghe", "Ranasinghe-Perera",
                 "de Alwis"]),
    "malagasy": (["Hery", "Fanja", "Tiana", "Rivo", "Lalao", "Mamy", "Haingo", "Njaka", "Andry", "Voahangy", "Fidy", "Nirina"],
                 ["Rakotomalala", "Andrianarivelo", "Razafindrakoto", "Rasoanaivo",
                  "Randriamanantena", "Rabemananjara"]),
    "kazakh": (["Aigerim", "Dauren", "Zhanar", "Yerlan", "Aizhan", "Bakhyt", "Askar", "Saule", "Yerbol", "Dinara", "Asel", "Timur", "Madina"],
               ["Abenov", "Zhaksybekova", "Seitkali", "Tokhtarov", "Iskakova",
                "Bekmukhambetov", "Kuanyshev"]),
    "hopi": (["Verlinda", "Delphine", "Marvene", "Loretta", "Wilmer", "Emory", "Dahlia", "Arlis", "Lorne",
              "Nadine", "Gordy"],
             ["Sekaquaptewa", "Honyumptewa", "Lomayestewa", "Masayesva", "Talayumptewa",
              "Nuvamsa", "Kootswatewa", "Namingha", "Dashee", "Tewawina", "Humetewa",
              "Lomahaftewa", "Poleahla", "Kuwanhongva", "Sakiestewa"]),
    "oodham": (["Lucinda", "Tirzah", "Felipa", "Anselmo", "Aurelio", "Josefa", "Marcelino", "Adelina",
                "Teodora", "Everardo"],
               ["Narcho", "Saraficio", "Antone", "Enos", "Pancho", "Ignacio"]),
    "ojibwe": (["Roxanne", "Winona", "Lyle", "Mavis", "Duane", "Dovie", "Ozias"],
               ["Goodsky", "Kingbird", "Boshey", "Wakanabo", "Jourdain", "Littlewolf",
                "Greensky", "Bugg", "Isham", "Chosa", "Geshick"]),
    "basque": (["Miren", "Itziar", "Koldo", "Aitor", "Nerea", "Amaia", "Gorka", "Iban", "Begoña", "Xabier", "Ane", "Unai", "Ainhoa"],
               ["Echevarria", "Yturri", "Urquidi", "Eiguren", "Aldecoa", "Bideganeta",
                "Zatica", "Arrizabalaga", "Madariaga"]),
    "plateau": (["Arvil", "Vada", "Dorsie", "Hassel", "Lonzo", "Delmer", "Ova", "Icie", "Vester", "Ferrell", "Etta", "Luster", "Ottis", "Velma",
                 "Clovia", "Burnice", "Omie"],
                ["Copeland", "Dishman", "Guffey", "Stepp", "Upchurch", "Ledbetter", "Gwinn",
                 "Sewell", "Choate", "Speck"]),
    "wordnames": (["Gift", "Promise", "Prudence", "Tempest", "Halo", "Nova", "Ace", "Marshal",
                   "Clement", "Constance", "Earnest"],
                  ["Drain", "Gauze", "Scope", "Crutch", 
                   "Salve", "Chill", 
                   "Bile", "Gland", "Palate", "Heel", "Knuckle",
                   "Rib", "Bunion", "Wart", "Blister", "Probe",
                   "Stent", "Valve", "Splice", "Bandage", "Lancet", "Forceps",
                   "Gurney", "Pillbox", "Beaker", "Tourniquet", "Cannula", "Bolus", "Ointment",
                   "Poultice", "Gargle", "Rinse"]),
    "eponyms": ([], ["Tietze", "Musset", "Westermark", "Fleischner", "Chilaiditi", "Peutz",
                     "Turcot", "Silverman", "Roos", "Unterberger", "Lisch", "Beau", "Terry",
                     "Kienbock", "Preiser", "Huntington", "Binswanger", "Williams", "Angelman",
                     "Bruton", "Hirschsprung", "Caplan", "Baastrup", "Bertolotti", "Thessaly",
                     "Jobe", "Toupet", "Homan", "Nuss"]),
}
COMM_KEYS = sorted(COMMUNITIES)
ALL_GIVEN = sorted({g for k in COMM_KEYS for g in COMMUNITIES[k][0]})
SAINTS = ["Hedwig", "Scholastica", "Benedict", "Kateri", "Brendan", "Columba",
          "Gertrude", "Wenceslaus", "Odilia", "Boniface", "Walburga", "Clotilde", "Ansgar",
          "Florian", "Cunegunda", "Adalbert", "Ludmila", "Hyacinth", "Stanislaus", "Olaf",
          "Eligius", "Bridget", "Lioba", "Remigius", "Rupert", "Giles", "Swithun", "Hilda",
          "Aidan", "Cuthbert", "Ignatius", "Isidore", "Kilian", "Leonard", "Martin de Porres"]
HEADLESS = ["Good Shepherd", "Sacred Heart", "Holy Rosary", "Providence",
            "Our Lady of the Lake", "Bethany", "Gethsemane", "Lutheran", "Deaconess",
            "Covenant", "Presbyterian", "Methodist", 
            "Shriners", "Cedar Ridge", "Pinecrest", "Lakewood", "Fairview", "Riverbend", "Holy Family", "Divine Savior",
            "Our Lady of Peace", "Immanuel", "Zion", "Agape", "Emmaus"]
KINDS = ["Memorial Hospital", "Community Hospital", "Health Center", "Family Clinic",
         "Regional Medical Center", "Rural Health Clinic", "Critical Access Hospital",
         "Medical Clinic", "Health Services", "Pharmacy", "Drug", "Apothecary", "Infusion Center",
         "Surgery Center", "Dialysis", "Home Care", "Visiting Nurses", "Senior Center"]
STREET_WORDS = ["Taconite", "Ore Dock", "Sauna", "Wild Rice", "Portage", "Moose Lake Spur",
                "Jackpine", "Ice Road", "Snowshoe", 
                "Ridgetop", "Caney Fork", "Hollow Log", "Sinkhole", "Pawpaw", 
                "Mesquite", "Saguaro", "Wash", "Arroyo Seco", "Ramada", "Mesa Top",
                "Piki House", "Juniper Bench", "Kiva", "Sheepherder", "Hay Meadow", "Pack Rat",
                "Irrigation Canal", "Snake River", "Sage Grouse", "Wagon Rut",
                "Huckleberry", "Larch", "Fireweed", "Basque Hotel", "Fronton", "Wool Warehouse"]
SUFFIXES = ["Brg", "Cir", "Clf", "Expy", "Gdn", "Lck", "Mtwy", "Opas", "Pkwy", "Pne", "Prr", "Rvr",
            "Skwy", "Tunl", "Un", "Via", "Ln", "Ct", "Crescent", "Esplanade", "Promenade",
            "Concourse", "Causeway", "Slough", "Pkwy", "Cir"]
ROADS = {"arrowhead": ["County Road 21", "Hwy 1", "Gunflint Trail", "Echo Trail", "CR 77"],
         "cumberland": ["Hwy 52", "State Route 111", "Old Kentucky Rd", "Dry Fork Rd"],
         "kycumberland": ["KY-90", "KY-61", "Hwy 127 S"],
         "borderlands": ["Federal Route 15", "Ruby Rd", "Arivaca Rd", "SR 286", "BIA 19"],
         "mesas": ["State Route 264", "BIA Route 2", "Hwy 389", "Navajo Route 3"],
         "wallowa": ["Hwy 82", "Imnaha Hwy", "Hwy 95", "Succor Creek Rd", "Hwy 20 W"]}
UNITS = ["Apt", "Unit", "Lot", "Trlr", "Bldg", "Ste", "Spc", "#", "Rear", "Bsmt", "Frnt", "Side"]
PAYERS = ["BCBS", "Tricare", "Humana", "Aetna", "Cigna", "UHC", "Blue Cross", "Ambetter", "Wellcare",
          "Molina", "Medicare Advantage", "Anthem", "Blue Cross Blue Shield"]
STATE_PAYERS = {"AZ": ["AHCCCS", "Indian Health Service"], "TN": ["TennCare", "BlueCare"],
                "KY": ["Kentucky Medicaid", "Passport"], "OR": ["Oregon Health Plan", "Moda"],
                "MN": ["Medical Assistance", "Medica", "MinnesotaCare"]}


def payer(state: str) -> str:
    return pick(STATE_PAYERS[state]) if R.random() < 0.4 else pick(PAYERS)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 21: "twenty-first", 22: "twenty-second",
       23: "twenty-third", 24: "twenty-fourth", 25: "twenty-fifth", 26: "twenty-sixth",
       27: "twenty-seventh", 28: "twenty-eighth", 29: "twenty-ninth", 30: "thirtieth",
       31: "thirty-first"}
AGE_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
             94: "ninety-four", 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven",
             98: "ninety-eight", 99: "ninety-nine", 100: "one hundred", 101: "one hundred one",
             103: "one hundred three"}
EMAIL_DOMAINS = ["frontiernet.net", "citlink.net", "gmail.com", "yahoo.com", "outlook.com",
                 "twinlakes.net", "ctc.net", "eoni.com", "cableone.net", "hopi.nsn.us",
                 "tonation-nsn.gov", "boisforte-nsn.gov", "arvig.net", "icloud.com", "aol.com"]


# ---------------------------------------------------------------- value makers
def pick(seq):
    return seq[R.randrange(len(seq))]


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
    body = pick("12") + "".join(str(R.randrange(10)) for _ in range(8))
    return body + luhn_digit("80840" + body)


def dea(surname: str) -> str:
    d = [R.randrange(10) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    first = pick("ABFGM")
    ini = next((ch for ch in surname.upper() if ch.isalpha()), "X")
    return first + ini + "".join(map(str, d)) + str(c)


VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
           **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin() -> str:
    wmi = pick(["1FT", "1GC", "3C6", "1C4", "5TF", "2T3", "1HG", "4T1", "1N6", "JTD", "KL4",
                "1FM", "3GN", "5YJ", "2HK"])
    s = list(wmi + "".join(pick(VIN_CH) for _ in range(5)) + "0" + pick("LMNPRST") +
             pick("ABCDEFGHJKLMNPRSTUVWXYZ") + "".join(str(R.randrange(10)) for _ in range(6)))
    total = sum(VIN_VAL[c] * w for c, w in zip(s, VIN_W))
    s[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(s)


def imei() -> str:
    body = pick(["35", "86", "01", "99"]) + "".join(str(R.randrange(10)) for _ in range(12))
    return body + luhn_digit(body)


def digits(n: int) -> str:
    return str(R.randrange(1, 10)) + "".join(str(R.randrange(10)) for _ in range(n - 1))


def letters(n: int) -> str:
    return "".join(pick("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def phone(region: str) -> str:
    ac = pick(REGIONS[region][1])
    ex = str(R.randrange(2, 10)) + str(R.randrange(10)) + str(R.randrange(10))
    ln = "".join(str(R.randrange(10)) for _ in range(4))
    return pick([f"({ac}) {ex}-{ln}", f"{ac}-{ex}-{ln}", f"{ac}.{ex}.{ln}", f"{ac} {ex} {ln}",
                 f"+1 {ac} {ex} {ln}", f"1-{ac}-{ex}-{ln}", f"({ac}){ex}-{ln}",
                 f"{ac}/{ex}-{ln}", f"+1.{ac}.{ex}.{ln}", f"{ac}{ex}{ln}"])


def zipc(region: str) -> str:
    z = pick(REGIONS[region][2]) + f"{R.randrange(100):02d}"
    return z + (f"-{R.randrange(1, 10000):04d}" if R.random() < 0.25 else "")


def street(region: str) -> str:
    roll = R.random()
    if roll < 0.12:
        return f"{R.randrange(1000, 99999)} {pick(ROADS[region])}"
    if roll < 0.2:
        return pick(["PO Box ", "P.O. Box ", "Box ", "HC 1 Box ", "RR 2 Box "]) + str(R.randrange(1, 9999))
    pre = pick(["", "", "", "N ", "S ", "E ", "W ", "NE ", "Old "])
    return f"{R.randrange(1, 99999)} {pre}{pick(STREET_WORDS)} {pick(SUFFIXES)}"


def unit() -> str:
    u = pick(UNITS)
    if u in ("Rear", "Bsmt", "Frnt", "Side"):
        return u
    return f"{u} {pick([str(R.randrange(1, 40)), letters(1), str(R.randrange(1, 4)) + letters(1)])}" if u != "#" else f"# {R.randrange(1, 30)}"


def fmt_date(d: dt.date, form: int | None = None) -> str:
    f = R.randrange(18) if form is None else form
    m, day, y = d.month, d.day, d.year
    mon = MONTHS[m - 1]
    return [f"{m}/{day}/{y}", f"{m:02d}/{day:02d}/{y}", f"{m}-{day}-{y % 100:02d}",
            f"{y}-{m:02d}-{day:02d}", f"{mon} {day}, {y}", f"{mon[:3]}. {day}, {y}",
            f"{day} {mon} {y}", f"{mon} {day}{'th' if day not in (1, 2, 3, 21, 22, 23) else {1: 'st', 2: 'nd', 3: 'rd', 21: 'st', 22: 'nd', 23: 'rd'}[day]}, {y}",
            f"the {ORD[day]} of {mon}, {y}", f"{mon.upper()} {day}, {y}",
            f"{day:02d}{mon[:3].upper()}{y}", f"{m}.{day}.{y}", f"{mon[:3]} {day:02d} {y}",
            f"{day}-{mon[:3]}-{y}", f"{mon.lower()} {day} {y}", f"{m}/{day}/{y % 100:02d}",
            f"{mon[:3]}-{day}-{y}", f"{day}.{m:02d}.{y}"][f]


def rdate(y0: int = 2025, y1: int = 2026) -> dt.date:
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 11, 30).toordinal()
    return dt.date.fromordinal(R.randrange(a, b))


def dob_for_age(age: int, visit: dt.date) -> dt.date:
    # the birthday falls before the visit in the visit's year, so the age agrees to the year
    y = visit.year - age
    a = dt.date(y, 1, 1).toordinal()
    b = dt.date(y, visit.month, max(1, min(visit.day, 28))).toordinal()
    return dt.date.fromordinal(R.randrange(a, b + 1))


def ssn(form: int | None = None) -> str:
    a, b, c = R.randrange(100, 900), R.randrange(10, 100), R.randrange(1000, 10000)
    if a == 666:
        a = 667
    f = R.randrange(3) if form is None else form
    return [f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"][f]


def ipv4() -> str:
    return pick([f"{R.randrange(24, 223)}.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(1, 255)}",
                 f"10.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(1, 255)}",
                 f"192.168.{R.randrange(256)}.{R.randrange(1, 255)}",
                 f"172.{R.randrange(16, 32)}.{R.randrange(256)}.{R.randrange(1, 255)}"])


def ip() -> str:
    if R.random() < 0.2:
        return f"2001:db8:{R.randrange(65536):x}:{R.randrange(65536):x}::{R.randrange(1, 65536):x}"
    return ipv4()


def mrn() -> str:
    return pick([digits(7), digits(8), "M" + digits(7), f"{digits(2)}-{R.randrange(100, 999)}-{R.randrange(100, 999)}",
                 letters(2) + digits(6), f"{digits(3)}{letters(1)}{digits(4)}", "00" + digits(6),
                 f"E{digits(9)}", f"{digits(4)}-{digits(4)}"])


def plate(state: str) -> str:
    return {"MN": lambda: f"{letters(3)} {R.randrange(100, 999)}",
            "TN": lambda: f"{digits(1)}{letters(2)}{R.randrange(10)}-{digits(2)}",
            "KY": lambda: f"{R.randrange(100, 999)}{letters(3)}",
            "AZ": lambda: f"{letters(3)}{R.randrange(1000, 9999)}",
            "OR": lambda: f"{R.randrange(100, 999)} {letters(3)}"}[state]()


def member_id(payer: str) -> str:
    return pick([letters(3) + digits(9), digits(9) + pick(["00", "01", "A", ""]),
                 f"{letters(1)}{digits(8)}", f"{digits(3)}-{digits(3)}-{digits(3)}",
                 letters(2) + digits(7) + letters(1), f"ZH{digits(9)}", digits(11)])


# ---------------------------------------------------------------- people
USED_GIVEN: Counter = Counter()


class Person:
    def __init__(self, comm: str | None = None) -> None:
        comm = comm or pick(COMM_KEYS)
        gs, ss = COMMUNITIES[comm]
        self.given = pick(gs) if gs else pick(ALL_GIVEN)
        self.surname = pick(ss)
        self.mi = letters(1)

    def f(self, form: str) -> str:
        g, s, m = self.given, self.surname, self.mi
        return {
            "full": f"{g} {s}", "mid": f"{g} {m}. {s}", "last_first": f"{s}, {g}",
            "LAST_FIRST": f"{s.upper()}, {g.upper()}", "LAST_FIRST_M": f"{s.upper()}, {g.upper()} {m}",
            "init_last": f"{g[0]}. {s}", "given": g, "surname": s, "lower": f"{g.lower()} {s.lower()}",
            "lgiven": g.lower(), "initials": f"{g[0]}.{s[0].upper()}.", "inits": f"{g[0]}{s[0].upper()}",
            "FULL": f"{g.upper()} {s.upper()}",
        }[form]


def people(n: int, comm: str | None = None) -> list[Person]:
    out: list[Person] = []
    while len(out) < n:
        p = Person(comm if not out else None)
        if any(p.given == q.given or p.surname == q.surname or p.surname.split()[-1] == q.surname.split()[-1] for q in out):
            continue
        out.append(p)
    return out


def facility(town: str, p: Person | None = None) -> str:
    roll = R.random()
    if roll < 0.3:
        return f"St. {pick(SAINTS)}" + pick(["'s", "", " Hospital", " Medical Center", "'s Clinic"])
    if roll < 0.5:
        return pick(HEADLESS) + pick(["", "", f" {town}", " Hospital", " Health"])
    if roll < 0.65 and p is not None:
        return f"{p.surname} {pick(KINDS)}"
    return f"{town} {pick(KINDS)}"


def where(region: str | None = None):
    region = region or pick(REGION_KEYS)
    state, _, _, towns = REGIONS[region]
    return region, state, pick(towns)


def email(p: Person) -> str:
    g, s = p.given.lower(), p.surname.lower().replace(" ", "").replace("-", "")
    local = pick([f"{g}.{s}", f"{g[0]}{s}", f"{s}{R.randrange(10, 99)}", f"{g}{s[:3]}{R.randrange(1, 9)}",
                  f"{g}_{s}", f"{s}.family"])
    return f"{local}@{pick(EMAIL_DOMAINS)}"


# ---------------------------------------------------------------- identifier shapes
def N(p: Person, form: str):
    return (p.f(form), "NAME")


def D(d: dt.date, form: int | None = None):
    return (fmt_date(d, form), "DATE")


def age_value() -> int:
    return pick([90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 103])


def age_text(a: int) -> str:
    return AGE_WORDS[a] if (R.random() < 0.3 and a in AGE_WORDS) else str(a)


def s_triage():
    reg, st, town = where()
    pt, caller, rn = people(3)
    d = rdate()
    rel = pick(["daughter", "son", "wife", "husband", "granddaughter", "neighbor", "self"])
    old = R.random() < 0.5
    a = age_value()
    out = ["NURSE ADVICE LINE - TELEPHONE TRIAGE\nCall received ", D(d), " at 02:",
           f"{R.randrange(10, 59)}", " from ", N(caller, pick(["full", "mid", "last_first"])),
           f" ({rel}), callback ", (phone(reg), "PHONE"), ", about ", N(pt, pick(["full", "FULL", "last_first"])),
           ", MRN ", (mrn(), "MRN"), ".\n"]
    if old:
        out += ["Patient is ", (age_text(a), "AGE"), pick([" years old", " yo", "-year-old resident"]),
                ", lives alone in ", (town, "LOCATION"), ", ", st, ".\n"]
    else:
        out += ["Calling from ", (town, "LOCATION"), ", ", st, ".\n"]
    complaint, proto = pick([(" fever to 102.3 and chills since supper", "Fever - Adult"),
                             (" left calf swelling after the long drive", "Leg Swelling"),
                             (" vomiting x4 and can keep down sips only", "Vomiting - Adult"),
                             (" a cough worse lying flat", "Cough - Adult")])
    out += [N(pt, "given"), pick([" has had", " reports", " woke with"]), complaint,
            ". Protocol: ", proto,
            ". ", N(pt, "given"), pick([" denies chest pain.", " is alert and talking in full sentences.",
                                         " answered the questions without help.", " is drinking fluids."]),
            "\nDisposition: see in office within 24 h at ", (facility(town, rn), "FACILITY"),
            pick([".", "; if worse go to ", "; caller prefers "])]
    if out[-1] != ".":
        out += [(facility(town), "FACILITY"), "."]
    out += ["\nCare advice given; caller verbalized understanding. Triage RN: ",
            N(rn, pick(["init_last", "full", "initials"])), ", RN"]
    return out, ("lower" if R.random() < 0.15 else None)


def s_refill():
    reg, st, town = where()
    pt, pharm, doc = people(3)
    d1, d2 = rdate(), rdate()
    pay = payer(st)
    out = ["RxRenewal REQUEST\nFrom: ", (facility(town, pharm) if R.random() < 0.5 else f"{town} {pick(['Pharmacy', 'Drug', 'Apothecary', 'Rx'])}", "FACILITY"),
           "\n", (street(reg), "ADDRESS"), ", ", (town, "LOCATION"), ", ", st, " ", (zipc(reg), "ZIP"),
           "\nPh ", (phone(reg), "PHONE"), "  Fax ", (phone(reg), "FAX"), "  NCPDP ", (digits(7), "LICENSE"),
           "\nPatient: ", N(pt, pick(["LAST_FIRST", "last_first", "LAST_FIRST_M"])), "   DOB: ",
           D(rdate(1940, 2004)), "   Rx# ", (digits(7), "ACCOUNT"),
           "\nDrug: ", pick(["lisinopril 20 mg tab #90", "levothyroxine 75 mcg #90",
                             "atorvastatin 40 mg #90", "metformin ER 500 mg #180", "sertraline 50 mg #30"]),
           ", last filled ", D(d1), ", refills remaining 0",
           "\nCoverage: ", pay, " ", (member_id(pay), "ACCOUNT"),
           "\nTo prescriber: Dr. ", N(doc, pick(["full", "init_last", "surname"])), "  DEA ",
           (dea(doc.surname), "LICENSE"), "  NPI ", (npi(), "LICENSE"),
           "\nPharmacist note (", N(pharm, pick(["given", "init_last", "inits"])), "): ",
           N(pt, "given"), pick([" is out as of ", " has 2 tabs left as of ", " called us on "]), D(d2),
           pick([". Please approve or fax denial to ", ". Reply by e-Rx or fax "]), (phone(reg), "FAX"), "."]
    return out, None


def s_homehealth():
    reg, st, town = where()
    pt, fam, rn, pcp = people(4)
    d = rdate()
    a = age_value()
    kin = pick(["daughter", "son-in-law", "niece", "grandson", "neighbor"])
    out = ["SKILLED NURSING VISIT NOTE  ", D(d), "  time in 09:10 out 10:02\nAgency: ",
           (f"{town} {pick(['Home Care', 'Visiting Nurses', 'Home Health'])}", "FACILITY"),
           "\nPt: ", N(pt, pick(["full", "last_first", "mid"])), ", ", (age_text(a), "AGE"), " y/o, homebound. Seen at home, ",
           (street(reg), "ADDRESS")]
    if R.random() < 0.5:
        out += [" ", (unit(), "ADDRESS")]
    out += [", ", (town, "LOCATION"), ". ", kin.capitalize(), " ", N(fam, pick(["full", "given"])), " present, cell ",
            (phone(reg), "PHONE"), ".\n",
            N(pt, "given"), pick([" ambulated 40 ft with 4-wheeled walker, SBA.", " was sitting up in the recliner on arrival.",
                                   " reports sleeping in the chair because of breathlessness."]),
            " Wound L lower leg 3.2 x 1.8 cm, granulating, no odor. ",
            N(pt, "given"), pick([" tolerated dressing change.", " asked about going to church Sunday.",
                                   " knew the day and the season."]),
            " Weight 58.1 kg (up 0.4). Reviewed med box with ", N(fam, "given"), ".\nNext SN visit ",
            D(rdate()), ". Report called to PCP office; ", pick(["spoke with ", "left message for "]),
            N(pcp, pick(["init_last", "full"])), ".\nClinician: ", N(rn, pick(["full", "init_last"])), ", RN"]
    return out, pick([None, None, "lower"])


def s_school():
    reg, st, town = where()
    stu, par, rn = people(3, None)
    par.surname = stu.surname if R.random() < 0.6 else par.surname
    d = rdate()
    school = pick([f"{town} Elementary", f"{town} Middle School", f"{town} High School",
                   f"{town} K-12 School", f"{pick(SAINTS)} Catholic School"])
    out = [(f"{town} {pick(['Public Schools', 'School District', 'Consolidated Schools'])}", "FACILITY"),
           " - Health Office\n", D(d), "\n\nDear ", pick(["Mr. ", "Ms. ", ""]), N(par, pick(["surname", "full"])),
           ",\n\nToday ", N(stu, "given"), pick([" (grade 4)", " (grade 7)", " (grade 11)", ""]),
           pick([" came to the health office at ", " was seen in the health room at "]), (school, "FACILITY"),
           pick([" after a fall on the playground at recess.", " with wheezing after PE.",
                 " after a head bump during basketball practice."]),
           " ", N(stu, "given"), pick([" rested and was released to class.", " used the spacer and improved.",
                                       " had no vomiting and passed the SCAT screen."]),
           " Student ID ", (digits(R.choice([6, 7, 8])), "ACCOUNT"), ".\n\n",
           "Please have your doctor complete the attached plan and return it by fax to ", (phone(reg), "FAX"),
           " or by e-mail to ", (email(rn), "EMAIL"), ". Call me at ", (phone(reg), "PHONE"), " with questions.\n\n",
           pick(["Sincerely,\n", "Thank you,\n"]), N(rn, pick(["full", "mid"])), ", RN, School Nurse"]
    return out, None


def s_prior_auth():
    reg, st, town = where()
    pt, doc = people(2)
    pay = payer(st)
    out = ["PRIOR AUTHORIZATION REQUEST - ", pay, " Pharmacy\nMember name: ",
           N(pt, pick(["LAST_FIRST_M", "LAST_FIRST", "full"])), "   Member ID: ", (member_id(pay), "ACCOUNT"),
           "   DOB: ", D(rdate(1950, 2008)),
           "\nAddress: ", (street(reg), "ADDRESS"), ", ", (town, "LOCATION"), ", ", st, " ", (zipc(reg), "ZIP"),
           "   Phone: ", (phone(reg), "PHONE"),
           "\nManufacturer assistance (income check): SSN last 4 xxx-xx-", (f"{R.randrange(1000, 10000)}", "SSN"),
           "\nPrescriber: ", N(doc, pick(["full", "mid"])), pick([", MD", ", DO", ", NP"]), "   NPI ", (npi(), "LICENSE"),
           "   Clinic: ", (facility(town, doc), "FACILITY"),
           "\nOffice fax ", (phone(reg), "FAX"), "   contact ", (email(doc), "EMAIL"),
           "\nDrug: ", pick(["semaglutide 1 mg weekly", "dupilumab 300 mg q2wk", "adalimumab 40 mg q2wk",
                             "tirzepatide 5 mg weekly", "apixaban 5 mg BID"]),
           "  Start date: ", D(rdate()),
           "\nTried and failed: metformin from ", D(rdate(2022, 2024)), " to ", D(rdate(2024, 2025)),
           "; see chart note signed by ", N(doc, pick(["init_last", "surname"])), "."]
    return out, pick([None, None, None, "upper"])


def s_sms():
    reg, st, town = where()
    pt, par, prov = people(3)
    d1, d2 = rdate(), rdate()
    fac = facility(town, prov)
    slug = "".join(ch for ch in fac.lower() if ch.isalnum())[:14]
    code = "".join(pick("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(6))
    ph = phone(reg)
    out = ["2-WAY TEXT LOG (short code 46783)\n[", D(d1, pick([0, 3, 15])), " 09:02] CLINIC: Hi ", N(pt, "given"),
           ", this is ", (fac, "FACILITY"), ". Reminder: visit with ", N(prov, pick(["init_last", "full"])), " on ", D(d2, pick([4, 5, 12, 16])),
           ". Reply C to confirm or reschedule at ", (f"https://{slug}.{pick(['myclinic.link', 'remindr.app', 'ptxt.io'])}/r/{code}", "URL"),
           "\n[09:47] ", (ph, "PHONE"), ": ", pick(["c", "C", "yes"]),
           "\n[10:15] ", (ph, "PHONE"), ": this is ", N(par, pick(["lower", "lgiven"])), pick([" her mom", " his dad", " the grandma"]),
           " can ", N(pt, "lgiven"), " come after school instead",
           "\n[10:21] CLINIC: Hi ", N(par, "given"), ", we can do 3:40. Text STOP to opt out.",
           "\n[10:22] ", (ph, "PHONE"), ": ok thx. ", pick(["we moved to ", "address is now ", "new address "]),
           (street(reg).lower(), "ADDRESS"), " ", (town.lower(), "LOCATION")]
    return out, None


def s_opnote():
    reg, st, town = where()
    pt, surg, pa, crna = people(4)
    d = rdate()
    maker = pick(["Zimmer", "Stryker", "DePuy", "Smith & Nephew", "Arthrex", "Medtronic"])
    out = ["OPERATIVE REPORT\nDICTATED BY: ", N(surg, pick(["FULL", "full"])), ", MD\nDATE OF SURGERY: ",
           D(d, pick([8, 9, 4, 6, 7])), "\nPATIENT: ", N(pt, pick(["LAST_FIRST", "FULL"])), "   MRN: ", (mrn(), "MRN"),
           "\nLOCATION: ", (facility(town), "FACILITY"), ", ", (town, "LOCATION"),
           "\nASSISTANT: ", N(pa, pick(["full", "init_last"])), ", PA-C   ANESTHESIA: ", N(crna, pick(["full", "init_last"])), ", CRNA",
           "\nPROCEDURE: Left total hip arthroplasty, posterior approach.\nIMPLANTS: ", maker,
           " acetabular shell, serial ", (f"{letters(2)}{digits(7)}", "DEVICE"), "; femoral stem, SN ",
           (f"{digits(8)}-{R.randrange(10, 99)}", "DEVICE"),
           "\nThe patient was identified in the holding area and ", pick(["patient ", ""]), N(pt, "surname"),
           " confirmed the site. ", N(pt, "given"), pick([" was positioned lateral decubitus.", " received cefazolin 2 g before incision."]),
           " Estimated blood loss 350 mL. I, ", N(surg, "full"), ", was present for the entire procedure. ",
           N(pa, "given"), " closed the skin. Dictated ", D(rdate(d.year, d.year)), "."]
    if R.random() < 0.4:
        a = age_value()
        out += [" Note: patient is ", (age_text(a), "AGE"), "; family meeting held."]
    return out, pick([None, "upper"])


LANGS = ["Hausa", "isiZulu", "Afrikaans", "Kikuyu", "Sinhala", "Malagasy", "Kazakh", "Hopi",
         "O'odham", "Ojibwe", "Basque", "Dholuo"]


def s_interp():
    reg, st, town = where()
    interp, pt, doc = people(3)
    agency = f"{pick([interp.surname, town, pick(SAINTS)])} {pick(['Language Services', 'Interpreting LLC', 'Language Link'])}"
    out = ["INTERPRETER ENCOUNTER RECORD - ", (agency, "FACILITY"), "\nInterpreter: ",
           N(interp, pick(["full", "mid", "last_first"])), pick(["   CCHI #", "   NBCMI cert ", "   CoreCHI "]),
           (f"{digits(5)}" if R.random() < 0.5 else f"{letters(2)}-{digits(5)}", "LICENSE"),
           "\nLanguage: ", pick(LANGS), "   Date: ", D(rdate()), "   In 10:05  Out 10:52",
           "\nPatient: ", N(pt, pick(["full", "last_first", "init_last"])), " (MRN ", (mrn(), "MRN"), ")   Provider: Dr. ",
           N(doc, "surname"),
           "\nSetting: "]
    if R.random() < 0.5:
        out += [pick(["seen at ", "in clinic at ", "bedside at "]), (pick(HEADLESS) if R.random() < 0.6 else f"St. {pick(SAINTS)}", "FACILITY")]
    else:
        out += ["home visit, ", (street(reg), "ADDRESS"), ", ", (town, "LOCATION")]
    out += ["\nNotes: ", N(pt, "given"), pick([" asked for a female interpreter next time.",
                                              " understood teach-back on the inhaler.",
                                              " wanted her son to leave the room for the exam."]),
            "\nMileage: personal vehicle, plate ", (plate(st), "VEHICLE"), " (", st, "), ",
            f"{R.randrange(12, 140)}", " mi round trip from ", (pick(REGIONS[reg][3]), "LOCATION"),
            "\nAgency contact: ", (email(interp), "EMAIL"), " / ", (phone(reg), "PHONE")]
    return out, None


def s_echo():
    reg, st, town = where()
    pres, pt, dtr = people(3)
    d1 = rdate(2025, 2025)
    d2 = rdate(2026, 2026)
    a = age_value()
    out = ["ECHO CASE PRESENTATION - Dementia Care TeleECHO\nSpoke site: ", (facility(town, pres), "FACILITY"),
           " (", (town, "LOCATION"), ", ", st, ")   Presenter: ", N(pres, pick(["full", "mid"])), pick([", FNP", ", PA-C", ", MD"]),
           "\nCase ID: (assigned by hub)   Date presented: ", D(d1),
           "\nPatient: ", (age_text(a), "AGE"), "-year-old woman, lives with daughter ", N(dtr, pick(["given", "full"])),
           ". Question: agitation at dusk; quetiapine started elsewhere.",
           "\nRecommendations: stop quetiapine taper, daylight walks, check B12 and TSH.",
           "\nFOLLOW-UP ", D(d2), pick([": fell at home, seen at ", ": fell at home, transferred from ",
                                       ": admitted with pneumonia, discharged from "]), (pick(HEADLESS) if R.random() < 0.5 else f"St. {pick(SAINTS)}", "FACILITY"),
           ", MRN there ", (mrn(), "MRN"), ". ", N(dtr, "given"), " says sleep better. "]
    if R.random() < 0.6:
        out += ["Now ", (str(a + 1), "AGE"), ". "]
    out += ["Presenter reachable at ", (phone(reg), "PHONE"), "; fax recommendations to ", (phone(reg), "FAX"), "."]
    return out, None


NEMT_PAYER = {"AZ": "AHCCCS ID", "TN": "TennCare ID", "KY": "KY Medicaid #", "OR": "OHP #", "MN": "MA ID"}


def s_nemt():
    reg, st, town = where()
    mem, drv = people(2)
    make = pick(["2022 Ford Transit", "2019 Dodge Grand Caravan", "2021 Toyota Sienna", "2018 Chevrolet Express"])
    out = ["NEMT TRIP TICKET  Trip # ", (f"{digits(2)}-{digits(6)}", "ACCOUNT"), "\nDate of service: ", D(rdate()),
           "\nMember: ", N(mem, pick(["LAST_FIRST", "last_first", "full"])), "   ", NEMT_PAYER[st], " ",
           (letters(1) + digits(8) if st in ("AZ", "OR") else digits(9), "ACCOUNT"),
           "\nPickup 07:40: ", (street(reg), "ADDRESS")]
    if R.random() < 0.5:
        out += [" ", (unit(), "ADDRESS")]
    out += [", ", (town, "LOCATION"), " ", (zipc(reg), "ZIP"), "   member phone ", (phone(reg), "PHONE"),
            "\nDrop-off: ", (facility(pick(REGIONS[reg][3])), "FACILITY"), " (dialysis chair 6)",
            "\nDriver: ", N(drv, pick(["full", "init_last", "last_first"])), "   Vehicle: ", make,
            " w/c van, plate ", (plate(st), "VEHICLE"), ", VIN ", (vin(), "VEHICLE"),
            "\nMember signature: ", N(mem, pick(["initials", "inits", "full"]))]
    return out, pick([None, None, "upper"])


def s_cgm():
    reg, st, town = where()
    pt, edu = people(2)
    d = rdate()
    host = pick(["clarity.dexcom.com", "carelink.minimed.com", "diasend.com", "tidepool.org", "glooko.com", "libreview.com"])
    out = ["DIABETES DEVICE DOWNLOAD REPORT  ", D(d), "\nPatient: ", N(pt, pick(["full", "last_first", "LAST_FIRST"])),
           "   DOB ", D(rdate(1950, 2012)), "   MRN ", (mrn(), "MRN"),
           "\nInsulin pump SN ", (pick([f"{letters(2)}{digits(7)}{letters(1)}", f"{digits(8)}", f"NG{digits(7)}H"]), "DEVICE"),
           "   CGM transmitter ID ", (f"{digits(1)}{letters(5)}", "DEVICE"),
           "\nPaired phone IMEI ", (imei(), "DEVICE"),
           "\nLast upload ", D(rdate(d.year, d.year)), " 21:14 from ", (ip(), "IP"), " via ",
           (f"https://{host}/p/{digits(8)}", "URL"),
           "\nTime in range 68%, below 70: 3%. ", N(pt, "given"), pick([" skips the lunch bolus on shift days.",
                                                                          " changes the site every 4 days.",
                                                                          " asked about the newer sensor."]),
           "\nEducator: ", N(edu, pick(["full", "init_last"])), ", CDCES, ", (facility(town, edu), "FACILITY"),
           "   ", (email(edu), "EMAIL")]
    return out, None


def s_aps():
    reg, st, town = where()
    vic, rep, per, worker = people(4)
    d = rdate()
    a = age_value()
    out = ["ADULT PROTECTIVE SERVICES - INTAKE\nReport taken ", D(d), " by intake worker ",
           N(worker, pick(["init_last", "initials"])),
           "\nAlleged victim: ", N(vic, pick(["full", "LAST_FIRST", "mid"])), ", age ", (age_text(a), "AGE"),
           ", DOB ", D(dob_for_age(a, d)), ", SSN ", (ssn(), "SSN"),
           "\nResides: ", (street(reg), "ADDRESS"), ", ", (town, "LOCATION"), ", ", st, " ", (zipc(reg), "ZIP"),
           "\nReporter: ", N(rep, pick(["full", "init_last"])), ", RN at ", (facility(town, rep), "FACILITY"), ", ",
           (phone(reg), "PHONE"),
           "\nAlleged perpetrator: ", pick(["grandson", "nephew", "boarder", "son"]), " ", N(per, "full"),
           ", drives a ", pick(["white", "red", "gray", "blue"]), " pickup, plate ", (plate(st), "VEHICLE"),
           "\nConcern: ", pick(["cash withdrawals from her checking account ", "new debit card on account ",
                                "missed mortgage on account "]), (digits(R.choice([8, 10, 12])), "ACCOUNT"),
           "; ", N(vic, "given"), pick([" told staff he takes her check.", " seemed afraid to answer.",
                                         " said she signed something at the bank."])]
    return out, None


def s_billing():
    reg, st, town = where()
    g, sp = people(2)
    pay, pay2 = payer(st), pick(PAYERS)
    fac = facility(town)
    slug = "".join(ch for ch in fac.lower() if ch.isalnum())[:16]
    out = [(fac, "FACILITY"), " - PATIENT STATEMENT\nGuarantor: ", N(g, pick(["LAST_FIRST", "FULL", "full"])),
           "   Account # ", (f"{digits(8)}" if R.random() < 0.5 else f"{letters(1)}{digits(9)}", "ACCOUNT"),
           "   Statement date ", D(rdate()), "\n", (street(reg), "ADDRESS")]
    if R.random() < 0.4:
        out += [" ", (unit(), "ADDRESS")]
    out += ["\n", (town, "LOCATION"), " ", st, " ", (zipc(reg), "ZIP"),
            "\nInsurance on file: ", pay, " ", (member_id(pay), "ACCOUNT"), "; secondary ", pay2, " ID ",
            (member_id(pay2), "ACCOUNT"),
            "\nFinancial assistance application received: guarantor SSN ", (ssn(), "SSN"), ", spouse ",
            N(sp, pick(["full", "given"])), " SSN ends in ", (f"{R.randrange(1000, 10000)}", "SSN"),
            "\nPay online at ", (f"https://pay.{slug}.org/{digits(6)}", "URL"), "; last payment ", D(rdate()),
            " from IP ", (ip(), "IP"),
            "\nQuestions: ", (phone(reg), "PHONE"), " or ", (email(g) if R.random() < 0.3 else f"billing@{slug}.org", "EMAIL")]
    return out, None


def s_dialysis():
    reg, st, town = where()
    pt, tech, rn = people(3)
    out = ["FIELD SERVICE TICKET ", (f"FS-{digits(7)}", "ACCOUNT"), " - home hemodialysis\nPatient: ",
           N(pt, pick(["full", "last_first"])), ", ", (street(reg), "ADDRESS"), ", ", (town, "LOCATION"), " ",
           (zipc(reg), "ZIP"), "   phone ", (phone(reg), "PHONE"),
           "\nCycler SN ", (pick([f"{digits(2)}{letters(2)}{digits(5)}", f"NX{digits(6)}", f"{digits(4)}-{digits(5)}"]), "DEVICE"),
           "   RO unit SN ", (f"{letters(1)}{digits(7)}", "DEVICE"), "   cellular modem ", (ip(), "IP"),
           "\nVisit ", D(rdate()), ": replaced pressure transducer; ", N(pt, "given"),
           pick([" ran a test treatment with the tech present.", " asked us to call before coming."]),
           "\nTechnician: ", N(tech, pick(["full", "init_last"])), "   service van plate ", (plate(st), "VEHICLE"),
           ", VIN ", (vin(), "VEHICLE"),
           "\nHome program: ", (facility(town, rn), "FACILITY"), "; charge nurse ", N(rn, pick(["given", "full"])), " notified."]
    return out, None


def s_courier():
    reg, st, town = where()
    pt, drv = people(2)
    trk = f"1Z{letters(2)}{digits(4)}{digits(8)}" if R.random() < 0.5 else digits(12)
    out = ["COLD-CHAIN DELIVERY MANIFEST - ", (f"{pick([town, pick(SAINTS)])} Specialty Pharmacy", "FACILITY"),
           "\nStop ", f"{R.randrange(1, 12)}", ": ", N(pt, pick(["full", "FULL", "last_first"])), ", ",
           (street(reg), "ADDRESS")]
    if R.random() < 0.5:
        out += [", ", (unit(), "ADDRESS")]
    out += [", ", (town, "LOCATION"), ", ", st, " ", (zipc(reg), "ZIP"), " | ", (phone(reg), "PHONE"),
            "\nTracking ", (trk, "ACCOUNT"), "  track: ", (f"https://track.{pick(['rxcourier.net', 'coldship.co', 'medrun.io'])}/{trk}", "URL"),
            "\nDelivered ", D(rdate()), " 14:22, 2-8 C confirmed, signed: ", N(pt, pick(["lower", "initials", "init_last"])),
            "\nDriver: ", N(drv, pick(["full", "init_last"])), "  vehicle ", (plate(st), "VEHICLE"),
            "  handheld IMEI ", (imei(), "DEVICE"), "  scan from ", (ip(), "IP")]
    return out, None


ID_SHAPES = [("triage", s_triage), ("refill", s_refill), ("homehealth", s_homehealth), ("school", s_school),
             ("priorauth", s_prior_auth), ("sms", s_sms), ("opnote", s_opnote), ("interp", s_interp),
             ("echo", s_echo), ("nemt", s_nemt), ("cgm", s_cgm), ("aps", s_aps), ("billing", s_billing),
             ("dialysis", s_dialysis), ("courier", s_courier)]


# ---------------------------------------------------------------- hand-written one-offs
def n(v):
    return (v, "NAME")


ONE_OFFS = {
    "lowercase-phone-note": [
        "tc ", ("2/14/26", "DATE"), " from ", n("gift dlamini"), " (dtr) re her mother ", n("prudence bunion"),
        ", age ", ("95", "AGE"), ". ", n("prudence"), " has a bunion on the r foot that is now red and draining, no fever. "
        "lives alone out past ", ("embarrass", "LOCATION"), " on ", ("county road 21", "ADDRESS"),
        ". advised wound check tomorrow at ", ("st. hedwig's", "FACILITY"), ". dtr embarrassed she did not call sooner. cb ",
        ("218 741 0393", "PHONE"), "."],
    "school-heel": [
        "Dear Ms. ", n("Heel"), ",\n\n", n("Earnest"), " came to the health office at lunch after landing hard on his left heel "
        "from the monkey bars. He made an earnest effort to walk but limped, so we applied ice. Please follow up with his doctor at ",
        ("Tamarack Family Clinic", "FACILITY"), " in ", ("Tamarack", "LOCATION"), ", MN, and send the note to ",
        ("218-768-4410", "FAX"), ".\n\n", n("Clement Okoth"), ", RN"],
    "interpreter-basque": [
        "Interpreter note. Basque/Spanish interpreter ", n("Itziar Arrizabalaga-Eiguren"), " for ", n("Koldo Yturri"),
        ", ", ("ninety-one", "AGE"), ", on ", ("23 October 2025", "DATE"), ". ", n("Koldo"),
        " came down from ", ("Arock", "LOCATION"), " with his granddaughter ", n("Ane"),
        "; he had been transferred from ", ("Holy Family", "FACILITY"), " two days before. ", n("Ane"),
        " asked that letters go to ", ("HC 64 Box 1187", "ADDRESS"), ", not the ranch."],
    "dictation-words": [
        "this is doctor ", n("nuwan herath"), " dictating an operative note on ", n("marcelino probe"),
        " comma medical record number ", ("4471093", "MRN"), " period. date of surgery ", ("june ninth twenty twenty six", "DATE"),
        " period. new paragraph. the temperature probe was placed and ", n("marcelino"),
        " tolerated the procedure well period. assistant ", n("j. gitau"), " period. end of dictation."],
    "sms-ace": [
        "hey its ", n("Ace"), " from ", ("Walling", "LOCATION"), " my aunt ", n("nova chill"),
        " got the chills again n her sugar was 41. shes at ", ("Providence", "FACILITY"), " now can u call her ",
        ("931-657-2290", "PHONE"), " or mine ", ("931 761 0548", "PHONE"), " thx"],
    "echo-hauwa": [
        "ECHO case, follow-up. Case 14. On ", ("Jan. 9, 2026", "DATE"),
        " we presented a ", ("101", "AGE"), "-year-old woman from ", ("Static", "LOCATION"),
        ", TN, with static tremor. Follow-up: ", n("Hauwa"), " was transferred from ", ("Good Shepherd", "FACILITY"),
        " to ", ("St. Hilda", "FACILITY"), " on ", ("2026-02-19", "DATE"), "; her grandson ", n("Musa Gambo"),
        " reports she is eating again."],
    "homehealth-lancet": [
        "HHA supervisory visit. ", n("Arlis Lancet"), " laughed that his name matches the lancet device. Mr. ", n("Lancet"),
        " lives at ", ("6 Jackpine Cir", "ADDRESS"), ", ", ("Lot 14", "ADDRESS"), ", ", ("Makinen", "LOCATION"), ", MN ",
        ("55763", "ZIP"), ". Aide ", n("Lindiwe"), " does his baths Tue/Fri; ", n("Lindiwe"), " is reliable per family."],
    "refill-wart": [
        "Phone refill: spoke with Mrs. ", n("Wart"), " about the wart cream (imiquimod). Pharmacy ",
        ("Paradise Drug", "FACILITY"), ", ", ("Paradise", "LOCATION"), ", AZ. Rx ", ("5518207", "ACCOUNT"),
        ", Tricare ", ("TR0094471520", "ACCOUNT"), ". Dr. ", n("Yakubu"), " OK'd 1 refill on ", ("11/30/2025", "DATE"), "."],
    "table-afrikaans": [
        "Name | DOB | Age | Town | Phone\n", n("Van der Westhuizen, Marietjie"), " | ", ("12 Aug 1934", "DATE"), " | ",
        ("92", "AGE"), " | ", ("Finlayson", "LOCATION"), " | ", ("(218) 233-9051", "PHONE"), "\n",
        n("De Villiers, Hendrik"), " | ", ("02/28/1941", "DATE"), " | 85 | ", ("Askov", "LOCATION"), " | ",
        ("218.838.4402", "PHONE"), "\n", n("De Villiers"), " reports the rent went up; ", n("le Grange"), " did not answer."],
    "sinhala-letter": [
        "Re: ", n("Ruwani Ranasinghe-Perera"), ". Her husband ",
        n("Nimal de Alwis"), " asks that results go to ", ("nimal.dealwis@eoni.com", "EMAIL"), ". ", n("Ruwani"),
        " was seen at ", ("Pinecrest", "FACILITY"), " in ", ("Imbler", "LOCATION"), ", OR on ",
        ("5.11.2025", "DATE"), " and prefers Sinhala."],
    "malagasy-lower": [
        "walk-in log: ", n("rakotomalala fanja"), " and her son ", n("rivo"), " (8 yo) from ", ("nyssa", "LOCATION"), ". ", n("fanja"),
        " asked for the ohp card to be re-sent; ohp member ", ("RF50291183", "ACCOUNT"), ". address ", ("227 sw 3rd st", "ADDRESS"), " ", ("apt b", "ADDRESS"), "."],
    "kazakh-three-part": [
        "Patient ", n("Aizhan Yerlanovna Iskakova"), " (DOB ", ("30.06.1933", "DATE"), ", age ", ("93", "AGE"),
        ") arrived from ", ("Hibbing", "LOCATION"), ". Daughter ", n("Saule"), " interprets Russian; ", n("Saule"),
        " works nights at ", ("Fairview Range", "FACILITY"), "."],
    "sells-word-town": [
        ("Felipa Narcho", "NAME"), " drove her father from ", ("Sells", "LOCATION"),
        ", AZ; the trading post in ", ("Sells", "LOCATION"), " sells the strips cheaper. ", n("Felipa"), " gave her cell ",
        ("(520) 383-7716", "PHONE"), " and the AHCCCS number ", ("A20574419", "ACCOUNT"), ". Seen ",
        ("Mar 3, 2026", "DATE"), " by ", n("T. Saraficio"), ", FNP."],
    "defeated-word-town": [
        "Social history: lives in ", ("Defeated", "LOCATION"), ", TN, with wife ", n("Ova"),
        "; feels defeated since the farm sold. ", n("Ova"), " drives their truck, plate ", ("4G7-K21", "VEHICLE"),
        ". Last seen at ", ("Sacred Heart", "FACILITY"), " ", ("Sept 8 2025", "DATE"), "."],
    "unity-rome": [
        "Transfer note: ", n("Gorka Aldecoa"), " of ", ("Unity", "LOCATION"), ", OR (Rome IV criteria were met) was sent from ", ("Emmaus", "FACILITY"), " to ", ("St. Aidan's", "FACILITY"), " on ",
        ("the fourth of March, 2026", "DATE"), ". Brother ", n("Iban"), ": ", ("541-446-3019", "PHONE"), "."],
}


# ---------------------------------------------------------------- clean hard negatives
EPONYMS = ["Tietze syndrome", "de Musset sign", "Westermark sign", "the Fleischner Society guidelines",
           "Chilaiditi sign", "Peutz-Jeghers polyps", "Turcot syndrome", "the Silverman-Andersen score",
           "the Roos test", "the Unterberger stepping test", "Lisch nodules", "Beau lines", "Terry nails",
           "Kienbock disease", "Preiser disease", "Huntington disease", "Binswanger disease",
           "Williams syndrome", "Angelman syndrome", "Bruton agammaglobulinemia", "Hirschsprung disease",
           "Caplan syndrome", "Baastrup sign", "Bertolotti syndrome", "the Thessaly test", "the Jobe test",
           "a Toupet fundoplication", "the Hoover sign", "the Nuss procedure", "Rome IV criteria",
           "the Ottawa ankle rules", "the revised Geneva score", "Schmitt-Thompson protocols",
           "Kussmaul breathing", "Cheyne-Stokes respiration", "the Glasgow Coma Scale"]
PLACE_DISEASES = ["Lyme disease", "Rocky Mountain spotted fever", "Valley fever", "West Nile virus",
                  "Colorado tick fever", "Sin Nombre hantavirus", "St. Louis encephalitis",
                  "Japanese encephalitis", "Norwalk-like virus", "Coxsackie virus", "Marburg virus",
                  "Ross River virus", "Bornholm disease", "Mediterranean spotted fever", "Spanish flu history",
                  "Minnesota tube", "Lake Louise score", "Oroya fever"]
WORD_SENSES = ["patients may feel embarrassed to ask", "a static shock from the blanket",
               "defeated mood after the fall", "a drain left in place", "gauze and tape", "a scope of practice",
               "crutch walking on stairs", "salve to cracked heels", "a chill before the fever",
               "bile-stained emesis", "a swollen gland under the jaw", "a cleft palate repair",
               "heel-to-shin testing", "a knuckle laceration", "rib tenderness on the left", "a bunion pad",
               "a plantar wart", "a blister on the heel", "the temperature probe", "a coronary stent card",
               "the valve clinic", "a splice in the tubing", "a bandage change", "a lancet device",
               "forceps delivery history", "a gurney in the hallway", "a weekly pillbox",
               "a beaker of water", "a tourniquet time of 62 minutes", "a nasal cannula at 2 L",
               "a bolus of saline", "an ointment twice daily", "a warm poultice", "a salt-water gargle",
               "rinse the mouth after the inhaler", "a gift card for the survey", "a promise to call back",
               "prudence with opioids", "a halo brace", "an ACE inhibitor", "the county marshal program", "clement weather for the drive",
               "earnest effort on spirometry", "the patient portal",
               "unity of the care team", "Rome IV criteria",
               "moccasin-style slippers", "sandstone dust exposure", "tamarack pollen",
               "a palisade of cells", "summer shade for the wheelchair", "a pleasant hill walk", 
               "a sauna habit from Finland", "a ray amputation of the foot", "a waterview room"]
DRUGS = ["semaglutide 0.5 mg weekly", "tirzepatide 7.5 mg weekly", "apixaban 5 mg twice daily",
         "empagliflozin 10 mg daily", "dupilumab 300 mg every 2 weeks", "naloxone 4 mg nasal spray",
         "insulin glargine 22 units at bedtime", "quetiapine 25 mg at night", "cefazolin 2 g IV",
         "tranexamic acid 1 g IV", "albuterol HFA 2 puffs", "levetiracetam 500 mg twice daily",
         "sevelamer 800 mg with meals", "epoetin alfa 4000 units", "heparin 1000 units/mL"]
DEVICES = ["Dexcom G7", "Omnipod 5", "t:slim X2", "FreeStyle Libre 3", "MiniMed 780G", "NxStage System One",
           "Fresenius 2008T", "Tablo cart", "Inogen One G5", "Medtronic LINQ II", "Zoll LifeVest",
           "ResMed AirSense 11", "Hoyer lift", "Rollator", "EpiPen Jr", "Foley catheter",
           "Jackson-Pratt drain", "Hickman line", "Tenckhoff catheter", "Cimino fistula",
           "Yankauer suction tip", "Mayo stand with Allis clamps"]
LABS = ["Na 138 | K 4.1 | Cl 101 | CO2 24 | BUN 18 | Cr 1.02", "HbA1c 7.4% (goal below 7.0)",
        "eGFR 58 mL/min/1.73m2", "INR 2.6 on warfarin", "Kt/V 1.4, URR 72%", "Hgb 10.2 g/dL, ferritin 410",
        "TSH 3.8 mIU/L, B12 512 pg/mL", "glucose 41 mg/dL at 03:00", "phosphorus 6.1 mg/dL",
        "WBC 11.8, lactate 2.4", "TIR 71%, TBR 2%, GMI 6.9%"]
MEASURES = ["BP 142/88", "temp 38.4 C", "SpO2 93% on room air", "weight 71.2 kg", "pain 6/10",
            "wound 3.2 x 1.8 cm", "EBL 350 mL", "HR 104 irregular", "peak flow 220 L/min",
            "RR 28 with accessory muscle use", "capillary refill over 3 s", "a 4 kg weight gain"]
CAPS = ["Nurse Advice Line", "Prior Authorization Department", "Home Health Aide Supervisory Visit",
        "Return to Learn Plan", "Seizure Action Plan", "Non-Emergency Medical Transportation",
        "Adult Protective Services", "Financial Assistance Policy", "Cold Chain Protocol",
        "Continuous Glucose Monitor", "Medical Interpreter Code of Ethics", "Universal Protocol Time Out",
        "Estimated Blood Loss", "Dementia Care TeleECHO", "Good Faith Estimate", "Step Therapy Exception"]
EURO = ["De patient krijgt uitleg over de insulinepomp en belt bij koorts.",
        "Patienten ska fasta sex timmar innan ingreppet.",
        "Pacjent zgłasza duszność przy wysiłku od trzech dni.",
        "Pacientul a primit instrucțiuni despre dializa la domiciliu.",
        "El pacient presenta febre i tos des de fa dos dies.",
        "Patienten har haft feber og hoste i to dage.",
        "Pacient užívá inzulin dvakrát denně.",
        "Potilas saa kotisairaanhoitoa kaksi kertaa viikossa."]
TIMES = ["post-op day 2", "after the wild rice harvest", "during ice-fishing season", "since last spring",
         "at the start of the school year", "age 88", "age 89", "every third week", "in the 2010s",
         "week 12 of therapy", "day 5 of the course", "at mile 20 of the drive"]
GENERIC = ["Call the clinic if symptoms worsen.", "Bring all pill bottles to the visit.",
           "No identifiers are recorded on this form.", "Staff names are left off this template.",
           "Reviewed by the quality committee.", "Use the teach-back method.",
           "The interpreter is present for the whole visit.", "Keep the sensor on for the full wear period."]
CLEAN_SHAPES = {
    "triage": "Nurse Advice Line protocol card",
    "refill": "Refill policy",
    "homehealth": "Home health teaching sheet",
    "school": "School health notice",
    "priorauth": "Prior authorization criteria",
    "sms": "Text reminder templates",
    "opnote": "Operative note template",
    "interp": "Interpreter guidance",
    "echo": "TeleECHO didactic summary",
    "nemt": "Transport rules",
    "device": "Device clinic teaching",
    "billing": "Billing policy",
}


def clean_passage(shape: str) -> str:
    title = CLEAN_SHAPES[shape]
    m1, m2, m3 = R.sample(MEASURES, 3)
    w1, w2, w3 = R.sample(WORD_SENSES, 3)
    e1, e2 = R.sample(EPONYMS, 2)
    d1, d2 = R.sample(DRUGS, 2)
    bits = [
        f"Think of {e1} if {m1} is recorded.",
        f"{pick(PLACE_DISEASES)} was raised on the call; recheck {pick(TIMES)}.",
        f"Typical orders: {d1}; {d2}.",
        f"Device: {pick(DEVICES)}. Also discussed: {w1}.",
        f"Labs: {pick(LABS)}.",
        f"See the {pick(CAPS)} section. Background reading: {e2}.",
        f"Note {w2}; {w3}.",
        pick(EURO),
        pick(GENERIC),
        f"Patient name: [removed]. Date of birth: [redacted]. Vitals: {m2}, {m3}.",
        f"Last result: {pick(LABS)}.",
    ]
    R.shuffle(bits)
    body = " ".join(bits[: R.randrange(4, 8)])
    if R.random() < 0.3:
        body = "\n".join(bits[: R.randrange(4, 8)])
    return f"{title.upper() if R.random() < 0.5 else title}\n{body}"


# ---------------------------------------------------------------- assembly
VALUE_PASSAGES: Counter = Counter()


def render(parts, case):
    text, spans = "", []
    for x in parts:
        if isinstance(x, tuple):
            v, cat = x
            if case == "lower":
                v = v.lower()
            elif case == "upper":
                v = v.upper()
            spans.append([len(text), len(text) + len(v), cat])
            text += v
        else:
            t = x.lower() if case == "lower" else x.upper() if case == "upper" else x
            assert len(t) == len(x)
            text += t
    return text, spans


def id_passage(fn):
    for _ in range(500):
        parts, case = fn()
        text, spans = render(parts, case)
        vals = sorted({text[s:e].lower() for s, e, c in spans if c != "AGE"})
        if all(VALUE_PASSAGES[v] < 2 for v in vals):
            for v in vals:
                VALUE_PASSAGES[v] += 1
            return text, spans
    raise SystemExit(f"could not draw a passage for {fn.__name__}")


def main() -> None:
    rows = []
    for name in sorted(ONE_OFFS):
        text, spans = render(ONE_OFFS[name], None)
        for v in sorted({text[a:b].lower() for a, b, c in spans if c != "AGE"}):
            VALUE_PASSAGES[v] += 1
        rows.append((f"id-oneoff-{name}", text, spans))
    order = [sf for sf in ID_SHAPES for _ in range(17)]
    R.shuffle(order)
    for shape, fn in order:
        text, spans = id_passage(fn)
        rows.append((f"id-{shape}", text, spans))
    for shape in sorted(CLEAN_SHAPES):
        for _ in range(15):
            case = R.random()
            t = clean_passage(shape)
            t = t.lower() if case < 0.1 else t.upper() if case < 0.17 else t
            rows.append((f"clean-{shape}", t, []))
    R.shuffle(rows)
    out = []
    for i, (kind, text, spans) in enumerate(rows, 1):
        out.append(json.dumps({"id": f"W-P{i:03d}-{kind}", "split": "heldout", "carrier": "",
                               "text": text, "spans": spans}, ensure_ascii=False))
    Path(__file__).with_name("heldout.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
