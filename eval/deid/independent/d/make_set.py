#!/usr/bin/env python3
"""Write held-out de-identification test set D (heldout.jsonl) into the current directory.

Stdlib only, Python 3.11, fixed seed, deterministic (no set/dict-order dependence on hashing).
All value lists and passage shapes below were written by hand for this set.
Usage:  python3 make_set.py [path/to/cases.jsonl]
"""
import json
import os
import random
import re
import sys

SEED = 52817
N_PLANTED = 300
N_CLEAN = 150
MAX_SHAPE_USES = 5
CATS = ["NAME", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "MRN", "ACCOUNT",
        "LICENSE", "VEHICLE", "DEVICE", "ADDRESS", "LOCATION", "ZIP", "FACILITY"]

HERE = os.path.dirname(os.path.abspath(__file__))
# The shared corpus lies beside the repository (eval/deid/independent/d/ -> ../shared/).
CORPUS_CANDIDATES = [
    os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "corpus", "cases.jsonl"),
]

# ----------------------------------------------------------------------------------------------
# Value lists (hand-written)
# ----------------------------------------------------------------------------------------------
FIRST = """Adaeze Chidi Oluwaseun Yetunde Kwame Abena Tsegaye Mekdes Hamza Layla Yusuf Noor Farid Soraya
Dariush Shirin Tenzin Pema Dorji Sang-woo Ji-yeon Minh Thuy Phuong Quang Bao Hiroshi Keiko Ren Aiko
Rajesh Lakshmi Priyanka Anand Gurpreet Harjit Sanjay Deepa Arjun Meenakshi Xiulan Wei Jun Mei-ling
Zhiwei Ngozi Babajide Folasade Ikechukwu Wanjiru Otieno Amara Kofi Efua Ximena Guadalupe Itzel Joaquin
Rosalinda Esteban Marisol Eduardo Beatriz Aurelio Consuelo Yolanda Ignacio Paloma Teodoro Wiremu Aroha
Kalani Leilani Keoni Makoa Tallulah Winona Dakota Cheyenne Tayanita Chayton Aponi Siobhan Niamh Padraig
Eamon Dervla Fionnuala Saoirse Ciaran Bronagh Lachlan Isla Hamish Morag Ewan Agnieszka Wojciech Grzegorz
Malgorzata Zbigniew Svetlana Dmitri Anastasia Oksana Bohdan Yevgenia Katarzyna Jiri Zdenka Miroslav
Ilse Dieter Gudrun Wolfgang Liesl Anneliese Sven Ingrid Bjorn Solveig Astrid Leif Henrik Marit Pieter
Femke Joost Maartje Annelies Thijs Giuseppe Carmela Vincenzo Concetta Salvatore Rocco Filomena Aurora
Eleftheria Spyros Dimitra Theodoros Anahit Armen Vartan Nairi Levan Nino Tamar Avraham Shoshana Mordechai
Yael Elazar Bertram Mildred Eugene Wilma Orville Lorraine Clarence Dolores Virgil Imogene Earl Opal
Delbert Myrtle Homer Vernon Gladys Ruthanne Loretta Jolene Cletus Bobbie Darlene Tammy Wendell Lavonne
Jaxon Brantley Kinsley Paisley Nevaeh Ryker Oakley Tatum Kyrie Zaylee Jamal Keisha Tyrone Latoya Darnell
Shaniqua DeShawn Ebony Marquis Imani Jazmine Rashad Tavon Aaliyah Kenji Alana Malia Hollis""".split()

WORD_FIRST = """Hope Faith Grace Joy Dawn Summer Sunny Rose Ruby Ivy June April May Autumn Honey Bill Will Art
Frank Mark Penny Hunter Chase Rusty Sandy Sterling Destiny Patience Precious Charity Miracle Heaven
Storm River Sky Cash Colt Scout Trinity Harmony Crystal Amber Pearl Goldie Jewel Blue""".split()

LAST = """Okafor Adeyemi Nwachukwu Mensah Asante Boateng Tesfaye Haile Girma Kamau Wanjiku Achieng Diallo
Traore Ouedraogo Haddad Khoury Nasrallah Farouk Rahimi Tehrani Moradi Karimi Hosseini Qureshi Siddiqui
Chaudhry Bhattacharya Venkataraman Ramaswamy Iyer Deshpande Mukherjee Sandhu Grewal Dhillon Nguyen Tran
Pham Huynh Vu Truong Lam Dang Kim Park Choi Jeong Yamamoto Takahashi Nakamura Sato Okonkwo Wongsakul
Srisuk Lopez-Garza Villarreal Zamora Quintanilla Benavides Escobedo Cardenas Maldonado Arceneaux Thibodeaux
Boudreaux Fontenot Guidry Broussard Landry Hebert Doucet Pelletier Gagnon Levesque Tremblay Kowalczyk
Wisniewski Zielinski Nowakowski Kaczmarek Jablonski Horvath Nagy Szabo Novak Dvorak Petrovic Jovanovic
Popescu Ionescu Ivanova Sokolov Kuznetsova Lindqvist Johansson Halvorsen Bergstrom Gunderson Fjeld
Oyelaran Schreiber Hoffmann Brandt Vogel Wagner Schulz Achterberg Bakker Visser Romano Esposito Bianchi
Ferraro Galli Conti Papadopoulos Georgiou Nikolaidis Sarkisian Petrosyan Hovhannisyan Gelashvili
Abramowitz Feinberg Rosenthal Katz Goldfarb Yazzie Begay Tsosie Nez Benally Whitehorse Running-Elk
Two-Bulls Kealoha Kahananui Fonoti Tuilagi Mahoney Callaghan Fitzgerald Brennan Donnelly Gallagher
Buchanan Macleod Fraser Munro Lamont Haverford Pettigrew Blankenship Tackett Sizemore Stidham Hatfield
Whitt Caudill Slone Lykins Honeycutt Pridemore Dingus Yoder Stoltzfus Hostetler Miller-Reyes
Ashworth-Pike Cruz-Whitaker Delacroix-Obi""".split()

PARTICLE_LAST = ["van der Berg", "van Dijk", "de la Cruz", "de los Santos", "del Rio", "da Silva",
                 "dos Santos", "von Albrecht", "van Houten", "de Vries", "bin Rashid", "al-Masri",
                 "ter Horst", "Mac an tSaoir", "St. Clair", "O'Neill", "O'Rourke", "D'Angelo",
                 "McAllister", "MacDougall", "Le Blanc", "La Fleur", "Di Stefano", "Abu-Ghazaleh"]

WORD_LAST = """Price Wood Bell Graves Hunter Young King Strong Baker Cook Fields Rivers Frost Stone Marsh
Lane Hart Payne Little Short Small Love Sharp Black White Gray Brown Bush Moody Swift Best Hale Rich
Noble Cross Chambers Banks Waters Wolf Fox Bird Church Temple Castle Hill Person Story Early Law""".split()

NICK = """Bubba Sissy Junior Skip Dot Tiny Peanut Boots Tootie Buddy Nana Pops Meemaw Bud Sonny Red Lefty
Dusty Babe Chico Nene Moose Sugar Boo JoJo Lulu Mimi Tito Beto Pancho Chuy Ozzie""".split()

MIDDLE_INIT = list("ABCDEFGHJKLMNPRSTW")

# Towns: small real places and invented ones (multi-word names listed separately)
MULTI_TOWNS = ["Two Dot", "Big Timber", "Lame Deer", "Medicine Lake", "Cut Bank", "Seeley Lake",
               "Trout Creek", "Hot Springs", "Big Arm", "Twin Bridges", "Virginia City", "Pippa Passes",
               "Pine Knot", "Whitley City", "Hi Hat", "Rabbit Hash", "Monkeys Eyebrow", "Dwarf Lick",
               "Gravel Switch", "Hell for Certain", "Wolf Pen", "Bitter End", "Cotton Plant", "Toad Suck",
               "Possum Grape", "Greasy Corner", "Marked Tree", "Turkey Scratch", "Booger Hollow",
               "Coal Hill", "Mount Judea", "Calico Rock", "Mammoth Spring", "Lake Village",
               "Bee Branch", "Crow Agency", "Wolf Point", "Lodge Pole", "Box Elder", "Rocky Boy",
               "Big Sandy", "Sun River", "Fort Shaw", "Wolf Creek", "Silver Star", "Wise River",
               "Quartz Hill", "Pine Bluff", "Cedar Ford", "Sorrow Creek", "Lost Prairie", "Cherry Fork",
               "Hackberry Hollow", "Kettle Bottom", "Nettle Ridge", "Harmony Grove", "Lone Elm",
               "Sugar Tree", "Turnip Flats", "Calamus Crossing"]
