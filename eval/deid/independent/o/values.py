"""Value pools typed by hand and value generators for set O (standard library only).

Every function takes the `random.Random` it draws from; nothing depends on the string hash seed
(pools are lists or tuples, never iterated as sets).
"""

from __future__ import annotations

import random

# --------------------------------------------------------------------------------------------
# Names, typed by hand; combined at random (no real person is intended).
# Each community: (men's given names, women's given names, surnames).
COMMUNITIES = {
    "chamorro": (
        ["Vicente", "Ignacio", "Joaquin", "Jesus", "Tomas", "Enrique", "Juan Carlos"],
        ["Rosalia", "Concepcion", "Dolores", "Josefina", "Carmelita", "Tomasa", "Ana Maria"],
        ["Taitano", "Quitugua", "Aguon", "Blas", "Camacho", "San Nicolas", "Leon Guerrero",
         "Borja", "Tenorio", "Quinata", "Mendiola", "Sablan", "Manibusan", "Taimanglo",
         "Unpingco", "Pangelinan", "Chargualaf", "Babauta", "Terlaje", "Duenas"],
    ),
    "palauan": (
        ["Obak", "Ngirai", "Kazuo", "Surangel"],
        ["Dirra", "Ebil", "Rebluud", "Ikelau"],
        ["Ngiraked", "Rengiil", "Tellei", "Ngirmang", "Sadang", "Oiterong", "Kuartei"],
    ),
    "crucian": (
        ["Claudius", "Almando", "Wilburn", "Elridge", "Lenox", "Alphonso", "Cleone"],
        ["Eulalie", "Enid", "Myrna", "Glenda", "Alda", "Oriel", "Verna", "Ermine"],
        ["Heyliger", "Gumbs", "Lawaetz", "Canegata", "Skov", "Encarnacion", "Roebuck",
         "Liburd", "Esannason", "Thraen", "Wheatley", "Hendricks", "Christian", "Hodge",
         "Petersen"],
    ),
    "jamaican": (
        ["Delroy", "Winston", "Fitzroy", "Garfield", "Ainsley", "Desmond", "Oneil",
         "Lascelles", "Dwayne", "Kirk"],
        ["Sharmaine", "Claudette", "Marcia", "Yvonne", "Sashana", "Kerry-Ann", "Shanique"],
        ["McKenzie", "Ferguson", "Gayle", "Rattray", "Bogle", "Lindo", "Samuels", "Whyte",
         "Pryce", "Gooden", "Blackwood", "Dacres", "Campbell", "Reid"],
    ),
    "hasidic": (
        ["Yoel", "Chaim", "Mordechai", "Shulem", "Yidel", "Zalmen", "Avrohom", "Berish"],
        ["Chaya", "Rivka", "Blima", "Faigy", "Esty", "Raizy", "Perel", "Malky"],
        ["Teitelbaum", "Gluck", "Lowy", "Halberstam", "Rosenfeld", "Jacobowitz",
         "Moskowitz", "Brach", "Wertzberger", "Klein", "Katz", "Landau", "Friedman",
         "Weiss", "Schwartz", "Kohn"],
    ),
    "hudson": (
        ["Abram", "Jacobus", "Cornelius", "Elting", "Garret", "Tunis"],
        ["Gertrude", "Cornelia", "Lena", "Hester", "Catrina", "Maritje"],
        ["Hasbrouck", "DuBois", "Bevier", "LeFevre", "Deyo", "Schoonmaker", "Van Kleeck",
         "Ten Broeck", "Brodhead", "Hornbeck", "Krom", "Terwilliger", "Osterhoudt",
         "Van Etten", "Vernooy", "Ostrander"],
    ),
    "albanian": (
        ["Arben", "Fatmir", "Besnik", "Gjergj", "Ilir", "Agron", "Kujtim"],
        ["Drita", "Valbona", "Mirela", "Lindita", "Shpresa", "Flutura", "Arjeta"],
        ["Gjonaj", "Krasniqi", "Berisha", "Hoxha", "Dedaj", "Lulgjuraj", "Camaj", "Ndrecaj",
         "Gashi", "Shala", "Rexhepi"],
    ),
    "indocaribbean": (
        ["Deonarine", "Rohan", "Sewnarine", "Dhanraj", "Kamal", "Leekram"],
        ["Savitri", "Indira", "Rajdai", "Bibi", "Lakshmi", "Sunita", "Parbattie"],
        ["Ramdass", "Persaud", "Seepersad", "Maharaj", "Rampersaud", "Jagroop", "Bisnauth",
         "Dindial", "Ramkissoon", "Sukhu", "Baksh", "Mohabir"],
    ),
    "fuzhou": (
        ["Mingwei", "Jianhua", "Guohui", "Zhiqiang", "Weijie"],
        ["Xiuying", "Meixiang", "Lihua", "Yuqin", "Jinfeng", "Qiuyan"],
        ["Lin", "Zheng", "Weng", "Jiang", "Xie", "Zhuo", "Ke", "Dong"],
    ),
    "bosnian": (
        ["Emir", "Senad", "Mirsad", "Edin", "Nermin", "Adnan", "Haris"],
        ["Amra", "Selma", "Lejla", "Aida", "Emina", "Mersiha", "Azra"],
        ["Hodžić", "Mehmedović", "Begić", "Hadžić", "Kovačević", "Salihović", "Omerović",
         "Husić", "Delić", "Mujić", "Bešić", "Sarajlić"],
    ),
    "hochunk": (
        ["Forrest", "Duane", "Lyle", "Orville", "Truman"],
        ["Loretta", "Winona", "Darlene", "Rhonda"],
        ["Decorah", "Funmaker", "Greengrass", "Whitewing", "Littlegeorge", "Lonetree",
         "Blackdeer", "Whiterabbit", "Thundercloud", "Winneshiek"],
    ),
    "swiss": (
        ["Fridolin", "Oswald", "Kaspar", "Jakob"],
        ["Regula", "Verena", "Ursula", "Vreni"],
        ["Duerst", "Streiff", "Zweifel", "Kundert", "Legler", "Hoesly", "Tschudy", "Babler",
         "Figi"],
    ),
    "cornish": (
        ["Percival", "Nance", "Trevor"],
        ["Morwenna", "Tamsin", "Jenifer"],
        ["Pascoe", "Tregoning", "Trewartha", "Polkinghorne", "Penhallegon", "Trevorrow",
         "Bolitho", "Rowe"],
    ),
    "seminole": (
        ["Moses", "Jimmie", "Pete", "Howard"],
        ["Mary Jo", "Jennie", "Louise", "Agnes"],
        ["Osceola", "Billie", "Jumper", "Tommie", "Cypress", "Gopher", "Micco", "Storm"],
    ),
    "southside": (
        ["Otha", "Cleveland", "Junius", "Rochester", "Lonnie", "Wardell"],
        ["Ozella", "Luvenia", "Odessa", "Mattie", "Queenie", "Beulah", "Alberta"],
        ["Hairston", "Claiborne", "Royster", "Lipscomb", "Yancey", "Boyd", "Bugg", "Crowder",
         "Overbey", "Puryear", "Wilborn", "Farrar"],
    ),
    "cracker": (
        ["Doyle", "Clell", "Buster", "Jody", "Lamar", "Wade"],
        ["Willadean", "Ima", "Lottie", "Reba", "Netta"],
        ["Albritton", "Carlton", "Platt", "Durrance", "Whidden", "Lightsey", "Revell",
         "Raulerson", "Tindall", "Alderman"],
    ),
    "holyland": (
        ["Aloysius", "Urban", "Leo", "Bernard", "Ambrose"],
        ["Bernadette", "Agnes", "Philomena", "Rosella"],
        ["Mattingly", "Hagan", "Spalding", "Hamilton", "Mudd", "Medley", "Thompson",
         "Clements", "Wimsett", "Hayden", "Ballard", "Shropshire", "Offutt"],
    ),
    # given names and surnames that are also words, many clinical
    "wordnames": (
        ["Clement", "Chance", "Justice", "Blaze", "Colt", "Stetson", "Cash", "River", "Sage"],
        ["Verity", "Temperance", "Honor", "Wren", "Lark", "Ember", "Sage", "River"],
        ["Marrow", "Brain", "Cramp", "Gall", "Rash", "Lance", "Scales", "Hart", "Frost",
         "Winter", "Sickles", "Cutter", "Heal", "Payne", "Kidd", "Grieve"],
    ),
}
COMMUNITY_ORDER = list(COMMUNITIES)  # dict order is insertion order, not hash order


