"""Identifier passages for set K: each shape returns a list of plain strings and (value, CATEGORY) pairs."""

from __future__ import annotations

from values import (
    CHAPTERS, COUNTIES, R, RESERVATIONS, STATE_NAMES, account, age, ascii_fold, date, dea, digits, dl, dob, email,
    email_pro, facility, foreign_city, foreign_phone, foreign_post, fresh, imei, ipv4, ipv6, license_state, mac, mrn, natid,
    npi, person, person_i, plate, rural, serial, ssn, street, town, url, us_phone, vin, zip5,
)


def S(v, c):
    return (v, c)


def N(v):
    return (v, "NAME")


def D(v):
    return (v, "DATE")


def place(plus4=None):
    t = town()
    return t, S(t[0], "LOCATION"), S(zip5(t[2], R.random() < 0.25 if plus4 is None else plus4), "ZIP")


def maybe_age(lo=20, hi=89):
    """Most of the time an age over 89 (a span), otherwise a plain age."""
    return S(age(), "AGE") if R.random() < 0.6 else str(R.randint(lo, hi))


def last4():
    return S(fresh(lambda: digits(4)), "SSN")


def county():
    return S(fresh(lambda: R.choice(COUNTIES)), "LOCATION")


def reg_header_caps():
    p = person(); t, L, Z = place(); ins = R.choice(["MEDICAID", "BCBS", "TRICARE", "AETNA", "IHS"])
    return ["PATIENT REGISTRATION\nNAME: ", N(ascii_fold(p.lf).upper()), "   SEX: ", R.choice("MF"), "   DOB: ", D(dob("md2")),
            "\nMRN: ", S(mrn(), "MRN"), "   ACCT#: ", S(account(), "ACCOUNT"), "\nADDR: ", S(street().upper(), "ADDRESS"),
            "\n      ", S(t[0].upper(), "LOCATION"), " ", t[1], " ", Z, "\nHOME PH: ", S(us_phone(), "PHONE"), "   AGE: ", maybe_age(), "\nEMAIL: ", S(email(p).upper(), "EMAIL"),
            "   SSN: ", S(ssn(), "SSN"), "\nINS: ", ins, " ID ", S(account(), "ACCOUNT"), "\nEMPLOYER: ",
            S(facility("employer", t).upper(), "FACILITY")]


def pipe_table():
    rows = ["Patient | DOB | Age | MRN | Town | ZIP | Phone\n"]
    for _ in range(R.randint(2, 3)):
        p = person(); t, L, Z = place(False)
        rows += [N(p.lf), " | ", D(dob(R.choice(["mdy", "iso", "dmon"]))), " | ", maybe_age(), " | ", S(mrn(), "MRN"), " | ", L, " | ", Z, " | ", S(us_phone(), "PHONE"), "\n"]
    rows.pop()
    return rows


def discharge_summary():
    p = person(); t, L, Z = place(); a = age()
    doc = person()
    return ["DISCHARGE SUMMARY\nAdmitted: ", D(date()), "  Discharged: ", D(date()), "\n", N(p.full), " is a ", S(a, "AGE"),
            "-year-old ", R.choice(["woman", "man"]), " from ", L, ", ", STATE_NAMES.get(t[1], t[1]),
            " admitted with community-acquired pneumonia. ", N(p.first), " was treated with ceftriaxone and azithromycin and improved by HD 3. ",
            "Discharged to ", S(facility("nh", t), "FACILITY"), ". Follow up with Dr. ", N(doc.last), " at ",
            S(facility("clinic", t), "FACILITY"), " on ", D(date(style="short")), " (clinic fax ", S(us_phone(), "FAX"), "). Attending: ", N(doc.full), ", MD (NPI ", S(npi(), "LICENSE"), ")."]


def nursing_note_lower():
    p = person(); dau = person(); t, L, Z = place(False)
    return ["0300 pt resting, ", N(p.first.lower()), " oriented x2, c/o 4/10 hip pain, tylenol 650 given. daughter ", N(f"{dau.first} {p.last}".lower()),
            " called from ", S(t[0].lower(), "LOCATION"), ", cb ", S(us_phone(), "PHONE"), ". she states pt lives alone at ",
            S(street().lower(), "ADDRESS"), ", no stairs. fall precautions, bed alarm on. rn ", N(person_i().inits2.lower())]


def referral_letter():
    p = person(); doc = person(); me = person(); t, L, Z = place()
    return ["Dear Dr. ", N(doc.last), ",\nThank you for seeing ", N(p.full), " (DOB ", D(dob("long")), "), who lives at ", S(street(), "ADDRESS"), ", ",
            L, ", ", t[1], " ", Z, ". ", N(p.last), " has had progressive dyspnea since ", D(date(style="mon_y")),
            "; echo at ", S(facility("hosp", t), "FACILITY"), " showed an EF of 35%. Please call me at ", S(us_phone(), "PHONE"),
            " or fax records to ", S(us_phone(), "FAX"), " (secure e-mail ", S(email_pro(me), "EMAIL"), ").\nSincerely,\n", N(me.full), ", DO"]


def echo_case_form():
    p = person_i(); t, L, Z = place(False); a = age()
    return ["ECHO Case Presentation Form\nPresenter: ", N(person().full), ", ", S(facility("clinic"), "FACILITY"),
            "\nPatient initials: ", N(p.inits), "   Age: ", S(a, "AGE"), "   Community: ", L, " (", Z, ")\n",
            "County: ", county(), "\nOccupation: retired, formerly at ", S(facility("employer", t), "FACILITY"),
            "\nQuestion for the hub: can we taper the prednisone before ", D(date(style="short")), "?"]


