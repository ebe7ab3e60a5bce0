"""Clean passages for set K: hard negatives only (no identifier of any category)."""

from __future__ import annotations

from values import R

EPONYMS = ["Parkinson's disease", "Crohn's disease", "Bell's palsy", "Hashimoto's thyroiditis", "Graves' disease",
           "Addison's disease", "Cushing's syndrome", "Guillain-Barré syndrome", "Raynaud's phenomenon", "Sjögren's syndrome",
           "Kawasaki disease", "Ménière's disease", "Dupuytren's contracture", "Barrett's esophagus", "Paget's disease of bone",
           "Osgood-Schlatter disease", "Legg-Calvé-Perthes disease", "a Baker's cyst", "Morton's neuroma", "Charcot foot",
           "Wolff-Parkinson-White pattern", "Brugada pattern", "Mobitz II block", "Wenckebach", "a Mallory-Weiss tear",
           "Zenker's diverticulum", "Meckel's diverticulum", "Stevens-Johnson syndrome", "Tourette syndrome", "Hirschsprung disease",
           "Huntington's disease", "Wilson's disease", "Takayasu arteritis", "Buerger's disease", "Peyronie's disease",
           "de Quervain's tenosynovitis", "Kienböck's disease", "Scheuermann's kyphosis", "Fournier's gangrene", "Ludwig's angina"]
SIGNS = ["Trousseau's sign", "Chvostek's sign", "Kernig's sign", "Brudzinski's sign", "a positive Babinski", "Romberg positive",
         "Homans' sign negative", "McMurray test positive", "Lachman 2+", "Phalen's test positive", "Tinel's sign at the wrist",
         "Finkelstein positive", "Dix-Hallpike positive on the right", "Kussmaul respirations", "Cheyne-Stokes breathing",
         "Virchow's node", "Kehr's sign", "Cullen's sign", "Grey Turner's sign", "Rovsing's sign", "Allen test normal",
         "Weber lateralizes left, Rinne AC>BC", "Spurling's test negative", "Hawkins-Kennedy positive", "Thompson test intact"]
PROCS = ["Epley maneuver", "Nissen fundoplication", "Billroth II", "Pfannenstiel incision", "Kocher maneuver", "Swan-Ganz catheter",
         "Foley catheter", "Jackson-Pratt drain", "Penrose drain", "Hickman line", "Tenckhoff catheter", "Denver shunt",
         "Trendelenburg position", "semi-Fowler's position", "Gram stain", "Ziehl-Neelsen stain", "Coombs test", "Snellen chart",
         "Minnesota tube", "Sengstaken-Blakemore tube", "Seldinger technique", "Bankart repair", "Latarjet procedure", "Kasai portoenterostomy"]
PLACE_DISEASES = ["Pontiac fever", "Norwalk virus", "Coxsackie B myocarditis", "Haverhill fever", "Tangier disease", "Ross River virus",
                  "Lassa fever", "Marburg virus", "Oropouche fever", "Bornholm disease", "Zika", "Chikungunya", "Hantavirus pulmonary syndrome",
                  "the Berlin definition of ARDS", "a Stockholm-type attachment", "Madura foot", "Ebola exposure screen negative",
                  "a salmon patch on the nape", "salmon-colored macules", "alpine skiing injury", "superior vena cava syndrome",
                  "normal sinus rhythm", "a fall hazard at home", "liberal diet", "needles in the sharps box", "hope to discharge Friday",
                  "independence with ADLs", "the center of the lesion", "first degree burns to both forearms", "plains Indian sign language interpreter not needed"]