def person(rng: random.Random, sex: str | None = None, community: str | None = None) -> dict:
    c = community or rng.choice(COMMUNITY_ORDER)
    men, women, surnames = COMMUNITIES[c]
    sex = sex or rng.choice("MF")
    first = rng.choice(men if sex == "M" else women)
    last = rng.choice(surnames)
    if rng.random() < 0.07:  # a hyphenated pair from another community
        other = COMMUNITIES[rng.choice(COMMUNITY_ORDER)][2]
        second = rng.choice(other)
        if second != last and " " not in second and " " not in last:
            last = f"{last}-{second}"
    mi = rng.choice("ABCDEFGHJKLMNPRSTVW")
    return {"first": first, "last": last, "mi": mi, "sex": sex, "community": c}


FOLD = str.maketrans("žćčšđŽĆČŠĐ", "zccsdZCCSD")


def fold(s: str) -> str:
    return s.translate(FOLD)


def initials(p: dict, dots: bool = True) -> str:
    a = p["first"][0] + p["last"].replace("Van ", "V").replace("Ten ", "T")[0]
    return f"{a[0]}.{a[1]}." if dots else a


def username(p: dict) -> str:
    return fold((p["first"][0] + p["last"]).lower().replace(" ", "").replace("-", "").replace("'", ""))


