"""Value pools typed for set L and value generators (standard library only).

Pools typed here, from sources the earlier sets' READMEs do not list: given names and surnames
of newer rural-US communities (Somali, Marshallese, Chuukese, Karen, Haitian, Ukrainian, Iraqi,
Afghan, Bhutanese-Nepali, Congolese, K'iche' and Mam, Korean, Lao, Burmese) and older ones
(Low German Mennonite, Czech-Texan, Dutch-Iowan, Greek, Lebanese, Cape Verdean, Gullah, Ozark
Anglo); small real places of the Ozarks, the Finger Lakes and Southern Tier, the Pennsylvania
Wilds, the Ohio and Indiana hills, Iowa, South Georgia and the Florida Big Bend, the San Joaquin
Valley, the Colorado Western Slope, the Kentucky coalfield, Middle Tennessee and the South
Carolina Lowcountry, with their state, county, three-digit ZIP prefix and area code.
"""

from __future__ import annotations

import random
import string

FIRST = """
Abdirahman Hodan Faadumo Ayaan Mohamud Sahra Ilhan Warsame Libaan Nimco
Kiji Jorbon Lijina Neiar Tamar Rubon Hemos Jinna Bwiro Litokwa
Kino Marleen Sinter Ioakim Mersina Kathin
Saw Paw Eh Htoo Naw Moo Hser Blut Dah Ku
Wideline Jean-Robert Mackenson Nadège Widlyne Fabiola Ti-Jean Rosemène Dieuseul Guerline
Oleksandr Halyna Mykola Olha Bohdan Iryna Taras Liudmyla Vasyl Nataliia
Haider Zainab Mustafa Noor Ammar Rusul Hussein Ban Ali Shaymaa
Zabihullah Farzana Mirwais Pashtana Gulalai Nasrin Shafiq Mariam Hamidullah Laila
Dil Bishnu Tika Chandra Devi Hari Man Kumari Bhim Padam
Espérance Mbuyi Kabongo Furaha Nsimba Bahati Amani Ndaye Kalala Mapendo
Ixchel Baltazar Rigoberta Tzunun Candelaria Xuncax Catarina Nicolasa Feliciano Telma
Jiwoo Seo-yeon Minjun Hyejin Dongho Eunji Sungmin Younghee
Khamphanh Souksavanh Bounmy Vilayvanh Noy Phonsavanh
Aung Thida Kyaw Hnin Zaw Myint
Abram Aganetha Heinrich Katharina Jakob Susanna Isbrand Helena Cornelius Anna
Vlasta Ladislav Bohumil Milada Jaroslav Zdenka
Gerrit Hendrika Teunis Wilhelmina Dirk Geertje
Panagiota Stavros Eleftheria Kyriakos Vasiliki Demetrios
Nabil Rima Georges Najla Tannous Samira
Djenifer Arlindo Euclides Marilene Nilton Celestina
Ransom Hagar Cudjo Easter Welcome Queenie Ephraim Lula Boise Mamie
Lorene Orville Wanda Delbert Opal Virgil Geneva Roscoe Inez Harlan Velma Clovis Oleta Dewey
Bethel Ozella Arvel Zelda Loyd Nadine Elvis Twila Marlin Reba
Kayden Brantley Jaxon Paisley Ryker Oaklynn Maverick Everleigh Bentley Kinsley
Tyrese Imani Jamal Keisha Darnell Shaniqua Marquis Latoya DeShawn Tameka
Guadalupe Rosalba Efraín Yesenia Abundio Maricela Rigoberto Nohemí
""".split()