BRANDS = ["Eliquis 5 mg BID", "Xarelto 20 mg with supper", "Jardiance 10 mg daily", "Farxiga 10 mg", "Ozempic 1 mg weekly",
          "Mounjaro 7.5 mg weekly", "Trulicity 1.5 mg", "Lantus 22 units qHS", "Humalog per sliding scale", "Tresiba 30 units",
          "Keytruda 200 mg q3w", "Humira 40 mg q14d", "Dupixent 300 mg q2w", "Biktarvy daily", "Suboxone 8/2 mg SL BID",
          "Vivitrol 380 mg IM monthly", "Narcan 4 mg nasal kit", "Lasix 40 mg IV", "Coreg 12.5 mg BID", "Toprol XL 50 mg",
          "Plavix 75 mg", "Brilinta 90 mg BID", "Lipitor 80 mg", "Synthroid 88 mcg", "Flomax 0.4 mg qHS", "Spiriva Respimat",
          "Trelegy Ellipta 1 puff", "Symbicort 160/4.5", "Advair 250/50", "Ventolin HFA 2 puffs q4h PRN", "Augmentin 875/125 BID",
          "Bactrim DS BID", "Zosyn 4.5 g q8h", "Keflex 500 mg QID", "Medrol Dosepak", "Percocet 5/325", "Tylenol #3", "Zofran ODT 4 mg"]
DEVICES = ["Dexcom G7", "FreeStyle Libre 3", "Omnipod 5", "Tandem t:slim X2", "MiniMed 780G", "Inspire implant", "Watchman FLX",
           "MitraClip", "Impella CP", "HeartMate 3 LVAD", "Philips DreamStation 2", "ResMed AirSense 10", "Hoyer lift", "ROHO cushion",
           "wound VAC at 125 mmHg", "PleurX catheter", "Port-a-Cath", "Bair Hugger", "Accu-Chek Guide meter", "Mepilex Border",
           "Tegaderm", "Aquacel Ag", "Xeroform", "Kerlix roll", "Coban wrap", "Unna boot", "Jobst 20-30 stockings", "CAM boot",
           "Aspen collar", "LifeVest", "Arctic Sun at 36 °C", "Level 1 infuser", "i-STAT cartridge", "GlideScope", "Bard PowerPICC"]
LABS = ["Na 134", "K 5.6", "Cr 1.42 (baseline 0.9)", "BUN 38", "Hgb 8.9", "plt 112", "INR 2.7", "hs-troponin 14 → 19 ng/L",
        "BNP 1,240", "A1c 9.1%", "TSH 6.2", "ferritin 12", "lactate 3.1", "pH 7.31/pCO2 52", "eGFR 41", "LDL 162",
        "WBC 14.2 with 82% PMNs", "CRP 48", "ESR 60", "procalcitonin 0.6", "Mg 1.5", "phos 2.1", "lipase 380", "AST/ALT 88/102",
        "T bili 2.4", "albumin 2.9", "anion gap 18", "serum osm 302 mOsm/kg", "CK 4,870", "D-dimer 0.42", "uric acid 9.8",
        "vitamin D 14 ng/mL", "B12 180 pg/mL", "ammonia 71", "TIBC 460", "retic 3.2%"]
DOSES = ["metoprolol tartrate 25 mg PO BID", "enoxaparin 40 mg SC daily", "vancomycin 1.25 g IV q12h", "furosemide 40 mg IV x1",
         "prednisone 40 mg, taper by 10 mg every 3 days", "gabapentin 300 mg TID", "oxycodone 5 mg q4h PRN", "heparin gtt 18 units/kg/h",
         "KCl 40 mEq PO x2", "magnesium sulfate 2 g IV", "norepinephrine 0.08 mcg/kg/min", "propofol 30 mcg/kg/min",
         "LR at 125 mL/h", "insulin drip 4 units/h", "cefepime 2 g IV q8h", "sertraline 50 mg daily", "quetiapine 25 mg qHS PRN",
         "tamsulosin 0.4 mg", "ondansetron 4 mg IV q6h PRN", "acetaminophen 650 mg q6h", "famotidine 20 mg BID"]
NOTHING_DATES = ["POD 3", "HD 5", "day 2 of 5 of ceftriaxone", "32+4 weeks", "C3D1", "2 weeks s/p ORIF", "6 weeks post-op",
                 "PPD 2", "G3P2", "36/40", "3 days ago", "last Tuesday", "yesterday evening", "at 0600", "over the holidays",
                 "since the 1990s", "in 2019", "for 20 years", "q6h", "x3 days", "on day 14", "week 8 of 12", "2 days into the taper",
                 "every Monday", "in the spring", "after Thanksgiving", "48 hours", "at 14:30", "by end of shift"]