# --------------------------------------------------------------------------------------------
# Real small places in regions the J-N READMEs do not name. Each: (town, county, state, ZIP,
# area code). ZIPs are the towns' own five-digit ZIPs as the author knows them (not checked
# against a USPS file); ZIP+4 add-ons are drawn.
PLACES = [
    # Catskills and the Hudson Valley, New York
    ("Monticello", "Sullivan", "NY", "12701", "845"), ("Livingston Manor", "Sullivan", "NY", "12758", "845"),
    ("Roscoe", "Sullivan", "NY", "12776", "607"), ("Narrowsburg", "Sullivan", "NY", "12764", "845"),
    ("Callicoon", "Sullivan", "NY", "12723", "845"), ("Jeffersonville", "Sullivan", "NY", "12748", "845"),
    ("Woodridge", "Sullivan", "NY", "12789", "845"), ("Loch Sheldrake", "Sullivan", "NY", "12759", "845"),
    ("Hurleyville", "Sullivan", "NY", "12747", "845"), ("Wurtsboro", "Sullivan", "NY", "12790", "845"),
    ("Eldred", "Sullivan", "NY", "12732", "845"), ("Ellenville", "Ulster", "NY", "12428", "845"),
    ("Kerhonkson", "Ulster", "NY", "12446", "845"), ("Phoenicia", "Ulster", "NY", "12464", "845"),
    ("Stone Ridge", "Ulster", "NY", "12484", "845"), ("Accord", "Ulster", "NY", "12404", "845"),
    ("Shokan", "Ulster", "NY", "12481", "845"), ("Saugerties", "Ulster", "NY", "12477", "845"),
    ("Rosendale", "Ulster", "NY", "12472", "845"), ("Catskill", "Greene", "NY", "12414", "518"),
    ("Athens", "Greene", "NY", "12015", "518"), ("Coxsackie", "Greene", "NY", "12051", "518"),
    ("Tannersville", "Greene", "NY", "12485", "518"), ("Windham", "Greene", "NY", "12496", "518"),
    ("Prattsville", "Greene", "NY", "12468", "518"), ("Chatham", "Columbia", "NY", "12037", "518"),
    ("Ghent", "Columbia", "NY", "12075", "518"), ("Claverack", "Columbia", "NY", "12513", "518"),
    ("Germantown", "Columbia", "NY", "12526", "518"), ("Red Hook", "Dutchess", "NY", "12571", "845"),
    ("Pine Plains", "Dutchess", "NY", "12567", "518"), ("Millerton", "Dutchess", "NY", "12546", "518"),
    ("Amenia", "Dutchess", "NY", "12501", "845"), ("Pawling", "Dutchess", "NY", "12564", "845"),
    ("Goshen", "Orange", "NY", "10924", "845"), ("Warwick", "Orange", "NY", "10990", "845"),
    ("Florida", "Orange", "NY", "10921", "845"), ("Walden", "Orange", "NY", "12586", "845"),
    ("Margaretville", "Delaware", "NY", "12455", "845"), ("Roxbury", "Delaware", "NY", "12474", "607"),
    # Kentucky Bluegrass and the Knobs
    ("Paris", "Bourbon", "KY", "40361", "859"), ("Millersburg", "Bourbon", "KY", "40348", "859"),
    ("Versailles", "Woodford", "KY", "40383", "859"), ("Midway", "Woodford", "KY", "40347", "859"),
    ("Cynthiana", "Harrison", "KY", "41031", "859"), ("Stamping Ground", "Scott", "KY", "40379", "502"),
    ("Sadieville", "Scott", "KY", "40370", "502"), ("Harrodsburg", "Mercer", "KY", "40330", "859"),
    ("Burgin", "Mercer", "KY", "40310", "859"), ("Salvisa", "Mercer", "KY", "40372", "859"),
    ("Perryville", "Boyle", "KY", "40468", "859"), ("Wilmore", "Jessamine", "KY", "40390", "859"),
    ("Lancaster", "Garrard", "KY", "40444", "859"), ("Stanford", "Lincoln", "KY", "40484", "606"),
    ("Hustonville", "Lincoln", "KY", "40437", "606"), ("Carlisle", "Nicholas", "KY", "40311", "859"),
    ("Bardstown", "Nelson", "KY", "40004", "502"), ("New Haven", "Nelson", "KY", "40051", "502"),
    ("Bloomfield", "Nelson", "KY", "40008", "502"), ("Loretto", "Marion", "KY", "40037", "270"),
    ("Raywick", "Marion", "KY", "40060", "270"), ("Lebanon", "Marion", "KY", "40033", "270"),
    ("Springfield", "Washington", "KY", "40069", "859"), ("Gravel Switch", "Marion", "KY", "40328", "270"),
    # Southside Virginia
    ("South Boston", "Halifax", "VA", "24592", "434"), ("Halifax", "Halifax", "VA", "24558", "434"),
    ("Clarksville", "Mecklenburg", "VA", "23927", "434"), ("Chase City", "Mecklenburg", "VA", "23924", "434"),
    ("Boydton", "Mecklenburg", "VA", "23917", "434"), ("South Hill", "Mecklenburg", "VA", "23970", "434"),
    ("La Crosse", "Mecklenburg", "VA", "23950", "434"), ("Kenbridge", "Lunenburg", "VA", "23944", "434"),
    ("Victoria", "Lunenburg", "VA", "23974", "434"), ("Blackstone", "Nottoway", "VA", "23824", "434"),
    ("Crewe", "Nottoway", "VA", "23930", "434"), ("Keysville", "Charlotte", "VA", "23947", "434"),
    ("Drakes Branch", "Charlotte", "VA", "23937", "434"), ("Gretna", "Pittsylvania", "VA", "24557", "434"),
    ("Hurt", "Pittsylvania", "VA", "24563", "434"), ("Java", "Pittsylvania", "VA", "24565", "434"),
    ("Cascade", "Pittsylvania", "VA", "24069", "434"), ("Dry Fork", "Pittsylvania", "VA", "24549", "434"),
    ("Nathalie", "Halifax", "VA", "24577", "434"), ("Rice", "Prince Edward", "VA", "23966", "434"),
    ("Green Bay", "Prince Edward", "VA", "23942", "434"), ("Pamplin", "Appomattox", "VA", "23958", "434"),
    ("Lawrenceville", "Brunswick", "VA", "23868", "434"), ("Dolphin", "Brunswick", "VA", "23843", "434"),
    # Florida Heartland
    ("Wauchula", "Hardee", "FL", "33873", "863"), ("Zolfo Springs", "Hardee", "FL", "33890", "863"),
    ("Bowling Green", "Hardee", "FL", "33834", "863"), ("Ona", "Hardee", "FL", "33865", "863"),
    ("Arcadia", "DeSoto", "FL", "34266", "863"), ("Nocatee", "DeSoto", "FL", "34268", "863"),
    ("Moore Haven", "Glades", "FL", "33471", "863"), ("Lake Placid", "Highlands", "FL", "33852", "863"),
    ("Venus", "Highlands", "FL", "33960", "863"), ("Lorida", "Highlands", "FL", "33857", "863"),
    ("Avon Park", "Highlands", "FL", "33825", "863"), ("Okeechobee", "Okeechobee", "FL", "34972", "863"),
    ("Clewiston", "Hendry", "FL", "33440", "863"), ("LaBelle", "Hendry", "FL", "33935", "863"),
    ("Felda", "Hendry", "FL", "33930", "863"), ("Fort Meade", "Polk", "FL", "33841", "863"),
    ("Frostproof", "Polk", "FL", "33843", "863"), ("Babson Park", "Polk", "FL", "33827", "863"),
    ("Palmdale", "Glades", "FL", "33944", "863"), ("Muse", "Glades", "FL", "33936", "863"),
    # the Driftless Area of south-west Wisconsin
    ("Viroqua", "Vernon", "WI", "54665", "608"), ("Westby", "Vernon", "WI", "54667", "608"),
    ("Coon Valley", "Vernon", "WI", "54623", "608"), ("Readstown", "Vernon", "WI", "54652", "608"),
    ("Genoa", "Vernon", "WI", "54632", "608"), ("Stoddard", "Vernon", "WI", "54658", "608"),
    ("La Farge", "Vernon", "WI", "54639", "608"), ("Soldiers Grove", "Crawford", "WI", "54655", "608"),
    ("Gays Mills", "Crawford", "WI", "54631", "608"), ("Ferryville", "Crawford", "WI", "54628", "608"),
    ("Ontario", "Vernon", "WI", "54651", "608"), ("Cashton", "Monroe", "WI", "54619", "608"),
    ("Norwalk", "Monroe", "WI", "54648", "608"), ("Hillsboro", "Vernon", "WI", "54634", "608"),
    ("Boscobel", "Grant", "WI", "53805", "608"), ("Muscoda", "Grant", "WI", "53573", "608"),
    ("Mineral Point", "Iowa", "WI", "53565", "608"), ("Dodgeville", "Iowa", "WI", "53533", "608"),
    ("Arena", "Iowa", "WI", "53503", "608"), ("Barneveld", "Iowa", "WI", "53507", "608"),
    ("Avoca", "Iowa", "WI", "53506", "608"), ("New Glarus", "Green", "WI", "53574", "608"),
    ("Darlington", "Lafayette", "WI", "53530", "608"), ("Shullsburg", "Lafayette", "WI", "53586", "608"),
    ("Cuba City", "Grant", "WI", "53807", "608"), ("Fennimore", "Grant", "WI", "53809", "608"),
    ("Lone Rock", "Richland", "WI", "53556", "608"), ("Plain", "Sauk", "WI", "53577", "608"),
    ("Spring Green", "Sauk", "WI", "53588", "608"), ("Elroy", "Juneau", "WI", "53929", "608"),
    # United States Virgin Islands (no counties: the island is given)
    ("Christiansted", "St. Croix", "VI", "00820", "340"), ("Frederiksted", "St. Croix", "VI", "00840", "340"),
    ("Kingshill", "St. Croix", "VI", "00850", "340"), ("Charlotte Amalie", "St. Thomas", "VI", "00802", "340"),
    ("Cruz Bay", "St. John", "VI", "00830", "340"), ("Coral Bay", "St. John", "VI", "00830", "340"),
    # Guam villages
    ("Yigo", "Guam", "GU", "96929", "671"), ("Dededo", "Guam", "GU", "96929", "671"),
    ("Mangilao", "Guam", "GU", "96913", "671"), ("Barrigada", "Guam", "GU", "96913", "671"),
    ("Agat", "Guam", "GU", "96915", "671"), ("Santa Rita", "Guam", "GU", "96915", "671"),
    ("Inarajan", "Guam", "GU", "96917", "671"), ("Talofofo", "Guam", "GU", "96915", "671"),
    ("Yona", "Guam", "GU", "96915", "671"), ("Umatac", "Guam", "GU", "96915", "671"),
    ("Merizo", "Guam", "GU", "96916", "671"), ("Sinajana", "Guam", "GU", "96910", "671"),
    ("Piti", "Guam", "GU", "96915", "671"), ("Mongmong", "Guam", "GU", "96910", "671"),
    ("Chalan Pago", "Guam", "GU", "96910", "671"), ("Asan", "Guam", "GU", "96910", "671"),
]

