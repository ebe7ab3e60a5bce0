"""Clean passages for set N: hard negatives in the styles of the identifier shapes.

No person, place, date (day with month, or month with year), number or address of a patient
or clinician. Eponyms, surnames in disease names and citations, drug and device brands, codes,
lot and model numbers, scores and ratios that look like dates, years alone, ages under 90,
departments without names, and words that are names or towns elsewhere in this set.
"""

from __future__ import annotations

import random

EPONYMS = [
    "Graves disease", "Addison disease", "Parkinson disease", "Bell palsy", "Wilson disease",
    "Cushing syndrome", "adult-onset Still disease", "Turner syndrome", "Hunter syndrome",
    "a Baker cyst", "Hashimoto thyroiditis", "Legg-Calve-Perthes disease", "Osgood-Schlatter",
    "Guillain-Barre syndrome", "Barrett esophagus", "Hirschsprung disease", "Kawasaki disease",
    "Bowen disease", "Paget disease of bone", "Dupuytren contracture", "Peyronie disease",
    "Raynaud phenomenon", "Sjogren syndrome", "Tourette syndrome", "Lou Gehrig disease",
    "Hodgkin lymphoma", "Burkitt lymphoma", "Kaposi sarcoma", "Ewing sarcoma", "Wilms tumor",
    "Zollinger-Ellison syndrome", "Mallory-Weiss tear", "Boerhaave syndrome", "Fournier gangrene",
    "Ludwig angina", "Pott disease", "Charcot foot", "Marfan syndrome", "Ehlers-Danlos syndrome",
    "Mendelian inheritance", "Gilbert syndrome", "Crigler-Najjar", "Brugada pattern",
    "Wolff-Parkinson-White", "Takotsubo cardiomyopathy", "Buerger disease", "Whipple procedure",
    "Nissen fundoplication", "Hartmann procedure", "a Colles fracture", "a Jones fracture",
    "a Smith fracture", "a Bennett fracture", "a Monteggia fracture", "Homans sign",
    "Murphy sign", "Trendelenburg gait", "Babinski sign", "Kernig sign", "Tinel sign",
]
PLACE_DISEASES = [
    "Lyme disease", "West Nile virus", "Rocky Mountain spotted fever", "Coxsackie virus",
    "Norwalk-like virus", "Ebola", "Marburg virus", "St. Louis encephalitis", "Powassan virus",
    "Heartland virus", "Bourbon virus", "Valley fever", "the Spanish flu of 1918",
    "Hantavirus (Sin Nombre)", "Jamestown Canyon virus", "La Crosse encephalitis", "Zika",
    "Tularemia (rabbit fever)", "Lassa fever", "Omsk hemorrhagic fever",
]
PLACE_SCALES = [
    "Glasgow Coma Scale 14", "Ottawa ankle rules negative", "Canadian C-spine rule applied",
    "San Francisco syncope rule low risk", "New York Heart Association class III",
    "Kansas City Cardiomyopathy Questionnaire 54", "Richmond Agitation-Sedation Scale -1",
    "Montreal Cognitive Assessment 23/30", "Boston Bowel Preparation Scale 8",
    "Pittsburgh Sleep Quality Index 11", "Edmonton Symptom Assessment score 38",
    "Michigan Neuropathy Screening Instrument 4", "Geneva score 3", "Wells score 1.5",
    "the Milwaukee brace", "a Philadelphia collar", "Philadelphia chromosome negative",
    "a Minnesota tube", "a Denver shunt", "the Mediterranean diet", "Tokyo Guidelines grade II",
]
WORD_TRAPS = [
    "hope for recovery", "joy in small things", "patience with the titration", "a mercy visit",
    "poison ivy on both forearms", "iris coloboma", "a gene panel", "a cherry-red spot",
    "Tiger Balm on the knee", "Vienna sausages at lunch", "a Mounds bar", "a star-shaped laceration",
    "liberty to walk the halls", "candor about the prognosis", "pain 6/10", "blood cultures x2",
    "bone density scan", "hand hygiene", "burns to the palm", "sweat chloride test",
    "gross hematuria", "long QT", "short stature", "small bowel follow-through",
    "sharp debridement", "walker at all times", "page the on-call", "a Cook catheter",
    "Fisher exact test", "temple tenderness", "post-op day 2", "Friday clinic",
    "the Mason jar of pills", "price of insulin", "a baker by trade", "nurse visit",
    "chapel on 2", "the church van", "moss on the ramp", "fox bite (rabies PEP started)",
    "the hunter's season", "the mercy of a quick death", "a Star of Life decal",
    "sonny side up eggs", "dusty work site", "misty eyes", "stormy course", "river water exposure",
]
DRUGS = [
    "Eliquis 2.5 mg BID", "Xarelto 15 mg daily", "Jardiance 10 mg", "Ozempic 0.5 mg weekly",
    "Mounjaro 5 mg weekly", "Entresto 49/51 mg BID", "Farxiga 10 mg", "Lasix 40 mg",
    "Sinemet 25/100 TID", "levothyroxine 88 mcg", "methimazole 10 mg", "hydrocortisone 15/5 mg",
    "Trelegy 100/62.5/25", "Breo 100/25", "Suboxone 8/2 mg", "Narcan 4 mg nasal",
    "Bactrim DS 800/160", "doxycycline 100 mg BID x 21 days", "Paxlovid 300/100",
    "Humalog 6 units with meals", "Lantus 22 units at bedtime", "Toujeo 30 units",
    "amoxicillin-clavulanate 875/125", "Norco 5/325", "Tylenol 650 mg q6h",
]
LABS = [
    "Na 131 (135-145)", "K 5.6 (3.5-5.1)", "Cr 1.8 (0.6-1.2)", "eGFR 34", "A1c 8.9%",
    "TSH 0.02 (0.4-4.0)", "free T4 3.1", "AM cortisol 2.1", "ACTH 410", "ALT 88", "AST 61",
    "INR 2.7", "Hgb 9.8", "plt 88", "BNP 1240", "troponin 0.04", "lactate 3.2", "ferritin 12",
    "HCV RNA 1.2 million IU/mL", "HBsAg negative", "CD4 412", "ceruloplasmin 9 mg/dL",
    "Lyme C6 antibody positive", "RMSF IgG 1:256", "WNV IgM positive in CSF",
]
CODES = [
    "ICD-10 E05.00", "ICD-10 E27.1", "ICD-10 G20.A1", "ICD-10 A69.20", "ICD-10 A77.0",
    "ICD-10 A92.31", "ICD-10 E83.01", "ICD-10 J44.1", "ICD-10 I50.23", "ICD-10 Z79.01",
    "CPT 99214", "CPT 99497", "CPT 43239", "CPT 49591", "CPT 93000", "CPT 82306", "CPT 92557",
    "HCPCS G0438", "HCPCS E1390", "HCPCS A4253", "LOINC 4548-4", "NDC 0169-4132-12",
    "DRG 291", "SNOMED 193570009",
]
DEVICES = [
    "Dexcom G7", "FreeStyle Libre 3", "Omnipod 5", "Tandem t:slim X2", "MiniMed 780G",
    "Inogen One G5", "EverFlo 5L", "ResMed AirSense 11", "Medtronic Azure XT DR",
    "Boston Scientific Accolade", "Zoll LifeVest 4000", "Hill-Rom Centrella bed",
    "Omron BP7450", "Masimo Rad-97", "Otoacoustic screener model AccuScreen",
    "Welch Allyn Spot Vision", "Topcon NW400", "Philips HeartStart FRx",
]
LOTS = [
    "lot EK5730", "lot 4CF21B (exp. 2027)", "lot U7J412AA", "lot FL8094", "lot 93A1C",
    "lot 22G15-2", "lot X10552", "lot 0P44B",
]
GENES = [
    "BRCA1 c.68_69delAG", "HFE C282Y homozygous", "ATP7B p.H1069Q", "CFTR F508del",
    "FMR1 premutation", "APOE e4/e4", "LRRK2 G2019S", "GBA N370S", "TTR V122I",
    "HLA-B27 positive", "MTHFR C677T heterozygous", "SERPINA1 PiZZ", "SMN1 0 copies",
]
CITES = [
    "Parikh et al., N Engl J Med 2019;380:1122", "per Graves and Singh (JAMA 2021)",
    "Wilson et al., Lancet 2020", "the Addison cohort (BMJ 2018)", "Hope et al. 2022 meta-analysis",
    "Baker and Cherry, Ann Intern Med 2017", "Mason et al. (Hepatology 2023)",
    "Nguyen et al., Clin Infect Dis 2016", "Okafor et al., Diabetes Care 2024",
    "the 2023 AGS Beers Criteria", "KDIGO 2024", "AASLD-IDSA HCV guidance (2023 update)",
    "ADA Standards of Care 2026", "GOLD 2025 report", "the 2022 AHA/ACC/HFSA guideline",
]
DEPTS = [
    "the cath lab", "radiology", "the pharmacy", "the ED", "labor and delivery",
    "the wound clinic", "dialysis", "4 West", "the step-down unit", "respiratory therapy",
    "social work", "case management", "the infusion center", "nutrition services",
    "the sleep lab", "audiology", "the front desk", "medical records", "biomed",
]
AGES = [str(a) for a in range(18, 90)]
YEARS = [str(y) for y in range(1998, 2027)]
TIMES = ["07:12", "08:40", "10:05", "13:30", "14:22", "16:45", "21:10", "23:55", "02:47"]
SCORES = [
    "CHA2DS2-VASc 5", "HAS-BLED 3", "MELD-Na 21", "Child-Pugh B7", "CURB-65 2", "PHQ-9 14",
    "GAD-7 11", "AUDIT-C 6", "Braden 13", "Morse fall score 65", "Apgar 8/9", "NIHSS 4",
    "Mallampati III", "ASA 3", "ECOG 2", "PPS 40%", "FAST 6c", "Karnofsky 50", "ILO 1/0 q/q",
    "Fazekas 2", "BI-RADS 2", "TI-RADS 3", "Gleason 3+4=7", "Hoehn and Yahr 3",
]


