"""Set M value pools (typed here) and generators (check digits included). Standard library only.

Every draw goes through the generator's own `random.Random`; nothing iterates a set or a dict
whose order could depend on the string hash seed.
"""

from __future__ import annotations

import random

# value (lower case) -> ids of accepted passages holding it as a span; filled by make_set.py
REG: dict[str, list[str]] = {}


def used(value: str) -> int:
    return len(REG.get(value.lower(), ()))


def fresh(rng: random.Random, pool: list[str]) -> str:
    """A pool entry that no more than one accepted passage holds yet (any entry if none)."""
    cands = [x for x in pool if used(x) < 2]
    return rng.choice(cands or pool)


def words(s: str) -> list[str]:
    return [w.strip() for w in s.split(",") if w.strip()]


# ---------------------------------------------------------------- names (invented combinations)
# Given names of communities the J, K and L READMEs do not name: Utah pioneer families,
# Basque sheep-ranching families, Finnish and Norwegian Midwesterners, Japanese American
# elders, Armenian Central Valley families, Old Believer Russians, Azorean Portuguese,
# Louisiana Creole and Isleño families, Punjabi Sikh farmers, Iron Range Slovenes and Croats,
# Alabama Black Belt elders, Texas Hill Country Germans, and recent baby names.
FIRST_F = words("""
LaRae, DeeAnn, Ranae, Zina, LaDawn, Afton, Delpha, Reva, Iola, Brinley, Tenley, Shaylee,
LaPriel, Vonda, Elna, Amaia, Maite, Itziar, Ainhoa, Edurne, Arantxa, Aili, Impi, Helmi, Lempi,
Tyyne, Siiri, Ingrid, Solveig, Marit, Borghild, Sigrid, Ragnhild, Hisako, Fumiko, Setsuko,
Yukiko, Chiyeko, Toshiko, Ayumi, Siran, Anahid, Zabel, Lusine, Arpi, Takouhi, Feodosia, Agafia,
Ulita, Paraskeva, Evdokia, Fotinia, Conceição, Lurdes, Fátima, Natércia, Idalina, Graça,
Ozite, Velma, Eula, Odile, Lurline, Azalie, Noelie, Jasleen, Simran, Harnoor, Manjit, Milka,
Ivanka, Katica, Vida, Earnestine, Odessa, Lula, Hattie, Tressie, Arie, Magnolia, Elfrieda,
Hulda, Adelheid, Lina, Kinsley, Paisleigh, Nevaeh, Rylee, Everly, Sutton, Geneva, Eunice,
Harper, Marion, Summer, Comfort, Oleta, Verla, Thora, Neva, Alvera, Wanda Lee
""")
FIRST_M = words("""
Heber, Orrin, LaVell, Thayne, Vaun, Parley, Lorin, Wendell, Merlin, Alvin, Kolton, McKay,
Jaxtyn, Kimball, DeLoy, Glade, Mikel, Iñaki, Josu, Gorka, Xabier, Koldo, Eino, Toivo, Sulo,
Waino, Arvo, Reino, Gunnar, Torvald, Halvor, Knut, Anders, Tadashi, Masao, Kiyoshi, Minoru,
Shigeru, Noboru, Kenji, Garabed, Haig, Vartan, Aram, Hagop, Nerses, Ilarion, Kiprian, Zinovy,
Avvakum, Martinian, Lavrenty, Gilberto, Eduíno, Duarte, Adelino, Jacinto, Clovis, Alcide,
Nolan, Amédée, Euclide, Irvin, Théophile, Gurpreet, Harjit, Paramjit, Navdeep, Balwinder,
Kuldip, Amandeep, Rajvir, Alojz, Stanko, Mirko, Zvonko, Cornelius, Booker, Percy, Otis,
Roosevelt, Ollie, Fritz, Ottmar, Emil, Reinhold, Brantley, Maverick, Jaxon, Bentley, Kash,
Mason, Reed, Price, Royal, Loyal, Early, Storm, Ferrel, Dell, Rulon, Ammon
""")
SURNAMES = words("""
Christensen, Rasmussen, Jorgensen, Sorensen, Allred, Bybee, Nielson, Larsen, Pectol,
Okerlund, Bagley, Anderegg, Bunnell, Mickelsen, Frandsen, Sondrup, Despain, Ivie, Stubbs,
Staker, Snow, Bench, Kofford, Peay, Madsen, Thalman, Haycock, Hatch, Bastian, Etcheverry,
Urrutia, Goicoechea, Echeverria, Arrizabalaga, Bengoechea, Ybarguen, Aldecoa, Uberuaga,
Garatea, Zabala, Iturriaga, Laxague, Errecart, Maki, Koski, Heikkinen, Niemi, Lahti, Hautala,
Ruotsala, Kangas, Saari, Jarvela, Hiltunen, Wiitala, Kilpela, Rautio, Aho, Haugen, Bjornstad,
Opsahl, Thorsgaard, Solberg, Hovland, Lunde, Brekke, Rudningen, Sather, Thune, Kvamme, Myhre,
Fjelstad, Yamasaki, Okamura, Hirabayashi, Shimizu, Tsutsui, Ishimaru, Fujikawa, Matsumura,
Kuwahara, Hayashida, Oshiro, Kitagawa, Nishimoto, Kalajian, Der Bedrosian, Ohanessian,
Kazarian, Mardikian, Pashayan, Tatarian, Garabedian, Koligian, Karagozian, Boyajian,
Hovsepian, Reutov, Kuzmin, Martushev, Basargin, Kalugin, Fefelov, Yakunin, Zuyev, Chernev,
Medeiros, Furtado, Raposo, Cabral, Amaral, Bettencourt, Pacheco, Resendes, Tavares, Ávila,
Botelho, Arruda, Câmara, Metoyer, Balthazar, Chenier, Rachal, Sarpy, Menesses, Alfonso, Roque,
Fuselier, Ledet, Lastrapes, Soileau, Zeringue, Hymel, Gaudet, Loupe, Dupuy, Sandhu, Dhillon,
Gill, Bains, Grewal, Hundal, Bhullar, Cheema, Mann, Atwal, Thind, Johal, Sekhon, Kovacic,
Zupancic, Hribar, Petrovich, Gornick, Skubic, Lesar, Erchul, Vukelich, Pogorelc, Fink,
Bradach, Hairston, Tubbs, Moorer, Witherspoon, Ezell, Kynard, Threadgill, Mayhew, Crenshaw,
Hollinger, Bledsoe, Wehmeyer, Kothmann, Pfluger, Nebgen, Ottmers, Moellering, Schaetter,
Knopp, Hohmann, Dietert, Lochte, Van Wagoner, van Leeuwen, de la Houssaye, de la Rosa,
De Hart, St. Germain, St. Romain, D'Aquin, D'Antoni, O'Flaherty, O'Driscoll, MacDougall,
von Ruden, Vonderhaar, Da Ponte, dos Reis, ter Horst, DuBose, Le Doux, Price, Marion, Comfort
""")
NICKNAMES = words("""
Peg, Bud, Sonny, Toots, Dutch, Kiki, Tad, Bootsie, Sis, Tiny, Skeet, T-Boy, Nonie, Babe,
Tuck, Boots, Cookie, Junior, Shug, Red, Doc, Bubba, Mimi, Tootie, Pee Wee, Chick
""")

