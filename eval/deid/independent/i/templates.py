"""Passage templates for set I (syntax in make_set.py).  IDENT: identifier passages, each used
five times with fresh values; HAND: hand-written one-off passages; CLEAN: hard negatives."""

IDENT = [
("reg-header", """
PATIENT REGISTRATION -- <<ADMITTING|OUTPATIENT|EMERGENCY>>
Name: {LF:a}      Sex: {FM:a}      DOB: {dob_us}
MRN: {mrn}   Acct#: {acct}
Address: {street}, {town_us}, <<NM|AZ|MT|SD|KY>> {zip}
Home ph: {phone_us}   Cell: {phone_us}
Guarantor: {full:g~a} (<<spouse|parent|adult child>>)   SSN: {ssn}
Ins: <<Medicaid|Medicare Advantage|BCBS>>  Member ID {acct}
PCP: Dr. {full:d}   Referring facility: {hosp}
"""),
("reg-header-uk", """
<<PAS|iPM|Lorenzo>> DEMOGRAPHICS
Surname: {LAST:a}    Forename(s): {first:a}    Title: {title:a}
DoB: {dob_uk}    NHS No: {nhs}    Hosp No: {mrn}
Address: {street}
         {town_gb}
         {pc_gb}
Tel (home): {phone_uk}   Mobile: {phone_uk}
GP: Dr {init:g}, {clinic}
NOK: {full:k~a} (next of kin) {phone_uk}
"""),
("pipe-table", """
| Name | DOB | MRN | Town | Phone |
|------|-----|-----|------|-------|
| {full} | {dob_iso} | {mrn} | {town} | {phone} |
| {lf} | {dob_us} | {mrn} | {town} | {phone} |
| {full} | {dob_uk} | {mrn} | {county} | {phone} |
Notes: {n_score} for row 2; {n_drug} started.
"""),
("csv-export", """
patient_id,last_name,first_name,dob,zip,insurance_id,last_visit
{mrn},{last},{first},{dob_iso},{zip},{acct},{date_iso}
{mrn},"{lf}",,{dob_us},{zip},{mbi},{date_us}
{mrn},{LAST},{first},{dob_compact},{pc_ca},{acct},{date_compact}
"""),
("tsv-roster", """
ECHO roster export (tab separated)
Name\tRole\tSite\tEmail\tPhone
{full}\t<<RN|NP|CHW|MD|PharmD>>\t{clinic}\t{email}\t{phone}
{fml}\t<<RN|NP|CHW|MD|PharmD>>\t{hosp}\t{email}\t{phone}
{lower}\t<<RN|NP|CHW|MD|PharmD>>\t{clinic}\t{email}\t{phone}
"""),
("discharge", """
DISCHARGE SUMMARY
Patient: {full:a}    MRN {mrn}    Admitted: {date_long}    Discharged: {date_long}
Attending: {full:d}, MD
{first:a} is a <<70|68|81|59>>-year-old with {n_epo} and {n_epo} admitted from {nh} with {n_lab} and {n_lab}.
Course: treated with {n_drug}. {n_score}. Mobilising with the physio {n_when}.
Follow-up: {clinic} with Dr. {last:e} on {date_mon_day}; call {phone} with questions.
Discharged to <<home with daughter|son's house|respite>> at {street}, {town}.
"""),
("discharge-old", """
Discharge note -- {date_ukl}
{full:a}, a {age90}-year-old <<{woman:a}|retired farmer|retired teacher>> from {town}, was admitted on {date_ukl} after a fall at {nh}.
Past history: {n_epo}, {n_epo}. {n_lab}.
{first:a} lives with {her:a} <<son|nephew|grandson>> {full:kM~a}; contact {phone}.
Plan reviewed by Dr {last:d} ({hosp}).
"""),
("nursing", """
<<0700|1900|2300>> nursing note. Pt {last:a}, {first:a} in {n_room}. Alert, oriented x3. {n_lab}, {n_lab}.
{n_epo}. {n_drug} given as charted. Wife {first:wF} visited, asked that updates go to {phone} or {email:wF}.
Pt says {her:a} dog is being minded by neighbour {full} at {street}. {nick:a} prefers to be called "{nick:a}".
-- {init:n}, RN
"""),
("nursing-lower", """
pm shift: pt {lower:a} resting, c/o pain {n_score}. {n_drug}. daughter {lowerf:kF~a} rang from {town} ({phone}) wants callback
before <<8pm|2100|nine>>. dr {last:d} aware. foley draining, {n_lab}. {n_when} pt told staff {she:a} was born {dob_long}. -{lowerf:n}
"""),
("referral-letter", """
{clinic}
{street}
{town_gb}
{pc_gb}
Tel {phone_uk}   Fax {fax_uk}

{date_ukl_ord}

Dear Dr {last:d},

Re: {fml:a}, DOB {dob_uk}, {street}, {town_gb}, NHS {nhs}

Thank you for seeing this <<pleasant|lovely|anxious>> <<62|74|47|55>>-year-old {lady:a} with {n_epo}. {n_lab}. {She:a} takes {n_drug}.
{Her:a} spouse {full:k~a} will accompany {him:a}.

Yours sincerely,
Dr {full:g}
GMC {gmc}
"""),
("referral-ie", """
{clinic}, {town_ie}, {county}. {eircode}
Ph: {phone_ie}  Fax: {fax_ie}

{date_ukl}
Referral to {hosp} -- <<Rheumatology|Memory Clinic|Endocrinology|Cardiology>>
Patient: {full:a}   DOB: {dob_dot}   MRN {mrn}   PPSN {ppsn}
Address: {street}, {town_ie}
{first:a} has {n_epo}; {n_lab}; {n_score}. Medical card no. {acct}.
Dr {full:g}, MCRN {lic}
"""),
("phone-encounter", """
TELEPHONE ENCOUNTER {date_us} <<10:42|15:05|08:15|16:30>>
Caller: {full:c} (<<daughter|son|caregiver|neighbor>>) re: {full:a}, DOB {dob_us}
Callback #: {phone}
{first:c} reports {mom:a} had {n_lab} this morning. Taking {n_drug}. Advised ED if worse.
She also asked to update the address to {street}, {town_us} {zip}.
Routed to {full:d}, <<NP|PA-C|MD>>.
"""),
("echo-case", """
ECHO CASE PRESENTATION FORM -- <<Hep C|OUD|Diabetes|Geriatrics|Chronic Pain>> TeleECHO
Presenter: {full:p}, {clinic}
Date of session: {date_long}
Patient initials: [[<<A.B.|J.R.|M.T.|K.L.|S.O.|D.W.>>|NAME]]  Age: <<58|63|44|71|36>>   County: {county}
Chief question: how to manage {n_epo} with {n_drug}?
History: {n_lab}; {n_lab}; {n_score}. {n_gene}.
Other: patient works at {employer} and is seen at {pharm} for refills.
Contact presenter at {email:p} or {phone}.
"""),
("echo-case-leaky", """
TeleECHO case <<#2|#3|#1>> -- submitted by {full:p}
Please de-identify before submitting!
Pt is {full:a} ({init:a}), DOB {dob_my_num}... sorry meant to remove. Lives in {town} near {school} where {her:a} grandson attends.
Dx {n_epo}, {n_code}. {n_lab}. Seen at {hosp} ED on {date_us}.
Presenter phone {phone}
"""),
("pharmacy-msg", """
FROM: {pharm} -- {street}, {town} -- ph {phone} fax {fax}
TO: Dr. {full:d} (NPI {npi}, DEA {dea})
RE: {full:a}   DOB {dob_us}   Rx# [[<<6021447|5519308|7784120|4410937|9016652>>|ACCOUNT]]
Prior auth required for {n_drug}. Alternative {n_drug}? Please fax back to {fax}.
Pharmacist: {full:h}, PharmD, Lic {lic}
"""),
("pharmacy-mx", """
Farmacia: {pharm}, {street_mx}, {town_mx}, C.P. {cp_mx}. Tel. {phone_mx}
Receta para: {full:a}    Fecha: {date_es}
Médico: Dr. {full:d}   Cédula Prof. {cedula}
{n_drug}. Surtir 30 días. CURP del paciente: {curp}
"""),
("consult-request", """
CONSULT REQUEST -- <<Nephrology|ID|Palliative Care|Psychiatry|Wound Care>>
Requesting: {full:d}, <<MD|DO|NP>> (pager {phone})   Date: {date_iso}
Patient: {LF:a}   MRN: {mrn}   Enc/FIN: {acct}   {n_room}
Question: {n_epo}? {n_lab}. {n_lab}. Already on {n_drug}.
Please call {first:d} on {phone} or secure e-mail {email:d}.
"""),
("social-work", """
SOCIAL WORK NOTE
Met with {first:a} and {her:a} partner, {full:k}, at bedside. {first:a} was
employed at {employer} until {date_my}; lost coverage. Applied for Medicaid, case # {acct}.
Housing: currently staying at {street}, {town}; landlord {full:l} ({phone}) gave notice on {pdate}.
Transport: {her:a} truck (plate {plate}) was repossessed. Referred to {clinic} food bank.
Children attend {school}. CPS worker {full:w}, {phone}.
"""),
("ed-triage", """
ED TRIAGE {date_caps} <<0214|1347|2250|0605>>
{LF:a}  {age90}{FM:a}  MRN {mrn}
Arrived by EMS from {nh}. CC: fall, {n_lab}, {n_lab}. ESI <<2|3>>.
Hx {n_epo}. Meds: {n_drug}. Allergies: <<NKDA|penicillin|sulfa>>.
Contact: {full:k~a} ({phone}).
"""),
("ed-triage-mva", """
ED triage -- MVC. {full:a}, <<34|27|52|19>> y/o driver, restrained. Vehicle: <<2014 Ford F-150|2009 Toyota Hilux|2017 Ram 2500|2011 Honda Civic>>,
VIN {vin}, plate {plate}. Other driver {full:o} (DL {dl}) transported to {hosp}.
State trooper {full:t} at scene. {n_lab}. GCS 15.
"""),
("home-health", """
HOME HEALTH VISIT -- {date_wd_us}
Pt: {full:a}, {street}, {town_us} {zip}. Gate code and dog noted. Directions: <<second driveway past the church|last house on the left after the cattle guard|blue trailer behind the feed store>>.
{n_lab}; {n_lab}. Wound <<3 x 2 cm|1.5 cm|4 x 4 cm>> on left heel, {n_epo}.
O2 concentrator serial {serial} checked. CPAP SN {serial}.
Caregiver {full:c} ({phone}). Next visit {date_mon_day}. -- {full:n}, RN
"""),
("email-thread", """
From: {full:x} <{email:x}>
Sent: {date_wd}, <<9:14 AM|3:52 PM|11:07 AM>>
To: {full:y} <{email:y}>
Cc: {email}
Subject: RE: {init:a} -- <<labs|follow up|ECHO case|meds>>

Hi {first:y},
Saw {first:a} again today -- {n_lab}, {n_score}. {She:a}'s still at {nh}. Can you move {him:a} to the {date_mon_day} clinic?
Thanks, {first:x}
{full:x} | {clinic} | {phone} | fax {fax}
"""),
("es-note", """
Nota de evolución -- {date_es}
Paciente: {full:a}, {sexo:a}, fecha de nacimiento {dob_es}. Expediente {mrn}.
Domicilio: {street_mx}, {town_mx}, C.P. {cp_mx}. Tel. {phone_mx}
Acompañada por su <<hija|nuera|hermana>> {full:kF~a}. NSS {nss}.
{n_lab}. {n_drug}. Cita en {hosp} el {date_es}.
"""),
("es-mixed", """
Pt speaks Spanish only; interpreter {full:i} used.
Pt {full:a} says "vivo con mi hija {first:kF} en {town_mx}, pero estoy aquí con mi hermano en {town_us}".
Daughter's phone {phone_mx}. {n_lab}. Plan: {n_drug}, return {date_md}.
"""),
("device-check", """
DEVICE CLINIC -- remote transmission {date_iso}
Patient: {full:a}   DOB {dob_iso}   MRN {mrn}
Device: <<Medtronic Azure XT DR|Boston Scientific Accolade|Abbott Assurity|Biotronik Edora 8>>, serial {serial}; RA lead SN {serial}; RV lead SN {serial}
Battery 8.5 years. {n_lab}. Underlying {n_epo}? No AF burden.
Reviewed by {full:d}, <<CDS|RN|MD>>.
"""),
("diabetes-tech", """
Diabetes tech visit ({date_us}). {first:a} {last:a} brought the pump: <<t:slim X2|Omnipod 5|MiniMed 780G>> SN {serial}, CGM transmitter {serial}.
{n_lab}. Time in range <<62|71|48|80>>%. Pump account username: {email:a}. Pump upload via {ip} from home wifi.
School nurse at {school} ({phone}) to receive plan. {n_drug}.
"""),
("it-ticket", """
IT ticket -- portal login failure
User: {full:a} ({email:a})   Patient portal acct: {acct}
Source IP {ip}, also seen from {ip} on {date_iso}.
Called user back at {phone}. Reset MFA. Linked record MRN {mrn}.
"""),
("fax-cover", """
*** FAX ***   {hosp}
To: {full:d} at {clinic}        Fax: {fax}
From: {full:f}                  Phone: {phone}   Fax: {fax}
Date: {date_us}   Pages: <<3|5|12|2>>
RE: {LF:a}   DOB: {dob_us}
CONFIDENTIALITY NOTICE: This fax contains protected health information. If received in error call {phone}.
"""),
("billing", """
Billing note: statement for {full:a}, acct {acct}, returned undeliverable from {street}, {town_us} {zip}.
Updated address per pt call {date_dash}: {rural}, {town_us} {zip}. Insurance: Medicare MBI {mbi}; secondary {acct}.
Claim {acct} denied, {n_code}. Guarantor SSN ending [[<<4471|0937|6619|2284|8053>>|SSN]].
"""),
("partial-ids", """
Verified identity with two identifiers: last 4 of SSN {ssn4} and date of birth {dob_long}.
MRN ending in [[<<2291|7734|0468|5512|9087>>|MRN]], card ending [[<<3391|8820|1176|4409|6658>>|ACCOUNT]].
Patient {full:a} confirmed {she:a} still lives on {street}.
"""),
("visitor-abroad", """
Visitor from the UK, travelling with <<his wife|her husband|family>>. {full:a}, DOB {dob_uk}.
Home address {street}, {town_gb}, {pc_gb}. NI number {nino}.
Travel insurer policy {acct}; insurer hotline {phone_uk}. Local contact at hotel: {phone_us}.
{n_lab}. {n_epo}.
"""),
("visitor-au", """
Tourist from <<Queensland|NSW|WA>>, on a road trip. {full:a} ({nick:a}), DOB {dob_uk_short}.
Home: {street}, {town_au} <<QLD|NSW|WA>> {pc_au}. Mobile {phone_au}. Medicare card {acct}.
GP back home: Dr {full:d}, {clinic}, AHPRA {lic}. Email results to {email:d}.
"""),
("visitor-ca", """
Canadian snowbird. {full:a}, born {dob_long}, {rural}, {town_ca}, <<SK|MB|ON|NL>> {pc_ca}. SIN {sin} (pt volunteered; do not store).
<<OHIP|Sask Health|MB Health|MCP>> card {acct}. Son {full:kM~a} in {town_ca}: {phone_ca}.
{n_epo}; {n_score}.
"""),
("nh-note", """
{nh} -- Resident progress note, {date_mon}
Resident: {full:a} (room <<12|4B|22|7>>), aged {age90}.
Daughter {full:kF~a} visited from {town}; POA is son {first:sM~a} ({phone}).
{n_lab}. {n_score}. Hearing aid serial {serial} lost; replacement ordered from {clinic}.
Dr {last:d} reviewed on {date_mon}.
"""),
("medrec", """
MEDICATION RECONCILIATION -- {full:a} -- {date_us}
{n_drug}
{n_drug}
{n_drug}
Prescriber: {full:d}, DEA {dea}, NPI {npi}
Dispensing pharmacy: {pharm}, {phone}
Last fill {date_md}; Rx# [[<<RX-881204|RX-770913|RX-662018|RX-554407|RX-443391>>|ACCOUNT]]
"""),
("intake-box", """
+---------------------------------------+
| NEW PATIENT INTAKE                     |
| Name: {full:a}                          |
| DOB: {dob_dot}   Age: <<38|52|66|71>>       |
| Addr: {street}                          |
|       {town_us} {zip}                      |
| Emergency contact: {full:k~a}           |
|   {phone}                               |
| Employer: {employer}                    |
| Driver's lic: {dl}                      |
+---------------------------------------+
"""),
("telehealth", """
Telehealth visit {date_long} via {url_meet}. Patient joined from {her:a} <<kitchen|truck|sister's house>> in {town} (IP {ip}).
{full:a} verified by DOB {dob_us}. {n_lab}; {n_score}. Next link will go to {email:a}.
Provider: {full:d}, {hosp}.
"""),
("family-hx", """
Family history: father {full:fM~a} died {date_my} of {n_epo} (obituary: {url_obit}). Mother {first:mF~a}, {age90}, lives at {nh}.
Sister {fml:sF~a} -- {n_gene} positive, followed at {hosp}. Brother {nick:bM~a} lost touch, last heard in {town}.
"""),
("soap", """
S: {first:a} c/o <<cough|dizziness|back pain|low mood>> {n_dur}. {n_score}.
O: {n_lab}, {n_lab}. {n_epo}.
A/P: {n_code}. Start {n_drug}. RTC {date_wd_us}.
Electronically signed: {full:d}, <<MD|DO|FNP-C|PA-C>>, Lic # {lic}, {date_us} <<14:22|09:03|17:41>>
"""),
("ranch-injury", """
Injury at {employer}, {rural}, {county}. {full:a}, <<41|29|57>>, thrown from horse while working cattle for owner {full:o}.
Brought in by neighbor in <<red|white|grey>> <<Chevy|Ford|Dodge>> pickup, plate {plate}. {n_lab}. Workers' comp claim {acct}.
Employer contact {phone}.
"""),
("dialysis", """
Dialysis run sheet -- {clinic} -- {date_mon}
Pt: {LF:a}   Chair <<3|7|11>>   Machine SN {serial}
Pre wt <<72.4|88.1|65.0>> kg, {n_lab}, {n_lab}. Access: L AVF, {n_epo} noted.
Transport by {full:t}, <<Bluebird|Sunrise|Tri-County>> Medical Transport, {phone}.
RN: {init:n}
"""),
("word-names", """
Met with {wname_f:h} {last:a} and her son {wname_m:s} {last:a}. Son says he hopes <<she|mum>> will try {n_drug}.
{wname_f:h} declined; will discuss with Dr. {wlast} at {clinic}. {n_word}.
"""),
("lab-req", """
LAB REQUISITION  Accession {acct}
Patient: {LF:a}   DOB {dob_us}   Sex {FM:a}   MRN {mrn}
Ordering: {full:d} (NPI {npi})   Bill to: {acct}
Collected {date_us} <<07:40|10:15|13:05>> at {clinic}, {town}
Tests: CMP, {n_lab}, {n_code}. Copy to {full:e}, fax {fax}
"""),
("caps-legacy", """
PT NAME: {LF:a}  DOB: {dob_caps}  SSN: {ssn}
ADDR: {street} {town_us} {zip}
ADM: {date_caps}  DISCH: {date_caps}  ATT: {LF:d}
DX: {n_code}
"""),
("obit-link", """
Bereavement call. {full:a} died {date_long} at {hosp}. {Her:a} partner {first:w~a} asked that the team see the tribute page {url_obit}
and the fundraiser {url_fund}. Funeral at {town} on {date_ord_us}. {first:w~a} can be reached at {phone} or {email:w}.
"""),
("chat", """
[<<09:12|13:40|22:05>>] {first:x}: anyone know the fax for {hosp}?
[<<09:13|13:41|22:06>>] {first:y}: {fax}
[<<09:15|13:43|22:08>>] {first:x}: ty. also {full:a} (bed <<4|12|9>>) -- family wants call to {phone}
[<<09:16|13:44|22:09>>] {first:y}: ok, I'll tell Dr {last:d}
"""),
("school-nurse", """
School health office, {school}. Student {full:a}, grade <<3|7|10>>, DOB {dob_us}. Mom {full:mF~a} picked up at <<11:30|1:15>>.
{n_epo}? {n_lab}. Epi-pen lot expired. Parent work phone {phone} ({employer}).
"""),
("court-order", """
Received court order (docket [[<<D-1022-PQ-2025-00417|2025-JV-00183|CV-24-00918|JD-2024-0211|FAM-25-3307>>|ACCOUNT]]) re: {full:a}, DOB {dob_long}.
Guardian ad litem {full:g}, {phone}. Mother {full:mF~a} to have supervised visits at {clinic}.
"""),
("prior-auth", """
PRIOR AUTHORIZATION REQUEST
Member: {full:a}   Member ID: {acct}   Group: <<employer plan|state plan>>   DOB: {dob_iso}
Prescriber: {full:d}   NPI: {npi}   Phone: {phone}   Fax: {fax}
Drug: {n_drug}. Codes: {n_code}. Tried and failed {n_drug}.
"""),
("hie-alert", """
HIE ADT ALERT {date_compact}: {LF:a} ({age90} y) admitted to {hosp}, MRN {mrn}. Facility ph {phone}. Source system {ip}.
Prior encounter at {hosp} on {date_iso}.
"""),
("vaccine", """
Immunization record for {full:a}, DOB {dob_mon}: <<Shingrix|Tdap|PCV20|influenza>> given {date_mon} at {pharm} by {full:v}, <<RPh|RN>>.
Registry ID {acct}. Next dose due {date_my}.
"""),
("ambulance", """
PCR #{acct} -- Unit <<Medic 7|Rescue 2|Ambulance 14>>
Pickup: {rural}, {county}. Pt {full:a}, {age90}. Found on floor by neighbor {first:n} ({phone}).
{n_lab}, {n_lab}, {n_score}. Transported to {hosp}. Crew: {init:c}, EMT-P; {init:e}, EMT.
"""),
("research", """
Study screening log: subject {init:a} (MRN {mrn}) consented {date_iso}. Contact pref: text {phone}.
Study coordinator {full:c}, {email:c}. {n_gene}; {n_lab}. Enrolled at {hosp} site.
"""),
("hospice", """
Hospice admission. {full:a}, {age90w}-year-old, lives alone at {rural}, {town}. Nephew {full:kM~a} is primary contact, {phone}.
Hospital bed serial {serial} delivered {date_mon_day}. {n_epo}; {n_score}.
"""),
("crowdfund", """
SW follow-up: family has started a fundraiser for {first:a}'s travel to {hosp} ({url_fund}) and shares updates at {url_media}.
Sister {full:sF~a} drives <<a green Tacoma|an old Corolla|a white Transit van>>, plate {plate}; parking permit requested from {date_mon_day}.
"""),
("portal-message", """
Patient portal message received {date_long} from {full:a} (login from {ip}):
"hi Dr {last:d}, here is the video of my <<seizure|tremor|husband's breathing at night>> {url_media} and the photos {url_media}. my new cell is {phone}. thx {nick:a}"
"""),
("parking-permit", """
Disabled parking placard form -- {clinic}
Applicant: {fml:a}   DOB {dob_us}   Driver licence {dl}
Vehicle: <<2016 Buick Enclave|2019 Subaru Forester|2008 Chevy Silverado|2021 Kia Niro>>, plate {plate}, VIN {vin}
Certifying clinician: {full:d}, Lic {lic}. Condition: {n_epo}, {n_score}.
"""),
("police-hold", """
Security log {date_iso} <<0312|2247|1930>>: {full:a} brought in by <<Tribal PD|RCMP|Gardaí|county deputies>> on a hold. Officer {full:o}.
Patient's car (<<black|maroon|silver>> sedan, plate {plate}, VIN {vin}) towed to {employer} lot. Belongings bag tag given to {first:a}.
"""),
("dental", """
Dental clinic referral. Pt {fml:a}, DOB {dob_us_short}. Plan {acct}. Dentist Dr. {full:d} (lic {lic}), {clinic}.
Notes: {n_drug}, {n_lab}. Parent cell {phone}.
"""),
]

