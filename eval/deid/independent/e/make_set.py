"""Build de-identification set E (stdlib only, deterministic).

Usage: python3 make_set.py [path/to/cases.jsonl]
Writes heldout.jsonl into the current directory (run it in an empty one).

Passages come from two sources:
  * hand_planted.py / hand_clean.py: passages written one at a time, with
    {CATEGORY|value} markup for the identifiers;
  * the shapes below, filled from hand-written value pools with seed SEED and
    joined to real sentences from the shared corpus (carrier text).
"""

import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from hand_clean import CLEAN as HAND_CLEAN  # noqa: E402
from hand_planted import PLANTED as HAND_PLANTED  # noqa: E402

SEED = 40517
N_PLANTED = 300
N_CLEAN = 150
CATS = {
    "NAME", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "MRN", "ACCOUNT",
    "LICENSE", "VEHICLE", "DEVICE", "ADDRESS", "LOCATION", "ZIP", "FACILITY",
}
MARK = re.compile(r"\{([A-Z]+)\|([^{}]*)\}")


def parse_markup(src):
    text, spans, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(src):
        plain = src[pos : m.start()]
        text.append(plain)
        out_len += len(plain)
        cat, val = m.group(1), m.group(2)
        assert cat in CATS, cat
        spans.append([out_len, out_len + len(val), cat])
        text.append(val)
        out_len += len(val)
        pos = m.end()
    text.append(src[pos:])
    s = "".join(text)
    assert "{" not in s and "}" not in s, s
    return s, spans


# ---------------------------------------------------------------- value pools

FIRST = """Abigail Adaeze Aiyana Alejandro Amadou Anh Ansel Aroha Bao Barrett Beatriz Benedikt Bertha Bich
Birdie Boone Brantley Caedmon Catalina Cayden Chayton Chioma Clementine Colm Dagny Darnell Delphine Demetrius
Dilnoza Dorcas Dovie Eamon Efua Elif Emeka Esperanza Eulalia Ezekiel Fatuma Fenna Florentino Gaspard Genevieve
Gideon Gwendolyn Halona Haruto Hiroko Ignatius Ilse Imani Isidro Jadiel Jolene Kalani Kateri Keoni Kwabena
Lavinia Leilani Lemuel Linnea Lorcan Lula Mahala Maile Makoa Malachi Mamie Mehmet Mercedes Milagros Nakoma
Nilufar Nnamdi Oda Odessa Oluwaseun Orval Ottilie Paloma Parveen Percival Philomena Quang Radomir Rashida
Reuben Rhiannon Roscoe Sadie Saoirse Selam Seraphina Shadrach Siosaia Soraya Tadeo Tallulah Tamsin Teodora
Thaddeus Thuy Tobiah Ulrike Urban Vashti Velma Wanjiru Waylon Wilhelmina Xochitl Yaretzi Yusuf Zebulon Zofia
Dewey Ocie Arlie Verlin Zelda Ellis Lonzo Vada Hollis Alma""".split()
WORD_FIRST = """Hope Faith Rose Bill Grant Joy Grace Dawn Summer Autumn June April May Will Frank Mark Art Penny
Hunter Chase River Sky Crystal Amber Ruby Pearl Ivy Holly Lily Iris Violet Sunny Stormy Honey Precious Goldie
Rusty Dusty Buck Duke Major King Royal Reed Clay Dale Glen Hazel Cash Jewel Harmony Destiny Trinity Liberty
Journey Miracle Willow Mercy Patience Charity Sterling Victory""".split()
LAST = """Abernathy Adeyemi Akinola Alcorn Amburgey Anaya Appiah Arbogast Arrowood Baird Banerjee Barrientos
Begay Benally Bertucci Bhattacharya Blankenship Boatwright Bojorquez Brummett Bui Burchett Caldwell Castaneda
Chavis Chinwe Collinsworth Combs Cornelius Cuellar Dalrymple Danforth Delgadillo Dinh Dobrowski Dotson Ducharme
Eversole Fairchild Fankhauser Ferrell Fitzwater Flanary Gatlin Gibbs Goforth Gonzaga Greer Grubb Gwinn Hackworth
Halfhill Hamlin Hatmaker Hinkle Hollingsworth Honaker Hurd Iwasaki Jankowski Jarvis Kaczmarek Kamakau Keesee
Kilgore Kozlowski Lamoreaux Ledbetter Lockridge Lunsford Madrigal Mahaffey Manygoats Markowitz Mayhew McCool
Mendenhall Mofokeng Mullins Nakashima Napier Nwachukwu Oakes Ochieng Ogletree Pankey Pelfrey Pham Pinkerton
Pokorny Quarles Quiñones Rasmussen Redbird Rhinehart Rojas Salyer Sandoval Scaggs Shelton Skaggs Slemp Sotelo
Spivey Stidham Szymanski Tackett Thibodeaux Tolliver Trujillo Tsosie Turnbow Uribe Vanover Villalobos
Wamsley Whisman Wojcik Yazzie Yellowhorse Zamora Zeigler""".split()
WORD_LAST = """Price Wood Bell Graves Payne Love Sharp Church Early Law Hale Marsh Frost Bush Stone Little Rich Gay
Moody Hope Christmas Friday Day Winter Noble Cash Street Field Hill Banks Brook Parish Pope Knight Savage
Fox Crow Small Young Strong Short Long Walker Baker Cook Hunter""".split()
MULTI_LAST = ["de la Cruz", "van der Linde", "O'Bannon", "McElroy", "St. Pierre", "Al-Amin", "D'Alessandro",
              "Ruiz-Tagle", "Nwosu-Hale", "Le Doux", "Mac an tSaoir", "Ben-Haim", "da Costa", "ten Brink"]
NICK = ["Bubba", "Sissy", "Tater", "Boo", "Junebug", "Peanut", "Red", "Skeeter", "Doodle", "Meemaw", "Pawpaw",
        "Cooter", "Punkin", "Chuy", "Lulu", "Tootie", "Sonny", "Bear", "Pistol", "Dink"]
