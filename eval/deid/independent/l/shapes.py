"""Identifier passage shapes for set L: each returns a list of text pieces and (value, CATEGORY)."""

from __future__ import annotations

import random

import carriers
from values import (
    LAST,
    Person,
    Place,
    account,
    age,
    ascii_fold,
    date,
    date_es,
    date_words,
    dea,
    digits,
    dl,
    email,
    facility,
    imei,
    ipv4,
    ipv6,
    last4,
    letters,
    mac,
    medicare_mbi,
    mrn,
    npi,
    phone,
    phone_words,
    plate,
    rx,
    serial,
    ssn,
    state_license,
    street,
    unit,
    vin,
)


def N(v):
    return (v, "NAME")


def carrier(r: random.Random) -> str:
    return r.choice(carriers.PLAIN)[1]


def telehealth_chat(r):
    pt, dr = Person(r), Person(r)
    pl = Place(r)
    room = f"{dr.last.lower().replace(' ', '')}{digits(r, 2)}"
    return [
        "[09:02] System: ", N(dr.full), " started the visit. Join link: ",
        (f"https://doxy.me/{room}", "URL"), "\n[09:03] ", N(dr.first), ": hi, can you confirm your date of birth for me?\n[09:03] ",
        N(pt.first.lower()), ": ", (date(r, 1930, 1990, r.choice([0, 2, 12])), "DATE"),
        "\n[09:04] ", N(dr.first), ": and you're still at ", (street(r, pl), "ADDRESS"), " in ",
        (pl.town, "LOCATION"), "?\n[09:04] ", N(pt.first.lower()), ": yes. last 4 of my social is ", (last4(r), "SSN"), ". if the video drops call me at ",
        (phone(r, pl.ac, r.choice([1, 6, 8])), "PHONE"), "\n[09:05] System: patient connected from ", (ipv4(r), "IP"), "\n[09:06] ", N(dr.first), ": ", carrier(r),
    ]


def echo_minutes(r):
    hub, p1, p2, p3 = Person(r), Person(r), Person(r), Person(r)
    a, b = Place(r), Place(r)
    f1 = facility(r, a, "clinic")
    f2 = facility(r, b, "clinic")
    return [
        "ECHO session minutes, ", (date(r, 2025, 2026, r.choice([4, 5, 6])), "DATE"), "\nFacilitator: ",
        N(f"Dr. {hub.last}"[4:]), " (hub). Present: ", N(p1.full), ", NP (", (f1, "FACILITY"), "); ",
        N(p2.full), ", RN (", (f2, "FACILITY"), ").\nCase 1 (", N(p1.first), "): ",
        N(p3.ini), ", ", (age(r), "AGE"), " y/o, lives alone outside ", (a.town, "LOCATION"),
        ". ", carrier(r), "\nCase 2 (", N(p2.first), "): follow-up of pt seen ",
        (date(r, 2025, 2026, r.choice([9, 10, 0])), "DATE"), "; ZIP ", (b.zip, "ZIP"),
        ", no change. Recording: ", (f"https://echohub.org/rec/{digits(r, 4)}-{letters(r, 4, 'abcdefghjkmnpqrstuvwxyz')}", "URL"), "\nAction: ", N(hub.first), " to send the protocol to ", N(p2.last), ".",
    ]


def pharmacy_call(r):
    pt, dr, caller = Person(r), Person(r), Person(r)
    pl = Place(r)
    return [
        "Pharmacy call note. ", N(caller.first), " from ", (facility(r, pl, "pharm"), "FACILITY"),
        " called re Rx# ", (rx(r), "ACCOUNT"), " for ", N(pt.lf), " (DOB ",
        (date(r, 1935, 2000, r.choice([1, 3])), "DATE"), "). Prescriber ", N(f"{dr.first[0]}. {dr.last}"),
        ", DEA ", (dea(r, dr.last), "LICENSE"), ", NPI ", (npi(r), "LICENSE"),
        ". Plan member ID ", (account(r), "ACCOUNT"), " rejected 75 (PA required). Callback ",
        (phone(r, pl.ac, r.choice([0, 1, 2])), "PHONE"), ", fax ", (phone(r, pl.ac, r.choice([0, 1])), "FAX"), ", or ", (email(r, caller, "rxcare.net"), "EMAIL"), ".",
    ]