def pharmacy_line():
    p = person(); doc = person(); t, L, Z = place(False)
    return ["RX ", S(fresh(lambda: digits(7)), "ACCOUNT"), " | ", N(ascii_fold(p.lf).upper()), " | DOB ", D(dob("md2")), " | apixaban 5 mg BID #60 RF2 | prescriber ",
            N(doc.lf), " DEA ", S(dea(doc.last), "LICENSE"), " NPI ", S(npi(), "LICENSE"), " | ", S(facility("pharm", t), "FACILITY"),
            " ph ", S(us_phone(), "PHONE"), " fax ", S(us_phone(), "FAX")]


def insurance_lines():
    p = person(); sub = person()
    return ["Primary: Medicaid ID ", S(account(), "ACCOUNT"), " eff ", D(date(style="mdy")), "\nSecondary: ",
            R.choice(["UnitedHealthcare", "Humana Gold", "Cigna", "Wellcare", "Molina"]), " member ", S(account(), "ACCOUNT"),
            " group 88120 (employer plan)\nSubscriber: ", N(f"{sub.first} {p.last}"), ", rel: spouse, SSN last 4 ",
            last4(), "\nClaim # ", S(account(), "ACCOUNT"), " for DOS ", D(date(style="md2")), " denied, CO-97"]


def fax_cover():
    p = person(); to = person(); frm = person(); t, L, Z = place(False)
    return ["*** CONFIDENTIAL FAX ***\nDate: ", D(date(style="mdy")), "   Pages (incl. cover): ", str(R.randint(3, 14)),
            "\nTO: ", N(to.full), ", ", S(facility("hosp"), "FACILITY"), "   FAX: ", S(us_phone(), "FAX"),
            "\nFROM: ", N(frm.full), ", ", S(facility("clinic", t), "FACILITY"), "   PHONE: ", S(us_phone(), "PHONE"),
            "\nRE: ", N(ascii_fold(p.full).upper()), "  DOB ", D(dob("mdy")), "  MRN ", S(mrn(), "MRN"),
            "\nIf you received this in error call ", S(us_phone(), "PHONE"), " and destroy all pages."]


def transfer_log():
    p = person(); caller = person(); acc = person(); t, L, Z = place(False)
    return ["TRANSFER CENTER LOG  ", D(date(style="md2")), "\n02:14 call from ", N(caller.full), " RN at ", S(facility("hosp", t), "FACILITY"),
            ", callback ", S(us_phone(), "PHONE"), "\n02:16 pt ", N(p.full), ", ", maybe_age(40, 88), "M, STEMI, lytics given 01:50, MRN at sending ",
            S(mrn(), "MRN"), "\n02:21 accepted by Dr. ", N(acc.last), " (cards); bed CCU 4\n02:30 rotor wing from ", L,
            " declined weather; ground via ", S(facility("hosp"), "FACILITY"), " ALS\n02:34 face sheet faxed to ", S(us_phone(), "FAX")]


def run_sheet():
    p = person(); t, L, Z = place(False); medic = person()
    return ["RUN #", S(account(), "ACCOUNT"), "  Medic 7  Disp 14:02  On scene 14:19\nPickup: ", S(street(), "ADDRESS"), ", ", L,
            " (", county(), ")\nPt: ", N(p.lf), "  DOB ", D(dob("mdy")), "  Age ", maybe_age(), "\nMVC, driver of pickup plate ",
            S(plate(), "VEHICLE"), " vs deer. GCS 15, BP 148/92, SpO2 97% RA.\nDest: ", S(facility("hosp", t), "FACILITY"),
            ". Crew: ", N(medic.full), " (EMT-P lic ", S(license_state(), "LICENSE"), ")"]


def lab_requisition():
    p = person(); doc = person(); t, L, Z = place()
    return ["LAB REQUISITION\nAccession: ", S(f"{R.choice(['A', 'C', 'M'])}{digits(2)}-{digits(6)}", "ACCOUNT"), "   Collected: ", D(date(style="md2")), " 07:40\n",
            "Patient: ", N(p.lf), "  DOB: ", D(dob("md2")), "  Sex: ", R.choice("MF"), "\nAddress: ", S(street(), "ADDRESS"), ", ", L, " ", t[1], " ", Z,
            "\nOrdering: ", N(doc.full), "  NPI ", S(npi(), "LICENSE"), "  Results fax ", S(us_phone(), "FAX"), "\nDx: E11.65, N18.3  Tests: CMP, HbA1c, UACR\nBill to: Medicare MBI ",
            S(account(), "ACCOUNT")]


def portal_message():
    p = person(); kid = person(); t, L, Z = place(False)
    return ["hi dr ", N(person().last.lower()), " this is ", N(p.first.lower()), ", ", N(kid.first.lower()), "'s mom. we moved, new address is ",
            S(street().lower(), "ADDRESS"), " in ", S(t[0].lower(), "LOCATION"), " ", Z, ". my cell changed too its ", S(us_phone(), "PHONE"),
            " and you can email me at ", S(email(p), "EMAIL"), ". can you send the school form for ", S(facility("school", t), "FACILITY"), ". pic of the rash is here ", S(url(p, "photo"), "URL"), " thx"]