# ---------------------------------------------------------------- places (real, public names)
# (town, state, county or parish, ZIP prefix, area code)
PLACES = [
    # central and eastern Utah
    ("Manti", "UT", "Sanpete", "846", "435"),
    ("Ephraim", "UT", "Sanpete", "846", "435"),
    ("Moroni", "UT", "Sanpete", "846", "435"),
    ("Spring City", "UT", "Sanpete", "846", "435"),
    ("Mount Pleasant", "UT", "Sanpete", "846", "435"),
    ("Gunnison", "UT", "Sanpete", "846", "435"),
    ("Salina", "UT", "Sevier", "846", "435"),
    ("Richfield", "UT", "Sevier", "847", "435"),
    ("Loa", "UT", "Wayne", "847", "435"),
    ("Panguitch", "UT", "Garfield", "847", "435"),
    ("Escalante", "UT", "Garfield", "847", "435"),
    ("Kanab", "UT", "Kane", "847", "435"),
    ("Castle Dale", "UT", "Emery", "845", "435"),
    ("Ferron", "UT", "Emery", "845", "435"),
    ("Helper", "UT", "Carbon", "845", "435"),
    ("Price", "UT", "Carbon", "845", "435"),
    ("Vernal", "UT", "Uintah", "840", "435"),
    ("Roosevelt", "UT", "Duchesne", "840", "435"),
    ("Duchesne", "UT", "Duchesne", "840", "435"),
    ("Blanding", "UT", "San Juan", "845", "435"),
    ("Bluff", "UT", "San Juan", "845", "435"),
    ("Monticello", "UT", "San Juan", "845", "435"),
    ("Beaver", "UT", "Beaver", "847", "435"),
    ("Nephi", "UT", "Juab", "846", "435"),
    # Acadiana, the bayou parishes and the river parishes of Louisiana
    ("Ville Platte", "LA", "Evangeline", "705", "337"),
    ("Mamou", "LA", "Evangeline", "705", "337"),
    ("Eunice", "LA", "St. Landry", "705", "337"),
    ("Church Point", "LA", "Acadia", "705", "337"),
    ("Breaux Bridge", "LA", "St. Martin", "705", "337"),
    ("Arnaudville", "LA", "St. Landry", "705", "337"),
    ("Kaplan", "LA", "Vermilion", "705", "337"),
    ("Erath", "LA", "Vermilion", "705", "337"),
    ("Delcambre", "LA", "Iberia", "705", "337"),
    ("Jeanerette", "LA", "Iberia", "705", "337"),
    ("Loreauville", "LA", "Iberia", "705", "337"),
    ("Raceland", "LA", "Lafourche", "703", "985"),
    ("Golden Meadow", "LA", "Lafourche", "703", "985"),
    ("Cut Off", "LA", "Lafourche", "703", "985"),
    ("Galliano", "LA", "Lafourche", "703", "985"),
    ("Lockport", "LA", "Lafourche", "703", "985"),
    ("Pierre Part", "LA", "Assumption", "703", "985"),
    ("Napoleonville", "LA", "Assumption", "703", "985"),
    ("Plaquemine", "LA", "Iberville", "707", "225"),
    ("White Castle", "LA", "Iberville", "707", "225"),
    ("Vacherie", "LA", "St. James", "700", "225"),
    ("Lutcher", "LA", "St. James", "700", "225"),
    # the Thumb and the northern Lower Peninsula of Michigan
    ("Bad Axe", "MI", "Huron", "484", "989"),
    ("Caseville", "MI", "Huron", "487", "989"),
    ("Pigeon", "MI", "Huron", "487", "989"),
    ("Sebewaing", "MI", "Huron", "487", "989"),
    ("Harbor Beach", "MI", "Huron", "484", "989"),
    ("Caro", "MI", "Tuscola", "487", "989"),
    ("Gaylord", "MI", "Otsego", "497", "989"),
    ("Grayling", "MI", "Crawford", "497", "989"),
    ("Mio", "MI", "Oscoda", "486", "989"),
    ("Atlanta", "MI", "Montmorency", "497", "989"),
    ("Hillman", "MI", "Montmorency", "497", "989"),
    ("Onaway", "MI", "Presque Isle", "497", "989"),
    ("Rogers City", "MI", "Presque Isle", "497", "989"),
    ("Kalkaska", "MI", "Kalkaska", "496", "231"),
    # the Alabama Black Belt and Wiregrass
    ("Eutaw", "AL", "Greene", "354", "205"),
    ("Livingston", "AL", "Sumter", "354", "205"),
    ("Demopolis", "AL", "Marengo", "367", "334"),
    ("Uniontown", "AL", "Perry", "367", "334"),
    ("Greensboro", "AL", "Hale", "367", "334"),
    ("Camden", "AL", "Wilcox", "367", "334"),
    ("Thomasville", "AL", "Clarke", "367", "334"),
    ("Hayneville", "AL", "Lowndes", "360", "334"),
    ("Union Springs", "AL", "Bullock", "360", "334"),
    ("Elba", "AL", "Coffee", "363", "334"),
    ("Samson", "AL", "Geneva", "363", "334"),
    ("Opp", "AL", "Covington", "364", "334"),
    ("Ariton", "AL", "Dale", "363", "334"),
    ("Linden", "AL", "Marengo", "367", "334"),
    # the Texas Hill Country
    ("Fredericksburg", "TX", "Gillespie", "786", "830"),
    ("Mason", "TX", "Mason", "768", "325"),
    ("Llano", "TX", "Llano", "786", "325"),
    ("Junction", "TX", "Kimble", "768", "325"),
    ("Rocksprings", "TX", "Edwards", "788", "830"),
    ("Leakey", "TX", "Real", "788", "830"),
    ("Utopia", "TX", "Uvalde", "788", "830"),
    ("Bandera", "TX", "Bandera", "780", "830"),
    ("Comfort", "TX", "Kendall", "780", "830"),
    ("Harper", "TX", "Gillespie", "786", "830"),
    ("Camp Wood", "TX", "Real", "788", "830"),
    ("Medina", "TX", "Bandera", "780", "830"),
    # the Klamath, Trinity and Mendocino back country of California
    ("Weaverville", "CA", "Trinity", "960", "530"),
    ("Hayfork", "CA", "Trinity", "960", "530"),
    ("Willow Creek", "CA", "Humboldt", "955", "530"),
    ("Hoopa", "CA", "Humboldt", "955", "530"),
    ("Orleans", "CA", "Humboldt", "955", "530"),
    ("Happy Camp", "CA", "Siskiyou", "960", "530"),
    ("Yreka", "CA", "Siskiyou", "960", "530"),
    ("Etna", "CA", "Siskiyou", "960", "530"),
    ("Dunsmuir", "CA", "Siskiyou", "960", "530"),
    ("Alturas", "CA", "Modoc", "961", "530"),
    ("Cedarville", "CA", "Modoc", "961", "530"),
    ("Covelo", "CA", "Mendocino", "954", "707"),
    ("Laytonville", "CA", "Mendocino", "954", "707"),
    ("Garberville", "CA", "Humboldt", "955", "707"),
]
# Puerto Rico mountain towns (ZIP, area code)
PR_TOWNS = [
    ("Adjuntas", "00601"),
    ("Utuado", "00641"),
    ("Jayuya", "00664"),
    ("Lares", "00669"),
    ("Maricao", "00606"),
    ("Orocovis", "00720"),
    ("Barranquitas", "00794"),
    ("Comerío", "00782"),
    ("Aibonito", "00705"),
    ("Cidra", "00739"),
    ("Yauco", "00698"),
    ("Naguabo", "00718"),
]
PR_URB = words("""
Jardines de Adjuntas, Villa del Carmen, Las Flores, Monte Verde, Valle Alto, Alturas de Utuado,
Santa Teresita, Estancias del Río, La Ceiba, Bella Vista, Los Maestros, Quintas de Cidra,
Villa Esperanza, Parque Flamingo, Colinas del Sol, Brisas del Prado
""")
PR_CALLE = words("""
Ausubo, Tulipán, Flamboyán, Guayacán, Roble, Caoba, Pomarrosa, Almendro, Gardenia, Orquídea,
Maga, Yagrumo, Capá, Úcar
""")
# towns abroad where relatives live: (town, country, phone pattern, postcode pattern)
ABROAD = [
    ("Ribeira Grande", "Portugal", "+351 296 ### ###", "9600-###"),
    ("Povoação", "Portugal", "+351 296 ### ###", "9650-###"),
    ("Vila Franca do Campo", "Portugal", "+351 296 ### ###", "9680-###"),
    ("Angra do Heroísmo", "Portugal", "+351 295 ### ###", "9700-###"),
    ("Madalena", "Portugal", "+351 292 ### ###", "9950-###"),
    ("Tlaxiaco", "Mexico", "+52 953 ### ####", "69800"),
    ("Juchitán", "Mexico", "+52 971 ### ####", "70000"),
    ("Huajuapan", "Mexico", "+52 953 ### ####", "69000"),
    ("Laoag", "Philippines", "+63 917 ### ####", "2900"),
    ("Vigan", "Philippines", "+63 918 ### ####", "2700"),
    ("Batac", "Philippines", "+63 919 ### ####", "2906"),
    ("Moga", "India", "+91 98### #####", "142001"),
    ("Nakodar", "India", "+91 94### #####", "144040"),
    ("Phagwara", "India", "+91 98### #####", "144401"),
    ("Gernika", "Spain", "+34 688 ## ## ##", "48300"),
    ("Lekeitio", "Spain", "+34 617 ## ## ##", "48280"),
    ("Ondarroa", "Spain", "+34 655 ## ## ##", "48700"),
    ("Oulu", "Finland", "+358 40 ### ####", "90100"),
    ("Stavanger", "Norway", "+47 9## ## ###", "4006"),
    ("Gyumri", "Armenia", "+374 93 ######", "3101"),
]

