"""Set M clean passages: shapes written like the identifier passages, filled from pools of hard
negatives. None holds an identifier of a patient, a relative or a clinician."""

from __future__ import annotations

import random
from collections.abc import Callable

from values import words

# eponyms, many sharing a word with a surname or a town of this set's pools
EPONYMS = words("""
Larsen syndrome, Kawasaki disease, Hashimoto thyroiditis, Takayasu arteritis, Kikuchi disease,
de Quervain tenosynovitis, von Willebrand disease, van der Woude syndrome, McArdle disease,
McCune-Albright syndrome, Mallory-Weiss tear, Brown-Sequard syndrome, Zollinger-Ellison syndrome,
Stevens-Johnson syndrome, Kasabach-Merritt phenomenon, Klippel-Feil anomaly, Peutz-Jeghers polyps,
Marcus Gunn pupil, Argyll Robertson pupil, Austin Flint murmur, Osgood-Schlatter disease,
Legg-Calve-Perthes disease, Charcot-Marie-Tooth disease, Ehlers-Danlos syndrome,
Wolff-Parkinson-White pattern, Guillain-Barre syndrome, Sjogren syndrome, Dupuytren contracture,
Baker cyst, Morton neuroma, Heberden nodes, Bouchard nodes, Tietze syndrome, Horner syndrome,
Wernicke encephalopathy, Korsakoff syndrome, Addison disease, Cushing syndrome, Graves disease,
Paget disease of bone, Barrett esophagus, Meckel diverticulum, Hirschsprung disease, Bell palsy,
Ramsay Hunt syndrome, Todd paralysis, Lhermitte sign, Hoffmann sign, Babinski sign, Trendelenburg gait,
Charcot foot, Marjolin ulcer, Kaposi sarcoma, Merkel cell carcinoma, Hurthle cell neoplasm
""")
# ordinary or clinical phrases that hold a word that is a town in this set
PLACE_WORDS = words("""
helper T cells, Kaplan-Meier curve, vernal keratoconjunctivitis, beaver fever, pigeon chest,
Loa loa microfilariae, delta gap, comfort care, the gastroesophageal junction, the price of insulin,
a cut off of 0.5, the Geneva score, Padua prediction score, Denver II screen,
Edinburgh Postnatal Depression Scale, Glasgow-Blatchford score, San Francisco Syncope Rule,
Atlanta classification of pancreatitis, the golden hour, linden pollen allergy,
a bluff about adherence, a Mason jar of pickled okra, comfort measures only, Medina worm,
""")
DRUGS = words("""
apixaban 2.5 mg BID, warfarin 3 mg daily, metoprolol succinate 25 mg, furosemide 40 mg,
spironolactone 12.5 mg, empagliflozin 10 mg, semaglutide 0.5 mg weekly, insulin glargine 22 units,
Humalog 1 unit per 10 g carbohydrate, buprenorphine/naloxone 8/2 mg, naltrexone 380 mg IM,
sertraline 100 mg, bupropion XL 150 mg, quetiapine 25 mg qHS, lithium 300 mg TID, donepezil 10 mg,
memantine 10 mg BID, tamsulosin 0.4 mg, levothyroxine 88 mcg, prednisone 40 mg x5 days,
amoxicillin 875 mg BID, doxycycline 100 mg BID, cefazolin 2 g, vancomycin 15 mg/kg, Bactrim DS BID,
Trelegy Ellipta 100/62.5/25, albuterol 90 mcg 2 puffs, Norco 5/325, Tylenol 650 mg q6h,
carbidopa/levodopa 25/100, ivermectin 200 mcg/kg, nitrofurantoin 100 mg, Plavix 75 mg, Entresto 49/51
""")
LABS = words("""
Na 131 (135-145), K 5.6 (3.5-5.1), creatinine 1.8 (0.6-1.2), eGFR 38, BUN 44, glucose 286,
HbA1c 8.4% (goal <7), TSH 6.2 (0.4-4.0), free T4 0.7, INR 3.6 (goal 2-3), hemoglobin 8.9 (12-16),
platelets 92 (150-400), WBC 14.2, ferritin 12 (24-336), B12 182 (200-900), vitamin D 14,
albumin 2.9, lactate 2.4, troponin 0.04, BNP 1240, LDL 162, triglycerides 410, lipase 620,
ammonia 71, CK 5400, urine protein/creatinine 1.9, A1c 6.1%, procalcitonin 0.8
""")
DEVICES = words("""
Medtronic Azure XT DR, Boston Scientific Emblem S-ICD, Abbott Assert-IQ ICM, Phonak Audeo L90-R,
Oticon Intent 1, ResMed AirSense 11, Philips DreamStation 2, Inogen One G5, Dexcom G7,
FreeStyle Libre 3, Tandem t:slim X2, Omnipod 5, Medtronic MiniMed 780G, V.A.C. Ulta,
KCI SNAP system, Kangaroo Joey pump, Zoll X Series, Lifepak 15, Lucas 3.1, Hoyer HPL402 lift,
Invacare Platinum 10, Bair Hugger 675, Alaris 8015, Sage PrimoFit, Olympus TG-6 camera
""")
SCALES = words("""
PHQ-9 14, GAD-7 11, AUDIT-C 6, C-SSRS screen negative, Braden 13, Morse Fall Scale 55, PUSH 9,
Bates-Jensen 32, Wagner grade 2, Katz ADL 4/6, Lawton IADL 3/8, MMSE 21/30, SLUMS 19/30,
Barthel 55, Karnofsky 50, ECOG 2, PPS 40%, FAST 7c, Epworth 15, STOP-BANG 5, Mallampati IV,
RASS -2, GCS 14, NIHSS 4, modified Rankin 3, Tinetti 18/28, Berg 41/56, Centor 3, Caprini 7,
HAS-BLED 3, Wells 4.5, CURB-65 2, CIWA-Ar 12, COWS 9, Vanderbilt 6/9, M-CHAT-R 2, Apgar 8 and 9,
ASA III, NYHA class III, Child-Pugh B, Gleason 3+4=7, Salter-Harris II, Miller grade 2 mobility
""")
GUIDELINES = words("""
GOLD 2024, the 2026 ADA Standards of Care, the 2023 AGS Beers Criteria, the 2017 ACC/AHA BP guideline,
KDIGO 2024, IDSA 2019 CAP guidance, the 2022 CDC opioid guideline, USPSTF 2021, ASAM 2020,
the 2021 ESC heart failure guideline, AAP 2022 jaundice guidance, WHO 2023 TB guidance,
the 2018 AHA/ACC cholesterol guideline, NCCN 2025 v2, the Sepsis-3 definitions (2016)
""")
CITES = words("""
N Engl J Med 2021;385:1737-49, JAMA 2023;329:1934-46, Lancet 2022;399:1015-25,
Ann Intern Med 2020;172:429-38, Chest 2021;160:e545-e608, Diabetes Care 2024;47:S1-S321,
J Am Geriatr Soc 2023;71:2052-81, Clin Infect Dis 2019;68:e1-e35, Circulation 2022;145:e895-e1032,
BMJ 2020;368:m131, JAMA Intern Med 2023;183:311-9, Pediatrics 2022;150:e2022058859
""")
CODES = words("""
ICD-10 E11.65, ICD-10 Z79.4, ICD-10 I48.91, ICD-10 L89.153, ICD-10 F11.20, ICD-10 N18.32,
CPT 99214, CPT 97597, CPT 99497, CPT 94660, CDT D2392, CDT D7140, CDT D0150, HCPCS E0601,
HCPCS A4253, HCPCS G0136, DRG 291, LOINC 4548-4, LOINC 2160-0, NDC 0002-1433-80,
SNOMED 44054006, CPT 92557, HCPCS V5261, CPT 95810, CPT 95806, CPT 90837, ICD-10 T50.905A
""")
ROOMS = words("""
Room 214, Exam 3, Operatory 4, Bay 12, Bed 7B, Chair 9, Room 1102, Audio booth 2, Sleep lab room 3,
Wound clinic room 5, Procedure room B, Infusion chair 14, Triage 2, Trauma 1, Pod C
""")
TIMES = words("0715, 0830, 1145, 1320, 1600, 1930, 2200, 02:40, 14:15, 9 am, 4:30 pm, noon, 0600")
AGES = [
    "58",
    "63",
    "67",
    "71",
    "74",
    "77",
    "79",
    "81",
    "84",
    "86",
    "88",
    "89",
    "eighty-two",
    "seventy-six",
    "sixty-nine",
]