def dictation():
    p = person(); doc = person(); m = mrn().replace("-", "")
    spelled = "-".join(ascii_fold(p.last).upper().replace(" ", "").replace("'", ""))
    return ["This is Dr. ", N(doc.last), " dictating a clinic note on ", N(p.full.lower() if R.random() < 0.5 else p.full), ", last name spelled ",
            N(spelled), ", medical record number ", S(" ".join(m), "MRN"), ", date of service ", D(date(style="long")),
            ", comma, seen today for follow-up of atrial fibrillation period new paragraph. ", N(p.first),
            " reports no palpitations. Please copy to Dr. ", N(person().full), " at ", S(facility("clinic"), "FACILITY"), ". End of dictation."]


def spanish_fragment():
    p = person(); t, L, Z = place(False); hija = person()
    return ["Paciente: ", N(p.full), "   Fecha de nacimiento: ", D(dob("es")), "\nDomicilio: ", S(street(), "ADDRESS"), ", ", L, ", ",
            Z, "\nTel. de su hija ", N(hija.first), ": ", S(us_phone(), "PHONE"), "\nRefiere dolor abdominal de 3 días; la cita con el Dr. ",
            N(person().last), " es el ", D(date(style="es")), " en ", S(facility("clinic", t), "FACILITY"), "."]


def immigrant_visitor():
    p = person(); o = p.origin if p.origin != "us" else "pl_PL"
    nid, cue = natid(o); city = foreign_city()
    return ["Visiting from abroad. ", N(p.full), ", born ", D(dob("dots")), " in ", S(city, "LOCATION"), ". ", cue, " ", S(nid, "SSN"),
            ". Home phone ", S(foreign_phone(o), "PHONE"), ", postcode ", S(foreign_post(o), "ZIP"), ". Staying with cousin ",
            N(person().full), " at ", S(street(), "ADDRESS"), " until ", D(date(style="euro")), ". Travel insurance policy ",
            S(account(), "ACCOUNT"), "."]


def military():
    p = person(); sp = person(); t, L, Z = place(False)
    z = "09" + digits(3)
    return ["Active duty spouse. Sponsor ", N(sp.full), ", DoD ID ", S(digits(10), "ACCOUNT"), ". Mailing: ", S(fresh(lambda: f"PSC {R.randint(100, 9999)} Box {R.randint(1, 9999)}"), "ADDRESS"),
            ", APO AE ", S(z, "ZIP"), ". Patient ", N(p.full), " DOB ", D(dob("mdy")), ", Tricare ", S(account(), "ACCOUNT"),
            ". Stateside contact: mother in ", L, ", ", Z, ", ", S(us_phone(), "PHONE"), "."]


def tribal_lands():
    p = person(); t, L, Z = place(False); ch = R.choice(CHAPTERS)
    return ["Home visit by CHR ", N(person().full), " on ", D(date(style="mdy")), ". ", N(p.full), " lives off ", S(rural(), "ADDRESS"),
            " about 6 miles past the ", S(ch, "LOCATION"), " chapter house, ", S(R.choice(RESERVATIONS), "LOCATION"),
            "; no running water, hauls water weekly. Mail goes to ", S(f"PO Box {R.randint(20, 4999)}", "ADDRESS"), ", ", L, " ", Z,
            ". Chart # ", S(mrn(), "MRN"), " at ", S(facility("ihs", t), "FACILITY"), ". Cell (spotty): ", S(us_phone(), "PHONE")]


def rural_route():
    p = person(); t, L, Z = place()
    return [N(p.lf), "\n", S(rural(), "ADDRESS"), "\n", L, ", ", t[1], " ", Z, "\nDOB ", D(dob("md2")), "   MR# ", S(mrn(), "MRN"),
            "\nNOK: ", N(person().full), " (brother) ", S(us_phone(), "PHONE")]


def device_clinic():
    p = person()
    return ["Device clinic ", D(date(style="md2")), ": ", N(p.full), ". Pacemaker Medtronic Azure XT DR, S/N ", S(serial(), "DEVICE"),
            "; RA lead 5076-52 ser. no. ", S(serial(), "DEVICE"), "; RV lead serial ", S(serial(), "DEVICE"),
            ". Home monitor unit ", S(serial(), "DEVICE"), " last transmitted ", D(date(style="short")), ". Battery 9.5 yr, RV threshold 0.75 V @ 0.4 ms."]


def diabetes_tech():
    p = person()
    return [N(p.first), " uses Omnipod 5 (PDM serial ", S(serial(), "DEVICE"), ", IMEI ", S(imei(), "DEVICE"), ") with Dexcom G7, sensor SN ",
            S(serial(), "DEVICE"), ". Phone paired over Bluetooth MAC ", S(mac(), "DEVICE"), ". TIR 71%, GMI 7.0%. Mom ",
            N(person().first), " asked for refills to ", S(facility("pharm"), "FACILITY"), "."]


def cpap_home():
    p = person(); t, L, Z = place(False)
    return ["DME delivery ", D(date(style="mdy")), ": ResMed AirSense 11 (SN ", S(serial(), "DEVICE"), ", modem ID ", S(digits(11), "DEVICE"),
            ") and humidifier delivered to ", S(street(), "ADDRESS"), ", ", L, ". Patient ", N(p.full), " signed. Supplier account ",
            S(account(), "ACCOUNT"), ". Oxygen concentrator serial ", S(serial(), "DEVICE"), " swapped."]