LAST = """
Warsame Abdi Hirsi Farah Jama Nur Omar Abdullahi Mohamud Yusuf Dualeh Egal Samatar Guled
Jibas Langrine Kabua Lakjohn Anjain Balos Zackhras Note Loeak Jorkan Jetnil
Ruben Nakamura Mori Aisek Eperiam Sigrah
Htoo Paw Wah Moo Say Lay Poe Thaw
Pierre-Louis Jean-Baptiste Désir Chéry Saint-Fleur Joseph Dorvilus Exantus Toussaint Mompremier
Kovalenko Shevchuk Bondarenko Tkachenko Melnyk Hrytsenko Kravets Oliinyk Savchuk Moroz
Al-Jubouri Al-Saadi Hassan Kadhim Al-Tamimi Jasim Mahdi Al-Obaidi Abbas Khalaf
Ahmadzai Popal Stanikzai Wardak Noorzai Sultani Hotak Durrani Karimi Safi
Gurung Rai Subba Adhikari Limbu Ghimire Dahal Bhattarai Tamang Pradhan
Mukendi Kabila Ilunga Nkulu Tshibangu Mbuyi Kasongo Mutombo Lukusa Ngoy
Tzoc Xiloj Ixcot Batz Chox Tambriz Pu Canil Sic Ajpop
Bae Yoon Hwang Jeon Kwon Ryu Shin Ahn
Phommachanh Sayavong Keomany Vongsa Inthavong Chanthavong
Oo Naing Htun Lwin Thein Maung
Friesen Penner Wiebe Dueck Klassen Enns Thiessen Hiebert Fehr Unruh Giesbrecht Rempel
Hrncir Kubala Machacek Sulak Vrana Stastny Mikeska Holub Janak
Vander Zwaag Te Grotenhuis Van Gorp Bruxvoort Roorda Ver Steeg Den Hartog Vos
Papadakis Theodorou Kalogeropoulos Stathakis Manolis Karras
Haddad Khoury Maalouf Nassar Shadid Bechara
Tavares Monteiro Fortes Semedo Lopes Barros
Manigault Grant Simmons Bellinger Heyward Ravenel Middleton Chisolm Singleton Fludd
Ledbetter Swofford Pettijohn Haygood Breeding Turnbo Wofford Blevins Eoff Ulmer Coday Hammontree
Brumley Cantrell Yokum Stotts Prock Villines Keeling Tennison Hufstedler Doss
Okafor Adeyemi Baptiste Mensah Nwachukwu
Gutiérrez Zúñiga Ochoa Cervantes Bañuelos Villaseñor Arreola Mendoza
""".split()

# multi-word surnames kept whole
LAST += ["Vander Zwaag", "Ver Steeg", "Den Hartog", "Te Grotenhuis", "Van Gorp", "de la Cruz"]
LAST = [x for x in LAST if x not in ("Vander", "Zwaag", "Te", "Grotenhuis", "Van", "Gorp", "Ver", "Steeg", "Den", "Hartog")]
LAST = sorted(set(LAST))
FIRST = sorted(set(FIRST))

