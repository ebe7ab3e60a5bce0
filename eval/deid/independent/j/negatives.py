"""Clean passages for set J: hard negatives, no identifier anywhere.

Eponyms, place-named diseases and scales, drug names with doses, device makes and models, lab
values, scores, ratios that look like dates, codes, ages under 90, rooms and beds, and words that
are also first names. Ages stay under 90; no person, place, date or number of a person appears.
"""

from __future__ import annotations

import random
from typing import Callable

DX = [
    "Bell's palsy", "Parkinson's disease", "Crohn's disease", "Graves' disease", "Addison's disease",
    "Cushing's syndrome", "Hashimoto's thyroiditis", "Barrett's esophagus", "Meckel's diverticulum",
    "Zenker's diverticulum", "a Baker's cyst", "Osgood-Schlatter disease", "Legg-Calvé-Perthes disease",
    "Guillain-Barré syndrome", "Sjögren's syndrome", "Raynaud's phenomenon", "Kawasaki disease",
    "tetralogy of Fallot", "Wolff-Parkinson-White pattern", "a Brugada pattern", "Mobitz II block",
    "Wenckebach", "Dupuytren's contracture", "Charcot foot", "Hirschsprung disease", "Wilms tumor",
    "Ewing sarcoma", "Hodgkin lymphoma", "Kaposi sarcoma", "Bowen's disease", "Paget's disease of bone",
    "Peyronie's disease", "Tourette syndrome", "Down syndrome", "Turner syndrome", "Ehlers-Danlos",
    "Stevens-Johnson syndrome", "Henoch-Schönlein purpura", "Still's disease", "Behçet's disease",
    "Alzheimer's dementia", "Lewy body dementia", "Huntington disease", "Wilson disease",
    "von Willebrand disease", "Hartmann's pouch leak", "Conn syndrome", "Budd-Chiari syndrome",
]
SIGNS = [
    "a positive Murphy's sign", "McBurney's point tenderness", "an upgoing Babinski",
    "a positive Romberg", "Kernig's sign", "Trendelenburg gait", "Tinel's sign at the wrist",
    "a positive Phalen's test", "a normal modified Allen test", "a positive Lachman test",
    "a positive McMurray test", "a positive Dix-Hallpike", "Kussmaul respirations",
    "Cheyne-Stokes breathing", "an Austin Flint murmur", "Chvostek's sign", "Trousseau's sign",
    "Homans' sign negative", "a Cullen sign", "Grey Turner's sign", "Battle's sign",
    "Brudzinski's sign", "Hoffmann's sign", "Lhermitte's sign", "Nikolsky's sign",
]
PROCS = [
    "a Foley catheter", "a Swan-Ganz catheter", "a Whipple procedure", "a Valsalva maneuver",
    "the Epley maneuver", "a Pfannenstiel incision", "a Kocher incision", "a Roux-en-Y bypass",
    "a Nissen fundoplication", "a Billroth II", "a Hickman line", "a Jackson-Pratt drain",
    "a Penrose drain", "a Sengstaken-Blakemore tube", "a Hartmann's procedure", "a Wood's lamp exam",
    "a Seldinger line placement", "a Heimlich valve", "a Kehr T-tube", "a Mohs excision",
]
FRACTURES = [
    "a Colles fracture", "a Jones fracture", "a Bankart lesion", "a Hill-Sachs lesion",
    "a boxer's fracture", "a Smith fracture", "a Monteggia fracture", "a Galeazzi fracture",
    "a Maisonneuve fracture", "a Lisfranc injury", "a Bennett fracture", "a Segond fracture",
]
SPLINTS = ["a Thomas splint", "Buck's traction", "a Pavlik harness", "a Sarmiento brace",
           "a Jewett brace", "a Boston brace", "a Milwaukee brace", "a Philadelphia collar",
           "an Aspen collar", "a Miami J collar"]
