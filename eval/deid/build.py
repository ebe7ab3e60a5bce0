"""Seeded generator of the de-identification evaluation set.

Writes, next to this file:
* planted.jsonl: corpus paragraphs (carriers) with planted identifiers,
  {"id", "split", "carrier", "text", "spans": [[start, end, category], ...]};
* clean.jsonl: clean clinical passages (corpus paragraphs with their placeholders, and
  hand-written eponym-heavy passages from eponym_passages.txt), {"id", "split", "text"}.
  "split" is "dev" (tuned on) or "heldout" (not tuned on).

The two splits use different seeds, different corpus documents, different cue templates
and disjoint halves of the name/town lists.  Name values come from eval/deid/lexicon.json
(made once with Faker, several locales), not from the detector's census lists.

Run: python eval/deid/build.py   (stdlib only; reads ../shared/corpus/cases.jsonl)
"""

from __future__ import annotations

import json
import random
import re
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "cases.jsonl"


def _split(words: str) -> list[str]:
    return words.split()


LEX = json.loads((HERE / "lexicon.json").read_text(encoding="utf-8"))

TOWNS = _split("""
Lebanon Hanover Springfield Claremont Enfield Plainfield Canaan Grafton Orford Lyme
Piermont Haverhill Woodsville Littleton Lisbon Bath Bradford Newbury Sunapee Newport Charlestown
Walpole Keene Peterborough Jaffrey Rindge Milford Amherst Nashua Hudson Salem Derry Londonderry
Concord Bow Hopkinton Henniker Warner Andover Franklin Tilton Laconia Meredith Plymouth Rumney
Wentworth Lincoln Woodstock Thornton Conway Bartlett Jackson Gorham Berlin Lancaster Colebrook
Pittsburg Errol Randolph Jefferson Whitefield Bethlehem Franconia Sugar_Hill Hartford Norwich
Thetford Fairlee Bradford Randolph Bethel Royalton Sharon Pomfret Woodstock Quechee Windsor
Springfield Chester Ludlow Rutland Brandon Middlebury Vergennes Burlington Winooski Essex
Montpelier Barre Waterbury Stowe Morrisville Hardwick Lyndonville Newport Derby Brattleboro
Bennington Manchester Dorset Wells_River Ely Pittsfield Lenox Great_Barrington Northampton
Amherst Greenfield Athol Gardner Fitchburg Leominster Worcester Framingham Natick Lowell
Lawrence Haverhill Newburyport Gloucester Salem Lynn Quincy Brockton Plymouth Falmouth
Barnstable Hyannis Chatham Provincetown Nantucket Bangor Augusta Waterville Lewiston Auburn
Portland Biddeford Saco Sanford Kittery Presque_Isle Caribou Houlton Ellsworth Belfast Camden
Rockland Bath Brunswick Farmington Skowhegan Dover Rochester Somersworth Exeter Hampton
Portsmouth Durham Wolfeboro Ossipee Albany Syracuse Utica Ithaca Elmira Binghamton Plattsburgh
Malone Potsdam Canton Watertown Oswego Geneva Batavia Olean Jamestown Erie Scranton Altoona
Harrisburg Lancaster York Reading Allentown Bethlehem Easton Wilkes-Barre Hazleton Pottsville
Toledo Dayton Akron Canton Youngstown Zanesville Chillicothe Athens Marietta Lima Findlay
Muncie Kokomo Terre_Haute Bloomington Evansville Peoria Decatur Champaign Urbana Joliet Elgin
Rockford Dubuque Ames Ottumwa Waterloo Mankato Duluth Bemidji Brainerd Hibbing Fargo Minot
Bismarck Pierre Rapid_City Casper Laramie Cheyenne Missoula Bozeman Billings Helena Butte Boise
Pocatello Twin_Falls Provo Ogden Logan Moab Flagstaff Prescott Yuma Tucson Gallup Taos Roswell
Amarillo Lubbock Abilene Odessa Midland Tyler Waco Temple Killeen Laredo Beaumont Tupelo
Meridian Hattiesburg Biloxi Natchez Monroe Lafayette Opelousas Shreveport Texarkana Hot_Springs
Jonesboro Conway Fayetteville Joplin Branson Sedalia Hannibal Paducah Bowling_Green Hazard
Pikeville Frankfort Lexington Asheville Boone Hickory Gastonia Greenville Spartanburg Florence
Sumter Aiken Macon Albany Valdosta Dothan Tuscaloosa Gadsden Anniston Ocala Gainesville
Lakeland Sebring Naples Palatka Chico Redding Eureka Ukiah Modesto Merced Fresno Visalia
Bakersfield Salinas Medford Bend Eugene Corvallis Astoria Yakima Wenatchee Spokane Bellingham
Olympia Aberdeen Juneau Ketchikan Fairbanks Nome Hilo Kailua""")

