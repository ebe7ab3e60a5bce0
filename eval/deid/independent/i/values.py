"""Value pools and generators for set I.  All values invented; formats follow real systems.

Each generator in VALUES takes a random.Random and returns (text, CATEGORY).
Each generator in NEG returns look-alike text that is not an identifier.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

# ---------------------------------------------------------------- people
FIRST = """
Gareth Rhiannon Ffion Dafydd Nigel Gillian Beryl Clive Imogen Hamish Morag Alistair Isla Callum
Kirsty Euan Ailsa Lachlan Harriet Rupert Pippa Tamsin Jocelyn Wilfred Mavis Doreen Cyril Ethel
Percy Winifred Alfie Poppy Jemima Tobias Bronwen Iestyn Gethin Carys Seren Priya Rajesh Sunita
Tariq Nadia Yusuf Amara Chidi Oluwaseun
Aoife Siobhán Niamh Caoimhe Saoirse Orla Róisín Clodagh Gráinne Eimear Sinéad Deirdre Bríd Nuala
Máire Peadar Ciarán Donal Tadhg Fiachra Eoin Oisín Cathal Colm Diarmuid Seamus Pádraig Fergal
Cormac Declan Dermot Malachy Finbarr Bridget Margaret Patrick Cornelius Jeremiah Ellen
Bronte Kylie Shane Darren Bruce Narelle Tegan Jarrah Kirra Brodie Mitchell Kaylene Rhonda Wayne
Bradley Jedda Tahlia Corey
Mathieu Geneviève Étienne Nathalie Sylvie Réjean Gaétan Mélanie Benoît Chantal Yannick Wendell
Darlene Kendra Brayden Joelle Marcel Lorne Murray Glenys
Guadalupe Xóchitl Itzel Ximena Citlali Yesenia Araceli Rocío Maricela Dolores Concepción Rosario
Mercedes Refugio Ignacio Jesús Francisco José Eduardo Enrique Alejandro Joaquín Rodrigo Heriberto
Gilberto Tonatiuh Jacinto Eustaquio Porfirio Abundio Socorro Leticia Yolanda Graciela Nayeli
Marisol Fernanda Valentina Santiago Emiliano
Delbert Lavern Earlene Wanda Cletus Opal Verna Darnell LaToya Keisha Tyrone DeShawn Jamal Tanisha
Ezra Levi Nizhoni Ahiga Winona Cheyenne Hoang Thuy Minh Nguyet Bao Tuan Wei Xiaoling Hyun-woo
Ji-yeon Sione Malia Keoni Leilani Aroha Tane Mere Nikolai Oksana Dmitri Svetlana Wojciech
Agnieszka Bartosz Ingrid Sven Astrid Thorvald
Hazel Frank Dusty Robin Olive Dawn Joy Summer Addison Sunny Ivy Faith
""".split()
FIRST += ["María Guadalupe", "José Luis", "Juan Carlos", "Ana Sofía", "Mary Kate", "Billie Jo"]

NICK = {
    "Bridget": "Bridie", "Margaret": "Peggy", "Patrick": "Paddy", "Francisco": "Paco", "José": "Pepe",
    "Guadalupe": "Lupe", "Dolores": "Lola", "Ignacio": "Nacho", "Jesús": "Chuy", "Refugio": "Cuca",
    "Eduardo": "Lalo", "Enrique": "Kike", "Concepción": "Conchita", "Rosario": "Chayo",
    "Mercedes": "Mercy", "Siobhán": "Shiv", "Ellen": "Nellie", "Cornelius": "Con",
    "Jeremiah": "Jerry", "Alistair": "Ally", "Winifred": "Winnie", "Wilfred": "Wilf",
    "Bradley": "Brad", "Mitchell": "Mitch", "Lachlan": "Lachie", "Alejandro": "Alex",
    "Socorro": "Coco", "Graciela": "Chela", "Heriberto": "Beto", "Gilberto": "Gil",
    "Leticia": "Lety", "Yolanda": "Yoli", "Santiago": "Santi", "Svetlana": "Sveta",
    "Dmitri": "Dima", "Wojciech": "Wojtek", "Cletus": "Clete", "Delbert": "Del",
    "Earlene": "Earlie", "Tobias": "Toby", "Harriet": "Hattie", "Nigel": "Nige",
    "Malachy": "Mal", "Finbarr": "Finn", "Diarmuid": "Dermie", "Pádraig": "Podge",
    "Maricela": "Mari", "Eustaquio": "Taquio", "María Guadalupe": "Lupita", "José Luis": "Pepe Luis",
}

LAST = """
Pryce-Jones Llewellyn Pritchard Prothero Bevan Cadwallader Vaughan Ashworth Hargreaves Ollerenshaw
Entwistle Greenhalgh Fothergill Throssell Clutterbuck Pennington Blenkinsop Whitlock Cartwright
Fairweather Higginbottom Marchbanks Urquhart Menzies MacAskill Dalziel Farquharson Lamont
McIlwraith Gunn Drummond Baird Strachan Cruickshank Kerr Chaudhry Mahmood Okonkwo Adeyemi Mensah
Begum
O'Flaherty O'Driscoll McGillicuddy Fitzgibbon Cuddihy Tierney Moriarty Breathnach Kavanagh
Geraghty Hennessy Costigan Dineen Lenihan Mulcahy Prendergast Scanlan Twomey Culhane Fahy Keohane
Lehane Naughton Quilty Rafferty Shanahan Tuohy Cronin Dunphy Heffernan Kiely Linnane Mangan
Noonan Phelan Spillane Treacy Foley
Sutherland Blackwood Trengove Pascoe Polglase Kennewell Hosking Treloar Penhaligon Ugle Mundine
Yunupingu Marika Rigney Wirrpanda Bramwell Lindqvist Papadopoulos Karagiannis Luong Zammit
Camilleri Vella
Tremblay Gagnon Bouchard Lévesque Desrosiers Thibodeau Arsenault Cormier Doucet Boudreau Savoie
Theriault Ouellette Pelletier Bélanger Lachance Robichaud MacEachern MacIsaac MacKinnon Chisholm
Beaton Gillis Sandhu Grewal Dhaliwal Kowalchuk Hnatyshyn Fedoruk Wozniak Cardinal Ironchild
Okimaw Crowchild Yellowhorn Manyfingers
Hernández Ochoa Zúñiga Villaseñor Quintero Cervantes Arredondo Bañuelos Cárdenas Saucedo Tlapa
Huerta Montemayor Villarreal Echeverría Sepúlveda Olguín Alcántara Becerra Cisneros Espinoza
Gallegos Jaramillo Lozano Madrigal Orozco Pacheco Quiroz Rentería Salcido Trujillo Urías
Valenzuela Yáñez Zavala
Yazzie Begay Tsosie Benally Etsitty Manygoats Nez Kowalski Lindgren Thorsen Haugen Amundsen
Schimmelpfennig Dietrich Kahananui Fonoti Tuiasosopo Kwon Huynh Xiong Vang Lor Beauchamp
Thibodeaux Fontenot Guidry Broussard Jolicoeur Stuckey Puckett Honeycutt Cathey Tackett Sizemore
Caudill Slone
Page Strong Little Marsh Snow Frost Moody Rich Drake Bell Graves Bishop Love
""".split()
LAST += [
    "Ní Bhriain", "Ó Súilleabháin", "Mac Giolla Phádraig", "Ó Ceallaigh", "de la Fuente",
    "Téllez Ibarra", "Garza Treviño", "Ruiz de Velasco", "Pérez-Gil", "Many Horses", "Van der Merwe",
    "St. Pierre", "Ten Eyck", "Le Quang", "Running Bear",
]
MID = "ABCDEFGHJKLMNPRSTW"
# first names and surnames that are also ordinary words
WORD_F = "Hope Grace Joy Rose Iris Holly Ruby Amber Pearl Honor Merry Constance Prudence Patience Charity Destiny Harmony Melody April June May Autumn".split()
WORD_M = "Will Mark Rich Bill Art Jack Rusty Chase Hunter Colt Ford Gene Guy Ray Sonny Cash Bud Buck Hardy Miles".split()
WORD_L = "Strong Little Page Moody Marsh Small Short Long Young Moss Field Wise Sharp Wild Swift Cross Hale Bliss Best Goodman Waters".split()


MALE = set("""
Gareth Dafydd Nigel Clive Hamish Alistair Callum Euan Lachlan Rupert Wilfred Cyril Percy Alfie Tobias Iestyn
Gethin Rajesh Tariq Yusuf Chidi Peadar Ciarán Donal Tadhg Fiachra Eoin Oisín Cathal Colm Diarmuid Seamus Pádraig
Fergal Cormac Declan Dermot Malachy Finbarr Patrick Cornelius Jeremiah Shane Darren Bruce Jarrah Brodie Mitchell
Wayne Bradley Corey Mathieu Étienne Réjean Gaétan Benoît Yannick Wendell Brayden Marcel Lorne Murray Ignacio Jesús
Francisco José Eduardo Enrique Alejandro Joaquín Rodrigo Heriberto Gilberto Tonatiuh Jacinto Eustaquio Porfirio
Abundio Santiago Emiliano Delbert Lavern Cletus Darnell Tyrone DeShawn Jamal Ezra Levi Ahiga Hoang Minh Bao Tuan
Wei Hyun-woo Sione Keoni Tane Nikolai Dmitri Wojciech Bartosz Sven Thorvald Frank Dusty Refugio
""".split()) | {"José Luis", "Juan Carlos"}
UNISEX = {"Robin", "Sunny", "Oluwaseun"}


@dataclass
class Person:
    first: str
    last: str
    mid: str
    nick: str
    sex: str


def pick_person(r: random.Random, used, kin: Person | None = None, sex: str | None = None) -> Person:
    for _ in range(500):
        first = r.choice(FIRST)
        if sex and first not in UNISEX and (first in MALE) != (sex == "M"):
            continue
        last = kin.last if kin else r.choice(LAST)
        nick = NICK.get(first, first)
        keys = [first, nick, f"{first} {last}"] + ([] if kin else [last])
        if all(used[k.lower()] < 2 for k in keys) and (not kin or first != kin.first):
            if first in UNISEX:
                sex = sex or r.choice("FM")
            else:
                sex = "M" if first in MALE else "F"
            return Person(first, last, r.choice(MID), nick, sex)
    raise SystemExit("name pools exhausted")


# ---------------------------------------------------------------- places
TOWNS = {
    "gb": """Tewkesbury|Llandrindod Wells|Bideford|Much Wenlock|Stow-on-the-Wold|Ashby-de-la-Zouch|
