"""Identifier passage shapes for set N. Each takes a Ctx and returns text pieces and
(value, CATEGORY) pairs. Styles: dictated operative reports with recogniser errors, ED triage,
EHR copy-forward, appeal letters, HL7 v2 messages, X12 271 replies, calendar invites, vCards,
web server logs, answering-service logs, DOT and drug-screen forms, camp nurse logs, public
health case reports, ABNs, consents, discharge instructions, biomed work orders, returned
mail, nurse advice lines, EMTALA transfers, newborn screens, eyeglass prescriptions, REDCap
exports, caregiver diaries, radiology reports, secure text threads, hospice team meetings,
tribal clinic registration, black lung exams, patient letters, ECHO rosters (TSV), ECHO case
forms, ambulance-bay security logs, parking placard applications, remote monitor hub logs,
fax-to-e-mail notices, genealogy notes, VPN audits, video visits, housing social work.
"""

from __future__ import annotations

import values as V


def N(v):
    return (v, "NAME")


def D(v):
    return (v, "DATE")


def A(v):
    return (v, "AGE")


def L(v):
    return (v, "LOCATION")


def Z(v):
    return (v, "ZIP")


def AD(v):
    return (v, "ADDRESS")


def PH(v):
    return (v, "PHONE")


def FX(v):
    return (v, "FAX")


def EM(v):
    return (v, "EMAIL")


def U(v):
    return (v, "URL")


def IP(v):
    return (v, "IP")


def SS(v):
    return (v, "SSN")


def MR(v):
    return (v, "MRN")


def AC(v):
    return (v, "ACCOUNT")


def LI(v):
    return (v, "LICENSE")


def VE(v):
    return (v, "VEHICLE")


def DV(v):
    return (v, "DEVICE")


def FA(v):
    return (v, "FACILITY")


def street(c, st=None):
    r = c.r
    f = r.randrange(9)
    n = str(r.randint(3, 9899))
    if f == 0:
        return f"{n} {r.choice(V.STREET_WORDS)} {r.choice(V.SUFFIXES)}"
    if f == 1:
        return f"{n} {r.choice(V.DIRS)} {r.choice(V.STREET_WORDS)} {r.choice(V.SUFFIXES)}"
    if f == 2:
        return f"{n} {r.choice(V.HIGHWAYS[st or 'MS'])}"
    if f == 3:
        return f"{r.randint(1, 899)} {r.choice(['N', 'S', 'E', 'W'])} {r.choice(V.COAL_STREETS)}"
    if f == 4:
        return f"Rear {r.randint(1, 699)} {r.choice(['N', 'S', 'E', 'W'])} {r.choice(V.COAL_STREETS)}"
    if f == 5:
        return f"{r.randint(10, 899)} 1/2 {r.choice(V.STREET_WORDS)} {r.choice(V.SUFFIXES)}"
    if f == 6:
        return f"{n} Old {r.choice(V.HIGHWAYS[st or 'MS'])}"
    if f == 7:
        return f"{n} {r.choice(V.STREET_WORDS)}-{r.choice(V.STREET_WORDS)} Rd"
    return f"{n} County Road {r.randint(1, 4999)}"


def box(c):
    r = c.r
    f = r.randrange(6)
    return [f"PO Box {r.randint(1, 2999)}", f"P.O. Box {r.randint(1, 999)}",
            f"RR {r.randint(1, 6)} Box {r.randint(1, 399)}{r.choice(['', 'A', '-B', 'C'])}",
            f"HC {r.randint(60, 75)} Box {r.randint(100, 9999)}",
            f"Rt. {r.randint(1, 5)}, Box {r.randint(1, 500)}", f"Box {r.randint(1, 499)}"][f]


def any_addr(c, st=None):
    return street(c, st) if c.r.random() < 0.7 else box(c)


def email(c, p, org=False):
    r = c.r
    dom = r.choice(V.ORG_DOMAINS if org else V.EMAIL_DOMAINS)
    last = p.last.lower().replace(" ", "").replace("'", "")
    first = p.first.lower().replace(" ", "")
    f = r.randrange(5)
    local = [f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{r.randint(1, 99)}",
             f"{last}{first[0]}", f"{first}_{last}"][f]
    return f"{local}@{dom}"


def fax_or_phone(c, area):
    return V.phone(c.r, area)


def _fresh_name(c, make):
    """A composed name that fewer than two passages hold yet."""
    for _ in range(200):
        v = make()
        if c.used[v.lower()] < 2:
            return v
    return v


def clinic(c):
    r = c.r
    t, cnty, st, z3, ac = c.r.choice(V.PLACES)
    return _fresh_name(c, lambda: r.choice([
        c.fac(V.FAC_CLINIC), f"{t} Family Medicine", f"{cnty} County Health Department",
        f"{t} Rural Health Clinic", f"{r.choice(V.STREET_WORDS)} Family Practice",
        f"{t} Community Health Center", f"{cnty} County Primary Care", f"{t} Medical Clinic",
    ]))


def hospital(c):
    r = c.r
    t, cnty, st, z3, ac = c.r.choice(V.PLACES)
    return _fresh_name(c, lambda: r.choice([
        c.fac(V.FAC_HOSP), f"{cnty} County Hospital", f"{t} Regional Medical Center",
        f"{r.choice(V.STREET_WORDS)} Community Hospital", f"{cnty} Memorial Hospital",
    ]))


def pharmacy(c):
    r = c.r
    t = c.r.choice(V.PLACES)[0]
    return _fresh_name(c, lambda: r.choice([
        f"{t} Drug Co.", f"{r.choice(V.SURNAMES)} Pharmacy", f"{t} Discount Drugs",
        f"{r.choice(V.SURNAMES)}'s Drug Store", f"{t} Apothecary",
    ]))