TOWNS = """Quillen Ridge|Tolliver Fork|Sassafras Flat|Lonesome Pine Camp|Persimmon Gap|Gravel Switch|Yellow Rock
|Goose Rock|Bear Wallow|Hell for Certain|Red Bird|Possum Trot|Ninety Six|Eighty Four|Welcome|Subtle|Viper|Scuddy
|Decoy|Rowdy|Dwarf|Bulan|Happy|Mousie|Kite|Cutshin|Hippo|Thousandsticks|Sizerock|Hardburly|Busy|Krypton
|Sidney|Hope|Faith|Grace|Energy|Nada|Loyall|Dema|Wolfpit|Coal Run|Varney|Gulnare|Hi Hat|Raven|Ages|Totz|Kettle
|Fonde|Stinnett|Ezel|Zag|Oneida|Big Creek|Cannel City|Vortex|Mistletoe|Dingus|Relief|Fleming-Neon|Gays Creek
|Whick|Lost Creek|Arjay|Tinker Fork|Wiscoy|Stamping Ground|Bethany Bend|Oak Level|Miracle|Gunlock|Pippa Passes
|Little Eagle|Smokey Bottom|Lower Brush Fork|Caney Sink|Pounding Mill|Hemlock Cove|Blue Diamond|Chavies|Jinks
|Marrowbone|Nolansburg|Cromona|Skyline|Lejunior|Hollybush|Dorton|Mink Shoals|Tuttle Crossroads|Bee Log|Stoney Fork
|Allais|Ivel|Tram|Bypro|Pilgrim|Bosco|Himlerville""".replace("\n", "").split("|")
COUNTIES = ["Owsley County", "Wolfe Co.", "Breathitt County", "Leslie Co", "Elliott County", "McCreary County",
            "Buchanan County", "Dickenson Co.", "Mingo County", "McDowell County", "Hancock County",
            "Grundy County", "Lee County", "Jackson County", "Clay County", "Menifee County", "Martin Co.",
            "Wayne County", "Greenup County", "Lincoln Parish", "Washington County", "Nevada County"]
NEIGH = ["the Bottoms", "Frog Level", "Slabtown", "the Narrows", "Happy Top", "Dogtown", "the Flats", "Cane Patch",
         "Shantytown", "Goat Hill"]
STATES = ["KY", "WV", "TN", "VA", "OH", "NC", "AR", "MO", "AL", "MS", "Kentucky", "West Virginia", "Tenn."]
STREETS = ["Lick Fork", "Sugar Tree", "Laurel Hill", "Dry Branch", "Trace Fork", "Buckhorn", "Hurricane Creek",
           "Pigeon Roost", "Cherry Log", "Turkey Foot", "Coon Den", "Old Stage", "Quarry", "Deep Gap",
           "Cane Brake", "Spring Hollow", "Cold Iron", "Tobacco Barn", "Church House", "Paw Paw", "Meeting House",
           "Longbranch", "Sawmill", "Poplar Log", "Flat Gap", "Calico", "Saltlick", "Elkhorn", "Rockhouse",
           "Sycamore", "Wildcat", "Pine Knot", "Ballpark", "Tipple", "Grassy", "Big Bone"]
SUFFIX = ["Rd", "Road", "Trce", "Trace", "Hollow", "Holw", "Pike", "Spur", "Xing", "Crossing", "Loop", "Row",
          "Landing", "Lndg", "Bend", "Bnd", "Run", "Branch", "Fork", "Frk", "Gap", "Knob", "Ridge", "Rdg", "Cv",
          "Cove", "Path", "Pass", "Walk", "Way", "Ter", "Aly", "Cir", "Ct", "Hts", "Mdws", "Orchard", "Sq", "Vw",
          "Vly", "Trl", "Tpke", "Wynd", "Glen", "Mews", "Hl", "Byp", "Ext", "Strm", "Shls"]
UNITS = ["Apt 3B", "Apt. 12", "#4", "# 210", "Unit 7", "Lot 27", "Lot #9", "Trlr 14", "Trailer 6", "Bldg C Apt 2",
         "Ste 110", "Spc 31", "Rm 5", "Fl 2", "Apt 1, Rear", "Upstairs", "Basement Apt", "Apt D-4"]
FAC_STEM = ["Laurel", "Cumberland", "Big Sandy", "Kentucky River", "Mountain", "Appalachian", "Three Rivers",
            "Red River", "Blue Ridge", "Hope Valley", "Twin Forks", "Clearfork", "Pine Mountain", "Lotts Creek",
            "Rockhouse", "Troublesome Creek", "Bluegrass", "Headwaters", "Highland", "Stone Mountain"]
FAC_TYPE = ["Family Health Center", "Rural Health Clinic", "Community Health", "Comprehensive Care",
            "Recovery Center", "Medical Associates", "Primary Care", "Women's Health", "Pediatrics",
            "Behavioral Health", "Nursing & Rehab", "Health & Rehabilitation", "Senior Living",
            "Treatment Services", "Wound Clinic", "Dialysis", "Home Health", "Hospice", "Free Clinic", "Pharmacy"]
HOSPITALS = ["Whitesburg ARH", "Mary Breckinridge Hospital", "Jenkins Community Hospital", "Wayne Memorial",
             "Three Rivers Medical Center", "Williamson Memorial", "Buchanan General", "Welch Community Hospital",
             "Holston Valley", "Johnston Memorial", "Our Lady of Bellefonte", "Saint Joseph Berea",
             "Harrison Memorial", "Ephraim McDowell Fort Logan", "Wellmont Lonesome Pine", "Norton Community"]
CHURCH = ["Little Zion Missionary Baptist Church", "Greater Hope Pentecostal", "St. Bernadette Parish",
          "Brushy Fork Church of God", "Mt. Olive Freewill Baptist", "Masjid Al-Noor", "Temple Beth Sholom"]
EMPLOYER = ["Blackhawk Mining", "Tyson plant", "Amazon fulfillment center", "Toyota in Georgetown",
            "Speedway", "Hardee's", "Cracker Barrel", "Family Dollar", "Save-A-Lot", "Food City"]
DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "windstream.net",
           "frontier.com", "att.net", "tds.net", "protonmail.com", "bellsouth.net"]
AREA = ["606", "859", "502", "270", "304", "681", "423", "865", "276", "540", "740", "937", "870", "417", "662",
        "828", "256", "931", "731", "479"]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_SHORT = ["Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = [m[:3] for m in MONTHS]
ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
             "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth"]
UNITS_W = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
HOLIDAYS = ["Christmas Eve", "New Year's Day", "Fourth of July", "Valentine's Day", "Memorial Day",
            "Mother's Day", "Father's Day", "New Year's Eve", "Christmas Day", "Independence Day"]


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def age_words(a):
    if a < 100:
        return "ninety" + ("-" + UNITS_W[a - 90] if a > 90 else "")
    rest = a - 100
    base = random.choice(["one hundred", "a hundred"])
    return base if rest == 0 else base + random.choice([" and ", " "]) + UNITS_W[rest]


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def npi():
    body = "1" + "".join(random.choice("0123456789") for _ in range(8))
    for c in "0123456789":
        if luhn_ok("80840" + body + c):
            return body + c
    raise AssertionError