SCORES = ["CHA2DS2-VASc 4", "HAS-BLED 2", "Wells 1.5", "CURB-65 of 2", "NIHSS 6", "PHQ-9 14", "GAD-7 11", "AUDIT-C 5", "Braden 14",
          "Morse fall 55", "MELD-Na 22", "Child-Pugh B8", "APACHE II 18", "qSOFA 2", "Aldrete 9", "RASS -2", "CAM-ICU negative",
          "Mallampati III", "ASA 3", "NYHA class III", "GOLD 3", "Karnofsky 60", "ECOG 2", "Hunt-Hess 2", "Fisher grade 3",
          "Epworth 16", "STOP-BANG 6", "Caprini 5", "Padua 4", "Ranson 3", "Alvarado 7", "Centor 3", "PERC negative", "HEART score 4",
          "TIMI 2", "FRAX 18%", "Edinburgh 12", "CIWA 9", "COWS 11", "Norton 12"]
GENES = ["BRCA2 pathogenic variant", "EGFR exon 19 deletion", "KRAS G12C", "ALK fusion negative", "HER2 3+", "MTHFR C677T heterozygous",
         "CFTR F508del/F508del", "HFE C282Y homozygous", "APOL1 G1/G2", "JAK2 V617F", "BCR-ABL p210", "FLT3-ITD", "NPM1 mutated",
         "IDH1 R132H", "TP53 loss", "PIK3CA H1047R", "HLA-B*57:01 negative", "HLA-B27 positive", "TTR V122I", "SCN1A variant",
         "FMR1 premutation (72 repeats)", "SMN1 0 copies", "MSI-high", "PD-L1 TPS 60%", "Factor V Leiden heterozygous"]
ROOMS = ["Room 4", "bed 12B", "exam room 3", "OR 7", "Pod C", "chair 4", "bay 11", "CT 2", "Cath Lab 1", "4 West", "5 North",
         "MICU bed 8", "Trauma 1", "Station 3", "Infusion chair 14", "PACU slot 6", "Rm 221", "L&D triage 2", "the quiet room"]
CODES = ["ICD-10 E11.9", "I50.22", "J44.1", "N17.9", "CPT 99214", "93306", "HCPCS J1885", "G0439", "LOINC 4548-4",
         "NDC 0169-4132-12", "DRG 291", "Z79.01", "F10.20", "M54.50", "CPT 36556", "HCPCS E0601", "R65.21", "Q4186"]
UNITS_PHR = ["2 L/min NC", "PEEP 8 cm H2O", "MAP 65 mm Hg", "UOP 0.3 mL/kg/h", "intake 1,850 mL", "1,800 kcal/day",
             "Hgb 7.8 g/dL", "ANC 0.4 x10^9/L", "FiO2 40%", "tidal volume 420 mL", "15 mL/kg bolus", "ICP 22 mm Hg"]
NAMEWORDS = ["bill Medicare for the visit", "rusty sputum", "ginger ale tolerated", "amber urine", "rose spots absent",
             "gentian violet to the site", "olive oil drops for cerumen", "iris intact", "Epstein pearls on the palate",
             "dawn phenomenon suspected", "drew labs at 0500", "pat dry after showering", "mark the site", "jack-knife position",
             "chase with water", "ART adherence reviewed", "will call back", "may consider a taper", "march fracture of the 2nd metatarsal",
             "frank pus expressed", "sandy stools reported", "a gene panel sent", "the grace period ended", "hazel eyes", "sterling silver allergy"]
STATES = ["Maine", "Idaho", "Montana", "Texas", "Puerto Rico", "Oregon", "Wyoming", "Minnesota", "Poland", "Brazil", "Vietnam",
          "Nigeria", "Colombia", "Mexico", "Romania", "Ireland", "the Netherlands", "Portugal", "Guatemala"]


