"""Hand-picked value lists for set G (real small places, USPS suffixes, names)."""

# USPS Publication 28, appendix C1: (primary name, standard abbreviation).
SUFFIXES = [
    ("Alley", "Aly"), ("Annex", "Anx"), ("Arcade", "Arc"), ("Avenue", "Ave"), ("Bayou", "Byu"),
    ("Beach", "Bch"), ("Bend", "Bnd"), ("Bluff", "Blf"), ("Bluffs", "Blfs"), ("Bottom", "Btm"),
    ("Boulevard", "Blvd"), ("Branch", "Br"), ("Bridge", "Brg"), ("Brook", "Brk"), ("Brooks", "Brks"),
    ("Burg", "Bg"), ("Burgs", "Bgs"), ("Bypass", "Byp"), ("Camp", "Cp"), ("Canyon", "Cyn"),
    ("Cape", "Cpe"), ("Causeway", "Cswy"), ("Center", "Ctr"), ("Centers", "Ctrs"), ("Circle", "Cir"),
    ("Circles", "Cirs"), ("Cliff", "Clf"), ("Cliffs", "Clfs"), ("Club", "Clb"), ("Common", "Cmn"),
    ("Commons", "Cmns"), ("Corner", "Cor"), ("Corners", "Cors"), ("Course", "Crse"), ("Court", "Ct"),
    ("Courts", "Cts"), ("Cove", "Cv"), ("Coves", "Cvs"), ("Creek", "Crk"), ("Crescent", "Cres"),
    ("Crest", "Crst"), ("Crossing", "Xing"), ("Crossroad", "Xrd"), ("Crossroads", "Xrds"),
    ("Curve", "Curv"), ("Dale", "Dl"), ("Dam", "Dm"), ("Divide", "Dv"), ("Drive", "Dr"),
    ("Drives", "Drs"), ("Estate", "Est"), ("Estates", "Ests"), ("Expressway", "Expy"),
    ("Extension", "Ext"), ("Extensions", "Exts"), ("Falls", "Fls"), ("Ferry", "Fry"), ("Field", "Fld"),
    ("Fields", "Flds"), ("Flat", "Flt"), ("Flats", "Flts"), ("Ford", "Frd"), ("Fords", "Frds"),
    ("Forest", "Frst"), ("Forge", "Frg"), ("Forges", "Frgs"), ("Fork", "Frk"), ("Forks", "Frks"),
    ("Fort", "Ft"), ("Freeway", "Fwy"), ("Garden", "Gdn"), ("Gardens", "Gdns"), ("Gateway", "Gtwy"),
    ("Glen", "Gln"), ("Glens", "Glns"), ("Green", "Grn"), ("Greens", "Grns"), ("Grove", "Grv"),
    ("Groves", "Grvs"), ("Harbor", "Hbr"), ("Harbors", "Hbrs"), ("Haven", "Hvn"), ("Heights", "Hts"),
    ("Highway", "Hwy"), ("Hill", "Hl"), ("Hills", "Hls"), ("Hollow", "Holw"), ("Inlet", "Inlt"),
    ("Island", "Is"), ("Islands", "Iss"), ("Isle", "Isle"), ("Junction", "Jct"), ("Junctions", "Jcts"),
    ("Key", "Ky"), ("Keys", "Kys"), ("Knoll", "Knl"), ("Knolls", "Knls"), ("Lake", "Lk"),
    ("Lakes", "Lks"), ("Land", "Land"), ("Landing", "Lndg"), ("Lane", "Ln"), ("Light", "Lgt"),
    ("Lights", "Lgts"), ("Loaf", "Lf"), ("Lock", "Lck"), ("Locks", "Lcks"), ("Lodge", "Ldg"),
    ("Loop", "Loop"), ("Mall", "Mall"), ("Manor", "Mnr"), ("Manors", "Mnrs"), ("Meadow", "Mdw"),
    ("Meadows", "Mdws"), ("Mews", "Mews"), ("Mill", "Ml"), ("Mills", "Mls"), ("Mission", "Msn"),
    ("Motorway", "Mtwy"), ("Mount", "Mt"), ("Mountain", "Mtn"), ("Mountains", "Mtns"), ("Neck", "Nck"),
    ("Orchard", "Orch"), ("Oval", "Oval"), ("Overpass", "Opas"), ("Park", "Park"), ("Parkway", "Pkwy"),
    ("Pass", "Pass"), ("Passage", "Psge"), ("Path", "Path"), ("Pike", "Pike"), ("Pine", "Pne"),
    ("Pines", "Pnes"), ("Place", "Pl"), ("Plain", "Pln"), ("Plains", "Plns"), ("Plaza", "Plz"),
    ("Point", "Pt"), ("Points", "Pts"), ("Port", "Prt"), ("Ports", "Prts"), ("Prairie", "Pr"),
    ("Radial", "Radl"), ("Ramp", "Ramp"), ("Ranch", "Rnch"), ("Rapid", "Rpd"), ("Rapids", "Rpds"),
    ("Rest", "Rst"), ("Ridge", "Rdg"), ("Ridges", "Rdgs"), ("River", "Riv"), ("Road", "Rd"),
    ("Roads", "Rds"), ("Route", "Rte"), ("Row", "Row"), ("Rue", "Rue"), ("Run", "Run"),
    ("Shoal", "Shl"), ("Shoals", "Shls"), ("Shore", "Shr"), ("Shores", "Shrs"), ("Skyway", "Skwy"),
    ("Spring", "Spg"), ("Springs", "Spgs"), ("Spur", "Spur"), ("Square", "Sq"), ("Squares", "Sqs"),
    ("Station", "Sta"), ("Stravenue", "Stra"), ("Stream", "Strm"), ("Street", "St"), ("Streets", "Sts"),
    ("Summit", "Smt"), ("Terrace", "Ter"), ("Throughway", "Trwy"), ("Trace", "Trce"), ("Track", "Trak"),
    ("Trafficway", "Trfy"), ("Trail", "Trl"), ("Trailer", "Trlr"), ("Tunnel", "Tunl"),
    ("Turnpike", "Tpke"), ("Underpass", "Upas"), ("Union", "Un"), ("Unions", "Uns"), ("Valley", "Vly"),
    ("Valleys", "Vlys"), ("Viaduct", "Via"), ("View", "Vw"), ("Views", "Vws"), ("Village", "Vlg"),
    ("Villages", "Vlgs"), ("Ville", "Vl"), ("Vista", "Vis"), ("Walk", "Walk"), ("Wall", "Wall"),
    ("Way", "Wy"), ("Well", "Wl"), ("Wells", "Wls"),
]