STATE_NAMES = {"NY": "New York", "KY": "Kentucky", "VA": "Virginia", "FL": "Florida",
               "WI": "Wisconsin", "VI": "U.S. Virgin Islands", "GU": "Guam"}

# towns abroad where relatives live (LOCATION), with their country code and a phone shape
ABROAD = [
    ("Mandeville", "Jamaica", "+1 876"), ("Black River", "Jamaica", "+1 876"),
    ("Santa Cruz", "Jamaica", "+1 876"), ("Morant Bay", "Jamaica", "+1 876"),
    ("Tuzla", "Bosnia", "+387 61"), ("Bihać", "Bosnia", "+387 62"), ("Zvornik", "Bosnia", "+387 65"),
    ("Shkodër", "Albania", "+355 69"), ("Malësi e Madhe", "Albania", "+355 68"),
    ("Changle", "China", "+86 138"), ("Lianjiang", "China", "+86 159"),
    ("Koror", "Palau", "+680 775"), ("Chaguanas", "Trinidad", "+1 868"),
    ("Couva", "Trinidad", "+1 868"), ("Glarus", "Switzerland", "+41 79"),
    ("Redruth", "England", "+44 7700"), ("Rosh Pinna", "Israel", "+972 52"),
]

# US Virgin Islands estates, used inside addresses
VI_ESTATES = ["Mon Bijou", "Whim", "La Grande Princesse", "Castle Coakley", "Diamond",
              "Anna's Retreat", "Tutu", "Bovoni", "Contant", "Lovenlund", "Peter's Rest",
              "Sion Farm", "Concordia", "Williams Delight", "Profit", "La Reine", "Grove Place"]
