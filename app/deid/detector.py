"""Rule- and lexicon-based detector of HIPAA Safe Harbor identifiers in free text.

Every recogniser proposes candidate spans; overlaps are resolved by priority and length;
redaction placeholders ("[NAME]") and corpus placeholders ("Dr. X", "ABC Hospital") are
dropped.  Pure functions over module-level compiled patterns and an immutable lexicon.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.deid import lexicon, tagger

CATEGORIES: tuple[str, ...] = (
    "NAME",
    "DATE",
    "AGE",
    "PHONE",
    "EMAIL",
    "SSN",
    "ID",
    "VEHICLE",
    "DEVICE",
    "URL",
    "IP",
    "ADDRESS",
    "LOCATION",
    "FACILITY",
)


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    category: str
    confidence: float


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Higher wins when candidates overlap.
_PRIORITY = {
    "EMAIL": 100,
    "URL": 95,
    "IP": 90,
    "SSN": 85,
    "VEHICLE": 82,
    "DEVICE": 81,
    "ID": 80,
    "PHONE": 78,
    "DATE": 70,
    "AGE": 65,
    "ADDRESS": 60,
    "FACILITY": 55,
    "NAME": 50,
    "LOCATION": 45,
}

# ----------------------------------------------------------------------------- patterns
# Whole-text patterns start with a character class and look behind it ("\d(?<![\d-]\d)"
# rather than "(?<![\d-])\d"): the regex engine then skips ahead to the candidates itself
# instead of trying the lookbehind at every position.
IGN = re.IGNORECASE
UP = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"  # upper case (the Latin Extended ranges hold both cases)
LO = "a-zß-öø-ÿĀ-ɏḀ-ỿ"
NW = rf"(?:[OD]['’]|Ma?c)?[{UP}](?:[{LO}]+|[{UP}]?[{LO}]+)(?:['’-][{UP}]?[{LO}]+)*"  # Name word
CAPW = rf"[{UP}][A-Za-z{LO}]*(?:['’-][A-Za-z{LO}]+)*"  # any capitalised word

STATES = {
    "alabama": "AL",
    "alaska": "AK",
    "arizona": "AZ",
    "arkansas": "AR",
    "california": "CA",
    "colorado": "CO",
    "connecticut": "CT",
    "delaware": "DE",
    "florida": "FL",
    "georgia": "GA",
    "hawaii": "HI",
    "idaho": "ID",
    "illinois": "IL",
    "indiana": "IN",
    "iowa": "IA",
    "kansas": "KS",
    "kentucky": "KY",
    "louisiana": "LA",
    "maine": "ME",
    "maryland": "MD",
    "massachusetts": "MA",
    "michigan": "MI",
    "minnesota": "MN",
    "mississippi": "MS",
    "missouri": "MO",
    "montana": "MT",
    "nebraska": "NE",
    "nevada": "NV",
    "new hampshire": "NH",
    "new jersey": "NJ",
    "new mexico": "NM",
    "new york": "NY",
    "north carolina": "NC",
    "north dakota": "ND",
    "ohio": "OH",
    "oklahoma": "OK",
    "oregon": "OR",
    "pennsylvania": "PA",
    "rhode island": "RI",
    "south carolina": "SC",
    "south dakota": "SD",
    "tennessee": "TN",
    "texas": "TX",
    "utah": "UT",
    "vermont": "VT",
    "virginia": "VA",
    "washington": "WA",
    "west virginia": "WV",
    "wisconsin": "WI",
    "wyoming": "WY",
    "district of columbia": "DC",
    "puerto rico": "PR",
    "guam": "GU",
    "virgin islands": "VI",
    "american samoa": "AS",
    "northern mariana islands": "MP",
    "federated states of micronesia": "FM",
    "marshall islands": "MH",
    "palau": "PW",
}
STATE_ABBR = sorted(set(STATES.values()))
_STATE_FULL = "|".join(
    sorted(
        (" ".join(w.capitalize() if w != "of" else w for w in s.split()) for s in STATES),
        key=len,
        reverse=True,
    )
)
_STATE_ABBR_RE = "|".join(STATE_ABBR)
STATE_RE = rf"(?:{_STATE_FULL}|{_STATE_ABBR_RE}|N\.H\.|Mass\.|Vt\.|Conn\.|Calif\.)"

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)\.?"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:(?:19|20)\d\d|'\d\d)"

RX_DATE = [
    # March 14, 2024 / Mar 14th / March 14 2024 / March 14-15
    (re.compile(rf"\b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?(?!\s*(?:mg|mcg|cm|mm|kg|%))", IGN), 0.9),
    # 14 March 2024 / 14th of March / the 14th of March, 2024 / 14-Mar-2024
    (re.compile(rf"\b{DAY}(?:\s+of)?\s+{MONTH}\b(?:,?\s+{YEAR}\b)?", IGN), 0.9),
    (re.compile(rf"\b{DAY}-{MONTH}(?:-(?:(?:19|20)?\d\d))?\b", IGN), 0.9),
    # March 2024 / March of 2024 / Mar. '24
    (re.compile(rf"\b{MONTH}\s+(?:of\s+)?{YEAR}\b", IGN), 0.85),
    # 03/14/1952, 3-14-52, 3.14.1952
    (
        re.compile(
            r"(?<![\d/.-])(?:0?[1-9]|1[0-2]|[12]\d|3[01])([/-])(?:0?[1-9]|[12]\d|3[01])"
            r"\1(?:(?:19|20)\d\d|\d\d)(?![\d/-]|\.\d)"
        ),
        0.95,
    ),
    (
        re.compile(
            r"(?<![\d/.-])(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01])\.(?:(?:19|20)\d\d)"
            r"(?![\d.])"
        ),
        0.9,
    ),
    # 2024-03-14, 2024/03/14
    (
        re.compile(
            r"(?<![\d/-])(?:19|20)\d\d([/-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])"
            r"(?![\d/-])"
        ),
        0.95,
    ),
    # 03/2024
    (re.compile(r"(?<![\d/.-])(?:0?[1-9]|1[0-2])[/-](?:19|20)\d\d(?![\d/-])"), 0.8),
]
# Month/day without a year needs a cue ("on 3/14", "DOB: 3/14") to avoid 5/5 strength etc.
RX_DATE_CUED = re.compile(
    r"\b(?:on|since|from|until|till|through|thru|dated?|before|after|of|DOB|D\.O\.B\.|born|"
    r"admit(?:ted)?|admission|discharged?|seen|visit|surgery|procedure|"
    r"scheduled|returns?|back|last|next|starting|started|effective|as of|date of birth"
    r"|msg|message|called|phoned|faxed|rec'?d|received)"
    r"\s*+(?::\s*+)?((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\d/])(?!\s*(?:strength|"
    r"murmur|pain|power|reflex))",
    IGN,
)
RX_DOB_DIGITS = re.compile(
    r"\b(?:DOB|D\.O\.B\.|date of birth|birth\s*date)\s*+(?:(?:is|was)\s*+)?(?:[:#-]\s*+)?"
    r"(\d{6}|\d{8})\b",
    IGN,
)

AGE_NUM = r"(9\d|1[01]\d|120)"
RX_AGE = [
    re.compile(rf"(?<![\d.,/]){AGE_NUM}(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)old\b", IGN),
    re.compile(rf"(?<![\d.,/]){AGE_NUM}(?:\s*|-)(?:yo|y/o|y\.o\.?|yr|yrs|years?)(?![\w/])", IGN),
    re.compile(rf"\b(?:aged|age|ages|at\s+the\s+age\s+of|age\s+of|age:)\s*+:?\s*+{AGE_NUM}\b", IGN),
    re.compile(rf"(?<![\d.,/]){AGE_NUM}(?:\s+|-)(?:years?|yrs?)(?:\s+|-)of(?:\s+|-)age", IGN),
    re.compile(rf"(?<![\d.,/]){AGE_NUM}\s*(?:-|\s)?(?:year|yr)(?:-|\s)old", IGN),
    re.compile(rf"\b(?:turned|turns|turning)\s+{AGE_NUM}\b", IGN),
    re.compile(rf"(?<![\d.,/]){AGE_NUM}(?:th)\s+birthday", IGN),
]

PH_CORE = r"(?:\(\d{3}\)\s*|\d{3}[\s./-]|\d{3}(?=\d{7}))\d{3}[\s.-]?\d{4}"
RX_PHONE = re.compile(
    rf"(?<![\w.+/-])(?:(?:\+?1|001)[\s.-]?)?{PH_CORE}(?:\s*(?:ext\.?|extension|x)\s*\d{{1,6}})?(?![\w-])"
    r"|(?<![\w.+-])\+1[\s.-]?\d{3}[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)",
    IGN,
)
RX_PHONE_START = re.compile(r"[\d+(](?<![\w.+-][\d+(])")


def _phones(text: str) -> list[re.Match]:
    """RX_PHONE's matches, tried only where a number can start."""
    found, last_end = [], -1
    for d in RX_PHONE_START.finditer(text):
        if d.start() >= last_end and (m := RX_PHONE.match(text, d.start())):
            found.append(m)
            last_end = m.end()
    return found


RX_PHONE_CUED = re.compile(
    r"\b(?:phone|tel|telephone|call|cell|mobile|fax|pager|page|beeper|contact|number|ext"
    r"|questions|callback)\.?\s*(?:number|no\.?|#)?\s*(?:is|at|:|#)?\s*(\d{3}[.-]\d{4}|\d{10})\b(?![\d-])",
    IGN,
)

# A phone number after its cue with its groups joined by a character no dialler writes
# there ("call 617/555/0142", "617_555_0142", "617·555·0142", "617|555|0142"), mixed with a
# dash or dot ("617_555-0142"), or a slash between spaces: drawn as a phone all the same.
_ODD_SEPARATOR = "_/:~·•・･∙‧|\\\\,;="
_PHONE_GROUP_JOIN = rf"(?:[{_ODD_SEPARATOR}.-]| / )"
RX_PHONE_ODD_SEPARATOR = re.compile(
    r"\b(?:phone|tel|telephone|call|cell|mobile|fax|pager|contact|number|callback)\b"
    rf"[^\n\d]{{0,20}}?(\d{{3}}{_PHONE_GROUP_JOIN}\d{{3}}{_PHONE_GROUP_JOIN}\d{{4}})(?![\d/])",
    IGN,
)
# The same number a few words after the cue, as RX_PHONE_CUED_FAR reads a plain one
# ("please call the patient's daughter on 617/555/0142", "reach her at 617_555_0142").
RX_PHONE_ODD_SEPARATOR_FAR = re.compile(
    r"\b(?:phone|telephone|call|fax|faxed|text|texted|page|paged|reach|reached|contact|dial"
    r"|sent|send|resent)\b[^.\n\d]{0,40}?\b(?:to|at|on|is|are|number|no\.?|#)\s*+:?\s*"
    rf"(\d{{3}}{_PHONE_GROUP_JOIN}\d{{3}}{_PHONE_GROUP_JOIN}\d{{4}})(?![\d/])",
    IGN,
)
_ODD_JOIN = re.compile(rf"[{_ODD_SEPARATOR}]")

# "fax the signed form to 5053841234": the cue word, a few words, then to/at and the number
RX_PHONE_CUED_FAR = re.compile(
    r"\b(?:phone|telephone|call|fax|faxed|text|texted|page|paged|reach|reached|contact|dial"
    r"|sent|send|resent)\b[^.\n\d]{0,40}?\b(?:to|at|on|number|no\.?|#)\s*+:?\s*"
    r"(\(?\d{3}\)?[\s./-]?\d{3}[\s.-]?\d{4}|\d{3}[.-]\d{4})(?![\d-])",
    IGN,
)

RX_EMAIL = re.compile(r"[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# RX_EMAIL begun only where a run of a user name's characters begins (see `_emails`)
RX_EMAIL_AT_RUN = re.compile(r"(?<![\w.+%-])" + RX_EMAIL.pattern)
RX_URL = re.compile(
    r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'\])]+"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|edu|gov|io|us|info|health|care|biz|me)"
    r"(?:/[^\s<>\"')\]]*)?(?![\w@])",
    IGN,
)
RX_IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}"
    r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:/\d{1,2})?(?!\d|\.\d)"
)
RX_IPV4_HINT = re.compile(r"\d\.\d{1,3}\.\d")
RX_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|"
    r"(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])"
)

RX_SSN = re.compile(r"\d(?<![\w-]\d)\d\d-\d{2}-\d{4}(?![\w-])")
RX_SSN_CUED = re.compile(
    r"\b(?:SSN|SS#|SS\s*No\.?|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s*sec\.?"
    r"(?:\s*#)?)\s*+(?:(?:is|was|of)\s*+)?(?:[:#]\s*+)?(?:-\s*+)?"
    rf"(\d{{3}}[\s.{_ODD_SEPARATOR}-]?\d{{2}}[\s.{_ODD_SEPARATOR}-]?\d{{4}}|\d{{9}})(?!\d)",
    IGN,
)

_ID_VALUE = r"((?=[A-Za-z0-9-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|[-./](?=[A-Za-z0-9])){2,24})"
# a backslash may escape the label's punctuation (Markdown: "MRN\: 555-123-4567"); a JSON
# key's quotes may close the label and open the value ("mrn":"21-96-23-4")
_CUE_TAIL = (
    r"(?![A-Za-z])[\"']?\.?\s*+(?:is|was|of|\\?[=:#-]|no\.?|number)*\s*+(?:is|was|\\?[:#=])?\s*+"
    r"(?:(?<=[\s:=#-])[\"'])?"
)
RX_ID = re.compile(
    r"\b(?>(?:MRN|MR#|MR\s*(?:no|num|number)|medical\s+record(?:\s+(?:number|no|num|#))?"
    r"|(?:hospital|health|clinic|chart|record|patient|unit|case|encounter|claim|visit"
    r"|accession|billing|invoice|specimen|requisition|order|referral|authorization"
    r"|authorisation|prior\s+auth|confirmation|reference|ref)\s*(?:id|number|no|num|#)"
    r"|acct|account(?:\s*(?:number|no|num|#|id))?|member(?:ship)?\s*(?:id|number|no|num|#)?"
    r"|subscriber\s*(?:id|number|no|num|#)?|policy(?:\s*(?:holder\s*)?(?:id|number|no|num|#))?"
    r"|group\s*(?:id|number|no|num|#)|health\s*plan(?:\s*(?:beneficiary\s*)?(?:id|number|no"
    r"|num|#))?|insurance\s*(?:id|number|no|num|#|card)|beneficiary\s*(?:id|number|no|num|#)?"
    r"|medicaid(?:\s*(?:id|number|no|num|#))?|medicare(?:\s*(?:id|number|no|num|#))?|MBI"
    r"|HICN|DEA(?:\s*+(?:registration)?\s*(?:number|no|num|#))?|NPI(?:\s*(?:number|no|num|#))?"
    r"|(?:driver'?s?\s+|medical\s+|nursing\s+|professional\s+|state\s+)?licen[cs]e"
    r"(?:\s*(?:number|no|num|#|id))?|lic\.?\s*#?|certificate(?:\s*(?:number|no|num|#|id))?"
    r"|cert(?:ification)?\.?\s*(?:number|no|num|#|id)?|passport(?:\s*(?:number|no|num|#))?"
    r"|ID(?:\s*(?:number|no|num|#))?|identification\s*(?:number|no|num|#)?|FIN|CSN|UPIN"
    r"|employee\s*(?:id|number|no|num|#)|badge\s*(?:id|number|no|num|#)?|"
    r"(?:tax|TIN|EIN)\s*(?:id|number|no|num|#)?)" + _CUE_TAIL + ")" + _ID_VALUE,
    IGN,
)
RX_VEHICLE = re.compile(
    r"\b(?>(?:licen[cs]e[\s-]+plates?|licen[cs]e\s+tag|number\s+plate|plate\s*(?:number|no|#)"
    r"|tag\s*(?:number|no|#)"
    r"|registration(?:\s*(?:number|no|num|#))?|VIN|vehicle\s+identification\s+(?:number|no)"
    r"|vehicle\s*(?:id|number|no))(?:\s*(?:number|no|num|#))?"
    + _CUE_TAIL
    + r")(?-i:(?:[A-Z]{2}\s+)?((?=[A-Z0-9 -]*\d)[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,8}){0,2}"
    r"(?<=[A-Z0-9])))(?![\w-])",
    IGN,
)
RX_VIN = re.compile(
    r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])"
    r"[A-HJ-NPR-Z0-9]{17}\b"
)
RX_DEVICE = re.compile(
    r"\b(?>(?:serials?(?:\s*(?:numbers?|nos?|num|#))?|S/N|SN(?=\s*[:#])"
    r"|lot\s*(?:number|no|num|#)?|device\s*(?:id|identifier|number|no|serial)|UDI|IMEI"
    r"|MAC(?:\s+address)?|implant\s*(?:id|number|serial)"
    r"|(?:generator|lead|pump|pacemaker|defibrillator|ICD|stimulator|device)\s+(?:serials?|ids?)"
    r"(?:\s*(?:number|no|num|#))?)"
    + _CUE_TAIL
    + r")((?=[A-Za-z0-9:()-]*\d)[A-Za-z0-9(](?:[A-Za-z0-9()]|[-:./](?=[A-Za-z0-9(]))"
    r"{2,40})",
    IGN,
)
RX_DEVICE_BARE = re.compile(
    r"\bSN-?\d[A-Za-z0-9-]{2,20}\b"
    r"|\(01\)\d{14}(?:\(\d{2,4}\)[A-Za-z0-9-]{1,20})*"
    r"|\b(?:[0-9A-F]{2}[:-]){5}[0-9A-F]{2}\b"
)
# a necessary part of the MAC-address branch of RX_DEVICE_BARE, from its first separator
RX_MAC_HINT = re.compile(r"[:-](?<=\b[0-9A-F]{2}[:-])(?:[0-9A-F]{2}[:-]){4}[0-9A-F]{2}\b")
RX_SEVEN_DIGITS = re.compile(r"\d{7}")  # in every match of RX_LONG_NUMBER
# A count with its unit is a measurement ("HCV RNA 2450000 IU/mL", "1200000 copies/mL"):
# viral loads and cell counts are written without separators as often as with them.
RX_COUNT_UNIT = (
    r"[ \t]*(?:IU|iu|[Cc]opies|[Cc]ells|cps|[Uu]nits?\b|U/L|log"
    r"|[munpµμ]?g\b|/[ \t]*(?:[mµμu]?[Ll]\b|mm3|mm\^3|c(?:u\.?[ \t]*)?mm\b|mcL|dL|hpf|HPF))"
)
RX_LONG_NUMBER = re.compile(
    r"(?<![\w.,/$-])(?=[A-Z0-9-]*\d{5})(?=[A-Z0-9-]*[A-Z])?"
    r"[A-Z]{0,4}\d{7,}[A-Z]{0,4}(?![\w.,/%-]|\.\d)"
    rf"(?!{RX_COUNT_UNIT})"
)

STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place"
    r"|Pl|Terrace|Ter|Terr|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Plaza"
    r"|Pike|Turnpike|Tpke|Row|Alley|Path|Loop|Crossing|Xing|Heights|Hts|Ridge|Run|Walk"
    r"|Commons|Green|Close|Point|Pt|Landing|Cove|Glen|Hollow|Mews|Park|Bend|Hill|Extension)"
)
UNIT = (
    r"(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Rm|Room|Floor|Fl|Bldg|Building|Lot|Trlr"
    r"|#)\.?\s*+#?\s*[A-Za-z0-9-]{1,6}\b)"
)
# Split by what each form starts with, so that each is tried only where it can start.
RX_ADDRESS_NUMBERED = re.compile(
    rf"(?<![\w/.-])\d{{1,6}}[A-Za-z]?(?:-\d{{1,4}})?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South"
    rf"|East|West)\.?\s+)?(?:(?:{CAPW}|\d+(?:st|nd|rd|th))\.?\s+){{1,4}}{STREET_SUFFIX}\b\.?"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?{UNIT}?"
    rf"|(?<![\w/.-])\d{{1,6}}\s+(?:State\s+|US\s+|U\.S\.\s+|County\s+)?(?:Route|Rte|Highway"
    rf"|Hwy|Road)\s+\d+[A-Z]?\b{UNIT}?"
)
RX_ADDRESS_BOX = re.compile(
    r"\b(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|Box)\s+#?\d+\b"
    r"|\b(?:Rural\s+Route)\s+\d+(?:,?\s+Box\s+\d+)?\b"
    r"|\b(?:HC|H\.C\.|Star\s+Route|SR)\s*\d+,?\s+Box\s+\d+\b"
    r"|\b(?:RR|Rt|Rte|Route)\.?\s+\d+,?\s+Box\s+\d+\b"
)
RX_ADDRESS_ON = re.compile(
    rf"(?<=\bon\s)(?:{CAPW}\s+){{1,3}}(?:Street|Avenue|Road|Lane|Drive|Boulevard)\b"
    rf"|(?<=\b(?:Apt|Ste)\.\s)[A-Za-z0-9-]{{1,6}}\b"
)
_ON_STREETS = ("Street", "Avenue", "Road", "Lane", "Drive", "Boulevard")  # RX_ADDRESS_ON
RX_ADDRESS_STARTS = re.compile(r"\d(?<![\w/.-]\d)")
RX_ADDRESS_UNIT_ONLY = re.compile(
    r"\b(?:Apt|Apartment|Unit|Suite|Ste)\.?\s*+#?\s*\d[A-Za-z0-9-]{0,5}\b"
)

RX_CITY_STATE = re.compile(
    rf"\b((?:{CAPW}\.?)(?:[ -](?:{CAPW}\.?|of|de|la|le|du|on|upon)){{0,3}})\s*,\s*"
    rf"({STATE_RE})(?![\w])(?:\.?,?\s+(\d{{5}}(?:-\d{{4}})?)\b)?"
)
# the part of RX_CITY_STATE from its comma on: a text without it holds no match
RX_CITY_STATE_HINT = re.compile(rf",\s*(?:{STATE_RE})(?![\w])")
RX_ZIP_STATE = re.compile(rf"\b(?:{STATE_RE})\.?,?\s+(\d{{5}}(?:-\d{{4}})?)(?![\d-])")
RX_ZIP_CUED = re.compile(
    r"\b(?:zip|zipcode|zip\s*code|postal\s*code|zip\+4)\s*+(?:is|was|of)?"
    r"\s*+[:#]?\s*(\d{5}(?:-\d{4})?)\b",
    IGN,
)
RX_LOC_CUED = re.compile(
    r"\b(?i:lives?|living|resides?|residing|resident|residence|moved|moving|relocated|born"
    r"|raised|grew\s+up|travel(?:l?ed|l?ing)?|trip|vacation(?:ed|ing)?|visiting|visited|home"
    r"|located|based|works?|worked|working|employed|transferred|drove|driving|returned"
    r"|returning|came|comes|originally|hometown|native|emigrated|immigrated|commutes?"
    r"|stays?|staying|stayed|farm|shelter|hails)"
    r"(?:\s+(?:\w+)){0,3}?\s+(?:in|to|from|near|at|outside(?:\s+of)?|around|of)\s+"
    r"(?:the\s+(?:town|city|village|area)\s+of\s+)?"
    rf"((?:{NW})(?:[ -](?:{NW}|of|upon|on|or)){{0,3}})"
)
RX_LOC_TOWN = re.compile(
    rf"\b(?:town|city|village|township|borough|hamlet|county|community|municipality)\s+of\s+"
    rf"((?:{CAPW})(?:[ -](?:{CAPW})){{0,2}})",
    IGN,
)
RX_COUNTY = re.compile(rf"\b((?:{CAPW})(?:[ -]{CAPW}){{0,2}})\s+(?:County|Parish|Township)\b")
RX_LOC_PREP = re.compile(
    rf"\b(?:in|from|near|to|at|of|outside|around|between)\s+((?:{NW})(?:[ -](?:{NW})){{0,2}})"
)

# Town names built the usual way: a prefix ("North", "Port", "Lake") or an ending ("-ville",
# "-burgh", "-port") that few other capitalised words have. Taken after a place preposition,
# or before a ZIP code.
TOWN_PREFIXES = _w(
    "North South East West New Port Lake Fort Mount Saint St. Glen Little Big Upper Lower"
    " Grand Cape Point Mt."
)
_TOWN_PREFIX_RE = "|".join(re.escape(p) for p in sorted(TOWN_PREFIXES, key=len, reverse=True))
_TOWN_END = (
    r"(?:ville|town|ton|land|berg|burgh?|borough|boro|bury|view|port|mouth|stad|furt|chester"
    r"|fort|haven|side|shire|field|ford|wood|dale|mont|ington|ham|boro|beck|bridge)"
)
# Second words of two-word town names ("Dunmore Flats", "Cold Springs")
_TOWN_SECOND = (
    r"(?:Flats|Falls|Springs|Heights|Hills|Junction|Crossing|Harbor|Harbour|Creek|Ridge|Valley"
    r"|Hollow|Bluffs?|Mills?|Corners?|Beach|Grove|Prairie|Forks|Rapids|Shoals|Gap|Gulch"
    r"|Wells|Lakes)"
)
# Countries with town-like endings: not Safe Harbor identifiers.
COUNTRIES = _w("""england scotland ireland finland iceland poland switzerland thailand
    netherlands greenland swaziland new_zealand""") | {"new zealand"}
RX_TOWN_LIKE = re.compile(
    rf"\b(?:in|from|to|near|outside(?:\s+of)?|around|From|In|Near)\s+((?:(?:{_TOWN_PREFIX_RE})\s+)?"
    rf"[A-Z][a-z]+{_TOWN_END}(?![\w'’-])|(?:{_TOWN_PREFIX_RE})\s+[A-Z][a-z]{{2,}}(?![\w'’-])"
    rf"|[A-Z][a-z]{{2,}}\s+{_TOWN_SECOND}(?![\w'’-]))"
)
# "moved from Carrowmore to Glenrothy": both ends of a move are places
RX_MOVE_FROM_TO = re.compile(
    r"\b(?:moved|moving|relocated|relocating|emigrated|immigrated|came|drove|travell?ed|went)"
    rf"\s+(?:here\s+|back\s+)?from\s+((?:{NW})(?:\s+{NW})?)\s+to\s+((?:{NW})(?:\s+{NW})?)"
)
RX_PLACE_PREP_BEFORE = re.compile(r"\b(?:in|of|near|from|outside|to)\s+$")
RX_ZIP_ONLY = re.compile(r"\d(?<![\d-]\d)\d{4}(?:-\d{4})?(?![\d-])")
RX_PREFIX_BEFORE = re.compile(rf"\b(?:{_TOWN_PREFIX_RE})[ \t]+$")
RX_CITY_ZIP = re.compile(
    rf"((?:(?:{_TOWN_PREFIX_RE})\s+)?[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+)?)"
    rf"(?:,?[ \t]+(?-i:{_STATE_ABBR_RE}|{_STATE_FULL}))?,?[ \t]+"
    r"(\d{5}(?:-\d{4})?)(?![\d-]|\s*(?:mg|mcg|ml|mL|units?|cells|copies|IU|/|%|x))"
)

FAC_HEAD = (
    r"(?:Hospitals?|Medical\s+Cent(?:er|re)|Health\s+Cent(?:er|re)|Health\s*care|Health\s+Care"
    r"|Health\s+System|Health\s+Services|Clinics?|Infirmary|Hospice(?:\s+House)?|Nursing\s+(?:Home|Center"
    r"|Facility)|Rehabilitation\s+(?:Center|Hospital|Institute)|Rehab\s+Center|Care\s+Center"
    r"|Surgery\s+Center|Surgical\s+Center|Cancer\s+(?:Center|Institute)|Institute|Medical\s+Group"
    r"|Medical\s+Associates|Physicians|Associates|Pharmacy|Urgent\s+Care|Family\s+Practice"
    r"|Pediatrics|Elementary(?:\s+School)?|Middle\s+School|High\s+School|Junior\s+High"
    r"|Intermediate\s+School|Primary\s+School|Grammar\s+School|School|Academy|College"
    r"|University|Day\s*care|Preschool|Correctional\s+(?:Facility|Center)|Prison|Jail"
    r"|Penitentiary|Shelter|Manor|Assisted\s+Living|Senior\s+Living|Retirement\s+(?:Home"
    r"|Community|Village)|Rest\s+Home|Health|Sanatorium|Sanitarium|Convalescent\s+Home"
    r"|Medical\s+Building|Family\s+Medicine|Dialysis\s+(?:Center|Unit)|Memorial"
    r"|Nursing\s+(?:and|&)\s+Rehabilitation(?:\s+Cent(?:er|re))?|Care\s+Home|Home"
    # workplaces and other named places where people can be found
    r"|Cannery|Foundry|Seafoods?|Sawmill|Lumber|Packing|Creamery|Dairy|Mill|Plant|Factory"
    r"|Refinery|Mine|Quarry|Industries|Manufacturing|Fire\s+(?:Department|Dept\.?|Station)"
    r"|Police\s+Department|Amusement\s+Park|Church|Chapel|Mosque|Temple|Synagogue"
    r"|Hospice\s+House|Elder\s+Care|Dialysis|Imaging|Radiology|Adult\s+Day(?:\s+(?:Center"
    r"|Program|Services))?|Day\s+Program|Group\s+Home|Senior\s+Center"
    r"|Nursing\s+(?:and|&)\s+Rehab|Head\s+Start|Mortuary|Funeral\s+Home|Rescue\s+Mission"
    r"|Housing\s+Authority|(?:District|Circuit|Juvenile|Tribal)\s+Court|Trading\s+Post"
    r"|Travel\s+(?:Stop|Center|Plaza))"
)
# Religious and charitable hospital names ("Our Lady of Lourdes", "Sacred Heart Children's").
RX_FAC_RELIGIOUS = re.compile(
    rf"\b(?:Our\s+Lady\s+of\s+(?:the\s+)?{CAPW}|Sacred\s+Heart|Good\s+(?:Shepherd|Samaritan)"
    r"|Holy\s+(?:Cross|Family|Name|Spirit|Redeemer|Rosary|Trinity|Innocents)|(?:Mount|Mt\.?)\s+"
    r"(?:Carmel|Sinai)|Divine\s+(?:Savior|Saviour|Providence|Mercy)|Sisters\s+of\s+(?:Charity"
    rf"|Mercy))(?:\s+(?!(?:Hospital|Medical|Health|Clinic|Home|Hospice)\b){CAPW}){{0,2}}"
    rf"(?:\s+{FAC_HEAD})?(?![\w’'])(?:['’]s)?"
)
RX_FACILITY = re.compile(
    rf"\b((?:(?:St\.?|Saint|Mt\.?|Mount|Ft\.?|Fort)\s+)?(?:{CAPW}|&|and|of|the)"
    rf"(?:[ -](?:(?:St\.?|Saint|Mt\.?|Mount)\s+)?(?:{CAPW}|&|of|the)){{0,5}}\s+{FAC_HEAD}"
    rf"(?:\s+(?:of|at|for)\s+(?:the\s+)?(?:{CAPW})(?:\s+{CAPW}){{0,3}})?)(?![\w])"
    rf"|\b((?:University|College|Hospital|Children's\s+Hospital|Clinic)\s+of\s+(?:the\s+)?"
    rf"(?:{CAPW})(?:\s+(?:{CAPW}|of|at)){{0,4}})"
)
RX_SAINT = re.compile(
    r"\b(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s)?(?:\s+(?:Hospital|Medical"
    r"|Health|Clinic|Regional))?(?![\w'’])"
)

TITLE = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Mssrs|Messrs|Dr|Drs|Doctor|Prof|Professor|Rev|Reverend|Sr"
    r"|Sister|Father|Fr|Nurse|Judge|Officer|Capt|Captain|Sgt|Col|Lt|Pastor|Rabbi"
    r"|Attorney|Atty)"
)
INIT = r"[A-Z]\."
RX_TITLE_NAME = re.compile(
    rf"\b{TITLE}\.?\s+((?:{INIT}\s*)*(?!{TITLE}\b)(?:{NW}|[A-Z]{{2,}}(?![a-z]))(?:\s+(?!{TITLE}\b)(?:{INIT}"
    rf"|{NW}|[A-Z]{{2,}}(?![a-z]))){{0,3}})"
)
RELATION = (
    r"(?:wife|husband|son|daughter|mother|father|mom|dad|mum|brother|sister|sibling|aunt"
    r"|uncle|niece|nephew|cousin|grandson|granddaughter|grandmother|grandfather|grandma"
    r"|grandpa|granddad|grandchild|stepson|stepdaughter|stepmother|stepfather|partner|fianc[eé]"
    r"e?|boyfriend|girlfriend|spouse|caregiver|guardian|friend|neighbou?r|roommate|landlord"
    r"|employer|coworker|co-worker|boss|teacher|coach|pastor|sponsor|surrogate|proxy|POA"
    r"|patient|pt|named|name\s+is|names?\s*:|called|goes\s+by|known\s+as|n[eé]e|alias|AKA"
    r"|signed\s+by|dictated\s+by|transcribed\s+by|referred\s+by|attending|resident|fellow"
    r"|physician|surgeon|nurse\s+practitioner|practitioner|provider|PCP|cc|CC|dear|Dear"
    r"|sincerely|regards|contact|emergency\s+contact|next\s+of\s+kin|NOK|interpreter|translator"
    r"|RN|NP|MD|PA|accompanied\s+by|with\s+(?:his|her|their)\s+\w+|by|per|to|and)"
)
RX_REL_NAME = re.compile(
    rf"\b((?i:{RELATION}))(?:\s*+[,:])?\s++((?:{INIT}\s*)*{NW}(?:\s+(?:{INIT}|{NW})){{0,2}})"
)
CRED = (
    r"(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|N\.?P\.?|P\.?A\.?(?:-C)?|Ph\.?D\.?|FNP(?:-BC|-C)?"
    r"|APRN|ARNP|CNM|CRNA|DNP|LPN|LCSW|LICSW|MSW|DDS|DMD|DPM|OD|PharmD|MPH|FACS|FACP"
    r"|FACC|CNP|PsyD|LMFT|LMHC|RD|PT|DPT|OT|OTR|MA|CMA|BSN|MSN|NP-C|RPh)"
)
RX_CRED_NAME = re.compile(rf"\b((?:{NW}|{INIT})(?:\s+(?:{INIT}|{NW})){{0,3}}),\s+{CRED}(?![\w])")
LABEL = (
    r"(?i:name|patient(?:\s+name)?|pt\s+name|attending(?:\s+physician)?|presenter|rn|lpn|cna"
    r"|np|aide|therapist|scribe|nurse\s+practitioner|charge\s+nurse|seen\s+by|reviewed\s+by"
    r"|presented\s+by|provider|physician|surgeon|assistant|anesthesiologist|referring"
    r"(?:\s+(?:physician|provider))?|pcp|primary\s+care(?:\s+(?:physician|provider))?"
    r"|resident|fellow|nurse|author|dictated\s+by|signed(?:\s+by)?|electronically\s+signed"
    r"(?:\s+by)?|contact|emergency\s+contact|guardian|spouse|mother|father|cc|re|from|to"
    r"|consultant|consulting\s+physician|interpreter|witness|case\s+manager|social\s+worker)"
)
RX_LABEL_NAME = re.compile(
    rf"(?:^|(?<=[\s(]))({LABEL})\s*:[ \t]*((?:{INIT}\s*)*{NW}(?:,?[ \t]+(?:{INIT}|{NW})){{0,3}})",
    re.M,
)
# The credential is found first (", MD"), then the name words before it.
RX_CRED_AFTER = re.compile(rf",\s+{CRED}(?![\w])")
RX_CRED_NAME_BEFORE = re.compile(rf"\b((?:{NW}|{INIT})(?:\s+(?:{INIT}|{NW})){{0,3}})$")


def _cred_names(text: str) -> list[re.Match]:
    found = []
    for c in RX_CRED_AFTER.finditer(text) if ", " in text else ():
        m = RX_CRED_NAME_BEFORE.search(text, max(0, c.start() - 120), c.start())
        if m:
            found.append(m)
    return found


RX_FIRST_INIT_LAST = re.compile(rf"\b({NW})\s+[A-Z]\.\s+({NW})")
RX_LAST_FIRST = re.compile(rf"\b({NW}),\s+({NW})(?:\s+({INIT}|{NW}))?")
RX_CAPSEQ = re.compile(rf"(?:{NW}|{INIT})(?:\s+(?:{NW}|{INIT})){{1,3}}")
RX_ALLCAPS_NAME_CUED = re.compile(
    r"\b(?:PATIENT(?:\s+NAME)?|NAME|PT|RE|SUBJECT|PHYSICIAN|SURGEON|ATTENDING|REFERRING"
    r"(?:\s+PHYSICIAN)?|PCP|PRIMARY\s+CARE\s+PHYSICIAN|CC|(?i:guarantor|subscriber|insured))"
    r"\s*:\s*"
    r"([A-Z][A-Za-z'’-]+(?:,?[ \t]+(?!(?:DOB|MRN|SEX|AGE|DOS|ACCT|FIN|MR|ID|SSN|SS|Soc|SOC"
    r"|Phone|PHONE|Tel|TEL)\b)"
    r"[A-Z][A-Za-z'’-]*\.?){0,3})"
)

_SUBJECT_VERBS = (
    r"then|tolerated|was|is|has|had|reports|reported|denies|denied|states|stated|says|said"
    r"|presented|presents|returned|returns|underwent|continues|continued|remains|remained"
    r"|complains|complained|notes|noted|feels|felt|walked|ambulated|moved|lives|lived|ate"
    r"|slept|agreed|declined|refused|received|went|came|arrived|became|developed|started"
    r"|stopped|completed|takes|took|uses|used|wants|wanted|prefers|understands|verbalized"
    r"|verbalizes|endorses|endorsed|describes|described|appears|appeared|will|would|can"
    r"|could|did|does|needs|needed|requires|required|voided|participated|attended|asked"
    r"|resting|sleeping|sitting|ambulating|eating|tolerating|lying|seen|discharged|admitted"
)
SUBJECT_VERBS = frozenset(_SUBJECT_VERBS.split("|"))
RX_FIRST_SUBJECT = re.compile(
    r"(?<![a-z]\s)(?<![a-z,]\s\s)(?<![-\w])([A-Z][a-z]{2,})\s+(?:(?:also|again|then)\s+)?$"
)
RX_UNKNOWN_SUBJECT = re.compile(
    r"([A-Z](?:(?<=^[A-Z])|(?<=[.!?]\s[A-Z])|(?<=\n[A-Z]))[a-z]{3,})\s+(?:presents|presented|reports|reported"
    r"|denies|denied|complains|complained|tolerated|agreed|declined|refused|endorses|feels"
    r"|states|stated|resting|sleeping|ambulating|tolerating|was\s+(?:discharged|admitted"
    r"|transferred))\b",
    re.M,
)
RX_TITLE_WORD = re.compile(TITLE)
RX_SUBJECT_AFTER = re.compile(rf"\s+(?:{_SUBJECT_VERBS}|tolerated|underwent|was|is)\b")
RX_DR_LOWER = re.compile(r"(?<![\w.])dr\.?[ \t]+([a-z][a-z'-]{2,})(?:[ \t]+([a-z][a-z'-]{2,}))?\b")
RX_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]{2,})[ \t]+$")
# "Last, First" at the start of a table row: a registration listing, so ordinary-word first
# names count ("Lynch, April | ...").
RX_ROW_LAST_FIRST = re.compile(
    r"^[ \t]*([A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?),[ \t]*([A-Z][a-z'’-]+)(?:[ \t]+[A-Z]\.?)?"
    r"[ \t]*\|",
    re.M,
)
RX_ROW_NAME = re.compile(
    rf"^[ \t]*((?:{NW}|[A-Z]{{2,}})(?:,?[ \t](?:{NW}|[A-Z]{{2,}})){{1,2}})[ \t]*(?:\t|\|)", re.M
)
RX_ROW_ID_CELL = re.compile(r"(?:\t|\|)[ \t]*(?:[A-Z]{0,3}\d{5,}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})")
RX_LABEL_LOWER = re.compile(
    r"(?im)(?:^|(?<=\s))(pt|patient|patient\s+name|pt\s+name|name)\s*[:#]\s*"
    r"([a-z][a-z'-]+)(?:\s+[a-z]\.?)?\s+([a-z][a-z'-]+)\b"
)
RX_INITIALS = re.compile(
    r"\b(?:(?i:for|of|pt\.?|patient|client|case|named|initials:?|mr\.?|ms\.?|mrs\.?|re:?)\s+"
    r"((?:[A-Z]\.\s?){2,3})(?![A-Za-z])|(?i:pt\.?|patient|client|initials:?|mr\.?|ms\.?|mrs\.?)"
    r"\s+([A-Z]{2,3})(?=\s+(?:is|was|has|had|reports|reported|seen|admitted|discharged|here"
    r"|denies|presents|presented|returns|returned|states|tolerated|then|c/o|complains|who|with)\b"
    r"|\s*,\s*\d|\s*\(\d))"
)
RX_INITIALS_SUBJECT = re.compile(
    r"(?:^|(?<=[\n.;:]\s)|(?<=\n))((?:[A-Z]\.\s?){2,3})(?=\s*(?:,\s*(?:a|an|\d)|is|was|has|had"
    r"|reports|presents|presented|returns|states|denies|tolerated|\()\b)",
    re.M,
)
RX_FIRST_POSSESSIVE = re.compile(
    r"\b([A-Z][a-z]{2,})['’]s\s+(?:mother|father|mom|dad|wife|husband|son|daughter|sister"
    r"|brother|parents|family|grandmother|grandfather|caregiver|partner|aunt|uncle|guardian)\b"
)
RX_FIRST_SLOT = re.compile(
    r"\b(?i:per|according\s+to|called\s+by|with\s+(?:his|her)\s+\w+,?|saw|seen|see|met\s+with"
    r"|spoke\s+(?:with|to)|talked\s+(?:with|to)|discussed\s+with|called|told|asked|examined"
    r"|(?:mother|father|mom|dad|wife|husband|son|daughter|sister|brother|caregiver|partner)"
    r"\s*\()\s*([A-Z][a-z]{2,})"
    r"(?=\s*[,.;)]|\s+(?:today|yesterday|at|in|for|on|by|and|who|with)\b)"
)
RX_CAPS_LAST_FIRST = re.compile(
    r"\b([A-Z]{2,}(?:[-'][A-Z]{2,})?),\s*([A-Z]{2,})\b(?!,\s*[A-Z]{2}\b)"
)
# Lower-case pairs are tried only at census first names: the pair, then what comes before.
RX_LOWER_PAIR = re.compile(r"([a-z]{3,})\s+([a-z]{3,})(?![\w@/-])")
RX_LOWER_PAIR_BEFORE = re.compile(
    r"(?:[\n.!?]\s|\n|\b(?i:(?:patient|pt|name|mr|mrs|ms|dr|wife|husband|son|daughter"
    r"|mother|father|brother|sister|friend|caregiver|contact|cc|re)\.?[:,]?\s+))$"
)
RX_PAIR_THEN_PERSON = re.compile(
    rf"\s*(?:,|\(|\s(?:{_SUBJECT_VERBS}|tolerated|underwent|came|c/o|\d))"
)
NOT_INITIALS = _w(
    """U.S. A.M. P.M. M.D. D.O. R.N. N.P. P.A. B.P. O.D. O.S. O.U. E.R. O.R. I.V. G.I. E.D.
    C.T. U.K. D.C. B.S. M.S. P.O. I.M. N.G. O.T. P.T. S.Q. A.D. B.C. E.U. U.N. ED ER OR ICU
    B.I.D. T.I.D. Q.I.D. Q.D. H.S. A.C. P.C. N.P.O. D.N.R. P.R.N. M.R.I. E.K.G. R.N.
    IV GI CT MRI US UK DC BP HR RR PO IM NG OT PT SQ ABC XXX XX X.X. EMS PCP ENT ECG EKG
    AND THE HIV HCV HBV COPD CHF CKD DM HTN MI CVA TIA UTI INR PTT CBC BMP CMP ALT AST BUN
    TSH EEG EMG CSF DNA DVT HSV RBC WBC ABG LFT UA SOB DOE"""
)

RX_HEAD_AFTER = re.compile(r"(?:['’]s?)?\s*(?:-\s*)?([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")
HEAD_NOUNS = _w(
    """
    reconstruction rule rules pupil contracture
    disease syndrome sign signs test tests reflex reflexes maneuver manoeuvre procedure
    operation scale score scores classification criteria fracture fractures palsy tumor
    tumour catheter catheters clamp clamps forceps retractor retractors scissors needle tube
    drain incision position stitch suture suction elevator rongeur curette knife blade
    phenomenon triad law lens bag body bodies cell cells node nodes nodules disorder anomaly
    malformation lymphoma sarcoma ulcer ulcers cyst cysts node ring space pouch canal duct
    duct's gland glands hernia hernias repair technique method approach point points lines
    line esophagus diverticulum thyroiditis encephalopathy dystrophy ataxia chorea hip
    stockings boots hose dressing dressings gauze solution coma stain index type grade stage
    class wort angle loop shunt valve filter balloon splint cast brace chart charts sheet
    respirations breathing nodes lesions lesion spots spot plaques cells trial questionnaire
    inventory exam examination view views protocol cocktail
    """
)

FUNCTION_WORDS = _w(
    """
    the a an and or but if of in on at to from by for with without he she they it we i you
    his her their its our my your this that these those there here then than when while who
    whom which what where why how is was were are be been being has had have do does did not
    no yes patient pt was will would should could may might must can also denies reports
    states says said notes noted presents presented complains describes admits today
    yesterday tomorrow tonight currently recently now please thank thanks dear sincerely
    regards cc re mr mrs ms dr all any each every some none other another monday tuesday
    wednesday thursday friday saturday sunday once january february march april may june july
    august september october november december left right bilateral
    caller claimant supervisor scheduler decedent proband
    """
)

PLACEHOLDER_WORDS = _w(
    """
    x xx xxx xxxx xyz abc abcd def sample placeholder month dd mm yyyy yy name redacted
    unknown blank doctor patient city state zip address
    """
)
RX_BRACKET = re.compile(
    r"\[[A-Z_ /-]{2,30}\]|<[A-Z_ /-]{2,30}>|\*\*[A-Z_ /-]{2,30}\*\*"
    # a redaction written in lower case ("[removed]", "[redacted]"; round 16)
    r"|\[(?:removed|redacted|deleted|withheld|omitted|masked|scrubbed|hidden|suppressed)\]"
)

GENERIC_FAC = _w(
    """
    general regional community memorial medical university children's childrens children
    women's womens women veterans va county state emergency family internal medicine
    cardiology surgery surgical orthopedic orthopaedic pain sleep cancer heart eye dental
    mental behavioral behavioural health rehabilitation outpatient inpatient primary care
    urgent wound diabetes dialysis kidney vascular vein spine neurology oncology pediatric
    pediatrics pulmonary nursing skilled long term acute the a an our this his her their
    local outside private public new main central elementary middle high school teaching
    academic affiliated nearby rural city town area and & of at for in same another other gi
    endocrine endocrinology rheumatology dermatology urology gynecology obstetrics ob ent
    ophthalmology psychiatry psychiatric hepatology liver transplant infectious disease hiv
    hcv hepatitis addiction recovery methadone suboxone treatment wellness diagnostic
    imaging radiology laboratory lab specialty specialist multispecialty anticoagulation
    coumadin fertility genetics allergy asthma breast brain stroke trauma burn neonatal
    senior geriatric adult adolescent youth student employee occupational sports physical
    therapy speech hearing voice travel weight loss bariatric lipid hypertension heart
    failure cardiac valve arrhythmia device infusion chemotherapy radiation hematology north
    south east west northern southern eastern western upper lower mid medicine nurse
    physician physicians doctors hospitalist clinics hospital hospitals clinic free charity
    federally qualified critical access tertiary quaternary level i ii iii center centre
    services service system department unit ward floor division program police fire
    interventional nuclear
    """
)


# Cue-led patterns are only tried where one of their first words starts (much faster than
# letting the regex engine try every position of a long text).
TRIGGERS = {
    "ID": _w("""mrn mr medical hospital health clinic chart record patient unit case encounter claim
        visit accession billing invoice specimen requisition order referral authorization
        authorisation prior confirmation reference ref acct account member membership
        subscriber policy group insurance beneficiary medicaid medicare mbi hicn dea npi driver
        drivers nursing professional state license licence lic certificate cert certification
        passport id identification fin csn upin employee badge tax tin ein"""),
    "LOC": _w("""lives live living resides reside residing resident residence moved moving relocated
        born raised grew travel traveled travelled traveling travelling trip vacation
        vacationed vacationing visiting visited home located based work works worked working
        employed transferred drove driving returned returning came comes originally hometown
        native emigrated immigrated commute commutes stay stays staying stayed farm shelter
        hails"""),
    "REL": _w("""wife husband son daughter mother father mom dad mum brother sister sibling aunt
        uncle niece nephew cousin grandson granddaughter grandmother grandfather grandma
        grandpa granddad grandchild stepson stepdaughter stepmother stepfather partner fianc
        boyfriend girlfriend spouse caregiver guardian friend neighbor neighbour roommate
        landlord employer coworker co boss teacher coach pastor sponsor surrogate proxy poa
        patient pt named name names called goes known n nee alias aka signed dictated
        transcribed referred attending resident fellow physician surgeon nurse practitioner
        provider pcp cc dear sincerely regards contact emergency next nok interpreter
        translator rn np md pa accompanied with by per to and"""),
    "LABEL": _w("""rn lpn cna np aide therapist scribe charge seen reviewed
        name patient pt attending presenter presented provider physician surgeon
        assistant anesthesiologist referring pcp primary resident fellow nurse author dictated
        signed electronically contact emergency guardian spouse mother father cc re from to
        consultant consulting interpreter witness case social"""),
    "DATEC": _w("""on since from until till through thru by dated date dob d born admit admitted
        admission discharge discharged seen visit surgery procedure scheduled return returns
        back last next starting started effective as of msg message called phoned faxed rec
        recd received"""),
}
TRIGGERS.update(
    {
        "PHONEC": _w(
            "phone tel telephone call cell mobile fax pager page beeper contact number ext"
            " questions callback"
        ),
        "PHONEF": _w(
            "phone telephone call fax faxed text texted page paged reach reached contact dial"
            " sent send resent"
        ),
        "SSNC": _w("ssn ss social soc"),
        "VEHP": _w("car truck van vehicle pickup suv sedan motorcycle jeep minivan trailer"),
        "IDG": _w("""mrn mr med medical chart acct account record records patient hospital filed
            charted registered listed charts"""),
        "DOB": _w("dob d date birth"),
        "VEH": _w("license licence number plate tag registration vin vehicle"),
        "DEV": _w("""serial serials s sn lot device udi imei mac implant generator lead pump
        pacemaker defibrillator icd stimulator"""),
        "TOWN": _w("town city village township borough hamlet county community municipality"),
        "AGE": _w("aged age ages at turned turns turning"),
        "SSNP": _w("ssn ss social last"),
        "VEHX": _w("car truck vehicle auto license licence tag tags plate plates reg regn rego"),
        "DEVX": _w("""ser serial serials s sn unit device pump monitor meter sensor transmitter
            receiver generator implant lot"""),
        "HOME": _w(
            "home house lives living lived resides residing apartment trailer farm"
            " property walked drove bystander found collapsed fell struck crash accident scene"
            " parked"
        ),
        "SLOT": _w("""per according called with saw seen see met spoke talked discussed told asked
            examined mother father mom dad wife husband son daughter sister brother caregiver
            partner"""),
        "INIT": _w("for of pt patient client case named initials mr ms mrs re"),
        "LBLLOW": _w("pt patient name"),
        "IDX": _w("""identifier beneficiary patient med h har mr pt acct enc visit csn fin empi
            mpi dl d dln group grp rx pcn plan
            payer prescriber provider pharmacy ncpdp insurance insured subscriber bcbs blue
            aetna cigna humana tricare unitedhealthcare united uhc kaiser anthem molina centene
            ambetter wellcare oscar amerigroup highmark optum caresource medica healthnet
            health"""),
    }
)
# Whole-text patterns that begin with one of these words (after a word boundary), now tried
# only where one starts; each set holds every word a match of its pattern can begin with.
TRIGGERS.update(
    {
        "TOWNLIKE": _w("in from to near outside around"),  # RX_TOWN_LIKE
        "LOCPREP": _w("in from near to at of outside around between"),  # RX_LOC_PREP
        "MOVE": _w(  # RX_MOVE_FROM_TO
            "moved moving relocated relocating emigrated immigrated came drove travelled"
            " traveled went"
        ),
        "UNIT": _w("apt apartment unit suite ste"),  # RX_ADDRESS_UNIT_ONLY
        "SSNB": _w("ssn ss social"),  # RX_SSN_BROKEN
        "GOESBY6": _w("goes known a ak aka nicknamed"),  # RX_GOES_BY6 ("a.k.a", "ak.a", "aka")
        "QNICK6": _w("client pt patient guy man woman"),  # RX_QUOTED_NICK6
        "MONTHS8": _w(  # RX_SPOKEN_DATE8
            "january february march april may june july august september october november december"
        ),
    }
)
RX_WORD = re.compile(r"[A-Za-z]+")
# The only characters that match an ASCII letter in any case (Python's re): "i" matches "ı"
# and "İ", "s" matches "ſ", "k" the Kelvin sign. No other character outside ASCII has a
# lower() that is ASCII or of another length. `folded` reads them as the letters; a text
# without them writes every ASCII letter as one, in any case (the tests check every code
# point).
RX_CASE_ALIAS = re.compile("[\u0130\u0131\u017f\u212a]")


def _letters_ascii(text: str) -> bool:
    """Whether no character of `text` matches an ASCII letter in any case but ASCII letters."""
    return text.isascii() or RX_CASE_ALIAS.search(text) is None


_NOWHERE: list[int] = []  # shared: never appended to


class _WordIndex:
    """The positions of each lowercase word of a text."""

    __slots__ = ("_at", "ascii", "cues", "exact", "positions")

    def __init__(self, text: str):
        self.ascii = text.isascii()
        # every word a pattern matches in any case is a word of the index (see RX_CASE_ALIAS)
        self.exact = _letters_ascii(text)
        positions: defaultdict[str, list[int]] = defaultdict(list)
        # lower() keeps an ASCII text's offsets (not every non-ASCII one's)
        if text.isascii():
            for m in RX_WORD.finditer(text.lower()):
                positions[m.group()].append(m.start())
        else:
            for m in RX_WORD.finditer(text):
                positions[m.group().lower()].append(m.start())
        self.positions: dict[str, list[int]] = dict(positions)
        self._at: dict[frozenset[str], list[int]] = {}
        # the TRIGGERS kinds with a word in the text: most cue-led rules are skipped on this
        keys = self.positions.keys()
        self.cues = frozenset(kind for kind, cue in TRIGGERS.items() if not keys.isdisjoint(cue))

    def holds(self, kind: str) -> bool:
        """Whether every word of TRIGGERS[kind] in the text, in any case, is in the index."""
        return self.exact and (self.ascii or kind not in _UNINDEXED)

    def at(self, words: frozenset[str]) -> list[int]:
        """Sorted positions of any of `words` (the same sets are asked for again and again).
        The list is shared: callers only read it."""
        found = self._at.get(words)
        if found is None:
            positions = self.positions
            present = positions.keys() & words  # a set operation in C, over the smaller side
            if not present:
                found = _NOWHERE
            elif len(present) == 1:
                found = positions[next(iter(present))]  # one word's positions are in order
            else:
                found = sorted([p for w in present for p in positions[w]])
            self._at[words] = found
        return found

    def starting(self, words: frozenset[str]) -> list[int]:
        """Sorted positions of the words that begin with one of `words` ("walmartstore")."""
        heads = tuple(words)
        found = [p for w, ps in self.positions.items() if w.startswith(heads) for p in ps]
        found.sort()
        return found


RX_CASE_FLAG = re.compile(r"\(\?[aLmsux]*i")  # "(?i)", "(?im)", "(?i:" (not "(?-i:")
_ANY_CASE: dict[re.Pattern, bool] = {}


def _any_case(rx: re.Pattern) -> bool:
    """Whether `rx`, or a part of it, matches letters in any case."""
    any_case = _ANY_CASE.get(rx)
    if any_case is None:
        any_case = bool(rx.flags & re.IGNORECASE) or RX_CASE_FLAG.search(rx.pattern) is not None
        _ANY_CASE[rx] = any_case
    return any_case


def _words_index(text: str) -> _WordIndex:
    return _WordIndex(text)


def _triggered(
    rx: re.Pattern, kind: str, text: str, words: _WordIndex, glued: bool = False
) -> list[re.Match]:
    """The matches of `rx` that begin where one of the words of TRIGGERS[kind] starts.

    With `glued`, also where an indexed word only begins with one: the index splits at
    non-letters, so a cue word run into the next word ("Walmartstore") is indexed as one.
    A pattern matching any case is run over the whole of a text that writes a letter with
    a character that matches it in any case ("ı", "İ", "ſ", the Kelvin sign: see
    RX_CASE_ALIAS): the index holds ASCII letters only, so a cue word may be written with
    none of its letters. In any other text a cue word is written in ASCII letters; a
    character outside ASCII only parts words, as the index does.
    """
    if _any_case(rx) and not words.holds(kind):
        return list(rx.finditer(text))
    if not glued and kind not in words.cues:
        return []
    spots = words.starting(TRIGGERS[kind]) if glued else words.at(TRIGGERS[kind])
    if not spots:
        return []
    out = []
    last_end = -1
    for pos in spots:
        if pos >= last_end:
            m = rx.match(text, pos)
            if m:
                out.append(m)
                last_end = m.end()
    return out


# ----------------------------------------------------------------------------- cue rules
_Veto = Callable[["_Ctx", str, re.Match], bool]


@dataclass(frozen=True, slots=True)
class CueRule:
    """One cue-led recogniser: a pattern, where to try it, what vetoes it, what it finds.

    A rule runs in its `stage` (the recogniser function that applies it), in table order, so
    candidates are proposed in a fixed order. The cheap gates (`chars`, `lower`, `words`,
    `hint`, `needs`) must all pass before the pattern is tried at all; then, for each match,
    the `near` window must and the `not_near` window must not hold a match, and `veto` must
    not object.
    """

    stage: str
    rx: re.Pattern
    cat: str
    conf: float
    group: int = 1  # the group that is the identifier (0: the whole match)
    cue: str | None = None  # TRIGGERS key: tried only where one of these words starts
    glued: bool = False  # the cue word may run into the next word (see _triggered)
    chars: tuple[str, ...] = ()  # one of these must be in the text
    lower: tuple[str, ...] = ()  # one of these must be in the lower-cased text
    words: frozenset[str] = frozenset()  # one of these words must be in the text
    hint: re.Pattern | None = None  # must be found in the text
    needs: Callable[[str, str], bool] | None = None  # any other test of (text, lower-cased)
    near: tuple[re.Pattern, int] | None = None  # must be found in the N chars before
    not_near: tuple[re.Pattern, int] | None = None  # must not be found in the N chars before
    veto: _Veto | None = None
    also: int = 0  # a second group, taken too when it matched


def _rule_applies(rule: CueRule, text: str, low: str | None, keys, exact: bool) -> bool:
    if rule.chars and not any(c in text for c in rule.chars):
        return False
    # the index holds ASCII letters only: "NİCKNAMED" (a dotted capital I) is not indexed as
    # "nicknamed", so a rule that matches any case is not gated by it on such a text
    if rule.words and not keys & rule.words and (exact or not _any_case(rule.rx)):
        return False
    if rule.hint is not None and not rule.hint.search(text):
        return False
    if rule.lower or rule.needs is not None:
        low = text.lower() if low is None else low
        if rule.lower and not any(c in low for c in rule.lower):
            return False
        return rule.needs is None or rule.needs(text, low)
    return True


def _apply_cues(stage: str, ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    """Propose the candidates of every rule of `stage` (see CUE_RULES)."""
    keys = words_ix.positions.keys()
    low = ctx.low_text if _STAGE_LOWER[stage] else None
    exact = words_ix.exact
    cues = words_ix.cues
    for rule in _STAGES[stage]:
        # A cue-led rule without its cue word in the text matches nowhere (see _triggered):
        # its gates need not be read.
        if (
            rule.cue
            and rule.cue not in cues
            and not rule.glued
            and (words_ix.holds(rule.cue) or not _any_case(rule.rx))
        ):
            continue
        if not _rule_applies(rule, text, low, keys, exact):
            continue
        matches = (
            _triggered(rule.rx, rule.cue, text, words_ix, rule.glued)
            if rule.cue
            else rule.rx.finditer(text)
        )
        g, cat, conf, near, not_near, veto = (
            rule.group,
            rule.cat,
            rule.conf,
            rule.near,
            rule.not_near,
            rule.veto,
        )
        for m in matches:
            if near is not None and not near[0].search(
                text, max(0, m.start() - near[1]), m.start()
            ):
                continue
            if not_near is not None and not_near[0].search(
                text, max(0, m.start() - not_near[1]), m.start()
            ):
                continue
            if veto is not None and veto(ctx, text, m):
                continue
            out.append((m.start(g), m.end(g), cat, conf))
            if rule.also and m.group(rule.also):
                out.append((m.start(rule.also), m.end(rule.also), cat, conf))


# ----------------------------------------------------------------------------- helpers
class _Folded:
    """A pattern of lower-case words to be matched in any case, run on the lower-cased text.

    Python's engine tries a case-insensitive pattern at every position of a text; the same
    pattern without the flag, on the lower-cased text, skips straight to the positions that
    hold one of its first letters (several times faster on a case body). On a text without
    the characters of RX_CASE_ALIAS lower() keeps every offset, turns no other character into
    an ASCII one, keeps what is a word character, digit or space, and a letter matches a
    word's letter in any case exactly when its lower case does, so the spans are the same;
    any other text is searched as it is. The pattern must be ASCII, with no upper-case letter
    and nothing whose meaning depends on case.
    """

    __slots__ = ("any_case", "lower")

    def __init__(self, pattern: str):
        self.any_case = re.compile(pattern, IGN)
        self.lower = re.compile(pattern)

    def spans(self, text: str, low: str) -> list[tuple[int, int]]:
        """(start, end) of each match in `text`; `low` is text.lower()."""
        if _letters_ascii(text):
            return [m.span() for m in self.lower.finditer(low)]
        return [m.span() for m in self.any_case.finditer(text)]

    def found(self, text: str, low: str | None = None) -> bool:
        if _letters_ascii(text):
            return self.lower.search(text.lower() if low is None else low) is not None
        return self.any_case.search(text) is not None


def _cands_from(rx: re.Pattern, text: str, cat: str, conf: float, group: int = 0, out=None):
    for m in rx.finditer(text):
        s, e = m.span(group)
        if s >= 0 and e > s:
            out.append((s, e, cat, conf))


def _is_placeholder(span: str) -> bool:
    words = re.findall(r"[A-Za-z]+", span)
    if not words:
        return False
    return all(
        w.lower() in PLACEHOLDER_WORDS or (len(w) == 1 and w.isupper()) or re.fullmatch(r"[Xx]+", w)
        for w in words
    )


def _strip_possessive(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    if seg.endswith(("'s", "’s")):
        e -= 2
    elif seg.endswith(("'", "’")):
        e -= 1
    return s, e


def _fold(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


class _Ctx:
    """Per-call helper around the lexicon (no shared mutable state)."""

    __slots__ = ("_census", "_low_text", "_lows", "_zips", "lex", "text")

    def __init__(self, text: str):
        self.lex = lexicon.get()
        self.text = text
        self._low_text: str | None = None
        self._lows: dict[str, str] = {}  # low() of each word asked about: asked again and again
        # passes over the whole text that several recognisers read: made once, on first use
        self._zips: list[re.Match] | None = None
        self._census: list[re.Match] | None = None

    @property
    def low_text(self) -> str:
        """The text lower-cased (made once, on first use)."""
        if self._low_text is None:
            self._low_text = self.text.lower()
        return self._low_text

    @property
    def zips(self) -> list[re.Match]:
        """Every five-digit number (with its +4) of the text."""
        if self._zips is None:
            self._zips = list(RX_ZIP_ONLY.finditer(self.text))
        return self._zips

    @property
    def census_rows(self) -> list[re.Match]:
        if self._census is None:
            self._census = _census_rows(self.text)
        return self._census

    def low(self, w: str) -> str:
        lw = self._lows.get(w)
        if lw is None:
            lw = w.lower().replace("’", "'")
            if not lw.isascii():
                lw = _fold(lw)
            if lw.endswith("'s"):
                lw = lw[:-2]
            self._lows[w] = lw
        return lw

    def is_first(self, w: str) -> bool:
        return self.low(w) in self.lex.first

    def is_last(self, w: str) -> bool:
        lw = self.low(w)
        return lw in self.lex.last or ("-" in lw and all(p in self.lex.last for p in lw.split("-")))

    def intl_only(self, w: str) -> bool:
        return self.low(w) in self.lex.intl_only

    def is_name(self, w: str) -> bool:
        return self.is_first(w) or self.is_last(w)

    def is_clinical(self, w: str) -> bool:
        return self.low(w) in self.lex.clinical

    def is_common(self, w: str) -> bool:
        lw = self.low(w)
        lex = self.lex
        if (lw in lex.first or lw in lex.last) and lw not in lex.ambiguous:
            return lw in FUNCTION_WORDS or lw in HEAD_NOUNS
        return lw in FUNCTION_WORDS or lw in self.lex.common or lw in HEAD_NOUNS

    def is_ambiguous(self, w: str) -> bool:
        lw = self.low(w)
        return lw in self.lex.ambiguous or lw in FUNCTION_WORDS or lw in self.lex.clinical

    def plausible_name_word(self, w: str, cued: bool) -> bool:
        """May w be part of a person's name?"""
        lw = self.low(w)
        if lw in FUNCTION_WORDS or lw in HEAD_NOUNS or lw in PLACEHOLDER_WORDS:
            return False
        if lw.upper() in STATE_ABBR and w.isupper():
            return False
        if lw in STATES:
            return False
        if cued:
            if lw in self.lex.clinical and not self.is_name(w):
                return False
            return not (lw in self.lex.common and not self.is_name(w))
        if lw in self.lex.clinical:
            return False
        return self.is_name(w) or lw not in self.lex.common

    def followed_by_head(self, e: int) -> bool:
        m = RX_HEAD_AFTER.match(self.text[e : e + 40])
        if not m:
            return False
        if m.group(1).lower() in HEAD_NOUNS:
            return True
        # one lower-case word between: "San Francisco syncope rule", "Ottawa ankle rules"
        return (
            m.group(2) is not None
            and m.group(1).islower()
            and m.group(1) not in FUNCTION_WORDS
            and m.group(2).lower() in HEAD_NOUNS
        )


# Cheap tests that a whole-text pattern can match at all (each is a necessary part of it).
RX_COUNTY_HINT = re.compile(r"County|Parish|Township")
RX_RELIGIOUS_HINT = re.compile(r"Lady|Sacred|Good|Holy|Mount|Mt|Divine|Sisters")
RX_SEVENTEEN = re.compile(r"[A-Za-z0-9]{17}")
SUBJECT_HINTS = _w(
    """presents presented reports reported denies denied complains complained tolerated agreed
    declined refused endorses feels states stated resting sleeping ambulating tolerating
    was"""
)
RX_INITIALS_HINT = re.compile(r"\.(?<=[A-Z]\.)\s?[A-Z]\.")
RX_CAPS_COMMA_HINT = re.compile(r",(?<=[A-Z]{2},)\s*[A-Z]{2}")
RX_MIDDLE_INITIAL_HINT = re.compile(r"\.(?<=\s[A-Z]\.)\s")
RX_LAST_FIRST_HINT = re.compile(rf",(?<=[{LO}],)\s+(?:[OD]['’]|Ma?c)?[{UP}]")


# ----------------------------------------------------------------------------- recognisers
def _surname_after_initial10(ctx: _Ctx, seg: str) -> bool:
    """ "G. Ouellette": a surname of the lists, not an ordinary word ("Dr. X. Blood work")."""
    parts = seg.split(" ")
    if len(parts) < 2 or "\n" in parts[0]:
        return False
    w = parts[1].rstrip(".,;:")
    return bool(w) and "\n" not in w and ctx.is_name(w) and not ctx.is_common(w)


def _names(ctx: _Ctx, text: str, out: list, words_ix) -> None:
    m: re.Match[str] | None
    found: list[tuple[int, int, float]] = []

    def take_words(s: int, seg: str, cued: bool, conf: float) -> None:
        """Keep the leading words of seg that look like name words."""
        end = s
        n = 0
        for m in re.finditer(r"\S+", seg):
            w = m.group().rstrip(",;:")
            core = w.rstrip(".")
            if re.fullmatch(r"[A-Z]\.?", w):
                end = s + m.start() + len(w)
                continue
            if not ctx.plausible_name_word(core, cued or n == 0 and cued):
                break
            if n >= 1 and not cued and not ctx.is_name(core):
                break
            end = s + m.start() + len(core)
            n += 1
            if w != m.group():  # trailing comma etc. ends the name
                break
        if n:
            a, b = _strip_possessive(text, s, end)
            if not ctx.followed_by_head(b):
                found.append((a, b, conf))

    for m in _triggered(RX_TITLE_NAME, "TITLE", text, words_ix):
        s = m.start(1)
        seg = m.group(1)
        first = seg.split()[0]
        # "Dr. X" is a placeholder, and "Dr. Y. Hemoccult cards" one before a sentence; "Dr G.
        # Ouellette" is a name written with an initial (a surname of the lists follows it)
        if (_is_placeholder(first) or first.lower() in PLACEHOLDER_WORDS) and (
            not re.fullmatch(r"[A-Z]\.", first)
            or _is_placeholder(seg)
            or not (
                _surname_after_initial10(ctx, seg)
                or _surname_after_initial19(ctx, seg, text[m.end(1) : m.end(1) + 1])
            )
        ):
            continue
        if re.fullmatch(r"[A-Z]{2,}", first) and first.lower() in PLACEHOLDER_WORDS:
            continue
        take_words(s, seg, True, 0.95)

    for m in _triggered(RX_REL_NAME, "REL", text, words_ix):
        cue = m.group(1).lower()
        weak = cue in (
            "by",
            "per",
            "to",
            "and",
            "cc",
            "dear",
            "contact",
            "md",
            "rn",
            "np",
            "pa",
            "provider",
            "physician",
            "resident",
            "fellow",
            "attending",
            "practitioner",
        )
        seg = m.group(2)
        words = seg.split()
        if weak:
            # needs lexicon support: a first name or a surname that is not a word
            w0 = words[0]
            if not (ctx.is_name(w0) and not ctx.is_ambiguous(w0)):
                continue
            if cue in ("to", "and", "by", "per") and len(words) < 2:
                continue
            if cue in ("to", "and", "by", "per") and not (
                ctx.is_first(w0) and ctx.is_name(words[1])
            ):
                continue
        take_words(m.start(2), seg, True, 0.85 if not weak else 0.7)

    for m in _triggered(RX_LABEL_NAME, "LABEL", text, words_ix):
        seg = m.group(2)
        if "," in seg:
            a, b = seg.split(",", 1)
            if ctx.plausible_name_word(a.strip(), True) and ctx.plausible_name_word(
                b.split()[0].rstrip("."), True
            ):
                e = m.start(2) + len(a) + 1 + len(b.rstrip())
                found.append((m.start(2), e, 0.8))
                continue
            seg = a
        take_words(m.start(2), seg, True, 0.8)

    for m in RX_FIRST_INIT_LAST.finditer(text) if RX_MIDDLE_INITIAL_HINT.search(text) else ():
        f, la = m.group(1), m.group(2)
        if (
            ctx.plausible_name_word(f, False)
            and ctx.plausible_name_word(la, False)
            and not ctx.followed_by_head(m.end())
        ):
            found.append((m.start(), m.end(), 0.75))

    for m in _cred_names(text):
        seg = m.group(1)
        words = seg.split()
        # keep the tail that looks like a name (drop leading sentence words)
        while words and not ctx.plausible_name_word(words[0].rstrip("."), True):
            words = words[1:]
        if not words or _is_placeholder(" ".join(words)):
            continue
        start = m.end(1) - len(" ".join(words)) if seg.endswith(words[-1]) else m.start(1)
        start = text.find(words[0], m.start(1))
        take_words(start, text[start : m.end(1)], True, 0.9)

    for m in RX_LAST_FIRST.finditer(text) if RX_LAST_FIRST_HINT.search(text) else ():
        last, first = m.group(1), m.group(2)
        last_ok = ctx.is_last(last) or (len(last) >= 3 and not ctx.is_common(last))
        if (
            last_ok
            and ctx.is_first(first)
            and not ctx.is_ambiguous(first)
            and (not ctx.is_clinical(last) or ctx.is_last(last))
            and not ctx.is_common(first)
            and last.lower() not in FUNCTION_WORDS
            and last.lower() not in STATES
            and first.lower() not in STATES
        ):
            e = (
                m.end(3)
                if m.group(3) and (len(m.group(3)) == 2 or ctx.is_name(m.group(3)))
                else m.end(2)
            )
            found.append((m.start(1), e, 0.7))

    for m in _triggered(RX_ALLCAPS_NAME_CUED, "CAPSLBL", text, words_ix):
        seg = m.group(1)
        if _is_placeholder(seg):
            continue
        words = re.findall(r"[A-Za-z'’-]+", seg)
        # the name ends before an ordinary word after it ("PATIENT: ANA ROSS ROOM 4")
        cut = next((w for w in words[2:] if ctx.is_common(w) or ctx.is_clinical(w)), None)
        if cut:
            seg = seg[: seg.index(cut, len(words[0]) + len(words[1]))]
        e = m.start(1) + len(seg.rstrip(". ,"))
        if words and all(ctx.is_name(w) or len(w) == 1 for w in words[:2]):
            found.append((m.start(1), e, 0.8))
        elif (
            len(words) >= 2
            and (seg.split(",")[0].strip() == words[0] or "," not in seg)
            and all(w.isupper() and len(w) > 1 for w in words[:2])
            and not any(ctx.is_common(w) or ctx.is_clinical(w) for w in words[:2])
        ):
            # "SURNAME, GIVEN" or "GIVEN SURNAME" after a registration label: the form is
            # the evidence
            found.append((m.start(1), e, 0.75))

    # "dr haldane", "dr. ana costa" typed in lower case
    for m in RX_DR_LOWER.finditer(text) if "dr" in words_ix.positions else ():
        w1, w2 = m.group(1), m.group(2)
        if ctx.is_common(w1) and not ctx.is_name(w1) or ctx.is_clinical(w1):
            continue
        e = m.end(1)
        if w2 and (ctx.is_name(w2) or not (ctx.is_common(w2) or ctx.is_clinical(w2))):
            e = m.end(2)
        found.append((m.start(1), e, 0.7))

    # Uncued title-case sequences: First Last, First M. Last, First Middle Last
    for m in RX_CAPSEQ.finditer(text):
        toks = [
            (t.start() + m.start(), t.end() + m.start(), t.group())
            for t in re.finditer(r"\S+", m.group())
        ]
        for i in range(len(toks) - 1):
            fs, fe, fw = toks[i]
            if len(fw) < 2 or fw.endswith("."):
                continue
            j = i + 1
            while j < len(toks) - 1 and re.fullmatch(r"[A-Z]\.", toks[j][2]):
                j += 1
            ls, le, lw = toks[j]
            if lw.endswith(".") or len(lw) < 2:
                continue
            if not ctx.is_first(fw) and not (
                ctx.is_last(lw)
                and not ctx.is_ambiguous(lw)
                and not ctx.is_common(lw)
                and ctx.plausible_name_word(fw, False)
                and len(fw) >= 3
            ):
                continue
            f_ok = not ctx.is_ambiguous(fw) and not ctx.is_common(fw)
            l_strong = ctx.is_last(lw) and not ctx.is_ambiguous(lw) and not ctx.is_common(lw)
            l_ok = ctx.plausible_name_word(lw, False) or (
                ctx.is_last(lw) and ctx.low(lw) not in FUNCTION_WORDS
            )
            if (f_ok and l_ok) or (
                l_strong and not ctx.is_common(fw) and fw.lower() not in FUNCTION_WORDS
            ):
                if ctx.followed_by_head(le):
                    continue
                if fw.lower() in HEAD_NOUNS or lw.lower() in HEAD_NOUNS:
                    continue
                a, b = _strip_possessive(text, fs, le)
                found.append((a, b, 0.75))
                break

    # A first name alone as the subject of a clinical verb ("Kevin tolerated the procedure").
    for pos in words_ix.at(SUBJECT_VERBS):
        m = RX_FIRST_SUBJECT.search(text, max(0, pos - 30), pos)
        if not m:
            continue
        w = m.group(1)
        if (
            ctx.is_first(w)
            and not ctx.is_ambiguous(w)
            and not ctx.is_common(w)
            and not ctx.is_clinical(w)
            and w.lower() not in STATES
        ):
            found.append((m.start(1), m.end(1), 0.7))
    # A word in no list, starting a sentence, as the subject of what only people do.
    for m in RX_UNKNOWN_SUBJECT.finditer(text) if words_ix.positions.keys() & SUBJECT_HINTS else ():
        w = m.group(1)
        if not (
            ctx.is_common(w)
            or ctx.is_clinical(w)
            or ctx.is_ambiguous(w)
            or w.lower() in HEAD_NOUNS
            or w.lower() in STATES
            or w.lower() in MONTH_WORDS
            or w.lower() in ctx.lex.cities
        ):
            found.append((m.start(1), m.end(1), 0.6))
    # Names written in lower case after a label ("Pt: victor martinez").
    for m in _triggered(RX_LABEL_LOWER, "LBLLOW", text, words_ix):
        first, last = m.group(2), m.group(3)
        if ctx.is_first(first) and ctx.is_name(last) and last not in FUNCTION_WORDS:
            found.append((m.start(2), m.end(3), 0.75))
    # Initials: "Case for J.G.", "pt. JG reports".
    for m in _triggered(RX_INITIALS, "INIT", text, words_ix):
        g = 1 if m.group(1) else 2
        if re.sub(r"\s", "", m.group(g)).upper() not in NOT_INITIALS:
            found.append((m.start(g), m.end(g), 0.7))

    # Dotted initials as a subject or at the start of a line ("J.G. is a 45-year-old").
    for m in RX_INITIALS_SUBJECT.finditer(text) if RX_INITIALS_HINT.search(text) else ():
        if re.sub(r"\s", "", m.group(1)).upper() not in NOT_INITIALS:
            found.append((m.start(1), m.end(1), 0.7))
    # "Kevin's mother", "per Angela,": a census first name in a relation or source slot.
    slots = list(RX_FIRST_POSSESSIVE.finditer(text)) if "'s" in text or "’s" in text else []
    slots += _triggered(RX_FIRST_SLOT, "SLOT", text, words_ix)
    for m in slots:
        w = m.group(1)
        if (
            ctx.is_first(w)
            and not ctx.is_ambiguous(w)
            and not ctx.is_common(w)
            and not ctx.is_clinical(w)
        ):
            found.append((m.start(1), m.end(1), 0.7))
    if "|" in text:
        for m in RX_ROW_LAST_FIRST.finditer(text):
            last, first = m.group(1), m.group(2)
            if ctx.is_last(last) or (ctx.is_first(first) and not ctx.is_clinical(last)):
                found.append((m.start(1), m.end(2), 0.75))

    # Registration rows "Given Surname<TAB>number<TAB>date" or "... | number | ...": two or
    # three name-shaped words opening a row whose other cells hold a long number or a date.
    if "\t" in text or "|" in text:
        for m in RX_ROW_NAME.finditer(text):
            eol = text.find("\n", m.end())
            rest = text[m.end() : eol if eol >= 0 else len(text)]
            words = re.findall(r"[^\s,]+", m.group(1))
            if not RX_ROW_ID_CELL.search(rest):
                continue
            if any(
                ctx.is_clinical(w)
                or (ctx.is_common(w) and not ctx.is_name(w))
                or w.lower() in STATES
                or w in NOT_INITIALS
                or (w.isupper() and not ctx.is_name(w))
                for w in words
            ):
                continue
            found.append((m.start(1), m.end(1), 0.7))

    # ALL-CAPS "LAST, FIRST" as registration systems print it.
    def census(w: str) -> bool:
        return ctx.is_name(w) and not ctx.intl_only(w) and len(w) >= 4

    for m in RX_CAPS_LAST_FIRST.finditer(text) if RX_CAPS_COMMA_HINT.search(text) else ():
        last, first = m.group(1), m.group(2)
        # ALL CAPS hides what case would tell, and lab panels ("SPE, ANA") look like this:
        # only the census lists count here, or a person's verb after the pair
        if (
            ctx.is_last(last)
            and ctx.is_first(first)
            and not ctx.is_clinical(last)
            and not ctx.intl_only(last)
            and not ctx.intl_only(first)
        ):
            found.append((m.start(1), m.end(2), 0.75))
        elif not any(
            ctx.is_common(w) or ctx.is_clinical(w) or len(w) < 3 for w in (last, first)
        ) and (
            (census(last) and len(first) >= 4 and (census(first) or len(first) >= 5))
            or (census(first) and len(last) >= 5)
            or (
                all(len(w) >= 4 and re.search("[AEIOUY]", w) for w in (last, first))
                and not (last in NOT_INITIALS or first in NOT_INITIALS)
                and RX_SUBJECT_AFTER.match(text, m.end(2))
            )
        ):
            # one known name word is enough in this form, or a person's verb after it
            found.append((m.start(1), m.end(2), 0.7))
    # Names written in lower case: a census first name then a surname, one of them not a word.
    # intersection() walks the text's words; `frozenset & keys` would walk the whole list
    for pos in words_ix.at(ctx.lex.first.intersection(words_ix.positions)):
        m = RX_LOWER_PAIR.match(text, pos)
        if not m:
            continue
        cue = RX_LOWER_PAIR_BEFORE.search(text, max(0, pos - 30), pos)
        if not cue or cue.group()[:1] in "\n.!?":
            # At the start of a text, line or sentence the pair must open a sentence about
            # someone ("victor martinez is a 62 yo man"): a bare term ("vena cava", "gia
            # stapler", "richard simmons" as a topic or keyword) is not a name.
            if not (cue or pos == 0 or text[pos - 1] == "\n"):
                continue
            if not RX_PAIR_THEN_PERSON.match(text, m.end()):
                continue
        first, last = m.group(1), m.group(2)
        if (
            ctx.is_first(first)
            and ctx.is_last(last)
            and not ctx.is_common(last)
            and not ctx.is_clinical(first)
            and not ctx.is_clinical(last)
            and first not in FUNCTION_WORDS
            and last not in FUNCTION_WORDS
        ):
            found.append((m.start(1), m.end(2), 0.6))

    _more_names(ctx, text, found, words_ix)
    # Propagate: other title-case mentions of a detected name word in the same text
    words = set()
    for s, e, _ in found:
        for w in re.findall(r"[A-ZÀ-Þ][A-Za-zß-ÿ'’-]+", text[s:e]):
            w2 = re.sub(r"['’]s$", "", w)
            if (
                len(w2) >= 3
                and w2.lower() not in FUNCTION_WORDS
                and not ctx.is_clinical(w2)
                and w2.lower() not in PLACEHOLDER_WORDS
                and w2.lower() not in STATES
            ):
                words.add(w2)
    if words:
        rx = re.compile(
            r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b"
        )
        for m in rx.finditer(text):
            if not ctx.followed_by_head(m.end()):
                found.append((m.start(), m.end(), 0.6))
                # a first name just before a known surname names that person
                before = RX_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
                if (
                    before
                    and ctx.is_first(before.group(1))
                    and not ctx.is_clinical(before.group(1))
                    and not RX_TITLE_WORD.fullmatch(before.group(1))
                ):
                    found.append((before.start(1), m.end(), 0.6))

    for s, e, c in found:
        out.append((s, e, "NAME", c))


def _locations(ctx: _Ctx, text: str, out: list, words_ix) -> None:
    m: re.Match[str] | None
    cand: str | None
    lex = ctx.lex

    def city_ok(name: str, strong: bool) -> bool:
        ln = name.lower()
        words = name.split()
        if ln in STATES or _is_placeholder(name):
            return False
        if any(w.lower() in FUNCTION_WORDS for w in words[:1]):
            return False
        if strong:
            return not all(
                ctx.is_clinical(w)
                or w.lower() in HEAD_NOUNS
                or (ctx.is_common(w) and not ctx.is_name(w) and ln not in lex.cities)
                for w in words
            )
        return (
            ln in lex.cities
            and ln not in lex.common_cities
            and not ctx.is_clinical(name)
            and not ctx.is_first(name)
        )

    def trim_city(s: int, name: str) -> tuple[int, int] | None:
        """Longest prefix of name that is a known city, else None."""
        words = name.split(" ")
        for k in range(min(len(words), lex.max_city_words), 0, -1):
            cand = " ".join(words[:k])
            if cand.lower() in lex.cities:
                return s, s + len(cand)
        return None

    for m in RX_CITY_STATE.finditer(text) if RX_CITY_STATE_HINT.search(text) else ():
        name, st = m.group(1), m.group(2)
        # The city part may include preceding sentence words: keep the longest city suffix
        words = name.split(" ")
        best = None
        for k in range(len(words)):
            cand = " ".join(words[k:])
            if cand.lower() in lex.cities:
                best = cand
                break
        cred = st in ("MD", "PA", "DO", "OR", "IN", "ME", "OK", "HI", "MA", "CO", "ID", "DE")
        if best is None:
            cand = words[-1] if len(words) > 1 else name
            placed = RX_PLACE_PREP_BEFORE.search(
                text, max(0, m.end(1) - len(cand) - 12), m.end(1) - len(cand)
            )
            if (
                cred
                or (ctx.is_common(cand) and not (placed and len(st) == 2))
                or ctx.is_clinical(cand)
                or len(cand) < 3
            ):
                cand = None
            best = cand
        if best is None:
            if m.group(3):
                out.append((m.start(3), m.end(3), "LOCATION", 0.9))
            continue
        if cred and (ctx.is_name(best) and best.lower() not in lex.cities):
            continue
        if cred and st in ("MD", "PA", "DO") and ctx.is_last(best) and not m.group(3):
            continue
        s = m.end(1) - len(best)
        if best.lower() in STATES or best.lower() in FUNCTION_WORDS:
            continue
        prefix = RX_PREFIX_BEFORE.search(text, max(0, s - 8), s)
        if prefix:
            s = prefix.start()
        out.append((s, m.end(1), "LOCATION", 0.85))
        if m.group(3):
            out.append((m.start(3), m.end(3), "LOCATION", 0.9))

    if ctx.zips:  # most texts hold no five-digit number at all
        _cands_from(RX_ZIP_STATE, text, "LOCATION", 0.85, 1, out)
        _cands_from(RX_ZIP_CUED, text, "LOCATION", 0.9, 1, out)

    for m in _triggered(RX_LOC_CUED, "LOC", text, words_ix):
        name = m.group(1)
        name = re.sub(r"['’]s$", "", name)
        tc = trim_city(m.start(1), name)
        if tc:
            if city_ok(text[tc[0] : tc[1]], True) or not ctx.followed_by_head(tc[1]):
                out.append((tc[0], tc[1], "LOCATION", 0.85))
            continue
        first_word = name.split(" ")[0]
        parts = name.split(" ")
        if (
            first_word in TOWN_PREFIXES
            and len(parts) > 1
            and f"{first_word} {parts[1]}".lower() not in STATES
            and parts[1].lower() not in FUNCTION_WORDS
            and not ctx.is_clinical(parts[1])
        ):
            out.append((m.start(1), m.start(1) + len(f"{first_word} {parts[1]}"), "LOCATION", 0.75))
            continue
        if (
            city_ok(first_word, True)
            and not re.search(FAC_HEAD, name)
            and not ctx.is_common(first_word)
        ):
            out.append((m.start(1), m.start(1) + len(first_word), "LOCATION", 0.7))
    for m in _triggered(RX_TOWN_LIKE, "TOWNLIKE", text, words_ix):
        name = m.group(1)
        words = name.split()
        if re.fullmatch(_TOWN_SECOND, words[-1]):
            if ctx.is_common(words[0]) or ctx.is_clinical(words[0]):
                continue
        elif len(words) == 2 and (ctx.is_common(words[1]) or ctx.is_clinical(words[1])):
            continue
        if (
            name.lower() in STATES
            or name.lower() in COUNTRIES
            or ctx.is_clinical(words[-1])
            or ctx.followed_by_head(m.end(1))
        ):
            continue
        out.append((m.start(1), m.end(1), "LOCATION", 0.65))
    for m in _triggered(RX_MOVE_FROM_TO, "MOVE", text, words_ix):
        for g in (1, 2):
            words = m.group(g).split()
            if (
                m.group(g).lower() in STATES
                or m.group(g).lower() in COUNTRIES
                or any(ctx.is_clinical(w) or ctx.low(w) in ctx.lex.common for w in words)
            ):
                continue
            out.append((m.start(g), m.end(g), "LOCATION", 0.7))
    for z in ctx.zips:
        window = RX_CITY_ZIP.finditer(text, max(0, z.start() - 60), z.end() + 20)
        m = next((c for c in window if c.start(2) == z.start()), None)
        if not m:
            continue
        spans = list(re.finditer(r"\S+", m.group(1)))
        # keep the trailing words that can be a town name
        while spans:
            w = spans[0].group().rstrip(".")
            rest = " ".join(x.group() for x in spans).lower()
            if rest in lex.cities or (
                (w in TOWN_PREFIXES and len(spans) > 1)
                or not (ctx.is_common(w) or ctx.is_clinical(w) or w.lower() in STATES)
            ):
                break
            spans = spans[1:]
        if not spans or ctx.is_clinical(spans[-1].group()):
            continue
        out.append((m.start(1) + spans[0].start(), m.end(1), "LOCATION", 0.8))
        out.append((m.start(2), m.end(2), "LOCATION", 0.85))
    for m in _triggered(RX_LOC_TOWN, "TOWN", text, words_ix):
        name = m.group(1)
        if city_ok(name.split(" ")[0], True):
            tc = trim_city(m.start(1), name) or (m.start(1), m.end(1))
            out.append((tc[0], tc[1], "LOCATION", 0.85))
    for m in RX_COUNTY.finditer(text) if RX_COUNTY_HINT.search(text) else ():
        name = m.group(1)
        words = name.split(" ")
        # keep the trailing words that are not sentence words
        while words and (ctx.is_common(words[0]) and words[0].lower() not in lex.cities):
            words = words[1:]
        if words and not _is_placeholder(" ".join(words)):
            s = m.end(1) - len(" ".join(words))
            out.append((s, m.end(1), "LOCATION", 0.85))
    for m in _triggered(RX_LOC_PREP, "LOCPREP", text, words_ix):
        tc = trim_city(m.start(1), m.group(1))
        if tc and city_ok(text[tc[0] : tc[1]], False) and not ctx.followed_by_head(tc[1]):
            nxt = text[tc[1] : tc[1] + 3]
            if nxt.startswith((" Hospital", " Medical")):
                continue
            out.append((tc[0], tc[1], "LOCATION", 0.6))


HOME_NOT_NAMES = _w("""foster group boarding home going return returning sent went discharge
    back arrived safely stay stays staying private personal my his her their your our own
    family nursing care""")


def _facilities(ctx: _Ctx, text: str, out: list) -> None:
    for m in RX_FACILITY.finditer(text):
        g = 1 if m.group(1) else 2
        s, e = m.span(g)
        seg = m.group(g)
        words = re.findall(r"[A-Za-z][A-Za-z'’.-]*|&", seg)
        # drop leading sentence words ("The", "He was admitted to ...")
        toks = list(re.finditer(r"\S+", seg))
        k = 0
        while k < len(toks) - 1 and (
            toks[k].group().lower() in FUNCTION_WORDS
            or toks[k].group().lower() in ("was", "admitted", "seen")
            # "See the Home Health Aide ...": a sentence's verb before its article
            or (
                toks[k].group().lower() in _VERBS_BEFORE_THE26
                and toks[k + 1].group().lower() in FUNCTION_WORDS
            )
        ):
            k += 1
        if k:
            s = s + toks[k].start()
            seg = text[s:e]
            words = re.findall(r"[A-Za-z][A-Za-z'’.-]*|&", seg)
        if any(
            w.lower().rstrip(".") in PLACEHOLDER_WORDS
            or (w.isupper() and w.lower() in PLACEHOLDER_WORDS)
            for w in words
        ):
            continue
        specific = [
            w
            for w in words
            if w.lower().replace("’", "'") not in GENERIC_FAC and not re.fullmatch(FAC_HEAD, w)
        ]
        if not specific:
            continue
        if all(ctx.is_clinical(w) and not ctx.is_name(w) for w in specific):
            continue
        # "Discharged Home", "Foster Home" are not places
        if (
            re.search(r"\bHome$", seg)
            and not re.search(r"(?:Nursing|Care|Rest)\s+Home$", seg)
            and any(w.lower() in HOME_NOT_NAMES or w.endswith("ed") for w in specific)
        ):
            continue
        out.append((s, e, "FACILITY", 0.85))
    for m in RX_FAC_RELIGIOUS.finditer(text) if RX_RELIGIOUS_HINT.search(text) else ():
        out.append((m.start(), m.end(), "FACILITY", 0.8))
    for m in RX_SAINT.finditer(text) if "St" in text or "Saint" in text else ():
        if ctx.low(m.group().split()[-1]) in ctx.lex.unit_designators:
            continue  # "Quarry St. Lot 110"
        after = text[m.end() : m.end() + 12].lower()
        if (
            after.startswith(
                (
                    " wort",
                    " john's wort",
                    " vitus",
                    " dance",
                    " mechanical",
                    " valve",
                    " prosth",
                    " device",
                    " pacemaker",
                    " lead",
                    " icd",
                )
            )
            or "wort" in m.group().lower()
        ):
            continue
        if re.match(rf"\s+{STREET_SUFFIX}\b", text[m.end() : m.end() + 12]):
            continue
        out.append((m.start(), m.end(), "FACILITY", 0.75))


# Partial identifiers still identify: "Last four of SSN: 2599", "SSN ... ends in 2599".
RX_SSN_PARTIAL = re.compile(
    r"(?i:\b(?:SSN|SS\s*#|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?)(?![A-Za-z])"
    r"[^.\n\d]{0,40}?"
    r"\b(?:ends?|ending)(?:\s+(?:in|with))?\s*+:?\s*|\blast\s+(?:four|4)(?:\s+digits)?\s+(?:of\s+)?"
    r"(?:the\s+)?(?:SSN|SS\s*#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*+(?:is|was)?"
    r"\s*+[:#-]?\s*|\b(?:SSN|SS\s*#)\s*+[:#]?\s*(?:\(?last\s+(?:four|4)\)?|x{3}-?x{2}-?|\*{3}-?\*{2}-?)"
    r"\s*+[:#-]?\s*)(\d{4})(?!\d)"
)
# Registration and payer cues that RX_ID does not know; the value must hold a digit.
PAYERS = (
    r"BCBS|Blue\s+Cross(?:\s+Blue\s+Shield)?|Blue\s+Shield|Aetna|Cigna|Humana|Tricare|TRICARE"
    r"|UnitedHealthcare|United\s+Healthcare|UHC|Kaiser|Anthem|Molina|Centene|Ambetter|WellCare"
    r"|Wellcare|Oscar|Amerigroup|Highmark|Optum|CareSource|Medica|HealthNet|Health\s+Net"
)
RX_ID_EXTRA = re.compile(
    r"(?:\b(?:H|HAR|MR|(?i:pt|acct|enc|visit|csn|fin|empi|mpi|patient))\s*#\s*+:?\s*"
    r"|\b(?i:identifier|beneficiary\s+id)\s*+[:#]?\s*"
    r"|\b(?:FIN|EMPI|MPI|HAR|DL|D/L|DLN|Group|Grp|Rx\s*BIN|PCN|Plan|Payer\s+ID)\b\.?\s*+[:#]{0,2}\s*"
    r"|\b(?i:med(?:ical)?\.?\s+rec(?:ord)?\.?)\s*(?i:no\.?|#|number)\s*+:?\s*"
    r"|\b(?i:prescriber|provider|pharmacy|NCPDP|insurance|insured|payer|plan|subscriber)\s+"
    r"(?i:number|no\.?|#|id)\s*+[:#]?\s*"
    rf"|\b(?:{PAYERS})(?:\s+(?i:id|member\s+id|no\.?|#|number|plan|PPO|HMO|Medicare))?\s*+[:#]?\s*)"
    r"((?=[A-Za-z0-9-]*\d)[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,24})(?![\w-])"
)
# Record numbers written in groups ("MRN 261 029 269", "MR 37-080-053") or filed under a code.
RX_ID_GROUPED = re.compile(
    r"\b(?:MRN|MR|MR#|(?i:med(?:ical)?\.?\s+rec(?:ord)?s?\.?|chart|acct|account|record"
    r"|patient\s+id|hospital\s+(?:number|no\.?|#)))\s*+(?i:no\.?|number|#)?\s*+[:#]?\s*"
    r"(?i:is\s+)?(\d{2,4}(?:[ -]\d{2,4}){1,3})(?![\d-]|\s*(?:mm|cm|%|mg|/))"
    r"|\b(?i:(?:records?|filed|chart(?:ed)?|registered|listed|charts?)\s+(?:are\s+|is\s+)?under)"
    r"\s+(?:#\s*)?((?=[A-Za-z0-9-]*\d{4})[A-Za-z0-9][A-Za-z0-9-]{3,20})(?![\w-])"
)
# Table rows: in a "a | b | c" line, a cell that is an identifier-shaped code is one. The
# spaces around the cell are taken whole (a cell starts and ends with no space): giving them
# back one by one made each a start of the lookahead, quadratic in a run of spaces.
RX_TABLE_CELL = re.compile(
    r"(?:(?<=\|)|^)[ \t]*+((?=(?:[A-Z -]*\d){7})[A-Z0-9]{1,6}(?:[-/ ][A-Z0-9]{1,8}){0,3})"
    r"[ \t]*+(?=\||$)",
    re.M,
)


def _ids(text: str, out: list, words_ix) -> None:
    for m in _triggered(RX_SSN_PARTIAL, "SSNP", text, words_ix):
        out.append((m.start(1), m.end(1), "SSN", 0.85))
    for m in _triggered(RX_ID_EXTRA, "IDX", text, words_ix):
        v = m.group(1)
        if sum(c.isdigit() for c in v) >= 4:
            out.append((m.start(1), m.end(1), "ID", 0.8))
    for m in _triggered(RX_ID_GROUPED, "IDG", text, words_ix):
        g = 1 if m.group(1) else 2
        if sum(c.isdigit() for c in m.group(g)) >= 6 or g == 2:
            out.append((m.start(g), m.end(g), "ID", 0.8))
    if "|" in text:
        for m in RX_TABLE_CELL.finditer(text):
            eol = text.find("\n", m.end())
            line = text[text.rfind("\n", 0, m.start()) + 1 : eol if eol >= 0 else len(text)]
            if line.count("|") >= 2:
                out.append((m.start(1), m.end(1), "ID", 0.7))
    for m in _triggered(RX_ID, "ID", text, words_ix):
        v = m.group(1)
        if len(v) < 4 and not v.isdigit():
            continue
        if re.fullmatch(r"\d{1,3}(?:\.\d+)?", v):
            continue
        out.append((m.start(1), m.end(1), "ID", 0.9))
    for m in RX_LONG_NUMBER.finditer(text) if RX_SEVEN_DIGITS.search(text) else ():
        out.append((m.start(), m.end(), "ID", 0.5))


MONTH_WORDS = _w("""jan january feb february mar march apr april may jun june jul july aug
    august sep sept september oct october nov november dec december""")


# Numeric dates need digits around a separator; anchoring the patterns at those places (and
# the month patterns near month words) avoids scanning every character with each pattern.
RX_NUMERIC_DATE_START = re.compile(r"\d(?<!\d\d)\d{0,3}[/.-]\d")
_MONTH_WINDOW = (16, 40)  # characters before and after a month word that a date may span


def _date_matches(text: str, words_ix, has_month: bool):
    m: re.Match[str] | None
    seen: set[tuple[int, int, int]] = set()
    if has_month:
        spots = words_ix.at(MONTH_WORDS)
        for i, (rx, conf) in enumerate(RX_DATE[:4]):
            for pos in spots:
                start = max(0, pos - _MONTH_WINDOW[0])
                for m in rx.finditer(text, start, min(len(text), pos + _MONTH_WINDOW[1])):
                    if m.start() <= pos < m.end() and (i, *m.span()) not in seen:
                        seen.add((i, *m.span()))
                        yield m, conf
    starts = [m.start() for m in RX_NUMERIC_DATE_START.finditer(text)]
    for rx, conf in RX_DATE[4:]:
        for pos in starts:
            m = rx.match(text, pos)
            if m:
                yield m, conf


RX_LOWER_MONTH_CUE = re.compile(
    r"(?:\b(?:on|onset|since|from|until|till|by|in|of|dated?|since|last|early|late|mid|until|"
    r"thru|through|before|after|seen|admitted|discharged)|[(,;:])\s*$",
    IGN,
)
RX_NOT_DATE_AFTER = re.compile(
    r"\s*(?:x\b|times|steps|tabs?|tablets?|caps|doses?|units?|puffs?|drops?)", IGN
)


def _dates(text: str, out: list, words_ix) -> None:
    has_month = bool(MONTH_WORDS & words_ix.positions.keys())
    for m, conf in _date_matches(text, words_ix, has_month):
        seg = m.group()
        mm = re.search(r"[A-Za-z]{3,}", seg)
        if mm and not mm.group()[0].isupper():
            # lower-case month names count with a day or year ("january 24"); "may" and
            # "march" are words too, so they need a date cue before them ("onset may 9")
            if not re.search(r"\d", seg):
                continue
            if mm.group().lower() in ("may", "mar", "march") and not RX_LOWER_MONTH_CUE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue
            if RX_NOT_DATE_AFTER.match(text, m.end()):
                continue
        if mm and mm.group().lower() == "may" and not re.search(r"\d", seg):
            continue
        if mm and mm.group() in ("MAY", "MARCH") and not re.search(r"\d", seg):
            continue
        out.append((m.start(), m.end(), "DATE", conf))
    for m in _triggered(RX_DATE_CUED, "DATEC", text, words_ix):
        out.append((m.start(1), m.end(1), "DATE", 0.8))
    for m in _triggered(RX_DOB_DIGITS, "DOB", text, words_ix):
        out.append((m.start(1), m.end(1), "DATE", 0.85))


# Ages over 89 in words ("ninety-two years old", "aged one hundred").
RX_AGE_WORDS = re.compile(
    r"\b(?:(?:aged?|turned|turns)\s+)?((?:ninety|one\s+hundred)(?:[\s-](?:and\s+)?(?:one|two"
    r"|three|four|five|six|seven|eight|nine|ten))?)(?:[\s-]years?[\s-]old|\s+years\s+of\s+age)"
    r"|\b(?:aged?|turned|turns)(?:\s*+:)?\s+((?:ninety|one\s+hundred)(?:[\s-](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?)\b"
    r"|\b((?:ninety|one\s+hundred)(?:[\s-](?:and\s+)?(?:one|two|three|four|five|six|seven"
    r"|eight|nine|ten))?)[\s-]*(?:y/?o|y\.o\.?|yo|yrs?\b|year[\s-]old)",
    IGN,
)
RX_AGE_NUM = re.compile(r"(?:9(?<![\d.,/]9)\d|1(?<![\d.,/]1)(?:[01]\d|20))(?!\d|[,/.]\d)")


def _ages(text: str, out: list, words_ix) -> None:
    if "ninety" in text.lower() or "hundred" in text.lower():
        for m in RX_AGE_WORDS.finditer(text):
            g = next(i for i in (1, 2, 3) if m.group(i))
            out.append((m.start(g), m.end(g), "AGE", 0.85))
    if not RX_AGE_NUM.search(text):
        return
    found: list = []
    for i, rx in enumerate(RX_AGE):
        if i in (2, 5):
            for m in _triggered(rx, "AGE", text, words_ix):
                found.append((m.start(1), m.end(1), "AGE", 0.9))
        else:
            _cands_from(rx, text, "AGE", 0.9, 1, found)
    # "90+" is the Safe Harbor aggregate that Casebook itself stores: not an identifier.
    out.extend(f for f in found if not (text[f[0] : f[1]] == "90" and text[f[1] : f[1] + 1] == "+"))


RX_URL_HINT = _Folded(r"://|www\.|\.(?:com|org|net|edu|gov|io|us|info|health|care|biz|me)\b")


def _emails(text: str) -> Iterator[re.Match[str]]:
    """RX_EMAIL's matches, as `finditer` gives them, a run of a user name's characters read
    once: searched from each of its characters, RX_EMAIL read the rest of the run each time.
    A match from inside a run is a match from the character before too, so the first begins
    where the search does or where a run begins."""
    pos = 0
    while m := RX_EMAIL.match(text, pos) or RX_EMAIL_AT_RUN.search(text, pos + 1):
        yield m
        pos = m.end()


def _contacts(text: str, out: list, words_ix) -> None:
    if "@" in text:
        out.extend((m.start(), m.end(), "EMAIL", 0.99) for m in _emails(text))
    for m in RX_URL.finditer(text) if RX_URL_HINT.found(text) else ():
        s, e = m.span()
        while e > s and text[e - 1] in ".,;:!?":
            e -= 1
        if "@" in text[max(0, s - 1) : s]:
            continue
        seg = text[s:e]
        if re.fullmatch(r"[\d.]+", seg):
            continue
        out.append((s, e, "URL", 0.95))
    if RX_IPV4_HINT.search(text):
        _cands_from(RX_IPV4, text, "IP", 0.9, 0, out)
    for m in RX_IPV6.finditer(text) if "::" in text or text.count(":") >= 7 else ():
        seg = m.group()
        if seg.count(":") < 2 or not re.search(r"[0-9A-Fa-f]", seg):
            continue
        try:
            ipaddress.IPv6Address(seg)
        except ValueError:
            continue
        out.append((m.start(), m.end(), "IP", 0.9))
    for m in _phones(text):
        seg = m.group()
        digits = re.sub(r"\D", "", seg)
        if re.fullmatch(r"\d{10}", seg) and not re.search(
            r"(?i)(phone|tel|call|cell|fax|pager|contact|number|#)\W{0,4}$",
            text[max(0, m.start() - 25) : m.start()],
        ):
            continue
        if len(digits) >= 10:
            out.append((m.start(), m.end(), "PHONE", 0.9))
    for m in _triggered(RX_PHONE_CUED, "PHONEC", text, words_ix):
        out.append((m.start(1), m.end(1), "PHONE", 0.8))
    for m in _triggered(RX_PHONE_CUED_FAR, "PHONEF", text, words_ix):
        out.append((m.start(1), m.end(1), "PHONE", 0.75))
    for m in _triggered(RX_PHONE_ODD_SEPARATOR, "PHONEC", text, words_ix):
        if _ODD_JOIN.search(m[1]):  # dashes and dots only: the other rules' reading
            out.append((m.start(1), m.end(1), "PHONE", 0.8))
    for m in _triggered(RX_PHONE_ODD_SEPARATOR_FAR, "PHONEF", text, words_ix):
        if _ODD_JOIN.search(m[1]):
            out.append((m.start(1), m.end(1), "PHONE", 0.75))
    _cands_from(RX_SSN, text, "SSN", 0.9, 0, out)
    for m in _triggered(RX_SSN_CUED, "SSNC", text, words_ix):
        out.append((m.start(1), m.end(1), "SSN", 0.95))


RX_VEHICLE_EXTRA = re.compile(
    r"\b(?i:(?:car|truck|vehicle|auto|licen[cs]e)\s+)?(?i:tags?|plates?|reg\.|regn\.?|rego)"
    r"\s*+(?i:no\.?|number|#)?\s*+[:#]?\s*"
    r"((?=[A-Z0-9 •·-]*\d)[A-Z0-9]{1,4}(?:[ •·-]?[A-Z0-9]{1,5}){0,2}(?<=[A-Z0-9]))(?![\w-])"
)
# "his truck (NM 8821KT)": a plate in parentheses right after a vehicle word
RX_VEHICLE_PAREN = re.compile(
    r"\b(?i:car|truck|van|vehicle|pickup|suv|sedan|motorcycle|jeep|minivan|trailer)\s*\(\s*"
    r"((?:[A-Z]{2}\s+)?(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])"
    r"[A-Z0-9]{2,4}(?:[ -]?[A-Z0-9]{1,5}){1,2})"
    r"\s*\)"
)
RX_VIN_ANY_CASE = re.compile(r"\b(?=[A-Za-z0-9]*\d)[A-HJ-NPR-Za-hj-npr-z0-9]{17}\b")
_VIN_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True))}
_VIN_VALUES.update(dict(zip("JKLMN", range(1, 6), strict=True)) | {"P": 7, "R": 9})
_VIN_VALUES.update(dict(zip("STUVWXYZ", range(2, 10), strict=True)))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_check_ok(vin: str) -> bool:
    """North American VIN check digit (position 9)."""
    vin = vin.upper()
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    r = total % 11
    return vin[8] == ("X" if r == 10 else str(r))


RX_DEVICE_EXTRA = re.compile(
    r"\b(?:(?i:ser\.?(?:\s*(?:no\.?|#|number))?|serials?|s/n)|SN|(?i:unit|device|pump|monitor"
    r"|meter|sensor|transmitter|receiver|generator|implant|lot)(?:\s+(?i:no\.?|#|id))?)\s*+[:#]?\s*"
    r"((?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,24})(?![\w-])"
)


RX_SPINE_LEVELS = re.compile(r"[CTLS]\d{1,2}(?:\s*-\s*[CTLS]?\d{1,2})?")


RX_WORD_END = re.compile(r"([A-Za-z]+)\.?,?[ \t]*$")


def _street_lot(text: str, m: re.Match) -> bool:
    """ "12 Quarry St. Lot 110": a lot after a street suffix is the unit of an address."""
    if m.group(0)[:3].lower() != "lot":
        return False
    w = RX_WORD_END.search(text, max(0, m.start() - 14), m.start())
    return bool(w and w.group(1).lower() in lexicon.get().street_suffixes)


def _vehicles_devices(text: str, out: list, words_ix) -> None:
    for m in _triggered(RX_VEHICLE_EXTRA, "VEHX", text, words_ix):
        v = m.group(1)
        vehicle_cue = re.search(r"(?i)car|truck|vehicle|auto|licen|plates", m.group(0))
        if (
            len(re.sub(r"[ -]", "", v)) >= 3
            and (re.search(r"[A-Z]", v) or (vehicle_cue and len(re.sub(r"\D", "", v)) >= 4))
            and re.search(r"\d", v)
            and not RX_SPINE_LEVELS.fullmatch(v)
        ):
            out.append((m.start(1), m.end(1), "VEHICLE", 0.75))
    for m in _triggered(RX_DEVICE_EXTRA, "DEVX", text, words_ix):
        if sum(c.isdigit() for c in m.group(1)) >= 3 and not _street_lot(text, m):
            out.append((m.start(1), m.end(1), "DEVICE", 0.75))
    for m in _triggered(RX_VEHICLE, "VEH", text, words_ix):
        out.append((m.start(1), m.end(1), "VEHICLE", 0.9))
    has17 = RX_SEVENTEEN.search(text)
    if has17:
        _cands_from(RX_VIN, text, "VEHICLE", 0.8, 0, out)
    # any-case VINs only with a valid check digit (or after a VIN cue)
    for m in RX_VIN_ANY_CASE.finditer(text) if has17 else ():
        v = m.group()
        if v.isupper() or not re.search(r"[A-Za-z]", v):
            continue
        if _vin_check_ok(v) or re.search(
            r"(?i)\bvin\W{0,4}$", text[max(0, m.start() - 8) : m.start()]
        ):
            out.append((m.start(), m.end(), "VEHICLE", 0.8))
    for m in _triggered(RX_VEHICLE_PAREN, "VEHP", text, words_ix):
        if not RX_SPINE_LEVELS.fullmatch(m.group(1)):
            out.append((m.start(1), m.end(1), "VEHICLE", 0.75))
    for m in _triggered(RX_DEVICE, "DEV", text, words_ix):
        if not _street_lot(text, m):
            out.append((m.start(1), m.end(1), "DEVICE", 0.9))
    if (
        "SN" in text
        or "(01)" in text
        or (text.count(":") + text.count("-") >= 5 and RX_MAC_HINT.search(text))
    ):  # each branch of the pattern needs one of these
        _cands_from(RX_DEVICE_BARE, text, "DEVICE", 0.8, 0, out)


def _addresses(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    matches = []
    last_end = -1
    for d in RX_ADDRESS_STARTS.finditer(text):
        if d.start() >= last_end and (m := RX_ADDRESS_NUMBERED.match(text, d.start())):
            matches.append(m)
            last_end = m.end()
    if "Box" in text or "BOX" in text:
        matches.extend(RX_ADDRESS_BOX.finditer(text))
    if ("on " in text or "Apt. " in text or "Ste. " in text) and (
        "Apt." in text or "Ste." in text or any(w in text for w in _ON_STREETS)
    ):  # a match holds one of these
        matches.extend(RX_ADDRESS_ON.finditer(text))
    for m in matches:
        s, e = m.span()
        seg = m.group()
        # "5 Dr. Smith": a bare Dr needs a number + words that are not a title
        if re.search(r"\bDr\.?$", seg) and re.match(r"\.?\s+[A-Z][a-z]", text[e : e + 4]):
            continue
        if _is_placeholder(re.sub(r"\d+", "", seg).replace("Street", "").strip() or "x"):
            continue
        out.append((s, e, "ADDRESS", 0.9))
    for m in _triggered(RX_ADDRESS_UNIT_ONLY, "UNIT", text, words_ix):
        out.append((m.start(), m.end(), "ADDRESS", 0.6))
    _usps_addresses(ctx, text, out)
    for m in _triggered(RX_HOME_ON, "HOME", text, words_ix):
        words = list(RX_STREET_WORD.finditer(m.group(1)))
        for k in range(len(words) - 1, 0, -1):
            if words[k].group(1).rstrip(".").lower() in ctx.lex.street_suffixes:
                out.append((m.start(1), m.start(1) + words[k].end(1), "ADDRESS", 0.8))
                break


# Any number + street words + a USPS suffix (Pub. 28 list), with up to two unit designators.
# "4893 1/2 N ...", "2253-B OLD STAGE RDG": half numbers and lettered duplexes
RX_HOUSE_NUMBER = re.compile(
    r"\d(?<![\w.,$#:+-]\d)(?<![A-Za-z./]/\d)\d{0,5}(?:[A-Za-z]|-[A-Z](?![\w-]))?(?:-\d{1,4})?"
    r"(?:[ \t]+1/2)?[ \t]+"
    r"(?=[A-Za-z]|\d)"
)
RX_STREET_WORD = re.compile(r"[ \t]*(\d+(?:st|nd|rd|th)|[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’]*\.?)")
RX_DIRECTION = re.compile(r"[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b\.?")
RX_UNIT_TAIL = re.compile(r"\.?,?[ \t]*(?:([A-Za-z]+)\.?[ \t]*+#?|#)[ \t]*([A-Za-z0-9-]{1,6})\b")
RX_UNIT_BARE = re.compile(
    r",?[ \t]+(?:Lower|Upper|Rear|Front|Basement|Penthouse|LOWER|UPPER|REAR"
    r"|FRONT|BSMT|LOWR|UPPR|REAR)\b"
    r"(?![ \t]+(?:back|extremit|legs?\b|lobes?\b|abdom|quadrant|limbs?\b|GI\b|lip|eyelid"
    r"|body|pole))"
)
RX_ROAD_NUMBER = re.compile(r"[ \t]+\d{1,4}[A-Za-z]?\b(?![\d/.-])")
RX_ADDRESS_CUE = re.compile(
    r"(?i)\b(?:at|address|addr|lives?|living|resides?|residing|home|house|mail(?:ing)?"
    r"|street|located|(?:moved|moving|mailed|dispatched|home)[ \t]+to)\b\W{0,3}$"
)
RX_ADDRESS_CUE_STRONG = re.compile(
    r"(?i)\b(?:address|addr|lives?|living|resides?|residing|home|house|mail(?:ing)?|located"
    r"|moved|moving|mailed|dispatched)"
    r"(?:\s+(?:at|on|is|to))?\W{0,3}$"
)
RX_HOME_ON = re.compile(
    r"\b(?i:home|house|lives|living|lived|resides|residing|apartment|trailer|farm|property"
    r"|walked|drove|bystander|found|collapsed|fell|struck|crash|accident|scene|parked)"
    r"(?:\s+\w+){0,2}?\s+on\s+((?:[A-Z][A-Za-z'’-]*\.?[ \t]+){1,3}"
    r"[A-Za-z]+\.?)"
)
# In lower-case text only these suffixes (or ones that are not English words) make a street.
CORE_SUFFIXES = _w("""street st avenue ave road rd drive dr lane ln boulevard blvd court ct way
    place pl circle cir terrace ter trail trl parkway pkwy highway hwy square sq plaza route""")
_NOT_STREET_WORDS = _w("""mg mcg ml cc cm mm kg g lb lbs units unit tablets tablet tabs caps
    times days weeks months years hours minutes beats episodes views patients doses puffs
    drops sprays liters of the and or to in on at for with a an x chamber chambers vessel
    vessels lobe lobes segment segments lead leads cycles sessions levels""")


def _units_after(ctx: _Ctx, text: str, e: int) -> int:
    for _ in range(3):
        m = RX_UNIT_BARE.match(text, e)
        if m:
            e = m.end()
            continue
        m = RX_UNIT_TAIL.match(text, e)
        if not m or (m.group(1) and m.group(1).lower() not in ctx.lex.unit_designators):
            break
        if not re.search(r"\d", m.group(2)) and len(m.group(2)) > 2:
            break
        e = m.end()
    return e


def _usps_addresses(ctx: _Ctx, text: str, out: list) -> None:
    words: list[re.Match[str]]
    suffixes = ctx.lex.street_suffixes
    for m in RX_HOUSE_NUMBER.finditer(text):
        words, pos = [], m.end()
        while len(words) < 6:
            w = RX_STREET_WORD.match(text, pos)
            if not w or (words and not text[pos : w.start(1)]):
                break
            words.append(w)
            pos = w.end()
            word = w.group(1)
            if (
                word.endswith(".")
                and len(word) > 3
                and word[:-1].lower() not in ctx.lex.street_suffixes
            ):
                break  # a sentence ends here
        k = next(
            (i for i in range(1, len(words)) if words[i].group(1).rstrip(".").lower() in suffixes),
            None,
        )
        if k is None:
            continue
        # "Flat Gap Crossing": a suffix word inside the name, the real suffix later
        for j in range(len(words) - 1, k, -1):
            between = [w.group(1) for w in words[k + 1 : j + 1]]
            if (
                words[j].group(1).rstrip(".").lower() in suffixes
                and all(b[0].isupper() and not b.endswith(".") for b in between[:-1])
                and between[-1][0].isupper()
                and words[k].group(1)[0].isupper()
                and not any(b.lower() in ctx.lex.unit_designators for b in between)
            ):
                k = j
                break
        while (
            k + 1 < len(words)
            and words[k + 1].group(1).rstrip(".").lower() in suffixes
            and words[k + 1].group(1).rstrip(".").lower() not in ctx.lex.unit_designators
        ):
            k += 1
        names = [w.group(1).rstrip(".") for w in words[:k]]
        if any(n.lower() in _NOT_STREET_WORDS or n.lower() in FUNCTION_WORDS for n in names):
            continue
        e = words[k].end()
        if text[e - 1] == "." and not re.match(r"\s*[a-z,]", text[e : e + 3]):
            e -= 1  # the sentence's full stop
        seg = text[m.start() : e]
        letters = re.sub(r"[^A-Za-z]", "", seg)
        if words[k].group(1).rstrip(".").lower() in (
            "road",
            "rd",
            "route",
            "rte",
            "highway",
            "hwy",
        ):
            road_no = RX_ROAD_NUMBER.match(text, e)  # "county road 12"
            e = road_no.end() if road_no else e
        end_units = _units_after(ctx, text, e)
        titled = all(n[0].isupper() or n[0].isdigit() for n in names)
        suffix = words[k].group(1).rstrip(".").lower()
        if not (
            (titled and words[k].group(1)[0].isupper())
            or letters.isupper()
            or end_units > e
            or (
                RX_ADDRESS_CUE.search(text[max(0, m.start() - 25) : m.start()])
                and (
                    suffix in CORE_SUFFIXES
                    or not ctx.is_common(suffix)
                    or RX_ADDRESS_CUE_STRONG.search(text[max(0, m.start() - 25) : m.start()])
                )
            )
        ):
            continue
        d = RX_DIRECTION.match(text, end_units)
        end = _units_after(ctx, text, d.end()) if d else end_units
        out.append((m.start(), end, "ADDRESS", 0.85))


# ----------------------------------------------------------------------------- round 3
# Cue forms an independent evaluation found missed (issue 12, third round).
PARTICLE = (
    r"(?:[Vv][ao]n|[Dd]e[rnl]?|[Dd]ella|[Dd][aiu]|[Dd][oa]s|[Ll][ae]|[Ll]os|[Tt]e[rn]|bin|ibn|al)"
)
CAPS_WORD = rf"[{UP}]{{2,}}(?:['’-][{UP}]+)*"
NAME_SEQ = (
    rf"((?:[A-Z]\.[ \t]?)?(?:{NW}|{CAPS_WORD})(?:[ \t](?:{PARTICLE}[ \t])*(?:{NW}|{CAPS_WORD}"
    rf"|[A-Z]\.)){{0,3}})"
)
# Roles on forms and in letters that are followed by a person's name.
RX_ROLE_NAME = re.compile(
    r"\b(?i:guarantor|subscriber|insured|policy\s*holder|guardian(?:\s+of\s+record)?"
    r"|prescribed\s+by|prescriber|ordering(?:\s+(?:provider|physician|clinician|md))?|attn\.?"
    r"|please\s+see|(?:electronically\s+|e-)?signed\s+by|collateral\s+from"
    r"(?:\s+(?:his|her|their|the))?(?:\s+[a-z-]+)?|called\s+to(?:\s+(?:RN|nurse))?"
    r"|verified\s+by|read\s+by|authori[sz]ed\s+by|witnessed\s+by|requested\s+by)"
    r"[ \t]*[:,-]?[ \t]+" + NAME_SEQ
)
RX_PARTICLE_NAME = re.compile(rf"\b({NW})[ \t]+((?:{PARTICLE}[ \t]+){{1,2}}{NW})(?![\w'’])")
RX_PARTICLE_TAIL = re.compile(rf"(?:[ \t]+{PARTICLE}){{1,2}}[ \t]+{NW}(?![\w'’])")
RX_GREETING = re.compile(
    rf"(?:^|(?<=\n))[ \t]*(?i:hi|hey|hello|dear|good\s+(?:morning|afternoon)|thanks|thank\s+you)"
    rf"[ \t]+({NW})[ \t]*(?:,|--|—|–|!|:|\n|$)",
    re.M,
)
RX_SUBJECT_LINE = re.compile(
    rf"(?im)^[ \t]*(?:subject|subj)[ \t]*:[ \t]*(?:(?:re|fw|fwd)[ \t]*:[ \t]*)*"
    rf"(?-i:({NW}))(?=[ \t]+[a-z]|[ \t]*[-–,:/]|[ \t]*$)"
)
_POSSESSIVE_KIN = _w("""mother father mom dad mum wife husband son daughter sister brother parents
    family grandmother grandfather grandma grandpa caregiver partner aunt uncle guardian teacher""")
RX_POSSESSIVE_ANY = re.compile(  # a match ends with one of _POSSESSIVE_KIN as a whole word
    r"\b([A-Z][a-z]{2,})['’]s\s+(?:mother|father|mom|dad|mum|wife|husband|son|daughter|sister"
    r"|brother|parents|family|grandmother|grandfather|grandma|grandpa|caregiver|partner|aunt"
    r"|uncle|guardian|teacher)\b"
)
RX_LOWER_CUED = re.compile(
    r"(?:\b(?i:patient\s+name|pt\s+name|patient|pt|name|guarantor|subscriber|insured"
    r"|emergency\s+contact)\b\.?[ \t]*+([:#]?)|\b(?i:family)[ \t]*(\())"
    r"[ \t]*([a-z][a-z'-]{2,})[ \t]+([a-z][a-z'-]{2,})\b(?![-/])"
)
RX_INITIALS_AFTER = re.compile(
    r"\b(?i:with|per|by|see|cc|from|and|to)[ \t]+((?:[A-Z]\.[ \t]?){2,3})(?![A-Za-z])"
)
# Census rows: "Rm 12 SURNAME, GIVEN 93 F CHF"; the room or the age and sex frame the name.
_CENSUS_NAME = (
    rf"((?:(?:ST|SAINT|MC|MAC|VAN|DE|DEL|LA|O['’])\.?[ \t]*)?[{UP}]{{2,}}(?:[-'’ ][{UP}]{{2,}})?"
    rf",[ \t]*[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?(?:[ \t][{UP}]\.?(?![{UP}]))?)"
)
RX_CENSUS_ROW = re.compile(
    rf"\b(?:(?i:rm|room|bed)\.?[ \t]*+#?[ \t]*\d{{1,4}}[A-Za-z]?[ \t:-]+{_CENSUS_NAME}"
    rf"|{_CENSUS_NAME}(?=[ \t]+\d{{1,3}}[ \t]*+(?:y/?o?|yrs?)?[ \t]*(?:M|F|male|female)\b))"
    rf"(?:[ \t]+(\d{{1,3}})(?=[ \t]*+(?:y/?o?|yrs?)?[ \t]*(?:M|F|male|female)\b))?"
)


def _more_names(ctx: _Ctx, text: str, found: list, words_ix: _WordIndex) -> None:
    def name_words(s: int, seg: str) -> tuple[int, int] | None:
        """The leading words of seg that can be a name (cued), up to a comma."""
        end, n = s, 0
        caps = seg.isupper()
        for m in re.finditer(r"[^\s,]+,?", seg):
            w = m.group()
            initial = re.fullmatch(r"[A-Z]\.,?", w)
            core = w if initial else w.rstrip(",").rstrip(".")
            if not initial and (
                re.fullmatch(CRED, core) or core.isupper() and len(core) > 1 and not caps
            ):
                break  # "Park RN", "Kaur SSN": a credential or a label follows the name
            if n and text.startswith(":", s + m.end()):
                break  # "Refills:" is the next field's label
            if initial or re.fullmatch(PARTICLE, core) and n:
                end = s + m.start() + len(w.rstrip(","))
            elif all(
                ctx.plausible_name_word(p, True) and not ctx.is_clinical(p) for p in core.split("-")
            ):
                end = s + m.start() + len(core)
                n += 1
            else:
                break
            if w.endswith(","):
                break
        return (s, end) if n else None

    for m in _triggered(RX_ROLE_NAME, "ROLE", text, words_ix):
        span = name_words(m.start(1), m.group(1))
        if span and not ctx.followed_by_head(span[1]):
            found.append((*span, 0.8))
    greeted = words_ix.positions.keys() & _GREETINGS
    for m in RX_GREETING.finditer(text) if greeted else ():
        w = m.group(1)
        if ctx.plausible_name_word(w, True) and not ctx.is_ambiguous(w) or ctx.is_first(w):
            found.append((m.start(1), m.end(1), 0.75))
    if "ubj" in text:
        for m in RX_SUBJECT_LINE.finditer(text):
            w = m.group(1)
            if not (ctx.is_common(w) or ctx.is_clinical(w) or w.lower() in STATES):
                found.append((m.start(1), m.end(1), 0.7))
    kin = "s " in text and not words_ix.positions.keys().isdisjoint(_POSSESSIVE_KIN)
    for m in RX_POSSESSIVE_ANY.finditer(text) if kin else ():
        w = m.group(1)
        if not (
            ctx.is_common(w)
            or ctx.is_clinical(w)
            or ctx.is_ambiguous(w)
            or w.lower() in STATES
            or w.lower() in ctx.lex.cities
        ):
            found.append((m.start(1), m.end(1), 0.7))
    for m in _triggered(RX_LOWER_CUED, "LOWC", text, words_ix):
        first, last = m.group(3), m.group(4)
        if any(w in FUNCTION_WORDS or ctx.is_clinical(w) for w in (first, last)):
            continue
        if m.group(1) or m.group(2):
            # after "name:" or "Family (": one name word and no ordinary word
            ok = (ctx.is_name(first) or ctx.is_name(last)) and all(
                ctx.is_name(w) or not ctx.is_common(w) for w in (first, last)
            )
        else:  # "pt ruairi donovan": a given name in the lists, then a surname
            ok = (
                ctx.is_first(first)
                and not ctx.is_common(first)
                and not ctx.is_ambiguous(first)
                and (ctx.is_last(last) or not ctx.is_common(last))
            )
        if ok:
            found.append((m.start(3), m.end(4), 0.7))
    dotted = RX_DOTTED_PAIR.search(text)
    for m in _triggered(RX_INITIALS_AFTER, "INITA", text, words_ix) if dotted else ():
        if re.sub(r"\s", "", m.group(1)).upper() not in NOT_INITIALS:
            found.append((m.start(1), m.end(1), 0.65))
    for m in ctx.census_rows:
        g = 1 if m.group(1) else 2
        words = re.findall(rf"[{UP}]{{2,}}", m.group(g))
        if not any(ctx.is_clinical(w) or w in NOT_INITIALS for w in words):
            found.append((m.start(g), m.end(g), 0.75))
    particles = words_ix.positions.keys() & _PARTICLE_WORDS
    for m in RX_PARTICLE_NAME.finditer(text) if particles else ():
        given = m.group(1)
        if ctx.plausible_name_word(given, False) and not ctx.is_common(given):
            found.append((m.start(1), m.end(2), 0.7))
    # multi-part surnames: carry a found name on through "van der", "de la"
    for i, (s, e, c) in enumerate(found):
        tail = RX_PARTICLE_TAIL.match(text, e)
        if tail:
            found[i] = (s, tail.end(), c)


TRIGGERS.update(
    {
        "ROLE": _w("""guarantor subscriber insured policy guardian prescribed prescriber ordering
            attn please signed electronically e collateral called verified read authorized
            authorised witnessed requested"""),
        "LOWC": _w("patient pt name family guarantor subscriber insured emergency"),
        "INITA": _w("with per by see cc from and to"),
        "LAST": _w("last"),
        "FACC": _w("""works work worked employed employer injured transfer transferred remit study
            studies ct mri film films image images x ultrasound records day attends"""),
        "AGES": _w("patient pt she he who husband wife spouse mother father mom dad age this"),
    }
)
_GREETINGS = _w("hi hey hello dear good thanks thank")
_PARTICLE_WORDS = _w("van von der den de del della di da dos das du la le los ten ter bin ibn al")
RX_DOTTED_PAIR = re.compile(r"[A-Z]\.[ \t]?[A-Z]\.")
RX_CAPS_COMMA = re.compile(rf"[{UP}]{{2}},[ \t]*[{UP}]{{2}}")


def _census_rows(text: str) -> list[re.Match]:
    # only around "SURNAME, GIVEN" pairs: a bounded search at each
    rows: dict[int, re.Match] = {}
    for hit in RX_CAPS_COMMA.finditer(text):
        start = max(0, hit.start() - 40)
        m = RX_CENSUS_ROW.search(text, start, hit.end() + 40)
        while m and m.start() < hit.end():
            rows[m.start()] = m
            m = RX_CENSUS_ROW.search(text, m.end(), hit.end() + 40)
    return list(rows.values())


RX_AGE_STATED = re.compile(
    r"\b(?i:(?:patient|pt|she|he|who|husband|wife|spouse|mother|father|mom|dad)\s+is"
    r"|age\s+at\s+[a-z]+\s*:?|age\s*/\s*(?:sex|gender)\s*:?|this\s+is\s+an?)\s*"
    r"(9\d|1[01]\d|120|(?i:ninety|one\s+hundred)(?:[\s-](?:and\s+)?(?i:one|two|three|four|five"
    r"|six|seven|eight|nine|ten))?)(?![\d%-]|[.,]\d|/(?!\s*[MFmf]\b)|\s*(?:%|mg|kg|lbs?|bpm|beats|degrees|mm|cm"
    r"|minutes|min|hours|days|percent|F\b|on\b))"
)


# "Halloran, Bridget 97 F": an age and sex after a "Last, First" name (not "Temp, Max 98 F")
RX_AGE_AFTER_NAME = re.compile(
    rf"\b([{UP}][{LO}'’-]+),[ \t]*([{UP}][{LO}'’-]+)[ \t]+{AGE_NUM}[ \t]*+(?:y/?o?|yrs?)?[ \t]*"
    r"(?:M|F|male|female)\b"
)


def _more_ages(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _apply_cues("ages4", ctx, text, out, words_ix)
    for m in ctx.census_rows:
        if m.group(3) and 90 <= int(m.group(3)) <= 120:
            out.append((m.start(3), m.end(3), "AGE", 0.8))


# A workplace or sending facility after cues that name one.
RX_FAC_CUED = re.compile(
    r"\b(?i:works?(?:\s+(?:part[- ]time|full[- ]time|nights|days|weekends))?\s+(?:at|for)"
    r"|worked(?:\s+[\w-]+){0,5}?\s+(?:at|for)|employed\s+(?:by|at)|employer\s*:|injured(?:\s+\w+)"
    r"{0,4}?\s+at|transfer(?:red)?\s+from|remit\s+to|(?:study|studies|CT|MRI|films?|images?"
    r"|x-rays?|ultrasound|records)\s+(?:[\w/-]+\s+){0,3}?from|day\s+program\s+at|attends\s+"
    r"(?:\w+\s+)?at)[ \t]*:?[ \t]+(?:the[ \t]+)?"
    rf"((?:{CAPW}|&)(?:[ \t-](?:[A-Z]\.|{CAPW}|&|of|and))*)"
    rf"(?:,[ \t]*({NW}(?:[ \t]{NW})?)(?=[ \t]*(?:,|\.|;|$)))?",
    re.M,
)
RX_TOWN_AFTER_ADDRESS = re.compile(
    rf",[ \t]*({NW}(?:[ \t-](?:{NW}|of|or|on|upon)){{0,3}})(?=[ \t]*(?:[,.;)\n]|$|\d{{5}}"
    rf"|(?:{_STATE_ABBR_RE})\b))"
    rf"|,?[ \t]+((?:{CAPS_WORD})(?:[ \t](?!(?:{_STATE_ABBR_RE})\b){CAPS_WORD})?)"
    rf"(?=[ \t]*(?:[,.;\n]|$|\d{{5}}|(?:{_STATE_ABBR_RE})\b))"
    r"|,[ \t]*([a-z]{3,}(?:[ \t][a-z]{3,})?)(?=[ \t]*(?:[,.;)\n]|$|\d{5}))"
)
RX_COUNTY_LABEL = re.compile(
    rf"\b(?i:county)(?:\s+of\s+residence)?[ \t]*:[ \t]*((?:{CAPW})(?:[ \t]{CAPW})?)"
)
RX_HOME_PAREN = re.compile(
    rf"\b(?i:home|house|residence)[ \t]*\([ \t]*({NW}(?:[ \t]{NW}){{0,2}})[ \t]*\)"
)
RX_PLACE_EXTRA = re.compile(
    rf"\b(?:just\s+)?outside(?:\s+of)?\s+({NW}(?:[ \t]{NW})?)|\bin\s+({NW}(?:[ \t]{NW})?)\s+until\b"
)


def _place_ok(ctx: _Ctx, name: str) -> bool:
    words = name.split()
    return not (
        name.lower() in STATES
        or name.lower() in COUNTRIES
        or any(w.lower() in FUNCTION_WORDS or ctx.is_clinical(w) for w in words)
        or all(ctx.is_common(w) and name.lower() not in ctx.lex.cities for w in words)
        or any(w.upper() in STATE_ABBR or w.lower() in ctx.lex.unit_designators for w in words)
        or re.search(FAC_HEAD, name)
    )


def _more_places(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    m: re.Match[str] | None
    for m in _triggered(RX_FAC_CUED, "FACC", text, words_ix):
        seg = m.group(1)
        toks = seg.split()
        for k, w in enumerate(toks):
            if w in ("PO", "P.O.", "Box", "Attn", "ATTN"):  # an address or a label follows
                toks = toks[:k]
                break
        # not the words that follow the name ("... Foundry Monday", "... Regional ED")
        while toks and (
            toks[-1].lower() in ("of", "and", "&")
            or toks[-1].lower() in FUNCTION_WORDS
            or toks[-1] in NOT_INITIALS
            or (ctx.is_clinical(toks[-1]) and not re.fullmatch(FAC_HEAD, toks[-1]))
        ):
            toks.pop()
        name = " ".join(toks)
        if not toks or RX_TITLE_WORD.fullmatch(toks[0].rstrip(".")) or _is_placeholder(name):
            continue
        if any(w.lower() in PLACEHOLDER_WORDS for w in toks) or all(
            w.lower() in GENERIC_FAC
            or ctx.is_common(w)
            or ctx.is_clinical(w)
            or w in NOT_INITIALS
            or w.lower() in STATES
            for w in toks
        ):
            continue
        out.append((m.start(1), m.start(1) + len(name), "FACILITY", 0.75))
        if m.group(2) and _place_ok(ctx, m.group(2)):
            out.append((m.start(2), m.end(2), "LOCATION", 0.7))
    # a town after a street address or a facility and a comma
    for s, e, cat, _ in list(out):
        if cat not in ("ADDRESS", "FACILITY"):
            continue
        m = RX_TOWN_AFTER_ADDRESS.match(text, e)
        if not m:
            continue
        g = next(i for i in (1, 2, 3) if m.group(i))
        # an ALL-CAPS or a lower-case town follows an address written the same way
        if g > 1 and (
            cat != "ADDRESS" or not (text[s:e].isupper() if g == 2 else text[s:e].islower())
        ):
            continue
        if _place_ok(ctx, m.group(g)):
            out.append((m.start(g), m.end(g), "LOCATION", 0.7))
    present = words_ix.positions.keys()
    for rx, cues in (
        (RX_COUNTY_LABEL, {"county"}),
        (RX_HOME_PAREN, {"home", "house", "residence"}),
        (RX_PLACE_EXTRA, {"outside", "until"}),
    ):
        for m in rx.finditer(text) if present & cues else ():
            g = 1 if m.group(1) else 2
            if _place_ok(ctx, m.group(g)) and not ctx.followed_by_head(m.end(g)):
                out.append((m.start(g), m.end(g), "LOCATION", 0.7))


RX_SSN_SOCIAL = re.compile(
    r"\b(?i:social)\b[^\d\n.]{0,25}?(?<![\d-])(\d{3}[ -]?\d{2}[ -]?\d{4})(?![\d-])"
)
RX_LAST4 = re.compile(r"\blast\s+(?:4|four)(?:\s+digits)?\s*+[:(#-]?\s*(\d{4})(?!\d)", IGN)
RX_SSN_NEAR = re.compile(r"(?i)\b(?:ssn|ss#|social|soc\.?\s*sec)")
# Another value in a list after a cued identifier ("serials X, Y and Z", "MRN X and Y").
RX_LIST_NEXT = re.compile(
    r"[ \t]*(?:,|;|&|\band\b)[ \t]*(?:and[ \t]+)?"
    r"((?=(?:[A-Za-z-]*\d){4})[A-Za-z0-9][A-Za-z0-9-]{3,24})(?![\w-]|/\d)"
)
# A plate beside a VIN ("7WFZ586 (VIN)"), or after an impound or tow form's colon.
RX_PLATE_BY_VIN = re.compile(
    r"\b((?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,8})[ \t]*[(,/;][ \t]*(?:VIN[ \t:#]*)?"
    r"[A-HJ-NPR-Z0-9]{17}\b"
    r"|\b[A-HJ-NPR-Z0-9]{17}[ \t]*[(,/;][ \t]*(?i:plate[ \t:#]*)?"
    r"((?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,8})\b"
    r"|\b(?i:impound|towed|tow)\b[^.\n:]{0,30}:[ \t]*((?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])"
    r"[A-Z0-9]{5,8})\b"
)
RX_CLOCK = re.compile(r"\d(?<!\d\d)\d?:\d\d")
RX_MD_BEFORE_TIME = re.compile(
    r"(?<![\d/.-])((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))[ \t]*(?:@|at)?[ \t]*$"
)
_ORDINALS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth"
)
TRIGGERS["ORD"] = _w(_ORDINALS.replace("|", " ")) | {"twenty", "thirty"}
RX_DATE_ORDINAL_WORDS = re.compile(
    rf"\b(?:(?:twenty|thirty)[\s-])?(?:{_ORDINALS})\s+of\s+(?-i:{MONTH})(?:,?\s+{YEAR}\b)?", IGN
)


def _more_numbers(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    m: re.Match[str] | None
    _apply_cues("numbers4", ctx, text, out, words_ix)
    plates = RX_VIN.search(text) or words_ix.positions.keys() & {"impound", "tow", "towed"}
    for m in RX_PLATE_BY_VIN.finditer(text) if plates else ():
        g = next(i for i in (1, 2, 3) if m.group(i))
        out.append((m.start(g), m.end(g), "VEHICLE", 0.75))
    for t in RX_CLOCK.finditer(text) if "/" in text else ():
        m = RX_MD_BEFORE_TIME.search(text, max(0, t.start() - 12), t.start())
        if m:
            out.append((m.start(1), m.end(1), "DATE", 0.75))
    _apply_cues("ordinal4", ctx, text, out, words_ix)
    for _, e, cat, conf in list(out):
        if cat not in ("DEVICE", "ID", "SSN") or conf < 0.75:
            continue
        while m := RX_LIST_NEXT.match(text, e):
            out.append((m.start(1), m.end(1), cat, 0.7))
            e = m.end()


# ----------------------------------------------------------------------------- general cues
# Identifier values behind any label: a word then "#", "no.", "number" or "ID", or a record,
# payer or registration word; the value holds digits (at least four) and may be written in
# groups ("GRP 1494157", "H3765 787", "8014 4171 7194"). Labels of clinical codes, models,
# rooms and steps are not identifiers.
_VAL_GROUP = r"[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+)*"
ID_VALUE_GROUPED = (
    r"((?:(?!(?:ID|MBI|FIN|MRN|MR|NPI|DEA|DOB|SSN|SS|PIN|ACCT|ACC|NO|DL|RX)\b)[A-Z]{1,4}[ ](?=\d))?"
    rf"(?=[A-Za-z0-9-]*\d){_VAL_GROUP}"
    rf"(?:[ ](?=\d[A-Za-z0-9]{{2}})\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*){{0,3}})(?![\w-]|\.\w)"
)
# "#", "number", "no.", "nbr", "num" (any case) or "ID"/"Id"; begins with its first character
RX_LABEL_MARK = re.compile(
    r"[#nNI](?:(?<=#)|(?<=\b[nN])(?i:umber\b|o\.|br\.?|um\.?)|(?<=\bI)[Dd]\b)"
)
RX_LABEL_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’]*)\.?[ \t]*$")
RX_AFTER_MARK = re.compile(r"[ \t]*+(?:is|was)?[ \t]*+[:#=]?[ \t]*\(?" + ID_VALUE_GROUPED)
RX_RECORD_CUE = re.compile(
    r"(?i:chart|encounter|enc|acct|acc|account|group|grp|insurance|policy|booking|inmate"
    r"|docket|case|claim|pt|patient|member|subscriber|medicaid|medicare|certificate|permit"
    r"|record|records|mrn|mr|id|DOC|ENCOUNTER)[ \t]*+[:#=]?[ \t]*+\(?" + ID_VALUE_GROUPED
)
NOT_ID_LABELS = _w("""room rm bed step phase grade stage class type size cpt icd icd10 ndc loinc
    hcpcs drg snomed rxnorm model catalog cat ref part version item page line question slide
    figure fig table exercise lot dose doses cycle day week visit trial study protocol level
    apgar gleason nyha asa tanner lead channel port gauge french fr catheter tube suture
    serial sn vin plate tag license licence dea npi ssn social phone fax tel cell pager zip
    batch sample specimen bin pcn""")


def _labelled_ids(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    def take(m: re.Match, conf: float) -> None:
        v = m.group(1)
        if sum(c.isdigit() for c in v) >= 4 and sum(c.isalnum() for c in v) >= 5:
            out.append((m.start(1), m.end(1), "ID", conf))

    for mark in RX_LABEL_MARK.finditer(text):
        label = RX_LABEL_WORD_BEFORE.search(text, max(0, mark.start() - 30), mark.start())
        if label and label.group(1).lower() not in NOT_ID_LABELS:
            m = RX_AFTER_MARK.match(text, mark.end())
            if m:
                take(m, 0.8)
    _apply_cues("record4", ctx, text, out, words_ix)


# Form rows with dot leaders ("Patient Name ........ Tariq Sterling"): the label says what
# the value is.
RX_LEADER_ROW = re.compile(
    r"(?m)^[ \t]*([A-Za-z][A-Za-z #/'’-]{1,40}?)[ \t]*\.{3,}[ \t]*(\S[^\n]*?)[ \t]*$"
)
_LEADER_KINDS = (
    (re.compile(r"(?i)\b(?:ssn|social|soc\.? sec)"), "SSN"),
    (re.compile(r"(?i)\b(?:zip|postal)"), "LOCATION"),
    (re.compile(r"(?i)\b(?:dob|birth|date|admit|discharge)"), "DATE"),
    (re.compile(r"(?i)\b(?:phone|tel|cell|fax|mobile)"), "PHONE"),
    (re.compile(r"(?i)\b(?:address|street|residence)"), "ADDRESS"),
    (re.compile(r"(?i)\b(?:city|town|county|state)"), "LOCATION"),
    (
        re.compile(
            r"(?i)\b(?:name|patient|guarantor|subscriber|insured|contact|physician|provider|nurse|attending)"
        ),
        "NAME",
    ),
    (re.compile(r"(?i)\b(?:mrn|record|account|acct|member|policy|group|id|number|no\b|#)"), "ID"),
)
# An SSN broken over a line ("460-78-\n1025") after its cue.
RX_SSN_BROKEN = re.compile(
    r"(?i:\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?))[ \t.:#]*"
    r"(\d{3}[- ]?\d{2}[- ]?\s*\n\s*\d{4}|\d{3}-\d{2}-\s+\d{4})(?!\d)"
)


def _leader_rows(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    if "..." in text:
        for m in RX_LEADER_ROW.finditer(text):
            label = m.group(1)
            for rx, cat in _LEADER_KINDS:
                if rx.search(label):
                    out.append((m.start(2), m.end(2), cat, 0.8))
                    break
    _apply_cues("leader4", ctx, text, out, words_ix)


# Ages over 89 said of a person without "-year-old": "died at 93", "lived to ninety-four",
# "alive at 90", "he's 95", "who is 94", "Pt is 90F", "this gentleman is ninety-six".
_AGE_WORD_UNITS = "one|two|three|four|five|six|seven|eight|nine"
AGE_IN_WORDS = (
    rf"(?:ninety(?:[- ](?:{_AGE_WORD_UNITS}))?|"
    rf"(?:a|one)\s+hundred(?:(?:\s+and)?[- ](?:{_AGE_WORD_UNITS}"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)"
)
AGE_ANY = rf"(?:9\d|1[01]\d|120|(?i:{AGE_IN_WORDS}))"
RX_AGE_OF_PERSON = re.compile(
    r"\b(?i:(?:died|passed(?:\s+away)?|deceased|alive|still\s+living|living)\s+at(?:\s+age)?"
    r"|lived\s+(?:to|until)(?:\s+(?:be|age))?|(?:he|she)['’]?s|(?:he|she)\s+is|who\s+is|who['’]s"
    r"|(?:man|woman|gentleman|lady|patient|pt|grandmother|grandfather|mother|father|mom|dad"
    r"|grandma|grandpa|resident|veteran)\s+(?:is|was))"
    rf"\s+({AGE_ANY})(?:(?=[FM]\b)|(?![\w./-]|,\d|\s*(?:%|mg|kg|lb|bpm|beats|percent|mm|cm"
    r"|on\s+room|/)))"
)


def _ages_of_persons(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _apply_cues("agep4", ctx, text, out, words_ix)


# Dates in the shapes registration systems print: 24JAN1935, 26/Feb, Apr-25, 20230906 (a
# valid yyyymmdd), month and an ordinal word ("September eighteenth"); a bare day of the month
# ("on the 24th", "since the 7th."), and m-d or m/d after a date cue word.
_MON3 = r"(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)"
_ORD_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[- ]first"
)
# Digit-led shapes are tried where a digit starts, month-led ones at month words.
RX_DATE_DIGIT_SHAPES = re.compile(
    rf"(?:\d{{1,2}}(?i:{_MON3})(?:19|20)?\d\d|\d{{1,2}}[/-](?i:{_MON3})\b(?![/-]\d)"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\w)"
)
RX_DATE_MONTH_SHAPES = re.compile(
    rf"(?i:{_MON3})\.?[/-]\d{{1,2}}\b(?![/-]\d)|{MONTH}\.?[ \t]+(?i:{_ORD_WORDS})\b"
)
RX_DIGIT_START = re.compile(r"\d(?<![\w/.:-]\d)")
RX_DAY_ORDINAL = re.compile(
    r"\bthe\s+((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
    r"(?=[ \t]*(?:[.,;:)!?\n]|$|(?:at|via|with|and|for)\b))"
)
RX_DAY_ORDINAL_CUE = re.compile(r"\b(?i:on|since|by|until|till|before|after|is|visit|from|of)\s+$")
RX_MD = re.compile(
    r"(\d(?<![\w/.:-]\d)(?:(?<=1)[0-2]|(?<=0)[1-9]|(?<=[1-9]))[-/](?:3[01]|[12]\d|0?[1-9]))"
    r"(?=[ \t]*(?:[.,;:)\n]|$|(?:at|via|with|and|for|from|to)\b))"
)
RX_MD_CUE = re.compile(
    r"\b(?i:on|since|again|placed|signed|worked|dated|exp|expires|expiry|expiration|seen"
    r"|interrogation|implanted|started|stopped|visit|office|returned|admitted|discharged"
    r"|by\s+(?-i:[A-Z]{1,4}))[ \t]*:?[ \t]+$"
)
DATE_SHAPE_MONTHS = _w("""jan feb mar apr may jun june jul july aug sep sept oct nov dec january
    february march april august september october november december""")


def _date_shapes(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for d in RX_DIGIT_START.finditer(text):
        m = RX_DATE_DIGIT_SHAPES.match(text, d.start())
        if m:
            out.append((m.start(), m.end(), "DATE", 0.8))
    for pos in words_ix.at(DATE_SHAPE_MONTHS):
        m = RX_DATE_MONTH_SHAPES.match(text, pos)
        if m:
            out.append((m.start(), m.end(), "DATE", 0.8))
    _apply_cues("dshape4", ctx, text, out, words_ix)


# Social-media handles ("follow @robin_iyer8") are URL-like identifiers.
# A word character, then dots, then the rest ending in a word character: the strings the
# former `(?:[\w.]*\w){2,30}` took, without its exponential backtracking on a long run.
RX_HANDLE = re.compile(
    r"(?<![\w.@/+-])@([A-Za-z0-9_]\.*[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_])(?![\w@])"
)
# Serial numbers behind a lower-case "sn", vehicle plates behind "vehicle" or in "car (".
RX_SN_ANY = re.compile(
    r"\b(?i:sn|s/n|ser\.?)[ \t]*+[:#]?[ \t]*+"
    r"((?=[A-Za-z0-9-]*\d{3})[A-Za-z0-9][A-Za-z0-9-]{3,24})(?![\w-])"
)
RX_PLATE_CUED = re.compile(
    r"\b(?i:vehicle|car|truck|van|pickup|suv|sedan|jeep|minivan|motorcycle|trailer|plate|plates"
    r"|tag|tags)[ \t]*+[:#(]?[ \t]*+"
    r"(?-i:((?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4}))(?![\w-])"
)


def _handles_serials_plates(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _apply_cues("serials4", ctx, text, out, words_ix)


# Names: a nickname in quotes between two name words (Edward "Ned" Diallo); roles and
# speech cues that name a person (supervisor, scheduler, caller, claimant, "on behalf of",
# "signed out to", "spoke with", "hey its X"); a chat line opened by a given name
# ("Aoife: send pic"); ALL-CAPS or mixed "Last, First" after "Pt" or "review for".
RX_NICKNAME = re.compile(
    rf"\b({NW}[ \t]+[\"“'‘][{UP}][{LO}]+[\"”'’]"
    rf"[ \t]+{NW}(?:-{NW})?(?:[ \t]+(?:Jr|Sr|II|III|IV)\b\.?)?)"
)
RX_ROLE_NAME_MORE = re.compile(
    r"\b(?i:supervisor|scheduler|driver|caller|claimant|decedent|proband|interpreter|imam"
    r"|chaplain|officer|behalf\s+of|signed\s+out\s+to|handed\s+off\s+to"
    r"|spoke\s+(?:w/|with|to)|talked\s+(?:w/|with|to)|met(?:\s+with)?|name|view(?:ed)?"
    r"|supervising\s+(?:physician|provider)|user|owner\s+is(?:\s+the\s+patient)?"
    r"|(?:grand)?(?:son|daughter|child)\s+is|daughters|sons|sisters|brothers|admit|newborn"
    r"|chapter\s+house\s+contact|(?:hey|hi|hello)[ \t,]+(?:it['’]?s|its|this\s+is)"
    r"|thanks|thank\s+you|message\s+taken\s+by)"
    # the cue is a whole word: "ADMITTED" is no "admit" before a name "TED"
    r"(?:(?<![\w])|(?![\w]))"
    r"[ \t]*+[:,(-]?[ \t]*" + NAME_SEQ
)
# "Pt: R.S.", "Patient: JG": initials after a patient label; "Osei, B. MD": a surname and
# an initial before a credential; "1415 Parisa refused meds": a clock time, a given name and
# a person's verb (nursing notes); "C. Washington is a 101 YOF": an initial and a surname
# opening a sentence before a person's verb; tab-separated registration rows.
RX_INITIALS_LABEL = re.compile(
    r"(?:Pt|PT|Patient|PATIENT|Re|RE|Client)[ \t]*:[ \t]*"
    r"((?:[A-Z]\.[ \t]?){2,3}|[A-Z]{2,3}(?![\w.]))"
)
RX_INITIAL_CRED = re.compile(rf",[ \t]*[A-Z]\.(?=,?[ \t]+{CRED}\b)")
RX_SURNAME_BEFORE = re.compile(rf"\b({NW}(?:-{NW})?)$")
RX_TIME_FIRST_NAME = re.compile(
    rf"(?<![\d:])(?:[01]\d|2[0-3])[0-5]\d[ \t]+({NW})(?=[ \t]+(?:{_SUBJECT_VERBS}|up|OOB|out)\b)"
)
RX_INITIAL_SURNAME_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n))([A-Z]\.[ \t]?{NW}(?:-{NW})?)(?=[ \t]+(?:{_SUBJECT_VERBS}"
    r"|continued|continues)\b)",
    re.M,
)
RX_TIME_NAME_HINT = re.compile(r"\d\d[ \t]+[A-Z]")
RX_INITIAL_DOT = re.compile(rf"[A-Z]\.[ \t]?[{UP}]")
RX_TAB_ROW = re.compile(r"(?m)^[^\t\n]*\t[^\n]*\t[^\n]*$")
RX_TAB_ID_CELL = re.compile(
    r"(?:(?<=\t)|^)((?=[A-Z0-9-]*\d{3})(?=(?:[A-Z -]*\d){6})"
    r"[A-Z0-9]{1,8}(?:[- ][A-Z0-9]{1,8}){0,3})"
    r"(?=\t|$)",
    re.M,
)


def _name_shapes(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    m: re.Match[str] | None
    _apply_cues("initl4", ctx, text, out, words_ix)
    for c in RX_INITIAL_CRED.finditer(text):
        m = RX_SURNAME_BEFORE.search(text, max(0, c.start() - 40), c.start())
        if m and (not ctx.is_common(m.group(1)) or ctx.is_name(m.group(1))):
            out.append((m.start(1), c.end(), "NAME", 0.75))
    _apply_cues("clock4", ctx, text, out, words_ix)
    for d in RX_INITIAL_DOT.finditer(text):
        m = RX_INITIAL_SURNAME_SUBJECT.match(text, d.start())
        if not m:
            continue
        last = m.group(1)[2:].strip()
        if ctx.is_last(last) and not ctx.is_clinical(last):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "\t" in text:
        for row in RX_TAB_ROW.finditer(text):
            for m in RX_TAB_ID_CELL.finditer(text, row.start(), row.end()):
                out.append((m.start(1), m.end(1), "ID", 0.7))


RX_AND_NAME = re.compile(rf"[ \t]+and[ \t]+({NW})(?![\w'’-])")
RX_CHAT_LINE = re.compile(rf"(?m)^[ \t]*({NW}):[ \t]+(?=[a-z])")
RX_LAST_FIRST_CUED = re.compile(
    rf"(?:Pt|PT|Patient|review\s+for|records\s+of|for|Inmate|Newborn)(?:[ \t]*+:)?[ \t]++"
    rf"((?:{NW}|[{UP}]{{2,}}(?:[-'’ ][{UP}]{{2,}})?),[ \t]*(?:{NW}|[{UP}]{{2,}})(?:-{NW})?)"
    rf"(?=[ \t]*(?:[,.;\n]|$))"
)


def _cued_names(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _apply_cues("nicknames4", ctx, text, out, words_ix)
    for m in _triggered(RX_ROLE_NAME_MORE, "ROLE2", text, words_ix):
        seg = m.group(1)
        words = [w for w in re.findall(r"[^\s,]+", seg) if not re.fullmatch(r"[A-Z]\.", w)]
        keep = []
        for w in words:
            core = re.sub(r"['’]s$", "", w.rstrip(".,"))
            # after a role cue a name may also be an eponym ("Murphy", "Hunter")
            if all(
                ctx.plausible_name_word(p, True) and (ctx.is_name(p) or not ctx.is_clinical(p))
                for p in core.split("-")
            ):
                keep.append(core)
            else:
                break
        if not keep or not any(
            ctx.is_name(p) or not ctx.is_common(p) for w in keep for p in w.split("-")
        ):
            continue
        end = m.start(1) + seg.find(keep[-1], sum(len(k) for k in keep[:-1])) + len(keep[-1])
        if not ctx.followed_by_head(end):
            out.append((m.start(1), end, "NAME", 0.75))
            # "daughters Hamid and Lior": a second given name joined by "and"
            more = RX_AND_NAME.match(text, end)
            if more and ctx.is_first(more.group(1)) and not ctx.is_common(more.group(1)):
                out.append((more.start(1), more.end(1), "NAME", 0.7))
    _apply_cues("chat4", ctx, text, out, words_ix)


# Facilities: ALL-CAPS names before a facility head; pharmacy chains after a pharmacy or
# refill cue; employers after a job ("teacher at", "works second shift at", "Employer X").
RX_FAC_CAPS_HEAD = re.compile(
    r"(?:HOSPITAL|MEDICAL CENTER|CLINIC|HOSPICE|HEALTH CENTER|NURSING HOME"
    r"|REHABILITATION(?: CENTER)?|CARE CENTER)\b"
)
RX_CAPS_WORDS_BEFORE = re.compile(
    r"\b((?:(?!(?:AND|AT|TO|FROM|OF|THE|IN|ON|FOR|RE|WITH)\b)[A-Z]{2,}['’]?S?[ \t-]){1,4})$"
)
RX_CAPS_HEADING_TAIL = re.compile(
    r"[ \t]+(?:COURSE|STAY|DAYS?|ADMISSION|FOLLOW|VISIT|RECORDS?|NOTE)\b"
)
FAC_CAPS_NOT_NAMES = _w("brief prior previous outside local same new the this that our your")
PHARMACY_CHAINS = (
    r"CVS(?:\s+Pharmacy)?|Walgreens|Rite\s+Aid|Express\s+Scripts|Kinney\s+Drugs"
    r"|Discount\s+Drug\s+Mart|Duane\s+Reade|Walmart(?:\s+Pharmacy)?|Costco(?:\s+Pharmacy)?"
    r"|Kroger(?:\s+Pharmacy)?|Safeway|Albertsons|Publix|Meijer|Hy-Vee|Giant\s+Eagle"
    r"|Harris\s+Teeter|Wegmans|Fred\s+Meyer|Bartell\s+Drugs|OptumRx|Caremark|CenterWell"
    r"|Sav-On|Osco|Brookshire|Family\s+Fare|Hannaford|Shop[Rr]ite|Stop\s*&\s*Shop"
    r"|Thrifty\s+White|Marc['’]s|Medicine\s+Shoppe|Good\s+Neighbor\s+Pharmacy|Health\s+Mart"
    r"|Amazon\s+Pharmacy"
)
PHARMACY_FIRST_WORDS = _w("""cvs walgreens rite express kinney discount duane walmart costco
    kroger safeway albertsons publix meijer hy giant harris wegmans fred bartell optumrx
    caremark centerwell sav osco brookshire family hannaford shoprite stop thrifty marc
    medicine good health amazon""")
RX_PHARMACY_CHAIN = re.compile(rf"(?:{PHARMACY_CHAINS})(?![\w])")
# a pharmacy, refill or prescription cue, or at/from/to, just before the chain's name
RX_PHARMACY_CUE = re.compile(
    r"(?:\b(?i:pharmacy|refill(?:\s+request)?|rx|prescriptions?|sent|send|faxed|called)"
    r"(?:\s+[a-z]+){0,2}[ \t]*:?[ \t]+(?:(?i:from|to|at|via)[ \t]+)?(?:the[ \t]+)?"
    r"|\b(?i:at|from|to)[ \t]+)$"
)
RX_FAC_MORE_HEAD = re.compile(
    r"(?:Head\s+Start|Detention\s+Center|Recovery\s+(?:Services|Center)|Rehabilitation"
    r"|Behavioral\s+Health|Treatment\s+Center|Counseling\s+(?:Center|Services)"
    r"|Health\s+Department|Food\s+Bank|Warming\s+Shelter|Community\s+Center)\b"
)
RX_FAC_GENERIC_HEADS = ("Rehabilitation", "Behavioral", "Treatment", "Community", "Health")
RX_FAC_MORE_BEFORE = re.compile(rf"\b(?:{CAPW}[ \t]+){{1,4}}(?:(?:&|and)[ \t]+)?$")
RX_FAC_WORSHIP = re.compile(
    rf"\b(?:Masjid|Kingdom\s+Hall(?:\s+of)?)(?:[ \t-]+(?:{CAPW}|of|al|Al|the|[’']s))+"
)
RX_EMPLOYER = re.compile(
    r"\b(?i:employer|employed\s+at|(?:teacher|nurse|cashier|clerk|aide|driver|manager|cook"
    r"|employee|volunteer|janitor|mechanic|waitress|waiter|server|custodian|foreman|worker)"
    r"\s+at|works?(?:\s+[a-z-]+){0,3}\s+at|shift\s+at)[ \t]*:?[ \t]+"
    rf"((?:{CAPW})(?:[ \t](?:{CAPW}|&|of))*(?:[’']s)?)"
)


RX_FIRST_WORD = re.compile(r"([A-Za-z]+)[ \t]+")


def _more_facilities(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for h in (
        RX_FAC_CAPS_HEAD.finditer(text)
        if "CENTER" in text or "HO" in text or "CLINIC" in text
        else ()
    ):
        m = RX_CAPS_WORDS_BEFORE.search(text, max(0, h.start() - 60), h.start())
        if not m:
            continue
        words = m.group(1).lower().split()
        # "BRIEF HOSPITAL COURSE" is a section heading; "COMMUNITY HOSPITAL" names no place
        if not RX_CAPS_HEADING_TAIL.match(text, h.end()) and not all(
            w.strip("-") in GENERIC_FAC or w.strip("-") in FAC_CAPS_NOT_NAMES for w in words
        ):
            out.append((m.start(1), h.end(), "FACILITY", 0.75))
    for pos in words_ix.at(PHARMACY_FIRST_WORDS):
        m = RX_PHARMACY_CHAIN.match(text, pos)
        if m and RX_PHARMACY_CUE.search(text, max(0, pos - 40), pos):
            out.append((m.start(), m.end(), "FACILITY", 0.75))
    for h in RX_FAC_MORE_HEAD.finditer(text):
        m = RX_FAC_MORE_BEFORE.search(text, max(0, h.start() - 80), h.start())
        if not m:
            continue
        s = m.start()
        while (w := RX_FIRST_WORD.match(text, s)) and w.group(1).lower() in FUNCTION_WORDS:
            s = w.end()
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text[s : h.start()])
        if not words:
            continue
        # "Cardiac Rehabilitation", "Inpatient Treatment Center" name a service, not a place
        if h.group().startswith(RX_FAC_GENERIC_HEADS) and all(
            ctx.is_common(w) or ctx.is_clinical(w) or w.lower() in GENERIC_FAC for w in words
        ):
            continue
        out.append((s, h.end(), "FACILITY", 0.75))
    _apply_cues("work4", ctx, text, out, words_ix)


# Places: the words before "ST 12345" or ", ST 12345" (any words: "Island Pond, KY 54337");
# a place after a strong residence or life-event cue, ordinary words included ("lives in Dry
# Fork", "grew up in the North End", "died at 94 in Dry Fork", "age 97, of Republic"); a
# place "near" a road; "up in Errol" when the name is no ordinary word; and the "County" or
# "Co." after a found place.
RX_CITY_ST_BEFORE = re.compile(
    rf"((?:{CAPW})(?:[ \t-](?:{CAPW})){{0,2}}),?[ \t]+(?:(?:{STATE_RE})\.?,?[ \t]+"
    r"|(?i:zip|zip\s+code|postal\s+code|zipcode)[ \t]*[:#]?[ \t]*)$"
)
RX_IN_PLACE = re.compile(r"[ \t]+in[ \t]+" + rf"((?:{CAPW})(?:[ \t-](?:{CAPW})){{0,2}})")
PLACE_WORDS = rf"((?:the[ \t]+)?(?:{CAPW})(?:[ \t-](?:{CAPW})){{0,2}})"
RX_PLACE_STRONG = re.compile(
    r"\b(?i:lives|living|lived|resides|residing|resided|grew\s+up|raised|born|buried|died"
    rf"(?:\s+at\s+{AGE_ANY})?|moved\s+(?:back\s+)?(?:to|from)|decedent[^.\n]{{0,60}}?,\s+of)"
    r"[ \t]+(?:(?i:in|near|outside(?:\s+of)?|at|on)[ \t]+)?" + PLACE_WORDS
)
RX_PLACE_AFTER_AGE = re.compile(rf"\b(?i:age|aged)[ \t]+{AGE_ANY},[ \t]+of[ \t]+" + PLACE_WORDS)
RX_ROAD_BEFORE = re.compile(rf"\b{STREET_SUFFIX}\.?,?[ \t]+$")
RX_NEAR_PLACE = re.compile(r"near[ \t]+" + PLACE_WORDS)
RX_PLACE_UP_IN = re.compile(
    r"(?<!follow )(?<!show )(?<!showed )(?<!signed )(?<!picked )(?<!ended )(?<!end )"
    r"\b(?:up|out|down|over|back)[ \t]+(?:in|near)[ \t]+" + PLACE_WORDS
)
RX_COUNTY_TAIL = re.compile(r"[ \t]+(?:County|Co\.|Parish|Borough)(?![\w])")
_NOT_PLACE_START = _w("""the a an this that my his her their our your which what when where
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""")


def _place_words(ctx: _Ctx, text: str, s: int, e: int, strong: bool):
    seg = text[s:e]
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", seg)
    lead = 1 if words and words[0].lower() == "the" else 0
    core = words[lead:]
    if not core or core[0].lower() in _NOT_PLACE_START or core[0].lower() in STATES:
        return None
    if any(
        ctx.is_clinical(w) or w.lower() in FUNCTION_WORDS or (w.isupper() and len(w) <= 4)
        for w in core
    ):
        return None  # "moved to ICU": acronyms are wards and units, not places
    if not strong and all(ctx.is_common(w) for w in core):
        return None
    return s, e


def _more_locations(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for z in ctx.zips:
        m = RX_CITY_ST_BEFORE.search(text, max(0, z.start() - 60), z.start())
        if not m:
            continue
        words = re.findall(r"\S+", m.group(1))
        skip = 0
        # a street suffix or unit word ends the address before the town
        for i, w in enumerate(words):
            if re.fullmatch(STREET_SUFFIX + r"\.?|(?i:apt|unit|lot|suite|ste|rm|room|box)", w):
                skip = i + 1
        if skip < len(words):
            s = m.start(1) + m.group(1).find(words[skip]) if skip else m.start(1)
            out.append((s, m.end(1), "LOCATION", 0.8))
    found = [
        (m, strong)
        for rx, kind, strong in (
            (RX_PLACE_STRONG, "PLACE", True),
            (RX_PLACE_AFTER_AGE, "AGE", True),
            (RX_PLACE_UP_IN, "UPIN", False),
        )
        for m in _triggered(rx, kind, text, words_ix)
    ]
    for pos in words_ix.positions.get("near", ()):
        if RX_ROAD_BEFORE.search(text, max(0, pos - 16), pos) and (
            m := RX_NEAR_PLACE.match(text, pos)
        ):
            found.append((m, True))
    for m, strong in found:
        g = m.lastindex
        assert g is not None  # every pattern here has a group
        span = _place_words(ctx, text, m.start(g), m.end(g), strong)
        if span:
            out.append((*span, "LOCATION", 0.75))
    # "lives alone at 483 E Chestnut Grove in Tressel": the town after an address
    for _s, e, cat, _c in list(out):
        if cat == "ADDRESS" and (m := RX_IN_PLACE.match(text, e)):
            span = _place_words(ctx, text, m.start(1), m.end(1), True)
            if span:
                out.append((*span, "LOCATION", 0.75))
    for i, (s, e, cat, conf) in enumerate(out):
        if cat == "LOCATION" and (t := RX_COUNTY_TAIL.match(text, e)):
            out[i] = (s, t.end(), cat, conf)


TRIGGERS.update(
    {
        "RECORD": _w("""chart encounter enc acct acc account group grp insurance policy booking
            inmate docket case claim pt patient member subscriber medicaid medicare certificate
            permit record records mrn mr id doc"""),
        "AGEP": _w("""died passed deceased alive still living lived he she who man woman gentleman
            lady patient pt grandmother grandfather mother father mom dad grandma grandpa
            resident veteran"""),
        "SNX": _w("sn s ser"),
        "INITL": _w("pt patient re client"),
        "CAPSLBL": _w("""patient name pt re subject physician surgeon attending referring pcp
            primary cc guarantor subscriber insured"""),
        "TITLE": _w("""mr mrs ms miss mx mssrs messrs dr drs doctor prof professor rev reverend sr
            sister father fr nurse judge officer capt captain sgt col lt pastor rabbi attorney
            atty"""),
        "LASTFIRST": _w("pt patient review records for inmate newborn"),
        "PLACE": _w("""lives living lived resides residing resided grew raised born buried died
            moved decedent"""),
        "UPIN": _w("up out down over back"),
        "PLATE": _w(
            "vehicle car truck van pickup suv sedan jeep minivan motorcycle trailer plate plates"
            " tag tags"
        ),
        "ROLE2": _w("""supervisor scheduler driver caller claimant decedent proband interpreter imam
            chaplain officer behalf signed handed spoke talked met name view viewed supervising user
            owner son daughter child grandson granddaughter grandchild daughters sons sisters
            brothers admit newborn chapter hey hi hello thanks thank message"""),
        "EMPL": _w("""employer employed teacher nurse cashier clerk aide driver manager cook
            employee volunteer janitor mechanic waitress waiter server custodian foreman worker
            works work shift"""),
    }
)


# ----------------------------------------------------------------------------- round 5
# Kinds behind the misses of held-out set D (issue 12, fifth round): identifiers written
# with other separators, roles and labels that precede a name, ages said of relatives,
# rural addresses, and what follows a found identifier (a town after an address, a suffix
# after a name, an extension after a phone number).
_SSN_CUE5 = (
    r"(?:SSN|SS\s*#|SS|ITIN|TIN|(?i:social(?:\s+security)?(?:\s+(?:number|no\.?|#))?"
    r"|soc\.?\s*sec\.?(?:\s*#)?))"
)
# Nine digits in 3-2-4 groups with any mix of spaces, dots and dashes ("334 - 35 - 6560",
# "256.03.6200", "488-52 1223") shortly after an SSN cue.
RX_SSN_SEPARATED = re.compile(
    rf"\b{_SSN_CUE5}(?![A-Za-z])[^.\n\d]{{0,40}}?(?<![\d.-])"
    r"(\d{3}(?:[ \t]*[-.][ \t]*|[ \t]+)\d{2}(?:[ \t]*[-.][ \t]*|[ \t]+)\d{4}|\d{9})(?![\d-]|\.\d)"
)
# Its groups parted by commas right after its cue: a list's items as a page joins them
# ("ssn: 123-45, 6789"). Only an SSN's own cue, the number next to it.
RX_SSN_COMMAS = re.compile(
    r"\b(?:SSN|SS\s*#|(?i:ssn|social\s+security(?:\s+(?:number|no\.?|#))?))(?:[ \t]*[:#=])?"
    r"[ \t]*(?<![\d.-])(\d{3}[ \t]*[-,][ \t]*\d{2}[ \t]*[-,][ \t]*\d{4})(?![\d-]|[.,]\d)"
)
RX_SSN_MASKED = re.compile(r"[Xx*#](?<![\w-][Xx*#])[Xx*#]{2}[- ][Xx*#]{2}[- ](\d{4})(?![\w-])")
RX_SSN_LAST4_SOCIAL = re.compile(
    r"\b(?i:last\s+(?:four|4)(?:\s+digits)?\s+of\s+(?:the\s+|her\s+|his\s+)?"
    rf"{_SSN_CUE5}|{_SSN_CUE5}\s+(?:last|ends?\s+(?:in|with))\s*(?:four|4)?)(?![A-Za-z])"
    r"\s*[:#-]?\s*(\d{4})(?!\d)"
)
TRIGGERS["SSN5"] = _w("ssn ss itin tin social soc last")

_REL5 = (
    r"patient|pt|brother|sister|mother|father|husband|wife|son|daughter|aunt|uncle"
    r"|grandmother|grandfather|grandma|grandpa|granddaughter|grandson|sibling|cousin|spouse"
    r"|oldest|youngest|resident|veteran|neighbor|neighbour"
)
_AGE_TAIL5 = (
    r"(?=[ \t]*(?:[,;:)]|\.(?!\d)|$|\n|(?:and|on|in|of|next|this|last|years?|yrs?|yo|y/o"
    r"|now|today|when|but)\b))"
)
# "patient 99,", "sister ninety-eight,", "Brother is 106 and", "her brother Ruthanne is 105",
# "father Ignacio Vu (92)", "she will be ninety on the 10th".
RX_AGE_OF_RELATIVE = re.compile(
    rf"\b(?i:{_REL5})(?:[ \t]+(?:[A-Z][A-Za-z'’-]+|[A-Z]\.)){{0,3}}[ \t]+"
    r"(?:(?i:is|was|turned|turns|turning|will\s+be|would\s+be|reached|aged?)[ \t]+)?\(?"
    rf"({AGE_ANY})(?![\w/-]|[.,]\d|[ \t]*(?:%|mg|kg|lbs?|bpm|beats|percent|mm|cm|/)){_AGE_TAIL5}"
)
TRIGGERS["AGER5"] = _w(_REL5.replace("|", " "))
# An age in words is one unless a unit or an angle follows ("ninety minutes", "to ninety").
RX_AGE_WORDS5 = re.compile(
    rf"(?<!\bto )(?<!\bat )(?<!\bof )(?<!\bby )\b((?i:{AGE_IN_WORDS}))(?![\w-])"
    r"(?=[ \t]*(?:[,;)]|\.(?!\d)|$|\n|(?:years?|yrs?|on\s+the|and\s+(?:the|her|his|she|he)"
    r"|in\s+(?-i:[A-Z]))\b))"
)
# "100F brought in by ...": an age glued to the sex at the start of a line or sentence.
RX_AGE_SEX_START = re.compile(r"\d(?<![\w.]\d)\d\d?(?=[FM][ \t,]+[a-z])")
RX_LINE_START_BEFORE = re.compile(r"(?:^|\n|[.;:] )[ \t]*$")

# Dates: "2.15.68", "Aug-2021"; a year after a month and ordinal in words.
RX_DATE_DOTTED = re.compile(
    r"\d(?<![\w.]\d)(?:(?<=1)[0-2]|(?<=0)[1-9])?\.(?:3[01]|[12]\d|0?[1-9])\.(?:\d{4}|\d\d)"
    r"(?!\w|\.\d)"
)
RX_DATE_MON_YEAR = re.compile(
    rf"\b(?i:{_MON3}|January|February|March|April|August|September|October|November"
    r"|December)-(?:19|20)\d\d\b(?!-)"
)
RX_DASH_YEAR = re.compile(r"-(?:19|20)\d\d\b(?!-)")
_DAY_ORDINAL_WORDS = _w("""tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth
    seventeenth eighteenth nineteenth twentieth thirtieth first second third fourth fifth
    sixth seventh eighth ninth""")
RX_YEAR_AFTER = re.compile(r",?[ \t]+(?:19|20)\d\d\b(?![\d/-]|\.\d)")
RX_DAY_ORDINAL_WORD = re.compile(
    r"\b(?i:on|of|since|by|until|before|after)\s+the\s+((?i:tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[- ]first))(?=[ \t]*(?:[.,;:)]|$|(?:and|at)\s+(?!(?:the\s+)?[a-z]+th\b)))"
)
TRIGGERS["MDR5"] = _w("return returned due expires expire")
TRIGGERS["DORD5"] = _w("on of since by until before after")
RX_MD_RETURN = re.compile(
    r"\b(?i:return(?:ed)?\s+by|due\s+(?:back\s+)?by|due\s+on|expires?(?:\s+on)?)[ \t]+"
    r"((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![\d/])"
)
RX_DAY_NEXT_MONTH = re.compile(
    r"\bthe\s+((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\s+of\s+(?:next|this|last|the\s+month)"
)

# Phone extensions after a found number: "#557", "x3049", ", extension 397".
RX_PHONE_SHAPED = re.compile(r"1?\d{10}")
RX_EXTENSION_AFTER = re.compile(r",?[ \t]*(?:#|x|ext\.?|extension)[ \t]*\d{1,5}\b", IGN)

# Vehicles: a plate after "reg", "license" or "tags ... were" near a vehicle word.
RX_PLATE5 = re.compile(
    r"\b(?i:reg(?:istration)?|licen[cs]e|tags?(?:\s+[a-z-]+){0,4}\s+(?:were|was|is|are)"
    r"|second\s+car|first\s+car)\.?\s*+[:#]?\s*"
    r"((?=[A-Z0-9 -]{0,9}\d)(?=[A-Z0-9 -]{0,9}[A-Z])(?:[A-Z0-9]{2,4}[ -][A-Z0-9]{3,5}"
    r"|[A-Z0-9]{5,8}))(?![\w-])"
    r"|\b(?i:licen[cs]e)\s*+[:#]?\s*([A-Z]{2,5}\.\d{3,8})\b"
)
TRIGGERS["PLATE5"] = _w("reg registration license licence tag tags second first")
RX_VEHICLE_NEAR = re.compile(r"(?i)\b(?:vehicle|car|truck|van|pickup|tags?|plates?|vin)\b")

# Addresses: rural routes and boxes, numbered forest/county roads, state routes after a
# travel cue, Wisconsin grid numbers ("W9041"), a lettered house number ("32 B North ...").
RX_RURAL_BOX = re.compile(
    r"\b(?:Rt|Rte|RR|R\.R|HCR|HC|Route|Rural\s+Route|Star\s+Route)\.?[ \t]*\d{1,4},?[ \t]+"
    r"(?i:Box|Bx)\.?[ \t]*+#?[ \t]*\d{1,5}[A-Z]?\b"
)
TRIGGERS["BOX5"] = _w("rt rte rr r hcr hc route rural star")
TRIGGERS["ROADN5"] = _w("forest fs county co state township twp farm ranch old mine logging blm")
RX_NUMBERED_ROAD = re.compile(
    r"\b(?:Forest\s+Service|FS|County|Co\.?|State|Township|Twp\.?|Farm\s+to\s+Market|Ranch"
    r"|Old|Mine|Logging|BLM)[ \t]+(?:Road|Rd\.?|Route|Rte\.?|Highway|Hwy\.?|Lane|Ln\.?)"
    r"[ \t]+\d{1,5}[A-Z]?\b"
)
RX_STATE_ROUTE = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]-\d{1,4}[A-Z]?\b(?![-/])")
RX_ROUTE_CUE_BEFORE = re.compile(
    r"\b(?i:off|off\s+of|take|took|via|along|past|down|up|near|onto|on)[ \t]+$"
)
_ROUTE_PREFIXES = frozenset(STATE_ABBR) - {"CA"} | {"US", "SR", "CR", "FM"}
RX_GRID_ADDRESS = re.compile(r"[NSEW](?<!\w[NSEW])\d{3,6}[ \t]+(?=[A-Z])")
RX_LETTERED_NUMBER = re.compile(
    r"\d(?<!\w\d)\d{0,5}[ \t][A-Z][ \t]+(?=(?:North|South|East|West|[NSEW]\.?)\s)"
)
_ROAD_SUFFIX5 = (
    r"(?:Road|Rd|Lane|Ln|Highway|Hwy|Pike|Trail|Trl|Drive|Street|Avenue|Ave|Boulevard|Blvd"
    r"|Loop|Spur|Hollow\s+Road|Creek\s+Road|Branch\s+Road|Fork\s+Road)"
)
RX_ROAD_AFTER_CUE = re.compile(
    r"\b(?i:went\s+off|ran\s+off|lives\s+off|live\s+off|living\s+off|off\s+of|walking\s+along"
    r"|along|house\s+on|home\s+on|lives\s+on|down)[ \t]+"
    rf"((?:[A-Z][a-z'’]+[ \t]+){{1,3}}{_ROAD_SUFFIX5})\b(?!-)"
)
TRIGGERS["ROAD5"] = _w("went ran lives live living off walking along house home down")

# Facilities named with a label (pharmacy, employer, fax recipient) and heads the
# general pattern lacks.
RX_FAC_LABEL = re.compile(
    r"(?:\b(?i:pharmacy|employer|employed\s+by|works\s+(?:at|for)|owned\s+by|loaned\s+by"
    r"|fitted\s+at|fax\s+back\s+to)|(?<=FAX COVER - )To)[ \t]*:?[ \t]+"
    r"((?:[A-Z][A-Za-z'’]*|&)(?:[ \t]+(?:[A-Z][A-Za-z'’-]*|&|of)){1,5})"
    r"(?=[ \t]*(?:[,;.\n(]|$|[ \t]{2}|[ \t]+(?:at|in|on|to|for|and|phone|fax|Fax|Phone)\b))"
)
TRIGGERS["FACL5"] = _w("pharmacy employer employed works owned loaned fitted fax to")
FAC_HEAD5 = (
    r"(?:(?i:Long\s+Term\s+Care|Detox|CBOC|Surgery\s+Center|High\s+School|Middle\s+School"
    r"|Elementary\s+School)|Primary\s+Care|Wellness\s+Cent(?:er|re)|Prescription\s+Shop|Drug\s+Store|Grain"
    r"\s+Cooperative|Cooperative|Co-op|Trucking|Feed\s+(?:&|and)\s+Seed|Samaritan\s+Society"
    r"|Senior\s+Living|Medical\s+Clinic|Family\s+Health)"
)
_CODES5 = _w("abc abcd xyz xxx")
_SERVICE_WORDS = _w("""chiropractic dental vision hearing integrative holistic natural complete
    total advanced comprehensive physical therapy rehab counseling""")
_FAC_HEAD5_FIRST = _w("""primary wellness prescription drug grain cooperative co trucking feed
    samaritan senior medical family long detox cboc surgery high middle elementary""")
RX_FACILITY5 = re.compile(
    rf"\b((?:[A-Z][A-Za-z'’-]*[ \t]+){{1,4}}{FAC_HEAD5})\b"
    r"(?:[ \t]*(?:&|and)[ \t]+[A-Z][a-z]+)?"
)

# Names: roles and speech cues before a name; "Last,First" without a space; "Last, First"
# after a form label or before a record field; lower-case names in chats.
RX_ROLE5 = re.compile(
    r"\b(?i:caller|chaplain|pharmacist|payee|representative\s+payee|transport|courier"
    r"|driver(?:\s+of\s+vehicle\s+\d)?|identified\s+(?:herself|himself|themselves)\s+as"
    r"|ask\s+for|verify\s+with|results\s+to|intake\s+by|coroner|claimant|placed\s+by|fitted\s+by"
    r"|implanted\s+by|owner|registered\s+to|inmate|decedent|attn\.?)"
    r"[ \t]*[:,-]?[ \t]+" + NAME_SEQ
)
TRIGGERS["ROLE5"] = _w(
    """caller chaplain pharmacist payee representative transport courier driver identified
    ask verify results intake coroner claimant placed fitted implanted owner registered inmate
    decedent attn"""
)
_LASTNAME5 = rf"(?:(?i:{PARTICLE})[ \t]+)?(?:{NW}|{CAPS_WORD})(?:[-'’](?:{NW}|{CAPS_WORD}))?"
RX_LAST_FIRST5 = re.compile(
    rf"\b({_LASTNAME5}),[ \t]*((?:{NW}|{CAPS_WORD})(?:[ \t][{UP}]\b\.?)?)"
    r"(?=[ \t]*(?:[;,(/\n]|\.(?:[ \t]|$)|$|[ \t]{2}|[ \t]+(?:MRN|MR|DOB|Sex|SEX|Age|AGE|Acct"
    r"|ACCT|booking|last|from|\d{2,3}[ \t]+years?)\b))"
)
RX_LAST_FIRST_CUE5 = re.compile(
    r"\b(?i:patient|pt|owner|inmate|name|subscriber|insured|guarantor|claimant|referral|admission"
    r"|client|member|decedent|resident|for|under|re)\s*[:#-]?[ \t]*$"
)
RX_LAST_FIRST_TIGHT = re.compile(rf"\b({NW}|{CAPS_WORD}),((?:{NW}|{CAPS_WORD}))\b(?![,.]\w)")
RX_COMMA_CAP = re.compile(rf",[ \t]*[{UP}]")
RX_WORD_STARTS_BEFORE = re.compile(r"(?<![\w'’-])[\w'’-]")
RX_CHAT_HERE = re.compile(r"(?:^|[\n'\"‘“(])[ \t]*([a-z]{3,})[ \t]+$")
RX_LOWER_CHAT5 = re.compile(
    r"\b(?:this\s+is|its|it['’]s|per|reminder\s+to)[ \t]+([a-z]{3,}(?:[ \t]+[a-z]{3,}){0,2})\b"
    r"|\b(?i:dad|mom|mother|father|son|daughter|wife|husband|sister|brother)[ \t]*\("
    r"[ \t]*([a-z]{3,}[ \t]+[a-z]{2,})[ \t]*\)"
)
TRIGGERS["RELP5"] = _w("""dad mom mother father son daughter wife husband sister brother aunt
    uncle grandmother grandfather guardian spouse partner""")
RX_REL_PAREN_INITIAL = re.compile(
    r"\b(?i:dad|mom|mother|father|son|daughter|wife|husband|sister|brother|aunt|uncle"
    rf"|grandmother|grandfather|guardian|spouse|partner)[ \t]*\([ \t]*([A-Z]\.[ \t]?{NW})"
    r"[ \t]*\)"
)
# Ages before "YOF"/"YOM" ("a 101 YOF"), and a town in capitals before a ZIP on its own line.
RX_AGE_YO_SEX = re.compile(r"\b(9\d|1[01]\d|120)[ \t]*(?i:yo[fm]|y/o[fm]|yo[ \t][fm])\b")
RX_CAPS_TOWN_BEFORE = re.compile(
    rf"(?:^|\n)[ \t]*((?:[{UP}]{{2,}}[ \t]+){{0,2}}[{UP}]{{3,}}),?[ \t]+$"
)
TRIGGERS["CHAT5"] = _w(
    "this its it per reminder dad mom mother father son daughter wife husband sister brother"
)
RX_INITIALS5 = re.compile(r"\b((?:[A-Z]\.){1,2}[A-Z]\b\.?|[A-Z]{2,3})[ \t]*$")
RX_INITIALS_TAIL5 = re.compile(
    r"['’]s\s+case|,\s+an?\s+\d{1,3}[- ]y|\((?:RN|LPN|NP|MD|PA|CNA|RT|SW|APRN)\)"
)
TRIGGERS["TITLEP"] = _w("dr drs mr mrs ms mx")
RX_TITLE_PARTICLE = re.compile(
    rf"\b(?:Drs?|Mrs?|Ms|Mx)\.?[ \t]+(?:\w+[ \t]+and[ \t]+)?((?:{PARTICLE})[ \t]+{NW}(?:-{NW})?)"
)
RX_FIRST_AFTER_COMMA = re.compile(
    rf",[ \t]*({NW}|{CAPS_WORD})(?:[ \t][{UP}]\b\.?)?(?=[ \t]*(?:[;,(/\n]|$|[ \t]{{2}}))"
)
# A nickname and the name it stands for: "Bud (legal name ...)", "Stone (goes by Tootie)".
RX_NICKNAME5 = re.compile(rf"\b({NW})[ \t]*$")
RX_NICKNAME_PAREN5 = re.compile(
    r"\((?i:legal\s+name|real\s+name|birth\s+name|goes\s+by|aka|a\.k\.a\.)"
)
RX_NAME_SUFFIX = re.compile(r",?[ \t]+(?:Jr|Sr|II|III|IV)\b\.?")
RX_MIDDLE_AFTER_CAPS = re.compile(r"[ \t]+[A-Z]\b\.?(?=[ \t]*(?:[;,(/\n]|$|[ \t]{2}|\.))")

# What follows a found identifier.
RX_TOWN_AFTER_ADDRESS5 = re.compile(
    r"(?:[ \t]*(?:#|(?i:apt|unit|lot|trlr|ste|suite|spc))\.?[ \t]*[A-Za-z0-9-]{1,5})?"
    r"(?:[,;][ \t]*|[ \t]+(?:in|near|outside(?:[ \t]+of)?)[ \t]+)"
    r"((?:[A-Z][a-z'’]+)(?:[ \t-]+[A-Z][a-z'’]+){0,2})"
    r"(?=[ \t]*(?:[,.;)\n]|$|\d{5}|on\b|at\b|after\b|about\b|[A-Z]{2}\b))"
)
RX_ZIP_AFTER_TOWN = re.compile(r",?[ \t]+(\d{5}(?:-\d{4})?)(?![\d-])")
RX_TOWN_AFTER_FAC = re.compile(
    r"[ \t]*(?:in[ \t]+|\([ \t]*|-[ \t]+)((?:[A-Z][a-z'’]+)(?:[ \t]+[A-Z][a-z'’]+){0,2})"
    r"(?=[ \t]*(?:[,.;)\n]|$|every\b|on\b|and\b|now\b|in\b))"
)
RX_TOWN_AFTER_NAME = re.compile(
    r"(?:,[ \t]*[^,\n]{1,30},)?[ \t]+of[ \t]+((?:[A-Z][a-z'’]+)(?:[ \t]+[A-Z][a-z'’]+){0,1})"
    r"(?=[ \t]*(?:[,.;)\n]|$|passed|died|was|is)\b|[ \t]*[,.;)\n]|[ \t]*$)"
)
RX_AGE_AFTER_NAME5 = re.compile(
    rf"(?:,[ \t]*(?:(?i:age|aged)[ \t]+)?|[ \t]*\([ \t]*)({AGE_ANY})(?![\w-])"
    r"(?:[ \t]*(?:years?(?:\s+old)?|yo|y/o))?[ \t]*(?:[,;)]|\.(?!\d))"
    rf"|[ \t]+(?:is|was|turned)[ \t]+({AGE_ANY})(?![\w-])(?=[ \t]*(?:[.,;)]|and\b|$|years?\b))"
)
RX_NICK_AFTER_NAME6 = re.compile(r"[ \t]+\(([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\)")
RX_FROM_TOWN = re.compile(
    r"\b(?:in\s+from|both\s+from|phone\s+from|grandson\s+\w+\s+from"
    r"|drives\s+to|relocated\s+(?:from\s+[^.;\n]{1,40}?\s+)?to|born\s+[^;\n]{0,20}?\s+in)"
    r"\s+([A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]{2,})?)"
    r"(?=[ \t]*(?:[,.;)\n]|$|every|each|daily|weekly|on|to|and|for)\b"
    r"|[ \t]*[,.;)\n(]|[ \t]*$)"
)


# code systems whose codes are five digits, like a ZIP code (round 16)
_CODE_SYSTEMS16 = _w("cpt hcpcs icd loinc ndc drg snomed rxnorm apc revenue rev code")


def _round5(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    m: re.Match[str] | None
    _apply_cues("numbers5", ctx, text, out, words_ix)
    for z in ctx.zips:
        m = RX_CAPS_TOWN_BEFORE.search(text, max(0, z.start() - 50), z.start())
        town = m.group(1) if m else ""
        if (
            m
            and town.lower() not in STATES
            and town.lower() not in _CODE_SYSTEMS16  # "CPT 99497": a billing code
            and not any(ctx.is_clinical(w) for w in town.split())
        ):
            out.append((m.start(1), m.end(1), "LOCATION", 0.7))
            out.append((z.start(), z.end(), "LOCATION", 0.7))
    _apply_cues("dotted5", ctx, text, out, words_ix)
    for h in RX_DASH_YEAR.finditer(text) if "-" in text else ():
        m = RX_DATE_MON_YEAR.search(text, max(0, h.start() - 10), h.end())
        if m and m.end() == h.end():
            out.append((m.start(), m.end(), "DATE", 0.8))
    _apply_cues("dates5", ctx, text, out, words_ix)
    for m in _triggered(RX_PLATE5, "PLATE5", text, words_ix):
        g = 1 if m.group(1) else 2
        if g == 2 or RX_VEHICLE_NEAR.search(text, max(0, m.start() - 80), m.end() + 40):
            out.append((m.start(g), m.end(g), "VEHICLE", 0.75))
    _apply_cues("roads5", ctx, text, out, words_ix)
    for rx in (RX_GRID_ADDRESS, RX_LETTERED_NUMBER):
        for m in rx.finditer(text):
            tail: list = []
            _usps_addresses(ctx, "1 " + text[m.end() :], tail)
            if tail and tail[0][0] == 0:
                out.append((m.start(), m.end() + tail[0][1] - 2, "ADDRESS", 0.8))
    for m in _triggered(RX_FAC_LABEL, "FACL5", text, words_ix):
        seg = m.group(1).rstrip(" &")
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", seg) if w != "of"]
        if (
            words
            and not all(ctx.is_clinical(w) or ctx.low(w) in GENERIC_FAC for w in words)
            and not _is_placeholder(seg)
            and seg.split()[0].lower() not in FUNCTION_WORDS
        ):
            out.append((m.start(1), m.start(1) + len(seg), "FACILITY", 0.75))
    heads = words_ix.at(_FAC_HEAD5_FIRST)
    facs: list[re.Match[str]] = []
    for p in heads:
        # the facility's own words come before its head word
        m = RX_FACILITY5.search(text, max(0, p - 80), p + 40)
        while m and m.end(1) < p:
            m = RX_FACILITY5.search(text, m.end(), p + 40)
        if m and (not facs or m.start() >= facs[-1].end()):
            facs.append(m)
    for m in facs:
        words = m.group(1).split()
        own = [w for w in words if not re.fullmatch(FAC_HEAD5, w) and ctx.low(w) not in GENERIC_FAC]
        if any(ctx.low(w) in _SERVICE_WORDS or ctx.is_clinical(w) for w in own) or not own:
            continue
        if not all(w[0].isupper() for w in words) or any(w.lower() in _CODES5 for w in words):
            continue  # "Mainstream high school", "ABCD Surgery Center" (a corpus placeholder)
        if words[0].lower() not in FUNCTION_WORDS and not _is_placeholder(m.group(1)):
            out.append((m.start(), m.end(), "FACILITY", 0.75))
    _names5(ctx, text, out, words_ix)


_STATE_ABBR_SET = frozenset(STATE_ABBR)


def _is_state5(w: str) -> bool:
    return (w.isupper() and w in _STATE_ABBR_SET) or w.lower() in STATES


def _names5(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    m: re.Match[str] | None
    for h in RX_NICKNAME_PAREN5.finditer(text) if "(" in text else ():
        m = RX_NICKNAME5.search(text, max(0, h.start() - 30), h.start())
        if m and not ctx.is_clinical(m.group(1)):
            out.append((m.start(1), m.end(1), "NAME", 0.75))
    for m in _triggered(RX_ROLE5, "ROLE5", text, words_ix):
        words = list(re.finditer(r"\S+", m.group(1)))
        bares = [w.group().strip(".,") for w in words]

        def ok(i: int, bares: list[str] = bares) -> bool:
            bare = bares[i]
            if len(bare) <= 1:
                return True
            if bare.isupper() and not ctx.is_name(bare):
                return False
            if ctx.plausible_name_word(bare, True):
                return True
            # "Scout van Houten": a common word or particle before a name word
            return (
                i + 1 < len(bares)
                and (bare[0].isupper() or re.fullmatch(PARTICLE, bare) is not None)
                and not ctx.is_clinical(bare)
                and (re.fullmatch(PARTICLE, bares[i + 1]) is not None or ctx.is_name(bares[i + 1]))
                and ok(i + 1)
            )

        k = 0
        while k < len(words) and ok(k):
            k += 1
        if k and not (k == 1 and len(words[0].group()) <= 2):
            out.append((m.start(1), m.start(1) + words[k - 1].end(), "NAME", 0.75))
    starts = []
    for h in RX_COMMA_CAP.finditer(text) if "," in text else ():
        # the name before the comma starts at one of the three words before it
        ws = [
            w.start()
            for w in RX_WORD_STARTS_BEFORE.finditer(text, max(0, h.start() - 40), h.start())
        ]
        for p in ws[-3:]:
            m = RX_LAST_FIRST5.match(text, p)
            if m and m.start(2) >= h.start():
                starts.append(m)
                break
        for p in ws[-1:] if text[h.start() + 1] not in " \t" else ():
            m = RX_LAST_FIRST_TIGHT.match(text, p)
            if m:
                a, b = m.group(1), m.group(2)
                if (
                    (ctx.is_name(a) or ctx.is_name(b))
                    and not _is_state5(b)
                    and not (ctx.is_clinical(a) or ctx.is_clinical(b))
                    and not _csv_header16(text, m.start())
                ):
                    out.append((m.start(), m.end(), "NAME", 0.7))
    for m in starts:
        last, first = m.group(1), m.group(2).split()[0]
        cued = RX_LAST_FIRST_CUE5.search(text, max(0, m.start() - 20), m.start())
        known = (ctx.is_first(first) and not ctx.is_clinical(first)) or (
            ctx.is_last(last.split()[-1]) and not ctx.is_clinical(last)
        )
        label = re.match(r"[ \t]*+[;,(]?[ \t]*\(?(?:MRN|MR|DOB|Acct|ACCT|booking)", text[m.end() :])
        if any(ctx.is_clinical(w) and not ctx.is_name(w) for w in (last, first)):
            continue
        if _is_state5(first) or _is_state5(last):
            continue  # "Yakima, PA" is a town and its state
        if (cued and known) or (label and known) or (cued and cued.group().strip()[-1:] == ":"):
            out.append((m.start(), m.end(), "NAME", 0.75))
    _apply_cues("relp5", ctx, text, out, words_ix)
    chats = list(_triggered(RX_LOWER_CHAT5, "CHAT5", text, words_ix))
    for p in words_ix.at(frozenset({"here"})):
        m = RX_CHAT_HERE.search(text, max(0, p - 24), p)
        if m:
            chats.append(m)
    for m in chats:
        g = next(i for i in (1, 2) if m.group(i))
        chat = m.group(g).split()
        if not ctx.is_first(chat[0]) or ctx.is_common(chat[0]) or ctx.is_clinical(chat[0]):
            continue
        k = 1
        while k < len(chat) and ctx.is_name(chat[k]) and not ctx.is_common(chat[k]):
            k += 1
        e = m.start(g) + len(" ".join(chat[:k])) if "(" not in m.group() else m.end(g)
        out.append((m.start(g), e, "NAME", 0.7))
    for t in RX_INITIALS_TAIL5.finditer(text) if "(" in text or "'" in text or "," in text else ():
        m = RX_INITIALS5.search(text, max(0, t.start() - 8), t.start())
        if m and not ctx.is_clinical(m.group(1).replace(".", "")):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    _apply_cues("titlep5", ctx, text, out, words_ix)


RX_VACCINE_BEFORE = re.compile(
    r"(?i)\b(?:vaccines?|vaccinations?|immuni[sz]ations?|shots?|flu|influenza|tdap|covid|rsv"
    r"|shingles|pneumococcal|booster|dose)\b"
)
_ROOM_WORDS = _w("room rm bed bay ward floor suite unit pod stall")
RX_LOT_BEFORE16 = re.compile(r"(?i)\blot[ \t]*(?:number|no\.?|num|#)?[ \t]*[:#]?[ \t]*$")


def _not_identifier(text: str, cand: tuple) -> bool:
    """A vaccine's lot number, or "Room" taken as a place ("moved to Room 38")."""
    s, e, cat = cand[0], cand[1], cand[2]
    if cat == "DEVICE":
        # A lot number names a batch of many units (a vaccine's, a mesh's, a stock pump's),
        # never one device nor its patient (round 16; before, only a vaccine's lot).
        return bool(RX_LOT_BEFORE16.search(text, max(0, s - 24), s))
    if cat in ("NAME", "LOCATION", "FACILITY") and RX_DISEASE_AFTER6.match(text, e):
        return True  # "St. Louis encephalitis", "Hong Kong flu"
    if cat == "VEHICLE" and RX_BOX_AFTER8.match(text, e):
        return True  # a highway-contract box ("HC 73 Box 55"), not a plate
    if cat == "NAME":
        return text[s:e].lower() in _NOT_NAMES6
    if cat == "LOCATION":
        m = RX_WORD_END.search(text, max(0, s - 16), s)
        if m and m.group(1).lower() in _CAR_MAKES6:
            return True  # a car model: "Nissan Altima"
        return text[s:e].lower().rstrip(".") in _ROOM_WORDS
    return False


RX_FAC_CITY6 = re.compile(
    r"(?:[ \t]+#\d{1,6})?[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w'’-]|[ \t]+[A-Z])"
)
RX_AND_MD6 = re.compile(
    r",?[ \t]+(?:and|&|,)[ \t]+((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![\d/])"
)
RX_VACCINE_AFTER6 = re.compile(r"[ \t]*\((?i:vaccine|vaccination|immuni[sz]ation)")
RX_DISEASE_AFTER6 = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?i:encephalitis|flu|influenza|fever|virus|disease)\b"
)


def _after_findings(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """Candidates that a found identifier implies about the words right after it."""
    out: list = []
    for f in found:
        e = f.end
        if f.category == "NAME":
            m = RX_NAME_SUFFIX.match(text, e)
            if m:
                out.append((f.start, m.end(), "NAME", f.confidence))
                e = m.end()
            if "," in text[f.start : f.end]:
                m = RX_MIDDLE_AFTER_CAPS.match(text, e)
                if m:
                    out.append((f.start, m.end(), "NAME", f.confidence))
            m = RX_PARTICLE_TAIL.match(text, e)
            if m:
                out.append((f.start, m.end(), "NAME", f.confidence))
            m = RX_FIRST_AFTER_COMMA.match(text, e)
            if (
                m
                and ctx.is_first(m.group(1))
                and not ctx.is_clinical(m.group(1))
                and not _is_state5(m.group(1))
            ):
                out.append((f.start, m.end(), "NAME", f.confidence))
            m = RX_AGE_AFTER_NAME5.match(text, e)
            if m:
                g = 1 if m.group(1) else 2
                out.append((m.start(g), m.end(g), "AGE", 0.75))
            m = RX_PHONE7_AFTER_NAME6.match(text, e)
            if m:
                out.append((m.start(1), m.end(1), "PHONE", 0.7))
            m = RX_NICK_AFTER_NAME6.match(text, e)
            if m and all(
                w.lower() not in FUNCTION_WORDS
                and not ctx.is_clinical(w)
                and ctx.low(w) not in GENERIC_FAC
                and w.lower() not in HEAD_NOUNS
                and w.lower() not in MONTH_WORDS
                and (ctx.is_first(w) or not ctx.is_common(w))
                for w in m.group(1).split()
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
            m = RX_TOWN_AFTER_NAME.match(text, e)
            if m and _place_ok(ctx, m.group(1)):
                out.append((m.start(1), m.end(1), "LOCATION", 0.7))
        elif f.category == "ADDRESS":
            m = RX_TOWN_AFTER_ADDRESS5.match(text, e)
            town = m.group(1) if m else ""
            if (
                m
                and town.lower() not in STATES
                and town.lower() not in MONTH_WORDS
                and not ctx.is_clinical(town)
                and (" " in town or ctx.low(town) not in ctx.lex.street_suffixes)
            ):
                out.append((m.start(1), m.end(1), "LOCATION", 0.75))
                z = RX_ZIP_AFTER_TOWN.match(text, m.end(1))
                if z:
                    out.append((z.start(1), z.end(1), "LOCATION", 0.75))
        elif f.category == "FACILITY":
            m = RX_FAC_CITY6.match(text, e)
            if m and ctx.low(m.group(1)) in ctx.lex.cities and not ctx.is_clinical(m.group(1)):
                out.append((f.start, m.end(1), "FACILITY", f.confidence))
            m = RX_TOWN_AFTER_FAC.match(text, e)
            if m and _town_shape_ok(ctx, m.group(1)):
                out.append((m.start(1), m.end(1), "LOCATION", 0.7))
        elif f.category == "PHONE" or (
            f.category == "ID" and RX_PHONE_SHAPED.fullmatch(text, f.start, f.end)
        ):
            m = RX_EXTENSION_AFTER.match(text, e)
            if m:
                out.append((f.start, m.end(), f.category, f.confidence))
        elif f.category == "DATE":
            m = RX_AND_MD6.match(text, e)
            if m:
                out.append((m.start(1), m.end(1), "DATE", f.confidence))
            m = RX_YEAR_AFTER.match(text, e)
            if m and not re.search(r"\d{4}", text[f.start : f.end]):
                out.append((f.start, m.end(), "DATE", f.confidence))
    return out


TRIGGERS["FROM5"] = _w("in both phone grandson drives relocated born")


def _town_shape_ok(ctx: _Ctx, name: str) -> bool:
    """After a strong cue a town may be an ordinary word ("in Outlook"), not a month or term."""
    words = name.split()
    return not (
        name.lower() in STATES
        or name.lower() in COUNTRIES
        or any(
            w.lower() in FUNCTION_WORDS
            or w.lower() in MONTH_WORDS
            or w.lower() in _WEEKDAYS5
            or ctx.is_clinical(w)
            or w.upper() in STATE_ABBR
            for w in words
        )
        or re.search(FAC_HEAD, name)
    )


_WEEKDAYS5 = _w("monday tuesday wednesday thursday friday saturday sunday")


def _places5(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _apply_cues("from_town5", ctx, text, out, words_ix)


# ----------------------------------------------------------------------------- round 6
# Kinds a fifth independent set showed missed (issue 12, sixth round): header-led tables,
# roles and relations before a name, nicknames and aliases, places and roads after travel
# cues, facilities named after a place preposition, m/d after weekdays and events.
_TABLE_HEADS6 = (
    (
        "NAME",
        _w("""name names patient pt client member resident student child prescriber
        provider physician clinician attending contact parent guardian mother father pcp"""),
    ),
    ("LOCATION", _w("town city residence hometown location county village community")),
    ("ID", _w("mrn mr chart id acct account member# record")),
    ("DATE", _w("dob date fill filled admit admitted visit seen discharge dos born birthdate")),
    ("AGE", _w("age")),
    ("PHONE", _w("phone cell tel telephone mobile")),
    ("ADDRESS", _w("address street addr")),
    ("FACILITY", _w("school facility hospital pharmacy clinic employer agency")),
)
RX_PIPE_ROW6 = re.compile(r"(?m)^[ \t]*\|(.*)\|[ \t]*$")
# (a credential's spaces from their run's start: searched from each space, a long run was read
# again and again)
RX_CELL_TITLE6 = re.compile(rf"^(?:{TITLE}\.?[ \t]+)|(?<![ \t,])[ \t,]+(?:{CRED})\.?$")
# the words that make "X name" the name of a thing: a data dictionary's "Field Name", "Form
# Name", a pharmacy list's "Drug Name" (round 16)
_THING_NAMES16 = _w("""field form variable file column table item product brand generic drug
    medication med test lab assay code event instrument document report device study project
    program protocol scale score procedure diagnosis dx organism specimen template module
    screen page tab section setting option list unit""")
RX_CELL_WORDS6 = re.compile(r"[A-Za-z][A-Za-z.'’#-]*")


def _csv_header16(text: str, pos: int) -> bool:
    """Whether ``pos`` is in the header of a comma-separated export: a line of three commas or
    more and no digit, over a line with as many commas ("Field Name,Form Name,Field Type")."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    if b < 0:
        return False
    head = text[a:b]
    c = text.find("\n", b + 1)
    row = text[b + 1 : c if c >= 0 else len(text)]
    n = head.count(",")
    return n >= 3 and not re.search(r"\d", head) and row.count(",") == n


def _header_cat6(cell: str) -> str | None:
    words = RX_CELL_WORDS6.findall(cell.lower())
    if not words or len(words) > 3 or re.search(r"\d", cell):
        return None
    if len(words) >= 2 and words[-1] == "name" and words[-2] in _THING_NAMES16:
        return None  # "Field Name", "Drug Name": a column of things, not of persons
    for cat, heads in _TABLE_HEADS6:
        if words[-1].rstrip(".#") in heads or (cat == "NAME" and words[0] in heads):
            return cat
    return None


def _pipe_tables6(ctx: _Ctx, text: str, out: list) -> None:
    cats: list[str | None] = []
    for row in RX_PIPE_ROW6.finditer(text):
        inner = row.group(1)
        cells, pos = [], row.start(1)
        for part in inner.split("|"):
            cells.append((pos, part))
            pos += len(part) + 1
        header = _is_header_row22(text, row.end())
        heads = [(_header_cat22 if header else _header_cat6)(c) for _, c in cells]
        if sum(h is not None for h in heads) >= 2 and (header or not re.search(r"\d", inner)):
            cats = heads
            continue
        if not cats or re.fullmatch(r"[\s|:-]*", inner) or len(cells) != len(cats):
            continue
        _mark_cells6(ctx, cells, cats, out)


def _mark_cells6(ctx: _Ctx, cells: list, cats: list, out: list) -> None:
    """Propose each (offset, text) cell of a table row as its column's category."""
    for (p, cell), cat in zip(cells, cats, strict=True):
        value = cell.strip()
        if not cat or not value or value.lower() in ("-", "n/a", "na", "none", "unknown"):
            continue
        s = p + cell.index(value)
        e = s + len(value)
        if cat in ("NAME", "LOCATION", "FACILITY"):
            m = RX_CELL_TITLE6.search(value)
            while m:
                if m.start() == 0:
                    s += m.end()
                    value = value[m.end() :]
                else:
                    e -= len(value) - m.start()
                    value = value[: m.start()]
                m = RX_CELL_TITLE6.search(value) if value else None
            if not value or re.search(r"\d", value):
                continue
            if _is_placeholder(value) and not RX_REAL_INITIALS.fullmatch(value):
                continue
            words = RX_CELL_WORDS6.findall(value)
            if any(ctx.is_clinical(w) for w in words):
                continue
        elif cat == "AGE":
            n = re.match(r"(\d{2,3})\b", value)
            if not n or not 90 <= int(n.group(1)) <= 120:
                continue
            e = s + n.end(1)
        elif not re.search(r"\d", value):
            continue
        out.append((s, e, cat, 0.8))


# a tab-separated registration row: "LAST, FIRST<TAB>dob<TAB>age<TAB>phone<TAB>address"
RX_TAB_LINE6 = re.compile(r"(?m)^[^\t\n]+(?:\t[^\t\n]*){2,}$")
RX_TAB_NAME6 = re.compile(
    rf"(?:{CAPS_WORD}|{NW})(?:[ \t](?:{CAPS_WORD}|{NW}))*,[ \t]*"
    rf"(?:{CAPS_WORD}|{NW})(?:[ \t](?:{CAPS_WORD}|{NW}|[A-Z]\.?))*"
)
RX_DOB_CELL6 = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}-[A-Z]{3}-\d{4}")
RX_ADDRESS_CELL6 = re.compile(r"\d{1,6}(?:-[A-Z])?(?:[ \t]+1/2)?[ \t]+[A-Za-z][^\t\n]{3,60}")


def _tab_rows6(ctx: _Ctx, text: str, out: list) -> None:
    for row in RX_TAB_LINE6.finditer(text):
        cells, pos = [], row.start()
        for part in row.group().split("\t"):
            cells.append((pos, part))
            pos += len(part) + 1
        if not any(RX_DOB_CELL6.fullmatch(c.strip()) for _, c in cells):
            continue
        for i, (p, cell) in enumerate(cells):
            value = cell.strip()
            if not value:
                continue
            s = p + cell.index(value)
            if i == 0 and RX_TAB_NAME6.fullmatch(value):
                out.append((s, s + len(value), "NAME", 0.8))
            elif re.fullmatch(r"9\d|1[01]\d|120", value):
                out.append((s, s + len(value), "AGE", 0.8))
            elif i == len(cells) - 1:
                m = RX_ADDRESS_CELL6.match(value)
                if m and not re.search(r"(?i)\b(?:mg|ml|units?)\b", m.group()):
                    end = len(m.group().split("  ")[0].rstrip(" ."))
                    # the row's cell ends where a new sentence starts ("... FL 2 Occasionally")
                    tail = re.search(r"[ \t]+[A-Z][a-z]+[ \t]+[a-z]", m.group())
                    if tail:
                        end = tail.start()
                    out.append((s, s + end, "ADDRESS", 0.75))


# Roles, relations and labels that put a person's name right after them.
RX_ROLE6 = re.compile(
    r"(?<![\w-])(?i:chw|counselor|counsellor|po|probation\s+officer|(?:home\s+health\s+)?nurse"
    r"|(?:daughter|son|mother|father|brother|sister)-in-law|mgm|mgf|pgm|pgf|baby|infant"
    r"|student|teen|child|roommate|cousin|neighbou?r|coach|teacher|pharmacist|host\s+was"
    r"|emergency\s+contact\s+is|present\s*[-:]|presented\s+by|submitted\s+by|presenting\s+for"
    r"|question\s+about|surname|real\s+name|legal\s+name|name\s+on\s+id|pt\s+name|member"
    r"|attending|present\s+to\s+the\s+panel|baby\s+(?:boy|girl)|fob|partner|pt|patient"
    r"|(?:grand)?(?:daughter|son)|sister|brother|mom|dad|wife|husband|aunt|uncle|niece|nephew)"
    r"(?:[ \t]*[:,]|[ \t]+-)?[ \t]+(?:\((?:[a-z]+\)[ \t]*))?"
)
TRIGGERS["ROLE6"] = _w("""chw counselor counsellor po probation nurse home daughter son mother
    father brother sister mgm mgf pgm pgf baby infant student teen child roommate cousin
    neighbor neighbour coach teacher pharmacist host emergency present presented submitted
    presenting question surname real legal name pt member attending fob partner patient
    granddaughter grandson mom dad wife husband aunt uncle niece nephew""")
CAPS6 = rf"(?:[OD]['’])?{CAPS_WORD}"
RX_NAME_AFTER_ROLE6 = re.compile(
    rf"((?:{CAPS6}|{NW})(?:,[ \t]*(?:{CAPS6}|{NW}))(?:[ \t]+(?:{CAPS_WORD}|[A-Z]\.?))?"
    rf"(?![\w'’])|(?:[A-Z]\.[ \t]?){{1,2}}{NW}|(?:[A-Z]\.[ \t]?){{2,3}}(?![\w])"
    rf"|[A-Z]{{2,3}}(?![\w.'’-])|{NW}(?:[ \t]+(?:{NW}|[A-Z]\.)){{0,3}}"
    rf"|{CAPS6}(?:[ \t](?:{CAPS6}|[A-Z]\.?)){{0,3}}(?![\w]))"
)
RX_LOWER_NAME_AFTER6 = re.compile(
    r"([a-z][a-z'’]{1,})(?:[ \t]+((?:mac[ \t]+an[ \t]+|van[ \t]+|de[ \t]+la[ \t]+|o['’])?"
    r"[a-z][a-z'’]{2,}))?(?=[ \t]+(?:called|texted|txted|msgd|messaged|took|says|said|is|was"
    r"|brought|drives|wants|came)\b|['’]s\b|[ \t]*[,)(]|[ \t]+-[ \t])"
)
_LOWER_NAME_CUES6 = _w("""pt sister brother daughter son mom dad wife husband aunt uncle cousin
    granddaughter grandson niece nephew partner""")
RX_REL_PAREN6 = re.compile(
    rf"\b({NW})[ \t]+\((?:her[ \t]+|his[ \t]+|foster[ \t]+|step-?)?(?:mom|dad|mother|father"
    r"|aunt|uncle|spouse|wife|husband|son|daughter|sister|brother|grandma|grandmother|grandpa"
    r"|grandfather|cousin|niece|nephew|friend|partner|boyfriend|girlfriend|peer|guardian|sponsor"
    r"|neighbou?r|cell|caregiver)\)"
)
RX_GOES_BY6 = re.compile(
    rf"\b(?i:goes[ \t]+by|known[ \t]+as|a\.?k\.?a\.?|nicknamed)[ \t]+[\"'‘“]?({NW}"
    r"(?:[ \t]+[A-Z][a-z]+)?|[A-Z]{2,3})[\"'’”]?(?![\w])"
)
RX_ALIAS_INSIDE6 = re.compile(rf"\b((?:{NW}|[A-Z]\.))[ \t]+\(({NW})\)[ \t]+({NW})\b")
RX_FIRST_INITIAL6 = re.compile(rf"\b({NW})[ \t]+[A-Z]\.(?=[ \t]*(?:[,;)]|and\b|$))")
RX_DOTTED_INITIALS6 = re.compile(
    r"[A-Z](?<![\w.][A-Z])\.[ \t]?(?:[A-Z]\.[ \t]?)?[A-Z]\.(?=[ \t]*(?:[,)]|from\b|and\b|\())"
)
RX_QUOTED_NICK6 = re.compile(
    r"\b(?i:client|pt|patient|guy|man|woman)[ \t]+(?:called[ \t]+)?['‘\"“]([A-Z][a-z]+)['’\"”]"
)
_NOT_INITIALS6 = _w("""npo dnr dni ama rom prn sob nkda nka md do np pa rn lpn aa na ok hx tx ip
    id qd bid tid qid qam qpm qhs hs ems ncs tpa gpa iv im po pr sq sl ac pc ng og""")
_NOT_NAMES6 = _w("""cdl dea acct dob caregiver npi mrn fin ssn ein mbr dme icd cpt ndc apgar
    apgars f.o.b. fob
    hospital clinic home health the baby boy girl pending unknown""")


RX_SHORT_END6 = re.compile(r"[ \t]*(?:[,.:;)\n]|$)")
_FORM_CUES6 = _w("pt patient attending member child student")


RX_INITIAL_HINT6 = re.compile(r"[a-z][ \t]+[A-Z]\.(?=[ \t]*(?:[,;)]|and\b|$))")


def first_cue6(cue: str) -> str:
    return cue.split()[0].rstrip(":,-") if cue.split() else cue


RX_NAME_FIELD16 = re.compile(
    r"[ \t]*(?i:(?:last|first|full|patient|pt|given|family)[ \t_]*)?(?i:name)\b"
)


def _form_heading16(text: str, s: int, e: int) -> bool:
    """ "PATIENT DEMOGRAPHICS" alone on its line over a "Last name" field: the heading of a
    form that asks for the name, not one (round 16)."""
    line_start = s == 0 or text[s - 1] == "\n"
    return line_start and text[e : e + 1] == "\n" and bool(RX_NAME_FIELD16.match(text, e + 1))


def _names6(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_ROLE6, "ROLE6", text, words_ix):
        n = RX_NAME_AFTER_ROLE6.match(text, m.end())
        cue = m.group().strip().lower()
        if n:
            val = n.group(1)
            words = RX_CELL_WORDS6.findall(val)
            lowered = [w.strip(".").lower() for w in words]
            if (
                words
                and not any(
                    w in _NOT_NAMES6 or (w in FUNCTION_WORDS and len(w) > 1) for w in lowered
                )
                and not (val.isupper() and len(val) <= 3 and val.lower() in _NOT_INITIALS6)
                and not any(ctx.is_clinical(w) and not ctx.is_name(w) for w in words)
                and not any(_is_state5(w) for w in words if "," not in val)
                and not (val.isupper() and val.replace(".", "").replace(" ", "") in NOT_INITIALS)
                and not _is_placeholder(val)
                and (
                    "," in val
                    or "." in val
                    or val.isupper()
                    or any(ctx.is_name(w) for w in words)
                    or not all(ctx.is_common(w) for w in words)
                )
            ):
                short = val.isupper() and len(val.replace(".", "").replace(" ", "")) <= 3
                caps = val.isupper() and "," not in val and not short
                skip = (
                    (
                        short
                        and (
                            not cue.startswith(("pt", "patient", "question"))
                            or not RX_SHORT_END6.match(text, n.end(1))
                        )
                    )
                    or (caps and all(ctx.is_common(w) for w in words if len(w) > 1))
                    # "Nurse Advice Line": a service, not a person
                    or (
                        lowered[-1] in _SERVICE_HEADS26
                        and all(ctx.is_common(w) or w.lower() in _SERVICE_HEADS26 for w in words)
                    )
                    or (cue == "po" and (val.isupper() or m.group()[:2] != "PO"))
                    or (caps and len(words) == 1 and _form_heading16(text, m.start(), n.end(1)))
                    or (
                        len(words) == 1
                        and not short
                        and first_cue6(cue) in _FORM_CUES6
                        and ctx.is_common(words[0])
                    )
                )
                if not skip:
                    out.append((n.start(1), n.end(1), "NAME", 0.75))
                    continue
        first = cue.split()[0].rstrip(":,-")
        if first in _LOWER_NAME_CUES6 or cue.startswith("pt name"):
            low = RX_LOWER_NAME_AFTER6.match(text, m.end())
            if low:
                w1, w2 = low.group(1), low.group(2) or ""
                bad = (
                    w1 in FUNCTION_WORDS
                    or ctx.is_clinical(w1)
                    or (w2 and (w2 in FUNCTION_WORDS or ctx.is_clinical(w2)))
                    or w1 in _NOT_NAMES6
                )
                relation = first not in ("pt", "patient")
                if not bad and (not ctx.is_common(w1) or (relation and ctx.is_first(w1))):
                    out.append((low.start(), low.end(), "NAME", 0.7))
    _apply_cues("nicknames6", ctx, text, out, words_ix)


# Ages over 89: "93M", "(91F)", "AGE: 94Y", "92 años", "At 107F", "At a hundred and one-year-old".
RX_AGE_SEX6 = re.compile(
    r"([91](?<![\w.,/-][91])(?:(?<=9)\d|(?<=1)[01]\d|(?<=1)20))[FM]"
    r"(?=[ \t]*[,;)\n]|[ \t]*$|[ \t]+(?:found|from|with|who|w/|pt)\b)"
)
RX_AGE_LABEL6 = re.compile(
    r"\b(?i:age)[ \t]*[:=][ \t]*(9\d|1[01]\d|120)[ \t]*(?i:y|yo|yrs?|years)?\b"
)
RX_AGE_ANOS6 = re.compile(r"\b(9\d|1[01]\d|120)[ \t]+años\b")
RX_AGE_AT6 = re.compile(
    rf"\bAt[ \t]+({AGE_ANY})(?=-year-old|[ \t]*+-?[ \t]*(?:yrs?|years?)\b|[FM],)"
)
RX_TEMPERATURE_BEFORE6 = re.compile(r"(?i)temp|fever|febrile|spike|tmax|°")
RX_AGE_PAREN6 = re.compile(rf"(?i:{AGE_IN_WORDS})[ \t]*\((9\d|1[01]\d|120)\)")
RX_AGE_IS6 = re.compile(
    rf"\b(?:(?:[Hh]e|[Ss]he|[Pp]t|[Pp]atient|who)[ \t]+is|[Hh]e['’]s|[Ss]he['’]s)[ \t]+({AGE_ANY})"
    rf"(?:[ \t]+and[ \t]+({AGE_ANY}))?(?![\w-]|\.\d)(?=[ \t]*(?:[.,;!?)]|and\b|$|years?\b|yrs?\b))"
)

# Dates: m/d after a weekday or a clinical event, yyyymmdd in a file name, "mid-September",
# holidays after a time cue.
_WEEKDAY6 = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?"
RX_MD_WEEKDAY6 = re.compile(
    rf"\b{_WEEKDAY6}\.?,?[ \t]+(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/])"
)
RX_MD_EVENT6 = re.compile(
    r"\b(?i:neg|negative|pos|positive|edd|eot|delivered|filled(?:[ \t]+on)?|log|released"
    r"|discharged?|uds|visits?|seen|drawn|placed|admitted|started|stopped|last\s+fill"
    r"|last\s+visit|verified\s+by\s+phone)[ \t]+"
    r"((?:1[0-2]|0?[1-9])[/-](?:3[01]|[12]\d|0?[1-9]))(?![\d/-]|\.\d)"
)
TRIGGERS["MDE6"] = _w("""neg negative pos positive edd eot delivered filled log released discharge
    discharged uds visit visits seen drawn placed admitted started stopped last verified""")
RX_YMD_COMPACT6 = re.compile(
    r"(?<![\dA-Za-z])((?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?=_|\b)"
)
RX_MID_MONTH6 = re.compile(
    r"\b(?i:mid|early|late)-((?i:january|february|march|april|may|june|july|august|september"
    r"|october|november|december))\b"
)
_HOLIDAYS6 = (
    r"Christmas(?:[ \t]+(?:Day|Eve))?|Thanksgiving(?:[ \t]+Day)?|Halloween|Easter(?:[ \t]+Sunday)?"
    r"|Labor[ \t]+Day|Memorial[ \t]+Day|Independence[ \t]+Day|Valentine['’]s[ \t]+Day"
    r"|Father['’]s[ \t]+Day|Mother['’]s[ \t]+Day|New[ \t]+Year['’]s(?:[ \t]+(?:Day|Eve))?"
    r"|Fourth[ \t]+of[ \t]+July|July[ \t]+4th|Veterans[ \t]+Day"
)
RX_HOLIDAY6 = re.compile(
    r"\b(?i:over|around|since|on|last|before|after|at|placed|died|during|until|by|admitted"
    rf"|the|this|past)[ \t]+((?:{_HOLIDAYS6}))(?![\w'’])"
)

# Roads named without a number after a travel or residence cue; numbered state roads.
_ROAD_END6 = (
    r"(?:Rd|Road|Pike|Spur|Hwy|Highway|Ln|Lane|Trl|Trail|Pkwy|Parkway|Blvd|Ave|Avenue|Holler"
    r"|Hollow)"
)
RX_ROAD_NAMED6 = re.compile(
    r"\b(?:on|onto|off|along|at|of|by|up|down|past|near|take|took|via)[ \t]+(?:the[ \t]+)?"
    rf"((?:[A-Z][A-Za-z'’]+[ \t]+){{1,4}}{_ROAD_END6}\b\.?)(?![ \t]+[A-Z])"
)
RX_ROAD_LOWER6 = re.compile(
    r"\b(?:lives?|living|way[ \t]+up|up|out|on|off)[ \t]+((?:[a-z]+[ \t]+){1,4}"
    r"(?:rd|road|pike|spur|hwy|holler|hollow|ln|lane))\b"
)
RX_ROAD_NUMBERED6 = re.compile(
    r"\b(?:on|onto|off|along|take|took|via|by|from)[ \t]+(?:the[ \t]+)?"
    rf"((?:{_STATE_ABBR_RE}|US|SR|Hwy|Highway|Route|Rte|State[ \t]+Route)[ \t-]?\d{{1,4}}[A-Z]?"
    r"(?:[ \t]+near[ \t]+mile[ \t]+marker[ \t]+\d{1,4})?)(?![\w-])"
)
RX_PARK_LOT6 = re.compile(
    r"\b(?:Lot|Site|Space|Spc|Trlr)[ \t]+#?\d{1,4}[A-Z]?,?[ \t]+(?:[A-Z][A-Za-z'’]+[ \t]+){1,3}"
    r"(?:MHP|Mobile[ \t]+Home[ \t]+Park|Trailer[ \t]+(?:Park|Court)|RV[ \t]+Park|Campground|KOA)\b"
    r"|\b(?:[A-Z][A-Za-z'’]+[ \t]+){1,3}(?:MHP|Mobile[ \t]+Home[ \t]+Park|Trailer[ \t]+(?:Park"
    r"|Court)|RV[ \t]+Park|Campground|KOA),?[ \t]+(?:Lot|Site|Space|Spc|Trlr)[ \t]+#?"
    r"\d{1,4}[A-Z]?\b"
)
RX_PO_BOX_ANY6 = re.compile(r"\b(?i:p\.?[ \t]?o\.?[ \t]*box)[ \t]+#?\d{1,6}\b")

# Places after travel and residence cues; City, abbreviated state and ZIP.
RX_PLACE_CUE6 = re.compile(
    r"\b(?:out[ \t]+past|out[ \t]+of|past|(?:north|south|east|west)[ \t]+of|lives(?:[ \t]+(?:alone"
    r"|by[ \t]+(?:him|her)self|with[ \t]++(?:a|an|her|his|the)?[ \t]*[a-z]+))?[ \t]+"
    r"(?:in|near|up|outside)"
    r"|near|(?i:born)[^.;\n]{0,30}?[ \t]in|[A-Z]{3,}[ \t]+in|based[ \t]+in)[ \t]+"
    r"((?:the[ \t]+)?[A-Z][a-z'’]+(?:[ \t-]+[A-Z][a-z'’]+){0,2})(?![\w'’-])"
)
TRIGGERS["PLACE6"] = _w("out past north south east west lives near born based")
RX_CITY_ABBR_ZIP6 = re.compile(
    r"\b((?:[A-Z][a-z'’]+|[a-z]{3,})(?:[ \t]+(?:[A-Z][a-z'’]+|[a-z]{3,})){0,2}),?[ \t]+"
    r"(?:Tenn|Ky|Va"
    r"|W\.[ \t]?Va|Ala|Ark|Ga|Fla|Ill|Ind|Miss|Mo|Okla|Pa|Wis|Mich|Minn|Tex|Calif|Colo|Ariz|Kans"
    r"|Nebr|Ore|Wash|Md|Del|Conn|Mass|N\.[ \t]?C|S\.[ \t]?C|N\.[ \t]?Y"
    r"|va|ky|tn|wv|nc|sc|ga|fl|ms|tx|nm|ny|nj|mi|wi|mn|ia|ks|nv|az|ut|wa|ca|ct|nh|vt"
    r"|ri|sd|nd|mt|wy|ak|il|ky)\.?,?[ \t]+(\d{5}(?:-\d{4})?)(?![\d-])"
)
RX_LIVES_LOWER6 = re.compile(r"\blives[ \t]+([a-z]{4,}),[ \t]+(\d{5})(?![\d-])")
_NOT_PLACES6 = _w("""mexico canada brazil china india japan korea vietnam cuba haiti africa
    europe asia english spanish french german italian chinese arabic""")
_CAR_MAKES6 = _w("""nissan chevy chevrolet ford dodge ram jeep toyota honda gmc buick cadillac
    chrysler hyundai kia subaru mazda volkswagen vw bmw audi lexus acura infiniti lincoln
    mercury pontiac saturn tesla volvo mitsubishi""")

# Facilities: a named place after at/to/from/by/via with a facility word at its end, or
# after "the" or a transport/referral cue.
_FAC_END6 = (
    r"(?:Services|Care|Rehab|Complex|EMS|Ambulance|Rescue[ \t]+Squad|Air[ \t]+Medical"
    r"|Health[ \t]+Dept\.?|Dept\.?|Department|Diagnostics|Regional|ARH|VAMC|VA|Cardiology"
    r"|Internal[ \t]+Medicine|Oncology|Orthopedics|Neurology|Urology|Dermatology|Middle|High"
    r"|Middle-High|Elementary|Behavioral|Power|Action|HealthCare|Medical|Sheriff"
    r"|Drugs?|Travel[ \t]+(?:Stop|Center|Plaza)|Distribution[ \t]+Center|Motel|Inn|Lodge|Store"
    r"|Market|Diner|Pharmacy|Clinic|Hospital|Center|Centre|Associates|Health|Memorial|Church"
    r"|Kidney[ \t]+Care|Squad|Transit|Company|Co\.|Inc\.?|LLC|Corporation|Corp\.?|Foods"
    r"|Trucking|Logistics|Mart)"
)
RX_FAC_AFTER_PREP6 = re.compile(
    r"\b(?:at|to|from|by|via|for|through|with|behind|near)[ \t]+(?:the[ \t]+)?"
    rf"((?:(?:{CAPW}|St\.|Mt\.|Ft\.|&|of|the|de|[0-9]+)[ \t]+){{0,5}}{_FAC_END6})"
    r"(?![\w-]|['’][a-rt-z])"
    r"(?!\s+(?:(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]|syndrome"
    r"|disease|encephalitis|fever|flu|virus|criteria|score|scale))"
)
RX_FAC_LOWER6 = re.compile(
    r"\b(?:at|to|from)[ \t]+(?:the[ \t]+)?((?:[a-z][a-z'’]+[ \t]+){1,4}"
    r"(?:pharmacy|discount[ \t]+drugs?"
    r"|treatment[ \t]+services|health[ \t]+dept|health[ \t]+department|health[ \t]+center"
    r"|medical[ \t]+associates|behavioral[ \t]+health|recovery[ \t]+center))\b"
)
RX_HOSPITAL_PART_AFTER6 = re.compile(
    r"[ \t]+(?i:unit|suite|room|floor|lab|area|icu|er|department|junction|nerves?|branch|system)\b"
    r"|\.\d"
)
RX_FAC_THE6 = re.compile(
    r"\b(?:at|behind|from|to|near|outside)[ \t]+the[ \t]+"
    rf"((?:{CAPW})(?:[ \t]+(?:{CAPW}|&|of|[0-9]+)){{0,4}})(?![\w'’-])"
)
RX_FAC_CUED6 = re.compile(
    r"\b(?i:transported[ \t]+by|ground[ \t]+unit|referred[ \t]+to|vendor|store|dme[ \t]+company"
    r"|lineman[ \t]+for|driving[ \t]+for|works?[ \t]+for|worked[ \t]+for|employed[ \t]+by"
    r"|notice[ \t]+from|register[ \t]+at|seen[ \t]+at|treated[ \t]+at|scanned[ \t]+at"
    r"|delivered[ \t]+at|placed(?:[ \t]+\w+){0,2}[ \t]+at|fell[ \t]+at|presents[ \t]+from"
    r"|hyperbaric[ \t]+at|dialysis(?:[ \t]+\w+){0,1}[ \t]+at|biopsy(?:[ \t]+\S+){0,2}[ \t]+at"
    r"|plays[ \t]+(?:\w+[ \t]+)?at|works[ \t]+at|born(?:[ \t]+\S+){0,2}[ \t]+at|labs[ \t]+at"
    r"|nurse(?:[ \t]+[A-Z][a-z]+){1,2}[ \t]+from|counselor[ \t]+at|history[ \t]+at|case[ \t]+at"
    r"|already[ \t]+called|he['’]s[ \t]+at|she['’]s[ \t]+at|took[ \t]+(?:him|her|them)[ \t]+to"
    r"|drives[ \t]+(?:him|her|them)[ \t]+to)[ \t]*:?[ \t]+(?:the[ \t]+)?"
    rf"((?:{CAPW}|[a-z]+)(?:[ \t]+(?:{CAPW}|&|of|the|[0-9]+)){{0,5}})(?![\w'’-])"
)
TRIGGERS["FACC6"] = _w("""transported ground referred vendor store dme lineman driving works work
    worked employed notice register seen treated scanned delivered placed fell presents
    hyperbaric dialysis biopsy plays born labs nurse counselor history case already he she
    took drives""")


_NOT_FAC_LEAD6 = _w("""nearest closest same usual his her their our retail mail order compounding
    hospital's hospital clinic any another local outpatient inpatient specialty""")
# parts of a hospital, not a place of their own ("Endoscopy Suite", "Care Unit")
_HOSPITAL_PARTS6 = _w("""unit suite room floor lab laboratory area icu picu nicu ccu er ed bay
    service system building department dept holding wing nerve nerves branch junction muscle
    artery vein ligament tendon joint region process""")


_GENERIC_FAC6 = _w("of the and rescue squad ambulance ems dept services care")
# a medical specialty ("Bacteriology", "Orthopedics") names a department, not a place
RX_SPECIALTY6 = re.compile(r"(?:ology|ologic|ological|iatrics|iatry|pedics|ics|ery)$")
RX_CAPS_PLURAL6 = re.compile(r"[A-Z]{2,}s")


def _fac_words_ok6(ctx: _Ctx, seg: str, long: bool = False) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", seg)]
    if not words or words[0].lower() in FUNCTION_WORDS or _is_placeholder(seg):
        return False
    if any(w.lower() in _CODES5 or w.lower() in PLACEHOLDER_WORDS for w in words):
        return False
    if any(w.lower() in MONTH_WORDS or w.lower() in _WEEKDAYS5 for w in words):
        return False
    if seg.lower() in STATES or re.fullmatch(_HOLIDAYS6, seg):
        return False
    own = [
        w
        for w in words
        if ctx.low(w) not in GENERIC_FAC
        and ctx.low(w) not in _GENERIC_FAC6
        and not RX_SPECIALTY6.search(w)
    ]
    if not own or any(ctx.is_clinical(w) for w in own):
        return False
    return long or len(own) >= 2 or not ctx.is_common(own[0]) or own[0].isupper()


RX_LOWER_FAC_END6 = re.compile(
    r"(?:pharmacy|drugs?|services|dept|department|center|health|memorial|associates|valley)$"
)


TRIGGERS["FACP6"] = _w("at to from by via for through with behind near")
TRIGGERS["FACL6"] = _w("at to from")
TRIGGERS["FACT6"] = _w("at behind from to near outside")


def _facilities6(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _apply_cues("facilities6", ctx, text, out, words_ix)
    for m in _triggered(RX_FAC_CUED6, "FACC6", text, words_ix):
        seg = m.group(1)
        words = seg.split()
        if seg[0].islower() and (len(words) < 2 or not RX_LOWER_FAC_END6.search(seg)):
            continue
        while words and ctx.low(words[-1]) in ("of", "the", "and", "&"):
            words.pop()
        seg = " ".join(words)
        if (
            words
            and _fac_words_ok6(ctx, seg)
            and not any(ctx.is_clinical(w) or w.lower() in _HOSPITAL_PARTS6 for w in words)
            and not ctx.followed_by_head(m.start(1) + len(seg))
            and not RX_HOSPITAL_PART_AFTER6.match(text, m.start(1) + len(seg))
            and (len(words) >= 2 or not ctx.is_common(words[0]) or words[0].isupper())
            and not (len(words) == 1 and RX_CAPS_PLURAL6.fullmatch(words[0]))
        ):
            out.append((m.start(1), m.start(1) + len(seg), "FACILITY", 0.65))


# Identifier cues: commercial and operator licences, member, accession, alien (A-) numbers,
# visit lists, pharmacist licences, aircraft tail numbers; plates after a state near a vehicle.
RX_ID_CUE6 = re.compile(
    r"\b(?:CDL|(?<=[A-Z]{2}[ \t])OL|MBR|[Aa]ccession|A-number|Visit[ \t]+#s|RPh|[Tt]ail)"
    r"[ \t]*(?:#|no\.?|number)?[ \t]*:?[ \t]*"
    r"((?=[A-Za-z0-9-]*\d)[A-Z0-9](?:[A-Z0-9]|[- ](?=[A-Z0-9]*\d)[A-Z0-9]){3,16})(?![\w-])"
)
TRIGGERS["IDC6"] = _w("cdl ol mbr accession a visit rph tail")
RX_PLATE_STATE6 = re.compile(
    rf"\b(?:{_STATE_ABBR_RE})[ \t]+((?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{{1,4}}"
    r"(?:[ -][A-Z0-9]{2,5})?)(?![\w-])"
)
RX_PLATE_WORD6 = re.compile(
    r"\b(?i:plate|tag)(?:[ \t]*+[:#])?[ \t]++([A-Z]{4,8}|[A-Z0-9]{2,4}[ -][A-Z0-9]{2,4})\b"
    r"(?![ \t]+[a-z])"
)
RX_PHONE7_CUE6 = re.compile(
    r"(?:\b(?i:ph|p|phone|tel|cell|home[ \t]+ph)[ \t]*[:.][ \t]*|\b(?:from|at|call)[ \t]+)"
    r"(\d{3}-\d{4}(?:[ \t]*(?:x|ext\.?|#)[ \t]*\d{1,5})?)(?![\d-])"
)
TRIGGERS["PH7"] = _w("ph p phone tel cell home from at call")
RX_PHONE7_AFTER_NAME6 = re.compile(
    r",[ \t]+(\d{3}-\d{4}(?:[ \t]*(?:x|ext\.?|#)[ \t]*\d{1,5})?)(?![\d-])"
)
RX_SS_LAST4_6 = re.compile(
    r"\b(?i:last[ \t]+(?:4|four))[ \t]+(?:of[ \t]+)?(?i:ss|ssn|soc)\b[ \t#:]*(\d{4})(?!\d)"
)
RX_PLACE_OF6 = re.compile(
    rf"\b(?:at|visiting|to|from|near|by)[ \t]+({NW})['’]s[ \t]+"
    r"(?:place|house|home|trailer|apartment|camper|farm)\b"
)


TRIGGERS["ROADN6"] = _w("on onto off along at of by up down past near take took via")
TRIGGERS["ROADL6"] = _w("lives live living way up out on off")
TRIGGERS["ROADS6"] = _w("on onto off along take took via by from")
TRIGGERS["PLACEOF6"] = _w("at visiting to from near by")
TRIGGERS["AGEL6"] = _w("age")
TRIGGERS["AGEAT6"] = _w("at")
TRIGGERS["AGEIS6"] = _w("he she pt patient who")
TRIGGERS["WEEKDAY6"] = _w("""mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri
    friday sat saturday sun sunday""")
TRIGGERS["HOLIDAY6"] = _w("""over around since on last before after at placed died during until by
    admitted the this past""")
_HOLIDAY_WORDS6 = _w("""christmas thanksgiving halloween easter labor memorial independence
    valentine father mother new fourth july veterans""")
_VEHICLE_WORDS6 = _w("vehicle car truck van pickup tag tags plate plates vin reg registration")
RX_DIGITS5 = re.compile(r"\d{5}")
RX_YMD_HINT6 = re.compile(r"(?:19|20)\d{6}")
RX_PHONE7_HINT6 = re.compile(r"\d{3}-\d{4}")


def _round6(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _apply_cues("numbers6", ctx, text, out, words_ix)
    if "|" in text:
        _pipe_tables6(ctx, text, out)
    if "\t" in text:
        _tab_rows6(ctx, text, out)
    _names6(ctx, text, out, words_ix)
    _apply_cues("more6", ctx, text, out, words_ix)
    last = -1
    for z in RX_DIGITS5.finditer(text):
        # a town, an abbreviated state and this ZIP, within the 60 characters before it
        c = RX_CITY_ABBR_ZIP6.search(text, max(last, z.start() - 60), z.end() + 5)
        if not c or c.start(2) != z.start():
            continue
        last = c.end()
        town = c.group(1)
        if not any(ctx.is_clinical(w) or w.lower() in FUNCTION_WORDS for w in town.split()):
            out.append((c.start(1), c.end(1), "LOCATION", 0.7))
        out.append((c.start(2), c.end(2), "LOCATION", 0.7))
    _apply_cues("lives_lower6", ctx, text, out, words_ix)
    _facilities6(ctx, text, out, words_ix)


# ----------------------------------------------------------------------------- round 7
# Kinds behind the misses of development sets A-F (round 7): tables written as comma-separated
# lines or as pipe rows without outer bars, phone numbers read out digit by digit, day-first
# and Spanish dates, m/d after "due"/"done", holidays after "began"/"from", lower-case rural
# roads after a residence cue, names after parents, techs, examiners and "lives with".
_TABLE_HEADS7 = (
    ("NAME", _w("last first surname given lastname firstname last_name first_name")),
    ("ZIP", _w("zip zipcode postal")),
)
RX_ZIP_CELL7 = re.compile(r"[ \t]*(\d{5}(?:-\d{4})?)[ \t]*")
RX_CSV_HEAD7 = re.compile(r"([A-Za-z][A-Za-z#_]*(?:,[A-Za-z][A-Za-z#_ ]*){2,})[ \t]*$")
RX_LINE7 = re.compile(r"(?m)^.*$")
RX_CSV_HINT7 = re.compile(r",(?<=[A-Za-z],)[A-Za-z][A-Za-z#_ ]*,[A-Za-z]")


def _header_cat7(cell: str) -> str | None:
    cat = _header_cat6(cell)
    if cat is None:
        word = cell.strip().lower()
        cat = next((c for c, heads in _TABLE_HEADS7 if word in heads), None)
    return cat


def _delimited_tables7(ctx: _Ctx, text: str, out: list) -> None:
    """Tables whose header names its columns: comma-separated lines (no space after the
    commas, which prose has) and pipe rows without outer bars (bordered ones are round 6's)."""
    cats: list[str | None] = []
    sep = ""
    for line in RX_LINE7.finditer(text):
        row = line.group()
        if not row.strip():
            cats = []
            continue
        if row.lstrip().startswith("|") and row.rstrip().endswith("|"):
            cats = []
            continue
        if not cats:
            head = RX_CSV_HEAD7.search(row) if RX_CSV_HINT7.search(row) else None
            if head and ", " not in head.group(1):
                sep, cells_text = ",", head.group(1)
            elif row.count("|") >= 2:
                sep, cells_text = "|", row
            else:
                continue
            heads = [_header_cat7(c) for c in cells_text.split(sep)]
            if sum(h is not None for h in heads) >= 2 and not re.search(r"\d", cells_text):
                cats = heads
            continue
        cells, pos = [], line.start()
        for part in row.split(sep):
            cells.append((pos, part))
            pos += len(part) + 1
        if re.fullmatch(r"[\s|:-]*", row):
            continue
        if len(cells) != len(cats):
            cats = []
            continue
        for (p, cell), cat in zip(cells, cats, strict=True):
            if cat == "ZIP" and (z := RX_ZIP_CELL7.fullmatch(cell)):
                out.append((p + z.start(1), p + z.end(1), "LOCATION", 0.8))
        _mark_cells6(ctx, cells, [None if c == "ZIP" else c for c in cats], out)


_DIGIT_WORD7 = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_WORDS7 = _w("zero oh one two three four five six seven eight nine")
# a phone number read out digit by digit: "callback number is five oh two, eight one one, ..."
RX_SPOKEN_PHONE7 = re.compile(
    r"(?i:number|phone|cell|call(?:[ \t]+back)?|callback|reach(?:ed)?)(?:[ \t]+(?:is|at|on))?"
    rf"[ \t:]+((?i:{_DIGIT_WORD7})(?:[ \t,.-]+(?i:{_DIGIT_WORD7})){{6,10}})(?![\w-])"
)
TRIGGERS["SPOKEN7"] = _w("number phone cell call callback reach reached")
# day-first dotted dates (the day over 12): "19.04.1957"
RX_DATE_DMY7 = re.compile(
    r"([123](?<![\w.][123])\d(?<=1[3-9]|2\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d)"
    r"(?![\w]|\.\d)"
)
_MESES7 = _w("""enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
    noviembre diciembre""")
RX_DATE_ES7 = re.compile(
    r"\b((?:3[01]|[12]\d|0?[1-9])[ \t]+de[ \t]+(?i:enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?:[ \t]+(?:de|del)[ \t]+"
    r"(?:19|20)\d\d)?)\b"
)
# m/d after "due", "done", "given" (not a fraction of a dose: "given 1/2 tab")
RX_MD_DUE7 = re.compile(
    r"\b(?i:due|done|given|completed|expires?)[ \t]+"
    r"((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![\d/-]|\.\d)"
    r"(?![ \t]*(?i:tabs?|tablets?|pills?|caps?|doses?|of|mg|mcg|ml|strength|cups?|amps?|units?"
    r"|ratio|ns|nss|normal)\b)"
)
TRIGGERS["DUE7"] = _w("due done given completed expires expire")
RX_HOLIDAY7 = re.compile(
    r"\b(?i:began|begun|beginning|from|starting|started|through|thru|till|til)[ \t]+"
    rf"(?:the[ \t]+)?((?:{_HOLIDAYS6}))(?![\w'’])"
    # "from Christmas tree lights" names a thing, not a day
    r"(?![ \t]+(?i:trees?|lights?|cards?|gifts?|presents?|decorations?|ornaments?|cactus|music"
    r"|carols?|songs?|candy|cookies|lilies|lily)\b)"
)
TRIGGERS["HOLIDAY7"] = _w("began begun beginning from starting started through thru till til")
# lower-case rural roads after a residence cue: "lives out on lick fork road", "moved to 88
# mccoy branch" (a branch or fork is a road only after such a cue)
RX_ROAD_LOWER7 = re.compile(
    r"\b(?:lives?|living|moved)(?:[ \t]+(?:way[ \t]+)?(?:out|up|down|over))?"
    r"(?:[ \t]+(?:on|off|to|at))?[ \t]+((?:\d{1,5}[ \t]+)?(?:[a-z]+[ \t]+){1,3}"
    r"(?:rd|road|pike|spur|hwy|holler|hollow|ln|lane|branch|fork|creek|ridge|trail|loop))\b"
)
TRIGGERS["ROADL7"] = _w("lives live living moved")
RX_ROAD_NUMBERED7 = re.compile(
    r"\b(?:on|onto|off|along|take|took|via|from)[ \t]+(?:the[ \t]+)?"
    r"((?:route|rte|hwy|highway|state[ \t]+route|ky|tn|wv|nc|sc|ga|tx|nm|az)[ \t-]?\d{1,4}[a-z]?)"
    r"(?![\w-])"
)
TRIGGERS["ROADS7"] = _w("on onto off along take took via from")
# a name after a parent, a technician, an examiner, a coordinator, "lives with", "nurse was"
RX_ROLE_NAME7 = re.compile(
    r"\b(?i:parents?|tech|technician|examiner|coordinator|lives[ \t]+with|nurse[ \t]+(?:is|was))"
    rf"[ \t]*+[:(-]?[ \t]*({NW}(?:[ \t]+{NW})?)(?![\w'’-])(?:[ \t]+and[ \t]+({NW})(?![\w'’-]))?"
)
TRIGGERS["ROLE7"] = _w("parent parents tech technician examiner coordinator lives nurse")


def _not_role_name7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = [w for g in (1, 2) if m.group(g) for w in m.group(g).split()]
    return (
        not all(ctx.plausible_name_word(w, True) and not ctx.is_clinical(w) for w in words)
        or not any(ctx.is_name(w) or not ctx.is_common(w) for w in words)
        or ctx.followed_by_head(m.end())
    )


def _not_road7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = [w for w in m.group(1).split() if not w.isdigit()]
    return any(w in FUNCTION_WORDS or ctx.is_clinical(w) for w in words[:-1])


# a chat whose lines open with a lower-case speaker: "lena: yes he's in 4B" (two such lines
# with given names make it a chat, and then a given name that is also a word counts too)
RX_CHAT_SPEAKER7 = re.compile(r"(?m)^[ \t]*(?:\[[^\]\n]{1,30}\][ \t]*)?([a-z]{3,12}):[ \t]+\S")
# lower-case titles: "seen mr okafor today" (a surname that is no word; "mr severe" is MR)
RX_TITLE_LOWER7 = re.compile(r"(?<![\w.])(?:mr|mrs|ms|miss|mister)\.?[ \t]+([a-z][a-z'’-]{2,})\b")
TRIGGERS["TITLEL7"] = _w("mr mrs ms miss mister")
# the addressee of a fax or a form: "FAX to Haq Family Dental at +1 ...", "fax to Dollar
# General #8605 at ..."
RX_FAX_TO7 = re.compile(
    rf"\b(?i:fax(?:ed)?|send|sent|mail(?:ed)?)[ \t]+to[ \t]+((?:{CAPW})(?:[ \t]+(?:{CAPW}|&|of))"
    r"{0,4}(?:[ \t]+#[ \t]?\d{2,6})?)(?=[ \t]+(?:at|@)[ \t]+[+(\d])"
)
TRIGGERS["FAXTO7"] = _w("fax faxed send sent mail mailed")
# a store of a chain with its number: "Walgreens #07734", "Dollar General #8605"
_CHAINS7 = (
    rf"(?:{PHARMACY_CHAINS}|Dollar[ \t]+General|Family[ \t]+Dollar|Dollar[ \t]+Tree|Target"
    r"|Walmart[ \t]+Supercenter|Love['’]s(?:[ \t]+Travel[ \t]+Stop)?|Pilot|Speedway"
    r"|Sam['’]s[ \t]+Club|Home[ \t]+Depot|Lowe['’]s|Tractor[ \t]+Supply|AutoZone|Aldi"
    r"|Food[ \t]+Lion|Piggly[ \t]+Wiggly)"
)
# a chain's name may run into "store" ("CVSstore #12"): its rules use glued=True
TRIGGERS["CHAIN7"] = PHARMACY_FIRST_WORDS | _w(
    "dollar family target walmart love pilot speedway sam home lowe tractor autozone aldi food"
    " piggly"
)
RX_STORE_NUMBER7 = re.compile(rf"\b({_CHAINS7}[ \t]*(?:store[ \t]*)?#[ \t]?\d{{2,6}})\b")
# the chain's name alone, kept when an ID takes the store number
RX_STORE_CHAIN8 = re.compile(rf"\b({_CHAINS7})(?=[ \t]*(?:store[ \t]*)?#[ \t]?\d{{2,6}}\b)", IGN)
# labelled cells of a registration row: "CITY: BLUE BALL  ST: PA", "ADDR: 19 HWY 7 SOUTH"
RX_LABEL_CELL7 = re.compile(
    r"(?m)(?:^|(?<=[ \t]{2})|(?<=\t))(?i:(city|town)|(addr|address|street))[ \t]*:[ \t]*"
    r"([A-Z0-9][A-Za-z0-9.'’#-]*(?:[ \t][A-Za-z0-9.'’#-]+)*?)(?=[ \t]{2,}|\t|[ \t]*$|[ \t]*[,;])"
)
TRIGGERS["LABELC7"] = _w("city town addr address street")
# Spanish residence cues: "vive en Grundy", "viven en la colonia Las Milpas"
RX_VIVE_EN7 = re.compile(
    r"\b(?i:vive|viven|vivía|vivia|reside|residen)[ \t]+en[ \t]+(?:(?i:la[ \t]+colonia|el[ \t]+"
    rf"pueblo[ \t]+de|el[ \t]+rancho)[ \t]+)?({NW}(?:[ \t]+(?:{NW}|de|del|la|las|los)){{0,3}})"
    r"(?<![ \t]de)(?<![ \t]del)(?<![ \t]la)(?<![ \t]las)(?<![ \t]los)(?![\w'’])"
)
TRIGGERS["VIVE7"] = _w("vive viven viv vivia reside residen")
# a referral list row: "Cardiology - Heart & Vascular Specialists of Pikeville - fax 606..."
RX_ROUTING_ROW7 = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Za-z/&]*(?:[ \t]+[A-Za-z/&]+)?[ \t]+[-–][ \t]+"
    rf"((?:{CAPW})(?:[ \t]+(?:{CAPW}|&|of|the|and)){{0,6}})[ \t]+[-–][ \t]+(?i:fax|phone|tel|ph)\b"
)


# a given name that is also a word, opening a sentence before a verb a word could not take
# there ("Will has POA", "Frank has been doing better", "Major shared her story"); months,
# weekdays and words such names clash with in clinical text stay out
RX_WORD_NAME_SUBJECT7 = re.compile(
    r"([A-Z](?:(?<=^[A-Z])|(?<=[.!?][ \t][A-Z])|(?<=[.!?][ \t]{2}[A-Z])|(?<=\n[A-Z]))"
    r"[a-z]{2,})[ \t]+"
    r"(?=(?:has[ \t]+POA|texted|called[ \t]+(?:me|us|back|the|to)|brought[ \t]+(?:her|him|them)"
    r"|shared[ \t]+(?:her|his)|(?:is|was|has[ \t]+been)[ \t]+(?:doing[ \t]+(?:better|worse|well)"
    r"|sober|pregnant))\b)",
    re.M,
)
_NOT_WORD_NAMES7 = _w("""april may june august january march july sunday monday tuesday
    wednesday thursday friday saturday pt patient nurse mom dad family staff son daughter
    sister brother wife husband mother father baby child aunt uncle niece nephew cousin she he
    it this that who everyone someone nobody""")


def _not_word_name7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    w = m.group(1)
    return (
        not ctx.is_first(w)
        or ctx.is_clinical(w)
        or w.lower() in _NOT_WORD_NAMES7
        or w.lower() in STATES
    )


def _chat_speakers7(ctx: _Ctx, text: str, out: list) -> None:
    speakers = [
        m
        for m in RX_CHAT_SPEAKER7.finditer(text)
        if ctx.is_first(m.group(1))
        and not ctx.is_clinical(m.group(1))
        and m.group(1) not in FUNCTION_WORDS
    ]
    if len({m.group(1) for m in speakers}) < 2 and not any(
        not ctx.is_common(m.group(1)) for m in speakers
    ):
        return
    if len(speakers) < 2:
        return
    for m in speakers:
        out.append((m.start(1), m.end(1), "NAME", 0.7))


def _not_lower_surname7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    w = m.group(1)
    return ctx.is_common(w) or ctx.is_clinical(w) or w in FUNCTION_WORDS or not ctx.is_name(w)


def _not_addressee7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = [w for w in m.group(1).split() if w[0].isalpha()]
    return not words or all(ctx.is_common(w) or ctx.is_clinical(w) for w in words)


def _not_label_cell7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    value = m.group(3)
    if m.group(1):  # a town: capitalised words, none clinical, not a state
        return (
            value.lower() in STATES
            or any(not w[0].isupper() for w in value.split())
            or any(ctx.is_clinical(w) for w in value.split())
        )
    return not re.match(r"\d", value)  # a street address starts with its number


RX_STATE_TAIL7 = re.compile(rf"[ \t,]+(?:{_STATE_FULL}|{_STATE_ABBR_RE})$")


def _label_cells7(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_LABEL_CELL7, "LABELC7", text, words_ix) if ":" in text else ():
        if _not_label_cell7(ctx, text, m):
            continue
        if m.group(2) and any(
            c[2] == "ADDRESS" and m.start(3) <= c[0] < m.end(3) for c in out
        ):  # the street is found already; the town and ZIP after it keep their own findings
            continue
        e = m.end(3)
        if m.group(2) and (st := RX_STATE_TAIL7.search(m.group(3))):
            e = m.start(3) + st.start()  # the state after the town is no identifier
        out.append((m.start(3), e, "LOCATION" if m.group(1) else "ADDRESS", 0.75))


def _not_spanish_place7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return any(ctx.is_clinical(w) for w in m.group(1).split())


def _not_routing7(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = [w for w in m.group(1).split() if w[0].isupper()]
    return not words or all(ctx.is_clinical(w) or ctx.low(w) in GENERIC_FAC for w in words)


def _round7(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    if "|" in text or RX_CSV_HINT7.search(text):
        _delimited_tables7(ctx, text, out)
    if ":" in text:
        _chat_speakers7(ctx, text, out)
        _label_cells7(ctx, text, out, words_ix)
    _apply_cues("round7", ctx, text, out, words_ix)


# ----------------------------------------------------------------------------- round 8
# A person's name after a label, a role or a relation, read token by token rather than by one
# pattern, so that it may be written in any case ("Dependent: RƏNA OOMITTUK", "pt kęstutis
# oza", "worker S. Vogt", "Medic: Ramos, Tarlang") and of words in no list ("Two Bulls").
# Colon labels need the colon; role and relation words do not.
_LABEL_CUES8 = (
    r"dependent|applicant|guarantor|member|subscriber|insured|emergency[ \t]+contact|contact"
    r"|for|pcp|presenter|tele-?presenter|ordering(?:[ \t]+provider)?|intake|to|from|re|medic"
    r"|crew|driver|pt|patient|caller|client|student|employee|resident|attn|witness|interpreter"
    r"|return[ \t]+to[ \t]+work|work[ \t]+release|foster[ \t]+placement|parent|guardian"
    r"|spouse|referring|provider|author|name"
)
_ROLE_CUES8 = (
    r"(?:pronounced|interrogated|reported|access|examined|verified|witnessed|performed"
    r"|evaluated|accompanied|transported|dictated|transcribed|collected)[ \t]+by"
    r"|(?:reviewed|met|spoke|seen|lives)[ \t]+(?:with|w/)|worker|advocate|case[ \t]+manager"
    r"|foster[ \t]+(?:mom|dad|mother|father|parents?)|grand(?:mother|father|daughter|son|ma|pa)"
    r"|husband|wife|son|daughter|brother|sister|cousin|aunt|uncle|niece|nephew|mother|father"
    r"|mom|dad|np|medic|dictating[ \t]+on|doctor|pt|patient|excuse|seeing|paciente|hija|hijo"
    r"|esposa|esposo"
)
# titles in capitals or lower case (a capitalised "Mr." has its own rule); "MS:" and "MR."
# are mental status and mitral regurgitation, so the name must be written in the title's case
_TITLES8 = r"MRS?\.|MS\.|MISTER|mister|mrs?\.?|ms\."
RX_NAME_CUE8 = re.compile(
    rf"\b(?:(?i:({_LABEL_CUES8})[ \t]*:)|(?<![\w.])({_TITLES8})(?=[ \t])"
    rf"|(?i:({_ROLE_CUES8})\b[ \t]*(?::[ \t]*)?)"
    r"|(?i:(to[ \t]+whom[ \t]+it[ \t]+may[ \t]+concern)[ \t]*+[:,]?[ \t]*\n\s*))[ \t]*"
)
TRIGGERS["NAMECUE8"] = _w("""dependent applicant guarantor member subscriber insured emergency
    contact for pcp presenter tele telepresenter ordering intake to from re medic crew driver pt
    patient caller client student employee resident attn witness interpreter return work foster
    parent guardian spouse referring provider author name pronounced interrogated reported
    access examined verified witnessed performed evaluated accompanied transported
    dictated transcribed collected reviewed met spoke seen lives worker advocate case grandmother
    grandfather granddaughter grandson grandma grandpa husband wife son daughter brother sister
    cousin aunt uncle niece nephew mother father mom dad np dictating doctor excuse seeing
    paciente hija hijo esposa esposo mr mrs ms mister""")
# the words of a name: letters with inner apostrophes or hyphens, or an initial
RX_NAME_TOKEN8 = re.compile(
    rf"(?:[{UP}]\.(?![{UP}{LO}])|[{LO}]\.(?=[ \t][{LO}])"
    rf"|[{UP}{LO}ə](?:[{UP}{LO}əʻ]|['’-](?=[{UP}{LO}ə]))*)"
)
RX_TOKEN_GAP8 = re.compile(r"[ \t]{1,2}(?![ \t])|,[ \t]*")
_PARTICLES8 = _w("van von der den de del della di da dos das du la le los ten ter und zu bin ibn")
_NOT_NAME_WORDS8 = _w("""rn md np pa do lpn cna fnp mlt rph dds pt dob mrn ssn id fin cdl dnr
    npi dea mbi ss itin rx medicaid medicare tricare insurance self-pay
    unknown none self same na n a unk tbd pending refused declined home family staff ems""")
RX_CRED_WORD8 = re.compile(CRED)
RX_NAME_END8 = re.compile(
    rf"[ \t]*(?:$|[\n(@#;/:,.\[+]|[ \t]{{2}}|\t|--|\d|[-–][ \t])|[ \t]+[a-z]|[ \t]+{CRED}\b"
    r"|[ \t]+(?:AT|ON|IS|WAS|IN|AND|HAS|HAD|WILL|MAY|TO|FROM|WITH|DOB|AGE|FOR|VIA|EXPIRED)\b"
)


def _name_case8(w: str) -> str:
    if len(w) == 2 and w[1] == ".":
        return "i"
    if w.isupper():
        return "U" if len(w) > 1 else "i"
    if w.islower():
        return "l"
    return "T" if w[0].isupper() else "x"


def _name_word_ok8(ctx: _Ctx, w: str) -> bool:
    """May w be a word of a person's name? (A clinical word only when it is a name too:
    "REED, CONSTANCE", "AMPOMA, GRACE"; a value of one such word is refused later.)"""
    lw = ctx.low(w)
    return not (
        lw in FUNCTION_WORDS
        or lw in HEAD_NOUNS
        or lw in PLACEHOLDER_WORDS
        or lw in _NOT_NAME_WORDS8
        or lw in STATES
        or lw in MONTH_WORDS
        or lw in _WEEKDAYS5
        or (ctx.is_clinical(w) and not ctx.is_name(w))
        or lw in GENERIC_FAC
        or (w.isupper() and len(w) == 2 and w in _STATE_ABBR_SET)
    )


def _namey8(ctx: _Ctx, w: str) -> bool:
    """A word that names a person rather than a thing: in a name list or no common word."""
    parts = [p for p in re.split(r"[-'’]", w) if len(p) > 1] or [w]
    return all(ctx.is_name(p) or not ctx.is_common(p) for p in parts)


RX_DIGIT_AFTER8 = re.compile(r"[ \t]*\d")


def _read_name8(ctx: _Ctx, text: str, pos: int, strong: bool) -> tuple[int, int] | None:
    """The span of a person's name written from `pos`, or None.

    One to five tokens in one case (capitalised, ALL CAPS or lower case; initials and name
    particles anywhere), "Last, First" once, ending where a name ends (punctuation, a
    number, a credential, a lower-case or a function word); at least one word must be namey.
    A lower-case name needs a given name of the lists and a word in no word list. `strong`
    (a relation word or a label) lets one given name stand alone."""
    words: list[tuple[int, int]] = []
    style = ""
    comma = False
    p = pos
    while len(words) < 5:
        m = RX_NAME_TOKEN8.match(text, p)
        if not m:
            break
        w = m.group()
        c = _name_case8(w)
        if c == "x":
            break
        if c != "i" and not (w.lower() in _PARTICLES8 and words):
            if style and c != style:
                break
            # a surname that is a month ("KARL MAY") only after a first word, before no number
            month_surname = (
                words
                and ctx.low(w) in MONTH_WORDS
                and ctx.is_last(w)
                and not RX_DIGIT_AFTER8.match(text, m.end())
            )
            if not month_surname and not _name_word_ok8(ctx, w):
                break
            if c == "l" and not (ctx.is_name(w) or not ctx.is_common(w)):
                break
            style = style or c
        words.append((m.start(), m.end()))
        g = RX_TOKEN_GAP8.match(text, m.end())
        if not g:
            break
        if "," in g.group():
            if comma or len(words) > 3:
                break
            # "Last, First" only if what follows the comma is a name word, not a credential
            nxt = RX_NAME_TOKEN8.match(text, g.end())
            if (
                not nxt
                or not _name_word_ok8(ctx, nxt.group())
                or _name_case8(nxt.group()) not in (style or "TUl", "i")
                or RX_CRED_WORD8.fullmatch(nxt.group())
            ):
                break
            comma = True
        p = g.end()
    # drop words from the end until what follows is where a name ends
    while words and not RX_NAME_END8.match(text, words[-1][1]):
        words.pop()
    while words and (
        text[words[-1][0] : words[-1][1]].lower() in _PARTICLES8
        or (style == "l" and _name_case8(text[words[-1][0] : words[-1][1]]) == "i")
    ):
        words.pop()
    if not words or not style:
        return None
    end = words[-1][1]
    if not RX_NAME_END8.match(text, end) or ctx.followed_by_head(end):
        return None
    ws = [text[a:b] for a, b in words]
    full = [w for w in ws if _name_case8(w) != "i" and w.lower() not in _PARTICLES8]
    if not full or not any(_namey8(ctx, w) for w in full):
        return None
    if all(ctx.is_clinical(w) for w in full):
        return None
    if style == "l" and not (
        any(ctx.is_first(w) for w in full) and any(ctx.low(w) not in ctx.lex.common for w in full)
    ):
        return None
    if len(ws) == 1 and not (
        strong
        and (ctx.is_first(ws[0]) or (style != "l" and len(ws[0]) >= 4 and not ctx.is_common(ws[0])))
    ):
        return None
    return words[0][0], end


def _names8(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_NAME_CUE8, "NAMECUE8", text, words_ix):
        cue = (m.group(1) or m.group(2) or m.group(3) or m.group(4)).lower()
        strong = cue not in ("pt", "patient", "doctor", "to", "from", "re", "for")
        span = _read_name8(ctx, text, m.end(), strong)
        if span and m.group(2):  # a title: the name in its case ("MRS. ROSE", "mister lou")
            name = text[span[0] : span[1]]
            if not (name.isupper() if m.group(2).isupper() else name.islower()):
                continue
        if span and text[span[0] : span[1]].lower() in _REPLY_WORDS16:
            continue  # "Provider: ok, per GINA 2024": a reply after a speaker's label
        if span:
            out.append((span[0], span[1], "NAME", 0.7))


# the words a chat message opens with as a reply (round 16)
_REPLY_WORDS16 = _w("ok okay k kk yes yep yeah no nope sure thanks thx ty noted agreed hi hello")


# the writer's sign-off: "-- EARL BELL, RN", "-- SK, RN", a line "danjuma hawkins, MD", "--
# Siaosi" closing a message, "-- G. TRIPLETT (+1 505 ...)"
RX_SIGNOFF8 = re.compile(r"(?m)(?:--[ \t]*|^[ \t]*)(?=[^\W\d_])")
RX_CRED_NEXT8 = re.compile(rf",?[ \t]+{CRED}(?![\w])")
RX_SIGNOFF_TAIL8 = re.compile(r"[ \t]*(?:\((?:[+\d]|ext)|$)", re.M)
RX_INITIALS_CRED8 = re.compile(rf"--[ \t]*([A-Z]{{2,3}}|[a-z]{{2}}),[ \t]+(?i:{CRED})(?![\w])")


def _signoffs8(ctx: _Ctx, text: str, out: list) -> None:
    for m in RX_SIGNOFF8.finditer(text):
        dash = text.startswith("--", m.start())
        span = _read_name8(ctx, text, m.end(), dash)
        if not span:
            continue
        if RX_CRED_NEXT8.match(text, span[1]) or (dash and RX_SIGNOFF_TAIL8.match(text, span[1])):
            out.append((span[0], span[1], "NAME", 0.7))
    if "--" in text:
        for m in RX_INITIALS_CRED8.finditer(text):
            if m.group(1).upper() not in NOT_INITIALS:
                out.append((m.start(1), m.end(1), "NAME", 0.7))


# a list of residents with their ages: "- OUMA, LORETTA, 94yo, rm 127A", "1. Marie Azure -- 97",
# "- Guy Little (79), home, Booneville"
RX_LIST_ITEM8 = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+")
RX_AGE_AFTER_ITEM8 = re.compile(
    r",?[ \t]*(?:--[ \t]*|\()?((?:9\d|1[01]\d|[1-8]\d)|(?i:aged?[ \t]+\d{2,3}))(?:\)|(?=[ \t]*$)"
    r"|(?=[ \t]*(?i:y\.?o|y/o|-?year|[MF]\b|yrs)))",
    re.M,
)


def _resident_lists8(ctx: _Ctx, text: str, out: list) -> None:
    items = list(RX_LIST_ITEM8.finditer(text))
    if len(items) < 2:
        return
    for m in items:
        span = _read_name8(ctx, text, m.end(), True)
        if not span:
            continue
        a = RX_AGE_AFTER_ITEM8.match(text, span[1])
        if a:
            out.append((span[0], span[1], "NAME", 0.7))
            age = a.group(1)
            if age.isdigit() and int(age) >= 90:
                out.append((a.start(1), a.end(1), "AGE", 0.75))


# Social security numbers grouped any way after their cue ("soc: 744 85 1798", "SSN/ITIN:
# 561-787747", "ssn 437 - 81 - 2290")
RX_SSN_ANY_GROUPS8 = re.compile(
    r"\b(?i:ssn|soc|social[ \t]+security(?:[ \t]+(?:no\.?|number|#))?|ss#|itin)(?:/(?i:itin))?"
    r"[ \t]*+[:#]?[ \t]*+(\d(?:[ \t]*+[- .]?[ \t]*+\d){8})(?![\d-])"
)
TRIGGERS["SSN8"] = _w("ssn soc social ss itin")
# "Patient initials: DM", "Pt initials - JG"
RX_INITIALS_LABEL8 = re.compile(
    r"\b(?i:patient|pt|client|child|resident)[ \t]+(?i:initials)[ \t]*+[:-]?[ \t]*"
    r"((?:[A-Z]\.[ \t]?){2,3}|[A-Z]{2,3}(?![\w.]))"
)
TRIGGERS["INIT8"] = _w("patient pt client child resident")
# Highway-contract and rural-route boxes in lower case: "hc 73 box 756", "rr 5 box 70"
RX_RURAL_BOX_LOWER8 = re.compile(
    r"\b(?:hc|hcr|rr|rt|rte)[ \t]*\d{1,4},?[ \t]+box[ \t]*+#?[ \t]*\d{1,5}\b"
)
TRIGGERS["BOX8"] = _w("hc hcr rr rt rte")
# a town right after a person's age or sex and "from": "a 92-year-old male from leone", "57 YO M
# FROM WANBLEE", "Pt joined from Gambell via"
RX_FROM_AFTER_PERSON8 = re.compile(
    r"(?i:year[ \t-]old|y/o|yo|y\.o\.|male|female|man|woman|lady|gentleman|elder|[MF]"
    r"|joined|calling|dialed[ \t]+in)[ \t]+(?i:from)[ \t]+"
    rf"([{UP}{LO}][{LO}{UP}ʻ'’-]+(?:[ \t][{UP}][{LO}{UP}ʻ'’-]+)?)(?=[ \t]*(?:[,.;\n(]|$|[ \t]via\b"
    r"|[ \t](?:he|she|daughter|son|wife|husband|who|with|admitted|seen|lives)\b))"
)
TRIGGERS["FROM8"] = _w(
    "old y yo male female man woman lady gentleman elder m f joined calling dialed"
)


_NOT_TOWNS8 = _w("""home work school church jail prison rehab hospital here there out town
    outside abroad overseas state county camp""")


def _not_town8(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = m.group(1).split()
    return any(
        ctx.low(w) in _NOT_TOWNS8
        or ctx.low(w) in FUNCTION_WORDS
        or ctx.is_clinical(w)
        or ctx.low(w) in _NOT_PLACES6
        or ctx.low(w) in HEAD_NOUNS
        or (ctx.is_common(w) and ctx.low(w) not in ctx.lex.cities)
        for w in words
    )


# A facility written in one case, capitals or lower case, or with an initial ("KYLE HEAD
# START", "guam memorial hospital", "Leonard J. Chabert Medical Center"): from the head back
# over words of the head's case, to a function word or a change of case; one word must be
# no generic or common word (a name or a town counts)
RX_FAC_HEAD8 = _Folded(
    r"(?:hospital|medical[ \t]+center|health[ \t]+center|health[ \t]+care[ \t]+facility|clinic"
    r"|high[ \t]+school|elementary(?:[ \t]+school)?|middle[ \t]+school|head[ \t]+start"
    r"|senior[ \t]+(?:living|center)|nursing[ \t]+(?:and|&)[ \t]+rehab|nursing[ \t]+home"
    r"|care[ \t]+home|catholic[ \t]+church|fire[ \t]+dept\.?|fire[ \t]+department"
    r"|treatment[ \t]+center|mortuary|dialysis)(?![\w-])"
)
RX_FAC_WORD_BEFORE8 = re.compile(rf"([{UP}{LO}][{UP}{LO}'’-]*\.?|[{UP}]\.)[ \t]+$")


def _fac_word8(ctx: _Ctx, w: str, style: str) -> bool:
    """A word that makes a facility's name its own: in lower case a name or a town in no word
    list ("williamson clinic", not "peritoneal dialysis"); else any word not generic."""
    if "-" in w:  # "walk-in", "low-cost": every part must count
        return all(_fac_word8(ctx, p, style) for p in w.split("-"))
    lw = ctx.low(w)
    if lw in GENERIC_FAC or len(w) < 2 or ctx.is_clinical(w):
        return False
    if style == "l":
        return (ctx.is_name(w) or lw in ctx.lex.cities) and lw not in ctx.lex.common
    return not ctx.is_common(w) or ctx.is_name(w) or lw in ctx.lex.cities


def _facilities8(ctx: _Ctx, text: str, out: list) -> None:
    for start, end in RX_FAC_HEAD8.spans(text, ctx.low_text):
        head = text[start:end]
        style = "U" if head.isupper() else "l" if head.islower() else "T"
        words: list[str] = []
        initial = False
        while len(words) < 5:
            w = RX_FAC_WORD_BEFORE8.search(text, max(0, start - 30), start)
            if not w:
                break
            word = w.group(1)
            bare = word.rstrip(".")
            if len(bare) == 1 and bare.isupper() and style == "T":
                initial = True
            elif (
                _name_case8(bare) != style
                or ctx.low(bare) in FUNCTION_WORDS
                or ctx.low(bare) in _NOT_FAC_LEAD6
            ):
                break
            words.append(bare)
            start = w.start(1)
        if not words or (style == "T" and not initial):
            continue
        if style == "l" and head.startswith("dialysis"):
            continue
        if not any(_fac_word8(ctx, w, style) for w in words):
            continue
        out.append((start, end, "FACILITY", 0.7))


def _round8(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _names8(ctx, text, out, words_ix)
    _facilities8(ctx, text, out)
    if "--" in text or "\n" in text:
        _signoffs8(ctx, text, out)
    if "\n" in text:
        _resident_lists8(ctx, text, out)
    _apply_cues("round8", ctx, text, out, words_ix)


def _mentions_of(ctx: _Ctx, text: str, found: list[Finding], words: set[str], flags: str) -> list:
    """Each mention of these name words that no finding covers, as a name."""
    if not words:
        return []
    taken = _overlap_test([(f.start, f.end) for f in found])
    rx = re.compile(
        flags
        + r"(?<![\w'’-])("
        + "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        + r")(?![\w-])"
    )
    out = []
    for m in rx.finditer(text):
        s, e = m.span(1)
        if taken(s, e) or ctx.followed_by_head(e):
            continue
        out.append((s, e, "NAME", 0.6))
    return out


# Every other mention of a name found anywhere in the text, in the case it was found in
# ("Sunny May ... Sunny has a sprained ankle", "pt kęstutis oza ... kęstutis asked")
def _other_mentions8(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    words: set[str] = set()
    for f in found:
        if f.category != "NAME":
            continue
        for w in RX_NAME_TOKEN8.findall(text, f.start, f.end):
            w = re.sub(r"['’]s$", "", w)
            if (
                len(w) >= 3
                and not (w.isupper() and len(w) <= 3)  # abbreviations: HTN, COPD
                and _name_word_ok8(ctx, w)
                and not ctx.is_common(w)
                and w.lower() not in _PARTICLES8
            ):
                words.add(w)
    return _mentions_of(ctx, text, found, words, "")


# phone numbers with en or em dashes ("304–591–8098"), or broken over a line after a call-back
# cue ("Call-back #: 606-498-\n7948")
RX_BOX_AFTER8 = re.compile(r",?[ \t]+(?i:box|bx)\b")
RX_PHONE_DASHES8 = re.compile(
    r"(?<![\w–—-])((?:\+?1[ \t–—-])?\(?\d{3}\)?[ \t]?[–—][ \t]?\d{3}[–—]\d{4})(?![\w–—-])"
)
RX_PHONE_BROKEN8 = re.compile(
    r"\b(?i:call[ -]?back|phone|tel|cell|ph)[ \t]*+#?:?[ \t]*(\(?\d{3}\)?[ \t.-]?\d{3}-?\n\d{4})\b"
)
TRIGGERS["PHB8"] = _w("call callback phone tel cell ph")
# m/d after a note, a reschedule, a census, a hearing, a shipment: "SW note 3/27", "rescheduled
# to 12/18", "ships thurs 12/4", "Hearing 6/9"
RX_MD_EVENT8 = re.compile(
    r"\b(?i:rescheduled(?:[ \t]+(?:to|for))?|census|hearing|ships(?:[ \t]+[a-z]{3,5})?"
    r"|tmrw|tomorrow|medevac['’]?d|f/u(?:[ \t]+[A-Z][\w ]{0,50}?)?|period|trip(?:[ \t]+\w+)?)"
    r"[ \t]+((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![\d/-]|\.\d)"
)
# "SW note 3/27: met with" (a note's date heads a line of its own; "note 2/6 murmur" does not)
RX_MD_NOTE8 = re.compile(
    r"\b(?i:note)[ \t]+((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?=[ \t]*[:,])"
)
TRIGGERS["MDE8"] = _w("rescheduled census hearing ships tmrw tomorrow medevac f period trip")
# a date said aloud: "december eleventh 1999", "july twenty-third"
_ORDINAL_WORD8 = (
    r"(?:(?:twenty|thirty)[ -])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_ORDINAL_WORDS8 = _w("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh
    twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    thirtieth""")
RX_SPOKEN_DATE8 = re.compile(
    r"\b((?i:january|february|march|april|may|june|july|august|september|october|november"
    rf"|december)[ \t]+(?:the[ \t]+)?(?i:{_ORDINAL_WORD8})(?:,?[ \t]+(?:19|20)\d\d)?)\b"
)


# ----------------------------------------------------------------------------- round 9
# Kinds behind the misses of set H (round 9): names after more labels, roles and structures
# (a chat line's timestamp, "NOK:", "Passenger", "identifies pt as", "X's mom", a name in
# parentheses after a relation or an e-mail address, a roster line "Name  chair 6", a pipe
# footer cell "LAST, FIRST M"); facilities after residence, transport, transfer and pharmacy
# cues, after a table's "Site" column, and in a letterhead over its street line; towns that
# are ordinary words after strong place cues, after a facility in a label, lower-case after
# "lives in"; highway addresses with a house number; multi-line "Address:" blocks; foreign
# postcodes after a town; MON-DD-YYYY and MMDDYYYY dates; numbers after "ph", "tel" and
# foreign country codes; partial SSNs and MRNs "ending in"; plates after "ATV reg".
_LABEL_CUES9 = r"nok|next[ \t]+of[ \t]+kin|hpi|presenter|re|subject[ \t]+of[ \t]+care|poa"
_ROLE_CUES9 = (
    r"passenger|identifies[ \t]+(?:pt|patient|him|her)[ \t]+as|reset[ \t]+by|caller"
    r"|interpreter|guarantor|under[ \t]+(?:pt|patient)|with[ \t]+(?:pt|patient)"
    r"|dtr|wife|husband|spouse|per[ \t]+the[ \t]+hub[ \t]+notes"
)
RX_NAME_CUE9 = re.compile(
    rf"\b(?:(?i:({_LABEL_CUES9})[ \t]*:)|(?i:({_ROLE_CUES9}))(?![\w])|[Pp]t\.)[ \t]*"
)
TRIGGERS["NAMECUE9"] = _w("""nok next hpi presenter re subject poa passenger identifies reset
    caller interpreter guarantor under with dtr wife husband spouse pt per""")
# a name that may hold words of the word lists ("Two Bulls", "Pretty On Top"): title case
# words, a capitalised "On"/"Of" inside, particles anywhere
_INNER9 = _w("on of the in")
_PARTICLE_RE9 = "|".join(sorted(_PARTICLES8, key=len, reverse=True))
RX_TITLE_TOKEN9 = re.compile(
    rf"[{UP}](?:[{LO}]|['’-](?=[{UP}{LO}]))+|[{UP}]\.|(?:{_PARTICLE_RE9}|[Nn]í)(?=[ \t])"
)
RX_NAME_STOP9 = re.compile(
    r"[ \t]*(?:$|[\n(@#;/:,.)\[+'’]|[ \t]{2}|\t|--|\d|[-–][ \t])|[ \t]+[a-z]", re.M
)


def _word_run9(token: re.Pattern, text: str, pos: int, most: int) -> list[tuple[int, int]]:
    """The spans of up to `most` tokens from `pos`, one blank apart."""
    words: list[tuple[int, int]] = []
    while len(words) < most:
        m = token.match(text, pos)
        if not m:
            break
        words.append(m.span())
        if text[m.end() : m.end() + 1] not in (" ", "\t"):
            break
        pos = m.end() + 1
    return words


def _read_title_name9(ctx: _Ctx, text: str, pos: int, first: bool) -> tuple[int, int] | None:
    """A title-case name of 2-5 words from `pos` ("Wendell Pretty On Top", "Ní Bhriain");
    `first`: the first word must be a given name of the lists."""
    words = _word_run9(RX_TITLE_TOKEN9, text, pos, 5)
    while words and (
        not RX_NAME_STOP9.match(text, words[-1][1])
        or ctx.low(text[words[-1][0] : words[-1][1]]) in _INNER9
        or text[words[-1][0] : words[-1][1]].lower() in _PARTICLES8
    ):
        words.pop()
    ws = [text[a:b] for a, b in words]
    full = [w for w in ws if len(w) > 2 and w.lower() not in _PARTICLES8 and w.lower() != "ní"]
    if len(ws) < 2 or not full:
        return None
    if any(
        ctx.is_clinical(w)
        and not ctx.is_name(w)
        or ctx.low(w) in HEAD_NOUNS
        or ctx.low(w) in GENERIC_FAC
        or ctx.low(w) in STATES
        or ctx.low(w) in MONTH_WORDS
        for w in full
    ):
        return None
    if sum(ctx.low(w) in _INNER9 for w in ws) > 1:
        return None
    if first and not ctx.is_first(ws[0]):
        return None
    if not any(_namey8(ctx, w) for w in full):
        return None
    return words[0][0], words[-1][1]


def _names9(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_NAME_CUE9, "NAMECUE9", text, words_ix):
        span = _read_name8(ctx, text, m.end(), True)
        longer = _read_title_name9(ctx, text, m.end(), False)
        if longer and (not span or longer[1] > span[1]):
            span = longer
        if (
            span
            and not RX_HASH_AFTER9.match(text, span[1])
            and ctx.low(text[span[0] : span[1]]) not in _NOT_PERSONS9
        ):
            out.append((span[0], span[1], "NAME", 0.7))
    # "is this Wendell Pretty On Top's mom?", "Kevin Lee's daughter"
    for m in RX_POSSESSIVE_REL9.finditer(text):
        span = _title_run_back9(ctx, text, m.start())
        if span:
            out.append((span[0], span[1], "NAME", 0.7))
    # a name in parentheses after a relation word or an e-mail address: "Family (Rose
    # Tallbear)", "jdoe@mail.org (Joe Doe)"
    parens = _triggered(RX_PAREN_NAME9, "PAREN9", text, words_ix) if "(" in text else []
    if "@" in text and "(" in text:
        parens += RX_PAREN_AFTER_EMAIL9.finditer(text)
    for m in parens:
        span = _read_name8(ctx, text, m.end(), False) or _read_title_name9(ctx, text, m.end(), True)
        if span and text.startswith(")", span[1]) and " " in text[span[0] : span[1]]:
            out.append((span[0], span[1], "NAME", 0.7))
    stamps = "[" in text and RX_STAMP9.search(text)
    if stamps or RX_ROSTER_AFTER9.search(text):
        for m in RX_LINE_HEAD9.finditer(text):
            if not m.group(1):  # a roster line must hold its hint: read no other line
                eol = text.find("\n", m.end())
                if not RX_ROSTER_AFTER9.search(text, m.end(), len(text) if eol < 0 else eol):
                    continue
            span = _read_name8(ctx, text, m.end(), True) or _read_title_name9(
                ctx, text, m.end(), False
            )
            if span and (RX_ROSTER_AFTER9.match(text, span[1]) or m.group(1)):
                if m.group(1) and not RX_SPEAKER_COLON9.match(text, span[1]):
                    continue
                if RX_TITLE_WORD.match(text, span[0]):  # "Dr Okafor:" has its own rule
                    continue
                out.append((span[0], span[1], "NAME", 0.7))


_NOT_PERSONS9 = _w("examinee claimant client applicant unknown none self")
RX_HASH_AFTER9 = re.compile(r"[ \t]*#")
RX_POSSESSIVE_REL9 = re.compile(
    r"['’]s[ \t]+(?:mom|mother|dad|father|son|daughter|wife|husband|sister|brother|niece"
    r"|nephew|caregiver|grand(?:mother|father|daughter|son|ma|pa))\b"
)
RX_TITLE_RUN9 = re.compile(
    rf"(?:[{UP}][\w'’-]*|On|Of|de|la|del|van|der|von|Ní)"
    rf"(?:[ \t]+(?:[{UP}][\w'’-]*|On|Of|de|la|del|van|der|von|Ní))*$"
)


def _title_run_back9(ctx: _Ctx, text: str, end: int) -> tuple[int, int] | None:
    """The longest title-case name led by a given name that ends right at `end`."""
    lo = max(0, end - 60)
    m = RX_TITLE_RUN9.search(text, lo, end)
    if not m:
        return None
    for w in re.finditer(r"\S+", text[m.start() : end]):
        span = _read_title_name9(ctx, text, m.start() + w.start(), True)
        if span and span[1] == end:
            return span
    return None


RX_PAREN_NAME9 = re.compile(
    r"\b(?i:family|daughter|son|wife|husband|spouse|caregiver|contact|niece|nephew|poa)"
    r"[ \t]*\([ \t]*"
)
TRIGGERS["PAREN9"] = _w(
    "family daughter son wife husband spouse caregiver contact niece nephew poa"
)
RX_PAREN_AFTER_EMAIL9 = re.compile(r"@[\w.-]+\.[A-Za-z]{2,}[ \t]*\([ \t]*")
# a line led by a chat timestamp ("[09:14] Bill: is this..."), or a roster line "Name  chair 6"
RX_LINE_HEAD9 = re.compile(r"(?m)^[ \t]*(\[\d{1,2}:\d\d(?::\d\d)?\][ \t]*)?(?=[^\W\d_])")
RX_STAMP9 = re.compile(r"\[\d{1,2}:\d\d")
# sought from the start of a blank run only: tried at every blank of a long run, each try
# would read the run to its end (a search over N blanks cost N² steps)
RX_ROSTER_AFTER9 = re.compile(
    r"[ \t](?<![ \t][ \t])[ \t]+(?i:chair|bed|bay|rm|room|dob|d\.o\.b\.|mrn|age)\b"
)
RX_SPEAKER_COLON9 = re.compile(r":[ \t]")
# "Subject: case for next week - Stone"
RX_SUBJECT_NAME9 = re.compile(
    rf"(?m)^(?i:subject|re):[^\n]*?[ \t][-–][ \t]+({NW}(?:[ \t]+{NW})?)[ \t]*$"
)
# a pipe cell "| BEGAY, LORETTA J |" of a printed footer or header
RX_PIPE_LAST_FIRST9 = re.compile(
    rf"\|[ \t]*({CAPS_WORD}(?:[ -]{CAPS_WORD})*,[ \t]*{CAPS_WORD}(?:[ \t][A-Z]\.?)?)[ \t]*\|"
)


def _not_pipe_name9(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = re.findall(r"[A-Z]{2,}", m.group(1))
    return (
        not any(len(w) >= 4 for w in words)
        or any(ctx.is_clinical(w) or ctx.low(w) in _NOT_NAME_WORDS8 for w in words)
        or not any(ctx.is_name(w) for w in words)
    )


# ---- facilities
# a facility after a cue of residence, transport, transfer, work or a label: "Resident of
# Sweetgrass House since", "Transport by Big Sky Rides,", "Brought by EMS to X,", "Pharmacy:
# Hi-Line Drug,", "Presenting site: X,", "works at X.", "last seen 5/2 at X"
_FAC_CUES9 = (
    r"resident[ \t]+of|transport(?:ed)?[ \t]+by|ems[ \t]+to|disposition:[ \t]*to"
    r"|flown[ \t]+(?:from|to)|works[ \t]+at|employed[ \t]+at|employed[ \t]+by"
    r"|transferred[ \t]+(?:to|from)|admitted[ \t]+to|pharmacy:|presenting[ \t]+site:"
    r"|site:|facility:|last[ \t]+seen[ \t]+[^\n]{1,20}?[ \t]at"
)
RX_FAC_CUE9 = re.compile(rf"\b(?i:{_FAC_CUES9})[ \t]+")
TRIGGERS["FACCUE9"] = _w(
    "resident transport transported ems disposition flown works employed "
    "transferred admitted pharmacy presenting site facility last"
)
RX_FAC_TOKEN9 = re.compile(rf"(?:the[ \t]+)?(?:[{UP}]\w?\.|[{UP}][\w'’-]*)|of|the|del|de|la|and|&")
RX_FAC_END9 = re.compile(r"[ \t]*(?:$|[\n,.;:()|]|[ \t]{2}|[ \t]+(?:on|since|in|for|-)\b)", re.M)


def _read_facility9(ctx: _Ctx, text: str, pos: int, own: bool = False) -> tuple[int, int] | None:
    """A facility's name from `pos`: title-case words (and "of", "the", "&"), to punctuation
    or a preposition; not words that are all generic. `own`: one word must be no common word
    (a name or a town counts)."""
    words = _word_run9(RX_FAC_TOKEN9, text, pos, 6)
    while words and (
        not RX_FAC_END9.match(text, words[-1][1])
        or text[words[-1][0] : words[-1][1]].lower() in ("of", "the", "del", "de", "la", "and", "&")
    ):
        words.pop()
    if not words:
        return None
    ws = [re.sub(r"^the\s+", "", text[a:b]).rstrip(".") for a, b in words]
    caps = [w for w in ws if w[:1].isupper()]
    if not caps or any(ctx.low(w) in STATES or ctx.low(w) in MONTH_WORDS for w in caps):
        return None
    if all(
        ctx.is_clinical(w)
        or ctx.low(w) in GENERIC_FAC
        or ctx.low(w) in FUNCTION_WORDS
        or (w.isupper() and len(w) <= 4)
        or ctx.low(w) in _NOT_TOWNS8
        or ctx.low(w) in HEAD_NOUNS
        for w in caps
    ):
        return None
    if any(ctx.low(w) in _HOSPITAL_UNITS9 for w in caps):
        return None
    if own and not any(
        not ctx.is_common(w) or ctx.is_name(w) or ctx.low(w) in ctx.lex.cities for w in caps
    ):
        return None
    return words[0][0], words[-1][1]


# a facility whose name ends in an abbreviation of its kind: "Cedar Bluff RHC", "Elkhorn Valley
# FQHC"
# the units and rooms of a hospital are no facility of their own ("the Intensive Care Unit"),
# and a county is a place ("Resident of Grafton County")
_HOSPITAL_UNITS9 = _w("""unit units room ward floor bay icu department dept delivery recovery
    service services insurance company facility or pacu county parish township borough""")
_DEPARTMENT_WORDS9 = _w("department dept office division services unit team program")
RX_FAC_ABBR_HINT9 = re.compile(r"FQHC|RHC|CAH|SNF|ALF|ECF|LTACH")
RX_FAC_ABBR9 = re.compile(rf"\b((?:{NW}[ \t]+){{1,4}}(?:FQHC|RHC|CAH|SNF|ALF|ECF|LTACH))\b")
# a letterhead: a line of title-case words over a street line ("Lakeview Manor Nursing &
# Rehab\n4655 Medicine Wheel Cutoff\nPlains, TX")
RX_LETTERHEAD9 = re.compile(
    rf"(?m)^((?:{CAPW}|&|of|the|and|del|de|la)(?:[ \t]+(?:{CAPW}|&|of|the|and|del|de|la)){{1,6}})"
    r"[ \t]*\n(?=[ \t]*(?:\d{1,6}[ \t]+[A-Za-z]|P\.?O\.?[ \t]+Box|RR[ \t]+\d|HC[ \t]+\d))"
)


def _facilities9(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_FAC_CUE9, "FACCUE9", text, words_ix):
        own = m.group().rstrip().lower().endswith(("to", "from"))
        span = _read_facility9(ctx, text, m.end(), own)
        if span and not _person_like9(ctx, text[span[0] : span[1]]):
            out.append((span[0], span[1], "FACILITY", 0.65))
            # the town after it: "Pharmacy: Hi-Line Drug, Elkader, ph ..."
            t = RX_TOWN_AFTER_FAC9.match(text, span[1])
            if t and not _not_town9(ctx, t.group(1)):
                out.append((t.start(1), t.end(1), "LOCATION", 0.6))
    if "\n" in text:
        for m in RX_LETTERHEAD9.finditer(text):
            span = _read_facility9(ctx, text, m.start(1), own=True)
            last = m.group(1).split()[-1].lower()
            if span and span[1] == m.end(1) and last not in _DEPARTMENT_WORDS9:
                out.append((span[0], span[1], "FACILITY", 0.6))
    if not RX_FAC_ABBR_HINT9.search(text):
        return
    for m in RX_FAC_ABBR9.finditer(text):
        start = m.start(1)
        words = m.group(1).split()
        while words and (ctx.low(words[0]) in FUNCTION_WORDS or ctx.is_clinical(words[0])):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end(1)
            words = words[1:]
        if len(words) > 1:
            out.append((start, m.end(1), "FACILITY", 0.7))


RX_TOWN_AFTER_FAC9 = re.compile(
    rf",[ \t]*({CAPW}(?:[ \t](?:{CAPW}|or|of)){{0,3}})(?=,[ \t]*(?i:ph|tel|phone|fax)\b|[ \t]*$)",
    re.M,
)


def _not_town9(ctx: _Ctx, name: str) -> bool:
    words = [w for w in name.split() if w not in ("or", "of")]
    return any(
        ctx.low(w) in FUNCTION_WORDS
        or ctx.is_clinical(w)
        or ctx.low(w) in _NOT_TOWNS8
        or ctx.low(w) in MONTH_WORDS
        or ctx.low(w) in HEAD_NOUNS
        or ctx.low(w) in GENERIC_FAC
        or (ctx.low(w) in STATES and len(words) == 1)
        for w in words
    )


# a "Site" column of a roster (a table that has a name column): its cells are facilities
def _site_columns9(ctx: _Ctx, text: str, out: list) -> None:
    cols: list[str] = []
    for row in RX_PIPE_ROW6.finditer(text):
        cells = row.group(1).split("|")
        low = [c.strip().lower() for c in cells]
        if "site" in low and "name" in low:
            cols = low
            continue
        if not cols or len(cells) != len(cols):
            if not set(row.group(1)) <= set("-:| \t"):
                cols = [] if len(cells) != len(cols) else cols
            continue
        pos = row.start(1)
        for c, head in zip(cells, cols, strict=True):
            v = c.strip()
            if head == "site" and v and not re.search(r"\d", v):
                s = pos + c.index(v)
                span = _read_facility9(ctx, text, s)
                if span:
                    out.append((span[0], span[1], "FACILITY", 0.7))
            pos += len(c) + 1


def _person_like9(ctx: _Ctx, name: str) -> bool:
    ws = name.split()
    return len(ws) == 2 and ctx.is_first(ws[0]) and ctx.is_last(ws[1]) and not ctx.is_common(ws[1])


# ---- places
# a town, ordinary word or not, after a strong place cue: "drives up from Plains on", "at her
# sister's in Story.", "alive at 90 in Paradise.", "rollover near Truth or Consequences on"
RX_PLACE_STRONG9 = re.compile(
    r"\b(?:(?i:(?:drives|drove|comes|came|flew|moved)[ \t]++(?:up|down|over|in)?[ \t]*from"
    r"|(?:sister|brother|daughter|son|mother|father|aunt|uncle|cousin|friend)['’]s"
    r"(?:[ \t]+(?:house|home|place|trailer))?[ \t]+in|alive[ \t]+(?:at[ \t]+\d{2,3}[ \t]+)?in"
    r"|died[ \t]+in|rollover[ \t]+near|crash[ \t]+near|ranch[ \t]+near|lives[ \t]+(?:near|in)"
    r"))[ \t]+"
    rf"({CAPW}(?:[ \t](?:{CAPW}|or|of)){{0,3}}?)(?=[ \t]*(?:[,.;)\n]|$|[ \t](?:on|for|with|and"
    r"|since|after|before|out|near|to|where|until|area)\b))"
)
TRIGGERS["PLACE9"] = _w("""drives drove comes came flew moved sister brother daughter son mother
    father aunt uncle cousin friend alive died rollover crash ranch lives""")


def _not_town_strong9(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return (
        _not_town9(ctx, m.group(1))
        or m.group(1).lower() in _NOT_PLACES6
        or any(ctx.low(w) in _NOT_PLACES6 for w in m.group(1).split())
    )


# a lower-case town after "lives in", before an address ("lives in ekalaka out on rr 2 box 12")
RX_LIVES_LOWER9 = re.compile(
    r"\blives[ \t]+in[ \t]+([a-z]{3,}(?:[ \t](?:or[ \t])?[a-z]{3,}){0,2}?)"
    r"(?=[ \t]+(?:out|off|up|down)[ \t]+(?:on|by|at)[ \t]+(?:\d|rr|hc|hwy|county))"
)


def _not_lower_town9(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return any(
        w in FUNCTION_WORDS or ctx.is_clinical(w) or w in _NOT_TOWNS8
        for w in m.group(1).split()
        if w != "or"
    )


# a highway address with a house number: "12416 Hwy 315 S", "30217 hwy 370 e", "Mile Marker 14,
# BIA Route 4"
RX_HWY_ADDRESS9 = re.compile(
    r"\b\d{2,6}[ \t]+(?i:hwy|highway|state[ \t]+(?:hwy|highway|route|rd)|route|rte|us[ \t]+hwy"
    r"|county[ \t]+road|co\.?[ \t]+rd\.?|cr)\.?[ \t]+\d{1,4}[A-Za-z]?"
    r"(?:[ \t]+(?:[NSEWnsew]|[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)\b(?!['’]))?"
    r"|\b(?i:mile[ \t]+marker)[ \t]+\d{1,4}(?:\.\d)?(?:,?[ \t]+(?:[A-Z]{2,4}[ \t]+)?"
    r"(?i:route|rte|hwy|highway|road|rd)[ \t]+\d{1,4})?"
)
# a labelled address block, one line or several: "ADDR: RR 2 Box 125  ROUNDUP MT 04976",
# "Address: 8297 Rattlesnake\nCutoff\nWaldport 97548"
TRIGGERS["ADDR9"] = _w("addr address home mail mailing")
RX_ADDR_LABEL9 = re.compile(
    r"\b(?i:addr|address|home[ \t]+address|mail(?:ing)?[ \t]+address)"
    r"[ \t]*:[ \t]*"
)
RX_TOWN_ZIP_LINE9 = re.compile(
    rf"({CAPW}(?:[ \t]+{CAPW}){{0,2}}?),?[ \t]+(?:({_STATE_ABBR_RE})[ \t]+)?(\d{{5}}(?:-\d{{4}})?)"
    r"[ \t]*$",
    re.M,
)


def _address_blocks9(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_ADDR_LABEL9, "ADDR9", text, words_ix):
        pos = m.end()
        if not re.match(
            r"\d|(?i:p\.?o\.?[ \t]+box|rr[ \t]+\d|hc[ \t]+\d|rural)", text[pos : pos + 12]
        ):
            continue
        # up to three lines; the last may be "Town ZIP"
        lines = []
        p = pos
        for _ in range(3):
            e = text.find("\n", p)
            e = len(text) if e < 0 else e
            lines.append((p, e))
            if e >= len(text):
                break
            p = e + 1
        for i, (a, b) in enumerate(lines):
            seg = text[a:b]
            if ":" in seg:
                break
            two = seg.find("  ")
            t = None
            if i == 0 and two > 0:  # "RR 2 Box 125  ROUNDUP MT 04976"
                t = RX_TOWN_ZIP_LINE9.match(
                    text, a + two + len(seg[two:]) - len(seg[two:].lstrip())
                )
            if t and t.end() == b:
                out.append((a, a + two, "ADDRESS", 0.7))
                out.append((t.start(1), t.end(1), "LOCATION", 0.65))
                out.append((t.start(3), t.end(3), "LOCATION", 0.8))
                break
            t = RX_TOWN_ZIP_LINE9.match(text, a)
            if t and i > 0 and t.end() == b:
                out.append((t.start(1), t.end(1), "LOCATION", 0.65))
                out.append((t.start(3), t.end(3), "LOCATION", 0.8))
                out.append((lines[0][0], lines[i - 1][1], "ADDRESS", 0.7))
                break
            if i == 0 and not re.search(r"[A-Za-z]", seg):
                break
            if len(seg) > 50:
                break


# a foreign postcode after a town of an address: "15 Mission Close, Ballymena CF17 4FU",
# "Iloilo City D01 C5R7"; "C.P. 70400"
RX_POSTCODE9 = re.compile(
    rf",[ \t]+({CAPW}(?:[ \t]+(?:{CAPW}|de|del|la)){{0,3}})[ \t]+"
    r"([A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d{2}[ \t][A-Z0-9]{4})\b"
)
RX_ADDRESSISH_BEFORE9 = re.compile(r"(?i:address|addr)\b|\b\d{1,5}[ \t]+[A-Z][a-z]+")
RX_CP9 = re.compile(r"\bC\.P\.[ \t]*(\d{5})\b")


def _postcodes9(ctx: _Ctx, text: str, out: list) -> None:
    for m in RX_POSTCODE9.finditer(text):
        if not RX_ADDRESSISH_BEFORE9.search(text, max(0, m.start() - 60), m.start()):
            continue
        out.append((m.start(2), m.end(2), "LOCATION", 0.7))
        if not _not_town9(ctx, m.group(1)):
            out.append((m.start(1), m.end(1), "LOCATION", 0.65))


# ---- numbers
# month-abbreviation dates with dashes: "OCT-19-1963", "nov-07-2019"
RX_MON_DAY_YEAR9 = re.compile(
    r"\b((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)-(?:3[01]|[12]\d|0?[1-9])"
    r"-(?:(?:19|20)\d\d|\d\d))\b(?![-/])"
)
# eight-digit dates (MMDDYYYY) after a cue of time: "on 11082022", "resubmitted 03172020",
# "born 09161970", "Arrived 10062020", "clinic date: 05222022"
RX_MMDDYYYY9 = re.compile(
    r"\b(?i:on|resubmitted|submitted|arrived|born|dob|adm|admitted|collected|died|since"
    r"|scheduled|presented|date|seen|visit|dos|discharged|signed)[ \t]*:?[ \t]+"
    r"((?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d\d)\b(?![-/.]\d)"
)
TRIGGERS["MMDD9"] = _w("""on resubmitted submitted arrived born dob adm admitted collected died
    since scheduled presented date seen visit dos discharged signed""")
# m/d after an event: "transferred 5/19", "died 5/27", "Arrived 4/19", "ADM 12/3", "Collected
# 1/28", "Date presented: 2/19", "Device check 7/19:", "reconciliation 10/7", "last A1c 6/19"
RX_MD_EVENT9 = re.compile(
    r"\b(?i:transferred|died|arrived|adm|admitted|collected|presented:|check"
    r"|reconciliation|a1c|drawn|implanted|discharged)[ \t]+"
    r"((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![\d/-]|\.\d)"
)
TRIGGERS["MDE9"] = _w("""transferred died arrived adm admitted collected presented check
    reconciliation a1c drawn implanted discharged""")
# a letter's date alone on its line after the letterhead's phone line, before "Dear"
RX_MD_LETTER9 = re.compile(
    r"\n[ \t]*\n[ \t]*((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))"
    r"[ \t]*\n[ \t]*\n[ \t]*(?i:dear)\b"
)
# a date or phone number broken over a line after its label: "DOB: 6/10/\n1926", "Phone: 482-
# \n2427", "Phone: +1 541 \n355 4317"
RX_DATE_BROKEN9 = re.compile(
    r"\b(?i:dob|d\.o\.b\.|born)[ \t]*+:?[ \t]*(\d{1,2}/\d{1,2}/[ \t]*\n[ \t]*(?:19|20)?\d\d)\b"
)
# a birth date's month and day alone after its label, with dashes, slashes or dots: "DOB
# 3-14", "date of birth: 14.3" (a slash alone was read; a dash, as "seen 3-14" is, was not)
# ("DOB - 3 / 14", "b-day 3\14": a dash after the label, spaces beside the joiner, a backslash)
_BIRTH_MD_JOIN = r"(?:[-/\\]|[ \t]+[-/\\][ \t]*|[-/\\][ \t]+|\.)"
RX_BIRTH_MD = re.compile(
    r"\b(?i:dob|d\.o\.b\.?|birthday|b-?day|birth[ \t]?date|date[ \t]+of[ \t]+birth|born[ \t]+on)"
    r"(?:[ \t]+(?i:is|was))?(?:[ \t]*[:#=-])?[ \t]*"
    rf"((?:1[0-2]|0?[1-9]){_BIRTH_MD_JOIN}(?:3[01]|[12]\d|0?[1-9])"
    rf"|(?:3[01]|[12]\d|1[3-9]){_BIRTH_MD_JOIN}(?:1[0-2]|0?[1-9]))"
    r"(?![\d/-]|\.\d|[ \t]*(?i:weeks?|wks?|days?|months?|mos?|years?|yrs?|kg|lbs?|g)\b)"
)
TRIGGERS["BIRTHMD"] = _w("dob d birthday birthdate birth date born bday b")
# initials alone after their label, without dots: "Initials: HQ" (dotted ones, and undotted
# ones before a verb, were read); on the label's next line, in brackets or quotes, with a
# dot between the letters ("Initials (H.Q)", "Initials:\nHQ")
RX_INITIALS_WORD = re.compile(
    r"\b(?i:initials)(?:[ \t]+(?i:are|were|is))?(?:[ \t]*[:#=-])?[ \t]*(?:\n[ \t]*)?"
    r"[(\"'\u201c\u2018]?([A-Z](?:\.?[A-Z]){1,2})(?!\w|\.\w)"
)
TRIGGERS["INITIALSWORD"] = _w("initials")
# "Staff initials: RN": a staff member's label and a credential, no person's initials
_WARDS25 = _w("ed er icu or")
RX_STAFF_LABEL25 = re.compile(
    r"\b(?i:staff|nurse|nursing|provider|clinician|employee|reviewer|examiner|tech|technician"
    r"|operator|user)[ \t]+\Z"
)


def _staff_credential25(ctx: _Ctx, text: str, m: re.Match) -> bool:
    # a ward's name ("ED", "OR") is no one's credential: there they are a person's initials
    return (
        m.group(1).lower() in _CREDENTIALS24
        and m.group(1).lower() not in _WARDS25
        and RX_STAFF_LABEL25.search(text, max(0, m.start() - 20), m.start()) is not None
    )


# an email address spelled out so that it is no link: "hquenby at gmail dot com",
# "h dot quenby[at]gmail[dot]com"; a plain " at " before a dotted domain ("seen at walmart.com")
# is a place, so one spelled "at" or "dot" at least is bracketed, or the dot is a word
# a run of spaces with one line break at most: a page draws the break as a space
_MAIL_GAP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
_MAIL_GAP0 = r"[ \t]*(?:\n[ \t]*)?"
_AT_BRACKETED = rf"{_MAIL_GAP0}[\[({{<]{_MAIL_GAP0}(?i:at){_MAIL_GAP0}[\])}}>]{_MAIL_GAP0}"
_DOT_SPELLED = (
    rf"(?:{_MAIL_GAP0}[\[({{<]{_MAIL_GAP0}(?i:dot){_MAIL_GAP0}[\])}}>]{_MAIL_GAP0}"
    rf"|{_MAIL_GAP}(?i:dot){_MAIL_GAP})"
)
# after an "@" a dot with a space before it ("hquenby @ gmail . com") is the address's too
# (a sentence's full stop, "@ bedtime. Then", has none)
_DOT_SPACED = r"[ \t]+\.[ \t]*"
_DOMAIN_LABEL = r"[A-Za-z0-9-]{1,63}"
_MAIL_TLD = (
    r"(?i:com|org|net|edu|gov|us|io|info|me|co|uk|ca|biz|de|fr|nl|au|es|ch|se|dk|ie|nz|jp"
    r"|br|mx|pl|pt|ru|cn|eu|health)(?![\w-])"
)
# after a bracketed "at", any top-level domain spelled after a bracketed "dot" or the word
_ANY_TLD = r"[A-Za-z]{2,12}(?![\w-])"
RX_EMAIL_SPELLED = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}(?:{_DOT_SPELLED}[\w.+-]{{1,64}}){{0,3}}"
    rf"(?:{_AT_BRACKETED}{_DOMAIN_LABEL}(?:(?:{_DOT_SPELLED}|\.){_DOMAIN_LABEL})*?"
    rf"(?:(?:{_DOT_SPELLED}|\.){_MAIL_TLD}|{_DOT_SPELLED}{_ANY_TLD})"
    rf"|{_MAIL_GAP}(?i:at){_MAIL_GAP}{_DOMAIN_LABEL}(?:(?:{_DOT_SPELLED}|\.){_DOMAIN_LABEL})*?"
    rf"{_DOT_SPELLED}{_MAIL_TLD}"
    rf"|[ \t]*@[ \t]*{_DOMAIN_LABEL}(?:(?:{_DOT_SPELLED}|{_DOT_SPACED}|\.){_DOMAIN_LABEL})*?"
    rf"(?:{_DOT_SPELLED}|{_DOT_SPACED}){_MAIL_TLD})"
)


_SPELLED_MARKS = tuple(
    f"{before}{word}"
    for word in ("at", "dot")
    for before in ("(", "[", "{", "<", "( ", "[ ", "{ ", "< ")
) + (" dot", "\tdot", "\ndot")


def _spells_an_email(text: str, low: str) -> bool:
    # what every match holds (a bracketed "at" or a spelled "dot"): the pattern, tried at
    # each word, is not run over the many texts that have neither; or an "@"
    return "@" in low or any(mark in low for mark in _SPELLED_MARKS)


# --- small gate gaps: accession numbers after "specimen"/"path", "ph" with odd joins, social
# handles after a network's label, a bare ZIP+4, a town before "resident"
# a surgical pathology accession (letters, a two-digit year, a serial) after "specimen" or
# "path" with no "#" or "number": "specimen S24-12345", "path S24-12345", "Specimen 24-12345";
# after the letters a hyphen, a slash or a space too ("SP-24-12345", "S24/12345", "S24 12345")
RX_ACCESSION_CUED = re.compile(
    r"\b(?i:specimens?|path|pathology)(?:[ \t]*[:#=])?[ \t]*"
    r"([A-Za-z]{1,3}-?\d{2}[-/ ]\d{3,7}|\d{2}-\d{4,7})(?![\w-]|\.\d)"
)
TRIGGERS["ACCESSIONCUED"] = _w("specimen specimens path pathology")
# "ph" before a number joined by slashes or other odd marks, as "phone" is read
RX_PHONE_ODD_PH = re.compile(
    r"\b(?i:ph)\.?(?:[ \t]*[:#])?[ \t]*"
    rf"(\d{{3}}{_PHONE_GROUP_JOIN}\d{{3}}{_PHONE_GROUP_JOIN}\d{{4}})(?![\d/])"
)
TRIGGERS["PHODD"] = _w("ph")
# a handle with no "@" after a social network's label: "IG: hquenby", "Twitter hquenby"; the
# short labels (IG, X, FB, Snap: also words and abbreviations) only with a colon, and
# "telegram" and "discord" (words too: "marital discord Quenby") only with a mark
RX_HANDLE_LABELLED = re.compile(
    r"\b(?:(?i:instagram|insta|twitter|tiktok|snapchat|facebook|linkedin|whatsapp|youtube"
    r"|reddit)\b(?:[ \t]*[:#=-])?|(?i:telegram|discord)[ \t]*[:#=]"
    r"|(IG|Ig|ig|X|FB|Fb|fb|Snap|snap|SC)[ \t]*:)[ \t]*(?:u/)?"
    r"([A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){2,29})(?![\w@-]|\.\w)"
)
TRIGGERS["HANDLELABEL"] = _w(
    """instagram insta twitter tiktok snapchat facebook linkedin whatsapp youtube telegram
    reddit discord ig x fb snap sc"""
)
_PROSE_GOES_ON = re.compile(r"[ \t]+[a-z]")


def _handle_a_word(ctx: _Ctx, text: str, m: re.Match) -> bool:
    # "FB: removed", "Twitter account": a word of the language is no handle; after a short
    # label ("IX & X: Palate elevates", a cranial nerve) only a lower-case one ending its phrase
    w = m.group(2)
    if ctx.is_common(w) or ctx.is_clinical(w):
        return True
    return m.group(1) is not None and (
        w != w.lower() or _PROSE_GOES_ON.match(text, m.end()) is not None
    )


# a ZIP+4 alone: five digits, a dash, four digits, no more digits or dashes either side
RX_ZIP4_BARE = re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-]|\.\d)")
# a town before "resident": "Springfield resident", "a Glen Ellyn resident"; tried at each
# capitalised word (a lookahead), so that "The Springfield resident" yields the town alone
RX_TOWN_RESIDENT = re.compile(
    r"\b(?=([A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2})[ \t]+(?i:residents?)\b)"
)


def _resident_no_town(ctx: _Ctx, text: str, m: re.Match) -> bool:
    # a listed town only: "Chief resident", "Orthopedic resident", "Nursing home resident"
    # name a role; "Mexico resident" a country (no Safe Harbor identifier)
    place = re.sub(r"[ \t-]+", " ", m.group(1)).lower()
    lex = ctx.lex
    return (
        place not in lex.cities
        or place in lex.common
        # an eponym's town ("Boston", "Houston") is a town before "resident"
        or (place in lex.clinical and place not in lex.common_cities)
        or place in REGIONS10
        or place in COUNTRIES
        or place in STATES
    )


RX_PHONE_BROKEN9 = re.compile(
    r"\b(?i:phone|tel|ph|cell|mobile)[ \t]*:[ \t]*"
    r"((?:\+?1[ \t.-]?)?[\d(][\d(). -]{1,12}[ \t]*\n[ \t]*\d[\d. -]{2,12}\d)(?![\d-])"
)


def _not_phone_digits9(ctx: _Ctx, text: str, m: re.Match) -> bool:
    n = sum(c.isdigit() for c in m.group(1))
    return n not in (10, 11)


# a number after "ph", "tel" or a role in parentheses: "ph 2188267617", "ph 856-5489", "tel
# +48 012 565 247", "(daughter) 595-1866", "tel. 55 1234 5678"
_PHONE_VALUE9 = (
    r"(\+\d{1,3}(?:[ \t.-]\d{1,5}){2,5}|\d{3}[ \t.-]?\d{4}|\d{10}"
    r"|\d{2}[ \t]\d{4}[ \t]\d{4}|\(?\d{3}\)?[ \t.-]?\d{3}[ \t.-]?\d{4})(?![\d/-]|\.\d)"
)
RX_PHONE_CUED9 = re.compile(
    r"\b(?i:ph|tel|phone|cell|mobile|callback|call[ \t]+back)\.?[ \t]*+[:#]?[ \t]*" + _PHONE_VALUE9
)
RX_PHONE_AFTER_ROLE9 = re.compile(
    r"(?:\((?i:daughter|son|wife|husband|spouse|niece|nephew|sister|brother|mother|father"
    r"|caregiver|poa|guardian)\)[ \t]+|@[\w.-]+\.[a-z]{2,}[ \t]+or[ \t]+)" + _PHONE_VALUE9
)


def _not_phone9(ctx: _Ctx, text: str, m: re.Match) -> bool:
    n = sum(c.isdigit() for c in m.group(1))
    return not 7 <= n <= 15


TRIGGERS["PH9"] = _w("ph tel phone cell mobile callback call")
TRIGGERS["DOB9"] = _w("dob d born")
TRIGGERS["RECORD9"] = _w("medical mrn chart")
# the last four of an SSN or the end of a record number: "last 4 of SSN (1389)", "MRN ending
# in 0625"
RX_SSN_LAST4_9 = re.compile(
    r"\b(?i:last[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+)?"
    r"(?:ssn|social(?:[ \t]+security)?))[ \t]*+[:(#]?[ \t]*(\d{4})\b"
)
RX_ID_ENDING9 = re.compile(
    r"\b(?i:mrn|mr#|medical[ \t]+record(?:[ \t]+number)?|chart|account|acct|card|policy|member"
    r"[ \t]+id)[ \t]+(?i:number[ \t]+)?(?i:ending|ends)[ \t]++(?i:in|with)?[ \t]*(\d{3,6})\b"
)
# "His medical record number with us is 91-099290."
RX_RECORD_NUMBER_IS9 = re.compile(
    r"\b(?i:medical[ \t]+record[ \t]+(?:number|no\.?|#)|mrn|chart[ \t]+number)"
    r"(?:[ \t]+[a-z]+){0,4}?[ \t]+(?i:is|was)[ \t]*:?[ \t]*" + ID_VALUE_GROUPED
)
# a licence written with its issuer's letters: "Hunting/fishing license FWP 4664916479"
RX_LICENSE_PREFIX9 = re.compile(
    r"\b(?i:licen[cs]e|lic\.?|permit)[ \t]*+(?:#|no\.?|number)?[ \t]*+:?[ \t]*+"
    r"((?!(?:DL|ID|NO|NUM|NBR)\b)[A-Z]{2,5}[ \t-]\d{5,12})\b"
)
# a serial written with its own "SN": "serial SN 037-01520", "transmitter ID SN 096-05406"
RX_SERIAL_SN9 = re.compile(
    r"\b(?i:serial|id|s/n|device)[ \t]*+(?:#|no\.?)?[ \t]*+:?[ \t]*+SN[ \t#:-]*(\d[\dA-Z-]{3,16})\b"
)
# a plate after the vehicle's kind and "reg": "ATV reg 35-0070B", "snowmobile reg. MGX 5240"
RX_VEHICLE_REG9 = re.compile(
    r"\b(?i:atv|utv|truck|car|van|boat|snowmobile|trailer|motorcycle|pickup|camper|rv)[ \t]+"
    r"(?i:reg(?:istration)?\.?|plates?|tag)[ \t]*(?:#|no\.?)?[ \t]*:?[ \t]*"
    r"((?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,5})\b"
)


def _round9(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _names9(ctx, text, out, words_ix)
    _facilities9(ctx, text, out, words_ix)
    if "|" in text:
        _site_columns9(ctx, text, out)
    if ":" in text:
        _address_blocks9(ctx, text, out, words_ix)
    if "," in text:
        _postcodes9(ctx, text, out)
    _apply_cues("round9", ctx, text, out, words_ix)


TRIGGERS["MON9"] = _w("jan feb mar apr may jun jul aug sep sept oct nov dec")
TRIGGERS["LAST9"] = _w("last")


# ----------------------------------------------------------------------------- round 10
# Telephone numbers written the way other countries write them. A number that opens with a
# country code ("+353 (0)21 128231", "+61 2 0679 3553") or a trunk zero ("0131 252 0338",
# "(02) 6247 4368", "07045 791774") is a telephone number by its shape; other groupings
# ("55 1923 9452", "428-191-33-37") only after a phone cue or inside parentheses.
RX_PHONE_GROUPS10 = re.compile(
    r"(?<![\w+/.,:-])(\+\d{1,3}(?:[ .-]?\(0\)[ ]?\d{1,5}|[ .-]\(?\d{1,5}\)?)(?:[ .-]\d{1,6}){1,4}"
    r"|\(0?\d{1,5}\)[ ]?\d{2,6}(?:[ -]\d{2,6}){1,3}"
    r"|\d{2,6}(?:[ -]\d{2,6}){1,4})(?![\w/-]|[.,:]\d)"
)
RX_PHONE_CUE_BEFORE10 = re.compile(
    r"\b(?i:tel|telephone|phone|ph|fax|mobile|mob|cell|pager|call|calls|ring|rang|text|texts"
    r"|contact|hotline|reached|reach|number|whatsapp)\b[^\d\n]{0,25}$"
)
# codes that are written in digit groups too: a drug's NDC, a lot, a claim, a record
RX_CODE_BEFORE10 = re.compile(
    r"\b(?i:ndc|lot|ref|code|codes|icd(?:-10)?|cpt|snomed|loinc|rxnorm|drg|rx|nhs|mrn|ssn|sin"
    r"|acct|account|policy|claim|card|id|no|medicare|medicaid|ppsn|ird|case)\b[^\d\n]{0,6}$"
)
RX_DATE_GROUPS10 = re.compile(r"\d{1,4}[ -]\d{1,2}[ -]\d{2,4}")
RX_ZIP4_10 = re.compile(r"\d{5}-\d{4}")


def _phones10(text: str, out: list) -> None:
    for m in RX_PHONE_GROUPS10.finditer(text):
        value = m.group(1)
        digits = sum(c.isdigit() for c in value)
        s = m.start(1)
        if RX_ZIP4_10.fullmatch(value) or RX_CODE_BEFORE10.search(text, max(0, s - 24), s):
            continue
        if value[0] == "+":
            ok = 8 <= digits <= 15
        elif value[0] == "0" or value.startswith("(0"):
            ok = 9 <= digits <= 13
        else:
            ok = (
                9 <= digits <= 13
                and not RX_DATE_GROUPS10.fullmatch(value)
                and (
                    bool(RX_PHONE_CUE_BEFORE10.search(text, max(0, s - 40), s))
                    or (text[s - 1 : s] == "(" and text[m.end(1) : m.end(1) + 1] == ")")
                )
            )
        if ok:
            out.append((s, m.end(1), "PHONE", 0.75))


# Postcodes of the United Kingdom, Canada and Ireland (Eircode), after a comma, at the start
# of a line, or after a town or a province: "Todmorden, KW6 6FX", "SK S0S 9Y5", "\nHX12 1HD".
RX_POSTCODE10 = re.compile(
    r"([A-Z](?<![\w-][A-Z])(?:[A-Z]?\d[A-Z\d]?[ ]\d[A-Z]{2}|\d[A-Z][ ]\d[A-Z]\d"
    r"|\d[\dW][ ][0-9A-Z]{4}))(?=[ \t]*(?:$|[\n,.;:)|]))"
)
RX_POSTCODE_SHAPES10 = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2}"
    r"|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]\d[ABCEGHJ-NPRSTV-Z]\d"
    r"|[ACDEFHKNPRTVWXY]\d[\dW][ ][0-9ACDEFHKNPRTVWXY]{4}"
)
RX_POSTCODE_BEFORE10 = re.compile(r"(?:^|[,\n]|[A-Za-z][ \t])[ \t]*$")
RX_EIRCODE10 = re.compile(r"[ACDEFHKNPRTVWXY]\d[\dW][ ][0-9ACDEFHKNPRTVWXY]{4}")
# Australian postcodes after a town and a state: "Gympie WA 2706", "Yuendumu NT 0872"
RX_AU_POSTCODE10 = re.compile(
    rf"\b({CAPW}(?:[ \t]+{CAPW})?)[ \t]+(?:NSW|VIC|QLD|WA|SA|TAS|NT|ACT)[ \t]+(\d{{4}})(?![\d-])"
)
RX_AU_STATE10 = re.compile(r"\b(?:NSW|VIC|QLD|WA|SA|TAS|NT|ACT)[ \t]+\d{4}(?![\d-])")
# a town alone on the line above a postcode
RX_TOWN_LINE10 = re.compile(rf"(?:^|\n)[ \t]*({CAPW}(?:[ \t-]+{CAPW}){{0,3}})[ \t]*\n[ \t]*$")


def _postcodes10(ctx: _Ctx, text: str, out: list) -> None:
    for m in RX_POSTCODE10.finditer(text):
        code = m.group(1)
        if not RX_POSTCODE_SHAPES10.fullmatch(code) or not RX_POSTCODE_BEFORE10.search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue
        if RX_EIRCODE10.fullmatch(code) and not (
            any(c.isdigit() for c in code[4:]) and any(c.isalpha() for c in code[4:])
        ):
            continue
        out.append((m.start(1), m.end(1), "LOCATION", 0.7))
        t = RX_TOWN_LINE10.search(text, max(0, m.start(1) - 60), m.start(1))
        if t and not any(ctx.is_clinical(w) for w in t.group(1).split()):
            out.append((t.start(1), t.end(1), "LOCATION", 0.6))
    for m in RX_AU_POSTCODE10.finditer(text) if RX_AU_STATE10.search(text) else ():
        out.append((m.start(2), m.end(2), "LOCATION", 0.7))
        if not any(ctx.is_clinical(w) or ctx.is_common(w) for w in m.group(1).split()):
            out.append((m.start(1), m.end(1), "LOCATION", 0.65))


# Street numbers written "2/5A" or "6/15" (unit/house), and what comes before a street line:
# "Flat 6, 12 Coal Hollow Rise", "Unit 27/8A Kiln Gardens", "The Old Rectory, 45 Paddock
# Garth"; rural postal addresses ("RMB 5107", "Private Bag 74", "Apdo. Postal 118").
RX_UNIT_SLASH10 = re.compile(r"(?<![\w/.-])\d{1,4}[A-Za-z]?/$")
RX_BEFORE_STREET10 = re.compile(
    r"(?:\b(?:Flat|Unit|Apt|Apartment|Suite|Shop|Level|Lot)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+"
    r"|\bThe[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,[ \t]+"
    r"|\b[A-Z][a-z]+[ \t]+(?:Cottage|House|Farm|Lodge|Rectory|Barn|Mill|Manor|Villa),[ \t]+)$"
)
RX_UNIT_WORD_SLASH10 = re.compile(r"\b(?:Unit|Flat|Apt)[ \t]+$")
RX_RURAL_POSTAL10 = re.compile(
    r"\b(?:RMB|R\.M\.B\.|(?:Private|Locked)[ \t]+Bag|Apdo\.?[ \t]+Postal|Apartado[ \t]+Postal"
    r"|Site[ \t]+\d{1,4}[ \t]+Comp[ \t]+\d{1,4}[ \t]+RR)[ \t]+\d{1,6}\b"
)


def _addresses10(text: str, cands: list) -> None:
    extra = []
    for s, e, cat, conf in cands:
        if cat != "ADDRESS" or not text[s : s + 1].isdigit():
            continue
        start = s
        m = RX_UNIT_SLASH10.search(text, max(0, s - 6), s)
        if m:
            start = m.start()
            u = RX_UNIT_WORD_SLASH10.search(text, max(0, start - 8), start)
            if u:
                start = u.start()
        m = RX_BEFORE_STREET10.search(text, max(0, start - 40), start)
        if m:
            start = m.start()
        if start < s:
            extra.append((start, e, "ADDRESS", conf))
    cands.extend(extra)
    if "Bag" in text or "RMB" in text or "Postal" in text or "Comp" in text:
        _cands_from(RX_RURAL_POSTAL10, text, "ADDRESS", 0.8, 0, cands)


# Places larger than a US state are not Safe Harbor identifiers: countries, and the first-level
# divisions of the countries whose addresses the detector reads (Canada, Mexico, Australia,
# the United Kingdom, Ireland). "pt moved from Jalisco to Mexico" names no small place.
REGIONS10 = frozenset(
    w.replace("_", " ")
    for w in _w(
        """
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahamas
    bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
    bulgaria burundi cambodia cameroon canada chad chile china colombia congo costa_rica croatia
    cuba cyprus czechia czech_republic denmark djibouti dominica dominican_republic ecuador egypt
    el_salvador eritrea estonia eswatini ethiopia fiji finland france gabon gambia germany ghana
    greece grenada guatemala guinea guyana haiti honduras hong_kong hungary iceland india
    indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo
    kuwait laos latvia lebanon lesotho liberia libya lithuania luxembourg madagascar malawi
    malaysia mali malta mauritania mauritius mexico moldova mongolia montenegro morocco
    mozambique myanmar namibia nepal netherlands new_zealand nicaragua niger nigeria norway oman
    pakistan panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
    saudi_arabia senegal serbia sierra_leone singapore slovakia slovenia somalia south_africa
    south_korea north_korea south_sudan spain sri_lanka sudan suriname sweden switzerland syria
    taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey uganda ukraine
    united_kingdom united_states uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
    england scotland wales northern_ireland great_britain britain
    alberta british_columbia manitoba new_brunswick newfoundland labrador nova_scotia ontario
    prince_edward_island quebec saskatchewan yukon nunavut northwest_territories
    new_south_wales queensland south_australia tasmania victoria western_australia
    northern_territory australian_capital_territory
    aguascalientes baja_california baja_california_sur campeche chiapas chihuahua coahuila
    colima durango guanajuato guerrero hidalgo jalisco michoacán michoacan morelos nayarit
    nuevo_león nuevo_leon oaxaca puebla querétaro queretaro quintana_roo san_luis_potosí
    san_luis_potosi sinaloa sonora tabasco tamaulipas tlaxcala veracruz yucatán yucatan
    zacatecas leinster munster connacht ulster
    """
    )
)
# "stable on 2/3 of a tablet", "1/2 tab nightly": a fraction of a dose, not a date
RX_DOSE_AFTER10 = re.compile(
    r"[ \t]+(?:of[ \t]+(?:a|an|the|her|his|one)[ \t]+)?(?i:tabs?|tablets?|pills?|caps?|capsules?"
    r"|films?|strips?|patch|patches|doses?|vials?|pens?|ampoules?|sachets?|suppositor)"
)
RX_VERSION_BEFORE10 = re.compile(r"\b(?i:version|ver|v|release|build|firmware|software)\.?[ \t]*$")
RX_CODE_SYSTEM_BEFORE10 = re.compile(
    r"\b(?:SNOMED(?:[ -]CT)?|LOINC|ICD(?:-?1[01])?(?:-CM)?|CPT|HCPCS|RxNorm|NDC|DRG|MeSH|UMLS"
    r"|CUI)[ \t]*(?:code)?[ \t:#]*$"
)
_SCORE_HEADS10 = _w("score scores scale criteria classification grade stage index")


def _not_identifier10(ctx: _Ctx, text: str, cand: tuple) -> bool:
    """Vetoes read off clean passages: dose fractions, versions, code systems, regions."""
    s, e, cat = cand[0], cand[1], cand[2]
    if cat == "DATE":
        return text[s:e].count("/") == 1 and bool(RX_DOSE_AFTER10.match(text, e))
    if cat == "IP":
        return bool(RX_VERSION_BEFORE10.search(text, max(0, s - 12), s))
    if cat == "ID":
        return bool(RX_CODE_SYSTEM_BEFORE10.search(text, max(0, s - 16), s))
    if cat == "LOCATION":
        span = text[s:e].lower()
        return (span in REGIONS10 or span in STATES) and bool(
            RX_MOVE_BEFORE10.search(text, max(0, s - 40), s)
        )
    if cat == "FACILITY":
        # "Referred to SNAP, WIC and ...": programs in a list of acronyms, not a place
        span = text[s:e]
        return (
            span.isalpha()
            and span.isupper()
            and len(span) <= 5
            and bool(RX_ACRONYM_LIST_AFTER10.match(text, e))
        )
    if cat == "NAME":
        after = RX_WORD_AFTER10.match(text, e)
        if after and after.group(1).lower() in _SCORE_HEADS10:
            return True
        return any("-" in w and ctx.is_clinical(w) for w in text[s:e].split())  # "Child-Pugh A"
    return False


RX_WORD_AFTER10 = re.compile(r"[ \t]+([A-Za-z]+)")
RX_MOVE_BEFORE10 = re.compile(
    r"\b(?i:moved|moving|relocated|relocating|emigrated|immigrated|came|travell?ed)\b[^.\n]*$"
)
RX_ACRONYM_LIST_AFTER10 = re.compile(
    r"[ \t]*(?:,|and\b|or\b)[ \t]*(?:and[ \t]+|or[ \t]+)?[A-Z]{2,5}\b"
)


# Identifier numbers after the names other countries and registration systems give them,
# written in groups as often as not: "SIN 127-284-800", "NI number ZY 76 59 25 B", "Member
# ID: 3365 99837 5", "Hosp No: 131 917 40", "Expediente 0432522", "AHPRA 212273".
RX_ID_CUE10 = re.compile(
    r"\b(?:SIN|NSS|NIF|NIE|CURP|RFC|PPSN|IRD|NHI|OHIP|MCP|AHPRA|MCRN|IMC|GMC|NMC|FIN|MBI"
    r"|CDL"
    r"|(?i:ni|nhs|hosp(?:ital)?|medicare|medicaid|health|medical|member|subscriber|case"
    r"|claim|enc|encounter|bill[ \t]+to|expediente|secondary"
    r"|driver(?:['’]s)?[ \t]+(?:licen[cs]e|lic)"
    r"|licen[cs]e|lic|registration|reg)"
    r"(?:[ \t]+(?i:card|id|number|no\.?|num|#))?)[ \t]*+(?:(?i:no\.?|number|#)[ \t]*+)?[:#.]?"
    r"[ \t]*+(?=[A-Z0-9])"
)
RX_ID_TOKEN10 = re.compile(r"[A-Z0-9][A-Z0-9./-]*")
# letters before a long run of digits; letters before pairs ("QQ 12 34 56 C") are kept
RX_LETTERS_LEAD10 = re.compile(r"[A-Z]{1,3}[ \t]+(?=[A-Z]?\d{4,})")
RX_DATE_TOKEN10 = re.compile(r"\d{1,4}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{1,2}[A-Z]{3}\d{2,4}")
TRIGGERS["IDC10"] = _w("""sin nss nif nie curp rfc ppsn ird nhi ohip mcp ahpra mcrn imc gmc nmc fin
    mbi cdl ni nhs hosp hospital medicare medicaid health medical member subscriber case claim
    enc encounter bill expediente secondary driver licence license lic registration reg""")


def _grouped_ids10(text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_ID_CUE10, "IDC10", text, words_ix):
        start = pos = end = m.end()
        digits = parts = 0
        lead = RX_LETTERS_LEAD10.match(text, pos)
        if lead:
            start = pos = lead.end()  # "DL 092633336": the licence's kind, not its number
        while parts < 6:
            t = RX_ID_TOKEN10.match(text, pos)
            if not t:
                break
            tok = t.group().rstrip(".")
            if parts == 0 and RX_DATE_TOKEN10.fullmatch(tok):
                break  # "encounter 8/23 16:49": a date, not a number
            if text[t.end() : t.end() + 1] == ":":
                break  # a time
            n = sum(c.isdigit() for c in tok)
            if n == 0 and len(tok) > 2:
                break  # a word: the number has ended ("QQ 12 34 56 C" holds letter groups)
            if t.end() < len(text) and (text[t.end()].isalpha() or text[t.end()] in "%/"):
                break  # "12mg", "3/5"
            digits += n
            end = t.start() + len(tok)
            parts += 1
            nxt = text[t.end() : t.end() + 2]
            if tok != t.group() or not (nxt[:1] in (" ", "-") and nxt[1:2].isalnum()):
                break
            pos = t.end() + 1
        if digits >= 5:
            out.append((start, end, "ID", 0.7))


# Ages over 89 in registration shapes: "(105 y)", "F/91", "F  97Y", "102nd birthday"
RX_AGE_SHAPES10 = re.compile(
    r"\((9\d|1[01]\d)[ \t]?(?:y|yo|yrs?)\)"
    r"|[MF](?<![\w/][MF])[ \t]*/[ \t]*(9\d|1[01]\d)\b(?![/\d])"
    r"|[MF](?<![\w/][MF])[ \t]+(9\d|1[01]\d)[Yy]\b"
)
RX_AGE_BIRTHDAY10 = re.compile(r"\b(9\d|1[01]\d)(?:st|nd|rd)[ \t]+birthday")


def _ages10(text: str, out: list) -> None:
    for m in RX_AGE_SHAPES10.finditer(text):
        g = next(i for i in range(1, 4) if m.group(i))
        out.append((m.start(g), m.end(g), "AGE", 0.75))
    for m in RX_AGE_BIRTHDAY10.finditer(text) if "birthday" in text else ():
        out.append((m.start(1), m.end(1), "AGE", 0.75))


# Delimited exports: a header row of column names ("patient_id,last_name,first_name,dob,zip")
# makes each cell under an identifier column an identifier of that kind.
_COLUMN_KINDS10 = (
    (
        re.compile(r"(?i)(?:patient|last|first|given|family|full|middle)?[ _]?(?:name|surname)s?"),
        "NAME",
    ),
    (
        re.compile(r"(?i)(?:[a-z]+[ _])?(?:id|mrn|no|number|nhs|ssn|account|acct|policy|chart)"),
        "ID",
    ),
    (
        re.compile(
            r"(?i)dob|birth[ _]?date|date[ _]of[ _]birth|(?:last|next)[ _]visit|admit(?:ted)?"
            r"|discharged?|date"
        ),
        "DATE",
    ),
    (re.compile(r"(?i)zip|zip[ _]?code|post[ _]?code|postal[ _]?code"), "LOCATION"),
    (re.compile(r"(?i)phone|tel|telephone|mobile|cell|fax"), "PHONE"),
    (re.compile(r"(?i)address|street|addr"), "ADDRESS"),
    (re.compile(r"(?i)city|town|suburb"), "LOCATION"),
    (re.compile(r"(?i)site|facility|clinic|hospital|practice|employer"), "FACILITY"),
)


def _cells10(line: str, sep: str, base: int) -> list[tuple[int, int]]:
    cells, pos = [], 0
    while pos <= len(line):
        if sep == "," and line.startswith('"', pos):
            close = line.find('"', pos + 1)
            close = len(line) if close < 0 else close + 1
            cells.append((base + pos + 1, base + close - 1))
            pos = close + 1
        else:
            nxt = line.find(sep, pos)
            nxt = len(line) if nxt < 0 else nxt
            cells.append((base + pos, base + nxt))
            pos = nxt + 1
    return cells


def _column_kind10(name: str) -> str | None:
    name = name.strip().strip('"')
    return next((k for rx, k in _COLUMN_KINDS10 if rx.fullmatch(name)), None)


def _delimited_tables10(text: str, out: list) -> None:
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    kinds: list[str | None] | None = None  # the header's column kinds, while rows follow it
    sep = ","
    for start, line in lines:
        if kinds is not None:
            if not line.strip() or sep not in line:
                kinds = None
            else:
                for (s, e), kind in zip(_cells10(line, sep, start), kinds, strict=False):
                    value = text[s:e].strip()
                    if not kind or not value:
                        continue
                    if kind in ("ID", "DATE", "PHONE") and not any(c.isdigit() for c in value):
                        continue
                    if kind == "NAME" and not any(c.isalpha() for c in value):
                        continue
                    lead = len(text[s:e]) - len(text[s:e].lstrip())
                    out.append((s + lead, s + lead + len(value), kind, 0.7))
                continue
        for sep in ("\t", ","):
            if line.count(sep) >= 2:
                names = [line[a - start : b - start].strip() for a, b in _cells10(line, sep, start)]
                if not all(RX_HEADER_CELL10.fullmatch(n) for n in names):
                    continue
                found = [_column_kind10(n) for n in names]
                if sum(k is not None for k in found) >= 2 and ("NAME" in found or "ID" in found):
                    kinds = found
                    break


RX_HEADER_CELL10 = re.compile(r"[A-Za-z][A-Za-z_ #/.-]{0,24}")


# Streets written head first, as in Mexico and Spain: "Calle Allende 1238, Col. La Loma",
# "Calzada Independencia 491 Int. 5", "Calle 5 de Mayo s/n", "Km 33.7 Carretera Federal 128"
RX_STREET_HEAD_FIRST10 = re.compile(
    rf"\b(?:Calle|Calzada|Avenida|Av\.|Andador|Privada|Callejón|Camino|Carretera|Paseo"
    rf"|Prolongación|Cerrada|Circuito)[ \t]+(?:(?:{CAPW}|\d{{1,2}}|de|del|la|las|los|y)[ \t]+)"
    rf"{{0,5}}?(?:\d{{1,5}}[A-Z]?|s/n)\b(?:[ \t]+Int\.?[ \t]*\d{{1,4}}[A-Z]?)?"
    rf"(?:,[ \t]+(?:Col\.|Colonia|Ejido|Fracc\.)[ \t]+{CAPW}(?:[ \t]+{CAPW}){{0,2}})?"
)
RX_KM_ROAD10 = re.compile(r"\bKm\.?[ \t]+\d{1,4}(?:\.\d)?[ \t]+(?=Carretera\b)")

# Facilities written head first ("Hospital General de Ocotlán", "Centro de Salud Red Mesa",
# "Clínica San Vicente", "Escuela Primaria Leona Vicario") and heads that the first list
# lacks: a GP surgery or partnership, a nursing station, a health service, a state school.
RX_FAC_HEAD_FIRST10 = re.compile(
    rf"\b(?:Hospital|Clínica|Clinica|Centro[ \t]+de[ \t]+Salud|Centro[ \t]+Médico|Sanatorio"
    rf"|Escuela(?:[ \t]+Primaria|[ \t]+Secundaria)?|Farmacia|Hôpital|Clinique)"
    rf"((?:[ ](?:de|del|la|las|los|y))*(?:[ ]{CAPW}(?:[ ](?:de|del|la|las|los|y))*){{1,6}})"
    rf"(?<![ \t])"
)
_FAC_GENERIC10 = _w("""general comunitario comunitaria regional civil central universitario
    universitaria municipal rural de del la las los y médico medico primaria secundaria
    hospital clínica clinica centro salud escuela farmacia the""")
RX_FAC_HEAD_LAST10 = re.compile(
    rf"((?:{CAPW}[ ]){{1,4}}(?P<head>Aboriginal[ ]Medical[ ]Service|(?:District[ ])?"
    rf"Health[ ]Service|Medical[ ]Service|Nursing[ ]Station|Multipurpose[ ]Service"
    rf"|Surgery|State[ ]School|Apothecary|Chemist)"
    rf"|{CAPW}[ ](?:&|and)[ ]Partners|{CAPW}[ ]Bros\.?(?:[ ]{CAPW}){{1,2}})\b"
)
RX_GP_BEFORE10 = re.compile(
    r"\b(?:GP|G\.P\.|(?i:general[ \t]+practi(?:ce|tioner)|practice|registered))\b"
)
RX_STREET_LINE_AFTER10 = re.compile(r"[ \t]*\n[ \t]*\d")
_SPECIALTY_ENDS10 = ("ic", "al", "ology", "ary", "ics", "ive", "ed")
RX_FAC_HEAD_HINT10 = re.compile(
    r"Service|Station|Surgery|School|Apothecary|Chemist|Partners|Bros\b"
)
RX_CAPW_BEFORE10 = re.compile(rf"{CAPW}[ \t]+$")
_FAC_LEAD_WORDS10 = _w("""at to from the a an of and with by saw seen see visited attends attend
    referred transferred works worked""")


def _facilities10(ctx: _Ctx, text: str, out: list) -> None:
    for m in RX_FAC_HEAD_FIRST10.finditer(text):
        if RX_CAPW_BEFORE10.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Mercy Hospital Medical Records": the head of a name, not its start
        words = m.group(1).split()
        while words and words[-1].lower() in _FAC_GENERIC10:
            words.pop()
        # "Hospital Emergency Department", "Hospital Day Surgery": parts of a hospital
        specific = [
            w
            for w in words
            if w.lower() not in _FAC_GENERIC10 and not ctx.is_common(w) and not ctx.is_clinical(w)
        ]
        if not specific:
            continue
        end = text.rindex(words[-1], m.start(1), m.end(1)) + len(words[-1])
        out.append((m.start(), end, "FACILITY", 0.75))
    for m in RX_FAC_HEAD_LAST10.finditer(text) if RX_FAC_HEAD_HINT10.search(text) else ():
        s = m.start(1)
        toks = list(re.finditer(r"\S+", m.group(1)))
        k = 0
        while k < len(toks) - 1 and toks[k].group().lower() in _FAC_LEAD_WORDS10:
            k += 1
        s += toks[k].start()
        head_at = m.start("head") if m.group("head") else m.end(1)
        names = [t.group() for t in toks[k:] if m.start(1) + t.end() <= head_at]
        head = m.group("head") or toks[-1].group()
        if any(w.lower().rstrip(".") in PLACEHOLDER_WORDS for w in names):
            continue  # "ABCD Surgery Center": the corpus's stand-in for a name
        if len(names) == 1 and (ctx.is_common(names[0]) or ctx.is_clinical(names[0])):
            continue  # "the Emergency Medical Service"
        # a GP's surgery only where a practice is spoken of ("GP: Dr B. Lowe, Glenview
        # Surgery") or as a letterhead over a street line: "Sinus Surgery" is an operation
        if head == "Surgery" and not (
            RX_GP_BEFORE10.search(text, max(0, s - 80), s)
            or (text[s - 1 : s] in ("", "\n") and RX_STREET_LINE_AFTER10.match(text, m.end(1)))
        ):
            continue
        # "General Surgery", "Cardiology/Cardiothoracic Surgery": a department, not a practice
        if head in ("Surgery", "Chemist", "Apothecary", "Partners") and (
            text[s - 1 : s] == "/"
            or any(w.lower().endswith(_SPECIALTY_ENDS10) for w in names)
            or not any(
                not ctx.is_clinical(w) and not ctx.is_common(w) and w.lower() not in GENERIC_FAC
                for w in names
            )
        ):
            continue
        out.append((s, m.end(1), "FACILITY", 0.75))
    for m in RX_STREET_HEAD_FIRST10.finditer(text):
        s = m.start()
        km = RX_KM_ROAD10.search(text, max(0, s - 14), s)
        out.append((km.start() if km else s, m.end(), "ADDRESS", 0.75))


def _round10(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _phones10(text, out)
    _postcodes10(ctx, text, out)
    _addresses10(text, out)
    _grouped_ids10(text, out, words_ix)
    _facilities10(ctx, text, out)
    if "y" in text or "Y" in text or "/" in text:
        _ages10(text, out)
    if "\t" in text or text.count(",") >= 4:
        _delimited_tables10(text, out)


# ----------------------------------------------------------------------------- round 11
# Kinds read off set J's misses and false alarms (docs/deid.md, Round 11).

# A number with a country code written with few or no groups: "+34 949948880", "+6443736673"
RX_PHONE_PLUS11 = re.compile(r"\+(?<![\w+/.,:-]\+)\d[\d .()-]{6,20}\d(?![\w/-]|[.,:]\d)")
# after a phone cue: a trunk-zero run ("07846936699"), a bare ten-digit or a 7-digit local number;
# an e-mail address may stand between ("Contact a@b.org / 0861530059")
RX_PHONE_CUED11 = re.compile(
    r"\b(?i:tel|telephone|phone|ph|mobile|mob|cell|pager|page[ \t]+me|call|called|contact)\b"
    r"\.?:?(?:[ \t]+(?:[^\s@]+@[^\s@]+|[/|]|[a-z]+)){0,5}?[ \t]+"
    r"(0\d{9,10}|\d{10}|\d{3}-\d{4})(?![\w-]|[.,]\d)"
)
TRIGGERS["PHC11"] = _w("tel telephone phone ph mobile mob cell pager page call called contact")

# National identity numbers with letters after their cue: a Spanish DNI/NIE "81658539Y", an
# Italian codice fiscale, a Pakistani CNIC "1225-4410199-5" after SSN
RX_SSN_CUED11 = re.compile(
    r"\b(?:SSN|DNI|NIE|NIF|CNIC|CF|(?i:codice[ \t]+fiscale|c\.f\."
    r"|social[ \t]+security(?:[ \t]+no\.?|[ \t]+number|[ \t]+#)?))[ \t]*[:#]?[ \t]*"
    r"((?=(?:[A-Z-]*\d){4})[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){6,20})"
    r"(?![\w-])"
)
RX_MASKED11 = re.compile(r"[Xx*]{2,}-")
TRIGGERS["SSN11"] = _w("ssn dni nie nif cnic cf codice c social")

# Record and account numbers after cues the earlier rounds lacked: "Court order 39-ZG-93206",
# "docket", "Copay card LR-7844139", "MRN there 5820457", "Member 33921918Z"
RX_ID_CUED11 = re.compile(
    r"\b(?i:court[ \t]+order|docket|case[ \t]+no\.?|copay[ \t]+card|discount[ \t]+card"
    r"|mrn[ \t]+(?:there|here|at[ \t]+\w+)|member|accession|registry[ \t]+id)"
    r"[ \t]*(?:(?i:no\.?|number|#|id)[ \t]*)?[:#]?[ \t]*"
    r"((?=[A-Za-z0-9-]*\d{3})[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){4,20})(?![\w-])"
)
TRIGGERS["IDC11"] = _w("court docket case copay discount mrn member accession registry")

# Company names by their legal form: "Myers LLC", "Zahn Nerger GbR", "Ruiz, Cole and Bennett"
# after an employer cue, "Manrique y Soto S.Coop.", "Tomasetti, Antonetti e Blasi s.r.l."
_FIRM_FORMS11 = (
    r"(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|LLP|PLLC|PLC|plc|Corp\.?|GmbH(?:[ \t]+&[ \t]+Co\.[ \t]+KG)?"
    r"|GbR|AG|KG|OHG|e\.K\.|S\.A\.|S\.L\.(?:N\.E)?|S\.L\.N\.E\.?|S\.Coop\.?|S\.Com\.?"
    r"|S\.r\.l\.|s\.r\.l\.|S\.p\.A\.|s\.p\.a\.|SpA|Srl|s\.a\.s\.|S\.A\.S\.|Pty\.?[ \t]+Ltd\.?"
    r"|e[ \t]+figli|y[ \t]+Asociados|&[ \t]+Asociados|&[ \t]+Sons|and[ \t]+Sons|&[ \t]+Co\.?)"
)
_FIRM_WORD11 = rf"(?:[{UP}][A-Za-z{LO}'’.-]*)(?![\w])"
RX_FIRM11 = re.compile(
    rf"({_FIRM_WORD11}(?:,?[ \t]+(?:(?:and|y|e|&)[ \t]+)?{_FIRM_WORD11}){{0,4}}),?[ \t]+"
    rf"{_FIRM_FORMS11}(?![\w])"
)
RX_FIRM_HINT11 = re.compile(
    r"LLC|Inc\b|Ltd|LLP|PLC|plc|Corp|GmbH|GbR|\bAG\b|\bKG\b|OHG|S\.[A-Za-z]|s\.[rpa]\.|SpA|Srl"
    r"|figli|Asociados|Sons|& Co"
)
# "works at Ruiz, Cole and Bennett": a list of surnames after an employer cue
RX_FIRM_SURNAMES11 = re.compile(
    rf"\b(?i:works?|working|worked|employed|employer:?)[ \t]+(?:(?i:at|for|by)[ \t]+)?"
    rf"({NW},[ \t]+{NW},?[ \t]+and[ \t]+{NW})(?![\w'’])"
)
# Practices named by their surname and trade: "Shields Dental", "Cummings Eye Care", "Ward
# Nursing and Rehabilitation", "Tell City Dialysis Center"
RX_PRACTICE_HEAD11 = re.compile(
    r"(?:Dental(?:[ \t]+(?:Care|Group|Associates|Clinic))?|Eye[ \t]+Care|Vision[ \t]+Center"
    r"|Dialysis(?:[ \t]+(?:Center|Centre|Unit|Clinic))?"
    r"|Nursing[ \t]+and[ \t]+Rehabilitation(?:[ \t]+Center)?|Orthodontics|Chiropractic)(?![\w])"
)
RX_PRACTICE_NAME11 = re.compile(rf"(?<![\w'’-])((?:{NW}[ \t]+){{1,3}})$")
TRIGGERS["PRAC11"] = _w("dental eye vision dialysis nursing orthodontics chiropractic")
_FIRM_KEYS11 = _w("""llc inc ltd llp pllc plc corp gmbh gbr ag kg ohg spa srl figli asociados
    sons co""")
_FIRM_LABELS11 = _w("emp employer works work at for ins insurer guarantor pt patient")
TRIGGERS["EMP11"] = _w("works working worked work employed employer")
TRIGGERS["REL11"] = _w("""family spouse wife husband son daughter mother father mom dad sister
    brother guardian poa nok""")
TRIGGERS["SEE11"] = _w("add see cc loop ask tell")
TRIGGERS["USER11"] = _w("user username login userid")
TRIGGERS["INR11"] = _w("""rn lpn cna np pa md do sw msw ot rt pt assistant assisted surgeon
    chaplain nurse aide scribe resident fellow attending subject participant volunteer witness
    interpreter patient client""")
TRIGGERS["HEAD11"] = _w("""rambla pasadizo pasaje cuesta ronda traves glorieta carrer passeig
    plaza pla viale via piazza piazzale corso vicolo largo strada contrada""")
TRIGGERS["FR11"] = _w("rue boulevard boul avenue chemin rang all impasse mont promenade croissant")
TRIGGERS["MD11"] = _w("verified signed scanned faxed mailed received reviewed updated checked")
# Names by the structure around them
# "PEÑA, REYNA (F, 19740729)": a LAST, FIRST before a sex and a birth date or age
RX_NAME_DEMOGRAPHIC11 = re.compile(
    rf"((?:{NW}|{CAPS_WORD})(?:[ \t-](?:{NW}|{CAPS_WORD}))?,[ \t]*(?:{NW}|{CAPS_WORD})"
    rf"(?:[ \t]+(?:{NW}|{CAPS_WORD}|[A-Z]\.?))?)[ \t]*$"
)
RX_DEMO_PAREN11 = re.compile(r"\((?:[MF]|male|female)\b[ ,]")
# "*** HENRY ARYA ** DOB": two or three capitalised words between separators before a DOB
RX_NAME_BEFORE_DOB11 = re.compile(
    rf"(?:^|[*|:;]|\n)[ \t]*((?:{NW}|{CAPS_WORD})(?:[ \t]+(?:{NW}|{CAPS_WORD}|[A-Z]\.)){{1,3}})"
    rf"[ \t]*(?:\*+|\||;|,)[ \t]*$"
)
RX_DOB_AT11 = re.compile(r"DOB\b|D\.O\.B\.|Date[ \t]+of[ \t]+Birth\b")
TRIGGERS["DOB11"] = _w("dob d date")
# Initials after a role or before a possessive: "RN T.M.", "assistant M.B.", "D.S.'s spouse",
# "pt. DS declining", "subject PR screened"
RX_INITIALS_ROLE11 = re.compile(
    r"\b(?:RN|LPN|CNA|NP|PA|MD|DO|SW|MSW|OT|RT|[Pp]t\.?|(?i:assistant|assisted[ \t]+by|surgeon"
    r"|chaplain|nurse|aide|scribe|resident|fellow|attending|subject|participant|volunteer"
    r"|witness|interpreter|patient|client|resident))(?:[ \t]*+:)?[ \t]++"
    r"((?:[A-Z]\.[ \t]?){2,3}(?![A-Za-z])"
    r"|(?:(?<=[Pp]t\.[ \t])|(?<=[Pp]t[ \t])|(?<=ent[ \t])|(?<=ect[ \t]))[A-Z]{2,3}"
    r"(?=[ \t]+(?:[a-z]{2,}(?:ed|ing|s)|" + _SUBJECT_VERBS + r")\b))"
)
_ROLE_LETTERS11 = frozenset(
    w.upper() for w in _w("rn lpn cna np pa md do sw msw ot pt rt ed icu or er pcp")
)
RX_INITIALS_POSS11 = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?=['’]s\b)")
# a first name as the subject of the verbs registration and ward notes use
RX_FIRST_SUBJECT11 = re.compile(rf"(?:^|[.!?:;][ \t]|\n)({NW})[ \t]+$")
TRIGGERS["SUBJ11"] = _w("""brought signed drove visited picked dropped consented requested
    confirmed provided paid phoned""")
# a greeting's or a sign-off's first name: "Jenaro, can you add", "— Martin"
RX_VOCATIVE11 = re.compile(rf"(?m)^({NW}),[ \t]+(?=[a-z])")
RX_SIGNOFF11 = re.compile(rf"(?:—|--|~)[ \t]*({NW})[ \t]*$", re.M)
# "add Javiera to", "see austin in bed"
RX_SEE_FIRST11 = re.compile(
    r"\b(?:add|see|cc|loop[ \t]+in|ask|tell)[ \t]+([A-Za-z][a-z]{2,})"
    r"(?=[ \t]+(?:to|in|on|about|re)\b)"
)
# chat speakers after a timestamp, lower-case user names: "[10:01] richardp: can someone"
RX_CHAT_HANDLE11 = re.compile(r"\[\d{1,2}:\d\d\][ \t]+([a-z][a-z._-]{2,20}):[ \t]")
# "family (Rush)", "spouse (Peñalver)": a relation and a name in parentheses
RX_REL_PAREN11 = re.compile(
    rf"\b(?i:family|spouse|wife|husband|son|daughter|mother|father|mom|dad|sister|brother"
    rf"|guardian|poa|nok)[ \t]*\(({NW}(?:[ \t]+{NW})?)\)"
)
# "user nonis opened": an audit log's user name
RX_USER11 = re.compile(
    r"\b(?i:user|username|login|userid)[ \t:]+([a-z][a-z0-9._-]{2,20})(?=[ \t,;)])"
)
# a date after verification and the like: "Insurance verified 7/21:"
RX_MD_CUED11 = re.compile(
    r"\b(?i:verified|signed|scanned|faxed|mailed|received|reviewed|updated|checked)[ \t]+"
    r"((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![\d/-]|\.\d)"
)
# Streets of Spain, Italy and Catalonia written head first, and French streets after their
# number: "Rambla X Y 29", "Cuesta de X Y 164 Apt. 38", "Viale X, 31 Piano 3", "92 rue Côté",
# "7326 boulevard Leclerc Suite 822"; a post office box written "POB 6848".
RX_STREET_HEAD_FIRST11 = re.compile(
    rf"\b(?:Rambla|Pasadizo|Pasaje|Cuesta|Ronda|Travesía|Travesia|Glorieta|Carrer|Passeig"
    rf"|Plaza|Plaça|Viale|Via|Piazza|Piazzale|Corso|Vicolo|Largo|Strada|Contrada)[ \t]+"
    rf"(?:(?:{CAPW}|de|del|la|las|los|y|di|del|della|dei|delle|San|Santa)[ \t]+){{0,4}}?{CAPW}"
    rf",?[ \t]+\d{{1,5}}[A-Z]?\b"
    rf"(?:,?[ \t]+(?:Apt\.?|Int\.?|Piano|Piso|Puerta|Pta\.?|Esc\.?|Scala|Interno)[ \t]*"
    rf"\d{{1,4}}[A-Z]?\b)?"
)
RX_FRENCH_STREET11 = re.compile(
    rf"\d(?<![\w/.-]\d)\d{{0,4}},?[ \t]+(?:rue|boulevard|boul\.|avenue|chemin|rang|allée|impasse"
    rf"|montée|promenade|croissant)[ \t]+(?:(?:de|du|des|la|le)[ \t]+|[ld]['’])?{CAPW}"
    rf"(?:[ \t-](?!(?:Suite|App|Apt|Bureau|Unité|Unit)\b){CAPW}){{0,3}}"
    rf"(?:,?[ \t]+(?:Suite|App\.?|Apt\.?|Bureau|Unité|Unit)[ \t]*#?\d{{1,5}}\b)?"
)
RX_POB11 = re.compile(r"\bPOB[ \t]+#?\d{1,6}\b")
# The town and the postcode after a street line: "491 CATALPA CRST, MULLEN 54731-7234",
# "** SIMMONSFURT 78162 **", "Rambla X 29, Smithland CP 09022", "we moved to ... in Ujjain."
_TOWN11 = r"([^\W\d_][\w'’.-]*(?:[ \t-][^\W\d_][\w'’.-]*){0,2}?)"
_POSTCODE11 = (
    rf"(?:,?[ \t]+(?:{STATE_RE}))?,?[ \t]+(?:(?:CP|C\.P\.|ZIP|Zip|zip|PLZ)[ \t]*:?[ \t]*)?"
    r"(\d{5}(?:-\d{4})?|\d{4})(?![\w-])"
)
RX_TOWN_ZIP_AFTER11 = re.compile(
    r"(?:[ \t]*[,;]|[ \t]*\*+|[ \t]+in\b)?[ \t]+" + _TOWN11 + _POSTCODE11
)
RX_TOWN_AFTER11 = re.compile(
    r"(?:[ \t]*,|[ \t]+in\b)[ \t]+" + _TOWN11 + rf"(?=[ \t]*(?:[.;\n\"]|$|,[ \t]+(?:{STATE_RE})\b))"
)
RX_ZIP_AFTER_TOWN11 = re.compile(_POSTCODE11)
# USPS secondary units written without a number: "33 Elm Est PENTHOUSE, Town 12345"
RX_BARE_UNIT11 = re.compile(
    r"[ \t]+(?i:penthouse|lobby|lbby|basement|bsmt|front|frnt|rear|lower|lowr|upper|uppr"
    r"|office|ofc)(?![\w])"
)
_REGION_ABBR11 = frozenset(STATE_ABBR) | frozenset(
    w.upper() for w in _w("nsw vic qld tas act nt on qc bc ab mb sk ns nb nl pe")
)
_NOT_TOWN_WORDS11 = FUNCTION_WORDS | _w("zip code postcode postal cp plz box")


def _after_address11(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    out: list = []
    for f in found:
        if f.category == "LOCATION":
            m = RX_ZIP_AFTER_TOWN11.match(text, f.end)
            if m and len(m.group(1)) != 4:
                out.append((m.start(1), m.end(1), "LOCATION", 0.8))
            continue
        if f.category != "ADDRESS":
            continue
        end = f.end
        unit = RX_BARE_UNIT11.match(text, end)
        if unit:
            out.append((f.start, unit.end(), "ADDRESS", f.confidence))
            end = unit.end()
        z = RX_ZIP_AFTER_TOWN11.match(text, end)
        if z and len(z.group(1)) != 4:
            out.append((z.start(1), z.end(1), "LOCATION", 0.8))
            continue
        m = RX_TOWN_ZIP_AFTER11.match(text, end) or RX_TOWN_AFTER11.match(text, end)
        if not m:
            continue
        town = m.group(1)
        words = re.split(r"[ \t-]+", town)
        if len(words) > 1 and (words[-1].upper() in _REGION_ABBR11 or words[-1].lower() in STATES):
            # "Rogersville TN.": the state is not part of the town
            town = town[: town.rindex(words[-1])].rstrip(" \t-")
            words = words[:-1]
        if (
            _is_placeholder(town)
            or (m.lastindex == 1 and ctx.low(words[-1]) in ctx.lex.street_suffixes)
            or town in STATE_ABBR
            or town.lower() in STATES
            or any(
                ctx.low(w) in _NOT_TOWN_WORDS11 or ctx.low(w) in ctx.lex.unit_designators
                for w in words
            )
        ):
            continue
        if m.lastindex == 1 and (
            not all(w[0].isupper() for w in words) or all(ctx.is_common(w) for w in words)
        ):
            continue
        out.append((m.start(1), m.start(1) + len(town), "LOCATION", 0.75))
        if m.lastindex == 2:
            out.append((m.start(2), m.end(2), "LOCATION", 0.8))
    return out


# False alarms read off set J's clean passages (and its identifier passages' extra findings)
LANGUAGES11 = _w("""spanish english french portuguese mandarin cantonese chinese vietnamese arabic
    russian somali haitian creole korean tagalog navajo hmong german italian polish japanese
    hindi punjabi urdu farsi dari pashto swahili amharic nepali marshallese chuukese ukrainian
    tigrinya oromo burmese khmer lao thai turkish greek hebrew yiddish bengali gujarati
    tamil telugu""")
_NOT_NAME_WORDS11 = _w("fax phone tel cell email pager mobile emp mvc mva mcc gsw atv")
# a scale's or a score's name before its value: "MMSE 24/30", "PPS 40%", "BI-RADS 4A"
RX_SCALE_VALUE11 = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Z]+)?[ \t]+\d")
RX_AFTER_SCALE11 = re.compile(r"[ \t]+(?:\d|(?:I{1,3}|IV|V)[a-c]?\b)")
RX_TRIP_BEFORE11 = re.compile(
    r"\b(?i:returned|returning|back|trip|travel|travell?ed|vacation|vacationed|visit|visited"
    r"|visiting|abroad|flew|flight)\b[^.\n]*$"
)
RX_FRENCH_SIZE11 = re.compile(r"\d[ \t]*Fr\.?[ \t]+$")
RX_ROMAN_CLASS11 = re.compile(r"(?:I{1,3}|IV|V)[a-c]")
RX_ROMAN_AFTER11 = re.compile(r"[ \t]+(?:I{1,3}|IV|V)[a-c]\b")
RX_PT_SECTION11 = re.compile(r"\bPT[ \t]*:[ \t]*$")
RX_PLAN_AFTER11 = re.compile(r"[ \t]+(?i:plan|insurance|advantage)\b")
RX_PAYER_BEFORE11 = re.compile(r"\b(?i:ins|insurance|payer|plan|coverage)[ \t]*:[ \t]*$")


def _not_identifier11(ctx: _Ctx, text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    span = text[s:e]
    if cat in ("LOCATION", "FACILITY"):
        low = span.lower()
        if (
            (low in STATES and low not in _CITY_STATES11)
            or low.endswith(" nation")
            or (low in REGIONS10 and RX_TRIP_BEFORE11.search(text, max(0, s - 40), s))
        ):
            return True  # a country, a state or a tribal nation: larger than a Safe Harbor place
        if cat == "FACILITY" and ctx.low(span.split()[0]) in _FIRM_LABELS11:
            return True  # "Emp Zahn": a label taken into a name
        # a health plan, not a place
        return cat == "FACILITY" and bool(
            RX_PLAN_AFTER11.match(text, e) or RX_PAYER_BEFORE11.search(text, max(0, s - 16), s)
        )
    if cat == "NAME":
        low = span.lower()
        if low in LANGUAGES11 or low in _NOT_NAME_WORDS11:
            return True
        words = span.split()
        if not words:
            return False
        if words[0].lower().rstrip(".") in ROLE_WORDS11:
            return True  # "Chaplain Ines": the role is read as a cue, the name after it
        if text[e : e + 1] == "-" and text[e + 1 : e + 2].isalpha():
            return True  # a part of a hyphenated word ("BI" of "BI-RADS")
        if RX_PT_SECTION11.search(text, max(0, s - 8), s) and any(
            not w.isupper() and (ctx.is_common(w) or not ctx.is_name(w)) for w in words
        ):
            return True  # "PT: Timed Up and Go": a therapy section, not a patient label
        if (
            len(words) == 1
            and RX_AFTER_SCALE11.match(text, e)
            and ((span.isupper() and len(span) <= 5) or "-" in span or ctx.is_clinical(span))
        ):
            return True  # "PPS 40%", "BI-RADS 4A"
        if len(words) == 1 and RX_FRENCH_SIZE11.search(text, max(0, s - 10), s):
            return True  # "a 16 Fr Foley": a catheter
        if RX_ROMAN_CLASS11.fullmatch(words[-1]) or RX_ROMAN_AFTER11.match(text, e):
            return True  # "Forrest IIb": a classification's grade
            return True
        return False
    if cat == "ID":
        if RX_COUNTRY_CODE_BEFORE11.search(text, max(0, s - 6), s):
            return True  # the rest of a telephone number: "+39 056691000"
        head = span.split()[0] if " " in span else ""
        return bool(head) and head.lower() in _SCALES11
    return False


RX_COUNTRY_CODE_BEFORE11 = re.compile(r"(?<![\w+])\+\d{1,3}[ .-]?$")
_CITY_STATES11 = frozenset({"new york", "washington"})  # a city's name as well
_SCALES11 = _w("""mmse moca slums gcs nihss phq phq-9 gad gad-7 audit audit-c cage pps kps ecog
    apgar braden morse mews news cows ciwa rass cam bims mna""")


# A role before a name: "Chaplain Ines Varga visited", "per trooper Okafor", "Prescriber
# Dana Whitlock"; a role word is never the name's first word
ROLE_WORDS11 = _w("""chaplain prescriber trooper officer deputy sergeant sgt caseworker pharmacist
    therapist courier guarantor presenter""")
RX_ROLE_NAME11 = re.compile(
    rf"\b(?i:chaplain|prescriber|trooper|officer|deputy|sergeant|sgt\.?|caseworker|pharmacist"
    rf"|therapist|courier)[ \t]+({NW}(?:[ \t]+{NW}){{0,2}})(?![\w'’-])"
)
TRIGGERS["ROLE11"] = _w("""chaplain prescriber trooper officer deputy sergeant sgt caseworker
    pharmacist therapist courier""")
# dotted initials before a verb: "; R.W. prefers DNR"
RX_INITIALS_VERB11 = re.compile(
    r"(?<![\w.])((?:[A-Z]\.){2,3})(?=[ \t]+(?:[a-z]{2,}(?:s|ed)|is|was|has|had)\b)"
)
# ALL-CAPS LAST, FIRST before a registration abbreviation: "REG: OKAFOR, BEA H# 123"
RX_CAPS_BEFORE_REG11 = re.compile(
    rf"(?<![\w'’-])((?:{CAPS_WORD})(?:[ -]{CAPS_WORD})?,[ \t]*{CAPS_WORD}(?:[ \t]+[A-Z]\.?)?)"
    rf"[ \t]+$"
)
RX_CAPS_REG_HINT11 = re.compile(r"(?:H#|MRN|MR[ \t]*#|DOB|FIN|ACCT|SSN)(?![\w])")
# a dot between two capitals, each with its dot: where dotted initials can be ("R.W.")
RX_DOTTED_HINT11 = re.compile(r"\.(?<=[A-Z]\.)[A-Z]\.")


def _initials_mentions11(text: str, found: list[Finding]) -> list:
    """Dotted initials found mark the same letters written without dots, and the other way."""
    forms: set[str] = set()
    found_forms: set[str] = set()  # found without dots: the dotted form is looked for
    for f in found:
        if f.category != "NAME":
            continue
        span = text[f.start : f.end]
        letters = span.replace(".", "").replace(" ", "")
        if 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper():
            forms.add(letters)
            if "." not in span:
                found_forms.add(letters)
    out: list = []
    for letters in forms:
        dotted = "".join(c + "." for c in letters)
        for form in (dotted,) if letters in found_forms else (letters,):
            start = 0
            while (i := text.find(form, start)) >= 0:
                start = i + len(form)
                before = text[i - 1 : i]
                after = text[start : start + 1]
                if (before.isalnum() or before == ".") or (form == letters and after.isalnum()):
                    continue
                if form == letters and after == ".":
                    continue
                out.append((i, i + len(form), "NAME", 0.6))
    return out


def _ending_at(rx: re.Pattern, text: str, pos: int, width: int) -> re.Match | None:
    """A match of `rx` (a pattern ending in `$`) that ends at `pos`, read within `width`."""
    return rx.search(text, max(0, pos - width), pos)  # "$" matches at pos; offsets the text's


def _round11(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    if "+" in text:
        for m in RX_PHONE_PLUS11.finditer(text):
            s = m.start()
            digits = sum(c.isdigit() for c in m.group())
            if 8 <= digits <= 15 and not RX_CODE_BEFORE10.search(text, max(0, s - 24), s):
                out.append((s, m.end(), "PHONE", 0.8))
    for m in _triggered(RX_PHONE_CUED11, "PHC11", text, words_ix):
        out.append((m.start(1), m.end(1), "PHONE", 0.8))
    for m in _triggered(RX_SSN_CUED11, "SSN11", text, words_ix):
        if not RX_MASKED11.match(m.group(1)):  # "XXX-XX-4471": the partial SSN rule's
            out.append((m.start(1), m.end(1), "SSN", 0.85))
    for m in _triggered(RX_ID_CUED11, "IDC11", text, words_ix):
        out.append((m.start(1), m.end(1), "ID", 0.8))
    if (keys & _FIRM_KEYS11 or "S." in text or "s.r" in text) and RX_FIRM_HINT11.search(text):
        for m in RX_FIRM11.finditer(text):
            words = re.findall(r"[\w'’]+", m.group(1))
            while words and ctx.low(words[0]) in _FIRM_LABELS11:
                words.pop(0)
            if not words:
                continue
            s = m.start(1) + m.group(1).index(words[0])
            if _is_placeholder(" ".join(words)) or all(w.isupper() and len(w) <= 4 for w in words):
                continue  # "ABCD Inc."
            if any(
                ctx.is_last(w) or (not ctx.is_common(w) and not ctx.is_clinical(w)) for w in words
            ):
                out.append((s, m.end(), "FACILITY", 0.8))
    for m in _triggered(RX_FIRM_SURNAMES11, "EMP11", text, words_ix):
        out.append((m.start(1), m.end(1), "FACILITY", 0.75))
    for pos in words_ix.at(TRIGGERS["PRAC11"]):
        head = RX_PRACTICE_HEAD11.match(text, pos)
        if not head:
            continue
        b = _ending_at(RX_PRACTICE_NAME11, text, pos, 60)
        if not b:
            continue
        first = b.group(1).split()[0]
        if (ctx.is_last(first) or not ctx.is_common(first)) and not ctx.is_clinical(first):
            out.append((b.start(1), head.end(), "FACILITY", 0.75))
    if "(" in text:
        for p in RX_DEMO_PAREN11.finditer(text):
            b = _ending_at(RX_NAME_DEMOGRAPHIC11, text, p.start(), 60)
            if b:
                out.append((b.start(1), b.end(1), "NAME", 0.8))
        for m in _triggered(RX_REL_PAREN11, "REL11", text, words_ix):
            if not ctx.is_clinical(m.group(1)) and not ctx.is_common(m.group(1).split()[0]):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
    for pos in words_ix.at(TRIGGERS["DOB11"]):
        if not RX_DOB_AT11.match(text, pos):
            continue
        b = _ending_at(RX_NAME_BEFORE_DOB11, text, pos, 80)
        if not b:
            continue
        words = b.group(1).split()
        if all(ctx.plausible_name_word(w, True) for w in words if len(w) > 2) and any(
            ctx.is_name(w) for w in words
        ):
            out.append((b.start(1), b.end(1), "NAME", 0.8))
    for m in _triggered(RX_INITIALS_ROLE11, "INR11", text, words_ix):
        v = m.group(1).replace(" ", "").replace(".", "")
        if (
            v.lower() not in NOT_INITIALS
            and v not in _ROLE_LETTERS11
            and not (m.group(1).isalpha() and (ctx.is_clinical(v) or v.lower() in ctx.lex.common))
        ):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if ("'" in text or "’" in text) and RX_DOTTED_HINT11.search(text):
        for m in RX_INITIALS_POSS11.finditer(text):
            if m.group(1).replace(".", "").lower() not in NOT_INITIALS:
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    for pos in words_ix.at(TRIGGERS["SUBJ11"]):
        b = _ending_at(RX_FIRST_SUBJECT11, text, pos, 40)
        w = b.group(1) if b else ""
        if b and ctx.is_first(w) and not ctx.is_clinical(w) and not ctx.is_common(w):
            out.append((b.start(1), b.end(1), "NAME", 0.7))
    for rx in (RX_VOCATIVE11, RX_SIGNOFF11):
        for m in rx.finditer(text):
            w = m.group(1)
            if ctx.is_first(w) and not ctx.is_clinical(w) and not ctx.is_common(w):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    for m in _triggered(RX_SEE_FIRST11, "SEE11", text, words_ix):
        w = m.group(1)
        if ctx.is_first(w) and not ctx.is_clinical(w) and not ctx.is_common(w):
            out.append((m.start(1), m.end(1), "NAME", 0.65))
    if "[" in text:
        for m in RX_CHAT_HANDLE11.finditer(text):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    for m in _triggered(RX_USER11, "USER11", text, words_ix):
        v = m.group(1)
        if not ctx.is_common(v) and (ctx.is_name(v) or any(c in v for c in "._0123456789")):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    for m in _triggered(RX_STREET_HEAD_FIRST11, "HEAD11", text, words_ix):
        out.append((m.start(), m.end(), "ADDRESS", 0.75))
    if keys & TRIGGERS["FR11"]:
        _cands_from(RX_FRENCH_STREET11, text, "ADDRESS", 0.75, 0, out)
    if "POB" in text:
        _cands_from(RX_POB11, text, "ADDRESS", 0.8, 0, out)
    for m in _triggered(RX_ROLE_NAME11, "ROLE11", text, words_ix):
        if all(ctx.plausible_name_word(w, True) for w in m.group(1).split()):
            out.append((m.start(1), m.end(1), "NAME", 0.75))
    if RX_DOTTED_HINT11.search(text):
        for m in RX_INITIALS_VERB11.finditer(text):
            if m.group(1).replace(".", "").lower() not in NOT_INITIALS:
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "," in text:
        for h in RX_CAPS_REG_HINT11.finditer(text):
            b = _ending_at(RX_CAPS_BEFORE_REG11, text, h.start(), 60)
            words = re.findall(r"[\w'’]+", b.group(1)) if b else []
            if (
                b
                and any(ctx.is_name(w) for w in words)
                and not any(ctx.is_clinical(w) for w in words)
            ):
                out.append((b.start(1), b.end(1), "NAME", 0.75))
    if "/" in text:
        for m in _triggered(RX_MD_CUED11, "MD11", text, words_ix):
            out.append((m.start(1), m.end(1), "DATE", 0.8))


# ----------------------------------------------------------------------------- cue table
# Tests that veto a cue rule's match (True: not an identifier).
def _age_hint(text: str, low: str) -> bool:
    return bool(RX_AGE_NUM.search(text)) or "ninety" in low or "hundred" in low


def _common_pair(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return any(ctx.is_common(w) or ctx.is_clinical(w) for w in m.group(1, 2))


def _too_few_digits(ctx: _Ctx, text: str, m: re.Match) -> bool:
    v = m.group(1)
    return not (sum(c.isdigit() for c in v) >= 4 and sum(c.isalnum() for c in v) >= 5)


def _spine_level(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return bool(RX_SPINE_LEVELS.fullmatch(m.group(1)))  # "plate C3-C5" is hardware


def _common_employer(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = m.group(1).split()
    return all(ctx.is_common(w) or ctx.is_clinical(w) for w in words if w not in ("&", "of"))


def _not_initials(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return re.sub(r"\s", "", m.group(1)).upper() in NOT_INITIALS


def _not_given_name(ctx: _Ctx, text: str, m: re.Match) -> bool:
    w = m.group(1)
    return not (ctx.is_first(w) and not ctx.is_common(w) and not ctx.is_clinical(w))


def _not_last_first(ctx: _Ctx, text: str, m: re.Match) -> bool:
    parts = re.findall(r"[^\s,]+", m.group(1))
    return not (
        all(not ctx.is_clinical(p) and p.lower() not in FUNCTION_WORDS for p in parts)
        and any(ctx.is_name(p) for p in parts)
    )


def _not_over_89(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return not 90 <= int(m.group()) <= 120


def _not_route_prefix(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return m.group()[:2] not in _ROUTE_PREFIXES


def _clinical_road(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return any(ctx.is_clinical(w) for w in m.group(1).split()[:-1])


def _not_from_town(ctx: _Ctx, text: str, m: re.Match) -> bool:
    name = m.group(1)
    return not (
        _town_shape_ok(ctx, name)
        and not ctx.followed_by_head(m.end(1))
        and name.lower() not in MONTH_WORDS
        and not ctx.is_clinical(name.split()[0])
    )


def _no_vehicle_near(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return not (
        RX_VEHICLE_NEAR.search(text, max(0, m.start() - 60), m.start())
        or RX_VEHICLE_NEAR.search(text, m.end(), m.end() + 40)
    )


def _not_place_owner(ctx: _Ctx, text: str, m: re.Match) -> bool:
    w = m.group(1)
    return w.lower() in FUNCTION_WORDS or ctx.is_clinical(w) or w.lower() in MONTH_WORDS


def _not_lower_road(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return any(w in FUNCTION_WORDS or ctx.is_clinical(w) for w in m.group(1).split())


def _not_cued_town(ctx: _Ctx, text: str, m: re.Match) -> bool:
    name = m.group(1)
    if name.lower().startswith("the "):
        if " up " not in m.group():
            return True
        name = name[4:]
    return not (
        _town_shape_ok(ctx, name)
        and not ctx.followed_by_head(m.end(1))
        and not re.match(r"[ \t]+(?:[A-Z][a-z]+|\d)", text[m.end(1) : m.end(1) + 4])
        and name.lower() not in _NOT_PLACES6
    )


def _not_fac_after_prep(ctx: _Ctx, text: str, m: re.Match) -> bool:
    words = m.group(1).split()
    return not (
        len(words) >= 2
        and _fac_words_ok6(ctx, " ".join(words[:-1]), len(words) >= 3)
        and not ctx.is_clinical(words[0])
        and not any(w.lower() in _HOSPITAL_PARTS6 for w in words[:-1])
        and not RX_HOSPITAL_PART_AFTER6.match(text, m.end(1))
    )


def _not_lower_fac(ctx: _Ctx, text: str, m: re.Match) -> bool:
    lead = m.group(1).split()[0]
    return (
        lead in FUNCTION_WORDS
        or lead in GENERIC_FAC
        or lead in _NOT_FAC_LEAD6
        or ctx.is_clinical(lead)
    )


def _not_fac_the(ctx: _Ctx, text: str, m: re.Match) -> bool:
    seg = m.group(1)
    words = seg.split()
    return not (
        (len(words) >= 2 or any(c.isdigit() for c in seg))
        and _fac_words_ok6(ctx, seg)
        and not any(ctx.is_clinical(w) or w.lower() in _HOSPITAL_PARTS6 for w in words)
        and not any(ctx.low(w) in GENERIC_FAC for w in words)
        and not ctx.followed_by_head(m.end(1))
        and not RX_HOSPITAL_PART_AFTER6.match(text, m.end(1))
        and not all(ctx.is_common(w) for w in words if not w.isdigit())
    )


def _not_nickname(ctx: _Ctx, text: str, m: re.Match) -> bool:
    w = m.group(1)
    return w.lower() in FUNCTION_WORDS or ctx.is_clinical(w) or w.lower() in _NOT_NAMES6


def _clinical_alias(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return any(ctx.is_clinical(m.group(i)) for i in (2, 3))


def _not_first_initial(ctx: _Ctx, text: str, m: re.Match) -> bool:
    w = m.group(1)
    return not (ctx.is_first(w) and not ctx.is_clinical(w) and w.lower() not in FUNCTION_WORDS)


def _not_dotted_initials(ctx: _Ctx, text: str, m: re.Match) -> bool:
    return m.group().replace(" ", "") in NOT_INITIALS or m.group().lower() in _NOT_NAMES6


_ROAD_WORDS5 = _w("road rd route rte highway hwy lane ln")

# Every cue-led rule of rounds 4-6, grouped by the stage (recogniser) that applies it; within a
# stage, rules run in this order. A new cue is a new row.
CUE_RULES: tuple[CueRule, ...] = (
    # --- round 4: ages, numbers, labels, date shapes, handles, serials, plates
    CueRule("ages4", RX_AGE_STATED, "AGE", 0.8, cue="AGES", needs=_age_hint),
    CueRule("ages4", RX_AGE_AFTER_NAME, "AGE", 0.75, group=3, hint=RX_AGE_NUM, veto=_common_pair),
    CueRule("numbers4", RX_SSN_SOCIAL, "SSN", 0.85, chars=("ocial", "OCIAL")),
    CueRule("numbers4", RX_LAST4, "SSN", 0.8, cue="LAST", near=(RX_SSN_NEAR, 80)),
    CueRule("ordinal4", RX_DATE_ORDINAL_WORDS, "DATE", 0.8, 0, "ORD", words=MONTH_WORDS),
    CueRule("record4", RX_RECORD_CUE, "ID", 0.75, cue="RECORD", veto=_too_few_digits),
    CueRule("leader4", RX_SSN_BROKEN, "SSN", 0.85, cue="SSNB", chars=("\n",)),
    CueRule("agep4", RX_AGE_OF_PERSON, "AGE", 0.8, cue="AGEP"),
    CueRule("dshape4", RX_DAY_ORDINAL, "DATE", 0.7, chars=("the",), near=(RX_DAY_ORDINAL_CUE, 12)),
    CueRule("dshape4", RX_MD, "DATE", 0.7, near=(RX_MD_CUE, 16)),
    CueRule("serials4", RX_HANDLE, "URL", 0.8, 0, chars=("@",)),
    CueRule("serials4", RX_SN_ANY, "DEVICE", 0.8, cue="SNX"),
    CueRule("serials4", RX_PLATE_CUED, "VEHICLE", 0.75, cue="PLATE", veto=_spine_level),
    CueRule("work4", RX_FAC_WORSHIP, "FACILITY", 0.75, 0, chars=("Masjid", "Kingdom")),
    CueRule("work4", RX_EMPLOYER, "FACILITY", 0.7, cue="EMPL", veto=_common_employer),
    CueRule(
        "initl4",
        RX_INITIALS_LABEL,
        "NAME",
        0.7,
        cue="INITL",
        chars=(":",),
        veto=_not_initials,
    ),
    CueRule(
        "clock4",
        RX_TIME_FIRST_NAME,
        "NAME",
        0.7,
        hint=RX_TIME_NAME_HINT,
        veto=_not_given_name,
    ),
    CueRule("nicknames4", RX_NICKNAME, "NAME", 0.8, chars=('"', "“")),
    CueRule("chat4", RX_CHAT_LINE, "NAME", 0.7, chars=(":",), veto=_not_given_name),
    CueRule(
        "chat4",
        RX_LAST_FIRST_CUED,
        "NAME",
        0.75,
        cue="LASTFIRST",
        chars=(",",),
        veto=_not_last_first,
    ),
    # --- round 5: SSN separators and masks, ages, dates, roads
    CueRule("numbers5", RX_SSN_SEPARATED, "SSN", 0.85, cue="SSN5"),
    CueRule("numbers5", RX_SSN_COMMAS, "SSN", 0.85, cue="SSN5", chars=(",",)),
    CueRule("numbers5", RX_SSN_LAST4_SOCIAL, "SSN", 0.85, cue="SSN5"),
    CueRule("numbers5", RX_SSN_MASKED, "SSN", 0.85, chars=("-",)),
    CueRule("numbers5", RX_AGE_OF_RELATIVE, "AGE", 0.75, cue="AGER5"),
    CueRule("numbers5", RX_AGE_WORDS5, "AGE", 0.75, lower=("ninety", "hundred")),
    CueRule(
        "numbers5",
        RX_AGE_SEX_START,
        "AGE",
        0.75,
        0,
        near=(RX_LINE_START_BEFORE, 4),
        veto=_not_over_89,
    ),
    CueRule("numbers5", RX_AGE_YO_SEX, "AGE", 0.8, lower=("yo", "y/o")),
    CueRule("dotted5", RX_DATE_DOTTED, "DATE", 0.75, 0, chars=(".",)),
    CueRule("dates5", RX_DAY_ORDINAL_WORD, "DATE", 0.7, cue="DORD5", words=_DAY_ORDINAL_WORDS),
    CueRule("dates5", RX_MD_RETURN, "DATE", 0.7, cue="MDR5", chars=("/",)),
    CueRule("dates5", RX_DAY_NEXT_MONTH, "DATE", 0.7, lower=("month",)),
    CueRule("roads5", RX_RURAL_BOX, "ADDRESS", 0.85, 0, "BOX5", words=_w("box bx")),
    CueRule("roads5", RX_NUMBERED_ROAD, "ADDRESS", 0.85, 0, "ROADN5", words=_ROAD_WORDS5),
    CueRule(
        "roads5",
        RX_STATE_ROUTE,
        "ADDRESS",
        0.75,
        0,
        chars=("-",),
        near=(RX_ROUTE_CUE_BEFORE, 12),
        veto=_not_route_prefix,
    ),
    CueRule("roads5", RX_ROAD_AFTER_CUE, "ADDRESS", 0.75, cue="ROAD5", veto=_clinical_road),
    CueRule("relp5", RX_REL_PAREN_INITIAL, "NAME", 0.75, cue="RELP5", chars=("(",)),
    CueRule("titlep5", RX_TITLE_PARTICLE, "NAME", 0.8, cue="TITLEP"),
    CueRule("from_town5", RX_FROM_TOWN, "LOCATION", 0.65, cue="FROM5", veto=_not_from_town),
    # --- round 6: licences, plates, phones, ages, dates, roads, places
    CueRule("numbers6", RX_ID_CUE6, "ID", 0.75, cue="IDC6"),
    CueRule(
        "numbers6", RX_PLATE_STATE6, "VEHICLE", 0.7, words=_VEHICLE_WORDS6, veto=_no_vehicle_near
    ),
    CueRule("numbers6", RX_PLATE_WORD6, "VEHICLE", 0.7, words=_w("plate tag"), veto=_spine_level),
    CueRule("numbers6", RX_PHONE7_CUE6, "PHONE", 0.75, cue="PH7", hint=RX_PHONE7_HINT6),
    CueRule("numbers6", RX_SS_LAST4_6, "SSN", 0.8, words=_w("last")),
    CueRule(
        "numbers6",
        RX_PLACE_OF6,
        "NAME",
        0.7,
        cue="PLACEOF6",
        chars=("'", "’"),
        veto=_not_place_owner,
    ),
    CueRule("more6", RX_AGE_SEX6, "AGE", 0.75, not_near=(RX_TEMPERATURE_BEFORE6, 24)),
    CueRule(
        "more6",
        RX_AGE_LABEL6,
        "AGE",
        0.75,
        cue="AGEL6",
        not_near=(RX_TEMPERATURE_BEFORE6, 24),
    ),
    CueRule(
        "more6",
        RX_AGE_ANOS6,
        "AGE",
        0.75,
        lower=("años",),
        not_near=(RX_TEMPERATURE_BEFORE6, 24),
    ),
    CueRule(
        "more6",
        RX_AGE_AT6,
        "AGE",
        0.75,
        cue="AGEAT6",
        not_near=(RX_TEMPERATURE_BEFORE6, 24),
    ),
    CueRule(
        "more6",
        RX_AGE_PAREN6,
        "AGE",
        0.75,
        lower=("ninety", "hundred"),
        not_near=(RX_TEMPERATURE_BEFORE6, 24),
    ),
    CueRule("more6", RX_AGE_IS6, "AGE", 0.7, cue="AGEIS6", also=2),
    CueRule("more6", RX_MD_WEEKDAY6, "DATE", 0.75, 0, "WEEKDAY6", chars=("/",)),
    CueRule("more6", RX_MD_EVENT6, "DATE", 0.7, cue="MDE6"),
    CueRule("more6", RX_YMD_COMPACT6, "DATE", 0.7, hint=RX_YMD_HINT6),
    CueRule("more6", RX_MID_MONTH6, "DATE", 0.7, chars=("-",), words=_w("mid early late")),
    CueRule("more6", RX_HOLIDAY6, "DATE", 0.6, cue="HOLIDAY6", words=_HOLIDAY_WORDS6),
    CueRule("more6", RX_ROAD_NAMED6, "ADDRESS", 0.75, cue="ROADN6"),
    CueRule("more6", RX_ROAD_LOWER6, "ADDRESS", 0.7, cue="ROADL6", veto=_not_lower_road),
    CueRule("more6", RX_ROAD_NUMBERED6, "ADDRESS", 0.75, cue="ROADS6"),
    CueRule(
        "more6",
        RX_PARK_LOT6,
        "ADDRESS",
        0.8,
        0,
        words=_w("mhp koa campground park court"),
    ),
    CueRule("more6", RX_PO_BOX_ANY6, "ADDRESS", 0.85, 0, words=_w("box")),
    CueRule("more6", RX_PLACE_CUE6, "LOCATION", 0.65, cue="PLACE6", veto=_not_cued_town),
    CueRule("lives_lower6", RX_LIVES_LOWER6, "LOCATION", 0.7, words=_w("lives"), also=2),
    CueRule(
        "facilities6", RX_FAC_AFTER_PREP6, "FACILITY", 0.7, cue="FACP6", veto=_not_fac_after_prep
    ),
    CueRule("facilities6", RX_FAC_LOWER6, "FACILITY", 0.65, cue="FACL6", veto=_not_lower_fac),
    CueRule(
        "facilities6",
        RX_FAC_THE6,
        "FACILITY",
        0.65,
        cue="FACT6",
        words=_w("the"),
        veto=_not_fac_the,
    ),
    CueRule("nicknames6", RX_REL_PAREN6, "NAME", 0.75, chars=("(",), veto=_not_nickname),
    CueRule(
        "nicknames6",
        RX_GOES_BY6,
        "NAME",
        0.75,
        cue="GOESBY6",
        words=_w("goes known aka a nicknamed"),
        veto=_not_nickname,
    ),
    CueRule(
        "nicknames6",
        RX_QUOTED_NICK6,
        "NAME",
        0.75,
        cue="QNICK6",
        chars=("'", "‘", '"', "“"),
        veto=_not_nickname,
    ),
    CueRule("nicknames6", RX_ALIAS_INSIDE6, "NAME", 0.75, 0, chars=("(",), veto=_clinical_alias),
    CueRule(
        "nicknames6",
        RX_FIRST_INITIAL6,
        "NAME",
        0.7,
        0,
        hint=RX_INITIAL_HINT6,
        veto=_not_first_initial,
    ),
    CueRule(
        "nicknames6", RX_DOTTED_INITIALS6, "NAME", 0.7, 0, chars=(".",), veto=_not_dotted_initials
    ),
    # --- round 7: phones read out, day-first and Spanish dates, m/d after "due", holidays,
    # lower-case rural roads, names after parents, technicians and "lives with"
    CueRule("round7", RX_SPOKEN_PHONE7, "PHONE", 0.75, cue="SPOKEN7", words=_DIGIT_WORDS7),
    CueRule("round7", RX_DATE_DMY7, "DATE", 0.75, chars=(".",)),
    CueRule("round7", RX_DATE_ES7, "DATE", 0.75, words=_MESES7),
    CueRule("round7", RX_MD_DUE7, "DATE", 0.7, cue="DUE7", chars=("/",)),
    CueRule("round7", RX_HOLIDAY7, "DATE", 0.6, cue="HOLIDAY7", words=_HOLIDAY_WORDS6),
    CueRule("round7", RX_ROAD_LOWER7, "ADDRESS", 0.7, cue="ROADL7", veto=_not_road7),
    CueRule("round7", RX_ROAD_NUMBERED7, "ADDRESS", 0.7, cue="ROADS7"),
    CueRule("round7", RX_ROLE_NAME7, "NAME", 0.75, cue="ROLE7", veto=_not_role_name7, also=2),
    CueRule("round7", RX_TITLE_LOWER7, "NAME", 0.7, cue="TITLEL7", veto=_not_lower_surname7),
    CueRule("round7", RX_FAX_TO7, "FACILITY", 0.7, cue="FAXTO7", veto=_not_addressee7),
    CueRule("round7", RX_STORE_NUMBER7, "FACILITY", 0.75, cue="CHAIN7", glued=True, chars=("#",)),
    CueRule("round7", RX_VIVE_EN7, "LOCATION", 0.7, cue="VIVE7", veto=_not_spanish_place7),
    CueRule("round7", RX_ROUTING_ROW7, "FACILITY", 0.7, chars=(" - ", " – "), veto=_not_routing7),
    CueRule(
        "round7",
        RX_WORD_NAME_SUBJECT7,
        "NAME",
        0.65,
        words=_w("poa texted called brought shared doing sober pregnant"),
        veto=_not_word_name7,
    ),
    # --- round 8: social security numbers grouped any way, initials after "initials",
    # rural boxes in lower case, a town after a person's age and "from"
    CueRule("round8", RX_SSN_ANY_GROUPS8, "SSN", 0.85, cue="SSN8"),
    CueRule("round8", RX_INITIALS_LABEL8, "NAME", 0.7, cue="INIT8", veto=_not_initials),
    CueRule("round8", RX_RURAL_BOX_LOWER8, "ADDRESS", 0.8, 0, "BOX8", words=_w("box")),
    CueRule("round8", RX_FROM_AFTER_PERSON8, "LOCATION", 0.65, cue="FROM8", veto=_not_town8),
    CueRule("round8", RX_STORE_CHAIN8, "FACILITY", 0.7, cue="CHAIN7", glued=True, chars=("#",)),
    CueRule("round8", RX_PHONE_DASHES8, "PHONE", 0.8, chars=("–", "—")),
    CueRule("round8", RX_PHONE_BROKEN8, "PHONE", 0.75, cue="PHB8", chars=("\n",)),
    CueRule("round8", RX_MD_EVENT8, "DATE", 0.7, cue="MDE8", chars=("/",)),
    CueRule("round8", RX_MD_NOTE8, "DATE", 0.7, words=_w("note"), chars=("/",)),
    CueRule("round8", RX_SPOKEN_DATE8, "DATE", 0.7, cue="MONTHS8", words=_ORDINAL_WORDS8),
    # --- round 9: names after a subject line's dash and in a pipe cell; towns after strong
    # place cues; highway addresses; dates, phone numbers, partial numbers, licences, serials
    # and plates in the shapes and after the cues of set H's misses
    CueRule("round9", RX_SUBJECT_NAME9, "NAME", 0.65, words=_w("subject re")),
    CueRule("round9", RX_PIPE_LAST_FIRST9, "NAME", 0.7, chars=("|",), veto=_not_pipe_name9),
    CueRule("round9", RX_PLACE_STRONG9, "LOCATION", 0.6, cue="PLACE9", veto=_not_town_strong9),
    CueRule("round9", RX_LIVES_LOWER9, "LOCATION", 0.6, words=_w("lives"), veto=_not_lower_town9),
    CueRule(
        "round9",
        RX_HWY_ADDRESS9,
        "ADDRESS",
        0.75,
        0,
        words=_w("hwy highway route rte road rd cr mile mm"),
    ),
    CueRule("round9", RX_CP9, "LOCATION", 0.75, chars=("C.P.",)),
    CueRule("round9", RX_MON_DAY_YEAR9, "DATE", 0.75, cue="MON9", chars=("-",)),
    CueRule("round9", RX_MMDDYYYY9, "DATE", 0.7, cue="MMDD9"),
    CueRule("round9", RX_MD_EVENT9, "DATE", 0.7, cue="MDE9", chars=("/",)),
    CueRule("round9", RX_MD_LETTER9, "DATE", 0.7, words=_w("dear"), chars=("/",)),
    CueRule("round9", RX_DATE_BROKEN9, "DATE", 0.7, cue="DOB9", chars=("\n",)),
    CueRule("round9", RX_BIRTH_MD, "DATE", 0.7, cue="BIRTHMD", chars=("-", "/", ".", "\\")),
    CueRule("round9", RX_INITIALS_WORD, "NAME", 0.7, cue="INITIALSWORD", veto=_staff_credential25),
    CueRule("round9", RX_EMAIL_SPELLED, "EMAIL", 0.9, 0, needs=_spells_an_email),
    CueRule("round9", RX_ACCESSION_CUED, "ID", 0.75, cue="ACCESSIONCUED"),
    CueRule("round9", RX_PHONE_ODD_PH, "PHONE", 0.8, cue="PHODD"),
    CueRule("round9", RX_HANDLE_LABELLED, "URL", 0.75, 2, cue="HANDLELABEL", veto=_handle_a_word),
    CueRule("round9", RX_ZIP4_BARE, "LOCATION", 0.75, 0, chars=("-",)),
    CueRule(
        "round9",
        RX_TOWN_RESIDENT,
        "LOCATION",
        0.7,
        words=_w("resident residents"),
        veto=_resident_no_town,
    ),
    CueRule(
        "round9",
        RX_PHONE_BROKEN9,
        "PHONE",
        0.7,
        words=_w("phone tel ph cell mobile"),
        chars=("\n",),
        veto=_not_phone_digits9,
    ),
    CueRule("round9", RX_PHONE_CUED9, "PHONE", 0.7, cue="PH9", veto=_not_phone9),
    CueRule("round9", RX_PHONE_AFTER_ROLE9, "PHONE", 0.7, chars=("(", "@"), veto=_not_phone9),
    CueRule("round9", RX_SSN_LAST4_9, "SSN", 0.8, cue="LAST9"),
    CueRule("round9", RX_ID_ENDING9, "ID", 0.75, words=_w("ending ends")),
    CueRule("round9", RX_RECORD_NUMBER_IS9, "ID", 0.75, cue="RECORD9"),
    CueRule("round9", RX_LICENSE_PREFIX9, "ID", 0.75, words=_w("license licence lic permit")),
    CueRule("round9", RX_SERIAL_SN9, "DEVICE", 0.8, chars=("SN",)),
    CueRule(
        "round9", RX_VEHICLE_REG9, "VEHICLE", 0.75, words=_w("reg registration plate plates tag")
    ),
)
_STAGES: dict[str, tuple[CueRule, ...]] = {}
for _rule in CUE_RULES:
    _STAGES[_rule.stage] = (*_STAGES.get(_rule.stage, ()), _rule)
# stages with a rule that reads the lower-cased text
_STAGE_LOWER = {
    st: any(r.lower or r.needs is not None for r in rules) for st, rules in _STAGES.items()
}


# ----------------------------------------------------------------------------- resolution
def _resolve(text: str, cands: list) -> list[Finding]:
    cands.sort(key=lambda c: (-_PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    taken = _KeptSpans()
    result: list[Finding] = []
    for s, e, cat, conf in cands:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1] in " \t\n,;:":
            e -= 1
        if e <= s:
            continue
        if taken.overlaps(s, e):
            continue
        seg = text[s:e]
        if RX_BRACKET.fullmatch(seg) or _in_brackets(text, s, e):
            continue
        if (
            cat in ("NAME", "LOCATION", "FACILITY")
            and _is_placeholder(seg)
            and not RX_REAL_INITIALS.fullmatch(seg)
            and not RX_SPELLED_OUT13.fullmatch(seg)  # "Q-U-I-L-L": a name spelled out
            and not (cat == "LOCATION" and any(c.isdigit() for c in seg))  # "S6H 4P1"
        ):
            continue
        taken.add(s, e)
        result.append(Finding(s, e, cat, conf))
    result.sort(key=lambda f: (f.start, f.end))
    return result


class _KeptSpans:
    """Spans kept so far, none overlapping another, sorted: a new span is tested against them
    by bisection, not one by one (a long text has tens of thousands of candidates)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []  # sorted too, as the spans do not overlap

    def overlaps(self, s: int, e: int) -> bool:
        # only the last span starting before e can reach past s
        i = bisect_left(self.starts, e)
        return i > 0 and self.ends[i - 1] > s

    def add(self, s: int, e: int) -> None:
        i = bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span overlaps any of ``spans`` (which may overlap each other), by bisection
    over their starts and the greatest end so far."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)

    def overlaps(s: int, e: int) -> bool:
        i = bisect_left(starts, e)
        return i > 0 and reach[i - 1] > s

    return overlaps


RX_REAL_INITIALS = re.compile(r"(?:[A-WYZ]\.\s?){1,2}[A-WYZ]\.?|[A-WYZ]{2,3}")


def _in_brackets(text: str, s: int, e: int) -> bool:
    lb = text.rfind("[", max(0, s - 32), s + 1)
    if lb < 0:
        return False
    rb = text.find("]", e - 1, e + 32)
    if rb < 0:
        return False
    inner = text[lb + 1 : rb]
    return bool(re.fullmatch(r"[A-Z_ /-]{2,30}", inner))


def scan(text: str) -> list[Finding]:
    """Return identifier findings in ``text``, sorted by start and non-overlapping."""
    short = len(text) <= _SHORT
    if short and text in _CLEAN_SHORT:
        return []
    # The rules read ASCII digits, dashes, spaces and letters; what the text writes with other
    # characters of the same meaning (full-width digits, a non-breaking hyphen or space, an en
    # dash, a dotless or dotted i) is read as those, one character for one, so every offset
    # found is an offset of the text as given.
    found = _scan(text if text.isascii() else text.translate(_FOLD))
    if short and not found:
        if len(_CLEAN_SHORT) >= _CLEAN_SHORT_MAX:
            _CLEAN_SHORT.clear()  # rarely: a bound, not an order of eviction
        _CLEAN_SHORT.add(text)
    return found


def _fold_table() -> dict[int, str]:
    # Full-width forms, mathematical letters and digits, spaces, hyphens and dashes, and the
    # letters that match "i", "s" and "k" in any case. Not superscripts ("10³/µL" is a count).
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    for code in range(0x1D400, 0x1D800):
        same = unicodedata.normalize("NFKC", chr(code))
        if len(same) == 1 and same.isascii():
            table[code] = same
    spaces = (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
    table.update({code: " " for code in spaces})
    # Not the em dash nor the bar: between words they part them ("Smith—she"), a hyphen joins.
    table.update({code: "-" for code in (*range(0x2010, 0x2014), 0x2212, 0xFE63)})
    table.update({0x0130: "I", 0x0131: "i", 0x017F: "s", 0x212A: "K"})
    return table


_FOLD = _fold_table()


# Short texts (topic names, titles) come again and again, in one import and across imports
# and saves; the findings depend on the text alone. Only clean ones are remembered: a text
# with identifiers is never kept in memory, and how fast a scan answers tells nothing of one.
_SHORT = 200
_CLEAN_SHORT_MAX = 8192
_CLEAN_SHORT: set[str] = set()


def scan_rules(text: str) -> list[Finding]:
    """The rules' findings alone, without the learned tagger (for its training and scoring)."""
    return _rules(folded(text))


def folded(text: str) -> str:
    """The text as the rules read it (same length, same offsets); see ``scan``."""
    return text if text.isascii() else text.translate(_FOLD)


def _scan(text: str) -> list[Finding]:
    found = _rules(text)
    model = tagger.get()
    if model is None or not text:
        return found
    # The tagger only adds: it reads what the rules found and proposes tokens they left.
    return with_tagger(text, found, model.candidates(text, found))


def with_tagger(text: str, found: list[Finding], added: list) -> list[Finding]:
    """The rules' findings and the tagger's candidates that pass the rules' own vetoes
    (placeholders, look-alikes), none overlapping a rule's finding."""
    if not added:
        return found
    ctx = _Ctx(text)
    added = [
        c
        for c in added
        if not _not_identifier(text, c)
        and not _not_identifier10(ctx, text, c)
        and not _not_identifier11(ctx, text, c)
        and not any(w.lower() in PLACEHOLDER_WORDS for w in RX_LETTERS.findall(text, c[0], c[1]))
        and text[c[0] : c[1]].lower() not in LANGUAGES11  # "English" is no place nor name
        and not _not_identifier13(ctx, text, c)
        and (not _tagger_unlikely12(text, c, found) or _tagger_kept13(text, c))
        and not _tagger_unlikely15(text, c, found)
        and not _not_identifier16(text, c)
        and not _not_identifier17(text, c)
        and not _not_identifier18(ctx, text, c)
        and not _not_identifier20(ctx, text, c)
        and not _not_identifier22(ctx, text, c)
        and not _tagger_scores17(text, c)
        and not _tagger_unlikely26(text, c)
    ]
    if not added:
        return found
    return sorted(found + _resolve(text, added), key=lambda f: (f.start, f.end))


# What a finding of the learned tagger must look like to be kept (round 12, second part). On
# real text the tagger's false alarms were names of tests and scales taken for facilities,
# score and reference ranges, codes and lists of numbers taken for phones and dates, clinical
# words taken for names or streets: a tagger finding is kept when it has the shape of its
# category, or sits against a finding of the rules (the rest of a line the rules began).
_TEST_HEADS12 = _w("""test tests testing trails trail scale scales index score scores inventory
    battery questionnaire checklist criteria subtest subtests assessment assessments survey
    quotient classification screen screening examination exam""")
_FAC_HEADS12 = _w("""hospital hospitals medical clinic clinics center centre centers health
    healthcare care surgery surgical service services partners associates practice group
    university college school elementary academy institute court diagnostics laboratory
    laboratories lab labs pharmacy drug drugs home house manor apartments residence residencia
    rehab rehabilitation hospice church agency department dept infirmary foundation society
    inc llc ltd co corp company store grocery market regional memorial physicians pediatrics
    dental dialysis imaging radiology ward hospitales clinica hopital krankenhaus""")
_FAC_CUES12 = _w("at from to via into")
_NUMBER_WORDS12 = _w("""zero oh one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred""")
_DIGIT_WORDS12 = _w("zero oh one two three four five six seven eight nine")
_DAY_WORDS12 = _w("monday tuesday wednesday thursday friday saturday sunday")
_STREET_EXTRA12 = _w("po box rr route hwy highway county")
# "10-15 degrees", "normal 3150-4500", "1-2 times": a range, not an identifier
RX_RANGE12 = re.compile(r"(\d+(?:\.\d+)?)[ \t]*(?:-|–|to)[ \t]*(\d+(?:\.\d+)?)")
RX_REFERENCE12 = re.compile(r"(?:\b(?:normal|range|ref|reference|nl)\W*|\d[ \t]*\()$", re.I)
RX_RANGE_UNIT12 = re.compile(
    r"[ \t]*(?:times|days?|weeks?|months?|years?|hours?|minutes?|degrees?|mg|mcg|ml|cm|mm"
    r"|kg|%|percent|beats|breaths|units?)(?!\w)",
    re.I,
)
RX_DATE_NUMERIC12 = re.compile(
    r"\d{1,2}[/.]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}-\d{1,2}-\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}"
    r"|\d{6}|\d{8}"
)
RX_YEAR12 = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
RX_ALNUM12 = re.compile(r"[^\W_]+")
_CODE_CUES14 = _w("cpt code codes model icd hcpcs")
RX_COMPOUND14 = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# a procedure or a disease named after people: a name before it is an eponym
# a journal citation's pages, after its year, volume and issue ("2020;135(3):e98-e109")
RX_CITATION_PAGES14 = re.compile(r"(?:19|20)\d\d\s*;\s*\d+\s*+(?:\([^()\n]{1,12}\))?\s*:\s*$")
RX_EPONYM_SUFFIX14 = re.compile(
    r"(?:pexy|ectomy|otomy|ostomy|plasty|rrhaphy|scopy|graphy|itis|osis|pathy|plasia|trophy)$"
)


def _is_range12(text: str, s: int, e: int) -> bool:
    m = RX_RANGE12.search(text, s, e)
    if m and RX_REFERENCE12.search(text, max(0, m.start() - 12), m.start()):
        return True  # a reference range: "(normal 3150-4500)", "B1 210 (87-280)"
    m = RX_RANGE12.fullmatch(text, s, e)
    if not m:
        return False
    a, b = m.group(1), m.group(2)
    if RX_RANGE_UNIT12.match(text, e) or "." in a + b:
        return True
    return len(a) == len(b) <= 4 and float(a) < float(b)


def _month_day12(date: str) -> bool:
    """Whether a numeric date's first two numbers can be a month and a day, either way round
    ("33/19" is a pressure)."""
    parts = [int(x) for x in re.split(r"[/.-]", date) if x]
    if len(parts) < 2 or len(str(parts[0])) == 4:
        return len(parts) != 2
    a, b = parts[0], parts[1]
    return 1 <= min(a, b) <= 12 and 1 <= max(a, b) <= 31


def _singular12(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _digit_count12(words: list[str]) -> int:
    return sum(sum(c.isdigit() for c in w) or (w.lower() in _DIGIT_WORDS12) for w in words)


def _tagger_unlikely12(text: str, cand: tuple, found: list[Finding]) -> bool:
    """A finding of the tagger that lacks its category's shape (see above)."""
    s, e, cat = cand[0], cand[1], cand[2]
    words = RX_ALNUM12.findall(text, s, e)
    if not words or (len(words) == 1 and len(words[0]) == 1 and words[0].islower()):
        return True
    near = [
        f
        for f in found
        if (0 <= s - f.end <= 3 and not any(c.isalnum() for c in text[f.end : s]))
        or (0 <= f.start - e <= 3 and not any(c.isalnum() for c in text[e : f.start]))
    ]
    touches = bool(near)
    lows = [w.lower() for w in words]
    spoken = [i for i, w in enumerate(lows) if w in _DIGIT_WORDS12]
    if len(spoken) >= 4 and all(
        w in _DIGIT_WORDS12 or len(w) == 1 for w in lows[spoken[0] : spoken[-1] + 1]
    ):
        return False  # a number read out, digit by digit ("oh one eight eight")
    if cat == "FACILITY":
        nl = text.find("\n", e)
        after = [w.lower() for w in RX_ALNUM12.findall(text, e, nl if 0 <= nl < e + 60 else e + 60)]
        if any(w in _TEST_HEADS12 for w in lows + after[:2]):
            return True  # "Color Trails", "Boston" of "Boston Naming Test"
        if any(f.category in ("FACILITY", "LOCATION", "ADDRESS") for f in near):
            return False  # the rest of a place the rules began
        if all(w in GENERIC_FAC or w in _FAC_HEADS12 for w in lows):
            return True  # "Health Center": no name in it
        before = [w.lower() for w in RX_ALNUM12.findall(text, max(0, s - 40), s)][-3:]
        return not (
            any(w in _FAC_HEADS12 for w in lows + after[:2])
            or any(w in _FAC_CUES12 for w in before)
        )
    if cat in ("PHONE", "DATE", "ID"):
        if _is_range12(text, s, e) or RX_CITATION_PAGES14.search(text, max(0, s - 40), s):
            return True
        digits = _digit_count12(words)
        if cat == "ID":
            return digits < 2
        if cat == "PHONE":
            at = [i for i, w in enumerate(words) if w.isdigit() or w.lower() in _DIGIT_WORDS12]
            if not at:
                return True
            runs = list(RX_ALNUM12.finditer(text, s, e))[at[0] : at[-1] + 1]
            if any(
                not (m.group().isdigit() or m.group().lower() in _DIGIT_WORDS12) for m in runs
            ) or any(text[x.end() : y.start()].strip(" \t-.()/+") for x, y in pairwise(runs)):
                return True  # words or signs between the numbers: "724.2). Cervicalgia (723.1"
            return digits < 7 and not any(f.category == "PHONE" for f in near)
        # DATE
        if any(w in MONTH_WORDS or w in _DAY_WORDS12 or w in _NUMBER_WORDS12 for w in lows):
            return False
        span = text[s:e]
        return not (
            RX_YEAR12.search(span)
            or any(_month_day12(m.group()) for m in RX_DATE_NUMERIC12.finditer(span))
        )
    if cat == "NAME":
        lex = lexicon.get()
        if all((len(w) == 2 and w.isupper()) or w.lower() in lex.clinical for w in words):
            return True  # "AI" (aortic insufficiency)
        nxt = RX_COMPOUND14.match(text, e + 1) if text[e : e + 1] == " " else None
        if not nxt:
            return False
        head = nxt.group().lower()
        last = head.rsplit("-", 1)[-1]  # "t-tube"
        return (
            _singular12(head) in HEAD_NOUNS  # "Keith needles"
            or _singular12(last) in HEAD_NOUNS
            or bool(RX_EPONYM_SUFFIX14.search(last))  # "... krantz cystourethropexy"
        )
    if cat == "LOCATION" and all(w in MONTH_WORDS for w in lows):
        return True  # "for review in March": a month is no place
    if cat == "LOCATION" and all(w.isdigit() for w in words):
        # a ZIP code alone: after a place's or a street's capitalised word, a state or a
        # finding of the rules ("Collbran (81687)"); procedure codes stand after clinical
        # words, other numbers or "code" ("release (64721)", "C6-C7 (22554", "CPT code 26055")
        if touches:
            return False
        before = RX_ALNUM12.findall(text, max(0, s - 40), s)[-3:]
        if any(w.lower() in _CODE_CUES14 for w in before):
            return True
        prev = before[-1] if before else ""
        gap = text[s - 3 : s] if s >= 3 else text[:s]
        return not (prev.isalpha() and prev[:1].isupper()) or "." in gap
    if cat == "LOCATION":
        # a country is larger than a Safe Harbor place; "German and English" are languages
        return " ".join(lows) in REGIONS10 or all(w in LANGUAGES11 or w == "and" for w in lows)
    if cat == "ADDRESS":
        if touches:
            return False
        lex = lexicon.get()
        # a unit word alone ("side", "lot") needs a capital: "Trlr 9", "Basement Apt"
        street = any(
            low in lex.street_suffixes
            or low in _STREET_EXTRA12
            or (low in lex.unit_designators and w[0].isupper())
            for w, low in zip(words, lows, strict=True)
        )
        before = RX_ALNUM12.findall(text, max(0, s - 12), s)[-1:]
        number = _digit_count12(words + before) > 0
        capital = any(w[0].isupper() for w in words)
        return not (street and (number or capital))
    return False


RX_LETTERS = re.compile(r"[A-Za-z]+")

# Round 15: what the tagger took for names and dates on clean passages. A month after a
# word of time is a month ("For April.", "due in June"); a name before "Act" or "Law" names
# a law ("a Baker Act hold"); "may" and "march" in lower case are words unless a date cue
# stands before them (as the rules read them); a word of two letters in lower case ("ok",
# "hi") is no name.
# ("by" is left out: "reset by April (help desk)" names the one who did it)
_TIME_WORDS15 = _w("""for in until till since from after before through thru during of
    early mid late next last this coming past end""")
_LAW_HEADS15 = _w("act acts law laws amendment amendments statute rule")
RX_WORD_BEFORE15 = re.compile(r"([A-Za-z]+)[^\w\n]{0,3}$")


def _tagger_unlikely15(text: str, cand: tuple, found: Sequence[Finding] = ()) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    words = RX_ALNUM12.findall(text, s, e)
    lows = [w.lower() for w in words]
    if cat == "NAME":
        if (
            len(words) == 1
            and len(words[0]) <= 2
            and words[0].islower()
            # a particle before a name the rules found ("da Conceição-da Cruz, Matheus")
            and not any(0 <= f.start - e <= 1 or 0 <= s - f.end <= 1 for f in found)
        ):
            return True
        if all(w in MONTH_WORDS for w in lows):
            before = RX_WORD_BEFORE15.search(text, max(0, s - 16), s)
            if before and before.group(1).lower() in _TIME_WORDS15:
                return True
        nxt = RX_ALNUM12.match(text, e + 1) if text[e : e + 1] == " " else None
        if nxt and nxt.group()[0].isupper() and nxt.group().lower() in _LAW_HEADS15:
            return True
    if cat == "DATE" and all(w in ("may", "mar", "march") for w in words):
        return not RX_LOWER_MONTH_CUE.search(text, max(0, s - 12), s)
    # "she may 1 day return": the verb before a number, not May the first (round 17)
    if cat == "DATE" and len(words) == 2 and words[0] == "may" and words[1].isdigit():
        return not RX_LOWER_MONTH_CUE.search(text, max(0, s - 12), s)
    # an examination's abbreviation in capitals ("PERLA", "EOMI") is not a name (round 17)
    if cat == "NAME" and len(lows) == 1 and lows[0] in _EXAM_ABBREVIATIONS17:
        return True
    # a number with one check digit after its hyphen ("12518-8^INR^LN") is a LOINC code: a
    # ZIP+4 has four digits after the hyphen (round 16)
    if cat == "LOCATION":
        return bool(RX_LOINC16.fullmatch(text, s, e))
    if cat == "NAME":
        a = text.rfind("\n", 0, s) + 1
        return text[a:e].isupper() and _form_heading16(text, a, e)
    return False


RX_LOINC16 = re.compile(r"\d{3,5}-\d")
_EXAM_ABBREVIATIONS17 = _w("perla perrla perrl perl eomi eom ncat rrr ctab ctax nad nkda")


# ----------------------------------------------------------------------------- round 13
# Set K read by kind: dictated and spelled-out identifiers, national numbers of other
# countries, HL7 patient segments, table columns of plates and user names, research-log
# initials, lower-case addresses in portal messages, tribal lands, and facilities named
# "X of Town". General cues and structure only.
_SPELLED13 = r"(?:[A-Za-z][ -]){2,}[A-Za-z](?![\w-])"
RX_SPELLED_NAME13 = re.compile(
    r"(?i:\b(?:last|first|family|sur)[ \t]?name[ \t]+(?:is[ \t]+)?spelled)[ \t]+("
    + _SPELLED13
    + ")"
)
RX_NAME_BEFORE_SPELLED13 = re.compile(
    rf"(?i:\b(?:note|letter|report|visit)[ \t]+(?:on|for|regarding)|\bpatient)[ \t]+"
    rf"((?:[{LO}{UP}][{LO}{UP}'’-]*[ \t]+){{0,3}}[{LO}{UP}][{LO}{UP}'’-]*),[ \t]+"
    r"(?i:(?:last|first|family|sur)[ \t]?name[ \t]+(?:is[ \t]+)?spelled)"
)
RX_SPELLED_OUT13 = re.compile(r"(?:[A-WYZ][ -]){3,}[A-WYZ]")
RX_SPOKEN_ID13 = re.compile(
    r"(?i:\b(?:medical[ \t]+record|record|chart|account|member|mrn)(?:[ \t]+(?:number|no\.?|#))?)"
    r"[ \t]*+[:#]?[ \t]*((?:[A-Za-z0-9][ \t]){4,}[A-Za-z0-9])(?![\w])"
)
RX_NATIONAL_ID13 = re.compile(
    r"\b(?:PESEL|CPF|CURP|BSN|CNP|PPSN|NIF|RFC|NIN|NI[ \t]+(?:number|no\.?))(?![A-Za-z])"
    r"(?:[ \t]+(?:on[ \t]+file|number|no\.?|nr\.?))?[ \t]*[:#]?[ \t]*"
    # the lookahead is bounded by the number's own length: unbounded, each cue in a long run
    # of capitals rescanned the rest of the text (quadratic)
    r"((?=[A-Z0-9.\-]{0,20}\d{2})[A-Z0-9](?:[A-Z0-9]|[.\-](?=[A-Z0-9])){6,20})(?![\w])"
)
RX_SUBJECT_INITIALS13 = re.compile(
    rf"\b(?i:subj(?:ect)?|participant)\.?[ \t]*+#?[ \t]*\d{{1,5}}[ \t]*:[ \t]*"
    rf"([{UP}]{{2,3}})(?=[ \t]*[,;(])"
)
RX_STUDY_DATE13 = re.compile(
    r"\b(?i:screened|consented|enrolled|randomi[sz]ed|withdrawn)[ \t]+(?i:on[ \t]+)?"
    r"(\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\d/])"
)
RX_ADDRESS_IS13 = re.compile(
    r"(?i:\b(?:new[ \t]+)?address[ \t]+(?:is|was|now)[ \t]+|\bmoved[ \t]+to[ \t]+)"
    r"(\d{1,6}(?:[ \t]+[A-Za-z0-9#.-]+){1,6}?)[ \t]+in[ \t]+"
    r"([A-Za-z][A-Za-z'’-]+(?:[ \t]+[A-Za-z][A-Za-z'’-]+)?),?[ \t]+(\d{5}(?:-\d{4})?)(?![\w-])"
)
RX_POSTCODE13 = re.compile(
    r"\b(?i:post[ \t]?code|postal[ \t]+code|c[oó]digo[ \t]+postal)[ \t]*+:?[ \t]*+"
    r"((?=[A-Z0-9 -]{0,10}\d[A-Z0-9 -]{0,10}\d)[A-Z0-9]{2,5}(?:[ -][A-Z0-9]{3,4})?)(?![\w-])"
)
RX_RESERVATION13 = re.compile(
    rf"\b((?:{CAPW}[ \t]+){{1,3}}(?:Indian[ \t]+)?(?:Reservation|Rancheria|Pueblo))\b"
)
RX_CHAPTER_HOUSE13 = re.compile(rf"\b((?:{CAPW})(?:[ \t]+{CAPW}){{0,2}})[ \t]+chapter[ \t]+house\b")
RX_GEO13 = re.compile(
    rf"\bgeo(?:loc(?:ation)?)?(?:[ \t]*+[:=])?[ \t]++((?:{CAPW})(?:[ \t]+{CAPW}){{0,2}})[ \t]*$",
    re.M,
)
RX_COMMUNITY13 = re.compile(
    rf"\b(?i:community|hometown|town|village|city)[ \t]*:[ \t]*((?:{CAPW})(?:[ ]{CAPW}){{0,2}})"
    r"(?:[ \t]*\((\d{5})\))?"
)
RX_USER_HANDLE13 = re.compile(r"\b(?:user(?:name|id)?|login|uid)=([A-Za-z][A-Za-z0-9._-]{2,30})")
RX_NAME_ON_CARD13 = re.compile(
    rf"\b(?i:name[ \t]+on[ \t]+(?:card|file|id|license|licence|account|badge))[ \t]*+:?[ \t]*"
    rf"((?:{NW}|{CAPS_WORD})(?:[ \t]+(?:{NW}|{CAPS_WORD})){{1,3}})"
)
RX_SERIAL_LOWER13 = re.compile(
    r"\b(?i:sn|s/n|serial(?:[ \t]+(?:number|no\.?|#))?)[ \t]+(?i:is[ \t]+|#[ \t]*)?"
    r"((?=[a-z0-9]*\d{4})(?=[a-z0-9]*[a-z])[a-z0-9]{6,20})(?![\w-])"
)
RX_VIN_ENDING13 = re.compile(
    r"\b(?i:vin)[ \t]+(?i:ending(?:[ \t]+in)?|ends[ \t]+in|last[ \t]+\d)[ \t]*+:?[ \t]*"
    r"([A-Za-z0-9]{4,8})\b"
)
RX_ROLE_PAREN13 = re.compile(
    rf"\b({NW})[ \t]+\((?:MA|RN|LPN|LVN|CNA|CMA|NP|PA|PA-C|RT|PT|OT|SW|MSW|LCSW)\)"
)
_HL7_NAME13 = re.compile(rf"[{UP}{LO}][{UP}{LO}'’ -]*")
_TABLE_KINDS13 = {
    "plate": "VEHICLE", "plates": "VEHICLE", "tag": "VEHICLE", "plate no": "VEHICLE",
    "license plate": "VEHICLE", "user": "NAME", "username": "NAME", "user id": "NAME",
    "userid": "NAME", "login": "NAME",
}  # fmt: skip


def _pid_segments13(text: str, out: list) -> None:
    """HL7 patient segments (PID|...): fields by shape, whatever their position."""
    for m in re.finditer(r"(?m)^PID\|[^\n]*", text):
        pos = m.start() + 4
        named = False
        for field in m.group()[4:].split("|"):
            s, e = pos, pos + len(field)
            pos = e + 1
            comps, cpos = [], s
            for c in field.split("^"):
                comps.append((cpos, cpos + len(c), c))
                cpos += len(c) + 1
            parts = [(a, b, c) for a, b, c in comps if c.strip()]
            if not parts:
                continue
            if len(comps) == 1:
                v = field.strip()
                if re.fullmatch(r"(?:19|20)\d{6}", v):
                    out.append((s, e, "DATE", 0.8))
                elif not named and re.fullmatch(r"[A-Z0-9-]*\d{3}[A-Z0-9.-]*", v):
                    out.append((s, e, "ID", 0.8))
                continue
            first = parts[0][2]
            if not named and not any(ch.isdigit() for ch in field) and _HL7_NAME13.fullmatch(first):
                named = True
                for a, b, _ in parts:
                    out.append((a, b, "NAME", 0.8))
            elif any(ch.isdigit() for ch in first) and len(parts) >= 3:
                out.append((parts[0][0], parts[0][1], "ADDRESS", 0.8))  # street^^town^state^zip
                for a, b, c in parts[1:]:
                    zip_code = re.fullmatch(r"\d{5}(?:-\d{4})?", c)
                    town = not (len(c) == 2 and c.isupper()) and _HL7_NAME13.fullmatch(c)
                    if zip_code or town:  # not the state
                        out.append((a, b, "LOCATION", 0.8))


def _table_columns13(text: str, out: list) -> None:
    """Pipe tables whose header names a plate or a user column."""
    lines = text.split("\n")
    pos, kinds = 0, None
    for line in lines:
        cells = line.split("|")
        if len(cells) >= 3:
            names = [c.strip().lower() for c in cells]
            if kinds is None and any(n in _TABLE_KINDS13 for n in names):
                kinds = [_TABLE_KINDS13.get(n) for n in names]
            elif kinds is not None and len(cells) == len(kinds):
                cpos = pos
                for cell, kind in zip(cells, kinds, strict=True):
                    v = cell.strip()
                    if kind and v and (kind != "VEHICLE" or any(ch.isdigit() for ch in v)):
                        a = cpos + cell.index(v)
                        out.append((a, a + len(v), kind, 0.75))
                    cpos += len(cell) + 1
        else:
            kinds = None
        pos += len(line) + 1


def _has13(words_ix: _WordIndex, words: frozenset[str]) -> bool:
    return not words_ix.positions.keys().isdisjoint(words)


# cue words that let a rule of this round run at all (most texts hold none of them)
_ID_CUES13 = _w("record chart account member mrn")
_NATIONAL_CUES13 = _w("pesel cpf curp bsn cnp ppsn nif rfc nin ni")
_SUBJECT_CUES13 = _w("subj subject participant")
_COMMUNITY_CUES13 = _w("community hometown town village city")
_STUDY_CUES13 = _w("screened consented enrolled randomized randomised withdrawn")
_POSTCODE_CUES13 = _w("postcode postal digo")
_GEO_CUES13 = _w("geo geoloc geolocation")
_SERIAL_CUES13 = _w("sn serial")
_TABLE_CUES13 = _w("plate plates tag user username userid login")
RX_NAME_ON_HINT13 = re.compile(r"[Nn][Aa][Mm][Ee][ \t]+[Oo][Nn][ \t]")
RX_SPACED_HINT13 = re.compile(r"\d[ \t][A-Za-z0-9][ \t][A-Za-z0-9][ \t][A-Za-z0-9]")
RX_ROLE_PAREN_HINT13 = re.compile(r"\((?:MA|RN|LPN|LVN|CNA|CMA|NP|PA|PA-C|RT|PT|OT|SW|MSW|LCSW)\)")


def _round13(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    if "spelled" in keys:
        for m in RX_SPELLED_NAME13.finditer(text):
            out.append((m.start(1), m.end(1), "NAME", 0.8))
        for m in RX_NAME_BEFORE_SPELLED13.finditer(text):
            words = m.group(1).split()
            if not any(ctx.is_clinical(w) for w in words):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
    if _has13(words_ix, _ID_CUES13) and RX_SPACED_HINT13.search(text):
        for m in RX_SPOKEN_ID13.finditer(text):
            if sum(c.isdigit() for c in m.group(1)) >= 4:
                out.append((m.start(1), m.end(1), "ID", 0.8))
    if _has13(words_ix, _NATIONAL_CUES13):
        for m in RX_NATIONAL_ID13.finditer(text):
            out.append((m.start(1), m.end(1), "SSN", 0.85))
    if _has13(words_ix, _SUBJECT_CUES13):
        for m in RX_SUBJECT_INITIALS13.finditer(text):
            if m.group(1).lower() not in NOT_INITIALS:
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if _has13(words_ix, _COMMUNITY_CUES13) and ":" in text:
        for m in RX_COMMUNITY13.finditer(text):
            if not ctx.is_common(m.group(1).split()[0]) or ctx.is_name(m.group(1).split()[0]):
                out.append((m.start(1), m.end(1), "LOCATION", 0.75))
                if m.group(2):
                    out.append((m.start(2), m.end(2), "LOCATION", 0.8))
    if _has13(words_ix, _STUDY_CUES13):
        for m in RX_STUDY_DATE13.finditer(text):
            out.append((m.start(1), m.end(1), "DATE", 0.8))
    if "address" in keys or "moved" in keys:
        for m in RX_ADDRESS_IS13.finditer(text):
            out.append((m.start(1), m.end(1), "ADDRESS", 0.75))
            out.append((m.start(2), m.end(2), "LOCATION", 0.7))
            out.append((m.start(3), m.end(3), "LOCATION", 0.8))
    if _has13(words_ix, _POSTCODE_CUES13) or ("post" in keys and "code" in keys):
        for m in RX_POSTCODE13.finditer(text):
            out.append((m.start(1), m.end(1), "LOCATION", 0.8))
    if "Reservation" in text or "Rancheria" in text or "Pueblo" in text:
        for m in RX_RESERVATION13.finditer(text):
            words = m.group(1).split()
            if not ctx.is_common(words[0]) or ctx.is_name(words[0]) or len(words) > 2:
                out.append((m.start(1), m.end(1), "LOCATION", 0.75))
    if "chapter house" in text:
        for m in RX_CHAPTER_HOUSE13.finditer(text):
            out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    if _has13(words_ix, _GEO_CUES13):
        for m in RX_GEO13.finditer(text):
            out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    if "=" in text:
        for m in RX_USER_HANDLE13.finditer(text):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "name" in keys and RX_NAME_ON_HINT13.search(text):
        for m in RX_NAME_ON_CARD13.finditer(text):
            out.append((m.start(1), m.end(1), "NAME", 0.8))
    if _has13(words_ix, _SERIAL_CUES13):
        for m in RX_SERIAL_LOWER13.finditer(text):
            out.append((m.start(1), m.end(1), "DEVICE", 0.75))
    if "vin" in keys:
        for m in RX_VIN_ENDING13.finditer(text):
            if any(c.isdigit() for c in m.group(1)):
                out.append((m.start(1), m.end(1), "VEHICLE", 0.75))
    if RX_ROLE_PAREN_HINT13.search(text):
        for m in RX_ROLE_PAREN13.finditer(text):
            w = m.group(1)
            if not ctx.is_common(w) and not ctx.is_clinical(w):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "PID|" in text:
        _pid_segments13(text, out)
    if "|" in text and _has13(words_ix, _TABLE_CUES13):
        _table_columns13(text, out)


# Round 13, second batch: initials beside an age or a staff role, names in chat, messages and
# clause starts, particles before a found surname, military and tribal road addresses,
# Puerto Rico's "Carr. 635 Km 12.6", Polish street lines, towns before a county in
# parentheses, ages after "Now" or a name, meeting dates, holidays with a year, a date of
# birth in words, trades named "X Towing of Town".
_AGE13 = r"(?:9\d|1[01]\d|120|(?i:" + AGE_IN_WORDS + r"))"
# initials are read where they stand, their cue looked for behind them
RX_INITIALS13 = re.compile(rf"[{UP}](?<![\w][{UP}])[{UP}]{{1,2}}(?![\w.])")
RX_AGE_PAREN_AFTER13 = re.compile(rf"[ \t]+\({_AGE13}\)")
RX_PATIENT_BEFORE13 = re.compile(r"\b(?i:pt|patient|resident|client)[ \t]+$")
RX_STAFF_AFTER13 = re.compile(r"[ \t]+(?:at|on|to[ \t]+(?:visit|call|see|follow))\b")
RX_STAFF_BEFORE13 = re.compile(
    r"(?:\b(?i:entered|signed|documented|given|administered|recorded)[ \t]+by|\bRN|\bLPN)[ \t]+$"
)
RX_CHAT_NAME13 = re.compile(rf"[?!.][ \t]+({NW})[ \t]+([{UP}])\.[ \t]+(?=[a-z]+ed\b)", re.M)
RX_CLAUSE_NAME13 = re.compile(
    rf"[.;:][ \t]+({NW})(?:['’]s[ \t]+(?:ex|mom|dad|son|daughter|husband|wife)\b|[ \t]+"
    r"(?:changed|posted|has[ \t]+been|here[ \t]+for|reports|declined|agreed|prefers|wants))",
    re.M,
)
RX_FOR_POSSESSIVE13 = re.compile(
    rf"\bfor[ \t]+({NW})['’]s[ \t]+(?:treatment|care|surgery|recovery|funeral|memorial|medical)"
)
RX_CHILD_OF13 = re.compile(
    r"(?i:\bthis[ \t]+is[ \t]+[a-z]+,[ \t]+)([A-Za-z][a-z]{2,})['’]s[ \t]+"
    r"(?i:mom|dad|mother|father|mum|grandma|grandpa|grandmother|grandfather)\b"
)
RX_RN_LOWER13 = re.compile(r"\b(?:rn|lpn|cna)[ \t]+([a-z]{2,3})[ \t.]*$", re.M)
RX_PARTICLE_BEFORE13 = re.compile(
    r"(?:^|(?<=[\s|:,(]))((?:van[ \t]+der|van[ \t]+den|de[ \t]+la|de[ \t]+los|van|von|de|da|du"
    r"|di|del|dos|le)[ \t]+)$"
)
RX_MILITARY_BOX13 = re.compile(r"\b(?:PSC|CMR|UNIT|Unit)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}\b")
RX_TRIBAL_ROUTE13 = re.compile(
    r"\b(?:(?i:mile[ \t]+marker)[ \t]+\d{1,4}[ \t]+on[ \t]+)?"
    r"(?:BIA|Tribal|Navajo|Indian|IR|N)[ \t]+(?:Route|Rte\.?|Road|Rd\.?)[ \t]+\d{1,4}\b"
    r"|\b(?<=lives off )(?:IR|BIA|NR)[ \t]+\d{1,4}\b"
)
RX_CARRETERA13 = re.compile(
    r"\bCarr(?:etera|\.)?[ \t]+\d{1,4}(?:,?[ \t]+(?i:km)\.?[ \t]+\d{1,3}(?:\.\d{1,2})?)?(?![\w.])"
)
RX_POLISH_STREET13 = re.compile(
    rf"\b(?:ul|al|os|pl)\.[ \t]+(?:{CAPW}[ \t]+){{1,3}}\d{{1,4}}(?:/\d{{1,4}})?[A-Za-z]?\b"
)
RX_PL_POSTCODE_TOWN13 = re.compile(
    rf"(\d(?<=[,;][ \t]\d)\d-\d{{3}})[ \t]+((?:{CAPW})(?:[ \t]{CAPW}){{0,2}})"
)
RX_TOWN_COUNTY_PAREN13 = re.compile(
    rf"(?:\bin[ \t]+|,[ \t]+)((?:{CAPW})(?:[ \t]{CAPW}){{0,2}})[ \t]+\((?:{CAPW}[ \t]+){{1,3}}"
    r"(?:County|Parish|Borough)\)"
)
RX_TOWN_PAPER13 = re.compile(rf"\bthe[ \t]+((?:{CAPW})(?:[ \t]{CAPW})?)[ \t]+(?:paper|newspaper)\b")
RX_AFTER_CHAPTER13 = re.compile(rf"\bchapter[ \t]+house,[ \t]+((?:{CAPW})(?:[ \t]{CAPW}){{0,2}})")
RX_NOW_AGE13 = re.compile(
    r"[Nn](?<![\w][Nn])ow[ \t]+(9\d|1[01]\d|120)(?=[ \t]+and\b|[ \t]*[,.;]|[ \t]+y)"
)
RX_AGE_AT13 = re.compile(
    r"[Aa](?<![\w][Aa])ge[ \t]+at[ \t]+(?:[a-z]+[ \t]+){1,3}(9\d|1[01]\d|120)(?!\d|\.\d)"
)
RX_AGE_PAREN13 = re.compile(r"[ \t]+\((9\d|1[01]\d|120)\)")
RX_MEETING_DATE13 = re.compile(
    r"\b(?:IDT|(?i:meeting|conference|huddle|rounds|care[ \t]+conference))[ \t]+"
    r"(\d{1,2}/\d{1,2})(?![\d/])(?=[ \t]*(?:[:;,]|$))"
)
RX_HOLIDAY_YEAR13 = re.compile(
    r"\b(?:New[ \t]+Year['’]s|Christmas|Thanksgiving|Easter|Independence|Memorial|Labor"
    r"|Veterans|Halloween|Valentine['’]s)(?:[ \t]+(?:Day|Eve))?,?[ \t]+(?:19|20)\d\d\b"
)
_NUM_WORD13 = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|oh|zero|hundred)(?![a-z])"
)
RX_DOB_WORDS13 = re.compile(
    r"(?i:\b(?:date[ \t]+of[ \t]+birth|dob|born[ \t]+on|birthday)(?:[ \t]+(?:is|was|as))?)[ \t]+"
    rf"((?i:{_NUM_WORD13}(?:-{_NUM_WORD13})?(?:[ \t,]+{_NUM_WORD13}(?:-{_NUM_WORD13})?){{2,5}}))"
)
RX_TRADE_OF_TOWN13 = re.compile(
    rf"\b((?:{CAPW}[ \t]+){{1,3}}(?:Towing|Trucking|Dialysis|Wound[ \t]+Care|Lutheran|Baptist"
    rf"|Methodist|Pharmacy|Drug|Hardware|Feed[ \t]+&[ \t]+Seed)|Rexall|Walgreens)[ \t]+of[ \t]+"
    rf"((?:{CAPW})(?:[ \t]{CAPW}){{0,2}})"
)
RX_MILITARY_PO13 = re.compile(r"[AFD]PO(?:[ \t]+A[AEP])?")


_PATIENT_CUES13 = _w("pt patient resident client")
_STAFF_CUES13 = _w("entered signed documented given administered recorded rn lpn")
_MEETING_CUES13 = _w("idt meeting conference huddle rounds")
_TRIBAL_CUES13 = _w("bia tribal navajo indian ir nr")
_HOLIDAY_CUES13 = _w("""christmas thanksgiving easter independence memorial labor veterans
    halloween valentine""")
_BIRTH_CUES13 = _w("birth dob born birthday")
_TRADE_CUES13 = _w("""towing trucking dialysis wound lutheran baptist methodist pharmacy drug
    hardware feed rexall walgreens""")
RX_POSS_HINT13 = re.compile(
    r"['’]s[ \t]+(?:treatment|care|surgery|recovery|funeral|memorial|medical|mom|dad|mother"
    r"|father|mum|grandma|grandpa|grandmother|grandfather)\b"
)


def _round13b(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    aged = "(" in text and _has13(words_ix, _PATIENT_CUES13)
    staff = _has13(words_ix, _STAFF_CUES13)
    for m in RX_INITIALS13.finditer(text) if aged or staff else ():
        s, e = m.start(), m.end()
        if (
            aged
            and RX_AGE_PAREN_AFTER13.match(text, e)
            and RX_PATIENT_BEFORE13.search(text, max(0, s - 12), s)
        ):
            out.append((s, e, "NAME", 0.75))  # "pt QV (ninety-four)"
        elif (
            staff
            and m.group().lower() not in NOT_INITIALS
            and RX_STAFF_AFTER13.match(text, e)
            and RX_STAFF_BEFORE13.search(text, max(0, s - 24), s)
        ):
            out.append((s, e, "NAME", 0.7))  # "Entered by KW at", "RN TZ to visit"
    for m in RX_CHAT_NAME13.finditer(text):
        w = m.group(1)
        if not ctx.is_common(w) and not ctx.is_clinical(w):
            out.append((m.start(1), m.end(2) + 1, "NAME", 0.7))
    for m in RX_CLAUSE_NAME13.finditer(text):
        w = m.group(1)
        if (ctx.is_name(w) or ctx.intl_only(w)) and not ctx.is_common(w) and not ctx.is_clinical(w):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if RX_POSS_HINT13.search(text):
        for rx in (RX_FOR_POSSESSIVE13, RX_CHILD_OF13):
            for m in rx.finditer(text):
                if not ctx.is_common(m.group(1)) and not ctx.is_clinical(m.group(1)):
                    out.append((m.start(1), m.end(1), "NAME", 0.7))
    if " rn " in text or " lpn " in text or " cna " in text:  # lower case: a nurse's sign-off
        for m in RX_RN_LOWER13.finditer(text):
            out.append((m.start(1), m.end(1), "NAME", 0.65))
    if ("PSC" in text or "CMR" in text or "nit " in text or "NIT " in text) and "Box" in text:
        for m in RX_MILITARY_BOX13.finditer(text):
            out.append((m.start(), m.end(), "ADDRESS", 0.85))
    if _has13(words_ix, _TRIBAL_CUES13):
        for m in RX_TRIBAL_ROUTE13.finditer(text):
            out.append((m.start(), m.end(), "ADDRESS", 0.8))
    if "Carr" in text:
        for m in RX_CARRETERA13.finditer(text):
            out.append((m.start(), m.end(), "ADDRESS", 0.8))
    if "ul." in text or "al." in text or "os." in text or "pl." in text:
        for m in RX_POLISH_STREET13.finditer(text):
            out.append((m.start(), m.end(), "ADDRESS", 0.8))
    for m in RX_PL_POSTCODE_TOWN13.finditer(text) if "-" in text else ():
        out.append((m.start(1), m.end(1), "LOCATION", 0.8))
        out.append((m.start(2), m.end(2), "LOCATION", 0.75))
    if "County" in text or "Parish" in text or "Borough" in text:
        for m in RX_TOWN_COUNTY_PAREN13.finditer(text):
            if not ctx.is_common(m.group(1).split()[0]) or ctx.is_name(m.group(1).split()[0]):
                out.append((m.start(1), m.end(1), "LOCATION", 0.75))
    if "paper" in text:
        for m in RX_TOWN_PAPER13.finditer(text):
            out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    if "chapter house" in text:
        for m in RX_AFTER_CHAPTER13.finditer(text):
            out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    if "now" in keys:
        for m in RX_NOW_AGE13.finditer(text):
            out.append((m.start(1), m.end(1), "AGE", 0.75))
    if "age" in keys and "at" in keys:
        for m in RX_AGE_AT13.finditer(text):
            out.append((m.start(1), m.end(1), "AGE", 0.75))
    if "/" in text and _has13(words_ix, _MEETING_CUES13):
        for m in RX_MEETING_DATE13.finditer(text):
            out.append((m.start(1), m.end(1), "DATE", 0.8))
    if _has13(words_ix, _HOLIDAY_CUES13) or "New Year" in text:
        for m in RX_HOLIDAY_YEAR13.finditer(text):
            out.append((m.start(), m.end(), "DATE", 0.8))
    if _has13(words_ix, _BIRTH_CUES13) and _has13(words_ix, _NUMBER_WORDS12):
        for m in RX_DOB_WORDS13.finditer(text):
            out.append((m.start(1), m.end(1), "DATE", 0.8))
    if _has13(words_ix, _TRADE_CUES13) and " of " in text:
        for m in RX_TRADE_OF_TOWN13.finditer(text):
            s = m.start(1)
            first = m.group(1).split()[0]
            verb = first.endswith("s") and ctx.is_common(first[:-1])  # "Attends"
            if (ctx.is_common(first) or verb) and not ctx.is_name(first) and first != "First":
                s = m.start(1) + len(first) + 1  # "Attends First Lutheran": not the verb
                if s >= m.end(1) - 3:
                    continue
            out.append((s, m.end(2), "FACILITY", 0.75))


def _after_findings13b(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """Particles before a found surname ("van der" Velde), an age in parentheses after a
    name ("Ada Quill (97)")."""
    out: list = []
    for f in found:
        if f.category != "NAME":
            continue
        p = RX_PARTICLE_BEFORE13.search(text, max(0, f.start - 12), f.start)
        if p and text[f.start].isupper() and "," in text[f.start : f.end]:  # LAST, FIRST
            out.append((p.start(1), f.end, "NAME", f.confidence))
        a = RX_AGE_PAREN13.match(text, f.end)
        if a:
            out.append((a.start(1), a.end(1), "AGE", 0.75))
    return out


RX_OF_TOWN13 = re.compile(rf"[ \t]+of[ \t]+((?:{CAPW})(?:[ \t]+(?:{CAPW})){{0,2}})")
RX_FAC_NUMBER13 = re.compile(r"[ \t]+(?:No\.?[ \t]*)?\d{1,3}\b(?![\d/.,:-])")
_FAC_NUMBERED13 = _w("zona distrito district region región unidad")


def _after_findings13(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """A facility continued by "of Town" ("Rexall of Springfield") or by its number
    ("Hospital General de Zona 21")."""
    out: list = []
    for f in found:
        if f.category != "FACILITY":
            continue
        m = RX_OF_TOWN13.match(text, f.end)
        if m:
            words = m.group(1).split()
            if not ctx.is_common(words[0]) or ctx.is_name(words[0]) or len(words) > 1:
                out.append((f.start, m.end(), "FACILITY", f.confidence))
            continue
        last = text[f.start : f.end].split()[-1].lower()
        n = RX_FAC_NUMBER13.match(text, f.end)
        if n and last in _FAC_NUMBERED13:
            out.append((f.start, n.end(), "FACILITY", f.confidence))
    return out


RX_GREW_UP13 = re.compile(
    r"\b(?i:grew[ \t]+up|born|raised|lived|emigrated|immigrated|citizen)[ \t]+"
    r"(?:\w+[ \t]+)?(?:in|from|of)[ \t]+$"
)
RX_LINE_END13 = re.compile(r"[ \t]*(?:\n|$)")
RX_SECTION_AFTER13 = re.compile(r"[ \t]+(?i:course|summary|stay)\b")


def _not_identifier13(ctx: _Ctx, text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    span = text[s:e]
    low = span.lower()
    if (
        cat in ("LOCATION", "NAME")
        and (low in REGIONS10 or low in COUNTRIES or low in STATES)
        and low not in _CITY_STATES11
        and RX_GREW_UP13.search(text, max(0, s - 40), s)
    ):
        return True  # a country or state of origin is larger than a Safe Harbor place
    if cat == "LOCATION" and RX_MILITARY_PO13.fullmatch(span):
        return True  # "APO AE": a military post office, as a ZIP's state
    if cat == "FACILITY" and "\n" in span and RX_SECTION_AFTER13.match(text, e):
        return True  # "DISCHARGE SUMMARY\nHospital course": a heading and a section
    if cat == "NAME" and span.isupper() and RX_LINE_END13.match(text, e):
        ls = text.rfind("\n", 0, s) + 1
        if "|" in text[ls:s] or "\t" in text[ls:s]:
            return False  # a table's cell: "KILLS ENEMY" is a surname there
        words = RX_LETTERS.findall(span)
        if (
            len(words) >= 2
            and all(len(w) > 3 and not ctx.is_name(w) and not ctx.intl_only(w) for w in words)
            and any(ctx.is_common(w) for w in words)
        ):
            return True  # "EDUCATION HANDOUT": words of a heading
    return False


RX_ADDRESS_CUE13 = re.compile(
    r"(?i:\baddress(?:[ \t]+(?:is|was|now))?|\baddr\.?|\bhome[ \t]*:|\blives[ \t]+(?:at|on|off)"
    r"|\bliving[ \t]+at|\bstaying[ \t]+at|\bdelivered[ \t]+to|\bcorner[ \t]+of|\bresides[ \t]+at"
    r"|\bdomicilio|\bdirecci[oó]n)[ \t]*:?[ \t]*$"
)
RX_GRID13 = re.compile(r"\d{1,6}[ \t]+[NSEWnsew][ \t]+\d{1,5}[ \t]+[NSEWnsew]\b")


# an expiry after a lot, a drug's code or a billing code is the product's, not a person's
# ("Lot 3FK82A, exp 03/2027"); a licence's or a card's expiry stays a date (round 16)
RX_EXPIRY16 = re.compile(r"(?i)\bexp(?:\.|iry|ires|iration|iration date)?[ \t:]*$")
RX_PRODUCT_CUE16 = re.compile(
    r"(?i)\b(?:lot|ndc|vial|icd(?:-1[01])?|hcpcs|cpt|rx[ \t]?bin|bin|pcn|billing)\b"
)
RX_PERSON_DOC16 = re.compile(
    r"(?i)\b(?:licen[cs]e|lic|dl|cdl|card|certificate|cert|passport|permit|registration|id)\b"
)


# "a John Deere 4020 rollover", "a Sister Mary Joseph nodule": after the indefinite article
# a name is a thing's (a brand, an eponym), not a person's
RX_ARTICLE_BEFORE16 = re.compile(r"(?<![\w'’-])(?:a|an)[ \t]+$")
# the thing's head after the run: a model number or a lower-case noun; a person's name after
# the article ("spoke to a Maria Lopez about", "an Ana Ruiz, RN") has none (round 17)
RX_THING_HEAD17 = re.compile(r"[ \t]+(?:\d|([a-z][a-z-]*)\b)")
# what follows a person rather than a thing: a function word, a verb of speech or visit
_VERBS_AFTER_PERSON17 = _w(
    """about as who whose says said asks asked calls called came comes went told tells visits
    visited saw sees wrote writes"""
)
_AFTER_PERSON17 = FUNCTION_WORDS | SUBJECT_HINTS | _VERBS_AFTER_PERSON17
# "See Pediatrics 2022;150:e2022058859": a journal before its year and volume
RX_TITLE_WORD_BEFORE16 = re.compile(r"[A-Z][a-z]+[ \t]+$")
RX_TITLE_RUN16 = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*")
# the routing numbers of a pharmacy benefit (the plan's, shared by its members; the member's
# and the group's numbers stay identifiers)
RX_BIN_BEFORE16 = re.compile(r"(?i)\b(?:rx[ \t]?)?(?:bin|pcn)[ \t]*[:#]?[ \t]*$")
# a model year before the make: a vehicle's age, not its plate
RX_MODEL_YEAR16 = re.compile(r"(?:19|20)\d\d")
RX_MAKE_AFTER16 = re.compile(r"[ \t]+[A-Z][A-Za-z]*(?:-?\d+)?\b")
RX_CITATION_AFTER16 = re.compile(r"[ \t]+(?:19|20)\d\d[ \t]*;[ \t]*\d")


def _not_identifier16(text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    if cat in ("NAME", "FACILITY") and RX_CITATION_AFTER16.match(text, e):
        return True
    if cat == "ID" and RX_BIN_BEFORE16.search(text, max(0, s - 12), s):
        return True  # "Rx BIN 610014, PCN ADV": a pharmacy benefit's routing number
    if cat == "VEHICLE" and RX_MODEL_YEAR16.fullmatch(text, s, e):
        return bool(RX_MAKE_AFTER16.match(text, e))  # "Vehicle: 2011 Chevy Silverado"
    if cat == "NAME" and text[s:e].istitle():
        # back over the title-case words before the span, to the start of their run
        a = s
        while (w := RX_TITLE_WORD_BEFORE16.search(text, max(0, a - 24), a)) is not None:
            a = w.start()
        run = RX_TITLE_RUN16.match(text, a)
        if not (
            RX_ARTICLE_BEFORE16.search(text, max(0, a - 4), a)
            and run is not None
            and run.end() >= e
            and " " in run.group()
        ):
            return False
        head = RX_THING_HEAD17.match(text, run.end())
        word = (head.group(1) or "") if head is not None else ""
        return head is not None and word not in _AFTER_PERSON17 and not word.endswith("ed")
    if cat == "DATE" and RX_EXPIRY16.search(text, max(0, s - 16), s):
        before = text[max(0, s - 60) : s]
        return bool(RX_PRODUCT_CUE16.search(before)) and not RX_PERSON_DOC16.search(before)
    return False


# A document's heading in capitals ends with what the document is ("AIR MEDICAL TRANSPORT
# RECORD", "PATIENT BELONGINGS INVENTORY"), and a vital sign's abbreviation before its number
# ("Patient BP 162/98", "HR 112", "FiO2 40%") is a measurement: neither is a person's (round 17)
_DOCUMENT_NOUNS17 = _w(
    """record records inventory report form log summary sheet checklist note notes request
    referral consult consultation assessment worksheet flowsheet roster register transcript
    manifest notice statement letter plan list"""
)
_VITALS17 = _w("bp hr rr pr spo2 sao2 fio2 etco2 o2 temp tmax wt ht bmi gcs map sbp dbp")
RX_WORD_AT17 = re.compile(r"[A-Za-z0-9]+")
RX_WORD_BEFORE17 = re.compile(r"([A-Za-z0-9]+)[ \t:]*$")
# a unit is a whole word: "logged", "IUD" or "cellsaver" after a number is no unit
RX_COUNT_AFTER17 = re.compile(RX_COUNT_UNIT + r"(?![A-Za-z])")
RX_COUNTED17 = re.compile(r"(?:[A-Za-z]+[ \t:]+)?\d+")  # "250000", "Platelets 250000"
RX_VITAL_RUN17 = re.compile(r"(?i)\b(?:bp|hr|spo2|sao2)[ \t:]*\d")  # not "RR": a rural route


def _not_identifier17(text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    if cat == "NAME" and text[s:e].isupper():
        last = text[s:e].split()[-1].lower() if text[s:e].split() else ""
        line = text[text.rfind("\n", 0, s) + 1 : e]
        # a heading holds no label ("PATIENT: GRACE RECORD" is a name field)
        if last in _DOCUMENT_NOUNS17 and ":" not in line and not any(c.islower() for c in line):
            return True
    # no vital sign has five digits in a row ("HR 8812345" is a file's number)
    long_id = cat == "ID" and RX_DIGITS5.search(text, s, e) is not None
    if cat in ("ID", "AGE", "NAME") and not long_id:
        a = s
        while a > 0 and text[a - 1].isalnum():
            a -= 1
        word = RX_WORD_AT17.match(text, a)
        if word is not None and word.group().lower() in _VITALS17:
            return True  # "BP 162/98", "Fi" of "FiO2"
        before = RX_WORD_BEFORE17.search(text, max(0, s - 12), s)
        if before is not None and before.group(1).lower() in _VITALS17:
            return text[s:e][:1].isdigit()  # "HR 112"
    if cat == "FACILITY" and ", " in text[s:e] and not any(c.isupper() for c in text[s:e]):
        # "helps primary care, community health center": a list of kinds of place, naming
        # no one ("johnson, smith and lee family practice" is one practice, typed in lower case)
        return _kinds_of_place17(text[s:e])
    if cat == "ID" and RX_COUNTED17.fullmatch(text, s, e) and RX_COUNT_AFTER17.match(text, e):
        # "Platelets 250000 / cmm": a count with its unit; not a number a record's label
        # cues ("MRN 1234567 units", "Acct: 55512345 / ml")
        return not _cued_id17(text, s, e)
    if cat in ("ID", "ADDRESS", "AGE") and not long_id:
        # a run of vital signs ("BP164/82 HR64 RR18 36.0C"), read by the tagger as a number
        return bool(RX_VITAL_RUN17.search(text, max(0, s - 8), e))
    return False


# A table of scores and their ranges ("Average 25-75 90-110 8-12 44-57", a lone "66"): the
# tagger reads a row of it as an ID; the rules take no value of three digits or fewer as one.
RX_SCORE_CELL17 = re.compile(r"[<>]?\d{1,3}(?:-\d{1,3})?|[<>]")


def _tagger_scores17(text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    if cat != "ID":
        return False
    tokens = text[s:e].split()
    cells = [t for t in tokens if RX_SCORE_CELL17.fullmatch(t)]
    if not cells or any(not t.isalpha() and t not in cells for t in tokens):
        return False
    if len(tokens) == 1:
        return cells[0].isdigit()
    return sum("-" in c for c in cells) >= 2


def _kinds_of_place17(span: str) -> bool:
    lex = lexicon.get()
    for word in RX_LETTERS.findall(span):
        w = word.lower()
        if w not in lex.common and (w in lex.first or w in lex.last or w in lex.cities):
            return False  # a surname or a town: a place's own name
    return True


def _cued_id17(text: str, s: int, e: int) -> bool:
    """Is text[s:e] a record's number: a label word the tagger took in or left just before it
    ("Chart 8812345"), or a label (RX_ID) cueing a value that overlaps it?"""
    first = RX_LETTERS.match(text, s)
    before = RX_WORD_BEFORE17.search(text, max(0, s - 16), s)
    for word in (first.group() if first else "", before.group(1) if before else ""):
        if word.lower() in TRIGGERS["ID"]:
            return True
    return any(m.start(1) < e and m.end(1) > s for m in RX_ID.finditer(text, max(0, s - 60), e))


def _tagger_kept13(text: str, cand: tuple) -> bool:
    """A tagger address the shape check refused but an address cue stands before, or a grid
    address ("1308 N 850 S")."""
    s = cand[0]
    if cand[2] != "ADDRESS":
        return False
    return bool(RX_ADDRESS_CUE13.search(text, max(0, s - 30), s) or RX_GRID13.match(text, s))


# ----------------------------------------------------------------------------- round 15
# Set M read by kind. Structure and cue families only: one-line registration messages of
# "LABEL/value" fields, JSON keys of a patient record, fixed-width tables under a header row,
# initials defined in a signature legend, user names after "reviewed by", vehicles by the
# cues of boats, aircraft and vans and a state's name before a plate, vanity phone numbers,
# partial IPv6 addresses, holidays with a year, dates of Spanish and Portuguese, compact
# "27APR1925" dates, a town before its country, and Portuguese streets with their postcodes.
_SLASH_FIELDS15 = {
    "PT": "NAME",
    "NOK": "NAME",
    "GUAR": "NAME",
    "NAME": "NAME",
    "ADDR": "ADDRESS",
    "TEL": "PHONE",
    "PH": "PHONE",
    "DOB": "DATE",
    "SS": "SSN",
    "SSN": "SSN",
    "MRN": "ID",
    "ACCT": "ID",
}
RX_SLASH_FIELD15 = re.compile(r"(?<![\w/])([A-Z]{2,5})/(?=\S)")
_JSON_KEYS15 = {
    "given": "NAME",
    "family": "NAME",
    "city": "LOCATION",
    "postalcode": "LOCATION",
    "line": "ADDRESS",
    "birthdate": "DATE",
}
RX_JSON_VALUE15 = re.compile(
    r'"(given|family|city|postalCode|line|birthDate)"\s*:\s*+\[?\s*"([^"\n]{1,80})"'
)
# a fixed-width table's header: three or more column names, two spaces or more apart
_COLUMNS15 = {
    "last": "NAME",
    "first": "NAME",
    "middle": "NAME",
    "name": "NAME",
    "patient": "NAME",
    "dob": "DATE",
    "mrn": "ID",
    "zip": "LOCATION",
    "city": "LOCATION",
    "phone": "PHONE",
    "ssn": "SSN",
    "acct": "ID",
    "account": "ID",
}
RX_HEADER15 = re.compile(r"^[ \t]*[A-Za-z]{2,10}(?:[ \t]{2,}[A-Za-z]{2,10}){2,}[ \t]*$", re.M)
RX_CELL15 = re.compile(r"\S+(?: \S+)*")
# "Signatures: LV = LaDawn van Leeuwen, LPN; TJB = Tressie Basargin, RN"
RX_LEGEND15 = re.compile(
    rf"(?<![\w.])([{UP}]{{2,4}})[ \t]*=[ \t]*((?:{CAPW}|van|von|de|da|del|la|le|ter)"
    rf"(?:[ \t]+(?:{CAPW}|van|von|de|da|del|la|le|ter)){{1,4}}),[ \t]*"
    r"(?:LPN|RN|MD|DO|NP|PA(?:-C)?|CNA|MA|PharmD|RPh|LVN|APRN|CRNA|RT)\b"
)
RX_BY_HANDLE15 = re.compile(
    r"\b(?:reviewed|resolved|requested|approved|entered|merged|updated|closed|signed|verified"
    r"|acknowledged|released|edited)[ \t]+by[ \t]+"
    r"([a-z][a-z0-9]*(?:[._-][a-z0-9]+)*)(?![\w@.-]*\w)",
    re.I,
)
RX_HANDLE_END15 = re.compile(r"[ \t]*(?:\d{1,4}[/-]\d|$)", re.M)
_VEHICLE_CUES15 = r"(?:VEH|vehicle|van|car|truck|pickup|suv|sedan|trailer|plates?|tag|motorcycle)"
RX_STATE_PLATE15 = re.compile(
    rf"(?i:\b{_VEHICLE_CUES15}\b)[^\n]{{0,30}}?(?i:\b(?:{_STATE_FULL}))[ \t]+"
    r"((?=[A-Z0-9 ]{0,8}\d)(?=[A-Z0-9 ]{0,8}[A-Z])[A-Z0-9]{1,4}[ ]?[A-Z0-9]{2,4})(?![\w-])"
)
RX_STATE_PLATE_MORE15 = re.compile(
    rf"[ \t]*/[ \t]*(?i:(?:{_STATE_FULL}))[ \t]+"
    r"((?=[A-Z0-9 ]{0,8}\d)(?=[A-Z0-9 ]{0,8}[A-Z])[A-Z0-9]{1,4}[ ]?[A-Z0-9]{2,4})(?![\w-])"
)
RX_VESSEL15 = re.compile(
    r"\b(?i:vessel|boat|registration|reg\.?|skiff|canoe|kayak|jet[ \t]?ski)"
    r"(?:[ \t]+(?i:number|no\.?|#))?[ \t]*+:?[ \t]*([A-Z]{2}[ \t]?\d{1,4}[ \t]?[A-Z]{1,2})(?![\w-])"
)
RX_HULL15 = re.compile(
    r"\b(?i:hull)(?:[ \t]+(?i:id|number|no\.?|#|identification[ \t]+number))?[ \t]*+:?[ \t]*"
    r"([A-Z]{3}[A-Z0-9]{9}(?:-?\d{2})?)(?![\w-])"
)
RX_AIRCRAFT15 = re.compile(
    r"\b(?i:aircraft|airplane|plane|tail[ \t]+(?:number|no\.?|#)|n-number|flies|flew|registration)"
    r"[ \t]*+:?[ \t]*(?:(?i:a|an|the|his|her|their)[ \t]+)?"
    r"(N(?=\w{3})[1-9]\d{0,4}[A-Z]{0,2})(?![\w-])"
)
RX_VIN_TAIL15 = re.compile(
    r"\bVIN[ \t]+(?i:last[ \t]+(?:six|6|four|4|eight|8)|ending(?:[ \t]+in)?|ends[ \t]+(?:in|with))"
    r"[ \t]*+:?[ \t]*([A-Z0-9]{4,8})(?![\w-])"
)
# "337-CRAWDAD", "830-WELL-PMP": a number with letters for digits
RX_VANITY15 = re.compile(
    r"(?<![\w-])(?:1-)?\d{3}-(?=(?:[A-Z]-?){6,7}(?![\w-]))[A-Z]{2,7}(?:-[A-Z]{2,5}){0,2}(?![\w-])"
)
# a long number after a colon that ends a sentence ("Chart 2020;1:48827316."): the full stop
# that keeps decimals out of RX_LONG_NUMBER does not make it one
RX_LONG_AFTER_COLON15 = re.compile(r"(?<=:)\d{7,}(?=\.(?:\s|$))")
RX_PHONE_CUE15 = re.compile(r"\b(?i:line|phone|call|tel|cell|dial|hotline|number|text|fax)\b")
# an IPv6 address cut short (five to seven groups, no "::"): after src=, from, IP
RX_IPV6_PART15 = re.compile(
    r"(?<![\w:])(?=[0-9a-f:]*[a-f][0-9a-f:]*)[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){4,6}(?![\w:])", re.I
)
RX_HOLIDAY_YEAR15 = re.compile(
    r"\b(?:Juneteenth|Mardi[ \t]+Gras|Pioneer[ \t]+Day|Thanksgiving|Christmas(?:[ \t]+(?:Eve|Day))?"
    r"|Easter(?:[ \t]+Sunday)?|Independence[ \t]+Day|Labor[ \t]+Day|Memorial[ \t]+Day"
    r"|Veterans[ \t]+Day|New[ \t]+Year'?s(?:[ \t]+(?:Eve|Day))?|Halloween|Good[ \t]+Friday"
    r"|Valentine'?s[ \t]+Day|Mother'?s[ \t]+Day|Father'?s[ \t]+Day|Cinco[ \t]+de[ \t]+Mayo"
    r"|Fourth[ \t]+of[ \t]+July|Groundhog[ \t]+Day|Hanukkah|Diwali|Ramadan|Eid)"
    r"(?:[ \t]+(?:of[ \t]+)?|,[ \t]*)((?:19|20)\d\d)(?!\d)"
)
_MONTHS_IBERIAN15 = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre"
    "|diciembre|janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
)
RX_IBERIAN_DATE15 = re.compile(
    rf"\b\d{{1,2}}[ \t]+de[ \t]+(?i:{_MONTHS_IBERIAN15})(?:[ \t]+(?:de|del)[ \t]+\d{{4}})?\b"
)
RX_COMPACT_DATE15 = re.compile(
    r"(?<![\w])\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:19|20)\d\d(?![\w])"
)
# "in Oulu, Finland": a town before its country (the country itself is no identifier)
RX_TOWN_COUNTRY15 = re.compile(
    rf"\b(?:in|from|near|born[ \t]+in|lives[ \t]+in|to)[ \t]+"
    rf"((?:{CAPW})(?:[ \t]+(?:{CAPW}|do|da|de|del|di|la|le|sur|am|an)){{0,3}}),"
    r"[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b"
)
# "Rua da Igreja, 61, 9700-845 Angra do Heroísmo"
RX_IBERIAN_STREET15 = re.compile(
    rf"\b((?:Rua|Avenida|Av\.|Travessa|Largo|Estrada|Praça|Praca|Calle|Carrer|Camino)[ \t]+"
    rf"(?:(?:d[aoe]s?|del|de[ \t]+la)[ \t]+)?(?:{CAPW})(?:[ \t]+(?:{CAPW}|d[aoe]s?|del)){{0,3}},"
    r"[ \t]*\d{1,4}[A-Z]?)"
    rf"(?:,[ \t]*(\d{{4}}-\d{{3}})[ \t]+((?:{CAPW})(?:[ \t]+(?:{CAPW}|d[aoe]s?)){{0,3}}))?"
)


def _slash_fields15(text: str, out: list) -> None:
    for line in re.finditer(r"[^\n]+", text):
        fields = list(RX_SLASH_FIELD15.finditer(text, line.start(), line.end()))
        # three labelled fields or more, one holding a number: "PT/OT/ST consults" is no record
        known = [m for m in fields if m.group(1) in _SLASH_FIELDS15]
        if len(known) < 3 or not any(text[m.end()].isdigit() for m in known):
            continue
        for k, m in enumerate(fields):
            cat = _SLASH_FIELDS15.get(m.group(1))
            if cat is None:
                continue
            s = m.end()
            e = fields[k + 1].start() if k + 1 < len(fields) else line.end()
            value = text[s:e].rstrip()
            # the value ends before a free-standing marker ("++ END")
            cut = value.find(" ++")
            if cut >= 0:
                value = value[:cut]
            # a label without a value of its own before the next one ("GUAR ACCT/...")
            words = value.split(" ")
            if len(words) > 1 and words[-1] in _SLASH_FIELDS15:
                value = value[: value.rfind(" ")].rstrip()
            if not value.strip():
                continue
            e = s + len(value)
            if cat == "NAME":
                for part in re.finditer(r"[^/]+", text[s:e]):
                    out.append((s + part.start(), s + part.end(), "NAME", 0.8))
            else:
                out.append((s, e, cat, 0.8))


def _json_values15(text: str, out: list) -> None:
    for m in RX_JSON_VALUE15.finditer(text):
        cat = _JSON_KEYS15[m.group(1).lower()]
        out.append((m.start(2), m.end(2), cat, 0.8))


def _fixed_width15(text: str, out: list) -> None:
    for h in RX_HEADER15.finditer(text):
        heads = list(re.finditer(r"\S+", text[h.start() : h.end()]))
        cats = [_COLUMNS15.get(x.group().lower()) for x in heads]
        if sum(c is not None for c in cats) < 3:
            continue
        starts = [x.start() for x in heads]
        pos = h.end() + 1
        while pos < len(text):
            eol = text.find("\n", pos)
            eol = len(text) if eol < 0 else eol
            row = text[pos:eol]
            if not row.strip():
                break
            for c in RX_CELL15.finditer(row):
                # the column whose name starts nearest before the cell (the cell may run
                # one column to the left when a name is long: "BOYAJIAN-THIND MIKEL")
                col = max((k for k, s in enumerate(starts) if s <= c.start() + 1), default=0)
                cat = cats[col]
                if cat is not None:
                    out.append((pos + c.start(), pos + c.end(), cat, 0.75))
            pos = eol + 1


def _legend15(ctx: _Ctx, text: str, out: list) -> None:
    for m in RX_LEGEND15.finditer(text):
        initials = m.group(1)
        if initials.lower() in NOT_INITIALS:
            continue
        out.append((m.start(2), m.end(2), "NAME", 0.8))
        for o in re.finditer(rf"(?<![\w.]){initials}(?![\w])", text):
            out.append((o.start(), o.end(), "NAME", 0.75))


def _handles15(ctx: _Ctx, text: str, out: list) -> None:
    for m in RX_BY_HANDLE15.finditer(text):
        h = m.group(1)
        low = h.lower()
        # a handle: parts of two letters or more joined by "." or "_" ("sulo.hundal", not
        # "a.m."), or one word that is no English word before a date or the line's end
        # ("reviewed by kuwaharo 3/23/2024"; "closed by approximating the muscle" is prose)
        parts = re.split(r"[._]", h)
        joined = len(parts) > 1 and all(len(p) >= 2 and p.isalpha() for p in parts)
        alone = (
            len(parts) == 1
            and len(h) >= 5
            and not ctx.is_common(h)
            and RX_HANDLE_END15.match(text, m.end(1)) is not None
        )
        if (
            (joined or alone)
            and not ctx.is_clinical(h)
            and low not in FUNCTION_WORDS
            and not h.isupper()
        ):
            out.append((m.start(1), m.end(1), "NAME", 0.7))


# the words one of a rule's matches holds: a rule is tried only when one is in the text
_CUES15 = {
    "slash": _w("pt nok guar name addr tel ph dob ss ssn mrn acct"),
    "handle": _w("""reviewed resolved requested approved entered merged updated closed signed
        verified acknowledged released edited"""),
    "plate": _w("veh vehicle van car truck pickup suv sedan trailer plate plates tag motorcycle"),
    "boat": _w("vessel boat registration reg skiff canoe kayak jet hull"),
    "aircraft": _w("aircraft airplane plane tail number flies flew registration"),
    "vin": _w("vin"),
    "holiday": _w("""juneteenth mardi pioneer thanksgiving christmas easter independence labor
        memorial veterans new halloween good valentine valentines mother mothers father fathers
        cinco fourth groundhog hanukkah diwali ramadan eid"""),
    "street": _w("rua avenida av travessa largo estrada praca calle carrer camino"),
    "country": frozenset(w for w in REGIONS10 if " " not in w),
}
RX_VANITY_HINT15 = re.compile(r"\d-[A-Z]{2}")
RX_COMPACT_HINT15 = re.compile(r"\d(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d")


# ----------------------------------------------------------------------------- round 17
# Records written as XML or as a DICOM dump: the element's or the value representation's name
# says what the value is, as the JSON keys of round 15 do (HL7 CDA "<given>", e-prescription
# "<LastName>", DICOM "PN [LAST^FIRST^M]").
_XML_ELEMENTS17 = {
    "given": "NAME",
    "family": "NAME",
    "firstname": "NAME",
    "lastname": "NAME",
    "middlename": "NAME",
    "patientname": "NAME",
    "city": "LOCATION",
    "postalcode": "LOCATION",
    "streetaddressline": "ADDRESS",
    "addressline1": "ADDRESS",
    "addressline2": "ADDRESS",
}
RX_XML_ELEMENT17 = re.compile(
    r"<(given|family|firstname|lastname|middlename|patientname|city|postalcode"
    r"|streetaddressline|addressline[12])(?:\s[^<>]*)?>([^<>\n]{1,80})</\1>",
    re.IGNORECASE,
)
# a DICOM dump's person name: "(0010,0010) PN [PASCOE^TREVOR^V]", components split by "^"
RX_DICOM_PN17 = re.compile(r"\)[ \t]+PN[ \t]+\[([^\]\n]{1,80})\]")


# Round 18 (set P read by kind). Each is a format or a cue of any text, not one set's shape.
# An implanted chip's number (a pet's or a person's): "Microchip TR9465931". Runs of spaces
# are taken whole (what follows each starts with no space): three runs given back one by one
# were cubic in a long run.
RX_MICROCHIP18 = re.compile(
    r"\b(?i:micro-?chip)(?:[ \t]*+(?i:id|number|no\.?|num|#))?[ \t]*+[:#]?[ \t]*+"
    r"((?=[A-Za-z0-9-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){5,24})(?![\w-])"
)
# A facility named by its kind and its town: "Medical Center of Cambridge", "Family Practice
# of Alamo", "Free Clinic of St. Agatha", "Nursing and Rehab of Selby".
RX_FAC_OF18 = re.compile(
    r"\b((?:Family[ \t]+Practice|Medical[ \t]+(?:Center|Centre)|Pharmacy|Senior[ \t]+Center"
    r"|Nursing[ \t]+(?:and|&)[ \t]+Rehab(?:ilitation)?|Ambulance[ \t]+Service|Free[ \t]+Clinic"
    r"|Dialysis[ \t]+(?:Unit|Center)|Health[ \t]+Center|Rehabilitation[ \t]+Center"
    r"|Nursing[ \t]+Home|Urgent[ \t]+Care|Rural[ \t]+Health[ \t]+Clinic|Public[ \t]+Library)"
    r"[ \t]+of[ \t]+(?:(?:St|Mt|Ft)\.[ \t]+|Saint[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    r"(?![\w-])"
)
# A town's named service: "Rugby Ambulance Service", "Menno Public Library", "HOSMER
# PHARMACY", "WISHEK DIALYSIS UNIT", "St. Agatha Volunteer Fire Dept".
RX_FAC_KIND18 = re.compile(
    r"\b((?:(?:St|Mt|Ft)\.[ \t]+)?(?:[A-Z][a-z]+|[A-Z]{3,})"
    r"(?:[ \t]+(?:[A-Z][a-z]+|[A-Z]{3,})){0,2}[ \t]+(?i:public[ \t]+library"
    r"|ambulance[ \t]+service|volunteer[ \t]+fire[ \t]+(?:dept\.?|department)"
    r"|dialysis[ \t]+unit|senior[ \t]+center|pharmacy))(?![\w-])"
)
_FAC_KIND_CUES18 = _w("library ambulance fire dialysis senior pharmacy")
_FAC_KIND_WORDS18 = _w("""public library ambulance service volunteer fire dept dept. department
    dialysis unit senior center pharmacy st. mt. ft.""")
# A two-cell row of a Markdown table, "| age | 102 |": read as "age: 102".
RX_KV_ROW18 = re.compile(
    r"^[ \t]*(\|)[ \t]*([A-Za-z][A-Za-z .#/'()-]{0,40}?)[ \t]*(\|)([^|\n]*)(\|)[ \t]*$",
    re.M,
)
# A person's initial and surname after "by" or a field's label at a line's start: "Entered by
# M. Quill", "Assigned: M. Bell", "Patroller: S. Haisch"; not an organism ("by E. Coli").
RX_INITIAL_SURNAME18 = re.compile(
    r"(?:\b(?i:by)|^[ \t]*[A-Z][A-Za-z]+(?:[ \t]+[A-Za-z]+)?[ \t]*:)[ \t]+"
    r"([A-Z]\.[ \t]?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])",
    re.M,
)
_SPECIES18 = _w("""coli pylori aureus difficile pneumoniae aeruginosa cereus albicans faecalis
    faecium influenzae epidermidis pyogenes agalactiae meningitidis gonorrhoeae trachomatis
    jirovecii vulgaris mirabilis marcescens cloacae baumannii maltophilia perfringens botulinum
    tetani monocytogenes typhi enteritidis jejuni cholerae burgdorferi pallidum neoformans
    fumigatus glabrata krusei vivax falciparum gondii lamblia vaginalis hominis saprophyticus
    lugdunensis mutans viridans bovis avium kansasii marinum tuberculosis leprae oxytoca
    catarrhalis pertussis acnes""")
# A dialysis or therapy schedule's days and time: "T/Th/S 1030", "M/W/F 0545", "MWF 0545".
RX_SCHEDULE18 = re.compile(
    r"\b(?:(?:M|Tu?|W|Th|F|Sa?|Su)(?:/(?:M|Tu?|W|Th|F|Sa?|Su)){1,6}|MWF|TTS|TThS|TTHS)"
    r"[ \t]+\d{3,4}\b"
)
# Relatives named in Spanish: the cue before a name, never the name.
_RELATIVES_ES18 = _w("""abuela abuelo madre padre mama papa hija hijo esposa esposo hermana
    hermano tia tio nieta nieto prima primo sobrina sobrino suegra suegro""")
RX_ALNUM18 = re.compile(r"[^\W_]+")


# Endings of Latin epithets that no surname has ("L. Pneumophila", "S. Lugdunensis", "N.
# Gonorrhoeae", "P. Jirovecii"): organisms outside the list. "-is", "-us", "-um" and "-ella"
# end surnames too (Eisenbeis, Birnbaum, Costella), and common words are surnames in made-up
# text ("R. Fever"): neither vetoes.
_EPITHET_ENDINGS18 = ("ae", "ii", "phila", "philus", "oides", "ensis")


def _round18(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    every = not text.isascii()
    if every or "microchip" in keys or "micro" in keys:
        for m in RX_MICROCHIP18.finditer(text):
            out.append((m.start(1), m.end(1), "DEVICE", 0.8))
    if ". " in text or "." in text:
        for m in RX_INITIAL_SURNAME18.finditer(text):
            surname = m.group(1).split(".")[-1].strip()
            if (
                surname.lower() not in _SPECIES18
                and not ctx.is_clinical(surname)
                and not (surname.lower().endswith(_EPITHET_ENDINGS18) and not ctx.is_last(surname))
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
    if every or "of" in keys:
        for m in RX_FAC_OF18.finditer(text):
            out.append((m.start(1), m.end(1), "FACILITY", 0.75))
    if every or not keys.isdisjoint(_FAC_KIND_CUES18):
        for m in RX_FAC_KIND18.finditer(text):
            # the town's words are no common or clinical word ("the Hospital Pharmacy")
            words = m.group(1).split()
            if not (m.group(1).isupper() or all(w[0].isupper() for w in words)):
                continue  # "Dispensing pharmacy": a kind of place in a sentence
            town = [w for w in words if w.lower() not in _FAC_KIND_WORDS18]
            if town and not any(ctx.is_common(w) or ctx.is_clinical(w) for w in town):
                out.append((m.start(1), m.end(1), "FACILITY", 0.75))


def _not_identifier18(ctx: _Ctx, text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    if cat in ("NAME", "LOCATION", "FACILITY", "ADDRESS"):
        tokens = RX_ALNUM18.findall(text, s, e)
        # a heading written with letters apart ("P R O T O C O L"), as faxes and OCR show it
        if (
            len(tokens) >= 3
            and all(len(t) == 1 for t in tokens)
            and not RX_ALNUM18.sub("", text[s:e]).strip()  # "Q-U-I-L-L" spells a name out
        ):
            return True
        if cat == "NAME" and tokens and all(t.lower() in LANGUAGES11 for t in tokens):
            return True  # "interpreter (Haitian Creole)"
        if cat == "NAME" and len(tokens) == 1 and ctx.low(tokens[0]) in _RELATIVES_ES18:
            return True  # "Abuela Ottilie Blood": the cue, not the name
    if cat in ("ADDRESS", "ID", "AGE", "PHONE") and text[s:e][-1:].isdigit():
        for m in RX_SCHEDULE18.finditer(text, max(0, s - 24), min(len(text), e + 4)):
            if m.start() <= s and e <= m.end():
                return True
    return False


def _kv_rows18(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The text with each two-cell table row "| key | value |" written "  key:  value  "
    (same length, same offsets), and the spans of the values; None without such rows."""
    if "|" not in text:
        return None
    chars: list[str] | None = None
    values = []
    for m in RX_KV_ROW18.finditer(text):
        value = m.group(4).strip()
        if not any(c.isalnum() for c in value):
            continue
        if chars is None:
            chars = list(text)
        chars[m.start(1)] = " "
        chars[m.start(5)] = " "
        colon = m.end(2) if m.end(2) < m.start(3) else m.start(3)
        chars[m.start(3)] = " "
        chars[colon] = ":"
        start = m.start(4) + m.group(4).index(value)
        values.append((start, start + len(value)))
    if chars is None:
        return None
    return "".join(chars), values


def _round17(text: str, out: list) -> None:
    if "</" in text:
        for m in RX_XML_ELEMENT17.finditer(text):
            value = m.group(2).strip()
            if not value or not any(ch.isalnum() for ch in value):
                continue
            start = m.start(2) + m.group(2).index(value)
            out.append((start, start + len(value), _XML_ELEMENTS17[m.group(1).lower()], 0.8))
    if "PN" in text:
        for m in RX_DICOM_PN17.finditer(text):
            for part in re.finditer(r"[^\^=]+", m.group(1)):
                if any(ch.isalpha() for ch in part.group()):
                    out.append((m.start(1) + part.start(), m.start(1) + part.end(), "NAME", 0.8))


def _round15(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    every = not text.isascii()  # the index holds ASCII words only: try every rule

    def has(kind: str) -> bool:
        return every or not keys.isdisjoint(_CUES15[kind])

    if "/" in text and has("slash"):
        _slash_fields15(text, out)
    if has("plate"):
        for m in RX_STATE_PLATE15.finditer(text):
            out.append((m.start(1), m.end(1), "VEHICLE", 0.8))
            e = m.end()
            while (more := RX_STATE_PLATE_MORE15.match(text, e)) is not None:
                out.append((more.start(1), more.end(1), "VEHICLE", 0.8))
                e = more.end()
    if '"' in text:
        _json_values15(text, out)
    if "  " in text:
        _fixed_width15(text, out)
    if "=" in text:
        _legend15(ctx, text, out)
    if every or ("by" in keys and has("handle")):
        _handles15(ctx, text, out)
    for kind, rx in (
        ("boat", RX_VESSEL15),
        ("boat", RX_HULL15),
        ("aircraft", RX_AIRCRAFT15),
        ("vin", RX_VIN_TAIL15),
    ):
        if has(kind):
            for m in rx.finditer(text):
                out.append((m.start(1), m.end(1), "VEHICLE", 0.8))
    if RX_VANITY_HINT15.search(text):
        for m in RX_VANITY15.finditer(text):
            if RX_PHONE_CUE15.search(text, max(0, m.start() - 30), m.start()):
                out.append((m.start(), m.end(), "PHONE", 0.8))
    if text.count(":") >= 4:
        for m in RX_IPV6_PART15.finditer(text):
            out.append((m.start(), m.end(), "IP", 0.8))
    if ":" in text:
        for m in RX_LONG_AFTER_COLON15.finditer(text):
            out.append((m.start(), m.end(), "ID", 0.5))
    if has("holiday"):
        for m in RX_HOLIDAY_YEAR15.finditer(text):
            out.append((m.start(), m.end(), "DATE", 0.8))
    if " de " in text:
        for m in RX_IBERIAN_DATE15.finditer(text):
            out.append((m.start(), m.end(), "DATE", 0.8))
    if RX_COMPACT_HINT15.search(text):
        for m in RX_COMPACT_DATE15.finditer(text):
            out.append((m.start(), m.end(), "DATE", 0.8))
    if "," in text and has("country"):
        for m in RX_TOWN_COUNTRY15.finditer(text):
            if (
                m.group(2).lower() in REGIONS10
                and m.group(1).lower() not in REGIONS10
                and not any(ctx.is_clinical(w) for w in m.group(1).split())
            ):
                out.append((m.start(1), m.end(1), "LOCATION", 0.75))
    if "," in text and has("street"):
        for m in RX_IBERIAN_STREET15.finditer(text):
            out.append((m.start(1), m.end(1), "ADDRESS", 0.8))
            if m.group(2):
                out.append((m.start(2), m.end(3), "LOCATION", 0.8))


def _rules(text: str) -> list[Finding]:
    found = _rules_of(text)
    rows = _kv_rows18(text)
    if rows is None:
        return found
    # a two-cell table row is a label and its value: what "age: 102" gives, "| age | 102 |"
    # gives too, in the value's cell and where the text as written found nothing
    variant, values = rows
    kept = _KeptSpans()
    for f in found:
        kept.add(f.start, f.end)
    more = [
        (f.start, f.end, f.category, f.confidence)
        for f in _rules_of(variant)
        if any(a <= f.start and f.end <= b for a, b in values) and not kept.overlaps(f.start, f.end)
    ]
    if not more:
        return found
    return _resolve(text, [(f.start, f.end, f.category, f.confidence) for f in found] + more)


def _rules_of(text: str) -> list[Finding]:
    if not text:
        return []
    ctx = _Ctx(text)
    words_ix = _words_index(text)
    cands: list = []
    _contacts(text, cands, words_ix)
    _ids(text, cands, words_ix)
    _vehicles_devices(text, cands, words_ix)
    _dates(text, cands, words_ix)
    _ages(text, cands, words_ix)
    _addresses(ctx, text, cands, words_ix)
    _facilities(ctx, text, cands)
    _more_ages(ctx, text, cands, words_ix)
    _more_numbers(ctx, text, cands, words_ix)
    _labelled_ids(ctx, text, cands, words_ix)
    _leader_rows(ctx, text, cands, words_ix)
    _ages_of_persons(ctx, text, cands, words_ix)
    _date_shapes(ctx, text, cands, words_ix)
    _handles_serials_plates(ctx, text, cands, words_ix)
    _cued_names(ctx, text, cands, words_ix)
    _name_shapes(ctx, text, cands, words_ix)
    _more_facilities(ctx, text, cands, words_ix)
    _names(ctx, text, cands, words_ix)
    _more_places(ctx, text, cands, words_ix)
    _locations(ctx, text, cands, words_ix)
    _more_locations(ctx, text, cands, words_ix)
    _round5(ctx, text, cands, words_ix)
    _places5(ctx, text, cands, words_ix)
    _round6(ctx, text, cands, words_ix)
    _round7(ctx, text, cands, words_ix)
    _round8(ctx, text, cands, words_ix)
    _round9(ctx, text, cands, words_ix)
    _round10(ctx, text, cands, words_ix)
    _round11(ctx, text, cands, words_ix)
    _round13(ctx, text, cands, words_ix)
    _round13b(ctx, text, cands, words_ix)
    _round15(ctx, text, cands, words_ix)
    _round17(text, cands)
    _round18(ctx, text, cands, words_ix)
    _round19(ctx, text, cands, words_ix)
    _round21(ctx, text, cands, words_ix)
    _round21b(ctx, text, cands, words_ix)
    _round21c(ctx, text, cands, words_ix)
    _round22(ctx, text, cands, words_ix)
    _round22b(ctx, text, cands, words_ix)
    _round22c(ctx, text, cands, words_ix)
    _round23(ctx, text, cands, words_ix)
    _round24(ctx, text, cands, words_ix)
    _round25(ctx, text, cands, words_ix)
    _round26(ctx, text, cands, words_ix)
    cands = [
        c
        for c in cands
        if not _not_identifier(text, c)
        and not _not_identifier10(ctx, text, c)
        and not _not_identifier11(ctx, text, c)
        and not _not_identifier13(ctx, text, c)
        and not _not_identifier16(text, c)
        and not _not_identifier17(text, c)
        and not _not_identifier18(ctx, text, c)
        and not _not_identifier19(ctx, text, c)
        and not _not_identifier20(ctx, text, c)
        and not _not_identifier22(ctx, text, c)
    ]
    found = _resolve(text, cands)
    implied = [
        c
        for c in _after_findings(ctx, text, found)
        + _after_address11(ctx, text, found)
        + _after_findings13(ctx, text, found)
        + _after_findings13b(ctx, text, found)
        + _after_findings21(ctx, text, found)
        + _after_findings22(ctx, text, found)
        + _after_findings24(ctx, text, found)
        + _after_findings25(ctx, text, found)
        if not _not_identifier11(ctx, text, c)
        and not _not_identifier20(ctx, text, c)
        and not _not_identifier22(ctx, text, c)
    ]
    if implied:
        found = _resolve(text, cands + implied)
    mentions = [
        c
        for c in _other_mentions8(ctx, text, found)
        + _initials_mentions11(text, found)
        + _other_mentions23(ctx, text, found)
        if not _not_identifier11(ctx, text, c)
        and not _not_identifier19(ctx, text, c)
        and not _not_identifier20(ctx, text, c)
        and not _not_identifier22(ctx, text, c)
    ]
    return _resolve(text, cands + implied + mentions) if mentions else found


# ----------------------------------------------------------------------------- round 19
# Names, by the kinds behind most of what got through: a person's role word before an initial
# and surname or a first name alone, a sign-off line's credential, a newborn's "Baby Girl X",
# a table's Name column, a line of a sign-out list ("224 - maria k 91f"), a name whose last
# name was not given.
_ROLE_TITLES19 = "Deputy|Trooper|Detective|Investigator|Sheriff|Marshal|Sergeant|Inspector|Agent"
RX_ROLE_INITIAL_SURNAME19 = re.compile(
    rf"\b(?:{_ROLE_TITLES19})[ \t]+([A-Z]\.[ \t]?(?:[A-Z]\.[ \t]?)?{NW}(?:-{NW})?"
    r"|(?:[A-Z]\.){2,3}(?![\w]))(?![\w'’-])"
)
# a sign-off line: a name or initials, then a credential, and nothing else on the line
_CRED19 = (
    r"(?:IBCLC|CPRS|CADC|CHW|CNA|EMT(?:-P)?|LPC|LCPC|RRT|SLP|CCC-SLP|RDN|LMSW|BCBA|CDCES|CPhT"
    rf"|{CRED})"
)
RX_SIGN_OFF19 = re.compile(
    r"(?m)^[ \t]*(?:[-–—~]+[ \t]*)?"
    r"((?:[A-Za-z][a-z'’-]+(?:[ \t]+[A-Za-z][a-z'’-]+)?(?:[ \t]+[A-Za-z]\.?)?)"
    r"|[A-Z]{2,3}|[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)"
    rf",[ \t]*(?i:{_CRED19})\.?[ \t]*$"
)
RX_NAME_INITIAL19 = re.compile(r"[A-Za-z][a-z'’-]+[ \t]+[A-Z]\.?")  # "Legend S"
# "Baby Girl Capelli", "Infant: Baby Boy Niese-Hovest": a newborn is named by its sex and surname
RX_BABY_SURNAME19 = re.compile(
    rf"\b(Baby[ \t]+(?:Boy|Girl)|BABY[ \t]+(?:BOY|GIRL)|baby[ \t]+(?:boy|girl))[ \t]+"
    rf"({NW}(?:-{NW})?|{CAPS_WORD})(?![\w'’-])"
)
# "Sterling (no last name given)": the first name of someone whose surname is not known
RX_NO_SURNAME19 = re.compile(
    rf"\b({NW}|[a-z]{{3,}})[ \t]+\((?i:no|unknown|not[ \t]+given|without)[ \t]+(?i:last|sur|family)"
    r"[ \t]?name"
)
# a line of a sign-out or census list: "224 - bernard k 91f (M62949728)", "- vito h 99yo"
RX_LIST_PERSON19 = re.compile(
    r"(?m)^[ \t]*(?:\d{1,4}[ \t]*[-–:.)][ \t]*|[-*•][ \t]*)"
    r"([A-Za-z][a-z'’-]{2,}(?:[ \t]+[A-Za-z][a-z'’-]{2,})?[ \t]+[A-Za-z])\.?"
    r"[ \t]+(\d{1,3})[ \t]?(?:yo|y/o|y\.o\.|[FMfm])\b"
)
# strong role words after which a first name alone is a person ("second shift Dewayne",
# "Caregiver Harmony signs for boxes", "driver Urban")
_ROLE_WORDS19 = _w("""caregiver driver shift courier escort chaperone sitter aide sponsor
    interpreter translator scribe runner dispatcher investigator deputy trooper detective""")
RX_ROLE_FIRST19 = re.compile(rf"\b((?i:{'|'.join(sorted(_ROLE_WORDS19))}))[ \t]+({NW})(?![\w'’-])")
# "re-issued to Guillermina.", "Spoke with Navy on Jul 3": a first name of the lists alone
RX_TO_FIRST19 = re.compile(rf"\b(?:to|with)[ \t]+({NW})(?=[ \t]*(?:[.;]|$|[ \t]on[ \t]))", re.M)
# a person's role before a first name and a surname, in any case ("Victim Lola Reyes",
# "student yvette marchand ; parent ..."): the surname may be an eponym ("Crohn", "Paget")
_PERSON_ROLES19 = _w("""victim student parent owner sternman deckhand captain witness caller
    client employee tenant applicant claimant subscriber guarantor insured donor recipient
    decedent contact""")
RX_ROLE_PAIR19 = re.compile(
    rf"\b((?i:{'|'.join(sorted(_PERSON_ROLES19))}))(?=(?:[ \t]*+:)?[ \t]++"
    r"([A-Za-z][A-Za-z'’]+)[ \t]++([A-Za-z][A-Za-z'’]+(?:-[A-Za-z][A-Za-z'’]+)?)(?![\w'’-]))"
)
# a sign-out handed over: "from carmen to shannon (pager 2029)", "Sign-out from Ana to Raul"
RX_HANDOFF19 = re.compile(
    r"(?im)^[ \t]*+(?:(?:night|day|weekend)?[ \t]*+sign-?out[ \t:,-]*+)?from[ \t]++([a-z][a-z'’-]+)"
    r"[ \t]++to[ \t]++([a-z][a-z'’-]+)(?=[ \t]*+(?:\(|$|[,;]))"
)
# a mother "and baby blaze": the newborn's first name
RX_AND_BABY19 = re.compile(r"\b(?:and|with)[ \t]+baby[ \t]+([A-Za-z][a-z'’-]+)(?![\w'’-])")
# "this is Pulu." on a call: the speaker's first name
RX_THIS_IS19 = re.compile(rf"\b(?i:this[ \t]+is)[ \t]+({NW})(?=[.,!])")
# the separators of a table written without borders: pipes, tabs, two spaces or more. Spaces
# before a pipe are taken from their run's start only (a split never begins inside a run it
# could have begun before): tried at each space, a long run without a pipe was read again and
# again
RX_CELL_SEP19 = (
    re.compile(r"(?<![ \t])[ \t]*\|[ \t]*|\|[ \t]*"),
    re.compile(r"\t"),
    re.compile(r" {2,}"),
)
# what follows a name in its cell: "Smith of Boston", "Smith (mother)"; taken from
# its run of spaces' start only, as RX_CELL_SEP19
RX_CELL_NAME_TAIL19 = re.compile(r"(?<![ \t])(?:[ \t]+of[ \t]+|[ \t]*\()")
RX_CELL_NAME19 = re.compile(
    rf"(?:{NW}|{CAPS_WORD}|[a-z][a-z'’-]+)(?:,?[ \t]+(?:{NW}|{CAPS_WORD}|[a-z][a-z'’-]+|[A-Z]\.?))"
    r"{0,3}"
)
# a table's header line naming a column of persons, with no digit
RX_NAME_HEAD19 = re.compile(
    r"(?im)^(?=[^\n]*(?:\||\t| {2}))(?=[^\n]*\b(?:names?|patient|pt|client|member|resident|res"
    r"|student|caller|initials)\b)[^\n\d]+$"
)
RX_HEAD_LINE19 = re.compile(r"[^\n\d]+$")
RX_LINE19 = re.compile(r"^[^\n]*", re.M)
RX_CELL_INITIALS19 = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){2,3}")
_NAME_COLUMNS19 = _w("name names patient pt client member resident res student caller initials")
# organisms' epithets and rhythms after an initial, outside round 18's list
_EPITHETS19 = _w("""auris fragilis flutter fib parapsilosis tropicalis lusitaniae haemolyticus
    capitis anginosus mitis sanguinis salivarius gallolyticus dysgalactiae abscessus chelonae
    fortuitum intracellulare urealyticum genitalium thetaiotaomicron nucleatum necrophorum
    canimorsus multocida henselae quintana israelii striatum jeikeium diphtheriae freundii
    koseri aerogenes morganii hydrophila vulnificus fluorescens putida stutzeri cepacia
    xylosoxidans anthracis subtilis sonnei flexneri enterocolitica pestis tularensis
    melitensis immitis capsulatum dermatitidis schenckii gattii furfur rubrum tonsurans
    versicolor scabiei stercoralis lumbricoides vermicularis histolytica parvum cruzi""")


def _round19(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    every = not text.isascii()
    if "." in text:
        for m in RX_ROLE_INITIAL_SURNAME19.finditer(text):
            surname = m.group(1).replace(".", " ").split()[-1]
            if len(surname) == 1 or not _epithet19(ctx, surname):
                out.append((m.start(1), m.end(1), "NAME", 0.8))
    if "," in text:
        for m in RX_SIGN_OFF19.finditer(text):
            name = m.group(1)
            words = [w for w in re.findall(r"[A-Za-z'’-]+", name) if len(w) > 1]
            if RX_CELL_INITIALS19.fullmatch(name.replace(" ", "")):
                if re.fullmatch(CRED, name):
                    continue  # "MD, FACS": two credentials
            elif not words or not (
                all(ctx.is_name(w) or ctx.plausible_name_word(w, True) for w in words)
                or (len(words) == 1 and RX_NAME_INITIAL19.fullmatch(name))
            ):
                continue
            out.append((m.start(1), m.end(1), "NAME", 0.8))
    if every or "baby" in keys:
        for m in RX_BABY_SURNAME19.finditer(text):
            w = m.group(2)
            if ctx.is_last(w) or (
                not m.group(1).islower() and not ctx.is_clinical(w) and not ctx.is_common(w)
            ):
                out.append((m.start(2), m.end(2), "NAME", 0.8))
    if "(" in text and (every or "name" in keys):
        for m in RX_NO_SURNAME19.finditer(text):
            w = m.group(1)
            if ctx.is_first(w) or ctx.plausible_name_word(w, True) and w[0].isupper():
                out.append((m.start(1), m.end(1), "NAME", 0.8))
    for m in RX_LIST_PERSON19.finditer(text):
        seg = m.group(1)
        first = seg.split()[0]
        if first.lower() not in FUNCTION_WORDS and (
            ctx.is_first(first)
            or (
                ctx.plausible_name_word(first, True)
                and not ctx.is_common(first)
                and not ctx.is_clinical(first)
            )
        ):
            out.append((m.start(1), m.end(1), "NAME", 0.75))
            if 90 <= int(m.group(2)) <= 120:
                out.append((m.start(2), m.end(2), "AGE", 0.75))
    if every or not keys.isdisjoint(_ROLE_WORDS19):
        for m in RX_ROLE_FIRST19.finditer(text):
            if ctx.low(m.group(1)) not in _ROLE_WORDS19:
                continue
            w = m.group(2)
            if ctx.is_first(w) and not ctx.is_clinical(w) and w.lower() not in FUNCTION_WORDS:
                out.append((m.start(2), m.end(2), "NAME", 0.75))
    if every or "to" in keys or "with" in keys:
        for m in RX_TO_FIRST19.finditer(text):
            w = m.group(1)
            if ctx.is_first(w) and not ctx.is_last(w) and not ctx.is_ambiguous(w):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if every or not keys.isdisjoint(_PERSON_ROLES19):
        for m in RX_ROLE_PAIR19.finditer(text):
            if ctx.low(m.group(1)) not in _PERSON_ROLES19:
                continue
            first, last = m.group(2), m.group(3)
            if first.lower() in FUNCTION_WORDS or ctx.is_common(first) or ctx.is_clinical(first):
                continue
            if last.lower() in _PARTICLE_WORDS:
                continue  # "Gunnar De Hart": the surname goes on past the particle
            if not ctx.is_first(first) and not (
                ctx.plausible_name_word(first, True) and ctx.is_last(last)
            ):
                continue  # a first name of no list needs a surname of one
            # the surname: of the lists, no common word, or an eponym written as a name
            if (
                ctx.is_last(last)
                or (ctx.plausible_name_word(last, True) and not ctx.is_common(last))
                or (first.istitle() and last.istitle() and ctx.is_first(first))
            ) and not ctx.is_common(last):
                out.append((m.start(2), m.end(3), "NAME", 0.75))
    if every or "from" in keys:
        for m in RX_HANDOFF19.finditer(text):
            pair = (m.group(1), m.group(2))
            if all(_first_like19(ctx, w) for w in pair) and any(ctx.is_first(w) for w in pair):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
                out.append((m.start(2), m.end(2), "NAME", 0.75))
    if every or "baby" in keys:
        for m in RX_AND_BABY19.finditer(text):
            if _first_like19(ctx, m.group(1)) and ctx.is_first(m.group(1)):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
    if every or "this" in keys:
        for m in RX_THIS_IS19.finditer(text):
            w = m.group(1)
            if ctx.is_first(w) and not ctx.is_common(w) and not ctx.is_clinical(w):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    _name_columns19(ctx, text, out)


def _surname_after_initial19(ctx: _Ctx, seg: str, after: str) -> bool:
    """ "Dr. G. Scarr": an initial other than the placeholders' X, Y, Z, then a capitalised word
    that is no common, clinical or epithet word, or a surname of the lists."""
    parts = seg.split(" ")
    if len(parts) < 2 or not re.fullmatch(r"[A-W]\.", parts[0]) or "\n" in parts[0]:
        return False
    w = parts[1].rstrip(".,;:")
    if not RX_SURNAME19.fullmatch(w) or _epithet19(ctx, w):
        return False
    if ctx.is_common(w) and (len(parts) > 2 or after not in (";", ",", "(", "\n", "")):
        return False  # "Dr. F. Blood was drawn"; "Dr. N. Cheek;" is a name
    if RX_LETTER_DOCTOR19.search(ctx.text):
        return False  # a text naming its doctors by a letter ("Dr. P, who"): "Dr. F. Both"
    if ctx.is_last(w):
        return True
    return ctx.plausible_name_word(w, True) and not w.lower().endswith(_CLINICAL_ENDINGS19)


RX_SURNAME19 = re.compile(rf"{NW}|[{UP}][{LO}]+[{UP}][{LO}]+")  # and "DePalma", "LeBlanc"
# "Dr. P, who is on call": a text that writes its doctors as a letter
RX_LETTER_DOCTOR19 = re.compile(r"(?:Dr|Doctor)\.?[ \t]+[A-Z](?![\w.])")
_CLINICAL_ENDINGS19 = (
    "gram",
    "graphy",
    "scopy",
    "itis",
    "ectomy",
    "otomy",
    "plasty",
    "ology",
    "emia",
    "osis",
    "opathy",
    "algia",
    "ase",
    "ine",
    "ide",
    "ole",
    "mab",
    "nib",
    "pril",
    "sartan",
    "olol",
    "statin",
    "cillin",
    "mycin",
    "cycline",
    "azole",
    "ation",
    "ment",
    "ness",
)


def _first_like19(ctx: _Ctx, w: str) -> bool:
    """May w be a first name in a strong slot: of the lists or no word, and never a common,
    clinical or function word ("from home to icu")."""
    lw = w.lower()
    return (
        lw not in FUNCTION_WORDS
        and not ctx.is_common(w)
        and not ctx.is_clinical(w)
        and lw not in _WEEKDAYS5
        and (ctx.is_first(w) or ctx.plausible_name_word(w, True))
    )


def _epithet19(ctx: _Ctx, word: str) -> bool:
    lw = word.lower()
    return (
        lw in _SPECIES18
        or lw in _EPITHETS19
        or (ctx.is_clinical(word) and not ctx.is_last(word))
        or (lw.endswith(_EPITHET_ENDINGS18) and not ctx.is_last(word))
    )


def _split_cells19(line: str) -> tuple[int, list[tuple[int, str]]] | None:
    """The cells of a table's line as (offset, text), with the separator's index."""
    for i, sep in enumerate(RX_CELL_SEP19):
        parts = sep.split(line)
        if len(parts) >= 3:
            cells, pos = [], 0
            for m in sep.finditer(line):
                cells.append((pos, line[pos : m.start()]))
                pos = m.end()
            cells.append((pos, line[pos:]))
            return i, cells
    return None


def _name_columns19(ctx: _Ctx, text: str, out: list) -> None:
    """A table written without borders ("Plate | Name | DOB", "Tag #  Color  Name  Age"):
    the cells under a column headed by a person's name are names."""
    heads = [m.start() for m in RX_NAME_HEAD19.finditer(text)]
    if not heads:
        return
    lines = []
    for h in heads:
        for ln in RX_LINE19.finditer(text, h):
            row = ln.group()
            if ln.start() > h and RX_HEAD_LINE19.match(row) and row.strip(" \t|:-"):
                break  # the next table's header, read from there
            if not row.strip():
                break
            lines.append((ln.start(), row))
    head: tuple[int, int, int] | None = None  # separator, column, cells
    for start, line in lines:
        split = _split_cells19(line)
        if split is None:
            head = None
            continue
        sep, cells = split
        if not line.strip(" \t|:-"):
            continue  # a Markdown table's rule under its header
        words = [c.strip().lower().rstrip(":#") for _, c in cells]
        if not re.search(r"\d", line):
            cols = [i for i, w in enumerate(words) if w in _NAME_COLUMNS19]
            head = (sep, cols[0], len(cells)) if len(cols) == 1 else None
            continue
        if head is None or head[0] != sep or len(cells) < head[2]:
            head = None if head is None or len(cells) < head[2] - 1 else head
            continue
        p, cell = cells[head[1]]
        value = cell.strip()
        if not value or re.search(r"\d", value):
            continue
        s = start + p + cell.index(value)
        value = RX_CELL_NAME_TAIL19.split(value)[0]
        if RX_CELL_INITIALS19.fullmatch(value):
            if value.lower() in _NOT_INITIALS6 or re.fullmatch(CRED, value):
                continue
        elif not RX_CELL_NAME19.fullmatch(value):
            continue
        else:
            name_words = re.findall(r"[A-Za-z'’-]{2,}", value)
            if not name_words or any(
                (ctx.is_clinical(w) and not ctx.is_name(w)) or not ctx.plausible_name_word(w, True)
                for w in name_words
            ):
                continue
        out.append((s, s + len(value), "NAME", 0.8))


RX_EXCELLENCE19 = re.compile(r"(?i)\bcent(?:er|re)s?[ \t]+of[ \t]+excellence\b")


def _not_identifier19(ctx: _Ctx, text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    if cat == "FACILITY" and RX_EXCELLENCE19.search(text, s, e):
        return True  # "Medical Center of Excellence": a program's label, not a place
    if cat == "NAME" and text[e : e + 1] == "#" and text[s:e].isupper():
        return True  # "MR#", "RX#": a field's label, not initials
    if cat == "NAME" and e - s <= 40:
        # an organism or a rhythm after an initial ("C. Auris", "A. Flutter")
        m = re.fullmatch(r"[A-Z]\.[ \t]?([A-Za-z]+)", text[s:e])
        if m and m.group(1).lower() in _EPITHETS19:
            return True
    return False


# ----------------------------------------------------------------------------- round 20
# False alarms by the shape of clinical text: a time phrase before a facility's head ("OVER
# EASTER CLINIC RUNS LATE"), a ward, pod or bed of the hospital taken for a town ("Transferred
# to West Tower 7", "the Birch Pod", "Dialysis chair 12"), a product and its model number taken
# for a person or a firm ("Carmen Luxe2", "Resmed Health Aria G4"), a drug before its dose
# ("Verquvo 10 mg"), and an eponym written into a compound ("semi-Fowler", "Holter monitor").
_TIME_WORDS20 = _w("""during over after before since until till last next this past every at
    around by in on from ago the a an of years year yrs weeks week wks days day months month
    hours hrs season seasons spring summer fall autumn winter lent advent ramadan thanksgiving
    christmas easter holiday holidays weekend morning afternoon evening night today tonight
    tomorrow yesterday early late""")
_WARD_NOUNS20 = _w("""unit units pod pods wing ward bed beds chair chairs room rooms floor suite
    annex pavilion lounge""")  # not bay or tower: "Hampton Bays", "Tower, MN"
_WARD_ENDS20 = _w("unit units pod pods wing ward")  # never the last word of a town
_PREFIXES20 = _w("semi non anti post pre pseudo para peri sub super trans intra extra hemi")
RX_ROOM_NUMBER20 = re.compile(
    r"(?: [A-Z][a-z]+)? [A-Z]?\d{1,3}[A-Z]?(?![\w/.:-]|[ \t(-]*\d)"
    r"(?![ \t]*(?i:years?|yrs?|y/?o|days?|weeks?|wks?|months?|mos?|hours?|hrs?|times|miles?|mi"
    r"|km|%|mg|kg|lbs?)\b)"
)
RX_WORD_AFTER20 = re.compile(r"[ \t]+([A-Za-z]+)")
RX_HEAD_AFTER20 = re.compile(r"(?:[ \t]+[A-Z][a-z]+)?[ \t]+([a-z]+)")
# a product's model after its name: "Drager Vela 45:", "Carmen Luxe2" (and "Aria G4" below)
RX_MODEL_AFTER20 = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+){0,2}(?:\d{1,3}(?![\w])|[ \t]+\d{1,3}[A-Z]?:(?!\d))"
)
# the next field's numbered label after a value: "Witness 1: X Y   Witness 2: ..." (round 22)
RX_NEXT_LABEL22 = re.compile(r"[ \t]{2,}[A-Z][a-z]+[ \t]+\d{1,2}[ \t]*:")
RX_MODEL_CODE_AFTER20 = re.compile(r"(?:[ \t]+[A-Z][a-z]+)?[ \t]+[A-Z]{1,2}\d{1,2}(?![\w-])")
# a dose, a puff or a frequency after a drug's brand name (one more word of the name between)
RX_DOSE_AFTER20 = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:\d+(?:\.\d+)?[ \t]*(?:mg|mcg|µg|g|ml|mL|units?|IU|%)\b"
    r"|(?:one|two|1|2)[ \t]+puffs?\b|(?i:daily|diario|diaria|nightly|weekly|bid|tid|qid|qhs"
    r"|q\d+[hdw])\b)"
)
_COMPOUND_HEADS20 = _w("monitor monitors recorder pump tea virus fever fold folds")


def _not_identifier20(ctx: _Ctx, text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    if cat == "FACILITY":
        words = [w.lower() for w in re.findall(r"[A-Za-z]+|\d+", text[s:e])]
        if any(w in _TIME_WORDS20 for w in words) and all(
            w in _TIME_WORDS20 or w.isdigit() or re.fullmatch(FAC_HEAD, w, re.I) for w in words
        ):
            return True  # "OVER EASTER CLINIC", "2 DAYS AGO CLINIC"
        if text[s:e].split()[-1].lower() in ("pod", "pods", "wing"):
            return True  # "Birch Pod": a part of the building
    if cat == "LOCATION":
        words = re.findall(r"[A-Za-z]+", text[s:e])
        if words and (
            words[-1].lower() in _WARD_ENDS20
            or (words[0] == "the" and words[-1].lower() in _WARD_NOUNS20)
        ):
            return True  # "the Cedar Unit", "the Birch Pod"
        after = RX_WORD_AFTER20.match(text, e)
        if after and after.group(1).lower() in _WARD_NOUNS20:
            return True  # "Cedar wing", "Dialysis chair 12"
        if text[e - 1].isalpha() and RX_ROOM_NUMBER20.match(text, e):
            return True  # "Station 2", "West Tower 7": a place in the building
    if (
        cat in ("NAME", "FACILITY")
        and RX_MODEL_AFTER20.match(text, e)
        and not RX_NEXT_LABEL22.match(text, e)
    ):
        return True
    if cat == "FACILITY" and RX_MODEL_CODE_AFTER20.match(text, e):
        return True
    if cat == "NAME":
        if RX_DOSE_AFTER20.match(text, e):
            return True
        before = re.search(r"(?<![\w-])([a-z]{2,})-$", text[max(0, s - 12) : s])
        if before and before.group(1) in _PREFIXES20:
            return True  # "semi-Fowler", "non-Hodgkin"
        after = RX_HEAD_AFTER20.match(text, e)
        if after and after.group(1).lower() in _COMPOUND_HEADS20:
            return True  # "Holter monitor", "Lady Grey tea"
    return False


# ----------------------------------------------------------------------------- round 21
# Kinds behind the misses of sets R and S: a person's surname that is also an eponym
# ("Dr. Charcot", "Lucien Adson, RN"), an initial before a found surname ("and O. Ware, RN"),
# a role written as a field's label ("Supervisor:", "Team leader:", "Exercise physiologist:"),
# a name before a credential the rules did not know ("CPO", "ATC", "CEP"), the rest of a
# facility's name after the head the rules stopped at ("Health Systems", "Hospital District").
_TITLES21 = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Doctor)"
# a title, then one capitalised word (the rules left it: a word of the clinical list)
RX_TITLE_SURNAME21 = re.compile(rf"\b{_TITLES21}\.?[ \t]+({NW}(?:-{NW})?)(?![\w'’-]|\.[A-Za-z])")
TRIGGERS["TITLE21"] = _w("mr mrs ms mx miss dr doctor")
# what follows an eponym when it names a sign, a disease or an instrument, beside HEAD_NOUNS
_EPONYM_HEADS21 = _w("""murmur foot joint joints edema oedema arthropathy aneurysm formula
    diverticulum breathing respiration nodes node phenomenon maneuver manoeuvre test sign""")
RX_WORD_AFTER21 = re.compile(r"(?:['’]s)?[ \t]+([A-Za-z]+)")
# a field's label naming a person by role: a line's first words (or after a run of spaces)
# and a colon. The last word of the label is a person's role, by its ending or by the list.
RX_ROLE_LABEL21 = re.compile(
    r"(?:^|(?<=[ \t]{2})|(?<=\t)|(?<=[.;][ \t]))"
    r"((?:[A-Za-z][A-Za-z'’-]*[ \t]){0,3}[A-Za-z][A-Za-z'’-]*)[ \t]*:[ \t]*",
    re.M,
)
_ROLE_ENDINGS21 = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ive")
_ROLE_NOUNS21 = _w("""child parent staff lead tech contact subject guardian spouse partner member
    patient son daughter wife husband mother father mom dad escort slp rn lpn cna emt medic
    np pa md do coach chaplain sibling aunt uncle cousin friend neighbor neighbour""")
# labels that end like a role but name a thing ("Order:", "Monitor:", "Treatment:")
_NOT_ROLES21 = _w("""order other number center centre cancer disorder monitor letter header
    filter tumor tumour factor counter chamber parameter anterior posterior interior exterior
    error color colour indicator sensor treatment assessment management placement content
    event comment segment statement equipment department document amount percent consent
    payment appointment enrollment enrolment present current recent adjustment implant
    pregnant relevant significant agent component regimen intent impairment requirement
    improvement involvement deficient patent adherent fever water weather paper cover
    register number diameter meter quarter chapter member's primary secondary whether
    summer winter river border barrier shelter transfer referral carrier dinner liver
    after under over never ever either neither ulcer marker manner matter master power
    sister's objective subjective positive negative alternative active""")
RX_LABEL_VALUE21 = re.compile(
    rf"((?:[A-Z]\.[ \t]?)?{NW}(?:[ \t]+(?:[A-Z]\.|{NW})){{1,3}})"
    r"(?=[ \t]*(?:$|[,;(]|[ \t]{2}|\t))",
    re.M,
)
RX_LABEL_INITIAL21 = re.compile(
    rf"([A-Z]\.[ \t]?(?:[A-Z]\.[ \t]?)?{NW})(?=[ \t]*(?:$|[,;(]|[ \t]{{2}}|\t))", re.M
)
# credentials of the trades the rules did not know, after a name: "Gatluak Toll, CPO"
RX_CRED_MORE21 = re.compile(
    r",[ \t]*(?:CPO|ATC|CEP|EMT-P|EMT-B|CCC-SLP|CSCS|CPRP|CRC|CTRS|CDP"
    r"|(?:MS|MA|CO)(?=[ \t]*(?:,|$)))(?![\w-])",
    re.M,
)
RX_NAME_BEFORE21 = re.compile(
    rf"(?<![\w'’.-])((?:[A-Z]\.[ \t]?)?{NW}(?:[ \t]+(?:[A-Z]\.|{NW})){{0,3}})$"
)
# the rest of a facility's name after the head the rules stopped at
_FAC_TAILS21 = _w("""system systems district department dept services service program programs
    campus corps squad alliance authority medical company market cooperative association network
    partners group foundation institute""")
RX_FAC_TAIL21 = re.compile(
    r"(?:[ \t]+(?:and|&)[ \t]+"
    r"(?:Rehab|Rehabilitation|Prosthetics|Wellness|Nursing|REHAB|PROSTHETICS)"
    rf"|(?:[ \t]+[{UP}][A-Za-z]+){{1,2}})(?![\w'’-])"
)


RX_INITIAL_BEFORE21 = re.compile(r"(?<![^\s:,;(])[A-Z]\.[ \t]?\Z")


RX_LABEL_LAST_FIRST21 = re.compile(
    rf"({NW}(?:-{NW})?,[ \t]+{NW}(?:[ \t]+[A-Z]\.?)?)(?=[ \t]*(?:$|[;(]|[ \t]{{2}}|\t))", re.M
)
RX_LABEL_LOWER21 = re.compile(
    r"([a-z][a-z'’]+(?:[ \t]+[a-z]\.)?[ \t]+[a-z][a-z'’]+(?:-[a-z][a-z'’]+)?)"
    r"(?=[ \t]*(?:$|[,;(]|[ \t]{2}|\t))",
    re.M,
)
# a header line's patient, ALL CAPS with a middle initial, before an identifier or a DOB:
# "ZENKER, ALGOT D  MR052408", "Recipient: NAEGELE, ACHOL J   MRN 283951-2"
RX_CAPS_HEADER_NAME21 = re.compile(
    rf"(?:^|(?<=:)|(?<=:[ \t]))[ \t]*([{UP}]{{2,}}(?:-[{UP}]{{2,}})?,[ \t]*[{UP}]{{2,}}"
    rf"(?:-[{UP}]{{2,}})?[ \t]+[A-Z])(?=[ \t]{{2,}}(?:[^\s]*\d|MRN|DOB|AGE|Age))",
    re.M,
)
# a line that begins with a name and the age: "Arwa Akech-Majok, 90 y/o, MRN ..."
RX_NAME_AGE_LINE21 = re.compile(
    rf"^[ \t]*((?:{NW}|[a-z][a-z'’-]+)(?:[ \t]+(?:[A-Za-z]\.|{NW}|[a-z][a-z'’-]+)){{1,2}}),"
    r"[ \t]*\d{1,3}[ \t]*(?:y/o|yo|y\.o\.|-year-old|years?[ \t]+old)\b",
    re.M,
)
# a log's rows: a date first, a person's initials last ("12/27/2025  R arm  0.30 mL  ...  AJ")
RX_DATED_ROW21 = re.compile(r"^(\d{1,2}/\d{1,2}(/\d{2,4})?)[ \t]{2}[^\n]*+", re.M)
RX_ROW_INITIALS21 = re.compile(r"[ \t]{2}([A-Z]{2,3})[ \t]*$")
# a note's author and date in brackets: "[Coordinator BB 12/21]: please remove ..."
RX_BRACKET_AUTHOR21 = re.compile(
    r"\[(?:[A-Za-z]+[ \t]+){0,2}([A-Z]{2,3})[ \t]+((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])"
    r"(?:/(?:\d\d){1,2})?)\]"
)
# "next dive 6/1", "next remote 6/11": the date of what comes next
RX_NEXT_MD21 = re.compile(
    r"\b(?i:next)[ \t]+(?:(?!(?i:in|for|x|every|within|after|q)\b)[A-Za-z]+[ \t]+){0,2}"
    r"((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))"
    r"(?![\d/-]|\.\d|[ \t]*(?i:mg|ml|tabs?|doses?|units?)\b)"
)
TRIGGERS["NEXT21"] = _w("next")
# "last 4 of ssn (for id check): 6634": a parenthesis between the cue and the digits
RX_SSN_LAST4_PAREN21 = re.compile(
    r"\b(?i:last[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:the[ \t]+)?(?:ssn|ss#?|soc"
    r"|social(?:[ \t]+security)?(?:[ \t]+(?:number|no\.?|#))?))[ \t]*\([^()\n]{1,30}\)[ \t]*+"
    r"[:#-]?[ \t]*+(\d{4})(?!\d)"
)
TRIGGERS["SSN4P21"] = _w("last")
# a serial written in groups of digits: "ser# 3885 3866 78", "S/N : 2313 0199 50"
RX_SERIAL_SPACED21 = re.compile(
    r"(?:\b(?i:ser(?:ial)?(?:[ \t]*+(?:#|no\.?|number))?)|\b(?i:s/n))[ \t]*+[:#]?[ \t]*"
    r"(\d{3,5}(?:[ \t]\d{2,5}){2,3})(?![\w-])"
)
TRIGGERS["SERSP21"] = _w("ser serial s")
# an insurance or plan ID in groups of digits: "ID 5719 0120 53", "plan ID 5264 4577 09"
RX_ID_SPACED21 = re.compile(
    r"\b(?:ID|Id|id)[ \t]*+[:#]?[ \t]*(\d{4}[ \t]\d{4}[ \t]\d{2,4})(?![\w-])"
)
TRIGGERS["IDSP21"] = _w("id")
# a plate in lower case: "plate cdj6005 (ny)", "buick plate 955 ujw"
RX_PLATE_LOWER21 = re.compile(
    r"\b(?i:plate|tag)\b[ \t]*+[:#]?[ \t]*((?=[a-z0-9 -]*\d)(?=[a-z0-9 -]*[a-z])"
    r"[a-z0-9]{2,4}[ -]?[a-z0-9]{2,4})(?![\w-])"
)
TRIGGERS["PLATEL21"] = _w("plate tag")
# "County at dx: Middlesex", "County: Graves": a county's name after its label
RX_COUNTY_VALUE21 = re.compile(
    rf"\b(?i:county)(?:[ \t]+(?:at|of)[ \t]+[A-Za-z]+)?[ \t]*:[ \t]*({NW}(?:[ \t]+{NW}){{0,2}})"
    r"(?=[ \t]*(?:$|[,;(]|[ \t]{2}|\t))",
    re.M,
)
TRIGGERS["COUNTYV21"] = _w("county")
# a town in lower case after a call's or a visit's "from": "son called from oak bluffs asking"
RX_CALLED_FROM21 = re.compile(
    r"\b(?i:called|calling|phoned|drove|driving|visiting|came)[ \t]+from[ \t]+"
    r"([a-z]+(?:[ \t]+[a-z]+){0,3})"
)
TRIGGERS["CALLEDF21"] = _w("called calling phoned drove driving visiting came")
_NOT_TOWNS21 = _w("""home work school church jail prison hospital clinic office store car phone
    cell room floor unit bed the a an his her their my our your rehab facility daughter son wife
    husband mother father""")
# an age run into the sex in a list line: "oneta lively, 98m a&ox3"
RX_AGE_SEX_GLUED21 = re.compile(r",[ \t]*(9\d|1[01]\d|120)(?=[mfMF](?![\w]))")


# the identifier cell right after a header's patient: "ZENKER, ALGOT D  161 5362  Visit ..."
RX_HEADER_ID_CELL21 = re.compile(
    r"[ \t]{2,}([A-Z]{0,3}[0-9][A-Z0-9]*(?:[ -][A-Z0-9]+){0,3})(?=[ \t]{2,}|[ \t]*$)", re.M
)
# a visit's or a band's number: "Visit 214-505-304-P", "BB armband ESF9354", "bracelet 16C615244"
RX_VISIT_BAND21 = re.compile(
    r"\b(?i:visit|encounter|armband|wristband|bracelet|band)[ \t]*+(?:#|no\.?|number)?[ \t]*+:?"
    r"[ \t]*((?=[A-Z0-9-]*\d)[A-Z0-9]{1,10}(?:-[A-Z0-9]{1,10}){0,3})(?![\w-])"
)
TRIGGERS["VISITB21"] = _w("visit encounter armband wristband bracelet band")
# a licence after a profession or in a letter and digits: "licensed psychologist 50983-A",
# "license C 613689"
RX_LICENSE_MORE21 = re.compile(
    r"\b(?:(?i:licen[sc]ed)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?"
    r"|(?i:licen[sc]e(?:[ \t]*+(?:#|no\.?|number))?))"
    r"[ \t]*+:?[ \t]*([A-Z][ \t]\d{5,8}|\d{2,8}(?:-\d{2,8})*(?:-[A-Z])?)(?![\w-])"
)
TRIGGERS["LICM21"] = _w("licensed licenced license licence")
# an age and a sex after a name: "Oleta P. Quincke, 94 F, of Elkton", "Ogilvie, ninety-three M"
RX_AGE_SEX21 = re.compile(rf",[ \t]*({AGE_ANY})[ \t]?(?=[MF](?![\w-]))")
# a person "of" a town: "94 F, of Elkton,", "a widower of White Stone (Lancaster County)"
RX_PERSON_OF_TOWN21 = re.compile(
    rf"(?:\b[MF],|\b(?i:widow|widower|resident|native|man|woman))[ \t]+of[ \t]+"
    rf"({NW}(?:[ \t]+{NW}){{0,2}})(?=[ \t]*[,(])"
)
TRIGGERS["PERSONOF21"] = _w("m f widow widower resident native man woman")
# a house number on a numbered road: "4711 Rt 11,", "99 Rt. 3,"; read from the road's word
RX_ROUTE_NUMBER21 = re.compile(
    r"(?:Rt|Rte|Route|Hwy|Highway|SR|CR|Co[ \t]+Rd|County[ \t]+Road)\.?[ \t]+\d{1,4}[A-Z]?"
    r"(?=[ \t]*(?:,|$))",
    re.M,
)
RX_HOUSE_NUMBER_BEFORE21 = re.compile(r"(?<![\w/.-])\d{2,6}[ \t]+\Z")
TRIGGERS["HOUSEROUTE21"] = _w("rt rte route hwy highway sr cr co county")
# a mile marker on a road: "MM 92.5 Overseas Hwy"
RX_MILE_MARKER21 = re.compile(
    rf"\b(MM[ \t]+\d{{1,3}}(?:\.\d)?[ \t]+(?:{NW}[ \t]+){{1,3}}{STREET_SUFFIX}\.?)(?![\w])"
)
# a boat's or a cabin's place after a street line: ", Dock 9", ", Slip 14", ", Cabin 3"
RX_MOORING21 = re.compile(
    r",[ \t]*((?:Dock|Slip|Berth|Cabin|Pier|Mooring)[ \t]+\d{1,4}[A-Z]?)(?![\w-])"
)
# the organisation in an addressee line after the person: "To: Dr. X, Halstad Surgical Weight
# Loss"; or after a label naming an employer, a program or a center
RX_TO_ORG21 = re.compile(
    rf"^(?:To|TO|Attn|ATTN|Attention)[ \t]*:[^\n]*,[ \t]*((?:{CAPW})(?:[ \t]+(?:{CAPW}|&|of|and))"
    r"{1,6})[ \t]*$",
    re.M,
)
RX_ORG_LABEL21 = re.compile(
    r"\b(?i:employer|company|agency|vendor|supplier|landlord|program|center|centre|dialysis"
    r"|from|by)\)?[ \t]*:[ \t]*"
    rf"((?:{CAPW})(?:[ \t]+(?:{CAPW}|&|of|and)){{1,6}})(?=[ \t]*(?:$|,|[ \t]{{2}}|\t))",
    re.M,
)
TRIGGERS["ORGL21"] = _w(
    "employer company agency vendor supplier landlord program center centre dialysis from by"
)


_ORG_HEADS21 = (
    _FAC_HEADS12
    | _FAC_TAILS21
    | _w("""schools properties rentals medicine care
    alliance marina elevator telehealth""")
)
# a line that is an organisation's name and nothing else, or after a title and a dash:
# "HBOT TREATMENT LOG — Algoma Internal Medicine", "ARLINGTON PRIMARY CARE"
RX_ORG_LINE21 = re.compile(
    rf"^(?:[^\n—–]{{0,60}}[ \t][—–][ \t]+|(?i:of)[ \t]+)?+"
    rf"((?:{CAPW})(?:[ \t](?:{CAPW}|&|of|and|in)){{1,6}})[ \t]*$",
    re.M,
)
# a practice after its provider's identifier: "... DO (NPI 1513857379), Jamesport Internal Medicine"
RX_ORG_AFTER_NPI21 = re.compile(
    rf"\((?i:npi)[ \t#:]*\d{{10}}\),[ \t]*"
    rf"((?:{CAPW})(?:[ \t](?:{CAPW}|&|of|and|in)){{1,8}})[ \t]*$",
    re.M,
)


def _org_ok21(ctx: _Ctx, seg: str) -> bool:
    """A firm's or a service's name: a word that is no common or clinical word, or a known
    town first ("White City Adult Day Services"); not a person's role nor a credential."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", seg)
    if len(words) < 2 or re.search(CRED + r"$", seg):
        return False
    if words[-1].lower().endswith(_ROLE_ENDINGS21) and words[-1].lower() not in _NOT_ROLES21:
        return False  # "Office Manager", "Medical Director"
    if any(w.lower() in MONTH_WORDS or w.lower() in _WEEKDAYS5 for w in words):
        return False
    if len(words) <= 3 and _name_pair_ok21(ctx, words, False):
        return False  # "From: Min-jun Rasmussen": a person
    low = [w.lower() for w in words]
    if any(" ".join(low[:n]) in ctx.lex.cities for n in (1, 2, 3)):
        return True
    return any(
        not ctx.is_common(w) and not ctx.is_clinical(w) and w.lower() not in GENERIC_FAC
        for w in words
    )


def _name_pair_ok21(ctx: _Ctx, words: list[str], strong: bool) -> bool:
    """Are these words (no initials) a person's first name and surname? With `strong` (a role
    label or a credential), the surname may be an eponym or a word."""
    if len(words) < 2 or any(
        w.lower() in FUNCTION_WORDS or w.lower() in LANGUAGES11 for w in words
    ):
        return False
    if all(ctx.is_common(w) or ctx.is_clinical(w) for w in words):
        return False  # "Blue Cross", "Night Shift"
    first, last = words[0], words[-1]
    if (ctx.is_clinical(first) or ctx.is_common(first)) and not ctx.is_first(first):
        return False
    if any(w.lower() in MONTH_WORDS or w.lower() in _WEEKDAYS5 for w in words):
        return False
    first_ok = ctx.is_first(first) or (
        ctx.plausible_name_word(first, True)
        and (
            all(ctx.is_last(p) for p in last.split("-"))
            # in a role's slot, two words of no list and no word: "Kehlani Ghaleb"
            or strong
            and not ctx.is_clinical(first)
            and all(w.istitle() and not ctx.is_common(w) for w in words)
        )
    )
    if not first_ok:
        return False
    for w in words[1:]:
        if ctx.is_name(w) or ctx.plausible_name_word(w, True):
            continue
        if strong and (ctx.is_first(first) or not ctx.is_common(w)) and w.istitle():
            continue  # "Lucien Adson", "Geneva-Mae Corn": a surname that is a word
        return False
    return True


def _round21(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    if "TITLE21" in words_ix.cues or not words_ix.holds("TITLE21"):
        for m in _triggered(RX_TITLE_SURNAME21, "TITLE21", text, words_ix):
            w = m.group(1)
            if not all(ctx.is_clinical(p) for p in w.split("-")):
                continue  # the name rules read every other word
            if w.endswith(("'s", "’s")):
                w = w[:-2]  # "Dr. Adson's office": the possessive is no part of the name
            if _epithet19(ctx, w) and ctx.low(w) in (_SPECIES18 | _EPITHETS19):
                continue
            after = RX_WORD_AFTER21.match(text, m.end(1))
            if ctx.followed_by_head(m.end(1)) or (
                after and after.group(1).lower() in _EPONYM_HEADS21
            ):
                continue
            out.append((m.start(1), m.start(1) + len(w), "NAME", 0.75))
    if ":" in text:
        for end in _role_labels21(text):
            v = RX_LABEL_VALUE21.match(text, end)
            if v:
                words = [w for w in v.group(1).split() if not re.fullmatch(r"[A-Z]\.", w)]
                initial = v.group(1)[1] == "."  # "T. Riek": an initial and a surname
                if (
                    initial
                    and _surname_ok21(ctx, words[0])
                    or not initial
                    and _name_pair_ok21(ctx, words, True)
                ):
                    out.append((v.start(1), v.end(1), "NAME", 0.75))
                continue
            v = RX_LABEL_INITIAL21.match(text, end)
            if v and _surname_ok21(ctx, re.split(r"[. \t]+", v.group(1))[-1]):
                out.append((v.start(1), v.end(1), "NAME", 0.75))
                continue
            v = RX_LABEL_LAST_FIRST21.match(text, end)
            if v:
                last, first = v.group(1).split(",")[0], v.group(1).split(",")[1].split()[0]
                if _name_pair_ok21(ctx, [first, last], True):
                    out.append((v.start(1), v.end(1), "NAME", 0.75))
                continue
            v = RX_LABEL_LOWER21.match(text, end)
            if v:
                words = [w for w in v.group(1).split() if not w.endswith(".")]
                if _lower_pair_ok21(ctx, words):
                    out.append((v.start(1), v.end(1), "NAME", 0.7))
    if ", " in text or ",C" in text:
        for c in RX_CRED_MORE21.finditer(text):
            n = RX_NAME_BEFORE21.search(text, max(0, c.start() - 60), c.start())
            if not n:
                continue
            seg = n.group(1)
            words = [w for w in seg.split() if not re.fullmatch(r"[A-Z]\.", w)]
            if (seg[1] == "." and len(words) == 1 and _surname_ok21(ctx, words[0])) or (
                _name_pair_ok21(ctx, words[-3:], True)
            ):
                out.append((n.start(1), n.end(1), "NAME", 0.75))


def _role_labels21(text: str) -> list[int]:
    """Where the value of each field labelled by a person's role begins. The word before
    each colon is read first (a colon is rare, a label of a role rarer), then the label's
    start (a line's, or after a run of spaces or a sentence's end) by RX_ROLE_LABEL21."""
    ends = []
    pos = text.find(":")
    while pos != -1:
        j = pos
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
            k -= 1
        last = text[k:j].lower()
        if (
            len(last) > 1
            and last not in _NOT_ROLES21
            and (last in _ROLE_NOUNS21 or (len(last) > 4 and last.endswith(_ROLE_ENDINGS21)))
        ):
            lo = max(text.rfind("\n", 0, k) + 1, k - 48)
            for m in RX_ROLE_LABEL21.finditer(text, lo, pos + 1):
                if m.end() == pos + 1:
                    end = pos + 1
                    while end < len(text) and text[end] in " \t":
                        end += 1
                    ends.append(end)
                    break
        pos = text.find(":", pos + 1)
    return ends


def _lower_pair_ok21(ctx: _Ctx, words: list[str]) -> bool:
    """A first name and a surname in lower case, both of the lists: "ramzi v. sweeting"."""
    if len(words) != 2 or any(w in FUNCTION_WORDS or ctx.is_clinical(w) for w in words):
        return False
    first, last = words
    return (
        ctx.is_first(first)
        and not ctx.is_common(first)
        and any(ctx.is_last(p) for p in last.split("-"))
        and not ctx.is_common(last)
    )


RX_CAPS_COMMA21 = re.compile(rf",(?<=[{UP}]{{2}},)")


def _caps_headers21(text: str) -> list[re.Match]:
    """The matches of RX_CAPS_HEADER_NAME21, read from each comma after two capitals: the
    name starts a line or follows a label's colon, so it is matched from there."""
    found = []
    last = -1
    for c in RX_CAPS_COMMA21.finditer(text):
        b = max(text.rfind("\n", 0, c.start()), text.rfind(":", 0, c.start())) + 1
        if b <= last:
            continue
        m = RX_CAPS_HEADER_NAME21.match(text, b)
        if m:
            found.append(m)
            last = m.end()
    return found


_AGE_WORDS21 = _w("y yo year years")  # "y/o", "yo", "-year-old", "years old"


def _round21b(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    """Structures: a header's patient, a line's name and age, a log's initials and dates,
    a bracketed note's author; cues: partial SSNs, serials and plan IDs in digit groups, plates
    in lower case, a county's label, a town after "called from"."""
    keys = words_ix.positions.keys()
    if "," in text:
        for m in _caps_headers21(text):
            parts = re.findall(r"[^\W\d_]+", m.group(1))
            if not any(p.lower() in FUNCTION_WORDS or p in NOT_INITIALS for p in parts[:-1]):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
            c = RX_HEADER_ID_CELL21.match(text, m.end(1))
            if c and sum(ch.isdigit() for ch in c.group(1)) >= 5:
                out.append((c.start(1), c.end(1), "ID", 0.75))
        for m in RX_NAME_AGE_LINE21.finditer(text) if _AGE_WORDS21 & keys else ():
            seg = m.group(1)
            words = [w for w in seg.split() if not re.fullmatch(r"[A-Za-z]\.", w)]
            if (seg[0].isupper() and _name_pair_ok21(ctx, words, True)) or (
                seg.islower() and _lower_pair_ok21(ctx, words)
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
        for m in RX_AGE_SEX_GLUED21.finditer(text):
            out.append((m.start(1), m.end(1), "AGE", 0.7))
    if "/" in text:
        rows = [
            (m, i)
            for m in RX_DATED_ROW21.finditer(text)
            if (i := RX_ROW_INITIALS21.search(text, m.start(), m.end()))
        ]
        if len(rows) >= 2:
            full = sum(1 for m, _ in rows if m.group(2))
            for m, i in rows:
                ini = i.group(1)
                if ini not in NOT_INITIALS and ini.lower() not in _NOT_INITIALS6:
                    out.append((i.start(1), i.end(1), "NAME", 0.7))
                if not m.group(2) and full:
                    out.append((m.start(1), m.end(1), "DATE", 0.7))  # the column's dates
        if "[" in text:
            for m in RX_BRACKET_AUTHOR21.finditer(text):
                if m.group(1) not in NOT_INITIALS and m.group(1).lower() not in _NOT_INITIALS6:
                    out.append((m.start(1), m.end(1), "NAME", 0.7))
                out.append((m.start(2), m.end(2), "DATE", 0.7))
        for m in _triggered(RX_NEXT_MD21, "NEXT21", text, words_ix):
            out.append((m.start(1), m.end(1), "DATE", 0.7))
    if "(" in text:
        for m in _triggered(RX_SSN_LAST4_PAREN21, "SSN4P21", text, words_ix):
            out.append((m.start(1), m.end(1), "SSN", 0.8))
    for m in _triggered(RX_SERIAL_SPACED21, "SERSP21", text, words_ix):
        if sum(c.isdigit() for c in m.group(1)) >= 8:
            out.append((m.start(1), m.end(1), "DEVICE", 0.8))
    for m in _triggered(RX_ID_SPACED21, "IDSP21", text, words_ix):
        out.append((m.start(1), m.end(1), "ID", 0.75))
    for m in _triggered(RX_PLATE_LOWER21, "PLATEL21", text, words_ix):
        v = m.group(1)
        if (
            any(c.isdigit() for c in v)
            and any(c.isalpha() for c in v)
            and not any(ctx.is_common(w) for w in re.findall(r"[a-z]{3,}", v))  # "plate with 28"
            and len(re.sub(r"[ -]", "", v)) >= 5
            and not re.fullmatch(r"[ctls]\d{1,2}(?:[ -][ctls]?\d{1,2})?", v)
        ):
            out.append((m.start(1), m.end(1), "VEHICLE", 0.75))
    if ":" in text:
        for m in _triggered(RX_COUNTY_VALUE21, "COUNTYV21", text, words_ix):
            v = m.group(1)
            if not any(ctx.is_common(w) and not ctx.is_name(w) for w in v.split()) and (
                v.lower() not in ("unknown", "none", "same", "other")
            ):
                out.append((m.start(1), m.end(1), "LOCATION", 0.75))
    for m in _triggered(RX_CALLED_FROM21, "CALLEDF21", text, words_ix):
        words = m.group(1).split()
        if words[0] in _NOT_TOWNS21:
            continue
        for n in range(min(3, len(words)), 0, -1):
            town = " ".join(words[:n])
            if town in ctx.lex.cities and (n > 1 or town not in ctx.lex.common_cities):
                out.append((m.start(1), m.start(1) + len(town), "LOCATION", 0.7))
                break


def _round21c(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    """Identifiers after a header's patient, a visit's or a band's number, licences, an age
    and a sex after a name, a person's town, numbered roads and mile markers, moorings, and
    organisations after an addressee or an employer's label."""
    keys = words_ix.positions.keys()
    if "," in text:
        for m in RX_AGE_SEX21.finditer(text):
            out.append((m.start(1), m.end(1), "AGE", 0.75))
        for m in _triggered(RX_PERSON_OF_TOWN21, "PERSONOF21", text, words_ix):
            words = m.group(1).split()
            if not any(w.lower() in FUNCTION_WORDS or w.lower() in MONTH_WORDS for w in words):
                out.append((m.start(1), m.end(1), "LOCATION", 0.7))
        for m in RX_MOORING21.finditer(text):
            out.append((m.start(1), m.end(1), "ADDRESS", 0.7))
    for m in _triggered(RX_VISIT_BAND21, "VISITB21", text, words_ix):
        v = m.group(1)
        if sum(ch.isdigit() for ch in v) >= 4 and len(v) >= 6:
            out.append((m.start(1), m.end(1), "ID", 0.75))
    for m in _triggered(RX_LICENSE_MORE21, "LICM21", text, words_ix):
        if sum(ch.isdigit() for ch in m.group(1)) >= 5:
            out.append((m.start(1), m.end(1), "ID", 0.75))
    for m in _triggered(RX_ROUTE_NUMBER21, "HOUSEROUTE21", text, words_ix):
        h = RX_HOUSE_NUMBER_BEFORE21.search(text, max(0, m.start() - 12), m.start())
        if h:
            out.append((h.start(), m.end(), "ADDRESS", 0.7))
    if "MM " in text:
        for m in RX_MILE_MARKER21.finditer(text):
            out.append((m.start(1), m.end(1), "ADDRESS", 0.7))
    if ":" in text:
        for m in RX_TO_ORG21.finditer(text):
            if _org_ok21(ctx, m.group(1)):
                out.append((m.start(1), m.end(1), "FACILITY", 0.7))
    for rx in (RX_ORG_LINE21, RX_ORG_AFTER_NPI21) if not keys.isdisjoint(_ORG_HEADS21) else ():
        for m in rx.finditer(text):
            seg = m.group(1)
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", seg)]
            lead = words[0]
            town = any(
                (lead_words := " ".join(words[:n])) in ctx.lex.cities
                and lead_words not in ctx.lex.common_cities  # not "NORMAL CATARACT SURGERY"
                for n in (1, 2, 3)
            )
            if (
                # a head last, or a head and the town: "HUDSON RIVER HEALTH CARE GREENPORT"
                (
                    words[-1] in _ORG_HEADS21
                    or words[-1] in ctx.lex.cities
                    and any(w in _ORG_HEADS21 for w in words[1:-1])
                )
                and _org_ok21(ctx, seg)
                # a town or a name leads: "Algoma Internal Medicine", not "Health Care Proxy"
                # nor "Utilization Review Department"
                and (town or ctx.is_name(lead) and not ctx.is_clinical(lead))
            ):
                out.append((m.start(1), m.end(1), "FACILITY", 0.7))
        for m in _triggered(RX_ORG_LABEL21, "ORGL21", text, words_ix):
            head = m.group(1).split()[-1].lower()
            if m.group(0)[:4].lower() in ("from", "by:", "by)") and head not in _ORG_HEADS21:
                continue  # a fax's "From:" names a person as often: only a firm's head word
            if _org_ok21(ctx, m.group(1)):
                out.append((m.start(1), m.end(1), "FACILITY", 0.7))


def _surname_ok21(ctx: _Ctx, w: str) -> bool:
    """A surname after an initial in a strong slot: "T. Riek", "R. Bazett", not "C. Diff"."""
    lw = ctx.low(w)
    if lw in _SPECIES18 or lw in _EPITHETS19 or lw in FUNCTION_WORDS:
        return False
    return ctx.is_last(w) or not ctx.is_common(w)


def _after_findings21(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """A found name's initial before it and its eponym surname after it; the rest of a found
    facility's name."""
    out: list = []
    taken = _overlap_test([(f.start, f.end) for f in found])
    for f in found:
        if f.category == "NAME" and f.end - f.start >= 3:
            seg = text[f.start : f.end]
            # "and O. Ware, RN": an initial before a found surname
            lo = max(0, f.start - 4)
            b = RX_INITIAL_BEFORE21.search(text, lo, f.start)
            if b and seg[:1].isupper() and not taken(b.start(), b.end() - 1):
                out.append((b.start(), f.end, "NAME", 0.7))
            # "Lucien Adson", "Brantley R. Kussmaul": a surname that is an eponym
            words = seg.split()
            if not words or not seg[:1].isupper():
                continue
            w0 = words[0]
            if (ctx.is_clinical(w0) and not ctx.is_first(w0)) or w0.lower().endswith(
                _CLINICAL_ENDINGS19
            ):
                continue  # "Polycythemia Vera Followup": a disease's name, not a person's
            lastw = words[-1]
            if not (
                re.fullmatch(r"[A-Z]\.", lastw)
                and len(words) >= 2
                or lastw.istitle()
                and (ctx.is_first(lastw) or not ctx.is_last(lastw))
                and not ctx.is_clinical(lastw)
            ):
                continue  # a first name, or a first name and an initial, before the surname
            m = re.compile(rf"[ \t]+({NW}(?:-{NW})?)(?![\w'’-])").match(text, f.end)
            if not m or taken(m.start(1), m.end(1)):
                continue
            w = m.group(1)
            if not any(ctx.is_clinical(p) for p in w.split("-")) or ctx.low(w) in _SPECIES18:
                continue
            after = RX_WORD_AFTER21.match(text, m.end(1))
            if ctx.followed_by_head(m.end(1)) or (
                after and after.group(1).lower() in _EPONYM_HEADS21
            ):
                continue
            out.append((f.start, m.end(1), "NAME", 0.7))
        elif f.category == "FACILITY":
            m = RX_FAC_TAIL21.match(text, f.end)
            if not m:
                continue
            words = re.findall(r"[A-Za-z]+", m.group(0))
            if words[-1].lower() not in _FAC_TAILS21 and words[0].lower() not in ("and",):
                continue
            if any(ctx.is_clinical(w) for w in words[:-1]) and words[0].lower() != "and":
                continue
            if taken(m.start() + 1, m.end()):
                continue
            out.append((f.start, m.end(), "FACILITY", f.confidence))
    return out


# ----------------------------------------------------------------------------- round 22
# Kinds read from set T's misses: a markdown table's header row is the row above its rule
# line whatever it holds ("SSN L4"); partial SSNs behind "soc sec" and "(L4)"; persons in
# the slots of legal and incident forms (witness, notary, counsel, "I, X, of", "as my agent");
# emergency services and a form's organisation after its title; a county's label; plates
# after a vehicle and its state; a second serial after a slash; a participant's code.
RX_SSN_L4_22 = re.compile(
    r"(?i:\b(?:ssn|ss\s*+#|soc\.?[ \t]*+sec\.?(?:urity)?(?:[ \t]++(?:no\.?|number|#))?)[ \t]*+"
    r"(?:\((?:l4|last[ \t]*+(?:4|four))\)|l4\b|(?:ending|ends)(?:[ \t]++(?:in|with))?)"
    r"[ \t]*+[:#=-]?[ \t]*+)(\d{4})(?![\d-])"
)
TRIGGERS["SSN22"] = _w("ssn ss soc")
# a header cell naming an SSN or a plan's member number
RX_SSN_HEAD22 = re.compile(r"(?i)\b(?:ssn|ss#|social[ \t]+security|soc[ \t]*sec)")
RX_PLAN_HEAD22 = re.compile(
    r"(?i)\b(?:mbi|hicn|medicaid|medicare|policy|subscriber|member[ \t]*(?:id|#|no))\b"
)
RX_HEAD_LAST4_22 = re.compile(r"(?i)\b(?:l4|last[ \t]*(?:4|four))\b")
RX_RULE_LINE22 = re.compile(
    r"[ \t]*+\|?(?:[ \t]*+:?-{3,}+:?[ \t]*+\|)++[ \t]*+:?-*+:?[ \t]*+\|?[ \t]*+(?:\n|$)"
)


def _header_cat22(cell: str) -> str | None:
    """A header cell's category: an SSN's or a plan number's column first ("SSN L4",
    "Member/MBI": a member's number, not a member's name), then the round 6 heads."""
    if RX_SSN_HEAD22.search(cell):
        return "SSN"
    if RX_PLAN_HEAD22.search(cell):
        return "ID"
    return _header_cat6(RX_HEAD_LAST4_22.sub("", cell))


def _is_header_row22(text: str, end: int) -> bool:
    """Whether the table row ending at ``end`` is over a rule line ("|---|---|")."""
    return RX_RULE_LINE22.match(text, end + 1) is not None if end < len(text) else False


# the last word of a label naming a person that the round 21 endings do not hold
_ROLE_NOUNS22 = _w("""witness notary counsel paralegal injured foreman forewoman crew
    proxy alternate guard""")
RX_LABEL_INITIALS22 = re.compile(r"((?:[A-Z]\.[ \t]?){2,3})(?=[ \t]*(?:$|[,;(]|[ \t]{2}|\t))", re.M)
RX_LABEL_CAPS22 = re.compile(
    rf"({CAPS_WORD}(?:[ ](?:[A-Z]\.|{CAPS_WORD})){{1,3}})(?=[ \t]*(?:$|[,;(]|[ \t]{{2}}|\t))",
    re.M,
)
RX_LABEL_LOWER_ONE22 = re.compile(r"([a-z][a-z'-]{2,})[ \t]*$", re.M)
# "Witness 1:", "Guard on duty:": a number or "on duty" after the role
RX_ROLE_LABEL22 = re.compile(
    r"(?:^|(?<=[ \t]{2})|(?<=\t)|(?<=[.;][ \t]))"
    r"((?:[A-Za-z][A-Za-z'’-]*[ \t]){0,3}[A-Za-z][A-Za-z'’-]*)"
    r"(?:[ \t]+(?:\d{1,2}|#\d{1,2}|on[ \t]+(?:duty|call|scene)))?[ \t]*:[ \t]*",
    re.M,
)


def _caps_name_ok22(ctx: _Ctx, words: list[str], strong: bool = False) -> bool:
    """Capitals that name a person: no function, clinical or month word; a first name of the
    lists first or a surname of the lists last ("OTTILIE BARSAMIAN"), or with `strong` (a
    credential after, "I, X, of" before) no common word ("ADAEZE OKONKWO, MD")."""
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
    if len(words) < 2 or any(
        ctx.low(w) in FUNCTION_WORDS
        or ctx.is_clinical(w)
        and not ctx.is_name(w)
        or ctx.low(w) in MONTH_WORDS
        or ctx.low(w) in HEAD_NOUNS
        or ctx.low(w) in _THING_NAMES16
        or w in STATE_ABBR
        for w in words
    ):
        return False
    if all(ctx.is_common(w) and not ctx.is_first(w) for w in words):
        return False
    if strong and not any(ctx.is_common(w) and not ctx.is_name(w) for w in words):
        return True
    return ctx.is_first(words[0]) or ctx.is_last(words[-1])


def _round22_labels(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    """Values of fields labelled by a person's role that round 21 leaves: initials alone
    ("Physicist: K.M."), capitals ("FOREMAN: OTTILIE BARSAMIAN"), one lower-case given name
    ("outreach worker: ines"), and the roles of legal and incident forms."""
    pos = text.find(":")
    while pos != -1:
        line_start = text.rfind("\n", 0, pos) + 1
        lo = max(line_start, pos - 60)
        for m in RX_ROLE_LABEL22.finditer(text, lo, pos + 1):
            if m.end() < pos + 1 or text[m.end() - 1] not in " \t:":
                continue
            if not text[m.start(1) : m.end()].rstrip(" \t").endswith(":"):
                continue
            label = m.group(1).lower().split()
            if len(label) >= 3 and label[-2] == "on" and label[-1] in ("duty", "call", "scene"):
                label = label[:-2]  # "Guard on duty:"
            last = label[-1]
            extra = text[m.end(1) : pos].strip()
            role21 = (
                len(last) > 1
                and last not in _NOT_ROLES21
                and (last in _ROLE_NOUNS21 or (len(last) > 4 and last.endswith(_ROLE_ENDINGS21)))
            )
            if not (role21 or last in _ROLE_NOUNS22):
                break
            end = m.end()
            while end < len(text) and text[end] in " \t":
                end += 1
            if last in _ROLE_NOUNS22 or extra:
                v = RX_LABEL_VALUE21.match(text, end)
                if v:
                    words = [w for w in v.group(1).split() if not re.fullmatch(r"[A-Z]\.", w)]
                    if _name_pair_ok21(ctx, words, True):
                        out.append((v.start(1), v.end(1), "NAME", 0.75))
                        break
            v = RX_LABEL_INITIALS22.match(text, end)
            if v and v.group(1).replace(".", "").replace(" ", "") not in NOT_INITIALS:
                out.append((v.start(1), v.end(1), "NAME", 0.7))
                break
            v = RX_LABEL_CAPS22.match(text, end)
            if v and _caps_name_ok22(ctx, v.group(1).split()):
                out.append((v.start(1), v.end(1), "NAME", 0.75))
                break
            v = RX_LABEL_LOWER_ONE22.match(text, end)
            if v:
                w = v.group(1)
                if ctx.is_first(w) and not ctx.is_common(w) and not ctx.is_clinical(w):
                    out.append((v.start(1), v.end(1), "NAME", 0.65))
            break
        pos = text.find(":", pos + 1)


NAME_WORDS22 = rf"(?:{NW}|{CAPS_WORD})(?:[ \t]+(?:[A-Z]\.|{NW}|{CAPS_WORD})){{1,3}}"
# a legal form's first person: "I, ADAEZE K. OKONKWO, OF 12 COUNTY ROAD 9"
RX_I_NAME22 = re.compile(
    rf"(?:^|(?<=[.:\n]))[ \t]*I,[ \t]+({NAME_WORDS22}),[ \t]+(?i:of|residing|being|born|the)\b",
    re.M,
)
# "appoint as my agent Ferrin Oduya", "and as alternate Ines Varga", "adjuster X", "case
# mgr X": a role before the name, without a colon
RX_ROLE_BEFORE22 = re.compile(
    r"\b(?i:as[ \t]+(?:my[ \t]+)?(?:agent|alternate(?:[ \t]+agent)?|proxy|attorney-in-fact"
    r"|health[ \t]+care[ \t]+(?:agent|proxy|representative))|adjuster|case[ \t]+(?:mgr|manager)"
    r"|paralegal|notary|counsel)[ \t]+"
    rf"({NAME_WORDS22})(?![\w'’-])"
)
TRIGGERS["ROLEB22"] = _w("as adjuster case paralegal notary counsel")
# a given name alone in a role's or a caller's slot: "ground crew Adaeze,", "call to Ferrin at
# (603)...", "On arrival Ines was sitting"
RX_FIRST_SLOT22 = re.compile(
    rf"\b(?:(?i:crew|call[ \t]+to|called|phoned|texted)[ \t]+({NW})(?=[ \t]*,|[ \t]+at[ \t]+[+(\d])"
    rf"|On[ \t]+(?:arrival|admission|exam)[ \t]+({NW})[ \t]+(?:was|is|had|has|were)\b)"
)
TRIGGERS["FIRST22"] = _w("crew call called phoned texted on")
# a name in capitals before a credential: "DECLARATION OF ADAEZE OKONKWO, MD"
RX_CAPS_CRED22 = re.compile(
    rf"\b({CAPS_WORD}(?:[ \t]+(?:[A-Z]\.|{CAPS_WORD})){{1,4}}),[ \t]*"
    r"(?:MD|DO|RN|NP|PA-C|PhD|DDS|LCSW|ESQ\.?|Esq\.?)(?![\w-])"
)
# where RX_CAPS_CRED22 may end: a comma after two capitals (the pattern is run from the
# line's start or the word before, not over the whole text)
RX_CAPS_CRED_END22 = re.compile(
    r",(?<=[A-Z],)[ \t]*(?:MD|DO|RN|NP|PA-C|PhD|DDS|LCSW|ESQ\.?|Esq\.?)(?![\w-])"
)
RX_ESQ22 = re.compile(r",[ \t]*Esq\.?(?![\w])")


def _caps_creds22(text: str) -> list[re.Match]:
    """The matches of RX_CAPS_CRED22, each tried from its line's start (or 80 characters
    before) only where a comma after capitals and a credential is (RX_CAPS_CRED_END22)."""
    found: list[re.Match] = []
    last = -1
    for c in RX_CAPS_CRED_END22.finditer(text):
        lo = max(text.rfind("\n", 0, c.start()) + 1, c.start() - 80, last)
        m = RX_CAPS_CRED22.search(text, lo, c.end())
        if m and m.end() == c.end():
            found.append(m)
            last = m.end()
    return found


def _round22(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_SSN_L4_22, "SSN22", text, words_ix):
        out.append((m.start(1), m.end(1), "SSN", 0.8))
    if ":" in text:
        _round22_labels(ctx, text, out, words_ix)
    if "I," in text:
        for m in RX_I_NAME22.finditer(text):
            words = m.group(1).split()
            if _caps_name_ok22(ctx, [w.upper() for w in words], True) or _name_pair_ok21(
                ctx, [w for w in words if not re.fullmatch(r"[A-Z]\.", w)], True
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
    for m in _triggered(RX_ROLE_BEFORE22, "ROLEB22", text, words_ix):
        words = [w for w in m.group(1).split() if not re.fullmatch(r"[A-Z]\.", w)]
        if m.group(1).isupper():
            ok = _caps_name_ok22(ctx, words)
        else:
            ok = _name_pair_ok21(ctx, words[:3], True)
        if ok:
            out.append((m.start(1), m.end(1), "NAME", 0.75))
    for m in _triggered(RX_FIRST_SLOT22, "FIRST22", text, words_ix):
        g = 1 if m.group(1) else 2
        w = m.group(g)
        if not ctx.is_common(w) and not ctx.is_clinical(w) and ctx.low(w) not in STATES:
            out.append((m.start(g), m.end(g), "NAME", 0.7))
    if "," in text:
        for m in _caps_creds22(text):
            parts = list(re.finditer(r"\S+", m.group(1)))
            # "DECLARATION OF ADAEZE OKONKWO": the words before the name are not read
            while parts and (
                ctx.low(parts[0].group()) in FUNCTION_WORDS
                or ctx.is_common(parts[0].group())
                and not ctx.is_first(parts[0].group())
            ):
                parts = parts[1:]
            if len(parts) >= 2 and _caps_name_ok22(ctx, [p.group() for p in parts], True):
                out.append((m.start(1) + parts[0].start(), m.end(1), "NAME", 0.75))
        if "Esq" in text:
            for c in RX_ESQ22.finditer(text):
                n = RX_NAME_BEFORE21.search(text, max(0, c.start() - 60), c.start())
                if n:
                    words = [w for w in n.group(1).split() if not re.fullmatch(r"[A-Z]\.", w)]
                    if _name_pair_ok21(ctx, words[-3:], True):
                        out.append((n.start(1), n.end(1), "NAME", 0.75))


# emergency services by their head: "Tamarack Fire & EMS", "Quillby Ambulance", "Alder
# Rescue Squad"
RX_EMS22 = re.compile(
    rf"\b((?:{CAPW}[ \t]+){{1,3}}(?:Fire[ \t]+(?:&|and)[ \t]+(?:EMS|Rescue)"
    r"|(?:Volunteer[ \t]+)?Fire[ \t]+(?:Department|Dept\.?|District|Rescue|Company)"
    r"|Ambulance(?:[ \t]+(?:Service|Corps|District|Squad|Association))?|Rescue[ \t]+Squad"
    r"|Quick[ \t]+Response[ \t]+Unit))(?![\w&])"
)
_EMS_WORDS22 = _w("fire ambulance rescue quick")
_EMS_HEADS22 = ("Fire", "Ambulance", "Rescue", "Volunteer", "Quick")
# a form's organisation after its title and a dash: "INCIDENT LOG - Alder Notch
# Timber", "Outreach encounter - Harm Reduction of Quillby"
_FORM_TITLES22 = _w("""log report note encounter response summary form record worklist screening
    certificate declaration evaluation order referral assessment visit intake""")
_TITLE_WORD22 = r"[A-Za-z/&()]++(?:-[A-Za-z/&()]++)*+"
RX_TITLE_ORG22 = re.compile(
    rf"\A[ \t]*+({_TITLE_WORD22}(?:[ ]{_TITLE_WORD22}){{0,10}}+)"
    r"[ \t]++[-–—][ \t]++"
    rf"((?:{CAPW})(?:[ ](?:{CAPW}|of|&|and)){{1,5}}+)[ \t]*+$",
    re.M,
)
_ORG_HEADS22 = _w("""timber logging lumber products crisis services exchange reduction outreach
    lab laboratory renewables farms growers ranch orchards dairy""")
# a county's label ("County of residence (rural): Quillby") and "(Tamarack Co.)"
RX_COUNTY_LABEL22 = re.compile(
    rf"\b(?i:county)\b[^:\n]{{0,40}}:[ \t]*((?:{CAPW})(?:[ \t](?:{CAPW})){{0,2}})[ \t]*$", re.M
)
RX_COUNTY_CO22 = re.compile(
    rf"\b((?:{CAPW})(?:[ \t](?:{CAPW}))?)[ \t]+Co\.(?=[ \t]*[),;]|[ \t]*$)", re.M
)
# a distance from a town: "about 14 mi from Quillby", "14 MI FROM ALDER"
RX_MILES_FROM22 = re.compile(
    r"\b\d{1,3}(?:\.\d)?[ \t]*(?i:mi|miles?|km|kilomet(?:er|re)s?)[ \t]+"
    r"(?:(?i:north|south|east|west|[NSEW]{1,2})[ \t]+)?(?i:from|of|outside(?:[ \t]+of)?)[ \t]+"
    rf"((?:{CAPW})(?:[ \t](?:{CAPW})){{0,2}})(?![\w'’-])"
)
TRIGGERS["MILES22"] = _w("mi mile miles km kilometer kilometers kilometre kilometres")
# a town before a state that is also a word ("from Quillby, ID;", "from Alder, OR.")
RX_TOWN_WORD_STATE22 = re.compile(
    rf"\b(?:from|in|of|near|to|outside)[ \t]+((?:{NW})(?:[ \t]{NW}){{0,2}}),[ \t]*"
    r"(?:ID|OR|IN|ME|HI|OK|OH|PA|MA|LA|CO|DE|AL|MD|MO|MT|NE|WA|AZ|AR|NH|NJ|NM|NV)"
    r"(?=[ \t]*[.;,)]|[ \t]*$)",
    re.M,
)
TRIGGERS["TOWNST22"] = _w("from in of near to outside")
# a site's town: "rest area near Quillby", "motel lot, Alder", "town beach at Tamarack"
RX_SITE_TOWN22 = re.compile(
    r"\b(?i:rest[ \t]+area|camp|lot|beach|swim[ \t]+area|feed[ \t]+store|trailhead|campground"
    r"|encampment)(?:,|[ \t]+(?i:near|outside(?:[ \t]+of)?|at|in))[ \t]+"
    rf"((?:{NW})(?:[ \t]{NW})?)(?![\w'’-])"
)
TRIGGERS["SITE22"] = _w("rest camp lot beach swim feed trailhead campground encampment")
# a plate after a vehicle and its state: "in his truck, WA QXR4471", "Crew rig: NH 880 2214"
RX_PLATE_STATE22 = re.compile(
    r"\b(?i:truck|pickup|car|van|suv|sedan|rig|trailer|jeep|vehicle|plates?)(?:[ \t]*:|,)?[ \t]+"
    r"([A-Z]{2})[ \t]+((?=[A-Z0-9 -]*\d)[A-Z0-9]{2,8}(?:[ -][A-Z0-9]{2,4})?)(?![\w-])"
)
TRIGGERS["PLATEST22"] = _w("truck pickup car van suv sedan rig trailer jeep vehicle plate plates")
RX_PLATE_DIGITS22 = re.compile(r"\b(?i:plate)[ \t]*+(?:#|no\.?)?[ \t]*+(\d{5,8})(?![\w-]|[.,/]\d)")
TRIGGERS["PLATED22"] = _w("plate")
# a second serial after a slash ("serials 88A1234567 / QZK-551190"); a beacon's hex number
RX_SERIAL_PAIR22 = re.compile(
    r"\b(?i:serials|s/ns|sns)[ \t:#]*[A-Za-z0-9()-]{5,}[ \t]*/[ \t]*"
    r"((?=[A-Za-z0-9()-]*\d)[A-Za-z0-9()][A-Za-z0-9()-]{4,})(?![\w-])"
)
TRIGGERS["SERIALS22"] = _w("serials s sns")
RX_BEACON22 = re.compile(r"\b(?:UIN|(?i:beacon)[ \t]+(?i:id|hex))[ \t:#]*([0-9A-Fa-f]{15})\b")
TRIGGERS["BEACON22"] = _w("uin beacon")
RX_PARTICIPANT_CODE22 = re.compile(
    r"\b(?i:participant|client|enrollee)[ \t]+(?i:code|id|no\.?|number|#)[ \t:#]*"
    r"((?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,15})(?![\w-])"
)
TRIGGERS["PCODE22"] = _w("participant client enrollee")


def _place_word_ok22(ctx: _Ctx, seg: str, strong: bool) -> bool:
    words = seg.split()
    if any(ctx.low(w) in FUNCTION_WORDS or ctx.low(w) in MONTH_WORDS for w in words):
        return False
    if any(ctx.is_clinical(w) and not ctx.is_name(w) for w in words):
        return False
    if strong:
        return True
    return " ".join(ctx.low(w) for w in words) in ctx.lex.cities or not all(
        ctx.is_common(w) for w in words
    )


def _round22b(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    if not keys.isdisjoint(_EMS_WORDS22):
        for m in RX_EMS22.finditer(text):
            parts = list(re.finditer(r"\S+", m.group(1)))
            while parts and ctx.low(parts[0].group()) in FUNCTION_WORDS:
                parts = parts[1:]
            head = [p.group() for p in parts]
            prefix = head[: next((k for k, w in enumerate(head) if w in _EMS_HEADS22), 0)]
            if prefix and _place_word_ok22(ctx, " ".join(prefix), False):
                out.append((m.start(1) + parts[0].start(), m.end(1), "FACILITY", 0.75))
    for m in RX_TITLE_ORG22.finditer(text):
        title = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1))]
        org = re.findall(r"[A-Za-z]+", m.group(2))
        low = [w.lower() for w in org]
        if not title or title[-1] not in _FORM_TITLES22:
            continue
        if any(ctx.is_clinical(w) and not ctx.is_name(w) for w in org):
            continue
        # "Harm Reduction of Quillby": a town after "of", not "CA of Cervix"
        town = low[low.index("of") + 1 :] if "of" in low[1:] else []
        of_town = (
            len(low) >= 3
            and bool(town)
            and not (org[0].isupper() and len(org[0]) <= 3 and not m.group(2).isupper())
            and (" ".join(town) in ctx.lex.cities or not any(ctx.is_common(w) for w in town))
        )
        if of_town or low[-1] in _ORG_HEADS22:
            out.append((m.start(2), m.end(2), "FACILITY", 0.7))
        break
    if ":" in text and "county" in keys:
        for m in RX_COUNTY_LABEL22.finditer(text):
            if _place_word_ok22(ctx, m.group(1), True) and ctx.low(m.group(1)) != "unknown":
                out.append((m.start(1), m.end(1), "LOCATION", 0.75))
    if "Co." in text:
        for m in RX_COUNTY_CO22.finditer(text):
            seg = m.group(1)
            if _place_word_ok22(ctx, seg, not ctx.is_common(seg.split()[0])):
                out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    for m in RX_MILES_FROM22.finditer(text) if "MILES22" in words_ix.cues else ():
        if _place_word_ok22(ctx, m.group(1), True):
            out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    if "," in text:
        for m in _triggered(RX_TOWN_WORD_STATE22, "TOWNST22", text, words_ix):
            if _place_word_ok22(ctx, m.group(1), True):
                out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    for m in _triggered(RX_SITE_TOWN22, "SITE22", text, words_ix):
        if _place_word_ok22(ctx, m.group(1), False):
            out.append((m.start(1), m.end(1), "LOCATION", 0.65))
    for m in _triggered(RX_PLATE_STATE22, "PLATEST22", text, words_ix):
        if m.group(1) in STATE_ABBR:
            out.append((m.start(2), m.end(2), "VEHICLE", 0.75))
    for m in _triggered(RX_PLATE_DIGITS22, "PLATED22", text, words_ix):
        out.append((m.start(1), m.end(1), "VEHICLE", 0.7))
    for m in _triggered(RX_SERIAL_PAIR22, "SERIALS22", text, words_ix):
        out.append((m.start(1), m.end(1), "DEVICE", 0.75))
    for m in _triggered(RX_BEACON22, "BEACON22", text, words_ix):
        out.append((m.start(1), m.end(1), "DEVICE", 0.75))
    for m in _triggered(RX_PARTICIPANT_CODE22, "PCODE22", text, words_ix):
        out.append((m.start(1), m.end(1), "ID", 0.75))


RX_DEPT22 = re.compile(
    r"(?:[ \t]+(?:Radiation|Medical|Surgical|Pediatric|Interventional|Behavioral))?[ \t]+"
    r"(?:Oncology|Cardiology|Radiology|Neurology|Nephrology|Urology|Dermatology|Orthopedics"
    r"|Orthopaedics|Pediatrics|Psychiatry|Obstetrics|Rheumatology|Endocrinology"
    r"|Gastroenterology|Pulmonology|Hematology)(?=[ \t]*(?:$|[,;(]))",
    re.M,
)


RX_AMP_TAIL22 = re.compile(r"&[A-Z]{1,3}\b")
RX_GS1_BEFORE22 = re.compile(r"\(\d\d\)\Z")  # a GS1 application identifier: "(21)"


def _after_findings22(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """A department after a found facility at a line's end ("X Hospital Radiation Oncology"),
    a glued "&M" ("Renewables O&M"), a GS1 serial's "(21)" before a found serial."""
    out: list = []
    for f in found:
        if f.category == "FACILITY":
            m = RX_DEPT22.match(text, f.end)
            if m:
                out.append((f.start, m.end(), "FACILITY", f.confidence))
            elif amp := RX_AMP_TAIL22.match(text, f.end):
                out.append((f.start, amp.end(), "FACILITY", f.confidence))
        elif f.category in ("DEVICE", "ID") and RX_GS1_BEFORE22.search(
            text, max(0, f.start - 4), f.start
        ):
            out.append((f.start - 4, f.end, f.category, f.confidence))
    return out


# a legal form's date: "Signed this 4th day of December, 2025"
RX_DAY_OF_MONTH22 = re.compile(
    r"\b(\d{1,2}(?i:st|nd|rd|th)[ \t]++(?i:day)[ \t]++(?i:of)[ \t]++"
    r"(?i:january|february|march|april|may|june|july|august|september|october|november"
    r"|december))(?:,?[ \t]++(?:\d{4}|A\.?D\.?[ \t]++\d{4}))?(?![\w])"
)
TRIGGERS["DAYOF22"] = _w("day")
# an age stated of a person: "Client is 93 and lives alone", "Patient is ninety-three,"
RX_PERSON_IS_AGE22 = re.compile(
    r"\b(?i:client|patient|pt|resident|participant|principal|she|he|mother|father|husband|wife)"
    rf"[ \t]++(?i:is|was)[ \t]++({AGE_ANY})(?=[ \t]*+(?:and\b|,|;|\.(?!\d)|$))",
    re.M,
)
TRIGGERS["PERSONAGE22"] = _w(
    "client patient pt resident participant principal she he mother father husband wife"
)
# a laboratory's CLIA number ("CLIA 17D0285127"); a licence in parentheses after a credential
# and a state ("Ines Varga, CRNA (NE 5521)")
RX_CLIA22 = re.compile(r"\bCLIA(?:[ \t]*+(?:#|no\.?|number))?[ \t:#]*+(\d{2}D\d{7})(?![\w])")
TRIGGERS["CLIA22"] = _w("clia")
RX_CRED_LICENSE22 = re.compile(r"\([ \t]*+([A-Z]{2})[ \t]++([A-Z]{0,3}-?\d{3,9})[ \t]*+\)")
RX_CRED_BEFORE22 = re.compile(
    r"\b(?:CRNA|RN|LPN|NP|APRN|CNM|PA-C|MD|DO|DDS|DMD|PharmD|RPh|LCSW|PT|OT)[ \t]*+\Z"
)
# a phone's label with who answers it in parentheses: "Phone (father, Signal): 555-0142"
RX_PHONE_PAREN_LABEL22 = re.compile(
    r"\b(?i:phone|cell|tel|mobile)[ \t]*+\([^()\n]{1,40}\)[ \t]*+:[ \t]*+"
    r"(\d{3}[-.][ \t]?\d{4})(?![\d-])"
)
TRIGGERS["PHONEP22"] = _w("phone cell tel mobile")
# a utility or a cooperative written to: "To: Quillby Rural Electric   Fax: ..."
RX_TO_UTILITY22 = re.compile(
    rf"^(?:To|TO|Attn|ATTN)[ \t]*:[ \t]*((?:{CAPW})(?:[ ](?:{CAPW}|&|of|and)){{0,4}}[ ]"
    r"(?:Electric|Electric[ ]Cooperative|Cooperative|Co-op|Power|Utilities|Utility|Water"
    r"|Gas|Energy|Telephone))(?=[ \t]{2}|[ \t]*+(?:$|,))",
    re.M,
)


# a laboratory by its head heading a line, alone or before a run of spaces: "Alder Reference
# Lab   CLIA ...", not a section's "PERTINENT LABORATORY DATA:" nor "MSG FM LAB TO 3W"
RX_LAB22 = re.compile(
    rf"^[ \t]*+((?:{CAPW}[ ]){{1,3}}(?:(?i:clinical|reference|pathology|medical)[ ])?"
    r"(?i:laboratory|laboratories|lab|labs|pathology[ ]associates))(?=[ \t]*$|[ \t]{2}|\t|,)",
    re.M,
)
_LAB_WORDS22 = _w("laboratory laboratories lab labs pathology")
_LAB_HEADS22 = _w("clinical reference pathology medical laboratory laboratories lab labs")
# kinds of a hospital's own laboratory, not a firm: "Cath Lab", "Sleep Lab"
_LAB_KINDS22 = _w("""cath sleep vascular echo gait motion skills simulation research core stat
    micro microbiology blood chemistry hematology cytology histology noninvasive ep""")


def _round22c(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in RX_DAY_OF_MONTH22.finditer(text) if "DAYOF22" in words_ix.cues else ():
        out.append((m.start(1), m.end(1), "DATE", 0.8))
    for m in _triggered(RX_PERSON_IS_AGE22, "PERSONAGE22", text, words_ix):
        out.append((m.start(1), m.end(1), "AGE", 0.75))
    if not words_ix.positions.keys().isdisjoint(_LAB_WORDS22):
        for m in RX_LAB22.finditer(text):
            parts = list(re.finditer(r"\S+", m.group(1)))
            while parts and ctx.low(parts[0].group()) in FUNCTION_WORDS:
                parts = parts[1:]
            lead = [p.group() for p in parts if ctx.low(p.group()) not in _LAB_HEADS22]
            if (
                any(len(w) > 3 for w in lead)  # not "MSG FM LAB"
                and not any(ctx.low(w) in _LAB_KINDS22 for w in lead)
                and _place_word_ok22(ctx, " ".join(lead), False)
            ):
                out.append((m.start(1) + parts[0].start(), m.end(1), "FACILITY", 0.75))
    for m in _triggered(RX_CLIA22, "CLIA22", text, words_ix):
        out.append((m.start(1), m.end(1), "ID", 0.8))
    if "(" in text:
        pos = text.find("(")
        while pos != -1:
            lic = RX_CRED_LICENSE22.match(text, pos)
            if (
                lic
                and lic.group(1) in STATE_ABBR
                and RX_CRED_BEFORE22.search(text, max(0, pos - 8), pos)
            ):
                out.append((lic.start(2), lic.end(2), "ID", 0.75))
            pos = text.find("(", pos + 1)
        for m in _triggered(RX_PHONE_PAREN_LABEL22, "PHONEP22", text, words_ix):
            out.append((m.start(1), m.end(1), "PHONE", 0.8))
    if ":" in text:
        for m in RX_TO_UTILITY22.finditer(text):
            if _org_ok21(ctx, m.group(1)) or ctx.low(m.group(1).split()[0]) in ctx.lex.cities:
                out.append((m.start(1), m.end(1), "FACILITY", 0.7))


# an imperative verb opening an instruction ("...: Inspect the harness"); a label's word in
# capitals ("PATIENT ADDR:")
RX_ARTICLE_AFTER22 = re.compile(r"[ \t]+(?:the|a|an|your|each|all|both|any|its)[ \t]")
RX_OPENING_BEFORE22 = re.compile(r"(?:\A|\n|[:.!?])[ \t]*+\Z")
RX_CAPS_LABEL_BEFORE22 = re.compile(r"[A-Z]{2,}[ \t]+\Z")


def _not_identifier22(ctx: _Ctx, text: str, cand: tuple) -> bool:
    s, e, cat = cand[0], cand[1], cand[2]
    if cat != "NAME":
        return False
    w = text[s:e]
    if not w.isalpha():
        return False
    return bool(
        RX_ARTICLE_AFTER22.match(text, e)
        and not ctx.is_first(w)
        and (ctx.low(w) in ctx.lex.common or not ctx.is_last(w))
        and RX_OPENING_BEFORE22.search(text, max(0, s - 4), s)
        or text.startswith(":", e)
        and w.isupper()
        and RX_CAPS_LABEL_BEFORE22.search(text, max(0, s - 24), s)
    )


# The TRIGGERS kinds an ASCII text reads at their cue words and any other text (as before
# the cue words were read so) over its whole length: a kind with a word the index cannot
# hold ("a1c": it splits at digits), and those whose pattern matches where none of their
# words begins (found by scripts/deid_same.py on texts outside ASCII).
_UNINDEXED = frozenset(
    kind for kind, cue in TRIGGERS.items() if not all(RX_WORD.fullmatch(w) for w in cue)
) | {"AGEP", "FROM8", "IDC10", "IDX", "PLACE6", "PLATE", "PLATE5", "RECORD", "VEHX"}


# ----------------------------------------------------------------------------- round 23
# Names that no list holds. A given name or surname from a language the name lists lack is
# found by its slot and its shape: a capitalised word that is no English or clinical word (nor
# a form of one: "Nebulizers", "Dialyzed"), in a slot only a person fills ("X refused AM
# meds", "X, Y is a 95 yo", "Contact: x y", "C. X is", "CNA X Y (cert."), and every other
# mention of it in any case.
RX_ENGLISH_END23 = re.compile(
    r"(?:tion|sion|ment|ness|ity|ing|ings|ed|ly|ous|ive|able|ible|ful|less|ism|ist|ists|ize"
    r"|ized|ise|ology|logy|itis|osis|oses|emia|aemia|ectomy|otomy|ostomy|plasty|scopy|scope"
    r"|gram|graph|graphy|pathy|algia|ics|ase|ide|ine|ines|one|ol|olol|pril|sartan|statin|mab"
    r"|nib|zole|cillin|mycin|cycline|pam|lam|pine|tidine|azine|vir|parin|xaban|gliptin"
    r"|flozin|tide|ium|onia|sia|gia|xia|pia|tia|cia|thia|um|us|ae|ii|ial|nal|ral|tal|sal|cal|dal"
    r"|eal|ual|ate|ics|ogen|cyte|cytes|plasia|trophy|uria|oma|omas"
    r"|ectasis|lysis|penia|philia|phobia|ness|ward|wards|wise|ship|hood|ery|ary|ory)$"
)
_NOT_NAMES23 = _w("""am pm ok yes no pt pts hx dx tx rx sx fx cc mg ml via per re fyi asap prn
    bid tid qid qhs npo nkda nka dnr dnar poa nok ems icu ed er or pacu ob gyn obgyn ent
    thx pls plz hi hey hello bye ty fwd van suv wk wks mo mos yr yrs hr hrs min mins sec lol
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec am
    clin infect dis med surg rev res sci jama lancet nejm bmj soc assoc acad natl eur ann
    proc pract ther pharm pharmacol physiol psychiatry perla perrla eomi caucasian hispanic
    latino latina latinx african asian medicaid medicare waiver""")
_ROLE_WORDS23 = _w("""inmate caregiver adolescent bystander patient resident provider
    billing payer insured subscriber guarantor claimant member dependent employee client
    customer owner driver rider recipient student child infant newborn baby boy girl abuela
    abuelo madre padre hijo hija esposo esposa hermano hermana tia tio señora senora señor
    senor doña dona""")
_PERSON_VERBS23 = (
    r"reports|reported|denies|denied|states|stated|refused|refuses|declined|declines|agreed"
    r"|agrees|tolerated|tolerates|ambulated|ambulates|walked|complains|complained|verbalized"
    r"|verbalizes|verbalised|endorses|endorsed|presents|presented|returned|returns|underwent"
    r"|paged|called|texted|slept|ate|feels|felt|said|says|asked|asks|wants|wanted|understands"
    r"|understood|prefers|preferred|lives|resides|resting|sleeping|ambulating|tolerating"
    r"|was\s+(?:given|seen|admitted|discharged|transferred|brought|found|taken|examined|able"
    r"|born|visited|noted\s+to)|is\s+(?:an?\s+(?:\d+|eighty|ninety|one|aged)|able|here"
    r"|seen|being)|up\s+to\s+chair|to\s+send|to\s+call|will\s+(?:call|send|follow|bring)"
)
# a name opening a sentence or a line (after a clock time, a list mark or a label's colon),
# read back from a person's verb: the verbs are found by the word index, the name before them
RX_PERSON_VERB23 = re.compile(rf"(?:{_PERSON_VERBS23})\b")
_PERSON_VERB_HEADS23 = frozenset(
    re.sub(r"\\s\+.*", "", alt) for alt in re.split(r"\|(?![^(]*\))", _PERSON_VERBS23)
)
RX_SUBJECT23 = re.compile(
    rf"(?:^|(?<=[.!?;]\s)|(?<=\n)|(?<=^\d{{4}}\s)|(?<=\n\d{{4}}\s)|(?<=\d\d:\d\d\s)|(?<=[-*•]\s)"
    rf"|(?<=:\s))((?:[A-Z]\.[ \t]?)?{NW}(?:-{NW})?(?:[ \t]+{NW}(?:-{NW})?){{0,2}}),?[ \t]+$",
    re.M,
)
# "X, Y" as a registration or a table writes a person: two name words, not one of a list
RX_LAST_FIRST23 = re.compile(
    rf"(?<!,[ \t])(?<![,\w'’-])((?:{NW}|[{UP}]{{2,}}(?:['’][{UP}]+)?)"
    rf"(?:[- ](?:{NW}|[{UP}]{{2,}}))?)"
    rf",[ \t]?((?:{NW}|[{UP}]{{2,}})(?:-(?:{NW}|[{UP}]{{2,}}))?)((?:[ \t]+[A-Z]\.?)?)"
    rf"(?![\w'’-])(?![ \t]*,[ \t]*[{UP}][{UP}{LO}]+(?:,|[ \t]+(?:and|or)\b))"
)
RX_CAP_WORD_BEFORE23 = re.compile(rf"[{UP}][\w'’-]*[ \t]+$")
RX_CAP_WORD_AFTER23 = re.compile(rf"[ \t]+[{UP}][\w'’-]+")
# where a "LAST, FIRST" in capitals opens: a line, a cell, a label's value, "for", "owner"
RX_CAPS_PAIR_BEFORE23 = re.compile(
    r"(?:^|[\n|\t:]|\b(?i:for|owner|inmate|re|patient|pt|insured|guarantor))[ \t]*$"
)
# a lower-case name after a label that only a person fills ("Contact: deishouz shiashay")
RX_LABEL_LOWER23 = re.compile(
    r"(?m)(?:^|(?<=[\s(|]))(?i:pt|patient|patient\s+name|pt\s+name|name|contact|emergency"
    r"\s+contact|guarantor|responsible\s+party|subscriber|insured|re|attn|to|poa|nok|caregiver"
    r"|spouse|mother|father|son|daughter|wife|husband|parent|guardian)[ \t]*[:#][ \t]*"
    r"([a-z][a-z'’-]+)(?:[ \t]+([a-z]\.?|[a-z][a-z'’-]+)){0,2}(?![\w'’@.-]|\.\w)"
)
# an initial and a surname of no list ("C. X is a", "(D. X)", "| V. X |", "- A. X, 24")
RX_INITIAL_NAME23 = re.compile(
    rf"([A-Z]\.[ \t]?{NW}(?:-{NW})?)"
    rf"(?=[ \t]*(?:[,)|;]|$)|[ \t]+(?:is|was|has|had|reports|reported|to)\b)",
    re.M,
)
# where such an initial may open: a line, "(", a cell, a list's dash (read before the match)
RX_INITIAL_BEFORE23 = re.compile(r"(?:[\n(|]\s?|(?:^|\n)-\s)$")
# a role or a person's credential next to the name ("CNA X Y (cert.", "call from X Y RN at")
RX_ROLE_BEFORE23 = re.compile(
    rf"\b(?:CNA|aide|housekeeper|facilitator|Facilitator|presenter|Presenter|owner|inmate"
    rf"|chaplain|Chaplain|interpreter|Interpreter|tech|Tech|technician|medic|paramedic|EMT"
    rf"|navigator|coordinator|[Cc]all\s+from|[Pp]aged|[Cc]alled|[Tt]exted|[Ww]itness(?:es)?:?"
    rf"|sitter|driver|[Rr]esponsible\s+party:|[Ff]acilitator:|[Pp]resenter\s*[|:]|[Rr]ider"
    rf"|[Rr]ecipient|[Dd]ependent|[Ee]mployee|[Cc]laimant|CLAIMANT|[Aa]ttorney|[Aa]udiologist"
    rf"|[Ww]orker|[Bb]ystander|[Hh]usband|[Ww]ife|[Dd]aughter|[Ss]on|[Nn]iece|[Nn]ephew|FOB"
    rf"|[Bb]aby\s+(?:boy|girl)|[Pp]ickup|[Ii]nterpreted\s+by|[Pp]ronounced\s+by|[Pp]t\s+is"
    rf"|[Pp]atient\s+is|[Rr]eminder:|ED\s+note:|L&D:|[Ff]orm:|[Ff]orm\s+for|[Aa]pplication\s+for"
    rf"|[Tt]ech\s+note:|[Ll]abel:|[Cc]ard\s+\(front\):|System:|ATTN:?\s+DR|ATT:|DR)"
    rf"[ \t]+({NW}(?:-{NW})?(?:[ \t]+{NW}(?:-{NW})?){{0,2}})"
)
RX_CRED_WORD23 = re.compile(r"\b(?:RN|LPN|CNA|NP|MD|PA-C|DO|EMT)\b")
RX_BEFORE_CRED23 = re.compile(
    rf"\b({NW}(?:-{NW})?(?:[ \t]+{NW}(?:-{NW})?){{0,2}})[ \t]+(?:RN|LPN|CNA|NP|MD|PA-C|DO|EMT)"
    rf"(?=[ \t]+(?:at|from|with|on|in)\b|[ \t]*[,;)]|[ \t]*$)",
    re.M,
)
RX_ROLE_NOUN23 = re.compile(r"(?:er|or|ant|ent|ist|ian)$")
TRIGGERS["PV23"] = _PERSON_VERB_HEADS23
TRIGGERS["ROLE23"] = _w("""cna aide housekeeper facilitator presenter owner inmate chaplain
    interpreter tech technician medic paramedic emt navigator coordinator call paged called
    texted witness witnesses sitter driver responsible rider recipient dependent employee
    claimant attorney audiologist worker bystander husband wife daughter son niece nephew fob
    baby pickup interpreted pronounced pt patient reminder ed l form application label card
    system attn att dr""")
# a run of two or more capitalised words, each a name's, one at least of no list
RX_CAP_RUN23 = re.compile(
    rf"(?<![\w'’.-])(?:{NW}|[{UP}]{{2,}}(?:['’-][{UP}]+)*)(?:-(?:{NW}|[{UP}]{{2,}}))?"
    rf"(?:[ \t]+(?:{NW}|[{UP}]{{2,}}(?:['’-][{UP}]+)*)(?:-(?:{NW}|[{UP}]{{2,}}))?){{1,4}}"
)
# a lower-case name after a person's role or kin ("husband x y", "dictating on x y")
RX_ROLE_LOWER23 = re.compile(
    r"\b(?i:doctor|dr\.?|dictating\s+on|husband|wife|daughter|dtr|son|father|mother|brother"
    r"|sister|niece|nephew|grandmother|grandfather|child|worker|medic|bystander|claimant"
    r"|dependent|recipient|employee|rider|attorney|interpreter|pt|patient|pickup|proxy|aide"
    r"|cna|sheet\s+-)[ \t]+([a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})"
)
TRIGGERS["ROLELOW23"] = _w("""doctor dr dictating husband wife daughter dtr son father mother
    brother sister niece nephew grandmother grandfather child worker medic bystander claimant
    dependent recipient employee rider attorney interpreter pt patient pickup proxy aide cna
    sheet""")
# a chat line's handle ("heedzafaih: anybody seen", "[6:06] khaatsayri: yes")
RX_HANDLE_LINE23 = re.compile(r"(?m)^(?:\[[^\]\n]{1,20}\][ \t]*)?([a-z][a-z'’-]{3,})[ \t]*:[ \t]")
# the words a chat message opens with: a reply (round 16), a question, a greeting
RX_CHAT_OPENING23 = re.compile(
    r"(?i:ok|okay|k|kk|yes|yep|yeah|no|nope|sure|thanks|thx|ty|noted|agreed|hi|hello|hey"
    r"|anybody|anyone|someone|somebody|can|could|would|is|are|did|does|do|has|have|pls"
    r"|please|fyi|who|what|where|when|why|how|just|still|also|i|i'm|im|we|u|you|omw|brb"
    r"|lol|sorry|btw|re)\b"
)
_ORG_HEADS23 = _w("""hospital clinic center centre medical health county school academy church
    pharmacy drug dental services service home manor care rehab nursing court department dept
    university college library company corp inc llc district regional memorial community""")
TRIGGERS["LBLLOW23"] = _w("""pt patient name contact emergency guarantor responsible subscriber
    insured re attn to poa nok caregiver spouse mother father son daughter wife husband parent
    guardian""")


def _unlisted23(ctx: _Ctx, w: str) -> bool:
    """A word no list holds, nor a form of one: a name of a language the lists lack."""
    lw = ctx.low(w)
    if len(lw) < 4 or lw in _NOT_NAMES23 or _abbreviation23(w):
        return False
    if not any(c in "aeiouy" for c in lw):  # "Hcv", "Kpa" in a titled key
        return False
    lex = ctx.lex
    for part in lw.split("-"):
        if len(part) < 2 or not part.replace("'", "").isalpha():
            return False
        if (
            part in lex.common
            or part in lex.clinical
            or part in lex.ambiguous
            or part in lex.cities
            or part in FUNCTION_WORDS
            or part in HEAD_NOUNS
            or part in PLACEHOLDER_WORDS
            or part in STATES
            or part in MONTH_WORDS
            or part in COUNTRIES
            or part in REGIONS10
        ):
            return False
        if part in lex.first or part in lex.last:
            continue
        if RX_ENGLISH_END23.search(part) or _english_form23(lex, part):
            return False
    return True


def _abbreviation23(w: str) -> bool:
    """An abbreviation rather than a name: capitals with fewer than two vowels (HTN, ADHD,
    MCAD), or a capital inside the word (RPh, HbA)."""
    core = w.replace("-", "").replace("'", "").replace("’", "")
    if core.isupper():
        return len(core) <= 3 or sum(c in "AEIOUY" for c in core) < 2
    return any(c.isupper() for c in core[1:]) and not re.match(r"(?:Ma?c|[OD])[A-Z]", core)


def _english_form23(lex: lexicon.Lexicon, w: str) -> bool:
    """An inflected or derived form of a listed word ("walkers", "dialyzed", "bedsides",
    "reassess")."""
    for head in ("re", "un", "pre", "dis", "mis", "non", "sub", "over", "under", "inter"):
        rest = w[len(head) :]
        if w.startswith(head) and len(rest) >= 4 and (rest in lex.common or rest in lex.clinical):
            return True
    for end, add in (
        ("s", ""),
        ("es", ""),
        ("ed", ""),
        ("ed", "e"),
        ("er", ""),
        ("ers", ""),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("'s", ""),
    ):
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: len(w) - len(end)] + add
            if stem in lex.common or stem in lex.clinical:
                return True
    return False


def _name_word23(ctx: _Ctx, w: str) -> bool:
    """A listed name that is no ordinary word, or a word of no list."""
    w = w.rstrip(".")
    if len(w) == 1 and w.isupper():
        return True
    if ctx.low(w) in _ROLE_WORDS23 or RX_ENGLISH_END23.search(ctx.low(w)):
        return False
    if ctx.is_name(w) and not (ctx.is_common(w) or ctx.is_ambiguous(w) or ctx.is_clinical(w)):
        return ctx.low(w) not in STATES and ctx.low(w) not in _NOT_NAMES23
    return _unlisted23(ctx, w)


def _words_ok23(ctx: _Ctx, words: list[str], need_unlisted: bool = True) -> bool:
    """Every word may be a name's, and (with need_unlisted) one at least is in no list (a
    pair of listed names is the older rules' to judge)."""
    if not words or not all(_name_word23(ctx, w) for w in words):
        return False
    return not need_unlisted or any(_unlisted23(ctx, w.rstrip(".")) for w in words)


def _round23(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    found: list[tuple[int, int]] = []
    subjects = []
    for pos in words_ix.at(_PERSON_VERB_HEADS23) if "PV23" in words_ix.cues else ():
        if RX_PERSON_VERB23.match(text, pos):
            sub = RX_SUBJECT23.search(text, max(0, pos - 90), pos)
            if sub:
                subjects.append(sub)
    for m in subjects:
        words = [w for w in re.split(r"[ \t]+", m.group(1)) if w]
        s0 = m.start(1)
        if len(words) > 1 and RX_ROLE_NOUN23.search(words[0]):
            s0 = text.index(words[1], s0 + len(words[0]))
            words = words[1:]
        if _words_ok23(ctx, words) and not ctx.followed_by_head(m.end(1)):
            found.append((s0, m.end(1)))
    if ", " in text or "," in text:
        for m in RX_LAST_FIRST23.finditer(text):
            last, first = m.group(1), m.group(2)
            words = last.replace("-", " ").split() + first.split("-")
            if (last.isupper()) != (first.isupper()):
                continue
            before = text[max(0, m.start() - 12) : m.start()]
            if last.isupper() and not RX_CAPS_PAIR_BEFORE23.search(before):
                continue
            if RX_PLACE_PREP_BEFORE.search(before) or RX_CAP_WORD_BEFORE23.search(before):
                continue  # "born in Jocotenango, Guatemala"; "Lyme, West Nile, Ross River"
            if RX_CAP_WORD_AFTER23.match(text, m.end(2)):
                continue  # "X Y, Bluebird Medical Transport"
            tail = m.group(3).strip()
            if tail in ("M", "F") and not m.group(3).endswith("."):
                tail = ""  # a sex column after the name ("HALVORSEN, BIRGIT M   F/91")
            if _words_ok23(ctx, words) and not ctx.followed_by_head(m.end(2)):
                found.append((m.start(1), m.end(3) if tail else m.end(2)))
    for m in _triggered(RX_LABEL_LOWER23, "LBLLOW23", text, words_ix):
        words = m.group(0)[m.start(1) - m.start() :].split()
        while words and not _name_word23(ctx, words[-1]):
            words.pop()
        if len(words) >= 2 and _words_ok23(ctx, words):
            found.append((m.start(1), text.index(words[-1], m.start(1)) + len(words[-1])))
    for m in RX_INITIAL_NAME23.finditer(text) if RX_INITIAL_DOT.search(text) else ():
        st = m.start(1)
        if st and not RX_INITIAL_BEFORE23.search(text, max(0, st - 3), st):
            continue
        w = m.group(1)[2:].strip()
        if _unlisted23(ctx, w) and not ctx.followed_by_head(m.end(1)):
            found.append(m.span(1))
    for m in _triggered(RX_ROLE_BEFORE23, "ROLE23", text, words_ix):
        words = m.group(1).split()
        while words and not _name_word23(ctx, words[-1]):
            words.pop()
        if words and _words_ok23(ctx, words) and not ctx.followed_by_head(m.end(1)):
            s = m.start(1)
            found.append((s, s + len(" ".join(words)) if " " in m.group(1) else m.end(1)))
    for m in RX_BEFORE_CRED23.finditer(text) if RX_CRED_WORD23.search(text) else ():
        words = m.group(1).split()
        while words and not _name_word23(ctx, words[0]):
            words.pop(0)
        if words and _words_ok23(ctx, words):
            found.append((m.end(1) - len(" ".join(words)), m.end(1)))
    _runs23(ctx, text, found)
    lows = words_ix.at(TRIGGERS["ROLELOW23"]) if "ROLELOW23" in words_ix.cues else ()
    for pos in lows:  # cues may overlap ("doctor x dictating on y"): each is tried
        low = RX_ROLE_LOWER23.match(text, pos)
        if low is None:
            continue
        words = low.group(1).split()
        while words and not _lower_name23(ctx, words[-1]):
            words.pop()
        if words and all(_lower_name23(ctx, w) for w in words):
            found.append((low.start(1), low.start(1) + len(" ".join(words))))
    if ":" in text:
        # A line's handle is a chat's: one stamped with a time, one of several lines so
        # opened, or one before a chat's opening word ("x: anybody seen"). A text opened by
        # "nausea: give …" is no chat (a topic, a heading).
        handles = list(RX_HANDLE_LINE23.finditer(text))
        for m in handles:
            chat = (
                len(handles) > 1
                or m.group().startswith("[")
                or RX_CHAT_OPENING23.match(text, m.end()) is not None
            )
            if chat and _lower_name23(ctx, m.group(1)):
                found.append(m.span(1))
    for s, e in found:
        a, b = _strip_possessive(text, s, e)
        out.append((a, b, "NAME", 0.7))


def _lower_name23(ctx: _Ctx, w: str) -> bool:
    """A word in lower case that is a name of no list (long enough to be no abbreviation)."""
    return (
        w.islower()
        and len(w) >= 4
        and not w.endswith(("ers", "ies"))
        and sum(c in "aeiouy" for c in w) >= 2
        and _unlisted23(ctx, w)
    )


def _runs23(ctx: _Ctx, text: str, found: list) -> None:
    """Two or more capitalised words, each a name's and one at least of no list, not a place
    (after in/from/of) nor an organisation (before Clinic, County...)."""
    for m in RX_CAP_RUN23.finditer(text):
        parts = list(re.finditer(r"\S+", m.group()))
        i = 0
        while i < len(parts):
            j = i
            while j < len(parts) and _name_word23(ctx, parts[j].group()):
                j += 1
            run = parts[i:j]
            if len(run) >= 2 and any(_unlisted23(ctx, p.group()) for p in run):
                s = m.start() + run[0].start()
                e = m.start() + run[-1].end()
                if (
                    text[e : e + 1].isalpha()  # "DuraPrep": no word of its own
                    or RX_MODEL_AFTER23.match(text, e)  # a maker and a model: "X Y P90"
                    or RX_DEVICE_AFTER23.match(text, e)  # a maker and a product: "X Y foot"
                    or (run[0].group().isupper() and not _caps_value23(text, s, e))
                    or "'" in m.group()[run[0].start() : run[-1].start()]  # "LUDWIG'S ANGINA"
                ):
                    i = max(j, i + 1)
                    continue
                nxt = parts[j].group().lower() if j < len(parts) else ""
                before = text[max(0, s - 12) : s]
                if (
                    nxt not in _ORG_HEADS23
                    and not RX_PRODUCT_BEFORE23.search(before)
                    and not RX_NUMBER_BEFORE23.search(before)  # a town after its postcode
                    and not RX_PLACE_PREP_BEFORE.search(before)
                    and not ctx.followed_by_head(e)
                    and not (j == len(parts) and _org_head_after23(text, e))
                ):
                    found.append((s, e))
            i = max(j, i + 1)


RX_PRODUCT_BEFORE23 = re.compile(
    r"\b(?i:on|a|an|the|of|in|at|near|into|onto|white|black|silver|gr[ae]y|red|blue|green"
    r"|using|via|plus|start|started|continue|continued|restart|resume|take|takes|taking)[ \t]+$"
)


# a model's number after a maker's and a product's name ("Rad-97", "Audeo P90", "W300")
RX_MODEL_AFTER23 = re.compile(r"-\d|[ \t]+(?=[A-Z0-9-]*\d)[A-Z]{1,4}-?\d[\w-]*")
RX_NUMBER_BEFORE23 = re.compile(r"\d(?:[ \t]*+,)?[ \t]+$")
RX_DEVICE_AFTER23 = re.compile(
    r"[ \t]+(?:foot|feet|knee|hand|arm|leg|pump|bed|monitor|device|system|unit|lens|aid|aids"
    r"|brace|boot|sleeve|mask|chair|walker|cane|scale|meter|kit|machine|model|series|inhaler"
    r"|pen|patch|sensor|hugger|warmer|stocking|stockings|tablet|tablets|capsule|capsules)\b"
)
RX_CAPS_VALUE_BEFORE23 = re.compile(r"(?:^|[:|\t]|\b(?i:for|owner|pt|patient))[ \t]*$", re.M)
RX_CAPS_VALUE_AFTER23 = re.compile(r"[ \t]*(?:$|[,|(\t;]|[ \t]\d)", re.M)


def _caps_value23(text: str, s: int, e: int) -> bool:
    """Names in capitals are read as a field's value only ("PATIENT: X Y\n", "| X Y |"): a
    line in capitals holds terms ("BRAXTON HICKS CONTRACTIONS AND ...")."""
    return bool(
        RX_CAPS_VALUE_BEFORE23.search(text, max(0, s - 16), s)
        and RX_CAPS_VALUE_AFTER23.match(text, e)
    )


def _org_head_after23(text: str, e: int) -> bool:
    m = RX_CAP_WORD_AFTER23.match(text, e)
    return m is not None and m.group().strip().lower() in _ORG_HEADS23


def _other_mentions23(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """Every other mention, in any case, of a found name's word that no list holds ("Dr.
    Nahavei ... nahavei called"; "KEIVOUR, X" ... "keivour: yes")."""
    words: set[str] = set()
    for f in found:
        if f.category != "NAME":
            continue
        for w in RX_NAME_TOKEN8.findall(text, f.start, f.end):
            w = re.sub(r"['’]s$", "", w)
            if len(w) >= 4 and _unlisted23(ctx, w):
                words.add(w.lower())
    return _mentions_of(ctx, text, found, words, "(?i)")


# ----------------------------------------------------------------------------- round 24
# U's misses and false alarms read by kind: a person in the slots of donor, travel, court and
# pharmacy forms (an initial and a surname after a job, initials alone after a job, an
# airline's SURNAME/GIVEN, "In re guardianship of", "/s/", a witness, "Last, First" after a
# person's label), numbers behind shipping and booking cues, a partial SSN "on file", a
# driver's licence after its state, a road "at mile 12", plates in digit groups, a county in
# a court's heading, a town cell after a facility, law offices and donor centres.
_ROLES24 = (
    r"rn|lpn|lvn|cna|rso|rph|tester|tested[ \t]+by|physician|attending|pharmacist"
    r"|phlebotomist|technician|technologist|nurse|therapist|dietitian|midwife|scribe|examiner"
    r"|sonographer|radiographer|counselor|counsellor|surgeon|intern|resident|fellow"
    r"|performed[ \t]+by|collected[ \t]+by|drawn[ \t]+by|reviewed[ \t]+by|verified[ \t]+by"
    r"|witnessed[ \t]+by|read[ \t]+by|seen[ \t]+by|checked[ \t]+by"
)
TRIGGERS["ROLEI24"] = _w("""rn lpn lvn cna rso rph tester tested physician attending pharmacist
    phlebotomist technician technologist nurse therapist dietitian midwife scribe examiner
    sonographer radiographer counselor counsellor surgeon intern resident fellow performed
    collected drawn reviewed verified witnessed read seen checked""")
# an initial and a surname after a person's job ("RSO G. Vantsdottir", "tester K. Oyelaran",
# "Ship's physician T. Brannagh", "attending m. okafor", "TESTED BY: S. NWOSU")
RX_ROLE_INITIAL24 = re.compile(
    rf"\b(?i:{_ROLES24})(?:[ \t]*:)?[ \t]+"
    rf"((?:[A-Z]\.[ \t]?){{1,2}}(?:{NW}(?:-{NW})?|{CAPS_WORD})"
    r"|(?:[a-z]\.[ \t]?){1,2}[a-z][a-z'’-]+)"
    r"(?![\w'’-])"
)
# initials alone after a job, before a stop ("Phlebotomist KT.", "tester J.R.,")
_INITIALS_ROLES24 = (
    r"phlebotomist|tester|technician|tech|scribe|interpreter|examiner|nurse|aide|sitter"
    r"|courier|collector|witness|pharmacist|therapist"
)
TRIGGERS["ROLEN24"] = _w(_INITIALS_ROLES24.replace("|", " "))
RX_ROLE_INITIALS24 = re.compile(
    rf"\b(?:(?i:{_INITIALS_ROLES24}))[ \t]+((?:[A-Z]\.){{2,3}}|[A-Z]{{2,3}}|(?:[a-z]\.){{2,3}}"
    r"|[a-z]{2}(?=\.[ \t]))(?=[ \t]*(?:[.,;)]|$))",
    re.M,
)
_CREDENTIALS24 = _w("""rn lpn lvn cna np md do pa cpt rt pt ot emt cma ma rph cpht pct slp
    asl crna cnm aprn dpt msw lcsw bsn msn phd phm ed er icu or""")
# an airline's passenger name: "Passenger: OKAFOR/CHIDI MR"
RX_SLASH_NAME24 = re.compile(
    rf"\b(?i:passenger|pax|traveler|traveller|guest|name)(?:[ \t]*+:[ \t]*+|[ \t]++)"
    rf"((?:[{UP}]{{2,}}(?:[ '’-][{UP}]{{2,}})*)/[{UP}]{{2,}}"
    rf"(?:[ \t](?!(?:MR|MRS|MS|MSTR|MISS|DR)\b)[{UP}]{{2,}})?"
    rf"|{NW}(?:[ '’-]{NW})*/{NW}(?:[ \t]{NW})?)(?:[ \t]+(?:MR|MRS|MS|MSTR|MISS|DR))?(?![\w/])"
)
TRIGGERS["SLASH24"] = _w("passenger pax traveler traveller guest name")
# the person a court file is about, and an e-signature
RX_IN_RE24 = re.compile(
    r"\b(?i:in[ \t]+re|matter[ \t]+of)[ \t]+(?i:the[ \t]+)?"
    r"(?:(?i:guardianship|conservatorship|estate|adoption|custody|commitment|welfare"
    r"|marriage|protection)[ \t]+of[ \t]+)?"
    r"(?:(?i:the[ \t]+)?(?i:minor|child|ward|respondent|person|decedent)[ \t]+)?"
    rf"([{UP}{LO}][{UP}{LO}.'’-]*(?:[ \t]+[{UP}{LO}][{UP}{LO}.'’-]*){{0,3}})(?=[ \t]*(?:[,;(]|$))",
    re.M,
)
TRIGGERS["INRE24"] = _w("in matter")
RX_SIGNED24 = re.compile(
    r"/s/[ \t]*([A-Za-z][A-Za-z.'’-]*(?:[ \t]+[A-Za-z][A-Za-z.'’-]*){0,3})"
    r"(?=[ \t]*(?:[,;(]|$))",
    re.M,
)
# a witness to a waste or a signature: "with x y witnessing", "witnessed by x y"
RX_WITNESSING24 = re.compile(
    r"\b(?i:with)[ \t]+([A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*){0,3})[ \t]+"
    r"(?i:witnessing|as[ \t]+witness)\b"
)
TRIGGERS["WITN24"] = _w("with")
# "Last, First [M]" after a label only a person fills, in any case, ending a field
_PERSON_LABELS24 = (
    r"patient|pt|name|donor|client|guest|member|passenger|petitioner|respondent|attorney"
    r"|decedent|deceased|claimant|insured|visitor|enrollee|applicant|subscriber|mother|father"
    r"|counsel(?:[ \t]+for[ \t]+(?:the[ \t]+)?(?:respondent|petitioner|plaintiff|defendant))?"
)
TRIGGERS["PLABEL24"] = _w("""patient pt name donor client guest member passenger petitioner
    respondent attorney decedent deceased claimant insured visitor enrollee applicant
    subscriber mother father counsel""")
RX_LABEL_LAST_FIRST24 = re.compile(
    rf"\b(?i:{_PERSON_LABELS24})(?:[ \t]*+:[ \t]*+|[ \t]++)"
    r"([A-Za-z][A-Za-z'’-]+(?:[ -][A-Za-z][A-Za-z'’-]+)?,[ \t]*[A-Za-z][A-Za-z'’-]+"
    r"(?:[ \t]+[A-Za-z][A-Za-z'’-]+)?(?:[ \t]+[A-Za-z]\.?)?)"
    r"(?=[ \t]*(?:$|[|;\t(]|[ \t]{2}|,[ \t]*(?i:dob|age|mrn|mr)\b))",
    re.M,
)
RX_PERSON_LABEL24 = re.compile(rf"(?i:{_PERSON_LABELS24})[ \t]*:?[ \t]+")
RX_LABEL_LOWER24 = re.compile(
    rf"\b(?i:{_PERSON_LABELS24})[ \t]*:[ \t]*"
    r"([a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){1,2})(?=[ \t]*(?:$|[,(|;]|[ \t]{2}))",
    re.M,
)
# a given name after a relation, before a phone in brackets ("by neighbor Oyelaran (555-…")
RX_KIN_PHONE24 = re.compile(
    r"\b(?i:by|from|to)[ \t]+(?i:family|next[ \t]+of[ \t]+kin|nok|caregiver|partner|parent"
    r"|spouse|neighbou?r|friend|son|daughter|wife|husband|sister|brother|niece|nephew"
    r"|granddaughter|grandson|guardian|mother|father|relative)[ \t]+"
    r"([A-Za-z][A-Za-z'’-]+(?:[ \t]+[A-Za-z][A-Za-z'’-]+)?)(?=[ \t]*\([ \t]*[+\d])"
)
TRIGGERS["KINPH24"] = _w("by from to")
# a given name written like a word in a phone's slot: "call to Sorrel at (555) …"
RX_CALL_AT24 = re.compile(
    rf"\b(?i:call[ \t]+to|called|phoned|texted)[ \t]+({NW})[ \t]+at[ \t]+[+(\d]"
)
TRIGGERS["CALLAT24"] = _w("call called phoned texted")
# two or three capitalised words opening a sentence or a field before a birth date (read
# back from the DOB)
RX_NAME_DOB24 = re.compile(
    rf"(?:^|(?<=[.:;|]\s)|(?<=[.:;|]\s\s))({NW}(?:[ \t]+{NW}){{1,2}}),?[ \t]+\Z", re.M
)
# "Last, First" in a registration row before a birth date ("Rx 4417702  Okafor, Chidi  DOB")
RX_LAST_FIRST_DOB24 = re.compile(
    r"(?:^|(?<=[\t|])|(?<=[ \t]{2}))([A-Za-z][A-Za-z'’-]+(?:[ -][A-Za-z][A-Za-z'’-]+)?,[ \t]*"
    r"[A-Za-z][A-Za-z'’-]+(?:[ \t]+[A-Za-z][A-Za-z'’-]+)?(?:[ \t]+[A-Za-z]\.?)?)"
    r"(?:[ \t]{2,}|[ \t]*+[|\t,][ \t]*+)\Z",
    re.M,
)
RX_DOB_WORD24 = re.compile(r"(?:DOB|D\.O\.B\.|dob|born)\b")
TRIGGERS["DOB24"] = _w("dob d born")
# a name before a credential after a comma when its first word is also a word ("by Sorrel
# Nwosu, RN")
RX_CRED_COMMA24 = re.compile(
    r",[ \t]*+(?:RN|LPN|LVN|MD|DO|NP|PA-C|CNM|CRNA|RPh|PharmD|DDS|DMD|PhD|LCSW|MSW|EMT|CMA"
    r"|APRN|FNP|DNP|BSN|MSN)\b"
)
RX_NAME_CRED24 = re.compile(rf"\b({NW})[ \t]+({NW}(?:-{NW})?)\Z")  # read back from the comma
# a law office and a donor centre by their heads
_FAC_WORD24 = rf"(?:{NW}|{CAPS_WORD})"
RX_LAW_OFFICE24 = re.compile(
    rf"({_FAC_WORD24}(?:[ \t]+{_FAC_WORD24}){{0,2}}(?:[ \t]*&[ \t]*{_FAC_WORD24}"
    rf"(?:[ \t]+{_FAC_WORD24}){{0,2}})?[ \t]+(?:(?:Law|LAW)[ \t]+(?:Offices?|OFFICES?|Firm|FIRM"
    r"|Group|GROUP|Partners|PARTNERS)|Attorneys[ \t]+at[ \t]+Law|ATTORNEYS[ \t]+AT[ \t]+LAW))\b"
    r"|((?<![\w'’-])[a-z][a-z'’-]+(?:[ \t]*&[ \t]*[a-z][a-z'’-]+)?[ \t]+law[ \t]+(?:offices?|firm"
    r"|group))\b"
)
RX_DONOR_HEAD24 = re.compile(
    r"(?:Plasma|PLASMA|Donor|DONOR|Blood|BLOOD|Donation|DONATION|plasma|donor|blood|donation)"
    r"[ \t]+(?:Center|Centre|Services|Bank|CENTER|CENTRE|SERVICES|BANK|center|centre|services"
    r"|bank)\b"
)
TRIGGERS["FACD24"] = _w("plasma donor blood donation")
RX_DONOR_OWNER24 = re.compile(
    rf"(?:({_FAC_WORD24}(?:[ \t]+{_FAC_WORD24}){{0,2}})"
    r"|(?:^|(?<=\n))[ \t]*([a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?))[ \t]+\Z"
)
_NOT_DONOR_OWNERS24 = _w("""plasma donor blood donation hospital medical the a an our local
    mobile nearest new main central regional community american red cross at to from in""")
TRIGGERS["LAW24"] = _w("law attorneys")
# a hearing practice by its trade ("Tamarack Hearing & Balance", "Alder Audiology")
RX_HEARING24 = re.compile(
    r"(?:Hearing[ \t]*(?:&|and)[ \t]*Balance|Hearing[ \t]+(?:Center|Centre|Clinic|Care)"
    r"|Audiology(?:[ \t]+(?:Associates|Clinic|Center|Centre))?)(?![\w])"
)
TRIGGERS["HEAR24"] = _w("hearing audiology")
# a funeral home in lower case as its label's value ("funeral home: alder mortuary, …")
RX_FUNERAL_VALUE24 = re.compile(
    r"\b(?i:funeral[ \t]+home|mortuary)[ \t]*:[ \t]*([a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?"
    r"[ \t]+(?:funeral[ \t]+home|mortuary|funeral[ \t]+chapel|funeral[ \t]+services"
    r"|crematory|chapel))\b"
)
TRIGGERS["FUNERAL24"] = _w("funeral mortuary")
# numbers behind shipping and booking cues; a UPS tracking number by its shape
RX_TRACKING24 = re.compile(
    r"\b(?i:tracking|waybill|air[ \t]*waybill|airbill|awb|consignment)"
    r"(?:[ \t]++(?i:no\.?|number|num|#))?[ \t]*+[:#]?[ \t]*+"
    r"((?=[A-Za-z0-9]*\d{4})[A-Za-z0-9]{8,30}|\d{3,5}(?:[ \t]\d{3,5}){2,4})(?![\w-])"
)
TRIGGERS["TRACK24"] = _w("tracking waybill air airbill awb consignment")
RX_UPS24 = re.compile(r"(?<![\w-])(1[Zz](?=[0-9A-Za-z]*\d{8})[0-9A-Za-z]{16})(?![\w-])")
RX_BOOKING24 = re.compile(
    r"\b(?i:pnr|record[ \t]+locator|(?:booking|confirmation|reservation)[ \t]+(?:ref(?:erence)?"
    r"|code|no\.?|number|#))[ \t]*+[:#]?[ \t]*+([A-Z0-9]{5,8}|(?=[a-z]*\d)[a-z0-9]{5,8})(?![\w-])"
)
TRIGGERS["BOOK24"] = _w("pnr record booking confirmation reservation")
RX_SSN_ON_FILE24 = re.compile(
    r"\b(?i:ssn|ss#|social[ \t]+security(?:[ \t]+(?:no\.?|number|#))?|soc\.?[ \t]*sec\.?)"
    r"[ \t]*+\(?(?i:last[ \t]*+(?:4|four)(?:[ \t]++digits)?|l4)\)?"
    r"(?:[ \t]++(?i:on[ \t]+file|only|digits|given))?[ \t]*+[:#=-]?[ \t]*+(\d{4})(?![\d-])"
)
TRIGGERS["SSN24"] = _w("ssn ss social soc")
RX_STATE_DL24 = re.compile(
    rf"\b(?:(?:{_STATE_ABBR_RE})[ \t]+(?:DL|D/L)|(?i:(?:{_STATE_ABBR_RE.lower()})[ \t]+dl))"
    r"[ \t]*+(?:#|no\.?)?[ \t]*+:?[ \t]*+((?=[A-Za-z0-9]*\d)[A-Za-z0-9]{5,15})(?![\w-])"
)
TRIGGERS["DL24"] = _w(" ".join(STATE_ABBR).lower())
# a road and its mile: "Tamarack Rd at mile 14", "US Route 2 at mile 9", "nm 12 at mm 40"
# (read back from the mile)
RX_MILE24 = re.compile(r"(?i:mile(?:[ \t]*(?:marker|post))?|mm|mp)[ \t]*\d{1,4}(?:\.\d+)?(?![\w.])")
RX_ROAD_AT24 = re.compile(
    rf"((?:(?:{NW}|{CAPS_WORD})[ \t]+){{1,3}}(?i:{STREET_SUFFIX[3:-1]})\.?"
    rf"|(?:US|U\.S\.|State|SR|CR|County|(?:{_STATE_ABBR_RE})|(?:{_STATE_ABBR_RE.lower()}))"
    r"[ \t]+(?:(?i:route|rte|hwy|highway|road|rd)[ \t]*)?\d{1,4}"
    r"|(?<![\w-])(?i:route|rte|hwy|highway|i-?)[ \t]?\d{1,4})"
    r"[ \t]+(?i:at|near|@)[ \t]+\Z"
)
TRIGGERS["MILE24"] = _w("mile mm mp")
# a plate written in digit groups ("plate 21-56363", "WY 17-2965e")
RX_PLATE_GROUPS24 = re.compile(
    r"\b(?i:plates?|tag|truck|pickup|car|van|suv|vehicle)(?:[ \t]*(?:#|no\.?|:|,))?[ \t]+"
    rf"(?:(?:{_STATE_ABBR_RE}|(?i:(?:{_STATE_ABBR_RE.lower()})))[ \t]+)?"
    r"(\d{1,3}-\d{3,6}[A-Za-z]?)(?![\w-]|[.,/]\d)"
)
TRIGGERS["PLATEG24"] = _w("plate plates tag truck pickup car van suv vehicle")
# a county in a court's heading: "DISTRICT COURT OF GRANITE COUNTY", "court of x county"
RX_COURT_COUNTY24 = re.compile(
    r"\b(?i:court[ \t]+of|court,)[ \t]+((?:[A-Za-z][A-Za-z'’.-]*[ \t]+){1,3}?)"
    r"(?i:county|parish|borough)\b"
)
# the town where a ship's passenger left it: "Disembarked at Kodiak to …"
RX_DISEMBARK24 = re.compile(
    rf"\b(?i:disembark(?:ed|s)?|went[ \t]+ashore|came[ \t]+ashore|medevaced)[ \t]+(?i:at|in)"
    rf"[ \t]+((?:{NW}|{CAPS_WORD})(?:[ \t]+(?:{NW}|{CAPS_WORD})){{0,2}})"
)
TRIGGERS["DISEMB24"] = _w("disembark disembarked disembarks went came medevaced")
# a town written after a preposition before a state ("Jo Ruiz of Ten Sleep, WY")
RX_PREP_TOWN_STATE24 = re.compile(
    rf"\b(?:of|in|from|near|outside|to)[ \t]+({NW}(?:[ \t]+{NW}){{0,2}}),[ \t]*"
    rf"(?:{_STATE_ABBR_RE})(?![\w])"
)
TRIGGERS["PTS24"] = _w("of in from near outside to")
# after a found facility: a town in the next cell or after a comma at the end of a line
# ("… Pharmacy | Lolo", "Clinic: X Medical Clinic, Horse Springs")
RX_TOWN_CELL24 = re.compile(rf"[ \t]*[|,][ \t]*({NW}(?:[ \t]+{NW}){{0,2}})[ \t]*(?=\n|$)")
# after a found street line: a unit or a trailer park's space ("…, Sp 58", "…, Bldg 4")
RX_SPACE_UNIT24 = re.compile(
    r",[ \t]*((?i:sp|spc|space|bldg|building|apt|unit|ste|suite|lot|trlr|rm|room)\.?[ \t]*#?"
    r"\d{1,4}[A-Za-z]?)(?![\w-])"
)


def _plain_words24(ctx: _Ctx, words: list[str]) -> bool:
    """Words a name may be made of in a strong slot: none a function or clinical word, a
    head noun or a state."""
    return bool(words) and all(
        w.rstrip(".")
        and ctx.low(w.rstrip(".")) not in FUNCTION_WORDS
        and ctx.low(w.rstrip(".")) not in HEAD_NOUNS
        and ctx.low(w.rstrip(".")) not in _ROLE_WORDS23
        and ctx.low(w.rstrip(".")) not in STATES
        and not (ctx.is_clinical(w.rstrip(".")) and not ctx.is_name(w.rstrip(".")))
        for w in words
    )


def _pair_ok24(ctx: _Ctx, last: str, words: list[str]) -> bool:
    """A "Last, First [M]" pair: its surname a name's word, no word a function or clinical
    word (a middle initial aside)."""
    surname = last.split()[-1]
    return (
        _plain_words24(ctx, [w for w in words if len(w.rstrip(".")) > 1])
        and _surname24(ctx, surname)
        and not ctx.is_common(surname)
    )


def _surname24(ctx: _Ctx, w: str) -> bool:
    """A surname written after an initial: a name's word in any case."""
    if w.islower():
        return _lower_name23(ctx, w) or (ctx.is_name(w) and not ctx.is_common(w))
    return _name_word23(ctx, w.title() if w.isupper() else w)


def _initialled_surname24(ctx: _Ctx, w: str) -> bool:
    """A surname after a job and an initial: a name's word, or an eponym's or a town's
    ("RN A. Goodpasture", "physician S. Ely"), never an ordinary word."""
    if _surname24(ctx, w):
        return True
    lw = ctx.low(w)
    return (
        not w.islower()
        and len(lw) >= 3
        and (ctx.is_clinical(w) or lw in ctx.lex.cities)
        and lw not in ctx.lex.common
        and lw not in FUNCTION_WORDS
        and lw not in HEAD_NOUNS
        and not _abbreviation23(w)
    )


def _round24(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    for m in _triggered(RX_ROLE_INITIAL24, "ROLEI24", text, words_ix):
        last = re.split(r"[ \t.]+", m.group(1))[-1]
        if _initialled_surname24(ctx, last) and not ctx.followed_by_head(m.end(1)):
            out.append((m.start(1), m.end(1), "NAME", 0.75))
    for m in _triggered(RX_ROLE_INITIALS24, "ROLEN24", text, words_ix):
        if m.group(1).replace(".", "").lower() not in _CREDENTIALS24:
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "/" in text:
        for m in _triggered(RX_SLASH_NAME24, "SLASH24", text, words_ix):
            words = re.split(r"[ /'’-]+", m.group(1))
            if _plain_words24(ctx, words) and not any(ctx.is_common(w) for w in words[:1]):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
        if "/s/" in text:
            for m in RX_SIGNED24.finditer(text):
                words = m.group(1).split()
                if _plain_words24(ctx, words):
                    out.append((m.start(1), m.end(1), "NAME", 0.8))
    for m in _triggered(RX_IN_RE24, "INRE24", text, words_ix):
        words = m.group(1).split()
        if _plain_words24(ctx, words) and not ctx.followed_by_head(m.end(1)):
            out.append((m.start(1), m.end(1), "NAME", 0.75))
    for m in _triggered(RX_WITNESSING24, "WITN24", text, words_ix):
        words = m.group(1).split()
        if (
            len(words) >= 2
            and _plain_words24(ctx, words)
            and (_surname24(ctx, words[-1]) or _surname24(ctx, words[0]))
        ):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "," in text:
        for m in _triggered(RX_LABEL_LAST_FIRST24, "PLABEL24", text, words_ix):
            last, first = m.group(1).split(",", 1)
            words = last.replace("-", " ").split() + first.split()
            if _pair_ok24(ctx, last, words):
                out.append((m.start(1), m.end(1), "NAME", 0.75))
    if ":" in text:
        for m in _triggered(RX_LABEL_LOWER24, "PLABEL24", text, words_ix):
            words = m.group(1).split()
            if (
                _plain_words24(ctx, words)
                and (_lower_name23(ctx, words[0]) or ctx.is_name(words[0]))
                and not ctx.is_common(words[0])
                and (_lower_name23(ctx, words[-1]) or ctx.is_name(words[-1]))
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "(" in text:
        for m in _triggered(RX_KIN_PHONE24, "KINPH24", text, words_ix):
            if _plain_words24(ctx, m.group(1).split()):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    for m in _triggered(RX_CALL_AT24, "CALLAT24", text, words_ix):
        w = m.group(1)
        if (
            _plain_words24(ctx, [w])
            and not RX_ENGLISH_END23.search(ctx.low(w))
            and ctx.low(w) not in _ORG_HEADS23
            and ctx.low(w) not in GENERIC_FAC
        ):
            out.append((m.start(1), m.end(1), "NAME", 0.65))
    for pos in words_ix.at(TRIGGERS["DOB24"]) if "DOB24" in words_ix.cues else ():
        n = RX_DOB_WORD24.match(text, pos) and RX_NAME_DOB24.search(text, max(0, pos - 50), pos)
        if n:
            words = n.group(1).split()
            if _plain_words24(ctx, words) and _name_word23(ctx, words[-1]):
                out.append((n.start(1), n.end(1), "NAME", 0.75))
        pair = (
            n is None
            and RX_DOB_WORD24.match(text, pos)
            and RX_LAST_FIRST_DOB24.search(text, max(0, pos - 60), pos)
        )
        if pair:
            start = pair.start(1)
            label = RX_PERSON_LABEL24.match(text, start)
            if label:  # "Name Okafor, Chidi  DOB": the label is no part of the name
                start = label.end()
            last, first = text[start : pair.end(1)].split(",", 1)
            words = last.replace("-", " ").split() + first.split()
            if last.strip() and _pair_ok24(ctx, last, words):
                out.append((start, pair.end(1), "NAME", 0.75))
    if "," in text:
        for c in RX_CRED_COMMA24.finditer(text):
            named = RX_NAME_CRED24.search(text, max(0, c.start() - 60), c.start())
            if (
                named
                and _plain_words24(ctx, [named.group(1)])
                and _name_word23(ctx, named.group(2))
            ):
                out.append((named.start(1), named.end(2), "NAME", 0.75))
    for m in _triggered(RX_TRACKING24, "TRACK24", text, words_ix):
        out.append((m.start(1), m.end(1), "ID", 0.8))
    if "1Z" in text or "1z" in text:
        for m in RX_UPS24.finditer(text):
            out.append((m.start(1), m.end(1), "ID", 0.8))
    for m in _triggered(RX_BOOKING24, "BOOK24", text, words_ix):
        v = m.group(1)
        if any(c.isdigit() for c in v) or not ctx.is_common(v):
            out.append((m.start(1), m.end(1), "ID", 0.75))
    for m in _triggered(RX_SSN_ON_FILE24, "SSN24", text, words_ix):
        out.append((m.start(1), m.end(1), "SSN", 0.8))
    for m in _triggered(RX_STATE_DL24, "DL24", text, words_ix):
        out.append((m.start(1), m.end(1), "ID", 0.8))
    for pos in words_ix.at(TRIGGERS["MILE24"]) if "MILE24" in words_ix.cues else ():
        mile = RX_MILE24.match(text, pos)
        road = mile and RX_ROAD_AT24.search(text, max(0, pos - 60), pos)
        if mile and road:
            out.append((road.start(1), mile.end(), "ADDRESS", 0.75))
    for m in _triggered(RX_PLATE_GROUPS24, "PLATEG24", text, words_ix):
        out.append((m.start(1), m.end(1), "VEHICLE", 0.8))
    for m in _triggered(RX_DISEMBARK24, "DISEMB24", text, words_ix):
        words = m.group(1).split()
        while words and ctx.low(words[-1]) in FUNCTION_WORDS:
            words.pop()
        keep = []
        for w in words:
            if ctx.low(w) in FUNCTION_WORDS:
                break
            keep.append(w)
        if keep and _plain_words24(ctx, keep) and not ctx.followed_by_head(m.start(1)):
            end = text.index(keep[-1], m.start(1)) + len(keep[-1])
            if not _org_head_after23(text, end):
                out.append((m.start(1), end, "LOCATION", 0.7))
    if "," in text:
        for m in _triggered(RX_PREP_TOWN_STATE24, "PTS24", text, words_ix):
            words = m.group(1).split()
            if (
                _plain_words24(ctx, words)
                and not any(ctx.low(w) in GENERIC_FAC or ctx.low(w) in _ORG_HEADS23 for w in words)
                and text[m.end() - 2 : m.end()] not in ("MD", "DO")
            ):
                out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    for pos in words_ix.at(TRIGGERS["HEAR24"]) if "HEAR24" in words_ix.cues else ():
        head = RX_HEARING24.match(text, pos)
        b = _ending_at(RX_PRACTICE_NAME11, text, pos, 60) if head else None
        if head and b:
            first = b.group(1).split()[0]
            if (
                not ctx.is_clinical(first)
                and ctx.low(first) not in GENERIC_FAC
                and ctx.low(first) not in FUNCTION_WORDS
            ):
                out.append((b.start(1), head.end(), "FACILITY", 0.75))
    for m in _triggered(RX_FUNERAL_VALUE24, "FUNERAL24", text, words_ix):
        if ctx.low(m.group(1).split()[0]) not in FUNCTION_WORDS:
            out.append((m.start(1), m.end(1), "FACILITY", 0.75))
    for pos in words_ix.at(TRIGGERS["FACD24"]) if "FACD24" in words_ix.cues else ():
        head = RX_DONOR_HEAD24.match(text, pos)
        owner = RX_DONOR_OWNER24.search(text, max(0, pos - 50), pos) if head else None
        if head is None or owner is None:
            continue
        g = 1 if owner.group(1) else 2
        if (g == 2) != head.group().islower():
            continue
        words = owner.group(g).split()
        while words and (ctx.low(words[0]) in FUNCTION_WORDS or RX_VERB_FORM24.search(words[0])):
            words.pop(0)
        if (
            words
            and ctx.low(words[0]) not in _NOT_DONOR_OWNERS24
            and not all(
                ctx.low(w) in GENERIC_FAC or ctx.low(w) in _NOT_DONOR_OWNERS24 for w in words
            )
        ):
            s0 = text.index(words[0], owner.start(g))
            out.append((s0, head.end(), "FACILITY", 0.75))


RX_VERB_FORM24 = re.compile(r"(?i:ed|ing)$")


def _after_findings24(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """What a found span brings beside it: the other half of a "Last, First" pair, a law
    office after a lawyer's name, a town cell after a facility, a trailer park's space after a
    street line."""
    out: list = []
    taken = _overlap_test([(f.start, f.end) for f in found])
    for f in found:
        if f.category == "NAME" and f.end - f.start >= 3:
            seg = text[f.start : f.end]
            before = RX_HALF_BEFORE24.search(text, max(0, f.start - 40), f.start)
            if before and "," not in seg and _half_ok24(ctx, before.group(1), seg):
                out.append((before.start(1), before.end(1), "NAME", 0.7))
            after = RX_HALF_AFTER24.match(text, f.end)
            if after and "," not in seg and _half_ok24(ctx, after.group(1), seg):
                out.append((after.start(1), after.end(1), "NAME", 0.7))
        elif f.category == "FACILITY":
            cell = RX_TOWN_CELL24.match(text, f.end)
            if (
                cell
                and _plain_words24(ctx, cell.group(1).split())
                and not any(
                    ctx.low(w) in _ORG_HEADS23 or ctx.low(w) in GENERIC_FAC
                    for w in cell.group(1).split()
                )
            ):
                out.append((cell.start(1), cell.end(1), "LOCATION", 0.7))
        elif f.category == "ADDRESS":
            unit = RX_SPACE_UNIT24.match(text, f.end)
            if unit:
                out.append((unit.start(1), unit.end(1), "ADDRESS", 0.75))
    if "court" in ctx.low_text:
        for m in RX_COURT_COUNTY24.finditer(text):
            # the county's name is its words and "County" ("Big Horn County")
            if _plain_words24(ctx, m.group(1).split()) and not taken(m.start(1), m.end()):
                out.append((m.start(1), m.end(), "LOCATION", 0.75))
    if "law" in ctx.low_text or "attorneys" in ctx.low_text:
        for m in RX_LAW_OFFICE24.finditer(text):
            g = 1 if m.group(1) else 2
            s, e = m.start(g), m.end(g)
            # the lawyer's name before it was found: the office begins where the name ends
            for f in found:
                if f.start < s < f.end and f.end < e:
                    s = f.end
            while s < e and not text[s].isalnum():
                s += 1
            if s < e and not taken(s, e):
                out.append((s, e, "FACILITY", 0.75))
    return out


# "X, <found name>" and "<found name>, Y" as a registration line writes them: the other half
# ends a field (a line, a cell, two spaces, a birth date)
RX_HALF_BEFORE24 = re.compile(
    r"(?:^|(?<=[\t|:])|(?<=[ \t]{2})|(?<=\d[ \t]))[ \t]*([A-Za-z][A-Za-z'’-]+),[ \t]*\Z",
    re.M,
)
RX_HALF_AFTER24 = re.compile(
    r",[ \t]*([A-Za-z][A-Za-z'’-]+)(?:[ \t]+[A-Za-z]\.?)?(?=[ \t]*(?:$|[|\t;]|[ \t]{2}"
    r"|[ \t]+(?i:dob|born)\b))",
    re.M,
)


def _half_ok24(ctx: _Ctx, w: str, name: str) -> bool:
    """The other half of a "Last, First" pair: written in the name's case, a name's word."""
    if " " in name or "." in name:  # a whole name, or initials: no half of a pair
        return False
    if w.isupper() != name.isupper() or w.islower() != name.islower() or _abbreviation23(w):
        return False
    return _plain_words24(ctx, [w]) and _surname24(ctx, w) and not ctx.is_common(w)


# ----------------------------------------------------------------------------- round 25
# Small gaps, each a rule of its own: a ZIP+4 written with spaces round its hyphen, a town in
# lower case or capitals before "resident", initials in lower case after their label, an email
# address spelled with underscores, a pathology accession after "biopsy".

# "02139 - 1234" after a ZIP already found: its four digits are the address's too
# (the hyphen may be doubled: "02139 -- 1234")
RX_ZIP4_SPACED25 = re.compile(r"(?:[ \t]+--?[ \t]*|[ \t]*--?[ \t]+)(\d{4})(?![\w-]|\.\d)")
# "zip 02139 - 1234" with no town found before it: five digits, a spaced hyphen, four, after
# a postal word (a lab value's range "12000 - 4000" has none)
RX_ZIP4_SPACED_BARE25 = re.compile(
    r"(?<![\w.,/$-])\d{5}(?:[ \t]+--?[ \t]*|[ \t]*--?[ \t]+)\d{4}(?![\w-]|\.\d|[ \t]*[%/])"
)
# ("code" alone is none: "NDC code 12345 - 6789" is a drug's; "zip code", "postal code" are)
RX_POSTAL_BEFORE25 = re.compile(
    r"\b(?i:zip|zipcode|postal|postcode|mail|mailing|address)\b[^\n\d]{0,12}\Z"
)
# "a somerville resident": tried at each lower-case word (a lookahead), as RX_TOWN_RESIDENT
RX_TOWN_RESIDENT_LOWER25 = re.compile(
    r"\b(?=([a-z]{3,}(?:[ \t-][a-z]{3,}){0,2})[ \t]+(?i:residents?)\b)"
)
# and in capitals: "BOSTON RESIDENTS"
# (the word "resident" in any case: "a BOSTON resident", "a somerville RESIDENT")
RX_TOWN_RESIDENT_CAPS25 = re.compile(
    r"\b(?=([A-Z]{3,}(?:[ \t-][A-Z]{3,}){0,2})[ \t]+(?i:residents?)\b)"
)
# "Initials: hq": two or three letters in lower case after the label and a colon or a dash,
# also dotted or capitalised ("h.q.", "Hq") and on the label's next line
RX_INITIALS_LOWER25 = re.compile(
    r"\b(?i:initials)[ \t]*[:#=-][ \t]*(?:\n[ \t]*)?[(\"'\u201c\u2018]?"
    r"([a-zA-Z](?:\.?[a-z]){1,2})(?![\w/-]|\.\w)"
)
TRIGGERS["INITLOW25"] = _w("initials")
_NOT_INITIALS25 = _w(
    "na nk unk tbd tba tbc yes nil no not ok nl see per all any the dr mr ms mrs mom dad"
    " e.g i.e n.a"
)
# a word of the language is initials only alone in its field: "Initials: am" but not
# "Initials: on file"
RX_FIELD_END25 = re.compile(r"[.;,)\"'\u201d\u2019]?[ \t]*(?:\n|\Z)")
# "hquenby_at_gmail_dot_com": an address spelled so that no link is drawn, with underscores
RX_EMAIL_UNDERSCORED25 = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9.+-]{0,63}(?:_[A-Za-z0-9.+-]{1,64}){0,3}"
    r"_(?i:at)_[A-Za-z0-9-]{1,63}(?:_(?i:dot)_[A-Za-z0-9-]{1,63}){0,3}"
    # any top-level domain once "at" and "dot" are spelled ("_dot_xyz"), a file's type aside;
    # an underscore may follow ("hquenby_at_gmail_dot_com_ today")
    r"_(?i:dot)_(?!(?i:txt|pdf|docx?|xlsx?|csv|jpe?g|png|gif|html?|zip|exe|log|dcm|py)(?![A-Za-z]))"
    r"[A-Za-z]{2,12}(?![A-Za-z0-9-])"
)
# and with "at" spelled but a real dot: "hquenby_at_gmail.com" (a listed domain in lower case)
RX_EMAIL_AT_UNDERSCORED25 = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9.+-]{0,63}(?:_[A-Za-z0-9.+-]{1,64}){0,3}"
    r"_(?i:at)_[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,3}"
    r"\.(?:com|org|net|edu|gov|us|io|info|me|co|uk|ca|biz|de|fr|nl|au|es|ch|se|dk|ie|nz|jp"
    r"|br|mx|pl|pt|ru|cn|eu|health)(?![A-Za-z0-9-])"
)
# a surgical pathology accession after "biopsy": "biopsy S24-12345" (letters, a two-digit
# year, a serial; the lettered form only: "biopsy 10-2000" may be anything). In brackets,
# after a comma or a dash, with a four-digit year, or a part's suffix ("S24-12345-A1")
RX_ACCESSION_BIOPSY25 = re.compile(
    r"\b(?i:biopsy|biopsies|biopsied|bx)[ \t]*+(?:[:#=(,-][ \t]*+)?"
    r"(?:(?i:no\.?|number|#)[ \t]*+)?"
    r"([A-Za-z]{1,3}-?(?:\d{4}|\d{2})[-/]\d{3,7})(?:-[A-Za-z]{1,2}\d{0,2})?(?![\w-]|\.\d)"
)
TRIGGERS["BIOPSY25"] = _w("biopsy biopsies biopsied bx")


def _round25(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    keys = words_ix.positions.keys()
    if "resident" in keys or "residents" in keys:
        for rx in (RX_TOWN_RESIDENT_LOWER25, RX_TOWN_RESIDENT_CAPS25):
            for m in rx.finditer(text):
                if not _resident_no_town(ctx, text, m):
                    out.append((m.start(1), m.end(1), "LOCATION", 0.7))
    if " -" in text or "- " in text:
        for m in RX_ZIP4_SPACED_BARE25.finditer(text):
            if RX_POSTAL_BEFORE25.search(text, max(0, m.start() - 30), m.start()):
                out.append((m.start(), m.end(), "LOCATION", 0.7))
    for m in _triggered(RX_INITIALS_LOWER25, "INITLOW25", text, words_ix):
        value = m.group(1).lower()
        if value not in _NOT_INITIALS25 and (
            value not in ctx.lex.common or RX_FIELD_END25.match(text, m.end()) is not None
        ):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "_at_" in ctx.low_text:
        for rx in (RX_EMAIL_UNDERSCORED25, RX_EMAIL_AT_UNDERSCORED25):
            for m in rx.finditer(text):
                out.append((m.start(), m.end(), "EMAIL", 0.9))
    for m in _triggered(RX_ACCESSION_BIOPSY25, "BIOPSY25", text, words_ix):
        out.append((m.start(1), m.end(1), "ID", 0.75))


def _after_findings25(ctx: _Ctx, text: str, found: list[Finding]) -> list:
    """A ZIP found, then its four digits after a spaced hyphen: the whole is one ZIP+4."""
    out: list = []
    if "-" not in text:
        return out
    for f in found:
        if f.category == "LOCATION" and f.end - f.start == 5 and text[f.start : f.end].isdigit():
            m = RX_ZIP4_SPACED25.match(text, f.end)
            if m:
                out.append((f.start, m.end(1), "LOCATION", 0.75))
    return out


# ----------------------------------------------------------------------------- round 26
# Set W read by kind. False alarms on clean text: a sentence's verb before "the" taken into a
# facility ("See the Home Health Aide ... section"), a service after a role ("Nurse Advice
# Line"), and the learned tagger's names that are no name's shape (a sign named after someone
# before its head noun, a capitalised word and a sentence's lower-case words after it, a word
# after an article, capitals of ordinary words in a line of capitals). Misses: agencies,
# school districts and shops by their heads, and a facility's one-word name as a label's value.
_VERBS_BEFORE_THE26 = _w("see call contact visit read ask use review check refer consult")
_PLACE_PREFIXES26 = _w("north south east west northern southern eastern western new upper lower")
_SERVICE_HEADS26 = _w("""line lines hotline helpline desk station team program programme
    service services triage protocol section visit visits""")
_SIGN_HEADS26 = _w("nails nail stripes striae bands folds granules crystals papules pits")
_PARTICLES26 = _w("""da de del della der den di do dos das du la le les van von ten ter bin ibn
    al el y e st und zu zum zur af av ben bat ap ni nic mac ua op het degli dei delle lo""")
# ("its" left out: a text message writes "it's" so: "hi dr x its maria")
_DETERMINERS26 = _w(
    "a an the this that these those some any each every no his her our my your their"
)
RX_FAC_HEAD26 = re.compile(
    r"(?i:language[ \t]+link|(?:public|consolidated|unified)[ \t]+schools|k-12[ \t]+school"
    r"|visiting[ \t]+nurses?|home[ \t]+care|home[ \t]+health|apothecary)(?![\w-])"
)
RX_WORDS_BEFORE26 = re.compile(r"((?:[A-Za-z][A-Za-z'’.]*[ \t]){1,3})\Z")
RX_LABEL_BEFORE26 = re.compile(r"(?i:\b(?:agency|clinic|provider|vendor|pharmacy)[ \t]*:[ \t]*)\Z")
# a facility's own name as a label's value: "Clinic: X", "in clinic at X"
RX_FAC_VALUE26 = re.compile(
    # the label opens a field ("NPI 1234567893   Clinic: X"), not a facility's own name's end
    # ("Tribal Health Clinic: LAST, FIRST")
    r"(?:(?:^|(?<=[ \t]{2})|(?<=\t))(?:Clinic|CLINIC|Home[ \t]+program)[ \t]*+:[ \t]*+"
    r"|\bin[ \t]+clinic[ \t]+at[ \t]++)"
    r"((?:St\.[ \t])?[A-Z][A-Za-z'’]+(?:[ \t][A-Z][A-Za-z'’]+)?)(?=[ \t]*+(?:$|[;.,])|[ \t]{2})",
    re.M,
)
# lower case: "at st. x's", "go to x health", "at x regional medical center"
RX_LOWER_SAINT26 = re.compile(
    r"\b(?:at|to|from)[ \t]+(st\.[ \t]?[a-z]{3,}(?:['’]s)?(?:[ \t](?:hospital|clinic"
    r"|medical[ \t]center))?)(?![\w'’])"
)
RX_LOWER_FAC26 = re.compile(
    r"\b(?:at|to|from)[ \t]+([a-z]{3,}(?:[ \t][a-z]{3,})?[ \t](?:regional[ \t])?(?:medical"
    r"[ \t]center|hospital|health))(?![\w'’])"
)


def _fac_name_words26(ctx: _Ctx, words: list[str]) -> list[str]:
    """The words before a facility's head that may be its name: from the last one back, up to
    a function, generic or clinical word, a date's word or a label."""
    kept: list[str] = []
    for w in reversed(words):
        low = w.lower().rstrip(".")
        if kept and low in _PLACE_PREFIXES26 and w[:1].isupper():
            kept.append(w)  # "North X Public Schools"
            continue
        if (
            low in FUNCTION_WORDS
            or low in GENERIC_FAC
            or low in MONTH_WORDS
            or low in _VERBS_BEFORE_THE26
            or (ctx.is_clinical(w) and not ctx.is_name(w))
        ):
            break
        kept.append(w)
    return kept[::-1]


def _round26(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    _names26(ctx, text, out, words_ix)
    low = ctx.low_text
    if any(
        h in low
        for h in (
            "language link",
            "schools",
            "k-12 school",
            "visiting nurse",
            "home care",
            "home health",
            "apothecary",
        )
    ):
        for m in RX_FAC_HEAD26.finditer(text):
            head = m.group()
            before = RX_WORDS_BEFORE26.search(text, max(0, m.start() - 60), m.start())
            if not before:
                continue
            words = before.group(1).split()
            if head.islower():
                # lower case only as a label's value ("agency: amado home health")
                if not RX_LABEL_BEFORE26.search(text, max(0, before.start() - 20), before.start()):
                    continue
                if not all(w.islower() for w in words):
                    continue
            elif head.isupper():
                if not all(w.isupper() for w in words):
                    continue
            # title case: the name's words capitalised, read back from the head
            else:
                k = len(words)
                while k > 0 and words[k - 1][:1].isupper() and not words[k - 1].isupper():
                    k -= 1
                words = words[k:]
            name = _fac_name_words26(ctx, words)
            if not name:
                continue
            s = m.start() - len(" ".join(name)) - 1
            if text[s : m.start() - 1] != " ".join(name):
                continue  # the words stood apart (tabs, two spaces): not one name
            out.append((s, m.end(), "FACILITY", 0.75))
    if "clinic:" in low or "clinic at" in low or "program:" in low:
        for m in RX_FAC_VALUE26.finditer(text):
            words = m.group(1).replace("St.", "").split()
            if any(
                w.lower() in GENERIC_FAC
                or w.lower() in FUNCTION_WORDS
                or w.lower() in MONTH_WORDS
                or w.lower() in _DAY_WORDS12
                or (ctx.is_clinical(w) and not ctx.is_name(w))
                for w in words
            ):
                continue
            out.append((m.start(1), m.end(1), "FACILITY", 0.7))
    if " st." in low:
        for m in RX_LOWER_SAINT26.finditer(text):
            out.append((m.start(1), m.end(1), "FACILITY", 0.7))
    lower_fac = "health" in low or "hospital" in low or "center" in low
    for m in _triggered(RX_LOWER_FAC26, "AT26", text, words_ix) if lower_fac else ():
        words = m.group(1).split()
        name = words[: -2 if words[-2] == "medical" else -1]
        if name and name[-1] == "regional":
            name = name[:-1]
        if name and all(
            not ctx.is_common(w)
            and w not in GENERIC_FAC
            and not ctx.is_clinical(w)
            and not w.endswith(("ing", "ed"))  # "at outlying hospital"
            for w in name
        ):
            out.append((m.start(1), m.end(1), "FACILITY", 0.7))


RX_LETTERS26 = re.compile(r"[^\W\d_]+")  # letters of any alphabet: "Súilleabháin" is one word


def _tagger_unlikely26(text: str, cand: tuple) -> bool:
    """A name of the learned tagger with no name's shape (round 26)."""
    s, e, cat = cand[0], cand[1], cand[2]
    if cat != "NAME":
        return False
    words = RX_LETTERS26.findall(text, s, e)
    if not words:
        return False
    last = words[-1]
    # "beau lines", "Terry nails": a sign named after someone, its head noun taken in
    if (
        len(words) >= 2
        and last.islower()
        and (_singular12(last) in HEAD_NOUNS or last in HEAD_NOUNS or last in _SIGN_HEADS26)
    ):
        return True
    # "Note a gift", "Patienten har haft feber": a capitalised word and a sentence after it
    lower = [w for w in words[1:] if w.islower() and w not in _PARTICLES26]
    if words[0][:1].isupper() and (
        len(lower) >= 2 or any(w in FUNCTION_WORDS and len(w) > 1 or w == "a" for w in lower)
    ):
        return True
    # "a sauna": a lower-case word after an article is a thing
    if all(w.islower() for w in words):
        before = RX_WORD_BEFORE15.search(text, max(0, s - 16), s)
        if (
            before
            and before.group(1).lower() in _DETERMINERS26
            and text[before.end(1) : s].strip() == ""
        ):
            return True
    # "SUMMER SHADE FOR THE WHEELCHAIR": ordinary words in a line of capitals
    if all(w.isupper() for w in words):
        lex = lexicon.get()
        a = text.rfind("\n", 0, s) + 1
        b = text.find("\n", e)
        line = text[a : b if b >= 0 else len(text)]
        line_words = RX_LETTERS26.findall(line)
        if (
            len(line_words) >= 12
            and line.upper() == line
            and all(w.lower() in lex.common for w in words)
            and (nxt := RX_LETTERS.match(text, e + 1)) is not None
            and nxt.group().lower() in FUNCTION_WORDS
        ):
            return True
    return False


_KIN26 = (
    r"mom|dad|mother|father|grandma|grandpa|grandmother|grandfather|aunt|uncle|sister|brother"
    r"|wife|husband|son|daughter|niece|nephew|cousin|granddaughter|grandson|neighbou?r|friend"
    r"|caregiver|guardian|spouse|partner|self"
)
# a chat's sender names himself and the child: "this is x her mom can y come"
RX_THIS_IS_KIN26 = re.compile(
    r"\b(?i:this[ \t]+is)[ \t]+([A-Za-z][a-z'’-]+(?:[ \t][A-Za-z][a-z'’-]+){0,3}?)[ \t]+"
    rf"(?:(?i:his|her|their|the)[ \t]+)(?i:{_KIN26})\b"
)
RX_KIN_CAN26 = re.compile(
    rf"\b(?i:{_KIN26})[ \t]+(?i:can|could|will|may)[ \t]+([A-Za-z][a-z'’-]+)[ \t]+"
    r"(?i:come|go|stay|leave|get|be)\b"
)
# a name and the caller's relation in brackets: "from X Y (husband)",
# "from LAST, FIRST (daughter)"; a patient's name before ", MRN": "about X Y, MRN"
RX_FROM_KIN26 = re.compile(
    r"\b(?i:from|by|with)[ \t]+([A-Za-z][A-Za-z'’-]+(?:,?[ \t][A-Za-z][A-Za-z'’-]*\.?){1,3}?)"
    rf"[ \t]+\((?i:{_KIN26})\)"
)
RX_ABOUT_MRN26 = re.compile(
    r"\b(?i:about|re|regarding|for)[ \t]+([A-Za-z][A-Za-z'’-]+(?:,?[ \t][A-Za-z][A-Za-z'’-]*\.?)"
    r"{1,3}?),[ \t]*(?i:mrn|dob|age)\b"
)
# a relative present at a visit: "niece x y present"
RX_KIN_PRESENT26 = re.compile(
    rf"\b(?i:{_KIN26})[ \t]+([A-Za-z][a-z'’-]+(?:[ \t][A-Za-z][a-z'’-]+){{1,3}}?)[ \t]+"
    r"(?i:present|at[ \t]+bedside|was[ \t]+present)\b"
)
# a patient's label, a name and an age: "pt: x, y, 91 y/o"
RX_PT_AGE26 = re.compile(
    r"\b(?i:pt|patient|client)[ \t]*:[ \t]*([A-Za-z][a-z'’-]+(?:,?[ \t][A-Za-z][a-z'’.-]*){1,3}?)"
    r",[ \t]*(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[ \t]*(?i:y/o|yo|years?[ \t]+old)\b"
)
# initials or an initial and a surname after a job or a call's verb: "intake worker X.Y.",
# "ANESTHESIA: X. Y, CRNA", "left message for X. Y", "spoke with x. y",
# "visit with X. Y on"; initials after a signature's label ("Member signature: X.Y.")
RX_JOB_INITIAL26 = re.compile(
    r"\b(?i:intake[ \t]+worker|case[ \t]*worker|social[ \t]+worker|anesthesia|anesthetist"
    r"|message[ \t]+for|spoke[ \t]+(?:with|to)|talked[ \t]+(?:with|to)|visit[ \t]+with"
    r"|appointment[ \t]+with)(?:[ \t]*:)?[ \t]+"
    rf"((?:[A-Z]\.[ \t]?){{1,2}}(?:{NW}(?:-{NW})?|{CAPS_WORD})|(?:[a-z]\.[ \t]?)[a-z][a-z'’-]+"
    r"|(?:[A-Z]\.){2,3})(?![\w'’-])"
)
_NOT_INITIALS26 = _w("iv im sq sc po mac ga")
RX_CRED_ONLY26 = re.compile(rf"{CRED}|{_CRED19}")
RX_SIGNATURE_INITIALS26 = re.compile(
    r"(?m)\b(?i:signature|signed)[ \t]*:[ \t]*((?:[A-Z]\.){2,3}|[A-Z]{2,3})[ \t]*$"
)
# the author of a note in brackets: "Pharmacist note (XY):", "Pharmacist note (X):"
RX_NOTE_AUTHOR26 = re.compile(
    r"\b(?i:pharmacist|nurse|rn|prescriber|provider|therapist|aide|counselor)[ \t]+(?i:note)"
    rf"[ \t]*\(([A-Z]{{2,3}}|{NW})\)[ \t]*:"
)
# a pupil's name before the grade: "Today X (grade 4)"
RX_PUPIL_GRADE26 = re.compile(rf"\b({NW})[ \t]+\((?i:grade|gr\.?)[ \t]*\d{{1,2}}\)")


# a person's label and a value ending its field, whatever its words' other senses:
# "Patient: X Y (MRN", "DRIVER: LAST, FIRST   VEHICLE", "ANESTHESIA: X
# Y, CRNA", "Alleged victim: LAST, FIRST, age 91"
RX_LABEL_VALUE26 = re.compile(
    r"\b(?i:patient|member(?:[ \t]+name)?|driver|dictated[ \t]+by|alleged[ \t]+victim|victim"
    r"|anesthesia|triage[ \t]+rn|assistant|guarantor|caller)[ \t]*+:[ \t]*+"
    r"([A-Za-z][A-Za-z'’-]+(?:,[ \t]*+|[ \t])[A-Za-z][A-Za-z'’-]+)"
    rf"(?=[ \t]*\((?i:mrn)|,[ \t]*(?:(?i:age|dob)\b|{CRED}(?![\w]))|[ \t]{{2,}}\S"
    r"|[ \t]+(?i:dob|ssn|mrn)\b)"
)
# a name opening an operative note's sentence before the closure: "X closed the skin."
RX_CLOSER26 = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=[.!?][ \t]{{2}}))({NW}|{CAPS_WORD})[ \t]+(?i:closed[ \t]+the[ \t]+"
    r"(?:skin|incision|wound|fascia))\b",
    re.M,
)
# a school nurse's note: "Today X was seen in the health room", "Today X came to"
RX_PUPIL_TODAY26 = re.compile(
    rf"\b(?i:today)[ \t]+({NW})[ \t]+(?:was[ \t]+seen[ \t]+in|came[ \t]+to|visited)[ \t]+the"
    r"[ \t]+(?:health|nurse['’]?s)[ \t]+(?:room|office)"
)


def _person_words26(ctx: _Ctx, words: list[str], strong: bool = False) -> bool:
    """Words that may be a person's name: no function, generic or clinical word, one case;
    after a `strong` cue ("(husband)", ", MRN") a word's other sense does not count."""
    if not words:
        return False
    if not (
        all(w.islower() for w in words)
        or all(w[:1].isupper() for w in words if w.lower() not in _PARTICLES26)
    ):
        return False
    return not any(
        w.lower().rstrip(".") in FUNCTION_WORDS
        or w.lower() in MONTH_WORDS
        or w.lower() in GENERIC_FAC
        or (not strong and ctx.is_clinical(w) and not ctx.is_name(w))
        or (not strong and ctx.is_common(w) and not ctx.is_name(w) and len(w) > 2)
        for w in words
        if w.lower().rstrip(".") not in _PARTICLES26
    )


# the cue words the rules of `_names26` start at (tried only where one stands)
TRIGGERS["THIS26"] = _w("this")
TRIGGERS["KIN26"] = _w(_KIN26.replace("neighbou?r", "neighbor neighbour").replace("|", " "))
TRIGGERS["FROM26"] = _w("from by with")
TRIGGERS["ABOUT26"] = _w("about re regarding for")
TRIGGERS["PT26"] = _w("pt patient client")
TRIGGERS["LABEL26"] = _w("""patient member driver dictated alleged victim anesthesia triage
    assistant guarantor caller""")
TRIGGERS["JOB26"] = (
    _w("""intake case caseworker social anesthesia anesthetist message spoke talked visit
    appointment""")
)
TRIGGERS["NOTE26"] = _w("pharmacist nurse rn prescriber provider therapist aide counselor")
TRIGGERS["TODAY26"] = _w("today")
TRIGGERS["AT26"] = _w("at to from")
RX_KIN_BRACKET26 = re.compile(rf"\((?i:{_KIN26})\)")
RX_FIELD_END26 = re.compile(r",[ \t]*(?i:mrn|dob|age)\b")


def _names26(ctx: _Ctx, text: str, out: list, words_ix: _WordIndex) -> None:
    low = ctx.low_text
    if "this is" in low:
        for m in _triggered(RX_THIS_IS_KIN26, "THIS26", text, words_ix):
            if _person_words26(ctx, m.group(1).split()):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    for rx in (RX_KIN_CAN26, RX_KIN_PRESENT26):
        for m in _triggered(rx, "KIN26", text, words_ix):
            if _person_words26(ctx, m.group(1).split()):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "(" in text and RX_KIN_BRACKET26.search(text):
        for m in _triggered(RX_FROM_KIN26, "FROM26", text, words_ix):
            if _person_words26(ctx, m.group(1).replace(",", " ").split(), strong=True):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "note" in low and "(" in text:
        for m in _triggered(RX_NOTE_AUTHOR26, "NOTE26", text, words_ix):
            v = m.group(1)
            if (
                v.lower() not in NOT_INITIALS
                and not RX_CRED_ONLY26.fullmatch(v)
                and not (not v.isupper() and ctx.is_common(v))
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "(grade" in low or "(gr" in low:
        for m in RX_PUPIL_GRADE26.finditer(text):
            if _person_words26(ctx, [m.group(1)]) and m.group(1).lower() not in _DETERMINERS26:
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if RX_FIELD_END26.search(text):
        for m in _triggered(RX_ABOUT_MRN26, "ABOUT26", text, words_ix):
            if _person_words26(ctx, m.group(1).replace(",", " ").split(), strong=True):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "y/o" in low or " yo" in low or " old" in low:
        for m in _triggered(RX_PT_AGE26, "PT26", text, words_ix):
            if _person_words26(ctx, m.group(1).replace(",", " ").split()):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    for m in _triggered(RX_LABEL_VALUE26, "LABEL26", text, words_ix):
        words = m.group(1).replace(",", " ").split()
        if (
            not m.group(1).islower()
            and _person_words26(ctx, words, strong=True)
            # one word at least a name's or no word's: "Doing Well, DOB" is no name
            and any(ctx.is_name(w) or not (ctx.is_common(w) or ctx.is_clinical(w)) for w in words)
        ):
            out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "closed the" in low:
        for m in RX_CLOSER26.finditer(text):
            w = m.group(1)
            if (
                (not ctx.is_common(w) or ctx.is_name(w))
                and not ctx.is_clinical(w)
                and w.lower() not in FUNCTION_WORDS
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "today" in low:
        for m in _triggered(RX_PUPIL_TODAY26, "TODAY26", text, words_ix):
            if _person_words26(ctx, [m.group(1)], strong=True):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
    for m in _triggered(RX_JOB_INITIAL26, "JOB26", text, words_ix):
        v = m.group(1)
        if "." in v and v.replace(".", "").lower() in NOT_INITIALS | _NOT_INITIALS26:
            continue  # "ANESTHESIA: I.V. sedation"
        last = v.replace(".", " ").split()[-1]
        if len(last) > 1 and (
            last.lower() in _EPITHETS19
            or last.lower() in _SPECIES18
            or (ctx.is_clinical(last) and not ctx.is_name(last))
            or (v.islower() and ctx.is_common(last))
        ):
            continue  # "E. coli", "S. aureus"
        out.append((m.start(1), m.end(1), "NAME", 0.7))
    if "ign" in low:
        for m in RX_SIGNATURE_INITIALS26.finditer(text):
            v = m.group(1)
            if (
                v.replace(".", "").lower() not in NOT_INITIALS
                and v.lower() not in NOT_INITIALS
                and not RX_CRED_ONLY26.fullmatch(v)
            ):
                out.append((m.start(1), m.end(1), "NAME", 0.7))
