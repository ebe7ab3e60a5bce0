"""Tests of the de-identification detector (app.deid.scan)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from app.deid import CATEGORIES, Finding, scan


def spans(text: str) -> list[tuple[str, str]]:
    return [(f.category, text[f.start : f.end]) for f in scan(text)]


def covered(text: str, needle: str, category: str) -> bool:
    """Is every character of needle (first occurrence) covered by a finding of category?"""
    s = text.index(needle)
    e = s + len(needle)
    return any(f.category == category and f.start <= s and e <= f.end for f in scan(text)) or (
        all(
            any(f.category == category and f.start <= i < f.end for f in scan(text))
            for i in range(s, e)
            if not text[i].isspace() and text[i] not in ",."
        )
    )


def test_reference_example():
    text = "Mr. John Smith, DOB 03/14/1952, seen at St. Mary's in Lebanon, NH, call 603-555-0142"
    assert spans(text) == [
        ("NAME", "John Smith"),
        ("DATE", "03/14/1952"),
        ("FACILITY", "St. Mary's"),
        ("LOCATION", "Lebanon"),
        ("PHONE", "603-555-0142"),
    ]


def test_api_shape():
    assert set(CATEGORIES) == {
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
    }
    f = scan("Call 603-555-0142.")[0]
    assert isinstance(f, Finding)
    assert dataclasses.is_dataclass(f)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 3  # type: ignore[misc]
    assert 0.0 <= f.confidence <= 1.0
    assert scan("") == []


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Mr. John Smith was seen.", "John Smith"),
        ("Discussed with Dr. Patel today.", "Patel"),
        ("His wife Maria is at the bedside.", "Maria"),
        ("Jane Doe presents for follow-up.", "Jane Doe"),
        ("John Doe presents for follow-up.", "John Doe"),
        ("Patient Smith reports less pain.", "Smith"),
        ("Smith, John was seen in clinic.", "Smith, John"),
        ("Her daughter Rose drove her here.", "Rose"),
        ("Mrs. Graves was seen with her son.", "Graves"),
        ("Mr. Hunter and Ms. Young were present.", "Young"),
        ("Referring physician: Alan R. Brown, MD.", "Alan R. Brown"),
        ("Attending: Fabio C. Haas", "Fabio C. Haas"),
    ],
)
def test_names(text, needle):
    assert covered(text, needle, "NAME"), spans(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("DOB 03/14/1952.", "03/14/1952"),
        ("Seen on 3/14 for a recheck.", "3/14"),
        ("Surgery 3-14-52 was uneventful.", "3-14-52"),
        ("Echo 2024-03-14 showed EF 35%.", "2024-03-14"),
        ("Admitted March 14, 2024 with sepsis.", "March 14, 2024"),
        ("Seen 14 March 2024 in clinic.", "14 March 2024"),
        ("Returned Mar 14th for labs.", "Mar 14th"),
        ("Diagnosed in March 2024.", "March 2024"),
        ("She was admitted on the 14th of March.", "14th of March"),
    ],
)
def test_dates(text, needle):
    assert covered(text, needle, "DATE"), spans(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("A 92-year-old woman with CHF.", "92"),
        ("She is aged 95 and frail.", "95"),
        ("Patient, age 91, lives alone.", "91"),
        ("He is a 101 y/o man.", "101"),
    ],
)
def test_ages_over_89(text, needle):
    assert covered(text, needle, "AGE"), spans(text)


@pytest.mark.parametrize(
    "needle",
    [
        "603-555-0142",
        "(603) 555-0142",
        "603.555.0142",
        "+1 603 555 0142",
        "603-555-0142 ext. 221",
    ],
)
def test_phones(needle):
    text = f"Please call {needle} with questions."
    assert covered(text, needle, "PHONE"), spans(text)


def test_email_url_ip():
    text = (
        "Email jane.doe@example.org or see https://www.example.com/pt/42 and "
        "www.familyblog.net; login from 192.168.10.4 and 2001:db8::8a2e:370:7334."
    )
    assert covered(text, "jane.doe@example.org", "EMAIL")
    assert covered(text, "https://www.example.com/pt/42", "URL")
    assert covered(text, "www.familyblog.net", "URL")
    assert covered(text, "192.168.10.4", "IP")
    assert covered(text, "2001:db8::8a2e:370:7334", "IP")


@pytest.mark.parametrize(
    "text,needle",
    [
        ("SSN 123-45-6789 on file.", "123-45-6789"),
        ("Social security number 123456789 verified.", "123456789"),
        ("SS#: 123 45 6789", "123 45 6789"),
    ],
)
def test_ssn(text, needle):
    assert covered(text, needle, "SSN"), spans(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("MRN 1234567.", "1234567"),
        ("Medical record number: A12-3456.", "A12-3456"),
        ("Member ID XJH123456789 with the plan.", "XJH123456789"),
        ("Account # 88812-44 updated.", "88812-44"),
        ("DEA AB1234563 and NPI 1234567893 listed.", "AB1234563"),
        ("DEA AB1234563 and NPI 1234567893 listed.", "1234567893"),
        ("License no. RN-448812 (nursing).", "RN-448812"),
        ("Certificate number 2024-00981 was issued.", "2024-00981"),
    ],
)
def test_ids(text, needle):
    assert covered(text, needle, "ID"), spans(text)


@pytest.mark.parametrize(
    "text,needle,cat",
    [
        ("He drove a car with license plate 7ABC123.", "7ABC123", "VEHICLE"),
        ("VIN 1HGCM82633A004352 was recorded.", "1HGCM82633A004352", "VEHICLE"),
        ("Serial number SN-4432-AB was interrogated.", "SN-4432-AB", "DEVICE"),
        ("Pacemaker serial PJN123456 checked.", "PJN123456", "DEVICE"),
    ],
)
def test_vehicle_device(text, needle, cat):
    assert covered(text, needle, cat), spans(text)


@pytest.mark.parametrize(
    "text,needle,cat",
    [
        ("He lives at 1234 Oak Street with his wife.", "1234 Oak Street", "ADDRESS"),
        ("Mail to 12 Elm St., Apt 4B today.", "12 Elm St., Apt 4B", "ADDRESS"),
        ("Mail to PO Box 123 please.", "PO Box 123", "ADDRESS"),
        ("Seen at the clinic in Lebanon, NH 03766.", "Lebanon", "LOCATION"),
        ("Seen at the clinic in Lebanon, NH 03766.", "03766", "LOCATION"),
        ("Zip code 03766-1234 on file.", "03766-1234", "LOCATION"),
        ("She lives in Springfield with her son.", "Springfield", "LOCATION"),
        ("He is from Hanover and works on a farm.", "Hanover", "LOCATION"),
        ("Resident of Grafton County.", "Grafton", "LOCATION"),
    ],
)
def test_geography(text, needle, cat):
    assert covered(text, needle, cat), spans(text)


@pytest.mark.parametrize(
    "needle",
    [
        "St. Mary's Hospital",
        "Dartmouth-Hitchcock Medical Center",
        "Riverside Community Clinic",
        "Lincoln Elementary School",
    ],
)
def test_facilities(needle):
    text = f"She was transferred from {needle} yesterday."
    assert covered(text, needle, "FACILITY"), spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Parkinson's disease, Graves' disease, Crohn's disease and Bell's palsy are stable.",
        "Apgar 8 and 9. Glasgow Coma Scale 15. Foley catheter placed. Whipple procedure in 2019.",
        "Hashimoto thyroiditis, Cushing syndrome, Addison disease and Wilson disease excluded.",
        "Alzheimer dementia. Down syndrome. Babinski negative. Murphy's sign positive. Homan sign "
        "negative. Trendelenburg position.",
        "Closed with Vicryl; Bovie and Metzenbaum scissors used. Lasix 40 mg and Eliquis 5 mg.",
        "BP 124/78, HR 88, ALT 54, INR 1.2, HCV RNA 2,400,000 IU/mL, platelets 98,000.",
        "PHQ-9 of 14, FIB-4 3.1, MELD 12. Postoperative day 3. Seen two weeks ago, for 3 months.",
        "A 67-year-old man, aged 89, from New Hampshire and Vermont; 5/5 strength, 2/6 murmur.",
        "In 2019 she moved; pain 3/10; motor 4/5; a grade 2/6 murmur; EF 55%; C5-C6 fusion.",
        "[NAME] was seen on [DATE] at [FACILITY].",
        "Dr. X saw Sample Patient at ABC Hospital on Month DD, YYYY. XYZ was consulted.",
    ],
)
def test_clean_clinical_text(text):
    assert scan(text) == [], spans(text)


def test_offsets_and_order():
    text = (
        "Ms. Ana Lopez (MRN 5550123) was seen 4/2/2023 at 12 Elm St., Apt 4B; "
        "phone (802) 555-0199, email ana@lopez.me."
    )
    found = scan(text)
    assert found == sorted(found, key=lambda f: f.start)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == text[f.start : f.end].strip()
    got = {text[f.start : f.end] for f in found}
    assert {"Ana Lopez", "5550123", "4/2/2023", "(802) 555-0199", "ana@lopez.me"} <= got


def test_deterministic_and_thread_safe():
    text = "Mr. John Smith, DOB 03/14/1952, seen at St. Mary's in Lebanon, NH."
    first = scan(text)
    results = []

    def work():
        results.append(scan(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == first for r in results)
    assert scan(text) == first


def test_the_safe_harbor_aggregate_90_plus_is_not_an_identifier():
    assert scan("Woman aged 90+ with genotype 1b HCV; a patient aged 90+ at home.") == []
    assert [f.category for f in scan("Woman aged 92 with HCV.")] == ["AGE"]