def pick(pool, k=1):
    return R.sample(pool, k) if k > 1 else R.choice(pool)


def c_discharge():
    a, b = pick(EPONYMS, 2)
    return (f"DISCHARGE SUMMARY\nHospital course: {R.randint(60, 88)}-year-old with {a} and {b}, admitted with {pick(PLACE_DISEASES)}. "
            f"Treated with {pick(DOSES)}; {pick(NOTHING_DATES)} afebrile. {pick(LABS)}, {pick(LABS)} at discharge.\n"
            f"Discharge meds: {pick(BRANDS)}, {pick(BRANDS)}. Follow up in clinic in 2 weeks.")


def c_nursing_lower():
    return (f"0400 pt resting quietly, {pick(SCORES).lower()}, {pick(UNITS_PHR).lower()}. {pick(NAMEWORDS)}. "
            f"{pick(DEVICES).lower()} in place, site c/d/i. {pick(NOTHING_DATES)} per plan. call light in reach, {pick(ROOMS).lower()}.")


def c_vitals_table():
    rows = ["Time | BP | HR | RR | SpO2 | Temp"]
    for h in R.sample(range(0, 24), 3):
        rows.append(f"{h:02d}:00 | {R.randint(92, 178)}/{R.randint(48, 102)} | {R.randint(52, 128)} | {R.randint(12, 28)} | {R.randint(88, 100)}% | {R.randint(360, 392) / 10}")
    return "\n".join(rows)


def c_lab_table():
    rows = ["Test | Result | Ref | Flag"]
    for lab in R.sample(LABS, 4):
        rows.append(f"{lab.split(' ')[0]} | {' '.join(lab.split(' ')[1:])} | see range | {R.choice(['H', 'L', '', 'HH'])}")
    return "\n".join(rows)


def c_echo_form():
    return (f"ECHO Case Presentation Form\nPresenter: [withheld]\nPatient initials: [removed]   Age: {R.randint(20, 89)}   Community: rural\n"
            f"Diagnoses: {pick(EPONYMS)}, {pick(EPONYMS)}\nCurrent meds: {pick(BRANDS)}; {pick(BRANDS)}\nQuestion: is {pick(GENES)} relevant to therapy?")


def c_referral():
    return (f"Dear colleague,\nI am referring this patient with {pick(EPONYMS)} and {pick(SIGNS)} on exam. {pick(SCORES)}, {pick(SCORES)}. "
            f"Tried {pick(BRANDS)} without benefit. Imaging showed {pick(PLACE_DISEASES) if R.random() < 0.3 else 'no acute findings'}. "
            f"I would appreciate your opinion on {pick(PROCS)}.\nWith thanks")


def c_pharmacy():
    return (f"RX | {pick(BRANDS)} | qty 30 | RF 3 | {pick(CODES)} | counseled on {pick(DOSES).split(' ')[0]} interactions | "
            f"PA not required | tier 2 copay $10")


def c_insurance():
    return (f"Coverage: Medicare Part A/B, Part D plan in coverage gap; Medicaid secondary pending. {pick(CODES)} billed with modifier 25. "
            f"Prior auth needed for {pick(BRANDS)}; {pick(DEVICES)} covered under DME benefit ({pick(CODES)}).")


def c_fax_cover():
    return (f"FAX COVER SHEET\nPages: {R.randint(2, 12)} (including cover)\nRE: records request, {pick(EPONYMS)} work-up\n"
            f"Urgent: {R.choice(['yes', 'no'])}   Please review: x\nThe documents accompanying this transmission contain confidential health information.")


def c_transfer_log():
    return (f"TRANSFER CENTER LOG\n03:05 call from outside ED charge RN re: {pick(EPONYMS)} with {pick(LABS)}\n"
            f"03:09 accepted by on-call hospitalist, {pick(ROOMS)}\n03:20 {pick(DEVICES)} to travel with pt; ETA 45 min by ground")