def employer(c):
    r = c.r
    t = c.r.choice(V.PLACES)[0]
    return _fresh_name(c, lambda: r.choice([
        f"{t} {r.choice(['Timber Co.', 'Poultry', 'Pallet Works', 'Sawmill', 'Trucking', 'Feed & Seed', 'Concrete', 'Oil & Gas'])}",
        f"{r.choice(V.SURNAMES)} {r.choice(['Logging', 'Hauling', 'Excavating', 'Farms', 'Construction'])}",
    ]))


def other_fac(c, kind):
    r = c.r
    t, cnty, st, z3, ac = c.r.choice(V.PLACES)
    s1, s2 = r.choice(V.SURNAMES), r.choice(V.SURNAMES)
    opts = {
        "funeral": [f"{s1}-{s2} Funeral Home", f"{s1} & Sons Funeral Home", f"{t} Funeral Chapel"],
        "church": [f"{r.choice(['First Baptist', 'Mt. Zion', 'New Hope', 'St. Casimir', 'Old Bethel', 'Holy Cross'])} Church of {t}",
                   f"{t} {r.choice(['Methodist', 'Pentecostal', 'Presbyterian'])} Church", f"{t} Senior Center"],
        "ems": [f"{cnty} County EMS", f"{t} Ambulance Service", f"{cnty} County Ambulance"],
        "home": [f"{cnty} Home Health", f"{t} Home Care", f"{r.choice(V.STREET_WORDS)} Hospice"],
        "tribal": [f"{t} Indian Clinic", f"{t} Health Center (Choctaw Nation)", f"{cnty} Indian Health Center"],
    }[kind]
    return _fresh_name(c, lambda: r.choice(opts))


# ------------------------------------------------------------------ shapes


def op_dictation(c):
    r = c.r
    p, s, a = c.person(), c.person(), c.person()
    y, m, d = V.ymd(r, 2025, 2026)
    when = f"{V.MONTHS[m - 1].lower()} {V.ORD_WORDS[d - 1]} {V.spoken_year(y)}"
    mrn = V.mrn(r).replace("-", "").replace(" ", "")
    return [
        "operative report dictated by doctor ", N(s.last.lower()), " for patient ", N(p.lower),
        " medical record number ", MR(V.spell_digits(mrn)), " date of surgery ", D(when),
        " period new paragraph preoperative diagnosis incarcerated ventral hernia period "
        "postoperative diagnosis same period surgeon ", N(s.full.lower()), " assistant ",
        N(a.first.lower()), " ", N(a.last.lower()), " rnfa period new paragraph the patient is a ",
        A(r.choice(V.AGE_WORDS)), " year old who was brought to the or and placed supine "
        "period the hernia sack was opened and the fashion was closed with zero pds in a running "
        "fashion period estimated blood loss minimal period ", N(p.first.lower()),
        " tolerated the procedure well and went to pack you in stable condition period "
        "dictated ", D(f"{m}/{d}"), " end of dictation",
    ]


def ed_triage(c):
    r = c.r
    p, pcp, kid = c.person(V.GIVEN_F), c.person(), c.person(V.GIVEN_F)
    t, cnty, st, z3, ac = c.place()
    return [
        "ED TRIAGE  ", D(V.date(r, 2025, 2026, 11)), " 02:47  ESI 3\n",
        N(p.LASTFIRST), "  ", A(V.age90(r)), "yo F  MRN ", MR(V.mrn(r)), "\n",
        "Arrival: ", FA(other_fac(c, "ems")),
        " from home in ", L(t), ", ", st, ". CC: fall from bed, L hip pain, ? hit head. On Eliquis.\n",
        "Accompanied by granddaughter ", N(kid.first), ", who drove behind in ",
        VE(V.plate(r, st)), " (", st, "). Call back ", PH(V.phone(r, ac)), ".\n",
        "PCP: Dr. ", N(pcp.last), ". Last seen ", D(V.short_date(r)), ".",
    ]


def copy_forward(c):
    r = c.r
    p, rn, md = c.person(), c.person(), c.person()
    y, m, d = V.ymd(r, 2025, 2026)
    d1 = V.fmt_date(r, y, m, d, 0)
    d2 = V.fmt_date(r, y, m, min(d + 1, 28), 0)
    return [
        "PROGRESS NOTE  ", D(d2), " 07:12  ", N(md.full), ", MD\n",
        "Patient: ", N(p.LASTFIRST), "  MRN: ", MR(V.mrn(r)), "  Age: ", A(V.age90(r)), "\n",
        "[Copied forward from note of ", D(d1), " 06:58 by ", N(rn.f_last), ", RN]\n",
        "  Subjective: ", N(p.first), " slept poorly, daughter at bedside overnight.\n",
        "  PPM interrogated ", D(d1), ": SN ", DV(V.serial(r)), ", normal function.\n",
        "  SSN on file ending ", SS(V.last4(r)), " (verified at registration).\n",
        "[End copied text; edited remotely from ", IP(V.ipv4(r)), "]\n",
        "Today: no new events. Dispo pending PT. Cosigned ", D(d2), " 07:40.",
    ]


def pa_letter(c):
    r = c.r
    p, md = c.person(), c.person()
    fac = clinic(c)
    t, cnty, st, z3, ac = c.place()
    return [
        FA(fac), "\n", AD(street(c, st)), "\n", L(t), ", ", st, " ", Z(V.zipcode(r, z3)), "\n",
        "Phone ", PH(V.phone(r, ac)), "   Fax ", FX(V.phone(r, ac)), "\n",
        "Questions: ", EM(email(c, md, org=True)), "\n\n",
        D(V.date(r, 2026, 2026, 3)), "\n\n",
        "RE: Appeal of denied prior authorization\n",
        "Member: ", N(p.full), "   DOB: ", D(V.dob(r, 0)), "\n",
        "Member ID: ", AC(V.member_id(r)), "   Claim #: ", AC(V.account(r)), "\n\n",
        "Dear Medical Director,\n",
        "I am writing to appeal the denial of semaglutide for ", N(p.first),
        ", who has failed metformin 1000 mg BID and has an A1c of 9.4%. \n\n",
        "Sincerely,\n", N(md.full), ", MD\nNPI ", LI(V.npi(r)), "  ", st, " lic. ",
        LI(V.state_license(r, st)),
    ]


