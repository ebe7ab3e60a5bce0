#!/usr/bin/env python3
"""Write set U's heldout.jsonl beside this file (standard library only, seed 2026120721).

A passage is a list of text pieces and (value, CATEGORY) pairs; offsets are taken while the text is
joined, so text[start:end] is the planted value by construction. The same bytes come out whatever
PYTHONHASHSEED or working directory: no set or dict order reaches the output unsorted.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

SEED = 2026120721
OUT = Path(__file__).resolve().with_name("heldout.jsonl")

# ---------------------------------------------------------------- places
# (town, county or borough, state, ZIP as remembered, area code)
TOWNS = [
    # Northeast Kingdom of Vermont
    ("Island Pond", "Caledonia", "VT", "05846", "802"),
    ("Canaan", "Caledonia", "VT", "05903", "802"),
    ("Guildhall", "Caledonia", "VT", "05905", "802"),
    ("Lunenburg", "Caledonia", "VT", "05906", "802"),
    ("Concord", "Caledonia", "VT", "05824", "802"),
    ("Granby", "Caledonia", "VT", "05840", "802"),
    ("Irasburg", "Caledonia", "VT", "05845", "802"),
    ("Glover", "Caledonia", "VT", "05839", "802"),
    ("Albany", "Caledonia", "VT", "05820", "802"),
    ("Craftsbury", "Caledonia", "VT", "05826", "802"),
    ("Greensboro", "Caledonia", "VT", "05841", "802"),
    ("Hardwick", "Caledonia", "VT", "05843", "802"),
    ("Lyndonville", "Caledonia", "VT", "05851", "802"),
    ("St. Johnsbury", "Caledonia", "VT", "05819", "802"),
    ("Danville", "Caledonia", "VT", "05828", "802"),
    ("Peacham", "Caledonia", "VT", "05862", "802"),
    ("Barnet", "Caledonia", "VT", "05821", "802"),
    ("Sutton", "Caledonia", "VT", "05867", "802"),
    ("West Burke", "Caledonia", "VT", "05871", "802"),
    ("Westmore", "Caledonia", "VT", "05860", "802"),
    ("Coventry", "Caledonia", "VT", "05825", "802"),
    ("Averill", "Caledonia", "VT", "05901", "802"),
    ("Walden", "Caledonia", "VT", "05873", "802"),
    ("Groton", "Caledonia", "VT", "05046", "802"),
    ("Lowell", "Caledonia", "VT", "05847", "802"),
    ("Westfield", "Caledonia", "VT", "05874", "802"),
    ("East Haven", "Caledonia", "VT", "05837", "802"),
    # Bitterroot Valley, Montana
    ("Darby", "Ravalli", "MT", "59829", "406"),
    ("Corvallis", "Ravalli", "MT", "59828", "406"),
    ("Stevensville", "Ravalli", "MT", "59870", "406"),
    ("Conner", "Ravalli", "MT", "59827", "406"),
    ("Sula", "Ravalli", "MT", "59871", "406"),
    ("Pinesdale", "Ravalli", "MT", "59841", "406"),
    ("Lolo", "Missoula", "MT", "59847", "406"),
    ("Philipsburg", "Granite", "MT", "59858", "406"),
    ("Drummond", "Granite", "MT", "59832", "406"),
    # Olympic Peninsula, Washington
    ("Forks", "Clallam", "WA", "98331", "360"),
    ("Sekiu", "Clallam", "WA", "98381", "360"),
    ("Neah Bay", "Clallam", "WA", "98357", "360"),
    ("Clallam Bay", "Clallam", "WA", "98326", "360"),
    ("Joyce", "Clallam", "WA", "98343", "360"),
    ("Sequim", "Clallam", "WA", "98382", "360"),
    ("Port Angeles", "Clallam", "WA", "98362", "360"),
    ("Port Townsend", "Clallam", "WA", "98368", "360"),
    ("Chimacum", "Clallam", "WA", "98325", "360"),
    ("Quilcene", "Clallam", "WA", "98376", "360"),
    ("Brinnon", "Clallam", "WA", "98320", "360"),
    ("La Push", "Clallam", "WA", "98350", "360"),
    ("Amanda Park", "Grays Harbor", "WA", "98526", "360"),
    ("Quinault", "Grays Harbor", "WA", "98575", "360"),
    ("Port Hadlock", "Clallam", "WA", "98339", "360"),
    ("Nordland", "Clallam", "WA", "98358", "360"),
    # Kenai Peninsula, Alaska
    ("Soldotna", "Kenai Peninsula", "AK", "99669", "907"),
    ("Ninilchik", "Kenai Peninsula", "AK", "99639", "907"),
    ("Anchor Point", "Kenai Peninsula", "AK", "99556", "907"),
    ("Homer", "Kenai Peninsula", "AK", "99603", "907"),
    ("Seldovia", "Kenai Peninsula", "AK", "99663", "907"),
    ("Cooper Landing", "Kenai Peninsula", "AK", "99572", "907"),
    ("Moose Pass", "Kenai Peninsula", "AK", "99631", "907"),
    ("Kasilof", "Kenai Peninsula", "AK", "99610", "907"),
    ("Clam Gulch", "Kenai Peninsula", "AK", "99568", "907"),
    ("Nikiski", "Kenai Peninsula", "AK", "99635", "907"),
    ("Seward", "Kenai Peninsula", "AK", "99664", "907"),
    # Wind River and Big Horn Basin, Wyoming
    ("Lander", "Fremont", "WY", "82520", "307"),
    ("Riverton", "Fremont", "WY", "82501", "307"),
    ("Fort Washakie", "Fremont", "WY", "82514", "307"),
    ("Ethete", "Fremont", "WY", "82520", "307"),
    ("Arapahoe", "Fremont", "WY", "82510", "307"),
    ("Crowheart", "Fremont", "WY", "82512", "307"),
    ("Shoshoni", "Fremont", "WY", "82649", "307"),
    ("Pavillion", "Fremont", "WY", "82523", "307"),
    ("Thermopolis", "Hot Springs", "WY", "82443", "307"),
    ("Kirby", "Hot Springs", "WY", "82430", "307"),
    ("Worland", "Washakie", "WY", "82401", "307"),
    ("Ten Sleep", "Washakie", "WY", "82442", "307"),
    ("Greybull", "Big Horn", "WY", "82426", "307"),
    ("Lovell", "Big Horn", "WY", "82431", "307"),
    ("Cowley", "Big Horn", "WY", "82420", "307"),
    ("Byron", "Big Horn", "WY", "82412", "307"),
    ("Burlington", "Big Horn", "WY", "82411", "307"),
    ("Meeteetse", "Big Horn", "WY", "82433", "307"),
    ("Powell", "Big Horn", "WY", "82435", "307"),
    ("Cody", "Big Horn", "WY", "82414", "307"),
    # Gila country, New Mexico
    ("Silver City", "Catron", "NM", "88061", "575"),
    ("Bayard", "Luna", "NM", "88023", "575"),
    ("Hurley", "Luna", "NM", "88043", "575"),
    ("Santa Clara", "Luna", "NM", "88026", "575"),
    ("Tyrone", "Luna", "NM", "88065", "575"),
    ("Gila", "Catron", "NM", "88038", "575"),
    ("Glenwood", "Catron", "NM", "88039", "575"),
    ("Quemado", "Catron", "NM", "87829", "575"),
    ("Pie Town", "Catron", "NM", "87827", "575"),
    ("Datil", "Catron", "NM", "87821", "575"),
    ("Lordsburg", "Hidalgo", "NM", "88045", "575"),
    ("Animas", "Hidalgo", "NM", "88020", "575"),
    ("Columbus", "Luna", "NM", "88029", "575"),
    ("Deming", "Luna", "NM", "88030", "575"),
    ("Hachita", "Hidalgo", "NM", "88040", "575"),
    ("Mimbres", "Catron", "NM", "88049", "575"),
    ("Buckhorn", "Catron", "NM", "88025", "575"),
    ("Mule Creek", "Catron", "NM", "88051", "575"),
    ("Hanover", "Luna", "NM", "88041", "575"),
    ("Pinos Altos", "Catron", "NM", "88053", "575"),
    ("Faywood", "Luna", "NM", "88034", "575"),
    ("Wheelock", "Caledonia", "VT", "05851", "802"),
    ("Stannard", "Caledonia", "VT", "05842", "802"),
    ("Holland", "Caledonia", "VT", "05830", "802"),
    ("Charleston", "Caledonia", "VT", "05872", "802"),
    ("Brownington", "Caledonia", "VT", "05860", "802"),
    ("Sheffield", "Caledonia", "VT", "05866", "802"),
    ("Waterford", "Caledonia", "VT", "05819", "802"),
    ("Ryegate", "Caledonia", "VT", "05042", "802"),
    ("Burke Hollow", "Caledonia", "VT", "05832", "802"),
    ("Eden", "Caledonia", "VT", "05652", "802"),
    ("Newbury", "Caledonia", "VT", "05051", "802"),
    ("Alberton", "Missoula", "MT", "59820", "406"),
    ("Frenchtown", "Missoula", "MT", "59834", "406"),
    ("Maxville", "Granite", "MT", "59858", "406"),
    ("Port Ludlow", "Clallam", "WA", "98365", "360"),
    ("Gardiner", "Clallam", "WA", "98334", "360"),
    ("Agnew", "Clallam", "WA", "98362", "360"),
    ("Carlsborg", "Clallam", "WA", "98324", "360"),
    ("Ozette", "Clallam", "WA", "98381", "360"),
    ("Queets", "Grays Harbor", "WA", "98331", "360"),
    ("Kalaloch", "Clallam", "WA", "98331", "360"),
    ("Humptulips", "Grays Harbor", "WA", "98552", "360"),
    ("Taholah", "Grays Harbor", "WA", "98587", "360"),
    ("Kenai", "Kenai Peninsula", "AK", "99611", "907"),
    ("Funny River", "Kenai Peninsula", "AK", "99669", "907"),
    ("Ridgeway", "Kenai Peninsula", "AK", "99669", "907"),
    ("Nanwalek", "Kenai Peninsula", "AK", "99603", "907"),
    ("Port Graham", "Kenai Peninsula", "AK", "99603", "907"),
    ("Halibut Cove", "Kenai Peninsula", "AK", "99603", "907"),
    ("Fritz Creek", "Kenai Peninsula", "AK", "99603", "907"),
    ("Diamond Ridge", "Kenai Peninsula", "AK", "99603", "907"),
    ("Lysite", "Fremont", "WY", "82642", "307"),
    ("Jeffrey City", "Fremont", "WY", "82310", "307"),
    ("Atlantic City", "Fremont", "WY", "82520", "307"),
    ("Manderson", "Big Horn", "WY", "82432", "307"),
    ("Hyattville", "Big Horn", "WY", "82428", "307"),
    ("Frannie", "Big Horn", "WY", "82423", "307"),
    ("Deaver", "Big Horn", "WY", "82421", "307"),
    ("Emblem", "Big Horn", "WY", "82422", "307"),
    ("Otto", "Big Horn", "WY", "82434", "307"),
    ("Ralston", "Big Horn", "WY", "82440", "307"),
    ("Wapiti", "Big Horn", "WY", "82450", "307"),
    ("Arenas Valley", "Luna", "NM", "88022", "575"),
    ("Aragon", "Catron", "NM", "87820", "575"),
    ("Apache Creek", "Catron", "NM", "87830", "575"),
    ("Horse Springs", "Catron", "NM", "87821", "575"),
    ("Cotton City", "Hidalgo", "NM", "88020", "575"),
    ("Virden", "Hidalgo", "NM", "88045", "575"),
    ("Playas", "Hidalgo", "NM", "88009", "575"),
]
# towns kept out of the generated passages: the one-offs use them beside the word's other sense
ONEOFF_TOWNS = {
    "Victory",
    "Reserve",
    "Pie Town",
    "Forks",
    "Ten Sleep",
    "Joyce",
    "Homer",
    "Cody",
    "Victor",
    "Moose Pass",
    "Anchor Point",
    "Gila",
}
COUNTIES = sorted({t[1] for t in TOWNS})

# ---------------------------------------------------------------- names
# (given names, surnames) by community; no real person is intended
COMMUNITIES = {
    "wolof": (
        [
            "Aminata",
            "Moustapha",
            "Ndeye",
            "Cheikh",
            "Khadim",
            "Astou",
            "Ousmane",
            "Babacar",
            "Seynabou",
            "Coumba",
            "Serigne",
            "Rokhaya",
            "Dieynaba",
            "Abdoulaye",
            "Mame Diarra",
            "Mbene",
        ],
        [
            "Ndiaye",
            "Diop",
            "Sow",
            "Gueye",
            "Mbaye",
            "Seck",
            "Faye",
            "Thiam",
            "Sarr",
            "Diouf",
            "Cisse",
            "Ndoye",
            "Mboup",
            "Sene",
            "Diagne",
            "Ndour",
        ],
    ),
    "mongol": (
        [
            "Oyunchimeg",
            "Batbayar",
            "Enkhjargal",
            "Ganbold",
            "Bolormaa",
            "Tsetsegmaa",
            "Munkhbat",
            "Altangerel",
            "Sarangerel",
            "Temuulen",
            "Khulan",
            "Nomin",
            "Erdenebat",
            "Bayarmaa",
        ],
        [
            "Dorj",
            "Batsaikhan",
            "Gantulga",
            "Purevdorj",
            "Erdenebileg",
            "Tserendorj",
            "Naranbaatar",
            "Lkhagva",
            "Ochirbat",
            "Davaasuren",
            "Tumurbaatar",
        ],
    ),
    "kurd": (
        [
            "Rezan",
            "Berivan",
            "Dilshad",
            "Hêja",
            "Dilan",
            "Shilan",
            "Kawa",
            "Zanyar",
            "Azad",
            "Rebwar",
            "Hozan",
            "Nishtiman",
            "Sherzad",
            "Avin",
        ],
        [
            "Hawrami",
            "Qadir",
            "Sindi",
            "Mizuri",
            "Zebari",
            "Doski",
            "Berwari",
            "Amedi",
            "Rekani",
            "Goran",
            "Sorani",
            "Hamakarim",
        ],
    ),
    "telugu": (
        [
            "Srinivas",
            "Venkata Ramana",
            "Sai Kiran",
            "Pavani",
            "Haritha",
            "Sravani",
            "Naga Lakshmi",
            "Chaitanya",
            "Raghavendra",
            "Tejaswi",
            "Bhargavi",
            "Mounika",
            "Sudheer",
            "Lokesh",
        ],
        [
            "Nallamothu",
            "Yarlagadda",
            "Bhimavarapu",
            "Kolluru",
            "Chennupati",
            "Gorantla",
            "Vemulapalli",
            "Tummala",
            "Pasupuleti",
            "Kancherla",
            "Maddineni",
            "Bollineni",
        ],
    ),
    "malayali": (
        [
            "Jincy",
            "Bincy",
            "Tintu",
            "Lijo",
            "Shibu",
            "Anish",
            "Reshmi",
            "Jomon",
            "Binoy",
            "Soumya",
            "Smitha",
            "Manju",
            "Sheeba",
            "Jaimon",
            "Lissy",
        ],
        [
            "Puthenpurackal",
            "Kizhakkedathu",
            "Valiyaveettil",
            "Kuriakose",
            "Vattakunnel",
            "Mundackal",
            "Chacko",
            "Eapen",
            "Thekkekara",
            "Madathil",
            "Plathottam",
            "Kallarackal",
        ],
    ),
    "uyghur": (
        ["Mihray", "Gulnisa", "Abdurehim", "Nurmemet", "Dilnur", "Ablikim", "Rahile", "Memetjan", "Zulpiye", "Adiljan"],
        ["Tursun", "Niyaz", "Abdukerim", "Mamut", "Eziz", "Obul", "Kurban", "Hoshur"],
    ),
    "plains": (
        [
            "Arletta",
            "Delphine",
            "Everett",
            "Gilford",
            "Harlan",
            "Lavonne",
            "Merle",
            "Orville",
            "Rosalind",
            "Wendell",
            "Clifton",
            "Verdell",
            "Lorene",
            "Ardith",
            "Darrell",
            "Lonnie",
            "Marvella",
            "Ezra",
            "Lyman",
            "Elwin",
            "Lorna",
            "Thelma",
            "Carroll",
            "Avis",
            "Lucinda",
            "Alden",
            "Prudence",
            "Roswell",
            "Hiram",
            "Zina",
        ],
        [
            "Real Bird",
            "Bull Tail",
            "Not Afraid",
            "Pretty Weasel",
            "Takes Enemy",
            "Old Elk",
            "Plenty Hoops",
            "Spoonhunter",
            "C'Hair",
            "Oldman",
            "Brown Wolf",
            "Goggles",
            "Shakespeare",
            "Wadda",
            "Skalsky",
            "Bollinger",
            "Quarles",
            "Hedin",
            "Rennaker",
            "Brekke",
            "Tonn",
            "Vogl",
            "Wiedeman",
            "Ostlund",
            "Fadden",
            "Lathrop",
            "Coburn",
            "Hazen",
            "Kittredge",
            "Aldrich",
            "Ainsworth",
            "Colby",
            "Sanborn",
            "Putney",
            "Whitcomb",
            "Stearns",
            "Gilman",
            "Cheever",
            "Tenney",
        ],
    ),
    "words": (
        [
            "Cricket",
            "Birch",
            "Cedar",
            "Forrest",
            "Ocean",
            "Princess",
            "Treasure",
            "Lucky",
            "Happy",
            "Shiny",
            "Innocent",
        ],
        [
            "Dance",
            "Spinks",
            "Bridges",
            "Mercer",
            "Quill",
            "Ladle",
            "Stinchfield",
            "Carnett",
            "Pemberton",
            "Uhthoff",
            "Adie",
            "Todd",
            "Korsakoff",
            "Gerstmann",
            "Capgras",
            "Cotard",
            "Sheehan",
            "Bartter",
            "Gitelman",
            "Liddle",
            "Goodpasture",
            "Berger",
            "Hoffa",
            "Freiberg",
            "Scheuermann",
            "Madelung",
            "Rolando",
            "Tillaux",
            "Chopart",
            "Kallmann",
            "Tourette",
            "Fothergill",
            "Gowers",
            "Heerfordt",
            "Lofgren",
            "Mikulicz",
            "Ely",
        ],
    ),
}
COMMUNITY_KEYS = sorted(COMMUNITIES)
# women's given names, for the roles that need one (a birthing client)
FEMALE = {
    "Aminata",
    "Ndeye",
    "Astou",
    "Seynabou",
    "Coumba",
    "Rokhaya",
    "Dieynaba",
    "Mame Diarra",
    "Mbene",
    "Oyunchimeg",
    "Enkhjargal",
    "Bolormaa",
    "Tsetsegmaa",
    "Sarangerel",
    "Khulan",
    "Nomin",
    "Bayarmaa",
    "Berivan",
    "Dilan",
    "Shilan",
    "Nishtiman",
    "Avin",
    "Hêja",
    "Pavani",
    "Haritha",
    "Sravani",
    "Naga Lakshmi",
    "Tejaswi",
    "Bhargavi",
    "Mounika",
    "Jincy",
    "Bincy",
    "Tintu",
    "Reshmi",
    "Soumya",
    "Smitha",
    "Manju",
    "Sheeba",
    "Lissy",
    "Mihray",
    "Gulnisa",
    "Dilnur",
    "Rahile",
    "Zulpiye",
    "Arletta",
    "Delphine",
    "Lavonne",
    "Rosalind",
    "Lorene",
    "Ardith",
    "Marvella",
    "Lorna",
    "Thelma",
    "Avis",
    "Lucinda",
    "Prudence",
    "Zina",
    "Cricket",
    "Ocean",
    "Princess",
    "Treasure",
    "Shiny",
}
# names the one-offs use; kept out of the generated passages
ONEOFF_NAMES = {
    "Cotard",
    "Adie",
    "Todd",
    "Innocent",
    "Shiny",
    "Not Afraid",
    "Dance",
    "Sow",
    "Lucky",
    "Happy",
    "Ocean",
    "Birch",
    "Gowers",
    "Tourette",
}

STREET_WORDS = [
    "Cedar Shake",
    "Cannery",
    "Halibut",
    "Bentonite",
    "Sheep Wagon",
    "Sugarhouse",
    "Sap Bucket",
    "Copper Flats",
    "Smelter",
    "Turquoise",
    "Huckleberry",
    "Tamarack",
    "Fireweed",
    "Spruce Bark",
    "Kokanee",
    "Dipnet",
    "Setnet",
    "Maple Sugar",
    "Stone Wall",
    "Muskrat",
    "Moose Meadow",
    "Yucca",
    "Ocotillo",
    "Javelina",
    "Mesquite",
    "Horse Thief",
    "Cutthroat",
    "Steelhead",
    "Rain Forest",
    "Madrona",
    "Elk Camp",
    "Bear Grass",
    "Ore Cart",
    "Headframe",
    "Tailings",
    "Butter Churn",
    "Hay Rake",
    "Sheep Dip",
    "Salmonberry",
    "Driftwood",
    "Sitka",
    "Dory",
    "Gillnet",
    "Wool Pool",
    "Flume",
    "Adobe",
    "Cholla",
    "Rattlesnake",
    "Ptarmigan",
    "Snowmachine",
]
SUFFIXES = [
    "Rd",
    "Road",
    "Ln",
    "Lane",
    "Dr",
    "Hl",
    "Hts",
    "Mnr",
    "Vly",
    "Pass",
    "Path",
    "Trl",
    "Bnd",
    "Crst",
    "Cv",
    "Frk",
    "Gdns",
    "Hbr",
    "Lk",
    "Mtn",
    "Pt",
    "Rdg",
    "Ter",
    "Vw",
    "Way",
    "Spur",
    "Loop",
    "Cir",
]
REGION_ROADS = {
    "VT": ["VT Route 105", "VT Route 114", "US Route 5", "Darling Hill Rd", "Burke Mountain Rd"],
    "MT": ["Eastside Hwy", "US Hwy 93 S", "Old Darby Rd", "Skalkaho Hwy", "Bass Creek Rd"],
    "WA": ["US Hwy 101", "Hoko-Ozette Rd", "Upper Hoh Rd", "Bogachiel Way", "Center Rd"],
    "AK": ["Kalifornsky Beach Rd", "Kenai Spur Hwy", "East End Rd", "Oil Well Rd", "Funny River Rd"],
    "WY": ["Hwy 26", "Hwy 789", "Ethete Rd", "Blue Sky Hwy", "Lane 11"],
    "NM": ["NM 152", "Hwy 180 E", "NM 12", "Little Walnut Rd", "Mimbres Valley Rd"],
}
UNITS = [
    "Apt {n}",
    "Apt {n}B",
    "Unit {L}",
    "Space {n}",
    "Sp {n}",
    "Bldg {n}",
    "Trlr {n}",
    "# {n}",
    "Ste {n}0",
    "Lot {n}",
]

# ---------------------------------------------------------------- formats and generators
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
ORD_WORDS = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
    13: "thirteenth",
    14: "fourteenth",
    15: "fifteenth",
    16: "sixteenth",
    17: "seventeenth",
    18: "eighteenth",
    19: "nineteenth",
    20: "twentieth",
    21: "twenty-first",
    22: "twenty-second",
    23: "twenty-third",
    24: "twenty-fourth",
    25: "twenty-fifth",
    26: "twenty-sixth",
    27: "twenty-seventh",
    28: "twenty-eighth",
}
AGE_WORDS = {
    90: "ninety",
    91: "ninety-one",
    92: "ninety-two",
    93: "ninety-three",
    94: "ninety-four",
    95: "ninety-five",
    96: "ninety-six",
    97: "ninety-seven",
    98: "ninety-eight",
    99: "ninety-nine",
    100: "one hundred",
    101: "one hundred one",
    102: "one hundred two",
    103: "one hundred three",
    104: "one hundred and four",
}


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fmt_date(d: dt.date, style: int) -> str:
    m, mon = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    forms = [
        f"{d.month}/{d.day}/{d.year}",
        f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{d.month}/{d.day}/{d.year % 100:02d}",
        d.isoformat(),
        f"{m} {d.day}, {d.year}",
        f"{mon} {d.day} {d.year}",
        f"{d.day} {mon} {d.year}",
        f"{d.day:02d}{mon.upper()}{d.year}",
        f"{d.year}{d.month:02d}{d.day:02d}",
        f"{d.day:02d}-{mon}-{d.year % 100:02d}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{mon}. {ordinal(d.day)}, {d.year}",
        f"{d.month}-{d.day}-{d.year}",
        f"{d.year}/{d.month:02d}/{d.day:02d}",
        f"{mon.upper()} {d.day:02d} {d.year}",
        f"{d.day} {m} {d.year}",
    ]
    return forms[style % len(forms)]


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {
    **{str(i): i for i in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9))),
    **dict(zip("JKLMN", range(1, 6))),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10))),
}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def digits(self, n: int, first_nonzero: bool = True) -> str:
        s = "".join(self.r.choice("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = self.r.choice("123456789") + s[1:]
        return s

    def letters(self, n: int, pool: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
        return "".join(self.r.choice(pool) for _ in range(n))

    def npi(self) -> str:
        body = self.r.choice("12") + self.digits(8, False)
        return body + luhn_digit("80840" + body)

    def dea(self, surname: str) -> str:
        d = [self.r.randint(0, 9) for _ in range(6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        init = surname[0].upper() if surname[0].isalpha() and surname[0].isascii() else "X"
        return self.r.choice("ABFM") + init + "".join(map(str, d)) + str(check)

    def vin(self) -> str:
        chars = [self.r.choice(VIN_CHARS) for _ in range(17)]
        chars[9] = self.r.choice("LMNPRST")
        total = sum(VIN_VAL[c] * w for c, w in zip(chars, VIN_W))
        chars[8] = "X" if total % 11 == 10 else str(total % 11)
        return "".join(chars)

    def imei(self) -> str:
        body = self.r.choice(["35", "86", "49", "01"]) + self.digits(12, False)
        return body + luhn_digit(body)

    def phone(self, area: str, style: int | None = None) -> str:
        ex, ln = self.digits(3), self.digits(4, False)
        if ex[0] in "01":
            ex = "5" + ex[1:]
        s = self.r.randrange(9) if style is None else style
        return [
            f"({area}) {ex}-{ln}",
            f"{area}-{ex}-{ln}",
            f"{area}.{ex}.{ln}",
            f"{area} {ex} {ln}",
            f"+1 {area} {ex} {ln}",
            f"1-{area}-{ex}-{ln}",
            f"{area}/{ex}-{ln}",
            f"({area}){ex}-{ln}",
            f"{area}{ex}{ln}",
        ][s]

    def ssn(self) -> str:
        a, b, c = self.r.randint(100, 665), self.r.randint(10, 99), self.r.randint(1000, 9999)
        return self.r.choice([f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"])

    def mbi(self) -> str:
        al = "ACDEFGHJKMNPQRTUVWXY"
        s = (
            str(self.r.randint(1, 9))
            + self.r.choice(al)
            + self.r.choice(al + "0123456789")
            + str(self.r.randint(0, 9))
            + self.r.choice(al)
            + self.r.choice(al + "0123456789")
            + str(self.r.randint(0, 9))
            + self.r.choice(al)
            + self.r.choice(al)
            + str(self.r.randint(0, 9))
            + str(self.r.randint(0, 9))
        )
        return s if self.r.random() < 0.6 else f"{s[:4]}-{s[4:7]}-{s[7:]}"

    def ip(self) -> str:
        k = self.r.randrange(5)
        if k == 0:
            return f"10.{self.r.randint(0, 255)}.{self.r.randint(0, 255)}.{self.r.randint(2, 254)}"
        if k == 1:
            return f"192.168.{self.r.randint(0, 255)}.{self.r.randint(2, 254)}"
        if k == 2:
            return (
                "2001:db8:"
                + ":".join(f"{self.r.randint(0, 65535):x}" for _ in range(3))
                + "::"
                + f"{self.r.randint(1, 65535):x}"
            )
        return ".".join(
            str(x)
            for x in (
                self.r.choice([24, 47, 63, 71, 98, 148, 166, 206, 209]),
                self.r.randint(0, 255),
                self.r.randint(0, 255),
                self.r.randint(2, 254),
            )
        )

    def serial(self) -> str:
        k = self.r.randrange(6)
        if k == 0:
            return self.letters(2) + self.digits(7)[:6] + self.letters(1)
        if k == 1:
            return self.digits(8)
        if k == 2:
            return f"{self.letters(3)}-{self.digits(5)}"
        if k == 3:
            return self.letters(1) + self.digits(9)
        if k == 4:
            return f"{self.digits(4)}-{self.digits(4)}-{self.letters(2)}"
        return self.letters(4) + self.digits(6)

    def plate(self, state: str) -> str:
        if state == "VT":
            return f"{self.letters(3)} {self.digits(3)}"
        if state == "MT":
            return f"{self.r.randint(4, 61)}-{self.digits(4)}{self.letters(1)}"
        if state == "WA":
            return f"{self.letters(3)}{self.digits(4)}"
        if state == "AK":
            return f"{self.letters(3)} {self.digits(3)}"
        if state == "WY":
            return f"{self.r.randint(1, 23)}-{self.digits(5)}"
        return f"{self.letters(3)}-{self.digits(3)}"

    def dl(self, state: str) -> str:
        if state == "VT":
            return self.digits(8, False)
        if state == "MT":
            return self.digits(13, False)
        if state == "WA":
            return "WDL" + self.letters(6, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
        if state == "AK":
            return self.digits(7)
        if state == "WY":
            return f"{self.digits(6)}-{self.digits(3)}"
        return self.digits(9, False)


class Person:
    def __init__(self, given: str, surname: str, middle: str) -> None:
        self.given, self.surname, self.middle = given, surname, middle

    def full(self) -> str:
        return f"{self.given} {self.surname}"

    def mid(self) -> str:
        return f"{self.given} {self.middle}. {self.surname}"

    def last_first(self) -> str:
        return f"{self.surname}, {self.given}"

    def caps(self) -> str:
        return f"{self.surname.upper()}, {self.given.upper()} {self.middle}"

    def f_last(self) -> str:
        return f"{self.given[0]}. {self.surname}"

    def initials(self, dots: bool) -> str:
        g, s = self.given[0], self.surname[0]
        return f"{g}.{s}." if dots else f"{g}{s}"


class Passage:
    """Text pieces and (value, CATEGORY) pairs; the spans are recorded as the text is joined."""

    def __init__(self, b: "Builder") -> None:
        self.b = b
        self.parts: list[tuple[str, str | None]] = []
        self.values: set[str] = set()
        self.people: set[str] = set()

    def t(self, s: str) -> "Passage":
        self.parts.append((s, None))
        return self

    def v(self, value: str, cat: str) -> "Passage":
        assert value == value.strip() and value, value
        self.parts.append((value, cat))
        if cat != "AGE":
            self.values.add(value.lower())
        return self

    def render(self, case: str = "") -> tuple[str, list[list]]:
        text, spans = "", []
        for s, cat in self.parts:
            out = s.upper() if case == "upper" else s.lower() if case == "lower" else s
            assert len(out) == len(s)
            if cat is not None:
                spans.append([len(text), len(text) + len(out), cat])
            text += out
        return text, spans

    # ---- drawing that respects the two-passage limit
    def free(self, pool: list[str], exclude: set[str] = frozenset()) -> str:  # type: ignore[assignment]
        ok = [x for x in pool if x not in exclude and (self.b.uses.get(x.lower(), 0) < 2 or x.lower() in self.values)]
        if not ok:
            raise Redraw
        return self.b.r.choice(ok)

    def person(self, community: str | None = None, female: bool = False) -> Person:
        r = self.b.r
        key = community or r.choice(COMMUNITY_KEYS)
        gs, ss = COMMUNITIES[key]
        if key == "words":  # a word given name with a surname of another community, or the reverse
            other = COMMUNITIES[r.choice([k for k in COMMUNITY_KEYS if k != "words"])]
            gs, ss = (gs, other[1]) if r.random() < 0.4 else (other[0], ss)
        if female:
            gs = [x for x in gs if x in FEMALE] or sorted(FEMALE)
        given = self.free(gs, ONEOFF_NAMES | self.people)
        surname = self.free(ss, ONEOFF_NAMES | self.people)
        self.people.update({given, surname})
        return Person(given, surname, r.choice("ABCDEFGHJKLMNPRSTW"))

    def town(self) -> tuple[str, str, str, str, str]:
        names = [t[0] for t in TOWNS if t[0] not in ONEOFF_TOWNS]
        name = self.free(names)
        return next(t for t in TOWNS if t[0] == name)

    def name(self, p: Person, style: int | None = None) -> "Passage":
        s = self.b.r.randrange(6) if style is None else style
        return self.v([p.full(), p.mid(), p.last_first(), p.caps(), p.f_last(), p.full()][s], "NAME")

    def date(self, d: dt.date) -> "Passage":
        return self.v(fmt_date(d, self.b.r.randrange(16)), "DATE")

    def zipc(self, town: tuple[str, str, str, str, str]) -> "Passage":
        z = town[3]
        if self.b.r.random() < 0.3:
            z = z[:3] + self.b.g.digits(2, False)
        if self.b.r.random() < 0.25:
            z += "-" + self.b.g.digits(4, False)
        return self.v(z, "ZIP")

    def street(self, town: tuple[str, str, str, str, str]) -> str:
        r = self.b.r
        k = r.randrange(10)
        if k < 6:
            return f"{r.randint(12, 48999)} {self.free(STREET_WORDS)} {r.choice(SUFFIXES)}"
        if k < 8:
            return f"{r.randint(100, 9999)} {r.choice(REGION_ROADS[town[2]])}"
        if k == 8:
            return f"PO Box {r.randint(11, 2999)}"
        return f"HC {r.randint(60, 89)} Box {r.randint(10, 999)}"

    def address(self, town: tuple[str, str, str, str, str], unit: bool | None = None) -> "Passage":
        line = self.street(town)
        self.v(line, "ADDRESS")
        boxed = line.startswith(("PO Box", "HC "))
        if not boxed and (unit if unit is not None else self.b.r.random() < 0.25):
            for _ in range(50):
                unit = self.b.r.choice(UNITS).format(n=self.b.r.randint(1, 60), L=self.b.r.choice("ABCDEFGH"))
                if self.b.uses.get(unit.lower(), 0) < 2:
                    break
            self.t(", ").v(unit, "ADDRESS")
        return self.t(", ").v(town[0], "LOCATION").t(f", {town[2]} ").zipc(town)


class Redraw(Exception):
    pass


class Builder:
    def __init__(self) -> None:
        self.r = random.Random(SEED)
        self.g = Gen(self.r)
        self.uses: dict[str, int] = {}

    def commit(self, p: Passage) -> bool:
        if any(self.uses.get(v, 0) >= 2 for v in p.values):
            return False
        for v in sorted(p.values):
            self.uses[v] = self.uses.get(v, 0) + 1
        return True

    def day(self, y0: int, y1: int) -> dt.date:
        return dt.date(y0, 1, 1) + dt.timedelta(days=self.r.randrange((dt.date(y1, 12, 31) - dt.date(y0, 1, 1)).days))

    def email(self, p: Person, domain: str | None = None) -> str:
        dom = domain or self.r.choice(
            [
                "gmail.com",
                "yahoo.com",
                "outlook.com",
                "icloud.com",
                "aol.com",
                "hotmail.com",
                "protonmail.com",
                "gci.net",
                "wyoming.com",
                "gilanet.com",
            ]
        )
        g = p.given.split()[0].lower().replace("ê", "e")
        s = p.surname.lower().replace(" ", "").replace("'", "")
        return self.r.choice([f"{g}.{s}", f"{g[0]}{s}", f"{s}{g[0]}{self.r.randint(1, 99)}", f"{g}{s[:3]}"]) + "@" + dom


def slug(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


# ---------------------------------------------------------------- facilities
HOSPITALS = [
    "Northeastern Vermont Regional Hospital",
    "Bitterroot Health Daly Hospital",
    "Forks Community Hospital",
    "Olympic Medical Center",
    "Central Peninsula Hospital",
    "South Peninsula Hospital",
    "Providence Seward Medical Center",
    "Hot Springs Health",
    "Washakie Medical Center",
    "North Big Horn Hospital",
    "Powell Valley Healthcare",
    "Cody Regional Health",
    "Gila Regional Medical Center",
    "Mimbres Memorial Hospital",
    "Hidalgo Medical Services",
    "Granite County Medical Center",
    "Lander Regional Hospital",
]
EMPLOYER_KINDS = [
    "Shake Mill",
    "Seafoods",
    "Bentonite Co.",
    "Copper Mine Services",
    "Granite Works",
    "Sugar Beet Plant",
    "Sawmill",
    "Fish Processors",
    "Gravel & Ready-Mix",
    "Feed & Grain",
    "Cold Storage",
    "Log Yard",
    "Smelter Works",
    "Machine & Weld",
    "Cannery",
]
CLINIC_KINDS = [
    "Family Medicine",
    "Community Clinic",
    "Health Center",
    "Occupational Health",
    "Medical Clinic",
    "Primary Care",
    "Hearing & Balance",
    "Rural Health Clinic",
]


def facility(p: Passage, kinds: list[str]) -> str:
    return p.free([f"{t[0]} {k}" for t in TOWNS if t[0] not in ONEOFF_TOWNS for k in kinds])


def hospital(p: Passage) -> str:
    if p.b.r.random() < 0.5:
        return p.free(HOSPITALS)
    return facility(p, ["Medical Center", "Memorial Hospital", "Community Hospital", "Critical Access Hospital"])


# ---------------------------------------------------------------- identifier shapes
def s_hearing(p: Passage, b: Builder) -> str:
    """Occupational hearing conservation: annual audiogram and standard threshold shift notice."""
    g, r = b.g, b.r
    emp, tech, aud, sup = p.person(), p.person(), p.person(), p.person()
    town = p.town()
    plant = facility(p, EMPLOYER_KINDS)
    p.t("HEARING CONSERVATION PROGRAM -- ANNUAL AUDIOGRAM\nEmployee: ").name(emp, 3).t("   Emp #: ")
    p.v(g.digits(6), "ACCOUNT").t("\nDOB: ").date(b.day(1958, 2002)).t("   Dept: saw line / green chain\n")
    p.t("Employer: ").v(plant, "FACILITY").t(" (").v(town[0], "LOCATION").t(f", {town[2]})\n")
    test = b.day(2025, 2026)
    p.t("Test date: ").date(test).t("   Baseline: ").date(b.day(2012, 2022)).t("\n")
    p.t("Audiometer: Benson AD-226, s/n ").v(g.serial(), "DEVICE").t(", last cal. ").date(b.day(2024, 2025)).t("\n")
    p.t("Tested by: ").name(tech, 4).t(", CAOHC cert # ").v(f"{g.letters(1)}{g.digits(5)}", "LICENSE")
    p.t(
        f"\nThresholds (dB HL) R 2k/3k/4k {r.choice([10, 15, 20])}/{r.choice([25, 30, 35])}/{r.choice([40, 45, 55])}, "
        f"L {r.choice([15, 20, 25])}/{r.choice([30, 35, 40])}/{r.choice([45, 50, 60])}; 14 h quiet period confirmed.\n"
    )
    if r.random() < 0.6:
        p.t("STS present left ear. Retest within 30 days. Reviewed by ").name(aud, 0)
        p.t(", Au.D., MT lic. ").v(f"AUD-{g.digits(4)}", "LICENSE").t(".\n")
    else:
        p.t("No STS. Reviewed by ").name(aud, 0).t(", Au.D., lic. ").v(f"AUD-{g.digits(4)}", "LICENSE").t(".\n")
    p.t("Notice to supervisor ").v(sup.full(), "NAME").t(" by e-mail ").v(b.email(sup), "EMAIL")
    p.t(" and phone ").v(g.phone(town[4]), "PHONE").t(". ").v(emp.given, "NAME")
    p.t(" was refit with foam plugs, NRR 32.")
    return "upper" if r.random() < 0.15 else ""


def s_fittest(p: Passage, b: Builder) -> str:
    """Respirator medical clearance and quantitative fit test record."""
    g, r = b.g, b.r
    emp, plhcp, tester = p.person(), p.person(), p.person()
    town = p.town()
    clinic = facility(p, ["Occupational Health", "Medical Clinic", "Family Medicine"])
    employer = facility(p, EMPLOYER_KINDS)
    p.t("RESPIRATOR MEDICAL EVALUATION / FIT TEST RECORD\n")
    p.t("Name: ").name(emp, r.choice([2, 3])).t(" | SSN (last 4): ").v(g.digits(4, False), "SSN")
    p.t(" | DOB: ").date(b.day(1960, 2004)).t("\nEmployer: ").v(employer, "FACILITY")
    p.t(" | Job: confined space entry / ladle relining\nClinic: ").v(clinic, "FACILITY").t(", ")
    p.v(town[0], "LOCATION").t("\nQuestionnaire reviewed ").date(b.day(2025, 2026)).t(" by ").name(plhcp, 0)
    p.t(", PA-C, NPI ").v(g.npi(), "LICENSE").t(".\nCleared: Class I, no limitations. Spirometry FEV1 94% pred.\n")
    p.t("Fit test: PortaCount 8048 s/n ").v(g.serial(), "DEVICE").t(", tester ").name(tester, 4)
    p.t(
        f". Mask: {r.choice(['3M 6502QL half-face', 'Moldex 7002 half-face', 'Honeywell North 7700'])}, size "
        f"{r.choice('SML')}. Overall fit factor {r.randint(180, 4800):,} (pass).\n"
    )
    p.t("Results to HR ").v(b.email(emp, slug(employer)[:12] + ".com"), "EMAIL").t(", fax ")
    p.v(g.phone(town[4]), "FAX").t(". Uploaded from ").v(g.ip(), "IP").t(".")
    return ""


def s_afterdeath(p: Passage, b: Builder) -> str:
    """Hospice after-death visit: pronouncement, notifications, equipment and drug disposal."""
    g, r = b.g, b.r
    pt, rn, dtr, md, wit = p.person(), p.person(), p.person(), p.person(), p.person()
    dtr.surname = pt.surname if r.random() < 0.5 else dtr.surname
    town = p.town()
    age = r.randint(90, 104)
    death = b.day(2025, 2026)
    home = facility(p, ["Funeral Home", "Mortuary", "Funeral Chapel"])
    p.t("Hospice RN death visit\nPatient: ").name(pt, 2).t("  MR# ").v(f"{g.digits(2)}-{g.digits(5)}", "MRN")
    p.t("  Age ").v(str(age), "AGE").t("\nHome: ").address(town).t("\n")
    p.t(f"Called at 0312 by {r.choice(['family', 'caregiver', 'next of kin'])} ").v(dtr.given, "NAME").t(" (").v(
        g.phone(town[4]), "PHONE"
    )
    p.t(f"). Arrived 04{r.randint(10, 55)}. No respirations, no apical pulse x 1 min, pupils fixed. Time of death ")
    p.t("0350 per family, pronounced 0411 on ").date(death).t(" by ").name(rn, 0).t(", RN.\n")
    p.t("Expected death; ").v(pt.surname, "NAME").t(" was a ").v(AGE_WORDS.get(age, str(age)), "AGE")
    p.t(f"-year-old with end-stage {r.choice(['CHF', 'COPD', 'dementia', 'renal failure'])}. Attending ").name(md, 4).t(
        " (NPI "
    ).v(g.npi(), "LICENSE")
    p.t(") notified 0425; will sign certificate.\n")
    p.t("Funeral home: ").v(home, "FACILITY").t(", ").v(g.phone(town[4]), "PHONE").t(", removal 0530.\n")
    p.t("Comfort kit wasted with ").name(wit, 0).t(" witnessing: morphine 20 mg/mL 12 mL, lorazepam 0.5 mg x 9.\n")
    p.t("CADD pump s/n ").v(g.serial(), "DEVICE").t(" and concentrator picked up by DME.")
    return "lower" if r.random() < 0.2 else ""


def s_plasma(p: Passage, b: Builder) -> str:
    """Plasma center donor check-in and screening."""
    g, r = b.g, b.r
    d, phleb = p.person(), p.person()
    town = p.town()
    center = facility(p, ["Plasma Center", "Donor Center", "Plasma Services"])
    p.v(center, "FACILITY").t(" -- DONOR VISIT\n")
    p.t("Donor ID ").v(f"{g.letters(2)}{g.digits(8)}", "ACCOUNT").t("   Donor: ").name(d, r.choice([2, 3]))
    p.t("\nPhoto ID: ").t(f"{town[2]} DL ").v(g.dl(town[2]), "LICENSE").t(", exp. ").date(b.day(2027, 2031))
    p.t("\nProof of address: ").address(town).t("\nSSN last four on file: ").v(g.digits(4, False), "SSN")
    p.t("\nMobile: ").v(g.phone(town[4]), "PHONE").t("   App login from ").v(g.ip(), "IP").t("\n")
    p.t(
        f"Screening: wt {r.randint(112, 260)} lb, Hct {r.randint(38, 49)}%, total protein {r.randint(60, 84) / 10} g/dL, "
        f"BP {r.randint(104, 148)}/{r.randint(60, 92)}, pulse {r.randint(56, 96)}. Accepted, nomogram "
        f"{r.choice([690, 825, 880])} mL.\n"
    )
    p.t("Phlebotomist ").v(phleb.initials(r.random() < 0.5), "NAME").t(". Next eligible ")
    p.date(b.day(2026, 2026)).t(". Payment card ending ").v(g.digits(4, False), "ACCOUNT").t(".")
    return "lower" if r.random() < 0.2 else ""


def s_cruise(p: Passage, b: Builder) -> str:
    """Cruise ship medical center record and disembarkation to a port hospital."""
    g, r = b.g, b.r
    pax, doc, ec = p.person(), p.person(), p.person()
    town = p.town()
    p.t("MEDICAL CENTRE -- GUEST ENCOUNTER\nGuest: ").name(pax, 3).t("  Booking ").v(
        f"{g.letters(1)}{g.digits(6)}", "ACCOUNT"
    )
    p.t("  Deck 9 cabin 9214\nDOB: ")
    if r.random() < 0.55:
        age = r.randint(90, 101)
        p.date(b.day(2025 - age, 2025 - age)).t("  Age: ").v(str(age), "AGE")
    else:
        p.date(b.day(1940, 1975))
    p.t("\nHome: ").address(town).t("\nEmergency contact: ").name(ec, 0).t(", ").v(g.phone(town[4]), "PHONE")
    p.t("\nSeen ").date(b.day(2025, 2026)).t(" 2210 ship time for syncope at the buffet; glucose 88, ECG AF 110.\n")
    p.t("Ship's physician ").name(doc, 4).t(", MB BS, reg. ").v(f"{g.digits(7)}", "LICENSE")
    try:
        port = p.free(["Ketchikan", "Juneau", "Skagway", "Haines", "Wrangell", "Petersburg", "Valdez", "Whittier"])
        p.t(". Disembarked at ").v(port, "LOCATION").t(" to ")
    except Redraw:
        p.t(". Disembarked at the next port to ")
    p.v(hospital(p), "FACILITY").t(".\nTravel insurer claim ")
    p.v(f"TI-{g.digits(8)}", "ACCOUNT").t("; guest e-mail ").v(b.email(pax), "EMAIL").t("; claim portal ")
    p.v(f"https://claims.seabrook-assist.com/c/{g.letters(6).lower()}{g.digits(3)}", "URL").t(".")
    return "upper" if r.random() < 0.3 else ""


def s_medif(p: Passage, b: Builder) -> str:
    """Airline medical information form (MEDIF) for a passenger on oxygen."""
    g, r = b.g, b.r
    pax, doc, esc = p.person(), p.person(), p.person()
    town = p.town()
    clinic = facility(p, CLINIC_KINDS)
    p.t("MEDIF PART 2 -- TO BE COMPLETED BY ATTENDING PHYSICIAN\n")
    p.t("MEDA01 Passenger: ").v(f"{pax.surname.upper()}/{pax.given.upper()}", "NAME")
    p.t("  PNR ").v(g.letters(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"), "ACCOUNT").t(
        "\nMEDA02 Flights AS 2157 / AS 64 on "
    )
    p.date(b.day(2025, 2026)).t("\nMEDA03 Attending physician: ").name(doc, 0).t(", ").v(clinic, "FACILITY")
    p.t("\n        lic. ").v(f"{town[2]}-{g.digits(5)}", "LICENSE").t("  tel ").v(g.phone(town[4]), "PHONE")
    p.t("  fax ").v(g.phone(town[4]), "FAX").t("\nMEDA04 Diagnosis: COPD GOLD 3, SpO2 89% RA; age ")
    p.v(str(r.randint(90, 99)) if r.random() < 0.65 else AGE_WORDS[r.randint(90, 99)], "AGE")
    p.t("\nMEDA07 Own POC: Inogen One G5 s/n ").v(g.serial(), "DEVICE").t(", setting 2, batteries for 150% of flight\n")
    p.t("MEDA09 Escort: ").name(esc, 0).t(", ").v(b.email(esc), "EMAIL").t("\nMEDA13 Wheelchair WCHC.")
    return ""


def s_factor(p: Passage, b: Builder) -> str:
    """Hemophilia treatment center factor infusion log and specialty pharmacy shipment."""
    g, r = b.g, b.r
    pt, mom, rn = p.person(), p.person(), p.person()
    mom.surname = pt.surname
    town = p.town()
    htc = facility(p, ["Hemophilia Treatment Center", "Bleeding Disorders Clinic"])
    pharm = facility(p, ["Specialty Pharmacy", "Infusion Pharmacy"])
    p.t("HTC home infusion log review\nPt: ").name(pt, 1).t("   MRN ").v(g.digits(8), "MRN").t("   DOB ")
    p.date(b.day(2008, 2020)).t("\nHTC: ").v(htc, "FACILITY").t("   RN ").name(rn, 4).t("\n")
    p.t("Rx# ").v(f"{g.digits(7)}-{g.digits(2)}", "ACCOUNT").t(" from ").v(pharm, "FACILITY")
    p.t(": factor VIII 2000 IU vials, lot unlabelled, 40 IU/kg three times weekly; inhibitor 0.0 BU.\n")
    p.t("Bleeds: R knee ").date(b.day(2025, 2026)).t(", L elbow ").date(b.day(2025, 2026)).t(" (basketball).\n")
    p.t("Parent ").v(mom.given, "NAME").t(" logs doses in the app; last login ").v(g.ip(), "IP")
    if r.random() < 0.5:
        p.t("; cellular hub IMEI ").v(g.imei(), "DEVICE")
    p.t(". Shipment tracking ").v(f"1Z{g.letters(3)}{g.digits(11)}", "ACCOUNT").t(" to ").address(town).t(".\n")
    p.t("Portal: ").v(f"https://mybleedlog.org/u/{slug(pt.given)[:5]}{g.digits(4)}", "URL")
    p.t("  Callback ").v(g.phone(town[4]), "PHONE").t(".")
    return ""


def s_pap(p: Passage, b: Builder) -> str:
    """Manufacturer patient assistance program application."""
    g, r = b.g, b.r
    pt, doc = p.person(), p.person()
    town = p.town()
    clinic = facility(p, CLINIC_KINDS)
    p.t("PATIENT ASSISTANCE PROGRAM ENROLLMENT -- Section A (Patient)\n")
    age = r.randint(90, 98) if r.random() < 0.35 else 0
    p.t("Name ").name(pt, r.choice([0, 1, 2])).t("   DOB ")
    p.date(b.day(2025 - age, 2025 - age) if age else b.day(1935, 1990)).t("   SSN ")
    p.v(g.ssn(), "SSN").t("\nAddress ").address(town).t("\nPhone ").v(g.phone(town[4]), "PHONE")
    p.t("   E-mail ").v(b.email(pt), "EMAIL").t("\nMedicare MBI ").v(g.mbi(), "ACCOUNT")
    if age:
        p.t("   Age ").v(str(age), "AGE")
    p.t(
        f"\nHousehold {r.randint(1, 5)}, annual income ${r.randint(9, 48)},{r.randint(100, 999)} "
        f"({r.randint(90, 390)}% FPL); Part D coverage gap reached.\n"
    )
    p.t("Section B (Prescriber) ").name(doc, 0).t(", MD   NPI ").v(g.npi(), "LICENSE").t("   DEA ")
    p.v(g.dea(doc.surname), "LICENSE").t("\n").v(clinic, "FACILITY").t("   Fax ").v(g.phone(town[4]), "FAX")
    rx = r.choice(
        ["apixaban 5 mg BID", "tiotropium 2.5 mcg inhaler", "empagliflozin 10 mg daily", "adalimumab 40 mg q2wk"]
    )
    p.t(f"\nRx: {rx} x 90 days, 3 refills.\nReturn to program fax ").v(g.phone("888"), "FAX")
    p.t(" or upload at ").v(f"https://pap-portal.org/upload/{g.digits(6)}", "URL").t(" (submitted from ")
    p.v(g.ip(), "IP").t(").")
    return ""


def s_subro(p: Passage, b: Builder) -> str:
    """Health plan accident (subrogation) questionnaire."""
    g, r = b.g, b.r
    mem, other, atty = p.person(), p.person(), p.person()
    town, t2 = p.town(), p.town()
    p.t("Accident Questionnaire -- please return within 30 days\n")
    p.t("Member: ").name(mem, r.choice([0, 2])).t("  Member ID: ").v(f"{g.letters(3)}{g.digits(9)}", "ACCOUNT")
    p.t("\nPlan claim(s): ").v(g.digits(11), "ACCOUNT").t("\nDate of accident: ").date(b.day(2025, 2026))
    p.t("\nWhere: ").v(f"{r.choice(REGION_ROADS[t2[2]])} at mile {r.randint(2, 90)}", "ADDRESS").t(" near ")
    p.v(t2[0], "LOCATION").t("\nYour vehicle: ").t(f"{town[2]} plate ").v(g.plate(town[2]), "VEHICLE")
    p.t(", VIN ").v(g.vin(), "VEHICLE").t("\nOther driver: ").name(other, 0).t(", plate ")
    p.v(g.plate(t2[2]), "VEHICLE").t(f" ({t2[2]})")
    if r.random() < 0.6:
        p.t(", VIN ").v(g.vin(), "VEHICLE")
    p.t("\nAuto insurer claim # ").v(f"{g.digits(2)}-{g.letters(2)}-{g.digits(6)}", "ACCOUNT")
    p.t("\nAttorney: ").name(atty, 0).t(", ").v(
        f"{atty.surname} & {r.choice(['Hale', 'Voss', 'Pruitt', 'Lund'])} Law Office", "FACILITY"
    )
    p.t("\n  tel ").v(g.phone(town[4]), "PHONE").t("  fax ").v(g.phone(town[4]), "FAX").t("  ")
    p.v(b.email(atty, "lawmail.net"), "EMAIL").t("\nUpload: ").v(
        f"https://recovery.plan-hub.com/q/{g.digits(7)}", "URL"
    )
    return "lower" if r.random() < 0.15 else ""


def s_radioiodine(p: Passage, b: Builder) -> str:
    """I-131 therapy release record and radiation travel card."""
    g, r = b.g, b.r
    pt, au, rso, hh = p.person(), p.person(), p.person(), p.person()
    town = p.town()
    hosp = hospital(p)
    p.t("Nuclear Medicine -- I-131 Outpatient Release\n").v(hosp, "FACILITY").t(", NRC license ")
    p.v(f"{g.digits(2)}-{g.digits(5)}-{g.digits(2)}", "LICENSE").t("\nPatient ").name(pt, 2).t("  MRN ")
    p.v(f"{g.letters(1)}{g.digits(7)}", "MRN").t("  DOB ").date(b.day(1945, 1995)).t("\nAdministered 150 mCi ")
    p.t("on ").date(b.day(2025, 2026)).t("; 1 m rate 4.2 mR/h, released per 10 CFR 35.75.\n")
    p.t("Survey meter Ludlum 3 s/n ").v(g.serial(), "DEVICE").t("\nLives at ").address(town)
    p.t(" with ").v(hh.given, "NAME").t(" (spouse); sleep apart 7 nights, no travel by bus over 2 h.\n")
    p.t("Authorized user ").name(au, 0).t(", MD, NPI ").v(g.npi(), "LICENSE").t("; RSO ").name(rso, 4)
    p.t(" ").v(g.phone(town[4]), "PHONE").t(", fax ").v(g.phone(town[4]), "FAX").t("\nWallet card ")
    p.v(f"RC-{g.digits(6)}", "ACCOUNT").t(" valid through ").date(b.day(2026, 2026)).t(
        " for border and airport detectors."
    )
    return "upper" if r.random() < 0.15 else ""


def s_cordblood(p: Passage, b: Builder) -> str:
    """Private cord blood collection kit record."""
    g, r = b.g, b.r
    mom, dad, ob = p.person(female=True), p.person(), p.person()
    town = p.town()
    hosp = hospital(p)
    p.t("Cord Blood Collection Record\nKit ").v(f"CB{g.digits(7)}", "ACCOUNT").t("   Client ").name(
        mom, r.choice([0, 2])
    )
    p.t("\nMother DOB ").date(b.day(1985, 2003)).t("   Hospital MRN ").v(g.digits(9), "MRN")
    if r.random() < 0.5:
        p.t("   SSN xxx-xx-").v(g.digits(4, False), "SSN")
    p.t("\nPartner ").name(dad, 0).t("   Baby Girl ").v(mom.surname, "NAME")
    p.t("\nDelivered ").date(b.day(2025, 2026)).t(" 0642 at ").v(hosp, "FACILITY").t(", 39w2d, SVD\n")
    p.t("Collected by ").name(ob, 0).t(", CNM, NPI ").v(g.npi(), "LICENSE").t(
        "; 86 mL in bag, 2 tubes maternal blood.\n"
    )
    p.t("Courier waybill ").v(f"{g.digits(4)} {g.digits(4)} {g.digits(4)}", "ACCOUNT").t(" picked up 1115.\n")
    p.t("Consent e-signed ").date(b.day(2025, 2026)).t(" from ").v(g.ip(), "IP").t("; client ")
    p.v(b.email(mom), "EMAIL").t(", ").v(g.phone(town[4]), "PHONE").t("\nResults: ")
    p.v(f"https://portal.cordsafe.net/clients/{g.digits(6)}", "URL").t("  Mailing: ").address(town)
    return ""


def s_guardian(p: Passage, b: Builder) -> str:
    """Court visitor's report in an adult guardianship case."""
    g, r = b.g, b.r
    resp, pet, atty, visitor = p.person(), p.person(), p.person(), p.person()
    town = p.town()
    county = p.free(COUNTIES)
    home = facility(p, ["Senior Living", "Care Center", "Assisted Living", "Nursing & Rehab"])
    age = r.randint(90, 103)
    p.t("IN THE DISTRICT COURT OF ").v(county.upper(), "LOCATION").t(" COUNTY\nIn re guardianship of ")
    p.name(resp, 0).t(", Case No. ").v(f"DG-{r.randint(24, 26)}-{g.digits(4)}", "ACCOUNT")
    p.t("\nCOURT VISITOR'S REPORT\n").v(resp.given, "NAME").t(" is ").v(
        str(age) if r.random() < 0.6 else AGE_WORDS[age], "AGE"
    )
    p.t(" years old (DOB ").date(b.day(2025 - age, 2025 - age)).t(") and lives at ").v(home, "FACILITY").t(", ")
    p.address(town).t(".\nI met with the respondent on ").date(b.day(2025, 2026))
    p.t(". MoCA 11/30; needs help with 5 of 6 ADLs; oriented to person only.\n")
    p.t("Petitioner: ").name(pet, 0).t(" (relative), ").v(g.phone(town[4]), "PHONE").t(".")
    if r.random() < 0.6:
        p.t(" The respondent's truck, plate ").v(g.plate(town[2]), "VEHICLE").t(", VIN ").v(g.vin(), "VEHICLE")
        p.t(", is to be sold.")
    if r.random() < 0.7:
        p.t(" SSA benefits: SSN ending ").v(g.digits(4, False), "SSN").t(".")
    p.t("\nCounsel for respondent: ").name(atty, 0).t(", ").v(b.email(atty, "mtlegalaid.org"), "EMAIL")
    p.t("\nHearing set for ").date(b.day(2026, 2026)).t(". /s/ ").name(visitor, 0).t(", court visitor")
    return "lower" if r.random() < 0.25 else ""