def vehicle_crash():
    p = person(); t, L, Z = place(False); trooper = person()
    return ["ED triage: ", N(p.full), ", ", maybe_age(18, 80), "F, restrained driver, rollover on Hwy 2 near ", L, ". Vehicle ",
            R.choice(["2014 Ford F-150", "2009 Chevy Silverado", "2018 Subaru Outback", "2011 Toyota Tacoma"]), ", tag ", S(plate(), "VEHICLE"), ", VIN ",
            S(vin(), "VEHICLE"), ". Trooper ", N(trooper.last), " (badge 2217) requests BAC; second vehicle plates ", S(plate(), "VEHICLE"), "."]


def vehicle_social():
    p = person(); t, L, Z = place(False)
    return ["SW note: ", N(p.first), " has been sleeping in her car, a gray minivan, lic. plate ", S(plate(), "VEHICLE"),
            ", parked behind ", S(facility("employer", t), "FACILITY"), " in ", L, ". Registration is in her ex's name (",
            N(person().full), "), VIN ending ", S(vin()[-6:], "VEHICLE"), ". Referred to shelter; phone ", S(us_phone(), "PHONE"), "."]


def licences():
    p = person(); t, L, Z = place(False)
    return ["Credentialing: ", N(p.full), ", APRN. State license ", S(license_state(), "LICENSE"), " exp ", D(date(style="md2")),
            "; DEA ", S(dea(p.last), "LICENSE"), "; NPI ", S(npi(), "LICENSE"), "; Medicaid provider # ", S(license_state(), "LICENSE"),
            "; CDL/driver's lic ", S(dl(), "LICENSE"), ". Practice site: ", S(facility("clinic", t), "FACILITY"), ", ", L, "."]


def id_check():
    p = person(); t, L, Z = place(False)
    return ["Identity verified at registration: DL ", S(dl(), "LICENSE"), " (", t[1], "), exp ", D(date(2027, 2031, "md2")),
            "; SSN on file ends in ", last4(), ". Name on card ", N(ascii_fold(p.full).upper()), ", address on card ",
            S(street(), "ADDRESS"), " ", L, " ", Z, ". Emergency contact ", N(person().full), " ", S(us_phone(), "PHONE"), "."]


def it_ticket():
    p = person()
    return ["Ticket INC", digits(6), ": telehealth drop for pt ", N(p.full), " (MRN ", S(mrn(), "MRN"), "). Client IP ", S(ipv4(), "IP"),
            ", gateway ", S(ipv4(), "IP"), ", IPv6 ", S(ipv6(), "IP"), ". Visit link ", S(url(p, "meet"), "URL"), " resent to ", S(email(p), "EMAIL"),
            ". Workstation WS-4410 MAC ", S(mac(), "DEVICE"), "."]


def access_audit():
    rows = ["user | patient | MRN | src IP | time\n"]
    for _ in range(3):
        u = person(); p = person()
        rows += [N(f"{ascii_fold(u.first)[0]}{ascii_fold(u.last).replace(' ', '').replace(chr(39), '')}".lower()), " | ", N(p.lf), " | ", S(mrn(), "MRN"), " | ", S(ipv4(), "IP"),
                 " | ", D(date(style="iso")), " 0", str(R.randint(1, 9)), ":", f"{R.randint(0, 59):02d}", "\n"]
    rows.pop()
    return rows


def family_links():
    p = person(); mom = person()
    return ["FHx: mother ", N(f"{mom.first} {p.last}"), " died ", D(date(2019, 2025, "long")), " of ovarian ca (obituary ", S(url(mom, "obit"), "URL"), "). ",
            "Family started a fundraiser for ", N(p.first), "'s treatment: ", S(url(p, "fund"), "URL"), ". Sister ", N(person().first), " ",
            "emails updates from ", S(email(p), "EMAIL"), "."]


def nursing_home_face():
    p = person(); rp = person(); t, L, Z = place(False)
    return ["ADMISSION FACE SHEET  ", S(facility("nh", t), "FACILITY"), "\nResident: ", N(p.lf), "   Room 214-B\nDOB: ", D(dob("mdy")),
            "   Age: ", S(age(), "AGE"), "   SSN: ", S(ssn(), "SSN"), "\nMedicare #: ", S(account(), "ACCOUNT"), "   Medicaid #: ", S(account(), "ACCOUNT"),
            "\nResponsible party: ", N(rp.full), ", ", S(rural(), "ADDRESS"), ", ", L, " ", Z, ", ", S(us_phone(), "PHONE"),
            "\nFacility fax: ", S(us_phone(), "FAX"), "\nFuneral home: ", S(f"{R.choice(['Lindqvist', 'Hostetler', 'Mayfield', 'Pettaway', 'Quintanilla'])}-{R.choice(['Olson', 'Reed', 'Garza', 'Kline'])} Funeral Chapel", "FACILITY")]


def hospice_initials():
    p = person_i()
    return ["Hospice IDT ", D(date(style="md")), ": pt ", N(p.inits2), " (", S(age(words=True), "AGE"), ") declining, PPS 30%. ", N(p.inits),
            " still enjoys radio. Wife ", N(person().first), " requests chaplain; RN ", N(person_i().inits2), " to visit ", D(date(style="short")), "."]


def centenarian():
    p = person(); t, L, Z = place(False)
    return [N(p.full), " celebrated her ", S(f"{R.randint(100, 106)}", "AGE"), "th birthday on ", D(date(style="short")), " at ",
            S(facility("nh", t), "FACILITY"), "; the ", L, " paper ran a story. She is ", "the oldest resident of ",
            county(), ". Hearing aids: Phonak L90 SN ", S(serial(), "DEVICE"), " and ", S(serial(), "DEVICE"), "."]