def hl7_msg(c):
    r = c.r
    p, k, md = c.person(V.GIVEN_F), c.person(V.GIVEN_F), c.person()
    t, cnty, st, z3, ac = c.place()
    y, m, d = V.ymd(r, 2026, 2026)
    ts = f"{y}{m:02d}{d:02d}{r.randint(0, 23):02d}{r.randint(0, 59):02d}"
    dobv = V.dob(r, 9)
    return [
        "MSH|^~\\&|ADT|HOSP|ECHO|HUB|", D(ts), "||ADT^A04|MSG", str(r.randint(10000, 99999)),
        "|P|2.5.1\n",
        "PID|1||", MR(V.mrn(r).replace(" ", "").replace("-", "")), "^^^MR||", N(p.last.upper()),
        "^", N(p.first.upper()), "^", N(p.mi), "||", D(dobv), "|F|||", AD(street(c, st)), "^^",
        L(t), "^", st, "^", Z(V.zipcode(r, z3)), "||", PH(V.phone(r, ac, 0)), "|||||",
        AC(V.account(r)), "|", SS(V.ssn(r, 2)), "\n",
        "NK1|1|", N(k.last.upper()), "^", N(k.first.upper()), "|DAU||", PH(V.phone(r, ac, 0)), "\n",
        "PV1|1|E|ED^^^|||", LI(V.npi(r)), "^", N(md.last.upper()), "^", N(md.first.upper()), "|",
    ]


def x12_271(c):
    r = c.r
    p, md = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    fac = clinic(c)
    y, m, d = V.ymd(r, 2026, 2026)
    return [
        "ST*271*0001*005010X279A1~\nNM1*1P*2*", FA(fac.upper()), "*****XX*", LI(V.npi(r)), "~\n",
        "NM1*IL*1*", N(p.last.upper()), "*", N(p.first.upper()), "****MI*", AC(V.member_id(r)), "~\nREF*SY*",
        SS(V.ssn(r, 2)), "~\n",
        "N3*", AD(any_addr(c, st).upper()), "~\nN4*", L(t.upper()), "*", st, "*",
        Z(V.zipcode(r, z3, plus4=False) + V.digits(r, 4)), "~\n",
        "DMG*D8*", D(V.dob(r, 9)), "*", r.choice("MF"), "~\n",
        "DTP*291*D8*", D(f"{y}{m:02d}{d:02d}"), "~\nEB*1*IND*30**PPO~\nSE*9*0001~",
    ]


def ics_invite(c):
    r = c.r
    p, md = c.person(), c.person()
    fac = clinic(c)
    t, cnty, st, z3, ac = c.place()
    y, m, d = V.ymd(r, 2026, 2026)
    meet = f"https://meet.{r.choice(V.ORG_DOMAINS)}/j/{V.digits(r, 11)}?pwd={V.digits(r, 6)}"
    return [
        "BEGIN:VEVENT\nDTSTART:", D(f"{y}{m:02d}{d:02d}"), "T140000\n",
        "SUMMARY:Telehealth follow-up - ", N(p.full), " (A1c recheck)\n",
        "ORGANIZER;CN=", N(md.full), ":mailto:", EM(email(c, md, org=True)), "\n",
        "ATTENDEE;CN=", N(p.first), ":mailto:", EM(email(c, p)), "\n",
        "LOCATION:", FA(fac), "\\, ", AD(street(c, st)), "\\, ", L(t), " ", st, " ",
        Z(V.zipcode(r, z3)), "\n", "URL:", U(meet), "\n",
        "DESCRIPTION:If video fails call ", PH(V.phone(r, ac)), ".\nEND:VEVENT",
    ]


def vcard(c):
    r = c.r
    p = c.person(V.GIVEN_M)
    t, cnty, st, z3, ac = c.place()
    site = f"https://www.facebook.com/{p.first.lower().replace(' ', '')}.{p.last.lower().replace(' ', '')}.{V.digits(r, 3)}"
    return [
        "Emergency contact (imported vCard):\nBEGIN:VCARD\nVERSION:3.0\nN:", N(p.last), ";",
        N(p.first), ";;;\nFN:", N(p.full), "\nTEL;TYPE=CELL:", PH(V.phone(r, ac, 3)),
        "\nADR;TYPE=HOME:;;", AD(any_addr(c, st)), ";", L(t), ";", st, ";", Z(V.zipcode(r, z3)),
        ";USA\nEMAIL:", EM(email(c, p)), "\nBDAY:", D(V.dob(r, 5)), "\nURL:", U(site),
        "\nNOTE:son-in-law\\, has POA\nEND:VCARD",
    ]


def apache_log(c):
    r = c.r
    p = c.person()
    y, m, d = V.ymd(r, 2026, 2026)
    dd = f"{d:02d}/{V.MONTHS[m - 1][:3]}/{y}"
    ref = f"https://portal.{r.choice(V.ORG_DOMAINS)}/mychart/Home"
    return [
        IP(V.ipv4(r)), " - ", N(p.user), " [", D(dd), ":21:14:07 -0600] \"GET /mychart/Messages "
        "HTTP/1.1\" 200 4412 \"", U(ref), "\" \"Mozilla/5.0 (iPhone)\"\n",
        IP(V.ipv4(r)), " - ", N(p.user), " [", D(dd), ":21:15:52 -0600] \"POST /mychart/Upload "
        "HTTP/1.1\" 201 88 \"-\" \"okhttp/4.9.2\"\n",
        IP(V.ipv6(r)), " - - [", D(dd), ":21:16:03 -0600] \"GET /favicon.ico HTTP/1.1\" 404 0",
    ]


