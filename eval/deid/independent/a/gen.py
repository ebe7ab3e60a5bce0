#!/usr/bin/env python3
"""Generate the frozen held-out de-identification set (seeded; hand-written pools).

Run once: python3 gen.py  -> heldout.jsonl
Every span is built from the inserted value itself and checked: text[s:e] == value.
"""
import json, random, re

SEED = 20261204
R = random.Random(SEED)
CORPUS = str(__import__("pathlib").Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "cases.jsonl")

# ---------------------------------------------------------------- carrier text
cases = [json.loads(l) for l in open(CORPUS, encoding="utf-8")]
BAD = re.compile(
    r"\b(Dr|Mr|Mrs|Ms|Miss|Sr|Jr)\b|XYZ|ABC|XXX|Month|YYYY|Sample|Hospital|Clinic|University|Center|"
    r"Medical|County|Street|Avenue|\bDD\b|@|www|http|\b(19|20)\d\d\b|\d{1,2}/\d{1,2}/\d{2}|"
    r"^[A-Z]\.|\s[A-Z]\.\s|\b(9\d|1[01]\d)[- ]year|\bJohn\b|\bJane\b|\bDoe\b|\bSmith\b|Mayo Clinic|"
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
    r"August|September|October|November|December)\b|\bphone\b|\bfax\b|[A-Z]{2,}\s[A-Z][a-z]+ [A-Z][a-z]+")
sents = []
for c in cases:
    for para in c["body"].split("\n"):
        for s in re.split(r"(?<=[a-z0-9%)]\.)\s+(?=[A-Z])", para):
            s = s.strip()
            if 45 <= len(s) <= 230 and not BAD.search(s) and s.endswith(".") and not s.isupper() \
                    and ":" not in s and "(" not in s[:3]:
                sents.append((c["ref"], s))
by_doc = {}
for ref, s in sents:
    by_doc.setdefault(ref, []).append(s)
docs = sorted(d for d in by_doc if len(by_doc[d]) >= 3)

HARDNEG = re.compile(
    r"Graves|Bell's|Parkinson|Foley|Whipple|Crohn|Hodgkin|Alzheimer|Babinski|Homan|Murphy|McBurney|Apgar|Glasgow|"
    r"Down syndrome|Cushing|Addison|Hashimoto|Raynaud|Barrett|Kerley|Doppler|Swan|Hickman|Jackson-Pratt|Metzenbaum|"
    r"Kocher|Allis|Bovie|Vicryl|Prolene|Monocryl|Tegaderm|Xeroform|Steri|Dermabond|Marcaine|Lidocaine|Coumadin|"
    r"Lasix|Tylenol|Motrin|Norco|Vicodin|Keflex|Ancef|Zofran|Lipitor|Plavix|Toradol|Betadine|DuraPrep|Gelfoam|"
    r"Surgicel|Kirschner|Steinmann|Trendelenburg|Valsalva|Romberg|Tinel|Phalen|Lachman|McMurray|Spurling|Kernig|"
    r"Brudzinski|Bankart|Colles|Baker's|Wilms|Kaposi|Guillain|Tourette|Asperger|Epley|Hasson|Veress|Mallampati|"
    r"\b\d+/\d+\b|\bmg\b|\bmEq\b|\bmmHg\b|\bGCS\b|\bscore\b|\bgrade\b|\b[CLT]\d-[CLT]?\d\b|\bmL\b|\bcc\b|%")

# ---------------------------------------------------------------- value pools
FIRST = ["Aleksandra", "Tomasz", "Nguyen Thi", "Oluwaseun", "Chidinma", "Keanu", "Mei-Ling", "Haruto", "Yuki",
         "Priyanka", "Raghav", "Siddharth", "Fatima", "Yusuf", "Layla", "Mehmet", "Esra", "Bogdan", "Ilona",
         "Dagny", "Sigrun", "Torvald", "Aoife", "Ciaran", "Siobhan", "Rhys", "Efua", "Kwabena", "Thandiwe",
         "Sipho", "Marisol", "Joaquin", "Guadalupe", "Xiomara", "Ignacio", "Rosalind", "Percival", "Winifred",
         "Clementine", "Ezekiel", "Hezekiah", "Dashawn", "Latrice", "Tamika", "Shaquille", "Kalani", "Leilani",
         "Anh", "Bao", "Quang", "Svetlana", "Dmitri", "Anastasia", "Giorgos", "Eleni", "Stavros", "Ingrid",
         "Lars", "Henrike", "Matthias", "Zofia", "Wojciech", "Nadia", "Omar", "Samira", "Tariq", "Noor",
         "Ravi", "Anjali", "Deepika", "Kofi", "Ama", "Tiago", "Beatriz", "Gonçalo", "Lorenzo", "Chiara",
         "Bernadette", "Earl", "Dolores", "Vernon", "Myrtle", "Cletus", "Opal", "Wendell", "Jolene", "Buford",
         "Ximena", "Mateo", "Renata", "Hamid", "Parisa", "Darius", "Soo-ah", "Min-jun", "Ji-woo", "Tuan"]
