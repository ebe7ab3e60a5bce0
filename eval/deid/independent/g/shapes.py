"""Generated passage shapes for set G: planted (with identifiers) and clean."""

import re

import values as V

MARK = re.compile(r"\{([A-Z]+):([^{}]*)\}")
N_PLANTED = 240
N_CLEAN = 115


def _case(marked, fn):
    out, pos = [], 0
    for m in MARK.finditer(marked):
        out.append(fn(marked[pos:m.start()]))
        out.append("{%s:%s}" % (m.group(1), fn(m.group(2))))
        pos = m.end()
    out.append(fn(marked[pos:]))
    return "".join(out)


def up(m):
    return _case(m, str.upper)


def low(m):
    return _case(m, str.lower)


def echo_form(g):
    t, st = g.town()
    s = (f"ECHO Case Presentation Form\nPresenter: Dr. {g.N()}, {g.c(['MD', 'DO', 'FNP-C', 'PA-C'])}\n"
         f"Site: {g.F()} ({{LOCATION:{t}}}, {st})\nPresenter phone: {g.PH()}   email: {g.email()}\n"
         f"Date of presentation: {g.D()}\nPatient initials: {{NAME:{g.first()[0]}{g.last()[0]}}}   Age: "
         f"{g.age() if g.p(0.6) else str(g.r.randrange(19, 88))}   DOB: {g.DOB()}\n"
         f"Question for the panel: {g.c(['when to start DAAs given ongoing use?', 'taper plan for buprenorphine?', 'next step for refractory ascites?', 'how to manage insulin with no fridge at home?'])}\n")
    if g.p(0.5):
        s += f"Lives with {g.c(['daughter', 'grandson', 'partner', 'aunt'])} {g.N('fl')} in {{LOCATION:{g.town()[0]}}}; no running water."
    return s


def referral_letter(g):
    t, st = g.town()
    doc = g.person("fl")
    s = (f"{g.F()}\n{g.addr_block()}\nTel {g.PH()} | Fax {g.FX()}\n\n{g.D(kind=g.c(['Month d, Y', 'mdY', 'd Month Y']))}\n\n"
         f"Dear Dr. {{NAME:{g.last()}}},\n\nThank you for seeing {g.c(['Mr.', 'Ms.', 'Mrs.', ''])} {g.N('fl')} "
         f"(DOB {g.DOB()}, MRN {g.MRN()}), who {g.c(['presents with', 'has had', 'reports'])} "
         f"{g.c(['worsening dyspnea', 'a rising ALT', 'new-onset seizures', 'weight loss of 9 kg'])} since {g.D(kind=g.c(['Month Y', 'Mon d', 'm/d']))}. "
         f"Please call my nurse {g.N('fl')} at {g.PH()} with questions.\n\nSincerely,\n{{NAME:{doc}}}, MD\nNPI {{LICENSE:{g.npi()}}}")
    return s


def discharge(g):
    return (f"DISCHARGE SUMMARY\nPatient: {g.N(g.c(['lf', 'lfU', 'fml']))}   MRN: {g.MRN()}   Acct: {g.ACC()}\n"
            f"Admit: {g.D()}   Discharge: {g.D()}\nAttending: {g.N()}, MD   PCP: {g.N()}\n"
            f"Disposition: home to {g.addr_block()} with home health from {g.F()}.\n"
            f"Follow-up: {g.F()} on {g.D(kind=g.c(['Mon d', 'm/d', 'Month dth']))} at 10:30; call {g.PH()} to confirm.")


def nursing(g):
    nm = g.first()
    last = g.last()
    return (f"{g.c(['0715', '1900', '2330', '0300'])} RN note: pt {{NAME:{nm} {last}}} resting, A&Ox3. "
            f"{g.c(['Son', 'Niece', 'Husband', 'Neighbor'])} {g.N('fl')} called from {g.PH()} asking for update, "
            f"verified with passcode. {{NAME:{nm}}} asked that her {g.c(['pastor', 'sister', 'cousin'])} {{NAME:{g.first()}}} "
            f"not be given info. Will d/c to {g.F()} per SW. -- {{NAME:{g.first()[0]}{g.last()[0]}}}, RN")


def social_work(g):
    t, st = g.town()
    return (f"SW note {g.D(kind='m/d')}: Met with pt and {g.c(['mother', 'grandmother', 'foster mom', 'case manager'])} "
            f"{g.N()}. Family moved from {{LOCATION:{t}}} to {{LOCATION:{g.town()[0]}}} after eviction from "
            f"{{ADDRESS:{g.street()}}}. Pt works nights at {g.F()}. Medicaid ID {g.ACC()}. "
            f"Referred to housing at {g.Fk('{t} Housing Authority', '{t} Tribal Housing', '{t} Rescue Mission', '{t} Family Shelter')}; worker {g.N('fl')} ({g.PH()}, {g.email()}).")