HEARING = words(
    "Phonak Audeo L90-R, Oticon Intent 1, Starkey Genesis AI 24, ReSound Nexia 9, Signia Pure Charge&Go IX"
)
CPAPS = words(
    "ResMed AirSense 11, Philips DreamStation 2, ResMed AirMini, Fisher & Paykel SleepStyle, React Health Luna G3"
)
CAMERAS = words("Olympus TG-6 camera, iPad Pro 11, Canon G7X, Nikon Coolpix W300")
RESUS = words("Lucas 3.1, Zoll X Series, Lifepak 15, Hare traction splint, KED, Hudson RCI mask")


def _p(r: random.Random, pool: list[str]) -> str:
    return r.choice(pool)


def _ps(r: random.Random, pool: list[str], k: int) -> list[str]:
    return r.sample(pool, k)


NegShape = Callable[[random.Random], str]


def n_vertical(r: random.Random) -> str:
    return (
        f"PATIENT DEMOGRAPHICS\nLast name ......... [removed]\nFirst name ........ [removed]\nDOB ............... [removed]\n"
        f"Primary dx ........ {_p(r, CODES)}\nFall risk ......... {r.choice(['Morse 45', 'Morse 65', 'Morse 25'])}\n"
        f"Code status ....... {r.choice(['Full code', 'DNR/DNI', 'Comfort care'])}\nLocation .......... {_p(r, ROOMS)}"
    )


