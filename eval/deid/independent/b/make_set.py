#!/usr/bin/env python3
"""Build heldout.jsonl (seeded). Hand-written passage shapes + hand-written value lists.
Placeholders: {CAT.kind:idx} -> planted identifier with a gold span; {neg.kind} -> filler without span."""
import json, re, random, string
SEED = 20261204
R = random.Random(SEED)

# ---------------- carrier sentences from the shared corpus ----------------
docs = [json.loads(l) for l in open(__import__('pathlib').Path(__file__).resolve().parents[4].parent / 'shared' / 'corpus' / 'cases.jsonl', encoding='utf-8')]
CARRIER = []
for d in docs:
    for s in re.split(r'(?<=\.)\s+', d['body']):
        s = s.strip()
        if not (60 <= len(s) <= 180): continue
        if re.search(r'\b(Dr|Mr|Mrs|Ms|Miss)\b|ABC|XYZ|XXX|Month|DD|YYYY|\d{3,}|:|\n', s): continue
        if re.findall(r'(?<!^)\b[A-Z][a-z]+', s): continue
        if re.search(r'\d\s*[/.-]\s*\d|\d+\s*-?\s*(year|yo|y/o|yr)', s): continue
        if re.match(r'(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b', s): continue
        CARRIER.append((d['ref'], s))

# ---------------- value lists (written for this set) ----------------
FIRST = """Oluwaseun Thandiwe Bartholomew Marisol Yevgenia Tadeusz Nguyen Huong Kwame Ingrid Siobhan Rutger Fatima
Dmitri Anneliese Priyanka Rohan Ximena Joaquin Leilani Keoni Astrid Bjorn Giuseppina Carmelo Wojciech Zofia Aigerim
Temperance Delphine Ambrose Winifred Cornelius Lucinda Ezekiel Harriet Mercedes Desmond Ngozi Chidi Sakura Haruto
Min-jun Seo-yeon Mateus Iolanda Rashida Tyrone LaToya DeShawn Hamza Yusuf Esperanza Guadalupe Brigid Padraig Soren
Magnus Eilidh Fergus Ottilie Casimir Radhika Arjun Noor Samir Layla Tovah Mordecai Shoshana Ilse Kristof Bao Anh
Malia Tomasz Jadwiga Gwendolyn Rosalind Clarence Elmer Hortense Augustin Benedetta Vasil Milica Dragan Aroha Tane
Wendell Marguerite Lorenzo Pilar Ignatius Reuben Tallulah Cyrus Parisa Darius Kenji Aiko Efua Kofi Abebe Selam""".split()
LAST = """Okonkwo Van der Berg Przybylski Nakashima Abernathy Castellanos Fitzgerald Haddad Lindqvist Oyelaran Tran
Fonseca Kowalczyk McAllister Delacroix Abdirahman Szabo Yamamoto Gallagher Oduya Papadopoulos Rasmussen Quintero
Achterberg Villanueva Mbeki Ferreira Kaminski Holloway Dubrovsky Sandoval Ibarra Whitlock Nwosu Henningsen Bellamy
Ostrowski Trinh Agarwal Chaudhry Kuznetsova Esposito Marchetti Blackfeather Runningwater Kealoha Makoa O'Sullivan
MacPherson Dunleavy Strickland Pettigrew Thibodeaux Boudreaux Arceneaux Lozano Zamora Benavides Eriksen Halvorsen
Ashworth Pemberton Yilmaz Demir Hosseini Karimi Mwangi Kiprono Adeyemi Baptiste Toussaint Lindgren Novak Horvat
Petrovic Jovanovic Grünewald Schumacher Weißmann Cohen Rosenbaum Goldfarb Nakamura Choi Park Hwang Vu Pham Le
Sato Ishikawa Ravensworth Crabtree Hargrove Plunkett Tillman Wexler""".split()
LAST = [l for l in LAST if l not in ('Van','der','Berg')] + ['Van der Berg', 'de la Cruz', 'St. Clair', 'Garcia-Mendez', 'Smith-Oyelowo']
TOWN = """Millersburg Coshocton Tionesta Wapakoneta Chillicothe Kalispell Ogallala Tucumcari Lompoc Yreka Nacogdoches
Natchitoches Opelousas Tupelo Pikeville Hazard Wetumpka Dahlonega Ocala Immokalee Bemidji Hibbing Oskaloosa Keokuk
Ottumwa Chanute Emporia Kearney Broken Bow Spearfish Mandan Minot Dickinson Havre Laramie Rawlins Elko Winnemucca
Tonopah Moab Kanab Show Low Sedona Truth or Consequences Alamogordo Espanola Durango Gunnison Salida Pueblo West
Ashtabula Conneaut Punxsutawney Wilkes-Barre Hazleton Lackawanna Oneonta Plattsburgh Massena Bangor Presque Isle
Brattleboro St. Johnsbury Berlin Keene Pittsfield Fall River Woonsocket Willimantic Lewes Cumberland Frostburg
Martinsburg Bluefield Beckley Wytheville Danville Boone Lumberton Florence Orangeburg Valdosta Thomasville
Dothan Meridian Hattiesburg Greenwood Ruston Natchez Texarkana Harrison Russellville Muskogee Enid Guymon
Dalhart Pampa Alpine Uvalde Kingsville Port Lavaca Nampa Pocatello Walla Walla Yakima Astoria Coos Bay Klamath Falls
Eureka Ukiah Barstow Hilo Kahului Kodiak Bethel Nome""".split()
# multiword towns were split above; rebuild from an explicit list
TOWN = ['Millersburg','Coshocton','Tionesta','Wapakoneta','Chillicothe','Kalispell','Ogallala','Tucumcari','Lompoc','Yreka',
 'Nacogdoches','Natchitoches','Opelousas','Tupelo','Pikeville','Wetumpka','Dahlonega','Immokalee','Bemidji','Hibbing',
 'Oskaloosa','Keokuk','Ottumwa','Chanute','Emporia','Broken Bow','Spearfish','Mandan','Havre','Rawlins','Winnemucca',
 'Tonopah','Kanab','Show Low','Truth or Consequences','Alamogordo','Espanola','Gunnison','Salida','Pueblo West',
 'Conneaut','Punxsutawney','Wilkes-Barre','Hazleton','Oneonta','Plattsburgh','Massena','Presque Isle','Brattleboro',
 'St. Johnsbury','Woonsocket','Willimantic','Frostburg','Bluefield','Beckley','Wytheville','Lumberton','Orangeburg',
 'Valdosta','Thomasville','Hattiesburg','Ruston','Natchez','Texarkana','Muskogee','Guymon','Dalhart','Pampa','Uvalde',
 'Port Lavaca','Pocatello','Walla Walla','Klamath Falls','Coos Bay','Ukiah','Kahului','Kodiak','Bethel',
 # invented
 'East Harrowgate','Pellbrook','Quarry Hollow','New Tallisford','Ambersville','Crooked Creek Junction','Lake Osmund',
 'North Vennington','Durrow Falls','Kesselring','Port Adair','Marlowe Springs','Saint Ives Landing','Dunmore Flats',
 'Gillamsport','Wrenfield','Ockley Mills','Bramhall','South Pettibone','Fort Corbin']