def registration(g):
    t, st = g.town()
    s = (f"Name: {g.N(g.c(['lf', 'lfU', 'fml']))}\nDOB: {g.DOB()}   Sex: {g.c(['F', 'M', 'X'])}   Age: {g.age() if g.p(0.3) else str(g.r.randrange(1, 89))}\n"
         f"SSN: {g.SSN()}\nAddress: {{ADDRESS:{g.street()}}}\n         {{LOCATION:{t}}} {st} {{ZIP:{g.zip()}}}\n"
         f"Home: {g.PH()}  Cell: {g.PH()}\nEmail: {g.email()}\nMRN: {g.MRN()}  FIN: {g.ACC()}\n"
         f"Guarantor: {g.N()}  Rel: {g.c(['Self', 'Spouse', 'Parent', 'Other'])}\n"
         f"Ins: {g.c(['Medicaid', 'BCBS', 'Tricare', 'Humana', 'IHS/PRC', 'Medicare A/B'])}  Member ID: {g.ACC()}  Group: {g.ACC()}\n"
         f"Emergency contact: {g.N()} {g.PH()}")
    return up(s) if g.p(0.35) else s


def table(g):
    rows = ["| Patient | DOB | MRN | Site | Phone |", "|---|---|---|---|---|"]
    for _ in range(g.r.randrange(3, 6)):
        rows.append(f"| {g.N(g.c(['lf', 'lfU', 'fl']))} | {g.DOB()} | {g.MRN()} | {g.F()} | {g.PH()} |")
    return "Clinic census, week of " + g.D(kind="mdY") + "\n" + "\n".join(rows)


def csv_rows(g):
    out = ["last,first,dob,zip,city,insurance_id"]
    for _ in range(g.r.randrange(3, 6)):
        t, _st = g.town()
        out.append(f"{{NAME:{g.last()}}},{{NAME:{g.first()}}},{g.DOB(g.c(['mdY', 'ISO', 'Ymd']))},{{ZIP:{g.digits(5)}}},{{LOCATION:{t}}},{g.ACC()}")
    return "\n".join(out)


def pharmacy(g):
    lastn = g.last()
    return (f"Rx from: Dr. {{NAME:{g.first()} {lastn}}}  DEA {{LICENSE:{g.dea(lastn)}}}  NPI {{LICENSE:{g.npi()}}}\n"
            f"For: {g.N()}  DOB {g.DOB()}\n{{ADDRESS:{g.street()}}}, {{LOCATION:{g.town()[0]}}}\n"
            f"buprenorphine-naloxone 8-2 mg SL film, 1 film BID, #28, RF 0. Rx # {{ACCOUNT:{g.digits(7)}}}\n"
            f"Filled at {g.F()} on {g.D()}; pharmacist {g.N('fl')}, RPh lic {{LICENSE:{g.lic_raw()}}}. Ph {g.PH()}")


def dme(g):
    return (f"DME ORDER - {g.c(['home oxygen concentrator 5 L', 'hospital bed, semi-electric', 'CPAP with heated humidifier', 'power wheelchair'])}\n"
            f"Patient: {g.N()}   DOB: {g.DOB()}   Medicare MBI: {g.ACC()}\n"
            f"Deliver to: {g.addr_block(sep=' ')}\nSupplier: {g.F()}  ph {g.PH()}  fax {g.FX()}\n"
            f"Previous unit serial # {{DEVICE:{g.serial()}}} returned {g.D(kind='m/d')}.\n"
            f"Ordering: {g.N()}, NPI {{LICENSE:{g.npi()}}}   Signed {g.D()}")


def chat(g):
    a, b, p = g.first(), g.first(), g.person("fl_low")
    h = g.r.randrange(6, 22)
    s = (f"[{h}:02] {{NAME:{a}}}: hey can u call back {p.split()[0]}'s mom?? {g.PH()}\n"
         f"[{h}:05] {{NAME:{b}}}: which one, the one in {{LOCATION:{g.town()[0]}}}\n"
         f"[{h}:06] {{NAME:{a}}}: yes {{NAME:{p}}}, dob {g.DOB(g.c(['m/d', 'mdy', 'mdY']))}, she moved to {{ADDRESS:{g.street('low')}}}\n"
         f"[{h}:09] {{NAME:{b}}}: ok got it. chart {g.MRN()}")
    # the first name inside the 'mom' line is a name too: rewrite to mark it
    first = p.split()[0]
    s = s.replace(f"call back {first}'s", f"call back {{NAME:{first}}}'s", 1)
    return low(s)


def speech(g):
    spoken = " ".join(["zero one two three four five six seven eight nine".split()[int(c)] for c in g.digits(10)])
    d = g.date(1930, 2020)
    return (f"this is doctor {{NAME:{g.last().lower()}}} dictating on {{NAME:{g.person('fl_low')}}} "
            f"date of birth {{DATE:{g.fmt_date(d, 'spoken')} {d.year}}} medical record number {g.MRN()} "
            f"patient is a {low(g.age())} {g.c(['female', 'male', 'gentleman', 'lady'])} from {{LOCATION:{g.town()[0].lower()}}} "
            f"daughter's number is {{PHONE:{spoken}}} period new paragraph")