SINGLE_TOWNS = """Wibaux Ekalaka Circle Jordan Winnett Roundup Harlowton Absarokee Pryor Hysham Chinook Saco
Hinsdale Plentywood Scobey Browning Valier Choteau Augusta Ovando Alberton Superior Noxon Troy Eureka
Fortine Dixon Arlee Ronan Polson Elmo Philipsburg Drummond Anaconda Whitehall Ennis Dell Lima Wisdom Sula
Darby Hamilton Corvallis Stevensville Harrodsburg Hazard Hindman Whitesburg Jenkins Inez Paintsville
Salyersville Booneville Tyner Hyden Vicco Cutshin Sassafras Mousie Beauty Ordinary Bugtussle Skillet
Fishtrap Cornettsville Decoy Nada Thousandsticks Weiner Okolona Pocahontas Jasper Ponca Yellville Flippin
Melbourne Dumas Gould Eudora Humnoke Shirley Damascus Quitman Rosebud Alpena Elkins Winslow Busby Ashland
Birney Otter Broadus Volborg Ismay Plevna Westby Antelope Outlook Froid Culbertson Bainville Poplar
Frazer Glasgow Nashua Opheim Whitewater Loring Zortman Landusky Hays Dodson Malta Harlem Havre Geraldine
Denton Stanford Geyser Belt Monarch Neihart Raynesford Stockett Ulm Vaughn Simms Cascade Craig Pony
Norris Cardwell Glen Melrose Divide Halfway""".split()
TOWNS = MULTI_TOWNS + SINGLE_TOWNS

COUNTIES = ["Garfield County", "Petroleum County", "Treasure County", "Golden Valley County",
            "Musselshell County", "Judith Basin County", "Meagher County", "Mineral County",
            "Sanders County", "Lincoln County", "Powder River County", "Carter County", "Daniels County",
            "Sheridan County", "Liberty County", "Pondera County", "Knott County", "Letcher County",
            "Owsley County", "Leslie County", "Breathitt County", "Magoffin County", "Wolfe County",
            "Elliott County", "Searcy County", "Newton County", "Stone County", "Izard County",
            "Chicot County", "Desha County", "Lee County", "Phillips County", "Idaho County",
            "Nevada County", "Washington County", "Wibaux Co.", "Owsley Co.", "Knott Co.",
            "Big Horn Co.", "Rosebud Co.", "Deer Lodge Co.", "Blaine Co.", "McCone County",
            "Prairie County", "Fallon County"]

NEIGHBORHOODS = ["the Northside", "Shantytown", "Frog Level", "Goose Hollow", "Buttermilk Bottom",
                 "Swede Hill", "the Flats", "Dutchtown", "Black Bottom", "Irish Hill", "Cabbage Patch",
                 "Mill Village", "Coal Camp Number Four", "Texas Row"]

STREET_NAMES = ["Willow Creek", "Bitterroot", "Old Mill", "Sawtooth", "Juniper", "Cottonwood", "Buffalo Jump",
                "Ponderosa", "Meadowlark", "Tamarack", "Spruce", "Elk Horn", "Sage Hen", "Larkspur",
                "Kingfisher", "Paradise Valley", "Blackberry", "Peavine", "Hollybush", "Sycamore",
                "Shady Grove", "Possum Hollow", "Dry Fork", "Caney Branch", "Troublesome Creek",
                "Lick Fork", "Poplar Gap", "Rockhouse", "Bull Creek", "Dogwood", "Persimmon",
                "Magnolia", "Cypress Bend", "Bayou Teche", "Pecan", "Chinaberry", "Mockingbird",
                "Wisteria", "Cedar Glade", "Ozark", "Buffalo River", "Sulphur Springs", "Rattlesnake",
                "Hickory Ridge", "Turkey Trot", "Chestnut", "Ash", "Main", "Church", "School House",
                "Depot", "Railroad", "Cemetery", "Water Tower", "Grain Elevator", "Rodeo Grounds"]
STREET_SUFFIX = ["Rd", "Road", "St", "Street", "Ave", "Avenue", "Ln", "Lane", "Dr", "Drive", "Ct",
                 "Loop", "Trl", "Trail", "Way", "Hwy", "Pike", "Branch Rd", "Hollow Rd", "Cir", "Pl",
                 "Blvd", "Terrace", "Spur"]
DIRS = ["N", "S", "E", "W", "N.", "S.", "North", "West", "NE", "SW"]
STATES_ABBR = ["MT", "KY", "AR", "WY", "ND", "SD", "ID", "WV", "LA", "OK", "NM", "AK"]
STATES = ["Montana", "Kentucky", "Arkansas", "Wyoming", "North Dakota", "Idaho", "West Virginia",
          "Louisiana", "Oklahoma", "New Mexico", "Alaska"]
ZIP3 = ["590", "591", "592", "593", "594", "595", "596", "597", "598", "599", "413", "414", "415",
        "416", "417", "418", "425", "426", "716", "717", "720", "721", "722", "724", "726", "727",
        "728", "820", "828", "584", "577", "835", "257", "259", "705", "707", "735", "874", "995"]

CLINIC_STEMS = ["Bitterroot Valley", "Hi-Line", "Musselshell", "Little Rockies", "Big Sky Family",
                "Cumberland River", "Troublesome Creek", "Red Bird", "Mountain Laurel", "Pine Mountain",
                "Ozark Foothills", "Buffalo River", "White River", "Delta Bottoms", "Crowley's Ridge",
                "Yellowstone Breaks", "Powder River", "Sweetgrass", "Lodge Grass", "Judith Gap",
                "Kettle Falls", "Sorrow Creek", "Calamus", "Prairie Wind", "Three Forks Area"]
CLINIC_TYPES = ["Rural Health Clinic", "Family Medicine", "Community Health Center", "Medical Clinic",
                "Health Center", "Clinic", "Family Practice", "Primary Care", "Free Clinic",
                "Behavioral Health", "Tribal Health Clinic", "Women's Clinic", "Wellness Center"]
HOSP = ["Frances Mahon Deaconess Hospital", "Roosevelt Medical Center", "Daniels Memorial Healthcare Center",
        "Pondera Medical Center", "Marcus Daly Memorial Hospital", "Whitesburg ARH Hospital",
        "Mary Breckinridge ARH", "Baxter Regional Medical Center", "Ozark Health Medical Center",
        "Chicot Memorial Medical Center", "St. Luke Critical Access Hospital", "Northern Rockies Medical Center",
        "Sorrow Creek Critical Access Hospital", "Holy Rosary Healthcare", "Our Lady of the Prairie Hospital",
        "Good Shepherd Medical Center", "McCone County Health Center", "Teton Medical Center",
        "Prairie Community Hospital", "Kettle Bottom General"]
NURSING = ["Golden Years Manor", "Sunset Haven Care Center", "Meadowbrook Assisted Living",
           "The Pines at Cedar Ford", "Evergreen Nursing and Rehabilitation", "Shady Oaks Nursing Home",
           "Willow Bend Senior Living", "Prairie View Lodge", "Heritage Place of Hazard",
           "Riverside Manor", "Autumn Leaves Personal Care Home", "Bethany Lutheran Home",
           "Good Samaritan Society - Hinsdale", "Hillcrest Rest Home", "Mountain Vista Memory Care"]
CHURCH = ["St. Brigid's Catholic Church", "First Baptist Church of Jordan", "Zion Lutheran Church",
          "Mount Olive Missionary Baptist Church", "Grace Community Church", "Little Flock Mennonite Church",
          "Bethel AME Church", "Holy Trinity Orthodox Church", "Cornerstone Assembly of God",
          "Sacred Heart Parish", "New Hope Pentecostal Holiness Church", "Pleasant Valley Church of the Brethren",
          "Immanuel Reformed Church", "St. Anthony's Mission", "Living Waters Fellowship"]
SCHOOL = ["Hays-Lodge Pole School", "Plenty Coups High School", "Knott County Central High School",
          "Cutshin Elementary", "Ozark Mountain Middle School", "Circle Public Schools",
          "Little Big Horn College", "Stone Child College", "Hazard Community and Technical College",
          "Nettle Ridge Elementary"]
PHARMACY = ["Hi-Line Drug", "Hinsdale Pharmacy", "Big Timber Drug", "Cumberland Family Pharmacy",
            "Ozark Apothecary", "Corner Drug of Yellville", "Red Bird Mission Pharmacy",
            "Harlowton Pharmacy & Gifts", "Medicine Lake Drug", "Sorrow Creek Prescription Shop"]
OTHER_FAC = ["Cascade County Detention Center", "Bethlehem House Shelter", "Northern Cheyenne Recovery Center",
             "Hope Center for Women", "Rocky Mountain Dialysis - Havre", "Glasgow Senior Center",
             "Sunrise Adult Day Care", "Pathways Treatment Center", "Little Sorrow Volunteer Fire Hall",
             "Deaconess Home Health", "Big Sky Hospice", "Wibaux County Jail"]
EMPLOYER = ["Hatfield Coal Company", "Pettigrew Feed & Seed", "Lykins Trucking", "Double Diamond Ranch",
            "Circle T Grain Cooperative", "Bugtussle Sawmill", "Yoder's Harness Shop", "Tackett Hardware"]

EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com",
                 "mtintouch.net", "windstream.net", "centurylink.net", "bresnan.net", "tctwest.net",
                 "nemont.net", "frontier.com", "att.net", "protonmail.com"]