GUAM_STREETS = ["Chalan Kareta", "Route 1 Marine Corps Dr", "Chalan Palasyo", "Route 4",
                "Chalan Tun Jose Camacho", "Chalan Lujan", "Route 17 Cross Island Rd",
                "Chalan Machaute", "Chalan Langet", "Ypao Rd"]
STREET_WORDS = ["Tobacco Barn", "Stallion Station", "Distillery", "Rickhouse", "Bluegrass",
                "Orchard Ladder", "Bluestone", "Cider Mill", "Kosher Farm", "Bungalow Colony",
                "Reservoir", "Rail Trail", "Cheese Factory", "Coulee", "Ridge Top", "Tobacco Shed",
                "Cranberry", "Citrus Grove", "Cattle Dip", "Sugar Cane", "Sawgrass", "Phosphate",
                "Cabbage Palm", "Peanut Mill", "Brightleaf", "Tobacco Warehouse", "Sharecropper",
                "Dairy Barn", "Smokehouse", "Stone Fence", "Toll Gate", "Horse Farm", "Shaker",
                "Knob", "Creamery", "Hop Yard", "Quarry"]
SUFFIXES = ["Rd", "Road", "Ln", "Lane", "Pike", "Tpke", "Hollow Rd", "Ct", "Cir", "Trl",
            "Way", "Dr", "Ave", "St", "Run", "Hwy", "Ext"]
ROUTES = {
    "NY": ["State Route 17B", "County Route 52", "Route 28", "Route 23A", "Route 209",
           "Old Route 9W", "County Rd 42"],
    "KY": ["KY 1940", "US 68", "Old Frankfort Pike", "US 27", "KY 49", "KY 1195"],
    "VA": ["US Hwy 58", "State Route 49", "Route 360", "Route 47", "Rte 15"],
    "FL": ["SR 70", "US 17 N", "CR 721", "SR 64 E", "US 27 S"],
    "WI": ["County Rd P", "State Hwy 14", "County Hwy Y", "Hwy 56", "County Trunk ZZ"],
}


def street_line(rng: random.Random, place: tuple) -> str:
    town, county, state, z, ac = place
    if state == "VI":
        e = rng.choice(VI_ESTATES)
        return rng.choice([f"Plot {rng.randint(2, 399)} Estate {e}", f"No. {rng.randint(1, 99)} Estate {e}",
                           f"{rng.randint(1, 60)}-{rng.choice('ABCD')} Estate {e}",
                           f"Parcel {rng.randint(1, 40)}{rng.choice('ABC')} Estate {e}"])
    if state == "GU":
        return rng.choice([f"{rng.randint(100, 899)} {rng.choice(GUAM_STREETS)}",
                           f"Lot {rng.randint(1000, 9999)} {rng.choice(GUAM_STREETS)}",
                           f"{rng.randint(10, 299)}{rng.choice('ABC')} {rng.choice(GUAM_STREETS)}"])
    k = rng.random()
    if k < 0.55:
        return f"{rng.randint(12, 9899)} {rng.choice(STREET_WORDS)} {rng.choice(SUFFIXES)}"
    if k < 0.85:
        return f"{rng.randint(100, 14999)} {rng.choice(ROUTES[state])}"
    return rng.choice([f"PO Box {rng.randint(11, 1999)}", f"P.O. Box {rng.randint(11, 899)}",
                       f"Box {rng.randint(11, 399)}, {rng.choice(ROUTES[state])}"])


def unit(rng: random.Random) -> str:
    return rng.choice([f"Apt {rng.randint(1, 40)}{rng.choice('ABC')}", f"Unit {rng.randint(1, 12)}",
                       f"Bungalow {rng.randint(1, 30)}", f"Trlr {rng.randint(1, 60)}",
                       f"Cottage {rng.choice('ABCDEF')}", f"Ste {rng.randint(100, 450)}"])


def zip_value(rng: random.Random, place: tuple, plus4: bool | None = None) -> str:
    z = place[3]
    if plus4 is None:
        plus4 = rng.random() < 0.35
    return f"{z}-{rng.randint(1000, 9899):04d}" if plus4 else z