def occ_health(r):
    emp, sup = Person(r), Person(r)
    pl = Place(r)
    return [
        "OCCUPATIONAL HEALTH - WORK STATUS\nEmployee: ", N(emp.lf.upper()), "   Employee ID: ",
        (digits(r, 6), "ACCOUNT"), "\nEmployer: ", (facility(r, pl, "employer"), "FACILITY"),
        ", ", (pl.town, "LOCATION"), ", ", pl.st, "\nDate of injury: ", (date(r, 2025, 2026, 1), "DATE"),
        "   Supervisor: ", N(sup.full), " ", (phone(r, pl.ac, 0), "PHONE"),
        "\nSSN (last 4): ", (last4(r), "SSN"), "   Own vehicle in MVA: plate ", (plate(r), "VEHICLE"),
        "\nCDL #", (dl(r, pl.st), "LICENSE"), " (", pl.st, ") - DOT card held pending recheck.\nReturn form to HR ",
        (email(r, sup, "hr-" + pl.town.lower().replace(" ", "") + ".com"), "EMAIL"), " or fax ", (phone(r, pl.ac, 2), "FAX"), "\n",
        carrier(r),
    ]


def dictation(r):
    pt, dr = Person(r), Person(r)
    m = mrn(r)
    spoken = " ".join("zero" if c == "0" else ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][int(c)]
                      for c in m if c.isdigit())
    return [
        "this is doctor ", N(dr.last.lower()), " dictating on ", N(pt.first.lower()), " ",
        N(pt.last.lower()), " medical record number ", (spoken, "MRN"), " date of birth ",
        (date_words(r), "DATE"), " period new paragraph the patient is a ", (age(r), "AGE"),
        " year old who comes in with her daughter ", N(Person(r).first.lower()), " comma ",
        carrier(r).lower(), " end of dictation",
    ]


def forwarded_email(r):
    a, b, pt = Person(r), Person(r), Person(r)
    pl = Place(r)
    dom = f"{pl.town.lower().replace(' ', '')}health.org"
    return [
        "---------- Forwarded message ---------\nFrom: ", N(a.full), " <", (email(r, a, dom), "EMAIL"),
        ">\nX-Originating-IP: [", (ipv4(r), "IP"), "]\nDate: ", r.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']), ", ", (f"{date(r, 2026, 2026, 10)}, 2026", "DATE"),
        " at 4:1", str(r.randint(0, 9)), " PM\nSubject: Re: ", N(pt.last), " f/u\nTo: ", N(b.full), " <",
        (email(r, b), "EMAIL"), ">\n\n", N(b.first), ", can you get ", N(pt.first), " onto the ECHO list? MRN ",
        (mrn(r), "MRN"), ". Her photos: ", (f"https://drive.google.com/file/d/1{letters(r, 10, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}/view", "URL"), ". ", carrier(r), "\n\n", N(a.first),
    ]


def sms(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "txt from ", N(pt.first.lower()), " ", N(pt.last[0].lower()), ": pt dob ",
        (date(r, 1925, 1940, 2), "DATE"), " lives off ", (street(r, pl).lower(), "ADDRESS"), " nr ",
        (pl.town.lower(), "LOCATION"), ", sugars 300s x3d, cb ", (phone(r, pl.ac, 6), "PHONE"),
        " or her son's cell ", (phone(r, pl.ac, 8), "PHONE"), " thx. she's in the lot in a silver tahoe, tag ", (plate(r).lower(), "VEHICLE"), " - pic of the wound: ",
        (f"https://imgur.com/a/{letters(r, 7, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}", "URL"),
    ]