WORK_DOMAINS = ["bvrhc.org", "hilinehealth.org", "fmdh.org", "arh.org", "ozarkhealth.net",
                "sorrowcreekcah.org", "redbirdmission.org", "pondmed.org", "tetonmedical.net",
                "mountainlaurelchc.org"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MON_ABBR_DOT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
             "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNITS_W = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS_W = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen"]
AREA = ["406", "606", "859", "870", "479", "307", "701", "605", "208", "304", "337", "580", "575", "907",
        "501", "502", "270"]

# ----------------------------------------------------------------------------------------------
# Check-digit helpers
# ----------------------------------------------------------------------------------------------

def luhn_check(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def make_npi(r):
    base = str(r.choice("12")) + "".join(r.choice("0123456789") for _ in range(8))
    return base + luhn_check("80840" + base)


def make_dea(r, last):
    first = r.choice("ABFGM")
    second = last[0].upper() if last[0].isalpha() else "X"
    d = [r.randint(0, 9) for _ in range(6)]
    s = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])
    return first + second + "".join(map(str, d)) + str(s % 10)


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_TRANS = {**{str(i): i for i in range(10)},
             **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
             **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def make_vin(r):
    wmi = r.choice(["1FT", "1GC", "3GC", "1C6", "2T1", "5TF", "1HG", "4T1", "1FM", "3C6", "JTM", "1N4"])
    rest = [r.choice(VIN_CHARS) for _ in range(14)]
    v = list(wmi) + rest
    v[9] = r.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
    v[8] = "0"
    s = sum(VIN_TRANS[c] * w for c, w in zip(v, VIN_W))
    c = s % 11
    v[8] = "X" if c == 10 else str(c)
    return "".join(v)


def gtin14(r):
    body = "0" + "".join(r.choice("0123456789") for _ in range(12))
    s = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(body))
    return body + str((10 - s % 10) % 10)


# ----------------------------------------------------------------------------------------------
# Generators. Each returns a string value.
# ----------------------------------------------------------------------------------------------

def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def g_first(r):
    return r.choice(FIRST) if r.random() < 0.8 else r.choice(WORD_FIRST)


def g_last(r):
    x = r.random()
    if x < 0.62:
        return r.choice(LAST)
    if x < 0.82:
        return r.choice(WORD_LAST)
    return r.choice(PARTICLE_LAST)


def g_full(r):
    f, l = g_first(r), g_last(r)
    x = r.random()
    if x < 0.55:
        return f"{f} {l}"
    if x < 0.72:
        return f"{f} {r.choice(MIDDLE_INIT)}. {l}"
    if x < 0.82:
        return f"{f} {l} Jr." if r.random() < 0.5 else f"{f} {l} III"
    if x < 0.92:
        return f"{f} \"{r.choice(NICK)}\" {l}"
    return f"{f}-{r.choice(FIRST)} {l}"


def g_lastfirst(r):
    l, f = g_last(r), g_first(r)
    x = r.random()
    if x < 0.4:
        return f"{l}, {f}"
    if x < 0.7:
        return f"{l.upper()}, {f.upper()}"
    if x < 0.85:
        return f"{l.upper()}, {f.upper()} {r.choice(MIDDLE_INIT)}"
    return f"{l},{f}"


def g_flinit(r):
    return f"{g_first(r)[0]}. {g_last(r)}"


def g_initials(r):
    a, b = r.choice(MIDDLE_INIT), r.choice(MIDDLE_INIT)
    return r.choice([f"{a}.{b}.", f"{a}{b}", f"{a}.{b}", f"{a}. {b}."])


def g_nick(r):
    return r.choice(NICK)


def g_lcfirst(r):
    return g_first(r).lower()


def g_lcfull(r):
    return f"{g_first(r)} {g_last(r)}".lower()


def g_wordfirst(r):
    return r.choice(WORD_FIRST)


def g_wordlast(r):
    return r.choice(WORD_LAST)


def g_mrlast(r):
    return g_last(r)


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def _ymd(r, y0=2019, y1=2026):
    return r.randint(y0, y1), r.randint(1, 12), r.randint(1, 28)


def fmt_date(r, y, m, d):
    k = r.randrange(17)
    return [
        f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{m:02d}/{d:02d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}",
        f"{MONTHS[m-1]} {d}, {y}", f"{MON3[m-1]} {d} {y}", f"{d} {MONTHS[m-1]} {y}",
        f"{d:02d}-{MON3[m-1]}-{y}", f"{d:02d}{MON3[m-1].upper()}{y}", f"{m}-{d}-{y}",
        f"{MON_ABBR_DOT[m-1]} {ordinal(d)}, {y}", f"{y}{m:02d}{d:02d}", f"{m}.{d}.{y % 100:02d}",
        f"{MONTHS[m-1]} {ordinal(d)} {y}", f"{d}-{MON3[m-1]}-{y % 100:02d}", f"{m}/{d}/{y % 100:02d}",
        f"{MONTHS[m-1].upper()} {d}, {y}",
    ][k]


def g_date(r):
    return fmt_date(r, *_ymd(r))


def g_dob(r):
    return fmt_date(r, *_ymd(r, 1918, 1975))


def g_pdate(r):
    y, m, d = _ymd(r)
    k = r.randrange(8)
    return [f"{m}/{d}", f"{MONTHS[m-1]} {d}", f"{MON3[m-1]} {ordinal(d)}", f"{MON_ABBR_DOT[m-1]} {d}",
            f"{m:02d}/{d:02d}", f"{d} {MON3[m-1]}", f"{MONTHS[m-1]} {ordinal(d)}", f"{m}-{d}"][k]


def g_mdate(r):
    y, m, d = _ymd(r)
    k = r.randrange(5)
    return [f"{MONTHS[m-1]} {y}", f"{m:02d}/{y}", f"{MON3[m-1]} '{y % 100:02d}", f"{MON3[m-1]}-{y}",
            f"{m}/{y}"][k]


def g_worddate(r):
    y, m, d = _ymd(r)
    k = r.randrange(4)
    return [f"{MONTHS[m-1]} {ORD_WORDS[d-1]}", f"{ORD_WORDS[d-1]} of {MONTHS[m-1]}",
            f"{MONTHS[m-1]} the {ORD_WORDS[d-1]}", f"{MONTHS[m-1]} {ORD_WORDS[d-1]}, {y}"][k]


def g_ordday(r):
    d = r.randint(1, 28)
    return ordinal(d) if r.random() < 0.7 else ORD_WORDS[d - 1]


def num_words(n):
    if n < 10:
        return UNITS_W[n]
    if n < 20:
        return TEENS_W[n - 10]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"][n // 10]
    return tens if n % 10 == 0 else f"{tens}-{UNITS_W[n % 10]}"


def g_age(r):
    return str(r.randint(90, 108))


def g_agewords(r):
    n = r.randint(90, 106)
    if n < 100:
        return num_words(n)
    rest = n - 100
    if rest == 0:
        return r.choice(["one hundred", "a hundred"])
    return r.choice(["one hundred and ", "a hundred and ", "one hundred "]) + num_words(rest)


def g_phone(r):
    a, b, c = r.choice(AREA), str(r.randint(2, 9)) + digits(r, 2), digits(r, 4)
    k = r.randrange(9)
    return [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a}{b}{c}", f"+1 {a} {b} {c}",
            f"1-{a}-{b}-{c}", f"({a}){b}-{c}", f"{a} {b} {c}", f"+1 ({a}) {b}-{c}"][k]


def g_phoneext(r):
    return g_phone(r) + r.choice([f" ext. {digits(r, 3)}", f" x{digits(r, 4)}", f" ext {digits(r, 2)}",
                                  f", extension {digits(r, 3)}", f" #{digits(r, 3)}"])


def g_phone7(r):
    return f"{r.randint(2, 9)}{digits(r, 2)}-{digits(r, 4)}"


def g_email(r):
    f, l = g_first(r).lower(), re.sub(r"[^a-z]", "", g_last(r).lower())
    k = r.randrange(7)
    user = [f"{f}.{l}", f"{f[0]}{l}{r.randint(1, 99)}", f"{l}{f[0]}", f"{f}_{l}{r.randint(50, 99)}",
            f"{r.choice(['cowgirl', 'grannyof', 'mtnmama', 'bigred', 'hunter', 'deerhunter', 'quilter'])}{r.randint(1, 999)}",
            f"{f}{l}", f"{l}.family"][k]
    return f"{user}@{r.choice(EMAIL_DOMAINS)}"


def g_workemail(r):
    f, l = g_first(r).lower(), re.sub(r"[^a-z]", "", g_last(r).lower())
    return f"{r.choice([f[0] + l, f + '.' + l, l + '.' + f[0]])}@{r.choice(WORK_DOMAINS)}"


