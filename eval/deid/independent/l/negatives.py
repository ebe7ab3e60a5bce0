"""Clean passage shapes for set L: no identifier of any category, many things that look like one."""

from __future__ import annotations

import random

import carriers

EPONYM_DX = [
    "Graves' disease", "Hashimoto thyroiditis", "Addison's disease", "Cushing syndrome",
    "Parkinson's disease", "Crohn's disease", "Barrett's esophagus", "Guillain-Barré syndrome",
    "Sjögren syndrome", "Raynaud phenomenon", "Dupuytren contracture", "Osgood-Schlatter disease",
    "Legg-Calvé-Perthes disease", "Kawasaki disease", "Wilson disease", "Paget disease of bone",
    "Ménière disease", "Charcot foot", "Baker's cyst", "Morton's neuroma", "de Quervain tenosynovitis",
    "Kienböck disease", "Wernicke encephalopathy", "Mallory-Weiss tear", "Zenker diverticulum",
    "Meckel diverticulum", "Hirschsprung disease", "tetralogy of Fallot", "Ebstein anomaly",
    "Wolff-Parkinson-White pattern", "Brugada pattern", "Mobitz II block", "Takotsubo cardiomyopathy",
    "Peyronie disease", "Bowen disease", "Kaposi sarcoma", "Hodgkin lymphoma", "Waldenström macroglobulinemia",
]
SIGNS = [
    "Cheyne-Stokes respirations", "Kussmaul breathing", "a Virchow node", "a Sister Mary Joseph nodule",
    "Trousseau sign", "Chvostek sign", "Homans sign", "McBurney point tenderness", "Rovsing sign",
    "Kernig sign", "Brudzinski sign", "an upgoing Babinski", "a positive Romberg", "Phalen test",
    "Tinel sign at the wrist", "Finkelstein test", "a Lachman test", "McMurray test", "Spurling test",
    "Thompson test", "Hampton's hump on the film", "a Seymour fracture", "Murphy's sign", "Kehr sign",
]
DEVICES = [
    "Kelly clamp", "Foley catheter", "Mayo stand", "Jackson-Pratt drain", "Swan-Ganz catheter",
    "Hickman line", "Groshong catheter", "Heimlich valve", "Ilizarov frame", "Pavlik harness",
    "Thomas splint", "Minerva jacket", "Salem sump", "Miami J collar", "Aspen collar", "Jobst stockings",
    "Unna boot", "Dobhoff tube", "Ambu bag", "Yankauer", "Macintosh 3 blade", "Glidescope",
    "Venturi mask at 35%", "Pleur-evac", "Tenckhoff catheter", "Mepilex border", "Texas catheter",
    "Dexcom G7", "FreeStyle Libre 3", "Omnipod 5", "Tandem t:slim X2", "ResMed AirSense 11",
    "Zio patch", "Watchman FLX", "CardioMEMS sensor", "Accu-Chek Guide meter", "Inspire stimulator",
]
DRUGS = [
    "Ozempic 0.5 mg weekly", "Mounjaro 5 mg", "Jardiance 10 mg", "Trulicity 1.5 mg", "Lantus 22 units",
    "Tresiba 30 units", "Suboxone 8/2 mg BID", "Sublocade 300 mg", "Vivitrol 380 mg", "Narcan 4 mg",
    "Eliquis 5 mg BID", "Xarelto 20 mg", "Brilinta 90 mg", "Lasix 40 mg", "Bumex 1 mg",
    "Spiriva Respimat", "Trelegy 100/62.5/25", "Symbicort 160/4.5", "Biktarvy", "Epclusa x 12 weeks",
    "Mavyret", "Kerendia 10 mg", "Paxlovid", "Keppra 500 mg", "Depakote ER 1000 mg", "lithium 300 mg",
    "Entyvio", "Humira 40 mg", "Prolia 60 mg", "Tdap", "Shingrix dose 2", "PCV20",
]
PLACE_DX = [
    "Coxsackie virus", "Pontiac fever", "Bourbon virus", "Heartland virus", "Jamestown Canyon virus",
    "La Crosse encephalitis", "Norwalk-like virus", "Lassa fever", "Crimean-Congo hemorrhagic fever",
    "Japanese encephalitis", "Marburg virus", "Ross River virus", "Mediterranean spotted fever",
    "Hantavirus pulmonary syndrome", "Chagas disease", "Stockholm syndrome",
]
SCALES = [
    "Braden 14", "Morse fall scale 55", "Mallampati III", "Child-Pugh B", "MELD 18", "RASS -1",
    "CIWA 12", "COWS 9", "Edinburgh 13", "Denver II normal", "Tanner stage 3", "Fitzpatrick IV",
    "Wagner grade 2", "Hoehn and Yahr 2.5", "modified Rankin 3", "Karnofsky 60", "ECOG 1",
    "NYHA class III", "Killip II", "Breslow 1.2 mm", "Salter-Harris II", "Weber B", "Garden III",
    "Wells score 4.5", "Centor 3", "Caprini 6", "Ranson 2", "Glasgow-Blatchford 7", "Duke criteria",
    "Framingham 14%", "CHA2DS2-VASc 4", "HAS-BLED 2", "PHQ-9 14", "GAD-7 11", "AUDIT-C 6",
]
LABS = [
    "A1c 9.2%", "eGFR 38", "LDL 142", "Cr 1.6", "INR 2.4", "TSH 4.8", "BNP 1,240", "K 5.3", "Na 131",
    "Hgb 9.8", "plt 98K", "WBC 14.2", "lactate 2.9", "troponin 0.04", "ferritin 8", "vit D 14",
    "CD4 412", "HCV RNA undetectable", "ALT 88", "lipase 412", "Mg 1.4", "phos 6.1", "albumin 2.7",
    "UACR 310", "QTc 478 ms", "FEV1 62% predicted", "PPD 12 mm", "EF 35-40%", "glucose 412",
]
VITALS = ["BP 138/84", "BP 162/94", "HR 112", "RR 22", "SpO2 89% RA", "T 100.9 F", "wt 84.2 kg",
          "BMI 31.4", "ht 5'7\"", "pain 7/10", "FSBG 288", "O2 2 L NC"]