# town, state, county, ZIP prefix, area code
PLACES = [
    ("Licking", "MO", "Texas", "654", "573"), ("Peculiar", "MO", "Cass", "647", "816"),
    ("Success", "MO", "Texas", "654", "417"), ("Ava", "MO", "Douglas", "656", "417"),
    ("Gainesville", "MO", "Ozark", "656", "417"), ("Eminence", "MO", "Shannon", "654", "573"),
    ("Cabool", "MO", "Texas", "656", "417"), ("Seymour", "MO", "Webster", "657", "417"),
    ("Noel", "MO", "McDonald", "648", "417"), ("Mountain View", "AR", "Stone", "725", "870"),
    ("Flippin", "AR", "Marion", "726", "870"), ("Yellville", "AR", "Marion", "726", "870"),
    ("Jasper", "AR", "Newton", "726", "870"), ("Marshall", "AR", "Searcy", "726", "870"),
    ("Stilwell", "OK", "Adair", "749", "918"), ("Jay", "OK", "Delaware", "743", "918"),
    ("Watkins Glen", "NY", "Schuyler", "148", "607"), ("Penn Yan", "NY", "Yates", "145", "315"),
    ("Ovid", "NY", "Seneca", "145", "607"), ("Romulus", "NY", "Seneca", "145", "315"),
    ("Hammondsport", "NY", "Steuben", "148", "607"), ("Bath", "NY", "Steuben", "148", "607"),
    ("Wellsville", "NY", "Allegany", "148", "585"), ("Salamanca", "NY", "Cattaraugus", "147", "716"),
    ("Coudersport", "PA", "Potter", "169", "814"), ("Emporium", "PA", "Cameron", "158", "814"),
    ("Renovo", "PA", "Clinton", "177", "570"), ("Galeton", "PA", "Potter", "169", "814"),
    ("Kane", "PA", "McKean", "167", "814"), ("Tionesta", "PA", "Forest", "163", "814"),
    ("Millersburg", "OH", "Holmes", "446", "330"), ("Gallipolis", "OH", "Gallia", "456", "740"),
    ("Pomeroy", "OH", "Meigs", "457", "740"), ("McArthur", "OH", "Vinton", "456", "740"),
    ("Nelsonville", "OH", "Athens", "457", "740"), ("Vevay", "IN", "Switzerland", "470", "812"),
    ("Paoli", "IN", "Orange", "474", "812"), ("French Lick", "IN", "Orange", "474", "812"),
    ("Shoals", "IN", "Martin", "475", "812"), ("Loogootee", "IN", "Martin", "475", "812"),
    ("Tell City", "IN", "Perry", "475", "812"), ("Orange City", "IA", "Sioux", "510", "712"),
    ("Pella", "IA", "Marion", "502", "641"), ("Decorah", "IA", "Winneshiek", "521", "563"),
    ("Elkader", "IA", "Clayton", "520", "563"), ("Postville", "IA", "Allamakee", "521", "563"),
    ("What Cheer", "IA", "Keokuk", "501", "641"), ("Le Mars", "IA", "Plymouth", "510", "712"),
    ("Pocahontas", "IA", "Pocahontas", "505", "712"), ("Humboldt", "IA", "Humboldt", "505", "515"),
    ("Bloomfield", "IA", "Davis", "525", "641"), ("Storm Lake", "IA", "Buena Vista", "505", "712"),
    ("Cairo", "GA", "Grady", "398", "229"), ("Pavo", "GA", "Thomas", "316", "229"),
    ("Quitman", "GA", "Brooks", "316", "229"), ("Homerville", "GA", "Clinch", "316", "912"),
    ("Nahunta", "GA", "Brantley", "315", "912"), ("Folkston", "GA", "Charlton", "315", "912"),
    ("Perry", "FL", "Taylor", "323", "850"), ("Cross City", "FL", "Dixie", "326", "352"),
    ("Chiefland", "FL", "Levy", "326", "352"), ("Bristol", "FL", "Liberty", "323", "850"),
    ("Blountstown", "FL", "Calhoun", "324", "850"), ("Carrabelle", "FL", "Franklin", "323", "850"),
    ("Apalachicola", "FL", "Franklin", "323", "850"), ("Mayo", "FL", "Lafayette", "320", "386"),
    ("Monticello", "FL", "Jefferson", "323", "850"), ("Orland", "CA", "Glenn", "959", "530"),
    ("Corcoran", "CA", "Kings", "932", "559"), ("Avenal", "CA", "Kings", "932", "559"),
    ("Firebaugh", "CA", "Fresno", "936", "559"), ("Mendota", "CA", "Fresno", "936", "559"),
    ("Dos Palos", "CA", "Merced", "936", "209"), ("Orange Cove", "CA", "Fresno", "936", "559"),
    ("Parlier", "CA", "Fresno", "936", "559"), ("Paonia", "CO", "Delta", "814", "970"),
    ("Hotchkiss", "CO", "Delta", "814", "970"), ("Nucla", "CO", "Montrose", "814", "970"),
    ("Naturita", "CO", "Montrose", "814", "970"), ("Rangely", "CO", "Rio Blanco", "816", "970"),
    ("Meeker", "CO", "Rio Blanco", "816", "970"), ("Collbran", "CO", "Mesa", "816", "970"),
    ("Dove Creek", "CO", "Dolores", "813", "970"), ("Central City", "KY", "Muhlenberg", "423", "270"),
    ("Greenville", "KY", "Muhlenberg", "423", "270"), ("Dawson Springs", "KY", "Hopkins", "424", "270"),
    ("Morganfield", "KY", "Union", "424", "270"), ("Hickman", "KY", "Fulton", "420", "270"),
    ("Clinton", "KY", "Hickman", "420", "270"), ("Linden", "TN", "Perry", "370", "931"),
    ("Hohenwald", "TN", "Lewis", "384", "931"), ("Waverly", "TN", "Humphreys", "371", "931"),
    ("Centerville", "TN", "Hickman", "370", "931"), ("Lobelville", "TN", "Perry", "370", "931"),
    ("Erin", "TN", "Houston", "370", "931"), ("Walterboro", "SC", "Colleton", "294", "843"),
    ("Hampton", "SC", "Hampton", "299", "803"), ("Estill", "SC", "Hampton", "299", "803"),
    ("Ridgeland", "SC", "Jasper", "299", "843"), ("Allendale", "SC", "Allendale", "298", "803"),
    ("Bamberg", "SC", "Bamberg", "290", "803"), ("Kingstree", "SC", "Williamsburg", "295", "843"),
    ("Hemingway", "SC", "Williamsburg", "295", "843"), ("Lake City", "SC", "Florence", "295", "843"),
]
STATE_NAMES = {
    "MO": "Missouri", "AR": "Arkansas", "OK": "Oklahoma", "NY": "New York", "PA": "Pennsylvania",
    "OH": "Ohio", "IN": "Indiana", "IA": "Iowa", "GA": "Georgia", "FL": "Florida",
    "CA": "California", "CO": "Colorado", "KY": "Kentucky", "TN": "Tennessee", "SC": "South Carolina",
}