STREETS_EXTRA = _split("""
Oak Elm Maple Main Pine Cedar Church Mill River Lake Park School High Spring
Chestnut Walnut Birch Willow Hillside Meadow Orchard Prospect Summit Pleasant Union Water
Bridge Depot Railroad Valley Highland Ridge Forest Sunset Lincoln Washington Franklin""")

FAC_STEMS = [
    "Riverside",
    "Lakeview",
    "Hillcrest",
    "Mercy",
    "Valley",
    "Cottage",
    "Alice Peck Day",
    "Upper Connecticut Valley",
    "Concord",
    "Elliot",
    "Wentworth-Douglass",
    "Catholic Medical",
    "Exeter",
    "Frisbie",
    "Huggins",
    "Littleton",
    "Weeks",
    "Androscoggin Valley",
    "Cheshire",
    "Monadnock",
    "Speare",
    "Valley Regional",
    "Springfield",
    "Gifford",
    "Copley",
    "Northwestern",
    "Brattleboro Memorial",
    "Southwestern Vermont",
    "Rutland",
    "Porter",
    "Central Maine",
    "Eastern Maine",
    "Mid Coast",
    "Pen Bay",
    "Waldo",
    "Inland",
    "Redington",
    "Franklin",
    "Stephens",
    "Bridgton",
    "Maine",
    "Berkshire",
    "Baystate",
    "Cooley Dickinson",
    "Heywood",
    "Holyoke",
    "Mount Auburn",
    "Beth Israel",
    "Lahey",
    "Tufts",
    "Milford",
    "Sturdy",
    "Morton",
    "Emerson",
    "Lowell General",
    "Hallmark",
    "Anna Jaques",
    "Winchester",
    "Good Samaritan",
    "Holy Family",
    "Saint Vincent",
    "Fairview",
    "Glencrest",
    "Pinecrest",
    "Brookside",
    "Meadowbrook",
    "Oakwood",
    "Elmwood",
    "Parkview",
    "Westfield",
    "Greenbriar",
    "Sycamore",
    "Cedar Ridge",
    "Willowbrook",
    "Stonegate",
    "Harborview",
    "Bayside",
    "Clearwater",
    "Sunnyvale",
    "Kessler",
    "Mayfield",
    "Hartwell",
    "Dunmore",
    "Ashford",
    "Kingsley",
    "Whitfield",
    "Barrington",
    "Carlisle",
    "Thornbury",
]
SAINTS = _split("""Mary's Joseph's Luke's Anne's Elizabeth's Francis Vincent's Michael's Catherine's
Peter's Jude Clare's Agnes Patrick's Raphael's Anthony's Margaret's Teresa's Gabriel's""")
FAC_HEADS_DEV = [
    "Hospital",
    "Medical Center",
    "Community Clinic",
    "Health Center",
    "Elementary School",
    "Nursing Home",
    "Memorial Hospital",
    "Family Practice",
]
FAC_HEADS_HO = [
    "Regional Hospital",
    "Clinic",
    "Healthcare",
    "High School",
    "Rehabilitation Center",
    "Medical Group",
    "Middle School",
    "Hospice",
    "Assisted Living",
    "Urgent Care",
]

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
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
STATES = [
    "NH",
    "VT",
    "ME",
    "MA",
    "NY",
    "PA",
    "OH",
    "New Hampshire",
    "Vermont",
    "Maine",
    "Massachusetts",
    "Texas",
    "Iowa",
    "Ohio",
    "Oregon",
    "WA",
    "CA",
    "TX",
    "FL",
    "GA",
]
EMAIL_DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "comcast.net",
    "aol.com",
    "hitchcock.org",
    "valleyhealth.org",
    "myclinic.net",
    "uvm.edu",
    "icloud.com",
]