def answering_service(c):
    r = c.r
    caller, p, doc = c.person(V.GIVEN_F), c.person(V.GIVEN_M), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "AFTER-HOURS MESSAGE  ", D(V.date(r, 2026, 2026, 1)), " 23:08\n",
        "CALLER: ", N(caller.FULL), " (WIFE)  CB# ", PH(V.phone(r, ac)), "\n",
        "RE PT: ", N(p.FULL), "  DOB ", D(V.dob(r, 1)), "\n",
        "MSG: PT RAN OUT OF OXYCODONE, PHARMACY IS ", FA(pharmacy(c).upper()), " ",
        PH(V.phone(r, ac)), ". ASKS CALL BACK BEFORE 8 AM.\n",
        "PAGED DR ", N(doc.last.upper()), " 23:10, RETURNED 23:24.",
    ]


def dot_physical(c):
    r = c.r
    p, ex = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    emp = employer(c)
    return [
        "MEDICAL EXAMINATION REPORT FOR COMMERCIAL DRIVER FITNESS DETERMINATION\n",
        "Driver: ", N(p.last), ", ", N(p.first), "   DOB: ", D(V.dob(r, 0)), "\n",
        "Address: ", AD(any_addr(c, st)), ", ", L(t), ", ", st, " ", Z(V.zipcode(r, z3)), "\n",
        "Driver's license: ", LI(V.dl(r, st)), "  State: ", st, "  CDL: Y (Class A)\n",
        "Phone: ", PH(V.phone(r, ac)), "  E-mail: ", EM(email(c, p)), "\n",
        "Employer: ", FA(emp), "  Employer fax: ", FX(V.phone(r, ac)), "\n",
        "BP 138/86  Vision 20/25 OU  Hearing whisper test pass\n",
        "Examiner: ", N(ex.full), ", DO  National Registry No. ", LI(str(r.randint(3, 9)) + V.digits(r, 9)), "\n",
        "Certificate expires ", D(V.date(r, 2027, 2027, 0)), ".",
    ]


def chain_of_custody(c):
    r = c.r
    p, col, mro = c.person(), c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "FEDERAL DRUG TESTING CUSTODY AND CONTROL FORM\nSpecimen ID No. ",
        AC(V.digits(r, 7)), "\nStep 1: Employer ", FA(employer(c)), ", ",
        L(t), " ", st, "  Fax ", FX(V.phone(r, ac)), "\nMRO: ", N(mro.full), ", MD  Fax ",
        FX(V.phone(r, ac)), "\nDonor SSN or Employee I.D. No.: ", SS(V.ssn(r, 0)), "\n",
        "Reason: post-accident (truck VIN ending ", VE(V.vin(r)[-6:]), ")\n",
        "Step 2: Collector ", N(col.f_last), " -- temp in range, split specimen.\n",
        "Collection site: ", FA(clinic(c)), "  Date ", D(V.date(r, 2026, 2026, 0)),
        "\nDonor signature: ", N(p.full), "  Daytime phone ", PH(V.phone(r, ac)),
    ]


def camp_nurse(c):
    r = c.r
    kid, mom = c.person(), c.person(V.GIVEN_F)
    kid.last = mom.last
    t, cnty, st, z3, ac = c.place()
    return [
        "camp nurse log - cabin 7 - ", D(V.short_date(r)), "\n",
        N(f"{kid.first} {kid.last[0]}."), " (age 11) to health hut at 10:40 after bee sting to R "
        "forearm, no SOB, benadryl 25 mg given per standing order. called mom ", N(mom.first), " ",
        N(mom.last), " at ", PH(V.phone(r, ac, 1)), ", she is fine with it.\n",
        "insurance on file: ", r.choice(V.PAYERS), " ", AC(V.member_id(r)), ". home: ",
        L(t), ", ", st, ".\n",
        "pickup authorized: grandma ", N(c.person(V.GIVEN_F).full), ", silver minivan ", VE(V.plate(r, st)), ".",
    ]


def public_health_report(c):
    r = c.r
    ag = V.age90(r)
    p, rep = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    dis = r.choice(["Rocky Mountain spotted fever", "ehrlichiosis", "West Nile neuroinvasive "
                    "disease", "Lyme disease", "tularemia", "alpha-gal syndrome"])
    return [
        "REPORTABLE DISEASE CASE REPORT -- ", L(cnty), " County Health Department\n",
        "Condition: ", dis, "   Onset: ", D(V.date(r, 2026, 2026, 11)), "\n",
        "Patient: ", N(p.full), "  Age: ", A(ag), "  DOB: ", D(V.old_dob(r, ag, 6)), "\n",
        "Residence: ", AD(any_addr(c, st)), ", ", L(t), " ", Z(V.zipcode(r, z3)), "  Phone: ",
        PH(V.phone(r, ac)), "\n",
        "Exposure: tick bites while clearing brush near ", L(c.place(st)[0]), ".\n",
        "Reporter: ", N(rep.full), ", ICP, ", FA(hospital(c)), "  Fax ", FX(V.phone(r, ac)),
    ]