def n_labelafter(r: random.Random) -> str:
    a, b = _ps(r, LABS, 2)
    return f"{a} (today) -- {b} (prior) -- {_p(r, SCALES)} (screen) -- {_p(r, CODES)} (billed) -- {_p(r, ROOMS)} (site)."


def n_teletype(r: random.Random) -> str:
    return (
        f"MSG FM LAB TO 3W // CRIT {_p(r, LABS).upper()} // CALLED TO RN {_p(r, TIMES)} // READ BACK OK // "
        f"REF {_p(r, GUIDELINES).upper()} // END"
    )


def n_cad(r: random.Random) -> str:
    return (
        f"CAD NOTE: M{r.randint(11, 49)} ENRT {_p(r, TIMES)}, ON SCENE +11 MIN. {r.choice(AGES)} YOF, {_p(r, SCALES).upper()}, "
        f"BGL {r.randint(40, 380)}. {_p(r, RESUS).upper()} APPLIED. TRANSPORT PRIORITY 2."
    )


def n_dental(r: random.Random) -> str:
    return (
        f"Dental: tooth #{r.randint(1, 32)} {r.choice(['MOD composite', 'DO amalgam', 'PFM crown', 'extraction', 'pulpotomy'])}, "
        f"{_p(r, CODES)}. 4% articaine 1:100,000, 1.7 mL. Probing depths 5-6 mm, Stage III Grade B periodontitis, "
        f"{r.choice(['Angle Class II', 'Angle Class I', 'Miller grade 2 mobility'])}. Next: {_p(r, ROOMS)} at {_p(r, TIMES)}."
    )