def _ordinal(d: int) -> str:
    return str(d) + ("th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


class Gen:
    def __init__(self, seed: int, split: str):
        self.r = random.Random(seed)
        half = 0 if split == "dev" else 1
        self.first = LEX["first"][half::2]
        self.last = LEX["last"][half::2]
        self.towns = [t.replace("_", " ") for t in sorted(set(TOWNS))][half::2]
        self.streets = (LEX["street"] + STREETS_EXTRA)[half::2]
        self.fac = FAC_STEMS[half::2]
        self.saints = SAINTS[half::2]
        self.heads = FAC_HEADS_DEV if split == "dev" else FAC_HEADS_HO
        self.split = split

    # ---- values
    def c(self, seq):
        return self.r.choice(seq)

    def first_name(self):
        return self.c(self.first)

    def last_name(self):
        return self.c(self.last)

    def date(self, style=None):
        r = self.r
        y, m, d = r.randint(1925, 2025), r.randint(1, 12), r.randint(1, 28)
        styles = [
            "mdy",
            "mdy0",
            "mdy2",
            "iso",
            "long",
            "long_noc",
            "dlong",
            "mon_th",
            "month_year",
            "mon_d",
            "the_of",
            "dmy_dash",
            "mdy_dash",
            "mon_dot_y",
        ]
        st = style or r.choice(styles)
        return {
            "mdy": f"{m}/{d}/{y}",
            "mdy0": f"{m:02d}/{d:02d}/{y}",
            "mdy2": f"{m}-{d}-{y % 100:02d}",
            "iso": f"{y}-{m:02d}-{d:02d}",
            "long": f"{MONTHS[m - 1]} {d}, {y}",
            "long_noc": f"{MONTHS[m - 1]} {d} {y}",
            "dlong": f"{d} {MONTHS[m - 1]} {y}",
            "mon_th": f"{MON3[m - 1]} {_ordinal(d)}",
            "month_year": f"{MONTHS[m - 1]} {y}",
            "mon_d": f"{MON3[m - 1]}. {d}, {y}",
            "the_of": f"{_ordinal(d)} of {MONTHS[m - 1]}",
            "dmy_dash": f"{d:02d}-{MON3[m - 1]}-{y}",
            "mdy_dash": f"{m:02d}-{d:02d}-{y}",
            "mon_dot_y": f"{MON3[m - 1]} {d}, {y}",
            "md": f"{m}/{d}",
        }[st]

    def phone(self):
        r = self.r
        a, b, c = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
        st = r.randrange(7)
        s = [
            f"{a}-{b}-{c:04d}",
            f"({a}) {b}-{c:04d}",
            f"{a}.{b}.{c:04d}",
            f"+1 {a} {b} {c:04d}",
            f"1-{a}-{b}-{c:04d}",
            f"({a}){b}-{c:04d}",
            f"{a}-{b}-{c:04d} ext. {r.randint(10, 9999)}",
        ][st]
        return s

    def email(self):
        f, ln = self.first_name().lower(), self.last_name().lower()
        f = re.sub(r"[^a-z]", "", f) or "pt"
        ln = re.sub(r"[^a-z]", "", ln) or "x"
        user = self.c([f"{f}.{ln}", f"{f[0]}{ln}", f"{f}{self.r.randint(1, 99)}", f"{ln}_{f}"])
        return f"{user}@{self.c(EMAIL_DOMAINS)}"

    def ssn(self, dashed=True):
        a, b, c = self.r.randint(100, 899), self.r.randint(10, 99), self.r.randint(1000, 9999)
        return f"{a}-{b}-{c}" if dashed else f"{a}{b}{c}"

    def code(self, pattern):
        out = []
        for ch in pattern:
            if ch == "9":
                out.append(self.c(string.digits))
            elif ch == "A":
                out.append(self.c(string.ascii_uppercase))
            else:
                out.append(ch)
        return "".join(out)

    def mrn(self):
        return self.code(
            self.c(
                [
                    "9999999",
                    "99999999",
                    "A99-9999",
                    "MR9999999",
                    "999-99-99",
                    "AAA999999999",
                    "A9999999",
                    "99999-999",
                    "E99999999",
                ]
            )
        )

    def plate(self):
        return self.code(
            self.c(["9AAA999", "AAA 9999", "AAA-999", "99A 999", "A99-AAA", "AAA9999"])
        )

    def vin(self):
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        return (
            "1"
            + "".join(self.c(chars) for _ in range(9))
            + "".join(self.c("0123456789") for _ in range(7))
        )

    def serial(self):
        return self.code(
            self.c(
                [
                    "SN-9999-AA",
                    "AAA999999A",
                    "99999999",
                    "PJN999999",
                    "A9A-99999",
                    "RNA999999H",
                    "9999-AAA-9999",
                ]
            )
        )

    def url(self):
        word = self.c(LEX["company"])
        return self.c(
            [
                f"https://www.{word}family.com/patients/{self.r.randint(100, 9999)}",
                f"http://{word}.org",
                f"www.{word}-photos.net/album",
                f"https://facebook.com/{word}.{self.r.randint(1, 99)}",
                f"https://{word}.blogspot.com",
            ]
        )

    def ip(self):
        r = self.r
        if r.random() < 0.6:
            return ".".join(str(r.randint(1, 254)) for _ in range(4))
        groups = [f"{r.randint(0, 65535):x}" for _ in range(8)]
        if r.random() < 0.5:
            return ":".join(groups)
        return f"2001:db8::{groups[0]}:{groups[1]}"

    def address(self):
        r = self.r
        num = r.randint(1, 9999)
        st = self.c(self.streets)
        suf = self.c(
            [
                "Street",
                "St.",
                "Avenue",
                "Ave",
                "Road",
                "Rd.",
                "Lane",
                "Drive",
                "Court",
                "Way",
                "Boulevard",
                "Circle",
                "Terrace",
                "Place",
            ]
        )
        unit = self.c(
            [
                "",
                "",
                "",
                f", Apt {r.randint(1, 40)}{self.c('ABCD')}",
                f" Unit {r.randint(1, 20)}",
                f", Suite {r.randint(100, 500)}",
            ]
        )
        k = r.random()
        if k < 0.12:
            return f"PO Box {r.randint(1, 9999)}"
        if k < 0.18:
            return f"{num} Route {r.randint(1, 120)}"
        return f"{num} {st} {suf}{unit}"

    def zip(self):
        z = (
            f"0{self.r.randint(1000, 9999)}"
            if self.r.random() < 0.5
            else f"{self.r.randint(10000, 99999)}"
        )
        return z + (f"-{self.r.randint(1000, 9999)}" if self.r.random() < 0.3 else "")

    def facility(self):
        r = self.r
        k = r.random()
        if k < 0.25:
            return (
                "St. "
                + self.c(self.saints)
                + (" " + self.c(["Hospital", "Medical Center"]) if r.random() < 0.5 else "")
            )
        if k < 0.35:
            return f"{self.c(self.fac)}-{self.c(self.fac)} Medical Center"
        if k < 0.45:
            return f"{self.c(self.towns)} {self.c(self.heads)}"
        return f"{self.c(self.fac)} {self.c(self.heads)}"


# Templates: {slot} names a generator; categories per slot below.  Two disjoint sets.
SLOTS = {
    "first": "NAME",
    "last": "NAME",
    "full": "NAME",
    "fullm": "NAME",
    "lastfirst": "NAME",
    "date": "DATE",
    "dob": "DATE",
    "md": "DATE",
    "age": "AGE",
    "phone": "PHONE",
    "email": "EMAIL",
    "ssn": "SSN",
    "ssn9": "SSN",
    "mrn": "ID",
    "idv": "ID",
    "plate": "VEHICLE",
    "vin": "VEHICLE",
    "serial": "DEVICE",
    "url": "URL",
    "ip": "IP",
    "address": "ADDRESS",
    "city": "LOCATION",
    "zip": "LOCATION",
    "county": "LOCATION",
    "facility": "FACILITY",
}

T_DEV = {
    "NAME": [
        "Mr. {full} is a pleasant gentleman followed in clinic.",
        "Mrs. {last} was accompanied by her husband {first}.",
        "The patient, {full}, presents for follow-up.",
        "Discussed with Dr. {last} from cardiology.",
        "His wife {first} provides most of his care.",
        "Her daughter {first} {last} is the health care proxy.",
        "Patient {last} reports improvement on the current regimen.",
        "Referring physician: {fullm}, MD.",
        "{lastfirst} was seen in follow-up today.",
        "Ms. {last} states that her pain is better.",
        "The patient's son, {first}, was present for the visit.",
        "Case presented by {full}, NP, for recommendations.",
        "She lives with her partner named {first}.",
        "Seen with Dr. {full} and the nurse practitioner.",
    ],
    "DATE": [
        "She was admitted on {date} with worsening dyspnea.",
        "DOB: {dob}.",
        "Last colonoscopy was performed on {date}.",
        "He was discharged home on {date}.",
        "Follow-up appointment scheduled for {date}.",
        "Labs drawn {date} showed an ALT of 54.",
        "Surgery on {md} was uncomplicated.",
        "Date of service: {date}.",
        "HCV RNA was undetectable as of {date}.",
    ],
    "AGE": [
        "The patient is a {age}-year-old woman with heart failure.",
        "He is {age} years old and lives independently.",
        "A {age} yo man presents with confusion.",
        "She is now aged {age} and frail.",
    ],
    "PHONE": [
        "She can be reached at {phone}.",
        "Call the clinic at {phone} with questions.",
        "Contact number for the daughter is {phone}.",
        "Fax results to {phone}.",
    ],
    "EMAIL": [
        "Please send the summary to {email}.",
        "The patient emailed from {email} about refills.",
        "Contact: {email}",
    ],
    "SSN": [
        "SSN: {ssn}.",
        "Social security number {ssn} was verified at registration.",
        "SSN {ssn9} on file.",
    ],
    "ID": [
        "MRN {mrn}.",
        "Medical record number: {mrn}.",
        "Member ID {idv} with the health plan.",
        "Account #{idv} was updated.",
        "Provider NPI {idv} and DEA {idv} on the prescription.",
        "Driver's license no. {idv} was copied.",
    ],
    "VEHICLE": [
        "He was the driver of a car with license plate {plate}.",
        "Vehicle VIN {vin} was involved in the collision.",
        "The truck, plate number {plate}, was towed.",
    ],
    "DEVICE": [
        "Pacemaker serial number {serial} was interrogated.",
        "Insulin pump serial no. {serial} was replaced.",
        "Device ID: {serial}.",
    ],
    "URL": [
        "She posted photos at {url} .",
        "See the family blog {url} for updates.",
    ],
    "IP": [
        "The portal login came from IP address {ip}.",
        "Remote session from {ip} was logged.",
    ],
    "ADDRESS": [
        "He lives at {address}.",
        "Home address: {address}, {city}, {state} {zip}.",
        "Mail the letter to {address}.",
    ],
    "LOCATION": [
        "She lives in {city} with her husband.",
        "He was transferred from {city}, {state}.",
        "Originally from {city}, he moved here last year.",
        "Resident of {county} County.",
        "Seen at the outreach clinic in {city}, {state}.",
        "ZIP code {zip}.",
    ],
    "FACILITY": [
        "She was transferred from {facility} for further care.",
        "He was seen at {facility} last month.",
        "Outside records from {facility} were reviewed.",
        "Her son attends {facility}.",
    ],
}

T_HELDOUT = {
    "NAME": [
        "Spoke with the patient's niece, {full}, by phone.",
        "Dr. {last} performed the procedure without complication.",
        "Pt {last} tolerated the infusion well.",
        "Attending: {fullm}",
        "{full} is a patient of ours with cirrhosis.",
        "Miss {last} arrived with her mother {first}.",
        "Her husband {first} {last} reports she has been more confused.",
        "Presenter: {full}, PA-C.",
        "Signed by {fullm}, RN.",
        "The patient goes by {first}.",
        "Mrs. {full} was seen by Dr. {last}.",
        "Brother {first} is the emergency contact.",
        "Name: {lastfirst}",
        "Her grandson {first} drove her to the appointment.",
    ],
    "DATE": [
        "Date of birth {dob}.",
        "Her last visit was {date}.",
        "Biopsy obtained on {date} confirmed the diagnosis.",
        "Started sofosbuvir/velpatasvir on {date}.",
        "The ultrasound dated {date} showed a nodular liver.",
        "Returned on {md} for a recheck.",
        "Echo performed {date}: EF 35%.",
        "Admitted {date} and discharged {date}.",
    ],
    "AGE": [
        "Patient is a {age} y/o male.",
        "At age {age} she still gardens daily.",
        "This {age}-yr-old woman is here for a second opinion.",
        "He is {age} years of age.",
    ],
    "PHONE": [
        "Tel: {phone}",
        "Her cell is {phone}.",
        "Pager {phone}.",
        "Leave a message at {phone} if no answer.",
    ],
    "EMAIL": [
        "E-mail: {email}",
        "Her son's email address is {email}.",
    ],
    "SSN": [
        "Social Security #: {ssn}",
        "SS# {ssn9}",
        "Her SSN is {ssn}.",
    ],
    "ID": [
        "MR# {mrn}",
        "Health plan beneficiary number {idv}.",
        "Medicaid ID: {idv}",
        "License number {idv} (nursing).",
        "Certificate no. {idv} was issued.",
        "Chart number {mrn}.",
        "Policy number {idv}, group number {idv}.",
    ],
    "VEHICLE": [
        "License plate {plate} was noted by EMS.",
        "VIN: {vin}",
        "Registration {plate} belongs to her son.",
    ],
    "DEVICE": [
        "ICD serial {serial} placed in the left chest.",
        "S/N {serial}",
        "Glucose monitor serial number {serial} was registered.",
    ],
    "URL": [
        "Web: {url}",
        "He started a fundraiser at {url}",
    ],
    "IP": [
        "IP {ip} was associated with the telehealth visit.",
        "Connected from host {ip}.",
    ],
    "ADDRESS": [
        "Address: {address}",
        "She moved to {address} last month.",
        "Residence: {address}, {city}, {state}",
    ],
    "LOCATION": [
        "He resides in {city}.",
        "They drove down from {city} this morning.",
        "She is seen in {city}, {state} by her PCP.",
        "Lives outside of {city} on a farm.",
        "Zip: {zip}",
        "{county} County public health was notified.",
    ],
    "FACILITY": [
        "He was admitted to {facility} in January.",
        "She is a resident at {facility}.",
        "Records were faxed from {facility}.",
        "He teaches at {facility}.",
    ],
}


def fill(gen: Gen, template: str) -> tuple[str, list]:
    out = ""
    spans = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out += template[pos : m.start()]
        pos = m.end()
        slot = m.group(1)
        if slot == "state":
            out += gen.c(STATES)
            continue
        value, parts = _value(gen, slot)
        for a, b, cat in parts:
            spans.append([len(out) + a, len(out) + b, cat])
        out += value
    out += template[pos:]
    return out, spans


def _value(gen: Gen, slot: str) -> tuple[str, list]:
    r = gen.r
    if slot == "first":
        v = gen.first_name()
    elif slot == "last":
        v = gen.last_name()
    elif slot == "full":
        v = f"{gen.first_name()} {gen.last_name()}"
    elif slot == "fullm":
        v = f"{gen.first_name()} {gen.c(string.ascii_uppercase)}. {gen.last_name()}"
    elif slot == "lastfirst":
        v = f"{gen.last_name()}, {gen.first_name()}"
    elif slot in ("date", "dob"):
        v = gen.date()
    elif slot == "md":
        v = gen.date("md")
    elif slot == "age":
        v = str(r.randint(90, 104))
    elif slot == "phone":
        v = gen.phone()
    elif slot == "email":
        v = gen.email()
    elif slot == "ssn":
        v = gen.ssn(True)
    elif slot == "ssn9":
        v = gen.ssn(False)
    elif slot in ("mrn",):
        v = gen.mrn()
    elif slot == "idv":
        v = gen.code(
            gen.c(
                [
                    "AAA999999999",
                    "9999999999",
                    "A9999999",
                    "AA9999999",
                    "999999",
                    "A99-9999",
                    "9AA9AA9AA99",
                ]
            )
        )
    elif slot == "plate":
        v = gen.plate()
    elif slot == "vin":
        v = gen.vin()
    elif slot == "serial":
        v = gen.serial()
    elif slot == "url":
        v = gen.url()
    elif slot == "ip":
        v = gen.ip()
    elif slot == "address":
        v = gen.address()
    elif slot == "city":
        v = gen.c(gen.towns)
    elif slot == "zip":
        v = gen.zip()
    elif slot == "county":
        v = gen.c(
            [
                "Grafton",
                "Sullivan",
                "Merrimack",
                "Coos",
                "Windsor",
                "Orange",
                "Cheshire",
                "Belknap",
                "Carroll",
                "Hillsborough",
                "Rockingham",
                "Strafford",
                "Addison",
                "Caledonia",
                "Essex",
                "Lamoille",
                "Rutland",
                "Bennington",
            ]
        )
    elif slot == "facility":
        v = gen.facility()
    else:
        raise KeyError(slot)
    return v, [(0, len(v), SLOTS[slot])]


# Corpus placeholders replaced by generated values (realistic positions)
PLACEHOLDERS = [
    (re.compile(r"\bDr\. X\b"), lambda g: ("Dr. ", "last")),
    (re.compile(r"\bMonth DD, YYYY\b"), lambda g: ("", "date")),
    (re.compile(r"\bMM/DD/YYYY\b"), lambda g: ("", "date")),
    (re.compile(r"\bABC Hospital\b"), lambda g: ("", "facility")),
    (re.compile(r"\bXYZ Hospital\b"), lambda g: ("", "facility")),
]


# The corpus is "de-identified" but still holds real-format dates, a few clinician names
# and facility names.  Those are identifiers, so paragraphs that show one are neither
# clean passages nor carriers (they would count correct findings as errors).  This screen
# is deliberately crude and independent of the detector.
RESIDUAL = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}/(?:19|20)\d\d\b|\b\d{4}-\d\d-\d\d\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d|of\s+\d)"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
    r"|Dec)[a-z]*\b"
    r"|\b(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+(?!X\b|XYZ\b|ABC\b)[A-Z][a-z]+"
    r"|\b(?!ABC\b|XYZ\b|ABCD\b)[A-Z][a-z]+\s+(?:Medical Center|Hospital|Clinic|Health)"
    r"|\b(?:University|College) of [A-Z]"
)


