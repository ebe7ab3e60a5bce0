"""Passage shapes for set J. Each identifier shape returns (template, values); {key} slots whose
value is a (text, CATEGORY) pair become gold spans. Clean shapes return plain text."""

from __future__ import annotations

from values import (
    ACC, ADR, AG, D, DEV, EM, FAC, FX, IPA, LIC, LOC, MR, N, PH, SS, STATES, U, VEH, Z, PAYERS, R,
    account, address, age, date, dea, dob, email, employer, facility, imei, ip,
    last4, license_no, mac, mbi, mrn, npi, person, pharmacy, phone, pick, plate, recent, serial,
    ssn, town, url, us_town, vin, zipc, digits, letters, fresh, F,
)
from negatives import clean_shapes


def st() -> str:
    return pick(STATES)


# ---------------------------------------------------------------- identifier shapes
def reg_header():
    p = person()
    t = us_town()
    return ("PATIENT: {name}   DOB: {dob}   SEX: {sex}\nMRN: {mrn}   FIN: {fin}   ADMIT: {adm}\n"
            "ADDR: {addr}, {town} {zip}\nHOME PH: {ph}   PCP: {pcp}\nINS: {payer} {acct}", {
        "name": N(p.lastfirst.upper()), "dob": D(dob("us")), "sex": p.sex, "mrn": MR(mrn()),
        "fin": ACC(account()), "adm": D(recent("us")), "addr": ADR(address("upper")),
        "town": LOC(t.upper()), "zip": Z(zipc()), "ph": PH(phone("en_US")),
        "pcp": N(person().lastfirst.upper()), "payer": pick(PAYERS), "acct": ACC(account())})


def pipe_row():
    rows = []
    vals = {}
    for i in range(3):
        p = person()
        rows.append("{n%d} | {d%d} | {m%d} | {f%d}" % (i, i, i, i))
        vals |= {f"n{i}": N(p.lastfirst), f"d{i}": D(dob(pick(["upper", "us", "dmy_abbr"]))),
                 f"m{i}": MR(mrn()), f"f{i}": FAC(facility())}
    return "Name | DOB | MR # | Site\n" + "\n".join(rows), vals


def csv_export():
    lines = ["last,first,dob,zip,phone,email"]
    vals = {}
    for i in range(2):
        p = person()
        lines.append("{l%d},{f%d},{d%d},{z%d},{p%d},{e%d}" % ((i,) * 6))
        vals |= {f"l{i}": N(p.last), f"f{i}": N(p.first), f"d{i}": D(dob("iso")), f"z{i}": Z(zipc()),
                 f"p{i}": PH(phone("en_US")), f"e{i}": EM(email(p))}
    return "\n".join(lines), vals


def discharge():
    p, dr = person(), person()
    return ("DISCHARGE SUMMARY\nPatient: {name}  MRN {mrn}\nAdmitted {adm} to {fac}; discharged {dis}.\n"
            "Hospital course: {first} is a {age}-year-old {sexw} admitted with community-acquired pneumonia, "
            "CURB-65 of 3. Treated with ceftriaxone 1 g daily and azithromycin. {first} improved and "
            "was weaned to room air. Follow up with {dr} at {clinic}, phone {ph}.", {
        "name": N(p.full), "mrn": MR(mrn()), "adm": D(recent("long")), "fac": FAC(facility("hospital")),
        "dis": D(recent("long")), "first": N(p.first), "age": AG(age()),
        "sexw": "man" if p.sex == "M" else "woman", "dr": N(dr.full),
        "clinic": FAC(facility("clinic")), "ph": PH(phone())})


def nursing_lower():
    p = person()
    fam = person(p.locale)
    return ("0600 pt {fl} resting, a&ox3. vss. {first} c/o mild pain 3/10 at foley site, tylenol 650 given. "
            "spouse {wife} called from {town} at {ph}, updated. plan d/c home to {addr} tomorrow if "
            "hgb stable. son drives up from {town2}.", {
        "fl": N(p.full.lower()), "first": N(p.first.lower()), "wife": N(fam.first.lower()),
        "town": LOC(town().lower()), "ph": PH(phone("en_US")), "addr": ADR(address("lower")),
        "town2": LOC(town().lower())})


