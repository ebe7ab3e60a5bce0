#!/usr/bin/env python3
"""Write set S (heldout.jsonl beside this file): 270 identifier passages, 180 clean ones.

Standard library only, one file: pools, generators, identifier shapes, one-offs and clean
shapes together. Seed 20261215 for Python's `random`; nothing depends on set or hash order, so
the same bytes come out whatever PYTHONHASHSEED and working directory.

A passage is a list of text pieces and (value, CATEGORY) pairs; offsets are taken while the
text is assembled, so text[start:end] is the planted value by construction.
"""

from __future__ import annotations

import collections
import datetime
import json
import random
import string
from pathlib import Path

SEED = 20261215
R = random.Random(SEED)
OUT = Path(__file__).resolve().with_name("heldout.jsonl")

# ---------------------------------------------------------------------------------------------
# Places: (town, county, state, ZIP as remembered, area code). Not checked against a USPS file.
# ---------------------------------------------------------------------------------------------
FLINT_HILLS = [  # Kansas Flint Hills
    ("Cottonwood Falls", "Chase", "KS", "66845", "620"), ("Strong City", "Chase", "KS", "66869", "620"),
    ("Matfield Green", "Chase", "KS", "66862", "620"), ("Elmdale", "Chase", "KS", "66850", "620"),
    ("Clements", "Chase", "KS", "66840", "620"), ("Council Grove", "Morris", "KS", "66846", "620"),
    ("Dwight", "Morris", "KS", "66849", "785"), ("White City", "Morris", "KS", "66872", "785"),
    ("Wilsey", "Morris", "KS", "66873", "785"), ("Alta Vista", "Wabaunsee", "KS", "66834", "785"),
    ("Alma", "Wabaunsee", "KS", "66401", "785"), ("Eskridge", "Wabaunsee", "KS", "66423", "785"),
    ("Harveyville", "Wabaunsee", "KS", "66431", "785"), ("Admire", "Lyon", "KS", "66830", "620"),
    ("Americus", "Lyon", "KS", "66835", "620"), ("Olpe", "Lyon", "KS", "66865", "620"),
    ("Cassoday", "Butler", "KS", "66842", "620"), ("Madison", "Greenwood", "KS", "66860", "620"),
    ("Virgil", "Greenwood", "KS", "66870", "620"), ("Burdick", "Morris", "KS", "66838", "785"),
]
BOOTHEEL = [  # Missouri Bootheel
    ("Kennett", "Dunklin", "MO", "63857", "573"), ("Senath", "Dunklin", "MO", "63876", "573"),
    ("Hornersville", "Dunklin", "MO", "63855", "573"), ("Cardwell", "Dunklin", "MO", "63829", "573"),
    ("Arbyrd", "Dunklin", "MO", "63821", "573"), ("Holcomb", "Dunklin", "MO", "63852", "573"),
    ("Malden", "Dunklin", "MO", "63863", "573"), ("Hayti", "Pemiscot", "MO", "63851", "573"),
    ("Caruthersville", "Pemiscot", "MO", "63830", "573"), ("Steele", "Pemiscot", "MO", "63877", "573"),
    ("Cooter", "Pemiscot", "MO", "63839", "573"), ("Wardell", "Pemiscot", "MO", "63879", "573"),
    ("Braggadocio", "Pemiscot", "MO", "63826", "573"), ("Portageville", "New Madrid", "MO", "63873", "573"),
    ("Gideon", "New Madrid", "MO", "63848", "573"), ("Marston", "New Madrid", "MO", "63866", "573"),
    ("Lilbourn", "New Madrid", "MO", "63862", "573"), ("Risco", "New Madrid", "MO", "63874", "573"),
    ("Parma", "New Madrid", "MO", "63870", "573"),
]
IMPERIAL = [  # California's Imperial Valley and the Salton Sea shore
    ("Brawley", "Imperial", "CA", "92227", "760"), ("Calipatria", "Imperial", "CA", "92233", "760"),
    ("Westmorland", "Imperial", "CA", "92281", "760"), ("Holtville", "Imperial", "CA", "92250", "760"),
    ("Seeley", "Imperial", "CA", "92273", "760"), ("Niland", "Imperial", "CA", "92257", "760"),
    ("Calexico", "Imperial", "CA", "92231", "760"), ("Ocotillo", "Imperial", "CA", "92259", "760"),
    ("Winterhaven", "Imperial", "CA", "92283", "760"), ("Bombay Beach", "Imperial", "CA", "92257", "442"),
    ("Salton City", "Imperial", "CA", "92274", "442"), ("Desert Shores", "Imperial", "CA", "92274", "442"),
    ("Imperial", "Imperial", "CA", "92251", "760"),
]
SHENANDOAH = [  # Virginia's Shenandoah Valley
    ("Timberville", "Rockingham", "VA", "22853", "540"), ("Broadway", "Rockingham", "VA", "22815", "540"),
    ("Elkton", "Rockingham", "VA", "22827", "540"), ("Grottoes", "Rockingham", "VA", "24441", "540"),
    ("Bridgewater", "Rockingham", "VA", "22812", "540"), ("Dayton", "Rockingham", "VA", "22821", "540"),
    ("Keezletown", "Rockingham", "VA", "22832", "540"), ("Singers Glen", "Rockingham", "VA", "22850", "540"),
    ("Linville", "Rockingham", "VA", "22834", "540"), ("Bergton", "Rockingham", "VA", "22811", "540"),
    ("New Market", "Shenandoah", "VA", "22844", "540"), ("Edinburg", "Shenandoah", "VA", "22824", "540"),
    ("Toms Brook", "Shenandoah", "VA", "22660", "540"), ("Mount Jackson", "Shenandoah", "VA", "22842", "540"),
    ("Quicksburg", "Shenandoah", "VA", "22847", "540"), ("Luray", "Page", "VA", "22835", "540"),
    ("Weyers Cave", "Augusta", "VA", "24486", "540"), ("Mount Solon", "Augusta", "VA", "22843", "540"),
    ("Churchville", "Augusta", "VA", "24421", "540"), ("Stuarts Draft", "Augusta", "VA", "24477", "540"),
    ("Craigsville", "Augusta", "VA", "24430", "540"), ("Fort Defiance", "Augusta", "VA", "24437", "540"),
]
PEE_DEE = [  # South Carolina Pee Dee
    ("Lake View", "Dillon", "SC", "29563", "843"), ("Latta", "Dillon", "SC", "29565", "843"),
    ("Hamer", "Dillon", "SC", "29547", "843"), ("Little Rock", "Dillon", "SC", "29567", "843"),
    ("Mullins", "Marion", "SC", "29574", "843"), ("Nichols", "Marion", "SC", "29581", "843"),
    ("Sellers", "Marion", "SC", "29592", "843"), ("Pamplico", "Florence", "SC", "29583", "843"),
    ("Johnsonville", "Florence", "SC", "29555", "843"), ("Olanta", "Florence", "SC", "29114", "843"),
    ("Coward", "Florence", "SC", "29530", "843"), ("Scranton", "Florence", "SC", "29591", "843"),
    ("Timmonsville", "Florence", "SC", "29161", "843"), ("McColl", "Marlboro", "SC", "29570", "843"),
    ("Clio", "Marlboro", "SC", "29525", "843"), ("Blenheim", "Marlboro", "SC", "29516", "843"),
    ("Society Hill", "Darlington", "SC", "29593", "843"), ("Kingstree", "Williamsburg", "SC", "29556", "843"),
    ("Lane", "Williamsburg", "SC", "29564", "843"), ("Hemingway", "Williamsburg", "SC", "29554", "843"),
    ("Greeleyville", "Williamsburg", "SC", "29056", "843"),
]
RED_RIVER = [  # Red River Valley of the North
    ("Hillsboro", "Traill", "ND", "58045", "701"), ("Mayville", "Traill", "ND", "58257", "701"),
    ("Portland", "Traill", "ND", "58274", "701"), ("Hatton", "Traill", "ND", "58240", "701"),
    ("Buxton", "Traill", "ND", "58218", "701"), ("Reynolds", "Grand Forks", "ND", "58275", "701"),
    ("Northwood", "Grand Forks", "ND", "58267", "701"), ("Larimore", "Grand Forks", "ND", "58251", "701"),
    ("Grafton", "Walsh", "ND", "58237", "701"), ("Drayton", "Pembina", "ND", "58225", "701"),
    ("Mountain", "Pembina", "ND", "58262", "701"), ("Cavalier", "Pembina", "ND", "58220", "701"),
    ("Kindred", "Cass", "ND", "58051", "701"), ("Casselton", "Cass", "ND", "58012", "701"),
    ("Argusville", "Cass", "ND", "58005", "701"), ("Abercrombie", "Richland", "ND", "58001", "701"),
    ("Ada", "Norman", "MN", "56510", "218"), ("Halstad", "Norman", "MN", "56548", "218"),
    ("Hendrum", "Norman", "MN", "56550", "218"), ("Shelly", "Norman", "MN", "56581", "218"),
    ("Perley", "Norman", "MN", "56574", "218"), ("Hallock", "Kittson", "MN", "56728", "218"),
    ("Argyle", "Marshall", "MN", "56713", "218"), ("Stephen", "Marshall", "MN", "56757", "218"),
    ("Euclid", "Polk", "MN", "56722", "218"), ("Felton", "Clay", "MN", "56536", "218"),
]
KEYS = [  # Florida Keys
    ("Islamorada", "Monroe", "FL", "33036", "305"), ("Tavernier", "Monroe", "FL", "33070", "305"),
    ("Key Largo", "Monroe", "FL", "33037", "305"), ("Marathon", "Monroe", "FL", "33050", "305"),
    ("Big Pine Key", "Monroe", "FL", "33043", "305"), ("Summerland Key", "Monroe", "FL", "33042", "305"),
    ("Cudjoe Key", "Monroe", "FL", "33042", "305"), ("Sugarloaf Key", "Monroe", "FL", "33042", "305"),
    ("Key Colony Beach", "Monroe", "FL", "33051", "305"), ("Layton", "Monroe", "FL", "33001", "305"),
    ("Duck Key", "Monroe", "FL", "33050", "305"), ("Stock Island", "Monroe", "FL", "33040", "305"),
    ("Ramrod Key", "Monroe", "FL", "33042", "305"), ("Little Torch Key", "Monroe", "FL", "33042", "305"),
]
PLACES = FLINT_HILLS + BOOTHEEL + IMPERIAL + SHENANDOAH + PEE_DEE + RED_RIVER + KEYS
STATE_NAMES = {"KS": "Kansas", "MO": "Missouri", "CA": "California", "VA": "Virginia",
               "SC": "South Carolina", "ND": "North Dakota", "MN": "Minnesota", "FL": "Florida"}