Machynlleth|Blaenau Ffestiniog|Ullapool|Tobermory|Kirkcudbright|Auchtermuchty|Penzance|Bude|Skegness|
Hebden Bridge|Todmorden|Barnard Castle|Alnwick|Hexham|Market Drayton|Leominster|Ludlow|Saffron Walden|
Chipping Norton|Bishop's Castle|Holsworthy|Lerwick|Stornoway|Oban|Fort William|Portree|Dornoch""",
    "ie": """Ballinasloe|Clonakilty|Carrick-on-Shannon|Skibbereen|Castlebar|Ballyjamesduff|Kilrush|
Tubbercurry|Belmullet|Cahersiveen|Dingle|Listowel|Thurles|Portlaoise|Tullamore|Mullingar|Bantry|Macroom|
Mitchelstown|Abbeyleix|Enniscorthy|Gorey|Ballyshannon|Letterkenny|Dungloe|Clifden|Gort|Ennistymon|Roscrea""",
    "au": """Wagga Wagga|Toowoomba|Mount Isa|Gympie|Kalgoorlie|Tennant Creek|Katherine|Coober Pedy|Mildura|
Dubbo|Broken Hill|Moree|Tamworth|Bourke|Longreach|Bundaberg|Port Hedland|Esperance|Nhulunbuy|Yirrkala|
Ceduna|Wangaratta|Echuca|Queanbeyan|Goondiwindi|Cunnamulla|Lightning Ridge""",
    "ca": """Moose Jaw|Antigonish|Flin Flon|Kapuskasing|Yellowknife|Iqaluit|Inuvik|The Pas|Swift Current|
Lloydminster|Medicine Hat|Wetaskiwin|Dawson Creek|Fort St. John|Prince Rupert|Smithers|Kenora|
Sioux Lookout|Timmins|Kirkland Lake|Rimouski|Chicoutimi|Baie-Comeau|Sept-Îles|Gaspé|Miramichi|Yarmouth|
Corner Brook|Gander|Happy Valley-Goose Bay|Moosonee|Attawapiskat""",
    "mx": """Tlaquepaque|San Cristóbal de las Casas|Zacatlán|Cuetzalan|Tequisquiapan|Pátzcuaro|Uruapan|
Zitácuaro|Tepatitlán|Ocotlán|Sahuayo|Jerez de García Salinas|Fresnillo|Tlaxiaco|Juchitán de Zaragoza|
Huajuapan de León|Comitán de Domínguez|Tapachula|Ciudad Obregón|Navojoa|Magdalena de Kino|Delicias|
Guachochi|Creel|Hidalgo del Parral|San Luis Río Colorado""",
    "us": """Kanab|Tuba City|Chinle|Shiprock|Crownpoint|Española|Truth or Consequences|Tucumcari|Raton|
Lordsburg|Silver City|Chama|Kayenta|Window Rock|Ganado|Hardin|Lame Deer|Browning|Wolf Point|Havre|
Glasgow|Valentine|Broken Bow|Ogallala|Pine Ridge|Eagle Butte|Mobridge|Hettinger|Watford City|
Presque Isle|Machias|Lubec|Hazard|Hyden|Pikeville|Grundy|Welch|Hindman|Inez|Paintsville""",
}
TOWNS = {k: [t.strip() for t in v.replace("\n", "").split("|")] for k, v in TOWNS.items()}
COUNTIES = """Rio Arriba County|McKinley County|Coös County|Oglala Lakota County|Apache County|
Harlan County|Owsley County|Letcher County|Aroostook County|Loving County|Kenedy County|Hinsdale County|
Daggett County|Esmeralda County|Petroleum County|Arthur County|Slope County|Buffalo County|
County Leitrim|County Roscommon|Co. Mayo|Co. Kerry|Co. Monaghan|Co. Offaly|Powys|Gwynedd|Ceredigion|
Argyll and Bute|Rutland|Shire of Murchison|Shire of Carpentaria|Shire of Diamantina|Kenora District|
Cochrane District|Municipio de Ixtlahuacán|Municipio de Santa María Chilchotla""".replace("\n", "").split("|")

