"""Value pools typed by hand for set N, and value generators (standard library only).

Every generator takes a random.Random; nothing here depends on the string hash seed
(lists only, no iteration over sets or dicts built from strings).
"""

from __future__ import annotations

import random

# ---------------------------------------------------------------- given names
# Names that are also common, clinical or calendar words; ordinary in US notes.
GIVEN_WORDS = [
    "Hope", "Joy", "Mercy", "Patience", "Charity", "Honor", "Precious", "Blessing", "Gift",
    "Memory", "Lucky", "Sunday", "Temperance", "Constance", "Prudence", "Amber", "Ginger",
    "Cherry", "Candy", "Ivy", "Iris", "Hazel", "Rusty", "Sonny", "Buck", "Dusty", "Misty",
    "Stormy", "Sky", "River", "Journey", "Legend", "King", "Major", "Deacon", "Mason", "Hunter",
    "Autumn", "April", "Crystal", "Pearl", "Ruby", "Jewel", "Star", "Angel", "Trinity",
    "Genesis", "Destiny", "Harmony", "Melody", "Liberty", "Justice", "Sterling", "Chance",
    "Cash", "Colt", "Ace", "Sage", "Lily", "Violet", "Olive", "Clementine", "Poppy", "Gene",
    "Chase", "Grant", "Drew", "Earl", "Dale", "Addison", "Harley", "Royce", "Bliss", "Story",
]
# Choctaw and Lumbee families of south-east Oklahoma, Mississippi and Robeson County NC
GIVEN_SOUTH = [
    "Odell", "Lonnie", "Purnell", "Delton", "Ozzie", "Loretta", "Wanda", "Darlene", "Verna",
    "Roosevelt", "Waylon", "Tecumseh", "Lawanna", "Marvella", "Kenneth", "Bobbie", "Glenda",
    "Curtis", "Jolene", "Tressa", "Elvin", "Myrtle", "Ardith", "Shawnee", "Dakota",
]
# Slovak, Rusyn, Lithuanian, Polish and Italian families of the anthracite region
GIVEN_COAL = [
    "Stanley", "Helen", "Mildred", "Bernadette", "Casimir", "Stella", "Walter", "Theresa",
    "Dolores", "Frances", "Rocco", "Carmella", "Vito", "Zigmund", "Anastasia", "Ludmilla",
    "Stasia", "Jadwiga", "Bronislaw", "Marcella", "Albin", "Regina",
]
# Eritrean and Ethiopian, Igbo, Shona
GIVEN_AFRICA = [
    "Selam", "Mulugeta", "Yonas", "Meron", "Hiwot", "Abrham", "Senait", "Dawit", "Feven",
    "Tsega", "Chiamaka", "Ngozi", "Obinna", "Chidi", "Adaeze", "Ifeoma", "Emeka", "Uchenna",
    "Chinonso", "Loveness", "Tendai", "Tatenda", "Rutendo", "Nyasha", "Kudzai", "Farai",
]
# Filipino nurses' and farmworkers' families; Cantonese and Taishanese; Gujarati; Hutterite
GIVEN_ASIA = [
    "Marilou", "Rolando", "Jojo", "Maricel", "Arnel", "Jocelyn", "Rowena", "Bong", "Lyka",
    "Jhun", "Mei Ling", "Wai Kit", "Bing", "Sau Ying", "Kwok Wah", "Ping", "Bhavesh", "Hetal",
    "Nilesh", "Falguni", "Jignesh", "Kinjal", "Dhruv",
]
GIVEN_HUTTERITE = ["Elias", "Susanna", "Zacharias", "Rebekah", "Jakob", "Anna", "Darius",
                   "Judith", "Joel", "Katharina"]