def s_telepharm(p: Passage, b: Builder) -> str:
    """Telepharmacy remote verification log."""
    g, r = b.g, b.r
    rph, tech, pt, pt2, doc = p.person(), p.person(), p.person(), p.person(), p.person()
    town = p.town()
    site = facility(p, ["Pharmacy", "Drug", "Apothecary"])
    p.t("remote verification log | site: ").v(site, "FACILITY").t(" | ").v(town[0], "LOCATION").t("\n")
    p.t("site camera s/n ").v(g.serial(), "DEVICE").t(" | site IP ").v(g.ip(), "IP").t(" | RPh station ")
    p.v(g.ip(), "IP").t("\nRPh ").name(rph, 0).t(" lic. ").v(f"PHA-{g.digits(5)}", "LICENSE").t(" | tech ")
    p.v(tech.full().lower() if r.random() < 0.5 else tech.given, "NAME").t(" (RPhT ").v(
        f"TE{g.digits(5)}", "LICENSE"
    ).t(")\n")
    p.t("Rx ").v(g.digits(7), "ACCOUNT").t("  ").v(pt.last_first(), "NAME").t("  DOB ").date(b.day(1940, 2010))
    p.t("  oxycodone 5 mg #20, prescriber ").name(doc, 4).t(" DEA ").v(g.dea(doc.surname), "LICENSE").t("\n")
    p.t("Rx ").v(g.digits(7), "ACCOUNT").t("  ").v(pt2.last_first(), "NAME").t("  DOB ").date(b.day(1940, 2010))
    p.t("  amoxicillin 400 mg/5 mL 100 mL, NDC 65862-070-01\n")
    if r.random() < 0.5:
        p.t("drive-through pickup, vehicle ").t(f"{town[2]} ").v(g.plate(town[2]), "VEHICLE").t("\n")
    p.t("counsel call to ").v(pt.given, "NAME").t(" at ").v(g.phone(town[4]), "PHONE").t("; hard copy faxed to ")
    p.v(g.phone(town[4]), "FAX").t(".")
    return ""


