"""Identifier passage shapes of set O: each returns a list of text pieces and (value, CATEGORY)."""

from __future__ import annotations

import random

import values as V


def NM(s): return (s, "NAME")
def DT(s): return (s, "DATE")
def FA(s): return (s, "FACILITY")
def PH(s): return (s, "PHONE")
def LO(s): return (s, "LOCATION")
def AC(s): return (s, "ACCOUNT")
def AD(s): return (s, "ADDRESS")
def ZP(s): return (s, "ZIP")
def MR(s): return (s, "MRN")
def AG(s): return (str(s), "AGE")
def LI(s): return (s, "LICENSE")
def VE(s): return (s, "VEHICLE")
def EM(s): return (s, "EMAIL")
def DV(s): return (s, "DEVICE")
def FX(s): return (s, "FAX")
def IP(s): return (s, "IP")
def SS(s): return (s, "SSN")
def UR(s): return (s, "URL")


def full(p): return f"{p['first']} {p['last']}"
def fml(p): return f"{p['first']} {p['mi']}. {p['last']}"
def lf(p): return f"{p['last']}, {p['first']}"
def caps(s): return V.fold(s).upper()


def place(r):
    return r.choice(V.PLACES)


def age(r):
    return r.randint(90, 104)


def mbi(r):
    A = "ACDEFGHJKMNPQRTUVWXY"
    AN = A + "0123456789"
    d = lambda: r.choice("0123456789")  # noqa: E731
    return (r.choice("123456789") + r.choice(A) + r.choice(AN) + d() + r.choice(A) + r.choice(AN)
            + d() + r.choice(A) + r.choice(A) + d() + d())


def callsign(r, state):
    L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    region = {"NY": "2", "KY": "4", "VA": "4", "FL": "4", "WI": "9", "VI": "P2", "GU": "H2"}[state]
    if len(region) == 2:
        return r.choice("KNW") + region + "".join(r.choice(L) for _ in range(2))
    return r.choice(["K", "W", "N", "KC", "KD", "KE", "KJ", "AB"]) + region + "".join(r.choice(L) for _ in range(r.choice([2, 3])))


def dob_or_age(r):
    a = age(r)
    return a, V.dob_for_age(r, a)


# -------------------------------------------------------------------------------------------
def ics213(r):
    pl = place(r)
    pt, dau, nc, ap = V.person(r), V.person(r, "F"), V.person(r), V.person(r)
    a = age(r)
    return [
        "ICS 213 GENERAL MESSAGE\nTO: SHELTER MANAGER, ", FA(caps(V.facility(r, pl, "shelter"))), "\nFROM: ",
        NM(caps(full(nc))), " ", LI(callsign(r, pl[2])), " (NET CONTROL)\nDATE: ",
        DT(V.date(r, 11)), "  TIME: ", f"{r.randint(0, 23):02d}{r.choice(['00', '15', '30', '45'])}L",
        "\nMESSAGE: PT ", NM(caps(lf(pt))), " AGE ", AG(a), " FROM ", LO(caps(pl[0])),
        " NEEDS POWER FOR OXYGEN CONCENTRATOR SN ", DV(V.serial(r)), ". DAUGHTER ",
        NM(caps(full(dau))), " CALLBACK ", PH(V.phone(r, pl[4], 1)),
        ". NO LIFT ASSIST AVAILABLE. BREAK\nAPPROVED: ", NM(caps(full(ap))), " ",
        LI(callsign(r, pl[2])), "\nNNNN",
    ]


def call911(r):
    pl = place(r)
    pt, caller = V.person(r, "F"), V.person(r)
    a = age(r)
    t = lambda s: f"[00:{s // 60:02d}:{s % 60:02d}]"  # noqa: E731
    return [
        t(3), " CT: 911, what is the address of your emergency?\n", t(6), " CALLER: it's ",
        AD(V.street_line(r, pl).lower()), " out in ", LO(pl[0]), ", the yellow house\n", t(14),
        " CT: What's the number you're calling from?\n", t(16), " CALLER: ",
        PH(V.phone(r, pl[4], 5)), "\n", t(25), " CALLER: it's my grandmother ", NM(full(pt)),
        ", she's ", AG(a), ", she went down in the bathroom and she can't get up\n", t(41),
        " CT: Okay. What's your name?\n", t(43), " CALLER: ", NM(full(caller)), ". ",
        NM(caller["first"]), ". my truck is in the drive, plate ", VE(V.plate(r, pl[2])),
        ", they can pull in behind it\nCAD incident ", AC(f"{r.randint(24, 26)}-{V.digits(r, 6)}"),
        " | disp ", NM(V.initials(V.person(r), dots=False)),
    ]


def flight(r):
    pl, pl2 = place(r), place(r)
    pt, rn, pm, pilot, md = (V.person(r) for _ in range(5))
    return [
        "AIR MEDICAL TRANSPORT RECORD\nAircraft: ", VE(V.n_number(r)), " (EC135)  Flight #",
        f"{r.randint(100, 999)}", "\nDate: ", DT(V.date(r, 4)), "\nSending: ",
        FA(V.facility(r, pl, "hospital")), ", ", LO(pl[0]), ", ", pl[2], "\nReceiving: ", FA(V.facility(r, pl2, "hospital")),
        "\nPatient: ", NM(lf(pt).upper()), "  DOB ", DT(V.date(r, 4, 1940, 2010)), "  SSN ",
        SS(V.ssn(r)), "  Wt ", f"{r.randint(40, 120)} kg", "\nFlight crew: ", NM(full(rn)),
        ", RN, CFRN; ", NM(full(pm)), ", FP-C (NREMT ", LI(f"P{V.digits(r, 7)}"), ")\nPilot: ",
        NM(full(pilot)), " (certificate ", LI(V.digits(r, 7)), ")\nSending physician ",
        NM(full(md)), ", MD, NPI ", LI(V.npi(r)), "\nRecords faxed to ", FX(V.phone(r, pl2[4], 2)),
    ]


