"""Seventeenth round: an identifier's label written as Markdown or JSON writes it (a backslash
before the colon, the quotes of a key), a person's name after the indefinite article, and
records written as XML (HL7 CDA, e-prescriptions) or as a DICOM dump, whose element or value
representation says what the value is.

The values are made up for these tests (none is taken from an evaluation set). Each kind has
look-alikes that must stay as they were.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught


def categories(text: str, needle: str) -> list[str]:
    s = text.index(needle)
    return [f.category for f in scan(text) if f.start < s + len(needle) and s < f.end]


@pytest.mark.parametrize(
    "text",
    [
        # Markdown escapes the colon after a label; the value is still a record number
        "MRN\\: 555-123-4567",
        "Acct\\# 555-301-2291, seen in clinic.",
        # a JSON record's keys
        '{"patient_ref": 1, "mrn":"21-96-23-4", "room": "200"}',
        "{'mrn': '3496-6678'}",
    ],
)
def test_a_record_number_after_an_escaped_or_quoted_label_is_an_id(text: str) -> None:
    needle = next(
        v for v in ("555-123-4567", "555-301-2291", "21-96-23-4", "3496-6678") if v in text
    )
    assert categories(text, needle) == ["ID"], (
        text,
        [(text[f.start : f.end], f.category) for f in scan(text)],
    )


def test_a_badge_in_a_json_log_is_found() -> None:
    text = '{"event":"badge_enter","badge":"B-52Q771K"}'
    assert caught(text, "B-52Q771K")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Spoke to a Maria Lopez about the plan.", "Maria Lopez"),
        ("We reached a Tomasz Quillfeather yesterday.", "Tomasz Quillfeather"),
        ("I met an Odalys Vantongeren at the clinic.", "Odalys Vantongeren"),
        ("Referred by a Ysolde Aalst, RN.", "Ysolde Aalst"),
        ("Mom says a Benno Ostergaard called twice.", "Benno Ostergaard"),
    ],
)
def test_a_persons_name_after_the_indefinite_article_is_found(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, text)


@pytest.mark.parametrize(
    "text",
    [
        # a brand or an eponym after the article is followed by its thing
        "Thrown from a John Deere 5075 tractor; GCS 15.",
        "Exam: a Sister Mary Joseph nodule at the umbilicus.",
        "Placed a Codman Hakim valve last year.",
        "Bone flap cut with a Midas Rex drill.",
        # a label whose value has no digit stays clean, quoted or not
        '{"mrn":"pending", "room":"none"}',
    ],
)
def test_round17_look_alikes_stay_clean(text: str) -> None:
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        (
            "<patient><name><given>Odalys</given><family>Quillfeather</family></name>",
            ["Odalys", "Quillfeather"],
        ),
        (
            " <Patient><LastName>Vantongeren</LastName><FirstName>Ysolde</FirstName>"
            "<DateOfBirth><Date>1931-05-03</Date></DateOfBirth>",
            ["Vantongeren", "Ysolde", "1931-05-03"],
        ),
        (
            "<addr><streetAddressLine>41 Quillback Rd</streetAddressLine>"
            "<city>Marrowby</city><postalCode>83998</postalCode></addr>",
            ["41 Quillback Rd", "Marrowby", "83998"],
        ),
        (
            "(0010,0010) PN [OSTERGAARD^BENNO^Q]   # PatientName\n"
            "(0008,0090) PN [AALST^YSOLDE]   # ReferringPhysicianName",
            ["OSTERGAARD", "BENNO", "AALST", "YSOLDE"],
        ),
    ],
)
def test_names_and_places_in_xml_and_dicom_records_are_found(text: str, needles: list[str]) -> None:
    for needle in needles:
        assert caught(text, needle), (needle, text)


@pytest.mark.parametrize(
    "text",
    [
        # an element of no person or place, an empty or redacted name element
        '<code code="8480-6" displayName="Systolic"/><title>Progress Note</title>',
        "<given>[removed]</given><family>  </family>",
        # a DICOM dump's other value representations
        "(0008,0070) LO [ACME MEDICAL]   # Manufacturer\n"
        "(0008,1030) LO [CT HEAD]   # StudyDescription",
    ],
)
def test_round17_record_look_alikes_stay_clean(text: str) -> None:
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        # a document's heading in capitals names the document
        "AIR MEDICAL TRANSPORT RECORD\nAircraft: EC135\nIndication: chest pain, troponin 0.9",
        "PATIENT BELONGINGS INVENTORY\n[x] glasses [ ] dentures [x] phone",
        # a vital sign's abbreviation before its number after "Patient"
        "Belongings bagged.\nPatient BP 162/98; sealed at 14:20.",
        "Belongings bagged.\nPatient HR 112; amber urine.",
        "Patient FiO2 40%; erythema over the sacrum.",
    ],
)
def test_headings_and_vital_signs_stay_clean(text: str) -> None:
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("PATIENT: GRACE RECORD\nDOB 1/2/1950", "GRACE RECORD"),
        ("Age: 93, MRN 5512345, HR 88", "93"),
        # "RR" is a rural route too
        ("Lives at RR 2 Box 79, Hindman; BP 120/80 at home.", "RR 2 Box 79"),
    ],
)
def test_a_name_field_in_capitals_and_an_age_stay_caught(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, text)


@pytest.mark.parametrize(
    "text",
    [
        # an examination's abbreviations in capitals (the modal verb before a number, "She
        # may 1 day return to work.", is round 2's test)
        "PUPILS: PERLA. Fundi normal.",
        "HEENT: NCAT, PERRLA, EOMI intact.",
    ],
)
def test_the_tagger_keeps_a_verb_and_exam_abbreviations_clean(text: str) -> None:
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


def test_a_run_of_vital_signs_is_not_an_id() -> None:
    """ID is a firm category: a clinician could not clear it."""
    text = "EXAM: BP164/82 HR64 RR18 36.0C\n\nMS: A & O to person, place and time."
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "CBC with diff shows WBC 3.2 / cmm. Hemoglobin 12.0 grams / dl, Platelets 250000 / cmm"
        " and it is dated last week.",
        "Platelets 312000/cmm, WBC 11200 / cu mm.",
        # as a longer note has it, where the tagger takes the count's name in
        "RADIOLOGY: Mammogram: A mass measuring 2X2 cm. in the upper outer quadrant of the left"
        " breast. Lab:\n\nLAB DATA: CMP (comprehensive metabolic panel): WNL. Liver function"
        " tests are WNL. CBC with diff shows WBC 3.2 / cmm. Hemoglobin 12.0 grams / dl,"
        " Platelets 250000 / cmm and it is dated last week.\n\nIMPRESSION",
    ],
)
def test_a_cell_count_with_its_unit_is_not_an_id(text: str) -> None:
    """A count per cubic millimetre, as older notes write it, is a measurement (a firm ID
    finding would block the clinician's save)."""
    found = [f for f in scan(text) if f.category != "DATE"]
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


def test_kinds_of_clinic_listed_in_lower_case_are_not_a_facility() -> None:
    """The demo's Hepatitis C program describes itself so; the tagger trained on lower-cased
    passages read the list as one facility's name."""
    text = (
        "A monthly-to-quarterly teleECHO clinic that helps primary care, community health center"
        " and correctional health clinicians treat hepatitis C in their own clinics."
    )
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("MRN 1234567 units", "1234567"),
        ("Acct: 55512345 / ml", "55512345"),
        ("Patient ID 8812345 copies were sent to the lab.", "8812345"),
        ("Her MRN is 4455667 cells were counted.", "4455667"),
        ("ID 12345678 logged in the portal.", "12345678"),
        ("Chart 8812345 cells were reviewed.", "8812345"),
    ],
)
def test_a_record_number_after_its_label_stays_an_id_before_a_unit(text: str, needle: str) -> None:
    """The count's unit tells a measurement only when no record label cues the number: a
    record number a unit word happens to follow is still one."""
    s = text.index(needle)
    assert any(
        f.category == "ID" and f.start <= s and s + len(needle) <= f.end for f in scan(text)
    ), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "followed at johnson, smith and lee family practice since 2019",
        "transferred from springfield, mercy medical center overnight",
    ],
)
def test_a_named_facility_in_lower_case_with_a_comma_is_found(text: str) -> None:
    """Only a list of kinds of place is no facility's name: one with a surname or a town in it
    is a facility, in whatever case it is typed."""
    assert any(f.category == "FACILITY" for f in scan(text)), scan(text)