STREET_WORDS = words("""
Sagebrush, Pioneer, Temple View, Canal, Sugar Beet, Rabbit Brush, Cottonwood, Cedar Hollow,
Tithing, Granary, Sheepcamp, Bayou Teche, Pecan Grove, Sugar Mill, Coulee, Cane Field, Levee,
Crawfish Pond, Petit Anse, Cherry Orchard, Sugar Beet Dike, Jack Pine, Popple, Fish Weir,
Drumlin, Cotton Gin, Magnolia Bend, Sawmill, Peanut, Boll Weevil, Chinaberry, Live Oak,
Peach Orchard, Cedar Break, Low Water Crossing, Mohair, Bluebonnet, Manzanita, Madrone,
Gold Dredge, Tailings, Stagecoach, Redwood Mill, Fern Gulch
""")
SUFFIXES = words("""
Rd, Road, St, Street, Ln, Lane, Dr, Ave, Loop, Way, Trl, Cir, Ct, Hwy, Pkwy, Bnd, Cv, Gln,
Hl, Mdw, Pt, Rdg, Row, Run, Walk
""")
DIRS = ["N", "S", "E", "W"]


def place(rng: random.Random, states: tuple[str, ...] = ()) -> tuple[str, str, str, str, str]:
    pool = [p for p in PLACES if not states or p[1] in states]
    cands = [p for p in pool if used(p[0]) < 2]
    return rng.choice(cands or pool)