STREET_ROOTS = """Wattle|Banksia|Kildare|Rowan|Larkspur|Chapel|Quarry|Tannery|Mill Race|Ropewalk|Cooper's|
Friar's|Abbey|Glebe|Ferry|Lough|Boreen|Harbour|Kiln|Foundry|Weaver's|Saddler's|Drover's|Sheep Wash|
Paddock|Billabong|Coolabah|Jacaranda|Ironbark|Tamarack|Muskeg|Portage|Voyageur|Caribou|Mesquite|
Ocotillo|Piñon|Arroyo|Saguaro|Juniper|Buffalo Grass|Sandhill Crane|Coal Hollow|Pawpaw|Redbud|
Sourwood|Laurel Fork|Beaver Dam|Turkey Knob|Hemlock|Osprey|Curlew|Heron|Kestrel|Plover""".replace("\n", "").split("|")
SUFFIXES = """Wynd|Brae|Close|Mews|Crescent|Parade|Esplanade|Grove|Terrace|Row|Rise|Chase|Garth|Walk|
Quay|Loop|Trace|Pike|Spur|Causeway|Vale|Heights|Hollow|Run|Crossing|Bend|Landing|Green|Circuit|Cove|
Glen|Knoll|Ridge|Path|Cres|Pde|Tce|Cl|Hwy|Gully|Track|Byway|Gardens|Court""".replace("\n", "").split("|")
MX_STREETS = ["Calle Hidalgo", "Av. Juárez", "Calle Morelos", "Callejón del Beso", "Privada Los Pinos",
              "Calle 5 de Mayo", "Andador Tulipanes", "Calzada Independencia", "Calle Allende",
              "Cerrada Las Flores", "Calle Niños Héroes", "Av. Lázaro Cárdenas", "Calle Aldama"]
MX_COLONIAS = ["Col. Centro", "Col. El Mirador", "Col. San Juan de Dios", "Fracc. Las Águilas",
               "Col. Barrio Alto", "Col. La Loma", "Col. Santa Cecilia", "Ejido El Tule"]

SAINTS = """Brigid|Fiacre|Columba|Kieran|Finian|Enda|Ita|Dymphna|Jude|Camillus|Raphael|Agnes|Clare|
Cuthbert|Aidan|Teilo|Padarn|Winifred|Mungo|Ninian|Hilda|Wilfrid|Anne|Gerard|Bernadette|Monica|
Scholastica|Kateri|Isidore|Brendan""".replace("\n", "").split("|")
SANTOS = ["San Rafael", "San Judas Tadeo", "Santa Teresa", "San Martín de Porres", "Santa Rosa de Lima",
          "San Francisco de Asís", "Santo Toribio", "San Juan Diego", "Santa Cecilia", "San Lucas", "San Vicente"]
FAC_ROOTS = """Riverside|Ballymore|Wattle Creek|Bluegum|Coolabah|Thornbury|Glenview|Kilbride|Ardmore|
Lakehead|Northgate|Sandhill|Pinecrest|Cedar Bluff|Red Mesa|Cottonwood|Sagebrush|Tamarack|Birchwood|
Stoneybatter|Greystones|Harbourside|Wheatbelt|Red Gum|Saltbush|Spinifex|Muskoka|Tundra|Aurora|
Sunflower|Prairie Rose|High Plains|Big Horn|Twin Buttes|Laurel Ridge|Three Forks|Eagle Crest|
Bramblewood|Heatherbank|Lochside|Bracken Hill|Oakhurst|Kingfisher|Swan Valley|Magpie""".replace("\n", "").split("|")

# ---------------------------------------------------------------- helpers
D = string.digits
U = "ABCDEFGHJKLMNPRSTUVWXYZ"


def dg(r, n):
    return "".join(r.choice(D) for _ in range(n))


def up(r, n, alpha=U):
    return "".join(r.choice(alpha) for _ in range(n))


def any_town(r):
    return r.choice(TOWNS[r.choice(list(TOWNS))])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORD = {1: "1st", 2: "2nd", 3: "3rd", 21: "21st", 22: "22nd", 23: "23rd", 31: "31st"}
ORDW = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
        "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth"]


def ymd(r, lo, hi):
    import datetime as dt

    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(r.randint(start, end))


def fmt_date(r, d, style):
    m, dd, y = d.month, d.day, d.year
    mon = MONTHS[m - 1]
    return {
        "us": f"{m:02d}/{dd:02d}/{y}",
        "us_short": f"{m}/{dd}/{y % 100:02d}",
        "us_nopad": f"{m}/{dd}/{y}",
        "iso": f"{y}-{m:02d}-{dd:02d}",
        "uk": f"{dd:02d}/{m:02d}/{y}",
        "uk_short": f"{dd}/{m}/{y % 100:02d}",
        "dot": f"{dd:02d}.{m:02d}.{y}",
        "dash": f"{m:02d}-{dd:02d}-{y}",
        "long": f"{mon} {dd}, {y}",
        "long_abbr": f"{mon[:3]}. {dd}, {y}" if m != 5 else f"May {dd}, {y}",
        "ukl": f"{dd} {mon} {y}",
        "ukl_ord": f"{ORD.get(dd, str(dd) + 'th')} {mon} {y}",
        "mon": f"{dd:02d}-{mon[:3]}-{y}",
        "caps": f"{dd:02d}{mon[:3].upper()}{y}",
        "compact": f"{y}{m:02d}{dd:02d}",
        "es": f"{dd} de {MESES[m - 1]} de {y}",
        "es_short": f"{dd:02d}/{MESES[m - 1][:3]}/{y}",
        "md": f"{m}/{dd}",
        "mon_day": f"{mon} {dd}",
        "day_mon": f"{dd} {mon[:3]}",
        "my": f"{mon} {y}",
        "my_num": f"{m:02d}/{y}",
        "words": f"the {ORDW[min(dd, 28) - 1]} of {mon}",
        "wd": f"{DAYS[d.weekday()]} {dd} {mon}",
        "wd_us": f"{DAYS[d.weekday()][:3]} {m}/{dd}",
        "ord_us": f"{mon} {ORD.get(dd, str(dd) + 'th')}",
    }[style]


FULL_STYLES = ["us", "us_short", "us_nopad", "iso", "uk", "uk_short", "dot", "dash", "long", "long_abbr",
               "ukl", "ukl_ord", "mon", "caps", "compact", "es"]
PART_STYLES = ["md", "my_num", "mon_day", "day_mon", "my", "words", "wd", "wd_us", "ord_us"]


def date_gen(lo, hi, styles):
    return lambda r: (fmt_date(r, ymd(r, lo, hi), r.choice(styles)), "DATE")


NUMW = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
        95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight", 99: "ninety-nine",
        100: "one hundred", 101: "one hundred and one", 102: "a hundred and two"}


def age90(r):
    return str(r.randint(90, 112)), "AGE"


def age90w(r):
    return r.choice(list(NUMW.values())), "AGE"


# ---------------------------------------------------------------- phones
US_AREA = ["505", "575", "928", "406", "605", "701", "207", "606", "276", "304", "308", "435", "907",
           "580", "918", "870", "662", "318"]


def phone_us(r):
    a, b, c = r.choice(US_AREA), f"{r.randint(2, 9)}{dg(r, 2)}", dg(r, 4)
    return r.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}",
                     f"1-{a}-{b}-{c}", f"({a}){b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"])


