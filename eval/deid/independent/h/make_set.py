"""Write set H: held-out de-identification passages (seeded, stdlib only).

Every passage is built from parts: plain strings, or (value, CATEGORY) pairs whose
offsets become the gold spans, so offsets can't drift from the text.  All values are
invented.  Run: python3 make_set.py  (writes heldout.jsonl next to this file).
"""

from __future__ import annotations

import json
import unicodedata
import random
from pathlib import Path

SEED = 20261205
OUT = Path(__file__).with_name("heldout.jsonl")

# ---------------------------------------------------------------- value pools
FIRST = [
    "Margaret", "Dolores", "Wendell", "Arliss", "Hope", "Faith", "Rose", "Will", "Grant",
    "Bill", "Summer", "Dawn", "Joy", "Mark", "Hunter", "Page", "Major", "Frank", "Sunny",
    "Precious", "Destiny", "Royal", "Autumn", "River", "Sky", "Guadalupe", "Xochitl",
    "Nguyen Thi", "Oluwaseun", "Chidinma", "Tomasz", "Agnieszka", "Sione", "Malia",
    "Tsosie", "Wynona", "Kateri", "Dariusz", "Ines", "Bao", "Jun", "Siobhan", "Aoife",
    "Priya", "Ravindra", "Fatima", "Yusuf", "Leilani", "Kekoa", "Ezekiel", "Orville",
    "Verna", "Lavonne", "Delbert", "Ardith", "Merle", "Cleta", "Elmer", "June", "April",
]
LAST = [
    "Oyelaran-Whitfield", "Tsinajinnie", "Begay", "Yazzie", "Two Bulls", "Little Thunder",
    "Brown", "Young", "Strong", "Love", "Baker", "Price", "Bishop", "Small", "Short",
    "Walker", "King", "Hill", "Wood", "Stone", "Lake", "Street", "Rich", "Good",
    "García-López", "de la Cruz", "van der Berg", "O'Dell", "McAllister", "Kowalczyk",
    "Okonkwo", "Al-Hashimi", "Tshabalala", "Nakamura", "Lê", "Xu", "Fonoti", "Kealoha",
    "Brzezinski", "Szymanska", "Ní Bhriain", "Fitzgerald", "Hammerschmidt", "Lindqvist",
    "Abernathy", "Runningwater", "Whitehorse", "Pretty On Top", "Bearchild", "Rasmussen",
    "Vang", "Thao", "Moua", "Delacroix", "Boudreaux", "Thibodeaux", "Pham", "Ortiz",
]
CLIN_LAST = [
    "Okafor", "Hazelwood", "Ramaswamy", "Tran", "Bighorn", "Feldstein", "Mwangi", "Larkin",
    "Chee", "Sørensen", "Quintana", "Abebe", "Holloway", "Yellowhorse", "Castellanos",
]
FACILITY = [
    "St. Brendan's Regional Medical Center", "Pine Hollow Critical Access Hospital",
    "Mercy Ridge Family Clinic", "Tohatchi Health Center", "Clínica Familiar del Valle",
    "Big Horn County Memorial", "Sacred Heart of the Prairie", "Cedar Bluff Rural Health Clinic",
    "Northern Cheyenne IHS Clinic", "Good Samaritan Society - Hettinger",
    "Lakeview Manor Nursing & Rehab", "Roosevelt Memorial Medical Center",
    "Prairie Winds Behavioral Health", "Kodiak Area Native Health Center",
    "Three Rivers Dialysis", "Elkhorn Valley FQHC", "Marcus Daly Memorial",
    "Riverside Assisted Living", "Bayou Teche Community Health", "Sweetgrass Hospice House",
    "UNM Sandoval Regional", "Mountain View Senior Living", "St. Olaf Hospital of Two Harbors",
    "Queen's North Hawaii Community Hospital", "Beartooth Billings Clinic",
]
FACILITY_SHORT = ["St. B's", "Pine Hollow", "Mercy Ridge", "Big Horn Memorial", "Lakeview Manor",
                  "the Roosevelt", "Sweetgrass House", "Cedar Bluff RHC", "Marcus Daly"]
TOWN = [
    "Lame Deer", "Chinle", "Two Harbors", "Waldport", "Bucksport", "Elkader", "Hettinger",
    "Kayenta", "Crow Agency", "Lodge Grass", "Roundup", "Ekalaka", "Tuba City", "Shiprock",
    "Bethel", "Dillingham", "Pahoa", "Breaux Bridge", "Opelousas", "Marfa", "Truth or Consequences",
    "Pie Town", "Wolf Point", "Poplar", "Hardin", "Story", "Ten Sleep", "Hope", "Liberty",
    "Paradise", "Plains", "Wisdom", "Joplin", "Malta", "Glasgow", "Havre", "Circle",
]
STATE = ["MT", "AZ", "NM", "MN", "OR", "ME", "IA", "ND", "AK", "HI", "LA", "TX", "WY", "SD"]
STREET = [
    "Tamarack", "Old Agency", "Bison", "Coulee", "Sagebrush", "Medicine Wheel", "Lone Pine",
    "Cottonwood", "Kingfisher", "Prairie Dog", "Mission", "Juniper", "Chokecherry",
    "Hay Creek", "Rattlesnake", "Beaver Slide", "Whistle Stop", "Heron", "Pelican",
]
SUFFIX = ["Trce", "Xing", "Pkwy", "Loop", "Row", "Spur", "Pass", "Run", "Cutoff", "Aly",
          "Ter", "Close", "Gulch Rd", "Bnd", "Holw", "Trl", "Cir", "Way", "Ct", "Lane", "St"]
EMAIL_DOM = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com",
             "mtbroadband.net", "ruralnet.coop", "nnhs-clinic.org", "tribalmail.us"]
INT_FIRST = ["Siobhan", "Aoife", "Dariusz", "Ines", "Kwame", "Ana Paula"]


def pick(rng, xs):
    return xs[rng.randrange(len(xs))]


