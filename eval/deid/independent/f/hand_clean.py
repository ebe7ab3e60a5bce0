"""Clean passages of set F (no identifier at all), written by hand one at a time.

Each is full of look-alikes: eponyms, drug names and doses, lab values, scores,
ratios, codes, relative times, capitalised clinical words, words that are also
names or places but are used as words here.
"""

CLEAN = [
    # 0 ECHO form without identifiers
    """ECHO Case Presentation Form - Hepatitis C
Presenting clinician: (withheld)   Site: rural FQHC
Patient: adult male, fifties   Genotype 1a, FIB-4 2.1, APRI 0.6, MELD 8
Question: ok to start glecaprevir/pibrentasvir 8 weeks with PPI use (omeprazole 40 mg daily)?""",
    # 1 Parkinson eponyms
    """Parkinson disease, Hoehn and Yahr stage 3, on carbidopa/levodopa 25/100 two tabs TID with wearing off at 3 h. UPDRS III 34. Considering adding entacapone 200 mg with each dose. Orthostatic BP 138/82 to 104/66.""",
    # 2 Hodgkin and Graves
    """Hx of Hodgkin lymphoma treated with ABVD and mantle radiation in her twenties; now Graves disease with TRAb 6.2 and a goiter. Radioiodine deferred; methimazole 10 mg daily. Check CBC and LFTs in 4 weeks.""",
    # 3 nursing note, no names
    """0300 Pt awake, states pain 6/10 in L hip. Repositioned, oxycodone 5 mg PO given per PRN order. Sacrum intact, Braden 14. Bed alarm on, call light in reach. Foley removed at 0600 per protocol; due to void by 1200.""",
    # 4 day-counts and frequencies
    """Day 3 of vancomycin; trough 14.2. Switch to PO linezolid 600 mg q12h on day 5 if cultures stay negative. Acetaminophen 650 mg q6h PRN. Ondansetron 4 mg q8h PRN nausea. Plan 14 days total from first negative culture.""",
    # 5 scores
    """Screening: PHQ-9 14, GAD-7 11, AUDIT-C 6, DAST-10 3, C-SSRS negative. ACE score 5. PCL-5 41. Started sertraline 50 mg daily, follow up in 2 weeks with repeat PHQ-9.""",
    # 6 liver scores
    """Child-Pugh B8, MELD-Na 17, albumin 2.9, bilirubin 2.4, INR 1.6. Ascites on spironolactone 100/furosemide 40. EGD shows grade 2 varices; carvedilol 6.25 mg BID. Refer for transplant evaluation when MELD 15 or more persists.""",
    # 7 capitalized clinical words
    """Assessment: Acute Kidney Injury, Stage 2 (KDIGO), prerenal. Plan: Hold Lisinopril and Metformin, Normal Saline 1 L bolus then 100 mL/h, Renal Ultrasound, Repeat BMP in AM. Strict I&O. Avoid NSAIDs and IV Contrast.""",
    # 8 eponymous signs
    """Exam: positive Tinel and Phalen at the wrist, negative Spurling, negative Hoffmann, Babinski downgoing, Romberg negative. Kernig and Brudzinski negative. Murphy sign negative. McBurney point nontender.""",
    # 9 word-names as words
    """Hope this helps with the panel discussion. Frank discussion of goals of care is needed; will consider hospice if she declines dialysis. Grace period on the prior authorization ends soon, so the bill will go to the plan under the old code.""",
    # 10 place-like diseases
    """Differential includes Lyme disease, Rocky Mountain spotted fever and ehrlichiosis given tick exposure; West Nile less likely. Doxycycline 100 mg BID for 10 days. Babesia smear negative. Valley fever serology not indicated.""",
    # 11 lab table with pipes
    """| Test | Result | Ref |
|---|---|---|
| Na | 131 | 135-145 |
| K | 5.4 | 3.5-5.1 |
| Cr | 1.9 | 0.6-1.2 |
| HbA1c | 8.7 % | <5.7 |
| TSH | 0.02 | 0.4-4.0 |""",
    # 12 pediatrics with percentiles
    """Well child 18 months. Weight 10.9 kg (40th %ile), length 81 cm (45th), HC 47 cm. M-CHAT-R 1, low risk. Vaccines: DTaP #4, Hib #4, Hep A #1. Anticipatory guidance: car seat rear-facing, poison control, 988 for caregivers in crisis.""",
    # 13 geriatric with ages under 90
    """An 88-year-old woman with mild cognitive impairment (MoCA 22/30, MMSE 25) and a 72-year-old caregiver spouse. Beers list review: stop oxybutynin and diphenhydramine. Gait speed 0.7 m/s, TUG 16 s. Vitamin D 18, start 2000 IU daily.""",
    # 14 OB with G/P notation
    """G3P2002 at 37 2/7 weeks, EFW 3.1 kg, AFI 9. GBS positive, penicillin in labor. Bishop score 5, plan cervical ripening with misoprostol 25 mcg q4h. Rh positive. Prior LTCS x1, TOLAC counseling done.""",
    # 15 buprenorphine doses and ratios
    """Buprenorphine-naloxone 8/2 mg films, 2 daily (16/4 mg). COWS 13 at induction, 4 after first 4 mg. UDS positive for buprenorphine and norbuprenorphine, negative fentanyl. Naloxone 4 mg nasal spray provided. Next visit in 1 week.""",
    # 16 ICD and CPT codes
    """Coded as E11.65, I10, N18.32, Z79.4 and F11.20. CPT 99214 with modifier 25 and 96127 x2. HCPCS G2086 for OUD bundle. NDC 12496-1208-3 on the claim line for the film.""",
    # 17 vitals with slashes
    """Vitals: BP 148/92, HR 104, RR 22, SpO2 91% on 2 L, T 38.4. Visual acuity 20/40 OU. Strength 5/5 upper, 4/5 hip flexors. 2/6 systolic murmur at the left sternal border. Pain 7/10.""",
    # 18 spine levels and anatomy
    """MRI lumbar spine: L4-L5 broad-based disc bulge with moderate left foraminal stenosis; L5-S1 annular fissure. C5-C6 not imaged. Plan: PT 2x/week for 6 weeks, gabapentin 300 mg at bedtime, avoid opioids.""",
    # 19 telephone encounter without names
    """Telephone encounter: patient called with cough x 5 days, no fever, no dyspnea. Advised honey, fluids, guaifenesin. Return precautions reviewed (SOB, chest pain, fever over 101). Caller verified identity per policy. Routed to provider for review.""",
    # 20 pharmacy note with NDC-like and lot numbers
    """Pharmacist note: flu vaccine lot UT8194CA, exp on carton, given IM L deltoid. Shingrix dose 2 of 2. Counselled on warfarin diet (vitamin K consistency). Rx BIN 610014, PCN MEDDPRIME. Copay 4.50.""",
    # 21 home health no address
    """Home health SN visit: patient at home, caregiver present. Wound R shin 3.2 x 1.8 x 0.2 cm, moderate serous drainage, periwound macerated. Cleansed with NS, calcium alginate and foam applied. Teaching on leg elevation. Next visit in 3 days.""",
    # 22 discharge meds list
    """Discharge medications:
1. Apixaban 5 mg BID
2. Metoprolol succinate 50 mg daily
3. Atorvastatin 80 mg at bedtime
4. Empagliflozin 10 mg daily
5. Furosemide 40 mg daily; weigh daily, call if up 3 lb in a day or 5 lb in a week""",
    # 23 weekdays without dates
    """Dialysis M/W/F; labs drawn Monday. Injectable naltrexone every 4 weeks on a Thursday. Group therapy Tuesday evenings. The clinic is closed Sundays and holidays, so the refill goes in on Friday.""",
    # 24 months used as words
    """May consider SGLT2 inhibitor if eGFR stays above 25. Will revisit at the next visit. The patient's mood was better this spring, and the plan is the same for the summer.""",
    # 25 drug names that look like names
    """Allergies: sulfa (rash), codeine (nausea). Meds: Lasix, Coreg, Eliquis, Jardiance, Entresto, Farxiga, Trulicity, Ozempic, Januvia, Xarelto, Brilinta, Zetia. Consider Kerendia if albuminuria persists.""",
    # 26 Addison and Cushing
    """Workup for Addison disease versus Cushing syndrome: AM cortisol 3.1, ACTH 180, cosyntropin stim 30/60 min peak 8.2. Start hydrocortisone 15 mg AM and 5 mg PM, fludrocortisone 0.1 mg. Sick day rules taught.""",
    # 27 Crohn, Wilson, Gilbert
    """Crohn disease of the terminal ileum, on ustekinumab 90 mg q8 weeks. Mild indirect hyperbilirubinemia, likely Gilbert syndrome. Ceruloplasmin normal, Wilson disease unlikely; no Kayser-Fleischer rings on slit lamp.""",
    # 28 transcribed speech, odd casing, no ids
    """ok so uh this gentleman is in his seventies um he's got the copd and the chf, ef about thirty five percent, and he's on the two liters at home. he says the inhalers cost too much so he quit the trelegy. we talked about the patient assistance program.""",
    # 29 ECHO question no identifiers
    """Question for the panel: adolescent with T1D, A1c 10.4, missing lunch boluses at school. Would you move to automated insulin delivery now or first address the school plan? Family open to either. PHQ-A 9, no SI.""",
    # 30 scales neuro
    """NIHSS 6 on arrival, last known well 3 h prior. CT head negative for hemorrhage, ASPECTS 9. Tenecteplase 0.25 mg/kg given. mRS 1 at 90 days. Glasgow Coma Scale 15 throughout.""",
    # 31 heart failure with NYHA
    """NYHA class III, ACC/AHA stage C, LVEF 25%. GDMT: sacubitril/valsartan 49/51 BID, carvedilol 12.5 BID, spironolactone 25, dapagliflozin 10. NT-proBNP 2,840. ICD considered if EF stays at or below 35 after 90 days.""",
    # 32 HIV labs
    """HIV-1 RNA <20 copies/mL, CD4 612 (31%). Bictegravir/emtaricitabine/tenofovir alafenamide daily. HBsAg negative, anti-HBs 8 (non-immune): Heplisav-B series started. RPR nonreactive. Next labs in 6 months.""",
    # 33 wound care with stage numbers
    """Stage 4 sacral pressure injury, 5.5 x 4.0 x 2.1 cm with tunneling at 12 o'clock to 3 cm. NPWT at 125 mmHg continuous, changes 3x weekly. Prealbumin 11. Protein goal 1.5 g/kg/day.""",
    # 34 capitalized place-like words used clinically
    """Foley catheter and Swan-Ganz removed. Whipple procedure recovery uncomplicated; Jackson-Pratt drain output 40 mL. Mallampati 3. Apgar 8 and 9 for the twin delivery noted in the OB history.""",
    # 35 SUD with relative dates
    """He has been abstinent from alcohol for 90 days, attends meetings three times a week, and his sponsor checks in daily. Relapse two years ago after a job loss. CIWA 2 today. Acamprosate 666 mg TID continued.""",
    # 36 pediatric developmental
    """Speech delay: 20 words at 24 months, no two-word phrases. Hearing screen passed. ASQ-3 communication below cutoff. Referred to early intervention and audiology. Reading aloud daily encouraged.""",
    # 37 numbers that resemble phone or SSN but are not
    """Platelets 152,000; WBC 11.2; ANC 8,400. Ferritin 1,450 ng/mL, transferrin saturation 62%. Ratio 4:1 insulin-to-carb at breakfast, 5:1 at dinner. Correction factor 1:40 above 150.""",
    # 38 Stevens-Johnson etc.
    """Lamotrigine stopped for rash; no mucosal involvement, so not Stevens-Johnson syndrome. Guillain-Barre ruled out by normal reflexes. Marfan features absent. Budd-Chiari excluded on Doppler.""",
    # 39 insurance words without numbers
    """Prior authorization submitted for semaglutide; the plan requires step therapy with metformin first. Medicaid covers the CGM with a diagnosis of insulin-treated diabetes. The pharmacy benefit manager denied the brand; generic dispensed.""",
    # 40 lower case chat no ids
    """hey can someone on the hub team look at the a1c question from this morning? pt is on 2 basal shots and the cgm says 40% time above range. thanks, will stay on the line after the didactic""",
    # 41 didactic with authors' eponyms
    """Didactic: the Fontaine and Rutherford classifications for PAD; Wells score and PERC for PE; CHA2DS2-VASc 4 and HAS-BLED 2 for the case; Ottawa ankle rules; Centor criteria modified by age.""",
    # 42 geriatric with decades
    """She is in her late eighties, widowed, and lives alone with a cat. Falls x2 this year. Uses a cane indoors, a walker outside. Home safety evaluation ordered; grab bars and night lights recommended.""",
    # 43 device types without serials
    """Devices: dual-chamber pacemaker (interrogated, normal function), CPAP at 10 cm H2O with 88% adherence, continuous glucose monitor, hearing aids bilaterally. No MRI until the device is confirmed conditional.""",
    # 44 holidays as generic words
    """Holiday season counseling: alcohol use often increases around the holidays; plan coping strategies for family gatherings. New Year resolutions about smoking cessation welcome: varenicline titration reviewed.""",
    # 45 room and bed numbers
    """Patient moved from room 412 bed B to step-down 3 at shift change. Telemetry box 7 swapped for box 12. Isolation cart outside the door. Report given at 1900.""",
    # 46 years alone
    """Diagnosed with hepatitis C in 2009, treated with interferon in 2012 (relapse), cured with sofosbuvir/velpatasvir in 2019. Cirrhosis since 2015. HCC surveillance every 6 months since then.""",
    # 47 vaccine schedule
    """Catch-up schedule: Tdap now, HPV dose 1 today, dose 2 in 6-12 months. MenACWY booster at 16. Influenza annually. COVID-19 updated vaccine per current season's recommendation.""",
    # 48 dosage with slashes that look like dates
    """Amoxicillin-clavulanate 875/125 BID x 7 days. Lopinavir/ritonavir 400/100 not used. Carbidopa/levodopa 25/250 at night. Ratio 1/2 tab. Sliding scale 2/4/6/8 units.""",
    # 49 foreign words and countries
    """Interpreter used (Spanish). Patient born abroad, lived in Guatemala and Mexico before arriving in the US. TB screening with IGRA negative. Strongyloides serology positive: ivermectin 200 mcg/kg x 2 days.""",
    # 50 pipes without ids
    """| Med | Dose | Freq |
|---|---|---|
| Insulin glargine | 28 units | nightly |
| Lispro | 1:10 + correction | with meals |
| Metformin XR | 1000 mg | BID |""",
    # 51 words that are town names elsewhere, used as words
    """Plan: relief of pain first, then comfort; hope for discharge once she can climb the stairs. Welcome to the team. Subtle ST depression on the second ECG; repeat troponin at 3 h.""",
]
