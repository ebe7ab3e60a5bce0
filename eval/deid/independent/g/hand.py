"""Hand-written passages for set G. {CATEGORY:value} marks a planted identifier."""

PLANTED = [
    # 00 ECHO form, HCV, Alaska
    """ECHO HCV Case Form
Presenter: {NAME:Qannik Ahgeak}, CHA/P, {FACILITY:Point Hope Clinic}
Pt: 34F, Inupiaq, lives in {LOCATION:Point Hope} w/ her aaka's family. Flown to {FACILITY:Samuel Simmonds Memorial Hospital} on {DATE:Nov 3} for labs.
HCV RNA 1.2 million, GT 3a, FIB-4 1.1. No running water at home. Best contact is the clinic VHF or {PHONE:907-368-2234}.
Question: can we treat with 8 wks of G/P and mail meds on the Tuesday the {DATE:18th} plane?""",
    # 01 referral letter, Appalachia
    """{FACILITY:Troublesome Creek Family Practice}
{ADDRESS:4471 Hwy 476}
{LOCATION:Hardshell}, KY {ZIP:41348}

{DATE:March 9, 2026}

Dr. {NAME:Ozias Caudill}
{FACILITY:UK HealthCare Gastroenterology}

Re: {NAME:Wilburn} "{NAME:Dink}" {NAME:Slone}, DOB {DATE:07/30/1961}

Dear {NAME:Ozias},
I am sending {NAME:Wilburn}, a retired roof bolter from {LOCATION:Vicco}, for his first variceal screening. His sister {NAME:Jerusha Slone Combs} drives him; her cell is {PHONE:(606) 435-0917}. Please fax notes to {FAX:606.435.0920}.
{NAME:Verlin Begley}, APRN""",
    # 02 registration ALL CAPS
    """PT NAME: {NAME:THIBODEAUX, ALCIDE JOSEPH JR}      DOB: {DATE:02/14/1932}  AGE: {AGE:94}
ADDR: {ADDRESS:118 RUE DE LA BAYOU CIR APT 2 REAR}   {LOCATION:CUT OFF} LA {ZIP:70345-0112}
PARISH: {LOCATION:LAFOURCHE}     PH: {PHONE:985 632 7781}   ALT PH: {PHONE:985-475-1150}
SSN: XXX-XX-{SSN:4471}   MCR MBI: {ACCOUNT:4TY7-JH2-MK81}   SUPP: AARP PLAN G {ACCOUNT:00388124551}
NOK: {NAME:THIBODEAUX, EULALIE} (WIFE)  SAME ADDR""",
    # 03 nursing note with word-names
    """0400 Pt resting. Daughter {NAME:Hope} called again asking if {NAME:May} (pt) can have her rosary. Told {NAME:Hope} yes. Son {NAME:Bill Rich} is POA and wants calls only to {PHONE:276-935-4410} -- not {NAME:Hope}'s number. Will pass on in report. --{NAME:R. Goodnight} RN""",
    # 04 SMS thread
    """tues
me: r u still taking her to the 2pm w dr {NAME:tsosie}?
{NAME:delphine}: yea but truck broke. can {NAME:kiele} pick us up at the chapter house in {LOCATION:lukachukai}
me: she's off. i'll send the van, what's the plate again on the pastor's car so security lets it in
{NAME:delphine}: NAVAJO {VEHICLE:3J 4418} i think
me: ok. bring her census # card its {ACCOUNT:C-44187}""",
    # 05 transcribed speech, ALL lower, numbers spoken
    """okay so the patient is mister {NAME:ulysse arceneaux} a {AGE:ninety one} year old from {LOCATION:mamou} he was born {DATE:october the fourth nineteen thirty four} and his medicare number is {ACCOUNT:one e g four t e five m k seven two} uh daughter {NAME:octavie} wants us to call {PHONE:three three seven four six eight two two nine one} after four""",
    # 06 discharge summary tail, Pacific
    """Discharged {DATE:12/02/2025} to home on {LOCATION:Molokaʻi} with tūtū's family at {ADDRESS:Lot 44 Kamehameha V Hwy}, {LOCATION:Kaunakakai} {ZIP:96748}. Home O2 2 L via concentrator (Inogen One G5, SN {DEVICE:IN5A2209871}). F/u {FACILITY:Molokai Community Health Center} {DATE:12/9}. PCP {NAME:Makana Kealoha}, MD, ph {PHONE:808-553-5038}.""",
    # 07 pharmacy refill fax
    """REFILL REQUEST -- {FACILITY:Pennington Drug}, {ADDRESS:41820 W Morgan Ave}, {LOCATION:Pennington Gap} VA {ZIP:24277}
Ph {PHONE:276.546.1105}  Fx {FAX:276.546.1107}
Pt: {NAME:Denzil Mullins}  DOB {DATE:1958-11-02}
Rx# {ACCOUNT:6011482} gabapentin 300 mg caps, #90
Prescriber: {NAME:Arlis Hensley} DO, DEA {LICENSE:BH4172639}, NPI {LICENSE:1497758544}
Last filled {DATE:10/28/25}. Please sign and fax back.""",
    # 08 DME order with several devices
    """CGM supplies: Dexcom G7 sensors x 3 boxes. Receiver s/n {DEVICE:GR4A8821K}, replaced under warranty {DATE:Aug 14}. Pump: Omnipod 5 PDM, serial {DEVICE:PDM-5-0371189}. Ship to {NAME:Tabitha Ferrell}, {ADDRESS:77 Mudlick Branch Rd}, {LOCATION:Iaeger}, WV {ZIP:24844}. Medicaid {ACCOUNT:0004519827}.""",
    # 09 EMS run with vehicle
    """MEDIC 7 -- Dispatched 0218 {DATE:01/01/2026} to MVC on {ADDRESS:FM 649 near mile marker 12} outside {LOCATION:Hebbronville}. Driver {NAME:Ezekiel Garza-Peña}, conscious, c/o chest pain. Veh 2011 Silverado TX plate {VEHICLE:PKT-3391}, trailer tag {VEHICLE:T821-KJ}. Passenger {NAME:Lupita Garza} refused transport, signed AMA. Transported to {FACILITY:Starr County Memorial Hospital}.""",
    # 10 telehealth logistics email
    """From: {EMAIL:s.tuiasosopo@lbjtmc.as}
To: echo-team
Subj: Thurs session -- {NAME:Sione}'s case
Link for presenters: {URL:https://zoom.us/j/93144018227?pwd=Tk9xYVh3}
He'll connect from the {FACILITY:Leone Community Health Center} (public IP {IP:202.70.116.18}), not the hospital VPN. If audio fails call me at {PHONE:+1 684 633 1222}.
-- {NAME:Siaosi}""",
    # 11 home health, age 103
    """HH visit. {NAME:Ova Sizemore} turned {AGE:103} on the {DATE:21st}; family had a cake at {FACILITY:Mt Zion Old Regular Baptist Church}. Lives alone at {ADDRESS:HC 81 Box 1640}, {LOCATION:Hyden}. Great-niece {NAME:Zelphia} checks on her daily. Lifeline pendant ID {DEVICE:LL-4390022}.""",
    # 12 lab requisition table
    """Specimen | Patient | DOB | Accession
SST | {NAME:Benally, Deswood} | {DATE:3-15-1949} | {ACCOUNT:24-CHM-00381}
EDTA | {NAME:Benally, Deswood} | {DATE:3-15-1949} | {ACCOUNT:24-HEM-00117}
Urine | {NAME:Yazzie, Tayanita} | {DATE:11-30-1987} | {ACCOUNT:24-UA-01992}
Collected at {FACILITY:Chinle Comprehensive Health Care Facility} by {NAME:L. Etsitty}, MLT""",
    # 13 prior auth denial
    """{DATE:November 18, 2025}
RE: {NAME:Loretta Caudill}   ID: {ACCOUNT:WVM118834501}   Case #: {ACCOUNT:PA-25-1183340}
We denied coverage of Mounjaro 5 mg for the member. Your patient may appeal within 60 days by writing to {ADDRESS:P.O. Box 7713}, {LOCATION:Charleston}, WV {ZIP:25356-0713} or faxing {FAX:1-855-771-0442}. Reviewer: {NAME:Harmony Wise}, PharmD""",
    # 14 school note with names that are words
    """{FACILITY:Bland Elementary}
Please excuse {NAME:Sunny May} from PE until {DATE:Feb 2}. Her mom {NAME:Candy} can be reached at {PHONE:276 688 0152}. {NAME:Sunny} has a sprained ankle, not a fracture.
{NAME:Patience Early}, FNP""",
    # 15 social work, camp / shelter
    """SW: Pt {NAME:Tarlang Jibas} (Marshallese) is staying w/ cousin {NAME:Neikar Langidrik} at {ADDRESS:1920 S Thompson St Apt 14B}, {LOCATION:Springdale}, AR {ZIP:72764}. Works 2nd shift at the {FACILITY:Tyson plant} on {ADDRESS:Emma Ave}. COFA migrant; no Medicaid until this year. Interpreter {NAME:Jinam Kiobu} via phone line {PHONE:479-751-6688}.""",
    # 16 ALL CAPS ECHO header
    """SITE: {FACILITY:PINE RIDGE IHS HOSPITAL}   PRESENTER: {NAME:WICAHPI TWO BULLS}, RN   DATE: {DATE:09.11.2025}
PT: 57 YO M FROM {LOCATION:WANBLEE}, LIVES W/ BROTHER {NAME:CHASKE} ON {ADDRESS:BIA RTE 2}.
HBsAg POS, HBeAg NEG, DNA 4,200. CHART {MRN:PR-0048813}.""",
    # 17 typos and odd separators
    """pt {NAME:kevim boudreux} (sp?) dob {DATE:4/31/1957}?? -- probably {DATE:4/30} per wife. ssn {SSN:437 - 81 - 2290}. lives on {ADDRESS:Bayou Teche Rd}, {LOCATION:Breaux Bridge}. ph {PHONE:337 332-44O9} (letter O typed by intake).""",
    # 18 tribal census, ages
    """Elders list for flu shots ({FACILITY:Belcourt Senior Center}):
1. {NAME:Marie Azure} -- {AGE:97}
2. {NAME:Gabriel Laverdure} -- {AGE:91}
3. {NAME:Celestine Decoteau} -- {AGE:100}
4. {NAME:Louis Morin} -- 88
5. {NAME:Angeline Poitra} -- {AGE:90}""",
    # 19 voicemail transcript
    """VM 10:42: "hi this is {NAME:Bunny} from the {FACILITY:Family Dollar} on {ADDRESS:Main and Second}, I'm calling about my grandson {NAME:Rocky Strong} he's got the sugar, his monitor number is {DEVICE:2W7K8X} something, call me back at {PHONE:nine one eight, four five six, oh three three one}, thanks\"""",
    # 20 referral, Hispanic border
    """Referencia a {FACILITY:Clínica de Salud del Pueblo} en {LOCATION:Brawley}. Paciente: {NAME:Clovis Maestas Trujillo}, nacido el {DATE:3 de junio de 1950}. Domicilio: {ADDRESS:Calle Ocho 214}, {LOCATION:Calexico} {ZIP:92231}. Tel {PHONE:760-357-8812}. Su hija {NAME:Marisol} traduce.""",
    # 21 MRN and account cues
    """H# {MRN:9792B114}  MR # {MRN:45-107-803}  FIN {ACCOUNT:9145051770}  CSN {ACCOUNT:2210394478}  VA ICN {MRN:1012883465V442190}  Tricare {ACCOUNT:8679062211}  Humana {ACCOUNT:H4PA3-88120}""",
    # 22 license/identity block
    """ID check: KY DL {LICENSE:S123-456-789}; exp {DATE:09/2027}. Tribal ID {ACCOUNT:CN-08812}. Pt {NAME:Elzie Triplett} says the truck, KY {VEHICLE:912 LWX}, is his nephew's.""",
    # 23 IP / portal
    """MyChart access review for {NAME:Leilani Kahananui}: logins {DATE:2025-07-03} from {IP:72.234.18.201} and {IP:2600:1700:5a80:3c10::1f}, both {LOCATION:Waianae}; {DATE:2025-07-05} from {IP:185.220.101.44} (Tor exit). Proxy access by {NAME:Ikaika Kahananui} ({EMAIL:ikaika.k808@hawaiiantel.net}) revoked.""",
    # 24 death, funeral home, GoFundMe
    """{NAME:Okey Hatfield}, {AGE:96}, d. {DATE:Thanksgiving Day 2025} at home in {LOCATION:Matewan}. Arrangements by {FACILITY:Chafin Funeral Home}. Family set up {URL:gofund.me/9c2e71af} for burial costs. Death cert {LICENSE:2025-WV-018832}.""",
    # 25 court / jail
    """Pt in custody at {FACILITY:Letcher County Jail}, booking # {ACCOUNT:25-00412}. Officer {NAME:Buck Combs} present for visit. Court date {DATE:1/6} at {FACILITY:Letcher District Court}. Mother {NAME:Jolene Combs} ({PHONE:606.633.9091}) wants copies sent to {ADDRESS:112 Pert Creek Holw}, {LOCATION:Whitesburg}.""",
    # 26 Louisiana parish home health
    """Visit note: {NAME:Eulalie Guidry} at camp on {ADDRESS:Hwy 1 at Leeville}, {LOCATION:Lafourche Parish}. Son {NAME:Octave} says flood water came up to the porch last Thursday, {DATE:Sept 25}. Wound vac KCI serial {DEVICE:VAC-ULT-112948}. Next visit {DATE:10/2}.""",
    # 27 newborn
    """Baby Girl {NAME:Kealoha} born {DATE:12/3/2025} 04:41 at {FACILITY:Kahuku Medical Center}, 38 2/7 wk, Apgars 8/9. Newborn MRN {MRN:NB-2025-1143}. Mom {NAME:Iolana Kealoha} (MRN {MRN:0087331}). Dad {NAME:Kalani Fonoti}. Hearing screen passed. Hep B #1 given.""",
    # 28 vehicle and boat
    """Fisherman from {LOCATION:Golden Meadow} injured on his boat (LA reg {VEHICLE:LA 4471 FK}); brought in by Coast Guard. His truck ({VEHICLE:X882LKD}) is still at the dock in {LOCATION:Leeville}.""",
    # 29 dictation with caps and sloppy DATE
    """HISTORY: MRS. {NAME:ROSE ARCHULETA} IS A {AGE:NINETY-TWO}-YEAR-OLD FROM {LOCATION:TRUCHAS} SEEN {DATE:DEC. 1ST}. LIVES WITH SON {NAME:FERMIN} ON {ADDRESS:COUNTY ROAD 75}. HUSBAND {NAME:ELOY} DIED {DATE:MAY 2019}.""",
    # 30 pipe-delimited export
    """MRN|LAST|FIRST|DOB|PHONE|PCP
{MRN:300418}|{NAME:NEZ}|{NAME:HOSTEEN}|{DATE:19400612}|{PHONE:9286972211}|{NAME:BEGAY}
{MRN:300419}|{NAME:KILLS ENEMY}|{NAME:WANBLI}|{DATE:19661001}|{PHONE:6054552870}|{NAME:IRON CLOUD}""",
    # 31 insurance letter with SSN in odd form
    """Member {NAME:Thaddeus Ferrell} (SSN {SSN:417.22.9034}) was enrolled {DATE:01/01/2026}. Dependent {NAME:Birdie Ferrell}, SSN ending {SSN:1187}. Questions: {EMAIL:enroll@kyspirit.example.org}.""",
    # 32 work note
    """Work release: {NAME:Royal Short} may return to light duty at {FACILITY:Love's Travel Stop #512} on Monday {DATE:11/24}; no lifting > 20 lb until {DATE:12/8}. Supervisor {NAME:Dusty Hill}, fax {FAX:(505) 863-4410}.""",
    # 33 device interrogation
    """Remote transmission {DATE:2025-10-30}: Medtronic Azure XT DR MRI, model W1DR01, serial {DEVICE:RNB448127S}; RA lead 5076 SN {DEVICE:PJN8831922}; RV lead 3830 SN {DEVICE:LFJ471205V}. Patient {NAME:Verlin Triplett}. No AT/AF. Battery 9.5 y.""",
    # 34 telehealth troubleshooting
    """Pt couldn't get the doxy link ({URL:https://doxy.me/drslone}) to open on her phone -- Consumer Cellular, IMEI {DEVICE:356938035643809}. Switched to phone visit at {PHONE:606-785-0021}. Her granddaughter's insta is {URL:@mawmaw_ova_fan} for photos of the rash lol""",
    # 35 intake with 'Rich' as name and word
    """Intake: {NAME:Rich Young} brought in by girlfriend {NAME:Amber}. Diet rich in sweet tea. Lives at {ADDRESS:225 Possum Trot Trce}, {LOCATION:McKee}, KY {ZIP:40447}. Young man, 24, with DKA.""",
    # 36 hospice census
    """HOSPICE CENSUS {DATE:11/30}
- {NAME:Gene Cash} ({AGE:93}), {FACILITY:Jackson County Nursing and Rehab}, rm 12
- {NAME:Guy Little} (79), home, {LOCATION:Booneville}
- {NAME:Pearl Moody} ({AGE:101}), home, {LOCATION:Vortex}""",
    # 37 split identifiers across lines
    """Forward records to:
Dr. {NAME:Sterling Love} -- no, to his NP {NAME:Ivy Bell}
{ADDRESS:3310 Old Stage
Rd, Ste 200}
{LOCATION:Big Stone Gap}, VA
{ZIP:24219}""",
    # 38 Alaska village chart
    """Village: {LOCATION:Chevak}. Pt {NAME:Aqpik Ulroan} (chart {MRN:YK 0041872}) medevac'd {DATE:02/11} via {FACILITY:Guardian Flight} to {FACILITY:YKDRH}. Mother {NAME:Nanuq Ulroan} on village phone {PHONE:858-8112}.""",
    # 39 pharmacy counseling lowercase
    """spoke w/ {NAME:lark} at {FACILITY:walgreens #06218} -- vivitrol ships thurs {DATE:12/4} to {ADDRESS:po box 88}, {LOCATION:welch} wv {ZIP:24801}. copay card bin 610020 pcn 03 id {ACCOUNT:88710442913}.""",
    # 40 whole date variety
    """Timeline: sx began {DATE:mid-October}; ED {DATE:10/24}; admitted {DATE:Oct. 25-28}; readmit {DATE:Nov 2nd}; seen by Dr. {NAME:Caudill}'s office on the {DATE:14th}; MRI {DATE:20251121}.""",
    # 41 ALL CAPS chat
    """CHARGE RN: WHO HAS BED 4?? FAMILY ({NAME:MISTY HENSLEY} {PHONE:606-487-1123}) ON PHONE
TECH: {NAME:CLAY} DOES
CHARGE RN: TELL HIM PT {NAME:HENSLEY, DENZIL} GOES TO {FACILITY:HAZARD ARH} AT 1500""",
    # 42 fax cover with names that are words
    """FAX TO: {NAME:Faith Noble}, {FACILITY:Buchanan General Hospital} HIM
FAX #: {FAX:276 935 1011}
FROM: {NAME:Grace Hope}, RN
RE: {NAME:Will Major}, DOB {DATE:6/6/44}""",
    # 43 pediatric foster
    """Foster placement: {NAME:Trinity Sweet} (age 4) placed {DATE:10/03/25} with {NAME:Harmony} and {NAME:Deacon Wood}, {ADDRESS:18 Sassafras Ln}, {LOCATION:Sneedville}, TN. DCS worker {NAME:Chase Field}, {PHONE:423-733-2241}, case # {ACCOUNT:DCS-2025-4481}.""",
    # 44 ECHO chronic pain, partial phone
    """ECHO Chronic Pain -- case 2
Presenter: {NAME:Arlis Combs}, PharmD, {FACILITY:Hindman Family Pharmacy}
52M logger from {LOCATION:Knott County}, on oxycodone 30 mg TID since his 2014 back surgery at {FACILITY:Hazard ARH Regional Medical Center}. Wife {NAME:Loretta} has his phone (ends in {PHONE:2231}) and keeps the pills in a lockbox.
Question: taper vs rotate to buprenorphine? He is scared of withdrawal after what happened to his brother {NAME:Elzie} on {DATE:Labor Day}.""",
    # 45 Hmong perinatal HCV
    """Perinatal HCV consult. Mom {NAME:Pa Houa Vang}, 27, G3P2, from {LOCATION:Winton}; HCV RNA pos at 28 wk. Infant Baby Boy {NAME:Vang} -- no: use name {NAME:Tou Vang} per family -- born {DATE:06/19/2025} at {FACILITY:Mercy Medical Center Merced}. Infant RNA at 2 mo neg. Grandma {NAME:Nou Yang} speaks Hmong only; call uncle {NAME:Chue} {PHONE:209-358-7110}.""",
    # 46 Chuukese patient in Guam
    """Pt {NAME:Kiomy Rudolph}, Chuukese, lives with 14 relatives at {ADDRESS:152 Chalan Kareta}, {LOCATION:Dededo}. Seen at {FACILITY:Northern Region Community Health Center} {DATE:2/3/26}. Brother-in-law {NAME:Sinto} translates, # {PHONE:(671) 635-4418}. Insurance: MIP {ACCOUNT:MIP-0442198}.""",
    # 47 Yup'ik village ECHO
    """CHA {NAME:Agnes Tom} from {LOCATION:Hooper Bay} presents 9 mo old with failure to thrive. Mom {NAME:Rosalie Tom}; dad {NAME:Walter Naneng} works at the {FACILITY:Sea Lion Corporation} store. Seen by itinerant MD {DATE:Jan 27}. Chart {MRN:200418873}.""",
    # 48 letterhead with suite and ZIP+4
    """{FACILITY:Bayou Teche Internal Medicine, LLC}
{ADDRESS:1002 E Bridge St, Suite 3B}
{LOCATION:Breaux Bridge}, Louisiana {ZIP:70517-4810}
T {PHONE:337.332.8110}  F {FAX:337.332.8114}
{NAME:Octave J. Arceneaux}, MD  |  {NAME:Eulalie Broussard}, NP""",
    # 49 telehealth lowercase sms
    """hi its {NAME:janie} from {FACILITY:ganado clinic}. ur video visit w/ dr {NAME:benally} is tmrw {DATE:3/12} at 10. link: {URL:https://navajohealth.zoom.us/j/81244073316} meeting id {ACCOUNT:812 4407 3316}. if no signal go to the chapter house wifi. reply STOP to opt out""",
    # 50 home health directions
    """HH SN visit {DATE:06/02/2026}. Pt {NAME:Ferrell} "{NAME:Bud}" {NAME:Sizemore}. Directions: {ADDRESS:KY-80 E}, 2nd trailer past the {FACILITY:Dollar General} at {LOCATION:Bonnyman}, gravel drive, green gate. Son {NAME:Denzil} was there, {PHONE:606/438-2237}. LVAD controller SN {DEVICE:HM3-CTL-41928}.""",
    # 51 discharge instructions
    """Your next visits:
- Dr. {NAME:May} (heart) on Tue {DATE:3/3} at 9:40 AM, {FACILITY:Pikeville Medical Center} 3rd floor
- {NAME:Ruby Slone}, RD (diet) -- she will call you from {PHONE:606-218-4400}
Questions? Call the nurse line. Bring your pill bottles and your Medicaid card ({ACCOUNT:KY0087761230}).""",
    # 52 ALL CAPS registration, very old
    """NAME: {NAME:LANDRY, OPHELIA M}   DOB: {DATE:07/04/1922}   AGE: {AGE:103}Y
ADDR: {ADDRESS:RR 1 BOX 118}   {LOCATION:MAMOU}, LA {ZIP:70554}
PH: {PHONE:337-468-0031}   NOK: {NAME:LANDRY, CLOVIS} (SON) {PHONE:337-363-4417}
MCR: {ACCOUNT:7TR4-NK8-XQ21}""",
    # 53 date forms
    """Seen {DATE:3rd of May}? no -- chart says the {DATE:3rd of March}. Previous: {DATE:Feb. 14th}, {DATE:1/2/26}, {DATE:2025.12.19}, {DATE:Dec '25}. Next INR {DATE:March 17}.""",
    # 54 obfuscated email, nursing note
    """Daughter asked that records go to her email, spelled out: {EMAIL:mawmaw dot pearl at yahoo dot com}. Pt {NAME:Pearl Triplett} consented. Fax alternative {FAX:276-565-0098} (her work, {FACILITY:Wise County DSS}).""",
    # 55 vehicles
    """Pt was on a 4-wheeler (Honda Rancher, VIN {VEHICLE:1HFTE35A3K4300927}), no plate. His wife's car, white Dodge Ram LA tag {VEHICLE:Z482193}, parked in ambulance bay -- security asked to move it. Wife {NAME:Ruthie Guidry} aware.""",
    # 56 devices
    """Device check: Tandem t:slim X2 SN {DEVICE:1082947}; Dexcom G6 transmitter {DEVICE:8JRK4P}; Zoll LifeVest monitor serial {DEVICE:LV4-00918822}. Pt {NAME:Glen Hatfield}.""",
    # 57 prior auth, speech to text style
    """prior off request for {NAME:leon kills enemy} date of birth {DATE:one eleven sixty two} member i d {ACCOUNT:w as in william nine four four two one seven seven} for sublocade please fax decision to {FAX:six oh five eight six seven five five two one}""",
    # 58 work note
    """Return to work: {NAME:Siaosi Tuiasosopo} may return to the line at {FACILITY:StarKist Samoa} on {DATE:11/03}, no knife work x 2 wk. Employee # {ACCOUNT:E-30418}. -- {NAME:Losa Fonoti}, PA-C, {FACILITY:LBJ Tropical Medical Center}""",
    # 59 EMS with intersection
    """ALS 2 responded {DATE:12-24-25} 2305 ({DATE:Christmas Eve}) to {ADDRESS:Main St and Railroad Ave}, {LOCATION:Welch}. Pt {NAME:Denzil Lester}, {AGE:90}, fall. Bystander {NAME:Wanda} gave cell {PHONE:304-436-8921}. Transported to {FACILITY:Welch Community Hospital}. Crew: {NAME:T. Mullins}/{NAME:R. Short}.""",
    # 60 referral with drug names and doctor surnames that are eponyms
    """Referral: Mr. {NAME:Graves}'s Graves disease is uncontrolled -- please see him before {DATE:April 1}. Mr. {NAME:Wilson} (no relation to Wilson disease) is his PCP at {FACILITY:Bliss Family Medicine}, {PHONE:208-352-4411}.""",
    # 61 social work, shelter, Native
    """SW: Pt staying at {FACILITY:Cangleska Shelter} in {LOCATION:Kyle} since {DATE:Oct 30}. Cousin {NAME:Iron Cloud, Lorena} may take her in at {ADDRESS:Medicine Root Rd}, {LOCATION:Porcupine} -- no house numbers out there. Tribal enrollment # {ACCOUNT:OST-18827}.""",
    # 62 ECHO form, ages spelled
    """ECHO Dementia: 'Grandpa {NAME:Tecumseh}' is {AGE:ninety} -- no, {AGE:ninety-seven} per his grandson {NAME:Tate Spotted Elk}. Lives in {LOCATION:Lame Deer}. Wanders at night; found at the {FACILITY:Lame Deer Trading Post} at 2 am on {DATE:Dec 7}.""",
    # 63 IP + device log
    """Remote monitoring gateway for {NAME:Wren Doucet}: Merlin@home unit SN {DEVICE:EX1150-0384771}, last upload {DATE:2026-01-14} 03:22 from {IP:67.233.104.9}. Prior upload from {IP:192.168.1.44} (home router).""",
    # 64 pipe table with ALL CAPS and mixed
    """| Pt | Age | Town | Phone |
|---|---|---|---|
| {NAME:BEGAY, NORMAN} | {AGE:92} | {LOCATION:TUBA CITY} | {PHONE:928-283-4410} |
| {NAME:Yellowhair, Emma} | 71 | {LOCATION:Kayenta} | {PHONE:928.697.3321} |
| {NAME:nez, harold} | {AGE:96} | {LOCATION:shiprock} | {PHONE:505 368 1120} |""",
    # 65 lab requisition text
    """Please draw HCV RNA quant + genotype on {NAME:Ulysse Fontenot} (DOB {DATE:8/8/1948}) at {FACILITY:Savoy Medical Center} lab, {LOCATION:Mamou}. Order # {ACCOUNT:LR-5520913}. Bill Louisiana Medicaid {ACCOUNT:8800412967}. Results to {FAX:337-468-7721}.""",
    # 66 insurance letter, appeal
    """Appeal for {NAME:Hosteen Yazzie} (member {ACCOUNT:NNH004418227}), denied {DATE:9/9/25}. He lives 118 miles from {FACILITY:Flagstaff Medical Center}; the nearest dialysis is in {LOCATION:Chinle}. Signed, {NAME:Deswood Tsosie}, RN case manager, {EMAIL:dtsosie@navajo-nsn.gov}.""",
    # 67 school nurse
    """School nurse note ({FACILITY:Unalakleet School}): {NAME:Qannik Nanalook}, gr 3, seizure at recess {DATE:10/15}. Diastat given 1112. Mom {NAME:Martha} called {PHONE:907-624-3181}; medevac via {FACILITY:LifeMed Alaska}.""",
    # 68 chat with typos
    """{NAME:josh}: did the pharmcy get the rx for mrs {NAME:boudreax}?? shes at {ADDRESS:112 rue chretien}
{NAME:tanya}: yes sent to {FACILITY:walgreens} on {ADDRESS:evangeline thwy}
{NAME:josh}: her dob is {DATE:3/4/38} right not {DATE:4/3/38}
{NAME:tanya}: {DATE:3/4/38}""",
]