def zip5(rng: random.Random, pl: tuple[str, str, str, str, str]) -> str:
    return pl[3] + f"{rng.randint(1, 99):02d}"


def zip9(rng: random.Random, pl: tuple[str, str, str, str, str]) -> str:
    return zip5(rng, pl) + f"-{rng.randint(1, 9999):04d}"


def street(rng: random.Random, state: str = "") -> str:
    """A street line in a form of the region."""
    k = rng.randint(0, 9)
    if state == "UT" and k < 5:  # grid address
        return f"{rng.randint(1, 30) * 50 + rng.choice([0, 25])} {rng.choice(DIRS)} {rng.randint(1, 24) * 100} {rng.choice(DIRS)}"
    if state == "LA" and k < 4:
        return f"{rng.randint(100, 39999)} {rng.choice(['LA Hwy', 'Hwy', 'LA-'])} {rng.choice([1, 13, 31, 82, 182, 347, 675, 3083])}".replace(
            "LA- ", "LA-"
        )
    if state == "MI" and k < 3:
        return f"{rng.randint(1000, 9999)} {rng.choice(['M-', 'M'])}{rng.choice([25, 32, 33, 53, 65, 68, 72, 142])}".replace(
            "M- ", "M-"
        )
    if state == "TX" and k < 3:
        return f"{rng.randint(100, 9999)} {rng.choice(['Ranch Rd', 'RR', 'FM', 'Ranch to Market Rd'])} {rng.randint(300, 3400)}"
    if state == "AL" and k < 3:
        return f"{rng.randint(100, 9999)} County Road {rng.randint(1, 99)}"
    if k == 9:
        return f"{rng.randint(2, 999)} 1/2 {rng.choice(STREET_WORDS)} {rng.choice(SUFFIXES)}"
    pre = rng.choice(["", "", "", "Old ", "N ", "W ", "S "])
    return f"{rng.randint(2, 29999)} {pre}{rng.choice(STREET_WORDS)} {rng.choice(SUFFIXES)}"


