"""Build held-out de-identification set F (heldout.jsonl). Stdlib only.

    python3 make_set.py [path/to/cases.jsonl]

Hand-written passages come from hand_planted.py and hand_clean.py; the rest are
generated with a fixed seed from identifier shapes joined to real sentences of
the shared corpus. Identifiers are written as {TAG:value}; parse() strips the
markup and records character offsets of each value.
"""

import json
import os
import random
import re
import sys

from hand_clean import CLEAN
from hand_planted import PLANTED

SEED = 61129
N_PLANTED = 300
N_CLEAN = 150
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "corpus", "cases.jsonl")

TAGS = {
    "NAM": "NAME", "DAT": "DATE", "AGE": "AGE", "PHO": "PHONE", "FAX": "FAX", "EML": "EMAIL",
    "URL": "URL", "IP": "IP", "SSN": "SSN", "MRN": "MRN", "ACC": "ACCOUNT", "LIC": "LICENSE",
    "VEH": "VEHICLE", "DEV": "DEVICE", "ADR": "ADDRESS", "LOC": "LOCATION", "ZIP": "ZIP",
    "FAC": "FACILITY",
}
MARK = re.compile(r"\{([A-Z]{2,3}):([^{}]+)\}")


def parse(marked):
    parts, spans, pos, length = [], [], 0, 0
    for m in MARK.finditer(marked):
        lead = marked[pos : m.start()]
        parts.append(lead)
        length += len(lead)
        value = m.group(2)
        if m.group(1) not in TAGS:
            raise ValueError(f"unknown tag {m.group(1)!r} in {marked[:60]!r}")
        spans.append([length, length + len(value), TAGS[m.group(1)]])
        parts.append(value)
        length += len(value)
        pos = m.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    if "{" in text or "}" in text:
        raise ValueError(f"stray brace in {text[:80]!r}")
    for s, e, _ in spans:
        v = text[s:e]
        if not v or v != v.strip():
            raise ValueError(f"empty or untrimmed span {v!r}")
    return text, spans


# ---------------------------------------------------------------- values

FIRST = """Abigail Adaeze Adrián Agnieszka Aiyana Alejandra Aliyu Amadou Ambrose Anh Annika Antoine Aroha
Asha Aurelio Ayesha Bartholomew Beatriz Benedikt Bich Birdie Bo Boyd Bronwyn Caius Camila Cheyenne
Chidi Chinh Clovis Coretta Dagny Dakota Darnell Delfina Demetrius Desta Dilnoza Dmitri Dov Earline
Eino Elif Elmo Emeka Esther Eun-ji Farrah Fatoumata Fenton Florian Fumiko Gaspard Genoveva Gideon
Goran Guadalupe Gunnar Habib Hanh Harlan Hattie Hiroshi Iolani Imani Inés Ishaan Ivo Jacinta Jadon
Jamal Jarvis Jessamine Joaquina Jolene Junior Kalani Kamala Kateryna Keanu Kenji Kiona Kwame Lakshmi
Lavonne Leif Lorenzo Lupita Mahala Malachi Manon Marguerite Mattie Maximo Minh Mirela Moana Myrtle
Nadia Naveen Nkechi Noor Obadiah Odessa Oluwaseun Orrin Paavo Parveen Percival Phuong Quentin Rafferty
Ramona Rashida Reuben Rhiannon Rocío Rosalee Sabitha Saoirse Sebastián Shirin Sione Soledad Sunniva
Tadeo Talulah Tenzin Thaddeus Tovah Ulla Ursula Valentín Vesna Vida Wendell Wilhelmina Xochitl Yared
Yusuf Zainab Zebulon Zofia""".split()
WORD_FIRST = """Hope Faith Rose Bill Grant Joy Grace Summer Autumn Dawn Sunny Will Frank Mark Penny Hunter
Chase Crystal Pearl Rusty Major King Cash Ruby Amber Jewel Clay Sterling Ivy Holly Daisy Iris Heather
Violet Hazel Misty Stormy Brook River Rocky Guy Bud Sonny Earnest Royal Angel Precious Destiny Patience
Temperance Lucky Dusty Stone Lance Miles Wade Jack Sky Star""".split()
LAST = """Abernathy Achterberg Adeyemi Akhtar Alcántara Alvarado Antonelli Arceneaux Ashby Bautista Begaye
Bergstrom Blackhorse Boggs Bouchard Brzezinski Burkhalter Cabrera Castellanos Cheng Chowdhury Collymore
Comeaux Cornett Crump Dabrowski Dalrymple Deschênes Diallo Dominguez Dorsey Draper Duvall Eckhardt
Engstrom Eze Fairbanks Farouk Fenwick Fitzpatrick Fontenot Gallegos Gatewood Gonzaga Goodnight Greenlee
Gutiérrez Halvorsen Haq Hawthorne Hennessey Hickey Holbrook Hoskins Huang Hurtado Iwasaki Jablonski
Jiménez Kalani Kapoor Kealoha Kettering Kincaid Kowalski Kuykendall Lachance LaFleur Lemaire Littlejohn
Lozano Maddox Makoa Manygoats Marchetti Mbatha McAlister Medeiros Mendenhall Mirza Montoya Mullins
Nakashima Navarro Nez Nguyen Novak Nwosu Oakes Obregón Odum Okafor Olmstead Ortega Osei Pacheco
Palmieri Pham Pinkerton Pomeroy Qureshi Rademacher Rainwater Redbird Renfro Ruiz Salcido Santangelo
Schaefer Shabazz Skaggs Slaughter Sokolov Stallworth Szymanski Tafoya Tanaka Teague Thibodeaux
Tiwari Trujillo Tsinajinnie Underwood Valdez Vang Villanueva Vuong Wachowski Whitehorse Wojcik Xiong
Yamamoto Yellowhair Yoder Zamora Zelenko""".split()
WORD_LAST = """Price Wood Love Church Early Noble Street Bush Hill Rich Brown Bird Fox Moody Strong Sharp Gay
Hale Small Cash Christmas Friday Summers Winter Lamb Rice Bishop Judge Marshall Shepherd Baker Hunt
Coffee Banks Rivers Mercy Sweet Gentry Wise""".split()
PARTICLE_LAST = ["de la Cruz", "O'Rourke", "St. Germain", "Al-Khatib", "van Buren", "Mc Coy", "D'Angelo",
                 "Ní Dhomhnaill", "dos Santos", "Ben-David", "LeBlanc-Hébert", "Abu Bakr"]
NICK = ["Peanut", "Bubba", "Sissy", "Tootie", "Boo", "Shug", "Junebug", "Skeeter", "Doodle", "Pookie", "Red", "Tank"]