def s_exposure(p: Passage, b: Builder) -> str:
    """Employee health: needlestick / blood exposure follow-up letter."""
    g, r = b.g, b.r
    emp, src, rn = p.person(), p.person(), p.person()
    town = p.town()
    hosp = hospital(p)
    p.t("Employee Health -- exposure follow-up\n").v(hosp, "FACILITY").t("\nEmployee: ").name(emp, 1)
    p.t("  Badge ").v(f"E{g.digits(6)}", "ACCOUNT").t("  DOB ").date(b.day(1965, 2003)).t("\n")
    p.t("Exposure ").date(b.day(2025, 2026)).t(" 1420, 25G needle after IM injection, PPE worn. Source patient MRN ")
    p.v(g.digits(7), "MRN").t(" (").v(src.initials(True), "NAME").t(") HIV Ag/Ab negative, HCV RNA not detected.\n")
    p.t("Baseline labs drawn; repeat at 6 weeks and 6 months (").date(b.day(2026, 2026)).t(").\n")
    p.t("Workers' comp claim ").v(f"WC{g.digits(9)}", "ACCOUNT").t(". Home: ").address(town)
    p.t("\nQuestions: ").name(rn, 0).t(", RN, ").v(g.phone(town[4]) + f" ext. {r.randint(100, 9999)}", "PHONE")
    p.t(", ").v(b.email(rn, slug(hosp)[:10] + ".org"), "EMAIL")
    return ""