def _paragraphs(docs):
    for d in docs:
        for i, p in enumerate(re.split(r"\n\s*\n", d["body"])):
            p = p.strip()
            if 120 <= len(p) <= 1500 and p.count(".") >= 2 and not RESIDUAL.search(p):
                yield d["ref"], i, p


ABBREV = ("Dr.", "Mr.", "Ms.", "Mrs.", "St.", "Jr.", "Sr.", "vs.", "No.", "Drs.", "Mt.")


def _insert_sentences(gen, para, templates, k, spans):
    """Insert k templated sentences at sentence boundaries of para (spans are shifted)."""
    text = para
    cats = list(templates)
    for _ in range(k):
        cat = gen.c(cats)
        sent, sspans = fill(gen, gen.c(templates[cat]))
        bounds = [
            m.end()
            for m in re.finditer(r"[.!?]\s+(?=[A-Z])", text)
            if not text[: m.start() + 1].endswith(ABBREV)
            and not any(s <= m.end() < e for s, e, _ in spans)
        ] + [len(text)]
        at = gen.c(bounds)
        if at == len(text):
            ins = " " + sent
            off = at + 1
        else:
            ins = sent + " "
            off = at
        text = text[:at] + ins + text[at:]
        shift = len(ins)
        spans = [[s + shift if s >= at else s, e + shift if s >= at else e, c] for s, e, c in spans]
        spans += [[s + off, e + off, c] for s, e, c in sspans]
    return text, spans