GIVEN = GIVEN_WORDS + GIVEN_SOUTH + GIVEN_COAL + GIVEN_AFRICA + GIVEN_ASIA + GIVEN_HUTTERITE
# women's names (and names given to girls more often), for mothers, wives, daughters, nieces
GIVEN_F = [
    "Hope", "Joy", "Mercy", "Patience", "Charity", "Precious", "Blessing", "Memory", "Temperance",
    "Constance", "Prudence", "Amber", "Ginger", "Cherry", "Candy", "Ivy", "Iris", "Hazel", "Misty",
    "Stormy", "Autumn", "April", "Crystal", "Pearl", "Ruby", "Jewel", "Star", "Trinity", "Genesis",
    "Destiny", "Harmony", "Melody", "Liberty", "Sage", "Lily", "Violet", "Olive", "Clementine",
    "Poppy", "Addison", "Bliss", "Loretta", "Wanda", "Darlene", "Verna", "Lawanna", "Marvella",
    "Bobbie", "Glenda", "Jolene", "Tressa", "Myrtle", "Ardith", "Shawnee", "Helen", "Mildred",
    "Bernadette", "Stella", "Theresa", "Dolores", "Frances", "Carmella", "Anastasia", "Ludmilla",
    "Stasia", "Jadwiga", "Marcella", "Regina", "Selam", "Meron", "Hiwot", "Senait", "Feven",
    "Tsega", "Chiamaka", "Ngozi", "Adaeze", "Ifeoma", "Loveness", "Rutendo", "Marilou", "Maricel",
    "Jocelyn", "Rowena", "Lyka", "Mei Ling", "Sau Ying", "Hetal", "Falguni", "Kinjal", "Susanna",
    "Rebekah", "Anna", "Judith", "Katharina",
]
GIVEN_M = [g for g in GIVEN if g not in GIVEN_F and g not in
           ("Sunday", "Sky", "River", "Journey", "Angel", "Harley", "Story", "Dakota", "Tendai",
            "Tatenda", "Nyasha", "Kudzai", "Farai", "Uchenna", "Chinonso", "Ping", "Bing", "Gift",
            "Honor", "Lucky")]

# ---------------------------------------------------------------- surnames
SUR_WORDS = [
    "Baker", "Mason", "Cherry", "Bishop", "Page", "Cook", "Walker", "Carpenter", "Fisher",
    "Hunter", "Barber", "Nurse", "Graves", "Addison", "Parkinson", "Bell", "Wilson", "Cushing",
    "Still", "Turner", "Pain", "Payne", "Bone", "Blood", "Hand", "Legg", "Foote", "Heal", "Hurt",
    "Sweat", "Burns", "Good", "Best", "Young", "Strong", "Long", "Short", "Small", "Rich",
    "Moody", "Bland", "Sharp", "Swift", "Moss", "Lamb", "Fox", "Crane", "Hale", "Hardy", "Wise",
    "Chambers", "Holder", "Story", "Church", "Temple", "Hope", "Joy", "Love", "Price", "Cash",
    "Gay", "Lively", "Hurst", "Day", "Friday", "Coward", "Slaughter", "Coffin", "Mayo", "Tubb",
]
SUR_SOUTH = [
    "Battiest", "Tubby", "Ishcomer", "Impson", "Hotema", "Pitchlynn", "LeFlore", "McCurtain",
    "Folsom", "Homma", "Bohanan", "Wesley", "Noah", "Billy", "Amos", "Locklear", "Oxendine",
    "Chavis", "Lowry", "Brayboy", "Dial", "Revels", "Jacobs", "Hunt", "Bullard", "Cummings",
    "Sampson", "Maynor", "Godwin", "Strickland", "Breland", "Sumrall", "Necaise", "Ladner",
    "Cuevas", "Saucier", "Fairley", "Mixon", "Shows", "Bounds",
]
SUR_COAL = [
    "Yurkovich", "Bednarik", "Hrinda", "Sabol", "Dudash", "Kuchta", "Mazzeo", "Palmisano",
    "Yanuzzi", "Kasmierski", "Shimko", "Stasulis", "Petrauskas", "Grabowski", "Lukashewski",
    "Matukaitis", "Dombroski", "Chesnavage", "Burkavage", "Tomcavage", "Wargo", "Zerbe",
]
SUR_AFRICA = [
    "Tesfaye", "Haile", "Berhane", "Tekle", "Woldemariam", "Gebremedhin", "Kidane", "Negash",
    "Asfaw", "Okafor", "Nwosu", "Eze", "Obi", "Okonkwo", "Anyanwu", "Chukwu", "Ugwu", "Ibe",
    "Moyo", "Ncube", "Dube", "Sibanda", "Chikwanha", "Mutasa", "Mapfumo",
]
SUR_ASIA = [
    "Dimaculangan", "Macapagal", "Bautista", "Dela Cruz", "Villanueva", "Manalo", "Pangilinan",
    "Sarmiento", "Tolentino", "Dimaano", "Magbanua", "Wong", "Chin", "Lum", "Fong", "Yee",
    "Lau", "Quan", "Gee", "Louie", "Jung", "Dong", "Hom", "Woo", "Fung", "Lung", "Desai",
    "Shah", "Bhakta", "Modi", "Mistry", "Parekh",
]
SUR_HUTTERITE = ["Wipf", "Hofer", "Waldner", "Kleinsasser", "Gross", "Tschetter", "Stahl",
                 "Wollman", "Mendel", "Entz", "Wurz", "Maendel"]
SURNAMES = SUR_WORDS + SUR_SOUTH + SUR_COAL + SUR_AFRICA + SUR_ASIA + SUR_HUTTERITE