COUNTY = ['Tuscarawas County','Holmes County','Wyandot County','Forest County','Keya Paha County','Loving County',
 'Mineral County','Esmeralda County','Hinsdale County','Petroleum County','Glasscock County','Issaquena County',
 'Pocahontas County','Tyrrell County','Kalawao County','Alpine County','Garfield County','Sioux County']
STREET = ['Magnolia','Tecumseh','Old Mill','Bittersweet','Quail Run','Cottonwood','Harmony','Juniper Ridge','Sawgrass',
 'Kingfisher','Blue Heron','Westminster','Tamarack','Persimmon','Wagon Wheel','Red Bud','Calloway','Pinecrest',
 'Eagle Nest','Sycamore','Briarwood','Hollyhock','Fox Chase','Deer Path','Saddlebrook','Whispering Pines','Ironwood',
 'County Road 12','Route 9','Martin Luther King Jr','Cedar Knoll','Thistle','Lark','Copperfield','Mill Pond','Owl Hollow',
 'Riverbend','Stonegate','Pheasant','Honeysuckle','Ridgecrest','Fairview','Chestnut Hill','Orchard View']
SUFFIX = ['Street','St','St.','Avenue','Ave','Ave.','Road','Rd','Boulevard','Blvd','Lane','Ln','Drive','Dr','Court','Ct',
 'Circle','Cir','Place','Pl','Terrace','Ter','Way','Trail','Trl','Parkway','Pkwy','Highway','Hwy','Pike','Manor','Mnr',
 'Prairie','Spur','Forges','Gateway','Landing','Lndg','Orchard','Grove','Grv','Crossing','Xing','Run','Pass','Bend',
 'Loop','Cove','Hollow','Heights','Hts','Ridge','Row','Square','Sq','Mews','Alley','Glen','Meadows','Point','Pt',
 'Estates','Knolls','Vista','Walk','Commons','Turnpike','Expressway','Causeway','Creek','Crest','Bluff','Harbor',
 'Isle','Junction','Park','Path','Plaza','Shoals','Springs','Summit','Trace','View','Village','Villas','Wells']
DIRS = ['', '', '', 'N ', 'S. ', 'East ', 'W ', 'NE ', 'Southwest ']
UNIT = ['Apt {n}', 'Apt. {n}', 'Unit {n}', '#{n}', 'Suite {n}', 'Ste {n}', 'Bldg {L}', 'Lot {n}', 'Trlr {n}', 'Rm {n}',
 'Fl {n2}', 'Apt {n}{L}', 'Unit {L}-{n}', 'Bldg {n}, Apt {n2}', 'Spc {n}', 'Lower', 'Rear']
FAC = ['Pellbrook Regional Medical Center','St. Casimir Hospital','Our Lady of Lourdes Memorial','Tionesta Valley Clinic',
 'Kessler-Whitcomb Rehabilitation Institute','Harrowgate Family Practice','Sunrise Acres Nursing Home','Maple Shade Manor',
 'Golden Pond Assisted Living','Bethany Lutheran Church','Mount Zion AME Church','Holy Redeemer Parish','Lincoln Elementary School',
 'Ockley Mills High School','Northfield Community College','Durrow Falls Correctional Facility','Tri-County Dialysis',
 'Valley View Behavioral Health','Wrenfield Pediatrics','Crooked Creek Rural Health Clinic','Hillcrest Hospice House',
 'Gillamsport Free Clinic','Marlowe Springs Surgery Center','Tyson Poultry plant','Walmart Distribution Center #6021',
 'the Hartwell Foundry','Amberline Logistics','Kodiak Seafoods','Cedar Point amusement park','First Baptist Church of Ambersville',
 'Temple Beth Shalom','Al-Noor Islamic Center','St. Brigid Catholic School','Riverside Christian Academy','Pueblo West VA Clinic',
 'Bemidji Indian Health Service Clinic','Lake Osmund Urgent Care','Kahului Community Health Center','Sisters of Mercy Convent',
 'Redwood Elder Care','Bramhall Memorial Hospital','Quarry Hollow Fire Department','Fort Corbin Army Medical Clinic',
 'Gunnison Valley Hospital','Port Adair Cannery','Sacred Heart Medical Center at Riverbend']
MONTHS = ['January','February','March','April','May','June','July','August','September','October','November','December']
ORD = {1:'first',2:'second',3:'third',4:'fourth',5:'fifth',6:'sixth',7:'seventh',8:'eighth',9:'ninth',10:'tenth',11:'eleventh',12:'twelfth',
       13:'thirteenth',14:'fourteenth',15:'fifteenth',20:'twentieth',21:'twenty-first',22:'twenty-second',23:'twenty-third',28:'twenty-eighth'}
NUMW = {90:'ninety',91:'ninety-one',92:'ninety-two',93:'ninety-three',94:'ninety-four',95:'ninety-five',96:'ninety-six',
        97:'ninety-seven',98:'ninety-eight',99:'ninety-nine',100:'one hundred',101:'one hundred and one',102:'one hundred two',103:'one hundred three'}
DOMAINS = ['pellbrookhealth.org','tionestaclinic.net','gmail.com','yahoo.com','outlook.com','protonmail.com','comcast.net',
 'stcasimir.org','wrenfieldpeds.com','hmc-kodiak.org','icloud.com','aol.com','frontier.net','uni-kesselring.edu','att.net']

def d(n): return ''.join(R.choice(string.digits) for _ in range(n))
def L(n): return ''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(n))
def case(s, mode=None):
    mode = mode or R.choice(['as','as','as','upper','lower'])
    return s.upper() if mode=='upper' else s.lower() if mode=='lower' else s

class Person:
    def __init__(s):
        s.f = R.choice(FIRST); s.l = R.choice(LAST); s.m = R.choice(string.ascii_uppercase)
def name(kind, p):
    f,l,m = p.f,p.l,p.m
    return {'full': f'{f} {l}', 'first': f, 'last': l, 'lf': f'{l}, {f}', 'LF': f'{l.upper()}, {f.upper()}',
            'lfm': f'{l}, {f} {m}.', 'fml': f'{f} {m}. {l}', 'lower': f'{f.lower()} {l.lower()}',
            'upper': f'{f.upper()} {l.upper()}', 'init': f'{f[0]}.{l[0]}.', 'initc': f'{f[0]}{l[0]}',
            'fi': f'{f[0]}. {l}', 'any': R.choice([f'{f} {l}', f'{l}, {f}', f'{f} {m}. {l}', f'{f.upper()} {l.upper()}'])}[kind]