def phone_uk(r):
    return r.choice([f"07{dg(r, 3)} {dg(r, 6)}", f"01{dg(r, 3)} {dg(r, 6)}", f"+44 7{dg(r, 3)} {dg(r, 6)}",
                     f"+44 (0)1{dg(r, 3)} {dg(r, 3)} {dg(r, 3)}", f"01{dg(r, 2)}-{dg(r, 3)}-{dg(r, 4)}",
                     f"0131 {dg(r, 3)} {dg(r, 4)}"])


def phone_ie(r):
    return r.choice([f"08{r.choice('35679')} {dg(r, 3)} {dg(r, 4)}", f"+353 8{r.choice('35679')} {dg(r, 3)} {dg(r, 4)}",
                     f"(0{r.choice(['91', '66', '21', '94', '71', '74', '65'])}) {dg(r, 3)} {dg(r, 4)}",
                     f"+353 (0){r.choice(['91', '66', '21'])} {dg(r, 6)}", f"0{r.choice(['90', '57', '23'])}-{dg(r, 7)}"])


def phone_au(r):
    return r.choice([f"04{dg(r, 2)} {dg(r, 3)} {dg(r, 3)}", f"({r.choice(['02', '03', '07', '08'])}) {dg(r, 4)} {dg(r, 4)}",
                     f"+61 {r.choice('2378')} {dg(r, 4)} {dg(r, 4)}", f"+61 4{dg(r, 2)} {dg(r, 3)} {dg(r, 3)}",
                     f"08 {dg(r, 4)} {dg(r, 4)}"])


def phone_ca(r):
    a = r.choice(["306", "709", "867", "807", "705", "418", "902", "250", "204", "780"])
    return r.choice([f"({a}) {r.randint(2, 9)}{dg(r, 2)}-{dg(r, 4)}", f"{a}-{r.randint(2, 9)}{dg(r, 2)}-{dg(r, 4)}",
                     f"+1 {a} {r.randint(2, 9)}{dg(r, 2)} {dg(r, 4)}", f"1 ({a}) {r.randint(2, 9)}{dg(r, 2)}-{dg(r, 4)}"])


def phone_mx(r):
    return r.choice([f"+52 33 {dg(r, 4)} {dg(r, 4)}", f"({r.choice(['443', '452', '967', '951', '662'])}) {dg(r, 3)} {dg(r, 4)}",
                     f"55 {dg(r, 4)} {dg(r, 4)}", f"044 {r.choice(['33', '55', '81'])} {dg(r, 4)} {dg(r, 4)}",
                     f"+52 1 {dg(r, 3)} {dg(r, 3)} {dg(r, 4)}", f"{r.choice(['961', '428'])}-{dg(r, 3)}-{dg(r, 2)}-{dg(r, 2)}"])


PHONES = [phone_us, phone_us, phone_uk, phone_ie, phone_au, phone_ca, phone_mx]


def as_cat(gen, cat):
    return lambda r: (gen(r), cat)


# ---------------------------------------------------------------- numbers with check digits
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


def npi(r):
    body = r.choice("12") + dg(r, 8)
    return body + luhn_digit("80840" + body), "LICENSE"