# ---------------------------------------------------------------- places
# (town, county, state, ZIP prefix, area code); ZIP prefixes real, last two digits drawn.
PLACES = [
    # Mississippi Piney Woods and Gulf Coast
    ("Petal", "Forrest", "MS", "394", "601"), ("Purvis", "Lamar", "MS", "394", "601"),
    ("Sumrall", "Lamar", "MS", "394", "601"), ("Lumberton", "Lamar", "MS", "394", "601"),
    ("Wiggins", "Stone", "MS", "395", "601"), ("Poplarville", "Pearl River", "MS", "394", "601"),
    ("Picayune", "Pearl River", "MS", "394", "601"), ("Lucedale", "George", "MS", "394", "601"),
    ("Leakesville", "Greene", "MS", "394", "601"), ("Richton", "Perry", "MS", "394", "601"),
    ("Beaumont", "Perry", "MS", "394", "601"), ("New Augusta", "Perry", "MS", "394", "601"),
    ("Seminary", "Covington", "MS", "394", "601"), ("Collins", "Covington", "MS", "394", "601"),
    ("Mount Olive", "Covington", "MS", "394", "601"), ("Soso", "Jones", "MS", "394", "601"),
    ("Ellisville", "Jones", "MS", "394", "601"), ("Heidelberg", "Jasper", "MS", "393", "601"),
    ("Bay Springs", "Jasper", "MS", "393", "601"), ("Waynesboro", "Wayne", "MS", "393", "601"),
    ("Magee", "Simpson", "MS", "391", "601"), ("Mendenhall", "Simpson", "MS", "391", "601"),
    ("Tylertown", "Walthall", "MS", "396", "601"), ("Liberty", "Amite", "MS", "396", "601"),
    ("Gloster", "Amite", "MS", "396", "601"), ("Kiln", "Hancock", "MS", "395", "228"),
    ("Pass Christian", "Harrison", "MS", "395", "228"), ("Vancleave", "Jackson", "MS", "395", "228"),
    ("Moss Point", "Jackson", "MS", "395", "228"), ("Conehatta", "Newton", "MS", "393", "601"),
    ("Philadelphia", "Neshoba", "MS", "393", "601"),
    # Choctaw Nation, south-east Oklahoma
    ("Idabel", "McCurtain", "OK", "747", "580"), ("Broken Bow", "McCurtain", "OK", "747", "580"),
    ("Battiest", "McCurtain", "OK", "747", "580"), ("Smithville", "McCurtain", "OK", "749", "580"),
    ("Wright City", "McCurtain", "OK", "747", "580"), ("Valliant", "McCurtain", "OK", "747", "580"),
    ("Hugo", "Choctaw", "OK", "747", "580"), ("Soper", "Choctaw", "OK", "747", "580"),
    ("Boswell", "Choctaw", "OK", "747", "580"), ("Antlers", "Pushmataha", "OK", "745", "580"),
    ("Clayton", "Pushmataha", "OK", "745", "918"), ("Talihina", "Le Flore", "OK", "745", "918"),
    ("Wilburton", "Latimer", "OK", "745", "918"), ("Red Oak", "Latimer", "OK", "745", "918"),
    ("Heavener", "Le Flore", "OK", "749", "918"), ("Poteau", "Le Flore", "OK", "749", "918"),
    ("Atoka", "Atoka", "OK", "745", "580"), ("Coalgate", "Coal", "OK", "745", "580"),
    ("Tushka", "Atoka", "OK", "745", "580"), ("Stigler", "Haskell", "OK", "744", "918"),
    ("Caddo", "Bryan", "OK", "747", "580"), ("Bokchito", "Bryan", "OK", "747", "580"),
    # Pennsylvania anthracite region
    ("Shamokin", "Northumberland", "PA", "178", "570"), ("Mount Carmel", "Northumberland", "PA", "178", "570"),
    ("Kulpmont", "Northumberland", "PA", "178", "570"), ("Trevorton", "Northumberland", "PA", "178", "570"),
    ("Frackville", "Schuylkill", "PA", "179", "570"), ("Mahanoy City", "Schuylkill", "PA", "179", "570"),
    ("Shenandoah", "Schuylkill", "PA", "179", "570"), ("Girardville", "Schuylkill", "PA", "179", "570"),
    ("Ashland", "Schuylkill", "PA", "179", "570"), ("Tamaqua", "Schuylkill", "PA", "182", "570"),
    ("Coaldale", "Schuylkill", "PA", "182", "570"), ("Tremont", "Schuylkill", "PA", "179", "570"),
    ("Minersville", "Schuylkill", "PA", "179", "570"), ("St. Clair", "Schuylkill", "PA", "179", "570"),
    ("Lansford", "Carbon", "PA", "182", "570"), ("Nesquehoning", "Carbon", "PA", "182", "570"),
    ("Jim Thorpe", "Carbon", "PA", "182", "570"), ("Freeland", "Luzerne", "PA", "182", "570"),
    ("Nanticoke", "Luzerne", "PA", "186", "570"), ("Glen Lyon", "Luzerne", "PA", "186", "570"),
    ("Shickshinny", "Luzerne", "PA", "186", "570"), ("Centralia", "Columbia", "PA", "178", "570"),
    ("McAdoo", "Schuylkill", "PA", "182", "570"), ("Olyphant", "Lackawanna", "PA", "184", "570"),
    ("Forest City", "Susquehanna", "PA", "184", "570"),
    # North Georgia mountains
    ("Blue Ridge", "Fannin", "GA", "305", "706"), ("Mineral Bluff", "Fannin", "GA", "305", "706"),
    ("Morganton", "Fannin", "GA", "305", "706"), ("Ellijay", "Gilmer", "GA", "305", "706"),
    ("Cherry Log", "Gilmer", "GA", "305", "706"), ("Blairsville", "Union", "GA", "305", "706"),
    ("Suches", "Union", "GA", "305", "706"), ("Young Harris", "Towns", "GA", "305", "706"),
    ("Hiawassee", "Towns", "GA", "305", "706"), ("Dillard", "Rabun", "GA", "305", "706"),
    ("Tallulah Falls", "Rabun", "GA", "305", "706"), ("Tiger", "Rabun", "GA", "305", "706"),
    ("Lakemont", "Rabun", "GA", "305", "706"), ("Cleveland", "White", "GA", "305", "706"),
    ("Helen", "White", "GA", "305", "706"), ("Dahlonega", "Lumpkin", "GA", "305", "706"),
    ("Talking Rock", "Pickens", "GA", "301", "706"), ("Chatsworth", "Murray", "GA", "307", "706"),
    ("Eton", "Murray", "GA", "307", "706"),
    # Southern Illinois
    ("Anna", "Union", "IL", "629", "618"), ("Jonesboro", "Union", "IL", "629", "618"),
    ("Dongola", "Union", "IL", "629", "618"), ("Cobden", "Union", "IL", "629", "618"),
    ("Metropolis", "Massac", "IL", "629", "618"), ("Golconda", "Pope", "IL", "629", "618"),
    ("Rosiclare", "Hardin", "IL", "629", "618"), ("Cave-In-Rock", "Hardin", "IL", "629", "618"),
    ("Harrisburg", "Saline", "IL", "629", "618"), ("Eldorado", "Saline", "IL", "629", "618"),
    ("Shawneetown", "Gallatin", "IL", "629", "618"), ("Karnak", "Pulaski", "IL", "629", "618"),
    ("Mounds", "Pulaski", "IL", "629", "618"), ("Tamms", "Alexander", "IL", "629", "618"),
    ("Thebes", "Alexander", "IL", "629", "618"), ("Vienna", "Johnson", "IL", "629", "618"),
    ("Goreville", "Johnson", "IL", "629", "618"), ("Herrin", "Williamson", "IL", "629", "618"),
    ("Zeigler", "Franklin", "IL", "629", "618"), ("Christopher", "Franklin", "IL", "628", "618"),
    ("West Frankfort", "Franklin", "IL", "628", "618"), ("Sesser", "Franklin", "IL", "628", "618"),
    ("Du Quoin", "Perry", "IL", "628", "618"), ("Sparta", "Randolph", "IL", "622", "618"),
    ("Chester", "Randolph", "IL", "622", "618"), ("Murphysboro", "Jackson", "IL", "629", "618"),
    ("Ava", "Jackson", "IL", "629", "618"), ("Grand Tower", "Jackson", "IL", "629", "618"),
    ("Carmi", "White", "IL", "628", "618"),
    # North Carolina Sandhills and Lumbee country
    ("Pembroke", "Robeson", "NC", "283", "910"), ("Maxton", "Robeson", "NC", "283", "910"),
    ("Red Springs", "Robeson", "NC", "283", "910"), ("Rowland", "Robeson", "NC", "283", "910"),
    ("Fairmont", "Robeson", "NC", "283", "910"), ("Lumber Bridge", "Robeson", "NC", "283", "910"),
    ("St. Pauls", "Robeson", "NC", "283", "910"), ("Raeford", "Hoke", "NC", "283", "910"),
    ("Laurinburg", "Scotland", "NC", "283", "910"), ("Wagram", "Scotland", "NC", "283", "910"),
    ("Hamlet", "Richmond", "NC", "283", "910"), ("Ellerbe", "Richmond", "NC", "283", "910"),
    ("Candor", "Montgomery", "NC", "273", "910"), ("Star", "Montgomery", "NC", "273", "910"),
    ("Biscoe", "Montgomery", "NC", "273", "910"), ("Troy", "Montgomery", "NC", "273", "910"),
    ("Robbins", "Moore", "NC", "273", "910"), ("Vass", "Moore", "NC", "283", "910"),
    ("Cameron", "Moore", "NC", "283", "910"), ("Bladenboro", "Bladen", "NC", "283", "910"),
]
STATE_NAMES = {"MS": "Mississippi", "OK": "Oklahoma", "PA": "Pennsylvania", "GA": "Georgia",
               "IL": "Illinois", "NC": "North Carolina"}