def ccda(r):
    pl = place(r)
    pt = V.person(r)
    fac = V.facility(r, pl, "clinic")
    return [
        '<recordTarget><patientRole>\n  <id root="2.16.840.1.113883.19.5" extension="', MR(V.mrn(r)),
        '"/>\n  <id root="2.16.840.1.113883.4.1" extension="', SS(V.ssn(r)),
        '"/>\n  <addr use="HP"><streetAddressLine>', AD(V.street_line(r, pl)),
        "</streetAddressLine><city>", LO(pl[0]), f"</city><state>{pl[2]}</state><postalCode>",
        ZP(V.zip_value(r, pl)), '</postalCode></addr>\n  <telecom use="HP" value="tel:',
        PH(V.phone(r, pl[4], 6)), '"/>\n  <telecom use="HP" value="mailto:', EM(V.email(r, pt)),
        '"/>\n  <patient><name><given>', NM(pt["first"]), "</given><family>", NM(pt["last"]),
        '</family></name><administrativeGenderCode code="', pt["sex"],
        '"/>\n  <birthTime value="', DT(V.date(r, 14, 1931, 2012)),
        '"/></patient>\n</patientRole></recordTarget>\n<custodian><assignedCustodian><representedCustodianOrganization><name>',
        FA(fac), "</name></representedCustodianOrganization></assignedCustodian></custodian>",
    ]


def dicom(r):
    pl = place(r)
    pt, ref = V.person(r), V.person(r)
    old = r.random() < 0.6
    a = age(r) if old else r.randint(20, 88)
    age_piece = AG(f"{a:03d}") if old else f"{a:03d}"
    return [
        "(0008,0020) DA [", DT(V.date(r, 14)), "]   # StudyDate\n(0008,0050) SH [", AC(f"A{V.digits(r, 8)}"),
        "]   # AccessionNumber\n(0008,0080) LO [", FA(V.facility(r, pl, "hospital")),
        "]   # InstitutionName\n(0008,0090) PN [", NM(caps(ref["last"])), "^", NM(caps(ref["first"])),
        "]   # ReferringPhysicianName\n(0008,1010) SH [US-ROOM", str(r.randint(1, 4)),
        "]   # StationName\n(0010,0010) PN [", NM(caps(pt["last"])), "^", NM(caps(pt["first"])), "^",
        NM(pt["mi"]), "]   # PatientName\n(0010,0020) LO [", MR(V.mrn(r)),
        "]   # PatientID\n(0010,0030) DA [", DT(V.date(r, 14, 1921, 2005)),
        "]   # PatientBirthDate\n(0010,1010) AS [", age_piece, "Y]   # PatientAge\n(0018,1000) LO [",
        DV(V.serial(r)), "]   # DeviceSerialNumber",
    ]


def psql(r):
    pl = place(r)
    pt = V.person(r)
    y, m, d = V.date_parts(r)
    rows = [
        ("id", str(r.randint(100, 9999))), ("patient_name", NM(full(pt))),
        ("dob", DT(V.date(r, 4, 1931, 2010))), ("ssn_last4", SS(V.last4(r))),
        ("phone", PH(V.phone(r, pl[4], 2))), ("email", EM(V.email(r, pt))),
        ("street", AD(V.street_line(r, pl))), ("city", LO(pl[0])), ("zip", ZP(V.zip_value(r, pl))),
        ("referring_site", FA(V.facility(r, pl, "clinic"))), ("created_from_ip", IP(V.ipv4(r))),
    ]
    out = ["echo_registry=> \\x on\nExpanded display is on.\necho_registry=> select * from referral_queue where id = ",
           rows[0][1], ";\n-[ RECORD 1 ]---+------------------------------\n"]
    for k, v in rows:
        out += [f"{k:<16}| ", v, "\n"]
    out += [f"{'created_at':<16}| ", DT(f"{y}-{m:02d}-{d:02d}"), f" {r.randint(7, 19):02d}:{r.randint(10, 59)}:07.5+00"]
    return out


def sqlinsert(r):
    out = ["INSERT INTO transfer_log (pt_name, mrn, dob, phone, town, zip, sending_site, note) VALUES\n"]
    for i in range(2):
        pl = place(r)
        pt, rel = V.person(r), V.person(r)
        out += ["  ('", NM(pt["last"]), ", ", NM(pt["first"]), "', '", MR(V.mrn(r)), "', '",
                DT(V.date(r, 4, 1935, 2012)), "', '", PH(V.phone(r, pl[4], 1)), "', '", LO(pl[0]),
                "', '", ZP(pl[3]), "', '", FA(V.facility(r, pl, "clinic")), "', '",
                r.choice(["sister ", "son ", "niece ", "husband "]), NM(rel["first"]),
                " to call back')", ",\n" if i == 0 else ";"]
    return out


def yaml(r):
    pl = place(r)
    pt, dr = V.person(r), V.person(r)
    return [
        "patient:\n  name: ", NM(full(pt)), "\n  preferred: \"", NM(pt["first"]), "\"\n  born: ",
        DT(V.date(r, 4, 1931, 2012)), "\n  medicaid_id: ", AC(V.account(r)),
        "\ndevices:\n  - kind: insulin pump\n    serial: ", DV(V.serial(r)),
        "\n  - kind: phone\n    imei: \"", DV(V.imei(r)), "\"\nportal:\n  last_login_ip: ",
        IP(V.ipv6(r) if r.random() < 0.4 else V.ipv4(r)), "\n  shared_album: ", UR(V.personal_url(r, pt)),
        "\ncare_team:\n  - Dr. ", NM(full(dr)), " (", FA(V.facility(r, pl, "clinic")), ")",
    ]


def medwatch(r):
    pl = place(r)
    pt, rep = V.person(r), V.person(r)
    old = r.random() < 0.6
    a = age(r)
    return [
        "MEDWATCH FORM FDA 3500 (voluntary)\nA. PATIENT  identifier: ", NM(V.initials(pt)), "  age: ",
        AG(a) if old else str(r.randint(30, 88)), " yr  sex: ", pt["sex"], "  weight: ", f"{r.randint(38, 110)} kg",
        "\nB. ADVERSE EVENT  date of event: ", DT(V.date(r, 5)), "  date of report: ", DT(V.date(r, 5)),
        "\n   infusion pump free-flow; patient found hypotensive, recovered.\nD. SUSPECT DEVICE  model ",
        f"{r.randint(8000, 8100)}", "  serial # ", DV(V.serial(r)), "  lot # ", f"{r.randint(1000, 9999)}",
        "\nG. REPORTER  ", NM(fml(rep)), ", RN\n   ", AD(V.street_line(r, pl)), ", ", LO(pl[0]), ", ",
        pl[2], " ", ZP(V.zip_value(r, pl)), "\n   phone ", PH(V.phone(r, pl[4])), "  fax ",
        FX(V.phone(r, pl[4], 1)), "  e-mail ", EM(V.email(r, rep)), "\n   facility: ", FA(V.facility(r, pl, "clinic")),
    ]