GUIDES = [
    "the 2025 ADA Standards of Care", "KDIGO 2024", "the GOLD 2025 report", "the 2022 AHA/ACC/HFSA heart failure guideline",
    "the 2019 ATS/IDSA CAP guideline", "the USPSTF 2021 recommendation", "the CDC 2022 opioid guideline",
    "the 2023 Beers Criteria", "the 2017 ACC/AHA blood pressure guideline", "the ACIP 2024 schedule",
    "GINA 2024", "the 2020 ASAM criteria", "the 2016 Sepsis-3 definitions", "the 2018 AASLD guidance",
]
ROLES = ["the charge nurse", "the hospitalist", "the on-call nephrologist", "the pharmacist",
         "the community health worker", "the case manager", "the interpreter", "the hub psychiatrist",
         "the spoke NP", "physical therapy", "the wound nurse", "the school nurse", "the night RN",
         "the social worker", "the dietitian", "the medical director", "the ECHO facilitator",
         "the attending", "respiratory therapy", "the triage nurse"]
ANAT = ["pouch of Douglas", "Sylvian fissure", "circle of Willis", "bundle of His", "Scarpa fascia",
        "Hesselbach triangle", "ligament of Treitz", "sphincter of Oddi", "loop of Henle",
        "Broca area", "Eustachian tube", "Achilles tendon", "Morison pouch", "Calot triangle",
        "Gerota fascia", "Cooper ligament", "Stensen duct", "Wharton duct", "space of Retzius"]
CODES = ["ICD-10 E11.65", "ICD-10 I50.22", "ICD-10 F11.20", "CPT 99214", "CPT 99497", "HCPCS G0439",
         "LOINC 4548-4", "NDC 0093-7146-56", "NDC 0169-4132-12", "DRG 291", "Lot 3F71A", "model 5076-52",
         "ref. no. 1101-02", "SNOMED 44054006", "form CMS-1500", "version 4.2.1", "order set 1142",
         "CPT 93000", "HCPCS E0601", "ICD-10 Z79.4", "ICD-10 W23.0XXA", "CPT 20610"]
AGES = ["a 67-year-old", "a 78 yo", "an 84-year-old", "a woman in her 80s", "age 89", "a 52 y/o",
        "a 4-month-old", "a 16 yo", "a 71-year-old", "a 38 yo", "a man in his late 70s"]
WORDS = ["treatment success", "a peculiar rash", "lip licking", "a sitz bath", "orange urine",
         "will call back", "grace period for the copay", "hope to taper", "faith community visit",
         "dawn phenomenon", "a Mayo stand", "a John Deere 4020 rollover", "a Ford F-150",
         "a Polaris Ranger", "the Marshall test", "the Bath Ankylosing Spondylitis index"]
EPS = [s for _, s in carriers.EPONYM]
PLAIN = [s for _, s in carriers.PLAIN]


def c(r, pool, k=1):
    return r.sample(pool, k) if k > 1 else r.choice(pool)