# --------------------------------------------------------------------------------------------
# Facilities: typed (regional and generic) and composed from the places
FACILITY_TYPED = [
    "Juan F. Luis Hospital", "Schneider Regional Medical Center", "Guam Memorial Hospital",
    "Guam Regional Medical City", "Frederiksted Health Care", "St. Thomas East End Medical Center",
    "Ellenville Regional Hospital", "Catskill Regional Medical Center", "Margaretville Hospital",
    "Columbia Memorial Health", "Sharon Hospital", "Bourbon Community Hospital",
    "Harrison Memorial Hospital", "Spring View Hospital", "Flaget Memorial Hospital",
    "Fort Logan Hospital", "Halifax Regional Hospital", "VCU Health Community Memorial Hospital",
    "Centra Southside Community Hospital", "HCA Florida Highlands Hospital",
    "Florida Hospital Wauchula", "Raulerson Hospital", "Hendry Regional Medical Center",
    "DeSoto Memorial Hospital", "Vernon Memorial Healthcare", "Crossing Rivers Health",
    "Upland Hills Health", "Gundersen Boscobel Area Hospital", "Memorial Hospital of Lafayette County",
    "Reedsburg Area Medical Center", "Ezras Choilim Health Center", "Hudson River HealthCare",
    "Florida Community Health Centers", "Bluegrass Community Health Center",
]
FACILITY_SUFFIX = ["Family Health Center", "Rural Health Clinic", "Family Practice", "Pharmacy",
                   "Drug Store", "Volunteer Ambulance Corps", "Rescue Squad", "Fire & Rescue",
                   "Senior Housing", "Rehabilitation & Nursing", "Home Care", "Apple Orchards",
                   "Dairy Cooperative", "Tobacco Warehouse", "Citrus Packing House", "Cattle Company",
                   "Elementary School", "Public Library", "Health Department", "Dialysis",
                   "Medical Clinic", "Care Center", "Free Clinic", "Horse Farm", "Bungalow Colony"]


HOSPITALS = FACILITY_TYPED[:30]
KINDS = {
    "hospital": ["Community Hospital", "Memorial Hospital", "Regional Medical Center", "General Hospital"],
    "pharmacy": ["Pharmacy", "Drug Store", "Apothecary", "Family Pharmacy"],
    "farm": ["Apple Orchards", "Citrus Packing House", "Cattle Company", "Horse Farm", "Tobacco Warehouse",
             "Dairy Cooperative", "Fruit Farm", "Nursery & Sod"],
    "ems": ["Volunteer Ambulance Corps", "Rescue Squad", "Fire & Rescue", "Fire District", "EMS"],
    "shelter": ["Elementary School", "High School", "Public Library", "Community Center", "Senior Center"],
    "health": ["Health Department", "Public Health Services", "Health Unit"],
    "clinic": ["Family Health Center", "Rural Health Clinic", "Family Practice", "Medical Clinic",
               "Free Clinic", "Internal Medicine", "Primary Care"],
}


def facility(rng: random.Random, place: tuple | None = None, kind: str | None = None) -> str:
    if kind is not None:
        if kind == "hospital" and (place is None or rng.random() < 0.6):
            return rng.choice(HOSPITALS)
        town, county = place[0], place[1]
        base = town if place[2] in ("VI", "GU") else rng.choice([town, town, f"{county} County"])
        return f"{base} {rng.choice(KINDS[kind])}"
    if place is None or rng.random() < 0.35:
        return rng.choice(FACILITY_TYPED)
    town, county = place[0], place[1]
    if place[2] in ("VI", "GU"):
        base = town
    else:
        base = rng.choice([town, town, f"{county} County"])
    return f"{base} {rng.choice(FACILITY_SUFFIX)}"


# --------------------------------------------------------------------------------------------
# Numbers. Check digits where they exist: NPI (Luhn with 80840), DEA, VIN (position 9), IMEI.
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