def abn_form(c):
    r = c.r
    p = c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "A. Notifier: ", FA(clinic(c)), ", ", AD(street(c, st)), ", ", L(t), ", ", st,
        " ", Z(V.zipcode(r, z3)), "  ", PH(V.phone(r, ac)), "\n",
        "B. Patient Name: ", N(p.full_mi), "   C. Identification Number: ", MR(V.mrn(r)), "\n",
        "ADVANCE BENEFICIARY NOTICE OF NON-COVERAGE (ABN)\n",
        "D. Vitamin D, 25-hydroxy (CPT 82306)  E. Reason Medicare may not pay: diagnosis not "
        "covered  F. Estimated cost: $48.00\n",
        "Medicare number: ", AC(V.mbi(r)), "\n",
        "I. Signature: ", N(p.full), "   J. Date: ", D(V.date(r, 2026, 2026, 11)),
    ]


def consent_form(c):
    r = c.r
    p, md, wit, interp = c.person(), c.person(), c.person(), c.person(V.GIVEN_AFRICA + V.GIVEN_ASIA)
    lang = r.choice(["Tigrinya", "Igbo", "Shona", "Tagalog", "Cantonese", "Gujarati", "Amharic"])
    return [
        "INFORMED CONSENT -- UPPER ENDOSCOPY WITH POSSIBLE BIOPSY\n",
        "Patient: ", N(p.full), "  MRN ", MR(V.mrn(r)), "\n",
        "I, ", N(p.full), ", authorize Dr. ", N(md.full), " to perform the procedure above. "
        "Risks (bleeding, perforation, aspiration) were explained in ", lang, ".\n",
        "Interpreter: ", N(interp.full), ", ID ", AC(V.digits(r, 6)), " (by video)\n",
        "Witness: ", N(wit.full), ", RN   Date/time: ", D(V.date(r, 2026, 2026, 0)), " 08:15",
    ]


def discharge_instructions(c):
    r = c.r
    p, md = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "Discharge instructions for ", N(p.first), "\n",
        "- Take Lasix 40 mg every morning. Weigh yourself every day; call if you gain 3 lb in a day.\n",
        "- Your glucose sensor (serial ", DV(V.serial(r)), ") was started in the hospital; "
        "change it in 10 days.\n",
        "- Follow up with Dr. ", N(md.last), " at ", FA(clinic(c)), " on ",
        D(V.date(r, 2026, 2026, 3)), " at 10:30. Call ", PH(V.phone(r, ac)), " to change it.\n",
        "- Home health from ", FA(other_fac(c, "home")),
        " will call you.\n- Portal: ", U(f"https://mychart.{r.choice(V.ORG_DOMAINS)}/signup?code="
                                        f"{V.digits(r, 5)}-{V.digits(r, 5)}"),
    ]


def biomed_work_order(c):
    r = c.r
    p, tech = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "BIOMED WORK ORDER -- loaner equipment recall\n",
        "Item 1: oxygen concentrator  S/N ", DV(V.serial(r)), "\n",
        "Item 2: pulse oximeter hub  S/N ", DV(V.serial(r)), "  MAC ", DV(V.mac(r)), "\n",
        "Issued to: ", N(p.LASTFIRST), "  ", AD(any_addr(c, st)), ", ", L(t), "\n",
        "Contact ", PH(V.phone(r, ac)), ". Pickup ", D(V.date(r, 2026, 2026, 12)), ", tech ",
        N(tech.f_last), ". Unit failed SpO2 accuracy test (±4%).",
    ]


def returned_mail(c):
    r = c.r
    p = c.person()
    t, cnty, st, z3, ac = c.place()
    t2, cnty2, st2, z32, ac2 = c.place()
    mil = r.random() < 0.4
    pieces = [
        "Returned mail -- RETURN TO SENDER, NOT DELIVERABLE AS ADDRESSED\n",
        "Guarantor: ", N(p.FULL), "  Acct ", AC(V.account(r)), "\n",
        "Old: ", AD(street(c, st).upper()), "\n", L(t.upper()), " ", st, " ",
        Z(V.zipcode(r, z3, plus4=True)), "\n",
    ]
    if mil:
        po, reg, zp = r.choice(V.MIL)
        pieces += ["New (per spouse, deployed): ", AD(f"Unit {r.randint(2000, 9999)} Box {r.randint(1, 999)}"),
                   "\n", po, " ", reg, " ", Z(zp + V.digits(r, 2)), "\n"]
    else:
        pieces += ["New: ", AD(box(c)), "\n", L(t2), ", ", st2, " ", Z(V.zipcode(r, z32)), "\n"]
    pieces += ["Identity verified by phone with last four of SSN ", SS(V.last4(r)), " on ",
               D(V.date(r, 2026, 2026, 4)), "."]
    return pieces


def nurse_line(c):
    r = c.r
    ag = V.age90(r)
    caller, p = c.person(V.GIVEN_F), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "Nurse advice line. Caller ", N(caller.full), " (daughter) calling about ", N(p.full),
        ", ", A(ag), " y/o, DOB ", D(V.old_dob(r, ag, 11)), ". Identity confirmed with SSN last 4 ",
        SS(V.last4(r)), ". Protocol: Schmitt-Thompson Confusion (Delirium) - Adult. "
        "Disposition: go to ED now. Caller will drive to ", FA(hospital(c)), ". CB ",
        PH(V.phone(r, ac)), ". Pt lives in ", L(t), ".",
    ]


def emtala_transfer(c):
    r = c.r
    p, acc, sender = c.person(), c.person(), c.person()
    return [
        "PHYSICIAN CERTIFICATION OF TRANSFER (EMTALA)\n",
        "Patient: ", N(p.full), "  Age ", A(V.age90(r)), "  MRN ", MR(V.mrn(r)), "\n",
        "From: ", FA(hospital(c)), "  To: ", FA(hospital(c)), "\n",
        "Accepting: Dr. ", N(acc.full), ", neurosurgery, ", D(V.date(r, 2026, 2026, 2)), " 16:05\n",
        "Receiving unit phone ", PH(V.phone(r, r.choice(['601', '580', '570', '706', '618', '910']))),
        "  records fax ", FX(V.phone(r, r.choice(['601', '580', '570', '706', '618', '910']))), "\n",
        "Reason: SDH requiring services not available here. Benefits outweigh risks.\n",
        "Certifying physician: ", N(sender.full), ", MD",
    ]


