"""Second evaluation set, built another way than build.py: realistic.jsonl.

Hand-written sentence and row templates in the styles clinicians and registration systems
use (registration headers, table rows, nursing notes, referral letters, discharge summaries,
ECHO case forms), filled with values from Faker's en_US providers (fake towns such as
"South Anthonyfurt", USPS street suffixes, plates, SSNs, phones with extensions) and from
generated numbers, inserted into clean corpus paragraphs (clean.jsonl carriers). Values
never come from build.py's lexicon or the detector's word lists.

Half the passages carry identifiers; the other half carry hard negatives (eponyms, drugs,
devices, measurements, street-like words in clinical use) and must stay clean.

Splits: "dev" (seed 5, dev carriers) is tuned on; "check" (seed 23, held-out carriers,
other Faker seed) is only reported. Both use the same templates, so "check" shows
over-fitting to values, not to phrasings.

Run: PYTHONPATH=. python eval/deid/realistic.py   (needs Faker; development only)
"""

from __future__ import annotations

import json
import random
import re
import string
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent

# {kind} slots; kinds map to a gold category and a value maker below.
PLANTED = [
    # registration headers and table rows
    "PATIENT: {last}, {first} | DOB: {date} | MRN: {mrn}",
    "{last}, {first} | {date_caps} | {mrn_dash} | {facility}",
    "Name: {first} {last}    Sex: F    DOB {date_num}    Acct {account}",
    "Pt: {first_lc} {last_lc}, {age} yo, seen {date_num}",
    "H# {mrn_alnum}   FIN {fin}   Adm {date_num}",
    "MR # {mrn_dash}   Attending: {first} {last}, MD",
    "Insurance: BCBS {payer_id}; secondary Tricare {digits10}",
    "Payer: Humana {humana_id}   Group {group}",
    "Address: {street}, {city}, {state} {zip}",
    "Home address: {street_upper}",
    "{street} {unit2}, {city} {zip}",
    "Phone: {phone}   Fax: {fax}",
    "Emergency contact: {first} {last} (daughter) {phone}",
    "Email {email}; portal {url}",
    # narrative: nursing notes, discharge summaries
    "{first} then actively moved all extremities on command.",
    "{first} tolerated the procedure well and was transferred to recovery.",
    "Patient is a {age}-year-old widow who lives alone.",
    "{first} {last} is a {age} y/o man admitted on {date_month}.",
    "Discharged home with her son {first} on {date_month}.",
    "She was brought in from her home on {street_name_only} by EMS.",
    "He walked from his home on {street_name_only} to the pharmacy.",
    "Lives in {city}, zip code {zip}.",
    "Lives at {street_lower} with his wife.",
    "Resides in {city} with her grandson.",
    "He is from {city} {zip} and farms there.",
    "Returned to {city}, {zip} after discharge.",
    "Patient moved to {city} last spring.",
    "Last four of SSN: {ssn4}.",
    "Social security number on file ends in {ssn4}.",
    "SSN {ssn}.",
    "He drove himself; car tag {plate}.",
    "Plates {plate} noted by security.",
    "Vehicle reg. {plate_spaced} parked in the ED bay.",
    "VIN {vin} recorded by the officer.",
    "Pump ser. no. {serial}.",
    "Glucose monitor unit {device_unit} was replaced.",
    "Pacemaker SN {serial}.",
    "Prescriber number {npi}; DEA {dea}.",
    "DL {dl}, verified at registration.",
    "Driver's license {dl} on file.",
    "Medicaid {medicaid} active.",
    "Seen at {facility} on {date_num}.",
    "Referred from {facility} for further care.",
    "She turned {age_bare} last month.",
    "Age: {age_bare}",
    "Call {phone} after 5 pm.",
    "Admitted {date_iso}; discharged {date_dmy}.",
    # referral letter / ECHO case form
    "Dear Dr. {last},\nThank you for seeing {first} {last}.",
    "Presenter: {first} {last}, NP, {facility}",
    "Case for {initials}, a farmer from {city}.",
    "pt. {initials2} reports less pain today.",
]