def cap(s: str) -> str:
    """Capitalise the first letter only ('Long QT', not 'Long qt')."""
    return s[:1].upper() + s[1:]


def pick(r: random.Random, pool: list[str], k: int = 1) -> list[str]:
    return r.sample(pool, k)


SURGICAL = ["Hirschsprung disease", "Barrett esophagus", "a Mallory-Weiss tear",
            "Fournier gangrene", "a Colles fracture", "a Jones fracture", "a Baker cyst",
            "Dupuytren contracture", "Zollinger-Ellison syndrome", "Boerhaave syndrome"]


def op_dictation(r):
    e = pick(r, SURGICAL)[0]
    return (f"operative report period preoperative diagnosis {e.lower()} period the patient is a "
            f"{r.choice(AGES)} year old who was brought to the or period the fashion was closed with "
            f"zero vicryl in a running fashion period {r.choice(LOTS)} mesh was used period "
            f"estimated blood loss {r.randint(5, 200)} cc period to pack you in stable condition end "
            "of dictation")


def ed_triage(r):
    return (f"ED TRIAGE {r.choice(TIMES)}  ESI {r.randint(2, 4)}\n{r.choice(AGES)}yo M, arrived POV. "
            f"CC: fever and rash after tick bite, concern for {r.choice(PLACE_DISEASES)}.\n"
            f"Vitals: BP {r.randint(100, 170)}/{r.randint(55, 99)} HR {r.randint(60, 130)} "
            f"T {r.choice(['38.9', '37.2', '39.4'])} SpO2 {r.randint(90, 99)}%. {r.choice(SCORES)}. "
            f"Hx {r.choice(EPONYMS)}. To {r.choice(DEPTS)} after triage.")


