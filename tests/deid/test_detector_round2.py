"""Second round of missed kinds (issue 12): names of many origins, registration forms,
lower-case months, slash and far-cued phones, facility and place shapes, grouped record
numbers, plates in parentheses and lower-case VINs.

The values are made up for these tests; each stands for a general rule.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # given names and surnames outside the US census lists
        ("Chukwuemeka Adeyemi was admitted overnight.", "Chukwuemeka Adeyemi"),
        ("Seen with Emre Aydın in clinic.", "Emre Aydın"),
        ("Referred by Radoslav Nováček for review.", "Radoslav Nováček"),
        ("Niamh Gallagher tolerated the infusion.", "Niamh Gallagher"),
        ("Takeshi Yamamoto reports less pain.", "Takeshi Yamamoto"),
        ("Conceição Figueiredo returned today.", "Conceição Figueiredo"),
        ("Anirudh Venkataraman denies chest pain.", "Anirudh Venkataraman"),
        # ALL-CAPS "SURNAME, GIVEN" after a registration label, at a sentence start
        ("PATIENT: QUARSHIE, EFUA   DOB 04/11/1958", "QUARSHIE, EFUA"),
        ("Guarantor: HORVATOVA, ZUZANA", "HORVATOVA, ZUZANA"),
        ("TANAKA, KENJI was positioned supine.", "TANAKA, KENJI"),
        # lower case after labels and "dr"
        ("Contact: siobhan keane", "siobhan keane"),
        ("RE: yaw boateng", "yaw boateng"),
        ("Discussed with dr lindqvist this morning.", "lindqvist"),
        ("Presenter: dr priya nair", "priya nair"),
        # tab-separated registration rows
        ("Carvalho, Beatriz\t5528174\t03/09/1972", "Carvalho, Beatriz"),
    ],
)
def test_names_of_many_origins_and_forms(text: str, needle: str) -> None:
    assert caught(text, needle), scan(text)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Results line 415/226-7731 after 5 pm.", "415/226-7731"),
        ("Please fax the signed consent to 4152267731 today.", "4152267731"),
        ("Call the office back at (415) 226-7731 x318.", "(415) 226-7731 x318"),
        ("Rash began (november 14) and spread.", "november 14"),
        ("Fever since february 3, afebrile now.", "february 3"),
        ("Symptom onset may 21 after travel.", "may 21"),
    ],
)
def test_phones_and_lower_case_dates(text: str, needle: str) -> None:
    assert caught(text, needle), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "You may 2 tabs at bedtime if needed.",
        "She may 1 day return to work.",
        "BP 132/84, HR 72, strength 5/5.",
        "He walked march 5 steps forward.",
        "Sodium 138, potassium 4.1, creatinine 0.9.",
        "TSH, FT4, SPE, ANA were all normal.",
        "EYES: PERLA, EOMI. Sclerae clear.",
        "No evidence of CVA, TIA, or claudication.",
        "Danish is her first language.",
        "Pars plana vitrectomy was performed.",
    ],
)
def test_ordinary_clinical_text_stays_clean(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("She lives at Maple Hollow Home since spring.", "Maple Hollow"),
        ("Admitted from Bayview Nursing and Rehabilitation.", "Bayview Nursing and Rehabilitation"),
        ("Delivered at Our Lady of Fatima in 1990.", "Our Lady of Fatima"),
        ("Follow-up at Holy Cross Hospital next week.", "Holy Cross Hospital"),
        ("Transferred from Good Samaritan overnight.", "Good Samaritan"),
        ("Address: Harrowgate Vermont 05401", "Harrowgate"),
        ("The family moved from Ballycastle to Kilrennie in May.", "Ballycastle"),
        ("The family moved from Ballycastle to Kilrennie in May.", "Kilrennie"),
        ("She grew up in Tamsin Falls.", "Tamsin Falls"),
        ("Originally from Corwin Heights, he farms.", "Corwin Heights"),
    ],
)
def test_facility_and_place_shapes(text: str, needle: str) -> None:
    assert caught(text, needle), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Discharged Home with home health services.",
        "Placed in a Foster Home by the county.",
        "Pain moved from Left to Right side overnight.",
        "He improved from Moderate to Mild impairment.",
    ],
)
def test_place_words_in_clinical_use_stay_clean(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("MRN 418 220 937 on the wristband.", "418 220 937"),
        ("MR 52-611-904, bed 4.", "52-611-904"),
        ("Her chart is under K7720415 at the old hospital.", "K7720415"),
        ("Old records are filed under 20031877.", "20031877"),
        ("His pickup (TX 4HJ 229) was parked outside.", "4HJ 229"),
        ("vin 2t1bu4ee9dc123454 on the title", "2t1bu4ee9dc123454"),
    ],
)
def test_grouped_record_numbers_and_vehicles(text: str, needle: str) -> None:
    assert caught(text, needle), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Moderate MR 2-3+ on echo.",
        "MR 3-4 mm regurgitant jet.",
        "Ordered the truck (2 boxes) of supplies.",
        "Sequence aaaaaaaaaaaaaaaa1 in the log.",
    ],
)
def test_clinical_numbers_stay_clean(text: str) -> None:
    assert scan(text) == []


def test_city_and_state_is_a_place_not_a_name() -> None:
    text = "Workup was done in Seattle, Washington last year."
    assert [f.category for f in scan(text)] == ["LOCATION"]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Yaw Darko | 6630194 | 02/14/1951", "Yaw Darko"),
        ("Ayşe Demir\t7731920\t19550312", "Ayşe Demir"),
    ],
)
def test_names_opening_registration_rows(text: str, needle: str) -> None:
    assert caught(text, needle), scan(text)


@pytest.mark.parametrize(
    "text",
    ["Total Cholesterol | 212 | 01/02/2020", "WBC COUNT\t12.1\t01/02/2020", "Name | MRN | DOB"],
)
def test_result_rows_are_not_names(text: str) -> None:
    assert not [f for f in scan(text) if f.category == "NAME"]