# military post offices (ZIPs real in shape: AA 340xx, AE 09xxx, AP 96xxx)
MIL = [("APO", "AE", "090"), ("FPO", "AE", "095"), ("APO", "AP", "963"), ("FPO", "AP", "966"),
       ("APO", "AA", "340"), ("DPO", "AE", "098")]

STREET_WORDS = [
    "Longleaf", "Tung Oil", "Sawmill", "Pecan Grove", "Breaker", "Colliery", "Culm Bank",
    "Patch", "Slate", "Apple Butter", "Muscadine", "Chigger Hill", "Kiamichi", "Mountain Fork",
    "Little River", "Peach Orchard", "Cache River", "Drowning Creek", "Juniper", "Savannah",
    "Tatum Camp", "Black Creek", "Bouie", "Leaf River", "Pinebur", "Railroad", "Depot",
    "Mill Race", "Powder Magazine", "Shaft", "Tipple Hill", "Blue Creek", "Tater Patch",
    "Frog Level", "Possum Trot", "Sourwood", "Laurel Branch", "Cohutta", "Toccoa", "Coosa",
    "Shawnee Ridge", "Rend Lake", "Pounds Hollow", "Lick Creek", "Saddletree", "Deep Branch",
    "Prospect", "Moss Neck", "Union Chapel", "Harpers Ferry", "Tobacco Barn", "Turkey Branch",
]
SUFFIXES = ["Rd", "Road", "St", "Street", "Ln", "Lane", "Dr", "Cir", "Trl", "Hwy", "Loop",
            "Pike", "Ext", "Ct", "Holw", "Rdg", "Br", "Spur", "Aly", "Run"]