EPONYMS = DX + SIGNS + PROCS + FRACTURES
PLACE_NAMED = [
    "Lyme disease", "West Nile virus", "Rocky Mountain spotted fever", "Coxsackie virus",
    "Norwalk-like illness", "Marburg", "Powassan virus", "Jamestown Canyon virus",
    "St. Louis encephalitis", "Valley fever", "Ohio Valley histoplasmosis", "Lassa fever",
    "Zika", "Ebola", "Colorado tick fever", "a Boston brace", "a Milwaukee brace",
    "a Philadelphia collar", "an Aspen collar", "a Miami J collar", "a Denver shunt",
    "the Bristol stool chart (type 6)", "the Richmond Agitation-Sedation Scale (-2)",
    "a Minnesota tube", "the Kansas City Cardiomyopathy Questionnaire", "the Seattle Angina Questionnaire",
    "New York Heart Association class III", "the Denver developmental screen", "Oxford grade 4/5",
    "the Edmonton Symptom Assessment", "the Hamilton depression scale", "the Montreal Cognitive Assessment",
    "Berlin criteria", "modified Duke criteria", "Jones criteria", "Framingham risk", "Rotterdam criteria",
    "a Stanford type A dissection", "DeBakey type II", "Tokyo guidelines grade II",
    "revised Atlanta classification", "Paris classification 0-IIa", "the Glasgow Coma Scale",
    "Bethesda grade IV", "Bethesda category III", "Manchester triage yellow", "Lisfranc injury",
    "Mediterranean diet", "Spanish interpreter requested", "Jersey finger", "Ottawa ankle rules",
]
DRUGS = [
    "metformin 1000 mg BID", "Sinemet 25/100 TID", "Entresto 24/26 mg BID", "Augmentin 875/125",
    "Norco 5/325 q6h prn", "Percocet 10/325", "Advair 250/50 one puff BID", "Symbicort 160/4.5",
    "Lantus 22 units qHS", "Humalog per sliding scale", "Eliquis 5 mg BID", "Xarelto 20 mg daily",
    "lisinopril 10 mg", "amlodipine 5 mg", "Lasix 40 mg IV", "Keppra 500 mg BID", "Zofran 4 mg ODT",
    "Tylenol 650 mg q6h", "Bactrim DS BID", "Zosyn 3.375 g q8h", "Ozempic 0.5 mg weekly",
    "Jardiance 10 mg", "Suboxone 8/2 mg", "Narcan 4 mg nasal", "Depakote ER 1000 mg",
    "Lamictal 100 mg BID", "Seroquel 50 mg qhs", "Humira 40 mg q2wk", "Kenalog 40 mg IM",
    "Toradol 15 mg IV", "Dilaudid 0.5 mg IV", "Ativan 1 mg", "Haldol 2 mg IM", "Coumadin 5 mg",
    "Plavix 75 mg", "Brilinta 90 mg BID", "Lipitor 80 mg", "Synthroid 88 mcg", "prednisone 40 mg x5d",
    "Medrol dosepak", "Flomax 0.4 mg", "Proscar 5 mg", "Aricept 10 mg", "Namenda 10 mg BID",
    "Mounjaro 7.5 mg", "Trulicity 1.5 mg", "Farxiga 10 mg", "Kerendia 20 mg", "Wegovy 2.4 mg",
    "Paxlovid 300/100", "Tamiflu 75 mg BID", "Valtrex 1 g TID", "Diflucan 150 mg x1",
]
DEVICES = [
    "Medtronic Micra AV", "Dexcom G7", "Omnipod 5", "Tandem t:slim X2", "FreeStyle Libre 3",
    "ResMed AirSense 11", "MitraClip G4", "Watchman FLX", "Philips Trilogy Evo", "Zoll LifeVest 4000",
    "Hamilton C6 ventilator", "Alaris 8015 pump", "Cochlear Nucleus 8", "Inspire IV", "Impella CP",
    "HeartMate 3 LVAD", "Medtronic 5076 lead", "Azure XT DR MRI", "Boston Scientific Accolade",
    "Abbott Assurity MRI", "Sapien 3 Ultra 26 mm", "Evolut PRO+ 29 mm", "Mepilex Border 4x4",
    "a 16 Fr Foley", "an 18 g IV", "a 7.5 ETT at 22 cm", "a 20 Fr chest tube", "PICC 5 Fr double lumen",
]
LABS = [
    "Na 134", "K 5.1", "Cr 1.42 (baseline 1.1)", "eGFR 48", "A1c 9.2%", "TSH 0.03", "free T4 2.8",
    "INR 2.7", "troponin 0.04", "BNP 1,240", "WBC 14.3", "Hgb 8.1", "plt 92K", "lactate 3.4",
    "ABG 7.29/52/68", "LDL 162", "ferritin 12", "vitamin D 14", "CK 3,412", "lipase 890",
    "AST/ALT 112/87", "PSA 6.8", "CD4 212", "viral load under 20 copies", "Mg 1.4", "phos 2.1",
    "albumin 2.9", "bili 3.2", "ammonia 88", "procalcitonin 0.9", "ESR 78", "CRP 14.6",
    "UA 3+ protein", "urine Na 12", "glucose 412", "anion gap 19", "beta-hCG negative",
]
SCORES = [
    "Apgar 8/9", "GCS 14 (E4V4M6)", "PHQ-9 of 17", "GAD-7 of 12", "MoCA 22/30", "MMSE 24/30",
    "NIHSS 6", "CHA2DS2-VASc 4", "HAS-BLED 3", "Wells 4.5", "CURB-65 of 2", "MELD-Na 21", "Braden 14",
    "Morse fall score 45", "Bishop score 7", "Gleason 3+4=7", "BI-RADS 4A", "TI-RADS 3", "Lung-RADS 2",
    "ASA III", "Killip II", "Mallampati 3", "Tanner stage 4", "Beighton 6/9", "Cobb angle 28 degrees",
    "Kellgren-Lawrence grade 3", "Hunt and Hess 2", "Fisher grade 3", "qSOFA 2", "FRAX 14%",
    "AUDIT-C 7", "CIWA 18", "COWS 11", "Edinburgh 14", "HEART score 5", "PERC negative",
    "Child-Pugh B", "Ranson 3", "Breslow 1.2 mm", "Clark level IV", "PPS 40%", "ECOG 2",
    "Karnofsky 60", "Berg balance 38/56", "Timed Up and Go 19 s", "Borg 4/10",
]
LOOKALIKES = [
    "BP 142/88", "vision 20/40 OD", "strength 4/5 in the left deltoid", "reflexes 2+ and symmetric",
    "pain 7/10", "I:E 1:2", "epinephrine 1:1000", "1/2 tab", "3/4 of the dose", "q4-6h",
    "PEEP 5 and FiO2 40%", "24/7 supervision", "G2P1011", "5/5 strength", "a 2/6 systolic murmur",
    "fluids at 125 mL/hr", "ICD-10 E11.65", "CPT 99214", "HCPCS J1100", "LOINC 4548-4",
    "NDC 0002-8215-01", "DRG 291", "room 4", "bed 12B", "5 North", "post-op day 3", "C5-C6",
    "a T12 compression fracture", "L4/L5 disc", "S1 radiculopathy", "week 32 of pregnancy",
    "the 1980s", "since 2019", "two weeks ago", "a 10/10 headache", "rate 60-100", "HR 112",
    "RR 24", "SpO2 91% on 2 L", "temp 38.4", "weight 71.5 kg", "BMI 31.2", "5'4\"", "6 ft 1 in",
    "a 3 cm lesion", "1+ edema", "EF 35-40%", "QTc 486", "PR 220", "HFE C282Y homozygous",
    "HLA-B*58:01 negative", "BRCA2 c.5946delT", "version 10.2.14.3", "trial NCT number pending",
    "v-fib x2", "12-lead ECG", "1:1 sitter", "4-point restraints",
]
WORDS = [
    "frank hematuria noted", "hazel eyes, pupils equal", "likely dawn phenomenon", "will follow up in clinic",
    "grace period for refills ends soon", "bill sent to the plan", "mark the site before surgery",
    "rose-colored rash on the trunk", "attends a faith-based support group", "hope to discharge tomorrow",
    "penny-sized ulcer on the heel", "placed in jack-knife position", "iris coloboma OS",
    "poison ivy exposure", "rusty sputum", "crystal arthropathy suspected", "amber urine",
    "joy in activities absent", "summer flare of eczema", "June bug bite on the forearm",
    "April flare of gout", "worse with the May pollen", "heat exhaustion last August",
    "sterling silver allergy", "holly berry ingestion ruled out", "art therapy helps",
    "heather-gray sputum", "a patient who will sue nobody, per chaplain", "wants to walk the dog daily",
    "no melena, no hematochezia", "grace under pressure, per nursing",
]
GENERIC_PLACES = [
    "the Emergency Department", "the cath lab", "the ICU", "the step-down unit", "the OR",
    "the infusion center", "radiology", "the county jail clinic", "the reservation's IHS service unit",
    "a critical access hospital", "a tertiary center", "a rural clinic", "the hub team",
    "home", "a skilled nursing facility", "the school", "a homeless shelter", "the state",
    "Montana", "South Dakota", "the Navajo Nation", "Alaska", "Canada", "Mexico",
]
AGES = list(range(18, 90))
TABLE_LABS = [x for x in LABS if any(c.isdigit() for c in x.rsplit(" ", 1)[-1])]
DISEASES = PLACE_NAMED[:15]
BRACES = PLACE_NAMED[15:21] + SPLINTS
SCALES = PLACE_NAMED[21:]
DERM_TESTS = ["Wood's lamp exam", "dermoscopy", "a punch biopsy", "a KOH prep"]