def newborn(c):
    r = c.r
    mom, ped = c.person(V.GIVEN_F), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "NEWBORN HEARING SCREEN\nInfant: Baby Girl ", N(mom.last), "  MRN ", MR(V.mrn(r)),
        "  Born ", D(V.date(r, 2026, 2026, 1)), " 04:52\nMother: ", N(mom.full), "  MRN ",
        MR(V.mrn(r)), "\nAABR: right REFER, left PASS. Screener S/N ", DV(V.serial(r)), ".\n",
        "Rescreen before 1 month. Pediatrician: Dr. ", N(ped.last), ", ", FA(clinic(c)),
        ", ", PH(V.phone(r, ac)), ".",
    ]


def eyeglass_rx(c):
    r = c.r
    p, od = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "SPECTACLE PRESCRIPTION\n", N(p.full), "   DOB ", D(V.dob(r, 0)), "\n",
        "OD  -2.25  -0.75 x 180  ADD +2.00\nOS  -1.75  -0.50 x 175  ADD +2.00\nPD 62/59\n",
        "Date: ", D(V.date(r, 2026, 2026, 0)), "   Expires one year from date.\n",
        N(od.full), ", OD   License ", LI(r.choice(["OPT", "OD", ""]) + V.digits(r, 5)), "\n",
        FA(clinic(c)), "  ", L(t), ", ", st, "  ", PH(V.phone(r, ac)),
    ]


def redcap_export(c):
    r = c.r
    rows = ["record_id,redcap_event_name,first_name,last_name,dob,zip,phone,email,consent_date\n"]
    for i in range(2):
        p = c.person()
        t, cnty, st, z3, ac = c.place()
        rows += [f"{r.randint(100, 400)},baseline_arm_1,", N(p.first), ",", N(p.last), ",",
                 D(V.dob(r, 5)), ",", Z(V.zipcode(r, z3)), ",", PH(V.phone(r, ac, 1)), ",",
                 EM(email(c, p)), ",", D(V.date(r, 2025, 2026, 5)), "\n"]
    rows.append("(export for ECHO cohort audit; identifiers should have been excluded)")
    return rows


def caregiver_diary(c):
    r = c.r
    p, doc, helper = c.person(V.GIVEN_F), c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    y, m, d = V.ymd(r, 2026, 2026)
    return [
        "from the family notebook brought to clinic:\n",
        D(f"{V.MONTHS[m - 1].lower()} {d}"), " - mama (", N(p.first.lower()),
        ") fell again in the night, no bruise. she is ", A(V.age90(r)), " now and wont use the walker.\n",
        D(f"{V.MONTHS[m - 1].lower()} {min(d + 2, 28)}"), " - called dr ", N(doc.last.lower()),
        " office ", PH(V.phone(r, ac, 2)), ", they said bring her in.\n",
        "church ladies meal train: ", U(f"https://www.mealtrain.com/trains/{V.digits(r, 6)}"),
        " -- ", N(helper.first.lower()), " brings supper tuesdays to ", AD(street(c, st).lower()), ".",
    ]


def radiology_report(c):
    r = c.r
    p, rad, ref = c.person(), c.person(), c.person()
    return [
        "EXAM: CT HEAD WITHOUT CONTRAST\nPATIENT: ", N(p.LASTFIRST), "   MRN: ", MR(V.mrn(r)),
        "   ACC: ", AC(V.account(r)), "\nAGE: ", A(V.age90(r)), "Y   REFERRING: ", N(ref.full),
        ", NP\nCOMPARISON: ", D(V.date(r, 2023, 2025, 0)), "\n",
        "FINDINGS: No acute hemorrhage. Chronic small vessel ischemic change. Fazekas grade 2.\n",
        "IMPRESSION: No acute intracranial abnormality.\nImages: ",
        U(f"https://pacs.{r.choice(V.ORG_DOMAINS)}/viewer?study={V.digits(r, 10)}"),
        "\nRead by ", N(rad.full), ", MD. Results faxed to ",
        FX(V.phone(r, r.choice(['601', '580', '570', '706', '618', '910']))), " on ",
        D(V.date(r, 2026, 2026, 1)), ".",
    ]


def secure_text(c):
    r = c.r
    a, b, p = c.person(V.GIVEN_ASIA + V.GIVEN_WORDS), c.person(), c.person()
    return [
        "[08:02] ", N(a.full), " RN: bed 14 ", N(p.last), ", ", A(V.age90(r)), "F, K 2.9 this am\n",
        "[08:05] ", N(b.f_last), " MD: replete 40 mEq PO, recheck at 14:00\n",
        "[08:06] ", N(a.first), ": family ", N(c.person().first), " wants call back ",
        PH(V.phone(r, r.choice(['601', '580', '570', '706', '618', '910']))), "\n",
        "[08:09] ", N(b.f_last), " MD: ok. MRN ", MR(V.mrn(r)), " right?",
    ]


def hospice_idt(c):
    r = c.r
    p, cg, chap = c.person(), c.person(V.GIVEN_F), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "HOSPICE IDT  ", D(V.date(r, 2026, 2026, 7)), "\n",
        N(p.full), ", ", A(V.age90(r)), ", end-stage CHF. Cert period 2 began ",
        D(V.short_date(r)), ". Lives with ", N(cg.full), " (niece) at ", AD(any_addr(c, st)),
        ", past the ", FA(other_fac(c, "church")), ".\n",
        "O2 concentrator SN ", DV(V.serial(r)), ". Chaplain ", N(chap.first), " visiting weekly. "
        "Funeral home: ", FA(other_fac(c, "funeral")),
        ". Niece drives ", VE(V.plate(r, st)), " for the gate code. Bereavement contact ",
        PH(V.phone(r, ac)), "; records fax ", FX(V.phone(r, ac)), ".",
    ]