def n_safety(r: random.Random) -> str:
    return (
        f"Safety plan reviewed. {_p(r, SCALES)}; PHQ-9 item 9 = 0. Warning signs: poor sleep, not eating. Coping: walking, "
        f"music. Crisis: call or text 988. Means restriction discussed. {_p(r, DRUGS)} continued. Per {_p(r, GUIDELINES)}."
    )


def n_interp(r: random.Random) -> str:
    return (
        f"Interpreter used ({r.choice(['Basque', 'Ilocano', 'Punjabi', 'Portuguese', 'Mixteco', 'Armenian'])}, video). "
        f"Discussed {_p(r, EPONYMS)} and {_p(r, DRUGS)}. Teach-back complete. Visit {r.randint(25, 60)} minutes, {_p(r, CODES)}."
    )


def n_woundphoto(r: random.Random) -> str:
    return (
        f"WOUND PHOTO LOG\nIMG_{r.randint(1000, 9999)}.jpg | sacrum | {r.choice(['stage 2', 'stage 3', 'unstageable'])} | "
        f"{r.randint(1, 9)}.{r.randint(0, 9)} x {r.randint(1, 6)}.{r.randint(0, 9)} cm\nCamera: {_p(r, CAMERAS)}\n"
        f"{_p(r, SCALES)}; {_p(r, CODES)}; {_p(r, DEVICES)} at 125 mmHg."
    )


def n_homehealth(r: random.Random) -> str:
    return (
        f"SN visit. {_p(r, SCALES)}. Meds reconciled: {_p(r, DRUGS)}, {_p(r, DRUGS)}. {_p(r, LABS)}. "
        f"Home safety: rugs removed, grab bars in. Next visit in 3 days at {_p(r, TIMES)}."
    )


def n_facesheet(r: random.Random) -> str:
    return (
        f"FACE SHEET (de-identified)\nResident:        [withheld]\nAge:             {r.choice(AGES)}\nDiagnoses:       "
        f"{_p(r, EPONYMS)}; {_p(r, CODES)}\nCode status:     DNR\nDiet:            mechanical soft, nectar thick\n"
        f"Room:            {_p(r, ROOMS)}"
    )


def n_schoolmed(r: random.Random) -> str:
    return (
        f"MEDICATION AUTHORIZATION (blank template)\nMedication: {_p(r, DRUGS)}\nTime: {_p(r, TIMES)}\n"
        f"Diagnosis: {r.choice(['asthma', 'ADHD', 'type 1 diabetes', 'seizure disorder'])}, {_p(r, CODES)}\n"
        f"Reference: {_p(r, GUIDELINES)}"
    )


def n_lablabel(r: random.Random) -> str:
    return (
        f"*SPECIMEN* SST x1, LAV x1, NaF x1 -- {_p(r, CODES)}\nCOLL {_p(r, TIMES)}  RECV +40 MIN  {_p(r, LABS).upper()}\n"
        f"HEMOLYZED: NO  ICTERIC: NO"
    )


def n_priorauth(r: random.Random) -> str:
    return (
        f"PRIOR AUTHORIZATION CRITERIA\nDrug: {_p(r, DRUGS)}\nStep therapy: metformin 2000 mg/day x 90 days\n"
        f"Labs: {_p(r, LABS)}\nScore: {_p(r, SCALES)}\nCodes: {_p(r, CODES)}, {_p(r, CODES)}\nEvidence: {_p(r, CITES)}"
    )


def n_voicemail(r: random.Random) -> str:
    return (
        f"[Voicemail, automated] this is your pharmacy calling with a reminder that your prescription for "
        f"{_p(r, DRUGS).lower()} is ready for pickup please press 1 to hear store hours [confidence 0.88]"
    )


def n_eob(r: random.Random) -> str:
    return (
        f"EXPLANATION OF BENEFITS (sample)\n{_p(r, CODES)}  billed $212.00  allowed $118.40\n{_p(r, CODES)}  billed $96.00  "
        f"allowed $41.17\nRemark code N130: benefit maximum reached. Group number and member details removed."
    )