def telehealth(g):
    return (f"Telehealth visit {g.D()} 14:00 AKST. Pt joined from {{LOCATION:{g.town()[0]}}} via {g.url()} "
            f"(meeting ID {{ACCOUNT:{g.digits(3)} {g.digits(4)} {g.digits(4)}}}). "
            f"Connection dropped twice; IT logged client IP {g.ip()}. Pt email {g.email()}; backup phone {g.PH()}. "
            f"Tele-presenter: {g.N()} at {g.F()}.")


def home_health(g):
    return (f"HOME HEALTH SKILLED NURSING VISIT {g.D()}\nPt: {g.N()}  Address: {g.addr_block()}\n"
            f"Directions: past the {g.c(['church', 'feed store', 'old school', 'bait shop'])}, third trailer on the left, blue tarp.\n"
            f"Caregiver {g.N('fl')} present. Dog on chain. Pt is {g.age()}, ambulates with walker.\n"
            f"Medtronic pump SN {{DEVICE:{g.serial()}}} checked. Next visit {g.D(kind=g.c(['m/d', 'Mon d']))}. RN: {g.N()}")


def lab_req(g):
    return (f"LAB REQUISITION\nPatient: {g.N('lfU')}  DOB: {g.DOB()}  Sex: {g.c('FM')}\n"
            f"MRN {g.MRN()}  Accession {{ACCOUNT:{g.alnum(2)}{g.digits(8)}}}\nOrdering provider: {g.N()} NPI {{LICENSE:{g.npi()}}}\n"
            f"Collected {g.D()} 08:15 at {g.F()}\nTests: HCV RNA quant, CMP, CBC w diff, INR\nBill to: {g.c(['Medicaid', 'self-pay', 'Tricare'])} {g.ACC()}")


def prior_auth(g):
    return (f"{g.F()}\nUtilization Review Department\n{g.addr_block()}\n\n{g.D(kind='Month d, Y')}\n\n"
            f"RE: {g.N()}   Member ID: {g.ACC()}   Claim #: {g.ACC()}\n\n"
            f"Your request for sofosbuvir/velpatasvir for the above member, born {g.DOB()}, has been approved for "
            f"the period {g.D()} through {g.D()}. Questions: {g.N('fl')}, {g.c(['RN', 'PharmD'])}, at {g.PH()} or fax {g.FX()}.")


def ems(g):
    return (f"EMS RUN SHEET  Unit {g.c(['Medic 4', 'Rescue 12', 'Ambulance 2'])}  Incident #{{ACCOUNT:{g.digits(2)}-{g.digits(6)}}}\n"
            f"Dispatched {g.D()} 02:41 to {{ADDRESS:{g.street()}}}, {{LOCATION:{g.town()[0]}}}\n"
            f"Pt {g.N()}, {g.age() if g.p(0.4) else str(g.r.randrange(20, 88)) + ' yo'}, found by {g.c(['wife', 'neighbor', 'grandson'])} {g.N('fl')} ({g.PH()}).\n"
            f"Veh: {g.c(['2009 Ford F-150', '2014 Chevy Silverado', 'Polaris Ranger', '2002 Honda Civic'])}, plate {{VEHICLE:{g.plate()}}}, "
            f"VIN {{VEHICLE:{g.vin()}}}. Transported to {g.F()}. Medic: {g.N()} #{{LICENSE:{g.digits(6)}}}")


def school_note(g):
    return (f"{g.F()}\n{g.D(kind='mdY')}\n\nTo whom it may concern:\n{g.N()} was seen in clinic on {g.D(kind=g.c(['Month dth', 'mdY', 'Mon d']))} "
            f"and may return to {g.c(['school', 'class', 'practice'])} at {g.Fk('{t} Elementary School', '{t} High School', '{t} Middle School', '{t} Head Start')} on {g.D(kind=g.c(['m/d', 'Month d, Y']))}. "
            f"Student ID {g.MRN()}.\n\n{g.N()}, {g.c(['FNP', 'MD', 'PA-C'])}\nPhone {g.PH()}")


def fax_cover(g):
    return (f"FAX\nTo: {g.N()} @ {g.F()}   Fax: {g.FX()}\nFrom: {g.N()}   Fax: {g.FX()}   Phone: {g.PH()}\n"
            f"Date: {g.D()}   Pages: {g.r.randrange(2, 14)}\nRe: {g.N('lf')} DOB {g.DOB()} -- records request, MRN {g.MRN()}")