HAND = [
("hand-ocr", """
P A T I E N T   L A B E L
[[WHELAN-RIORDAN, TERESA|NAME]]   D.O.B. [[O4/1I/1951|DATE]]   SSN [[4O7-22-83l9|SSN]]
UNIT NO. [[O0 77 21 36|MRN]]   ADM [[O9/O3/2O25|DATE]]
"""),
("hand-voicemail", """
Voicemail transcribed: "hi this is [[bernadette|NAME]] calling for my dad [[tomás ó loingsigh|NAME]], his birthday is
[[the twelfth of june nineteen forty|DATE]], can someone ring me back on [[oh eight seven, four four one, two two nine oh|PHONE]], thanks"
"""),
("hand-mile-marker", """
Directions for EMS: [[mile marker 14 on Hwy 191|ADDRESS]], turn at the [[Tsinajinnie|NAME]] hogan, third gate. Pt [[Loretta Tsinajinnie|NAME]]
has no phone; leave message with chapter house at [[(928) 729-4470|PHONE]].
"""),
("hand-ipv6", """
audit: user=[[mhegarty|NAME]] src=[[2a01:4b00:8f21:1c00:9d4e:2a77:e0c1:5b3f|IP]] action=view_chart mrn=[[KJ7782143|MRN]] ts=[[2025-08-19|DATE]]T04:11:09Z
"""),
("hand-at-dot", """
Daughter's email is [[siobhan dot kealy at eircom dot net|EMAIL]] -- she said to spell it out so it doesn't bounce.
"""),
("hand-spanish-header", """
HOJA DE REFERENCIA -- [[Hospital Comunitario de Tlalchapa|FACILITY]]
Nombre: [[Eulalia Guerrero Mondragón|NAME]]   Edad: 46   Fecha: [[3/oct/2025|DATE]]
Domicilio conocido, [[Rancho El Zapote|LOCATION]], Mpio. de [[Cutzamala de Pinzón|LOCATION]]
"""),
("hand-footer", """
Page 2 of 3 -- [[MCGOLDRICK, PEADAR J|NAME]] -- MRN [[0448201|MRN]] -- printed [[11/14/2025|DATE]] by [[kbyrne2|NAME]]
"""),
("hand-initials", """
Seen with Dr. [[E. A. Ní Fhloinn|NAME]]. Pt ([[J.P.K.|NAME]]) lives at [[Apt 3, 12 Kilmainham Gaol Vw|ADDRESS]].
"""),
("hand-wristband", """
WRISTBAND REPRINT  [[KOWALCZYK, HALINA|NAME]]  F  [[97|AGE]]Y  [[1928-02-29|DATE]]  [[MR0042913|MRN]]  ALLERGY: LATEX
"""),
("hand-plate-chat", """
security: silver Subaru Outback Ontario plate [[CBXR 419|VEHICLE]] parked in ambulance bay again, belongs to visitor of Mr. [[Ahanonu|NAME]]
"""),
("hand-fb", """
Mum posted about the diagnosis on [[facebook.com/groups/prayersforaoibhe|URL]] and set up [[paypal.me/aoibhesjourney|URL]].
"""),
("hand-signature-image", """
/s/ [[Okonjo-Kelleher|NAME]], [[Chinonso|NAME]] MB BCh BAO, MICGP, IMC [[418832|LICENSE]]   [[29/02/2024|DATE]]
"""),
("hand-ip-pair", """
VPN log: [[100.64.12.7|IP]] -> [[203.0.113.251|IP]] session for [[deirdre.mac|NAME]] ok
"""),
("hand-house-name", """
Home visit address: [[Rose Cottage, Hollow Lane|ADDRESS]], [[Little Snoring|LOCATION]], [[Norfolk|LOCATION]] [[NR21 0HX|ZIP]]. Key safe code given verbally.
"""),
("hand-townland", """
Lives in the townland of [[Cloonagh|LOCATION]], outside [[Ballymote|LOCATION]], [[Co. Sligo|LOCATION]], [[F56 K2X7|ZIP]]. Brother-in-law [[Mattie Gilhooly|NAME]] farms next door.
"""),
("hand-remote-au", """
c/- Post Office, [[Yuendumu|LOCATION]] NT [[0872|ZIP]]. Pt [[Jeannie Nungarrayi|NAME]] is staying at her aunty's house, [[Lot 214|ADDRESS]], near the store.
"""),
("hand-date-range", """
Admitted [[3-7 March 2025|DATE]] for cellulitis; readmitted [[Christmas Eve 2024|DATE]]? No -- that was the previous year. DOB b. [[2/29/52|DATE]].
"""),
("hand-birthday", """
Staff sang for Mrs. [[Ptolemy|NAME]]'s [[102|AGE]]nd birthday on [[June 9th|DATE]]; she says she was born "the year the river flooded", [[9 January 1923|DATE]].
"""),
("hand-display-name", """
From: "Mags" <[[mags.ocallaghan@gmail.com|EMAIL]]>
Re: Dad's appt -- can you ring me on [[+353 86 771 4419|PHONE]] rather than the landline
"""),
("hand-bitly", """
Video of the episode here: [[bit.ly/3xQzT7v|URL]] (his wife recorded it on [[Sunday 14 September|DATE]]).
"""),
("hand-barcode", """
*[[00482913|MRN]]*   [[HALVORSEN, BIRGIT M|NAME]]   F/[[91|AGE]]   ENC [[2509180044|ACCOUNT]]
"""),
("hand-fax-header", """
[[Sep 03 2025|DATE]] 14:02  FROM: [[5057221188|FAX]]  TO: [[9286742210|FAX]]  P.001/004
"""),
("hand-mac-imei", """
Remote monitoring kit for Mr. [[Tuilagi|NAME]]: hub MAC [[00:1B:44:11:3A:B7|DEVICE]], cellular modem IMEI [[356938035643809|DEVICE]], scale SN [[WS-09-221873|DEVICE]].
"""),
("hand-store-number", """
Works nights at [[Kwik Trip #1147|FACILITY]] in [[Tomah|LOCATION]]; manager [[Deb Schaller|NAME]] okayed the time off.
"""),
("hand-rego", """
Arrived in her son's ute, rego [[1HJ-7KW|VEHICLE]]; son [[Kyle Ngatai|NAME]] waited in the car park.
"""),
("hand-licence-lapsed", """
Note: nurse [[Fenella Mortimer|NAME]]'s licence ([[RN-2231487|LICENSE]]) lapsed [[30 June|DATE]]; CDL for patient transport [[CDL A 0448-221-907|LICENSE]] expires [[11/2026|DATE]].
"""),
("hand-possessive-caps", """
Spoke with MRS [[O'HANLON|NAME]] re her husband's results. [[DERMOT O'HANLON|NAME]]'s potassium was 6.1 yesterday.
"""),
("hand-particles", """
Case discussed with [[pieter van den berg|NAME]] and [[Anneke de Vries-Mulder|NAME]] (pharmacist, [[Apteka Pod Orłem|FACILITY]]).
"""),
("hand-turned-90", """
pt turned [[90|AGE]] last week, family party at the Elks Lodge in [[Raton|LOCATION]]; grand-daughter [[Kaylee|NAME]] ([[575-445-0193|PHONE]]) is the main carer now.
"""),
("hand-soc-sec", """
Soc Sec No [[518 44 2096|SSN]]   Medicaid ID [[NM0022917304|ACCOUNT]]   Tribal enrolment card seen (number not recorded).
"""),
("hand-apdo", """
Correspondencia: [[Apdo. Postal 118|ADDRESS]], [[Pátzcuaro|LOCATION]], Mich. C.P. [[61600|ZIP]]. Tel. de la vecina, Doña [[Chela|NAME]]: [[434 342 0917|PHONE]].
"""),
("hand-nonagenarian-word", """
Age given as [[ninety-seven|AGE]] at triage; chart says [[ninety-eight|AGE]], DOB [[4th Feb 1927|DATE]].
"""),
("hand-slide", """
Slide 3 of 11  |  Case: "[[Uncle Joe|NAME]]" (pseudonym requested)  |  [[Tohatchi Health Center|FACILITY]] referral  |  presenter: [[dr. yellowhair|NAME]]
"""),
("hand-signature-block", """
--
[[Róisín Ní Mhurchú|NAME]] RGN, CNM2
Clinical Nurse Manager, [[St. Attracta's Residential Centre|FACILITY]]
[[(094) 986 2214|PHONE]] | [[roisin.nimhurchu@hse.ie|EMAIL]]
"""),
("hand-ip-in-url", """
PACS viewer link sent by mistake: [[http://10.18.4.22:8080/viewer?patient=Q7731920|URL]] -- recalled within the hour.
"""),
("hand-pager-text", """
PAGE 0417: pls call [[Hughie|NAME]]'s wife re DNR, [[07 4651 2230|PHONE]], pt in bed 6. -[[Ravi|NAME]]
"""),
("hand-lower-run-on", """
seen w/ mum [[kerry-ann tulloch|NAME]] & nan who lives [[6 wonga st|ADDRESS]] [[moree|LOCATION]], both want results sent to [[kaz.tulloch88@bigpond.com|EMAIL]] not the gp
"""),
("hand-nickname", """
"Call me [[Tiny|NAME]]," says the 6'5" patient, real name [[Ambrose Delacroix-Fontaine|NAME]], of [[Ville-Marie|LOCATION]].
"""),
]

