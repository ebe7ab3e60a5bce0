"""Clean passages of set O: shapes in the styles of the identifier shapes, stitched from pools of
hard negatives. No identifier of any category may appear in them."""

from __future__ import annotations

# eponyms, many sharing a word with a surname of this set's name pools
EPONYMS = [
    "Campbell de Morgan spots", "a Reid colposcopic index of 3", "Hamilton Depression Rating Scale 14",
    "a negative Thompson test", "a Ballard score of 35", "no Spalding sign", "an incompetent Boyd perforator",
    "Katz ADL 4 of 6", "a normal Landau reflex", "a prolonged latent phase on the Friedman curve",
    "a Mallory-Weiss tear", "bedside Schwartz eGFR 62", "the pores of Kohn", "jumper's knee",
    "thyroid storm", "a Hodge pessary", "Hand-Schuller-Christian disease", "a Petersen space hernia",
    "the DuBois body surface area", "a Campbell ureteral stent", "Reid's baseline", "a Storm score",
    "Rowe's sign", "Ortolani and Barlow maneuvers", "a Pemberton sign", "Tinel sign at the wrist",
    "a Baker cyst", "Osgood-Schlatter disease", "Legg-Calve-Perthes disease", "a Bankart lesion",
    "Heberden nodes", "Bouchard nodes", "Dupuytren contracture", "Kussmaul breathing", "Cheyne-Stokes respirations",
    "a Pfannenstiel incision", "a Foley catheter", "a Jackson-Pratt drain", "a Hickman line", "Wernicke encephalopathy",
]
# phrases holding a town, county or state of this set's places
TOWN_WORDS = [
    "a plaster of Paris cast", "Bourbon virus serology", "Norwalk-like virus", "Coxsackievirus B titer",
    "La Crosse encephalitis", "rice-water stools", "the coagulation cascade", "a plain film of the chest",
    "the ACCORD trial", "Genoa salami", "a MUSE urethral suppository", "a Stanford type B dissection",
    "Montgomery straps", "midway through the infusion", "a placid affect", "mineral oil enema",
    "a Florida snowbird in winter", "an Ontario guideline panel", "a spring green salad",
    "a Java-based monitor app", "hurt when she coughed", "the Iowa gambling task", "green tea extract",
    "a venus flytrap in the window", "the Ottawa ankle rules", "a Mediterranean diet", "Kentucky bourbon, two a night",
    "Virginia creeper rash", "lytico-bodig (ALS-PDC) screening questions",
]
WORDNAMES = [
    "bone marrow biopsy", "brain natriuretic peptide", "calf cramp overnight", "gall stones on ultrasound",
    "diaper rash", "will lance the abscess", "Braden scales reviewed", "heart sounds regular", "frost nip of toes",
    "winter fall risk", "sickle cell trait", "pill cutter given", "slow to heal", "pain scale 4",
    "honor her wishes", "a chance finding", "sage tea for hot flashes", "river water exposure", "cash pay price",
    "justice-involved youth program", "a blaze of erythema", "amber urine", "a storm of PVCs",
    "a marrow-sparing regimen",
]
DRUGS = ["apixaban 5 mg twice daily", "metoprolol tartrate 25 mg", "furosemide 40 mg", "Eliquis 2.5 mg",
         "Entresto 49/51", "Trulicity 1.5 mg weekly", "Ozempic 0.5 mg", "Xarelto 20 mg", "Lasix 20 mg IV",
         "Keppra 500 mg", "Suboxone 8/2", "Norco 5/325", "Tylenol 650 mg", "insulin glargine 18 units",
         "Humalog 4 units with meals", "amlodipine 10 mg", "lisinopril 20 mg", "Paxlovid 300/100",
         "Vivotif 4 capsules", "alteplase 0.9 mg/kg", "tenecteplase 0.25 mg/kg", "rifampin 600 mg",
         "isoniazid 300 mg with B6 25 mg"]
DEVICES = ["Alaris 8015 channel", "Dexcom G7", "Omnipod 5", "Philips EverFlo concentrator", "Inogen One G5",
           "LUCAS 3.1 device", "Zoll X Series", "Stryker Power-PRO cot", "Graco 4Ever DLX seat", "Topcon TRC-NW400",
           "Optos California camera", "Hologic 3Dimensions unit", "Vocera B3000n badge", "iSTAT cartridge",
           "Signia Pure 312 aid", "CADD-Solis pump", "EC135 airframe", "Motorola XPR 7550 radio"]
LABS = ["BNP 880", "troponin 0.04", "creatinine 1.4", "INR 2.6", "glucose 212", "A1c 9.1%", "Na 131",
        "K 5.6", "lactate 3.2", "hemoglobin 8.4", "platelets 96", "TSH 0.01", "free T4 4.2", "QuantiFERON positive",
        "TST 14 mm", "CD4 410", "ALT 88", "LDL 164", "eGFR 41", "ammonia 72"]