def n_pdmp(r: random.Random) -> str:
    return (
        f"PDMP reviewed: 1 prescriber, 1 pharmacy in 12 months. {_p(r, DRUGS)}; MME 30/day. Naloxone 4 mg nasal "
        f"co-prescribed per {_p(r, GUIDELINES)}. {_p(r, SCALES)}."
    )


def n_poison(r: random.Random) -> str:
    return (
        f"Poison center guidance: {_p(r, DRUGS)} ingestion, estimated 3 tablets. Observe 6 hours; ECG at {_p(r, TIMES)}. "
        f"{_p(r, LABS)}. Reference {_p(r, CITES)}."
    )


def n_audiology(r: random.Random) -> str:
    return (
        f"Audiology: {_p(r, HEARING)} fitted, NAL-NL2 targets met. PTA 55 dB HL right, 60 dB HL left; word recognition "
        f"72% at 80 dB. {_p(r, CODES)}. {_p(r, ROOMS)}."
    )


def n_sleep(r: random.Random) -> str:
    return (
        f"Sleep study: AHI 31, ODI 28, nadir SpO2 78%, {_p(r, SCALES)}. {_p(r, CPAPS)} APAP 5-15 cm H2O, "
        f"usage 6.2 h/night on 87% of nights. {_p(r, CODES)}."
    )


def n_aviation(r: random.Random) -> str:
    return (
        "FAA 3rd class standards: distant vision 20/40 each eye, near 20/40 at 16 inches, BP under 155/95. "
        f"Disqualifying: {_p(r, EPONYMS)} pending review. Per {_p(r, GUIDELINES)}."
    )


def n_boating(r: random.Random) -> str:
    return (
        f"Propeller injury: laceration {r.randint(4, 15)} cm, irrigated 2 L, {_p(r, DRUGS)}, Tdap. Consider Aeromonas and "
        f"Vibrio vulnificus; {_p(r, LABS)}. Follow up in {_p(r, ROOMS)}."
    )


def n_workcomp(r: random.Random) -> str:
    return (
        f"Work status: modified duty, no lifting over 10 lb, {_p(r, CODES)}. {_p(r, EPONYMS)} suspected; "
        f"{_p(r, SCALES)}. Recheck in 2 weeks at {_p(r, TIMES)}."
    )


def n_chaplain(r: random.Random) -> str:
    goal = r.choice(
        ["comfort care", "comfort measures only", "full treatment", "time-limited trial"]
    )
    return (
        f"Spiritual care: visited at family's request; prayer offered, hymn sung. Goals: {goal}; "
        f"{_p(r, SCALES)}. Family asked what {_p(r, EPONYMS)} means; explained in plain words. Will follow."
    )


def n_fixedwidth(r: random.Random) -> str:
    rows = [f"{lab.split(' ')[0]:<14s}{lab.split(' ', 1)[1]}" for lab in _ps(r, LABS, 4)]
    return "TEST          RESULT (REF)\n" + "\n".join(rows)


def n_fhir(r: random.Random) -> str:
    lab = _p(r, LABS)
    return (
        '{"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "LOINC", "code": "'
        + r.choice(["4548-4", "2160-0", "2951-2", "6690-2"])
        + '"}]}, "valueString": "'
        + lab
        + '", "subject": "[redacted]"}'
    )


def n_echo(r: random.Random) -> str:
    return (
        f"ECHO recommendation: {_p(r, EPONYMS)} is less likely than {_p(r, EPONYMS)}. Start {_p(r, DRUGS)}; check "
        f"{_p(r, LABS)} in 2 weeks. See {_p(r, CITES)} and {_p(r, GUIDELINES)}."
    )


def n_portugues(r: random.Random) -> str:
    return (
        f"Resumo: tomar {_p(r, DRUGS)} de manhã; análises ({_p(r, LABS)}) daqui a duas semanas. "
        f"Consulta na sala {r.randint(1, 20)} às {_p(r, TIMES)}."
    )