def dea(rng: random.Random, last: str) -> str:
    d = [rng.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    letter = fold(last)[0].upper()
    return rng.choice("ABFGM") + letter + "".join(map(str, d)) + str(check)


VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
WMI = ["1FT", "1GC", "2T3", "3GN", "5TF", "1C6", "JTD", "KNM", "1HG", "4T1", "3N1", "WDD"]
VIN_YEAR = "BCDEFGHJKLMNPRS"


def vin(rng: random.Random) -> str:
    chars = list(rng.choice(WMI) + "".join(rng.choice(VIN_CH) for _ in range(5)) + "0"
                 + rng.choice(VIN_YEAR) + rng.choice(VIN_CH) + "".join(rng.choice("0123456789") for _ in range(6)))
    total = sum(VIN_VAL[c] * w for c, w in zip(chars, VIN_W))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


TAC = ["35391110", "35875611", "35328910", "86720604", "35209900", "35467811", "01326700"]


def imei(rng: random.Random) -> str:
    body = rng.choice(TAC) + "".join(rng.choice("0123456789") for _ in range(6))
    return body + luhn_digit(body)


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def ssn(rng: random.Random, sep: str = "-") -> str:
    area = rng.choice([x for x in range(1, 900) if x != 666])
    return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"


def last4(rng: random.Random) -> str:
    return f"{rng.randint(1, 9999):04d}"


def phone(rng: random.Random, ac: str, fmt: int | None = None) -> str:
    ex = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    if ex[1:] == "11" or ex == "555":
        ex = "7" + ex[1:]
        if ex[1:] == "11":
            ex = ex[0] + "21"
    ln = f"{rng.randint(0, 9999):04d}"
    fmt = rng.randint(0, 7) if fmt is None else fmt
    return [f"({ac}) {ex}-{ln}", f"{ac}-{ex}-{ln}", f"{ac}.{ex}.{ln}", f"+1 {ac} {ex} {ln}",
            f"1-{ac}-{ex}-{ln}", f"{ac} {ex} {ln}", f"+1-{ac}-{ex}-{ln}", f"({ac}){ex}-{ln}"][fmt]


def phone_abroad(rng: random.Random, prefix: str) -> str:
    if prefix.startswith("+1 "):
        return f"{prefix} {rng.randint(300, 999)} {rng.randint(1000, 9999)}"
    return f"{prefix} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def mac(rng: random.Random) -> str:
    b = [rng.randint(0, 255) for _ in range(6)]
    k = rng.randint(0, 3)
    if k == 0:
        return ":".join(f"{x:02x}" for x in b)
    if k == 1:
        return "-".join(f"{x:02X}" for x in b)
    if k == 2:
        h = "".join(f"{x:02x}" for x in b)
        return f"{h[0:4]}.{h[4:8]}.{h[8:12]}"
    return ":".join(f"{x:02X}" for x in b)


def ipv4(rng: random.Random, private: bool | None = None) -> str:
    private = rng.random() < 0.4 if private is None else private
    if private:
        return rng.choice([f"10.{rng.randint(0, 254)}.{rng.randint(0, 254)}.{rng.randint(2, 254)}",
                           f"172.{rng.randint(16, 31)}.{rng.randint(0, 254)}.{rng.randint(2, 254)}",
                           f"192.168.{rng.randint(0, 254)}.{rng.randint(2, 254)}"])
    first = rng.choice([24, 47, 64, 66, 67, 69, 71, 74, 96, 98, 107, 108, 136, 166, 173, 184, 204, 209, 216])
    return f"{first}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    h = lambda: f"{rng.randint(0, 0xffff):x}"  # noqa: E731
    k = rng.randint(0, 2)
    if k == 0:
        return f"2600:{rng.randint(0x1000, 0x1fff):x}:{h()}:{h()}::{h()}"
    if k == 1:
        return f"2001:db8:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}"
    return f"fe80::{h()}:{h()}:{h()}:{h()}"


def serial(rng: random.Random) -> str:
    k = rng.randint(0, 6)
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if k == 0:
        return digits(rng, 10)
    if k == 1:
        return f"{rng.choice(L)}{rng.choice(L)}{digits(rng, 7)}"
    if k == 2:
        return f"{rng.randint(18, 26)}{rng.choice(L)}{digits(rng, 6)}{rng.choice(L)}"
    if k == 3:
        return f"{rng.choice(L)}{digits(rng, 4)}-{digits(rng, 5)}"
    if k == 4:
        return f"{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 3)}"
    if k == 5:
        return f"{rng.choice(L)}{rng.choice(L)}{rng.choice(L)}{digits(rng, 8)}"
    return f"{digits(rng, 2)}{rng.choice(L)}{rng.choice(L)}{digits(rng, 5)}"


def mrn(rng: random.Random) -> str:
    k = rng.randint(0, 6)
    if k == 0:
        return digits(rng, 8)
    if k == 1:
        return f"E{digits(rng, 7)}"
    if k == 2:
        return f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}-{rng.randint(0, 9)}"
    if k == 3:
        return f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"
    if k == 4:
        return f"000{digits(rng, 6)}"
    if k == 5:
        return f"M{digits(rng, 6)}"
    return f"{digits(rng, 4)}-{digits(rng, 4)}"


def account(rng: random.Random) -> str:
    k = rng.randint(0, 5)
    if k == 0:
        return digits(rng, 9)
    if k == 1:
        return f"{rng.choice('ABCDHKMW')}{digits(rng, 8)}"
    if k == 2:
        return f"{digits(rng, 4)}-{digits(rng, 6)}"
    if k == 3:
        return f"{digits(rng, 3)}{rng.choice('ABCDEFG')}{digits(rng, 5)}"
    if k == 4:
        return f"{digits(rng, 2)}-{digits(rng, 7)}"
    return digits(rng, 11)


def state_license(rng: random.Random, state: str) -> str:
    if state == "NY":
        return f"{rng.randint(200000, 319999)}"
    if state == "KY":
        return rng.choice([f"{rng.choice('ABC')}{digits(rng, 5)}", f"{digits(rng, 7)}"])
    if state == "VA":
        return f"0101{rng.randint(200000, 299999)}"
    if state == "FL":
        return f"ME{rng.randint(100000, 160000)}"
    if state == "WI":
        return f"{rng.randint(20000, 79999)}-20"
    if state == "VI":
        return f"VI-{rng.randint(1000, 4999)}"
    return f"GU{rng.randint(100, 1999)}"


def drivers_license(rng: random.Random, state: str) -> str:
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if state == "NY":
        return f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if state == "KY":
        return f"{rng.choice(L)}{digits(rng, 2)}-{digits(rng, 3)}-{digits(rng, 3)}"
    if state == "VA":
        return f"{rng.choice(L)}{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 4)}"
    if state == "FL":
        return f"{rng.choice(L)}{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 3)}-{rng.randint(0, 9)}"
    if state == "WI":
        return f"{rng.choice(L)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}"
    return f"{rng.choice(L)}{digits(rng, 6)}"