def partial(g):
    ssn = g.ssn_raw().replace(" ", "").replace(".", "").replace("-", "")[-4:]
    return g.c([
        f"Identity verified by last four of SSN ({{SSN:{ssn}}}) and DOB {g.DOB()}. Caller {g.N()}.",
        f"SSN on file ends in {{SSN:{ssn}}}; card ending {{ACCOUNT:{g.digits(4)}}}. Pt {g.N()} prefers text at ...{{PHONE:{g.digits(4)}}}.",
        f"pt's medicaid # ends w/ {{ACCOUNT:{g.digits(4)}}} -- {{NAME:{g.first()}}} will bring card. last 4 ss {{SSN:{ssn}}}",
        f"MRN (last five) {{MRN:{g.digits(5)}}}; {g.N()} lives off {{ADDRESS:{g.c(['Hwy 80', 'State Route 7', 'KY-15', 'County Road 2210', 'BIA Rte 12'])}}} near {{LOCATION:{g.town()[0]}}}.",
    ])


def split_lines(g):
    a, x, y = g.c(["606", "304", "907", "671"]), str(g.r.randrange(200, 1000)), g.digits(4)
    ph = g.c([f"({a})\n{x}-{y}", f"{a}-{x}-\n{y}", f"{a}\n{x} {y}"])
    return (f"Pt: {g.N()}\nCall-back #: {{PHONE:{ph}}} (best after 5)\n"
            f"Lives at {{ADDRESS:{g.street()}}},\n{{LOCATION:{g.town()[0]}}}, {{ZIP:{g.zip()}}}\nEmployer: {g.F()}")


def age_over(g):
    n = g.r.randrange(90, 107)
    born = g.date(2025 - n, 2025 - n)
    return (f"{g.c(['Pleasant', 'Frail', 'Very hard of hearing', 'Sharp'])} {{AGE:{n}}}-year-old {g.c(['woman', 'man', 'elder', 'veteran'])} seen with "
            f"{g.c(['granddaughter', 'son', 'great-grandson'])} {g.N('fl')}. Born {{DATE:{g.fmt_date(born, g.c(['Month d, Y', 'mdY']))}}} in {{LOCATION:{g.town()[0]}}}. "
            f"{g.c(['Oldest resident of', 'Lifelong resident of', 'Still farming in'])} {{LOCATION:{g.c(V.COUNTIES)}}}. "
            f"Turned {{AGE:{n}}} on {{DATE:{g.fmt_date(born, g.c(['Month dth', 'Mon d', 'ordinal']))}}}.")


def vehicle_device(g):
    return (f"MVC {g.D()}: pt was driver of {g.c(['black', 'white', 'maroon'])} {g.c(['Dodge Ram', 'Toyota Tacoma', 'Subaru Outback'])} "
            f"{g.c(['tag', 'plate', 'lic plate', 'reg.'])} {{VEHICLE:{g.plate()}}}, VIN {{VEHICLE:{g.vin()}}}. "
            f"Has {g.c(['dual-chamber pacemaker', 'ICD', 'implantable loop recorder', 'cochlear implant'])}, "
            f"{g.c(['ser. no.', 'SN', 'serial', 'S/N'])} {{DEVICE:{g.serial()}}}, interrogated by {g.N()} ({g.F()}) on {g.D(kind='m/d')}.")


def insurance_card(g):
    return (f"Insurance card (front): {g.c(['BlueCross BlueShield', 'Ambetter', 'Aetna Better Health', 'CHRISTUS Health Plan'])}\n"
            f"Member: {g.N('FL')}\nID {g.ACC()}   Group {g.ACC()}   RxBIN 610014  RxPCN MEDDPRIME\n"
            f"Subscriber DOB {g.DOB()}  Effective {g.D(kind='mdY')}\n"
            f"Dependent: {g.N('FL')}  DOB {g.DOB()}")


def death_note(g):
    return (f"Pt {g.N()} expired {g.D()} at 03:12 at {g.F()}. Pronounced by {g.N()}. Family ({g.c(['wife', 'daughter', 'brother'])} "
            f"{g.N('fl')}, {g.PH()}) notified. Death certificate # {{LICENSE:{g.digits(4)}-{g.digits(6)}}}. Body released to {g.Fk('{t} Funeral Home', '{t} Memorial Chapel', '{t} Mortuary')}. "
            f"Obituary: {g.url()}")


def court(g):
    return (f"CPS case {{ACCOUNT:{g.digits(2)}-{g.alnum(2)}-{g.digits(4)}}}: worker {g.N()} ({g.email()}) reports child {g.N('fl')} "
            f"(DOB {g.DOB()}) placed with {g.c(['maternal aunt', 'paternal grandmother', 'kinship foster parent'])} {g.N('fl')} at "
            f"{g.addr_block()}. Hearing {g.D()} at {g.c(['Tribal Court', 'Juvenile Court', 'Family Court'])}, {{LOCATION:{g.c(V.COUNTIES)}}}. "
            f"Father {g.N()} is at {g.F()}, inmate # {{ACCOUNT:{g.digits(6)}}}.")