DIRS = ["N", "S", "E", "W", "North", "South", "E.", "W."]
COAL_STREETS = ["Centre St", "Market St", "Coal St", "Oak St", "Vine St", "Chestnut St",
                "Pine St", "Race St", "Maple St", "Locust Ave", "Spruce St", "Shamokin St"]
HIGHWAYS = {"MS": ["Hwy 49", "Hwy 98", "Hwy 11", "Hwy 589", "Hwy 42", "Hwy 26"],
            "OK": ["Hwy 259", "Hwy 3", "US-271", "Hwy 63", "Indian Hwy", "Hwy 2"],
            "PA": ["Route 61", "Route 54", "Route 209", "Route 924"],
            "GA": ["Hwy 515", "GA-60", "Hwy 76", "Hwy 441", "GA-75"],
            "IL": ["State Route 146", "IL-145", "State Route 34", "IL-37", "Route 13"],
            "NC": ["NC 711", "NC 71", "NC 211", "US 74 Bus", "Hwy 72"]}

# ---------------------------------------------------------------- facilities
FAC_HOSP = [
    "Pine Belt Regional Medical Center", "Leaf River Community Hospital", "Stone County Hospital",
    "Kiamichi Valley Community Hospital", "Mountain Fork Indian Health Center",
    "Choctaw Nation Health Care Center", "Anthracite Regional Medical Center",
    "Schuylkill Mountain Hospital", "Coal Region General Hospital", "Blue Ridge Mountain Hospital",
    "Chattahoochee Highlands Medical Center", "Union General Hospital",
    "Shawnee Hills Memorial Hospital", "Little Egypt Regional Medical Center",
    "Ferne Clyffe Medical Center", "Lumber River Regional Hospital", "Southeastern Sandhills Medical Center",
    "Scotland Memorial Hospital", "Drowning Creek Medical Center",
]
FAC_CLINIC = [
    "Lamar County Rural Health Clinic", "Tung Oil Family Practice", "Hugo Indian Clinic",
    "Talihina Family Medicine", "Mount Carmel Area Health Center", "Tamaqua Family Care",
    "Fannin County Health Department", "Hiawassee Family Medicine", "Pope County Health Department",
    "Golconda Rural Health Clinic", "Pembroke Family Practice", "Robeson Health Care Corporation",
    "Saddletree Community Clinic", "Cherry Log Primary Care", "Shamokin Area Community Clinic",
    "Sparta Community Health Center", "Antlers Wellness Clinic", "Poplarville Pediatrics",
]
FAC_OTHER = [
    "Sumrall Drug Co.", "Tiger Corner Pharmacy", "Boswell Discount Drugs", "Frackville Apothecary",
    "Magnolia Manor of Petal", "Heritage House of Hugo", "Golden Living Center of Jim Thorpe",
    "Laurel Branch Hospice", "Mount Carmel Area Junior/Senior High School",
    "Antlers Upper Elementary", "Purvis Middle School", "Leaf River Poultry",
    "Kiamichi Timber Co.", "Tamaqua Pallet Works", "Blue Ridge Trout Hatchery",
    "Shawnee Orchards", "Lumber River Turkey Processing", "Broken Bow Sawmill",
    "Old Bethel Presbyterian Church", "Harper-Lowry Funeral Home", "Dudash Funeral Chapel",
    "Camp Shelby Troop Medical Clinic", "Keesler Family Dental", "Robeson County DSS",
    "Pine Belt Mental Healthcare Resources", "Kiamichi Home Health", "Anthracite Home Care",
    "Hiawassee Manor", "Saline County Ambulance Service", "Coalgate Senior Center",
]
PAYERS = ["BCBS", "Humana", "UHC", "Aetna", "Ambetter", "Medicare", "Medicaid", "SoonerCare",
          "Tricare", "Cigna", "Magnolia Health", "PeachCare"]