LAST = ["Wiśniewski", "Kowalczyk", "Okonkwo", "Adeyemi", "Nwosu", "Kahananui", "Tanaka", "Watanabe", "Kobayashi",
        "Chatterjee", "Venkataraman", "Subramanian", "Al-Haddad", "Haddad", "Yilmaz", "Öztürk", "Petrović",
        "Horváth", "Lindqvist", "Haugen", "Ó Súilleabháin", "O'Driscoll", "McNamara", "Llewellyn", "Mensah",
        "Asante", "Dlamini", "Ndlovu", "Villanueva", "Ibarra", "Cienfuegos", "Quintanilla", "Ashworth",
        "Fairbanks", "Pennington", "Blankenship", "Washington", "Jefferson", "Broussard", "Thibodeaux",
        "Fontenot", "Nakamura", "Pham", "Tran", "Huynh", "Volkov", "Kuznetsova", "Papadopoulos", "Georgiou",
        "Andersen", "Schreiber", "Müller", "Nowak", "Zielinski", "Rahimi", "Karimi", "Siddiqui", "Qureshi",
        "Banerjee", "Reddy", "Boateng", "Owusu", "Carvalho", "Figueiredo", "Bianchi", "Esposito", "Greer",
        "Pickett", "Stroud", "Tackett", "Hatfield", "Goins", "Sandoval", "Zamora", "Moradi", "Tehrani",
        "Park", "Choi", "Jeong", "Vo", "Delacroix", "Beaumont", "Gallagher", "Brennan", "Kaur", "Singh",
        "Whitfield", "Marchetti", "Okafor", "Eze", "Begay", "Yazzie", "Running Bear", "Two Feathers", "Lacroix"]