def lic_ids(g):
    return (f"Driver license {g.c(['#', 'no.', 'DL', ''])} {{LICENSE:{g.dl_raw()}}} ({g.c(['KY', 'NM', 'AK', 'HI'])}) verified at registration. "
            f"Passport {{ACCOUNT:{g.faker('en_US').passport_number()}}}. Pt {g.N()} drives for {g.F()} on a CDL, "
            f"CDL # {{LICENSE:{g.dl_raw()}}}; DOT card exp {g.D(kind='m/d/Y pad')}.")


def ip_log(g):
    return (f"portal audit {g.D(kind='ISO')} 23:14:07 login user {{EMAIL:{g.email()[7:-1]}}} from {g.ip()}; "
            f"{g.D(kind='ISO')} 23:16:55 password reset sent to {g.PH()}; {g.D(kind='ISO')} 23:20:01 download by {g.ip()}")


def family_hx(g):
    return (f"Social: Lives with {g.c(['husband', 'wife', 'mother'])} {g.N(g.c(['fl', 'fl_low']))} on {g.c(['a farm', 'the rez', 'a houseboat', 'family land'])} "
            f"outside {{LOCATION:{g.town()[0]}}}. Works at {g.F()}. {g.c(['Brother', 'Cousin', 'Uncle'])} {{NAME:{g.first()}}} drives her "
            f"to dialysis at {g.Fk('{t} Dialysis', '{t} Kidney Center', 'DaVita {t}', 'Fresenius Kidney Care {t}')} M/W/F. {g.c(['Her', 'His'])} {g.c(['granny', 'grandpa'])} {g.N('fl')} died at {{AGE:{g.r.randrange(90, 105)}}} on {g.D(2010, 2024)}.")




def ssn_form(g):
    raw = g.ssn_raw()
    last4 = raw.replace(" ", "").replace(".", "").replace("-", "")[-4:]
    lead = g.c(["SSN", "SS#", "Soc Sec #", "soc", "Social Security No.", "SSN/ITIN", "ss no"])
    return g.c([
        f"{lead}: {{SSN:{raw}}}   Spouse {lead}: {{SSN:{g.ssn_raw()}}}\nApplicant: {g.N()}  DOB {g.DOB()}  Phone {g.PH()}",
        f"Charity care application for {g.N()}. {lead} {{SSN:{raw}}}. Household of {g.r.randrange(2, 9)} at {g.addr_block()}.",
        f"{lead} ***-**-{{SSN:{last4}}} confirmed with caller {g.N('fl')} ({g.c(['son', 'daughter', 'POA'])}).",
        f"Disability paperwork: claimant {g.N('lfU')}, {lead} {{SSN:{raw}}}, last worked at {g.F()} on {g.D(2018, 2025)}.",
    ])


def social_media(g):
    return (f"Safety plan reviewed with {g.N('fl')}. Ex-partner {g.N('fl')} has been posting on {g.url()} and messaging her "
            f"at {g.url()}. She made a new email ({g.email()}) and blocked {g.url()}. Advocate {g.N('fl')} at "
            f"{g.F()} will follow up, {g.PH()}.")


def it_ticket(g):
    return (f"Ticket #{{ACCOUNT:{g.digits(7)}}}: telehealth cart at {g.F()} lost VPN. Cart IP {g.ip()}, gateway {g.ip()}; "
            f"remote site public {g.ip()}. Reported by {g.N()} ({g.email()}) on {g.D(kind='ISO')} 09:12. "
            f"Patient {g.N('fl')} was mid-visit; rescheduled to {g.D(kind='m/d')}.")


def census_ages(g):
    lines = [f"{{FACILITY:{g.residence()}}} -- residents over 90 due for {g.c(['RSV vaccine', 'med review', 'fall screen'])}:"]
    for _ in range(g.r.randrange(3, 6)):
        lines.append(f"- {g.N(g.c(['lf', 'fl', 'lfU']))}, {g.age()}, rm {g.r.randrange(100, 140)}{g.c('AB')}")
    return "\n".join(lines)


def sbar(g):
    return (f"S: {g.N()} {g.c(['desatting to 84%', 'new confusion', 'BP 78/40'])} on 4W.\nB: {g.age()} from {{LOCATION:{g.town()[0]}}}, "
            f"admitted {g.D(kind=g.c(['m/d', 'Mon d']))} w/ PNA. Lives at {{FACILITY:{g.residence()}}}.\nA: {g.c(['possible sepsis', 'likely aspiration', 'volume down'])}.\n"
            f"R: please see now. Family: {g.c(['son', 'niece'])} {g.N('fl')} {g.PH()}. -- {g.N()}, RN, pager {g.PH()}")