def g_url(r):
    f, l = g_first(r).lower(), re.sub(r"[^a-z]", "", g_last(r).lower())
    k = r.randrange(9)
    return [f"https://www.facebook.com/{f}.{l}.{r.randint(10, 99)}",
            f"https://www.gofundme.com/f/help-{f}-{l}-with-medical-bills",
            f"https://www.caringbridge.org/visit/{f}{l}",
            f"www.{l}funeralhome.com/obituaries/{f}-{l}",
            f"https://instagram.com/{f}_{l}_{r.randint(1, 99)}",
            f"https://mychart.{r.choice(WORK_DOMAINS)}/MyChart/Visit/{digits(r, 8)}",
            f"https://zoom.us/j/{digits(r, 10)}?pwd={''.join(r.choice('abcdefghkmnpqrstuvwxyz') for _ in range(8))}",
            f"http://{l}{f[0]}.blogspot.com",
            f"https://www.tiktok.com/@{f}{l}{r.randint(1, 9)}"][k]


def g_handle(r):
    f, l = g_first(r).lower(), re.sub(r"[^a-z]", "", g_last(r).lower())
    return r.choice([f"@{f}_{l}", f"@{f}{r.randint(60, 99)}", f"@{l}.{f[0]}", f"@the_real_{f}"])


def g_ipv4(r):
    k = r.randrange(4)
    if k == 0:
        return f"192.168.{r.randint(0, 20)}.{r.randint(2, 254)}"
    if k == 1:
        return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}"
    if k == 2:
        return f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 254)}"
    return f"{r.choice([23, 45, 63, 66, 71, 98, 104, 184, 206, 209])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}"


def g_ipv6(r):
    groups = [f"{r.randint(0, 65535):x}" for _ in range(4)]
    return r.choice([f"2601:{groups[0]}:{groups[1]}::{groups[2]}", f"fe80::{groups[0]}:{groups[1]}:{groups[2]}:{groups[3]}",
                     f"2600:1700:{groups[0]}:{groups[1]}:{groups[2]}:{groups[3]}:0:1"])


def _ssn_parts(r):
    a = r.randint(1, 899)
    while a == 666:
        a = r.randint(1, 899)
    return f"{a:03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"


def g_ssn(r):
    a, b, c = _ssn_parts(r)
    k = r.randrange(8)
    return [f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}", f"{a} - {b} - {c}", f"{a}-{b} {c}",
            f"{a}.{b}.{c}", f"{a}-{b}-{c}", f"{a}  {b}  {c}"][k]


def g_ssn4(r):
    return _ssn_parts(r)[2]


def g_mrn(r):
    k = r.randrange(8)
    return [digits(r, 7), "00" + digits(r, 6), "M" + digits(r, 7), "E" + digits(r, 8), digits(r, 3) + "-" + digits(r, 3) + "-" + digits(r, 2),
            digits(r, 10), "H" + digits(r, 6), digits(r, 6)][k]


def g_enc(r):
    return r.choice(["", "V", "ENC", "A"]) + digits(r, r.choice([8, 9, 10]))


def g_acct(r):
    k = r.randrange(6)
    return [digits(r, 9), digits(r, 10), "A" + digits(r, 8), digits(r, 4) + "-" + digits(r, 5), "HAR" + digits(r, 7), digits(r, 12)][k]


def g_member(r):
    k = r.randrange(6)
    letters = "".join(r.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(3))
    return [letters + digits(r, 9), "W" + digits(r, 9), digits(r, 11), letters + "H" + digits(r, 8),
            "ZGP" + digits(r, 8) + "01", "U" + digits(r, 8) + "-01"][k]


def g_group(r):
    return r.choice([digits(r, 6), "GRP-" + digits(r, 5), digits(r, 5) + "-" + r.choice(["MT", "KY", "AR"]) + digits(r, 2), "0" + digits(r, 7)])


def g_mbi(r):
    L = "ACDEFGHJKMNPQRTUVWXY"
    return f"{r.randint(1, 9)}{r.choice(L)}{r.choice(L + '0123456789')}{r.randint(0, 9)}-{r.choice(L)}{r.choice(L + '0123456789')}{r.randint(0, 9)}-{r.choice(L)}{r.choice(L)}{r.randint(0, 9)}{r.randint(0, 9)}"


def g_medicaid(r):
    return r.choice([digits(r, 10), digits(r, 9) + "A", "KY" + digits(r, 8), digits(r, 8)])


def g_npi(r):
    return make_npi(r)


def g_dea(r):
    return make_dea(r, g_last(r))


def g_statelic(r):
    return r.choice([f"MED-PHYS-LIC-{digits(r, 5)}", f"RN-{digits(r, 6)}", f"{r.choice(['MT', 'KY', 'AR'])} {digits(r, 5)}",
                     f"PA{digits(r, 4)}", f"APRN.{digits(r, 5)}", f"LCSW-{digits(r, 4)}", f"E{digits(r, 5)}"])


def g_dl(r):
    return r.choice([digits(r, 13), "0" + digits(r, 8), f"{r.choice('ABCDEFGHJKLMNPRSTWY')}{digits(r, 8)}", f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 4)}"])


def g_cert(r):
    return r.choice([f"{r.randint(2019, 2026)}-{digits(r, 6)}", f"DC-{digits(r, 7)}", f"{digits(r, 3)}-{r.randint(2019, 2026)}-{digits(r, 6)}", f"BC{digits(r, 8)}"])


def g_plate(r):
    up = "ABCDEFGHJKLMNPRSTUVWXYZ"
    k = r.randrange(7)
    return [f"{r.randint(1, 56)}-{digits(r, 4)}{r.choice(up)}", f"{r.randint(1, 9)}{r.choice(up)}{r.choice(up)}{r.choice(up)}{digits(r, 3)}",
            f"{r.choice(up)}{r.choice(up)}{r.choice(up)} {digits(r, 3)}", f"{digits(r, 3)} {r.choice(up)}{r.choice(up)}{r.choice(up)}",
            f"{r.choice(up)}{r.choice(up)}{r.choice(up)}-{digits(r, 4)}", f"{r.choice(['GRANMA', 'BIGRIG', 'MTNGAL', 'COWBOY', 'LUVMYPUP', 'HAYBALE'])}{r.randint(1, 9)}",
            f"{r.randint(10, 99)}{r.choice(up)}{digits(r, 3)}"][k]


def g_vin(r):
    return make_vin(r)


def g_serial(r):
    up = "ABCDEFGHJKLMNPRSTUVWXYZ"
    k = r.randrange(8)
    return [f"{r.choice(['PJN', 'RNJ', 'BLF', 'CVX'])}{digits(r, 6)}{r.choice('SHGX')}", f"SN{digits(r, 9)}",
            f"{digits(r, 2)}{r.choice(up)}{digits(r, 7)}", f"{r.choice(up)}{r.choice(up)}{digits(r, 8)}",
            f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 4)}", f"{r.choice(up)}{digits(r, 3)}{r.choice(up)}{digits(r, 5)}",
            f"{digits(r, 11)}", f"{r.choice(up)}{digits(r, 9)}{r.choice(up)}"][k]


def g_udi(r):
    g = gtin14(r)
    y, m, d = r.randint(26, 30), r.randint(1, 12), r.randint(1, 28)
    ser = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(r.randint(6, 10)))
    return r.choice([f"(01){g}(17){y:02d}{m:02d}{d:02d}(21){ser}", f"(01){g}(11){y - 3:02d}{m:02d}{d:02d}(21){ser}",
                     f"01{g}17{y:02d}{m:02d}{d:02d}21{ser}"])


def g_street(r):
    num = str(r.randint(2, 48999))
    if r.random() < 0.12:
        num = f"{r.randint(1, 99)} {r.choice(['1/2', 'A', 'B'])}" if r.random() < 0.5 else f"W{r.randint(1000, 9999)}"
    parts = [num]
    if r.random() < 0.35:
        parts.append(r.choice(DIRS))
    parts.append(r.choice(STREET_NAMES))
    parts.append(r.choice(STREET_SUFFIX))
    s = " ".join(parts)
    if r.random() < 0.25:
        s += r.choice([f", Apt {r.randint(1, 40)}{r.choice(['', 'B', 'C'])}", f" #{r.randint(2, 20)}", f" Unit {r.randint(1, 12)}",
                       f", Lot {r.randint(1, 60)}", f" Trlr {r.randint(1, 30)}"])
    return s


def g_unit(r):
    return r.choice([f"Apt {r.randint(1, 40)}B", f"Unit {r.randint(1, 9)}", f"Lot {r.randint(2, 70)}", f"Space {r.randint(1, 40)}",
                     f"Trailer {r.randint(1, 22)}", f"Suite {r.randint(100, 400)}"])


def g_pobox(r):
    return r.choice([f"PO Box {r.randint(1, 2999)}", f"P.O. Box {r.randint(1, 999)}", f"P O Box {r.randint(1, 999)}",
                     f"Box {r.randint(1, 999)}", f"POB {r.randint(1, 999)}"])


def g_rr(r):
    return r.choice([f"RR {r.randint(1, 6)} Box {r.randint(10, 400)}", f"Rural Route {r.randint(1, 4)}, Box {r.randint(1, 300)}",
                     f"HC {r.randint(30, 89)} Box {r.randint(100, 9999)}", f"Rt. {r.randint(1, 3)} Box {r.randint(1, 200)}A",
                     f"HCR {r.randint(1, 90)}, Box {r.randint(1, 99)}"])