CLIN_LAST = ["Abernathy", "Farooqui", "Lindgren", "Oyelaran", "Castellanos", "Hwang", "Rutherford", "Deshmukh",
             "Kaminski", "Osei", "Mbeki", "Vasquez-Ortiz", "Halvorsen", "Brightwater", "Sato", "Quigley"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
REAL_TOWNS = ["Wahpeton", "Kanab", "Hays", "Red Cloud", "Dubois", "Mineral Point", "Yreka", "Lamesa", "Presque Isle",
              "Ely", "Tonopah", "Hurley", "Chinle", "Marfa", "Boonville", "Decorah", "Vidalia", "Lusk", "Pahrump",
              "Ironwood", "Bemidji", "Crockett", "Ogallala", "Walsenburg", "Sisseton", "Hazard", "Paintsville",
              "Natchitoches", "Opelousas", "Tupelo", "Corbin", "Elko", "Glasgow", "Sitka", "Kodiak", "Hilo",
              "Moab", "Durango", "Taos", "Lordsburg", "Mount Pleasant", "Gallup", "Bisbee", "Weed"]
FAKE_TOWNS = ["Norbury Falls", "East Calverton", "Pell Junction", "Marlow Creek", "Westhaven Ridge", "Quillan",
              "Dunmore Flats", "Ashby Crossing", "North Fenwick", "Lake Orrin", "Tressel", "Coldharbor",
              "Saint Ivo", "Bramwell Springs", "Upper Kessock", "Orvilleton", "Jadeport", "New Halvard",
              "Port Emmerich", "Lindell Gap", "Wrenfield", "Carrow", "Ostrander Mills", "Fort Deliah"]
COUNTIES = ["Harlan County", "Buffalo County", "Mora County", "Loving County", "Keweenaw County", "Tulare County",
            "Putnam County", "Wasco County"]
STATES = ["MT", "WV", "NE", "Kentucky", "NM", "Iowa", "ND", "Oregon", "GA", "AZ", "Maine", "TX"]
STREET_NAMES = ["Birchwood", "Quarry", "Old Mill", "Tanner", "Heron", "Cottonwood", "Saddleback", "Juniper",
                "Larkspur", "Ironstone", "Weaver", "Fox Run", "Kettle", "Pawnee", "Sycamore", "Bellwether",
                "Cider Press", "Hollis", "Marigold", "Dunraven", "Whistler", "Copperfield", "Stillwater",
                "Meadowlark", "Chestnut", "Ridgeback", "Orchard", "Calloway", "Ferncliff", "Yancey", "Tumbleweed",
                "Martin Luther King Jr", "Route 9", "County Road 14", "Township Line", "Harbor View"]
SUFFIXES = ["Manor", "Spur", "Landing", "Crossing", "Pike", "Trace", "Hollow", "Loop", "Row", "Prairie",
            "Gateway", "Orchard", "Grove", "Forge", "Bend", "Bluff", "Causeway", "Commons", "Cove", "Crest",
            "Glen", "Heights", "Knoll", "Meadows", "Mews", "Pass", "Path", "Plaza", "Point", "Ridge", "Run",
            "Shoals", "Square", "Terrace", "Turnpike", "Vista", "Walk", "Way", "Wynd", "Alley", "Trail",
            "Ave", "St.", "Blvd", "Rd", "Dr.", "Ln", "Ct", "Pkwy", "Hwy", "Cir", "Pl", "Xing", "Tpke", "Trce"]
UNITS = ["Apt 3B", "Apt. 12", "Unit 4", "#207", "Ste 110", "Suite 5A", "Lot 22", "Trlr 7", "Bldg C, Apt 14",
         "Unit 2, Rm 9", "Fl 3", "Rm 118", "Space 41", "Apt #6C"]
FAC = ["St. Brigid's Medical Center", "Cedar Hollow Nursing and Rehabilitation", "Lakeview Elementary School",
       "Pinecrest Family Clinic", "Mount Carmel Hospice", "Riverbend Dialysis Unit", "Good Shepherd Home",
       "Sunrise Assisted Living of Marlow Creek", "Holy Redeemer Hospital", "Bayside Urgent Care",
       "Johns Hopkins Hospital", "Massachusetts General", "Cleveland Clinic", "Norbury Falls Community Hospital",
       "Kessock Valley Regional", "Hilltop Manor Care Center", "Willow Bend Senior Living", "Tressel High School",
       "Our Lady of Lourdes", "Evergreen Pediatrics", "Three Rivers Behavioral Health", "Saint Ivo Infirmary",
       "Grandview Rehab", "Harbor Lights Detox", "Meadowbrook Middle School", "Copper Basin Medical Clinic",
       "Valley Presbyterian", "Sacred Heart Children's", "Dunmore Flats VA CBOC", "Prairie Wind Long Term Care",
       "Kodiak Area Native Health", "Bramwell Springs Surgery Center", "Lindell Gap Free Clinic",
       "Oakhurst Women's Health", "North Fenwick Correctional Facility", "Ridgeway Montessori",
       "Wrenfield Dialysis", "Fort Deliah Army Community Hospital", "Blue Heron Adult Day Center",
       "Carrow Memorial"]
CARRIERS = ["BCBS", "Aetna", "Humana", "Tricare", "Cigna", "UHC", "Medicaid", "Medicare", "Kaiser", "Anthem",
            "Molina", "Ambetter", "Wellcare", "Highmark"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "protonmail.com", "comcast.net",
           "hotmail.co.uk", "web.de", "norburyfalls.k12.us", "stbrigids.org", "mail.ru"]


def d(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def L(n):
    return "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def an(n):
    return "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(n))


# Each generator returns a list of parts: plain strings and (value, CATEGORY) tuples.
def g_name():
    f, l = R.choice(FIRST), R.choice(LAST)
    k = R.randrange(10)
    if k == 0: return [(f"{l}, {f}", "NAME")]
    if k == 1: return [(f"{l.upper()}, {f.upper()}", "NAME")]
    if k == 2: return [(f"{f.lower()} {l.lower()}", "NAME")]
    if k == 3: return [(f"{f} {L(1)}. {l}", "NAME")]
    if k == 4: return [R.choice(["Mr. ", "Mrs. ", "Ms. ", "Miss "]), (l, "NAME")]
    if k == 5: return [(f"{f[0]}. {l}", "NAME")]
    return [(f"{f} {l}", "NAME")]


def g_first():
    return [(R.choice(FIRST), "NAME")]


def g_clin():
    k = R.randrange(4)
    l = R.choice(CLIN_LAST)
    if k == 0: return ["Dr. ", (l, "NAME")]
    if k == 1: return [(f"{R.choice(FIRST)} {l}", "NAME"), R.choice([", MD", ", DO", ", NP", ", PA-C", " RN"])]
    if k == 2: return ["dr ", (l.lower(), "NAME")]
    return [(f"{l}, {R.choice(FIRST)[0]}.", "NAME"), " MD"]


def g_date(recent=False):
    y = R.randint(2015, 2026) if recent else R.randint(1931, 2025); m = R.randint(1, 12); dd = R.randint(1, 28)
    k = R.randrange(17)
    ords = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}
    o = ords.get(dd, "th")
    v = [f"{m:02d}/{dd:02d}/{y}", f"{m}/{dd}/{y % 100:02d}", f"{y}-{m:02d}-{dd:02d}", f"{MONTHS[m-1]} {dd}, {y}",
         f"{MABBR[m-1]} {dd} {y}", f"{dd}-{MABBR[m-1].upper()}-{y}", f"{dd} {MONTHS[m-1]} {y}",
         f"{m}/{dd}", f"{MABBR[m-1]} {dd}{o}", f"the {dd}{o} of {MONTHS[m-1]}", f"{MONTHS[m-1].upper()} {dd}, {y}",
         f"{m:02d}.{dd:02d}.{y}", f"{y}{m:02d}{dd:02d}", f"{MABBR[m-1]}. {dd}", f"{MONTHS[m-1]} {y}",
         f"{m}-{dd}-{y}", f"{MONTHS[m-1].lower()} {dd}"][k]
    return [(v, "DATE")]


def g_age():
    a = R.randint(90, 106)
    words = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
             95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight", 99: "ninety-nine"}
    k = R.randrange(8)
    if k == 0: return [(str(a), "AGE"), "-year-old"]
    if k == 1: return ["age ", (str(a), "AGE")]
    if k == 2: return [(str(a), "AGE"), " yo"]
    if k == 3: return [(str(a), "AGE"), " y/o"]
    if k == 4 and a in words: return [(words[a].capitalize() if R.random() < .3 else words[a], "AGE"), "-year-old"]
    if k == 5: return ["aged ", (str(a), "AGE")]
    if k == 6: return [(str(a), "AGE"), " YOF" if R.random() < .5 else " YOM"]
    return [(str(a), "AGE"), " years of age"]


def phone_str():
    a, b, c = R.choice(["406", "304", "505", "712", "608", "207", "907", "808", "928", "229"]), d(3), d(4)
    b = str(R.randint(2, 9)) + b[1:]
    k = R.randrange(7)
    return [f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"{a}-{b}-{c}", f"+1 {a} {b} {c}", f"{a}{b}{c}",
            f"{a}/{b}-{c}", f"1-{a}-{b}-{c}"][k]


def g_phone():
    cue = R.choice(["ph ", "Tel: ", "cell ", "home phone ", "call back at ", "mobile: ", "", "daughter's cell ",
                    "H: ", "reached at "])
    ext = R.choice(["", "", "", f" ext. {d(3)}", f" x{d(4)}"])
    p = phone_str()
    if ext:
        return [cue, (p + ext, "PHONE")]
    return [cue, (p, "PHONE")]


def g_fax():
    cue = R.choice(["Fax: ", "fax ", "F: ", "faxed to ", "FAX# ", "please fax records to ", "Fax no. ", "(f) "])
    return [cue, (phone_str(), "FAX")]


def g_email():
    f, l = R.choice(FIRST).lower().replace(" ", "").replace("-", ""), R.choice(LAST).lower()
    l = re.sub(r"[^a-z]", "", l.encode("ascii", "ignore").decode()) or "pt"
    f = re.sub(r"[^a-z]", "", f.encode("ascii", "ignore").decode()) or "x"
    u = R.choice([f"{f}.{l}", f"{f[0]}{l}{d(2)}", f"{l}_{f}", f"{f}{d(4)}", f"{l}.family", f"{f}-{l}"])
    v = f"{u}@{R.choice(DOMAINS)}"
    if R.random() < .2: v = v.upper()
    return [R.choice(["email ", "e-mail: ", "Email: ", "", "via email at ", "contact: "]), (v, "EMAIL")]


def g_url():
    f, l = R.choice(FIRST).lower(), R.choice(LAST).lower()
    l = re.sub(r"[^a-z]", "", l.encode("ascii", "ignore").decode()) or "fam"
    f = re.sub(r"[^a-z]", "", f.encode("ascii", "ignore").decode()) or "x"
    v = R.choice([f"https://www.caringbridge.org/visit/{f}{l}", f"www.{l}familyfarm.com",
                  f"http://facebook.com/{f}.{l}.{d(3)}", f"https://gofundme.com/f/help-{f}-{l}",
                  f"{l}{d(2)}.blogspot.com", f"https://portal.stbrigids.org/patient/{d(7)}",
                  f"instagram.com/{f}_{l}", f"https://youtube.com/@{f}{l}", f"http://www.{f}{l}art.net/about"])
    return [(v, "URL")]


def g_ip():
    v = R.choice([f"192.168.{R.randint(0,255)}.{R.randint(1,254)}", f"10.{R.randint(0,255)}.{R.randint(0,255)}.{R.randint(1,254)}",
                  f"172.{R.randint(16,31)}.{R.randint(0,255)}.{R.randint(1,254)}",
                  f"{R.randint(24,220)}.{R.randint(0,255)}.{R.randint(0,255)}.{R.randint(1,254)}",
                  f"2001:db8:{R.randint(0,65535):x}:{R.randint(0,65535):x}::{R.randint(1,65535):x}"])
    return [R.choice(["IP ", "from IP address ", "host ", "src ", "login from ", "device IP: "]), (v, "IP")]


def g_ssn():
    a, b, c = f"{R.randint(101,899):03d}", d(2), d(4)
    k = R.randrange(8)
    if k == 0: return ["SSN ", (f"{a}-{b}-{c}", "SSN")]
    if k == 1: return ["Soc Sec # ", (f"{a} {b} {c}", "SSN")]
    if k == 2: return ["SS#: ", (f"{a}{b}{c}", "SSN")]
    if k == 3: return ["last four of SSN ", (c, "SSN")]
    if k == 4: return ["social security number on file ends in ", (c, "SSN")]
    if k == 5: return ["SSN: xxx-xx-", (c, "SSN")]
    if k == 6: return ["social ", (f"{a}-{b}-{c}", "SSN")]
    return ["ss no. ", (f"{a}-{b}-{c}", "SSN")]


def g_mrn():
    k = R.randrange(10)
    v = [d(8), f"{d(2)}-{d(3)}-{d(3)}", f"{d(4)}{L(1)}{d(3)}", f"{L(1)}{d(7)}", f"{d(3)}-{d(4)}",
         f"{d(7)}", f"{L(2)}{d(6)}", f"{d(6)}-{d(1)}", f"{d(10)}", f"{d(3)} {d(3)} {d(3)}"][k]
    cue = R.choice(["MRN ", "MRN: ", "MR # ", "H# ", "Med Rec No. ", "chart #", "Hosp No: ", "medical record number ",
                    "MR#", "Unit No. ", "EMR ID ", "", "pt ID "])
    return [cue, (v, "MRN")]


def g_account():
    k = R.randrange(10)
    if k == 0: return [R.choice(CARRIERS) + " ", (f"{L(3)}{d(9)}", "ACCOUNT")]
    if k == 1: return ["FIN ", (d(10), "ACCOUNT")]
    if k == 2: return ["Acct# ", (f"{d(4)}-{d(4)}-{d(1)}", "ACCOUNT")]
    if k == 3: return ["Medicare MBI ", (f"{d(1)}{L(2)}{d(1)}-{L(2)}{d(1)}-{L(2)}{d(2)}", "ACCOUNT")]
    if k == 4: return ["Medicaid ID ", (f"{d(8)}{L(1)}", "ACCOUNT")]
    if k == 5: return ["member ID ", (f"{an(3)}{d(6)}", "ACCOUNT")]
    if k == 6: return ["policy no. ", (f"{L(1)}{d(2)}-{d(5)}-{d(2)}", "ACCOUNT")]
    if k == 7: return [R.choice(CARRIERS) + " ", (f"{d(1)}{L(2)}{d(1)}-{d(4)}-{d(2)}", "ACCOUNT")]
    if k == 8: return ["encounter # ", (d(9), "ACCOUNT")]
    return ["health plan beneficiary number ", (f"{L(2)}{d(8)}", "ACCOUNT")]


def npi():
    base = [R.randint(1, 2)] + [R.randint(0, 9) for _ in range(8)]
    digits = [8, 0, 8, 4, 0] + base
    s = 0
    for i, x in enumerate(reversed(digits)):
        y = x * 2 if i % 2 == 0 else x
        s += y - 9 if y > 9 else y
    return "".join(map(str, base)) + str((10 - s % 10) % 10)


def dea():
    p = R.choice("ABFM") + L(1)
    n = [R.randint(0, 9) for _ in range(6)]
    c = (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10
    return p + "".join(map(str, n)) + str(c)


def g_license():
    k = R.randrange(9)
    if k == 0: return ["DEA# ", (dea(), "LICENSE")]
    if k == 1: return ["NPI ", (npi(), "LICENSE")]
    if k == 2: return ["Lic. #", (f"MD-{d(5)}", "LICENSE")]
    if k == 3: return ["prescriber number ", (d(8), "LICENSE")]
    if k == 4: return ["driver's license ", (f"{L(1)}{d(4)}-{d(4)}-{d(4)}", "LICENSE")]
    if k == 5: return ["DL ", (f"{d(3)}-{d(5)}", "LICENSE")]
    if k == 6: return ["state license ", (f"{d(2)}-{d(7)}", "LICENSE")]
    if k == 7: return ["RN lic ", (f"RN{d(6)}", "LICENSE")]
    return ["DEA ", (dea(), "LICENSE"), ", NPI ", (npi(), "LICENSE")]


def vin():
    return "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))


def g_vehicle():
    k = R.randrange(9)
    if k == 0: return ["tag ", (f"{d(1)}{L(3)}{d(3)}", "VEHICLE")]
    if k == 1: return ["plates ", (f"{d(1)}{L(3)}{d(3)}", "VEHICLE")]
    if k == 2: return ["reg. ", (f"{L(3)} {d(3)}", "VEHICLE")]
    if k == 3: return ["VIN ", (vin(), "VEHICLE")]
    if k == 4: return ["license plate ", (f"{L(3)}-{d(4)}", "VEHICLE")]
    if k == 5: return ["plate no. ", (f"{d(3)} {L(3)}", "VEHICLE")]
    if k == 6: return ["motorcycle, plate ", (f"MC{d(2)}{L(1)}{d(1)}", "VEHICLE")]
    if k == 7: return ["vin# ", (vin().lower(), "VEHICLE")]
    return ["truck (", (f"{L(2)}-{d(4)}", "VEHICLE"), ")"]


def g_device():
    k = R.randrange(9)
    if k == 0: return ["serial ", (f"{L(3)}{d(6)}{L(1)}", "DEVICE")]
    if k == 1: return ["SN ", (f"{L(2)}{d(7)}", "DEVICE")]
    if k == 2: return ["unit ", (f"{L(3)}{d(6)}{L(1)}", "DEVICE")]
    if k == 3: return ["ser. no. ", (f"{d(2)}-{d(4)}-{L(1)}", "DEVICE")]
    if k == 4: return ["s/n ", (f"{an(10)}", "DEVICE")]
    if k == 5: return ["device ID ", (f"{L(2)}{d(4)}-{d(5)}", "DEVICE")]
    if k == 6: return ["UDI ", (f"(01){d(14)}(21){an(8)}", "DEVICE")]
    if k == 7: return ["serial number ", (f"{d(9)}", "DEVICE")]
    return ["S/N: ", (f"{L(1)}{d(3)}-{d(4)}{L(2)}", "DEVICE")]


def g_address():
    num = str(R.choice([R.randint(1, 99), R.randint(100, 999), R.randint(1000, 99999)]))
    pre = R.choice(["", "", "", "N. ", "S ", "West ", "E ", "NW "])
    street = f"{num} {pre}{R.choice(STREET_NAMES)} {R.choice(SUFFIXES)}"
    k = R.randrange(10)
    if k <= 2: street += R.choice([", ", " "]) + R.choice(UNITS)
    if k == 3: return [(f"PO Box {R.randint(10, 9999)}", "ADDRESS")]
    if k == 4: return [(f"Rural Route {R.randint(1, 9)} Box {R.randint(1, 300)}", "ADDRESS")]
    if k == 5: street = street.lower()
    if k == 6: street = street.upper()
    return [(street, "ADDRESS")]


def g_location():
    k = R.randrange(10)
    if k <= 4: return [(R.choice(FAKE_TOWNS), "LOCATION")]
    if k <= 7: return [(R.choice(REAL_TOWNS), "LOCATION")]
    if k == 8: return [(R.choice(COUNTIES), "LOCATION")]
    return [(R.choice(FAKE_TOWNS + REAL_TOWNS).upper(), "LOCATION")]


def g_zip():
    z = f"{R.randint(1001, 99950):05d}"
    if R.random() < .25: z += f"-{d(4)}"
    return [(z, "ZIP")]


def g_fac():
    f = R.choice(FAC)
    if R.random() < .1: f = f.upper()
    return [(f, "FACILITY")]


def g_citystatezip():
    k = R.randrange(4)
    if k == 0: return g_location() + [", " + R.choice(STATES) + " "] + g_zip()
    if k == 1: return g_location() + [" "] + g_zip()
    if k == 2: return g_location() + [", zip code "] + g_zip()
    return g_location() + [" " + R.choice(STATES) + "  "] + g_zip()


def g_fulladdr():
    return g_address() + [R.choice([", ", ", ", "\n", " "])] + g_citystatezip()


# ---------------------------------------------------------------- snippet templates
# Each snippet: (categories it mainly serves, function returning parts)
def S(*parts):
    out = []
    for p in parts:
        if callable(p): out.extend(p())
        elif isinstance(p, list): out.extend(p)
        else: out.append(p)
    return out


SNIPPETS = [
    ("NAME DATE MRN", lambda: S("PATIENT: ", g_name, "    DOB: ", g_date, "    MRN: ", lambda: [g_mrn()[-1]])),
    ("NAME DATE MRN FACILITY", lambda: S(g_name, " | ", g_date, " | ", lambda: [g_mrn()[-1]], " | ", g_fac)),
    ("NAME AGE", lambda: S(g_name, " is a ", g_age, " " + R.choice(["woman", "man", "female", "male", "widow"]),
                          R.choice([" who presents with the above.", " referred for evaluation.", "."]))),
    ("AGE", lambda: S("This ", g_age, " " + R.choice(["resident", "gentleman", "lady", "patient"]) +
                      R.choice([" was seen in follow-up.", " is here today.", " arrived by EMS."]))),
    ("AGE", lambda: S("Age: ", lambda: [(str(R.randint(90, 104)), "AGE")], "   Sex: " + R.choice(["F", "M"]))),
    ("NAME", lambda: S(g_first, R.choice([" tolerated the procedure well.", " then actively moved the knee.",
                                          " was seen by PT this morning.", " denies chest pain today.",
                                          " ambulated in the hall with a walker."]))),
    ("NAME", lambda: S("Discussed with ", lambda: [R.choice(["her daughter ", "his son ", "her husband ", "his wife ", "the niece, "])], g_name, ", who agrees with the plan.")),
    ("NAME", lambda: S("Attending: ", g_clin, "   Referring: ", g_clin)),
    ("NAME LICENSE", lambda: S("Electronically signed by ", g_clin, " ", g_license)),
    ("LICENSE", lambda: S("Prescriber: ", g_clin, ", ", g_license)),
    ("LICENSE", lambda: S("ID checked at registration (", g_license, ").")),
    ("DATE", lambda: S(R.choice(["Admitted ", "Seen on ", "Date of service: ", "DOS ", "Last seen ",
                                 "Surgery was performed on ", "Discharged "]), g_date, R.choice([".", "", ";"]))),
    ("DATE", lambda: S("Follow up on ", g_date, R.choice([" at 10:30.", " in clinic.", ", sooner if needed."]))),
    ("DATE", lambda: S("Onset ", g_date, ", worse since ", g_date, ".")),
    ("PHONE", lambda: S("Contact: ", g_name, ", ", g_phone)),
    ("PHONE", lambda: S("Please call ", g_phone, R.choice([" with results.", " if symptoms recur.", "."]))),
    ("PHONE FAX", lambda: S(g_fac, "  ", g_phone, "  ", g_fax)),
    ("FAX", lambda: S("Records requested; ", g_fax, R.choice([" attn: HIM.", ".", " (medical records)."]))),
    ("EMAIL", lambda: S("Patient prefers contact by ", g_email, ".")),
    ("EMAIL", lambda: S("Daughter (", g_name, ") ", g_email)),
    ("URL", lambda: S("Family maintains an update page ", g_url, ".")),
    ("URL", lambda: S("Mother showed photos posted at ", g_url, ".")),
    ("URL", lambda: S(R.choice(["Personal website: ", "Pt's blog ", "URL ", "See fundraiser page "]), g_url)),
    ("IP", lambda: S("Telehealth visit; patient connected ", g_ip, R.choice([" at 14:02.", ".", " (video)."]))),
    ("IP", lambda: S("Portal audit: ", g_ip, " ", lambda: g_date(True))),
    ("NAME FACILITY AGE", lambda: S("ECHO case form | Presenter: ", g_clin, " | Site: ", g_fac, " | Pt: ",
                                    lambda: [(R.choice(["J.G.", "M.R.", "T.K.", "A.O.", "JG", "LW", "pt. R.S."]).replace("pt. ", ""), "NAME")],
                                    ", ", g_age)),
    ("NAME DATE", lambda: S(lambda: [R.choice(["0800 ", "1415 ", "2230 ", "0315 "])], g_first,
                            R.choice([" up to chair, tolerated well", " resting, family at bedside", " refused AM meds"]),
                            " (", lambda: g_date(True), ").")),
    ("NAME MRN DATE", lambda: S(g_name, "\t", lambda: [g_mrn()[-1]], "\t", lambda: g_date(True), "\tadmit")),
    ("SSN", lambda: S("Identity verified, ", g_ssn, ".")),
    ("SSN NAME", lambda: S("Guarantor: ", g_name, "  ", g_ssn)),
    ("MRN", lambda: S("Prior records under ", g_mrn, " reviewed.")),
    ("MRN", lambda: S(g_mrn, R.choice([", ", "  ", " / "]), g_account)),
    ("ACCOUNT", lambda: S("Insurance: ", g_account, R.choice([", ", ", secondary ", "; ", " / "]), g_account)),
    ("ACCOUNT", lambda: S("Billing ", g_account, ".")),
    ("VEHICLE", lambda: S("Driver of a sedan, ", g_vehicle, ", restrained, airbag deployed.")),
    ("VEHICLE", lambda: S("Police report lists the car ", g_vehicle, " towed from the scene.")),
    ("VEHICLE", lambda: S("Parked in the ED lot, ", g_vehicle, ".")),
    ("DEVICE", lambda: S(R.choice(["Pacemaker ", "ICD ", "Insulin pump ", "Cochlear implant ", "CPAP machine ",
                                   "LVAD controller ", "Neurostimulator "]), g_device, R.choice([" interrogated.", " checked, functioning.", "."]))),
    ("DEVICE", lambda: S("Home O2 concentrator ", g_device, " delivered.")),
    ("ADDRESS LOCATION ZIP", lambda: S("Address: ", g_fulladdr)),
    ("ADDRESS", lambda: S(R.choice(["Found down at his home on ", "Lives at ", "EMS picked her up from ",
                                    "Transported from "]), g_address, ".")),
    ("ADDRESS LOCATION", lambda: S("He lives alone at ", g_address, " in ", g_location, ".")),
    ("LOCATION ZIP", lambda: S("Lives in ", g_location, ", zip code ", g_zip, ".")),
    ("LOCATION", lambda: S("Works on a farm outside ", g_location, R.choice([".", " and drives in weekly."]))),
    ("LOCATION", lambda: S("Recently moved from ", g_location, " to ", g_location, ".")),
    ("LOCATION ZIP", lambda: S(g_citystatezip)),
    ("FACILITY", lambda: S("Transferred from ", g_fac, R.choice([" for higher level of care.", ".", " by ambulance."]))),
    ("FACILITY LOCATION", lambda: S("Resides at ", g_fac, " in ", g_location, ".")),
    ("FACILITY", lambda: S("She is a teacher at ", g_fac, ".")),
    ("FACILITY DATE", lambda: S("Previously admitted to ", g_fac, " on ", g_date, ".")),
    ("NAME PHONE ADDRESS", lambda: S("Emergency contact: ", g_name, " (" + R.choice(["son", "daughter", "spouse", "neighbor", "POA"]) + "), ",
                                     g_phone, ", ", g_address)),
    ("NAME DATE", lambda: S("RE: ", g_name, "\nDOB ", g_date)),
    ("NAME FACILITY", lambda: S("Dear ", g_clin, ",\nThank you for referring ", g_name, " to ", g_fac, ".")),
]

CATS = ["NAME", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "MRN", "ACCOUNT", "LICENSE",
        "VEHICLE", "DEVICE", "ADDRESS", "LOCATION", "ZIP", "FACILITY"]
TARGET = {c: 40 for c in CATS}
TARGET.update({"NAME": 90, "DATE": 80, "IP": 25, "URL": 25, "EMAIL": 25, "FAX": 25})


def render(parts):
    text, spans = "", []
    for p in parts:
        if isinstance(p, tuple):
            v, c = p
            spans.append([len(text), len(text) + len(v), c])
            text += v
        else:
            text += p
    return text, spans


def lower_first(s):
    w = s.split()[0]
    return s if (w in ("I", "I'm") or (len(w) > 1 and w.isupper())) else s[0].lower() + s[1:]


def inline_variants(sent):
    """Insert an identifier into a carrier sentence: prefix clause or subject replacement."""
    m = re.match(r"(The patient|The child|The infant|Patient|He|She)\b", sent)
    k = R.randrange(4)
    if m and k < 2:
        rest = sent[m.end():]
        return S(g_first if k == 0 else g_name, rest)
    if k == 2:
        return S("On ", g_date, ", ", lower_first(sent))
    return S("At ", g_fac, ", ", lower_first(sent))


count = {c: 0 for c in CATS}
records = []
doc_iter = R.sample(docs, len(docs))
di = 0
N_ID, N_CLEAN = 200, 100
for i in range(N_ID):
    ref = doc_iter[di]; di += 1
    carrier = R.sample(by_doc[ref], R.randint(1, min(3, len(by_doc[ref]))))
    k_target = R.randint(3, 10)
    blocks, n_ids = [], 0
    if R.random() < .35:
        p = inline_variants(carrier[0])
        blocks.append(p); carrier = carrier[1:]
        n_ids += sum(isinstance(x, tuple) for x in p)
    tries = 0
    while n_ids < k_target and tries < 40:
        tries += 1
        need = sorted(CATS, key=lambda c: count[c] / TARGET[c] + R.random() * 0.3)[0]
        cands = [s for s in SNIPPETS if need in s[0].split()]
        parts = R.choice(cands)[1]()
        nn = sum(isinstance(x, tuple) for x in parts)
        if n_ids + nn > 10:
            continue
        blocks.append(parts); n_ids += nn
        for x in parts:
            if isinstance(x, tuple): count[x[1]] += 1
    # layout: headers first (some), carrier sentences interleaved
    style = R.randrange(4)
    seq = []
    if style == 0:   # header block then narrative
        seq = blocks + [[s] for s in carrier]
        sep = ["\n"] * (len(blocks)) + [" "] * len(carrier)
    elif style == 1:  # narrative with identifiers interleaved
        seq = []
        cs = [[s] for s in carrier]
        for b in blocks:
            seq.append(b)
            if cs: seq.append(cs.pop(0))
        seq += cs
        sep = [" "] * len(seq)
    elif style == 2:  # one line per item (nursing-note style)
        seq = blocks[:1] + [[s] for s in carrier] + blocks[1:]
        sep = ["\n"] * len(seq)
    else:  # form-like with pipes/semicolons
        seq = blocks + [[s] for s in carrier]
        sep = [R.choice(["; ", " | ", "\n"]) for _ in seq]
    parts = []
    for j, b in enumerate(seq):
        if j:
            so_far = render(parts)[0]
            sp = sep[j - 1]
            if sp in ("; ", " | ") and so_far.endswith("."):
                parts[-1] = parts[-1][:-1] if isinstance(parts[-1], str) and parts[-1].endswith(".") else parts[-1]
            so_far = render(parts)[0]
            if sp in (" ", "; ", " | ") and not so_far.rstrip().endswith((".", ":", ";", ")", ",")):
                sp = ". " if sp == " " else sp
            parts.append(sp)
        parts.extend(b)
    text, spans = render(parts)
    records.append({"id": f"ho-id-{i:03d}", "split": "heldout", "carrier": ref, "text": text, "spans": spans})

VITALS = ["Vitals: BP 132/84, HR 78, T 98.6, RR 16, SpO2 97% on RA.", "BP 120/80, pulse 64, temp 37.1 C.",
          "Grade 2/6 systolic murmur at the left sternal border.", "Visual acuity 20/40 OD, 20/25 OS.",
          "G3 P2-0-1-2, LMP unknown.", "GCS 15, NIHSS 2.", "Apgars 8 and 9 at 1 and 5 minutes.",
          "Strength 4+/5 in the right deltoid.", "Hemoglobin 10.2, platelets 214, INR 1.3.",
          "Metoprolol 25 mg p.o. b.i.d. and lisinopril 10 mg daily.", "Disc herniation at L4-L5 and C5-C6.",
          "Ejection fraction 55-60%.", "Cr 1.4 (baseline 1.1), K 4.2, Na 138.", "Weight 82.3 kg, BMI 27.4.",
          "PHQ-9 score 14; MoCA 24/30.", "CD4 count 350, viral load undetectable.", "Reflexes 2+ and symmetric.",
          "Foley catheter was removed on postoperative day 2.", "Hgb A1c 7.8%, LDL 112.",
          "Tanner stage 3; Mallampati class II.", "NPO after midnight; 1/2 NS at 75 mL/h.",
          "Pain 6/10, improved to 3/10 after Toradol 30 mg IV.", "Levothyroxine 88 mcg daily for Hashimoto thyroiditis.",
          "Warfarin 5 mg on M/W/F, 2.5 mg other days; INR goal 2-3."]
hard = [(r, s) for r, s in sents if HARDNEG.search(s)]
used = set(x["carrier"] for x in records)
hard_docs = {}
for r, s in hard:
    if r not in used: hard_docs.setdefault(r, []).append(s)
hd = R.sample(sorted(hard_docs), N_CLEAN)
for i, ref in enumerate(hd):
    ss = hard_docs[ref][:]
    R.shuffle(ss)
    ss = ss[:R.randint(1, 3)]
    extra = [x for x in by_doc.get(ref, []) if x not in ss]
    if extra and R.random() < .3: ss.append(R.choice(extra))
    if R.random() < .35: ss.insert(R.randrange(len(ss) + 1), R.choice(VITALS))
    text = R.choice([" ", "\n"]).join(ss)
    records.append({"id": f"ho-clean-{i:03d}", "split": "heldout", "carrier": ref, "text": text, "spans": []})

# checks
for r in records:
    for s, e, c in r["spans"]:
        assert 0 <= s < e <= len(r["text"]) and c in CATS
        assert r["text"][s:e].strip() == r["text"][s:e], r
R.shuffle(records)
with open(__import__("pathlib").Path(__file__).with_name("heldout.jsonl"), "w", encoding="utf-8") as fh:
    for r in records:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(records), count)