def plate(rng: random.Random, state: str) -> str:
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    ll = lambda n: "".join(rng.choice(L) for _ in range(n))  # noqa: E731
    if state == "NY":
        return f"{ll(3)}-{digits(rng, 4)}"
    if state == "KY":
        return f"{digits(rng, 3)} {ll(3)}"
    if state == "VA":
        return rng.choice([f"{ll(3)}-{digits(rng, 4)}", f"{ll(3)}{digits(rng, 4)}"])
    if state == "FL":
        return rng.choice([f"{ll(3)} {ll(1)}{digits(rng, 2)}", f"{digits(rng, 2)}{ll(1)} {ll(3)}"])
    if state == "WI":
        return rng.choice([f"{ll(3)}-{digits(rng, 4)}", f"{digits(rng, 3)}-{ll(3)}"])
    if state == "VI":
        return f"{rng.choice('CT')}{ll(2)} {digits(rng, 3)}"
    return f"{ll(2)}{rng.choice(L)} {digits(rng, 3)}"


def n_number(rng: random.Random) -> str:
    return f"N{rng.randint(1, 999)}{rng.choice(['', 'A', 'L', 'AM', 'MT', 'LF'])}"


# --------------------------------------------------------------------------------------------
# Dates: fifteen forms, several of them non-US (day first, dotted, ISO, Roman month, ordinal day)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def date_parts(rng: random.Random, y0: int = 2024, y1: int = 2026) -> tuple[int, int, int]:
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def fmt_date(rng: random.Random, y: int, m: int, d: int, form: int | None = None) -> str:
    mon = MONTHS[m - 1]
    forms = [
        f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y % 100:02d}", f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y}",
        f"{y}-{m:02d}-{d:02d}", f"{d}/{m}/{y}", f"{d}-{ROMAN[m - 1]}-{y}", f"{d} {mon[:3]} {y}",
        f"{d} {mon} {y}", f"{mon} {d}, {y}", f"{mon[:3]}. {d}, {y}", f"{d:02d}{mon[:3].upper()}{y % 100:02d}",
        f"the {ordinal(d)} of {mon}, {y}", f"{mon[:3]} {d} '{y % 100:02d}", f"{y}{m:02d}{d:02d}",
    ]
    if form is None:
        form = rng.randrange(len(forms))
    return forms[form]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def date(rng: random.Random, form: int | None = None, y0: int = 2024, y1: int = 2026) -> str:
    return fmt_date(rng, *date_parts(rng, y0, y1), form)


def dob_for_age(rng: random.Random, age: int, form: int | None = None) -> str:
    return fmt_date(rng, 2026 - age - (1 if rng.random() < 0.5 else 0), rng.randint(1, 12), rng.randint(1, 28), form)


WORD_AGES = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
             94: "ninety-four", 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven",
             98: "ninety-eight", 99: "ninety-nine", 100: "one hundred", 101: "a hundred and one",
             102: "one hundred two", 103: "a hundred and three", 104: "one hundred and four"}


# --------------------------------------------------------------------------------------------
# E-mail domains and link shapes
MAIL_DOMAINS = ["hvc.rr.com", "frontiernet.net", "tds.net", "embarqmail.com", "centurylink.net",
                "bellsouth.net", "att.net", "aol.com", "icloud.com", "outlook.com", "protonmail.com",
                "live.com", "guam.net", "ite.net", "yahoo.com", "gmail.com", "charter.net",
                "mhcable.com", "verizon.net", "comcast.net"]


def email(rng: random.Random, p: dict, domain: str | None = None) -> str:
    f, l = fold(p["first"]).lower().replace(" ", ""), fold(p["last"]).lower().replace(" ", "").replace("-", "")
    local = rng.choice([f"{f}.{l}", f"{f[0]}{l}{rng.randint(1, 99)}", f"{l}{f[0]}", f"{f}{l[:3]}{rng.randint(40, 99)}",
                        f"{f}_{l}", f"{l}.family", f"grandma{l}", f"{f}{rng.randint(1931, 2009)}"])
    return f"{local}@{domain or rng.choice(MAIL_DOMAINS)}"


def slug(s: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in fold(s))
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def facility_domain(name: str) -> str:
    words = [w for w in slug(name).split("-") if w not in ("of", "the", "and")]
    return "".join(w[0] for w in words) + words[-1][:4] + ".org"


def personal_url(rng: random.Random, p: dict) -> str:
    f, l = slug(p["first"]), slug(p["last"])
    h = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(rng.randint(8, 12)))
    return rng.choice([
        f"https://www.facebook.com/groups/{f}{l}prayers",
        f"https://youtube.com/@{f}{l}{rng.randint(1, 99)}",
        f"https://www.instagram.com/{l}.{f}/",
        f"https://www.tiktok.com/@{f}_{l}",
        f"https://venmo.com/u/{f}-{l}-{rng.randint(1, 9)}",
        f"https://www.amazon.com/hz/wishlist/ls/{h.upper()}",
        f"https://www.signupgenius.com/go/{h}-{l}",
        f"https://photos.app.goo.gl/{h}",
        f"https://drive.google.com/file/d/1{h}{h[::-1]}/view",
        f"https://www.dropbox.com/s/{h}/{l}_{f}_records.pdf",
        f"www.{f}{l}.com",
        f"https://{l}{f}.wordpress.com/{rng.randint(2024, 2026)}/{rng.randint(1, 12):02d}/update",
        f"https://www.linkedin.com/in/{f}-{l}-{h[:5]}",
    ])