SHAPES = [
    s_hearing,
    s_fittest,
    s_afterdeath,
    s_plasma,
    s_cruise,
    s_medif,
    s_factor,
    s_pap,
    s_subro,
    s_radioiodine,
    s_cordblood,
    s_guardian,
    s_telepharm,
    s_exposure,
]


# ---------------------------------------------------------------- hand-written one-offs
# each a list of text pieces and (value, CATEGORY) pairs
ONEOFFS: list[tuple[str, list]] = [
    (
        "cotard",
        [
            "Psychiatry telehealth, ",
            ("Pie Town", "LOCATION"),
            " satellite. Dr. ",
            ("Cotard", "NAME"),
            " saw ",
            ("Hozan Sindi", "NAME"),
            " (DOB ",
            ("03/14/1961", "DATE"),
            ", MRN ",
            ("PT-0048821", "MRN"),
            ") who says his organs have stopped. Differential: Cotard delusion vs psychotic depression. "
            "He has eaten only pie and coffee for a week. Wife ",
            ("Berivan", "NAME"),
            " at ",
            ("(575) 772-4410", "PHONE"),
            ".",
        ],
    ),
    (
        "adie",
        [
            "Outreach eye clinic, ",
            ("Reserve", "LOCATION"),
            ", NM -- ",
            ("ADIE, LONNIE R", "NAME"),
            "  DOB ",
            ("11/02/1957", "DATE"),
            "\nMr. ",
            ("Adie", "NAME"),
            " has a large right pupil with slow, sustained "
            "constriction to near: a tonic (Holmes-Adie) pupil. Cardiac reserve fine per PCP Dr. ",
            ("Tenney", "NAME"),
            ". Call ",
            ("575-533-1906", "PHONE"),
            ".",
        ],
    ),
    (
        "todd",
        [
            "ED note ",
            ("2026-02-19", "DATE"),
            ": ",
            ("Wendell Todd", "NAME"),
            ", 58, after a witnessed seizure at ",
            ("Greybull Bentonite Co.", "FACILITY"),
            ". Left arm weakness resolving over 6 h, consistent with Todd paralysis. Mr. ",
            ("Todd", "NAME"),
            "'s foreman ",
            ("Gilford Brekke", "NAME"),
            " drove him in; plate ",
            ("12-40417", "VEHICLE"),
            ".",
        ],
    ),
    (
        "innocent",
        [
            "School physical, ",
            ("Forks", "LOCATION"),
            " Elementary. ",
            ("Innocent Ndour", "NAME"),
            ", DOB ",
            ("Sept. 9th, 2019", "DATE"),
            ": grade 2/6 vibratory systolic murmur, an innocent murmur; "
            "no referral. Uses forks and spoons well. Mother ",
            ("Coumba", "NAME"),
            ", ",
            ("360-374-8812", "PHONE"),
            ".",
        ],
    ),
    (
        "shiny",
        [
            "Derm store-and-forward photos from ",
            ("Shiny Kuriakose", "NAME"),
            ", RN, ",
            ("Stevensville Rural Health Clinic", "FACILITY"),
            ": shiny, scaly plaques on the shins of ",
            ("Everett Old Elk", "NAME"),
            " (",
            ("EOE", "NAME"),
            "), DOB ",
            ("1949-06-30", "DATE"),
            ". Photos: ",
            ("https://sfphoto.bhd.org/case/77810", "URL"),
            ".",
        ],
    ),
    (
        "notafraid",
        [
            "Chaplain visit. ",
            ("Verdell Not Afraid", "NAME"),
            ", age ",
            ("ninety-four", "AGE"),
            ", said he is not afraid and wants his grandson ",
            ("Harlan", "NAME"),
            " to sing at the service in ",
            ("Crowheart", "LOCATION"),
            ". Grandson's cell ",
            ("307 486 2291", "PHONE"),
            ".",
        ],
    ),
    (
        "dance",
        [
            "Peds GI: ",
            ("Ardith Dance", "NAME"),
            " brought ",
            ("Merle", "NAME"),
            ", 14 months, DOB ",
            ("04JAN2025", "DATE"),
            ". Ultrasound target sign, and the right lower quadrant felt empty (Dance sign). Mrs. ",
            ("Dance", "NAME"),
            " teaches a ballroom dance class in ",
            ("Lovell", "LOCATION"),
            ".",
        ],
    ),
    (
        "sow",
        [
            "Farm injury call: ",
            ("Babacar Sow", "NAME"),
            " fell from the seed drill while helping sow barley near ",
            ("Burlington", "LOCATION"),
            ". Employer ",
            ("Byron Feed & Grain", "FACILITY"),
            ", claim ",
            ("WC-2026-04471", "ACCOUNT"),
            ". Mr. ",
            ("Sow", "NAME"),
            " speaks Wolof; interpreter line ",
            ("1-800-662-0718", "PHONE"),
            ".",
        ],
    ),
    (
        "lucky",
        [
            "Twins' well visit: ",
            ("Lucky Tummala", "NAME"),
            " and ",
            ("Happy Tummala", "NAME"),
            ", DOB ",
            ("July 2, 2024", "DATE"),
            ". Lucky to have caught up on weight; parents happy with sleep. Father ",
            ("Sudheer", "NAME"),
            ", ",
            ("sudheer.tummala@gmail.com", "EMAIL"),
            ".",
        ],
    ),
    (
        "ocean",
        [
            "Allergy intake: ",
            ("Ocean Hedin", "NAME"),
            " swims in the ocean off ",
            ("La Push", "LOCATION"),
            " all summer; spring birch pollen and cedar sneezing. Sister ",
            ("Birch Hedin", "NAME"),
            " has the same. Home ",
            ("HC 71 Box 318", "ADDRESS"),
            ", ",
            ("98350", "ZIP"),
            ".",
        ],
    ),
    (
        "gowers",
        [
            "Neuromuscular clinic letter\nDear Dr. ",
            ("Gowers", "NAME"),
            ",\nThank you for referring ",
            ("Temuulen Ochirbat", "NAME"),
            " (",
            ("B. Temuulen", "NAME"),
            " on his passport), 6. A positive Gowers sign and calf hypertrophy; CK 14,200. Fax ",
            ("406-363-8804", "FAX"),
            ".",
        ],
    ),
    (
        "tourette",
        [
            "Telepsychiatry: ",
            ("Rebwar Tourette", "NAME"),
            ", 12, motor and vocal tics for 2 years meet criteria for Tourette syndrome. Session from ",
            ("98.127.44.210", "IP"),
            "; mother ",
            ("Avin", "NAME"),
            " joined from ",
            ("Ninilchik", "LOCATION"),
            ".",
        ],
    ),
    (
        "victory",
        [
            "Cardiac rehab, ",
            ("St. Johnsbury", "LOCATION"),
            ": ",
            ("Lorna Whitcomb", "NAME"),
            " of ",
            ("Victory", "LOCATION"),
            ", VT walked a victory lap of the gym at visit 36. DOB the ",
            ("4th of March 1944", "DATE"),
            ". Son ",
            ("Alden Whitcomb", "NAME"),
            " ",
            ("802-328-5530", "PHONE"),
            ".",
        ],
    ),
    (
        "tensleep",
        [
            "Sleep clinic intake ",
            ("20260311", "DATE"),
            ": ",
            ("Zina Ainsworth", "NAME"),
            " of ",
            ("Ten Sleep", "LOCATION"),
            ", WY sleeps ten hours and still naps. Epworth 17. Home sleep test device s/n ",
            ("WS-20417", "DEVICE"),
            " mailed to ",
            ("2290 Hwy 16", "ADDRESS"),
            ".",
        ],
    ),
    (
        "homer",
        [
            "Dictated: patient ",
            ("nurmemet kurban", "NAME"),
            " from ",
            ("homer", "LOCATION"),
            " says his son hit a homer at the game, then he felt the chest pain. dob ",
            ("february ninth nineteen sixty", "DATE"),
            ". wife ",
            ("gulnisa", "NAME"),
            " at ",
            ("nine zero seven, two three five, four four one eight", "PHONE"),
            ".",
        ],
    ),
    (
        "joyce",
        [
            "Home health SOC: ",
            ("Joyce Colby", "NAME"),
            " of ",
            ("Joyce", "LOCATION"),
            ", WA, ",
            ("91", "AGE"),
            " -- no, corrected, age ",
            ("92", "AGE"),
            ". Lives at ",
            ("51 Crescent Beach Rd", "ADDRESS"),
            ". Agency ",
            ("Port Angeles Home Health", "FACILITY"),
            ". Medicare ",
            ("5TQ2-JK8-MN41", "ACCOUNT"),
            ".",
        ],
    ),
    (
        "cody",
        [
            "EMS handoff: ",
            ("Cody Wadda", "NAME"),
            ", rodeo bull rider from ",
            ("Cody", "LOCATION"),
            ", thrown at the ",
            ("Fort Washakie", "LOCATION"),
            " arena. Horse trailer plate ",
            ("11-57063", "VEHICLE"),
            ", truck VIN ",
            ("1GTR9BED8GZ123457", "VEHICLE"),
            ". Girlfriend ",
            ("Lavonne", "NAME"),
            " ",
            ("307-332-7715", "PHONE"),
            ".",
        ],
    ),
    (
        "gila",
        [
            "Poison line callback: ",
            ("Marvella Spoonhunter", "NAME"),
            " was bitten on the hand by a Gila monster while camping on the Gila near ",
            ("Gila", "LOCATION"),
            ". Seen at ",
            ("Gila Regional Medical Center", "FACILITY"),
            " on ",
            ("Apr 30 2026", "DATE"),
            "; e-mail ",
            ("mspoonhunter@gilanet.com", "EMAIL"),
            ".",
        ],
    ),
]