def unit(rng: random.Random) -> str:
    return rng.choice(["Apt ", "Apt. ", "Unit ", "Trlr ", "Lot ", "#", "Spc "]) + rng.choice(
        [str(rng.randint(1, 48)), f"{rng.randint(1, 3)}{rng.choice('ABCD')}", rng.choice("ABCDEF")]
    )


def pobox(rng: random.Random) -> str:
    return rng.choice(
        [
            f"PO Box {rng.randint(1, 2999)}",
            f"P.O. Box {rng.randint(1, 999)}",
            f"RR {rng.randint(1, 6)} Box {rng.randint(10, 399)}{rng.choice(['', '', 'A', 'B'])}",
            f"Rural Route {rng.randint(1, 4)}, Box {rng.randint(10, 299)}",
            f"HC {rng.randint(60, 89)} Box {rng.randint(100, 4999)}",
            f"Star Rte Box {rng.randint(10, 99)}",
        ]
    )


def pr_address(rng: random.Random) -> str:
    return f"Urb. {rng.choice(PR_URB)}, Calle {rng.choice(PR_CALLE)} {rng.choice('ABCDEFGHJK')}-{rng.randint(1, 40)}"


# ---------------------------------------------------------------- facilities (composed)
def facility(rng: random.Random, kind: str, town: str = "", county: str = "", sur: str = "") -> str:
    t = town or rng.choice(PLACES)[0]
    c = county or rng.choice(PLACES)[2]
    s = sur or rng.choice(SURNAMES)
    opts = {
        "hospital": [
            f"{c} Valley Hospital",
            f"{t} Community Hospital",
            f"{c} General Hospital",
            f"{t} Regional Medical Center",
            f"{c} Memorial Hospital",
            f"{t} Critical Access Hospital",
        ],
        "clinic": [
            f"{t} Rural Health Clinic",
            f"{t} Family Medicine",
            f"{c} Community Health Center",
            f"{t} Medical Clinic",
            f"{t} Health Center",
            f"{c} Primary Care",
        ],
        "dental": [
            f"{t} Family Dental",
            f"{s} Dental Care",
            f"{c} Smiles Dentistry",
            f"{t} Dental Arts",
        ],
        "pharmacy": [
            f"{t} Drug",
            f"{s} Pharmacy",
            f"{t} Apothecary",
            f"{c} Discount Pharmacy",
            f"{t} Rexall",
        ],
        "ltc": [
            f"{t} Care and Rehabilitation",
            f"{c} Nursing and Rehab",
            f"{t} Senior Living",
            f"{s} Manor",
            f"{t} Gardens Nursing Home",
        ],
        "school": [
            f"{t} Elementary School",
            f"{c} High School",
            f"{t} Middle School",
            f"{t} Primary",
        ],
        "bh": [f"{c} Behavioral Health", f"{t} Counseling Center", f"{c} Mental Health"],
        "homehealth": [f"{c} Home Health", f"{t} Home Care Services", f"{c} Visiting Nurses"],
        "employer": [
            f"{s} Turkey Farm",
            f"{s} Sheep Co.",
            f"{t} Feed and Seed",
            f"{s} Crawfish Farm",
            f"{s} Orchards",
            f"{s} Ranch Supply",
            f"{t} Sugar Cooperative",
            f"{s} Lumber",
            f"{t} Gravel Co.",
            f"{s} Peanut Company",
            f"{s} Drilling",
        ],
        "church": [
            f"{t} 3rd Ward",
            f"{t} 1st Ward",
            f"St. {rng.choice(['Landry', 'Joseph', 'Anne', 'Gregory'])} Catholic Church of {t}",
            f"{t} Buddhist Church",
            f"Holy Ghost Hall of {t}",
            f"St. Gregory Armenian Church of {t}",
            f"{t} Old Believer Chapel",
            f"{t} Missionary Baptist Church",
        ],
        "funeral": [f"{s} Funeral Home", f"{s} Mortuary", f"{t} Funeral Chapel"],
        "agency": [f"{c} Ambulance", f"{t} Fire and EMS", f"{c} EMS"],
        "lab": [f"{c} Reference Lab", f"{t} Clinical Laboratory"],
    }
    return rng.choice(opts[kind])


# ---------------------------------------------------------------- numbers with check digits
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


def npi(rng: random.Random) -> str:
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return body + luhn_digit("80840" + body)