def copy_forward(r):
    return (f"PROGRESS NOTE  {r.choice(TIMES)}\n[Copied forward from note of hospital day "
            f"{r.randint(1, 6)} {r.choice(TIMES)}]\n  Meds: {', '.join(pick(r, DRUGS, 3))}.\n"
            f"  Labs: {', '.join(pick(r, LABS, 3))}.\n[End copied text]\nToday: "
            f"{r.choice(WORD_TRAPS)}; {r.choice(SCORES)}; plan per {r.choice(CITES)}.")


def pa_criteria(r):
    d = r.choice(DRUGS)
    return (f"Prior authorization criteria for {d.split()[0]}: diagnosis code {r.choice(CODES)}; "
            f"trial of two formulary agents for at least 90 days; {r.choice(LABS)} within the "
            f"last {r.randint(3, 12)} months; prescriber attests per {r.choice(CITES)}. "
            f"Quantity limit {r.randint(1, 4)} pens per 28 days. Appeals reviewed by the pharmacy "
            "and therapeutics committee.")


def hl7_obx(r):
    lines = []
    for i, lab in enumerate(pick(r, LABS, 3), 1):
        name, val = lab.split(" ", 1)
        lines.append(f"OBX|{i}|NM|{r.randint(1000, 99999)}-{r.randint(0, 9)}^{name}^LN||"
                     f"{val.split(' ')[0]}|||{'H' if r.random() < 0.5 else 'N'}|||F")
    return "\n".join(lines) + f"\nNTE|1||Reference ranges per {r.choice(DEPTS)} {r.choice(YEARS)} validation"