def n_telechat(r):
    return (f"[10:1{r.randint(0, 9)}] Provider: how are the sugars on the {c(r, DEVICES[27:29])}?\n"
            f"[10:1{r.randint(0, 9)}] Patient: mostly 180s, {c(r, LABS)} last month\n"
            f"[10:2{r.randint(0, 9)}] Provider: ok, per {c(r, GUIDES)} we'll go up on {c(r, DRUGS)}.")


def n_echominutes(r):
    a, b = c(r, AGES, 2)
    return (f"ECHO minutes (de-identified). Case 1: {a} with {c(r, EPONYM_DX)}; {c(r, SCALES)}. "
            f"Hub recommended {c(r, DRUGS)} per {c(r, GUIDES)}. Case 2: {b}, {c(r, PLACE_DX)} ruled out. "
            f"Action: {c(r, ROLES)} to follow up.")


def n_pharmcall(r):
    return (f"Pharmacy call: {c(r, ROLES)} called, {c(r, DRUGS)} on backorder ({c(r, CODES[7:9])}). "
            f"Switched to {c(r, DRUGS)}. Prior auth not needed under tier 2. Counselled on {c(r, LABS)}.")


def n_occhealth(r):
    return (f"Occupational health: forklift operator, {c(r, AGES)}, lifting injury, {c(r, SIGNS)}. "
            f"Restrictions: no lifting over 20 lb x 2 weeks. DOT recheck due per {c(r, GUIDES)}. {c(r, VITALS)}.")


def n_dictation(r):
    return (f"the patient is a seventy eight year old period hemoglobin a one c nine point two comma "
            f"creatinine one point six period {c(r, PLAIN).lower()} new paragraph plan {c(r, DRUGS).lower()}")


def n_fwd(r):
    return (f"Fwd: key points from {c(r, GUIDES)}\n> screen at {c(r, AGES).split(' ', 1)[1]} and up\n"
            f"> {c(r, SCALES)} triggers referral\n> consider {c(r, DRUGS)}\nSee you at Thursday's ECHO.")


def n_sms(r):
    return (f"pt fsbg 4 12 this am, {c(r, VITALS).lower()}, took {c(r, DRUGS).lower()}, "
            f"{c(r, WORDS)}, will recheck in 2h. cb to clinic main line")


def n_ocrfax(r):
    s = c(r, EPS)
    cut = len(s) // 2
    return f"FAX COVER   P. 1/3\nCONFIDENT1AL  RE: CONSULT\n{s[:cut]}-\n{s[cut:]}\n{c(r, LABS).upper()}  {c(r, VITALS).upper()}"


def n_spanglish(r):
    return (f"Paciente de {r.randint(20, 89)} años con {c(r, EPONYM_DX)}. Toma {c(r, DRUGS)} diario. "
            f"Refiere dolor 6/10, {c(r, LABS)}. Plan: seguir {c(r, GUIDES)}.")


def n_mdtable(r):
    rows = "".join(f"| {c(r, LABS)} | {c(r, LABS)} | {c(r, SCALES)} |\n" for _ in range(3))
    return "| Lab | Prior | Score |\n|---|---|---|\n" + rows


def n_medlist(r):
    ds = c(r, DRUGS, 3)
    return (f"ALLERGIES: PCN (rash), codeine (nausea)\nMEDICATIONS:\n- {ds[0]} ({c(r, CODES[7:9])})\n"
            f"- {ds[1]}\n- {ds[2]}\nPrescriber: per PCP; reconciled by {c(r, ROLES)}.")


def n_sbar(r):
    return (f"SBAR\nS: {c(r, AGES)} with {c(r, VITALS)}, {c(r, VITALS)}.\nB: {c(r, EPONYM_DX)}.\n"
            f"A: {c(r, SIGNS)}.\nR: {c(r, ROLES)} to assess; {c(r, SCALES)}.")


def n_incident(r):
    return (f"Incident report: resident found on floor at 0340, {c(r, SCALES)}. {c(r, ROLES).capitalize()} "
            f"and {c(r, ROLES)} notified. No injury; {c(r, DEVICES)} intact.")


def n_wellchild(r):
    return (f"Well-child visit, {c(r, AGES[6:8])}. Weight 60th percentile, Denver II normal, "
            f"{c(r, SCALES)}. Vaccines: {c(r, DRUGS[-3:])}. Counselled on car seats and {c(r, WORDS)}.")


def n_critical(r):
    return (f"CRITICAL VALUE: {c(r, LABS)} called to {c(r, ROLES)} at 14:22, read back verified. "
            f"Repeat ordered ({c(r, CODES[6:7])}).")