def _replace_placeholders(gen, text):
    spans = []
    for rx, f in PLACEHOLDERS:
        while True:
            m = rx.search(text)
            if not m:
                break
            prefix, slot = f(gen)
            v, parts = _value(gen, slot)
            new = prefix + v
            text = text[: m.start()] + new + text[m.end() :]
            shift = len(new) - (m.end() - m.start())
            spans = [
                [s + shift if s >= m.end() else s, e + shift if s >= m.end() else e, c]
                for s, e, c in spans
            ]
            spans += [
                [m.start() + len(prefix) + a, m.start() + len(prefix) + b, c] for a, b, c in parts
            ]
    return text, spans


ECONYM_PASSAGES = (HERE / "eponym_passages.txt").read_text(encoding="utf-8").split("\n\n")


def build():
    docs = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    docs = [d for d in docs if d["source"] == "mtsamples" or d["source"] == "trec-cds"]
    refs = sorted({d["ref"] for d in docs})
    rr = random.Random(2024)
    rr.shuffle(refs)
    half = set(refs[: len(refs) // 2])
    out_all_p, out_all_c = [], []
    for split, seed, templates in (("dev", 11, T_DEV), ("heldout", 97, T_HELDOUT)):
        gen = Gen(seed, split)
        mine = [d for d in docs if (d["ref"] in half) == (split == "dev")]
        paras = list(_paragraphs(mine))
        gen.r.shuffle(paras)
        planted = []
        for n, (ref, _i, p) in enumerate(paras[:700]):
            text, spans = _replace_placeholders(gen, p)
            # make sure every category appears often: cycle through categories
            cat = list(templates)[n % len(templates)]
            sent, sspans = fill(gen, gen.c(templates[cat]))
            text2, spans = _insert_sentences(gen, text, templates, gen.r.randint(0, 2), spans)
            at = len(text2)
            text2 = text2 + " " + sent
            spans += [[s + at + 1, e + at + 1, c] for s, e, c in sspans]
            for s, e, _c in spans:
                assert 0 <= s < e <= len(text2), (s, e)
            planted.append(
                {
                    "id": f"{split}-p{n:04d}",
                    "split": split,
                    "carrier": ref,
                    "text": text2,
                    "spans": sorted(spans),
                }
            )
        clean = []
        for n, (ref, _i, p) in enumerate(paras[700:1100]):
            clean.append({"id": f"{split}-c{n:04d}", "split": split, "carrier": ref, "text": p})
        for n, p in enumerate(ECONYM_PASSAGES):
            if p.strip() and (n % 2 == 0) == (split == "dev"):
                clean.append(
                    {
                        "id": f"{split}-e{n:03d}",
                        "split": split,
                        "carrier": "handwritten",
                        "text": p.strip(),
                    }
                )
        out_all_p += planted
        out_all_c += clean
        print(split, len(planted), "planted", len(clean), "clean")
    for name, rows in (("planted.jsonl", out_all_p), ("clean.jsonl", out_all_c)):
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    build()