def dea(r):
    letters = r.choice("ABFGM") + r.choice("ABCDEFGHJKLMNPRSTWYZ")
    d = [int(x) for x in dg(r, 6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return letters + "".join(map(str, d)) + str(check), "LICENSE"


def nhs(r):
    while True:
        d = [int(x) for x in dg(r, 9)]
        c = 11 - sum(v * (10 - i) for i, v in enumerate(d)) % 11
        if c == 11:
            c = 0
        if c != 10:
            s = "".join(map(str, d)) + str(c)
            return r.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"]), "MRN"


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {**{str(i): i for i in range(10)},
           **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
           **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin(r):
    wmi = r.choice(["1FT", "1GC", "3N1", "JTD", "2T3", "1C6", "5TF", "WVW", "KMH", "3VW", "1HG", "4T1"])
    s = list(wmi + "".join(r.choice(VIN_CHARS) for _ in range(5)) + "0" + r.choice("LMNPRST")
             + r.choice(VIN_CHARS) + dg(r, 6))
    c = sum(VIN_VAL[ch] * w for ch, w in zip(s, VIN_W)) % 11
    s[8] = "X" if c == 10 else str(c)
    return "".join(s), "VEHICLE"


# ---------------------------------------------------------------- the rest
def street(r):
    n = r.choice([str(r.randint(1, 98)), str(r.randint(100, 9899)), f"{r.randint(1, 40)}{r.choice('AB')}"])
    base = f"{n} {r.choice(STREET_ROOTS)} {r.choice(SUFFIXES)}"
    return r.choice([base, base, f"Flat {r.randint(1, 12)}, {base}", f"Unit {r.randint(1, 30)}/{base}",
                     f"{r.randint(1, 9)}/{base}", f"{base}, Apt {r.randint(1, 40)}{r.choice('ABC')}",
                     f"{base} #{r.randint(2, 300)}", f"The Old Rectory, {base}"]), "ADDRESS"


def street_rural(r):
    return r.choice([
        f"PO Box {r.randint(10, 9999)}", f"P.O. Box {r.randint(10, 999)}", f"RR {r.randint(1, 6)} Box {r.randint(10, 400)}{r.choice(['', 'A', 'B'])}",
        f"HC {r.randint(30, 89)} Box {r.randint(100, 9999)}", f"Site {r.randint(1, 20)} Comp {r.randint(1, 60)} RR {r.randint(1, 5)}",
        f"{r.randint(1000, 99999)} Range Road {r.randint(10, 299)}", f"N{r.randint(1000, 9999)} County Rd {up(r, 2)}",
        f"{r.randint(100, 9999)} Concession Rd {r.randint(1, 14)}", f"Lot {r.randint(1, 99)} {r.choice(STREET_ROOTS)} Creek Rd",
        f"{r.randint(10, 999)} Sideroad {r.randint(5, 30)}",
        f"{r.randint(1, 60)} {r.choice(['Navajo Route', 'BIA Route', 'Forest Service Rd', 'State Rte'])} {r.randint(2, 999)}",
        f"Km {r.randint(1, 80)}.{r.randint(1, 9)} Carretera Federal {r.randint(1, 200)}",
        f"Private Bag {r.randint(1, 99)}", f"RMB {r.randint(100, 9999)}",
    ]), "ADDRESS"


def street_mx(r):
    base = f"{r.choice(MX_STREETS)} {r.randint(1, 2400)}"
    return r.choice([base, f"{base} Int. {r.randint(1, 12)}", f"{base}, {r.choice(MX_COLONIAS)}",
                     f"{r.choice(MX_STREETS)} s/n"]), "ADDRESS"


def zip_us(r):
    z = r.choice(["87", "88", "86", "59", "57", "58", "04", "41", "24", "69", "84", "99"]) + dg(r, 3)
    return r.choice([z, z, f"{z}-{dg(r, 4)}"]), "ZIP"


def pc_gb(r):
    return f"{r.choice(['GL', 'LD', 'EX', 'SY', 'IV', 'PA', 'TR', 'HX', 'DL', 'NE', 'HR', 'CB', 'OX', 'ZE', 'HS', 'KW'])}{r.randint(1, 20)} {r.randint(1, 9)}{up(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}", "ZIP"


def eircode(r):
    return f"{r.choice(['H91', 'P85', 'N41', 'P81', 'F23', 'V93', 'E41', 'R32', 'F94', 'H65', 'V31', 'F92'])} {up(r, 1, 'ACDEFHKNPRTVWXY')}{dg(r, 1)}{up(r, 1, 'ACDEFHKNPRTVWXY')}{dg(r, 1)}", "ZIP"


def pc_ca(r):
    L = "ABCEGHJKLMNPRSTVXY"
    return f"{r.choice('SRXPAEGBTV')}{dg(r, 1)}{up(r, 1, L)} {dg(r, 1)}{up(r, 1, L)}{dg(r, 1)}", "ZIP"


def pc_au(r):
    return r.choice(["2", "4", "0", "6", "3", "5"]) + dg(r, 3), "ZIP"


def cp_mx(r):
    return r.choice(["45", "58", "29", "60", "85", "73", "68", "99", "98", "33"]) + dg(r, 3), "ZIP"


def facility(kind):
    def gen(r):
        root = r.choice([r.choice(FAC_ROOTS), any_town(r)])
        saint = r.choice(SAINTS)
        santo = r.choice(SANTOS)
        surname = r.choice(LAST)
        opts = {
            "hosp": [f"{root} Community Hospital", f"{root} General Hospital", f"St. {saint}'s Hospital",
                     f"{root} District Health Service", f"{root} Multipurpose Service", f"{root} Regional Medical Center",
                     f"Hospital General de {r.choice(TOWNS['mx'])}", f"{root} Indian Health Center",
                     f"University Hospital {root}", f"{root} Memorial Hospital", f"Hospital {santo}",
                     f"{root} Critical Access Hospital", f"Our Lady of {r.choice(['Lourdes', 'Knock', 'Guadalupe', 'Fatima'])} Hospital, {root}"],
            "clinic": [f"{root} Family Practice", f"{root} Medical Group", f"{root} Surgery", f"{root} Health Centre",
                       f"{root} Primary Care Centre", f"Centro de Salud {root}", f"{root} Rural Health Clinic",
                       f"{root} Aboriginal Medical Service", f"{root} Nursing Station", f"Clínica {santo}",
                       f"{root} Dialysis Unit", f"{root} Community Mental Health", f"{surname} & Partners"],
            "pharm": [f"{surname}'s Pharmacy", f"{surname} Chemist", f"{root} Apothecary", f"Farmacia {santo}",
                      f"{root} Drug", f"{root} Pharmacy", f"{surname} Family Pharmacy", f"Farmacia del {root}"],
            "school": [f"{root} Primary School", f"Scoil {saint}", f"{root} High School", f"{root} Elementary",
                       f"Escuela Primaria {r.choice(['Benito Juárez', 'Leona Vicario', 'Niños Héroes'])} de {r.choice(TOWNS['mx'])}",
                       f"{root} State School", f"{root} Community College", f"St. {saint}'s National School"],
            "employer": [f"{root} Co-op", f"{surname} Haulage", f"{root} Feedlot", f"{root} Meats",
                         f"{root} Mine", f"{root} Quarry", f"Empacadora {root}", f"{root} Salmon Farm",
                         f"{surname} Bros. Roofing", f"{root} Casino", f"{root} Grain Terminal", f"{surname} Dairy"],
            "nh": [f"{root} Lodge", f"{root} Care Home", f"{root} Manor", f"Residencia {santo}",
                   f"{root} Aged Care", f"{root} Nursing Home", f"{root} Assisted Living", f"{root} Hospice"],
        }[kind]
        return r.choice(opts), "FACILITY"

    return gen


def any_facility(r):
    return facility(r.choice(["hosp", "hosp", "clinic", "clinic", "pharm", "nh", "school", "employer"]))(r)


DOMAINS = ["gmail.com", "hotmail.co.uk", "eircom.net", "bigpond.com", "optusnet.com.au", "sasktel.net",
           "shaw.ca", "prodigy.net.mx", "yahoo.com.mx", "outlook.ie", "btinternet.com", "live.com.au",
           "icloud.com", "yahoo.ca", "aol.com", "protonmail.com", "hotmail.com", "videotron.ca", "iinet.net.au"]
WORK_DOMAINS = ["hse.ie", "nhs.net", "health.qld.gov.au", "ihs.gov", "imss.gob.mx", "nthssa.ca",
                "wacha.org.au", "sjhc.ie", "kycare.org", "hpwc.nhs.uk", "ruralhealth-nm.org", "sahs.sk.ca"]


def _mail_name(r, first, last):
    f = first.split()[0].lower().translate(str.maketrans("áéíóúñüèêôçî'", "aeiounueeoci ")).replace(" ", "")
    l = last.lower().translate(str.maketrans("áéíóúñüèêôçî'", "aeiounueeoci ")).replace(" ", "").replace("-", "")
    return r.choice([f"{f}.{l}", f"{f[0]}{l}", f"{l}.{f}", f"{f}{l}{r.randint(1, 99)}", f"{f}_{l}",
                     f"{f}{r.randint(1950, 2005)}", f"{l}{f[0]}", f"{f[0]}.{l}", f"{f}.{l}+echo"])


def email_of(r, p):
    return f"{_mail_name(r, p.first, p.last)}@{r.choice(DOMAINS + WORK_DOMAINS)}", "EMAIL"


def email(r):
    return f"{_mail_name(r, r.choice(FIRST), r.choice(LAST))}@{r.choice(DOMAINS + WORK_DOMAINS)}", "EMAIL"


def slug(r):
    return f"{r.choice(FIRST).split()[0].lower()}-{r.choice(LAST).lower().replace(' ', '-')}".translate(
        str.maketrans("áéíóúñüèêôçî'", "aeiounueeoci-"))


def url(r, kind="any"):
    s = slug(r)
    h = "".join(r.choice(string.ascii_letters + D) for _ in range(11))
    opts = [
        f"https://www.gofundme.com/f/help-{s}-get-home", f"https://www.facebook.com/{s.replace('-', '.')}.{dg(r, 3)}",
        f"https://www.rip.ie/death-notice/{s}-{r.choice(TOWNS['ie']).lower().replace(' ', '-')}/{dg(r, 6)}",
        f"https://www.legacy.com/us/obituaries/name/{s}-obituary?id={dg(r, 8)}",
        f"https://meet.{r.choice(WORK_DOMAINS)}/j/{dg(r, 9)}", f"https://zoom.us/j/{dg(r, 10)}?pwd={h}",
        f"https://portal.{r.choice(WORK_DOMAINS)}/patients/{dg(r, 7)}", f"https://drive.google.com/file/d/{h}{h}/view",
        f"https://www.instagram.com/{s.replace('-', '_')}{dg(r, 2)}/", f"https://tinyurl.com/{h[:8]}",
        f"https://www.youtube.com/watch?v={h}", f"https://doxy.me/dr{s.split('-')[-1]}",
        f"www.{s}-memorial.com", f"https://{s.split('-')[0]}{dg(r, 2)}.blogspot.com/2024/{r.randint(1, 12):02d}/update.html",
    ]
    pick = {"fund": [0, 1, 13, 9], "obit": [2, 3, 12, 1], "meet": [4, 5, 11], "media": [7, 8, 10, 9, 13]}.get(kind)
    return (r.choice([opts[i] for i in pick]) if pick else r.choice(opts)), "URL"


def ip(r):
    v4 = r.choice([f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                   f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                   f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}",
                   f"{r.randint(24, 212)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"])
    v6 = ":".join(f"{r.randint(0, 65535):x}" for _ in range(8))
    v6s = f"2a02:{r.randint(4096, 65535):x}:{r.randint(0, 4095):x}::{r.randint(1, 65535):x}"
    return r.choice([v4, v4, v4, v6, v6s]), "IP"


def ssn(r):
    a, b, c = f"{r.randint(1, 665):03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"
    return r.choice([f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"]), "SSN"


def ssn4(r):
    return f"{r.randint(1, 9999):04d}", "SSN"


def sin(r):
    body = r.choice("1234579") + dg(r, 7)
    s = body + luhn_digit(body)
    return r.choice([f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}"]), "SSN"


def nino(r):
    return r.choice([f"{up(r, 2, 'ABCEGHJKLMNPRSTWXYZ')} {dg(r, 2)} {dg(r, 2)} {dg(r, 2)} {r.choice('ABCD')}",
                     f"{up(r, 2, 'ABCEGHJKLMNPRSTWXYZ')}{dg(r, 6)}{r.choice('ABCD')}"]), "SSN"


def ppsn(r):
    return f"{dg(r, 7)}{up(r, 1)}{r.choice(['', 'A', 'W'])}", "SSN"


def curp(r):
    return (f"{up(r, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}{dg(r, 2)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
            f"{r.choice('HM')}{r.choice(['JC', 'MN', 'CS', 'OC', 'SR', 'CH', 'ZS', 'DF'])}{up(r, 3, 'BCDFGHJKLMNPRSTVXZ')}{dg(r, 2)}"), "SSN"


def nss(r):
    return f"{dg(r, 2)}-{dg(r, 2)}-{dg(r, 2)}-{dg(r, 4)}-{dg(r, 1)}", "SSN"


def mrn(r):
    return r.choice([dg(r, 8), f"{up(r, 1)}-{dg(r, 7)}", f"MR{dg(r, 7)}", f"{up(r, 1)}{dg(r, 7)}",
                     f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 1)}", f"{up(r, 1)}{dg(r, 6)}", dg(r, 7), f"{dg(r, 3)} {dg(r, 3)} {dg(r, 2)}",
                     f"0{dg(r, 6)}", f"{up(r, 2)}{dg(r, 6)}"]), "MRN"


def mbi(r):
    A, AN = "ACDEFGHJKMNPQRTUVWXY", "ACDEFGHJKMNPQRTUVWXY0123456789"
    s = (r.choice("123456789") + r.choice(A) + r.choice(AN) + dg(r, 1) + "-" + r.choice(A) + r.choice(AN)
         + dg(r, 1) + "-" + r.choice(A) + r.choice(A) + dg(r, 2))
    return s, "ACCOUNT"


def account(r):
    return r.choice([f"{up(r, 3)}{dg(r, 9)}", f"W{dg(r, 4)} {dg(r, 4)} {dg(r, 2)}", f"{dg(r, 10)}",
                     f"{dg(r, 2)}-{dg(r, 7)}-{dg(r, 2)}", f"{dg(r, 2)}-{dg(r, 6)}", f"{dg(r, 4)} {dg(r, 5)} {r.randint(1, 5)}",
                     f"{dg(r, 4)}-{dg(r, 3)}-{dg(r, 3)}-{up(r, 2)}", f"{dg(r, 9)}", f"CLM-{dg(r, 4)}-{dg(r, 7)}",
                     f"{up(r, 1)}{dg(r, 8)}{up(r, 1)}", f"{dg(r, 7)}{up(r, 1)}", f"{up(r, 2)}{dg(r, 3)}-{dg(r, 5)}",
                     f"{r.choice('SPH')}{dg(r, 2)}-{dg(r, 5)}"]), "ACCOUNT"


def license_(r):
    return r.choice([f"RN{dg(r, 6)}", f"{dg(r, 5)}", f"PA-{dg(r, 5)}", f"{dg(r, 7)}", f"MED000{dg(r, 7)}",
                     f"NMW000{dg(r, 7)}", f"{dg(r, 2)}{up(r, 1)}{dg(r, 4)}{up(r, 1)}", f"{dg(r, 6)}",
                     f"LPN.{dg(r, 5)}", f"{up(r, 2)}-{dg(r, 6)}", f"{dg(r, 8)}"]), "LICENSE"


def dl(r):
    s5 = up(r, 5, "ABCDEFGHIJKLMNOPRSTUVWY")
    return r.choice([f"{up(r, 1)}{dg(r, 3)}-{dg(r, 4)}-{dg(r, 4)}", f"{s5}{dg(r, 6)}{up(r, 2)}9{up(r, 2)}",
                     f"{up(r, 1)}{dg(r, 4)}-{dg(r, 5)}-{dg(r, 5)}", f"{dg(r, 9)}", f"{dg(r, 8)}",
                     f"{up(r, 1)}{dg(r, 7)}", f"{dg(r, 3)} {dg(r, 3)} {dg(r, 3)}"]), "LICENSE"


def plate(r):
    return r.choice([
        f"{r.randint(1, 9)}{up(r, 3)}{dg(r, 3)}", f"{up(r, 3)} {dg(r, 3)}", f"{dg(r, 3)}-{up(r, 3)}",
        f"{up(r, 2)}{dg(r, 2)} {up(r, 3)}", f"{r.randint(10, 24)}{r.choice(['1', '2'])}-{r.choice(['D', 'G', 'MO', 'KY', 'C', 'DL', 'LM'])}-{r.randint(100, 99999)}",
        f"{up(r, 3)}-{dg(r, 2)}-{dg(r, 2)}", f"{up(r, 3)} {dg(r, 2)}{up(r, 1)}", f"{dg(r, 3)} {up(r, 3)}",
        f"{up(r, 2)} {dg(r, 4)}", f"{dg(r, 1)}{up(r, 2)}{dg(r, 1)}{up(r, 2)}",
    ]), "VEHICLE"


def serial(r):
    return r.choice([f"{up(r, 3)}{dg(r, 6)}{up(r, 1)}", f"{dg(r, 2)}-{dg(r, 5)}-{dg(r, 2)}", f"{dg(r, 1)}{up(r, 5)}",
                     f"{up(r, 2)}{dg(r, 1)}-{dg(r, 7)}", dg(r, 11), f"{dg(r, 4)}-{dg(r, 2)}-{dg(r, 4)}-{up(r, 1)}",
                     f"{dg(r, 8)}", f"{up(r, 1)}{dg(r, 9)}", f"{up(r, 4)}{dg(r, 6)}", f"SN{dg(r, 8)}{up(r, 2)}"]), "DEVICE"


def gmc(r):
    return dg(r, 7), "LICENSE"


def cedula(r):
    return str(r.randint(1000000, 13999999)), "LICENSE"


VALUES = {
    # dates
    "date": date_gen(2022, 2026, FULL_STYLES), "dob": date_gen(1936, 2021, FULL_STYLES),
    "dob_old": date_gen(1918, 1935, FULL_STYLES), "pdate": date_gen(2022, 2026, PART_STYLES),
    **{f"date_{s}": date_gen(2022, 2026, [s]) for s in FULL_STYLES + PART_STYLES},
    **{f"dob_{s}": date_gen(1936, 2021, [s]) for s in FULL_STYLES + PART_STYLES},
    "wname_f": lambda r: (r.choice(WORD_F), "NAME"), "wname_m": lambda r: (r.choice(WORD_M), "NAME"),
    "wlast": lambda r: (r.choice(WORD_L), "NAME"),
    "age90": age90, "age90w": age90w,
    # contacts
    "phone": lambda r: (r.choice(PHONES)(r), "PHONE"),
    "phone_us": as_cat(phone_us, "PHONE"), "phone_uk": as_cat(phone_uk, "PHONE"), "phone_ie": as_cat(phone_ie, "PHONE"),
    "phone_au": as_cat(phone_au, "PHONE"), "phone_ca": as_cat(phone_ca, "PHONE"), "phone_mx": as_cat(phone_mx, "PHONE"),
    "fax": lambda r: (r.choice(PHONES)(r), "FAX"), "fax_us": as_cat(phone_us, "FAX"), "fax_uk": as_cat(phone_uk, "FAX"),
    "fax_ie": as_cat(phone_ie, "FAX"), "fax_au": as_cat(phone_au, "FAX"), "fax_ca": as_cat(phone_ca, "FAX"),
    "fax_mx": as_cat(phone_mx, "FAX"),
    "email": email, "email_of": email_of, "url": url, "ip": ip,
    **{f"url_{k}": (lambda k: lambda r: url(r, k))(k) for k in ("fund", "obit", "meet", "media")},
    # places
    "town": lambda r: (any_town(r), "LOCATION"), "county": lambda r: (r.choice(COUNTIES), "LOCATION"),
    **{f"town_{k}": (lambda k: lambda r: (r.choice(TOWNS[k]), "LOCATION"))(k) for k in TOWNS},
    "street": street, "rural": street_rural, "street_mx": street_mx,
    "zip": zip_us, "pc_gb": pc_gb, "eircode": eircode, "pc_ca": pc_ca, "pc_au": pc_au, "cp_mx": cp_mx,
    "hosp": facility("hosp"), "clinic": facility("clinic"), "pharm": facility("pharm"), "school": facility("school"),
    "employer": facility("employer"), "nh": facility("nh"), "fac": any_facility,
    # numbers
    "ssn": ssn, "ssn4": ssn4, "sin": sin, "nino": nino, "ppsn": ppsn, "curp": curp, "nss": nss,
    "mrn": mrn, "nhs": nhs, "mbi": mbi, "acct": account, "npi": npi, "dea": dea, "lic": license_, "dl": dl,
    "gmc": gmc, "cedula": cedula, "plate": plate, "vin": vin, "serial": serial,
}


# ---------------------------------------------------------------- hard negatives
def _c(*opts):
    return lambda r: r.choice(opts)


NEG = {
    "n_drug": lambda r: r.choice([
        f"metformin {r.choice([500, 850, 1000])} mg BID", f"Sinemet {r.choice(['10/100', '25/100', '25/250'])} TID",
        f"Norco {r.choice(['5/325', '7.5/325', '10/325'])} q6h PRN", f"apixaban {r.choice(['2.5', '5'])} mg twice daily",
        f"levothyroxine {r.choice([25, 50, 75, 88, 112, 125])} mcg", f"Suboxone {r.choice(['8/2', '2/0.5', '12/3'])} mg film daily",
        f"insulin glargine {r.randint(8, 60)} units qHS", f"furosemide {r.choice([20, 40, 80])} mg PO daily",
        f"prednisolone {r.choice([5, 10, 20, 40])} mg mane", f"Augmentin {r.choice(['875/125', '500/125'])} BD x 7/7",
        f"lisinopril {r.choice([5, 10, 20, 40])} mg", f"Bactrim DS {r.choice(['800/160', '1 tab'])} BID",
        f"paracetamol 1 g QDS (max 4 g/24h)", f"tramadol {r.choice([50, 100])} mg",
        f"amoxicilina {r.choice([500, 875])} mg cada 8 horas", f"warfarin {r.choice(['2.5', '5', '7.5'])} mg, INR target 2-3",
        f"ondansetron 4 mg ODT", f"sertraline {r.choice([25, 50, 100])} mg", f"Humalog 1 unit/{r.choice([10, 12, 15])} g carbs",
        f"Epley-style {r.choice(['repositioning', 'manoeuvre'])} plus betahistine 16 mg TDS",
        f"2/3 of a tablet", f"1/2 tab nightly", f"oxycodone 5 mg 1-2 tabs q4-6h PRN"]),
    "n_lab": lambda r: r.choice([
        f"BP {r.randint(96, 178)}/{r.randint(52, 104)}", f"HbA1c {r.randint(55, 129) / 10}%", f"Hb {r.randint(72, 158) / 10} g/dL",
        f"INR {r.randint(9, 45) / 10}", f"eGFR {r.randint(12, 95)} mL/min/1.73m2", f"K {r.randint(31, 62) / 10} mmol/L",
        f"Na {r.randint(122, 146)}", f"creatinine {r.randint(60, 420)} µmol/L", f"TSH {r.randint(1, 180) / 10} mIU/L",
        f"troponin <{r.choice([5, 14, 26])} ng/L", f"WBC {r.randint(30, 240) / 10} x10^9/L", f"SpO2 {r.randint(84, 100)}% on RA",
        f"HR {r.randint(48, 132)}", f"RR {r.randint(12, 32)}", f"T {r.randint(355, 401) / 10} C", f"glucose {r.randint(40, 380)} mg/dL",
        f"lactate {r.randint(6, 60) / 10}", f"vision {r.choice(['20/20', '20/40', '20/70', '6/9', '6/12', '6/18'])}",
        f"EF {r.randint(15, 65)}%", f"QTc {r.randint(400, 520)} ms", f"PSA {r.randint(1, 300) / 10}",
        f"CD4 {r.randint(50, 900)} cells/mm3", f"viral load <{r.choice([20, 40, 50])} copies/mL",
        f"ferritin {r.randint(8, 1900)} ng/mL", f"weight {r.randint(38, 140)} kg", f"BMI {r.randint(160, 480) / 10}"]),
    "n_score": lambda r: r.choice([
        f"PHQ-9 {r.randint(0, 27)}", f"GAD-7 {r.randint(0, 21)}", f"MELD {r.randint(6, 40)}", f"C-SSRS {r.choice(['negative', 'positive for passive ideation', 'screen low risk'])}",
        f"MoCA {r.randint(12, 30)}/30", f"MMSE {r.randint(10, 30)}/30", f"AUDIT-C {r.randint(0, 12)}", f"CIWA-Ar {r.randint(0, 30)}",
        f"COWS {r.randint(0, 30)}", f"Braden {r.randint(8, 23)}", f"Morse fall score {r.choice([25, 35, 45, 55, 65])}",
        f"CHA2DS2-VASc {r.randint(0, 8)}", f"HAS-BLED {r.randint(0, 5)}", f"NYHA class {r.choice(['II', 'III', 'IV'])}",
        f"GCS {r.choice(['15', '14 (E4V4M6)', '13 (E3V4M6)'])}", f"Apgars {r.randint(3, 9)} and {r.randint(7, 10)}",
        f"Wells score {r.choice(['1.5', '3', '4.5', '6'])}", f"Child-Pugh {r.choice('ABC')}", f"Katz ADL {r.randint(0, 6)}/6",
        f"EPDS {r.randint(0, 30)}", f"Edmonton Frail Scale {r.randint(2, 14)}", f"pain {r.randint(0, 10)}/10",
        f"strength {r.randint(2, 5)}/5 in the left arm", f"grade {r.randint(1, 4)}/6 systolic murmur",
        f"Clinical Frailty Scale {r.randint(3, 8)}", f"Bishop score {r.randint(2, 11)}", f"ECOG {r.randint(0, 4)}"]),
    "n_epo": _c(
        "Parkinson's disease", "Graves' disease", "Crohn's flare", "Addison's disease", "Bell's palsy", "Foley catheter",
        "Whipple procedure", "Hashimoto's thyroiditis", "Cushing's syndrome", "Sjögren's", "Guillain-Barré syndrome",
        "Alzheimer's dementia", "Hodgkin lymphoma", "Huntington's chorea", "Kawasaki disease", "Raynaud's phenomenon",
        "Wilson's disease", "Babinski sign", "Murphy's sign", "McBurney's point tenderness", "Trendelenburg gait",
        "Swan-Ganz catheter", "Bristol stool type 6", "Epley manoeuvre", "Holter monitor", "Tinel's sign", "Phalen's test",
        "Dupuytren's contracture", "Baker's cyst", "Colles' fracture", "Barrett's oesophagus", "Lewy body dementia",
        "Wernicke's encephalopathy", "Stevens-Johnson syndrome", "Ménière's disease", "Paget's disease of bone",
        "Mallory-Weiss tear", "Ludwig's angina", "Roux-en-Y gastric bypass", "Hartmann's procedure", "Mohs surgery",
        "Lachman test", "Romberg positive", "Beers criteria", "Ottawa ankle rules", "Canadian C-spine rule",
        "Lyme disease", "Rocky Mountain spotted fever", "West Nile virus", "Coxsackie virus", "Norwalk-like illness",
        "Down syndrome", "Tourette's", "Marfan habitus", "Osgood-Schlatter", "Glasgow-Blatchford score 7",
        "Valsalva manoeuvre", "Heimlich", "Seldinger technique", "Doppler study", "Tanner stage 3", "Hickman line",
        "Yankauer suction", "Montgomery straps", "Kussmaul breathing", "Cheyne-Stokes respiration", "Virchow's node"),
    "n_code": lambda r: r.choice([
        f"ICD-10 {r.choice(['E11.65', 'F32.1', 'I48.91', 'J44.1', 'N18.4', 'K70.30', 'F11.20', 'Z79.4', 'O24.419', 'G20'])}",
        f"CPT {r.choice(['99214', '99497', '99213', '93000', '36415', '90834', '99490'])}",
        f"HCPCS {r.choice(['G0438', 'G2211', 'J1815', 'E0431'])}", f"SNOMED {r.choice(['44054006', '73211009', '195967001'])}",
        f"LOINC {r.choice(['4548-4', '2160-0', '33914-3'])}", f"NDC {r.choice(['0002-8215-01', '0169-4132-12', '50090-3141-0'])}",
        f"DRG {r.choice([291, 193, 871, 683])}", f"ICD-10 {r.choice(['E10.9', 'F20.9', 'C34.90', 'B20'])}"]),
    "n_gene": _c("BRCA1", "BRCA2 c.5946delT", "HFE C282Y homozygous", "CFTR F508del", "APOE ε4/ε4", "JAK2 V617F",
                 "HLA-B*58:01", "MTHFR C677T", "BRAF V600E", "EGFR exon 19 deletion", "KRAS G12C", "TP53", "HER2 3+",
                 "FMR1 with 210 CGG repeats", "SMN1 deletion", "CYP2C19*2", "HLA-B27", "Factor V Leiden", "PCSK9", "LDLR"),
    "n_year": lambda r: r.choice([f"in {r.randint(1968, 2025)}", f"since {r.randint(1990, 2024)}", f"{r.randint(2005, 2024)} colonoscopy",
                                  f"diagnosed {r.randint(1985, 2023)}", f"the {r.choice(['1980s', '1990s', 'early 2000s'])}",
                                  f"FY{r.randint(2021, 2026)}", f"{r.randint(1998, 2025)}-{r.randint(1, 9)} flu season"]),
    "n_age": lambda r: r.choice([f"{r.randint(19, 89)}-year-old", f"aged {r.randint(20, 89)}", f"{r.randint(2, 89)} y/o",
                                 f"{r.randint(40, 89)}F", f"{r.randint(40, 89)}M", "89 years old", f"in her {r.choice(['60s', '70s', '80s'])}",
                                 f"{r.randint(3, 18)} months old", f"{r.randint(1, 12)}/12 old infant"]),
    "n_when": _c("yesterday", "three weeks ago", "this morning", "overnight", "last spring", "last Tuesday",
                 "over the weekend", "since Christmas", "after Easter", "on day 4 of admission", "two days post-op",
                 "at 0300", "at 14:20", "6/12 ago", "on POD#2", "the night before", "at the last visit"),
    "n_next": _c("in 4-6 weeks", "in 6/52", "in 2/52", "at the next visit", "in 3/12", "in two weeks",
                 "after the long weekend", "in 10/7", "tomorrow", "before the next session", "in 48 hours",
                 "once the results are back"),
    "n_dur": _c("x3 days", "for 3/7", "for 2/52", "since the 1990s", "for 40 pack-years", "for six months",
                "q8h", "on day 10 of 14", "for 24/7 supervision", "for 1/12", "x 5/7", "over 3-4 weeks"),
    "n_room": lambda r: r.choice([f"Rm {r.randint(100, 699)}{r.choice(['', 'A', 'B'])}", f"bed {r.randint(1, 30)}",
                                  f"bay {r.randint(1, 8)}", f"4 West", f"the MICU", f"Ward {r.randint(1, 12)}{r.choice('ABC')}",
                                  f"resus {r.randint(1, 4)}", f"cubicle {r.randint(1, 20)}", f"pod {r.choice('ABCD')}",
                                  f"chair {r.randint(1, 14)} in infusion"]),
    "n_place": _c("the ED", "a rural county", "the reservation clinic", "the local pharmacy", "the county hospital",
                  "a nursing home", "the state lab", "the Midwest", "the VA", "home", "the tertiary centre", "the hub site",
                  "a spoke clinic", "the regional hospital", "the chapter house", "the border clinic", "the mobile unit",
                  "the Flying Doctor base", "the nursing station", "the district hospital", "the mission clinic",
                  "a fly-in community", "the health board area", "the urgent care"),
    "n_state": _c("New Mexico", "Ontario", "Queensland", "Jalisco", "Manitoba", "Nova Scotia", "Arizona", "Montana",
                  "Michoacán", "Saskatchewan", "Western Australia", "Kentucky", "Wales", "Scotland", "Ireland", "Mexico",
                  "Northern Territory", "Nunavut", "Chiapas", "Alaska"),
    "n_word": _c("frank haematuria", "hazel eyes", "amber urine", "max dose", "pat dry", "hope to wean", "will review",
                 "grace period on the script", "mark on the shin", "joy in her garden", "dawn phenomenon",
                 "rose-coloured rash", "olive oil enema", "ivy exposure", "sage advice", "summer cough",
                 "faith-based counselling", "bill sent to the plan", "jack-knife position", "sterling work by the team"),
}