def date(kind=None):
    y = R.randint(1931, 2026); mo = R.randint(1,12); dd = R.randint(1,28); M = MONTHS[mo-1]
    kinds = ['mdy','mdy2','iso','long','longu','dmy_long','abbr','dmon','ord','slash_short','my','mony','md','dots','dash','spelled','ordin']
    k = kind or R.choice(kinds)
    return {'mdy': f'{mo:02d}/{dd:02d}/{y}', 'mdy2': f'{mo}/{dd}/{y%100:02d}', 'iso': f'{y}-{mo:02d}-{dd:02d}',
            'long': f'{M} {dd}, {y}', 'longu': f'{M.upper()} {dd}, {y}', 'dmy_long': f'{dd} {M} {y}',
            'abbr': f'{M[:3]}. {dd}, {y}' if M!='May' else f'May {dd} {y}', 'dmon': f'{dd:02d}-{M[:3].upper()}-{y}',
            'ord': f'{M} {dd}{"st" if dd in (1,21) else "nd" if dd in (2,22) else "rd" if dd in (3,23) else "th"}',
            'slash_short': f'{mo}/{dd}', 'my': f'{mo:02d}/{y}', 'mony': f'{M} {y}', 'md': f'{M[:3]} {dd}',
            'dots': f'{dd:02d}.{mo:02d}.{y}', 'dash': f'{mo}-{dd}-{y}',
            'spelled': f'the {ORD.get(dd, "tenth")} of {M}', 'ordin': f'{ORD.get(dd,"fifth")} {M.lower()} {y}'}[k]
def age(kind=None):
    a = R.randint(90, 103)
    k = kind or R.choice(['num','num','word','word'])
    return str(a) if k=='num' else NUMW[a]
def phone(kind=None):
    a,b,c = R.choice(['740','330','406','308','575','805','936','318','662','218','641','620','785','605','701','307']), d(3), d(4)
    if b[0] in '01': b = '5'+b[1:]
    k = kind or R.choice(['paren','dash','dot','slash','space','plus','one','ext','x','paren_ns','seven'])
    return {'paren': f'({a}) {b}-{c}', 'paren_ns': f'({a}){b}-{c}', 'dash': f'{a}-{b}-{c}', 'dot': f'{a}.{b}.{c}',
            'slash': f'{a}/{b}-{c}', 'space': f'{a} {b} {c}', 'plus': f'+1 {a} {b} {c}', 'one': f'1-{a}-{b}-{c}',
            'ext': f'({a}) {b}-{c} ext. {d(3)}', 'x': f'{a}-{b}-{c} x{d(4)}', 'seven': f'{b}-{c}'}[k]
def email(p=None):
    p = p or Person(); dom = R.choice(DOMAINS)
    u = R.choice([f'{p.f.lower()}.{p.l.lower()}', f'{p.f[0].lower()}{p.l.lower()}{d(2)}', f'{p.l.lower()}_{p.f.lower()[:3]}',
                  f'{p.f.lower()}{d(4)}', f'nurse.line{d(1)}'])
    u = re.sub(r"[^a-z0-9._]", '', u)
    return f'{u}@{dom}'
def url():
    return R.choice([f'https://portal.{R.choice(DOMAINS)}/patient/{d(6)}', f'www.{R.choice(["caringbridge.org/visit/","gofundme.com/f/help-"])}{R.choice(FIRST).lower()}-{R.choice(LAST).lower().replace(" ","")}',
                     f'http://{d(2)}.{d(3)}.{R.choice(["pellbrookhealth.org","stcasimir.org"])}/pacs/study?id={d(8)}',
                     f'https://www.facebook.com/{R.choice(FIRST).lower()}.{R.choice(LAST).lower().replace(" ","")}{d(2)}',
                     f'mychart.{R.choice(DOMAINS)}/MyChart/{d(7)}', f'https://drive.{R.choice(DOMAINS)}/s/{L(3).lower()}{d(5)}'])
def ip():
    if R.random() < 0.15: return f'fe80::{d(2)}a:{d(1)}bff:fe{d(2)}:{d(4)}'
    return '.'.join(str(R.randint(1, 254)) for _ in range(4))
def ssn(kind=None):
    a = str(R.randint(100, 665)); b = f'{R.randint(10,99)}'; c = f'{R.randint(1000,9999)}'
    k = kind or R.choice(['dash','dash','space','plain','last4'])
    return {'dash': f'{a}-{b}-{c}', 'space': f'{a} {b} {c}', 'plain': f'{a}{b}{c}', 'last4': c}[k]
def mrn():
    return R.choice([d(8), f'{d(2)}-{d(3)}-{d(3)}', f'{d(4)}{L(1)}{d(3)}', f'M{d(7)}', f'{L(2)}{d(6)}', f'{d(3)}-{d(2)}-{d(2)}', f'000{d(6)}', f'E{d(9)}'])
def account():
    return R.choice([d(10), f'{L(3)}{d(9)}', f'{d(1)}{L(2)}{d(1)}-{d(3)}-{L(2)}{d(2)}', f'W{d(9)}', f'{d(4)}-{d(4)}-{d(2)}',
                     f'ZGP{d(8)}', f'{d(11)}A', f'{L(1)}{d(8)}'])
def npi():
    base = '1' + d(8)
    s = '80840' + base; tot = 0
    for i, ch in enumerate(reversed(s)):
        x = int(ch)
        if i % 2 == 0:
            x *= 2; x = x - 9 if x > 9 else x
        tot += x
    return base + str((10 - tot % 10) % 10)
def dea():
    p = R.choice('ABFM') + R.choice(string.ascii_uppercase); n = [int(x) for x in d(6)]
    chk = (n[0]+n[2]+n[4] + 2*(n[1]+n[3]+n[5])) % 10
    return p + ''.join(map(str, n)) + str(chk)
def license_(kind=None):
    k = kind or R.choice(['npi','dea','state','dl','dl2'])
    return {'npi': npi(), 'dea': dea(), 'state': R.choice([f'{d(2)}-{d(6)}', f'MD{d(6)}', f'G{d(5)}', f'RN{d(7)}', f'{d(5)}']),
            'dl': R.choice([f'{L(2)}{d(6)}', f'{d(3)}-{d(2)}-{d(4)}', f'{L(1)}{d(3)}-{d(4)}-{d(4)}']), 'dl2': f'{L(1)}{d(8)}'}[k]
def vin():
    ch = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'
    return R.choice(['1','2','3','5','J','W','K']) + ''.join(R.choice(ch) for _ in range(16))
def vehicle(kind=None):
    k = kind or R.choice(['plate','plate','vin','plate2','plate3'])
    return {'plate': f'{d(1)}{L(3)}{d(3)}', 'plate2': f'{L(3)}-{d(4)}', 'plate3': f'{L(3)} {d(3)}', 'vin': vin()}[k]
def device():
    return R.choice([f'{L(3)}{d(6)}{L(1)}', f'{L(2)}{d(7)}', f'{d(4)}-{d(5)}', f'PJN{d(6)}', f'RNA{d(6)}H', f'{L(1)}{d(9)}',
                     f'(01){d(14)}(21){L(2)}{d(5)}', f'{d(10)}', f'G{d(2)}{L(1)}{d(5)}'])