# ---------------------------------------------------------------------------------------------
# Names typed here (no real person intended), combined at random.
# ---------------------------------------------------------------------------------------------
WOMEN = (
    # Icelandic-descended families of Pembina County
    "Thorunn Sigrun Gudny Asta Ragnhild Solveig "
    # Kaw and Prairie Band Potawatomi families
    "Wanona Mary-Lou Leatrice Odessa "
    # Swedish Kansans
    "Signe Elvira Agda Britta "
    # Bootheel cotton-country families
    "Dessie Inez Lavelle Verna Ruby-Jean Oleta "
    # Shenandoah Valley Brethren families
    "Orpha Elva Lodema Ruth-Ann Fannie "
    # Pee Dee families
    "Essie Arvella Jerlean Queen Lula Geneva-Mae Pearlie "
    # Conch families of the Keys
    "Wilhelmina Earline Cordelia Viola "
    # Cuban families
    "Odalys Yaneisy Mayelín Yusimí Maritza Yamilé "
    # Dinka and Nuer families
    "Nyandeng Achol Abuk Nyakuoth Nyabol Ajak "
    # Yemeni and Chaldean families
    "Fatehia Arwa Nahrain Samira "
    # word names and recent baby names
    "Clover Lark Poppy Marigold Goldie Velvet Misty Holly Robin Shelby Kehlani Oaklee Azariah "
    "Brynn Tinsley Journee Emmylou Delphine"
).split()
MEN = (
    "Hjalmar Kristjan Snorri Thorstein Valdimar Halldor "
    "Elmer-Joe Lucien Ambrose Curtis "
    "Einar Algot Gunnar Nels "
    "Verlon Loyd Odell Cleatus Hollis Delmer "
    "Roby Otho Galen Dwight Amos "
    "Ulysses Clevon Prince Booker Rufus Junious "
    "Thaddeus Norberg Alonzo Sidney "
    "Yunier Lázaro Yoandy Osmany Reinier Yordanis "
    "Garang Majok Makuei Gatkuoth Gatluak Mabior "
    "Mukhtar Nabil Waleed Ramzi "
    "Sonny Dewey Clay Reed Cliff Forrest Ridge Brantley Jaxxon Kashton Ledger-Ray Wade "
    "Hollister Boone Lyle Emmett"
).split()
SURNAMES = (
    "Thorfinnson Einarson Bjornson Hallgrimson Olafson Sigurdson Gislason Thorlakson "
    "Pappan Mehojah Bellmard Wahwassuck Shopteese Kitchkommie Mzhickteno Nioce "
    "Lindholm Engstrand Dahlsten Nordling Hedberg Swenson "
    "Pankey Hux Stallings Jines Frakes Yarbro Shipman Pruett Tinnin "
    "Flory Garber Wampler Zirkle Funkhouser Fulk Dovel Shifflett Hottinger Ritchie Showalter "
    "McCutcheon Dozier Gause Tisdale Legette Gasque McCrea Cusaac Witherspoon Epps "
    "Pinder Albury Knowles Sweeting Bethel Saunders Cates Lowe "
    "Fajardo Cepero Villalobos Iglesias Sotolongo Perdomo Cabrera "
    "Garang Majok Akech Bol Mabior Manyang Chuol Riek Gatwech Kuol "
    "Alsaidi Almontaser Ghaleb Alhubaishi Nagi Kassab Yono Shamoun Jarbo Kattoula "
    # word surnames
    "Mole Pepper Lamb Crouch Lipp Pickle Ware Toll Bunch Corn Cane Vines Sparks Bowlin "
    # eponym surnames whose eponyms sit in the clean passages
    "Stokes Adson Finkelstein Schober Neer Galeazzi Goodell Hegar Naegele Nikolsky Virchow Boas "
    "Blumberg Markle Froment Kanavel Heberden Osgood Haglund Mulder Simmonds Apley Chaddock "
    "Oppenheim Gordon Schirmer Seidel Corrigan Quincke Roth Kerley Hamman Osborn Wenckebach "
    "Bazett Wellens Charcot Zenker Meckel Ogilvie Riedel Erb Klumpke Moro Noonan Kussmaul"
).split()
EPONYM_SURNAMES = SURNAMES[SURNAMES.index("Stokes"):]
NICKNAMES = ["Sis", "Bubber", "Tiny", "Doodle", "Peaches", "Slim", "Boots", "Hoss", "Cotton", "Bitsy"]

COUNT: collections.Counter = collections.Counter()  # value (lower case) -> passages holding it


def free(pool: list[str]) -> list[str]:
    return [x for x in pool if COUNT[x.lower()] < 2] or pool


class Person:
    def __init__(self, sex: str | None = None, surname: str | None = None):
        self.sex = sex or R.choice("FM")
        self.given = R.choice(free(WOMEN if self.sex == "F" else MEN))
        if surname:
            self.sur = surname
        elif R.random() < 1 / 12:
            a, b = R.sample(free(SURNAMES), 2)
            self.sur = f"{a}-{b}"
        else:
            self.sur = R.choice(free(SURNAMES))
        self.mi = R.choice("ABCDEFGHJKLMNPRSTVW")

    @property
    def full(self) -> str:
        return f"{self.given} {self.sur}"

    @property
    def fullm(self) -> str:
        return f"{self.given} {self.mi}. {self.sur}"

    @property
    def last_first(self) -> str:
        return f"{self.sur}, {self.given}"

    @property
    def caps(self) -> str:
        return f"{self.sur.upper()}, {self.given.upper()} {self.mi}"

    @property
    def init_dots(self) -> str:
        return f"{self.given[0]}.{self.mi}.{self.sur[0]}."

    @property
    def init_plain(self) -> str:
        return f"{self.given[0]}{self.sur[0]}"

    @property
    def f_last(self) -> str:
        return f"{self.given[0]}. {self.sur}"

    @property
    def title(self) -> str:
        return "Ms." if self.sex == "F" else "Mr."

    @property
    def he(self) -> str:
        return "she" if self.sex == "F" else "he"

    @property
    def his(self) -> str:
        return "her" if self.sex == "F" else "his"


# ---------------------------------------------------------------------------------------------
# Passage assembly
# ---------------------------------------------------------------------------------------------
class Passage:
    def __init__(self) -> None:
        self.parts: list[tuple[str, str | None]] = []

    def t(self, s: str) -> Passage:
        self.parts.append((s, None))
        return self

    def v(self, s: str, cat: str) -> Passage:
        assert s == s.strip() and s, (s, cat)
        self.parts.append((s, cat))
        return self

    def build(self, case: str = "") -> tuple[str, list[list]]:
        text, spans = "", []
        for s, cat in self.parts:
            if case == "upper":
                s = s.upper()
            elif case == "lower":
                s = s.lower()
            if cat:
                spans.append([len(text), len(text) + len(s), cat])
            text += s
        return text, spans


