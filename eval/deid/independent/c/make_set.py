#!/usr/bin/env python3
"""Build held-out de-identification test set C (heldout.jsonl).

Stdlib only, deterministic (seed 71903). All passage shapes and value lists are
hand-written here. Carrier sentences come from the shared corpus (../shared/corpus/cases.jsonl
beside the repository).
"""
import json
import random
import re
import sys

SEED = 71903
CORPUS = str(__import__("pathlib").Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "cases.jsonl")
OUT = "heldout.jsonl"
N_PLANTED = 200
N_CLEAN = 100

rng = random.Random(SEED)

# --------------------------------------------------------------------------
# Value lists (hand-written)
# --------------------------------------------------------------------------
FIRST = """Hope Faith Bill Rose Grace Joy Summer Will Mark Art Sunny Dawn April May June Pat Sandy Rusty
Hunter Chase Destiny Precious Autumn Crystal Amber Ruby Pearl Iris Holly Ivy Jack Buck Bud Skip Penny
Misty Hazel Carol Frank Earl Royal Gene Opal Violet Daisy Clay Forrest Dale Lane Cliff Glen Sterling
Mercedes Harmony Liberty Justice Trinity Heaven Star Brooke River Sage Wren Robin Jay Lark Fern
Nguyet Thanh Minh Linh Huong Bao Chinonso Adaeze Oluwaseun Kwame Ama Kofi Abena Yaw Tariq Rania
Youssef Layla Omar Fatima Hamza Amina Yasmin Khalid Ayaan Hodan Abdirahman Fadumo Guadalupe Jesús
Xiomara Yesenia Marisol Alejandro Itzel Joaquín Dolores Consuelo Rosario Graciela Mei Xiaoling Wei
Jun Hyun-woo Ji-yeon Seo-yeon Hiroshi Keiko Haruto Yuki Priya Arjun Anjali Rohan Gurpreet Harjit
Sunita Deepak Lakshmi Olga Svetlana Dmitri Nikolai Katarzyna Wojciech Agnieszka Piotr Ingrid Sven
Astrid Siobhan Niamh Padraig Ciaran Aoife Eamon Bridget Mairead Colm Giuseppe Francesca Luca Chiara
Thiago Beatriz João Leilani Keoni Kalani Nizhoni Ahanu Winona Tallulah Cheyenne Dakota Shaquille
Latoya Deshawn Keisha Tyrone Jamal Aaliyah Imani Darnell Ebony Marquis Ezekiel Obadiah Jedediah
Hezekiah Zebulon Delbert Wilma Mabel Elmer Ethel Clarence Mildred Gertrude Homer Virgil Otis Alma
Bertha Wendell Lyle Merle Vernon Loretta Norma Bobbie Jo-Ellen Mary-Kate Anne-Marie Jean-Luc
Beau Tripp Chip Buddy Missy Sissy Bubba Junior Kit Dot Peg Nell""".split()

SURNAMES = """Price Wood Bell Graves Hunter Rose Fox Little Young King Small Moody Rich Strong Sharp
Hope Friend Savage Love Church Street Field Marsh Hill Brooks Winter Frost Sterling Gold Black
Nguyen Tran Pham Le Hoang Okafor Adeyemi Mensah Boateng Asante Haddad Khoury Al-Masri Abdullah
Hernández García-López Villanueva Castañeda Ortiz Ramírez Quintero Zúñiga Kowalski Nowak
Wiśniewski Yilmaz Öztürk Begay Yazzie Tsosie Kealoha Kahananui Nakamura Watanabe Takahashi Kim
Park Choi Chen Wang Zhao Liu Singh Patel Chaudhry Rahman Iyer Reddy Kapoor Gupta Banerjee Ivanova
Petrov Sokolov Schmidt Müller Becker Rossi Esposito Bianchi Silva Santos Oliveira Abdi Warsame
Hassan Osman Mohamud Yusuf Dubois Thibodeau Ouellette Cormier LaChance Boudreaux Fontenot
Broussard Hébert Pelletier Cohen Levi Goldberg Friedman Rosenbaum Jean-Baptiste Pierre-Louis
Smith-Jones Fitzgerald-Ward O'Connor O'Sullivan McAllister MacLeod McNamara Van Buren DeLuca
Mbeki Nwosu Eze Obi Diallo Traoré Ndiaye Kamara Okonkwo Achterberg Lindqvist Johansson Halvorsen
Bergstrom Nilsen Jankowski Dvořák Novak Horvath Szabo Papadopoulos Georgiou Kaya Demir Sarkisian
Hovhannisyan Tanaka Sato Ito Lopez Alvarado Espinoza Delgado Montoya Trujillo Sandoval Whitehorse
Runningwater Two Bulls Lone Wolf Standing Elk Harjo Chee Ahmadi Karimi Hosseini Mansour Farah
Sullivan Murphy Doyle Kowalczyk Stokes Pruitt Tidwell Crabtree Hatfield McCoy Swearingen Lusk
Bachmann Yoder Stoltzfus Beiler Hostetler Zook Esh Fisher Lapp Kauffman""".split()
# multi-word surnames joined above by accident of split; fix the few intended ones
SURNAMES = [s for s in SURNAMES if s not in ("Two", "Bulls", "Lone", "Wolf", "Standing", "Elk", "Van", "Buren")]
SURNAMES += ["Two Bulls", "Lone Wolf", "Standing Elk", "Van Buren", "de la Cruz", "Van der Berg",
             "St. Pierre", "Da Silva", "dos Santos", "Ben-David", "Abu-Ghazaleh", "Ní Bhriain"]

NICK = {"William": "Billy", "Robert": "Bobby", "Margaret": "Peggy", "Elizabeth": "Betsy",
        "Richard": "Dick", "Katherine": "Kitty", "Theodore": "Teddy", "Patricia": "Trish",
        "Alexander": "Sasha", "Francisco": "Paco", "José": "Pepe", "Guillermo": "Memo",
        "Dolores": "Lola", "Rebecca": "Becky", "Charles": "Chuck", "Edward": "Ned"}

TOWNS = """Millbrook|Pine Hollow|Little Sorrow|Bramblecrest|Gorham Flats|East Corinth|Wells River|
Bradford|Island Pond|Lunenburg|Guildhall|Canaan|Beecher Falls|Colebrook|Errol|Berlin|Gorham|
Lancaster|Whitefield|Lisbon|Woodsville|Haverhill|Piermont|Orford|Lyme|Enfield|Canaan Center|
Grafton|Chester|Saxtons River|Bellows Falls|Walpole|Alstead|Marlow|Stoddard|Antrim|Bennington|
Hoosick Falls|Cambridge|Greenwich|Whitehall|Granville|Poultney|Fair Haven|Castleton|Brandon|
Pittsford|Proctor|Ludlow|Cavendish|Springfield|Windsor|Hartland|Quechee|Barnard|Bethel|Rochester|
Hancock|Granville Gulf|Warren|Waitsfield|Moretown|Duxbury|Waterbury Center|Stowe|Morrisville|
Hyde Park|Eden Mills|Lowell|Troy|North Troy|Jay|Richford|Enosburg Falls|Swanton|Alburgh|
Isle La Motte|Plattsburgh|Chazy|Malone|Saranac Lake|Tupper Lake|Star Lake|Cranberry Lake|Harrisville|
Ogdensburg|Massena|Hogansburg|Akwesasne|Presque Isle|Caribou|Fort Kent|Madawaska|Van Buren|Houlton|
Millinocket|Dover-Foxcroft|Guilford|Skowhegan|Farmington|Rumford|Bethel Hill|Bingham|Jackman|
Eagle Pass|Marfa|Alpine|Presidio|Van Horn|Chinle|Kayenta|Tuba City|Ganado|Shiprock|Crownpoint|
Gallup|Window Rock|Pine Ridge|Wounded Knee|Kyle|Eagle Butte|Lame Deer|Browning|Hazard|Hindman|
Whitesburg|Pikeville|Paintsville|Inez|Booneville|Beattyville|Hyden|McKee|Harlan|Cumberland|
Welch|War|Gary|Iaeger|Pineville|Oceana|Hinton|Alderson|Marlinton|Belzoni|Yazoo City|Tchula|
Lexington|Greenwood|Clarksdale|Tunica|Marvell|Helena|Lake Village|Eudora|Tallulah|Ferriday|
Vidalia|Sugar Run|Hollis Crossing|Dry Fork|Coalwood|Redbud Hollow|Possum Trot|Shady Grove|
Cedar Bluff|Tin Cup|Oxbow Bend|Halfway|Sweetwater Junction|North Pembroke|Wicklow Corners|
Kettle Falls|Republic|Omak|Okanogan|Twisp|Winthrop|Nespelem|Inchelium|Toppenish|Wapato|Lapwai|
Kamiah|Orofino|Grangeville|Riggins|Hoonah|Kake|Bethel|Dillingham|Nome|Kotzebue|Utqiagvik|
Hilo|Pahoa|Naalehu|Waimea|Hana|Molokai|Lanai City""".replace("\n", "").split("|")
TOWNS = [t.strip() for t in TOWNS if t.strip()]
COUNTIES = """Essex|Orleans|Caledonia|Coos|Grafton|Sullivan|Washington|Lamoille|Franklin|Grand Isle|
Clinton|St. Lawrence|Aroostook|Piscataquis|Somerset|Oxford|Apache|Navajo|McKinley|San Juan|
Oglala Lakota|Ziebach|Knott|Letcher|Perry|Leslie|Owsley|Clay|McDowell|Wyoming|Humphreys|Holmes|
Tunica|Phillips|Chicot|Madison|Tensas|Presidio|Brewster|Okanogan|Ferry|Nez Perce|Idaho|Kusilvak|
Hawaii""".replace("\n", "").split("|")
NEIGHBORHOODS = ["the Flats", "South Hill", "Over-the-Rhine", "Little Haiti", "the Ironbound",
                 "Frogtown", "Five Points", "the North End", "Hilltop", "Mill Village", "Swede Hollow",
                 "Chinatown", "Riverside Terrace", "Dogpatch"]