def address(kind=None):
    n = str(R.choice([R.randint(1, 99), R.randint(100, 9999), R.randint(10000, 99999)]))
    st = f'{R.choice(DIRS)}{R.choice(STREET)} {R.choice(SUFFIX)}'
    if 'Route' in st or 'County Road' in st: st = st.rsplit(' ', 1)[0]
    a = f'{n} {st}'
    k = kind or R.choice(['plain','unit','unit','case','pobox','rr'])
    if k == 'unit':
        u = R.choice(UNIT).format(n=R.randint(1, 420), n2=R.randint(1, 30), L=R.choice('ABCDEFGH'))
        a = f'{a}{R.choice([", ", " "])}{u}'
    if k == 'case': a = case(a, R.choice(['upper','lower']))
    if k == 'pobox': a = R.choice([f'PO Box {d(3)}', f'P.O. Box {d(4)}', f'Post Office Box {d(2)}'])
    if k == 'rr': a = R.choice([f'RR 2 Box {d(2)}', f'Rural Route 4, Box {d(3)}', f'HC 61 Box {d(4)}'])
    return a
def zipc(): return R.choice([d(5), d(5), f'{d(5)}-{d(4)}'])
def town(): return R.choice(TOWN + TOWN + COUNTY)
def fac(kind=None):
    pats = {'hc': r'Hospital|Clinic|Center|Medical|Memorial|Health|Dialysis|Hospice|Pediatrics|Practice|Institute|Care',
            'school': r'School|College|Academy', 'church': r'Church|Parish|Temple|Islamic|Convent',
            'emp': r'plant|Distribution|Foundry|Logistics|Seafoods|Cannery|park|Fire Department',
            'nh': r'Nursing|Manor|Assisted|Elder|Hospice|Correctional|Convent|Behavioral'}
    pool = [f for f in FAC if not kind or (re.search(pats[kind], f) and not (kind == 'hc' and re.search(r'Islamic|Church|School|Parish|Convent|Correctional|Behavioral', f)))]
    return R.choice(pool)

# negatives (no span)
DRUG = ['metoprolol 25 mg p.o. b.i.d.','lisinopril 10 mg daily','warfarin 5 mg alternating with 7.5 mg','insulin glargine 22 units at bedtime',
 'amoxicillin-clavulanate 875/125 mg','levothyroxine 88 mcg','furosemide 40 mg IV x1','prednisone taper 60-40-20','Eliquis 2.5 mg b.i.d.',
 'Keppra 500 mg q.12h.','Zofran 4 mg ODT q.6h. p.r.n.','vancomycin 1.25 g IV q.12h.','heparin 5000 units subcutaneously q.8h.',
 'Coumadin','Lasix 20 mg','Norco 5/325 one to two tablets q.4-6h. p.r.n.','Augmentin','Humalog sliding scale','ceftriaxone 1 g IV q.24h.']
NEG = {
 'bp': lambda: f'{R.randint(96,182)}/{R.randint(52,104)}',
 'hr': lambda: str(R.randint(48, 132)), 'rr': lambda: str(R.randint(12, 28)), 'temp': lambda: R.choice(['98.6','99.1','100.4','37.2','101.3','97.9']),
 'sat': lambda: f'{R.randint(88, 100)}%', 'drug': lambda: R.choice(DRUG),
 'ageyoung': lambda: str(R.randint(18, 88)), 'murmur': lambda: R.choice(['2/6','3/6','1/6','4/6']),
 'gp': lambda: f'G{R.randint(1,6)}P{R.randint(0,5)}', 'level': lambda: R.choice(['C5-6','C6-C7','L4-5','L5-S1','T11-T12','C3-4']),
 'lab': lambda: R.choice([f'sodium {R.randint(128,146)}, potassium {R.randint(31,55)/10}, chloride {R.randint(95,110)}, bicarb {R.randint(18,30)}, BUN {R.randint(8,60)}, creatinine {R.randint(6,30)/10}, glucose {R.randint(70,340)}',
     f'WBC {R.randint(30,190)/10}, hemoglobin {R.randint(70,160)/10}, hematocrit {R.randint(22,48)}, platelets {R.randint(90,450)},000', f'INR {R.randint(9,45)/10}, PTT {R.randint(24,90)}',
     f'hemoglobin A1c {R.randint(52,131)/10}%', f'TSH {R.randint(1,90)/10}, free T4 {R.randint(6,25)/10}', f'troponin I 0.0{R.randint(1,9)}, BNP {R.randint(40,2400)}']),
 'dim': lambda: f'{R.randint(1,9)}.{R.randint(0,9)} x {R.randint(1,9)}.{R.randint(0,9)} cm', 'ratio': lambda: R.choice(['20/20','20/40','20/200','20/70','20/25']), 'strength': lambda: R.choice(['5/5','4+/5','4-/5']), 'dil': lambda: R.choice(['1:1000','1:100,000','1:200,000']),
 'gcs': lambda: str(R.randint(3, 15)), 'apgar': lambda: f'{R.randint(5,9)} and {R.randint(7,9)}', 'ef': lambda: f'{R.randint(20,65)}%',
 'dose': lambda: R.choice(['0.5 mg/kg','2 g','40 mEq','1 unit/kg/hr','10 mL/kg bolus','125 mL/hr']), 'size': lambda: R.choice(['7.5','8.0','14 French','16-French','20-gauge','3-0 Vicryl','4-0 Monocryl']),
 'ekg': lambda: R.choice(['PR 0.16','QRS 0.08','QTc 462','QT/QTc 380/441']), 'wt': lambda: R.choice(['72.4 kg','185 lb','3.2 kg','5 feet 6 inches','BMI 31.4']),
 'clock': lambda: R.choice(['0730','14:20','2:15 p.m.','11:05 AM','2340','06:45','9:30am']), 'time': lambda: R.choice(['0730','14:20','2:15 p.m.','at 0300 hours','x3 days','for 2 weeks','q.4h.']), 'score': lambda: R.choice(['NIHSS 4','MMSE 24/30','PHQ-9 of 17','Wells score 3','CHA2DS2-VASc 4','Mallampati class II','ASA III','Gleason 3+4=7','BI-RADS 4','Child-Pugh B']),
 'carrier': lambda: None,
}