def x12_eb(r):
    return (f"EB*1*IND*30**PPO~\nEB*C*IND*30***23*{r.randint(250, 6000)}~\n"
            f"EB*B*IND*98***27*{r.randint(10, 80)}~\nMSG*PRIOR AUTH REQUIRED FOR {r.choice(CODES).upper()}~\n"
            f"EB*A*IND*88***27**{r.randint(10, 40)}~\nMSG*COPAY APPLIES TO {r.choice(DEVICES).upper()}~")


def answering_protocol(r):
    return (f"AFTER-HOURS PROTOCOL: IF CALLER REPORTS {r.choice(PLACE_DISEASES).upper()} EXPOSURE OR "
            f"{r.choice(EPONYMS).upper()} FLARE, PAGE THE ON-CALL. REFILLS OF "
            f"{r.choice(DRUGS).upper()} WAIT FOR OFFICE HOURS. LOG TIME {r.choice(TIMES)}.")


def dot_vitals(r):
    return (f"Commercial driver exam findings: BP {r.randint(110, 160)}/{r.randint(60, 99)}, pulse "
            f"{r.randint(55, 99)}, vision 20/{r.choice(['20', '25', '30', '40'])} OU, whisper test "
            f"pass at 5 feet, urine SG 1.0{r.randint(10, 30)} protein neg. Hx {r.choice(EPONYMS)} on "
            f"{r.choice(DRUGS)}: certified for {r.choice(['1 year', '2 years', '3 months'])}.")


def camp_meds(r):
    return (f"camp nurse med pass 08:00: {', '.join(d.lower() for d in pick(r, DRUGS, 2))}. "
            f"cabin {r.randint(1, 12)} camper (age {r.randint(8, 16)}) with {r.choice(WORD_TRAPS)}; "
            f"{r.choice(['epipen', 'albuterol', 'glucagon'])} in the health hut fridge, "
            f"{r.choice(LOTS)}.")


def public_health_facts(r):
    d = r.choice(PLACE_DISEASES)
    return (f"Reportable condition reminder: {d} cases rose in {r.choice(YEARS)}. Report within "
            f"{r.choice(['24 hours', '3 business days', '7 days'])} using {r.choice(CODES)}. "
            f"Typical labs: {r.choice(LABS)}, {r.choice(LABS)}. Treatment: {r.choice(DRUGS)}.")


def abn_text(r):
    return (f"ADVANCE BENEFICIARY NOTICE: Medicare may not pay for {r.choice(CODES)} when "
            f"ordered more than once a year. Estimated cost ${r.randint(20, 400)}.00. Option 1: "
            "I want the service and understand I may be billed. Option 3: I do not want the service.")


def consent_risks(r):
    return (f"Consent discussion: risks of {r.choice(['EGD', 'colonoscopy', 'paracentesis', 'TAVR'])} "
            f"include bleeding (about 1 in {r.randint(100, 2000)}), perforation and reactions to "
            f"sedation. Interpreter used (Tigrinya, by video). Patient has {r.choice(EPONYMS)}; "
            f"{r.choice(SCORES)}. Teach-back done.")


