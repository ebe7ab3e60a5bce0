"""Twenty-fifth round: small gaps, each a rule of its own. A ZIP+4 written with spaces round
its hyphen, a big town that is also an eponym before "residents", a town in lower case before
"resident", initials in lower case after their label, an email address spelled with
underscores, a pathology accession after "biopsy"; and a false alarm, a credential in a staff
member's initials field.

The values are made up for these tests. Each kind has look-alikes that must stay clean.
"""

from __future__ import annotations

import pytest

from tests.deid.needles import covered, touched


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Lives at 12 Elm St, Cambridge, MA 02139 - 1234.", "02139 - 1234"),
        ("Patient lives in Cambridge MA 02139 -1234 with her son.", "02139 -1234"),
        ("Mailing code 02139 - 1234 on file.", "02139 - 1234"),
        ("Zip: 60614 - 2207", "60614 - 2207"),
        ("She is one of the Boston residents enrolled in the program.", "Boston"),
        ("A Houston resident, retired welder.", "Houston"),
        ("He is a somerville resident who works nights.", "somerville"),
        ("Patient is a quincy resident, retired teacher.", "quincy"),
        ("BOSTON RESIDENTS ENROLLED: 4", "BOSTON"),
        ("PT IS A SOMERVILLE RESIDENT.", "SOMERVILLE"),
        ("Initials: hq", "hq"),
        ("Patient initials: hq. Seen for cough.", "hq"),
        ("initials = jgk", "jgk"),
        ("initials - hq", "hq"),
        ("Contact hquenby_at_gmail_dot_com for records.", "hquenby_at_gmail_dot_com"),
        ("email: h.quenby_at_mail_dot_example_dot_org", "h.quenby_at_mail_dot_example_dot_org"),
        ("Pathology from biopsy S24-12345 showed adenocarcinoma.", "S24-12345"),
        ("Bx #SP-24/8812 reviewed at tumor board.", "SP-24/8812"),
        ("Patient initials: RN", "RN"),
        ("Nurse initials: JG", "JG"),
    ],
)
def test_found(text: str, needle: str) -> None:
    assert covered(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Staff initials: RN", "RN"),
        ("Staff initials: RN. Reviewed by charge nurse.", "RN"),
        ("Nurse initials: LPN", "LPN"),
        ("Initials: na", "na"),
        ("Initials: unk", "unk"),
        ("initials: the patient", "the"),
        ("a nursing home resident", "nursing"),
        ("the chief resident", "chief"),
        ("THE CHIEF RESIDENT", "CHIEF"),
        ("NURSING HOME RESIDENTS", "NURSING"),
        ("initials - the patient", "the"),
        ("Initials: no", "no"),
        ("Initials - see below", "see"),
        ("a surgery resident", "surgery"),
        ("the family medicine resident", "medicine"),
        ("a permanent resident", "permanent"),
        ("Range 10000 - 2000 units", "10000 - 2000"),
        ("platelets 15000 - 4500/uL", "15000 - 4500"),
        ("biopsy x2", "x2"),
        ("biopsy T12-L1", "T12-L1"),
        ("bx 10-20 cores", "10-20"),
        ("Boston brace and Glasgow coma scale", "Boston"),
        ("the user_at_work folder", "user_at_work"),
    ],
)
def test_clean(text: str, needle: str) -> None:
    assert not touched(text, needle)


# Close variants of the rules above that they missed at first.
@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # the town and "resident" in different cases
        ("Pt is a BOSTON resident.", "BOSTON"),
        ("He is a somerville RESIDENT.", "somerville"),
        ("a somerville Resident", "somerville"),
        # the accession in brackets, after a comma or a dash, with a part's suffix, a long year
        ("biopsy (S24-12345) showed adenocarcinoma", "S24-12345"),
        ("Prior biopsy, S24-12345, was benign.", "S24-12345"),
        ("Biopsy - S24-12345", "S24-12345"),
        ("biopsy S24-12345-A1 reviewed", "S24-12345"),
        ("biopsy S2024-12345 reviewed", "S2024-12345"),
        ("biopsied S24-12345 on arrival", "S24-12345"),
        # lower-case initials with dots, capitalised, on the label's next line
        ("Initials: h.q.", "h.q"),
        ("Initials: Hq", "Hq"),
        ("Initials:\nhq", "hq"),
        # a short word alone in its field is initials there, as in capitals
        ("Initials: am", "am"),
        ("Patient initials: ed\nAge: 40s", "ed"),
        # any top-level domain once "at" and "dot" are spelled, and an underscore after it
        ("hquenby_at_gmail_dot_xyz", "hquenby_at_gmail_dot_xyz"),
        ("reach hquenby_at_gmail_dot_com_ today", "hquenby_at_gmail_dot_com"),
        ("email: hquenby_at_gmail.com", "hquenby_at_gmail.com"),
        ("h.quenby_at_mail.example.org for records", "h.quenby_at_mail.example.org"),
        # a doubled hyphen in a ZIP+4
        ("Zip: 02139 -- 1234", "02139 -- 1234"),
        ("Cambridge, MA 02139 -- 1234", "02139 -- 1234"),
        # a ward's name in a staff member's initials field is a person's initials
        ("Staff initials: ED", "ED"),
        ("Nurse initials: OR", "OR"),
    ],
)
def test_found_variants(text: str, needle: str) -> None:
    assert covered(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("THE CHIEF resident", "CHIEF"),
        ("a surgery RESIDENT", "surgery"),
        ("biopsy (T12-L1) level", "T12-L1"),
        ("biopsy, 10-20 cores", "10-20"),
        ("Initials: e.g. the patient", "e.g"),
        ("initials: i.e.", "i.e"),
        ("Initials: no", "no"),
        ("Initials: on file", "on"),
        ("initials: see chart", "see"),
        ("initials: not given", "not"),
        ("Initials: N/A", "N/A"),
        ("initials: ok", "ok"),
        ("Initials: Mom", "Mom"),
        ("the user_at_work_dot_txt file", "user_at_work_dot_txt"),
        ("seen_at_home.Then discharged", "seen_at_home.Then"),
        ("the user_at_work.txt file", "user_at_work.txt"),
        ("Range 12000 -- 4000 units", "12000 -- 4000"),
        ("NDC code: 12345 - 6789", "12345 - 6789"),
        ("Billing code 12345 - 6789", "12345 - 6789"),
    ],
)
def test_clean_variants(text: str, needle: str) -> None:
    assert not touched(text, needle)