# Pub 28 C2 secondary unit designators (and a few seen on forms).
UNITS = ["Apt", "Apt.", "Unit", "Ste", "Suite", "Lot", "Trlr", "Bldg", "Fl", "Spc", "#", "Rm", "Ph",
         "Lowr", "Uppr", "Frnt", "Rear", "Bsmt", "Side", "Dept", "Hngr", "Slip", "Pier", "Stop"]

# Street name stems (trees, creeks, people, Spanish, Hawaiian, Cajun, Appalachian).
STREET_STEMS = [
    "Chinquapin", "Sourwood", "Pawpaw", "Buckeye", "Possum Trot", "Lick Fork", "Caney Fork",
    "Troublesome Creek", "Quicksand", "Defeated Creek", "Coon Hollow", "Shoulderblade", "Hell For Certain",
    "Kingdom Come", "Bad Branch", "Bullskin", "Big Laurel", "Laurel Fork", "Rockhouse", "Mudlick",
    "Acequia Madre", "Camino del Rio", "Calle Ocho", "Paseo de Peralta", "Los Ojos", "Placitas",
    "Tres Ritos", "Vereda Jacona", "Kamehameha", "Farrington", "Kalanianaole", "Likelike", "Puuhale",
    "Mamalahoa", "Honoapiilani", "Bayou Teche", "Bayou Lafourche", "Cypremort", "Pecan Island",
    "Chemin Metairie", "Rue Chretien", "Grand Coteau", "Prien Lake", "Kaliste Saloom", "Evangeline",
    "Tundra", "Seawall", "Airport", "Boardwalk", "Kuskokwim", "Front", "Second", "Ridgeview",
    "Hemlock", "Tamarack", "Sycamore Shoals", "Bearwallow", "Panther Gap", "Raccoon Ridge", "Old Stage",
    "Mill Creek", "Iron Furnace", "Cumberland Gap", "Blackberry", "Sassafras", "Bloodroot", "Ginseng",
    "Yellow Jacket", "Mesquite", "Ocotillo", "Saguaro", "Tumbleweed", "Arroyo Seco", "Piñon",
    "Dos Rios", "San Isidro", "Santa Niño", "Tewa", "Navajo", "Red Mesa", "Sweetgrass", "Buffalo Gap",
    "Wounded Knee", "Medicine Root", "Elk Horn", "Two Strike", "Eagle Nest", "Wahpeton",
]