TOWNS = [  # (town, state): real small places, many of them words
    ("Boring", "OR"), ("Tightwad", "MO"), ("Peculiar", "MO"), ("Nothing", "AZ"), ("Why", "AZ"),
    ("Embarrass", "MN"), ("Bumpass", "VA"), ("Gnaw Bone", "IN"), ("Santa Claus", "IN"), ("Ding Dong", "TX"),
    ("Uncertain", "TX"), ("Dime Box", "TX"), ("Nada", "TX"), ("Mexia", "TX"), ("Zapata", "TX"),
    ("Hot Coffee", "MS"), ("Chunky", "MS"), ("Itta Bena", "MS"), ("Mound Bayou", "MS"), ("Chicken", "AK"),
    ("Toksook Bay", "AK"), ("Kotzebue", "AK"), ("Unalakleet", "AK"), ("Okay", "OK"), ("Bowlegs", "OK"),
    ("Pawhuska", "OK"), ("Tahlequah", "OK"), ("Lukachukai", "AZ"), ("Kayenta", "AZ"), ("Chinle", "AZ"),
    ("Crownpoint", "NM"), ("Truth or Consequences", "NM"), ("Tierra Amarilla", "NM"), ("Truchas", "NM"),
    ("Lame Deer", "MT"), ("Browning", "MT"), ("Wolf Point", "MT"), ("Wounded Knee", "SD"), ("Eagle Butte", "SD"),
    ("Fort Yates", "ND"), ("Belcourt", "ND"), ("Whynot", "NC"), ("Climax", "NC"), ("Boone", "NC"),
    ("Bat Cave", "NC"), ("Hazard", "KY"), ("Monkey's Eyebrow", "KY"), ("Rabbit Hash", "KY"), ("Beattyville", "KY"),
    ("Inez", "KY"), ("War", "WV"), ("Welch", "WV"), ("Gauley Bridge", "WV"), ("Pineville", "WV"),
    ("Difficult", "TN"), ("Only", "TN"), ("Sneedville", "TN"), ("Bugtussle", "TN"), ("Pound", "VA"),
    ("Grundy", "VA"), ("Accident", "MD"), ("Intercourse", "PA"), ("Blue Ball", "PA"), ("Loyalhanna", "PA"),
    ("Eighty Four", "PA"), ("Jim Thorpe", "PA"), ("Flagtown", "NJ"), ("Loveladies", "NJ"), ("Lubec", "ME"),
    ("Jonesport", "ME"), ("Madawaska", "ME"), ("Island Pond", "VT"), ("Bethel", "VT"), ("Happy Camp", "CA"),
    ("Weed", "CA"), ("Likely", "CA"), ("Needles", "CA"), ("Cuba", "NM"), ("Paradise", "NV"), ("Jackpot", "NV"),
    ("Atomic City", "ID"), ("Riddle", "ID"), ("Bigfork", "MT"), ("Ten Sleep", "WY"), ("Chugwater", "WY"),
    ("Last Chance", "CO"), ("Dinosaur", "CO"), ("Hygiene", "CO"), ("Kalaupapa", "HI"), ("Hāna", "HI"),
    ("Waimānalo", "HI"), ("Cut Off", "LA"), ("Grosse Tete", "LA"), ("Waterproof", "LA"), ("Bunkie", "LA"),
    ("Pie Town", "NM"), ("Toad Suck", "AR"), ("Smackover", "AR"), ("Hector", "AR"), ("Flippin", "AR"),
    ("Gay", "GA"), ("Between", "GA"), ("Climax", "GA"), ("Cairo", "GA"), ("Lizella", "GA"),
    ("Two Egg", "FL"), ("Yeehaw Junction", "FL"), ("Christmas", "FL"), ("Frostproof", "FL"), ("Sopchoppy", "FL"),
    ("Normal", "AL"), ("Equality", "AL"), ("Scratch Ankle", "AL"), ("Boligee", "AL"), ("Eclectic", "AL"),
    ("Gas", "KS"), ("Protection", "KS"), ("Liberal", "KS"), ("Hooker", "OK"), ("Slickville", "PA"),
    ("Ekalaka", "MT"), ("Sleepy Eye", "MN"), ("Nimrod", "MN"), ("Zap", "ND"), ("Surprise", "NE"),
    ("Valentine", "NE"), ("Wahoo", "NE"), ("What Cheer", "IA"), ("Mechanicsville", "IA"), ("Oblong", "IL"),
    ("Goreville", "IL"), ("Cairo", "IL"), ("Gravity", "IA"), ("Hell", "MI"), ("Paradise", "MI"),
    ("Germfask", "MI"), ("Spread Eagle", "WI"), ("Random Lake", "WI"), ("Bonduel", "WI"), ("Loving", "NM"),
]
COUNTIES = ["Owsley County", "Clay Co.", "McDowell County", "Wolfe Co", "Lafourche Parish", "St. Landry Parish",
            "Apache County", "Oglala Lakota County", "Sunflower County", "Todd County", "Issaquena Co.",
            "Loving County", "Kalawao County", "Buchanan Co", "Hancock County"]
NEIGHBORHOODS = ["the Bottoms", "Black Bottom", "Dogtown", "Frogtown", "the Hollow", "Shantytown", "the Flats",
                 "Lower Ninth Ward", "Goose Hollow", "Possum Ridge"]
FOREIGN_TOWNS = [("Jocotenango", "Guatemala"), ("Tlapa de Comonfort", "Mexico"), ("Sialkot", "Pakistan"),
                 ("Kakuma", "Kenya"), ("Hpa-An", "Myanmar"), ("Jacmel", "Haiti"), ("Mazar-i-Sharif", "Afghanistan"),
                 ("Ebeye", "Marshall Islands"), ("Chuuk", "Micronesia"), ("Ilocos Norte", "Philippines"),
                 ("Bac Lieu", "Vietnam"), ("Kisii", "Kenya"), ("Quetzaltenango", "Guatemala"),
                 ("San Pedro Sula", "Honduras"), ("Lviv", "Ukraine"), ("Mogadishu", "Somalia")]
STREET_NAMES = ["Cedar", "Bethel Church", "Old Mill", "Possum Trot", "Hickory Flat", "Dogwood", "Shiloh",
                "Martin Luther King Jr", "Calle del Sol", "Kamehameha", "Lonesome Pine", "Mud Lick", "Pinhook",
                "Buffalo Wallow", "Cemetery Hill", "Lick Fork", "Tater Knob", "Frog Pond", "Old Spanish Trail",
                "Bayou Goula", "Red Bird", "Oak Grove", "Sweetgum", "Turkey Creek", "Blackjack", "Honey Run",
                "Ash", "Elm", "Main", "Third", "12th", "Wolf Pen", "Laurel Fork", "Persimmon", "Church",
                "Chapel", "Railroad", "Depot", "Mill Pond", "Rattlesnake Ridge", "Tobacco Barn", "Coal Bank"]
SUFFIX = ["St", "Street", "Rd", "Road", "Ave", "Avenue", "Ln", "Lane", "Dr", "Drive", "Ct", "Cir", "Pike",
          "Hwy", "Trl", "Trce", "Holw", "Hollow", "Br", "Branch", "Fk", "Rdg", "Xing", "Lndg", "Bnd", "Cv",
          "Pkwy", "Blvd", "Loop", "Way", "Pl", "Ter", "Row", "Walk", "Aly", "Spur", "Run", "Gap", "Knl",
          "Mdw", "Pass", "Path", "Sq"]