def nemt(g):
    return (f"NEMT trip {{ACCOUNT:{g.alnum(2)}{g.digits(7)}}} {g.D()}\nPickup: {g.addr_block()} at 06:15 -- {g.N()} ({g.PH()})\n"
            f"Drop: {g.F()}, {{ADDRESS:{g.street()}}}, {{LOCATION:{g.town()[0]}}}\n"
            f"Driver: {g.N('fl')}, van {g.c(['plate', 'tag', 'lic'])} {{VEHICLE:{g.plate()}}}, VIN {{VEHICLE:{g.vin()}}}\n"
            f"Wheelchair: {g.c(['Quickie', 'Permobil M3', 'Pride Jazzy'])} serial {{DEVICE:{g.serial()}}}")


PLANTED = {f.__name__: f for f in [
    echo_form, referral_letter, discharge, nursing, social_work, registration, table, csv_rows, pharmacy, dme,
    chat, speech, telehealth, home_health, lab_req, prior_auth, ems, school_note, fax_cover, partial,
    split_lines, age_over, vehicle_device, insurance_card, death_note, court, lic_ids, ip_log, family_hx,
    ssn_form, social_media, it_ticket, census_ages, sbar, nemt]}
SCARCE = ["ssn_form", "ssn_form", "ssn_form", "partial", "partial", "social_media", "death_note", "lic_ids",
          "vehicle_device", "nemt", "fax_cover", "dme", "split_lines"]

# ---- clean look-alikes (no identifiers under the set's conventions)
EPONYMS = ["Parkinson disease", "Crohn's colitis", "Wilson disease", "Graves' ophthalmopathy", "Hashimoto thyroiditis",
           "Addison crisis", "Cushing syndrome", "Bell's palsy", "Hodgkin lymphoma", "Kaposi sarcoma", "Barrett esophagus",
           "Raynaud phenomenon", "Sjogren syndrome", "Tourette syndrome", "Huntington chorea", "Alzheimer dementia",
           "Guillain-Barre", "Reye syndrome", "Kawasaki disease", "Osgood-Schlatter", "Legg-Calve-Perthes",
           "Meckel diverticulum", "Hirschsprung disease", "Wernicke encephalopathy", "Korsakoff syndrome",
           "Zollinger-Ellison", "Mallory-Weiss tear", "Boerhaave syndrome", "Virchow node", "Sister Mary Joseph nodule",
           "Trousseau sign", "Chvostek sign", "Homans sign", "Murphy sign", "Rovsing sign", "Battle sign", "Beck triad",
           "Cheyne-Stokes breathing", "Kussmaul respirations", "Austin Flint murmur", "Janeway lesions", "Osler nodes",
           "Roth spots", "Argyll Robertson pupil", "Horner syndrome", "Brown-Sequard", "Dupuytren contracture",
           "Baker cyst", "Colles fracture", "Jones fracture", "Monteggia fracture", "Bankart lesion", "Hill-Sachs lesion",
           "Lisfranc injury", "Charcot foot", "Paget disease", "Peyronie disease", "Tietze syndrome", "Ludwig angina",
           "Vincent angina", "Bence Jones protein", "Auer rods", "Reed-Sternberg cells", "Mallory bodies", "Lewy bodies",
           "Pick disease", "Creutzfeldt-Jakob", "Tay-Sachs", "Gaucher disease", "Fabry disease", "Pompe disease",
           "Whipple procedure", "Nissen fundoplication", "Roux-en-Y", "Billroth II", "Hartmann pouch", "Kocher maneuver",
           "Pfannenstiel incision", "Foley catheter", "Hickman line", "Broviac", "Swan-Ganz", "Glasgow Coma Scale",
           "Richmond Agitation-Sedation Scale", "Ranson criteria", "Light's criteria", "Duke criteria", "Jones criteria",
           "Denver shunt", "Minnesota tube", "Blakemore tube", "Hope ladder", "Mayo scoring"]
DRUGS = ["Mounjaro 5 mg weekly", "Ozempic 0.5 mg", "Jardiance 10 mg", "Farxiga", "Entresto 49/51 mg BID", "Eliquis 5 mg BID",
         "Xarelto 20 mg with supper", "Brilinta 90 mg", "Lantus 22 units qHS", "Humalog sliding scale", "Tresiba 18 u",
         "Epclusa x 12 weeks", "Mavyret 3 tabs daily", "Vemlidy 25 mg", "Biktarvy daily", "Sublocade 300 mg",
         "Vivitrol 380 mg IM", "Narcan 4 mg nasal", "Suboxone 8/2", "Zubsolv 5.7/1.4", "Lucemyra", "Keppra 500 BID",
         "Lamictal 100", "Depakote ER 1000", "Seroquel 50 qHS", "Abilify Maintena", "Invega Sustenna 156 mg",
         "Trintellix 10", "Wellbutrin XL 300", "Xifaxan 550 BID", "lactulose 30 mL TID", "Lasix 40", "Aldactone 100",
         "Coreg 6.25 BID", "Norco 5/325", "Percocet 10/325", "Augmentin 875/125", "Bactrim DS", "Keflex 500 QID",
         "Rocephin 1 g", "Zosyn 3.375 g q8h", "Vanc trough 15.2", "Paxlovid", "Tamiflu 75 BID", "Humira 40 mg q2wk",
         "Stelara", "Dupixent", "Trulicity 1.5", "Victoza", "Synthroid 88 mcg", "Prednisone 40 mg x5d", "Medrol dosepak"]