def dea(rng: random.Random, surname: str) -> str:
    d = [rng.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    initial = next((c for c in surname.upper() if c.isalpha()), "X")
    return rng.choice("ABFGM") + initial + "".join(map(str, d)) + str(check)


def imei(rng: random.Random) -> str:
    body = "35" + "".join(rng.choice("0123456789") for _ in range(12))
    return body + luhn_digit(body)


_VIN_VAL = {
    **{str(i): i for i in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=False)),
    **dict(zip("JKLMN", range(1, 6), strict=False)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=False)),
}
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
_VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin(rng: random.Random) -> str:
    wmi = rng.choice(
        ["1FT", "1GC", "3GC", "1C6", "2T3", "5TF", "1HG", "JTD", "1FM", "4S4", "3N1", "KM8"]
    )
    chars = list(
        wmi
        + "".join(rng.choice(_VIN_CH) for _ in range(5))
        + "0"
        + rng.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
        + rng.choice(_VIN_CH)
        + "".join(rng.choice("0123456789") for _ in range(6))
    )
    s = sum(_VIN_VAL[c] * w for c, w in zip(chars, _VIN_W, strict=False)) % 11
    chars[8] = "X" if s == 10 else str(s)
    return "".join(chars)


def hin(rng: random.Random) -> str:
    """Hull identification number: maker code, serial, month letter, year digit, model year."""
    mic = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
    ser = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(5))
    yr = rng.randint(1, 25)
    return f"{mic}{ser}{rng.choice('ABCDEFGHIJKL')}{yr % 10}{yr:02d}"


def nnumber(rng: random.Random) -> str:
    n = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 3)))
    return (
        "N" + n + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.randint(0, 2)))
    )


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def ssn(rng: random.Random, form: int | None = None) -> str:
    a, b, c = rng.randint(1, 665), rng.randint(1, 99), rng.randint(1, 9999)
    f = rng.randint(0, 3) if form is None else form
    return [
        f"{a:03d}-{b:02d}-{c:04d}",
        f"{a:03d} {b:02d} {c:04d}",
        f"{a:03d}{b:02d}{c:04d}",
        f"{a:03d}.{b:02d}.{c:04d}",
    ][f]


def last4(rng: random.Random) -> str:
    return f"{rng.randint(1, 9999):04d}"


def mrn(rng: random.Random) -> str:
    k = rng.randint(0, 7)
    return [
        digits(rng, 7),
        digits(rng, 8),
        "E" + digits(rng, 7),
        f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}",
        "M" + digits(rng, 9),
        digits(rng, 6),
        f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
        f"{digits(rng, 6)}-{rng.randint(0, 9)}",
    ][k]


def account(rng: random.Random) -> str:
    k = rng.randint(0, 6)
    return [
        digits(rng, 10),
        f"{digits(rng, 4)}-{digits(rng, 5)}",
        letters(rng, 3) + digits(rng, 9),
        f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}",
        "A" + digits(rng, 11),
        f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 4)}",
        digits(rng, 12),
    ][k]


def mbi(rng: random.Random) -> str:
    L = "ACDEFGHJKMNPQRTUVWXY"
    return (
        str(rng.randint(1, 9))
        + rng.choice(L)
        + rng.choice(L + "0123456789")
        + str(rng.randint(0, 9))
        + "-"
        + rng.choice(L)
        + rng.choice(L + "0123456789")
        + str(rng.randint(0, 9))
        + "-"
        + rng.choice(L)
        + rng.choice(L)
        + str(rng.randint(0, 9))
        + str(rng.randint(0, 9))
    )


def state_license(rng: random.Random, state: str) -> str:
    if state == "UT":
        return f"{digits(rng, 7)}-{rng.choice(['1205', '2202', '3501', '4701', '6101'])}"
    if state == "LA":
        return f"{rng.choice(['MD', 'RN', 'DDS', 'LPC'])}.{digits(rng, 6)}"
    if state == "MI":
        return f"43{rng.choice(['01', '04', '05', '16'])}{digits(rng, 6)}"
    if state == "TX":
        return f"{letters(rng, 1)}{digits(rng, 4)}"
    if state == "CA":
        return f"{rng.choice(['A', 'G', 'C'])} {digits(rng, 5)}"
    return f"{rng.choice(['MD', 'RN', 'DMD'])}-{digits(rng, 5)}"


def driver_license(rng: random.Random, state: str) -> str:
    if state == "MI":
        return (
            f"{letters(rng, 1)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"
        )
    if state == "LA":
        return "00" + digits(rng, 7)
    if state == "CA":
        return letters(rng, 1) + digits(rng, 7)
    if state == "TX":
        return "4" + digits(rng, 7)
    if state == "AL":
        return digits(rng, 7)
    return digits(rng, 9)


STATE_NAMES = {
    "UT": "Utah",
    "LA": "Louisiana",
    "MI": "Michigan",
    "AL": "Alabama",
    "TX": "Texas",
    "CA": "California",
}