SCORES = ["NIHSS 9", "GCS 14", "Apgar 8 and 9", "MoCA 22/30", "PHQ-9 of 16", "Braden 13", "Morse 55",
          "CHA2DS2-VASc 5", "HAS-BLED 3", "ASPECTS 8", "mRS 2", "Wells 4.5", "CURB-65 of 3", "qSOFA 2",
          "Tinetti 17", "Gleason 3+4", "BI-RADS 2", "ETDRS level 35", "R1M0 grading", "Katz 4/6"]
RATIOS = ["BP 162/98", "visual acuity 20/40", "G3P2012", "I:E 1:2", "1:1000 epinephrine", "24/7 supervision",
          "cup-to-disc 0.4", "Oncotype 14", "FiO2 40%", "SpO2 88% on 2 L", "HR 112", "RR 24", "T 38.9 C",
          "weight up 1.4 kg", "EBL 300 mL", "3.4 kg newborn"]
CODES = ["ICD-10 I63.9", "ICD-10 R55", "CPT 99497", "CPT 77067", "CPT 92250", "HCPCS G0121", "LOINC 71475-1",
         "DRG 065", "SNOMED 230690007", "ICD-10 W54.0XXA", "ICD-10 A15.0", "HCPCS J3490", "CPT 86480",
         "ICD-10 Z23", "NDC 0003-0894-21"]
YEARS = ["the 2019 ATS statement", "the 1990s trials", "the 2023 AHA guideline", "KDIGO 2024", "GOLD 2025",
         "the 2017 hurricane after-action report", "the 2022 hurricane season review", "the 2008 consensus",
         "the 2021 ACIP schedule", "ADA 2026 standards"]
AGES = ["a 67-year-old", "age 72", "an 84-year-old", "a 45-year-old", "age 58", "an 88-year-old", "a 19-year-old",
        "age 33", "an 81-year-old", "a 6-year-old"]
VERSIONS = ["firmware 4.2.10.118", "v3.1.7.22", "firmware 2.0.14.9", "v11.4.2.305"]
ROOMS = ["room 214", "bed 3", "bay 6", "chair 12", "pod B", "room 407", "stretcher 2", "cot 19"]
TIMES = ["at 02:14", "at 07:31", "by 0600", "at 14:40", "at 1420L", "at 23:05", "overnight", "at noon"]


def fill(r, template: str) -> str:
    pools = {"epo": EPONYMS, "town": TOWN_WORDS, "word": WORDNAMES, "drug": DRUGS, "dev": DEVICES,
             "lab": LABS, "score": SCORES, "ratio": RATIOS, "code": CODES, "year": YEARS, "age": AGES,
             "ver": VERSIONS, "room": ROOMS, "time": TIMES}
    out = template
    for key in ("epo", "town", "word", "drug", "dev", "lab", "score", "ratio", "code", "year", "age", "ver", "room", "time"):
        while "{" + key + "}" in out:
            out = out.replace("{" + key + "}", r.choice(pools[key]), 1)
    return out