def tumorboard(r):
    pl = place(r)
    ch, ro, np_, p1, p2 = (V.person(r) for _ in range(5))
    return [
        FA(V.facility(r, pl, "hospital")), " — Multidisciplinary Tumor Board, ", DT(V.date(r, 9)), "\nPresent: Dr. ",
        NM(ch["last"]), " (chair), Dr. ", NM(full(ro)), " (radiation oncology), ", NM(full(np_)),
        ", NP\nCase 1: ", NM(lf(p1)), " (MRN ", MR(V.mrn(r)), "), ", AG(age(r)), "-year-old from ",
        LO(pl[0]), "; cT2N0 adenocarcinoma, declines surgery, favors SBRT.\nCase 2: ", NM(V.initials(p2)),
        " (", MR(V.mrn(r)), "), ", str(r.randint(40, 85)),
        " F, ER+ HER2- breast, Oncotype 14; endocrine therapy alone.\nRecording: ",
        UR(f"https://{V.facility_domain(V.facility(r, pl, 'hospital'))}/tb/{r.randint(2024, 2026)}-{r.randint(1, 52):02d}/rec?id={V.digits(r, 6)}"),
    ]


def birthcert(r):
    pl = place(r)
    mom, dad = V.person(r, "F"), V.person(r, "M")
    baby = {"first": V.person(r)["first"], "last": dad["last"]}
    maiden = V.person(r, "F", mom["community"])["last"]
    return [
        "MOTHER'S WORKSHEET FOR CHILD'S BIRTH CERTIFICATE\n1. Child's name: ", NM(f"{baby['first']} {baby['last']}"),
        "\n2. Date of birth: ", DT(V.date(r, 0, 2026, 2026)), "   Time: ", f"{r.randint(0, 23):02d}:{r.randint(10, 59)}",
        "\n3. Facility: ", FA(V.facility(r, pl, "hospital")), ", ", LO(pl[0]), "\n8. Mother's legal name: ", NM(full(mom)),
        "   SSN: ", SS(V.ssn(r)), "\n9. Mother's name before first marriage: ", NM(f"{mom['first']} {maiden}"),
        "\n10. Residence: ", AD(V.street_line(r, pl)), ", ", LO(pl[0]), ", ", V.STATE_NAMES[pl[2]], " ",
        ZP(V.zip_value(r, pl)), "\n14. Father's name: ", NM(full(dad)), "   Father's DOB: ",
        DT(V.date(r, 0, 1975, 2004)), "\n20. Phone: ", PH(V.phone(r, pl[4], 0)), "  E-mail: ", EM(V.email(r, mom)),
    ]


def polst(r):
    pl = place(r)
    pt, agent, md = V.person(r), V.person(r, "F"), V.person(r)
    a = age(r)
    return [
        f"MEDICAL ORDERS FOR SCOPE OF TREATMENT ({V.STATE_NAMES[pl[2]]})\nPatient last name: ",
        NM(pt["last"].upper()), "   First: ", NM(pt["first"].upper()), "   DOB: ", DT(V.dob_for_age(r, a, 0)),
        "   (age ", AG(a), ")\nA. Do not attempt resuscitation.  B. Limited interventions.\nDiscussed with: ",
        NM(full(agent)), " (health care agent, daughter), ", AD(V.street_line(r, pl)), ", ", LO(pl[0]), " ",
        ZP(V.zip_value(r, pl)), ", tel ", PH(V.phone(r, pl[4])), "\nPhysician: ", NM(fml(md)), ", MD   License # ",
        LI(V.state_license(r, pl[2] if pl[2] in ("NY", "KY", "VA", "FL", "WI") else "NY")), "   Date ",
        DT(V.date(r, 1)), "\nFax copy to ", FA(V.facility(r, pl, "hospital")), " at ", FX(V.phone(r, pl[4], 2)),
    ]


def belongings(r):
    pl = place(r)
    pt, rn, sec, son = V.person(r), V.person(r), V.person(r), V.person(r, "M")
    st = pl[2] if pl[2] in ("NY", "KY", "VA", "FL", "WI") else "FL"
    return [
        "PATIENT BELONGINGS INVENTORY — ", FA(V.facility(r, pl, "hospital")), " ED\nPatient: ", NM(lf(pt).upper()),
        "   Acct ", AC(V.account(r)), "   Date ", DT(V.date(r, 1)), "\n[x] Cell phone, black case, IMEI ",
        DV(V.imei(r)), "\n[x] Hearing aid (L), serial ", DV(V.serial(r)),
        "\n[x] Car keys — truck in lot C, ", V.STATE_NAMES[st], " plate ", VE(V.plate(r, st)),
        "\n[x] Wallet: $42 cash, driver's license ", LI(V.drivers_license(r, st)),
        ", Medicare card\nWitness: ", NM(full(rn)), ", RN   Security: ", NM(sec["last"]),
        "\nReleased to: ", NM(full(son)), " (son) on ", DT(V.date(r, 0)),
    ]


def carseat(r):
    pl = place(r)
    tech, par = V.person(r), V.person(r)
    kid = V.person(r)["first"]
    st = pl[2] if pl[2] in ("NY", "KY", "VA", "FL", "WI") else "VA"
    return [
        "CHILD PASSENGER SAFETY CHECK — ", FA(V.facility(r, pl, "ems")), "\nDate: ", DT(V.date(r, 7)),
        "   Technician: ", NM(full(tech)), " (CPST ", LI(f"T{V.digits(r, 6)}"), ")\nParent: ", NM(full(par)),
        "   Phone: ", PH(V.phone(r, pl[4], 3)), "\nAddress: ", AD(V.street_line(r, pl)), ", ", LO(pl[0]), " ",
        ZP(V.zip_value(r, pl)), "\nVehicle: 2019 minivan, VIN ", VE(V.vin(r)), ", plate ", VE(V.plate(r, st)),
        f" ({st})\nChild: ", NM(kid), ", born ", DT(V.date(r, 5, 2020, 2025)),
        ", 14 kg, rear-facing convertible, model 2074612, made 2023. Harness retightened.",
    ]