UNITS = ["Apt 2", "Apt. 4B", "# 11", "Unit C", "Lot 23", "Trlr 5", "Spc 41", "Ste 300", "Rm 9", "Apt 1R",
         "Bsmt", "Upper", "Box 4", "Bldg 7 Apt 12"]
HOSPITAL_KIND = ["Regional Medical Center", "Community Hospital", "Memorial Hospital", "Health Center",
                 "Rural Health Clinic", "Family Health Center", "Critical Access Hospital", "Indian Health Center",
                 "Medical Clinic", "Nursing and Rehabilitation Center", "Senior Living", "Dialysis Center"]
SAINTS = ["St. Jude", "St. Elizabeth", "Our Lady of Lourdes", "St. Claire", "Mercy", "Good Samaritan",
          "St. Joseph", "Sacred Heart", "Holy Cross", "Providence"]
STORES = ["Walgreens", "CVS Pharmacy", "Rite Aid", "Kroger Pharmacy", "Walmart Pharmacy", "Fred's", "Harps Pharmacy",
          "Piggly Wiggly", "Dollar General", "Hy-Vee Pharmacy", "Brookshire Brothers Pharmacy", "Discount Drug Mart"]
EMPLOYERS = ["Pilgrim's Pride", "Tyson Foods", "Alpha Metallurgical", "Dollar General Distribution Center",
             "Toyota Motor Manufacturing", "Smithfield Packing", "Koch Foods", "Amazon fulfillment center",
             "Lowe's Home Improvement", "Cracker Barrel", "the Waffle House", "Cargill", "JBS Swift"]
CHURCH = ["Baptist Church", "Church of God", "Methodist Church", "Pentecostal Holiness Church",
          "Kingdom Hall", "Catholic Church", "Mennonite Church", "AME Zion Church", "Masjid"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "aol.com", "icloud.com", "outlook.com",
                 "windstream.net", "frontier.com", "att.net", "bellsouth.net", "protonmail.com", "ymail.com"]

DRUGS = ["metformin 500 mg BID", "lisinopril 10 mg daily", "apixaban 5 mg BID", "sertraline 100 mg daily",
         "buprenorphine-naloxone 8-2 mg TID", "insulin glargine 22 units", "levothyroxine 75 mcg",
         "tamsulosin 0.4 mg", "gabapentin 300 mg TID", "furosemide 40 mg", "naltrexone 380 mg IM",
         "hydroxychloroquine 200 mg BID", "prednisone 20 mg", "atorvastatin 40 mg", "amlodipine 5 mg"]


def luhn_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