def c_run_sheet():
    return (f"RUN SHEET  Medic {R.randint(1, 20)}  Disp {R.randint(0, 23):02d}:{R.randint(0, 59):02d}\nCC: fall from standing. GCS 15, BP {R.randint(100, 180)}/{R.randint(60, 100)}, "
            f"{pick(SCORES)}. Hx {pick(EPONYMS)}. Meds {pick(BRANDS)}. C-collar applied, {pick(DEVICES)}. Transported to {pick(ROOMS)} without incident.")


def c_lab_req():
    return (f"LAB REQUISITION\nTests: CMP, CBC w/ diff, {pick(GENES).split(' ')[0]} panel\nDx: {', '.join(R.sample(CODES, 2))}\n"
            f"Specimen: 2 lavender, 1 gold; fasting {R.randint(8, 14)} h\nNotes: {pick(NOTHING_DATES)} of therapy")


def c_portal():
    return (f"hi, sugars have been in the {R.randint(14, 25)}0s this week on the {pick(BRANDS).lower()}. {pick(DEVICES).lower()} keeps alarming at night. "
            f"also my {pick(EPONYMS).lower()} flared {pick(NOTHING_DATES)}. should i {pick(['skip a dose', 'call the nurse line', 'come in'])}? thanks")


def c_dictation():
    return (f"dictation continues comma the patient was seen {pick(NOTHING_DATES)} period new paragraph assessment colon {pick(EPONYMS)} "
            f"comma {pick(SCORES)} period plan colon continue {pick(DOSES)} period end of dictation")


def c_spanish():
    return (f"Paciente con {R.choice(['enfermedad de Parkinson', 'enfermedad de Crohn', 'parálisis de Bell', 'síndrome de Cushing', 'tiroiditis de Hashimoto'])}; "
            f"refiere dolor {R.randint(3, 9)}/10 desde hace {R.randint(2, 9)} días. Toma {pick(BRANDS)}. {pick(LABS)}. Se explica el plan en español; "
            f"cita de control en 2 semanas en {pick(ROOMS)}.")


def c_device_settings():
    return (f"Device check: {pick(['DDD', 'VVI', 'AAI', 'DDDR'])} {R.randint(50, 70)}/{R.randint(110, 140)}, RV threshold {R.randint(5, 15) / 10} V at 0.4 ms, "
            f"sensing {R.randint(4, 15)} mV, impedance {R.randint(350, 900)} ohms, battery {R.randint(2, 12)}.{R.randint(0, 9)} yr. "
            f"{pick(DEVICES)} model noted; no AHREs. {pick(CODES)}.")


def c_genetics():
    a, b = pick(GENES, 2)
    return f"Molecular: {a}; {b}. {pick(EPONYMS)} in a first-degree relative. Counseling done; {pick(SCORES)}. Next visit {pick(NOTHING_DATES)}."


def c_orders():
    return "\n".join(f"- {d}" for d in R.sample(DOSES, 4)) + f"\n- {pick(UNITS_PHR)}\n- {pick(CODES)}"


def c_soap():
    return (f"S: f/u {pick(EPONYMS)}. {pick(NAMEWORDS)}.\nO: BP {R.randint(110, 160)}/{R.randint(60, 95)}, {pick(SIGNS)}.\n"
            f"A: stable, {pick(SCORES)}.\nP: continue {pick(BRANDS)}; {pick(PROCS)} discussed.")


def c_caps_header():
    return (f"PATIENT EDUCATION HANDOUT\nTOPIC: {pick(EPONYMS).upper()}\nREVIEWED WITH: PATIENT AND FAMILY\nTEACH-BACK: COMPLETE\n"
            f"MEDS: {pick(BRANDS).upper()}\nFOLLOW-UP: {pick(NOTHING_DATES).upper()}")


def c_abbrev():
    return (f"Pt w/ hx {pick(['HTN', 'HLD', 'DM2', 'CKD3b', 'COPD', 'OSA', 'AFib'])}, {pick(['CAD s/p PCI', 'CHF', 'PVD', 'BPH', 'GERD'])}, p/w SOB x3d. "
            f"{pick(LABS)}. CXR: b/l effusions. Dx: {pick(EPONYMS)} vs {pick(PLACE_DISEASES)}. Tx: {pick(DOSES)}. Dispo: {pick(ROOMS)}.")