# ---------------------------------------------------------------------------------------------
# Value generators
# ---------------------------------------------------------------------------------------------
def digits(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def letters(n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
    return "".join(R.choice(alphabet) for _ in range(n))


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
    first = R.choice("ABFGM")
    d = [R.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + surname[0].upper() + "".join(map(str, d)) + str(check)


def imei() -> str:
    body = R.choice(["35", "86", "01", "35", "49"]) + digits(12)
    return body + luhn_digit(body)


VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin() -> str:
    wmi = R.choice(["1FT", "1GC", "3GT", "1C6", "5TF", "1N6", "JTD", "2T3", "1HG", "4T1", "1FM", "3C6"])
    chars = list(wmi + "".join(R.choice(VIN_CH) for _ in range(5)) + "0"
                 + R.choice("GHJKLMNPRS") + R.choice(VIN_CH) + digits(6))
    total = sum(VIN_VAL[c] * w for c, w in zip(chars, VIN_W))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def plate(state: str) -> str:
    shapes = {
        "KS": lambda: f"{digits(3)} {letters(3)}",
        "MO": lambda: f"{letters(2)}{digits(1)} {letters(1)}{digits(1)}{letters(1)}",
        "CA": lambda: f"{R.randint(6, 9)}{letters(3)}{digits(3)}",
        "VA": lambda: f"{letters(3)}-{digits(4)}",
        "SC": lambda: f"{letters(3)} {digits(3)}",
        "ND": lambda: f"{digits(3)} {letters(3)}",
        "MN": lambda: f"{letters(3)} {digits(3)}",
        "FL": lambda: R.choice([f"{letters(4)}{digits(2)}", f"{letters(3)} {letters(1)}{digits(2)}"]),
    }
    return shapes[state]()


def phone(area: str, form: int | None = None) -> str:
    ex, ln = str(R.randint(212, 989)), digits(4)
    form = R.randrange(8) if form is None else form
    return [f"({area}) {ex}-{ln}", f"{area}-{ex}-{ln}", f"{area}.{ex}.{ln}", f"{area} {ex} {ln}",
            f"+1 {area} {ex} {ln}", f"1-{area}-{ex}-{ln}", f"{area}{ex}{ln}",
            f"({area}) {ex}-{ln} ext. {R.randint(2, 899)}"][form]


def ssn(form: int | None = None) -> str:
    a, b, c = f"{R.randint(101, 665):03d}", f"{R.randint(1, 99):02d}", f"{R.randint(1, 9999):04d}"
    form = R.randrange(3) if form is None else form
    return [f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"][form]


def last4() -> str:
    return f"{R.randint(1, 9999):04d}"


def mbi() -> str:
    alpha = "ACDEFGHJKMNPQRTUVWXY"
    s = (str(R.randint(1, 9)) + R.choice(alpha) + R.choice(alpha + string.digits) + digits(1)
         + R.choice(alpha) + R.choice(alpha + string.digits) + digits(1) + R.choice(alpha)
         + R.choice(alpha) + digits(2))
    return R.choice([s, f"{s[:4]}-{s[4:7]}-{s[7:]}"])


def mrn() -> str:
    return R.choice([
        lambda: digits(7), lambda: f"{digits(2)}-{digits(3)}-{digits(3)}", lambda: f"K{digits(8)}",
        lambda: f"{digits(6)}-{digits(1)}", lambda: f"00{digits(6)}", lambda: f"{digits(3)} {digits(4)}",
        lambda: f"MR{digits(6)}", lambda: f"{letters(1)}{digits(3)}-{digits(4)}",
    ])()


def account(kind: str = "") -> str:
    return R.choice([
        lambda: f"{letters(3)}{digits(9)}", lambda: f"{digits(4)}-{digits(5)}",
        lambda: f"{digits(11)}", lambda: f"W{digits(8)}{R.choice('ABC')}",
        lambda: f"{letters(2)}-{digits(6)}", lambda: f"{digits(3)}-{digits(3)}-{digits(3)}-{letters(1)}",
    ])()


def serial() -> str:
    return R.choice([
        lambda: f"{letters(2)}{digits(7)}", lambda: f"{digits(2)}{letters(1)}{digits(6)}",
        lambda: f"{letters(3)}-{digits(6)}", lambda: f"{digits(4)}-{digits(4)}-{letters(2)}",
        lambda: f"{letters(1)}{digits(9)}", lambda: f"{digits(10)}{letters(1)}",
        lambda: f"{letters(4)}{digits(5)}", lambda: f"{digits(3)}{letters(2)}{digits(4)}",
    ])()


def state_license(state: str) -> str:
    return {
        "KS": lambda: f"{R.choice(['04', '05', '13', '14'])}-{digits(5)}",
        "MO": lambda: f"{R.randint(1998, 2024)}-{digits(6)}",
        "CA": lambda: f"{R.choice(['A', 'G', 'C'])} {digits(6)}",
        "VA": lambda: f"{R.choice(['0904', '0701', '0501'])}-{digits(6)}",
        "SC": lambda: f"{digits(5)}",
        "ND": lambda: f"{R.choice(['R', 'L', 'C'])}{digits(5)}",
        "MN": lambda: f"{digits(5)}-{R.choice(['A', 'B'])}",
        "FL": lambda: f"{R.choice(['OS', 'MT', 'PT', 'SW'])} {digits(5)}",
    }[state]()


def drivers_license(state: str) -> str:
    return {
        "KS": lambda: f"K{digits(2)}-{digits(2)}-{digits(4)}",
        "MO": lambda: f"{letters(1)}{digits(9)}",
        "CA": lambda: f"{letters(1)}{digits(7)}",
        "VA": lambda: f"T{digits(2)}-{digits(2)}-{digits(4)}",
        "SC": lambda: digits(9),
        "ND": lambda: f"{letters(3)} {digits(2)} {digits(4)}",
        "MN": lambda: f"{letters(1)} {digits(3)} {digits(3)} {digits(3)} {digits(3)}",
        "FL": lambda: f"{letters(1)}{digits(3)}-{digits(3)}-{digits(2)}-{digits(3)}-{digits(1)}",
    }[state]()


def ipv4(private: bool | None = None) -> str:
    private = R.random() < 0.5 if private is None else private
    if private:
        return R.choice([f"10.{R.randint(0, 254)}.{R.randint(0, 254)}.{R.randint(2, 254)}",
                         f"192.168.{R.randint(0, 254)}.{R.randint(2, 254)}",
                         f"172.{R.randint(16, 31)}.{R.randint(0, 254)}.{R.randint(2, 254)}"])
    return f"{R.choice([24, 47, 68, 73, 98, 107, 136, 162, 174, 199, 208])}.{R.randint(1, 254)}." \
           f"{R.randint(0, 254)}.{R.randint(2, 254)}"


def ipv6() -> str:
    return f"2600:{R.randint(0x1000, 0xffff):x}:{R.randint(0x100, 0xffff):x}:{R.randint(1, 0xfff):x}::" \
           f"{R.randint(1, 0xffff):x}"


def ip() -> str:
    return ipv6() if R.random() < 0.25 else ipv4()


MAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "att.net",
                "centurylink.net", "keysmail.net", "mchsi.com", "ntelos.net", "ruralwaves.us",
                "drtel.net", "flinthills.net", "bootheelnet.com", "ivpost.net"]


def email(p: Person, domain: str | None = None) -> str:
    g, s = p.given.lower().replace("á", "a").replace("í", "i").replace("é", "e"), \
        p.sur.lower().replace("-", "")
    user = R.choice([f"{g}.{s}", f"{g[0]}{s}", f"{g}{s[:3]}{R.randint(1, 99)}", f"{s}.{g[0]}",
                     f"{g}_{R.randint(1940, 2012)}"])
    return f"{user}@{domain or R.choice(MAIL_DOMAINS)}"


def slug(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
             "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
             "twenty-eighth"]


def rdate(y0: int, y1: int) -> datetime.date:
    return datetime.date(R.randint(y0, y1), R.randint(1, 12), R.randint(1, 28))


def fdate(d: datetime.date, form: int | None = None) -> str:
    m = MONTHS[d.month - 1]
    form = R.randrange(14) if form is None else form
    return [
        f"{d.month}/{d.day}/{d.year}", f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{d.month}/{d.day}/{d.year % 100:02d}", d.isoformat(), f"{m} {d.day}, {d.year}",
        f"{m[:3]}. {d.day}, {d.year}", f"{d.day} {m} {d.year}", f"{d.day:02d}{m[:3].upper()}{d.year}",
        f"{d.day:02d}-{m[:3]}-{d.year}", f"{d.month}-{d.day}-{d.year}", f"{d.year}/{d.month:02d}/{d.day:02d}",
        f"{m[:3]} {d.day}", f"{d.month}/{d.day}", f"{m} {d.year}",
    ][form]


def spoken_date(d: datetime.date) -> str:
    return f"{MONTHS[d.month - 1].lower()} {ORD_WORDS[d.day - 1]}"


AGE_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
             95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight",
             99: "ninety-nine", 100: "one hundred", 101: "a hundred and one", 102: "one hundred two"}


def age(words: bool = False) -> str:
    a = R.choice([90, 91, 91, 92, 93, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103])
    if words and a in AGE_WORDS:
        return AGE_WORDS[a]
    return str(a)


def place(pool: list | None = None) -> tuple[str, str, str, str, str]:
    cands = [p for p in (pool or PLACES) if COUNT[p[0].lower()] < 2] or (pool or PLACES)
    return R.choice(cands)


def zipcode(pl: tuple) -> str:
    z = pl[3] if R.random() < 0.5 else pl[3][:3] + f"{R.randint(1, 99):02d}"
    return z + (f"-{digits(4)}" if R.random() < 0.3 else "")


STREET_WORDS = ["Bluestem", "Tallgrass", "Cattle Pen", "Stone Fence", "Cotton Gin", "Gin House",
                "Spillway", "Levee", "Sugar Beet", "Alfalfa Mill", "Date Palm", "Canal Gate",
                "Tamarisk", "Apple Butter", "Turkey Barn", "Covered Bridge", "Tobacco Barn",
                "Tenant House", "Swamp Fox", "Bay Branch", "Flax Mill", "Elevator", "Oxbow", "Coulee",
                "Conch Shell", "Mangrove", "Sponge Dock", "Tarpon", "Cistern", "Lime Kiln",
                "Pasture Gate", "Threshing", "Sorghum"]
SUFFIXES = ["Rd", "Road", "Ln", "Lane", "Dr", "Trl", "Trail", "Pass", "Way", "Ave", "St", "Ct",
            "Pl", "Cir", "Path", "Run", "Hts", "Knl", "Mdws", "Holw", "Pt", "Rdg", "Sq", "Ter",
            "Vw", "Walk", "Cv", "Blf", "Byu", "Clf", "Frst", "Gln", "Grn", "Ldg", "Mnr", "Orch",
            "Pne", "Pkwy", "Shl", "Spgs", "Sta", "Vly", "Xrd", "Ests", "Hbr", "Is", "Jct"]
REGION_ROADS = {
    "KS": ["K-177", "US Hwy 50", "Road V", "Middle Creek Rd", "County Rd 340", "K-4"],
    "MO": ["State Hwy 412", "Route YY", "County Rd 210", "State Hwy 164", "Route E"],
    "CA": ["Hwy 111", "Forrester Rd", "Dogwood Rd", "English Rd", "Hwy 86", "Keystone Rd"],
    "VA": ["Rt 42", "Rt 259", "Rt 11", "Rt 340", "Rt 613", "Rt 257"],
    "SC": ["Hwy 9", "Hwy 41", "Hwy 378", "Hwy 52", "Hwy 512"],
    "ND": ["County Rd 17", "Hwy 18", "County Rd 81", "Hwy 200", "30th St NE"],
    "MN": ["County Hwy 39", "Hwy 75", "County Rd 1", "Hwy 9"],
    "FL": ["Overseas Hwy", "Old State Rd 4A", "Key Deer Blvd", "Avenue C"],
}
UNITS = ["Apt 2", "Apt B", "Unit 4", "Lot 17", "Trlr 6", "Spc 31", "# 3", "Rear", "Upper",
         "Bsmt", "Ste 110", "Dock 9", "Slip C-14", "Bldg 2"]


def street(pl: tuple) -> str:
    r = R.random()
    if r < 0.55:
        return f"{R.randint(2, 9899)} {R.choice(STREET_WORDS)} {R.choice(SUFFIXES)}"
    if r < 0.8:
        if pl[2] == "FL" and R.random() < 0.5:
            return f"MM {R.randint(4, 106)} {R.choice(['Overseas Hwy', 'Overseas Highway'])}"
        return f"{R.randint(100, 29999)} {R.choice(REGION_ROADS[pl[2]])}"
    if r < 0.9:
        return f"PO Box {R.randint(3, 2999)}"
    return f"RR {R.randint(1, 5)} Box {R.randint(10, 299)}{R.choice(['', 'A', 'B'])}"


# Facilities typed here and composed from the towns.
HOSPITALS = ["Morris County Hospital", "Newman Regional Health", "Twin Rivers Regional Medical Center",
             "Pemiscot Memorial Health Systems", "Missouri Delta Medical Center", "Pioneers Memorial Hospital",
             "El Centro Regional Medical Center", "Sentara RMH Medical Center", "Page Memorial Hospital",
             "Augusta Health", "McLeod Health Dillon", "Carolina Pines Regional Medical Center",
             "Williamsburg Regional Hospital", "Sanford Mayville Medical Center", "Essentia Health Ada",
             "Kittson Healthcare", "Pembina County Memorial Hospital", "Unity Medical Center",
             "Mariners Hospital", "Fishermen's Community Hospital", "Lower Keys Medical Center",
             "Stormont Vail Flint Hills Campus", "Saint Francis Medical Center", "Clinicas de Salud del Pueblo"]
KINDS = ["Family Clinic", "Rural Health Clinic", "Pharmacy", "Drug", "Senior Center", "Community Clinic",
         "Adult Day Services", "Rescue Squad", "Fire District", "Medical Clinic", "Health Center"]


def hospital(pl: tuple | None = None) -> str:
    left = [h for h in HOSPITALS if COUNT[h.lower()] < 2]
    if left and R.random() < 0.6:
        return R.choice(left)
    pl = pl or place()
    return R.choice([f"{pl[0]} Community Hospital", f"{pl[1]} County Memorial Hospital",
                     f"{pl[0]} Medical Center", f"{pl[1]} County Hospital District"])


def facility(pl: tuple | None = None, kind: str | None = None) -> str:
    pl = pl or place()
    if kind is None and R.random() < 0.45:
        return hospital(pl)
    k = kind or R.choice(KINDS)
    return R.choice([f"{pl[0]} {k}", f"{pl[1]} County {k}"]) if k not in ("Drug",) else f"{pl[0]} Drug"


# ---------------------------------------------------------------------------------------------
# Identifier shapes
# ---------------------------------------------------------------------------------------------
def name_any(p: Passage, per: Person, forms: tuple = ("full", "fullm", "last_first", "caps")) -> None:
    p.v(getattr(per, R.choice(forms)), "NAME")


def sh_alg() -> tuple[Passage, str]:
    """Allergen immunotherapy injection record."""
    pt, nurse, md = Person(), Person("F"), Person()
    pl = place()
    d0 = rdate(2025, 2026)
    p = Passage().t("ALLERGEN IMMUNOTHERAPY INJECTION RECORD\nPatient: ").v(pt.caps, "NAME")
    p.t("   DOB: ").v(fdate(rdate(1930, 2015), R.choice([0, 1, 3, 7])), "DATE")
    p.t("   MRN: ").v(mrn(), "MRN").t("\nPrescribing allergist: Dr. ").v(md.sur, "NAME")
    p.t(" | Extract mixed at ").v(facility(pl, R.choice(["Family Clinic", "Medical Clinic"])), "FACILITY")
    p.t("\nVial set: maintenance (red cap), 1:1 v/v, expires in 11 months per label\n")
    for i in range(R.choice([2, 3])):
        d = d0 + datetime.timedelta(days=7 * i)
        p.v(fdate(d, R.choice([0, 1, 12])), "DATE").t(f"  {R.choice(['L', 'R'])} arm  0.{R.randint(1, 5)}0 mL  ")
        p.t("wheal 6 mm at 30 min  ").v(nurse.init_plain, "NAME").t("\n")
    if R.random() < 0.5:
        p.t("Note: ").v(pt.given, "NAME").t(" ")
    else:
        p.t(f"Note: {pt.title} ").v(pt.sur, "NAME").t(" ")
    p.t("reported a large local reaction at home last visit; called from ").v(phone(pl[4]), "PHONE")
    p.t(". Lives in ").v(pl[0], "LOCATION").t(", drives in 40 minutes; stays 30 min after each shot.")
    if R.random() < 0.5:
        p.t(" Reaction diary: ").v(f"https://portal.{slug(pl[0])}clinic.org/diary/{digits(6)}", "URL")
    if R.random() < 0.4:
        p.t(f" Patient is ").v(age(), "AGE").t(" and still wants to continue.")
    p.t("\nRN: ").v(nurse.f_last, "NAME").t(", RN")
    return p, ""


def sh_crh() -> tuple[Passage, str]:
    """Cardiac rehabilitation session flowsheet."""
    pt, ep, ref = Person(), Person(), Person()
    pl = place()
    p = Passage().t("Cardiac Rehab Phase II - Session ").t(f"{R.randint(3, 35)} of 36\n")
    p.t("Participant: ").v(pt.full, "NAME").t(" (").v(age(), "AGE").t(" y)   Chart: ").v(mrn(), "MRN")
    p.t("\nDate: ").v(fdate(rdate(2026, 2026), R.choice([0, 3, 5])), "DATE")
    p.t("   Dx: CABG x3 on ").v(fdate(rdate(2025, 2026), R.choice([2, 4, 11])), "DATE")
    p.t("\nReferring: Dr. ").v(ref.given + " " + ref.sur, "NAME").t(", NPI ").v(npi(), "LICENSE")
    p.t("\nProgram: ").v(facility(pl, "Health Center") if R.random() < 0.5 else hospital(),
                          "FACILITY")
    p.t("\nTelemetry transmitter S/N ").v(serial(), "DEVICE").t(" on lead II; central station ")
    p.v(ipv4(True), "IP").t("\nTreadmill 1.8 mph 2% 15 min, NuStep L4 15 min; RPE 12-13; HR 88-104; ")
    p.t("BP pre 128/74 post 136/70. No ectopy.\n")
    p.v(pt.given, "NAME").t(" says the drive from ").v(pl[0], "LOCATION")
    p.t(" is hard on winter mornings. Wife's cell for weather cancellations: " if pt.sex == "M"
        else " is hard on winter mornings. Daughter's cell for weather cancellations: ")
    p.v(phone(pl[4]), "PHONE").t("\nExercise physiologist: ").v(ep.full, "NAME").t(", MS, CEP")
    return p, ""


def sh_otp() -> tuple[Passage, str]:
    """Opioid treatment program guest-dosing request."""
    pt, md, cn = Person(), Person(), Person()
    home, away = place(), place()
    p = Passage().t("GUEST DOSING REQUEST - OPIOID TREATMENT PROGRAM\nFrom: ")
    p.v(f"{home[1]} County Treatment Services", "FACILITY").t(", ").v(street(home), "ADDRESS").t(", ")
    p.v(home[0], "LOCATION").t(f", {home[2]} ").v(zipcode(home), "ZIP")
    p.t("\nTo: ").v(f"{away[0]} Recovery Center", "FACILITY").t("   Fax: ").v(phone(away[4], R.choice([0, 1])), "FAX")
    p.t("\nPatient: ").v(pt.last_first, "NAME").t("   DOB ").v(fdate(rdate(1950, 2003), R.choice([0, 1, 4])), "DATE")
    p.t("   SSN (last 4): ").v(last4(), "SSN").t("\nCentral registry #: ").v(account(), "ACCOUNT")
    d = rdate(2026, 2026)
    p.t(f"\nDose: methadone {R.choice([45, 60, 80, 95, 110])} mg liquid daily. Guest dates ").v(fdate(d, 11), "DATE")
    p.t(" through ").v(fdate(d + datetime.timedelta(days=R.randint(3, 12)), 11), "DATE")
    p.t(f" (family funeral). Last dose here will be observed.\nMedical director: ")
    p.v(md.fullm, "NAME").t(", DO   DEA ").v(dea(md.sur), "LICENSE").t("\nCounselor: ").v(cn.full, "NAME")
    p.t(", LCADC  ").v(phone(home[4], 7), "PHONE").t("  ").v(email(cn, f"{slug(home[1])}cts.org"), "EMAIL")
    return p, ""


def sh_fmla() -> tuple[Passage, str]:
    """FMLA certification of a health care provider."""
    emp, hr, prov = Person(), Person("F"), Person()
    pl = place()
    p = Passage().t("Certification of Health Care Provider for Employee's Serious Health Condition\n")
    p.t("Section I (employer): ").v(facility(pl, R.choice(["Fire District", "Senior Center"]))
                                      if R.random() < 0.3 else R.choice(
        [f"{pl[0]} Grain Co-op", f"{pl[1]} County Road and Bridge", f"{pl[0]} Packing Shed",
         f"{pl[0]} Public Schools", f"{pl[1]} Electric Cooperative"]), "FACILITY")
    p.t("\nEmployee: ").v(emp.full, "NAME").t("   Employee ID ").v(f"E{digits(6)}", "ACCOUNT")
    p.t("   SSN last four ").v(last4(), "SSN")
    p.t("\nHR contact: ").v(hr.full, "NAME").t("  fax ").v(phone(pl[4]), "FAX").t("  ")
    p.v(email(hr, f"{slug(pl[0])}.{R.choice(['coop', 'k12.us', 'org'])}"), "EMAIL")
    p.t("\nReturn by ").v(fdate(rdate(2026, 2026), R.choice([4, 5, 0])), "DATE")
    p.t(" or upload at ").v(f"https://leave.{slug(pl[1])}benefits.com/claim/{digits(7)}", "URL")
    p.t("\nSection III (provider): Condition began ").v(fdate(rdate(2025, 2026), R.choice([13, 0, 4])), "DATE")
    p.t("; lumbar radiculopathy, L5; flare-ups 1-2 times per month lasting 1-3 days; PT twice weekly x 6 weeks.\n")
    p.t("Provider: ").v(prov.full, "NAME").t(", PA-C   NPI ").v(npi(), "LICENSE")
    p.t("   Phone ").v(phone(pl[4]), "PHONE")
    return p, ""


def sh_esa() -> tuple[Passage, str]:
    """Letter for an emotional support animal to a landlord."""
    tn, ll, cl = Person(), Person(), Person()
    pl = place()
    dt = rdate(2026, 2026)
    p = Passage().v(fdate(dt, R.choice([4, 6])), "DATE").t("\n\nTo: ").v(ll.full, "NAME")
    p.t(", property manager, ").v(R.choice([f"{pl[0]} Housing Authority", f"{ll.sur.split('-')[0]} Rentals LLC",
                                            f"{pl[1]} Properties"]), "FACILITY")
    p.t("\nRe: reasonable accommodation for ").v(tn.full, "NAME").t(", ").v(street(pl), "ADDRESS")
    if R.random() < 0.6:
        p.t(", ").v(R.choice(UNITS), "ADDRESS")
    p.t(", ").v(pl[0], "LOCATION").t(f", {pl[2]} ").v(zipcode(pl), "ZIP")
    p.t(f"\n\n{tn.title} ").v(tn.sur, "NAME").t(" has been in my care since ")
    p.v(fdate(rdate(2023, 2025), 13), "DATE").t(f" and has a condition that limits a major life activity. ")
    p.t(f"{tn.he.capitalize()} asks to keep one dog (microchip ").v(f"985{digits(12)}", "DEVICE")
    p.t(") in the unit as an emotional support animal; the animal eases symptoms I treat.\n\n")
    p.t("Sincerely,\n").v(cl.fullm, "NAME").t(", LCSW, license ").v(state_license(pl[2]), "LICENSE")
    p.t("\n").v(phone(pl[4]), "PHONE").t(" | ").v(email(cl), "EMAIL")
    return p, ""


def sh_mcc() -> tuple[Passage, str]:
    """Medical cannabis patient certification."""
    pt, cg, md = Person(), Person(), Person()
    pl = place()
    case = "upper" if R.random() < 0.25 else ""
    p = Passage().t("Medical Cannabis Patient Certification\nPatient name: ").v(pt.full, "NAME")
    p.t("\nDate of birth: ").v(fdate(rdate(1928, 2004), R.choice([0, 1, 9])), "DATE")
    p.t("\nResidence: ").v(street(pl), "ADDRESS").t(", ").v(pl[0], "LOCATION").t(f" {pl[2]} ").v(zipcode(pl), "ZIP")
    p.t("\nDriver license/ID: ").v(drivers_license(pl[2]), "LICENSE")
    p.t("\nQualifying condition: intractable pain; chronic nausea")
    if R.random() < 0.4:
        p.t("\nAge at certification: ").v(age(), "AGE")
    p.t("\nDesignated caregiver: ").v(cg.full, "NAME").t(" (").v(phone(pl[4]), "PHONE").t(")")
    p.t("\nRegistry ID: ").v(f"{pl[2]}-{digits(8)}" if R.random() < 0.5 else account(), "ACCOUNT")
    p.t("\nCertifying physician: ").v(md.full, "NAME").t(", MD, license ").v(state_license(pl[2]), "LICENSE")
    p.t("\nCertified ").v(fdate(rdate(2026, 2026), R.choice([0, 3, 8])), "DATE")
    p.t("; renew online at ").v(f"https://mmj.{slug(STATE_NAMES[pl[2]])}.gov/renew/{digits(6)}", "URL")
    p.t("\nPatient e-mail: ").v(email(pt), "EMAIL")
    return p, case


def sh_pro() -> tuple[Passage, str]:
    """Prosthetist's fitting and delivery ticket."""
    pt, cp, md = Person(), Person(), Person()
    pl = place()
    p = Passage().t("DELIVERY TICKET - transtibial prosthesis, definitive\n")
    p.t("Pt: ").v(pt.last_first, "NAME").t("  Acct ").v(account(), "ACCOUNT").t("  Chart ").v(mrn(), "MRN")
    p.t("\nDelivered: ").v(fdate(rdate(2026, 2026), R.choice([0, 7, 8])), "DATE").t(" at ")
    p.v(f"{pl[0]} Orthotics & Prosthetics", "FACILITY")
    p.t("\nL5301 socket, L5673 liner x2, L5981 foot. Foot S/N ").v(serial(), "DEVICE")
    p.t("; pylon S/N ").v(serial(), "DEVICE").t(".\nPrior auth ").v(f"PA{digits(9)}", "ACCOUNT")
    p.t(" good through ").v(fdate(rdate(2026, 2027), 13), "DATE")
    p.t("\nGait: 5 ply sock, no redness at fibular head after 20 min walk. ")
    p.v(pt.given, "NAME").t(" to return in 2 weeks; call ").v(phone(pl[4]), "PHONE").t(" if skin breaks down.")
    p.t("\nOrdering: Dr. ").v(md.sur, "NAME").t(" (NPI ").v(npi(), "LICENSE").t(") fax ").v(phone(pl[4]), "FAX")
    p.t("\nFitter: ").v(cp.full, "NAME").t(", CPO, license ").v(state_license(pl[2]), "LICENSE")
    return p, ""


def sh_sar() -> tuple[Passage, str]:
    """Search-and-rescue patient care report."""
    sub, tl, rp = Person(), Person(), Person()
    pl = place()
    dt = rdate(2025, 2026)
    p = Passage().t("SAR MISSION / PATIENT CARE REPORT\nReported by: ").v(rp.full, "NAME").t(", ").v(phone(pl[4]), "PHONE")
    p.t(" at 2140 on ").v(fdate(dt, R.choice([0, 4, 6])), "DATE")
    p.t("\nSubject: ").v(sub.fullm, "NAME").t(", ").v(age(R.random() < 0.4), "AGE")
    p.t(f" {'F' if sub.sex == 'F' else 'M'}, of ").v(pl[0], "LOCATION")
    p.t(f", walked away from {sub.his} daughter's place in ").v(pl[1], "LOCATION").t(" County.")
    p.t(f"\nCar left at the section line: {R.choice(['silver', 'maroon', 'white'])} sedan, {STATE_NAMES[pl[2]]} plate ")
    p.v(plate(pl[2]), "VEHICLE").t(", VIN ").v(vin(), "VEHICLE")
    p.t("\nCell phone last ping 0312; carrier gave IMEI ").v(imei(), "DEVICE")
    p.t("\nFound 0545 in a drainage ditch, GCS 14, T 94.8 F, no injuries. ")
    p.v(sub.given, "NAME").t(" knew " + sub.his + " name but not the date.")
    p.t("\nTransported to ").v(hospital(), "FACILITY").t(".\nTeam leader: ").v(tl.f_last, "NAME")
    return p, ""


def sh_fire() -> tuple[Passage, str]:
    """Wildland fire incident medical unit log."""
    ff, med, sup = Person(), Person(), Person()
    pl = place()
    dt = rdate(2025, 2026)
    p = Passage().t("MEDICAL UNIT LOG (ICS-206 attachment)\nIncident: ").t(R.choice(
        ["Bluestem Complex", "Cottonwood Fire", "Levee Burn", "Tamarisk Fire", "Coulee Fire"]))
    p.t("   Op period: ").v(fdate(dt, R.choice([0, 3, 8])), "DATE")
    p.t("\nPatient: ").v(ff.full, "NAME").t(", sawyer, ").v(facility(pl, "Fire District"), "FACILITY")
    p.t(" (home unit ").v(pl[0], "LOCATION").t(")")
    p.t("\nCC: heat cramps, 2 L oral fluids, released to line at 1630. ")
    p.v(ff.given, "NAME").t(" will see own PCP if cramps return.")
    p.t("\nCA-16 claim ").v(account(), "ACCOUNT")
    p.t("\nCrew buggy plate ").v(f"G{digits(2)}-{digits(4)}{letters(1)}", "VEHICLE")
    p.t("; radio S/N ").v(serial(), "DEVICE")
    p.t("\nSupervisor: ").v(sup.full, "NAME").t("  cell ").v(phone(pl[4]), "PHONE")
    p.t("\nMedical unit leader: ").v(med.f_last, "NAME").t(", EMT-P  ").v(email(med), "EMAIL")
    return p, ""


def sh_milk() -> tuple[Passage, str]:
    """Donor human milk bank screening."""
    dn, inf, pcp = Person("F"), Person(), Person()
    pl = place()
    p = Passage().t("Milk bank donor screening - phone interview\nDonor: ").v(dn.full, "NAME")
    p.t("   Donor ID ").v(f"D{digits(5)}", "ACCOUNT").t("\nAddress: ").v(street(pl), "ADDRESS").t(", ")
    p.v(pl[0], "LOCATION").t(", ").v(zipcode(pl), "ZIP")
    p.t("\nPhone: ").v(phone(pl[4]), "PHONE").t("   E-mail: ").v(email(dn), "EMAIL")
    p.t("\nBaby: ").v(inf.given, "NAME").t(", born ").v(fdate(rdate(2025, 2026), R.choice([0, 4, 5])), "DATE")
    p.t(" at ").v(hospital(), "FACILITY").t(", NICU MRN ").v(mrn(), "MRN")
    p.t("\nNo tobacco, no cannabis, one glass of wine a week (told to pump and discard 12 h). ")
    p.t("Serology drawn; freezer logger S/N ").v(serial(), "DEVICE").t(" issued.")
    p.t("\nOnline health history submitted from ").v(ip(), "IP")
    p.t("; shipping labels at ").v(f"https://donate.{R.choice(['heartlandmilk', 'valleymilkbank', 'keysmilk'])}.org/l/{letters(5, string.ascii_lowercase)}{digits(3)}", "URL")
    p.t("\nPCP release signed for Dr. ").v(pcp.full, "NAME")
    return p, ""


def sh_mbs() -> tuple[Passage, str]:
    """Modified barium swallow study report."""
    pt, slp, rad = Person(), Person(), Person()
    pl = place()
    case = "upper" if R.random() < 0.2 else ""
    p = Passage().t("MODIFIED BARIUM SWALLOW STUDY\n").v(pt.caps, "NAME").t("  ").v(mrn(), "MRN")
    p.t("  Visit ").v(account(), "ACCOUNT").t("  Age ").v(age(), "AGE")
    p.t("\nStudy date: ").v(fdate(rdate(2026, 2026), R.choice([1, 3, 7])), "DATE").t("  Site: ")
    p.v(hospital(), "FACILITY")
    p.t("\nConsistencies: thin, mildly thick, puree, cracker. Penetration-Aspiration Scale 7 with thin ")
    p.t("(silent), 2 with mildly thick. Chin tuck did not help. Residue in valleculae.\nRecommend: ")
    p.t("mildly thick liquids by cup, meds whole in puree, upright 30 min. ")
    p.v(pt.given, "NAME").t(f" and {pt.his} son agreed.")
    p.t("\nClips: ").v(f"https://pacs.{slug(pl[0])}health.org/v/{letters(3, 'abcdefghkmnpqrstuvwxyz')}{digits(5)}", "URL")
    p.t(" (viewer ").v(ip(), "IP").t(")")
    p.t("\nSLP: ").v(slp.full, "NAME").t(", CCC-SLP, license ").v(state_license(pl[2]), "LICENSE")
    p.t("\nRadiologist: Dr. ").v(rad.sur, "NAME").t("  Report faxed to PCP ").v(phone(pl[4], 1), "FAX")
    return p, case


def sh_foot() -> tuple[Passage, str]:
    """Podiatry diabetic foot clinic note."""
    pt, dpm = Person(), Person()
    pl = place()
    lower = R.random() < 0.2
    p = Passage().t("Diabetic foot clinic\n").v(pt.full, "NAME").t(", ").v(age(), "AGE")
    p.t(" y/o, MRN ").v(mrn(), "MRN").t(", seen ").v(fdate(rdate(2026, 2026), R.choice([0, 2, 12])), "DATE")
    p.t("\nMedicare ").v(mbi(), "ACCOUNT").t("; SSN on intake ").v(ssn(), "SSN")
    p.t("\nMonofilament 4/10 sites L, 6/10 R. DP 1+ bilaterally. Charcot midfoot L, stable; ")
    p.t("ulcer plantar 1st MTH R 0.8 x 0.6 cm, probes to capsule? no. Debrided. A1c 8.9.\n")
    p.t("Home foot-temperature mat S/N ").v(serial(), "DEVICE").t(" alerts to ").v(phone(pl[4]), "PHONE")
    p.t("\nDepth shoes and inserts ordered from ").v(facility(pl, R.choice(["Pharmacy", "Drug"])), "FACILITY")
    p.t("; fax ").v(phone(pl[4], 0), "FAX")
    p.t(".\nReturn 2 weeks. ").v(pt.given, "NAME").t(" gets a ride from ").v(pl[0], "LOCATION").t(".")
    p.t("\n").v(dpm.full, "NAME").t(", DPM  NPI ").v(npi(), "LICENSE").t("  DEA ").v(dea(dpm.sur), "LICENSE")
    return p, "lower" if lower else ""


def sh_bari() -> tuple[Passage, str]:
    """Bariatric program pre-operative psychological clearance letter."""
    pt, psy, sur = Person(), Person(), Person()
    pl = place()
    p = Passage().t("RE: ").v(pt.full, "NAME").t(", DOB ").v(fdate(rdate(1960, 2004), R.choice([0, 1, 4])), "DATE")
    p.t("\nMember ID ").v(account(), "ACCOUNT").t("\nTo: Dr. ").v(sur.full, "NAME").t(", ")
    p.v(R.choice([f"{hospital()} Bariatric Program", f"{pl[0]} Surgical Weight Loss"]), "FACILITY")
    p.t("\n\nI evaluated ").v(pt.given, "NAME").t(" by video on ").v(fdate(rdate(2026, 2026), R.choice([4, 5, 6])), "DATE")
    p.t(" (session link ").v(f"https://meet.{R.choice(['clearcarehealth', 'prairietelepsych', 'ivtelehealth'])}.com/r/{digits(9)}", "URL")
    p.t(", patient joined from ").v(ip(), "IP").t("). BDI-II 11, no binge episodes in 6 months, ")
    p.t("no purging, understands the lifelong vitamin plan. Cleared for sleeve gastrectomy.\n\n")
    p.v(psy.fullm, "NAME").t(", PhD, licensed psychologist ").v(state_license(pl[2]), "LICENSE")
    p.t("\nPhone ").v(phone(pl[4]), "PHONE").t("  Fax ").v(phone(pl[4]), "FAX").t("  ").v(email(psy), "EMAIL")
    return p, ""


def sh_adh() -> tuple[Passage, str]:
    """Adult day health attendance and transport sheet."""
    pt, cg, dr = Person(), Person(), Person()
    pl = place()
    p = Passage().t("ADULT DAY HEALTH - daily attendance and transport\nCenter: ")
    p.v(facility(pl, "Adult Day Services"), "FACILITY").t("   Date ").v(fdate(rdate(2026, 2026), R.choice([0, 1, 10])), "DATE")
    p.t("\nParticipant: ").v(pt.full, "NAME").t(", age ").v(age(), "AGE")
    p.t("   Waiver ID ").v(account(), "ACCOUNT").t("   SSN ").v(ssn(), "SSN")
    p.t("\nPick-up: ").v(street(pl), "ADDRESS")
    if R.random() < 0.4:
        p.t(" ").v(R.choice(UNITS), "ADDRESS")
    p.t(", ").v(pl[0], "LOCATION").t(" ").v(zipcode(pl), "ZIP").t(" at 0745; wander-alert bracelet ")
    p.v(serial(), "DEVICE").t("\nVan: plate ").v(plate(pl[2]), "VEHICLE").t(", VIN ").v(vin(), "VEHICLE")
    p.t(", driver ").v(dr.f_last, "NAME")
    p.t("\nAte 75% of lunch, chair exercise 20 min, BP 142/80. ").v(pt.given, "NAME")
    p.t(" napped after bingo.\nCaregiver: ").v(cg.full, "NAME").t(" ").v(phone(pl[4]), "PHONE")
    return p, ""


def sh_rodeo() -> tuple[Passage, str]:
    """Rodeo sports-medicine tent log."""
    ct, at = Person(), Person()
    home = place()
    p = Passage().t("Sports medicine trailer - ").t(R.choice(["Saturday perf", "slack", "short go"]))
    p.t(", ").v(fdate(rdate(2025, 2026), R.choice([4, 5, 11])), "DATE")
    p.t("\nContestant: ").v(ct.full, "NAME").t(R.choice([" (bareback)", " (bull riding)", " (barrel racing)", " (tie-down)"]))
    p.t(", hometown ").v(home[0], "LOCATION").t(f", {home[2]}\nCard # ").v(f"{digits(6)}", "ACCOUNT")
    p.t("   Cell ").v(phone(home[4]), "PHONE").t("   ").v(email(ct), "EMAIL")
    p.t("\nHung up on the dally, L shoulder anterior, reduced on the dirt by ")
    p.v(at.f_last, "NAME").t(", ATC. Sling, ice, no re-ride. ")
    p.v(ct.given, "NAME").t(" refused transport; buddy driving.")
    p.t("\nRig: truck plate ").v(plate(home[2]), "VEHICLE").t(", gooseneck trailer plate ").v(plate(home[2]), "VEHICLE")
    p.t("\nIf worse: ").v(hospital(), "FACILITY").t(" ED.")
    return p, ""


def sh_lead() -> tuple[Passage, str]:
    """Childhood lead poisoning environmental investigation."""
    ch, par, insp = Person(), Person(), Person()
    pl = place()
    case = "lower" if R.random() < 0.15 else ""
    p = Passage().t("Elevated blood lead - environmental investigation\nCase # ").v(f"PB-{digits(2)}-{digits(4)}", "ACCOUNT")
    p.t("   Child: ").v(ch.full, "NAME").t("   DOB ").v(fdate(rdate(2021, 2025), R.choice([0, 1, 3])), "DATE")
    p.t("   Clinic MRN ").v(mrn(), "MRN")
    p.t("\nVenous BLL 14 ug/dL. Parent: ").v(par.full, "NAME").t(" ").v(phone(pl[4]), "PHONE")
    p.t("\nHome built 1948: ").v(street(pl), "ADDRESS").t(", ").v(pl[0], "LOCATION").t(" ").v(zipcode(pl), "ZIP")
    p.t("\nXRF analyzer S/N ").v(serial(), "DEVICE").t(": window sills 3.1 mg/cm2, porch rail 5.6 mg/cm2; ")
    p.t("dust wipe 40 ug/ft2 on the floor by the sill. ").v(ch.given, "NAME").t(" chews the sill.")
    p.t("\nReport: ").v(f"https://{slug(pl[1])}countyhealth.org/lead/{digits(5)}", "URL")
    p.t("\nRisk assessor: ").v(insp.fullm, "NAME").t(", license ").v(f"LRA-{digits(5)}", "LICENSE")
    p.t(", ").v(f"{pl[1]} County Health Department", "FACILITY")
    p.t(" ").v(email(insp, f"{slug(pl[1])}countyhealth.org"), "EMAIL")
    return p, case


def sh_bb() -> tuple[Passage, str]:
    """Transfusion service crossmatch and transfusion record."""
    pt, tech, rn = Person(), Person(), Person()
    p = Passage().t("TRANSFUSION RECORD\nRecipient: ").v(pt.caps, "NAME").t("   MRN ").v(mrn(), "MRN")
    p.t("   BB armband ").v(f"{letters(3)}{digits(4)}", "ACCOUNT")
    if R.random() < 0.5:
        p.t("   SSN ").v(ssn(), "SSN")
    else:
        p.t("   SSN xxx-xx-").v(last4(), "SSN")
    p.t("\nAge ").v(age(), "AGE").t("   Type O POS, antibody screen neg, electronic crossmatch compatible")
    p.t("\nUnit W0364 26 0 48213 4 (leukoreduced RBC) issued ").v(fdate(rdate(2026, 2026), R.choice([0, 3, 7])), "DATE")
    p.t(" 1412 by ").v(tech.init_dots, "NAME").t("\nBlood warmer S/N ").v(serial(), "DEVICE")
    p.t("; pre T 98.2 P 88 BP 110/62; 15 min T 98.4 P 86; no reaction.")
    p.t("\nVerified at bedside: ").v(rn.full, "NAME").t(", RN and ").v(Person().f_last, "NAME").t(", RN")
    p.t("\n").v(hospital(), "FACILITY").t(" transfusion service; LIS terminal ").v(ipv4(True), "IP")
    return p, ""


def sh_tx() -> tuple[Passage, str]:
    """Kidney transplant evaluation referral."""
    pt, neph, sw = Person(), Person(), Person()
    pl = place()
    p = Passage().t("KIDNEY TRANSPLANT REFERRAL\nPatient: ").v(pt.fullm, "NAME").t("  DOB ")
    p.v(fdate(rdate(1950, 2000), R.choice([0, 1, 4])), "DATE").t("  SSN ").v(ssn(), "SSN")
    p.t("\nAddress: ").v(street(pl), "ADDRESS").t(", ").v(pl[0], "LOCATION").t(f", {pl[2]} ").v(zipcode(pl), "ZIP")
    p.t("\nHome ").v(phone(pl[4]), "PHONE").t("  ").v(email(pt), "EMAIL")
    p.t("\nDialysis: ").v(R.choice([f"{pl[0]} Dialysis", f"{pl[1]} County Kidney Center"]), "FACILITY")
    p.t(" since ").v(fdate(rdate(2022, 2025), 13), "DATE").t(", MWF, chair 6. MRN there ").v(mrn(), "MRN")
    p.t("\nMedicare ").v(mbi(), "ACCOUNT").t("; ESRD from IgA nephropathy; EF 55%; no cancer history.")
    p.t("\nNephrologist: Dr. ").v(neph.full, "NAME").t(", NPI ").v(npi(), "LICENSE").t(", fax ").v(phone(pl[4]), "FAX")
    p.t("\nSocial worker: ").v(sw.full, "NAME").t("; referral sent via ").v(
        f"https://txreferral.{R.choice(['midlandstx', 'valleytransplant', 'prairiekidney'])}.org/r/{digits(8)}", "URL")
    p.t(" from ").v(ip(), "IP")
    return p, ""


SHAPES = [sh_alg, sh_crh, sh_otp, sh_fmla, sh_esa, sh_mcc, sh_pro, sh_sar, sh_fire, sh_milk, sh_mbs,
          sh_foot, sh_bari, sh_adh, sh_rodeo, sh_lead, sh_bb, sh_tx]


# ---------------------------------------------------------------------------------------------
# One-offs: hand-written passages, `[[value|CATEGORY]]` marks a span.
# ---------------------------------------------------------------------------------------------
ONEOFFS = {
    "charcot": "Dr. [[Ulysses Charcot|NAME]] reviewed the Charcot foot films himself; Dr. [[Charcot|NAME]] "
               "wants the total contact cast changed weekly at [[Kennett Family Clinic|FACILITY]].",
    "marathon": "[[Yusimí Cepero Villalobos|NAME]] lives in [[Marathon|LOCATION]] and ran a marathon in "
                "the spring; [[Yusimí|NAME]] now has a stress reaction of the second metatarsal.",
    "kindred": "Moved from [[Kindred|LOCATION]] to the lake cabin in the fall; no kindred nearby since her "
               "sister [[Signe Engstrand|NAME]] died.",
    "mountain": "Elderly man from [[Mountain|LOCATION]], [[Pembina|LOCATION]] County, denies mountain or "
                "altitude travel; granddaughter [[Gudny Thorlakson|NAME]] at [[701-265-4418|PHONE]].",
    "ada": "Diet: ADA 1800 kcal. Family drives from [[Ada|LOCATION]] every Sunday; wife [[Lodema Zirkle|NAME]] "
           "brings pie anyway.",
    "voicemail": "voicemail 0922: hi this is [[goldie pepper|NAME]] calling for my mother [[velvet lamb|NAME]], "
                 "she fell [[march ninth|DATE]] and she's [[ninety-six|AGE]], please call me back at "
                 "[[five seven three, two seven six, four four one nine|PHONE]] thank you",
    "dinka": "Interpreter present for [[Nyandeng Garang|NAME]]; her son [[Garang Majok|NAME]] also "
             "translated. [[Nyandeng|NAME]] prefers female providers.",
    "icelandic": "[[Thorunn Hallgrimsdottir|NAME]] (goes by [[Tota|NAME]]), DOB [[17 JUN 1931|DATE]], "
                 "age [[95|AGE]], from [[Cavalier|LOCATION]]; not a cavalier attitude about her warfarin.",
    "keys_boat": "Lives aboard at [[MM 92.5 Overseas Hwy|ADDRESS]], [[Slip 14|ADDRESS]], [[Tavernier|LOCATION]] "
                 "[[33070|ZIP]]; skiff registration [[FL 4471 KR|VEHICLE]] was tied up at the dock.",
    "osgood": "[[Hollis Osgood|NAME]], 13, with Osgood-Schlatter on the left; Mr. [[Osgood|NAME]] (father) "
              "asks about knee straps. Seen at [[Grottoes Family Clinic|FACILITY]].",
    "zenker": "Mr. [[Zenker|NAME]] is not related to his diagnosis: barium shows a 2 cm Zenker diverticulum. "
              "Wife [[Orpha Zenker|NAME]] reports regurgitation at night.",
    "faxheader": "[[03/14/2026|DATE]] 09:12  FROM: [[Pamplico Drug|FACILITY]]  FAX [[843-493-5517|FAX]]  "
                 "P.001/003",
    "centenarian": "[[Queen Esther Gause|NAME]] turned [[one hundred|AGE]] on [[Labor Day 2026|DATE]]; the "
                   "church in [[Nichols|LOCATION]] gave her a quilt.",
    "broadway": "Retired piano teacher from [[Broadway|LOCATION]], [[Rockingham|LOCATION]] County; sings "
                "Broadway tunes during PT. Contact son [[Galen Wampler|NAME]] at "
                "[[540 896 7720|PHONE]].",
    "argyle": "Wearing argyle socks over the edema. Home: [[Argyle|LOCATION]], MN [[56713|ZIP]]; "
              "PCA [[Poppy Bunch|NAME]] comes twice a week.",
    "cuban_ssn": "Registration: [[Yoandy Iglesias Sotolongo|NAME]], SS# [[598 14 2260|SSN]], "
                 "cell [[+1 305 735 0912|PHONE]], Cuban passport [[K482917|SSN]].",
    "mole": "Mole on the back of [[Misty Mole|NAME]] enlarged since [[Thanksgiving 2025|DATE]]; "
            "[[Misty|NAME]] wants it off before the wedding.",
    "society_hill": "Transferred from [[Society Hill|LOCATION]] by [[Darlington|LOCATION]] County EMS, "
                    "ambulance tag [[AMB 3318|VEHICLE]]; report e-mailed to [[dispatch.ems@dcems-sc.org|EMAIL]].",
}


def oneoff(name: str) -> Passage:
    p = Passage()
    for piece in ONEOFFS[name].replace("]]", "[[").split("[["):
        if "|" in piece and piece.rsplit("|", 1)[1] in CATEGORIES:
            val, cat = piece.rsplit("|", 1)
            p.v(val, cat)
        elif piece:
            p.t(piece)
    return p


CATEGORIES = {"NAME", "DATE", "FACILITY", "PHONE", "LOCATION", "ACCOUNT", "ADDRESS", "ZIP", "MRN", "AGE",
              "LICENSE", "VEHICLE", "EMAIL", "DEVICE", "FAX", "IP", "SSN", "URL"}

# ---------------------------------------------------------------------------------------------
# Clean passages: no identifier, many look-alikes.
# ---------------------------------------------------------------------------------------------
EPONYMS = ["Stokes-Adams attack", "positive Adson test", "Finkelstein test positive on the right",
           "modified Schober test 3 cm", "Neer impingement sign", "a Galeazzi fracture", "Goodell sign",
           "Hegar sign", "dating by Naegele rule", "Nikolsky sign negative", "a Virchow node",
           "Boas sign", "Blumberg sign", "Markle heel-jar test", "Froment sign", "Kanavel signs",
           "Heberden nodes", "Osgood-Schlatter disease", "Haglund deformity", "Mulder click",
           "Simmonds-Thompson squeeze", "Apley grind test", "Chaddock reflex", "Oppenheim sign",
           "Gordon reflex", "Schirmer test 4 mm", "Seidel test negative", "Corrigan pulse",
           "Quincke pulse", "Roth spots", "Kerley B lines", "Hamman crunch", "Osborn waves",
           "Wenckebach block", "QTc by Bazett 468 ms", "Wellens pattern", "Sgarbossa criteria",
           "Charcot foot", "a Zenker diverticulum", "Meckel diverticulum", "Ogilvie syndrome",
           "Riedel thyroiditis", "Erb palsy", "Klumpke palsy", "Moro reflex", "Noonan syndrome",
           "Kussmaul respirations"]
WORD_PHRASES = ["a mole on the left shoulder", "black pepper allergy", "lamb and rice diet",
                "crouch to pick up toys", "dill pickle juice for cramps", "a bunch of grapes",
                "a soft corn between the toes", "walks with a cane", "poison ivy vines",
                "sparks of pain", "clover honey in tea", "poppy seed muffin", "marigold lotion",
                "velvet cough drops", "misty vision in the morning", "holly berries", "robin egg blue",
                "clay-colored stools", "reed diffuser", "cliff edge fall", "a ridge on the nail",
                "wade into the surf", "ran a marathon", "kindred spirits", "mountain biking",
                "ADA diet", "argyle socks", "Euclidean distance", "imperial units", "Parma ham",
                "a Broadway musical", "a cavalier attitude", "braggadocio", "stock solution",
                "alma mater", "admire the progress", "the church bazaar", "the duck walk test",
                "a lake view room", "good sellers at the market", "a coward's way out, he said",
                "a society for the blind", "the little rock garden", "hunter-gatherer diet"]
DRUGS = ["buprenorphine-naloxone 8-2 mg film", "methadone 80 mg", "metformin 1000 mg BID",
         "semaglutide 1 mg weekly", "apixaban 5 mg BID", "atorvastatin 80 mg", "carvedilol 12.5 mg",
         "epinephrine 0.3 mg auto-injector", "cetirizine 10 mg", "montelukast 10 mg",
         "gabapentin 300 mg TID", "ferrous sulfate 325 mg", "calcitriol 0.25 mcg",
         "sevelamer 800 mg with meals", "tacrolimus 2 mg BID", "prednisone 5 mg", "dronabinol 2.5 mg",
         "succimer 10 mg/kg", "thiamine 100 mg", "omeprazole 40 mg"]
DEVICES = ["NuStep T5", "Ottobock Taleo foot", "Ossur Pro-Flex", "Omron HEM-7120", "Welch Allyn Spot 4400",
           "Zoll AED Plus", "Medela Symphony pump", "Olympus BF-1TH190", "Niton XL2 analyzer",
           "Ranger 245 blood warmer", "Garmin inReach Mini 2", "Bendix King BK radio",
           "Podimetrics SmartMat", "Dexcom G7", "ResMed AirSense 11", "Medtronic Micra AV"]
LABS = ["A1c 8.9%", "LDL 64 mg/dL", "eGFR 14", "K 5.4", "Hgb 7.2 g/dL", "ferritin 88", "BLL 14 ug/dL",
        "creatinine 6.8", "albumin 3.1", "IgE 412 IU/mL", "TSH 2.3", "troponin under 6 ng/L",
        "lactate 1.1", "platelets 212", "INR 2.4", "urine drug screen positive for methadone only"]
SCORES = ["PAS 7", "FOIS level 4", "Borg RPE 13", "METs 4.2", "6MWT 312 m", "PHQ-9 of 6", "GAD-7 of 4",
          "BDI-II 11", "Wagner grade 2", "monofilament 6/10", "GCS 14", "ABI 0.72", "MoCA 21/30",
          "Katz 4/6", "Braden 15", "BMI 44.2", "SINBAD 3", "K-level 3", "AMPRO 38"]
CODES = ["CPT 92611", "CPT 95117", "HCPCS L5301", "HCPCS A5500", "ICD-10 E11.621", "ICD-10 N18.6",
         "ICD-10 T78.3XXA", "ICD-10 T56.0X1A", "CPT 93798", "DRG 619", "LOINC 5671-3", "CPT 36430"]
TIMES = ["POD 3", "week 6 of 12", "session 14", "hour 3 of the shift", "since the 1990s",
         "in 2019", "every other week", "over the holidays", "two springs ago", "at 0745",
         "during harvest", "after calving season"]
AGES = ["a 42-year-old", "age 67", "a 3-year-old", "at 89", "an 18-month-old", "a 71 yo", "age 54",
        "a 23-year-old", "85 years old", "a 9-year-old"]
HEADS = {
    "alg": ("Immunotherapy teaching: ", "Build-up is weekly; wait 30 minutes after each dose."),
    "crh": ("Cardiac rehab education: ", "Target RPE 11-14; stop for chest pain."),
    "otp": ("OTP policy reminder: ", "Guest dosing needs 72 hours' notice."),
    "fmla": ("Leave paperwork tips: ", "Intermittent leave needs frequency and duration."),
    "esa": ("Housing letter guidance: ", "The letter states need, not diagnosis details."),
    "mcc": ("Cannabis counselling points: ", "Start low and go slow; no driving for 6 hours."),
    "pro": ("Prosthetic care: ", "Check the skin at every sock change."),
    "sar": ("SAR medical protocol: ", "Handle hypothermic subjects gently and horizontally."),
    "fire": ("Fireline medical notes: ", "Replace salt as well as water."),
    "milk": ("Donor screening criteria: ", "Pump and discard for 12 hours after alcohol."),
    "mbs": ("Swallow study findings: ", "Repeat study if pneumonia recurs."),
    "foot": ("Foot clinic teaching: ", "Inspect feet daily with a mirror."),
}


STYLE_LINES = {
    "alg": ["Vial set: maintenance (red cap), 1:1 v/v.", "Wheal 6 mm at 30 min, no systemic reaction.",
            "Patient: [removed]   DOB: [removed]"],
    "crh": ["Session 14 of 36; treadmill 1.8 mph 2% 15 min.", "BP pre 128/74 post 136/70; HR 88-104.",
            "Telemetry on lead II, no ectopy."],
    "otp": ["Take-home level 3: six bottles in a locked box.", "Dose observed at the window at 0615.",
            "Counselor: [name withheld], LCADC"],
    "fmla": ["Section III: flare-ups 1-2 times per month lasting 1-3 days.", "Employee: [redacted]",
             "PT twice weekly x 6 weeks."],
    "esa": ["One dog, 22 lb, vaccinated.", "The provider has treated the tenant for 14 months.",
            "Tenant: [removed]"],
    "mcc": ["Qualifying condition: intractable pain.", "Dose 2.5 mg THC at bedtime, titrate by 2.5 mg.",
            "Caregiver: [removed]"],
    "pro": ["L5301 socket, L5673 liner x2, L5981 foot.", "5 ply sock, no redness at the fibular head.",
            "K-level 3 community ambulator."],
    "sar": ["Found 0545, GCS 14, T 94.8 F.", "Search segment 4B, probability of area 0.3.",
            "Subject: [removed], walked away at dusk."],
    "fire": ["ICS-206 medical plan posted at the drop point.", "Heat index 104 F at 1500.",
             "Released to line at 1630."],
    "milk": ["Pump and discard 12 h after one glass of wine.", "Serology: HIV, HTLV, syphilis, hepatitis B and C.",
             "Donor: [removed]"],
    "mbs": ["Penetration-Aspiration Scale 7 with thin liquids.", "Chin tuck did not help; residue in valleculae.",
            "Upright 30 min after meals."],
    "foot": ["Monofilament 4/10 sites left.", "Ulcer plantar 1st MTH 0.8 x 0.6 cm, debrided.",
             "Depth shoes and inserts every calendar year."],
}


def clean_passage(style: str) -> Passage:
    head, tail = HEADS[style]
    items = (R.sample(EPONYMS, 2) + R.sample(WORD_PHRASES, 2) + [R.choice(DRUGS), R.choice(DEVICES),
             R.choice(LABS), R.choice(SCORES), R.choice(CODES), R.choice(TIMES), R.choice(AGES)])
    R.shuffle(items)
    k = R.randint(5, 8)
    lines = items[:k]
    extra = R.sample(STYLE_LINES[style], R.randint(1, 2))
    body = head + "; ".join(lines) + ". " + tail
    return Passage().t("\n".join([body] + extra) if R.random() < 0.5 else "\n".join(extra + [body]))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
def values_of(spans: list, text: str) -> set[str]:
    return {text[s:e].lower() for s, e, c in spans if c != "AGE"}


def main() -> None:
    rows: list[tuple[str, str, list]] = []  # (kind, text, spans)
    # one-offs first, so their values are registered
    for name in ONEOFFS:
        text, spans = oneoff(name).build()
        for v in values_of(spans, text):
            COUNT[v] += 1
        rows.append((f"id-oneoff-{name}", text, spans))
    per_shape = (270 - len(ONEOFFS)) // len(SHAPES)
    order = [sh for sh in SHAPES for _ in range(per_shape)]
    R.shuffle(order)
    for sh in order:
        for _ in range(500):
            p, case = sh()
            text, spans = p.build(case)
            vals = values_of(spans, text)
            if all(COUNT[v] < 2 for v in vals):
                break
        else:
            raise SystemExit(f"could not draw a passage for {sh.__name__}")
        for v in vals:
            COUNT[v] += 1
        rows.append((f"id-{sh.__name__[3:]}", text, spans))
    for style in HEADS:
        for _ in range(15):
            text, spans = clean_passage(style).build()
            rows.append((f"clean-{style}", text, spans))
    R.shuffle(rows)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for i, (kind, text, spans) in enumerate(rows, 1):
            row = {"id": f"S-P{i:03d}-{kind}", "split": "heldout", "carrier": "", "text": text,
                   "spans": sorted(spans)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