class Gen:
    def __init__(self, rng):
        self.r = rng

    # ---- value makers
    def c(self, seq):
        return self.r.choice(seq)

    def p(self, prob):
        return self.r.random() < prob

    def digits(self, n):
        return "".join(str(self.r.randrange(10)) for _ in range(n))

    def first(self):
        return self.c(WORD_FIRST) if self.p(0.25) else self.c(FIRST)

    def last(self):
        x = self.r.random()
        return self.c(WORD_LAST) if x < 0.2 else self.c(PARTICLE_LAST) if x < 0.27 else self.c(LAST)

    def full(self):
        f, l = self.first(), self.last()
        k = self.r.randrange(9)
        if k == 0:
            return f"{l}, {f}"
        if k == 1:
            return f"{f} {self.c('ABCDEFGHJKLMNPRSTW')}. {l}"
        if k == 2:
            return f"{f} {l}".upper()
        if k == 3:
            return f"{f} {l}".lower()
        if k == 4:
            return f"{f} {l} {self.c(['Jr.', 'Sr.', 'III', 'II'])}"
        if k == 5:
            return f"{f[0]}. {l}"
        return f"{f} {l}"

    def initials(self):
        a, b = self.c("ABCDEFGHJKLMNPRSTVWY"), self.c("ABCDEFGHJKLMNPRSTVWY")
        return self.c([f"{a}.{b}.", f"{a}{b}", f"{a}. {b}.", f"{a}.{b}.{self.c('ABCDMRS')}.", f"{a.lower()}{b.lower()}"])

    def town(self):
        return self.c(TOWNS)

    def street(self):
        num = self.c([str(self.r.randrange(1, 99)), str(self.r.randrange(100, 9999)), f"{self.r.randrange(10, 999)} 1/2",
                      str(self.r.randrange(10000, 99999))])
        pre = self.c(["", "", "", "N ", "S ", "E ", "W ", "NW ", "Old ", "County Road "])
        if pre == "County Road ":
            s = f"{num} County Road {self.r.randrange(10, 2000)}"
        else:
            s = f"{num} {pre}{self.c(STREET_NAMES)} {self.c(SUFFIX)}"
        if self.p(0.3):
            s += self.c([", ", " "]) + self.c(UNITS)
        k = self.r.randrange(12)
        if k == 0:
            s = f"PO Box {self.r.randrange(1, 2999)}"
        elif k == 1:
            s = f"{self.c(['RR', 'Rt', 'HC'])} {self.r.randrange(1, 9)} Box {self.r.randrange(1, 499)}"
        elif k == 2:
            s = f"{self.c(['KY', 'Hwy', 'State Route', 'FM', 'US', 'Farm Rd'])} {self.r.randrange(7, 2999)}"
        if self.p(0.1):
            s = s.upper()
        elif self.p(0.08):
            s = s.lower()
        return s

    def zipc(self):
        z = f"{self.r.randrange(501, 99950):05d}"
        return z + "-" + self.digits(4) if self.p(0.25) else z

    def facility(self):
        town = self.town()[0]
        k = self.r.randrange(8)
        if k == 0:
            return f"{town} {self.c(HOSPITAL_KIND)}"
        if k == 1:
            return f"{self.c(SAINTS)} {self.c(['Hospital', 'Medical Center', 'Health', 'Regional'])}"
        if k == 2:
            return f"{self.c(STORES)} #{self.r.randrange(100, 19999)}"
        if k == 3:
            return f"{self.c(LAST)} Family {self.c(['Practice', 'Medicine', 'Dental', 'Pharmacy'])}"
        if k == 4:
            return f"{self.c(['Shady Grove', 'Willow Bend', 'Autumn Leaves', 'Magnolia Manor', 'Cedar Ridge', 'Golden Years', 'Heritage Oaks'])} {self.c(['Nursing Home', 'Assisted Living', 'Health and Rehab', 'Care Center'])}"
        if k == 5:
            return f"{town} {self.c(['Elementary', 'Middle School', 'High School', 'Head Start', 'Community College'])}"
        if k == 6:
            return f"{self.c(['New Hope', 'Pleasant Valley', 'Mt. Olive', 'Bethlehem', 'Greater Zion', 'Little Flock'])} {self.c(CHURCH)}"
        return self.c(EMPLOYERS)

    def date(self, year=None):
        y = year or self.r.randrange(1925, 2027)
        m, d = self.r.randrange(1, 13), self.r.randrange(1, 29)
        mon = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"][m - 1]
        ab = mon[:3]
        k = self.r.randrange(16)
        return [
            f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}",
            f"{mon} {d}, {y}", f"{d} {ab} {y}", f"{ab}. {d}, {y}" if m != 5 else f"May {d}, {y}",
            f"{m}-{d}-{y}", f"{d:02d}.{m:02d}.{y}", f"{d:02d}{ab.upper()}{y}", f"{ab} {y}", f"{m}/{d}",
            f"{mon} {d}", f"{ab.upper()} {d} {y}", f"{y}{m:02d}{d:02d}", f"{mon.lower()} {d}{self.ordsuf(d)}",
        ][k]

    @staticmethod
    def ordsuf(d):
        return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")

    def phone(self):
        a, b, c = self.c(["606", "304", "276", "423", "870", "601", "662", "928", "505", "907", "808", "318",
                          "337", "985", "580", "918", "406", "605", "701", "207", "802", "956", "915"]), \
            f"{self.r.randrange(200, 999)}", self.digits(4)
        k = self.r.randrange(11)
        s = [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"{a}{b}{c}", f"1-{a}-{b}-{c}",
             f"+1 {a} {b} {c}", f"{b}-{c}", f"({a}){b}-{c}", f"1 ({a}) {b}-{c}", f"{a}/{b}-{c}"][k]
        if self.p(0.12):
            s += self.c([" ext. ", " x", " ext ", " #"]) + str(self.r.randrange(2, 9999))
        return s

    def ssn(self):
        a, b, c = f"{self.r.randrange(1, 899):03d}", f"{self.r.randrange(1, 99):02d}", f"{self.r.randrange(1, 9999):04d}"
        return self.c([f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}", f"{a}.{b}.{c}", f"{a} - {b} - {c}"])

    def npi(self):
        base = self.c("12") + self.digits(8)
        return base + luhn_digit("80840" + base)

    def dea(self, last):
        d = [self.r.randrange(10) for _ in range(6)]
        chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return self.c("ABFGMP") + (last[0].upper() if last[0].isalpha() else "X") + "".join(map(str, d)) + str(chk)

    def vin(self):
        al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        v = [self.c("123459JKLSWYZ")] + [self.c(al) for _ in range(16)]
        v[9] = self.c("ABCDEFGHJKLMNPRSTVWXY123456789")
        tr = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
        w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        s = sum(tr[ch] * wt for ch, wt in zip(v, w)) % 11
        v[8] = "X" if s == 10 else str(s)
        return "".join(v)

    def plate(self):
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return self.c([f"{self.digits(3)} {self.c(L)}{self.c(L)}{self.c(L)}", f"{self.c(L)}{self.c(L)}{self.c(L)}-{self.digits(4)}",
                       f"{self.digits(1)}{self.c(L)}{self.c(L)}{self.digits(4)}", f"{self.c(L)}{self.digits(2)} {self.c(L)}{self.digits(2)}",
                       self.c(["GRNDMA1", "NURSE4U", "BBQKING", "MEMAW", "HOGWLD", "DOC2B"])])

    def mbi(self):
        A = "ACDEFGHJKMNPQRTUVWXY"
        N = "0123456789"
        chars = [self.c("123456789"), self.c(A), self.c(A + N), self.c(N), self.c(A), self.c(A + N), self.c(N),
                 self.c(A), self.c(A), self.c(N), self.c(N)]
        s = "".join(chars)
        return f"{s[:4]}-{s[4:7]}-{s[7:]}" if self.p(0.5) else s

    def email(self, f, l):
        f, l = re.sub(r"[^a-z]", "", f.lower()) or "pt", re.sub(r"[^a-z]", "", l.lower()) or "x"
        user = self.c([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l}{self.r.randrange(1, 99)}", f"{l}_{f}", f"{f}{self.r.randrange(1950, 2010)}",
                       f"{self.c(['mamabear', 'bigtruck', 'gigi', 'lilbit', 'hunter', 'pawpaw'])}{self.r.randrange(1, 999)}"])
        return f"{user}@{self.c(EMAIL_DOMAINS)}"

    def ip(self):
        k = self.r.randrange(5)
        if k == 0:
            return f"10.{self.r.randrange(256)}.{self.r.randrange(256)}.{self.r.randrange(1, 255)}"
        if k == 1:
            return f"192.168.{self.r.randrange(256)}.{self.r.randrange(1, 255)}"
        if k == 2:
            return ":".join(f"{self.r.randrange(65536):x}" for _ in range(8))
        if k == 3:
            return f"2600:{self.r.randrange(4096):x}:{self.r.randrange(65536):x}::{self.r.randrange(4096):x}"
        return f"{self.r.randrange(11, 223)}.{self.r.randrange(256)}.{self.r.randrange(256)}.{self.r.randrange(1, 255)}"

    def age90(self):
        n = self.r.randrange(90, 108)
        words = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety three", 94: "ninety-four",
                 95: "ninety-five", 96: "ninety six", 97: "ninety-seven", 98: "ninety-eight", 99: "ninety-nine",
                 100: "one hundred", 101: "a hundred and one", 102: "one hundred two", 103: "a hundred three",
                 104: "one hundred and four", 105: "one hundred five", 106: "a hundred six", 107: "one hundred seven"}
        return words[n] if self.p(0.25) else str(n)

    # ---- shapes: each returns marked text
    def s_registration(self):
        f, l = self.first(), self.last()
        t, st = self.town()
        lab = self.c([("Patient Name", "DOB", "Address", "Phone"), ("Name", "Birth date", "Addr", "Tel"),
                      ("PATIENT", "D.O.B.", "STREET", "HOME PH"), ("Pt", "dob", "address", "cell")])
        sep = self.c(["\n", "  ", " | ", "; "])
        return sep.join([f"{lab[0]}: {{NAM:{l}, {f}}}", f"{lab[1]}: {{DAT:{self.date()}}}",
                         f"{lab[2]}: {{ADR:{self.street()}}}, {{LOC:{t}}}, {st} {{ZIP:{self.zipc()}}}",
                         f"{lab[3]}: {{PHO:{self.phone()}}}"])

    def s_echo(self):
        pres = f"{self.first()} {self.last()}"
        fac = self.facility()
        t, st = self.town()
        pt = self.initials()
        q = self.c(["Question: next step for tapering?", "Question for the hub: is treatment safe now?",
                    "Ask: how to approach the family meeting?", "Question: should we refer or manage locally?"])
        return self.c([
            f"ECHO case. Presenter: {{NAM:{pres}}}, {self.c(['MD', 'FNP', 'PA-C', 'RN', 'PharmD', 'CHW'])} ({{FAC:{fac}}}, {{LOC:{t}}}, {st}). Patient {{NAM:{pt}}}, {self.r.randrange(18, 85)} {self.c('MF')}. {q}",
            f"Spoke site {{FAC:{fac}}} presenting; case of {{NAM:{pt}}} seen {{DAT:{self.date(2026)}}}. {q}",
            f"Case presentation form\nPresenter | {{NAM:{pres}}}\nSite | {{FAC:{fac}}}\nPatient initials | {{NAM:{pt}}}\nDate of visit | {{DAT:{self.date(2026)}}}",
        ])

    def s_nursing_family(self):
        rel = self.c(["daughter", "son", "wife", "husband", "niece", "grandson", "sister", "neighbor", "partner", "mother"])
        fam = self.first() if self.p(0.5) else f"{self.first()} {self.last()}"
        t = self.town()[0]
        return self.c([
            f"{self.r.randrange(0, 24):02d}{self.c(['00', '15', '30', '45'])} Pt's {rel} {{NAM:{fam}}} called from {{LOC:{t}}}; callback {{PHO:{self.phone()}}}. Update given.",
            f"Spoke w/ {rel} ({{NAM:{fam}}}) at {{PHO:{self.phone()}}} re: discharge plan.",
            f"{rel.capitalize()} {{NAM:{fam}}} at bedside, drove in from {{LOC:{t}}} this am.",
        ])

    def s_letter(self):
        fac = self.facility()
        t, st = self.town()
        d = self.c(["Dr.", "Dr", "Doctor"]) + " "
        return (f"{{FAC:{fac}}}\n{{ADR:{self.street()}}}\n{{LOC:{t}}}, {st} {{ZIP:{self.zipc()}}}\n"
                f"{self.c(['Phone', 'Tel', 'P'])} {{PHO:{self.phone()}}}  {self.c(['Fax', 'FAX', 'F', 'fax'])} {{FAX:{self.phone()}}}\n\n"
                f"{{DAT:{self.date(2026)}}}\n\nDear {d}{{NAM:{self.last()}}}:")

    def s_discharge(self):
        return (f"Patient: {{NAM:{self.full()}}}   {self.c(['MRN', 'MR#', 'Med Rec No.', 'Hosp #'])}: {{MRN:{self.c(['', 'M', 'E', 'K'])}{self.digits(self.r.randrange(6, 10))}}}\n"
                f"Admitted {{DAT:{self.date(2026)}}}, discharged {{DAT:{self.date(2026)}}} by {self.c(['Dr.', 'Dr', ''])} {{NAM:{self.first()} {self.last()}}}.").replace("  {", " {")

    def s_table(self):
        rows = ["| name | dob | mrn | phone |", "|---|---|---|---|"]
        for _ in range(self.r.randrange(2, 4)):
            rows.append(f"| {{NAM:{self.full()}}} | {{DAT:{self.date()}}} | {{MRN:{self.digits(self.r.randrange(6, 9))}}} | {{PHO:{self.phone()}}} |")
        return "\n".join(rows)

    def s_phone_encounter(self):
        caller = f"{self.first()} {self.last()}"
        return (f"Telephone encounter {{DAT:{self.date(2026)}}} {self.r.randrange(8, 17)}:{self.r.randrange(10, 59)}. Caller {{NAM:{caller}}} "
                f"asks for refill of {self.c(DRUGS)}; pharmacy {{FAC:{self.c(STORES)} #{self.r.randrange(100, 9999)}}}, call back {{PHO:{self.phone()}}}.")

    def s_pharmacy(self):
        l = self.last()
        return self.c([
            f"Prescriber {{NAM:{self.first()} {l}}}, DEA {{LIC:{self.dea(l)}}}, NPI {{LIC:{self.npi()}}}.",
            f"Verified DEA# {{LIC:{self.dea(l)}}} for Dr. {{NAM:{l}}} before dispensing {self.c(DRUGS)}.",
            f"NPI: {{LIC:{self.npi()}}} / state lic {{LIC:{self.c(['MD', 'RN', 'APRN', 'PA', 'RPh', 'DO'])}{self.c(['', '-', '.'])}{self.digits(self.r.randrange(5, 8))}}} ({{NAM:{self.first()[0]}. {l}}})",
        ])

    def s_home_visit(self):
        t, st = self.town()
        return self.c([
            f"Home visit at {{ADR:{self.street()}}} in {{LOC:{t}}}; {self.c(['blue trailer', 'brick house', 'last house on the left', 'gravel drive past the creek'])}.",
            f"HH SN visit, pt lives at {{ADR:{self.street()}}}, {{LOC:{t}}} {st} {{ZIP:{self.zipc()}}}. Caregiver {{NAM:{self.first()}}} present.",
            f"lives {self.c(['up', 'out on', 'off of'])} {{ADR:{self.c(STREET_NAMES).lower()} {self.c(['holler', 'road', 'branch', 'creek road'])}}} near {{LOC:{t.lower()}}}",
        ])

    def s_pediatric(self):
        kid = self.first()
        return self.c([
            f"Peds: {{NAM:{kid}}}, {self.r.randrange(1, 17)} yo, attends {{FAC:{self.town()[0]} {self.c(['Elementary', 'Middle School', 'Head Start', 'High School'])}}}; student ID {{MRN:{self.digits(self.r.randrange(6, 10))}}}. Guardian {{NAM:{self.first()} {self.last()}}}.",
            f"Brought in by grandmother {{NAM:{self.full()}}}; child {{NAM:{kid}}} born {{DAT:{self.date(self.r.randrange(2010, 2026))}}}.",
            f"Newborn {{NAM:{self.last()}}}, born {{DAT:{self.date(2026)}}}, newborn MRN {{MRN:{self.c(['NB', 'B', ''])}{self.digits(7)}}}.",
        ])

    def s_age(self):
        a = self.age90()
        return self.c([
            f"{{AGE:{a}}}-year-old {self.c(['woman', 'man', 'veteran', 'widow', 'female', 'male'])} from {{LOC:{self.town()[0]}}}.",
            f"Pt is {{AGE:{a}}} y/o, lives with {{NAM:{self.first()}}}.",
            f"Age: {{AGE:{a}}}   Sex: {self.c('MF')}",
            f"{{AGE:{a}}}{self.c(['yo', 'YO', 'F', 'M', ' yo', ' yrs', 'y'])} {self.c(['with dementia', 'after a fall', 'on hospice', 'with CHF'])}",
            f"turned {{AGE:{a}}} last {self.c(['week', 'month', 'spring'])}",
        ]) if not a[0].isalpha() else f"she is {{AGE:{a}}} years old and sharp as a tack"

    def s_speech(self):
        t = self.town()[0].lower()
        a = self.age90()
        return (f"so uh this is {self.c(['mister', 'miss', 'misses', ''])} {{NAM:{self.last().lower()}}} he's {{AGE:{a}}} "
                f"and he lives out on {{ADR:{self.c(STREET_NAMES).lower()} road}} in {{LOC:{t}}}").replace("  {", " {")

    def s_fax(self):
        return (f"FAX to {{FAC:{self.facility()}}} at {{FAX:{self.phone()}}} re: {{NAM:{self.full()}}}, "
                f"{self.c(['DOB', 'dob', 'D.O.B.'])} {{DAT:{self.date()}}}. {self.r.randrange(2, 14)} pages.")

    def s_email(self):
        f, l = self.first(), self.last()
        return self.c([
            f"From: {{NAM:{f} {l}}} <{{EML:{self.email(f, l)}}}>\nSent: {{DAT:{self.date(2026)}}}\nSubject: question about my {self.c(['labs', 'refill', 'appointment'])}",
            f"pt's email on file is {{EML:{self.email(f, l)}}}",
            f"--\n{{NAM:{f} {l}}}, {self.c(['RN', 'MSW', 'CHW', 'MD'])}\n{{FAC:{self.facility()}}}\n{{EML:{self.email(f, l)}}}",
        ])

    def s_ip(self):
        return self.c([
            f"portal login from {{IP:{self.ip()}}} at {self.r.randrange(0, 24):02d}:{self.r.randrange(60):02d}, second login {{IP:{self.ip()}}}",
            f"Telehealth connection log: client IP {{IP:{self.ip()}}}, user {{EML:{self.email(self.first(), self.last())}}}",
            f"src={{IP:{self.ip()}}} dst={{IP:{self.ip()}}} action=allow app=video",
        ])

    def s_ssn(self):
        return self.c([
            f"SSN: {{SSN:{self.ssn()}}}",
            f"last 4 of SSN {{SSN:{self.digits(4)}}}",
            f"Social Security # {{SSN:{self.ssn()}}} verified",
            f"SSN xxx-xx-{{SSN:{self.digits(4)}}} on the form",
            f"ss# ending in {{SSN:{self.digits(4)}}}",
            f"soc sec no. {{SSN:{self.ssn()}}}",
        ])

    def s_insurance(self):
        return self.c([
            f"Medicare MBI {{ACC:{self.mbi()}}}",
            f"Medicaid # {{ACC:{self.digits(self.r.randrange(9, 13))}}}, member {{NAM:{self.full()}}}",
            f"Member ID {{ACC:{self.c(['XYZ', 'W', 'H', 'ZGP', 'U'])}{self.digits(9)}}} group {{ACC:{self.digits(self.r.randrange(5, 8))}}}",
            f"Acct # {{ACC:{self.digits(8)}}}; visit {{ACC:V{self.digits(9)}}}",
            f"claim no. {{ACC:{self.digits(13)}}} for DOS {{DAT:{self.date(2026)}}}",
            f"policy {{ACC:{self.c(['POL', 'AFL', 'SF'])}-{self.digits(7)}}} (subscriber {{NAM:{self.first()} {self.last()}}})",
        ])

    def s_vehicle(self):
        return self.c([
            f"Vehicle: {self.c(['2014 F-150', 'white Camry', 'older Silverado', 'red Jeep'])}, plate {{VEH:{self.plate()}}}",
            f"VIN {{VEH:{self.vin()}}}",
            f"{self.c(['KY', 'TN', 'WV', 'OK', 'NM', 'TX', 'AK'])} tag {{VEH:{self.plate()}}}, VIN {{VEH:{self.vin()}}}",
            f"was driving the truck with license plate {{VEH:{self.plate()}}} when it happened",
        ])

    def s_device(self):
        return self.c([
            f"{self.c(['Pacemaker', 'ICD', 'Insulin pump', 'CGM transmitter', 'CPAP', 'O2 concentrator', 'Hearing aid', 'Spinal cord stimulator'])} serial {{DEV:{self.c(['SN', 'PJN', 'RNB', 'G', 'X', ''])}{self.digits(self.r.randrange(6, 11))}}}",
            f"device S/N {{DEV:{self.c('ABCDEFGHKMNPRTWXYZ')}{self.c('ABCDEFGHKMNPRTWXYZ')}{self.digits(6)}-{self.c('ABCDEF')}}}",
            f"UDI {{DEV:(01){self.digits(14)}(17){self.digits(6)}(21){self.digits(8)}}}",
            f"phone IMEI {{DEV:{self.digits(15)}}}",
        ])

    def s_url(self):
        f, l = self.first().lower(), self.last().lower()
        f, l = re.sub(r"[^a-z]", "", f) or "pt", re.sub(r"[^a-z]", "", l) or "x"
        return self.c([
            f"see her page {{URL:https://www.facebook.com/{f}.{l}.{self.r.randrange(1, 999)}}}",
            f"fundraiser at {{URL:www.gofundme.com/f/help-{f}-{l}-with-medical-bills}}",
            f"video visit link {{URL:https://doxy.me/dr{l}}}",
            f"posts as {{URL:@{f}_{l}{self.r.randrange(1, 99)}}}",
            f"obituary: {{URL:https://www.{l}funeralhome.com/obituary/{f}-{l}}}",
            f"updates at {{URL:caringbridge.org/visit/{f}{l}}}",
        ])

    def s_dates(self):
        k = self.r.randrange(4)
        if k == 0:
            return f"Seen {{DAT:{self.date(2026)}}}, {{DAT:{self.date(2026)}}} and {{DAT:{self.date(2026)}}}."
        if k == 1:
            return f"{self.c(['DOB', 'Date of birth', 'born', 'b.'])} {{DAT:{self.date()}}}"
        if k == 2:
            return f"{self.c(['Mon', 'Tues', 'Wednesday', 'Thu', 'Fri'])} {{DAT:{self.date(2026)}}} follow-up"
        a, b = self.r.randrange(1, 29), self.r.randrange(1, 31)
        return f"admitted on the {{DAT:{a}{self.ordsuf(a)}}} and discharged on the {{DAT:{b}{self.ordsuf(b)}}}"

    def s_holiday(self):
        h = self.c(["Christmas Day", "Thanksgiving", "New Year's Eve", "the Fourth of July", "Halloween",
                    "Easter Sunday", "Memorial Day", "Mother's Day", "Labor Day", "Christmas Eve"])
        if h.startswith("the "):
            return f"fell on the {{DAT:{h[4:]}}} at a cookout"
        return f"{self.c(['admitted on', 'last seen', 'symptoms began', 'was discharged on'])} {{DAT:{h}}}"

    def s_chat(self):
        a, b = self.first().lower(), self.first().lower()
        return (f"{{NAM:{a}}}: can u check on {{NAM:{self.last().lower()}}} in 2?\n{{NAM:{b}}}: yes, her son {{NAM:{self.first().lower()}}} "
                f"said call {{PHO:{self.phone()}}}")

    def s_address(self):
        t, st = self.town()
        return self.c([
            f"New address: {{ADR:{self.street()}}}, {{LOC:{t}}}, {st} {{ZIP:{self.zipc()}}}",
            f"mail to {{ADR:{self.street()}}} / {{LOC:{t}}} {st} {{ZIP:{self.zipc()}}}",
            f"moved from {{LOC:{t}}} to {{LOC:{self.c(COUNTIES)}}}",
            f"ZIP {{ZIP:{self.zipc()}}}",
            f"grew up in {{LOC:{self.c(NEIGHBORHOODS)}}}",
        ])

    def s_csv(self):
        f, l = self.first(), self.last()
        return f"id,last,first,dob,zip\n{{MRN:{self.digits(7)}}},{{NAM:{l}}},{{NAM:{f}}},{{DAT:{self.date()}}},{{ZIP:{self.zipc()}}}"

    def s_license(self):
        return self.c([
            f"driver's license {{LIC:{self.c('ABCDEFGHKMNPSTWY')}{self.digits(8)}}}",
            f"DL# {{LIC:{self.digits(3)}-{self.digits(3)}-{self.digits(3)}}} ({self.c(['KY', 'TN', 'OK', 'TX'])})",
            f"RN license {{LIC:{self.c(['RN', ''])}{self.digits(7)}}}, {{NAM:{self.first()} {self.last()}}}",
            f"medical license {{LIC:{self.digits(2)}.{self.digits(6)}}} expires {{DAT:{self.date(2027)}}}",
            f"birth certificate no. {{LIC:{self.digits(3)}-{self.digits(4)}-{self.digits(6)}}}",
        ])

    def s_transfer(self):
        return (f"Transfer from {{FAC:{self.facility()}}} to {{FAC:{self.c(SAINTS)} {self.c(['Medical Center', 'Hospital'])}}} "
                f"by {{FAC:{self.c(['Air Evac', 'PHI Air Medical', 'Med Flight', 'Life Flight'])} {self.r.randrange(1, 130)}}}; accepting Dr. {{NAM:{self.last()}}}.")

    def s_caps(self):
        t, st = self.town()
        return (f"PATIENT: {{NAM:{(self.last() + ', ' + self.first()).upper()}}}  DOB: {{DAT:{self.date()}}}  "
                f"CITY: {{LOC:{t.upper()}}}  ST: {st}  ZIP: {{ZIP:{self.zipc()}}}  ACCT: {{ACC:{self.digits(9)}}}")

    def s_nick(self):
        n = self.c(NICK)
        return self.c([
            f"{{NAM:{self.first()}}} (\"{{NAM:{n}}}\") {{NAM:{self.last()}}}",
            f"goes by {{NAM:{n}}}",
            f"her brother {{NAM:{n}}} drives her to clinic",
            f"{{NAM:{self.initials()}}} was seen by {{NAM:{self.initials()}}}",
        ])

    def s_foreign(self):
        t, country = self.c(FOREIGN_TOWNS)
        return self.c([
            f"born in {{LOC:{t}}}, {country}; came to {{LOC:{self.town()[0]}}} in {self.r.randrange(1990, 2024)}",
            f"lived in the camp at {{LOC:{t}}} for {self.r.randrange(2, 15)} years",
        ])

    def s_death(self):
        return (f"died {{DAT:{self.date(2026)}}} at {{FAC:{self.facility()}}}; arrangements by {{FAC:{self.last()} Funeral Home}}. "
                f"Death certificate {{LIC:{self.digits(4)}-{self.digits(6)}}}.")

    def s_employer(self):
        return self.c([
            f"works at {{FAC:{self.c(EMPLOYERS)}}} in {{LOC:{self.town()[0]}}}",
            f"employer: {{FAC:{self.c(EMPLOYERS)}}}; supervisor {{NAM:{self.first()} {self.last()}}}",
            f"attends {{FAC:{self.facility()}}}",
        ])

    def s_words_phone(self):
        w = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        n = [self.r.randrange(10) for _ in range(10)]
        return f"call back number is {{PHO:{' '.join(w[x] for x in n[:3])}, {' '.join(w[x] for x in n[3:6])}, {' '.join(w[x] for x in n[6:])}}}"

    def s_spanish(self):
        return self.c([
            f"La paciente {{NAM:{self.full()}}} vive en {{LOC:{self.town()[0]}}}; teléfono {{PHO:{self.phone()}}}.",
            f"Su hija {{NAM:{self.first()}}} la trae los {self.c(['lunes', 'viernes'])}; próxima cita el {{DAT:{self.r.randrange(1, 29)} de {self.c(['enero', 'marzo', 'julio', 'octubre', 'diciembre'])}}}.",
        ])

    def s_mrn(self):
        cue = self.c(["MRN", "MR #", "Chart #", "Pt ID", "EMR no.", "Unit #", "Med Rec", "Hospital no.", "EMPI", "Record #",
                      "Patient ID", "mrn"])
        v = self.c([self.digits(7), self.digits(8), f"{self.c('AEKMH')}{self.digits(7)}", f"{self.digits(2)}-{self.digits(2)}-{self.digits(2)}",
                    f"{self.digits(3)} {self.digits(3)} {self.digits(3)}", f"000{self.digits(6)}"])
        return f"{cue} {{MRN:{v}}}" if self.p(0.8) else f"{cue}: {{MRN:{v}}}; {self.c(['enc', 'CSN', 'FIN', 'HAR'])} {{ACC:{self.digits(10)}}}"


