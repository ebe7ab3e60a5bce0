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


def ref_readings(ref: str) -> tuple[str, dict[str, str]]:
    # Words run together are read apart too ("JohnathanWhitcombe", "MRN77731234"), and a
    # ref of digits alone as one number and as dashed groups ("123.45.6789").
    spaced = _REF_PARTS.sub(" ", RUN_TOGETHER.sub(" ", ref)).strip()
    readings = {
        "ref": _REF_PARTS.sub(" ", ref).strip(),
        "ref_as_written": _REF_DOTS.sub(" ", ref).strip(),
        "ref_words": spaced,
    }
    if _REF_DIGITS.fullmatch(ref):
        readings["ref_number"] = re.sub(r"\D", "", ref)
        readings["ref_dashed"] = re.sub(r"[._]", "-", ref)
    return spaced, readings


_REF_DIGITS = re.compile(r"\d+(?:[._-]+\d+)+")