def school_nurse():
    p = person(); par = person(); t, L, Z = place(False)
    return [S(facility("school", t), "FACILITY"), " nurse note ", D(date(style="md2")), ": student ", N(p.full), ", grade 4, DOB ", D(date(2014, 2017, "md2")),
            ", asthma action plan on file. Albuterol HFA 2 puffs given 10:15. Called guardian ", N(par.full), " at ", S(us_phone(), "PHONE"),
            "; Medicaid ", S(account(), "ACCOUNT"), "."]


def court_order():
    p = person(); j = person()
    return ["Per court order, docket ", S(f"{R.randint(20, 26)}-{R.choice(['JV', 'PR', 'CV', 'MH'])}-{digits(5)}", "ACCOUNT"), " entered ", D(date(style="long")),
            " by Judge ", N(j.full), ", ", N(p.full), " is committed for evaluation. Guardian ad litem ", N(person().full), ", phone ",
            S(us_phone(), "PHONE"), ", fax ", S(us_phone(), "FAX"), "."]


def prior_auth():
    p = person(); doc = person()
    return ["PRIOR AUTHORIZATION REQUEST\nMember: ", N(p.full), "  Member ID: ", S(account(), "ACCOUNT"), "  DOB: ", D(dob("md2")),
            "\nPrescriber: ", N(doc.full), "  NPI: ", S(npi(), "LICENSE"), "  Phone: ", S(us_phone(), "PHONE"), "  Fax: ", S(us_phone(), "FAX"),
            "\nReturn decision by fax to ", S(us_phone(), "FAX"), "\nDrug: adalimumab 40 mg/0.4 mL q14d  Dx: K50.10\nAuth # ", S(account(), "ACCOUNT"), " approved through ", D(date(style="md2"))]


def csv_export():
    rows = ["mrn,last,first,dob,zip,county\n"]
    for _ in range(3):
        p = person(); t = town()
        rows += [S(mrn(), "MRN"), ",", N(p.last), ",", N(p.first), ",", D(dob("iso")), ",", S(zip5(t[2]), "ZIP"), ",",
                 S(fresh(lambda: R.choice(COUNTIES).replace(" County", "")), "LOCATION"), "\n"]
    rows.pop()
    return rows


def telephone_encounter():
    p = person(); t, L, Z = place(False)
    return ["Telephone encounter ", D(date(style="mdy")), " 16:42. ", N(p.full), " (age ", maybe_age(), ") called from work (", S(facility("employer", t), "FACILITY"),
            ") at ", S(us_phone(), "PHONE"), " ext 214. Wants Rx moved to ", S(facility("pharm", t), "FACILITY"), " in ", L,
            ". Verified DOB ", D(dob("md2")), " and address ", S(street(), "ADDRESS"), ". Routed to ", N(person().first), " (MA)."]


def upper_legacy():
    p = person(); t, L, Z = place(False)
    return ["*** ", S(ascii_fold(facility("hosp", t)).upper(), "FACILITY"), " ***  ADT A04  ", D(date(style="ddMMMyy")),
            "\nPID|", S(mrn(), "MRN"), "|", N(ascii_fold(p.last).upper().replace(" ", "")), "^", N(ascii_fold(p.first).upper()), "|",
            S(f"{R.randint(1926, 1934)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}", "DATE"), "|", S(street().upper(), "ADDRESS"), "^^",
            S(t[0].upper(), "LOCATION"), "^", t[1], "^", Z, "|", S(us_phone(), "PHONE")]


def team_chat():
    p = person(); a = person(); b = person()
    return ["[07:12] ", N(ascii_fold(a.first).lower()), ": anyone seen bed 12? ", N(p.first), " ", N(p.last[0] + "."), " pulled her IV again\n[07:13] ",
            N(ascii_fold(b.first).lower() + "." + ascii_fold(b.last).lower().replace(" ", "")), ": yeah her son ", N(person().first), " is on the way, ",
            "his # is ", S(us_phone(), "PHONE"), "\n[07:15] ", N(ascii_fold(a.first).lower()), ": ok, MRN ", S(mrn(), "MRN"), " for the sitter order"]


def billing_note():
    p = person(); g = person()
    return ["Billing: guarantor ", N(g.full), " (SSN ", S(ssn(), "SSN"), "), ", S(street(), "ADDRESS"), ". Acct ", S(account(), "ACCOUNT"), " balance $1,284.50 after adj; HAR ",
            S(account(), "ACCOUNT"), " for ", N(p.full), " (DOS ", D(date(style="md2")), ") sent to collections. Payment plan set up, card on file, ",
            "email receipts to ", S(email(g), "EMAIL"), "."]


def immunization():
    p = person()
    return ["Immunization record for ", N(p.full), " (state registry ID ", S(account(), "ACCOUNT"), ", DOB ", D(dob("mdy")), "): ",
            "Tdap ", D(date(style="md2")), ", lot U7712AA; Shingrix #2 ", D(date(style="md2")), ", lot 3K9Z2; RSV (Arexvy) ", D(date(style="md2")),
            ". Entered by ", N(person_i().inits2), " at ", S(facility("clinic"), "FACILITY"), "."]