CLEAN_SHAPES = [
    ("ics213", "ICS 213 GENERAL MESSAGE\nTO: SHELTER MANAGER  FROM: NET CONTROL\nMESSAGE: {AGE} RESIDENT NEEDS POWER FOR {DEV}. {RATIO}. GENERATOR FUEL FOR 6 HRS. BREAK\nNNNN"),
    ("call911", "[00:00:04] CT: 911, what is the address of your emergency?\n[00:00:09] CALLER: i don't know the number, it's past the church\n[00:00:20] CALLER: he's {age}, {word}, {ratio}\n[00:00:41] CT: Is he breathing? CALLER: yes, {time}"),
    ("flight", "AIR MEDICAL TRANSPORT RECORD\nAircraft: EC135\nIndication: {epo}; {lab}; {score}\nCrew gave {drug} {time}; {ratio}.\nBilling {code}."),
    ("ccda", "<observation classCode=\"OBS\"><code displayName=\"{code}\"/>\n  <value>{lab}</value>\n  <text>{epo}; {word}</text>\n</observation>"),
    ("dicom", "(0008,1030) LO [CT HEAD WO]   # StudyDescription\n(0018,0050) DS [5]   # SliceThickness\n(0010,1010) AS [{agecode}Y]   # PatientAge\n(0020,4000) LT [{town}; {epo}]   # ImageComments"),
    ("psql", "echo_registry=> select count(*), site_type from referral_queue group by 2;\n count | site_type\n-------+-----------\n    {n1} | fqhc\n    {n2} | critical access\n({two} rows)\n-- note: {word}; {score}"),
    ("yaml", "care_plan:\n  problem: \"{epo}\"\n  meds:\n    - {drug}\n    - {drug}\n  device: {dev} ({ver})\n  goal: {ratio}"),
    ("medwatch", "MEDWATCH FORM FDA 3500\nB. ADVERSE EVENT: {age} became hypotensive after {drug}; {lab}; {word}.\nD. SUSPECT DEVICE: {dev}, {ver}.\nOutcome: recovered. {code}."),
    ("tumorboard", "Tumor board teaching point: {epo} can mimic recurrence; {lab}; {score}. Consensus per {year}. {town}."),
    ("birthcert", "WORKSHEET INSTRUCTIONS: enter the child's legal name as the parents wish it to appear. Gestation 38+{d} weeks; {ratio}; {score}; {word}."),
    ("polst", "MOST FORM GUIDANCE: discuss goals with {age} and the health care agent; {epo}; {word}; revisit yearly ({year}); fax to the next facility."),
    ("belongings", "BELONGINGS: [x] dentures (upper) [x] glasses [x] {dev} [ ] cash\nPatient {ratio}; {word}; bag sealed {time}, {room}."),
    ("carseat", "CHILD PASSENGER SAFETY: rear-facing until at least 2; harness at or below shoulders; Graco 4Ever DLX seat, model year 2023; child {ratio}; {word}."),
    ("dhcp", "Wi-Fi controller: {n1} clients on guest SSID, {n2} on clinical; AP-{two} reboot {time}; {ver}; {word}."),
    ("grievance", "Patient Relations follow-up: call-light delays on the night shift, {room}; {word}; staffing {ratio}; reviewed against {year}."),
    ("h2a", "Heat illness outreach: crews told water, rest, shade; {ratio}; {lab}; started {drug}; {town}; {word}."),
    ("shelter", "SPECIAL NEEDS SHELTER supply list: 12 cots, 4 Philips EverFlo concentrators, oxygen for {n1} hours, {drug}; {age} on dialysis, {ratio}; {word}."),
    ("tbroster", "TB contact investigation, index case smear-positive: {lab}; {drug}; window prophylaxis for contacts under 5; {code}; {year}."),
    ("telestroke", "TELESTROKE: door {time}; video connect 9 min later; {score}; {drug}; {lab}; {code}; {town}."),
    ("retinal", "Surname;Forename;Eye;CDR;Grade\n[removed];[removed];OD;0,{d};R1M0\n[removed];[removed];OS;0,{d};{score}\nTopcon TRC-NW400; {word}"),
    ("ncpdp", "<MedicationPrescribed><DrugDescription>{drug}</DrugDescription><Quantity>{n1}</Quantity><Note>{word}; {epo}</Note></MedicationPrescribed>"),
    ("donor", "Donor Services: deferral after a reactive screen is not a diagnosis; {lab}; re-entry testing after 8 weeks; {year}; {word}."),
    ("mammo", "MOBILE MAMMOGRAPHY: {n1} screens today, {n2} recalls; {score}; {code}; Hologic 3Dimensions unit; {word}."),
    ("paramedic", "COMMUNITY PARAMEDIC: {age}, {ratio}, {lab}; scale synced; {drug} per standing order; {epo}; {word}."),
    ("midwife", "HOME BIRTH: {ratio}; {score}; {epo}; cord clamped at 3 min; {drug}; {word}."),
    ("travel", "TRAVEL MEDICINE: {drug}; hepatitis A #1, Tdap; {town}; malaria prophylaxis not needed; {year}."),
    ("bite", "Animal bite: {age}, leashed dog, 2 punctures; rabies PEP not indicated, dog confined 10 days; {word}; {code}."),
    ("fair", "first aid tent | {n1} visits | bee stings, heat, {word} | {ratio} | {town}"),
    ("opo", "OPO referral criteria: GCS 5 or less, vented, {score}; call within 1 hour; {epo}; {lab}; {time}."),
    ("rtls", "{{\"event\":\"call_light\",\"room\":\"{roomno}\",\"ack_s\":{n1},\"note\":\"{word}\",\"fw\":\"{ver}\"}}"),
]


def make_clean(r, shape: str, template: str) -> str:
    t = template.replace("{AGE}", r.choice(AGES).upper()).replace("{RATIO}", r.choice(RATIOS).upper()).replace(
        "{DEV}", r.choice(DEVICES).upper())
    t = t.replace("{agecode}", f"{r.randint(18, 89):03d}").replace("{d}", str(r.randint(1, 6)))
    t = t.replace("{roomno}", str(r.randint(100, 420)))
    for k in ("n1", "n2", "two"):
        t = t.replace("{" + k + "}", str(r.randint(2, 99)))
    t = t.replace("{{", "{").replace("}}", "}")
    return fill(r, t)