def plate(rng: random.Random, state: str) -> str:
    if state == "UT":
        return rng.choice(
            [
                f"{letters(rng, 1)}{digits(rng, 2)} {digits(rng, 1)}{letters(rng, 2)}",
                f"{digits(rng, 3)} {letters(rng, 3)}",
                f"{letters(rng, 3)}{digits(rng, 3)}",
            ]
        )
    if state == "LA":
        return rng.choice(
            [
                f"{letters(rng, 3)} {digits(rng, 3)}",
                f"{letters(rng, 1)}{digits(rng, 3)}{letters(rng, 3)}",
            ]
        )
    if state == "MI":
        return rng.choice(
            [
                f"{letters(rng, 3)} {digits(rng, 4)}",
                f"{letters(rng, 3)}{digits(rng, 4)}",
                f"{digits(rng, 1)}{letters(rng, 3)}{digits(rng, 2)}",
            ]
        )
    if state == "AL":
        return f"{rng.randint(1, 67)}{letters(rng, 2)}{digits(rng, 3)}"
    if state == "TX":
        return f"{letters(rng, 3)}-{digits(rng, 4)}"
    return f"{digits(rng, 1)}{letters(rng, 3)}{digits(rng, 3)}"


def boat_reg(rng: random.Random, state: str) -> str:
    return f"{state} {digits(rng, 4)} {letters(rng, 2)}"


def serial(rng: random.Random) -> str:
    k = rng.randint(0, 6)
    return [
        letters(rng, 3) + digits(rng, 6),
        digits(rng, 10),
        f"{letters(rng, 2)}{digits(rng, 4)}{letters(rng, 1)}{digits(rng, 3)}",
        f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 5)}",
        f"{letters(rng, 1)}{digits(rng, 4)}-{digits(rng, 5)}",
        digits(rng, 4) + letters(rng, 2) + digits(rng, 4),
        f"SN{digits(rng, 8)}",
    ][k]


def mac(rng: random.Random) -> str:
    sep = rng.choice([":", "-"])
    return sep.join(f"{rng.randint(0, 255):02X}" for _ in range(6))


def ipv4(rng: random.Random) -> str:
    first = rng.choice(
        [
            24,
            47,
            50,
            63,
            67,
            68,
            71,
            73,
            75,
            76,
            97,
            98,
            99,
            104,
            107,
            108,
            136,
            162,
            166,
            172,
            174,
            184,
            198,
            207,
            209,
            10,
            10,
            192,
        ]
    )
    if first == 192:
        return f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}"
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(["2600:1700", "2601:2c1", "2603:6010", "2607:fb90", "2001:5b0", "2605:a601"])
    tail = ":".join(f"{rng.randint(0, 65535):x}" for _ in range(rng.randint(2, 4)))
    return (
        f"{head}:{tail}::{rng.randint(1, 4095):x}"
        if rng.random() < 0.5
        else f"{head}:{tail}:{rng.randint(1, 65535):x}:{rng.randint(1, 65535):x}"
    )


MAIL_DOMAINS = words(
    "gmail.com, yahoo.com, outlook.com, icloud.com, aol.com, hotmail.com, att.net, protonmail.com, live.com, ymail.com, me.com, msn.com, charter.net, comcast.net, frontier.com"
)


def email(rng: random.Random, first: str, last: str, domain: str = "") -> str:
    f = "".join(c for c in first.lower() if c.isalpha() and c.isascii()) or "x"
    ln = "".join(c for c in last.lower() if c.isalpha() and c.isascii()) or "y"
    local = rng.choice(
        [
            f"{f}.{ln}",
            f"{f[0]}{ln}",
            f"{ln}{f[0]}{rng.randint(1, 99)}",
            f"{f}{ln}{rng.randint(40, 99)}",
            f"{f}_{ln}",
            f"{ln}.{f}",
            f"{f}{rng.randint(1930, 2012)}",
        ]
    )
    return f"{local}@{domain or rng.choice(MAIL_DOMAINS)}"


def phone(rng: random.Random, area: str, form: int | None = None) -> str:
    ex, ln = (
        f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}",
        f"{rng.randint(0, 9999):04d}",
    )
    f = rng.randint(0, 9) if form is None else form
    return [
        f"({area}) {ex}-{ln}",
        f"{area}-{ex}-{ln}",
        f"{area}.{ex}.{ln}",
        f"{area} {ex} {ln}",
        f"+1 {area} {ex} {ln}",
        f"1-{area}-{ex}-{ln}",
        f"{area}{ex}{ln}",
        f"{ex}-{ln}",
        f"({area}){ex}-{ln}",
        f"+1-{area}-{ex}-{ln}",
    ][f]


def phone_ext(rng: random.Random, area: str) -> str:
    base = phone(rng, area, rng.choice([0, 1, 2]))
    return base + rng.choice(
        [
            f" ext. {rng.randint(2, 499)}",
            f" x{rng.randint(100, 9999)}",
            f" ext {rng.randint(2, 99)}",
            f" Ext. {rng.randint(1000, 4999)}",
        ]
    )


def intl_phone(rng: random.Random, pattern: str) -> str:
    return "".join(str(rng.randint(0, 9)) if c == "#" else c for c in pattern)


VANITY = words(
    "HAY-BALE, CRAW-DAD, FIX-ROOF, BIG-BUCK, LAWN-PRO, SEP-TICS, WELL-PMP, GET-BEEF, HOT-SHOT, PEC-ANS, TOW-TRUK, FARRIER, SAW-MILL, GOAT-MLK"
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PT_MONTHS = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
]
ORD = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
]


def suffix(d: int) -> str:
    return "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