def referral_letter():
    p, dr, to = person(), person(), person()
    t = us_town()
    return ("Dear Dr. {to},\n\nRe: {name}, DOB {dob}, {addr}, {town}, {state} {zip}\n\n"
            "Thank you for seeing {title} {last}, whom I have followed at {fac} since {since}. "
            "{he} has Hashimoto's thyroiditis on levothyroxine 88 mcg and a new Bethesda III nodule. "
            "Please call me on {ph} or fax results to {fax}.\n\nYours sincerely,\n{dr}, MD\nNPI {npi}", {
        "to": N(to.last), "name": N(p.full), "dob": D(dob("eu")), "addr": ADR(address()),
        "town": LOC(t), "state": st(), "zip": Z(zipc()), "title": p.title, "last": N(p.last),
        "fac": FAC(facility()), "since": D(date("monthyear", 2010, 2024)), "he": p.he.capitalize(),
        "ph": PH(phone("en_US")), "fax": FX(phone("en_US")), "dr": N(dr.full), "npi": LIC(npi())})


def echo_form():
    p, pres = person(), person()
    return ("ECHO CASE PRESENTATION FORM\nPresenter: {pres}, {fac}\nPatient initials: {ini}   Age: {age}\n"
            "Community: {town}, ZIP {zip}\nDate of visit: {dv}\nQuestion for the hub: MELD-Na 24, "
            "Child-Pugh C; candidate for TIPS? Patient works at {emp}.", {
        "pres": N(pres.full), "fac": FAC(facility()), "ini": N(p.inits), "age": AG(age()),
        "town": LOC(town()), "zip": Z(zipc()), "dv": D(recent("us_bare")), "emp": FAC(employer())})


def phone_note():
    p, caller = person(), person()
    return ("TELEPHONE ENCOUNTER {dt}\nCaller: {caller} (daughter) at {ph}\nRe: {pt}, MRN {mrn}\n"
            "{caller_first} reports {title} {last} fell at home, no LOC, on Eliquis 5 mg BID. "
            "Advised ED evaluation at {fac}. Daughter will drive, plates {plate}.", {
        "dt": D(recent("us")), "caller": N(caller.full), "ph": PH(phone()), "pt": N(p.full),
        "mrn": MR(mrn()), "caller_first": N(caller.first), "title": p.title, "last": N(p.last),
        "fac": FAC(facility("hospital")), "plate": VEH(plate())})


def pharmacy_msg():
    p, dr = person(), person()
    return ("From: {pharm} ({pph}, fax {pfax})\nRx# {rx} for {pt} (DOB {dob}) — Sinemet 25/100 TID "
            "interacts with newly started metoclopramide. Prescriber {dr}, DEA {dea}. Please advise.", {
        "pharm": FAC(pharmacy()), "pph": PH(phone("en_US")), "pfax": FX(phone("en_US")),
        "rx": ACC(digits(7)), "pt": N(p.full), "dob": D(dob(pick(["us", "us_short"]))),
        "dr": N(dr.full), "dea": LIC(dea(dr.last))})


def prior_auth():
    p, dr = person(), person()
    return ("PRIOR AUTHORIZATION REQUEST\nMember name: {pt}\nMember ID: {mid}   Plan: {payer}\nDOB: {dob}\n"
            "Medicare MBI: {mbi}\nPrescriber: {dr}  NPI: {npi}  Phone: {ph}  Fax: {fax}\n"
            "Drug: Humira 40 mg q2wk. Dx: Crohn's disease, ICD-10 K50.90. Failed Imuran.", {
        "pt": N(p.full.upper()), "mid": ACC(account()), "payer": pick(PAYERS), "dob": D(dob()),
        "mbi": ACC(mbi()), "dr": N(dr.full), "npi": LIC(npi()), "ph": PH(phone("en_US")),
        "fax": FX(phone("en_US"))})


