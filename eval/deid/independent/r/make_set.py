#!/usr/bin/env python3
"""Write set R: 270 identifier passages and 180 clean passages to heldout.jsonl.

Standard library only; seed 20261214. Every value is typed here or composed by a generator
written here. A passage is built from text pieces and (value, CATEGORY) pairs, so offsets are
exact by construction: 18 identifier shapes × 14, 18 hand-written one-offs, 12 clean shapes × 15.
No value other than an age sits in more than two passages. Run: python3 make_set.py
"""

from __future__ import annotations

import collections
import json
import random
import string
from pathlib import Path

SEED = 20261214
R = random.Random(SEED)
ID_PER_SHAPE = 14
CLEAN_PER_SHAPE = 15
MAX_PASSAGES_PER_VALUE = 2

# --------------------------------------------------------------------------------------------
# Pools typed by hand (no real person is intended; names are combined at random)
# --------------------------------------------------------------------------------------------

GIVEN_F = [
    # Walloon Belgian families of the Door peninsula
    "Aline", "Odile", "Léonie", "Mathilde", "Eugénie", "Delphine", "Marthe", "Berthe", "Irène",
    "Clémence", "Josephine", "Séraphine",
    # Ecuadorian (Azuay and Cañar) families of the East End of Long Island
    "Zoila", "Digna", "Lastenia", "Vicenta", "Rosa Elvira", "María Dolores", "Tránsito", "Nube",
    "Fanny", "Blanca Piedad", "Mariuxi", "Jessenia",
    # Wampanoag, Shinnecock, Pamunkey and Mattaponi families
    "Tia", "Bernadette", "Roberta", "Winona", "Gladys", "Loretta", "Nanette",
    # Northern Neck and Middle Peninsula of Virginia
    "Hattie", "Alease", "Mittie", "Lucille", "Inez", "Odessa", "Bernice", "Carrie Bell",
    # Florida Panhandle
    "Oneta", "Velma", "Juanita", "Wanda", "Dovie", "Lavonne", "Ardith", "Opal", "Ola Mae", "Jewel",
    # Jackson Purchase of Kentucky
    "Imogene", "Novella", "Dorthy", "Lottie", "Reba", "Glenda", "Nell", "Verna", "Wilma", "Evie",
    # Cape Cod and the Islands
    "Prudence", "Abigail", "Eliza", "Temperance", "Lydia", "Priscilla",
    # recent baby names
    "Kinsley", "Nova", "Sutton", "Oakley", "Marlowe", "Ensley", "Henley", "Collins", "Wrenley",
    # word and calendar names
    "April", "Autumn", "Delight", "Bliss", "Goldie", "Tracy", "Fay", "Gail", "Charity", "Haven",
    "Lyric", "Dixie", "Sunny",
]
GIVEN_M = [
    "Désiré", "Jules", "Lucien", "Eudore", "Florent", "Gustave", "Octave", "Prosper", "Achille",
    "Norbert", "Alphonse", "Camille",
    "Segundo", "Fausto", "Jacinto", "Manuel Jesús", "Clemente", "Wilmer", "Darwin", "Washington",
    "Holger", "Edison", "Byron", "Klever", "Jofre", "Ángel",
    "Tobias", "Earl", "Leroy", "Everett", "Marcellus",
    "Garland", "Calvin", "Lemuel", "Ulysses", "Booker", "Elwood", "Thurston", "Alvin",
    "Audie", "Carlton", "Wendell", "Ferrell", "Lavon", "Tommie", "Buford", "Clifton", "Dewey",
    "Hoke",
    "Hoyt", "Euel", "Loman", "Orvel", "Virgil", "Elvis", "Harlan", "Doyle", "Gaylon", "Rayburn",
    "Josiah", "Seth", "Caleb", "Nathaniel", "Elisha", "Zenas",
    "Maverick", "Atlas", "Kingston", "Brantley", "Crew", "Boone", "Ledger", "Huxley",
    # eponyms and words as given names
    "Bruce", "Duke", "Glenn", "Tanner", "Graham", "Baxter", "Ward", "Pace", "Cash", "Lucky",
    "Sonny", "Rebel", "King", "Dallas",
]
SURNAMES = [
    # Walloon
    "Delfosse", "Jeanquart", "Massart", "Baudhuin", "Gigot", "Lampereur", "Dequaine", "Wautlet",
    "Draize", "Renard", "Hansotte", "Jadin", "Delveaux", "Englebert", "Destree", "Lemense",
    "Paque", "Jeanquart-Massart",
    # Ecuadorian (Cañari and Azuay)
    "Guamán", "Quizhpi", "Tenesaca", "Pichasaca", "Naula", "Guallpa", "Tacuri", "Chimbo",
    "Mayancela", "Zhunio", "Sigua", "Buestán", "Morocho", "Duchi", "Yunga", "Lema",
    # Wampanoag and Shinnecock
    "Vanderhoop", "Pocknett", "Attaquin", "Coombs", "Mye", "Tobey", "Widdiss", "Belain",
    "Hendricks", "Cuffee", "Eleazer", "Kellis", "Bess", "Tarrant", "Haile",
    # Pamunkey, Mattaponi, Rappahannock
    "Custalow", "Bradby", "Langston", "Fortune", "Sampson", "Miles", "Allmond",
    # Northern Neck
    "Jett", "Dameron", "Haynie", "Sisson", "Fauntleroy", "Tayloe", "Self", "Beale", "Ball",
    "Blackwell", "Hinson", "Oldham", "Gaskins", "Headley", "Lampkin", "Veney",
    # Florida Panhandle
    "Padgett", "Register", "Bozeman", "Whitehurst", "Pippin", "Gainey", "Commander", "Tindell",
    "Shiver", "Purvis", "Capps", "Brock", "Yates", "Bedsole", "Bedgood",
    # Jackson Purchase
    "Burkeen", "Wrye", "Elkins", "Cope", "Culp", "Outland", "Orr", "Paschall", "Futrell", "Stom",
    "Cothran", "Pounds", "Lively", "Coffey",
    # Cape Cod and the East End of Long Island
    "Nickerson", "Crowell", "Doane", "Atwood", "Eldredge", "Knowles", "Bassett", "Hallett",
    "Hinckley", "Gorham", "Ryder", "Howes", "Bangs", "Dill", "Rich", "Sears", "Halsey",
    "Mulford", "Conklin", "Talmage", "Havens", "Inch",
    # eponyms whose eponyms sit in the clean passages
    "Fowler", "Sims", "Foley", "Gilbert", "Horner", "Barton", "Becker", "Nelson", "Conn",
    "Ewing", "Heller", "Ross", "Mustard", "Holter", "Wright", "Gram", "Ranson", "Light", "Berg",
    "Morse", "Norton", "Hunt", "Chadwick", "Battle", "Hoover", "Waddell", "Epley", "Heimlich",
    "McBurney", "Killip", "Tanner", "Strain",
]
# town, county, state, zip (as remembered), area code
PLACES = [
    # Cape Cod and the Islands (Barnstable, Dukes and Nantucket counties)
    ("Sandwich", "Barnstable", "MA", "02563", "508"), ("Bourne", "Barnstable", "MA", "02532", "508"),
    ("Falmouth", "Barnstable", "MA", "02540", "508"), ("Woods Hole", "Barnstable", "MA", "02543", "508"),
    ("Mashpee", "Barnstable", "MA", "02649", "508"), ("Cotuit", "Barnstable", "MA", "02635", "508"),
    ("Osterville", "Barnstable", "MA", "02655", "508"), ("Centerville", "Barnstable", "MA", "02632", "508"),
    ("Hyannis", "Barnstable", "MA", "02601", "508"), ("Yarmouth Port", "Barnstable", "MA", "02675", "508"),
    ("Dennis Port", "Barnstable", "MA", "02639", "508"), ("Harwich", "Barnstable", "MA", "02645", "508"),
    ("Brewster", "Barnstable", "MA", "02631", "508"), ("Chatham", "Barnstable", "MA", "02633", "508"),
    ("Orleans", "Barnstable", "MA", "02653", "508"), ("Eastham", "Barnstable", "MA", "02642", "508"),
    ("Wellfleet", "Barnstable", "MA", "02667", "508"), ("Truro", "Barnstable", "MA", "02666", "508"),
    ("Provincetown", "Barnstable", "MA", "02657", "508"), ("Pocasset", "Barnstable", "MA", "02559", "508"),
    ("Sagamore Beach", "Barnstable", "MA", "02562", "508"), ("Edgartown", "Dukes", "MA", "02539", "508"),
    ("Oak Bluffs", "Dukes", "MA", "02557", "508"), ("Vineyard Haven", "Dukes", "MA", "02568", "508"),
    ("Chilmark", "Dukes", "MA", "02535", "508"), ("Aquinnah", "Dukes", "MA", "02535", "508"),
    ("Siasconset", "Nantucket", "MA", "02564", "508"),
    # East End of Long Island (Suffolk County)
    ("Riverhead", "Suffolk", "NY", "11901", "631"), ("Southold", "Suffolk", "NY", "11971", "631"),
    ("Greenport", "Suffolk", "NY", "11944", "631"), ("Cutchogue", "Suffolk", "NY", "11935", "631"),
    ("Mattituck", "Suffolk", "NY", "11952", "631"), ("Orient", "Suffolk", "NY", "11957", "631"),
    ("Jamesport", "Suffolk", "NY", "11947", "631"), ("Aquebogue", "Suffolk", "NY", "11931", "631"),
    ("Montauk", "Suffolk", "NY", "11954", "631"), ("Amagansett", "Suffolk", "NY", "11930", "631"),
    ("Sag Harbor", "Suffolk", "NY", "11963", "631"), ("Bridgehampton", "Suffolk", "NY", "11932", "631"),
    ("Water Mill", "Suffolk", "NY", "11976", "631"), ("Hampton Bays", "Suffolk", "NY", "11946", "631"),
    ("Shelter Island", "Suffolk", "NY", "11964", "631"), ("Springs", "Suffolk", "NY", "11937", "631"),
    ("Flanders", "Suffolk", "NY", "11901", "631"), ("Calverton", "Suffolk", "NY", "11933", "631"),
    ("Quogue", "Suffolk", "NY", "11959", "631"), ("Wainscott", "Suffolk", "NY", "11975", "631"),
    # Northern Neck and Middle Peninsula of Virginia
    ("Kilmarnock", "Lancaster", "VA", "22482", "804"), ("White Stone", "Lancaster", "VA", "22578", "804"),
    ("Irvington", "Lancaster", "VA", "22480", "804"), ("Heathsville", "Northumberland", "VA", "22473", "804"),
    ("Reedville", "Northumberland", "VA", "22539", "804"), ("Callao", "Northumberland", "VA", "22435", "804"),
    ("Lottsburg", "Northumberland", "VA", "22511", "804"), ("Warsaw", "Richmond", "VA", "22572", "804"),
    ("Montross", "Westmoreland", "VA", "22520", "804"), ("Colonial Beach", "Westmoreland", "VA", "22443", "804"),
    ("Kinsale", "Westmoreland", "VA", "22488", "804"), ("Tappahannock", "Essex", "VA", "22560", "804"),
    ("Urbanna", "Middlesex", "VA", "23175", "804"), ("Saluda", "Middlesex", "VA", "23149", "804"),
    ("Deltaville", "Middlesex", "VA", "23043", "804"), ("Hartfield", "Middlesex", "VA", "23071", "804"),
    ("Mathews", "Mathews", "VA", "23109", "804"), ("Gloucester Point", "Gloucester", "VA", "23062", "804"),
    ("West Point", "King William", "VA", "23181", "804"), ("King and Queen Court House", "King and Queen", "VA", "23085", "804"),
    # Florida Panhandle (Holmes, Washington, Jackson, Walton counties)
    ("Chipley", "Washington", "FL", "32428", "850"), ("Bonifay", "Holmes", "FL", "32425", "850"),
    ("Marianna", "Jackson", "FL", "32446", "850"), ("Graceville", "Jackson", "FL", "32440", "850"),
    ("Vernon", "Washington", "FL", "32462", "850"), ("DeFuniak Springs", "Walton", "FL", "32435", "850"),
    ("Sneads", "Jackson", "FL", "32460", "850"), ("Cottondale", "Jackson", "FL", "32431", "850"),
    ("Malone", "Jackson", "FL", "32445", "850"), ("Alford", "Jackson", "FL", "32420", "850"),
    ("Wausau", "Washington", "FL", "32463", "850"), ("Westville", "Holmes", "FL", "32464", "850"),
    ("Caryville", "Washington", "FL", "32427", "850"), ("Ponce de Leon", "Holmes", "FL", "32455", "850"),
    ("Grand Ridge", "Jackson", "FL", "32442", "850"), ("Esto", "Holmes", "FL", "32425", "850"),
    ("Greenwood", "Jackson", "FL", "32443", "850"), ("Campbellton", "Jackson", "FL", "32426", "850"),
    # Jackson Purchase of Kentucky
    ("Mayfield", "Graves", "KY", "42066", "270"), ("Murray", "Calloway", "KY", "42071", "270"),
    ("Benton", "Marshall", "KY", "42025", "270"), ("Hazel", "Calloway", "KY", "42049", "270"),
    ("Fulton", "Fulton", "KY", "42041", "270"), ("Hickman", "Fulton", "KY", "42050", "270"),
    ("Clinton", "Hickman", "KY", "42031", "270"), ("Bardwell", "Carlisle", "KY", "42023", "270"),
    ("Wickliffe", "Ballard", "KY", "42087", "270"), ("Arlington", "Carlisle", "KY", "42021", "270"),
    ("La Center", "Ballard", "KY", "42056", "270"), ("Kevil", "Ballard", "KY", "42053", "270"),
    ("Kirksey", "Calloway", "KY", "42054", "270"), ("Wingo", "Graves", "KY", "42088", "270"),
    ("Sedalia", "Graves", "KY", "42079", "270"), ("Lowes", "Graves", "KY", "42061", "270"),
    ("Symsonia", "Graves", "KY", "42082", "270"), ("Water Valley", "Graves", "KY", "42085", "270"),
    ("Farmington", "Graves", "KY", "42040", "270"), ("Hardin", "Marshall", "KY", "42048", "270"),
    ("Almo", "Calloway", "KY", "42020", "270"), ("Calvert City", "Marshall", "KY", "42029", "270"),
    ("Gilbertsville", "Marshall", "KY", "42044", "270"), ("Smithland", "Livingston", "KY", "42081", "270"),
    ("Cunningham", "Carlisle", "KY", "42035", "270"), ("Dexter", "Calloway", "KY", "42036", "270"),
    # Door peninsula and Kewaunee County, Wisconsin
    ("Sturgeon Bay", "Door", "WI", "54235", "920"), ("Egg Harbor", "Door", "WI", "54209", "920"),
    ("Fish Creek", "Door", "WI", "54212", "920"), ("Ephraim", "Door", "WI", "54211", "920"),
    ("Sister Bay", "Door", "WI", "54234", "920"), ("Baileys Harbor", "Door", "WI", "54202", "920"),
    ("Ellison Bay", "Door", "WI", "54210", "920"), ("Brussels", "Door", "WI", "54204", "920"),
    ("Forestville", "Door", "WI", "54213", "920"), ("Jacksonport", "Door", "WI", "54235", "920"),
    ("Washington Island", "Door", "WI", "54246", "920"), ("Algoma", "Kewaunee", "WI", "54201", "920"),
    ("Kewaunee", "Kewaunee", "WI", "54216", "920"), ("Luxemburg", "Kewaunee", "WI", "54217", "920"),
    ("Casco", "Kewaunee", "WI", "54205", "920"), ("Namur", "Door", "WI", "54204", "920"),
]
STATE_NAME = {"MA": "Massachusetts", "NY": "New York", "VA": "Virginia", "FL": "Florida",
              "KY": "Kentucky", "WI": "Wisconsin"}
