"""An account's display name is shown as an author, in mail and on staff lists: it names a
member of staff, so a name is expected there, but a patient's identifier never is."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.admin import operations as admin
from app.auth.models import User
from app.auth.operations import create_user
from app.auth.policy import SYSTEM
from app.deid.gate import IdentifiersFound
from app.extensions import db
from app.programs.catalog import load_catalog

LEAKS = [
    "Dana Whitfield, MD SSN 123-45-6789",
    "Patient Harriet Quenby",
    "Dana Whitfield (MRN 55512344)",
    "Dana Whitfield 617-555-0142",
    "Dana Whitfield, DOB 03/14/1962",
]


def _stored(name: str) -> int:
    return db.session.scalar(select(func.count()).where(User.display_name == name)) or 0


@pytest.mark.parametrize("name", LEAKS)
def test_an_account_named_with_a_patient_identifier_is_refused(app, name):
    with pytest.raises(IdentifiersFound) as refused:
        create_user("dana@example.org", name, "expert", actor=SYSTEM)
    db.session.rollback()
    assert refused.value.field == "display_name"
    # Said in words for an admin, who has nothing to mark: no key, no "mark", no text.
    message = str(refused.value)
    assert message.startswith("The name holds what may identify a patient (a possible ")
    assert "mark" not in message and "display_name" not in message
    assert "Quenby" not in message and "123-45" not in message
    assert _stored(name) == 0


def test_renaming_an_account_to_a_patient_identifier_is_refused(app, make_user):
    user = make_user("expert")
    before = user.display_name
    with pytest.raises(IdentifiersFound):
        admin.update_account(SYSTEM, user, display_name="Harriet Quenby, MRN 55512344")
    db.session.rollback()
    assert db.session.get(User, user.id).display_name == before


def test_a_catalog_cannot_rename_an_account_to_a_patient_identifier(app, make_user, tmp_path):
    user = make_user("expert")
    path = tmp_path / "catalog.yaml"
    path.write_text(
        f"users:\n  - email: {user.email}\n    name: Dana Whitfield SSN 123-45-6789\n"
        "    role: expert\n"
    )
    with pytest.raises(IdentifiersFound):
        load_catalog(path, actor=SYSTEM)
    db.session.rollback()
    assert _stored("Dana Whitfield SSN 123-45-6789") == 0


@pytest.mark.parametrize(
    "name",
    [
        "Dana Whitfield, MD",
        "Thomas Albrecht, PharmD",
        "Lena Harwood, FNP-C",
        "Dr. Miriam Castellanos",
        "Provider 12",
        "dana.whitfield",
    ],
)
def test_staff_names_are_kept(app, name):
    user = create_user("dana@example.org", name, "expert", actor=SYSTEM)
    assert user.display_name == name


@pytest.mark.parametrize(
    "name",
    [
        "Hope Graves, patient",
        "Hope Graves (pt)",
        "Hope Graves (patient)",
        "patient: Hope Graves",
        "Pt Hope Graves",
        "Paciente Hope Graves",
        "Hope Graves, paciente",
        "Patientin Anna Schmidt",
        "Maria Rossi, paziente",
        "Hope Graves - patiente",
    ],
)
def test_a_name_said_to_be_a_patients_is_refused_wherever_the_word_stands(app, name):
    # A name that is also a word ("Hope Graves") is no name the detector reads without a
    # cue before it: the cue after it, or in another language, passed.
    from app.auth.operations import check_display_name

    with pytest.raises(IdentifiersFound) as refused:
        check_display_name(name)
    assert "a possible name" in str(refused.value)


def _ordinary_staff_names() -> list[str]:
    """250 names paired from the detector's own name lists, and names that hold a kin word
    or a title the cue list reads."""
    import gzip
    from pathlib import Path

    data = Path(__file__).parents[2] / "app" / "deid" / "data"
    with gzip.open(data / "first_names.txt.gz", "rt", encoding="utf-8") as fh:
        firsts = fh.read().split()
    with gzip.open(data / "surnames.txt.gz", "rt", encoding="utf-8") as fh:
        lasts = fh.read().split()
    paired = [
        f"{firsts[i * 23 % len(firsts)].title()} {lasts[i * 131 % len(lasts)].title()}"
        for i in range(250)
    ]
    return [
        *paired,
        "Hope Graves",
        "Heung-Min Son",
        "Julia Child",
        "Jane Doe, PT",
        "Jane Doe, DPT",
        "Jane Doe, Patient Navigator",
        "Marcus Family",
    ]


def test_ordinary_staff_names_pass(app):
    from app.auth.operations import check_display_name

    refused = []
    for name in _ordinary_staff_names():
        try:
            check_display_name(name)
        except IdentifiersFound:
            refused.append(name)
    assert refused == []


@pytest.mark.parametrize(
    "name",
    [
        "hope_graves_patient",
        "Hope_Graves_pt",
        "Hope Graves, pasien",
        "Hope Graves, pacienta",
        "Hope Graves, pacient\u0103",
        "Hope Graves, pati\u00ebnte",
        "Hope Graves \u043f\u0430\u0446\u0438\u0435\u043d\u0442\u043a\u0430",
        "Hope Graves \u60a3\u8005",
    ],
)
def test_a_name_said_to_be_a_patients_as_a_handle_or_in_more_languages_is_refused(app, name):
    from app.auth.operations import check_display_name

    with pytest.raises(IdentifiersFound) as refused:
        check_display_name(name)
    assert "a possible name" in str(refused.value)


@pytest.mark.parametrize("name", ["dana_whitfield", "Jane_Doe_PT", "Jane_Doe_Patient_Navigator"])
def test_staff_names_written_as_handles_pass(app, name):
    from app.auth.operations import check_display_name

    check_display_name(name)
