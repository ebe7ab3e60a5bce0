"""Planted passages of set F, written by hand one at a time.

Markup: {TAG:value} marks an identifier; make_set.py strips the braces and the
tag and records the value's offsets. Tags (see TAGS in make_set.py):
NAM NAME, DAT DATE, AGE AGE (90+), PHO PHONE, FAX FAX, EML EMAIL, URL URL,
IP IP, SSN SSN, MRN MRN, ACC ACCOUNT, LIC LICENSE, VEH VEHICLE, DEV DEVICE,
ADR ADDRESS, LOC LOCATION, ZIP ZIP, FAC FACILITY.
"""

PLANTED = [
    # 0 ECHO case presentation form
    """ECHO Case Presentation Form - Hepatitis C
Presenting clinician: {NAM:Oksana Petrenko}, FNP   Site: {FAC:Lame Deer Health Center}
Patient initials: {NAM:R.W.}   Age: 54   Sex: M
Question for the panel: genotype 3 with compensated cirrhosis, FIB-4 3.9, MELD 9. Sofosbuvir/velpatasvir 12 weeks vs adding ribavirin?
Last visit {DAT:11/03/2026}; labs drawn at {FAC:Rosebud IHS lab}.""",
    # 1 nursing note
    """0700 Nursing note. Pt resting, A&Ox3. Daughter {NAM:Keisha} called from {LOC:Tallulah} at 0640 asking about discharge, call back # {PHO:318-574-2291}. Foley draining clear yellow, 350 mL overnight. Pain 3/10 after oxycodone 5 mg at 0400. Will update Dr. {NAM:Haskins} on rounds.""",
    # 2 referral letter
    """{FAC:Big Sandy Family Medicine}
{ADR:211 Depot Street, Suite B}
{LOC:Paintsville}, KY {ZIP:41240}
Tel {PHO:(606) 789-3310}  Fax {FAX:(606) 789-3319}

{DAT:October 28, 2026}

Dear Dr. {NAM:Vukovic},
Thank you for seeing Mr. {NAM:Orville Tackett}, DOB {DAT:02/19/1958}, for evaluation of a 2.8 cm right adrenal incidentaloma.""",
    # 3 discharge summary header
    """DISCHARGE SUMMARY
Patient: {NAM:HOLLOWAY, BERNADETTE A}      MRN: {MRN:00482716}
Admit: {DAT:12/01/2026}   Discharge: {DAT:12/04/2026}
Attending: {NAM:Priyanka Raman}, MD
Hospital course: admitted with CHF exacerbation, diuresed 4.1 L on IV furosemide, transitioned to torsemide 20 mg daily.""",
    # 4 registration header
    """REGISTRATION
Name: {NAM:Tran, Thi Ngoc Anh}   DOB: {DAT:1987-06-30}   SSN: {SSN:512-66-0841}
Address: {ADR:4410 Bayou Blue Rd Lot 17}, {LOC:Houma}, LA {ZIP:70364}
Home: {PHO:985-851-0077}  Email: {EML:ngocanh.tran87@yahoo.com}
Guarantor acct: {ACC:GA-2209145}  Primary ins: Medicaid ID {ACC:0091733452}""",
    # 5 pipe table
    """| Date | Caller | Callback | Note |
|---|---|---|---|
| {DAT:11/14} | {NAM:Esperanza} (mother) | {PHO:505-863-0142} | fever 102.1, Tylenol given |
| {DAT:11/15} | {NAM:Rudy Begay} | {PHO:505-863-7720} | ride cancelled, reschedule |""",
    # 6 telephone encounter
    """TELEPHONE ENCOUNTER {DAT:09-22-2026} 14:10
Caller: {NAM:Loretta Skaggs} (self)   Callback: {PHO:304.466.8812}
Reason: refill of buprenorphine-naloxone 8-2 mg film, 2 daily. Last fill {DAT:9/8} at {FAC:Fred's Pharmacy of Hinton}. PDMP reviewed, no other prescribers. Routed to Dr. {NAM:Amadi} for signature.""",
    # 7 pharmacy note
    """Pharmacist note - {FAC:Walgreens #07734}, {LOC:Gallup} NM. Spoke with prescriber office ({NAM:Cheryl} at {PHO:505-722-1990}) re: warfarin 5 mg / fluconazole interaction. INR on {DAT:10/30} was 3.6. Prescriber DEA {LIC:BM4718265}, NPI {LIC:1457392684}. Dispensed with counseling.""",
    # 8 home health visit
    """Home health SN visit. Arrived {ADR:17 Possum Hollow Rd} at 1015; pt sitting on porch with neighbor {NAM:Dewey}. Wound L heel 2.1 x 1.4 cm, granulating, no odor. Wife {NAM:Norma Jean} manages meds from a weekly box. Next visit Thursday the {DAT:19th}. Agency: {FAC:Mountain Comprehensive Home Health}.""",
    # 9 pediatric note
    """Peds well child 4 yr. Here with grandmother Ms. {NAM:Abernathy} and cousin {NAM:Jaylen}. Attends {FAC:Little Sprouts Daycare} on {ADR:Hwy 15 North}. Vaccines: DTaP #5, IPV #4, MMRV #2 given today. Weight 16.8 kg (55th %ile). Mom {NAM:Shanice Abernathy} can be reached at {PHO:662 283 4419}.""",
    # 10 geriatric note with age over 89
    """Geriatrics consult. {AGE:94} y/o woman from {FAC:Shady Oaks Manor} with 3 falls in 2 months. MoCA 17/30, CrCl 28. Son {NAM:Gerald Purvis} is POA. Deprescribing: stop diphenhydramine, taper lorazepam 0.5 mg. Husband died {DAT:March 2019}.""",
    # 11 transcribed speech, odd casing
    """ok so this is uh mister {NAM:delacroix}, he's {AGE:ninety one}, lives by himself out on {ADR:old river road} past the bait shop in {LOC:pierre part}, and his niece {NAM:tammy} brings groceries on sundays. he was seen at {FAC:assumption community} on the {DAT:2nd} for chest pain.""",
    # 12 ECHO OUD presentation
    """ECHO OUD case. Presenter {NAM:J. Whitebird} ({FAC:Pine Ridge Service Unit}). 31 yo F, 24 weeks pregnant, fentanyl use, COWS 11 on arrival. Started buprenorphine microinduction on {DAT:Nov 2}. Partner {NAM:Cody} also wants treatment. Pt phone {PHO:605.867.3021}. Question: split dosing in third trimester?""",
    # 13 fax cover
    """FAX
To: {FAC:Cabell Huntington Hospital} Medical Records   Fax: {FAX:304-526-2161}
From: {NAM:Tina Marcum}, LPN   {FAC:Lincoln County Primary Care}   Phone: {PHO:304-824-5806}
Re: {NAM:Delbert Adkins}  DOB {DAT:7/4/1949}  MR# {MRN:HH2203918}
Pages: 6 including cover. Please send echo report from {DAT:08/2026}.""",
    # 14 email signature
    """Thanks all - sending the case now.
--
{NAM:Mariela Quiñones-Ortiz}, LCSW
Behavioral Health, {FAC:Clínica de Salud del Valle de Salinas}
{EML:mquinones@csvs.org} | direct {PHO:831-757-8689 ext 214}
{URL:https://csvs.org/bh-referrals}""",
    # 15 IP + device log
    """Remote monitoring alert 03:12 from transmitter SN {DEV:PRX-449031-B} (Medtronic LINQ II). Upload source IP {IP:73.162.88.204}; retry from {IP:192.168.1.34}. Patient {NAM:Walter Grubb}, ICM implanted {DAT:5/14/2025}. AF burden 6.2%.""",
    # 16 SSN last four
    """Verified identity by phone with DOB and last four of SSN ({SSN:4471}). Pt is {NAM:Augustina Reyes}. Ins card shows member {ACC:XZH884213907}, group {ACC:0472219}. Pt says new address is {ADR:PO Box 118}, {LOC:Ojo Caliente}, NM {ZIP:87549}.""",
    # 17 vehicle / MVC
    """EMS run report: single vehicle rollover, {ADR:US-23 near mile marker 41}. Driver {NAM:Cody Ray Slone}, restrained. Vehicle 2011 Silverado, KY plate {VEH:2047XK}, VIN {VEH:1GCRKSE37BZ114512}. Transported to {FAC:Pikeville Medical Center}.""",
    # 18 lower-case chat
    """msg from pt's wife: hey its {NAM:carla} - {NAM:dwayne} fell again last nite, can u call me at {PHO:9315551847}? we moved to {ADR:882 mccoy branch}, near the church in {LOC:whites creek}. his med list is in my email {EML:carlaj1969@gmail.com}""",
    # 19 MRN table from lab
    """ACCESSION | PATIENT | MRN | COLLECTED | TEST | RESULT
{ACC:L26-0093314} | {NAM:OBI, CHUKWUEMEKA} | {MRN:7720164} | {DAT:2026-11-29} 06:40 | HbA1c | 9.8 %
{ACC:L26-0093315} | {NAM:OBI, ADAEZE} | {MRN:7720165} | {DAT:2026-11-29} 06:42 | TSH | 2.1""",
    # 20 licence lines on a prescription
    """Rx: naloxone 4 mg nasal spray #2, refills 1
Prescriber: {NAM:Ramón Echeverría}, MD  NM Lic {LIC:MD2014-0331}  DEA {LIC:FE5562190}  NPI {LIC:1093847560}
Patient: {NAM:Lucinda Yazzie}  DOB {DAT:04.11.1990}
{FAC:Northern Navajo Medical Center}, {LOC:Shiprock}""",
    # 21 ECHO diabetes with first name only
    """Diabetes ECHO. {NAM:Marisol} is a 46 yo with T2DM, A1c 11.2, on metformin 1000 BID and glargine 34 u. She works nights at the {FAC:Tyson} plant in {LOC:Noel}. CGM (Dexcom G7, sensor SN {DEV:8GH72KQ4N1}) shows post-shift spikes to 300. Her daughter {NAM:Yesenia} translates.""",
    # 22 death note
    """Pronounced at 0417 on {DAT:12/02/2026} by {NAM:K. Lindqvist}, RN. Family notified: son {NAM:Harold Baptiste} ({PHO:337-942-6610}). Funeral home: {FAC:Ardoin's Funeral Home}, {LOC:Opelousas}. Death certificate #{LIC:2026-11873} to follow.""",
    # 23 age in words, 100+
    """Centenarian visit. Mrs. {NAM:Ida Mae Poindexter} turned {AGE:one hundred and two} on Sunday, {DAT:Nov 8}; the church held a party at {FAC:Mt. Zion AME}. Still lives with granddaughter {NAM:Precious} on {ADR:Frog Level Rd}. BP 142/70, HR 68, no new complaints.""",
    # 24 insurance card
    """Insurance card (front): WellCare of Kentucky
Member: {NAM:BRYSON T GOBLE}   ID {ACC:WCK5502918374}
Group {ACC:KYMCD01}   Eff {DAT:01/01/2026}
PCP: DR {NAM:S PATEL}  {PHO:1-606-437-5500}""",
    # 25 IT portal log
    """portal audit: login ok user={EML:d.whitlock@outlook.com} from {IP:2600:1700:3b40:9c0::2f} at {DAT:2026-11-20}T21:15:02Z; MyChart proxy added for {NAM:Dorothy Whitlock} (mother), MRN {MRN:E1188273}. Video link {URL:https://doxy.me/drsorensenclinic}.""",
    # 26 pediatric mental health ECHO
    """Peds MH ECHO: 15 yo nonbinary teen (goes by {NAM:Sky}), PHQ-A 19, C-SSRS positive for ideation without plan. School counselor Mr. {NAM:Fitzhugh} at {FAC:Harlan County High School} called Monday {DAT:11/16}. Parent {NAM:Renee} wants to avoid SSRIs. Safety plan done; 988 given.""",
    # 27 device serials for DME
    """DME delivery ticket - {FAC:Appalachian Oxygen & Medical}
Concentrator Inogen One G5 S/N {DEV:G5-2208815X}; CPAP ResMed AirSense 11 S/N {DEV:23211954170}
Delivered to {ADR:1308 Lower Twin Rd Apt 3}, {LOC:Whitesburg} {ZIP:41858} on {DAT:11/27/26}
Received by: {NAM:Pauline Caudill}""",
    # 28 jail health
    """Jail intake, {FAC:Big Sandy Regional Detention Center}. Inmate #{ACC:DC-26-04418}, {NAM:Travis L. Music}, booked {DAT:11/30/2026}. Reports heroin daily, last use this morning. COWS 9. Mother {NAM:Brenda Music} {PHO:(606) 349-2205}. Continue MOUD per jail protocol.""",
    # 29 HIV PrEP with URL
    """PrEP f/u. Pt found us via {URL:instagram.com/pozlife_tulsa}. Uses the handle {URL:@tyreek.oks} on Grindr. Creatinine 0.9, HIV Ag/Ab negative {DAT:10/29}. Lives in {LOC:Okmulgee} with roommate {NAM:Dante}. Cabotegravir injection #3 due {DAT:12/24}.""",
    # 30 ECHO chronic pain form with table
    """Chronic Pain ECHO - case submission
| Field | Entry |
|---|---|
| Presenter | {NAM:Aleksander Nowak}, PharmD |
| Clinic | {FAC:Thunder Basin Rural Health Clinic}, {LOC:Wright} WY |
| Patient | {NAM:L.M.}, 62 M, MME 140 |
| Submitted | {DAT:2026-11-02} |
| Question | taper speed with comorbid OSA on BiPAP? |""",
    # 31 letter closing with licence
    """Please do not hesitate to contact me with questions.

Sincerely,

{NAM:Hyun-woo Baek}, DO
Board certified, Family Medicine
Ohio license {LIC:34.012877}
{FAC:Zanesville Community Health}, {ADR:845 Adair Ave}, {LOC:Zanesville} OH {ZIP:43701-2953}""",
    # 32 nursing flowsheet w/ initials
    """2200 VS 98.9 / 88 / 18 / 132/76 / 96% RA. Pt anxious, asking for wife. Wife {NAM:Gladys} at bedside until 2100, then left for the {FAC:Ronald McDonald House}. Pt's son phoned from {LOC:Anchorage}. Ativan 0.5 mg PO given per order. -{NAM:MKW}, RN""",
    # 33 Alaska village
    """Tele-ECHO question from {FAC:Kwethluk Clinic} (CHA {NAM:Nastasia Alexie}): 2 yo with recurrent otitis, 3rd course of amox this winter. Medevac to {FAC:YKHC} in {LOC:Bethel} last on {DAT:Oct 27}. Parents {NAM:Moses} and {NAM:Evelyn} are subsistence fishing; phone is the clinic VHF.""",
    # 34 telephone with odd casing
    """Phone call recvd 1615. PT STATES "MY SUGAR WAS 48 THIS MORNING". spoke w/ pt {NAM:EULA MAE HARGIS} and her neighbor {NAM:DONNIE}. advised juice, recheck. pt lives alone at {ADR:RT 2 BOX 71}, {LOC:BUG TUSSLE} TX. Call back {PHO:903-587-4410}.""",
    # 35 pharmacy fax refill request
    """REFILL REQUEST via fax from {FAC:CVS/pharmacy #5128} ({FAX:1-866-213-4076})
Patient: {NAM:Amira Haddad}  DOB: {DAT:22 Jan 1979}
Drug: levothyroxine 88 mcg, #90. Last filled {DAT:Aug 30, 2026}.
Pharmacist: {NAM:T. Nguyen}, RPh  Lic {LIC:RPH.0028831}""",
    # 36 discharge with follow-up appointments
    """Follow-up appointments:
1. Dr. {NAM:Okonkwo-Bello} (cardiology) {DAT:12/09/2026} 9:30 AM, {FAC:Heart Institute of East Texas}, {ADR:1205 S Medical Ctr Dr}, {LOC:Lufkin}
2. PCP {NAM:Nadine Rusk}, PA-C in 1 week
3. Labs (BMP, Mg) in 3 days at {FAC:Quest} on {ADR:Tulane Dr}""",
    # 37 SSN formats
    """Billing correction: SSN on file was {SSN:431 58 2207}; patient says correct is {SSN:431-58-2270}. Updated in Meditech registration by {NAM:Kendra O.} on {DAT:11/18/26}. HAR {ACC:120058873}.""",
    # 38 patient portal message (name in greeting)
    """Hi Dr {NAM:Kowalczyk}, this is {NAM:Bao} ({NAM:Thuy}'s husband). She has had diarrhea 6x/day since the {DAT:14th}, since starting the metformin ER. Should she stop? Our pharmacy is the {FAC:H-E-B} on {ADR:Wurzbach}. Thanks, {NAM:Bao Pham}""",
    # 39 ICD device clinic
    """Device clinic: Boston Scientific ICD, model D433, serial {DEV:183622}; RV lead serial {DEV:PJN1148823}. Battery 9.5 yr. No shocks since {DAT:June}. Pt {NAM:Rudolph Kessler}, {AGE:90}, wants to discuss deactivation; daughter {NAM:Ilse} (HCPOA) present.""",
    # 40 VA record
    """VA CBOC note - {FAC:Hazard VA Clinic}. Veteran {NAM:Jimmy D. Combs}, ICN {MRN:1012839441V776523}, SC 70%. Served Vietnam 1968-69. Wife {NAM:Wilma}. Next appt with Dr. {NAM:Fraley} {DAT:January 6th}. Travel pay acct {ACC:BT-55810}.""",
    # 41 prose address of a crash
    """Pt was the pedestrian struck outside the {FAC:Dollar General} at the corner of {ADR:Main and 3rd} in {LOC:Hindman} around 2130. Bystander {NAM:Kayla Ritchie} called 911. Transferred by {FAC:Air Evac 107} to {FAC:UK Chandler}.""",
    # 42 Hawaiian
    """Kupuna home visit, {LOC:Kalaheo}, {LOC:Kauai}. Tūtū {NAM:Leilani Kahananui}, {AGE:97}, with hānai grandson {NAM:Keoni}. Address {ADR:2-3851 Kaumualii Hwy}. Oxygen 2L via concentrator SN {DEV:EV-8831702}. Feeding well, poi and fish.""",
    # 43 school nurse email
    """From: {EML:nurse.hollins@bcps.k12.wv.us}
To: {EML:peds@tugvalleyhealth.org}
Date: Wed, {DAT:18 Nov 2026} 10:04:51 -0500
Subject: {NAM:Aiden R.} - inhaler at school

{NAM:Aiden}'s albuterol expired {DAT:10/2026}. Can you send a new school medication form? -{NAM:Pam Hollins}, RN, {FAC:Burch Elementary}""",
    # 44 account numbers in a billing note
    """Self-pay discount applied. Visit # {ACC:V00341177256}; claim {ACC:26310A00482} denied by Medicare (MBI {ACC:5RX4-FK3-MW27}), reason CO-50. Guarantor {NAM:Clarence Odom}, {ADR:77 Cemetery Hill Rd}, {LOC:Accident}, MD {ZIP:21520}.""",
    # 45 tab/CSV export
    """last,first,dob,mrn,phone
{NAM:Szabo},{NAM:Erzsébet},{DAT:1931-03-07},{MRN:88120455},{PHO:4402851143}
{NAM:Mbeki},{NAM:Thandiwe},{DAT:1969-12-30},{MRN:88120456},{PHO:4409638827}""",
    # 46 ECHO dementia case with caregiver details
    """Dementia ECHO case: 89-year-old? -- correction, pt is {AGE:93}. Lives in {LOC:Embarrass}, MN with daughter {NAM:Kirsten Halvorsen}, who works at the {FAC:Tower-Soudan mine museum}. Wandering at night; found at the neighbor's farm on {DAT:11/2}. Donepezil 10 mg, memantine 10 mg BID.""",
    # 47 pediatric newborn
    """Newborn nursery. Baby boy {NAM:Castillo}, born {DAT:12/03/2026} 0512, 38w2d, 3.41 kg, Apgars 8/9. Newborn MRN {MRN:NB26-00917}. Mother {NAM:Yaritza Castillo} G2P2. Hearing screen passed. Peds f/u at {FAC:Clínica Familiar de Anthony}, {LOC:Anthony} NM.""",
    # 48 telephone triage with fax
    """Tele triage: Mrs. {NAM:Hatcher} called from {FAC:Golden Living Center - Berea}, nurse {NAM:Rhonda} ({PHO:859-986-4121 x233}). Resident {NAM:Opal Hatcher} has temp 101.4, cough. Faxed orders for CXR and CBC to {FAX:859.986.4130}.""",
    # 49 transcribed dictation, caps / run-on
    """DICTATED BUT NOT READ. this is doctor {NAM:lindgren} dictating on patient {NAM:ROSALIND ACHTERBERG} date of service {DAT:november ninth} two thousand twenty six medical record number {MRN:five five two zero one nine} she is a {AGE:ninety-two} year old female seen in the {FAC:bridgewater} clinic""",
    # 50 URL obituary & GoFundMe
    """Family shared the obituary ({URL:legacy.com/us/obituaries/theledger/name/wanda-pruitt-obituary?id=55012345}) and a fundraiser {URL:gofund.me/3c9a12f7}. Mrs. {NAM:Pruitt} died at home {DAT:11/21} with hospice ({FAC:Good Shepherd Hospice}).""",
    # 51 IPs and MAC in telehealth troubleshooting
    """Telehealth ticket: pt's tablet (IMEI {DEV:356938035643809}) could not join. Router public IP {IP:98.24.151.7}, tablet {IP:10.0.0.23}. Tech {NAM:Arjun} reset the hotspot. Pt {NAM:Hubert Lacey} joined at 1422 from {LOC:Hot Coffee}, MS.""",
    # 52 plates in a parking permit
    """Handicap parking form for {NAM:Vernell Dukes}: vehicle 2009 Buick Lucerne, MS tag {VEH:LWA 4812}; second vehicle scooter trailer tag {VEH:TR 55K01}. Physician: Dr. {NAM:Bhattacharya}, license #{LIC:22091}. Date {DAT:11-24-2026}.""",
    # 53 ECHO HBV with birth country and town
    """HBV ECHO: 38 yo man born in {LOC:Kpalimé}, Togo, moved to {LOC:Burlington}, VT in 2014. HBeAg negative, DNA 4,200 IU/mL, ALT 44. Works at {FAC:Ben & Jerry's Waterbury plant}. Wife {NAM:Akossiwa} tested negative; children vaccinated.""",
    # 54 first names that are words
    """Family meeting with {NAM:Hope} (daughter), {NAM:Rusty} (son) and {NAM:Dusty}, the patient's brother. {NAM:Will} has POA. Patient {NAM:Faith Turnbow} wants to go home to {LOC:Pleasant Shade}, TN. {NAM:Hope} will call back on {PHO:615-677-3391}.""",
    # 55 geriatric fall, age as 92F
    """ED triage: {AGE:92}F, mechanical fall at {FAC:Brookdale Belle Meade}, hit head on dresser. On apixaban. GCS 15. Son {NAM:Alton} ({PHO:+1 615 400 2183}) en route. PCP {NAM:Bellamy}.""",
    # 56 vehicle VIN in a DUI note
    """Trooper {NAM:Kincaid} requested blood alcohol. Vehicle VIN {VEH:3N1AB7AP5KY326471}, OH plate {VEH:JMB-2291}. Driver {NAM:Shawn Lykins}, DL {LIC:RT445981}. Draw at 0118 on {DAT:11/29/2026}, kit #{ACC:BA-1187} sealed.""",
    # 57 home health with gate code
    """SN visit: {ADR:3315 County Road 1140}, {LOC:Peculiar}, MO {ZIP:64078}, blue trailer behind the church. Dog on chain. Pt {NAM:Earlene Stottlemyre} c/o ankle swelling 2+. Furosemide increased per Dr. {NAM:Oyelaran} phone order {DAT:12/1}. Next visit {DAT:12/4}.""",
    # 58 DEA/NPI lookup
    """Verification: prescriber {NAM:Wendell Crisp}, NP; DEA {LIC:MC3361842}; X-waiver n/a; NPI {LIC:1770653321}; KY APRN lic {LIC:3008764}. Practice {FAC:Crisp Family Care}, {ADR:102 W Short St}, {LOC:Jackson}.""",
    # 59 Navajo sheep camp
    """CHR visit: patient stays at sheep camp 9 mi past the {FAC:Many Farms chapter house}, no phone. Grandson {NAM:Darnell Tsosie} can relay msgs at {PHO:928-781-6642}. Elder Hastiin {NAM:Yazzie}, {AGE:96}, prefers Diné; interpreter {NAM:Loretta} used.""",
    # 60 Marshallese community health
    """CHW note: visited {NAM:Jinna Lakabung} and her uncle {NAM:Tommy Kabua} at {ADR:1407 Sunset Ave Apt 6}, {LOC:Springdale} AR {ZIP:72764}. Uncle's A1c 12.4, no refrigerator for insulin. Interpreted by {NAM:Melvin}. Referred to {FAC:Community Clinic at St. Francis House}.""",
    # 61 Amish / Plain community
    """Midwife home birth record: mother {NAM:Sarah Stoltzfus}, husband {NAM:Amos}, farm at {ADR:2961 Old Philadelphia Pike}, {LOC:Bird-in-Hand}, PA. Baby girl {NAM:Lydia} born {DAT:Nov. 25} 0340, 3.6 kg. No phone; message via neighbor Mrs. {NAM:Lapp} at the {FAC:Bird-in-Hand Bakery}.""",
    # 62 Hmong family
    """Interpreter {NAM:Pa Nhia Vang} present. Pt {NAM:Nou Chue Xiong} ({AGE:90}+? family unsure; ID card says born {DAT:01/01/1934}). Son {NAM:Tou Xiong} works at {FAC:Jennie-O Turkey Store} in {LOC:Barron}. Shaman visited last Tuesday {DAT:11/24}.""",
    # 63 Somali
    """Pt {NAM:Faadumo Cali Warsame} presented with her husband {NAM:Axmed}. Lives in {LOC:Cedar-Riverside}, moved from {LOC:Dadaab} camp in 2011. Ramadan fasting plan for insulin discussed. Pharmacy: {FAC:Riverside Plaza Pharmacy}, {PHO:612 339 1940}.""",
    # 64 discharge instructions with holiday
    """You were in the hospital from {DAT:Christmas Eve} until {DAT:December 28}. Your new medicines: apixaban 5 mg twice a day. Call Dr. {NAM:Nakamura}'s office at {PHO:(808) 335-3101} if you have bleeding. Your nurse was {NAM:Malia}.""",
    # 65 obfuscated email and phone
    """pt asked that results go to her son: {EML:reggie dot boudreaux at gmail dot com}, or text {PHO:three three seven, five four two, one one eight zero}. she is Mrs. {NAM:Boudreaux}, {AGE:101}, at {FAC:Maison de Lafayette}.""",
    # 66 CaringBridge / Zoom
    """Family meeting by Zoom {URL:https://us02web.zoom.us/j/84411930125?pwd=Q2x1aHBtVmZ} (meeting ID {ACC:844 1193 0125}). Updates posted at {URL:www.caringbridge.org/visit/beaunicholls}. Attendees: {NAM:Beau Nicholls}' sisters {NAM:Adele} and {NAM:Margot}, chaplain Rev. {NAM:Obuya}.""",
    # 67 masked SSN variants
    """Consent form signed. ID verified with SSN {SSN:XXX-XX-6612} and DOB {DAT:8/17/46}. Spouse's SSN ending {SSN:3390}. Name on form: {NAM:Gwendolyn Faye Marrs}. Witness: {NAM:D. Sizemore}.""",
    # 68 hearing/cochlear device
    """Audiology: cochlear implant (Cochlear Nucleus CI632) internal device SN {DEV:1F4C12X0}; processor Kanso 2 SN {DEV:KN2-7730195}. Pt {NAM:Ezekiel Boateng}, 7 yo, from {LOC:Mt. Airy}, NC. Next mapping {DAT:1/12/27}.""",
    # 69 insulin pump & CGM
    """Pump download: t:slim X2 SN {DEV:1198543}, Dexcom G6 transmitter ID {DEV:8MK3R2}. TIR 61%, TBR 4%. Pt {NAM:Kaylee Shrewsbury} (age 13) at {FAC:Camp Kno-Koma} {DAT:July 9-15}. Mother {NAM:Tonya} cell {PHO:304-952-0187}.""",
    # 70 lower case names in chat thread
    """[group chat, care team]
{NAM:sam}: anybody seen mr {NAM:okafor} today?
{NAM:lena}: yes he's in 4B, his daughter {NAM:chiamaka} is w him
{NAM:sam}: ok tell her dr {NAM:liu} will call after 3
{NAM:lena}: she said use her work # {PHO:216-844-3903}""",
    # 71 initials only
    """Case: {NAM:JT}, 17, brought by {NAM:DL} (foster mom) from {FAC:Sunrise Children's Services}. {NAM:JT}'s bio mom ({NAM:K.T.}) has supervised visits in {LOC:Somerset}. Dx: PTSD, ADHD. Guanfacine ER 2 mg.""",
    # 72 boat/ATV
    """Injury report: ATV rollover on {ADR:Brushy Fork trail}, {LOC:Pikeville}. ATV VIN {VEH:RFBLFXB48KB001872}; towing truck tag {VEH:KY 218 RVB}. Rider {NAM:Brantley Hall}, 14. Father {NAM:Jason Hall} at {PHO:606-432-9955}. Helmet not worn.""",
    # 73 MRN cues
    """Please merge duplicate charts: Epic MRN {MRN:E004471182} and legacy chart # {MRN:C-229101} both belong to {NAM:Florentino Reyes Aguilar}, DOB {DAT:3-9-1952}. Enc CSN {ACC:510338871} was filed to the wrong one.""",
    # 74 court / CPS
    """Child protective services case # {ACC:2026-CPS-01477}; caseworker {NAM:Delia Munoz} ({EML:delia.munoz@dfps.texas.gov}, {PHO:956-383-1300}). Children {NAM:Joaquín} (4) and {NAM:Itzel} (2) placed with aunt in {LOC:Progreso}. Court date {DAT:Jan 14}, {FAC:Hidalgo County 464th District Court}.""",
    # 75 ECHO perinatal HCV with clinic abbreviations
    """Perinatal HCV ECHO - presenter {NAM:Beth Ann Carnes}, CNM, {FAC:St. Claire HealthCare Women's Clinic} ({LOC:Morehead}). G4P3 at 32 wks, HCV RNA 2.1M IU/mL. Plans to breastfeed. EDD {DAT:01/22/2027}. Baby's pedi will be Dr. {NAM:Sword}.""",
    # 76 pharmacy counseling log (pipes)
    """Rx# | Patient | Drug | Prescriber | Phone
{ACC:6621184} | {NAM:Mercer, Opal} | apixaban 2.5 | {NAM:Gaddis} | {PHO:(870) 446-2209}
{ACC:6621185} | {NAM:Mercer, Lyle} | tamsulosin 0.4 | {NAM:Gaddis} | {PHO:(870) 446-2209}""",
    # 77 geriatric, age 100+ digits
    """Annual wellness visit, {AGE:104}yo M, WWII veteran, lives with his {AGE:99} y/o sister {NAM:Ethel} in {LOC:Difficult}, TN. Hearing aids. Ambulates with walker. Their neighbor {NAM:Buck Pruett} checks on them daily.""",
    # 78 address with directional and half-number
    """Change of address: {ADR:1212 1/2 NW 23rd St, Rear}, {LOC:Oklahoma City} OK {ZIP:73106}. Previous: {ADR:HC 64 Box 2210}, {LOC:Slapout} OK {ZIP:73848}. Pt {NAM:Wanetta Bowlegs}.""",
    # 79 workplace / employer + phone with extension
    """Return-to-work note faxed to employer {FAC:Lone Star Steel}, HR Mr. {NAM:Villarreal}, fax {FAX:903-639-4450}. Pt {NAM:Rigoberto Sáenz} may return {DAT:12/14/2026} with 20 lb lifting limit. Questions: {PHO:903-639-4400 ext. 7}.""",
    # 80 dental
    """Dental referral from {FAC:Ozark Tri-County Dental}: Pfc. {NAM:Landon Eubanks}, 19, abscess #30, needs extraction under sedation. Military ID {ACC:1522837096}. Mom {NAM:Trish} drove him from {LOC:Fort Leonard Wood}.""",
    # 81 transcribed telephone message odd caps
    """VOICEMAIL TRANSCRIPT: "hi this is {NAM:Patrice} from the {FAC:Meigs County Health Department} calling about {NAM:Jonah Pickens} um his TB skin test read was zero millimeters uh please call me back at {PHO:740 992 6626} thanks bye" """,
    # 82 Spanish-language mix
    """Llamada: la señora {NAM:Guadalupe Ibarra} dice que su esposo don {NAM:Chuy} no ha comido desde el lunes {DAT:30}. Viven en la colonia {LOC:Las Milpas}. Tel. {PHO:956-787-2204}. Cita con la Dra. {NAM:Treviño} el {DAT:3 de diciembre}.""",
    # 83 Medicare letter
    """Medicare Summary Notice for {NAM:ARLENE V. TUCKER}, Medicare # {ACC:1EG4-TE5-MK73}, {ADR:PO BOX 9}, {LOC:NOTHING} AZ {ZIP:85360}. Claim {ACC:12626334099807} from {FAC:Wickenburg Community Hospital}, {DAT:10/07/2026}.""",
    # 84 abbreviated name with apostrophe & particle
    """Surgery consent: procedure lap chole. Patient {NAM:Siobhán O'Dwyer-Ní Bhriain}. Surgeon Dr. {NAM:van der Merwe}. Witness {NAM:DeShawn McCloud}. Date {DAT:12.05.2026}.""",
    # 85 license plates in security report
    """Security incident: visitor vehicle blocking ambulance bay, white Ford Transit, NM plate {VEH:AKRF 39}, temp tag {VEH:T0228734}. Owner identified as {NAM:Gilbert Apodaca}, visiting pt in 3W. Security officer {NAM:Reyes}.""",
    # 86 trailer park & campground
    """Homeless outreach: {NAM:Kenny} is staying at {ADR:site 14} at {FAC:Hungry Mother State Park} campground, moving to {ADR:Lot 9, Shady Rest Mobile Home Park} {DAT:Dec 1}. Uses the library wifi in {LOC:Marion}. Phone lost.""",
    # 87 NPI on claim
    """CMS-1500 line: rendering NPI {LIC:1528017634}, billing NPI {LIC:1184729560}, tax ID {ACC:61-1284405}. Pt acct {ACC:PA00983217}. DOS {DAT:11/19/26}. Referring: {NAM:HAYDEN, CORA L}, NP.""",
    # 88 wearable / life alert
    """Medical alert pendant (Philips Lifeline, subscriber #{ACC:LL-4493021}, base unit SN {DEV:HS-601A-77190}) triggered 0210. Responder list: Aunt {NAM:Bev} ({PHO:859-336-8420}), neighbor {NAM:Roscoe}. Pt {NAM:Clementine Hurt}, {AGE:95}.""",
    # 89 nursing home transfer form
    """INTERFACILITY TRANSFER
From: {FAC:Riverview Health & Rehab}, {ADR:400 Riverview Dr}, {LOC:Dayton} TN {ZIP:37321}
To: {FAC:Erlanger Baroness}, ED
Resident: {NAM:Luther Crabtree}   DOB {DAT:05/30/1929}   Age {AGE:97}
Code status: DNR. Report called to {NAM:Jessica} RN {PHO:423-778-6000}.""",
    # 90 week-day prefixed dates and partial
    """Appointments: Tue {DAT:12/8} labs, Thu {DAT:12/10} with Dr. {NAM:Esposito}, then {DAT:Jan 5} PT eval at {FAC:Select Physical Therapy - Kingsport}. Pt {NAM:Gracie Lawson} aware. Ride via {FAC:Sullivan County Transit}.""",
    # 91 clinician emails with ECHO hub
    """Hub team for today's clinic: Dr. {NAM:Amarjit Sandhu} ({EML:asandhu@hsc.unm.edu}), {NAM:Consuelo Baca}, PharmD ({EML:cbaca2@salud.unm.edu}). Spoke case from {FAC:El Centro Family Health - Española} presented by {NAM:Ignacio Trujillo}.""",
    # 92 second hand-off with numbers
    """SBAR: S - Mr. {NAM:Halvorsen} in bed 12 more confused. B - {AGE:91} y/o, UTI, on ceftriaxone. A - Na 128. R - please see. Family: wife {NAM:Ingrid}, {PHO:701-852-4417}; farm near {LOC:Ryder}, ND.""",
    # 93 small-town names that are words
    """Both patients in today's clinic drove over an hour: one from {LOC:Uncertain}, TX, the other from {LOC:Cut and Shoot}. Ms. {NAM:Dobbins} from {LOC:Uncertain} brought her grandson {NAM:Colt}.""",
    # 94 referral with registered mail address
    """Referral to {FAC:Vanderbilt Pediatric Neurology}: {NAM:Isabella Rose Kittrell}, DOB {DAT:Feb 29, 2016}, with seizures age 4, worse since {DAT:March} Parents {NAM:Casey} and {NAM:Jordan Kittrell}, {ADR:55 Honeysuckle Ln}, {LOC:Bon Aqua} TN {ZIP:37025}.""",
    # 95 eponym-like surnames as patient names
    """Endocrine f/u: Mr. {NAM:Graves} has Graves disease, TRAb 8.4, on methimazole 10 mg. His wife {NAM:Adelaide Parkinson} (no relation to the disease, she jokes) keeps his log. Next TSH {DAT:Jan 19}.""",
    # 96 Hodgkin surname plus eponym
    """Heme-onc ECHO: classic Hodgkin lymphoma, stage IIA, ABVD x 4. Presenter Dr. {NAM:Lucas Hodgkins} from {FAC:Mercy Health - Lorain}. Patient {NAM:Delphine}, 24, college student at {FAC:Oberlin College}; fertility consult done {DAT:10/12}.""",
    # 97 UDI for an implant
    """Implant log: knee femoral component UDI {DEV:(01)00889024271938(17)290331(10)L6412K(21)88410233}, tibial insert lot 6412K. Surgeon {NAM:Matsumoto}. Pt {NAM:Cassandra Whitt}, {FAC:Bluegrass Orthopaedic Surgery Center}, {DAT:11-03-2026}.""",
    # 98 CDL + DOT exam
    """DOT physical: driver {NAM:Earl Wayne Mullins}, CDL {LIC:K05-118-733} (KY), employer {FAC:Hager Trucking}. BP 138/84. Cert valid to {DAT:12/2028}. Examiner {NAM:Robin Castle}, NRCME #{LIC:3058812744}.""",
    # 99 places that are words
    """Outreach clinic schedule: Monday {LOC:Monkey's Eyebrow} fire hall, Wednesday {LOC:Toad Suck} community center, Friday {FAC:Whynot Baptist Church} in {LOC:Whynot}. Contact {NAM:Georgia Pettus} {PHO:870.354.2018}.""",
    # 100 registration in ALL CAPS
    """PT NAME: {NAM:MCALLISTER, RUBY JEAN}  SEX: F  DOB: {DAT:11/11/1932}  AGE: {AGE:94}
ADDR: {ADR:1920 HIGHWAY 7 SOUTH}  CITY: {LOC:HELL}  ST: MI  ZIP: {ZIP:48169}
NOK: {NAM:MCALLISTER, DALE} (SON)  PH: {PHO:734-878-3316}
PCP: {NAM:FIELDS, A}   INS: BCBS MI  ID: {ACC:XYP882041735}""",
    # 101 nursing narrative with room and bed look-alikes
    """Transferred from 5N bed 22 to ICU bed 4 at 1930. Report given to {NAM:Amani}, RN. Pt's partner {NAM:Charlie Ng} updated by phone; {NAM:Charlie} prefers they/them. Belongings (phone, wallet with {FAC:Costco} card) sent with pt.""",
    # 102 phone numbers with country code, foreign town
    """Pt visiting from {LOC:Puerto Escondido}, Mexico; local contact is cousin {NAM:Efraín Cruz} {PHO:+52 954 582 0193}. US contact {PHO:(209) 555-0148}. Travel insurance policy {ACC:AXA-TV-77213009}. Needs records sent to {EML:efracruz@hotmail.com}.""",
    # 103 psych note with social media
    """Pt reports being harassed online; the account is {URL:tiktok.com/@bigsandyqueen}. She posts as {URL:@lexi_b_2008}. Friend {NAM:Makayla} saw the posts. School: {FAC:Sheldon Clark High}. Mother {NAM:Crystal Burchett} aware.""",
    # 104 wound care table
    """| Visit | Wound | Size (cm) | RN |
|---|---|---|---|
| {DAT:11/02/26} | sacral stage 3 | 4.0 x 3.2 x 0.5 | {NAM:V. Oyelowo} |
| {DAT:11/09/26} | sacral stage 3 | 3.6 x 2.9 x 0.4 | {NAM:V. Oyelowo} |
| {DAT:11/16/26} | sacral stage 3 | 3.1 x 2.5 x 0.3 | {NAM:Katrina Yoder} |""",
    # 105 ED note with state trooper & tag in speech
    """patient states he was driving his brother {NAM:lonnie}'s truck, tag {VEH:H2C 447}, when he went off {ADR:route 80} near {LOC:hazard}. he works at the {FAC:walmart} in {LOC:hazard}. last tetanus unknown.""",
    # 106 date words
    """She was last well on the {DAT:3rd of May}, hospitalized {DAT:mid-September} with pneumonia, and again the {DAT:twenty-first of October}. Husband {NAM:Otis Fugate} keeps a calendar.""",
    # 107 IP in VPN log from telehealth workstation
    """VPN log excerpt: user {EML:kmorrow@kdmc.net} assigned {IP:172.20.14.231} from {IP:2601:644:8400:1c2a:5d1e:7b3f:9a22:e01}; the connection was used to open the chart of {NAM:Harmon Keeton} (MRN {MRN:K00881274}) at {DAT:2026-12-01} 23:48.""",
    # 108 hospice referral letter
    """{DAT:December 2, 2026}

{FAC:Hospice of the Bluegrass - Hazard}
Re: {NAM:Virgil Noble}, {AGE:ninety-eight}, end-stage COPD
Please admit to home hospice at {ADR:116 Lotts Creek Rd}, {LOC:Cordia} {ZIP:41819}. Wife {NAM:Mae}. Contact granddaughter {NAM:Shelby} {PHO:606.785.0321}.
Dr. {NAM:Fugate}""",
    # 109 lab requisition with insurance numbers
    """Lab requisition: patient {NAM:Li Wei Chen}, DOB {DAT:05/05/1961}, Aetna member {ACC:W228841907}, subscriber {NAM:Chen, Mei}, group {ACC:0894412-10-004}. Tests: lipid panel, A1c, UACR. Ordering Dr. {NAM:Ostrowski}, NPI {LIC:1366519074}.""",
    # 110 occupational health with employee ID
    """Needlestick, employee {NAM:Brittany Salyer} (emp ID {ACC:E118204}), {FAC:Whitesburg ARH} lab. Source pt {NAM:T. Banks}, MRN {MRN:3309124}, HCV Ab pending. Incident report #{ACC:IR-26-1183}.""",
    # 111 pediatric with school ID and lower-case names
    """peds asthma: {NAM:marcus}, 9, {FAC:west side elementary}, student ID {MRN:20931177}. uses spacer at school. mom {NAM:tasha} says flares near the chicken houses on {ADR:ky 1428}.""",
    # 112 ECHO case with name in question
    """Question for the ECHO panel: my patient Mrs. {NAM:Crum} (I'll call her {NAM:R.C.}) is 67 with ESRD on HD at {FAC:DaVita Prestonsburg}; would you treat her HCV now or after transplant listing at {FAC:UK Transplant Center}? HD days M/W/F.""",
    # 113 prison
    """Medical hold, {FAC:Eastern Kentucky Correctional Complex}. Inmate {NAM:Dustin Gilley}, KY DOC #{MRN:248817}. Release date {DAT:02/14/2027} - {DAT:Valentine's Day}. Parole officer Ms. {NAM:Sexton}, {PHO:606-743-2800}.""",
    # 114 phone formats mixed
    """Contacts: home {PHO:(423) 733.2195}, cell {PHO:423 733 6640}, work {PHO:1 (800) 555-0199 #4412}. Emergency contact Sister {NAM:Mary Agnes} (not a relative, a nun at {FAC:St. Joseph Convent}).""",
    # 115 addresses in a table with ZIP+4
    """name | street | city | zip
{NAM:Ortega, B} | {ADR:9 Calle Luna} | {LOC:San Elizario} | {ZIP:79849-0012}
{NAM:Herrera, M} | {ADR:1340 Alameda Ave Apt 211} | {LOC:El Paso} | {ZIP:79905}""",
    # 116 device recall notice
    """Recall notice for Abbott HeartMate 3 LVAD controller, SN {DEV:MCS3-28816}. Pt {NAM:Ronnie Slaughter} implanted at {FAC:Vanderbilt} {DAT:04/2024}. LVAD coordinator {NAM:Heather Sallee}, pager {PHO:615-835-4112}.""",
    # 117 nursing note with holiday
    """Pt tearful, says her husband {NAM:Everett} died on {DAT:Thanksgiving} last year and she can't face the holidays. Chaplain Fr. {NAM:Tomasz} visited. Daughter {NAM:Lynette} flying in from {LOC:Boise} on the {DAT:22nd}.""",
    # 118 ECHO TB with contact list
    """TB ECHO contact investigation: index case Mr. {NAM:Tun Tun Aung}, works at {FAC:Sanderson Farms} in {LOC:Collins}, MS. Contacts: {NAM:Hla Hla} (wife), {NAM:Zaw Min} (roommate), {NAM:Naw Paw} (coworker). IGRA drawn {DAT:11/25}.""",
    # 119 text messages pasted
    """Pasted from pt's phone (with consent):
[{DAT:11/28} 9:14 PM] Grandma {NAM:Jo}: baby has fever 103 what do i do
[{DAT:11/28} 9:20 PM] {NAM:Destiny}: take her to {FAC:Middlesboro ARH} now
[{DAT:11/28} 9:41 PM] Grandma {NAM:Jo}: ok leaving {LOC:Pineville}""",
    # 120 home health with key safe code (not an id) and address
    """HHA visit: {ADR:6 Cheshire Ln}, {LOC:Machias} ME {ZIP:04654}. Key in lockbox. Pt {NAM:Eleanor Beal}, {AGE:100}, independent in ADLs except bathing. Nephew {NAM:Arthur} visits weekends.""",
    # 121 patient named like a season/month
    """Pt {NAM:April Summers} presented with her mother {NAM:June} and son {NAM:August}. All three live at {ADR:404 Magnolia Street}, {LOC:Sunflower}, MS. {NAM:April} is 34, G3P3, requesting tubal ligation.""",
    # 122 pharmacist note with licence and store
    """Naloxone dispensed under standing order by {NAM:Mohammed Al-Rashidi}, PharmD, WV RPh lic {LIC:PH0011847}, at {FAC:Rite Aid #11460}, {ADR:2816 Guyan Ave}, {LOC:Ceredo}. Recipient {NAM:Harley Dingess} (for brother).""",
    # 123 geriatric note with initials and age in words
    """Geri psych: {NAM:M.H.}, {AGE:a hundred and four} years old (she insists on the \"and\"), brought by her son {NAM:Morris} from {FAC:Lakeview Assisted Living}. GDS 9/15. Sertraline 25 mg started.""",
    # 124 adoption / birth certificate
    """Records request for adoption file: birth certificate #{LIC:141-2009-027733}, birth name Baby Girl {NAM:Ferrell}, born {DAT:6/17/2009} at {FAC:Ireland Army Community Hospital}. Adoptive parent {NAM:Dana Weisz}, {EML:danaweisz@protonmail.com}.""",
    # 125 NP speech-to-text with numbers
    """voice note: okay patient is {NAM:Ahmad} uh {NAM:Nasseri} date of birth {DAT:seven twelve nineteen eighty} lives at {ADR:twenty two oak court} in {LOC:Dearborn Heights} phone {PHO:three one three five five five zero one seven two}""",
    # 126 wheelchair / power chair serial
    """Seating clinic: Permobil M3 Corpus power chair SN {DEV:PM3C-220451887}. Pt {NAM:Tobias Greer}, ALS. Vendor {FAC:National Seating & Mobility - Knoxville}, tech {NAM:Jarrod}. Delivery {DAT:Dec 17th}.""",
    # 127 Louisiana parish
    """Pt lives in {LOC:Vacherie}, {LOC:St. James Parish}, near the {FAC:Oak Alley Plantation}; works as a deckhand for {FAC:Crescent Towing}. Wife {NAM:Chantelle Guidry} cell {PHO:225-265-8871}. Hep B vaccine #2 given {DAT:12/3}.""",
    # 128 fax log
    """FAX LOG
{DAT:12/01} 08:12 OUT {FAX:606-886-7790} {FAC:Highlands ARH} 4 pp {NAM:Conn, Treva}
{DAT:12/01} 09:40 IN  {FAX:859-323-1038} {FAC:UK HealthCare} 11 pp {NAM:Stumbo, Jarrell}
{DAT:12/01} 11:02 OUT {FAX:(606) 435-0392} {FAC:Hyden Clinic} 2 pp {NAM:Begley}""",
    # 129 passport and A-number
    """Refugee health screening: {NAM:Nur Begum}, passport {ACC:EG4471903}, A# {ACC:A-218-664-903}, arrived {DAT:9/30/2026} from {LOC:Kutupalong}. Resettlement agency {FAC:Catholic Charities of Louisville}, caseworker {NAM:Abdi}.""",
    # 130 SSA disability form
    """SSA-827 authorization received for {NAM:Roberta Kay Whisman}, SSN {SSN:4O2-18-7735} (letter O typed for zero on the form), claim for SSDI. DDS examiner {NAM:Gant}, fax {FAX:1-877-321-8830}, barcode {ACC:DDS-KY-88201473}. Records {DAT:01/2024} to present.""",
    # 131 SSN in a heated phone note
    """pt upset the lab bill went to collections; she read me her social over the phone before I could stop her: {SSN:262 41 9908}. Told her not to. Her acct at the collection agency is {ACC:MCB-5530127}. Name {NAM:Tomasa Lerma}, {LOC:Zapata}.""",
    # 132 ITIN and partial
    """Uninsured, sliding fee scale. No SSN; ITIN {SSN:912-78-4410}. Husband's SSN last four {SSN:0187}. Household of 5, income verified by pay stubs from {FAC:Sanderson Farms hatchery}. Contact {NAM:Rosa Elvira Pú}.""",
    # 133 URLs in a psychosocial note
    """Teen shared her art on {URL:https://www.deviantart.com/mothgirl-kaya} and a playlist {URL:open.spotify.com/user/kaya.n.2010}. Also found at {URL:youtube.com/@kayadraws}. Pt is {NAM:Kaya Nakai}, {FAC:Window Rock High School}.""",
    # 134 URL to a patient photo and shortened link
    """Wound photo uploaded by daughter to {URL:https://photos.app.goo.gl/Xr5tQ2mLw8aZ9kP7A}; also texted {URL:bit.ly/3Kq7mZp}. Patient {NAM:Augusto Ferreira}, {ADR:18 Water St}, {LOC:Fall River}.""",
    # 135 IP with port and hostname
    """Security review: chart of VIP patient Senator {NAM:Ruth Oyler} opened from workstation {IP:10.44.7.199}:3389 and from home IP {IP:71.58.203.16}. Employee {NAM:Kelsey Pratt}, badge {ACC:77104}.""",
    # 136 fax numbers in a referral grid
    """Referral routing
Cardiology - {FAC:Heart & Vascular Specialists of Pikeville} - fax {FAX:606.218.4456}
GI - {FAC:Tug Valley Gastroenterology} - fax {FAX:(606) 237-1102}
Sleep - {FAC:Appalachian Sleep Diagnostics} - fax {FAX:606 789 6612}
Pt: {NAM:Sherman Blankenship}""",
    # 137 vehicle plates of visitor and patient, boat
    """Pt's van (MN plate {VEH:BKT 417}) left in ED lot overnight; his fishing boat registration {VEH:MN 4401 GR} was in the wallet we inventoried with Mr. {NAM:Oberg}'s consent. Son {NAM:Nils} will pick up the van.""",
    # 138 MRN and ages in a table
    """| MRN | Pt | Age | Unit |
|---|---|---|---|
| {MRN:2026-0045581} | {NAM:B. Nakai} | {AGE:93} | 3E |
| {MRN:2026-0045592} | {NAM:H. Lovato} | 71 | 3E |
| {MRN:2026-0045617} | {NAM:E. Tsosie} | {AGE:102} | ICU |""",
    # 139 zip only and county
    """Geocoding for the registry: patient lives in ZIP {ZIP:41339} ({LOC:Breathitt County}); previous ZIP {ZIP:41746}. Distance to nearest infusion center 58 miles. Pt {NAM:Lonnie Noble}.""",
    # 140 nursing home census, ages in words
    """Census note: Rm 12 Mrs. {NAM:Albright} - {AGE:ninety-nine}, hospice. Rm 14 Mr. {NAM:Kovac} - 88, rehab. Rm 15 Miss {NAM:Dora Pennington} - {AGE:one hundred and six}, long-term. All at {FAC:Pleasant Acres Care Home}.""",
    # 141 geriatric speech-to-text
    """voice memo transcribed: mom says she was born in nineteen twenty nine in {LOC:big stone gap} so that makes her {AGE:ninety seven} and she wants everyone to know it, her name is {NAM:hazel mae kilgore} and she used to teach at {FAC:powell valley high}""",
]