class Day:
    def __init__(self, rng: random.Random, y0: int, y1: int) -> None:
        self.rng = rng
        self.y, self.m, self.d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)

    def fmt(self, k: int | None = None) -> str:
        y, m, d = self.y, self.m, self.d
        mon = MONTHS[m - 1]
        forms = [
            f"{m:02d}/{d:02d}/{y}",
            f"{m}/{d}/{y}",
            f"{m}/{d}/{y % 100:02d}",
            f"{m:02d}-{d:02d}-{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d} {mon[:3]} {y}",
            f"{d:02d}{mon[:3].upper()}{y}",
            f"{d:02d}-{mon[:3].upper()}-{y % 100:02d}",
            f"{mon} {d}, {y}",
            f"{mon[:3]} {d}, {y}",
            f"{mon[:3]}. {d}{suffix(d)} {y}",
            f"{d} {mon} {y}",
            f"{mon} {d}{suffix(d)}, {y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{m:02d}.{d:02d}.{y % 100:02d}",
        ]
        return forms[self.rng.randint(0, len(forms) - 1) if k is None else k]

    def short(self) -> str:
        return self.rng.choice(
            [
                f"{self.m}/{self.d}",
                f"{MONTHS[self.m - 1][:3]} {self.d}",
                f"{MONTHS[self.m - 1]} {self.d}{suffix(self.d)}",
                f"{self.d}-{MONTHS[self.m - 1][:3]}",
            ]
        )

    def month_year(self) -> str:
        return self.rng.choice(
            [
                f"{MONTHS[self.m - 1]} {self.y}",
                f"{MONTHS[self.m - 1][:3]} {self.y}",
                f"{self.m:02d}/{self.y}",
            ]
        )

    def words(self) -> str:
        return f"{MONTHS[self.m - 1].lower()} {ORD[self.d]}"

    def pt(self) -> str:
        return f"{self.d} de {PT_MONTHS[self.m - 1]} de {self.y}"


def dob_old(rng: random.Random) -> Day:
    return Day(rng, 1922, 1935)


def dob(rng: random.Random) -> Day:
    return Day(rng, 1938, 2019)


def recent(rng: random.Random) -> Day:
    return Day(rng, 2024, 2026)


HOLIDAYS = words(
    "Pioneer Day, Mardi Gras, Juneteenth, Labor Day, Memorial Day, Thanksgiving, Christmas Eve, Easter Sunday, Mother's Day, Veterans Day, Fourth of July, All Saints' Day"
)

AGE_WORDS = [
    "ninety",
    "ninety-one",
    "ninety-two",
    "ninety-three",
    "ninety-four",
    "ninety-five",
    "ninety-six",
    "ninety-seven",
    "ninety-eight",
    "ninety-nine",
    "one hundred",
    "one hundred and one",
    "one hundred and two",
    "a hundred and three",
]


def age_old(rng: random.Random) -> str:
    return str(rng.randint(90, 106))


def age_words(rng: random.Random) -> str:
    return rng.choice(AGE_WORDS)


# ---------------------------------------------------------------- people
class Person:
    def __init__(self, rng: random.Random, sex: str = "") -> None:
        self.sex = sex or rng.choice("FM")
        self.first = fresh(rng, FIRST_F if self.sex == "F" else FIRST_M)
        r = rng.random()
        if r < 0.12:
            a, b = fresh(rng, SURNAMES), fresh(rng, SURNAMES)
            while b == a or " " in a or " " in b or "'" in a:
                a, b = fresh(rng, SURNAMES), fresh(rng, SURNAMES)
            self.last = f"{a}-{b}"
        else:
            self.last = fresh(rng, SURNAMES)
        self.mi = rng.choice("ABCDEFGHJKLMNRSTVW")
        self.nick = fresh(rng, NICKNAMES)
        self.rng = rng

    def full(self) -> str:
        return f"{self.first} {self.last}"

    def full_mi(self) -> str:
        return f"{self.first} {self.mi}. {self.last}"

    def lf(self) -> str:
        return f"{self.last}, {self.first}"

    def LF(self) -> str:
        return f"{self.last.upper()}, {self.first.upper()}"

    def LF_mi(self) -> str:
        return f"{self.last.upper()}, {self.first.upper()} {self.mi}"

    def caps(self) -> str:
        return self.full().upper()

    def nicked(self) -> str:
        return f'{self.first} "{self.nick}" {self.last}'

    def fi(self) -> str:
        return f"{self.first[0]}. {self.last}"

    def initials(self, dots: bool = False, mid: bool = False) -> str:
        parts = (
            [self.first[0]]
            + ([self.mi] if mid else [])
            + [c[0] for c in self.last.replace("-", " ").split() if c[0].isalpha()][:1]
        )
        parts = [p.upper() for p in parts]
        return ".".join(parts) + "." if dots else "".join(parts)

    def user(self) -> str:
        f = "".join(c for c in self.first.lower() if c.isascii() and c.isalpha())
        ln = "".join(c for c in self.last.lower() if c.isascii() and c.isalpha())
        return self.rng.choice([f[0] + ln, f"{f}.{ln}", ln + f[0], f"{ln[:6]}{f[:2]}"])