def d(rng, n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def first(rng):
    return pick(rng, FIRST)


def last(rng):
    return pick(rng, LAST)


def full(rng):
    f, la = first(rng), last(rng)
    s = rng.randrange(8)
    if s == 0:
        return f"{la.upper()}, {f.upper()}"
    if s == 1:
        return f"{la}, {f} {rng.choice('ABCDEJKLMRSTW')}."
    if s == 2:
        return f"{f[0]}. {la}"
    if s == 3:
        return f"{f.lower()} {la.lower()}"
    return f"{f} {la}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def date(rng, dob=False):
    y = rng.randrange(1924, 1975) if dob else rng.randrange(2019, 2027)
    m = rng.randrange(1, 13)
    dd = rng.randrange(1, 29)
    mon = MONTHS[m - 1]
    s = rng.randrange(14)
    if s == 0:
        return f"{m:02d}/{dd:02d}/{y}"
    if s == 1:
        return f"{m}/{dd}/{str(y)[2:]}"
    if s == 2:
        return f"{m}-{dd}-{y}"
    if s == 3:
        return f"{dd} {mon[:3]} {y}"
    if s == 4:
        return f"{mon} {dd}, {y}"
    if s == 5:
        return f"{y}-{m:02d}-{dd:02d}"
    if s == 6:
        return f"{dd:02d}.{m:02d}.{y}"
    if s == 7:
        return f"{mon[:3]}. {dd}" if mon != "May" else f"May {dd}"
    if s == 8:
        return f"{dd}{'st' if dd in (1, 21) else 'nd' if dd in (2, 22) else 'rd' if dd in (3, 23) else 'th'} of {mon}"
    if s == 9:
        return f"{mon[:3].upper()}-{dd:02d}-{y}"
    if s == 10:
        return f"{m}/{dd}"
    if s == 11:
        return f"{dd}-{mon[:3]}-{str(y)[2:]}"
    if s == 12:
        return f"{mon} {y}"
    return f"{m:02d}{dd:02d}{y}"


def phone(rng):
    a, b, c = rng.choice(["406", "928", "505", "218", "541", "207", "563", "701", "907", "808"]), d(rng, 3), d(rng, 4)
    b = "555" if rng.random() < 0.3 else str(rng.randrange(200, 999))
    s = rng.randrange(9)
    if s == 0:
        return f"({a}) {b}-{c}"
    if s == 1:
        return f"{a}.{b}.{c}"
    if s == 2:
        return f"{a}-{b}-{c}"
    if s == 3:
        return f"+1 {a} {b} {c}"
    if s == 4:
        return f"{b}-{c}"
    if s == 5:
        return f"{a}-{b}-{c} x{rng.randrange(100, 9999)}"
    if s == 6:
        return f"1-{a}-{b}-{c}"
    if s == 7:
        return f"{a}{b}{c}"
    return f"({a}){b}-{c}"


def intl_phone(rng):
    return rng.choice([
        f"+44 {rng.randrange(1200, 1999)} {d(rng, 6)}", f"+353 {rng.randrange(21, 99)} {d(rng, 3)} {d(rng, 4)}",
        f"+52 55 {d(rng, 4)} {d(rng, 4)}", f"+63 917 {d(rng, 3)} {d(rng, 4)}", f"07{d(rng, 3)} {d(rng, 6)}",
        f"+234 803 {d(rng, 3)} {d(rng, 4)}", f"+48 {d(rng, 3)} {d(rng, 3)} {d(rng, 3)}",
    ])


def mrn(rng):
    return rng.choice([d(rng, 8), f"00{d(rng, 6)}", f"A{d(rng, 7)}", f"{d(rng, 3)}-{d(rng, 2)}-{d(rng, 2)}",
                       f"MR{d(rng, 6)}", f"{d(rng, 2)}-{d(rng, 6)}", d(rng, 7), f"H{d(rng, 9)}"])


def acct(rng):
    return rng.choice([d(rng, 10), f"{d(rng, 4)}-{d(rng, 6)}", f"HAR{d(rng, 8)}", f"ZXW{d(rng, 9)}",
                       f"{d(rng, 9)}A", f"MCD-{d(rng, 8)}", f"{d(rng, 3)} {d(rng, 3)} {d(rng, 4)}"])


def ssn(rng):
    a = rng.randrange(100, 899)
    while a == 666:
        a = rng.randrange(100, 899)
    s = rng.randrange(3)
    g, t = rng.randrange(10, 99), d(rng, 4)
    if s == 0:
        return f"{a}-{g}-{t}"
    if s == 1:
        return f"{a} {g} {t}"
    return f"{a}{g}{t}"


def lic(rng):
    return rng.choice([f"{rng.choice('ABCDFGHKLMPRS')}{d(rng, 3)}-{d(rng, 4)}-{d(rng, 4)}", f"0{d(rng, 12)}",
                       f"B{rng.choice('ABFMR')}{d(rng, 7)}", f"RN-{d(rng, 6)}", f"{d(rng, 9)}",
                       f"MED-LIC-{d(rng, 5)}", f"LPN{d(rng, 5)}", f"WDL{d(rng, 2)}{rng.choice('QXZ')}{d(rng, 5)}"])


def plate(rng):
    return rng.choice([f"{rng.randrange(1, 56)}-{d(rng, 4)}{rng.choice('ABCK')}", f"{rng.choice('ABCKM')}{rng.choice('FGHJ')}{rng.choice('RTX')} {d(rng, 4)}",
                       f"{d(rng, 3)} {rng.choice('GHK')}{rng.choice('LMNP')}{rng.choice('RTW')}", f"NAV{d(rng, 4)}",
                       f"{d(rng, 1)}{rng.choice('ABCDE')}{d(rng, 5)}"])


def vin(rng):
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return rng.choice(["1FT", "1GC", "3C6", "2T3", "5N1", "JTD"]) + "".join(rng.choice(chars) for _ in range(14))


def device(rng):
    return rng.choice([f"PJN{d(rng, 6)}H", f"RNB{d(rng, 6)}S", f"NWR{d(rng, 6)}{rng.choice('ABCDE')}",
                       f"SN {d(rng, 3)}-{d(rng, 5)}", f"GL{d(rng, 10)}", f"8{d(rng, 9)}",
                       f"{rng.choice('ABCDEFGH')}{rng.choice('JKLMN')}{d(rng, 4)}{rng.choice('XYZ')}{d(rng, 3)}",
                       f"0A{d(rng, 4)}C{d(rng, 3)}", f"ITN{d(rng, 7)}"])


def ascii_fold(s):
    s = s.replace("ø", "o")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def slug(s, sep):
    return ascii_fold(s.replace(" ", sep).replace("'", "").lower())


def email(rng, f=None, la=None):
    f = (f or first(rng)).split()[0].lower()
    la = (la or last(rng)).replace(" ", "").replace("'", "").lower()
    la = ascii_fold(la)
    s = rng.randrange(6)
    user = [f"{f}.{la}", f"{f[0]}{la}{rng.randrange(10, 99)}", f"{la}_{f}", f"{f}{rng.randrange(1940, 2009)}",
            f"grandma{f}", f"{f}.{la[:3]}{rng.randrange(1, 9)}"][s]
    return f"{user}@{pick(rng, EMAIL_DOM)}"


def url(rng, la=None):
    la = ascii_fold((la or last(rng)).replace(" ", "").replace("'", "").lower())
    return rng.choice([f"https://www.gofundme.com/f/help-{la}-family-{rng.randrange(10, 999)}",
                       f"facebook.com/{la}.{first(rng).lower().split()[0]}.{rng.randrange(1, 99)}",
                       f"www.caringbridge.org/visit/{la}{rng.randrange(1, 99)}",
                       f"http://{la}ranch.com", f"https://instagram.com/{la}_{rng.randrange(100, 999)}",
                       f"https://tinyurl.com/{la[:4]}{d(rng, 3)}",
                       f"https://www.legacy.com/obituaries/name/{la}-obituary?pid={d(rng, 9)}"])


def ip(rng):
    s = rng.randrange(5)
    if s == 0:
        return f"{rng.choice([73, 24, 98, 174, 66, 107])}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if s == 1:
        return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if s == 2:
        return f"192.168.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if s == 3:
        return f"2601:{rng.randrange(4096, 65535):x}:{rng.randrange(4096, 65535):x}::{rng.randrange(1, 65535):x}"
    return f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def age(rng):
    n = rng.randrange(90, 107)
    words = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
             95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight", 99: "ninety-nine"}
    s = rng.randrange(6)
    if s == 0 and n in words:
        return words[n]
    return str(n)


def street(rng):
    n = rng.randrange(1, 48000)
    s = rng.randrange(7)
    if s == 0:
        return f"RR 2 Box {rng.randrange(10, 400)}"
    if s == 1:
        return f"{n} County Road {rng.randrange(1, 900)}"
    if s == 2:
        return f"{n} Hwy {rng.randrange(2, 500)} {rng.choice(['E', 'W', 'N', 'S'])}"
    if s == 3:
        return f"PO Box {rng.randrange(10, 9999)}"
    if s == 4:
        return f"{n} {pick(rng, STREET)} {pick(rng, SUFFIX)}, Unit {rng.randrange(1, 40)}"
    return f"{n} {pick(rng, STREET)} {pick(rng, SUFFIX)}"


def zipc(rng):
    z = f"{rng.choice(['59', '86', '87', '55', '97', '04', '52', '58', '99', '96'])}{d(rng, 3)}"
    return z + (f"-{d(rng, 4)}" if rng.random() < 0.3 else "")


def uk_post(rng):
    return rng.choice([f"BT{rng.randrange(1, 60)} {rng.randrange(1, 9)}{rng.choice('ABDEFGH')}{rng.choice('JLNPQRS')}",
                       f"CF{rng.randrange(10, 48)} {rng.randrange(1, 9)}{rng.choice('ABDEFGH')}{rng.choice('TUWXY')}",
                       f"D0{rng.randrange(1, 9)} {rng.choice('ACEFHK')}{d(rng, 1)}{rng.choice('NPRTV')}{d(rng, 1)}"])


# ------------------------------------------------------------ passage templates
def N(v):
    return (v, "NAME")


def D(v):
    return (v, "DATE")


def hpi(r):
    pt_f, pt_l = first(r), last(r)
    return [
        "ECHO case presentation - presenter Dr. ", N(f"{first(r)} {pick(r, CLIN_LAST)}"), ", ", (pick(r, FACILITY), "FACILITY"),
        ".\nDate presented: ", D(date(r)), "\n\nHPI: ", N(f"{pt_f} {pt_l}"), " is a ", (age(r), "AGE"),
        "-year-old who was found down at home on ", D(date(r)), " by a grandchild, ", N(first(r)),
        ". Brought by EMS to ", (pick(r, FACILITY), "FACILITY"), ", transferred ", D(date(r)),
        ". Per the hub notes ", N(pt_l), " has Parkinson disease and CKD 3b. Contact: ",
        N(f"{first(r)} {pt_l}"), " (daughter) ", (phone(r), "PHONE"), ".",
    ]


def social(r):
    pt_l = last(r)
    return [
        "SOCIAL HISTORY: lives alone at ", (street(r), "ADDRESS"), ", ", (pick(r, TOWN), "LOCATION"), ", ",
        pick(r, STATE), " ", (zipc(r), "ZIP"), ". Widowed; late husband ", N(f"{first(r)} {pt_l}"),
        " died ", D(date(r)), ". Son ", N(first(r)), " drives up from ", (pick(r, TOWN), "LOCATION"),
        " on weekends (cell ", (phone(r), "PHONE"), "). Former school cook at ", (pick(r, TOWN), "LOCATION"),
        " Elementary. Smokes 1/2 ppd x 40 yrs; no EtOH since 1998. Drives a '04 Silverado, plate ",
        (plate(r), "VEHICLE"), ".",
    ]


def fax_cover(r):
    return [
        "FAX COVER SHEET\nTO: Dr. ", N(pick(r, CLIN_LAST)), " / ", (pick(r, FACILITY), "FACILITY"),
        "\nFAX: ", (phone(r), "FAX"), "\nFROM: ", N(f"{first(r)} {last(r)}"), ", RN care coordinator\n",
        "PHONE: ", (phone(r), "PHONE"), "   FAX: ", (phone(r), "FAX"), "\nDATE: ", D(date(r)),
        "   PAGES (incl. cover): 7\nRE: ", N(full(r)), "  DOB ", D(date(r, dob=True)), "  MRN ", (mrn(r), "MRN"),
        "\nCONFIDENTIAL: if received in error call the number above.",
    ]


def reg_row(r):
    f, la = first(r), last(r)
    return [
        "PT NAME|DOB|SEX|MRN|ACCT|SSN|PCP\n", N(f"{la.upper()},{f.upper()}"), "|", D(date(r, dob=True)), "|F|",
        (mrn(r), "MRN"), "|", (acct(r), "ACCOUNT"), "|", (ssn(r), "SSN"), "|", N(f"{pick(r, CLIN_LAST).upper()}, {first(r)[0]}"),
        "\nADDR: ", (street(r), "ADDRESS"), "  ", (pick(r, TOWN).upper(), "LOCATION"), " ", pick(r, STATE), " ",
        (zipc(r), "ZIP"), "\nHOME PH: ", (phone(r), "PHONE"), "  EMAIL: ", (email(r, f, la), "EMAIL"),
    ]


def table(r):
    parts = ["| Name | DOB | MRN | Site | Next visit |\n|---|---|---|---|---|\n"]
    for _ in range(r.randrange(3, 6)):
        parts += ["| ", N(full(r)), " | ", D(date(r, dob=True)), " | ", (mrn(r), "MRN"), " | ",
                  (pick(r, FACILITY_SHORT), "FACILITY"), " | ", D(date(r)), " |\n"]
    return parts


def referral(r):
    c = pick(r, CLIN_LAST)
    pl = last(r)
    return [
        (pick(r, FACILITY), "FACILITY"), "\n", (street(r), "ADDRESS"), "\n", (pick(r, TOWN), "LOCATION"), ", ",
        pick(r, STATE), " ", (zipc(r), "ZIP"), "\nTel ", (phone(r), "PHONE"), " | Fax ", (phone(r), "FAX"), "\n\n",
        D(date(r)), "\n\nDear Dr. ", N(c), ",\n\nThank you for seeing Mr. ", N(f"{first(r)} {pl}"),
        " (DOB ", D(date(r, dob=True)), "), whom I have followed since 2016 for Graves disease and atrial fibrillation. ",
        "Mr. ", N(pl), " prefers to be reached by email at ", (email(r, None, pl), "EMAIL"),
        ". His medical record number with us is ", (mrn(r), "MRN"), ".\n\nSincerely,\n", N(f"{first(r)} {pick(r, CLIN_LAST)}"),
        ", MD",
    ]


def chat(r):
    nurse = first(r)
    return [
        "[09:14] ", N(nurse), ": is this ", N(f"{first(r)} {last(r)}"), "'s mom? she called the line at ", (phone(r), "PHONE"), "\n",
        "[09:15] Dr ", N(pick(r, CLIN_LAST)), ": yes. DOB ", D(date(r, dob=True)), ", she's ", (age(r), "AGE"), " now\n",
        "[09:16] ", N(nurse), ": ok. son says to email him at ", (email(r), "EMAIL"), " and fax records to ",
        (phone(r), "FAX"), "\n[09:18] Dr ", N(pick(r, CLIN_LAST)), ": send him the portal link too. last seen ", D(date(r)), " at ",
        (pick(r, FACILITY_SHORT), "FACILITY"), "\n",
    ]


def discharge(r):
    pl = last(r)
    return [
        "DISCHARGE SUMMARY\nPatient: ", N(full(r)), "   MRN: ", (mrn(r), "MRN"), "   Acct#: ", (acct(r), "ACCOUNT"),
        "\nAdmit: ", D(f"{(m := r.randrange(1, 12))}/{(dd := r.randrange(1, 20))}/{(y := r.randrange(2020, 2027))}"),
        "   Discharge: ", D(f"{m}/{dd + r.randrange(2, 9)}/{y}"), "\nAttending: ", N(f"{first(r)} {pick(r, CLIN_LAST)}"),
        ", DO\nDx: CAP, Cushing syndrome (iatrogenic), T2DM.\nDisposition: to ", (pick(r, FACILITY), "FACILITY"),
        ".\nFollow-up: PCP Dr. ", N(pick(r, CLIN_LAST)), " at ", (pick(r, FACILITY), "FACILITY"), " on ", D(date(r)),
        ", ph ", (phone(r), "PHONE"), ". Family (", N(f"{first(r)} {pl}"), ") updated by phone.",
    ]


def devices(r):
    return [
        "Device check ", D(date(r)), ": dual-chamber PPM, serial ", (device(r), "DEVICE"), ", implanted ", D(date(r)),
        " at ", (pick(r, FACILITY), "FACILITY"), ". Insulin pump S/N ", (device(r), "DEVICE"),
        "; CGM transmitter ID ", (device(r), "DEVICE"), ". Remote monitoring under patient ", N(full(r)),
        ". Battery 8.5 yrs, RV threshold 0.75 V @ 0.4 ms.",
    ]


def mvc(r):
    return [
        "Trauma: unrestrained driver, single-vehicle rollover near ", (pick(r, TOWN), "LOCATION"), " on ", D(date(r)),
        ". Vehicle per trooper: ", ("2011 Ford F-150", ""), ", VIN ", (vin(r), "VEHICLE"), ", plate ", (plate(r), "VEHICLE"),
        ". Driver's license ", (lic(r), "LICENSE"), " in wallet identifies pt as ", N(full(r)), ". Passenger ",
        N(f"{first(r)} {last(r)}"), " taken to ", (pick(r, FACILITY), "FACILITY"), ".",
    ]


def portal(r):
    f, la = first(r), last(r)
    return [
        "IT ticket: portal account ", (email(r, f, la), "EMAIL"), " (", N(f"{f} {la}"), ") locked after 5 failed logins from ",
        (ip(r), "IP"), " and ", (ip(r), "IP"), " on ", D(date(r)), ". Patient also posted records at ",
        (url(r, la), "URL"), ". Reset by ", N(first(r)), " (help desk), callback ", (phone(r), "PHONE"), ".",
    ]


def caps(r):
    return [
        "PT: ", N(f"{last(r).upper()} {first(r).upper()}"), "  DOB: ", D(date(r, dob=True).upper()), "  AGE: ",
        (age(r), "AGE"), "  MR#: ", (mrn(r), "MRN"), "\nRM: 4 WEST  ADM ", D(date(r).upper()),
        "\nNOK: ", N(f"{first(r).upper()} {last(r).upper()}"), " (NIECE) ", (phone(r), "PHONE"),
        "\nSS#: ", (ssn(r), "SSN"), "  MCARE ID: ", (acct(r), "ACCOUNT"),
    ]


def lower(r):
    return [
        "pt ", N(f"{first(r).lower()} {last(r).lower()}"), " seen in clinc today w/ dtr ", N(first(r).lower()),
        ". c/o sob x3d. lives in ", (pick(r, TOWN).lower(), "LOCATION"), " out on ", (street(r).lower(), "ADDRESS"),
        ". f/u w dr ", N(pick(r, CLIN_LAST).lower()), " on ", D(date(r).lower()), " , call dtr ", (phone(r), "PHONE"),
        " if worse. she is ", (age(r), "AGE"), "yo.",
    ]


def intl(r):
    f = pick(r, INT_FIRST)
    return [
        "Visiting from abroad. Patient ", N(f"{f} {last(r)}"), ", DOB ", D(f"{r.randrange(1, 29):02d}/{r.randrange(1, 13):02d}/19{r.randrange(30, 75)}"),
        ", home address ", (f"{r.randrange(1, 200)} {pick(r, STREET)} Close", "ADDRESS"), ", ",
        (r.choice(["Ballymena", "Merthyr Tydfil", "Dún Laoghaire", "Oaxaca de Juárez", "Zakopane", "Iloilo City"]), "LOCATION"),
        " ", (uk_post(r), "ZIP"), ". NHS/health number ", (f"{d(r, 3)} {d(r, 3)} {d(r, 4)}", "MRN"),
        ". GP: Dr ", N(pick(r, CLIN_LAST)), ", tel ", (intl_phone(r), "PHONE"), ". Arrived ", D(date(r)), ".",
    ]


def nursing_home(r):
    return [
        "Resident of ", (pick(r, FACILITY), "FACILITY"), " since 2021. Mrs. ", N(last(r)),
        " is a ", (age(r), "AGE"), " y/o woman with Alzheimer dementia (MoCA 11/30 on ", D(date(r)),
        "). POA is her nephew ", N(f"{first(r)} {last(r)}"), ", ", (street(r), "ADDRESS"), ", ",
        (pick(r, TOWN), "LOCATION"), ", phone ", (phone(r), "PHONE"), ". Her sister, age ", (age(r), "AGE"),
        ", lives at the same facility.",
    ]


def medlist(r):
    return [
        "Medication reconciliation ", D(date(r)), "\n- apixaban 5 mg PO BID (Rx by Dr. ", N(pick(r, CLIN_LAST)),
        ", DEA ", (f"B{r.choice('ABFMR')}{d(r, 7)}", "LICENSE"), ")\n- levothyroxine 88 mcg daily\n- carbidopa/levodopa 25/100 TID\n",
        "Pharmacy: ", (r.choice(["Hi-Line Drug", "Reservation Pharmacy", "Bighorn Rx", "Teche Apothecary"]), "FACILITY"),
        ", ", (pick(r, TOWN), "LOCATION"), ", ph ", (phone(r), "PHONE"), ", fax ", (phone(r), "FAX"),
        "\nVerified with patient ", N(full(r)), " and her son.",
    ]


def split_lines(r):
    ph = phone(r)
    cut = max(3, len(ph) // 2)
    nm = f"{first(r)}\n{last(r)}"
    return [
        "Contact info (as typed into the intake box, line breaks kept):\nName: ", N(nm), "\nAddress: ",
        (f"{r.randrange(10, 9999)} {pick(r, STREET)}\n{pick(r, SUFFIX)}", "ADDRESS"), "\n",
        (pick(r, TOWN), "LOCATION"), " ", (zipc(r), "ZIP"), "\nPhone: ", (ph[:cut] + "\n" + ph[cut:], "PHONE"),
        "\nEmail: ", (email(r), "EMAIL"), "\nDOB: ", (f"{r.randrange(1, 13)}/{r.randrange(1, 29)}/\n19{r.randrange(20, 60)}", "DATE"),
    ]


def partial(r):
    return [
        "Identity verified by phone with last 4 of SSN (", (d(r, 4), "SSN"), ") and DOB ", D(date(r, dob=True)),
        ". Caller gave MRN ending in ", (d(r, 4), "MRN"), "; SSN on file xxx-xx-", (d(r, 4), "SSN"),
        ". Caller ", N(first(r)), " (spouse) asked that letters go to ", (street(r), "ADDRESS"), ". Call-back ",
        (phone(r), "PHONE"), ".",
    ]


def echo_slide(r):
    return [
        "Project ECHO - Geriatric Mental Health\nTeleECHO clinic date: ", D(date(r)), "\nPresenting site: ",
        (pick(r, FACILITY), "FACILITY"), ", ", (pick(r, TOWN), "LOCATION"), "\nPresenter: ", N(f"{first(r)} {last(r)}"),
        ", LCSW (", (email(r), "EMAIL"), ")\nCase: ", (age(r), "AGE"), " yo man, PHQ-9 of 17, born ", D(date(r, dob=True)),
        ", uses a walker. Hub specialist Dr. ", N(pick(r, CLIN_LAST)), " suggested mirtazapine 7.5 mg qHS.",
    ]


def insurance(r):
    return [
        "Billing note: Medicaid ID ", (acct(r), "ACCOUNT"), ", secondary IHS, guarantor ", N(full(r)),
        " acct ", (acct(r), "ACCOUNT"), ". Claim for DOS ", D(date(r)), " denied; resubmitted ", D(date(r)),
        ". Subscriber SSN ", (ssn(r), "SSN"), ". Mail EOB to ", (street(r), "ADDRESS"), ", ", (pick(r, TOWN), "LOCATION"),
        " ", (zipc(r), "ZIP"), ".",
    ]


def telehealth(r):
    return [
        "Telehealth visit ", D(date(r)), " via ", (f"https://{r.choice(['bhclinic', 'nnhs', 'prairiewinds'])}.zoom.us/j/{d(r, 10)}?pwd={d(r, 6)}", "URL"),
        ". Patient ", N(full(r)), " joined from ", (ip(r), "IP"), " at her sister's in ", (pick(r, TOWN), "LOCATION"),
        ". Interpreter ", N(first(r)), " (Diné). Next visit scheduled ", D(date(r)), ".",
    ]


def family(r):
    la = last(r)
    return [
        "FAMILY HX: mother ", N(f"{first(r)} {la}"), " d. ", D(date(r, dob=True)), " (age ", (age(r), "AGE"),
        ") of Hodgkin lymphoma; father ", N(first(r)), " alive at ", (age(r), "AGE"), " in ", (pick(r, TOWN), "LOCATION"),
        ". Brother ", N(f"{first(r)} {la}"), " has Crohn disease; uncle's obituary: ",
        (f"https://www.legacy.com/us/obituaries/name/{slug(la, '-')}-obituary?id={d(r, 8)}", "URL"), ".",
    ]


def soap(r):
    return [
        "S: f/u HTN. s/p CABG ", D(f"{r.randrange(1, 13)}/{r.randrange(2005, 2020)}"), ", last A1c ", D(date(r)), " was 7.9%.\n",
        "O: BP 148/92, HR 71. Wt 88 kg.\nA/P: increase lisinopril to 20 mg. RTC ", D(date(r)), " w/ Dr. ", N(pick(r, CLIN_LAST)),
        ".\nSigned ", N(f"{first(r)} {pick(r, CLIN_LAST)}"), ", FNP-C, lic. ", (lic(r), "LICENSE"), "  ", D(date(r)), " 1642",
    ]


def email_thread(r):
    f, la = first(r), pick(r, CLIN_LAST)
    return [
        "From: ", N(f"{f} {la}"), " <", (email(r, f, la), "EMAIL"), ">\nSent: ", D(date(r)), " 7:42 AM\nTo: ECHO Hub\n",
        "Subject: case for next week - ", N(f"{last(r)}"), "\n\nPatient's granddaughter ", N(first(r)),
        " can be reached at ", (email(r), "EMAIL"), " or ", (phone(r), "PHONE"), ". Workplace fax ", (phone(r), "FAX"),
        ". Her CNA license is ", (lic(r), "LICENSE"), " if the agency asks.",
    ]


def hunting(r):
    return [
        "Injury: gored by bull on family ranch off ", (street(r), "ADDRESS"), " near ", (pick(r, TOWN), "LOCATION"),
        ". Flown from ", (pick(r, FACILITY), "FACILITY"), " on ", D(date(r)), ". Ranch website ", (f"www.{slug(last(r), '')}angus.com", "URL"),
        ". Hunting/fishing license ", (f"FWP {d(r, 10)}", "LICENSE"), " and ATV reg ", (plate(r), "VEHICLE"),
        " found in jacket. Wife ", N(full(r)), " at ", (phone(r), "PHONE"), ".",
    ]


def dialysis(r):
    return [
        (pick(r, FACILITY), "FACILITY"), " - HD run sheet\n", N(full(r)), "  chair 6  ", D(date(r)), "\n",
        "Machine: Fresenius 2008T serial ", (device(r), "DEVICE"), "; AVF L arm. Transport by ", (r.choice(["Big Sky Rides", "Tribal Transit"]), "FACILITY"),
        ", van plate ", (plate(r), "VEHICLE"), ". Pt is ", (age(r), "AGE"), " and Nephrology (Dr. ", N(pick(r, CLIN_LAST)),
        ") aware.",
    ]


def word_names(r):
    w = r.choice(["Hope", "Faith", "Joy", "Will", "Grant", "Dawn", "Summer", "Rose", "Major", "Page"])
    la = r.choice(["Young", "Strong", "Love", "Price", "Small", "Good", "Rich", "Walker", "Stone", "King"])
    return [
        "Pt ", N(f"{w} {la}"), " here with her mother. ", N(w), " reports she lost hope after the fall; ",
        "mother says ", N(w), " has been doing better since ", D(date(r)), ". Ms. ", N(la),
        " works at ", (pick(r, FACILITY_SHORT), "FACILITY"), ". Email ", (email(r, w, la), "EMAIL"), ".",
    ]


def lab_req(r):
    return [
        "LAB REQUISITION\nOrdering: ", N(f"{pick(r, CLIN_LAST)}, {first(r)}"), "  ", (pick(r, FACILITY), "FACILITY"),
        "\nPatient: ", N(full(r)), "  DOB ", D(date(r, dob=True)), "  MRN ", (mrn(r), "MRN"), "\nCollected ", D(date(r)),
        " 0815   Tests: CBC, CMP, TSH, A1c\nClient acct ", (acct(r), "ACCOUNT"), "  Report fax ", (phone(r), "FAX"),
    ]


TEMPLATES = [
    ("hpi", hpi), ("social", social), ("fax", fax_cover), ("reg", reg_row), ("table", table),
    ("referral", referral), ("chat", chat), ("discharge", discharge), ("device", devices), ("mvc", mvc),
    ("portal", portal), ("caps", caps), ("lower", lower), ("intl", intl), ("nh", nursing_home),
    ("meds", medlist), ("split", split_lines), ("partial", partial), ("slide", echo_slide),
    ("billing", insurance), ("tele", telehealth), ("famhx", family), ("soap", soap), ("email", email_thread),
    ("ranch", hunting), ("dialysis", dialysis), ("wordnames", word_names), ("labreq", lab_req),
]

# Hand-written passages (shapes the templates do not cover).
HAND = [
    ("fax-ocr", [
        "F A X   T O : Dr. ", N("Hazelwood"), "   ", ("Sacred Heart of the Prairie", "FACILITY"), "\n",
        "FX# ", ("(701) 567-2290", "FAX"), "   PH# ", ("(701) 567-2200", "PHONE"), "\n",
        "pt. ", N("Arliss Two Bulls"), "   d.o.b. ", D("O3/I7/1931"), " (sic, scanned)   ", ("95", "AGE"), " yrs\n",
        "SSN ", ("5O1-22-4O87", "SSN"), " - OCR read zeros as letters",
    ]),
    ("voicemail", [
        "Voicemail transcribed: hi this is ", N("Cleta Runningwater"), " calling about my dad ", N("Merle"),
        " he was born ", D("june third nineteen twenty nine"), " so hes ", ("ninety seven", "AGE"),
        " call me back at ", ("four oh six, five five five, oh one eight eight", "PHONE"), " thanks",
    ]),
    ("address-unusual", [
        "Home: ", ("Mile Marker 14, BIA Route 4", "ADDRESS"), ", ", ("Pinon", "LOCATION"), " (no mail delivery; use ",
        ("PO Box 512", "ADDRESS"), ", ", ("Chinle", "LOCATION"), " ", ("86503", "ZIP"), "). Directions: 3rd hogan past the chapter house.",
    ]),
    ("ipv6-log", [
        "audit: login for user ", ("lavonne.vang@ruralnet.coop", "EMAIL"), " from ", ("2601:1c2:4a01:77e0::3f", "IP"),
        " and ", ("fe80::1ff:fe23:4567:890a", "IP"), " opened chart ", ("00917733", "MRN"), " on ", D("2026-03-04"),
    ]),
    ("email-spelled-out", [
        "Daughter asked us to write to ", ("marybeth.tsosie (at) gmail (dot) com", "EMAIL"),
        " because the portal (", ("https://mychart.pinehollow-health.org/", "URL"), ") rejects her. Mom is ",
        N("Wynona Tsosie"), ", MRN ", ("PH-0048213", "MRN"), ".",
    ]),
    ("spanish", [
        "Paciente: ", N("Guadalupe Ortiz Ramírez"), ", fecha de nacimiento ", D("3 de abril de 1941"),
        ", tel. ", ("55 1234 5678", "PHONE"), ", domicilio ", ("Calle Hidalgo 14, Col. Centro", "ADDRESS"), ", ",
        ("Tlacolula de Matamoros", "LOCATION"), ", C.P. ", ("70400", "ZIP"), ". Acompañada por su hija ", N("Xochitl"), ".",
    ]),
    ("print-footer", [
        "...continued\nPrinted ", D("12/01/2026"), " 14:02 | Page 1 of 2 | ", N("BEGAY, LORETTA J"), " | MRN: ",
        ("7731-0042", "MRN"), " | Enc ", ("CSN 4408812276", "ACCOUNT"), "\n", ("Elkhorn Valley FQHC", "FACILITY"),
        " - CONFIDENTIAL",
    ]),
    ("gofundme", [
        "Social work: family started ", ("gofundme.com/f/bring-grandpa-delbert-home", "URL"), " for the medevac bill. ",
        "Grandpa ", N("Delbert Bearchild"), ", ", ("93", "AGE"), ", from ", ("Lodge Grass", "LOCATION"), ".",
    ]),
]


# ------------------------------------------------------------- clean passages
EPONYM = [
    "Parkinson disease with freezing of gait", "Hodgkin lymphoma in remission since 2012", "Cushing syndrome from chronic prednisone",
    "Graves disease, treated with RAI in 2009", "Bell palsy on the left, resolved", "Addison disease on hydrocortisone 15 mg AM / 5 mg PM",
    "Crohn disease on adalimumab", "Wilson disease screen negative", "Down syndrome with early-onset dementia",
    "Lewy body dementia", "Guillain-Barre syndrome in 2017", "Hashimoto thyroiditis", "Sjogren syndrome",
    "Barrett esophagus on surveillance", "Raynaud phenomenon", "Alzheimer disease, moderate stage", "Huntington disease (family history)",
    "Meniere disease", "Paget disease of bone", "Kaposi sarcoma history", "Tourette syndrome",
]
DRUGS = [
    "Eliquis 5 mg BID", "Ozempic 0.5 mg weekly", "metformin 1000 mg BID", "Lasix 40 mg daily", "Seroquel 25 mg qHS",
    "Sinemet 25/100 TID", "Aricept 10 mg daily", "Namenda 10 mg BID", "Keppra 500 mg BID", "Xarelto 20 mg with supper",
    "Lantus 22 units qHS", "Humalog sliding scale", "Norco 5/325 q6h PRN", "Narcan 4 mg nasal kit at home",
    "Suboxone 8/2 mg SL daily", "Jardiance 10 mg daily", "Entresto 24/26 mg BID", "Synthroid 75 mcg daily",
    "Zoloft 50 mg daily", "Depakote ER 750 mg qHS", "trazodone 50 mg qHS PRN", "Tylenol 650 mg q6h PRN",
]
LABS = [
    "Na 134, K 4.1, Cl 99, CO2 24, BUN 31, Cr 1.6", "eGFR 48", "A1c 7.2%", "TSH 0.02, free T4 2.9",
    "INR 2.3", "Hgb 9.8, plt 412", "BNP 1,240", "troponin 0.04", "LDL 112", "vitamin B12 180", "Mg 1.6",
    "lithium level 0.9", "UDS positive for THC only", "ferritin 12", "WBC 14.2 with 82% PMNs", "lactate 2.1",
]
SCORES = [
    "MoCA 24/30", "MMSE 19/30", "PHQ-9 of 14", "GAD-7 of 9", "CHA2DS2-VASc 4", "HAS-BLED 2", "Glasgow Coma Scale 14",
    "Braden 13", "Morse fall score 65", "AUDIT-C 6", "CIWA 8", "COWS 11", "Apgar 8 and 9", "Katz ADL 4/6",
    "Timed Up and Go 18 seconds", "SLUMS 20/30", "Epworth 15", "Wells score 3",
]
VITALS = [
    "BP 142/88", "BP 118/64 sitting, 96/58 standing", "HR 104", "SpO2 91% on 2 L NC", "T 38.4 C", "RR 22",
    "Wt 61.2 kg, down 4 kg in 3 months", "BMI 31.4", "pain 6/10", "vision 20/40 OU",
]
PLACES = [
    "the ER", "home", "the nursing home", "the ICU", "4 West", "the step-down unit", "the MICU", "urgent care",
    "the dialysis unit", "the chapter house meeting", "the clinic", "the pharmacy", "rehab", "church",
    "the senior center", "the reservation clinic", "a group home", "the jail infirmary", "her daughter's house",
]
AGES_OK = ["78-year-old", "64 yo", "82 y/o", "age 89", "a man in his 80s", "56-year-old", "71-year-old", "33 yo", "89-year-old"]
TIMES = ["at 0730", "at 14:20", "around 3 AM", "overnight", "at noon", "q4-6h", "for 3 weeks", "x2 days", "since 2019",
         "in 2021", "for about 10 years", "two days ago", "last winter", "since the 1990s"]
LOOKALIKE = [
    "Follow the Epley maneuver handout", "Babinski negative bilaterally", "Murphy sign equivocal",
    "ICD-10 E11.9 and I48.91", "CPT 99214 billed", "the Whipple procedure was not offered",
    "she keeps hope that her son will visit", "grant funding covers the CHW", "will re-check in 2 weeks",
    "taking 1/2 tab on bad days", "uses 3/4 of her inhaler before refilling", "BRCA1 testing declined",
    "CGM app version 10.2.0.1 crashed", "infusion pump alarm code 4-112 cleared", "dose 0.5-1 mg q4h",
    "step 3 of 5 on the pathway", "pack-years 42", "ejection fraction 35-40%", "QTc 472 ms",
    "ratio 2:1 with 4.5% albumin", "Hb A1c goal below 8", "page 2 of 3", "Medicare Part D coverage gap",
    "walked 150 feet with a rolling walker", "Code status: DNR/DNI", "room air", "Foley removed POD 2",
    "St. John's wort 300 mg daily (stopped)", "48-hour Holter monitor ordered", "Swan-Ganz catheter removed",
    "Doppler negative for DVT", "Tinel and Phalen positive on the right", "Lou Gehrig disease ruled out",
    "Heimlich performed by staff", "Mallampati class III", "Kussmaul respirations resolved",
    "Beers list reviewed", "Kernig and Brudzinski signs negative", "Tdap given, next due in 10 years",
]
CLEAN_SHAPES = ["hpi", "assess", "meds", "labs", "plan", "table", "chat", "caps", "lower", "ros"]


def clean_passage(r, shape):
    def some(xs, k):
        return r.sample(xs, k)

    if shape == "hpi":
        return (f"HPI: {pick(r, AGES_OK)} with {pick(r, EPONYM)} and {pick(r, EPONYM)}, brought to {pick(r, PLACES)} "
                f"{pick(r, TIMES)} after a fall at {pick(r, PLACES)}. {pick(r, VITALS)}, {pick(r, VITALS)}. "
                f"{pick(r, SCORES)}; {pick(r, SCORES)}. {pick(r, LOOKALIKE).capitalize()}.")
    if shape == "assess":
        return (f"Assessment: {pick(r, EPONYM)} - stable. {pick(r, LABS)}; {pick(r, LABS)}. "
                f"Continue {pick(r, DRUGS)}. {pick(r, LOOKALIKE).capitalize()}. Returned to {pick(r, PLACES)} {pick(r, TIMES)}.")
    if shape == "meds":
        return "Current medications:\n" + "\n".join(f"- {m}" for m in some(DRUGS, r.randrange(4, 8))) + \
            f"\nAllergies: sulfa (rash). {pick(r, LOOKALIKE).capitalize()}."
    if shape == "labs":
        return ("Labs " + pick(r, TIMES) + ": " + "; ".join(some(LABS, r.randrange(3, 6))) + ". "
                + ", ".join(some(VITALS, 3)) + ".")
    if shape == "plan":
        return (f"Plan discussed at ECHO: taper {pick(r, DRUGS)}, start {pick(r, DRUGS)}. Repeat {pick(r, SCORES)} "
                f"in 3 months. Refer to {pick(r, PLACES)} for PT. {pick(r, LOOKALIKE).capitalize()}. Hub recommends "
                f"checking {pick(r, LABS)} again.")
    if shape == "table":
        rows = "\n".join(f"| {s} | {v} |" for s, v in zip(some(SCORES, 3), some(VITALS, 3)))
        return "| Score | Vital |\n|---|---|\n" + rows
    if shape == "chat":
        return (f"[08:02] RN: {pick(r, AGES_OK)} in bed 3 has {pick(r, VITALS)}\n[08:03] MD: give {pick(r, DRUGS)}, "
                f"recheck {pick(r, ['in 4 hours', 'at 1600', 'after dialysis', 'in the AM'])}\n[08:05] RN: ok. {pick(r, LOOKALIKE)}\n")
    if shape == "caps":
        return (f"DX: {pick(r, EPONYM).upper()}. MEDS: {pick(r, DRUGS).upper()}. {pick(r, VITALS).upper()}. "
                f"DISPO: {pick(r, PLACES).upper()}.")
    if shape == "lower":
        return (f"pt is {pick(r, AGES_OK)} w/ hx {pick(r, EPONYM).lower()}. {pick(r, SCORES).lower()}. "
                f"taking {pick(r, DRUGS).lower()}. went to {pick(r, PLACES)} {pick(r, TIMES)}. {pick(r, LOOKALIKE).lower()}")
    return (f"ROS: + fatigue, - chest pain. PMH: {pick(r, EPONYM)}; {pick(r, EPONYM)}. Social: lives at {pick(r, PLACES)}, "
            f"quit smoking in {pick(r, ['2004', '2015', '1999', '2022', 'the 1980s'])}. {pick(r, SCORES)}. {pick(r, LOOKALIKE).capitalize()}.")


# ------------------------------------------------------------------- assembly
def build(parts):
    text, spans = "", []
    for p in parts:
        if isinstance(p, tuple):
            value, cat = p
            if cat:
                spans.append([len(text), len(text) + len(value), cat])
            text += value
        else:
            text += p
    return text, spans


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    n = 0
    order = []
    for i in range(295):
        order.append(TEMPLATES[i % len(TEMPLATES)])
    rng.shuffle(order)
    for name, fn in order:
        n += 1
        text, spans = build(fn(rng))
        rows.append({"id": f"H-P{n:03d}-{name}", "split": "heldout", "carrier": "", "text": text, "spans": spans})
    for name, parts in HAND:
        n += 1
        text, spans = build(parts)
        rows.append({"id": f"H-P{n:03d}-{name}", "split": "heldout", "carrier": "", "text": text, "spans": spans})
    for i in range(150):
        n += 1
        shape = CLEAN_SHAPES[i % len(CLEAN_SHAPES)]
        rows.append({"id": f"H-P{n:03d}-clean-{shape}", "split": "heldout", "carrier": "",
                     "text": clean_passage(rng, shape), "spans": []})
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