def tribal_registration(c):
    r = c.r
    p = c.person(V.GIVEN_SOUTH + V.GIVEN_WORDS)
    t, cnty, st, z3, ac = c.place("OK")
    return [
        FA(other_fac(c, "tribal")),
        " -- patient registration\nName: ", N(p.last.upper()), ", ", N(p.first.upper()),
        "\nChart #: ", MR(V.digits(r, 6)), "   CDIB #: ", SS(V.digits(r, 6)),
        "   Tribal membership #: ", SS(V.digits(r, 5)), "\nMailing: ", AD(box(c)), ", ", L(t),
        " OK ", Z(V.zipcode(r, z3)), "\nCell: ", PH(V.phone(r, ac)), "   Email: ", EM(email(c, p)),
        "\nDOB: ", D(V.dob(r, 0)),
    ]


def black_lung(c):
    r = c.r
    ag = V.age90(r)
    p, breader = c.person([g for g in V.GIVEN_COAL if g in V.GIVEN_M]), c.person()
    p.last = str(c.fresh(V.SUR_COAL))
    t, cnty, st, z3, ac = c.place("PA")
    return [
        "DOL black lung exam. Miner: ", N(p.full), ", age ", A(ag), ", 38 years "
        "underground at the ", L(t), " collieries.\nDOL claim no. ", AC(V.digits(r, 9)),
        "; SSN ", SS(V.ssn(r, 0)), "; DOB ", D(V.old_dob(r, ag, 3)), ".\nCXR classified ILO 2/1 q/t by B reader ",
        N(breader.full), ", MD. FEV1 48% predicted. Wife ", N(c.person([g for g in V.GIVEN_COAL if g in V.GIVEN_F]).first),
        " gave history; phone ", PH(V.phone(r, ac, 8)), ".",
    ]


def patient_letter(c):
    r = c.r
    p, md = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    title = r.choice(["Ms.", "Mr.", "Mrs."])
    return [
        D(V.date(r, 2026, 2026, 3)), "\n\n", N(p.full), "\n", AD(any_addr(c, st)), "\n", L(t), " ",
        st, " ", Z(V.zipcode(r, z3, plus4=True)), "\n\nDear ", title, " ", N(p.last), ",\n",
        "Your recent labs were normal: TSH 2.1, hemoglobin 13.2, creatinine 0.9. No changes are "
        "needed. Please keep your appointment in six months.\n\n", N(md.full), ", FNP\n",
        FA(clinic(c)), "  ", PH(V.phone(r, ac)),
    ]


def echo_roster(c):
    r = c.r
    lines = ["ECHO Hepatitis C cohort -- spoke roster (tab-separated)\n"
             "name\tsite\ttown\temail\tphone\tNPI\n"]
    for _ in range(2):
        p = c.person()
        t, cnty, st, z3, ac = c.place()
        lines += [N(p.full), "\t", FA(clinic(c)), "\t", L(t), "\t",
                  EM(email(c, p, org=True)), "\t", PH(V.phone(r, ac, 1)), "\t", LI(V.npi(r)), "\n"]
    return lines


def echo_case(c):
    r = c.r
    pres = c.person()
    pt = c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "ECHO case presentation\nPresenter: ", N(pres.full), ", PA-C, ", FA(clinic(c)), "\n",
        "Patient: ", N(pt.initials), ", ", A(V.age90(r)), "-year-old from ", L(t), " (", L(cnty),
        " County), ZIP ", Z(V.zipcode(r, z3)), ".\n",
        "Question: safe to start DOAC with CrCl 28 and falls? Daughter ", N(c.person(V.GIVEN_F).first),
        " manages meds. Seen ", D(V.short_date(r)), " and ", D(V.date(r, 2026, 2026, 7)), ".\n",
        "Recording: ", U(f"https://echo.{r.choice(V.ORG_DOMAINS)}/sessions/{V.digits(r, 7)}"),
    ]


def security_log(c):
    r = c.r
    rows = ["AMBULANCE BAY / ED LOT -- security vehicle log\n"]
    for _ in range(4):
        p = c.person()
        st = r.choice(["MS", "OK", "PA", "GA", "IL", "NC"])
        rows += [r.choice(["22:10", "23:45", "01:12", "03:30", "04:05"]), "  ", VE(V.plate(r, st)),
                 " (", st, ")  owner: ", N(p.LASTFIRST), "  ", r.choice(["towed", "warned", "moved",
                                                                          "ticketed"]), "\n"]
    rows += ["Log closed ", D(V.date(r, 2026, 2026, 0)), "."]
    return rows


def placard(c):
    r = c.r
    p, md = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "Application for disability parking placard -- ", V.STATE_NAMES[st], "\n",
        "Applicant: ", N(p.full_mi), "  DL/ID: ", LI(V.dl(r, st)), "  SSN (last 4): ",
        SS(V.last4(r)), "\n",
        "Vehicle: 2011 Chevy Silverado  Plate ", VE(V.plate(r, st)), "  VIN ", VE(V.vin(r)), "\n",
        "Address: ", AD(street(c, st)), ", ", L(t), " ", Z(V.zipcode(r, z3)), "\n",
        "Medical certification: cannot walk 200 feet without stopping (COPD, FEV1 41%).\n",
        "Physician: ", N(md.full), "  License ", LI(V.state_license(r, st)), "  Date ",
        D(V.date(r, 2026, 2026, 6)),
    ]