SHAPES = [n for n in dir(Gen) if n.startswith("s_")]
# scarce categories drawn more often
WEIGHTS = {"s_ip": 3, "s_ssn": 4, "s_vehicle": 4, "s_device": 3, "s_fax": 3, "s_url": 5, "s_license": 2,
           "s_pharmacy": 2, "s_age": 3, "s_insurance": 2, "s_mrn": 2, "s_email": 2}

LOOKALIKE = [
    lambda g: f"{g.c(['Parkinson disease', 'Alzheimer dementia', 'Hodgkin lymphoma', 'Graves disease', 'Hashimoto thyroiditis', 'Crohn disease', 'Addison disease', 'Cushing syndrome', 'Bell palsy', 'Raynaud phenomenon', 'Sjogren syndrome', 'Wilson disease', 'Huntington disease', 'Meniere disease', 'Paget disease of bone', 'Kawasaki disease', 'Lou Gehrig disease', 'Barrett esophagus', 'Dupuytren contracture', 'Osgood-Schlatter disease'])} noted in the history.",
    lambda g: f"Continue {g.c(DRUGS)}.",
    lambda g: f"{g.c(['PHQ-9', 'GAD-7', 'MoCA', 'MMSE', 'AUDIT-C', 'COWS', 'CIWA-Ar', 'Braden', 'Morse', 'EPDS', 'NIHSS', 'MELD', 'FIB-4', 'CHA2DS2-VASc', 'HAS-BLED', 'Wells', 'CURB-65', 'APACHE II'])} {g.r.randrange(0, 30)}.",
    lambda g: f"BP {g.r.randrange(95, 190)}/{g.r.randrange(50, 110)}, HR {g.r.randrange(48, 130)}, SpO2 {g.r.randrange(85, 100)}%.",
    lambda g: f"Day {g.r.randrange(1, 15)} of {g.c(['ceftriaxone', 'vancomycin', 'cefazolin', 'piperacillin-tazobactam', 'doxycycline'])}, dosed q{g.c(['6', '8', '12', '24'])}h.",
    lambda g: f"Na {g.r.randrange(125, 146)}, K {g.r.randrange(30, 60) / 10}, Cr {g.r.randrange(5, 40) / 10}, A1c {g.r.randrange(50, 140) / 10}%.",
    lambda g: f"{g.c(['L4-L5', 'C5-C6', 'T12-L1', 'L5-S1'])} {g.c(['stenosis', 'disc bulge', 'fusion'])}, strength {g.r.randrange(3, 6)}/5.",
    lambda g: f"{g.c(['Babinski', 'Romberg', 'Tinel', 'Murphy', 'McMurray', 'Lachman', 'Homan', 'Kernig'])} sign {g.c(['negative', 'positive', 'equivocal'])}.",
    lambda g: f"Coded {g.c(['E11.9', 'I50.22', 'F11.20', 'K70.30', 'B18.2', 'Z79.891', 'J44.1', 'N18.4'])}, CPT {g.c(['99213', '99214', '99497', '96127', 'G0438'])}.",
    lambda g: f"Moved to room {g.r.randrange(100, 999)}, bed {g.c('AB')}.",
    lambda g: f"Diagnosed in {g.r.randrange(1980, 2026)}, {g.c(['treated', 'stable', 'in remission'])} since.",
    lambda g: f"{g.c(['Lyme', 'West Nile', 'Rocky Mountain spotted fever', 'Chagas', 'Ebola', 'Zika', 'Coxsackie', 'Norwalk'])} {g.c(['serology', 'testing', 'exposure'])} {g.c(['negative', 'not indicated', 'pending'])}.",
    lambda g: f"Insulin-to-carb ratio 1:{g.r.randrange(5, 20)}, correction 1:{g.r.randrange(20, 80)} over {g.c(['120', '150', '180'])}.",
    lambda g: f"{g.c(['G2P1011', 'G4P3003', 'G1P0', 'G3P2012'])} at {g.r.randrange(24, 41)} {g.r.randrange(0, 7)}/7 weeks.",
    lambda g: f"Follow up in {g.r.randrange(2, 12)} {g.c(['weeks', 'months', 'days'])}; repeat labs {g.c(['in the morning', 'next visit', 'before the visit'])}.",
    lambda g: f"Vision {g.c(['20/20', '20/40', '20/70', '20/200'])} OD, {g.c(['20/25', '20/30', '20/50'])} OS.",
    lambda g: f"Hydrocodone-acetaminophen {g.c(['5/325', '7.5/325', '10/325'])} q{g.c(['4', '6'])}h PRN, max {g.r.randrange(2, 6)} tabs/day.",
    lambda g: f"{g.c(['Foley', 'Swan-Ganz', 'Jackson-Pratt', 'Hickman', 'Groshong', 'Pleurx', 'Broviac'])} catheter {g.c(['removed', 'in place', 'flushed'])}.",
]


