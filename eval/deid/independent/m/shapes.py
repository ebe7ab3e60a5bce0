"""Set M identifier passage shapes.

A shape takes a `random.Random` and returns a list of pieces: plain text, or a
(value, CATEGORY) pair that becomes a gold span when the passage is assembled.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from values import (
    ABROAD,
    HOLIDAYS,
    PR_TOWNS,
    STATE_NAMES,
    VANITY,
    Day,
    Person,
    account,
    age_old,
    age_words,
    boat_reg,
    dea,
    digits,
    dob,
    dob_old,
    driver_license,
    email,
    facility,
    hin,
    imei,
    intl_phone,
    ipv4,
    ipv6,
    last4,
    letters,
    mac,
    mbi,
    mrn,
    nnumber,
    npi,
    phone,
    phone_ext,
    place,
    plate,
    pobox,
    pr_address,
    recent,
    serial,
    ssn,
    state_license,
    street,
    unit,
    vin,
    zip5,
    zip9,
)

Piece = str | tuple
Shape = Callable[[random.Random], list]


def _c(cat: str) -> Callable[[str], tuple]:
    return lambda v: (v, cat)


N, D, FAC, PH, LOC, ACC = (
    _c("NAME"),
    _c("DATE"),
    _c("FACILITY"),
    _c("PHONE"),
    _c("LOCATION"),
    _c("ACCOUNT"),
)
ADR, Z, MRN, AGE, LIC, VEH = (
    _c("ADDRESS"),
    _c("ZIP"),
    _c("MRN"),
    _c("AGE"),
    _c("LICENSE"),
    _c("VEHICLE"),
)
EM, DEV, FX, IP, SSN, URL = _c("EMAIL"), _c("DEVICE"), _c("FAX"), _c("IP"), _c("SSN"), _c("URL")


def pick(rng: random.Random, *opts):
    return opts[rng.randint(0, len(opts) - 1)]


# 1 vertical key/value registration form, one field a line, padded
def vertical_registration(r: random.Random) -> list:
    p, pl = Person(r), place(r)
    d = dob(r)
    st = street(r, pl[1])
    out = [
        "PATIENT DEMOGRAPHICS\n",
        "Last name ......... ",
        N(p.last.upper()),
        "\nFirst name ........ ",
        N(p.first.upper()),
        "\nMiddle ............ ",
        N(p.mi),
        "\nDOB ............... ",
        D(d.fmt(r.choice([0, 4, 13]))),
        "\nSSN ............... ",
        SSN(ssn(r)),
        "\nStreet ............ ",
        ADR(st.upper()),
    ]
    if r.random() < 0.4:
        out += ["\nUnit .............. ", ADR(unit(r).upper())]
    out += [
        "\nCity .............. ",
        LOC(pl[0].upper()),
        "\nState/ZIP ......... ",
        pl[1],
        " ",
        Z(zip9(r, pl)),
        "\nHome phone ........ ",
        PH(phone(r, pl[4], 0)),
        "\nE-mail ............ ",
        EM(email(r, p.first, p.last)),
        "\nMRN ............... ",
        MRN(mrn(r)),
        "\nGuarantor acct .... ",
        ACC(account(r)),
        "\nPre-registered online from ",
        IP(ipv4(r)),
    ]
    return out


# 2 labels written after the values
def labels_after(r: random.Random) -> list:
    p, pl = Person(r), place(r)
    return [
        N(p.lf()),
        " -- ",
        MRN(mrn(r)),
        " (MRN) -- ",
        D(dob(r).fmt(r.choice([0, 1, 9]))),
        " (DOB) -- ",
        PH(phone(r, pl[4], r.choice([1, 2, 3]))),
        " (home), ",
        PH(phone(r, pl[4], r.choice([1, 7]))),
        " (cell) -- ",
        ACC(account(r)),
        " (acct) -- ",
        SSN(last4(r)),
        " (SSN, last 4) -- ",
        AGE(age_old(r)),
        " (age) -- seen ",
        D(recent(r).fmt(1)),
        " (DOS) at ",
        FAC(facility(r, "clinic", pl[0], pl[2])),
        " (site).",
    ]


# 3 registration in all-caps teletype with slashes
def teletype_adt(r: random.Random) -> list:
    p, pl = Person(r), place(r)
    d = dob_old(r) if r.random() < 0.5 else dob(r)
    out = [
        "ADT A04 ++ PT/",
        N(p.last.upper().replace(" ", "")),
        "/",
        N(p.first.upper()),
        " ",
        N(p.mi),
        " DOB/",
        D(d.fmt(6)),
        " SEX/",
        p.sex,
    ]
    if d.y < 1936:
        out += [" AGE/", AGE(str(2026 - d.y))]
    out += [
        " MRN/",
        MRN(mrn(r)),
        " SS/",
        SSN(ssn(r, 2)),
        " ADDR/",
        ADR(street(r, pl[1]).upper()),
        " ",
        LOC(pl[0].upper()),
        " ",
        pl[1],
        " ",
        Z(zip5(r, pl)),
        " TEL/",
        PH(phone(r, pl[4], 6)),
        " NOK/",
        N(Person(r).caps()),
        " GUAR ACCT/",
        ACC(account(r)),
        " ++ END",
    ]
    return out


# 4 EMS computer-aided dispatch log in capitals
def ems_cad(r: random.Random) -> list:
    p, c, pl = Person(r), Person(r), place(r)
    t = recent(r)
    return [
        "CAD INC ",
        ACC(f"{t.y % 100}-{digits(r, 6)}"),
        " ",
        D(t.fmt(2)),
        " 0",
        str(r.randint(100, 959)),
        " ",
        FAC(facility(r, "agency", pl[0], pl[2]).upper()),
        " M",
        str(r.randint(11, 49)),
        " DISP\nLOC: ",
        ADR(street(r, pl[1]).upper()),
        " ",
        LOC(pl[0].upper()),
        "\nCALLER: ",
        N(c.caps()),
        " (",
        pick(r, "DAUGHTER", "NEIGHBOR", "SON", "WIFE"),
        ") CBN ",
        PH(phone(r, pl[4], 6)),
        "\nPT: ",
        N(p.LF()),
        " ",
        AGE(age_old(r)),
        pick(r, "YOF", "YOM", " YO", " Y/O"),
        " FALL FROM STANDING, ON BLOOD THINNER",
        "\nVEH ON SCENE: ",
        STATE_NAMES[pl[1]].upper(),
        " ",
        VEH(plate(r, pl[1])),
        " / ",
        STATE_NAMES[pl[1]].upper(),
        " ",
        VEH(plate(r, pl[1])),
    ]


# 5 dental progress note
def dental_note(r: random.Random) -> list:
    p, dds, pl = Person(r), Person(r), place(r)
    tooth = r.choice(
        [
            "#3 MOD composite",
            "#14 crown prep",
            "#19 RCT access",
            "#30 extraction",
            "#8 veneer",
            "#2 DO amalgam repair",
        ]
    )
    return [
        "Dental progress note -- ",
        FAC(facility(r, "dental", pl[0], pl[2], dds.last)),
        "\nPt: ",
        N(p.full_mi()),
        "  Chart ",
        MRN(mrn(r)),
        "  DOB ",
        D(dob(r).fmt(r.choice([1, 5, 8]))),
        "\nDOS ",
        D(recent(r).fmt(0)),
        ": ",
        tooth,
        ", 2% lidocaine 1:100,000 epi x2 carpules. Pt tolerated well.\nSubscriber ID ",
        ACC(account(r)),
        " (",
        pick(r, "Delta Dental", "MetLife Dental", "Guardian", "Medicaid dental"),
        "), subscriber ",
        N(Person(r).full()),
        ".\nProvider: Dr. ",
        N(dds.full()),
        ", DDS, ",
        pl[1],
        " lic. ",
        LIC(state_license(r, pl[1])),
        ", NPI ",
        LIC(npi(r)),
        ". Referral to oral surgery faxed to ",
        FX(phone(r, pl[4], 1)),
        ".",
    ]


# 6 behavioral health intake and safety plan
def bh_safety_plan(r: random.Random) -> list:
    p, t, e1, e2, pl = Person(r), Person(r), Person(r), Person(r), place(r)
    return [
        "SAFETY PLAN (",
        FAC(facility(r, "bh", pl[0], pl[2])),
        ")\nClient: ",
        N(p.nicked()),
        ", DOB ",
        D(dob(r).fmt(r.choice([0, 2, 9]))),
        ", BH record ",
        MRN(mrn(r)),
        "\nPeople I can call: my sister ",
        N(e1.first),
        " ",
        PH(phone(r, pl[4], 1)),
        "; ",
        N(e2.full()),
        " (sponsor) ",
        PH(phone(r, pl[4], 7)),
        "\nPlaces that help: the river trail behind ",
        ADR(street(r, pl[1])),
        "\nTherapist: ",
        N(t.full()),
        ", LCSW #",
        LIC(digits(r, 6)),
        " | ",
        EM(email(r, t.first, t.last)),
        "\nCrisis: 988. Client e-mail for reminders: ",
        EM(email(r, p.first, p.last)),
        "\nReviewed with ",
        N(p.first),
        " on ",
        D(recent(r).fmt(9)),
        ".",
    ]


# 7 interpreter note
def interpreter_note(r: random.Random) -> list:
    p, i, rel = Person(r, "F"), Person(r), Person(r, "M")
    ab = r.choice(ABROAD)
    lang = {
        "Portugal": "Portuguese (Azorean)",
        "Mexico": "Mixteco",
        "Philippines": "Ilocano",
        "India": "Punjabi",
        "Spain": "Basque",
        "Finland": "Finnish",
        "Norway": "Norwegian",
        "Armenia": "Armenian",
    }[ab[1]]
    return [
        "Interpreter services: ",
        lang,
        " interpreter ",
        N(i.full()),
        " (ID ",
        ACC(digits(r, 5)),
        ", ",
        "video remote, session ",
        URL(f"https://vri.example.net/join/{digits(r, 9)}"),
        " from ",
        IP(ipv4(r)),
        ") for ",
        N(p.full()),
        ", MRN ",
        MRN(mrn(r)),
        ". Patient asked that her nephew ",
        N(rel.full()),
        " in ",
        LOC(ab[0]),
        ", ",
        ab[1],
        " be called at ",
        PH(intl_phone(r, ab[2])),
        " after the visit; he can also be reached at ",
        EM(email(r, rel.first, rel.last)),
        ". Teach-back done through ",
        N(i.first),
        ". Next interpreter booked for ",
        D(recent(r).short()),
        ".",
    ]


# 8 wound-care photo log with file names, camera serial and upload address
def wound_photo_log(r: random.Random) -> list:
    p, rn = Person(r), Person(r)
    t = recent(r)
    stamp = f"{t.y}{t.m:02d}{t.d:02d}"
    cam = r.choice(["Olympus TG-6", "Canon G7X", "iPad Pro 11", "Nikon W300"])
    return [
        "WOUND PHOTO LOG  ",
        N(p.LF()),
        "  MRN ",
        MRN(mrn(r)),
        "\nIMG_",
        D(stamp),
        "_",
        f"{r.randint(7, 17):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}",
        ".jpg | sacrum, stage 3, 4.1 x 2.8 cm | ",
        N(rn.initials()),
        "\nIMG_",
        D(stamp),
        "_",
        f"{r.randint(7, 17):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}",
        ".jpg | L heel, unstageable | ",
        N(rn.initials()),
        "\nCamera: ",
        cam,
        ", s/n ",
        DEV(serial(r)),
        "; uploaded from ",
        IP(ipv4(r)),
        " to ",
        URL(
            f"https://woundimg.{r.choice(['sanpetevh', 'acadianawc', 'thumbhealth', 'blackbeltmed', 'hillctryhh'])}.org/case/{digits(r, 6)}"
        ),
        "\nTaken by ",
        N(rn.full()),
        ", RN, WCC on ",
        D(t.fmt(r.choice([0, 3, 9]))),
        ".",
    ]


# 9 home-health visit note
def home_health_visit(r: random.Random) -> list:
    p, rn, dtr, pl = Person(r), Person(r), Person(r, "F"), place(r)
    addr = pobox(r) if r.random() < 0.4 else street(r, pl[1])
    return [
        "SN visit, ",
        FAC(facility(r, "homehealth", pl[0], pl[2])),
        ". Pt ",
        N(p.full()),
        ", ",
        AGE(age_old(r)),
        ", seen at home, ",
        ADR(addr),
        ", ",
        LOC(pl[0]),
        " ",
        Z(zip5(r, pl)),
        '. Daughter "',
        N(dtr.nick),
        '"',
        " (",
        N(dtr.full()),
        ") present, cell ",
        PH(phone(r, pl[4], r.choice([0, 1, 8]))),
        ". Gate code 4471#, dog in yard. Wound vac s/n ",
        DEV(serial(r)),
        " changed, 125 mmHg continuous. Next visit ",
        D(recent(r).short()),
        "; video check-in link sent: ",
        URL(f"https://hh.example.org/v/{letters(r, 3).lower()}{digits(r, 6)}"),
        ". Orders to MD fax ",
        FX(phone(r, pl[4], 1)),
        ". -- ",
        N(rn.fi()),
        ", RN",
    ]


# 10 long-term-care face sheet, vertical
def ltc_face_sheet(r: random.Random) -> list:
    p, poa, md, pl = Person(r), Person(r), Person(r), place(r)
    d = dob_old(r)
    return [
        "FACE SHEET -- ",
        FAC(facility(r, "ltc", pl[0], pl[2])),
        "\nResident:        ",
        N(p.LF_mi()),
        "\nDate of birth:   ",
        D(d.fmt(r.choice([0, 5, 11]))),
        "\nAge:             ",
        AGE(str(2026 - d.y)),
        "\nAdmitted:        ",
        D(recent(r).fmt(0)),
        "\nMedicare (MBI):  ",
        ACC(mbi(r)),
        "\nMedicaid:        ",
        ACC(digits(r, 10)),
        "\nSSN:             ",
        SSN(ssn(r, 0)),
        "\nResponsible party / POA: ",
        N(poa.full()),
        ", ",
        PH(phone_ext(r, pl[4])),
        "\nAttending:       ",
        N(md.fi()),
        ", MD  NPI ",
        LIC(npi(r)),
        "\nPharmacy:        ",
        FAC(facility(r, "pharmacy", pl[0], pl[2])),
        "  fax ",
        FX(phone(r, pl[4], 1)),
        "\nFuneral home:    ",
        FAC(facility(r, "funeral", pl[0], pl[2])),
    ]


# 11 school medication authorization
def school_med_form(r: random.Random) -> list:
    kid, par, doc, nurse, pl = Person(r), Person(r), Person(r), Person(r, "F"), place(r)
    return [
        "MEDICATION AUTHORIZATION -- ",
        FAC(facility(r, "school", pl[0], pl[2])),
        "\nStudent: ",
        N(kid.full()),
        "   Grade: ",
        str(r.randint(1, 11)),
        "   DOB: ",
        D(Day(r, 2010, 2020).fmt(1)),
        "\nMedication: albuterol HFA 90 mcg, 2 puffs q4h prn wheeze\nParent/guardian: ",
        N(par.full()),
        "  cell ",
        PH(phone(r, pl[4], 1)),
        "  work ",
        PH(phone_ext(r, pl[4])),
        "\nPrescriber: ",
        N(doc.full()),
        ", ",
        pick(r, "MD", "PA-C", "FNP"),
        "  NPI ",
        LIC(npi(r)),
        "  office fax ",
        FX(phone(r, pl[4], 0)),
        "\nReturn to school nurse ",
        N(nurse.full()),
        ", RN -- ",
        EM(
            email(
                r,
                nurse.first,
                nurse.last,
                f"{pl[2].lower().replace(' ', '').replace('.', '')}sd.org",
            )
        ),
        " or fax ",
        FX(phone(r, pl[4], 2)),
    ]


# 12 lab requisition barcode label
def lab_label(r: random.Random) -> list:
    p, md, pl = Person(r), Person(r), place(r)
    t = recent(r)
    return [
        "*ACC ",
        ACC(f"{t.y % 100}{letters(r, 1)}{digits(r, 6)}"),
        "*  ",
        N(p.LF_mi()),
        "  ",
        D(dob(r).fmt(0)),
        " ",
        p.sex,
        "\nMRN ",
        MRN(mrn(r)),
        "  COLL ",
        D(t.fmt(2)),
        " ",
        f"{r.randint(6, 16):02d}{r.choice(['05', '20', '45'])}",
        "  SST x1, LAV x1\nORD ",
        N(md.LF()),
        " NPI ",
        LIC(npi(r)),
        "\nCLIENT ",
        FAC(facility(r, "clinic", pl[0], pl[2]).upper()),
        "  RESULTS FAX ",
        FX(phone(r, pl[4], 6)),
        "\nBILL: MEMBER ",
        ACC(letters(r, 3) + digits(r, 9)),
        " / ",
        FAC(facility(r, "lab", pl[0], pl[2])),
    ]


# 13 prior authorization form, vertical
def prior_auth_form(r: random.Random) -> list:
    p, md, pl = Person(r), Person(r), place(r)
    drug = r.choice(
        ["Ozempic 1 mg", "Dupixent 300 mg", "Eliquis 5 mg", "Xifaxan 550 mg", "Nurtec ODT 75 mg"]
    )
    return [
        "PRIOR AUTHORIZATION REQUEST\nMember name:      ",
        N(p.full()),
        "\nMember ID:        ",
        ACC(account(r)),
        "\nMember DOB:       ",
        D(dob(r).fmt(3)),
        "\nDrug requested:   ",
        drug,
        "\nPrescriber:       ",
        N(md.full()),
        "\nNPI / DEA:        ",
        LIC(npi(r)),
        " / ",
        LIC(dea(r, md.last)),
        "\nOffice phone:     ",
        PH(phone_ext(r, pl[4])),
        "\nOffice fax:       ",
        FX(phone(r, pl[4], 0)),
        "\nReturn to plan fax ",
        FX(phone(r, r.choice(["800", "866", "888"]), 5)),
        "\nAuth #            ",
        ACC(f"PA{digits(r, 9)}"),
        " approved ",
        D(recent(r).fmt(0)),
    ]


# 14 voicemail auto-transcript
def voicemail(r: random.Random) -> list:
    caller, pt, pl = Person(r, "F"), Person(r, "M"), place(r)
    t = recent(r)
    d = dob_old(r)
    return [
        "[Voicemail ",
        D(t.fmt(1)),
        " ",
        f"{r.randint(1, 5)}:{r.randint(10, 59)} PM from ",
        PH(phone(r, pl[4], 4)),
        "] hi um this is ",
        N(caller.full().lower()),
        " calling about my dad ",
        N(pt.first.lower()),
        " ",
        N(pt.last.lower()),
        " his birthday is ",
        D(f"{d.words()} {d.y}"),
        " he's ",
        AGE(age_words(r)),
        " and he's out of his water pill the pharmacy is ",
        FAC(facility(r, "pharmacy", pl[0], pl[2])),
        " in ",
        LOC(pl[0]),
        " you can call me back at ",
        PH(phone_ext(r, pl[4])),
        " or on my cell ",
        PH(phone(r, pl[4], 7)),
        " thanks bye [confidence 0.71]",
    ]


# 15 payer explanation of benefits
def eob(r: random.Random) -> list:
    p, md = Person(r), Person(r)
    t = recent(r)
    return [
        "EXPLANATION OF BENEFITS -- THIS IS NOT A BILL\nMember: ",
        N(p.caps()),
        "   Member ID: ",
        ACC(account(r)),
        "\nClaim #: ",
        ACC(f"{t.y}{digits(r, 9)}"),
        "   Patient account: ",
        ACC(digits(r, 8)),
        "\nService date: ",
        D(t.fmt(0)),
        "   Provider: ",
        N(md.caps()),
        " (NPI ",
        LIC(npi(r)),
        ")\nCPT 99214  billed $212.00  allowed $118.40  you owe $25.00\nMailing address on file: ",
        ADR(pobox(r)),
    ]


# 16 PDMP report table
def pdmp_report(r: random.Random) -> list:
    p, m1, m2, pl = Person(r), Person(r), Person(r), place(r)
    out = [
        "PDMP PATIENT REPORT -- ",
        N(p.LF()),
        ", DOB ",
        D(dob(r).fmt(1)),
        ", ",
        ADR(street(r, pl[1])),
        ", ",
        LOC(pl[0]),
        " ",
        pl[1],
        "\nFilled | Drug | Qty | Days | Prescriber | DEA | Pharmacy\n",
    ]
    for m in (m1, m2):
        out += [
            D(recent(r).fmt(1)),
            " | hydrocodone/APAP 5/325 | 30 | 7 | ",
            N(m.fi()),
            " | ",
            LIC(dea(r, m.last)),
            " | ",
            FAC(facility(r, "pharmacy", "", "", "")),
            "\n",
        ]
    out += ["MME 25/day. 2 prescribers, 2 pharmacies in 90 days."]
    return out


# 17 poison control call record
def poison_call(r: random.Random) -> list:
    caller, pt, pl = Person(r, "F"), Person(r, "M"), place(r)
    return [
        "Poison center case ",
        ACC(f"{digits(r, 2)}-{digits(r, 6)}"),
        ". Caller ",
        N(caller.full()),
        ", granddaughter, from ",
        LOC(pl[0]),
        ", ",
        pl[1],
        " at ",
        PH(phone(r, pl[4], 1)),
        ". Pt ",
        N(pt.first),
        " is ",
        AGE(age_old(r)),
        ", took his wife's metoprolol 50 mg x2 in error at about 7 pm. HR 58, alert. Referred to ",
        FAC(facility(r, "hospital", pl[0], pl[2])),
        "; follow-up call to ",
        PH(phone(r, pl[4], 7)),
        " on ",
        D(recent(r).short()),
        ".",
    ]


# 18 audiology hearing-aid fitting
def audiology(r: random.Random) -> list:
    p, aud, pl = Person(r), Person(r), place(r)
    return [
        "Hearing aid fitting, ",
        FAC(facility(r, "clinic", pl[0], pl[2])),
        ". ",
        N(p.full()),
        " (",
        AGE(age_old(r)),
        pick(r, " y/o", "-year-old", " yo"),
        ") fitted with Phonak Audeo L90-R: left s/n ",
        DEV(serial(r)),
        ", right s/n ",
        DEV(serial(r)),
        ". Paired to daughter's phone, Bluetooth ",
        DEV(mac(r)),
        ". Warranty registered to ",
        EM(email(r, p.first, p.last)),
        ". Audiologist ",
        N(aud.full()),
        ", Au.D., license ",
        LIC(state_license(r, pl[1])),
        ". Report faxed to PCP at ",
        FX(phone(r, pl[4], 0)),
        ". Recheck ",
        D(recent(r).fmt(8)),
        ".",
    ]


# 19 home sleep test and CPAP download
def sleep_download(r: random.Random) -> list:
    p = Person(r)
    return [
        "Sleep medicine: HST device s/n ",
        DEV(serial(r)),
        " returned by ",
        N(p.full()),
        " on ",
        D(recent(r).fmt(9)),
        ". AHI 31, nadir SpO2 78%. AutoPAP 5-15 cm H2O ordered; unit s/n ",
        DEV(serial(r)),
        ", modem IMEI ",
        DEV(imei(r)),
        ". Compliance data upload from ",
        IP(ipv4(r)),
        "; patient portal: ",
        URL(f"https://sleepcloud.example.com/patients/{digits(r, 7)}"),
        ". Contact ",
        EM(email(r, p.first, p.last)),
        ".",
    ]


# 20 aviation medical exam
def aviation_medical(r: random.Random) -> list:
    p, ame, pl = Person(r), Person(r), place(r)
    return [
        "FAA medical exam (3rd class). Applicant ",
        N(p.full_mi()),
        ", DOB ",
        D(dob(r).fmt(8)),
        ", pilot certificate ",
        LIC(digits(r, 7)),
        ", flies ",
        VEH(nnumber(r)),
        " out of ",
        LOC(pl[0]),
        ". Vision 20/25 corrected; BP 138/84. AME ",
        N(ame.full()),
        ", MD, ",
        pl[1],
        " license ",
        LIC(state_license(r, pl[1])),
        ", office ",
        PH(phone(r, pl[4], 0)),
        ", fax ",
        FX(phone(r, pl[4], 2)),
        ".",
    ]


# 21 boating injury with vessel numbers
def boating_injury(r: random.Random) -> list:
    p, w, pl = Person(r, "M"), Person(r), place(r, ("LA", "AL", "MI", "TX"))
    return [
        "ED note: ",
        N(p.full()),
        " struck by prop near ",
        LOC(pl[0]),
        ". Warden ",
        N(w.fi()),
        " (",
        N(w.first),
        ") logged vessel ",
        VEH(boat_reg(r, pl[1])),
        ", hull ID ",
        VEH(hin(r)),
        ", and the tow truck, ",
        STATE_NAMES[pl[1]],
        " plate ",
        VEH(plate(r, pl[1])),
        ". Wife ",
        N(Person(r, "F").first),
        " reachable at ",
        PH(phone(r, pl[4], 1)),
        ". Laceration 9 cm L calf, Tdap given, cefazolin 2 g. Family shared ",
        URL(
            f"https://www.{r.choice(['bayounews', 'thumbtimes', 'wiregrassdaily', 'hillcountrypost'])}.example/2026/{p.last.lower().replace(' ', '-')}-boat-accident"
        ),
        ".",
    ]


# 22 workers' compensation first report
def workers_comp(r: random.Random) -> list:
    p, adj, pl = Person(r), Person(r), place(r)
    emp = facility(r, "employer", pl[0], pl[2])
    return [
        "FIRST REPORT OF INJURY\nEmployee: ",
        N(p.full()),
        "  SSN xxx-xx-",
        SSN(last4(r)),
        "\nEmployer: ",
        FAC(emp),
        ", ",
        ADR(street(r, pl[1])),
        ", ",
        LOC(pl[0]),
        ", ",
        pl[1],
        " ",
        Z(zip5(r, pl)),
        "\nHired: ",
        D(Day(r, 2001, 2023).month_year()),
        "  Date of injury: ",
        D(recent(r).fmt(0)),
        "  Claim # ",
        ACC(f"WC-{digits(r, 8)}"),
        "\nAdjuster: ",
        N(adj.full()),
        ", ",
        PH(phone_ext(r, r.choice(["801", "504", "517", "205"]))),
        ", fax ",
        FX(phone(r, r.choice(["801", "504", "517", "205"]), 1)),
        "\nL hand crush in auger, 2nd and 3rd digits.",
    ]


# 23 chaplain / spiritual care note
def chaplain_note(r: random.Random) -> list:
    p, cl, pl = Person(r, "M"), Person(r, "M"), place(r)
    return [
        "Spiritual care: visited ",
        N(p.full()),
        ", ",
        AGE(age_words(r)),
        " years old, at family's request. Member of ",
        FAC(facility(r, "church", pl[0], pl[2])),
        "; ",
        pick(r, "Bishop", "Father", "Pastor", "Reverend"),
        " ",
        N(cl.last),
        " notified at ",
        PH(phone(r, pl[4], 1)),
        ". ",
        N(p.first),
        " spoke of homesteading near ",
        LOC(pl[0]),
        " and of his late wife ",
        N(Person(r, "F").first),
        ", who died ",
        D(f"{r.choice(HOLIDAYS)} {r.randint(2005, 2024)}"),
        ". Prayer offered. -- Chaplain ",
        N(Person(r).initials(dots=True)),
    ]


# 24 funeral home / death certificate worksheet
def death_worksheet(r: random.Random) -> list:
    p, inf, pl = Person(r), Person(r), place(r)
    d, dd = dob_old(r), recent(r)
    fh = facility(r, "funeral", pl[0], pl[2])
    slug = "".join(
        c
        for c in f"{p.first}-{p.last}".lower().replace(" ", "-")
        if c.isascii() and (c.isalnum() or c == "-")
    )
    return [
        "DEATH CERTIFICATE WORKSHEET\nDecedent: ",
        N(p.caps()),
        "  Age: ",
        AGE(age_words(r).upper()),
        "\nBorn: ",
        D(d.fmt(8)),
        " in ",
        LOC(r.choice(ABROAD)[0]),
        "   Died: ",
        D(dd.fmt(8)),
        ", ",
        LOC(pl[0]),
        ", ",
        LOC(pl[2]),
        " Parish" if pl[1] == "LA" else " County",
        "\nSSN: ",
        SSN(ssn(r, 0)),
        "\nInformant: ",
        N(inf.full()),
        " (son), ",
        PH(phone(r, pl[4], 1)),
        "\nFuneral home: ",
        FAC(fh),
        ", fax ",
        FX(phone(r, pl[4], 1)),
        "\nObituary: ",
        URL(
            "https://www."
            + "".join(c for c in fh.lower() if c.isascii() and c.isalnum())
            + f".com/obituaries/{slug}"
        ),
    ]


# 25 foster care / child welfare
def foster_care(r: random.Random) -> list:
    kid, cw, fp, pl = Person(r), Person(r), Person(r), place(r)
    return [
        "Child welfare: ",
        N(kid.first),
        " ",
        N(kid.last),
        " (DOB ",
        D(Day(r, 2012, 2022).fmt(1)),
        "), SSN ",
        SSN(ssn(r, 0)),
        ", DCFS case ",
        ACC(f"{digits(r, 4)}-{letters(r, 2)}-{digits(r, 5)}"),
        ", placed with ",
        N(fp.full()),
        " at ",
        ADR(street(r, pl[1])),
        ", ",
        LOC(pl[0]),
        ". Caseworker ",
        N(cw.full()),
        ", ",
        PH(phone_ext(r, pl[4])),
        ", ",
        EM(email(r, cw.first, cw.last, "dcfs.example.gov")),
        ". Attends ",
        FAC(facility(r, "school", pl[0], pl[2])),
        ".",
    ]


# 26 duplicate-record merge report
def merge_report(r: random.Random) -> list:
    p = Person(r)
    d = dob(r)
    return [
        "POTENTIAL DUPLICATE -- score 0.91\nA: MRN ",
        MRN(mrn(r)),
        "  ",
        N(p.LF()),
        "  ",
        D(d.fmt(0)),
        "  SSN ***-**-",
        SSN(last4(r)),
        "\nB: MRN ",
        MRN(mrn(r)),
        "  ",
        N(f"{p.last.upper()}, {p.nick.upper()}"),
        "  ",
        D(d.fmt(2)),
        "  SSN ***-**-",
        SSN(last4(r)),
        "\nEMPI ",
        MRN(f"E{digits(r, 10)}"),
        " -- merge reviewed by ",
        N(Person(r).user()),
        " ",
        D(recent(r).fmt(1)),
    ]


# 27 initials with dates: medication administration record
def mar_initials(r: random.Random) -> list:
    p, a, b = Person(r), Person(r), Person(r)
    d1, d2 = recent(r), recent(r)
    return [
        "MAR -- ",
        N(p.LF()),
        "  ",
        MRN(mrn(r)),
        "\nwarfarin 3 mg PO daily 1700\n",
        D(f"{d1.m}/{d1.d}"),
        " 1700 given ",
        N(a.initials()),
        "\n",
        D(f"{d2.m}/{d2.d}"),
        " 1700 held, INR 3.6 ",
        N(b.initials(mid=True)),
        "\nSignatures: ",
        N(a.initials()),
        " = ",
        N(a.full()),
        ", LPN; ",
        N(b.initials(mid=True)),
        " = ",
        N(b.full()),
        ", RN\nReviewed ",
        N(Person(r).initials(dots=True, mid=True)),
        " ",
        D(recent(r).fmt(2)),
    ]


# 28 genetic counselling pedigree note
def pedigree(r: random.Random) -> list:
    p, m, g = Person(r, "F"), Person(r, "F"), Person(r, "M")
    return [
        "Genetic counseling. Proband ",
        N(p.full()),
        " (III-2), DOB ",
        D(dob(r).fmt(4)),
        ". Mother ",
        N(m.first),
        " (II-3) dx breast ca at 44. Maternal grandfather ",
        N(g.full()),
        " (I-1) living, age ",
        AGE(age_old(r)),
        ", in ",
        LOC(place(r)[0]),
        ". Maternal aunt ",
        N(Person(r, "F").initials(dots=True)),
        " d. ",
        D(Day(r, 1990, 2020).fmt(1)),
        ", ovarian ca (obituary: ",
        URL(f"https://www.legacy.example/obituaries/{digits(r, 8)}"),
        "). BRCA1/2 panel sent; results to ",
        EM(email(r, p.first, p.last)),
        ".",
    ]


# 29 patient portal sign-in alert e-mail
def portal_alert(r: random.Random) -> list:
    p, pl = Person(r), place(r)
    return [
        "To: ",
        EM(email(r, p.first, p.last)),
        "\nSubject: New sign-in to your patient portal\n\nHi ",
        N(p.first),
        ", someone signed in to your account on ",
        D(recent(r).fmt(8)),
        " from ",
        IP(r.choice([ipv4, ipv6])(r)),
        " (near ",
        LOC(pl[0]),
        ", ",
        pl[1],
        "). Device: ",
        pick(r, "iPhone", "Android", "Windows PC"),
        ". If this was not you, reset at ",
        URL(
            f"https://mychart.{pl[2].lower().replace(' ', '').replace('.', '')}health.org/reset?u={p.user()}"
        ),
        " or call ",
        PH(phone(r, pl[4], 1)),
        ".",
    ]


# 30 guest Wi-Fi / network incident
def network_incident(r: random.Random) -> list:
    p, it = Person(r), Person(r)
    return [
        "Network ticket: patient ",
        N(p.full()),
        " (rm 214) could not join guest Wi-Fi. Client MAC ",
        DEV(mac(r)),
        ", DHCP lease ",
        IP(f"10.{r.randint(20, 99)}.{r.randint(0, 255)}.{r.randint(2, 254)}"),
        ", NAT ",
        IP(ipv4(r)),
        ". Her insulin pump app on phone IMEI ",
        DEV(imei(r)),
        " needed the portal. Resolved by ",
        N(it.user()),
        ".",
    ]


# 31 EHR access log lines
def access_log(r: random.Random) -> list:
    p = Person(r)
    m = mrn(r)
    out = []
    for _ in range(3):
        t = recent(r)
        u = Person(r)
        out += [
            D(f"{t.y}-{t.m:02d}-{t.d:02d}"),
            f"T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z user=",
            N(u.user()),
            " src=",
            IP(r.choice([ipv4, ipv4, ipv6])(r)),
            " action=",
            pick(r, "VIEW", "PRINT", "EXPORT"),
            " mrn=",
            MRN(m),
            "\n",
        ]
    out += ["-- break-the-glass review for ", N(p.LF()), " requested by privacy officer"]
    return out


# 32 mailing labels in capitals (rural addresses)
def mailing_labels(r: random.Random) -> list:
    out: list = ["Return-mail list, undeliverable statements:"]
    for _ in range(2):
        p, pl = Person(r), place(r)
        addr = pobox(r) if r.random() < 0.6 else street(r, pl[1])
        out += [
            "\n\n",
            N(p.caps()),
            "\n",
            ADR(addr.upper()),
            "\n",
            LOC(pl[0].upper()),
            " ",
            pl[1],
            " ",
            Z(zip9(r, pl)),
            "\nAcct ",
            ACC(account(r)),
        ]
    return out


# 33 Puerto Rico registration in Spanish
def pr_registration(r: random.Random) -> list:
    p, rel = Person(r), Person(r)
    town, z = r.choice(PR_TOWNS)
    return [
        "Registro: ",
        N(p.full()),
        ", nacido el ",
        D(
            f"{r.randint(1, 28)} de {r.choice(['enero', 'marzo', 'mayo', 'julio', 'octubre'])} de {r.randint(1935, 1990)}"
        ),
        ". Dirección: ",
        ADR(pr_address(r)),
        ", ",
        LOC(town),
        ", PR ",
        Z(f"{z}-{r.randint(1000, 9999)}"),
        ". Tel. ",
        PH(phone(r, r.choice(["787", "939"]), 0)),
        ". Plan Vital ID ",
        ACC(digits(r, 11)),
        ", Seguro Social terminado en ",
        SSN(last4(r)),
        ". Contacto: su hija ",
        N(rel.full()),
        ", ",
        PH(phone(r, r.choice(["787", "939"]), 1)),
        ".",
    ]


# 34 family contact list with relatives abroad
def family_contacts(r: random.Random) -> list:
    p = Person(r)
    a, b = r.choice(ABROAD), r.choice(ABROAD)
    ra, rb = Person(r, "M"), Person(r, "F")
    pl = place(r)
    return [
        "Family contacts for ",
        N(p.full()),
        ":\n- son ",
        N(ra.full()),
        ", ",
        LOC(a[0]),
        ", ",
        a[1],
        ": ",
        PH(intl_phone(r, a[2])),
        " (WhatsApp), ",
        URL(f"facebook.com/{ra.user().replace('.', '')}{digits(r, 2)}"),
        "\n- niece ",
        N(rb.full()),
        ", ",
        LOC(b[0]),
        ", ",
        b[1],
        ": ",
        PH("011 " + intl_phone(r, b[2])[1:]),
        ", ",
        EM(email(r, rb.first, rb.last)),
        "\n- local: neighbor ",
        N(Person(r).full()),
        ", ",
        PH(phone(r, pl[4], 7)),
        ", ",
        LOC(pl[0]),
    ]


# 35 small-business owner with a vanity number
def vanity_owner(r: random.Random) -> list:
    p, pl = Person(r, "M"), place(r)
    biz = facility(r, "employer", pl[0], pl[2], p.last)
    v = r.choice(VANITY)
    return [
        "Social hx: owns ",
        FAC(biz),
        " in ",
        LOC(pl[0]),
        "; shop line ",
        PH(f"{pl[4]}-{v}"),
        ", site ",
        URL("".join(c for c in biz.lower() if c.isascii() and c.isalnum()) + ".com"),
        ". Prefers calls to ",
        PH(phone(r, pl[4], 1)),
        ". Wife ",
        N(Person(r, "F").full()),
        " keeps the books, ",
        EM(email(r, p.first, p.last)),
        ".",
    ]


# 36 fixed-width mainframe extract
def fixed_width(r: random.Random) -> list:
    out = ["LAST          FIRST      DOB       MRN         ZIP\n"]
    for _ in range(3):
        p, pl = Person(r), place(r)
        d = dob(r)
        ln, fn, m, z = p.last.upper(), p.first.upper(), mrn(r).replace(" ", ""), zip5(r, pl)
        db = f"{d.y}{d.m:02d}{d.d:02d}"
        out += [
            N(ln),
            " " * max(1, 14 - len(ln)),
            N(fn),
            " " * max(1, 11 - len(fn)),
            D(db),
            "  ",
            MRN(m),
            " " * max(1, 12 - len(m)),
            Z(z),
            "\n",
        ]
    out[-1] = out[-1].rstrip("\n") if isinstance(out[-1], str) else out[-1]
    if out[-1] == "":
        out.pop()
    return out


# 37 FHIR Patient resource fragment
def fhir_patient(r: random.Random) -> list:
    p, pl = Person(r), place(r)
    d = dob(r)
    return [
        '{"resourceType": "Patient", "identifier": [{"type": "MR", "value": "',
        MRN(mrn(r)),
        '"}], "name": [{"family": "',
        N(p.last),
        '", "given": ["',
        N(p.first),
        '"]}], "birthDate": "',
        D(f"{d.y}-{d.m:02d}-{d.d:02d}"),
        '", "telecom": [{"system": "phone", "value": "',
        PH(phone(r, pl[4], 1)),
        '"}, {"system": "email", "value": "',
        EM(email(r, p.first, p.last)),
        '"}], "address": [{"line": ["',
        ADR(street(r, pl[1])),
        '"], "city": "',
        LOC(pl[0]),
        '", "state": "',
        pl[1],
        '", "postalCode": "',
        Z(zip5(r, pl)),
        '"}]}',
    ]


# 38 ECHO case submission e-mail with named attachments
def echo_attachments(r: random.Random) -> list:
    p, sub = Person(r), Person(r)
    t = recent(r)
    ln = p.last.replace(" ", "").replace("'", "")
    return [
        "From: ",
        EM(email(r, sub.first, sub.last)),
        "\nX-Originating-IP: [",
        IP(ipv4(r)),
        "]\nSubject: case for Thursday ECHO\n\nAttached: ",
        N(ln),
        "_",
        N(p.first),
        "_labs_",
        D(f"{t.y}-{t.m:02d}-{t.d:02d}"),
        ".pdf, ",
        N(ln),
        "_CXR.jpg\nShared folder: ",
        URL(f"https://drive.example.com/s/{letters(r, 4).lower()}{digits(r, 5)}"),
        "\n-- ",
        N(sub.first),
        " (",
        FAC(facility(r, "clinic")),
        ")",
    ]


# 39 Portuguese-language note for an Azorean family
def portuguese_note(r: random.Random) -> list:
    p, f = Person(r, "M"), Person(r, "F")
    ab = r.choice([a for a in ABROAD if a[1] == "Portugal"])
    d = dob_old(r)
    return [
        "Resumo para a família: o Sr. ",
        N(p.full()),
        ", nascido a ",
        D(d.pt()),
        " em ",
        LOC(ab[0]),
        ", tem ",
        AGE(str(2026 - d.y)),
        " anos. A filha, ",
        N(f.full()),
        ", vive na ",
        ADR(
            f"Rua {r.choice(['da Igreja', 'do Mercado', 'Direita', 'de São Pedro'])}, {r.randint(1, 99)}"
        ),
        ", ",
        Z(intl_phone(r, ab[3])),
        " ",
        LOC(ab[0]),
        "; telemóvel ",
        PH(intl_phone(r, ab[2])),
        ". NIF ",
        SSN(digits(r, 9)),
        ".",
    ]


# 40 hunting accident with licences and plates
def hunting_accident(r: random.Random) -> list:
    p, pl = Person(r, "M"), place(r)
    return [
        "Trauma: ",
        N(p.full()),
        " fell from a tree stand in ",
        LOC(pl[2]),
        " Parish" if pl[1] == "LA" else " County",
        ". Hunting license ",
        LIC(f"{pl[1]}{digits(r, 8)}"),
        "; driver's license ",
        LIC(driver_license(r, pl[1])),
        ". ATV reg ",
        VEH(f"{letters(r, 2)}{digits(r, 4)}"),
        " and truck, a ",
        STATE_NAMES[pl[1]],
        " tag ",
        VEH(plate(r, pl[1])),
        ", VIN ",
        VEH(vin(r)),
        ", left at the trailhead. Brother ",
        N(Person(r, "M").first),
        " ",
        PH(phone(r, pl[4], 7)),
        ". T12 burst fracture. Fundraiser: ",
        URL(f"gofundme.com/f/help-{p.first.lower()}-{digits(r, 4)}"),
        ".",
    ]


# 41 immigration medical exam (civil surgeon)
def civil_surgeon(r: random.Random) -> list:
    p, doc, pl = Person(r), Person(r), place(r)
    ab = r.choice(ABROAD)
    return [
        "I-693 exam: ",
        N(p.LF()),
        ", born ",
        D(dob(r).fmt(11)),
        " in ",
        LOC(ab[0]),
        ", ",
        ab[1],
        ". A-Number ",
        SSN(f"A{digits(r, 9)}"),
        ", passport ",
        SSN(letters(r, 1) + digits(r, 8)),
        ". Lives at ",
        ADR(street(r, pl[1])),
        " ",
        ADR(unit(r)),
        ", ",
        LOC(pl[0]),
        " ",
        Z(zip5(r, pl)),
        ". QFT negative. Civil surgeon ",
        N(doc.full()),
        ", MD, ",
        LIC(state_license(r, pl[1])),
        ".",
    ]


# 42 campus health with student ID
def campus_health(r: random.Random) -> list:
    p, pl = Person(r), place(r)
    dom = r.choice(
        [
            "snow.edu",
            "usu.edu",
            "nicholls.edu",
            "uwa.edu",
            "cmich.edu",
            "humboldt.edu",
            "schreiner.edu",
        ]
    )
    return [
        "Student health: ",
        N(p.full()),
        ", student ID ",
        ACC(digits(r, 9)),
        ", ",
        EM(email(r, p.first, p.last, dom)),
        ". Home address ",
        ADR(street(r, pl[1])),
        ", ",
        LOC(pl[0]),
        ", ",
        pl[1],
        ". Parent ",
        N(Person(r).full()),
        ", ",
        PH(phone(r, pl[4], 2)),
        ". Portal login from campus Wi-Fi ",
        IP(ipv4(r)),
        ". Mono spot positive; no contact sports until ",
        D(recent(r).short()),
        ".",
    ]


# 43 insulin pump warranty replacement
def pump_rma(r: random.Random) -> list:
    p, pl = Person(r), place(r)
    return [
        "Device RMA: pump s/n ",
        DEV(serial(r)),
        " (occlusion alarm) replaced by s/n ",
        DEV(serial(r)),
        "; CGM transmitter ",
        DEV(letters(r, 1) + digits(r, 5)),
        ". Ship to ",
        N(p.full()),
        ", ",
        ADR(pobox(r)),
        ", ",
        LOC(pl[0]),
        ", ",
        pl[1],
        " ",
        Z(zip9(r, pl)),
        ". Phone ",
        PH(phone(r, pl[4], 0)),
        ". Pump phone app registered from ",
        IP(ipv6(r)),
        ".",
    ]


# 44 dialysis transport / vehicle log
def transport_log(r: random.Random) -> list:
    p, drv, pl = Person(r), Person(r), place(r)
    st = pl[1]
    return [
        "Medicaid transport ",
        D(recent(r).fmt(1)),
        ": ",
        N(p.fi()),
        " (",
        N(p.full()),
        ") picked up at ",
        ADR(street(r, st)),
        " by ",
        N(drv.full()),
        ", van ",
        STATE_NAMES[st],
        " ",
        VEH(plate(r, st)),
        ", VIN ending ",
        VEH(vin(r)[-6:]),
        ". Trip ",
        str(r.randint(1000, 9999)),
        ". Driver cell ",
        PH(phone(r, pl[4], 1)),
        ". Member ",
        ACC(digits(r, 10)),
        ".",
    ]


SHAPES: list[tuple[str, Shape]] = [
    ("vertreg", vertical_registration),
    ("labelafter", labels_after),
    ("teletype", teletype_adt),
    ("cad", ems_cad),
    ("dental", dental_note),
    ("safety", bh_safety_plan),
    ("interp", interpreter_note),
    ("woundphoto", wound_photo_log),
    ("homehealth", home_health_visit),
    ("facesheet", ltc_face_sheet),
    ("schoolmed", school_med_form),
    ("lablabel", lab_label),
    ("priorauth", prior_auth_form),
    ("voicemail", voicemail),
    ("eob", eob),
    ("pdmp", pdmp_report),
    ("poison", poison_call),
    ("audiology", audiology),
    ("sleep", sleep_download),
    ("aviation", aviation_medical),
    ("boating", boating_injury),
    ("workcomp", workers_comp),
    ("chaplain", chaplain_note),
    ("deathcert", death_worksheet),
    ("foster", foster_care),
    ("merge", merge_report),
    ("marinit", mar_initials),
    ("pedigree", pedigree),
    ("portal", portal_alert),
    ("netticket", network_incident),
    ("accesslog", access_log),
    ("labels", mailing_labels),
    ("prreg", pr_registration),
    ("contacts", family_contacts),
    ("vanity", vanity_owner),
    ("fixedwidth", fixed_width),
    ("fhir", fhir_patient),
    ("attach", echo_attachments),
    ("portugues", portuguese_note),
    ("hunting", hunting_accident),
    ("civilsurg", civil_surgeon),
    ("campus", campus_health),
    ("pumprma", pump_rma),
    ("transport", transport_log),
]