def g_road(r):
    return r.choice([f"County Road {r.randint(1, 450)}", f"Co Rd {r.randint(1, 99)}", f"Old {r.choice(STREET_NAMES)} Road",
                     f"{r.choice(STREET_NAMES)} Hollow Road", f"Forest Service Road {r.randint(100, 9999)}",
                     f"Mile Marker {r.randint(2, 180)} on Hwy {r.choice(['2', '12', '15', '191', '7', '80', '421'])}",
                     f"KY-{r.randint(15, 899)}", f"Rd {r.randint(100, 999)} {r.choice(['N', 'S', 'E', 'W'])}"])


def g_town(r):
    return r.choice(TOWNS)


def g_county(r):
    return r.choice(COUNTIES)


def g_hood(r):
    return r.choice(NEIGHBORHOODS)


def g_zip(r):
    z = r.choice(ZIP3) + digits(r, 2)
    return z if r.random() < 0.7 else z + "-" + digits(r, 4)


def g_clinic(r):
    return f"{r.choice(CLINIC_STEMS)} {r.choice(CLINIC_TYPES)}"


def g_hosp(r):
    return r.choice(HOSP)


def g_nursing(r):
    return r.choice(NURSING)


def g_church(r):
    return r.choice(CHURCH)


def g_school(r):
    return r.choice(SCHOOL)


def g_pharmacy(r):
    return r.choice(PHARMACY)


def g_otherfac(r):
    return r.choice(OTHER_FAC + EMPLOYER)


# unlabelled fillers (look-alikes, never identifiers under this set's conventions)
def u_room(r):
    return r.choice([f"Room {r.randint(100, 420)}", f"rm {r.randint(1, 30)}", f"bed {r.randint(1, 4)}", f"Bay {r.randint(1, 14)}",
                     f"exam room {r.randint(1, 9)}"])


def u_state(r):
    return r.choice(STATES_ABBR)


def u_statename(r):
    return r.choice(STATES)


def u_time(r):
    return r.choice([f"{r.randint(1, 12)}:{r.choice(['00', '15', '30', '45'])} {r.choice(['am', 'pm', 'AM', 'PM'])}",
                     f"{r.randint(0, 23):02d}{r.choice(['00', '15', '30', '45'])}", f"{r.randint(1, 12)}{r.choice(['am', 'pm'])}"])


def u_bp(r):
    return f"{r.randint(104, 182)}/{r.randint(58, 104)}"


def u_lot(r):
    return f"{r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}{digits(r, 4)}"


def u_smallage(r):
    return str(r.randint(18, 89))


def u_year(r):
    return str(r.randint(1958, 2024))


def u_ord(r):
    return ordinal(r.randint(2, 12))


def u_a1c(r):
    return f"{r.randint(6, 12)}.{r.randint(0, 9)}"


def u_num(r):
    return str(r.randint(2, 40))


def u_dose(r):
    return r.choice(["metformin 1000 mg BID", "lisinopril 20 mg daily", "apixaban 5 mg twice daily",
                     "buprenorphine-naloxone 8-2 mg SL BID", "sertraline 100 mg", "gabapentin 300 mg TID",
                     "insulin glargine 24 units qHS", "atorvastatin 40 mg", "furosemide 40 mg PO",
                     "levothyroxine 88 mcg", "semaglutide 1 mg weekly", "prednisone 40 mg x5 days"])


GEN = {
    # key: (CATEGORY or None for unlabelled, generator)
    "first": ("NAME", g_first), "last": ("NAME", g_last), "full": ("NAME", g_full),
    "lastfirst": ("NAME", g_lastfirst), "flinit": ("NAME", g_flinit), "inits": ("NAME", g_initials),
    "nick": ("NAME", g_nick), "lcfirst": ("NAME", g_lcfirst), "lcfull": ("NAME", g_lcfull),
    "wfirst": ("NAME", g_wordfirst), "wlast": ("NAME", g_wordlast),
    "date": ("DATE", g_date), "dob": ("DATE", g_dob), "pdate": ("DATE", g_pdate), "mdate": ("DATE", g_mdate),
    "wdate": ("DATE", g_worddate), "ordday": ("DATE", g_ordday),
    "age": ("AGE", g_age), "agew": ("AGE", g_agewords),
    "phone": ("PHONE", g_phone), "phonex": ("PHONE", g_phoneext), "phone7": ("PHONE", g_phone7),
    "fax": ("FAX", g_phone),
    "email": ("EMAIL", g_email), "wemail": ("EMAIL", g_workemail),
    "url": ("URL", g_url), "handle": ("URL", g_handle),
    "ip": ("IP", g_ipv4), "ip6": ("IP", g_ipv6),
    "ssn": ("SSN", g_ssn), "ssn4": ("SSN", g_ssn4),
    "mrn": ("MRN", g_mrn), "enc": ("MRN", g_enc),
    "acct": ("ACCOUNT", g_acct), "member": ("ACCOUNT", g_member), "group": ("ACCOUNT", g_group),
    "mbi": ("ACCOUNT", g_mbi), "medicaid": ("ACCOUNT", g_medicaid),
    "npi": ("LICENSE", g_npi), "dea": ("LICENSE", g_dea), "lic": ("LICENSE", g_statelic),
    "dl": ("LICENSE", g_dl), "cert": ("LICENSE", g_cert),
    "plate": ("VEHICLE", g_plate), "vin": ("VEHICLE", g_vin),
    "serial": ("DEVICE", g_serial), "udi": ("DEVICE", g_udi),
    "street": ("ADDRESS", g_street), "unit": ("ADDRESS", g_unit), "pobox": ("ADDRESS", g_pobox),
    "rr": ("ADDRESS", g_rr), "road": ("ADDRESS", g_road),
    "town": ("LOCATION", g_town), "county": ("LOCATION", g_county), "hood": ("LOCATION", g_hood),
    "zip": ("ZIP", g_zip),
    "clinic": ("FACILITY", g_clinic), "hosp": ("FACILITY", g_hosp), "nursing": ("FACILITY", g_nursing),
    "church": ("FACILITY", g_church), "school": ("FACILITY", g_school), "pharm": ("FACILITY", g_pharmacy),
    "ofac": ("FACILITY", g_otherfac),
    # unlabelled
    "room": (None, u_room), "st": (None, u_state), "stname": (None, u_statename), "time": (None, u_time),
    "bp": (None, u_bp), "lot": (None, u_lot), "yage": (None, u_smallage), "year": (None, u_year),
    "uord": (None, u_ord), "a1c": (None, u_a1c), "n": (None, u_num), "dose": (None, u_dose),
    "weekday": (None, lambda r: r.choice(WEEKDAYS)),
}