def carrier_pool(path):
    bad = re.compile(r"[\d:/()\[\]@#&*\"'_;|{}%<>=+]")
    cue = re.compile(
        r"\b(sample|xyz|abc|xx|xxx|month|january|february|march|april|may|june|july|august|september|october|"
        r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|dr|mr|mrs|ms|hospital|"
        r"clinic|center|centre|county|street|road|avenue|city|town|state|home|house|name|named|address|phone|"
        r"born|birth|date|dated|day|days|week|weeks|year|years|old|age|aged|today|yesterday|tomorrow|wife|"
        r"husband|daughter|son|mother|father|brother|sister|family|friend|school|work|works|job|church|"
        r"university|college|doctor|nurse|institute|transferred|called|telephone|email|lives|living|moved)\b",
        re.I)
    pool = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            sents = []
            for para in doc["body"].split("\n"):
                for s in re.split(r"(?<=\.)\s+", para.strip()):
                    s = s.strip()
                    ok = (40 <= len(s) <= 220 and s.endswith(".") and s.count(".") == 1 and re.match(r"[A-Z][a-z]+ ", s)
                          and not any(ch.isupper() for ch in s[1:]) and not bad.search(s) and not cue.search(s)
                          and s.isascii())
                    sents.append(s if ok else None)
            runs = []
            for i, s in enumerate(sents):
                if s is None:
                    continue
                if i + 1 < len(sents) and sents[i + 1] is not None:
                    runs.append([s, sents[i + 1]])
                runs.append([s])
            if runs:
                pool.append((doc["ref"], runs))
    return pool