# ---------------------------------------------------------------- clean passages
EPONYMS = [
    "Stinchfield test",
    "Carnett sign",
    "Dance sign",
    "Pemberton sign",
    "Uhthoff phenomenon",
    "Adie tonic pupil",
    "Todd paralysis",
    "Korsakoff syndrome",
    "Gerstmann syndrome",
    "Capgras delusion",
    "Cotard delusion",
    "Sheehan syndrome",
    "Bartter syndrome",
    "Gitelman syndrome",
    "Liddle syndrome",
    "Goodpasture syndrome",
    "Berger disease",
    "Hoffa fat pad impingement",
    "Kienbock disease",
    "Freiberg infraction",
    "Scheuermann kyphosis",
    "Madelung deformity",
    "Rolando fracture",
    "Tillaux fracture",
    "Chopart joint sprain",
    "Kallmann syndrome",
    "Tourette syndrome",
    "Fothergill sign",
    "Gowers sign",
    "Heerfordt syndrome",
    "Lofgren syndrome",
    "Mikulicz disease",
    "Ely test",
]
WORD_PHRASES = [
    "a cricket in the ear canal",
    "birch pollen season",
    "cedar fever",
    "an ocean swim",
    "lucky to have no fracture",
    "happy with the hearing aids",
    "shiny erythematous skin",
    "an innocent flow murmur",
    "a ballroom dance class",
    "forks and spoons",
    "ten hours of sleep",
    "a Gila monster bite",
    "a victory lap",
    "cardiac reserve",
    "a pie-eating contest",
    "granite countertops",
    "Concord grape juice",
    "silver sulfadiazine",
    "a port-wine stain",
    "a homer in the ninth inning",
    "sow the garden",
    "a princess costume",
    "a treasure hunt",
    "the moose pass by the porch",
    "an anchor point for the harness",
    "halibut season",
    "tamarack pollen",
    "a sugarhouse burn",
    "a dipnet fishery",
    "bentonite dust",
]
DRUGS = [
    "apixaban 5 mg BID",
    "emicizumab 3 mg/kg weekly",
    "levothyroxine 88 mcg",
    "meclizine 25 mg q6h PRN",
    "morphine 5 mg SL q1h PRN",
    "lorazepam 0.5 mg SL",
    "potassium iodide 130 mg",
    "ondansetron 4 mg ODT",
    "albuterol HFA 2 puffs",
    "tiotropium 18 mcg daily",
    "sertraline 50 mg",
    "furosemide 40 mg",
    "factor IX 50 IU/kg",
    "tranexamic acid 1300 mg TID",
    "haloperidol 0.5 mg",
    "glycopyrrolate 0.2 mg",
]
DEVICES = [
    "Inogen One G5",
    "Benson AD-226 audiometer",
    "PortaCount 8048",
    "CADD-Solis pump",
    "Ludlum Model 3 survey meter",
    "3M 6502QL half-face",
    "Philips SimplyGo Mini",
    "Moldex 2300 N95",
    "Alaris 8100 module",
    "Zoll AED Plus",
]
LABS = [
    "Hct 41%",
    "total protein 6.8 g/dL",
    "IgG 1,020 mg/dL",
    "TSH 0.04 mIU/L",
    "free T4 2.1 ng/dL",
    "CK 14,200 U/L",
    "factor VIII activity 1%",
    "Bethesda titer 0.0 BU",
    "SpO2 88% on room air",
    "TNC 1.4 x 10^9",
    "CD34+ 0.31%",
    "ferritin 22 ng/mL",
]
SCORES = [
    "MoCA 19/30",
    "Epworth 12",
    "PPS 30%",
    "FAST 7c",
    "NRR 33",
    "GOLD 3",
    "Karnofsky 40",
    "PHQ-9 of 11",
    "ECOG 3",
    "Yale-Brown 18",
]
MEASURES = [
    "4 kHz threshold 45 dB HL",
    "fit factor 2,410",
    "150 mCi",
    "1 m exposure rate 4.2 mR/h",
    "86 mL in the bag",
    "FEV1 1.6 L",
    "cabin altitude of 8,000 ft",
    "POC setting 2",
    "40 IU/kg",
    "1,800 kcal",
    "12 h quiet period",
    "BP 132/78",
]
CODES = [
    "CPT 92557",
    "CPT 94010",
    "HCPCS E1392",
    "ICD-10 H83.3X3",
    "ICD-10 J44.1",
    "ICD-10 D66",
    "ICD-10 E05.90",
    "CPT 79005",
    "DRG 291",
    "LOINC 2157-6",
]
TIMES = [
    "post-op day 3",
    "at the 6-week draw",
    "after haying",
    "during the halibut opener",
    "before calving",
    "since 2019",
    "for the last two winters",
    "at the annual test",
    "on day 5 of isolation",
    "at sugaring time",
]
AGES = [
    "age 67",
    "a 74-year-old",
    "age 88",
    "52 years old",
    "an 81-year-old",
    "age 34",
    "a 9-year-old",
    "a 45-year-old",
    "age 89",
]