def n_bedboard(r):
    rows = "".join(f"| {r.randint(1, 30)}{r.choice('AB')} | {c(r, AGES)} | {c(r, EPONYM_DX)} | {c(r, SCALES)} |\n"
                   for _ in range(3))
    return "| Bed | Age | Dx | Score |\n|:--|:--|:--|:--|\n" + rows


def n_farm(r):
    return (f"ED note: {c(r, AGES)}, {c(r, WORDS[11:14])}, {c(r, SIGNS)}. CT negative. {c(r, DRUGS)}. "
            f"Return precautions given. {c(r, CODES[20:21])}.")


def n_dme(r):
    return (f"DME order: {c(r, CODES[18:19])} CPAP ({c(r, DEVICES[32:33])}), {c(r, DEVICES)}, "
            f"{c(r, CODES[11:13])}. Dx {c(r, CODES[:3])}. Face-to-face done.")


def n_device(r):
    return (f"Device check: {c(r, DEVICES[33:36])} and {c(r, DEVICES)}, {c(r, CODES[11:12])}. "
            f"Battery 8.5 y, {c(r, VITALS)}. {c(r, EPONYM_DX)} noted.")


def n_oprnote(r):
    return " ".join(c(r, EPS, 3))


def n_plain(r):
    return " ".join(c(r, PLAIN, 2)) + f" {c(r, VITALS)}, {c(r, LABS)}."


def n_anat(r):
    return (f"Imaging: fluid in the {c(r, ANAT)}; {c(r, ANAT)} unremarkable. {c(r, SIGNS).capitalize()}. "
            f"Impression: {c(r, EPONYM_DX)} vs {c(r, PLACE_DX)}.")


def n_placedx(r):
    a, b = c(r, PLACE_DX, 2)
    return (f"Travel and exposure hx negative; {a} and {b} serologies sent. "
            f"{c(r, AGES).capitalize()} with fever, {c(r, LABS)}.")


def n_codes(r):
    return f"Billing: {c(r, CODES[:3])}, {c(r, CODES[3:5])}, {c(r, CODES[5:6])}; {c(r, CODES[10:13])}. Time 42 min."


def n_reminder(r):
    return (f"Reminder: your visit is Tuesday at 2:30. Bring your {c(r, DEVICES[27:31])} and all pill bottles. "
            f"Reply C to confirm.")


def n_voicemail(r):
    return (f"Voicemail (auto): \"this is the pharmacy, your {c(r, DRUGS)} is ready, "
            f"press one to hear your balance.\"")


def n_cna(r):
    return (f"cna flow sheet - turned q2h, ate 50%, {c(r, VITALS).lower()}, {c(r, SCALES).lower()}, "
            f"{c(r, DEVICES).lower()} in place. {c(r, WORDS)}.")


def n_roles(r):
    a, b, d = c(r, ROLES, 3)
    return f"Team huddle: {a} and {b} reviewed {c(r, EPONYM_DX)}; {d} will call the family back tomorrow; {c(r, WORDS)}."


def n_guide(r):
    return (f"Per {c(r, GUIDES)} and {c(r, GUIDES)}, {c(r, AGES)} with {c(r, LABS)} qualifies for "
            f"{c(r, DRUGS)}; {c(r, SCALES)}.")


def n_itlog(r):
    return (f"app log: status=200 latency={r.randint(20, 90)} ms build {c(r, CODES[15:16])} "
            f"queue=3 retries=0 session_len=41m")


def n_intake(r):
    return (f"Intake (transcribed): chief complaint {c(r, WORDS[:5])}; PMH {c(r, EPONYM_DX)}; "
            f"meds {c(r, DRUGS)}; {c(r, VITALS)}; {c(r, SCALES)}.")


NEGATIVES = {
    "telechat": n_telechat, "echominutes": n_echominutes, "pharmcall": n_pharmcall,
    "occhealth": n_occhealth, "dictation": n_dictation, "fwdguide": n_fwd, "sms": n_sms,
    "ocrfax": n_ocrfax, "spanglish": n_spanglish, "mdtable": n_mdtable, "medlist": n_medlist,
    "sbar": n_sbar, "incident": n_incident, "wellchild": n_wellchild, "critical": n_critical,
    "bedboard": n_bedboard, "farm": n_farm, "dme": n_dme, "device": n_device, "opnote": n_oprnote,
    "plain": n_plain, "anatomy": n_anat, "placedx": n_placedx, "codes": n_codes,
    "reminder": n_reminder, "voicemail": n_voicemail, "cna": n_cna, "roles": n_roles,
    "guideline": n_guide, "itlog": n_itlog, "intake": n_intake,
}