def payer_cue():
    p = person()
    payer = pick(PAYERS)
    return ("Insurance verified {dt}: {payer} {acct}, secondary Medicaid {mcd}. {first} brought card. "
            "Last four of SSN: {l4}.", {
        "dt": D(recent("md")), "payer": payer, "acct": ACC(account()), "mcd": ACC(account()),
        "first": N(p.first), "l4": SS(last4())})


def vehicle_ed():
    p = person()
    return ("ED TRIAGE: {age} yo restrained driver, MVC on Hwy {hwy} near {town}. Vehicle a {yr} pickup, "
            "tag {plate}, VIN {vin}, per State Patrol trooper {trooper}. GCS 15. Pt {name}.", {
        "age": str(R.randint(19, 85)), "hwy": str(R.randint(2, 287)), "town": LOC(town()),
        "yr": str(R.randint(1998, 2024)), "plate": VEH(plate()), "vin": VEH(vin()),
        "trooper": N(person().last), "name": N(p.full)})


def device_clinic():
    p = person()
    return ("Device clinic {dt}: {pt}. Medtronic Azure XT DR, SN {sn}; RA lead ser. no. {sn2}. "
            "Battery 9.1 yr, AP 12%, no VT. Home monitor unit {sn3} paired at {addr}.", {
        "dt": D(recent("abbr")), "pt": N(p.lastfirst), "sn": DEV(serial()), "sn2": DEV(serial()),
        "sn3": DEV(serial()), "addr": ADR(address())})


def diabetes_tech():
    p = person()
    return ("{first} uses Dexcom G7 (transmitter SN {sn}) and Omnipod 5. A1c 8.4%. "
            "Phone {imei_lbl} IMEI {imei} runs the app; Wi-Fi hub MAC {mac}. Parent {par} at {em}.", {
        "first": N(p.first), "sn": DEV(serial()), "imei_lbl": "Android", "imei": DEV(imei()),
        "mac": DEV(mac()), "par": N(person(p.locale).full), "em": EM(email())})


def it_ticket():
    p = person()
    return ("IT TICKET: portal lockout for patient {pt} (MRN {mrn}). Login attempts from {ip1} and {ip2} "
            "on {dt}. Reset link sent to {em}. Account page {url}.", {
        "pt": N(p.full), "mrn": MR(mrn()), "ip1": IPA(ip()), "ip2": IPA(ip()), "dt": D(recent("iso")),
        "em": EM(email(p)), "url": U(url())})


def fax_cover():
    p, s = person(), person()
    return ("FAX COVER SHEET\nTo: {to} Fax: {fax}\nFrom: {sender}, {fac}  Ph {ph}  Fax {fax2}\n"
            "Date: {dt}  Pages: 4\nRE: {pt} DOB {dob} — records for orthopedic consult (Colles fracture).", {
        "to": FAC(facility()), "fax": FX(phone()), "sender": N(s.full), "fac": FAC(facility()),
        "ph": PH(phone()), "fax2": FX(phone()), "dt": D(recent("dash")), "pt": N(p.full), "dob": D(dob())})


def ssn_partial():
    p = person()
    return ("Identity verified with two identifiers. {title} {last}'s Social Security number on file ends in "
            "{l4}; full SSN {ssn} corrected at registration. DL {dl} ({state}).", {
        "title": p.title, "last": N(p.last), "l4": SS(last4()), "ssn": SS(ssn()), "dl": LIC(license_no()),
        "state": st()})


def town_zip_nostate():
    p = person()
    return ("Social work: {first} lives alone in {town}, zip code {zip}, in a trailer at {addr}. "
            "Nearest grocery is in {town2} {zip2}. Neighbor {nb} checks on {him} daily.", {
        "first": N(p.first), "town": LOC(town()), "zip": Z(zipc()), "addr": ADR(address()),
        "town2": LOC(us_town()), "zip2": Z(zipc()), "nb": N(person().full),
        "him": "him" if p.sex == "M" else "her"})


def home_on():
    p = person()
    return ("{name} was brought by EMS from {his} home on {addr} after a fall down the porch steps. "
            "{he} is {age} and lives with a grandson, {gs}.", {
        "name": N(p.full), "his": p.his, "addr": ADR(address()), "he": p.he.capitalize(), "age": AG(age()),
        "gs": N(person(p.locale, "M").first)})