CLEAN = [
    "Hope this helps. Will recheck the INR Thursday and call if it is over 3.",
    "May consider Wilson disease workup: ceruloplasmin, 24-h urine copper, slit lamp for Kayser-Fleischer rings.",
    "Graves disease with ophthalmopathy; TRAb 4.2. Started methimazole 10 mg daily. Not a candidate for RAI per ophtho.",
    "Parkinson disease, Hoehn and Yahr stage 3. Carbidopa/levodopa 25/100 TID, Rytary considered. MoCA 22/30.",
    "Crohn disease, ileocolonic, on Stelara 90 mg q8wk. CRP 3.1, fecal calprotectin 210. SES-CD 7 on last scope.",
    "Bill the visit as 99214 with G2211. Bill to Medicaid; Medicare secondary.",
    "Pt is rich in family support. Frank discussion about goals of care held today with the team.",
    "Room 12, bed B. Tele box 14. Transfer to 4 North when a bed opens; report given at 1500.",
    "Dexcom G7 and Omnipod 5 in auto mode. TIR 68%, TBR 2%. A1c 7.4 from 9.1. Tandem Mobi discussed.",
    "Vitals: BP 142/88, HR 96, RR 18, T 37.9, SpO2 93% RA. Wt 88.4 kg, BMI 31.2.",
    "Suboxone 8/2 mg BID, COWS 6 at 0800. UDS + bup, - fentanyl. Next visit in 2 wks.",
    "Cushing vs pseudo-Cushing; late-night salivary cortisol x2, 1 mg dex suppression test.",
    "CHA2DS2-VASc 4, HAS-BLED 2. Eliquis 5 mg BID; Watchman not offered.",
    "Addison disease on hydrocortisone 15/5. Sick-day rules reviewed; Solu-Cortef 100 mg kit in the bag.",
    "Murphy sign positive. RUQ US: wall 5 mm, pericholecystic fluid. Tokyo grade II.",
    "Glasgow 14, NIHSS 3, ASPECTS 9. LKW 0630. tPA not given (outside window).",
    "Lyme serology negative; Rocky Mountain spotted fever IgG 1:128. Doxycycline 100 BID x 7 d.",
    "Valley fever titer 1:16. Fluconazole 400 daily. West Nile IgM negative.",
    "Pt from a small town, works as a farmer, lives with family. Grew up in the county. No identifying detail kept.",
    "Summer camp form signed. Autumn allergies worse. Spring flu shot missed; winter booster scheduled.",
    "The holidays were hard this year; around then her drinking increases. New Year resolution: quit dip.",
    "HCV GT 1a, RNA 3.4 million IU/mL, FIB-4 2.9, APRI 1.1, Child-Pugh A5, MELD-Na 9. Epclusa x 12 wks.",
    "Stevens-Johnson syndrome after lamotrigine in 2019; listed as allergy. Avoid carbamazepine.",
    "Guillain-Barre in 2011, full recovery. Bell palsy 2017. Ramsay Hunt ruled out.",
    "Hgb 8.1, MCV 72, ferritin 5, TSAT 4%. Venofer 200 mg x 5. Recheck CBC in 4 weeks.",
    "Tinel and Phalen positive on the right. EMG: moderate CTS. Cock-up splint nightly.",
    "Whipple 2022 for pancreatic NET; on Creon 36,000 with meals, 24,000 with snacks.",
    "Lot 3FK82A, exp 03/2027, NDC 0006-4119-03. VIS given. Left deltoid.",
    "ICD-10: K74.60, F11.20, E11.65, Z79.4. CPT 99215, 99417 x1.",
    "Apgars 8 and 9. G2P1102 at 37 2/7 wks. Ballard 37. Hep B given, vit K given.",
    "The patient is 89 years old and lives alone. At 88 she still drove.",
    "Hunter syndrome, Hurler syndrome and Scheie syndrome were all excluded by enzyme assay.",
    "ResMed AirSense 11, AHI 3.1 on 8-14 cmH2O, 94% compliance >4 h. Mask: F20 medium.",
    "Medtronic 780G, SmartGuard 91%. Guardian 4 sensor. Carb ratio 1:10, ISF 1:45, target 110.",
    "Hoyer lift, 2-assist. Braden 11, Morse 70. Turn q2h. Waffle boots.",
    "Cheyne-Stokes at night; Kussmaul on admission with pH 7.08. Anion gap 28.",
    "Child seen for Kawasaki disease follow-up; echo normal Z-scores. Aspirin stopped.",
    "Temp 38.4 at 2200, cultures x2, lactate 2.8, 30 mL/kg bolus. Zosyn 4.5 g q6h. Vanc per pharmacy.",
    "Patient prefers Spanish; interpreter line used. Teach-back done. Gave Narcan 4 mg and fentanyl test strips.",
    "Stage 2 pressure injury sacrum, 3 x 2 cm. Mepilex. Wound RN to see Wed and Sat.",
    "Comfort care only per goals-of-care meeting. Chance of meaningful recovery is low; family understands.",
    "Plain film negative. Story is consistent with a mechanical fall. Success with the first IO attempt.",
    "She finds bliss in beading and church. Hope and faith are big supports for her.",
    "Called 911 from home; crisis line 988 given. Safety plan completed, lethal means counseling done.",
    "CALLED PHARMACY, SUBOXONE 8-2 MG FILMS ON BACKORDER UNTIL NEXT WEEK. SUBUTEX 8 MG SUBSTITUTED X 7 DAYS.",
    "pt states hes been clean 90 days. wants to go back to work at the mine. ok to return w/ no restrictions?",
    "Lantus 30 units at 2100, Humalog 1 unit per 10 g carbs, correction 1:40 > 150. Fingersticks QID.",
    "Transfer to ICU bed 9 from ED room 22 at 0345. Report from night RN. Tele strip: sinus tach 118.",
    "Model 5076 lead, 52 cm; Model 3830 SelectSecure. Azure XT DR MRI W1DR01. No serials in this note.",
    "Temp 35.2 after 6 hours outside in -20 F at fish camp. Warmed with Bair Hugger. Frostbite grade 2 on 3 toes.",
    "Ages of household members: 4, 9, 15, 38, 61 and 88. Six people in a two-bedroom home; wood stove heat.",
    "Veterans Crisis Line offered. VA community care referral placed. PTSD PCL-5 of 52.",
    "Huntington disease in the family? No. Tourette? No. Marfan features absent; Beighton 2/9.",
    "Bring this form to the front desk. Appointment reminder texts will come from the clinic's system.",
    "Jones criteria met: carditis, polyarthritis. ASO 800. Bicillin LA 1.2 million units IM monthly.",
    "Ranson 3 at 48 h, BISAP 2. Lipase 3,400. NPO, LR at 250 mL/h, pain control, no antibiotics.",
    "Meds given at 0800, 1200, 1600 and 2000. Morning weight 72.6 kg, evening 73.1 kg. I/O +1.2 L.",
    "Summer heat index 104 F at work; heat exhaustion. Will rest in the shade, 1 L water per hour.",
]