def dhcp(r):
    pl = place(r)
    out = ["Wi-Fi controller — client export, guest SSID at ", FA(V.facility(r, pl)), ", ",
           DT(V.date(r, 4)), "\nhostname            | mac               | ip              | user\n"]
    for _ in range(3):
        p = V.person(r)
        dev = r.choice(["-iPhone", "-iPad", "-Galaxy-S23", "-laptop"])
        first = p["first"].replace(" ", "")
        out += [NM(first), f"{dev:<{19 - len(first)}}| ", DV(V.mac(r)), " | ", IP(V.ipv4(r, True)), " | ",
                NM(V.username(p)) if r.random() < 0.6 else "guest", "\n"]
    out.pop()
    out.append("")
    return out


def bounce(r):
    pl = place(r)
    pt, dr = V.person(r), V.person(r)
    fac = V.facility(r, pl, "clinic")
    addr = V.email(r, pt)
    y, m, d = V.date_parts(r)
    wd = r.choice(["Mon", "Tue", "Wed", "Thu", "Fri"])
    return [
        "From: MAILER-DAEMON\nSubject: Undeliverable: Appointment reminder for ", NM(full(pt)),
        "\n\nDelivery to the following recipient failed permanently:\n    ", EM(addr),
        "\nTechnical details: 550 5.1.1 <", EM(addr), ">: Recipient address rejected\nRemote-MTA: [",
        IP(V.ipv4(r, False)), "]\nArrival-Date: ", wd, ", ", DT(f"{d} {V.MONTHS[m - 1][:3]} {y}"),
        " 08:14:22 -0500\n----- original message -----\nDear ", NM(pt["first"]), ", your visit with Dr. ",
        NM(dr["last"]), " at ", FA(fac), " is on ", DT(V.date(r, 9)), ". Check in online: ",
        UR(f"https://{V.facility_domain(fac)}/checkin/{V.digits(r, 7)}"),
    ]


def grievance(r):
    pl = place(r)
    pt, mgr, adv = V.person(r, "F"), V.person(r), V.person(r)
    fac = V.facility(r, pl, "hospital")
    return [
        FA(fac), "\nPatient Relations\n", DT(V.date(r, 9)), "\n\n", NM(fml(pt)), "\n", AD(V.street_line(r, pl)),
        "\n", LO(pl[0]), ", ", pl[2], " ", ZP(V.zip_value(r, pl)), "\n\nRe: your concern of ", DT(V.date(r, 10)),
        ", account ", AC(V.account(r)), "\n\nDear Ms. ", NM(pt["last"]),
        ":\nThank you for telling us about your mother's stay. ", NM(full(mgr)),
        ", our nurse manager, has reviewed the call-light delays with the night staff. Please call me at ",
        PH(V.phone(r, pl[4], 0)), " or fax papers to ", FX(V.phone(r, pl[4], 0)),
        ". A short survey is at ", UR(f"https://{V.facility_domain(fac)}/voice?c={V.digits(r, 6)}"),
        "\n\nSincerely,\n", NM(full(adv)), ", Patient Advocate",
    ]


def h2a(r):
    pl = place(r)
    w = V.person(r, "M", r.choice(["jamaican", "jamaican", "indocaribbean"]))
    wife = V.person(r, "F", w["community"])
    drv, crew = V.person(r), V.person(r)
    town, country, pre = r.choice(V.ABROAD[:4] + V.ABROAD[12:14])
    st = pl[2] if pl[2] in ("NY", "KY", "VA", "FL", "WI") else "NY"
    return [
        "Migrant health outreach — ", FA(V.facility(r, pl, "farm")), ", ", LO(pl[0]), " — ", DT(V.date(r, 7)),
        "\nWorker: ", NM(full(w)), f" ({country}), H-2A. Passport ", SS(f"{r.choice('ABP')}{V.digits(r, 7)}"),
        "\nHome: ", LO(town), ". Wife ", NM(wife["first"]), " at ", PH(V.phone_abroad(r, pre)),
        "\nUS cell: ", PH(V.phone(r, pl[4], 2)), "\nBP 162/98 on no meds; started amlodipine 5 mg, 30 given.",
        "\nVan driver ", NM(full(drv)), ", van plate ", VE(V.plate(r, st)), "; crew leader ", NM(crew["last"]),
        ".",
    ]


def shelter(r):
    pl = place(r)
    pt, ec = V.person(r), V.person(r)
    a = age(r)
    return [
        "SPECIAL NEEDS SHELTER INTAKE — ", FA(V.facility(r, pl, "shelter")), " — ", DT(V.date(r, 12)), "\nName: ",
        NM(full(pt)), "   Age: ", AG(a), "   DOB: ", DT(V.dob_for_age(r, a, 0)), "\nHome: ", AD(V.street_line(r, pl)),
        ", ", LO(pl[0]), " ", ZP(V.zip_value(r, pl)), "\nMedicare: ", AC(mbi(r)), "   SSN last 4: ", SS(V.last4(r)),
        "\nEmergency contact: ", NM(full(ec)), " (", r.choice(["niece", "son", "neighbor", "grandson"]), ") ",
        PH(V.phone(r, pl[4])), "\nPower-dependent: oxygen concentrator SN ", DV(V.serial(r)),
        "; nebulizer. Needs cot near outlet.\nCar left in shelter lot: ",
        V.STATE_NAMES[pl[2]], " plate ", VE(V.plate(r, pl[2])),
    ]