def device_hub(c):
    r = c.r
    p = c.person()
    y, m, d = V.ymd(r, 2026, 2026)
    iso = f"{y}-{m:02d}-{d:02d}"
    return [
        "RPM hub sync log (patient ", N(p.user), ")\n",
        D(iso), "T06:14:09Z hub IMEI ", DV(V.imei(r)), " attached, cell IP ", IP(V.ipv4(r)), "\n",
        D(iso), "T06:14:40Z BLE cuff MAC ", DV(V.mac(r)), " BP 152/91 HR 77\n",
        D(iso), "T06:15:02Z scale S/N ", DV(V.serial(r)), " wt 81.4 kg (+1.9)\n",
        D(iso), "T06:15:05Z upload ok via ", IP(V.ipv6(r)),
    ]


def fax_email(c):
    r = c.r
    p, to = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    sender_fax = V.phone(r, ac)
    return [
        "From: fax gateway (system)\nTo: ", EM(email(c, to, org=True)),
        "\nSubject: New fax from ", FX(sender_fax), " (7 pages)\n\n",
        "CSID: ", FX(sender_fax.replace("(", "").replace(")", "").replace(" ", "-")),
        "\nRemote IP: ", IP(V.ipv4(r)), "\nCover: 'Records for ", N(p.full), " DOB ", D(V.dob(r, 1)),
        "'\nView: ", U(f"https://fax.{r.choice(V.ORG_DOMAINS)}/inbox/{V.digits(r, 8)}"),
        "\nReply by fax to ", FX(V.phone(r, ac)), ".",
    ]


def genealogy(c):
    r = c.r
    p, fa, mo = c.person(), c.person(V.GIVEN_M), c.person(V.GIVEN_F)
    fa.last = mo.last = p.last
    slug = f"{fa.first.lower().replace(' ', '-')}-{fa.last.lower().replace(' ', '-')}"
    return [
        "Family history (patient brought printouts): father ", N(fa.full), " died ",
        D(V.date(r, 1960, 1999, 3)), " of 'sugar and kidneys', memorial at ",
        U(f"https://www.findagrave.com/memorial/{V.digits(r, 8)}/{slug}"), "; mother ",
        N(mo.first), " lived to ", A(V.age90(r)), " (Alzheimer's). Cousin's tree: ",
        U(f"www.{p.last.lower().replace(' ', '').replace('-', '')}familyreunion.com"), ".",
    ]


def vpn_audit(c):
    r = c.r
    u, p = c.person(), c.person()
    y, m, d = V.ymd(r, 2026, 2026)
    return [
        "Remote access review, ", D(V.fmt_date(r, y, m, d, 3)), "\n",
        "user ", N(u.user), " (", N(u.full), ") VPN from ", IP(V.ipv4(r)), " then ", IP(V.ipv6(r)),
        "\nopened chart MRN ", MR(V.mrn(r)), " (", N(p.LASTFIRST), ") at 02:13 -- no treatment "
        "relationship; referred to privacy officer.\nsecond login from ", IP(V.ipv4(r)),
        " blocked (impossible travel).",
    ]


def video_visit(c):
    r = c.r
    p, md = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "Video visit ", D(V.date(r, 2026, 2026, 8)), ". ", N(md.full), ", MD at ", FA(clinic(c)),
        "; patient ", N(p.first), " at home in ", L(t), ". Link ",
        U(f"https://vv.{r.choice(V.ORG_DOMAINS)}/room/{V.digits(r, 9)}"), ", patient IP ",
        IP(V.ipv4(r)), ", clinician IP ", IP(V.ipv4(r)), ". Audio dropped twice; finished by phone ", PH(V.phone(r, ac)), ".",
    ]


def social_work(c):
    r = c.r
    p, landlord = c.person(V.GIVEN_F), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "SW note: ", N(p.first), " ", N(p.last), " is living in her car (", VE(V.plate(r, st)), ", VIN ending ", VE(V.vin(r)[-8:]),
        ") at the ", L(t), " Walmart since eviction from ", AD(street(c, st)), ". Landlord ",
        N(landlord.full), ", ", PH(V.phone(r, ac)), ", will release deposit. SSN ", SS(V.ssn(r)),
        " given to housing authority with consent. Medicaid ", AC(V.member_id(r)), ".",
    ]


def lab_requisition_plain(c):
    """Outreach lab order slip written by hand at a health fair (no barcode)."""
    r = c.r
    p, md = c.person(), c.person()
    t, cnty, st, z3, ac = c.place()
    return [
        "health fair lab slip -- ", FA(other_fac(c, "church")), "\n",
        "name ", N(p.lower), "  dob ", D(V.dob(r, 1)), "  phone ", PH(V.phone(r, ac, 4)), "\n",
        "lipid panel, a1c, psa. results to dr ", N(md.last.lower()), " fax ", FX(V.phone(r, ac, 4)),
        "\nacct ", AC(V.account(r)), "  town ", L(t.lower()),
    ]


_ALL = [
    op_dictation, ed_triage, copy_forward, pa_letter, hl7_msg, x12_271, ics_invite, vcard,
    apache_log, answering_service, dot_physical, chain_of_custody, camp_nurse,
    public_health_report, abn_form, consent_form, discharge_instructions, biomed_work_order,
    returned_mail, nurse_line, emtala_transfer, newborn, eyeglass_rx, redcap_export,
    caregiver_diary, radiology_report, secure_text, hospice_idt, tribal_registration,
    black_lung, patient_letter, echo_roster, echo_case, security_log, placard, device_hub,
    fax_email, genealogy, vpn_audit, video_visit, social_work, lab_requisition_plain,
]
# 240 passages: the first 30 shapes six times, the last 12 five times
SHAPES = [(fn, 6 if i < 30 else 5) for i, fn in enumerate(_ALL)]