def join(rng, shape_text, carrier):
    sep = rng.choice([" ", "\n", "\n\n", " ", "\n"])
    if rng.random() < 0.5:
        return carrier + sep + shape_text
    return shape_text + sep + carrier


def build(corpus):
    rng = random.Random(SEED)
    g = Gen(rng)
    pool = carrier_pool(corpus)
    rng.shuffle(pool)
    docs = iter(pool)
    rows = []
    for k, m in enumerate(PLANTED):
        text, spans = parse(m)
        rows.append(("P", f"h{k:02d}", "", text, spans))
    names, weights = SHAPES, [WEIGHTS.get(n, 1) for n in SHAPES]
    for _ in range(N_PLANTED - len(PLANTED)):
        picks = [rng.choices(names, weights)[0]]
        if rng.random() < 0.35:
            picks.append(rng.choices(names, weights)[0])
        if rng.random() < 0.1:
            picks.append(rng.choices(names, weights)[0])
        parts = [getattr(g, n)() for n in picks]
        shape = rng.choice([" ", "\n", ". ", "; "]).join(parts)
        ref, runs = next(docs)
        carrier = " ".join(rng.choice(runs))
        text, spans = parse(join(rng, shape, carrier))
        rows.append(("P", "g" + "+".join(f"{SHAPES.index(n):02d}" for n in picks), ref, text, spans))
    for k, t in enumerate(CLEAN):
        text, spans = parse(t)
        assert not spans
        rows.append(("N", f"h{k:02d}", "", text, []))
    for _ in range(N_CLEAN - len(CLEAN)):
        lines = [rng.choice(LOOKALIKE)(g) for _ in range(rng.randrange(1, 4))]
        ref, runs = next(docs)
        carrier = " ".join(rng.choice(runs))
        text, spans = parse(join(rng, rng.choice([" ", "\n"]).join(lines), carrier))
        assert not spans
        rows.append(("N", "g00", ref, text, []))
    rng.shuffle(rows)
    out, n_p, n_n = [], 0, 0
    for kind, tag, ref, text, spans in rows:
        if kind == "P":
            n_p += 1
            rid = f"F-P{n_p:03d}-{tag}"
        else:
            n_n += 1
            rid = f"F-N{n_n:03d}-{tag}"
        out.append({"id": rid, "split": "heldout", "carrier": ref, "text": text, "spans": spans})
    return out


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
    rows = build(corpus)
    refs = [r["carrier"] for r in rows if r["carrier"]]
    assert len(refs) == len(set(refs)), "a corpus document used twice"
    with open(os.path.join(HERE, "heldout.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows")


if __name__ == "__main__":
    main()