def tbroster(r):
    pl = place(r)
    idx = V.person(r)
    fac = V.facility(r, pl, "health")
    out = ["TB CONTACT INVESTIGATION — case ", AC(f"TB-{r.randint(24, 26)}-{V.digits(r, 4)}"), " (index ",
           NM(V.initials(idx, dots=False)), ") — ", FA(fac),
           "\ncontact | relation | age | phone | address | IGRA drawn\n"]
    rels = ["spouse", "grandson", "coworker", "church member", "roommate"]
    for i in range(3):
        c = V.person(r)
        a = age(r) if i == 0 else r.randint(3, 70)
        out += [NM(full(c)), f" | {rels[i if i else 0]} | ", AG(a) if i == 0 else str(a), " | ",
                PH(V.phone(r, pl[4], 1)), " | "]
        out += [AD(V.street_line(r, pl)) if i != 2 else FA(V.facility(r, pl, "farm")), " | ",
                DT(V.date(r, 3)) if i != 1 else "pending", "\n" if i < 2 else ""]
    return out


def telestroke(r):
    spoke, hub = place(r), place(r)
    pt, md = V.person(r), V.person(r)
    y, m, d = V.date_parts(r)
    st = hub[2] if hub[2] in ("NY", "KY", "VA", "FL", "WI") else "KY"
    return [
        "TELESTROKE CONSULT — spoke ", FA(V.facility(r, spoke, "hospital")), " → hub ", FA(V.facility(r, hub, "hospital")),
        "\nPt ", NM(lf(pt)), "  MRN ", MR(V.mrn(r)), "  age ", AG(age(r)), "  LKW ", DT(f"{m}/{d}/{y}"),
        " 06:10\nDoor 07:02 | video 07:11 | CT read 07:19 | lytic decision 07:31 | NIHSS 9\nCart S/N ",
        DV(V.serial(r)), " at ", IP(V.ipv4(r, True)), "; session ",
        UR(f"https://telestroke.{V.facility_domain(V.facility(r, hub, 'hospital'))}/s/{V.digits(r, 8)}"),
        "\nNeurologist: ", NM(full(md)), ", MD (NPI ", LI(V.npi(r)), f", {st} lic ", LI(V.state_license(r, st)),
        ")\nNote faxed to ", FX(V.phone(r, spoke[4], 1)),
    ]


def retinal(r):
    pl = place(r)
    out = ["PatientID;Surname;Forename;DOB;ExamDate;Eye;CDR;Grade;Camera;SiteIP\n"]
    cam, ip = V.serial(r), V.ipv4(r, True)
    for i in range(2):
        p = V.person(r)
        out += [MR(V.mrn(r)), ";", NM(caps(p["last"])), ";", NM(p["first"]), ";", DT(V.date(r, 3, 1935, 2005)),
                ";", DT(V.date(r, 3)), f";{r.choice(['OD', 'OS'])};0,{r.randint(2, 7)};R{r.randint(0, 2)}M0;",
                DV(cam), ";", IP(ip), "\n"]
    out += ["Site: ", FA(V.facility(r, pl, "clinic")), " (", LO(pl[0]), ")"]
    return out


def ncpdp(r):
    pl = place(r)
    pt, pr = V.person(r), V.person(r)
    y, m, d = V.date_parts(r, 1931, 2012)
    ph = lambda: V.phone(r, pl[4], 0).replace("(", "").replace(") ", "").replace("-", "")  # noqa: E731
    return [
        "<NewRx>\n <Pharmacy><BusinessName>", FA(V.facility(r, pl, "pharmacy")), "</BusinessName><PrimaryTelephone>",
        PH(ph()), "</PrimaryTelephone><Fax>", FX(ph()), "</Fax></Pharmacy>\n <Prescriber><NPI>", LI(V.npi(r)),
        "</NPI><DEANumber>", LI(V.dea(r, pr["last"])), "</DEANumber><LastName>", NM(pr["last"]),
        "</LastName><FirstName>", NM(pr["first"]), "</FirstName></Prescriber>\n <Patient><LastName>",
        NM(pt["last"]), "</LastName><FirstName>", NM(pt["first"]), "</FirstName><DateOfBirth><Date>",
        DT(f"{y}-{m:02d}-{d:02d}"), "</Date></DateOfBirth>\n  <Address><AddressLine1>", AD(V.street_line(r, pl)),
        "</AddressLine1><City>", LO(pl[0]), f"</City><StateProvince>{pl[2]}</StateProvince><PostalCode>",
        ZP(pl[3]), "</PostalCode></Address></Patient>\n <MedicationPrescribed><DrugDescription>apixaban 5 mg tablet</DrugDescription><Quantity>60</Quantity><WrittenDate><Date>",
        DT(V.date(r, 4)), "</Date></WrittenDate></MedicationPrescribed>\n</NewRx>",
    ]


def donor(r):
    pl = place(r)
    pt, cs = V.person(r), V.person(r)
    fac = V.facility(r, pl, "hospital")
    return [
        FA(fac), " — Donor Services\n", DT(V.date(r, 8)), "\n\n", NM(full(pt)), "\n", AD(V.street_line(r, pl)),
        ", ", LO(pl[0]), " ", ZP(V.zip_value(r, pl)), "\n\nDear ", NM(pt["first"]),
        ",\nThank you for giving at the blood drive on ", DT(V.date(r, 9)), " (donor ID ",
        AC(f"W{V.digits(r, 4)} {r.randint(24, 26)} {V.digits(r, 6)}"),
        "). A screening test on your donation was reactive, so you are deferred for now. Please call our donor counselor, ",
        NM(full(cs)), ", at ", PH(V.phone(r, pl[4], 4)), ", or e-mail ", EM(V.email(r, cs)), ". More at ",
        UR(f"https://{V.facility_domain(fac)}/deferral?d={V.digits(r, 6)}"), ".",
    ]


def mammo(r):
    pl = place(r)
    tech = V.person(r, "F")
    st = pl[2] if pl[2] in ("NY", "KY", "VA", "FL", "WI") else "WI"
    out = ["MOBILE MAMMOGRAPHY — coach plate ", VE(V.plate(r, st)), "\nSite: ", FA(V.facility(r, pl, "shelter")), ", ",
           LO(pl[0]), "   Date: ", DT(V.date(r, 10)), "\n"]
    for t in ("09:00", "09:20"):
        p = V.person(r, "F")
        out += [t, "  ", NM(lf(p)), "  DOB ", DT(V.date(r, 1, 1936, 1985)), "  MRN ", MR(V.mrn(r)), "  ph ",
                PH(V.phone(r, pl[4], 7)), "\n"]
    out += ["Tech: ", NM(full(tech)), ", RT(R)(M), ARRT ", LI(V.digits(r, 6)), "; results fax ",
            FX(V.phone(r, pl[4], 2))]
    return out