def c_place_words():
    return (f"Counseled about {pick(PLACE_DISEASES)} and {pick(PLACE_DISEASES)} before travel to {pick(STATES)}. "
            f"Grew up in {pick(STATES)}, moved to {pick(STATES)} {pick(NOTHING_DATES)}. {pick(NAMEWORDS)}.")


def c_procedure():
    return (f"Procedure: {pick(PROCS)} in {pick(ROOMS)}. Time-out done. {pick(DEVICES)} used. EBL {R.randint(5, 400)} mL. "
            f"Specimen: none. {pick(SIGNS)} post-procedure. {pick(SCORES)}. Return {pick(NOTHING_DATES)}.")


def c_ob():
    return (f"OB triage: G{R.randint(1, 6)}P{R.randint(0, 4)}{R.randint(0, 2)}{R.randint(0, 3)}{R.randint(0, 4)} at {R.randint(24, 41)}+{R.randint(0, 6)} wks, "
            f"FHR {R.randint(120, 160)} moderate variability, Bishop {R.randint(2, 10)}, {pick(LABS)}. GBS neg. {pick(BRANDS)}. {pick(ROOMS)}.")


def c_mar():
    return "MAR\n" + "\n".join(f"{R.randint(0, 23):02d}{R.choice(['00', '30'])} {d} — given" for d in R.sample(DOSES, 3)) + f"\n{pick(NAMEWORDS)}"


def c_wound():
    return (f"Wound care: stage {R.randint(2, 4)} sacral PI {R.randint(1, 9)}.{R.randint(0, 9)} x {R.randint(1, 6)}.{R.randint(0, 9)} x {R.randint(0, 3)}.{R.randint(1, 9)} cm, "
            f"{pick(['granular', 'sloughy', '25% eschar'])}. Cleansed with NS, {pick(DEVICES)}, changed {pick(NOTHING_DATES)}. {pick(SCORES)}.")


def c_ventilator():
    return (f"Vent: AC/VC {R.randint(350, 500)} x {R.randint(12, 24)}, PEEP {R.randint(5, 14)}, FiO2 {R.randint(3, 10) * 10}%. ABG {pick(LABS)}. "
            f"{pick(DOSES)}. {pick(SCORES)}. SAT/SBT {pick(['passed', 'failed', 'deferred'])}.")


def c_codes():
    return f"Billing: {', '.join(R.sample(CODES, 5))}. Time {R.randint(20, 75)} min. {pick(EPONYMS)} addressed."


def c_peds():
    return (f"WCC {R.randint(2, 17)} yo: growth {R.randint(10, 95)}th %ile, vaccines per schedule, {pick(NAMEWORDS)}. "
            f"Hx {pick(['Kawasaki disease', 'Osgood-Schlatter disease', 'Legg-Calvé-Perthes disease', 'Hirschsprung disease'])}. {pick(SCORES)}.")


def c_psych():
    return (f"Psych: {pick(SCORES)}, {pick(SCORES)}. Denies SI/HI. Started {pick(['sertraline 50 mg', 'bupropion XL 150 mg', 'mirtazapine 15 mg'])}; "
            f"{pick(NOTHING_DATES)} follow-up. Safety plan reviewed. {pick(NAMEWORDS)}.")


CLEAN_SHAPES = [c_discharge, c_nursing_lower, c_vitals_table, c_lab_table, c_echo_form, c_referral, c_pharmacy, c_insurance,
                c_fax_cover, c_transfer_log, c_run_sheet, c_lab_req, c_portal, c_dictation, c_spanish, c_device_settings,
                c_genetics, c_orders, c_soap, c_caps_header, c_abbrev, c_place_words, c_procedure, c_ob, c_mar, c_wound,
                c_ventilator, c_codes, c_peds, c_psych]
