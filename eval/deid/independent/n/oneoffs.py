"""Hand-written identifier passages for set N; `[[value|CATEGORY]]` marks a span."""

from __future__ import annotations

import re

MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]", re.S)


def parse(s: str) -> list:
    pieces: list = []
    pos = 0
    for m in MARK.finditer(s):
        pieces.append(s[pos:m.start()])
        pieces.append((m.group(1), m.group(2)))
        pos = m.end()
    pieces.append(s[pos:])
    return [p for p in pieces if p != ""]


RAW = [
    ("eponym-surname",
     "Ms. [[Graves|NAME]] (first name [[Addison|NAME]]) is here for her Graves disease; no "
     "Addison crisis since the stress-dose teaching. Methimazole 10 mg."),
    ("dr-still",
     "Dr. [[Still|NAME]] thinks this is adult-onset Still disease; ferritin 8,400. Rheum "
     "consult with Dr. [[Obinna Eze|NAME]] on Tuesday [[3/10|DATE]]."),
    ("town-is-name",
     "Lives in [[Christopher|LOCATION]], IL with her son [[Christopher|NAME]], who works nights "
     "at the mine in [[Sesser|LOCATION]]."),
    ("jim-thorpe",
     "Moved from [[Jim Thorpe|LOCATION]] to [[Nesquehoning|LOCATION]] after the flood; still "
     "gets mail at [[P.O. Box 418|ADDRESS]], [[Jim Thorpe|LOCATION]] PA [[18229|ZIP]]."),
    ("helen-helen",
     "[[Helen Wipf|NAME]], from [[Helen|LOCATION]], GA, came with her sister [[Judith|NAME]]; "
     "[[Helen|NAME]] wants her records sent to the VA."),
    ("lower-word-names",
     "seen with daughter [[joy|NAME]] and son-in-law [[mason baker|NAME]]. joy says mama has "
     "more joy since the hearing aids. mason drives her in from [[soso|LOCATION]]."),
    ("parkinson-gene",
     "[[PARKINSON, GENE|NAME]]  81 y/o M  hx: Parkinson disease dx 2019; gene panel LRRK2 negative."),
    ("udi-serial",
     "Explanted generator UDI (01)00643169007222(21)[[PJN417729S|DEVICE]] returned to the "
     "manufacturer; replacement S/N [[RNB554018H|DEVICE]]."),
    ("dpo-address",
     "Son stationed overseas, mail to [[Unit 8400 Box 1750|ADDRESS]]\nDPO AE [[09498|ZIP]]; "
     "e-mail [[sgt.dial.revels@mail.mil|EMAIL]]."),
    ("age-table",
     "| resident | age | fall risk |\n| [[E. Hofer|NAME]] | 89 | high |\n| [[T. Sibanda|NAME]] "
     "| [[91|AGE]] | high |\n| [[R. Lum|NAME]] | 78 | low |"),
    ("age-words",
     "She is [[one hundred and four|AGE]] years young and still quilts for the church bazaar at "
     "[[Old Bethel Presbyterian Church|FACILITY]]."),
    ("split-address",
     "Ship CPAP supplies to:\n[[8821 Drowning Creek Rd|ADDRESS]]\n[[Lot 14|ADDRESS]]\n"
     "[[Maxton|LOCATION]], NC [[28364|ZIP]]"),
    ("split-phone",
     "pls call her grandson at [[910-521-|PHONE]]\n[[4417|PHONE]] if no answer"),
    ("ma-cristina",
     "Charge nurse: [[Ma. Cristina Dela Cruz|NAME]], RN. Float: [[Jhun Pangilinan|NAME]], LPN."),
    ("two-word-given",
     "[[Wai Kit Lum|NAME]] (goes by [[Kevin|NAME]]) interpreted for his mother, [[Sau Ying "
     "Lum|NAME]], DOB [[11/30/1934|DATE]]."),
    ("nickname",
     "Everyone at the feed store calls him \"[[Tater|NAME]]\"; legal name [[Delton Oxendine|NAME]]."),
    ("sms-address",
     "im at [[412 e centre st|ADDRESS]] in [[shenandoah|LOCATION]] come get me pls, "
     "call [[570 462 0193|PHONE]]"),
    ("ssn-no-sep",
     "SS#[[412558190|SSN]]  DL [[S530-4127-8930|LICENSE]] (IL)  PLATE [[BP 71206|VEHICLE]] (IL)"),
    ("fax-header",
     "[[MAR-03-2026|DATE]] 14:12  FROM: [[5706224189|FAX]]  TO: [[7067459000|FAX]]  P.002/007"),
    ("dob-words",
     "Patient states DOB is the [[3rd of June, 1931|DATE]] and that she was born at home in "
     "[[Battiest|LOCATION]]."),
    ("signature-dea",
     "Electronically signed by [[Meron Tesfaye|NAME]], MD  NPI [[1629071477|LICENSE]]  DEA "
     "[[BT4418251|LICENSE]]  [[03/09/2026|DATE]] 17:44"),
    ("mbi-lower",
     "medicare # [[1eg4te5mk73|ACCOUNT]], medicaid [[W48812077|ACCOUNT]], ss last 4 [[0917|SSN]]"),
    ("short-link",
     "Obit and service info: [[bit.ly/3xQ9pLm|URL]] (posted by [[Harper-Lowry Funeral "
     "Home|FACILITY]])"),
    ("cochlear",
     "Left cochlear processor S/N [[4412-88710-02|DEVICE]] lost at [[Cherry Log|LOCATION]] "
     "campground; loaner phone IMEI [[499754323194878|DEVICE]]."),
    ("plate-state",
     "Vehicle pulled into the bay: white F-150, tag [[JNF-1047|VEHICLE]] NC, VIN "
     "[[1gcsf4dh0fd996030|VEHICLE]]."),
    ("ipv6-link-local",
     "Pump uploader seen at [[fe80::1c2a:4bff:fe11:92d0|IP]] and [[10.44.2.19|IP]]:8443 "
     "(home router)."),
    ("shona-names",
     "Mother [[Memory Moyo|NAME]] and aunt [[Loveness|NAME]] at bedside; [[Memory|NAME]] is the "
     "health care proxy."),
    ("abbrev-facility",
     "Transferred to [[PBRMC|FACILITY]] by [[Stone County EMS|FACILITY]], then to "
     "[[Forrest General|FACILITY]]."),
    ("spoken-email",
     "she spelled her email as [[tubby dot ruth at pldi dot net|EMAIL]] and her cell as "
     "[[five eight oh, two nine eight, four four one zero|PHONE]]"),
    ("hutterite-colony",
     "[[Zacharias Kleinsasser|NAME]], [[94|AGE]], moved from a Hutterite colony to live with son "
     "[[Jakob|NAME]] in [[Eton|LOCATION]], GA; seen [[Dec 1st|DATE]]."),
]

ONEOFFS = [(name, parse(s)) for name, s in RAW]