def subject_first():
    p, dr = person(), person()
    return ("Procedure note {dt}. {first} tolerated the procedure well. Nissen fundoplication completed "
            "laparoscopically. {first} then actively moved all extremities in PACU. Surgeon: {dr}; "
            "assistant {asst}", {
        "dt": D(recent("us")), "first": N(p.first), "dr": N(dr.full), "asst": N(person().inits)})


def initials_note():
    p = person()
    q = person()
    return ("Hospice IDT: pt. {i2} declining, PPS 30%. {i1}'s spouse asks about respite at {fac}. "
            "Chaplain {ch} visited. RN {rn} to call {ph}.", {
        "i2": N(p.inits2), "i1": N(p.inits), "fac": FAC(facility()), "ch": N(q.full),
        "rn": N(person().inits), "ph": PH(phone())})


def registration_abbr():
    p = person()
    return ("REG: {name} H# {h} MR # {mr} FIN {fin} ACCT {acct} Guarantor {g} DL {dl} Emp {emp}", {
        "name": N(p.lastfirst.upper()), "h": MR(mrn()), "mr": MR(mrn()), "fin": ACC(account()),
        "acct": ACC(account()), "g": N(person().full.upper()), "dl": LIC(license_no()),
        "emp": FAC(employer())})


def obituary_family():
    p = person()
    return ("Family history: father died at {age} of Alzheimer's; obituary at {url}. Sister {sis} in "
            "{town} has Graves' disease.", {
        "age": AG(age()), "url": U(url(p)), "sis": N(person(p.locale, "F").full), "town": LOC(town())})


def telehealth():
    p = person()
    return ("Telehealth visit {dt} via {url}. Patient {pt} at home in {town}; connection from {ip}. "
            "Interpreter {interp} (Spanish). PHQ-9 14.", {
        "dt": D(recent("long")), "url": U(url()), "pt": N(p.full), "town": LOC(town()), "ip": IPA(ip()),
        "interp": N(person("es_ES").full)})


def foreign_visitor():
    lc = pick(["en_NZ", "en_IN", "fr_CA", "de_DE", "es_ES", "it_IT", "en_PH"])
    p = person(lc)
    return ("Visitor from abroad: {pt}, home address {addr}, {town} {zip}. Passport-linked id {ssn}. "
            "Mobile {ph}. Travel insurer policy {pol}. Seen for Lyme disease after hiking.", {
        "pt": N(p.full), "addr": ADR(address("foreign")), "town": LOC(town()),
        "zip": Z(zipc(lc)), "ssn": SS(ssn()), "ph": PH(phone(lc if lc != "en_PH" else "en_US")),
        "pol": ACC(account())})


def email_thread():
    a, b, p = person(), person(), person()
    return ("From: {ea}\nTo: {eb}\nSent: {dt}\nSubject: {pt} follow up\n\n{bf}, can you add {ptf} to "
            "Thursday's ECHO? CT shows Baker's cyst, not DVT. — {af}", {
        "ea": EM(email(a)), "eb": EM(email(b)), "dt": D(recent("long")), "pt": N(p.last),
        "bf": N(b.first), "ptf": N(p.first), "af": N(a.first)})


def nursing_home():
    p = person()
    return ("NURSING HOME NOTE — {fac}\nResident {pt}, age {age}, room 14. Braden 13, Morse 55. "
            "Responsible party {rp} ({rel}), {ph}, {addr}, {town}.", {
        "fac": FAC(facility("nursing")), "pt": N(p.full), "age": AG(age()), "rp": N(person().full),
        "rel": pick(["niece", "son", "POA", "daughter-in-law"]), "ph": PH(phone()),
        "addr": ADR(address()), "town": LOC(town())})


def billing_note():
    p = person()
    return ("Billing: claim {claim} denied, CARC 197. Acct {acct} guarantor {g}. Member {mid}. "
            "Statement mailed to {addr} {town} {zip} on {dt}.", {
        "claim": ACC(account()), "acct": ACC(account()), "g": N(p.full), "mid": ACC(account()),
        "addr": ADR(address("abbr")), "town": LOC(town().upper()), "zip": Z(zipc()), "dt": D(recent())})