def ocr_fax(r):
    pt, dr = Person(r), Person(r)
    pl = Place(r)
    f = facility(r, pl, "hosp")
    cut = max(2, len(pt.first) // 2)
    ln = pt.last.upper()
    return [
        "F R O M : ", (phone(r, pl.ac, 6), "FAX"), "  ", (date(r, 2026, 2026, 2), "DATE"), " 14:3",
        str(r.randint(0, 9)), "  P. 2/5\n", (f.upper(), "FACILITY"), "\nPAT1ENT: ", (ln, "NAME"), ", ",
        (pt.first[:cut].upper(), "NAME"), "-\n", (pt.first[cut:].upper(), "NAME"), "   D0B: ",
        (date(r, 1930, 1960, 1).replace("1", "l", 1), "DATE"), "\nMRN ", (mrn(r), "MRN"),
        " | ATTN: DR ", (dr.last.upper(), "NAME"), "\n", carrier(r).upper()[:90],
    ]


def spanglish(r):
    pt, hija = Person(r), Person(r)
    pl = Place(r)
    return [
        "Pt ", N(pt.full), " (", (date_es(r, 1930, 1970), "DATE"), "), vive en ", (street(r, pl), "ADDRESS"),
        ", ", (pl.town, "LOCATION"), " ", (pl.zip, "ZIP"), ". Habla poco inglés; la hija ", N(hija.first),
        " traduce, tel ", (phone(r, pl.ac, 1), "PHONE"), ". ITIN ", (f"9{digits(r, 2)}-{r.choice(['70', '78', '83', '90'])}-{digits(r, 4)}", "SSN"),
        ". Llegó en troca con placas ", (plate(r), "VEHICLE"), ". Trabaja en ", (facility(r, pl, "employer"), "FACILITY"),
        ". Refiere dolor de pecho desde el ", (date_es(r, 2026, 2026), "DATE"), ". ", carrier(r),
    ]


def md_table(r):
    rows = []
    out: list = ["| Patient | DOB | MRN | Town | Phone |\n|---|---|---|---|---|\n"]
    for _ in range(r.randint(2, 3)):
        p, pl = Person(r), Place(r)
        out += ["| ", N(p.lf), " | ", (date(r, 1930, 2010, 1), "DATE"), " | ", (mrn(r), "MRN"), " | ",
                (pl.town, "LOCATION"), " | ", (phone(r, pl.ac, 1), "PHONE"), " |\n"]
    rows.append(1)
    return out


def med_list(r):
    pt, d1, d2 = Person(r), Person(r), Person(r)
    pl = Place(r)
    return [
        "ALLERGIES: sulfa (hives), latex\nMEDICATIONS for ", N(pt.lf), ":\n- metoprolol succinate 25 mg daily - ",
        N(f"{d1.last}, {d1.first[0]}"), " MD, NPI ", (npi(r), "LICENSE"), "\n- apixaban 5 mg BID - ",
        N(d2.full), ", DEA# ", (dea(r, d2.last), "LICENSE"), ", filled at ", (facility(r, pl, "pharm"), "FACILITY"),
        " (", (phone(r, pl.ac, 2), "PHONE"), ", fax ", (phone(r, pl.ac, 2), "FAX"), ")\n- Last reconciled ", (date(r, 2026, 2026, 0), "DATE"),
    ]


def wristband(r):
    pt, dr = Person(r), Person(r)
    return [
        (f"{ascii_fold(pt.last).upper()}, {ascii_fold(pt.first).upper()} {pt.mi}", "NAME"),
        "   ", r.choice("MF"), "   DOB ", (date(r, 1925, 1945, 1), "DATE"), " (", (str(r.randint(90, 104)), "AGE"), "Y)\nMRN ",
        (mrn(r), "MRN"), "   ACCT ", (account(r), "ACCOUNT"), "\nADM ", (date(r, 2026, 2026, 1), "DATE"),
        "   ATT: ", (ascii_fold(dr.last).upper(), "NAME"), "\n",
    ]


def voicemail(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "Voicemail transcript (auto): \"Hi this is ", N(pt.first), " ", N(pt.last), " calling about my mom, ",
        N(f"{Person(r).first} {pt.last}"), ", birthday is ", (date_words(r), "DATE"),
        ". She's ", (age(r), "AGE"), " and the pharmacy at ", (facility(r, pl, "pharm"), "FACILITY"),
        " says the refill needs you. I'm outside in the red Ram, tag ", (plate(r), "VEHICLE"), ". My number is ", (phone_words(r, pl.ac), "PHONE"), ". Thanks.\"",
    ]


def appt_reminder(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "Reminder: ", N(pt.first), ", you have a telehealth visit on ", (date(r, 2026, 2026, 9), "DATE"),
        " at 2:30. Join at ", (f"https://{pl.town.lower().replace(' ', '')}health.org/visit/{letters(r, 6, 'abcdefghjkmnpqrstuvwxyz23456789')}", "URL"),
        " . Reply C to confirm. Questions: ", (phone(r, pl.ac, 1), "PHONE"), "\n[delivered; link opened from ", (ipv4(r), "IP"), "]",
    ]


def sbar(r):
    pt, rn, md = Person(r), Person(r), Person(r)
    pl = Place(r)
    return [
        "SBAR handoff\nS: ", N(pt.full), " (MRN ", (mrn(r), "MRN"), "), rm 12, ", (age(r), "AGE"), "yo, desat to 86%.\nB: from ",
        (facility(r, pl, "nh"), "FACILITY"), ", admitted ", (date(r, 2026, 2026, 2), "DATE"),
        ".\nA: ", carrier(r), "\nR: ", N(rn.first), " paged Dr. ", N(md.last), " (lic. ", (state_license(r, pl.st), "LICENSE"), ") at ",
        (phone(r, pl.ac, 8), "PHONE"), ".",
    ]


def incident(r):
    pt, w1, w2 = Person(r), Person(r), Person(r)
    pl = Place(r)
    return [
        "Incident report - fall\nResident: ", N(pt.full), ", age ", (age(r), "AGE"), " (room 4, bed B)   DOB ", (date(r, 1922, 1936, 0), "DATE"),
        "\nFacility: ", (facility(r, pl, "nh"), "FACILITY"), "\nWitnesses: CNA ", N(w1.full), " (cert. #", (digits(r, 7), "LICENSE"), "); housekeeper ",
        N(f"{w2.first} {w2.last[0]}."), "\nFamily notified: son ", N(Person(r).first), " at ",
        (phone(r, pl.ac, 2), "PHONE"), " on ", (date(r, 2026, 2026, 10), "DATE"), ".",
    ]


def roi_letter(r):
    pt, sig = Person(r), Person(r)
    pl, pl2 = Place(r), Place(r)
    return [
        "AUTHORIZATION TO RELEASE RECORDS\nI, ", N(pt.full), ", born ", (date(r, 1940, 2000, 4), "DATE"),
        ", SSN ", (ssn(r), "SSN"), ", authorize ", (facility(r, pl, "hosp"), "FACILITY"), " to send records to ",
        (facility(r, pl2, "clinic"), "FACILITY"), ", ", (street(r, pl2), "ADDRESS"), ", ", (pl2.town, "LOCATION"),
        ", ", pl2.st, " ", (pl2.zip, "ZIP"), ", fax ", (phone(r, pl2.ac, 1), "FAX"), ", or by secure e-mail to ", (email(r, Person(r), "records." + pl2.county.lower().replace(" ", "") + "health.org"), "EMAIL"), ".\nSigned ",
        (date(r, 2026, 2026, 1), "DATE"), " /s/ ", N(sig.full), " (POA)",
    ]


def intake_form(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "NEW PATIENT INTAKE (handwritten, transcribed)\nName: ", N(pt.first.lower()), " ", N(pt.last),
        "   Birthdate: ", (date(r, 1940, 2005, r.choice([2, 12])), "DATE"), "\nAddress: ",
        (street(r, pl), "ADDRESS"), " [illegible] ", (pl.town, "LOCATION"), " ", (pl.zip, "ZIP"),
        "\nEmail: ", (email(r, pt), "EMAIL"), "\nLast 4 SS#: ", (last4(r), "SSN"),
        "\nSubmitted online from ", (ipv4(r), "IP"), "\nEmergency contact: ", N(Person(r).full), " ", (phone(r, pl.ac, r.choice([1, 8])), "PHONE"),
    ]


def well_child(r):
    kid, mom = Person(r), Person(r)
    pl = Place(r)
    return [
        "Well-child 4 yr. ", N(kid.first), " is here with mother ", N(f"{mom.first} {kid.last}"), ". DOB ",
        (date(r, 2021, 2022, 0), "DATE"), ". Attends ", (facility(r, pl, "school"), "FACILITY"),
        " pre-K. Family moved to ", (pl.town, "LOCATION"), " ", (pl.zip, "ZIP"), ", ", (pl.county, "LOCATION"),
        " County in the spring. Medicaid ID ", (account(r), "ACCOUNT"), ". Growth 60th percentile. School forms faxed to ", (phone(r, pl.ac, 1), "FAX"), ".",
    ]


def refill_portal(r):
    pt, dr = Person(r), Person(r)
    return [
        "portal msg from ", (email(r, pt), "EMAIL"), " (logged in from ", (ipv4(r), "IP"), "): hi dr ",
        N(dr.last.lower()), " its ", N(pt.first.lower()), ", can u refill my lisinopril, rx ",
        (rx(r), "ACCOUNT"), ". also my new insurance # is ", (account(r), "ACCOUNT"), " thanks",
    ]


def prior_auth_call(r):
    pt, rep = Person(r), Person(r)
    return [
        "Called payer for PA. Spoke with ", N(rep.first), " (rep ID ", (digits(r, 5), "ACCOUNT"), "). Member ",
        N(pt.lf), ", ID ", (account(r), "ACCOUNT"), ", DOB ", (date(r, 1950, 2000, 1), "DATE"),
        ", subscriber SSN last four ", (last4(r), "SSN"), ". Reference # ", (f"PA{digits(r, 9)}", "ACCOUNT"), ". Decision within 72 h; fax clinicals to ",
        (phone(r, r.choice(['800', '866', '877', '888']), 4), "FAX"), ".",
    ]


def critical_call(r):
    pt, rn = Person(r), Person(r)
    return [
        "CRITICAL VALUE: K 6.8 on ", N(pt.lf.upper()), " MRN ", (mrn(r), "MRN"), " acc# ",
        (f"{digits(r, 2)}-{letters(r, 2)}-{digits(r, 5)}", "ACCOUNT"), ". Called to ", N(rn.first),
        " ", N(rn.last[0]), " RN at 14:22, read back verified.",
    ]


def insurance_card(r):
    pt = Person(r)
    return [
        "Insurance card (front): ", N(pt.full.upper()), "\nMember ID ", (account(r), "ACCOUNT"),
        "  Group 00", digits(r, 4), "\nRxBIN 004336  RxPCN ADV\n(back) Medicare MBI ", (medicare_mbi(r), "ACCOUNT"),
        "\nCardholder SSN ends in ", (last4(r), "SSN"), ". Effective ", (date(r, 2026, 2026, 1), "DATE"),
    ]


def bed_board(r):
    out: list = ["| Bed | Patient | Age | Admit | Attending |\n|:--|:--|--:|:--|:--|\n"]
    for i in range(r.randint(2, 3)):
        p, d = Person(r), Person(r)
        out += [f"| {r.randint(1, 30)}{r.choice('AB')} | ", N(f"{p.last}, {p.first[0]}."), " | ",
                (age(r), "AGE"), " | ", (date(r, 2026, 2026, 9), "DATE"), " | ", N(d.last), " |\n"]
    return out


def crisis_line(r):
    caller, pt = Person(r), Person(r)
    pl = Place(r)
    return [
        "Crisis line: caller ", N(caller.first), " worried about brother ", N(pt.full), ", who is at ",
        (street(r, pl), "ADDRESS"), " ", (unit(r), "ADDRESS"), " and has a rifle in his truck (",
        pl.st, " plate ", (plate(r), "VEHICLE"), ", VIN ends ", (vin(r)[-6:], "VEHICLE"), "). Deputy dispatched from ", (pl.county, "LOCATION"),
        " County. Caller ", (phone(r, pl.ac, 2), "PHONE"), ".",
    ]


def farm_injury(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "ED note: ", N(pt.first), ", hand caught in a PTO shaft at ", (facility(r, pl, "employer"), "FACILITY"),
        " near ", (pl.town, "LOCATION"), ". Tractor VIN ", (vin(r), "VEHICLE"), " per deputy's report; ",
        "brought by neighbor in pickup, tag ", (plate(r), "VEHICLE"), ". Tetanus ", (date(r, 2015, 2024, 12), "DATE"),
        ". ", carrier(r),
    ]


def dme_order(r):
    pt, dr = Person(r), Person(r)
    pl = Place(r)
    return [
        "DME delivery ticket\nDeliver to: ", N(pt.full), ", ", (street(r, pl), "ADDRESS"), ", ",
        (pl.town, "LOCATION"), " ", pl.st, " ", (pl.zip, "ZIP"), "\nItem: K0823 power wheelchair, S/N ",
        (serial(r), "DEVICE"), "; concentrator SN ", (serial(r), "DEVICE"), "\nOrdering: ", N(dr.full),
        ", NPI ", (npi(r), "LICENSE"), "   Supplier fax ", (phone(r, pl.ac, 0), "FAX"), "   Delivered ", (date(r, 2026, 2026, 3), "DATE"),
    ]


def jail_health(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "Correctional health: inmate ", N(pt.lf.upper()), " booking # ", (f"{digits(r, 2)}-{digits(r, 5)}", "ACCOUNT"),
        ", ", (f"{pl.county} County Detention Center", "FACILITY"), ", seen ", (date(r, 2026, 2026, 0), "DATE"),
        ". SSN ", (ssn(r), "SSN"), ". Vehicle impounded, VIN ", (vin(r), "VEHICLE"), ". Brought own glucometer, s/n ", (serial(r), "DEVICE"), ". ", carrier(r),
    ]


def recommendations_letter(r):
    spoke, hub, pt = Person(r), Person(r), Person(r)
    pl = Place(r)
    return [
        "Dear ", N(spoke.first), ",\nThank you for presenting ", N(pt.ini), " at ECHO on ",
        (date(r, 2026, 2026, 4), "DATE"), ". For the pt from ", (pl.town, "LOCATION"), " (", (pl.zip, "ZIP"),
        ") we recommend the following. ", carrier(r), " Slides: ", (f"https://echohub.org/s/{digits(r, 6)}", "URL"), "\nRegards, ", N(hub.full), ", MD, NPI ", (npi(r), "LICENSE"), " | fax ", (phone(r, "505", 2), "FAX"), " | ",
        (email(r, hub, "echohub.org"), "EMAIL"),
    ]


def ob_note(r):
    mom, baby_dad = Person(r), Person(r)
    pl = Place(r)
    return [
        "L&D: ", N(mom.full), ", G3P2, delivered ", (date(r, 2026, 2026, 1), "DATE"), " 03:14 at ",
        (facility(r, pl, "hosp"), "FACILITY"), ". FOB ", N(baby_dad.full), ". Baby boy ", N(mom.last),
        ", 3.4 kg, Apgars 8/9. Newborn MRN ", (mrn(r), "MRN"), ". Delivering CNM NPI ", (npi(r), "LICENSE"), ".",
    ]


def home_health(r):
    pt, rn = Person(r), Person(r)
    pl = Place(r)
    return [
        "HH visit ", (date(r, 2026, 2026, 12), "DATE"), ". ", N(pt.last), " home: ", (street(r, pl), "ADDRESS"),
        " (", (pl.zip, "ZIP"), "), gravel lane past the ", (pl.town, "LOCATION"), " water tower. Key box code on file. ",
        "Nurse ", N(rn.full), ", ", pl.st, " lic ", (state_license(r, pl.st), "LICENSE"), ". Pt ", (age(r), "AGE"),
        ", lives with grandson ", N(Person(r).first), ". ", carrier(r),
    ]


def device_clinic(r):
    pt = Person(r)
    return [
        "Remote transmission ", (date(r, 2026, 2026, 8), "DATE"), ": ", N(pt.lf), ". Pacemaker serial ",
        (serial(r), "DEVICE"), "; bedside monitor ", (serial(r), "DEVICE"), " (cell, IMEI ",
        (imei(r), "DEVICE"), "). Battery 8.5 y. No episodes.",
    ]


def it_log(r):
    u = Person(r)
    return [
        (date(r, 2026, 2026, 8), "DATE"), f"T0{r.randint(1, 9)}:1{r.randint(0, 9)}:0{r.randint(0, 9)}Z ",
        "user=", (f"{u.first[0].lower()}{u.last.lower().replace(' ', '')}", "NAME"), " src=",
        (ipv4(r), "IP"), " dst=", (ipv4(r), "IP"), " action=VIEW chart=", (mrn(r), "MRN"),
        "\nuser=", (f"{u.first[0].lower()}{u.last.lower().replace(' ', '')}", "NAME"), " src6=", (ipv6(r), "IP"),
        " mac=", (mac(r), "DEVICE"), " action=PRINT",
    ]


def obituary_hx(r):
    pt, dec = Person(r), Person(r)
    slug = f"{dec.first.lower()}-{pt.last.lower().replace(' ', '-')}"
    return [
        "Family hx: father ", N(f"{dec.first} {pt.last}"), " died ", (date(r, 2020, 2025, 4), "DATE"),
        " of MI (obit: ", (f"www.legacy.com/us/obituaries/name/{slug}-obituary", "URL"), "). Sister ",
        N(Person(r).first), " started ", (f"gofundme.com/f/help-{pt.first.lower()}-with-dialysis", "URL"), ".",
    ]


def school_sports(r):
    kid = Person(r)
    pl = Place(r)
    return [
        "Sports physical form: ", N(kid.full), ", grade 10, ", (facility(r, pl, "school"), "FACILITY"),
        ". DOB ", (date(r, 2009, 2011, 2), "DATE"), ". Parent: ", N(Person(r).full), ", ",
        (email(r, kid), "EMAIL"), ". Coach ", N(Person(r).last), ". Cleared without restriction.",
    ]


def billing_stmt(r):
    g = Person(r)
    pl = Place(r)
    return [
        "Statement: guarantor ", N(g.full.upper()), "\n", (street(r, pl).upper(), "ADDRESS"), "\n",
        (pl.town.upper(), "LOCATION"), " ", pl.st, " ", (pl.zip + "-" + digits(r, 4), "ZIP"), "\nAcct ",
        (account(r), "ACCOUNT"), "   Guarantor SSN ", (ssn(r), "SSN"), "   Billing fax ", (phone(r, pl.ac, 4), "FAX"), "\nPay online: ", (f"https://pay.{pl.county.lower().replace(' ', '')}med.com/?a={digits(r, 8)}", "URL"),
    ]


def cna_sheet(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "cna flow sheet - ", N(pt.first.lower()), " ", N(pt.last.lower()), " turned q2h, ate 50%. dtr ",
        N(Person(r).first.lower()), " visited, took her hearing aids home (serials ", (serial(r), "DEVICE"),
        " / ", (serial(r), "DEVICE"), "). home # ", (phone(r, pl.ac, 8), "PHONE"),
    ]


def transport(r):
    pt, drv = Person(r), Person(r)
    pl = Place(r)
    return [
        "Medicaid transport: pickup ", N(pt.full), ", ", (age(r), "AGE"), ", at ", (street(r, pl), "ADDRESS"), ", ", (pl.town, "LOCATION"), " ", (pl.zip, "ZIP"),
        " for dialysis at ", (facility(r, pl, "dialysis"), "FACILITY"), ". Driver ", N(drv.first),
        " (DL ", (dl(r, pl.st), "LICENSE"), "), van plate ", (plate(r), "VEHICLE"), ". Trip # ", digits(r, 6), ".",
    ]


def tele_tech(r):
    pt = Person(r)
    return [
        "Telehealth tech note: ", N(pt.full), " could not connect. Tablet S/N ", (serial(r), "DEVICE"),
        ", MAC ", (mac(r), "DEVICE"), ", public IP ", (ipv4(r), "IP"), ", LAN ", (ipv4(r), "IP"), ". Sent new link ",
        (f"https://zoom.us/j/{digits(r, 11)}", "URL"), " to ", (email(r, pt), "EMAIL"), ".",
    ]


def disability_form(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "Disability form for ", N(pt.full), ", SSN ", (ssn(r), "SSN"), ", DOB ", (date(r, 1960, 1990, 5), "DATE"),
        ". Last worked ", (f"{r.choice(['Jan', 'March', 'Aug'])} 2025", "DATE"), " at ",
        (facility(r, pl, "employer"), "FACILITY"), ". Claim # ", (account(r), "ACCOUNT"), ". Return to DDS fax ", (phone(r, pl.ac, 5), "FAX"), "; claimant e-mail ", (email(r, pt), "EMAIL"), ".",
    ]


def census_line(r):
    pt = Person(r)
    pl = Place(r)
    return [
        "ADT A04|", (f"{ascii_fold(pt.last).upper()}^{ascii_fold(pt.first).upper()}", "NAME"), "|",
        (date(r, 1925, 2000, 8).replace("-", ""), "DATE"), "|", (mrn(r), "MRN"), "|",
        (street(r, pl).upper(), "ADDRESS"), "^^", (pl.town.upper(), "LOCATION"), "^", pl.st, "^",
        (pl.zip, "ZIP"), "|", (phone(r, pl.ac, 3), "PHONE"),
    ]


SHAPES = {
    "telechat": telehealth_chat, "echominutes": echo_minutes, "pharmcall": pharmacy_call,
    "occhealth": occ_health, "dictation": dictation, "fwdemail": forwarded_email, "sms": sms,
    "ocrfax": ocr_fax, "spanglish": spanglish, "mdtable": md_table, "medlist": med_list,
    "wristband": wristband, "voicemail": voicemail, "reminder": appt_reminder, "sbar": sbar,
    "incident": incident, "roi": roi_letter, "intake": intake_form, "wellchild": well_child,
    "refill": refill_portal, "pacall": prior_auth_call, "critical": critical_call,
    "inscard": insurance_card, "bedboard": bed_board, "crisis": crisis_line, "farm": farm_injury,
    "dme": dme_order, "jail": jail_health, "recletter": recommendations_letter, "ob": ob_note,
    "homehealth": home_health, "deviceclinic": device_clinic, "itlog": it_log, "obit": obituary_hx,
    "sports": school_sports, "billing": billing_stmt, "cna": cna_sheet, "transport": transport,
    "teletech": tele_tech, "disability": disability_form, "adt": census_line,
}