# ---------------- passage shapes with identifiers (hand-written) ----------------
T = [
# 1 discharge summary header
"DISCHARGE SUMMARY\nPatient: {NAME.LF:1}   MRN: {MRN}   Acct: {ACCOUNT}\nAdmitted: {DATE.mdy}   Discharged: {DATE.mdy}\nAttending: Dr. {NAME.last:2}\n\nHOSPITAL COURSE: {carrier} {NAME.first:1} was discharged home with her daughter on {DATE.long}.",
# 2 referral letter
"{DATE.long}\n\nRe: {NAME.full:1}\nDOB: {DATE.mdy}\n\nDear Dr. {NAME.last:2},\n\nThank you for referring {NAME.first:1} to our clinic at {FACILITY.hc}. {carrier} Please call me at {PHONE} or fax records to {FAX} with any questions.\n\nSincerely,\n{NAME.fml:3}, MD",
# 3 phone message
"PHONE MSG {DATE.slash_short} {neg.clock}: pt's son {NAME.first:2} called re: his mother ({NAME.full:1}), states she fell at home last night. callback {PHONE.dash}. he is at work at {FACILITY} until 5. {carrier}",
# 4 ED triage
"ED TRIAGE NOTE. {AGE} yo F BIBA from {FACILITY.nh} c/o SOB x2 days. BP {neg.bp} HR {neg.hr} RR {neg.rr} SpO2 {neg.sat} on RA. Facility contact: {PHONE}. {carrier}",
# 5 nursing note with first name subject
"Nursing note {DATE.mdy2} 2200: {NAME.first:1} resting in bed, family at bedside. {NAME.first:1} then ambulated to bathroom with assist x1. Husband {NAME.full:2} asked that updates go to {PHONE.x}. {carrier}",
# 6 social history
"SOCIAL HISTORY: {carrier} She lives alone in a trailer at {ADDRESS.unit} in {LOCATION}, works part-time at {FACILITY.emp}, and attends {FACILITY.church} on Sundays. Nearest neighbour is her nephew.",
# 7 face sheet
"REGISTRATION / FACE SHEET\nName: {NAME.LF:1}\nDOB: {DATE.dmon}   Sex: M\nSSN: {SSN.dash}\nAddress: {ADDRESS}\n          {LOCATION} {ZIP}\nHome ph: {PHONE.paren}   Cell: {PHONE.dot}\nPrimary ins: Medicaid ID {ACCOUNT}\nGuarantor: {NAME.full:2}",
# 8 consult request
"Consult request to neurology: please see {NAME.fi:1} (MR# {MRN}), bed 4B, for new left facial droop since {DATE.md}. Requesting physician {NAME.full:2}, pager {PHONE.seven}. {carrier}",
# 9 tele-mentoring case presentation
"Case presentation for ECHO session {DATE.mdy}. Our patient is a {AGE}-year-old retired schoolteacher from {LOCATION}, a town of about 900 people. {carrier} She is followed at {FACILITY.hc} and her daughter drives her the 40 miles from {LOCATION}.",
# 10 email between clinicians
"From: {EMAIL}\nTo: {EMAIL}\nSent: {DATE.abbr} 7:42 AM\nSubject: {NAME.last:1} follow-up\n\nHi {NAME.first:2}, the CT from {FACILITY.hc} is on the shared drive ({URL}). {carrier} Can you call me on my cell {PHONE.dot}?",
# 11 pipe table row
"{NAME.LF:1} | {DATE.longu} | {MRN} | {FACILITY}\n{NAME.LF:2} | {DATE.mdy} | {MRN} | {FACILITY}",
# 12 lowercase typed note
"pt {NAME.lower:1} seen today w/ wife. lives at {ADDRESS.case} {LOCATION} {ZIP}. {carrier} f/u 2 wks.",
# 13 insurance block
"INSURANCE\nPrimary: BCBS {ACCOUNT}  Group {ACCOUNT}\nSecondary: Tricare {ACCOUNT}\nSubscriber: {NAME.upper:2} (spouse), DOB {DATE.mdy}",
# 14 vehicle - police / MVA
"Patient was the restrained driver in a MVC on {DATE.dash}. Per trooper, vehicle plates {VEHICLE.plate}, VIN {VEHICLE.vin}; other driver's tag {VEHICLE.plate2}. {carrier} Tow yard in {LOCATION} holds the car.",
# 15 device
"Pacemaker interrogation: device serial number {DEVICE}, leads RA ser. no. {DEVICE} and RV SN {DEVICE}. Implanted {DATE.my} at {FACILITY.hc}. {carrier}",
# 16 prescriptions
"Rx: {neg.drug}, #30, no refills.\nPrescriber: {NAME.fml:2}, MD   DEA {LICENSE.dea}   NPI {LICENSE.npi}\nState lic. {LICENSE.state}\nPatient: {NAME.full:1}  DOB {DATE.mdy}",
# 17 partial SSN
"Identity verified by caller: last four of SSN {SSN.last4}, date of birth {DATE.long}, and home zip {ZIP}. {carrier}",
# 18 IT / portal log
"Portal message flagged by IT: login for {NAME.full:1} from IP {IP} at {neg.clock}; second session from {IP}. Account email {EMAIL}. {carrier}",
# 19 home health
"HOME HEALTH VISIT. Address of service: {ADDRESS.unit}, {LOCATION}, {ZIP}. Gate code given by patient. {carrier} Caregiver {NAME.first:2} present. Agency phone {PHONE.slash}.",
# 20 operative note with names
"The patient, {NAME.full:1}, was brought to the operating room. {carrier} {NAME.first:1} tolerated the procedure well. Assistant: {NAME.fi:2}. Specimen to pathology at {FACILITY.hc}.",
# 21 death/ very old
"Mrs. {NAME.last:1} is a pleasant {AGE.word}-year-old widow. {carrier} She celebrated her birthday on {DATE.spelled} with family at {FACILITY}.",
# 22 ER collateral
"Collateral from neighbor {NAME.any:2} ({PHONE.space}): pt found down in his garage on {DATE.ord}. He lives on {STREET_ONLY} in {LOCATION}. {carrier}",
# 23 transfer
"TRANSFER NOTE: accepted in transfer from {FACILITY.hc}, {LOCATION}, on {DATE.iso}. Accepting physician: {NAME.full:2}. Report called to RN {NAME.first:3} at {PHONE.ext}. Fax H&P to {FAX}. {carrier}",
# 24 school note
"To whom it may concern: {NAME.full:1} (DOB {DATE.mdy}) was seen in our clinic today and may return to {FACILITY.school} on {DATE.md}. {carrier} Questions: {PHONE}.",
# 25 vaccine / device lot
"Insulin pump replaced: old pump SN {DEVICE}, new pump serial # {DEVICE}. CGM transmitter ID {DEVICE}. {carrier} Teaching done with mother {NAME.first:2}.",
# 26 DL verification
"ID verified at registration with driver's license {LICENSE.dl} (state ID). Emergency contact: {NAME.full:2}, {PHONE.one}. {carrier}",
# 27 social work
"SOCIAL WORK: Patient is a {AGE}-year-old male veteran living with his sister at {ADDRESS}, {LOCATION}. {carrier} He no longer drives; his truck (tag {VEHICLE}) was sold. Attends day program at {FACILITY}.",
# 28 lab requisition
"LAB REQUISITION  Pt: {NAME.LF:1}  MRN {MRN}  FIN {ACCOUNT}  Collected {DATE.mdy} {neg.clock}  Ordering: {NAME.fi:2} NPI {LICENSE.npi}  Results: {neg.lab}",
# 29 radiology with PACS url and ip
"Images available on PACS viewer at {URL} (workstation {IP}). Comparison study {DATE.mdy2} from {FACILITY.hc}. {carrier}",
# 30 mixed-case header
"patient name: {NAME.lower:1}\ndate of birth: {DATE.mdy}\nmedical record #: {MRN}\nreferring clinic: {FACILITY}\n{carrier}",
# 31 HPI narrative with age
"HISTORY OF PRESENT ILLNESS: This is a {AGE} y/o gentleman from {LOCATION} who presents on {DATE.long} with progressive dyspnea. {carrier} His granddaughter {NAME.full:2} accompanies him.",
# 32 address w/ "from his home on"
"EMS report: transported from his home on {ADDRESS} to {FACILITY.hc}. {carrier} Medic unit callback {PHONE}.",
# 33 SMS/texting style
"Texted pt's daughter ({PHONE.paren_ns}) per her request -- she says mom's new address is {ADDRESS.unit}, {LOCATION} {ZIP}. {carrier}",
# 34 clinic letter footer
"{carrier}\n\n{FACILITY.hc}\n{ADDRESS.unit}\n{LOCATION} {ZIP}\nTel {PHONE.dot} | Fax {FAX} | {URL}",
# 35 claim denial
"Claim for DOS {DATE.mdy} denied by payer. Member ID {ACCOUNT}, claim # {ACCOUNT}. Appeal sent to Humana, attn: {NAME.full:2}, fax {FAX}. {carrier}",
# 36 dental / firearm / odd
"Occupational history: {carrier} Worked 31 years as a welder at {FACILITY.emp} in {LOCATION} until the plant closed in {DATE.mony}.",
# 37 mental health
"Pt reports he has been staying at {FACILITY.nh} since {DATE.slash_short}. Prior address {ADDRESS}, {LOCATION}. Probation officer {NAME.full:2} ({PHONE.dash}). {carrier}",
# 38 obstetric
"{NAME.first:1} is a {neg.gp} at {neg.ageyoung} weeks who transferred care from {FACILITY.hc}. EDD {DATE.mdy}. Partner {NAME.full:2}. {carrier}",
# 39 pediatric
"WELL CHILD VISIT {DATE.dmy_long}. {NAME.full:1} is here with grandmother. Attends {FACILITY.school}, 2nd grade. {carrier} Mother can be reached at {PHONE.plus}.",
# 40 coroner / death note
"Pronounced at {neg.clock} on {DATE.long}. Family ({NAME.full:2}, son) notified by phone at {PHONE}. Body released to {FACILITY.hc}. {carrier}",
# 41 signature block
"{carrier}\n\nElectronically signed by: {NAME.upper:2}, MD on {DATE.mdy} {neg.clock}\nNPI: {LICENSE.npi}\n{EMAIL}",
# 42 ECHO intake form
"ECHO CASE SUBMISSION FORM\nPresenter: {NAME.fml:2} ({FACILITY.hc})\nPresenter email: {EMAIL}\nPatient age: {AGE}\nPatient county: {LOCATION}\nDate of last visit: {DATE.mdy2}\nQuestion: {carrier}",
# 43 billing
"Statement date {DATE.mdy}. Account number {ACCOUNT}. Please remit to {FACILITY.hc}, {ADDRESS.pobox}, {LOCATION} {ZIP}. Questions: {PHONE.one}.",
# 44 name initials
"Pt. {NAME.initc:1} seen in follow-up. {carrier} Discussed with {NAME.init:2} (resident) and {NAME.full:3}.",
# 45 records release
"AUTHORIZATION FOR RELEASE: I, {NAME.full:1}, SSN {SSN}, authorize {FACILITY.hc} to release records to {FACILITY.hc}, fax {FAX}. Signed {DATE.mdy}.",
# 46 adult protective
"APS report filed {DATE.mdy}. Client lives at {ADDRESS.rr}, {LOCATION}, with son {NAME.first:2}, who drives a red pickup, plate {VEHICLE.plate2}. {carrier}",
# 47 wound care with device
"Wound VAC unit {DEVICE} applied {DATE.ord}. {carrier} Supply company rep {NAME.full:2} at {PHONE.x}.",
# 48 very old in list
"CENSUS: Rm 12 {NAME.LF:1} {AGE} F CHF; Rm 14 {NAME.LF:2} {AGE} M hip fx; Rm 15 {NAME.LF:3} 78F UTI.",
# 49 hospice
"Hospice admission. Patient {AGE.word} years old, lives with wife at {ADDRESS} {LOCATION}. {carrier} Chaplain from {FACILITY.church} visiting weekly.",
# 50 ophtho w dmv
"Vision certification for DMV: {NAME.full:1}, license # {LICENSE.dl2}, best corrected {neg.ratio} OU on {DATE.mdy}. {carrier}",
# 51 dictation with cues absent
"{NAME.full:1} {DATE.mdy} {MRN}\n{carrier}",
# 52 research / contact
"Enrolled in registry {DATE.iso}. Study coordinator {NAME.full:2}, {EMAIL}, {PHONE.ext}. Subject's SSN on file ends in {SSN.last4}. {carrier}",
# 53 pharmacy call
"Call from {FACILITY.hc} pharmacy ({PHONE.dot}, fax {FAX}) re: {NAME.full:1} DOB {DATE.mdy2}: prescriber number {LICENSE.state} not valid. {carrier}",
# 54 rural address w county
"Lives on a farm outside {LOCATION} in {LOCATION}, {ADDRESS.rr}, zip code {ZIP}. {carrier}",
# 55 ambulance / vehicle reg
"Bystander on {STREET_ONLY} took down the other car's reg. {VEHICLE.plate3} and VIN {VEHICLE.vin}; patient's own car, tag {VEHICLE.plate}, was towed. {carrier}",
# 56 all caps header
"PATIENT: {NAME.upper:1}   DOB: {DATE.longu}   AGE: {AGE}\nADDRESS: {ADDRESS.case} {LOCATION} {ZIP}\nPCP: {NAME.upper:2} AT {FACILITY.hc}",
# 57 email body informal
"hey {NAME.first:2} -- {NAME.first:1}'s mom emailed again from {EMAIL}, she wants the letter sent to {ADDRESS.unit}. {carrier} thx",
# 58 MRN variants
"Duplicate chart merge: H# {MRN} merged into MR # {MRN}; encounter FIN {ACCOUNT}. Patient {NAME.LF:1}, DOB {DATE.mdy}.",
# 59 webcam / telehealth
"Telehealth visit {DATE.mdy} via {URL}. Patient connected from home ({LOCATION}); IP logged {IP}. {carrier}",
# 60 court / guardian
"Guardian of record: {NAME.full:2}, {ADDRESS}, {LOCATION} {ZIP}, phone {PHONE.paren}. {carrier}",
# 61 immunization
"Immunizations given today {DATE.mdy2} at {FACILITY.hc}. VIS date {DATE.mdy}. {carrier} Next dose due {DATE.mony}.",
# 62 MVA bike / license
"Motorcycle crash; patient's vehicle identification number {VEHICLE.vin}, license plate {VEHICLE.plate}. Driver license {LICENSE.dl} confiscated by police. {carrier}",
# 63 hearing aid / cochlear
"Cochlear implant processor S/N {DEVICE} replaced under warranty; implant serial {DEVICE}. {carrier} Contact audiologist {NAME.full:2}, {EMAIL}.",
# 64 employer / work comp
"WORKERS COMP: injured {DATE.long} at {FACILITY.emp}. Claim no. {ACCOUNT}. Adjuster {NAME.full:2}, tel {PHONE.dash}, fax {FAX}. {carrier}",
# 65 network log
"Audit: chart of {NAME.full:1} (MRN {MRN}) opened from {IP} and {IP} by user {EMAIL}. {carrier}",
# 66 sentence-initial first names
"{carrier} {NAME.first:1} denies chest pain. {NAME.first:1} reports her sister {NAME.first:2} manages her pills.",
# 67 ages various
"Oldest resident at {FACILITY.nh}, age {AGE}, and her roommate, aged {AGE}, both tested positive. {carrier}",
# 68 referral fax cover
"FAX COVER  To: {FACILITY.hc}  Fax: {FAX}  From: {NAME.full:2}  Phone: {PHONE}  Pages: 4  Date: {DATE.mdy}  Re: {NAME.LF:1}",
# 69 website mention
"Family ({NAME.lower:2}) set up a fundraising page at {URL} and posted updates at {URL}. {carrier}",
# 70 address with two units
"Mail to {ADDRESS.unit}, {LOCATION} {ZIP} (not the old address at {ADDRESS}). {carrier}",
]