EMAIL_DOMAINS = ["bellsouth.net", "windstream.net", "att.net", "ptd.net", "epix.net",
                 "frontier.com", "yahoo.com", "gmail.com", "hotmail.com", "icloud.com",
                 "pinebelt.net", "etcmail.net", "pldi.net", "shawneelink.net", "nc.rr.com"]
ORG_DOMAINS = ["pinebeltrmc.org", "kiamichihealth.org", "anthraciterh.org", "brmh-ga.org",
               "shawneehills.org", "lumberriverhealth.org", "lamarrhc.com", "coalregion.health",
               "littleegyptmed.org", "robesonhcc.org"]

# ---------------------------------------------------------------- generators


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def luhn_digit(s: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def npi(r: random.Random) -> str:
    base = r.choice("12") + digits(r, 8)
    return base + luhn_digit("80840" + base)


def dea(r: random.Random, last: str) -> str:
    first = r.choice("ABFGM")
    d = [int(x) for x in digits(r, 6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    initial = last[0].upper() if last[0].isalpha() else "X"
    return first + initial + "".join(map(str, d)) + str(check)


def imei(r: random.Random) -> str:
    base = r.choice(["35", "86", "01", "49"]) + digits(r, 12)
    return base + luhn_digit(base)


VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {**{str(i): i for i in range(10)},
           **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
           **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin(r: random.Random) -> str:
    wmi = r.choice(["1FT", "1GC", "3GC", "1C6", "2T1", "5TF", "1N6", "JTD", "1HG", "KNA"])
    body = [r.choice(VIN_CH) for _ in range(5)]
    year = r.choice("CDEFGHJKLMN")
    rest = [r.choice(VIN_CH)] + [r.choice("0123456789") for _ in range(6)]
    chars = list(wmi) + body + ["0"] + [year] + rest
    total = sum(VIN_VAL[c] * w for c, w in zip(chars, VIN_W))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def vin_ok(v: str) -> bool:
    total = sum(VIN_VAL[c] * w for c, w in zip(v, VIN_W))
    return v[8] == ("X" if total % 11 == 10 else str(total % 11))


def ssn(r: random.Random, form: int | None = None) -> str:
    area = r.randint(1, 665)
    s = f"{area:03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"
    form = r.randrange(5) if form is None else form
    return [f"{s[0]}-{s[1]}-{s[2]}", f"{s[0]} {s[1]} {s[2]}", "".join(s), f"{s[0]}-{s[1]}-{s[2]}",
            f"{s[0]}.{s[1]}.{s[2]}"][form]


def last4(r: random.Random) -> str:
    return f"{r.randint(1, 9999):04d}"


def phone(r: random.Random, area: str, form: int | None = None) -> str:
    ex = str(r.randint(2, 9)) + digits(r, 2)
    ln = digits(r, 4)
    form = r.randrange(9) if form is None else form
    return [f"({area}) {ex}-{ln}", f"{area}-{ex}-{ln}", f"{area}.{ex}.{ln}", f"{area}{ex}{ln}",
            f"{area} {ex} {ln}", f"1-{area}-{ex}-{ln}", f"+1 {area} {ex} {ln}", f"({area}){ex}-{ln}",
            f"{area}/{ex}-{ln}"][form]


def local7(r: random.Random) -> str:
    return f"{r.randint(2, 9)}{digits(r, 2)}-{digits(r, 4)}"


def zipcode(r: random.Random, p3: str, plus4: bool = False) -> str:
    z = p3 + digits(r, 2)
    return z + "-" + digits(r, 4) if plus4 else z


def mrn(r: random.Random) -> str:
    f = r.randrange(7)
    return [
        "E" + digits(r, 7), "00" + digits(r, 7), f"{digits(r, 2)}-{digits(r, 2)}-{digits(r, 3)}",
        digits(r, 8), "M" + digits(r, 6), f"{digits(r, 3)} {digits(r, 3)} {digits(r, 2)}",
        "4" + digits(r, 6),
    ][f]


def account(r: random.Random) -> str:
    f = r.randrange(7)
    return [
        "V" + digits(r, 11), "HAR" + digits(r, 9), digits(r, 10), "A" + digits(r, 8),
        f"{digits(r, 4)}-{digits(r, 6)}", "FIN" + digits(r, 8), "20" + digits(r, 9),
    ][f]


def member_id(r: random.Random) -> str:
    f = r.randrange(6)
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return [
        "".join(r.choice(L) for _ in range(3)) + digits(r, 9), "W" + digits(r, 8),
        digits(r, 9), "H" + digits(r, 8) + "01", digits(r, 11),
        "".join(r.choice(L) for _ in range(2)) + digits(r, 7),
    ][f]


def mbi(r: random.Random) -> str:
    L = "ACDEFGHJKMNPQRTUVWXY"
    a = [str(r.randint(1, 9)), r.choice(L), r.choice(L + "0123456789"), str(r.randint(0, 9)),
         r.choice(L), r.choice(L + "0123456789"), str(r.randint(0, 9)), r.choice(L), r.choice(L),
         str(r.randint(0, 9)), str(r.randint(0, 9))]
    s = "".join(a)
    return s if r.random() < 0.5 else f"{s[:4]}-{s[4:7]}-{s[7:]}"


def plate(r: random.Random, st: str) -> str:
    L = "ABCDEFGHJKLMNPRSTVWXYZ"
    l3 = "".join(r.choice(L) for _ in range(3))
    if st == "MS":
        return f"{l3} {digits(r, 4)}" if r.random() < 0.6 else f"{l3}{digits(r, 4)}"
    if st == "OK":
        return f"{l3}-{digits(r, 3)}" if r.random() < 0.5 else f"{digits(r, 3)}{l3}"
    if st == "PA":
        return f"{l3}-{digits(r, 4)}" if r.random() < 0.7 else f"{l3}{digits(r, 4)}"
    if st == "GA":
        return f"{l3}{digits(r, 4)}" if r.random() < 0.5 else f"{l3} {digits(r, 4)}"
    if st == "IL":
        return f"{r.choice(L)}{r.choice(L)} {digits(r, 5)}" if r.random() < 0.6 else digits(r, 7)
    return f"{l3}-{digits(r, 4)}"


def dl(r: random.Random, st: str) -> str:
    L = "ABCDEFGHJKLMNPRSTVWXYZ"
    if st == "OK":
        return r.choice(L) + digits(r, 9)
    if st == "PA":
        d = digits(r, 8)
        return f"{d[:2]} {d[2:5]} {d[5:]}" if r.random() < 0.5 else d
    if st == "IL":
        return f"{r.choice(L)}{digits(r, 3)}-{digits(r, 4)}-{digits(r, 4)}"
    if st == "NC":
        return "0000" + digits(r, 8)
    return digits(r, 9)


def state_license(r: random.Random, st: str, kind: str = "MD") -> str:
    if st == "IL":
        return ("036." if kind == "MD" else "041.") + digits(r, 6)
    if st == "PA":
        return ("MD" if kind == "MD" else "RN") + digits(r, 6) + ("" if kind == "MD" else "L")
    if st == "OK":
        return ("MD " if kind == "MD" else "R") + digits(r, 5)
    if st == "NC":
        return f"20{digits(r, 2)}-0{digits(r, 4)}" if kind == "MD" else digits(r, 6)
    if st == "GA":
        return ("MD" if kind == "MD" else "RN") + digits(r, 6)
    return ("" if kind == "MD" else "R") + digits(r, 5)


def serial(r: random.Random) -> str:
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    f = r.randrange(8)
    return [
        "".join(r.choice(L) for _ in range(2)) + digits(r, 8), digits(r, 10),
        f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 2)}", "SRN" + digits(r, 9),
        r.choice(L) + digits(r, 2) + r.choice(L) + digits(r, 6),
        f"{digits(r, 2)}{r.choice(L)}{digits(r, 5)}{r.choice(L)}", "2" + digits(r, 11),
        "".join(r.choice("0123456789ABCDEF") for _ in range(12)),
    ][f]


def mac(r: random.Random) -> str:
    parts = ["".join(r.choice("0123456789ABCDEF") for _ in range(2)) for _ in range(6)]
    sep = r.choice([":", "-", ":"])
    s = sep.join(parts)
    return s.lower() if r.random() < 0.4 else s


def ipv4(r: random.Random) -> str:
    f = r.randrange(5)
    if f == 0:
        return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    if f == 1:
        return f"192.168.{r.randint(0, 20)}.{r.randint(2, 254)}"
    if f == 2:
        return f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    return f"{r.choice([24, 47, 66, 68, 71, 98, 108, 142, 174, 198, 205, 209])}." \
           f"{r.randint(1, 254)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def ipv6(r: random.Random) -> str:
    g = ["".join(r.choice("0123456789abcdef") for _ in range(r.randint(1, 4))) for _ in range(8)]
    if r.random() < 0.5:
        return f"2600:{g[1]}:{g[2]}:{g[3]}::{g[7]}"
    return "2001:db8:" + ":".join(g[2:])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
             "twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth",
             "twenty sixth", "twenty seventh", "twenty eighth"]
NUM_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def ymd(r: random.Random, lo: int = 2024, hi: int = 2026) -> tuple[int, int, int]:
    return r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)