def discharge_generic(r):
    return (f"Discharge instructions: take {r.choice(DRUGS)}; check your sugar before meals "
            f"(goal 80-130); call the clinic if weight rises 3 lb in a day. Wear the "
            f"{r.choice(DEVICES)} sensor; change it every 10 days. {cap(r.choice(WORD_TRAPS))}.")


def biomed_specs(r):
    return (f"Biomed: {r.choice(DEVICES)} failed SpO2 accuracy (+/-{r.randint(2, 5)}%), firmware "
            f"v{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 99)}, PM due in {r.randint(1, 12)} "
            f"months. Replacement {r.choice(DEVICES)} from stock, {r.choice(LOTS)}.")


def returned_mail_policy(r):
    return ("Returned mail policy: mark the account 'bad address', do not re-mail until the "
            f"patient updates it at {r.choice(DEPTS)}; APO and FPO addresses are valid. "
            f"Statements cycle every {r.randint(28, 31)} days.")


def nurse_protocol(r):
    return (f"Nurse line: Schmitt-Thompson protocol 'Rash - Widespread' used for a {r.choice(AGES)} "
            f"y/o; asked about {r.choice(PLACE_DISEASES)} and {r.choice(EPONYMS)}. Disposition: "
            f"see PCP within 24 hours. {cap(r.choice(WORD_TRAPS))}.")


def transfer_reason(r):
    return (f"Transfer criteria: {r.choice(['SDH', 'STEMI', 'aortic dissection', 'DKA with pH 6.9'])} "
            f"needing services not available here; accepted by {r.choice(DEPTS)}; {r.choice(SCORES)}; "
            f"{r.choice(LABS)}. Benefits outweigh risks of transfer.")


def newborn_results(r):
    return (f"Newborn screen: AABR right {r.choice(['PASS', 'REFER'])}, left PASS; CCHD screen "
            f"{r.randint(95, 100)}%/{r.randint(95, 100)}%; bilirubin {r.randint(5, 15)}.{r.randint(0, 9)} at "
            f"{r.randint(24, 72)} hours (low-intermediate risk). Apgar {r.randint(7, 9)}/{r.randint(8, 10)}. "
            f"Mother's {r.choice(LABS)}.")


def eyeglass_numbers(r):
    return (f"OD {r.choice(['-', '+'])}{r.randint(0, 5)}.{r.choice(['00', '25', '50', '75'])} "
            f"-0.{r.choice(['25', '50', '75'])} x {r.randint(1, 180):03d}  OS -1.50 sph  ADD +2.25  "
            f"PD {r.randint(58, 68)}/{r.randint(55, 65)}; IOP {r.randint(12, 22)}/{r.randint(12, 22)}; "
            f"{r.choice(DEVICES[15:17])}. Hx {r.choice(['Graves disease', 'iris coloboma', 'Bell palsy'])}.")


def redcap_dictionary(r):
    return ("Variable / Field Name,Form Name,Field Type,Field Label\n"
            f"a1c_{r.randint(1, 4)},labs,text,HbA1c (%)\n"
            f"meld_na,labs,calc,MELD-Na\ngene_result,genetics,text,{r.choice(GENES)}\n"
            f"icd_code,dx,text,{r.choice(CODES)}")


def caregiver_tips(r):
    return (f"caregiver tips: keep the walker by the bed, night light in the hall, pill box "
            f"filled on sunday nights. {r.choice(WORD_TRAPS)}. if she seems confused call the "
            f"nurse line. she is {r.randint(70, 89)} and was diagnosed with {r.choice(EPONYMS).lower()} "
            f"in {r.choice(YEARS)}.")


def radiology_findings(r):
    return (f"FINDINGS: {r.choice(['No acute hemorrhage', 'Small left pleural effusion', 'Baker cyst 3.1 cm'])}. "
            f"{r.choice(SCORES)}. Comparison with prior from {r.choice(YEARS)}.\nIMPRESSION: "
            f"Findings compatible with {r.choice(EPONYMS)}; consider {r.choice(CITES)}.")