CLEAN = [
("c-progress", """
Progress note. {n_age} with {n_epo} and {n_epo}. {n_lab}; {n_lab}; {n_lab}. {n_score}.
Plan: continue {n_drug}; add {n_drug}. Recheck labs {n_next}. Discussed with {n_place}.
"""),
("c-echo-didactic", """
TeleECHO didactic: "{n_epo} in primary care". Key points: screen with {n_score}; consider {n_gene} testing when
family history is strong; first line is {n_drug}. Cases from {n_place} and {n_place} this <<week|month>>.
"""),
("c-uk-shorthand", """
{n_age}. PC: cough {n_dur}. PMH {n_epo}, {n_epo}. DH {n_drug}. O/E {n_lab}, {n_lab}. Imp: ?{n_epo}. Plan {n_drug}, review in <<2/52|6/52|3/12>>, safety-netted.
"""),
("c-pharmacy", """
Pharmacy note: dose changed to {n_drug}. Take {n_drug} with food. Avoid grapefruit. {n_lab}. Counselled re {n_epo} risk.
Dispensed 2/3 of usual supply pending prior auth. Refill {n_next}.
"""),
("c-codes", """
Billing summary: {n_code}; {n_code}; {n_code}. Time 35 minutes. {n_year}. Modifier 25. {n_score}.
"""),
("c-table", """
| test | result | ref |
|---|---|---|
| {n_lab} | <<high|normal|low>> | -- |
| {n_lab} | <<high|normal|low>> | -- |
| {n_score} | -- | -- |
"""),
("c-csv", """
measure,value,unit
<<ldl,2.9,mmol/L|hba1c,8.1,%|egfr,44,mL/min>>
<<sbp,142,mmHg|weight,81.5,kg|crp,12,mg/L>>
note,"{n_lab}; {n_epo}",
"""),
("c-nursing", """
Nursing: pt in {n_room}, comfortable. {n_lab}, {n_lab}. {n_epo}. {n_word}. Turned q2h, {n_score}. Family updated by phone {n_when}.
"""),
("c-genetics", """
Genetics clinic summary: {n_gene} and {n_gene} detected. {n_epo} in two relatives {n_year}. {n_age} proband. Cascade testing offered.
"""),
("c-ed", """
ED course: {n_age} from {n_place} with {n_lab} and {n_lab}. {n_epo} considered. {n_score}. Given {n_drug}. Admitted to {n_room}.
"""),
("c-discharge", """
Discharge instructions: take {n_drug} and {n_drug}. Come back to the ED for chest pain or {n_lab}. Follow up with your
doctor {n_next}. Diet: low salt. {n_word}.
"""),
("c-social", """
Social work: pt moved from {n_state} to {n_state} {n_year}. Lives an hour from {n_place}. Income from pension. {n_age}. {n_word}.
Transport via the <<county bus|tribal van|community car>>. {n_score}.
"""),
("c-home", """
Home visit: steps to front door, {n_word}. {n_lab}. {n_drug}. Pill box filled; review {n_next}. {n_score}. {n_epo} stable.
"""),
("c-es", """
Nota: paciente de <<63|71|55|48>> años con {n_epo}. {n_lab}. Se indica {n_drug}. Control en <<dos semanas|un mes|tres meses>>. Sin datos de alarma.
"""),
("c-consult", """
Consult answer: agree with {n_drug}. {n_epo} unlikely given {n_lab}. Suggest {n_code} workup, {n_score}. Happy to see {n_next}.
"""),
("c-triage", """
Triage: {n_age}, {n_lab}, {n_lab}, {n_lab}. {n_score}. Hx {n_epo}. ESI <<3|4>>. To {n_room}.
"""),
("c-teaching", """
Teaching point: {n_epo} vs {n_epo}. Use {n_score} and {n_score}. Dose {n_drug}. Years: first described {n_year}.
"""),
("c-email", """
Hi all -- reminder that next ECHO session covers {n_epo}. Please send cases (de-identified!) {n_next}. Slides attached.
Question from last week: {n_drug} with {n_lab}? Answer: yes, monitor {n_lab}.
"""),
("c-home-o2", """
Home O2 review: {n_lab} at rest, {n_lab} on exertion. Concentrator at 2 L/min. {n_epo}. Spare cylinder in {n_room}. {n_word}.
"""),
("c-peds", """
Well-child check: {n_age}. Weight 50th centile, {n_lab}. Vaccines up to date. {n_score}. Parent asked about {n_epo}. {n_word}.
"""),
("c-ob", """
ANC: <<G2P1|G3P2|G1P0>> at <<28+3|32+4|36+1>> weeks. {n_lab}. {n_score}. Fundal height appropriate. {n_drug}. Plan review {n_next}.
"""),
("c-mh", """
Mental health follow-up: {n_score}; {n_score}. {n_drug}. Safety plan reviewed. Sleep 5-6 h. {n_word}. Last seen {n_when}.
"""),
("c-wound", """
Wound care: sacral wound 3 x 4 cm, {n_score}. {n_epo}. Dressing change q3 days. {n_lab}. Photo in chart (no face). Started {n_when}.
"""),
("c-oud", """
OUD clinic: stable on {n_drug}. UDS positive for buprenorphine only. {n_score}. {n_lab}. Next appointment {n_next}. {n_code}.
"""),
("c-hepc", """
Hep C: genotype 1a, {n_lab}, {n_lab}. FIB-4 2.1. {n_epo} excluded. Start sofosbuvir/velpatasvir 400/100 mg daily x 12 weeks. {n_code}.
"""),
("c-geri", """
Geriatrics: {n_age}, {n_score}, {n_score}. {n_epo}. Deprescribing: stop {n_drug}. {n_word}. Lives near {n_place}.
"""),
("c-device-generic", """
Device check: pacemaker functioning normally, battery 6 years, {n_lab}. Lead impedance 520 ohms. {n_epo}. Next check {n_next}.
"""),
("c-stats", """
Program stats FY: 48 sessions, 312 cases, 27 spokes in {n_state} and {n_state}. {n_year}. Mean {n_score}. Version 3.12.4.1.
"""),
("c-ratio", """
Vitals trend: {n_lab}, then {n_lab}, now {n_lab}. I:E ratio 1:2. Epinephrine 1:1000. Titrate {n_drug}. Fluids 1/2 NS at 75 mL/h.
"""),
("c-allergy", """
Allergies: <<penicillin (rash)|sulfa (hives)|codeine (nausea)|latex>>. {n_epo}. {n_drug} tolerated. {n_gene}. {n_word}.
"""),
]