def paramedic(r):
    pl = place(r)
    pt, md, cp = V.person(r), V.person(r), V.person(r)
    gd = V.person(r, "F")["first"]
    a = age(r)
    return [
        "COMMUNITY PARAMEDIC VISIT — ", FA(V.facility(r, pl, "ems")), "\n", DT(V.date(r, 13)), " — ", NM(fml(pt)),
        ", age ", AG(a), ", at ", AD(V.street_line(r, pl)), " (", LO(pl[0]), "); lives with granddaughter ",
        NM(gd), ".\nBluetooth scale S/N ", DV(V.serial(r)),
        " synced; weight up 1.4 kg in 3 days, 2+ edema. Called Dr. ", NM(md["last"]), "'s office at ",
        PH(V.phone(r, pl[4], 2)), "; furosemide increased per phone order.\nParamedic: ", NM(full(cp)),
        ", CP-C, license ", LI(f"{pl[2]}-{V.digits(r, 6)}"),
    ]


def midwife(r):
    pl = place(r)
    mw, mom, sec = V.person(r, "F"), V.person(r, "F"), V.person(r, "F")
    baby = V.person(r)["first"]
    fac = V.facility(r, pl, "hospital")
    return [
        "HOME BIRTH RECORD — ", NM(full(mw)), ", CPM (license ", LI(f"CPM{V.digits(r, 5)}"), ")\nClient: ",
        NM(full(mom)), "   SSN ", SS(V.ssn(r, r.choice(["-", " ", ""]))), "\nBirth at: ", AD(V.street_line(r, pl)),
        ", ", LO(pl[0]), "\nBaby: ", NM(f"{baby} {mom['last']}"), ", born ", DT(V.date(r, 6)),
        " at 04:12, 3.4 kg, Apgar 8/9, EBL 300 mL\nTransfer plan: ", FA(fac), ", L&D ", PH(V.phone(r, pl[4], 0)),
        "\nSecond attendant: ", NM(sec["first"]), " ", NM(sec["last"]), "\nBirth photos for the family: ",
        UR(V.personal_url(r, mom)),
    ]


def proxy(r):
    pl = place(r)
    pt, px = V.person(r), V.person(r, "F")
    st = pl[2] if pl[2] in ("NY", "KY", "VA", "FL", "WI") else "NY"
    fac = V.facility(r, pl, "hospital")
    return [
        "PATIENT PORTAL — PROXY ACCESS REQUEST (", FA(fac), ")\nPatient: ", NM(full(pt)), "   DOB ",
        DT(V.date(r, 2, 1931, 1960)), "   MRN ", MR(V.mrn(r)), "\nProxy: ", NM(full(px)),
        "   Relationship: daughter\nProxy e-mail: ", EM(V.email(r, px)), "   Cell: ", PH(V.phone(r, pl[4], 0)),
        "\nIdentity checked: driver's license ", LI(V.drivers_license(r, st)), f" ({st}), SSN last 4 ",
        SS(V.last4(r)), "\nSigned ", DT(V.date(r, 0)), " from IP ", IP(V.ipv4(r, False)), "; invitation link ",
        UR(f"https://mychart.{V.facility_domain(fac)}/proxy/invite?t={V.digits(r, 9)}"),
    ]


def travel(r):
    pl = place(r)
    p = V.person(r, None, r.choice(["bosnian", "albanian", "fuzhou", "palauan", "indocaribbean", "swiss", "hasidic"]))
    abroad = {"bosnian": V.ABROAD[4:7], "albanian": V.ABROAD[7:9], "fuzhou": V.ABROAD[9:11],
              "palauan": V.ABROAD[11:12], "indocaribbean": V.ABROAD[12:14], "swiss": V.ABROAD[14:15],
              "hasidic": V.ABROAD[16:17]}[p["community"]]
    town, country, pre = r.choice(abroad)
    rel = V.person(r, None, p["community"])
    return [
        "TRAVEL MEDICINE — pre-travel consult, ", DT(V.date(r, 5)), "\n", NM(full(p)), ", DOB ",
        DT(V.date(r, 5, 1940, 2008)), ", US passport ", SS(V.digits(r, 9)), ", travelling to ", LO(town),
        f" ({country}) ", DT(V.date(r, 7)), " to ", DT(V.date(r, 7)),
        " to visit family.\nGiven: hepatitis A #1, Tdap; typhoid oral x4 capsules.\nContact abroad: ",
        NM(full(rel)), " ", PH(V.phone_abroad(r, pre)), "\nItinerary sent to ", EM(V.email(r, p)),
        "; home ", LO(pl[0]), ", ", pl[2], ". Itinerary: ", UR(V.personal_url(r, p)),
    ]


def bite(r):
    pl = place(r)
    v, own, off = V.person(r), V.person(r), V.person(r)
    old = r.random() < 0.5
    st = pl[2] if pl[2] in ("NY", "KY", "VA", "FL", "WI") else "FL"
    return [
        "ANIMAL BITE REPORT — ", FA(V.facility(r, pl, "health")), "  report # ", AC(f"AB{r.randint(24, 26)}-{V.digits(r, 4)}"),
        "\nVictim: ", NM(full(v)), ", age ", AG(age(r)) if old else str(r.randint(4, 80)), ", ",
        AD(V.street_line(r, pl)), ", ", LO(pl[0]), " ", ZP(pl[3]), ", ph ", PH(V.phone(r, pl[4])),
        "\nDate of bite: ", DT(V.date(r, 1)), "; dog, leashed, right calf, 2 punctures.\nOwner: ",
        NM(full(own)), ", same road; dog to be confined 10 days. Owner's truck plate ", VE(V.plate(r, st)),
        ".\nOfficer ", NM(off["last"]), "; report faxed to ", FX(V.phone(r, pl[4], 1)),
    ]