# ----------------------------------------------------------------------------------------------
# Planted passage shapes (hand-written). {key} = generated value; {key!} = same key, forced
# lower-case/upper-case variants are produced by generators themselves.
# ----------------------------------------------------------------------------------------------
PLANTED = [
    # 0 case presentations
    "Presenting today: {first} {last}, a {age}-year-old woman from {town} who was seen at {clinic} on {date} for recurrent falls.",
    "Our patient, Mrs. {last}, is {agew} years old and still lives alone out past {road}; her daughter {first} checks on her most days.",
    "Mr. {last}'s son {first} called from {town} on {pdate} asking whether we could move the visit; his cell is {phone}.",
    "Mrs. {last}'s daughter, {full}, is the health care proxy. Reach her at {phonex} or {email}.",
    "This is a {agew}-year-old gentleman, DOB {dob}, who was transferred from {nursing} to {hosp} on {date}.",
    "Pt is {age} y/o, lives with granddaughter {wfirst} in {county}. Last seen in clinic {mdate}.",
    "{nick} (legal name {full}) is a {age}yo veteran who gets his meds through {pharm} in {town}.",
    "She turned {agew} on the {ordday} and her pastor at {church} hosted a party in the fellowship hall.",
    "Case from {clinic}: {lastfirst}, MRN {mrn}, admitted {date}, discharged {date}.",
    "The family asked that {wfirst} {wlast} be called, not the patient, at {phone}; she works nights at {ofac}.",
    # 10 registration headers / forms
    "PATIENT: {lastfirst}\nDOB: {dob}\nMRN: {mrn}\nSSN: {ssn}\nADDRESS: {street}\n{town}, {st} {zip}",
    "Name: {lastfirst}    Acct#: {acct}    MR#: {mrn}\nDOB {dob}   Phone {phone}",
    "Guarantor: {full}  Relationship: son  SS# {ssn}  Employer: {ofac}",
    "Primary ins: {stname} Medicaid  ID {medicaid}\nSecondary: Medicare  MBI {mbi}\nFIN {acct}",
    "Insurance on file - member ID {member}, group # {group}, subscriber {full} (spouse).",
    "Chart # {mrn} / enc# {enc} / visit no. {acct} - {lastfirst} - seen {date} in {room}.",
    "Med Rec No. {mrn}  Unit No. {mrn}  Patient: {lastfirst}  Sex: F  Age: {age}",
    "Pt ID {mrn} | HAR {acct} | Attending {full}, MD (NPI {npi})",
    "Emergency contact: {full} (neighbor) {phone}; alt contact {full} (niece) {phone}",
    "Mailing address {pobox}, {town}, {st} {zip}. Physical address {rr}.",
    # 20 free-text addresses in prose
    "She lives off {road} past the Dollar General, the blue trailer at {street}, about forty minutes from {town}.",
    "Home is {rr} outside {town}; the mail goes to {pobox}, {town} {zip}.",
    "They moved in with his sister at {street} in {hood} of {town} after the fire.",
    "Directions for the home health nurse: take {road} north out of {town}, the house is {street}, {unit}.",
    "He sleeps some nights in his truck behind {church} on {street}, {town} {zip}.",
    "Patient relocated from {county} to {town} ({county}) in {mdate} to be near {nursing}.",
    # 26 phones, faxes
    "Please fax the consult note to {fax} attn: {full}, or call the nurse line at {phonex}.",
    "FAX COVER - To: {clinic}  Fax: {fax}  From: {hosp}  Fax: {fax}  Phone: {phone}  Date: {date}",
    "Fax back to {clinic} at {fax} (ph {phone}) - ask for {first} in medical records.",
    "Records were faxed {pdate} to {fax}; confirmation sheet is in the chart under {lastfirst}.",
    "text from pt's son: hey its {lcfirst}, mom fell again, can u call me at {phone7} or {phone} after 5",
    "txt msg {pdate} {time}: this is {lcfirst} {lcfull} wifes cell is {phone}, pls call her not me",
    "The pharmacist at {pharm}, {first}, called from {phonex} about the prior auth.",
    "Voicemail left for {full} at {phone} on {date} re: abnormal mammogram. Callback {phone}.",
    # 34 email, url, handle
    "Daughter {first} prefers email: {email}. She also posts updates on {url}.",
    "The patient's wife {wfirst} set up a fundraiser at {url} and shares it on Facebook as {handle}.",
    "Please send the slides to {wemail} and cc {wemail}; the Zoom link is {url}.",
    "Pt messaged through the portal from {email} on {pdate} asking for a refill; portal link {url}.",
    "He runs a channel, {handle}, where he posted about his diagnosis on {pdate}; the video is at {url}.",
    "Contact for the support group: {full}, {email}, {phone}.",
    # 40 IP
    "Portal audit: login for {lastfirst} from {ip} at {time} on {date}; second login from {ip6}.",
    "Telehealth session dropped; the tablet at {nursing} shows IP {ip}, the hub is {ip}. Tech contact {full}.",
    "Device reported from address {ip} (gateway {ip}) for patient {mrn} on {date}.",
    "Remote monitor for {lastfirst} last uploaded {date} from {ip6}; clinic router {ip}.",
    # 44 SSN
    "SSN {ssn}; SSN on insurance card reads {ssn} - one digit off, please verify with {first}.",
    "SS#: xxx-xx-{ssn4}   DOB: {dob}   Name: {lastfirst}",
    "Last four of social: {ssn4}. Caller identified herself as {full}, the patient's aunt, who is {agew} herself.",
    "Disability paperwork: social security no. {ssn}, claimant {full}, date of onset {date}.",
    "soc sec # {ssn} (pt gave verbally, spacing as written), DOB {dob}, lives in {town}.",
    "Verified identity with last 4 SSN {ssn4} and DOB {dob} before releasing results to {first}.",
    # 50 MRN / ACCOUNT mixed
    "Labs for {lastfirst} (MRN: {mrn}) drawn {date} at {clinic}; bill to acct {acct}.",
    "Re: {full}, medical record number {mrn}, encounter {enc}, FIN {acct}.",
    "Patient ID {mrn}; Medicaid ID {medicaid}; policy number {member}; visit no. {acct}.",
    "The old chart number from {hosp} was {mrn}; our number is {mrn}.",
    "Subscriber {lastfirst}  Member ID {member}  Group {group}  Rx BIN 610014  PCN MEDDPRIME  Payer: {stname} Blue Cross",
    "acct {acct} - balance sent to collections; guarantor {full}, {street}, {town} {zip}",
    "Medicare MBI {mbi}; supplemental plan policy # {member}; Medicaid {medicaid}.",
    "EMPI {mrn}, CSN {enc}, HAR {acct} for {lastfirst}.",
    # 58 LICENSE
    "Prescriber: {full}, MD  NPI {npi}  DEA {dea}  State lic. {lic}",
    "Ordering provider {flinit}, APRN, NPI: {npi}, license {lic}, {clinic}.",
    "Driver's license {dl} ({st}) for {full} was checked at intake by {first}.",
    "Death certificate no. {cert} signed by {full}, coroner of {county}, on {date}.",
    "Referred by {full}, PA-C (NPI {npi}; DEA {dea}) from {clinic}, phone {phone}, fax {fax}.",
    "Birth certificate #{cert} lists the mother as {full}, born in {town}.",
    "Interpreter {full}, certification #{lic}, joined by phone from {town}.",
    # 65 VEHICLE
    "He was the driver of a red pickup, plate {plate}, that went off {road} near {town} on {pdate}.",
    "EMS report: vehicle VIN {vin}, tag {plate} ({st}), driver {full}, found at {time}.",
    "Mrs. {last} drives a '09 Silverado with tags {plate}; her son's car (VIN {vin}) is the one we gave the handicap placard.",
    "Parking lot incident: the truck with license plate {plate} belongs to {full}, who was visiting room {n} on {pdate}.",
    "Sheriff of {county} ran the plate {plate}, registered to {full} of {town}.",
    "Car seat check done in the {clinic} parking lot on {pdate}, vehicle reg {plate}, VIN {vin}.",
    "Tow receipt: VIN {vin}; plates {plate}; owner {lastfirst}; {street}, {town}.",
    # 72 DEVICE
    "Pacemaker interrogation: device serial {serial}, lead serial {serial}; implanted {date} at {hosp}.",
    "Insulin pump S/N {serial}, CGM transmitter SN {serial}; patient {full} uploads from {ip}.",
    "UDI {udi} recorded for the left knee implant placed {date} by {full}.",
    "CPAP unit serial no. {serial} loaned by {ofac}; return by {pdate}.",
    "Hearing aid right SN {serial}, left SN {serial}, fitted at {clinic} on {date}.",
    "Implant card: {udi}; patient {lastfirst}; surgeon {flinit}.",
    "Oxygen concentrator serial #{serial} delivered to {street}, {town} on {pdate}.",
    # 79 FACILITY / LOCATION heavy
    "She transferred from {nursing} in {town} to {hosp}, then to {nursing} in {county}.",
    "Flu shot clinic is held in the basement of {church} in {town} every other {weekday}; {first} runs it.",
    "School nurse at {school} ({town}) sent a note on {date} about the child's seizures; call {phone}.",
    "After release from {ofac} he stayed at {ofac} in {town} and attends {clinic}.",
    "We share patients with {clinic} in {town}, {clinic} in {town} and the {hosp} ED.",
    "Grew up in {town}, worked thirty years for {ofac}, now in {nursing} near {town}.",
    "The outreach van parks at {church} ({street}, {town} {zip}) on the {ordday}.",
    # 86 DATE heavy
    "Timeline: first symptoms {mdate}; seen at {clinic} {date}; biopsy {date}; started chemo {pdate}; admitted {wdate}.",
    "She was last well on the evening of the {ordday} and found down on {date} by her neighbor {first}.",
    "DOB {dob}. Dx {mdate}. Surgery {date}. Follow-up the {ordday} of next month.",
    "Seen {weekday}, {date}, and again {weekday} {pdate}; next visit {wdate}.",
    "Vaccines: Tdap {date}, shingles #1 {date}, #2 {pdate}; flu {mdate}, lot {lot}.",
    "Admitted {date} {time}, discharged {date}; readmitted {pdate} with the same complaint.",
    "Her husband {full} died on {wdate}, and she has not been back to {church} since.",
    # 93 AGE heavy
    "Three generations in the room: patient {age}, her sister {agew}, and the daughter {first}, who is {yage}.",
    "Pt is a {age} yo M with HFrEF, lives with his {agew}-year-old wife {first}.",
    "Centenarian visit: {full}, aged {agew}, at {nursing}; the family celebrated on {date}.",
    "Age: {age}\nSex: M\nDOB: {dob}\nPCP: {full}",
    "{wfirst} says she is {agew} years young and still drives to {town} for groceries.",
    "{age}F brought in by her grandson {first} from {town}, BP {bp}.",
    "Our oldest ECHO patient is {age}; next oldest {age}; both at {nursing}.",
    # 100 misc mixed, names that are words / particles / initials
    "{wfirst} {wlast} brought her mother; {wfirst} said {wlast} is her married name.",
    "Seen with interpreter; pt {full} and her husband {full} (both from {town}).",
    "Consult requested by Dr. {last} re: {inits}, a {age}-year-old with dementia at {nursing}.",
    "Note from {inits} (RN): pt {flinit} refused labs on {pdate}; spoke with daughter {wfirst}.",
    "Discussed with Drs. {last} and {last} at {hosp}; family meeting with {full} set for {date}.",
    "Hospice aide {first} {last} reports pt sleeping most of the day; hospice line {phonex}.",
    "Per {lcfirst} at the front desk, the patient's new number is {phone} and new address {street}, {town}.",
    "Neighbor {wlast} (goes by {nick}) drives her in from {town} every {weekday}.",
    "Chaplain {full} from {church} and social worker {full}, LCSW, met with the family.",
    "Mrs. {last} (née {last}) and her sister-in-law Mrs. {last} share a room at {nursing}.",
    "Pharmacy: {pharm}, {street}, {town}, {st} {zip}, ph {phone}, fax {fax}.",
    "Letter: Dear Dr. {last},\nThank you for seeing {full} (DOB {dob}) on {date}.\nSincerely, {full}, {clinic}",
    "The patient's granddaughter {first} {particle_last} is a nurse at {hosp}.",
    "Our ECHO presenter {full} ({wemail}) will present {inits}'s case on {pdate}.",
    "Case from the jail in {county}: inmate {lastfirst}, booking # {acct}, DOC # {mrn}, age {age}.",
    "Referral: {lastfirst}; DOB {dob}; Ph {phone}; {street} {unit}; {town} {zip}; Ins ID {member}.",
    "Reminder to {lcfull}: appt {pdate} {time} at {clinic}. Reply STOP to opt out. Questions {phone}.",
    "Obituary excerpt: {full}, {agew}, of {town}, passed away {date} at {nursing}.",
    "Caller {full} gave the callback {phonex} and address {rr}, {town}, {st} {zip}.",
    "From the chat: '{lcfirst} here, dad ({lcfull}) is at {nursing} now, rm {n}, fax there is {fax}'",
    "Wound photos were sent from {email} on {date}; sender IP {ip}.",
    "Family tree: mother {full} (deceased {mdate}), father {full} ({age}), brother {first} in {town}.",
    "Dr. {particle_last} and Dr. {last}-{last} co-signed the note on {date}.",
    "Transport: {full} will pick the patient up in a white van, plate {plate}, at {street} at {time}.",
    "Lab requisition - patient {lastfirst}, MRN {mrn}, acct {acct}, collected {date}, ordering NPI {npi}.",
    "Adult protective services report: {full}, age {agew}, SSN {ssn}, lives at {rr}, {town}.",
    "Her grandson {first} drove her in; his car, a gray Buick with {st} plates {plate}, was towed from the ED bay on {pdate}.",
    "MVC: {age}-year-old restrained passenger; vehicle 1 VIN {vin}, vehicle 2 license {plate}; driver of vehicle 2 {full}.",
    "Chart no. {mrn}; previous MRN {mrn} merged {date}; acct no. {acct}.",
    "Benefits verification: Medicaid # {medicaid}, member {member}, group {group}, SS {ssn}.",
    "Hospice admission: {lastfirst}, {age} years, MRN {mrn}, SSN last 4 {ssn4}.",
    "Born {dob} in {town}; she will be {agew} on the {ordday}, and her brother {first} is {age}.",
    "Truck: {year} Ford F-250, VIN {vin}, plate {plate}; owner {full} of {county}.",
    "SSA form: claimant SSN {ssn}, representative payee {full}, payee SSN {ssn}.",
    "Visit # {acct}; MR # {mrn}; Patient Acct No {acct}; {lastfirst}.",
    "Brother is {age} and sister {agew}; the patient, {first}, is the baby of the family at {yage}.",
    "Tags on the ambulance-bound car were {plate}; second car {plate}; both owned by {ofac}.",
    "Remote transmission: ICD serial {serial} sent from the home router {ip} on {date}; the CareLink login is {email}.",
    "His TikTok {handle} and the video at {url} show the spells; the EEG cart in {room} is on {ip}.",
    "Cochlear implant serial {serial}, processor SN {serial}; audiologist {full}; clinic page {url}.",
]
# particle_last is an extra generator (always a particle surname)
GEN["particle_last"] = ("NAME", lambda r: r.choice(PARTICLE_LAST))