STATES = [("Vermont", "VT"), ("New Hampshire", "NH"), ("Maine", "ME"), ("New York", "NY"),
          ("Kentucky", "KY"), ("West Virginia", "WV"), ("Mississippi", "MS"), ("Arizona", "AZ"),
          ("New Mexico", "NM"), ("South Dakota", "SD"), ("Montana", "MT"), ("Washington", "WA"),
          ("Idaho", "ID"), ("Alaska", "AK"), ("Hawaii", "HI"), ("Texas", "TX"), ("Arkansas", "AR"),
          ("Louisiana", "LA"), ("Ohio", "OH"), ("Oregon", "OR")]

STREET_NAMES = """Old Mill|Maple|Elm|Church|Depot|Railroad|River|Pleasant|Pine|Cedar|Main|Chestnut|
Spring|Water|Bridge|Mountain View|Quarry|Schoolhouse|Pumpkin Hill|Sugarhouse|Cobble Hill|Gravel Pit|
Tannery|Fairgrounds|Martin Luther King Jr.|Cesar Chavez|Reservation|Coal Camp|Hollow|Bayou|Levee|
Cottonwood|Mesquite|Saguaro|Kamehameha|Aloha|Harbor|Lighthouse|Ferry|Canal|Orchard|Vineyard|
Blueberry|Moose|Bear Creek|Beaver Pond|Loon Lake|Kingfisher|Cardinal|Jefferson|Lincoln|
Washington|Franklin|Hamilton|Prospect|Union|Liberty|Summit|County Road|Town Farm|Poor Farm|
Dump|Cemetery|Parsonage|Meetinghouse|Covered Bridge""".replace("\n", "").split("|")
STREET_SUFFIX = ["St", "St.", "Street", "Rd", "Rd.", "Road", "Ave", "Ave.", "Avenue", "Ln", "Lane",
                 "Dr", "Drive", "Ct", "Court", "Cir", "Circle", "Blvd", "Way", "Pike", "Hwy",
                 "Highway", "Tpke", "Terrace", "Ter", "Pl", "Place", "Trail", "Trl", "Loop", "Ext",
                 "Spur", "Row", "Alley", "Crossing", "Xing", "Hollow Rd", "Branch Rd"]
DIRS = ["", "", "", "N ", "S ", "E ", "W ", "North ", "South ", "NE ", "SW ", "Old ", "Upper ", "Lower "]
UNITS = ["Apt 3B", "Apt. 12", "Unit 4", "#2", "Apt #210", "Lot 17", "Trlr 9", "Suite 200", "Fl 2",
         "Rm 6", "Bldg C Apt 14", "Unit 1-R", "Space 44", "Basement Apt"]

HOSP_PAT = ["{T} Regional Medical Center", "{T} Memorial Hospital", "{T} Community Hospital",
            "North Country Hospital", "Little Rivers Health Care", "St. Brigid's Hospital",
            "Our Lady of the Lakes Hospital", "Mercy Hospital of {T}", "{T} Indian Health Center",
            "{T} Critical Access Hospital", "Appalachian Regional Hospital at {T}",
            "Good Samaritan Medical Center", "Holy Cross Hospital", "{T} Valley Hospital",
            "Northern Navajo Medical Center", "Providence {T} Hospital", "Kaiser {T}",
            "Cottage Hospital", "Gifford Medical Center", "Copley Hospital"]
CLINIC_PAT = ["{T} Family Practice", "{T} Health Center", "{T} Free Clinic",
              "Northern Tier Community Health", "Riverbend Pediatrics", "{T} Rural Health Clinic",
              "Mountain Laurel Primary Care", "{T} Dialysis Center", "Blue Heron Behavioral Health",
              "Tri-County Recovery Services", "{T} Suboxone Clinic", "{T} Women's Health",
              "Hope Street Clinic", "Faith Community Health Center", "{T} Urgent Care"]
NH_PAT = ["{T} Health & Rehabilitation", "Maple Ridge Nursing Home", "The Pines at {T}",
          "Sunrise Manor", "{T} Assisted Living", "Evergreen Gardens Skilled Nursing",
          "Crestview Care Center", "Green Mountain Manor", "Rosewood Senior Living",
          "Harbor House Hospice"]
SCHOOL_PAT = ["{T} Elementary School", "{T} Union High School", "{T} Middle School",
              "Lakeview Academy", "St. Anne's School", "{T} Head Start", "Riverside Day Care",
              "{T} Community College", "Bright Horizons of {T}"]
CHURCH_PAT = ["First Baptist Church of {T}", "St. Mary's Catholic Church", "{T} Congregational Church",
              "Greater New Hope Missionary Baptist Church", "Bethel AME Church", "Kingdom Hall of Jehovah's Witnesses",
              "Masjid Al-Noor", "Temple Beth Shalom", "Holy Trinity Greek Orthodox Church"]
EMPLOYER_PAT = ["Hillside Dairy", "{T} Lumber", "Casella Waste", "Tyson Foods",
                "Walmart Distribution Center", "Dollar General", "{T} Fire Department",
                "Green Acres Feed & Seed", "Peabody mine", "Blue Ridge Poultry", "{T} Paper Mill",
                "Cabot Creamery", "Ben & Jerry's", "Dunkin'", "Cracker Barrel", "Tractor Supply",
                "{T} Police Department", "Pilgrim's Pride", "Rite Way Trucking"]
SHELTER_PAT = ["Good Shepherd Shelter", "{T} Warming Shelter", "Salvation Army",
               "Safe Harbor House", "Covenant House", "Mission of Hope"]
PHARM_PAT = ["Kinney Drugs", "{T} Pharmacy", "Rite Aid", "Walgreens", "CVS",
             "Hannaford Pharmacy", "Discount Drug Mart", "{T} Apothecary", "Family Fare Pharmacy",
             "Express Scripts", "Optum Rx", "Cost Plus Drugs"]
JAIL_PAT = ["{T} Regional Correctional Facility", "Northern State Correctional Facility",
            "{T} Detention Center", "Two Rivers Correctional Institution", "{T} Juvenile Detention Center"]
FAC_KINDS = {"jail": JAIL_PAT, "hosp": HOSP_PAT, "clinic": CLINIC_PAT, "nh": NH_PAT, "school": SCHOOL_PAT,
             "church": CHURCH_PAT, "employer": EMPLOYER_PAT, "shelter": SHELTER_PAT,
             "pharm": PHARM_PAT}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
ORD_W = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
         "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
         "twenty-eighth"]
UNITS_W = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
AREA = ["802", "603", "207", "518", "315", "606", "304", "662", "928", "505", "605", "406", "509",
        "208", "907", "808", "432", "870", "318", "740", "541", "276", "423", "575"]
EMAIL_DOM = ["gmail.com", "yahoo.com", "hotmail.com", "aol.com", "outlook.com", "icloud.com",
             "comcast.net", "myfairpoint.net", "frontier.com", "protonmail.com", "att.net"]
ORG_DOM = ["nchsi.org", "littlerivers.org", "nnmc.ihs.gov", "arh.org", "gifford.org",
           "tricountyrecovery.org", "valleyhealthcare.net", "pinehollowfp.com", "k12.vt.us"]


def ch(seq):
    return rng.choice(seq)


# --------------------------------------------------------------------------
# Identifier generators: each returns a list of (text, CATEGORY or None)
# --------------------------------------------------------------------------
def town():
    return ch(TOWNS)


def fac_name(kind=None):
    kind = kind or ch(list(FAC_KINDS))
    return ch(FAC_KINDS[kind]).replace("{T}", town())


def g_first():
    return [(ch(FIRST), "NAME")]


def g_last():
    return [(ch(SURNAMES), "NAME")]


def g_full():
    r = rng.random()
    if r < 0.12:
        return [(f"{ch(FIRST)} {ch(FIRST)[0]}. {ch(SURNAMES)}", "NAME")]
    if r < 0.2:
        return [(f"{ch(FIRST)} {ch(SURNAMES)}-{ch(SURNAMES)}", "NAME")]
    if r < 0.26:
        formal = ch(list(NICK))
        return [(f'{formal} "{NICK[formal]}" {ch(SURNAMES)}', "NAME")]
    if r < 0.3:
        return [(f"{ch(FIRST)} {ch(SURNAMES)} Jr.", "NAME")]
    return [(f"{ch(FIRST)} {ch(SURNAMES)}", "NAME")]


def g_lastfirst():
    return [(f"{ch(SURNAMES).upper()}, {ch(FIRST).upper()}", "NAME")] if rng.random() < .5 else \
        [(f"{ch(SURNAMES)}, {ch(FIRST)}", "NAME")]


def g_lower():
    return [(f"{ch(FIRST)} {ch(SURNAMES)}".lower(), "NAME")]


def g_init():
    f, l = ch(FIRST), ch(SURNAMES)
    return [(ch([f"{f[0]}.{l[0]}.", f"{f[0]}{l[0]}", f"{f[0]}. {l}", f"{f} {l[0]}."]), "NAME")]