STREET_WORDS = [
    "Quahog", "Salt Works", "Cordwood", "Menhaden", "Bayberry", "Beach Plum", "Scrub Oak",
    "Kettle Pond", "Clay Pit", "Packet Landing", "Steamboat Wharf", "Dark Fired", "Loose Floor",
    "Gallberry", "Longleaf", "Mule Barn", "Lime Kiln", "Shipyard", "Cherry Pit", "Fish Boil",
    "Dolomite", "Peanut Mill", "Duck Farm", "Potato Dock", "Whaleboat", "Eelgrass", "Tupelo Honey",
    "Smokehouse", "Ice House", "Sorting Shed", "Net Loft", "Bog Iron", "Sawgrass", "Strawberry Hill",
]
SUFFIXES = ["Rd", "Road", "Ln", "Lane", "Dr", "Way", "Path", "Cartway", "Neck Rd", "Landing",
            "Hollow", "Trl", "Ct", "Cir", "Pt", "Ter", "Pl", "Xing", "Row", "Walk", "Bnd", "Cv",
            "Loop", "Mdw", "Pike", "Byp", "Hts", "Run", "Spur", "Trce"]
REGIONAL_ROADS = {
    "MA": ["Old Kings Hwy", "Route 6A", "Route 28", "Falmouth Rd", "Quaker Meeting House Rd",
           "State Hwy", "Old Country Rd"],
    "NY": ["Montauk Hwy", "Main Rd", "Sound Ave", "Noyac Rd", "Three Mile Harbor Rd", "County Road 39",
           "North Sea Rd"],
    "VA": ["Northumberland Hwy", "Richmond Rd", "Mary Ball Rd", "Rt. 3", "General Puller Hwy",
           "Tidewater Trl", "Buckley Hall Rd"],
    "FL": ["Hwy 177A", "Co Rd 280", "State Road 79", "Hwy 90 E", "Sunday Rd", "Co Hwy 162",
           "Hwy 2"],
    "KY": ["State Route 94 E", "KY 121 N", "US Hwy 45 S", "State Route 80 W", "KY 339",
           "Purchase Pkwy Service Rd", "Old Benton Rd"],
    "WI": ["State Hwy 57", "County Rd EE", "County Rd ZZ", "Hwy 42", "Mink River Rd",
           "County Rd K", "Gardner Rd"],
}
UNITS = ["Apt 2", "Apt B", "Unit 14", "Unit 3C", "Lot 22", "Lot 7", "Trlr 9", "Ste 104",
         "# 6", "Rear", "Fl 2", "Cottage 4", "Cottage 11", "Slip 14", "Cabin 3", "Bsmt",
         "Apt 1R", "Unit 205"]

HOSPITALS = {
    "MA": ["Cape Cod Hospital", "Falmouth Hospital", "Martha's Vineyard Hospital",
           "Nantucket Cottage Hospital", "Outer Cape Health Services", "Harbor Community Health Center"],
    "NY": ["Peconic Bay Medical Center", "Stony Brook Eastern Long Island Hospital",
           "Stony Brook Southampton Hospital", "Shinnecock Indian Health Service Clinic",
           "Hudson River Health Care Greenport"],
    "VA": ["Rappahannock General Hospital", "Riverside Tappahannock Hospital",
           "Riverside Walter Reed Hospital", "Northern Neck Free Health Clinic",
           "Bay Rivers Telehealth Alliance"],
    "FL": ["Northwest Florida Community Hospital", "Doctors Memorial Hospital Bonifay",
           "Jackson Hospital", "Healthmark Regional Medical Center", "Campbellton-Graceville Hospital"],
    "KY": ["Jackson Purchase Medical Center", "Murray-Calloway County Hospital",
           "Marshall County Hospital", "Parkway Regional Hospital", "Baptist Health Paducah"],
    "WI": ["Door County Medical Center", "Aurora Medical Center in Kewaunee", "Washington Island Clinic",
           "Bellin Health Algoma", "Door County Health Department"],
}
FACILITY_KINDS = ["Family Medicine", "Family Pharmacy", "Rural Health Clinic", "Senior Center",
                  "Rescue Squad", "Ambulance Corps", "Dialysis Center", "Health and Rehab",
                  "Assisted Living", "Elementary School", "Public Library", "Fire Department",
                  "Primary Care", "Drug Store", "Nursing and Rehabilitation Center",
                  "Oyster Company", "Cherry Orchards", "Marina", "Fish Market", "Grain Elevator"]
EMAIL_DOMAINS = ["capecodmail.net", "comcast.net", "optonline.net", "verizon.net",
                 "northernneck.net", "kinsale.org", "bellsouth.net", "windstream.net",
                 "wk.net", "mediacombb.net", "dcwis.com", "itol.com", "gmail.com", "yahoo.com",
                 "hotmail.com", "aol.com", "icloud.com", "outlook.com", "vineyard.net", "hamptons.com"]

# --------------------------------------------------------------------------------------------
# Check digits and number shapes
# --------------------------------------------------------------------------------------------


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