NEGATIVES = [
    "Grade 2/6 systolic murmur at the left sternal border; 5/5 strength throughout.",
    "Started Eliquis 5 mg twice daily; Foley catheter removed on day 2.",
    "Babinski sign negative; Romberg negative; Hoffmann sign absent.",
    "BP 124/78, HR 72, temperature 98.6, SpO2 97% on room air.",
    "Walker at home; uses a cane for longer distances; Landing of stairs is a hazard.",
    "Parkinson disease, Crohn disease and Graves disease are in the family history.",
    "Applied a Bovie for hemostasis; closed with 3-0 Vicryl and 4-0 Monocryl.",
    "Mallampati class II; ASA 3; Glasgow Coma Scale 15.",
    "Drain output 45 mL over 24 hours; JP drain left in place.",
    "Hemoglobin A1c 8.4%, LDL 132, creatinine 1.1, eGFR 68.",
    "Seen by Physical Therapy; Stage 2 pressure ulcer over the sacrum.",
    "Whipple procedure in 2015; Nissen fundoplication planned.",
    "Lot of the vaccine recorded in the immunization record per protocol.",
    "Room 12 is quiet; Bed 2 by the window; Unit policy allows visitors.",
    "Hemoccult cards x3; Holter monitor for 48 hours; Doppler of both legs.",
    "The Cotton osteotomy and Lapidus bunionectomy were discussed.",
    "Follow-up in 3 months with the Heart Failure Clinic.",
    "Metformin 1000 mg BID; lisinopril 20 mg daily; Lantus 22 units at bedtime.",
    "Spring allergies; Brook Army Medical guidelines were not applicable.",
    "Valsalva maneuver terminated the SVT; Wolff-Parkinson-White excluded.",
]


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


class Values:
    def __init__(self, fake: Faker, rng: random.Random):
        self.f, self.r = fake, rng

    def _d(self, n: int) -> str:
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def _u(self, n: int) -> str:
        return "".join(self.r.choice(string.ascii_uppercase) for _ in range(n))

    def make(self, kind: str) -> tuple[str, str]:
        f, r = self.f, self.r
        date = f.date_of_birth(minimum_age=1, maximum_age=95)
        table = {
            "first": ("NAME", lambda: f.first_name()),
            "last": ("NAME", lambda: f.last_name()),
            "first_lc": ("NAME", lambda: f.first_name().lower()),
            "last_lc": ("NAME", lambda: f.last_name().lower()),
            "initials": ("NAME", lambda: f"{self._u(1)}.{self._u(1)}."),
            "initials2": ("NAME", lambda: self._u(2)),
            "date": ("DATE", lambda: date.strftime("%m/%d/%Y")),
            "date_caps": ("DATE", lambda: date.strftime("%B %d, %Y").upper()),
            "date_num": ("DATE", lambda: date.strftime(r.choice(["%m/%d/%Y", "%m/%d/%y"]))),
            "date_month": ("DATE", lambda: date.strftime(r.choice(["%B %d", "%b %d, %Y"]))),
            "date_iso": ("DATE", lambda: date.isoformat()),
            "date_dmy": ("DATE", lambda: date.strftime("%d-%b-%Y")),
            "age": ("AGE", lambda: str(r.randint(90, 104))),
            "age_bare": ("AGE", lambda: str(r.randint(90, 104))),
            "mrn": ("ID", lambda: self._d(r.choice([7, 8]))),
            "mrn_dash": ("ID", lambda: f"{self._d(2)}-{self._d(3)}-{self._d(3)}"),
            "mrn_alnum": ("ID", lambda: f"{self._d(4)}{self._u(1)}{self._d(3)}"),
            "fin": ("ID", lambda: self._d(10)),
            "account": ("ID", lambda: self._d(r.choice([6, 9]))),
            "payer_id": ("ID", lambda: self._u(3) + self._d(9)),
            "digits10": ("ID", lambda: self._d(10)),
            "humana_id": ("ID", lambda: f"{self._d(1)}{self._u(2)}{self._d(1)}-{self._d(4)}"),
            "group": ("ID", lambda: self._d(6)),
            "medicaid": ("ID", lambda: self._u(2) + self._d(5) + self._u(1)),
            "npi": ("ID", lambda: (b := "1" + self._d(8)) + luhn_digit("80840" + b)),
            "dea": ("ID", lambda: self._u(2) + self._d(7)),
            "dl": ("ID", lambda: f"{self._d(3)}-{self._d(5)}"),
            "street": ("ADDRESS", lambda: f.street_address()),
            "street_upper": ("ADDRESS", lambda: f.street_address().upper()),
            "street_lower": ("ADDRESS", lambda: f.street_address().lower()),
            "street_name_only": ("ADDRESS", lambda: f.street_name()),
            "unit2": ("ADDRESS", lambda: f"Apt {self._d(2)} Bldg {self._u(1)}"),
            "city": ("LOCATION", lambda: f.city()),
            "state": ("LOCATION_STATE", lambda: f.state_abbr()),
            "zip": ("ZIP", lambda: f.zipcode()),
            "ssn": ("SSN", lambda: f.ssn()),
            "ssn4": ("SSN", lambda: self._d(4)),
            "plate": ("VEHICLE", lambda: f.license_plate()),
            "plate_spaced": ("VEHICLE", lambda: f"{self._u(3)} {self._d(3)}"),
            "vin": ("VEHICLE", lambda: "".join(r.choice(VIN_CHARS) for _ in range(17))),
            "serial": ("DEVICE", lambda: self._u(2) + self._d(7)),
            "device_unit": ("DEVICE", lambda: self._u(3) + self._d(6) + self._u(1)),
            "phone": ("PHONE", lambda: f.phone_number()),
            "fax": ("PHONE", lambda: f.phone_number().split("x")[0]),
            "email": ("EMAIL", lambda: f.email()),
            "url": ("URL", lambda: f.url()),
            "facility": (
                "FACILITY",
                lambda: (
                    r.choice([f.city(), f.last_name()])
                    + " "
                    + r.choice(
                        [
                            "Clinic",
                            "Memorial Hospital",
                            "Medical Center",
                            "Health Center",
                            "Family Practice",
                            "Nursing Home",
                            "Rehabilitation Center",
                        ]
                    )
                ),
            ),
        }
        cat, fn = table[kind]
        return cat, fn()