def fmt_date(r: random.Random, y: int, m: int, d: int, form: int | None = None) -> str:
    mon = MONTHS[m - 1]
    form = r.randrange(14) if form is None else form
    return [
        f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{d:02d}-{mon[:3]}-{y}",
        f"{mon} {d}, {y}", f"{mon[:3]} {d} {y}", f"{y}-{m:02d}-{d:02d}", f"{m:02d}-{d:02d}-{y}",
        f"{d} {mon} {y}", f"{m}.{d}.{y % 100:02d}", f"{y}{m:02d}{d:02d}",
        f"{mon[:3].upper()} {d:02d} {y}", f"{m}/{d}/{y}", f"{mon[:3]}. {d}, {y}", f"{d}{mon[:3].upper()}{y % 100:02d}",
    ][form]


def date(r: random.Random, lo: int = 2024, hi: int = 2026, form: int | None = None) -> str:
    return fmt_date(r, *ymd(r, lo, hi), form=form)


def dob(r: random.Random, form: int | None = None) -> str:
    return fmt_date(r, *ymd(r, 1929, 2019), form=form)


def old_dob(r: random.Random, age: str, form: int | None = None) -> str:
    """A date of birth that gives `age` in 2026 (birthday already passed or not)."""
    y = 2026 - int(age) - r.randint(0, 1)
    return fmt_date(r, y, r.randint(1, 12), r.randint(1, 28), form=form)