def lab_req():
    p, dr = person(), person()
    return ("LAB REQUISITION  Accession {acc}\nPt: {pt}  DOB {dob}  MRN {mrn}\nOrdering: {dr} NPI {npi}\n"
            "Tests: CMP, TSH, lipid panel, A1c. Collected {dt} at {fac}. Fax results {fax}.", {
        "acc": ACC(f"{letters(2)}{digits(8)}"), "pt": N(p.lastfirst), "dob": D(dob("us")),
        "mrn": MR(mrn()), "dr": N(dr.lastfirst), "npi": LIC(npi()), "dt": D(recent("us")),
        "fac": FAC(facility()), "fax": FX(phone("en_US"))})


def prescriber():
    p, dr = person(), person()
    return ("Controlled substance agreement signed {dt}. Prescriber number {pn}; state license {lic}; "
            "DEA {dea}. Patient {pt}, PDMP checked. Buprenorphine 8/2 mg SL BID.", {
        "dt": D(recent()), "pn": LIC(license_no()), "lic": LIC(license_no()), "dea": LIC(dea(dr.last)),
        "pt": N(p.full)})


def ambulance():
    p = person()
    return ("EMS run report: unit Medic {unit}, dispatched to {addr}, {town}. Pt {pt}, {age} y/o, found "
            "on floor. Spouse's car, plates {plate}, blocking drive. Transported to {fac}.", {
        "unit": str(R.randint(2, 19)), "addr": ADR(address()), "town": LOC(town()), "pt": N(p.full),
        "age": AG(age()), "plate": VEH(plate()), "fac": FAC(facility("hospital"))})


def research_log():
    p = person()
    return ("Screening log: subject {ini} screened {dt}, DOB {dob}, enrolled at {fac}. Contact "
            "{em} / {ph}. Exclusion: eGFR 28. Reg. vehicle {veh} for parking reimbursement.", {
        "ini": N(p.inits2), "dt": D(recent("dmy_abbr")), "dob": D(dob("dmy_abbr")), "fac": FAC(facility()),
        "em": EM(email(p)), "ph": PH(phone()), "veh": VEH(plate())})


def portal_msg():
    p = person()
    return ("Portal message from {pt}: \"hi its {first}, my new cell is {ph} and new email {em}. we moved "
            "to {addr} in {town}. can Dr. {dr} refill my Lantus?\"", {
        "pt": N(p.full), "first": N(p.first.lower()), "ph": PH(phone()), "em": EM(email(p)),
        "addr": ADR(address("lower")), "town": LOC(town()), "dr": N(person().last)})


def court_order():
    p = person()
    return ("Court order {case} (filed {dt}) appoints {g} guardian of {pt}, DOB {dob}. Copy scanned; "
            "guardian phone {ph}.", {
        "case": ACC(f"{digits(2)}-{letters(2)}-{digits(5)}"), "dt": D(recent("long")), "g": N(person().full),
        "pt": N(p.full), "dob": D(dob("long")), "ph": PH(phone())})


def immunization():
    p = person()
    return ("Immunization record: {pt}, DOB {dob}, registry ID {rid}. Tdap given {dt} at {fac}; "
            "Shingrix #2 due. Lot numbers on file. Parent email {em}.", {
        "pt": N(p.full), "dob": D(dob("us_bare")), "rid": ACC(digits(9)), "dt": D(recent("us_bare")),
        "fac": FAC(facility()), "em": EM(email())})


def hie_alert():
    p = person()
    return ("HIE ALERT: {pt} ({sex}, {dob}) registered at {fac} ED on {dt}, MRN there {mrn}. "
            "Address on file {addr}; {town}, {state} {zip}.", {
        "pt": N(p.lastfirst.upper()), "sex": p.sex, "dob": D(dob("compact")), "fac": FAC(facility("hospital")),
        "dt": D(recent("compact")), "mrn": MR(mrn()), "addr": ADR(address("upper")), "town": LOC(town()),
        "state": st(), "zip": Z(zipc())})