# street words typed here: trees, crops, birds and old families of these regions
STREET_NAMES = [
    "Persimmon", "Sassafras", "Sorghum Mill", "Bois d'Arc", "Hickory Nut", "Mulberry", "Tupelo",
    "Palmetto", "Wiregrass", "Longleaf", "Turpentine Still", "Cane Mill", "Pecan Grove", "Satsuma",
    "Tobacco Barn", "Creamery", "Gristmill", "Cheese Factory", "Buggy Shop", "Stone Church",
    "Covered Bridge", "Lock Seven", "Salt Lick", "Coal Tipple", "Strip Pit", "Pumpjack", "Almond",
    "Pistachio", "Raisin", "Canal Bank", "Slough", "Levee", "Ditch Rider", "Peach Orchard", "Hop Yard",
    "Bald Knob", "Possum Trot", "Whippoorwill", "Bobwhite", "Meadowlark", "Sandhill Crane",
    "Ferry Landing", "Keelboat", "Shrimp Dock", "Oyster Factory", "Praise House", "Rice Mill",
    "Indigo", "Sugar Camp", "Fire Tower", "Lookout Tower", "Grange Hall", "Depot", "Schoolhouse",
    "Quarry", "Sawmill", "Tanyard", "Chinquapin", "Dogtrot", "Spring Branch",
]
SUFFIXES = ["Rd", "Road", "Ln", "Lane", "Dr", "St", "Street", "Ave", "Hwy", "Trl", "Pike", "Cir", "Ct",
            "Loop", "Run", "Hollow", "Bnd", "Cv", "Pt"]
IOWA_AVES = ["Quail Ave", "Xavier Ave", "Zenith Ave", "Kennedy Ave", "Olive Ave", "Hickory Ave",
             "Yale Ave", "Udell Ave", "Vine Ave", "Nutmeg Ave", "Ivy Ave", "Jade Ave"]