def g_nick():
    formal = ch(list(NICK))
    return [(NICK[formal], "NAME")]


def g_title():
    return [(ch(["Dr.", "Dr", "Ms.", "Mr.", "Mrs.", "Miss", "Nurse", "NP", "Rev.", "Sgt.", "Officer"]), None)]


def g_dr():
    return [(ch(["Dr.", "Dr", "Doctor"]), None), (" ", None), (ch(SURNAMES), "NAME")]


def g_staff():
    cred = ch([", RN", ", MD", ", DO", ", NP", ", PA-C", ", LCSW", ", MSW", ", CHW", ", PharmD", ", LPN", ""])
    return [(f"{ch(FIRST)} {ch(SURNAMES)}", "NAME"), (cred, None)]


def fmt_date(y, m, d, style=None):
    styles = ["m/d/yyyy", "mm/dd/yyyy", "m/d/yy", "iso", "Month d, yyyy", "Mon d yyyy",
              "d Month yyyy", "d-Mon-yyyy", "ddMONyyyy", "Month dth", "the dth of Month",
              "m/d", "m-d", "Mon. d", "Month yyyy", "m/yyyy", "Weekday, Month d", "yyyymmdd",
              "Month ordinal", "mm.dd.yyyy", "Mon-yy", "d/Mon", "MONTH D YYYY", "m-d-yy",
              "Month d", "dth"]
    s = style or ch(styles)
    M = MONTHS[m - 1]
    th = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
    wd = ch(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    return {
        "m/d/yyyy": f"{m}/{d}/{y}", "mm/dd/yyyy": f"{m:02d}/{d:02d}/{y}", "m/d/yy": f"{m}/{d}/{y % 100:02d}",
        "iso": f"{y}-{m:02d}-{d:02d}", "Month d, yyyy": f"{M} {d}, {y}", "Mon d yyyy": f"{M[:3]} {d} {y}",
        "d Month yyyy": f"{d} {M} {y}", "d-Mon-yyyy": f"{d}-{M[:3]}-{y}",
        "ddMONyyyy": f"{d:02d}{M[:3].upper()}{y}", "Month dth": f"{M} {d}{th}",
        "the dth of Month": f"the {ORD_W[d - 1]} of {M}", "m/d": f"{m}/{d}", "m-d": f"{m}-{d}",
        "Mon. d": f"{M[:3]}. {d}", "Month yyyy": f"{M} {y}", "m/yyyy": f"{m}/{y}",
        "Weekday, Month d": f"{wd}, {M} {d}", "yyyymmdd": f"{y}{m:02d}{d:02d}",
        "Month ordinal": f"{M} {ORD_W[d - 1]}", "mm.dd.yyyy": f"{m:02d}.{d:02d}.{y}",
        "Mon-yy": f"{M[:3]}-{y % 100:02d}", "d/Mon": f"{d}/{M[:3]}", "MONTH D YYYY": f"{M.upper()} {d} {y}",
        "m-d-yy": f"{m}-{d}-{y % 100:02d}", "Month d": f"{M} {d}", "dth": f"the {d}{th}",
    }[s]


def rdate(y0=2023, y1=2026):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def date_segs(v):
    if v.startswith("the "):
        return [("the ", None), (v[4:], "DATE")]
    if ", " in v and v.split(", ")[0].endswith("day"):
        w, rest = v.split(", ", 1)
        return [(w + ", ", None), (rest, "DATE")]
    return [(v, "DATE")]


def g_date():
    return date_segs(fmt_date(*rdate()))


def g_pdate():
    y, m, d = rdate()
    return date_segs(fmt_date(y, m, d, ch(["m/d", "m-d", "Mon. d", "Month dth", "Month d", "d/Mon",
                                   "the dth of Month", "Weekday, Month d", "dth", "Month yyyy"])))


def g_dob():
    y, m, d = rdate(1925, 2022)
    return [(fmt_date(y, m, d, ch(["m/d/yyyy", "mm/dd/yyyy", "iso", "Month d, yyyy", "d-Mon-yyyy",
                                   "ddMONyyyy", "mm.dd.yyyy", "m/d/yy", "yyyymmdd", "MONTH D YYYY"])), "DATE")]


def g_olddob():
    y, m, d = rdate(1918, 1934)
    return [(fmt_date(y, m, d, ch(["m/d/yyyy", "Month d, yyyy", "iso", "mm/dd/yyyy"])), "DATE")]


def age_words(n):
    tens = {9: "ninety", 10: "one hundred"}
    if n < 100:
        return "ninety" + ("-" + UNITS_W[n - 90] if n > 90 else "")
    rest = n - 100
    return "one hundred" + (ch([" and ", " "]) + UNITS_W[rest] if rest else "")


def g_age():
    n = rng.randint(90, 107)
    if rng.random() < 0.3:
        w = age_words(n)
        return [(w.capitalize() if rng.random() < .2 else w, "AGE"), (ch(["-year-old", " years old", " year old", "-year-old"]), None)]
    suf = ch(["-year-old", " yo", "yo", " y/o", " years old", "-yr-old", " yr old", "F", " M", "-y.o."])
    return [(str(n), "AGE"), (suf, None)]


def g_agebare():
    n = rng.randint(90, 106)
    return [(ch([str(n), age_words(n)]), "AGE")]


def phone_num(split=False):
    a, e, s = ch(AREA), rng.randint(200, 989), rng.randint(0, 9999)
    st = ch(["({a}) {e}-{s}", "{a}-{e}-{s}", "{a}.{e}.{s}", "{a}{e}{s}", "+1 {a} {e} {s}",
             "1-{a}-{e}-{s}", "+1 ({a}) {e}-{s}", "{a} {e} {s}", "({a}){e}-{s}", "+1-{a}-{e}-{s}",
             "{e}-{s}"])
    t = st.format(a=a, e=e, s=f"{s:04d}")
    if split and "-" in t:
        i = t.rfind("-")
        t = t[:i + 1] + "\n" + t[i + 1:]
    return t


def g_phone():
    t = phone_num()
    if rng.random() < 0.25:
        t += ch([f" ext. {rng.randint(10, 9999)}", f" x{rng.randint(100, 999)}", f" ext {rng.randint(2, 99)}"])
    return [(t, "PHONE")]


def g_phonesplit():
    return [(phone_num(split=True), "PHONE")]


def g_fax():
    return [(phone_num(), "FAX")]


def g_email():
    f, l = ch(FIRST).lower().replace("-", ""), ch(SURNAMES).lower().replace(" ", "").replace("'", "")
    import unicodedata
    f = unicodedata.normalize("NFKD", f).encode("ascii", "ignore").decode()
    l = unicodedata.normalize("NFKD", l).encode("ascii", "ignore").decode().replace(".", "")
    local = ch([f"{f}.{l}", f"{f[0]}{l}{rng.randint(1, 99)}", f"{l}_{f}", f"{f}{l[0]}{rng.randint(1950, 2010)}",
                f"{f}.{l}{rng.randint(1, 9)}", f"{l}fam", f"{f}loves{ch(['horses', 'jesus', 'nascar', 'cats'])}"])
    dom = ch(EMAIL_DOM) if rng.random() < .7 else ch(ORG_DOM)
    return [(f"{local}@{dom}", "EMAIL")]


def g_url():
    f, l = ch(FIRST).lower(), ch(SURNAMES).lower().replace(" ", "").replace("'", "")
    import unicodedata
    f = unicodedata.normalize("NFKD", f).encode("ascii", "ignore").decode().replace("-", "")
    l = unicodedata.normalize("NFKD", l).encode("ascii", "ignore").decode().replace(".", "")
    tok = "".join(ch("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))
    u = ch([
        f"https://mychart.{ch(['nchsi', 'arh', 'littlerivers', 'gifford', 'valleyhealth'])}.org/MyChart/Messaging?msgid={tok}",
        f"https://portal.{ch(['pinehollowfp', 'tricounty', 'nnmc'])}.com/patient/{rng.randint(100000, 999999)}",
        f"www.facebook.com/{f}.{l}.{rng.randint(1, 99)}",
        f"https://www.instagram.com/{f}_{l}/",
        f"tiktok.com/@{f}{l}{rng.randint(1, 99)}",
        f"https://www.caringbridge.org/visit/{f}{l}",
        f"https://www.gofundme.com/f/help-{f}-{l}-with-medical-bills",
        f"https://x.com/{f}{l[:4]}",
        f"https://www.linkedin.com/in/{f}-{l}-{tok[:5]}",
        f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}?pwd={tok}",
        f"http://{l}family.blogspot.com",
        f"https://www.legacy.com/us/obituaries/name/{f}-{l}-obituary?id={rng.randint(10**7, 10**8)}",
    ])
    return [(u, "URL")]


def g_handle():
    f, l = ch(FIRST).lower(), ch(SURNAMES).lower()
    import unicodedata
    f = unicodedata.normalize("NFKD", f).encode("ascii", "ignore").decode().replace("-", "")
    l = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", l).encode("ascii", "ignore").decode())
    return [(ch([f"@{f}_{l}{rng.randint(1, 99)}", f"@{f}.{l[:3]}", f"@{l}{f[0]}{rng.randint(80, 99)}",
                 f"@the_real_{f}"]), "URL")]


def g_ip():
    if rng.random() < 0.7:
        ip = ch([f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                 f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                 f"{rng.randint(23, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                 f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"])
    else:
        gs = [f"{rng.randint(0, 65535):x}" for _ in range(8)]
        gs[0] = ch(["2001", "2600", "2607", "fe80", "2603"])
        ip = ":".join(gs) if rng.random() < .5 else ":".join(gs[:3]) + "::" + ":".join(gs[6:])
    return [(ip, "IP")]


def ssn_val():
    a = rng.randint(1, 899)
    while a == 666:
        a = rng.randint(1, 899)
    return a, rng.randint(1, 99), rng.randint(1, 9999)


def g_ssn():
    a, g, s = ssn_val()
    return [(ch([f"{a:03d}-{g:02d}-{s:04d}", f"{a:03d} {g:02d} {s:04d}", f"{a:03d}{g:02d}{s:04d}",
                 f"{a:03d}-{g:02d}-\n{s:04d}"]), "SSN")]


def digits(n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def letters(n, pool="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(ch(pool) for _ in range(n))


def g_mrn():
    return [(ch([digits(8), "00" + digits(6), f"{digits(3)}-{digits(3)}-{digits(3)}", "E" + digits(7),
                 f"{letters(2)}{digits(6)}", f"{digits(2)}-{digits(5)}", "M" + digits(9),
                 f"{digits(7)}-{digits(1)}", digits(6), f"IHS-{digits(6)}", f"H{digits(4)} {digits(3)}"]), "MRN")]


def g_acct():
    return [(ch([f"{digits(2)}-{digits(5)}-{digits(1)}", "A" + digits(9), f"{letters(3)}{digits(9)}",
                 f"POL-{digits(4)}-{digits(5)}", f"GRP {digits(7)}", digits(10), f"{digits(4)} {digits(4)} {digits(4)}",
                 f"{letters(2)}{digits(8)}", f"W{digits(8)}-{digits(2)}", f"1EG4-TE5-MK{digits(2)}",
                 f"{digits(9)}A", f"ZGP{digits(9)}"]), "ACCOUNT")]


def luhn_digit(payload):
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def npi():
    base = ch("12") + digits(8)
    return base + str(luhn_digit("80840" + base))


def dea(surname=None):
    l1 = ch("ABFGMPR")
    l2 = (surname or ch(SURNAMES))[0].upper()
    if not l2.isalpha() or l2 not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        l2 = "X"
    d = [rng.randint(0, 9) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return f"{l1}{l2}{''.join(map(str, d))}{c}"


def g_npi():
    return [(npi(), "LICENSE")]


def g_dea():
    return [(dea(), "LICENSE")]


def g_lic():
    return [(ch([f"MD.{digits(7)}", f"RN{digits(6)}", f"{digits(3)}-{digits(7)}", f"042.{digits(7)}",
                 f"LCSW-{digits(5)}", f"PA{digits(5)}", f"NP{digits(6)}", f"{letters(1)}{digits(5)}",
                 f"DO {digits(5)}", f"APRN.{digits(7)}"]), "LICENSE")]


def g_dl():
    return [(ch([f"{letters(1)}{digits(3)}-{digits(4)}-{digits(4)}", digits(8), f"{letters(1)}{digits(7)}",
                 f"{digits(3)} {digits(3)} {digits(3)}", f"{letters(2)}{digits(6)}{letters(1)}"]), "LICENSE")]


def g_cert():
    return [(ch([f"{rng.randint(2023, 2026)}-{digits(6)}", f"DC-{digits(7)}", f"BC {digits(8)}",
                 f"{letters(2)}-{digits(5)}-{digits(2)}"]), "LICENSE")]


VIN_T = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7,
         "H": 8, "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4,
         "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin():
    pool = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    v = list(ch(["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "1GC", "4T1", "WBA", "1C6", "3GN"]))
    v += [ch(pool) for _ in range(5)] + ["0"] + [ch("FGHJKLMNPRST")] + [ch(pool)] + [str(rng.randint(0, 9)) for _ in range(6)]
    s = sum(VIN_T[c] * w for c, w in zip(v, VIN_W)) % 11
    v[8] = "X" if s == 10 else str(s)
    out = "".join(v)
    assert sum(VIN_T[c] * w for c, w in zip(out, VIN_W)) % 11 == (10 if out[8] == "X" else int(out[8]))
    return out


def g_vin():
    return [(vin(), "VEHICLE")]


def g_plate():
    return [(ch([f"{letters(3)} {digits(4)}", f"{digits(1)}{letters(3)}{digits(3)}", f"{letters(3)}-{digits(3)}",
                 f"{digits(3)} {letters(3)}", f"{letters(2)}{digits(5)}", f"{letters(4)}{digits(2)}"]), "VEHICLE")]


def gtin14():
    p = ch("0123") + digits(12)
    tot = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(p)))
    return p + str((10 - tot % 10) % 10)


def g_udi():
    y, m, d = rdate(2026, 2030)
    lot = letters(1) + digits(rng.randint(4, 7))
    sn = ch(["", f"(21){digits(rng.randint(6, 10))}", f"(21)SN{digits(6)}"])
    return [(ch([f"(01){gtin14()}(17){y % 100:02d}{m:02d}{d:02d}(10){lot}{sn}",
                 f"(01){gtin14()}(11){y % 100 - 3:02d}{m:02d}{d:02d}(21){digits(8)}",
                 f"01{gtin14()}17{y % 100:02d}{m:02d}{d:02d}10{lot}"]), "DEVICE")]


def g_serial():
    return [(ch([f"{letters(3)}{digits(6)}{letters(1)}", f"SN{digits(8)}", f"{digits(4)}-{digits(4)}-{letters(2)}",
                 f"{letters(2)}{digits(3)}{letters(1)}{digits(4)}", f"{digits(2)}{letters(1)}{digits(7)}",
                 f"PJN{digits(6)}H", f"RNL{digits(6)}"]), "DEVICE")]


def street_line():
    num = ch([str(rng.randint(1, 99)), str(rng.randint(100, 9999)), str(rng.randint(10000, 99999)),
              f"{rng.randint(1, 400)}{ch('AB')}", f"{rng.randint(1, 30)}-{rng.randint(1, 9)}"])
    return f"{num} {ch(DIRS)}{ch(STREET_NAMES)} {ch(STREET_SUFFIX)}"


def g_street():
    s = street_line()
    if rng.random() < 0.35:
        s += ch([", ", " ", ", "]) + ch(UNITS)
    return [(s, "ADDRESS")]


def g_street_nounit():
    return [(street_line(), "ADDRESS")]


def g_unit():
    return [(ch(UNITS), "ADDRESS")]


def g_pobox():
    return [(ch([f"PO Box {rng.randint(1, 9999)}", f"P.O. Box {rng.randint(1, 999)}", f"Box {rng.randint(1, 999)}",
                 f"POB {rng.randint(1, 999)}", f"RR {rng.randint(1, 9)} Box {rng.randint(1, 999)}",
                 f"Rural Route {rng.randint(1, 6)}, Box {rng.randint(10, 500)}",
                 f"HC {rng.randint(60, 89)} Box {rng.randint(1, 999)}"]), "ADDRESS")]


def g_town():
    return [(town(), "LOCATION")]


def g_county():
    return [(ch(COUNTIES) + ch([" County", " County", " Co.", " county", " Parish" if rng.random() < .2 else " County",
                                " Borough" if rng.random() < .1 else " County"]), "LOCATION")]


def g_hood():
    return [(ch(NEIGHBORHOODS), "LOCATION")]


def g_state():
    s = ch(STATES)
    return [(s[0] if rng.random() < .5 else s[1], None)]


def g_stab():
    return [(ch(STATES)[1], None)]


def zipc():
    return ch([f"{rng.randint(501, 99950):05d}", f"{rng.randint(501, 99950):05d}-{rng.randint(1, 9999):04d}"])


def g_zip():
    return [(zipc(), "ZIP")]


def g_addr():
    """street, town, ST zip  (state unlabelled)."""
    st = ch(STATES)[1]
    sep = ch([", ", "\n", "  ", ", "])
    return g_street() + [(sep, None)] + g_town() + [(ch([", ", " ", ", "]) + st + " ", None)] + g_zip()


def g_addr_caps():
    segs = g_addr()
    return [(t.upper(), c) for t, c in segs]


def g_fac(kind=None):
    return lambda: [(fac_name(kind), "FACILITY")]


GEN = {
    "first": g_first, "last": g_last, "full": g_full, "lastfirst": g_lastfirst, "lower": g_lower,
    "init": g_init, "nick": g_nick, "title": g_title, "dr": g_dr, "staff": g_staff,
    "date": g_date, "pdate": g_pdate, "dob": g_dob, "olddob": g_olddob, "age": g_age, "agebare": g_agebare,
    "phone": g_phone, "phonesplit": g_phonesplit, "fax": g_fax, "email": g_email, "url": g_url,
    "handle": g_handle, "ip": g_ip, "ssn": g_ssn, "mrn": g_mrn, "acct": g_acct, "npi": g_npi,
    "dea": g_dea, "lic": g_lic, "dl": g_dl, "cert": g_cert, "vin": g_vin, "plate": g_plate,
    "udi": g_udi, "serial": g_serial, "street": g_street, "streetnu": g_street_nounit, "unit": g_unit,
    "pobox": g_pobox, "town": g_town, "county": g_county, "hood": g_hood, "state": g_state,
    "stab": g_stab, "zip": g_zip, "addr": g_addr, "addrcaps": g_addr_caps,
    "fac": g_fac(), **{k: g_fac(k) for k in FAC_KINDS},
}

# --------------------------------------------------------------------------
# Identifier-bearing passage shapes. {kind} or {kind|U} (upper) / {kind|L} (lower).
# {c} = carrier sentence(s) from the corpus; if absent the carrier is prepended.
# --------------------------------------------------------------------------
SHAPES = [
# 1 conversational ECHO presentation
"Hi everyone, thanks for taking my case. This is a {age} woman I see at {clinic} up in {town}. {c} Her daughter {first} drives her in from {county} every couple of weeks and is pretty worried.",
# 2
"so this gentleman is {agebare}, still splits his own wood if you can believe it. lives alone out on {streetnu} past the {employer}. {c} last visit was {pdate} and his niece {full} called me after.",
# 3 question to specialist
"Question for the panel: my patient ({init}) was discharged from {hosp} on {date} with new afib. {c} Should I keep the apixaban going? Cardiology there was {dr}, phone {phone}.",
# 4 recommendations
"RECOMMENDATIONS FOR {full|U}\n1. {c}\n2. Recheck labs at {clinic} in two weeks.\n3. Call {dr} at {phone} with results.\n4. Follow up ECHO session {pdate}.",
# 5 registration header
"PATIENT: {lastfirst}\nDOB: {dob}\nMRN: {mrn}\nADDRESS: {addr}\nHOME PH: {phone}\nPCP: {staff}\n\n{c}",
# 6 letter
"{hosp}\n{street}\n{town}, {stab} {zip}\n\n{date}\n\nRe: {full}\nDOB {dob}\n\nDear {dr},\n{c} Thank you for allowing me to participate in her care.",
# 7 patient portal message
"From: {email}\nSent: {date} 9:14 PM\nSubject: question about my meds\n\nhi its {first} again. {c} can someone call me back at {phone} i work at {employer} till 5",
# 8 text messages pasted in
"[text from daughter {phone}] mom fell again this am, shes at {nh} now\n[reply] thanks {first}, I will call {dr}\n{c}",
# 9 voicemail transcription
"Voicemail transcription ({date}): \"Hi this is {full} calling about my dad, he's {agebare} and his birthday is {pdate}, um, could you call me back at {phonesplit}, thanks.\" {c}",
# 10 transfer note
"TRANSFER NOTE\nTransferred from {hosp} to {hosp} on {date} via ground. Accepting: {dr}. Sending RN {staff}. {c} Report called to {phone}.",
# 11 EMS run sheet
"EMS RUN SHEET  Unit Medic 7  Incident {date}\nScene: {street}, {town}\nPt {lastfirst}, age {agebare}\n{c}\nTransported to {hosp}. Crew: {staff}.",
# 12 police
"Per {title} {last} of the sheriff's office in {county}, the patient's car ({plate}, VIN {vin}) was found off {streetnu}. {c}",
# 13 pharmacy refill
"REFILL REQUEST from {pharm} (fax {fax})\nPatient: {full}  DOB {dob}\nRx: metformin 500 mg BID #180\nPrescriber NPI {npi}  DEA {dea}\n{c}",
# 14 prior auth letter
"To the utilization review team at {hosp}:\nI am writing on behalf of {full}, member ID {acct}, group {acct}, requesting prior authorization. {c} Please contact me at {phone} or by fax at {fax}.",
# 15 school nurse
"School nurse note, {school}: {first} {last} (grade 4) came to the office {pdate} with wheezing. {c} Mom ({full}) picked up at 1:40, cell {phone}.",
# 16 correctional health
"Correctional health intake, {jail}. Inmate {lastfirst}, booking #{acct}, DOC number {mrn}. {c} Prior records requested from {clinic}.",
# 17 lab requisition
"LAB REQUISITION\nPatient: {lastfirst}   DOB: {dob}   MRN {mrn}\nOrdering: {staff}  NPI {npi}\nCollected: {date} 07:30\nBill to: policy {acct}\n{c}",
# 18 radiology header
"EXAM: CT ABDOMEN/PELVIS W CONTRAST\nPATIENT: {lastfirst}  ACC#: {acct}\nDATE OF SERVICE: {date}\nREFERRING: {dr}\n{c}",
# 19 home health
"Home health visit {date}. Drove out to {addr}, dog in yard. {c} Pt's son {first} present. Next visit {pdate}.",
# 20 interpreter
"Interpreter note: {lang} interpreter {full} (ID {lic}) present by phone for the visit with {full}. {c}",
# 21 obituary-style family history
"Family history: father {full} died at {agebare} in {town}; mother {full} lived to {agebare} and was a teacher at {school}. {c}",
# 22 social work
"SW note: pt is staying at the {shelter} since {pdate}. {c} Case manager {staff} ({email}) is working on housing in {town}.",
# 23 pedigree
"Pedigree: proband {init} (II-3). Maternal aunt {first} (II-1) breast ca at 38. Maternal grandmother {full} (I-2), alive at {agebare}, lives in {town}. {c}",
# 24 timeline
"Timeline:\n- seen {pdate} for cough\n- again {pdate}, CXR at {hosp}\n- {pdate} started doxy\n{c}",
# 25 table
"| Name | DOB | MRN |\n|---|---|---|\n| {full} | {dob} | {mrn} |\n| {full} | {dob} | {mrn} |\n{c}",
# 26 bullet list of contacts
"Care team contacts:\n* PCP: {staff}, {clinic}, {phone}\n* Pharmacy: {pharm}, {phone}\n* Emergency contact: {full} (sister) {phone}\n{c}",
# 27 ALL CAPS header
"{hosp|U} DISCHARGE SUMMARY\nNAME: {full|U}   ADMIT: {date}   DISCH: {date}\n{c}",
# 28 typos, no punctuation
"pt {lower} came in w her husband {first} c/o sob x3d {c} lives on {streetnu} near the {church} pcp is dr {last}",
# 29 names that are common words
"{c} {cw} {last} was seen with her mother {cw} and her grandfather {cw} {last}, who is {age}. {cw} from {clinic} translated.",
# 30 identifiers in parentheses
"{c} Patient reports her previous doctor ({dr}, {clinic}, {phone}) stopped her gabapentin ({date}).",
# 31 no cue words
"{full} {dob} {mrn} {phone}\n{c}",
# 32 device
"Pacemaker interrogation {date}: Medtronic Azure XT DR MRI, serial {serial}, UDI {udi}. {c} Device clinic at {hosp}.",
# 33 insulin pump
"Her Omnipod 5 pod lot is fine but the controller serial {serial} keeps alarming. {c} Rep {full} gave us {phone}.",
# 34 ssn on form
"Disability form: Claimant {full}  SSN {ssn}  Employer {employer}  Last day worked {date}. {c}",
# 35 medicaid
"Medicaid ID {acct}, Medicare MBI {acct}. {c} Please bill secondary, policy {acct}, for the stay at {hosp}.",
# 36 network / telehealth log
"Telehealth session log: patient joined from IP {ip} at 14:02, provider from {ip}. Link {url}. {c}",
# 37 portal link
"Sent the patient her after-visit summary through the portal on {pdate}: {url} ; she replied from {email}. {c}",
# 38 social media
"{c} Her grandson posts updates at {url} and on instagram as {handle}; the family asked we not share it. Grandson is {first}.",
# 39 gofundme
"The family started a fundraiser ({url}) after the fire at {addr}. {c}",
# 40 driver licence
"ID verified: {stab} driver's license {dl}, exp {date}. {c} Name on ID: {lastfirst}.",
# 41 death certificate
"Death certificate #{cert} signed by {dr} on {date}; decedent {full}, age {agebare}, of {town}. {c}",
# 42 birth cert / newborn
"Newborn {last}, baby girl, born {date} at {hosp} to {full}. Birth certificate {cert}. {c}",
# 43 staff names in note
"{c} Discussed with charge nurse {staff} and pharmacist {staff}; {dr} agreed.",
# 44 multi-part surnames
"Patient: {multi}. Husband: {hyph}. {c} Both work at {employer}.",
# 45 nickname
"{c} Goes by {nick}. Her legal name on the insurance is {full}, member {acct}.",
# 46 initials only
"{c} Case discussed: {init}, {agebare} yo, nursing home resident at {nh} since {pdate}.",
# 47 split over line breaks
"Call back number: {phonesplit}\nSSN: {ssn}\n{c} Spoke with {full}.",
# 48 rural route
"Mailing address: {pobox}, {town}, {stab} {zip}. Physical address is {streetnu} (no mail delivery). {c}",
# 49 neighbourhood
"{c} She grew up in {hood} and moved to {town} after her husband {first} passed on {date}.",
# 50 county-level
"Public health from {county} notified us of the case on {date}. {c} Contact: {staff}, {phone}.",
# 51 employer exposure
"Occupational: works second shift at {employer} in {town} (supervisor {full}). {c}",
# 52 church
"{c} Her pastor, Rev. {full} of {church}, has been bringing meals. Church office {phone}.",
# 53 email thread
"-----Original Message-----\nFrom: {full} <{email}>\nTo: {email}\nDate: {date}\n{c}",
# 54 fax cover
"FAX COVER SHEET\nTo: {dr}  Fax: {fax}\nFrom: {clinic}  Phone: {phone}\nPages: 3\nRe: {full}\n{c}",
# 55 consult request
"Consult request: please see {full} ({age}) re: dementia with behaviors. {c} Daughter/POA {full} {phone}.",
# 56 vaccine record
"Vaccine given {date}, lot EK9231, site L deltoid, by {staff} at {pharm}. {c}",
# 57 wound care
"{c} Wound vac (serial {serial}) picked up from {fac} on {pdate} by son {first}.",
# 58 hospice
"Hospice admission at {nh} on {date}. Pt is {age}. {c} Hospice RN {staff} cell {phone}.",
# 59 CHW note
"CHW visit: met {first} at the {employer} parking lot since she can't have visitors at her place on {streetnu}. {c}",
# 60 question with email
"{c} Can someone on the panel email me the protocol? I'm at {email} — {full}, {clinic}.",
# 61 very old + DOB
"{full} (DOB {olddob}) is a {age} retired logger. {c}",
# 62 narrative with many names
"{c} At the bedside were her husband {full}, daughters {first} and {first}, and her brother-in-law {full}.",
# 63 specialist reply
"Reply from {dr} ({email}): {c} Happy to see him in clinic at {hosp}; my scheduler {first} is at {phone}.",
# 64 incarceration / probation
"{c} Probation officer {full} ({county}) requests records; fax {fax}.",
# 65 school with IEP
"IEP meeting {date} at {school}. Present: mother {full}, teacher {title} {last}, counselor {full}. {c}",
# 66 lowercase everything
"{c} spoke w/ {lower} on {pdate}, she says the {pharm} in {town} is out of ozempic",
# 67 caps registration
"PT NAME: {lastfirst}\nSEX: F  DOB: {dob}\nADDR: {addrcaps}\nINS: {acct}\n{c}",
# 68 emergency contact split address
"Emergency contact: {full}\n{street}\n{unit}\n{town} {zip}\n{c}",
# 69 transport / vehicle
"Non-emergency transport by {employer} van, plate {plate}. Driver {full}. {c}",
# 70 motor vehicle crash
"MVC: restrained driver of a pickup, VIN {vin}, plate {plate}, rollover on {streetnu} near {town} on {date}. {c}",
# 71 chart fragment with account
"Guarantor: {full}   Account #: {acct}   Phone: {phone}\n{c}",
# 72 discharge instructions
"{c} Follow up with {dr} at {clinic}, {street}, on {pdate}. Questions: {phone}.",
# 73 minimal cue mixed line
"{c}\n{first} {last} / {dob} / {town}",
# 74 inline nurse triage
"Triage call {date} 02:15. Caller {full} (wife). Pt is {age}, confused since last night. {c} Advised ED at {hosp}.",
# 75 genetic counselling letter
"Dear {first},\nIt was a pleasure meeting you and your sister {first} on {date}. {c}\nSincerely,\n{staff}\n{clinic}",
# 76 addiction med
"{c} Buprenorphine prescribed under DEA {dea}; {pharm} contact {phone}. PDMP checked {pdate}.",
# 77 licensing
"Supervising physician {full}, license {lic}, NPI {npi}. {c}",
# 78 IPv6 from device export
"Remote monitoring export: device {serial} last sync from {ip} on {date}. {c}",
# 79 interpreted family meeting
"{c} Family meeting with son {full} (Somali interpreter {full}) and imam {full} from {church}.",
# 80 lost to follow-up
"{c} Has not been seen since {pdate}; letter mailed to {pobox} {town} {stab} {zip} returned.",
# 81 Navajo / IHS
"Patient lives near {town} on the reservation, chapter house contact {full}. {c} Records from {hosp}, chart {mrn}.",
# 82 ALL CAPS conversational
"{c} PLS CALL {full|U} AT {phone} RE: HER DAD WHO IS {agebare} AND AT {nh|U}",
# 83 mixed ages
"{c} Lives with her mother, who is {agebare}, and her grandmother who turns {agebare} on {pdate}.",
# 84 SSN last four
"{c} Verified identity with name {full}, date of birth {dob}, and SSN {ssn}.",
# 85 URL zoom invite for family
"Family joining ECHO via {url} — please admit {first} and {first}. {c}",
# 86 bed/room with names (room is not ID)
"Room 214B: {lastfirst} — {c} Attending {dr}. Nurse {first} is covering bed 7 too.",
# 87 form with checkboxes
"[x] Release of information to: {full}, {fac}, {addr}\n[ ] verbal only\nSigned {date}\n{c}",
# 88 chat
"{first}: has anyone seen this rash before\n{first}: send pic to {email}\n{first}: ok sending now\n{c}",
]




def g_lang():
    return [(ch(["Spanish", "Somali", "Nepali", "Vietnamese", "Arabic", "Swahili", "Haitian Creole", "K'iche'", "Navajo", "Marshallese"]), None)]


GEN["lang"] = g_lang

CW_FIRST = """Hope Faith Bill Rose Grace Joy Summer Will Mark Art Sunny Dawn April May June Pat Sandy Rusty
Hunter Chase Precious Autumn Crystal Amber Ruby Pearl Iris Holly Ivy Jack Penny Misty Hazel Frank Earl
Royal Opal Violet Daisy Clay Dale Lane Cliff Glen Sterling Harmony Liberty Justice Trinity Star Brooke
River Sage Wren Robin Jay Fern Dot Peg Kit Junior Buck Bud Skip Chip""".split()
CW_LAST = """Price Wood Bell Graves Hunter Rose Fox Little Young King Small Moody Rich Strong Sharp Hope
Friend Savage Love Church Street Field Marsh Hill Brooks Winter Frost Sterling Gold Black Stokes Pruitt
Fisher Lapp""".split()
GEN["dev"] = lambda: [(ch(["Abbott MitraClip G4", "Medtronic Micra AV", "Boston Scientific WATCHMAN FLX", "Nevro HFX", "Inspire IV"]), None)]
GEN["ssn4"] = lambda: [(digits(4), "SSN")]
GEN["cw"] = lambda: [(ch(CW_FIRST), "NAME")]
GEN["cwl"] = lambda: [(ch(CW_LAST), "NAME")]
GEN["hyph"] = lambda: [(f"{ch(FIRST)} {ch(SURNAMES)}-{ch(SURNAMES)}", "NAME")]
GEN["multi"] = lambda: [(ch([f"María José {ch(SURNAMES)} de la Cruz", f"{ch(FIRST)} {ch(SURNAMES)} {ch(SURNAMES)}",
                              f"Nguyen Thi {ch(FIRST)}", f"{ch(FIRST)} bin {ch(FIRST)} {ch(SURNAMES)}",
                              f"{ch(FIRST)} {ch(FIRST)} Van der Berg", f"Juan Carlos {ch(SURNAMES)} y {ch(SURNAMES)}"]), "NAME")]
SHAPES += [
"{c} Seen with {title} {cwl} and {title} {cwl}; {cw} {cwl} is the health care proxy, reachable at {phone}.",
"{cw} {cwl} came in w/ her boyfriend {cw}. {c} She works at {employer} and lives by {church}.",
"MESSAGE TAKEN BY {cw|U} {pdate}: {cw} {cwl} called, wants refill sent to {pharm}, cb {phone}. {c}",
"SSA-827 authorization: {full}, SSN {ssn}, MRN {mrn}, mail records to {pobox}, {town} {stab} {zip}, fax {fax}. {c}",
"Audit trail: chart {mrn} opened {date} from workstation {ip}; exported to {ip}; emailed to {email}. {c}",
"{c} Implant record: {dev} UDI {udi} / SN {serial}, placed {date} at {hosp}.",
"DMV medical review for {lastfirst}, license {dl}, vehicle {plate} / {vin}. {c} Return form to fax {fax}.",
"{c} Mom shared his page {url} and asked me to follow {handle}; also see {url}.",
"ENCOUNTER {mrn}  ACCT {acct}  ZIP {zip}  SSN xxx-xx-{ssn4}\n{c}",
"Referral fax to {clinic} at {fax} (phone {phone}) for {full}, insurance {acct}, MRN {mrn}. {c}",
"{c} hey its {first} from the clinic, pt {mrn} needs her CPAP (sn {serial}) swapped, call {phone} or email {email}",
"Registration update {pdate}: new address {street}, {town}, {stab} {zip}; new cell {phone}; old phone {phone} disconnected. {c}",
"{c}\nPatient Name ........ {full}\nSocial Security ..... {ssn}\nMedical Record ...... {mrn}\nZip Code ............ {zip}",
"Remote access log: {staff} connected from {ip} to view {full}'s chart ({mrn}). {c}",
"{c} Vehicle in the ED lot with dog inside, plate {plate}, owner is the patient {full}. Security officer {first} called it in.",
"Equipment loaner log: glucometer SN {serial}, CGM receiver SN {serial}, pulse ox SN {serial}, signed out to {full} on {pdate}. {c}",
"{c} Recall notice: pump serial {serial}, UDI {udi}; patient {full} notified at {phone}.",
"VPN session {ip} -> {ip} flagged; user {staff} downloaded records for MRN {mrn} and MRN {mrn}. {c}",
"Subpoena from {county} court for records of {lastfirst}, DOB {dob}, SSN {ssn}. {c}",
]

# --------------------------------------------------------------------------
# Clean passages: no identifiers, many look-alikes.
# --------------------------------------------------------------------------
DRUGS = ["metoprolol succinate 25 mg daily", "levothyroxine 88 mcg", "apixaban 5 mg BID",
         "insulin glargine 22 units qHS", "buprenorphine/naloxone 8/2 mg", "methotrexate 15 mg weekly",
         "amoxicillin-clavulanate 875/125 mg", "prednisone 40 mg x5 days", "furosemide 40 mg IV",
         "vancomycin 1250 mg q12h", "lisinopril 10 mg", "semaglutide 0.5 mg weekly", "naltrexone 380 mg IM",
         "sertraline 100 mg", "ceftriaxone 1 g", "heparin 5000 units SQ q8h", "epinephrine 1:1000 0.3 mL",
         "magnesium sulfate 2 g", "potassium chloride 20 mEq", "Lovenox 40 mg", "Humira 40 mg q2wk"]
EPONYMS = ["Graves disease", "Bell palsy", "Hashimoto thyroiditis", "Parkinson disease", "Crohn disease",
           "a positive Murphy sign", "Kernig and Brudzinski signs", "Wood lamp exam", "Hunter syndrome",
           "Cushing syndrome", "Addison disease", "a Whipple procedure", "Barrett esophagus",
           "Guillain-Barre syndrome", "Wernicke encephalopathy", "Lyme disease", "Rocky Mountain spotted fever",
           "Baker cyst", "Homans sign", "Tinel sign at the wrist", "Phalen test", "a Nissen fundoplication",
           "Roux-en-Y gastric bypass", "Hodgkin lymphoma", "Kaposi sarcoma", "Sjogren syndrome",
           "Raynaud phenomenon", "Virchow node", "Dupuytren contracture", "Austin Flint murmur",
           "Charcot foot", "Osgood-Schlatter disease", "a Foley catheter", "the Bovie", "Vicryl sutures",
           "a Jackson-Pratt drain", "a Swan-Ganz catheter", "a Hickman line", "Down syndrome",
           "Marfan habitus", "Alzheimer dementia", "Tourette syndrome", "a Colles fracture", "Apley test"]
SCORES = ["GCS 14", "Apgar 8/9", "PHQ-9 of 17", "GAD-7 of 12", "MoCA 21/30", "CURB-65 of 2",
          "CHA2DS2-VASc 4", "HAS-BLED 3", "Wells score 4.5", "MELD 18", "Child-Pugh B", "NIHSS 6",
          "ECOG 1", "Braden 14", "Morse fall score 45", "AUDIT-C 9", "COWS 13", "CIWA 18",
          "Gleason 3+4=7", "BI-RADS 4", "Mallampati II", "NYHA class III", "Tanner stage 3",
          "Bishop score 6", "ASA III", "Ranson 3", "qSOFA 2", "APACHE II 19", "Mini-Cog 2/5",
          "Epworth 15", "STOP-BANG 5", "ACE score of 6", "Karnofsky 60", "PPS 40%", "FAST 6c"]
LABS = ["HbA1c 9.2%", "INR 2.7", "eGFR 38 mL/min/1.73m2", "creatinine 1.84", "TSH 0.02",
        "free T4 3.1 ng/dL", "BNP 1240", "troponin 0.08", "lactate 4.1", "WBC 14.2", "Hgb 7.9",
        "platelets 88K", "sodium 128", "potassium 5.9", "LDL 162", "ferritin 12", "vitamin D 14",
        "AST 212 ALT 188", "lipase 1480", "CD4 212", "viral load 1,240 copies/mL", "PSA 11.4",
        "ammonia 96", "procalcitonin 2.3", "CK 4500", "ESR 88", "CRP 14.6", "A1c 6.4",
        "UDS positive for fentanyl and THC", "urine albumin/creatinine 310 mg/g", "pH 7.21 pCO2 58"]
VITALS = ["BP 168/94", "HR 118", "RR 24", "SpO2 88% on RA", "T 38.9 C", "weight 142 kg",
          "BMI 41.2", "BP 92/58", "temp 101.4 F", "O2 sat 91% on 2L NC", "orthostatic drop of 22 mmHg",
          "HR 44 and regular", "height 5 ft 4 in", "head circumference 35 cm"]
LEVELS = ["L4-L5", "C5-C6", "T12", "L5-S1", "C2", "T4 dermatome", "S1 radiculopathy", "C7-T1",
          "segment 6 of the liver", "the L3 transverse process", "rib 9", "cranial nerve VII", "zone II"]
DEVICES = ["Medtronic model 5076 lead", "Dexcom G7", "Freestyle Libre 3", "Omnipod 5", "Tandem t:slim X2",
           "a Boston Scientific WATCHMAN FLX", "an Impella CP", "a LifeVest", "ResMed AirSense 11",
           "a 16 Fr Foley", "a 7.5 ETT", "an 18G IV", "a 4.0 Fr PICC", "Mirena IUD", "Nexplanon",
           "a CPAP at 10 cm H2O", "an Abbott MitraClip", "an i-STAT", "a Zoll AED Plus"]
GUIDES = ["the 2023 ADA Standards of Care", "ACC/AHA 2017 guideline", "GOLD 2024 report", "KDIGO 2022",
          "the USPSTF recommendation", "IDSA guidance", "the CDC 2022 opioid guideline", "ASAM criteria",
          "NCCN version 2.2024", "the Beers Criteria", "the SPRINT trial", "the DAPA-HF trial",
          "the EMPA-REG OUTCOME study", "the ACCORD trial", "the STAR*D study", "the WHI", "GINA step 3",
          "ICD-10 E11.65", "ICD-10 F11.20", "CPT 99214", "DSM-5-TR criteria", "the PECARN rule",
          "the Ottawa ankle rules", "the Canadian C-spine rule", "ACIP schedule", "Choosing Wisely"]
TIMES = ["at 0830", "around 2 am", "q4h", "at 14:30", "over 20 minutes", "for 3 days", "since last week",
         "on day 3 post-op", "at 32 weeks gestation", "in cycle 4", "x2 weeks", "every 72 hours",
         "on hospital day 5", "in week 12", "since age 67", "at 4 months postpartum", "around noon"]
ROOMS = ["room 412 bed B", "bed 7", "room 3", "exam room 2", "PACU bay 4", "ICU bed 12", "OR 6",
         "the 4 West unit", "pod C", "trauma bay 1"]
AGES_OK = ["a 67-year-old", "a 45 yo", "an 89-year-old", "a 3-week-old", "an 18 month old", "a 72 y/o",
           "a 58-year-old", "an 84 yo", "a 16-year-old", "a 31-year-old"]
CAPS_WORDS = ["COPD", "CHF", "HFrEF", "NSTEMI", "DKA", "AKI on CKD 3b", "OUD", "AUD", "PTSD", "ADHD",
              "MRSA", "VRE", "C. diff", "E. coli", "GERD", "OSA", "HIV", "HCV genotype 1a", "BRCA1",
              "HLA-B27", "COVID-19", "RSV", "H. pylori", "SLE", "RA", "T2DM", "PE", "DVT", "SBO"]

CLEAN_SHAPES = [
"{c} This is {AGE} with {CAP} and {EPO}, now on {DRUG}. {SCORE}, {LAB}.",
"Quick question for the hub: {c} Would you start {DRUG} given {LAB} and {LAB}? {GUIDE} seems to say yes.",
"Vitals: {VIT}, {VIT}, {VIT}. Labs: {LAB}; {LAB}. {c}",
"MRI lumbar spine: disc protrusion at {LEVEL} with mild foraminal narrowing; {LEVEL} unremarkable. {c} Consider {EPO} in the differential.",
"{c} Device check: {DEV} functioning; {DEV} site clean. {SCORE}.",
"ASSESSMENT/PLAN\n1. {CAP} - continue {DRUG}.\n2. {CAP} - {LAB}, repeat {TIME}.\n3. {EPO} - per {GUIDE}.\n{c}",
"{c} Patient moved to {ROOM} {TIME}; {VIT}. Started {DRUG}.",
"Per {GUIDE} and {GUIDE}, {c} We discussed {EPO} versus {EPO}.",
"Recommendations from the panel:\n- {DRUG}\n- check {LAB} {TIME}\n- screen with {SCORE}\n{c}",
"{c} {AGE|C} presenting {TIME} with {VIT} and {LAB}; {SCORE}. Exam notable for {EPO}.",
"{c} Hope this helps! Rose spots were absent. Wood lamp negative. Bell palsy resolved. Price of {DRUG} is the barrier.",
"{c} Graves disease vs Hashimoto; {LAB}, TSH receptor antibody pending. Consider {DRUG}.",
"PROCEDURE NOTE\nIndication: {CAP}\nDevice: {DEV}\nLevel: {LEVEL}\nEBL 50 mL\n{c}",
"{c} Score summary: {SCORE}; {SCORE}; {SCORE}.",
"Question: {c} Does anyone use {GUIDE} for {CAP} in clinic? We tried {DRUG} {TIME}.",
"{c} Transferred to {ROOM}. {VIT}. {LAB}. On {DRUG}. {DEV} in place.",
"Infusion {TIME}: {DRUG} then {DRUG}. {c}",
"{c} Family history of {EPO} and {EPO} in first-degree relatives. {CAP}.",
"OB: G3P2 at 32 weeks, {VIT}, fundal height 31 cm. {c} Apgars 8 and 9 in the prior delivery. {LAB}.",
"{c}\nMeds:\n* {DRUG}\n* {DRUG}\n* {DRUG}",
"HPI: {AGE} with {CAP}. {c} {SCORE}. Plan per {GUIDE}.",
"{c} The ED applied {GUIDE}; imaging at {LEVEL} was negative. {VIT}.",
"CARDIOLOGY\n{DEV}; EF 25-30%; {SCORE}; {LAB}. {c}",
"Peds: {AGE} with {CAP}; weight 14.2 kg, {VIT}. {c} Dose {DRUG}, round to nearest 0.5 mL.",
"{c} Wound 3.2 x 1.4 x 0.6 cm over {LEVEL}; {SCORE}. Dressing changes every 72 hours.",
"Order details: {CODE}; {CODE}; {CODE}. {c} Dispense {DRUG}.",
"{c} Genetics: {GENE}, {GENE}. Counseling per {GUIDE}.",
"{c} Settings: {SETTING}; {SETTING}. {DEV} interrogated {TIME}.",
"ECHO SESSION NOTES - {CAP} / {CAP}\n{c}\nTeaching point: {EPO} vs {EPO}; see {GUIDE}.",
"{c} Bed board: {ROOM} ({CAP}), {ROOM} ({CAP}). Huddle {TIME}.",
"{c} BP log: 148/92, 152/88, 139/84, 160/96; {VIT}. Goal under 130/80 per {GUIDE}.",
]

CODES = ["NDC 0002-8215-01", "NDC 50090-3130-0", "CPT 93306", "CPT 99214", "LOINC 4548-4", "HCPCS J0585",
         "ICD-10 Z79.4", "ICD-10 I48.91", "ICD-10 O24.414", "SNOMED 44054006", "RxNorm 860975",
         "vaccine lot EK9231", "reagent lot 4471B", "J-code J1071", "DRG 291", "G0439"]
GENES = ["BRCA2 c.5946delT", "CFTR F508del homozygous", "HFE C282Y heterozygous", "Factor V Leiden",
         "MTHFR C677T", "HLA-B*58:01 negative", "CYP2C19 *2/*2", "TPMT normal", "46,XX karyotype",
         "trisomy 21", "22q11.2 deletion", "FMR1 55-200 CGG repeats", "APOE e3/e4", "JAK2 V617F",
         "BCR-ABL p210", "EGFR exon 19 deletion", "KRAS G12C", "HER2 3+"]
SETTINGS = ["CPAP 10 cm H2O", "BiPAP 14/8", "FiO2 40%", "PEEP 8", "DDDR 60-130", "VVI 50", "AAI 70",
            "rate 60 bpm", "pump basal 0.85 u/h", "ISF 1:45", "I:C ratio 1:12", "tidal volume 450 mL",
            "shock zone 200 bpm", "dialysate 2K/2.5Ca", "UF goal 2.5 L"]
CLEAN_GEN = {"CODE": CODES, "GENE": GENES, "SETTING": SETTINGS, "AGE": AGES_OK, "CAP": CAPS_WORDS, "EPO": EPONYMS, "DRUG": DRUGS, "SCORE": SCORES,
             "LAB": LABS, "GUIDE": GUIDES, "VIT": VITALS, "LEVEL": LEVELS, "DEV": DEVICES,
             "TIME": TIMES, "ROOM": ROOMS}

# --------------------------------------------------------------------------
# Carrier sentences from the corpus
# --------------------------------------------------------------------------
BAD_WORDS = {"xyz", "abc", "xxx", "mr", "mrs", "ms", "dr", "sample", "month", "dd", "yyyy", "hospital",
             "clinic", "county", "street", "university", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
             "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july",
             "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow", "ago", "st", "avenue"}


def carrier_ok(s):
    if not (40 <= len(s) <= 220):
        return False
    if re.search(r"\d", s):  # stricter than needed: no digits at all
        return False
    if not re.fullmatch(r"[A-Za-z ,;:'()/\-.]+", s):
        return False
    if not s.endswith("."):
        return False
    words = re.findall(r"[A-Za-z']+", s)
    if len(words) < 6 or not words[0][0].isupper():
        return False
    if any(w[0].isupper() for w in words[1:]):
        return False
    if any(w.lower() in BAD_WORDS for w in words):
        return False
    if ":" in s or "(" in s:
        return False
    return True


def load_carriers():
    docs = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            sents = re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", d.get("body") or ""))
            good = []
            prev = ""
            for s in sents:
                s = s.strip()
                # skip pieces that follow an abbreviation (e.g. the "X ..." left after "Mr.")
                after_abbrev = re.search(r"\b(Mr|Mrs|Ms|Dr|St|No|Mt|Jr|Sr|Drs|Messrs)\.$", prev) is not None
                first = re.match(r"[A-Za-z']+", s)
                single = first is not None and len(first.group(0)) == 1 and first.group(0) != "A"
                if carrier_ok(s) and not after_abbrev and not single and s not in good:
                    good.append(s)
                prev = s
            if good:
                docs.append((d["ref"], good))
    docs.sort()
    return docs


# --------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------
PH = re.compile(r"\{([A-Za-z0-9]+)(?:\|([ULC]))?\}")


def pick_carrier(docs):
    ref, sents = ch(docs)
    k = 2 if (len(sents) >= 2 and rng.random() < 0.4) else 1
    chosen = rng.sample(sents, k)
    return ref, " ".join(chosen)


def assemble(template, gen, carrier_text):
    if "{c}" not in template:
        template = "{c} " + template
    text, spans, pos, planted = "", [], 0, []
    for m in PH.finditer(template):
        text += template[pos:m.start()]
        key, mod = m.group(1), m.group(2)
        if key == "c":
            segs = [(carrier_text, None)]
        else:
            segs = gen(key)
        for t, cat in segs:
            if mod == "U":
                t = t.upper()
            elif mod == "L":
                t = t.lower()
            elif mod == "C":
                t = t[0].upper() + t[1:]
            if cat:
                start = len(text)
                text += t
                spans.append([start, len(text), cat])
                planted.append(t)
            else:
                text += t
        pos = m.end()
    text += template[pos:]
    return text, spans, planted


def check(text, spans, planted_values):
    assert spans and len(spans) == len(planted_values)
    prev_end = -1
    for (s, e, c), v in zip(spans, planted_values):
        assert text[s:e] == v, (text[s:e], v)
        assert e > s and text[s:e].strip() == text[s:e], repr(text[s:e])
        assert s >= prev_end, "overlap"
        prev_end = e


def main():
    docs = load_carriers()
    assert len(docs) > 100, len(docs)
    rows = []
    # every shape once; the remaining draws go greedily to shapes whose categories are
    # currently scarcest (expected counts from the placeholder keys), so that each
    # category ends up with a usable number of spans. Ties are broken by the seeded rng.
    key_cat = {"first": "NAME", "last": "NAME", "full": "NAME", "lastfirst": "NAME", "lower": "NAME",
               "init": "NAME", "nick": "NAME", "dr": "NAME", "staff": "NAME", "cw": "NAME", "cwl": "NAME",
               "hyph": "NAME", "multi": "NAME", "date": "DATE", "pdate": "DATE", "dob": "DATE",
               "olddob": "DATE", "age": "AGE", "agebare": "AGE", "phone": "PHONE", "phonesplit": "PHONE",
               "fax": "FAX", "email": "EMAIL", "url": "URL", "handle": "URL", "ip": "IP", "ssn": "SSN",
               "ssn4": "SSN", "mrn": "MRN", "acct": "ACCOUNT", "npi": "LICENSE", "dea": "LICENSE",
               "lic": "LICENSE", "dl": "LICENSE", "cert": "LICENSE", "vin": "VEHICLE", "plate": "VEHICLE",
               "udi": "DEVICE", "serial": "DEVICE", "street": "ADDRESS", "streetnu": "ADDRESS",
               "unit": "ADDRESS", "pobox": "ADDRESS", "town": "LOCATION", "county": "LOCATION",
               "hood": "LOCATION", "zip": "ZIP", "addr": "ADDRESS LOCATION ZIP", "addrcaps": "ADDRESS LOCATION ZIP"}
    for k in list(FAC_KINDS) + ["fac"]:
        key_cat[k] = "FACILITY"
    shape_cats = [[c for m in PH.finditer(t) for c in key_cat.get(m.group(1), "").split()] for t in SHAPES]
    shape_order = list(range(len(SHAPES)))
    expect = {}
    uses = [1] * len(SHAPES)
    for cats in shape_cats:
        for c in cats:
            expect[c] = expect.get(c, 0) + 1
    while len(shape_order) < N_PLANTED:
        best, best_score = None, -1.0
        for si, cats in enumerate(shape_cats):
            score = sum(1.0 / (1 + expect[c]) for c in cats) / (1 + uses[si]) + rng.random() * 1e-3
            if score > best_score:
                best, best_score = si, score
        shape_order.append(best)
        uses[best] += 1
        for c in shape_cats[best]:
            expect[c] += 1
    rng.shuffle(shape_order)
    for i, si in enumerate(shape_order):
        for attempt in range(50):
            ref, ctext = pick_carrier(docs)
            text, spans, planted = assemble(SHAPES[si], lambda k: GEN[k](), ctext)
            if 3 <= len(spans) <= 10:
                break
        else:
            raise SystemExit(f"shape {si} cannot produce 3-10 spans")
        check(text, spans, planted)
        # the carrier text must appear verbatim and intersect no span
        cs = text.index(ctext)
        assert all(e <= cs or s >= cs + len(ctext) for s, e, _ in spans)
        rows.append({"id": f"C-P{i + 1:03d}-s{si + 1:02d}", "split": "heldout", "carrier": ref,
                     "text": text, "spans": spans})
    clean_order = []
    while len(clean_order) < N_CLEAN:
        idx = list(range(len(CLEAN_SHAPES)))
        rng.shuffle(idx)
        clean_order += idx
    for i, si in enumerate(clean_order[:N_CLEAN]):
        ref, ctext = pick_carrier(docs)
        used = set()

        def clean_val(k):
            v = ch([x for x in CLEAN_GEN[k] if x not in used])
            used.add(v)
            return [(v, None)]
        text, spans, _ = assemble(CLEAN_SHAPES[si], clean_val, ctext)
        assert spans == []
        rows.append({"id": f"C-N{i + 1:03d}-k{si + 1:02d}", "split": "heldout", "carrier": ref,
                     "text": text, "spans": []})
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