def survey(r):
    pl = place(r)
    out = ["survey_id\tvisit_date\tunit\tcomment\n"]
    n1, d1, n2 = V.person(r), V.person(r), V.person(r)
    out += [AC(V.digits(r, 9)), "\t", DT(V.date(r, 4)), "\t", FA(V.facility(r, pl, "clinic")), "\t\"nurse ",
            NM(n1["first"]), " was wonderful at night, Dr. ", NM(d1["last"]), " explained everything\"\n"]
    out += [AC(V.digits(r, 9)), "\t", DT(V.date(r, 4)), "\t", FA(V.facility(r, pl, "clinic")),
            "\t\"nobody called me back about the bill. call ", PH(V.phone(r, pl[4], 1)), " or ",
            EM(V.email(r, n2)), " - ", NM(full(n2)), "\""]
    return out


def fair(r):
    pl = place(r)
    county = pl[1] if pl[2] not in ("VI", "GU") else pl[0]
    out = [LO(county), " County Fair — first aid tent log — ", DT(V.date(r, 9)),
           "\ntime  | name | age | from | complaint | disposition\n"]
    a = age(r)
    p1, p2, p3 = V.person(r), V.person(r), V.person(r)
    pl2 = place(r)
    out += ["13:05 | ", NM(full(p1)), f" | {r.randint(5, 15)} | ", LO(pl[0]), " | bee sting | ice, home\n"]
    out += ["14:40 | ", NM(full(p2)), " | ", AG(a), " | ", LO(pl2[0]), " | heat, dizzy | ", FA(V.facility(r, pl, "ems")),
            " ambulance\n"]
    out += ["16:10 | ", NM(p3["first"]), " (4-H barn) | ", str(r.randint(10, 17)),
            " | — | hoof to foot | x-ray advised; mother ", PH(V.phone(r, pl[4], 5))]
    return out


def opo(r):
    pl = place(r)
    rn, pt, wife, co = V.person(r), V.person(r, "M"), V.person(r, "F"), V.person(r)
    return [
        "ORGAN PROCUREMENT REFERRAL LINE — referral ", AC(f"{r.randint(24, 26)}-{V.digits(r, 5)}"),
        "\nCaller: ", NM(full(rn)), ", RN, ", FA(V.facility(r, pl, "hospital")), ", callback ", PH(V.phone(r, pl[4], 2)),
        ", fax ", FX(V.phone(r, pl[4], 2)), "\nPt: ", NM(lf(pt)), ", ", AG(age(r)) if r.random() < 0.3 else str(r.randint(20, 80)),
        ", MRN ", MR(V.mrn(r)), "; vented, GCS 3, anoxic after arrest\nTime of referral: ", DT(V.date(r, 4)),
        " 02:14\nFamily: ", NM(full(wife)), " (wife) ", PH(V.phone(r, pl[4])), "\nCoordinator on call: ",
        NM(co["first"]), " ", NM(co["last"]),
    ]


def rxlabel(r):
    pl = place(r)
    pt, dr = V.person(r), V.person(r)
    return [
        FA(V.facility(r, pl, "pharmacy").upper()), "\n", AD(V.street_line(r, pl)), "  ", LO(pl[0].upper()), ", ", pl[2], " ",
        ZP(pl[3]), "  ", PH(V.phone(r, pl[4], 0)), "\nRx# ", AC(V.digits(r, 7)), "        ", DT(V.date(r, 1)),
        "\n", NM(caps(full(pt))), "\n", AD(V.street_line(r, pl).upper()),
        "\nTAKE 1 TABLET BY MOUTH TWICE DAILY\nMETOPROLOL TART 25MG  QTY 60  REFILLS 3\nDR. ", NM(caps(dr["last"])),
        "\nDISCARD AFTER ", DT(V.date(r, 1)),
    ]


def rtls(r):
    pl = place(r)
    staff, pt = V.person(r), V.person(r)
    y, m, d = V.date_parts(r)
    dd = f"{y}-{m:02d}-{d:02d}"
    rm = r.randint(100, 420)
    return [
        '{"ts":"', DT(dd), f'T02:11:09Z","event":"badge_enter","badge":"', DV(f"B-{V.digits(r, 2)}A{V.digits(r, 3)}F"),
        '","staff":"', NM(full(staff)), f'","room":"{rm}"}}\n{{"ts":"', DT(dd),
        f'T02:11:40Z","event":"call_light_cancel","patient":"', NM(pt["last"]), ", ", NM(pt["first"]),
        '","mrn":"', MR(V.mrn(r)), f'","room":"{rm}","gateway":"', IP(V.ipv4(r, True)), '","site":"',
        FA(V.facility(r, pl, "hospital")), '"}',
    ]


SHAPES = [
    ("ics213", ics213), ("call911", call911), ("flight", flight), ("ccda", ccda), ("dicom", dicom),
    ("psql", psql), ("sqlinsert", sqlinsert), ("yaml", yaml), ("medwatch", medwatch),
    ("tumorboard", tumorboard), ("birthcert", birthcert), ("polst", polst), ("belongings", belongings),
    ("carseat", carseat), ("dhcp", dhcp), ("bounce", bounce), ("grievance", grievance), ("h2a", h2a),
    ("shelter", shelter), ("tbroster", tbroster), ("telestroke", telestroke), ("retinal", retinal),
    ("ncpdp", ncpdp), ("donor", donor), ("mammo", mammo), ("paramedic", paramedic), ("midwife", midwife),
    ("proxy", proxy), ("travel", travel), ("bite", bite), ("survey", survey), ("fair", fair), ("opo", opo),
    ("rxlabel", rxlabel), ("rtls", rtls),
]