T2 = [
"Benefits check: SSN {SSN.dash}, Medicare Beneficiary ID {ACCOUNT}, supplemental policy {ACCOUNT}. {carrier} Patient is {AGE} and lives in {LOCATION} {ZIP}.",
"Reg. desk: pt gave social as {SSN.space}; spouse's social {SSN.plain}. {carrier} Chart no. {MRN}, visit acct {ACCOUNT}.",
"Impound release form: {VEHICLE.plate} ({VEHICLE.vin}); second vehicle tag {VEHICLE.plate2}. Owner {NAME.full:1}, DL {LICENSE.dl}. {carrier}",
"Explant record: generator serial {DEVICE} (model 5076), lead serials {DEVICE}, {DEVICE}. UDI {DEVICE}. {carrier}",
"Controlled substance log: {neg.drug} prescribed by {NAME.fi:2}, DEA# {LICENSE.dea}, NPI {LICENSE.npi}; co-signer DEA {LICENSE.dea}. {carrier}",
"Remote monitoring transmission received from home monitor {DEVICE} at IP {IP}; data at {URL}. {carrier}",
"{carrier} Age at visit: {AGE}. Spouse age {AGE.word}. Zip {ZIP}; previous zip {ZIP}.",
"Medical records: patient has two charts (MRN {MRN} and {MRN}); old account {ACCOUNT} closed {DATE.mdy}. Social ends in {SSN.last4}. {carrier}",
"VPN access from {IP} / {IP} for remote read; reports uploaded to {URL}. Contact {EMAIL}. {carrier}",
"Provider enrollment: {NAME.fml:2}, license {LICENSE.state}, NPI {LICENSE.npi}, DEA {LICENSE.dea}, office {ADDRESS.unit}, {LOCATION} {ZIP}.",
"MVA: patient's car, a silver sedan with plates {VEHICLE}, was hit by a truck (VIN {VEHICLE.vin}). {carrier} He is {AGE} years old and still drives.",
"Fax log {DATE.mdy}: records for MRN {MRN} (SSN {SSN.dash}) sent to {FAX}; retry to alternate fax {FAX.paren}. {carrier}",
"Outside records request. Patient identifiers: Med rec # {MRN}; SS# {SSN}; DOB {DATE.long}. Return by fax to {FAX} attn HIM. {carrier}",
"Eligibility call: subscriber SSN {SSN.dash}, dependent SSN {SSN.plain}; rep confirmed the last 4 ({SSN.last4}) and plan ID {ACCOUNT}. {carrier}",
"Durable equipment: oxygen concentrator S/N {DEVICE}, CPAP ser {DEVICE}, delivered to {ADDRESS}, {LOCATION} {ZIP}. {carrier}",
]