def security_log():
    p = person()
    return ("Security log {dt}: visitor {v} for {pt} badge denied; silver sedan reg. {plate}, "
            "VIN {vin}. Camera NVR at {ip}.", {
        "dt": D(recent("us")), "v": N(person().full), "pt": N(p.full), "plate": VEH(plate()),
        "vin": VEH(vin()), "ip": IPA(ip())})


def school_nurse():
    p = person()
    return ("School nurse, {school}: {first} {last} (gr 4) used albuterol 2 puffs, peak flow 240. "
            "Mom {mom} notified at {ph}; she works at {emp}.", {
        "school": FAC(facility("school")), "first": N(p.first), "last": N(p.last), "mom": N(person(p.locale, "F").first),
        "ph": PH(phone()), "emp": FAC(employer())})


def dialysis():
    p = person()
    return ("DIALYSIS RUN SHEET {dt}\nPt {pt} MRN {mrn} chair 6\nMachine Fresenius 2008T SN {sn}\n"
            "EDW 71.5 kg, UF 2.8 L, BFR 400, Kt/V 1.3. Transport: {co}, {ph}.", {
        "dt": D(recent("us_short")), "pt": N(p.lastfirst), "mrn": MR(mrn()), "sn": DEV(serial()),
        "co": FAC(employer()), "ph": PH(phone())})


def upper_header():
    p = person()
    return ("*** CONFIDENTIAL *** {pt} ** DOB {dob} ** SSN {ssn} ** {addr} ** {town} {zip} ** HM {ph} **", {
        "pt": N(p.full.upper()), "dob": D(dob("upper")), "ssn": SS(ssn()), "addr": ADR(address("upper")),
        "town": LOC(town().upper()), "zip": Z(zipc()), "ph": PH(phone("en_US"))})


def team_chat():
    a, p = person(), person()
    return ("[{time}] {au}: can someone see {pfirst} in bed 12? BP 88/50 on 2 pressors, lactate 4.1. "
            "family ({fam}) on the way from {town}. pls page me {ph}", {
        "time": f"{R.randint(0, 23):02d}:{R.randint(0, 59):02d}", "au": N(a.first.lower() + a.last.lower()[:1]),
        "pfirst": N(p.first.lower()), "fam": N(person(p.locale).last), "town": LOC(town()), "ph": PH(phone())})


def vehicle_cues():
    p = person()
    return ("Patient {pt} reports the clinic van (plates {p1}) backed into {his} truck, tag {p2}. "
            "Incident report filed with {fac}; insurer claim {cl}.", {
        "pt": N(p.full), "p1": VEH(plate()), "his": p.his, "p2": VEH(plate()), "fac": FAC(facility()),
        "cl": ACC(account())})


def device_recall():
    p = person()
    return ("Recall notice: {pt}'s CPAP ResMed AirSense 10 serial {sn} affected; replacement unit {sn2} "
            "shipped to {addr}, {town} {zip} on {dt}. Modem IMEI {imei}.", {
        "pt": N(p.full), "sn": DEV(serial()), "sn2": DEV(serial()), "addr": ADR(address()), "town": LOC(town()),
        "zip": Z(zipc()), "dt": D(recent("monthday")), "imei": DEV(imei())})


def ip_audit():
    p = person()
    return ("Audit: user {u} opened chart of {pt} (MRN {mrn}) from {ip} at 02:14 and exported to {url}; "
            "second session {ip2}. Privacy officer {po} notified {dt}.", {
        "u": N(person().last.lower()), "pt": N(p.full), "mrn": MR(mrn()), "ip": IPA(ip()), "url": U(url()),
        "ip2": IPA(ip()), "po": N(person().full), "dt": D(recent("long"))})


def license_misc():
    p, n = person(), person()
    return ("Home health visit by {rn}, RN (license {lic}). Pt {pt} {age} yo, lives at {addr}. "
            "Drove self, DL {dl}, despite macular degeneration; vision 20/200 OU.", {
        "rn": N(n.full), "lic": LIC(license_no()), "pt": N(p.full), "age": AG(age()), "addr": ADR(address()),
        "dl": LIC(license_no())})