def research_log():
    rows = ["Screening log (study 2024-0117)\n"]
    for _ in range(3):
        p = person_i()
        rows += ["Subj ", f"{R.randint(1, 40):03d}", ": ", N(p.inits2), ", MRN ", S(mrn(), "MRN"), ", screened ", D(date(style="md")),
                 R.choice([", eligible, consented", ", excluded (eGFR 24)", ", declined"]), "\n"]
    rows.pop()
    return rows


def interpreter_visit():
    p = person(); interp = person(); t, L, Z = place(False)
    return ["Visit with ", R.choice(["Portuguese", "Polish", "Vietnamese", "Spanish", "Yoruba", "Romanian", "Dutch"]), " interpreter ", N(interp.full),
            " (ID ", S(digits(6), "ACCOUNT"), "). ", N(p.full), ", ", maybe_age(), " years old, moved from ", S(foreign_city(), "LOCATION"), " in ", D(date(style="mon_y")),
            ", now at ", S(street(), "ADDRESS"), ", ", L, " ", Z, ". Son-in-law ", N(person().full), " drives; phone ", S(us_phone(), "PHONE"), "."]


def security_log():
    p = person()
    return [D(date(style="iso")), "T03:", f"{R.randint(10, 59)}", ":07Z WARN portal login failed for ", S(email(p), "EMAIL"), " from ", S(ipv4(), "IP"),
            "\n", D(date(style="iso")), "T03:", f"{R.randint(10, 59)}", ":41Z INFO password reset link sent; device ", S(imei(), "DEVICE"),
            "\nsrc6 ", S(ipv6(), "IP"), " geo ", S(town()[0], "LOCATION")]


def dialysis_run():
    p = person(); t, L, Z = place(False)
    return [S(facility("dialysis", t), "FACILITY"), " HD run ", D(date(style="md2")), "\nPt ", N(p.lf), "  Chair 6  MRN ", S(mrn(), "MRN"),
            "\nMachine Fresenius 2008T SN ", S(serial(), "DEVICE"), "  Dialyzer Optiflux 180\nEDW 72.5 kg, UF 2.8 L, BFR 400, Kt/V 1.4\n",
            "Transport: van from ", L, ", driver ", N(person().first), " ", S(us_phone(), "PHONE")]


def obit_like_social():
    p = person(); t, L, Z = place(False)
    return ["Social hx: ", N(p.full), " is a retired ", R.choice(["postmaster", "game warden", "ferry captain", "county clerk"]), " in ", L, " (", county(),
            "), widowed ", D(date(1990, 2020, "mon_y")), ". Attends ", S(fresh(lambda: f"{R.choice(['St. Hedwig', 'St. Casimir', 'St. Kateri', 'St. Brigid', 'Our Lady of the Snows', 'Holy Rosary', 'Sacred Heart', 'First Lutheran of'])} {R.choice(['Parish', 'Church', 'Mission'])}"), "FACILITY"),
            ". Grandson ", N(person().full), " posts on ", S(url(p), "URL"), "."]


def two_units_address():
    p = person(); t, L, Z = place()
    base = street().split(" Apt")[0]
    a = f"{base} Bldg {R.choice('ABCDEFG')} {R.choice(['Apt', 'Unit', 'Ste'])} {R.randint(1, 320)}"
    return [N(p.full), " moved to ", S(fresh(lambda: a), "ADDRESS"), ", ", L, ", ", t[1], " ", Z, " on ", D(date(style="short")),
            ". Old address ", S(street(), "ADDRESS"), " is wrong in the chart. Home ", S(us_phone(), "PHONE"), "."]


def soap_signed():
    p = person(); doc = person()
    return ["S: ", N(p.first), " here for BP check, home readings 130s/80s.\nO: BP 134/82, HR 70.\nA/P: HTN controlled, continue lisinopril 20 mg.\n",
            "Electronically signed by ", N(doc.full), ", PA-C, lic ", S(license_state(), "LICENSE"), ", ", D(date(style="md2")), " 11:52"]


def pager_consult():
    p = person(); doc = person(); poa = person()
    return ["Consult request: ID for ", N(p.full), ", MRN ", S(mrn(), "MRN"), ". Contact Dr. ", N(doc.last), " pager ", S(us_phone(), "PHONE"),
            ". Decisions per POA ", N(poa.full), " (", S(us_phone(), "PHONE"), ", ", S(email(poa), "EMAIL"), ")."]


def pacs_link():
    p = person()
    return ["CT A/P for ", N(p.lf), " acc# ", S(f"{R.choice(['CT', 'RAD'])}{digits(8)}", "ACCOUNT"), " available at ",
            S(f"https://pacs.{R.choice(['northcountry', 'highline', 'tribalhealth'])}.org/viewer?study={digits(12)}", "URL"), " (server ",
            S(ipv4(), "IP"), "). Prior from ", S(facility("hosp"), "FACILITY"), " dated ", D(date(style="md2")), "."]


def charity_care():
    p = person(); sp = person(); kid = person(); t, L, Z = place()
    return ["FINANCIAL ASSISTANCE APPLICATION\nApplicant: ", N(p.full), "  SSN ", S(ssn(), "SSN"), "  DOB ", D(dob("md2")),
            "\nSpouse: ", N(f"{sp.first} {p.last}"), "  SSN ", S(ssn(), "SSN"), "\nDependent: ", N(f"{kid.first} {p.last}"), "  SSN ",
            S(ssn(), "SSN"), "\nHousehold address: ", S(street(), "ADDRESS"), ", ", L, " ", t[1], " ", Z, "\nEmployer: ",
            S(facility("employer", t), "FACILITY"), "  Annual income $", str(R.randint(12, 48)), ",", str(R.randint(100, 999))]