def test_a_table_of_score_ranges_holds_no_record_number() -> None:
    """A neuropsychological report's table of classifications and score ranges: the retrained
    tagger read a row and a lone score as IDs, firm findings only a coordinator may clear."""
    text = (
        "EVALUATION FINDINGS:\nClassification Level Percentile Rank Standard Score Scaled Score"
        " T-Score\nSuperior > 95 120 > 14 > 66\nHigh Average 76-95 11-124 13-14 58-66\n"
        "Average 25-75 90-110 8-12 44-57\nLow Average 9-24 80-89 7 37-43\nBorderline 9-10"
        " 70-79 6 30-36\nMildly Impaired 5-8 < 70 4-5 < 30\nModerately Impaired 2-4 3\n"
        "Deficient/Impaired < 2 1-2\n\nORIENTATION: The patient was oriented."
    )
    found = [f for f in scan(text) if f.category == "ID"]
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


def test_a_labelled_record_number_in_short_groups_stays_an_id() -> None:
    text = "MRN 12-345 67-890, seen for follow-up."
    s = text.index("12-345")
    assert any(f.category == "ID" and f.start <= s < f.end for f in scan(text)), scan(text)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("HR 8812345", "8812345"),
        ("Temp 12345678 on the bracelet.", "12345678"),
    ],
)
def test_a_long_number_after_a_vital_signs_abbreviation_stays_an_id(text: str, needle: str) -> None:
    """No vital sign has five digits in a row: the abbreviation before such a number is no
    measurement's."""
    s = text.index(needle)
    assert any(f.category == "ID" and f.start <= s < f.end for f in scan(text)), scan(text)