def soap_sig():
    p, dr = person(), person()
    return ("S: {first} reports 2 wk of cough. O: T 38.1, SpO2 93%, crackles RLL. A: CAP. P: Augmentin "
            "875/125 BID. Next visit {nv}.\nElectronically signed: {dr}, DO {dt}\nCell {ph}  {em}", {
        "first": N(p.first), "nv": D(recent("monthday")), "dr": N(dr.full), "dt": D(recent("us")),
        "ph": PH(phone()), "em": EM(email(dr))})


def fundraiser():
    p = person()
    return ("Social: community fundraiser for {pt} after house fire at {addr}; link {url}. Relatives in "
            "{town}; contact {em}.", {
        "pt": N(p.full), "addr": ADR(address()), "url": U(url(p)), "town": LOC(town()), "em": EM(email())})


def spanish_note():
    p = person("es_ES")
    return ("Nota: paciente {pt}, fecha de nacimiento {dob}, domicilio {addr}, {town} CP {zip}. Tel. {ph}. "
            "DNI {dni}. Refiere dolor tipo cólico; signo de Murphy positivo.", {
        "pt": N(p.full), "dob": D(dob("dot")), "addr": ADR(address("foreign")), "town": LOC(town()),
        "zip": Z(zipc("es_ES")), "ph": PH(phone("es_ES")), "dni": SS(fresh(F["es_ES"].nif))})


def consult():
    p, dr = person(), person()
    return ("Consult request {dt}: please see {pt} (H# {h}) for Whipple's triad. Requesting: {dr}, pager "
            "{pager}. Pt's nephew {nep} is POA; reach at {ph} or fax {fax}.", {
        "dt": D(recent("us")), "pt": N(p.full), "h": MR(mrn()), "dr": N(dr.full),
        "pager": PH(phone("en_US")), "nep": N(person(p.locale, "M").full), "ph": PH(phone()), "fax": FX(phone())})


def payer_inline():
    p = person()
    return ("{first} {last} has {payer} {mid}; pharmacy benefit ID {rx}. Deductible met. Copay card "
            "{cc}. Bill to guarantor at {addr}.", {
        "first": N(p.first), "last": N(p.last), "payer": pick(PAYERS), "mid": ACC(account()),
        "rx": ACC(account()), "cc": ACC(account()), "addr": ADR(address())})


def url_ip_mix():
    p = person()
    return ("PACS link {url} (server {ip}); images for {pt}, accession {acc}, study date {dt}. "
            "Outside CD from {fac}.", {
        "url": U(url()), "ip": IPA(ip()), "pt": N(p.full), "acc": ACC(account()), "dt": D(recent("us")),
        "fac": FAC(facility())})


ID_SHAPES = [
    ("reg-header", reg_header), ("pipe-table", pipe_row), ("csv-export", csv_export),
    ("discharge", discharge), ("nursing-lower", nursing_lower), ("referral-letter", referral_letter),
    ("echo-form", echo_form), ("telephone", phone_note), ("pharmacy", pharmacy_msg),
    ("prior-auth", prior_auth), ("payer-cue", payer_cue), ("ed-vehicle", vehicle_ed),
    ("device-clinic", device_clinic), ("diabetes-tech", diabetes_tech), ("it-ticket", it_ticket),
    ("fax-cover", fax_cover), ("ssn-partial", ssn_partial), ("town-zip", town_zip_nostate),
    ("home-on", home_on), ("subject-first", subject_first), ("initials", initials_note),
    ("reg-abbr", registration_abbr), ("family-obit", obituary_family), ("telehealth", telehealth),
    ("visitor", foreign_visitor), ("email-thread", email_thread), ("nursing-home", nursing_home),
    ("billing", billing_note), ("lab-req", lab_req), ("prescriber", prescriber),
    ("ambulance", ambulance), ("research-log", research_log), ("portal", portal_msg),
    ("court-order", court_order), ("immunization", immunization), ("hie-alert", hie_alert),
    ("security-log", security_log), ("school-nurse", school_nurse), ("dialysis", dialysis),
    ("caps-header", upper_header), ("team-chat", team_chat), ("vehicle-cues", vehicle_cues),
    ("device-recall", device_recall), ("ip-audit", ip_audit), ("license-misc", license_misc),
    ("soap-sig", soap_sig), ("fundraiser", fundraiser), ("spanish", spanish_note),
    ("consult", consult), ("payer-inline", payer_inline), ("pacs-link", url_ip_mix),
]