def ssa_disability():
    p = person(); payee = person(); o = p.origin if p.origin != "us" else "es_MX"
    nid, cue = natid(o)
    return ["SSA-827 received ", D(date(style="md2")), " for claimant ", N(p.lf), ", SSN ", S(ssn(), "SSN"), ", also known by ", cue, " ",
            S(nid, "SSN"), " (country of birth). Rep payee ", N(payee.full), ", SSN ending ", last4(), ". DDS case ", S(account(), "ACCOUNT"),
            "; examiner fax ", S(us_phone(), "FAX"), "."]


def email_thread():
    a = person(); b = person(); p = person()
    return ["From: ", N(a.full), " <", S(email(a), "EMAIL"), ">\nTo: ", S(email(b), "EMAIL"), "\nCc: ", S(email(p), "EMAIL"),
            "\nSent: ", D(date(style="long")), " 9:41 PM\nX-Originating-IP: [", S(ipv4(), "IP"), "]\nSubject: ", N(p.last),
            " f/u\n\n", N(b.first), " - can you get the echo report for ", N(p.first), "? Thx, ", N(a.first), "\n", S(url(a, "meet"), "URL")]


def records_request():
    p = person(); t, L, Z = place(False)
    return ["RECORDS REQUEST  ", D(date(style="mdy")), "\nFrom: ", S(facility("hosp", t), "FACILITY"), " HIM, fax ", S(us_phone(), "FAX"),
            "\nTo: ", S(facility("clinic"), "FACILITY"), ", fax ", S(us_phone(), "FAX"), "\nPatient: ", N(p.full), "  DOB ", D(dob("mdy")),
            "  Prior MRN ", S(mrn(), "MRN"), "\nPlease send notes from ", D(date(style="mon_y")), " on, or upload at ", S(url(p, "upload"), "URL"), ". Questions: ", S(us_phone(), "PHONE")]


def valet_log():
    rows = ["Valet / ED lot log ", ]
    rows.append(D(date(style="md2")))
    rows.append("\nticket | plate | vehicle | owner\n")
    for _ in range(3):
        p = person()
        rows += [digits(3), " | ", S(plate(), "VEHICLE"), " | ", R.choice(["blk Ram 1500", "wht Tahoe", "red Civic", "silver Equinox", "Kenworth cab"]),
                 " | ", N(p.lf), "\n"]
    rows.pop()
    return rows


def tow_report():
    p = person(); t, L, Z = place(False)
    return ["Security note: pt ", N(p.full), "'s ", R.choice(["snowmobile", "ATV", "motorcycle", "horse trailer", "pickup"]), " (reg. ", S(plate(), "VEHICLE"),
            ", VIN ", S(vin(), "VEHICLE"), ") towed from the helipad by ", S(f"{R.choice(['Kline', 'Garza', 'Olson', 'Begay'])} Towing of {t[0]}", "FACILITY"),
            "; trailer plate ", S(plate(), "VEHICLE"), ". Keys with security, locker ", str(R.randint(1, 40)), "."]


def social_media():
    p = person(); fr = person()
    return ["SW: concern about posts. ", N(p.first), "'s ex posted her photo and address at ", S(url(p), "URL"), " and ", S(url(p), "URL"),
            "; friend ", N(fr.full), " screenshotted ", S(url(fr, "obit" if R.random() < 0.3 else "social"), "URL"), ". Safety plan reviewed; ", N(p.first), " changed e-mail to ",
            S(email(p), "EMAIL"), "."]


def elder_report():
    p = person(); sp = person(); t, L, Z = place(False)
    return ["APS report filed ", D(date(style="mdy")), ": ", N(p.full), " (", S(age(), "AGE"), ") and husband ", N(sp.first), " (",
            S(age(words=True), "AGE"), ") live alone at ", S(rural(), "ADDRESS"), " outside ", L, "; grandson ", N(person().full),
            " has their bank card. Intake ", S(account(), "ACCOUNT"), ", worker ", N(person().full), " ", S(us_phone(), "PHONE"), "."]


def firewall_log():
    p = person()
    return ["fw01 DENY tcp ", S(ipv4(), "IP"), ":", str(R.randint(1024, 65000)), " -> ", S(ipv4(), "IP"), ":443\n",
            "proxy ALLOW ", S(ipv4(), "IP"), " GET ", S(fresh(lambda: f"https://portal.{R.choice(['northcountry', 'highline', 'riverbend'])}.org/chart?mrn={mrn()}"), "URL"),
            " user=", N(ascii_fold(p.first[0] + p.last).lower().replace(" ", "").replace("'", "")), "\nsrc6 ", S(ipv6(), "IP")]


SHAPES = [
    reg_header_caps, pipe_table, discharge_summary, nursing_note_lower, referral_letter, echo_case_form, pharmacy_line,
    insurance_lines, fax_cover, transfer_log, run_sheet, lab_requisition, portal_message, dictation, spanish_fragment,
    immigrant_visitor, military, tribal_lands, rural_route, device_clinic, diabetes_tech, cpap_home, vehicle_crash,
    vehicle_social, licences, id_check, it_ticket, access_audit, family_links, nursing_home_face, hospice_initials,
    centenarian, school_nurse, court_order, prior_auth, csv_export, telephone_encounter, upper_legacy, team_chat,
    billing_note, immunization, research_log, interpreter_visit, security_log, dialysis_run, obit_like_social,
    two_units_address, soap_signed, pager_consult, pacs_link, charity_care, ssa_disability, email_thread, records_request,
    valet_log, tow_report, social_media, elder_report, firewall_log,
]