def digits(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def npi() -> str:
    body = R.choice("12") + digits(8)
    return body + luhn_digit("80840" + body)


def dea(surname: str) -> str:
    first = R.choice("ABFM")
    second = surname[0].upper() if surname[0].isascii() and surname[0].isalpha() else "X"
    d = [R.randrange(10) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(check)


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin() -> str:
    wmi = R.choice(["1FT", "1GC", "2T1", "3GN", "1C6", "5FN", "JTD", "1HG", "4T1", "KNA"])
    chars = list(wmi + "".join(R.choice(VIN_CHARS) for _ in range(14)))
    chars[9] = R.choice("GHJKLMNPR")
    total = sum(VIN_VAL[c] * w for c, w in zip(chars, VIN_W))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def imei() -> str:
    body = R.choice(["35", "86", "01", "35"]) + digits(12)
    return body + luhn_digit(body)


def ssn(style: str | None = None) -> str:
    area = R.choice([n for n in range(1, 900) if n != 666])
    a, g, s = f"{area:03d}", f"{R.randrange(1, 100):02d}", f"{R.randrange(1, 10000):04d}"
    style = style or R.choice(["dash", "dash", "space", "none"])
    return {"dash": f"{a}-{g}-{s}", "space": f"{a} {g} {s}", "none": a + g + s}[style]


def last4() -> str:
    return f"{R.randrange(1, 10000):04d}"


def phone(area: str, style: str | None = None) -> str:
    ex = R.choice(["2", "3", "4", "5", "6", "7", "8", "9"]) + digits(2)
    ln = digits(4)
    style = style or R.choice(["paren", "dash", "dash", "dot", "plain", "intl", "one"])
    return {"paren": f"({area}) {ex}-{ln}", "dash": f"{area}-{ex}-{ln}", "dot": f"{area}.{ex}.{ln}",
            "plain": f"{area}{ex}{ln}", "intl": f"+1 {area} {ex} {ln}", "one": f"1-{area}-{ex}-{ln}",
            "space": f"{area} {ex} {ln}"}[style]


def mrn() -> str:
    shape = R.randrange(8)
    if shape == 0:
        return "M" + digits(7)
    if shape == 1:
        return "00" + digits(6)
    if shape == 2:
        return f"{digits(3)} {digits(3)} {digits(2)}"
    if shape == 3:
        return f"{digits(2)}-{digits(2)}-{digits(2)}"
    if shape == 4:
        return "RG" + digits(6)
    if shape == 5:
        return digits(8)
    if shape == 6:
        return f"{digits(6)}-{R.randrange(10)}"
    return "E" + digits(9)


def member_id() -> str:
    shape = R.randrange(6)
    if shape == 0:
        return R.choice(["XJE", "ZGP", "YRK", "HMA", "QWF"]) + digits(9)
    if shape == 1:
        return digits(11)
    if shape == 2:
        return f"{digits(3)}-{digits(3)}-{digits(3)}"
    if shape == 3:
        return "W" + digits(9) + R.choice("0123456789")
    if shape == 4:
        return R.choice(string.ascii_uppercase) + digits(8) + R.choice(["00", "01", "02"])
    return f"{digits(4)} {digits(4)} {digits(2)}"


def mbi() -> str:
    L = "ACDEFGHJKMNPQRTUVWXY"
    an = L + string.digits
    s = (R.choice("123456789") + R.choice(L) + R.choice(an) + R.choice(string.digits) + R.choice(L)
         + R.choice(an) + R.choice(string.digits) + R.choice(L) + R.choice(L) + R.choice(string.digits)
         + R.choice(string.digits))
    return s if R.random() < 0.5 else f"{s[:4]}-{s[4:7]}-{s[7:]}"


def medicaid(state: str) -> str:
    return {"MA": digits(12), "NY": "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
            + digits(5) + R.choice("ABCDEFGHJK"), "VA": digits(12), "FL": digits(10),
            "KY": digits(10), "WI": "10" + digits(8)}[state]


def rx_number() -> str:
    return R.choice(["", "", "RX", "7"]) + digits(7)


def accession(kind: str) -> str:
    yr = R.choice(["25", "26"])
    return f"{kind}{yr}-{R.randrange(100, 99999)}"


def state_license(state: str) -> str:
    return {"MA": f"{R.randrange(200000, 299999)}", "NY": f"{R.randrange(200000, 330000):06d}",
            "VA": f"0101{digits(6)}", "FL": f"ME{R.randrange(60000, 160000)}",
            "KY": f"{R.randrange(30000, 55000)}", "WI": f"{R.randrange(40000, 79999)}-20"}[state]


def drivers_license(state: str) -> str:
    L = string.ascii_uppercase
    return {"MA": "S" + digits(8), "NY": f"{digits(3)} {digits(3)} {digits(3)}",
            "VA": f"{R.choice('ABCT')}{digits(2)}-{digits(2)}-{digits(4)}",
            "FL": f"{R.choice(L)}{digits(3)}-{digits(3)}-{digits(2)}-{digits(3)}-{R.randrange(10)}",
            "KY": f"{R.choice(L)}{digits(2)}-{digits(3)}-{digits(3)}",
            "WI": f"{R.choice(L)}{digits(3)}-{digits(4)}-{digits(4)}-{digits(2)}"}[state]


def plate(state: str) -> str:
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def let(n: int) -> str:
        return "".join(R.choice(L) for _ in range(n))

    return {"MA": R.choice([f"{R.randrange(1, 10)}{let(2)}{R.choice([' ', ''])}{digits(3)}",
                            f"{digits(3)} {let(2)}{R.randrange(10)}"]),
            "NY": R.choice([f"{let(3)}-{digits(4)}", f"{let(3)}{digits(4)}"]),
            "VA": R.choice([f"{let(3)}-{digits(4)}", f"{let(3)}{digits(4)}", f"{let(2)}{digits(1)}-{let(1)}{digits(2)}"]),
            "FL": R.choice([f"{let(3)} {let(1)}{digits(2)}", f"{digits(3)} {let(3)}", f"{let(4)}{digits(2)}"]),
            "KY": R.choice([f"{digits(3)} {let(3)}", f"{digits(3)}{let(3)}"]),
            "WI": R.choice([f"{let(3)}-{digits(4)}", f"{let(3)}{digits(4)}", f"{digits(3)}-{let(3)}"])}[state]


def serial(kind: str = "") -> str:
    shape = R.randrange(8)
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if shape == 0:
        return R.choice(L) + R.choice(L) + digits(8)
    if shape == 1:
        return digits(4) + " " + digits(4) + " " + digits(2)
    if shape == 2:
        return f"{R.choice(['OC', 'HB', 'PT', 'GN', 'TX'])}-{digits(5)}"
    if shape == 3:
        return digits(2) + R.choice(L) + digits(6)
    if shape == 4:
        return f"{R.choice(L)}{digits(3)}{R.choice(L)}{digits(5)}"
    if shape == 5:
        return digits(10)
    if shape == 6:
        return "".join(R.choice(L + string.digits) for _ in range(12))
    return f"{R.choice(['1', '2'])}{digits(2)}-{digits(6)}"


def mac() -> str:
    parts = [f"{R.randrange(256):02x}" for _ in range(6)]
    sep = R.choice([":", "-"])
    s = sep.join(parts)
    return s.upper() if R.random() < 0.5 else s


def ipv4(private: bool | None = None) -> str:
    if private is None:
        private = R.random() < 0.4
    if private:
        return R.choice([f"10.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(2, 255)}",
                         f"192.168.{R.randrange(256)}.{R.randrange(2, 255)}",
                         f"172.{R.randrange(16, 32)}.{R.randrange(256)}.{R.randrange(2, 255)}"])
    first = R.choice([24, 47, 66, 68, 71, 73, 74, 96, 98, 104, 107, 108, 146, 162, 173, 184, 198, 205, 209])
    return f"{first}.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(2, 255)}"


def ipv6() -> str:
    head = R.choice(["2600:1702", "2601:18c", "2603:7000", "2607:fb90", "2001:558"])
    tail = ":".join(f"{R.randrange(65536):x}" for _ in range(R.choice([3, 4])))
    return f"{head}:{tail}" if R.random() < 0.5 else f"{head}::{tail}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON = [m[:3] for m in MONTHS]


def ymd(lo: int, hi: int) -> tuple[int, int, int]:
    return R.randrange(lo, hi + 1), R.randrange(1, 13), R.randrange(1, 29)


def date(lo: int = 2024, hi: int = 2026, form: str | None = None) -> str:
    y, m, d = ymd(lo, hi)
    form = form or R.choice(["mdy", "mdy", "mmddyyyy", "mdyy", "iso", "long", "abbr", "dmy",
                             "compact_mon", "dash_mon", "dot"])
    return fmt_date(y, m, d, form)


def fmt_date(y: int, m: int, d: int, form: str) -> str:
    if form == "mdy":
        return f"{m}/{d}/{y}"
    if form == "mmddyyyy":
        return f"{m:02d}/{d:02d}/{y}"
    if form == "mdyy":
        return f"{m}/{d}/{y % 100:02d}"
    if form == "iso":
        return f"{y}-{m:02d}-{d:02d}"
    if form == "long":
        return f"{MONTHS[m - 1]} {d}, {y}"
    if form == "abbr":
        return f"{MON[m - 1]} {d}, {y}"
    if form == "dmy":
        return f"{d} {MON[m - 1]} {y}"
    if form == "compact_mon":
        return f"{d:02d}{MON[m - 1].upper()}{y}"
    if form == "dash_mon":
        return f"{d:02d}-{MON[m - 1].upper()}-{y}"
    if form == "dot":
        return f"{m:02d}.{d:02d}.{y}"
    if form == "md":
        return f"{m}/{d}"
    if form == "mon_d":
        return f"{MON[m - 1]} {d}"
    if form == "my":
        return f"{m:02d}/{y}"
    if form == "month_year":
        return f"{MONTHS[m - 1]} {y}"
    if form == "ordinal":
        suf = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return f"the {d}{suf} of {MONTHS[m - 1]}"
    if form == "compact":
        return f"{y}{m:02d}{d:02d}"
    raise ValueError(form)


def dob(lo: int = 1928, hi: int = 2004, form: str | None = None) -> str:
    return date(lo, hi, form)


AGE_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
             95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight",
             99: "ninety-nine", 100: "one hundred", 101: "one hundred and one",
             102: "one hundred two"}


def old_age() -> int:
    return R.choice([90, 90, 91, 91, 92, 92, 93, 93, 94, 94, 95, 95, 96, 96, 97, 97, 98, 99, 100, 101, 102, 103])


# --------------------------------------------------------------------------------------------
# Passage building
# --------------------------------------------------------------------------------------------

USED: dict[str, set[str]] = collections.defaultdict(set)


class Passage:
    """Text pieces and (value, CATEGORY) spans; `ok` keeps a value in at most two passages."""

    def __init__(self, pid: str) -> None:
        self.pid = pid
        self.parts: list[tuple[str, str | None]] = []
        self.values: set[str] = set()
        self.case: str | None = None  # "upper" or "lower": the whole passage as a legacy system writes it

    def ok(self, value: str) -> bool:
        key = value.lower()
        return key in self.values or len(USED[key]) < MAX_PASSAGES_PER_VALUE

    def t(self, text: str) -> "Passage":
        self.parts.append((text, None))
        return self

    def v(self, value: str, cat: str) -> "Passage":
        self.parts.append((value, cat))
        if cat != "AGE":
            self.values.add(value.lower())
        return self

    def build(self) -> tuple[str, list[list]]:
        text, spans = "", []
        for piece, cat in self.parts:
            if self.case == "upper":
                piece = piece.upper()
            elif self.case == "lower":
                piece = piece.lower()
            if cat:
                spans.append([len(text), len(text) + len(piece), cat])
            text += piece
        return text, spans

    def conflicts(self) -> bool:
        return any(len(USED[v] - {self.pid}) >= MAX_PASSAGES_PER_VALUE for v in self.values)

    def commit(self) -> None:
        for v in self.values:
            USED[v].add(self.pid)


def pick(p: Passage, pool: list[str], transform=lambda s: s) -> str:
    choices = [x for x in pool if p.ok(transform(x))]
    return R.choice(choices or pool)


class Person:
    def __init__(self, p: Passage, sex: str | None = None, need: tuple[str, ...] = ("given", "sur")) -> None:
        self.sex = sex or R.choice("FM")
        pool = GIVEN_F if self.sex == "F" else GIVEN_M
        self.given = pick(p, pool)
        self.sur = pick(p, SURNAMES)
        if R.random() < 1 / 12:
            other = pick(p, [s for s in SURNAMES if s != self.sur and "-" not in s])
            if "-" not in self.sur:
                self.sur = f"{self.sur}-{other}"
        self.mi = R.choice("ABCDEFGHJKLMNPRSTW")
        self.p = p

    @property
    def title(self) -> str:
        return "Mr." if self.sex == "M" else R.choice(["Ms.", "Mrs."])

    @property
    def pronoun(self) -> str:
        return "he" if self.sex == "M" else "she"

    @property
    def poss(self) -> str:
        return "his" if self.sex == "M" else "her"

    def full(self) -> str:
        return f"{self.given} {self.sur}"

    def full_mi(self) -> str:
        return f"{self.given} {self.mi}. {self.sur}"

    def last_first(self) -> str:
        return f"{self.sur}, {self.given}"

    def last_first_mi(self) -> str:
        return f"{self.sur}, {self.given} {self.mi}"

    def caps(self) -> str:
        return fold(f"{self.sur}, {self.given} {self.mi}").upper()

    def lower(self) -> str:
        return self.full().lower()

    def initials(self, dots: bool = True) -> str:
        letters = [self.given[0], self.sur[0]]
        return ".".join(letters) + "." if dots else "".join(letters)

    def f_last(self) -> str:
        return f"{self.given[0]}. {self.sur}"


FOLD = str.maketrans("áéíóúÁÉÍÓÚñÑèÈêëïçü", "aeiouAEIOUnNeEeeicu")


def fold(s: str) -> str:
    return s.translate(FOLD)


class Place:
    def __init__(self, p: Passage, states: list[str] | None = None, county: bool = False) -> None:
        pool = [x for x in PLACES if (states is None or x[2] in states)]
        ok = [x for x in pool if p.ok(x[0]) and (not county or p.ok(x[1]))]
        self.town, self.county, self.state, self.zip, self.area = R.choice(ok or pool)
        if R.random() < 0.45:
            self.zip = self.zip[:3] + digits(2)
        if R.random() < 0.2:
            self.zip = f"{self.zip}-{digits(4)}"
        self.p = p

    def street(self) -> str:
        n = R.randrange(3, 9999)
        r = R.random()
        if r < 0.3:
            road = R.choice(REGIONAL_ROADS[self.state])
            return f"{n} {road}"
        word = R.choice(STREET_WORDS)
        pre = R.choice(["", "", "", "Old ", "N ", "S ", "E ", "W "])
        half = " 1/2" if R.random() < 0.05 else ""
        return f"{n}{half} {pre}{word} {R.choice(SUFFIXES)}"

    def unit(self) -> str:
        return R.choice(UNITS)

    def box(self) -> str:
        return R.choice([f"PO Box {R.randrange(1, 3999)}", f"P.O. Box {R.randrange(1, 999)}",
                         f"RR {R.randrange(1, 6)} Box {R.randrange(1, 400)}",
                         f"Rt. {R.randrange(1, 5)}, Box {R.randrange(10, 300)}"])

    def phone(self, style: str | None = None) -> str:
        area = self.area if not (self.area == "508" and R.random() < 0.3) else "774"
        return phone(area, style)

    def facility(self) -> str:
        if R.random() < 0.45:
            return hospital(self.p, self.state)
        kinds = [k for k in FACILITY_KINDS if self.p.ok(f"{self.town} {k}")]
        return f"{self.town} {R.choice(kinds or FACILITY_KINDS)}"


CLINIC_KINDS = ["Community Health Center", "Urgent Care", "Medical Associates", "Internal Medicine",
                "Rural Health Clinic", "Family Practice", "Primary Care", "Walk-In Clinic"]


def hospital(p: Passage, state: str) -> str:
    """A hospital or clinic of the state: a typed name while it is free, else one composed from a town."""
    free = [h for h in HOSPITALS[state] if p.ok(h)]
    if free and R.random() < 0.6:
        return R.choice(free)
    towns = [x[0] for x in PLACES if x[2] == state]
    for _ in range(50):
        name = f"{R.choice(towns)} {R.choice(CLINIC_KINDS)}"
        if p.ok(name):
            return name
    return name


def email_for(person: Person, p: Passage) -> str:
    g, s = fold(person.given).lower().replace(" ", ""), fold(person.sur).lower().replace("-", "").replace(" ", "")
    user = R.choice([f"{g}.{s}", f"{g[0]}{s}", f"{s}{g[0]}{R.randrange(10, 99)}", f"{g}{s[:3]}{R.randrange(1940, 2006)}",
                     f"{g}_{s}", f"{s}.{g}"])
    return f"{user}@{R.choice(EMAIL_DOMAINS)}"


def clinic_email(person: Person, facility: str) -> str:
    dom = "".join(ch for ch in fold(facility).lower() if ch.isalnum())[:14]
    return f"{fold(person.given)[0].lower()}{fold(person.sur).lower().replace('-', '')}@{dom}.org"


def age_v(p: Passage, age: int, words: bool = False) -> None:
    p.v(AGE_WORDS.get(age, str(age)) if words and age in AGE_WORDS else str(age), "AGE")


# --------------------------------------------------------------------------------------------
# Identifier shapes (18), each filled 14 times
# --------------------------------------------------------------------------------------------


def s_kiosk(p: Passage) -> None:
    """Self check-in kiosk receipt, capitals, guarantor and insurance block."""
    pt, g = Person(p), Person(p)
    pl = Place(p)
    fac = hospital(p, pl.state)
    p.t("*** SELF CHECK-IN RECEIPT ***\n").v(fac.upper(), "FACILITY").t("\nKIOSK 3   ")
    p.v(date(2026, 2026, R.choice(["mmddyyyy", "mdy"])), "DATE").t(" 07:52\n")
    p.t("PATIENT: ").v(pt.caps(), "NAME").t("\nDOB: ").v(dob(1931, 2003, "mmddyyyy"), "DATE")
    p.t("   SEX: ").t(pt.sex).t("\nMRN: ").v(mrn(), "MRN").t("   VISIT#: ").v(digits(10), "ACCOUNT")
    p.t("\nADDR: ").v(fold(pl.street()).upper(), "ADDRESS")
    if R.random() < 0.4:
        p.t(" ").v(pl.unit().upper(), "ADDRESS")
    p.t("\n      ").v(pl.town.upper(), "LOCATION").t(" ").t(pl.state).t(" ").v(pl.zip, "ZIP")
    p.t("\nHOME PH: ").v(pl.phone("paren"), "PHONE").t("  CELL: ").v(pl.phone(), "PHONE")
    p.t("\nEMAIL: ").v(email_for(pt, p).upper() if R.random() < 0.5 else email_for(pt, p), "EMAIL")
    p.t("\nGUARANTOR: ").v(g.caps(), "NAME").t("  REL: ").t(R.choice(["SPOUSE", "CHILD", "SELF-OTHER", "PARENT"]))
    p.t("  SSN XXX-XX-").v(last4(), "SSN")
    p.t("\nPRIMARY INS: ").t(R.choice(["BCBS MA", "FIDELIS CARE", "ANTHEM HEALTHKEEPERS", "FLORIDA BLUE",
                                       "WELLCARE KY", "SECURITY HEALTH PLAN"]))
    p.t("  ID ").v(member_id(), "ACCOUNT").t("  GRP 0044817\n")
    p.t("COPAY COLLECTED $25.00  PLEASE HAVE A SEAT, WE WILL CALL YOU SHORTLY")


def s_econsult(p: Passage) -> None:
    """eConsult request from a rural clinician and the specialist's reply."""
    pt, doc, spec = Person(p), Person(p), Person(p)
    pl = Place(p)
    fac = pl.facility()
    age = old_age() if R.random() < 0.35 else R.randrange(34, 88)
    p.t("eConsult #").v(digits(7), "ACCOUNT").t(" — ").t(R.choice(["Endocrinology", "Hematology", "Nephrology", "Cardiology"]))
    p.t("\nReferring: ").v(doc.full(), "NAME").t(R.choice([", MD", ", DO", ", FNP-C", ", PA-C"])).t(" (NPI ").v(npi(), "LICENSE").t("), ")
    p.v(fac, "FACILITY").t("\nCallback ").v(pl.phone(), "PHONE").t(" | fax ").v(pl.phone(), "FAX")
    p.t("\nPatient: ").v(pt.last_first(), "NAME").t("  DOB ").v(dob(1926, 1990), "DATE").t("  MRN ").v(mrn(), "MRN")
    p.t("\n\nQuestion: ")
    if age >= 90:
        p.t("").v(str(age), "AGE").t(R.choice(["yo ", "-year-old ", " y/o "]))
    else:
        p.t(f"{age} yo ")
    p.t(R.choice(["woman" if pt.sex == "F" else "man", "pt"])).t(" from ").v(pl.town, "LOCATION").t(" ").v(pl.zip, "ZIP")
    p.t(R.choice([" with TSH 0.02 and a toxic nodule on uptake scan. ", " with platelets 94K for 6 months. ",
                  " with eGFR 28 and K 5.6 on lisinopril. ", " with new AF, CHA2DS2-VASc 5. "]))
    p.v(pt.given, "NAME").t(R.choice([" drives 70 minutes to us and asks whether this can be managed locally.",
                                       " lives alone and declines travel off-Cape in winter.",
                                       " would rather not come in until after harvest."]))
    p.t("\n\nReply (").v(date(2026, 2026, R.choice(["mdy", "abbr", "iso"])), "DATE").t("): Dr. ").v(spec.sur, "NAME")
    p.t(R.choice([" agrees with local management; repeat labs in 6 weeks.",
                  " recommends a face-to-face visit; scheduling will call.",
                  " suggests RAI over surgery given age."]))
    p.t("\nPortal: ").v(f"https://econsult.{R.choice(['bayrivers', 'capehealth', 'purchasehn', 'doorhealth'])}.org/case/{digits(7)}", "URL")


def s_discharge(p: Passage) -> None:
    """Discharge summary: first name as subject, home equipment serial, daughter's number."""
    pt, att, dtr = Person(p), Person(p), Person(p, "F")
    pl = Place(p)
    fac = hospital(p, pl.state)
    old = R.random() < 0.4
    p.case = "upper" if R.random() < 0.33 else None
    y, m, d = 2026, R.randrange(1, 12), R.randrange(1, 20)
    adm, dis = fmt_date(y, m, d, "mdy"), fmt_date(y, m, d + R.randrange(2, 9), "mdy")
    p.t("DISCHARGE SUMMARY\n").v(fac, "FACILITY").t("\nPatient: ").v(pt.full_mi(), "NAME").t("    MRN: ").v(mrn(), "MRN")
    p.t("\nAdmitted: ").v(adm, "DATE").t("   Discharged: ").v(dis, "DATE")
    p.t("\nAttending: ").v(att.full(), "NAME").t(", MD\n\nHospital course: ")
    if old:
        p.v(str(old_age()), "AGE").t("-year-old ")
    else:
        p.t(f"{R.randrange(55, 89)}-year-old ")
    p.t(R.choice(["admitted with CAP, treated with ceftriaxone and azithromycin. ",
                  "admitted with CHF exacerbation, diuresed 4 L with IV furosemide. ",
                  "admitted after a fall with a nondisplaced pubic ramus fracture. "]))
    p.v(pt.given, "NAME").t(R.choice([" tolerated the transition to oral therapy", " ambulated 150 ft with a rolling walker",
                                       " remained on 2 L nasal cannula at rest"])).t(" and was discharged ")
    p.t(R.choice(["back to ", "home with services to "])).t(pt.poss).t(" home on ").v(pl.street(), "ADDRESS")
    p.t(" in ").v(pl.town, "LOCATION").t(".\nHome O2 concentrator ").t(R.choice(["SN ", "S/N ", "ser. no. "])).v(serial(), "DEVICE")
    p.t(" (supplier to swap).\nFollow-up: Dr. ").v(att.sur, "NAME").t(" at ").v(hospital(p, pl.state), "FACILITY").t(" on ")
    p.v(date(2026, 2026, R.choice(["md", "mon_d", "long"])), "DATE").t(".\nContact: daughter ").v(dtr.full(), "NAME")
    p.t(" ").v(pl.phone(), "PHONE").t(".")


def s_nursing(p: Passage) -> None:
    """Lower-case nursing narrative with abbreviations."""
    pt, son, rn = Person(p), Person(p, "M"), Person(p)
    pl = Place(p)
    age = old_age()
    p.t(f"{R.choice(['0700', '1900', '0300', '2215'])} ").v(pt.lower(), "NAME").t(", ")
    p.v(str(age), "AGE").t(R.choice(["f", "m", "yo", " y/o"])).t(" a&ox3, resting in bed, call light in reach. ")
    p.t("hearing aids removed and placed in case, r ear ser# ").v(serial(), "DEVICE").t(". ")
    p.t("son ").v(son.given.lower(), "NAME").t(" called from ").v(pl.town.lower(), "LOCATION")
    p.t(R.choice([" asking about d/c plan, ", " upset re: fall, ", " will visit tmrw, "]))
    p.t("cb ").v(pl.phone(R.choice(["dash", "plain", "dot"])), "PHONE").t(". ")
    p.t(R.choice(["security notified, family car left in ed lot, plate ", "sons truck parked in fire lane, plate "]))
    p.v(plate(pl.state).lower() if R.random() < 0.5 else plate(pl.state), "VEHICLE").t(" (").t(pl.state.lower()).t("). ")
    p.t(R.choice(["lungs cta, 2l nc, spo2 94%. ", "bs 212 at hs, 4u lispro given per ss. ", "voided 350 cc, foley not replaced. "]))
    p.t("will monitor. --").v(rn.initials(dots=False).lower(), "NAME").t(" rn")


def s_echo(p: Passage) -> None:
    """ECHO case form with the coordinator's review comments quoting what must go."""
    pr, coord = Person(p), Person(p)
    pt = Person(p)
    pl = Place(p, county=True)
    fac = pl.facility()
    age = old_age()
    p.t("ECHO CASE PRESENTATION FORM — ").t(R.choice(["Dementia Care", "Chronic Pain", "Hepatitis C", "Geriatrics"]))
    p.t("\nSession date: ").v(date(2026, 2026, R.choice(["mdy", "long"])), "DATE")
    p.t("\nPresenter: ").v(pr.full(), "NAME").t(", ").t(R.choice(["APRN", "MD", "PharmD", "LCSW"])).t(" — ").v(fac, "FACILITY")
    p.t("\nPresenter e-mail: ").v(clinic_email(pr, fac), "EMAIL")
    p.t("\nPatient initials: ").v(pt.initials(dots=R.random() < 0.5), "NAME").t("   Age: ").v(str(age), "AGE")
    p.t("\nCommunity: ").v(pl.town, "LOCATION").t(", ").v(pl.county, "LOCATION").t(" County ").v(pl.zip, "ZIP")
    p.t("\nOccupation: retired, formerly at ").v(f"{pl.town} {R.choice(['Oyster Company', 'Cherry Orchards', 'Marina', 'Grain Elevator', 'Fish Market'])}", "FACILITY")
    p.t("\nCase question: ").t(R.choice(["agitation at sundown despite trazodone 50 mg", "opioid taper from oxycodone 60 MME",
                                          "SVR12 check after 8 weeks glecaprevir/pibrentasvir", "three falls in two months"]))
    p.t("\n\n[Coordinator ").v(coord.initials(dots=False), "NAME").t(" ").v(date(2026, 2026, "md"), "DATE").t("]: please remove '")
    p.v(pl.town, "LOCATION").t("' and the DOB ").v(dob(1922, 1936, R.choice(["mdy", "mmddyyyy"])), "DATE")
    p.t(" from slide 2 before the session; recording link ").v(f"https://echo.{R.choice(['vineyardhn', 'rappahannock', 'panhandleecho', 'purchaseecho'])}.org/rec/{digits(5)}", "URL")
    p.t(" goes out to the spokes.")


def s_pinkslip(p: Passage) -> None:
    """'While You Were Out' phone message slip, transcribed with its check boxes."""
    to, frm, pt = Person(p), Person(p), Person(p)
    p.case = "upper" if R.random() < 0.33 else None
    pl = Place(p)
    fac = pl.facility()
    p.t("WHILE YOU WERE OUT\nTo: Dr. ").v(to.sur, "NAME").t("      Date: ").v(date(2026, 2026, R.choice(["md", "mdyy"])), "DATE")
    p.t("  Time: ").t(R.choice(["9:40", "11:15", "2:05", "4:50"])).t("\nM ").v(frm.full(), "NAME")
    number = pl.phone(R.choice(["paren", "dash", "space"]))
    if R.random() < 0.5:
        number += R.choice([" ext. ", " x", " ext "]) + str(R.randrange(100, 999))
    p.t("\nof ").v(fac, "FACILITY").t("\nPhone ").v(number, "PHONE")
    p.t("   Fax ").v(pl.phone("dash"), "FAX")
    p.t("\n[x] Telephoned  [x] Please call  [ ] Will call again  [ ] Urgent\nMessage: re ")
    p.v(pt.full().upper() if R.random() < 0.4 else pt.full(), "NAME").t(" dob ").v(dob(1930, 1999, "mdyy"), "DATE")
    p.t(R.choice([" — INR 4.8 this am, held warfarin, wants orders", " — needs PA for Eliquis, plan ID ",
                  " — pt fell at home, in ED now", " — requesting records sent to new PCP, acct "]))
    if "ID " in p.parts[-1][0] or "acct " in p.parts[-1][0]:
        p.v(member_id(), "ACCOUNT")
    p.t("\nTaken by ").v(Person(p).initials(dots=False), "NAME")


def s_cytology(p: Passage) -> None:
    """Cytopathology FNA report."""
    pt, sub, path_ = Person(p), Person(p), Person(p)
    pl = Place(p)
    fac = hospital(p, pl.state)
    p.t("CYTOPATHOLOGY REPORT\nAccession: ").v(accession(R.choice(["FN", "NG", "C"])), "ACCOUNT")
    p.t("\nPatient: ").v(pt.last_first_mi(), "NAME").t("   MRN: ").v(mrn(), "MRN").t("   DOB: ").v(dob(), "DATE")
    p.t("\nSubmitting: ").v(sub.f_last(), "NAME").t(", MD (NPI ").v(npi(), "LICENSE").t(")  ").v(fac, "FACILITY")
    p.t("\nCopy to: fax ").v(pl.phone(R.choice(["paren", "dash"])), "FAX")
    p.t("\nCollected: ").v(date(2026, 2026, R.choice(["mdy", "dmy", "iso"])), "DATE").t("   Received: ").v(date(2026, 2026, R.choice(["mdy", "dmy"])), "DATE")
    p.t("\n\nSPECIMEN: ").t(R.choice(["Thyroid, right lobe nodule, FNA (3 passes)", "Lymph node, left supraclavicular, FNA",
                                      "Pancreas, head, EUS-FNA"]))
    p.t("\nDIAGNOSIS: ").t(R.choice(["Benign follicular nodule (Bethesda II).", "Atypia of undetermined significance (Bethesda III).",
                                      "Metastatic adenocarcinoma; see comment."]))
    p.t("\nPap and Diff-Quik stained smears, cell block. Rapid on-site evaluation by ").v(path_.initials(dots=False), "NAME").t(".")
    p.t("\nElectronically signed: ").v(path_.full(), "NAME").t(", MD  ").v(date(2026, 2026, "mmddyyyy"), "DATE")


def s_telerad(p: Passage) -> None:
    """Teleradiology preliminary read with the worklist header."""
    pt, ref, rad = Person(p), Person(p), Person(p)
    p.case = "upper" if R.random() < 0.33 else None
    pl = Place(p)
    fac = hospital(p, pl.state)
    p.t("PRELIMINARY REPORT — NIGHTHAWK\nWL ").t(str(R.randrange(10, 99))).t(" | ACC ").v(digits(9), "ACCOUNT")
    p.t(" | MRN ").v(mrn(), "MRN").t(" | ").v(fold(f"{pt.sur} {pt.given}").upper(), "NAME").t(" | DOB ").v(dob(1930, 2010, R.choice(["mmddyyyy", "compact"])), "DATE")
    p.t("\nSite: ").v(fac, "FACILITY").t("   Ordering: ").v(ref.full(), "NAME")
    p.t("\nExam: ").t(R.choice(["CT head w/o contrast", "CTA chest PE protocol", "CT abd/pelvis w contrast", "XR chest 2 views"]))
    p.t("\nComparison: ").v(date(2019, 2025, R.choice(["mdy", "iso"])), "DATE")
    p.t("\nFindings: ").t(R.choice(["No acute intracranial hemorrhage. Chronic small vessel ischemic change.",
                                    "Segmental filling defect in the right lower lobe artery. RV/LV 0.8.",
                                    "Uncomplicated sigmoid diverticulitis. No abscess."]))
    p.t("\nImages: ").v(f"https://pacs.{R.choice(['nighthawk-rad', 'telerad-east', 'coastalread'])}.com/viewer?study={digits(12)}", "URL")
    p.t("\nViewed from ").v(ipv4(), "IP").t(R.choice([" (VPN)", ""])).t(" by ").v(rad.f_last(), "NAME").t(", MD at ")
    p.v(date(2026, 2026, "iso"), "DATE").t(" 02:14 ET; called to ").v(Person(p).given, "NAME").t(" RN")


def s_mtm(p: Passage) -> None:
    """Pharmacist's comprehensive medication review (MTM)."""
    pt, pres, cg = Person(p), Person(p), Person(p)
    p.case = "lower" if R.random() < 0.25 else None
    pl = Place(p)
    pharm = f"{pl.town} {R.choice(['Family Pharmacy', 'Drug Store'])}"
    p.t("MTM — Comprehensive Medication Review\n").v(pharm, "FACILITY").t("  ph ").v(pl.phone(), "PHONE").t("  fax ").v(pl.phone(), "FAX")
    p.t("\nPatient: ").v(pt.full(), "NAME").t(", DOB ").v(dob(1934, 1960), "DATE").t("; Part D member ").v(member_id(), "ACCOUNT")
    p.t("\nReviewed ").v(date(2026, 2026, R.choice(["mdy", "long"])), "DATE").t(" by phone with caregiver ").v(cg.full(), "NAME")
    p.t(" (").v(email_for(cg, p), "EMAIL").t(")")
    p.t("\nMed list: Rx ").v(rx_number(), "ACCOUNT").t(" metformin 500 mg BID; Rx ").v(rx_number(), "ACCOUNT")
    p.t(R.choice([" oxycodone 5 mg q6h prn", " glipizide 10 mg daily", " alprazolam 0.5 mg hs"]))
    p.t("\nPrescriber: ").v(pres.f_last(), "NAME").t(", ").t(R.choice(["MD", "DO", "NP"])).t("  DEA ").v(dea(pres.sur), "LICENSE").t("  NPI ").v(npi(), "LICENSE")
    p.t("\nProblems: ").t(R.choice(["sulfonylurea in an 80+ pt with two lows <60 (Beers).", "benzodiazepine + opioid; offered naloxone.",
                                    "duplicate ACE/ARB from two prescribers."]))
    p.t(" Letter faxed to prescriber.")


def s_socialwork(p: Passage) -> None:
    """Social work note: long-term-care Medicaid application, spend-down, POA."""
    pt, poa = Person(p), Person(p)
    p.case = "lower" if R.random() < 0.25 else None
    pl = Place(p, county=True)
    nh = f"{pl.town} {R.choice(['Health and Rehab', 'Nursing and Rehabilitation Center', 'Assisted Living'])}"
    age = old_age()
    p.t("SOCIAL WORK — LTC placement\n").v(pt.given, "NAME").t(" is a ").v(str(age), "AGE")
    p.t(R.choice(["-year-old widow" if pt.sex == "F" else "-year-old widower", " yo lifelong resident"]))
    p.t(" of ").v(pl.town, "LOCATION").t(" (").v(pl.county, "LOCATION").t(" County) who can no longer live alone at ")
    p.v(pl.street(), "ADDRESS").t(", ").v(pl.zip, "ZIP").t(".\nPOA: ").v(poa.full(), "NAME").t(" (").t(R.choice(["niece", "nephew", "son", "daughter", "neighbor"])).t(") ")
    p.v(pl.phone(), "PHONE").t(".\nMedicaid LTC application #").v(digits(9), "ACCOUNT").t(" filed; SSN ").v(ssn(), "SSN").t(" verified with SSA.\n")
    p.t("Spend-down: ")
    p.t(R.choice(["1998 Buick", "2004 F-150", "2011 Camry"])).t(" plate ").v(plate(pl.state), "VEHICLE").t(", VIN ").v(vin(), "VEHICLE")
    p.t(" to be sold by POA. Bed offered at ").v(nh, "FACILITY").t(" starting ").v(date(2026, 2026, R.choice(["md", "mon_d", "long"])), "DATE").t(".")


def s_webintake(p: Passage) -> None:
    """Telehealth intake form as the patient typed it (lower case, typos), with the web log line."""
    pt, ec = Person(p), Person(p)
    pl = Place(p)
    pharm = f"{pl.town} {R.choice(['Family Pharmacy', 'Drug Store'])}"
    p.t("Pre-visit intake (submitted online)\nfull name: ").v(pt.lower(), "NAME").t("\ndate of birth: ").v(dob(1940, 2004, R.choice(["mdy", "mdyy", "long"])).lower(), "DATE")
    p.t("\nhome address: ").v(pl.street().lower(), "ADDRESS").t(" ").v(pl.town.lower(), "LOCATION").t(" ").v(pl.zip, "ZIP")
    p.t("\nlast 4 of ssn (for id check): ").v(last4(), "SSN")
    p.t("\nbest phone: ").v(pl.phone(R.choice(["plain", "dash", "dot"])), "PHONE").t("\nemail: ").v(email_for(pt, p), "EMAIL")
    p.t("\nreason for visit: ").t(R.choice(["rash on my arms since the cherry harvest", "cough wont go away 3 wks",
                                           "refill my bp pills, ran out", "ears ringing after the ferry ride"]))
    p.t("\npreferred pharmacy: ").v(pharm.lower(), "FACILITY")
    p.t("\nemergency contact: ").v(ec.given.lower(), "NAME").t(" (").t(R.choice(["wife", "husband", "daughter", "brother"])).t(") ").v(pl.phone("paren"), "PHONE")
    p.t("\ni agree to telehealth: [x]  signed: /").v(pt.full(), "NAME").t("/  ").v(date(2026, 2026, "mdy"), "DATE")
    p.t("\n-- submitted from ").v(ipv4(False) if R.random() < 0.6 else ipv6(), "IP").t(" · visit link ")
    p.v(f"https://visit.{R.choice(['islandtelehealth', 'neckcare', 'panhandlevirtual', 'doorvirtualcare'])}.com/j/{digits(9)}", "URL")


def s_jury(p: Passage) -> None:
    """Letter to a jury commissioner asking that an elderly patient be excused."""
    pt, doc = Person(p), Person(p)
    pl = Place(p)
    fac = pl.facility()
    age = old_age()
    p.v(fac, "FACILITY").t("\n").v(pl.street(), "ADDRESS").t(", ").v(pl.town, "LOCATION").t(", ").t(pl.state).t(" ").v(pl.zip, "ZIP")
    p.t("\n\n").v(date(2026, 2026, "long"), "DATE").t("\n\nRe: juror participant no. ").v(digits(9), "ACCOUNT")
    p.t(", ").v(pt.full(), "NAME").t(R.choice([", DOB ", ", D0B ", " , DOB: "])).v(dob(1922, 1936, "mdy"), "DATE")
    p.t("\n\nTo the Jury Commissioner:\n")
    p.t(f"{pt.title} ").v(pt.sur, "NAME").t(" is ").v(AGE_WORDS.get(age, str(age)) if R.random() < 0.3 else str(age), "AGE")
    p.t(" years old and has been my patient since ").t(str(R.randrange(1995, 2020))).t(". ")
    p.t(R.choice(["Macular degeneration leaves visual acuity 20/400 in both eyes. ", "Moderate Alzheimer dementia (MoCA 14/30). ",
                  "Oxygen-dependent COPD on 3 L continuously. "]))
    p.t("I ask that ")
    p.t(R.choice(["the summons be permanently excused.", "service be excused for medical reasons."]))
    p.t("\n\n").v(doc.full(), "NAME").t(", MD\n").t(STATE_NAME[pl.state]).t(" license ").v(state_license(pl.state), "LICENSE")
    p.t(" · office ").v(pl.phone(), "PHONE")


def s_dmv(p: Passage) -> None:
    """Medical report for a driver's licence review (fitness to drive)."""
    pt, doc = Person(p), Person(p)
    pl = Place(p)
    p.t("DRIVER MEDICAL EVALUATION — ").t(STATE_NAME[pl.state].upper()).t("\nDriver: ").v(pt.caps(), "NAME")
    p.t("\nLicense no.: ").v(drivers_license(pl.state), "LICENSE").t("   DOB: ").v(dob(1935, 2000, R.choice(["mmddyyyy", "mdy"])), "DATE")
    p.t("\nAddress: ").v(pl.street(), "ADDRESS")
    if R.random() < 0.3:
        p.t(", ").v(pl.unit(), "ADDRESS")
    p.t(", ").v(pl.town, "LOCATION").t(" ").v(pl.zip, "ZIP")
    p.t("\nVehicle registered: plate ").v(plate(pl.state), "VEHICLE").t("\nLast four SSN: ").v(last4(), "SSN")
    p.t("\nCondition: ").t(R.choice(["seizure disorder; last seizure ", "syncope, pacer placed ", "hypoglycemia unawareness; last severe low "]))
    p.v(date(2025, 2026, R.choice(["mdy", "month_year", "long"])), "DATE")
    p.t(".\n[x] May drive without restriction  [ ] Daylight only  [ ] Should not drive")
    p.t("\nPhysician: ").v(doc.full(), "NAME").t(", NPI ").v(npi(), "LICENSE").t("  Date: ").v(date(2026, 2026, "mmddyyyy"), "DATE")


def s_cmn(p: Passage) -> None:
    """Home oxygen certificate of medical necessity, scanned (letter-spaced labels)."""
    pt, doc = Person(p), Person(p)
    pl = Place(p)
    supplier = f"{pl.town} {R.choice(['Home Medical', 'Oxygen and Medical Supply', 'Respiratory Services', 'Home Care Supply'])}"
    p.t("C E R T I F I C A T E  O F  M E D I C A L  N E C E S S I T Y   CMS-484\nSupplier : ").v(supplier, "FACILITY")
    p.t("   ph ").v(pl.phone("dash"), "PHONE").t("   fax ").v(pl.phone("dash"), "FAX")
    p.t("\nP a t i e n t : ").v(pt.caps(), "NAME").t("   MBI : ").v(mbi(), "ACCOUNT").t("   D O B : ").v(dob(1928, 1958, "mmddyyyy"), "DATE")
    p.t("\nA d d r e s s : ").v(pl.street().upper(), "ADDRESS").t(" , ").v(pl.town.upper(), "LOCATION").t(" ").t(pl.state).t("  ").v(pl.zip, "ZIP")
    p.t("\nHCPCS E1390 / E0431    Initial date : ").v(date(2026, 2026, "mmddyyyy"), "DATE")
    p.t("\nSpO2 ").t(str(R.randrange(82, 88))).t("% on room air at rest, tested ").v(date(2026, 2026, "mmddyyyy"), "DATE")
    p.t("\nConcentrator S/N : ").v(serial(), "DEVICE").t("    Portable S/N : ").v(serial(), "DEVICE")
    p.t("\nPhysician : ").v(doc.caps() if R.random() < 0.5 else doc.full(), "NAME").t("   NPI : ").v(npi(), "LICENSE")


def s_registry(p: Passage) -> None:
    """Cancer registry abstract."""
    pt, md = Person(p), Person(p)
    pl = Place(p, county=True)
    age = old_age()
    fac = hospital(p, pl.state)
    p.t("CANCER REGISTRY ABSTRACT\nAccession no.: ").v(f"{R.choice(['2025', '2026'])}{digits(5)}", "ACCOUNT").t("  Seq 00")
    p.t("\nName: ").v(pt.last_first_mi(), "NAME").t("\nSSN: ").v(ssn(), "SSN").t("   Birth date: ").v(dob(1922, 1935, R.choice(["mmddyyyy", "compact"])), "DATE")
    p.t("\nAge at dx: ").v(str(age), "AGE").t("\nAddress at dx: ").v(pl.street(), "ADDRESS").t(", ").v(pl.town, "LOCATION")
    p.t(" ").v(pl.zip, "ZIP").t("   County at dx: ").v(pl.county, "LOCATION")
    p.t("\nDate of dx: ").v(date(2025, 2026, "mmddyyyy"), "DATE").t("   Reporting facility: ").v(fac, "FACILITY")
    p.t("\nPrimary site: ").t(R.choice(["C50.4 breast, UOQ", "C61.9 prostate", "C18.7 sigmoid colon", "C44.3 skin of face"]))
    p.t("  Grade ").t(R.choice(["2", "3", "9"])).t("  Stage ").t(R.choice(["IIA", "I", "IV", "unknown"]))
    p.t("\nManaging physician: ").v(md.full(), "NAME").t("\nFollow-up: ").t(R.choice(["alive with disease", "no evidence of disease", "lost to follow-up"]))
    p.t(", last contact ").v(date(2026, 2026, R.choice(["mdy", "month_year"])), "DATE")


def s_ferry(p: Passage) -> None:
    """Medical hold on an island ferry: vehicle, oxygen tank, dispatcher e-mail."""
    pt, disp = Person(p), Person(p)
    pl = Place(p, ["MA", "NY", "WI"])
    amb = f"{pl.town} {R.choice(['Ambulance Corps', 'Rescue Squad', 'Fire Department'])}"
    line = {"MA": "Steamship Authority", "NY": "North Ferry", "WI": "island ferry line"}[pl.state]
    p.t("MEDICAL PRIORITY BOARDING — ").t(line).t("\nRequested by: ").v(amb, "FACILITY").t(", ").v(disp.full(), "NAME")
    p.t(" ").v(pl.phone(), "PHONE").t("\nTravel date: ").v(date(2026, 2026, R.choice(["abbr", "mdy", "long"])), "DATE").t(" ")
    p.t(R.choice(["6:30 AM", "9:45 AM", "1:15 PM"])).t(" departure\nPatient: ").v(pt.full(), "NAME").t(", DOB ").v(dob(1930, 1998), "DATE")
    p.t("\nVehicle: ").t(R.choice(["wheelchair van", "family SUV", "ambulance"])).t(", plate ").v(plate(pl.state), "VEHICLE")
    p.t(" (").t(pl.state).t(")\nOxygen cylinder on board, regulator S/N ").v(serial(), "DEVICE")
    p.t("\nDestination: ").v(hospital(p, pl.state), "FACILITY")
    p.t("\nConfirm to ").v(f"{fold(disp.given).lower().split(' ')[0]}.{fold(disp.sur).lower().replace('-', '')}@{R.choice(['islandems.org', 'ferrymed.net', 'townems.gov'])}", "EMAIL")
    p.t(" or reservation ").v(f"https://www.{R.choice(['islandferry', 'ferryres', 'crossings'])}.com/res/{digits(8)}", "URL")


def s_courier(p: Passage) -> None:
    """Specimen courier manifest as a pipe table, with the driver's van and scanner."""
    drv = Person(p)
    pl = Place(p)
    rows = R.choice([2, 3])
    p.t("COURIER MANIFEST  route ").t(R.choice(["N-2", "CAPE-1", "PURCHASE-3", "DOOR-A", "NECK-4"])).t("  ").v(date(2026, 2026, "mdy"), "DATE")
    p.t("\ndriver: ").v(drv.full(), "NAME").t("  van plate ").v(plate(pl.state), "VEHICLE")
    p.t("  scanner IMEI ").v(imei(), "DEVICE").t("\n\n| accession | patient | DOB | MRN | client |\n|---|---|---|---|---|\n")
    for _ in range(rows):
        pt = Person(p)
        cl = Place(p, [pl.state])
        p.t("| ").v(accession(R.choice(["L", "MB", "SP"])), "ACCOUNT").t(" | ").v(pt.last_first().upper() if R.random() < 0.5 else pt.last_first(), "NAME")
        p.t(" | ").v(dob(1930, 2020, R.choice(["mmddyyyy", "mdy"])), "DATE").t(" | ").v(mrn(), "MRN").t(" | ").v(cl.facility(), "FACILITY").t(" |\n")
    p.t("\nuploaded ").v(date(2026, 2026, "iso"), "DATE").t(" 16:02 from ").v(ipv4(), "IP")


def s_hbo(p: Passage) -> None:
    """Hyperbaric oxygen treatment log."""
    pt, tech, md = Person(p), Person(p), Person(p)
    p.case = "upper" if R.random() < 0.25 else None
    pl = Place(p)
    fac = hospital(p, pl.state)
    p.t("HBOT TREATMENT LOG — ").v(fac, "FACILITY").t("\nChamber: monoplace, serial ").v(serial(), "DEVICE")
    p.t("\nPatient: ").v(pt.full(), "NAME").t("  MRN ").v(mrn(), "MRN").t("  DOB ").v(dob(1940, 2000), "DATE")
    p.t("\nIndication: ").t(R.choice(["radiation cystitis", "Wagner 3 diabetic foot ulcer", "osteoradionecrosis of the mandible",
                                      "delayed radiation proctitis"]))
    p.t("\nDive ").t(str(R.randrange(2, 40))).t(" of 40 on ").v(date(2026, 2026, R.choice(["mdy", "dmy", "iso"])), "DATE")
    p.t(": 2.4 ATA x 90 min, two air breaks. Ear clearing ok.\nOperator: ").v(tech.f_last(), "NAME").t(", CHT")
    p.t("   Supervising: ").v(md.full(), "NAME").t(", DO (NPI ").v(npi(), "LICENSE").t(")")
    p.t("\nRemote monitor feed ").v(ipv4(True), "IP")
    if R.random() < 0.5:
        p.t(" / ").v(ipv6(), "IP")
    p.t("; next dive ").v(date(2026, 2026, R.choice(["md", "mon_d"])), "DATE").t(".")


SHAPES = [("kiosk", s_kiosk), ("econsult", s_econsult), ("discharge", s_discharge), ("nursing", s_nursing),
          ("echo", s_echo), ("pinkslip", s_pinkslip), ("cytology", s_cytology), ("telerad", s_telerad),
          ("mtm", s_mtm), ("socialwork", s_socialwork), ("webintake", s_webintake), ("jury", s_jury),
          ("dmv", s_dmv), ("cmn", s_cmn), ("registry", s_registry), ("ferry", s_ferry),
          ("courier", s_courier), ("hbo", s_hbo)]


# --------------------------------------------------------------------------------------------
# Clean passages (12 shapes × 15): hard negatives, no identifier
# --------------------------------------------------------------------------------------------

EPONYMS = [
    "Fowler's position", "semi-Fowler at 30 degrees", "left Sims position", "16 Fr Foley catheter",
    "Gilbert syndrome", "a left Horner syndrome", "a volar Barton fracture", "Becker muscular dystrophy",
    "Nelson syndrome", "Conn syndrome", "Ewing sarcoma of the fibula", "a Graham patch",
    "Heller myotomy", "the Ross procedure", "a Mustard repair in infancy", "a 48-hour Holter monitor",
    "Wright-Giemsa stain", "Gram stain with gram-positive cocci in clusters", "a negative direct Coombs test",
    "Ranson criteria of 2", "Light's criteria for an exudate", "Berg Balance Scale 41/56",
    "Morse Fall Scale 45", "Norton scale 12", "Hunt and Hess grade 2", "Chadwick sign",
    "Battle sign behind the left ear", "a positive Hoover sign", "Waddell signs 1 of 5",
    "an Epley maneuver", "the Heimlich maneuver", "McBurney point tenderness", "Killip class II",
    "Bruce protocol, stage 3", "the modified Duke criteria", "a bidirectional Glenn", "a Gail model 5-year risk of 2.1%",
    "Tanner stage 3", "Tinel sign at the wrist", "Phalen test", "a Lachman test", "Romberg positive",
    "an Essex-Lopresti injury", "Holmes tremor", "Murray Valley encephalitis", "a King-Devick test",
    "the Ward triangle on DXA", "an atlas fracture of C1", "the Dallas Pain Questionnaire",
]
WORD_PHRASES = [
    "a turkey sandwich at lunch", "the sandwich technique for feedback", "hazel eyes, pupils equal",
    "door-to-needle time 38 minutes", "door-to-balloon 71 minutes", "oriented to person and place",
    "re-orient as needed", "box springs replaced for bedbugs", "stays at her sister's house",
    "the ward clerk paged twice", "register the referral in the portal", "incident commander notified",
    "by good fortune no fracture", "shivering during rewarming", "hamstring strain", "self-care deficit",
    "ball-and-socket joint", "coping skills reviewed", "pace of titration", "cash pay price",
    "charity care application", "safe haven law explained", "EMS crew at bedside", "Baxter pump alarm",
    "rich in potassium", "light touch intact", "walks 2 miles daily", "battle with depression",
    "dill pickles and sodium", "lost 12 pounds", "a 1 inch laceration", "lively affect",
    "mustard plaster at home", "Brussels sprouts and warfarin", "April showers of pollen",
    "seen last April", "a delight to care for", "grand rounds", "water mill noise exposure",
    "springs in the recliner",
]
DRUGS = [
    "apixaban 5 mg BID", "Eliquis 2.5 mg BID", "Coumadin 3 mg", "Lasix 40 mg", "Entresto 49/51",
    "Trelegy Ellipta one puff", "Ozempic 0.5 mg weekly", "Jardiance 10 mg", "Xarelto 20 mg",
    "Keppra 500 mg BID", "Sinemet 25/100", "Depakote ER 500 mg", "Norco 5/325", "levothyroxine 88 mcg",
    "metoprolol succinate 25 mg", "Narcan 4 mg nasal", "Prolia 60 mg every 6 months", "Mounjaro 5 mg",
    "tamsulosin 0.4 mg", "donepezil 10 mg", "sertraline 100 mg", "gabapentin 300 mg TID",
]
DEVICES = [
    "Inogen One G5", "EverFlo Q", "SimplyGo Mini", "Sechrist 3300H", "Perry Sigma 34", "ResMed AirSense 11",
    "Dexcom G7", "FreeStyle Libre 3", "Omnipod 5", "Zio XT patch", "LINQ II loop recorder",
    "Medtronic Azure XT DR", "Phonak Audeo P90", "Oticon More 1", "Hoyer lift", "Invacare Perfecto2",
    "Rollator with seat", "Alaris 8100",
]
LABS = [
    "Na 131", "K 5.6 mmol/L", "Hgb 8.9 g/dL", "INR 2.4", "A1c 7.8%", "eGFR 38", "BNP 1,240 pg/mL",
    "TSH 0.02", "ferritin 12", "lactate 2.1", "troponin under 6 ng/L", "LDL 142", "PSA 6.2",
    "CA 19-9 of 310", "Mg 1.6", "BP 148/86", "HR 58", "SpO2 91% on room air", "FEV1 48% predicted",
    "EF 35%", "QTc 489 ms", "albumin 2.9", "WBC 14.2", "platelets 94K",
]
SCORES = [
    "MoCA 21/30", "PHQ-9 of 14", "GAD-7 11", "CHA2DS2-VASc 4", "HAS-BLED 2", "CURB-65 2", "MMSE 24/30",
    "Braden 15", "TUG 16 seconds", "Gleason 3+4", "Child-Pugh A6", "MELD 14", "ECOG 2",
    "Karnofsky 60", "NIHSS 4", "GCS 15", "ASA III", "Wagner grade 3", "Bethesda IV", "BI-RADS 4A",
    "TI-RADS 4", "LI-RADS 3", "Bosniak IIF", "Fleischner follow-up at 12 months",
]
GENES = ["BRCA1", "HFE C282Y homozygous", "JAK2 V617F", "APOE e4/e4", "TTR V122I",
         "Factor V Leiden heterozygous", "CFTR F508del carrier", "SERPINA1 PiZZ", "HLA-B27 positive"]
CODES = ["ICD-10 I48.91", "CPT 99214", "HCPCS E1390", "G0506", "LOINC 4548-4", "Z79.01", "E11.65",
         "DRG 291", "CPT 99453", "HCPCS G2012", "ICD-10 J44.1", "HCPCS E0431"]
TIMES = ["POD 2", "hospital day 4", "in 2019", "since the 1990s", "last spring", "3 weeks ago",
         "at 0600", "q6h", "over Thanksgiving", "during Lent", "every Tuesday", "at age 82",
         "in her 70s", "at 67 years", "after the 2024 season"]
CAPS_WORDS = ["Medicare Part B", "Medicaid Waiver", "Meals on Wheels", "Area Agency on Aging",
              "Social Security", "Home Health", "Hospice", "Physical Therapy", "Case Management",
              "Pharmacy", "Nutrition", "Chaplaincy"]


STREET_LIKE = ["4 North", "3 West step-down", "5 South tele", "Bay 12", "Pod C", "the Maple Unit",
               "Harbor wing room 214", "Station 2", "chair 6 of the infusion suite", "Main OR 7",
               "the Garden Level clinic", "East Tower 9", "Fast Track 4", "the Oak Pod"]
CAP_WORDS = ["Grand Rounds", "Tumor Board", "Rapid Response", "Code Blue", "Sepsis Alert", "Fall Risk",
             "Stroke Alert", "Charge Nurse", "House Supervisor", "Night Float", "Patient Relations",
             "Infection Prevention", "Wound Care", "Bariatric Team", "Heart Failure Clinic"]
MEASURES = ["2.4 x 1.8 cm", "BMI 31.2", "weight 68.4 kg", "height 162 cm", "urine output 0.4 mL/kg/h",
            "PVR 180 mL", "6-minute walk 240 m", "grip 18 kg", "a 3 mm stone", "head circumference 35 cm",
            "wound 4.1 x 2.2 x 0.3 cm", "temp 38.4 C", "RR 22", "pain 6/10"]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def extra() -> str:
    """One more sentence of hard negatives: a unit, a measurement, a capitalised non-name, a time."""
    return R.choice([
        f"{cap(R.choice(STREET_LIKE))}: {R.choice(MEASURES)}.",
        f"{R.choice(CAP_WORDS)} aware; {R.choice(MEASURES)}.",
        f"Moved to {R.choice(STREET_LIKE)} {R.choice(TIMES)}.",
        f"{R.choice(CAP_WORDS)} {R.choice(TIMES)}; {R.choice(DEVICES)} in use.",
        f"{cap(R.choice(WORD_PHRASES))}; {R.choice(GENES)} on file.",
    ])


def c_kiosk() -> str:
    a, b = R.sample(CAPS_WORDS, 2)
    return ("*** SELF CHECK-IN ***\nPLEASE HAVE YOUR INSURANCE CARD AND PHOTO ID READY.\n"
            f"{a.upper()} PATIENTS: SIGN THE ANNUAL NOTICE.  {b.upper()} QUESTIONS? ASK THE WARD CLERK.\n"
            f"TODAY: {R.choice(TIMES).upper()} CLINIC RUNS LATE.  COPAY COLLECTED AT THE DESK.\n"
            f"REMINDER: {R.choice(EPONYMS).upper()} HANDOUT AT THE WINDOW.")


def c_econsult() -> str:
    e1, e2 = R.sample(EPONYMS, 2)
    return (f"eConsult — {R.choice(['Endocrinology', 'Hematology', 'Nephrology', 'Cardiology'])}\n"
            f"Question: {R.randrange(40, 89)} yo with {R.choice(LABS)} and {R.choice(LABS)} on {R.choice(DRUGS)}. "
            f"History of {e1}. Is {R.choice(GENES)} relevant?\n"
            f"Reply: consider {e2}; {R.choice(SCORES)} supports outpatient care. Recheck {R.choice(TIMES)}. {extra()}")


def c_discharge() -> str:
    return ("DISCHARGE SUMMARY — [name removed]\nHospital course: "
            f"{R.randrange(50, 89)}-year-old admitted with {R.choice(['CAP', 'CHF exacerbation', 'hip fracture', 'GI bleed'])}. "
            f"{cap(R.choice(EPONYMS))} noted. Labs: {', '.join(R.sample(LABS, 3))}. "
            f"Discharged on {R.choice(DRUGS)} and {R.choice(DRUGS)}, {R.choice(WORD_PHRASES)}. "
            f"Follow-up in clinic {R.choice(['in 1 week', 'in 2 weeks', 'after the holidays'])}; {R.choice(CODES)}. {extra()}")


def c_nursing() -> str:
    return (f"{R.choice(['0700', '1900', '0300'])} pt resting, a&ox3, {R.choice(WORD_PHRASES).lower()}. "
            f"{R.choice(LABS).lower()}, {R.choice(SCORES).lower()}. {R.choice(DRUGS).lower()} given. "
            f"{R.choice(EPONYMS).lower()} per md. {extra().lower()} {R.choice(['will call back', 'will monitor', 'family will call again'])}. --rn")


def c_echo() -> str:
    return ("ECHO CASE PRESENTATION FORM — [program]\nPresenter: [removed]   Patient initials: [removed]   Age: "
            f"{R.randrange(30, 89)}\nCommunity: [removed]\nCase question: {R.choice(DRUGS)} with {R.choice(LABS)}; "
            f"{R.choice(SCORES)}. {cap(R.choice(EPONYMS))}?\n"
            f"Teaching point: {R.choice(EPONYMS)} vs {R.choice(EPONYMS)}; {R.choice(WORD_PHRASES)}. {extra()}")


def c_pinkslip() -> str:
    return ("WHILE YOU WERE OUT\nTo: on-call   From: lab\n[ ] Telephoned  [ ] Please call  [x] Will call again\n"
            f"Message: critical {R.choice(LABS)}; on {R.choice(DRUGS)}. {R.choice(['Repeat ordered.', 'Rounding team aware.'])} "
            f"{cap(R.choice(WORD_PHRASES))}. {extra()}")


def c_cytology() -> str:
    return ("CYTOPATHOLOGY — teaching file\n"
            f"SPECIMEN: {R.choice(['Thyroid nodule, FNA', 'Pleural fluid', 'Lymph node, FNA', 'Urine, voided'])}\n"
            f"DIAGNOSIS: {R.choice(['Benign (Bethesda II).', 'Negative for malignant cells.', 'Reactive mesothelial cells.'])}\n"
            f"Pap and Diff-Quik stains; {R.choice(['Wright-Giemsa stain', 'Gram stain negative', 'cell block with TTF-1'])}. "
            f"{cap(R.choice(EPONYMS))} correlated clinically; {R.choice(GENES)} testing not indicated. {cap(R.choice(MEASURES))}.")


def c_telerad() -> str:
    return (f"PRELIMINARY REPORT\nExam: {R.choice(['CT head w/o contrast', 'CTA chest', 'XR knee 3 views', 'US RUQ'])}\n"
            f"Findings: {R.choice(['No acute hemorrhage.', 'No PE.', 'Cholelithiasis without cholecystitis.', 'Moderate effusion.'])} "
            f"{R.choice(SCORES)}. {cap(R.choice(EPONYMS))} not excluded. "
            f"{R.choice(['Fleischner 2017 applies.', 'ACR appropriateness reviewed.', 'Compared with prior study.'])} {cap(R.choice(MEASURES))}.")


def c_mtm() -> str:
    d1, d2, d3 = R.sample(DRUGS, 3)
    return (f"MTM review: {d1}; {d2}; {d3}. {cap(R.choice(LABS))}. "
            f"{cap(R.choice(['Beers Criteria', 'STOPP/START', 'the Medication Appropriateness Index']))} flags one drug. "
            f"{cap(R.choice(WORD_PHRASES))}. {R.choice(CODES)} billed; {R.choice(TIMES)}. {extra()}")


def c_socialwork() -> str:
    return (f"SOCIAL WORK — LTC planning\nPatient is {R.randrange(60, 89)}, lives alone, {R.choice(WORD_PHRASES)}. "
            f"{R.choice(CAPS_WORDS)} and {R.choice(CAPS_WORDS)} referral sent. Medicaid spend-down explained; "
            f"{R.choice(SCORES)}. {R.choice(['Family meeting', 'Care conference'])} {R.choice(TIMES)}. {extra()}")


def c_webintake() -> str:
    return ("pre-visit intake (submitted online)\nreason for visit: "
            f"{R.choice(['rash after the harvest', 'cough 3 wks', 'refill bp pills', 'dizzy when i roll over'])}\n"
            f"current meds: {R.choice(DRUGS).lower()}, {R.choice(DRUGS).lower()}\n"
            f"devices: {R.choice(DEVICES).lower()}\nanything else: {R.choice(WORD_PHRASES).lower()}, "
            f"{R.choice(EPONYMS).lower()} last year")


def c_equipment() -> str:
    return (f"EQUIPMENT CHECK — {R.choice(['HBOT suite', 'oxygen room', 'device clinic', 'biomed bench'])}\n"
            f"{R.choice(DEVICES)}: passed; firmware {R.randrange(1, 9)}.{R.randrange(0, 20)}.{R.randrange(0, 9)}.{R.randrange(10, 99)}. "
            f"{R.choice(DEVICES)}: filter changed, {R.choice(['2.4 ATA', '3 L/min', '90 min', '10 cm H2O'])}. "
            f"{R.choice(CODES)}. {cap(R.choice(EPONYMS))} chart in the binder. {extra()}")


CLEAN_SHAPES = [("kiosk", c_kiosk), ("econsult", c_econsult), ("discharge", c_discharge), ("nursing", c_nursing),
                ("echo", c_echo), ("pinkslip", c_pinkslip), ("cytology", c_cytology), ("telerad", c_telerad),
                ("mtm", c_mtm), ("socialwork", c_socialwork), ("webintake", c_webintake), ("equipment", c_equipment)]



# --------------------------------------------------------------------------------------------
# Hand-written one-offs: [[value|CATEGORY]] marks a span. Most put a town, county or eponym
# surname of this set beside the same word used otherwise. Registered before generation.
# --------------------------------------------------------------------------------------------

ONEOFFS = [
    ("door", "Lives on the quiet side of [[Door|LOCATION]] County, in [[Jacksonport|LOCATION]]. "
             "Neighbor drove her in; door-to-needle time 41 min. Niece [[Odile Jeanquart|NAME]] "
             "at the door of bay 4 asking for updates."),
    ("graves", "Mr. [[Outland|NAME]] of [[Wingo|LOCATION]], [[Graves|LOCATION]] County, KY: Graves disease "
               "on methimazole 10 mg, TSH 0.01. Wife [[Novella|NAME]] keeps his pill box."),
    ("hazel", "[[Hazel Orr|NAME]] of [[Hazel|LOCATION]], KY [[42049|ZIP]] - hazel eyes, PERRL, "
              "no nystagmus. Best number [[270-492-8816|PHONE]] (landline, no texts)."),
    ("brussels", "Warfarin teaching. Pt drives in from [[Brussels|LOCATION]] [[54204|ZIP]] and eats Brussels "
                 "sprouts most nights at the [[Namur|LOCATION]] supper club; INR 1.6 today."),
    ("essex", "[[Essex|LOCATION]] County resident, fell from a ladder at his shop in [[Tappahannock|LOCATION]]. "
              "XR: Essex-Lopresti injury. Son [[Calvin Jett|NAME]] [[804.443.7720|PHONE]]."),
    ("coombs", "Dr. [[Coombs|NAME]] ordered a direct Coombs test; pt of [[Sandwich|LOCATION]], MA, brought "
               "a tuna sandwich to the infusion chair."),
    ("foley", "0200 16 Fr Foley catheter placed by [[Bernadette Foley|NAME]] RN, 400 cc clear yellow. "
              "HOB semi-Fowler. Daughter [[Tia Fowler|NAME]] updated at [[(631) 765-2290|PHONE]]."),
    ("holter", "[[Glenn Holter|NAME]] (71) returned the 48-hour Holter monitor, recorder "
               "S/N [[HT0048-31177|DEVICE]]; courier picked it up from [[Egg Harbor|LOCATION]]."),
    ("gilbert", "[[Gilbertsville|LOCATION]] man, [[Darwin Gilbert|NAME]], total bilirubin 2.3 fasting: "
                "Gilbert syndrome, no workup needed."),
    ("tanner", "SPORTS PHYSICAL  [[TANNER REGISTER|NAME]]  DOB [[03-14-2011|DATE]]  Tanner stage 4, "
               "cleared for football at [[Bonifay Middle School|FACILITY]]."),
    ("orient", "Alert, oriented x3. Lives at the end of the ferry road in [[Orient|LOCATION]], NY "
               "[[11957|ZIP]]; mail to [[PO Box 312|ADDRESS]]. Re-orient if sundowning."),
    ("spoken", "vm transcript: hi this is [[lucille beale|NAME]] calling about my mother she was born "
               "[[the fourth of july nineteen twenty nine|DATE]] she's [[ninety-six|AGE]] now, call me back "
               "at [[eight oh four five eight oh two two one nine|PHONE]] thank you"),
    ("liveaboard", "Address: [[214 Steamboat Wharf Rd|ADDRESS]], [[Bldg 2|ADDRESS]] [[Slip 31|ADDRESS]], "
                   "[[Sag Harbor|LOCATION]] [[11963-0412|ZIP]] (lives aboard a trawler)."),
    ("cedula", "Sra. [[Zoila Quizhpi Guamán|NAME]] came from [[Biblián|LOCATION]], Cañar last year; "
               "cédula [[0302114587|SSN]]. Daughter [[Mariuxi|NAME]] interprets. Works at "
               "[[Water Mill Nursery|FACILITY]]."),
    ("boat", "Injury on the water: outboard skiff reg. [[MS 1184 AZ|VEHICLE]], tow truck plate "
             "[[8KR 339|VEHICLE]], driver's lic [[S71730044|LICENSE]]. Harbormaster [[Eldredge|NAME]]."),
    ("faxheader", "[[MAR-14-2026|DATE]] 09:12  FROM: [[850 638 2210|FAX]]  [[CHIPOLA HOME MEDICAL|FACILITY]]  P.002/004\n"
                  "RE: [[PADGETT, OPAL|NAME]]  DOB [[11/02/1929|DATE]]  ACCT [[FL-558104|ACCOUNT]]"),
    ("pace", "Pacer check: Dr. [[Pace|NAME]] reviewed the device; pace of titration unchanged. "
             "Generator serial [[PJN 771204 S|DEVICE]]; next remote [[6/11|DATE]] from home IP "
             "[[71.86.204.17|IP]]."),
    ("strain", "[[Rebel Strain|NAME]], 19, hamstring strain at [[Murray State|FACILITY]] practice; "
               "cousin [[Cope|NAME]] helps him cope. Ride home to [[Kirksey|LOCATION]] in a truck "
               "plate [[913 KTB|VEHICLE]]."),
]


def parse_oneoff(p: "Passage", text: str) -> None:
    while "[[" in text:
        before, rest = text.split("[[", 1)
        inner, text = rest.split("]]", 1)
        value, cat = inner.rsplit("|", 1)
        p.t(before).v(value, cat)
    p.t(text)

# --------------------------------------------------------------------------------------------


def make_identifier(name: str, fn, n: int) -> dict:
    pid = f"tmp-{name}-{n}"
    for _ in range(1000):
        p = Passage(pid)
        fn(p)
        if not p.conflicts():
            p.commit()
            text, spans = p.build()
            return {"shape": name, "text": text, "spans": spans}
    raise RuntimeError(f"no free values for {name}")


def main() -> None:
    rows = []
    for name, text in ONEOFFS:
        p = Passage(f"tmp-oneoff-{name}")
        parse_oneoff(p, text)
        if p.conflicts():
            raise RuntimeError(f"one-off {name} repeats a value")
        p.commit()
        built, spans = p.build()
        rows.append({"shape": f"oneoff-{name}", "text": built, "spans": spans})
    for n in range(ID_PER_SHAPE):
        for name, fn in SHAPES:
            rows.append(make_identifier(name, fn, n))
    seen: set[str] = set()
    for name, fn in CLEAN_SHAPES:
        k = 0
        while k < CLEAN_PER_SHAPE:
            text = fn()
            if text in seen:
                continue
            seen.add(text)
            rows.append({"shape": name, "text": text, "spans": [], "clean": True})
            k += 1
    R.shuffle(rows)
    out = []
    for i, row in enumerate(rows, 1):
        kind = "clean" if row.get("clean") else "id"
        out.append({"id": f"R-P{i}-{kind}-{row['shape']}", "split": "heldout", "carrier": "",
                    "text": row["text"], "spans": row["spans"]})
    path = Path(__file__).with_name("heldout.jsonl")
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} passages to {path.name}")


if __name__ == "__main__":
    main()