# ---------------- clean passage shapes (hard negatives, no identifiers) ----------------
C = [
"History of Graves disease treated with radioactive iodine; now on {neg.drug}. {carrier} BP {neg.bp}, HR {neg.hr}, T {neg.temp}.",
"Exam: grade {neg.murmur} systolic murmur at the left sternal border. No S3. {carrier} EKG: {neg.ekg}.",
"NEUROLOGIC: Bell's palsy on the right, House-Brackmann grade III. {carrier} Glasgow Coma Scale {neg.gcs}.",
"OB HISTORY: {neg.gp}, Apgars {neg.apgar} at 1 and 5 minutes. {carrier} Pitocin started at {neg.clock}.",
"MRI C-spine: disc osteophyte complex at {neg.level} with foraminal narrowing; mild changes at {neg.level}. {carrier}",
"A {neg.size} Foley catheter was placed with return of clear urine. {carrier} Estimated blood loss 50 mL; urine output 300 mL.",
"Pancreaticoduodenectomy (Whipple procedure) was performed. {carrier} Drain output 120 mL, JP #2 minimal.",
"LABS: {neg.lab}. {neg.lab}. {carrier}",
"Parkinson disease, Hoehn and Yahr stage 2, on carbidopa/levodopa 25/100 t.i.d. {carrier} {neg.score}.",
"VITALS: T {neg.temp} F, BP {neg.bp}, P {neg.hr}, R {neg.rr}, O2 sat {neg.sat} on 2 L. Weight {neg.wt}. {carrier}",
"Echo: EF {neg.ef}, mild MR, RVSP 38 mmHg. {carrier} Started {neg.drug}.",
"{carrier} Lesion measured {neg.dim}; second lesion {neg.dim}. Margins 0.2 cm. Lidocaine with epinephrine {neg.dil} used.",
"Visual acuity {neg.ratio} OD and {neg.ratio} OS. IOP 17/19. {carrier}",
"Medications: 1. {neg.drug}. 2. {neg.drug}. 3. {neg.drug}. 4. Vitamin D3 2000 IU daily.",
"Strength {neg.strength} in the upper extremities, 4/5 hip flexors. Reflexes 2+ and symmetric. {carrier} Babinski downgoing. Romberg negative.",
"Hashimoto thyroiditis, Crohn disease in remission, and Raynaud phenomenon. {carrier} {neg.lab}.",
"ASSESSMENT: {neg.score}. {carrier} Plan recheck in 3 to 4 weeks; Holter monitor x48 hours.",
"Placed a Swan-Ganz catheter via right IJ; wedge 18, CI 2.1. {carrier} Levophed at 0.08 mcg/kg/min.",
"The patient was positioned in Trendelenburg. A Veress needle was inserted at Palmer's point. {carrier} Pneumoperitoneum to 15 mmHg.",
"Bishop score 8. Cervix 4/80/-1. {carrier} {neg.gp}, EGA 39 weeks 2 days.",
"Alzheimer dementia, MMSE 19/30. Lewy body features absent. {carrier} Continue donepezil 10 mg nightly.",
"Hodgkin lymphoma stage IIA, s/p ABVD x 6 cycles. {carrier} PET Deauville 2.",
"Ankle-brachial index 0.72 on the right and 0.91 on the left. {carrier} Doppler signals biphasic.",
"Glucose log: fasting 110-145, post-prandial up to 210. {carrier} Increase {neg.drug}.",
"ENT: Weber midline, Rinne positive bilaterally. Tympanograms type A. {carrier}",
"Dx: Guillain-Barre syndrome. IVIG 0.4 g/kg/day x 5 days. {carrier} FVC 1.9 L, NIF -30.",
"Kernig and Brudzinski signs negative. {carrier} LP opening pressure 22 cm H2O; CSF protein 45, glucose 60, WBC 3.",
"Hgb trend 9.8 -> 8.1 -> 7.4; transfused 2 units PRBC. {carrier} Type and screen O positive.",
"Weaned to CPAP 5/5, FiO2 40%. ABG 7.38/42/88. {carrier} Extubated at {neg.clock}.",
"Lachman 2+, anterior drawer positive, McMurray negative. {carrier} Plan ACL reconstruction with BTB autograft.",
"ROS: negative x 12 systems except as noted. {carrier} Ages {neg.ageyoung} and {neg.ageyoung} for siblings, both healthy.",
"Lumbar fusion {neg.level} with 6.5 x 45 mm pedicle screws. {carrier} Cell saver returned 250 mL.",
"Cushing syndrome ruled out: 1 mg dexamethasone suppression cortisol 1.2. {carrier} ACTH 18.",
"Dosing: {neg.dose} then {neg.dose}. {carrier} Recheck level in 6 hours.",
"Addison disease on hydrocortisone 15/5. Sick-day rules reviewed. {carrier}",
"Score summary: {neg.score}; {neg.score}; {neg.score}. {carrier}",
"Cranial nerves II-XII intact. Hoffmann sign absent. {carrier} Gait normal, tandem intact.",
"IV fluids at {neg.dose}. Potassium 40 mEq replaced. {carrier} Strict I/O, daily weights.",
"Ht 170 cm, wt 82 kg, BMI 28.4. BSA 1.94. {carrier} Dose of carboplatin AUC 5 calculated.",
"Tanner stage 3. Growth at the 45th percentile. {carrier} Bone age 11 years 6 months.",
"Mallory-Weiss tear seen at the GE junction at 38 cm. Barrett esophagus absent. {carrier}",
"Meniere disease with episodes every 2-3 weeks. {carrier} Low-sodium diet, 1500 mg/day.",
]