def secure_text_beds(r):
    return (f"[{r.choice(TIMES)}] RN: bed {r.randint(1, 30)} {r.choice(LABS)}\n[{r.choice(TIMES)}] MD: "
            f"give {r.choice(DRUGS)}, recheck in 6h\n[{r.choice(TIMES)}] RN: ok, also "
            f"{r.choice(WORD_TRAPS)}")


def hospice_plan(r):
    return (f"Hospice IDT: {r.choice(['CHF', 'COPD', 'dementia', 'ALS'])}, {r.choice(SCORES)}; "
            f"O2 via {r.choice(DEVICES[5:7])}; {r.choice(DRUGS)}. Chaplain and social work visiting "
            f"weekly. {cap(r.choice(WORD_TRAPS))}. Age {r.randint(60, 89)}.")


def black_lung_class(r):
    return (f"Chest film classified ILO {r.choice(['0/1', '1/0', '1/1', '2/1', '2/2', '3/2'])} "
            f"{r.choice(['p/q', 'q/t', 'r/s', 't/u'])}, zones R U-M L U-M; PMF {r.choice(['A', 'B', 'none'])}. "
            f"FEV1 {r.randint(30, 90)}% predicted, DLCO {r.randint(30, 90)}%. {r.choice(CITES)}.")


def echo_teaching(r):
    return (f"ECHO teaching point: in {r.choice(EPONYMS)} with {r.choice(LABS)}, start "
            f"{r.choice(DRUGS)}; see {r.choice(CITES)} and {r.choice(CITES)}. Spokes asked about "
            f"{r.choice(PLACE_DISEASES)}.")


def security_policy(r):
    return (f"Ambulance bay rules: no parking 22:00-06:00; security log reviewed by "
            f"{r.choice(DEPTS)}; tow after {r.randint(15, 60)} minutes. {r.choice(PLACE_SCALES)}.")


def hub_log_clean(r):
    return (f"RPM hub firmware {r.randint(1, 4)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(10, 99)} "
            f"(build {r.randint(1000, 9999)}), port {r.choice([443, 8443, 5683])}; {r.choice(DEVICES[12:14])} "
            f"BP {r.randint(100, 170)}/{r.randint(60, 99)}; scale 81.{r.randint(0, 9)} kg. Sync ok x{r.randint(2, 9)}.")


def genetics_report(r):
    g = pick(r, GENES, 2)
    return (f"Genetics: {g[0]}; {g[1]}. Consistent with {r.choice(EPONYMS)}. Cascade testing of "
            f"first-degree relatives advised (reference: {r.choice(CITES)}).")


def vaccine_record(r):
    return (f"Vaccines given: influenza 0.5 mL IM {r.choice(LOTS)}; Shingrix dose 2 {r.choice(LOTS)}; "
            f"Td {r.choice(LOTS)}. VIS edition {r.choice(YEARS)}. {r.choice(PLACE_SCALES)}.")


def billing_line(r):
    c = pick(r, CODES, 3)
    return f"Charge lines: {c[0]} | {c[1]} | {c[2]} | modifier 25 | POS 11 | units {r.randint(1, 4)}"


def scales_note(r):
    s = pick(r, PLACE_SCALES, 3)
    return (f"Assessment: {s[0]}; {s[1]}; {s[2]}. Ratios: strength 4/5, vision 20/40, BP "
            f"{r.randint(100, 170)}/{r.randint(60, 99)}. Onset in {r.choice(YEARS)}; age {r.choice(AGES)}.")


_ALL = [
    op_dictation, ed_triage, copy_forward, pa_criteria, hl7_obx,
    x12_eb, answering_protocol, dot_vitals, camp_meds,
    public_health_facts, abn_text, consent_risks, discharge_generic,
    biomed_specs, returned_mail_policy, nurse_protocol, transfer_reason,
    newborn_results, eyeglass_numbers, redcap_dictionary, caregiver_tips,
    radiology_findings, secure_text_beds, hospice_plan, black_lung_class,
    echo_teaching, security_policy, hub_log_clean, genetics_report,
    vaccine_record, billing_line, scales_note,
]
# 180 passages: the first 20 shapes six times, the last 12 five times
SHAPES = [(fn, 6 if i < 20 else 5) for i, fn in enumerate(_ALL)]