# Real small places (town, state abbreviation). States are never labelled.
TOWNS = [
    ("Kayenta", "AZ"), ("Chinle", "AZ"), ("Shiprock", "NM"), ("Lukachukai", "AZ"), ("Ganado", "AZ"),
    ("Tuba City", "AZ"), ("Window Rock", "AZ"), ("Crownpoint", "NM"), ("Zuni", "NM"), ("Acoma", "NM"),
    ("Kyle", "SD"), ("Wanblee", "SD"), ("Porcupine", "SD"), ("Manderson", "SD"), ("Allen", "SD"),
    ("Lame Deer", "MT"), ("Busby", "MT"), ("Browning", "MT"), ("Hays", "MT"), ("Lodge Grass", "MT"),
    ("Hoopa", "CA"), ("Neah Bay", "WA"), ("Toppenish", "WA"), ("Wapato", "WA"), ("Nespelem", "WA"),
    ("Bethel", "AK"), ("Kotzebue", "AK"), ("Utqiagvik", "AK"), ("Hooper Bay", "AK"), ("Chevak", "AK"),
    ("Toksook Bay", "AK"), ("Kwethluk", "AK"), ("Unalakleet", "AK"), ("Fort Yukon", "AK"),
    ("Savoonga", "AK"), ("Gambell", "AK"), ("Point Hope", "AK"), ("Shishmaref", "AK"), ("Akiak", "AK"),
    ("Noorvik", "AK"), ("Emmonak", "AK"), ("Chimayo", "NM"), ("Truchas", "NM"), ("Peñasco", "NM"),
    ("Hatch", "NM"), ("Sunland Park", "NM"), ("Anthony", "NM"), ("Mora", "NM"), ("Tierra Amarilla", "NM"),
    ("Rio Grande City", "TX"), ("Roma", "TX"), ("Zapata", "TX"), ("Hebbronville", "TX"),
    ("Presidio", "TX"), ("Progreso", "TX"), ("La Joya", "TX"), ("Calexico", "CA"), ("Brawley", "CA"),
    ("Somerton", "AZ"), ("San Luis", "AZ"), ("Waianae", "HI"), ("Nanakuli", "HI"), ("Hāna", "HI"),
    ("Kaunakakai", "HI"), ("Pāhala", "HI"), ("Nāʻālehu", "HI"), ("Laie", "HI"), ("Waimānalo", "HI"),
    ("Hagåtña", "GU"), ("Dededo", "GU"), ("Garapan", "MP"), ("Leone", "AS"), ("Pago Pago", "AS"),
    ("Hazard", "KY"), ("Hindman", "KY"), ("Whitesburg", "KY"), ("Inez", "KY"), ("Hyden", "KY"),
    ("Booneville", "KY"), ("McKee", "KY"), ("Beattyville", "KY"), ("Vortex", "KY"), ("Grundy", "VA"),
    ("Pennington Gap", "VA"), ("Big Stone Gap", "VA"), ("Clintwood", "VA"), ("War", "WV"),
    ("Welch", "WV"), ("Iaeger", "WV"), ("Matewan", "WV"), ("Williamson", "WV"), ("Gary", "WV"),
    ("Jellico", "TN"), ("Sneedville", "TN"), ("Mountain City", "TN"), ("Ville Platte", "LA"),
    ("Mamou", "LA"), ("Eunice", "LA"), ("Marksville", "LA"), ("Golden Meadow", "LA"), ("Cut Off", "LA"),
    ("Galliano", "LA"), ("Pierre Part", "LA"), ("Breaux Bridge", "LA"), ("Church Point", "LA"),
    ("Thibodaux", "LA"), ("Hope", "AR"), ("Bliss", "ID"), ("Comfort", "TX"), ("Plain", "WA"),
    ("Story", "WY"), ("Chance", "MD"), ("Bland", "VA"), ("Climax", "GA"), ("Success", "AR"),
    ("Rich Square", "NC"), ("Ordinary", "VA"), ("Bill", "WY"), ("Smackover", "AR"), ("Mayday", "GA"),
    ("Cando", "ND"), ("Belcourt", "ND"), ("Fort Totten", "ND"), ("Pawhuska", "OK"), ("Tahlequah", "OK"),
    ("Anadarko", "OK"), ("Red Lake", "MN"), ("Cass Lake", "MN"), ("Hayward", "WI"), ("Keshena", "WI"),
]

COUNTIES = [
    "McDowell County", "Owsley County", "Buchanan County", "Oglala Lakota County", "Apache County",
    "Kusilvak Census Area", "Starr County", "Zapata County", "Mora County", "Rio Arriba County",
    "Evangeline Parish", "Acadia Parish", "St. Landry Parish", "Avoyelles Parish", "Terrebonne Parish",
    "Lafourche Parish", "Plaquemines Parish", "Catahoula Parish", "Tensas Parish", "Assumption Parish",
    "Knott County", "Leslie County", "Letcher County", "Wise County", "Hancock County", "Clay County",
    "Molokaʻi", "Lanaʻi", "Bethel Census Area", "Todd County", "Corson County", "Big Horn County",
]