# ---------------------------------------------------------------- hand-written one-offs
def _o(tpl, **vals):
    return lambda: (tpl, vals)


ONE_OFFS = [
    ("plate-words", _o("Witness statement: the truck that hit the patient had Montana plates {p} and a "
                       "dented tailgate.", p=VEH("9-4471B"))),
    ("reg-period", _o("Rental car reg. {p}, parked in lot C; keys with security.", p=VEH("YGF 746"))),
    ("unit-serial", _o("Oxygen concentrator unit {u} swapped, old unit returned.", u=DEV("FMS217819U"))),
    ("sn-cue", _o("Insulin pump SN {s}, firmware 2.4, alarms reviewed.", s=DEV("JA1664832"))),
    ("age-words", _o("Mrs. {n} turned {a} last week and still drives to church.", n=N("Oyelaran"),
                     a=AG("ninety-six"))),
    ("age-102", _o("Celebrated a {a}nd birthday with staff at {f}.", a=AG("102"), f=FAC("Hettinger Prairie Manor"))),
    ("hays-zip", _o("Lives in {t} {z}; drives 40 min for dialysis.", t=LOC("Hays"), z=Z("67601"))),
    ("initials-only", _o("Spoke with pt. {i} and wife {w} re: code status; {i2} prefers DNR/DNI.",
                         i=N("RW"), w=N("Dolores"), i2=N("R.W."))),
    ("h-number", _o("Outside records list H# {h} and MR # {m}; FIN {f}.", h=MR("9812C204"), m=MR("46-220-918"),
                    f=ACC("9311058127"))),
    ("dl-dash", _o("ID checked: DL {d}, exp {e}.", d=LIC("915-40267"), e=D("06/2029"))),
    ("bcbs", _o("BCBS {a}, Tricare {b}, Humana {c}.", a=ACC("YCU771204558"), b=ACC("8834120976"),
                c=ACC("4PA3-552-KT81"))),
    ("mac-log", _o("Infusion pump MAC {m} dropped from VLAN at {t}; pump ser. no. {s}.", m=DEV("00:1B:44:11:3A:B7"),
                   t=D("Nov 2, 2026"), s=DEV("AL8015-773412"))),
    ("lower-name", _o("{f} {l} seen with wife {w}, both from {t}.", f=N("victor"), l=N("amezcua"), w=N("rosalinda"),
                      t=LOC("tierra amarilla"))),
    ("url-bare", _o("Pt's blog at {u} describes the whole admission.", u=U("hopeforhenrik.blogspot.com"))),
    ("ipv6-line", _o("session 7 src={i} ok", i=IPA("2001:db8:4a2::17"))),
    ("fax-header", _o("{d} 14:02 FROM {f} TO {t} P.001/003", d=D("11/03/2026"), f=FX("406-555-0131"),
                      t=FX("(605) 555-0188"))),
    ("sin-ca", _o("Canadian visitor; SIN {s} on the travel claim.", s=SS("046 454 286"))),
    ("email-at", _o("email him at {e} (he checks it weekly)", e=EM("bud.kowalczyk@frontiernet.net"))),
    ("date-words", _o("Symptoms began on {d} and worsened after {d2}.", d=D("Christmas Eve 2025"),
                      d2=D("the Fourth of July 2026"))),
    ("gateway", _o("Found wandering near {a}, {t}.", a=ADR("212 Old Mill Gateway Lot 9 Trlr B"), t=LOC("Cando"))),
]


# ---------------------------------------------------------------- clean shapes
CLEAN_SHAPES = clean_shapes(R)