LABS = ["Na 131, K 5.4, Cl 99, CO2 21, BUN 44, Cr 2.31", "ALT 88 AST 102 ALP 140 Tbili 2.4", "INR 1.7, plt 88K, alb 2.9",
        "HCV RNA 2,340,000 IU/mL, genotype 1a", "HBsAg neg, anti-HBs 210, anti-HBc total pos", "A1c 11.2%",
        "TSH 0.02, free T4 3.1", "Hgb 7.9, MCV 71, ferritin 6", "Lipase 1,420", "Troponin I 0.08 -> 0.31",
        "BNP 1,850", "eGFR 38", "UDS + fentanyl, + norfentanyl, - methadone", "ANA 1:640 speckled", "ESR 88, CRP 14.2",
        "FIB-4 3.61", "APRI 1.9", "MELD-Na 19", "Child-Pugh B8", "AFP 412", "PSA 9.1", "CD4 212, VL < 20",
        "QTc 512 ms", "EF 25-30%", "pH 7.21 / pCO2 58 / pO2 61 / HCO3 22", "lactate 4.1", "K 2.9 after 40 mEq"]
SCORES = ["PHQ-9 = 17", "GAD-7 of 12", "AUDIT-C 9", "COWS 14 at 0600", "CIWA 22", "MoCA 19/30", "MMSE 24",
          "NIHSS 6", "GCS 13 (E3V4M6)", "Braden 12", "Morse fall 65", "CHA2DS2-VASc 5", "HAS-BLED 3", "Wells 4.5",
          "PERC negative", "HEART score 6", "Centor 3", "Apgars 8 and 9", "Ballard 36 wk", "Tanner III",
          "ECOG 2", "Karnofsky 60", "NYHA III", "Mallampati IV", "ASA 3", "Gleason 4+3", "BI-RADS 4A", "TI-RADS 4"]
DEVICES = ["Dexcom G7", "FreeStyle Libre 3", "Omnipod 5", "Tandem t:slim X2", "Medtronic 780G", "Azure XT DR MRI",
           "Abbott Assurity MRI", "LINQ II", "HeartMate 3", "Impella CP", "ResMed AirSense 11", "Philips DreamStation 2",
           "Inogen One G5", "Zoll LifeVest 4000", "Cochlear Nucleus 8", "Baha 6 Max", "Medtronic MiniMed 770G",
           "iStat CG8+", "Welch Allyn Spot Vital Signs 4400", "Accu-Chek Guide", "Omron BP7350", "Hoyer lift",
           "Jackson-Pratt drain", "8 Fr pigtail", "20G PIV L AC", "Trach Shiley 6 cuffless", "PEG 20 Fr", "NG 14 Fr"]
PLACES_CLINICAL = ["room air", "Room 4 bay B", "bed 12", "OR 3", "PACU", "4 West", "5 North tele", "MICU bed 7",
                   "station 2", "pod C", "trauma bay 1", "fast track", "triage 3", "the cath lab", "IR suite",
                   "dialysis chair 14", "the fishbowl", "Unit 6 step-down"]
TIMES = ["at 0300", "at 14:20", "q4h", "q6h PRN", "BID", "TID with meals", "qHS", "x3 days", "for 48 h", "1-2 tabs q6h",
         "day 3 of 7", "POD 2", "HD 5", "wk 3 of 12", "37 2/7 wks", "G4P3013", "20/40 OU", "BP 168/94", "HR 112",
         "SpO2 88% on 2 L", "T 38.9", "RR 28", "wt 61.2 kg", "BMI 41.3", "5/5 strength", "2+ edema", "3/6 SEM",
         "L4-L5", "C5-C6", "T12 compression", "ICD-10 K74.60", "CPT 99214", "HCPCS J0571", "NDC 12496-1208-1",
         "lot 3FK82", "exp 03/2027", "est. 2019", "in 1998", "the 1970s", "age 67", "a 45-year-old", "aged 89",
         "89 y/o", "18 months", "6 wk old", "Spring 2025", "on a Monday", "M/W/F", "every other Thursday"]