def clean_shapes(R: random.Random) -> list[tuple[str, Callable[[], str]]]:
    def p(seq):
        return seq[R.randrange(len(seq))]

    def a() -> int:
        return p(AGES)

    shapes: list[tuple[str, Callable[[], str]]] = [
        ("hpi", lambda: f"{a()} y/o with history of {p(DX)} presents with {p(DISEASES)}-like illness. Exam "
                        f"notable for {p(SIGNS)}. {p(WORDS).capitalize()}. Labs: {p(LABS)}, {p(LABS)}. Started {p(DRUGS)}."),
        ("nursing-lower", lambda: (f"pt resting in {p(LOOKALIKES)}. {p(LOOKALIKES)}. {p(SCORES)}. "
                                   f"{p(DRUGS)} given. family updated by phone. {p(WORDS)}.").lower()),
        ("med-table", lambda: "Medication | Dose | Indication\n" + "\n".join(
            f"{d.split(' ', 1)[0]} | {d.split(' ', 1)[1] if ' ' in d else '-'} | {p(DX + DISEASES)}"
            for d in (p(DRUGS), p(DRUGS), p(DRUGS)))),
        ("lab-table", lambda: "Test | Result\n" + "\n".join(f"{x.rsplit(' ', 1)[0]} | {x.rsplit(' ', 1)[-1]}"
                                                           for x in (p(TABLE_LABS), p(TABLE_LABS), p(TABLE_LABS), p(TABLE_LABS)))),
        ("echo-deid", lambda: (f"ECHO CASE FORM (de-identified)\nAge: {a()}  Sex: {p('MF')}\nSetting: "
                               f"{p(GENERIC_PLACES)}\nDx: {p(DISEASES)}; {p(DX)}\nScores: {p(SCORES)}, "
                               f"{p(SCORES)}\nQuestion: next step after {p(DRUGS)}?")),
        ("device-models", lambda: (f"Device check: {p(DEVICES)} and {p(DEVICES)}; {p(LOOKALIKES)}, "
                                   f"{p(LOOKALIKES)}. No alerts since last interrogation.")),
        ("peds", lambda: (f"Newborn, {p(SCORES[:1] + ['Apgar 7/9', 'Apgar 9/9', 'Apgar 6/8'])}, "
                          f"{p(LOOKALIKES)}. Mother G3P2 with {p(DX)}. Plan {p(DRUGS)}; "
                          f"screen with {p(SCALES)}.")),
        ("ortho", lambda: (f"X-ray: {p(FRACTURES)}. {p(LOOKALIKES)}; {p(SCORES)}. Placed in {p(BRACES)}. "
                           f"Follow up in 2 weeks.")),
        ("psych", lambda: (f"{p(SCORES)}, {p(SCORES)}. Mood low; {p(WORDS)}. Continue {p(DRUGS)}; "
                           f"safety plan reviewed, {p(LOOKALIKES)}.")),
        ("pharmacy-generic", lambda: (f"Pharmacy: interaction between {p(DRUGS)} and {p(DRUGS)}; {p(LABS)}. "
                                      f"Suggest renal dosing. {p(LOOKALIKES)}.")),
        ("id-travel", lambda: (f"Returned from {p(GENERIC_PLACES[-6:])} after camping; concern for "
                               f"{p(DISEASES)} vs {p(DISEASES)}. {p(LABS)}. Empiric {p(DRUGS)}.")),
        ("icu-line", lambda: (f"ICU: {p(DEVICES)}; {p(LOOKALIKES)}, {p(LOOKALIKES)}. {p(LABS)}, {p(LABS)}. "
                              f"{p(SCORES)}. {p(DRUGS)} continued.")),
        ("codes", lambda: (f"Billing codes: {p([x for x in LOOKALIKES if x[:3] in ('ICD', 'CPT', 'HCP', 'LOI', 'NDC', 'DRG')])}, "
                           f"{p([x for x in LOOKALIKES if x[:3] in ('ICD', 'CPT', 'HCP', 'LOI', 'NDC', 'DRG')])}. "
                           f"Dx {p(DX)}.")),
        ("hub-recs", lambda: (f"Hub recommendations: 1) consider {p(DRUGS)}. 2) check {p(LABS.copy())}. "
                              f"3) rule out {p(DX)}. 4) use {p(SCALES)}. {p(WORDS).capitalize()}.")),
        ("gi", lambda: (f"EGD: {p(['Barrett', 'LA grade B', 'Paris 0-IIa', 'Forrest IIb'])} findings; "
                        f"history of {p(DX)}. {p(SCORES)}. {p(LABS)}. {p(DRUGS)}.")),
        ("cardio", lambda: (f"{p(LOOKALIKES)}, {p(LOOKALIKES)}. {p(SCORES)}. {p(DEVICES)} planned. "
                            f"Hx {p(DISEASES)}. {p(DRUGS)} and {p(DRUGS)}.")),
        ("derm", lambda: (f"Derm: {p(DERM_TESTS)} shows "
                          f"{p(['Bowen disease', 'Kaposi sarcoma', 'tinea versicolor', 'Stevens-Johnson changes'])}; {p(SCORES)}. {p(WORDS).capitalize()}.")),
        ("neuro", lambda: (f"Neuro: {p(SCORES)}; {p(SIGNS)}, {p(SIGNS)}. MRI of {p(['C5-C6', 'L4/L5', 'T12'])}. "
                           f"{p(DRUGS)}.")),
        ("ob", lambda: (f"OB: {p(LOOKALIKES)}, {p(SCORES)}. {p(PROCS)} planned. {p(DRUGS)}. "
                        f"{p(WORDS).capitalize()}.")),
        ("rehab", lambda: (f"PT: {p(SCORES)}, {p(SCORES)}; {p(LOOKALIKES)}. Gait: {p(['Trendelenburg', 'antalgic', 'shuffling, Parkinsonian', 'steppage'])}. "
                           f"Goal: home with {p(LOOKALIKES)}.")),
        ("renal", lambda: f"Renal: {p(LABS)}, {p(LABS)}, {p(LABS)}. {p(DRUGS)} held. {p(LOOKALIKES)}."),
        ("onc", lambda: (f"Onc: {p(['Hodgkin lymphoma', 'Ewing sarcoma', 'Wilms tumor', 'Kaposi sarcoma', 'Paget disease of the breast'])}; {p(SCORES)}, {p(SCORES)}. Cycle 3 of {p(DRUGS)}. "
                         f"{p(LABS)}.")),
        ("caps-header", lambda: (f"*** PROBLEM LIST *** {p(DX).upper()} ** {p(DISEASES).upper()} ** "
                                 f"{p(DRUGS).upper()} **")),
        ("phone-generic", lambda: (f"Telephone note: caller reports {p(WORDS)}; on {p(DRUGS)}. {p(LOOKALIKES)}. "
                                   f"Advised {p(GENERIC_PLACES)} if worse.")),
        ("pipe-vitals", lambda: "Time | BP | HR | SpO2\n" + "\n".join(
            f"{R.randint(0, 23):02d}:00 | {R.randint(88, 170)}/{R.randint(50, 100)} | {R.randint(50, 130)} | "
            f"{R.randint(86, 100)}%" for _ in range(3))),
        ("discharge-generic", lambda: (f"Discharge: {p(DX)} managed with {p(DRUGS)}. {p(SCORES)} at "
                                       f"discharge. {p(LOOKALIKES)}. Follow up at {p(GENERIC_PLACES)}.")),
        ("ages", lambda: (f"{a()}-year-old and {a()} yo sibling both with {p(DISEASES)}; father "
                          f"died in his 80s of {p(DX)}. {p(LOOKALIKES)}.")),
        ("hep", lambda: (f"Hepatology: {p(SCORES)}, {p(LABS)}, {p(LABS)}. Status post {p(PROCS)}. "
                         f"{p(DRUGS)}; {p(LOOKALIKES)}.")),
        ("words", lambda: (f"{p(WORDS).capitalize()}; {p(WORDS)}; {p(WORDS)}. {p(SCORES)}. "
                           f"{p(DRUGS)}.")),
        ("transfer-generic", lambda: (f"Transfer from {p(GENERIC_PLACES)} to {p(GENERIC_PLACES)} for "
                                      f"{p(DX)}; {p(DEVICES)}; {p(LABS)}; {p(LOOKALIKES)}.")),
    ]
    return shapes