PH = re.compile(r'\{([A-Za-z_]+)(?:\.(\w+))?(?::(\d))?\}')
def gen(cat, kind, people, idx):
    if cat == 'NAME':
        p = people.setdefault(idx or '0', Person()); return name(kind or 'full', p)
    if cat == 'DATE': return date(kind)
    if cat == 'AGE': return age(kind)
    if cat in ('PHONE', 'FAX'): return phone(kind)
    if cat == 'EMAIL': return email(people.get('2') or people.get('1'))
    if cat == 'URL': return url()
    if cat == 'IP': return ip()
    if cat == 'SSN': return ssn(kind)
    if cat == 'MRN': return mrn()
    if cat == 'ACCOUNT': return account()
    if cat == 'LICENSE': return license_(kind)
    if cat == 'VEHICLE': return vehicle(kind)
    if cat == 'DEVICE': return device()
    if cat == 'ADDRESS': return address(kind)
    if cat == 'LOCATION': return town()
    if cat == 'ZIP': return zipc()
    if cat == 'FACILITY': return fac(kind)
    raise KeyError(cat)

def fill(tpl):
    people = {}; out = []; spans = []; pos = 0; carrier = None; n = 0
    for m in PH.finditer(tpl):
        lit = tpl[pos:m.start()]; out.append(lit); n += len(lit); pos = m.end()
        cat, kind, idx = m.group(1), m.group(2), m.group(3)
        if cat == 'carrier':
            ref, s = R.choice(CARRIER); carrier = carrier or ref; val = s; span = None
        elif cat == 'neg':
            val = NEG[kind](); span = None
        elif cat == 'STREET_ONLY':
            val = f'{R.choice(STREET)} {R.choice(SUFFIX)}'; span = 'ADDRESS'
        else:
            val = gen(cat, kind, people, idx); span = cat
        if span: spans.append([n, n + len(val), span])
        out.append(val); n += len(val)
    out.append(tpl[pos:]); text = ''.join(out)
    if carrier is None:
        ref, s = R.choice(CARRIER); carrier = ref
        text = s + ' ' + text if R.random() < 0.5 else text + ' ' + s
        if text.startswith(s): spans = [[a + len(s) + 1, b + len(s) + 1, c] for a, b, c in spans]
    return text, spans, carrier

def vary(tpl):
    # light surface variation: drop or change some cue words / punctuation
    subs = [('Phone', R.choice(['Phone', 'Ph', 'Tel', 'phone #', 'Callback'])), ('DOB ', R.choice(['DOB ', 'DOB: ', 'D.O.B. ', 'born ', ''])),
            ('MRN ', R.choice(['MRN ', 'MRN: ', 'MR#', 'Med Rec No. ', 'chart # ', ''])), ('Fax ', R.choice(['Fax ', 'FAX: ', 'F ', 'fax# '])),
            ('fax ', R.choice(['fax ', 'fx ', 'fax# ', 'facsimile '])), ('SSN ', R.choice(['SSN ', 'SS# ', 'Social Security No. ', 'soc sec ']))]
    for a, b in subs:
        if a in tpl and R.random() < 0.5: tpl = tpl.replace(a, b, 1)
    return tpl

def main():
    rows = []
    order = []
    TT = T + T2
    order = list(range(len(T))) * 2 + list(range(len(T), len(TT))) * 5
    R.shuffle(order); order = order[:200]
    for i, ti in enumerate(order):
        text, spans, car = fill(vary(TT[ti]))
        rows.append({'id': f'h2-{i+1:03d}-t{ti+1:02d}', 'split': 'heldout', 'carrier': car, 'text': text, 'spans': spans})
    corder = list(range(len(C))) * 3; R.shuffle(corder); corder = corder[:100]
    for i, ci in enumerate(corder):
        text, spans, car = fill(C[ci]); assert not spans
        rows.append({'id': f'c2-{i+1:03d}-c{ci+1:02d}', 'split': 'heldout', 'carrier': car, 'text': text, 'spans': []})
    R.shuffle(rows)
    for r in rows:
        for a, b, c in r['spans']:
            v = r['text'][a:b]
            assert v and v == v.strip() and re.search(r'[A-Za-z0-9]', v), (r['id'], v)
    with open(__import__('pathlib').Path(__file__).with_name('heldout.jsonl'), 'w', encoding='utf-8') as fh:
        for r in rows: fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    from collections import Counter
    cnt = Counter(c for r in rows for _, _, c in r['spans'])
    print(len(rows), sum(1 for r in rows if r['spans']), dict(sorted(cnt.items())))
main()
