#!/usr/bin/env python3
"""Write set P (heldout.jsonl): 270 identifier passages and 180 clean passages.

Standard library only; seed 20261212 for Python's `random`; no set or dict iteration order
depends on hashing, so the same bytes come out whatever PYTHONHASHSEED.
A template marks a value slot as {CAT} or {CAT:kind}; the slot is filled by a generator below
and recorded as a span [start, end, CAT]. Plain text between slots is written as is.

Run: python3 make_set.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEED = 20261212
R = random.Random(SEED)

# ---- people: typed pools (combined at random; no real person is intended) -------------------
GIVEN = [
    # St. John Valley Franco-American (Maine)
    "Rosaire", "Gaetan", "Real", "Lucienne", "Jeannine", "Clovis", "Doris", "Normand", "Yvette",
    "Adelard", "Berthe", "Fernand", "Rita", "Laurier", "Ghislaine",
    # Passamaquoddy and Maliseet (Maine)
    "Wayne", "Darlene", "Newell", "Allen", "Vera", "Roxanne", "Dwayne", "Lola",
    # Volga German and Black Sea German (the Dakotas)
    "Reinhold", "Ottilie", "Gottlieb", "Emilie", "Lorenz", "Magdalena", "Ewald", "Rosina", "Alvin",
    "Leona", "Wendelin", "Regina",
    # Smith Island and Delmarva watermen
    "Elbert", "Jennings", "Dolly", "Otis", "Mildred", "Pernell", "Lorraine", "Dwight",
    # Rio Grande Valley Tejano
    "Eloy", "Anselmo", "Maricela", "Yesenia", "Rogelio", "Nereida", "Baldemar", "Araceli",
    "Jesus Ramiro", "Ma. Guadalupe", "Cirilo", "Oralia", "Homero", "Delfina",
    # word names and clinic words as given names
    "Pearl", "Fern", "Dusty", "Sunny", "Hunter", "Bliss", "Story", "Wren", "Sage", "Rusty",
]
SURNAMES = [
    "Cyr", "Daigle", "Thibodeau", "Pelletier", "Ouellette", "Michaud", "Dube", "Voisine",
    "Raymond", "Violette", "Plourde", "Soucy", "Bouchard", "Chasse", "Gagnon", "Lapointe",
    "Sockabasin", "Soctomah", "Neptune", "Dana", "Newell", "Tomah", "Nicholas", "Sapiel",
    "Schaible", "Kusler", "Eisenbeis", "Haisch", "Zacher", "Bitz", "Kleinsasser", "Roemmich",
    "Hoffer", "Mettler", "Aman", "Fischer",
    "Dize", "Kitching", "Bradshaw", "Tyler", "Evans", "Marshall", "Tull", "Somers", "Crockett",
    "Garza", "Cantu", "Guerra", "Trevino", "Saenz", "Longoria", "Benavides", "Villarreal",
    "Ybarra", "Cavazos", "Zamora", "Pena",
    # eponym surnames (the clean passages hold their eponyms)
    "Murphy", "Homans", "Graves", "Addison", "Paget", "Cushing", "Bell", "Wilson", "Lyme",
    "Trousseau", "Apgar", "Braxton", "Hicks", "Barrett", "Crohn", "Wells", "Glasgow",
    # word surnames
    "Cough", "Hart", "Fever", "Ache", "Swallow", "Blood", "Bone", "Pillar",
]
EMAIL_DOMAINS = ["sjvmail.net", "quoddynet.org", "prairiewire.com", "smithisle.us",
                 "rgvconnect.net", "eastshore.email", "dakotalink.coop", "valleytel.mx"]

# ---- places: real towns in regions none of J-O's READMEs name (ZIPs as remembered) ----------
TOWNS = [
    # (town, county, state, zip3 or zip, area code)
    ("Madawaska", "Aroostook", "ME", "04756", "207"), ("Fort Kent", "Aroostook", "ME", "04743", "207"),
    ("Frenchville", "Aroostook", "ME", "04745", "207"), ("Van Buren", "Aroostook", "ME", "04785", "207"),
    ("St. Agatha", "Aroostook", "ME", "04772", "207"), ("Eagle Lake", "Aroostook", "ME", "04739", "207"),
    ("Allagash", "Aroostook", "ME", "04774", "207"), ("Caribou", "Aroostook", "ME", "04736", "207"),
    ("Presque Isle", "Aroostook", "ME", "04769", "207"), ("Mars Hill", "Aroostook", "ME", "04758", "207"),
    ("Houlton", "Aroostook", "ME", "04730", "207"), ("Limestone", "Aroostook", "ME", "04750", "207"),
    ("Lubec", "Washington", "ME", "04652", "207"), ("Eastport", "Washington", "ME", "04631", "207"),
    ("Machias", "Washington", "ME", "04654", "207"), ("Jonesport", "Washington", "ME", "04649", "207"),
    ("Calais", "Washington", "ME", "04619", "207"), ("Perry", "Washington", "ME", "04667", "207"),
    ("Princeton", "Washington", "ME", "04668", "207"), ("Cherryfield", "Washington", "ME", "04622", "207"),
    ("Mobridge", "Walworth", "SD", "57601", "605"), ("Eureka", "McPherson", "SD", "57437", "605"),
    ("Hosmer", "Edmunds", "SD", "57448", "605"), ("Bowdle", "Edmunds", "SD", "57428", "605"),
    ("Ipswich", "Edmunds", "SD", "57451", "605"), ("Freeman", "Hutchinson", "SD", "57029", "605"),
    ("Tripp", "Hutchinson", "SD", "57376", "605"), ("Menno", "Hutchinson", "SD", "57045", "605"),
    ("Parkston", "Hutchinson", "SD", "57366", "605"), ("Selby", "Walworth", "SD", "57472", "605"),
    ("Ashley", "McIntosh", "ND", "58413", "701"), ("Wishek", "McIntosh", "ND", "58495", "701"),
    ("Linton", "Emmons", "ND", "58552", "701"), ("Strasburg", "Emmons", "ND", "58573", "701"),
    ("Hazelton", "Emmons", "ND", "58544", "701"), ("Napoleon", "Logan", "ND", "58561", "701"),
    ("Harvey", "Wells", "ND", "58341", "701"), ("Rugby", "Pierce", "ND", "58368", "701"),
    ("Crisfield", "Somerset", "MD", "21817", "410"), ("Ewell", "Somerset", "MD", "21824", "410"),
    ("Tylerton", "Somerset", "MD", "21866", "410"), ("Princess Anne", "Somerset", "MD", "21853", "410"),
    ("Snow Hill", "Worcester", "MD", "21863", "410"), ("Pocomoke City", "Worcester", "MD", "21851", "410"),
    ("Salisbury", "Wicomico", "MD", "21801", "410"), ("Cambridge", "Dorchester", "MD", "21613", "410"),
    ("Hurlock", "Dorchester", "MD", "21643", "410"), ("Seaford", "Sussex", "DE", "19973", "302"),
    ("Georgetown", "Sussex", "DE", "19947", "302"), ("Millsboro", "Sussex", "DE", "19966", "302"),
    ("Laurel", "Sussex", "DE", "19956", "302"), ("Chincoteague", "Accomack", "VA", "23336", "757"),
    ("Onancock", "Accomack", "VA", "23417", "757"), ("Parksley", "Accomack", "VA", "23421", "757"),
    ("Exmore", "Northampton", "VA", "23350", "757"), ("Cape Charles", "Northampton", "VA", "23310", "757"),
    ("Edinburg", "Hidalgo", "TX", "78539", "956"), ("Pharr", "Hidalgo", "TX", "78577", "956"),
    ("Weslaco", "Hidalgo", "TX", "78596", "956"), ("Mercedes", "Hidalgo", "TX", "78570", "956"),
    ("Donna", "Hidalgo", "TX", "78537", "956"), ("Alamo", "Hidalgo", "TX", "78516", "956"),
    ("Elsa", "Hidalgo", "TX", "78543", "956"), ("La Joya", "Hidalgo", "TX", "78560", "956"),
    ("Progreso", "Hidalgo", "TX", "78579", "956"), ("Harlingen", "Cameron", "TX", "78550", "956"),
    ("San Benito", "Cameron", "TX", "78586", "956"), ("Port Isabel", "Cameron", "TX", "78578", "956"),
    ("Los Fresnos", "Cameron", "TX", "78566", "956"), ("Raymondville", "Willacy", "TX", "78580", "956"),
    ("Rio Grande City", "Starr", "TX", "78582", "956"), ("Roma", "Starr", "TX", "78584", "956"),
    ("Zapata", "Zapata", "TX", "78076", "956"),
]
STREET_WORDS = ["Potato House", "Acadian", "Sardine Factory", "Weir", "Blueberry Barren", "Smelt Brook",
                "Shelterbelt", "Coulee", "Rock Pile", "Sunflower", "Durum", "Pheasant Run", "Crab Shanty",
                "Skipjack", "Marsh", "Broiler House", "Oyster Shell", "Colonia", "Citrus", "Resaca",
                "Onion Shed", "Sugar Mill", "Levee", "Mile 7 North", "Grapefruit", "Muskmelon"]
SUFFIXES = ["Rd", "Road", "Ln", "St", "Ave", "Dr", "Hwy", "Trl", "Way"]
FAC_KINDS = ["Regional Hospital", "Community Health Center", "Health Clinic", "Medical Center",
             "Family Practice", "Pharmacy", "Rural Health Clinic", "Ambulance Service",
             "Nursing and Rehab", "Dialysis Unit", "Public Library", "Elementary School",
             "Volunteer Fire Dept", "Senior Center", "Free Clinic"]

USED: dict[str, int] = {}


def fresh(make):
    """Draw a value used in fewer than two passages so far (case ignored)."""
    for _ in range(500):
        v = make()
        if USED.get(v.lower(), 0) < 2:
            return v
    raise SystemExit("value pool exhausted")


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
    body = R.choice("12") + digits(8)
    return body + luhn_digit("80840" + body)


def dea(surname: str) -> str:
    d = [R.randrange(10) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return R.choice("ABFGM") + surname[0].upper() + "".join(map(str, d)) + str(check)


VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin() -> str:
    v = list(R.choice(["1FT", "1GC", "3C6", "1FM", "5TF", "2T3", "1N6", "4T1"]) +
             "".join(R.choice(VIN_CH) for _ in range(5)) + "0" + R.choice("LMNPR") +
             R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + digits(6))
    total = sum(VIN_VAL[c] * w for c, w in zip(v, VIN_W))
    v[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(v)


def imei() -> str:
    body = R.choice(["35", "86", "01", "99"]) + digits(12)
    return body + luhn_digit(body)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]


def date(kind: str = "") -> str:
    y, m, d = R.randrange(2019, 2027), R.randrange(1, 13), R.randrange(1, 29)
    kind = kind or R.choice(["dmy.", "iso", "mdy", "dMy", "long", "mes", "dmy/", "compact"])
    if kind == "dmy.":
        return f"{d:02d}.{m:02d}.{y}"
    if kind == "iso":
        return f"{y}-{m:02d}-{d:02d}"
    if kind == "mdy":
        return f"{m}/{d}/{y % 100:02d}"
    if kind == "dMy":
        return f"{d:02d}-{MONTHS[m - 1][:3].upper()}-{y}"
    if kind == "long":
        return f"{MONTHS[m - 1]} {d}, {y}"
    if kind == "mes":
        return f"{d} de {MESES[m - 1]} de {y}"
    if kind == "dmy/":
        return f"{d:02d}/{m:02d}/{y}"
    if kind == "dob":
        y = R.randrange(1920, 1936)
        return f"{m}/{d}/{y}"
    return f"{y}{m:02d}{d:02d}"


def town():
    return R.choice(TOWNS)


def phone(area: str = "") -> str:
    area = area or R.choice(["207", "605", "701", "410", "302", "757", "956"])
    n = f"{R.randrange(200, 990)}"
    last = digits(4)
    return R.choice([f"({area}) {n}-{last}", f"{area}.{n}.{last}", f"{area}-{n}-{last}",
                     f"+1 {area} {n} {last}", f"{area} {n} {last}", f"1-{area}-{n}-{last}"])


def given() -> str:
    return R.choice(GIVEN)


def surname() -> str:
    s = R.choice(SURNAMES)
    if R.random() < 0.08:
        s = s + "-" + R.choice(SURNAMES)
    return s


def name(kind: str = "") -> str:
    g, s = given(), surname()
    if kind == "last_first":
        return f"{s.upper()}, {g.upper()}"
    if kind == "lower":
        return f"{g} {s}".lower()
    if kind == "caps":
        return f"{g} {s}".upper()
    if kind == "init":
        return f"{g[0]}. {s}"
    return f"{g} {s}"


def facility() -> str:
    t = town()[0]
    k = R.choice(FAC_KINDS)
    return R.choice([f"{t} {k}", f"{t} {k}", f"{t.upper()} {k.upper()}", f"{k} of {t}"])


def address() -> str:
    r = R.random()
    if r < 0.15:
        return f"PO Box {R.randrange(10, 2999)}"
    if r < 0.25:
        return f"HC {R.randrange(60, 90)} Box {R.randrange(10, 999)}"
    if r < 0.35:
        return f"{R.randrange(100, 9999)} Mile {R.randrange(2, 18)} {R.choice(['N', 'W', 'E'])} Rd"
    return f"{R.randrange(2, 4999)} {R.choice(STREET_WORDS)} {R.choice(SUFFIXES)}"


def zipc() -> str:
    z = town()[3]
    z = z[:3] + digits(2)
    return z + ("-" + digits(4) if R.random() < 0.3 else "")


def email(who: str = "") -> str:
    g, s = given().split()[0].replace(".", ""), surname().split("-")[0]
    user = R.choice([f"{g}.{s}", f"{g[0]}{s}", f"{s}{R.randrange(10, 99)}", f"{g}_{s[:3]}"]).lower()
    return f"{user}@{R.choice(EMAIL_DOMAINS)}"


def ip() -> str:
    return R.choice([f"10.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(1, 255)}",
                     f"172.{R.randrange(16, 32)}.{R.randrange(256)}.{R.randrange(1, 255)}",
                     f"{R.randrange(24, 209)}.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(1, 255)}"])


def url() -> str:
    t = town()[0].lower().replace(" ", "").replace(".", "")
    return R.choice([f"https://{t}health.org/portal/pt/{digits(6)}",
                     f"http://www.{t}clinic.net/records?id={digits(7)}",
                     f"https://my.{t}-rhc.com/u/{given().split()[0].lower()}{digits(3)}",
                     f"https://telemed.{t}.us/room/{digits(5)}"])


def ssn() -> str:
    return R.choice([f"{R.randrange(1, 899):03d}-{R.randrange(1, 99):02d}-{R.randrange(1, 9999):04d}",
                     f"{R.randrange(1, 899):03d} {R.randrange(1, 99):02d} {R.randrange(1, 9999):04d}",
                     f"xxx-xx-{R.randrange(1, 9999):04d}"])


def mrn() -> str:
    return R.choice([f"MR{digits(7)}", f"{digits(8)}", f"SJV-{digits(6)}", f"E{digits(6)}",
                     f"{digits(3)}-{digits(3)}-{digits(2)}"])


def account() -> str:
    return R.choice([f"{digits(4)}-{digits(5)}", f"ACCT{digits(8)}", f"{digits(10)}",
                     f"MCD {digits(9)}", f"{digits(1)}{R.choice('ABCDEFGHJK')}{R.choice('ABCDEFGHJK')}{digits(1)}-{R.choice('ABCDEFGHJK')}{R.choice('ABCDEFGHJK')}{digits(1)}-{R.choice('ABCDEFGHJK')}{R.choice('ABCDEFGHJK')}{digits(2)}"])


def license_(kind: str = "") -> str:
    kind = kind or R.choice(["npi", "dea", "state", "dl"])
    if kind == "npi":
        return npi()
    if kind == "dea":
        return dea(surname())
    if kind == "state":
        return R.choice([f"ME-MD{digits(5)}", f"RN{digits(6)}", f"TX-{R.choice('NP')}{digits(6)}",
                         f"SD{digits(5)}"])
    return R.choice([f"{digits(7)}", f"S{digits(3)}-{digits(4)}-{digits(4)}", f"{digits(9)}"])


def vehicle(kind: str = "") -> str:
    kind = kind or R.choice(["vin", "plate", "plate"])
    if kind == "vin":
        return vin()
    return R.choice([f"{digits(4)} {R.choice('ABCDEFGHJKLMNPRSTVWXY')}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}",
                     f"{digits(1)}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}{digits(1)} {digits(3)}",
                     f"{R.choice('ABCDEFGHJKLMNPRSTVWXY')}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}-{digits(4)}",
                     f"{digits(1)}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}{digits(3)}"])


def device(kind: str = "") -> str:
    kind = kind or R.choice(["imei", "sn", "mac"])
    if kind == "imei":
        return imei()
    if kind == "mac":
        return ":".join(f"{R.randrange(256):02X}" for _ in range(6))
    return R.choice([f"{R.choice(['PX', 'GZ', 'QM', 'TR'])}{digits(7)}", f"SN{digits(4)}-{digits(4)}",
                     f"{digits(2)}{R.choice('KLMN')}{digits(6)}"])


def age() -> str:
    a = R.randrange(90, 105)
    return R.choice([str(a), str(a), str(a), {90: "ninety", 91: "ninety-one", 92: "ninety-two",
                                               93: "ninety-three", 100: "one hundred"}.get(a, str(a))])


GEN = {
    "NAME": name, "DATE": date, "FACILITY": lambda k="": facility(), "PHONE": phone, "FAX": phone,
    "LOCATION": lambda k="": town()[0] if k != "county" else town()[1],
    "ADDRESS": lambda k="": address(), "ZIP": lambda k="": zipc(), "EMAIL": email, "IP": lambda k="": ip(),
    "URL": lambda k="": url(), "SSN": lambda k="": ssn(), "MRN": lambda k="": mrn(),
    "ACCOUNT": lambda k="": account(), "LICENSE": license_, "VEHICLE": vehicle, "DEVICE": device,
    "AGE": lambda k="": age(),
}

SLOT = re.compile(r"\{([A-Z]+)(?::([A-Za-z_/.]+))?\}")

# ---- identifier passage shapes: writing styles none of J-O's READMEs name -------------------
SHAPES = {
    "ski_patrol": (
        "SKI PATROL ACCIDENT REPORT  lower mountain / Lift 3 base\n"
        "Injured: {NAME}   DOB {DATE:dob}   Age 41\n"
        "Home: {ADDRESS}, {LOCATION} ME {ZIP}   Cell {PHONE}\n"
        "Patroller: {NAME:init} (OEC cert {LICENSE:state})   Toboggan to first aid at 14:20\n"
        "Transport: {FACILITY} via private vehicle, plate {VEHICLE:plate}\n"
        "Witness: {NAME} {PHONE}   Report filed {DATE:dMy}"),
    "lobster_vhf": (
        "VHF ch16 log transcribed by harbormaster, {LOCATION} {DATE:iso}\n"
        "0612 lobster boat reports sternman {NAME:caps} caught in pot warp, pulled overboard, recovered.\n"
        "0630 captain {NAME} requests EMS at town landing. callback cell {PHONE}.\n"
        "0655 handed to {FACILITY} crew; pt cell IMEI {DEVICE:imei} found in oilskins.\n"
        "0710 wife {NAME} notified at {ADDRESS}. truck left at landing plate {VEHICLE:plate}."),
    "poultry_nurse": (
        "plant nurse daily log - deboning line 2 - {DATE:mdy}\n"
        "emp # {MRN}  {NAME:lower}  lac L index finger from wizard knife, steri-strips, back to line\n"
        "emp # {MRN}  {NAME:lower}  tendinitis R wrist, referred {FACILITY}, fax sent to {FAX}\n"
        "interpreter (Haitian Creole) by phone {PHONE}. workers comp claim {ACCOUNT}.\n"
        "OSHA 300 entry by {NAME:init}, employee SSN on file {SSN}"),
    "promotora": (
        "Visita de promotora / community health worker home visit - {DATE:mes}\n"
        "Familia de {NAME}, colonia address {ADDRESS}, {LOCATION}, TX {ZIP}.\n"
        "Abuela {NAME}, age {AGE}, diabetes tipo 2, glucometer serial {DEVICE:sn}, no tira strips since {DATE:dmy/}.\n"
        "Medicaid {ACCOUNT} ; CHIP for grandkids. Cita con Dr. {NAME} at {FACILITY}, tel {PHONE}.\n"
        "Promotora: {NAME} ({EMAIL})"),
    "beet_harvest": (
        "SUGAR BEET CAMPAIGN FIRST AID - piler site {LOCATION}\n"
        "Date {DATE:dmy.}  Worker {NAME}  DL {LICENSE:dl}  crew bus plate {VEHICLE:plate}\n"
        "Complaint: dust in eye, irrigated. Truck VIN {VEHICLE:vin} logged for scale ticket.\n"
        "Emergency contact {NAME} at {PHONE}, {ADDRESS}, ND {ZIP}\n"
        "Entered by {NAME:init}, workstation {IP}"),
    "helpdesk_ticket": (
        "Ticket #{ACCOUNT} - telehealth cart will not connect\n"
        "Reported by: {NAME} <{EMAIL}> ext {PHONE}\n"
        "Site: {FACILITY}\n"
        "Cart serial {DEVICE:sn}, NIC {DEVICE:mac}, last seen at {IP}, gateway {IP}\n"
        "Note: patient {NAME} (MRN {MRN}) was in the room when the call dropped; visit moved to {URL}\n"
        "Assigned: {NAME:init}, closed {DATE:iso}"),
    "email_fwd": (
        "From: {NAME} <{EMAIL}>\nSent: {DATE:long} 4:12 PM\nTo: referrals <{EMAIL}>\n"
        "Subject: FW: fax from {FACILITY}\n\n"
        "see below, ref for {NAME}, DOB {DATE:dob}, MRN {MRN}. their fax {FAX}, phone {PHONE}.\n"
        "Pt lives at {ADDRESS}, {ZIP}; SSN {SSN}. Portal: {URL}"),
    "dialysis_transport": (
        "DIALYSIS TRANSPORT SCHEDULE  wk of {DATE:dMy}\n"
        "{NAME:last_first}   M/W/F 0545   {ADDRESS}   van {VEHICLE:plate}   driver {NAME}\n"
        "{NAME:last_first}   T/Th/S 1030   {ADDRESS}   van {VEHICLE:plate}   age {AGE}\n"
        "dispatch {PHONE}  fax {FAX}  unit: {FACILITY}"),
    "fixed_width": (
        "RX REFILL QUEUE (fixed width export)\n"
        "RX#       PATIENT                 DOB        PRESCRIBER NPI  DEA\n"
        "{ACCOUNT}  {NAME:caps}    {DATE:mdy}  {LICENSE:npi}  {LICENSE:dea}\n"
        "{ACCOUNT}  {NAME:caps}    {DATE:mdy}  {LICENSE:npi}  {LICENSE:dea}\n"
        "callback {PHONE} / fax {FAX}  store: {FACILITY}"),
    "markdown_table": (
        "| field | value |\n|---|---|\n| participant | {NAME} |\n| enrolled | {DATE:iso} |\n"
        "| age | {AGE} |\n| town | {LOCATION} |\n| zip | {ZIP} |\n| phone | {PHONE} |\n"
        "| email | {EMAIL} |\n| site | {FACILITY} |\n| consent witness | {NAME} |\n| ip of e-consent | {IP} |"),
    "fax_ocr": (
        "F A X   T R A N S M I T T A L   {FACILITY}\n"
        "To:  {NAME}    Fax :  {FAX}\nFrom :  {NAME}    Ph :  {PHONE}\n"
        "Re :  pt  {NAME}   D O B  {DATE:dob}   Acct  {ACCOUNT}\n"
        "Pages : 4   Date :  {DATE:dmy/}   SSN  {SSN}\n"
        "Return address {ADDRESS} ,  {ZIP}"),
    "hospice_bereavement": (
        "Bereavement mailing list, {FACILITY}\n"
        "Decedent: {NAME}, died {DATE:long} at age {AGE}, {LOCATION}\n"
        "Survivor: {NAME} (daughter), {ADDRESS}, {ZIP}, {PHONE}, {EMAIL}\n"
        "Chaplain {NAME} (lic {LICENSE:state}) to visit in 13 months; memorial page {URL}"),
    "vet_bite": (
        "Animal bite / rabies exposure intake, county sanitarian, {LOCATION:county} County\n"
        "Victim {NAME}, SSN {SSN}, seen {DATE:dmy.} at {FACILITY}\n"
        "Dog owner {NAME}, {ADDRESS}, tel {PHONE}, pickup plate {VEHICLE:plate}\n"
        "Microchip {DEVICE:sn}, rabies tag {ACCOUNT}. Quarantine release {DATE:iso}."),
    "cad_bolo": (
        "ATTN ALL UNITS - ELOPED NURSING HOME RESIDENT\n"
        "{NAME:caps}, W/M, AGE {AGE}, LAST SEEN {DATE:dMy} 2140 HRS AT {FACILITY}\n"
        "MAY BE DRIVING VEH VIN {VEHICLE:vin}, PLATE {VEHICLE:plate}\n"
        "CELL PH {PHONE} IMEI {DEVICE:imei} - CARRIER PINGS NEAR {LOCATION}\n"
        "CONTACT SON {NAME:caps} {PHONE}"),
    "school_forms": (
        "sports physical form scanned {DATE:compact} / {FACILITY}\n"
        "student {NAME:lower} ; parent {NAME:lower} ; cell {PHONE} ; parent email {EMAIL}\n"
        "home {ADDRESS}, {ZIP} ; insurance member {ACCOUNT} ; pcp npi {LICENSE:npi}\n"
        "upload from {IP} to {URL}"),
}

# ---- clean passages: hard negatives only (no identifier of any kind) ------------------------
EPONYMS = ["Murphy sign", "Homans sign", "Graves disease", "Addison disease", "Paget disease of bone",
           "Cushing triad", "Bell palsy", "Wilson disease", "Lyme carditis", "Trousseau sign",
           "Apgar of 8 and 9", "Braxton Hicks contractions", "Barrett esophagus", "Crohn flare",
           "Wells score of 4", "Glasgow Coma Scale 14", "Chvostek sign", "Kernig and Brudzinski signs",
           "a Hutchinson freckle", "Osgood-Schlatter", "the Parkland formula", "a Colles fracture"]
DRUGS = ["metformin 500 mg BID", "apixaban 5 mg twice daily", "insulin glargine 22 units nightly",
         "furosemide 40 mg", "tamsulosin 0.4 mg", "levothyroxine 88 mcg", "amoxicillin 875 mg",
         "doxycycline 100 mg for 21 days", "prednisone taper from 40 mg", "semaglutide 0.5 mg weekly",
         "naloxone 4 mg nasal", "buprenorphine-naloxone 8/2 mg film", "ondansetron 4 mg ODT"]
DEVICES = ["Dexcom G7", "Omnipod 5", "Medtronic 780G", "LUCAS 3.1", "Zoll X Series",
           "Philips Trilogy Evo", "ResMed AirSense 11", "Masimo Rad-97", "iSTAT CG8+",
           "Butterfly iQ3 probe", "Lifepak 35", "BiliChek"]
MEASURES = ["BP 148/92", "HR 104", "SpO2 91% on room air", "A1c 9.4%", "eGFR 38", "BNP 1240",
            "INR 2.6", "temp 38.9 C", "weight down 4 kg", "peak flow 210 L/min", "K 5.8", "Hgb 8.1"]
PLACEWORDS = ["Lyme disease", "Rocky Mountain spotted fever", "Marburg virus", "a Madura foot",
              "St. Louis encephalitis", "Norwegian scabies", "German measles", "Mercedes incision",
              "a Salisbury steak", "Cambridge diet", "the Georgetown protocol", "Eureka moment",
              "Harvey's circulation lecture", "Napoleon complex", "a Roman nose", "mountain laurel poisoning",
              "Alamo-style last stand", "Princeton consensus"]
WORDNAMES = ["pearl of wisdom", "fern test", "dusty cough at the elevator", "sunny disposition",
             "hunter syndrome", "sage advice", "rusty sputum", "story of chest pain", "bone pain",
             "heart failure", "blood sugar", "cough variant asthma", "swallow study", "pillar of care"]
CLEAN_SHAPES = {
    "echo_didactic": lambda: (f"teaching point from the spoke: consider {R.choice(EPONYMS)} when you see "
                              f"{R.choice(MEASURES)}; start {R.choice(DRUGS)} and recheck in two weeks."),
    "lower_texting": lambda: (f"pt says her {R.choice(DEVICES).lower()} keeps alarming overnight. "
                              f"{R.choice(MEASURES).lower()}. told her {R.choice(WORDNAMES)} matters, call if worse"),
    "caps_teletype": lambda: (f"NO PHI IN THIS CHANNEL. PROTOCOL REMINDER: {R.choice(EPONYMS).upper()} "
                              f"AND {R.choice(PLACEWORDS).upper()} ARE REPORTABLE PER 2024 GUIDANCE. "
                              f"STOCK {R.choice(DRUGS).upper()}."),
    "markdown_table": lambda: ("| item | model | check |\n|---|---|---|\n" +
                               "\n".join(f"| {R.choice(['AED', 'pump', 'CGM', 'vent', 'monitor'])} | "
                                         f"{R.choice(DEVICES)} | {R.choice(['weekly', 'monthly', 'daily'])} |"
                                         for _ in range(3))),
    "fixed_width": lambda: ("DRUG                          FORMULARY  TIER\n" +
                            "\n".join(f"{R.choice(DRUGS):30s}{R.choice(['yes', 'no', 'PA']):11s}"
                                      f"{R.randrange(1, 5)}" for _ in range(3))),
    "ocr_fax_spacing": lambda: (f"P R O T O C O L   p a g e  2  o f  3 :  {R.choice(EPONYMS)}  -  "
                                f"treat with  {R.choice(DRUGS)} ;  monitor  {R.choice(MEASURES)}"),
    "spanglish": lambda: (f"Paciente con {R.choice(WORDNAMES)}; le explique el {R.choice(EPONYMS)}. "
                          f"Sigue con {R.choice(DRUGS)}. {R.choice(MEASURES)} hoy, mejor que la semana pasada."),
    "place_words": lambda: (f"Differential included {R.choice(PLACEWORDS)}, {R.choice(PLACEWORDS)} and "
                            f"{R.choice(EPONYMS)}; none fit. {R.choice(MEASURES)}."),
    "guideline_years": lambda: (f"Per the GOLD {R.randrange(2019, 2027)} report and ADA Standards of Care "
                                f"{R.randrange(2019, 2027)}, escalate to {R.choice(DRUGS)}. "
                                f"Recheck in {R.randrange(2, 13)} weeks."),
    "device_lot": lambda: (f"Recall notice: {R.choice(DEVICES)} model lot {R.choice('ABCDEFGH')}{R.randrange(10, 99)} "
                           f"firmware 4.{R.randrange(0, 9)}.{R.randrange(0, 20)}.{R.randrange(1, 300)} "
                           f"may misread; sensor room {R.randrange(100, 400)}."),
    "pipe_rows": lambda: ("\n".join(f"{R.choice(['AM', 'PM', 'HS'])}|{R.choice(DRUGS)}|{R.choice(MEASURES)}"
                                    for _ in range(3))),
    "codes": lambda: (f"ICD-10 E11.65, I50.32, Z79.4; CPT 99214, 99497; LOINC 4548-4; "
                      f"{R.choice(EPONYMS)} documented; {R.choice(WORDNAMES)}."),
}


def fill(template: str) -> tuple[str, list]:
    out, spans, pos = [], [], 0
    length = 0
    for m in SLOT.finditer(template):
        lit = template[pos:m.start()]
        out.append(lit)
        length += len(lit)
        cat, kind = m.group(1), m.group(2) or ""
        value = fresh(lambda: GEN[cat](kind) if kind else GEN[cat]())
        spans.append([length, length + len(value), cat])
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    text = "".join(out)
    for s, e, c in spans:
        v = text[s:e].lower()
        if c != "AGE":
            USED[v] = USED.get(v, 0) + 1
    return text, spans


def main() -> None:
    rows = []
    names = list(SHAPES)
    for i in range(270):
        shape = names[i % len(names)]
        text, spans = fill(SHAPES[shape])
        rows.append(("id", shape, text, spans))
    cnames = list(CLEAN_SHAPES)
    for i in range(180):
        shape = cnames[i % len(cnames)]
        rows.append(("clean", shape, CLEAN_SHAPES[shape](), []))
    R.shuffle(rows)
    lines = []
    for n, (kind, shape, text, spans) in enumerate(rows, 1):
        lines.append(json.dumps({"id": f"P-P{n}-{kind}-{shape}", "split": "heldout", "carrier": "",
                                 "text": text, "spans": spans}, ensure_ascii=False))
    Path(__file__).with_name("heldout.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