def fill(template: str, values: Values) -> tuple[str, list[list]]:
    out, spans, pos = [], [], 0
    names: dict[str, str] = {}
    for m in re.finditer(r"\{(\w+)\}", template):
        out.append(template[pos : m.start()])
        kind = m.group(1)
        # one person per template: the same slot kind repeats the same value
        if kind in names:
            cat, value = "NAME", names[kind]
        else:
            cat, value = values.make(kind)
            if cat == "NAME":
                names[kind] = value
        start = sum(len(p) for p in out)
        out.append(value)
        if cat != "LOCATION_STATE":  # a state alone is not a Safe Harbor identifier
            spans.append([start, start + len(value), cat])
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def build(split: str, carrier_split: str, seed: int, n: int) -> list[dict]:
    rng = random.Random(seed)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    values = Values(fake, rng)
    carriers = [
        json.loads(line)["text"]
        for line in (HERE / "clean.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["split"] == carrier_split
    ]
    carriers = [c for c in carriers if 80 < len(c) < 1500]
    rows = []
    for i in range(n):
        carrier = rng.choice(carriers)
        picks = rng.sample(PLANTED, rng.randint(2, 4))
        text, spans = carrier, []
        for template in picks:
            sentence, local = fill(template, values)
            sep = "\n" if "|" in template or ":" in template[:12] else " "
            base = len(text) + len(sep)
            text = text + sep + sentence
            spans.extend([a + base, b + base, c] for a, b, c in local)
        rows.append({"id": f"{split}-r{i:04d}", "split": split, "text": text, "spans": spans})
    for i in range(n):
        carrier = rng.choice(carriers)
        extra = " ".join(rng.sample(NEGATIVES, 2))
        rows.append(
            {"id": f"{split}-n{i:04d}", "split": split, "text": carrier + " " + extra, "spans": []}
        )
    return rows


def main() -> None:
    rows = build("dev", "dev", 5, 250) + build("check", "heldout", 23, 250)
    with open(HERE / "realistic.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages")


if __name__ == "__main__":
    main()