# -------------------------------------------------------------------------------------------
# Hand-written one-offs: [[value|CATEGORY]] marks a span.
ONEOFFS = [
    ("coxsackie-town", "Pt lives in [[Coxsackie|LOCATION]], [[Greene|LOCATION]] County; the Coxsackie B titer came back negative. Son [[Cornelius Vernooy|NAME]] drives her."),
    ("florida-ny", "Moved from the Gulf Coast to [[Florida|LOCATION]], NY ([[10921|ZIP]]) last year to be near her daughter [[Drita Camaj|NAME]]; still has a Florida plate, [[KTR G41|VEHICLE]]."),
    ("hurt-va", "[[Otha Royster|NAME]] of [[Hurt|LOCATION]], VA says his back hurt after loading tobacco; call [[(434) 324-8817|PHONE]]."),
    ("la-crosse", "La Crosse virus IgM negative. Family is from [[La Crosse|LOCATION]], Virginia, not Wisconsin; mother [[Queenie Bugg|NAME]] at [[434-757-2290|PHONE]]."),
    ("bourbon-county", "Tick bite while mowing in [[Bourbon|LOCATION]] County; Bourbon virus testing sent to the state lab. Farm: [[Clarkston Stallion Station|FACILITY]], [[Paris|LOCATION]], KY."),
    ("norwalk-wi", "Norovirus outbreak at the [[Norwalk|LOCATION]] church supper, [[9/14/26|DATE]]; [[Verena Zweifel|NAME]] ([[ninety-three|AGE]]) admitted."),
    ("stanford", "Stanford type B dissection. Patient [[Aloysius Mudd|NAME]] of [[Stanford|LOCATION]], KY [[40484-2218|ZIP]]."),
    ("mon-bijou", "Home: [[Plot 14-B Estate Mon Bijou|ADDRESS]], [[Christiansted|LOCATION]], VI [[00820|ZIP]]. Tel [[340-773-4102|PHONE]]. Grandson [[Wilburn Heyliger|NAME]]."),
    ("guam-village", "Family fiesta in [[Inarajan|LOCATION]] on [[Santa Marian Kamalen day 2025|DATE]]; Tan [[Rosalia Leon Guerrero|NAME]], [[97|AGE]], fell at church."),
    ("ordinal-date", "Specimen logged [[2026-073|DATE]] (day of year) for [[Yoel Teitelbaum|NAME]], [[Kiryas Joel|LOCATION]]; MRN [[KJ-0042217|MRN]]."),
    ("roman-date", "Vaccinated [[14-III-2026|DATE]] per the card from [[Tuzla|LOCATION]]; [[Emina Hadžić|NAME]], passport [[B2290415|SSN]]."),
    ("ham-callsign", "Net check-in from [[KP2XT|LICENSE]] ([[Lenox Gumbs|NAME]]) reporting the clinic generator down; relay via [[KH2JM|LICENSE]]."),
    ("eponym-katz", "Katz ADL 3/6. Daughter-in-law [[Chaya Katz|NAME]] manages meds; Mrs. [[Katz|NAME]] reports Friedman curve not followed at her own delivery."),
    ("eponym-thompson", "Thompson test negative. Trainer [[Leo Thompson|NAME]] ([[859-873-4410|PHONE]]) wants him back riding by [[Derby Day 2026|DATE]]."),
    ("storm-weiss", "Thyroid storm ruled out. Mallory-Weiss tear on EGD. Husband [[Moses Storm|NAME]] and Dr. [[Weiss|NAME]] aware."),
    ("word-names", "[[verity marrow|NAME]] came in with a rash; bone marrow biopsy deferred. sister [[honor|NAME]] will bring her back [[june 3rd|DATE]]."),
    ("cisco-mac", "Tablet [[a4c3.f0e1.2b7d|DEVICE]] pulled [[10.40.12.77|IP]] on the [[Viroqua|LOCATION]] clinic VLAN; user [[rlegler|NAME]]."),
    ("ipv6-log", "Portal login for [[Selma Begić|NAME]] from [[2600:1702:4a1:9c0::2e|IP]] at 22:14 on [[4 Apr 2026|DATE]]."),
    ("nnumber", "Lifeguard [[N412LF|VEHICLE]] lifted from the [[Moore Haven|LOCATION]] pad; pilot [[Clell Whidden|NAME]]."),
    ("vin-tail", "Stolen truck, VIN ending [[73H41902|VEHICLE]]; owner [[Fridolin Kundert|NAME]], [[New Glarus|LOCATION]]."),
    ("age-words", "Mr. [[Urban Spalding|NAME]] turned [[a hundred and two|AGE]] on [[the feast of St. Joseph, 2026|DATE]]; Spalding sign not relevant here, just a family joke."),
    ("bare-domain", "Her grandson posts updates at [[bigmamaozella.com|URL]]; e-mail [[ozella.overbey@embarqmail.com|EMAIL]]."),
    ("fax-header", "[[03/14/2026|DATE]] 11:02 FROM: [[Halifax Regional Hospital|FACILITY]] FAX [[434-517-3390|FAX]] P. 001/004"),
    ("two-ssn", "Guarantor SSN [[412 67 2219|SSN]]; patient SSN on file ends [[0913|SSN]]. Acct [[HRH-2219047|ACCOUNT]]."),
    ("jamaica-phone", "Wife [[Sashana Bogle|NAME]] in [[Mandeville|LOCATION]], [[+1 876 962 4410|PHONE]]; he works at [[Osterhoudt Hill Orchards|FACILITY]], [[Clintondale|LOCATION]]."),
    ("seminole", "[[Jennie Osceola|NAME]], [[Brighton|LOCATION]] Reservation, [[Okeechobee|LOCATION]] [[34974|ZIP]]; tribal clinic [[Brighton Health Clinic|FACILITY]]."),
    ("ho-chunk", "Grandmother [[Winona Decorah|NAME]] ([[96|AGE]]) at [[W9814 County Rd P|ADDRESS]], [[Cashton|LOCATION]]."),
    ("dea-sig", "e-signed [[Jacobus Hasbrouck|NAME]], MD  NPI [[1245319599|LICENSE]]  DEA [[BH1234563|LICENSE]]"),
    ("chinese-contact", "Mother [[Lin Meixiang|NAME]] in [[Changle|LOCATION]], [[+86 138 5912 0471|PHONE]]; interpreter [[Weng Jianhua|NAME]]."),
    ("device-recall", "Recall letter: pacemaker S/N [[PJN4417120|DEVICE]] implanted [[2019-11-04|DATE]] at [[Spring View Hospital|FACILITY]]."),
]