# Given names that are also words, and rare given names.
WORD_FIRST = ["Hope", "Rich", "May", "Bill", "Sunny", "Honor", "Patience", "Constance", "Ivy", "Rose",
              "Guy", "Art", "Gene", "Sterling", "Birdie", "Earl", "Pearl", "Ruby", "Dawn", "Autumn",
              "Summer", "Star", "Blessing", "Gift", "Lucky", "Sonny", "King", "Royal", "Prince", "Ace",
              "Deacon", "Cliff", "Dusty", "Rusty", "Heath", "Glen", "Dale", "Sage", "Wren", "Lark",
              "Robin", "Clay", "Chase", "Harmony", "Melody", "Trinity", "Unique", "Precious", "Amber",
              "Penny", "Misty", "Candy", "Jewel", "Sky", "Rocky", "Buck", "Doc", "Bunny"]
RARE_FIRST = ["Ozias", "Thaddeus", "Zebulon", "Tecumseh", "Keahi", "Kalani", "Leilani", "Ikaika",
              "Malia", "Sione", "Losa", "Siaosi", "Tupou", "Qannik", "Aqpik", "Nanuq", "Wanbli",
              "Wicahpi", "Chaske", "Tayanita", "Hosteen", "Deswood", "Delphine", "Octave", "Ulysse",
              "Alcide", "Eulalie", "Clovis", "Ferrell", "Verlin", "Elzie", "Arlis", "Denzil", "Okey",
              "Orville", "Wilburn", "Ova", "Zelphia", "Lutisha", "Ezekiel", "Jerusha", "Tabitha",
              "Jolene", "Loretta", "Kiele", "Makana", "Iolana", "Tavita", "Faleolo", "Jinam", "Kiobu",
              "Neikar", "Tarlang"]
SURNAMES = ["Yazzie", "Begay", "Tsosie", "Benally", "Nez", "Etsitty", "Two Bulls", "Iron Cloud",
            "Little Thunder", "Brave Heart", "Runs After", "Kills Enemy", "Spotted Elk", "Boudreaux",
            "Thibodeaux", "Fontenot", "Guidry", "Hebert", "LeBlanc", "Arceneaux", "Broussard", "Doucet",
            "Landry", "Slone", "Sizemore", "Combs", "Caudill", "Hensley", "Mullins", "Triplett", "Begley",
            "Hatfield", "McCoy", "Kahananui", "Kealoha", "Kamakana", "Fonoti", "Tuiasosopo", "Salave'a",
            "Langidrik", "Jibas", "Nanalook", "Oomittuk", "Kanayurak", "Ahgeak", "Chiklak", "Ulroan",
            "Trujillo", "Vigil", "Maestas", "Archuleta", "Garza-Peña", "de los Santos", "Villarreal",
            "Hope", "Rich", "May", "Bill", "Early", "Wise", "Goodnight", "Moody", "Gay", "Cash", "Sweet",
            "Love", "Strong", "Short", "Little", "Young", "Bell", "Field", "Hill", "Wood"]

# Facility stems, written as real clinicians would name them (invented or generic).
FACILITY_KINDS = [
    "{t} Regional Medical Center", "{t} Community Hospital", "{t} Indian Health Center",
    "{t} Health Clinic", "{t} Family Medicine", "{t} Rural Health Clinic", "{t} Nursing and Rehab",
    "{t} Manor Care Home", "{t} Elementary School", "{t} High School", "{t} Dialysis",
    "{t} Senior Center", "{t} Pharmacy", "{t} Volunteer Fire Dept", "{t} Detention Center",
    "{t} Baptist Church", "{t} Head Start", "{t} Tribal Health Center", "{t} Home Health",
    "{t} Funeral Home", "{t} Treatment Center", "{t} Sub-Regional Clinic",
]
FACILITY_FIXED = [
    "Yukon-Kuskokwim Delta Regional Hospital", "Maniilaq Health Center", "Samuel Simmonds Memorial Hospital",
    "Norton Sound Regional Hospital", "Chinle Comprehensive Health Care Facility", "Pine Ridge IHS Hospital",
    "Northern Navajo Medical Center", "Tséhootsooí Medical Center", "Molokai General Hospital",
    "Kahuku Medical Center", "Guam Memorial Hospital", "LBJ Tropical Medical Center",
    "Lallie Kemp Regional Medical Center", "Savoy Medical Center", "Leonard J. Chabert Medical Center",
    "Whitesburg ARH Hospital", "Buchanan General Hospital", "Welch Community Hospital",
    "Holy Cross Hospital Taos", "Starr County Memorial Hospital", "El Centro Regional Medical Center",
    "Dollar General #14422", "Walgreens #06218", "Piggly Wiggly", "Tractor Supply", "Tyson plant",
    "Love's Travel Stop #512", "Sonic Drive-In", "St. Jude Thaddeus Catholic Church",
    "Immanuel Lutheran School", "Crossroads Motel", "Rez Gas & Grocery",
]