def dea(last):
    first = random.choice("ABFGMPX")
    d = [random.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + last[0].upper() + "".join(map(str, d)) + str(chk)


VIN_MAP = {**{str(i): i for i in range(10)},
           **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
           **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin():
    v = [random.choice(VIN_CH) for _ in range(17)]
    v[0] = random.choice("1245JK3")
    v[9] = random.choice("DEFGHJKLMNPRS")
    s = sum(VIN_MAP[c] * w for c, w in zip(v, VIN_W)) % 11
    v[8] = "X" if s == 10 else str(s)
    return "".join(v)


def digits(n):
    return "".join(random.choice("0123456789") for _ in range(n))


def letters(n):
    return "".join(random.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


# ---------------------------------------------------------------- value makers


def first():
    return random.choice(WORD_FIRST) if random.random() < 0.3 else random.choice(FIRST)


def last():
    r = random.random()
    if r < 0.2:
        return random.choice(WORD_LAST)
    if r < 0.3:
        return random.choice(MULTI_LAST)
    return random.choice(LAST)


def full_name(style=None):
    f, la = first(), last()
    style = style or random.choice(["fl", "fl", "fml", "lf", "LF", "lower", "fl_jr", "nick", "init_l", "initials"])
    if style == "fl":
        return f"{f} {la}"
    if style == "fml":
        return f"{f} {random.choice('ABCDEGJKLMRSTW')}. {la}"
    if style == "lf":
        return f"{la}, {f}"
    if style == "LF":
        return f"{la.upper()}, {f.upper()}" + random.choice(["", " " + random.choice("AEJLMR")])
    if style == "lower":
        return f"{f.lower()} {la.lower()}"
    if style == "fl_jr":
        return f"{f} {la} " + random.choice(["Jr.", "Jr", "III", "II", "Sr."])
    if style == "nick":
        return f'{f} "{random.choice(NICK)}" {la}'
    if style == "init_l":
        return f"{f[0]}. {la}"
    return random.choice([f"{f[0]}.{la[0].upper()}.", f"{f[0]}{la[0].upper()}", f"{f[0]}. {la[0].upper()}."])


def clin_name():
    return random.choice([f"{first()} {last()}", f"{first()[0]}. {last()}", last()])


def town():
    return random.choice(TOWNS)


def place():
    r = random.random()
    if r < 0.7:
        return town()
    if r < 0.9:
        return random.choice(COUNTIES)
    return random.choice(NEIGH)


def zipc():
    z = random.choice(["4", "2", "3", "7", "6"]) + digits(4)
    return z + ("-" + digits(4) if random.random() < 0.35 else "")


def street():
    num = str(random.randint(1, 9999))
    if random.random() < 0.1:
        num += random.choice([" 1/2", "A", "-B"])
    pre = random.choice(["", "", "", "N ", "S. ", "East ", "W ", "NE "])
    s = f"{num} {pre}{random.choice(STREETS)} {random.choice(SUFFIX)}"
    if random.random() < 0.45:
        s += random.choice([" ", ", "]) + random.choice(UNITS)
    r = random.random()
    if r < 0.1:
        s = f"PO Box {random.randint(1, 2999)}"
    elif r < 0.16:
        s = f"RR {random.randint(1, 9)} Box {random.randint(1, 400)}"
    elif r < 0.2:
        s = f"HC {random.randint(60, 89)} Box {random.randint(100, 2999)}"
    if random.random() < 0.15:
        s = s.lower()
    elif random.random() < 0.1:
        s = s.upper()
    return s


def facility():
    r = random.random()
    if r < 0.4:
        return f"{random.choice(FAC_STEM + TOWNS[:40])} {random.choice(FAC_TYPE)}"
    if r < 0.65:
        return random.choice(HOSPITALS)
    if r < 0.75:
        return random.choice(CHURCH)
    if r < 0.85:
        return f"{town()} {random.choice(['Elementary', 'Middle School', 'High School', 'Head Start'])}"
    if r < 0.93:
        return f"{random.choice(COUNTIES).replace(' Co.', ' County').replace(' Co', ' County')} Detention Center"
    return f"{random.choice(LAST)}'s {random.choice(['Drugs', 'Pharmacy', 'Discount Drug'])}"


def rand_date(y0=2024, y1=2025):
    y = random.randint(y0, y1)
    m = random.randint(1, 12)
    d = random.randint(1, 28)
    return y, m, d


def weekday(y, m, d):
    import datetime

    return datetime.date(y, m, d).weekday()


def date_str(y, m, d, kind=None):
    """Returns (prefix, value, suffix) so a weekday or "the" can stay outside the span."""
    kinds = ["mdy", "mdy0", "mdyy", "mdy-", "iso", "long", "mon_d", "mon_dth", "d_mon_y", "DMONY", "dmony",
             "the_dth_of", "month_dth", "md", "wd_md", "month_y", "mm_yyyy", "yyyymmdd", "dots", "lower",
             "ord_words", "wd_long", "sept"]
    kind = kind or random.choice(kinds)
    if kind == "mdy":
        return "", f"{m}/{d}/{y}", ""
    if kind == "mdy0":
        return "", f"{m:02d}/{d:02d}/{y}", ""
    if kind == "mdyy":
        return "", f"{m}/{d}/{y % 100:02d}", ""
    if kind == "mdy-":
        return "", f"{m:02d}-{d:02d}-{y}", ""
    if kind == "iso":
        return "", f"{y}-{m:02d}-{d:02d}", ""
    if kind == "long":
        return "", f"{MONTHS[m - 1]} {d}, {y}", ""
    if kind == "mon_d":
        return "", f"{MON3[m - 1]} {d}", ""
    if kind == "mon_dth":
        return "", f"{MON3[m - 1]}. {ordinal(d)}", ""
    if kind == "d_mon_y":
        return "", f"{d} {MONTHS[m - 1]} {y}", ""
    if kind == "DMONY":
        return "", f"{d:02d}-{MON3[m - 1].upper()}-{y}", ""
    if kind == "dmony":
        return "", f"{d:02d}{MON3[m - 1].upper()}{y}", ""
    if kind == "the_dth_of":
        return "the ", f"{ordinal(d)} of {MONTHS[m - 1]}", ""
    if kind == "month_dth":
        return "", f"{MONTHS[m - 1]} {ordinal(d)}", ""
    if kind == "md":
        return "", f"{m}/{d}", ""
    if kind == "wd_md":
        return random.choice(WEEKDAY + WD_SHORT) + " ", f"{m}/{d}", ""
    if kind == "month_y":
        return "", f"{MONTHS[m - 1]} {y}", ""
    if kind == "mm_yyyy":
        return "", f"{m:02d}/{y}", ""
    if kind == "yyyymmdd":
        return "", f"{y}{m:02d}{d:02d}", ""
    if kind == "dots":
        return "", f"{m}.{d}.{y % 100:02d}", ""
    if kind == "lower":
        return "", f"{MONTHS[m - 1].lower()} {ordinal(d)}", ""
    if kind == "ord_words":
        return "the ", f"{ORD_WORDS[d - 1]} of {MONTHS[m - 1]}", ""
    if kind == "wd_long":
        return WEEKDAY[weekday(y, m, d)] + ", ", f"{MONTHS[m - 1]} {d}, {y}", ""
    return "", f"Sept. {d}", ""


def dob():
    return rand_date(1925, 1999)


def age90():
    a = random.choice(list(range(90, 100)) * 3 + list(range(100, 108)))
    return a


def phone(ext_ok=True):
    a, b, c = random.choice(AREA), random.choice("23456789") + digits(2), digits(4)
    f = random.choice(["({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "{a} {b} {c}", "1-{a}-{b}-{c}",
                       "+1 {a} {b} {c}", "{a}{b}{c}", "{b}-{c}", "({a}){b}-{c}", "{a}/{b}-{c}"])
    s = f.format(a=a, b=b, c=c)
    if ext_ok and random.random() < 0.25:
        s += random.choice([" ext. ", " ext ", " x", " x ", ", ext. ", " #"]) + str(random.randint(2, 4999))
    return s


def email(name=None):
    f, la = first().lower(), last().lower().replace(" ", "").replace("'", "")
    user = random.choice([f"{f}.{la}", f"{f[0]}{la}", f"{la}{random.randint(1, 99)}", f"{f}{la[0]}{random.randint(50, 99)}",
                          f"{random.choice(['mamaof3', 'cowboyup', 'bluegrassgal', 'wvhillbilly', 'sweetpea'])}{random.randint(1, 999)}"])
    dom = random.choice(DOMAINS + [f"{random.choice(FAC_STEM).lower().replace(' ', '')}health.org", "arh.org",
                                   "uky.edu", "wvumedicine.org"])
    return f"{user}@{dom}"


def url():
    h = f"{first().lower()}{random.choice(['.', '_', ''])}{last().lower().replace(' ', '').replace(chr(39), '')}"
    return random.choice([
        f"https://www.facebook.com/{h}", f"facebook.com/{h}.{random.randint(1, 99)}", f"@{h}",
        f"instagram.com/{h}", f"https://www.tiktok.com/@{h}", f"gofund.me/{letters(4).lower()}{digits(4)}",
        f"https://www.caringbridge.org/visit/{h.replace('.', '').replace('_', '')}",
        f"https://mychart.{random.choice(FAC_STEM).lower().replace(' ', '')}health.org/MyChart/?pt={digits(7)}",
        f"https://zoom.us/j/{digits(10)}?pwd={letters(6).lower()}", f"twitter.com/{h}",
        f"www.{random.choice(LAST).lower()}funeralhome.com/obituary/{h.replace('.', '-').replace('_', '-')}",
        f"x.com/{h}", f"https://youtube.com/@{h}", f"linkedin.com/in/{h.replace('.', '-').replace('_', '-')}",
    ])


def ip():
    r = random.random()
    if r < 0.35:
        return f"{random.randint(11, 223)}.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
    if r < 0.55:
        return f"192.168.{random.randint(0, 20)}.{random.randint(2, 254)}"
    if r < 0.7:
        return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(2, 254)}"
    if r < 0.8:
        return f"172.{random.randint(16, 31)}.{random.randint(0, 255)}.{random.randint(2, 254)}"
    groups = [f"{random.randint(0, 65535):x}" for _ in range(8)]
    if random.random() < 0.5:
        return ":".join(groups[:3]) + "::" + groups[7]
    return ":".join(groups)


def ssn_full():
    a, b, c = f"{random.randint(100, 665)}", f"{random.randint(10, 99)}", f"{random.randint(1000, 9999)}"
    return random.choice(["{a}-{b}-{c}", "{a} {b} {c}", "{a}{b}{c}", "{a}.{b}.{c}", "{a} - {b} - {c}"]).format(a=a, b=b, c=c)


def mrn_val():
    return random.choice([digits(7), digits(8), "00" + digits(6), f"{letters(1)}{digits(7)}", f"{digits(3)}-{digits(3)}-{digits(2)}",
                          f"{letters(2)}{digits(6)}", f"{digits(2)}-{digits(5)}", f"E{digits(9)}"])


def mbi():
    a = "ACDEFGHJKMNPQRTUVWXY"
    an = a + "0123456789"
    p = [random.choice("123456789"), random.choice(a), random.choice(an), random.choice("0123456789"),
         random.choice(a), random.choice(an), random.choice("0123456789"), random.choice(a), random.choice(a),
         random.choice("0123456789"), random.choice("0123456789")]
    s = "".join(p)
    return s if random.random() < 0.6 else f"{s[:4]}-{s[4:7]}-{s[7:]}"


def plate():
    return random.choice([f"{letters(3)} {digits(3)}", f"{letters(3)}-{digits(4)}", f"{digits(3)} {letters(3)}",
                          f"{digits(1)}{letters(2)}{digits(4)}", f"{letters(2)}{digits(5)}",
                          random.choice(["MAMAB3AR", "GRAMPS2", "UKFAN1", "TRKNUT", "HOLLER", "DOC4KY"])])


def serial():
    return random.choice([f"{letters(3)}{digits(6)}{letters(1)}", f"{digits(10)}", f"{letters(2)}-{digits(7)}",
                          f"{digits(4)}-{digits(4)}-{digits(3)}", f"{letters(1)}{digits(8)}",
                          f"{letters(4)}{digits(4)}{letters(2)}", f"(01){digits(14)}(21){letters(2)}{digits(6)}"])


def imei():
    return digits(15)


# ---------------------------------------------------------------- builder


class B:
    def __init__(self):
        self.parts = []
        self.spans = []
        self.n = 0

    def t(self, s):
        self.parts.append(s)
        self.n += len(s)
        return self

    def s(self, cat, v):
        assert cat in CATS and v and v == v.strip(), (cat, v)
        self.spans.append([self.n, self.n + len(v), cat])
        return self.t(v)

    def date(self, y=None, m=None, d=None, kind=None):
        if y is None:
            y, m, d = rand_date()
        pre, v, post = date_str(y, m, d, kind)
        return self.t(pre).s("DATE", v).t(post)

    def age(self):
        a = age90()
        form = random.choice(["{a}yo", "{a} y/o", "{a}-year-old", "age {a}", "{a}F", "{a}M", "aged {a}",
                              "{a} years old", "{a} yo", "W", "W", "{a}-yr-old"])
        if form == "W":
            w = age_words(a)
            return self.s("AGE", w).t(random.choice(["-year-old", " years old", " year old", " yrs"]))
        pre, post = form.split("{a}")
        return self.t(pre).s("AGE", str(a)).t(post)

    def text(self):
        return "".join(self.parts)


def town_line(b):
    b.s("LOCATION", town()).t(random.choice([", ", " "])).t(random.choice(STATES)).t(" ").s("ZIP", zipc())


# ---------------------------------------------------------------- identifier shapes

SHAPES = []


def shape(f):
    SHAPES.append(f)
    return f


@shape
def s_reg_header(b):
    b.t("Patient: ").s("NAME", full_name(random.choice(["LF", "lf", "fml"]))).t("   DOB: ").date(*dob(), kind=random.choice(["mdy", "mdy0", "DMONY", "iso", "mdyy"]))
    b.t("   MRN: ").s("MRN", mrn_val()).t("\nAddress: ").s("ADDRESS", street()).t(", ")
    town_line(b)
    b.t("\nHome ph: ").s("PHONE", phone(False)).t("  Cell: ").s("PHONE", phone(False))


@shape
def s_echo_intro(b):
    b.t(random.choice(["Presenting for ", "Case from ", "Submitted by "])).s("NAME", clin_name()).t(", ")
    b.t(random.choice(["FNP", "MD", "DO", "PA-C", "APRN", "LCSW", "PharmD", "CHW"])).t(" at ").s("FACILITY", facility())
    b.t(" in ").s("LOCATION", place()).t(". Pt ").s("NAME", full_name("initials")).t(", seen ").date().t(".")


@shape
def s_old_age(b):
    b.t(random.choice(["Mrs. ", "Mr. ", "Ms. ", "Miss "])).s("NAME", last()).t(" is a ").age().t(
        random.choice([" widow", " retired farmer", " woman", " gentleman", " veteran"])).t(" who lives ")
    b.t(random.choice(["alone in ", "with her son in ", "with a grandson near ", "by herself up "])).s("LOCATION", place()).t(".")


@shape
def s_family(b):
    rel = random.choice(["daughter", "son", "granddaughter", "niece", "neighbor", "pastor", "sister", "husband"])
    b.t(f"Her {rel} ").s("NAME", random.choice([first(), f"{first()} {last()}", first().lower()]))
    b.t(random.choice([" can be reached at ", " - call ", " (cell) ", " phone "])).s("PHONE", phone()).t(".")
    b.t(" Emergency contact is ").s("NAME", full_name("fl")).t(", ").s("PHONE", phone()).t(".")


@shape
def s_fax(b):
    b.t(random.choice(["FAX TO: ", "Fax to ", "Send records to fax ", "fax# "])).s("FAX", phone(False))
    b.t(random.choice([" attn ", " ATTN: ", " Attn. "])).s("NAME", clin_name()).t(", ").s("FACILITY", facility())
    b.t("\nRE: ").s("NAME", full_name()).t(" DOB ").date(*dob())


@shape
def s_email(b):
    b.t("From: ").s("NAME", f"{first()} {last()}").t(" <").s("EMAIL", email()).t(">\nSent: ").date(kind="wd_long")
    b.t(" 9:14 AM\nSubject: question about ").s("NAME", full_name("initials"))


@shape
def s_ip_log(b):
    b.t("Login ").date(kind=random.choice(["iso", "mdy0"])).t(" 23:").t(f"{random.randint(10, 59)}")
    b.t(" user ").s("EMAIL", email()).t(" from ").s("IP", ip()).t("; ").t("second session from ").s("IP", ip())


@shape
def s_ssn(b):
    r = random.random()
    b.t("Pt ").s("NAME", full_name()).t(", ")
    if r < 0.4:
        b.t(random.choice(["SSN ", "SS# ", "soc sec ", "social: ", "SSN: "])).s("SSN", ssn_full())
    elif r < 0.7:
        b.t(random.choice(["last four of SSN ", "SSN ending in ", "last 4 SS ", "ss# ends "])).s("SSN", digits(4))
    else:
        b.t(random.choice(["SSN xxx-xx-", "SSN ***-**-", "SS XXX-XX-"])).s("SSN", digits(4))
    b.t(". DOB ").date(*dob()).t(".")


@shape
def s_mrn_cues(b):
    cue = random.choice(["MRN ", "MR# ", "Med Rec # ", "medical record no. ", "chart # ", "Pt ID: ", "hosp # ",
                         "EMR# ", "Unit No. ", "Epic MRN: ", "record number ", "enc # ", "CSN ", "mrn:"])
    b.t(cue).s("MRN", mrn_val()).t(random.choice([" / ", "; ", ", "]))
    cue2 = random.choice(["Acct ", "acct# ", "FIN ", "HAR ", "Visit # ", "account no. ", "Billing # ", "claim # "])
    b.t(cue2).s("ACCOUNT", random.choice([digits(9), f"{letters(1)}{digits(8)}", f"{digits(4)}-{digits(5)}", digits(12)]))


@shape
def s_insurance(b):
    b.t(random.choice(["Medicaid ID ", "KY Medicaid # ", "Medicaid#: ", "WV Medicaid ID: "])).s("ACCOUNT", digits(10)).t("; ")
    b.t(random.choice(["MBI ", "Medicare MBI: ", "Medicare # "])).s("ACCOUNT", mbi()).t("; ")
    b.t(random.choice(["member ID ", "Subscriber ID ", "Policy # ", "Group # ", "beneficiary no. "]))
    b.s("ACCOUNT", random.choice([f"{letters(3)}{digits(9)}", f"{digits(9)}-0{random.randint(1, 4)}", f"{letters(1)}{digits(8)}"]))


@shape
def s_prescriber(b):
    n = last()
    b.t("Prescriber: Dr. ").s("NAME", f"{first()} {n}").t(random.choice([", DEA ", " DEA# ", " DEA: "])).s("LICENSE", dea(n))
    b.t(random.choice([", NPI ", " NPI# ", " / NPI "])).s("LICENSE", npi())
    if random.random() < 0.6:
        b.t(random.choice([", lic ", ", KY lic# ", ", state license "])).s("LICENSE", random.choice([f"{digits(5)}", f"MD{digits(6)}", f"RN{digits(7)}", f"{letters(2)}-{digits(5)}"]))


@shape
def s_vehicle(b):
    b.t(random.choice(["Pt drove in, ", "Per deputy, ", "Parked in lot B: ", "Found in vehicle: "]))
    b.t(random.choice(["red Dodge Ram", "white Kia Soul", "gray Silverado", "black Jeep Cherokee", "green Ford Ranger"]))
    b.t(random.choice([", plate ", ", KY plate ", " tag ", " (tags ", ", license plate "])).s("VEHICLE", plate())
    b.t(random.choice([", VIN ", "; VIN# ", ". VIN: "])).s("VEHICLE", vin()).t(".")


@shape
def s_device(b):
    dev = random.choice(["pacemaker", "ICD", "insulin pump", "CGM transmitter", "hearing aid", "cochlear implant",
                         "CPAP", "oxygen concentrator", "power wheelchair", "ankle monitor", "LVAD controller",
                         "spinal cord stimulator", "baclofen pump"])
    b.t(dev[0].upper() + dev[1:] + " ").t(random.choice(["serial ", "SN ", "s/n ", "S/N: ", "serial no. ", "ser# ", "UDI "]))
    b.s("DEVICE", serial()).t(". Pt's phone IMEI ").s("DEVICE", imei()).t(" was used for the app.")


@shape
def s_social(b):
    b.t(random.choice(["Mom posts updates on ", "Family set up ", "She shared ", "He follows "])).s("URL", url())
    b.t(random.choice([" and ", "; also "])).s("URL", url()).t(". Pt: ").s("NAME", full_name()).t(".")


@shape
def s_address_prose(b):
    b.t(random.choice(["She lives at ", "Home: ", "Moved to ", "Current address "])).s("ADDRESS", street())
    b.t(random.choice([" in ", ", "])).s("LOCATION", town()).t(random.choice([", ", " "])).t(random.choice(STATES))
    b.t(" ").s("ZIP", zipc()).t(random.choice(["", " (trailer behind her mother's)", ", near the old tipple"])).t(".")


@shape
def s_county(b):
    b.t("Transferred from ").s("FACILITY", facility()).t(" in ").s("LOCATION", random.choice(COUNTIES))
    b.t(" on ").date().t(random.choice([" by ", " via "])).s("FACILITY", f"{town()} Rescue Squad").t(".")


@shape
def s_lower_chat(b):
    b.t("pt ").s("NAME", first().lower()).t(" ").s("NAME", last().lower()).t(" ")
    b.t(random.choice(["called", "txted", "msgd"])).t(" from ").s("PHONE", phone(False)).t(" on ").date(kind=random.choice(["md", "lower", "wd_md"]))
    b.t(", says her sister ").s("NAME", first().lower()).t(" took her to ").s("FACILITY", facility().lower()).t(".")


@shape
def s_table(b):
    b.t("| name | DOB | MRN | town |\n")
    for _ in range(2):
        b.t("| ").s("NAME", full_name(random.choice(["lf", "LF", "initials"]))).t(" | ").date(*dob(), kind=random.choice(["mdy", "mdy0", "iso"]))
        b.t(" | ").s("MRN", mrn_val()).t(" | ").s("LOCATION", town()).t(" |\n")


@shape
def s_tabsep(b):
    b.s("NAME", full_name("LF")).t("\t").date(*dob(), kind="mdy0").t("\t").s("AGE", str(age90())).t("\t")
    b.s("PHONE", phone(False)).t("\t").s("ADDRESS", street())


@shape
def s_delivery(b):
    b.t("Delivered ").date().t(" at ").s("FACILITY", facility()).t(random.choice([". Baby ", ". Infant "]))
    b.s("NAME", f"{first()}").t(random.choice([", ", " - "])).t("NICU MRN ").s("MRN", mrn_val()).t(". FOB ").s("NAME", full_name("fl")).t(".")


@shape
def s_holiday(b):
    b.t(random.choice(["Last seen around ", "Relapsed over ", "Fell on ", "Admitted "])).s("DATE", random.choice(HOLIDAYS))
    b.t(random.choice([" after visiting ", " at ", " while at "])).s("NAME", first()).t("'s place on ").s("ADDRESS", street()).t(".")


@shape
def s_license_misc(b):
    b.t(random.choice(["Driver's license ", "DL# ", "KY OL ", "CDL "])).s("LICENSE", f"{letters(1)}{digits(2)}-{digits(3)}-{digits(3)}")
    b.t(random.choice(["; birth certificate no. ", "; death cert # ", "; state file # "])).s("LICENSE", f"{random.randint(100, 199)}-{digits(2)}-{digits(6)}")
    b.t(". Name on ID: ").s("NAME", full_name(random.choice(["LF", "fml"]))).t(".")


@shape
def s_sig(b):
    b.t("-- \n").s("NAME", f"{first()} {last()}").t(random.choice([", RN", ", MSN, APRN", ", MD", ", LPN", ""]))
    b.t("\n").s("FACILITY", facility()).t("\n").s("ADDRESS", street()).t(" | ")
    b.s("LOCATION", town()).t(" ").t(random.choice(STATES)).t(" ").s("ZIP", zipc())
    b.t("\nP: ").s("PHONE", phone()).t("  F: ").s("FAX", phone(False)).t("\n").s("EMAIL", email())


@shape
def s_age_timeline(b):
    b.t(random.choice(["At ", "Now "])).age().t(random.choice([", she ", ", he "]))
    b.t(random.choice(["still drives to ", "walks to ", "gets a ride to "])).s("FACILITY", facility())
    b.t(". Born ").date(*dob(), kind=random.choice(["long", "month_y", "d_mon_y", "mdy"])).t(" in ").s("LOCATION", town()).t(".")


@shape
def s_many_dates(b):
    b.t("Admitted ").date().t(", discharged ").date().t(", follow-up ").date().t(random.choice([".", "; ECHO presentation next month."]))


@shape
def s_nickname(b):
    f, la = first(), last()
    nk = random.choice(NICK)
    b.t("Pt goes by ").s("NAME", nk).t(" (").s("NAME", f"{f} {la}").t("). ")
    b.t(random.choice(["Her boyfriend ", "His cousin ", "Roommate "])).s("NAME", random.choice(NICK + [first()]))
    b.t(" drives him to ").s("FACILITY", facility()).t(".")


@shape
def s_url_portal(b):
    b.t("Portal link sent: ").s("URL", url()).t(" to ").s("EMAIL", email()).t(" on ").date().t(".")


@shape
def s_word_names(b):
    f = random.choice(WORD_FIRST)
    b.s("NAME", f).t(random.choice([" is ", " has been "])).t(random.choice(["doing better", "struggling", "sober 60 days", "pregnant again"]))
    b.t(". ").s("NAME", random.choice(WORD_FIRST)).t(random.choice([" (her mom)", " (aunt)", " (foster mom)"])).t(" brought her.")
    b.t(" Surname ").s("NAME", random.choice(WORD_LAST)).t(".")


@shape
def s_zip_only(b):
    b.t(random.choice(["ZIP ", "zip code ", "Zip: "])).s("ZIP", zipc()).t(random.choice([" - high deprivation index", "; ADI 9", " (rural)"]))
    b.t(". Lives in ").s("LOCATION", place()).t(", works at ").s("FACILITY", random.choice(EMPLOYER + [facility()])).t(".")


@shape
def s_caps_header(b):
    b.t("NAME: ").s("NAME", full_name("LF")).t("  DOB: ").date(*dob(), kind="DMONY").t("  AGE: ").age().t("\n")
    b.t("ADMIT: ").date(kind="dmony").t("  ROOM 214-B  ATTENDING: ").s("NAME", last().upper()).t("\n")
    b.t("ACCT: ").s("ACCOUNT", digits(10)).t("  MR: ").s("MRN", mrn_val())


@shape
def s_jail(b):
    b.t("Released from ").s("FACILITY", facility()).t(" ").date(kind=random.choice(["md", "mon_d", "wd_md"]))
    b.t(random.choice(["; inmate # ", "; booking # ", "; DOC # "])).s("ACCOUNT", f"{digits(2)}-{digits(5)}")
    b.t(". PO ").s("NAME", clin_name()).t(" ").s("PHONE", phone()).t(".")


@shape
def s_home_visit(b):
    b.t("Home visit ").date(kind=random.choice(["wd_md", "md", "month_dth"])).t(": ").s("ADDRESS", street())
    b.t(", ").s("LOCATION", town()).t(". Present: pt, ").s("NAME", first()).t(" (spouse), and CHW ").s("NAME", clin_name()).t(".")


@shape
def s_ped(b):
    b.t(random.choice(["Child ", "Teen ", "Student "])).s("NAME", full_name(random.choice(["fl", "init_l", "lower"])))
    b.t(", ").s("FACILITY", f"{town()} {random.choice(['Elementary', 'Middle', 'High School', 'Academy'])}").t(", ")
    b.t("counselor ").s("NAME", clin_name()).t(random.choice([" emailed ", " wrote from "])).s("EMAIL", email()).t(".")


@shape
def s_vital_dates(b):
    b.t("Last A1c ").t(f"{random.randint(60, 130) / 10}").t("% on ").date(kind=random.choice(["md", "mdyy", "mon_d"]))
    b.t("; eye exam ").date(kind=random.choice(["month_y", "mm_yyyy"])).t("; foot exam ").date(kind=random.choice(["md", "dots"]))
    b.t(". Pt ").s("NAME", full_name()).t(".")


ID_SHAPES = SHAPES
# scarce categories get their shapes more often
EXTRA = {"s_ssn": 5, "s_vehicle": 2, "s_device": 2, "s_ip_log": 3, "s_fax": 3, "s_license_misc": 2, "s_sig": 2}

# ---------------------------------------------------------------- clean look-alikes

EPONYM = ["Parkinson disease", "Crohn disease", "Graves disease", "Hashimoto thyroiditis", "Bell palsy",
          "Addison disease", "Cushing syndrome", "Raynaud phenomenon", "Sjogren syndrome", "Wilson disease",
          "Alzheimer disease", "Huntington disease", "Kaposi sarcoma", "Hodgkin lymphoma", "Barrett esophagus",
          "Tourette syndrome", "Asperger profile", "Wernicke encephalopathy", "Korsakoff syndrome",
          "Stevens-Johnson syndrome", "Mallory-Weiss tear", "Charcot foot", "Dupuytren contracture",
          "Baker cyst", "Osgood-Schlatter disease", "Kawasaki disease", "Reye syndrome", "Down syndrome",
          "Turner syndrome", "Marfan syndrome", "Meniere disease", "Paget disease"]
PROCS = ["Whipple procedure", "Nissen fundoplication", "Roux-en-Y bypass", "Foley catheter", "Swan-Ganz catheter",
         "Hickman line", "Hartmann procedure", "Kasai portoenterostomy", "Ilizarov frame"]
PLACE_LIKE = ["Lyme disease", "West Nile virus", "Rocky Mountain spotted fever", "Ebola", "Zika",
              "Coxsackie virus", "Norwalk virus", "Marburg virus", "Spanish flu of 1918", "Mediterranean diet",
              "Japanese encephalitis", "Hong Kong flu", "German measles", "Lassa fever",
              "St. Louis encephalitis", "Valley fever", "Bornholm disease", "Chagas disease"]
SCALES = ["PHQ-9 {a}", "GAD-7 {b}", "C-SSRS screen negative", "AUDIT-C {c}", "MoCA {d}/30", "MMSE {d}/30",
          "Apgar {e}/{f}", "Glasgow {g}", "COWS {h}", "CIWA {h}", "PEG {i}/10", "Braden {j}", "EPDS {k}",
          "CRAFFT {cr6}/6", "Finnegan {m}", "Vanderbilt {l}/9", "NIHSS {l}", "FIB-4 {n}", "MELD {o}"]
DRUGS = ["buprenorphine/naloxone 8/2 mg", "methadone {p} mg", "naltrexone 380 mg IM", "sofosbuvir/velpatasvir 400/100",
         "glecaprevir/pibrentasvir 100/40 x3", "insulin glargine {q} units", "metformin 500 mg BID",
         "semaglutide 0.5 mg weekly", "dolutegravir 50 mg", "Biktarvy daily", "donepezil 10 mg",
         "memantine 28 mg", "gabapentin 300 mg TID", "duloxetine 60 mg", "sertraline 50 mg", "fluoxetine 20 mg",
         "quetiapine 25 mg qHS", "clonidine 0.1 mg", "lofexidine 0.18 mg", "amoxicillin-clavulanate 875/125",
         "doxycycline 100 mg BID", "cephalexin 500 mg QID", "Sublocade 300 mg", "Brixadi 96 mg"]
LABS = ["BP {s}/{d2}", "HR {hr}", "A1c {a1c}%", "Cr {cr}", "eGFR {gfr}", "ALT {alt}", "AST {alt}", "plt {plt}",
        "HCV RNA {rna} IU/mL", "CD4 {cd4}", "VL <20", "INR {inr}", "Hgb {hgb}", "K {kpot}", "Na {na}", "LDL {ldl}",
        "TSH {tsh}", "BMI {bmi}", "SpO2 {o2}%", "strength {st}/5", "pain {i}/10", "murmur 2/6",
        "visual acuity 20/{va}", "tanner stage {tn}"]
MISC = ["day {n1}-{n2} of withdrawal", "L{n1}-L{n2} disc", "C{n1}-C{n2}", "G{g1}P{g2}", "{ga} {n1}/7 weeks",
        "in {yr}", "since {yr}", "{age}-year-old", "{age} y/o", "age {age}", "aged {age}", "ICD-10 {icd}",
        "CPT {cpt}", "Rm {rm}", "bed {n1}", "follow up in {n1}-{n2} weeks", "q{n1}h", "{n1}/{n2} doses taken",
        "a {age}yo", "{pct}% of doses", "lot {lot} (vaccine)", "NDC 0{ndc}", "1/2 tab", "3 of 4 stools",
        "level {n1}", "page {n1} of {n2}", "step {n1}/{n2}"]
WORDY = ["Hope this helps.", "Will follow up next week.", "Grace period applies to the prior auth.",
         "Bill under the chronic care code.", "Grant-funded navigator assists.", "Mark the site before surgery.",
         "Frank discussion held.", "Faith in recovery is strong.", "Joy reported in small things.",
         "Rose steadily overnight.", "Summer camp was cancelled.", "Dawn phenomenon likely.",
         "May consider tapering.", "Young adult clinic referral.", "Brown discharge noted.",
         "Sharp pain on the right.", "Chase the ultrasound result.", "Major depressive disorder, recurrent.",
         "King-Devick test normal.", "Clay-colored stools.", "Sterling response to the first dose.",
         "Will and testament discussed at goals-of-care visit.", "April showers made the roads bad (no-shows up).",
         "Patience with the titration is key.", "Mercy admission for detox was declined.",
         "Holly berries are toxic to toddlers.", "Ivy exposure rash on both forearms."]


def fill(tpl):
    vals = dict(
        a=random.randint(0, 27), b=random.randint(0, 21), c=random.randint(0, 12), d=random.randint(10, 30),
        e=random.randint(1, 9), f=random.randint(5, 10), g=random.randint(3, 15), h=random.randint(2, 30),
        i=random.randint(1, 10), j=random.randint(8, 22), k=random.randint(0, 30), l=random.randint(0, 9),
        m=random.randint(2, 14), n=round(random.uniform(0.5, 6), 2), o=random.randint(6, 40),
        p=random.choice([30, 60, 80, 95, 110, 140]), q=random.randint(8, 60), s=random.randint(100, 190),
        d2=random.randint(58, 110), hr=random.randint(50, 130), a1c=round(random.uniform(5.5, 13), 1),
        cr=round(random.uniform(0.5, 4), 1), gfr=random.randint(12, 110), alt=random.randint(12, 400),
        plt=random.randint(40, 420), rna=f"{random.randint(1, 9)},{random.randint(100, 999)},000", cd4=random.randint(30, 1100),
        inr=round(random.uniform(0.9, 5), 1), hgb=round(random.uniform(7, 16), 1), kpot=round(random.uniform(3, 6), 1),
        na=random.randint(124, 146), ldl=random.randint(50, 220), tsh=round(random.uniform(0.1, 12), 2),
        bmi=round(random.uniform(16, 55), 1), o2=random.randint(84, 100), st=random.randint(2, 5),
        va=random.choice([20, 25, 30, 40, 50, 70, 100, 200]), tn=random.randint(1, 5), n1=random.randint(1, 7),
        n2=0, g1=random.randint(1, 6), g2=random.randint(0, 5), ga=random.randint(24, 40),
        yr=random.randint(1968, 2025), age=random.randint(1, 89),
        icd=random.choice(["F11.20", "B18.2", "E11.9", "K70.30", "F32.1", "Z79.4", "B20", "G30.1", "L89.154", "O99.320"]),
        cpt=random.choice(["99213", "99214", "99215", "90837", "96127", "83036", "87522", "G2086"]),
        rm=random.randint(101, 460), pct=random.randint(40, 100), lot=f"{letters(2)}{digits(4)}",
        ndc=f"{digits(3)}-{digits(4)}-{digits(2)}",
    )
    vals["n2"] = vals["n1"] + random.randint(1, 3)
    vals["cr6"] = random.randint(0, 6)
    return tpl.format(**vals)


def clean_line():
    r = random.random()
    if r < 0.2:
        if random.random() < 0.3:
            return f"Status post {random.choice(PROCS)}; {random.choice(EPONYM)} in a first-degree relative."
        return f"History of {random.choice(EPONYM)}; workup for {random.choice(PLACE_LIKE)} negative."
    if r < 0.4:
        return "; ".join(fill(random.choice(SCALES)) for _ in range(3)) + "."
    if r < 0.55:
        return "On " + ", ".join(fill(random.choice(DRUGS)) for _ in range(2)) + "."
    if r < 0.75:
        return ", ".join(fill(random.choice(LABS)) for _ in range(4)) + "."
    if r < 0.9:
        first_part = fill(random.choice(MISC))
        return first_part[0].upper() + first_part[1:] + "; " + fill(random.choice(MISC)) + "."
    return random.choice(WORDY)


# ---------------------------------------------------------------- carriers

BAD = re.compile(
    r"\b(sample|xyz|abc|mr|mrs|ms|dr|hospital|clinic|center|county|street|road|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|year|years|old|age|aged|name|address|phone|born|date|month|week|weeks|day|days|yesterday|today|"
    r"wife|husband|son|daughter|mother|father|sister|brother|christmas|holiday|city|town|state|home|lives)\b",
    re.I,
)


def carriers(path):
    docs = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        sents = []
        for s in re.split(r"(?<=[.])\s+", r["body"]):
            s = s.strip()
            if not (40 <= len(s) <= 220 and s.endswith(".") and s.count(".") == 1):
                continue
            if re.search(r"[0-9:/()\[\]@#&*\"'_;|{}]", s) or not s[0].isupper():
                continue
            if any(w[0].isupper() for w in s.split()[1:]):
                continue
            if BAD.search(s) or re.match(r"^[B-Z]\b", s):
                continue
            sents.append(s)
        if sents:
            docs.append((r["ref"], sents))
    return docs


# ---------------------------------------------------------------- assemble


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../shared/corpus/cases.jsonl")
    random.seed(SEED)
    docs = carriers(corpus)
    random.shuffle(docs)
    doc_iter = iter(docs)
    rows = []

    def carrier_text():
        ref, sents = next(doc_iter)
        k = min(len(sents), random.choice([1, 1, 2]))
        i = random.randrange(len(sents) - k + 1)
        return ref, " ".join(sents[i : i + k])

    def join(b_text, spans, ctext, before):
        sep = random.choice([" ", "\n", "\n\n"])
        if before:
            off = len(ctext) + len(sep)
            return ctext + sep + b_text, [[s + off, e + off, c] for s, e, c in spans]
        return b_text + sep + ctext, spans

    planted = []
    for i, src in enumerate(HAND_PLANTED):
        text, spans = parse_markup(src)
        planted.append(("h", i, "", text, spans))
    n_gen = N_PLANTED - len(planted)
    order = []
    while len(order) < n_gen:
        block = [i for i, f in enumerate(ID_SHAPES) for _ in range(EXTRA.get(f.__name__, 1))]
        random.shuffle(block)
        order += block
    for k in order[:n_gen]:
        b = B()
        ID_SHAPES[k](b)
        if random.random() < 0.15:  # a second shape in the same passage
            b.t(random.choice([" ", "\n"]))
            ID_SHAPES[random.randrange(len(ID_SHAPES))](b)
        ref, ctext = carrier_text()
        text, spans = join(b.text(), b.spans, ctext, random.random() < 0.35)
        planted.append(("g", k, ref, text, spans))

    clean = [("h", i, "", t, []) for i, t in enumerate(HAND_CLEAN)]
    while len(clean) < N_CLEAN:
        ref, ctext = carrier_text()
        lines = " ".join(clean_line() for _ in range(random.randint(1, 3)))
        text, _ = join(lines, [], ctext, random.random() < 0.5)
        clean.append(("g", 0, ref, text, []))

    for n, (src, k, ref, text, spans) in enumerate(planted, 1):
        rows.append({"id": f"E-P{n:03d}-{src}{k:02d}", "split": "heldout", "carrier": ref, "text": text, "spans": spans})
    for n, (src, k, ref, text, spans) in enumerate(clean, 1):
        rows.append({"id": f"E-N{n:03d}-{src}{k:02d}", "split": "heldout", "carrier": ref, "text": text, "spans": []})

    for r in rows:
        prev = -1
        for s, e, c in sorted(r["spans"]):
            v = r["text"][s:e]
            assert c in CATS and v and v == v.strip() and s >= prev, (r["id"], v)
            prev = e
    with open("heldout.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