CLEAN_SHAPES = {
    "hearing": (
        "Hearing conservation -- program notes",
        [
            "Standard threshold shift: average change of 10 dB or more at 2, 3 and 4 kHz in either ear.",
            "Employee name: [removed]. Employer: [removed].",
            "Retest within 30 days if STS is found.",
            "Age correction applied per Appendix F.",
        ],
    ),
    "fittest": (
        "Respiratory protection -- fit testing notes",
        [
            "Quantitative fit test passes at an overall fit factor of 100 or more for a half-face.",
            "Clean-shaven where the seal meets the face.",
            "Name: [redacted]. Clinic: [redacted].",
            "Medical questionnaire reviewed before the fit test.",
        ],
    ),
    "afterdeath": (
        "Hospice -- care after death",
        [
            "Remove tubes unless the medical examiner is involved.",
            "Offer the family time; a chaplain is on call.",
            "Waste controlled medications with a second person and record volumes.",
            "Patient: [removed].",
        ],
    ),
    "plasma": (
        "Donor center -- eligibility reminders",
        [
            "Donors must weigh at least 110 lb.",
            "Two donations at most in seven days, one day apart.",
            "Donor: [removed]. ID checked: [removed].",
            "Defer for a new tattoo within four months.",
        ],
    ),
    "medif": (
        "Air travel with oxygen -- counselling",
        [
            "Carry batteries for 150% of the flight time.",
            "Ask the airline for the medical form early.",
            "Passenger: [removed]. Physician: [removed].",
            "Cabin pressure lowers oxygen saturation.",
        ],
    ),
    "factor": (
        "Bleeding disorders -- home infusion teaching",
        [
            "Log every dose and bleed in the app.",
            "Rotate veins; hold pressure five minutes.",
            "Patient: [removed]. Pharmacy: [removed].",
            "Call the center for a joint bleed that does not settle.",
        ],
    ),
    "pap": (
        "Assistance programs -- eligibility notes",
        [
            "Income at or below 400% FPL qualifies for most programs.",
            "Include proof of income and a denial letter.",
            "Applicant: [removed]. Prescriber: [removed].",
            "Re-enroll every calendar year.",
        ],
    ),
    "radioiodine": (
        "Radioiodine -- home precautions",
        [
            "Sleep apart for the nights listed on the sheet.",
            "Flush twice; wash hands well.",
            "Patient: [removed]. Authorized user: [removed].",
            "Detectors at airports may alarm for weeks.",
        ],
    ),
    "cordblood": (
        "Cord blood -- processing notes",
        [
            "Keep the kit at room temperature; do not refrigerate.",
            "Collect after the cord is clamped.",
            "Client: [removed]. Kit: [removed].",
            "Volume under 40 mL may not be stored.",
        ],
    ),
    "guardian": (
        "Guardianship -- visitor guidance",
        [
            "Meet the respondent in private when possible.",
            "Describe abilities, not only the diagnosis.",
            "Respondent: [removed]. Case: [removed].",
            "Consider less restrictive options first.",
        ],
    ),
    "telepharm": (
        "Telepharmacy -- verification rules",
        [
            "The pharmacist sees the label, the stock bottle and the filled vial on camera.",
            "Schedule II fills are checked twice.",
            "Site: [removed]. Technician: [removed].",
            "Counselling is offered by video for every new prescription.",
        ],
    ),
    "exposure": (
        "Employee health -- exposure protocol",
        [
            "Wash the site with soap and water; do not squeeze.",
            "Start PEP within two hours when indicated.",
            "Employee: [removed]. Source: [removed].",
            "Repeat testing at six weeks and six months.",
        ],
    ),
}
CLEAN_KEYS = sorted(CLEAN_SHAPES)