MO_LETTERS = ["AA", "HH", "JJ", "KK", "V", "Z", "PP", "EE", "Y", "T", "W", "DD", "NN", "UU"]

# employers and places of work of these regions (generic kinds, names composed below)
EMPLOYER_KINDS = ["Poultry", "Pork Processing", "Meat Packing", "Hardwoods", "Sawmill", "Dairy",
                  "Grain Co-op", "Peanut Buying Point", "Pecan Shelling", "Almond Hulling",
                  "Trailer Manufacturing", "Boat Works", "Feed & Seed", "Vinyl Windows",
                  "Egg Farm", "Cheese Co-op", "Furniture", "Oyster Co."]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "hotmail.com", "aol.com",
                 "att.net", "bellsouth.net", "sbcglobal.net", "frontiernet.net", "mchsi.com",
                 "tds.net", "centurylink.net", "protonmail.com", "live.com", "msn.com"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
       8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
       14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
       19: "nineteenth", 20: "twentieth", 30: "thirtieth"}


def words2(n: int) -> str:
    """0-99 in words."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    t, o = divmod(n, 10)
    return TENS[t] + ("-" + ONES[o] if o else "")


def ordinal(n: int) -> str:
    if n in ORD:
        return ORD[n]
    t, o = divmod(n, 10)
    return TENS[t] + "-" + ORD[o]


def year_words(y: int) -> str:
    if y >= 2000:
        return "twenty " + words2(y - 2000) if y >= 2010 else "two thousand " + words2(y - 2000)
    return words2(y // 100) + " " + (words2(y % 100) if y % 100 >= 10 else "oh " + ONES[y % 10])


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.digits) for _ in range(n))


def letters(r: random.Random, n: int, pool: str = string.ascii_uppercase) -> str:
    return "".join(r.choice(pool) for _ in range(n))


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


def npi(r: random.Random) -> str:
    body = r.choice("12") + digits(r, 8)
    return body + luhn_digit("80840" + body)


def dea(r: random.Random, last: str) -> str:
    d = [int(x) for x in digits(r, 6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return r.choice("ABFGM") + last[0].upper() + "".join(map(str, d)) + str(check)


VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
VIN_VAL = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin(r: random.Random) -> str:
    chars = [r.choice(VIN_CHARS) for _ in range(17)]
    chars[0] = r.choice("1245")
    total = sum((int(c) if c.isdigit() else VIN_VAL[c]) * w for c, w in zip(chars, VIN_W))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def imei(r: random.Random) -> str:
    body = r.choice(["35", "86", "01", "99"]) + digits(r, 12)
    return body + luhn_digit(body)


class Person:
    def __init__(self, r: random.Random, first: str | None = None, last: str | None = None):
        self.first = first or r.choice(FIRST)
        self.last = last or r.choice(LAST)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTVW")

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def lf(self) -> str:
        return f"{self.last}, {self.first}"

    @property
    def ini(self) -> str:
        return f"{self.first[0]}.{self.last[0]}."


class Place:
    def __init__(self, r: random.Random):
        self.town, self.st, self.county, self.zp, self.ac = r.choice(PLACES)
        self.zip = self.zp + digits(r, 2)
        self.state = STATE_NAMES[self.st]


def phone(r: random.Random, ac: str, style: int | None = None) -> str:
    ex = r.choice("2345678") + digits(r, 2)
    ln = digits(r, 4)
    style = r.randrange(9) if style is None else style
    return [f"({ac}) {ex}-{ln}", f"{ac}-{ex}-{ln}", f"{ac}.{ex}.{ln}", f"({ac}){ex}-{ln}",
            f"1-{ac}-{ex}-{ln}", f"+1 {ac} {ex} {ln}", f"{ac}{ex}{ln}", f"{ac} {ex} {ln}",
            f"{ex}-{ln}"][style]


def phone_words(r: random.Random, ac: str) -> str:
    num = ac + r.choice("2345678") + digits(r, 6)
    return " ".join(ONES[int(c)] for c in num[:3]) + ", " + " ".join(ONES[int(c)] for c in num[3:6]) \
        + ", " + " ".join(ONES[int(c)] for c in num[6:])


def date(r: random.Random, lo: int = 1926, hi: int = 2026, style: int | None = None) -> str:
    y, m, d = r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)
    style = r.randrange(14) if style is None else style
    return [
        f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{m:02d}-{d:02d}-{y}",
        f"{MONTHS[m - 1]} {d}, {y}", f"{MON3[m - 1]} {d} {y}", f"{d} {MON3[m - 1]} {y}",
        f"{d:02d}{MON3[m - 1].upper()}{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1]} {d}",
        f"{MON3[m - 1]}. {d}", f"{d}.{m}.{y}", f"{m}-{d}-{y % 100:02d}", f"{MON3[m - 1]}-{d:02d}-{y}",
    ][style]


def date_words(r: random.Random, lo: int = 1926, hi: int = 1940) -> str:
    y, m, d = r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)
    return f"{MONTHS[m - 1].lower()} {ordinal(d)} {year_words(y)}"


def date_es(r: random.Random, lo: int = 1930, hi: int = 2026) -> str:
    y, m, d = r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)
    return r.choice([f"{d} de {MESES[m - 1]} de {y}", f"{d}/{m}/{y}", f"{d} de {MESES[m - 1]}"])


def age(r: random.Random) -> str:
    n = r.randint(90, 106)
    return r.choice([str(n), str(n), words2(n) if n < 100 else str(n)])


def ssn(r: random.Random) -> str:
    a, b, c = f"{r.randint(1, 665):03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"
    return r.choice([f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}", f"{a}-{b}-{c}"])


def last4(r: random.Random) -> str:
    return f"{r.randint(1, 9999):04d}"


def mrn(r: random.Random) -> str:
    return r.choice([
        lambda: digits(r, 8), lambda: "00" + digits(r, 6), lambda: "E" + digits(r, 7),
        lambda: digits(r, 3) + "-" + digits(r, 3) + "-" + digits(r, 2), lambda: "M" + digits(r, 9),
        lambda: digits(r, 4) + " " + digits(r, 4), lambda: letters(r, 2) + digits(r, 6),
        lambda: digits(r, 10), lambda: digits(r, 2) + "-" + digits(r, 5),
    ])()


def account(r: random.Random) -> str:
    return r.choice([
        lambda: digits(r, 10), lambda: "V" + digits(r, 9), lambda: digits(r, 4) + "-" + digits(r, 6),
        lambda: letters(r, 3) + digits(r, 9), lambda: digits(r, 2) + letters(r, 1) + digits(r, 7),
        lambda: digits(r, 12), lambda: "HAR" + digits(r, 8), lambda: digits(r, 7) + letters(r, 1),
        lambda: digits(r, 3) + " " + digits(r, 3) + " " + digits(r, 3),
    ])()


def medicare_mbi(r: random.Random) -> str:
    a = "ACDEFGHJKMNPQRTUVWXY"
    return (r.choice("123456789") + r.choice(a) + r.choice(a + "0123456789") + r.choice("0123456789")
            + "-" + r.choice(a) + r.choice(a + "0123456789") + r.choice("0123456789") + "-"
            + r.choice(a) + r.choice(a) + r.choice("0123456789") + r.choice("0123456789"))


def rx(r: random.Random) -> str:
    return r.choice([digits(r, 7), digits(r, 7) + "-" + digits(r, 3), "RX" + digits(r, 6)])


def state_license(r: random.Random, st: str) -> str:
    return r.choice([
        f"{digits(r, 10)}", f"RN{digits(r, 7)}", f"{st}{digits(r, 6)}", f"{digits(r, 6)}",
        f"MD.{digits(r, 5)}", f"{letters(r, 1)}{digits(r, 8)}", f"PA{digits(r, 6)}",
        f"{digits(r, 4)}-{digits(r, 3)}",
    ])


def dl(r: random.Random, st: str) -> str:
    return {
        "MO": lambda: letters(r, 1) + digits(r, 9), "AR": lambda: "9" + digits(r, 8),
        "IA": lambda: digits(r, 3) + letters(r, 2) + digits(r, 4), "GA": lambda: "0" + digits(r, 8),
        "FL": lambda: letters(r, 1) + digits(r, 3) + "-" + digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 3) + "-0",
        "CA": lambda: letters(r, 1) + digits(r, 7), "NY": lambda: digits(r, 3) + " " + digits(r, 3) + " " + digits(r, 3),
        "PA": lambda: digits(r, 2) + " " + digits(r, 3) + " " + digits(r, 3),
        "KY": lambda: letters(r, 1) + digits(r, 2) + "-" + digits(r, 3) + "-" + digits(r, 3),
    }.get(st, lambda: digits(r, 9))()


def plate(r: random.Random) -> str:
    return r.choice([
        lambda: letters(r, 2) + digits(r, 1) + " " + letters(r, 1) + digits(r, 1) + letters(r, 1),
        lambda: letters(r, 3) + "-" + digits(r, 4), lambda: digits(r, 3) + " " + letters(r, 3),
        lambda: digits(r, 1) + letters(r, 3) + digits(r, 3), lambda: letters(r, 3) + " " + digits(r, 3),
        lambda: letters(r, 2) + "-" + digits(r, 5), lambda: digits(r, 3) + letters(r, 1) + digits(r, 3),
        lambda: letters(r, 1) + digits(r, 2) + " " + digits(r, 2) + letters(r, 1),
    ])()


def serial(r: random.Random) -> str:
    return r.choice([
        lambda: letters(r, 3) + digits(r, 6) + letters(r, 1), lambda: digits(r, 2) + letters(r, 2) + digits(r, 6),
        lambda: letters(r, 2) + digits(r, 8), lambda: digits(r, 4) + letters(r, 1) + digits(r, 4),
        lambda: letters(r, 1) + digits(r, 2) + "-" + digits(r, 5), lambda: digits(r, 9),
        lambda: letters(r, 4) + digits(r, 5), lambda: "SN" + digits(r, 7),
    ])()


def mac(r: random.Random) -> str:
    sep = r.choice([":", "-"])
    return sep.join(f"{r.randrange(256):02x}" for _ in range(6))


def ipv4(r: random.Random) -> str:
    return r.choice([
        lambda: f"10.{r.randrange(256)}.{r.randrange(256)}.{r.randint(1, 254)}",
        lambda: f"192.168.{r.randrange(256)}.{r.randint(1, 254)}",
        lambda: f"172.{r.randint(16, 31)}.{r.randrange(256)}.{r.randint(1, 254)}",
        lambda: f"{r.choice([24, 47, 66, 71, 98, 107, 174, 208])}.{r.randrange(256)}.{r.randrange(256)}.{r.randint(1, 254)}",
    ])()


def ipv6(r: random.Random) -> str:
    return "2600:" + ":".join(f"{r.randrange(65536):x}" for _ in range(3)) + "::" + f"{r.randrange(65536):x}"


def email(r: random.Random, p: Person, domain: str | None = None) -> str:
    f = ascii_fold(p.first.lower()).replace(" ", "").replace("'", "")
    last = ascii_fold(p.last.lower()).replace(" ", "").replace("'", "")
    user = r.choice([f"{f}.{last}", f"{f[0]}{last}", f"{f}{last[0]}{r.randint(1, 99)}",
                     f"{last}{f[0]}", f"{f}_{last}{r.randint(40, 99)}", f"{last}.{f}"])
    return f"{user}@{domain or r.choice(EMAIL_DOMAINS)}"


def ascii_fold(s: str) -> str:
    table = str.maketrans("áéíóúñüèêëçÁÉÍÓÚÑÜÈ", "aeiounueeecAEIOUNUE")
    return s.translate(table)


def street(r: random.Random, pl: Place | None = None) -> str:
    kind = r.randrange(10)
    n = r.randint(2, 9899)
    if kind == 0 and (pl is None or pl.st == "IA"):
        return f"{r.randint(1000, 3999)} {r.choice(IOWA_AVES)}" if r.random() < 0.5 else \
            f"{r.randint(1000, 3999)} {r.randint(110, 390)}th St"
    if kind == 1:
        return f"{n} State Hwy {r.choice(MO_LETTERS)}"
    if kind == 2:
        return f"{n} {r.choice(['County Road', 'Co Rd', 'CR'])} {r.randint(2, 990)}"
    if kind == 3:
        return f"{n} Twp Rd {r.randint(100, 699)}"
    if kind == 4:
        return f"{r.randint(1000, 3999)} {letters(r, 1, 'ABCDEFGHI')} 1/2 Rd"
    if kind == 5:
        return f"{n} Road {r.randint(20, 240)}"
    if kind == 6:
        return f"{n} Old {r.choice(STREET_NAMES)} {r.choice(['Rd', 'Hwy', 'Trl'])}"
    if kind == 7:
        return f"{n} US Hwy {r.choice(['98', '19', '27', '60', '65', '6', '41', '301', '17'])} {r.choice(['N', 'S', 'E', 'W'])}"
    if kind == 8:
        return f"{r.randint(1, 499)} 1/2 {r.choice(STREET_NAMES)} {r.choice(SUFFIXES)}"
    return f"{n} {r.choice(STREET_NAMES)} {r.choice(SUFFIXES)}"


def unit(r: random.Random) -> str:
    return r.choice([f"Apt {r.randint(1, 24)}{r.choice('ABCD')}", f"Lot {r.randint(1, 80)}",
                     f"Trlr {r.randint(1, 40)}", f"Unit {r.choice('ABCDEF')}", f"# {r.randint(2, 30)}",
                     f"Apt. {r.randint(100, 320)}", "Upstairs", "Rear"])


def facility(r: random.Random, pl: Place, kind: str | None = None) -> str:
    kind = kind or r.choice(["hosp", "clinic", "pharm", "nh", "school", "employer", "dialysis"])
    sur = r.choice(LAST)
    if kind == "hosp":
        return r.choice([f"{pl.town} Regional Medical Center", f"{pl.county} County Memorial Hospital",
                         f"{pl.town} Community Hospital", f"St. {r.choice(['Bernadette', 'Casimir', 'Gerard', 'Rose of Lima'])} Hospital {pl.town}"])
    if kind == "clinic":
        return r.choice([f"{pl.town} Family Health Center", f"{pl.county} County Health Department",
                         f"{pl.town} Rural Health Clinic", f"{pl.county} Valley FQHC"])
    if kind == "pharm":
        return r.choice([f"{sur} Family Pharmacy", f"{pl.town} Drug", f"{sur} Apothecary",
                         f"{pl.town} Discount Pharmacy"])
    if kind == "nh":
        return r.choice([f"{pl.town} Nursing & Rehab", f"Good Shepherd Home of {pl.town}",
                         f"{pl.county} Manor Care Center", f"{sur} Residential Care"])
    if kind == "school":
        return r.choice([f"{pl.town} R-II School District", f"{pl.county} County Middle School",
                         f"{pl.town} Elementary", f"{pl.town} Christian Academy"])
    if kind == "dialysis":
        return f"{pl.county} County Dialysis"
    return r.choice([f"{pl.town} {r.choice(EMPLOYER_KINDS)}", f"{sur} {r.choice(EMPLOYER_KINDS)}",
                     f"{sur} Bros. {r.choice(EMPLOYER_KINDS)}"])