WORDISH = ["Hope this helps.", "Will follow.", "Grace period ends soon.", "May need a repeat scan.", "Bill to insurance.",
           "Rich in potassium.", "Frank blood per rectum.", "Faith-based recovery group on site.", "Joy in activities is down.",
           "Patience with the taper was discussed.", "Mercy ship volunteer clinic closed.", "Sunny side of the unit.",
           "Art therapy twice weekly.", "Dawn phenomenon likely.", "Summer camp physical form.", "Star chart for bedwetting.",
           "Rose spots absent.", "Ruby-colored urine after beets.", "Pearl-like papule on the nose.", "Amber urine.",
           "Clay-colored stool.", "Earl Grey tea only.", "Sterling silver earring removed.", "King-size bed.",
           "Deacon at his church visited.", "Lucky to have no fracture.", "Gift cards for attending.", "Chase the potassium.",
           "Hunter's syndrome is not suspected.", "Forest fire smoke worsened asthma.", "Hill of beans.", "Wood stove heat.",
           "Little change overnight.", "Strong cough.", "Young adult clinic.", "Cash pay discount.", "Sweet tea daily.",
           "Field sobriety not done.", "Bell rang.", "Early satiety.", "Wise to hold the diuretic.", "Love languages."]


def _pick(g, seq, k):
    return g.r.sample(seq, k)


def clean_ddx(g):
    a, b, c = _pick(g, EPONYMS, 3)
    return (f"Assessment: {a} vs {b}; less likely {c}. {g.c(LABS)}. Started {g.c(DRUGS)} {g.c(TIMES)}. "
            f"{g.c(WORDISH)}")


def clean_meds(g):
    freqs = ["daily", "BID", "q8h", "qHS", "PRN", "x5d", "weekly", "with meals", "held", "stopped", "new"]
    return "Meds:\n" + "\n".join(f"- {d} ({g.c(freqs)})" for d in _pick(g, DRUGS, g.r.randrange(4, 8)))


def clean_labs(g):
    return "Labs " + g.c(["today", "this AM", "on admission", "at baseline"]) + ": " + "; ".join(_pick(g, LABS, 4)) + \
        ". Scores: " + ", ".join(_pick(g, SCORES, 3)) + "."


def clean_devices(g):
    a, b = _pick(g, DEVICES, 2)
    return (f"Uses {a} and {b}. Moved to {g.c(PLACES_CLINICAL)} {g.c(TIMES)}; then {g.c(PLACES_CLINICAL)}. "
            f"{g.c(SCORES)}. {g.c(WORDISH)}")


def clean_table(g):
    rows = ["| Test | Result | Ref |", "|---|---|---|"]
    for lab in _pick(g, LABS, 4):
        rows.append(f"| {lab.split()[0]} | {lab} | see report |")
    return "\n".join(rows)


def clean_plan(g):
    return (f"Plan: 1) {g.c(EPONYMS)} -- {g.c(DRUGS)}, recheck {g.c(LABS).split(',')[0]} in 1 wk. 2) {g.c(EPONYMS)}: "
            f"{g.c(SCORES)}, {g.c(TIMES)}. 3) Dispo: {g.c(PLACES_CLINICAL)}. {g.c(WORDISH)} {g.c(WORDISH)}")


def clean_echo(g):
    return (f"ECHO didactic: managing {g.c(EPONYMS)} in primary care. Key points: {g.c(LABS)}; {g.c(SCORES)}; "
            f"consider {g.c(DRUGS)}. Case discussion deferred to next session. {g.c(WORDISH)}")


def clean_vitals(g):
    return "VS: " + ", ".join(_pick(g, [t for t in TIMES if any(ch.isdigit() for ch in t)], 6)) + ". " + g.c(WORDISH)


def clean_chat(g):
    return low(f"[{g.c(['8:14', '16:02'])}] rn: {g.c(SCORES)} now, gave {g.c(DRUGS)}\n"
               f"[{g.c(['8:20', '16:09'])}] md: ok. {g.c(WORDISH)} recheck {g.c(TIMES)}\n"
               f"[{g.c(['8:21', '16:10'])}] rn: {g.c(PLACES_CLINICAL)} is open")


def clean_admin(g):
    return (f"Billing: {g.c(TIMES[30:37])}; {g.c(TIMES[30:37])}. RxBIN 004336 PCN ADV. "
            f"{g.c(['Call the payer line on the back of the card.', 'Prior auth pending with the plan.', 'Formulary tier 2.'])} "
            f"{g.c(DRUGS)}. {g.c(WORDISH)}")


def clean_ages(g):
    a = g.r.randrange(18, 90)
    return (f"{a}-year-old with {g.c(EPONYMS)}, dx {g.r.randrange(1975, 2025)}. {g.c(['Mother', 'Father', 'Sister'])} "
            f"had {g.c(EPONYMS)} at {g.r.randrange(30, 89)}. {g.c(SCORES)}; {g.c(LABS)}. Follow up in {g.r.randrange(2, 12)} weeks.")


CLEAN = {f.__name__: f for f in [clean_admin, clean_ages, clean_ddx, clean_meds, clean_labs, clean_devices, clean_table, clean_plan,
                                 clean_echo, clean_vitals, clean_chat]}