def clean_passage(b: Builder, key: str) -> str:
    r = b.r
    title, fixed = CLEAN_SHAPES[key]
    lines = [title] + r.sample(fixed, 2)
    pools = [EPONYMS, WORD_PHRASES, DRUGS, DEVICES, LABS, SCORES, MEASURES, CODES, TIMES, AGES]
    picks = r.sample(pools, 4)
    bits = [r.choice(pl) for pl in picks]
    e1, e2 = r.sample(EPONYMS, 2)
    lines.append(f"Teaching point: {e1} vs {e2}; note {bits[0]} and {bits[1]}.")
    lines.append(f"Also: {bits[2]}, {bits[3]}, {r.choice(WORD_PHRASES)}, {r.choice(AGES)}, {r.choice(TIMES)}.")
    text = "\n".join(lines)
    return text.upper() if r.random() < 0.1 else text.lower() if r.random() < 0.1 else text


# ---------------------------------------------------------------- assembly
PER_SHAPE = 18
N_CLEAN = 180


def main() -> None:
    b = Builder()
    rows: list[dict] = []
    # one-offs first: their values are registered before any generated passage draws
    for name, parts in ONEOFFS:
        p = Passage(b)
        for part in parts:
            if isinstance(part, str):
                p.t(part)
            else:
                p.v(part[0], part[1])
        assert b.commit(p), name
        text, spans = p.render()
        rows.append({"kind": f"oneoff-{name}", "text": text, "spans": spans})
    order = [s for s in SHAPES for _ in range(PER_SHAPE)]
    b.r.shuffle(order)
    for shape in order:
        for _ in range(200):
            p = Passage(b)
            try:
                case = shape(p, b)
            except Redraw:
                continue
            if b.commit(p):
                break
        else:
            raise SystemExit(f"could not draw {shape.__name__}")
        text, spans = p.render(case)
        rows.append({"kind": shape.__name__[2:], "text": text, "spans": spans})
    clean = [{"kind": k, "text": clean_passage(b, k), "spans": []} for k in CLEAN_KEYS for _ in range(N_CLEAN // 12)]
    allrows = rows + clean
    b.r.shuffle(allrows)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for i, row in enumerate(allrows, 1):
            kind = ("clean-" if not row["spans"] else "id-") + row["kind"]
            rec = {
                "id": f"U-P{i:03d}-{kind}",
                "split": "heldout",
                "carrier": "",
                "text": row["text"],
                "spans": row["spans"],
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