def short_date(r: random.Random) -> str:
    m, d = r.randint(1, 12), r.randint(1, 28)
    return r.choice([f"{m}/{d}", f"{MONTHS[m - 1][:3]} {d}", f"{d}-{MONTHS[m - 1][:3]}",
                     f"{m:02d}/{d:02d}"])


def spoken_year(y: int) -> str:
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]

    def two(n: int) -> str:
        if n < 10:
            return "oh " + NUM_WORDS[n] if n else "hundred"
        if n < 20:
            return teens[n - 10]
        return tens[n // 10] + ("" if n % 10 == 0 else " " + NUM_WORDS[n % 10])

    if y >= 2000:
        return "twenty " + two(y - 2000) if y >= 2010 else "two thousand " + NUM_WORDS[y - 2000]
    return "nineteen " + two(y - 1900)


def spoken_date(r: random.Random, lo: int = 1929, hi: int = 1960) -> str:
    y, m, d = ymd(r, lo, hi)
    return f"{MONTHS[m - 1].lower()} {ORD_WORDS[d - 1]} {spoken_year(y)}"


def age90(r: random.Random) -> str:
    return str(r.choice([90, 91, 91, 92, 93, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 104]))


AGE_WORDS = ["ninety", "ninety-one", "ninety-two", "ninety-three", "ninety-four", "ninety-five",
             "ninety-six", "ninety-seven", "ninety-eight", "ninety-nine", "one hundred",
             "a hundred and one", "one hundred three"]


def spell_digits(s: str) -> str:
    return " ".join(NUM_WORDS[int(c)] if c.isdigit() else c.lower() for c in s if c.strip())