def _home():
    t, L, Z = place(False)
    return [S(street(), "ADDRESS"), ", ", L, " ", Z]


# A closing line added to some shapes: more spans of the weighted categories in the same passage.
EXTRA = {
    "reg_header_caps": lambda: ["\nDL#: ", S(dl(), "LICENSE")],
    "referral_letter": lambda: [", NPI ", S(npi(), "LICENSE")],
    "soap_signed": lambda: [", DEA ", S(dea(person().last), "LICENSE")],
    "hospice_initials": lambda: [" O2 concentrator SN ", S(serial(), "DEVICE"), "; orders by fax to ", S(us_phone(), "FAX"),
                                 "; RN license ", S(license_state(), "LICENSE"), "."],
    "immunization": lambda: [" Standing order NPI ", S(npi(), "LICENSE"), "; age at last dose ", maybe_age(), "."],
    "pager_consult": lambda: [" Consultant NPI ", S(npi(), "LICENSE"), "."],
    "dialysis_run": lambda: ["\nPrimary RN lic ", S(license_state(), "LICENSE"), "; van plate ", S(plate(), "VEHICLE"), "; age ", maybe_age(), "; home: ", *_home()],
    "transfer_log": lambda: ["\n02:40 accepting NPI ", S(npi(), "LICENSE")],
    "id_check": lambda: [" Parking: plate ", S(plate(), "VEHICLE"), "."],
    "run_sheet": lambda: [". Pt's vehicle VIN ", S(vin(), "VEHICLE"), " left at scene."],
    "tribal_lands": lambda: [". Tribal enrollment # ", S(fresh(lambda: f"{digits(3)}-{R.choice('ABCU')}-{digits(4)}"), "SSN"), "; drives a truck, tag ",
                             S(plate(), "VEHICLE"), "."],
    "military": lambda: [" POV plate ", S(plate(), "VEHICLE"), "."],
    "elder_report": lambda: [" Their truck, plates ", S(plate(), "VEHICLE"), ", was sold by the grandson. Alert pendant ID ", S(serial(), "DEVICE"), "."],
    "lab_requisition": lambda: ["\nSSN: ", S(ssn(), "SSN"), "  Age: ", maybe_age()],
    "prior_auth": lambda: ["\nSSN last 4: ", last4()],
    "telephone_encounter": lambda: [" Verified last 4 of SSN ", last4(), "."],
    "court_order": lambda: [" Respondent SSN ", S(ssn(), "SSN"), ", last known address ", *_home(), "."],
    "interpreter_visit": lambda: (lambda nc: [" ", nc[1], " on file: ", S(nc[0], "SSN"), "."])(natid(R.choice(["pt_BR", "pl_PL", "ro_RO", "nl_NL", "es_MX"]))),
    "portal_message": lambda: ["\nps my cgm receiver sn is ", S(serial().lower(), "DEVICE")],
    "discharge_summary": lambda: [" Home O2 concentrator SN ", S(serial(), "DEVICE"), ". MRN ", S(mrn(), "MRN"), "."],
    "fax_cover": lambda: ["\nReturn address: ", *_home()],
    "school_nurse": lambda: [" Home: ", *_home(), "; second guardian e-mail ", S(email(person()), "EMAIL"), "."],
    "charity_care": lambda: ["\nContact e-mail: ", S(email(person()), "EMAIL"), " (case worker)"],
    "nursing_home_face": lambda: ["\nRP e-mail: ", S(email(person()), "EMAIL")],
    "security_log": lambda: ["\nWARN retry from ", S(ipv4(), "IP")],
    "firewall_log": lambda: ["\nDENY udp ", S(ipv4(), "IP"), ":53"],
    "pacs_link": lambda: [" Prior study: ", S(fresh(lambda: f"https://pacs.highline.org/viewer?study={digits(12)}"), "URL")],
    "centenarian": lambda: [" Newspaper story: ", S(fresh(lambda: f"https://www.{R.choice(['northwoodsnews', 'coastalcourier', 'bordersentinel'])}.com/{R.randint(2024, 2026)}/{R.randint(1, 12):02d}/centenarian-{digits(5)}"), "URL")],
    "device_clinic": lambda: [" Remote report faxed to ", S(us_phone(), "FAX"), "; age ", maybe_age(), "."],
    "cpap_home": lambda: [" Age ", maybe_age(), "."],
    "rural_route": lambda: ["\nAge: ", maybe_age()],
    "obit_like_social": lambda: [" Now ", S(age(), "AGE"), " and still drives."],
    "it_ticket": lambda: [" Ticket view: ", S(fresh(lambda: f"https://help.{R.choice(['northcountry', 'riverbend'])}.org/ticket/{digits(6)}?pt={mrn()}"), "URL")],
    "billing_note": lambda: [" Pay online: ", S(fresh(lambda: f"https://pay.{R.choice(['highline', 'riverbend', 'northcountry'])}.org/?acct={digits(10)}"), "URL")],
}


def _with_extra(fn, extra):
    def shape():
        return fn() + extra()
    shape.__name__ = fn.__name__
    return shape


SHAPES = [_with_extra(f, EXTRA[f.__name__]) if f.__name__ in EXTRA else f for f in SHAPES]
