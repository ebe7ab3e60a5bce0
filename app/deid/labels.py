"""Whether a label the app shows (a case's ref, an import's key, a program's slug, an
uploaded file's name) reads as a patient identifier. Cases, programs and attendance read
their labels here, below all three."""

from __future__ import annotations

import re

from app.deid.gate import names_a_person, scan_fields

# Words and numbers run together ("JohnathanWhitcombe", "a77731234"), read apart in keys and refs.
RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_REF_PARTS = re.compile(r"[._-]+")
_REF_DOTS = re.compile(r"[._]+")
REF_PROBLEM = (
    "reads as a possible patient identifier (a name, a date or a record, phone or other"
    " number); give the case a neutral ref, such as the program and a number"
)


def ref_is_identifier(ref: str) -> bool:
    """Whether a case's ref reads as a patient identifier. A ref is shown on the case's page,
    returned by the API and search, and repeated in import messages, so the gate reads it as
    a field named `ref`: its `.`, `_` and `-` as spaces ("MRN-77731234"), as written with
    its dashes too (a date: "1961-03-14"), and its words as a name once capitalized
    ("johnathan.whitcombe")."""
    spaced, readings = ref_readings(ref)
    cues = dict.fromkeys(readings, "ref: ")
    return bool(scan_fields(readings, cues)) or names_a_person(spaced.lower())


# Digits in three groups or more, parted by the separators a label may hold ("3_14_62",
# "3.14.62", "2026-03-14"), are read as a number written with dashes: a date ("dob 3-14-62")
# or a phone or an SSN. Two groups ("week_12_24", "pain-2024") stay apart, as a range or a
# program's year.
_DIGIT_GROUPS = re.compile(r"(?<!\d)(?<!\d[._-])\d{1,4}(?:[._-]+\d{1,4}){2,}(?!\d)")
_GROUP_SEPARATOR = re.compile(r"[._-]+")


def numbers_read(label: str) -> str | None:
    """`label`'s words apart (as `ref_readings` reads them), its digits in groups written
    with dashes ("dob_3_14_62" reads "dob 3-14-62"); None when it has no such digits."""
    label = RUN_TOGETHER.sub(" ", label)
    parts, last = [], 0
    for match in _DIGIT_GROUPS.finditer(label):
        parts.append(_REF_PARTS.sub(" ", label[last : match.start()]))
        parts.append(_GROUP_SEPARATOR.sub("-", match[0]))
        last = match.end()
    if not parts:
        return None
    parts.append(_REF_PARTS.sub(" ", label[last:]))
    return " ".join("".join(parts).split())


def ref_readings(ref: str) -> tuple[str, dict[str, str]]:
    # Words run together are read apart too ("JohnathanWhitcombe", "MRN77731234"), and a
    # ref of digits alone as one number and as dashed groups ("123.45.6789").
    spaced = _REF_PARTS.sub(" ", RUN_TOGETHER.sub(" ", ref)).strip()
    readings = {
        "ref": _REF_PARTS.sub(" ", ref).strip(),
        "ref_as_written": _REF_DOTS.sub(" ", ref).strip(),
        "ref_words": spaced,
    }
    if (numbers := numbers_read(ref)) is not None:
        readings["ref_numbers"] = numbers
    if _REF_DIGITS.fullmatch(ref):
        readings["ref_number"] = re.sub(r"\D", "", ref)
        readings["ref_dashed"] = re.sub(r"[._]", "-", ref)
    return spaced, readings


_REF_DIGITS = re.compile(r"\d+(?:[._-]+\d+)+")