HAND_CLEAN = [
("ch-whipple", """
Whipple's triad met: glucose 2.4 mmol/L, neuroglycopenic symptoms, relief with dextrose. Not to be confused with the Whipple procedure or Whipple's disease.
"""),
("ch-uk-fractions", """
SOB 3/7, cough 2/52, wt loss over 3/12. PMH: AF since 2019. FH: mother d. aged 71 (MI). Review 1/52. Sats 94% RA.
"""),
("ch-bp-series", """
BP 118/76, 124/80, 131/88 on three readings. Take 1/2 tab in the morning, 3/4 of the plate eaten at lunch. HR 88, RR 16.
"""),
("ch-brand-drugs", """
Home meds: Eliquis 5 mg BID, Jardiance 10 mg, Entresto 49/51 mg BID, Ozempic 0.5 mg weekly, Keppra 500 mg BID, Lyrica 75 mg, Ativan 0.5 mg PRN, Narcan kit at home.
"""),
("ch-stroke-scores", """
NIHSS 4 on arrival, mRS 2 pre-morbid, ASPECTS 9, TICI 2b after thrombectomy. Door-to-needle 38 min. tPA 0.9 mg/kg.
"""),
("ch-rooms", """
Moved from Rm 412 bed 2 to bay 3 on 5 North. Infusion chair 7 at 0900. Transfer nurse aware.
"""),
("ch-sdoh-codes", """
Z59.0 homelessness; Z56.0 unemployment; Z63.0 relationship distress. Referred to SNAP, WIC and the Medicaid navigator.
"""),
("ch-spanish", """
Paciente refiere dolor 7/10 desde hace 3 días. TA 130/85, FC 92, glucosa 180 mg/dL. Se da metformina 850 mg c/12 h. Cita en 2 semanas.
"""),
("ch-titles-only", """
Discussed with the attending and the on-call cardiologist; the charge nurse and the hub pharmacist agree. Family aware.
"""),
("ch-place-diseases", """
Travel history negative for Lyme, West Nile, Ross River and Murray Valley encephalitis; Hendra exposure unlikely. Q fever serology sent.
"""),
]