# ----------------------------------------------------------------------------------------------
# Clean passage shapes (no identifiers; look-alikes). Only unlabelled fillers may be used.
# ----------------------------------------------------------------------------------------------
CLEAN = [
    "Positive Murphy sign, negative Rovsing and psoas signs; Alvarado score {n}. Wells score for PE low.",
    "Graves disease on methimazole 10 mg; TSH 0.02, free T4 2.1. Hashimoto was ruled out.",
    "Hope this helps. Grace period for the prior auth ends soon, so will resubmit with the A1c of {a1c}%.",
    "BP log this week: {bp}, {bp}, {bp}, {bp}. Goal under 130/80 per ACC/AHA.",
    "Strength 5/5 in upper extremities, 4/5 hip flexors; reflexes 2+ and symmetric; Babinski absent, Hoffmann negative.",
    "She is a {yage}-year-old with Parkinson disease, Hoehn and Yahr stage 3, on carbidopa-levodopa 25/100 TID.",
    "Medtronic Azure XT DR MRI SureScan device, battery 8.5 years; Dexcom G7 and Omnipod 5 for the diabetes.",
    "Per KDIGO 2024 and the DAPA-CKD and EMPA-KIDNEY trials, add an SGLT2 inhibitor when eGFR is above 20.",
    "ICD-10 E11.65, CPT 99214 and 99497, LOINC 4548-4; HCPCS G0439 for the annual wellness visit.",
    "Moved to Room {n}, bed 2; room 214 has the bariatric bed. Call bell within reach.",
    "Visual acuity 20/40 OD, 20/25 OS; IOP 18 and 21; cup-to-disc 0.6. Amsler grid normal.",
    "Grade 2/6 systolic murmur at the left sternal border; no Austin Flint murmur; Janeway lesions absent, no Osler nodes.",
    "Child-Pugh B, MELD-Na 17; on lactulose 20 g TID and rifaximin 550 mg BID. Paracentesis removed 4.2 L.",
    "CHA2DS2-VASc 4, HAS-BLED 2; started apixaban 5 mg BID per the ARISTOTLE data.",
    "Apgar 8/9, Ballard 38 weeks, weight 3.2 kg; Ortolani and Barlow negative.",
    "Gleason 3+4=7, Grade Group 2, PSA 6.8; discussed active surveillance per NCCN.",
    "PHQ-9 14/27, GAD-7 11/21, AUDIT-C 5; sertraline 50 mg increased to 100 mg.",
    "Bell palsy on the right, House-Brackmann III; prednisone 60 mg for 7 days; Wood lamp exam of the rash negative.",
    "Lachman 2+, anterior drawer positive, McMurray negative; Apley grind equivocal. Salter-Harris II of the distal radius healed.",
    "Started {dose}; recheck BMP in 2 weeks. K 5.1, Cr 1.42, BUN 28, glucose 212.",
    "G3P2012 at 32 weeks, Bishop score 4, fundal height 31 cm; GBS pending at 36 weeks.",
    "Frank hematuria resolved; Foley removed POD 2. Whipple at the tertiary center was uneventful.",
    "Kussmaul respirations, pH 7.12, anion gap 24, beta-hydroxybutyrate 6.1; DKA protocol with insulin 0.1 units/kg/hr.",
    "Dix-Hallpike positive on the left; Epley maneuver done twice with relief. Romberg negative.",
    "Mallampati III, neck circumference 44 cm, STOP-BANG 6; ResMed AirSense 11 at 10 cm H2O, AHI now 3.",
    "Baker cyst on ultrasound, Homans sign negative, D-dimer 0.3. Morton neuroma on the left foot.",
    "Cushing syndrome workup: late-night salivary cortisol x2, 1 mg dex suppression; Addison excluded with cosyntropin.",
    "Diagnosed with Crohn disease in {year}, on adalimumab 40 mg every other week; calprotectin 85.",
    "Tinel and Phalen positive bilaterally, Finkelstein negative; EMG shows moderate median neuropathy.",
    "The {yage}-year-old and her {yage}-year-old husband both got RSV and the 2024-2025 COVID vaccine, lot {lot}.",
    "Summer camp form done; Dawn phenomenon explains the morning sugars in the 180s; May consider adding basal insulin.",
    "Hunter syndrome was on the differential; genetic panel showed a variant of uncertain significance in IDS c.1122C>T.",
    "Will titrate buprenorphine to 16 mg; COWS 9 at induction; urine drug screen positive for fentanyl, negative for methadone.",
    "Takes methotrexate 15 mg on Sundays and folic acid 1 mg the other six days; DAS28 3.4.",
    "Holter: 24 h, 3% PVC burden, longest run 4 beats; ejection fraction 35-40% on TTE; NYHA II.",
    "Temp 38.4, HR 112, RR 22, BP {bp}, SpO2 91% on 2 L; qSOFA 2, lactate 2.8.",
    "Using the GOLD 2024 report: group E, on Trelegy Ellipta 100/62.5/25 one puff daily; FEV1/FVC 0.58.",
    "Scheduled for {uord} cycle of FOLFOX; ECOG 1; CEA down from 42 to 9.6. Neulasta Onpro on day 3.",
    "Seen at 10:30; 3 of 4 blood cultures grew MSSA; cefazolin 2 g q8h for 6 weeks per IDSA.",
    "Young adult with Marfan habitus, Ghent criteria not met; Ehlers-Danlos hypermobile type considered, Beighton 7/9.",
    "Guillain-Barre variant suspected; NIF -30, FVC 1.9 L; IVIG 0.4 g/kg/day x5 started.",
    "Trendelenburg gait, Thomas test positive; Garden III femoral neck fracture treated with hemiarthroplasty.",
    "Rose to 140s after the steroid burst; Mark the site before the block. Sharp pain at L4-L5, Spurling negative.",
    "Room air sat 94%; Chvostek and Trousseau negative; Ca 8.9, Mg 1.6, phos 2.2, PTH 88.",
    "The USPSTF grade B recommendation covers ages 45 to 75; FIT-DNA every 3 years or colonoscopy every 10.",
    "Salt 2 g, fluid 1.5 L; weights 82.4, 83.1, 82.9 kg; torsemide 20 mg; NT-proBNP 2,140.",
    "Ranson 3, BISAP 2; lipase 1,840; CT shows Balthazar grade C.",
    "Tanner stage 4, menarche at age 12; HPV dose 2 of 2 given; PHQ-A 3.",
    "Per the SPRINT and ACCORD trials, the target is under 130 systolic for most patients {yage} and older.",
    "Brown urine, Black stools, Gray matter changes on MRI: the residents' mnemonic for the board review.",
]