def n_placewords(r: random.Random) -> str:
    a, b = _ps(r, PLACE_WORDS, 2)
    return f"Teaching points from the ECHO session: {a}; {b}; {_p(r, EPONYMS)}. {_p(r, SCALES)}."


def n_devices(r: random.Random) -> str:
    a, b = _ps(r, DEVICES, 2)
    return (
        f"Device check: {a}, battery 7.9 years, lead impedance 520 ohms; {b} settings unchanged. "
        f"{_p(r, CODES)}. Remote monitoring every 91 days."
    )


def n_codes(r: random.Random) -> str:
    return (
        "Billing: "
        + ", ".join(_ps(r, CODES, 4))
        + f". Time {r.randint(31, 74)} min. {_p(r, ROOMS)}."
    )


def n_cites(r: random.Random) -> str:
    a, b = _ps(r, CITES, 2)
    return f"Evidence summary: {_p(r, GUIDELINES)}; {a}; {b}. Applies to {_p(r, EPONYMS)}."


def n_versions(r: random.Random) -> str:
    v = f"{r.randint(8, 15)}.{r.randint(0, 9)}.{r.randint(0, 20)}.{r.randint(1, 99)}"
    return (
        f"Interface note: engine v{v} restarted at {_p(r, TIMES)}; HL7 v2.5.1 feed, FHIR R4, TLS 1.2, "
        f"port {r.choice([443, 8443, 2575, 6661])}. Error 0x80070005 cleared. Queue held {r.randint(12, 480)} "
        f"messages; none lost. Build {r.randint(2023, 2026)}.{r.randint(1, 4)} patch {r.randint(1, 9)}."
    )


def n_spine(r: random.Random) -> str:
    lv = r.choice(["L4-L5", "L5-S1", "C5-C6", "T11-L2", "C3-C4", "T12"])
    return (
        f"Imaging: {lv} {r.choice(['disc protrusion', 'burst fracture', 'foraminal stenosis'])}, "
        f"{_p(r, SCALES)}. Cobb angle {r.randint(10, 48)} degrees. G3P2, C3D1 of FOLFOX, "
        f"{_p(r, CODES)}. Follow-up in {_p(r, ROOMS)}."
    )


def n_schedule(r: random.Random) -> str:
    rows = [
        f"{_p(r, TIMES)} | {_p(r, ROOMS)} | {r.choice(['new pt', 'f/u', 'procedure', 'telehealth'])} | "
        f"{r.randint(15, 60)} min"
        for _ in range(3)
    ]
    return "CLINIC TEMPLATE (names hidden)\nTime | Room | Type | Length\n" + "\n".join(rows)


NEG_SHAPES: list[tuple[str, NegShape]] = [
    ("vertreg", n_vertical),
    ("labelafter", n_labelafter),
    ("teletype", n_teletype),
    ("cad", n_cad),
    ("dental", n_dental),
    ("safety", n_safety),
    ("interp", n_interp),
    ("woundphoto", n_woundphoto),
    ("homehealth", n_homehealth),
    ("facesheet", n_facesheet),
    ("schoolmed", n_schoolmed),
    ("lablabel", n_lablabel),
    ("priorauth", n_priorauth),
    ("voicemail", n_voicemail),
    ("eob", n_eob),
    ("pdmp", n_pdmp),
    ("poison", n_poison),
    ("audiology", n_audiology),
    ("sleep", n_sleep),
    ("aviation", n_aviation),
    ("boating", n_boating),
    ("workcomp", n_workcomp),
    ("chaplain", n_chaplain),
    ("fixedwidth", n_fixedwidth),
    ("fhir", n_fhir),
    ("echo", n_echo),
    ("portugues", n_portugues),
    ("placewords", n_placewords),
    ("devices", n_devices),
    ("codes", n_codes),
    ("cites", n_cites),
    ("versions", n_versions),
    ("spine", n_spine),
    ("schedule", n_schedule),
]