# ----------------------------------------------------------------------------------------------
# Carrier sentences
# ----------------------------------------------------------------------------------------------
CUE_WORDS = {"sample", "xyz", "abc", "mr", "mrs", "ms", "dr", "hospital", "clinic", "center", "county",
             "street", "road", "month", "year", "born", "name", "named", "address", "phone", "city",
             "state", "doctor", "daughter", "son", "wife", "husband", "mother", "father", "sister",
             "brother", "aunt", "uncle", "nursing", "home", "lives", "living", "moved", "ago", "age",
             "aged", "old", "today", "yesterday", "tomorrow", "date", "dated", "day", "week", "weeks",
             "months", "years", "x", "number", "ssn", "mrn", "account", "insurance", "fax", "email",
             "church", "school", "jail", "prison", "employer", "works", "worked", "license", "serial",
             "plate", "vehicle", "car", "truck", "university", "medical", "institute", "santa", "saint",
             "st", "mount", "mt", "lake", "river", "springs"}
CUE_WORDS |= {m.lower() for m in MONTHS} | {w.lower() for w in WEEKDAYS}
ABBREV_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Mt|Jr|Sr|vs|No|Co|Inc|e\.g|i\.e)\.$")


def eligible_sentences(body):
    out = []
    for para in body.split("\n"):
        sents = re.split(r"(?<=\.)\s+", para.strip())
        prev = ""
        for s in sents:
            s = s.strip()
            ok = (40 <= len(s) <= 220 and s.endswith(".") and not re.search(r"\d", s)
                  and not re.search(r"[:()\[\]/@#&*\"_;]", s) and s[0].isupper()
                  and not re.search(r"(?<=\s)[A-Z]", s)
                  and not (len(s.split()[0]) == 1 and s.split()[0] != "A")
                  and not ABBREV_END.search(prev)
                  and not any(w in CUE_WORDS for w in re.findall(r"[a-z]+", s.lower()))
                  and s.count(".") == 1)
            out.append((s if ok else None))
            prev = s
    return out


def load_carriers(path):
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            sents = eligible_sentences(row["body"])
            pairs, singles = [], []
            for i, s in enumerate(sents):
                if s is None:
                    continue
                singles.append(s)
                if i + 1 < len(sents) and sents[i + 1] is not None and len(s) + len(sents[i + 1]) < 300:
                    pairs.append(s + " " + sents[i + 1])
            if singles:
                docs.append((row["ref"], singles, pairs))
    docs.sort(key=lambda d: d[0])
    return docs


# ----------------------------------------------------------------------------------------------
# Assembly
# ----------------------------------------------------------------------------------------------
TOKEN = re.compile(r"\{([a-z_0-9]+)\}")


def shape_cats(shape):
    cats = []
    for k in TOKEN.findall(shape):
        c = GEN[k][0]
        if c and c not in cats:
            cats.append(c)
    return cats


def render(shape, r):
    """Return (text, spans) for a shape; spans relative to the returned text."""
    parts, spans, pos, last = [], [], 0, 0
    for m in TOKEN.finditer(shape):
        lit = shape[last:m.start()]
        parts.append(lit)
        pos += len(lit)
        cat, fn = GEN[m.group(1)]
        val = fn(r)
        assert val and val == val.strip(), (m.group(1), val)
        if cat:
            spans.append([pos, pos + len(val), cat, val])
        parts.append(val)
        pos += len(val)
        last = m.end()
    parts.append(shape[last:])
    return "".join(parts), spans


def attach_carrier(r, body, spans, carrier):
    mode = r.randrange(3)
    sep = r.choice([" ", "\n", "\n\n"])
    if mode == 0:  # carrier first
        text = carrier + sep + body
        off = len(carrier) + len(sep)
        spans = [[a + off, b + off, c, v] for a, b, c, v in spans]
        cspan = (0, len(carrier))
    else:  # carrier after
        text = body + sep + carrier
        cspan = (len(body) + len(sep), len(text))
    return text, spans, cspan


# categories the brief wants above the floor of 25 passages get more weight in the greedy fill
PRIORITY = {"NAME": 1.5, "DATE": 1.5, "LOCATION": 1.5, "MRN": 2.0, "ACCOUNT": 2.0, "AGE": 2.5, "SSN": 2.5,
            "VEHICLE": 2.5}


def choose_shapes(r):
    n = len(PLANTED)
    uses = [0] * n
    passages_per_cat = {c: 0 for c in CATS}
    order = list(range(n))
    r.shuffle(order)
    picks = []
    for i in order:  # every shape once
        picks.append(i)
        uses[i] += 1
        for c in shape_cats(PLANTED[i]):
            passages_per_cat[c] += 1
    while len(picks) < N_PLANTED:
        best, best_score = None, None
        cand = list(range(n))
        r.shuffle(cand)
        for i in cand:
            if uses[i] >= MAX_SHAPE_USES:
                continue
            sc = sum(PRIORITY.get(c, 1.0) * (5.0 if passages_per_cat[c] < 28 else 1.0) / (1 + passages_per_cat[c]) ** 2
                     for c in shape_cats(PLANTED[i]))
            if best_score is None or sc > best_score:
                best, best_score = i, sc
        picks.append(best)
        uses[best] += 1
        for c in shape_cats(PLANTED[best]):
            passages_per_cat[c] += 1
    r.shuffle(picks)
    return picks


def main():
    corpus = next((p for p in (sys.argv[1:] + CORPUS_CANDIDATES) if os.path.exists(p)), None)
    if corpus is None:
        sys.exit("cases.jsonl not found")
    r = random.Random(SEED)
    docs = load_carriers(corpus)
    doc_order = list(range(len(docs)))
    r.shuffle(doc_order)
    doc_iter = iter(doc_order)

    def next_carrier():
        ref, singles, pairs = docs[next(doc_iter)]
        if pairs and r.random() < 0.45:
            return ref, r.choice(pairs)
        return ref, r.choice(singles)

    rows = []
    picks = choose_shapes(r)
    for n, si in enumerate(picks, 1):
        body, spans = render(PLANTED[si], r)
        ref, carrier = next_carrier()
        text, spans, cspan = attach_carrier(r, body, spans, carrier)
        for a, b, c, v in spans:
            assert text[a:b] == v and c in CATS and b > a
            assert b <= cspan[0] or a >= cspan[1], "span overlaps carrier"
        spans.sort(key=lambda s: (s[0], s[1]))
        for x, y in zip(spans, spans[1:]):
            assert x[1] <= y[0], "overlap"
        assert 3 <= len(spans) <= 8, (si, len(spans), PLANTED[si])
        rows.append({"id": f"D-P{n:03d}-s{si:02d}", "split": "heldout", "carrier": ref, "text": text,
                     "spans": [[a, b, c] for a, b, c, v in spans]})
    clean_picks = [i % len(CLEAN) for i in range(N_CLEAN)]
    r.shuffle(clean_picks)
    for n, ki in enumerate(clean_picks, 1):
        body, spans = render(CLEAN[ki], r)
        assert not spans
        ref, carrier = next_carrier()
        text, _, _ = attach_carrier(r, body, [], carrier)
        rows.append({"id": f"D-N{n:03d}-k{ki:02d}", "split": "heldout", "carrier": ref, "text": text, "spans": []})
    with open("heldout.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
